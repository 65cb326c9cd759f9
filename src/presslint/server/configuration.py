"""Each document's configuration, found as ``presslint check`` run from the workspace
folder finds it (the run's configuration there, the nearest one at or above the file:
configs.Nearest), and found again when a file it comes from may have changed.

Whether one may have changed costs a few stat calls before each check (the configuration
files and words files that could apply, in every folder from the document's up), so a
client that sends no ``workspace/didChangeWatchedFiles`` is followed all the same. A
configuration that does not load is reported once and the last good one (else the
defaults) is kept: an editor's linter must not stop at a half-typed YAML key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import config as config_module
from ..config import Config
from ..errors import UserError
from ..userfiles import stamps

# The files whose appearance, change or removal in a folder may change a configuration.
WATCHED_NAMES = (*config_module.CONFIG_NAMES, "pyproject.toml", config_module.WORDS_FILE)


@dataclass(frozen=True)
class Found:
    """A document's configuration and the folder its paths are relative to (as the
    command line's are to the folder it runs in): the workspace folder's, else the file's."""

    config: Config
    root: Path

    def relative(self, path: Path) -> str:
        """``path`` as the command line run from the root names it (per-file-ignores)."""
        return path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else str(path)

    def words_file(self) -> Path:
        """The words file to add a word to: the configured or found one, else a new
        ``.presslint-words.txt`` beside the configuration (or in the root), where
        config.discover finds it without a ``words-file:`` key."""
        if self.config.words_file is not None:
            return self.config.words_file
        folder = self.config.path.parent if self.config.path is not None else self.root
        return folder / config_module.WORDS_FILE


def _innermost_first(roots: Sequence[Path]) -> list[Path]:
    """The workspace folders, each once, the deepest first: a nested folder is a document's
    root before the folder holding it."""
    return sorted({root.absolute() for root in roots}, key=lambda p: len(p.parts), reverse=True)


class Configurations:
    """The configurations of one workspace; ``report`` shows a user's mistake (once until
    it is fixed)."""

    def __init__(self, roots: Sequence[Path], report: Callable[[str], None]) -> None:
        self.roots = _innermost_first(roots)
        self.report = report
        self._found: dict[Path, tuple[tuple[object, ...], Found]] = {}
        self._reported: set[str] = set()

    def root_of(self, path: Path) -> Path:
        """The innermost workspace folder holding ``path``, else its own folder."""
        return next((root for root in self.roots if path.is_relative_to(root)), path.parent)

    def for_path(self, path: Path | None) -> Found:
        """The configuration of the document at ``path`` (None: an unsaved buffer, which
        gets the first workspace folder's)."""
        if path is None:
            if not self.roots:
                return Found(Config(), Path.cwd())
            path = self.roots[0] / "untitled"
        path = path.absolute()
        root = self.root_of(path)
        candidates = [folder / name for folder in (path.parent, *path.parent.parents) for name in WATCHED_NAMES]
        stamp = stamps(candidates)
        kept = self._found.get(path.parent)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        try:
            found = Found(self._load(path, root), root)
        except UserError as exc:
            self.complain(str(exc))
            found = kept[1] if kept is not None else Found(Config(), root)
        else:
            self._reported.clear()
        self._found[path.parent] = (stamp, found)
        return found

    def complain(self, message: str) -> None:
        if message not in self._reported:
            self._reported.add(message)
            self.report(message)

    def change_roots(self, added: Sequence[Path], removed: Sequence[Path]) -> None:
        """Workspace folders added or removed: a document's root, and with it the folder its
        configuration is found from and its name for per-file-ignores, may change."""
        gone = {root.absolute() for root in removed}
        self.roots = _innermost_first([*(root for root in self.roots if root not in gone), *added])
        self.forget()

    def forget(self) -> None:
        """Look every configuration up again (a watched file changed), keeping each as the
        last good one should the new one not load."""
        self._found = {folder: ((), found) for folder, (_, found) in self._found.items()}

    @staticmethod
    def _load(path: Path, root: Path) -> Config:
        from ..configs import Nearest

        run = config_module.discover(root)
        return Nearest(run).for_path(path)
