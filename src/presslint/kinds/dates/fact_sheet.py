"""A team's fact sheet: known events with their dates or years, read from YAML.

    - {event: "restructured agreement", date: 2025-10-28, aliases: ["strategic partnership"]}
    - {event: founded, year: 1975}

``event`` is how releases name the event; ``aliases`` are other names for it. A name
matches a sentence word by word, each word with any ending ("restructured agreement"
matches "restructuring agreements"). Events named founded, founding or established also
match "founded", "established" and "incorporated".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ...errors import UserFileError

FOUNDING = ("founded", "founding", "established", "incorporated")
_SUFFIX = re.compile(r"(?:ed|ing|es|s|e)$")


@dataclass(frozen=True)
class Fact:
    event: str
    date: date | None
    year: int
    pattern: re.Pattern[str]
    line: int

    @property
    def when(self) -> str:
        return self.date.isoformat() if self.date else str(self.year)

    @property
    def is_founding(self) -> bool:
        return self.event.lower() in FOUNDING



class FactsError(UserFileError):
    """The fact sheet is wrong; the message names the file and entry."""


_CACHE: dict[tuple[Path, float], tuple[Fact, ...]] = {}


def load(path: Path) -> tuple[Fact, ...]:
    """The facts in ``path`` (cached per file version)."""
    from ...yamlfile import read_yaml

    try:
        key = (path, path.stat().st_mtime)
        if key not in _CACHE:
            _CACHE[key] = parse(read_yaml(path, FactsError), str(path))
    except OSError as exc:
        raise FactsError(str(path), None, f"cannot read the fact sheet: {exc.strerror or exc}") from None
    return _CACHE[key]


def parse(data: object, where: str = "facts") -> tuple[Fact, ...]:
    if isinstance(data, dict) and "facts" in data:
        data = data["facts"]
    if not isinstance(data, list):
        raise FactsError(where, None, "a fact sheet is a list of facts like {event: founded, year: 1975}")
    facts = []
    for number, entry in enumerate(data, 1):
        facts.append(_fact(entry, where, number))
    return tuple(facts)


def _fact(entry: object, where: str, number: int) -> Fact:
    if not isinstance(entry, dict) or not isinstance(entry.get("event"), str) or not entry["event"].strip():
        raise FactsError(where, None, f"fact {number}: needs 'event', a non-empty string")
    unknown = sorted(set(entry) - {"event", "date", "year", "aliases", "note"})
    if unknown:
        raise FactsError(where, None,
                         f"fact {number}: unknown key {unknown[0]!r} (allowed: aliases, date, event, note, year)")
    when, year = entry.get("date"), entry.get("year")
    if (when is None) == (year is None):
        raise FactsError(where, None, f"fact {number}: give either 'date' (YYYY-MM-DD) or 'year'")
    if isinstance(when, datetime):  # 2025-10-28T09:00:00: a day is meant, not a moment
        raise FactsError(where, None, f"fact {number}: 'date' must be YYYY-MM-DD, not a date and time ({when})")
    if when is not None and not isinstance(when, date):
        try:
            when = date.fromisoformat(str(when))
        except ValueError:
            raise FactsError(where, None, f"fact {number}: 'date' must be YYYY-MM-DD, not {when!r}") from None
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        raise FactsError(where, None, f"fact {number}: 'year' must be a year like 1975, not {year!r}")
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise FactsError(where, None, f"fact {number}: 'aliases' must be a list of names")
    event = entry["event"].strip()
    names = [event, *aliases]
    if event.lower() in FOUNDING:
        names.extend(FOUNDING)
    resolved_year = when.year if when is not None else year
    assert isinstance(resolved_year, int)  # one of the two was given and checked above
    return Fact(event, when, resolved_year, name_pattern(names), number)


def name_pattern(names: list[str]) -> re.Pattern[str]:
    """One regex for the names; each word may take any ending."""
    alternatives = []
    for name in sorted(set(names), key=len, reverse=True):
        words = re.findall(r"\w+", name)
        parts = [re.escape(_SUFFIX.sub("", w) if len(w) > 5 else w) + r"\w*" for w in words]
        alternatives.append(r"[\s-]+".join(parts))
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)
