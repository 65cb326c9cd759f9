"""The process pool's exit race in Python 3.11 is kept quiet, and nothing else is."""

from __future__ import annotations

import errno
import sys
from types import SimpleNamespace

import pytest

from presslint import runner


def _raised(error: BaseException) -> SimpleNamespace:
    def _python_exit() -> None:  # named as concurrent.futures.process's exit handler
        raise error

    try:
        _python_exit()
    except BaseException as caught:
        return SimpleNamespace(exc_type=type(caught), exc_value=caught, exc_traceback=caught.__traceback__,
                               err_msg=None, object=None)
    raise AssertionError("not raised")


def test_only_the_pool_exit_race_is_kept_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[BaseException] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda unraisable: seen.append(unraisable.exc_value))
    runner._quiet_pool_exit()
    runner._quiet_pool_exit()  # once only: the hook is not wrapped twice
    sys.unraisablehook(_raised(OSError(errno.EBADF, "Bad file descriptor")))
    assert seen == []
    other = OSError(errno.ENOSPC, "No space left on device")
    sys.unraisablehook(_raised(other))
    assert seen == [other]
