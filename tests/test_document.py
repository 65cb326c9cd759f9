"""Decoding, line breaks, positions and prose masking."""

from __future__ import annotations

import codecs

import pytest

from presslint.decoding import BinaryFileError, Decoded, decode
from presslint.document import Document, LineIndex
from presslint.markup import MASK

from .conftest import document


def test_line_index_maps_offsets_to_lines_and_columns() -> None:
    index = LineIndex("ab\ncde\n\nf")
    assert index.position(0) == (1, 1)
    assert index.position(2) == (1, 3)  # the line break itself
    assert index.position(3) == (2, 1)
    assert index.position(8) == (4, 1)
    assert index.position(9) == (4, 2)  # the end of the text
    assert index.line_count == 4


def test_columns_count_code_points_not_bytes() -> None:
    doc = document("Café “quoted” Teh\n")
    start = doc.text.index("Teh")
    assert doc.lines.position(start) == (1, 15)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_line_break_style_gives_the_same_positions(newline: str) -> None:
    doc = document(newline.join(["one", "two  words", "three"]) + newline)
    assert doc.text == "one\ntwo  words\nthree\n"
    assert doc.source.newline == newline
    assert doc.source.line_breaks is None
    assert doc.lines.position(doc.text.index("words")) == (2, 6)


def test_mixed_line_breaks_are_remembered_per_line() -> None:
    doc = document("a\r\nb\nc\r\n")
    assert doc.source.newline == "\r\n"
    assert doc.source.line_breaks == ("\r\n", "\n", "\r\n")


@pytest.mark.parametrize(("bom", "encoding"), [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
])
def test_byte_order_marks_pick_the_encoding(bom: bytes, encoding: str) -> None:
    decoded = decode(bom + "Zürich – “today”\n".encode(encoding))
    assert decoded.text == "Zürich – “today”\n"
    assert (decoded.encoding, decoded.bom, decoded.guessed) == (encoding, True, False)


def test_windows_1252_is_detected_and_flagged_as_guessed() -> None:
    decoded = decode("The café said “hello” – twice.\n".encode("cp1252"))
    assert decoded.text == "The café said “hello” – twice.\n"
    assert decoded.guessed and decoded.encoding == "cp1252"


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(BinaryFileError):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_markdown_prose_masks_code_links_and_front_matter() -> None:
    text = ("---\ndate: 2024-03-18\n---\n# Title\n\nSee [the site](https://example.com/a.B) and `code.Here`.\n"
            "```\nfenced.Code  here\n```\n![logo](img.png)\nMail press@example.com or visit www.example.org.\n")
    doc = Document("release.md", text)
    prose = doc.prose
    assert len(prose) == len(text)
    assert prose.count("\n") == text.count("\n")
    for hidden in ("date: 2024", "https://example.com", "code.Here", "fenced.Code", "logo", "press@example.com",
                   "www.example.org"):
        start = text.index(hidden)
        assert set(prose[start:start + len(hidden)]) == {MASK}, hidden
    assert "the site" in prose and "# Title" in prose


def test_html_prose_masks_tags_scripts_and_comments() -> None:
    text = '<p class="x">Hello <b>world</b>.</p><script>var a.B = 1;</script><!-- note --><pre>x  y</pre>\n'
    prose = Document("r.html", text).prose
    assert "Hello" in prose and "world" in prose
    for hidden in ('class="x"', "var a.B", "note", "x  y"):
        assert hidden not in prose


def test_plain_text_keeps_prose_but_masks_addresses() -> None:
    doc = Document("r.txt", "Visit https://a.example.com/x?y=1. Then call.\n")
    assert "https" not in doc.prose and "Then call." in doc.prose


def test_tokens_and_sentences_are_computed_once_from_prose() -> None:
    doc = document("Teh U.S. deal closed. It's final! Mr. Smith agreed.\nNext line here\n")
    assert [t.text for t in doc.tokens][:3] == ["Teh", "U.S", "deal"]
    assert doc.tokens is doc.tokens
    sentences = [doc.text[s.start:s.end] for s in doc.sentences]
    assert sentences == ["Teh U.S. deal closed.", "It's final!", "Mr. Smith agreed.", "Next line here"]


def test_the_encoding_is_named_as_people_know_it() -> None:
    from presslint.kinds.whitespace.characters import encoding_name

    from .conftest import run

    assert [d.message for d in run("W114", "Caf\u00e9 \u201cquoted\u201d.\n".encode("cp1252"))] == [
        "file is not UTF-8; it looks like windows-1252"]
    assert encoding_name("iso8859-15") == "ISO-8859-15" and encoding_name("cp932") == "cp932"




def test_windows_1252_wins_a_tie_of_the_detectors_scores() -> None:
    # "naïve" is "naďve" in Windows-1250: the texts differ, the detector rates both code
    # pages alike and names 1250 first. English press-release bytes are 1252's.
    release = "The café opens. “We are délighted,” said the naïve owner – really.\n"
    assert decode(release.encode("cp1252")) == Decoded(release, "cp1252", bom=False, guessed=True)
    polish = "Zażółć gęślą jaźń. Łódź i Kraków są w Polsce, a Szczecin też.\n"
    assert decode(polish.encode("cp1250")).encoding == "cp1250"

# Joiners between letters, doubled joiners, a joiner at a word's edge, underscores, digits,
# curly apostrophes, spaces and line breaks of every sort between words.
_TRICKY = ("It's U.S.-based Wi-Fi--really: a.b.c x'.y a..b e-mail’s 3.5% _under_score "
           "word\nword  next \n\n after 'quoted' (paren) end.")


def test_words_keep_inner_joiners_and_drop_those_at_their_edges() -> None:
    from presslint.document import Tokens

    assert Tokens(_TRICKY).texts == [
        "It's", "U.S", "based", "Wi-Fi", "really", "a.b.c", "x", "y", "a", "b", "e-mail’s", "3.5",
        "_under_score", "word", "word", "next", "after", "quoted", "paren", "end"]


def test_a_long_prose_is_tokenized_in_chunks_to_the_same_words(monkeypatch: pytest.MonkeyPatch) -> None:
    # Cut at white space a chunk at a time (so a long text's strings are not all alive at
    # once before interning): the same words and offsets, one string per distinct word.
    import presslint.document as document_module
    from presslint.scan import WORD_PATTERN

    prose = _TRICKY * 7
    monkeypatch.setattr(document_module, "_CHUNK", 5)
    tokens = document_module.Tokens(prose)
    assert tokens.texts == WORD_PATTERN.findall(prose)
    assert list(tokens.starts) == [match.start() for match in WORD_PATTERN.finditer(prose)]
    words = {id(text) for text in tokens.texts}
    assert len(words) == len(set(tokens.texts))


def test_locate_finds_exactly_the_tokens_of_the_tokenizer() -> None:
    from presslint.document import Tokens
    from presslint.scan import locate

    tokens = Tokens(_TRICKY)
    expected = sorted(zip(tokens.starts, tokens.texts, strict=True))
    assert locate(_TRICKY, set(tokens.texts)) == expected
    # Parts of a token are not tokens ("S" of "U.S", "Fi" of "Wi-Fi", "mail" of
    # "e-mail’s"); "b" is one only in "a..b".
    assert locate(_TRICKY, ["S", "Fi", "b", "mail"]) == [(_TRICKY.index("a..b") + 3, "b")]


def test_next_words_agrees_with_the_token_sequence() -> None:
    from presslint.document import Tokens
    from presslint.scan import next_words

    tokens = Tokens(_TRICKY)
    for index in range(len(tokens) - 1):
        here, after = tokens[index], tokens[index + 1]
        gap = _TRICKY[here.end:after.start]
        adjacent = gap.replace(" ", "") in ("", "\n")
        assert next_words(_TRICKY, here.end, 1) == ([after] if adjacent else []), (here, gap)


def test_next_words_stops_at_punctuation_and_blank_lines() -> None:
    from presslint.scan import next_words

    text = "its own\nway, and\n\nmore"
    assert [t.text for t in next_words(text, 3, 3)] == ["own", "way"]
    assert next_words(text, text.index("and") + 3, 1) == []


def test_one_token_offset_without_every_offset() -> None:
    from presslint.document import Tokens

    expected = list(Tokens(_TRICKY).starts)
    for index in range(len(expected)):
        tokens = Tokens(_TRICKY)  # fresh: no offsets found yet
        assert tokens.start_of(index) == expected[index]
        assert tokens[index].start == expected[index]
    tokens = Tokens(_TRICKY)
    assert [tokens.start_of(i) for i in range(len(expected))] == expected  # past the single-offset limit too


def test_the_ascii_tokenizer_is_used_only_where_it_finds_the_same_words() -> None:
    import re

    from presslint.document import Tokens

    accented = document("It’s a “quoted” café—no, a cafe\u00a0bar.\n")
    assert "café" in accented.tokens.texts
    assert not accented.tokens._pattern.flags & re.ASCII  # é is a letter: Unicode words needed
    plain = document("It’s a “quoted” cafe—no\u00a0bar.\n")
    assert plain.tokens._pattern.flags & re.ASCII
    assert plain.tokens.texts == Tokens(plain.prose).texts == ["It’s", "a", "quoted", "cafe", "no", "bar"]
    assert plain.tokens.starts == Tokens(plain.prose).starts


def test_token_offsets_found_by_walking_from_a_known_neighbour() -> None:
    from presslint.document import Tokens

    expected = list(Tokens(_TRICKY).starts)
    middle = len(expected) // 2
    tokens = Tokens(_TRICKY)
    assert tokens.start_of(middle) == expected[middle]
    for index in (middle + 1, middle + 5, middle - 1, middle - 6, len(expected) - 1, 0):
        assert tokens.start_of(index) == expected[index], index


def test_start_of_places_rare_and_repeated_words() -> None:
    from presslint.document import Tokens

    prose = "Teh plan, the Teh-like plan and Teh. Unique words once.\n"
    expected = list(Tokens(prose).starts)
    for index in range(len(expected)):
        assert Tokens(prose).start_of(index) == expected[index], index  # fresh: no neighbour known


def test_locate_in_one_pass_finds_what_the_word_searches_find(monkeypatch: pytest.MonkeyPatch) -> None:
    import presslint.scan as scan_module
    from presslint.document import Tokens

    tokens = Tokens(_TRICKY)
    words = {"Wi-Fi", "b", "word", "It's", "S", "x"}
    by_word = scan_module.locate(_TRICKY, words)
    monkeypatch.setattr(scan_module, "_SEARCH_BUDGET", 0)  # as for a long text
    assert scan_module.locate(_TRICKY, words) == by_word
    assert scan_module.locate(_TRICKY, words, tokens) == by_word  # over the tokens' offsets
    assert [word for _, word in by_word] == [t for t in tokens.texts if t in words]


def test_matches_of_split_patterns_come_in_the_order_of_the_text() -> None:
    import re

    from presslint.scan import matches_in_order

    text = "Wait! Really? Yes. No! Fine."
    patterns = [re.compile(re.escape(mark) + r" ?") for mark in ".!?"]
    assert [m.group().strip() for m in matches_in_order(patterns, text)] == ["!", "?", ".", "!", "."]
    assert matches_in_order([], text) == []


def test_the_word_rules_read_entities_decoded_and_findings_map_back() -> None:
    from presslint.diagnostic import Diagnostic, Edit, Fix, Severity, Span

    text = "<h1>R&amp;D</h1>\n<p>it&rsquo;s&nbsp;new &mdash; Caf&eacute;</p>\n"
    doc = Document("r.html", text)
    view, to_text = doc.for_words
    assert to_text is not None
    assert view.text == "<h1>R&D</h1>\n<p>it’s&nbsp;new — Café</p>\n"
    assert view.tokens.texts == ["R", "D", "it’s", "new", "Café"]
    # The headings found on the file hold for the view.
    assert [view.text[s.start:s.end] for s in view.headings] == ["<h1>R&D</h1>"]
    start = view.text.index("it’s")
    found = Diagnostic("r.html", Span(start, start + 4), "T104", "its-it-s", Severity.ERROR, "m",
                       Fix("f", (Edit(Span(start, start + 4), "its"),)))
    mapped = to_text(found)
    assert text[mapped.span.start:mapped.span.end] == "it&rsquo;s"
    assert mapped.fix is not None and mapped.fix.edits[0].span == mapped.span
    cafe = view.text.index("Café")
    assert text[to_text(Diagnostic("r.html", Span(cafe, cafe + 4), "T", "t", Severity.ERROR, "m")).span.start:][:11] \
        == "Caf&eacute;"


def test_a_document_without_entities_is_its_own_view() -> None:
    doc = Document("r.html", "<p>Plain text.</p>\n")
    assert doc.for_words == (doc, None)
    # Plain text has no markup: an entity there is W112's business, left as written.
    plain = Document("r.txt", "Smith &amp; Wesson\n")
    assert plain.for_words == (plain, None)


def test_the_next_word_is_found_across_markup_between_words() -> None:
    from presslint.scan import next_words

    doc = Document("r.md", "It expands its **new** plant.\n")
    after_its = doc.text.index("its") + 3
    assert [token.text for token in next_words(doc.prose, after_its, 2)] == ["new", "plant"]
