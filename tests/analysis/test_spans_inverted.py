"""A speaker named after the verb that follows a quotation ("“…,” added a Dover Democrat"),
whatever the verb, and not a name before a quoted title that happens to end on a comma; the
speaker of an infinitive ("led Reyes to announce"); a source that ends on a parenthesis."""
import pytest


def _sources(analysis):
    text = analysis.document.text
    return [(text[a.cue[0]:a.cue[1]], a.kind, text[a.source[0]:a.source[1]]) for a in analysis.attributions if a.source]


@pytest.mark.parametrize("text, found", [
    ("“The mayor needed to win the first two votes,” added a Dover Democrat.",
     [("added", "direct", "a Dover Democrat")]),
    ("“Is the ferry board asleep?” reacted Okafor.", [("reacted", "direct", "Okafor")]),
])
def test_a_speaker_after_the_verb_that_follows_a_quotation(analyse, text, found):
    assert _sources(analyse(text)) == found


def test_a_verb_after_a_quoted_title_keeps_its_own_subject(analyse):
    text = "Ann Vale, the host of the radio show “Harbour Hour,” listed a ferry as her favourite boat."
    assert [s for s in _sources(analyse(text)) if s[0] == "listed"] == \
        [("listed", "indirect", "Ann Vale, the host of the radio show “Harbour Hour")]


@pytest.mark.parametrize("text, found", [
    # the one named as the object of the verb the infinitive hangs on speaks it
    ("The loss led party chairman Tim Reyes to announce his resignation.",
     [("announce", "indirect", "party chairman Tim Reyes")]),
    # not the thing used: the subject still speaks
    ("Vale used her speech to attack Okafor.", [("attack", "indirect", "Vale")]),
    # the closing parenthesis of a party and state stays with the name
    ("On Saturday, Sen. Ann Vale (D-Ore.) called on the governor to resign.",
     [("called", "indirect", "Sen. Ann Vale (D-Ore.)")]),
])
def test_who_speaks_an_infinitive_and_where_a_source_ends(analyse, text, found):
    assert _sources(analyse(text)) == found


@pytest.mark.parametrize("text, found", [
    ("Vale shot back that the board had not been called.", [("shot", "indirect", "Vale")]),
    ("Okafor sees the toll as a way to win the port.", [("sees", "indirect", "Okafor")]),
    ("Vale declined to say how the toll would be spent.", [("declined", "indirect", "Vale"), ("say", "indirect", "Vale")]),
    # without a clause "decline" is falling, and "see" without "as" is looking
    ("Ferry sales declined to their lowest level.", []),
    ("Okafor sees the ferry from her window.", []),
])
def test_verbs_that_speak_with_their_particle_or_clause(analyse, text, found):
    assert _sources(analyse(text)) == found


@pytest.mark.parametrize("text, found", [
    # the one asked or pressed speaks the infinitive
    ("Later that day, Okafor was pressed to explain the gap between her two accounts.",
     [("explain", "indirect", "Okafor")]),
    # a statement made again with "this" or "the" and nothing said points back: no new attribution
    ("Vale made this statement during a debate on the port.", []),
    ("Vale made the pledge at a rally in Dover on Monday.", []),
    # a noun of saying with what was said is one
    ("Vale made the case for a lower toll.", [("case", "indirect", "Vale")]),
    ("Okafor parroted these views during an interview.", [("views", "indirect", "Okafor")]),
])
def test_who_was_asked_to_speak_and_statements_made_again(analyse, text, found):
    assert _sources(analyse(text)) == found


def test_a_name_the_model_tags_as_a_verb_is_still_the_speaker(analyse):
    # the small model tags this surname as a verb ("to trump"); the object is no speaker
    text = "Trump never cited any evidence for the charge last spring that Okafor wants to close the port."
    assert _sources(analyse(text)) == [("cited", "indirect", "Trump"), ("wants", "indirect", "Okafor")]
