"""Parsing ahead in a forked child: the same findings as parsing here, and a fallback when it fails."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from attriblint.parse_ahead import ParseAhead

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "examples" / "river-crossing.md"
pytestmark = pytest.mark.skipif(os.name != "posix" or os.uname().sysname != "Linux", reason="forks on Linux only")

# A fresh process (no spaCy imported yet) checking one draft, as `attriblint check --jobs N` does.
CHECK_ONE = """
import json, sys
from attriblint import nlp
from attriblint.config import Config, default_values
from attriblint.engine import Checker, active_rules, load_ruleset
config = Config(values=default_values())
ruleset = load_ruleset(config)
checker = Checker(config, ruleset, active_rules(ruleset, None, []), cache_dir=None)
result = checker.check_paths([sys.argv[1]], jobs=int(sys.argv[2]))[0]
print(json.dumps({"findings": [[f.rule, f.line, f.column, f.message] for f in result.findings],
                  "parsed": checker.pipeline.parsed,
                  "pipes_loaded_here": any(pipes for _, pipes, _ in nlp._LOADED)}))
"""


def _check(jobs: int) -> dict:
    done = subprocess.run([sys.executable, "-c", CHECK_ONE, str(DRAFT), str(jobs)], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_two_jobs_parse_in_a_child_and_find_the_same():
    here, ahead = _check(1), _check(2)
    assert here["pipes_loaded_here"] and not ahead["pipes_loaded_here"]  # only its tokenizer
    assert ahead["parsed"] == here["parsed"] > 0
    assert sorted(f[0] for f in ahead["findings"]) == ["euphemism", "loaded-language", "unattributed-assertion",
                                                 "vague-attribution"]
    assert ahead["findings"] == here["findings"]


class _BrokenPipeline:
    @property
    def pipes_only(self):
        raise RuntimeError("no model in this test")


def test_a_failed_child_hands_back_nothing():
    ahead = ParseAhead(_BrokenPipeline(), ["Any paragraph at all."])
    ahead.hand_over(None)
    assert ahead.collect() == {}


class _BigDoc:
    def to_bytes(self, exclude=()):
        return b"x" * 1_000_000  # far more than a pipe holds: the send blocks until read


class _BigPipeline:
    """Parses whatever it is handed into one enormous stored Doc."""

    def __init__(self):
        from spacy.vocab import Vocab

        self.vocab = Vocab()

    @property
    def pipes_only(self):
        return self

    def pipe(self, docs, batch_size):
        return [_BigDoc() for _ in docs]


def test_a_child_whose_parent_stopped_listening_exits_instead_of_blocking():
    from spacy.tokens import Doc

    pipeline = _BigPipeline()
    ahead = ParseAhead(pipeline, ["A long draft's paragraph."])
    ahead.hand_over([Doc(pipeline.vocab, words=["A", "paragraph"]).to_bytes()])
    ahead._connection.close()  # as when the parent is killed before it collects
    ahead._child.join(timeout=30)
    assert ahead._child.exitcode == 0


def test_a_child_whose_parent_dies_before_handing_over_exits():
    ahead = ParseAhead(_BigPipeline(), ["A long draft's paragraph."])
    ahead._connection.close()
    ahead._child.join(timeout=30)
    assert ahead._child.exitcode == 0
