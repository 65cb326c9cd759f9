"""Rule kinds: the Python behind the YAML rules.

A kind is a class with the options it accepts (with their types and defaults), the
names of the messages and fix titles it prints (their text is the rule's entry) and a
``check`` method; its name is its key in :data:`REGISTRY`. Packs name kinds (a rule's
kind is the one named as the rule unless it says ``kind:``); kinds are imported only
when a selected rule uses them, so a run pays only for what it checks.

Adding a kind: write ``kinds/<module>.py`` with a :class:`Kind` subclass and add one
line to :data:`REGISTRY`. The engine builds a rule's checker with :func:`build`: an
instance of its kind, holding the (frozen) rule, its options and the settings it reads.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from ..options import OptionError, validate_options
from ..settings import DEFAULT, Settings

if TYPE_CHECKING:
    from ..diagnostic import Diagnostic
    from ..document import Document
    from ..rule import Rule

# kind name -> "module:Class", relative to this package. A kind that serves one rule is
# named as that rule (its entry needs no ``kind:``); the others serve several.
REGISTRY: dict[str, str] = {
    "pattern": "pattern:Pattern",
    "trailing-whitespace": "lines:TrailingWhitespace",
    "blank-lines-at-end-of-file": "lines:EndOfFileBlankLines",
    "missing-final-newline": "lines:MissingFinalNewline",
    "mixed-line-endings": "lines:MixedLineEndings",
    "doubled-space": "spacing:DoubledSpace",
    "sentence-spacing": "spacing:SentenceSpacing",
    "missing-space-after-sentence": "spacing:MissingSentenceSpace",
    "tab-in-prose": "spacing:InnerTab",
    "space-before-punctuation": "spacing:SpaceBeforePunctuation",
    "special-character": "characters:SpecialCharacter",
    "mojibake": "characters:Mojibake",
    "html-entity": "characters:HtmlEntity",
    "not-utf8": "characters:NotUtf8",
    "unused-suppression": "suppression:UnusedSuppression",
    # Typos (T)
    "common-misspelling": "misspelling:Misspelling",
    "unknown-word": "spelling:UnknownWord",
    "words-run-together": "runtogether:RunTogether",
    "homophone": "homophones:Homophone",
    "missing-possessive-apostrophe": "possessive:MissingPossessive",
    "misspelt-name": "name_variant:NameVariant",
    "wrong-apostrophe": "apostrophe:WrongApostrophe",
    "doubled-word": "doubled:DoubledWord",
    "a-an": "articles:Article",
    "then-than": "comparatives:ComparativeThen",
    # Capitalization (C)
    "inconsistent-case": "consistency:CaseConsistency",
    "lowercase-sentence-start": "sentence_start:LowercaseSentenceStart",
    "term": "terms:Term",
    "lowercase-day-or-month": "calendar_names:LowercaseCalendarName",
    "headline-case": "headline:HeadlineCase",
    "lowercase-name": "lowercase_names:LowercaseName",
    # Dates (D)
    "impossible-date": "date_checks:ImpossibleDate",
    "weekday-mismatch": "date_checks:WeekdayMismatch",
    "mixed-date-formats": "date_checks:MixedDateFormats",
    "suspicious-year": "date_checks:SuspiciousYear",
    "unanchored-relative-date": "date_claims:UnanchoredRelativeDate",
    "contradicts-release-date": "date_claims:RelativeDateContradiction",
    "tense-against-release-date": "date_claims:TenseAgainstReleaseDate",
    "fact-check": "date_facts:FactCheck",
}


class Kind:
    """Base class of every kind.

    ``OPTIONS`` maps each option a rule of this kind may set to its default value; the
    default's type is the option's type, and a default of ``None`` makes it required
    (a string). ``CHOICES`` restricts string options to a set of values.

    What a kind prints is the rule's entry: ``message`` and the names it gives
    ``rule.report(..., key=)`` under ``messages`` (``MESSAGES``); a fix, if ``FIX`` says
    the findings have one, titled by ``fix.title`` and the names it gives ``title=`` under
    ``fix.titles`` (``TITLES``). A rule that lacks one of them, or has one more, is a pack
    error when the rule is built.
    """

    OPTIONS: ClassVar[Mapping[str, Any]] = {}
    CHOICES: ClassVar[Mapping[str, tuple[str, ...]]] = {}
    MESSAGES: ClassVar[tuple[str, ...]] = ()
    # "optional": the findings have a fix when the rule's entry has a ``fix:``.
    FIX: ClassVar[Literal["never", "always", "optional"]] = "never"
    TITLES: ClassVar[tuple[str, ...]] = ()
    # True: checks once the other rules' findings went through the document's suppression
    # comments, which then tell what they silenced (``suppressions.of``).
    AFTER_SUPPRESSIONS: ClassVar[bool] = False

    def __init__(self, rule: Rule, options: Mapping[str, Any], settings: Settings = DEFAULT) -> None:
        self.rule = rule
        self.options = validate_options(type(self), options, rule.kind)
        check_templates(type(self), rule)
        self.settings = settings
        self.setup()

    def setup(self) -> None:
        """Prepare from ``self.options`` (compile patterns...); raise ValueError on bad values."""

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        raise NotImplementedError


def build(rule: Rule, options: Mapping[str, Any], settings: Settings = DEFAULT) -> Kind:
    """The checker of ``rule``: its kind built with ``options`` (the pack's and any
    overrides). Raises ValueError (OptionError, re.error...) when an option is wrong, and
    :class:`~presslint.errors.UserFileError` when a file the settings name is."""
    return load(rule.kind)(rule, options, settings)


def check_templates(kind: type[Kind], rule: Rule) -> None:
    """OptionError unless ``rule`` has the messages and fix titles that ``kind`` prints,
    and no others."""
    if rule.fix is None and kind.FIX == "always":
        raise OptionError(f"kind {rule.kind!r} fixes what it finds: the rule needs "
                          "'fix: {title: ..., safety: safe or unsafe}'")
    if rule.fix is not None and kind.FIX == "never":
        raise OptionError(f"kind {rule.kind!r} has no fix: the rule's 'fix' would never be used")
    _same_names(rule.kind, "messages", kind.MESSAGES, rule.messages)
    if rule.fix is not None:
        _same_names(rule.kind, "fix.titles", kind.TITLES, rule.fix.titles)


def _same_names(kind: str, where: str, wanted: tuple[str, ...], given: Mapping[str, object]) -> None:
    names = set(given) - {""}  # "": the main one (``message``, ``fix.title``)
    # A name the kind never prints first: a misspelt name is also a missing one.
    unused = sorted(names - set(wanted))
    if unused:
        known = ", ".join(wanted) or "none"
        raise OptionError(f"{where}.{unused[0]}: kind {kind!r} never prints it (its {where}: {known})")
    missing = sorted(set(wanted) - names)
    if missing:
        raise OptionError(f"kind {kind!r} prints {where}.{missing[0]}, which the rule lacks")


def load(kind_name: str) -> type[Kind]:
    """The class of ``kind_name``; KeyError if no such kind is registered."""
    module_name, class_name = REGISTRY[kind_name].split(":")
    module = import_module(f".{module_name}", __name__)
    cls: type[Kind] = getattr(module, class_name)
    return cls
