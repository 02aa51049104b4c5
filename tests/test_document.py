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


def test_two_apostrophes_open_and_close_a_quotation():
    from attriblint.quotes import find_quotes

    text = "Costs rose ''because owners expect it,'' she said, and ''that is that.''"
    quotes = find_quotes(text, [(0, len(text))])
    assert [(text[q.start:q.end], text[slice(*q.inner)]) for q in quotes] == [
        ("''because owners expect it,''", "because owners expect it,"), ("''that is that.''", "that is that.")]
