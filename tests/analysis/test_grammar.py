"""Who speaks a verb when the small model's parse goes wrong. The parses below are ones the
model gives news sentences (written here token by token, so the test does not depend on the
model making the same mistake on a given sentence)."""
import pytest

from attriblint.analysis.grammar import speaker_nearby, subject_of


@pytest.fixture(scope="module")
def vocab():
    spacy = pytest.importorskip("spacy")
    return spacy.blank("en").vocab


def _doc(vocab, rows):
    """rows: (word, pos, dep, head index) per token; the head of the root is itself."""
    from spacy.tokens import Doc

    words, pos, deps, heads = zip(*rows)
    return Doc(vocab, words=list(words), pos=list(pos), deps=list(deps), heads=list(heads))


def _speaker(doc, verb_index):
    subject = subject_of(doc[verb_index])
    return subject.text if subject is not None else None


def test_a_subject_inside_the_quotation_is_not_the_speaker(vocab):
    # “The toll, that was absurd,” the harbour master said.  ("toll" parsed as a second subject)
    doc = _doc(vocab, [("“", "PUNCT", "punct", 10), ("The", "DET", "det", 2), ("toll", "NOUN", "nsubj", 10),
                       (",", "PUNCT", "punct", 2), ("that", "PRON", "nsubj", 5), ("was", "AUX", "relcl", 2),
                       ("absurd", "ADJ", "acomp", 5), (",", "PUNCT", "punct", 10), ("”", "PUNCT", "punct", 10),
                       ("master", "NOUN", "nsubj", 10), ("said", "VERB", "ROOT", 10), (".", "PUNCT", "punct", 10)])
    assert _speaker(doc, 10) == "master"


def test_the_name_in_a_relative_clause_speaks_not_the_pronoun(vocab):
    # the reasons that Okafor refuses to pay  ("that" and "Okafor" both parsed as subjects)
    doc = _doc(vocab, [("the", "DET", "det", 1), ("reasons", "NOUN", "ROOT", 1), ("that", "PRON", "nsubj", 4),
                       ("Okafor", "PROPN", "nsubj", 4), ("refuses", "VERB", "relcl", 1),
                       ("to", "PART", "aux", 6), ("pay", "VERB", "xcomp", 4)])
    assert _speaker(doc, 4) == "Okafor"


def test_a_name_between_the_quotation_and_the_verb_speaks_it(vocab):
    # “…our fishermen,” Okafor, a council ally, said.  ("Okafor" hung on the quoted noun)
    doc = _doc(vocab, [("“", "PUNCT", "punct", 11), ("Help", "VERB", "ccomp", 11), ("our", "PRON", "poss", 3),
                       ("fishermen", "NOUN", "dobj", 1), (",", "PUNCT", "punct", 3), ("”", "PUNCT", "punct", 3),
                       ("Okafor", "PROPN", "appos", 3), (",", "PUNCT", "punct", 6), ("a", "DET", "det", 9),
                       ("ally", "NOUN", "appos", 6), (",", "PUNCT", "punct", 11), ("said", "VERB", "ROOT", 11),
                       (".", "PUNCT", "punct", 11)])
    assert _speaker(doc, 11) == "Okafor"


def test_an_age_between_the_name_and_the_verb(vocab):
    # After the hearing, Ann Vale, 44, said the pier was safe.  ("Vale" hung on "hearing")
    doc = _doc(vocab, [("After", "ADP", "prep", 8), ("the", "DET", "det", 2), ("hearing", "NOUN", "pobj", 0),
                       (",", "PUNCT", "punct", 2), ("Ann", "PROPN", "compound", 5), ("Vale", "PROPN", "appos", 2),
                       (",", "PUNCT", "punct", 5), ("44", "NUM", "appos", 5), ("said", "VERB", "ROOT", 8),
                       ("it", "PRON", "nsubj", 10), ("held", "VERB", "ccomp", 8), (".", "PUNCT", "punct", 8)])
    assert speaker_nearby(doc[8]).text == "Vale"


def test_a_name_made_a_second_subject_of_its_relative_clause(vocab):
    # Vale, meanwhile, who sits on the board, said it held.  ("Vale" parsed as a subject of "sits")
    doc = _doc(vocab, [("Vale", "PROPN", "nsubj", 5), (",", "PUNCT", "punct", 5), ("meanwhile", "ADV", "advmod", 5),
                       (",", "PUNCT", "punct", 5), ("who", "PRON", "nsubj", 5), ("sits", "VERB", "ccomp", 10),
                       ("on", "ADP", "prep", 5), ("the", "DET", "det", 8), ("board", "NOUN", "pobj", 6),
                       (",", "PUNCT", "punct", 10), ("said", "VERB", "ROOT", 10), ("it", "PRON", "nsubj", 12),
                       ("held", "VERB", "ccomp", 10), (".", "PUNCT", "punct", 10)])
    assert speaker_nearby(doc[10]).text == "Vale"


def test_a_speaker_named_after_the_verb_at_the_end_of_the_sentence(vocab):
    # The pier will reopen, said a port official.  (no subject; the name follows the verb)
    doc = _doc(vocab, [("The", "DET", "det", 1), ("pier", "NOUN", "nsubj", 3), ("will", "AUX", "aux", 3),
                       ("reopen", "VERB", "ccomp", 5), (",", "PUNCT", "punct", 5), ("said", "VERB", "ROOT", 5),
                       ("a", "DET", "det", 8), ("port", "NOUN", "compound", 8), ("official", "NOUN", "dobj", 5),
                       (".", "PUNCT", "punct", 5)])
    assert speaker_nearby(doc[5]).text == "official"


def test_no_speaker_after_a_verb_that_opens_the_line(vocab):
    # Declared Harbour Candidates.  (a list's heading: the noun is what was declared)
    doc = _doc(vocab, [("Declared", "VERB", "ROOT", 0), ("Harbour", "PROPN", "compound", 2),
                       ("Candidates", "PROPN", "dobj", 0), (".", "PUNCT", "punct", 0)])
    assert speaker_nearby(doc[0]) is None


def test_a_source_span_leaves_out_the_end_of_a_quotation_hung_on_its_name():
    """The small model sometimes makes the quotation's last words modifiers of the speaker's
    name ("…top-notch,” Gene Marsh, an adviser, said"): the parse is given here as it came."""
    from spacy.tokens import Doc

    from attriblint.analysis import Block
    from attriblint.analysis.grammar import source_span
    from attriblint.nlp import Pipeline

    words = ["“", "All", "is", "top", "-", "notch", ",", "”", "Gene", "Marsh", ",", "an", "adviser", ",", "said", "."]
    heads = [14, 2, 14, 5, 5, 9, 9, 9, 9, 14, 9, 12, 9, 9, 14, 14]
    deps = ["punct", "nsubj", "ccomp", "amod", "punct", "amod", "punct", "punct", "compound", "nsubj", "punct",
            "det", "appos", "punct", "ROOT", "punct"]
    doc = Doc(Pipeline({"parse"}).vocab, words=words, heads=heads, deps=deps)
    block = Block(0, len(doc.text), None, doc, doc.text)
    start, end = source_span(block, doc[9])
    assert doc.text[start:end] == "Gene Marsh , an adviser"
