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


def _house_findings(run, folder, entries, text):
    _pack(folder, entries)
    (folder / "d.txt").write_text(text, encoding="utf-8")
    result = run("check", "--format", "json", "--select", "house-words", "d.txt")
    return [(f["column"], f["text"]) for f in json.loads(result.out)["files"][0]["findings"]]


def test_sentence_has_looks_at_the_other_words_of_the_match_sentence(run, isolated):
    entries = "      - phrase: pitch\n        when: {sentence-has: [rain, flooded]}\n"
    text = "The pitch was flooded. Rain fell. The pitch was dry. Sales pitch rain.\n"
    assert _house_findings(run, isolated, entries, text) == [(5, "pitch"), (60, "pitch")]


def test_a_living_subject_is_a_person_an_animal_a_pronoun_or_none(run, isolated):
    entries = ("      - phrase: pass away\n        when: {subject: living}\n")
    text = ("The dog passed away. Empires pass away. Before passing away, he wrote. "
            "A law which will not pass away stands.\n")
    assert _house_findings(run, isolated, entries, text) == [(9, "passed away"), (48, "passing away")]


def test_governor_and_modifies_are_false_for_the_root_of_a_sentence(run, isolated):
    # the root's head is itself: "say" is not governed by "say", and "Lay" qualifies no one
    entries = ("      - phrase: say\n        when: {governor: [say]}\n"
               "      - phrase: lay off\n        when: {modifies: person}\n")
    text = "Officials say it. Lay off. The laid off workers met.\n"
    assert _house_findings(run, isolated, entries, text) == [(32, "laid off")]


def test_new_condition_values_are_checked():
    assert check_when({"subject": "living", "sentence-has": "drug-words"}) == {
        "subject": "living", "sentence-has": "drug-words"}
    assert needs_parse({"sentence-has": ["rain"]}) is True
    with pytest.raises(ValueError, match="condition 'subject' must be person or not-person or living"):
        check_when({"subject": "animal"})


def test_particular_means_named_counted_owned_or_in_a_past_event(run, isolated):
    entries = "      - phrase: pirate\n        when: {particular: true}\n"
    text = ("Pirates seek ports. The pirates who came left. Two pirates sang. "
            "Pirates raided the town. Any pirate flag scares. Pirates will come.\n")
    assert _house_findings(run, isolated, entries, text) == [
        (25, "pirates"), (52, "pirates"), (66, "Pirates")]
    assert check_when({"particular": False}) == {"particular": False}
    assert needs_parse({"particular": True}) is True
