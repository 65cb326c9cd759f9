"""Load and validate YAML rule packs.

Every mistake in a pack is reported as one line, ``path:line: message``, so a team that
writes its own pack finds the error without reading Python. Packs are data only: they
are read with a safe loader and nothing in them is executed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from string import Formatter
from typing import Any

from . import kinds
from .bundled import builtin_pack_dir
from .diagnostic import Severity
from .errors import PackError, UserError
from .rule import BadExample, FixTemplate, Flagged, Rule, Template
from .yamlfile import read_yaml

__all__ = ["Pack", "PackError", "backend_rules", "builtin_packs", "load_pack", "load_packs", "read_pack"]

# A code is its family's letter and three digits; the families are the packs' ``family:``.
CODE = re.compile(r"^[A-Z]\d{3}$")
FAMILY = re.compile(r"^[A-Z]$")
NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
PACK_KEYS = ("description", "family", "reads", "rules", "runs-in", "title")
RULE_KEYS = {"code", "name", "kind", "severity", "message", "messages", "fix", "docs", "examples", "options",
             "default", "summary", "since", "link"}
REQUIRED_KEYS = ("code", "name", "severity", "message", "docs", "examples")
FIX_KEYS = {"title", "titles", "safety"}
SAFETIES = {"safe": True, "unsafe": False}
VERSION = re.compile(r"^\d+\.\d+\.\d+$")
# A template's field: a plain name the kind fills ({found}), no position, attribute or
# index ({0}, {found.upper}, {found[0]}); a format of at most an alignment and a width
# under 100 ({found:>12}), nothing that could fail on a string or fill the memory.
FIELD = re.compile(r"[A-Za-z_]\w*")
FIELD_FORMAT = re.compile(r"(?:.?[<>^])?\d{0,2}")

# Builds the error of a pack entry from its message (``path:line: message``).
Fail = Callable[[str], PackError]
# A docs-only pack (``runs-in: backend``) declares the codes of a grammar backend
# (backends/): listed, documented, described in SARIF and selected like any rule, but no
# kind runs them, so they have no kind, message or examples.
BACKEND_RULE_KEYS = {"code", "name", "backend", "severity", "docs"}
# ... and what the backend reports under that code (``finds``: its categories or lint kinds).
BACKEND_RULE_LISTS = {"finds"}


@dataclass(frozen=True)
class Pack:
    """A pack file: its rules, and the family they belong to (``family``, the letter each
    code starts with; ``title``, the family's name in the docs). Only the built-in packs
    must declare a family; a user's pack may add rules to one (P901)."""

    path: str
    family: str | None
    title: str
    description: str
    rules: list[Rule]


def builtin_packs() -> list[Path]:
    return sorted(builtin_pack_dir().glob("*.yaml"))


def load_pack(path: Path) -> list[Rule]:
    return read_pack(path).rules


def read_pack(path: Path) -> Pack:
    data = read_yaml(path)
    where = str(path)
    line = getattr(data, "line", None)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise PackError(where, line, "a pack is a mapping with a list under 'rules'")
    unknown = sorted(set(data) - set(PACK_KEYS))
    if unknown:
        raise PackError(where, line, f"unknown key {unknown[0]!r} (allowed: {', '.join(PACK_KEYS)})")
    family = data.get("family")
    if family is not None and not (isinstance(family, str) and FAMILY.match(family)):
        raise PackError(where, line, f"'family' must be one capital letter, not {family!r}")
    for key in ("title", "description"):
        if not isinstance(data.get(key, ""), str):
            raise PackError(where, line, f"{key!r} must be a string")
    runs_in = data.get("runs-in", "presslint")
    if runs_in not in ("presslint", "backend"):
        raise PackError(where, line, f"'runs-in' must be presslint (the default) or backend, not {runs_in!r}")
    reads = data.get("reads", "words")
    if reads not in ("words", "as-written"):
        raise PackError(where, line, f"'reads' must be words (the default) or as-written, not {reads!r}")
    make = _backend_rule if runs_in == "backend" else _rule
    rules = [make(where, entry) for entry in data["rules"]]
    if reads == "as-written":
        rules = [replace(rule, as_written=True) for rule in rules]
    for rule in rules:
        if family is not None and rule.family != family:
            raise PackError(where, rule.line, f"code {rule.code!r} must start with the pack's family letter {family!r}")
    return Pack(where, family, data.get("title", family or ""), data.get("description", ""), rules)


@cache
def backend_rules() -> dict[str, Rule]:
    """The grammar backends' rules, by code: those of the built-in docs-only packs."""
    return {rule.code: rule for path in builtin_packs() for rule in load_pack(path) if rule.backend}


def _backend_rule(where: str, entry: Any) -> Rule:
    line = getattr(entry, "line", None)
    fail = _fail(where, entry)
    _known_keys(entry, BACKEND_RULE_KEYS | BACKEND_RULE_LISTS, " in a docs-only pack", fail)
    _strings(entry, sorted(BACKEND_RULE_KEYS), fail)
    finds = entry.get("finds")
    if not isinstance(finds, list) or not finds or not all(isinstance(f, str) and f.strip() for f in finds):
        raise fail("'finds' must be a non-empty list of what the backend reports under the code "
                   "(its category or lint kind names; \"*\" for any other)")
    code, name, severity = _identity(entry, fail)
    return Rule(code=code, name=name, kind="", severity=severity, messages={}, fix=None,
                docs=entry["docs"].strip(), bad=(), good=(), pack=where, line=line or 0,
                backend=entry["backend"], finds=tuple(finds))


def _fail(where: str, entry: Any) -> Fail:
    """The error of a pack entry: at its line."""
    line = getattr(entry, "line", None)
    return lambda message: PackError(where, line, message)


def _known_keys(entry: Any, allowed: set[str], context: str, fail: Fail) -> None:
    """``entry`` is a mapping of ``allowed`` keys only (the one check both kinds of pack make)."""
    if not isinstance(entry, dict):
        raise fail("each rule is a mapping")
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise fail(f"unknown key {unknown[0]!r}{context} (allowed: {', '.join(sorted(allowed))})")


def _strings(entry: dict[str, Any], keys: Iterable[str], fail: Fail) -> None:
    for key in keys:
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise fail(f"{key!r} must be a non-empty string")


def _identity(entry: dict[str, Any], fail: Fail) -> tuple[str, str, Severity]:
    """The entry's code, name and severity (strings already), each checked."""
    code, name = entry["code"], entry["name"]
    if not CODE.match(code):
        raise fail(f"code {code!r} must be a capital letter (its family's) and three digits")
    if not NAME.match(name):
        raise fail(f"name {name!r} must be kebab-case, like 'trailing-whitespace'")
    try:
        return code, name, Severity.parse(entry["severity"])
    except ValueError as exc:
        raise fail(str(exc)) from None


def _rule(where: str, entry: Any) -> Rule:
    line = getattr(entry, "line", None)
    fail = _fail(where, entry)
    _known_keys(entry, RULE_KEYS, "", fail)
    missing = [key for key in REQUIRED_KEYS if key not in entry]
    if missing:
        raise fail(f"rule {entry.get('code', '?')} lacks {missing[0]!r}")
    _strings(entry, [key for key in ("code", "name", "kind", "severity", "docs") if key in entry], fail)
    code, name, severity = _identity(entry, fail)
    # A kind that serves one rule is named as the rule; ``kind:`` names one that serves several.
    kind = entry.get("kind", name)
    if kind not in kinds.REGISTRY:
        given = "" if "kind" in entry else "no 'kind', and its name is not one: "
        raise fail(f"{given}unknown kind {kind!r} (known: {', '.join(sorted(kinds.REGISTRY))})")
    messages, fix = _templates(entry, fail)
    bad, good = _examples(entry["examples"], fail)
    example_settings = _example_settings(entry["examples"].get("settings", {}), where, fail)
    settings_line = getattr(entry["examples"].get("settings"), "line", None) or line or 0
    summary, since, link = _reading(entry, fail)
    options = entry.get("options", {})
    if not isinstance(options, dict):
        raise fail("'options' must be a mapping")
    default = entry.get("default", True)
    if not isinstance(default, bool):
        raise fail("'default' must be true or false")
    return Rule(code=code, name=name, kind=kind, severity=severity,
                messages=messages, fix=fix, docs=entry["docs"].strip(), bad=bad, good=good,
                example_settings=example_settings, example_settings_line=settings_line,
                options=dict(options), default=default, pack=where, line=line or 0,
                summary=summary, since=since, link=link)


def _templates(entry: dict[str, Any], outer: Fail) -> tuple[dict[str, Template], FixTemplate | None]:
    """The rule's messages ("" is ``message``, the others from ``messages``) and its fix
    (``fix: {title, titles, safety}``), each template parsed once, here."""
    def fail(message: str) -> PackError:  # the template errors name the rule, as the kinds' do
        return outer(f"rule {entry['code']}: {message}")

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


def _named_templates(entries: Any, where: str, fail: Fail) -> dict[str, Template]:
    if not isinstance(entries, dict) or not entries:
        raise fail(f"{where!r} must be a mapping of names to templates")
    for key in entries:
        if not isinstance(key, str) or not NAME.match(key):
            raise fail(f"{where}: name {key!r} must be kebab-case, like 'whitespace-only'")
    return {key: _template(text, f"{where}.{key}", fail) for key, text in entries.items()}


def _template(text: Any, where: str, fail: Fail) -> Template:
    if not isinstance(text, str) or not text.strip():
        raise fail(f"{where!r} must be a non-empty string")
    try:
        _check_fields(text)
        return Template.parse(text)
    except ValueError as exc:
        raise fail(f"{where} is not a valid template: {exc}") from None


def _check_fields(text: str) -> None:
    """ValueError unless each field of the template ``text`` is one a message can always
    be formatted with (FIELD, FIELD_FORMAT and a conversion !r, !s or !a): a pack's
    mistake is found when it is loaded, not when a finding is reported."""
    for _, name, spec, conversion in Formatter().parse(text):
        if name is None:
            continue
        shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
        if not FIELD.fullmatch(name.split("|")[0]):
            raise ValueError(f"{shown}: a field is a name, like {{found}} (no position, attribute or index)")
        if conversion not in (None, "r", "s", "a"):
            raise ValueError(f"{shown}: the conversion must be !r, !s or !a")
        if spec and not FIELD_FORMAT.fullmatch(spec):
            raise ValueError(f"{shown}: a field's format may only align it in a width under 100, like {{found:>12}}")


def _examples(examples: Any, fail: Fail) -> tuple[tuple[BadExample, ...], tuple[str | bytes, ...]]:
    """A rule's examples: each bad one says what it flags (and what its fixes give), so the
    tests check the place, not only that the rule fired; a good one is a plain text."""
    if not isinstance(examples, dict) or set(examples) - {"bad", "good", "settings"}:
        raise fail("'examples' must be a mapping with 'bad' and 'good' lists (and, if needed, 'settings')")
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
# The configuration keys an example may set: what the kinds read (Settings), minus files.
EXAMPLE_SETTINGS = ("consistency", "date-order", "dateline-style", "facts", "now", "release-date", "terms",
                    "vocabulary")


def _example_settings(settings: Any, where: str, fail: Fail) -> dict[str, Any]:
    """``examples.settings``: what every example of the rule runs with. Its keys are
    checked here, and ``facts`` (the fact sheet itself) as a sheet is; the other values are
    the configuration's to check, which the engine asks it to when it builds the rule
    (:func:`presslint.engine.check_example_settings`): the packs do not import the
    configuration, which imports the backends, which read the grammar pack."""
    if not isinstance(settings, dict):
        raise _at(settings, fail, "'examples.settings' must be a mapping of configuration keys to values")
    unknown = sorted(set(settings) - set(EXAMPLE_SETTINGS))
    if unknown:
        raise _at(settings, fail, f"examples.settings: {unknown[0]!r} is not a setting examples may take "
                  f"(allowed: {', '.join(EXAMPLE_SETTINGS)})")
    from .kinds.dates.fact_sheet import parse as parse_facts

    try:
        if "facts" in settings:
            parse_facts(settings["facts"], "examples.settings.facts")
    except UserError as exc:
        raise _at(settings, fail, f"examples.settings: {exc.message}") from None
    plain = _plain(settings)
    assert isinstance(plain, dict)
    return plain


def _plain(value: Any) -> Any:
    """``value`` as plain dicts and lists (the YAML reader's know their lines)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


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


def load_packs(paths: Iterable[Path]) -> list[Rule]:
    rules: list[Rule] = []
    seen_codes: dict[str, Rule] = {}
    seen_names: dict[str, Rule] = {}
    packs = [read_pack(path) for path in paths]
    families = {pack.family for pack in packs if pack.family}
    for pack in packs:
        for rule in pack.rules:
            if rule.family not in families:
                raise PackError(rule.pack, rule.line, f"code {rule.code!r}: no pack declares the family "
                                                      f"{rule.family!r} (families: {', '.join(sorted(families))}); "
                                                      f"a pack of a new family says so with 'family:'")
            for seen, key in ((seen_codes, rule.code), (seen_names, rule.name)):
                if key in seen:
                    first = seen[key]
                    raise PackError(rule.pack, rule.line,
                                    f"{key!r} is already defined at {first.pack}:{first.line}")
                seen[key] = rule
            rules.append(rule)
    return rules
