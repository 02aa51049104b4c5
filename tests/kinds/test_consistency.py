import json
import shutil
from pathlib import Path

import pytest

from attriblint.kinds.consistency import edit_distance, folded

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "names-draft.txt"


def _findings(run, path, *extra):
    result = run("check", "--format", "json", "--select", "name-consistency", *extra, path)
    return result, json.loads(result.out)["files"][0]["findings"]


def test_less_frequent_spelling_is_marked_and_names_the_other(run, isolated):
    shutil.copy(FIXTURE, isolated / "draft.txt")
    result, found = _findings(run, isolated / "draft.txt")
    assert result.code == 1
    assert [(f["line"], f["column"], f["text"], f["other"], f["suggestions"]) for f in found] == [
        (5, 4, "Hrytzenko", {"text": "Hrytsenko", "line": 3}, ["Hrytsenko"]),
        (7, 14, "Velykopilia", {"text": "Velykopillia", "line": 5}, ["Velykopillia"])]
    assert found[0]["message"] == ('"Hrytzenko" is also spelled "Hrytsenko" in this draft (twice, nearest on line 3): '
                                   "check the name and use one spelling")


def test_stems_demonyms_possessives_and_other_people_are_not_variants(run, isolated):
    shutil.copy(FIXTURE, isolated / "draft.txt")
    _, found = _findings(run, isolated / "draft.txt")
    flagged = {f["text"] for f in found} | {f["other"]["text"] for f in found}
    assert flagged == {"Hrytzenko", "Hrytsenko", "Velykopilia", "Velykopillia"}  # no Kharkiv, Russia, Michel


def test_tie_marks_the_later_spelling(run, isolated):
    draft = isolated / "tie.txt"
    draft.write_text("Shelling hit Novoselivka overnight.\n\nAid reached Novoselivko by noon.\n", encoding="utf-8")
    _, found = _findings(run, draft)
    assert [(f["line"], f["text"], f["other"]["line"]) for f in found] == [(3, "Novoselivko", 1)]


def test_house_style_variant_alone_gets_the_preferred_spelling(run, isolated):
    draft = isolated / "house.md"
    draft.write_text("# Talks\n\nPresident Zelenskyy met envoys in Kiev on Friday.\n", encoding="utf-8")
    _, found = _findings(run, draft)
    assert [(f["line"], f["column"], f["text"], f["suggestions"], f["message"]) for f in found] == [
        (3, 11, "Zelenskyy", ["Zelensky"], '"Zelenskyy": house style spells this name "Zelensky"'),
        (3, 35, "Kiev", ["Kyiv"], '"Kiev": house style spells this name "Kyiv"')]


def test_house_style_list_from_config(run, isolated):
    (isolated / ".attriblint.yaml").write_text(
        "rule-settings:\n  name-consistency:\n    house-style:\n"
        "      - {preferred: Gaddafi, variants: [Qadhafi, Kadhafi]}\n", encoding="utf-8")
    draft = isolated / "libya.txt"
    draft.write_text("Col Qadhafi spoke in Tripoli. Zelenskyy did not.\n", encoding="utf-8")
    _, found = _findings(run, draft)
    assert [(f["text"], f["suggestions"]) for f in found] == [("Qadhafi", ["Gaddafi"])]


def test_seed_draft_flags_lukyantsi_and_not_kharkiv(run, seed):
    _, found = _findings(run, seed)
    # one finding per pasted copy, on the rarer spelling, pointing at the nearest other one
    assert [(f["line"], f["column"], f["text"], f["other"]["line"]) for f in found] == [
        (9 + 19 * copy, 102, "Lukyantsi", 6 + 19 * copy) for copy in range(8)]
    assert all("Kharkiv" not in f["text"] and "Kharkiv" not in f["message"] for f in found)


@pytest.mark.parametrize("a, b, distance", [("Zelensky", "Zelenskyy", 1), ("kitten", "sitting", 3), ("", "abc", 3)])
def test_edit_distance(a, b, distance):
    assert edit_distance(a, b) == distance == edit_distance(b, a)


def test_folded_ignores_case_and_accents():
    assert folded("Müller") == folded("MULLER") == "muller"
