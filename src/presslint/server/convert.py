"""presslint's diagnostics as LSP diagnostics: code, source, severity, the rule's docs."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types

from ..diagnostic import Severity

if TYPE_CHECKING:
    from ..diagnostic import Diagnostic
    from .positions import PositionMap

SOURCE = "presslint"

_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def to_lsp(diagnostic: Diagnostic, positions: PositionMap) -> types.Diagnostic:
    link = docs_link(diagnostic.code, diagnostic.rule)
    return types.Diagnostic(
        range=positions.range(diagnostic.span.start, diagnostic.span.end),
        message=diagnostic.message,
        severity=_SEVERITIES[diagnostic.severity],
        code=diagnostic.code,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
    )


@cache
def docs_link(code: str, name: str) -> str | None:
    """Where the rule is documented: its section in the repository at this version's tag
    when the package names its repository (report/links.py, as SARIF links it); else its
    section of docs/rules/<family>.md, as a ``file:`` URI: the copy the wheel installs in the
    package, or a checkout's (an editable install); else nothing, rather than a link that
    leads nowhere."""
    from ..report.links import rule_anchor, rule_docs

    online = rule_docs(code, name)
    if online is not None:
        return online
    page = _local_docs(code[:1])
    return f"{page.as_uri()}#{rule_anchor(code, name)}" if page is not None else None


@cache
def _local_docs(family: str) -> Path | None:
    package = Path(__file__).resolve().parents[1]
    for root in (package, package.parent.parent):  # in the package, or the source tree's
        page = root / "docs" / "rules" / f"{family}.md"
        if page.is_file():
            return page
    return None
