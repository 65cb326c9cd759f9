"""Finding words in a document's prose and looking around them.

The word pattern and its tokens' text, whole-token search for the few words a rule suspects
(without every token's offset), the words next to a place, what stands around a word (a
handle's marks, a sentence's start, quotes, a line in capitals) and the letter case of a
word. No word lists: what a word means is the lexicon's business (lexicon.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Set
from functools import lru_cache
from itertools import compress
from typing import TYPE_CHECKING, NamedTuple

from .lazyre import LazyPattern

if TYPE_CHECKING:
    from .document import Document, Tokens

# The characters that join word parts into one token ("it's", "Wi-Fi", "U.S").
JOINERS = "'’.-"
JOINER = f"[{re.escape(JOINERS)}]"
"""A regex class of :data:`JOINERS`."""
# A word: letters and digits, with inner apostrophes, hyphens, and dots between letters
# kept together ("it's", "Wi-Fi", "U.S"), so rules see what a reader sees as one word.
# Possessive quantifiers: a word never gives characters back (what may follow one is a
# joiner or a non-word character), and not saving states to backtrack to makes the
# tokenizer, the largest shared cost, a fifth faster.
WORD = rf"\w++(?:{JOINER}\w++)*+"
"""The regex of one token of :class:`document.Tokens`, for rules that match a word in the prose."""
WORD_PATTERN = re.compile(WORD)
# The same words where every word character is ASCII: a quarter faster, and exact for a
# text whose only non-ASCII characters are punctuation, spaces and symbols (most releases).
ASCII_WORD_PATTERN = re.compile(WORD_PATTERN.pattern, re.ASCII)


class Token(NamedTuple):
    start: int
    end: int
    text: str


# -- words by position: for the few words a rule suspects, without every token's offset --

# A word straight after an offset: spaces (or markup between words, markup.SEPARATOR:
# "its **new** plant") and at most one line break before it. Each run of blanks has one
# place in the pattern and is never given back ("[ \t]*\n?[ \t]*" would try every split of
# a run of blanks between its two halves: quadratic in the run).
_ADJACENT_WORD = LazyPattern(rf"[ \t\u2063]*+(?:\n[ \t\u2063]*+)?({WORD})")


def word_char(char: str) -> bool:
    """Whether ``char`` is one of the characters a word is made of (regex ``\\w``)."""
    return char.isalnum() or char == "_"


# Characters that searching word by word may read before one pass over every token is cheaper.
_SEARCH_BUDGET = 20_000_000


def locate(prose: str, words: Iterable[str], tokens: Tokens | None = None) -> list[tuple[int, str]]:
    """Where each of ``words`` stands in ``prose`` as a whole token (a word of
    :class:`Tokens`, "Wi-Fi", "Microsoft’s"): (start, word) pairs, sorted. For the few
    words a rule suspects, much cheaper than every token's offset. ``tokens``: the
    prose's tokens (``doc.tokens`` for ``doc.prose``), used when many words are sought."""
    words = set(words)
    if len(words) * len(prose) > _SEARCH_BUDGET:
        # Many words in a long text: one pass over every token beats a search per word;
        # over the tokens' offsets and texts (in C: compress, map and zip), when the
        # document has them, rather than a match object per token (a 50 MB file: seconds).
        if tokens is not None:
            texts = tokens.texts
            return list(compress(zip(tokens.starts, texts, strict=True), map(words.__contains__, texts)))
        return [(match.start(), match.group()) for match in WORD_PATTERN.finditer(prose) if match.group() in words]
    found = [(start, word) for word in words for start in occurrences(prose, word)]
    found.sort()
    return found


def occurrences(prose: str, word: str) -> Iterator[int]:
    """The offsets where ``word`` stands in ``prose`` as a whole token, in order."""
    if len(word) <= 3:
        # A short word is part of many others ("its" of "benefits"): a regex, compiled
        # once for the run, checks each place in C.
        for match in token_pattern(word).finditer(prose):
            yield match.start()
        return
    # A longer word is seldom part of another: str.find, and each place checked here
    # (compiling a regex for a word met once would cost more).
    length, size = len(prose), len(word)
    start = prose.find(word)
    while start != -1:
        end = start + size
        if _token_edge(prose, start - 1, start - 2, length) and _token_edge(prose, end, end + 1, length):
            yield start
        start = prose.find(word, start + 1)


def _token_edge(prose: str, next_to: int, beyond: int, length: int) -> bool:
    """Whether a token can end beside ``prose[next_to]``: it is no word character, nor a
    joiner (apostrophe, dot, hyphen) with a word character ``beyond`` it."""
    if not 0 <= next_to < length:
        return True
    char = prose[next_to]
    if word_char(char):
        return False
    return not (char in JOINERS and 0 <= beyond < length and word_char(prose[beyond]))


@lru_cache(maxsize=4096)
def token_pattern(word: str) -> re.Pattern[str]:
    """Matches ``word`` where it is a whole token: no word character next to it, nor a
    joiner (apostrophe, dot, hyphen) with a word character beyond. The checks come
    after the word, so that the word is the pattern's literal prefix."""
    literal = re.escape(word)
    # Not the class ['’.\-]: a class holding a character beyond Latin-1 makes the
    # compiler build a large table, and this pattern is compiled once per short word.
    joiner = r"(?:['.\-]|’)"
    return re.compile(rf"{literal}(?<!\w{literal})(?<!\w{joiner}{literal})(?!\w)(?!{joiner}\w)")


def matches_in_order(patterns: Iterable[re.Pattern[str]], text: str) -> list[re.Match[str]]:
    """The matches of ``patterns`` in ``text``, in the order of the text. For a search split
    into one pattern per first character ("." and "!" and "?"), as the regex engine skips
    ahead to a literal but tries a class at every position; the patterns' matches must not
    overlap one another."""
    return sorted((match for pattern in patterns for match in pattern.finditer(text)), key=re.Match.start)


def next_words(prose: str, end: int, count: int = 1) -> list[Token]:
    """Up to ``count`` tokens straight after offset ``end`` (the end of a token), each
    separated from the one before by spaces and at most one line break: no punctuation,
    no blank line."""
    result: list[Token] = []
    for _ in range(count):
        match = _ADJACENT_WORD.match(prose, end)
        if match is None:
            break
        start, end = match.span(1)
        result.append(Token(start, end, match.group(1)))
    return result


# -- around a word: what makes it no prose word, where its sentence starts, quotes --

# Characters that make the word after them a handle, hashtag, ticker or path: never a typo.
_MARKERS_BEFORE = frozenset("@#$/\\_=&%~^*|<>[{:")
_MARKERS_AFTER = frozenset("@_/\\=&%~^*|<>]}")
# Zero-width characters and soft hyphens cut words in two ("T\u200dhese"): W's business.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\ufffc")


def is_free_standing(prose: str, start: int, end: int) -> bool:
    """Not part of a handle, hashtag, ticker, path, domain or code-like string."""
    before = prose[start - 1] if start else " "
    after = prose[end] if end < len(prose) else " "
    if before in _MARKERS_BEFORE or after in _MARKERS_AFTER or before in _INVISIBLE or after in _INVISIBLE:
        return False
    if after == "." and end + 1 < len(prose) and prose[end + 1].isalnum():
        return False  # "example.com", "node.js"
    return not (before == "." and start >= 2 and prose[start - 2].isalnum())



def following(doc: Document, index: int, count: int = 1) -> list[Token]:
    """Up to ``count`` tokens straight after token ``index`` in the same sentence-ish run:
    separated by spaces only (no punctuation, no blank line). Found in the prose after
    the token, so only token ``index`` is placed."""
    return next_words(doc.prose, doc.tokens[index].end, count)



def recurs(doc: Document, word: str) -> bool:
    """Whether the lower-case ``word`` occurs more than once in the document, in any case
    ("blockchain" and "Blockchain")."""
    if doc.word_counts[word] > 1:
        return True
    # A word that occurs once has one form; a second form lowering to it is a second use.
    return _lowered_counts(doc)[word] > 1


def _lowered_counts(doc: Document) -> Counter[str]:
    """How many of the document's distinct words lower-case to each form, made only for a
    document that has a suspect: one lookup per suspect, not a search of every word.
    Lower-casing the joined words is one C-level pass, and the same as lower-casing each:
    only a sigma's form depends on its neighbours, and a tab (which no token holds) ends a
    word as the string's ends do; Counter counts the split in C."""
    return doc.shared("scan._lowered_counts", lambda d: Counter("\t".join(d.word_counts).lower().split("\t")))



def in_capitals_line(prose: str, start: int) -> bool:
    """Whether the line around ``start`` is set in capitals (a headline): three or more
    words and no lower-case letter."""
    line_start = prose.rfind("\n", 0, start) + 1
    line_end = prose.find("\n", start)
    line = prose[line_start:line_end if line_end != -1 else len(prose)]
    return not any(ch.islower() for ch in line) and len(line.split()) >= 3


# U+2063 is markup.SEPARATOR: emphasis marks, link brackets, tags ("**Teh**", "[Teh link]").
_SENTENCE_START = LazyPattern(r"(?:\A|\n)[ \t\u2063]*(?:[#>*+\-•]+[ \t\u2063]*|\d+[.)][ \t\u2063]*)*"
                                 r"[\"“‘'(]?\u2063*\Z|[.!?][\"”’')\u2063]*[ \t]+[\"“‘'(\u2063]*\Z")


def starts_sentence(prose: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line or a list item."""
    return bool(_SENTENCE_START.search(prose, max(0, start - 12), start))


_QUOTED = LazyPattern(r"[\"“‘'](\w[\w\-]*)[\"”’']")


def quoted_words(doc: Document) -> frozenset[str]:
    """Lower-case words that the document puts in quotes on their own ("a “spaw” menu"):
    coinages and names, not typos."""
    return doc.shared("scan.quoted_words", _quoted_words)


def _quoted_words(doc: Document) -> frozenset[str]:
    return frozenset(m.group(1).lower() for m in _QUOTED.finditer(doc.prose))



# Tokens that scanning word by word may compare before one pass over them all is cheaper.
_SCAN_BUDGET = 2_000_000


def tokens_of(doc: Document, words: Set[str]) -> Iterator[int]:
    """Indices of the tokens whose text is one of ``words`` (usually a few rare ones), in
    order; ``list.index`` scans for each at C speed, and no token offset is needed."""
    if not words:
        return
    texts = doc.tokens.texts
    if len(words) * len(texts) > _SCAN_BUDGET:
        # Many words in a long document: one pass over the tokens beats a scan per word.
        yield from (index for index, text in enumerate(texts) if text in words)
        return
    found: list[int] = []
    for word in words:
        index = -1
        try:
            while True:
                index = texts.index(word, index + 1)
                found.append(index)
        except ValueError:
            pass
    found.sort()
    yield from found



# -- letter case --

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

