"""Analysis: what the rules read about one draft, computed once and shared.

Each prose paragraph is parsed once (spaCy Doc per block; offsets inside a Doc are
relative to its block's `start`). Rules never re-parse and never search the text again
for something another layer already found.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from attriblint.document import Document, Paragraph
from attriblint.nlp import MAX_BLOCK_CHARS

# "MACAU (Reuters) – ", "DOVER, Del. (AP) — ": a place in capitals, its state, the agency
_DATELINE = re.compile(r"[A-Z][A-Z'’.-]+\b(?:[ ,]+[A-Z][A-Za-z'’.-]*)*(?:\s*\([^)\n]*\))?\s*[—–-]\s+")


@dataclass(frozen=True)
class Block:
    """A parsed stretch of prose: a paragraph, or a piece of a very long one."""

    start: int
    end: int
    paragraph: Paragraph
    doc: Any  # spacy.tokens.Doc of `text`
    text: str  # prose[start:end] (Doc.text would re-join every token on each call)

    def span(self, token_or_span) -> tuple[int, int]:
        """Absolute [start, end) offsets of a spaCy token or span of this block."""
        if hasattr(token_or_span, "start_char"):
            return self.start + token_or_span.start_char, self.start + token_or_span.end_char
        return self.start + token_or_span.idx, self.start + token_or_span.idx + len(token_or_span)


@dataclass(frozen=True)
class Words:
    """A block's words, less spaces and quote marks, with their lower-case forms and lemmas:
    what word-list rules match on, read from the parse once per draft rather than per rule."""

    block: Block
    tokens: list
    lowers: list[str]
    lemmas: list[str]


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    block: Block
    span: Any  # spacy.tokens.Span

    @property
    def text(self) -> str:
        return self.block.text[self.span.start_char:self.span.end_char]


class Analysis:
    """One draft with its parse and the layers built on it (quotes, attributions, sources)."""

    def __init__(self, document: Document, pipeline=None, lexicons: dict | None = None,
                 settings: dict | None = None):
        self.document = document
        self.pipeline = pipeline
        self.lexicons = lexicons or {}
        self.settings = settings or {}

    @cached_property
    def blocks(self) -> list[Block]:
        pieces = block_pieces(self.document)
        texts = [self.document.prose[s:e] for s, e, _ in pieces]
        docs = self.pipeline.parse(texts) if pieces else []
        return [Block(s, e, p, doc, text) for (s, e, p), doc, text in zip(pieces, docs, texts)]

    @cached_property
    def sentences(self) -> list[Sentence]:
        out = []
        for block in self.blocks:
            for sent in block.doc.sents:
                if block.text[sent.start_char:sent.end_char].strip():
                    start, end = block.span(sent)
                    out.append(Sentence(start, end, block, sent))
        return out

    @cached_property
    def words(self) -> list[Words]:
        out = []
        for block in self.blocks:
            tokens = [t for t in block.doc if not (t.is_space or t.is_quote)]
            out.append(Words(block, tokens, [t.lower_ for t in tokens], [t.lemma_.lower() for t in tokens]))
        return out

    def block_index(self, offset: int) -> int | None:
        """Number of the block that holds the draft offset, or None outside parsed prose."""
        number = bisect.bisect_right(self._block_starts, offset) - 1
        return number if number >= 0 and offset < self.blocks[number].end else None

    def span_at(self, start: int, end: int):
        """The spaCy span of the words over draft offsets [start, end), within the block that
        holds `start`; None outside parsed prose."""
        number = self.block_index(start)
        if number is None:
            return None
        block = self.blocks[number]
        return block.doc.char_span(start - block.start, min(end, block.end) - block.start, alignment_mode="expand")

    @cached_property
    def _block_starts(self) -> list[int]:
        return [block.start for block in self.blocks]

    @cached_property
    def sides(self):
        """Which side each source speaks for and which side acts in each claim (analysis/sides.py)."""
        from attriblint.analysis.sides import DraftSides

        return DraftSides(self)

    @cached_property
    def agentless_passives(self) -> list:
        """Every passive of saying or thinking with no agent (analysis/agentless.py), found once:
        attribution keeps those PolNeAR would mark, vague-attribution those not routine news."""
        from attriblint.analysis.agentless import find_agentless

        return find_agentless(self)

    @property
    def attributions(self) -> list:
        """Who said what (analysis.model.Attribution), in text order, sources resolved."""
        return self._who_said_what[0]

    @property
    def sources(self) -> list:
        """The people and bodies the draft cites (analysis.model.Source), mentions merged."""
        return self._who_said_what[1]

    @cached_property
    def _who_said_what(self) -> tuple[list, list]:
        from attriblint.analysis.attribution import find_attributions
        from attriblint.analysis.sources import resolve_sources

        found = find_attributions(self)
        sources = resolve_sources(self, found)
        self.sides.assign(found, sources)
        return found, sources

    def lemmas(self, phrases: list[str]) -> list[list[str]]:
        """Lower-case lemmas of each short phrase, as the pipeline lemmatises it (one batch)."""
        return [[lemma for _, lemma in words] for words in self.pipeline.lemmatise(phrases)]


def block_pieces(document: Document) -> list[tuple[int, int, Paragraph]]:
    """(start, end, paragraph) of each stretch of the draft's prose parsed as one block."""
    return [(start, end, paragraph) for paragraph in document.paragraphs
            for start, end in _pieces(document.prose, paragraph.start, paragraph.end)]


def _pieces(text: str, start: int, end: int):
    """A wire dateline apart from the sentence it opens, which the parser would otherwise give
    the place as its subject ("MACAU (Reuters) – Top donor Sheldon Adelson said"); and a
    paragraph longer than the model accepts cut at sentence ends (rare: pasted dumps)."""
    dateline = _DATELINE.match(text, start, end)
    if dateline and dateline.end() < end:
        yield start, dateline.end()
        start = dateline.end()
    while end - start > MAX_BLOCK_CHARS:
        window = text[start:start + MAX_BLOCK_CHARS]
        cut = max((m.end() for m in re.finditer(r"[.!?]\s", window)), default=MAX_BLOCK_CHARS)
        yield start, start + cut
        start += cut
    yield start, end
