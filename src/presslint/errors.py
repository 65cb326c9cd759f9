"""The errors a user can cause, and the exit codes of the command line.

Every mistake of a user (a bad path, bad YAML, an unknown rule code, a wrong fact sheet)
is a :class:`UserError`: it knows the file and line at fault, and ``str()`` is the one
line to print, ``path:line: message``. The command line catches them in one place and
exits with :attr:`ExitCode.USER_ERROR`. This module imports nothing of presslint, so any
module may raise them.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """The exit codes of ``presslint``; README.md's table names them."""

    OK = 0  # nothing found (or --exit-zero)
    FINDINGS = 1  # problems found; for `backends`, a backend that cannot be reached
    USER_ERROR = 2  # a usage, configuration, input or output error (one line on stderr)
    # The run could not finish for a reason that is not the user's: a bug in presslint (one
    # line asks to report it) or a worker process killed (by the out-of-memory killer, say).
    # Not 1, which CI reads as "problems found", nor 2, which says "fix your input"; 3 as
    # pytest has it for its own internal errors.
    INTERNAL_ERROR = 3
    INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as shells report it
    BROKEN_PIPE = 141  # the reader of the output stopped (| head): 128 + SIGPIPE, as Unix tools end
    TERMINATED = 143  # SIGTERM (a CI job cancelled): 128 + SIGTERM, once files and workers are cleaned up


class UserError(Exception):
    """A user's mistake, at ``path`` and ``line`` when known; ``str()`` is the line to print."""

    def __init__(self, path: str | None, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        where = f"{path}:{line}" if path and line else path
        super().__init__(f"{where}: {message}" if where else message)

    def __reduce__(self) -> tuple[type[UserError], tuple[str | None, int | None, str]]:
        # Raised in a worker process, it is pickled back whole (the default would pass
        # the one formatted line to __init__, which takes three arguments).
        return (type(self), (self.path, self.line, self.message))


class PackError(UserError):
    """A rule pack is wrong."""


class ConfigError(UserError):
    """The configuration is wrong (its file, or a command-line option)."""


class SelectionError(UserError):
    """A --select/--ignore value (or the config's) names no rule."""


class UserFileError(UserError):
    """A file that the configuration names (a fact sheet, a terms or words file) is
    missing or wrong."""


class SourceError(UserError):
    """A path given to check cannot be checked."""
