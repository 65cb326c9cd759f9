"""Where the benchmark scripts find the development corpus (../shared beside the repo)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "press-releases"


def parser(doc: str | None) -> argparse.ArgumentParser:
    """An argument parser with the corpus folder as its optional first argument."""
    result = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    result.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    return result


def releases(folder: str, tool: str) -> list[Path]:
    """The corpus's releases (``*.md``, sorted); a message and exit code 2 when there are none."""
    corpus = Path(folder)
    files = sorted(corpus.rglob("*.md")) if corpus.is_dir() else []
    if not files:
        print(f"{tool}: no corpus at {corpus}", file=sys.stderr)
        raise SystemExit(2)
    return files
