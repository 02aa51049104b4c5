"""Agentless attributions the passive finder (analysis/agentless.py) does not cover: views
that appear with no holder ("X seemed to", "it appears that"), questions with no asker
("Asked about …", "was asked whether"), names with no namer ("is known as"), hearsay adverbs
("reportedly") and passives of saying ("was booed").

Every word list is a lexicon of rules/attribution.yaml; the records are kind `agentless`.
What PolNeAR annotators mark (train split, 840 articles) decided the narrowing: a raising
verb counts as the main verb of its sentence, not in a clause that describes something ("the
tax, which seems high, …"); a name needs a passive ("is known as"), not a label on a noun
("a group known as X"); and nothing a named speaker says is agentless.
"""
from __future__ import annotations

from attriblint.analysis.agentless import complement_kind
from attriblint.analysis.model import Attribution

CLAUSES = ("xcomp", "ccomp", "acomp")
MARKERS = ("like", "as")  # "seems like", "appears as if"
MAIN = ("ROOT", "conj")  # a main verb, or one joined to it ("… and seemed to")
CONDITIONS = ("if", "unless")  # "he would serve if asked": no question was put
OPENERS = ("when",)  # "When asked …": a participle the tagger may take for a past tense
NAMES = ("oprd", "attr", "dobj", "ccomp", "xcomp")  # what a naming participle gives: "dubbed the winner"
VOICING_LEXICONS = ("speech-verbs", "speech-verbs-with-content")
QUALIFIERS = ("relcl", "acl")  # a clause on a noun: "comments seen as insulting", "a state that is seen as"


def find_impersonal(analysis) -> list[Attribution]:
    lex = analysis.lexicons
    raising = set(lex.get("raising-verbs", []))
    askers = set(lex.get("question-verbs", []))
    naming = {str(k).lower(): [v] if isinstance(v, str) else list(v)
              for k, v in (lex.get("naming-participles") or {}).items()}
    adverbs = set(lex.get("hearsay-adverbs", []))
    passives = set(lex.get("speech-passives", []))
    voicing = _voicing_verbs(lex)
    found = []
    for block in analysis.blocks:
        for token in block.doc:
            lemma, lower = token.lemma_.lower(), token.lower_
            if lemma in raising and token.pos_ in ("VERB", "AUX"):
                words = _raising(token, voicing)
            elif lemma in askers and (token.tag_ == "VBN" or _participle(token)):
                words = _unasked(token)
            elif lemma in naming and token.tag_ == "VBN":
                words = _named(token, naming[lemma])
            elif lower in adverbs and token.pos_ == "ADV":
                words = None if _said_by_someone(token.head, voicing) else [token]
            elif lemma in passives and token.tag_ == "VBN":
                words = _unnamed_critic(token)
            else:
                continue
            if words:
                found.append(_record(block, words))
    return found


def _raising(verb, voicing):
    """"X seemed to …", "it appears that …", "seems like …"; not "appeared on TV", not in a
    clause that qualifies a noun or a reason ("a gray sky that seemed to …"), and not "X
    appeared to blame Y": X's own words, however hedged. Not "seemed calm" (an adjective the
    parser takes for a predicate object): PolNeAR train marks 26 of 47, too few."""
    if verb.dep_ not in MAIN:
        return None
    children = list(verb.children)
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in voicing for c in children):
        return None
    if any(c.dep_ in CLAUSES for c in children):
        return _with_auxiliaries(verb)
    if any(c.dep_ in ("prep", "mark") and c.lower_ in MARKERS for c in children):
        return _with_auxiliaries(verb)
    return None


def _participle(verb) -> bool:
    """A past form the tagger took for a finite verb, though it heads a clause with no subject
    of its own that opens its sentence or follows "when": "Asked what …, she said …"."""
    if verb.tag_ != "VBD" or verb.dep_ != "advcl":
        return False
    return verb.i == verb.sent.start or verb.nbor(-1).lower_ in OPENERS


def _unasked(verb):
    """"Asked about the loan, she said …" or "he was asked whether …", with no asker named. An
    object is the question put ("was asked a simple question", "Asked a direct question, …"),
    unless an auxiliary makes the verb active ("having asked the clerk")."""
    children = list(verb.children)
    if any(c.dep_ in ("agent", "nsubj") or c.dep_ == "mark" and c.lower_ in CONDITIONS for c in children):
        return None
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
    if not passive and verb.dep_ not in ("advcl", "acl", "ROOT"):
        return None
    if not passive and any(c.dep_ == "dobj" for c in children) and any(c.dep_ == "aux" for c in children):
        return None
    return _with_auxiliaries(verb)


def _named(verb, wanted: list):
    """"is known as …", "was titled …", "what is now known as …"; an entry with prepositions
    needs one of them, `any` an object, `alone` neither ("the plan was widely known"). A label
    on a noun ("a group known as X", "an ad titled Y") only names a thing."""
    children = list(verb.children)
    if any(c.dep_ == "agent" for c in children):
        return None
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in children):
        return None
    marker = next((c for c in children if c.dep_ == "prep" and c.lower_ in wanted), None)
    named = any(c.dep_ in NAMES for c in children)
    if "alone" in wanted and marker is None and not named and not any(c.dep_ == "prep" for c in children):
        return _with_auxiliaries(verb)
    if "any" not in wanted and marker is None:
        return None
    if "any" in wanted and not named:
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


def _said_by_someone(verb, voicing) -> bool:
    """"Trump reportedly said": the subject is the speaker; "the offer was reportedly rejected"
    names nobody."""
    return verb.lemma_.lower() in voicing and any(c.dep_ == "nsubj" for c in verb.children)


def _record(block, words) -> Attribution:
    cue = block.span(words[0])[0], block.span(words[-1])[1]
    return Attribution(kind="agentless", cue=cue, anonymous=True)


def agentless_records(analysis, passives: list[Attribution]) -> list[Attribution]:
    """The passive finder's records and ours, once each (both may see "is expected to"; the
    passive finder's record wins), leaving out cues that have someone behind them after all:
    inside a quotation or what a named speaker says ("Rendell noted that Reagan appeared
    unsteady": Rendell's view), and passives with a `by` agent, however vague ("seen by some
    as": PolNeAR marks "some" as the source; the vague-attribution rule still flags it).
    A passive that only qualifies a noun ("comments seen as insulting", "a county that is
    seen as critical") describes the noun rather than reporting a view: PolNeAR train marks
    half of these sentences (the vague-attribution rule still reads them); a forecast on a
    noun ("a harbour master who is expected to start in May") still counts (11 of 15)."""
    voicing = _voicing_verbs(analysis.lexicons)
    kept: list[Attribution] = []
    for record in passives + find_impersonal(analysis):
        if analysis.document.quote_at(*record.cue) is not None:
            continue
        span = analysis.span_at(*record.cue)
        if span is not None and (_voiced(span.root, voicing) or any(c.dep_ == "agent" for c in span.root.children)):
            continue
        if span is not None and span.root.dep_ in QUALIFIERS and complement_kind(span.root) != "to" \
                and any(record.cue[0] < p.cue[1] and p.cue[0] < record.cue[1] for p in passives):
            continue  # also the twin record _unnamed_critic makes of the same passive
        if not any(record.cue[0] < k.cue[1] and k.cue[0] < record.cue[1] for k in kept):
            kept.append(record)
    return kept


def _voicing_verbs(lexicons: dict) -> set[str]:
    """Verbs that give their subject a voice: "said", "noted", "argued", "thinks"."""
    return {str(w).lower() for name in VOICING_LEXICONS for w in lexicons.get(name, [])}


def _voiced(token, voicing) -> bool:
    """Inside what a speaker with a subject says: the content clause of "said" ("Rendell said
    Reagan appeared unsteady", "…, Rendell said") or a sentence with "according to"."""
    for word in [token, *token.ancestors]:
        speaker_verbs = [word.head] if word.dep_ in ("ccomp", "parataxis") else []
        if word.dep_ == "ROOT":
            speaker_verbs = [c for c in word.children if c.dep_ == "parataxis"]
        if any(_speaks(verb, voicing) for verb in speaker_verbs):
            return True
    return any(t.lower_ == "according" and t.nbor(1).lower_ == "to" for t in token.sent[:-1])


def _speaks(verb, voicing) -> bool:
    return verb.lemma_.lower() in voicing and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
