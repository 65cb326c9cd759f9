"""Markdown and HTML: only prose is checked, and every finding points into the file
exactly. Each construct below hides a doubled space ("a  b") that must not be reported;
the prose around it has one that must."""

from __future__ import annotations

import pytest

from presslint import check_text
from presslint.config import Config
from presslint.document import Document

ONLY_W104 = Config(select=("W104",))

MARKDOWN_CONSTRUCTS = {
    "front matter": "---\ntitle: a  b\n---\n",
    "fenced code": "```\ncode  here\n```\n",
    "tilde fence": "~~~text\ncode  here\n~~~\n",
    "indented code": "\n    code  here\n",
    "html block": "<div>\nraw  html\n</div>\n",
    "html comment": "<!-- note  here -->\n",
    "inline code": "Use `two  spaces` here.\n",
    "inline code across lines": "Use `two\nspaces  inside` here.\n",
    "link destination": "See [the site](https://example.com/a \"a  title\") now.\n",
    "image": "![logo  alt](logo.png)\n",
    "autolink": "Write <https://example.com/a__b>.\n",
    "reference definition": "[ref]: https://example.com/x  \"title  here\"\n",
}


@pytest.mark.parametrize("construct", sorted(MARKDOWN_CONSTRUCTS))
def test_markdown_construct_is_not_prose(construct: str) -> None:
    hidden = MARKDOWN_CONSTRUCTS[construct]
    text = f"{hidden}\nProse  here.\n" if construct == "front matter" else f"Prose  here.\n\n{hidden}"
    found = check_text(text, path="release.md", config=ONLY_W104)
    line = text[:text.index("Prose  here")].count("\n") + 1
    assert [(d.code, text.count("\n", 0, d.span.start) + 1) for d in found] == [("W104", line)], construct


def test_link_text_and_headings_are_prose() -> None:
    text = "# Big  news\n\nRead [the  report](https://example.com) today.\n"
    found = check_text(text, path="release.md", config=ONLY_W104)
    assert [text[d.span.start - 3:d.span.end + 4] for d in found] == ["Big  news", "the  repo"]


def test_positions_point_into_the_original_markdown() -> None:
    text = "---\ndate: 2024-03-18\n---\n# Title\n\n```\nx.Y  z\n```\nSome `code.Here` and text.The end.\n"
    found = check_text(text, path="release.md", config=Config(select=("W104", "W106")))
    doc = Document("release.md", text)
    assert [(d.code, doc.lines.position(d.span.start)) for d in found] == [("W106", (9, 26))]
    assert text[found[0].span.start] == "."


def test_html_prose_only() -> None:
    text = ('<html><head><style>p  { color: red }</style><script>var a  = 1;</script></head>\n'
            '<body><h1 class="a  b">Big  news</h1><p>Fine <b>text</b>.<pre>keep  this</pre></p>\n'
            '<!-- a  comment --></body></html>\n')
    found = check_text(text, path="release.html", config=ONLY_W104)
    assert [text[d.span.start - 3:d.span.end + 4] for d in found] == ["Big  news"]


def test_headings_are_known() -> None:
    md = Document("r.md", "Title\n=====\n\nText.\n\n## Second  one\n")
    assert [md.text[s.start:s.end] for s in md.headings] == ["Title\n=====", "## Second  one"]
    plain = Document("r.md", "# One\n\nText.\n")
    assert [plain.text[s.start:s.end] for s in plain.headings] == ["# One"]
    html = Document("r.html", "<h2>About us</h2><p>x</p>")
    assert [html.text[s.start:s.end] for s in html.headings] == ["<h2>About us</h2>"]


def test_documents_without_code_blocks_need_no_block_parser() -> None:
    """The fast path is taken only where markdown-it would find no code or HTML block, and
    then masks exactly the inline constructs."""
    from presslint import markup

    text = "# T\n\nPara with `code` and [link](http://x.y/z) and ![i](p.png).\n\n- item  one\n"
    fast = markup.parse(text, "markdown")
    assert markup._markdown_blocks(text, ("fence", "code_block", "html_block")) == {
        "fence": [], "code_block": [], "html_block": []}
    assert fast.prose.count(markup.MASK) == len("`code`") + len("(http://x.y/z)") + len("![i](p.png)")


def test_html_parser_handles_entities_attributes_and_broken_markup() -> None:
    text = ('<!DOCTYPE html>\n<p title="a  b">R&amp;D  grew &#8217; <a href="x.html">here</a>.</p>\n'
            '<p>Unclosed <b>bold  text\n<script>if (a  < b) {}\n')
    found = check_text(text, path="r.htm", config=ONLY_W104)
    assert [text[d.span.start - 1:d.span.end + 1] for d in found] == ["D  g", "d  t"]


def test_an_address_that_ends_before_its_at_sign_is_masked_once_and_the_scan_goes_on() -> None:
    from presslint.markup import MASK, parse

    # The address found for the second at sign is the first one again; the sign left over
    # is no address. The URL is masked once, whatever anchors it holds.
    text = "Write a@b.co@ or x@y.org, and see www.acme.com/www.shop today.\n"
    prose = parse(text, "text").prose
    assert prose.replace(MASK, "#") == "Write ######@ or #######, and see ##################### today.\n"


# -- markup never hides a word ---------------------------------------------------------------

def _shown(text: str, syntax: str) -> str:
    """The prose with MASK as "#" and SEPARATOR as "|", for reading."""
    from presslint.markup import MASK, SEPARATOR, parse

    return parse(text, syntax).prose.replace(MASK, "#").replace(SEPARATOR, "|")


@pytest.mark.parametrize(("text", "prose"), [
    ("We **recieve** it and *teh* board.\n", "We ||recieve|| it and |teh| board.\n"),
    ("__bold__ and _italic_ and ***both***\n", "||bold|| and |italic| and |||both|||\n"),
    ("[Teh link](https://x.com) and [ref][1].\n", "|Teh link|############### and |ref|###.\n"),
    # Not emphasis: a product of numbers, snake_case, a lone footnote mark, code.
    ("2 * 3 * 4 and snake_case_name and *Terms apply\n", "2 * 3 * 4 and snake_case_name and *Terms apply\n"),
    ("Use `**not bold**` here.\n", "Use ############## here.\n"),
    ("We <strong>recieve</strong> it.<br>Teh end.\n", "We #######|recieve|######## it.###\nTeh end.\n"),
    # A table's cells read as lines of their own.
    ("| A | B |\n|---|---|\n| Teh | x |\n", "\n A \n B \n\n\n---\n---\n\n\n Teh \n x \n\n"),
])
def test_markdown_markup_parts_words_without_gluing_them(text: str, prose: str) -> None:
    assert _shown(text, "markdown") == prose


def test_html_tags_next_to_a_word_part_it_and_blocks_start_a_line() -> None:
    text = '<p>Teh board.</p><p class="x"><em>Teh</em> <a href="y">teh</a>.</p>\n'
    assert _shown(text, "html") == "##\nTeh board.####################\nTeh|#### ###########|teh|###.####\n"


def test_entities_are_found_with_what_they_show() -> None:
    from presslint.markup import MASK, SEPARATOR, parse

    html = parse('<p title="a&amp;b">it&rsquo;s&nbsp;R&amp;D&shy;x &bogus;</p>', "html")
    assert html.entities == ((21, 28, "’"), (29, 35, SEPARATOR * 6), (36, 41, "&"), (42, 47, MASK * 5),
                             (49, 56, MASK * 7))
    # In HTML the rules that read the text as written see no entity, as before.
    assert "&" not in html.prose
    markdown = parse("AT&amp;T and &bogus; in `&amp;` code\n", "markdown")
    assert markdown.entities == ((2, 7, "&"),) and "&amp;T" in markdown.prose


@pytest.mark.parametrize(("text", "path", "column", "code"), [
    ("We **recieve** it.\n", "r.md", 6, "T101"),
    ("Note that *teh* board met.\n", "r.md", 12, "T101"),
    ("[Teh link](https://example.com) is here.\n", "r.md", 2, "T101"),
    ("<p>Teh board met.</p>\n", "r.html", 4, "T101"),
    ("<p>We <strong>recieve</strong> it.</p>\n", "r.html", 15, "T101"),
    ("<p>The firm said it&rsquo;s customers love it.</p>\n", "r.html", 18, "T104"),
    ("<p>Our chef&nbsp;recieve&nbsp;awards.</p>\n", "r.html", 18, "T101"),
])
def test_words_in_markup_are_checked_at_their_column(text: str, path: str, column: int, code: str) -> None:
    found = check_text(text, path=path, config=Config(select=("T",)))
    doc = Document(path, text)
    assert [(d.code, doc.lines.position(d.span.start)[1]) for d in found] == [(code, column)]


def test_a_finding_on_a_decoded_entity_covers_the_entity_and_its_fix_keeps_it() -> None:
    text = "<p>The firm said it&rsquo;s customers love it.</p>\n"
    [found] = check_text(text, path="r.html", config=Config(select=("T104",)))
    assert text[found.span.start:found.span.end] == "it&rsquo;s"
    assert found.fix is not None and [text[e.span.start:e.span.end] for e in found.fix.edits] == ["it&rsquo;s"]


def test_whitespace_rules_read_entities_as_written() -> None:
    # "&nbsp;" is no unusual space, and no doubled space appears around a decoded entity.
    text = "<p>A&nbsp;&nbsp;B and it&rsquo;s  fine.</p>\n"
    found = check_text(text, path="r.html", config=Config(select=("W",)))
    assert [(d.code, text[d.span.start:d.span.end]) for d in found] == [("W104", "  ")]


def test_inline_tags_inside_a_word_stay_glue() -> None:
    assert _shown("<p>the 1<sup>st</sup> and H<sub>2</sub>O</p>", "html") == \
        "##\nthe 1#####st|##### and H#####2######O|###"
    assert _shown("<p>one<br>two</p>", "html") == "##\none|##\ntwo|###"


@pytest.mark.parametrize("section", ["<![CDATA[x]]>", "<![CDATA[a\nb] ]>", "<![if !IE]>", "<![endif]>"])
def test_a_marked_section_is_hidden_to_the_end_of_its_close(section: str) -> None:
    text = f"<p>Before {section} after.</p>\n"
    prose = Document("x.html", text).prose
    start = text.index(section)
    # Every character of the section masked (the "]" of "]]>" too), and none after it.
    hidden = prose[start:start + len(section)]
    assert all(not ch.isalnum() and ch not in "<>[]" for ch in hidden), hidden
    assert prose[start + len(section):].startswith(" after.")


def test_a_markdown_document_with_blocks_is_parsed_once_for_its_code_html_and_headings(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from presslint import markup

    text = ("Acme Opens a Warehouse\n======================\n\n<div class=\"logo\">Acme</div>\n\n"
            "## About Acme\n\n```\nTeh code\n```\n\nAcme makes tools.\n")
    parses = []
    parser = markup._block_parser()
    monkeypatch.setattr(parser, "parse", lambda source, *a, **k: parses.append(1) or type(parser).parse(
        parser, source, *a, **k))
    doc = Document("release.md", text)
    assert "Teh" not in doc.prose and "logo" not in doc.prose
    assert [text[s.start:s.end] for s in doc.headings] == [
        "Acme Opens a Warehouse\n======================", "## About Acme"]
    assert len(parses) == 1  # the prose's parse gave the headings too
    assert doc.headings == markup.headings(text, "markdown")  # which parses on its own


@pytest.mark.parametrize(("text", "parsed"), [
    ("Title\n=====\n\nBody.\n", True),
    ("Title\n---\n", True),
    ("Body.\n\n---\n\nMore.\n", False),  # a thematic break: no block parse for the headings
    ("Body.\n   \n---\n", False),  # a line of blanks is blank
    ("---\nBody.\n", False),
])
def test_headings_need_a_block_parse_only_when_a_line_with_text_is_underlined(
        monkeypatch: pytest.MonkeyPatch, text: str, parsed: bool) -> None:
    from presslint import markup

    parses = []
    parser = markup._block_parser()
    monkeypatch.setattr(parser, "parse", lambda source, *a, **k: parses.append(1) or type(parser).parse(
        parser, source, *a, **k))
    found = markup.headings(text, "markdown")
    assert bool(parses) is parsed
    assert found == ([markup.Span(0, text.index("\n", text.index("\n") + 1))] if parsed else [])


def test_the_words_view_of_markdown_with_blocks_takes_its_headings_from_the_one_parse(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from presslint import markup

    text = "Acme&rsquo;s Day\n================\n\n<div>x</div>\n\n## About Acme&rsquo;s\n\nBody text.\n"
    parses = []
    parser = markup._block_parser()
    monkeypatch.setattr(parser, "parse", lambda source, *a, **k: parses.append(1) or type(parser).parse(
        parser, source, *a, **k))
    view, _ = Document("release.md", text).for_words
    assert [view.text[s.start:s.end] for s in view.headings] == ["Acme’s Day\n================", "## About Acme’s"]
    assert len(parses) == 1
