"""A word written twice: "the the", "to to", "is is", "that that the", across a line break
and markup too ("the **the**", "the [the](url)").

Doubles that grammar allows ("had had", "do do", "that that" after a verb of saying or
before a verb, "what it is is") and reduplications ("bye bye", "so so") are left alone,
and so are names written twice in capitals ("Walla Walla").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ... import lexicon
from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from .. import Kind
from ..wordline import WordIndex, lower_word_line

_POSSESSIVE = re.compile(r"['’]\w*$")
# What may stand between the two words: spaces, one line break (no blank line: a heading
# and its paragraph), emphasis and link brackets ("the **the**", "the [the](url)"), the
# placeholder of a masked link target after a closing bracket, and markup that the prose
# shows as a separator (U+2063) with masked characters beside it (markup.SEPARATOR and
# MASK); masked text alone (code) is no separator.
_SEPARATOR = re.compile(r"(?:[ \t]|\n(?![ \t]*\n)|[*_~\[]|\]\(?\ufffc*\)?|\ufffc*\u2063\ufffc*)+")
# A word whose next word is the same in lower case, or that word with an ending after an
# apostrophe ("it it's"): in the lower-case word line, at C speed (the next word in a
# look-ahead, so that "the the the" gives two pairs). Every double worth a look is among
# these; the two words and their neighbours then decide.
_NEIGHBOURS = re.compile(r"\n([^\n]++)(?=\n\1[\n'’])")
GRAMMATICAL = frozenset("""
    had do bye no so ha very really many more much far long well again yes
    knock tut chop hush pom aye boo dum yada blah cha win buy highly super extremely
""".split())
# "that that": the first a conjunction after these, the second a demonstrative ("said
# that that plan", "the fact that that is"). Verbs of saying, thinking and knowing, nouns
# that take a clause, and adjectives of certainty.
_CLAUSE_TAKERS = frozenset("""
    say says said saying state states stated note notes noted add adds added believe believes
    believed think thinks thought know knows knew known feel feels felt find finds found argue
    argues argued explain explains explained claim claims claimed realize realized realise
    realised recognize recognized hope hoped suggest suggests suggested mean means meant
    show shows showed shown agree agreed admit admitted insist insisted tell told learn
    learned understand understood assume assumed doubt confirm confirmed
    fact idea notion belief view claim news evidence sign hope assumption proof chance
    possibility reality point sense
    so such clear true likely sure certain possible glad aware now given
""".split())
# After "that that", these cannot follow a demonstrative: the double is a slip.
_DETERMINERS = frozenset("the a an this these those our their its his her my your we they it he she you i".split())
# "is is" is grammatical after a free relative: "what it is is", "all it does is is" (no).
_FREE_RELATIVE = frozenset("what whatever".split())
_VERB_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD", "VB"})


class DoubledWord(Kind):
    FIX = "always"  # ``fix.title``: the second word goes; "first": the first does
    TITLES = ("first",)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        tokens = doc.tokens
        texts = tokens.texts
        if len(texts) < 2:
            return
        line = lower_word_line(doc)
        index_at = WordIndex(line)
        for pair in _NEIGHBOURS.finditer(line):
            after = pair.end() + 1
            if not _equal_words(pair.group(1), line[after:line.index("\n", after)]):
                continue
            i = index_at(pair.start())
            first, second = texts[i], texts[i + 1]
            if not _may_be_doubled(first, second):
                continue
            start = tokens.start_of(i)
            end = start + len(first)
            second_start = tokens.start_of(i + 1)
            separator = prose[end:second_start]
            if not _SEPARATOR.fullmatch(separator) or not any(map(str.isspace, separator)):
                continue
            if start and prose[start - 1] in "'’-.":
                continue
            if prose[max(0, start - 6):start].strip().lower() == "about":
                continue  # "About iuvo iuvo is": a heading run into its paragraph
            lowered = first.lower()
            if lowered in ("that", "is") and _grammatical(lowered, texts, i):
                continue
            second_end = second_start + len(first)
            if separator.isspace():
                span, title = Span(end, second_end), ""  # "The the agreement" -> "The agreement"
            else:
                # Markup between them: the first goes, with the spaces after it ("**the**").
                span, title = Span(start, end + len(separator) - len(separator.lstrip(" \t\n"))), "first"
            yield self.rule.report(doc, Span(start, second_end), Edit(span, ""), title=title,
                                   found=second[:len(first)], first=first)


def _grammatical(word: str, texts: list[str], i: int) -> bool:
    """Whether "that that" or "is is" at tokens ``i`` and ``i + 1`` is one grammar allows."""
    before = texts[i - 1].lower() if i else ""
    following = texts[i + 2].lower() if i + 2 < len(texts) else ""
    if word == "is":
        # "What it is is a ...": a free relative a few words before.
        return any(w.lower() in _FREE_RELATIVE for w in texts[max(0, i - 6):i])
    if following in _DETERMINERS:
        return False  # "that that the plan": no demonstrative before "the"
    if before in _CLAUSE_TAKERS:
        return True  # "said that that plan", "the fact that that is"
    tag = lexicon.tag(following)
    if tag in _VERB_TAGS or (tag == "NNS" and "V" in lexicon.classes(following)):
        # "that that is true" after a clause ... but "tools that that automate": a
        # relative "that" after a noun, typed twice.
        return lexicon.tag(before) not in ("NN", "NNS", "NNP", "NNPS")
    # "ensuring that that expertise": a demonstrative after a verb other than one of
    # saying reads as a slip; after a noun it is a relative and a demonstrative ("the
    # tools that that team built").
    return lexicon.tag(before) in ("NN", "NNS", "NNP", "NNPS")


def _equal_words(first: str, second: str) -> bool:
    """Whether two lower-case words are one, possessive endings dropped ("it it's"),
    and no double that grammar allows."""
    return first not in GRAMMATICAL and (first == second or _folded(first) == _folded(second))


def _may_be_doubled(first: str, second: str) -> bool:
    """What two neighbouring tokens that _NEIGHBOURS pairs alone tell: no name written
    twice ("Walla Walla", "Duran Duran", "AI AI", "pgEdge pgEdge"), and a word of letters."""
    return not second[0].isupper() and first.isalpha() and (first.islower() or first.istitle())


def _folded(word: str) -> str:
    """The word in lower case without a possessive ending: "it's" -> "it"."""
    return _POSSESSIVE.sub("", word.lower())
