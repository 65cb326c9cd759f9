"""Render the rules' documentation from the packs: one Markdown page per family.

The pages in docs/rules/ are generated (`python -m presslint.rule_docs docs/rules`), never
edited by hand, and a test fails when they differ from what the packs say, so the docs,
`presslint rule CODE` and the examples the tests run cannot drift apart.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .packs import builtin_packs, read_pack
from .rule import BadExample, Rule


def visible(text: str) -> str:
    """``text`` with what a reader cannot see made visible: every line break (⏎), tab (→)
    and carriage return (␍); a space where it is not the one space between two words (·:
    at the start or end of a line, beside other whitespace); special and invisible
    characters by their code point (⟨U+00A0⟩). So a flagged text and its fix never look
    the same on the page (W103's examples differ only by their final line break)."""
    shown = []
    for i, ch in enumerate(text):
        if ch == " ":
            before = text[i - 1] if i else "\n"
            after = text[i + 1] if i + 1 < len(text) else "\n"
            shown.append("·" if before.isspace() or after.isspace() else " ")
        elif ch in _MARKS:
            shown.append(_MARKS[ch])
        elif not ch.isprintable() or ch in _SPECIAL:
            shown.append(f"⟨U+{ord(ch):04X}⟩")
        else:
            shown.append(ch)
    return "".join(shown)


_MARKS = {"\n": "⏎", "\t": "→", "\r": "␍"}
# Printable to Python but blank or near-blank on a page.
_SPECIAL = frozenset("\u00a0\u00ad\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                     "\u2009\u200a\u200b\u200c\u200d\u202f\u205f\u2060\u3000\ufeff")


def _code(text: str | bytes) -> str:
    """An example as Markdown inline code, its invisible characters shown."""
    if isinstance(text, bytes):
        return f"(bytes) `{text!r}`"
    shown = visible(text)
    # A backtick in the text needs a longer fence (and a space inside it) to stay itself.
    return f"`` {shown} ``" if "`" in shown else f"`{shown}`"


def example_notes(example: BadExample, show: Callable[[str | bytes], str]) -> list[str]:
    """What a bad example flags and, if the rule fixes it, what the fix gives; ``show``
    writes a text for the medium (Markdown code or a Python literal)."""
    spots = []
    for flagged in example.flagged:
        if flagged.text:
            spot = show(flagged.text)
        elif flagged.after:
            spot = "the place"  # an empty span: where something is missing
        else:
            spot = "the whole file"
        spots.append(f"{spot} after {show(flagged.after)}" if flagged.after else spot)
    notes = ["flags " + ", ".join(spots)]
    if example.fixed is not None:
        notes.append("fixed: " + show(example.fixed))
    return notes


def example_settings(rule: Rule) -> list[str]:
    """The settings the rule's examples run with, one ``key: value`` each, in YAML's flow
    style (``release-date: 2024-03-18``), as a configuration would give them; ``facts``
    names a file in a configuration, so the sheet is said to be in one."""
    return [f"{key}: {'a file holding ' if key == 'facts' else ''}{_flow(value)}"
            for key, value in rule.example_settings.items()]


_PLAIN = frozenset(":{}[],#&*!|>'\"%@`")  # characters a plain YAML string may not hold


def _flow(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    if isinstance(value, str) and (not value or value != value.strip() or not _PLAIN.isdisjoint(value)):
        return repr(value)  # quoted where YAML would need it
    return value.isoformat() if isinstance(value, date) else str(value)


def _rule_section(rule: Rule) -> list[str]:
    default = "" if rule.default else ", opt-in"
    since = f" — since {rule.since}" if rule.since else ""
    fix = "" if rule.fix is None else f", {'safe' if rule.fix.safe else 'unsafe'} fix"
    if rule.backend:
        runs = f" — found by the `{rule.backend}` grammar backend"
    else:  # a kind that serves one rule is named as the rule: worth naming only when not
        runs = "" if rule.kind == rule.name else f" — kind `{rule.kind}`"
    lines = [f"## {rule.code} {rule.name}", "", f"*{rule.severity.value}{default}{fix}*{runs}{since}", "",
             rule.docs, ""]
    if rule.link:
        lines += [f"More: <{rule.link}>", ""]
    options = {k: v for k, v in rule.options.items() if k != "pattern"}
    if options:
        lines += ["Options: " + ", ".join(f"`{k}: {v!r}`" for k, v in options.items()), ""]
    settings = example_settings(rule)
    if settings:
        lines += ["The examples run with " + ", ".join(f"`{setting}`" for setting in settings)
                  + " in the configuration.", ""]
    if rule.bad:  # a grammar backend's rule has no examples: the backend, not presslint, finds it
        lines += ["Flags:", ""]
        for example in rule.bad:
            lines += [f"- {_code(example.text)}"] + [f"  - {note}" for note in example_notes(example, _code)]
        lines += ["", "Allows:", ""] + [f"- {_code(t)}" for t in rule.good] + [""]
    return lines


def render(family: str, rules: Sequence[Rule], title: str = "", description: str = "") -> str:
    lines = [f"# {title or family} rules ({family})", "", *([description, ""] if description else []),
             "Generated from the packs in `rules/` by `python -m presslint.rule_docs docs/rules`;",
             "do not edit by hand.", ""]
    for rule in sorted(rules, key=lambda r: r.code):
        lines += _rule_section(rule)
    page = "\n".join(lines)
    return _skipping_quoted_mistakes(page) if _has_findings(page) else page


def _has_findings(page: str) -> bool:
    from . import check_text

    return bool(check_text(page, path="page.md"))


def _skipping_quoted_mistakes(page: str) -> str:
    title, rest = page.split("\n", 1)
    return (f"{title}\n\n<!-- The examples quote the mistakes the rules find: presslint skips them. -->\n"
            f"<!-- presslint-disable -->\n{rest}")


@dataclass(frozen=True)
class _Family:
    title: str
    description: str
    rules: list[Rule]


def _builtin_by_family() -> dict[str, _Family]:
    """Family letter -> its title and description (from the pack that declares it) and
    its built-in rules, sorted by code."""
    rules: dict[str, list[Rule]] = {}
    about: dict[str, tuple[str, str]] = {}
    for path in builtin_packs():
        pack = read_pack(path)
        if pack.family:
            about[pack.family] = (pack.title, pack.description)
        for rule in pack.rules:
            rules.setdefault(rule.family, []).append(rule)
    return {family: _Family(*about.get(family, ("", "")), sorted(found, key=lambda r: r.code))
            for family, found in sorted(rules.items())}


def pages() -> dict[str, str]:
    """File name -> page text, one per family of the built-in packs."""
    return {f"{letter}.md": render(letter, family.rules, family.title, family.description)
            for letter, family in _builtin_by_family().items()}


# The README's table of each family lies between these lines, regenerated with the pages.
TABLE_START = "<!-- rules table {family}: generated by python -m presslint.rule_docs docs/rules -->"
TABLE_END = "<!-- end of rules table {family} -->"


def readme_tables() -> dict[str, str]:
    """Family letter -> its README table: code, name and summary of each built-in rule.
    The grammar backends' rules are left to their docs page: the README describes the
    backends, whose rules come by the dozen."""
    tables = {}
    for letter, family in _builtin_by_family().items():
        rows = [f"| {r.code} | {r.name} | {r.summary.replace('|', chr(92) + '|')} |"
                for r in family.rules if not r.backend]
        if rows:
            tables[letter] = "\n".join(["| code | name | finds |", "| --- | --- | --- |", *rows])
    return tables


def with_tables(readme: str) -> str:
    """``readme`` with each family's marked table regenerated; ValueError names a family
    whose markers are missing, so a new family cannot go unlisted."""
    for family, table in readme_tables().items():
        start, end = TABLE_START.format(family=family), TABLE_END.format(family=family)
        head, found, rest = readme.partition(start + "\n")
        _, found_end, tail = rest.partition(end)
        if not found or not found_end:
            raise ValueError(f"README.md has no table of the {family} rules: add the lines {start!r} and {end!r}")
        readme = f"{head}{start}\n{table}\n{end}{tail}"
    return readme


def main(argv: Sequence[str]) -> int:
    if len(argv) not in (1, 2):
        print("usage: python -m presslint.rule_docs FOLDER [README]", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages().items():
        (folder / name).write_text(text, encoding="utf-8")
    # docs/rules/ sits two levels under the README whose tables it regenerates.
    readme = Path(argv[1]) if len(argv) == 2 else folder.resolve().parents[1] / "README.md"
    if readme.is_file():
        try:
            readme.write_text(with_tables(readme.read_text(encoding="utf-8")), encoding="utf-8")
        except ValueError as exc:
            print(f"{readme}: {exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
