"""Every long option of `check` is a configuration key, or a documented exception; the
configuration's switches work as the options do."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from presslint.cli import check, cli
from presslint.config import COMMAND_LINE_ONLY, KEYS, parse, reference
from presslint.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


def _long_options() -> set[str]:
    return {name[2:] for param in check.params if isinstance(param, click.Option)
            for name in param.opts if name.startswith("--") and name != "--help"}


def test_every_long_option_of_check_is_a_key_or_a_documented_exception() -> None:
    options = _long_options()
    missing = options - set(KEYS) - set(COMMAND_LINE_ONLY)
    assert not missing, f"options that are neither config keys nor in config.COMMAND_LINE_ONLY: {missing}"
    assert set(COMMAND_LINE_ONLY) <= options  # no stale exception
    assert not set(COMMAND_LINE_ONLY) & set(KEYS)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for option in COMMAND_LINE_ONLY:
        assert f"`--{option}`" in reference() and f"`--{option}`" in readme


@pytest.mark.parametrize("key, value", [("quiet", "yes"), ("jobs", 0), ("jobs", True), ("exit-zero", 1)])
def test_a_switch_key_of_the_wrong_type_is_an_error_at_its_line(tmp_path: Path, key: str, value: object) -> None:
    with pytest.raises(ConfigError, match=repr(key)):
        parse({key: value}, tmp_path / ".presslint.yaml")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def _run(tmp_path: Path, config: str, *args: str) -> tuple[int, str, str]:
    (tmp_path / ".presslint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "release.txt").write_text("Example Corp  announced results.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "release.txt", *args])
    return result.exit_code, result.stdout, result.stderr


def test_exit_zero_quiet_and_statistics_from_the_configuration(tmp_path: Path) -> None:
    code, out, _ = _run(tmp_path, "select: [W104]\n")
    assert code == 1 and "Found 1 problem" in out
    code, out, _ = _run(tmp_path, "select: [W104]\nexit-zero: true\nquiet: true\njobs: 1\n")
    assert code == 0
    assert out.strip().splitlines() == ["release.txt:1:13: W104 2 spaces between words"]
    code, out, _ = _run(tmp_path, "select: [W104]\nstatistics: true\n")
    assert code == 1 and "W104" in out and "release.txt:1:13" not in out


def test_show_release_date_and_unsafe_fixes_from_the_configuration(tmp_path: Path) -> None:
    _, _, err = _run(tmp_path, "select: [W104]\nshow-release-date: true\nrelease-date: 2024-03-18\n")
    assert "2024-03-18" in err and "release.txt" in err
    (tmp_path / "release.txt").write_text("Example Corp annnounced results.\n", encoding="utf-8")
    (tmp_path / ".presslint.yaml").write_text("select: [T]\n", encoding="utf-8")
    runner = CliRunner()
    safe = runner.invoke(cli, ["check", "release.txt", "--diff"]).stdout
    (tmp_path / ".presslint.yaml").write_text("select: [T]\nunsafe-fixes: true\n", encoding="utf-8")
    unsafe = runner.invoke(cli, ["check", "release.txt", "--diff"]).stdout
    assert "+Example Corp announced results." in unsafe and "+Example Corp announced" not in safe


@pytest.mark.parametrize("value, colored", [(None, True), ("", True), ("1", False), ("0", False)])
def test_no_color_set_to_nothing_does_not_turn_colour_off(monkeypatch: pytest.MonkeyPatch,
                                                            value: str | None, colored: bool) -> None:
    from presslint.cli import _colored

    class Terminal:
        def isatty(self) -> bool:
            return True

    if value is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", value)
    assert _colored(Terminal()) is colored


def test_an_unknown_code_in_per_file_ignores_is_an_error_at_its_line(tmp_path: Path) -> None:
    code, out, err = _run(tmp_path, "select: [W]\nper-file-ignores:\n  \"*.txt\": [W104]\n  \"legal/*\": [W1O4]\n")
    assert code == 2 and out == ""
    assert ".presslint.yaml:4:" in err and "'W1O4'" in err


def test_presslint_config_prints_every_key_with_where_it_came_from(tmp_path: Path) -> None:
    import yaml

    (tmp_path / ".presslint.yaml").write_text(
        "select: [W, T]\nconsistency: document\nrelease-date: 2024-03-18\nvocabulary: {accept: [Acme]}\n",
        encoding="utf-8")
    (tmp_path / ".presslint-words.txt").write_text("Northwind\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["config", "--ignore", "W104"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"# configuration file: {tmp_path / '.presslint.yaml'}"
    assert len(lines) == 1 + len(KEYS)
    by_key = {line.split(":", 1)[0]: line for line in lines[1:]}
    assert set(by_key) == set(KEYS)
    assert by_key["select"] == 'select: ["W", "T"]  # configuration file .presslint.yaml'
    assert by_key["ignore"] == 'ignore: ["W104"]  # --ignore'
    assert by_key["consistency"].endswith("# configuration file .presslint.yaml")  # written, though the default
    assert by_key["release-date"] == 'release-date: "2024-03-18"  # configuration file .presslint.yaml'
    assert by_key["vocabulary"].endswith("# configuration file .presslint.yaml")
    assert by_key["words-file"].endswith(f"# found ({tmp_path / '.presslint-words.txt'})")
    assert by_key["jobs"] == "jobs: null  # default"
    # The lines are YAML a configuration takes back (less the nulls, which mean "the default").
    values = {k: v for k, v in yaml.safe_load(result.stdout).items() if v is not None}
    parse(values, tmp_path / ".presslint.yaml")
    bare = CliRunner().invoke(cli, ["config", "--no-config"]).stdout.splitlines()
    assert bare[0] == "# no configuration file: the defaults"
    assert all(line.endswith("# default") for line in bare[1:])
