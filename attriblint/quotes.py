"""Find direct quotations once, for every rule: curly and straight marks, typewriter pairs
(``like this'' and ''like this'', as in wire and newspaper archives), marks typed the wrong way
round (”like this” and “like this“, where the side of the word leaves no doubt), and quotes
that run on over several paragraphs by the news convention of reopening the mark on each one."""
from __future__ import annotations

from dataclasses import dataclass

OPENING_DOUBLE = "“„«"
CLOSING_DOUBLE = "”»"
PAIR = "''"  # two apostrophes (or two backticks opening) stand for one double mark
DOUBLE_MARKS = (*OPENING_DOUBLE, "”", '"', PAIR)
_BEFORE_OPENING = set("([{—–-/:;,")  # and any space, the no-break space of web copy too


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
    width: int = 1  # characters in each mark: 2 for the typewriter pairs

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + self.width, self.end - self.width if self.closed else self.end


def _mark_at(text: str, i: int) -> str:
    """The mark at i: a typewriter pair as one mark, else the character."""
    return PAIR if text.startswith(PAIR, i) or text.startswith("``", i) else text[i]


def _opens(text: str, i: int, start: int) -> bool:
    ch = text[i]  # looked at for every character: the common case returns at once
    if ch in OPENING_DOUBLE:
        return True
    if ch == "”":  # a closing mark typed to open: at a word's start, after a space
        return _after_space(text, i, start) and text[i + 1:i + 2].isalnum()
    if ch not in "\"‘'`" or ch in "'`" and _mark_at(text, i) != PAIR:
        return False
    after_space = _after_space(text, i, start)
    if ch in "'`":  # a pair opens before a word
        return after_space and text[i + 2:i + 3].strip() != ""
    return after_space and not (ch == "‘" and text[i + 1:i + 2].isdigit())  # "the ‘90s", "‘16": a year cut short


def _after_space(text: str, i: int, start: int) -> bool:
    """A mark at a paragraph's start, or after a space (a no-break one too: `he said.\xa0"And …`)
    or an opening bracket, dash or stop."""
    return i == start or text[i - 1].isspace() or text[i - 1] in _BEFORE_OPENING


def _closes(text: str, i: int, mark: str) -> bool:
    ch = text[i]
    if mark == PAIR:
        return text.startswith(PAIR, i) and not text[i + 2:i + 3].isalpha()
    if mark in "“„«”\"":
        return ch in CLOSING_DOUBLE or ch == '"' or ch == "“" and _ends_word(text, i)
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
            if mark is None or mark == "‘" and _mark_at(text, i) in DOUBLE_MARKS:
                # (a double mark inside a single-quoted stretch: the single one was an apostrophe)
                if _opens(text, i, start):
                    mark, opened = _mark_at(text, i), i
                    group += 1
                    i += len(mark) - 1
            elif mark == '"' and _only_opens(text, i):
                # "…first one. "Second…": the quote was reopened without being closed
                quotes.append(Quote(opened, i, group, False))
                opened = i
            elif _closes(text, i, mark):
                quotes.append(Quote(opened, i + len(mark), group, True, len(mark)))
                i += len(mark) - 1
                mark = None
            i += 1
        if mark is not None:
            quotes.append(Quote(opened, end, group, False, len(mark)))
            if mark != "‘":
                carried = mark
    return quotes


def _only_opens(text: str, i: int) -> bool:
    """A straight double mark after a space and before a word opens a quote; it never closes one."""
    return text[i] == '"' and i > 0 and text[i - 1].isspace() and text[i + 1:i + 2].isalnum()


def _ends_word(text: str, i: int) -> bool:
    """An opening mark typed to close ("an “expedited review“ of"): right after a word and
    not before one."""
    return i > 0 and not text[i - 1].isspace() and not text[i + 1:i + 2].isalnum()


def _same_family(ch: str, mark: str) -> bool:
    return (ch in DOUBLE_MARKS) == (mark in DOUBLE_MARKS)
