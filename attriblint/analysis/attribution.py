"""Who said what: cues (verbs of saying with a speaker, "according to", reply attempts), the
content each one covers, and the quotations and follow-on sentences that carry over.

Rules read the result through `Analysis.attributions`; the word lists live in
rules/attribution.yaml (`lexicons:`), so a newsroom can extend them without code.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from attriblint.analysis.agentless import find_agentless
from attriblint.analysis.carryover import link_quotes
from attriblint.analysis.impersonal import agentless_records
from attriblint.analysis.model import Attribution

SUBJECTS = ("nsubj", "csubj")
COMPLEMENTS = ("ccomp", "xcomp", "parataxis")
CLAUSE_CUT = ("relcl", "acl", "advcl", "punct", "cc", "conj")
NOT_SPEAKERS = ("this", "that", "which", "what", "there")
AUTHOR = ("i", "we", "you")
LABEL_MAX_WORDS = 8  # "Former Attorney General Michael Mukasey at the convention:"
HEADLINE_MAX_WORDS = 16
NOUN_CONTENT = ("of", "for", "on", "about", "against", "to", "that")  # "criticism of", "support for"
FINITE = ("VBD", "VBZ", "VBP", "MD")  # a label with a finite verb is a clause, not a speaker


@dataclass
class Lexicon:
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
                   frozenset(lex.get("not-label-words", [])), frozenset(lex.get("evidence-nouns", [])))

    def known(self, token, words) -> str | None:
        """The lemma of `token` found in `words`, trying its spelling too where the small
        model's lemma is wrong ("hopes" → "hop", a verb tagged as a plural noun)."""
        for form in _forms(token):
            if form in words:
                return form
        return None


def find_attributions(analysis) -> list[Attribution]:
    """Every attribution in the draft, in text order."""
    lexicon = Lexicon.of(analysis)
    found: list[Attribution] = []
    for sentence in analysis.sentences:
        replies = _replies(sentence, lexicon)
        found += replies
        found += [a for a in _verb_cues(analysis, sentence, lexicon)
                  if not any(r.cue[0] <= a.cue[0] < r.cue[1] for r in replies)]
        found += _according_to(sentence, lexicon)
        found += _speaker_labels(analysis, sentence, lexicon) + _headline_verbs(sentence, lexicon)
        found += [a for a in _noun_cues(sentence, lexicon) if not any(a.source == b.source for b in found)]
    found = link_quotes(analysis, found) + agentless_records(analysis, find_agentless(analysis))
    return sorted(found, key=lambda a: (a.cue or a.content or (0, 0)))


# ---------------------------------------------------------------- cues in one sentence
def _replies(sentence, lexicon: Lexicon) -> list[Attribution]:
    for pattern in lexicon.replies:
        match = pattern.search(sentence.text)
        if match:
            cue = (sentence.start + match.start(), sentence.start + match.end())
            source = _reply_source(sentence, match.start())
            return [Attribution("reply", cue, source=source)]
    return []


def _reply_source(sentence, offset: int):
    """Who was asked: the subject of the verb the reply phrase starts on."""
    for token in sentence.span:
        if token.idx - sentence.span.start_char >= offset - 1 and token.pos_ in ("VERB", "AUX"):
            verb = token if token.pos_ == "VERB" else token.head
            subject = _subject(verb)
            return _source_span(sentence.block, subject) if subject is not None else None
    return None


def _verb_cues(analysis, sentence, lexicon: Lexicon) -> list[Attribution]:
    out = []
    block = sentence.block
    for verb in sentence.span:
        if verb.pos_ not in ("VERB", "AUX") and not _mistagged_verb(verb):
            continue
        strict = bool(lexicon.known(verb, lexicon.speech)) or _before_colon(verb) or _poll_answer(verb, lexicon) \
            or _evidence(verb, lexicon)
        content = _complement(verb)
        topic = None if strict else _topic(verb, lexicon)
        if topic is not None:  # "talked about the economy", "weighed in on the race"
            strict, content = True, content or topic
        if not strict and not lexicon.known(verb, lexicon.with_content):
            continue
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if _parenthetical(verb):  # "as the Post observed, …": the clause it hangs on
            content = sentence.span
        elif not strict and content is None and agent is None and not _introduces_quote(sentence, verb):
            continue
        if _passive(verb):
            if agent is None:
                continue
            subject = next((c for c in agent.children if c.dep_ == "pobj"), None)
        else:
            subject = _subject(verb)
        if subject is None or subject.lower_ in NOT_SPEAKERS:
            continue
        if subject.lower_ in AUTHOR and not strict and analysis.document.quote_at(*block.span(verb)) is None:
            continue  # the writer's own voice (columns, first-person reports)
        cue = _cue_span(block, verb)
        out.append(Attribution("indirect", cue, source=_source_span(block, subject),
                               content=block.span(content) if content is not None else None))
    return out


def _forms(token) -> list[str]:
    word = token.lower_
    forms = [token.lemma_.lower(), word]
    for ending, stems in (("ies", ("y",)), ("es", ("", "e")), ("s", ("",)), ("ed", ("", "e")), ("ing", ("", "e"))):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms += [word[:-len(ending)] + stem for stem in stems]
    return forms


def _mistagged_verb(token) -> bool:
    """"Trump predicts that …": the small model reads a third-person verb after a name as a
    plural noun; a sentence root with a clause of its own is a verb all the same."""
    return token.tag_ == "NNS" and token.dep_ == "ROOT" and any(c.dep_ == "ccomp" for c in token.children)


def _topic(verb, lexicon: Lexicon):
    """"spoke about the economy", "weighed in on the race": a verb that reports speech or
    stance only with its preposition; the prepositional phrase is what was said."""
    preps = lexicon.prepositions.get(lexicon.known(verb, lexicon.prepositions) or "")
    if not preps:
        return None
    for child in verb.children:
        if child.dep_ in ("prep", "prt", "advmod") and child.lower_ in preps:
            words = list(child.subtree)
            if child.dep_ != "prep":  # "weigh in on", "fire back at": the phrase after the particle
                words += [t for c in verb.children if c.dep_ == "prep" and c.i > child.i for t in c.subtree]
            return verb.doc[min(t.i for t in words):max(t.i for t in words) + 1]
    return None


def _evidence(verb, lexicon: Lexicon) -> bool:
    """"A poll shows Cruz ahead", "the records show …": a poll, study or record that shows or
    finds something is the source of it, with or without a clause."""
    if not lexicon.known(verb, lexicon.with_content):
        return False
    subject = _subject(verb)
    return subject is not None and subject.lemma_.lower() in lexicon.evidence


def _poll_answer(verb, lexicon: Lexicon) -> bool:
    """"56 percent would vote for her", "a majority of respondents chose him": the people
    polled hold the view."""
    subject = _subject(verb) if verb.lemma_.lower() in lexicon.poll_verbs else None
    return subject is not None and subject.lemma_.lower() in lexicon.poll_subjects


def _before_colon(verb) -> bool:
    """"Cruz continued: …": any verb that hands over to a colon introduces what was said."""
    return verb.i + 1 < len(verb.doc) and verb.nbor(1).text == ":" and verb.dep_ == "ROOT"


def _passive(verb) -> bool:
    children = {c.dep_ for c in verb.children}
    return "nsubjpass" in children or ("auxpass" in children and not children & set(SUBJECTS))


def _parenthetical(verb) -> bool:
    """"as the Post observed, …", "The trouble, Frank writes, began …", "…, the airline added,
    and …": a clause of saying set into the sentence it attributes."""
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return True
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if verb.dep_ != "parataxis" or subject is None:
        return False
    first = min(t.i for t in subject.subtree)
    return first > 0 and verb.doc[first - 1].text in (",", "—", "–")


def _subject(verb):
    """The speaker of `verb`: its own subject, else the one it shares with the verb it hangs on
    ("X, speaking…, said", "X denied it and added that…", "X, who said…")."""
    if verb.pos_ == "NOUN":  # a mistagged verb: its speaker is the name before it
        return next((c for c in reversed(list(verb.lefts)) if c.dep_ in ("compound", "nsubj")), None)
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                if child.lower_ in ("who", "that") and verb.dep_ == "relcl":
                    return verb.head
                return child
        if verb.dep_ in ("conj", "advcl", "xcomp", "dep") and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
        elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "VERB":
            verb = verb.head.head  # "…, by saying that"
        elif verb.dep_ == "relcl" or verb.dep_ == "acl":
            return verb.head if verb.head.pos_ in ("NOUN", "PROPN") else None
        else:
            return None
    return None


def _complement(verb):
    """The clause that holds what was said, as a spaCy span; None when there is none."""
    tokens = []
    for child in verb.children:
        if child.dep_ in COMPLEMENTS or (child.dep_ == "dobj" and _is_clause(child)):
            tokens += list(child.subtree)
    if not tokens:
        return None
    doc = verb.doc
    return doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1]


def _is_clause(token) -> bool:
    return any(c.dep_ in SUBJECTS or c.dep_ == "ccomp" for c in token.children)


def _introduces_quote(sentence, verb) -> bool:
    """`verb` is followed by a colon or stands next to a quotation of its own, in its sentence
    or just before it (`… A pathetic figure!” he wrote.`, cut in two by the parser)."""
    after = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if after is not None and after.text in (":", "—", "–"):
        return True
    first = sentence.span.start
    return any(t.is_quote for t in sentence.span) or (first > 0 and verb.doc[first - 1].is_quote)


def _cue_span(block, verb):
    words = [verb] + [c for c in verb.children if c.dep_ == "prt"]
    return block.span(words[0])[0], max(block.span(w)[1] for w in words)


def _source_span(block, head):
    """The source's words: the head noun and its modifiers, without relative clauses."""
    keep = [head]
    for child in head.children:
        if child.dep_ not in CLAUSE_CUT and child.dep_ != "case":  # "the mayor['s] criticism"
            keep += list(child.subtree)
    keep = sorted(keep, key=lambda t: t.i)
    while len(keep) > 1 and (keep[-1].is_punct or keep[-1].is_space):
        keep.pop()
    return block.span(keep[0])[0], block.span(keep[-1])[1]


def _according_to(sentence, lexicon: Lexicon) -> list[Attribution]:
    out = []
    tokens = list(sentence.span)
    lowered = [t.lower_ for t in tokens]
    for phrase in lexicon.according:
        for i in range(len(tokens) - len(phrase) + 1):
            if lowered[i:i + len(phrase)] != phrase:
                continue
            last = tokens[i + len(phrase) - 1]
            objects = [c for c in last.children if c.dep_ in ("pobj", "dobj")]
            if not objects:
                continue
            block = sentence.block
            cue = (block.span(tokens[i])[0], block.span(last)[1])
            out.append(Attribution("according-to", cue, source=_source_span(block, objects[0]),
                                   content=(sentence.start, sentence.end)))
    return out


def _headline_verbs(sentence, lexicon: Lexicon) -> list[Attribution]:
    """"Senator Praises Budget", "EXPERTS WARN OF FLOODS": in title case the tagger reads the
    verb as a name, so a verb of saying after a name or noun is found by its spelling."""
    words = [t for t in sentence.span if t.is_alpha]
    capitalised = [t for t in words if t.is_title or t.is_upper]
    if len(words) > HEADLINE_MAX_WORDS or len(capitalised) < max(3, 0.75 * len(words)):
        return []
    block = sentence.block
    for i, token in enumerate(words[1:-1], start=1):
        forms = (token.lower_[:-1], token.lower_[:-2]) if token.lower_.endswith("s") else \
            ((token.lower_,) if token.is_upper else ())
        if token.pos_ not in ("VERB", "AUX") and any(f in lexicon.speech for f in forms) and \
                words[i - 1].pos_ in ("PROPN", "NOUN"):  # a verb the parse got is the verb finder's
            source = block.span(words[0])[0], block.span(words[i - 1])[1]
            content = block.span(words[i + 1])[0], sentence.end
            return [Attribution("indirect", block.span(token), source=source, content=content)]
    return []


def _noun_cues(sentence, lexicon: Lexicon) -> list[Attribution]:
    """"the senator's criticism of the plan", "a warning from the ministry that …": a noun of
    saying whose phrase names both the speaker and what was said (without the content, "his
    speech was interrupted" is an event, not an attribution)."""
    out = []
    block = sentence.block
    for noun in sentence.span:
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or lemma not in lexicon.nouns | lexicon.objects:
            continue
        speaker = _noun_speaker(noun) if lemma in lexicon.nouns and _has_content(noun) else None
        if speaker is None:
            speaker = _object_speaker(noun, lexicon)
        if speaker is None or speaker.lower_ in NOT_SPEAKERS or speaker.lower_ in AUTHOR + ("my", "our", "your"):
            continue
        out.append(Attribution("indirect", block.span(noun), source=_source_span(block, speaker)))
    return out


def _object_speaker(noun, lexicon: Lexicon):
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
    if noun.lemma_.lower() not in lexicon.objects:
        return None
    subject = _subject(verb)
    return subject if subject is not None and subject.pos_ in ("PROPN", "PRON", "NOUN") else None


def _has_content(noun) -> bool:
    """"criticism of X", "a warning that …" (a that-clause the parser took for a relative
    clause still has its `that` as a marker)."""
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


def _speaker_labels(analysis, sentence, lexicon: Lexicon) -> list[Attribution]:
    """"Warren: Trump is a failure", in headline and transcript style."""
    tokens = [t for t in sentence.span if not t.is_space]
    block = sentence.block
    colon = next((i for i, t in enumerate(tokens[:LABEL_MAX_WORDS + 1]) if t.text == ":"), None)
    if colon:
        label = tokens[:colon]
        rest = tokens[colon + 1:]
        headline = _title_case(tokens)
        opening = sentence.start == block.paragraph.start
        if _labels_speaker(label, lexicon, headline or opening) and (not rest or _says_something(rest, headline)):
            source = (block.span(label[0])[0], block.span(label[-1])[1])
            content = (block.span(rest[0])[0], sentence.end) if rest else _next_sentence(analysis, sentence)
            if content and opening and not headline:
                content = content[0], block.paragraph.end  # a transcript: "FALLIN: I think … I trust him"
            return [Attribution("indirect", block.span(tokens[colon]), source=source, content=content)]
    return []


def _labels_speaker(label, lexicon: Lexicon, standalone: bool) -> bool:
    """A name or a speaking role; in a title-case headline or at the start of a paragraph
    (a transcript) any short label of capitalised words ("Issa: Clinton's Honesty Is in
    Question", "FALLIN: I think", which the tagger does not read as names)."""
    if any(t.tag_ in FINITE or t.lower_ in ("from", "online") or t.lower_ in lexicon.not_labels for t in label) \
            or label[0].pos_ in ("DET", "CCONJ", "INTJ", "ADV") or any(t.is_punct for t in label):
        return False  # "The Latest: …", "But beware, Republicans: …"
    return any(t.pos_ == "PROPN" or t.lemma_.lower() in lexicon.label_nouns for t in label) or \
        (standalone and len(label) <= 3 and all(t.is_title or t.is_upper for t in label))


def _title_case(tokens) -> bool:
    words = [t for t in tokens if t.is_alpha]
    return len(words) >= 3 and sum(t.is_title or t.is_upper for t in words) >= 0.75 * len(words)


def _says_something(words, headline: bool) -> bool:
    return len(words) >= 3 and (headline or any(t.pos_ in ("VERB", "AUX") or t.is_quote for t in words))


def _next_sentence(analysis, sentence):
    starts = [s.start for s in analysis.sentences]
    index = bisect.bisect_right(starts, sentence.start)
    if index < len(starts):
        following = analysis.sentences[index]
        return following.start, following.end
    return None
