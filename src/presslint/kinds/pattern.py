"""A regular expression that must not match: the generic kind most YAML rules use.

Options:
  pattern      the regex (Python syntax); named groups can be used in the message
  ignore-case  match without regard to case
  prose        match against prose only (code, URLs and markup masked); false: raw text
  replacement  the fix's text, a template: {found} and named groups ({word}) are filled in;
               used when the rule has a ``fix:`` (its title may name {replacement} too)
  file-kinds   which files the rule applies to: text, markdown, html
  prefilter    literal strings, one of which every match contains (case ignored): a
               document containing none of them is skipped without running the regex.
               (A literal of words and single spaces is looked for in the prose's words
               in order, so other spacing between them may still let a document through.)
  words        words, one of which every match contains whole (no letter, digit or
               underscore right before or after it), in lower case or capitalised; an
               entry of several words ("sneak peak") stands for all of them. Checked
               against the document's distinct words, which costs next to nothing, before
               the prefilter's scans of the text. Needs prose: true
  joined-words whether a word of ``words`` may also stand inside a joined word ("say" in
               "say-so"), which costs a search of the document's joined words when the
               whole words are missing (default true); false for a rare word that only
               counts standing alone ("trail" in "Phase 2 trail")

A user's pattern (a rule of a pack that is not bundled, or a ``pattern`` that
``rule-options`` gives a bundled rule) is not known to run in linear time, so it runs
under the ``regex`` module (imported only then), with a time budget per document:
:data:`BUDGET` seconds and as much again per MB. A pattern that overruns it (one that
backtracks without end, such as ``(a|aa)+$`` on a long run of a's) is a pack error
naming the rule, its file and the document, and the rule is skipped for the rest of the
run, instead of a hang. The bundled patterns stay on ``re``: they are kept linear
(benchmarks/pathological.py), and ``re`` is what start-up has imported anyway.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from ..diagnostic import Diagnostic, Edit, Span
from ..document import Document
from ..errors import PackError
from ..rule import Template
from ..scan import WORD
from . import Kind
from .wordline import PartFinder, lower_word_line, lowered

FILE_KINDS = ("text", "markdown", "html")
# A prefilter literal that the lower-case word line has wherever the lower-case prose
# has it (with line breaks for the spaces): words (letters, digits, underscores) with
# single spaces between or at the ends, and apostrophes, dots or hyphens only inside a
# word, where the tokenizer keeps them. (No sigma, whose lower case depends on what
# follows it: see _in_word_line.)
_WORDS_LITERAL = re.compile(rf" ?{WORD}(?: {WORD})* ?")
_WORD = re.compile(r"\w+")
# Fields a named group may not fill: rule.report's own arguments, and the fix's replacement.
_RESERVED_GROUPS = frozenset({"key", "title", "replacement"})
# A user's pattern's time budget on a document: this many seconds, and as many per MB.
BUDGET = 1.0


class Pattern(Kind):
    OPTIONS = {
        "pattern": None,
        "ignore-case": False,
        "prose": True,
        "replacement": "",
        "file-kinds": list(FILE_KINDS),
        "prefilter": [],
        "words": [],
        "joined-words": True,
    }
    FIX = "optional"

    def setup(self) -> None:
        # A user's pattern: run with a time budget (``regex``), and None once it overran it.
        self.budgeted = not _bundled(self.rule.pack) or self.options["pattern"] != self.rule.options.get("pattern")
        self.overran: str | None = None
        try:
            self.regex: Any = _compile(self.options["pattern"], self.options["ignore-case"], self.budgeted)
        except ValueError as exc:  # re.error and regex.error are ValueErrors
            raise ValueError(f"pattern does not compile: {exc}") from None
        if self.regex.match(""):
            raise ValueError("pattern matches the empty string")
        if not all(isinstance(literal, str) and literal for literal in self.options["prefilter"]):
            raise ValueError("prefilter must be a list of non-empty strings")
        literals = {literal.lower() for literal in self.options["prefilter"]}
        # A literal that contains another adds nothing: the other is there too.
        self.prefilter = sorted(literal for literal in literals
                                if not any(other != literal and other in literal for other in literals))
        # Literals in the word line where they can be (a line break for a space), else
        # in the lower-case prose.
        self.in_word_line = _any_of([literal.replace(" ", "\n") for literal in self.prefilter
                                     if _in_word_line(literal)])
        self.prose_literals = [literal for literal in self.prefilter if not _in_word_line(literal)]
        self._set_up_words()
        reserved = sorted(self.regex.groupindex.keys() & _RESERVED_GROUPS)
        if reserved:
            raise ValueError(f"pattern: the group name {reserved[0]!r} is taken (by rule.report or the fix)")
        known_fields = {"found", *self.regex.groupindex}
        # (template, the fields it may name): a fix's title may name its replacement too.
        templates = [(Template.parse(self.options["replacement"]), known_fields),
                     *((message, known_fields) for message in self.rule.messages.values())]
        if self.rule.fix is not None:
            templates += [(title, known_fields | {"replacement"}) for title in self.rule.fix.titles.values()]
        for template, known in templates:
            missing = template.fields - known
            if missing:
                raise ValueError(f"{sorted(missing)[0]!r} in a template is neither 'found' nor a named group")
        unknown = set(self.options["file-kinds"]) - set(FILE_KINDS)
        if unknown:
            raise ValueError(f"file-kinds: unknown kind {sorted(unknown)[0]!r} (known: {', '.join(FILE_KINDS)})")

    def _set_up_words(self) -> None:
        entries = self.options["words"]
        if not all(isinstance(entry, str) and entry.split() for entry in entries):
            raise ValueError("words must be a list of non-empty strings")
        if entries and not self.options["prose"]:
            raise ValueError("words needs prose: true (they are looked for in the prose)")
        words = {word for entry in entries for word in entry.split()}
        for word in sorted(words):
            if not _WORD.fullmatch(word) or word != word.lower():
                raise ValueError(f"words: {word!r} is not one word in lower case")
        self.entries = [frozenset(entry.split()) for entry in entries]
        self.words = frozenset(words)
        # Each word as a token spells it, lower case or capitalised -> the word.
        self.spellings = {spelling: word for word in words for spelling in (word, word.capitalize())}
        self.part_finder = PartFinder(words) if words and self.options["joined-words"] else None

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if doc.syntax not in self.options["file-kinds"]:
            return
        if self.words and not self._has_words(doc):
            return
        if self.prefilter and not self._has_literal(doc):
            return
        text = doc.prose if self.options["prose"] else doc.text
        fixes = self.rule.fix is not None
        matches = self._budgeted(doc, text) if self.budgeted else self.regex.finditer(text)
        for match in matches:
            span = Span(*match.span())
            fields = {"found": match.group(), **{k: v or "" for k, v in match.groupdict().items()}}
            if fixes:
                replacement = self.options["replacement"].format_map(fields)
                yield self.rule.report(doc, span, Edit(span, replacement), replacement=replacement, **fields)
            else:
                yield self.rule.report(doc, span, **fields)

    def _budgeted(self, doc: Document, text: str) -> Iterator[Any]:
        """The matches of a user's pattern in ``text``, within its time budget: a
        PackError when it overruns it, and no more matches in this run after that."""
        if self.overran is not None:
            return
        budget = BUDGET * (1 + len(text) / 1_000_000)
        try:
            yield from self.regex.finditer(text, timeout=budget)  # the budget is the whole search's
        except TimeoutError:
            self.overran = doc.path
            raise PackError(self.rule.pack, self.rule.line,
                            f"rule {self.rule.code}: its pattern ran over its time budget ({budget:.0f} s) on "
                            f"{doc.path}: it backtracks without end (nested repeats such as (a|aa)+ do); "
                            "the rule is skipped") from None

    def _has_words(self, doc: Document) -> bool:
        """Whether some entry of ``words`` has all its words in the document, as whole
        tokens (the document's distinct words) or, with joined-words, as parts of joined
        ones ("say" in "say-so")."""
        # The rule's few spellings looked up in the counts: intersecting the counts' keys
        # with them would first make a set of every word of the document.
        counts = doc.word_counts
        found = {word for spelling, word in self.spellings.items() if spelling in counts}
        if found and any(map(found.issuperset, self.entries)):
            return True
        if self.part_finder is None:
            return False
        # Parts of joined words: looked for only when the whole words are not enough.
        found.update(self.part_finder(doc))
        return bool(found) and any(map(found.issuperset, self.entries))

    def _has_literal(self, doc: Document) -> bool:
        if self.in_word_line is not None and self.in_word_line(lower_word_line(doc)):
            return True
        if self.prose_literals:
            lowered = doc.shared("lower-prose", _lower_prose)
            return any(literal in lowered for literal in self.prose_literals)
        return False


@cache
def _bundled_packs() -> Path:
    from ..bundled import builtin_pack_dir

    return builtin_pack_dir()


def _bundled(pack: str) -> bool:
    """Whether the pack file ``pack`` is one of presslint's own."""
    return Path(pack).parent == _bundled_packs()


def _compile(pattern: str, ignore_case: bool, budgeted: bool) -> Any:
    """``pattern`` compiled: by ``re``, or for a user's pattern by ``regex`` (in its
    ``re``-compatible version 0), whose searches take a timeout."""
    if not budgeted:
        return re.compile(pattern, re.MULTILINE | (re.IGNORECASE if ignore_case else 0))
    import regex  # type: ignore[import-untyped,unused-ignore]

    try:
        return regex.compile(pattern, regex.MULTILINE | regex.VERSION0 | (regex.IGNORECASE if ignore_case else 0))
    except regex.error as exc:  # not a ValueError, as re.error is
        raise ValueError(str(exc)) from None


def _any_of(literals: list[str]) -> Callable[[str], object] | None:
    """A test of whether a word line has one of ``literals`` in it. Each ``in`` is a scan
    of the line, so literals that start with the same word ("peak\\nmy", "peak\\nyour")
    are looked for at once, by a regex that starts with that word (a literal the regex
    engine looks for once), and so are literals that end with the same word ("ould\\nof",
    "ight\\nof"), each then checked behind the word."""
    if not literals:
        return None
    tests: list[Callable[[str], object]] = []
    rest = literals
    for word_of, regex_of in ((_first_word, _starting_with), (_last_word, _ending_with)):
        groups: dict[str, list[str]] = {}
        for literal in rest:
            groups.setdefault(word_of(literal), []).append(literal)
        rest = []
        for word, group in groups.items():
            if word and len(group) >= _GROUPED:
                tests.append(regex_of(word, group).search)
            else:
                rest += group
    if len(rest) == 1:
        only = rest[0]
        tests.append(lambda line: only in line)
    elif rest:
        tests.append(lambda line: any(literal in line for literal in rest))
    if len(tests) == 1:
        return tests[0]  # most rules have one test: called as it is, no generator per document
    return lambda line: any(test(line) for test in tests)


# Fewer literals than this are looked for one by one: a regex's search costs more than a scan.
_GROUPED = 3


def _first_word(literal: str) -> str:
    return literal.partition("\n")[0] if "\n" in literal.strip("\n") else ""


def _last_word(literal: str) -> str:
    return literal.rpartition("\n")[2] if "\n" in literal.strip("\n") else ""


def _starting_with(word: str, literals: list[str]) -> re.Pattern[str]:
    rests = "|".join(re.escape(literal[len(word):]) for literal in literals)
    return re.compile(f"{re.escape(word)}(?:{rests})")


def _ending_with(word: str, literals: list[str]) -> re.Pattern[str]:
    behind = "|".join(f"(?<={re.escape(literal)})" for literal in literals)
    return re.compile(f"{re.escape(chr(10) + word)}(?:{behind})")


def _in_word_line(literal: str) -> bool:
    """Whether a lower-case prefilter literal can be looked for in the word line."""
    return bool(_WORDS_LITERAL.fullmatch(literal)) and "σ" not in literal and "ς" not in literal


def _lower_prose(doc: Document) -> str:
    return lowered(doc.prose)
