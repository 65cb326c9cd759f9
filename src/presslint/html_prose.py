"""What is not prose in an HTML file, found with the standard library's HTML parser.

Tags (with their attributes), comments, declarations, processing instructions, and the
whole content of elements that hold code or data (script, style,
pre, code, textarea, template) are not prose. ``html.parser`` is lenient the way browsers
are: broken markup does not stop it, and what it cannot read as markup is text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import NamedTuple

from .diagnostic import Span
from .html_scope import CLOSE, EMPTY, MARKS, OPEN, TEXT, Event, outside_release

# Elements whose content is code or data, not prose, and the headings.
_VERBATIM = frozenset({"script", "style", "pre", "code", "textarea", "template", "svg", "math"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements that start a new line of their own when shown: the first word inside one, or
# after one, begins a line, as a reader sees it (and may begin a sentence).
BLOCKS = HEADINGS | frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "head", "header", "hr",
    "html", "li", "main", "nav", "ol", "p", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "title", "tr", "ul"})


class _Reader(HTMLParser):
    def __init__(self, text: str, record: bool = False) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        # What html_scope.py reads to find the release in a page, kept only when asked.
        self.record = record
        self.events: list[Event] = []
        self.line_starts = [0]
        position = text.find("\n")
        while position != -1:
            self.line_starts.append(position + 1)
            position = text.find("\n", position + 1)
        self.hidden: list[Span] = []
        self.headings: list[Span] = []
        # Every tag: (start, end, whether it is a block element's).
        self.tags: list[tuple[int, int, bool]] = []
        self._open_verbatim: list[tuple[str, int]] = []
        self._open_heading: tuple[str, int] | None = None
        # The text html.parser holds and where in it a comment was left open; the text and
        # where the last "]>" begins in it.
        self._unclosed: tuple[str | None, int] = (None, 0)
        self._section_ends: tuple[str | None, int] = (None, -1)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _tag_end(self, start: int) -> int:
        end = self.text.find(">", start)
        return len(self.text) if end == -1 else end + 1

    def handle_starttag(self, tag: str, attrs: object) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        end = start + len(raw) if raw else self._tag_end(start)
        self.hidden.append(Span(start, end))
        self.tags.append((start, end, tag in BLOCKS))
        if self.record:
            self.events.append(Event(OPEN, tag, start, end, _marks(attrs)))
        if tag in _VERBATIM:
            self._open_verbatim.append((tag, end))
        elif tag in HEADINGS and self._open_heading is None:
            self._open_heading = (tag, start)

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        end = start + len(raw) if raw else self._tag_end(start)
        self.hidden.append(Span(start, end))
        self.tags.append((start, end, tag in BLOCKS))
        if self.record:
            self.events.append(Event(EMPTY, tag, start, end, _marks(attrs)))

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        end = self._tag_end(start)
        self.hidden.append(Span(start, end))
        self.tags.append((start, end, tag in BLOCKS))
        if self.record:
            self.events.append(Event(CLOSE, tag, start, end, ()))
        for index in range(len(self._open_verbatim) - 1, -1, -1):
            name, content_start = self._open_verbatim[index]
            if name == tag:
                self.hidden.append(Span(content_start, start))
                del self._open_verbatim[index:]
                break
        if self._open_heading and self._open_heading[0] == tag:
            self.headings.append(Span(self._open_heading[1], end))
            self._open_heading = None

    def handle_data(self, data: str) -> None:
        # How much a reader sees of it (html_scope.py weighs blocks by it); not the
        # content of a script or a style.
        if self.record and not self._open_verbatim:
            shown = len(data.strip())
            if shown:
                self.events.append(Event(TEXT, "", self._offset(), shown, ()))

    def _hide_from_here(self, length: int) -> None:
        start = self._offset()
        self.hidden.append(Span(start, min(start + length, len(self.text))))

    def handle_comment(self, data: str) -> None:
        # "<!--data-->", or a bogus comment: "<!data>", "</ data>", "<![data>"
        comment = self.text.startswith("<!--", self._offset())
        self._hide_from_here(len(data) + len("<!---->" if comment else "<!>"))

    def handle_decl(self, decl: str) -> None:
        self._hide_from_here(len(decl) + len("<!>"))

    def handle_pi(self, data: str) -> None:
        self._hide_from_here(len(data) + len("<?>"))

    def unknown_decl(self, data: str) -> None:
        pass  # hidden by _marked_section, which knows where it ends ("]]>", "]>", "] ]>")

    # Character references ("&rsquo;", "&#8217;") are left in the prose: markup.py decodes
    # them for the rules that read words (see entities.py).

    # html.parser looks for the end of each "<!--" and "<![" to the end of the text when it
    # is missing: on a run of them ("<!-- a >" x 10,000), time quadratic in its length. Where
    # one's end is missing, so is the end of any after it; a "<![" with none after it is
    # answered without looking.

    def parse_comment(self, i: int, report: bool = True) -> int:
        if self.rawdata is self._unclosed[0] and i >= self._unclosed[1]:
            return -1
        end: int = super().parse_comment(i, report)
        if end == -1:
            self._unclosed = (self.rawdata, i)
        return end

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        if self.rawdata is not self._section_ends[0]:
            last = -1
            for last_end in _SECTION_END.finditer(self.rawdata):
                last = last_end.start()
            self._section_ends = (self.rawdata, last)
        if i + 3 > self._section_ends[1]:  # no "]>" after it: unclosed if its name is known
            name = _SECTION_NAME.match(self.rawdata, i + 3)
            if name and name.group().strip().lower() in _SECTION_KEYWORDS:
                return -1
        return self._marked_section(i, report)

    def _marked_section(self, i: int, report: bool = True) -> int:
        """"<![CDATA[...]]>"; "<![" and anything else (which the standard library's parser
        meets with an AssertionError: "<![-", "<![x") is a bogus comment, up to its ">", as
        browsers read it."""
        position = self.lineno, self.offset
        start = self._offset()
        try:
            end: int = super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = position  # moved on before it gave up
            return self.parse_bogus_comment(i, report)  # which hides it (handle_comment)
        if end != -1:
            # The whole section, up to the end of its close, which its data alone does not
            # tell: "]]>" for CDATA, "]>" for "<![if !IE]>", with white space allowed between.
            self.hidden.append(Span(start, min(start + end - i, len(self.text))))
        return end


# How html.parser (_markupbase) reads a marked section's name, the names it knows, and the
# shortest end of a marked section ("]]>" and "]>").
_SECTION_NAME = re.compile(r"[a-zA-Z][-_.a-zA-Z0-9]*\s*")
_SECTION_KEYWORDS = frozenset({"temp", "cdata", "ignore", "include", "rcdata", "if", "else", "endif"})
_SECTION_END = re.compile(r"]\s*>")


def _marks(attrs: object) -> tuple[tuple[str, str], ...]:
    """The attributes html_scope.py reads (class, id, role, aria-label), lowered."""
    if not attrs:
        return ()
    assert isinstance(attrs, list)
    return tuple((name, value.lower()) for name, value in attrs if name in MARKS and value)


class Html(NamedTuple):
    hidden: list[Span]
    """What is not prose: tags, comments, declarations, code and data elements."""
    headings: list[Span]
    tags: list[tuple[int, int, bool]]
    """Every tag's (start, end, whether it is a block element's), in order."""
    outside: list[Span] = []
    """What lies outside the release (``read(..., scope="main")``): page chrome, head."""


# What the reader is given after the last ">": its "<" changed to a character that no
# pattern of html.parser tells from "<" but the search for the next markup.
_INERT = str.maketrans("<", "\x01")


def read(text: str, scope: str = "page") -> Html:
    """The spans of ``text`` that are not prose, the heading elements and the tags; with
    ``scope="main"``, also what lies outside the release (html_scope.py)."""
    record = scope == "main"
    # Nothing that begins after the last ">" ends, and html.parser reads it all as text;
    # but it first looks for the end of each thing begun there ("<!--", "</", "<a ", "<?"),
    # to the end of the text, which for a run of them takes time quadratic in its length.
    last = text.rfind(">") + 1
    return parse(text, text if "<" not in text[last:] else text[:last] + text[last:].translate(_INERT),
                 record=record)


def parse(text: str, given: str, kind: type[_Reader] = _Reader, record: bool = False) -> Html:
    """What html.parser finds in ``given``, which is ``text`` or reads as it does."""
    reader = kind(text, record)
    reader.feed(given)
    reader.close()
    for _, content_start in reader._open_verbatim:  # an element left open: to the end
        reader.hidden.append(Span(content_start, len(text)))
    outside: list[Span] = []
    if record:
        outside = outside_release(reader.events, len(text))
    return Html(reader.hidden, reader.headings, reader.tags, outside)
