"""Headline and transcript speakers: "Warren: Trump is a failure", "FALLIN: I think …",
"Senator Praises Budget", and a quotation signed with a dash ("“…” ― Carla Ruiz")."""
from __future__ import annotations

import bisect

from attriblint.analysis.grammar import Lexicon
from attriblint.analysis.model import Attribution

LABEL_MAX_WORDS = 8  # "Former Attorney General Michael Mukasey at the convention:"
HEADLINE_MAX_WORDS = 16
NAME_MAX_WORDS = 3  # "Ann Lee-Okafor", "Mary Ann Lee-Okafor"
FINITE = ("VBD", "VBZ", "VBP", "MD")  # a label with a finite verb is a clause, not a speaker
DASHES = ("―", "—", "–")


def speaker_labels(analysis, sentence, lexicon: Lexicon) -> list[Attribution]:
    """"Warren: Trump is a failure", in headline and transcript style."""
    tokens = [t for t in sentence.span if not t.is_space]
    block = sentence.block
    colon = next((i for i, t in enumerate(tokens[:LABEL_MAX_WORDS + 1]) if t.text == ":"), None)
    if colon:
        label = tokens[:colon]
        rest = tokens[colon + 1:]
        opening = sentence.start == block.paragraph.start
        if opening and len(rest) < 3:  # "Ann Lee: She | said …", "LEE: | I …": a turn the parser cut short
            turn = [t for t in block.doc[tokens[colon].i + 1:] if not t.is_space]
            if rest or not _title_case(label + turn):  # not a headline's kicker ("Night Over Harbour: | The …")
                rest = turn
        headline = _title_case(label + rest)
        if _labels_speaker(label, lexicon, headline or opening) and (_says_something(rest, headline) if rest
                                                                     else _names_speaker(label, lexicon)):
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
            or label[0].pos_ in ("DET", "CCONJ", "INTJ", "ADV") or any(t.is_punct and not _joins(t, label) for t in label):
        return False  # "The Latest: …", "But beware, Republicans: …"
    return any(t.pos_ == "PROPN" or t.lemma_.lower() in lexicon.label_nouns for t in label) or \
        (standalone and len(label) <= 3 and all(t.is_title or t.is_upper for t in label))


def _joins(mark, label) -> bool:
    """The hyphen of a double name ("Ann Lee-Okafor"), written with no space either side, in
    a label as short as a name (not "the Gazette's Arts-Business Digest")."""
    return mark.text in ("-", "‐") and mark.i > 0 and not mark.nbor(-1).whitespace_ and not mark.whitespace_ \
        and len([t for t in label if not t.is_punct]) <= NAME_MAX_WORDS


def _names_speaker(label, lexicon: Lexicon) -> bool:
    """A label alone on its line speaks the next sentence only if it names someone ("Sen.
    Ann Vale:", "Spokesman:"); "Stealth Over Health:" heads a section."""
    if any(t.pos_ == "VERB" for t in label):
        return False
    return any(t.ent_type_ == "PERSON" or t.lemma_.lower() in lexicon.label_nouns for t in label) or \
        (len(label) == 1 and label[0].ent_type_ in ("ORG", "NORP"))  # "Pentagon:"


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


def headline_verbs(sentence, lexicon: Lexicon) -> list[Attribution]:
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
            before = [t for t in sentence.span if t.i < token.i]  # "Railing Against X, Vale Vows …"
            cut = max((k for k, t in enumerate(before) if t.is_punct), default=-1)
            if cut + 1 == len(before):
                continue
            source = block.span(before[cut + 1])[0], block.span(words[i - 1])[1]
            content = block.span(words[i + 1])[0], sentence.end
            return [Attribution("indirect", block.span(token), source=source, content=content)]
    return []


def dash_labels(sentence) -> list[Attribution]:
    """"“… our town depends on it.” ― Carla Ruiz, a fisherman": a dash just after a closing
    quotation mark, then a name to the end of the sentence, signs the quotation."""
    doc, block = sentence.span.doc, sentence.block
    for dash in sentence.span:
        before = next((doc[i] for i in range(dash.i - 1, -1, -1) if not doc[i].is_space), None)
        if dash.text not in DASHES or before is None or not before.is_quote:
            continue
        words = [t for t in doc[dash.i + 1:sentence.span.end] if not t.is_space]
        while words and words[-1].is_punct:
            words.pop()
        if words and words[0].pos_ == "PROPN" and len([t for t in words if not t.is_punct]) <= LABEL_MAX_WORDS + 4:
            source = block.span(words[0])[0], block.span(words[-1])[1]
            return [Attribution("indirect", block.span(dash), source=source)]
    return []
