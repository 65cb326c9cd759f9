"""The command line, through click's runner and once as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from presslint.cli import cli, main
from presslint.packs import backend_rules

JSON_KEYS = {"path", "line", "column", "end_line", "end_column", "code", "rule", "severity", "message", "fix"}


def invoke(*args: str, input: bytes | str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def release(tmp_path: Path) -> Path:
    path = tmp_path / "release.txt"
    path.write_text("AUSTIN, Texas  Example Corp announced results.The board agreed. \n", encoding="utf-8")
    return path


def test_text_output_points_at_line_and_column_with_a_caret(release: Path) -> None:
    code, out, _ = invoke("check", "--no-config", str(release))
    assert code == 1
    lines = out.splitlines()
    assert f"{release}:1:14: W104 2 spaces between words" in lines
    assert f"{release}:1:46: W106 no space after '.' before 'The'" in lines
    caret_line = lines[lines.index(f"{release}:1:46: W106 no space after '.' before 'The'") + 2]
    source_line = lines[lines.index(f"{release}:1:46: W106 no space after '.' before 'The'") + 1]
    assert source_line[caret_line.index("^")] == "."
    assert lines[-2] == "Found 3 problems in 1 file (1 checked)."
    assert lines[-1] == "3 fixable with --fix."  # as Ruff says it


def test_text_output_shows_a_tab_as_one_column_so_the_caret_stays_under_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "tabbed.txt"
    path.write_text("Example\tCorp announced results.The board agreed.\n", encoding="utf-8")
    _, out, _ = invoke("check", "--no-config", "--select", "W106", str(path))
    source_line, caret_line = out.splitlines()[1:3]
    assert "\t" not in source_line
    assert source_line == "  Example Corp announced results.The board agreed."
    assert source_line[caret_line.index("^")] == "."


def test_json_output_has_exactly_the_documented_keys(release: Path) -> None:
    code, out, _ = invoke("check", "--no-config", "--output-format", "json", str(release))
    assert code == 1
    findings = json.loads(out)
    assert [f["code"] for f in findings] == ["W104", "W106", "W101"]
    for finding in findings:
        assert set(finding) == JSON_KEYS
    trailing = findings[2]
    assert (trailing["line"], trailing["column"], trailing["end_line"], trailing["end_column"]) == (1, 64, 1, 65)
    assert trailing["fix"] == {"message": "remove the trailing whitespace", "safe": True,
                               "edits": [{"line": 1, "column": 64, "end_line": 1, "end_column": 65,
                                          "replacement": ""}]}


def test_github_output_escapes_properties_and_data(tmp_path: Path) -> None:
    path = tmp_path / "a,b:c%.txt"
    path.write_text("Hello  world\n", encoding="utf-8")
    code, out, _ = invoke("check", "--no-config", "--output-format", "github", str(path))
    assert code == 1
    escaped = str(path).replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
    assert out == (f"::warning file={escaped},line=1,col=6,endLine=1,endColumn=8,"
                   f"title=W104 doubled-space::2 spaces between words\n")


def test_clean_file_exits_zero(tmp_path: Path) -> None:
    path = tmp_path / "clean.md"
    path.write_text("# Title\n\nAll good here.\n", encoding="utf-8")
    code, out, _ = invoke("check", "--no-config", str(path))
    assert code == 0 and "no problems in 1 file" in out


def test_exit_zero_statistics_and_quiet(release: Path) -> None:
    code, out, _ = invoke("check", "--no-config", "--exit-zero", "--statistics", str(release))
    assert code == 0
    assert [line.split() for line in out.splitlines()[:3]] == [
        ["1", "W101", "trailing-whitespace"], ["1", "W104", "doubled-space"],
        ["1", "W106", "missing-space-after-sentence"]]
    code, out, _ = invoke("check", "--no-config", "--quiet", str(release))
    assert code == 1 and len(out.splitlines()) == 3 and "Found" not in out


def test_select_and_ignore(release: Path) -> None:
    _, out, _ = invoke("check", "--no-config", "--select", "W1", "--ignore", "W104,trailing-whitespace",
                       "--output-format", "json", str(release))
    assert [f["code"] for f in json.loads(out)] == ["W106"]


def test_stdin_with_a_filename(tmp_path: Path) -> None:
    code, out, _ = invoke("check", "--no-config", "--stdin-filename", "draft.md", "-",
                          input=b"Trailing   \nfine\n")
    assert code == 1 and out.startswith("draft.md:1:9: W101")


def test_directories_are_walked_with_include_and_exclude(tmp_path: Path) -> None:
    for name in ("a.txt", "b.md", "c.py", ".hidden/d.txt", "drafts/e.txt", "node_modules/f.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x  y\n", encoding="utf-8")
    _, out, _ = invoke("check", "--no-config", "--quiet", str(tmp_path))
    assert sorted(Path(line.split(":")[0]).name for line in out.splitlines()) == ["a.txt", "b.md", "e.txt"]
    _, out, _ = invoke("check", "--no-config", "--quiet", "--exclude", "drafts", "--include", "*.txt",
                       str(tmp_path))
    assert [Path(line.split(":")[0]).name for line in out.splitlines()] == ["a.txt"]


def test_config_file_is_used_and_cli_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".presslint.yaml").write_text("ignore: [W104]\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text("a  b \n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = invoke("check", "--quiet", "r.txt")
    assert [line.split()[1] for line in out.splitlines()] == ["W101"]
    _, out, _ = invoke("check", "--quiet", "--ignore", "W101", "r.txt")
    assert [line.split()[1] for line in out.splitlines()] == ["W104"]
    _, out, _ = invoke("check", "--quiet", "--no-config", "r.txt")
    assert len(out.splitlines()) == 2


def test_the_words_file_is_found_like_the_config_but_not_with_no_config(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".presslint-words.txt").write_text("recieve\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text("We recieve it.\n", encoding="utf-8")
    config = tmp_path / "elsewhere" / "cfg.yaml"
    config.parent.mkdir()
    config.write_text("select: [T]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for found in (invoke("check", "--quiet", "--select", "T", "r.txt"),
                  invoke("check", "--quiet", "--config", str(config), "r.txt")):
        assert found[:2] == (0, "")  # an accepted word
    _, out, _ = invoke("check", "--quiet", "--no-config", "--select", "T", "r.txt")
    assert [line.split()[1] for line in out.splitlines()] == ["T101"]


def test_exit_codes_are_the_documented_ones() -> None:
    from presslint.errors import ExitCode

    assert [int(code) for code in ExitCode] == [0, 1, 2, 3, 130, 141, 143]
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for code in ExitCode:
        assert f"| {int(code)} | `{code.name}` |" in readme


def test_ctrl_c_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    import presslint.config

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(presslint.config, "discover", interrupt)
    assert main(["check", "x.txt"]) == 130


# Bad input: one clear line on stderr, the right exit code, never a traceback.

def test_missing_file(tmp_path: Path) -> None:
    code, _, err = invoke("check", "--no-config", str(tmp_path / "nope.txt"))
    assert code == 2 and err == f"presslint: error: {tmp_path / 'nope.txt'}: no such file or directory\n"


def test_directory_with_no_matching_files(tmp_path: Path) -> None:
    (tmp_path / "notes.py").write_text("x = 1\n")
    code, _, err = invoke("check", "--no-config", str(tmp_path))
    assert code == 2 and err.startswith(f"presslint: error: {tmp_path}: no files to check")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("text\n")
    path.chmod(0)
    code, _, err = invoke("check", "--no-config", str(path))
    assert code == 2 and err == f"presslint: error: {path}: permission denied\n"


def test_unreadable_file_as_root_too(tmp_path: Path) -> None:
    # A directory named like a release cannot be read as a file by anyone.
    path = tmp_path / "release.txt"
    path.mkdir()
    (path / "inner.txt").write_text("fine\n")
    code, _, err = invoke("check", "--no-config", str(path / "inner.txt"), str(tmp_path / "missing.md"))
    assert code == 2 and err.count("\n") == 1


def test_binary_file_in_a_folder_is_skipped_with_a_warning(tmp_path: Path) -> None:
    # Named, it is an error (tests/test_not_text.py); found by a walk, only skipped.
    path = tmp_path / "data.txt"
    path.write_bytes(b"\x01\x02\x00\x00\x00\rIHDR")
    code, _, err = invoke("check", "--no-config", str(tmp_path))
    assert code == 0
    assert err == f"presslint: warning: {path}: skipped, a binary file: it holds NUL bytes, which text does not\n"


def test_broken_pack_in_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "house.yaml").write_text("rules:\n  - code: P1\n    name: x\n", encoding="utf-8")
    (tmp_path / ".presslint.yaml").write_text("rules: [house.yaml]\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text("fine\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = invoke("check", "r.txt")
    assert code == 2
    assert err.startswith(f"presslint: error: {tmp_path / 'house.yaml'}:2: ") and err.count("\n") == 1


def test_unknown_select_code(release: Path) -> None:
    code, out, err = invoke("check", "--no-config", "--select", "X123", str(release))
    assert code == 2 and out == ""
    assert err == "presslint: error: unknown rule code, prefix or name: 'X123'\n"


def test_unknown_config_key(tmp_path: Path) -> None:
    config = tmp_path / "cfg.yaml"
    config.write_text("colour: blue\n")
    code, _, err = invoke("check", "--config", str(config), str(tmp_path))
    assert code == 2 and f"{config}:1: unknown key 'colour'" in err


def test_unknown_option_is_a_usage_error() -> None:
    assert main(["check", "--frobnicate"]) == 2


def test_rules_and_rule_commands() -> None:
    code, out, _ = invoke("rules", "--no-config", "--output-format", "json")
    rows = json.loads(out)
    assert code == 0 and {"code", "name", "severity", "summary"} <= set(rows[0])
    assert any(r["code"] == "W101" and r["name"] == "trailing-whitespace" for r in rows)
    # Every rule is listed, opt-in ones marked as not enabled; --enabled lists what check runs.
    assert {r["code"]: r["enabled"] for r in rows}["C105"] is False
    _, out, _ = invoke("rules", "--no-config", "--output-format", "json", "--enabled")
    not_enabled = {r["code"] for r in rows} - {r["code"] for r in json.loads(out)}
    # C105 is opt-in, and so are P105 and P106 (unattributed quotes, jargon) and the P rules
    # a house style asks for (missing dateline, release line, end mark, media contact, About
    # section; AP numerals); the grammar backends' rules run only when a backend is configured.
    assert not_enabled == {"C105", "P105", "P106", "P120", "P124", "P128", "P130", "P131", "P134",
                           *backend_rules()}
    assert {r["code"] for r in rows if not r["enabled"]} == not_enabled
    code, out, _ = invoke("rule", "--no-config", "W106")
    assert code == 0 and "missing-space-after-sentence" in out and "models.The" in out
    assert "Flags:" in out and "Allows:" in out
    code, _, err = invoke("rule", "--no-config", "W999")
    assert code == 2 and "no rule 'W999'" in err and "`presslint rules` lists them" in err
    code, out, _ = invoke("rule", "--no-config", "languagetool-grammar")
    assert code == 0 and out.startswith("G101 languagetool-grammar (warning)") and "languagetool grammar backend" in out


def test_real_process_and_python_dash_m(release: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "presslint", "check", "--no-config", "--output-format", "json",
                          str(release)], capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    assert run.returncode == 1 and run.stderr == ""
    assert [f["code"] for f in json.loads(run.stdout)] == ["W104", "W106", "W101"]


@pytest.mark.parametrize("output_format", ["sarif", "gitlab", "junit", "rdjson"])
def test_every_ci_format_through_the_cli(release: Path, output_format: str) -> None:
    code, out, _ = invoke("check", "--no-config", "--output-format", output_format, str(release))
    assert code == 1
    if output_format == "junit":
        import xml.etree.ElementTree as ET

        assert ET.fromstring(out).find("testcase/failure") is not None
    else:
        assert "W106" in json.dumps(json.loads(out))


def test_github_is_the_default_inside_github_actions(release: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = invoke("check", "--no-config", str(release))
    assert out.startswith("::warning file=")
    _, out, _ = invoke("check", "--no-config", "--output-format", "text", str(release))
    assert not out.startswith("::")


@pytest.mark.parametrize(("config", "message"), [
    ("release-date: 2024-02-30\n", "cfg.yaml: invalid YAML: day is out of range for month"),
    ("facts: nofacts.yaml\n", "nofacts.yaml: cannot read the fact sheet"),
    ("terms-file: none.txt\n", "none.txt: cannot read the terms file"),
    ("words-file: none.txt\n", "none.txt: cannot read the words file"),
])
def test_a_bad_file_named_by_the_config_is_one_line(tmp_path: Path, config: str, message: str) -> None:
    (tmp_path / "cfg.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "r.txt").write_text("Fine.\n", encoding="utf-8")
    code, _, err = invoke("check", "--config", str(tmp_path / "cfg.yaml"), str(tmp_path / "r.txt"))
    assert code == 2 and err.count("\n") == 1 and message in err and "rules/" not in err, err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_not_read(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    (tmp_path / "r.txt").write_text("Fine.\n", encoding="utf-8")
    code, _, err = invoke("check", "--no-config", str(pipe))
    assert code == 2 and err == f"presslint: error: {pipe}: not a regular file\n"
    code, out, _ = invoke("check", "--no-config", str(tmp_path))  # walking skips it
    assert code == 0 and "no problems in 1 file" in out
