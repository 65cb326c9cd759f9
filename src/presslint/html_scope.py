"""Where the release is in a newsroom page, and what around it is page chrome.

A release published on a web page sits among the site's navigation, cookie banner,
sidebar and footer; linting those finds the site's problems, not the release's. The
release is, in order of trust:

1. the largest ``<article>`` (outermost ones, in ``<main>`` when there is one), when it
   holds at least half the page's paragraph text: the release beside "related releases"
   teasers. Several small articles and nothing bigger (a newsroom list page): ``<main>``,
   or the page;
2. else ``<main>`` (or ``role="main"``): the page says so. (An article smaller than half
   the text is a teaser beside the release, which the page did not mark.)
3. else the block with the most paragraph text (a ``<div>`` whose ``<p>`` children hold
   the most text), widened to its parents while they add little text (at most a quarter
   more) and no paragraph after it: the headline, subhead and date above the body come
   with it. The whole page when it has no ``<p>``.

An element that holds no heading starts at the ``<h1>`` just above it when little text
stands between (a wire's page: the headline in a ``<header>``, the text in a section).

Inside it, page chrome is left out: ``nav``, ``aside``, a ``header``/``footer`` of the page
(one inside an article, section, main, aside or nav is the article's own: it holds the
headline and the date; so is a page-level ``<header>`` that holds the ``<h1>``, with no
chrome marks), the landmark roles navigation, banner, contentinfo and
complementary, and the widgets a site adds (cookie and consent banners, share buttons,
newsletter sign-up, breadcrumbs, skip links) known by a whole token of their ``class`` or
``id`` or a word of their ``aria-label``. The ``<head>`` is left out with the rest.

The result is the spans to hide; markup.py hides them as it hides tags, so offsets stay
exact. Only the events html_prose.py's reader records are read: no second parse.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from typing import NamedTuple

from .diagnostic import Span

# What html_prose.py's reader records for this module: each start tag (OPEN; EMPTY for
# "<br/>"), end tag and run of text, in order. A tag's (start, end) and the attributes
# that mark page chrome (lowered); a text's offset and its length less the white space
# around it.
OPEN, EMPTY, CLOSE, TEXT = range(4)
MARKS = frozenset({"class", "id", "role", "aria-label"})


class Event(NamedTuple):
    kind: int
    tag: str
    start: int
    end: int  # for a text: how many characters a reader sees
    marks: tuple[tuple[str, str], ...]

# Elements that have no end tag: never open.
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr", "!doctype"})
# A start tag of these closes an open <p> (HTML's rule, the common cases).
_CLOSES_P = frozenset({"address", "article", "aside", "blockquote", "div", "dl", "fieldset", "figure",
                       "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav",
                       "ol", "p", "pre", "section", "table", "ul"})
# Elements inside a paragraph: one without attributes that mark chrome is no element of
# the tree (a page has many; the release is never one of them).
_PHRASING = frozenset({"a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "font", "i",
                       "img", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup",
                       "time", "u", "var", "wbr"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CHROME_ELEMENTS = frozenset({"nav", "aside"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
# What holds the page or the release: never a widget, whatever its class says.
_NEVER_WIDGETS = frozenset({"html", "body", "main", "article"})
# A header or footer inside one of these is that element's, not the page's (as HTML's
# "banner" and "contentinfo" landmarks are defined).
_SECTIONING = frozenset({"article", "aside", "main", "nav", "section"})
# Whole class or id tokens of the widgets a site puts around a release. Conservative:
# a token, not a part of one ("shared-savings" is no share widget), and words a release's
# own markup does not use.
_CHROME_TOKENS = frozenset({
    "cookie", "cookies", "cookie-banner", "cookie-notice", "cookie-consent", "cookie-bar", "cookiebanner",
    "cookie-law-info-bar", "cookie-policy", "consent", "consent-banner", "gdpr", "gdpr-banner",
    "onetrust-banner-sdk", "onetrust-consent-sdk", "cc-window", "cc-banner",
    "share", "shares", "sharing", "share-buttons", "share-bar", "share-links", "share-tools", "sharedaddy",
    "social", "social-share", "social-sharing", "social-links", "social-icons", "social-media", "addthis",
    "newsletter", "newsletter-signup", "newsletter-form", "subscribe", "subscribe-form", "signup-form",
    "breadcrumb", "breadcrumbs", "skip-link", "skip-links", "skiplink", "skip-to-content", "skip-nav",
    "sidebar", "widget-area", "related", "related-posts", "related-releases", "related-news",
    "related-articles", "site-header", "site-footer", "site-nav", "masthead", "colophon",
})
# Words of an aria-label that name such a widget ("Cookie consent", "Share this release").
_CHROME_LABEL_WORDS = frozenset({"cookie", "cookies", "consent", "share", "social", "newsletter", "breadcrumb",
                                 "breadcrumbs"})


class _Element:
    __slots__ = ("children", "chrome", "end", "holds_h1", "in_chrome", "main", "name", "own_text", "paragraph",
                 "parent", "start", "text")

    def __init__(self, name: str, start: int, parent: _Element | None) -> None:
        self.name = name
        self.start = start
        self.end = -1  # past its end tag (or where it was closed without one)
        self.parent = parent
        self.children: list[_Element] = []
        self.chrome = False
        self.in_chrome = False  # inside a chrome element
        self.holds_h1 = False  # (a page-level <header>)
        self.main = name == "main"  # or role="main"
        # What a reader sees inside it, chrome left out; of that, inside <p> elements.
        # (While it is open: only what is not inside an element of its own.)
        self.text = 0
        self.paragraph = 0
        self.own_text = 0  # paragraph text of its <p> children (the block score)


def outside_release(events: Sequence[Event], length: int) -> list[Span]:
    """The spans of a page of ``length`` characters that are not the release: everything
    before and after it (from its headline to the end of the element that holds it), and
    the chrome inside."""
    page = _tree(events, length)
    scope = _release(page.root)
    if scope is page.root:
        return _chrome_between(page.root, 0, length)
    start = _headline_start(page, scope)
    hidden = [Span(0, start), Span(scope.end, length), *_chrome_between(page.root, start, scope.end)]
    return [span for span in hidden if span.end > span.start]


class _Page(NamedTuple):
    root: _Element
    h1s: list[_Element]  # outside chrome, in order
    headings: list[int]  # where each <h1>-<h6> outside chrome starts
    # Where each run of text outside chrome starts, and how much is shown up to its end.
    shown_at: list[int]
    shown_total: list[int]


def _headline_start(page: _Page, scope: _Element) -> int:
    """Where the release starts: its element, or the <h1> above it when the element holds
    no heading and little stands between them (the headline and subhead above an unmarked body,
    or above an <article> that starts with the text)."""
    if bisect_left(page.headings, scope.start) < bisect_left(page.headings, scope.end):
        return scope.start  # it holds its headline
    starts = [h1.start for h1 in page.h1s]
    before = bisect_left(starts, scope.start) - 1
    if before < 0:
        return scope.start
    headline = page.h1s[before]

    def shown(offset: int) -> int:
        index = bisect_left(page.shown_at, offset)
        return page.shown_total[index - 1] if index else 0

    between = shown(scope.start) - shown(headline.end)
    return headline.start if 4 * between <= max(scope.text, 800) else scope.start


def _tree(events: Sequence[Event], length: int) -> _Page:
    """The elements of the page, with the text each holds (chrome's not counted). Linear
    in the events however deep the nesting: text is added to the innermost element and to
    its parent when it closes."""
    root = _Element("", 0, None)
    root.end = length
    open_: list[_Element] = [root]
    open_names: Counter[str] = Counter()
    paragraphs: list[_Element] = []  # the open <p>
    # The open page-level <header>s (no chrome marks): the page's banner unless it holds
    # the <h1>, which makes it the release's header ("<header><h1>Headline</h1>...</header>
    # <div class='release-body'>", as some wires' pages are built).
    banners: list[_Element] = []
    chrome = sectioning = 0  # how many chrome and sectioning elements are open
    h1s: list[_Element] = []
    headings: list[int] = []
    shown_at: list[int] = []
    shown_total: list[int] = []

    def close(element: _Element, end: int) -> None:
        nonlocal chrome, sectioning
        element.end = end
        parent = element.parent
        assert parent is not None
        parent.text += element.text
        parent.paragraph += element.paragraph
        open_names[element.name] -= 1
        chrome -= element.chrome
        sectioning -= element.name in _SECTIONING
        if element.name == "p":
            paragraphs.pop()
        elif banners and element is banners[-1]:
            banners.pop()
            element.chrome = not element.holds_h1
            if banners and element.holds_h1:
                banners[-1].holds_h1 = True

    for kind, tag, start, end, marks in events:
        if kind == TEXT:
            if not chrome:
                shown_at.append(start)
                shown_total.append(end + (shown_total[-1] if shown_total else 0))
                innermost = open_[-1]
                innermost.text += end
                if paragraphs:
                    innermost.paragraph += end
                    parent = paragraphs[-1].parent
                    assert parent is not None
                    parent.own_text += end
            continue
        if kind == CLOSE:
            if open_names[tag] > 0:
                while open_[-1].name != tag:
                    close(open_.pop(), start)
                close(open_.pop(), end)
            continue
        if not marks and tag in _PHRASING:
            continue  # its text is its block's; its end tag closes nothing open
        if (tag in _CLOSES_P and open_[-1].name == "p") or (tag == "li" and open_[-1].name == "li"):
            close(open_.pop(), start)
        parent = open_[-1]
        element = _Element(tag, start, parent)
        parent.children.append(element)
        element.chrome = _is_chrome(tag, marks, sectioning > 0)
        element.in_chrome = parent.chrome or parent.in_chrome
        element.main = element.main or ("role", "main") in marks
        if kind == EMPTY or tag in _VOID:
            element.end = end
            continue
        open_.append(element)
        open_names[tag] += 1
        chrome += element.chrome
        sectioning += tag in _SECTIONING
        if tag == "p":
            paragraphs.append(element)
        elif tag == "header" and not sectioning and not element.chrome:
            banners.append(element)
        elif tag in _HEADINGS:
            if tag == "h1" and banners:
                banners[-1].holds_h1 = True
            if not chrome:
                headings.append(start)
                if tag == "h1":
                    h1s.append(element)
    while len(open_) > 1:
        close(open_.pop(), length)
    return _Page(root, h1s, headings, shown_at, shown_total)


def _is_chrome(name: str, marks: tuple[tuple[str, str], ...], in_sectioning: bool) -> bool:
    if name in _CHROME_ELEMENTS or name in ("head", "title"):
        return True
    if name == "footer" and not in_sectioning:
        return True  # (a page-level <header> is decided when it closes: _tree)
    if name in _NEVER_WIDGETS:
        return False  # "<body class='has-sidebar social'>" is the page, not a widget
    for attribute, value in marks:
        if attribute == "role":
            if value.strip() in _CHROME_ROLES:
                return True
        elif attribute == "aria-label":
            if any(word.strip(".,:;!?") in _CHROME_LABEL_WORDS for word in value.split()):
                return True
        elif any(token in _CHROME_TOKENS for token in value.split()):  # class, id
            return True
    return False


def _release(root: _Element) -> _Element:
    main = _first(root, lambda element: element.main and not element.in_chrome)
    container = main or root
    articles = _outermost(container, "article")
    if articles:
        best = max(articles, key=lambda article: (article.paragraph, article.text))
        if 2 * _weight(best) >= _weight(container):
            return best
        if 2 * sum(map(_weight, articles)) >= _weight(container):
            return container  # a list of teasers, none bigger than the rest: all of them
    if main is not None:
        return main
    return _densest_block(root)


def _weight(element: _Element) -> int:
    """The paragraph text (or, in a page with no <p>, all the text) of ``element``."""
    return element.paragraph or element.text


def _densest_block(root: _Element) -> _Element:
    best = root
    for element in _walk(root):
        if element.own_text > best.own_text:
            best = element
    if best.own_text == 0:
        return root
    # Up to the parents that add little text and no paragraph after it (the headline, a
    # subhead and the date go above the body; related links and notes below it), and on
    # until it holds half the page's paragraph text (a release written mostly as a list).
    while best.parent is not None and best.parent.name != "html":
        parent = best.parent
        after = sum(child.paragraph for child in parent.children if child.start >= best.end and not child.chrome)
        adds_little = after == 0 and 4 * (parent.text - best.text) <= best.text
        if not adds_little and 2 * best.paragraph >= root.paragraph:
            break
        best = parent
    return best


def _chrome_between(root: _Element, start: int, end: int) -> list[Span]:
    """The spans of the chrome elements from ``start`` to ``end``."""
    spans: list[Span] = []
    stack = list(reversed(root.children))
    while stack:
        element = stack.pop()
        if element.end <= start or element.start >= end:
            continue
        if element.chrome and start <= element.start and element.end <= end:
            spans.append(Span(element.start, element.end))
            continue
        stack.extend(reversed(element.children))
    return spans


def _walk(root: _Element) -> list[_Element]:
    """Every element under ``root`` outside chrome, in document order."""
    found: list[_Element] = []
    stack = list(reversed(root.children))
    while stack:
        element = stack.pop()
        if element.chrome or element.name == "head":
            continue
        found.append(element)
        stack.extend(reversed(element.children))
    return found


def _first(root: _Element, test: Callable[[_Element], bool]) -> _Element | None:
    stack = list(reversed(root.children))
    while stack:
        element = stack.pop()
        if test(element):
            return element
        stack.extend(reversed(element.children))
    return None


def _outermost(root: _Element, name: str) -> list[_Element]:
    found: list[_Element] = []
    stack = list(reversed(root.children))
    while stack:
        element = stack.pop()
        if element.chrome:
            continue
        if element.name == name:
            found.append(element)
            continue
        stack.extend(reversed(element.children))
    return found
