"""A regular expression that must not match: the generic kind most YAML rules use.

Options:
  pattern      the regex (Python syntax); named groups can be used in the message
  ignore-case  match without regard to case
  prose        match against prose only (code, URLs and markup masked); false: raw text
  fix          none, safe or unsafe
  replacement  the fix's text, a template: {found} and named groups ({word}) are filled in
  file-kinds   which files the rule applies to: text, markdown, html
  prefilter    literal strings, one of which every match contains (case ignored): a
               document containing none of them is skipped without running the regex,
               which makes rare-phrase rules nearly free
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostic import Diagnostic, Edit, Fix, Span
from ..document import Document
from ..rule import template_fields
from . import Kind

FILE_KINDS = ("text", "markdown", "html")


class Pattern(Kind):
    name = "pattern"
    OPTIONS = {
        "pattern": None,
        "ignore-case": False,
        "prose": True,
        "fix": "none",
        "replacement": "",
        "file-kinds": list(FILE_KINDS),
        "prefilter": [],
    }
    CHOICES = {"fix": ("none", "safe", "unsafe")}

    def setup(self) -> None:
        flags = re.MULTILINE | (re.IGNORECASE if self.options["ignore-case"] else 0)
        try:
            self.regex = re.compile(self.options["pattern"], flags)
        except re.error as exc:
            raise ValueError(f"pattern does not compile: {exc}") from None
        if self.regex.match(""):
            raise ValueError("pattern matches the empty string")
        if not all(isinstance(literal, str) and literal for literal in self.options["prefilter"]):
            raise ValueError("prefilter must be a list of non-empty strings")
        self.prefilter = [literal.lower() for literal in self.options["prefilter"]]
        known_fields = {"found", *self.regex.groupindex}
        for template in (self.options["replacement"], self.rule.message):
            missing = template_fields(template) - known_fields
            if missing:
                raise ValueError(f"{sorted(missing)[0]!r} in a template is neither 'found' nor a named group")
        unknown = set(self.options["file-kinds"]) - set(FILE_KINDS)
        if unknown:
            raise ValueError(f"file-kinds: unknown kind {sorted(unknown)[0]!r} (known: {', '.join(FILE_KINDS)})")

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if doc.kind not in self.options["file-kinds"]:
            return
        if self.prefilter:
            lowered = doc.shared("lower-prose", _lower_prose)
            if not any(literal in lowered for literal in self.prefilter):
                return
        text = doc.prose if self.options["prose"] else doc.text
        fix_mode = self.options["fix"]
        for match in self.regex.finditer(text):
            span = Span(*match.span())
            fields = {"found": match.group(), **{k: v or "" for k, v in match.groupdict().items()}}
            fix = None
            if fix_mode != "none":
                replacement = self.options["replacement"].format_map(fields)
                fix = Fix(f"replace with {replacement!r}" if replacement else "remove it",
                          (Edit(span, replacement),), safe=fix_mode == "safe")
            yield self.rule.report(doc, span, fix, **fields)


def _lower_prose(doc: Document) -> str:
    return doc.prose.lower()
