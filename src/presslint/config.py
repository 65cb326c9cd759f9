"""Find, read and validate the configuration; merge command-line overrides.

The configuration is ``.presslint.yaml`` (or ``.presslint.yml``), or the
``[tool.presslint]`` table of ``pyproject.toml``, in the current directory or the
nearest parent that has one. Keys are the long command-line options; the command line
wins over the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from .packs import PackError, read_yaml
from .report import FORMATS

CONFIG_NAMES = (".presslint.yaml", ".presslint.yml")

# key -> what its value must be, for errors and docs. Parsing is table-driven below:
# a new key is one line here, one parser in _PARSERS and one field of Config.
KEYS: dict[str, str] = {
    "select": "a list of rule codes, prefixes or names",
    "extend-select": "a list of rule codes, prefixes or names",
    "ignore": "a list of rule codes, prefixes or names",
    "include": "a list of glob patterns",
    "exclude": "a list of glob patterns",
    "output-format": "one of " + ", ".join(FORMATS),
    "rules": "a list of paths to extra rule packs",
    "rule-options": "a mapping of rule code or name to a mapping of options",
    "per-file-ignores": "a mapping of glob pattern to a list of rule codes, prefixes or names",
    # Typos (T)
    "vocabulary": "a mapping with 'accept' and 'reject' lists of words",
    "words-file": "a path to a words file (one accepted term per line)",
    # Capitalization (C)
    "terms": "a list of names and terms with their one right spelling",
    "terms-file": "a path to a file of terms, one per line",
    "consistency": "document or project",
    # Dates (D)
    "release-date": "a date, YYYY-MM-DD",
    "date-order": "mdy or dmy",
    "facts": "a path to a YAML fact sheet",
    # Grammar (G): opt-in backends, see presslint.backends
    "backends": "a mapping of grammar backend name (backends.BACKENDS) to its options",
}


class ConfigError(PackError):
    """The configuration is wrong; ``str()`` is the one line to print."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    output_format: str | None = None
    rules: tuple[Path, ...] = ()
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    vocabulary_accept: tuple[str, ...] = ()
    vocabulary_reject: tuple[str, ...] = ()
    words_file: Path | None = None
    terms: tuple[str, ...] = ()
    terms_file: Path | None = None
    consistency: str = "document"
    release_date: date | None = None
    date_order: str = "mdy"
    facts: Path | None = None
    backends: tuple[Any, ...] = ()  # BackendSpec: validated here, started only by `check`

    def merged(self, **overrides: Any) -> Config:
        """A copy with the command line's values (those not None) taking precedence."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def find(start: Path) -> Path | None:
    """The nearest config file at or above ``start``."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _pyproject_table(pyproject) is not None:
            return pyproject
    return None


def load(path: Path) -> Config:
    if path.name == "pyproject.toml":
        table = _pyproject_table(path)
        data: Any = {} if table is None else table
    else:
        data = read_yaml(path)
        if data is None:
            data = {}
    return parse(data, path)


def discover(start: Path) -> Config:
    path = find(start)
    return load(path) if path else Config()


def _pyproject_table(path: Path) -> dict[str, Any] | None:
    import tomllib

    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(str(path), None, f"cannot read: {exc}") from None
    table = document.get("tool", {}).get("presslint")
    return table if isinstance(table, dict) else None


class _Invalid(ValueError):
    pass


def _string_list(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Invalid()
    return tuple(value)


def _choice(*choices: str) -> Callable[[Any], str]:
    def parse_choice(value: Any) -> str:
        if value not in choices:
            raise _Invalid()
        return str(value)
    return parse_choice


def _mapping_of_mappings(value: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise _Invalid()
    return {str(k): dict(v) for k, v in value.items()}


def _per_file_ignores(value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise _Invalid()
    return {str(pattern): _string_list(selectors) for pattern, selectors in value.items()}


def _path(value: Any) -> Path:
    if not isinstance(value, str) or not value:
        raise _Invalid()
    return Path(value)


def _date(value: Any) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _Invalid() from None


def _vocabulary(value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict) or set(value) - {"accept", "reject"}:
        raise _Invalid()
    return {f"vocabulary_{k}": _string_list(v) for k, v in value.items()}


_PARSERS: dict[str, Callable[[Any], Any]] = {
    "select": _string_list, "extend-select": _string_list, "ignore": _string_list,
    "include": _string_list, "exclude": _string_list, "rules": _string_list,
    "output-format": _choice(*FORMATS),
    "rule-options": _mapping_of_mappings,
    "per-file-ignores": _per_file_ignores,
    "vocabulary": _vocabulary,
    "words-file": _path,
    "terms": _string_list,
    "terms-file": _path,
    "consistency": _choice("document", "project"),
    "release-date": _date,
    "date-order": _choice("mdy", "dmy"),
    "facts": _path,
}
# Paths in a config file are relative to the folder of that file.
_RELATIVE_PATHS = ("words_file", "terms_file", "facts")


def parse(data: Any, path: Path) -> Config:
    where = str(path)
    if not isinstance(data, dict):
        raise ConfigError(where, getattr(data, "line", None), "the configuration must be a mapping")
    line = getattr(data, "line", None)
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(where, line, f"unknown key {key!r} (known: {', '.join(sorted(KEYS))})")
        if key == "backends":
            from .backends import BackendConfigError, parse_backends

            try:
                values["backends"] = tuple(parse_backends(value))
            except BackendConfigError as exc:
                raise ConfigError(where, line, exc.message) from None
            continue
        try:
            parsed = _PARSERS[key](value)
        except _Invalid:
            raise ConfigError(where, line, f"{key!r} must be {KEYS[key]}, not {value!r}") from None
        if key == "vocabulary":
            values.update(parsed)
        else:
            values[key.replace("-", "_")] = parsed
    if "rules" in values:
        values["rules"] = tuple((path.parent / p).resolve() for p in values["rules"])
    for attribute in _RELATIVE_PATHS:
        if attribute in values:
            values[attribute] = (path.parent / values[attribute]).resolve()
    return Config(path=path, **values)
