from attriblint.report.github_format import escape_data, escape_property

PACK = """rules:
  - id: spin-percent
    kind: phrase
    severity: error
    message: "100% spin: {match}\\r\\nsay what happened"
    entries:
      - pattern: 'right-sizing'
"""


def test_findings_become_workflow_commands_with_escaped_properties_and_data(run, isolated):
    (isolated / "house.yaml").write_text(PACK, encoding="utf-8")
    (isolated / ".attriblint.yaml").write_text("rules: [house.yaml]\n", encoding="utf-8")
    (isolated / "a,b:c.txt").write_text("Staff face right-sizing, and troops moved to more advantageous positions.\n"
                                        "He called the strike \"collateral damage\".\n", encoding="utf-8")
    (isolated / "latin1.txt").write_bytes("First line.\nCaf\xe9 owners said prices rose.\n".encode("latin-1"))
    result = run("check", "--format", "github", "a,b:c.txt", "latin1.txt")
    assert result.code == 3
    assert result.out.splitlines() == [
        "::error file=a%2Cb%3Ac.txt,line=1,col=12,endLine=1,endColumn=24,title=spin-percent::"
        "100%25 spin: right-sizing%0D%0Asay what happened",
        "::warning file=a%2Cb%3Ac.txt,line=1,col=37,endLine=1,endColumn=73,title=euphemism::"
        '"moved to more advantageous positions" is a euphemism for a retreat; say plainly what happened or explain the term',
        "::notice file=a%2Cb%3Ac.txt,line=2,col=23,endLine=2,endColumn=40,title=euphemism::"
        'quoted euphemism "collateral damage" (civilian deaths or damage to civilian property): '
        "make sure the story says plainly what it means",
        "::error file=latin1.txt,line=2,title=unreadable draft::"
        "not valid UTF-8 (byte 0xe9 at offset 15); save the draft as UTF-8 or set `encoding:` in .attriblint.yaml",
    ]


def test_clean_run_prints_nothing(run, isolated):
    (isolated / "clean.txt").write_text("The council approved the budget, the mayor said.\n", encoding="utf-8")
    result = run("check", "--format", "github", "clean.txt")
    assert (result.code, result.out) == (0, "")


def test_escaping_rules():
    assert escape_data("50% a:b,c\r\nd") == "50%25 a:b,c%0D%0Ad"
    assert escape_property("50% a:b,c\r\nd") == "50%25 a%3Ab%2Cc%0D%0Ad"
