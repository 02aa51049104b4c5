"""Agentless attribution: claims of saying or thinking with no one behind them ("is seen as",
"it is believed that", "is widely regarded as", "is considered by some"), found from the parse.

A passive verb of saying or thinking with no `by` agent is agentless when it carries the
complement its lexicon entry asks for: `as` ("is seen as a snub"), `to` ("is said to be"),
`that` ("it is believed that…"), or `any` (no complement needed). Reduced passives ("an
attack, seen as the largest…") count too, but only with a complement. A `by` agent that names
no one ("is considered by some", "by many historians": a word of the `vague-quantifiers`
lexicon) leaves the claim as agentless as no agent at all. The verbs and their
complements come from the `agentless-passives` lexicon of the rule packs, never from code.
A passive under a modal or not finite ("can be seen as", "will be considered", "to be
viewed as", "being considered") is a possibility, not a report of a view held, and is left
out; so is an active perfect ("has said that").
"""
from __future__ import annotations

from attriblint.analysis.model import Attribution

LEXICON = "agentless-passives"
QUANTIFIERS = "vague-quantifiers"
COMPLEMENTS = ("as", "to", "that", "any")
_REDUCED_DEPS = ("acl", "advcl")  # "an attack, seen as…"; never an active "have said"


def find_agentless(analysis) -> list[Attribution]:
    """Agentless attributions of a draft: cue = the verb phrase ("is widely seen as"), content
    = the clause or phrase it governs. Reads `analysis.blocks` (needs a dependency parse)."""
    cues = cue_lexicon(analysis.lexicons)
    vague = {str(w).lower() for w in analysis.lexicons.get(QUANTIFIERS, [])}
    found = []
    for block in analysis.blocks:
        for token in block.doc:
            complements = cues.get(token.lemma_.lower())
            if complements is None or token.tag_ != "VBN":
                continue
            record = _agentless(block, token, complements, vague)
            if record is not None:
                found.append(record)
    return found


def cue_lexicon(lexicons: dict) -> dict[str, tuple[str, ...]]:
    """`agentless-passives` as {lemma: complements}; a bare list means any complement."""
    return complement_map(lexicons.get(LEXICON) or {})


def complement_map(raw) -> dict[str, tuple[str, ...]]:
    """{lemma: complements} from a list of lemmas (any complement) or a mapping of them."""
    if isinstance(raw, list):
        return {str(word).lower(): ("any",) for word in raw}
    out = {}
    for word, wanted in raw.items():
        wanted = [wanted] if isinstance(wanted, str) else list(wanted or ["any"])
        known = tuple(w for w in wanted if w in COMPLEMENTS)
        if known:  # an entry with only unknown complements matches nothing rather than everything
            out[str(word).lower()] = known
    return out


def complement_kind(verb) -> str | None:
    """Which complement a cue verb carries: "as", "to", "that", "any" (another) or None."""
    found = _complement(verb, list(verb.children), COMPLEMENTS)
    return found[0] if found is not None else None


def _agentless(block, verb, complements, vague) -> Attribution | None:
    children = list(verb.children)
    agents = [c for c in children if c.dep_ == "agent"]
    if agents and not _names_no_one(agents[0], vague):
        return None
    if any(c.tag_ == "MD" or c.dep_ == "auxpass" and c.tag_ in ("VB", "VBG") for c in children):
        return None
    auxiliaries = [c for c in children if c.dep_ == "auxpass"]
    passive = bool(auxiliaries) or any(c.dep_ in ("nsubjpass", "csubjpass") for c in children)
    if not passive and (verb.dep_ not in _REDUCED_DEPS or any(c.dep_ in ("aux", "nsubj") for c in children)):
        return None
    # "seen by many as a failure": the parser may hang the "as" on the agent
    loose_as = [c for a in agents for n in a.children for c in n.children if c.dep_ == "prep" and c.lower_ == "as"]
    complement = _complement(verb, children + loose_as, complements)
    if complement is None and (not passive or "any" not in complements):
        return None
    first = verb
    while first.i > 0 and first.nbor(-1).head == verb and first.nbor(-1).dep_ in ("aux", "auxpass", "advmod", "neg"):
        first = first.nbor(-1)
    last = verb
    if complement is not None and complement[2] is not None and complement[2].i > verb.i:
        last = complement[2]
    if agents:
        last = max([last, *(c for c in agents[0].children if c.dep_ == "pobj")], key=lambda t: t.i)
    cue = (block.span(first)[0], block.span(last)[1])
    content = _content_span(block, complement[1]) if complement is not None else None
    return Attribution(kind="agentless", cue=cue, content=content, anonymous=True)


def _names_no_one(agent, vague) -> bool:
    """ "by some", "by many historians", "by other critics": an agent that is only a quantity;
    not "by some of his rivals", a part of a named whole."""
    noun = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if noun is None:
        return False
    if noun.lemma_.lower() in vague or noun.lower_ in vague:
        wholes = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
        return not any(o.pos_ == "PROPN" or any(m.dep_ == "poss" for m in o.children) for o in wholes)
    modifiers = [c for c in noun.children if c.dep_ in ("det", "amod", "poss", "compound")]
    return bool(modifiers) and modifiers[0].lower_ in vague and not any(
        c.dep_ in ("poss", "compound") or c.pos_ == "PROPN" for c in modifiers)


def _complement(verb, children, complements):
    """(complement kind, head of the governed clause or phrase, marker word to include in the
    cue) or None."""
    for child in children:
        if child.dep_ == "prep" and child.lower_ == "as" and {"as", "any"} & set(complements):
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp", "amod", "acomp")]
            return "as", (objects[0] if objects else child), child
        if child.dep_ == "xcomp" and {"to", "any"} & set(complements):
            marker = next((c for c in child.children if c.dep_ == "aux" and c.lower_ == "to"), None)
            if marker is not None or "any" in complements:
                return "to", child, (marker if marker is not None and marker.i == verb.i + 1 else None)
        if child.dep_ == "ccomp" and {"that", "any"} & set(complements):
            return "that", child, None
        if child.dep_ in ("oprd", "attr") and "any" in complements:
            return "any", child, None
    return None


def _content_span(block, head) -> tuple[int, int]:
    tokens = list(head.subtree)
    return block.span(tokens[0])[0], block.span(tokens[-1])[1]
