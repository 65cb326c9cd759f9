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
# Bare URLs, e-mail addresses and domains, in any kind of file.
_ADDRESSES = re.compile(
    r"""(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"'()\[\]]*[^\s<>"'()\[\].,;:!?]"""  # URLs
    r"""|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"""  # e-mail addresses
    rf"""|\b(?:[\w-]+\.)+(?:{_TLDS})\b(?:/[^\s<>"'()\[\]]*[^\s<>"'()\[\].,;:!?])?""",  # domains
    re.IGNORECASE,
)

_MARKDOWN = re.compile(
    r"""\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)"""  # YAML front matter
    r"""|^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)"""  # fenced code
    r"""|`+[^`\n]+`+"""  # inline code
    r"""|!\[[^\]\n]*\]\([^)\n]*\)"""  # images, alt text included
    r"""|(?<=\])\([^)\s]*(?:\s+"[^"\n]*")?\)"""  # link destinations
    r"""|^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*"""  # reference definitions
    r"""|<!--.*?-->"""  # HTML comments
    r"""|</?[A-Za-z][^<>\n]*>""",  # HTML tags and autolinks
    re.DOTALL | re.MULTILINE,
)

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
        spans.extend(Span(m.start(), m.end()) for m in _MARKDOWN.finditer(text))
    elif kind == "html":
        spans.extend(Span(m.start(), m.end()) for m in _HTML.finditer(text))
    spans.extend(Span(m.start(), m.end()) for m in _ADDRESSES.finditer(text))
    if not spans:
        return Markup(text, ())
    merged = _merge(spans)
    return Markup(_mask(text, merged), tuple(merged))


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
