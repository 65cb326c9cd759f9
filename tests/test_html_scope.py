"""Newsroom HTML: the release is linted, not the page around it (html_scope.py), and its
dateline is found as in .txt and .md; ``html-scope: page`` lints the whole page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import presslint
from presslint.cache import config_key
from presslint.cli import cli
from presslint.config import Config
from presslint.diagnostic import Diagnostic
from presslint.document import Document

NEWSROOM = Path(__file__).parent / "data" / "newsroom"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "press-releases"
ALL = Config(select=("ALL",))


def check(text: str, scope: str = "main", config: Config | None = None, name: str = "page.html") -> list[Diagnostic]:
    from dataclasses import replace

    return presslint.check_text(text, name, replace(config or Config(), html_scope=scope))


def found(text: str, diagnostics: list[Diagnostic]) -> set[tuple[str, str]]:
    """Each finding's code and the text it covers."""
    return {(d.code, text[d.span.start:d.span.end]) for d in diagnostics}


def page(name: str) -> str:
    return (NEWSROOM / name).read_text(encoding="utf-8")


def between(text: str, start: str, end: str) -> range:
    """The offsets from the first ``start`` to the end of the first ``end`` after it."""
    first = text.index(start)
    return range(first, text.index(end, first) + len(end))


# -- the two newsroom pages: a wire's page and a corporate WordPress newsroom ------------------

def test_business_wire_page_reports_the_release_and_none_of_its_chrome() -> None:
    text = page("businesswire-like.html")
    main = check(text)
    # What was injected into the release, and nothing else (the default rules).
    assert found(text, main) == {("T101", "committment"), ("T109", "the the"), ("W104", "  "),
                                 ("T104", "it&rsquo;s")}
    story = between(text, '<article class="bw-release-story">', "</article>")
    assert all(d.span.start in story for d in main)
    # The page scope finds the chrome's: the skip link's and nav's spacing, the cookie
    # banner's "you're" and "it's", the related releases' and the newsletter's typos.
    everything = check(text, "page")
    assert {("T106", "you're"), ("T104", "it's"), ("T101", "recieves"), ("T101", "Teh"), ("T101", "recieve"),
            ("T101", "teh")} <= found(text, everything)
    assert len([d for d in everything if d.code == "W104"]) == 6


def test_wordpress_newsroom_reports_the_release_and_none_of_its_chrome() -> None:
    text = page("wordpress-newsroom.html")
    main = check(text)
    assert found(text, main) == {("T101", "teh"), ("T109", "a a"), ("T101", "seperate")}
    whole = found(text, check(text, "page"))
    assert {("T106", "you're"), ("T104", "it's"), ("T101", "recieves"), ("T109", "the the"),
            ("W107", " ,"), ("W104", "  ")} <= whole


def test_pr_newswire_page_with_no_article_or_main() -> None:
    """No <article>, <main> or landmark roles: the body with the most paragraph text, with
    the headline above it (a page-level <header> that holds the <h1> is the release's),
    and not the "More news" below it."""
    text = page("prnewswire-like.html")
    assert found(text, check(text)) == {("T101", "recieve")}
    [headline] = Document("page.html", text).headings
    assert text[headline.start:headline.end] == "<h1>Acme Opens Seattle Warehouse, Adds 200 Jobs</h1>"
    # The subhead and byline in the header are not the body: the dateline opens it.
    assert check(text, config=Config(select=("P120", "P122", "P123", "C103"))) == []
    assert {("T101", "recieves"), ("T101", "teh"), ("T104", "it's"), ("W104", "  ")} <= found(
        text, check(text, "page"))


def test_business_wire_dateline_is_found_in_the_release_not_the_cookie_banner() -> None:
    text = page("businesswire-like.html")
    config = Config(select=("P120",))
    # P120 (no dateline) does not fire: "ANNAPOLIS, Md.--(BUSINESS WIRE)--" opens the body.
    assert check(text, config=config) == []
    # On the whole page the cookie banner is the first body paragraph, and has none.
    [missing] = check(text, "page", config)
    assert text[missing.span.start:].startswith("We use cookies")


def test_wordpress_dateline_is_compared_with_the_release_date() -> None:
    text = page("wordpress-newsroom.html")
    config = Config(select=("D109", "P120", "P122", "P123"), release_date=__import__("datetime").date(2024, 6, 20))
    [d109] = check(text, config=config)
    assert d109.code == "D109" and text[d109.span.start:d109.span.end] == "June 19, 2024"
    assert d109.span.start in between(text, '<div class="entry-content">', "</div>")
    assert check(text, config=Config(select=("D109",), release_date=__import__("datetime").date(2024, 6, 19))) == []


def test_wordpress_release_without_dateline_is_reported_at_its_first_paragraph() -> None:
    """The release starts 4,400 characters into the file, after the head's styles and
    scripts and the navigation: its first body line is still found, and has no dateline."""
    text = page("wordpress-newsroom.html").replace(
        "<strong>GUANGDONG, June 19, 2024 /24-7PressRelease/</strong> &mdash; ", "")
    assert text.index("Honeywell Rattan Limited today") > 4000
    [p120] = check(text, config=Config(select=("P120",)))
    assert text[p120.span.start:].startswith("Honeywell Rattan Limited today")


@pytest.mark.parametrize(("markup", "dateline"), [
    ("<p><strong>SEATTLE, March 18, 2024</strong> &mdash; Acme Corp. said today it has opened a new "
     "warehouse in the city that will employ 200 people.</p>", "March 18, 2024"),
    ("<p>SEATTLE, March 18, 2024 -- (BUSINESS WIRE) -- Acme Corp. said today it has opened a new warehouse "
     "in the city that will employ 200 people.</p>", "March 18, 2024"),
])
def test_dateline_after_a_headline_and_subhead_inside_an_article_header(markup: str, dateline: str) -> None:
    chrome = "".join(f'<li><a href="/{n}">Section number {n} of the site</a></li>\n' for n in range(120))
    text = (f"<html><head><title>Acme</title><style>{'p{margin:0}' * 300}</style></head><body>\n"
            f"<nav><ul>\n{chrome}</ul></nav>\n<main><article><header><h1>Acme Opens a Seattle Warehouse</h1>\n"
            f"<p><em>The site adds 200 jobs</em></p></header>\n{markup}\n<p>The warehouse is large.</p>"
            f"</article></main></body></html>\n")
    assert text.index("SEATTLE") > 3000 + len(chrome)
    config = Config(select=("D109", "P120", "P123"), release_date=__import__("datetime").date(2024, 3, 19))
    [d109] = check(text, config=config)
    assert d109.code == "D109" and text[d109.span.start:d109.span.end] == dateline


# -- how the release is chosen ------------------------------------------------------------------

BODY = ("<p>SEATTLE, March 18, 2024 &mdash; Acme Corp. said today it has opened a new warehouse in the city "
        "that will employ 200 people from the region.</p>\n<p>The warehouse covers 40,000 square feet and "
        "will recieve its first shipments in April, the company said in a statement.</p>\n"
        "<p>Acme makes tools for builders and has offices in Seattle, Portland and Boise.</p>\n")


def test_role_main_is_the_release() -> None:
    text = ("<body><div class='top'><p>Welcome to teh newsroom of Acme, where every release of the year is "
            "published for the press and the public.</p></div>\n"
            f"<div role=\"main\"><h1>Acme Opens a Seattle Warehouse</h1>\n{BODY}</div>\n"
            "<div class='bottom'><p>Copyright Acme, all rights reserved, and teh rest.</p></div></body>\n")
    assert found(text, check(text)) == {("T101", "recieve")}
    assert found(text, check(text, "page")) == {("T101", "recieve"), ("T101", "teh")}


def test_without_article_or_main_the_block_with_most_paragraph_text_is_the_release() -> None:
    text = ("<body>\n<div class='menu'><a href='/'>Home</a>  <a href='/news'>News</a> <a href='/x'>The teh shop</a>"
            "</div>\n"
            f"<div class='post'><h1>Acme Opens a Seattle Warehouse</h1>\n<div class='meta'>Posted by the press "
            f"office</div>\n<div class='text'>\n{BODY}</div></div>\n"
            "<div class='links'><p>More from teh newsroom.</p></div>\n</body>\n")
    doc = Document("page.html", text)
    # The headline above the body comes with it (its parent adds no paragraph).
    [headline] = doc.headings
    assert text[headline.start:headline.end] == "<h1>Acme Opens a Seattle Warehouse</h1>"
    assert found(text, check(text)) == {("T101", "recieve")}
    assert len([d for d in check(text, "page") if d.code == "T101"]) == 3


def test_a_teaser_article_beside_a_long_unmarked_release_is_not_the_release() -> None:
    """An <article> holding less than half the page's paragraph text is a teaser (a
    "related release" the page marked while it did not mark the release): the block with
    the most paragraph text wins."""
    text = (f"<body><div class='story'><h1>Acme Opens a Seattle Warehouse</h1>\n{BODY}</div>\n"
            "<article class='teaser'><h3>Acme opens an office</h3><p>Teh office opens in May.</p></article></body>\n")
    assert found(text, check(text)) == {("T101", "recieve")}
    # The same article holding the release is the release, and the unmarked block beside
    # it (smaller) is left out.
    text = (f"<body><article><h1>Acme Opens a Seattle Warehouse</h1>\n{BODY}</article>\n"
            "<div class='more'><p>Teh office opens in May.</p></div></body>\n")
    assert found(text, check(text)) == {("T101", "recieve")}


def test_a_list_of_teaser_articles_is_checked_whole() -> None:
    teasers = "".join(f"<article><h2>Release {n}</h2><p>Acme said teh {n}th thing on Monday.</p></article>\n"
                      for n in range(4))
    text = f"<body><nav><a>Teh home</a></nav><main><h1>News</h1>\n{teasers}</main></body>"
    diagnostics = check(text)
    assert [text[d.span.start:d.span.end] for d in diagnostics if d.code == "T101"] == ["teh"] * 4


def test_nested_articles_and_related_teasers_inside_main() -> None:
    text = ("<body><main><article class='release'><header><h1>Acme Opens a Seattle Warehouse</h1></header>\n"
            f"{BODY}<article class='comment'><p>Great news for the the city.</p></article>\n</article>\n"
            "<section class='more'><article><p>Teh office opens.</p></article></section></main></body>\n")
    # The outermost article is the release, its nested article with it; the teaser is out.
    assert found(text, check(text)) == {("T101", "recieve"), ("T109", "the the")}


def test_the_article_header_holds_the_headline_the_page_header_does_not() -> None:
    text = ("<html><head><title>acme newsroom</title></head><body><header><h1>acme newsroom</h1></header>\n"
            f"<article><header><h1>Acme Opens a Seattle Warehouse</h1></header>\n{BODY}</article>\n"
            "<footer><h2>contact us</h2></footer></body></html>")
    main, whole = Document("page.html", text), Document("page.html", text)
    whole.read_html_as("page")
    assert [text[s.start:s.end] for s in main.headings] == ["<h1>Acme Opens a Seattle Warehouse</h1>"]
    assert len(whole.headings) == 3
    # The release's headline is the article's (C103, the P headline rules): not the site's name.
    config = Config(select=("C103", "C105"))
    assert check(text, config=config) == []
    assert check(text, "page", config) != []


def test_widgets_are_known_by_whole_class_tokens_ids_roles_and_labels() -> None:
    widgets = ['<div class="cookie-notice">', '<div id="onetrust-banner-sdk">', '<div role="navigation">',
               '<div role="contentinfo">', '<div aria-label="Share this release">',
               '<ul class="nav breadcrumbs">', '<a class="skip-link screen-reader-text" href="#c">']
    for widget in widgets:
        name = widget[1:widget.index(" ")]
        text = (f"<body>{widget}Teh widget text</{name}><article><h1>Acme Opens a Warehouse</h1>\n{BODY}"
                "</article></body>\n")
        assert found(text, check(text)) == {("T101", "recieve")}, widget
    # The page, its main and its article are never widgets, whatever their classes say.
    text = (f"<body class='sidebar social'><main class='share'><article class='related'>"
            f"<h1>Acme Opens a Warehouse</h1>\n{BODY}</article></main></body>\n")
    assert found(text, check(text)) == {("T101", "recieve")}
    # A token that only contains a word is no widget: "shared-savings", "socialite".
    text = (f"<body><article><h1>Acme Opens a Warehouse</h1>\n{BODY}<p class='shared-savings socialite'>"
            "Teh plan saves money.</p></article></body>\n")
    assert found(text, check(text)) == {("T101", "recieve"), ("T101", "Teh")}


# -- entities ---------------------------------------------------------------------------------

def test_entities_in_the_chrome_are_hidden_and_those_in_the_release_still_read() -> None:
    text = ("<body><nav><a href='/'>Home&nbsp;&nbsp;Page</a> <a>The company and it&rsquo;s clients</a></nav>\n"
            "<article><h1>Acme Opens a Seattle Warehouse</h1>\n<p>SEATTLE, March 18, 2024 &mdash; Acme Corp. said "
            "today that the company and it&rsquo;s clients will meet in the city.</p></article></body>\n")
    main = check(text, config=ALL)
    assert [(d.code, text[d.span.start:d.span.end]) for d in main if d.code.startswith("T")] == [
        ("T104", "it&rsquo;s")]
    assert all(d.span.start > text.index("<article>") for d in main)
    in_nav = [d for d in check(text, "page", ALL) if d.span.end <= text.index("</nav>")]
    assert ("T104", "it&rsquo;s") in found(text, in_nav)


# -- a page with no chrome: exactly what it gave before -------------------------------------

def _corpus_sample() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not here")
    return sorted(CORPUS.glob("*.md"))[::50][:20]


@pytest.mark.parametrize("wrap", ["document", "fragment"])
def test_simple_html_releases_give_the_same_findings_in_both_scopes(wrap: str) -> None:
    """20 corpus releases made into simple HTML (markdown-it): the release is the whole
    body, so main scope hides nothing that page scope shows. Several hundred findings."""
    from markdown_it import MarkdownIt

    render = MarkdownIt("commonmark", {"html": True}).enable("table").render
    total = 0
    for path in _corpus_sample():
        body = render(path.read_text(encoding="utf-8"))
        text = f"<html><body>\n{body}</body></html>\n" if wrap == "document" else body
        main, whole = check(text, config=ALL), check(text, "page", ALL)
        assert main == whole, path.name
        total += len(main)
    assert total > 200


# -- fixing -----------------------------------------------------------------------------------

def test_fix_edits_only_the_release(tmp_path: Path) -> None:
    target = tmp_path / "release.html"
    shutil.copy(NEWSROOM / "businesswire-like.html", target)
    before = target.read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-config", "--no-cache", "--fix", str(target)])
    assert result.exit_code == 1, result.output
    after = target.read_text(encoding="utf-8")
    # The release's double space is fixed; the nav's, the share widget's and the footer's
    # (which page scope fixes) are left as they are.
    assert after == before.replace("integrated,  tech-forward", "integrated, tech-forward")
    result = CliRunner().invoke(cli, ["check", "--no-config", "--no-cache", "--fix", "--html-scope", "page",
                                      str(target)])
    assert "News Releases" in target.read_text(encoding="utf-8")


# -- the option -------------------------------------------------------------------------------

def test_html_scope_from_the_configuration_and_the_command_line(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(NEWSROOM / "wordpress-newsroom.html", tmp_path / "release.html")
    runner = CliRunner()

    def count(*args: str) -> int:
        result = runner.invoke(cli, ["check", "--no-cache", "--quiet", *args, "release.html"])
        return len(result.stdout.splitlines())

    assert count() == 3
    (tmp_path / ".presslint.yaml").write_text("html-scope: page\n", encoding="utf-8")
    assert count() > 10
    assert count("--html-scope", "main") == 3
    (tmp_path / ".presslint.yaml").write_text("html-scope: article\n", encoding="utf-8")
    result = runner.invoke(cli, ["check", "--no-cache", "release.html"])
    assert result.exit_code == 2
    assert "html-scope" in result.stderr and "main" in result.stderr and "Traceback" not in result.stderr
    result = runner.invoke(cli, ["check", "--no-config", "--html-scope", "all", "release.html"])
    assert result.exit_code == 2


def test_the_scope_is_part_of_the_cache_key() -> None:
    assert config_key(Config(html_scope="main")) != config_key(Config(html_scope="page"))


def test_markdown_and_text_are_not_scoped() -> None:
    text = "<nav>Teh menu</nav>\n\n# Acme Opens a Warehouse\n\nAcme said teh warehouse opens.\n"
    for name in ("release.md", "release.txt"):
        assert check(text, "main", name=name) == check(text, "page", name=name)


def test_show_release_date_reads_the_page_as_it_was_checked(tmp_path: Path) -> None:
    target = tmp_path / "release.html"
    # A date line in the cookie banner, above the release: the page scope takes it.
    text = page("wordpress-newsroom.html").replace(
        '<div id="page" class="site">',
        '<div id="page" class="site"><div class="cookie-notice"><p>LONDON, May 2, 2023 &mdash; cookies.</p></div>')
    target.write_text(text, encoding="utf-8")
    for scope, date in (("main", "2024-06-19"), ("page", "2023-05-02")):
        result = CliRunner().invoke(cli, ["check", "--no-config", "--no-cache", "--show-release-date",
                                          "--html-scope", scope, str(target)])
        assert f"release date {date} (from dateline" in result.stderr


def test_end_mark_in_a_paragraph_of_the_release_not_in_the_chrome() -> None:
    release = f"<article><h1>Acme Opens a Warehouse</h1>\n{BODY}"
    config = Config(select=("P128",))
    # "<p>###</p>" is a line "###" as a reader sees it (it was never found in HTML).
    assert check(f"<body>{release}<p>###</p></article></body>\n", config=config) == []
    assert check(f"<body>{release}<p>-30-</p></article></body>\n", config=config) == []
    # A "###" in the footer is not the release's: in main scope it is still missing.
    text = f"<body>{release}</article><footer><p>###</p></footer></body>\n"
    assert [d.code for d in check(text, config=config)] == ["P128"]
    assert check(text, "page", config) == []


def test_a_missing_end_mark_is_placed_on_the_releases_last_shown_line() -> None:
    text = (f"<body><article><h1>Acme Opens a Warehouse</h1>\n{BODY}</article>\n"
            "<footer>\n<p>© 2024</p>\n</footer>\n</body>\n")
    # Not the closing tags nor the footer after the release: its last paragraph.
    assert found(text, check(text, config=Config(select=("P128",)))) == {
        ("P128", "Acme makes tools for builders and has offices in Seattle, Portland and Boise.")}
