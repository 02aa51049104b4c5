"""Agentless attribution: claims of saying or thinking with no one behind them ("is seen as",
"it is believed that", "is widely regarded as", "is expected to"), found from the parse.

A passive verb of saying or thinking with no `by` agent is agentless when it carries the
complement its lexicon entry asks for: `as` ("is seen as a snub"), `to` ("is said to be"),
`that` ("it is believed that…"), or `any` (no complement needed). Reduced passives ("an
attack, seen as the largest…") count too, but only with a complement. The verbs and their
complements come from the `agentless-passives` lexicon of the rule packs, never from code.
"""
from __future__ import annotations

from attriblint.analysis.model import Attribution

LEXICON = "agentless-passives"
COMPLEMENTS = ("as", "to", "that", "any")
_REDUCED_DEPS = ("acl", "advcl")  # "an attack, seen as…"; never an active "have said"


def find_agentless(analysis) -> list[Attribution]:
    """Agentless attributions of a draft: cue = the verb phrase ("is widely seen as"), content
    = the clause or phrase it governs. Reads `analysis.blocks` (needs a dependency parse)."""
    cues = cue_lexicon(analysis.lexicons)
    found = []
    for block in analysis.blocks:
        for token in block.doc:
            complements = cues.get(token.lemma_.lower())
            if complements is None or token.tag_ != "VBN":
                continue
            record = _agentless(block, token, complements)
            if record is not None:
                found.append(record)
    return found


def cue_lexicon(lexicons: dict) -> dict[str, tuple[str, ...]]:
    """`agentless-passives` as {lemma: complements}; a bare list means any complement."""
    raw = lexicons.get(LEXICON) or {}
    if isinstance(raw, list):
        return {str(word).lower(): ("any",) for word in raw}
    out = {}
    for word, wanted in raw.items():
        wanted = [wanted] if isinstance(wanted, str) else list(wanted or ["any"])
        known = tuple(w for w in wanted if w in COMPLEMENTS)
        if known:  # an entry with only unknown complements matches nothing rather than everything
            out[str(word).lower()] = known
    return out


def _agentless(block, verb, complements) -> Attribution | None:
    children = list(verb.children)
    if any(c.dep_ == "agent" for c in children):
        return None
    auxiliaries = [c for c in children if c.dep_ == "auxpass"]
    passive = bool(auxiliaries) or any(c.dep_ in ("nsubjpass", "csubjpass") for c in children)
    if not passive and verb.dep_ not in _REDUCED_DEPS:
        return None
    complement = _complement(verb, children, complements)
    if complement is None and (not passive or "any" not in complements):
        return None
    first = verb
    while first.i > 0 and first.nbor(-1).head == verb and first.nbor(-1).dep_ in ("aux", "auxpass", "advmod", "neg"):
        first = first.nbor(-1)
    last = verb
    if complement is not None and complement[1] is not None and complement[1].i > verb.i:
        last = complement[1]
    cue = (block.span(first)[0], block.span(last)[1])
    content = _content_span(block, complement[0]) if complement is not None else None
    return Attribution(kind="agentless", cue=cue, content=content, anonymous=True)


def _complement(verb, children, complements):
    """(head of the governed clause or phrase, marker word to include in the cue) or None."""
    for child in children:
        if child.dep_ == "prep" and child.lower_ == "as" and {"as", "any"} & set(complements):
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            return (objects[0] if objects else child), child
        if child.dep_ == "xcomp" and {"to", "any"} & set(complements):
            marker = next((c for c in child.children if c.dep_ == "aux" and c.lower_ == "to"), None)
            if marker is not None or "any" in complements:
                return child, (marker if marker is not None and marker.i == verb.i + 1 else None)
        if child.dep_ == "ccomp" and {"that", "any"} & set(complements):
            return child, None
        if child.dep_ in ("oprd", "attr") and "any" in complements:
            return child, None
    return None


def _content_span(block, head) -> tuple[int, int]:
    tokens = list(head.subtree)
    return block.span(tokens[0])[0], block.span(tokens[-1])[1]
