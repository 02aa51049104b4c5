"""vague-attribution beyond its speaker entries: vague crowds in any role, hedges in the
reporter's voice, touching matches joined, and agentless cues the rule leaves alone."""
import json
from pathlib import Path

DRAFT = Path(__file__).with_name("vague-hedges.md")


def _found(run, path):
    result = run("check", "--format", "json", "--select", "vague-attribution", path)
    return [(f["line"], f["column"], f["text"]) for f in json.loads(result.out)["files"][0]["findings"]]


def test_vague_crowds_hedges_and_their_near_misses(run):
    assert _found(run, DRAFT) == [
        (3, 1, "Some"),            # "some historians", whatever they do; not "two historians"
        (4, 1, "Many"),            # "many modern scholars"; "many people lost" is a count
        (5, 16, "probably"),
        (5, 52, "possibly"),
        (6, 8, "arguably"),        # not "Perhaps": mostly plain description
        (7, 12, "presumably"),     # not "some boats", "some of the nets": no crowd of people
        # line 8: "is expected to go on show" is the timetable, not a view (the analysis keeps it)
        (9, 1, "Some critics"),    # one finding for the quantifier and its noun; nothing in the quote
        # line 10: the warden's "probably" is the warden's; "could not possibly" is an intensifier
        (11, 15, "generally"),     # "generally accepted"; "widely known" is plain report
        (12, 1, "Some"),           # "some" as the subject of any verb...
        (12, 28, "Some"),          # ...and of a verb of thinking
    ]


def test_findings_say_what_to_do(run):
    messages = _messages(run, DRAFT)
    assert messages[12, 1] == '"Some" stands for people no reader can identify: say who they are, or how many'
    assert messages[12, 28] == '"Some" credits the view to no one in particular: name who "some" are, or drop the claim'
    assert messages[5, 16] == '"probably": whose judgement? Say who thinks it likely, or state what is known'
    assert messages[9, 1] == ('"Some critics" credits the view to no one in particular: '
                                        'name who the critics are, or drop the claim')


SCOPE_DRAFT = Path(__file__).with_name("vague-scope.md")


def test_vague_scopes_crowds_after_a_preposition_and_their_near_misses(run):
    assert _found(run, SCOPE_DRAFT) == [
        (3, 4, "some"),     # "in some countries"
        (4, 1, "Many"),     # "many cultures"; "three countries" is a count
        # line 5: "some way below", "goes some way to": a degree, not a scope
        # line 6: the keeper's own "in some cases" is attributed to the keeper
        (7, 25, "many"),    # "admired by many"
        (7, 49, "some"),    # "to some, ..."
        # line 8: "is estimated to have cost" is a figure, not a view
        # line 9: a hedge in the reporter's voice ("may cost") and "how many" stay silent
        (10, 1, "Some"),    # "some artists"; "some boats" are no crowd of people
        # line 11: what an audience did ("many fans queued", "some viewers watched") is a report
        # line 12: "so many … believe" is a degree, not a source
        (13, 7, "possible that"),  # not "not possible that", nor the warden's "possible that"
    ]


def test_scope_findings_ask_which(run):
    messages = _messages(run, SCOPE_DRAFT)
    assert messages[3, 4] == '"some" generalises without saying which: name them, or give the number and who counted'
    assert messages[7, 25] == '"many" credits the view to no one in particular: name who "many" are, or drop the claim'
    assert messages[13, 7] == '"possible that": whose judgement? Say who thinks it possible, or state what is known'


def _messages(run, draft) -> dict:
    """{(line, column): message} of the draft's vague-attribution findings."""
    result = run("check", "--format", "json", "--select", "vague-attribution", draft)
    return {(f["line"], f["column"]): f["message"] for f in json.loads(result.out)["files"][0]["findings"]}


SPEAKERS_DRAFT = Path(__file__).with_name("vague-speakers.md")


def test_crowds_that_speak_as_agent_source_relative_clause_or_prompted(run):
    assert _found(run, SPEAKERS_DRAFT) == [
        (3, 18, "critics"),  # "critics who say": the clause says what they think, not who they are
        # line 3: "critics who live on the quay say" are pinned down by where they live
        (4, 22, "many"),     # "led many to believe"; "asked experts to inspect" prompts no view
        (5, 11, "some"),     # "some who call"; "some boats" are no crowd of people
        (6, 10, "is thought by some"),  # an agent that is no one in particular...
        # ...while "lit by some of the crew" names its whole and is no view
        (7, 14, "experts"),  # "according to experts"; "according to the harbour master" names one
        (8, 1, "Most"),      # "most historians", whatever they do; "most walls" are no crowd
        # line 9: "the mayor's most loyal supporters" have an owner; "rulings that it felt" is
        # no one's relative clause of opinion
        (10, 36, "Many"),    # "many see the wall as…"; "many shops were seeing more trade" is no view
        # line 11: "the most historians" is a count, "most historians at the county archive" are
        # pinned down; line 12: "many shoppers have seen prices rise" saw, they hold no view
    ]
