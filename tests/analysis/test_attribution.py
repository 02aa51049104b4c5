"""Who said what on a draft written for these tests: kinds, sources, content and merging."""
import json

from tests.conftest import FIXTURES

DRAFT = FIXTURES / "attribution-draft.txt"


def _sources_json(run):
    result = run("sources", "--format", "json", DRAFT)
    assert result.code == 0, result
    return json.loads(result.out)["files"][0]


def test_each_kind_of_attribution_is_found_on_its_line(run, isolated):
    record = _sources_json(run)
    found = [(a["line"], a["kind"], a["source"], a["cue"]) for a in record["attributions"]]
    assert found == [
        (3, "indirect", "a defence ministry spokeswoman", "said"),
        (5, "according-to", "the regional governor, Anna Petrova", "According to"),
        (7, "direct", "Petrova", "told"),
        (9, "indirect", "She", "added"),
        (11, "reply", "The army", "did not respond"),
        (13, "indirect", "Mayor Ivan Sokol", ":"),
        (15, "agentless", None, "is widely seen as"),
    ]


def test_offsets_point_at_the_words_and_a_quote_belongs_to_its_speaker(run, isolated):
    text = DRAFT.read_text(encoding="utf-8")
    by_cue = {a["cue"]: a for a in _sources_json(run)["attributions"]}
    for a in by_cue.values():
        start, end = a["cue_offset"]
        assert text[start:end] == a["cue"]
        if a["source_offset"]:
            assert text[slice(*a["source_offset"])] == a["source"]
    start, end = by_cue["told"]["content_offset"]
    assert text[start:end] == "“We will rebuild every house. Nobody will be left behind,”"
    assert text[slice(*by_cue["said"]["content_offset"])] == "Troops withdrew from the bridge overnight"
    assert by_cue["did not respond"]["content_offset"] is None


def test_sources_merge_names_and_resolve_pronouns(run, isolated):
    record = _sources_json(run)
    assert record["sources"] == [
        {"name": "defence ministry spokeswoman", "type": "anonymous", "side": None, "attributions": 1, "lines": [3]},
        {"name": "Anna Petrova", "type": "named", "side": None, "attributions": 3, "lines": [5, 7, 9]},
        {"name": "army", "type": "described", "side": None, "attributions": 0, "lines": []},
        {"name": "Mayor Ivan Sokol", "type": "named", "side": None, "attributions": 1, "lines": [13]},
    ]
    flags = {a["line"]: (a["named"], a["anonymous"]) for a in record["attributions"] if a["kind"] != "agentless"}
    assert flags == {3: (False, True), 5: (True, False), 7: (True, False), 9: (True, False),
                     11: (False, False), 13: (True, False)}
    assert record["sides"] == {"unassigned": 5}  # sources that speak; the agentless one has none


def test_sources_table_lists_who_is_cited(run, isolated):
    result = run("sources", DRAFT)
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].endswith("attribution-draft.txt: 4 sources, 5 attributions (and 1 with no one behind it)")
    assert lines[1].split() == ["SOURCE", "TYPE", "SIDE", "CITED", "LINES"]
    assert lines[3].split() == ["Anna", "Petrova", "named", "-", "3", "5,", "7,", "9"]
    assert "  reply attempts on lines 11" in lines
    assert lines[-1] == "  sides: unassigned 5"


def test_unreadable_draft_is_reported_and_exit_code_3(run, isolated):
    bad = isolated / "bad.txt"
    bad.write_bytes(b"caf\xe9 owner said so\n")
    result = run("sources", "--format", "json", bad, DRAFT)
    files = json.loads(result.out)["files"]
    assert result.code == 3
    assert files[0]["path"].endswith("bad.txt") and "not valid UTF-8" in files[0]["error"]
    assert len(files[1]["attributions"]) == 7


def test_sources_table_names_an_unreadable_draft_once_on_both_streams(run, isolated):
    bad = isolated / "bad.txt"
    bad.write_bytes(b"caf\xe9 owner said so\n")
    result = run("sources", bad)
    assert result.code == 3
    message = f"{bad}:1: not valid UTF-8 (byte 0xe9 at offset 3); save the draft as UTF-8 or set `encoding:` in .attriblint.yaml"
    assert result.out.splitlines() == [message]
    assert result.err.splitlines() == [f"attriblint: {message}"]


def test_seed_draft_attributes_the_sourced_lines(run, seed):
    record = json.loads(run("sources", "--format", "json", seed).out)["files"][0]
    lines = {a["line"] for a in record["attributions"] if a["kind"] in ("direct", "indirect", "according-to")}
    assert {2, 5, 6, 9, 11, 12, 14, 17, 18} <= lines
    assert not {1, 3, 10, 13} & lines
    replies = [a["line"] for a in record["attributions"] if a["kind"] == "reply" and a["line"] < 20]
    assert replies == [7, 17]
    names = [s["name"] for s in record["sources"]]
    assert "Maria Zakharova" in names and "Kyrylo Budanov" in names


def test_sources_reports_a_fault_on_one_draft_and_still_lists_the_others(run, isolated, monkeypatch):
    from attriblint.analysis import records

    working = records.who_said_what

    def broken_on_a(path, analysis):
        if path.endswith("a.txt"):
            raise ZeroDivisionError("division by zero")
        return working(path, analysis)

    monkeypatch.setattr(records, "who_said_what", broken_on_a)
    (isolated / "a.txt").write_text(DRAFT.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("sources", "--format", "json", "a.txt", DRAFT)
    files = json.loads(result.out)["files"]
    assert result.code == 4
    assert result.err == ("attriblint: a.txt: internal error: ZeroDivisionError: division by zero "
                          "(set ATTRIBLINT_DEBUG=1 for details and please report it)\n")
    assert files[0]["error"].startswith("a.txt: internal error") and len(files[1]["attributions"]) == 7


def test_sources_keeps_parses_where_told_and_nowhere_with_no_cache(run, isolated):
    assert run("sources", "--no-cache", DRAFT).code == 0
    assert not (isolated / ".attriblint_cache").exists()
    assert run("sources", "--cache-dir", isolated / "parses", DRAFT).code == 0
    assert any((isolated / "parses" / "parses").rglob("*")) and not (isolated / ".attriblint_cache").exists()
