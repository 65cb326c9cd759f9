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
    USER_ERROR = 2  # a usage, configuration or input error (one line on stderr)
    INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as shells report it


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
