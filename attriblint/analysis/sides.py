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

NEUTRAL = "neutral"
UNASSIGNED = "unassigned"
# Dependents that describe who a phrase is (its modifiers, appositives, "of"/"for" phrases);
# clauses, conjuncts and other prepositions say something else about it.
_DESCRIBING = {"amod", "compound", "poss", "nmod", "appos", "prep", "pobj", "npadvmod", "case", "det", "flat"}
_OWNING_PREPS = {"for", "of", "at", "from", "in", "with", "inside", "within", "to", "by"}
_NP_MODIFIERS = {"amod", "compound", "poss", "nmod", "flat"}


@dataclass(frozen=True)
class Claim:
    """A stretch where a side acts: "Russia's invasion", "Borduria's army shelled"."""

    side: str
    start: int
    end: int
    verb: str


class SideTerms:
    """The terms of every side, matched on tokens: longest first, case kept for proper names."""

    def __init__(self, sides: dict[str, list[str]], neutral: list[str], tokenize, places_only: bool):
        self.places_only = places_only  # the country pack: a term inside a person's name is a name
        self.index: dict[str, list[tuple[list[str], str]]] = {}
        for side, terms in [(NEUTRAL, neutral)] + list(sides.items()):
            for term in terms:
                words = [t.text for t in tokenize(term) if not t.is_space]
                if words:
                    self.index.setdefault(words[0].lower(), []).append((words, side))
        for entries in self.index.values():
            entries.sort(key=lambda e: -len(e[0]))

    def hits(self, doc) -> dict[int, tuple[int, int, str]]:
        """token index → (first, last+1, side) of the term that covers it."""
        found: dict[int, tuple[int, int, str]] = {}
        i = 0
        while i < len(doc):
            match = self._match(doc, i)
            if match and not (self.places_only and _inside_person_name(doc, i, match[0])):
                for j in range(i, match[0]):
                    found[j] = (i, match[0], match[1])
                i = match[0]
            else:
                i += 1
        return found

    def _match(self, doc, i):
        keys = {doc[i].lower_, _singular(doc[i].lower_)}
        for words, side in sorted((e for k in keys for e in self.index.get(k, [])), key=lambda e: -len(e[0])):
            end = i + len(words)
            if end <= len(doc) and all(_same(w, doc[i + k].text, k == len(words) - 1)
                                        for k, w in enumerate(words)):
                return end, side
        return None


_TERMS_MEMO: dict[tuple, SideTerms] = {}


def _side_terms(sides: dict, neutral: list, tokenizer, places_only: bool) -> SideTerms:
    """Tokenising ~700 country terms costs more than checking a short draft: do it once per run."""
    key = (tuple((k, tuple(v)) for k, v in sorted(sides.items())), tuple(neutral), places_only, id(tokenizer))
    if key not in _TERMS_MEMO:
        if len(_TERMS_MEMO) > 8:
            _TERMS_MEMO.clear()
        _TERMS_MEMO[key] = SideTerms(sides, neutral, tokenizer, places_only)
    return _TERMS_MEMO[key]


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") else word


def _same(term: str, text: str, last: bool) -> bool:
    """A capitalised term keeps its case ("Turkey", not "turkey"); the last word may be plural."""
    forms = {term, term + "s"} if last and len(term) > 2 and term[-1].isalpha() else {term}
    if any(c.isupper() for c in term):
        return text in forms
    return text.lower() in forms


def _inside_person_name(doc, i: int, end: int) -> bool:
    """"Jordan Henderson", "Paris Hilton": a country word that opens a person's name."""
    return (end < len(doc) and doc[i].ent_type_ == "PERSON"
            and doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ == "I")


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
        self.terms = _side_terms(sides, lexicons.get("neutral-bodies", []), tokenizer, places_only=not configured)
        self.actor_verbs = set(lexicons.get("actor-verbs", []))
        self.actor_nouns = set(lexicons.get("actor-nouns", []))
        self.force_nouns = set(lexicons.get("force-nouns", []))
        self.observers = set(lexicons.get("observer-titles", []))
        self.member_verbs = set(lexicons.get("member-verbs", []))

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

    def side_of_token(self, number: int, head) -> str | None:
        side = self._described_side(number, head)
        if side is None:
            side = self._learned_side(number, head)
        return side

    def _locate(self, start: int, end: int):
        """(block number, head token) of the words that start inside [start, end), or None."""
        number = self.analysis.block_index(start)
        if number is None:
            return None
        offset = self.analysis.blocks[number].start
        inside = [t for t in self.analysis.span_at(start, end) or () if offset + t.idx >= start and not t.is_punct]
        heads = [t for t in inside if not (start <= offset + t.head.idx < end) or t.head == t]
        return (number, heads[0]) if heads else None

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
        """The head, its describing dependents, and what it stands in apposition to, with distances."""
        start = head.head if head.dep_ == "appos" else head
        seen, queue = {head.i}, [(head, 0)] + ([(start, 1)] if start is not head else [])
        while queue:
            token, distance = queue.pop(0)
            yield token, distance
            observer = token.lemma_.lower() in self.observers
            member = token.dep_ == "relcl" and token.lemma_.lower() in self.member_verbs
            for child in token.children:
                if child.i in seen or child.dep_ == "appos" and child.i < head.i:
                    continue
                works_for = child.dep_ == "relcl" and child.lemma_.lower() in self.member_verbs
                if child.dep_ not in _DESCRIBING and not works_for and not (member and child.dep_ in ("dobj", "attr")):
                    continue  # "X, who runs the Harbour Party's campaign": whom X works for
                if child.dep_ == "prep" and (child.lower_ not in _OWNING_PREPS or observer and child.lower_ == "in"):
                    continue
                seen.add(child.i)
                queue.append((child, distance + 1))

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
