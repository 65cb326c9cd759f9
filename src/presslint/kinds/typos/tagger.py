"""Part-of-speech tags for the few words around a word a rule is unsure of: Brill's tagger.

Each word first gets its most likely tag from Brill's lexicon (pos.tsv; unknown words by
their shape: capitalised NNP, digits CD, suffixes), then Brill's contextual rules
(context.tsv, learnt from the Brown corpus and the Penn Treebank; see SOURCES.md) correct
tags by their neighbours, in order: "NN VB PREVTAG TO" makes "plan" a verb in "to plan".
Only a window of a dozen tokens is tagged, for the few confusable words a document has, so
the rules (a few hundred) are loaded on the first such window and never before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from ... import lexicon
from ...wordlist import packaged_text

# A word (with inner hyphens), a clitic split off as Penn Treebank does ("it" "'s",
# "do" "n't"), or one mark of punctuation.
_TOKEN = re.compile(r"[^\W_]+(?=n['’]t\b)|n['’]t\b|['’](?:s|re|ve|ll|d|m)\b|[^\W_]+(?:-[^\W_]+)*|[^\w\s]")
_CLITICS = {"'s": "VBZ", "'re": "VBP", "'ve": "VBP", "'ll": "MD", "'d": "MD", "'m": "VBP", "n't": "RB"}
_PUNCTUATION = {".": ".", "!": ".", "?": ".", ",": ",", ";": ":", ":": ":", "—": ":", "–": ":", "-": ":",
                "(": "(", ")": ")", "[": "(", "]": ")", '"': "''", "“": "``", "”": "''", "‘": "``", "’": "''"}
_SUFFIXES = (("ing", "VBG"), ("ed", "VBN"), ("ly", "RB"), ("ous", "JJ"), ("ive", "JJ"), ("able", "JJ"),
             ("ible", "JJ"), ("ful", "JJ"), ("less", "JJ"), ("al", "JJ"), ("ic", "JJ"), ("s", "NNS"))


class Window(NamedTuple):
    """Tokens around a word of the prose: their texts (apostrophes straight), tags, and
    start offsets; ``at`` is the index of the token that starts at the word. ``lexical``
    are the tags before the contextual rules (the lexicon's most likely tag): a rule
    learnt on whole sentences can misfire on a phrase ("NN VBG NEXTTAG DT" makes
    "attendance" a gerund in "their largest attendance this year")."""

    words: list[str]
    tags: list[str]
    starts: list[int]
    at: int
    lexical: list[str]


def window(prose: str, start: int, before: int = 30, after: int = 75) -> Window:
    """The tagged tokens from about ``before`` characters before ``start`` to ``after``
    after it (cut at a line break: a heading or list item is its own run).

    The word at ``start`` (with its clitic: "it" "'s") is the word in doubt: it is tagged
    ``XX``, a tag no rule knows, so that the contextual rules do not bend its neighbours'
    tags to fit the word as written ("there quality" would make "quality" a verb, "their
    doing" make "doing" a noun); they are tagged by their own words and the others."""
    low = prose.rfind("\n", max(0, start - before), start) + 1 or max(0, start - before)
    high = prose.find("\n", start, start + after)
    if high == -1:
        high = min(len(prose), start + after)
    found = _TOKEN.findall(prose, low, high)
    starts = _starts(prose, found, low)
    words = [word.replace("’", "'") for word in found]
    try:
        at = starts.index(start)
    except ValueError:  # the word is no token start (cannot happen for a prose token)
        words, starts, at = [prose[start:start + 1]], [start], 0
    if len(words) == 1:
        return Window(words, [_IN_DOUBT], starts, at, [_IN_DOUBT])
    if low and at > 0 and prose[low - 1].isalnum():
        # The first token is the tail of a word the window cut: drop it.
        words, starts, at = words[1:], starts[1:], at - 1
    end = at + 1
    if end < len(words) and words[end] in _CLITICS:
        end += 1
    doubted = (*words[:at], _IN_DOUBT, *words[end:])
    lexical = _lexical(doubted)
    # The rules change only the tags a rule reads near the word in doubt.
    tags = _contextual(doubted, lexical, max(0, at - _BEFORE), at + _AFTER)
    widen = [_IN_DOUBT] * (end - at)
    return Window(words, [*tags[:at], *widen, *tags[at + 1:]], starts, at, [*lexical[:at], *widen, *lexical[at + 1:]])


def _starts(prose: str, tokens: list[str], position: int) -> list[int]:
    """The offsets of ``tokens``, found in order from ``position`` (cheaper than a match
    object each). Only white space and underscores, which no token holds, stand between
    two tokens, so a token's first occurrence after the one before it is the token."""
    starts = []
    find = prose.find
    for token in tokens:
        position = find(token, position)
        starts.append(position)
        position += len(token)
    return starts


def _lexical(words: tuple[str, ...]) -> tuple[str, ...]:
    """Each word's tag before the contextual rules."""
    return tuple(_first_tag(word, index == 0 or words[index - 1] in ".!?:;\"“") for index, word in enumerate(words))


def tag(words: tuple[str, ...]) -> tuple[str, ...]:
    """Penn Treebank tags of ``words``, a run of tokens as :func:`window` makes them."""
    return _contextual(words, _lexical(words), 0, len(words))


# The tokens before and after the word in doubt whose tags the rules correct.
_BEFORE, _AFTER = 2, 8


def _contextual(words: tuple[str, ...], lexical: tuple[str, ...], low: int, high: int) -> tuple[str, ...]:
    """``lexical`` corrected by Brill's contextual rules from token ``low`` to ``high``."""
    rules = _rules()
    padded_words = ("", "", "", *words, "", "", "")
    padded = ["STAART", "STAART", "STAART", *lexical, "STAART", "STAART", "STAART"]
    for index in range(3 + low, 3 + min(high, len(words))):
        # Brill's rules in their order, each on the tag as the rules before left it.
        after = -1
        current = padded[index]
        while True:
            for order, to, applies in rules.get(current, ()):
                if order > after and applies(padded_words, padded, index):
                    padded[index] = current = to
                    after = order
                    break
            else:
                break
    return tuple(padded[3:-3])


# The word in doubt, and its tag.
_IN_DOUBT = "XX"


@lru_cache(maxsize=16384)
def _first_tag(word: str, sentence_start: bool) -> str:
    if word == _IN_DOUBT:
        return _IN_DOUBT
    if word in _PUNCTUATION:
        return _PUNCTUATION[word]
    lowered = word.lower()
    if lowered in _CLITICS:
        return _CLITICS[lowered]
    if word[0].isdigit():
        return "CD"
    if not word[0].isalpha():
        return "SYM"
    if (word[0].isupper() and not sentence_start and not word.isupper()) or (word.isupper() and len(word) > 1):
        return "NNP"  # a name mid-sentence, or an initialism
    found = lexicon.tag(lowered)
    if found:
        return found
    if word[0].isupper():
        return "NNP"
    if "-" in word:
        return "JJ"  # "multi-layered", "go-to-market": a compound modifier
    classes = lexicon.classes(lowered)
    for suffix, guess in _SUFFIXES:
        if lowered.endswith(suffix):
            if guess == "NNS" and classes and "N" not in classes:
                break
            return guess
    if classes and "N" not in classes:
        return {"V": "VB", "J": "JJ", "R": "RB"}.get(classes[0], "NN")
    return "NN"


_Test = Callable[[Sequence[str], Sequence[str], int], bool]


def _make(template: str, x: str, y: str) -> _Test:
    """The test of one of Brill's rule templates on (words, tags, index)."""
    tests: dict[str, _Test] = {
        "PREVTAG": lambda w, t, i: t[i - 1] == x,
        "NEXTTAG": lambda w, t, i: t[i + 1] == x,
        "PREV2TAG": lambda w, t, i: t[i - 2] == x,
        "NEXT2TAG": lambda w, t, i: t[i + 2] == x,
        "PREV1OR2TAG": lambda w, t, i: x in (t[i - 1], t[i - 2]),
        "NEXT1OR2TAG": lambda w, t, i: x in (t[i + 1], t[i + 2]),
        "PREV1OR2OR3TAG": lambda w, t, i: x in (t[i - 1], t[i - 2], t[i - 3]),
        "NEXT1OR2OR3TAG": lambda w, t, i: x in (t[i + 1], t[i + 2], t[i + 3]),
        "SURROUNDTAG": lambda w, t, i: t[i - 1] == x and t[i + 1] == y,
        "CURWD": lambda w, t, i: w[i] == x,
        "PREVWD": lambda w, t, i: w[i - 1] == x,
        "NEXTWD": lambda w, t, i: w[i + 1] == x,
        "PREV1OR2WD": lambda w, t, i: x in (w[i - 1], w[i - 2]),
        "NEXT1OR2WD": lambda w, t, i: x in (w[i + 1], w[i + 2]),
        "WDPREVTAG": lambda w, t, i: t[i - 1] == x and w[i] == y,
        "WDNEXTTAG": lambda w, t, i: w[i] == x and t[i + 1] == y,
        "WDAND2AFT": lambda w, t, i: w[i] == x and w[i + 2] == y,
        "WDAND2TAGBFR": lambda w, t, i: t[i - 2] == x and w[i] == y,
        "WDAND2TAGAFT": lambda w, t, i: w[i] == x and t[i + 2] == y,
        "LBIGRAM": lambda w, t, i: w[i - 1] == x and w[i] == y,
        "RBIGRAM": lambda w, t, i: w[i] == x and w[i + 1] == y,
        "PREVBIGRAM": lambda w, t, i: t[i - 2] == x and t[i - 1] == y,
        "NEXTBIGRAM": lambda w, t, i: t[i + 1] == x and t[i + 2] == y,
    }
    return tests[template]


@cache
def _rules() -> dict[str, list[tuple[int, str, _Test]]]:
    """Brill's contextual rules by the tag they change: each rule's place in the order,
    the tag it makes and its test."""
    rules: dict[str, list[tuple[int, str, _Test]]] = {}
    for order, line in enumerate(packaged_text("typos", "context.tsv").splitlines()):
        source, to, template, x, *rest = line.split("\t")
        rules.setdefault(source, []).append((order, to, _make(template, x, rest[0] if rest else "")))
    return rules
