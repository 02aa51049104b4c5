"""Sides: a source's side from its own words, its title, a possessive place, or the draft."""
from pathlib import Path

from attriblint.analysis.model import Attribution, Source

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "sourcing"

DRAFT = (
    "Kenya's interior ministry spokeswoman Joy Wanjiru said the border would stay closed.\n\n"
    "A spokesman for the Somali army said its units had withdrawn from the town.\n\n"
    "Abdi Farah, Beledweyne's district commissioner, said residents were leaving.\n\n"
    "Thousands have fled the Somali town of Beledweyne, and the Somali army has sent trucks.\n\n"
    "Later, Wanjiru said talks would resume, and a UN envoy in Nairobi said aid was waiting.\n\n"
    "Jordan Henderson, a correspondent in Mogadishu, said the roads were quiet.\n"
)


def _side(analysis, phrase, nth=0):
    text = analysis.document.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return analysis.sides.side_of_span(start, start + len(phrase))


def test_side_from_possessive_title_appositive_and_for_phrase(analyse):
    analysis = analyse(DRAFT)
    assert _side(analysis, "Kenya's interior ministry spokeswoman Joy Wanjiru") == "kenya"
    assert _side(analysis, "Joy Wanjiru") == "kenya"
    assert _side(analysis, "A spokesman for the Somali army") == "somalia"
    assert _side(analysis, "a UN envoy in Nairobi") == "neutral"


def test_side_from_earlier_mention_and_from_the_place_a_title_belongs_to(analyse):
    analysis = analyse(DRAFT)
    assert _side(analysis, "Wanjiru", nth=1) == "kenya"  # "Later, Wanjiru said": learned from line 1
    assert _side(analysis, "Abdi Farah, Beledweyne's district commissioner") == "somalia"
    assert analysis.sides.place_sides["Beledweyne"] == "somalia"


def test_observers_and_person_names_do_not_take_a_country(analyse):
    analysis = analyse(DRAFT)
    assert _side(analysis, "Jordan Henderson, a correspondent in Mogadishu") is None


def test_configured_sides_replace_the_countries(analyse):
    sides = {"government": ["interior ministry", "Wanjiru"], "rebels": ["Somali army"]}
    analysis = analyse(DRAFT, sides=sides)
    assert _side(analysis, "Kenya's interior ministry spokeswoman Joy Wanjiru") == "government"
    assert _side(analysis, "A spokesman for the Somali army") == "rebels"
    assert _side(analysis, "Abdi Farah, Beledweyne's district commissioner") is None


def test_claims_count_who_acts(analyse):
    text = (FIXTURES / "one-sided.txt").read_text(encoding="utf-8")
    analysis = analyse(text)
    claims = [(c.side, c.verb, text[c.start:c.end]) for c in analysis.sides.claims]
    assert claims == [("peru", "attack", "Peruvian troops"),  # the headline
                      ("peru", "attack", "Peruvian troops"), ("peru", "shell", "Peru's army"),
                      ("peru", "fire", "Peruvian helicopters")]


def test_assign_puts_sides_on_sources_and_attributions(analyse):
    text = (FIXTURES / "one-sided.txt").read_text(encoding="utf-8")
    analysis = analyse(text)

    def span(phrase):
        start = text.index(phrase)
        return start, start + len(phrase)

    sources = [Source(0, "an Ecuadorian military spokesman", False, True, [span("an Ecuadorian military spokesman")]),
               Source(1, "Galo Leoro", True, False, [span("Galo Leoro")]),
               Source(2, "the ministry", False, False, [span("The ministry")])]
    attributions = [Attribution("according-to", span("according to"), span("an Ecuadorian military spokesman"),
                                source_id=0, anonymous=True),
                    Attribution("indirect", span("said the government"), span("Galo Leoro"), source_id=1, named=True),
                    Attribution("indirect", span("The ministry said"), span("The ministry"), source_id=2),
                    Attribution("agentless", span("shelled"))]
    analysis.sides.assign(attributions, sources)
    assert [s.side for s in sources] == ["ecuador", "ecuador", None]
    assert [a.side for a in attributions] == ["ecuador", "ecuador", None, None]
    assert analysis.sides.counts(attributions) == {"ecuador": 2, "unassigned": 1}


def test_seed_draft_sides(analyse, seed):
    analysis = analyse(seed.read_text(encoding="utf-8"))
    assert _side(analysis, "Maria Zakharova") == "russia"
    assert _side(analysis, "Kyrylo Budanov") == "ukraine"
    assert _side(analysis, "Oleksiy Kharkivskiy") == "ukraine"
    assert _side(analysis, "Moscow") == "russia"


def test_a_relative_clause_of_working_for_places_the_source_and_others_do_not(analyse):
    text = ("Amina Yusuf, who runs the Somali army's press office, said the road was open.\n\n"
            "Omar Ali, who spoke at the Somali army briefing, said the road was closed.\n")
    analysis = analyse(text)
    assert _side(analysis, "Amina Yusuf") == "somalia"
    assert _side(analysis, "Omar Ali") is None
