"""The three word-level packs on a draft written for these tests, and on the seed draft."""
import json
from pathlib import Path

from tests.conftest import FIXTURES

DRAFT = FIXTURES / "language-draft.md"
RULES = "euphemism,loaded-language,vague-attribution"


def _found(run, path, select=RULES):
    result = run("check", "--format", "json", "--select", select, path)
    return [(f["rule"], f["line"], f["column"], f["text"], f["severity"])
            for f in json.loads(result.out)["files"][0]["findings"]]


def test_language_rules_on_a_draft_with_context_dependent_entries(run):
    assert _found(run, DRAFT) == [
        ("loaded-language", 3, 20, "claimed", "warning"),      # "claimed that…": a verb of saying
        ("loaded-language", 3, 69, "slammed", "warning"),
        ("euphemism", 4, 19, "let go", "warning"),              # passive, a person as subject
        ("euphemism", 4, 50, "laid off", "warning"),            # a person as object
        ("vague-attribution", 5, 10, "has been widely seen as", "warning"),
        ("vague-attribution", 5, 51, "critics", "warning"),
        ("euphemism", 6, 41, "passed", "warning"),              # "the bill passed" is not
        ("loaded-language", 7, 13, "reluctantly", "warning"),
        ("vague-attribution", 7, 45, "reportedly", "warning"),
        ("euphemism", 8, 10, "let go", "info"),                 # quoted: info; the others are silent
        ("loaded-language", 10, 42, "regime", "warning"),       # "the tax regime" is not
    ]


def test_quoted_euphemism_asks_for_an_explanation(run):
    result = run("check", "--format", "json", "--select", "euphemism", DRAFT)
    quoted = [f for f in json.loads(result.out)["files"][0]["findings"] if f["quoted"]]
    assert [f["message"] for f in quoted] == [
        'quoted euphemism "let go" (being sacked): make sure the story says plainly what it means']


def test_messages_say_what_to_write_instead(run):
    result = run("check", "--format", "json", "--select", "loaded-language", DRAFT)
    first = json.loads(result.out)["files"][0]["findings"][0]
    assert first["message"] == ('"claimed" casts doubt on the statement in the reporter\'s voice; '
                                'instead: "said"')
    assert first["suggestions"] == ['"said"']


def test_seed_draft_first_nineteen_lines(run, seed):
    found = [f for f in _found(run, seed) if f[1] <= 19]
    assert found == [
        ("euphemism", 2, 40, "moved to “more advantageous positions”", "info"),
        ("loaded-language", 6, 12, "claimed", "warning"),
        # "insisted" is one of the loaded verbs the issue names; the spokesman's own words
        # follow in quotes, so the reporter's verb is the only judgement here.
        ("loaded-language", 11, 72, "insisted", "warning"),
        ("vague-attribution", 15, 89, "seen as", "warning"),
        ("loaded-language", 19, 65, "reluctantly", "warning"),
    ]


def test_context_dependent_euphemisms_and_their_near_misses(run):
    # every line pairs a euphemistic use with a plain use of the same words that stays silent
    assert [f[1:4] for f in _found(run, FIXTURES / "euphemism-context.md")] == [
        (3, 5, "demise"),                   # "his demise", not "the demise of the night ferry"
        (4, 17, "perished"),                # not "Perish the thought"
        (5, 11, "passed on"),               # not "passed on the complaint"
        (6, 17, "between jobs"),            # not "a long gap between jobs"
        (7, 27, "special needs"),           # "special needs pupils", not "the special needs of the area"
        (8, 34, "slept with"),              # with a person, not "with the lights on"
        (9, 16, "intoxicated"),             # not "intoxicated by the music"
        (10, 16, "expecting"),              # "their second child", not "the minister"
        (11, 9, "of a certain age"),
        (11, 59, "hearing-impaired"),
        (12, 25, "terminate a pregnancy"),  # and "the latest timetable" is not "the late …"
        (13, 4, "intoxicated"),             # not the legal "driving while intoxicated"
        (14, 5, "late"),                    # "her late husband", not "her late arrival"
        (15, 26, "over the hill"),          # not "the village over the hill"
    ]


def test_vague_crowds_criticism_and_vague_agents(run):
    assert [f[1:4] for f in _found(run, FIXTURES / "vague-crowds.md")] == [
        (3, 1, "Opponents"),                   # "of the pier" does not name them; "filed" is no view
        (4, 1, "Many"),                        # "in the council" neither; "experts at the museum" do
        (5, 10, "speculation"),                # not "his speculation"
        (6, 10, "has been widely criticised"), # not "questioned by detectives"
        (7, 10, "is considered by some"),      # not "by the county"
        (8, 43, "is expected"),                # "it is expected that…", not the ferry's timetable
        (9, 1, "Some claim"),                  # read as a noun phrase by the parser; not "made some claim"
    ]


def test_legal_terms_nicknames_and_an_allegation_with_its_accuser_pass(run, isolated):
    draft = isolated / "story.txt"
    draft.write_text("Police arrested two terrorist suspects in the port on Monday.\n\n"
                     "The terrorist cell planned the attack for months, the court heard.\n\n"
                     "The so-called 'harbour club' met in the town hall on Monday.\n\n"
                     "The so-called reforms failed to win over the voters this year.\n\n"
                     "The port sued an engineer who allegedly faked the safety logs.\n\n"
                     "The contractor allegedly leaked the plans to a rival last year.\n\n"
                     "Prosecutors charged an extremist preacher with fraud on Monday.\n\n"
                     "He urged the minister to admit that the ferry contract had been a mistake.\n\n"
                     "The minister admitted that the ferry contract had been a mistake.\n", encoding="utf-8")
    assert _found(run, draft) == [
        ("loaded-language", 3, 5, "terrorist", "warning"),
        ("vague-attribution", 11, 16, "allegedly", "warning"),
        ("loaded-language", 13, 24, "extremist", "warning"),  # a charge is not someone's words
        ("loaded-language", 17, 14, "admitted", "warning"),  # line 15 only asks for an admission
    ]


def test_loaded_words_in_court_on_the_pitch_in_figures_and_in_general_pass(run):
    found = _found(run, Path(__file__).parent / "loaded-news.md", select="loaded-language")
    assert [f[1:4] for f in found] == [
        (3, 19, "claimed"),          # line 5: a claim in a lawsuit is the legal term
        (9, 11, "blasted"),          # line 7: shots at goal, not criticism
        (11, 51, "stubbornly"),      # the board, not prices that stay "stubbornly high"
        (15, 10, "aggressively"),    # line 13: the traders' view, reported as theirs
        (19, 5, "terrorists"),       # line 17: terrorism in general needs no attribution
        (21, 1, "Terrorists"),       # a past attack is a particular event; line 23: suspects
        (25, 13, "insisted"),        # only "claim" and "admit" have a legal sense
        (27, 20, "terrorist"),       # a named group; line 29: a government's terrorist list
        (31, 5, "terrorists"),       # the label is the reporter's, though the terrorists speak
    ]
