"""Find, read and validate the configuration; merge command-line overrides.

The configuration is ``.presslint.yaml`` (or ``.presslint.yml``), or the
``[tool.presslint]`` table of ``pyproject.toml``, in the current directory or the
nearest parent that has one. Keys are the long command-line options; the command line
wins over the file.

Each key is declared once, in :data:`DECLARED`: its name (the Config field is the same in
snake_case), what its value must be, and its parser. Errors, :data:`KEYS` and the
reference in docs/configuration.md (``python -m presslint.config > docs/configuration.md``)
are made from it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import ConfigError
from .presets import PRESETS
from .report import FORMATS
from .settings import ConventionSettings, DateSettings, Settings, TermSettings, VocabularySettings
from .yamlfile import LineDict, read_yaml

if TYPE_CHECKING:
    from .backends import BackendSpec

__all__ = ["CONFIG_NAMES", "KEYS", "WORDS_FILE", "Config", "ConfigError", "discover", "find", "load", "parse"]

CONFIG_NAMES = (".presslint.yaml", ".presslint.yml")
# The team's accepted words, one a line, found like the config when it names no words-file.
WORDS_FILE = ".presslint-words.txt"
# The choices of two keys that are command-line options too.
CONSISTENCY_SCOPES = ("document", "project")
DATE_ORDERS = ("mdy", "dmy")
DATELINE_STYLES = ("any", "ap", "wire")
HTML_SCOPES = ("main", "page")
# The severities, gravest first: --fail-on and the severity: overrides take these.
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    preset: str = "default"  # presets.PRESETS: applied beneath the file's keys when it is read
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    paths: tuple[Path, ...] = ()  # what `check` with no path checks (absolute)
    # None: the defaults (sources.DEFAULT_INCLUDE, DEFAULT_EXCLUDE); the extend- keys add.
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] | None = None
    extend_include: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
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
    dateline_style: str = "any"
    html_scope: str = "main"  # what of an HTML page is checked: the release, or the whole page
    now: datetime | None = None
    backends: tuple[BackendSpec, ...] = ()  # validated here, started only by `check`
    fail_on: str = "info"  # the lowest severity that makes the exit code 1
    severity: dict[str, str] = field(default_factory=dict)  # rule selector -> severity
    output_file: tuple[tuple[str, Path], ...] = ()  # (format, path): written besides the output
    # `check`'s switches; the command line can turn each on, not off.
    quiet: bool = False
    exit_zero: bool = False
    statistics: bool = False
    jobs: int | None = None
    unsafe_fixes: bool = False
    show_release_date: bool = False
    backend_required: bool = False
    cache: bool = True  # the result cache (cache.py)
    cache_dir: Path | None = None
    # The line of each key in the file ("rule-options.W105" for a rule's options), so
    # that a mistake found later (a bad rule option) names the line it is on.
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    # The fields the command line set (``merged``): they did not come from the file.
    given: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    # The fields found beside the configuration rather than in it (the words file).
    discovered: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def merged(self, **overrides: Any) -> Config:
        """A copy with the command line's values (those not None) taking precedence. A
        key the command line sets no longer has a line in the file (errors name no line)."""
        given = {k: v for k, v in overrides.items() if v is not None}
        if given.get("select") == () and not given.get("extend_select", self.extend_select):
            raise ConfigError(None, None, "--select is empty, which would turn every rule off: leave it out "
                              "for the default rules, or name the rules to run")
        lines = {key: line for key, line in self.lines.items() if key.replace("-", "_") not in given}
        return replace(self, lines=lines, given=self.given | set(given), **given)

    def source(self, name: str) -> str:
        """Where the field ``name``'s value came from: the command line's option, the
        configuration file, or the default."""
        if name in self.given:
            return "--" + name.replace("_", "-")
        if name in self.discovered:
            return f"found ({getattr(self, name)})"
        written = name.replace("_", "-") in self.lines  # in the file, even at the default value
        if self.path is not None and (written or getattr(self, name) != getattr(_DEFAULT, name)):
            return f"configuration file {self.path.name}"
        return "default"

    def settings(self) -> Settings:
        """What the rule kinds read of this configuration."""
        return Settings(
            vocabulary=VocabularySettings(self.vocabulary_accept, self.vocabulary_reject, self.words_file),
            terms=TermSettings(self.terms, self.terms_file),
            consistency=self.consistency,
            dates=DateSettings(self.release_date, self.date_order, self._release_date_source()),
            facts=self.facts, rule_packs=self.rules,
            conventions=ConventionSettings(self.dateline_style, self.now), html_scope=self.html_scope)

    def _release_date_source(self) -> str:
        # As before for a Config made in code (the API's): the date it is given.
        source = self.source("release_date")
        return "--release-date" if source == "default" else source

    def error(self, key: str, message: str) -> ConfigError:
        """An error in this configuration, at the line of ``key`` (if it came from a file)."""
        return ConfigError(str(self.path) if self.path else None, self.lines.get(key), message)


_DEFAULT = Config()


def find(start: Path) -> Path | None:
    """The nearest config file at or above ``start``."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if _named_here(candidate):
                return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _pyproject_table(pyproject, searching=True) is not None:
            return pyproject
    return None


def find_words_file(start: Path) -> Path | None:
    """The nearest words file at or above ``start``."""
    for folder in (start, *start.parents):
        candidate = folder / WORDS_FILE
        if _named_here(candidate):
            return candidate
    return None


def _named_here(candidate: Path) -> bool:
    """Whether the search stops at ``candidate``: a file of that name, or anything else of
    that name but a folder (a FIFO, a broken link, an unreadable file), which loading then
    names in one error line, rather than passing it by as if the user had written none."""
    return os.path.lexists(candidate) and not candidate.is_dir()


def load(path: Path, allow_outside: bool = False) -> Config:
    """The configuration file ``path``; ``allow_outside``: the files it names may lie
    outside its project (``--allow-outside-paths``)."""
    if path.name == "pyproject.toml":
        table = _pyproject_table(path)
        data: Any = {} if table is None else table
    else:
        data = read_yaml(path, ConfigError)
        if data is None:
            data = {}
    return parse(data, path, allow_outside)


def discover(start: Path, path: Path | None = None, allow_outside: bool = False) -> Config:
    """The command line's configuration: the file ``path``, or else the nearest config
    file at or above ``start``; and, unless it names a words file, the nearest
    ``.presslint-words.txt`` at or above ``start``. (``Config()`` reads neither.)"""
    path = path or find(start)
    config = load(path, allow_outside) if path else Config()
    if config.words_file is None:
        words_file = find_words_file(start)
        if words_file is not None:
            config = replace(config, words_file=words_file, discovered=frozenset({"words_file"}))
    return config


def _pyproject_table(path: Path, searching: bool = False) -> dict[str, Any] | None:
    """The ``[tool.presslint]`` table of a pyproject.toml; None when it has none. While
    ``searching`` for the configuration, a pyproject.toml that cannot be read, or does
    not parse and never says "presslint", belongs to other tools: it is passed by, as
    one without the table is, rather than stopping presslint."""
    import tomllib

    from .userfiles import MAX_YAML_BYTES, read_bytes

    raw = b""
    try:
        raw = read_bytes(path, MAX_YAML_BYTES)
        document = tomllib.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        if searching and b"presslint" not in raw:
            return None
        raise ConfigError(str(path), None, f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    tool = document.get("tool")
    table = tool.get("presslint") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(str(path), None, f"[tool.presslint] must be a table, not {_shown(table)}")
    return table


# --- the keys: each declared once, with what it must be and how it is read --------------

class _Invalid(ValueError):
    """A value of the wrong shape; ``reason`` replaces the usual "must be" message."""

    def __init__(self, reason: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason


# A parser takes the value and the config file's folder (paths are relative to it) and
# returns the Config fields it sets.
Parser = Callable[[Any, Path], dict[str, Any]]


class Key(NamedTuple):  # a NamedTuple: a dataclass costs start-up time, and a Key needs nothing more
    name: str  # as written in the file; the Config field is the name in snake_case
    description: str  # what the value must be, for errors and docs
    parse: Parser
    group: str = ""  # the rule family it configures, for the docs


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


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Invalid()
    return value


def _positive(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _Invalid()
    return value


def _mapping_of_mappings(value: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise _Invalid()
    return {str(k): dict(v) for k, v in value.items()}


def _per_file_ignores(value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise _Invalid()
    return {str(pattern): _string_list(selectors) for pattern, selectors in value.items()}


def _path(value: Any, folder: Path) -> Path:
    if not isinstance(value, str) or not value:
        raise _Invalid()
    return (folder / value).resolve()


def _date(value: Any) -> date:
    if isinstance(value, datetime):  # 2024-03-18T10:00:00: a day is meant, not a moment
        raise _Invalid(f"'release-date' must be a date, YYYY-MM-DD, not a date and time ({value})")
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _Invalid() from None


def parse_now(value: Any) -> datetime:
    """The moment of ``now:`` or ``--now``: an ISO 8601 date or date and time, with or
    without a UTC offset (``2024-03-18``, ``2024-03-18T09:00``, ``2024-03-18T09:00-04:00``);
    ValueError if it is none."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if not isinstance(value, str):
        raise ValueError(f"expected a date or date and time, YYYY-MM-DD[THH:MM[+HH:MM]], not {value!r}")
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"expected a date or date and time, YYYY-MM-DD[THH:MM[+HH:MM]], not {value!r}") from None


def _now(value: Any) -> datetime:
    try:
        return parse_now(value)
    except ValueError:
        raise _Invalid() from None


def _vocabulary(value: Any, folder: Path) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) - {"accept", "reject"}:
        raise _Invalid()
    return {f"vocabulary_{k}": _string_list(v) for k, v in value.items()}


def _backends(value: Any, folder: Path) -> dict[str, Any]:
    from .backends import BackendConfigError, parse_backends

    try:
        return {"backends": tuple(parse_backends(value))}
    except BackendConfigError as exc:
        raise _Invalid(exc.message) from None


def _severities(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(v in SEVERITIES for v in value.values()):
        raise _Invalid()
    return {str(k): str(v) for k, v in value.items()}


def output_file(value: str, folder: Path) -> tuple[str, Path]:
    """``FORMAT:PATH`` as (format, path relative to ``folder``); ValueError if malformed."""
    name, colon, path = value.partition(":")
    if not colon or not path or name not in FORMATS:
        raise ValueError(f"expected FORMAT:PATH with FORMAT one of {', '.join(FORMATS)}, not {value!r}")
    return name, folder / path


def _output_files(value: Any, folder: Path) -> dict[str, Any]:
    given = _string_list(value)
    try:
        return {"output_file": tuple(output_file(v, folder) for v in given)}
    except ValueError as exc:
        raise _Invalid(f"'output-file': {exc}") from None


def _key(name: str, description: str, convert: Callable[[Any], Any], group: str = "") -> Key:
    """A key that sets its one field to ``convert(value)``."""
    field_name = name.replace("-", "_")
    return Key(name, description, lambda value, folder: {field_name: convert(value)}, group)


def _path_key(name: str, description: str, group: str) -> Key:
    """A key naming a file, relative to the config file's folder."""
    field_name = name.replace("-", "_")
    return Key(name, description, lambda value, folder: {field_name: _path(value, folder)}, group)


def _path_list_key(name: str, description: str) -> Key:
    """A key naming files or folders, each relative to the config file's folder."""
    field_name = name.replace("-", "_")
    return Key(name, description,
               lambda value, folder: {field_name: tuple((folder / p).resolve() for p in _string_list(value))})


_SELECTORS = "a list of rule codes, prefixes or names"
DECLARED: tuple[Key, ...] = (
    _key("preset", "one of " + ", ".join(PRESETS) + ": a named set of rules and options beneath this file's"
         " (README.md, Presets)", _choice(*PRESETS)),
    _key("select", _SELECTORS, _string_list),
    _key("extend-select", _SELECTORS, _string_list),
    _key("ignore", _SELECTORS, _string_list),
    _path_list_key("paths", "a list of files and folders that `presslint check` with no path checks"),
    _key("include", "a list of glob patterns of the files to check in folders, replacing the defaults",
         _string_list),
    _key("extend-include", "a list of glob patterns added to `include`", _string_list),
    _key("exclude", "a list of glob patterns of files and folders to skip, replacing the defaults",
         _string_list),
    _key("extend-exclude", "a list of glob patterns added to `exclude`", _string_list),
    _key("output-format", "one of " + ", ".join(FORMATS), _choice(*FORMATS)),
    Key("output-file", "a list of FORMAT:PATH, reports written besides the output (FORMAT one of "
        + ", ".join(FORMATS) + ")", _output_files),
    _key("fail-on", "the lowest severity that makes the exit code 1: " + ", ".join(SEVERITIES) + " (default)",
         _choice(*SEVERITIES)),
    _key("severity", "a mapping of rule code, prefix or name to " + ", ".join(SEVERITIES)
         + ": the severity its findings are reported with", _severities),
    _path_list_key("rules", "a list of paths to extra rule packs"),
    _key("rule-options", "a mapping of rule code or name to a mapping of options", _mapping_of_mappings),
    _key("per-file-ignores", f"a mapping of glob pattern to {_SELECTORS}", _per_file_ignores),
    _key("html-scope", " or ".join(HTML_SCOPES) + " (default main): what of an HTML page is checked: main, the "
         "release (its `<article>` or `<main>`, else the block with the most paragraph text; no navigation, page "
         "header or footer, sidebar, cookie or share widgets: docs/html.md); page, everything",
         _choice(*HTML_SCOPES)),
    Key("vocabulary", "a mapping with 'accept' and 'reject' lists of words", _vocabulary, "Typos (T)"),
    _path_key("words-file", "a path to a words file (one accepted term per line)", "Typos (T)"),
    _key("terms", "a list of names and terms with their one right spelling", _string_list, "Capitalization (C)"),
    _path_key("terms-file", "a path to a file of terms, one per line", "Capitalization (C)"),
    _key("consistency", " or ".join(CONSISTENCY_SCOPES), _choice(*CONSISTENCY_SCOPES), "Capitalization (C)"),
    _key("release-date", "a date, YYYY-MM-DD", _date, "Dates (D)"),
    _key("date-order", " or ".join(DATE_ORDERS), _choice(*DATE_ORDERS), "Dates (D)"),
    _path_key("facts", "a path to a YAML fact sheet", "Dates (D)"),
    _key("dateline-style", " or ".join(DATELINE_STYLES) + " (default any): the dateline style the P rules expect "
         "(ap: 'SEATTLE' or 'TACOMA, Wash.' and an em dash; wire: '--' after the wire's name)",
         _choice(*DATELINE_STYLES), "Press-release conventions (P)"),
    _key("now", "a date or date and time, YYYY-MM-DD[THH:MM[+HH:MM]] (UTC without an offset): the moment an "
         "embargo line is compared with (rules never read the clock)", _now, "Press-release conventions (P)"),
    # Opt-in backends, see presslint.backends
    Key("backends", "a mapping of grammar backend name (harper, languagetool) to its options", _backends,
        "Grammar (G)"),
    # `check`'s switches, as on the command line
    _key("quiet", "true or false: only the findings, no source lines, no summary", _flag, "Output"),
    _key("statistics", "true or false: count findings per rule instead of listing them", _flag, "Output"),
    _key("show-release-date", "true or false: say on stderr which release date each file is checked against",
         _flag, "Output"),
    _key("exit-zero", "true or false: exit 0 even when problems are found", _flag, "Output"),
    _key("jobs", "a whole number, 1 or more: the processes to use (default: one per core)", _positive, "Run"),
    _key("unsafe-fixes", "true or false: with --fix or --diff, also apply unsafe fixes", _flag, "Run"),
    _key("backend-required", "true or false: exit 2 when a configured grammar backend fails", _flag, "Run"),
    _key("cache", "true or false: reuse the findings of a file checked before, unchanged, with the same "
         "configuration (default: true; `PRESSLINT_NO_CACHE=1` turns it off too)", _flag, "Run"),
    _path_key("cache-dir", "a path to the cache folder (default: `.presslint_cache` beside the configuration "
              "file, else in the current folder; `PRESSLINT_CACHE_DIR` moves it too)", "Run"),
)
# The keys of the whole run: a configuration nearer a file than the run's (configs.py) sets
# none of them; it sets the others, the rules and their settings, for its files.
RUN_WIDE = frozenset({
    "paths", "include", "exclude", "extend-include", "extend-exclude", "output-format", "consistency",
    "backends", "quiet", "statistics", "show-release-date", "exit-zero", "jobs", "unsafe-fixes",
    "backend-required", "fail-on", "output-file", "cache", "cache-dir"})
# The long options of `check` that are not keys, and why (README.md and docs/configuration.md
# say so; tests/test_config_keys.py holds every other long option to being a key).
COMMAND_LINE_ONLY: dict[str, str] = {
    "fix": "changing files is asked for on each run, never left on in a file",
    "diff": "a one-off look at the fixes, not a setting",
    "config": "names the configuration file itself",
    "no-config": "turns the configuration file off",
    "stdin-filename": "names one run's standard input",
    "allow-outside-paths": "a configuration cannot grant itself leave to name files outside its project",
}
# The keys that name files or folders. Each must lie inside the configuration's project
# (the git work tree that holds it, else its folder) unless the command line says
# --allow-outside-paths: userfiles.py says why.
NAMES_FILES = frozenset({"paths", "rules", "words-file", "terms-file", "facts", "output-file"})
_BY_NAME = {key.name: key for key in DECLARED}
# key -> what its value must be.
KEYS: dict[str, str] = {key.name: key.description for key in DECLARED}


def parse(data: Any, path: Path, allow_outside: bool = False) -> Config:
    """The configuration ``data`` read from the file ``path``; ``allow_outside``: the
    files it names may lie outside the file's project."""
    where = str(path)
    if not isinstance(data, dict):
        raise ConfigError(where, getattr(data, "line", None), "the configuration must be a mapping")
    lines: dict[str, int] = {}
    values: dict[str, Any] = {}
    items = _with_preset(data, where)
    for name, value in items.items():
        line = data.line_of(name) if isinstance(data, LineDict) and name in data else None
        if line:
            lines[str(name)] = line
        key = _BY_NAME.get(name)
        if key is None:
            raise ConfigError(where, line, f"unknown key {name!r} (known: {', '.join(sorted(KEYS))})")
        try:
            fields = key.parse(value, path.parent)
        except _Invalid as exc:
            message = exc.reason or f"{name!r} must be {key.description}, not {_shown(value)}"
            raise ConfigError(where, line, message) from None
        if name in NAMES_FILES and not allow_outside:
            _inside_project(name, fields, path, line)
        values.update(fields)
        if isinstance(value, LineDict):
            lines.update((f"{name}.{inner}", value.line_of(inner)) for inner in value)
    if values.get("select") == () and not values.get("extend_select"):
        # As an error, not silence: an empty list left by an edit would turn every rule off.
        raise ConfigError(where, lines.get("select"), "'select' is empty, which would turn every rule off: "
                          "leave it out for the default rules, or name the rules to run "
                          "(to check nothing under this configuration, 'ignore: [ALL]')")
    return Config(path=path, lines=lines, **values)


def _inside_project(name: str, fields: dict[str, Any], path: Path, line: int | None) -> None:
    """ConfigError at ``line`` unless every path ``fields`` (key ``name``'s) holds lies
    inside the project of the configuration file ``path``."""
    from .userfiles import outside

    for value in fields.values():
        named = value if isinstance(value, tuple) else (value,)
        for item in named:
            target = item[1] if isinstance(item, tuple) else item  # output-file: (format, path)
            root = outside(target, path)
            if root is not None:
                raise ConfigError(str(path), line, f"{name!r} names {target}, outside the configuration's project "
                                  f"({root}); only the command line can allow that: --allow-outside-paths")


def _shown(value: Any) -> str:
    """``value`` for an error message: its repr, cut short (a value may be a whole file)."""
    shown = repr(value)
    return shown if len(shown) <= 200 else shown[:197] + "..."
def _with_preset(data: dict[Any, Any], where: str) -> dict[Any, Any]:
    """``data`` with the keys of the preset it names beneath its own (presets.apply)."""
    name = data.get("preset")
    if name is None:
        return data
    if name not in PRESETS:
        line = data.line_of("preset") if isinstance(data, LineDict) else None
        raise ConfigError(where, line, f"'preset' must be one of {', '.join(PRESETS)}, not {name!r}")
    from .presets import apply

    return {"preset": name, **apply(name, data)}


def _fields(key: Key) -> tuple[str, ...]:
    """The Config fields that ``key`` sets."""
    if key.name == "vocabulary":
        return ("vocabulary_accept", "vocabulary_reject")
    return (key.name.replace("-", "_"),)


def _plain(value: Any) -> Any:
    """``value`` as JSON (and YAML flow) can say it."""
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (Path, date)):
        return str(value)
    return value


def effective(config: Config, run: Config | None = None) -> list[str]:
    """`presslint config`: which file, then every key, one a line, as YAML that could go
    in a configuration, with where its value came from in a comment; the run-wide keys'
    from ``run`` when ``config`` is a file's nearer one."""
    import json

    rows = [f"# configuration file: {config.path}" if config.path else "# no configuration file: the defaults"]
    if run is not None and run.path != config.path:
        rows.append(f"# run-wide keys from: {run.path or 'the defaults'}")
    for key in DECLARED:
        source = run if run is not None and key.name in RUN_WIDE else config
        fields = _fields(key)
        if key.name == "vocabulary":
            value: Any = {"accept": _plain(config.vocabulary_accept), "reject": _plain(config.vocabulary_reject)}
        elif key.name == "backends":
            value = {spec.name: _plain(spec.options) for spec in config.backends}
        else:
            value = _plain(getattr(config, fields[0]))
        sources = list(dict.fromkeys(source.source(name) for name in fields))
        if len(sources) > 1:  # vocabulary: accept from the file, reject the default
            sources.remove("default")
        rows.append(f"{key.name}: {json.dumps(value, ensure_ascii=False)}  # {', '.join(sources)}")
    return rows


def reference() -> str:
    """docs/configuration.md: every key, by the family it configures."""
    lines = ["# Configuration keys", "",
             "Generated from `presslint.config.DECLARED` (`python -m presslint.config > docs/configuration.md`).",
             "Paths are relative to the configuration file's folder, and the keys that name files",
             f"({', '.join(f'`{name}`' for name in sorted(NAMES_FILES))}) must name them inside the",
             "configuration's project (the git work tree that holds it, else its folder) unless the",
             "command line says `--allow-outside-paths`. Each file is checked with the",
             "configuration nearest it (unless `--config` or `--no-config` chooses one), save the",
             "keys marked run-wide, which only the run's configuration (the one `--config` names,",
             "else the nearest at or above the current folder) sets.", ""]
    for group in dict.fromkeys(key.group for key in DECLARED):
        lines += [f"## {group or 'General'}", "", "| key | value |", "| --- | --- |"]
        lines += [f"| `{key.name}` | {key.description}{' (run-wide)' if key.name in RUN_WIDE else ''} |"
                  for key in DECLARED if key.group == group]
        lines.append("")
    lines += ["## Command line only", "",
              "Every long option of `presslint check` is a key, except these:", "",
              "| option | why not a key |", "| --- | --- |"]
    lines += [f"| `--{option}` | {why} |" for option, why in COMMAND_LINE_ONLY.items()]
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(reference(), end="")
