"""Kind `readability`: sentences and paragraphs too long or too dense for a news reader.

Each check in the pack names a scope (sentence or paragraph), a textstat metric and a limit;
a sentence or paragraph gets one finding, from the first check it fails. Direct quotations
are the source's words, not the reporter's: by default they are left out of the measures.
"""
from __future__ import annotations

from attriblint import statistics
from attriblint.kinds.base import Rule
from attriblint.heavy_imports import import_textstat
from attriblint.yamlfile import Field

# Metrics a check may name: `words`, or a textstat function that takes a text.
METRICS = ("words", "flesch_kincaid_grade", "flesch_reading_ease", "gunning_fog", "smog_index",
           "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score",
           "linsear_write_formula", "difficult_words", "polysyllabcount", "long_word_count",
           "syllable_count", "lix", "rix", "mcalpine_eflaw", "spache_readability", "sentence_count")


def _each_has_a_limit(checks):
    for number, check in enumerate(checks, 1):
        if check["max"] is None and check["min"] is None:
            raise ValueError(f"check {number} needs 'max' (higher is harder) or 'min' (lower is harder)")
    return checks


CHECK = {
    "scope": Field(str, required=True, choices=("sentence", "paragraph")),
    "metric": Field(str, required=True, choices=METRICS),
    "max": Field(float),
    "min": Field(float),
    "min-words": Field(int, default=0),
    "message": Field(str, required=True),
}


def measure(metric: str, text: str) -> float:
    if metric == "words":
        return statistics.words(text)
    textstat = import_textstat()
    return round(float(getattr(textstat, metric)(text)), 1)


class ReadabilityRule(Rule):
    kind = "readability"
    message_fields = frozenset({"metric", "value", "limit", "words", "grade", "quoted_words", "scope"})
    needs = frozenset({"sentences"})
    options = {
        "checks": Field(list, required=True, items=CHECK, check=_each_has_a_limit),
        "quotations": Field(str, default="exclude", choices=("exclude", "include")),
        "list-share": Field(float, default=0.6),
    }

    def __init__(self, spec):
        super().__init__(spec)
        self.checks = spec.options["checks"]
        self.quotations = spec.options["quotations"]
        self.list_share = spec.options["list-share"]

    def prepare(self) -> None:
        for metric in {"flesch_kincaid_grade"} | {c["metric"] for c in self.checks}:
            measure(metric, "Loading the syllable tables takes a while.")

    def check(self, analysis):
        sentences = self._sentences(analysis)
        flagged: set[int] = set()  # starts of the sentences already reported
        for scope, units in (("sentence", sentences), ("paragraph", self._paragraphs(analysis, sentences))):
            checks = [c for c in self.checks if c["scope"] == scope]
            for unit in units if checks else ():
                if scope == "paragraph" and unit.only_sentence in flagged:
                    continue  # the paragraph is that one sentence, already reported
                found = self._first_failure(unit, checks)
                if found is not None:
                    flagged.add(unit.start)
                    yield found

    def _sentences(self, analysis) -> list[statistics.Unit]:
        units = []
        for start, end in statistics.sentence_spans(analysis):
            text, quoted = statistics.own_text(analysis.document, start, end, self.quotations)
            if text and statistics.capitalised_share(text) <= self.list_share:
                units.append(statistics.Unit(start, end, statistics.as_sentences([text]), quoted))
        return units

    def _paragraphs(self, analysis, sentences: list[statistics.Unit]) -> list[statistics.Unit]:
        units = []
        for paragraph in analysis.document.paragraphs:
            if paragraph.kind == "blockquote" and self.quotations == "exclude":
                continue
            inside = [u for u in sentences if paragraph.start <= u.start < paragraph.end]
            if inside:
                units.append(statistics.Unit(paragraph.start, paragraph.end, " ".join(u.text for u in inside),
                                             sum(u.quoted_words for u in inside),
                                             inside[0].start if len(inside) == 1 else None))
        return units

    def _first_failure(self, unit: statistics.Unit, checks: list[dict]):
        words = statistics.words(unit.text)
        for check in checks:
            if words < check["min-words"]:
                continue
            value = measure(check["metric"], unit.text)
            limit = check["max"] if check["max"] is not None and value > check["max"] else None
            if limit is None and check["min"] is not None and value < check["min"]:
                limit = check["min"]
            if limit is not None:
                grade = measure("flesch_kincaid_grade", unit.text)
                fields = {"metric": check["metric"], "value": _number(value), "limit": _number(limit),
                          "words": words, "grade": _number(grade), "quoted_words": unit.quoted_words,
                          "scope": check["scope"]}
                return self.finding(unit.start, unit.end, check["message"], **fields, extra=dict(fields))
        return None


def _number(value: float):
    return int(value) if float(value).is_integer() else value
