"""Property-based tests (Hypothesis): whatever the text, the bytes or the file name, with
every rule selected, in plain text, Markdown and HTML,

- checking never raises, and every finding and edit lies inside the document, in order;
- every output format parses as its consumer reads it (JSON and its documented shape, SARIF
  against its schema, JUnit as XML with one entry per finding, GitHub workflow commands one
  line each, rdjson, GitLab), and the text format prints one line per finding;
- fixing is idempotent and changes nothing outside the reported spans.

The profiles are in tests/conftest.py: a bounded, reproducible one by default (CI), and
``--hypothesis-profile long`` for thousands of random examples. A failure found here becomes
a named test in tests/test_fuzz_regressions.py with its smallest example.
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

import jsonschema
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import presslint
from presslint.cli import cli
from presslint.config import Config
from presslint.decoding import BinaryFileError, Decoded, decode
from presslint.diagnostic import Diagnostic, Edit
from presslint.document import Document
from presslint.engine import check_document, result_of
from presslint.fix import FixMode, choose, encode, fixed_text, stored_text
from presslint.report import FORMATS, encodable, get, printable
from presslint.results import FileResult
from presslint.runner import check_file

from .test_report_formats import DATA, GITLAB_SCHEMA, RDJSON_SCHEMA

ALL = Config(select=("ALL",))
CHECKERS = presslint._checkers(ALL)
RULES = [c.rule for c in CHECKERS]
SYNTAXES = [".txt", ".md", ".html"]

# What press releases are made of, what the rules look for, and what breaks parsers: mixed
# with arbitrary text, so that the rules get past their first test on most examples.
FRAGMENTS = [
    # words and sentences
    "The", "the", "Teh", "recieve", "its", "it's", "a", "an", "company", "announced", "today", "Inc.",
    "U.S.", "CEO", "Acme", "percent", "%", "$5 million", "FOR IMMEDIATE RELEASE", "###", "-30-",
    "Contact:", "press@example.com", "https://example.com/a_b?c=d", "NEW YORK, March 18, 2024 /PRNewswire/ --",
    ".", ",", ";", ":", "!", "?", "...", "…", "—", "–", "-", "'", '"', "’", "“", "”", "(", ")",
    # dates
    "March 18, 2024", "Monday, March 18, 2024", "March\n18, 2024", "Tuesday,\nMarch 18,\n2024",
    "February 30, 2024", "9999-12-31", "December 31, 9999", "January 1, 0001", "31/12/9999", "Q4 2024",
    "2024-2025", "Mon.", "Sept. 31",
    # whitespace and line breaks
    " ", "  ", "\t", "\n", "\n\n\n", " \n", "\r\n", "\r", "\r\r\n", "\u00a0", "\u2009", "\u3000",
    "\f", "\v", "\x85", "\u2028", "\u2029",
    # invisible, combining, bidirectional, control, odd code points
    "\ufeff", "\u200b", "\u200d", "\u00ad", "\u0301", "e\u0301", "\u202e", "\u200f", "\u2066", "\x00", "\x1b[31m",
    "\x7f", "\x9b", "\U0010ffff", "\U0001f600", "\udcff", "\ud800", "\udc80", "\ufffd", "Ã©", "â€™",
    # entities
    "&copy;", "&copyright;", "&amp", "&amp;", "&#0;", "&#x110000;", "&#55296;", "&nbsp;", "&", ";",
    # suppressions
    "<!-- presslint-disable W101 -->", "<!-- presslint-enable -->", "<!-- presslint-disable-next-line -->",
    "<!-- presslint-disable-line ALL -->", "<!-- presslint-disable", "<!--", "-->",
    # Markdown
    "# ", "## Heading\n", "`", "```\n", "~~~\n", "](", "![", "[a](b)", "<http://x>", "* ", "1. ", "> ",
    "|a|b|\n|-|-|\n", "---\n", "\\", "*", "_", "    code\n",
    # HTML
    "<p>", "</p>", "<b>", "<a href='x'>", "</a>", "</", "<?", "?>", "<!", "<![", "<![CDATA[", "]]>", "<script>",
    "</script>", "<style>", "<pre>", "</pre>", "<br/>", "&lt;", "<!DOCTYPE html>", "<", ">", "=",
]

texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8),
              st.text(alphabet="abcdefgh ABC.,\n", max_size=12)),
    max_size=30,
).map("".join)
# Documents as lines: what the whitespace, blank-line and line-ending rules and their fixes
# look at (trailing blanks, blank runs, mixed CRLF, LF and CR), with text between.
_WORDS = [f for f in FRAGMENTS if "\n" not in f and "\r" not in f]
_LINE_BREAKS = ["\n", "\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\n \n", "\u2028", "\x85", "\f"]
lines = st.lists(
    st.tuples(st.lists(st.sampled_from(_WORDS) | st.sampled_from([" ", "  ", "\t", " \t ", "\u00a0", "\u3000"]),
                       max_size=8).map("".join), st.sampled_from(_LINE_BREAKS)),
    max_size=14,
).map(lambda parts: "".join(line + brk for line, brk in parts))
documents = texts | lines

# File names: what a folder walk can give (spaces, newlines, control characters, bytes
# that are not UTF-8 as surrogate escapes), with one of the three syntaxes.
names = st.builds(
    lambda stem, ext: stem + ext,
    st.one_of(st.just("release"), st.lists(st.sampled_from(
        [*"ab /.:,%=", "\n", "\r", "\t", "\x1b", "\x00", "\udcff", "\udc80", "é", "\u202e", "::", "%0A"]),
        min_size=1, max_size=10).map("".join)),
    st.sampled_from(SYNTAXES),
)


def document(text: str, path: str) -> Document:
    """The document check_text builds."""
    return Document.from_decoded(path, Decoded(text, "utf-8", bom=False))


# --- checking ----------------------------------------------------------------------------


def assert_inside_and_ordered(diagnostics: Sequence[Diagnostic], doc: Document) -> None:
    size = len(doc.text)
    for d in diagnostics:
        assert d.path == doc.path
        assert 0 <= d.span.start <= d.span.end <= size, (d, size)
        for edit in d.fix.edits if d.fix else ():
            assert 0 <= edit.span.start <= edit.span.end <= size, (d, edit, size)
    keys = [d.sort_key for d in diagnostics]
    assert keys == sorted(keys)


@given(documents, st.sampled_from(SYNTAXES))
def test_check_text_never_raises_and_spans_fit(text: str, syntax: str) -> None:
    path = "release" + syntax
    diagnostics = presslint.check_text(text, path, config=ALL)
    assert_inside_and_ordered(diagnostics, document(text, path))


@given(st.binary(max_size=300) | texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
       st.sampled_from(SYNTAXES))
def test_any_bytes_are_checked_or_skipped(data: bytes, syntax: str) -> None:
    """The command line's path: bytes decoded (or refused as binary), then checked."""
    path = "release" + syntax
    result = check_file(path, CHECKERS, data=data)
    assert result.error is None, result.error
    try:
        decoded = decode(data)
    except BinaryFileError as exc:
        assert result.not_text == exc.what and not result.diagnostics
        return
    assert_inside_and_ordered(result.diagnostics, Document.from_decoded(path, decoded))


# --- output formats ----------------------------------------------------------------------


def render(fmt: str, results: list[FileResult], **options: Any) -> str:
    out = io.StringIO()
    get(fmt)(out, rules=RULES, **options).report(results)
    text = out.getvalue()
    # Any output can be written to a UTF-8 stream (a file, a pipe, a terminal): no lone
    # surrogate (a file name's undecodable byte, a surrogate in the text) reaches it.
    text.encode("utf-8")
    return text


JSON_KEYS = {"path", "line", "column", "end_line", "end_column", "code", "rule", "severity", "message", "fix"}


def assert_json_shape(found: Any, diagnostics: Sequence[Diagnostic]) -> None:
    """docs/json-format.md: one object per finding, exactly these keys and types."""
    assert isinstance(found, list) and len(found) == len(diagnostics)
    for item, d in zip(found, diagnostics, strict=True):
        assert set(item) == JSON_KEYS
        assert (item["path"], item["code"], item["rule"], item["message"]) == (d.path, d.code, d.rule, d.message)
        assert item["severity"] in {"error", "warning", "info"}
        for key in ("line", "column", "end_line", "end_column"):
            assert isinstance(item[key], int) and item[key] >= 1
        assert (item["line"], item["column"]) <= (item["end_line"], item["end_column"])
        fix = item["fix"]
        if fix is not None:
            assert set(fix) == {"message", "safe", "edits"} and isinstance(fix["safe"], bool)
            for edit in fix["edits"]:
                assert set(edit) == {"line", "column", "end_line", "end_column", "replacement"}
                assert isinstance(edit["replacement"], str)


_COMMAND = re.compile(r"::(error|warning|notice) ([^:]*)::(.*)")
_UNESCAPE = {"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}


def unescape(value: str) -> str:
    """As the Actions runner reads a command (ActionCommand.Unescape)."""
    return re.sub("%25|%0D|%0A|%3A|%2C", lambda m: _UNESCAPE[m.group()], value)


def assert_github_commands(output: str, diagnostics: Sequence[Diagnostic]) -> None:
    # The runner reads its output line by line, a line ending at \n or \r; other readers of
    # a log end lines at more (NEL, U+2028, form feed): one finding is one line for all.
    lines = output.splitlines()
    assert len(lines) == len(diagnostics), lines
    for line, d in zip(lines, diagnostics, strict=True):
        match = _COMMAND.fullmatch(line)
        assert match, line
        properties = dict(item.split("=", 1) for item in match.group(2).split(","))
        assert set(properties) == {"file", "line", "col", "endLine", "endColumn", "title"}
        assert unescape(properties["title"]) == f"{d.code} {d.rule}"
        assert all(properties[key].isdigit() for key in ("line", "col", "endLine", "endColumn"))
        # Exact, but for lone surrogates (a name's bytes that are not UTF-8), shown as \xNN.
        assert unescape(match.group(3)) == shown_by_github(d.message)
        assert unescape(properties["file"]) == shown_by_github(d.path)


def shown_by_github(value: str) -> str:
    """Exact, but for lone surrogates (a name's bytes that are not UTF-8) and what a reader
    may take for a line's end, shown as printable() shows them."""
    return "".join(printable(ch) if ch in "\v\f\x1c\x1d\x1e\x85\u2028\u2029" else encodable(ch) for ch in value)


def assert_text_lines(output: str, diagnostics: Sequence[Diagnostic], quiet: bool) -> None:
    lines = output.split("\n")
    assert lines.pop() == ""
    per_finding = 1 if quiet else 3
    if not quiet:
        lines = lines[: len(diagnostics) * per_finding]
    assert len(lines) == len(diagnostics) * per_finding, lines
    for i, d in enumerate(diagnostics):
        header = lines[i * per_finding]
        assert header.isprintable(), header
        assert re.fullmatch(rf".*:\d+:\d+: {d.code} .*", header), header
        for line in lines[i * per_finding + 1:(i + 1) * per_finding]:
            assert line.isprintable() and line.startswith("  "), line


# Not a fixture: Hypothesis would print the whole schema with each failing example.
SARIF = jsonschema.Draft4Validator(json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")))
# Built once: jsonschema.validate checks the schema itself on every call (a tenth of a second).
RDJSON = jsonschema.validators.validator_for(RDJSON_SCHEMA)(RDJSON_SCHEMA)
GITLAB = jsonschema.validators.validator_for(GITLAB_SCHEMA)(GITLAB_SCHEMA)


@given(documents, names)
def test_every_output_format_parses(text: str, path: str) -> None:
    doc = document(text, path)
    result = result_of(doc, CHECKERS)
    assert result.error is None, result.error
    diagnostics = result.diagnostics
    results = [result]

    assert_json_shape(json.loads(render("json", results)), diagnostics)

    errors = [f"{list(e.absolute_path)}: {e.message}" for e in SARIF.iter_errors(
        json.loads(render("sarif", results)))]
    assert errors == []

    suite = ET.fromstring(render("junit", results))
    (case,) = suite.iter("testcase")
    failures = list(case.iter("failure"))
    if diagnostics:
        (failure,) = failures
        assert len((failure.text or "").split("\n")) == len(diagnostics)
    else:
        assert failures == []

    assert_github_commands(render("github", results), diagnostics)

    document_ = json.loads(render("rdjson", results))
    RDJSON.validate(document_)
    assert len(document_["diagnostics"]) == len(diagnostics)

    issues = json.loads(render("gitlab", results))
    GITLAB.validate(issues)
    assert len({issue["fingerprint"] for issue in issues}) == len(diagnostics)

    assert_text_lines(render("text", results, quiet=True), diagnostics, quiet=True)
    assert_text_lines(render("text", results), diagnostics, quiet=False)


def test_the_properties_cover_every_format() -> None:
    # A format added later must be added to test_every_output_format_parses too.
    assert set(FORMATS) == {"text", "json", "sarif", "junit", "github", "rdjson", "gitlab"}


# --- fixes -------------------------------------------------------------------------------


def applied_in_text(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` (offsets into ``text``) applied."""
    parts, position = [], 0
    for edit in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
        assert edit.span.start >= position, "the chosen fixes overlap"
        # A line break in a replacement is one "\n" in a document's text, whatever it is stored as.
        parts += [text[position:edit.span.start], edit.replacement.replace("\r\n", "\n").replace("\r", "\n")]
        position = edit.span.end
    return "".join(parts) + text[position:]


def fixed(data: bytes, path: str, unsafe: bool) -> bytes | None:
    """What ``presslint check --fix -`` prints for ``data`` (None: refused as binary)."""
    result = check_file(path, CHECKERS, data=data, fix=FixMode("stdout", unsafe))
    assert result.error is None, result.error
    if result.output is None:
        assert result.not_text
        return None
    return result.output.encode("utf-8", "surrogatepass")


@given(documents, st.sampled_from(SYNTAXES), st.booleans())
def test_one_pass_of_fixes_changes_only_the_reported_spans(text: str, syntax: str, unsafe: bool) -> None:
    """Each pass: the file's text with the chosen edits applied (in the stored text, line
    breaks and all) reads back as the document's text with the same edits applied."""
    doc = document(text, "release" + syntax)
    for _ in range(3):
        fixes = choose(check_document(doc, CHECKERS), unsafe)
        if not fixes:
            return
        edits = [edit for fix in fixes for edit in fix.edits]
        expected = applied_in_text(doc.text, edits)
        after = fixed_text(doc, fixes)
        source = doc.source
        doc = Document.from_decoded(doc.path, Decoded(after, source.encoding, source.bom))
        assert doc.text == expected
        assert stored_text(doc) == after


@given(documents, st.sampled_from(SYNTAXES), st.booleans())
def test_fixing_twice_changes_nothing_more(text: str, syntax: str, unsafe: bool) -> None:
    path = "release" + syntax
    once = fixed(text.encode("utf-8", "surrogatepass"), path, unsafe)
    if once is None:
        return
    assert fixed(once, path, unsafe) == once


# --- the command line --------------------------------------------------------------------

# A run of the command costs a tenth of a second: a third of the profile's examples.
_CLI = settings(max_examples=max(10, settings().max_examples // 3))


@_CLI
@given(st.binary(max_size=200) | texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
       st.sampled_from(SYNTAXES), st.sampled_from(sorted(FORMATS)))
def test_the_command_reads_any_bytes_from_standard_input(data: bytes, syntax: str, fmt: str) -> None:
    run = CliRunner().invoke(cli, ["check", "--no-config", "--select", "ALL", "--output-format", fmt,
                                   "--stdin-filename", "release" + syntax, "-"], input=data)
    assert run.exception is None or isinstance(run.exception, SystemExit), run.exception
    # 2: the bytes are not text (standard input is named, so that is an error, one line).
    assert run.exit_code in (0, 1) or (run.exit_code == 2 and ": cannot check " in run.stderr), run.stderr
    assert b"Traceback" not in run.stderr_bytes


@_CLI
@given(st.binary(max_size=200) | texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
       st.sampled_from(SYNTAXES))
def test_fix_on_standard_input_gives_the_text_back(data: bytes, syntax: str) -> None:
    """``presslint check --fix - < a > b``: b is the text, fixed or exactly as it came."""
    run = CliRunner().invoke(cli, ["check", "--no-config", "--select", "ALL", "--fix",
                                   "--stdin-filename", "release" + syntax, "-"], input=data)
    assert run.exception is None or isinstance(run.exception, SystemExit), run.exception
    assert run.exit_code in (0, 1) or (run.exit_code == 2 and ("not fixed: " in run.stderr
                                                               or ": cannot check " in run.stderr)), run.stderr
    if not re.search(r"\b[Ff]ixed \d", run.stderr):  # the summary: "Fixed 2 problems, ..."
        assert run.stdout_bytes == data
        return
    # Fixed: the bytes --fix would write to a file holding ``data`` (its encoding and BOM),
    # or, if that encoding cannot store a fix, the bytes read and an error.
    doc = Document.from_decoded("-", decode(data))
    text = fixed(data, "release" + syntax, unsafe=False)
    assert text is not None
    try:
        assert run.stdout_bytes == encode(text.decode("utf-8", "surrogatepass"), doc)
    except UnicodeEncodeError:
        assert run.stdout_bytes == data and run.exit_code == 2
