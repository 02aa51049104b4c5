"""The records the analysis layers produce (DESIGN §6 `sources` contract): who said what."""
from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]  # [start, end) code-point offsets into the draft's text

ATTRIBUTION_KINDS = ("direct", "indirect", "according-to", "agentless", "reply")


@dataclass
class Attribution:
    """One act of attribution: a source, a cue ("said"), and the content it covers.

    `kind` is one of ATTRIBUTION_KINDS; `reply` records a reply attempt ("declined to
    comment") and attributes no content. `source_id` points into the draft's Source list.
    """

    kind: str
    cue: Span | None
    source: Span | None = None
    content: Span | None = None
    source_id: int | None = None
    anonymous: bool = False
    named: bool = False
    side: str | None = None


@dataclass
class Source:
    """A person or body the draft attributes to, its mentions merged ("Zakharova", "she")."""

    id: int
    name: str
    named: bool
    anonymous: bool
    mentions: list[Span] = field(default_factory=list)
    side: str | None = None
