import json
import shutil
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "readability-draft.txt"


def test_json_statistics_per_draft(run, isolated):
    shutil.copy(FIXTURE, isolated / "draft.txt")
    (isolated / "short.txt").write_text("The mayor resigned. Nobody said why.\n", encoding="utf-8")
    result = run("check", "--format", "json", "--statistics", "--select", "readability",
                 isolated / "draft.txt", isolated / "short.txt")
    files = json.loads(result.out)["files"]
    draft, short = files[0]["statistics"], files[1]["statistics"]
    # A plain-text headline is a sentence too: 3 + 7 + 43 + 44 + (7 + 33) + 46 words.
    assert (draft["words"], draft["sentences"], draft["words_per_sentence"], draft["by_rule"]) == (
        183, 7, 26.1, {"readability": 2})
    assert draft["quoted_words"] == 41
    assert short == {"words": 6, "quoted_words": 0, "sentences": 2, "words_per_sentence": 3.0,
                     "grade": short["grade"], "by_rule": {}}
    assert draft["grade"] > short["grade"]


def test_no_statistics_unless_asked(run, isolated):
    shutil.copy(FIXTURE, isolated / "draft.txt")
    result = run("check", "--format", "json", "--select", "readability", isolated / "draft.txt")
    assert "statistics" not in json.loads(result.out)["files"][0]


def test_pytest_format_prints_a_table(run, isolated):
    shutil.copy(FIXTURE, isolated / "draft.txt")
    result = run("check", "--statistics", "--select", "readability", "draft.txt", cwd=isolated)
    lines = result.out.splitlines()
    start = next(i for i, line in enumerate(lines) if " statistics " in line)
    assert lines[start + 1].split() == ["draft", "words", "sentences", "words/sentence", "grade", "findings"]
    row = lines[start + 2].split()
    assert row[:4] == ["draft.txt", "183", "7", "26.1"] and row[5:] == ["readability", "2"]
