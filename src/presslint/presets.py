"""Presets: named sets of configuration that ``preset:`` in a configuration selects, the
one place they are defined (data, easy to extend).

A preset is a configuration mapping, in the keys of the configuration file, applied
beneath the file's own keys: the file's ``extend-select``, ``ignore``, ``extend-include``
and ``extend-exclude`` add to the preset's; its ``rule-options``, ``severity`` and
``per-file-ignores`` are merged into the preset's (the file's value wins for the same rule
and option); any other key the file sets replaces the preset's. ``default`` is presslint as
it comes. Adding a preset or a setting to one: one entry here; the README's table
(``python -m presslint.presets``) and the tests read it. Imports nothing of presslint
(``table`` reads the packs when it is called).
"""

from __future__ import annotations

from typing import Any

PRESETS: dict[str, dict[str, Any]] = {
    # presslint as it comes: the default rules, the default options.
    "default": {},
    # For PR teams: the opt-in press-release rules too (jargon and hype, quotations with
    # no attribution) and the parts a release sent to the wire has (a dateline, a release
    # line, a media contact, an About section).
    "press": {
        "extend-select": ["jargon", "unattributed-quote", "missing-dateline", "missing-release-line",
                          "missing-media-contact", "missing-about-section"],
    },
    # The Associated Press's style: the press preset, AP datelines ("SEATTLE", "Tacoma,
    # Wash."), numerals from one to nine spelt out, and the end mark.
    "ap": {
        "extend-select": ["jargon", "unattributed-quote", "missing-dateline", "missing-release-line",
                          "missing-media-contact", "missing-about-section", "missing-end-mark",
                          "ap-numerals"],
        "dateline-style": "ap",
    },
}
# What each preset is for, in the README's table.
PURPOSES: dict[str, str] = {
    "default": "presslint as it comes",
    "press": "a PR team's release: the opt-in press-release rules too",
    "ap": "a release in AP style: `press`, AP datelines and numerals, the end mark",
}
_ADDED = ("extend-select", "ignore", "extend-include", "extend-exclude")
_MERGED = ("rule-options", "severity", "per-file-ignores")


def apply(name: str, data: dict[str, Any]) -> dict[str, Any]:
    """The configuration mapping ``data`` (a file's, naming preset ``name``) with the
    preset's keys beneath it; the result no longer names the preset."""
    merged: dict[str, Any] = dict(PRESETS[name])
    for key, value in data.items():
        if key == "preset":
            continue
        if key in _ADDED and key in merged and isinstance(value, list):
            merged[key] = [*merged[key], *(v for v in value if v not in merged[key])]
        elif key in _MERGED and key in merged and isinstance(value, dict):
            inner = dict(merged[key])
            for rule, options in value.items():
                if isinstance(options, dict) and isinstance(inner.get(rule), dict):
                    inner[rule] = {**inner[rule], **options}
                else:
                    inner[rule] = options
            merged[key] = inner
        else:
            merged[key] = value
    return merged


def table() -> str:
    """The README's table of the presets: what each is for, the opt-in rules it turns on (by
    code) and every key it sets."""
    import json

    from .packs import builtin_packs, load_pack  # only here: the README's table, not a run

    rules = [rule for path in builtin_packs() for rule in load_pack(path)]
    rows = ["| preset | for | turns on | sets |", "| --- | --- | --- | --- |"]
    for name, settings in PRESETS.items():
        selectors = settings.get("extend-select", ())
        turned_on = ", ".join(f"{r.code} {r.name}" for r in rules
                              if not r.default and (r.code in selectors or r.name in selectors)) or "nothing"
        sets = "; ".join(f"`{key}: {json.dumps(value)}`" for key, value in settings.items()) or "nothing"
        rows.append(f"| `{name}` | {PURPOSES[name]} | {turned_on} | {sets} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(table(), end="")
