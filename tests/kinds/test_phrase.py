import json


def _findings(result):
    return json.loads(result.out)["files"][0]["findings"]


def test_euphemism_matches_on_lemmas_with_exact_positions(run, isolated):
    draft = isolated / "story.txt"
    draft.write_text("Officials said the unit was moving to more advantageous positions today.\n"
                     "Earlier, troops moved to “more advantageous positions” near the river.\n", encoding="utf-8")
    result = run("check", "--format", "json", "--select", "euphemism", draft)
    found = _findings(result)
    assert result.code == 1
    assert [(f["line"], f["column"], f["end_column"], f["severity"], f["quoted"]) for f in found] == [
        (1, 29, 66, "warning", False), (2, 17, 55, "info", True)]
    text = draft.read_text(encoding="utf-8")
    for f in found:
        assert text[f["offset"]:f["end_offset"]] == f["text"]
    assert found[0]["text"] == "moving to more advantageous positions"
    assert found[0]["suggestions"] == ["retreat", "withdraw", "pull back"]
    assert found[0]["meaning"] == "a retreat"
    assert "euphemism for a retreat" in found[0]["message"]


def test_seed_draft_euphemism_on_line_2_and_each_repeat(run, seed):
    result = run("check", "--format", "json", "--select", "euphemism", seed)
    lines = [f["line"] for f in _findings(result) if "advantageous" in f["text"]]
    assert lines == [2, 21, 40, 59, 78, 97, 116, 135]
