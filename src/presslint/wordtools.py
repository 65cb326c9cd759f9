"""Small helpers shared by the Typos (T) kinds: word shapes, case, neighbours in the prose."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .document import Document, Token
from .lexicon import is_word, known_words

APOSTROPHES = "'’"
# Characters that make the word after them a handle, hashtag, ticker or path: never a typo.
_MARKERS_BEFORE = frozenset("@#$/\\_=&%~^*|<>[{:")
_MARKERS_AFTER = frozenset("@_/\\=&%~^*|<>]}")
# Zero-width characters and soft hyphens cut words in two ("T\u200dhese"): W's business.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\ufffc")
_GAP = re.compile(r"[ \t]*\n?[ \t]*\Z")


def match_case(found: str, replacement: str) -> str:
    """``replacement`` written like ``found``: "TEH" -> "THE", "Teh" -> "The"."""
    if found.isupper() and len(found) > 1:
        return replacement.upper()
    if found[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def shape(word: str) -> str:
    """lower, title, upper or mixed (anything else: "iPhone", "McKinsey", "H2O")."""
    if not word.isalpha():
        return "mixed"
    if word.islower():
        return "lower"
    if word.isupper():
        return "upper"
    if word[0].isupper() and word[1:].islower():
        return "title"
    return "mixed"


def is_free_standing(prose: str, start: int, end: int) -> bool:
    """Not part of a handle, hashtag, ticker, path, domain or code-like string."""
    before = prose[start - 1] if start else " "
    after = prose[end] if end < len(prose) else " "
    if before in _MARKERS_BEFORE or after in _MARKERS_AFTER or before in _INVISIBLE or after in _INVISIBLE:
        return False
    if after == "." and end + 1 < len(prose) and prose[end + 1].isalnum():
        return False  # "example.com", "node.js"
    return not (before == "." and start >= 2 and prose[start - 2].isalnum())


def adjacent(prose: str, first: Token, second: Token) -> bool:
    """Whether only spaces (and at most one line break) separate two tokens."""
    return bool(_GAP.match(prose, first.end, second.start)) if first.end <= second.start else False


def following(doc: Document, index: int, count: int = 1) -> list[Token]:
    """Up to ``count`` tokens straight after token ``index`` in the same sentence-ish run:
    separated by spaces only (no punctuation, no blank line)."""
    tokens, prose = doc.tokens, doc.prose
    result: list[Token] = []
    previous = tokens[index]
    for token in tokens[index + 1:index + 1 + count]:
        if not adjacent(prose, previous, token):
            break
        result.append(token)
        previous = token
    return result


def lower_counts(doc: Document) -> dict[str, int]:
    """How often each word occurs in the document, ignoring case."""
    cache = doc.__dict__.get("_typos_lower_counts")
    if cache is None:
        cache = {}
        for word, count in doc.word_counts.items():
            key = word.lower()
            cache[key] = cache.get(key, 0) + count
        doc.__dict__["_typos_lower_counts"] = cache
    return cache


def in_capitals_line(prose: str, start: int) -> bool:
    """Whether the line around ``start`` is set in capitals (a headline): three or more
    words and no lower-case letter."""
    line_start = prose.rfind("\n", 0, start) + 1
    line_end = prose.find("\n", start)
    line = prose[line_start:line_end if line_end != -1 else len(prose)]
    return not any(ch.islower() for ch in line) and len(line.split()) >= 3


_SENTENCE_START = re.compile(r"(?:\A|\n)[ \t]*(?:[#>*+\-•]+[ \t]*|\d+[.)][ \t]*)*[\"“‘'(]?\Z"
                             r"|[.!?][\"”’')]*[ \t]+[\"“‘'(]?\Z")


def starts_sentence(prose: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line or a list item."""
    return bool(_SENTENCE_START.search(prose, max(0, start - 12), start))


_QUOTED = re.compile(r"[\"“‘'](\w[\w\-]*)[\"”’']")


def quoted_words(doc: Document) -> frozenset[str]:
    """Lower-case words that the document puts in quotes on their own ("a “spaw” menu"):
    coinages and names, not typos."""
    cache = doc.__dict__.get("_typos_quoted")
    if cache is None:
        cache = frozenset(m.group(1).lower() for m in _QUOTED.finditer(doc.prose))
        doc.__dict__["_typos_quoted"] = cache
    return cache


def in_foreign_phrase(doc: Document, index: int) -> bool:
    """A neighbour (up to two words away) that is no English word either: a phrase in
    another language ("abogado de accidentes")."""
    tokens, prose = doc.tokens, doc.prose
    for other in (index - 2, index - 1, index + 1, index + 2):
        if 0 <= other < len(tokens):
            low, high = sorted((index, other))
            neighbour = tokens[other].text
            joined = all(adjacent(prose, tokens[i], tokens[i + 1]) for i in range(low, high))
            if joined and neighbour.isalpha() and neighbour.islower() \
                    and not is_word(neighbour):
                return True
    return False


def find_tokens(doc: Document, regex: re.Pattern[str]) -> Iterator[int]:
    """Indices of the tokens that ``regex`` matches whole in the prose: a C-speed scan
    instead of a Python loop over every token."""
    from bisect import bisect_left

    starts, texts = doc.tokens.starts, doc.tokens.texts
    for match in regex.finditer(doc.prose):
        start, end = match.span()
        index = bisect_left(starts, start)
        if index < len(starts) and starts[index] == start and start + len(texts[index]) == end:
            yield index


def tokens_of(doc: Document, words: set[str]) -> Iterator[int]:
    """Indices of the tokens whose text is one of ``words`` (usually a few rare ones)."""
    if words:
        yield from doc.tokens.indices_of(words)


def unknown_forms(doc: Document) -> frozenset[str]:
    """The distinct token texts that are no lower-case word of the lists: capitalised words,
    compounds, numbers and the unknown. Set difference runs in C; the T kinds then look at
    this much smaller set in Python."""
    cache = doc.__dict__.get("_typos_unknown")
    if cache is None:
        cache = frozenset(known_words().missing(doc.word_counts))
        doc.__dict__["_typos_unknown"] = cache
    return cache
