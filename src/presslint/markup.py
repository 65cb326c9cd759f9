"""Find the prose in a document: what is not code, markup, a URL or front matter.

The result is a *masked* copy of the text: every character outside prose becomes
:data:`MASK` (line breaks are kept), so rules can run plain regexes over prose and their
offsets still point into the original file. This is a light, regex-based reading of
Markdown and HTML; it errs on the side of masking too much rather than linting code.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import starmap
from typing import TYPE_CHECKING, Any

from .diagnostic import Span
from .lazyre import LazyPattern
from .scan import word_char

if TYPE_CHECKING:
    from .html_prose import Html

# Not a letter, digit, space or punctuation mark, so no rule's pattern matches it. A word
# beside it is glued to what was hidden ("teh`code`", an address): not a word of its own.
MASK = "\ufffc"
# Markup between words ("**", "[", "<strong>", "&nbsp;"): it parts words as a space does,
# but is no space, so the whitespace rules see no gap that is not in the text. Placed on
# the character of the markup next to the word; the rest of a tag stays MASK.
SEPARATOR = "\u2063"

_TLDS = (
    "com|org|net|edu|gov|mil|int|io|ai|co|us|uk|ca|au|de|fr|eu|in|info|biz|app|dev|tech|"
    "news|online|site|store|health|ly|me|tv|fm|gg|so|to|xyz|cloud|global|world|agency|"
    "media|live|life|shop|club|pro|law|inc|company|group|solutions|capital|finance"
)
# Bare URLs, e-mail addresses and domains are found from a literal anchor ("://", "www.",
# "@", ".com"), which a regex scans for quickly, and then widened to the whole token.
# Spelled out in three cases rather than IGNORECASE, which would make the scan 5x slower.
# The lookahead after the dot turns away a sentence's full stop (a space follows) before
# the 180 endings are tried: 15% off the scan.
_ADDRESS_ANCHOR = re.compile(
    rf"://|www\.|WWW\.|@|\.(?=[A-Za-z])(?:{_TLDS}|{_TLDS.upper()}|{_TLDS.title()})\b")
_ADDRESS_ANCHOR_NOT_AT = re.compile(_ADDRESS_ANCHOR.pattern.replace("|@|", "|"))
# From where the search for a token's start may begin, everything up to the last character
# that ends tokens before the anchor; one match in C (greedy, then back to that character).
_UP_TO_LAST_STOP = re.compile(r""".*[ \t\n<>"'()\[\]{}]""", re.DOTALL)
_TOKEN_REST = re.compile(r"[^\s<>\"'()\[\]{}]*")
# An address is never longer than this; it bounds the search for the start of its token.
_LONGEST = 500
_TRAILING_PUNCTUATION = ".,;:!?*_"
# The parts of an e-mail address (_first_email): a domain, and what precedes its name.
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_UP_TO_LAST_NOT_LOCAL = re.compile(r".*[^\w.+-]", re.DOTALL)
# An "@" that may join the two: a character of a name before it, of a domain after it.
_AT_BETWEEN = re.compile(r"@(?<=[\w.+-]@)(?=[\w-])")

# Markdown constructs, each with a character it cannot do without: a construct is looked
# for only when its character is in the text, and separate simple scans run faster than one
# alternation (measured: 5x). The patterns few releases need (code, tags, "*" emphasis:
# under one in ten of the corpus) are compiled on first use, not at every start.
_INLINE_CODE = LazyPattern(r"`[^`\n]*(?:\n[^`\n]+)*`+")  # across lines of one paragraph
# Images (alt text included), link destinations (not the text), comments, tags and
# autolinks. A pattern's search tries every opener ("![", "](", "<!--") to the end of its
# line or the text: a run of openers takes time quadratic in its length. The functions
# below find the same in linear time.
# The patterns themselves run where they cannot be slow: when the openers times the
# characters are under _REGEX_BUDGET (a release), in C, as fast as ever.
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK_DESTINATION = re.compile(r"""\((?<=\]\()[^)\s]*(?:\s+"[^"\n]*")?\)""")
_COMMENT_OR_TAG = LazyPattern(r"<!--.*?-->|</?[A-Za-z][^<>\n]*>", re.DOTALL)
_REGEX_BUDGET = 2_000_000
_UP_TO_BRACKET = re.compile(r"[^\]\n]*")
_UP_TO_PARENTHESIS = re.compile(r"[^)\n]*")
_DESTINATION = re.compile(r"[^)\s]*")
_DESTINATION_END = re.compile(r"""(?:\s+"[^"\n]*")?\)""")
_TAG_OR_COMMENT = LazyPattern(r"<!--|</?[A-Za-z][^<>\n]*>")
_TAG = LazyPattern(r"</?[A-Za-z][^<>\n]*>")
# Emphasis: a run of "*" or "_" opening before a non-blank and closing after one, on one
# line ("**bold**", "*italic*", "__bold__"); "_" only outside words ("snake_case" is code).
# Each pattern starts with its mark, a literal the regex engine skips to; the checks on
# what comes before are lookbehinds after it (a leading lookbehind is tried everywhere).
_EMPHASIS = {
    "*": LazyPattern(r"\*(?<![\w*\\]\*)(\*{0,2})(?=[^\s*])[^\n]*?(?<=[^\s*\\])\*\1(?![\w*])"),
    "_": LazyPattern(r"_(?<![\w_\\]_)(_{0,2})(?=[^\s_])[^\n]*?(?<=[^\s_\\])_\1(?![\w_])"),
}
# A pattern's search tries each opener to the end of its line: quadratic on a line of "*a
# *a *a". Past _REGEX_BUDGET marks times characters, _emphasis finds the same from the
# runs of the mark in linear time (but in Python: 30x slower on a release).
_MARK_RUNS = {"*": LazyPattern(r"\*+"), "_": LazyPattern(r"_+")}
_WORD_OR_MARK = {"*": LazyPattern(r"[\w*]"), "_": LazyPattern(r"\w")}
_BLANK_OR_BACKSLASH = LazyPattern(r"[\s\\]")
_BLANK = LazyPattern(r"\s")
# Link text: its brackets part it from what is around ("[Teh link](...)", "[text][ref]").
_LINK_TEXT = LazyPattern(r"\[(?<![!\\]\[)[^\[\]\n]+\](?=[(\[])")
_REFERENCE_LABEL = LazyPattern(r"\[(?<=\]\[)[^\[\]\n]*\]")
# A table's delimiter row ("|---|:--:|"): the header row above it and the rows below it,
# up to a line without a "|", are the table.
# (Each run of blanks has one place in the pattern: "[ \t]*\|?[ \t]*" would try every
# split of a line of blanks between its two halves.)
_TABLE_DELIMITER = LazyPattern(r"^[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+(?:\|[ \t]*)?$",
                               re.MULTILINE)
_TABLE_HINTS = ("|-", "-|", "| -", "- |", "|:", ":|")
_REFERENCE_DEFINITIONS = LazyPattern(r"^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*", re.MULTILINE)
# Lines that may open a code or HTML block. Only a document that has one pays for
# markdown-it's block parser (none of the 1,000 releases of the development corpus does).
# Matched from the line break before the line: a literal prefix the regex engine finds
# fast, where a ^-anchored pattern is tried at every position of the text.
_BLOCK_HINT = LazyPattern(r"\n(?:(?: {4}|\t)\S| {0,3}(?:```|~~~|<[A-Za-z!/?]))")
_ATX_HEADING = LazyPattern(r"^ {0,3}#{1,6}(?:[ \t][^\n]*)?$", re.MULTILINE)
_FRONT_MATTER = LazyPattern(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)



@dataclass(frozen=True, slots=True)
class Markup:
    prose: str
    masked: tuple[Span, ...]
    # Code (blocks and inline): what looks like a directive there is only an example.
    code: tuple[Span, ...] = ()
    # Character references in the prose ("&rsquo;"): (start, end, what they show).
    entities: tuple[tuple[int, int, str], ...] = ()
    # An HTML page's headings, found by the same parse (:func:`headings` would parse again).
    headings: tuple[Span, ...] | None = None


def parse(text: str, syntax: str, html_scope: str = "main") -> Markup:
    """The prose of ``text``; an HTML page's release only (``html_scope`` "main": see
    html_scope.py) or the whole page ("page")."""
    # Spans are (start, end) tuples until the end: tuples sort in C, Span objects in Python.
    spans: list[tuple[int, int]] = []
    code: list[tuple[int, int]] = []
    found_headings: tuple[Span, ...] | None = None
    # Where markup meets a word: offset -> SEPARATOR, or a line break for a block's start.
    separators: dict[int, str] = {}
    tags: list[tuple[int, int, bool]] = []
    if syntax == "markdown":
        if text.startswith("---"):
            spans.extend(m.span() for m in _FRONT_MATTER.finditer(text))
        if _has_block_hint(text):
            # One block parse for the code, the HTML blocks and the headings (which
            # Document.headings would otherwise parse again).
            blocks = _markdown_blocks(text, ("fence", "code_block", "html_block", "heading_open"))
            code = blocks["fence"] + blocks["code_block"]
            spans.extend(code)
            spans.extend(blocks["html_block"])
            found_headings = tuple(_heading_spans(text, blocks["heading_open"]))
        if "]:" in text:
            spans.extend(m.span() for m in _REFERENCE_DEFINITIONS.finditer(text))
        if "`" in text:
            found = [m.span() for m in _INLINE_CODE.finditer(text)]
            spans.extend(found)
            code.extend(found)
        if "![" in text:
            spans.extend(_spans(text, "![", _IMAGE, _images))
        if "](" in text:
            spans.extend(_spans(text, "](", _LINK_DESTINATION, _link_destinations))
        if "<" in text:
            found = _spans(text, "<", _COMMENT_OR_TAG, _tags_and_comments)
            spans.extend(found)
            tags = _inline_tags(text, found)
        _markdown_separators(text, separators, spans)
    elif syntax == "html":
        from .html_prose import read

        html = read(text, html_scope)
        spans.extend((span.start, span.end) for span in html.hidden)
        spans.extend((span.start, span.end) for span in html.outside)
        tags = html.tags
        found_headings = tuple(_release_headings(html))
    spans.extend(_addresses(text))
    entities = _entities(text, syntax) if syntax != "text" and "&" in text else []
    if not spans and not separators and not entities:
        return Markup(text, (), headings=found_headings)
    merged = _merge(spans) if spans else []
    prose = _mask(text, merged)
    if entities:
        # Only those in the prose: not inside a tag, code or an address.
        entities = [entity for entity in entities if MASK not in prose[entity[0]:entity[1]]]
        if syntax == "html":
            # The rules that read the text as written (whitespace, characters) see no
            # entity, as before: they are markup. The word rules read them decoded.
            merged = _merge(merged + [(start, end) for start, end, _ in entities])
            prose = _mask(text, merged)
    if separators:
        # Emphasis marks inside code or an address stay hidden.
        separators = {offset: mark for offset, mark in separators.items() if prose[offset] != MASK}
    if tags:
        _tag_separators(prose, tags, separators)
    if separators:
        prose = _place(prose, separators)
    return Markup(prose, tuple(starmap(Span, merged)), tuple(starmap(Span, sorted(code))), tuple(entities),
                  found_headings)


def _spans(text: str, opener: str, pattern: re.Pattern[str] | LazyPattern,
           scan: Callable[[str], list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """The spans of ``pattern`` in ``text``: its own search where it is cheap, else
    ``scan``, which finds the same in time linear in the text."""
    if text.count(opener) * len(text) <= _REGEX_BUDGET:
        return [match.span() for match in pattern.finditer(text)]
    return scan(text)


def _run_end(run: re.Pattern[str], text: str, start: int) -> int:
    """Where ``run`` (a pattern that matches the empty string too) stops from ``start``."""
    match = run.match(text, start)
    return match.end() if match else start


def _images(text: str) -> list[tuple[int, int]]:
    """The spans of _IMAGE in ``text``, each character read at most
    twice: where one "![" fails, every "![" before the point its scan reached fails too."""
    spans = []
    unclosed = -1  # no ")" from before here to here, a line's end
    position = text.find("![")
    while position != -1:
        bracket = _run_end(_UP_TO_BRACKET, text, position + 2)
        if text.startswith("](", bracket) and bracket + 2 > unclosed:
            close = _run_end(_UP_TO_PARENTHESIS, text, bracket + 2)
            if text.startswith(")", close):
                spans.append((position, close + 1))
                position = text.find("![", close + 1)
                continue
            unclosed = close
        position = text.find("![", bracket)
    return spans


def _link_destinations(text: str) -> list[tuple[int, int]]:
    """The spans of _LINK_DESTINATION in ``text`` (a link's
    destination and title), each "(" after "]" tried once: one whose destination leads
    nowhere fails for every "](" in it too."""
    spans = []
    position = text.find("](")
    while position != -1:
        destination = _run_end(_DESTINATION, text, position + 2)
        end = _DESTINATION_END.match(text, destination)
        if end is not None:
            spans.append((position + 1, end.end()))
            destination = end.end()
        position = text.find("](", destination)
    return spans


def _tags_and_comments(text: str) -> list[tuple[int, int]]:
    """The spans of _COMMENT_OR_TAG in ``text``: once a
    comment is left open, no later one can close, and only tags are looked for."""
    spans = []
    pattern = _TAG_OR_COMMENT
    match = pattern.search(text)
    while match is not None:
        start, end = match.span()
        if end - start == 4 and text.startswith("<!--", start):
            close = text.find("-->", end)
            if close == -1:
                pattern = _TAG
                match = pattern.search(text, start + 1)
                continue
            end = close + 3
        spans.append((start, end))
        match = pattern.search(text, end)
    return spans


def _markdown_separators(text: str, separators: dict[int, str], hidden: list[tuple[int, int]]) -> None:
    """The emphasis marks and link brackets: each of their characters parts words."""
    for mark, pattern in _EMPHASIS.items():
        if mark in text:
            found = ([(*match.span(), 1 + len(match.group(1))) for match in pattern.finditer(text)]
                     if text.count(mark) * len(text) <= _REGEX_BUDGET else _emphasis(text, mark))
            for start, end, marks in found:
                separators.update(dict.fromkeys(range(start, start + marks), SEPARATOR))
                separators.update(dict.fromkeys(range(end - marks, end), SEPARATOR))
    if "|" in text and any(pair in text for pair in _TABLE_HINTS):
        for match in _TABLE_DELIMITER.finditer(text):
            _table_separators(text, match.start(), match.end(), separators)
    if "[" in text:
        for match in _LINK_TEXT.finditer(text):
            separators[match.start()] = separators[match.end() - 1] = SEPARATOR
        hidden.extend(map(re.Match.span, _REFERENCE_LABEL.finditer(text)))


def _emphasis(text: str, mark: str) -> list[tuple[int, int, int]]:
    """The emphasis of ``mark`` ("*" or "_"): (start, end, how many marks each side), as
    its pattern in _EMPHASIS finds them, from the runs of the mark: a run of one to three opens
    before a non-blank, after neither a word's character nor a backslash, and the first
    run as long that can close on its line closes it (after a non-blank, not a backslash,
    and before no word's character)."""
    word_or_mark, blank_or_backslash = _WORD_OR_MARK[mark].match, _BLANK_OR_BACKSLASH.match
    runs = [match.span() for match in _MARK_RUNS[mark].finditer(text)]
    closers: dict[int, list[int]] = {1: [], 2: [], 3: []}
    for start, end in runs:
        if end - start <= 3 and start and not blank_or_backslash(text, start - 1) and not word_or_mark(text, end):
            closers[end - start].append(start)
    found = []
    resume = 0
    for start, end in runs:
        marks = end - start
        if (start < resume or marks > 3 or end == len(text) or _BLANK.match(text, end)
                or (start and (word_or_mark(text, start - 1) or text[start - 1] == "\\"))):
            continue
        candidates = closers[marks]
        index = bisect_left(candidates, end + 1)
        if index < len(candidates):
            close = candidates[index]
            line_end = text.find("\n", end, close)
            if line_end == -1:
                found.append((start, close + marks, marks))
                resume = close + marks
    return found


def _table_separators(text: str, start: int, end: int, separators: dict[int, str]) -> None:
    """Each cell of the table around the delimiter row at ``start``-``end`` reads as a line
    of its own: its "|" become line breaks in the prose, so "| Teh |" starts a line."""
    header = text.rfind("\n", 0, max(0, start - 1)) + 1
    last = end
    while last < len(text):
        line_end = text.find("\n", last + 1)
        line_end = len(text) if line_end == -1 else line_end
        if "|" not in text[last:line_end]:
            break
        last = line_end
    for position in range(header, last):
        if text[position] == "|" and text[position - 1:position] != "\\":
            separators[position] = "\n"


_TAG_NAME = LazyPattern(r"</?([A-Za-z][A-Za-z0-9-]*)[\s/>]")


def _inline_tags(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """The HTML tags among a Markdown text's ``<...>`` spans (not comments or autolinks,
    which are addresses), each with whether it is a block element's ("<br>", "<p>")."""
    from .html_prose import BLOCKS

    tags = []
    for start, end in spans:
        name = _TAG_NAME.match(text, start, end)
        if name is not None:
            tags.append((start, end, name.group(1).lower() in BLOCKS))
    return tags


def _tag_separators(prose: str, tags: list[tuple[int, int, bool]], separators: dict[int, str]) -> None:
    """Where tags touch a word ("<p>Teh", "teh</a>", "<strong>recieve</strong>"), the
    character of the tags next to the word parts it, and a word after a block's tag (even
    through inline tags: "<p><strong>Teh") starts a line, as a reader sees it. Inline tags
    with a word character on both sides are inside a word ("1<sup>st</sup>", "H<sub>2</sub>O")
    and stay glue."""
    length = len(prose)
    index = 0
    while index < len(tags):
        start, end, block = tags[index]
        index += 1
        while index < len(tags) and tags[index][0] == end:  # a run of tags: "<p><em>"
            end, block = tags[index][1], block or tags[index][2]
            index += 1
        word_before = start > 0 and word_char(prose[start - 1])
        word_after = end < length and word_char(prose[end])
        if word_before and word_after and not block:
            continue
        if word_after:
            separators[end - 1] = "\n" if block else SEPARATOR
        if word_before:
            separators.setdefault(start, SEPARATOR)


def _place(prose: str, separators: dict[int, str]) -> str:
    """``prose`` with the characters at the separators' offsets replaced (a line break
    stays: the text has it)."""
    parts: list[str] = []
    position = 0
    for offset in sorted(separators):
        if prose[offset] != "\n":
            parts.append(prose[position:offset])
            parts.append(separators[offset])
            position = offset + 1
    parts.append(prose[position:])
    return "".join(parts)


# A character reference after its "&": "#8217;", "#x2019;", "rsquo;" (W112 also finds
# them, escaped or not).
ENTITY_BODY = r"(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
ENTITY = LazyPattern("&" + ENTITY_BODY)


def _entities(text: str, syntax: str) -> list[tuple[int, int, str]]:
    """The character references of ``text`` and what each shows: a letter or mark, or a
    run of :data:`SEPARATOR` (a space: "&nbsp;") or :data:`MASK` (an invisible character:
    "&shy;", "&zwj;"; a name HTML does not know) as long as the reference."""
    import unicodedata
    from html import unescape

    found = []
    for match in ENTITY.finditer(text):
        reference = match.group()
        shown = unescape(reference)
        start, end = match.span()
        if shown == reference or len(shown) != 1:
            if syntax == "markdown":
                continue  # "&Co;" is text in Markdown
            shown = MASK * (end - start)
        elif shown.isspace():
            shown = SEPARATOR * (end - start)
        elif unicodedata.category(shown) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            shown = MASK * (end - start)
        found.append((start, end, shown))
    return found


def _has_block_hint(text: str) -> bool:
    """Whether a line may open a code or HTML block."""
    return bool(_BLOCK_HINT.match("\n" + text[:8]) or _BLOCK_HINT.search(text))


def _markdown_blocks(text: str, types: tuple[str, ...]) -> dict[str, list[tuple[int, int]]]:
    """The spans of the whole lines of every block of each of ``types``, from one parse by
    markdown-it-py."""
    parser = _block_parser()
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    spans: dict[str, list[tuple[int, int]]] = {kind: [] for kind in types}
    for token in parser.parse(text):
        if token.type in spans and token.map:
            first, last = token.map
            end = starts[last] if last < len(starts) else len(text)
            spans[token.type].append((starts[first], end))
    return spans


def _heading_spans(text: str, blocks: list[tuple[int, int]]) -> list[Span]:
    """Headings' spans from their blocks' whole lines, without the last line break."""
    return [Span(start, end - 1 if text[end - 1:end] == "\n" else end) for start, end in blocks]


_parser: Any = None


def _block_parser() -> Any:
    global _parser
    if _parser is None:
        from markdown_it import MarkdownIt

        # Block structure only: inline parsing costs three times as much, and the inline
        # constructs that hide prose are masked by the patterns above.
        _parser = MarkdownIt("commonmark", {"html": True}).enable("table").disable("inline")
    return _parser


def headings(text: str, syntax: str, html_scope: str = "main") -> list[Span]:
    """The headings of a document: Markdown ATX and setext headings, HTML <h1>-<h6> (of
    the release only, in ``html_scope`` "main")."""
    if syntax == "markdown":
        if _has_block_hint(text) or _may_have_setext_heading(text):
            return _heading_spans(text, _markdown_blocks(text, ("heading_open",))["heading_open"])
        return [Span(*m.span()) for m in _ATX_HEADING.finditer(text)]
    if syntax == "html":
        from .html_prose import read

        return _release_headings(read(text, html_scope))
    return []


_SETEXT_UNDERLINE = LazyPattern(r"^ {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)


def _may_have_setext_heading(text: str) -> bool:
    """Whether a line that could underline a setext heading ("===", "---") follows a line
    with text. After a blank line, or first, it underlines nothing: "---" is then a thematic
    break, as in 4 releases in 10, which thus need no block parse for their headings. (Each
    line before an underline is read once: linear in the text.)"""
    for underline in _SETEXT_UNDERLINE.finditer(text):
        end = underline.start() - 1  # the line break before it
        if end >= 0 and text[text.rfind("\n", 0, end) + 1:end].strip():
            return True
    return False


def _release_headings(html: Html) -> list[Span]:
    """The headings of an HTML page that are not outside its release."""
    if not html.outside:
        return html.headings
    outside = sorted(html.outside)  # apart from each other: the one before a heading holds it or none does
    starts = [span.start for span in outside]
    found = []
    for heading in html.headings:
        before = bisect_right(starts, heading.start) - 1
        if before < 0 or outside[before].end <= heading.start:
            found.append(heading)
    return found


def _addresses(text: str) -> list[tuple[int, int]]:
    """The spans of the bare URLs, e-mail addresses and domains of ``text``.

    Linear in the text whatever it holds (a run of "@", "a@a@a@..."): each anchor's search
    backwards for its token's start reads only what the last anchor's did not, and the end
    of a token, and whether it holds an e-mail address, are found once for all its anchors.
    """
    spans: list[tuple[int, int]] = []
    search = _ADDRESS_ANCHOR.search
    anchor = search(text)
    scanned = 0  # the text before this has been searched for the last stop
    last_stop = -1  # the offset after the last character that ends tokens before ``scanned``
    token = (-1, -1, -1)  # a run of token characters (from, to) and where its end trimmed to
    email: tuple[int, int, tuple[int, int] | None] = (-1, -1, None)  # (start, end, found)
    while anchor is not None:
        anchor_start, anchor_end = anchor.span()
        lowest = max(0, anchor_start - _LONGEST)
        before = _UP_TO_LAST_STOP.match(text, max(scanned, lowest), anchor_start)
        if before:
            last_stop = before.end()
        scanned = anchor_start
        start = last_stop if last_stop > lowest else lowest
        if _sentence_run_on(text, start, anchor_start, anchor_end):
            anchor = search(text, anchor_end)
            continue
        if not token[0] <= anchor_end <= token[1]:
            rest = _TOKEN_REST.match(text, anchor_end)
            to = rest.end() if rest else anchor_end
            trimmed = to
            while trimmed > anchor_end and text[trimmed - 1] in _TRAILING_PUNCTUATION:
                trimmed -= 1
            token = (anchor_end, to, trimmed)
        end = max(token[2], anchor_end)
        if anchor.group() == "@":
            if not (email[1] == end and email[0] <= start and (email[2] is None or email[2][0] >= start)):
                email = (start, end, _first_email(text, start, end))
            if email[2] is None:
                # A handle ("@acme") or a lone at sign, not an address; nor is any other at
                # sign of this token's.
                anchor = _ADDRESS_ANCHOR_NOT_AT.search(text, anchor_end, token[1]) or search(text, token[1])
                continue
            start, end = email[2]
        spans.append((start, end))
        # The next search starts after this address: a URL holds several anchors ("://",
        # "www.", ".com"), and only its first is needed. (An e-mail address found for an
        # at sign may end before it: "a@b.co@".)
        anchor = search(text, max(end, anchor_end))
    return spans


def _first_email(text: str, start: int, end: int) -> tuple[int, int] | None:
    r"""The span of the first e-mail address, r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", between
    ``start`` and ``end``, in time linear in ``end - start`` (the pattern's search tries
    every start in a run of letters, each to its end)."""
    after = start  # the first character after the last "@" tried
    at = _AT_BETWEEN.search(text, start, end)
    while at is not None:
        domain = _DOMAIN.match(text, at.end(), end)
        if domain is not None:
            local = _UP_TO_LAST_NOT_LOCAL.match(text, after, at.start())
            local_start = local.end() if local else after
            if local_start < at.start():  # (the name may lie before ``start``)
                return local_start, domain.end()
        after = at.end()
        at = _AT_BETWEEN.search(text, after, end)
    return None


def _sentence_run_on(text: str, start: int, dot: int, anchor_end: int) -> bool:
    """"neighborhoods.In 2020", "last year.To help": a lower-case word, a full stop and a
    capitalised word that is also a domain ending, then a space. Two sentences that lost
    the space between them (W106's to report), not an address: a domain is not written
    with a lower-case name and a capitalised ending ("Amazon.Com" is, and stays masked)."""
    word, ending = text[start:dot], text[dot + 1:anchor_end]
    return (ending[:1].isupper() and ending[1:].islower() and word.isalpha() and word.islower()
            and text[anchor_end:anchor_end + 1] in (" ", "\n"))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans.sort()
    merged = [spans[0]]
    for start, end in spans[1:]:
        last_start, last_end = merged[-1]
        if start <= last_end:
            if end > last_end:
                merged[-1] = (last_start, end)
        else:
            merged.append((start, end))
    return merged


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    parts: list[str] = []
    position = 0
    for start, end in spans:
        parts.append(text[position:start])
        hidden = text[start:end]
        # Keep line breaks so that line-based rules and sentence splitting still work.
        parts.append(re.sub(r"[^\n]", MASK, hidden) if "\n" in hidden else MASK * len(hidden))
        position = end
    parts.append(text[position:])
    return "".join(parts)
