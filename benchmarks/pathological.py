"""Time and memory of presslint on hostile input, as it grows (a script, not a test).

    python benchmarks/pathological.py [--quick] [--shape NAME ...] [--select ALL] [--timeout S]

Grows each shape of ``SHAPES`` (a run of ``@``, an unclosed HTML comment, a word of a
megabyte, ...) from 16 KB to 1 MB (``--quick``: 8 KB to 128 KB) and checks it as
standard input is checked (mode "check"), or runs the ``--fix`` loop on it (mode "fix").
The shapes run in a child process, killed if one size takes longer than the timeout (a
new child goes on with the next shape). For each size it prints the median time of a few
runs (quick: one or two) and the least peak memory a run added to what the process held before it
(Linux: resident memory, C's included; elsewhere tracemalloc's peak), then, for each
shape, the growth from a quarter of the largest size to the largest: linear is 4x.

Exits 1 if a shape timed out, or grew faster than ``LIMIT`` times (time or memory) from
the quarter to the largest size: a quadratic shape grows 16x. Figures below ``TIME_FLOOR``
and ``MEMORY_FLOOR`` count as the floor, so that start-up noise cannot fail a run, and a
shape that fails is measured once more (a busy machine can slow one run).
tests/test_pathological.py runs ``--quick``.

A shape is one line of ``SHAPES``: name, builder (size in bytes -> text), syntax (the
file name's extension) and mode.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import json
import os
import random
import selectors
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "press-releases"
FULL_SIZES = (16, 64, 256, 1024)  # KB
QUICK_SIZES = (8, 32, 128)
LIMIT = 6.0  # the largest size is 4x the one compared: linear is 4, quadratic 16
TIME_FLOOR = 0.05  # seconds
MEMORY_FLOOR = 4.0  # MiB


def repeat(unit: str) -> Callable[[int], str]:
    """``unit`` repeated to ``size`` characters."""
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def framed(head: str, unit: str, tail: str = "") -> Callable[[int], str]:
    """``head``, then ``unit`` repeated to fill ``size``, then ``tail``."""
    return lambda size: head + repeat(unit)(max(size - len(head) - len(tail), 0)) + tail


def random_run(alphabet: str, prefix: str = "The sample reads ", suffix: str = ".\n") -> Callable[[int], str]:
    """One word of ``size`` characters drawn from ``alphabet``."""
    def build(size: int) -> str:
        rng = random.Random(size)
        return prefix + "".join(rng.choices(alphabet, k=size - len(prefix) - len(suffix))) + suffix
    return build


def unknown_words(size: int) -> str:
    """Distinct lower-case words that are in no dictionary, a sentence of ten at a time."""
    rng = random.Random(18)
    words: list[str] = []
    length = 0
    while length < size:
        word = "".join(rng.choices("bcdfghjklmnpqrstvwxz", k=rng.randint(5, 9)))
        words.append(word + (".\n" if len(words) % 10 == 9 else " "))
        length += len(words[-1])
    return "".join(words)[:size]


def long_words(word_length: int) -> Callable[[int], str]:
    """Distinct words of ``word_length`` letters (pasted blobs), one a line."""
    def build(size: int) -> str:
        rng = random.Random(word_length)
        lines: list[str] = []
        length = 0
        while length < size:
            lines.append(f"Read {''.join(rng.choices('abcdefghijklmnopqrstuvwxyz', k=word_length))} now.\n")
            length += len(lines[-1])
        return "".join(lines)[:size]
    return build


def releases(size: int) -> str:
    """Real press releases back to back."""
    parts: list[str] = []
    length = 0
    for path in sorted(CORPUS.glob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        parts.append(text)
        length += len(text)
        if length >= size:
            break
    text = "\n\n".join(parts)
    while len(text) < size:
        text += "\n\n" + text
    return text[:size]


def one_line(size: int) -> str:
    """Real prose with every line break replaced by a space: one line."""
    return releases(size).replace("\n", " ")


def mixed_endings(size: int) -> str:
    return repeat("The company said on Monday.\r\nIt hired staff.\nSales rose.\r")(size)


@dataclass(frozen=True)
class Shape:
    name: str
    build: Callable[[int], str]
    syntax: str = "txt"  # the extension of the name it is checked under
    mode: str = "check"  # or "fix": the --fix loop, as for `presslint check --fix -`
    encoding: str = "utf-8"  # how the text is given (another: the encoding is guessed)


SHAPES = [
    # Plain text, as standard input.
    Shape("at-signs", repeat("@")),
    Shape("a-at", repeat("a@")),
    Shape("unknown-words", unknown_words),
    Shape("hex-digest-word", random_run("0123456789abcdef")),
    Shape("gene-sequence-word", random_run("ACGT")),
    Shape("letter-run-word", random_run("abcdefghijklmnopqrstuvwxyz")),
    Shape("words-of-3840", long_words(3840)),
    Shape("words-of-22k", long_words(22528)),
    Shape("one-line", one_line),
    Shape("full-stops", repeat(".")),
    Shape("blanks-after-a-typo", framed("They saw teh", " ", ".\n")),
    Shape("initials", repeat("A. ")),
    Shape("abbreviations", repeat("Mr. Dr. St. ")),
    Shape("dates-one-sentence", repeat("it will open in May 2019 and close in 2035 and ")),
    Shape("founded-one-sentence", repeat("founded in 1990 and for 20 years and its 30th anniversary and ")),
    Shape("releases", releases, "md"),
    Shape("latin-1-releases", lambda size: releases(size).replace("'", "é"), "md", encoding="latin-1"),
    Shape("cp1252-quotes", repeat("The caf\u00e9\u2019s \u201cnew\u201d menu. "), encoding="cp1252"),
    # Markdown.
    Shape("md-link-close-open", repeat("]("), "md"),
    Shape("md-image-open", repeat("!["), "md"),
    Shape("md-comment-open", repeat("<!--"), "md"),
    Shape("md-link-open", repeat("["), "md"),
    Shape("md-code-ticks", repeat("`a"), "md"),
    Shape("md-emphasis-open", repeat("*a *b "), "md"),
    Shape("md-strong-open", repeat("**a **b "), "md"),
    Shape("md-underscore-open", repeat("_a _b "), "md"),
    Shape("md-code-open", framed("`", "a b "), "md"),
    Shape("md-table-blanks", framed("|-|-|\n", " ", "x"), "md"),
    Shape("md-entities-open", repeat("&amp &#"), "md"),
    Shape("md-disable-ranges", repeat("<!-- presslint-disable W101 -->\nTwo  spaces.\n"), "md"),
    Shape("md-presslint-unclosed", repeat("<!-- presslint "), "md"),
    Shape("md-disable-next-lines", repeat("<!-- presslint-disable-next-line W101 -->\n"), "md"),
    Shape("md-disable-spaces", framed("<!-- presslint-disable", " "), "md"),
    Shape("txt-disable-spaces", framed("presslint: disable", " ")),
    # HTML.
    Shape("html-comment-open", repeat("<!--"), "html"),
    Shape("html-end-tag-open", repeat("</"), "html"),
    Shape("html-tag-open", repeat("<a "), "html"),
    Shape("html-pi-open", repeat("<?"), "html"),
    Shape("html-cdata-open", repeat("<![CDATA["), "html"),
    Shape("html-declaration-open", repeat("<!"), "html"),
    Shape("html-comment-open-gt", repeat("<!-- a >"), "html"),
    Shape("html-cdata-open-gt", repeat("<![CDATA[ a >"), "html"),
    Shape("html-attribute-open-gt", repeat('<a title="x> '), "html"),
    Shape("html-charrefs-open", repeat("&# &#x <b>"), "html"),
    Shape("html-unclosed-attribute", framed('<p>The text <a href="', "x"), "html"),
    Shape("html-disable-next-lines", repeat("<!-- presslint-disable-next-line W101 -->\n"), "html"),
    # The page's tree (html_scope.py): nesting as deep as the text is long, end tags that
    # close nothing, and landmarks inside landmarks.
    Shape("html-nested-divs", repeat("<div><p>a "), "html"),
    Shape("html-nested-landmarks", repeat("<header><main><article>a "), "html"),
    Shape("html-stray-end-tags", repeat("<section></b></section></p>a "), "html"),
    Shape("html-chrome-headings", repeat("<nav><h1>a</h1></nav><h2>b</h2>"), "html"),
    Shape("html-unclosed-headers", repeat("<h1>a</h1><header><p>The body line has eight words or more here "), "html"),
    Shape("html-empty-headers", repeat("<header></header>\n"), "html"),
    Shape("html-releases", lambda size: "<p>" + releases(size).replace("\n\n", "</p>\n<p>"), "html"),
    # --fix: the loop of passes the command line runs.
    Shape("fix-trailing-space", repeat("The company said. \n"), mode="fix"),
    Shape("fix-doubled-spaces", repeat("The  company  said.\n"), mode="fix"),
    Shape("fix-sentence-spacing", repeat("It rose.  Sales fell.  "), mode="fix"),
    Shape("fix-mojibake", repeat("The cafÃ© opened.\n"), mode="fix"),
    Shape("fix-no-break-space", repeat("The\u00a0company\u00a0said.\n"), mode="fix"),
    Shape("fix-zero-width", repeat("The com\u200bpany said.\n"), mode="fix"),
    Shape("fix-entities", repeat("See &amp; and &copy; here.\n"), mode="fix"),
    Shape("fix-mixed-endings", mixed_endings, mode="fix"),
    Shape("fix-releases", releases, "md", mode="fix"),
]


# -- the child: measures shapes at each size, one JSON line per size -----------------------

def child(names: list[str], sizes: list[int], select: str | None, quick: bool) -> None:
    from presslint.config import Config
    from presslint.engine import load_checkers
    from presslint.fix import FixMode
    from presslint.runner import check_file
    from presslint.selection import select as select_rules

    config = Config(select=tuple(select.split(",")) if select else None)
    checkers = select_rules(load_checkers(config), config)

    def run(shape: Shape, data: bytes) -> None:
        mode = FixMode("stdout") if shape.mode == "fix" else None
        result = check_file(f"input.{shape.syntax}", checkers, data=data, fix=mode)
        if result.error:
            raise SystemExit(result.error)

    for shape in SHAPES:  # the lazy imports, compiled patterns and word lists each loads
        if shape.name in names:
            run(shape, shape.build(1024).encode(shape.encoding, "replace"))
    for name in names:
        shape = next(s for s in SHAPES if s.name == name)
        for size in sizes:
            data = shape.build(size * 1024).encode(shape.encoding, "replace")
            times: list[float] = []
            peaks: list[float] = []
            # Quick: a second run only when cheap. The memory is the least peak of the runs:
            # a one-off (a word list loaded on first use) is not the shape's.
            while len(times) < (2 if quick else 3) and sum(times) < (0.2 if quick else 1.0):
                before = reset_peak()
                started = time.perf_counter()
                run(shape, data)
                times.append(time.perf_counter() - started)
                peaks.append(read_peak(before))
            print(json.dumps({"shape": name, "size": size, "time": statistics.median(times), "memory": min(peaks)}),
                  flush=True)


def reset_peak() -> float:
    """Start measuring the peak memory: returns what read_peak subtracts. On Linux the
    peak resident size, reset (all memory, C's too); elsewhere tracemalloc (Python's only,
    and slower)."""
    gc.collect()
    try:
        # What the last run freed goes back to the system first, or this run would reuse it
        # unseen (glibc keeps freed memory; malloc_trim returns it).
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return _status("VmRSS")
    except OSError:
        tracemalloc.start()
        return -1.0


def read_peak(before: float) -> float:
    """MiB allocated at the peak since ``reset_peak`` returned ``before``."""
    if before < 0:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        return peak
    return max(_status("VmHWM") - before, 0.0)


def _status(key: str) -> float:
    """A figure of /proc/self/status, in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    raise OSError(f"no {key}")


# -- the parent ----------------------------------------------------------------------------

@dataclass
class Row:
    shape: Shape
    figures: dict[int, tuple[float, float]] = field(default_factory=dict)  # KB -> seconds, MiB
    timed_out: int | None = None  # the size that took too long
    failure: str = ""

    def linear(self, sizes: list[int]) -> bool:
        growth = self.growth(sizes)
        return self.timed_out is None and growth is not None and max(growth) <= LIMIT

    def growth(self, sizes: list[int]) -> tuple[float, float] | None:
        large = sizes[-1]
        small = large // 4
        if large not in self.figures or small not in self.figures:
            return None
        (t1, m1), (t2, m2) = self.figures[small], self.figures[large]
        return max(t2, TIME_FLOOR) / max(t1, TIME_FLOOR), max(m2, MEMORY_FLOOR) / max(m1, MEMORY_FLOOR)


def measure(shapes: list[Shape], sizes: list[int], timeout: float, args: argparse.Namespace) -> Iterator[Row]:
    """A row per shape, in order; the shapes run in one child process, and a child that
    takes longer than ``timeout`` on a size is killed, and a new one goes on."""
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"))
    pending = list(shapes)
    while pending:
        command = [sys.executable, __file__, "--child", *[s.name for s in pending], "--sizes", *map(str, sizes)]
        command += ["--select", args.select] if args.select else []
        command += ["--quick"] if args.quick else []
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        assert process.stdout is not None and process.stderr is not None
        row = Row(pending[0])
        with selectors.DefaultSelector() as waiting:
            waiting.register(process.stdout, selectors.EVENT_READ)
            started = True
            while True:
                # A size runs up to three times (quick: once); start-up and warming up come first.
                if not waiting.select(timeout * (1 if args.quick else 3) + (10 if started else 0)):
                    process.kill()
                    row.timed_out = next(size for size in sizes if size not in row.figures)
                    break
                started = False
                line = process.stdout.readline()
                if not line:
                    break
                figures = json.loads(line)
                row.figures[figures["size"]] = (figures["time"], figures["memory"])
                if figures["size"] == sizes[-1]:
                    yield row
                    pending.pop(0)
                    if not pending:
                        break
                    row = Row(pending[0])
        process.wait()
        if row.timed_out is None and process.returncode:
            lines = process.stderr.read().strip().splitlines()
            row.failure = lines[-1] if lines else f"exit {process.returncode}"
        if pending and pending[0] is row.shape and (row.timed_out is not None or row.failure):
            yield row
            pending.pop(0)
        process.stderr.close()
        process.stdout.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="sizes to 128 KB, a short timeout (for CI)")
    parser.add_argument("--shape", nargs="*", help="only these shapes")
    parser.add_argument("--select", help="rules to run, comma-separated (default: the default rule set)")
    parser.add_argument("--timeout", type=float, help="seconds one run of one size may take")
    parser.add_argument("--sizes", nargs="*", type=int, help="sizes in KB")
    parser.add_argument("--child", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = args.sizes or list(QUICK_SIZES if args.quick else FULL_SIZES)
    if args.child:
        child(args.child, sizes, args.select, args.quick)
        return 0
    timeout = args.timeout or (10.0 if args.quick else 30.0)
    shapes = [s for s in SHAPES if not args.shape or s.name in args.shape]
    if args.shape and len(shapes) != len(args.shape):
        raise SystemExit(f"pathological: unknown shape; the shapes: {', '.join(s.name for s in SHAPES)}")
    print(f"{'shape':<26} {'mode':<5}" + "".join(f"{f'{k} KB':>18}" for k in sizes) + f"{'growth x4':>16}")
    failed = 0
    for row in measure(shapes, sizes, timeout, args):
        if not row.failure and not row.linear(sizes):
            # Once more before it counts: a shared machine's noise can double one figure.
            row = next(measure([row.shape], sizes, timeout, args))
        shape = row.shape
        cells = []
        for size in sizes:
            if size in row.figures:
                seconds, mib = row.figures[size]
                cells.append(f"{seconds * 1000:8.0f}ms{mib:6.1f}M")
            else:
                cells.append("timeout" if size == row.timed_out else "-")
        growth = row.growth(sizes)
        verdict = ""
        if row.failure:
            verdict = f"FAILED: {row.failure}"
        elif row.timed_out is not None:
            verdict = f"SLOW: over {timeout:g} s at {row.timed_out} KB"
        elif growth is None:
            verdict = "?"
        else:
            verdict = f"{growth[0]:5.1f}t {growth[1]:5.1f}m"
            if max(growth) > LIMIT:
                verdict += "  SUPERLINEAR"
        if row.failure or row.timed_out is not None or "SUPERLINEAR" in verdict:
            failed += 1
        print(f"{shape.name:<26} {shape.mode:<5}" + "".join(f"{c:>18}" for c in cells) + f"  {verdict}",
              flush=True)
    print(f"{failed} of {len(shapes)} shapes grew faster than linear or failed" if failed
          else f"all {len(shapes)} shapes linear (time and memory within {LIMIT:g}x for 4x the size)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
