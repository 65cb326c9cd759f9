"""Sentences, and clauses after a semicolon or a subordinator, that "its" opens and that
have no verb ("Its storytelling through hospitality.", "; its autonomous execution."), where
"its" is "it's": found in the prose by the lexicon alone, then confirmed in a tagged window.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..document import Document
from ..phrases import lowercase_at, tag_at, word_at
from ..tagger import Window
from .wordline import word_line

# "Its" and the rest of its sentence to the full stop (a literal first: searched fast);
# that a sentence starts there is checked on the few found.
_ITS_TO_STOP = re.compile(r"Its ([^.!?;:()\"“”\n]{3,90}?)\.(?=\s|\Z)")
_STOP_BEFORE = re.compile(r"[.!?][\"”’)]?[ \t]+\Z")
_WORD = re.compile(r"[^\W\d_]+")
# Tags of a verb that may be finite (a past participle may be a past tense: "launched").
_MAY_BE_FINITE = frozenset({"VBZ", "VBD", "VBP", "MD", "VBN"})
# A clause that "its" opens after a semicolon or a subordinator ("; its autonomous
# execution.", "whether its emails or tickets."), each a literal found with str.find.
_CLAUSE_ITS = ("; its ", "because its ", "whether its ", "so its ")
_REST_TO_STOP = re.compile(r"([^.!?;:()\"“”\n]{3,90}?)\.(?=\s|\Z)")


def find_verbless_its(doc: Document) -> list[tuple[int, str]]:
    """The offsets of "its" opening a sentence, or a clause after a semicolon or a
    subordinator, whose words hold no verb (looked up word by word in the lexicon; the
    few found are then read in context)."""
    prose = doc.prose
    found = []
    if "\nIts\n" in word_line(doc):
        found = [(match.start(), "Its") for match in _ITS_TO_STOP.finditer(prose)
                 if _STOP_BEFORE.search(prose, max(0, match.start() - 6), match.start())
                 and not any(map(_may_be_verb, _WORD.findall(match.group(1))))]
    for opener in _CLAUSE_ITS:
        at = prose.find(opener)
        while at != -1:
            start = at + len(opener) - 4
            rest = _REST_TO_STOP.match(prose, start + 4)
            if rest and (at == 0 or not prose[at - 1].isalnum() or opener[0] == ";") \
                    and not any(map(_may_be_verb, _WORD.findall(rest.group(1)))):
                found.append((start, "its"))
            at = prose.find(opener, at + 1)
    return found



@lru_cache(maxsize=8192)
def _may_be_verb(word: str) -> bool:
    """Whether a word may be the sentence's verb (by its most likely tag, or a verb of the
    lexicon in -s or -ed), or opens a clause that may hold one ("that", "which", "it")."""
    lowered = word.lower()
    if lowered in {"that", "which", "who", "its", "it"}:
        return True
    tag = lexicon.tag(lowered)
    return tag in _MAY_BE_FINITE or (
        lowered.endswith(("s", "ed")) and "V" in lexicon.classes(lowered))


def opens_sentence_or_clause(window: Window, index: int) -> bool:
    """A sentence's start after a full stop or a semicolon, or after a subordinator (not
    after a colon, a comma or a dash, that may start a noun phrase in apposition: "the
    economy's most dynamic segment—its independent businesses"; nor after "as" or "but":
    "as its new CFO", "not the product but its service")."""
    word = word_at(window, index)
    return word in {".", "!", "?", ";"} or word.lower() in {"because", "whether", "so"}


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
        if tag in _MAY_BE_FINITE:
            return False
        if word.endswith(("s", "ed")) and "V" in lexicon.classes(word.lower()):
            return False
    return False
