"""Sources: the people and bodies a draft attributes to, with their mentions merged.

"Russia's Foreign Ministry spokeswoman Maria Zakharova", a later "Zakharova" and a "she said"
after them are one source. Each source is named (a proper name), anonymous (a spokesman,
officials, sources, with no name) or described (the ministry, a report).
"""
from __future__ import annotations

from attriblint.analysis.model import Attribution, Source

FIRST_PERSON = {"i", "me", "we", "us"}
DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "another", "some", "one", "two",
               "several", "many", "other", "senior", "top"}


class _Mention:
    """One source span as the parse sees it: its head, proper name and what it refers to."""

    def __init__(self, analysis, span, lexicons):
        self.span = span
        self.root = span.root
        self.lemma = self.root.lemma_.lower()
        words = _name_words(self.root)
        self.name = " ".join(t.text for t in words)
        self.pronoun = self.root.pos_ == "PRON"
        self.first_person = self.pronoun and self.root.lower_ in FIRST_PERSON
        self.type = _type(self.root, words, lexicons)
        self.anonymous = not self.name and self.lemma in lexicons.get("anonymous-nouns", ())  # also "some"
        words = [t.lemma_.lower() for t in span if not t.is_punct and t.lower_ not in DETERMINERS]
        self.key = " ".join(words)


def resolve_sources(analysis, attributions: list[Attribution]) -> list[Source]:
    """Sources in order of first mention; sets each attribution's source_id, named, anonymous."""
    lexicons = analysis.lexicons
    sources: list[Source] = []
    kinds: list[str] = []  # person, group or body, per source
    keys: list[set[str]] = []  # the lemma keys of each source's mentions ("western power")
    in_quotes = []  # "“I hope the bridge holds,” Diaz said": "I" is Diaz
    for attribution in sorted((a for a in attributions if a.source), key=lambda a: a.source[0]):
        span = analysis.span_at(*attribution.source)
        if span is None:
            continue
        mention = _Mention(analysis, span, lexicons)
        speaker = _quote_speaker(analysis, attribution, attributions) if mention.first_person else None
        if speaker is not None:
            in_quotes.append((attribution, speaker))
            continue
        index = _earlier(mention, sources, kinds, keys, lexicons)
        if index is None:
            index = len(sources)
            label = mention.name or _described(span)
            sources.append(Source(index, label, bool(mention.name), mention.anonymous))
            kinds.append(mention.type)
            keys.append(set())
        keys[index].add(mention.key)
        source = sources[index]
        source.mentions.append(attribution.source)
        if mention.name and not source.named:
            source.name, source.named, source.anonymous = mention.name, True, False
        attribution.source_id = index
    for attribution, speaker in in_quotes:
        if speaker.source_id is not None:
            attribution.source_id = speaker.source_id
            sources[speaker.source_id].mentions.append(attribution.source)
    for attribution in attributions:
        if attribution.source_id is not None:
            attribution.named = sources[attribution.source_id].named
            attribution.anonymous = sources[attribution.source_id].anonymous
    return sources


def _quote_speaker(analysis, attribution: Attribution, attributions: list[Attribution]) -> Attribution | None:
    """The attribution that speaks the quotation `attribution`'s cue sits in, if any."""
    quote = analysis.document.quote_at(*attribution.cue) if attribution.cue else None
    if quote is None:
        return None
    return next((a for a in attributions if a is not attribution and a.content and a.cue and a.source
                 and a.content[0] <= quote.start < a.content[1]
                 and analysis.document.quote_at(*a.cue) is None), None)


def _earlier(mention: _Mention, sources: list[Source], kinds: list[str], keys: list[set[str]],
             lexicons) -> int | None:
    """The earlier source this mention refers to: a pronoun's nearest compatible source, a
    surname or a repeated description of one already seen."""
    if mention.pronoun:
        wanted = _pronoun_type(mention.root.lower_, lexicons)
        if wanted is None:
            return None
        last_seen = sorted(range(len(sources)), key=lambda i: sources[i].mentions[-1][0], reverse=True)
        return next((i for i in last_seen if kinds[i] == wanted), None)
    for index, source in enumerate(sources):
        if mention.name and source.named and _same_name(mention.name, source.name):
            return index
    if mention.name or not mention.key:
        return None
    latest_first = sorted(range(len(sources)), key=lambda i: sources[i].mentions[-1][0], reverse=True)
    return next((i for i in latest_first if _same_description(mention, sources[i], kinds[i], keys[i])), None)


def _same_name(a: str, b: str) -> bool:
    a_words, b_words = a.lower().split(), b.lower().split()
    return a_words[-1] == b_words[-1] and (len(a_words) == 1 or len(b_words) == 1 or a_words == b_words)


def _same_description(mention: _Mention, source: Source, kind: str, keys: set[str]) -> bool:
    """"the Western powers" again; "the spokesman" after "a military spokesman"; "the ministry"
    after "the Foreign Ministry": a bare "the campaign" is the last campaign named, but "the
    Ruiz campaign" is not "the Soto campaign"."""
    if source.named:
        return False
    if mention.key in keys:
        return True
    words = source.name.lower().split()
    bare = mention.span[0].lower_ in ("the", "that", "this") and mention.key == mention.lemma
    return bare and bool(words) and words[-1].rstrip("s") == mention.lemma.rstrip("s") and kind == mention.type


def _name_words(root) -> list:
    """The proper name a source span is headed by or set beside: "Maria Zakharova"."""
    if root.pos_ != "PROPN":
        appos = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if not appos:
            return []
        root = appos[0]
    words = [root]
    for token in reversed(list(root.lefts)):
        if token.i == words[0].i - 1 and token.pos_ == "PROPN" and token.dep_ == "compound":
            words.insert(0, token)
    return words


def _type(root, words: list, lexicons) -> str:
    if root.pos_ == "PRON":
        return _pronoun_type(root.lower_, lexicons) or "body"
    if words:
        ent = words[-1].ent_type_
        if ent == "PERSON" or (not ent and len(words) >= 2):
            return "person"
        return "group" if words[-1].tag_ == "NNPS" else "body"
    if root.tag_ in ("NNS", "NNPS"):
        return "group"
    return "person" if root.lemma_.lower() in lexicons.get("anonymous-nouns", ()) else "body"


def _pronoun_type(word: str, lexicons) -> str | None:
    for kind, key in (("person", "person-pronouns"), ("group", "group-pronouns"), ("body", "body-pronouns")):
        if word in lexicons.get(key, ()):
            return kind
    return None


def _described(span) -> str:
    """A description as a label: "a military spokesman" → "military spokesman"."""
    words = [t.text for t in span]
    while words and words[0].lower() in ("a", "an", "the"):
        words.pop(0)
    return " ".join(words) if words else span.text
