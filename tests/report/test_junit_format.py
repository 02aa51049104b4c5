import xml.etree.ElementTree as ET

DIRTY = "Troops moved to more advantageous positions, the army said.\n"
CLEAN = "The council met on Tuesday and approved the budget, the mayor said.\n"
# XML 1.0 cannot hold \x01 even escaped; the name also has markup characters.
ODD = "<Officials> called it collateral\x0cdamage & bombed on.\n"
ODD_NAME = "odd\x01&<1>.txt"
QUOTED = 'He said the unit moved to "more advantageous positions".\n'


def _suite(run, isolated, *args):
    for name, text in (("dirty.txt", DIRTY), ("clean.txt", CLEAN), (ODD_NAME, ODD), ("quoted.txt", QUOTED)):
        (isolated / name).write_text(text, encoding="utf-8")
    (isolated / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00binary")
    result = run("check", "--format", "junit", *args, "dirty.txt", "clean.txt", "binary.txt", ODD_NAME, "quoted.txt")
    assert result.code == 3
    return ET.fromstring(result.out)  # raises if the XML is not well-formed


def test_one_testcase_per_draft_with_failures_and_errors(run, isolated):
    root = _suite(run, isolated)
    suite = root.find("testsuite")
    assert {k: suite.get(k) for k in ("tests", "failures", "errors", "skipped")} == {
        "tests": "5", "failures": "2", "errors": "1", "skipped": "0"}
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert list(cases) == ["dirty.txt", "clean.txt", "binary.txt", "odd\ufffd&<1>.txt", "quoted.txt"]
    failure = cases["dirty.txt"].find("failure")
    assert failure.get("type") == "euphemism"
    assert failure.get("message") == "1 finding at or above warning: euphemism"
    assert failure.text == ('dirty.txt:1:8: euphemism [warning] "moved to more advantageous positions" '
                            "is a euphemism for a retreat; say plainly what happened or explain the term")
    assert list(cases["clean.txt"]) == []
    error = cases["binary.txt"].find("error")
    assert error.get("message") == "binary file (it holds NUL bytes), not a text draft"
    assert cases["binary.txt"].find("failure") is None


def test_text_xml_cannot_hold_is_replaced_and_markup_escaped(run, isolated):
    odd = {c.get("name"): c for c in _suite(run, isolated).iter("testcase")}["odd\ufffd&<1>.txt"]
    # the form feed inside the match is white space: the message quotes it as a plain space
    assert odd.find("failure").text.startswith('odd\ufffd&<1>.txt:1:23: euphemism [warning] "collateral damage" is')


def test_findings_below_fail_on_go_to_system_out_not_failure(run, isolated):
    root = _suite(run, isolated, "--fail-on", "error")
    suite = root.find("testsuite")
    assert (suite.get("failures"), suite.get("errors")) == ("0", "1")
    quoted = {c.get("name"): c for c in suite.iter("testcase")}["quoted.txt"]
    assert quoted.find("failure") is None
    assert quoted.find("system-out").text.startswith("quoted.txt:1:18: euphemism [info] quoted euphemism")
