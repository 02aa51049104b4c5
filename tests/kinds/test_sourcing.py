"""The sourcing rules end to end: drafts through the CLI, attributions found by the analysis."""
import json
import shutil
from pathlib import Path


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "sourcing"
SOURCING = "one-sided-sourcing,single-source,anonymous-sourcing,missing-reply"


def _check(run, folder, name, *extra):
    shutil.copy(FIXTURES / name, folder / name)
    result = run("check", "--format", "json", "--select", SOURCING, *extra, folder / name)
    return result, json.loads(result.out)["files"][0]["findings"]


def test_one_country_heard_about_the_other_countrys_attack(run, isolated):
    result, found = _check(run, isolated, "one-sided.txt")
    assert result.code == 1
    assert [(f["rule"], f["line"], f["column"], f["end_line"], f["end_column"], f["text"]) for f in found] == [
        ("one-sided-sourcing", 1, 14, 1, 29, "Peruvian troops")]
    assert "are from ecuador" in found[0]["message"]
    assert "peru is the actor in 4 claims and is never heard" in found[0]["message"]
    assert found[0]["sides"] == {"ecuador": 7}
    assert (found[0]["heard"], found[0]["unheard"], found[0]["claims"]) == ("ecuador", "peru", 4)


def test_one_reply_from_the_other_side_is_enough(run, isolated):
    result, found = _check(run, isolated, "balanced.txt")
    assert [f["rule"] for f in found] == []
    assert result.code == 0


def test_missing_reply_and_the_reply_attempts_that_answer_it(run, isolated):
    result, found = _check(run, isolated, "accused.txt")
    assert [(f["rule"], f["line"], f["column"], f["end_column"], f["accused"]) for f in found] == [
        ("missing-reply", 1, 9, 24, "belarus")]
    draft = isolated / "accused.txt"
    text = draft.read_text(encoding="utf-8")
    for reply in ("Belarus did not respond to a request for comment.", "Minsk declined to comment.",
                  "Belarus has not commented on the accusation."):
        draft.write_text(text + "\n" + reply + "\n", encoding="utf-8")
        result = run("check", "--format", "json", "--select", SOURCING, draft)
        assert json.loads(result.out)["files"][0]["findings"] == [], reply


def test_pytest_format_prints_the_sides_of_a_draft_with_a_sourcing_finding(run, isolated):
    shutil.copy(FIXTURES / "one-sided.txt", isolated / "one-sided.txt")
    result = run("check", "--select", SOURCING, "one-sided.txt")
    assert "attributions by side: ecuador 7\n" in result.out


def test_front_matter_sides_replace_the_countries(run, isolated):
    draft = isolated / "story.md"
    body = (FIXTURES / "one-sided.txt").read_text(encoding="utf-8")
    draft.write_text("---\nattriblint:\n  sides:\n    government: [Ecuador, Ecuadorian, Quito]\n"
                     "    neighbours: [Peru, Peruvian]\n---\n" + body, encoding="utf-8")
    result = run("check", "--format", "json", "--select", SOURCING, draft)
    found = json.loads(result.out)["files"][0]["findings"]
    assert [(f["rule"], f["line"], f["heard"], f["unheard"]) for f in found] == [
        ("one-sided-sourcing", 7, "government", "neighbours")]


def test_seed_draft_sources_and_sides(analyse, seed):
    analysis = analyse(seed.read_text(encoding="utf-8"))
    attributions, sources = analysis.sides.placed
    by_name = {s.name: s.side for s in sources}
    assert len(sources) == 11  # the issue asks for at least 8 distinct sources
    assert {"ukraine", "russia"} <= set(by_name.values())
    assert by_name["Maria Zakharova"] == "russia"
    text = analysis.document.text
    spokesmen = {a.side for a in attributions if a.source and "spokesman" in text[slice(*a.source)]}
    assert spokesmen == {"ukraine"}


def test_an_accusation_refused_is_no_accusation(run, isolated):
    draft = isolated / "refused.txt"
    draft.write_text("Fire at the depot\n\nThe mayor refused to blame Belarus for the fire at the depot.\n\n"
                     "The governor blamed Belarus for the fire at the depot.\n", encoding="utf-8")
    found = json.loads(run("check", "--format", "json", "--select", "missing-reply", draft).out)["files"][0]["findings"]
    assert [(f["line"], f["column"], f["text"]) for f in found] == [(5, 14, "blamed Belarus")]


def test_a_force_from_the_unheard_side_and_a_broken_ceasefire_are_its_claims(run, isolated):
    result, found = _check(run, isolated, "one-sided-force.md")
    assert [(f["rule"], f["line"], f["column"], f["text"], f["claims"]) for f in found] == [
        ("one-sided-sourcing", 9, 1, "Artillery from Norland", 2)]
    assert "all 3 attributions that take a side are from sudland" in found[0]["message"]
