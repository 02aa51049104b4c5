"""Source file → Document: decoded text, prose with markup masked in place, and positions.

Offsets are 0-based code-point offsets into the text exactly as decoded (CRLF is two
characters); lines and columns are 1-based, columns in code points (DESIGN §3).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from attriblint.errors import InputError
from attriblint.markup import mask_html, mask_markdown
from attriblint.quotes import Quote, find_quotes

MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
DRAFT_SUFFIXES = MARKDOWN_SUFFIXES | HTML_SUFFIXES | {".txt"}
DEFAULT_MAX_BYTES = 2_000_000

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z))", re.S | re.M)
_SENTENCE_END = tuple('.!?"”’:)')


@dataclass(frozen=True)
class Paragraph:
    """A run of prose the rules read as one unit; `kind` is paragraph, heading, blockquote or table."""

    start: int
    end: int
    kind: str = "paragraph"


@dataclass
class Document:
    path: str
    text: str
    prose: str
    format: str
    paragraphs: list[Paragraph]
    front_matter: dict = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _quote_starts: list[int] = field(default_factory=list, repr=False)
    _paragraph_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self):
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        self._quote_starts = [q.start for q in self.quotes]
        self._paragraph_starts = [p.start for p in self.paragraphs]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of a code-point offset."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def line_text(self, line: int) -> str:
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    def paragraph_index(self, offset: int) -> int:
        """Number of the last paragraph that starts at or before the offset (-1 before the first)."""
        return bisect.bisect_right(self._paragraph_starts, offset) - 1

    def quote_at(self, start: int, end: int | None = None) -> Quote | None:
        """The quotation that holds most of the span [start, end), if any."""
        end = start + 1 if end is None else end
        index = bisect.bisect_right(self._quote_starts, end - 1) - 1
        while index >= 0 and self.quotes[index].end > start:
            quote = self.quotes[index]
            if 2 * (min(end, quote.end) - max(start, quote.start)) >= end - start:
                return quote
            index -= 1
        return None


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file (it holds NUL bytes), not a text draft")
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"{path}: cannot decode as {encoding}: {exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{path}:{line}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save the draft as UTF-8 or set `encoding:` in .attriblint.yaml"
        ) from None


def load(path: str | Path, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and decode one draft; every problem is an InputError naming the file."""
    name = str(path)
    try:
        size = Path(path).stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{name}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB limit for one draft "
                "(raise `max-bytes` in .attriblint.yaml to check it anyway)"
            )
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    return from_text(decode(data, name, encoding), name)


def from_text(text: str, path: str = "<text>") -> Document:
    suffix = Path(path).suffix.lower()
    if suffix in HTML_SUFFIXES:
        prose, spans = mask_html(text)
        return _document(path, text, prose, "html", spans, {})
    if suffix in MARKDOWN_SUFFIXES:
        front_matter, front_lines = _front_matter(text, path)
        prose, spans = mask_markdown(text, first_line=front_lines)
        return _document(path, text, prose, "markdown", spans, front_matter)
    return _document(path, text, text, "text", _text_paragraphs(text), {})


def _text_paragraphs(text: str) -> list[tuple[int, int, str]]:
    """A plain-text line ends its paragraph when it ends a sentence (one paragraph a line, the
    common export format) or when a blank line follows; hard-wrapped lines run on."""
    spans: list[tuple[int, int, str]] = []
    start = None
    for match in re.finditer(r"[^\n]*(?:\n|$)", text):
        line = match.group().rstrip()
        if not line:
            start = None
            continue
        end = match.start() + len(line)
        if start is None:
            start = match.start() + (len(line) - len(line.lstrip()))
            spans.append((start, end, "paragraph"))
        else:
            spans[-1] = (start, end, "paragraph")
        if line.endswith(_SENTENCE_END):
            start = None
    return spans


def _document(path, text, prose, fmt, spans, front_matter) -> Document:
    paragraphs = [Paragraph(s, e, k) for s, e, k in spans]
    quotes = find_quotes(prose, [(p.start, p.end) for p in paragraphs])
    return Document(path, text, prose, fmt, paragraphs, front_matter, quotes)


def _front_matter(text: str, path: str) -> tuple[dict, int]:
    """The YAML front matter of a Markdown draft and how many lines it takes."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        data = yaml.safe_load(match.group(1))
    except (ValueError, TypeError) as exc:  # a value YAML parses but cannot build: "date: 2024-13-45"
        raise InputError(f"{path}:2: front matter has a value that cannot be read: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 2}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"{path}{line}: front matter is not valid YAML: {problem}") from None
    if data is not None and not isinstance(data, dict):
        raise InputError(f"{path}:2: front matter must be a YAML mapping of keys to values")
    return data or {}, match.group(0).count("\n")
