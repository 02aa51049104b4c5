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
        if not _feeling(adjective, words) or any(c.dep_ == "agent" for c in adjective.children):
            continue  # "was opposed by": a passive
        holder = _holder(adjective.head) if adjective.head.pos_ in ("AUX", "VERB") else None
        if holder is None or holder.lower_ in NOT_HOLDERS:
            continue
        if holder.lower_ in AUTHOR and analysis.document.quote_at(*block.span(adjective)) is None:
            continue  # the writer's own voice
        said = [t for c in adjective.children if c.dep_ in COMPLEMENTS for t in c.subtree]
        content = (block.span(min(said, key=lambda t: t.i))[0], block.span(max(said, key=lambda t: t.i))[1]) \
            if said else None
        out.append(Attribution("indirect", block.span(adjective), source=source_span(block, holder), content=content))
    return out


def _feeling(word, words: frozenset[str]) -> bool:
    """An adjective of the lexicon after a copula; the tagger reads some as participles ("is
    convinced that")."""
    if word.dep_ not in ("acomp", "oprd") or (word.lemma_.lower() not in words and word.lower_ not in words):
        return False
    return word.pos_ == "ADJ" or word.tag_ == "VBN"


def _holder(verb):
    """The subject of the copula, or of the verb it completes ("Democrats did not seem to be
    worried"); not "reasons to be wary", "who would be keen"."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is not None or verb.dep_ != "xcomp" or verb.head.pos_ not in ("AUX", "VERB"):
            return subject
        verb = verb.head
    return None
