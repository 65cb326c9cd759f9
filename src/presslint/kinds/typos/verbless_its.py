"""Sentences, and clauses after a semicolon or a subordinator, that "its" opens and that
have no verb ("Its storytelling through hospitality.", "; its autonomous execution."), where
"its" is "it's": found in the prose by the lexicon alone, then confirmed in a tagged window.
"""

from __future__ import annotations

from functools import lru_cache

from ... import lexicon
from ...document import Document
from ...lazyre import LazyPattern
from .phrases import lowercase_at, tag_at, word_at
from .tagger import Window

# "Its" and the rest of its sentence to the full stop (a literal first: searched fast);
# that a sentence starts there is checked on the few found.
_ITS_TO_STOP = LazyPattern(r"Its ([^.!?;:()\"“”\n]{3,90}?)\.(?=\s|\Z)")
_STOP_BEFORE = LazyPattern(r"[.!?][\"”’)]?[ \t]+\Z")
_WORD = LazyPattern(r"[^\W\d_]+")
# Tags of a verb that may be finite (a past participle may be a past tense: "launched").
_MAY_BE_FINITE = frozenset({"VBZ", "VBD", "VBP", "MD", "VBN"})
# A clause that "its" opens after a semicolon or a subordinator ("; its autonomous
# execution.", "whether its emails or tickets."), each a literal found with str.find.
_CLAUSE_ITS = ("; its ", "because its ", "whether its ", "so its ")
_CLAUSE_OPENERS = tuple(opener.removesuffix(" its ") for opener in _CLAUSE_ITS if opener[0] != ";")
# The last character of each opener: most " its " ("and its ", "with its ") end none.
_OPENER_ENDS = frozenset(opener[-6] for opener in _CLAUSE_ITS)
_REST_TO_STOP = LazyPattern(r"([^.!?;:()\"“”\n]{3,90}?)\.(?=\s|\Z)")


def find_verbless_its(doc: Document) -> list[tuple[int, str]]:
    """The offsets of "its" opening a sentence, or a clause after a semicolon or a
    subordinator, whose words hold no verb (looked up word by word in the lexicon; the
    few found are then read in context)."""
    prose = doc.prose
    found = []
    if "Its" in doc.word_counts:  # a token "Its" (a dict lookup in C)
        found = [(match.start(), "Its") for match in _ITS_TO_STOP.finditer(prose)
                 if _STOP_BEFORE.search(prose, max(0, match.start() - 6), match.start())
                 and not any(map(_may_be_verb, _WORD.findall(match.group(1))))]
    if "its" not in doc.word_counts:
        return found  # every clause opener ends in the word "its" (a dict lookup in C)
    # One search for " its ", each place then checked for an opener before it (fewer
    # passes over the prose than a search per opener).
    at = prose.find(" its ")
    while at != -1:
        if prose[at - 1] in _OPENER_ENDS and _opener_before(prose, at):
            rest = _REST_TO_STOP.match(prose, at + 5)
            if rest and not any(map(_may_be_verb, _WORD.findall(rest.group(1)))):
                found.append((at + 1, "its"))
        at = prose.find(" its ", at + 1)
    return found


def _opener_before(prose: str, at: int) -> bool:
    """Whether a semicolon or a subordinator of :data:`_CLAUSE_ITS` ends at ``at`` (a
    subordinator as a whole word: not "also")."""
    if at and prose[at - 1] == ";":
        return True
    for opener in _CLAUSE_OPENERS:
        start = at - len(opener)
        if start >= 0 and prose.startswith(opener, start) and (start == 0 or not prose[start - 1].isalnum()):
            return True
    return False


@lru_cache(maxsize=8192)
def _may_be_verb(word: str) -> bool:
    """Whether a word may be the sentence's verb (by its most likely tag, or a verb of the
    lexicon in -s or -ed), or opens a clause that may hold one ("that", "which", "it")."""
    lowered = word.lower()
    if lowered in {"that", "which", "who", "its", "it"}:
        return True
    return _may_be_finite(lowered, lexicon.tag(lowered))


def _may_be_finite(word: str, tag: str) -> bool:
    """Whether a word with this tag may be a finite verb: a verb tag, or a verb of the
    lexicon in -s or -ed, whatever its tag ("launches", "launched")."""
    return tag in _MAY_BE_FINITE or (word.endswith(("s", "ed")) and "V" in lexicon.classes(word))


def opens_sentence_or_clause(window: Window, index: int) -> bool:
    """A sentence's start after a full stop or a semicolon, or after a subordinator (not
    after a colon, a comma or a dash, that may start a noun phrase in apposition: "the
    economy's most dynamic segment—its independent businesses"; nor after "as" or "but":
    "as its new CFO", "not the product but its service")."""
    word = word_at(window, index)
    return word in {".", "!", "?", ";"} or word.lower() in _CLAUSE_OPENERS


def verbless_to_full_stop(window: Window, start: int) -> bool:
    """Whether the tokens from ``start`` to the sentence's full stop hold no verb that
    could be finite (a verb tag, or a verb of the lexicon in -s or -ed): "its" would then
    begin a sentence without a verb. Unsure (no full stop in the window, a colon, a
    bracket, a quotation) is no."""
    for index in range(start, len(window.words)):
        word, tag = word_at(window, index), tag_at(window, index)
        if word in {".", "!"}:
            # (A full stop after a capital may end an abbreviation: "Inc.", "U.S.")
            return index > start + 1 and lowercase_at(window, index - 1)
        if tag in {":", "(", ")", "``", "''", "XX"} or word in {"?", "that", "which", "who"}:
            return False
        if _may_be_finite(word, tag):
            return False
    return False
