"""File names and messages in every output format: one finding is one line of text output
(one JUnit entry, one workflow command) whatever the name or the message holds; no escape
sequence reaches a terminal; names with newlines, spaces and bytes that are not UTF-8 come
out in each format, from a real run writing to strict UTF-8 streams.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import presslint
from presslint.config import Config
from presslint.decoding import Decoded
from presslint.document import Document
from presslint.engine import result_of
from presslint.report import encodable, get, printable
from presslint.results import FileResult

ALL = Config(select=("ALL",))
# D101's message quotes the date as written: over two lines here.
SPLIT_DATE = "It closed on February\n30, 2024.\n"


def result(text: str, path: str, code: str | None = None) -> FileResult:
    """The result of checking ``text`` with every rule (or only rule ``code``)."""
    doc = Document.from_decoded(path, Decoded(text, "utf-8", bom=False))
    checkers = [c for c in presslint._checkers(ALL) if code in (None, c.rule.code)]
    return result_of(doc, checkers)


def render(fmt: str, results: list[FileResult], **options: bool) -> str:
    out = io.StringIO()
    get(fmt)(out, rules=[c.rule for c in presslint._checkers(ALL)], **options).report(results)
    return out.getvalue()


def test_printable_escapes_what_a_terminal_would_act_on() -> None:
    assert printable("plain text, ünïcode — “quotes”") == "plain text, ünïcode — “quotes”"
    assert printable("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert printable("one\ntwo\rthree\tfour") == "one\\ntwo\\rthree\\tfour"
    assert printable("evil\u202egnp.txt") == "evil\\u202egnp.txt"  # a bidirectional override
    assert printable("\x00\x7f\x9b\u2028") == "\\x00\\x7f\\x9b\\u2028"
    # os.fsdecode's escape of the byte 0xff; a surrogate that is not one stays a surrogate escape.
    assert printable("a\udcffb") == "a\\xffb"
    assert printable("\ud800") == "\\ud800"
    assert printable("C:\\docs\\a b.txt") == "C:\\docs\\a b.txt"  # backslashes and spaces as they are


def test_encodable_changes_only_lone_surrogates() -> None:
    assert encodable("a\nb\x1b") == "a\nb\x1b"
    assert encodable("a\udcffb\ud800") == "a\\xffb\\ud800"


def test_a_date_message_over_two_lines_prints_as_one_line() -> None:
    found = result(SPLIT_DATE, "release.txt")
    (d101,) = [d for d in found.diagnostics if d.code == "D101"]
    assert "\n" in d101.message  # the date as written, line break and all
    header = "release.txt:1:14: D101 'February\\n30, 2024' is not a date: February has 29 days"
    quiet = render("text", [found], quiet=True).splitlines()
    assert len(quiet) == len(found.diagnostics) and header in quiet
    lines = render("text", [found]).splitlines()
    at = lines.index(header)
    assert lines[at + 1] == "  It closed on February"
    assert lines[at + 2] == "               " + "^" * len("February")


def test_a_date_message_over_two_lines_is_one_junit_entry() -> None:
    found = result(SPLIT_DATE, "release.txt")
    suite = ET.fromstring(render("junit", [found]))
    (failure,) = suite.iter("failure")
    entries = (failure.text or "").split("\n")
    assert len(entries) == len(found.diagnostics)
    assert "1:14: D101 'February\\n30, 2024' is not a date: February has 29 days" in entries


def test_a_file_name_cannot_forge_lines_or_colour_the_terminal() -> None:
    name = "a\nrelease.txt:9:9: W101 forged\x1b[31m.txt"
    found = result("Hello  world.\n", name, "W104")
    out = render("text", [found])
    assert "\x1b" not in out
    assert out.splitlines()[0] == "a\\nrelease.txt:9:9: W101 forged\\x1b[31m.txt:1:6: W104 2 spaces between words"
    assert len(out.splitlines()) == 3 + 2  # the finding's three lines, the summary's two


def test_a_message_with_control_characters_is_escaped_in_text_and_exact_in_json() -> None:
    from dataclasses import replace

    found = result("Hello  world.\n", "release.txt", "W104")
    found.diagnostics = [replace(d, message="a pack's \x1b]0;title\x07 message\nsecond line")
                         for d in found.diagnostics]
    (line,) = render("text", [found], quiet=True).splitlines()
    assert line == "release.txt:1:6: W104 a pack's \\x1b]0;title\\x07 message\\nsecond line"
    (item,) = json.loads(render("json", [found]))
    assert item["message"] == "a pack's \x1b]0;title\x07 message\nsecond line"
    (command,) = render("github", [found]).splitlines()
    assert command.endswith("::a pack's \x1b]0;title\x07 message%0Asecond line")


# -- a real run over a folder of awkward names, every format, strict UTF-8 streams ---------

NAMES = {
    "with space.txt": "with space.txt",
    "new\nline.txt": "new\\nline.txt",
    os.fsdecode(b"latin\xe9.txt"): "latin\\xe9.txt",  # not UTF-8: a surrogate escape
}


@pytest.fixture(scope="module")
def awkward_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[bytes]]:
    if sys.platform == "darwin":
        pytest.skip("macOS file systems refuse names that are not UTF-8")
    folder = tmp_path_factory.mktemp("names")
    for name in NAMES:
        (folder / "in" / name).parent.mkdir(exist_ok=True)
        (folder / "in" / name).write_bytes(SPLIT_DATE.encode() + b"Hello  world.\n")
    reports = [f"--output-file={fmt}:{folder / fmt}" for fmt in ("json", "github", "sarif", "junit", "gitlab",
                                                                  "rdjson")]
    # Strict UTF-8 on every stream: a lone surrogate written anywhere would be a traceback.
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "PYTHONUTF8": "0", "LC_ALL": "C.UTF-8"}
    run = subprocess.run([sys.executable, "-m", "presslint", "check", "--no-config", "--select", "D101,W104",
                          *reports, "in"], cwd=folder, env=env, capture_output=True, check=False)
    return folder, run


def test_awkward_names_in_text_output(awkward_run: tuple[Path, subprocess.CompletedProcess[bytes]]) -> None:
    _, run = awkward_run
    assert run.returncode == 1, run.stderr
    assert b"Traceback" not in run.stderr
    text = run.stdout.decode("utf-8")
    headers = [line for line in text.splitlines() if ": D101 " in line or ": W104 " in line]
    assert len(headers) == 2 * len(NAMES)
    for shown in NAMES.values():
        assert f"in/{shown}:1:14: D101 'February\\n30, 2024' is not a date: February has 29 days" in headers
        assert f"in/{shown}:3:6: W104 2 spaces between words" in headers


def test_awkward_names_in_every_machine_format(awkward_run: tuple[Path, subprocess.CompletedProcess[bytes]]) -> None:
    folder, run = awkward_run
    assert run.returncode == 1, run.stderr
    paths = {f"in/{name}" for name in NAMES}
    # The JSON formats keep the name exactly (a byte that is not UTF-8 as a \udcXX escape).
    assert {item["path"] for item in json.loads((folder / "json").read_text("utf-8"))} == paths
    assert {i["location"]["path"] for i in json.loads((folder / "gitlab").read_text("utf-8"))} == paths
    rdjson = json.loads((folder / "rdjson").read_text("utf-8"))
    assert {d["location"]["path"] for d in rdjson["diagnostics"]} == paths
    # SARIF: URIs, percent-encoding the name's own bytes.
    sarif = json.loads((folder / "sarif").read_text("utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert uris == {"in/with%20space.txt", "in/new%0Aline.txt", "in/latin%E9.txt"}
    # JUnit: one test case per file, one entry per finding.
    suite = ET.fromstring((folder / "junit").read_bytes())
    assert {case.get("name") for case in suite.iter("testcase")} == {
        "in/with space.txt", "in/new\nline.txt", "in/latin\\udce9.txt"}
    assert all(len((f.text or "").split("\n")) == 2 for f in suite.iter("failure"))
    # GitHub: one command per finding; the newline escaped as the runner unescapes it.
    commands = (folder / "github").read_text("utf-8").splitlines()
    assert len(commands) == 2 * len(NAMES)
    files = {command.split("file=")[1].split(",")[0] for command in commands}
    assert files == {"in/with space.txt", "in/new%0Aline.txt", "in/latin\\xe9.txt"}


def test_a_warning_naming_a_file_is_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from presslint.cli import cli

    (tmp_path / "bin\nary\x1b[2J.txt").write_bytes(b"\x00\x01\x02binary")
    run = CliRunner().invoke(cli, ["check", "--no-config", str(tmp_path)])
    (warning,) = [line for line in run.stderr.splitlines() if "warning" in line]
    assert warning.startswith(f"presslint: warning: {tmp_path}/bin\\nary\\x1b[2J.txt: skipped")
    assert "\x1b" not in run.stderr


def test_a_diff_header_quotes_and_escapes_a_name_that_is_not_printable(tmp_path: Path) -> None:
    path = tmp_path / "evil\n+++ forged\x1b[31m.txt"
    path.write_text("Trailing space. \n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "presslint", "check", "--no-config", "--no-cache", "--diff",
                           str(path)], capture_output=True, cwd=tmp_path)
    lines = done.stdout.decode("utf-8").splitlines()
    headers = [line for line in lines if line.startswith(("---", "+++"))]
    assert len(headers) == 2 and b"\x1b" not in done.stdout
    assert headers[0] == f'--- "a/{tmp_path}/evil\\n+++ forged\\x1b[31m.txt"'
    # A plain name is written as it is.
    plain = tmp_path / "plain.txt"
    plain.write_text("Trailing space. \n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "presslint", "check", "--no-config", "--no-cache", "--diff",
                           "plain.txt"], capture_output=True, cwd=tmp_path, text=True)
    assert "--- a/plain.txt\n+++ b/plain.txt\n" in done.stdout
