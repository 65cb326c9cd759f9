"""The bad-input matrix of docs/reliability.md: one test a row, each on real files and, where
streams, signals or permissions matter, in a real process. Every case ends with one line on
stderr (never a traceback) and the documented exit code."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from presslint.cli import cli, main
from presslint.errors import ExitCode
from presslint.report import FORMATS
from presslint.sources import MAX_FILE_BYTES

ROOT = Path(__file__).resolve().parents[1]
POSIX = os.name == "posix"
FIXABLE = b"Sales  rose.   \nThe board agreed.\n"
FIXED = b"Sales rose.\nThe board agreed.\n"


def presslint(*args: str, cwd: Path | None = None, stdin: int | None = subprocess.DEVNULL,
              stdout: int | None = subprocess.PIPE, env: dict[str, str] | None = None,
              preexec: Callable[[], None] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``presslint check --no-config ARGS`` as a real process."""
    return subprocess.run([sys.executable, "-m", "presslint", "check", "--no-config", *args], cwd=cwd, stdin=stdin,
                          stdout=stdout, stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})},
                          preexec_fn=preexec, timeout=timeout, check=False)


def one_line(err: str, *expected: str) -> None:
    """``err`` is the one line of a clean failure: no traceback, each ``expected`` in it."""
    assert "Traceback" not in err and err.count("\n") == 1, err
    for part in expected:
        assert part in err, err


def as_user() -> Callable[[], None] | None:
    """A child process that file permissions bind: as root, without the capabilities that
    let root read and search anything (CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH)."""
    if not POSIX or os.geteuid() != 0:
        return None
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)

    def drop() -> None:
        for capability in (1, 2):  # PR_CAPBSET_DROP; an exec as root gets the bounding set only
            if libc.prctl(24, capability, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")

    return drop


def permissions_bind(tmp_path: Path) -> bool:
    locked = tmp_path / "probe"
    locked.write_text("x")
    locked.chmod(0)
    try:
        return subprocess.run(["cat", str(locked)], capture_output=True, preexec_fn=as_user(),
                              check=False).returncode != 0
    except OSError:
        return False
    finally:
        locked.unlink()


needs_permissions = pytest.mark.skipif(not POSIX, reason="POSIX permissions")


# -- paths that cannot be checked

@needs_permissions
def test_unreadable_file_is_one_error(tmp_path: Path) -> None:
    if not permissions_bind(tmp_path):
        pytest.skip("file permissions do not bind here")
    (tmp_path / "locked.txt").write_text("Teh text.\n")
    (tmp_path / "locked.txt").chmod(0)
    (tmp_path / "ok.txt").write_text("Sales rose.\n")
    done = presslint("locked.txt", "ok.txt", cwd=tmp_path, preexec=as_user())
    assert done.returncode == ExitCode.USER_ERROR
    assert done.stderr == "presslint: error: locked.txt: permission denied\n"
    assert done.stdout.endswith("1 error; no problems in 1 file checked.\n")


@needs_permissions
def test_unsearchable_folders_are_errors_not_skipped(tmp_path: Path) -> None:
    """A folder that cannot be listed or searched, named or met in a walk, is one error
    line and counted: its files are not silently left out."""
    if not permissions_bind(tmp_path):
        pytest.skip("file permissions do not bind here")
    (tmp_path / "ok.txt").write_text("Sales rose.\n")
    for name in ("unlistable", "unsearchable"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "r.txt").write_text("Teh text.\n")
    try:
        (tmp_path / "unlistable").chmod(0o300)
        (tmp_path / "unsearchable").chmod(0o600)
        walked = presslint(".", cwd=tmp_path, preexec=as_user())
        named = presslint("unlistable", cwd=tmp_path, preexec=as_user())
    finally:
        (tmp_path / "unlistable").chmod(0o700)
        (tmp_path / "unsearchable").chmod(0o700)
    assert walked.returncode == ExitCode.USER_ERROR
    assert walked.stderr.splitlines() == [
        "presslint: error: unlistable: cannot search the folder (Permission denied); its files are not checked",
        "presslint: error: unsearchable/r.txt: cannot read (Permission denied)"]
    assert walked.stdout.endswith("2 errors; no problems in 1 file checked.\n")
    assert named.returncode == ExitCode.USER_ERROR
    assert named.stderr.startswith("presslint: error: unlistable: cannot search the folder (Permission denied)")


def test_folders_deeper_than_the_path_limit_are_reported(tmp_path: Path) -> None:
    """Files below a path longer than the system takes cannot be read by path: the folder
    where the path grows too long is an error line, not a silent skip."""
    part = "d" * 200
    (tmp_path / "top.txt").write_text("Sales rose.\n")
    descriptor = os.open(tmp_path, os.O_RDONLY)
    try:
        for _ in range(25):  # 25 x 201 characters: over Linux's 4,096 and macOS's 1,024
            os.mkdir(part, dir_fd=descriptor)
            inner = os.open(part, os.O_RDONLY, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = inner
        deep = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=descriptor)
        os.write(deep, b"Teh text.\n")
        os.close(deep)
    finally:
        os.close(descriptor)
    done = presslint(".", cwd=tmp_path)
    assert done.returncode == ExitCode.USER_ERROR
    one_line(done.stderr, "cannot search the folder (File name too long); its files are not checked")
    assert done.stdout.endswith("1 error; no problems in 1 file checked.\n")


def test_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "r.txt").write_text("Sales rose.\n")
    (tmp_path / "folder" / "again").symlink_to("..")  # a folder loop: not followed
    (tmp_path / "folder" / "a.txt").symlink_to("b.txt")
    (tmp_path / "folder" / "b.txt").symlink_to("a.txt")
    done = presslint("folder", "folder/a.txt", cwd=tmp_path)
    assert done.returncode == ExitCode.USER_ERROR
    assert done.stderr.splitlines() == ["presslint: error: folder/a.txt: symbolic link loop",
                                        "presslint: warning: folder/a.txt: skipped, symbolic link loop",
                                        "presslint: warning: folder/b.txt: skipped, symbolic link loop"]
    assert done.stdout.endswith("1 error; no problems in 1 file checked.\n")


def test_dangling_links(tmp_path: Path) -> None:
    """Named, a broken link is an error; met in a walk, a warning (a file that went away)."""
    (tmp_path / "gone.txt").symlink_to("nowhere.txt")
    (tmp_path / "r.txt").write_text("Sales rose.\n")
    named = presslint("gone.txt", cwd=tmp_path)
    assert named.returncode == ExitCode.USER_ERROR
    assert named.stderr == "presslint: error: gone.txt: broken symbolic link\n"
    walked = presslint(".", cwd=tmp_path)
    assert walked.returncode == ExitCode.OK
    assert walked.stderr == "presslint: warning: gone.txt: skipped, broken symbolic link\n"


@pytest.mark.skipif(not POSIX, reason="FIFOs and /dev/zero")
def test_fifo_and_devices_are_refused(tmp_path: Path) -> None:
    """Named explicitly, a FIFO would block and /dev/zero never end: refused at once."""
    os.mkfifo(tmp_path / "pipe.txt")
    done = presslint("pipe.txt", "/dev/zero", cwd=tmp_path, timeout=60)
    assert done.returncode == ExitCode.USER_ERROR
    assert done.stderr.splitlines() == ["presslint: error: pipe.txt: not a regular file",
                                        "presslint: error: /dev/zero: not a regular file"]
    (tmp_path / "r.txt").write_text("Sales rose.\n")
    walked = presslint(".", cwd=tmp_path, timeout=60)
    assert walked.returncode == ExitCode.OK
    assert walked.stderr == "presslint: warning: pipe.txt: skipped, not a regular file\n"


@pytest.mark.skipif(not POSIX, reason="/dev/zero")
def test_endless_standard_input_is_capped() -> None:
    with open("/dev/zero", "rb") as zero:
        done = presslint("-", stdin=zero.fileno(), timeout=120)
    assert done.returncode == ExitCode.USER_ERROR
    one_line(done.stderr, f"-: too large to check (over {MAX_FILE_BYTES // 2**20} MB")


def test_a_file_over_the_limit_is_one_error_before_reading(tmp_path: Path) -> None:
    """An 8 GB sparse file: refused from its size, without reading (or allocating) it."""
    big = tmp_path / "disk.txt"
    with open(big, "wb") as out:
        out.truncate(8 * 2**30)
    (tmp_path / "r.txt").write_text("Sales rose.\n")
    done = presslint("disk.txt", "r.txt", cwd=tmp_path, timeout=60)
    assert done.returncode == ExitCode.USER_ERROR
    assert done.stderr == f"presslint: error: disk.txt: too large to check (8,192 MB; the limit is " \
                          f"{MAX_FILE_BYTES // 2**20} MB)\n"


# -- files that can be read

def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    done = presslint("empty.txt", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (ExitCode.OK, "")
    assert done.stdout == "All clear: no problems in 1 file.\n"


def test_a_50_mb_file_is_checked_to_its_end(tmp_path: Path) -> None:
    """Under the limit, a huge file is checked whole: a finding on its last line is found.
    (One cheap rule: how fast all rules are on it is benchmarks/' business.)"""
    line = b"Acme today announced that sales rose 5 percent in the third quarter, the company said.\n"
    count = 50 * 2**20 // len(line)
    (tmp_path / "huge.txt").write_bytes(line * count + b"Sales rose. \n")
    done = presslint("--select", "W101", "--output-format", "json", "huge.txt", cwd=tmp_path, timeout=300)
    assert done.returncode == ExitCode.FINDINGS and done.stderr == ""
    assert [(f["code"], f["line"]) for f in json.loads(done.stdout)] == [("W101", count + 1)]


def test_a_1_mb_line(tmp_path: Path) -> None:
    sentence = "Sales rose again. "
    text = (sentence * (2**20 // len(sentence))).rstrip() + " Teh end.\n"
    (tmp_path / "line.txt").write_text(text, encoding="utf-8")
    done = presslint("--output-format", "json", "line.txt", cwd=tmp_path, timeout=300)
    assert done.returncode == ExitCode.FINDINGS and done.stderr == ""
    assert [(f["code"], f["line"], f["column"]) for f in json.loads(done.stdout)] == [("T101", 1, len(text) - 8)]


def test_invalid_utf8(tmp_path: Path) -> None:
    """Not UTF-8: decoded by guessing (W114 says so), checked, never an error."""
    (tmp_path / "r.txt").write_bytes(b"Caf\xe9 sales rose.\n")
    (tmp_path / "bad.txt").write_bytes(b"Sales \xff\xfe\xfa rose \x80\x81.\n")
    done = presslint("--output-format", "json", "r.txt", "bad.txt", cwd=tmp_path)
    assert done.returncode == ExitCode.FINDINGS and done.stderr == ""
    assert {(f["path"], f["code"]) for f in json.loads(done.stdout)} >= {("r.txt", "W114"), ("bad.txt", "W114")}


def test_a_file_deleted_during_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Deleted after the walk found it (and, with --show-release-date, after it was checked):
    one line each, the other files checked."""
    import presslint.runner

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("Sales rose.\n")
    real = presslint.runner.check_file

    def deleting(path: Path | str, *args: object, **kwargs: object) -> object:
        if Path(path).name == "a.txt":
            (tmp_path / "b.txt").unlink()  # before it is read
            return real(path, *args, **kwargs)  # type: ignore[arg-type]
        if Path(path).name == "c.txt":
            result = real(path, *args, **kwargs)  # type: ignore[arg-type]
            (tmp_path / "c.txt").unlink()  # after it is checked, before its date is shown
            return result
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(presslint.runner, "check_file", deleting)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--no-config", "-j", "1", "--show-release-date", "."])
    assert result.exit_code == ExitCode.USER_ERROR, result.output
    lines = result.stderr.splitlines()
    assert "presslint: error: b.txt: cannot read (No such file or directory)" in lines
    assert "c.txt: release date not shown: cannot read the file again (No such file or directory)" in lines
    assert "Traceback" not in result.stderr
    assert result.stdout.endswith("1 error; no problems in 2 files checked.\n")


def test_a_file_deleted_before_its_fixes_are_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import presslint.fix

    path = tmp_path / "r.txt"
    path.write_bytes(FIXABLE)
    encode = presslint.fix.encode

    def deleting(*args: object) -> bytes:
        path.unlink()
        return encode(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(presslint.fix, "encode", deleting)
    result = CliRunner().invoke(cli, ["check", "--no-config", "--fix", str(path)])
    assert result.exit_code == ExitCode.OK and not path.exists() and _leftovers(tmp_path) == []
    assert result.stderr == f"presslint: warning: {path}: not fixed: the file changed while it was checked; run again\n"


def test_broken_config_yaml(tmp_path: Path) -> None:
    (tmp_path / ".presslint.yaml").write_text("select: [W\nignore: T\n")
    (tmp_path / "r.txt").write_text("Sales rose.\n")
    done = subprocess.run([sys.executable, "-m", "presslint", "check", "r.txt"], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    assert done.returncode == ExitCode.USER_ERROR and done.stdout == ""
    one_line(done.stderr, "presslint: error: ", ".presslint.yaml:")


# -- streams

def test_closed_standard_streams(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("Teh text.\n")
    no_stdin = presslint("-", "r.txt", cwd=tmp_path, stdin=None,
                         preexec=lambda: os.close(0))
    assert no_stdin.returncode == ExitCode.USER_ERROR
    assert no_stdin.stderr == "presslint: error: -: standard input is closed\n"
    assert "r.txt:1:1: T101" in no_stdin.stdout  # the files are still checked
    no_stdout = presslint("r.txt", cwd=tmp_path, stdout=None, preexec=lambda: os.close(1))
    assert no_stdout.returncode == ExitCode.USER_ERROR
    assert no_stdout.stderr == "presslint: error: standard output is closed: nothing can be reported\n"
    no_stderr = subprocess.run([sys.executable, "-m", "presslint", "check", "--no-config", "-", "r.txt"],
                               cwd=tmp_path, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=None, preexec_fn=lambda: os.close(2), text=True, timeout=60, check=False)
    assert no_stderr.returncode == ExitCode.FINDINGS  # the warnings go nowhere; the findings come
    assert "r.txt:1:1: T101" in no_stderr.stdout


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_output_to_a_full_disk(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("Teh text.\n")
    for output_format in ("text", "json"):
        with open("/dev/full", "w") as full:
            done = presslint("--output-format", output_format, "r.txt", cwd=tmp_path, stdout=full.fileno())
        assert done.returncode == ExitCode.USER_ERROR
        assert done.stderr == "presslint: error: cannot write the output (No space left on device)\n"


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`presslint check . | head -1`: the reader stops, presslint ends as Unix tools do,
    without a word (128 + SIGPIPE), with one process or a pool."""
    for i in range(400):
        (tmp_path / f"r{i:03}.txt").write_text("Teh text  here, teh end. \n" * 3)
    for jobs in ("1", "2"):
        process = subprocess.Popen([sys.executable, "-m", "presslint", "check", "--no-config", "-j", jobs, "."],
                                   cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # as head does after its line
        err = process.stderr.read()
        assert process.wait(timeout=120) == ExitCode.BROKEN_PIPE == 141
        assert first.startswith(b"r000.txt:1:1: T101") and err == b""


def test_awkward_file_names_in_every_format(tmp_path: Path) -> None:
    """Names with a space, a newline and bytes that are not UTF-8 come through the walk to
    every format: each file checked, no crash. (How each format escapes them: report/.)"""
    folder = tmp_path / "names"
    folder.mkdir()
    for name in (b"with space.txt", b"new\nline.txt", b"caf\xe9.txt"):
        (folder / os.fsdecode(name)).write_bytes(b"Teh text.\n")
    for output_format in FORMATS:
        done = subprocess.run([sys.executable, "-m", "presslint", "check", "--no-config", "--output-format",
                               output_format, "names"], cwd=tmp_path, capture_output=True, check=False)
        assert done.returncode == ExitCode.FINDINGS, (output_format, done.stderr)
        assert b"Traceback" not in done.stderr and b"internal error" not in done.stderr
        summary = done.stdout + done.stderr
        if output_format in ("text", "github"):
            assert b"Found 3 problems in 3 files" in summary
        # SARIF names files by URI: percent-encoded (report/sarif.py), the others as they are.
        parts = (b"with%20space", b"new%0Aline.txt", b"caf%E9.txt") if output_format == "sarif" else (
            b"with space", b"line.txt", b"caf")
        for part in parts:
            assert part in done.stdout, (output_format, part)
        if output_format in ("json", "sarif", "gitlab"):
            assert json.loads(done.stdout.decode("utf-8", "surrogateescape"))
        if output_format == "junit":
            assert len(ElementTree.fromstring(done.stdout).findall("testcase")) == 3


# -- crashes and processes

def test_a_crash_is_one_line_and_exit_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """A bug outside a rule: not 1 ("problems found"), not 2 ("fix your input"), but 3 and
    one line asking for a report; PRESSLINT_TRACEBACK=1 adds the traceback."""
    import presslint.sources

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("a bug")

    monkeypatch.setattr(presslint.sources, "collect", broken)
    (tmp_path / "r.txt").write_text("Sales rose.\n")
    assert main(["check", "--no-config", str(tmp_path)]) == ExitCode.INTERNAL_ERROR == 3
    err = capsys.readouterr().err
    one_line(err, "presslint: error: internal error: RuntimeError: a bug", "please report it",
             "PRESSLINT_TRACEBACK=1")
    monkeypatch.setenv("PRESSLINT_TRACEBACK", "1")
    assert main(["check", "--no-config", str(tmp_path)]) == 3
    assert "Traceback (most recent call last)" in capsys.readouterr().err


def test_a_crash_in_a_rule_exits_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import presslint.engine

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("a rule's bug")

    monkeypatch.setattr(presslint.engine, "check_with_backends", broken)
    (tmp_path / "r.txt").write_text("Sales rose.\n")
    result = CliRunner().invoke(cli, ["check", "--no-config", str(tmp_path / "r.txt")])
    assert result.exit_code == ExitCode.INTERNAL_ERROR
    one_line(result.stderr, "internal error: RuntimeError: a rule's bug")


@pytest.mark.skipif(not POSIX, reason="signals")
def test_a_killed_worker_is_one_line_and_exit_3(tmp_path: Path) -> None:
    """A worker process killed as the out-of-memory killer does (SIGKILL): one line, 3."""
    for i in range(200):
        (tmp_path / f"r{i:03}.txt").write_text("Sales rose.\n")
    script = (
        "import os, signal, sys\n"
        "import presslint.runner as r\n"
        "from presslint.cli import main\n"
        "real = r._check_in_worker\n"
        "def dying(path, which):\n"
        "    if path.name == 'r150.txt':\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "    return real(path, which)\n"
        "r._check_in_worker = dying\n"
        "sys.exit(main(['check', '--no-config', '-j', '2', '.']))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == ExitCode.INTERNAL_ERROR
    one_line(done.stderr, "presslint: error: a worker process ended abruptly", "--jobs 1")


# -- --fix and the user's files

def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".presslint"))


@pytest.mark.skipif(not POSIX, reason="resource limits")
def test_fix_when_the_disk_is_full_leaves_the_file_whole(tmp_path: Path) -> None:
    """The temporary file cannot be written whole (a file-size limit, as a full disk does):
    the file keeps its bytes, no temporary file stays, one line, exit 2."""
    import resource

    path = tmp_path / "r.txt"
    original = FIXABLE * 500
    path.write_bytes(original)

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    done = presslint("--fix", "r.txt", cwd=tmp_path, preexec=small_files)
    assert done.returncode == ExitCode.USER_ERROR
    one_line(done.stderr, "presslint: error: r.txt: cannot write the fixes (File too large)")
    assert path.read_bytes() == original and _leftovers(tmp_path) == []


def _releases(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        (folder / f"r{i:04}.txt").write_bytes(FIXABLE)


def _whole(folder: Path) -> tuple[int, int]:
    """How many files are fixed and how many as they were; fails on any other content."""
    contents = [path.read_bytes() for path in folder.glob("*.txt")]
    assert set(contents) <= {FIXABLE, FIXED}, "a file is neither the original nor fixed"
    return contents.count(FIXED), contents.count(FIXABLE)


def test_two_fix_runs_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    _releases(folder, 300)
    runs = [subprocess.Popen([sys.executable, "-m", "presslint", "check", "--no-config", "--fix", "-j", "1", "."],
                             cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    errors = [run.communicate(timeout=300)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0]  # nothing left to report
    assert all("Traceback" not in err for err in errors)
    # A file the other run fixed first is left alone with a warning, never written twice.
    assert all(line.endswith("the file changed while it was checked; run again")
               for err in errors for line in err.splitlines())
    assert _whole(folder) == (300, 0) and _leftovers(folder) == []


def _interrupted_fix(folder: Path, signum: int, jobs: str, group: bool = True) -> tuple[int, str]:
    """``--fix`` on ``folder`` until a first file is fixed, then ``signum`` to its process
    group (as a terminal's Ctrl-C reaches every process), or to the main process alone;
    no process of the run may be left once it ends."""
    process = subprocess.Popen([sys.executable, "-m", "presslint", "check", "--no-config", "--fix", "-j", jobs, "."],
                               cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if any(path.read_bytes() == FIXED for path in sorted(folder.glob("*.txt"))[:50]):
            break
        time.sleep(0.01)
    if group:
        os.killpg(process.pid, signum)
    else:
        os.kill(process.pid, signum)
    _, err = process.communicate(timeout=60)
    for _ in range(100):  # the workers end with the run, not after it
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("worker processes outlived the run")
    return process.returncode, err


@pytest.mark.skipif(not POSIX, reason="signals")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_during_fix_exits_130_and_leaves_every_file_whole(tmp_path: Path, jobs: str) -> None:
    folder = tmp_path / "releases"
    _releases(folder, 2000)
    started = time.monotonic()
    code, err = _interrupted_fix(folder, signal.SIGINT, jobs)
    assert code == ExitCode.INTERRUPTED and "Traceback" not in err, err
    fixed, untouched = _whole(folder)
    assert fixed >= 1 and untouched >= 1, "interrupted mid-run"
    assert _leftovers(folder) == []
    assert time.monotonic() - started < 120


@pytest.mark.skipif(not POSIX, reason="signals")
def test_sigterm_during_fix_ends_the_workers_too(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    _releases(folder, 2000)
    code, err = _interrupted_fix(folder, signal.SIGTERM, "2", group=False)
    assert code == ExitCode.TERMINATED == 143 and "Traceback" not in err, err
    fixed, untouched = _whole(folder)
    assert fixed >= 1 and untouched >= 1
    assert _leftovers(folder) == []


@pytest.mark.skipif(not POSIX, reason="signals")
def test_sigkill_during_fix_leaves_every_file_whole(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    _releases(folder, 2000)
    code, _ = _interrupted_fix(folder, signal.SIGKILL, "2")
    assert code == -signal.SIGKILL
    fixed, untouched = _whole(folder)
    assert fixed >= 1 and untouched >= 1
    # A later run fixes the rest: every file whole and fixed once.
    done = presslint("--fix", ".", cwd=folder)
    assert done.returncode == ExitCode.OK and _whole(folder) == (2000, 0)


def test_a_later_fix_removes_stale_temporary_files(tmp_path: Path) -> None:
    """What a SIGKILL left (`.NAME.XXXXXXXX.presslint`) goes once ten minutes old, when a
    later --fix writes in that folder; a fresh one (a run going on) and lookalikes stay."""
    from presslint.fix import STALE_AFTER

    (tmp_path / "r.txt").write_bytes(FIXABLE)
    stale, fresh = tmp_path / ".r.txt.ab_c12z9.presslint", tmp_path / ".r.txt.zz99aa11.presslint"
    lookalikes = [tmp_path / ".r.txt.short.presslint", tmp_path / "notes.ab_c12z9.presslint"]
    for path in (stale, fresh, *lookalikes):
        path.write_bytes(b"Sales")
    old = os.stat(fresh).st_mtime - STALE_AFTER - 60
    os.utime(stale, (old, old))
    done = presslint("--fix", "r.txt", cwd=tmp_path)
    assert done.returncode == ExitCode.OK and (tmp_path / "r.txt").read_bytes() == FIXED
    assert _leftovers(tmp_path) == sorted(p.name for p in (fresh, *lookalikes))


# -- the matrix in docs/reliability.md

def test_every_row_of_the_matrix_names_a_test() -> None:
    """Each row of docs/reliability.md names a test that exists, with an exit code that
    ExitCode documents; every test of this file is in a row."""
    page = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    rows = [line for line in page.splitlines() if re.match(r"\| [^-|]", line) and "`test_" in line]
    assert len(rows) >= 30
    codes = {str(int(code)) for code in ExitCode}
    named: set[str] = set()
    for row in rows:
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", row.strip("|"))]
        assert len(cells) == 4, row
        assert set(re.findall(r"\d+", cells[2])) <= codes, row
        for module, test in re.findall(r"`(test_\w+)::(test_\w+)`", cells[3]):
            source = (ROOT / "tests" / f"{module}.py").read_text(encoding="utf-8")
            assert re.search(rf"^def {test}\(", source, re.MULTILINE), f"{module}::{test} does not exist"
            if module == "test_reliability":
                named.add(test)
        assert re.findall(r"`(test_\w+)::(test_\w+)`", cells[3]), row
    mine = set(re.findall(r"^def (test_\w+)\(", Path(__file__).read_text(encoding="utf-8"), re.MULTILINE))
    assert mine - named == {"test_every_row_of_the_matrix_names_a_test"}

