"""a / an before a vowel or consonant sound: "a apple", "an user", "a FBI agent", "a 8-week".

The sound is read from the spelling, with the exceptions that matter: "a university",
"a one-time", "a European", "an hour", "an honest"; initialisms by the name of their first
letter ("an FBI", "a CEO", "an MBA"); numbers by how they are said ("an 8", "an 11", "an 18").
Words whose sound the spelling leaves open (capitalised words in U, acronyms said as words,
"an historic") are left alone. An acronym is said as a word when it has four letters or
more with a vowel ("NASA", "LIDAR"), or is a consonant-vowel-consonant syllable that is a
common English word ("LUX", "SIM", "RAM"); "MIT", "SUV", "FBI" are spelled out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ... import lexicon
from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from ...lazyre import LazyPattern
from ...scan import JOINERS, WORD, match_case, starts_sentence
from .. import Kind
from ..wordline import WordMatches, word_line

# Letters whose name starts with a vowel sound: "an F", "an M", "an S", "an X".
_VOWEL_LETTER_NAMES = frozenset("AEFHILMNORSX")
_SILENT_H = LazyPattern(r"(hour|honest|honor|honour|heir)")
# Vowel letters said with a consonant sound: "a university", "a European", "a one-off".
_CONSONANT_SOUND = LazyPattern(r"(uni(?!n|m|d)|use|usu|usa|uti|ura|ure|uro|uk|ubi|eu|ewe|one|once|ouija)")
# "an umbrella", "an unusual": u- words said with "uh"; others in u are left open.
_U_VOWEL = LazyPattern(r"(un|up|ult|umb|ugl|ush|utt|ud|um)")
_NUMBER = LazyPattern(r"(\d+)")
# Three capitals that make one syllable, consonant-vowel-consonant: "LUX", "SIM", "MIT".
# Said as a word when the word is a common English one ("lux", "sim"); spelled out
# otherwise ("MIT", "SUV", "HIV").
_SAID_AS_WORD = LazyPattern(r"[B-DF-HJ-NP-TV-Z][AEIOU][B-DF-HJ-NP-TV-Z]\Z")
# "a" or "an", one space, and the next word, kept only where a mistake is possible: "a"
# before a vowel letter, an 8, 11 or 18, or capitals (an initialism); "an" before anything
# but a or i. That leaves a few hundred of the corpus's 13,000 articles for vowel_sound.
_CANDIDATE = LazyPattern(
    rf"[Aa](?<![\w{re.escape(JOINERS)}][Aa])(?:(?P<a> )(?=[aeiouAEIOU8]|1[18]\b|[A-Z][A-Z])|(?P<an>[nN] )(?![aiAI]))"
    rf"(?P<next>{WORD})")
# The same in the word line, without the spacing, the next word in a group: a cheap scan
# for the few articles _CANDIDATE then looks at in the prose.
_CANDIDATE_WORD = re.compile(
    r"\n([Aa](?:(?=\n(?:[aeiouAEIOU8]|1[18]\b|[A-Z][A-Z]))|[nN](?=\n(?![aiAI]))))(?=\n([^\n]*+))")
# Places often read out in full: "a NYC native" is "a New York City native".
_READ_IN_FULL = frozenset("""NYC NY NJ LA SF NH NM NV NE NC ND SC SD MN MS MO MT MA MI ME FL AL
    AZ AR IL IA IN OH OK OR RI""".split())
# A function word after the article means the text is garbled, not the article wrong.
_FUNCTION = frozenset("in on of at and or as if is it into onto our its an a the".split())


def vowel_sound(word: str) -> bool | None:
    """Whether ``word`` starts with a vowel sound; None when the spelling leaves it open."""
    head = word.split("-")[0]
    number = _NUMBER.match(word)
    if number:
        digits = number.group(1)
        if digits.startswith("8"):
            return True
        # "an 11", "an 18", "an 11,000" but "a 110" ("a hundred and ten") and "a 1,800".
        return digits in {"11", "18"} and not word[2:3].isdigit()
    if not head.isalpha() or head in _READ_IN_FULL or head.lower() in _FUNCTION:
        return None
    if head.isupper() and len(head) > 1:
        if _SAID_AS_WORD.match(head) and head.lower() in lexicon.frequency_rank():
            return None  # "a LUX box", "a SIM card", "a RAM upgrade": said as a word
        if len(head) <= 3 or not any(ch in "AEIOU" for ch in head):
            return head[0] in _VOWEL_LETTER_NAMES  # an initialism: "an FBI", "a CEO"
        return None  # "NASA", "NATO": said as a word
    lowered = head.lower()
    if len(lowered) < 2 or not (head.islower() or head.istitle()):
        return None  # "iPhone" is "an iPhone", but mixed case is seldom plain
    first = lowered[0]
    if first in "aeio":
        return not _CONSONANT_SOUND.match(lowered)
    if first == "u":
        if head.istitle():
            return None  # "Uber" (an), "Utah" (a)
        if _CONSONANT_SOUND.match(lowered):
            return False
        return True if _U_VOWEL.match(lowered) else None
    if first == "h":
        return True if _SILENT_H.match(lowered) else None  # "an historic": left to taste
    return False


class Article(Kind):
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        for match in _candidates(doc):
            start = match.start()
            end = start + (1 if match.group("a") else 2)
            article = prose[start:end]
            if article[0] == "A" and not starts_sentence(prose, start):
                continue  # "Series A investors", "Class A shares"
            if start and prose[start - 1] in "()-/":
                continue
            following_word = match.group("next")
            vowel = vowel_sound(following_word)
            if vowel is None:
                continue
            wanted = "an" if vowel else "a"
            if article.lower() == wanted:
                continue
            suggestion = match_case(article, wanted) if article != "A" else wanted.capitalize()
            span = Span(start, end)
            yield self.rule.report(doc, span, Edit(span, suggestion), found=article, suggestion=suggestion,
                                   next=following_word)


def _candidates(doc: Document) -> Iterator[re.Match[str]]:
    """``_CANDIDATE.finditer(doc.prose)``, found through the word line: the words that
    could start a match, each matched in the prose, overlaps skipped as finditer does;
    less the matches whose two words alone show that the article is right or that the
    next word's sound is open (:func:`_may_be_wrong`), which ``check`` would pass over.
    (A match's article and next word are the tokens its words start from.)"""
    prose, tokens = doc.prose, doc.tokens
    candidates = WordMatches(word_line(doc), _CANDIDATE_WORD)
    resume = 0
    for ordinal, (article, following_word) in enumerate(candidates.groups):
        # A match whose words leave nothing to report still has to be made if the next
        # word may start a candidate too ("a an"): it hides that one.
        if not following_word or (following_word not in _ARTICLES and not _may_be_wrong(article, following_word)):
            continue
        start = tokens.start_of(candidates.index(ordinal))
        match = _CANDIDATE.match(prose, start) if start >= resume else None
        if match is not None:
            resume = match.end()
            yield match


def _may_be_wrong(article: str, following_word: str) -> bool:
    """Whether ``check`` could report the article before this word."""
    vowel = _vowel_sound(following_word)
    return vowel is not None and article.lower() != ("an" if vowel else "a")


_vowel_sound = lru_cache(maxsize=8192)(vowel_sound)
# The words _CANDIDATE_WORD can match.
_ARTICLES = frozenset({"a", "A", "an", "aN", "An", "AN"})
