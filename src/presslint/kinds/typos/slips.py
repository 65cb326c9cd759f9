"""Typing slips: the one slip of the fingers between a typed and a meant word, and the
phrases in another language where a word that is no English word is no slip either."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ...lexicon import is_word, misspellings
from ...scan import following

if TYPE_CHECKING:
    from ...document import Document


def slip(typed: str, meant: str) -> str:
    """The one slip of the fingers that turns ``meant`` into ``typed``: "dropped" (a letter
    left out), "added" (a letter too many), "replaced" (a letter wrong) or "swapped" (two
    neighbours the other way round); "" for the same word or more than one slip."""
    if len(typed) + 1 == len(meant):
        return "dropped" if _dropped(typed, meant) else ""
    if len(typed) == len(meant) + 1:
        return "added" if _dropped(meant, typed) else ""
    if len(typed) != len(meant):
        return ""
    diff = [i for i in range(len(typed)) if typed[i] != meant[i]]
    if len(diff) == 1:
        return "replaced"
    if len(diff) == 2 and diff[1] == diff[0] + 1 and typed[diff[0]] == meant[diff[1]] \
            and typed[diff[1]] == meant[diff[0]]:
        return "swapped"
    return ""


def _dropped(short: str, long: str) -> bool:
    """Whether ``short`` is ``long`` with one letter left out."""
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))



def in_foreign_phrase(doc: Document, index: int, typo: Callable[[str], bool]) -> bool:
    """A neighbour (up to two words away) that is no English word either: a phrase in
    another language ("abogado de accidentes"). A neighbour that ``typo`` says is a slip
    of an English word is a second typo, not a foreign word ("indipendent cuatomers")."""
    texts = doc.tokens.texts
    for other in (index - 2, index - 1, index + 1, index + 2):
        if 0 <= other < len(texts):
            neighbour = texts[other]
            # The words first: placing tokens costs more, and most neighbours are English.
            if neighbour.isalpha() and neighbour.islower() and _foreign(neighbour) \
                    and not typo(neighbour) and _joined(doc, *sorted((index, other))):
                return True
    return False


def _foreign(word: str) -> bool:
    """No English word, and no English word's typo either: a known misspelling is a
    second slip in the sentence, not a phrase in another language ("recieve the
    goverment"), and a loanword keeps its accent ("café")."""
    if is_word(word) or word in misspellings():
        return False
    if word.isascii():
        return True
    import unicodedata  # only for a word with an accent: no cost at start-up

    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return not (plain != word and is_word(plain))


def _joined(doc: Document, low: int, high: int) -> bool:
    """Whether tokens ``low`` to ``high`` follow each other with only spaces between."""
    return len(following(doc, low, high - low)) == high - low

