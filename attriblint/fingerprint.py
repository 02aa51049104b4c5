"""Fingerprints of prose for finding repeated text: normalised words, sentences, and
word shingles hashed to stable integers (stable across processes, so they can be cached).

Normalising folds case, curly and straight quotes, dashes and punctuation away, so a copy
that differs only in those is an exact repeat. Shingles are taken inside each sentence, so
reordered sentences keep the same shingle set, and a few changed words only remove the
shingles that hold them.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

_APOSTROPHES = re.compile(r"['’ʼ‘`]")
_WORD = re.compile(r"[^\W_]+")
# A sentence ends at . ! or ? (perhaps followed by a closing quote or bracket) before a
# space and a capital, digit or opening quote. Light by design: abbreviations such as
# "Mr." only split a sentence in two, which shingling within sentences barely notices.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


def words(text: str) -> list[str]:
    """Lower-case words with punctuation, quote marks and apostrophes folded away."""
    text = _APOSTROPHES.sub("", unicodedata.normalize("NFKC", text).lower())
    return _WORD.findall(text)


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) offsets of the sentences of text[start:end], trimmed of surrounding space."""
    spans, here = [], start
    for match in _SENTENCE_BREAK.finditer(text, start, end):
        spans.append((here, match.start()))
        here = match.end()
    spans.append((here, end))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e - (len(text[s:e]) - len(text[s:e].rstrip())))
            for s, e in spans if text[s:e].strip()]


def stable_hash(text: str) -> int:
    """A 64-bit hash that is the same in every process (Python's hash() is not)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def shingles(word_lists: list[list[str]], size: int) -> frozenset[int]:
    """Hashes of the `size`-word runs inside each sentence; a shorter sentence is one shingle."""
    out = set()
    for sentence in word_lists:
        if 0 < len(sentence) <= size:
            out.add(stable_hash(" ".join(sentence)))
        for i in range(len(sentence) - size + 1):
            out.add(stable_hash(" ".join(sentence[i:i + size])))
    return frozenset(out)


@dataclass(frozen=True)
class Unit:
    """A paragraph or sentence as the duplicate checks compare it (picklable, no text kept)."""

    start: int
    end: int
    words: int
    key: int  # hash of the normalised words: equal keys mean an exact repeat
    shingles: frozenset[int]
    parts: tuple[frozenset[int], ...] = ()  # the shingles of each sentence

    def new_sentences(self, other: frozenset[int], share: float = 0.25) -> bool:
        """Whether some sentence of this unit shares under `share` of its shingles with `other`."""
        return any(len(part & other) < share * len(part) for part in self.parts)


def unit(text: str, start: int, end: int, size: int) -> Unit:
    """Fingerprint text[start:end] (a paragraph or one sentence)."""
    word_lists = [words(text[s:e]) for s, e in sentences(text, start, end)]
    flat = [w for sentence in word_lists for w in sentence]
    parts = tuple(shingles([w], size) for w in word_lists if w)
    return Unit(start, end, len(flat), stable_hash(" ".join(flat)), frozenset().union(*parts), parts)


def eligible(item: Unit, text: str, min_words: int, boilerplate) -> bool:
    """Worth comparing: long enough, and not a line newsrooms repeat on purpose (sign-offs…)."""
    own = text[item.start:item.end].strip()
    return item.words >= min_words and not any(p.search(own) for p in boilerplate)
