"""In-draft suppression comments for Markdown and HTML drafts:

    <!-- attriblint: disable=euphemism,loaded-language -->  … <!-- attriblint: enable -->
    <!-- attriblint: ignore euphemism -->   (the next non-blank line only)

A directive without rule ids applies to every rule.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_DIRECTIVE = re.compile(r"<!--\s*attriblint:\s*(disable|enable|ignore)\b\s*=?\s*([a-z0-9, -]*?)\s*-->", re.I)


@dataclass(frozen=True)
class Region:
    start: int
    end: int
    rules: frozenset[str] | None  # None: every rule

    def covers(self, rule: str, offset: int) -> bool:
        return self.start <= offset < self.end and (self.rules is None or rule in self.rules)


def regions(document) -> list[Region]:
    if document.format not in ("markdown", "html"):
        return []
    text = document.text
    found: list[Region] = []
    open_regions: dict[frozenset | None, int] = {}
    for match in _DIRECTIVE.finditer(text):
        action = match.group(1).lower()
        ids = frozenset(r.strip() for r in match.group(2).split(",") if r.strip()) or None
        if action == "disable":
            open_regions.setdefault(ids, match.end())
        elif action == "enable":
            for key in [k for k in open_regions if ids is None or k == ids]:
                found.append(Region(open_regions.pop(key), match.start(), key))
        else:
            line = re.compile(r"[^\n]*\S[^\n]*").search(text, text.find("\n", match.end()) + 1)
            if "\n" in text[match.end():] and line:
                found.append(Region(line.start(), line.end(), ids))
    found.extend(Region(start, len(text) + 1, ids) for ids, start in open_regions.items())
    return found


def suppressed(finding, active: list[Region]) -> bool:
    return any(region.covers(finding.rule, finding.offset) for region in active)
