"""The shipped phrase tables: up to date with the packs, read before the model, never trusted blindly."""
from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from attriblint import phrase_tables
from attriblint.nlp import Pipeline, model_meta, resolve_model
from attriblint.phrase_tables import LEMMAS_KEY, WORDS_KEY, precomputed_tables, table_path

ROOT = Path(__file__).resolve().parent.parent


def test_shipped_table_is_what_the_packs_and_model_give_today():
    model = resolve_model()
    if not table_path(model, model_meta(model)).is_file():
        pytest.skip(f"no table ships for {model}: phrases are computed at run time")
    done = subprocess.run([sys.executable, "-m", "attriblint.phrase_tables", "--check"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_precomputed_phrases_are_read_and_only_the_others_tagged():
    pipeline = Pipeline({"lemmas"})
    pipeline.precomputed = {LEMMAS_KEY: {"stood down": [["stood", "MARK"], ["down", "down"]]}}
    table = pipeline.lemmatise(["stood down", "were laid off"])
    assert table[0] == [["stood", "MARK"], ["down", "down"]]  # from the table, not the tagger
    assert table[1] == [["were", "be"], ["laid", "lay"], ["off", "off"]]
    assert pipeline.phrase_tables()[LEMMAS_KEY] == {"stood down": table[0], "were laid off": table[1]}


def test_side_terms_are_split_from_the_table_too():
    pipeline = Pipeline({"lemmas"})
    pipeline.precomputed = {WORDS_KEY: {"Port Azul": ["Port-Azul"]}}
    assert pipeline.tokenise(["Port Azul", "Nueva Esperanza"]) == [["Port-Azul"], ["Nueva", "Esperanza"]]


SPACY = metadata.version("spacy")


@pytest.mark.parametrize("content", [
    "{not json", '["a list"]', "",
    f'{{"spacy": "{SPACY}", "tables": {{"colours": {{}}}}}}',
    f'{{"spacy": "{SPACY}", "tables": {{"lemmas": null}}}}',
    f'{{"spacy": "{SPACY}", "tables": {{"words": {{"Port Azul": "Port Azul"}}}}}}',
    f'{{"spacy": "{SPACY}", "tables": {{"lemmas": {{"let go": [["let", "let", "go"]]}}}}}}',
    '{"spacy": "2.0.0", "tables": {"words": {"Port Azul": ["Port", "Azul"]}}}',  # made by another spaCy
])
def test_a_damaged_or_foreign_table_is_ignored(tmp_path, monkeypatch, content):
    monkeypatch.setattr(phrase_tables, "TABLES_DIR", tmp_path)
    (tmp_path / "some_model-1.0.json").write_text(content, encoding="utf-8")
    assert precomputed_tables("some_model", {"version": "1.0"}) == {}


def test_a_well_formed_table_of_this_spacy_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(phrase_tables, "TABLES_DIR", tmp_path)
    (tmp_path / "some_model-1.0.json").write_text(
        f'{{"spacy": "{SPACY}", "tables": {{"words": {{"Port Azul": ["Port", "Azul"]}}, '
        '"lemmas": {"let go": [["let", "let"], ["go", "go"]]}}}', encoding="utf-8")
    assert precomputed_tables("some_model", {"version": "1.0"}) == {
        WORDS_KEY: {"Port Azul": ["Port", "Azul"]}, LEMMAS_KEY: {"let go": [["let", "let"], ["go", "go"]]}}
    assert precomputed_tables("some_model", {"version": "2.0"}) == {}  # no table for that version
