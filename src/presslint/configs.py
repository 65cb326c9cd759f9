"""Which configuration applies to each file: the nearest one at or above it, as in Ruff.

The run's configuration (``--config``'s, else the nearest at or above the current folder)
decides everything run-wide: what is walked (``paths``, the includes and excludes), the
output, ``jobs``, ``consistency``, the backends, the exit. A configuration file nearer a
file decides, for that file only, what is checked and how: the rule selection
(``select``, ``extend-select``, ``ignore``, ``per-file-ignores``), ``rules`` and
``rule-options``, and the rule settings (vocabulary, words file, terms, dates, facts),
with its paths relative to its own folder. The command line's options win over every file.
With ``--config`` or ``--no-config`` one configuration applies to every file.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import config as config_module

if TYPE_CHECKING:
    from .config import Config


@dataclass
class Nearest:
    """Finds each file's configuration, reading each file and searching each folder once."""

    run: Config  # the run's, with the command line's values
    allow_outside: bool = False  # --allow-outside-paths: their files may lie outside their project
    by_folder: dict[Path, Path | None] = field(default_factory=dict)
    by_file: dict[Path, Config] = field(default_factory=dict)

    def for_path(self, path: Path | str) -> Config:
        folder = Path(path).absolute().parent
        if folder not in self.by_folder:
            self.by_folder[folder] = config_module.find(folder)
        found = self.by_folder[folder]
        if found is None or (self.run.path is not None and found.resolve() == self.run.path.resolve()):
            return self.run  # none nearer: the run's (as Ruff falls back to the current one)
        if found not in self.by_file:
            loaded = config_module.discover(found.parent, found, self.allow_outside)
            given = {name: getattr(self.run, name) for name in self.run.given}
            run_wide = {name.replace("-", "_") for name in config_module.RUN_WIDE}
            self.by_file[found] = replace(loaded.merged(**given), **{
                name: getattr(self.run, name) for name in run_wide})
        return self.by_file[found]
