"""Find the prose in a document: what is not code, markup, a URL or front matter.

The result is a *masked* copy of the text: every character outside prose becomes
:data:`MASK` (line breaks are kept), so rules can run plain regexes over prose and their
offsets still point into the original file. This is a light, regex-based reading of
Markdown and HTML; it errs on the side of masking too much rather than linting code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .diagnostic import Span

# Not a letter, digit, space or punctuation mark, so no rule's pattern matches it.
MASK = "\ufffc"

_TLDS = (
    "com|org|net|edu|gov|mil|int|io|ai|co|us|uk|ca|au|de|fr|eu|in|info|biz|app|dev|tech|"
    "news|online|site|store|health|ly|me|tv|fm|gg|so|to|xyz|cloud|global|world|agency|"
    "media|live|life|shop|club|pro|law|inc|company|group|solutions|capital|finance"
)
# Bare URLs, e-mail addresses and domains are found from a literal anchor ("://", "www.",
# "@", ".com"), which a regex scans for quickly, and then widened to the whole token.
# Spelled out in three cases rather than IGNORECASE, which would make the scan 5x slower.
_ADDRESS_ANCHOR = re.compile(
    rf"://|www\.|WWW\.|@|\.(?:{_TLDS}|{_TLDS.upper()}|{_TLDS.title()})\b")
_TOKEN_STOPS = frozenset(" \t\n<>\"'()[]{}")
_TOKEN_REST = re.compile(r"[^\s<>\"'()\[\]{}]*")
# An address is never longer than this; it bounds the search for the start of its token.
_LONGEST = 500
_TRAILING_PUNCTUATION = ".,;:!?*_"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# Markdown constructs, each with a character it cannot do without: a pattern runs only
# when its character is in the text, and separate simple patterns scan faster than one
# alternation (measured: 5x).
_MARKDOWN_INLINE = (
    ("`", re.compile(r"`[^`\n]*(?:\n[^`\n]+)*`+")),  # inline code, across lines of one paragraph
    ("!", re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")),  # images, alt text included
    ("]", re.compile(r"""\]\([^)\s]*(?:\s+"[^"\n]*")?\)""")),  # link destinations, not the text
    ("<", re.compile(r"<!--.*?-->|</?[A-Za-z][^<>\n]*>", re.DOTALL)),  # comments, tags, autolinks
)
# ...and those that start at a line.
_MARKDOWN_BLOCKS = re.compile(
    r"""^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)"""  # fenced code
    r"""|^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*""",  # reference definitions
    re.DOTALL | re.MULTILINE,
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)

_HTML = re.compile(
    r"""<!--.*?-->"""
    r"""|<(script|style|pre|code|textarea)\b.*?</\1\s*>"""
    r"""|<!?[A-Za-z/][^<>]*>""",
    re.DOTALL | re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Markup:
    prose: str
    masked: tuple[Span, ...]


def parse(text: str, kind: str) -> Markup:
    spans: list[Span] = []
    if kind == "markdown":
        if text.startswith("---"):
            spans.extend(Span(*m.span()) for m in _FRONT_MATTER.finditer(text))
        if "`" in text or "~~~" in text or "]:" in text:
            spans.extend(Span(*m.span()) for m in _MARKDOWN_BLOCKS.finditer(text))
        for needed, pattern in _MARKDOWN_INLINE:
            if needed in text:
                spans.extend(Span(*m.span()) for m in pattern.finditer(text))
    elif kind == "html":
        spans.extend(Span(*m.span()) for m in _HTML.finditer(text))
    spans.extend(_addresses(text))
    if not spans:
        return Markup(text, ())
    merged = _merge(spans)
    return Markup(_mask(text, merged), tuple(merged))


def _addresses(text: str) -> list[Span]:
    spans: list[Span] = []
    covered = -1
    for anchor in _ADDRESS_ANCHOR.finditer(text):
        if anchor.start() < covered:
            continue
        start = anchor.start()
        lower = max(0, start - _LONGEST)
        while start > lower and text[start - 1] not in _TOKEN_STOPS:
            start -= 1
        rest = _TOKEN_REST.match(text, anchor.end())
        end = rest.end() if rest else anchor.end()
        while end > anchor.end() and text[end - 1] in _TRAILING_PUNCTUATION:
            end -= 1
        token = text[start:end]
        if anchor.group() == "@":
            email = _EMAIL.search(token)
            if email is None:
                continue  # a handle ("@acme") or a lone at sign, not an address
            start, end = start + email.start(), start + email.end()
        spans.append(Span(start, end))
        covered = end
    return spans


def _merge(spans: list[Span]) -> list[Span]:
    spans.sort()
    merged = [spans[0]]
    for span in spans[1:]:
        last = merged[-1]
        if span.start <= last.end:
            if span.end > last.end:
                merged[-1] = Span(last.start, span.end)
        else:
            merged.append(span)
    return merged


def _mask(text: str, spans: list[Span]) -> str:
    parts: list[str] = []
    position = 0
    for span in spans:
        parts.append(text[position:span.start])
        hidden = text[span.start:span.end]
        # Keep line breaks so that line-based rules and sentence splitting still work.
        parts.append(re.sub(r"[^\n]", MASK, hidden) if "\n" in hidden else MASK * len(hidden))
        position = span.end
    parts.append(text[position:])
    return "".join(parts)
