"""Where the benchmark scripts find the development corpus (../shared beside the repo)."""

from __future__ import annotations

import argparse
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "press-releases"


def parser(doc: str | None) -> argparse.ArgumentParser:
    """An argument parser with the corpus folder as its optional first argument."""
    result = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    result.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    return result
