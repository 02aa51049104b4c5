"""Kind `unattributed`: a sentence in the reporter's own voice that makes a claim a reader would
want sourced (a figure, a superlative, a judgement, a motive, a cause) and that no attribution
covers. The claim signals are YAML (`signals:`), so a newsroom can tune what counts."""
from __future__ import annotations

import bisect
import re

from attriblint.kinds.base import Rule
from attriblint.yamlfile import Field, at_least_one, string_list

SIGNAL = {
    "name": Field(str, required=True),
    "words": Field((str, list), default=list, check=string_list),
    "verbs": Field((str, list), default=list, check=string_list),
    "phrases": Field((str, list), default=list, check=string_list),
    "tags": Field((str, list), default=list, check=string_list),
    "entities": Field((str, list), default=list, check=string_list),
    "except": Field((str, list), default=list, check=string_list),
    "numbers-from": Field(int, default=0),
    "not-counting": Field((str, list), default=list, check=string_list),
    "not-numbered": Field((str, list), default=list, check=string_list),
    "not-before": Field((str, list), default=list, check=string_list),
    "preceded-by": Field((str, list), default=list, check=string_list),
    "followed-by": Field((str, list), default=list, check=string_list),
    "unless": Field((str, list), default=list, check=string_list),
    "unless-entities": Field((str, list), default=list, check=string_list),
    "unless-cited-before": Field((str, list), default=list, check=string_list),
    "main-clause": Field(bool, default=False),
    "perfect": Field(bool, default=True),
    "max-words": Field(int, default=0, check=at_least_one),  # left out: any length
    "after-attributed": Field(bool, default=False),
}
_DATELINE = re.compile(r"^(?:By\s+[A-Z][\w.'’-]*\s+[A-Z]|[A-Z][A-Z .,'-]{2,}(?:\s*\([^)]*\))?\s*[—–-]|\W*$)")
QUOTE_MARKS = "\"'“”‘’«»―"
SENTENCE_ENDS = ".!…)" + QUOTE_MARKS
DEFINITE = frozenset({"the", "these", "those", "all", "each", "every", "its", "their", "his", "her", "our"})
_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s")


class UnattributedRule(Rule):
    kind = "unattributed"
    message_fields = frozenset({"match", "signal"})
    needs = frozenset({"entities"})
    options = {
        "signals": Field(list, required=True, items=SIGNAL),
        "min-words": Field(int, default=6),
        "covered": Field(float, default=0.34),
        "holder-verbs": Field((str, list), default=list, check=string_list),
        "lead-sentences": Field(int, default=4),
        "first-person": Field((str, list), default=list, check=string_list),
    }

    def __init__(self, spec):
        super().__init__(spec)
        self.signals = [{k: frozenset(v) if isinstance(v, list) and k != "phrases" else v
                         for k, v in signal.items()} for signal in spec.options["signals"]]
        self.min_words = spec.options["min-words"]
        self.covered = spec.options["covered"]
        self.holder_verbs = frozenset(spec.options["holder-verbs"])
        self.lead_sentences = spec.options["lead-sentences"]
        self.first_person = frozenset(w.lower() for w in spec.options["first-person"])
        self._phrases = None
        self._lead = None  # the words of the sources the current draft's lead cites, once read

    def check(self, analysis):
        self._lead = None
        attributions = [a for a in analysis.attributions if a.kind != "reply"]
        cues = sorted(a.cue[0] for a in attributions if a.cue)
        contents = [a.content for a in attributions if a.content]
        document = analysis.document
        reported = _reporting_words(analysis.lexicons) | self.holder_verbs
        previous = None
        for sentence in analysis.sentences:
            follows = previous is not None and previous.block.paragraph == sentence.block.paragraph and (
                _has_cue(cues, previous) or self._covered(contents, previous))
            previous = sentence
            if follows and sentence.text.lstrip()[:1].islower():
                continue  # the parser split an attributed sentence ("the ferries were approx. | twice as fast …")
            if not self._candidate(sentence, document):
                continue
            if _has_cue(cues, sentence) or self._covered(contents, sentence):
                continue
            if any(t.pos_ == "VERB" and (t.lemma_.lower() in reported or t.lower_ in reported)
                   for t in sentence.span):
                continue  # someone's words, view or aim whose holder the parse missed: not the reporter's voice
            signal, words = self._signal(analysis, sentence, follows)
            if signal is None:
                continue
            yield self.finding(sentence.start, _trim(document.prose, sentence.start, sentence.end),
                               signal=signal, match=words, extra={"signal": signal})

    def _candidate(self, sentence, document) -> bool:
        """Prose sentences only: no headings, datelines, bylines, questions, or quotations."""
        if sentence.block.paragraph.kind != "paragraph":
            return False
        text = sentence.text.strip()
        words = [t for t in sentence.span if t.is_alpha]
        if len(words) < self.min_words or text.endswith("?") or text.endswith(":"):
            return False
        if text[-1] not in SENTENCE_ENDS:
            return False  # a headline, caption or label: no full stop
        if _DATELINE.match(text) or _LIST_ITEM.match(text) or text[0] in QUOTE_MARKS or text[-1] in QUOTE_MARKS:
            return False  # the edge of a quotation the quote finder could not pair
        return document.quote_at(sentence.start, sentence.end) is None

    def _covered(self, contents, sentence) -> bool:
        length = max(1, sentence.end - sentence.start)
        inside = sum(max(0, min(e, sentence.end) - max(s, sentence.start)) for s, e in contents)
        return inside / length >= self.covered

    def _signal(self, analysis, sentence, follows: bool):
        """The first claim signal in the sentence: (signal name, the words that show it). After
        an attributed sentence in the same paragraph (`follows`) only `after-attributed`
        signals count: such a sentence usually goes on with the source's account."""
        quoted = analysis.document.quote_at
        tokens = [t for t in sentence.span if not t.is_space
                  and quoted(*sentence.block.span(t)) is None]  # a quoted phrase is the source's words
        if any(t.pos_ == "PRON" and t.lower_ in self.first_person for t in tokens):
            return None, ""  # a columnist's or a reader's own voice ("I would be happy with…"), not the reporter's
        forms = [(t.lemma_.lower(), t.lower_) for t in tokens]  # read once, not once per signal
        length = sum(t.is_alpha for t in sentence.span)
        for signal in self.signals:
            if signal["max-words"] and length > signal["max-words"]:
                continue  # a long sentence's other clauses often hold the view the claim belongs to
            if follows and not signal["after-attributed"]:
                continue
            words = self._first_hit(analysis, signal, tokens, forms)
            if words and not self._waived(analysis, signal, sentence):
                return signal["name"], words
        return None, ""

    def _waived(self, analysis, signal, sentence) -> bool:
        """`unless` words or `unless-entities` in the sentence ("poll", a date: a schedule, not
        a forecast), or a document named in `unless-cited-before` cited in the draft's lead
        ("according to the report"): a story built on a report reads its figures from it."""
        if signal["unless"] and _has_lemma(sentence, signal["unless"]):
            return True
        if any(t.ent_type_ in signal["unless-entities"] for t in sentence.span):
            return True
        return bool(signal["unless-cited-before"]) and bool(
            signal["unless-cited-before"] & self._cited_in_lead(analysis))

    def _cited_in_lead(self, analysis) -> frozenset[str]:
        """The words of the sources that the draft's first `lead-sentences` sentences cite
        (worked out once per draft)."""
        if self._lead is None:
            lead = analysis.sentences[:self.lead_sentences]
            end = lead[-1].end if lead else 0
            prose = analysis.document.prose
            self._lead = frozenset(
                word for a in analysis.attributions if a.source and a.kind != "agentless" and a.source[1] <= end
                for word in re.findall(r"[a-z]+", prose[a.source[0]:a.source[1]].lower()))
        return self._lead

    def _first_hit(self, analysis, signal, tokens, forms) -> str:
        excluded = signal["except"]
        phrases = self._phrase_lemmas(analysis, signal)
        for i, token in enumerate(tokens):
            lemma, lower = forms[i]
            if lemma in excluded or lower in excluded:
                continue
            if lemma in signal["verbs"] and token.pos_ != "VERB":
                continue  # "fuel duty", "a lead to": the noun is no cause
            if (lemma in signal["words"] or lower in signal["words"]
                    or token.tag_ in signal["tags"]
                    or (token.ent_type_ in signal["entities"] and token.ent_iob_ == "B")
                    or (signal["numbers-from"] and _number(token, signal["not-counting"], signal["not-numbered"]) >= signal["numbers-from"])):
                if _in_context(token, signal):
                    return _entity(token).text if token.ent_type_ in signal["entities"] else token.text
            for phrase in phrases:
                if not phrase or phrase[0] not in forms[i] or i + len(phrase) > len(tokens):
                    continue
                if all(word in form for word, form in zip(phrase, forms[i:i + len(phrase)])):
                    window = tokens[i:i + len(phrase)]
                    after = window[-1].nbor() if window[-1].i + 1 < len(window[-1].doc) else None
                    if after is None or after.tag_ not in signal["not-before"]:
                        return " ".join(t.text for t in window)
        return ""

    def _phrase_lemmas(self, analysis, signal) -> list[list[str]]:
        """Each signal's phrases as lemmas, lemmatised once per process in one batch."""
        if self._phrases is None:
            phrases = [p for s in self.signals for p in s["phrases"]]
            lemmas = iter(analysis.lemmas(phrases) if phrases else [])
            self._phrases = {id(s): [next(lemmas) for _ in s["phrases"]] for s in self.signals}
        return self._phrases[id(signal)]


def _in_context(token, signal) -> bool:
    """`preceded-by` one of its words just before the hit or inside its entity ("about $5m",
    "more than $5m"); `followed-by` one of its words in the next few ("higher than");
    `main-clause`: the hit is, or hangs on, the sentence's own unnegated main verb."""
    doc = token.doc
    if signal["main-clause"] and not _on_main_verb(token):
        return False
    if not signal["perfect"] and _on_perfect_verb(token):
        return False
    if signal["preceded-by"]:
        if not any(t.lower_ in signal["preceded-by"] for t in doc[max(0, token.i - 3):_entity(token).end]):
            return False
    if signal["followed-by"]:
        return any(t.lower_ in signal["followed-by"] for t in doc[token.i + 1:token.i + 6])
    return True


def _on_main_verb(token) -> bool:
    """The token is the main verb of its sentence (the root, or a verb joined to it by "and"),
    hangs on it as its auxiliary, adverb or complement ("prices could rise", "the task is
    difficult") or describes its complement ("it was a brilliant campaign"), and that verb
    is not negated: "could not" forecasts nothing, and a hit inside a clause of its own
    ("if it could", "said it was difficult") is a condition or someone's view."""
    verb = token
    if token.dep_ == "amod" and token.head.dep_ in ("attr", "oprd"):
        verb = token.head.head
    elif token.dep_ in ("aux", "auxpass", "advmod", "acomp", "attr", "oprd"):
        verb = token.head
    elif token.dep_ not in ("ROOT", "conj"):
        return False  # "military might" is no forecast
    main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
    return main and not any(child.dep_ == "neg" for child in verb.children)


def _on_perfect_verb(token) -> bool:
    """A modal on a perfect verb ("could have been better", "may have beaten Scotland") looks
    back at what did not or did happen, a concession or a might-have-been, not a forecast."""
    verb = token.head
    return token.tag_ == "MD" and verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _entity(token):
    """The span of the entity that starts at the token (the token alone outside entities)."""
    end = token.i + 1
    while token.ent_iob_ == "B" and end < len(token.doc) and token.doc[end].ent_iob_ == "I":
        end += 1
    return token.doc[token.i:end]


def _has_lemma(sentence, words) -> bool:
    return any(t.lemma_.lower() in words or t.lower_ in words for t in sentence.span)


def _reporting_words(lexicons) -> frozenset[str]:
    return frozenset(w for key in ("speech-verbs", "speech-verbs-with-content", "stance-verbs")
                     for w in lexicons.get(key, []))


def _number(token, not_counting=(), not_numbered=()) -> float:
    """The value of a figure written in digits that counts people or things ("3,000 homes"),
    outside dates, times, names, known sets and measures (`not_counting`: "14 points", "48
    metres") and numbers that label (`not_numbered`: "No 9 prospects"); else 0 (so "Series
    60" and "at 19" are not figures)."""
    if token.ent_type_ in ("DATE", "TIME", "ORDINAL") or not token.like_num:
        return 0
    if token.i > 0 and token.doc[token.i - 1].lower_ in not_numbered:
        return 0
    if not token.whitespace_ and token.i + 1 < len(token.doc) and token.doc[token.i + 1].is_alpha:
        return 0  # a name, not a count: "3G phones", "4x4 vehicles"
    if token.dep_ != "nummod" or token.head.tag_ != "NNS" or token.head.lemma_.lower() in not_counting:
        return 0
    if any(c.dep_ == "poss" or c.lower_ in DEFINITE for c in (*token.head.children, *token.children)):
        return 0  # "the 659 constituencies", "all 10,000 tickets": presupposed, not claimed
    try:
        return float(token.text.replace(",", ""))
    except ValueError:
        return 0


def _has_cue(cues: list[int], sentence) -> bool:
    index = bisect.bisect_left(cues, sentence.start)
    return index < len(cues) and cues[index] < sentence.end


def _trim(prose: str, start: int, end: int) -> int:
    while end > start and prose[end - 1].isspace():
        end -= 1
    return end
