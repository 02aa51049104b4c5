import re

FAIL = "A\tB 👋: troops moved to more advantageous positions.\n"
CLEAN = "The council approved the budget, the mayor said.\n"
QUOTED = "Cafe\u0301 staff said troops moved to “more advantageous positions”.\r\n"
WRAPPED = "Officials said troops had moved to more\nadvantageous positions overnight.\n"
EUPHEMISM = '"moved to more advantageous positions" is a euphemism for a retreat; say plainly what happened or explain the term'


def _write(folder, **drafts):
    for name, text in drafts.items():
        (folder / f"{name}.txt").write_bytes(text.encode("utf-8"))


def test_pytest_output_lines_carets_and_closing_line(run, isolated):
    _write(isolated, fail=FAIL, clean=CLEAN, quoted=QUOTED)
    result = run("check", "fail.txt", "clean.txt", "quoted.txt")
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0] == "=" * 24 + " attriblint session starts " + "=" * 24
    assert re.fullmatch(r"platform \w+ -- Python \d+\.\d+\.\d+\S*, attriblint 0\.1\.0", lines[1])
    assert lines[2:] [:-1] == [
        "collected 3 drafts",
        "",
        "fail.txt FAILED (1 finding)",
        "clean.txt PASSED",
        "quoted.txt PASSED (1 finding)",
        "",
        "=" * 30 + " FAILURES " + "=" * 30,
        "_____ fail.txt _____",
        f"fail.txt:1:15: euphemism [warning] {EUPHEMISM}",
        "    A\tB 👋: troops moved to more advantageous positions.",
        # the tab is copied so it expands alike; the emoji takes two terminal cells
        "     \t" + " " * 13 + "^" * 36,
        "",
        "=========== passed, with findings below --fail-on warning ============",
        "_____ quoted.txt _____",
        'quoted.txt:1:25: euphemism [info] quoted euphemism "moved to “more advantageous positions”" (a retreat): '
        "make sure the story says plainly what it means",
        "    Cafe\u0301 staff said troops moved to “more advantageous positions”.",
        # the combining accent takes no cell; the quote marks are part of the match
        "    " + " " * 23 + "^" * 38,
        "",
        "=" * 24 + " short test summary info " + "=" * 24,
        "euphemism: 2",
    ]
    assert re.fullmatch(r"={20} 1 failed, 2 passed in \d+\.\d\ds ={20}", lines[-1])


def test_finding_over_a_line_break_underlines_to_the_end_of_its_first_line(run, isolated):
    _write(isolated, wrapped=WRAPPED)
    lines = run("check", "wrapped.txt").out.splitlines()
    # the message quotes the match on one line, though it runs over the line break
    at = lines.index(f"wrapped.txt:1:27: euphemism [warning] {EUPHEMISM}")
    assert lines[at + 1:at + 3] == ["    Officials said troops had moved to more",
                                    "    " + " " * 26 + "^" * 13]


def test_unreadable_draft_is_an_error_and_counted(run, isolated):
    _write(isolated, clean=CLEAN)
    (isolated / "binary.txt").write_bytes(b"\x00\x01\x02")
    result = run("check", "clean.txt", "binary.txt", "gone.txt")
    assert result.code == 3
    lines = result.out.splitlines()
    assert lines[4:13] == [
        "clean.txt PASSED", "binary.txt ERROR", "gone.txt ERROR", "",
        "=" * 30 + " FAILURES " + "=" * 30,
        "_____ binary.txt _____", "E   binary.txt: binary file (it holds NUL bytes), not a text draft", "",
        "_____ gone.txt _____",
    ]
    assert re.fullmatch(r"={20} 1 passed, 2 errors in \d+\.\d\ds ={20}", lines[-1])
    assert result.err.splitlines() == ["attriblint: binary.txt: binary file (it holds NUL bytes), not a text draft",
                                       "attriblint: gone.txt: no such file"]


def test_concise_is_one_line_per_finding_or_error(run, isolated):
    _write(isolated, fail=FAIL, clean=CLEAN, quoted=QUOTED)
    (isolated / "latin1.txt").write_bytes("Ok.\nCaf\xe9 owners said prices rose.\n".encode("latin-1"))
    result = run("check", "--format", "concise", "fail.txt", "clean.txt", "quoted.txt", "latin1.txt")
    assert result.code == 3
    assert result.out.splitlines() == [
        f"fail.txt:1:15: euphemism {EUPHEMISM}",
        'quoted.txt:1:25: euphemism quoted euphemism "moved to “more advantageous positions”" (a retreat): '
        "make sure the story says plainly what it means",
        "latin1.txt:2: error: not valid UTF-8 (byte 0xe9 at offset 7); save the draft as UTF-8 "
        "or set `encoding:` in .attriblint.yaml",
    ]


def test_concise_prints_nothing_for_clean_drafts(run, isolated):
    _write(isolated, clean=CLEAN)
    assert (run("check", "--format", "concise", "clean.txt").out) == ""


def test_a_long_line_is_cut_to_the_finding_and_its_context(run, isolated):
    before, after = "The council met on Monday. " * 10, "Residents waited for news. " * 10
    _write(isolated, long=before + "Troops moved to more advantageous positions near the river. " + after)
    lines = run("check", "long.txt", "--select", "euphemism").out.splitlines()
    at = lines.index(f"long.txt:1:278: euphemism [warning] {EUPHEMISM}")
    assert lines[at + 1] == ("    …nday. The council met on Monday. Troops moved to more advantageous positions "
                             "near the river. Residents waited for ne…")
    assert lines[at + 2] == "    " + " " * 41 + "^" * 36
