"""Render the rules' documentation from the packs: one Markdown page per family.

The pages in docs/rules/ are generated (`python -m presslint.rule_docs docs/rules`), never
edited by hand, and a test fails when they differ from what the packs say, so the docs,
`presslint rule CODE` and the examples the tests run cannot drift apart.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from .packs import builtin_packs, load_pack
from .rule import Rule

FAMILIES = {"W": "Whitespace", "T": "Typos", "C": "Capitalization", "D": "Dates",
            "P": "Press-release conventions", "G": "Grammar backends"}


def _example(text: str | bytes) -> str:
    if isinstance(text, bytes):
        return f"(bytes) `{text!r}`"
    shown = text.rstrip("\n").replace("\n", "⏎").replace("\t", "⇥").replace("`", "'")
    # Invisible and special characters are written as escapes, so the page shows them and
    # does not itself carry them (a CR here would make this file's line endings mixed).
    return "`" + "".join(ch if ch.isprintable() and ch not in _SPECIAL else f"\\u{ord(ch):04x}"
                         for ch in shown) + "`"


_SPECIAL = frozenset("\u00a0\u00ad\u200b\u200c\u200d\u202f\u2060\ufeff")


def render(family: str, rules: Sequence[Rule]) -> str:
    lines = [f"# {FAMILIES.get(family, family)} rules ({family})", "",
             "Generated from the packs in `rules/` by `python -m presslint.rule_docs docs/rules`;",
             "do not edit by hand.", ""]
    for rule in sorted(rules, key=lambda r: r.code):
        default = "" if rule.default else ", opt-in"
        fix = "" if rule.fix is None else f", {'safe' if rule.fix.safe else 'unsafe'} fix"
        kind = "" if rule.kind == rule.name else f" — kind `{rule.kind}`"  # else the kind is named as the rule
        lines += [f"## {rule.code} {rule.name}", "", f"*{rule.severity.value}{default}{fix}*{kind}", "",
                  rule.docs, ""]
        options = {k: v for k, v in rule.options.items() if k != "pattern"}
        if options:
            lines += ["Options: " + ", ".join(f"`{k}: {v!r}`" for k, v in options.items()), ""]
        lines += ["Flags:", ""] + [f"- {_example(t)}" for t in rule.bad] + [""]
        lines += ["Allows:", ""] + [f"- {_example(t)}" for t in rule.good] + [""]
    page = "\n".join(lines)
    return _skipping_quoted_mistakes(page) if _has_findings(page) else page


def _has_findings(page: str) -> bool:
    from . import check_text

    return bool(check_text(page, path="page.md"))


def _skipping_quoted_mistakes(page: str) -> str:
    title, rest = page.split("\n", 1)
    return (f"{title}\n\n<!-- The examples quote the mistakes the rules find: presslint skips them. -->\n"
            f"<!-- presslint-disable -->\n{rest}")


def pages() -> dict[str, str]:
    """File name -> page text, one per family of the built-in packs."""
    by_family: dict[str, list[Rule]] = {}
    for pack in builtin_packs():
        for rule in load_pack(pack):
            by_family.setdefault(rule.family, []).append(rule)
    return {f"{family}.md": render(family, rules) for family, rules in sorted(by_family.items())}


def main(argv: Sequence[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m presslint.rule_docs FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages().items():
        (folder / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
