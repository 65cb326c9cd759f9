"""Failures the properties of tests/test_fuzz.py found, each with its smallest example, so
that they stay fixed whatever the fuzzer's next examples are."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import presslint
from presslint.config import Config
from presslint.decoding import Decoded
from presslint.document import Document
from presslint.engine import result_of
from presslint.report import get
from presslint.results import FileResult

ALL = Config(select=("ALL",))


def result(text: str, path: str = "release.txt", code: str = "D101") -> FileResult:
    doc = Document.from_decoded(path, Decoded(text, "utf-8", bom=False))
    return result_of(doc, [c for c in presslint._checkers(ALL) if c.rule.code == code])


def render(fmt: str, found: FileResult, **options: bool) -> str:
    out = io.StringIO()
    get(fmt)(out, rules=[c.rule for c in presslint._checkers(ALL)], **options).report([found])
    return out.getvalue()


def test_github_a_form_feed_in_a_message_ends_no_line() -> None:
    # D101 quotes the date as written: "February\f30, 2024" (\s between the month and the
    # day). The form feed went out raw and str.splitlines read two lines, the second no
    # workflow command. NEL and U+2028 likewise.
    for space in "\f\x85\u2028":
        found = result(f"It closed on February{space}30, 2024.\n")
        (command,) = render("github", found).splitlines()
        assert command.startswith("::error file=release.txt,line=1,col=14,")
        assert command.endswith(f"::'February{space.encode('unicode_escape').decode()}30, 2024' is not a date: "
                                "February has 29 days")


def test_text_a_date_over_two_lines_is_one_finding_line() -> None:
    found = result("It closed on February\n30, 2024.\n")
    assert render("text", found, quiet=True) == (
        "release.txt:1:14: D101 'February\\n30, 2024' is not a date: February has 29 days\n")


def test_junit_a_date_over_two_lines_is_one_entry() -> None:
    found = result("It closed on February\r\n30, 2024.\r\n")
    (failure,) = ET.fromstring(render("junit", found)).iter("failure")
    assert failure.text == "1:14: D101 'February\\n30, 2024' is not a date: February has 29 days"


def test_sarif_a_file_name_that_is_not_utf8() -> None:
    # os.fsdecode(b"\xff.txt"): quote() raised UnicodeEncodeError on the surrogate.
    found = result("Hello  world.\n", path="\udcff.txt", code="W104")
    (entry,) = json.loads(render("sarif", found))["runs"][0]["results"]
    assert entry["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "%FF.txt"


def test_json_a_file_name_that_is_not_utf8_writes_to_a_utf8_stream() -> None:
    # The surrogate went out raw: a strict UTF-8 stream (a file, PYTHONIOENCODING=utf-8)
    # raised UnicodeEncodeError mid-report.
    found = result("Hello  world.\n", path="\udcff.txt", code="W104")
    output = render("json", found)
    output.encode("utf-8")
    assert '"path": "\\udcff.txt"' in output
    assert json.loads(output)[0]["path"] == "\udcff.txt"


def test_text_and_github_a_file_name_that_is_not_utf8() -> None:
    found = result("Hello  world.\n", path="\udcff.txt", code="W104")
    assert render("text", found, quiet=True).startswith("\\xff.txt:1:6: W104 ")
    assert render("github", found).startswith("::warning file=\\xff.txt,line=1,")


def test_fix_on_standard_input_keeps_the_encoding_it_came_in() -> None:
    # Windows-1252 in, UTF-8 out: the fixed text was written in standard output's encoding,
    # where --fix on the same file keeps Windows-1252.
    from click.testing import CliRunner

    from presslint.cli import cli

    data = "Café  ok and more words here.\n".encode("cp1252")
    run = CliRunner().invoke(cli, ["check", "--no-config", "--fix", "-"], input=data)
    assert run.stdout_bytes == "Café ok and more words here.\n".encode("cp1252")
    # A fix the encoding cannot store (中 is not Windows-1252): the bytes read, and an error.
    data = "Café  ok &#x4e2d; and more words here.\n".encode("cp1252")
    run = CliRunner().invoke(cli, ["check", "--no-config", "--fix", "-"], input=data)
    assert run.stdout_bytes == data and run.exit_code == 2
    assert "-: not fixed: a fix needs a character the input's encoding cannot store" in run.stderr


def test_html_a_marked_section_with_no_name() -> None:
    # html.parser (_markupbase) raised AssertionError("expected name token at '<![\\n'") out
    # of check_text; found by the long profile. "<![" and what follows is text to the end
    # when no ">" closes it, and a bogus comment up to its ">" when one does.
    from presslint.html_prose import read

    assert presslint.check_text("<![\n", "release.html", config=ALL) == []
    assert read("<![\n").hidden == []
    text = "a\n<![-x\ny> Teh text."
    (hidden,) = read(text).hidden
    assert text[hidden.start:hidden.end] == "<![-x\ny>"
