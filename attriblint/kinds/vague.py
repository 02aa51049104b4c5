"""Kind `vague`: phrase entries (weasel sources such as "critics say") plus agentless passives
of saying and thinking found from the parse ("is widely seen as"), unless a named speaker
already stands behind the clause ("officials said the town is thought to have fallen")."""
from __future__ import annotations

from attriblint.analysis.agentless import find_agentless
from attriblint.kinds.conditions import is_attributed
from attriblint.kinds.phrase import PhraseRule
from attriblint.yamlfile import Field


class VagueRule(PhraseRule):
    kind = "vague"
    options = {
        **PhraseRule.options,
        "agentless-message": Field(str, required=True),
        "agentless-suggest": Field(list, default=list),
    }

    def __init__(self, spec):
        super().__init__(spec)
        self.needs = frozenset({"parse"})
        self.agentless_entry = {"message": spec.options["agentless-message"], "meaning": "",
                                "suggest": spec.options["agentless-suggest"]}

    def matches(self, analysis):
        found = super().matches(analysis)
        for record in find_agentless(analysis):
            if not self._attributed(analysis, record.cue):
                found.append((record.cue[0], record.cue[1], self.agentless_entry))
        return found

    @staticmethod
    def _attributed(analysis, cue) -> bool:
        for block in analysis.blocks:
            if block.start <= cue[0] < block.end:
                span = block.doc.char_span(cue[0] - block.start, cue[1] - block.start, alignment_mode="expand")
                return span is not None and is_attributed(span.root, analysis.lexicons)
        return False
