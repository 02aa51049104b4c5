"""Reading measures of a draft, shared by the `readability` rules and `check --statistics`.

Sentences come from the analysis (spaCy's senter), cut again where the model missed an
obvious end ("rose to 418.6m. After that"); textstat then measures each one. textstat
splits sentences with its own regex, which counts "Mr." or "U.S." as ends: text handed to it
is first made into exactly the sentences we mean (see `as_sentences`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from attriblint.heavy_imports import import_textstat

READ_KINDS = ("paragraph", "blockquote")  # headings and tables are not read as running prose
# A full stop after a lower-case letter, digit or symbol, then a capital: an end the model
# missed ("418.6m. After", "C++. \"Why"); or a run-in list item ("…last year   - Raising").
_MISSED_END = re.compile(r"(?<=[^\sA-Z][.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z])|(?<=\S)\s{2,}(?=[-•*]\s)")
_INNER_MARK = re.compile(r"[.!?]+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class Unit:
    """A sentence or a paragraph to measure: its span and the text the measures read."""

    start: int
    end: int
    text: str  # the reporter's own words when quotations are left out
    quoted_words: int = 0
    only_sentence: int | None = None  # a paragraph of one sentence: that sentence's start


def sentence_spans(analysis) -> list[tuple[int, int]]:
    """Sentences of the running prose, with ends the model missed put back."""
    abbreviations = {a.lower().rstrip(".") for a in analysis.lexicons.get("abbreviations", [])}
    spans = []
    for sentence in analysis.sentences:
        if sentence.block.paragraph.kind not in READ_KINDS:
            continue
        start = sentence.start
        for cut in _MISSED_END.finditer(sentence.text):
            if _last_word(sentence.text[:cut.start()]) in abbreviations:
                continue
            spans.append((start, sentence.start + cut.start()))
            start = sentence.start + cut.end()
        spans.append((start, sentence.end))
    return spans


def _last_word(text: str) -> str:
    """The word before a cut, as the abbreviations lexicon spells it: "(Mr." → "mr"."""
    last = text.split()[-1] if text.split() else ""
    return last.strip("\"“”‘’()").rstrip(".!?").lower()


def own_text(document, start: int, end: int, quotations: str = "exclude") -> tuple[str, int]:
    """The text of [start, end) without direct quotations (unless `quotations` is include),
    and how many words the quotations held."""
    prose = document.prose
    if quotations == "include":
        return prose[start:end], 0
    pieces, quoted, at = [], 0, start
    for quote in document.quotes:
        if quote.end <= start or quote.start >= end:
            continue
        pieces.append(prose[at:max(at, quote.start)])
        quoted += words(prose[max(start, quote.start):min(end, quote.end)])
        at = max(at, quote.end)
    pieces.append(prose[at:end] if at < end else "")
    return " ".join(p.strip() for p in pieces if p.strip()), quoted


def as_sentences(texts: list[str]) -> str:
    """Texts joined so that textstat counts exactly one sentence for each."""
    cleaned = [_INNER_MARK.sub("", t).strip() for t in texts]  # "U.S." → "US", "4.5m" → "45m"
    return " ".join(t + "." for t in cleaned if t)


def words(text: str) -> int:
    textstat = import_textstat()
    return textstat.lexicon_count(text)


def capitalised_share(text: str) -> float:
    """Share of words that start with a capital: high in line-ups, lists of names, all-caps titles."""
    found = _WORD.findall(text)
    return sum(w[0].isupper() for w in found) / len(found) if found else 0.0


def draft_statistics(analysis) -> dict:
    """Words, sentences, mean sentence length and Flesch-Kincaid grade of a draft's prose."""
    textstat = import_textstat()
    document = analysis.document
    spans = sentence_spans(analysis)
    joined = as_sentences([document.prose[s:e] for s, e in spans])
    total = words(joined)
    quoted = sum(own_text(document, s, e)[1] for s, e in spans)
    return {"words": total, "quoted_words": min(quoted, total), "sentences": len(spans),
            "words_per_sentence": round(total / len(spans), 1) if spans else 0.0,
            "grade": round(textstat.flesch_kincaid_grade(joined), 1) if total else 0.0}
