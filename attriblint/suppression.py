"""In-draft suppression comments for Markdown and HTML drafts:

    <!-- attriblint: disable=euphemism,loaded-language -->  … <!-- attriblint: enable -->
    <!-- attriblint: ignore euphemism -->   (the next non-blank line only)

A directive without rule ids applies to every rule; `enable=RULE` turns back on just that
rule inside a wider `disable`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from attriblint.errors import InputError

_DIRECTIVE = re.compile(r"<!--\s*attriblint:\s*(disable|enable|ignore)\b\s*=?\s*([a-z0-9, -]*?)\s*-->", re.I)


@dataclass(frozen=True)
class Region:
    start: int
    end: int
    rules: frozenset[str] | None  # None: every rule…
    but: frozenset[str] = frozenset()  # …except these (re-enabled by name)

    def covers(self, rule: str, offset: int) -> bool:
        if not self.start <= offset < self.end:
            return False
        return rule not in self.but if self.rules is None else rule in self.rules


def regions(document) -> list[Region]:
    if document.format not in ("markdown", "html"):
        return []
    text = document.text
    found: list[Region] = []
    open_regions: dict[tuple, int] = {}  # (rules, but) → where the region started
    for match in _DIRECTIVE.finditer(text):
        action = match.group(1).lower()
        ids = _ids(match) or None
        if action == "disable":
            open_regions.setdefault((ids, frozenset()), match.end())
        elif action == "enable":
            for (rules, but), start in list(open_regions.items()):
                found.append(Region(start, match.start(), rules, but))
                del open_regions[(rules, but)]
                # `enable=RULE` ends only RULE's part of a wider region: the rest stays off.
                if ids is not None and rules is None:
                    open_regions.setdefault((None, but | ids), match.end())
                elif ids is not None and rules - ids:
                    open_regions.setdefault((rules - ids, frozenset()), match.end())
        else:
            line = re.compile(r"[^\n]*\S[^\n]*").search(text, text.find("\n", match.end()) + 1)
            if "\n" in text[match.end():] and line:
                found.append(Region(line.start(), line.end(), ids))
    found.extend(Region(start, len(text) + 1, rules, but) for (rules, but), start in open_regions.items())
    return found


def check_rule_ids(document, known) -> None:
    """A directive naming a rule that does not exist is the draft's error: a typo
    ("disable=euphemsim") would otherwise suppress nothing, silently."""
    if document.format not in ("markdown", "html"):
        return
    for match in _DIRECTIVE.finditer(document.text):
        unknown = sorted(_ids(match) - set(known))
        if unknown:
            line = document.position(match.start())[0]
            raise InputError(f"{document.path}:{line}: unknown rule '{unknown[0]}' in an attriblint comment "
                             f"(known rules: {', '.join(sorted(known))})")


def _ids(match) -> frozenset[str]:
    return frozenset(r.strip().lower() for r in match.group(2).split(",") if r.strip())


def suppressed(finding, active: list[Region]) -> bool:
    return any(region.covers(finding.rule, finding.offset) for region in active)
