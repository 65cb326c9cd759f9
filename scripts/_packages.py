"""Where the build scripts find the data files of the packages they read (read as files,
never imported: presslint needs none of them at run time)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def package_dir(name: str) -> Path:
    """The folder of the installed package ``name``, or exit with what to install."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"{Path(sys.argv[0]).stem}: install {name!r} first (pip install --no-deps {name})")
    return Path(next(iter(spec.submodule_search_locations)))
