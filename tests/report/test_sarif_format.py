import json

import pytest

from attriblint.report.sarif_format import utf16_column
from conftest import SHARED

SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
# An emoji (two UTF-16 code units, one code point) stands before the euphemism.
DRAFT = "Rebels 👋 said troops moved to more advantageous positions.\n"


@pytest.fixture
def sarif(run, isolated):
    (isolated / "emoji.txt").write_text(DRAFT, encoding="utf-8")
    (isolated / "latin1.txt").write_bytes("Caf\xe9 owners said prices rose.\n".encode("latin-1"))
    result = run("check", "--format", "sarif", "emoji.txt", "latin1.txt")
    assert result.code == 3
    return json.loads(result.out)


def test_sarif_validates_against_the_2_1_0_schema(sarif):
    if not SCHEMA.exists():
        pytest.skip("../shared/schemas is not here")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    assert [e.message for e in validator.iter_errors(sarif)] == []
    broken = json.loads(json.dumps(sarif))
    broken["runs"][0]["results"][0]["level"] = "info"  # not a SARIF level: the check must notice
    assert not validator.is_valid(broken)


def test_sarif_result_region_counts_utf16_code_units(sarif):
    run = sarif["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"
    [result] = run["results"]
    assert (result["ruleId"], result["level"]) == ("euphemism", "warning")
    assert result["message"]["text"].startswith('"moved to more advantageous positions" is a euphemism')
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "emoji.txt"
    # Code-point columns are 22..58; the emoji adds one UTF-16 unit before both.
    assert location["region"] == {"startLine": 1, "startColumn": 23, "endLine": 1, "endColumn": 59,
                                  "snippet": {"text": "moved to more advantageous positions"}}
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "euphemism"


def test_sarif_describes_rules_and_reports_unreadable_drafts(sarif):
    driver = sarif["runs"][0]["tool"]["driver"]
    euphemism = next(r for r in driver["rules"] if r["id"] == "euphemism")
    assert euphemism["shortDescription"]["text"].startswith("Terms that hide what happened")
    assert euphemism["fullDescription"]["text"].startswith("Flags euphemisms:")
    assert euphemism["helpUri"] == "https://en.wikipedia.org/wiki/Wikipedia:Manual_of_Style/Words_to_watch#Euphemisms"
    assert euphemism["defaultConfiguration"] == {"level": "warning", "enabled": True}
    [invocation] = sarif["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"].startswith("not valid UTF-8 (byte 0xe9 at offset 3)")
    assert note["locations"][0]["physicalLocation"] == {"artifactLocation": {"uri": "latin1.txt"},
                                                        "region": {"startLine": 1}}


def test_quoted_finding_at_info_is_a_sarif_note(run, isolated):
    (isolated / "q.txt").write_text('He said troops moved to "more advantageous positions".\n', encoding="utf-8")
    result = run("check", "--format", "sarif", "q.txt")
    [finding] = json.loads(result.out)["runs"][0]["results"]
    assert finding["level"] == "note" and finding["properties"]["quoted"] is True


def test_utf16_column_counts_astral_characters_twice():
    assert utf16_column("ab", 3) == 3
    assert utf16_column("a👋b", 3) == 4
    assert utf16_column("e\u0301x", 3) == 3  # a combining accent is one unit, like any BMP character
