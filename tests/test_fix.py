"""--fix, --diff and --unsafe-fixes: exact, atomic, idempotent, encoding-preserving."""

from __future__ import annotations

import codecs
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pytest import MonkeyPatch

from presslint.cli import cli
from presslint.diagnostic import Diagnostic, Edit, Fix, Severity, Span
from presslint.document import Document
from presslint.fix import ChangedSinceRead, _overlaps, apply_edits, choose, write_fixes


def fix(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", "--no-config", *args], input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_fix_keeps_crlf_bom_and_mode(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(codecs.BOM_UTF8 + "Caf\u00e9  opens. \r\nIt rained.The end\r\n".encode())
    path.chmod(0o640)
    code, out, _ = fix("--fix", str(path))
    assert code == 0, out
    assert path.read_bytes() == codecs.BOM_UTF8 + "Caf\u00e9 opens.\r\nIt rained. The end\r\n".encode()
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert out.strip().endswith("Fixed 3 problems, none remaining (1 file checked).")
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"], "no temporary file may be left behind"


def test_fix_keeps_utf16(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "Zürich  today.\n".encode("utf-16-le"))
    fix("--fix", str(path))
    assert path.read_bytes() == codecs.BOM_UTF16_LE + "Zürich today.\n".encode("utf-16-le")


def test_mixed_line_endings_are_kept_unless_that_fix_is_selected(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"One  two.\r\nThree.\nFour.\r\n")
    fix("--fix", "--ignore", "W113", str(path))
    assert path.read_bytes() == b"One two.\r\nThree.\nFour.\r\n"
    fix("--fix", str(path))
    assert path.read_bytes() == b"One two.\r\nThree.\r\nFour.\r\n"


def test_diff_changes_nothing_and_exits_one(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text("Hello  world.\n", encoding="utf-8")
    code, out, _ = fix("--diff", str(path))
    assert code == 1
    assert "-Hello  world.\n+Hello world.\n" in out
    assert path.read_text(encoding="utf-8") == "Hello  world.\n"


def test_unsafe_fixes_need_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Highlights:\tfaster checkout.\n", encoding="utf-8")
    code, _, _ = fix("--fix", str(path))
    assert code == 1 and "\t" in path.read_text(encoding="utf-8")  # W108's fix is unsafe
    code, _, _ = fix("--fix", "--unsafe-fixes", str(path))
    assert code == 0 and path.read_text(encoding="utf-8") == "Highlights: faster checkout.\n"


def test_stdin_fix_prints_the_fixed_text(tmp_path: Path) -> None:
    code, out, err = fix("--fix", "-", input=b"a  b \n")
    assert out == "a b\n"
    assert "Fixed 2 problems" in err and code == 0


def _stdin_fix(tmp_path: Path, data: bytes) -> tuple[int, bytes, str]:
    """`presslint check --fix - < a.md > b.md` in a real process, with real files."""
    source, target = tmp_path / "a.md", tmp_path / "b.md"
    source.write_bytes(data)
    with source.open("rb") as stdin, target.open("wb") as stdout:
        done = subprocess.run([sys.executable, "-m", "presslint", "check", "--no-config", "--fix", "-"],
                              stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, check=False)
    return done.returncode, target.read_bytes(), done.stderr.decode()


def test_stdin_fix_gives_back_input_it_skips(tmp_path: Path) -> None:
    data = b"Results\x00 of the\x01 quarter  \xff\xfe\n"  # binary: not checked, never "fixed"
    code, out, err = _stdin_fix(tmp_path, data)
    assert out == data, "the text must come back, not the report"
    assert "-: cannot check a binary file" in err and code == 2


def test_stdin_fix_gives_back_the_very_bytes_when_nothing_is_fixed(tmp_path: Path) -> None:
    data = "\ufeffCaf\u00e9 opens.\r\n".encode("utf-16-le")
    code, out, err = _stdin_fix(tmp_path, data)
    assert out == data and "All clear" in err and code == 0


def test_stdin_fix_writes_the_fixed_text_and_reports_on_stderr(tmp_path: Path) -> None:
    code, out, err = _stdin_fix(tmp_path, b"Sales  rose.\n")
    assert out == b"Sales rose.\n" and "Fixed 1 problem" in err and code == 0


def test_fix_and_diff_together_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("x\n")
    code, _, err = fix("--fix", "--diff", str(path))
    assert code == 2 and "do not go together" in err


def _diagnostic(start: int, end: int, code: str, replacement: str = "") -> Diagnostic:
    return Diagnostic("x", Span(start, end), code, "r", Severity.WARNING, "m",
                      Fix("f", (Edit(Span(start, end), replacement),)))


def test_overlapping_fixes_are_chosen_by_position_then_code() -> None:
    chosen = choose([_diagnostic(2, 6, "W2", "B"), _diagnostic(0, 4, "W9", "A"), _diagnostic(6, 6, "W1", "!")],
                    unsafe=False)
    assert [f.edits[0].replacement for f in chosen] == ["A", "!"]
    assert apply_edits("abcdefgh", [e for f in chosen for e in f.edits]) == ("Aef!gh", 2)


def test_insertions_clash_only_at_the_same_point() -> None:
    assert _overlaps(Span(3, 3), Span(3, 3))
    assert not _overlaps(Span(3, 3), Span(4, 6))
    assert _overlaps(Span(4, 4), Span(3, 6))
    assert not _overlaps(Span(0, 2), Span(2, 4))


def test_choose_agrees_with_comparing_every_pair_of_fixes() -> None:
    # choose finds clashes through spans sorted by start (linear in the number of fixes);
    # what it takes must be what comparing each fix with every one taken before gives.
    import random

    generator = random.Random(18)
    for _ in range(200):
        diagnostics = []
        for number in range(generator.randint(1, 30)):
            edits = []
            for _ in range(generator.randint(1, 3)):
                start = generator.randint(0, 40)
                span = Span(start, start + generator.choice((0, 0, 1, 2, 5, 12)))
                edits.append(Edit(span, "x"))
            diagnostics.append(Diagnostic("x", edits[0].span, f"W{number:03}", "r", Severity.WARNING, "m",
                                          Fix("f", tuple(edits))))
        taken: list[Span] = []
        expected = []
        for diagnostic in sorted(diagnostics, key=lambda d: d.sort_key):
            assert diagnostic.fix is not None
            spans = [edit.span for edit in diagnostic.fix.edits]
            if not any(_overlaps(span, other) for span in spans for other in taken):
                taken.extend(spans)
                expected.append(diagnostic.fix)
        assert choose(diagnostics, unsafe=False) == expected


def test_fix_with_a_fix_on_every_line_fixes_them_all(tmp_path: Path) -> None:
    # One pass takes every fix of a file with thousands (applied in one pass over the text).
    path = tmp_path / "r.txt"
    path.write_text("A line. \n" * 5000)
    code, _, _ = fix("--fix", "--select", "W101", str(path))
    assert code == 0 and path.read_text() == "A line.\n" * 5000


def test_fix_leaves_words_that_start_like_an_entity(tmp_path: Path) -> None:
    """"&copyright;" is not "&copy;" followed by "right;": only a complete reference is fixed."""
    path = tmp_path / "r.txt"
    path.write_bytes(b"See &copyright; and &parameters; but &copy; and &amp;.\n")
    code, out, _ = fix("--fix", "--select", "W112", str(path))
    assert path.read_bytes() == "See &copyright; and &parameters; but \u00a9 and &.\n".encode()
    assert code == 0, out


def test_double_escaped_unknown_entity_is_not_reported(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_bytes(b"See &amp;copyright; and &amp;nbsp; here.\n")
    code, out, _ = fix("--select", "W112", "--output-format", "json", str(path))
    assert code == 1
    assert out.count('"code": "W112"') == 1 and "&amp;nbsp;" in out


# --fix and the user's files: what the run does not own stays as it was.

def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".presslint"))


def test_fix_refuses_a_read_only_file_and_fixes_the_others(tmp_path: Path) -> None:
    locked, open_ = tmp_path / "locked.txt", tmp_path / "open.txt"
    for path in (locked, open_):
        path.write_bytes(b"Sales  rose.\n")
    locked.chmod(0o444)  # read-only for everyone: root too, though os.access lets root write
    code, _, err = fix("--fix", str(locked), str(open_))
    assert code == 2
    assert [line for line in err.splitlines() if "locked.txt" in line] == [
        f"presslint: error: {locked}: not fixed: the file is read-only"]
    assert locked.read_bytes() == b"Sales  rose.\n" and os.stat(locked).st_mode & 0o777 == 0o444
    assert open_.read_bytes() == b"Sales rose.\n"
    assert _leftovers(tmp_path) == []


def test_fix_writes_through_a_symlink_to_its_target(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "r.txt"
    target.write_bytes(b"Sales  rose.\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    code, _, _ = fix("--fix", str(link))
    assert code == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == b"Sales rose.\n"
    assert _leftovers(tmp_path) == [] and _leftovers(tmp_path / "real") == []


def test_fix_keeps_hard_links(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_bytes(b"Sales  rose.\n" + b"x" * 100 + b"\n")
    os.link(first, second)
    inode = os.stat(first).st_ino
    code, _, _ = fix("--fix", str(first))
    assert code == 0
    assert os.stat(first).st_ino == os.stat(second).st_ino == inode and os.stat(first).st_nlink == 2
    assert second.read_bytes() == b"Sales rose.\n" + b"x" * 100 + b"\n"  # shorter: truncated
    assert _leftovers(tmp_path) == []


def test_fix_keeps_owner_group_and_mode(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"Sales  rose.\n")
    path.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(path, 1234, 4321)
    before = os.stat(path)
    code, _, _ = fix("--fix", str(path))
    after = os.stat(path)
    assert code == 0 and path.read_bytes() == b"Sales rose.\n"
    assert (after.st_uid, after.st_gid, after.st_mode) == (before.st_uid, before.st_gid, before.st_mode)


def test_fix_never_overwrites_an_edit_made_during_the_run(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    import presslint.fix

    path, other = tmp_path / "r.txt", tmp_path / "s.txt"
    path.write_bytes(b"Sales  rose.\n")
    other.write_bytes(b"Sales  rose.\n")
    encode = presslint.fix.encode

    def edit_meanwhile(text: str, doc: Document) -> bytes:
        if doc.path == str(path):  # the user saves the file after it was read and checked
            path.write_bytes(b"Sales  fell.\n")
        return encode(text, doc)

    monkeypatch.setattr(presslint.fix, "encode", edit_meanwhile)
    code, _, err = fix("--fix", "--jobs", "1", str(path), str(other))
    assert path.read_bytes() == b"Sales  fell.\n", "the user's edit must survive"
    assert [line for line in err.splitlines() if "r.txt" in line] == [
        f"presslint: warning: {path}: not fixed: the file changed while it was checked; run again"]
    assert other.read_bytes() == b"Sales rose.\n" and code == 0
    assert _leftovers(tmp_path) == []


def test_write_fixes_sees_an_edit_of_the_same_size(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"Sales  fell.\n")
    stamp = os.stat(path)
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    with pytest.raises(ChangedSinceRead):
        write_fixes(path, b"Sales rose.\n", b"Sales  rose.\n")
    assert path.read_bytes() == b"Sales  fell.\n" and _leftovers(tmp_path) == []


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, None)])
def test_an_interrupted_write_leaves_no_temporary_file(tmp_path: Path, signum: int, code: int | None) -> None:
    """The signal arrives while the temporary file is written: the file stays whole and
    the temporary file goes (SIGTERM exits 143, SIGINT raises KeyboardInterrupt)."""
    path = tmp_path / "r.txt"
    path.write_bytes(b"Sales  rose.\n")
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "import presslint.fix as f\n"
        "real = os.fsync\n"
        "def fsync(fd):\n"
        f"    os.kill(os.getpid(), {int(signum)})\n"
        "    real(fd)\n"
        "os.fsync = fsync\n"
        "try:\n"
        f"    f.write_fixes(Path(sys.argv[1]), b'Sales rose.\\n', b'Sales  rose.\\n')\n"
        "except KeyboardInterrupt:\n"
        "    sys.exit(130)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, check=False)
    assert done.returncode == (code or 130), done.stderr
    assert path.read_bytes() == b"Sales  rose.\n"
    assert _leftovers(tmp_path) == []


def test_stdin_fix_gives_back_the_text_when_the_run_fails(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    import presslint.fix

    def broken(*args: object) -> object:
        raise RuntimeError("the fix failed")

    monkeypatch.setattr(presslint.fix, "fix_document", broken)
    source = tmp_path / "a.md"
    source.write_bytes(b"Sales  rose.\n")
    result = CliRunner().invoke(cli, ["check", "--no-config", "--fix", "-"], input=source.read_bytes())
    assert isinstance(result.exception, RuntimeError)
    assert result.stdout_bytes == source.read_bytes(), "the text must come back even when the run fails"


def test_the_fix_loop_leaves_no_caches_on_the_documents_it_fixed() -> None:
    # The caller holds the document first checked: its markup, tokens and views (many
    # times a long file's size) must not live through every later pass.
    from presslint.config import Config
    from presslint.decoding import Decoded
    from presslint.engine import load_checkers
    from presslint.fix import FixMode, fix_document

    doc = Document.from_decoded("r.txt", Decoded("It rose.  Sales fell. \n", "utf-8", bom=False))
    result = fix_document(doc, load_checkers(Config()), FixMode("stdout"), b"")
    assert result.output == "It rose. Sales fell.\n" and result.fixed == 2
    assert not {"markup", "tokens", "lines", "word_counts"} & set(vars(doc)) and doc.text.startswith("It rose.  ")
