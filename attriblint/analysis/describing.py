"""Describing: which words of a parse say who a source is or whom it speaks for (sides.py).

A phrase is described by its modifiers, appositives and "of"/"for" phrases, by clauses of
belonging ("who works for", "backed by"), by the group it is an example of, and — when it
names no one — by whoever stands behind it: the subject a possessive pronoun is bound to, or
the issuer of a document.
"""
from __future__ import annotations

# Dependents that describe who a phrase is (its modifiers, appositives, "of"/"for" phrases,
# the "of" phrase of a share: "two-thirds of Harbour Party voters");
# clauses (but those of belonging, see Describer._describes), prepositions other than the
# `owning-prepositions` of rules/sides.yaml and joined names say something else about it.
DESCRIBING = {"amod", "compound", "poss", "nmod", "appos", "prep", "pobj", "npadvmod", "case", "det", "flat",
              "quantmod"}
_SUBJECTS = ("nsubj", "nsubjpass")
_NOT_PEOPLE = ("ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT")


class Describer:
    """The description walk over one parse, with the word lists from rules/sides.yaml."""

    def __init__(self, lexicons: dict):
        self.observers = set(lexicons.get("observer-titles", []))
        self.member_verbs = set(lexicons.get("member-verbs", []))
        self.member_groups = set(lexicons.get("member-groups", []))
        self.issuing_verbs = set(lexicons.get("issuing-verbs", []))
        self.naming_verbs = set(lexicons.get("naming-verbs", []))
        self.example_words = set(lexicons.get("example-words", []))
        self.light_verbs = set(lexicons.get("light-verbs", []))
        self.opponents = set(lexicons.get("opponent-nouns", []))
        self.owning_preps = set(lexicons.get("owning-prepositions", []))
        self.observer_preps = set(lexicons.get("observer-prepositions", []))

    def walk(self, head):
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
                before = child.dep_ == "appos" and child.i < head.i
                if child.i in seen or before or not self._describes(token, child, head):
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

    def _describes(self, token, child, head) -> bool:
        """Whether `child` says who `token` is or whom it works for: "X, who runs the Harbour
        Party's campaign", "X, who was the party's treasurer", "delegates backing Soto", "a
        report issued by the ministry", "a group called Citizens for Soto"."""
        lemma = token.lemma_.lower()
        if child.dep_ in ("relcl", "acl"):
            issuing = child.dep_ == "acl" and child.lemma_.lower() in self.issuing_verbs
            return self._member_clause(child) or self._joins_member(child) or issuing or self._naming(child)
        if token.dep_ in ("relcl", "acl") and child.dep_ == "conj" and self._member_clause(child):
            return True  # "who founded a bakery and is now a party official"
        if token.dep_ in ("relcl", "acl") and not self._member_clause(token):
            if self._joins_member(token):
                return False  # only the clause of belonging joined to it says whom they work for
            if self._naming(token):
                return child.dep_ == "oprd" or _continues_name(child, token)
            if token.dep_ == "acl" and lemma in self.issuing_verbs:
                return child.dep_ == "agent"  # who issued it, not what it is about
        if self._member_clause(token):
            if lemma == "be":
                return child.dep_ == "attr"  # "who was in Moscow" says where, not whom
            if child.dep_ in ("dobj", "attr", "agent"):
                return True
        if child.dep_ == "prep":
            if lemma in self.opponents:
                return False  # "a critic of Soto", "an opponent of the Union Party": not their side
            if child.lower_ in self.observer_preps and lemma in self.observers:
                return False  # "a correspondent in Moscow", "an expert on the campaign"
            if child.lower_ == "on":  # "an adviser on the Soto campaign", not "a report on Soto"
                return any(o.lemma_.lower() in self.member_groups for o in child.children if o.dep_ == "pobj")
            return child.lower_ in self.owning_preps or self._example_word(child)
        if child.dep_ == "conj":
            return _joined_description(token, child, head)
        return child.dep_ in DESCRIBING

    def _naming(self, clause) -> bool:
        """"a group called Citizens for Soto"; not "a letter calling Soto unfit", nor a verb the
        parser took for one ("one lawmaker called Soto a fraud")."""
        if clause.dep_ != "acl" or clause.tag_ != "VBN" or clause.lemma_.lower() not in self.naming_verbs:
            return False
        objects = [c.dep_ for c in clause.children if c.dep_ in ("oprd", "dobj")]
        return objects == ["oprd"]

    def _joins_member(self, clause) -> bool:
        """A clause joined to one of belonging: "who founded a think tank and is a party official"."""
        return any(c.dep_ == "conj" and self._member_clause(c) for c in clause.children)

    def _member_clause(self, token) -> bool:
        """A relative or reduced clause of belonging ("who works for", "backed by"), or a verb
        joined to one ("who belonged to A and is now B's treasurer")."""
        verbs = self.member_verbs
        if token.lemma_.lower() not in verbs:
            return False
        return token.dep_ in ("relcl", "acl") or token.dep_ == "conj" and token.head.dep_ in ("relcl", "acl")

    def owner(self, head):
        """The token of who stands behind a phrase that names no one: the subject its
        possessive pronoun stands for ("Soto kept up her attacks", "Soto said her aides…"), the
        issuer of a document ("the party released an ad calling"), the one who has the chance
        ("Soto had a chance to say")."""
        pronoun = head if head.tag_ == "PRP$" else next(
            (c for c in head.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        if pronoun is not None:
            if head.lemma_.lower() in self.opponents or pronoun.morph.get("Person") != ["3"]:
                return None  # "her critics" are not on her side; "my", "our" are a quote's speaker
            return _bound_subject(pronoun)
        if head.dep_ == "dobj" and self._carries_act(head):
            subject = next((c for c in head.head.children if c.dep_ in _SUBJECTS), None)
            if subject is not None and subject.pos_ != "PRON":
                return subject
        return None

    def _carries_act(self, head) -> bool:
        """An issued document, or the object of a light verb with the act hanging on it ("had a
        chance to say"; not "has a letter from the clerk")."""
        verb = head.head.lemma_.lower()
        return verb in self.issuing_verbs or verb in self.light_verbs and any(c.dep_ == "acl" for c in head.children)


def _bound_subject(pronoun):
    """The nearest subject that does not hold the pronoun, when they agree ("Soto kept up her
    attacks", "Soto said her aides…"), or the owner in one that does ("Soto's shift from her
    old plan")."""
    for verb in pronoun.ancestors:
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is None:
            continue
        if subject.is_ancestor(pronoun):
            subject = next((c for c in subject.children if c.dep_ == "poss" and c.i < pronoun.i), None)
            if subject is None:
                continue
        return subject if subject.pos_ != "PRON" and _agrees(subject, pronoun) else None
    return None


def _agrees(subject, pronoun) -> bool:
    """"their" wants a group (a plural noun, "A and B"); "its" a thing or body, not a person
    or a name the model cannot tell from one; "his" and "her" anyone but a coordination (the
    tagger makes names like "Sanders" plural nouns and some surnames organisations)."""
    joined = any(c.dep_ == "conj" for c in subject.children)
    if "Plur" in pronoun.morph.get("Number"):
        return joined or subject.tag_ in ("NNS", "NNPS")
    if "Neut" in pronoun.morph.get("Gender"):
        named = subject.pos_ == "PROPN" and subject.ent_type_ not in _NOT_PEOPLE
        return not joined and not named and subject.ent_type_ != "PERSON"
    return not joined


def _joined_description(token, child, head) -> bool:
    """A second description joined to the first ("a former judge and a party donor"); past the
    head, also a description that follows a name ("a fellow at the Institute and a Harbour
    Party delegate") and a person joined to the one someone works for ("an aide to Ruiz and
    Soto"; not a place: "in Hangzhou, Soto and Ruiz"). The head and a name joined to it ("Lind
    and Soto") are two people."""
    if token.pos_ == "NOUN" and child.pos_ == "NOUN":
        return True
    if token == head:
        return False
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in child.children)
    people = token.ent_type_ not in _NOT_PEOPLE and child.ent_type_ not in _NOT_PEOPLE
    return indefinite or token.dep_ == "pobj" and token.pos_ == child.pos_ == "PROPN" and people


def _continues_name(child, naming) -> bool:
    """A phrase that goes on with the proper name a naming verb gives: "called Citizens for
    Soto", not "called Friends of the Port in Soto's town"."""
    named = next((c for c in naming.children if c.dep_ == "oprd"), None)
    if named is None or child.dep_ != "prep" or child.i != named.right_edge.i + 1:
        return False
    return named.pos_ == "PROPN" and any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in child.children)


def _antecedent(token):
    """Whom "who", "whom" or "whose" stands for: "delegates, most of whom back Soto"."""
    if token.tag_ not in ("WP", "WP$"):
        return None
    clause = next((t for t in token.ancestors if t.dep_ == "relcl"), None)
    return clause.head if clause is not None else None


def phrase_head(heads, inside):
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
