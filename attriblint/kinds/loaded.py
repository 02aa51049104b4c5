"""Kind `loaded`: phrase entries (judging verbs, adverbs, labels, puffery) plus scare quotes:
a short quoted word or phrase that no one in the sentence, or the one before, is reported
as saying ("the country's “liberation”"). A quote that repeats a word already quoted in the
draft is not a scare quote."""
from __future__ import annotations

import re

from attriblint.kinds.conditions import ATTRIBUTING_LEXICON
from attriblint.kinds.phrase import PhraseRule
from attriblint.yamlfile import Field

_NOT_A_WORD_RUN = re.compile(r"[.!?,;:]|\s{2,}")


class LoadedRule(PhraseRule):
    kind = "loaded"
    options = {
        **PhraseRule.options,
        "scare-quotes": Field(bool, default=False),
        "scare-quote-message": Field(str, default="scare quotes around \"{match}\": say who used the word"),
        "scare-quote-words": Field(int, default=3),
    }

    def __init__(self, spec):
        super().__init__(spec)
        self.scare_quotes = spec.options["scare-quotes"]
        self.scare_message = spec.options["scare-quote-message"]
        self.max_words = spec.options["scare-quote-words"]
        if self.scare_quotes:
            self.needs = frozenset({"parse"})

    def check(self, analysis):
        yield from super().check(analysis)
        if self.scare_quotes:
            yield from self._scare_quotes(analysis)

    def _scare_quotes(self, analysis):
        text = analysis.document.prose
        verbs = {str(w).lower() for w in analysis.lexicons.get(ATTRIBUTING_LEXICON, [])}
        seen: set[str] = set()
        for quote in analysis.document.quotes:
            start, end = quote.inner
            inner = text[start:end].strip()
            key = inner.lower()
            repeated = key in seen
            seen.add(key)
            if not quote.closed or repeated or not _short_phrase(inner, self.max_words):
                continue
            if not _attributed_near(analysis, quote.start, verbs):
                yield self.finding(quote.start, quote.end, self.scare_message, match=inner,
                                   extra={"scare_quote": True})


def _short_phrase(inner: str, max_words: int) -> bool:
    """A few lower-case words: not a sentence, a title or a name."""
    words = inner.split()
    return (0 < len(words) <= max_words and inner[:1].islower() and not _NOT_A_WORD_RUN.search(inner))


def _attributed_near(analysis, offset: int, verbs: set[str]) -> bool:
    """Someone is reported speaking or naming in the quote's sentence or the one before."""
    number = analysis.block_index(offset)
    if number is None:
        return False
    block = analysis.blocks[number]
    sentences = list(block.doc.sents)
    for index, sentence in enumerate(sentences):
        if block.span(sentence)[0] <= offset < block.span(sentence)[1]:
            nearby = sentences[max(0, index - 1):index + 1]
            return any(t.lemma_.lower() in verbs or t.lower_ in verbs for s in nearby for t in s)
    return False
