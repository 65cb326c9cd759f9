"""Configuration input is data, never a hazard (issue 18): hostile or careless
configurations, packs, fact sheets and word lists are each one line of error and exit
code 2, never a traceback, a hang or a memory blow-up; the files a configuration names
stay inside its project unless the command line allows more; users' patterns run with a
time budget."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from presslint import yamlfile
from presslint.cli import cli
from presslint.errors import ConfigError, PackError, UserFileError
from presslint.userfiles import Refused, read_bytes
from presslint.yamlfile import read_yaml

RELEASE = "Example Corp announced results on Monday.\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "release.txt").write_text(RELEASE, encoding="utf-8")


def _check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def _refused(*args: str) -> str:
    """The one error line of a `presslint check` that must end with exit code 2."""
    code, _, err = _check(*args)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1 and lines[0].startswith("presslint: error: "), (code, err)
    return lines[0]


def _config(tmp_path: Path, text: str, name: str = ".presslint.yaml") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- YAML: plain values, lists and string-keyed mappings only --------------------------

LAUGHS = "".join(f"{a}: &{a} [{', '.join([f'*{b}'] * 9)}]\n" for b, a in zip("abcdefgh", "bcdefghi", strict=True))


@pytest.mark.parametrize(("text", "line", "message"), [
    ("select: [W]\n? [a, b]\n: 1\n", 2, "a key must be a string, not a list or mapping"),
    ("select: !!set {W: null}\n", 1, "the tag '!!set' is not accepted"),
    ("select: !!python/tuple [W]\n", 1, "the tag '!!python/tuple' is not accepted"),
    ("select: !mine [W]\n", 1, "the tag '!mine' is not accepted"),
    ("rule-options: {W105: {on: 1}}\n", 1, "a key must be a string, not 'on' (read as true or false): quote it"),
    ("a: &a ['lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol']\n" + LAUGHS, 1,
     "over the limit of 100,000"),
    ("select: &a [W, *a]\n", 1, "an alias names the list or mapping it is in"),
    ("select: " + "[" * 100 + "]" * 100 + "\n", 1, "nested deeper than 64 levels"),
])
def test_yaml_that_is_not_plain_data_is_refused_at_its_line(tmp_path: Path, text: str, line: int,
                                                           message: str) -> None:
    _config(tmp_path, text)
    started = time.perf_counter()
    error = _refused("release.txt")
    assert error.startswith(f"presslint: error: {tmp_path / '.presslint.yaml'}:{line}: invalid YAML: ")
    assert message in error
    assert time.perf_counter() - started < 30  # refused, not expanded (generous: a shared machine)


def test_a_billion_laughs_in_a_pack_is_refused_and_never_cached(tmp_path: Path) -> None:
    pack = _config(tmp_path, "a: &a ['lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol']\n" + LAUGHS,
                   "pack.yaml")
    with pytest.raises(PackError, match="aliases repeat 490,329,036 nodes"):
        read_yaml(pack)
    cache = Path(os.environ["PRESSLINT_CACHE_DIR"])
    assert all(entry.stat().st_size < 1_000_000 for entry in cache.iterdir())


def test_plain_yaml_aliases_and_binary_still_read(tmp_path: Path) -> None:
    path = _config(tmp_path, "base: &base [W101, W102]\nselect: *base\nraw: !!binary aGk=\n'2024': x\n",
                   "data.yaml")
    assert read_yaml(path) == {"base": ["W101", "W102"], "select": ["W101", "W102"], "raw": b"hi", "2024": "x"}


# --- sizes and special files ------------------------------------------------------------

def test_a_20_mb_configuration_is_refused_with_one_line(tmp_path: Path) -> None:
    (tmp_path / ".presslint.yaml").write_bytes(b"# " + b"x" * 20_000_000 + b"\n")
    assert _refused("release.txt").endswith("cannot read: 19.1 MB is over the limit of 4.0 MB")


def test_a_file_is_read_up_to_its_limit_only(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_bytes(b"a\n" * 10)
    assert read_bytes(path, 20) == b"a\n" * 10
    with pytest.raises(Refused, match="20 bytes is over the limit of 19 bytes"):
        read_bytes(path, 19)
    with pytest.raises(Refused, match="it is a folder"):
        read_bytes(tmp_path, 19)


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """A real run, which a hang fails instead of blocking the suite."""
    return subprocess.run([sys.executable, "-m", "presslint", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env={**os.environ, **(env or {})})


def _one_error(run: subprocess.CompletedProcess[str], expected: str) -> None:
    lines = run.stderr.strip().splitlines()
    assert run.returncode == 2 and len(lines) == 1 and expected in lines[0], (run.returncode, run.stderr)


@pytest.mark.parametrize("key", ["config", "rules", "facts", "terms-file", "words-file"])
@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_a_device_or_fifo_named_as_a_configuration_file_is_refused_never_read(
        tmp_path: Path, key: str, special: str) -> None:
    if special == "fifo":
        special = str(tmp_path / "named.yaml")
        os.mkfifo(special)  # a read would wait for a writer for ever
    if key == "config":
        args = ["check", "--config", special, "release.txt"]
    else:
        value = f"[{special}]" if key == "rules" else special
        _config(tmp_path, f"{key}: {value}\n")
        args = ["check", "--select", "ALL", "--allow-outside-paths", "release.txt"]
    _one_error(_run(args, tmp_path), "not a regular file (a device, FIFO or socket)")


@pytest.mark.parametrize("name", [".presslint.yaml", ".presslint-words.txt"])
@pytest.mark.parametrize("kind", ["fifo", "broken link"])
def test_a_configuration_or_words_file_found_by_the_search_that_is_no_file_is_an_error(
        tmp_path: Path, name: str, kind: str) -> None:
    (tmp_path / "release.txt").write_text("Teh deal closed.\n", encoding="utf-8")
    if kind == "fifo":
        os.mkfifo(tmp_path / name)
    else:
        (tmp_path / name).symlink_to(tmp_path / "gone.yaml")
    # Not passed by as if there were none (the user wrote it to apply), and never waited on.
    _one_error(_run(["check", "release.txt"], tmp_path), f"{name}: cannot read")


def test_a_folder_named_like_a_configuration_file_is_passed_by(tmp_path: Path) -> None:
    (tmp_path / "release.txt").write_text("Teh deal closed.\n", encoding="utf-8")
    (tmp_path / ".presslint.yaml").mkdir()
    (tmp_path / ".presslint-words.txt").mkdir()
    run = _run(["check", "-q", "release.txt"], tmp_path)
    assert run.returncode == 1 and "T101" in run.stdout and run.stderr == ""


# --- pyproject.toml ----------------------------------------------------------------------

def test_a_tool_presslint_that_is_not_a_table_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool]\npresslint = 3\n", encoding="utf-8")
    assert _refused("release.txt").endswith("pyproject.toml: [tool.presslint] must be a table, not 3")
    assert "must be a table" in _refused("--config", "pyproject.toml", "release.txt")


def test_a_tool_that_is_not_a_table_is_not_presslint_s_business(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("tool = 3\n", encoding="utf-8")
    assert _check("release.txt")[0] == 0


def test_a_broken_pyproject_in_a_parent_folder_does_not_stop_presslint(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.black\nline-length = 88\n", encoding="utf-8")
    project = tmp_path / "site"
    project.mkdir()
    (project / "release.txt").write_text("Example Corp  announced results.\n", encoding="utf-8")
    monkeypatch.chdir(project)
    code, out, err = _check("release.txt")
    assert code == 1 and "W104" in out and not err
    # One that says presslint was meant for presslint: its error is presslint's to report.
    (tmp_path / "pyproject.toml").write_text("[tool.presslint\nselect = ['W']\n", encoding="utf-8")
    assert "pyproject.toml: cannot read: Expected ']'" in _refused("release.txt")


# --- values -------------------------------------------------------------------------------

def test_a_date_and_time_where_a_date_is_expected_is_an_error(tmp_path: Path) -> None:
    _config(tmp_path, "select: [D]\nrelease-date: 2024-03-18T10:00:00\n")
    assert _refused("release.txt").endswith(
        ".presslint.yaml:2: 'release-date' must be a date, YYYY-MM-DD, not a date and time (2024-03-18 10:00:00)")
    _config(tmp_path, "select: [D]\nfacts: facts.yaml\n")
    _config(tmp_path, "- {event: founded, date: 1998-05-01T09:00:00}\n", "facts.yaml")
    assert _refused("release.txt").endswith("facts.yaml: fact 1: 'date' must be YYYY-MM-DD, not a date and time "
                                            "(1998-05-01 09:00:00)")


def test_an_empty_select_is_an_error_not_every_rule_off(tmp_path: Path) -> None:
    _config(tmp_path, "ignore: [T]\nselect: []\n")
    assert _refused("release.txt").endswith(".presslint.yaml:2: 'select' is empty, which would turn every rule off: "
                                            "leave it out for the default rules, or name the rules to run "
                                            "(to check nothing under this configuration, 'ignore: [ALL]')")
    (tmp_path / "release.txt").write_text("Example Corp  announced results.\n", encoding="utf-8")
    _config(tmp_path, "select: []\nextend-select: [W104]\n")  # only the rules extend-select names
    code, out, _ = _check("release.txt")
    assert code == 1 and "W104" in out
    _config(tmp_path, "ignore: [ALL]\n")
    assert _check("release.txt")[0] == 0
    assert _refused("--select", "", "release.txt") == ("presslint: error: --select is empty, which would turn "
                                                       "every rule off: leave it out for the default rules, "
                                                       "or name the rules to run")


@pytest.mark.parametrize("release_date", ["9999-12-31", "9999-12-28", "0001-01-01", "0001-01-03"])
def test_a_release_date_at_the_calendar_s_end_is_checked_like_any_other(release_date: str, tmp_path: Path) -> None:
    (tmp_path / "release.txt").write_text(
        "Yesterday, today, tomorrow, this week, last week, next week, last month, next month, last year, "
        "next year, last Tuesday and next Friday we launched.\n", encoding="utf-8")
    code, out, err = _check("--select", "D", "--release-date", release_date, "release.txt")
    assert code in (0, 1) and not err and "internal error" not in out


# --- pack messages ------------------------------------------------------------------------

PACK = """rules:
  - code: P901
    name: no-synergy
    kind: pattern
    severity: warning
    message: MESSAGE
    options: {pattern: "[Ss]ynergy"}
    docs: Synergy says nothing.
    examples:
      bad: [{text: "Synergy drives us.", flagged: Synergy}]
      good: ["Teamwork drives us."]
"""


@pytest.mark.parametrize(("message", "why"), [
    ("'{found:>99999999999}' says nothing", "a field's format may only align it in a width under 100"),
    ("'{found:d}' says nothing", "a field's format may only align it"),
    ("'{found:{x}}' says nothing", "a field's format may only align it"),
    ("'{0}' says nothing", "{0}: a field is a name"),
    ("'{}' says nothing", "{}: a field is a name"),
    ("'{found.upper}' says nothing", "{found.upper}: a field is a name"),
    ("'{found[0]}' says nothing", "{found[0]}: a field is a name"),
    ("'{found!z}' says nothing", "{found!z}: the conversion must be !r, !s or !a"),
])
def test_a_pack_message_with_a_bad_field_is_an_error_at_load(tmp_path: Path, message: str, why: str) -> None:
    pack = _config(tmp_path, PACK.replace("MESSAGE", json.dumps(message)), "pack.yaml")
    _config(tmp_path, "rules: [pack.yaml]\n")
    error = _refused("release.txt")
    assert error.startswith(f"presslint: error: {pack}:2: rule P901: message is not a valid template: ")
    assert why in error


def test_a_pack_message_field_with_a_width_still_works(tmp_path: Path) -> None:
    _config(tmp_path, PACK.replace("MESSAGE", json.dumps("'{found:>9}' says nothing")), "pack.yaml")
    _config(tmp_path, "rules: [pack.yaml]\n")
    (tmp_path / "release.txt").write_text("Synergy drives us.\n", encoding="utf-8")
    assert "P901 '  Synergy' says nothing" in _check("release.txt")[1]


# --- users' patterns: a time budget -------------------------------------------------------

def _pattern_pack(tmp_path: Path, pattern: str) -> Path:
    text = PACK.replace("MESSAGE", json.dumps("'{found}' again")).replace('"[Ss]ynergy"', json.dumps(pattern))
    example = text.replace('{text: "Synergy drives us.", flagged: Synergy}', '{text: "aab", flagged: aab}')
    return _config(tmp_path, example, "pack.yaml")


def test_a_user_pattern_that_backtracks_without_end_is_a_pack_error_not_a_hang(tmp_path: Path) -> None:
    pack = _pattern_pack(tmp_path, "(a|aa)+$")
    _config(tmp_path, "rules: [pack.yaml]\nselect: [P901, W104]\n")
    (tmp_path / "release.txt").write_text("a" * 60 + "!\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text("Fine  here.\n", encoding="utf-8")
    started = time.perf_counter()
    code, out, err = _check("-j", "1", "release.txt", "other.txt")
    assert time.perf_counter() - started < 60  # a budget of about a second, not 2 ** 60 steps
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1, err
    assert lines[0] == (f"presslint: error: {pack}:2: rule P901: its pattern ran over its time budget (1 s) on "
                        "release.txt: it backtracks without end (nested repeats such as (a|aa)+ do); "
                        "the rule is skipped")
    assert "other.txt:1:5: W104" in out  # the other files are still checked


def test_a_user_pattern_that_re_would_hang_on_runs_at_once(tmp_path: Path) -> None:
    # (a+)+b backtracks for ever under re on "aaa...!"; the regex module sees through it.
    _pattern_pack(tmp_path, "(a+)+b")
    _config(tmp_path, "rules: [pack.yaml]\nselect: [P901]\n")
    (tmp_path / "release.txt").write_text("a" * 60 + "!\n" + "aab\n", encoding="utf-8")
    code, out, err = _check("release.txt")
    assert code == 1 and not err and "release.txt:2:1: P901 'aab' again" in out


def test_bundled_patterns_run_on_re_and_users_on_regex(tmp_path: Path) -> None:
    import re

    from presslint.config import Config
    from presslint.engine import load_checkers

    _pattern_pack(tmp_path, "aab")
    checkers = {c.rule.code: c for c in load_checkers(Config(rules=(tmp_path / "pack.yaml",)))}
    assert isinstance(checkers["T111"].regex, re.Pattern) and not checkers["T111"].budgeted  # type: ignore[attr-defined]
    assert checkers["P901"].budgeted and not isinstance(checkers["P901"].regex, re.Pattern)  # type: ignore[attr-defined]
    # A bundled rule given a pattern by rule-options runs a user's pattern.
    overridden = load_checkers(Config(rule_options={"T111": {"pattern": "(?P<verb>[Ss]hould) of"}}))
    assert next(c for c in overridden if c.rule.code == "T111").budgeted  # type: ignore[attr-defined]


def test_a_user_error_crosses_process_boundaries_whole() -> None:
    error = pickle.loads(pickle.dumps(PackError("rules/x.yaml", 3, "rule P901: slow")))
    assert type(error) is PackError and str(error) == "rules/x.yaml:3: rule P901: slow"
    assert str(pickle.loads(pickle.dumps(UserFileError("f", None, "bad")))) == "f: bad"


# --- files named by a configuration stay inside its project -------------------------------

@pytest.mark.parametrize(("key", "value"), [
    ("terms-file", "../outside.txt"),
    ("words-file", "../outside.txt"),
    ("facts", "../outside.txt"),
    ("rules", "[../outside.txt]"),
    ("paths", "[../outside.txt]"),
    ("output-file", "['json:../outside.txt']"),
    ("terms-file", "ABSOLUTE"),
    ("terms-file", "link.txt"),
])
def test_a_configuration_may_not_name_a_file_outside_its_project(tmp_path: Path, key: str, value: str) -> None:
    project = tmp_path / "project"
    outside = tmp_path / "outside.txt"
    outside.write_text("Example Corp\n", encoding="utf-8")
    (project / "link.txt").parent.mkdir()
    (project / "link.txt").symlink_to(outside)  # a link inside to a file outside is outside
    config = _config(project, f"select: [W]\n{key}: {value.replace('ABSOLUTE', str(outside))}\n")
    (project / "release.txt").write_text(RELEASE, encoding="utf-8")
    os.chdir(project)
    error = _refused("release.txt")
    assert error.startswith(f"presslint: error: {config}:2: '{key}' names ")
    assert error.endswith(f"outside.txt, outside the configuration's project ({project}); only the command line "
                          "can allow that: --allow-outside-paths")
    if key not in ("facts", "rules"):  # (a text file is no fact sheet nor pack)
        assert _check("--allow-outside-paths", "release.txt")[0] in (0, 1)


def test_the_project_is_the_git_work_tree_that_holds_the_configuration(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "terms.txt").write_text("Example Corp\n", encoding="utf-8")
    site = tmp_path / "site"
    _config(site, "select: [C]\nterms-file: ../terms.txt\n")
    (site / "release.txt").write_text("example corp announced results.\n", encoding="utf-8")
    os.chdir(site)
    code, out, err = _check("release.txt")
    assert code == 1 and not err and "Example Corp" in out


def test_a_nearer_configuration_is_held_to_its_project_too(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("Example Corp\n", encoding="utf-8")
    project = tmp_path / "project"
    _config(project, "select: [W]\n")
    nested = _config(project / "drafts", "terms-file: ../../secret.txt\n")
    (project / "drafts" / "release.txt").write_text(RELEASE, encoding="utf-8")
    os.chdir(project)
    error = _refused("drafts")
    assert error.startswith(f"presslint: error: {nested}:1: 'terms-file' names {tmp_path / 'secret.txt'}, outside")
    assert _check("--allow-outside-paths", "drafts")[0] == 0
    assert CliRunner().invoke(cli, ["config", "drafts"]).exit_code == 2
    assert CliRunner().invoke(cli, ["config", "--allow-outside-paths", "drafts"]).exit_code == 0


def test_configuration_errors_are_configuration_errors(tmp_path: Path) -> None:
    from presslint.config import load

    with pytest.raises(ConfigError, match="'terms-file' names"):
        load(_config(tmp_path, "terms-file: /etc/hostname\n"))
    assert load(tmp_path / ".presslint.yaml", allow_outside=True).terms_file == Path("/etc/hostname")


# --- output that the encoding cannot hold -------------------------------------------------

def test_output_in_an_ascii_encoding_is_escaped_and_still_parses(tmp_path: Path) -> None:
    (tmp_path / "release.md").write_text("# The café 😀 is  open\n", encoding="utf-8")
    env = {"PYTHONIOENCODING": "ascii"}
    text = _run(["check", "--no-config", "--select", "ALL", "release.md"], tmp_path, env)
    assert text.returncode == 1 and not text.stderr and "caf\\u00e9 \\ud83d\\ude00 is" in text.stdout
    machine = _run(["check", "--no-config", "--select", "ALL", "--output-format", "json", "release.md"], tmp_path,
                   env)
    assert machine.returncode == 1 and any("café" in finding["message"] for finding in json.loads(machine.stdout))
    # The text --fix gives back is the user's, never escaped.
    fixed = subprocess.run([sys.executable, "-m", "presslint", "check", "--no-config", "--fix", "-"],
                           input="The café  is open.\n".encode(), capture_output=True, cwd=tmp_path, timeout=120,
                           env={**os.environ, **env})
    assert fixed.stdout == "The café is open.\n".encode()


# --- the YAML cache is keyed by content --------------------------------------------------

def test_a_changed_file_with_the_old_size_and_time_is_read_again(tmp_path: Path) -> None:
    # What cp -p, tar and rsync -t do: new content, the old size and modification time.
    path = _config(tmp_path, "select: [W101]\n", "cached.yaml")
    stat = path.stat()
    assert read_yaml(path) == {"select": ["W101"]}
    path.write_text("select: [T101]\n", encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    assert read_yaml(path) == {"select": ["T101"]}


def test_a_deeply_nested_cache_entry_is_parsed_again_not_a_crash(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSLINT_CACHE_DIR", str(tmp_path / "cache"))
    path = _config(tmp_path, "select: [W101]\n", "cached.yaml")
    read_yaml(path)
    (entry,) = (tmp_path / "cache").iterdir()
    key = json.loads(entry.read_text(encoding="utf-8"))["key"]
    entry.write_text(json.dumps({"key": key, "data": 1}).replace("1}", "[" * 100_000 + "]" * 100_000 + "}"),
                     encoding="utf-8")
    assert read_yaml(path) == {"select": ["W101"]}


def test_the_cache_key_holds_the_content_hash_not_the_time(tmp_path: Path) -> None:
    path = _config(tmp_path, "a: 1\n", "c.yaml")
    _, key = yamlfile._cache_entry(path, path.read_bytes())
    assert str(path.stat().st_mtime_ns) not in key
    assert key.endswith(yamlfile.digest(b"a: 1\n")) and key != yamlfile._cache_entry(path, b"a: 2\n")[1]
