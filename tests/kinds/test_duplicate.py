import json
import os
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "duplicates"


def _files(result):
    return json.loads(result.out)["files"]


def _spans(record):
    return [(f["line"], f["column"], f["end_line"], f["end_column"], f["duplicate_of"]["line"],
             f["duplicate_of"]["end_line"]) for f in record["findings"]]


@pytest.fixture
def drafts(isolated):
    """The duplicate fixtures copied into a clean working folder (paths in findings stay short)."""
    shutil.copytree(FIXTURES, isolated, dirs_exist_ok=True)
    return isolated


def check(run, *paths):
    result = run("check", "--format", "json", "--select", "duplicate-text", *paths)
    assert result.code in (0, 1), result
    return _files(result)


def test_seed_draft_gives_one_finding_per_pasted_copy(run, seed):
    [record] = check(run, seed)
    found = record["findings"]
    assert [(f["line"], f["end_line"]) for f in found] == [(20 + 19 * k, 38 + 19 * k) for k in range(7)]
    assert all(f["duplicate_of"] == {"path": str(seed), "line": 1, "end_line": 19} for f in found)
    assert found[0]["message"] == ("these 19 paragraphs repeat lines 1–19: keep one copy and delete or "
                                   "rewrite the other")


def test_rewrapped_markdown_paragraph_with_other_quotes_dashes_and_case_is_an_exact_repeat(run, drafts):
    [record] = check(run, "rewrapped.md")
    assert _spans(record) == [(15, 1, 16, 71, 6, 8)]
    assert record["findings"][0]["text"].startswith("THE COUNTY COUNCIL has postponed")
    assert record["findings"][0]["duplicate_of"]["path"] == "rewrapped.md"
    assert record["findings"][0]["message"].startswith("this paragraph repeats lines 6–8:")


def test_reordered_sentences_with_changed_words_nearly_repeat_but_boilerplate_and_templates_do_not(run, drafts):
    [record] = check(run, "near.txt")
    # line 7 reorders line 2's sentences and changes two words; the repeated "Read more:" line,
    # the repeated sign-off and the two fare lines built on one template are not flagged
    assert _spans(record) == [(7, 1, 7, 189, 2, 2)]
    assert record["findings"][0]["message"].startswith("this paragraph nearly repeats line 2:")


def test_a_repeated_sentence_inside_a_new_paragraph_is_flagged_alone(run, drafts):
    [record] = check(run, "sentence.txt")
    assert _spans(record) == [(4, 1, 4, 117, 2, 2)]
    assert record["findings"][0]["message"].startswith("this sentence repeats line 2:")


def test_a_pasted_block_with_a_short_line_is_one_finding(run, drafts):
    [record] = check(run, "block.txt")
    assert _spans(record) == [(11, 1, 15, 79, 3, 7)]
    assert record["findings"][0]["message"].startswith("these 3 paragraphs repeat lines 3–7:")


def test_a_slipped_twin_is_flagged_even_when_it_comes_first(run, isolated):
    clean = ("The bridge will close to traffic for three weeks from Monday so that engineers can replace "
             "the worn expansion joints on both carriageways.")
    slipped = clean.replace("traffic", "TRAFFIC").replace("engineers", "engineers,")
    (isolated / "bridge.txt").write_text(f"Roadworks start next week.\n{slipped}\nDrivers are advised to "
                                         f"use the ring road.\n{clean}\n", encoding="utf-8")
    [record] = check(run, "bridge.txt")
    assert _spans(record) == [(2, 1, 2, len(slipped) + 1, 4, 4)]


def test_a_paragraph_copied_from_an_earlier_draft_points_to_it_but_versions_do_not(run, drafts):
    monday, tuesday, version = check(run, "across/monday.txt", "across/tuesday.txt", "across/monday-v2.txt")
    assert monday["findings"] == [] and version["findings"] == []
    assert _spans(tuesday) == [(2, 1, 3, 107, 2, 3)]
    assert tuesday["findings"][0]["duplicate_of"]["path"] == os.path.join("across", "monday.txt")
    assert "repeat lines 2–3 of across/monday.txt" in tuesday["findings"][0]["message"]


def test_the_later_draft_in_run_order_is_the_copy(run, drafts):
    tuesday, monday = check(run, "across/tuesday.txt", "across/monday.txt")
    assert tuesday["findings"] == []
    assert _spans(monday) == [(2, 1, 3, 107, 2, 3)]


def _archive_config(folder: Path, cache: str = "cache"):
    (folder / ".attriblint.yaml").write_text(f"duplicates:\n  reference: [wire]\n  cache: {cache}\n",
                                             encoding="utf-8")


def test_paragraphs_lifted_from_the_archive_without_credit(run, drafts):
    _archive_config(drafts)
    [record] = check(run, "lifted.md")
    # line 3 is lifted whole; line 5 names Reuters and line 7 is a quotation, so both are credited
    assert _spans(record) == [(3, 1, 3, 112, 1, 1)]
    finding = record["findings"][0]
    assert finding["duplicate_of"]["path"] == os.path.join("wire", "agency-0412.txt")
    assert "from the reference archive without credit" in finding["message"]
    assert len(list((drafts / "cache").glob("archive-*.sqlite"))) == 1


def test_the_archive_index_is_cached_rebuilt_when_the_archive_changes_or_the_cache_is_corrupt(run, drafts):
    _archive_config(drafts)
    check(run, "lifted.md")
    [index] = (drafts / "cache").glob("archive-*.sqlite")
    built = index.stat().st_mtime_ns
    check(run, "lifted.md")
    assert index.stat().st_mtime_ns == built  # reused, not rebuilt

    (drafts / "wire" / "agency-0413.txt").write_text(
        "Local farmers welcomed the end of the dispute but said the delay had already cost them buyers.\n",
        encoding="utf-8")
    [record] = check(run, "lifted.md")
    assert [f["line"] for f in record["findings"]] == [3, 9]

    index.write_bytes(b"this is not an index")
    [record] = check(run, "lifted.md")
    assert [f["line"] for f in record["findings"]] == [3, 9]


def test_a_missing_reference_archive_is_a_configuration_error(run, isolated):
    (isolated / ".attriblint.yaml").write_text("duplicates:\n  reference: [nowhere]\n", encoding="utf-8")
    (isolated / "draft.txt").write_text("A short draft with enough words to be checked at all.\n", encoding="utf-8")
    result = run("check", "--format", "json", "--select", "duplicate-text", "draft.txt")
    assert result.code == 2
    assert "reference archive" in result.err and "nowhere" in result.err and "does not exist" in result.err


def test_an_unknown_duplicates_key_names_the_config_line(run, isolated):
    (isolated / ".attriblint.yaml").write_text("fail-on: warning\nduplicates:\n  refrence: [wire]\n",
                                               encoding="utf-8")
    result = run("check", "x.txt")
    assert result.code == 2
    assert ".attriblint.yaml:2:" in result.err and "unknown key 'refrence'" in result.err
