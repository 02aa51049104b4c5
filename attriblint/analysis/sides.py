"""Sides: which party each source speaks for, and which party acts in the story's claims.

The sides come from config or the draft's front matter (`sides: {name: [terms…]}`), else
from the shipped country pack (rules/sides.yaml). A source's side is read from its own
words and their dependents — possessive, title, appositive, "a spokesman for …", a clause of
belonging (describing.py) — nearest first, then from what the draft says elsewhere about a
person or place it names, then from whoever stands behind it ("her aides", "an ad released by").
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from attriblint.analysis.describing import DESCRIBING, Describer, phrase_head
from attriblint.analysis.side_terms import NEUTRAL, side_terms

UNASSIGNED = "unassigned"
_NP_MODIFIERS = {"amod", "compound", "poss", "nmod", "flat"}


@dataclass(frozen=True)
class Claim:
    """A stretch where a side acts: "Russia's invasion", "Borduria's army shelled"."""

    side: str
    start: int
    end: int
    verb: str


class DraftSides:
    """The sides of one draft: term hits per block, names learned from the draft, and claims."""

    def __init__(self, analysis):
        self.analysis = analysis
        lexicons = analysis.lexicons
        configured = analysis.settings.get("sides") or {}
        self.configured = bool(configured)
        sides = configured or lexicons.get("default-sides", {})
        self.names = sorted(sides)
        self.terms = side_terms(sides, lexicons.get("neutral-bodies", []), analysis.pipeline,
                                places_only=not configured)
        self.actor_verbs = set(lexicons.get("actor-verbs", []))
        self.actor_nouns = set(lexicons.get("actor-nouns", []))
        self.force_nouns = set(lexicons.get("force-nouns", []))
        self.describer = Describer(lexicons)
        self.opposing_prefixes = set(lexicons.get("opposing-prefixes", []))
        self.owner_steps = (lexicons.get("side-limits") or {}).get("owner-steps", 0)

    @cached_property
    def hits(self) -> list[dict[int, tuple[int, int, str]]]:
        """Side terms per block, less those a prefix turns against their side ("anti-Soto")."""
        out = []
        for block in self.analysis.blocks:
            found = self.terms.hits(block.doc)
            out.append({i: hit for i, hit in found.items() if not self._against(block.doc, hit[0])})
        return out

    def _against(self, doc, first: int) -> bool:
        """"anti-Soto", "the Never Soto group", "Stop Soto": not Soto's side."""
        before = doc[first - 1] if first else None
        hyphen = before is not None and before.text == "-"
        prefix = doc[first - 2] if hyphen and first > 1 else before
        return prefix is not None and prefix.lower_ in self.opposing_prefixes and (hyphen or prefix.pos_ == "PROPN")

    # ------------------------------------------------------------------ a phrase's side
    def side_of_span(self, start: int, end: int) -> str | None:
        """The side of the phrase at [start, end) of the draft, or None if nothing places it; of
        speakers joined in it, the one side those that have one share."""
        located = self._locate(start, end)
        if located is None:
            return None
        number, head = located
        offset = self.analysis.blocks[number].start
        joined = [head] + [t for t in head.conjuncts if start <= offset + t.idx < end]
        sides = {self.side_of_token(number, member) for member in joined} - {None}
        return sides.pop() if len(sides) == 1 else None  # "Vale and her party's rivals": theirs

    def side_of_token(self, number: int, head) -> str | None:
        """The head's own side, else that of whoever stands behind it, up to `owner-steps` away
        ("Soto said her aides released an ad calling…": the ad → her aides → Soto)."""
        for _ in range(self.owner_steps + 1):
            if head is None:
                return None
            side = self._described_side(number, head) or self._learned_side(number, head)
            if side is not None:
                return side
            head = self.describer.owner(head)
        return None

    def _locate(self, start: int, end: int):
        """(block number, head token) of the words that start inside [start, end), or None."""
        number = self.analysis.block_index(start)
        if number is None:
            return None
        offset = self.analysis.blocks[number].start
        inside = [t for t in self.analysis.span_at(start, end) or () if offset + t.idx >= start and t.pos_ != "PUNCT"]
        heads = [t for t in inside if not (start <= offset + t.head.idx < end) or t.head == t]
        return (number, phrase_head(heads, inside)) if heads else None

    def _described_side(self, number: int, head) -> str | None:
        """Nearest side term among the words that say who the phrase is (dependency distance)."""
        hits = self.hits[number]
        best: dict[str, int] = {}
        for token, distance in self.describer.walk(head):
            if token.i in hits:
                side = hits[token.i][2]
                best[side] = min(best.get(side, distance), distance)
        return _nearest(best)

    def _learned_side(self, number: int, head) -> str | None:
        """Side of a name in the phrase from elsewhere in the draft: "Budanov", "Vovchansk's"."""
        for token, _ in self.describer.walk(head):
            if token.pos_ != "PROPN":
                continue
            side = self.learned_names.get(token.text)
            if side is None and _place_like(token) and token.dep_ in ("poss", "pobj"):
                side = self.place_sides.get(token.text)
            if side:
                return side
        return None

    @cached_property
    def learned_names(self) -> dict[str, str]:
        """Names the draft places on a side somewhere ("Ukraine's head of intelligence, Kyrylo Budanov")."""
        votes: dict[str, Counter] = {}
        for number, block in enumerate(self.analysis.blocks):
            for token in block.doc:
                if token.pos_ == "PROPN" and token.i not in self.hits[number] and token.dep_ not in _NP_MODIFIERS:
                    side = self._described_side(number, token)
                    owner = self.describer.owner(token.head if token.dep_ == "appos" else token)
                    if side is None and owner is not None:  # "her aide, Tad Devine"
                        side = self._described_side(number, owner)
                    if side and side != NEUTRAL:
                        votes.setdefault(token.text, Counter())[side] += 1
        return {name: side for name, counter in votes.items() if (side := _clear_winner(counter, 1))}

    @cached_property
    def place_sides(self) -> dict[str, str]:
        """A place's side: "the Somali town of Beledweyne" (two votes), or a side named beside it (one)."""
        votes: dict[str, Counter] = {}
        for sentence in self.analysis.sentences:
            number = self._block_number(sentence.block)
            hits = self.hits[number]
            beside = {hits[t.i][2] for t in sentence.span if t.i in hits and hits[t.i][2] != NEUTRAL}
            for token in sentence.span:
                if token.i in hits or not _place_like(token):
                    continue
                owner = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else token
                strong = self._described_side(number, owner)
                counter = votes.setdefault(token.text, Counter())
                if strong and strong != NEUTRAL:
                    counter[strong] += 2
                else:
                    counter.update(beside)
        return {name: side for name, counter in votes.items() if (side := _clear_winner(counter, 2))}

    def _block_number(self, block) -> int:
        return next(i for i, b in enumerate(self.analysis.blocks) if b is block)

    # ------------------------------------------------------------------ who acts in the claims
    @cached_property
    def claims(self) -> list[Claim]:
        """Every place where a side is the actor of an attack, an accusation or a decision."""
        out = []
        for number, block in enumerate(self.analysis.blocks):
            for i, (first, end, side) in sorted(self.hits[number].items()):
                if i != first or side == NEUTRAL:
                    continue
                claim = self._claim(block, block.doc[end - 1], side)
                if claim:
                    out.append(claim)
        return out

    def _claim(self, block, token, side) -> Claim | None:
        phrase = token
        for _ in range(3):
            if phrase.dep_ not in _NP_MODIFIERS or phrase.head == phrase:
                break
            phrase = phrase.head
        if phrase.dep_ == "pobj" and phrase.head.lower_ == "from" and phrase.head.head.lemma_.lower() in self.force_nouns:
            phrase = phrase.head.head  # "artillery FROM Norland struck…": the force acts for its side
        verb = self._action(phrase, token)
        if verb is None:
            return None
        left = min([phrase.i] + [t.i for t in phrase.lefts if t.dep_ in DESCRIBING])
        start, _ = block.span(block.doc[min(left, token.i)])
        _, end = block.span(max(phrase, token, key=lambda t: t.i))
        return Claim(side, start, end, verb)

    def _action(self, phrase, token) -> str | None:
        """What the side does here: an act it owns, a verb it is the subject or agent of."""
        lemma = phrase.lemma_.lower()
        if phrase is not token and lemma in self.actor_nouns:
            return lemma
        agent = phrase.dep_ == "pobj" and phrase.head.dep_ == "agent"
        verb = phrase.head.head if agent else phrase.head
        if phrase.dep_ == "nsubj" or agent:
            if verb.lemma_.lower() in self.actor_verbs:
                return verb.lemma_.lower()
            if lemma in self.force_nouns and verb.pos_ == "VERB":
                return verb.lemma_.lower()
        if lemma in self.force_nouns and phrase.dep_ == "pobj" and phrase.head.lower_ in ("from", "by"):
            return lemma
        return None

    # ------------------------------------------------------------------ records
    @cached_property
    def placed(self) -> tuple[list, list]:
        """The draft's attributions and sources, their sides already set by the analysis
        (Analysis._who_said_what calls `assign`): what the sourcing rules read."""
        return self.analysis.attributions, self.analysis.sources

    def assign(self, attributions, sources) -> None:
        """Put a side on every source and attribution that the draft places."""
        by_id = {s.id: s for s in sources}
        mention_sides: dict[int, Counter] = {s.id: Counter() for s in sources}
        for source in sources:
            for start, end in source.mentions:
                side = self.side_of_span(start, end)
                if side:
                    mention_sides[source.id][side] += 1
        for attribution in attributions:
            if attribution.source is not None:
                attribution.side = self.side_of_span(*attribution.source)
                if attribution.side and attribution.source_id in mention_sides:
                    mention_sides[attribution.source_id][attribution.side] += 1
        for source in sources:
            source.side = _clear_winner(mention_sides[source.id], 1)
        self._by_description(sources)
        for attribution in attributions:  # its own words first, then its source's other mentions
            source = by_id.get(attribution.source_id)
            if attribution.side is None and source is not None:
                attribution.side = source.side

    def _by_description(self, sources) -> None:
        """"a military spokesman" takes the side of "a spokesman for the Ukrainian military"."""
        described = {s.id: self._words(s) for s in sources}
        for source in sources:
            if source.side or source.named or not described[source.id]:
                continue
            matches = {other.side for other in sources if other.side and other.side != NEUTRAL
                       and described[source.id] <= described[other.id]}
            if len(matches) == 1:
                source.side = matches.pop()

    def _words(self, source) -> set[str]:
        words = set()
        for start, end in source.mentions:
            located = self._locate(start, end)
            if located:
                words |= {t.lemma_.lower() for t, _ in self.describer.walk(located[1])
                          if t.pos_ in ("NOUN", "ADJ", "PROPN")}
        return words

    def speaks(self, attribution) -> bool:
        """Not a source at all when its "cue" is an act ("Peruvian troops attacked")."""
        if attribution.cue is None:
            return True
        located = self._locate(*attribution.cue)
        return located is None or located[1].lemma_.lower() not in self.actor_verbs

    def counts(self, attributions) -> dict[str, int]:
        """Attributions per side (DESIGN §6 `sides`), the unplaced ones as `unassigned`."""
        counter = Counter(a.side or UNASSIGNED for a in attributions if a.kind != "agentless" and self.speaks(a))
        return dict(sorted(counter.items(), key=lambda kv: (kv[0] == UNASSIGNED, -kv[1], kv[0])))


def _place_like(token) -> bool:
    """A proper name that may be a place: not part of a person's full name ("Abdi Farah")."""
    if token.pos_ != "PROPN":
        return False
    if token.ent_type_ != "PERSON":
        return True
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return entity is not None and len(entity) == 1


def _nearest(best: dict[str, int]) -> str | None:
    if not best:
        return None
    closest = min(best.values())
    sides = [s for s, d in best.items() if d == closest]
    if len(sides) > 1 and NEUTRAL in sides:
        sides.remove(NEUTRAL)  # "the Russian UN ambassador" speaks for Russia
    return sides[0] if len(sides) == 1 else None


def _clear_winner(counter: Counter, least: int) -> str | None:
    """The side with at least `least` votes and more than twice any other side's."""
    ranked = counter.most_common(2)
    if not ranked or ranked[0][1] < least:
        return None
    if len(ranked) > 1 and ranked[0][1] <= 2 * ranked[1][1]:
        return None
    return ranked[0][0]
