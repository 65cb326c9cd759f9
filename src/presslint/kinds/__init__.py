"""Rule kinds: the Python behind the YAML rules.

A kind is a class with a name, the options it accepts (with their types and defaults)
and a ``check`` method. Packs name kinds; kinds are imported only when a selected rule
uses them, so a run pays only for what it checks.

Adding a kind: write ``kinds/<module>.py`` with a :class:`Kind` subclass and add one
line to :data:`REGISTRY`. The engine builds a rule's checker with :func:`build`: an
instance of its kind, holding the (frozen) rule, its options and the settings it reads.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module
from typing import TYPE_CHECKING, Any, ClassVar

from ..options import validate_options
from ..settings import DEFAULT, Settings

if TYPE_CHECKING:
    from ..diagnostic import Diagnostic
    from ..document import Document
    from ..rule import Rule

# kind name -> "module:Class", relative to this package.
REGISTRY: dict[str, str] = {
    "pattern": "pattern:Pattern",
    "trailing-whitespace": "lines:TrailingWhitespace",
    "end-of-file-blank-lines": "lines:EndOfFileBlankLines",
    "missing-final-newline": "lines:MissingFinalNewline",
    "mixed-line-endings": "lines:MixedLineEndings",
    "doubled-space": "spacing:DoubledSpace",
    "sentence-spacing": "spacing:SentenceSpacing",
    "missing-sentence-space": "spacing:MissingSentenceSpace",
    "inner-tab": "spacing:InnerTab",
    "space-before-punctuation": "spacing:SpaceBeforePunctuation",
    "special-character": "characters:SpecialCharacter",
    "mojibake": "characters:Mojibake",
    "html-entity": "characters:HtmlEntity",
    "not-utf8": "characters:NotUtf8",
    "unused-suppression": "suppression:UnusedSuppression",
    # Typos (T)
    "misspelling": "misspelling:Misspelling",
    "unknown-word": "spelling:UnknownWord",
    "run-together": "runtogether:RunTogether",
    "homophone": "homophones:Homophone",
    "missing-possessive": "possessive:MissingPossessive",
    "name-variant": "name_variant:NameVariant",
    "wrong-apostrophe": "apostrophe:WrongApostrophe",
    "doubled-word": "doubled:DoubledWord",
    "article": "articles:Article",
    "comparative-then": "comparatives:ComparativeThen",
    # Capitalization (C)
    "case-consistency": "consistency:CaseConsistency",
    "lowercase-sentence-start": "sentence_start:LowercaseSentenceStart",
    "term": "terms:Term",
    "lowercase-calendar-name": "calendar_names:LowercaseCalendarName",
    "headline-case": "headline:HeadlineCase",
    "lowercase-name": "lowercase_names:LowercaseName",
    # Dates (D)
    "impossible-date": "date_checks:ImpossibleDate",
    "weekday-mismatch": "date_checks:WeekdayMismatch",
    "mixed-date-formats": "date_checks:MixedDateFormats",
    "suspicious-year": "date_checks:SuspiciousYear",
    "unanchored-relative-date": "date_claims:UnanchoredRelativeDate",
    "relative-date-contradiction": "date_claims:RelativeDateContradiction",
    "tense-against-release-date": "date_claims:TenseAgainstReleaseDate",
    "fact-check": "date_facts:FactCheck",
}


class Kind:
    """Base class of every kind.

    ``OPTIONS`` maps each option a rule of this kind may set to its default value; the
    default's type is the option's type, and a default of ``None`` makes it required
    (a string). ``CHOICES`` restricts string options to a set of values.
    """

    name: ClassVar[str] = ""
    OPTIONS: ClassVar[Mapping[str, Any]] = {}
    CHOICES: ClassVar[Mapping[str, tuple[str, ...]]] = {}

    def __init__(self, rule: Rule, options: Mapping[str, Any], settings: Settings = DEFAULT) -> None:
        self.rule = rule
        self.options = validate_options(type(self), options)
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


def load(kind_name: str) -> type[Kind]:
    """The class of ``kind_name``; KeyError if no such kind is registered."""
    module_name, class_name = REGISTRY[kind_name].split(":")
    module = import_module(f".{module_name}", __name__)
    cls: type[Kind] = getattr(module, class_name)
    return cls
