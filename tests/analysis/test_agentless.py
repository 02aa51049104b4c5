from attriblint import document
from attriblint.analysis import Analysis
from attriblint.analysis.agentless import cue_lexicon, find_agentless
from attriblint.nlp import Pipeline
from attriblint.rulepacks import load_packs, shipped_rules_dir

DRAFT = (
    "The ferry company has been widely seen as a survivor. It is believed that the harbour will close.\n\n"
    "The vote, seen as a test for the mayor, comes in May. The mayor is expected to resign.\n\n"
    "Her remark was seen by thousands of viewers. The bridge is known as the Blue Span. "
    "The council said the tunnel is expected to open in June."
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
        ("is expected to", "to resign", "agentless", True),
        # nested in "The council said …": still agentless here; the attribution layer decides
        ("is expected to", "to open in June", "agentless", True),
    ]


def test_agent_or_no_complement_means_no_agentless_cue():
    assert _agentless("Her remark was seen by thousands. The bridge is known as the Blue Span. "
                      "The parcel was expected.") == []


def test_lexicon_forms():
    assert cue_lexicon({"agentless-passives": ["rumour"]}) == {"rumour": ("any",)}
    assert cue_lexicon({"agentless-passives": {"See": "as", "think": None, "odd": ["sideways"]}}) == {
        "see": ("as",), "think": ("any",)}
    assert cue_lexicon({}) == {}
