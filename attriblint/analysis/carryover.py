"""Quotations and carry-over: each direct quotation goes to the attribution that speaks it,
in its own sentence, in the sentence after it, or earlier in a run of quote paragraphs."""
from __future__ import annotations

import bisect

from attriblint.analysis.model import Attribution

QUOTE_MIN_WORDS = 4  # shorter quotes are scare quotes or terms, not a speaker's statement
STATEMENT_MIN_WORDS = 8  # a quote this long inside a sentence is a statement, not a phrase


def link_quotes(analysis, found: list[Attribution]) -> list[Attribution]:
    """Give each quotation its speaker: the cue in the quote's own sentence, else the one in
    the sentence just after (`"…." He said.`), else the last speaker before it in the same or
    the previous paragraph (the convention for a quote that runs on)."""
    document = analysis.document
    groups: dict[int, list] = {}
    for quote in document.quotes:
        groups.setdefault(quote.group, []).append(quote)
    starts = [s.start for s in analysis.sentences]
    speaking = [a for a in found if a.kind in ("indirect", "according-to")]
    cue_starts = [a.cue[0] for a in speaking]
    paragraphs = document.paragraphs
    previous = None  # (owner, paragraph index) of the last quotation given a speaker
    for pieces in groups.values():
        first, last = pieces[0], pieces[-1]
        words = sum(len(document.prose[q.start:q.end].split()) for q in pieces)
        if words < QUOTE_MIN_WORDS and not _sentence_quoted(document.prose[first.start:last.end]):
            continue
        owner = _speaker_of(analysis, starts, speaking, cue_starts, first, last, words)
        here = document.paragraph_index(first.start)
        if owner is None and previous is not None and here - previous[1] == 1 and \
                first.start == paragraphs[here].start:
            owner = previous[0]  # a run of quote paragraphs under one speaker
        if owner is None:
            continue
        previous = owner, document.paragraph_index(last.start)
        span = (first.start, last.end)
        owner.content = _union(owner.content, span)
        if 2 * (span[1] - span[0]) >= owner.content[1] - owner.content[0]:
            owner.kind = "direct"
    return found


def _speaker_of(analysis, starts, speaking, cue_starts, first, last, words):
    """The attribution that owns a quotation spanning `first`..`last` pieces, or None."""
    sentences = analysis.sentences
    lo = bisect.bisect_right(starts, first.start) - 1
    hi = bisect.bisect_right(starts, max(last.end - 1, last.start)) - 1
    inside = [a for a in speaking if sentences[max(lo, 0)].start <= a.cue[0] < sentences[hi].end]
    outside = [a for a in inside if not first.start <= a.cue[0] < last.end]  # "“I expect …,” she said"
    if inside:
        return (outside or inside)[0]
    if hi + 1 < len(sentences):
        after = sentences[hi + 1]
        for a in speaking:
            if after.start <= a.cue[0] < after.end and a.content is None:
                return a
    index = bisect.bisect_left(cue_starts, first.start) - 1
    statement = first.start == sentences[max(lo, 0)].start or words >= STATEMENT_MIN_WORDS
    if index >= 0 and statement:  # not a phrase quoted in the reporter's sentence ("known as ''the Poorhouse''")
        candidate = speaking[index]
        document = analysis.document
        here = document.paragraph_index(first.start)
        there = document.paragraph_index(candidate.cue[0])
        if here - there <= 1:
            return candidate
    return None


def _sentence_quoted(quoted: str) -> bool:
    """"“Everyone waits, right?”": a short quotation that is a whole sentence, capital to
    stop, is a statement, not a scare-quoted term."""
    inner = quoted.strip("\"“”'‘’` ")
    return inner[:1].isupper() and inner[-1:] in ".?!"


def _union(a, b):
    if a is None:
        return b
    return min(a[0], b[0]), max(a[1], b[1])
