"""Select rules, run them over documents, and collect sorted diagnostics."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import packs
from .config import Config
from .decoding import BinaryFileError, decode
from .diagnostic import Diagnostic
from .document import Document, LineIndex, Source
from .rule import Rule

if TYPE_CHECKING:
    from .backends import Backend
from .sources import SourceError, read


class SelectionError(ValueError):
    """A --select/--ignore value names no rule."""


def load_rules(config: Config) -> list[Rule]:
    """Every rule of the built-in packs and the config's extra packs, ready to run."""
    rules = packs.load_packs([*packs.builtin_packs(), *config.rules])
    by_key = {key: rule for rule in rules for key in (rule.code, rule.name)}
    for key in config.rule_options:
        if key not in by_key:
            raise packs.PackError(str(config.path), None, f"rule-options names no rule: {key!r}")
    for rule in rules:
        overrides = {**config.rule_options.get(rule.code, {}), **config.rule_options.get(rule.name, {})}
        packs.instantiate(rule, overrides, config)
    return rules


def _matching(rules: Sequence[Rule], selector: str) -> list[Rule]:
    if selector == "ALL":
        return list(rules)
    found = [r for r in rules if r.code.startswith(selector) or r.name == selector]
    if not found and not _is_grammar(selector):
        raise SelectionError(f"unknown rule code, prefix or name: {selector!r}")
    return found


def _is_grammar(selector: str) -> bool:
    # G codes belong to grammar backends (backends/), not to packs: G, G1, G102...
    return selector[:1] == "G" and (selector[1:] == "" or selector[1:].isdigit())


def grammar_wanted(code: str, rule: str, config: Config) -> bool:
    """Whether a grammar backend's finding is selected: by default yes; with --select,
    only when a selector names its code, a prefix of it, its name or ALL; never when
    --ignore does."""
    def named(selector: str) -> bool:
        return selector == "ALL" or code.startswith(selector) or selector == rule

    if any(named(s) for s in config.ignore if s != "ALL"):
        return False
    if config.select is None:
        return True
    return any(named(s) for s in (*config.select, *config.extend_select))


def _explicit(rule: Rule, selectors: Iterable[str]) -> bool:
    return any(s in (rule.code, rule.name, "ALL") for s in selectors)


def select(rules: Sequence[Rule], config: Config) -> list[Rule]:
    """The rules to run: ``select`` (default: every default rule) plus ``extend-select``,
    minus ``ignore``. Opt-in rules run only when named by code or name (or ``ALL``)."""
    chosen: dict[str, Rule] = {}
    base = config.select if config.select is not None else None
    if base is None:
        chosen.update((r.code, r) for r in rules if r.default)
    for selectors in (base or (), config.extend_select):
        for selector in selectors:
            for rule in _matching(rules, selector):
                if rule.default or _explicit(rule, selectors):
                    chosen[rule.code] = rule
    for selector in config.ignore:
        for rule in _matching(rules, selector):
            chosen.pop(rule.code, None)
    return sorted(chosen.values(), key=lambda r: r.code)


def rules_for(path: str, rules: Sequence[Rule], config: Config) -> Sequence[Rule]:
    """``rules`` less those that ``per-file-ignores`` turns off for ``path``."""
    if not config.per_file_ignores:
        return rules
    from pathlib import PurePosixPath

    from .sources import matches

    where = PurePosixPath(Path(path).as_posix())
    ignored = [s for pattern, selectors in config.per_file_ignores.items() if matches(where, [pattern])
               for s in selectors]
    if not ignored:
        return rules
    return [r for r in rules if not any(r.code.startswith(s) or r.name == s for s in ignored)]


# Families whose rules read the text as written, entities and all (whitespace, characters).
_READ_AS_WRITTEN = frozenset("W")


def check_document(doc: Document, rules: Sequence[Rule]) -> list[Diagnostic]:
    return check_with_backends(doc, rules, ())[0]


def check_with_backends(doc: Document, rules: Sequence[Rule],
                        backends: Sequence[Backend]) -> tuple[list[Diagnostic], list[str]]:
    """The rules' findings and the backends' (less those on a span a rule already
    reported), suppressions applied, sorted; and a warning line per failed backend."""
    from .suppressions import apply as apply_suppressions

    diagnostics: list[Diagnostic] = []
    # Character references decoded for the word rules; findings mapped back onto the text.
    # Only when a word rule runs: finding the references parses the markup, which rules
    # that read the text as written (--select W103) may never need.
    view, to_text = doc, None
    if any(rule.family not in _READ_AS_WRITTEN for rule in rules):
        view, to_text = doc.for_words
    early: list[Rule] = []
    late: list[Rule] = []  # rules that read what the suppression comments silenced
    for rule in rules:
        assert rule.checker is not None, f"rule {rule.code} was not instantiated"
        if rule.checker.AFTER_SUPPRESSIONS:
            late.append(rule)
            continue
        early.append(rule)
        if to_text is None or rule.family in _READ_AS_WRITTEN:
            diagnostics.extend(rule.checker.check(doc))
        else:
            diagnostics.extend(map(to_text, rule.checker.check(view)))
    warnings: list[str] = []
    if backends:
        from .backends import run_backends

        extra, warnings = run_backends(doc, backends, diagnostics)
        diagnostics.extend(extra)
    diagnostics = apply_suppressions(doc, diagnostics, early)
    for rule in late:
        assert rule.checker is not None
        diagnostics.extend(rule.checker.check(doc))
    diagnostics.sort(key=lambda d: d.sort_key)
    return diagnostics, warnings


@dataclass
class FileResult:
    """What checking one file produced, in a form that crosses process boundaries."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    index: LineIndex | None = None
    # The source lines that diagnostics point at, for reporters that show them.
    snippets: dict[int, str] = field(default_factory=dict)
    source: Source | None = None
    error: str | None = None
    warning: str | None = None
    backend_warnings: list[str] = field(default_factory=list)
    fixed: int = 0  # fixes applied (or, with --diff, that would be)
    diff: str | None = None  # the unified diff of the fixes, with --diff
    output: str | None = None  # the fixed text, for standard input with --fix
    # Rule code -> what its kind's ``summarise`` kept of the document, for cross_check.
    summaries: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FixMode:
    """What ``--fix`` and its friends ask for: ``action`` is "write" (the file), "diff"
    (print what would change) or "stdout" (print the fixed text: standard input)."""

    action: str = "write"
    unsafe: bool = False


# Fixes can uncover or enable others (removing a space may join two spaces); a few passes
# reach a fixed point, and the bound guarantees the loop ends whatever the rules do.
_MAX_FIX_PASSES = 8


def check_file(path: Path | str, rules: Sequence[Rule], data: bytes | None = None,
               fix: FixMode | None = None, backends: Sequence[Backend] = ()) -> FileResult:
    name = str(path)
    try:
        raw = read(Path(path)) if data is None else data
        decoded = decode(raw)
    except SourceError as exc:
        return FileResult(name, error=str(exc))
    except BinaryFileError as exc:
        return FileResult(name, warning=f"{name}: skipped, {exc}")
    doc = Document.from_decoded(name, decoded)
    if fix is None:
        return result_of(doc, rules, backends)
    # Backends take no part in fixing: they are slow, may be remote, and their fixes unsafe.
    return _fix(doc, rules, fix, raw)


def _fix(doc: Document, rules: Sequence[Rule], mode: FixMode, raw: bytes) -> FileResult:
    from .decoding import Decoded
    from .fix import choose, encode, fixed_text, stored_text, write_atomically

    original = stored_text(doc)
    applied = 0
    for _ in range(_MAX_FIX_PASSES):
        fixes = choose(check_document(doc, rules), mode.unsafe)
        if not fixes:
            break
        text = fixed_text(doc, fixes)
        applied += len(fixes)
        doc = Document.from_decoded(doc.path, Decoded(text, doc.source.encoding, doc.source.bom,
                                                      doc.source.guessed_encoding))
    result = result_of(doc, rules)
    result.fixed = applied
    if not applied:
        if mode.action == "stdout":
            result.output = original
        return result
    text = stored_text(doc)
    if mode.action == "diff":
        import difflib

        result.diff = "".join(difflib.unified_diff(
            original.splitlines(keepends=True), text.splitlines(keepends=True),
            fromfile=f"a/{doc.path}", tofile=f"b/{doc.path}"))
    elif mode.action == "stdout":
        result.output = text
    else:
        try:
            data = encode(text, doc)
        except UnicodeEncodeError as exc:
            return FileResult(doc.path, error=f"{doc.path}: not fixed: the fix needs {exc.object[exc.start]!r}, "
                                              f"which {doc.source.encoding} cannot store")
        if data != raw:
            try:
                write_atomically(Path(doc.path), data)
            except OSError as exc:
                return FileResult(doc.path, error=f"{doc.path}: cannot write the fixes ({exc.strerror or exc})")
    return result


def result_of(doc: Document, rules: Sequence[Rule], backends: Sequence[Backend] = ()) -> FileResult:
    try:
        diagnostics, warnings = check_with_backends(doc, rules, backends)
        summaries = summarise(doc, rules)
    except Exception as exc:  # a bug in a rule must not hide the other files' results
        return FileResult(doc.path, error=f"{doc.path}: internal error: {type(exc).__name__}: {exc}")
    index = doc.lines
    snippets: dict[int, str] = {}
    for diagnostic in diagnostics:
        line = index.position(diagnostic.span.start)[0]
        if line not in snippets:
            span = index.line_span(line)
            snippets[line] = doc.text[span.start:span.end]
    return FileResult(doc.path, diagnostics, index, snippets, doc.source, summaries=summaries,
                      backend_warnings=warnings)


# -- checks across the files of one run (consistency: project) ---------------------------
# A kind that compares documents has two methods: ``summarise(doc)``, returning a small
# picklable summary (or None when there is nothing to compare), computed with the file's
# other checks, in a worker if there are workers; and ``check_project(summaries)``, given
# [(path, summary)] of every file, yielding (diagnostic, line, line text) in the main process.


def summarise(doc: Document, rules: Sequence[Rule]) -> dict[str, Any]:
    summaries: dict[str, Any] = {}
    for rule in rules:
        method = getattr(rule.checker, "summarise", None)
        summary = method(doc) if method is not None else None
        if summary is not None:
            summaries[rule.code] = summary
    return summaries


def cross_check(results: Sequence[FileResult], rules: Sequence[Rule]) -> None:
    """Add to ``results`` what the rules find by comparing all of them."""
    by_path = {result.path: result for result in results if result.index is not None}
    for rule in rules:
        compare = getattr(rule.checker, "check_project", None)
        summaries = [(r.path, r.summaries[rule.code]) for r in by_path.values() if rule.code in r.summaries]
        if compare is None or not summaries:
            continue
        for diagnostic, line, text in compare(summaries):
            result = by_path[diagnostic.path]
            result.diagnostics.append(diagnostic)
            result.snippets.setdefault(line, text)
    for result in by_path.values():
        result.summaries = {}
        result.diagnostics.sort(key=lambda d: d.sort_key)


# Worker processes rebuild the rules from the (picklable) config once, not per file.
