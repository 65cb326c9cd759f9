"""The ``.gitignore`` files that apply to a walked folder, read as git reads them.

Each folder's ``.gitignore`` applies to what is below it, and a deeper file's patterns
win over a shallower one's (``!keep.md`` re-includes); a folder that is ignored is not
walked, so nothing below it comes back. The files read are those in the walked folders
and, when the walk starts inside a git work tree, those in the folders above it up to
the work tree's root (the folder that holds ``.git``). Outside a work tree the walked
folders' own ``.gitignore`` files still apply: a repository downloaded as an archive
keeps its exclusions. Global excludes and ``.git/info/exclude`` are not read.

The matcher is pathspec's ``GitIgnoreSpec``, imported only when a ``.gitignore`` is found.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

__all__ = ["GITIGNORE", "GitIgnores"]

GITIGNORE = ".gitignore"
# (the absolute folder of a .gitignore, its patterns), outermost first.
Chain = tuple[tuple[str, "GitIgnoreSpec"], ...]
# Whether a name in the folder is ignored, given whether it is a folder.
Ignored = Callable[[str, bool], bool]


class GitIgnores:
    """The ignore rules met on one walk, from its ``root`` down; :meth:`enter` each folder
    in os.walk's top-down order."""

    def __init__(self, root: Path) -> None:
        self.root = os.path.abspath(root)
        self.above = _above(self.root)
        self.chains: dict[str, Chain] = {}

    def enter(self, folder: str, names: Sequence[str]) -> Ignored | None:
        """What is ignored in ``folder`` (whose files are ``names``), or None if nothing can be."""
        absolute = os.path.abspath(folder)
        chain = self.above if absolute == self.root else self.chains.get(os.path.dirname(absolute), self.above)
        if GITIGNORE in names:
            spec = _read(os.path.join(absolute, GITIGNORE))
            if spec is not None:
                chain = (*chain, (absolute, spec))
        self.chains[absolute] = chain
        if not chain:
            return None

        def ignored(name: str, is_folder: bool) -> bool:
            path = os.path.join(absolute, name)
            for base, spec in reversed(chain):  # the deepest file that has a say decides
                relative = path[len(base) + 1:].replace(os.sep, "/") + ("/" if is_folder else "")
                verdict = spec.check_file(relative).include
                if verdict is not None:
                    return verdict
            return False

        return ignored


def _above(root: str) -> Chain:
    """The .gitignore files of the folders above ``root`` up to its git work tree's root;
    none outside a work tree."""
    folders: list[str] = []
    folder = root
    while not os.path.exists(os.path.join(folder, ".git")):
        parent = os.path.dirname(folder)
        if parent == folder:
            return ()  # not in a git work tree
        folder = parent
        folders.append(folder)
    chain: list[tuple[str, GitIgnoreSpec]] = []
    for above in reversed(folders):
        spec = _read(os.path.join(above, GITIGNORE))
        if spec is not None:
            chain.append((above, spec))
    return tuple(chain)


def _read(path: str) -> GitIgnoreSpec | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:  # a folder named .gitignore, an unreadable file: nothing to respect
        return None
    from pathspec import GitIgnoreSpec

    spec = GitIgnoreSpec.from_lines(lines)
    # Blank lines and comments are patterns that match nothing (include None).
    return spec if any(pattern.include is not None for pattern in spec.patterns) else None
