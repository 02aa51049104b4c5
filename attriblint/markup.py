"""Mask non-prose in Markdown and HTML in place, so every offset still points into the file.

A masked character becomes a space; line breaks are kept, so lines and columns never move.
Each function returns the masked text and the prose paragraphs as (start, end, kind) spans.
"""
from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser

# Inline markup inside a prose paragraph, masked but for the group named "keep".
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[(?P<keep>[^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>")
_INLINE_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)|~~")
_QUOTE_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*")
_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]+")
_HEADING_HASHES = re.compile(r"#{1,6}(?=[ \t]|$)")
_HEADING_TAIL = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^[ \t]*(=+|-+)[ \t]*$")
_TABLE_DELIMITER = re.compile(r"^[ \t|:-]+$")

_BLOCK_KINDS = {"paragraph_open": "paragraph", "heading_open": "heading", "th_open": "table", "td_open": "table"}


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def _line_offsets(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


@cache
def _markdown_parser():
    """Built on first use: plain-text drafts never import markdown-it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


def mask_markdown(text: str, first_line: int = 0) -> tuple[str, list[tuple[int, int, str]]]:
    """Keep only the words of paragraphs, headings and table cells; mask everything else.

    `first_line` lines at the top (front matter) are masked whatever they hold.
    """
    starts = _line_offsets(text)
    starts.append(len(text) + 1)
    prose_lines: dict[int, tuple[str, int]] = {}
    blockquote_depth = 0
    pending_kind = None
    for token in _markdown_parser().parse(text):
        if token.type == "blockquote_open":
            blockquote_depth += 1
        elif token.type == "blockquote_close":
            blockquote_depth -= 1
        if token.type in _BLOCK_KINDS:
            pending_kind = _BLOCK_KINDS[token.type]
            if token.type == "paragraph_open" and blockquote_depth:
                pending_kind = "blockquote"
        elif token.type == "inline" and pending_kind and token.map:
            for line in range(max(token.map[0], first_line), token.map[1]):
                prose_lines.setdefault(line, (pending_kind, token.map[0]))
            pending_kind = None
    chars = [" " if c not in "\r\n" else c for c in text]
    paragraphs: list[tuple[int, int, str]] = []
    previous_group = None
    for line in sorted(prose_lines):
        kind, group = prose_lines[line]
        start, end = starts[line], starts[line + 1] - 1
        raw = text[start:end]
        if kind == "heading" and _SETEXT_UNDERLINE.match(raw) and group != line:
            continue
        if kind == "table" and _TABLE_DELIMITER.match(raw):
            continue
        body = _prefix_length(raw, first=line == group, heading=kind == "heading")
        tail = _HEADING_TAIL.search(raw) if kind == "heading" else None
        stop = tail.start() if tail else len(raw.rstrip("\r"))
        chars[start + body:start + stop] = raw[body:stop]
        if kind == "table":
            for i in range(start + body, start + stop):
                if chars[i] == "|":
                    chars[i] = " "
        if group == previous_group:
            paragraphs[-1] = (paragraphs[-1][0], start + stop, kind)
        else:
            paragraphs.append((start + body, start + stop, kind))
        previous_group = group
    masked = "".join(chars)
    masked = _mask_inline(masked)
    return masked, _trim(masked, paragraphs)


def _prefix_length(raw: str, first: bool, heading: bool) -> int:
    """Length of block markup (quote marks, a list marker, heading hashes) at a line's start."""
    end = _QUOTE_PREFIX.match(raw).end()
    if first:
        marker = _LIST_MARKER.match(raw, end)
        end = marker.end() if marker else end
    if heading:
        hashes = _HEADING_HASHES.match(raw, end)
        end = hashes.end() if hashes else end
    return end


def _mask_inline(masked: str) -> str:
    chars = list(masked)
    for pattern in (_INLINE_CODE, _HTML_COMMENT, _IMAGE, _AUTOLINK):
        for m in pattern.finditer(masked):
            _blank(chars, m.start(), m.end())
    masked = "".join(chars)
    for m in _LINK.finditer(masked):
        _blank(chars, m.start(), m.start("keep"))
        _blank(chars, m.end("keep"), m.end())
    for pattern in (_INLINE_TAG, _ESCAPE, _EMPHASIS):
        for m in pattern.finditer(masked):
            _blank(chars, m.start(), m.end())
    return "".join(chars)


def _trim(masked: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop spans left empty by masking and trim white space at their edges."""
    out = []
    for start, end, kind in spans:
        while start < end and masked[start].isspace():
            start += 1
        while end > start and masked[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end, kind))
    return out


_HTML_BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "section",
    "article", "header", "footer", "table", "tr", "td", "th", "br", "hr", "figure", "figcaption",
    "aside", "main", "nav", "dd", "dt", "dl", "title", "body", "head", "html",
}
_HTML_SKIP_TAGS = {"script", "style", "pre", "code", "noscript", "template", "svg"}
_HTML_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "title"}


class _HtmlMasker(HTMLParser):
    """Records which character ranges of an HTML file are readable prose."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text = text
        self.starts = _line_offsets(text)
        self.chars = [" " if c not in "\r\n" else c for c in text]
        self.skip_depth = 0
        self.heading_depth = 0
        self.breaks: list[tuple[int, str]] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if tag in _HTML_SKIP_TAGS:
            self.skip_depth += 1
        if tag in _HTML_HEADINGS:
            self.heading_depth += 1
        if tag in _HTML_BLOCK_TAGS:
            self.breaks.append((self._offset(), "heading" if tag in _HTML_HEADINGS else "paragraph"))

    def handle_endtag(self, tag):
        if tag in _HTML_SKIP_TAGS and self.skip_depth:
            self.skip_depth -= 1
        if tag in _HTML_HEADINGS and self.heading_depth:
            self.heading_depth -= 1
        if tag in _HTML_BLOCK_TAGS:
            self.breaks.append((self._offset(), "paragraph"))

    def handle_data(self, data):
        if self.skip_depth:
            return
        start = self._offset()
        self.chars[start:start + len(data)] = data

    def handle_entityref(self, name):
        self._entity(f"&{name};")

    def handle_charref(self, name):
        self._entity(f"&#{name};")

    def _entity(self, raw: str):
        import html

        if self.skip_depth:
            return
        start = self._offset()
        self.chars[start] = html.unescape(raw)[:1] or " "


def mask_html(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Keep only text outside tags, scripts, styles and code; paragraphs end at block tags."""
    masker = _HtmlMasker(text)
    masker.feed(text)
    masker.close()
    masked = "".join(masker.chars)
    cuts = sorted(masker.breaks) + [(len(text), "paragraph")]
    spans, start, kind = [], 0, "paragraph"
    for cut, next_kind in cuts:
        for piece_start, piece_end in _split_blank_lines(masked, start, cut):
            spans.append((piece_start, piece_end, kind))
        start, kind = cut, next_kind
    return masked, _trim(masked, spans)


def _split_blank_lines(text: str, start: int, end: int):
    for m in re.finditer(r"(?:[^\n]|\n(?![ \t\r]*\n))+", text[start:end]):
        yield start + m.start(), start + m.end()
