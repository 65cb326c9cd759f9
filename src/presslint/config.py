"""Find, read and validate the configuration; merge command-line overrides.

The configuration is ``.presslint.yaml`` (or ``.presslint.yml``), or the
``[tool.presslint]`` table of ``pyproject.toml``, in the current directory or the
nearest parent that has one. Keys are the long command-line options; the command line
wins over the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .packs import PackError, read_yaml

CONFIG_NAMES = (".presslint.yaml", ".presslint.yml")
OUTPUT_FORMATS = ("text", "json", "github")

# key -> (what the value must be, a description for errors and docs)
KEYS: dict[str, str] = {
    "select": "list of rule codes, prefixes or names",
    "extend-select": "list of rule codes, prefixes or names",
    "ignore": "list of rule codes, prefixes or names",
    "include": "list of glob patterns",
    "exclude": "list of glob patterns",
    "output-format": "one of " + ", ".join(OUTPUT_FORMATS),
    "rules": "list of paths to extra rule packs",
    "rule-options": "mapping of rule code or name to a mapping of options",
}
_LISTS = ("select", "extend-select", "ignore", "include", "exclude", "rules")


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


def parse(data: Any, path: Path) -> Config:
    where = str(path)
    if not isinstance(data, dict):
        raise ConfigError(where, getattr(data, "line", None), "the configuration must be a mapping")
    line = getattr(data, "line", None)
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(where, line, f"unknown key {key!r} (known: {', '.join(sorted(KEYS))})")
        attribute = key.replace("-", "_")
        if key in _LISTS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(where, line, f"{key!r} must be a {KEYS[key]}")
            values[attribute] = tuple(value)
        elif key == "output-format":
            if value not in OUTPUT_FORMATS:
                raise ConfigError(where, line, f"{key!r} must be {KEYS[key]}, not {value!r}")
            values[attribute] = value
        elif key == "rule-options":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(where, line, f"{key!r} must be a {KEYS[key]}")
            values[attribute] = {str(k): dict(v) for k, v in value.items()}
    if "rules" in values:
        values["rules"] = tuple((path.parent / p).resolve() for p in values["rules"])
    return Config(path=path, **values)
