"""Shared test helpers: run the CLI in-process and reach the shared real-news corpus."""
from __future__ import annotations

from pathlib import Path

import pytest

from attriblint.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "corpus" / "seed" / "kharkiv-draft.txt"


class Result:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    def __repr__(self):
        return f"Result(code={self.code}, out={self.out[:300]!r}, err={self.err[:300]!r})"


@pytest.fixture
def run(capsys, monkeypatch):
    """run(*args, cwd=None) → Result(code, out, err) of `attriblint ARGS…` in this process."""

    def _run(*args, cwd=None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()
        try:
            main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0
        else:  # pragma: no cover - main always exits
            code = 0
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


@pytest.fixture
def seed():
    if not SEED.exists():
        pytest.skip("../shared/corpus/seed is not here")
    return SEED


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    """A temporary working folder with no config above it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".attriblint.yaml").write_text("{}\n", encoding="utf-8")
    return tmp_path


@pytest.fixture(scope="session")
def analyse():
    """analyse(text, sides=None, path="draft.txt") → Analysis of a draft with the shipped lexicons."""
    from attriblint import document
    from attriblint.analysis import Analysis
    from attriblint.config import Config, default_values
    from attriblint.engine import load_ruleset
    from attriblint.nlp import Pipeline

    lexicons = load_ruleset(Config(values=default_values())).lexicons
    pipeline = Pipeline({"entities"})

    def _analyse(text, sides=None, path="draft.txt"):
        return Analysis(document.from_text(text, path), pipeline, lexicons, {"sides": sides or {}})

    return _analyse
