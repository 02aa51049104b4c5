import subprocess
import sys

from attriblint import nlp
from attriblint.analysis import Analysis
from attriblint.document import from_text
from attriblint.nlp import Pipeline, pipes_for
from tests.conftest import ROOT

PARAGRAPHS = [
    "The council voted on Tuesday to close the library, the mayor said.",
    "Residents protested outside the town hall for three hours.",
    "A spokeswoman for the council declined to comment on the decision.",
]


def test_each_need_loads_only_its_pipes():
    assert pipes_for(set()) == set()
    assert pipes_for({"sentences"}) == {"senter"}
    assert "parser" not in pipes_for({"lemmas"}) and "ner" not in pipes_for({"lemmas"})
    assert pipes_for({"lemmas", "parse"}) == {"tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser"}
    assert "ner" in pipes_for({"entities"}) and "senter" not in pipes_for({"entities"})
    loaded = Pipeline({"lemmas"}).nlp
    assert loaded.pipe_names == ["tok2vec", "tagger", "senter", "attribute_ruler", "lemmatizer"]


def test_model_tokenizer_is_the_one_a_plain_load_gives():
    """The empty tokenizer built at load is filled from the model: the same rules, patterns and
    special cases as spaCy's own load, which first builds the language defaults."""
    import spacy

    plain = spacy.load(nlp.resolve_model(), exclude=["ner", "parser"])
    ours = Pipeline({"lemmas"}).nlp.tokenizer
    assert ours.to_bytes(exclude=["vocab"]) == plain.tokenizer.to_bytes(exclude=["vocab"])
    text = "Mr. O'Neill can't say, e.g., whether U.S.-led talks (in N.Y.) go ahead at 5pm :)"
    assert [t.text for t in ours(text)] == [t.text for t in plain.tokenizer(text)]
    assert [t.text for t in ours(text)][:4] == ["Mr.", "O'Neill", "ca", "n't"]


def test_repeated_paragraphs_are_parsed_once_across_drafts():
    pipeline = Pipeline({"lemmas"})
    pasted = "\n".join(PARAGRAPHS * 4) + "\n"  # one article pasted four times
    blocks = Analysis(from_text(pasted, "a.txt"), pipeline).blocks
    assert len(blocks) == 12
    assert pipeline.parsed == 3
    assert blocks[0].doc is blocks[3].doc  # the repeat shares the parse
    assert [t.lemma_ for t in blocks[3].doc][:3] == ["the", "council", "vote"]
    Analysis(from_text(PARAGRAPHS[1] + "\nA new closing line was added.\n", "b.txt"), pipeline).blocks
    assert pipeline.parsed == 4  # the second draft shares one paragraph with the first


def test_memo_stays_within_its_bound(monkeypatch):
    monkeypatch.setattr(nlp, "MEMO_CHARS", 2 * len(PARAGRAPHS[0]))
    pipeline = Pipeline({"sentences"})
    pipeline.parse(PARAGRAPHS)
    assert list(pipeline._memo) == PARAGRAPHS[1:]  # the oldest went first
    assert pipeline._memo_chars == len(PARAGRAPHS[1]) + len(PARAGRAPHS[2])
    pipeline.parse([PARAGRAPHS[0]])
    assert pipeline.parsed == 4


def test_text_only_rules_never_import_spacy(tmp_path):
    """A pattern-only pack (needs nothing) checks drafts without spaCy on the import path."""
    (tmp_path / "house.yaml").write_text(
        "rules:\n  - id: house-style\n    kind: phrase\n    severity: warning\n"
        "    message: 'write \"{match}\" out in full'\n    entries:\n      - pattern: '\\bgovt\\b'\n",
        encoding="utf-8")
    (tmp_path / ".attriblint.yaml").write_text("rules: [house.yaml]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("The govt said so.\n", encoding="utf-8")
    script = ("import sys\nfrom attriblint.cli import main\n"
              "try:\n    main(['check', '--select', 'house-style', '--format', 'concise', 'a.txt'])\n"
              "except SystemExit as exit:\n"
              "    assert 'spacy' not in sys.modules, 'spacy was imported'\n    sys.exit(exit.code)\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": ""}, timeout=60)
    assert done.returncode == 1, done.stderr
    assert done.stdout.strip() == "a.txt:1:5: house-style write \"govt\" out in full"
    assert not (tmp_path / ".attriblint_cache").exists()
