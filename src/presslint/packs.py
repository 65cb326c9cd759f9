"""Load and validate YAML rule packs.

Every mistake in a pack is reported as one line, ``path:line: message``, so a team that
writes its own pack finds the error without reading Python. Packs are data only: they
are read with a safe loader and nothing in them is executed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from . import kinds
from .diagnostic import Severity
from .rule import FixTemplate, Rule, Template, UserFileError
from .yamlfile import PackError, read_yaml

__all__ = ["PackError", "builtin_packs", "instantiate", "load_pack", "load_packs", "read_yaml"]

CODE = re.compile(r"^[WTCDPG]\d{3}$")
NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
RULE_KEYS = {"code", "name", "kind", "severity", "message", "messages", "fix", "docs", "examples", "options",
             "default"}
REQUIRED_KEYS = ("code", "name", "severity", "message", "docs", "examples")
FIX_KEYS = {"title", "titles", "safety"}
SAFETIES = {"safe": True, "unsafe": False}


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
    for key in ("code", "name", "kind", "severity", "docs"):
        if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
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
    # A kind that serves one rule is named as the rule; ``kind:`` names one that serves several.
    kind = entry.get("kind", name)
    if kind not in kinds.REGISTRY:
        given = "" if "kind" in entry else "no 'kind', and its name is not one: "
        raise fail(f"{given}unknown kind {kind!r} (known: {', '.join(sorted(kinds.REGISTRY))})")
    messages, fix = _templates(entry, fail)
    bad, good = _examples(entry["examples"], fail)
    options = entry.get("options", {})
    if not isinstance(options, dict):
        raise fail("'options' must be a mapping")
    default = entry.get("default", True)
    if not isinstance(default, bool):
        raise fail("'default' must be true or false")
    return Rule(code=code, name=name, kind=kind, severity=severity,
                messages=messages, fix=fix, docs=entry["docs"].strip(), bad=bad, good=good,
                options=dict(options), default=default, pack=where, line=line or 0)


def _templates(entry: dict[str, Any], fail: Any) -> tuple[dict[str, Template], FixTemplate | None]:
    """The rule's messages ("" is ``message``, the others from ``messages``) and its fix
    (``fix: {title, titles, safety}``), each template parsed once, here."""
    messages = {"": _template(entry["message"], "message", fail)}
    if "messages" in entry:
        messages.update(_named_templates(entry["messages"], "messages", fail))
    if "fix" not in entry:
        return messages, None
    fix = entry["fix"]
    if not isinstance(fix, dict) or "title" not in fix or "safety" not in fix or set(fix) - FIX_KEYS:
        raise fail("'fix' must be a mapping with 'title', 'safety' and, if needed, 'titles'")
    if fix["safety"] not in SAFETIES:
        raise fail(f"'fix.safety' must be safe or unsafe, not {fix['safety']!r}")
    titles = {"": _template(fix["title"], "fix.title", fail)}
    if "titles" in fix:
        titles.update(_named_templates(fix["titles"], "fix.titles", fail))
    return messages, FixTemplate(titles, SAFETIES[fix["safety"]])


def _named_templates(entries: Any, where: str, fail: Any) -> dict[str, Template]:
    if not isinstance(entries, dict) or not entries:
        raise fail(f"{where!r} must be a mapping of names to templates")
    for key in entries:
        if not isinstance(key, str) or not NAME.match(key):
            raise fail(f"{where}: name {key!r} must be kebab-case, like 'whitespace-only'")
    return {key: _template(text, f"{where}.{key}", fail) for key, text in entries.items()}


def _template(text: Any, where: str, fail: Any) -> Template:
    if not isinstance(text, str) or not text.strip():
        raise fail(f"{where!r} must be a non-empty string")
    try:
        return Template.parse(text)
    except ValueError as exc:
        raise fail(f"{where} is not a valid template: {exc}") from None


def _examples(examples: Any, fail: Any) -> tuple[tuple[str | bytes, ...], tuple[str | bytes, ...]]:
    if not isinstance(examples, dict) or set(examples) - {"bad", "good"}:
        raise fail("'examples' must be a mapping with 'bad' and 'good' lists")
    result = []
    for key in ("bad", "good"):
        values = examples.get(key)
        # Bytes (YAML !!binary) let an example be a file that is not UTF-8.
        if not isinstance(values, list) or not values or not all(isinstance(v, (str, bytes)) for v in values):
            raise fail(f"'examples.{key}' must be a non-empty list of strings")
        result.append(tuple(values))
    return result[0], result[1]


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
