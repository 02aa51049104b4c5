"""Who said what: cues (verbs of saying with a speaker, "according to", reply attempts), the
content each one covers, and the quotations and follow-on sentences that carry over.

Rules read the result through `Analysis.attributions`; the word lists live in
rules/attribution.yaml (`lexicons:`), so a newsroom can extend them without code.
"""
from __future__ import annotations

from attriblint.analysis.carryover import link_quotes
from attriblint.analysis.feelings import stance_adjectives
from attriblint.analysis.grammar import AUTHOR, NOT_SPEAKERS, SUBJECTS, Lexicon, cue_span, source_span, \
    quote_mark, speaker_nearby, subject_of
from attriblint.analysis.impersonal import agentless_records
from attriblint.analysis.labels import dash_labels, headline_verbs, speaker_labels
from attriblint.analysis.model import Attribution
from attriblint.analysis.nouns import noun_cues

COMPLEMENTS = ("ccomp", "xcomp", "parataxis")
FINITE = ("VBD", "VBZ", "VBP")  # not an imperative ("Don't blame Bush")


def find_attributions(analysis) -> list[Attribution]:
    """Every attribution in the draft, in text order."""
    lexicon = Lexicon.of(analysis)
    found: list[Attribution] = []
    for sentence in analysis.sentences:
        replies = _replies(sentence, lexicon)
        found += replies
        found += [a for a in _verb_cues(analysis, sentence, lexicon)
                  if not any(r.cue[0] <= a.cue[0] < r.cue[1] for r in replies)]
        found += _according_to(sentence, lexicon) + stance_adjectives(analysis, sentence, lexicon.feelings)
        found += speaker_labels(analysis, sentence, lexicon) + headline_verbs(sentence, lexicon) + dash_labels(sentence)
        found += [a for a in noun_cues(sentence, lexicon) if not any(a.source == b.source for b in found)]
    found = link_quotes(analysis, found) + agentless_records(analysis, analysis.agentless_passives)
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
            subject = subject_of(verb)
            return source_span(sentence.block, subject) if subject is not None else None
    return None


def _verb_cues(analysis, sentence, lexicon: Lexicon) -> list[Attribution]:
    out = []
    block = sentence.block
    for verb in sentence.span:
        if verb.pos_ not in ("VERB", "AUX") and not _mistagged_verb(verb):
            continue
        inverted = _inverted_after_quotation(verb)
        strict = bool(lexicon.known(verb, lexicon.speech)) or _before_colon(verb) or _poll_answer(verb, lexicon) \
            or _evidence(verb, lexicon) or _signs_quotation(verb) or inverted is not None
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
            subject = inverted or subject_of(verb)
            if (subject is None or subject.pos_ == "VERB" and not _name_taken_for_verb(subject)) \
                    and lexicon.known(verb, lexicon.speech) \
                    and verb.dep_ == "ROOT" and verb.tag_ in FINITE:
                subject = speaker_nearby(verb)  # a speaker the parser hung elsewhere ("Alarmed by…, X said")
        if subject is None or subject.lower_ in NOT_SPEAKERS:
            continue
        quoted = analysis.document.quote_at(*block.span(verb)) is not None
        if subject.lower_ in AUTHOR and not strict and not quoted and not _first_person_view(verb, subject, lexicon):
            continue  # the writer's own voice (columns, first-person reports)
        if subject.lower_ == "you" and not quoted and _asks_reader(sentence):
            continue  # "Do you support the mayor?": the writer polls the reader, nobody has said anything
        cue = cue_span(block, verb)
        out.append(Attribution("indirect", cue, source=_speaker_words(block, verb, subject),
                               content=block.span(content) if content is not None else None))
    return out


def _asks_reader(sentence) -> bool:
    """"Do you support the mayor?", "Would you say …?": a yes-no question that opens on its
    auxiliary and "you" and ends on a question mark (not "Q: Have you talked to …?", where a
    label names an interview)."""
    words = [t for t in sentence.span if not (t.is_space or t.is_quote)]
    return len(words) > 2 and words[0].tag_ in ("VBP", "VBZ", "VBD", "MD") and words[1].lower_ == "you" \
        and words[-1].text == "?"


def _name_taken_for_verb(subject) -> bool:
    """"Trump never cited any evidence": a capitalised word alone as the subject, which the small
    model tagged as a verb, is a name all the same, not a clause."""
    return subject.dep_ == "nsubj" and subject.is_title and not any(subject.children)


def _first_person_view(verb, subject, lexicon: Lexicon) -> bool:
    """"I think the deal will fail", "I doubt he can win": a writer or speaker who gives a
    belief as theirs, with the clause it covers, is the source of that clause."""
    return subject.lower_ == "i" and bool(lexicon.known(verb, lexicon.first_person)) and \
        any(c.dep_ == "ccomp" for c in verb.children)


def _speaker_words(block, verb, subject):
    """The source span; for a verb the tagger took for a noun ("the candidate's former doctor
    maintains"), the words it took for the verb's modifiers are the speaker's too."""
    start, end = source_span(block, subject)
    if verb.pos_ == "NOUN":
        words = [t for c in verb.lefts if c.dep_ in ("det", "poss", "amod", "compound", "nmod") for t in c.subtree]
        start = min([start] + [block.span(t)[0] for t in words])
    return start, end


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
        if child.dep_ in ("prep", "prt", "advmod") and child.lower_ in preps and not _when(child):
            words = list(child.subtree)
            if child.dep_ != "prep":  # "weigh in on", "laid out his plan": the phrase after the particle
                words += [t for c in verb.children if c.dep_ in ("prep", "dobj") and c.i > child.i for t in c.subtree]
            start, end = min(t.i for t in words), max(t.i for t in words) + 1
            stop = next((t.i for t in verb.doc[child.i:end] if t.text in (".", "!", "?")), end - 1)
            return verb.doc[start:stop + 1]  # not past a full stop the parser ran over
    return None


def _when(preposition) -> bool:
    """"spoke on Monday", "campaigned for a week": a time, not what was said."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in preposition.children)


def _evidence(verb, lexicon: Lexicon) -> bool:
    """"A poll shows Cruz ahead", "the records show …": a poll, study or record that shows or
    finds something is the source of it, with or without a clause."""
    if not lexicon.known(verb, lexicon.with_content):
        return False
    subject = subject_of(verb)
    return subject is not None and subject.lemma_.lower() in lexicon.evidence


def _poll_answer(verb, lexicon: Lexicon) -> bool:
    """"56 percent would vote for her", "a majority of respondents chose him": the people
    polled hold the view."""
    subject = subject_of(verb) if verb.lemma_.lower() in lexicon.poll_verbs else None
    return subject is not None and subject.lemma_.lower() in lexicon.poll_subjects


def _before_colon(verb) -> bool:
    """"Cruz continued: …", "she waved and boomed: …", "she turned to the board: “…”":
    any finite main verb that hands over to a colon (and a quotation) introduces what was
    said; not a label such as "Contributing: …"."""
    if verb.dep_ not in ("ROOT", "conj") or verb.tag_ not in FINITE:
        return False
    if verb.i + 1 < len(verb.doc) and verb.nbor(1).text == ":":
        return True
    colon = next((c for c in verb.children if c.text == ":" and c.i > verb.i), None)  # "turned to the board: “…”"
    return colon is not None and colon.i + 1 < len(verb.doc) and quote_mark(verb.doc[colon.i + 1]) and \
        subject_of(verb) is not None


def _signs_quotation(verb) -> bool:
    """"“…,” he continued.", "“…?” she laughed": a quotation closed on a comma, question or
    exclamation mark, then a speaker and a finite verb that ends the sentence, whatever the verb."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or verb.tag_ not in FINITE or verb.i + 1 < len(doc) and not doc[verb.i + 1].is_punct:
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.i > verb.i or any(c.i > verb.i and not c.is_punct for c in verb.children):
        return False
    first = min(t.i for t in subject.subtree)
    return first >= 2 and doc[first - 1].is_quote and doc[first - 2].text in (",", "?", "!")


def _inverted_after_quotation(verb):
    """"“…,” added a Dover Democrat.", "“…?” reacted Okafor.": a finite verb right after a
    quotation closed on a comma, question or exclamation mark, with its speaker after it (the
    parser often takes it for the object); that speaker, else None."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or verb.tag_ not in FINITE or verb.i < 2 or not quote_mark(doc[verb.i - 1]) \
            or doc[verb.i - 2].text not in (",", "?", "!") \
            or any(c.dep_ in SUBJECTS and c.i < verb.i for c in verb.children):  # "X, host of “Y,” listed"
        return None
    return next((c for c in verb.rights if c.dep_ in ("nsubj", "dobj", "attr") and c.pos_ in ("PROPN", "NOUN")
                 and c.ent_type_ not in ("DATE", "TIME")), None)


def _passive(verb) -> bool:
    """"was named by", and a participle on its own ("a man named Vale", "the plan outlined
    on Monday", "so named because …"): the noun is what the verb acts on, not who speaks."""
    children = {c.dep_ for c in verb.children}
    return "nsubjpass" in children or ("auxpass" in children and not children & set(SUBJECTS)) or \
        (verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBN" and not children & {"aux", "nsubj"})


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


def _according_to(sentence, lexicon: Lexicon) -> list[Attribution]:
    """"according to the ministry", "citing officials", "by one estimate", "by his own account"
    (`by` with a noun of reckoning) and "in a CBS News poll", "in the same survey" (`in` with
    one poll or study, not "in the polls"): the object is the source of the sentence."""
    out = []
    tokens = list(sentence.span)
    lowered = [t.lower_ for t in tokens]
    block = sentence.block
    for phrase in lexicon.according + [["by"], ["in"]]:
        for i in range(len(tokens) - len(phrase) + 1):
            if lowered[i:i + len(phrase)] != phrase:
                continue
            last = tokens[i + len(phrase) - 1]
            objects = [c for c in last.children if c.dep_ in ("pobj", "dobj")]
            if not objects or not _names_a_source(phrase, objects[0], lexicon):
                continue
            cue = (block.span(tokens[i])[0], block.span(last)[1])
            out.append(Attribution("according-to", cue, source=source_span(block, objects[0]),
                                   content=(sentence.start, sentence.end)))
    return out


def _names_a_source(phrase: list[str], head, lexicon: Lexicon) -> bool:
    if phrase == ["by"]:
        return head.lemma_.lower() in lexicon.reckonings
    if phrase == ["in"]:
        return head.tag_ == "NN" and head.lemma_.lower() in lexicon.findings and \
            any(c.dep_ == "det" for c in head.children)
    return True
