import json
import pickle

import pytest

from attriblint import engine, nlp
from attriblint.config import load_config
from attriblint.engine import Checker, active_rules, load_ruleset
from attriblint.kinds.base import Rule, RuleSpec

DRAFTS = {
    "a.txt": "Troops moved to more advantageous positions, a spokesman said.\nThe mayor opened the bridge.\n",
    "b.md": "# Update\n\nThe mayor opened the bridge.\n\nOfficials called the deaths collateral damage.\n",
    "c.txt": "Residents said the water was safe to drink again.\n",
    "d.txt": "The army spoke of a tactical withdrawal from the hill.\nThe mayor opened the bridge.\n",
}


class RepeatedParagraph(Rule):
    """A cross-draft kind for the test: a paragraph already printed in an earlier draft."""

    kind = "repeated-paragraph-test"

    def check(self, analysis):
        return []

    def summarise(self, analysis):
        doc = analysis.document
        return [(doc.prose[p.start:p.end], p.start, p.end) for p in doc.paragraphs]

    def check_across(self, digests):
        first, found = {}, {}
        for path, paragraphs in digests:
            for text, start, end in paragraphs:
                if text in first:
                    found.setdefault(path, []).append(self.finding(start, end, "also in {other}", other=first[text]))
                else:
                    first[text] = path
        return found


def _write(folder):
    for name, text in DRAFTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / name) for name in DRAFTS]


def test_json_output_does_not_depend_on_jobs(run, isolated):
    paths = [*DRAFTS, "missing.txt"]
    _write(isolated)
    (isolated / "bad.txt").write_bytes(b"caf\xe9\n")
    one = run("check", "--format", "json", "--jobs", "1", *paths, "bad.txt")
    two = run("check", "--format", "json", "--jobs", "2", *paths, "bad.txt")
    assert one.code == two.code == 3
    assert one.out == two.out
    files = json.loads(two.out)["files"]
    assert [f["path"] for f in files] == [*paths, "bad.txt"]
    assert [[(x["line"], x["text"]) for x in f["findings"]] for f in files[:4]] == [
        [(1, "moved to more advantageous positions")], [(5, "collateral damage")], [],
        [(1, "tactical withdrawal")]]
    assert files[4]["error"] == "missing.txt: no such file"


def test_cross_draft_digests_cross_the_process_pool(tmp_path):
    paths = _write(tmp_path)
    spec = RuleSpec("repeated-paragraph", RepeatedParagraph.kind, "warning", "m", "test.yaml")
    config = load_config(None)
    outcome = {}
    for jobs in (1, 2):
        progress = []
        results = Checker(config, load_ruleset(config), [RepeatedParagraph(spec)]).check_paths(
            paths, jobs=jobs, progress=lambda result: progress.append(result.path))
        assert progress == paths
        outcome[jobs] = [[(f.rule, f.line, f.text, f.message) for f in r.findings] for r in results]
        assert pickle.loads(pickle.dumps(results))[1].document.text == DRAFTS["b.md"]
    assert outcome[1] == outcome[2] == [
        [], [("repeated-paragraph", 3, "The mayor opened the bridge.", f"also in {paths[0]}")], [],
        [("repeated-paragraph", 2, "The mayor opened the bridge.", f"also in {paths[0]}")]]


def test_pool_workers_fill_the_cache_and_a_warm_run_needs_no_pool_or_model(tmp_path, monkeypatch):
    paths = _write(tmp_path)
    config = load_config(None)
    ruleset = load_ruleset(config)
    rules = active_rules(ruleset, ["euphemism"], [])
    cold = Checker(config, ruleset, rules, str(tmp_path / "cache")).check_paths(paths, jobs=2)
    monkeypatch.setattr(nlp, "_load", lambda *args: pytest.fail("the model was loaded"))
    monkeypatch.setattr(engine, "ProcessPoolExecutor", lambda *args, **kw: pytest.fail("a pool was started"))
    warm = Checker(config, ruleset, rules, str(tmp_path / "cache"))
    again = warm.check_paths(paths, jobs=2)
    assert warm.pipeline.parsed == 0  # the workers filled the cache for the next run
    assert [[f.to_json() for f in r.findings] for r in cold] == [[f.to_json() for f in r.findings] for r in again]
    assert [len(r.findings) for r in again] == [1, 1, 0, 1]


def test_the_parent_checks_the_first_draft_before_the_workers_fork(tmp_path):
    """Whatever that draft builds (model, lemmas, textstat, rule tables) the workers inherit;
    the parent parses its two paragraphs and no other draft's."""
    paths = _write(tmp_path)
    config = load_config(None)
    ruleset = load_ruleset(config)
    rules = active_rules(ruleset, ["euphemism"], [])
    pooled = Checker(config, ruleset, rules)
    results = pooled.check_paths(paths, jobs=2)
    assert pooled.pipeline.parsed == 2  # "a.txt": two paragraphs; b, c and d went to the workers
    assert [r.path for r in results] == paths
    alone = Checker(config, ruleset, rules).check_paths(paths, jobs=1)
    assert [[f.to_json() for f in r.findings] for r in results] == [[f.to_json() for f in r.findings] for r in alone]


def test_a_cold_pooled_run_reads_ahead_only_to_the_first_uncached_draft(tmp_path, monkeypatch):
    paths = _write(tmp_path)
    config = load_config(None)
    ruleset = load_ruleset(config)
    rules = active_rules(ruleset, ["euphemism"], [])
    Checker(config, ruleset, rules, str(tmp_path / "cache")).check_paths(paths[2:3], jobs=1)  # c.txt kept
    looked_ahead = []
    check_file = Checker.check_file

    def recording(self, path, cached_only=False):
        if cached_only:
            looked_ahead.append(path)
        return check_file(self, path, cached_only)

    monkeypatch.setattr(Checker, "check_file", recording)
    results = Checker(config, ruleset, rules, str(tmp_path / "cache")).check_paths(paths, jobs=2)
    assert looked_ahead == paths[:1]  # a.txt is not cached: the pool takes it and all after it
    assert [len(r.findings) for r in results] == [1, 1, 0, 1]
    looked_ahead.clear()
    warm = Checker(config, ruleset, rules, str(tmp_path / "cache"))
    assert [len(r.findings) for r in warm.check_paths(paths, jobs=2)] == [1, 1, 0, 1]
    assert looked_ahead == paths and warm.pipeline.parsed == 0  # all kept: no pool, no parse


def test_drafts_go_in_batches_of_four_and_a_pool_takes_the_last_few_alone():
    paths = [f"{n}.txt" for n in range(20)]
    assert engine.batches(paths[:11]) == [paths[0:4], paths[4:8], paths[8:11]]  # one process: no tail
    assert engine.batches(paths, 2) == [paths[0:4], paths[4:8], paths[8:12]] + [[p] for p in paths[12:]]
    assert engine.batches(paths[:11], 2) == [[p] for p in paths[:11]]  # too few to batch before the tail


def test_a_batch_parses_its_drafts_together_with_the_same_results(tmp_path):
    paths = _write(tmp_path)
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 owner said so\n")
    paths.insert(2, str(tmp_path / "bad.txt"))
    config = load_config(None)
    ruleset = load_ruleset(config)
    rules = active_rules(ruleset, ["euphemism"], [])
    batched = Checker(config, ruleset, rules)
    parses = []
    parse = batched.pipeline.parse
    batched.pipeline.parse = lambda texts: parses.append(len(texts)) or parse(texts)
    together = batched.check_batch(paths[:4])
    assert parses[0] == 6 and sum(parses[1:]) == 6  # a (2), b (3), c (1) in one batch; then memo hits
    assert batched.pipeline.parsed == 5  # "The mayor opened the bridge." is in a and b: parsed once
    alone = [Checker(config, ruleset, rules).check_one(path) for path in paths[:4]]
    assert [(r.error, [f.to_json() for f in r.findings]) for r in together] == \
           [(r.error, [f.to_json() for f in r.findings]) for r in alone]
    assert "not valid UTF-8" in together[2].error


def test_a_batch_parses_nothing_for_drafts_whose_rules_read_only_text(tmp_path, monkeypatch):
    (tmp_path / "briefs").mkdir()
    paths = _write(tmp_path / "briefs")
    (tmp_path / ".attriblint.yaml").write_text('per-file:\n  "briefs/*": {select: [duplicate-text]}\n',
                                              encoding="utf-8")
    config = load_config(str(tmp_path / ".attriblint.yaml"))
    ruleset = load_ruleset(config)
    monkeypatch.setattr(nlp, "_load", lambda *args: pytest.fail("the model was loaded"))
    checker = Checker(config, ruleset, active_rules(ruleset, ["duplicate-text", "euphemism"], []))
    results = checker.check_batch(paths)
    assert checker.pipeline.parsed == 0 and all(r.error is None for r in results)
