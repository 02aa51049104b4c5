"""Sides: which party each source speaks for, and which party acts in the story's claims.

The sides come from config or the draft's front matter (`sides: {name: [terms…]}`), else
from the shipped country pack (rules/sides.yaml). A source's side is read from its own
words and their dependents — possessive, title, appositive, "a spokesman for …" — nearest
first, then from what the draft says elsewhere about a person or place it names.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from attriblint.analysis.side_terms import NEUTRAL, side_terms

UNASSIGNED = "unassigned"
# Dependents that describe who a phrase is (its modifiers, appositives, "of"/"for" phrases,
# descriptions joined to them: "a former judge and a party donor"); clauses (but those of
# belonging, see _describes) and other prepositions say something else about it.
_DESCRIBING = {"amod", "compound", "poss", "nmod", "appos", "prep", "pobj", "npadvmod", "case", "det", "flat",
               "conj"}
_OWNING_PREPS = {"for", "of", "at", "from", "in", "with", "inside", "within", "to", "by", "as",
                 "under", "alongside"}
_SUBJECTS = ("nsubj", "nsubjpass")
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
        tokenizer = analysis.pipeline.nlp.tokenizer
        self.terms = side_terms(sides, lexicons.get("neutral-bodies", []), tokenizer, places_only=not configured)
        self.actor_verbs = set(lexicons.get("actor-verbs", []))
        self.actor_nouns = set(lexicons.get("actor-nouns", []))
        self.force_nouns = set(lexicons.get("force-nouns", []))
        self.observers = set(lexicons.get("observer-titles", []))
        self.member_verbs = set(lexicons.get("member-verbs", []))
        self.member_groups = set(lexicons.get("member-groups", []))
        self.issuing_verbs = set(lexicons.get("issuing-verbs", []))
        self.example_words = set(lexicons.get("example-words", []))
        self.light_verbs = set(lexicons.get("light-verbs", []))
        self.plural_possessives = set(lexicons.get("plural-possessives", []))

    @cached_property
    def hits(self) -> list[dict[int, tuple[int, int, str]]]:
        return [self.terms.hits(block.doc) for block in self.analysis.blocks]

    # ------------------------------------------------------------------ a phrase's side
    def side_of_span(self, start: int, end: int) -> str | None:
        """The side of the phrase at [start, end) of the draft, or None if nothing places it."""
        located = self._locate(start, end)
        if located is None:
            return None
        number, head = located
        return self.side_of_token(number, head)

    def side_of_token(self, number: int, head, hops: int = 2) -> str | None:
        side = self._described_side(number, head)
        if side is None:
            side = self._learned_side(number, head)
        if side is None and hops:
            owner = self._owner(head)
            if owner is not None:
                side = self.side_of_token(number, owner, hops - 1)
        return side

    def _member_clause(self, token) -> bool:
        return _member_clause_of(token, self.member_verbs)

    def _owner(self, head):
        """Who stands behind a phrase that names no one: the clause's subject for a possessive
        pronoun ("Soto kept up her attacks on"), the issuer of a document ("the party released
        an ad calling"), the one who has the chance ("Soto had a chance to say")."""
        if head.tag_ == "PRP$":
            plural = head.lower_ in self.plural_possessives
            verb = next((t for t in head.ancestors if any(c.dep_ in _SUBJECTS for c in t.children)), None)
        elif head.dep_ == "dobj" and self._carries_act(head):
            plural, verb = None, head.head
        else:
            return None
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None) if verb is not None else None
        if subject is None or subject.pos_ == "PRON" or subject.i == head.i:
            return None
        return subject if plural is None or _agrees(subject, plural) else None

    def _carries_act(self, head) -> bool:
        """An issued document, or the object of a light verb with the act hanging on it ("had a
        chance to say"; not "has a letter from the clerk")."""
        verb = head.head.lemma_.lower()
        return verb in self.issuing_verbs or verb in self.light_verbs and any(c.dep_ == "acl" for c in head.children)

    def _locate(self, start: int, end: int):
        """(block number, head token) of the words that start inside [start, end), or None."""
        number = self.analysis.block_index(start)
        if number is None:
            return None
        offset = self.analysis.blocks[number].start
        inside = [t for t in self.analysis.span_at(start, end) or () if offset + t.idx >= start and t.pos_ != "PUNCT"]
        heads = [t for t in inside if not (start <= offset + t.head.idx < end) or t.head == t]
        return (number, _subject(heads, inside)) if heads else None

    def _described_side(self, number: int, head) -> str | None:
        """Nearest side term among the words that say who the phrase is (dependency distance)."""
        hits = self.hits[number]
        best: dict[str, int] = {}
        for token, distance in self._description(head):
            if token.i in hits:
                side = hits[token.i][2]
                best[side] = min(best.get(side, distance), distance)
        return _nearest(best)

    def _description(self, head):
        """The head, its describing dependents, and what it stands in apposition to or is an
        example of, with distances."""
        queue = [(head, 0)] + self._wholes(head)
        seen = {token.i for token, _ in queue}
        while queue:
            token, distance = queue.pop(0)
            yield token, distance
            antecedent = _antecedent(token)
            if antecedent is not None and antecedent.i not in seen:
                seen.add(antecedent.i)
                queue.append((antecedent, distance + 1))
            for child in token.children:
                if child.i in seen or child.dep_ == "appos" and child.i < head.i or not self._describes(token, child):
                    continue
                seen.add(child.i)
                queue.append((child, distance + 1))

    def _wholes(self, head) -> list:
        """What the head stands beside or belongs to: "the party's rivals, Senators A and B", "party
        leaders, including Senator C" (up to two steps, each one further away)."""
        out, token = [], head
        for distance in (1, 2):
            if token.dep_ == "appos":
                token = token.head
            elif token.dep_ == "pobj" and self._example_word(token.head):
                token = token.head.head
            else:
                break
            out.append((token, distance))
        return out

    def _example_word(self, prep) -> bool:
        words = {prep.lower_} | {f"{c.lower_} {prep.lower_}" for c in prep.children if c.dep_ == "amod"}
        return prep.dep_ == "prep" and bool(words & self.example_words)

    def _describes(self, token, child) -> bool:
        """Whether `child` says who `token` is or whom it works for: "X, who runs the Harbour
        Party's campaign", "X, who was the party's treasurer", "delegates backing Soto", "a
        report issued by the ministry"."""
        if child.dep_ in ("relcl", "acl"):
            return self._member_clause(child) or child.dep_ == "acl" and child.lemma_.lower() in self.issuing_verbs
        if token.dep_ == "acl" and token.lemma_.lower() in self.issuing_verbs and not self._member_clause(token):
            return child.dep_ == "agent"  # who issued it, not what it is about
        if self._member_clause(token):
            if token.lemma_.lower() == "be":
                return child.dep_ == "attr"  # "who was in Moscow" says where, not whom
            if child.dep_ in ("dobj", "attr", "agent"):
                return True
        if child.dep_ == "prep":
            if child.lower_ in ("in", "on") and token.lemma_.lower() in self.observers:
                return False  # "a correspondent in Moscow", "an expert on the campaign"
            if child.lower_ == "on":  # "an adviser on the Soto campaign", not "a report on Soto"
                return any(o.lemma_.lower() in self.member_groups for o in child.children if o.dep_ == "pobj")
            return child.lower_ in _OWNING_PREPS or self._example_word(child)
        return child.dep_ in _DESCRIBING

    def _learned_side(self, number: int, head) -> str | None:
        """Side of a name in the phrase from elsewhere in the draft: "Budanov", "Vovchansk's"."""
        for token, _ in self._description(head):
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
        verb = self._action(phrase, token)
        if verb is None:
            return None
        left = min([phrase.i] + [t.i for t in phrase.lefts if t.dep_ in _DESCRIBING])
        start, _ = block.span(block.doc[min(left, token.i)])
        _, end = block.span(phrase)
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
        """The draft's attributions and sources, each with its side set."""
        attributions, sources = self.analysis.attributions, self.analysis.sources
        self.assign(attributions, sources)
        return attributions, sources

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
                words |= {t.lemma_.lower() for t, _ in self._description(located[1])
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


def _member_clause_of(token, verbs) -> bool:
    """A relative or reduced clause of belonging ("who works for", "backed by"), or a verb
    joined to one ("who belonged to A and is now B's treasurer")."""
    if token.lemma_.lower() not in verbs:
        return False
    if token.dep_ in ("relcl", "acl"):
        return True
    return token.dep_ == "conj" and token.head.dep_ in ("relcl", "acl") and token.head.lemma_.lower() in verbs


def _agrees(subject, plural: bool) -> bool:
    """"their" wants a group (a plural noun, "A and B"); "his" anyone but a coordination (the
    tagger makes names like "Sanders" plural nouns)."""
    joined = any(c.dep_ == "conj" for c in subject.children)
    return joined or subject.tag_ in ("NNS", "NNPS") if plural else not joined


def _antecedent(token):
    """Whom "who", "whom" or "whose" stands for: "delegates, most of whom back Soto"."""
    if token.tag_ not in ("WP", "WP$"):
        return None
    clause = next((t for t in token.ancestors if t.dep_ == "relcl"), None)
    return clause.head if clause is not None else None


def _subject(heads, inside):
    """Who the phrase names when it runs on into its verb ("Soto on Friday endorsed Ruiz"): the
    verb's subject inside the phrase; else the first head."""
    subjects = [t for t in heads if t.dep_ in _SUBJECTS]
    if subjects:
        return subjects[0]
    if heads[0].pos_ in ("VERB", "AUX"):
        inner = [c for c in heads[0].children if c.dep_ in _SUBJECTS and c in inside]
        if inner:
            return inner[0]
    return heads[0]


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
