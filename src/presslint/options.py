"""Declared options, validated one way: a rule kind's (from its pack entry and
``rule-options``) and a grammar backend's (from ``backends:``) alike.

What declares options is a class with ``OPTIONS`` (each option's default; the
default's type is the option's type, and ``None`` makes it a required string) and
``CHOICES`` (the values a string option may take). A tuple default is a list of
non-empty strings, kept as a tuple.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol


class OptionError(ValueError):
    """An option is missing, unknown or of the wrong type."""


class Declares(Protocol):
    """A class that declares options: a kind or a backend."""

    OPTIONS: Mapping[str, Any]
    CHOICES: Mapping[str, tuple[str, ...]]


def validate_options(owner: Declares, given: Mapping[str, Any], name: str, what: str = "kind") -> dict[str, Any]:
    """``given`` checked against what ``owner`` (a ``what``: kind, backend, registered as
    ``name``) declares, with the defaults filled in."""
    unknown = sorted(set(given) - set(owner.OPTIONS))
    if unknown:
        allowed = ", ".join(sorted(owner.OPTIONS)) or "none"
        raise OptionError(f"unknown option {unknown[0]!r} for {what} {name!r} (allowed: {allowed})")
    values: dict[str, Any] = {}
    for key, default in owner.OPTIONS.items():
        if key not in given:
            if default is None:
                raise OptionError(f"{what} {name!r} needs the option {key!r}")
            values[key] = default
            continue
        value = given[key]
        expected = str if default is None else type(default)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if expected is tuple:
            value = _strings(key, value)
        elif not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise OptionError(f"option {key!r} must be {_type_name(expected)}, not {_type_name(type(value))}")
        choices = owner.CHOICES.get(key)
        if choices and value not in choices:
            raise OptionError(f"option {key!r} must be one of {', '.join(choices)}, not {value!r}")
        values[key] = value
    return values


def _strings(key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v for v in value):
        raise OptionError(f"option {key!r} must be {_type_name(tuple)}, not {value!r}")
    return tuple(value)


def _type_name(kind: type) -> str:
    return {str: "a string", bool: "true or false", int: "a whole number", float: "a number",
            list: "a list", dict: "a mapping", tuple: "a list of strings"}.get(kind, kind.__name__)
