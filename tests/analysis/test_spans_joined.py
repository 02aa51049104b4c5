"""Source spans that keep every speaker joined to the first, and the side such a source takes
(the one side its members share, none when they differ); the speaker of a participle the
parser hung on a place phrase."""
import pytest

SIDES = {"harbour": ["Harbour Party", "Vale"], "union": ["Union Party", "Okafor"]}


def _sources(analysis):
    text = analysis.document.text
    analysis.sides.placed
    return [(text[a.cue[0]:a.cue[1]], text[a.source[0]:a.source[1]], a.side)
            for a in analysis.attributions if a.source]


@pytest.mark.parametrize("text, found", [
    ("Reyes and other leaders of the Harbour Party said they would cut the toll.",
     [("said", "Reyes and other leaders of the Harbour Party", "harbour")]),
    # a rival is no member: "his rivals in the Harbour Party" are not on its side
    ("Reyes and his rivals in the Harbour Party said they would cut the toll.",
     [("said", "Reyes and his rivals in the Harbour Party", None)]),
    ("Vale and Okafor said the ferry would run again.",
     [("said", "Vale and Okafor", None)]),
    ("Neither Reyes nor Okafor responded to the letter.",
     [("responded", "Neither Reyes nor Okafor", "union")]),
    ("Mayor Diaz and Senator Vale have criticized the toll.",
     [("criticized", "Mayor Diaz and Senator Vale", "harbour")]),
])
def test_a_joined_source_is_kept_whole_and_takes_the_side_its_members_share(analyse, text, found):
    assert _sources(analyse(text, sides=SIDES)) == found


def test_a_lone_speaker_keeps_its_own_side_beside_a_joined_object(analyse):
    text = "Vale thanked Okafor and Reyes for their help."
    assert _sources(analyse(text, sides=SIDES)) == [("thanked", "Vale", "harbour")]


@pytest.mark.parametrize("text, found", [
    ("Vale was heard on a radio telling Okafor to leave the state.", [("telling", "Vale", "harbour")]),
    ("Okafor stood on a platform speaking out about the toll.", [("speaking out", "Okafor", "union")]),
])
def test_a_participle_hung_on_a_place_phrase_is_spoken_by_the_main_subject(analyse, text, found):
    assert _sources(analyse(text, sides=SIDES)) == found


def test_a_participle_after_the_main_verb_s_object_stays_with_its_own_noun(analyse):
    text = "Vale read the letter from a fishing group demanding a lower toll."
    assert ("demanding", "a fishing group", None) in _sources(analyse(text, sides=SIDES))
