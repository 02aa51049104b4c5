"""Sourcing balance, article by article: who is heard, on which side, and who gets to reply.

Four kinds read the attributions and sources the analysis found, with their sides
(analysis/sides.py): `one-sided-sourcing`, `single-source`, `anonymous-sourcing` and
`missing-reply`. Thresholds, word lists and messages live in rules/sourcing.yaml.
"""
from __future__ import annotations

import re
from collections import Counter

from attriblint.analysis.sides import NEUTRAL
from attriblint.kinds.base import Rule
from attriblint.yamlfile import Field

SPOKEN = ("direct", "indirect", "according-to")  # attributions that carry a claim


def _at_least(least: float):
    def check(value):
        if value < least:
            raise ValueError(f"must be at least {least}")
        return value
    return check


class SourcingRule(Rule):
    """Shared reading of the draft's records: attributions with sides, sources by id."""

    needs = frozenset({"entities"})

    def check(self, analysis):
        """Every sourcing finding carries the draft's per-side counts (DESIGN §6 `sides`)."""
        attributions, sources = analysis.sides.placed
        found = list(self.findings(analysis, attributions, {s.id: s for s in sources}))
        for finding in found:
            finding.extra = {"sides": analysis.sides.counts(attributions), **finding.extra}
        return found

    def findings(self, analysis, attributions, sources):
        raise NotImplementedError


def _name(source, attribution, text: str) -> str:
    if source is not None:
        return source.name
    return text[slice(*attribution.source)] if attribution.source else "an unnamed source"


def _span(attribution) -> tuple[int, int]:
    spans = [s for s in (attribution.source, attribution.cue, attribution.content) if s]
    return min(s[0] for s in spans), max(s[1] for s in spans)


class OneSidedRule(SourcingRule):
    """Every sided source is on one side while another side acts in the story's claims."""

    kind = "one-sided-sourcing"
    message_fields = frozenset({"match", "heard", "heard_count", "heard_sources", "unheard", "claims"})
    options = {"min-heard": Field(int, default=2, check=_at_least(1)),
               "min-claims": Field(int, default=2, check=_at_least(1))}

    def findings(self, analysis, attributions, sources):
        spoken = [a for a in attributions if a.kind != "agentless" and a.side not in (None, NEUTRAL)
                  and analysis.sides.speaks(a)]
        heard = Counter(a.side for a in spoken)
        if len(heard) != 1:
            return
        (side, count), = heard.items()
        if count < self.spec.options["min-heard"]:
            return
        claims: dict[str, list] = {}
        for claim in analysis.sides.claims:
            if claim.side != side:
                claims.setdefault(claim.side, []).append(claim)
        for unheard, found in sorted(claims.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            if len(found) < self.spec.options["min-claims"]:
                continue
            first = found[0]
            speakers = len({a.source_id for a in spoken})
            yield self.finding(first.start, first.end, heard=side, heard_count=count,
                               heard_sources=f"{speakers} source{'s' if speakers != 1 else ''}",
                               unheard=unheard, claims=len(found),
                               match=analysis.document.text[first.start:first.end],
                               extra={"heard": side, "unheard": unheard, "claims": len(found)})


class SingleSourceRule(SourcingRule):
    """Every attribution in the draft traces back to one source."""

    kind = "single-source"
    message_fields = frozenset({"match", "source", "count"})
    options = {"min-attributions": Field(int, default=3, check=_at_least(2))}

    def findings(self, analysis, attributions, sources):
        spoken = [a for a in attributions if a.kind in SPOKEN]
        ids = {a.source_id for a in spoken}
        if len(spoken) < self.spec.options["min-attributions"] or len(ids) != 1 or None in ids:
            return
        source = sources.get(next(iter(ids)))
        start, end = _span(spoken[0])[0], max(_span(a)[1] for a in spoken)
        name = _name(source, spoken[0], analysis.document.text)
        yield self.finding(start, end, source=name, count=len(spoken), match=name)


class AnonymousRule(SourcingRule):
    """Anonymous sources carry a claim no named source supports, or most of the story."""

    kind = "anonymous-sourcing"
    message_fields = frozenset({"match", "source", "count", "total", "share"})
    options = {"max-share": Field(float, default=0.5, check=_at_least(0.0)),
               "min-attributions": Field(int, default=3, check=_at_least(1)),
               "min-shared-words": Field(int, default=2, check=_at_least(1)),
               "informants": Field(list, required=True, items=Field(str)),
               "on-record-titles": Field(list, default=list, items=Field(str)),
               "not-shared-words": Field(list, default=list, items=Field(str)),
               "unsupported-message": Field(str, default="")}

    def findings(self, analysis, attributions, sources):
        spoken = [a for a in attributions if a.kind in SPOKEN]
        anonymous = [a for a in spoken if self._anonymous(analysis, a, sources)]
        if not anonymous:
            return
        options = self.spec.options
        if len(anonymous) >= options["min-attributions"] and len(anonymous) > options["max-share"] * len(spoken):
            start, end = _span(anonymous[0])[0], max(_span(a)[1] for a in anonymous)
            yield self.finding(start, end, count=len(anonymous), total=len(spoken),
                               share=f"{len(anonymous) / len(spoken):.0%}", match="")
            return
        named = [self._words(analysis, a) for a in spoken if a.named and a.content]
        if not named:
            return
        flagged = set()
        for attribution in anonymous:
            words = self._words(analysis, attribution)
            if attribution.source_id in flagged and attribution.source_id is not None:
                continue
            if words and all(len(words & other) < options["min-shared-words"] for other in named):
                flagged.add(attribution.source_id)
                name = _name(sources.get(attribution.source_id), attribution, analysis.document.text)
                yield self.finding(*attribution.source, options["unsupported-message"] or None,
                                   source=name, match=name)

    def _anonymous(self, analysis, attribution, sources) -> bool:
        """An unnamed informant ("officials", "a source close to…"), not a spokesperson or pundit."""
        if not attribution.anonymous or attribution.source is None:
            return False
        source = sources.get(attribution.source_id)
        said = analysis.document.text[slice(*attribution.source)] + " " + (source.name if source else "")
        words = set(re.findall(r"[a-z]+", said.lower()))
        informant = {w.rstrip("s") for w in words} & set(self.spec.options["informants"])
        return bool(informant) and not words & set(self.spec.options["on-record-titles"])

    def _words(self, analysis, attribution) -> set[str]:
        """Content words of what the attribution reports, as lemmas."""
        if not attribution.content:
            return set()
        start, end = attribution.content
        words = set()
        for block in analysis.blocks:
            if block.end <= start or block.start >= end:
                continue
            for token in block.doc:
                if start <= block.start + token.idx < end and token.pos_ in ("NOUN", "PROPN", "VERB", "NUM"):
                    if token.lemma_.lower() not in self.spec.options["not-shared-words"]:
                        words.add(token.lemma_.lower())
        return words


class MissingReplyRule(SourcingRule):
    """A side or person is accused and the draft records no reply, nor any attempt to get one."""

    kind = "missing-reply"
    message_fields = frozenset({"match", "accused"})
    options = {"verbs": Field(list, required=True, items=Field(str)),
               "bodies": Field(list, default=list, items=Field(str)),
               "refusals": Field(list, default=list, items=Field(str))}

    def findings(self, analysis, attributions, sources):
        for number, block in enumerate(analysis.blocks):
            for verb in block.doc:
                if not self._accusing(verb):
                    continue
                for target in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
                    accused = self._accused(analysis.sides, number, target)
                    if accused is None or _replied(analysis, attributions, sources, *accused):
                        continue
                    low, high = sorted((verb.i, target.right_edge.i))
                    start, _ = block.span(block.doc[low])
                    _, end = block.span(block.doc[high])
                    name = accused[0] or accused[1]
                    yield self.finding(start, end, accused=name, match=analysis.document.text[start:end],
                                       extra={"accused": name})

    def _accusing(self, verb) -> bool:
        """An accusation someone makes: not negated ("refused to blame"), and with an accuser."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.spec.options["verbs"]:
            return False
        if any(c.dep_ == "neg" for c in verb.children) or verb.head.lemma_.lower() in self.spec.options["refusals"]:
            return False
        return any(c.dep_ in ("nsubj", "agent") for c in verb.children) or verb.dep_ in ("acl", "advcl", "xcomp")

    def _accused(self, sides, number: int, target) -> tuple[str | None, str | None] | None:
        """(side, None) for a side, (None, surname) for a named person, else None."""
        hits = sides.hits[number]
        owners = [c for c in target.children if c.dep_ == "poss"]
        if target.lemma_.lower() in self.spec.options["bodies"]:
            owners += [c for c in target.children if c.dep_ in ("amod", "compound")]
        for token in [target] + owners:
            if token.i in hits and hits[token.i][2] != NEUTRAL:
                return hits[token.i][2], None
        if target.pos_ == "PROPN" and target.ent_type_ == "PERSON":
            return None, target.text
        return None


def _replied(analysis, attributions, sources, side, person) -> bool:
    """Anything attributed to the accused, a reply attempt included, counts as their reply."""
    text = analysis.document.text
    for attribution in attributions:
        if attribution.kind == "agentless":
            continue
        if side is not None and attribution.side == side:
            return True
        if person is not None:
            source = sources.get(attribution.source_id)
            words = (source.name if source else "") + " " + (text[slice(*attribution.source)] if attribution.source else "")
            if person in words.replace("’", " ").replace("'", " ").split():
                return True
    return False
