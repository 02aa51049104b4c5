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
    ("Asked what the new berth would cost, the harbour master laughed.", "Asked"),  # tagged VBD
    ("The treasurer was asked whether the levy would rise.", "was asked"),
    ("The mayor was asked a simple question about the ferry.", "was asked"),  # the question put
    ("The protest is known as the Long Tide.", "is known as"),
    ("The wharf was dubbed the Iron Quay.", "was dubbed"),
    ("The skipper is best known for his night crossings.", "is best known for"),
    ("The plan to close the pier was widely known.", "was widely known"),     # nothing follows
    ("The mayor reportedly favours a second bridge.", "reportedly"),
    ("The councillor was booed at the harbour meeting.", "was booed"),
    ("Lena Brandt was announced the winner of the rowing race.", "was announced"),
])
def test_each_construction_is_an_agentless_cue(analyse, text, cue):
    assert _cues(analyse, text) == [(cue, "agentless", True)]


@pytest.mark.parametrize("text", [
    "The treasurer appeared on the local radio station on Monday.",  # appear = show up
    "The fishermen held a protest known as the Long Tide.",          # a label on a noun
    "The council aired an advert titled Safe Harbours.",             # a label on a noun
    "Fishermen are entitled to claim a rebate on diesel.",           # "entitled to": a right
    "The price of the ferry was not disclosed.",                     # a fact withheld
    "The ferry apparently left early.",                               # the reporter's hedge
    "The skipper allegedly sold the catch twice.",                    # not marked by PolNeAR
    "Under a sky that seemed to darken, the boats came home.",       # qualifies a noun
    "The dock workers seemed oddly calm.",                            # an adjective: too seldom marked
    "The treasurer appeared to blame the auditors.",                  # the treasurer's words
    "She would chair the board if asked.",                            # no question was put
    "The treasurer asked the auditors about the budget gap.",         # an asker is named
    "The treasurer asked what the levy pays for.",                     # a past tense with a subject
    "Having asked the clerk for the keys, the mayor left.",            # active: the mayor asked
    "The councillor was booed by the dock workers at the meeting.",   # agent given
    "The bridge has long known better days.",                         # "known" needs "as" or "for"
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


@pytest.mark.parametrize("text", [
    "Rendell noted that the mayor appeared unsteady at the meeting.",
    "The tide seemed to rise faster, the harbour master said.",
    "According to the harbour master, the tide seemed to rise faster.",
    "The engineer said the tunnel is thought to be safe.",
])
def test_what_a_named_speaker_says_is_not_agentless(analyse, text):
    analysis = analyse(text)
    assert [a for a in analysis.attributions if a.kind == "agentless"] == []


def test_a_passive_with_a_vague_agent_is_left_to_the_source_finder(analyse):
    text = "The deal was seen by some as a defeat. The deal was seen as a defeat."
    analysis = analyse(text)
    cues = [(a.cue[0], text[a.cue[0]:a.cue[1]]) for a in analysis.attributions if a.kind == "agentless"]
    assert cues == [(48, "was seen as")]


def test_hearsay_adverb_on_a_verb_of_saying_leaves_the_subject_as_speaker(analyse):
    text = ("The skipper reportedly said the quay would close. The skipper reportedly sold the boat. "
            "The offer was reportedly rejected on Monday.")  # nobody named: still hearsay
    found = [r.cue[0] for r in find_impersonal(analyse(text))]
    assert found == [text.index("reportedly sold"), text.rindex("reportedly")]


def test_a_passive_that_only_qualifies_a_noun_is_not_agentless_but_a_forecast_on_one_is(analyse):
    text = ("The council closed two piers that are seen as unsafe. "
            "The council closed two quays that have been criticised as unsafe. "
            "The mayor named a harbour master who is expected to start in May. "
            "The pier is seen as unsafe.")
    analysis = analyse(text)
    cues = [(a.cue[0], text[a.cue[0]:a.cue[1]]) for a in analysis.attributions if a.kind == "agentless"]
    assert cues == [(text.index("is expected to"), "is expected to"), (text.rindex("is seen as"), "is seen as")]
