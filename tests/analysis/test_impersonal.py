"""Agentless cues beyond the passives: raising verbs, questions with no asker, names with no
namer, hearsay adverbs and passives of saying, on sentences written for these tests."""
import pytest

from attriblint.analysis.impersonal import agentless_records, find_impersonal


def _cues(analyse, text, finder=find_impersonal):
    analysis = analyse(text)
    records = finder(analysis)
    return [(text[a.cue[0]:a.cue[1]], a.kind, a.anonymous) for a in records]


@pytest.mark.parametrize("text, cue", [
    ("The harbour master seemed to favour the northern berth.", "seemed"),
    ("It appears that the ferry will not sail before noon.", "appears"),
    ("The quarry plan seems like a lost cause for the council.", "seems"),
    ("Asked about the budget gap, the treasurer shrugged.", "Asked"),
    ("The treasurer was asked whether the levy would rise.", "was asked"),
    ("The fishermen held a protest known as the Long Tide.", "known as"),
    ("The mayor reportedly favours a second bridge.", "reportedly"),
    ("The councillor was booed at the harbour meeting.", "was booed"),
    ("Lena Brandt was announced the winner of the rowing race.", "was announced"),
])
def test_each_construction_is_an_agentless_cue(analyse, text, cue):
    assert _cues(analyse, text) == [(cue, "agentless", True)]


@pytest.mark.parametrize("text", [
    "The treasurer appeared on the local radio station on Monday.",  # appear = show up
    "The treasurer asked the auditors about the budget gap.",         # an asker is named
    "The councillor was booed by the dock workers at the meeting.",   # agent given
    "The bridge was known for its long queues in the summer.",        # "known" needs "as"
    "The ferry was announced by the harbour master as cancelled.",    # agent given
])
def test_near_misses_are_not_cues(analyse, text):
    assert _cues(analyse, text) == []


def test_a_cue_is_reported_once_and_never_inside_a_quotation(analyse):
    text = ("The bridge is widely seen as unsafe. "
            "“It seems the tide was higher than anyone thought,” the engineer said.")
    analysis = analyse(text)
    passive = [a for a in analysis.attributions if a.kind == "agentless"]
    assert [(text[a.cue[0]:a.cue[1]]) for a in passive] == ["is widely seen as"]
    assert len(agentless_records(analysis, passive + passive)) == 1
