"""`when:` conditions on phrase entries: context read from the spaCy parse of the match.

A context-dependent entry fires only when every condition holds for the match's head word
(the matched word whose syntactic head lies outside the match). Word-list values may be a
list or the name of a lexicon from the rule packs (`governor: attributing-verbs`).

  pos: [VERB]            coarse part of speech of the head (e.g. "claimed", not "claims")
  tag: [VBD, VBN]        fine-grained tag of the head
  not-preceded-by: [...] the word before the match is not one of these (lemma or form)
  not-followed-by: [...] the word after the match is not one of these
  followed-by: [...]     the word after the match is one of these ("some claim THAT")
  preceded-by: [...]     the word before the match is one of these
  passive: true|false    the head is a passive verb ("was let go")
  agent: true|false      it has a "by …" agent
  object: true|false|person  it has a direct object ("passed the bill"), or one that is a person;
                         a match ending in a preposition counts its object ("slept WITH him")
  object-in: [...]       its direct object is one of these words ("expecting their first CHILD")
  belongs-to: person     the head noun is a person's: "HIS demise", "the demise OF the dictator"
  subject: person|not-person|living   its subject is (or is not) a person; `living`: a person,
                         an animal (`animal-words` lexicon), a pronoun, or no subject at all
                         ("before passing away"), so "kingdoms pass away" stays silent
  sentence-has: [...]    another word of the sentence is one of these ("weed" near "smoking" or
                         "beer", not near "soil" and "seedlings")
  not-sentence-has: [...]  no other word of the sentence is one of these
  dep: [nsubj]           the head's dependency label
  governor: [say, ...]   the lemma of the head's own head ("critics" governed by "say")
  not-governor: [...]    the head's own head is not one of these
  attributed: false      not inside what a named speaker said or called something
  speaker-of: [say, ...]  the match (or the noun it qualifies: "SOME critics") is the
                         subject or agent of one of these verbs ("thought BY SOME"), also through
                         a relative clause ("critics WHO say") or a verb of the `prompting-verbs`
                         lexicon ("led many to SAY"); or the source after "according to".
                         Verbs of the `view-with-as` lexicon count only with "as"
  clause: true           the verb introduces a clause ("claimed THAT…", "…", he claimed)
  modifies: person       the head qualifies a person ("the late SENATOR")
  particular: true|false the match names particular people or events ("THE terrorists who struck",
                         "an ELDERLY woman", "terrorists ATTACKED the port"), not only a kind of
                         them ("terrorists seek", "care for elderly people")
  named-modifier: true   a name qualifies the head ("the Assad regime", "Syria's regime")
  specified: false       the head noun is not pinned down ("critics", "some critics", "critics
                         of the bill", not "the critics", "two critics", "critics at the LSE");
                         prepositions in the `crowd-prepositions` lexicon leave it unnamed
"""
from __future__ import annotations

from attriblint.yamlfile import Field, string_list

WORDS = Field((str, list), check=lambda v: v if isinstance(v, str) else string_list(v))  # str: a lexicon
SCHEMA = {
    "pos": Field(list, check=string_list),
    "tag": Field(list, check=string_list),
    "preceded-by": WORDS,
    "not-preceded-by": WORDS,
    "not-followed-by": WORDS,
    "followed-by": WORDS,
    "passive": Field(bool),
    "agent": Field(bool),
    "object": Field((bool, str), choices=(True, False, "person")),
    "object-in": WORDS,
    "belongs-to": Field(str, choices=("person",)),
    "subject": Field(str, choices=("person", "not-person", "living")),
    "sentence-has": WORDS,
    "not-sentence-has": WORDS,
    "dep": Field(list, check=string_list),
    "governor": WORDS,
    "not-governor": WORDS,
    "attributed": Field(bool),
    "specified": Field(bool),
    "speaker-of": WORDS,
    "clause": Field(bool),
    "named-modifier": Field(bool),
    "modifies": Field(str, choices=("person",)),
    "particular": Field(bool),
}
_TYPES = {bool: "true or false", list: "a list", str: "a string"}
PARSE_KEYS = frozenset({"passive", "agent", "object", "object-in", "belongs-to", "subject", "dep", "governor",
                        "not-governor",
                        "sentence-has", "not-sentence-has",
                        "attributed", "specified", "speaker-of", "clause", "named-modifier", "particular",
                        "modifies"})
PERSON_LEXICON = "person-words"
ANIMAL_LEXICON = "animal-words"
ATTRIBUTING_LEXICON = "attributing-verbs"
QUANTIFIER_LEXICON = "vague-quantifiers"
CROWD_PREPOSITIONS_LEXICON = "crowd-prepositions"
PROMPTING_LEXICON = "prompting-verbs"
OPINION_LEXICON = "opinion-verbs"
AS_VIEW_LEXICON = "view-with-as"
_SUBJECTS = ("nsubj", "nsubjpass")
_SPECIFYING_DEPS = ("prep", "appos", "relcl", "acl", "poss", "nummod", "compound")


def check_when(when: dict) -> dict:
    """The `when:` mapping of an entry, checked against SCHEMA (a ValueError names the problem)."""
    for key, value in when.items():
        spec = SCHEMA.get(key)
        if spec is None:
            raise ValueError(f"unknown condition '{key}' (allowed: {', '.join(sorted(SCHEMA))})")
        if not isinstance(value, spec.type) or spec.choices and value not in spec.choices:
            allowed = " or ".join(map(str, spec.choices)) or _TYPES.get(spec.type, "a word list or lexicon name")
            raise ValueError(f"condition '{key}' must be {allowed}, not {value!r}")
        when[key] = spec.check(value) if spec.check else value
    return when


def needs_parse(when: dict | None) -> bool:
    return bool(when) and any(when.get(k) is not None for k in PARSE_KEYS)


class Context:
    """What the conditions read about one match: its tokens (in order) and the lexicons."""

    def __init__(self, tokens, lexicons: dict):
        self.tokens = tokens
        self.lexicons = lexicons
        inside = {t.i for t in tokens}
        self.head = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])

    def words(self, value) -> set[str]:
        items = self.lexicons.get(value, []) if isinstance(value, str) else value
        return {str(w).lower() for w in items}

    def holds(self, when: dict) -> bool:
        return all(_CHECKS[key](self, value) for key, value in when.items() if value is not None)


def _word_in(token, words: set[str]) -> bool:
    return token is not None and (token.lower_ in words or token.lemma_.lower() in words)


def _before(ctx: Context):
    first = ctx.tokens[0]
    return first.nbor(-1) if first.i > 0 else None


def _after(ctx: Context):
    last = ctx.tokens[-1]
    return last.nbor(1) if last.i + 1 < len(last.doc) else None


def _is_passive(token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in token.children):
        return True
    return token.tag_ == "VBN" and token.dep_ == "acl"


def _subject(token):
    """The subject of a verb; for "workers let go" (acl) the noun it modifies."""
    for child in token.children:
        if child.dep_ in _SUBJECTS:
            return child
    if token.dep_ in ("acl", "relcl"):
        return token.head
    if token.dep_ in ("xcomp", "conj", "acomp"):  # "the driver was INTOXICATED"
        return _subject(token.head)
    return None


def is_person(token, lexicons: dict) -> bool:
    """A person by pronoun, by a word from the `person-words` lexicon, or by a name."""
    if token is None:
        return False
    words = {str(w).lower() for w in lexicons.get(PERSON_LEXICON, [])}
    if token.lower_ in words or token.lemma_.lower() in words:
        return True
    return token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and not token.ent_type_)


def _is_living(token, lexicons: dict) -> bool:
    """The subject of "pass away", "perish": someone, something alive, or left unsaid."""
    if token is not None and token.lower_ in ("which", "that") and token.head.dep_ == "relcl":
        token = token.head.head  # "a faith WHICH shall not pass away": the faith
    if token is None or token.pos_ in ("PRON", "DET", "NUM") or is_person(token, lexicons):
        return True
    animals = {str(w).lower() for w in lexicons.get(ANIMAL_LEXICON, [])}
    return token.lower_ in animals or token.lemma_.lower() in animals


def _subject_is(ctx: Context, wanted: str) -> bool:
    subject = _subject(ctx.head)
    if wanted == "living":
        return _is_living(subject, ctx.lexicons)
    return is_person(subject, ctx.lexicons) == (wanted == "person")


def _governed_by(ctx: Context, words) -> bool:
    return _word_in(ctx.head.head, ctx.words(words)) and ctx.head.head.i != ctx.head.i


def _sentence_has(ctx: Context, words) -> bool:
    inside = {t.i for t in ctx.tokens}
    wanted = ctx.words(words)
    return any(_word_in(t, wanted) for t in ctx.head.sent if t.i not in inside)


def is_attributed(token, lexicons: dict, own_agent: bool = True) -> bool:
    """Inside what someone said, called or described: an ancestor verb of attribution with a
    subject of its own (not the word itself: "is thought BY SOME"), or "according to" in the
    same sentence. `own_agent=False`: the token's own agent does not count (an agentless cue
    whose "by many" names no one)."""
    verbs = {str(w).lower() for w in lexicons.get(ATTRIBUTING_LEXICON, [])}
    for ancestor in [token, *token.ancestors] if own_agent else token.ancestors:
        if ancestor.lemma_.lower() in verbs and any(
                c.dep_ in ("nsubj", "agent") and not c.left_edge.i <= token.i <= c.right_edge.i
                for c in ancestor.children):
            return True
    sentence = token.sent
    return any(t.lower_ == "according" and t.nbor(1).lower_ == "to" for t in sentence[:-1])


def _has_named_modifier(token) -> bool:
    for child in token.children:
        if child.dep_ in ("compound", "amod", "poss", "nmod") and child.i < token.i:
            if child.pos_ == "PROPN" or child.text[:1].isupper() and child.i != child.sent.start:
                return True
    return False


def _objects(ctx: Context) -> list:
    """Direct objects, and the object of a preposition that ends the match ("sleep WITH her")."""
    objects = [c for c in ctx.head.children if c.dep_ in ("dobj", "obj")]
    last = ctx.tokens[-1]
    if last.dep_ == "prep" and last.i != ctx.head.i:
        objects += [c for c in last.children if c.dep_ == "pobj"]
    return objects


def _object(ctx: Context, wanted) -> bool:
    objects = _objects(ctx)
    if wanted == "person":
        return any(is_person(o, ctx.lexicons) for o in objects)
    return bool(objects) == wanted


def _belongs_to_person(ctx: Context) -> bool:
    """ "HIS demise", "the demise OF the dictator": whose thing the head noun is."""
    owners = [c for c in ctx.head.children if c.dep_ == "poss"]
    owners += [o for c in ctx.head.children if c.dep_ == "prep" and c.lower_ == "of"
               for o in c.children if o.dep_ == "pobj"]
    return any(is_person(o, ctx.lexicons) for o in owners)


def _noun_phrase_head(token):
    return token.head if token.dep_ in ("det", "amod", "nummod", "quantmod") else token


def _is_speaker_of(ctx: Context, verbs) -> bool:
    """The subject or agent of a verb of saying ("critics SAY", "is thought BY some"), the
    source after "according to", the subject of a verb of saying in its own relative clause
    ("critics WHO SAY"), or the one a prompting verb leads to one ("led many TO BELIEVE")."""
    noun = _noun_phrase_head(ctx.head)
    wanted = ctx.words(verbs)
    as_only = ctx.words(AS_VIEW_LEXICON)

    def voices(verb) -> bool:
        """One of the verbs, used for a view: "many SEE it as a defeat", not "many firms were
        SEEING gains" or "many shoppers have SEEN prices rise" (verbs of the `view-with-as`
        lexicon need "as")."""
        nearby = [*verb.children, *noun.children, *ctx.head.children]  # the parser may hang "as" on the crowd
        return _word_in(verb, wanted) and (not _word_in(verb, as_only) or any(c.lower_ == "as" for c in nearby))

    if noun.dep_ == "nsubj" and voices(noun.head):
        return True
    preposition = noun.head
    if noun.dep_ == "pobj" and (preposition.dep_ == "agent" and voices(preposition.head)
                                or preposition.lower_ == "to" and preposition.head.lower_ == "according"):
        return True
    if any(clause.dep_ == "relcl" and voices(clause) and _has_relative_subject(clause)
           for clause in noun.children):
        return True
    prompting = ctx.words(PROMPTING_LEXICON)
    return noun.dep_ == "dobj" and _word_in(noun.head, prompting) and any(
        c.dep_ in ("xcomp", "ccomp") and c.i > noun.i and voices(c) for c in noun.head.children)


def _has_relative_subject(clause) -> bool:
    """ "critics WHO say": a person is the subject ("decisions THAT he felt…" is a misparse)."""
    return any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children)


def is_specified(token, lexicons: dict) -> bool:
    """Pinned down by a determiner, a number, an owner, a name or a clause that says which; a
    clause that only says what they think ("critics WHO SAY…") pins no one."""
    vague = {str(w).lower() for w in lexicons.get(QUANTIFIER_LEXICON, [])}
    loose = {str(w).lower() for w in lexicons.get(CROWD_PREPOSITIONS_LEXICON, [])}
    opinions = {str(w).lower() for w in lexicons.get(OPINION_LEXICON, [])}
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in loose:
            continue
        if child.dep_ == "relcl" and _word_in(child, opinions) and _has_relative_subject(child):
            continue
        if child.dep_ in _SPECIFYING_DEPS or child.dep_ == "det" and child.lower_ not in vague:
            return True
    return False


_CHECKS = {
    "pos": lambda ctx, v: ctx.head.pos_ in v,
    "tag": lambda ctx, v: ctx.head.tag_ in v,
    "preceded-by": lambda ctx, v: _word_in(_before(ctx), ctx.words(v)),
    "not-preceded-by": lambda ctx, v: not _word_in(_before(ctx), ctx.words(v)),
    "not-followed-by": lambda ctx, v: not _word_in(_after(ctx), ctx.words(v)),
    "followed-by": lambda ctx, v: _word_in(_after(ctx), ctx.words(v)),
    "passive": lambda ctx, v: _is_passive(ctx.head) == v,
    "agent": lambda ctx, v: any(c.dep_ == "agent" for c in ctx.head.children) == v,
    "object": _object,
    "object-in": lambda ctx, v: any(_word_in(o, ctx.words(v)) for o in _objects(ctx)),
    "belongs-to": lambda ctx, v: _belongs_to_person(ctx),
    "subject": _subject_is,
    "sentence-has": _sentence_has,
    "not-sentence-has": lambda ctx, v: not _sentence_has(ctx, v),
    "dep": lambda ctx, v: ctx.head.dep_ in v,
    "governor": lambda ctx, v: _governed_by(ctx, v),
    "not-governor": lambda ctx, v: not _governed_by(ctx, v),
    "attributed": lambda ctx, v: is_attributed(ctx.head, ctx.lexicons) == v,
    "specified": lambda ctx, v: is_specified(_noun_phrase_head(ctx.head), ctx.lexicons) == v,
    "speaker-of": _is_speaker_of,
    "clause": lambda ctx, v: any(c.dep_ in ("ccomp", "parataxis") for c in ctx.head.children) == v,
    "named-modifier": lambda ctx, v: _has_named_modifier(ctx.head) == v,
    "modifies": lambda ctx, v: ctx.head.head.i != ctx.head.i and is_person(ctx.head.head, ctx.lexicons),
    "particular": lambda ctx, v: _is_particular(ctx) == v,
}


# `particular`: Reuters Handbook, "Terrorism": general references need no attribution, specific
# individuals, groups or events do; AP Stylebook, "elderly": fine in generic phrases, not of a
# particular person.
_GENERIC_DETERMINERS = frozenset({"any", "no", "every", "each", "all", "such", "what", "which"})
_PARTICULAR_DEPS = ("poss", "nummod", "relcl", "acl", "appos")
_NAME_TYPES = ("PERSON", "NORP", "ORG", "GPE", "DATE", "EVENT", "FAC", "LOC")


def _is_particular(ctx: Context) -> bool:
    """Whether the word (or the noun it qualifies) is pinned to particular people or events: a
    determiner other than a quantifier or "any", a number, an owner, a name, a clause that says
    which, or a part in a past event (subject or object of a verb in the past tense)."""
    noun = ctx.head
    while noun.dep_ in ("amod", "compound", "nmod") and noun.head.i != noun.i:  # "the terrorist group ISIS"
        noun = noun.head
    inside = {t.i for t in ctx.tokens}
    generic = ctx.words(QUANTIFIER_LEXICON) | _GENERIC_DETERMINERS
    pinned = any(child.dep_ == "det" and child.lower_ not in generic or child.dep_ in _PARTICULAR_DEPS
                 or child.dep_ in ("compound", "nmod", "amod") and child.ent_type_ in _NAME_TYPES
                 for child in noun.children if child.i not in inside)
    named = noun.i not in inside and noun.ent_type_ in _NAME_TYPES
    return pinned or named or _in_past_event(noun)


def _in_past_event(noun) -> bool:
    """ "Terrorists ATTACKED the port", "were killed BY terrorists": a part in something that happened."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ in ("agent", "prep"):
        verb = verb.head
    elif noun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)
