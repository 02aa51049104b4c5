"""The small interface every rule kind shares.

A kind module defines one `Rule` subclass with:
- `kind`: the name used in rule packs (`kind: phrase`);
- `options`: the kind's own YAML keys, as a schema of `Field`s (checked with file:line errors);
- `needs`: what it reads from the Analysis: `set()` (text only), {"lemmas"}, {"parse"}, {"entities"};
- `check(analysis)`: yields Findings for one draft.
Kinds that compare drafts with each other also define `summarise` (a small picklable digest
of one draft) and `check_across` (findings from all the digests of a run, by path).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable

from attriblint.findings import Finding, render
from attriblint.yamlfile import Field


@dataclass
class RuleSpec:
    """A rule as written in a pack, validated: the common keys plus the kind's `options`."""

    id: str
    kind: str
    severity: str
    message: str
    pack: str
    line: int | None = None
    summary: str = ""
    description: str = ""
    example: str = ""
    instead: str = ""
    link: str = ""
    enabled: bool = True
    quoted: str = "same"
    quoted_message: str = ""
    options: dict[str, Any] = field(default_factory=dict)


class Rule:
    kind: ClassVar[str] = ""
    options: ClassVar[dict[str, Field]] = {}
    needs: ClassVar[frozenset[str]] = frozenset()
    # The {placeholders} this kind fills in its messages, besides {suggest}; packs are checked
    # against it when they load, so that a misspelt one is an error, not text in every finding.
    message_fields: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, spec: RuleSpec):
        self.spec = spec
        self.id = spec.id
        self.severity = spec.severity

    def check(self, analysis) -> Iterable[Finding]:
        raise NotImplementedError

    def prepare(self) -> None:
        """Build now what the rule would build on first use (imports, tables): the checker calls
        this while a draft is being parsed in another process (parse_ahead.py)."""

    def summarise(self, analysis) -> Any:
        """A digest of one draft for `check_across`; None when the kind works draft by draft."""
        return None

    def check_across(self, digests: list[tuple[str, Any]]) -> dict[str, list[Finding]]:
        """Findings that need several drafts at once (e.g. text copied between drafts), by path."""
        return {}

    def finding(self, start: int, end: int, message: str | None = None, **fields) -> Finding:
        """A Finding of this rule, its message rendered from the template with `fields`."""
        suggestions = fields.pop("suggestions", None) or []
        extra = fields.pop("extra", None) or {}
        text = render(message or self.spec.message, suggest=suggestions, **fields)
        return Finding(self.id, self.severity, text, start, end, suggestions=list(suggestions), extra=extra)
