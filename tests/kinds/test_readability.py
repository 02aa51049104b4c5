import json
import shutil
from pathlib import Path

from attriblint.kinds.readability import METRICS

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "readability-draft.txt"


def _check(run, folder, *extra):
    shutil.copy(FIXTURE, folder / "draft.txt")
    result = run("check", "--format", "json", "--select", "readability", *extra, folder / "draft.txt")
    return result, json.loads(result.out)["files"][0]


def test_long_sentences_flagged_with_words_and_grade(run, isolated):
    result, record = _check(run, isolated)
    found = record["findings"]
    # Line 4: 43 words. Line 5 is a quotation (left out). Line 6 is two sentences of 40 words
    # in all. Line 7 keeps "Mr. Patel" in one sentence of 46 words.
    assert [(f["line"], f["column"], f["words"], f["grade"], f["metric"], f["severity"]) for f in found] == [
        (4, 1, 43, 17.7, "words", "info"), (7, 1, 46, 16.5, "words", "info")]
    assert found[0]["message"] == "sentence of 43 words, grade 17.7: split it (news style aims for about 25)"
    assert found[0]["text"].startswith("The council, which") and found[0]["text"].endswith("shops nearby.")
    assert result.code == 0  # info does not fail the default fail-on: warning


def test_quotations_measured_when_included(run, isolated):
    (isolated / ".attriblint.yaml").write_text(
        "rule-settings:\n  readability:\n    quotations: include\n", encoding="utf-8")
    _, record = _check(run, isolated)
    assert [(f["line"], f["words"], f["quoted"]) for f in record["findings"]] == [
        (4, 43, False), (5, 44, True), (7, 46, False)]


def test_paragraph_check_from_config(run, isolated):
    (isolated / ".attriblint.yaml").write_text(
        "rule-settings:\n  readability:\n    checks:\n"
        "      - {scope: paragraph, metric: words, max: 30, message: 'paragraph of {words} words'}\n",
        encoding="utf-8")
    _, record = _check(run, isolated)
    # The paragraph on line 5 is a quotation but for "The leader said:"; 3 words are its own.
    assert [(f["line"], f["column"], f["end_column"], f["message"]) for f in record["findings"]] == [
        (4, 1, 243, "paragraph of 43 words"), (6, 1, 207, "paragraph of 40 words"),
        (7, 1, 239, "paragraph of 46 words")]


def test_line_ups_and_lists_of_names_are_not_prose(run, isolated):
    draft = isolated / "teams.txt"
    names = ", ".join(f"{first} {last} ({club})" for first, last, club in
                      [("A", "Jones", "Cardiff"), ("B", "Evans", "Swansea"), ("C", "Price", "Newport"),
                       ("D", "Lewis", "Llanelli"), ("E", "Hughes", "Bridgend"), ("F", "Morgan", "Neath"),
                       ("G", "Owen", "Pontypridd"), ("H", "Rees", "Ebbw Vale"), ("I", "Davies", "Cardiff")])
    draft.write_text(f"Wales: {names}.\n", encoding="utf-8")
    result = run("check", "--format", "json", "--select", "readability", draft)
    assert json.loads(result.out)["files"][0]["findings"] == []


def test_unknown_metric_names_pack_and_line(run, isolated):
    (isolated / "packs").mkdir()
    (isolated / "packs" / "house.yaml").write_text(
        "rules:\n  - id: house-readability\n    kind: readability\n    severity: info\n    message: x\n"
        "    checks:\n      - scope: sentence\n        metric: flesch_grade\n        max: 10\n"
        "        message: y\n", encoding="utf-8")
    (isolated / ".attriblint.yaml").write_text("rules: [packs]\n", encoding="utf-8")
    result = run("check", FIXTURE)
    assert result.code == 2
    assert result.err.startswith("attriblint: error: " + str(isolated / "packs" / "house.yaml") + ":8: 'metric'")
    assert "flesch_kincaid_grade" in result.err


def test_a_check_needs_a_limit(run, isolated):
    (isolated / "packs").mkdir()
    (isolated / "packs" / "house.yaml").write_text(
        "rules:\n  - id: house-readability\n    kind: readability\n    severity: info\n    message: x\n"
        "    checks:\n      - {scope: sentence, metric: words, message: y}\n", encoding="utf-8")
    (isolated / ".attriblint.yaml").write_text("rules: [packs]\n", encoding="utf-8")
    result = run("check", FIXTURE)
    assert result.code == 2
    assert result.err.strip().endswith(":6: 'checks': check 1 needs 'max' (higher is harder) or 'min' (lower is harder)")


def test_every_metric_is_a_textstat_function():
    import textstat

    assert all(callable(getattr(textstat, m)) for m in METRICS if m != "words")


class _Sentence:
    def __init__(self, text, start, kind="paragraph"):
        self.text, self.start, self.end = text, start, start + len(text)
        self.block = type("Block", (), {"paragraph": type("Paragraph", (), {"kind": kind})})


def test_sentence_ends_the_model_missed_are_cut_but_not_after_abbreviations():
    from attriblint.statistics import sentence_spans

    text = "Oil rose to 418.6m. On Monday Mr. Brown met Gen. Smith at 5 p.m. Tuesday in St. Louis."
    heading = "Markets in brief. Oil rises"
    analysis = type("Analysis", (), {"lexicons": {"abbreviations": ["Mr", "Gen", "p.m", "St"]},
                                     "sentences": [_Sentence(text, 10), _Sentence(heading, 200, "heading")]})
    assert [text[s - 10:e - 10] for s, e in sentence_spans(analysis)] == [
        "Oil rose to 418.6m.", "On Monday Mr. Brown met Gen. Smith at 5 p.m. Tuesday in St. Louis."]


def test_textstat_reads_one_sentence_per_text():
    import textstat

    from attriblint.statistics import as_sentences

    joined = as_sentences(["Mr. Brown met the U.S. envoy at 5 p.m. on Jan. 5", "Prices rose 4.5%!"])
    assert joined == "Mr Brown met the US envoy at 5 pm on Jan 5. Prices rose 45%."
    assert textstat.sentence_count(joined) == 2


def test_a_one_sentence_paragraph_is_reported_once(run, isolated):
    sentence = ("The council, which had already put off the vote twice because of legal advice about the "
                "planning rules that applied to the site, said on Monday that it would now decide in June, "
                "after a consultation with residents and businesses in the area that opponents said was "
                "too short and unfair.")
    (isolated / "one.txt").write_text(f"Budget\n\n{sentence}\n", encoding="utf-8")
    (isolated / ".attriblint.yaml").write_text(
        "rule-settings:\n  readability:\n    checks:\n"
        "      - {scope: sentence, metric: words, max: 40, message: 'sentence of {words} words'}\n"
        "      - {scope: paragraph, metric: words, max: 30, message: 'paragraph of {words} words'}\n",
        encoding="utf-8")
    result = run("check", "one.txt", "--select", "readability", "--format", "json")
    found = json.loads(result.out)["files"][0]["findings"]
    assert [(f["line"], f["column"], f["message"]) for f in found] == [(3, 1, "sentence of 51 words")]
