"""CI control: --fail-on, severity: overrides, --output-file, the github format's summary, the
fixable counts in the summary and "safe" in JSON fixes."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from .test_cli import invoke

# W104 doubled-space (warning), W106 missing-space-after-sentence (error), W101 trailing-whitespace
# (warning, safe fix); W104's and W106's fixes are safe too.
TEXT = "AUSTIN, Texas  Example Corp announced results.The board agreed. \n"


@pytest.fixture
def release(tmp_path: Path) -> Path:
    path = tmp_path / "release.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def config(tmp_path: Path, text: str) -> str:
    path = tmp_path / ".presslint.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("fail_on", "select", "expected"), [
    ("info", "W104", 1),       # today's behaviour: every finding fails
    ("warning", "W104", 1),    # a warning at --fail-on warning
    ("error", "W104", 0),      # a warning below the threshold: reported, exit 0
    ("error", "W104,W106", 1),  # an error
])
def test_fail_on_sets_the_lowest_severity_that_fails(release: Path, fail_on: str, select: str, expected: int) -> None:
    code, out, _ = invoke("check", "--no-config", "--select", select, "--fail-on", fail_on, str(release))
    assert code == expected
    assert "W104 2 spaces between words" in out  # still reported


def test_fail_on_is_a_config_key_and_the_command_line_wins(tmp_path: Path, release: Path) -> None:
    cfg = config(tmp_path, "fail-on: error\nselect: [W104]\n")
    assert invoke("check", "--config", cfg, str(release))[0] == 0
    assert invoke("check", "--config", cfg, "--fail-on", "warning", str(release))[0] == 1
    code, _, err = invoke("check", "--config", config(tmp_path, "fail-on: fatal\n"), str(release))
    assert code == 2 and ".presslint.yaml:1: 'fail-on' must be the lowest severity" in err


def test_severity_overrides_by_code_prefix_and_name_reach_every_reporter(tmp_path: Path, release: Path) -> None:
    # The most specific selector wins: W106's name over the prefix W.
    cfg = config(tmp_path, "severity:\n  W: info\n  missing-space-after-sentence: warning\n")
    _, out, _ = invoke("check", "--config", cfg, "--output-format", "json", str(release))
    assert {f["code"]: f["severity"] for f in json.loads(out)} == {"W104": "info", "W106": "warning", "W101": "info"}
    _, out, _ = invoke("check", "--config", cfg, "--output-format", "sarif", str(release))
    descriptors = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in descriptors}
    assert (levels["W104"], levels["W106"]) == ("note", "warning")
    _, out, _ = invoke("check", "--config", cfg, "--output-format", "github", str(release))
    assert out.startswith("::notice file=")
    # --fail-on sees the overridden severities: nothing is an error now.
    assert invoke("check", "--config", cfg, "--fail-on", "error", str(release))[0] == 0
    _, out, _ = invoke("rules", "--config", cfg)
    assert any(line.split()[:3] == ["W106", "missing-space-after-sentence", "warning"] for line in out.splitlines())


def test_an_unknown_severity_selector_is_an_error_at_its_line(tmp_path: Path, release: Path) -> None:
    code, _, err = invoke("check", "--config", config(tmp_path, "severity:\n  W: info\n  X999: error\n"), str(release))
    assert code == 2
    assert err.strip().endswith(".presslint.yaml:3: severity names no rule: 'X999'")
    code, _, err = invoke("check", "--config", config(tmp_path, "severity: {W: fatal}\n"), str(release))
    assert code == 2 and ".presslint.yaml:1: 'severity' must be a mapping" in err
    # A grammar backend's code is a rule too.
    assert invoke("check", "--config", config(tmp_path, "severity: {G: info}\n"), str(release))[0] == 1


def test_output_file_writes_other_formats_in_the_same_run(tmp_path: Path, release: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("check", "--no-config", "--output-format", "github", "--output-file", "sarif:out.sarif",
                          "--output-file", "json:out.json", str(release))
    assert code == 1 and out.startswith("::")
    sarif = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["W104", "W106", "W101"]
    assert [f["code"] for f in json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))] == \
        ["W104", "W106", "W101"]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []  # renamed into place


def test_output_file_is_a_config_key_relative_to_its_file(tmp_path: Path, release: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "reports").mkdir()
    cfg = config(tmp_path, "output-file: ['junit:reports/presslint.xml', 'text:reports/presslint.txt']\n")
    monkeypatch.chdir(tmp_path / "reports")
    assert invoke("check", "--config", cfg, str(release))[0] == 1
    assert "<testsuite" in (tmp_path / "reports" / "presslint.xml").read_text(encoding="utf-8")
    text = (tmp_path / "reports" / "presslint.txt").read_text(encoding="utf-8")
    assert text.splitlines()[-2:] == ["Found 3 problems in 1 file (1 checked).", "3 fixable with --fix."]
    code, _, err = invoke("check", "--config", config(tmp_path, "output-file: [sarif]\n"), str(release))
    assert code == 2 and ".presslint.yaml:1: 'output-file': expected FORMAT:PATH" in err


def test_an_unwritable_output_file_is_one_line_and_exit_2_before_any_check(tmp_path: Path, release: Path) -> None:
    code, out, err = invoke("check", "--no-config", "--output-file", f"sarif:{tmp_path}/no/such/folder/x.sarif",
                            str(release))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "x.sarif: cannot write the sarif report: No such file or directory" in err
    code, _, err = invoke("check", "--no-config", "--output-file", "yaml:x.yaml", str(release))
    assert code == 2 and "expected FORMAT:PATH" in err


def test_github_format_prints_the_summary_and_statistics_on_stderr(release: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, err = invoke("check", "--no-config", "--statistics", str(release))
    assert code == 1
    assert out.count("\n") == 3 and all(line.startswith("::") for line in out.splitlines())
    assert err.splitlines() == ["     1  W101  trailing-whitespace", "     1  W104  doubled-space",
                                "     1  W106  missing-space-after-sentence",
                                "Found 3 problems in 1 file (1 checked).", "3 fixable with --fix."]
    _, _, err = invoke("check", "--no-config", "--quiet", str(release))
    assert err == ""


def test_the_summary_counts_safe_and_unsafe_fixes(tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    path.write_text("Teh results are in. \n", encoding="utf-8")  # T101 (unsafe fix), W101 (safe fix)
    _, out, _ = invoke("check", "--no-config", str(path))
    assert out.splitlines()[-1] == "1 fixable with --fix (1 more with --unsafe-fixes)."
    _, out, _ = invoke("check", "--no-config", "--select", "T101", str(path))
    assert out.splitlines()[-1] == "1 fixable with --fix --unsafe-fixes."
    _, out, _ = invoke("check", "--no-config", "--output-format", "json", str(path))
    assert [(f["code"], f["fix"]["safe"]) for f in json.loads(out)] == [("T101", False), ("W101", True)]
    path.write_text("The results are in.\n", encoding="utf-8")
    _, out, _ = invoke("check", "--no-config", str(path))
    assert out.splitlines()[-1].startswith("All clear")


@pytest.mark.skipif(importlib.util.find_spec("harper") is None, reason="harper-py is not installed")
def test_severity_overrides_reach_the_grammar_backends_findings(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "r.txt").write_text("We did it alot.\n", encoding="utf-8")  # Harper's alone
    monkeypatch.chdir(tmp_path)
    config(tmp_path, "backends: {harper: {}}\n")
    _, out, _ = invoke("check", "--output-format", "json", "r.txt")
    before = {f["code"]: f["severity"] for f in json.loads(out) if f["code"].startswith("G")}
    assert before and set(before.values()) != {"info"}
    config(tmp_path, "backends: {harper: {}}\nseverity: {G: info}\n")
    code, out, _ = invoke("check", "--output-format", "sarif", "--fail-on", "warning", "r.txt")
    assert code == 0
    run = json.loads(out)["runs"][0]
    assert {r["ruleId"] for r in run["results"]} == set(before)
    assert {r["level"] for r in run["results"]} == {"note"}
    assert {r["defaultConfiguration"]["level"] for r in run["tool"]["driver"]["rules"] if r["id"] in before} == {"note"}
