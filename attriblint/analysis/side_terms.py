"""Side terms: every side's words matched on a parsed draft's tokens (used by sides.py).

Matching keeps the case of proper names ("Turkey", not "turkey"), allows a final plural "s",
and prefers the longest term ("South Sudan" before "Sudan").
"""
from __future__ import annotations

NEUTRAL = "neutral"


class SideTerms:
    """The terms of every side, matched on tokens: longest first, case kept for proper names."""

    def __init__(self, terms: list[tuple[str, str]], words: list[list[str]], places_only: bool):
        """`terms`: (side, term) pairs; `words`: each term's words as the model splits them."""
        self.places_only = places_only  # the country pack: a term inside a person's name is a name
        self.index: dict[str, list[tuple[list[str], str]]] = {}
        for (side, _), term_words in zip(terms, words):
            if term_words:
                self.index.setdefault(term_words[0].lower(), []).append((term_words, side))
        for entries in self.index.values():
            entries.sort(key=lambda e: -len(e[0]))

    def hits(self, doc) -> dict[int, tuple[int, int, str]]:
        """token index → (first, last+1, side) of the term that covers it."""
        found: dict[int, tuple[int, int, str]] = {}
        i = 0
        while i < len(doc):
            match = self._match(doc, i)
            if match and not (self.places_only and _inside_person_name(doc, i, match[0])):
                for j in range(i, match[0]):
                    found[j] = (i, match[0], match[1])
                i = match[0]
            else:
                i += 1
        return found

    def _match(self, doc, i):
        keys = {doc[i].lower_, _singular(doc[i].lower_)}
        for words, side in sorted((e for k in keys for e in self.index.get(k, [])), key=lambda e: -len(e[0])):
            end = i + len(words)
            if end <= len(doc) and all(_same(w, doc[i + k].text, k == len(words) - 1)
                                        for k, w in enumerate(words)):
                return end, side
        return None


_TERMS_MEMO: dict[tuple, SideTerms] = {}


def side_terms(sides: dict, neutral: list, pipeline, places_only: bool) -> SideTerms:
    """Tokenising ~700 country terms costs more than checking a short draft: do it once per run
    (and once per cache: the pipeline keeps the words, so a cached run needs no model for them)."""
    terms = [(NEUTRAL, term) for term in neutral]
    terms += [(side, term) for side, listed in sides.items() for term in listed]
    key = (tuple(terms), places_only, pipeline.model_name)
    if key not in _TERMS_MEMO:
        if len(_TERMS_MEMO) > 8:
            _TERMS_MEMO.clear()
        _TERMS_MEMO[key] = SideTerms(terms, pipeline.tokenise([term for _, term in terms]), places_only)
    return _TERMS_MEMO[key]


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") else word


def _same(term: str, text: str, last: bool) -> bool:
    """A capitalised term keeps its case ("Turkey", not "turkey"); the last word may be plural."""
    forms = {term, term + "s"} if last and len(term) > 2 and term[-1].isalpha() else {term}
    if any(c.isupper() for c in term):
        return text in forms
    return text.lower() in forms


def _inside_person_name(doc, i: int, end: int) -> bool:
    """"Jordan Henderson", "Paris Hilton": a country word that opens a person's name."""
    return (end < len(doc) and doc[i].ent_type_ == "PERSON"
            and doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ == "I")
