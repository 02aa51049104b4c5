"""Kind `phrase`: words and phrases matched on lemmas (so "moved to" hits "move to"),
tolerant of quote marks inside the phrase; or regular expressions on the prose."""
from __future__ import annotations

from dataclasses import dataclass

from attriblint.kinds.base import Rule
from attriblint.kinds.conditions import Context, check_when, needs_parse
from attriblint.yamlfile import Field, regex, string_list

ENTRY = {
    "phrase": Field(str),
    "pattern": Field(str, check=regex),
    "meaning": Field(str, default=""),
    "suggest": Field((str, list), default=list, check=string_list),
    "message": Field(str, default=""),
    "when": Field(dict, check=check_when),  # context conditions, see kinds/conditions.py
}


def _one_of_phrase_or_pattern(entries):
    for number, entry in enumerate(entries, 1):
        if (entry["phrase"] is None) == (entry["pattern"] is None):
            raise ValueError(f"entry {number} needs exactly one of 'phrase' or 'pattern'")
        if entry["when"] and entry["pattern"] is not None:
            raise ValueError(f"entry {number}: 'when' conditions apply to 'phrase' entries only")
    return entries


@dataclass
class _Word:
    lower: str
    lemma: str

    def matches(self, lower: str, lemma: str, token) -> bool:
        """Whether the draft's word (`lower`, `lemma`: its lower-case forms) is this one."""
        if lower == self.lower or lemma in (self.lemma, self.lower):
            return True
        # Title case ("Targeted Killings") is tagged as a name, whose lemma keeps the plural.
        return lower in (self.lemma + "s", self.lemma + "es") and token.pos_ == "PROPN"


class PhraseRule(Rule):
    kind = "phrase"
    message_fields = frozenset({"match", "meaning"})
    options = {"entries": Field(list, required=True, items=ENTRY, check=_one_of_phrase_or_pattern)}

    def __init__(self, spec):
        super().__init__(spec)
        self.entries = spec.options["entries"]
        self.phrases = [e for e in self.entries if e["phrase"] is not None]
        self.patterns = [e for e in self.entries if e["pattern"] is not None]
        self.needs = frozenset({"lemmas"}) if self.phrases else frozenset()
        if any(needs_parse(e["when"]) for e in self.phrases):
            self.needs = frozenset({"parse"})
        self._index: dict[str, list[tuple[list[_Word], dict]]] | None = None

    def check(self, analysis):
        for start, end, entry in _longest_first(self.matches(analysis)):
            text = analysis.document.text[start:end]
            extra = {"meaning": entry["meaning"]} if entry["meaning"] else {}
            yield self.finding(start, end, entry["message"] or None, match=text, meaning=entry["meaning"],
                               suggestions=entry["suggest"], extra=extra)

    def matches(self, analysis) -> list[tuple[int, int, dict]]:
        """(start, end, entry) of every match; overlapping ones are resolved by `check`."""
        found = list(self._pattern_matches(analysis))
        if self.phrases:
            found += self._phrase_matches(analysis)
        return found

    def _pattern_matches(self, analysis):
        prose = analysis.document.prose
        for entry in self.patterns:
            for m in entry["pattern"].finditer(prose):
                if m.end() > m.start():
                    yield m.start(), m.end(), entry

    def _phrase_index(self, analysis):
        if self._index is None:
            self._index = {}
            lemmatised = analysis.pipeline.lemmatise([entry["phrase"] for entry in self.phrases])
            for entry, forms in zip(self.phrases, lemmatised):
                words = [_Word(lower, lemma) for lower, lemma in forms]
                if words:
                    for key in {words[0].lower, words[0].lemma}:
                        self._index.setdefault(key, []).append((words, entry))
        return self._index

    def _phrase_matches(self, analysis):
        index = self._phrase_index(analysis)
        found = []
        for block_words in analysis.words:
            tokens, lowers, lemmas = block_words.tokens, block_words.lowers, block_words.lemmas
            for i, lower in enumerate(lowers):
                for words, entry in index.get(lower, []) + index.get(lemmas[i], []):
                    end_index = i + len(words)
                    if end_index <= len(tokens) and all(
                            word.matches(lowers[k], lemmas[k], tokens[k]) for k, word in enumerate(words, i)):
                        window = tokens[i:end_index]
                        if entry["when"] and not Context(window, analysis.lexicons).holds(entry["when"]):
                            continue
                        start, _ = block_words.block.span(window[0])
                        _, end = block_words.block.span(window[-1])
                        found.append((start, _close_quote(analysis.document.prose, start, end), entry))
        return found


def _close_quote(prose: str, start: int, end: int) -> int:
    """Take in the closing mark of a quote that opens inside the match and closes right after it."""
    if end < len(prose) and prose[end] in "”\"’" and any(c in "“\"‘" for c in prose[start:end]):
        return end + 1
    return end


def _longest_first(matches):
    """Drop a match that lies inside a longer one (and exact repeats)."""
    kept: list[tuple[int, int, dict]] = []
    for start, end, entry in sorted(matches, key=lambda m: (m[0], -(m[1] - m[0]))):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, entry))
    return kept
