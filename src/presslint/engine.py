"""Build the rules' checkers, run them over a document, and compare documents (the
cross-file pass)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import packs
from .errors import PackError, UserError
from .kinds import Kind, build
from .results import FileResult, file_result
from .sources import is_word_document

if TYPE_CHECKING:
    from .backends import Backend
    from .config import Config
    from .diagnostic import Diagnostic
    from .document import Document
    from .rule import Rule
    from .settings import Settings


def load_selected(config: Config) -> list[Kind]:
    """The checkers of the rules ``config`` selects (selection.select), in its order. The
    rules it does not select are not built and their kinds not imported (a one-file run
    pays only for what it checks), except those the configuration gives ``rule-options``,
    built so that a wrong option is an error all the same."""
    return load_checkers(config, selected_only=True)


def load_checkers(config: Config, selected_only: bool = False) -> list[Kind]:
    """A checker for every rule of the built-in packs and the config's extra packs; with
    ``selected_only``, for the rules the configuration selects (see :func:`load_selected`)."""
    # The grammar backends' rules (packs.backend_rules) have no kind: no checker either.
    rules = [rule for rule in packs.load_packs([*packs.builtin_packs(), *config.rules]) if not rule.backend]
    if config.severity:
        rules = with_severities(rules, config, check=True)
    by_key = {key: rule for rule in rules for key in (rule.code, rule.name)}
    for key in config.rule_options:
        if key not in by_key:
            raise config.error(f"rule-options.{key}", f"rule-options names no rule: {key!r}")
    settings = config.settings()
    for rule in rules:
        check_example_settings(rule)
    wanted, only_checked = list(rules), []
    if selected_only:
        from .selection import selected_rules

        wanted = selected_rules(rules, config)
        chosen = {rule.code for rule in wanted}
        # Built only so that a wrong option in rule-options is an error, then dropped.
        only_checked = [rule for rule in rules
                        if rule.code not in chosen and {rule.code, rule.name} & set(config.rule_options)]
    checkers = []
    for rule in [*wanted, *only_checked]:
        overrides = {key: config.rule_options[key] for key in (rule.code, rule.name) if key in config.rule_options}
        checkers.append(_build(rule, overrides, config, settings))
    return checkers[:len(wanted)]


def with_severities(rules: Sequence[Rule], config: Config, check: bool = False) -> list[Rule]:
    """``rules`` with the severities the configuration's ``severity:`` gives them (Rule is
    frozen and shared: a copy), so every reporter and ``--fail-on`` see them. The most
    specific selector wins: a code or a name, then the longest prefix, then ``ALL``. With
    ``check``, a selector that names no rule (nor a grammar backend's) is an error at its line."""
    from dataclasses import replace

    from .diagnostic import Severity

    used: set[str] = set()
    changed = []
    for rule in rules:
        matching = [(_specificity(selector, rule), selector) for selector in config.severity]
        best = max((m for m in matching if m[0] >= 0), default=None)
        used.update(selector for rank, selector in matching if rank >= 0)
        severity = Severity(config.severity[best[1]]) if best else rule.severity
        changed.append(rule if severity is rule.severity else replace(rule, severity=severity))
    if check:
        grammar = packs.backend_rules().values() if set(config.severity) - used else ()
        for selector in set(config.severity) - used:
            if not any(_specificity(selector, rule) >= 0 for rule in grammar):
                raise config.error(f"severity.{selector}", f"severity names no rule: {selector!r}")
    return changed


def _specificity(selector: str, rule: Rule) -> int:
    """How closely ``selector`` names ``rule``; -1 when it does not."""
    if selector in (rule.code, rule.name):
        return 1000
    if rule.code.startswith(selector):
        return len(selector)
    return 0 if selector == "ALL" else -1


def check_example_settings(rule: Rule) -> None:
    """PackError at their line unless ``rule``'s ``examples.settings`` are values the
    configuration takes (the pack checked their keys and fact sheet)."""
    if not rule.example_settings:
        return
    from . import config as config_module

    values = {key: value for key, value in rule.example_settings.items() if key != "facts"}
    try:
        config_module.parse(values, Path(rule.pack))
    except UserError as exc:
        raise PackError(rule.pack, rule.example_settings_line or rule.line,
                        f"examples.settings: {exc.message}") from None


def _build(rule: Rule, overrides: dict[str, dict[str, Any]], config: Config, settings: Settings) -> Kind:
    """``rule``'s checker with its pack's options and the config's ``rule-options`` for it
    (under its code, then its name). A wrong option is blamed on whoever wrote it: the
    config file at the line of the first of its entries that fails (UserErrors, such as
    an unreadable terms file, name their file themselves)."""
    options = {**rule.options, **{k: v for given in overrides.values() for k, v in given.items()}}
    try:
        return build(rule, options, settings)
    except (ValueError, re.error) as exc:
        message = f"rule {rule.code}: {exc}"
    if overrides and _builds(rule, rule.options, settings):
        key = next((key for key, given in overrides.items() if not _builds(rule, {**rule.options, **given}, settings)),
                   next(reversed(overrides)))
        raise config.error(f"rule-options.{key}", message)
    raise PackError(rule.pack, rule.line, message)


def _builds(rule: Rule, options: dict[str, Any], settings: Settings) -> bool:
    try:
        build(rule, options, settings)
    except (ValueError, re.error):
        return False
    return True


def check_document(doc: Document, checkers: Sequence[Kind]) -> list[Diagnostic]:
    return check_with_backends(doc, checkers, ())[0]


def check_with_backends(doc: Document, checkers: Sequence[Kind],
                        backends: Sequence[Backend]) -> tuple[list[Diagnostic], list[str]]:
    """The rules' findings and the backends' (less those on a span a rule already
    reported), suppressions applied, sorted; and a warning line per failed backend."""
    from .suppressions import apply as apply_suppressions

    diagnostics: list[Diagnostic] = []
    if checkers and doc.syntax == "html":
        doc.read_html_as(checkers[0].settings.html_scope)
    # Character references decoded for the word rules; findings mapped back onto the text.
    # Only when a word rule runs: finding the references parses the markup, which rules
    # that read the text as written (--select W103) may never need.
    view, to_text = doc, None
    if any(not checker.rule.as_written for checker in checkers):
        view, to_text = doc.for_words
    early: list[Kind] = []
    late: list[Kind] = []  # rules that read what the suppression comments silenced
    for checker in checkers:
        if checker.AFTER_SUPPRESSIONS:
            late.append(checker)
            continue
        early.append(checker)
        if to_text is None or checker.rule.as_written:
            diagnostics.extend(checker.check(doc))
        else:
            diagnostics.extend(map(to_text, checker.check(view)))
    warnings: list[str] = []
    if backends:
        from .backends import run_backends

        extra, warnings = run_backends(doc, backends, diagnostics)
        diagnostics.extend(extra)
    diagnostics = apply_suppressions(doc, diagnostics, [checker.rule for checker in early])
    for checker in late:
        diagnostics.extend(checker.check(doc))
    diagnostics.sort(key=lambda d: d.sort_key)
    return diagnostics, warnings


def result_of(doc: Document, checkers: Sequence[Kind], backends: Sequence[Backend] = (),
              diagnostics: list[Diagnostic] | None = None) -> FileResult:
    """``doc``'s result; ``diagnostics``: its findings when already found (no backends)."""
    try:
        warnings: list[str] = []
        if diagnostics is None:
            diagnostics, warnings = check_with_backends(doc, checkers, backends)
        summaries = summarise(doc, checkers)
    except UserError as exc:  # a user's pattern over its time budget (kinds/pattern.py)
        return FileResult(doc.path, error=str(exc))
    except Exception as exc:  # a bug in a rule must not hide the other files' results
        return FileResult(doc.path, error=f"{doc.path}: internal error: {type(exc).__name__}: {exc}")
    return file_result(doc, diagnostics, warnings, summaries)


# -- checks across the files of one run (consistency: project): Kind.summarise and
# Kind.check_project say how.


def summarise(doc: Document, checkers: Sequence[Kind]) -> dict[str, Any]:
    summaries: dict[str, Any] = {}
    for checker in checkers:
        summary = checker.summarise(doc)
        if summary is not None:
            summaries[checker.rule.code] = summary
    return summaries


def cross_check(results: Sequence[FileResult], checkers: Sequence[Kind]) -> None:
    """Add to ``results`` what the rules find by comparing all of them."""
    by_path = {result.path: result for result in results if result.index is not None}
    for checker in checkers:
        code = checker.rule.code
        summaries = [(r.path, r.summaries[code]) for r in by_path.values() if code in r.summaries]
        if not summaries:
            continue
        for diagnostic, line, text in checker.check_project(summaries):
            result = by_path[diagnostic.path]
            if diagnostic.fix is not None and is_word_document(result.path):
                diagnostic = replace(diagnostic, fix=None)  # never written: no "fixable" hint
            result.diagnostics.append(diagnostic)
            result.snippets.setdefault(line, text)
    for result in by_path.values():
        result.summaries = {}
        result.diagnostics.sort(key=lambda d: d.sort_key)
