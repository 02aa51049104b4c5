import json
import subprocess
import sys

from attriblint.config import load_config
from attriblint.engine import Checker, load_ruleset
from attriblint.kinds.base import Rule, RuleSpec
from tests.conftest import ROOT

STORY = "Troops moved to more advantageous positions, a spokesman said.\nThe mayor opened the bridge.\n"
CHECK_WITHOUT_SPACY = """import sys
from attriblint.cli import main
try:
    main(['check', '--format', 'json', 'story.txt'])
except SystemExit as exit:
    print('spacy' in sys.modules, file=sys.stderr)
    sys.exit(exit.code)
"""


def _check(folder):
    done = subprocess.run([sys.executable, "-c", CHECK_WITHOUT_SPACY], cwd=folder, capture_output=True,
                          text=True, env={"PYTHONPATH": str(ROOT), "PATH": ""}, timeout=120)
    return done.returncode, json.loads(done.stdout)["files"][0]["findings"], done.stderr.strip()


def test_unchanged_draft_is_rechecked_without_spacy_and_edits_are_seen(tmp_path):
    (tmp_path / ".attriblint.yaml").write_text("{}\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    cold, warm = _check(tmp_path), _check(tmp_path)
    assert cold[2] == "True" and warm[2] == "False"  # the second run never imported spaCy
    assert cold[:2] == warm[:2]
    assert [(f["line"], f["severity"], f["text"]) for f in warm[1]] == [
        (1, "warning", "moved to more advantageous positions")]
    (tmp_path / ".attriblint.yaml").write_text("rule-settings: {euphemism: {severity: error}}\n", encoding="utf-8")
    code, findings, imported = _check(tmp_path)
    assert (code, [f["severity"] for f in findings], imported) == (1, ["error"], "True")


class FirstLemmas(Rule):
    """A parsing cross-draft kind for the test: drafts whose paragraphs open on the same lemma."""

    kind = "first-lemma-test"
    needs = frozenset({"lemmas"})

    def check(self, analysis):
        return [self.finding(b.start, b.start + len(b.doc[0]), "opens on {lemma}", lemma=b.doc[0].lemma_)
                for b in analysis.blocks if b.doc[0].lemma_ == "move"]

    def summarise(self, analysis):
        return self.digest(analysis)

    def digest(self, analysis):
        return [block.doc[0].lemma_ for block in analysis.blocks]

    def check_across(self, digests):
        counts = {}
        for _, lemmas in digests:
            for lemma in lemmas:
                counts[lemma] = counts.get(lemma, 0) + 1
        return {path: [self.finding(0, 1, "{n} drafts open on {lemma}", n=counts[lemmas[0]], lemma=lemmas[0])]
                for path, lemmas in digests if counts[lemmas[0]] > 1}


class FirstLemmaPairs(FirstLemmas):
    def digest(self, analysis):  # tuples do not survive JSON: such drafts are not kept
        return [(block.doc[0].lemma_,) for block in analysis.blocks]


def _run(kind, folder, cache):
    config = load_config(None)
    checker = Checker(config, load_ruleset(config), [kind(RuleSpec("first-lemma", kind.kind, "info", "m", "t.yaml"))],
                      str(cache))
    results = checker.check_paths([str(folder / "a.txt"), str(folder / "b.txt")])
    return checker, [[(f.line, f.column, f.message) for f in r.findings] for r in results]


def test_json_digests_come_back_from_the_cache_and_tuples_are_not_kept(tmp_path):
    (tmp_path / "a.txt").write_text("Moved out, the troops regrouped.\nThe mayor moved back.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Moved again, they said.\n", encoding="utf-8")
    expected = [[(1, 1, "2 drafts open on move"), (1, 1, "opens on move")],
                [(1, 1, "2 drafts open on move"), (1, 1, "opens on move")]]
    for kind in (FirstLemmas, FirstLemmaPairs):
        cold_checker, cold = _run(kind, tmp_path, tmp_path / kind.__name__)
        warm_checker, warm = _run(kind, tmp_path, tmp_path / kind.__name__)
        assert cold == warm == expected
        assert cold_checker.results.store.written == (2 if kind is FirstLemmas else 0)
        assert warm_checker.pipeline.parsed == 0
        assert (warm_checker.pipeline._memo == {}) == (kind is FirstLemmas)  # a kept result needs no parse
