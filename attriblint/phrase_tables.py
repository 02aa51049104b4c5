"""The shipped rule packs' phrases, tokenised and lemmatised ahead of time for the model that
pyproject installs.

A cold run would otherwise tag some 300 pack phrases with the model before its first finding
(about 0.13 s of a 1.5 s check of one draft), and could not leave the model to a background
parse. A phrase missing here (a newsroom's own pack, an edited entry) or another model is
computed at run time as before, so a stale table costs time, never a wrong answer.

    python -m attriblint.phrase_tables   # after changing a phrase in a shipped pack
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

TABLES_DIR = Path(__file__).parent / "data" / "phrase-tables"
# The tables' keys, also their cache keys in nlp.Pipeline (drafts never hold NUL).
LEMMAS_KEY = "\x00lemmas\x00"
WORDS_KEY = "\x00words\x00"
_KINDS = {"lemmas": LEMMAS_KEY, "words": WORDS_KEY}
_LOADED: dict[Path, dict] = {}


def table_path(model_name: str, meta: dict) -> Path:
    return TABLES_DIR / f"{model_name}-{meta.get('version', 'unknown')}.json"


def precomputed_tables(model_name: str, meta: dict) -> dict[str, dict[str, list]]:
    """{LEMMAS_KEY or WORDS_KEY: {phrase: its words}} for this model version and spaCy version
    (whose tokenizer and lemmatizer made it); {} when none ships or it is damaged."""
    path = table_path(model_name, meta)
    if path not in _LOADED:
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            tables = {_KINDS[name]: table for name, table in stored["tables"].items()}
            well_formed = stored["spacy"] == _spacy_version() and all(
                isinstance(table, dict) and all(_SHAPES[kind](words) for words in table.values())
                for kind, table in tables.items())
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            well_formed = False
        _LOADED[path] = tables if well_formed else {}  # else computed at run time instead
    return _LOADED[path]


def _spacy_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("spacy")
    except metadata.PackageNotFoundError:
        return "?"


def _all_strings(items) -> bool:
    return isinstance(items, list) and all(isinstance(item, str) for item in items)


_SHAPES = {  # a phrase's entry: its words, or [form, lemma] of each word
    WORDS_KEY: _all_strings,
    LEMMAS_KEY: lambda words: isinstance(words, list) and all(_all_strings(w) and len(w) == 2 for w in words),
}


def compute_tables(drafts: list[str]) -> tuple[Path, dict]:
    """Every pack phrase that checking `drafts` with all shipped rules looks up, computed afresh."""
    from attriblint.config import Config, default_values
    from attriblint.engine import Checker, active_rules, load_ruleset

    config = Config(values=default_values())
    ruleset = load_ruleset(config)
    checker = Checker(config, ruleset, active_rules(ruleset, ["ALL"], []), cache_dir=None)
    pipeline = checker.pipeline
    pipeline.precomputed = {}
    checker.check_paths(drafts)
    names = {key: name for name, key in _KINDS.items()}
    tables = {names[kind]: dict(sorted(table.items())) for kind, table in pipeline.phrase_tables().items()}
    meta = {"version": pipeline.model_version}
    return table_path(pipeline.model_name, meta), {"model": pipeline.model_name, "version": meta["version"],
                                                   "spacy": _spacy_version(), "tables": tables}


def main(argv: list[str]) -> int:
    """Write the table; with --check, exit 1 if the shipped one differs from a fresh one."""
    check = "--check" in argv
    drafts = [a for a in argv if a != "--check"]
    drafts = drafts or sorted(str(p) for p in (Path(__file__).parent.parent / "examples").glob("*.md"))
    path, stored = compute_tables(drafts)
    text = _one_phrase_a_line(stored)
    if check:
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            return 0
        print(f"{path} is out of date with the shipped rule packs: run python -m attriblint.phrase_tables")
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path} ({sum(map(len, stored['tables'].values()))} phrases)")
    return 0


def _one_phrase_a_line(stored: dict) -> str:
    """The JSON with a line per phrase, so that a pack edit shows as a small diff."""
    dump = json.dumps
    kinds = [f"  {dump(kind)}: {{\n" + ",\n".join(f"    {dump(p, ensure_ascii=False)}: {dump(w, ensure_ascii=False)}"
                                               for p, w in table.items()) + "\n  }"
             for kind, table in stored["tables"].items()]
    return (f'{{"model": {dump(stored["model"])}, "version": {dump(stored["version"])}, '
            f'"spacy": {dump(stored["spacy"])}, "tables": {{\n'
            + ",\n".join(kinds) + "\n}}\n")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
