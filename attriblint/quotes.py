"""Find direct quotations once, for every rule: curly and straight marks, and quotes that
run on over several paragraphs by the news convention of reopening the mark on each one."""
from __future__ import annotations

from dataclasses import dataclass

OPENING_DOUBLE = "“„«"
CLOSING_DOUBLE = "”»"
_BEFORE_OPENING = set(" \t\r\n([{—–-/:;,")


@dataclass(frozen=True)
class Quote:
    """A quotation: `start` is at the opening mark, `end` just past the closing one.

    `group` is shared by the pieces of one quotation that runs over several paragraphs;
    `closed` is False when the paragraph ended before a closing mark.
    """

    start: int
    end: int
    group: int
    closed: bool
    mark: str = "“"  # the opening mark: one character, or '' (two apostrophes)

    @property
    def inner(self) -> tuple[int, int]:
        width = len(self.mark)
        return self.start + width, self.end - width if self.closed else self.end


def _mark_at(text: str, i: int) -> str:
    """The quote mark at `i`; two apostrophes are one double mark (typewriter and newswire
    style: ''We will rebuild,'' she said)."""
    return "''" if text.startswith("''", i) else text[i]


def _opens(text: str, i: int, start: int) -> bool:
    ch = _mark_at(text, i)
    if ch in OPENING_DOUBLE:
        return True
    if ch in ('"', "''"):
        return i == start or text[i - 1] in _BEFORE_OPENING
    if ch == "‘":
        return i == start or text[i - 1] in _BEFORE_OPENING
    return False


def _closes(text: str, i: int, mark: str) -> bool:
    ch = text[i]
    if mark == "''":
        return text.startswith("''", i)
    if mark in "“„«\"":
        return ch in CLOSING_DOUBLE or ch == '"'
    # A single quote closes on ’ or ' not followed by a letter ("don’t" and "Kyiv’s" do not close).
    return ch in "’'" and (i + 1 == len(text) or not text[i + 1].isalpha())


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Quotes in `text` within the given paragraph spans (which must be in order)."""
    quotes: list[Quote] = []
    group = 0
    carried = None  # the mark of a quote left open at the end of the previous paragraph
    for start, end in paragraphs:
        i = start
        mark, opened = None, None
        if carried and i < end and _opens(text, i, start) and _same_family(_mark_at(text, i), carried):
            mark, opened = _mark_at(text, i), i
            i += len(mark)
        elif carried:
            group += 1
        carried = None
        while i < end:
            step = 1
            if mark is None:
                if _opens(text, i, start):
                    mark, opened = _mark_at(text, i), i
                    step = len(mark)
                    group += 1
            elif mark == "‘" and _mark_at(text, i) in (*OPENING_DOUBLE, '"', "''") and _opens(text, i, start):
                # a double mark inside a single-quoted stretch: the single one was an apostrophe
                mark, opened = _mark_at(text, i), i
                step = len(mark)
                group += 1
            elif _closes(text, i, mark):
                step = len(mark) if mark == "''" else 1
                quotes.append(Quote(opened, i + step, group, True, mark))
                mark = None
            i += step
        if mark is not None:
            quotes.append(Quote(opened, end, group, False, mark))
            if mark != "‘":
                carried = mark
    return quotes


def _same_family(ch: str, mark: str) -> bool:
    doubles = (*OPENING_DOUBLE, '"', "''")
    return (ch in doubles) == (mark in doubles)
