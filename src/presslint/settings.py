"""What the rule kinds read of the configuration, as small frozen types.

A kind is built with a :class:`Settings` (never the whole configuration), so the kinds
depend on this module only and the configuration may import the packs and kinds freely.
:meth:`presslint.config.Config.settings` makes one. Imports nothing of presslint.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple


class VocabularySettings(NamedTuple):
    """The Typos (T) rules' vocabulary: ``vocabulary: {accept, reject}`` and the words file."""

    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    words_file: Path | None = None


class TermSettings(NamedTuple):
    """The team's terms for the Capitalization (C) rules: ``terms:`` and ``terms-file:``."""

    terms: tuple[str, ...] = ()
    terms_file: Path | None = None


class DateSettings(NamedTuple):
    """How the Dates (D) rules read dates: the given release date and the day-month order."""

    release_date: date | None = None
    date_order: str = "mdy"  # or "dmy"
    # Where ``release_date`` came from, as the D rules' messages say it.
    release_date_source: str = "--release-date"


class ConventionSettings(NamedTuple):
    """What the press-release conventions (P) rules read: the dateline style the house
    uses and the moment the check is about (``--now``), never the clock."""

    dateline_style: str = "any"  # or "ap", "wire"
    # The moment an embargo is compared with; None: embargoes are not compared with a time.
    # A naive value is read as UTC.
    now: datetime | None = None


class Settings(NamedTuple):
    vocabulary: VocabularySettings = VocabularySettings()
    terms: TermSettings = TermSettings()
    # "document": a term is checked for one spelling per document; "project": across files.
    consistency: str = "document"
    dates: DateSettings = DateSettings()
    facts: Path | None = None  # the team's fact sheet (YAML)
    rule_packs: tuple[Path, ...] = ()  # the configuration's extra packs (P002 knows their rules)
    conventions: ConventionSettings = ConventionSettings()
    html_scope: str = "main"  # or "page": what of an HTML page is read (html_scope.py)


DEFAULT = Settings()
