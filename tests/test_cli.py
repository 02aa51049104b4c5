import json

CLEAN = "The council met on Tuesday and approved the budget, the mayor said.\n"
DIRTY = "Troops moved to more advantageous positions, the army said.\n"


def test_exit_codes_clean_findings_and_unreadable(run, isolated):
    (isolated / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (isolated / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    (isolated / "latin1.txt").write_bytes("Caf\xe9 owners said prices rose.\n".encode("latin-1"))
    assert run("check", "clean.txt").code == 0
    assert run("check", "dirty.txt").code == 1
    assert run("dirty.txt", "--fail-on", "error").code == 0  # shorthand without `check`
    result = run("check", "--format", "json", "latin1.txt", "dirty.txt")
    assert result.code == 3
    files = json.loads(result.out)["files"]
    assert files[0]["error"] == "latin1.txt:1: not valid UTF-8 (byte 0xe9 at offset 3); save the draft as UTF-8 or set `encoding:` in .attriblint.yaml"
    assert files[1]["error"] is None and len(files[1]["findings"]) == 1
    assert "Traceback" not in result.err


def test_no_drafts_is_exit_5_and_bad_option_exit_2(run, isolated):
    (isolated / "empty").mkdir()
    assert run("check", "empty").code == 5
    assert run("check", "--format", "xml", "empty").code == 2


def test_bad_rule_pack_names_file_and_line(run, isolated):
    (isolated / "packs").mkdir()
    (isolated / "packs" / "house.yaml").write_text(
        "rules:\n  - id: house\n    kind: phrase\n    severity: loud\n    message: x\n    entries: []\n",
        encoding="utf-8")
    (isolated / ".attriblint.yaml").write_text("rules: [packs]\n", encoding="utf-8")
    (isolated / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = run("check", "a.txt")
    assert result.code == 2
    assert result.err.strip() == ("attriblint: error: " + str(isolated / "packs" / "house.yaml") +
                                  ":4: 'severity' must be one of info, warning, error, not 'loud'")
