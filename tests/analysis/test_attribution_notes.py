"""A publication's own note on a story ("Editor's note: …") reports no one's words, on short
drafts written for these tests."""
import pytest


@pytest.mark.parametrize("note", ["Editor’s note", "Editor's note", "EDITOR'S NOTE"])
def test_no_attribution_inside_an_editors_note(analyse, note):
    text = (f"{note}: The mayor, who has repeatedly promised to rebuild the pier, owns shares in "
            "the ferry company.\n\nThe mayor said the pier would reopen in May.")
    cues = [text[a.cue[0]:a.cue[1]] for a in analyse(text).attributions]
    assert cues == ["said"]


def test_a_note_in_the_middle_of_a_paragraph_does_not_silence_it(analyse):
    text = "The mayor said the pier, an editor's note: closed since May, would reopen."
    cues = [text[a.cue[0]:a.cue[1]] for a in analyse(text).attributions]
    assert cues == ["said"]
