"""What the Capitalization (C) rules share: where case is positional, and the word lists.

A capital letter means nothing at the start of a sentence, a heading, a title-case
headline or an all-caps line; these helpers say where that is, so the C rules compare
only the capitals a writer chose. Word lists are loaded once, lazily.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from itertools import filterfalse, repeat
from operator import add
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ...diagnostic import Span
from ...lazyre import LazyPattern
from ...listfile import read_list_file
from ...markup import MASK
from ...wordlist import SortedTable, packaged_text

if TYPE_CHECKING:
    from ...document import Document

# What may stand between a sentence boundary and its first word: spaces, opening quotes
# and brackets, Markdown emphasis.
_OPENERS = " \t\"'“‘(*_[>"
# After one of these, the next word starts a sentence, a clause after a colon, or an item.
_STARTERS = ".!?:;\n|•·▪●–—-#" + MASK
_LINE = LazyPattern(r"[^\n]+")
_LETTERS = LazyPattern(r"[^\W\d_]+")
_LOWER = LazyPattern(r"[a-zß-öø-ÿ]+")
# Short words that stay lower case in a title-case headline.
MINOR_WORDS = frozenset(
    "a an the and but or nor for so yet as at by in of off on per to up via vs v with from into "
    "onto over than that upon out".split()
)
POSSESSIVE = re.compile(r"['’]s?$")
# A token (Document.tokens) never ends in an apostrophe, so its possessive ending, if
# any, is one of these, and it can be cut from many words joined by newlines at once.
POSSESSIVE_ENDINGS = ("’s", "'s")


def _cut_possessives(joined: str) -> str:
    """Words joined by newlines, each without its possessive ending."""
    for ending in POSSESSIVE_ENDINGS:
        if ending[0] in joined:  # one character: found far faster than three
            joined = joined.replace(f"{ending}\n", "\n")
    # The last word has no newline after it (both endings are two characters long).
    return joined[:-2] if joined.endswith(POSSESSIVE_ENDINGS) else joined


def base_forms(words: Iterable[str]) -> list[str]:
    """Tokens without a possessive ending ("Microsoft’s" -> "Microsoft"), in order;
    string operations over the joined words rather than one call a word."""
    joined = "\n".join(words)
    return _cut_possessives(joined).split("\n") if joined else []


def with_possessives(words: set[str]) -> set[str]:
    """``words`` and their possessive forms ("acme" -> "acme", "acme’s", "acme's")."""
    forms = set(words)
    for ending in POSSESSIVE_ENDINGS:
        forms.update(map(add, words, repeat(ending)))
    return forms


def in_lower_case(doc: Document, keys: set[str]) -> set[str]:
    """Those of ``keys`` that are words of ``doc`` too, possessive or not ("acme",
    "acme’s"). Possessives are made only for the keys not found plain, with the
    apostrophes the document has, and in C: one join and split of them all."""
    counts = doc.word_counts
    found = counts.keys() & keys
    rest = keys - found
    prose = doc.prose
    for ending in POSSESSIVE_ENDINGS:
        if rest and ending[0] in prose:  # one character: found far faster than two
            possessives = (f"{ending}\n".join(rest) + ending).split("\n")
            found.update(word[:-len(ending)] for word in counts.keys() & possessives)
    return found


class CapitalisedWords(NamedTuple):
    """The distinct words of a document not in lower case ("Microsoft’s", "iPhone",
    "NASA", "2024"), in the order of ``Document.word_counts``; the base form of each
    (:func:`base_forms`: "Microsoft"), and its key: the base form in lower case. A
    lower-case word is its own key, less a possessive ending, so the C rules look those
    up directly."""

    words: list[str]
    bases: list[str]
    keys: list[str]


def capitalised_words(doc: Document) -> CapitalisedWords:
    return doc.shared("casing.capitalised_words", _capitalised_words)


def _capitalised_words(doc: Document) -> CapitalisedWords:
    # Most distinct words are in lower case: a C-level filter sets them aside, and the
    # rest are cut and lowered as one string (lower() keeps the newlines, and a newline
    # ends a word for the final-sigma rule too).
    words = list(filterfalse(str.islower, doc.word_counts))
    if not words:
        return CapitalisedWords([], [], [])
    bases = _cut_possessives("\n".join(words))
    return CapitalisedWords(words, bases.split("\n"), bases.lower().split("\n"))


def at_sentence_start(prose: str, start: int) -> bool:
    """Whether the word at ``start`` is the first of a sentence, clause, line or item."""
    position = start - 1
    while position >= 0 and prose[position] in _OPENERS:
        position -= 1
    if position < 0:
        return True
    char = prose[position]
    if char in _STARTERS:
        return True
    # "1) The" or "a) the": list markers.
    return char == ")" and (position == 0 or (prose[position - 1].isalnum() and _line_start_near(prose, position)))


def _line_start_near(prose: str, position: int) -> bool:
    line_start = prose.rfind("\n", 0, position) + 1
    return position - line_start <= 3


# The words around a name, across a comma or a joining word: "Cryotherapy, Sauna and Spa".
# The word before is taken whole (++: what follows it can never start with one of its
# characters, so giving some back could not make a match), or the search would retry
# every shorter word at every position of its window.
_PREVIOUS_WORD = LazyPattern(r"([\w’'.&-]++)(?:[ \t]+(?:and|or|&|of|for|de))?,?[ \t]+$")
_NEXT_WORD = LazyPattern(r",?[ \t]+(?:(?:and|or|&)[ \t]+)?([\w’'.&-]+)")
# Lower-case words that join the parts of a title-case name ("Bank of America").
_JOINERS = frozenset({"of", "for", "de", "la", "du", "von", "van", "der", "&"})


def stands_alone(prose: str, start: int, end: int) -> bool:
    """The capitalised word at ``start`` is not part of a longer title-case name."""
    before = _PREVIOUS_WORD.search(prose, max(0, start - 40), start)
    if before and before.group(1)[0].isupper():
        return False
    after = _NEXT_WORD.match(prose, end)
    if after:
        word = after.group(1)
        if word[0].isupper() or word.lower() in _JOINERS:
            return False
    return True


class Lines:
    """The lines of a document where capitals are positional: headings, title-case
    lines (a title-case headline among them) and all-caps lines. Each line is judged
    when first asked about, so a document pays only for the lines its rules look at."""

    __slots__ = ("_judged", "_prose", "_syntax")

    def __init__(self, prose: str, syntax: str) -> None:
        self._prose = prose
        self._syntax = syntax
        self._judged: dict[int, bool] = {}

    def exempt(self, offset: int) -> bool:
        prose = self._prose
        start = prose.rfind("\n", 0, offset) + 1
        judged = self._judged.get(start)
        if judged is None:
            end = prose.find("\n", offset)
            line = prose[start:end if end != -1 else len(prose)].strip(" \t" + MASK)
            judged = bool(line) and (is_heading_line(line, self._syntax) or is_title_line(line)
                                     or is_caps_line(line))
            self._judged[start] = judged
        return judged


def is_heading_line(line: str, syntax: str) -> bool:
    return line.startswith("#") if syntax == "markdown" else False


def is_caps_line(line: str) -> bool:
    """Four letters or more, at most a fifth of them in lower case."""
    for sample in (line[:100], line):  # most lines show their lower case at once
        # Runs of letters counted by their length: a list item a word, not a letter.
        lower = len("".join(_LOWER.findall(sample)))
        if lower > 0.2 * len(sample):  # a fifth of the characters: of the letters too
            return False
        letters = len("".join(_LETTERS.findall(sample)))
        if letters < 4 or lower > 0.2 * letters:
            return False
    return True


def is_title_line(line: str) -> bool:
    """A line that reads as a title-case headline or heading: no full stop at its end,
    and every word but the minor ones capitalised."""
    if len(line) > 400 or (line[-1] in ".!?" and not line.endswith("...")):
        return False
    words = [w for w in _LETTERS.findall(line) if len(w) > 1 and w.lower() not in MINOR_WORDS]
    if len(words) < 2 or len(words) > 30:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.75 * len(words)


class CommonWords:
    """Frequent lower-case English words (see scripts/build_capitalization_data.py);
    "we’re" is looked up as "we're".

    A run asks about a few thousand distinct words, mostly again and again ("the", "we"):
    the list is a :class:`~presslint.wordlist.SortedTable`, looked up in place with its
    answers kept, which builds the set of its 68,000 words only when a run asks about
    nearly every word of its documents (``consistency: project``).
    """

    def __init__(self) -> None:
        self.table = SortedTable(packaged_text("capitalization", "common-words.txt"))
        # What ``uncommon`` found to be common words or compounds of them ("fast-growing").
        self._not_names: set[str] = set()

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and not self.missing({word})

    def missing(self, words: Iterable[str]) -> set[str]:
        """Those of ``words`` that are not common words."""
        words = words if isinstance(words, set) else set(words)
        if "’" not in "".join(words):  # the usual case: no word to normalise
            return self.table.missing(words, batch=False)
        normalised = {word: word.replace("’", "'") for word in words}
        absent = self.table.missing(set(normalised.values()), batch=False)
        return {word for word, key in normalised.items() if key in absent}

    def uncommon(self, keys: set[str]) -> set[str]:
        """Those of ``keys`` that are neither common words nor compounds of them."""
        absent = self.missing(keys)
        if "-" in "".join(absent):  # "fastest-growing": one look-up of all the parts
            compounds = [key.split("-") for key in absent if "-" in key]
            rare = self.missing({part for parts in compounds for part in parts})
            absent -= {"-".join(parts) for parts in compounds if rare.isdisjoint(parts)}
        self._not_names |= keys - absent
        return absent

    def not_known(self, keys: set[str]) -> set[str]:
        """Those of ``keys`` that :meth:`uncommon` has not yet found to be common words or
        compounds of them: a cut in C, before what costs more a key."""
        return keys.difference(self._not_names)


@cache
def common_words() -> CommonWords:
    return CommonWords()


def bundled_terms_path() -> Path:
    from ...bundled import builtin_pack_dir

    return builtin_pack_dir() / "terms.txt"


@cache
def bundled_terms() -> tuple[str, ...]:
    return tuple(read_list_file(bundled_terms_path(), "terms file"))


def term_map(terms: Iterable[str]) -> dict[str, str]:
    """Lower-case key -> the one right spelling; later terms win."""
    return {term.lower(): term for term in terms}


# --- the headline ---------------------------------------------------------------------------

_FIRST_LINE = LazyPattern(r"^[ \t]*([^\s" + MASK + r"].*)$", re.MULTILINE)
_HEADING_MARKS = " \t#" + MASK


def _first_heading(doc: Document, headings: list[Span] | None = None) -> tuple[int, int] | None:
    """The text of the first heading (Markdown ATX or setext, HTML h1-h6), without its
    marks ("#", the setext underline, tags), if the document has one."""
    prose = doc.prose
    for span in doc.headings if headings is None else headings:
        segment = prose[span.start:span.end].split("\n", 1)[0]
        text = segment.strip(_HEADING_MARKS)
        if text:
            start = span.start + len(segment) - len(segment.lstrip(_HEADING_MARKS))
            return start, start + len(text)
    return None


def headline_span(doc: Document, headings: list[Span] | None = None) -> tuple[int, int] | None:
    """Where the headline's text is: the first heading, or else the first line with text
    (C103 headline-case and the P headline rules read the same one). ``headings``: the
    document's headings, or those of its top (a headline is there), when not all of them."""
    heading = _first_heading(doc, headings)
    if heading is not None:
        return heading
    found = _FIRST_LINE.search(doc.prose)
    return None if found is None else found.span(1)
