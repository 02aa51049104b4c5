from attriblint import document
from attriblint.analysis import Analysis
from attriblint.analysis.agentless import cue_lexicon, find_agentless
from attriblint.nlp import Pipeline
from attriblint.rulepacks import load_packs, shipped_rules_dir

DRAFT = (
    "The ferry company has been widely seen as a survivor. It is believed that the harbour will close.\n\n"
    "The vote, seen as a test for the mayor, comes in May. The mayor is said to be ill.\n\n"
    "Her remark was seen by thousands of viewers. The bridge is known as the Blue Span. "
    "The council said the tunnel is thought to be safe."
)


def _agentless(text):
    lexicons = load_packs([shipped_rules_dir()]).lexicons
    analysis = Analysis(document.from_text(text), Pipeline({"parse"}), lexicons)
    return [(text[a.cue[0]:a.cue[1]], a.content and text[a.content[0]:a.content[1]], a.kind, a.anonymous)
            for a in find_agentless(analysis)]


def test_agentless_passives_of_saying_and_thinking_with_their_content():
    assert _agentless(DRAFT) == [
        ("has been widely seen as", "a survivor", "agentless", True),
        ("is believed", "that the harbour will close", "agentless", True),
        ("seen as", "a test for the mayor", "agentless", True),
        ("is said to", "to be ill", "agentless", True),
        # nested in "The council said …": still agentless here; the attribution layer decides
        ("is thought to", "to be safe", "agentless", True),
    ]


def test_agent_or_no_complement_means_no_agentless_cue():
    assert _agentless("Her remark was seen by thousands. The bridge is known as the Blue Span. "
                      "The parcel was expected.") == []


def test_an_agent_that_names_no_one_is_no_agent():
    assert _agentless("The levy is considered by some to be unfair. The pier was seen by many as a folly. "
                      "The mural was described by other critics as crude.") == [
        ("is considered by some", "to be unfair", "agentless", True),
        ("was seen by many as", "a folly", "agentless", True),   # the parser hangs "as" on "many"
        ("was described by other critics as", "crude", "agentless", True),
    ]
    # a named or counted agent stands behind the view
    assert _agentless("The levy is considered by the Treasury to be unfair. "
                      "The pier was seen by two surveyors as a folly. "
                      "The mayor has been criticised by some of his rivals.") == []


def test_criticism_without_critics_and_expectations():
    # "is expected to" is recorded (PolNeAR marks it); vague-attribution ignores it
    assert _agentless("The levy has been widely criticised. It is questioned whether the pier is safe. "
                      "The ferry is expected to sail at noon. A man was questioned by detectives. "
                      "A woman was questioned for six hours.") == [
        ("has been widely criticised", None, "agentless", True),
        ("is questioned", "whether the pier is safe", "agentless", True),
        ("is expected to", "to sail at noon", "agentless", True),
    ]


def test_modal_passives_and_active_perfects_are_no_agentless_cue():
    # a possibility ("can be seen as") is no view held; "has said that" has a speaker
    assert _agentless("The mural can be seen as a protest. The plan will be considered in May. "
                      "The mural is likely to be viewed as a protest. Plans being considered include a pier. "
                      "While the mayor has repeatedly said that the pier is safe, the levy rose. "
                      "The mural is seen as a protest.") == [
        ("is seen as", "a protest", "agentless", True),
    ]


def test_lexicon_forms():
    assert cue_lexicon({"agentless-passives": ["rumour"]}) == {"rumour": ("any",)}
    assert cue_lexicon({"agentless-passives": {"See": "as", "think": None, "odd": ["sideways"]}}) == {
        "see": ("as",), "think": ("any",)}
    assert cue_lexicon({}) == {}
