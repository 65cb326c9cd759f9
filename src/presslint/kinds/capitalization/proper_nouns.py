"""Names written in lower case: what rules C101 (against the release's own capitals) and
C106 (against a gazetteer) share.

A lower-case word is a name written wrong when its lower-case form is no ordinary English
word ("stefanski", "moderna", "denver", "greg") or when the same phrase stands with the
capital elsewhere ("Rocky mount" beside "Rocky Mount", "prince George’s" beside "Prince
George’s"). Ordinary words ("closet", "company", "tony") are never reported on their own:
"the company" beside "the Company" is a house style, not a typo.

The gazetteer (data/capitalization/proper-nouns.tsv, built by
scripts/build_proper_nouns.py) lists places, first names and frequent surnames whose
lower-case form is no ordinary word; the project's other word lists hold names
lower-cased, so a word counts as ordinary when it is in them and not in the gazetteer.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from ...lazyre import LazyPattern
from ...lexicon import known_words, tag
from ...wordlist import SortedTable, packaged_text
from .casing import Lines, at_sentence_start, common_words

# Characters before a word that make it no prose word: hashtags, handles, paths, files.
NOT_PROSE_BEFORE = frozenset("#@/\\_.")
# A place name with the capital lost is reported on its own only when this long
# ("utu", "ola" and "ira" are too short to tell from an abbreviation or a foreign word).
MIN_STANDALONE = 4
_OPENING_QUOTES = "\"“‘'"


class Gazetteer(NamedTuple):
    written: str  # "Denver"
    category: str  # place, first or last


@cache
def _table() -> SortedTable:
    return SortedTable(packaged_text("capitalization", "proper-nouns.tsv"))


def gazetteer(word: str) -> Gazetteer | None:
    """The gazetteer's entry for a lower-case word, if it is a name there."""
    value = _table().get(word)
    if value is None:
        return None
    written, category = value.split("\t")
    return Gazetteer(written, category)


@cache
def frequent_words() -> frozenset[str]:
    """The 2,000 most frequent English words ("company", "board", "today"): capitalised by
    house styles and titles, seldom a part of a name written in lower case."""
    return frozenset(packaged_text("capitalization", "frequent-words.txt").split())


def gazetteer_keys() -> frozenset[str]:
    """Every lower-case name of the gazetteer, for set operations (built once, 11,000)."""
    return _table().keys()


def is_unknown(word: str) -> bool:
    """A lower-case word of no word list of the project."""
    key = word.replace("’", "'")
    return key not in common_words() and key not in known_words()


def is_ordinary(word: str) -> bool:
    """A lower-case word that English writes in lower case: in the word lists and not a
    name of the gazetteer."""
    return not is_unknown(word) and gazetteer(word.replace("’", "'")) is None


def capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


# A capitalised word of a name ("Rocky", "George’s", "Plato’s"), and what may join two.
NAME_WORD = r"[A-Z][\w’'-]*"
_LEFT_RUN = LazyPattern(rf"(?<![\w’'-])((?:{NAME_WORD}(?:[ \t]+&)?[ \t]+)+)$")
_RIGHT_RUN = LazyPattern(rf"((?:[ \t]+(?:&[ \t]+)?{NAME_WORD})+)")
_LAST_WORD = LazyPattern(r"\S+\s*$")
_FIRST_WORD = LazyPattern(r"\s*\S+")
_CAPITALISED_BEFORE = LazyPattern(rf"{NAME_WORD}[ \t]+(?:(?:of|&|for|the)[ \t]+)?$")
_CAPITALISED_AFTER = LazyPattern(r"[ \t]+(?:(?:of|&|for|the)[ \t]+)?[A-Z]")


def same_phrase_capitalised(prose: str, start: int, end: int, lines: Lines) -> bool:
    """The lower-case word at ``start:end`` stands in a run of capitalised words, and the
    same run is written elsewhere with the word capitalised too, as a name of its own
    (not inside a longer title-case run): "Rocky mount" beside "Rocky Mount", "prince
    George’s County" beside "Prince George’s County", "Plato’s closet" beside "Plato’s
    Closet"."""
    right = _RIGHT_RUN.match(prose, end)
    if not right and not _name_word_before(prose, start, max(0, start - 80)):
        return False  # (most words: the search of the window before costs more)
    left = _LEFT_RUN.search(prose, max(0, start - 80), start)
    before = left.group(1) if left else ""
    after = right.group(1) if right else ""
    if not (before or after) or not prose[start:end].isascii():
        return False
    # Every phrase looked for below holds the word capitalised with the words next to it
    # here: when neither pair is in the text, no lexicon need be asked.
    word = capitalised(prose[start:end])
    if not ((before and _LAST_WORD.search(before).group() + word in prose)  # type: ignore[union-attr]
            or (after and word + _FIRST_WORD.match(after).group() in prose)):  # type: ignore[union-attr]
        return False
    if not before and tag(prose[start:end]).startswith("JJ"):
        return False  # an adjective before a name: "southern Maryland", "ancient Egyptian"
    if left and at_sentence_start(prose, left.start(1)):
        # "Our commitment", "As Project coordinator": a first word capitalised by its place
        # is nothing to go by.
        first = re.match(r"\S+[ \t]+(?:&[ \t]+)?", before)
        if first and is_ordinary(first.group().strip(" \t&").lower()):
            before = before[first.end():]
    if not (before or after):
        return False
    phrases = [before + word + after]
    # The nearest name word alone too: "myrtle Beach Cable Landing Station" beside
    # "Myrtle Beach, SC".
    if after.count(" ") > 1:
        phrases.append(word + re.match(r"[ \t]+(?:&[ \t]+)?\S+", after).group())  # type: ignore[union-attr]
    if before.strip().count(" ") > 0:
        phrases.append(re.search(r"\S+[ \t]+(?:&[ \t]+)?$", before).group() + word)  # type: ignore[union-attr]
    # A common noun after a name ("Houston area", "Arkadios Capital platform") is
    # capitalised in headings and titles: twice elsewhere, then (a word of no word list
    # once: "Holy Cross healthplex" beside "Holy Cross HealthPlex").
    least = 1 if after or is_unknown(prose[start:end]) else 2
    return any(_elsewhere(prose, phrase, lines) >= least for phrase in phrases)


def _name_word_before(prose: str, start: int, window: int) -> bool:
    """Whether a capitalised word (and perhaps "&") stands right before ``start``, as
    :data:`_LEFT_RUN` needs: walked back character by character, not searched for."""
    i = start - 1
    for _ in range(2):  # the spaces before the word, and perhaps "&" and its spaces
        if i < 0 or prose[i] not in " \t":
            return False
        while i >= 0 and prose[i] in " \t":
            i -= 1
        if i < 0 or prose[i] != "&":
            break
        i -= 1
    j = i
    while j >= window and (prose[j].isalnum() or prose[j] in "_’'-"):
        j -= 1
    if j < window:
        return True  # (the word reaches past the window: the search decides)
    return j < i and "A" <= prose[j + 1] <= "Z"


def _elsewhere(prose: str, phrase: str, lines: Lines) -> int:
    """How often ``phrase`` stands in ``prose`` as a name of its own: whole words, no capitalised
    word right before or after it (a title-case run: "Authentic Thai Flavors to Liberty
    Plaza"), no colon after it (a label: "Q&A Articles:"), not in a heading or a
    title-case or all-caps line."""
    found = 0
    position = prose.find(phrase)
    while position != -1:
        end = position + len(phrase)
        whole = (position == 0 or not prose[position - 1].isalnum()) and \
            (end == len(prose) or not prose[end].isalnum())
        if whole and not lines.exempt(position) and bounded(prose, position, end) \
                and prose[end:end + 1] != ":" and in_running_text(prose, position, end):
            found += 1
        position = prose.find(phrase, position + 1)
    return found


_WORDS_BEFORE = LazyPattern(r"(?:[^\s.!?:;•|]+[ \t]+){0,4}$")
_WORDS_AFTER = LazyPattern(r"[,’'s®™]*(?:[ \t]+[^\s.!?:;•|]+){0,4}")
_LOWER_WORD = LazyPattern(r"\b[a-z][a-z’'-]*\b")


def in_running_text(prose: str, start: int, end: int) -> bool:
    """The words at ``start:end`` stand in a sentence, not in a heading, a label or a
    list of names run into the text (as releases written on one line have them): two
    lower-case words among the four before them in the same sentence, or the four
    after."""
    before = _WORDS_BEFORE.search(prose, max(0, start - 80), start)
    after = _WORDS_AFTER.match(prose, end)
    return any(len(_LOWER_WORD.findall(m.group())) >= 2 for m in (before, after) if m)


def bounded(prose: str, start: int, end: int) -> bool:
    """No capitalised word right before or after ``start:end``, across a joiner."""
    return not _CAPITALISED_BEFORE.search(prose, max(0, start - 30), start) \
        and not _CAPITALISED_AFTER.match(prose, end)


# Prefixes and suffixes that make words of the trade from English ones ("coworking",
# "bioidentical", "villainization", "hydroxylase").
_PREFIXES = frozenset(
    "bio co pre sub multi up re un non micro nano tele cyber eco geo neuro crypto hyper inter "
    "over under out semi anti auto mega meta omni poly post pro super ultra".split()
)
_SUFFIXES = frozenset("ization isation ation ase less ness ing er ers r ed ly able ism ist ize".split())


def is_compound(word: str) -> bool:
    """A word made of English ones, a coinage of the trade rather than a name: two words
    ("workboat", "softgels"), a prefix and a word ("cryptocurrency", "coworking"), a
    word and a suffix ("villainization", "upscaler")."""
    words = common_words()
    stem = word[:-1] if word.endswith("s") else word
    for candidate in {word, stem}:
        for cut in range(2, len(candidate) - 1):
            left, right = candidate[:cut], candidate[cut:]
            if len(right) >= 4 and (left in _PREFIXES or (len(left) >= 3 and left in words)) \
                    and right in words:
                return True
            if right in _SUFFIXES and len(left) >= 4 and (left in words or left + "e" in words):
                return True
    return False


# Characters of no width, which some sites put inside words ("fa\u200dst-chan\u2060ging").
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"


def in_prose(prose: str, start: int, end: int, quoted: bool = False) -> bool:
    """The word at ``start:end`` is a word of a sentence: not a hashtag, handle, path or
    file name, nor (unless ``quoted``) right after an opening quote (a quoted coinage or
    slogan)."""
    before = prose[start - 1] if start else ""
    if before in NOT_PROSE_BEFORE or (before in _OPENING_QUOTES and not quoted) or before in _INVISIBLE:
        return False
    after = prose[end:end + 2]
    return not (after[:1] in "@_" or after[:1] in _INVISIBLE
                or (after[:1] in ".-/" and after[1:2].isalnum()))
