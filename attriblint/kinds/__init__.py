"""Rule kinds, one module each; a pack's `kind:` picks one of these classes."""
from __future__ import annotations

from attriblint.kinds.base import Rule
from attriblint.kinds.loaded import LoadedRule
from attriblint.kinds.phrase import PhraseRule
from attriblint.kinds.unattributed import UnattributedRule
from attriblint.kinds.vague import VagueRule

KINDS: dict[str, type[Rule]] = {cls.kind: cls for cls in (PhraseRule, LoadedRule, VagueRule, UnattributedRule)}
