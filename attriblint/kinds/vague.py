"""Kind `vague`: phrase entries (weasel sources such as "critics say") plus agentless passives
of saying and thinking found from the parse ("is widely seen as"), unless a named speaker
already stands behind the clause ("officials said the town is thought to have fallen").

The analysis records every agentless cue PolNeAR would mark; `agentless-ignore` names the
verbs (and complements) whose agentless use is routine news rather than a view credited to
no one ("is expected TO arrive", but not "it is expected THAT…"). Matches that touch
("Some" + "critics") are one finding, not two.
"""
from __future__ import annotations

from attriblint.analysis.agentless import complement_kind, complement_map
from attriblint.kinds.conditions import is_attributed
from attriblint.kinds.phrase import PhraseRule
from attriblint.yamlfile import Field


class VagueRule(PhraseRule):
    kind = "vague"
    options = {
        **PhraseRule.options,
        "agentless-message": Field(str, required=True),
        "agentless-suggest": Field(list, default=list),
        "agentless-ignore": Field((dict, list), default=dict),  # {lemma: complements}, as in the lexicon
    }

    def __init__(self, spec):
        super().__init__(spec)
        self.needs = frozenset({"parse"})
        self.agentless_entry = {"message": spec.options["agentless-message"], "meaning": "",
                                "suggest": spec.options["agentless-suggest"]}
        self.ignored = complement_map(spec.options["agentless-ignore"])

    def matches(self, analysis):
        found = super().matches(analysis)
        for record in analysis.agentless_passives:
            span = analysis.span_at(*record.cue)
            verb = span.root if span is not None else None
            # the cue's own "by many" names no one: only a speaker above it attributes the view
            if verb is not None and not self._ignored(verb) and not is_attributed(
                    verb, analysis.lexicons, own_agent=False):
                found.append((record.cue[0], record.cue[1], self.agentless_entry))
        return _joined(found, analysis.document.prose)

    def _ignored(self, verb) -> bool:
        wanted = self.ignored.get(verb.lemma_.lower(), ())
        return "any" in wanted or complement_kind(verb) in wanted


def _joined(matches, prose: str):
    """Matches separated only by spaces on one line become one, keeping the later (the noun's) entry."""
    out: list[tuple[int, int, dict]] = []
    for start, end, entry in sorted(matches, key=lambda m: (m[0], -m[1])):
        if out and start >= out[-1][1] and not prose[out[-1][1]:start].strip(" \t"):
            out[-1] = (out[-1][0], max(end, out[-1][1]), entry)
        else:
            out.append((start, end, entry))
    return out
