"""Load and validate YAML rule packs.

Every mistake in a pack is reported as one line, ``path:line: message``, so a team that
writes its own pack finds the error without reading Python. Packs are data only: they
are read with a safe loader and nothing in them is executed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from . import kinds
from .diagnostic import Severity
from .rule import BadExample, Flagged, Rule, UserFileError, template_fields
from .yamlfile import PackError, read_yaml

__all__ = ["PackError", "builtin_packs", "instantiate", "load_pack", "load_packs", "read_yaml"]

CODE = re.compile(r"^[WTCDPG]\d{3}$")
NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
RULE_KEYS = {"code", "name", "kind", "severity", "message", "docs", "examples", "options", "default",
             "summary", "since", "link"}
REQUIRED_KEYS = ("code", "name", "kind", "severity", "message", "docs", "examples")
VERSION = re.compile(r"^\d+\.\d+\.\d+$")

# Builds the error of a pack entry from its message (``path:line: message``).
Fail = Callable[[str], PackError]


def builtin_pack_dir() -> Path:
    """The packs shipped in the wheel, or the repository's ``rules/`` in a checkout."""
    installed = Path(__file__).resolve().parent / "rules"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "rules"


def builtin_packs() -> list[Path]:
    return sorted(builtin_pack_dir().glob("*.yaml"))


def load_pack(path: Path) -> list[Rule]:
    data = read_yaml(path)
    where = str(path)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise PackError(where, getattr(data, "line", None), "a pack is a mapping with a list under 'rules'")
    unknown = sorted(set(data) - {"rules", "family", "description"})
    if unknown:
        raise PackError(where, getattr(data, "line", None),
                        f"unknown key {unknown[0]!r} (allowed: description, family, rules)")
    return [_rule(where, entry) for entry in data["rules"]]


def _rule(where: str, entry: Any) -> Rule:
    line = getattr(entry, "line", None)

    def fail(message: str) -> PackError:
        return PackError(where, line, message)

    if not isinstance(entry, dict):
        raise fail("each rule is a mapping")
    unknown = sorted(set(entry) - RULE_KEYS)
    if unknown:
        raise fail(f"unknown key {unknown[0]!r} (allowed: {', '.join(sorted(RULE_KEYS))})")
    missing = [key for key in REQUIRED_KEYS if key not in entry]
    if missing:
        raise fail(f"rule {entry.get('code', '?')} lacks {missing[0]!r}")
    for key in ("code", "name", "kind", "severity", "message", "docs"):
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise fail(f"{key!r} must be a non-empty string")
    code, name = entry["code"], entry["name"]
    if not CODE.match(code):
        raise fail(f"code {code!r} must be a family letter (W, T, C, D, P, G) and three digits")
    if not NAME.match(name):
        raise fail(f"name {name!r} must be kebab-case, like 'trailing-whitespace'")
    try:
        severity = Severity.parse(entry["severity"])
    except ValueError as exc:
        raise fail(str(exc)) from None
    if entry["kind"] not in kinds.REGISTRY:
        raise fail(f"unknown kind {entry['kind']!r} (known: {', '.join(sorted(kinds.REGISTRY))})")
    try:
        template_fields(entry["message"])
    except ValueError as exc:
        raise fail(f"message is not a valid template: {exc}") from None
    bad, good = _examples(entry["examples"], fail)
    summary, since, link = _reading(entry, fail)
    options = entry.get("options", {})
    if not isinstance(options, dict):
        raise fail("'options' must be a mapping")
    default = entry.get("default", True)
    if not isinstance(default, bool):
        raise fail("'default' must be true or false")
    return Rule(code=code, name=name, kind=entry["kind"], severity=severity,
                message=entry["message"], docs=entry["docs"].strip(), bad=bad, good=good,
                options=dict(options), default=default, pack=where, line=line or 0,
                summary=summary, since=since, link=link)


def _examples(examples: Any, fail: Fail) -> tuple[tuple[BadExample, ...], tuple[str | bytes, ...]]:
    """A rule's examples: each bad one says what it flags (and what its fixes give), so the
    tests check the place, not only that the rule fired; a good one is a plain text."""
    if not isinstance(examples, dict) or set(examples) - {"bad", "good"}:
        raise fail("'examples' must be a mapping with 'bad' and 'good' lists")
    bad, good = examples.get("bad"), examples.get("good")
    if not isinstance(bad, list) or not bad:
        raise fail("'examples.bad' must be a non-empty list of {text, flagged, fixed} mappings")
    # Bytes (YAML !!binary) let an example be a file that is not UTF-8.
    if not isinstance(good, list) or not good or not all(isinstance(v, (str, bytes)) for v in good):
        raise fail("'examples.good' must be a non-empty list of strings")
    return tuple([_bad_example(example, fail) for example in bad]), tuple(good)


def _bad_example(example: Any, fail: Fail) -> BadExample:
    # Run on every pack load, so the common case is a few lookups; errors are built on failure.
    if not isinstance(example, dict):
        raise _at(example, fail, "a bad example is a mapping: {text: ..., flagged: ..., fixed: ...}, "
                  f"not {_shown(example)}")
    if not example.keys() <= _BAD_KEYS:
        unknown = sorted(example.keys() - _BAD_KEYS)[0]
        raise _at(example, fail, f"unknown key {unknown!r} in a bad example (allowed: fixed, flagged, text)")
    text, fixed, flagged = example.get("text"), example.get("fixed"), example.get("flagged")
    if not isinstance(text, (str, bytes)) or not text:
        raise _at(example, fail, "a bad example's 'text' must be a non-empty string")
    if fixed is not None and not isinstance(fixed, (str, bytes)):
        raise _at(example, fail, "a bad example's 'fixed' must be a string: the whole text after the fix")
    if flagged is None:
        raise _at(example, fail, "a bad example needs 'flagged': the text each finding covers")
    if not isinstance(flagged, list):
        return BadExample(text, (_flagged(flagged, example, fail),), fixed)
    if not flagged:
        raise _at(example, fail, "a bad example's 'flagged' must name at least one finding")
    return BadExample(text, tuple([_flagged(item, example, fail) for item in flagged]), fixed)


_BAD_KEYS = frozenset({"text", "flagged", "fixed"})


def _flagged(item: Any, example: dict[str, Any], fail: Fail) -> Flagged:
    if isinstance(item, str):
        flagged = Flagged(item)
    elif (isinstance(item, dict) and item.keys() <= {"text", "after"} and isinstance(item.get("text"), str)
          and isinstance(item.get("after", ""), str)):
        flagged = Flagged(item["text"], item.get("after", ""))
    else:
        raise _at(example, fail, "each 'flagged' entry is a string or a mapping {text: ..., after: ...}")
    text = example["text"]
    if isinstance(text, str):  # bytes are decoded first: the tests check those
        needle = flagged.after + flagged.text
        first = text.find(needle)
        if first < 0:
            raise _at(example, fail, f"flagged text {_shown(needle)} is not in the example")
        if needle and text.find(needle, first + 1) >= 0:
            raise _at(example, fail, f"flagged text {_shown(needle)} occurs more than once in the example: "
                      "say which with 'after', the text right before it")
    return flagged


def _at(example: object, fail: Fail, message: str) -> PackError:
    """The error at the example's own line (a mapping knows it), else at its rule's."""
    error = fail(message)
    return PackError(error.path, getattr(example, "line", None) or error.line, message)


def _shown(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _reading(entry: Mapping[str, Any], fail: Fail) -> tuple[str, str, str]:
    """The entry's optional docs fields: a one-line summary for the tables, the version the
    rule appeared in, and a link to more reading."""
    fields = {key: entry.get(key, "") for key in ("summary", "since", "link")}
    for key, value in fields.items():
        if not isinstance(value, str) or (key in entry and not value.strip()):
            raise fail(f"{key!r} must be a non-empty string")
    if fields["since"] and not VERSION.match(fields["since"]):
        raise fail(f"'since' must be a version like \"0.1.0\", not {fields['since']!r}")
    if fields["link"] and not fields["link"].startswith(("https://", "http://")):
        raise fail(f"'link' must be an http(s) URL, not {fields['link']!r}")
    summary, since, link = (" ".join(value.split()) for value in fields.values())
    return summary, since, link


def instantiate(rule: Rule, overrides: Mapping[str, Any], config: Any = None) -> None:
    """Create the rule's checker with its pack options and any overrides from the config."""
    options = {**rule.options, **overrides}
    try:
        cls = kinds.load(rule.kind)
        rule.checker = cls(rule, options, config)
    except UserFileError:
        raise  # the user's file is at fault, not this pack: its own message names it
    except (ValueError, re.error) as exc:
        raise PackError(rule.pack, rule.line, f"rule {rule.code}: {exc}") from None


def load_packs(paths: Iterable[Path]) -> list[Rule]:
    rules: list[Rule] = []
    seen_codes: dict[str, Rule] = {}
    seen_names: dict[str, Rule] = {}
    for path in paths:
        for rule in load_pack(path):
            for seen, key in ((seen_codes, rule.code), (seen_names, rule.name)):
                if key in seen:
                    first = seen[key]
                    raise PackError(rule.pack, rule.line,
                                    f"{key!r} is already defined at {first.pack}:{first.line}")
                seen[key] = rule
            rules.append(rule)
    return rules
