"""Where presslint's own rule packs and lists are: in the wheel, or ``rules/`` in a checkout.

Apart from packs.py so that a kind that needs a bundled file (the terms list, whether a
pattern is presslint's own) does not import the pack loader."""

from __future__ import annotations

from pathlib import Path


def builtin_pack_dir() -> Path:
    """The packs shipped in the wheel, or the repository's ``rules/`` in a checkout."""
    installed = Path(__file__).resolve().parent / "rules"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "rules"
