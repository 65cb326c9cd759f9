"""The machine-readable output formats for CI systems: sarif, gitlab, junit and rdjson.

Results come from the real engine on small files; only the whitespace rules W101, W104 and
W106 run, so that work on the other rule families cannot change what these tests see.
"""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from presslint import __version__
from presslint.config import Config
from presslint.diagnostic import Diagnostic, Severity, Span
from presslint.document import LineIndex
from presslint.engine import load_checkers
from presslint.report import FORMATS, get, gitlab, junit, rdjson, sarif
from presslint.results import FileResult
from presslint.runner import check_file
from presslint.selection import select

DATA = Path(__file__).parent / "data"
CHECKERS = [c for c in select(load_checkers(Config()), Config()) if c.rule.code in {"W101", "W104", "W106"}]
RULES = [c.rule for c in CHECKERS]
BY_CODE = {r.code: r for r in RULES}

# W104 at 1:6-8, W101 at 1:14-15, W106 (an error) at 2:10-11 with an insertion at 2:11.
DIRTY = "Hello  world. \nIt rained.Then it stopped.\n"
DIRTY_FIXED = "Hello world.\nIt rained. Then it stopped.\n"
CLEAN = "Hello world.\n"


@pytest.fixture
def checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Write ``text`` to ``name`` under a temporary working directory and check it there,
    so that the result's path is relative, as on a command line in a repository."""
    monkeypatch.chdir(tmp_path)

    def check(name: str, text: str) -> FileResult:
        path = Path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return check_file(name, CHECKERS)

    return check


def render(fmt: str, results: list[FileResult]) -> str:
    out = io.StringIO()
    get(fmt)(out, rules=RULES).report(results)
    return out.getvalue()


def made_result(path: str, text: str, diagnostics: list[Diagnostic]) -> FileResult:
    """A result built by hand, for what the W rules cannot produce (an info finding, a
    control character in a message)."""
    index = LineIndex(text)
    snippets = {}
    for d in diagnostics:
        line = index.position(d.span.start)[0]
        span = index.line_span(line)
        snippets[line] = text[span.start:span.end]
    return FileResult(path, diagnostics, index, snippets)


def offset(text: str, line: int, column: int) -> int:
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return starts[line - 1] + column - 1


def test_the_new_formats_are_registered() -> None:
    for name, reporter in [("sarif", sarif.SarifReporter), ("gitlab", gitlab.GitlabReporter),
                           ("junit", junit.JunitReporter), ("rdjson", rdjson.RdjsonReporter)]:
        assert name in FORMATS
        assert get(name) is reporter


# --- SARIF -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def assert_valid_sarif(validator: jsonschema.Draft4Validator, log: Any) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []


def test_sarif_validates_against_the_official_schema(checked: Any, sarif_validator: Any) -> None:
    results = [checked("docs/a b.txt", DIRTY), checked("clean.txt", CLEAN)]
    log = json.loads(render("sarif", results))
    assert_valid_sarif(sarif_validator, log)
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1 and len(log["runs"][0]["results"]) == 3


def test_the_schema_check_catches_a_broken_log(checked: Any, sarif_validator: Any) -> None:
    # The validation above is worth something only if it fails on a bad log.
    log = json.loads(render("sarif", [checked("a.txt", DIRTY)]))
    del log["runs"][0]["results"][0]["message"]
    log["runs"][0]["results"][1]["level"] = "fatal"
    assert len(list(sarif_validator.iter_errors(log))) == 2


def test_sarif_with_no_findings_is_valid(checked: Any, sarif_validator: Any) -> None:
    for results in ([checked("clean.txt", CLEAN)], []):
        log = json.loads(render("sarif", results))
        assert_valid_sarif(sarif_validator, log)
        run = log["runs"][0]
        assert run["results"] == [] and run["tool"]["driver"]["rules"] == []


def test_sarif_tool_and_rules(checked: Any) -> None:
    run = json.loads(render("sarif", [checked("a.txt", DIRTY)]))["runs"][0]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("presslint", __version__)
    # This checkout's package names no repository (pyproject.toml has no [project.urls]):
    # no link, rather than one to a page that does not exist.
    assert "informationUri" not in driver and all("helpUri" not in r for r in driver["rules"])
    assert run["columnKind"] == "unicodeCodePoints"
    assert [r["id"] for r in driver["rules"]] == ["W101", "W104", "W106"]
    for descriptor in driver["rules"]:
        rule = BY_CODE[descriptor["id"]]
        assert descriptor["name"] == rule.name
        assert descriptor["fullDescription"]["text"] == " ".join(rule.docs.split())
        assert rule.docs.split()[0] in descriptor["shortDescription"]["text"]
        assert descriptor["help"]["text"].startswith(descriptor["fullDescription"]["text"])
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in driver["rules"]}
    assert levels == {"W101": "warning", "W104": "warning", "W106": "error"}


def test_sarif_results_point_at_their_rule_and_region(checked: Any) -> None:
    results = [checked("docs/a b.txt", DIRTY), checked("b.txt", "One  two.\n")]
    run = json.loads(render("sarif", results))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    found = []
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        region = physical["region"]
        found.append((physical["artifactLocation"]["uri"], result["ruleId"], result["level"],
                      result["message"]["text"], region["startLine"], region["startColumn"],
                      region["endLine"], region["endColumn"]))
    assert found == [
        ("docs/a%20b.txt", "W104", "warning", "2 spaces between words", 1, 6, 1, 8),
        ("docs/a%20b.txt", "W101", "warning", "trailing whitespace", 1, 14, 1, 15),
        ("docs/a%20b.txt", "W106", "error", "no space after '.' before 'Then'", 2, 10, 2, 11),
        ("b.txt", "W104", "warning", "2 spaces between words", 1, 4, 1, 6),
    ]


def test_sarif_fixes_applied_give_the_fixed_text(checked: Any) -> None:
    run = json.loads(render("sarif", [checked("a.txt", DIRTY)]))["runs"][0]
    edits = []
    for result in run["results"]:
        (fix,) = result["fixes"]
        assert fix["description"]["text"]
        (change,) = fix["artifactChanges"]
        assert change["artifactLocation"]["uri"] == "a.txt"
        for replacement in change["replacements"]:
            region = replacement["deletedRegion"]
            edits.append((offset(DIRTY, region["startLine"], region["startColumn"]),
                          offset(DIRTY, region["endLine"], region["endColumn"]),
                          replacement["insertedContent"]["text"]))
    text = DIRTY
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    assert text == DIRTY_FIXED


def test_sarif_levels_and_rule_metadata_passed_in(sarif_validator: Any) -> None:
    text = "It rained.  Then it stopped.\n"
    info = Diagnostic("x.txt", Span(10, 12), "W105", "sentence-spacing", Severity.INFO, "2 spaces")
    unknown = Diagnostic("x.txt", Span(0, 2), "X901", "house-rule", Severity.ERROR, "house rule")
    result = made_result("x.txt", text, [unknown, info])
    w105 = next(c.rule for c in load_checkers(Config()) if c.rule.code == "W105")
    # A rule of the user's own pack: the reporter is told about every rule of the run.
    house = replace(w105, code="X901", name="house-rule", severity=Severity.ERROR, docs="A house rule.")
    log = sarif.sarif_log([result], rules=[w105, house])
    assert_valid_sarif(sarif_validator, log)
    run = log["runs"][0]
    assert [r["level"] for r in run["results"]] == ["error", "note"]
    descriptors = {d["id"]: d for d in run["tool"]["driver"]["rules"]}
    assert descriptors["W105"]["defaultConfiguration"]["level"] == "note"
    assert descriptors["W105"]["name"] == "sentence-spacing"
    assert descriptors["X901"]["name"] == "house-rule"
    assert descriptors["X901"]["defaultConfiguration"] == {"level": "error"}
    assert descriptors["X901"]["fullDescription"] == {"text": "A house rule."}


def test_sarif_absolute_paths_become_file_uris(tmp_path: Path) -> None:
    path = tmp_path / "release one.txt"
    path.write_text(DIRTY, encoding="utf-8")
    run = json.loads(render("sarif", [check_file(path, CHECKERS)]))["runs"][0]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == path.as_uri() and uri.startswith("file://") and "%20" in uri


# --- GitLab Code Quality -----------------------------------------------------------------

# What GitLab documents for a Code Quality report (docs.gitlab.com, "Code Quality report
# format"): an array of issues with these required keys; `lines.end` is optional.
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1},
                                       "end": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def test_gitlab_shape_and_values(checked: Any) -> None:
    issues = json.loads(render("gitlab", [checked("docs/a b.txt", DIRTY), checked("c.txt", CLEAN)]))
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("W104", "minor", {"path": "docs/a b.txt", "lines": {"begin": 1, "end": 1}}),
        ("W101", "minor", {"path": "docs/a b.txt", "lines": {"begin": 1, "end": 1}}),
        ("W106", "major", {"path": "docs/a b.txt", "lines": {"begin": 2, "end": 2}}),
    ]
    assert issues[0]["description"] == "W104 2 spaces between words"
    assert json.loads(render("gitlab", [checked("c.txt", CLEAN)])) == []


def test_gitlab_info_severity_and_a_finding_ending_at_a_line_start() -> None:
    text = "Contact: press@example.com\n\n\n"
    # Ends at the start of line 3: the finding covers lines 2 only.
    info = Diagnostic("x.txt", Span(27, 28), "W102", "blank-lines-at-end-of-file", Severity.INFO, "1 empty line")
    (issue,) = gitlab.issues([made_result("x.txt", text, [info])])
    assert issue["severity"] == "info"
    assert issue["location"]["lines"] == {"begin": 2, "end": 2}


def fingerprints(checked: Any, name: str, text: str) -> list[str]:
    return [i["fingerprint"] for i in json.loads(render("gitlab", [checked(name, text)]))]


def test_gitlab_fingerprints_survive_edits_above(checked: Any) -> None:
    before = fingerprints(checked, "a.txt", DIRTY)
    after = fingerprints(checked, "a.txt", "A new first line.\n\nAnd another.\n" + DIRTY)
    assert len(before) == 3 and after == before
    # And they are the same from run to run.
    assert fingerprints(checked, "a.txt", DIRTY) == before


def test_gitlab_fingerprints_are_unique_and_tell_findings_apart(checked: Any) -> None:
    same_lines = fingerprints(checked, "a.txt", "Hello  world.\nHello  world.\nHello  world.\n")
    assert len(set(same_lines)) == 3
    base = fingerprints(checked, "a.txt", "Hello  world.\n")
    assert fingerprints(checked, "b.txt", "Hello  world.\n") != base  # another file
    assert fingerprints(checked, "a.txt", "Hello  there.\n") != base  # the line changed
    # The first of identical findings keeps its fingerprint when a copy is added below.
    assert same_lines[0] == base[0]


# --- JUnit XML --------------------------------------------------------------------------

def test_junit_parses_back(checked: Any) -> None:
    xml = render("junit", [checked("docs/a b.txt", DIRTY), checked("clean.txt", CLEAN)])
    suite = ET.fromstring(xml)
    assert suite.tag == "testsuite"
    assert suite.attrib["name"] == "presslint"
    assert (suite.attrib["tests"], suite.attrib["failures"], suite.attrib["errors"]) == ("2", "1", "0")
    cases = suite.findall("testcase")
    assert [(c.attrib["classname"], c.attrib["name"]) for c in cases] == [
        ("presslint", "docs/a b.txt"), ("presslint", "clean.txt")]
    (failure,) = cases[0].findall("failure")
    assert failure.attrib["message"] == "3 problems"
    assert (failure.text or "").splitlines() == [
        "1:6: W104 2 spaces between words",
        "1:14: W101 trailing whitespace",
        "2:10: W106 no space after '.' before 'Then'",
    ]
    assert list(cases[1]) == []


def test_junit_with_nothing_checked() -> None:
    suite = ET.fromstring(render("junit", []))
    assert (suite.attrib["tests"], suite.attrib["failures"], list(suite)) == ("0", "0", [])


def test_junit_keeps_non_ascii_and_survives_control_characters() -> None:
    text = "Café\x0c  ok\n"
    diagnostics = [Diagnostic("café.txt", Span(4, 5), "W110", "invisible-character", Severity.WARNING,
                              "invisible character '\x0c'"),
                   Diagnostic("café.txt", Span(5, 7), "W104", "doubled-space", Severity.WARNING,
                              "2 spaces after Café")]
    xml = render("junit", [made_result("café.txt", text, diagnostics)])
    assert xml.isascii()
    case = ET.fromstring(xml).find("testcase")
    assert case is not None and case.attrib["name"] == "café.txt"
    failure = case.find("failure")
    assert failure is not None
    assert (failure.text or "").splitlines() == ["1:5: W110 invisible character '\\x0c'",
                                                 "1:6: W104 2 spaces after Café"]
    assert failure.attrib["message"] == "2 problems"


# --- reviewdog rdjson -------------------------------------------------------------------

_POSITION = {"type": "object", "required": ["line", "column"],
             "properties": {"line": {"type": "integer", "minimum": 1},
                            "column": {"type": "integer", "minimum": 1}},
             "additionalProperties": False}
_RANGE = {"type": "object", "required": ["start"], "additionalProperties": False,
          "properties": {"start": _POSITION, "end": _POSITION}}
_SEVERITY = {"enum": ["UNKNOWN_SEVERITY", "ERROR", "WARNING", "INFO"]}
# reviewdog's DiagnosticResult (proto/rdf/reviewdog.proto) as JSON, the parts presslint fills.
RDJSON_SCHEMA = {
    "type": "object",
    "required": ["source", "diagnostics"],
    "additionalProperties": False,
    "properties": {
        "source": {"type": "object", "required": ["name"],
                   "properties": {"name": {"type": "string"}, "url": {"type": "string"}}},
        "severity": _SEVERITY,
        "diagnostics": {"type": "array", "items": {
            "type": "object",
            "required": ["message", "location", "severity", "code"],
            "additionalProperties": False,
            "properties": {
                "message": {"type": "string"},
                "location": {"type": "object", "required": ["path", "range"], "additionalProperties": False,
                             "properties": {"path": {"type": "string"}, "range": _RANGE}},
                "severity": _SEVERITY,
                "code": {"type": "object", "required": ["value"],
                         "properties": {"value": {"type": "string"}, "url": {"type": "string"}}},
                "suggestions": {"type": "array", "items": {
                    "type": "object", "required": ["range", "text"], "additionalProperties": False,
                    "properties": {"range": _RANGE, "text": {"type": "string"}}}},
            },
        }},
    },
}


def test_rdjson_shape_and_values(checked: Any) -> None:
    document = json.loads(render("rdjson", [checked("docs/a b.txt", DIRTY), checked("c.txt", CLEAN)]))
    jsonschema.validate(document, RDJSON_SCHEMA)
    assert document["source"] == {"name": "presslint"}
    assert document["severity"] == "ERROR"  # the gravest finding, W106
    found = [(d["location"]["path"], d["code"]["value"], d["severity"], d["message"],
              d["location"]["range"]) for d in document["diagnostics"]]
    assert found == [
        ("docs/a b.txt", "W104", "WARNING", "2 spaces between words",
         {"start": {"line": 1, "column": 6}, "end": {"line": 1, "column": 8}}),
        ("docs/a b.txt", "W101", "WARNING", "trailing whitespace",
         {"start": {"line": 1, "column": 14}, "end": {"line": 1, "column": 15}}),
        ("docs/a b.txt", "W106", "ERROR", "no space after '.' before 'Then'",
         {"start": {"line": 2, "column": 10}, "end": {"line": 2, "column": 11}}),
    ]
    suggestions = [d["suggestions"] for d in document["diagnostics"]]
    assert suggestions == [
        [{"range": {"start": {"line": 1, "column": 6}, "end": {"line": 1, "column": 8}}, "text": " "}],
        [{"range": {"start": {"line": 1, "column": 14}, "end": {"line": 1, "column": 15}}, "text": ""}],
        [{"range": {"start": {"line": 2, "column": 11}, "end": {"line": 2, "column": 11}}, "text": " "}],
    ]


def test_rdjson_columns_count_utf8_bytes(checked: Any) -> None:
    # 'é' is 2 bytes and '𐐀' 4: code-point column 5 is byte column 6, 11 is 15.
    document = json.loads(render("rdjson", [checked("a.txt", "Café  ok 𐐀  done.\n")]))
    ranges = [d["location"]["range"] for d in document["diagnostics"]]
    assert ranges == [
        {"start": {"line": 1, "column": 6}, "end": {"line": 1, "column": 8}},
        {"start": {"line": 1, "column": 15}, "end": {"line": 1, "column": 17}},
    ]


def test_rdjson_without_findings(checked: Any) -> None:
    document = json.loads(render("rdjson", [checked("c.txt", CLEAN)]))
    jsonschema.validate(document, RDJSON_SCHEMA)
    assert document["diagnostics"] == [] and "severity" not in document


def test_rdjson_info_severity() -> None:
    info = Diagnostic("x.txt", Span(10, 12), "W105", "sentence-spacing", Severity.INFO, "2 spaces")
    document = rdjson.diagnostic_result([made_result("x.txt", "It rained.  Then.\n", [info])])
    assert document["severity"] == "INFO" and document["diagnostics"][0]["severity"] == "INFO"
    assert "suggestions" not in document["diagnostics"][0]


def test_machine_formats_ignore_statistics_and_quiet(checked: Any) -> None:
    results = [checked("a.txt", DIRTY)]
    # Every format that builds one document for the run (the machine formats; a new one too).
    for fmt in (name for name, spec in FORMATS.items() if not spec.streaming):
        out = io.StringIO()
        get(fmt)(out, statistics=True, quiet=True, color=True, rules=RULES).report(results)
        assert out.getvalue() == render(fmt, results)


@pytest.mark.parametrize("value", [
    None, True, False, 0, -7, 10**30, 2.5, "", 'a\nb\t"q" \\ \x00\x1f\u2028 é 😀', [], {}, (1, "t"), {1: "int key"},
    [1, [2, {}], {"a": []}], {"path": "x.md", "fix": {"safe": True, "edits": [{"line": 1, "replacement": " "}]},
                              "empty": [[], {}], "nothing": None}])
@pytest.mark.parametrize("pad", ["", "  ", "    "])
def test_the_json_format_indents_as_json_dumps_does(value: Any, pad: str) -> None:
    from presslint.report.json import indented

    assert indented(value, pad) == json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + pad)


def test_sarif_and_rdjson_link_the_repository_the_package_names(checked: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a Repository project URL, SARIF links it and each rule's section of
    docs/rules at this version's tag; rdjson names it as its source."""
    from presslint.report import links

    monkeypatch.setattr(links, "repository", lambda: "https://example.org/presslint")
    driver = json.loads(render("sarif", [checked("a.txt", DIRTY)]))["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://example.org/presslint"
    w101 = next(r for r in driver["rules"] if r["id"] == "W101")
    assert w101["helpUri"] == (f"https://example.org/presslint/blob/v{__version__}/docs/rules/W.md"
                               "#w101-trailing-whitespace")
    docs = (Path(__file__).parents[1] / "docs" / "rules" / "W.md").read_text(encoding="utf-8")
    assert "## W101 trailing-whitespace" in docs  # the heading GitHub makes the anchor from
    document = json.loads(render("rdjson", [checked("a.txt", DIRTY)]))
    assert document["source"] == {"name": "presslint", "url": "https://example.org/presslint"}
