"""Kind `consistency`: one name spelled two ways in a draft ("Lukyantski" and "Lukyantsi"),
and spellings the newsroom's house style replaces ("Zelenskyy" → "Zelensky").

Proper names come from the tagger (PROPN, capitalised). Two spellings are variants when they
are close by edit distance, with guards: a derived form is not a variant ("Russia" and
"Russian", "Argentina" and "Argentine"), a word also written in lower case is not a name, and
names written beside different names are different people ("Michael Mann", "Michel Gondry").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from attriblint.kinds.base import Rule
from attriblint.yamlfile import Field, string_list

HOUSE_ENTRY = {
    "preferred": Field(str, required=True),
    "variants": Field((str, list), required=True, check=string_list),
}
_APOSTROPHES = "'’"


@dataclass
class Spelling:
    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    companions: set[str] = field(default_factory=set)
    word: bool = False  # also written in lower case in the draft: a common word ("Contract")

    @property
    def first(self) -> int:
        return self.spans[0][0]


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@lru_cache(maxsize=65536)  # each name is compared with every other one in its draft
def folded(text: str) -> str:
    """Lower case without accents: "Müller" and "Muller" compare as one spelling."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


class ConsistencyRule(Rule):
    kind = "consistency"
    message_fields = frozenset({"match", "other", "other_line", "count", "times"})
    needs = frozenset({"lemmas"})  # the tagger's PROPN
    options = {
        "min-length": Field(int, default=6),
        "max-distance": Field(float, default=0.15),
        "suffixes": Field(list, default=list, check=string_list),
        "titles": Field(list, default=list, check=string_list),
        "house-style": Field(list, default=list, items=HOUSE_ENTRY),
        "house-message": Field(str, default='"{match}": house style spells it "{suggest}"'),
    }

    def __init__(self, spec):
        super().__init__(spec)
        options = spec.options
        self.min_length = options["min-length"]
        self.max_distance = options["max-distance"]
        self.suffixes = sorted({folded(s) for s in options["suffixes"]}, key=len, reverse=True)
        self.titles = set(options["titles"])
        self.house = {v: entry["preferred"] for entry in options["house-style"] for v in entry["variants"]}
        self._house_pattern = _words_pattern(self.house)

    def check(self, analysis):
        yield from self._house_style(analysis)
        yield from self._variants(analysis)

    def _house_style(self, analysis):
        if self._house_pattern is None:
            return
        for match in self._house_pattern.finditer(analysis.document.prose):
            written = " ".join(match.group().split())
            preferred = self.house[written]
            yield self.finding(match.start(), match.end(), self.spec.options["house-message"],
                               match=written, suggestions=[preferred], extra={"preferred": preferred})

    def _variants(self, analysis):
        spellings = self._spellings(analysis)
        reference: dict[str, Spelling] = {}
        ranked = sorted(spellings.values(), key=lambda s: (-len(s.spans), s.first))
        for i, major in enumerate(ranked):
            if major.text in reference:
                continue
            for minor in ranked[i + 1:]:
                if minor.text not in reference and self._variant(major, minor):
                    reference[minor.text] = major
        document = analysis.document
        for text, other in reference.items():
            for start, end in spellings[text].spans:
                line = document.position(_nearest(other.spans, start))[0]
                yield self.finding(start, end, match=text, other=other.text, other_line=line,
                                   count=len(other.spans), times=_times(len(other.spans)),
                                   suggestions=[other.text],
                                   extra={"other": {"text": other.text, "line": line}})

    def _spellings(self, analysis) -> dict[str, Spelling]:
        """Capitalised proper-name tokens of the draft by spelling, house-style variants left out."""
        names: dict[str, Spelling] = {}
        words = [(block, token, token.text.rstrip(_APOSTROPHES)) for block in analysis.blocks for token in block.doc]
        for _, token, text in words:
            if (len(text) >= self.min_length and text[:1].isupper() and token.pos_ == "PROPN"
                    and text.replace("-", "").isalpha() and text not in self.house):
                spelling = names.setdefault(text, Spelling(text))
                spelling.companions |= self._companions(token)
        lower = {n.lower(): n for n in names}
        for block, token, text in words:  # every mention counts, whatever its tag
            spelling = names.get(text)
            if spelling is not None:
                start, _ = block.span(token)
                spelling.spans.append((start, start + len(spelling.text)))
            elif text in lower and text.islower():
                names[lower[text]].word = True
        return names

    def _variant(self, a: Spelling, b: Spelling) -> bool:
        fa, fb = folded(a.text), folded(b.text)
        if fa == fb:
            return a.text.lower() != b.text.lower()  # accents differ; case alone does not count
        if fa[0] != fb[0] or self._derived(fa, fb) or a.word or b.word:
            return False
        if a.companions and b.companions and not any(
                self._close(x, y) for x in a.companions for y in b.companions):
            return False  # "Michael Mann" and "Michel Gondry": different people
        return self._close(fa, fb)

    def _close(self, a: str, b: str) -> bool:
        a, b = folded(a), folded(b)
        allowed = self.max_distance * max(len(a), len(b))
        return abs(len(a) - len(b)) <= allowed and edit_distance(a, b) <= allowed

    def _derived(self, a: str, b: str) -> bool:
        """Both differ only by a derivation ending after a shared stem: "Russia"/"Russian",
        "Argentina"/"Argentine", "Germany"/"German". A doubled last letter ("Zelenskyy") is
        a spelling, not a derivation."""
        stem = len(_common_prefix(a, b))
        endings = sorted((a[stem:], b[stem:]), key=len)
        if endings[0] == "" and endings[1] == a[stem - 1] * len(endings[1]):
            return False
        return all(e == "" or e in self.suffixes for e in endings)

    def _companions(self, token) -> set[str]:
        """Names written next to this one, titles aside: "Gordon" in "Gordon Brown"."""
        doc, found = token.doc, set()
        for step in (-1, 1):
            i = token.i + step
            while 0 <= i < len(doc) and abs(i - token.i) <= 2 and doc[i].pos_ == "PROPN" \
                    and doc[i].text[:1].isupper() and doc[i].text not in self.titles:
                found.add(doc[i].text)
                i += step
        return found


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _nearest(spans: list[tuple[int, int]], offset: int) -> int:
    """The other spelling's mention to name: the last one before `offset`, else the first."""
    before = [s for s, _ in spans if s < offset]
    return before[-1] if before else spans[0][0]


def _words_pattern(words) -> re.Pattern | None:
    if not words:
        return None
    alternatives = sorted(words, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, w.split())) for w in alternatives)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")
