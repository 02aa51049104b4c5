"""Bad input: each case gets one clear line and the documented exit code, never a
traceback, and the other drafts of the run are still checked."""
import json
import subprocess
import sys

import pytest

from attriblint.config import CONFIG_KEYS, load_config
from attriblint.kinds import KINDS
from attriblint.kinds.phrase import PhraseRule

DIRTY = "Troops moved to more advantageous positions, the army said.\n"
EUPHEMISM_TEXT = "moved to more advantageous positions"


def _json(result):
    return {f["path"]: f for f in json.loads(result.out)["files"]}


def test_unreadable_drafts_are_reported_and_the_rest_still_checked(run, isolated):
    (isolated / "empty.txt").write_bytes(b"")
    (isolated / "binary.txt").write_bytes(b"GIF89a\x00\x01\x02")
    (isolated / "latin1.txt").write_bytes("Caf\xe9 owners said prices rose.\n".encode("latin-1"))
    (isolated / "big.txt").write_bytes(b"The minister said the plan would work.\n" * 260_000)  # 10.1 MB
    (isolated / "front.md").write_text("---\ntitle: [unclosed\n---\nBody text.\n", encoding="utf-8")
    (isolated / "list.md").write_text("---\n- a list\n---\nBody text.\n", encoding="utf-8")
    (isolated / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    names = ["empty.txt", "binary.txt", "latin1.txt", "big.txt", "front.md", "list.md", "missing.txt", "dirty.txt"]
    result = run("check", "--format", "json", *names)
    assert result.code == 3
    files = _json(result)
    assert {name: files[name]["error"] for name in names} == {
        "empty.txt": None,
        "binary.txt": "binary.txt: binary file (it holds NUL bytes), not a text draft",
        "latin1.txt": "latin1.txt:1: not valid UTF-8 (byte 0xe9 at offset 3); save the draft as UTF-8 "
                      "or set `encoding:` in .attriblint.yaml",
        "big.txt": "big.txt: 10.1 MB is over the 2.0 MB limit for one draft "
                   "(raise `max-bytes` in .attriblint.yaml to check it anyway)",
        "front.md": "front.md:3: front matter is not valid YAML: expected ',' or ']', but got '<stream end>'",
        "list.md": "list.md:2: front matter must be a YAML mapping of keys to values",
        "missing.txt": "missing.txt: no such file",
        "dirty.txt": None,
    }
    assert [f["text"] for f in files["dirty.txt"]["findings"]] == [EUPHEMISM_TEXT]
    assert files["empty.txt"]["findings"] == []
    # stderr: one line per unreadable draft, nothing else
    assert len(result.err.splitlines()) == 6 and "Traceback" not in result.err


def test_encoding_setting_reads_latin1(run, isolated):
    (isolated / ".attriblint.yaml").write_text("encoding: latin-1\n", encoding="utf-8")
    (isolated / "latin1.txt").write_bytes("Caf\xe9 staff moved to more advantageous positions.\n".encode("latin-1"))
    [finding] = _json(run("check", "--format", "json", "latin1.txt"))["latin1.txt"]["findings"]
    assert (finding["line"], finding["column"], finding["text"]) == (1, 12, EUPHEMISM_TEXT)


@pytest.mark.parametrize("name, text, line, column", [
    ("no-newline.txt", "First line.\nTroops moved to more advantageous positions", 2, 8),
    ("crlf.txt", "First line.\r\nSecond line.\r\nTroops moved to more advantageous positions.\r\n", 3, 8),
    ("tabs.txt", "\t\tTroops\tmoved to more advantageous positions.\n", 1, 10),
    ("emoji.txt", "🇺🇦 👍🏽 Troops moved to more advantageous positions.\n", 1, 14),
    ("combining.txt", "Cafe\u0301 ne\u0301e: troops moved to more advantageous positions.\n", 1, 20),
    ("unbalanced.md", "He said “this never closes.\n\nTroops moved to more advantageous positions.\n", 3, 8),
])
def test_awkward_text_gets_exact_code_point_positions(run, isolated, name, text, line, column):
    (isolated / name).write_bytes(text.encode("utf-8"))
    result = run("check", "--format", "json", name)
    [finding] = _json(result)[name]["findings"]
    assert (finding["line"], finding["column"]) == (line, column)
    assert finding["end_column"] == column + len(EUPHEMISM_TEXT)
    assert text[finding["offset"]:finding["end_offset"]] == finding["text"] == EUPHEMISM_TEXT
    assert finding["quoted"] is False  # an unclosed quote ends with its paragraph


PACK_HEAD = "rules:\n  - id: house\n    kind: phrase\n    severity: warning\n    message: m\n"


@pytest.mark.parametrize("pack, message", [
    ("rules:\n  - id: house\n    kind: phrase\n   severity: warning\n",
     "house.yaml:4: YAML syntax error: expected <block end>, but found '<block mapping start>'"),
    (PACK_HEAD + "    entries:\n      - pattern: 'a(b'\n",
     "house.yaml:7: 'pattern': bad regular expression 'a(b': missing ), unterminated subpattern at position 1"),
    (PACK_HEAD + "    colour: red\n    entries: []\n",
     "house.yaml:6: unknown key 'colour' in rule 'house' (allowed: description, enabled, entries, example, id, "
     "instead, kind, link, message, quoted, quoted-message, severity, summary)"),
    ("rules:\n  - id: house\n    kind: frobnicate\n    severity: warning\n    message: m\n",
     f"house.yaml:3: unknown rule kind 'frobnicate' (known kinds: {', '.join(sorted(KINDS))})"),
    ("rules:\n  - id: house\n    severity: warning\n    message: m\n", "house.yaml:2: rule 'house' needs 'kind'"),
    (PACK_HEAD + "    message: again\n    entries: []\n",
     "house.yaml:6: key 'message' appears twice here (first on line 5)"),
    ("rules:\n  - id: house\n    kind: phrase\n    severity: warning\n    message: '\"{mach}\" is soft'\n"
     "    entries: []\n",
     "house.yaml:5: unknown placeholder {mach} in message (this kind fills: {match}, {meaning}, {suggest})"),
    (PACK_HEAD + "    entries:\n      - phrase: let go\n        message: 'say who {lost} the job'\n",
     "house.yaml:8: unknown placeholder {lost} in message (this kind fills: {match}, {meaning}, {suggest})"),
    ("rules:\n  - id: house\n    kind: unattributed\n    severity: warning\n    message: m\n"
     "    signals:\n      - name: a verdict\n        words: [reckless]\n        max-words: 0\n",
     "house.yaml:9: 'max-words': must be 1 or more"),
    (PACK_HEAD + "    quoted-message: 'quoted {match'\n    entries: []\n",
     "house.yaml:6: unmatched brace in message: write {{ or }} for a brace itself"),
    ("lexicons:\n  speech-verbs: {say: 1}\n",
     "house.yaml:2: lexicon 'speech-verbs' must be a list, as in the packs loaded before"),
    ("lexicons:\n  default-sides:\n    atlantis: Atlantis\n",
     "house.yaml:3: lexicon 'default-sides' maps each key to a list, as in the packs loaded before: "
     "write atlantis: [Atlantis]"),
])
def test_bad_rule_pack_is_exit_2_with_file_and_line(run, isolated, pack, message):
    (isolated / "house.yaml").write_text(pack, encoding="utf-8")
    (isolated / ".attriblint.yaml").write_text("rules: [house.yaml]\n", encoding="utf-8")
    (isolated / "a.txt").write_text(DIRTY, encoding="utf-8")
    result = run("check", "a.txt")
    assert (result.code, result.out) == (2, "")
    assert result.err.splitlines() == [f"attriblint: error: {isolated / message}"]


@pytest.mark.parametrize("config, message", [
    ("fail-on: loud\n", ".attriblint.yaml:1: 'fail-on' must be one of info, warning, error, not 'loud'"),
    ("max-bytes: lots\n", ".attriblint.yaml:1: 'max-bytes' must be a whole number, not 'lots'"),
    ("colour: red\n", f".attriblint.yaml:1: unknown key 'colour' in config (allowed: {', '.join(sorted(CONFIG_KEYS))})"),
    ("rule-settings:\n  single-source:\n    message: 'only {speaker} speaks'\n",
     ".attriblint.yaml:3: unknown placeholder {speaker} in message (this kind fills: {count}, {match}, {source}, "
     "{suggest})"),
    ("rule-settings:\n  euphemism: {severity: loud}\n",
     ".attriblint.yaml:2: 'severity' must be one of info, warning, error, not 'loud'"),
    ("sides:\n  a: b\n", ".attriblint.yaml:1: 'sides': side 'a' must list its terms as strings, e.g. a: [Name, Place]"),
    ("encoding: klingon\n",
     ".attriblint.yaml:1: 'encoding': unknown text encoding 'klingon' (e.g. utf-8, latin-1, cp1252)"),
    ("per-file:\n  '*.md':\n    ignore: [euphemism, euphemsim]\n",
     ".attriblint.yaml:3: unknown rule 'euphemsim' in per-file '*.md' ignore (known rules: "),
])
def test_bad_config_value_is_exit_2_with_file_and_line(run, isolated, config, message):
    (isolated / ".attriblint.yaml").write_text(config, encoding="utf-8")
    (isolated / "a.txt").write_text(DIRTY, encoding="utf-8")
    result = run("check", "a.txt")
    assert result.code == 2
    [line] = result.err.splitlines()
    if message.endswith("(known rules: "):  # the list of every shipped rule follows
        line = line[:line.index("(known rules: ") + len("(known rules: ")]
    assert line == f"attriblint: error: {isolated / message}"


def test_bad_front_matter_settings_are_that_drafts_error(run, isolated):
    """A draft's own `attriblint:` block is checked like the config; a date YAML cannot build
    is a readable error; both are exit 3 and the other drafts are still checked."""
    (isolated / "list-sides.md").write_text("---\ntitle: T\nattriblint:\n  sides: [ukraine, russia]\n---\n"
                                            + DIRTY, encoding="utf-8")
    (isolated / "string-terms.md").write_text("---\nattriblint:\n  sides: {ukraine: Ukraine}\n---\n" + DIRTY,
                                              encoding="utf-8")
    (isolated / "unknown-key.md").write_text("---\nattriblint: {sidez: {a: [A]}}\n---\n" + DIRTY, encoding="utf-8")
    (isolated / "date.md").write_text("---\ndate: 2024-13-45\n---\n" + DIRTY, encoding="utf-8")
    (isolated / "good.md").write_text("---\ndate: 2024-01-05\nattriblint:\n  sides: {a: [Alpha]}\n---\n" + DIRTY,
                                      encoding="utf-8")
    names = ["list-sides.md", "string-terms.md", "unknown-key.md", "date.md", "good.md"]
    result = run("check", "--format", "json", "--select", "euphemism", *names)
    assert result.code == 3
    files = _json(result)
    assert {name: files[name]["error"] for name in names} == {
        "list-sides.md": "list-sides.md:3: 'sides' must be a mapping, not ['ukraine', 'russia']",
        "string-terms.md": "string-terms.md:2: 'sides': side 'ukraine' must list its terms as strings, "
                           "e.g. ukraine: [Name, Place]",
        "unknown-key.md": "unknown-key.md:2: unknown key 'sidez' in front matter 'attriblint:' (allowed: sides)",
        "date.md": "date.md:2: front matter has a value that cannot be read: month must be in 1..12",
        "good.md": None,
    }
    assert [f["line"] for f in files["good.md"]["findings"]] == [6]


def test_impossible_date_in_a_rule_pack_is_read_as_text(run, isolated):
    (isolated / "house.yaml").write_text("# reviewed: 2024-13-45\nlexicons:\n  reviewed-on: [2024-13-45]\n",
                                         encoding="utf-8")
    (isolated / ".attriblint.yaml").write_text("rules: [house.yaml]\n", encoding="utf-8")
    (isolated / "a.txt").write_text(DIRTY, encoding="utf-8")
    result = run("check", "a.txt", "--select", "euphemism", "--format", "concise")
    assert result.code == 1 and result.err == ""


def test_pyproject_section_errors_name_the_line(run, isolated):
    (isolated / "a.txt").write_text(DIRTY, encoding="utf-8")
    (isolated / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.attriblint]\nfail-on = "loud"\n')
    bad_value = run("--config", "pyproject.toml", "check", "a.txt")
    assert (bad_value.code, bad_value.err) == (
        2, "attriblint: error: pyproject.toml:5: 'fail-on' must be one of info, warning, error, not 'loud'\n")
    (isolated / "pyproject.toml").write_text('[tool.attriblint]\nfail-on = "error"\n\n'
                                             '[tool.attriblint.rule-settings.euphemism]\nenabled = true\nseverity = "loud"\n')
    bad_nested = run("--config", "pyproject.toml", "check", "a.txt")
    assert (bad_nested.code, bad_nested.err) == (
        2, "attriblint: error: pyproject.toml:6: 'severity' must be one of info, warning, error, not 'loud'\n")
    (isolated / "pyproject.toml").write_text('[tool.attriblint]\nfail-on = "error\n')
    bad_syntax = run("--config", "pyproject.toml", "check", "a.txt")
    assert bad_syntax.code == 2
    assert bad_syntax.err.startswith("attriblint: error: pyproject.toml:2: TOML syntax error: ")
    (isolated / "pyproject.toml").write_text('[tool.attriblint]\nfail-on = "error"\n')
    assert run("--config", "pyproject.toml", "check", "a.txt").code == 0


def test_config_option_on_the_group(run, isolated):
    (isolated / "lenient.yaml").write_text("fail-on: error\n", encoding="utf-8")
    (isolated / "a.txt").write_text(DIRTY, encoding="utf-8")
    assert run("check", "a.txt").code == 1
    assert run("--config", "lenient.yaml", "check", "a.txt").code == 0
    assert run("--config", "lenient.yaml", "a.txt").code == 0
    missing = run("--config", "nope.yaml", "check", "a.txt")
    assert (missing.code, missing.err) == (2, "attriblint: error: nope.yaml: no such config file\n")


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_id_in_select_or_ignore_is_exit_2(run, isolated, option):
    (isolated / "a.txt").write_text(DIRTY, encoding="utf-8")
    result = run("check", option, "euphemism,no-such-rule", "a.txt")
    assert result.code == 2
    assert result.err.startswith(f"attriblint: error: unknown rule 'no-such-rule' in {option[2:]} (known rules: ")


@pytest.mark.parametrize("args", [["rules"], ["explain", "euphemism"], ["init", "--force"], ["--help"], ["--version"],
                                  ["check", "--help"]])
def test_light_commands_never_import_spacy(isolated, args):
    code = ("import sys\nfrom attriblint.cli import main\n"
            f"try:\n    main({args!r})\nexcept SystemExit as exc:\n    assert exc.code in (0, None), exc.code\n"
            "assert not [m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')], 'spaCy was imported'\n")
    from conftest import ROOT

    result = subprocess.run([sys.executable, "-c", code], cwd=isolated, capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT), "PATH": ""}, timeout=120)
    assert result.returncode == 0, result.stderr


def test_init_writes_a_config_that_loads(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("init")
    assert (result.code, result.out) == (0, "wrote .attriblint.yaml: edit it to add your sides, packs and settings\n")
    config = load_config(tmp_path / ".attriblint.yaml")
    assert config.values["fail-on"] == "warning" and config.values["exclude"] == ["templates/*", "*.draft-notes.md"]
    again = run("init")
    assert (again.code, again.err) == (2, "attriblint: error: .attriblint.yaml: already exists; use --force to overwrite it\n")
    assert run("init", "--force").code == 0


def test_internal_error_is_exit_4_with_one_line_and_the_other_drafts_are_checked(run, isolated, monkeypatch):
    working = PhraseRule.check

    def broken_on_a(self, analysis):
        if analysis.document.path.endswith("a.txt"):
            raise ZeroDivisionError("division by zero")
        return working(self, analysis)

    monkeypatch.setattr(PhraseRule, "check", broken_on_a)
    (isolated / "a.txt").write_text(DIRTY, encoding="utf-8")
    (isolated / "b.txt").write_text(DIRTY, encoding="utf-8")
    result = run("check", "a.txt", "b.txt", "--format", "concise", "--select", "euphemism", "--jobs", "1")
    assert result.code == 4
    assert result.err == ("attriblint: a.txt: internal error: ZeroDivisionError: division by zero "
                          "(set ATTRIBLINT_DEBUG=1 for details and please report it)\n")
    assert [line.split(": ")[0] for line in result.out.splitlines() if "euphemism" in line] == ["b.txt:1:8"]
