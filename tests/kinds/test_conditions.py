"""`when:` conditions: parsed from YAML with file:line errors, and what each one decides."""
import json

import pytest

from attriblint.kinds.conditions import check_when, needs_parse


def _pack(folder, entries):
    (folder / "rules.yaml").write_text(
        "rules:\n  - id: house-words\n    kind: phrase\n    severity: warning\n"
        "    message: '\"{match}\" is a house-style word'\n    entries:\n" + entries, encoding="utf-8")
    (folder / ".attriblint.yaml").write_text("rules: [rules.yaml]\n", encoding="utf-8")


def test_conditions_select_the_verb_of_saying_not_the_noun(run, isolated):
    _pack(isolated, "      - phrase: claim\n        when: {pos: [VERB]}\n")
    (isolated / "d.txt").write_text("The claims were false. She claimed otherwise.\n", encoding="utf-8")
    result = run("check", "--format", "json", "--select", "house-words", "d.txt")
    assert [(f["column"], f["text"]) for f in json.loads(result.out)["files"][0]["findings"]] == [(28, "claimed")]


def test_unknown_condition_is_a_clear_error_naming_file_and_line(run, isolated):
    _pack(isolated, "      - phrase: claim\n        when: {colour: red}\n")
    (isolated / "d.txt").write_text("She claimed it.\n", encoding="utf-8")
    result = run("check", "d.txt")
    assert result.code == 2
    assert "rules.yaml:8" in result.err and "unknown condition 'colour'" in result.err
    assert "Traceback" not in result.err


def test_check_when_and_needs():
    assert check_when({"subject": "person", "governor": "opinion-verbs"}) == {
        "subject": "person", "governor": "opinion-verbs"}
    with pytest.raises(ValueError, match="condition 'passive' must be true or false"):
        check_when({"passive": "yes"})
    assert needs_parse({"pos": ["VERB"]}) is False
    assert needs_parse({"passive": True}) is True
    assert check_when({"belongs-to": "person", "object-in": "babies"}) == {
        "belongs-to": "person", "object-in": "babies"}
    with pytest.raises(ValueError, match="condition 'belongs-to' must be person"):
        check_when({"belongs-to": "thing"})
    assert needs_parse({"object-in": ["baby"]}) is True


def test_a_bare_on_in_a_lexicon_is_a_clear_error_not_a_silent_true(run, isolated):
    _pack(isolated, "      - phrase: pass\n        when: {not-followed-by: particles}\n")
    with (isolated / "rules.yaml").open("a", encoding="utf-8") as pack:
        pack.write("lexicons:\n  particles: [away, on, by]\n")
    (isolated / "d.txt").write_text("She passed on the note.\n", encoding="utf-8")
    result = run("check", "d.txt")
    assert result.code == 2
    assert "rules.yaml:10" in result.err and "lexicon 'particles' has True, not a word: quote it" in result.err
