"""Sources: mentions of one speaker merged, different speakers kept apart."""


def _sources(analysis):
    text = analysis.document.text
    return [(s.name, [text[a:b] for a, b in s.mentions]) for s in analysis.sources]


def test_a_bare_description_joins_the_last_one_named_and_specified_ones_stay_apart(analyse):
    analysis = analyse("The Harbour Party campaign said turnout was high. The Union Party campaign said it "
                       "was low. The campaign said later that the count was wrong.")
    assert _sources(analysis) == [
        ("Harbour Party campaign", ["The Harbour Party campaign"]),
        ("Union Party campaign", ["The Union Party campaign", "The campaign"]),
    ]


def test_a_repeated_description_is_one_source(analyse):
    analysis = analyse("A military spokesman said the bridge was hit. The military spokesman said repairs "
                       "would take a week.")
    assert _sources(analysis) == [("military spokesman", ["A military spokesman", "The military spokesman"])]


def test_i_inside_a_quotation_is_its_speaker(analyse):
    analysis = analyse("Mayor Ana Diaz said the bridge would reopen in May.\n\n"
                       "“I think the bridge will reopen on time,” Diaz said.\n\n"
                       "Tom Reyes, a ferry captain, said: “We doubt the date very much.”")
    assert _sources(analysis) == [
        ("Mayor Ana Diaz", ["Mayor Ana Diaz", "Diaz", "I"]),
        ("Tom Reyes", ["Tom Reyes, a ferry captain", "We"]),
    ]
