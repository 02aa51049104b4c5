from attriblint.document import from_text


def test_positions_count_code_points_and_crlf():
    doc = from_text("Héllo 👋 wörld\r\nSecond line\r\n", "a.txt")
    assert doc.position(0) == (1, 1)
    assert doc.position(doc.text.index("wörld")) == (1, 9)
    assert doc.position(doc.text.index("Second")) == (2, 1)
    assert doc.text.index("Second") == 15  # 13 code points, then CR and LF
    assert doc.line_text(1) == "Héllo 👋 wörld"


def test_combining_characters_are_separate_code_points():
    doc = from_text("Cafe\u0301 owner said.\n", "a.txt")
    assert doc.position(doc.text.index("owner")) == (1, 7)


def test_text_paragraphs_one_a_line_or_wrapped():
    text = "First line is\nwrapped here.\nSecond paragraph.\n\nThird\n"
    doc = from_text(text, "a.txt")
    assert [text[p.start:p.end] for p in doc.paragraphs] == [
        "First line is\nwrapped here.", "Second paragraph.", "Third"]


def test_markdown_masks_in_place_and_keeps_offsets():
    text = ("---\ntitle: A story\n---\n# Head *line*\n\nSee `code` and [the report](http://x.org/a \"t\") "
            "<!-- note -->\nhere.\n\n```\nmoved to more advantageous positions\n```\n")
    doc = from_text(text, "a.md")
    assert len(doc.prose) == len(text)
    assert doc.front_matter == {"title": "A story"}
    assert "code" not in doc.prose and "http" not in doc.prose and "note" not in doc.prose
    assert "advantageous" not in doc.prose
    assert doc.prose[text.index("the report"):text.index("the report") + 10] == "the report"
    kinds = [(p.kind, doc.prose[p.start:p.end]) for p in doc.paragraphs]
    assert kinds[0] == ("heading", "Head  line")
    assert kinds[1][0] == "paragraph" and kinds[1][1].startswith("See") and kinds[1][1].endswith("here.")
    assert len(kinds) == 2


def test_html_masks_tags_scripts_and_code():
    text = "<html><style>p{}</style><h1>Title</h1><p>Troops <b>retreated</b>.</p><pre>x = 1</pre></html>"
    doc = from_text(text, "a.html")
    assert [(p.kind, doc.prose[p.start:p.end]) for p in doc.paragraphs] == [
        ("heading", "Title"), ("paragraph", "Troops    retreated    .")]


def test_quotes_curly_straight_and_multi_paragraph():
    text = ("“We held the line.\n\n“We will hold it again,” he said.\n\n"
            "She called it \"a setback\" and left.\n\nAn ‘odd’ word, and Kyiv’s reply.\n")
    doc = from_text(text, "a.md")
    quoted = [text[q.start:q.end] for q in doc.quotes]
    assert quoted == ["“We held the line.", "“We will hold it again,”", "\"a setback\"", "‘odd’"]
    assert doc.quotes[0].group == doc.quotes[1].group
    assert doc.quote_at(text.index("hold it")) is doc.quotes[1]
    assert doc.quote_at(text.index("reply")) is None


def test_unbalanced_quote_stops_at_paragraph_end():
    text = "He said “this never closes.\n\nNext paragraph is plain.\n"
    doc = from_text(text, "a.txt")
    assert [text[q.start:q.end] for q in doc.quotes] == ["“this never closes."]
    assert doc.quote_at(text.index("plain")) is None


def test_typewriter_pairs_are_double_quotes():
    text = ("Critics called it ''a disaster,'' and left.\n\n``It's over,'' she said.\n\n"
            "He said: ''We will win.\n\n''And we will stay.''\n\nThe students'' union met.\n")
    doc = from_text(text, "a.txt")
    assert [text[q.start:q.end] for q in doc.quotes] == [
        "''a disaster,''", "``It's over,''", "''We will win.", "''And we will stay.''"]
    assert [text[slice(*q.inner)] for q in doc.quotes[:2]] == ["a disaster,", "It's over,"]
    assert doc.quotes[2].group == doc.quotes[3].group  # reopened on the next paragraph
    assert doc.quote_at(text.index("union")) is None


def test_marks_typed_the_wrong_way_round():
    text = ("Aides wanted to ”get close to her” on policy.\n\n”We held,” she said.\n\n"
            "He asked for an “urgent review“ of the pipes.\n\n“It failed,\" said Ann. \"Again.”\n\n"
            "A stray ” mark opens nothing.\n")
    doc = from_text(text, "a.txt")
    assert [(q.start, q.end, q.closed) for q in doc.quotes] == [
        (16, 34, True), (47, 57, True), (85, 100, True), (116, 128, True), (139, 147, True)]
    assert [text[slice(*q.inner)] for q in doc.quotes] == [
        "get close to her", "We held,", "urgent review", "It failed,", "Again."]
    assert doc.quote_at(text.index("stray")) is None


def test_a_quote_reopened_with_a_closing_mark_runs_on():
    text = "“We held the line.\n\n”And we will hold it,” he said.\n"
    doc = from_text(text, "a.txt")
    assert [text[q.start:q.end] for q in doc.quotes] == ["“We held the line.", "”And we will hold it,”"]
    assert doc.quotes[0].group == doc.quotes[1].group


def test_a_straight_quote_reopened_before_it_closed_runs_on():
    text = 'He added: "We held the line. "We will hold it again," he said.\n'
    doc = from_text(text, "a.txt")
    assert [(text[q.start:q.end], q.closed) for q in doc.quotes] == [
        ('"We held the line. ', False), ('"We will hold it again,"', True)]
    assert doc.quotes[0].group == doc.quotes[1].group
    assert doc.quote_at(text.index("hold it")) is doc.quotes[1]
    assert doc.quote_at(text.index("he said")) is None
