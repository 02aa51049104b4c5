"""unattributed-assertion: claims in the reporter's own voice with no source."""
import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES


def _findings(run, path):
    result = run("check", "--format", "json", "--select", "unattributed-assertion", path)
    return result, json.loads(result.out)["files"][0]["findings"]


def _story_findings(run, folder, text: str):
    """_findings of a draft `story.txt` in `folder` holding `text`."""
    draft = folder / "story.txt"
    draft.write_text(text, encoding="utf-8")
    return _findings(run, draft)


def _signals(run, folder, text: str):
    """(line, signal, the words that show it) of each finding in a draft holding `text`."""
    _, found = _story_findings(run, folder, text)
    return [(f["line"], f["signal"], f["message"].split('"')[1]) for f in found]


def test_flags_unsourced_claims_and_names_the_signal(run, isolated):
    result, found = _findings(run, FIXTURES / "unattributed-draft.md")
    assert result.code == 1
    assert [(f["line"], f["column"], f["end_column"], f["signal"]) for f in found] == [
        (9, 1, 67, "a judgement"), (15, 1, 56, "a figure"), (17, 1, 67, "a prediction")]
    assert found[1]["message"] == ("claim in the reporter's own voice with no source "
                                   "(a figure: \"15,000\"): add who says so, or attribute it")
    assert found[2]["text"] == "The closure of the bridge would represent a blow to local traders."


def test_headline_dateline_byline_question_and_sourced_lines_pass(run, isolated):
    _, found = _findings(run, FIXTURES / "unattributed-draft.md")
    assert not {1, 3, 5, 7, 11, 13} & {f["line"] for f in found}


def test_a_source_or_a_quotation_clears_the_claim(run, isolated):
    _, found = _story_findings(run, isolated,
                               "About 15,000 homes have lost power across the district, the utility said.\n"
                               "“About 15,000 homes have lost power across the whole district tonight.”\n"
                               "About 15,000 homes have lost power across the district.\n")
    assert [f["line"] for f in found] == [3]


def test_signals_are_configurable(run, isolated):
    pack = isolated / "rules.yaml"
    pack.write_text("rules:\n  - id: unattributed-assertion\n    kind: unattributed\n    severity: info\n"
                    "    message: 'no source for {signal} \"{match}\"'\n"
                    "    signals:\n      - name: a boast\n        words: [record]\n", encoding="utf-8")
    (isolated / ".attriblint.yaml").write_text(f"rules: [{pack}]\n", encoding="utf-8")
    result, found = _story_findings(run, isolated,
                                    "The harvest this autumn was a record for the whole valley.\n"
                                    "About 15,000 homes have lost power across the district.\n")
    assert [(f["line"], f["message"], f["severity"]) for f in found] == [
        (1, 'no source for a boast "record"', "info")]
    assert result.code == 0


def test_seed_draft_flags_lines_10_and_13_only_among_checked_lines(run, seed):
    _, found = _findings(run, seed)
    lines = {f["line"] for f in found if f["line"] <= 19}
    assert {10, 13} <= lines
    assert not {2, 5, 6, 9, 11, 12, 14, 17, 18} & lines
    signals = {f["line"]: f["signal"] for f in found if f["line"] in (10, 13)}
    assert signals == {10: "a prediction", 13: "a figure"}


def test_a_percentage_is_a_figure_but_a_poll_answer_has_its_respondents(run, isolated):
    draft = isolated / "poll.txt"
    draft.write_text("Membership of the harbour club fell to 4 percent of registered residents.\n\n"
                     "Some 4 percent of residents in the ward would vote for the new bridge.\n",
                     encoding="utf-8")
    _, found = _findings(run, draft)
    assert [(f["line"], f["column"], f["signal"], f["message"].split("(")[1].split(")")[0])
            for f in found] == [(1, 1, "a figure", 'a figure: "percent"')]


def test_holder_verbs_schedules_descriptions_and_routine_figures_are_not_claims(run, isolated):
    """Each flagged line has an unflagged twin: a view with its holder ("hopes"), a share price,
    an exact sum, "fuel" the noun, "due to" a schedule, a headline, "is set to", "designed to",
    a comparative with no "than", counts of a known set, and "lead" the noun."""
    _, found = _findings(run, FIXTURES / "unattributed-signals.txt")
    assert [(f["line"], f["column"], f["end_column"], f["signal"]) for f in found] == [
        (1, 1, 64, "a figure"), (7, 1, 78, "a figure"), (13, 1, 66, "a causal claim"),
        (17, 1, 68, "a causal claim"), (21, 1, 60, "a judgement"), (27, 1, 66, "a statement of motive"),
        (29, 1, 74, "a comparison"), (33, 1, 70, "a figure")]
    assert [f["message"].split("(")[1].split(")")[0] for f in found] == [
        'a figure: "3,000"', 'a figure: "about £2 million"', 'a causal claim: "fuelled"',
        'a causal claim: "due to"', 'a judgement: "disastrous"', 'a statement of motive: "in a bid to"',
        'a comparison: "faster"', 'a figure: "400"']


def test_could_and_might_on_the_main_verb_are_predictions(run, isolated):
    """A forecast on the main verb is flagged; "could not", a condition, a relative clause, a
    view with its holder ("fear") and "might" the noun are not; a figure that names its
    survey has its source."""
    _, found = _findings(run, FIXTURES / "unattributed-predictions.txt")
    assert [(f["line"], f["column"], f["end_column"], f["signal"]) for f in found] == [
        (1, 1, 75, "a prediction"), (13, 1, 62, "a prediction"), (15, 1, 75, "a figure")]
    assert [f["message"].split("(")[1].split(")")[0] for f in found] == [
        'a prediction: "could"', 'a prediction: "might"', 'a figure: "percent"']


def test_main_clause_is_a_configurable_narrowing(run, isolated):
    pack = isolated / "rules.yaml"
    pack.write_text("rules:\n  - id: unattributed-assertion\n    kind: unattributed\n    severity: info\n"
                    "    message: 'no source for {signal} \"{match}\"'\n"
                    "    signals:\n      - name: advice\n        words: [should]\n        main-clause: true\n",
                    encoding="utf-8")
    (isolated / ".attriblint.yaml").write_text(f"rules: [{pack}]\n", encoding="utf-8")
    _, found = _story_findings(run, isolated,
                               "The council should rebuild the old harbour bridge this year.\n"
                               "Drivers who should know better ignored the closure signs on the bridge.\n"
                               "The council should not rebuild the old harbour bridge this year.\n")
    assert [(f["line"], f["message"]) for f in found] == [(1, 'no source for advice "should"')]


def test_an_evaluative_complement_of_the_main_verb_is_a_judgement(run, isolated):
    """The verdicts "is unfair" and "was a reckless gamble" are flagged; "a brutal shot" only
    describes, a relative clause or a negated verb gives no verdict, and praise ("was
    brilliant") is match colour, not a claim."""
    _, found = _findings(run, FIXTURES / "unattributed-verdicts.txt")
    assert [(f["line"], f["column"], f["end_column"], f["signal"]) for f in found] == [
        (1, 1, 70, "a judgement"), (3, 1, 73, "a judgement")]
    assert [f["message"].split("(")[1].split(")")[0] for f in found] == [
        'a judgement: "unfair"', 'a judgement: "reckless"']


def test_measures_scores_market_prices_and_conditions_are_no_claims(run, isolated):
    _, found = _story_findings(run, isolated,
                               "Brent crude rose 45 cents to $62.10 a barrel in early trading.\n\n"
                               "Ortega kicked 14 points as the home side beat the visitors.\n\n"
                               "The striker scored from 30 yards in the second half of the game.\n\n"
                               "For the study, researchers questioned 12,500 people in six countries.\n\n"
                               "She cannot be returned to the island if that would mean a jail term.\n\n"
                               "More than 3,000 homes were destroyed in the floods last week.\n\n"
                               "The decision would mean the end of the ferry service to the island.\n\n"
                               "Soldiers fired 50 shots into the crowd in the square on Friday.\n")
    assert [(f["line"], f["signal"], f["text"].split()[0]) for f in found] == [
        (11, "a figure", "More"), (13, "a prediction", "The"), (15, "a figure", "Soldiers")]


HERE = Path(__file__).parent


def test_would_may_and_likely_on_the_main_verb_are_predictions_and_by_opens_no_byline(run, isolated):
    """"would drive", "may be" and "is unlikely" forecast, "was a damaging loss" judges;
    "will lose" (a plan), "would" with a date (past narration), in a condition or negated is
    no forecast, nor is "may not"; "By now …" is prose, not a byline like the last line."""
    _, found = _findings(run, HERE / "unattributed-forecasts.md")
    assert [(f["line"], f["column"], f["end_column"], f["signal"]) for f in found] == [
        (1, 1, 65, "a prediction"), (11, 1, 71, "a judgement"), (15, 1, 65, "a prediction"),
        (17, 1, 60, "a judgement"), (19, 1, 60, "a prediction")]
    assert [f["message"].split("(")[1].split(")")[0] for f in found] == [
        'a prediction: "would"', 'a judgement: "fiasco"', 'a prediction: "unlikely"',
        'a judgement: "damaging"', 'a prediction: "may"']


def test_a_report_cited_in_the_lead_sources_the_figures_that_follow(run, isolated):
    """The same figures are flagged when the report is cited only late in the draft."""
    _, lead = _findings(run, HERE / "unattributed-report-lead.md")
    _, late = _findings(run, HERE / "unattributed-report-late.md")
    assert lead == []
    assert [(f["line"], f["signal"], f["message"].split('"')[1]) for f in late] == [
        (11, "a figure", "300"), (15, "a figure", "120")]


@pytest.mark.parametrize("text, expected", [
    pytest.param(
        "The visitors have now lost 11 matches in a row at the harbour ground.\n\n"
        "The young winger has won 12 caps for his country since the spring.\n\n"
        "The visitors have now lost 11 players to injury since the spring.\n",
        [(5, "a figure", "11")],
        id="a_players_record_is_public_but_a_count_of_people_is_a_claim"),
    # A figure counts up to 29 words, a superlative up to 14: in a longer sentence another
    # clause more often gives the claim to someone; single-digit counts are figures too, a digit
    # that opens a name is not.
    pytest.param(
        "The new harbour bridge is the noisiest in the county.\n\n"
        "The new harbour bridge, which opened to lorries and buses in the spring, is the noisiest "
        "in the county.\n\n"
        "The storm sank 4 fishing boats off the northern coast.\n\n"
        "The harbour office sells 4G phones to the fishing crews.\n\n"
        "The storm, which blew in from the west on Sunday night and did not ease until late on "
        "Monday afternoon, sank 40 fishing boats off the northern coast and three more off the "
        "southern one.\n",
        [(1, "a superlative", "noisiest"), (5, "a figure", "4")],  # "4G" names a kind of phone
        id="long_sentences_are_read_only_for_the_firmer_signals"),
    # "widespread" as the complement of the main verb judges; "a vulnerable office" as its
    # object describes; plain size ("a big change", "the largest pier") is description or
    # background, not a verdict; "possible" on the main verb forecasts.
    pytest.param(
        "Damage to the old harbour wall is widespread after the storm.\n\n"
        "The harbour council keeps a vulnerable office beside the old ferry pier.\n\n"
        "The new toll on the harbour bridge is a big change for the council.\n\n"
        "The north quay is the largest pier on this stretch of the coast.\n\n"
        "A second toll on the ferry crossing is possible before the summer.\n",
        [(1, "a judgement", "widespread"), (9, "a prediction", "possible")],
        id="size_and_reach_as_the_main_verbs_verdict_are_judgements"),
    pytest.param(
        "The harbour mayor won 23 percent of the vote in the ward on Thursday.\n\n"
        "Only 4,100 people cast a ballot in the harbour ward this spring.\n\n"
        "About 4,100 people lost their jobs in the harbour ward this spring.\n",
        [(5, "a figure", "4,100")],
        id="election_returns_are_public_record_but_other_counts_are_claims"),
    pytest.param(
        "The two finalists traded 14 service breaks in the harbour final.\n\n"
        "The club has two gifted young No 10 hopefuls in its harbour academy.\n\n"
        "The choir will play 30 gigs across the north coast this summer.\n\n"
        "The storm forced 30 families out of their homes on the north coast.\n",
        [(7, "a figure", "30")],
        id="a_match_statistic_a_shirt_number_and_a_tour_are_no_figures"),
    pytest.param(
        "The harbour bridge is key to the way people reach the town centre.\n\n"
        "It was a strong field for the regatta on the harbour this weekend.\n\n"
        "The ferry link is vital to the island's small fishing fleet.\n\n"
        "The ferry tender was a fiasco for the island's small council.\n",
        [(7, "a judgement", "fiasco")],
        id="importance_strength_and_ease_are_no_verdicts_but_a_fiasco_is"),
    # "could have been", "may have beaten" concede or regret; "may have to" and "could
    # close" still forecast.
    pytest.param(
        "The home side could have been further ahead at the break on Saturday.\n\n"
        "The rowers may have beaten the visitors but they looked tired throughout.\n\n"
        "The council may have to close the harbour bridge for the winter.\n\n"
        "The harbour bridge could close for the whole winter next year.\n",
        [(5, "a prediction", "may"), (7, "a prediction", "could")],
        id="a_modal_on_a_perfect_verb_looks_back_and_forecasts_nothing"),
    pytest.param(
        "The harbour krona fell by as much as 0.4% against the euro on Monday.\n\n"
        "The ferry firm has bought a 20% stake in the harbour bridge operator.\n\n"
        "The council has set aside 60% of its annual budget for the harbour.\n\n"
        "About 60% of the harbour's fishing boats have stayed in port this week.\n",
        [(7, "a figure", "%")],
        id="a_currency_move_a_stake_and_a_budget_are_public_record"),
])
def test_which_sentences_make_a_claim(run, isolated, text, expected):
    assert _signals(run, isolated, text) == expected


def test_after_an_attributed_sentence_only_the_reporters_verdicts_count(run, isolated):
    """Next to "the mayor said", a figure goes on with the mayor's account; a verdict on the
    main verb or a superlative is the reporter's own. A new paragraph starts afresh."""
    said = "The toll will pay for the repairs, the mayor said on Monday. "
    _, found = _story_findings(run, isolated,
                               f"{said}The toll was a reckless gamble for the council.\n\n"
                               f"{said}More than 3,000 drivers cross the bridge each day.\n\n"
                               f"{said}The bridge is the noisiest in the county.\n\n"
                               "More than 3,000 drivers cross the harbour bridge each day.\n")
    assert [(f["line"], f["column"], f["signal"]) for f in found] == [
        (1, len(said) + 1, "a judgement"), (5, len(said) + 1, "a superlative"), (7, 1, "a figure")]


def test_the_perfect_option_is_configurable(run, isolated):
    """Left out (`perfect: true`, the default), a modal on a perfect verb is still a hit."""
    pack = isolated / "rules.yaml"
    pack.write_text("rules:\n  - id: unattributed-assertion\n    kind: unattributed\n    severity: info\n"
                    "    message: 'no source for {signal} \"{match}\"'\n"
                    "    signals:\n      - {name: a guess, words: [could], main-clause: true}\n",
                    encoding="utf-8")
    (isolated / ".attriblint.yaml").write_text(f"rules: [{pack}]\n", encoding="utf-8")
    _, found = _story_findings(run, isolated,
                               "The home side could have been further ahead at the break on Saturday.\n")
    assert [(f["line"], f["message"]) for f in found] == [(1, 'no source for a guess "could"')]


def test_a_fragment_the_parser_split_off_keeps_its_sentences_source(run, isolated):
    """The parser ends a sentence after "approx." ("were approx. | twice as fast…"); the rest
    is still the firm's claim. The same comparison on its own is the reporter's."""
    _, found = _story_findings(run, isolated,
                               "The harbour firm said the new ferries were approx. twice as fast as the old boats"
                               " and far cheaper than rivals.\n\n"
                               "The new harbour ferries are far cheaper than rivals on the coast.\n")
    assert [(f["line"], f["signal"]) for f in found] == [(3, "a comparison")]


def test_a_contributors_first_person_is_not_the_reporters_voice(run, isolated):
    _, found = _story_findings(run, isolated,
                               "I would be happy with a harbour toll of more than three pounds.\n\n"
                               "My own view is that the harbour toll could double by the spring.\n\n"
                               "The harbour toll could double by the spring, hitting the ferry trade.\n")
    assert [(f["line"], f["signal"]) for f in found] == [(5, "a prediction")]
