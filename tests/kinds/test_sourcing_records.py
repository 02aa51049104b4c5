"""The four sourcing kinds on attribution records built by hand over drafts written for the
tests, so each rule's logic is pinned down apart from the attribution finder."""
from pathlib import Path

import pytest

from attriblint.analysis.model import Attribution, Source
from attriblint.config import Config, default_values
from attriblint.engine import load_ruleset
from attriblint.kinds import KINDS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "sourcing"


@pytest.fixture(scope="module")
def rules():
    specs = load_ruleset(Config(values=default_values())).rules
    return lambda rule_id: KINDS[specs[rule_id].kind](specs[rule_id])


class Records:
    """Attributions and sources over a draft, each given by the phrases it covers."""

    def __init__(self, text):
        self.text, self.attributions, self.sources = text, [], []

    def span(self, phrase):
        if phrase is None:
            return None
        start = self.text.index(phrase)
        return start, start + len(phrase)

    def add(self, kind, source, cue, content=None, *, same_as=None, named=False, anonymous=False):
        if same_as is None and source is not None:
            same_as = len(self.sources)
            self.sources.append(Source(same_as, source, named, anonymous, [self.span(source)]))
        elif same_as is not None:
            self.sources[same_as].mentions.append(self.span(source))
        self.attributions.append(Attribution(kind, self.span(cue), self.span(source), self.span(content),
                                             same_as, anonymous, named))
        return self

    def place(self, analysis):
        analysis.sides.assign(self.attributions, self.sources)
        analysis.sides.placed = (self.attributions, self.sources)
        return analysis


def _one_sided_records(text):
    return (Records(text)
            .add("indirect", "Ecuador's defence ministry", "said on Tuesday", "Peruvian troops attacked three")
            .add("indirect", "The ministry", "said Peru", "Peru's army had shelled", same_as=0)
            .add("direct", "General Paco Moncayo, the commander of Ecuador's army", "said General",
                 "This was an unprovoked assault on our territory", named=True)
            .add("according-to", "an Ecuadorian military spokesman", "according to", "Peruvian helicopters also fired")
            .add("indirect", "Galo Leoro", "said the government", "the government in Quito would ask", named=True))


def _located(findings, analysis):
    return [f.locate(analysis.document) for f in findings]


def test_one_sided_sourcing_points_at_the_first_claim_about_the_unheard_side(analyse, rules):
    text = (FIXTURES / "one-sided.txt").read_text(encoding="utf-8")
    analysis = _one_sided_records(text).place(analyse(text))
    found = _located(rules("one-sided-sourcing").check(analysis), analysis)
    assert [(f.rule, f.line, f.column, f.end_line, f.end_column, f.text) for f in found] == [
        ("one-sided-sourcing", 1, 14, 1, 29, "Peruvian troops")]
    message = found[0].message
    assert "all 5 attributions that take a side are from ecuador (4 sources)" in message
    assert "peru is the actor in 4 claims" in message
    assert found[0].extra["sides"] == {"ecuador": 5}


def test_one_reply_from_the_other_side_balances_the_story(analyse, rules):
    text = (FIXTURES / "balanced.txt").read_text(encoding="utf-8")
    records = _one_sided_records(text).add("indirect", "Peru's foreign ministry", "said its forces",
                                           "its forces had only returned fire")
    analysis = records.place(analyse(text))
    assert [a.side for a in records.attributions][-1] == "peru"
    assert list(rules("one-sided-sourcing").check(analysis)) == []


def test_single_source_spans_its_attributions(analyse, rules):
    text = ("The club said the stadium would close for a month.\n\n"
            "It said repairs to the roof had been delayed by the weather.\n\n"
            "The club also said season ticket holders would be refunded.\n\n"
            "Fans were told to watch the club's website, the club said.\n")
    records = Records(text)
    records.add("indirect", "The club", "said the stadium", "the stadium would close for a month")
    records.add("indirect", "It", "said repairs", "repairs to the roof had been delayed", same_as=0)
    records.add("indirect", "The club also", "said season", "season ticket holders would be refunded", same_as=0)
    records.add("indirect", "the club said", "said.", "Fans were told to watch", same_as=0)
    analysis = records.place(analyse(text))
    found = _located(rules("single-source").check(analysis), analysis)
    assert [(f.line, f.column, f.end_line) for f in found] == [(1, 1, 7)]
    assert found[0].message.startswith("single source: all 4 attributions trace back to The club;")
    records.add("indirect", "Fans", "were told", None)
    analysis = records.place(analyse(text))
    assert list(rules("single-source").check(analysis)) == []


ANONYMOUS = ("Officials said the minister would resign on Friday.\n\n"
             "A source close to the talks said the coalition had collapsed.\n\n"
             "People familiar with the matter said a vote was planned.\n\n"
             "The minister, Ana Ruiz, said she would stay to finish the budget.\n")


def _anonymous_records(text):
    records = Records(text)
    records.add("indirect", "Officials", "said the minister", "the minister would resign on Friday", anonymous=True)
    records.add("indirect", "A source close to the talks", "said the coalition", "the coalition had collapsed",
                anonymous=True)
    records.add("indirect", "People familiar with the matter", "said a vote", "a vote was planned", anonymous=True)
    records.add("indirect", "The minister, Ana Ruiz", "said she", "she would stay to finish the budget", named=True)
    return records


def test_anonymous_sources_carrying_most_of_the_story(analyse, rules):
    analysis = _anonymous_records(ANONYMOUS).place(analyse(ANONYMOUS))
    found = _located(rules("anonymous-sourcing").check(analysis), analysis)
    assert [(f.line, f.column, f.end_line) for f in found] == [(1, 1, 5)]
    assert found[0].message.startswith("anonymous sourcing: 3 of 4 attributions (75%) rest on unnamed sources")


def test_anonymous_claim_no_named_source_supports(analyse, rules):
    text = ("Officials said the minister would resign on Friday.\n\n"
            "A source close to the talks said the coalition had collapsed.\n\n"
            "The minister, Ana Ruiz, said she would stay to finish the budget.\n\n"
            "Ruiz said the coalition had collapsed after the vote.\n")
    records = Records(text)
    records.add("indirect", "Officials", "said the minister", "the minister would resign on Friday", anonymous=True)
    records.add("indirect", "A source close to the talks", "said the coalition", "the coalition had collapsed",
                anonymous=True)
    records.add("indirect", "The minister, Ana Ruiz", "said she", "she would stay to finish the budget", named=True)
    records.add("indirect", "Ruiz said", "said the coalition had collapsed after", "the coalition had collapsed after",
                same_as=2, named=True)
    analysis = records.place(analyse(text))
    found = _located(rules("anonymous-sourcing").check(analysis), analysis)
    assert [(f.line, f.column, f.text) for f in found] == [(1, 1, "Officials")]
    assert "no named source in the draft supports" in found[0].message


def test_spokespeople_are_on_the_record(analyse, rules):
    text = "A police spokesman said two men were arrested.\n\nA police spokeswoman said they were released.\n"
    records = Records(text)
    records.add("indirect", "A police spokesman", "said two", "two men were arrested", anonymous=True)
    records.add("indirect", "A police spokeswoman", "said they", "they were released", anonymous=True)
    analysis = records.place(analyse(text))
    assert list(rules("anonymous-sourcing").check(analysis)) == []


def test_missing_reply_until_the_accused_is_asked(analyse, rules):
    text = (FIXTURES / "accused.txt").read_text(encoding="utf-8")
    records = (Records(text)
               .add("indirect", "the foreign ministry in Kyiv", "said on Monday", "Ukraine accused Belarus")
               .add("indirect", "A spokesman for the Ukrainian border guard service", "said satellite",
                    "satellite images showed new tents"))
    analysis = records.place(analyse(text))
    found = _located(rules("missing-reply").check(analysis), analysis)
    assert [(f.line, f.column, f.end_column, f.text) for f in found] == [(1, 9, 24, "accused Belarus")]
    assert found[0].message.startswith("missing reply: belarus is accused here")
    for reply, asked in (("Belarus did not respond to a request for comment.", "Belarus"),
                         ("Minsk declined to comment.", "Minsk"),
                         ("Belarus has not commented on the accusation.", "Belarus")):
        answered = text + "\n" + reply + "\n"
        records = Records(answered).add("reply", asked, reply[len(asked) + 1:], None)
        analysis = records.place(analyse(answered))
        assert [a.side for a in records.attributions] == ["belarus"]
        assert list(rules("missing-reply").check(analysis)) == [], reply


def test_missing_reply_for_a_named_person(analyse, rules):
    text = ("Police accused John Mbeki of running the scheme, a police statement said.\n\n"
            "Investigators said the losses ran to millions.\n")
    records = Records(text).add("indirect", "a police statement", "said.", "Police accused John Mbeki")
    analysis = records.place(analyse(text))
    found = _located(rules("missing-reply").check(analysis), analysis)
    assert [(f.line, f.text, f.extra["accused"]) for f in found] == [(1, "accused John Mbeki", "Mbeki")]
    text += "\nMbeki's lawyer said the accusation was false.\n"
    records = Records(text).add("indirect", "Mbeki's lawyer", "said the accusation", "the accusation was false")
    analysis = records.place(analyse(text))
    assert list(rules("missing-reply").check(analysis)) == []
