"""The core values survive the trip from a worker process to the main one."""

from __future__ import annotations

import pickle

from presslint.diagnostic import Diagnostic, Edit, Fix, Severity, Span

from .conftest import run


def test_diagnostics_come_back_from_pickle_equal_with_their_fixes() -> None:
    found = run("W101", "Trailing space here. \nAnd a tab\t\n")
    plain = Diagnostic("a.txt", Span(3, 9), "T102", "unknown-word", Severity.WARNING, "unknown word")
    two_edits = Diagnostic("a.txt", Span(0, 4), "X001", "x", Severity.ERROR, "m",
                           Fix("swap", (Edit(Span(0, 1), "b"), Edit(Span(3, 4), "a")), safe=False))
    for diagnostic in [*found, plain, two_edits]:
        back = pickle.loads(pickle.dumps(diagnostic, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == diagnostic
        assert back.fix == diagnostic.fix  # not part of equality, so checked on its own
        assert back.severity is diagnostic.severity
    assert len(found) == 2 and all(d.fix is not None for d in found)
