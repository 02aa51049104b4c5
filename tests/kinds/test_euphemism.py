"""The euphemism pack on drafts written for these tests: each line pairs a euphemistic use with
a plain use of the same words that must stay silent."""
import json
from pathlib import Path

from tests.conftest import FIXTURES


def _found(run, path):
    result = run("check", "--format", "json", "--select", "euphemism", path)
    return [(f["line"], f["column"], f["text"]) for f in json.loads(result.out)["files"][0]["findings"]]


def test_new_entries_and_their_near_misses(run):
    assert _found(run, FIXTURES / "euphemism-more.md") == [
        (3, 17, "passed away"),                 # a person; not "the old kingdoms passed away"
        (4, 74, "passed away"),                 # "who": a person; "a faith which…" is not
        (5, 21, "exterminate"),                 # people as object, not "the rats"
        (6, 35, "weed"),                        # beside "smoking", not pulled from the soil
        (7, 16, "underdeveloped"),              # "countries", not "his argument was underdeveloped"
        (8, 24, "troubled"),                    # "teenagers", not "troubled Delta"
        (9, 20, "accident"),                    # near "potty", not the driver's accident
        (10, 3, "plump"),                       # a man, not tomatoes; "a good stout" is the beer
        (11, 16, "rear end"),                   # not "the rear end of the ferry"
        (12, 19, "economically disadvantaged"), # not "the rules disadvantaged small firms"
        (13, 20, "lost their lunch"),           # not "lost the lunch trade"
        (14, 12, "Global South"),
        (14, 43, "Targeted Killings"),          # a title-case plural still matches "targeted killing"
        (15, 5, "mentally disabled"),           # and "Make Love, Not War" is a title, not a verb
        (16, 16, "laid to rest"),               # a person buried, not fears laid to rest
        (17, 9, "with child"),                  # not "families with child care costs"
        (18, 3, "curvy"),                       # of people, not "the curvy road"
        (18, 21, "plus-sized"),
        (19, 15, "black site"),
        (19, 51, "wardrobe malfunction"),
        (20, 29, "reduction in force"),
        (20, 61, "powder her nose"),
        (21, 17, "broken home"),
        (21, 50, "gone to a better place"),     # matched on lemmas: "go to a better place"
        (22, 3, "stout"),                       # "a stout woman", not "a stout supporter of the plan"
        (23, 59, "rear end"),                   # not "a rear end collision"
    ]


def test_a_finding_says_what_the_term_means_and_what_to_write(run):
    result = run("check", "--format", "json", "--select", "euphemism", FIXTURES / "euphemism-more.md")
    weed = next(f for f in json.loads(result.out)["files"][0]["findings"] if f["text"] == "weed")
    assert weed["meaning"] == "cannabis"
    assert weed["suggestions"] == ["cannabis", "marijuana"]
    assert weed["message"] == '"weed" is a euphemism for cannabis; say plainly what happened or explain the term'


def test_generic_elderly_and_defined_terms_pass(run):
    assert _found(run, Path(__file__).parent / "euphemism-news.md") == [
        (3, 4, "elderly"),            # a particular man; line 5: "care for the elderly" (AP)
        (9, 10, "expecting"),         # line 7: "expecting a bit more" is not a pregnancy
        (11, 56, "troubled"),         # teenagers, not "the troubled child welfare agency"
        (15, 14, "negative growth"),  # line 13 defines a recession: the term is explained
    ]
