"""Quotations and transcript turns that reach their speaker, on short drafts written for
these tests: a quotation opened after a no-break space, a short quotation that is a whole
sentence, a year cut short with an apostrophe, and a speaker's turn the parser cut short."""


def _records(analyse, text):
    return [(a.kind, text[a.cue[0]:a.cue[1]], a.source and text[a.source[0]:a.source[1]],
             a.content and text[a.content[0]:a.content[1]]) for a in analyse(text).attributions]


def test_a_quotation_after_a_no_break_space_goes_to_the_speaker_before_it(analyse):
    text = ('"The pier will not reopen this winter," Okafor said.\xa0"The contractors have gone home '
            'and nobody has paid them for the autumn."')
    assert _records(analyse, text) == [("direct", "said", "Okafor", text)]


def test_a_short_quotation_that_is_a_whole_sentence_is_a_statement(analyse):
    text = '"We wait," the mayor said. "Everyone waits."'
    assert _records(analyse, text) == [("indirect", "said", "the mayor", text[1:])]


def test_a_scare_quoted_term_stays_the_reporters(analyse):
    text = 'The mayor said the ferry was late. The route has been "the slow boat" since May.'
    assert _records(analyse, text) == [("indirect", "said", "The mayor", "the ferry was late")]


def test_a_year_cut_short_with_an_apostrophe_opens_no_quotation(analyse):
    text = "The band first toured in the ‘90s and sold out the harbour hall, the promoter said."
    document = analyse(text).document
    assert document.quotes == []


def test_a_transcript_turn_cut_short_by_the_parser_runs_to_the_end_of_its_paragraph(analyse):
    text = ("Ann Lee-Okafor: She [the mayor] wants the ferry back, but it is late. "
            "The pier is falling apart and nobody will pay for it.\n\n"
            "The council meets on Monday.")
    records = _records(analyse, text)
    turn = [r for r in records if r[1] == ":"]
    assert turn == [("indirect", ":", "Ann Lee-Okafor", text[text.index("She"):text.index("\n\n")])]


def test_a_call_to_follow_someone_is_no_speakers_label(analyse):
    text = "Follow Ann Okafor on Twitter: she posts from the harbour every day."
    assert _records(analyse, text) == []


def test_any_verb_after_a_closed_quotation_and_its_speaker_signs_it(analyse):
    text = "“Who pays for the pier?” Okafor laughed."
    assert _records(analyse, text) == [("direct", "laughed", "Okafor", "“Who pays for the pier?”")]


def test_a_verb_joined_to_the_main_one_hands_over_to_a_colon(analyse):
    text = "Okafor waved at the crowd and boomed: “We will rebuild the pier.”"
    assert _records(analyse, text) == [("direct", "boomed", "Okafor", "“We will rebuild the pier.”")]


def test_a_clause_that_hands_over_to_a_quotation_after_a_colon(analyse):
    text = "Okafor then addressed the harbour board again: “Who pays for the pier now?”"
    assert _records(analyse, text) == [("direct", "addressed", "Okafor", "“Who pays for the pier now?”")]


def test_a_colon_before_a_list_introduces_nothing(analyse):
    assert _records(analyse, "The mayor visited three towns: Ayr, Troon and Largs.") == []


def test_a_long_title_with_a_hyphen_is_no_speakers_label(analyse):
    text = "Harbour Gazette's Arts-Business Digest: The pier needs a new owner before winter."
    assert [r for r in _records(analyse, text) if r[1] == ":"] == []


def test_a_section_heading_that_ends_with_a_colon_speaks_nothing(analyse):
    text = "Night Over Harbour: The Pier Was Closed In May But Reopened To Avoid Bad Press."
    assert [r for r in _records(analyse, text) if r[1] == ":"] == []



def test_a_speakers_label_the_parser_cut_from_the_turn_still_speaks_it(analyse):
    text = "OKAFOR: She’s in charge of the harbour board now. Nobody voted for her."
    turn = [r for r in _records(analyse, text) if r[1] == ":"]
    assert turn == [("indirect", ":", "OKAFOR", text[text.index("She"):])]
