"""Which rules run: ``select``/``extend-select``/``ignore``, ``per-file-ignores``, and
whether a grammar backend's finding is wanted."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeVar

from . import packs
from .errors import SelectionError

if TYPE_CHECKING:
    from .config import Config
    from .kinds import Kind
    from .rule import Rule

__all__ = ["SelectionError", "grammar_wanted", "rules_for", "select", "selected_rules"]


class Ruled(Protocol):
    """What selection reads of a checker: its rule."""

    @property
    def rule(self) -> Rule: ...


R = TypeVar("R", bound=Ruled)


class _Unbuilt(NamedTuple):
    rule: Rule


def selected_rules(rules: Sequence[Rule], config: Config) -> list[Rule]:
    """The rules :func:`select` would run, chosen before any is built: a run builds (and
    imports the kinds of) only these."""
    return [chosen.rule for chosen in select([_Unbuilt(rule) for rule in rules], config)]


def _matching(checkers: Sequence[R], selector: str, config: Config, key: str) -> list[R]:
    """The checkers ``selector`` (from ``config``'s ``key``) names; an unknown one is an
    error at the key's line when the configuration file gave it."""
    if selector == "ALL":
        return list(checkers)
    found = [c for c in checkers if c.rule.code.startswith(selector) or c.rule.name == selector]
    if not found and not _is_grammar(selector):
        line = config.lines.get(key)
        raise SelectionError(str(config.path) if line and config.path else None, line,
                             f"unknown rule code, prefix or name in {key!r}: {selector!r}" if line
                             else f"unknown rule code, prefix or name: {selector!r}")
    return found


def _is_grammar(selector: str) -> bool:
    # A grammar backend's rule (rules/grammar.yaml): G, G1, G102, languagetool-grammar...
    return any(r.code.startswith(selector) or r.name == selector for r in packs.backend_rules().values())


def grammar_wanted(code: str, rule: str, config: Config) -> bool:
    """Whether a grammar backend's finding is selected: by default yes; with --select,
    only when a selector names its code, a prefix of it, its name (the backend's or the
    pack's) or ALL; never when --ignore does."""
    declared = packs.backend_rules().get(code)
    names = (rule, declared.name if declared else rule)

    def named(selector: str) -> bool:
        return selector == "ALL" or code.startswith(selector) or selector in names

    if any(named(s) for s in config.ignore if s != "ALL"):
        return False
    if config.select is None:
        return True
    return any(named(s) for s in (*config.select, *config.extend_select))


def _explicit(rule: Rule, selectors: Iterable[str]) -> bool:
    return any(s in (rule.code, rule.name, "ALL") for s in selectors)


def select(checkers: Sequence[R], config: Config) -> list[R]:
    """The rules to run: ``select`` (default: every default rule) plus ``extend-select``,
    minus ``ignore``. Opt-in rules run only when named by code or name (or ``ALL``)."""
    chosen: dict[str, R] = {}
    base = config.select if config.select is not None else None
    if base is None:
        chosen.update((c.rule.code, c) for c in checkers if c.rule.default)
    for key, selectors in (("select", base or ()), ("extend-select", config.extend_select)):
        for selector in selectors:
            for checker in _matching(checkers, selector, config, key):
                if checker.rule.default or _explicit(checker.rule, selectors):
                    chosen[checker.rule.code] = checker
    for selector in config.ignore:
        for checker in _matching(checkers, selector, config, "ignore"):
            chosen.pop(checker.rule.code, None)
    for pattern, selectors in config.per_file_ignores.items():
        for selector in selectors:  # checked once here, so a mistyped code is not silently ignored
            _matching(checkers, selector, config, f"per-file-ignores.{pattern}")
    return sorted(chosen.values(), key=lambda c: c.rule.code)


def rules_for(path: str, checkers: Sequence[Kind], config: Config) -> Sequence[Kind]:
    """``checkers`` less those that ``per-file-ignores`` turns off for ``path``."""
    if not config.per_file_ignores:
        return checkers
    from pathlib import Path, PurePosixPath

    from .sources import matches

    where = PurePosixPath(Path(path).as_posix())
    ignored = [s for pattern, selectors in config.per_file_ignores.items() if matches(where, [pattern])
               for s in selectors]
    if not ignored:
        return checkers
    return [c for c in checkers if not any(c.rule.code.startswith(s) or c.rule.name == s for s in ignored)]
