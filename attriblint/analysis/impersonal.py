"""Agentless attributions the passive finder (analysis/agentless.py) does not cover: views
that appear with no holder ("X seemed to", "it appears that"), questions with no asker
("Asked about …", "was asked whether"), names with no namer ("a group known as"), hearsay
adverbs ("reportedly") and impersonal verdicts ("it is unclear whether").

Every word list is a lexicon of rules/attribution.yaml; the records are kind `agentless`.
"""
from __future__ import annotations

from attriblint.analysis.model import Attribution

CLAUSES = ("xcomp", "ccomp", "acomp")
MARKERS = ("like", "as")  # "seems like", "appears as if"


def find_impersonal(analysis) -> list[Attribution]:
    lex = analysis.lexicons
    raising = set(lex.get("raising-verbs", []))
    askers = set(lex.get("question-verbs", []))
    naming = {str(k).lower(): v for k, v in (lex.get("naming-participles") or {}).items()}
    adverbs = set(lex.get("hearsay-adverbs", []))
    passives = set(lex.get("speech-passives", []))
    found = []
    for block in analysis.blocks:
        for token in block.doc:
            lemma, lower = token.lemma_.lower(), token.lower_
            if lemma in raising and token.pos_ in ("VERB", "AUX"):
                words = _raising(token)
            elif lemma in askers and token.tag_ == "VBN":
                words = _unasked(token)
            elif lemma in naming and token.tag_ == "VBN":
                words = _named(token, naming[lemma])
            elif lower in adverbs and token.pos_ == "ADV":
                words = [token]
            elif lemma in passives and token.tag_ == "VBN":
                words = _unnamed_critic(token)
            else:
                continue
            if words:
                found.append(_record(block, words))
    return found


def _raising(verb):
    """"X seemed to …", "it appears that …", "seems like …"; not "appeared on TV"."""
    children = list(verb.children)
    if any(c.dep_ in CLAUSES for c in children):
        return _with_auxiliaries(verb)
    if any(c.dep_ in ("prep", "mark") and c.lower_ in MARKERS for c in children):
        return _with_auxiliaries(verb)
    return None


def _unasked(verb):
    """"Asked about the loan, she said …" or "he was asked whether …", with no asker named."""
    children = list(verb.children)
    if any(c.dep_ in ("agent", "nsubj", "dobj") for c in children):
        return None
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
    if not passive and verb.dep_ not in ("advcl", "acl", "ROOT"):
        return None
    return _with_auxiliaries(verb)


def _named(verb, wanted):
    """"the contests known as …", "a group called …", "is titled …"; "as" entries need it."""
    children = list(verb.children)
    if any(c.dep_ == "agent" for c in children):
        return None
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
    if not passive and verb.dep_ != "acl":
        return None
    marker = next((c for c in children if c.dep_ == "prep" and c.lower_ == wanted), None)
    if wanted != "any" and marker is None:
        return None
    if wanted == "any" and not any(c.dep_ in ("oprd", "attr", "dobj", "ccomp", "xcomp") for c in children):
        return None
    return _with_auxiliaries(verb) + ([marker] if marker is not None and marker.i == verb.i + 1 else [])


def _unnamed_critic(verb):
    """"was announced the winner", "was booed", "was accused of": said of someone, by no one."""
    children = list(verb.children)
    if any(c.dep_ == "agent" for c in children):
        return None
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in children):
        return None
    return _with_auxiliaries(verb)


def _with_auxiliaries(verb):
    words = [verb]
    while words[0].i > 0 and words[0].nbor(-1).head == verb and \
            words[0].nbor(-1).dep_ in ("aux", "auxpass", "advmod", "neg"):
        words.insert(0, words[0].nbor(-1))
    return words


def _record(block, words) -> Attribution:
    cue = block.span(words[0])[0], block.span(words[-1])[1]
    return Attribution(kind="agentless", cue=cue, anonymous=True)


def agentless_records(analysis, passives: list[Attribution]) -> list[Attribution]:
    """The passive finder's records and ours, once each (both may see "is expected to"; the
    passive finder's record wins), leaving out cues inside a quotation: those are the
    speaker's words, already attributed to the speaker."""
    kept: list[Attribution] = []
    for record in passives + find_impersonal(analysis):
        if analysis.document.quote_at(*record.cue) is not None:
            continue
        if not any(record.cue[0] < k.cue[1] and k.cue[0] < record.cue[1] for k in kept):
            kept.append(record)
    return kept
