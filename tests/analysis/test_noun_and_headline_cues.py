"""Attributions carried by a noun of saying ("the mayor's criticism of") and by a verb in a
title-case headline, on sentences written for these tests."""
import pytest


def _said(analyse, text):
    analysis = analyse(text)
    return [(text[a.cue[0]:a.cue[1]], a.kind, a.source and text[a.source[0]:a.source[1]])
            for a in analysis.attributions]


@pytest.mark.parametrize("text, found", [
    ("The harbour plan drew the mayor's criticism of the toll on Monday.",
     [("criticism", "indirect", "the mayor")]),
    ("A warning from the coastguard that the pier was unsafe closed the beach.",
     [("warning", "indirect", "the coastguard")]),
    ("Their support for the ferry subsidy has never wavered.",
     [("support", "indirect", "Their")]),
    ("Okafor's contention that the dam is unsafe was rejected.",
     [("contention", "indirect", "Okafor")]),
    ("Harbour Chief Praises New Ferry Timetable",
     [("Praises", "indirect", "Harbour Chief")]),
    ("FISHERMEN WARN OF EMPTY NETS AFTER STORM",
     [("WARN", "indirect", "FISHERMEN")]),
    ("The ferry union came out in support of the new timetable.",
     [("support", "indirect", "The ferry union")]),
    ("Harbour traders marched in protest of the toll rise.",
     [("protest", "indirect", "Harbour traders")]),
    ("The skipper gave thanks to the crew at the service.",          # thanks handed to someone
     [("thanks", "indirect", "The skipper")]),
    ("The mayor offered thanks to the volunteers.", [("thanks", "indirect", "The mayor")]),
])
def test_noun_and_headline_cues_name_their_speaker(analyse, text, found):
    assert _said(analyse, text) == found


@pytest.mark.parametrize("text", [
    "The mayor's speech was interrupted twice by the storm sirens.",  # an event, no content
    "Her statement came on the second day of the hearing.",            # no content either
    "The refusal came late in the day.",                                # no one refuses
    "The criticism of the toll grew louder over the summer.",          # no one named
    "Ferry Timetable Changes Confuse Harbour Commuters",               # no verb of saying
    "Ferry bookings grew thanks to a mild spring on the coast.",       # a cause, nobody's thanks
    "Ferry bookings grew thanks to the toll cut.",
    "The harbour party held thanks to a late swing.",                  # parsed as held's object
    "The strikers faced a stubborn defence from the visitors.",       # a stance noun only after "in"
    "The champion will face the first defence of her title in May.",
    "A hamstring injury ruled the captain out of the final.",         # nobody rules anything out
    "A concert in support of the lifeboat crew sold out.",             # no verb, no holder
])
def test_near_misses_are_not_attributions(analyse, text):
    assert _said(analyse, text) == []


def test_a_name_before_the_noun_and_a_that_clause_make_a_cue(analyse):
    text = "The council cited a Harbour Gazette report that the pier had cracked."
    assert ("report", "indirect", "Harbour Gazette") in _said(analyse, text)


def test_poll_respondents_are_the_source_of_their_answers(analyse):
    text = "Some 41 percent of ferry users would choose the early sailing."
    assert _said(analyse, text) == [("choose", "indirect", "Some 41 percent of ferry users")]
    assert _said(analyse, "The ferry company would choose the early sailing.") == []


def test_a_headline_speaker_starts_after_the_phrase_set_off_before_it(analyse):
    text = "Fearing Delays, Harbour Chief Warns Of Ferry Cuts"
    assert _said(analyse, text) == [("Warns", "indirect", "Harbour Chief")]


@pytest.mark.parametrize("text, found", [
    # the model's lemma of these plurals ("congratulation", "thank") is not the listed word
    ("Vale also offered her congratulations to Okafor and Reyes.",
     [("congratulations", "indirect", "Vale")]),
    ("The mayor sent her thanks to the volunteers.", [("thanks", "indirect", "The mayor")]),
])
def test_a_plural_noun_of_saying_is_found_by_its_spelling(analyse, text, found):
    assert _said(analyse, text) == found
