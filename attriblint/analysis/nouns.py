"""Nouns of saying: "the senator's criticism of the plan", "a warning from the ministry that
…", "she voiced concern", "drew criticism from Democrats"."""
from __future__ import annotations

from attriblint.analysis.grammar import AUTHOR, NOT_SPEAKERS, Lexicon, source_span, subject_of
from attriblint.analysis.model import Attribution

NOUN_CONTENT = ("of", "for", "on", "about", "against", "to", "that")  # "criticism of", "support for"
VERB_CONTENT = ("for", "against", "about", "of")  # "made the case for", not "made the comments on Friday"
POINTING_BACK = ("the", "this", "that", "these", "those")


def noun_cues(sentence, lexicon: Lexicon) -> list[Attribution]:
    """"the senator's criticism of the plan", "a warning from the ministry that …": a noun of
    saying whose phrase names both the speaker and what was said (without the content, "his
    speech was interrupted" is an event, not an attribution)."""
    out = []
    block = sentence.block
    spoken = lexicon.nouns | lexicon.objects | lexicon.objects_with_content  # once
    saying = spoken | lexicon.in_stance
    for noun in sentence.span:
        lemma = lexicon.known(noun, saying) if noun.pos_ == "NOUN" else None  # "congratulations", not "congratulation"
        if lemma is None or _in_preposition(noun, lexicon):
            continue
        speaker = _noun_speaker(noun) if lemma in lexicon.nouns and _has_content(noun) else None
        if speaker is None and lemma in spoken:
            speaker = _object_speaker(noun, lemma, lexicon)
        if speaker is None and lemma in lexicon.in_stance:
            speaker = _stance_holder(noun)
        if speaker is None or speaker.lower_ in NOT_SPEAKERS or speaker.lower_ in AUTHOR + ("my", "our", "your"):
            continue
        out.append(Attribution("indirect", block.span(noun), source=source_span(block, speaker)))
    return out


def _in_preposition(noun, lexicon: Lexicon) -> bool:
    """"won thanks to a late swing": a bare noun that opens a phrase which is a preposition
    (the parser often makes it the verb's object), not "sent her thanks to the crew" or
    "gave thanks to the crew"."""
    if noun.i > 0 and noun.nbor(-1).tag_ in ("DT", "PRP$", "PRP", "POS") or \
            noun.dep_ == "dobj" and lexicon.known(noun.head, lexicon.giving):
        return False
    words = [t.lower_ for t in noun.doc[noun.i:noun.i + 3]]
    return any(words[:len(phrase)] == phrase for phrase in lexicon.preposition_phrases)


def _stance_holder(noun):
    """"Graham came out in support of Cruz": a stance noun after "in", with an "of"/"to"
    phrase, on a verb; the verb's subject holds the stance."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ != "in" or preposition.head.pos_ not in ("VERB", "AUX") \
            or not any(c.dep_ == "prep" and c.lower_ in ("of", "to") for c in noun.children):
        return None
    return _speaking_subject(preposition.head)


def _object_speaker(noun, lemma: str, lexicon: Lexicon):
    """"She voiced concern", "drew criticism from Democrats", "won the support of unions":
    a noun of saying as the object of a verb; the speaker is the verb's subject, or the
    `from`/`of` object after a verb of receiving."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX") or lexicon.known(verb, lexicon.speech):
        return None  # a verb of saying is a cue of its own
    if lexicon.known(verb, lexicon.receiving):
        preps = [c for c in list(noun.children) + list(verb.children)
                 if c.dep_ == "prep" and c.lower_ in ("from", "of", "by")]
        return next((c for p in preps for c in p.children if c.dep_ == "pobj"), None)
    said = _has_content(noun, colon=True) or any(c.dep_ == "prep" and c.lower_ in VERB_CONTENT and c.i > noun.i
                                                 for c in verb.children)  # "made the case [for …]"
    if lemma not in lexicon.objects and not (lemma in lexicon.objects_with_content and said):
        return None
    if not said and lexicon.known(verb, lexicon.performing) and \
            any(c.dep_ == "det" and c.lower_ in POINTING_BACK for c in noun.children):
        return None  # "made this statement during the debate": the statement the story already has
    return _speaking_subject(verb)


def _speaking_subject(verb):
    subject = subject_of(verb)
    return subject if subject is not None and subject.pos_ in ("PROPN", "PRON", "NOUN") else None


def _has_content(noun, colon: bool = False) -> bool:
    """"criticism of X", "a warning that …" (a that-clause the parser took for a relative
    clause still has its `that` as a marker); with `colon`, "the following comment: …"."""
    if colon and noun.i + 1 < len(noun.doc) and noun.nbor(1).text == ":":
        return True
    return any(c.dep_ in ("acl", "ccomp") or (c.dep_ == "prep" and c.lower_ in NOUN_CONTENT)
               or (c.dep_ == "relcl" and any(m.dep_ == "mark" for m in c.children))
               for c in noun.children)


def _noun_speaker(noun):
    """The possessor ("Lynch's statement"), a name before it ("a Gallup poll of"), or the
    `from`/`by` object."""
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None
