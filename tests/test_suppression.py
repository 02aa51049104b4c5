import json
import shutil

from conftest import FIXTURES


def _lines(run, folder, name, copy_as=None):
    shutil.copy(FIXTURES / name, folder / (copy_as or name))
    result = run("check", "--format", "json", folder / (copy_as or name))
    return [(f["line"], f["text"]) for f in json.loads(result.out)["files"][0]["findings"]]


def test_markdown_disable_enable_and_ignore_next_line(run, isolated):
    # line 2 is inside disable=euphemism; line 8 follows `ignore euphemism` but line 9 does not;
    # `ignore loaded-language` leaves line 12; line 15 is inside a disable-all and line 17
    # comes after `enable=euphemism`, which turns euphemism back on.
    assert _lines(run, isolated, "suppressed.md") == [
        (5, "moved to more advantageous positions"), (9, "moved to more advantageous positions"),
        (12, "moved to more advantageous positions"), (17, "collateral damage")]


def test_html_comments_suppress_the_same_way(run, isolated):
    assert _lines(run, isolated, "suppressed.html") == [
        (4, "moved to more advantageous positions"), (7, "collateral damage")]


def test_plain_text_drafts_ignore_comment_directives(run, isolated):
    assert [line for line, _ in _lines(run, isolated, "suppressed.md", copy_as="same.txt")] == [2, 5, 8, 9, 12, 15, 17]


def test_enable_by_name_keeps_the_other_disabled_rules_off(run, isolated):
    (isolated / "house.yaml").write_text(
        "rules:\n  - id: spin\n    kind: phrase\n    severity: warning\n    message: 'spin: {match}'\n"
        "    entries:\n      - pattern: right-sizing\n", encoding="utf-8")
    (isolated / ".attriblint.yaml").write_text("rules: [house.yaml]\n", encoding="utf-8")
    (isolated / "two.md").write_text(
        "<!-- attriblint: disable=euphemism,spin -->\nRight-sizing and the collateral damage of the raid.\n"
        "<!-- attriblint: enable=euphemism -->\nBombing brought more right-sizing and collateral damage.\n"
        "<!-- attriblint: enable -->\nRight-sizing.\n", encoding="utf-8")
    result = run("check", "--format", "json", "two.md")
    found = [(f["rule"], f["line"]) for f in json.loads(result.out)["files"][0]["findings"]]
    assert found == [("euphemism", 4), ("spin", 6)]


def test_a_misspelt_rule_id_in_a_directive_is_that_drafts_error(run, isolated):
    (isolated / "typo.md").write_text("Intro line.\n\n<!-- attriblint: disable=Euphemism, euphemsim -->\n"
                                      "Troops moved to more advantageous positions.\n", encoding="utf-8")
    (isolated / "upper.md").write_text("<!-- attriblint: disable=EUPHEMISM -->\n"
                                       "Troops moved to more advantageous positions.\n", encoding="utf-8")
    result = run("check", "--format", "json", isolated / "typo.md", isolated / "upper.md")
    assert result.code == 3
    typo, upper = json.loads(result.out)["files"]
    assert typo["error"].startswith(f"{isolated / 'typo.md'}:3: unknown rule 'euphemsim' in an attriblint "
                                    "comment (known rules: anonymous-sourcing, ")
    assert (upper["error"], upper["findings"]) == (None, [])  # rule ids are not case-sensitive
