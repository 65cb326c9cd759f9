"""Time to check a Word document against the same text as .txt (a script, not a test).

    python benchmarks/docx_bench.py [--words 5000] [--repeat 5] [CORPUS]

Builds a release of about ``--words`` words from the corpus's paragraphs, writes it as
release.txt (paragraphs separated by a blank line) and as release.docx (one paragraph each,
with python-docx), and prints the median of ``--repeat`` runs of:
  - `presslint check` on each file, as a whole process (start-up and python-docx's import
    included: what a pre-commit hook pays);
  - reading and checking each file in this process (runner.check_file, rules built once),
    and reading the .docx alone (docx.read_docx).
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import _corpus
import docx

from presslint.config import Config
from presslint.docx import read_docx
from presslint.engine import load_selected
from presslint.runner import check_file


def _paragraphs(files: list[Path], words: int) -> list[str]:
    found: list[str] = []
    count = 0
    for path in files:
        for block in re.split(r"\n[ \t]*\n", path.read_text(encoding="utf-8")):
            text = " ".join(block.split())
            if not text or re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text):
                continue
            found.append(text)
            count += len(text.split())
            if count >= words:
                return found
    return found


def _median(repeat: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = _corpus.parser(__doc__)
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    paragraphs = _paragraphs(_corpus.releases(args.corpus, "docx_bench"), args.words)
    with tempfile.TemporaryDirectory() as folder:
        text, word = Path(folder, "release.txt"), Path(folder, "release.docx")
        text.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        made = docx.Document()
        for paragraph in paragraphs:
            made.add_paragraph(paragraph)
        made.save(str(word))
        print(f"{sum(len(p.split()) for p in paragraphs):,} words in {len(paragraphs)} paragraphs; "
              f".txt {text.stat().st_size:,} bytes, .docx {word.stat().st_size:,} bytes; "
              f"median of {args.repeat}")
        for path in (text, word):
            command = [sys.executable, "-m", "presslint", "check", "--no-config", "--no-cache", "-q", str(path)]
            seconds = _median(args.repeat, lambda command=command: subprocess.run(command, capture_output=True))
            print(f"  presslint check {path.name:<13} {seconds * 1000:7.0f} ms (whole process)")
        checkers = load_selected(Config())
        check_file(text, checkers)  # the rules' lazy data loaded before timing
        for path in (text, word):
            seconds = _median(args.repeat, lambda path=path: check_file(path, checkers))
            print(f"  check_file {path.name:<18} {seconds * 1000:7.0f} ms (in process)")
        data = word.read_bytes()
        seconds = _median(args.repeat, lambda: read_docx(str(word), data))
        print(f"  read_docx alone              {seconds * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
