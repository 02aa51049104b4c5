"""Stances told by an adjective: "Democrats are worried that …", "the mayor was confident of
a deal", "aides were coy about the plan". The one who feels or holds the view is the source."""
from __future__ import annotations

from attriblint.analysis.grammar import AUTHOR, NOT_SPEAKERS, SUBJECTS, source_span
from attriblint.analysis.model import Attribution

NOT_HOLDERS = NOT_SPEAKERS + ("it",)  # "it is clear", "this is worrying"
COMPLEMENTS = ("prep", "ccomp", "xcomp")


def stance_adjectives(analysis, sentence, words: frozenset[str]) -> list[Attribution]:
    """An adjective of feeling or stance said of someone (`words`: the YAML lexicon)."""
    out = []
    block = sentence.block
    for adjective in sentence.span:
        if adjective.pos_ != "ADJ" or adjective.dep_ not in ("acomp", "oprd") or adjective.lemma_.lower() not in words \
                or any(c.dep_ == "agent" for c in adjective.children):  # "was opposed by": a passive
            continue
        holder = next((c for c in adjective.head.children if c.dep_ in SUBJECTS), None) \
            if adjective.head.pos_ in ("AUX", "VERB") else None  # not "reasons to be wary", "who would be keen"
        if holder is None or holder.lower_ in NOT_HOLDERS:
            continue
        if holder.lower_ in AUTHOR and analysis.document.quote_at(*block.span(adjective)) is None:
            continue  # the writer's own voice
        said = [t for c in adjective.children if c.dep_ in COMPLEMENTS for t in c.subtree]
        content = (block.span(min(said, key=lambda t: t.i))[0], block.span(max(said, key=lambda t: t.i))[1]) \
            if said else None
        out.append(Attribution("indirect", block.span(adjective), source=source_span(block, holder), content=content))
    return out
