"""What every cue finder shares: the lexicons of saying, and who the speaker of a verb is
and which words name it. The finders live in attribution.py (verbs, "according to"),
nouns.py (nouns of saying), feelings.py (adjectives of stance) and labels.py (headline,
transcript and dash labels)."""
from __future__ import annotations

import re
from dataclasses import dataclass

SUBJECTS = ("nsubj", "csubj")
CLAUSE_CUT = ("relcl", "acl", "advcl", "punct", "cc", "conj")
NOT_SPEAKERS = ("this", "that", "which", "what", "there")
AUTHOR = ("i", "we", "you")
RELATIVES = ("who", "that", "which")
SPEAKER_POS = ("PROPN", "NOUN", "PRON")


@dataclass
class Lexicon:
    """The attribution word lists of rules/attribution.yaml, as sets to look lemmas up in."""

    speech: frozenset[str]
    with_content: frozenset[str]
    according: list[list[str]]
    replies: list[re.Pattern]
    label_nouns: frozenset[str]
    nouns: frozenset[str]
    poll_verbs: frozenset[str]
    poll_subjects: frozenset[str]
    prepositions: dict[str, frozenset[str]]
    objects: frozenset[str]
    receiving: frozenset[str]
    not_labels: frozenset[str]
    evidence: frozenset[str]
    feelings: frozenset[str]
    objects_with_content: frozenset[str]
    reckonings: frozenset[str]
    findings: frozenset[str]
    first_person: frozenset[str]
    performing: frozenset[str]
    preposition_phrases: list[list[str]]
    in_stance: frozenset[str]
    giving: frozenset[str]

    @classmethod
    def of(cls, analysis) -> "Lexicon":
        lex = analysis.lexicons
        return cls(frozenset(lex.get("speech-verbs", []) + lex.get("stance-verbs", [])),
                   frozenset(lex.get("speech-verbs-with-content", [])),
                   [p.lower().split() for p in lex.get("according-to", [])],
                   [re.compile(p, re.I) for p in lex.get("reply-patterns", [])],
                   frozenset(lex.get("label-nouns", [])),
                   frozenset(lex.get("speech-nouns", [])),
                   frozenset(lex.get("poll-verbs", [])), frozenset(lex.get("poll-subjects", [])),
                   {verb: frozenset(preps) for verb, preps in lex.get("speech-verbs-with-preposition", {}).items()},
                   frozenset(lex.get("speech-objects", [])), frozenset(lex.get("receiving-verbs", [])),
                   frozenset(lex.get("not-label-words", [])), frozenset(lex.get("evidence-nouns", [])),
                   frozenset(lex.get("stance-adjectives", [])),
                   frozenset(lex.get("speech-objects-with-content", [])),
                   frozenset(lex.get("according-by", [])), frozenset(lex.get("according-in", [])),
                   frozenset(lex.get("first-person-belief-verbs", [])),
                   frozenset(lex.get("performing-verbs", [])),
                   [p.lower().split() for p in lex.get("preposition-phrases", [])],
                   frozenset(lex.get("in-stance-nouns", [])),
                   frozenset(lex.get("giving-verbs", [])))

    def known(self, token, words) -> str | None:
        """The lemma of `token` found in `words`, trying its spelling too where the small
        model's lemma is wrong ("hopes" → "hop", a verb tagged as a plural noun)."""
        for form in word_forms(token):
            if form in words:
                return form
        return None


def word_forms(token) -> list[str]:
    """The lemma, the word, and the stems its ending suggests ("hopes" → "hope")."""
    word = token.lower_
    forms = [token.lemma_.lower(), word]
    for ending, stems in (("ies", ("y",)), ("es", ("", "e")), ("s", ("",)), ("ed", ("", "e")), ("ing", ("", "e"))):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms += [word[:-len(ending)] + stem for stem in stems]
    return forms


def subject_of(verb):
    """The speaker of `verb`: its own subject, else the one it shares with the verb it hangs on
    ("X, speaking…, said", "X denied it and added that…", "X, who said…")."""
    if verb.pos_ == "NOUN":  # a mistagged verb: its speaker is the name before it
        return next((c for c in reversed(list(verb.lefts)) if c.dep_ in ("compound", "nsubj")), None)
    first = verb
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects and all(_quote_between(c, verb) for c in subjects) and _named_after_quote(verb) is not None:
            return _named_after_quote(verb)  # the subject the parser found is inside a quotation
        if subjects:
            child = _speaker_among(verb, subjects)
            if child.lower_ in RELATIVES and verb.dep_ == "relcl":
                return verb.head  # "the committee, which said …"
            return child
        told = _told_to(verb)
        if told is not None:
            return told
        asked = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None) if verb.dep_ == "xcomp" else None
        if asked is not None:
            return asked  # "Vale was pressed to explain …"
        if verb.dep_ in ("conj", "advcl", "xcomp", "dep") and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
        elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "VERB":
            verb = verb.head.head  # "…, by saying that"
        elif _participle_of_setting(verb):
            verb = verb.head.head.head  # "Vale was heard on a radio telling…": Vale tells
            heard = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if heard is not None:
                return heard
        elif verb.dep_ == "relcl" or verb.dep_ == "acl":
            return verb.head if verb.head.pos_ in ("NOUN", "PROPN") else None
        else:
            break
    return _named_after_quote(first)


def _told_to(verb):
    """"The loss led Reyes to announce…", "prompted Republicans to say…": the one named as the
    object of the verb an infinitive hangs on speaks it (a name, not "used the speech to …")."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i and
                 (c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "NORP"))), None)


def _participle_of_setting(verb) -> bool:
    """"was heard on a radio telling…", "stood on a platform speaking out…": a participle the
    parser hung on the thing in a place phrase of the main verb, not on a person; not when the
    main verb has an object the participle may be about ("met a fisherman on the quay telling…")."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or noun.dep_ != "pobj" or noun.pos_ != "NOUN" \
            or noun.ent_type_ in ("PERSON", "NORP") or noun.head.dep_ != "prep":
        return False
    main = noun.head.head
    return main.pos_ in ("VERB", "AUX") and not any(c.dep_ == "dobj" for c in main.children)


def _speaker_among(verb, subjects):
    """Of the subjects the parser gives one verb, the speaker: not one inside the quotation
    it introduces ("“My view, that was absurd,” the aide said"), not the relative pronoun
    ("the reasons that Vale refuses"), else the nearest."""
    if len(subjects) > 1:
        subjects = [s for s in subjects if not _quote_between(s, verb)] or subjects
        subjects = [s for s in subjects if s.lower_ not in RELATIVES] or subjects
    return min(subjects, key=lambda s: abs(s.i - verb.i))


def _quote_between(token, verb) -> bool:
    doc = verb.doc
    return any(quote_mark(t) for t in doc[min(token.i, verb.i) + 1:max(token.i, verb.i)])


def quote_mark(token) -> bool:
    """A quotation mark, not the apostrophe of "veterans' families"."""
    return token.is_quote and token.tag_ != "POS" and token.dep_ != "case"


def _named_after_quote(verb):
    """"“…,” Okafor, the port's director, said": a name between a closing quotation mark and
    the verb that the parser hung on the quotation instead of the verb."""
    doc = verb.doc
    opening = next((i for i in range(verb.i - 1, max(verb.i - 12, -1), -1) if quote_mark(doc[i])), None)
    if opening is None or opening + 1 >= verb.i:
        return None
    words = doc[opening + 1:verb.i]
    heads = [t for t in words if not t.is_punct and not words.start <= t.head.i < words.end]
    return heads[0] if len(heads) == 1 and heads[0].pos_ in ("PROPN", "NOUN", "PRON") else None


def speaker_nearby(verb):
    """The speaker of a verb of saying the parser gave no subject: the phrase just before it,
    past punctuation, a parenthesis and an appositive ("Sen. Ann Vale (D-Ore.) said", "Reid,
    the minority leader, said"), else a noun just after it ("…, said a port official")."""
    doc = verb.doc
    i = verb.i - 1
    while i >= verb.sent.start and doc[i].is_punct:
        if doc[i].text == ")":
            i = next((j for j in range(i, verb.sent.start - 1, -1) if doc[j].text == "("), i)
        i -= 1
    if i >= verb.sent.start:
        token = doc[i]
        while token.dep_ in ("compound", "flat") and verb.i > token.head.i > token.i:
            token = token.head
        if token.dep_ == "pobj" and token.head.head.dep_ == "appos":
            token = token.head.head  # "…, a spokesman in Baghdad, said"
        if token.dep_ == "appos" and token.head.pos_ == "PROPN" and (token.pos_ == "NOUN" or token.like_num):
            token = token.head  # "Reid, the minority leader, said", "Ann Vale, 44, said"
        if (token.pos_ in ("PROPN", "NOUN", "PRON") or token.is_title and token.i == verb.sent.start) \
                and (token.dep_ not in ("pobj", "dobj") or token.ent_type_ == "PERSON") \
                and token.ent_type_ not in ("DATE", "TIME"):
            return token
    relative = _before_relative_clause(verb)
    if relative is not None or verb.i == verb.sent.start:
        return relative  # "Declared Candidates": what opens a line names no speaker after it
    return next((c for c in verb.rights if c.dep_ in ("dobj", "attr", "npadvmod", "dep")
                 and c.pos_ in ("PROPN", "NOUN") and c.ent_type_ not in ("DATE", "TIME")), None)


def _before_relative_clause(verb):
    """"Vale, meanwhile, who sits on the board, said …": the parser makes the name a second
    subject of the relative clause, which it hangs before the verb."""
    for clause in verb.lefts:
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if any(s.lower_ == "who" for s in subjects):
            return next((s for s in subjects if s.pos_ in ("PROPN", "NOUN") and s.i < clause.i), None)
    return None


def source_span(block, head):
    """The source's words: the head noun, its modifiers and the speakers joined to it ("Vale
    and her rivals in the party"), without relative clauses, nor the "as" phrase the parser
    may hang on a `by` agent ("seen by some [as a snub]"), nor the end of a quotation the
    parser hung on the head."""
    keep = sorted(_source_words(head), key=lambda t: t.i)
    mark = next((t for t in reversed(head.doc[keep[0].i:head.i]) if quote_mark(t)), None)
    if mark is not None:  # "…top-notch,” Gene Marsh, an adviser, said": the quotation's tail is no source
        keep = [t for t in keep if t.i > mark.i]
    while len(keep) > 1 and (keep[-1].is_punct or keep[-1].is_space or keep[-1].dep_ == "cc"):
        keep.pop()
    last = keep[-1]
    words = head.doc[keep[0].i:last.i + 1]
    if last.i + 1 < len(head.doc) and head.doc[last.i + 1].text == ")" and \
            sum(t.text == "(" for t in words) > sum(t.text == ")" for t in words):
        last = head.doc[last.i + 1]  # "Sen. Ann Vale (D-Ore.)"
    return block.span(keep[0])[0], block.span(last)[1]


def _source_words(head) -> list:
    keep = [head]
    joined = [c for c in head.children if c.dep_ == "conj" and c.pos_ in SPEAKER_POS]
    for child in head.children:
        if child in joined:
            keep += _source_words(child)
        elif child.dep_ == "cc" and joined and child.i < joined[-1].i:
            keep.append(child)
        elif child.dep_ in CLAUSE_CUT or child.dep_ == "case":  # "the mayor['s] criticism"
            continue
        elif child.dep_ == "prep" and child.lower_ == "as" and head.head.dep_ == "agent":
            continue
        else:
            keep += list(child.subtree)
    return keep


def cue_span(block, verb):
    words = [verb] + [c for c in verb.children if c.dep_ == "prt"]
    return block.span(words[0])[0], max(block.span(w)[1] for w in words)
