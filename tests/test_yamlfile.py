"""YAML reading: line numbers, safety, and the JSON cache that spares PyYAML's import."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest

from presslint import yamlfile
from presslint.yamlfile import LineDict, read_yaml

from .conftest import ROOT

TEXT = "rules:\n  - code: W901\n    when: 2024-03-18\n    raw: !!binary aGk=\n"


def test_cache_hit_gives_the_same_data_without_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSLINT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "pack.yaml"
    path.write_text(TEXT, encoding="utf-8")
    first = read_yaml(path)
    monkeypatch.setattr(yamlfile, "_parse", lambda *a: pytest.fail("parsed again"))
    second = read_yaml(path)
    assert second == first == {"rules": [{"code": "W901", "when": datetime.date(2024, 3, 18), "raw": b"hi"}]}
    assert isinstance(second, LineDict) and second["rules"][0].line == 2


def test_a_changed_or_damaged_file_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSLINT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "pack.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    assert read_yaml(path) == {"a": 1}
    path.write_text("a: 22\n", encoding="utf-8")
    assert read_yaml(path) == {"a": 22}
    for cached in (tmp_path / "cache").iterdir():
        cached.write_text("{not json", encoding="utf-8")
    assert read_yaml(path) == {"a": 22}


def test_two_files_whose_entries_share_a_name_never_get_each_others_data(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(yamlfile, "crc32", lambda key: 0)  # every key, one file name
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("a: 1\n", encoding="utf-8")
    second.write_text("b: 2\n", encoding="utf-8")
    assert [read_yaml(first), read_yaml(second), read_yaml(first)] == [{"a": 1}, {"b": 2}, {"a": 1}]
    assert len(list((tmp_path / "cache").iterdir())) == 1


def test_no_cache_when_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PRESSLINT_NO_CACHE", "1")
    path = tmp_path / "c.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    assert read_yaml(path) == {"a": 1}
    assert not (tmp_path / "cache").exists()


def test_a_warm_run_on_one_file_does_not_import_yaml(tmp_path: Path) -> None:
    release = tmp_path / "r.txt"
    release.write_text("Fine.\n", encoding="utf-8")
    env = {**os.environ, "PRESSLINT_CACHE_DIR": str(tmp_path / "cache")}
    code = ("import sys; from presslint.cli import main; main(['check', '--no-config', '-q', sys.argv[1]]); "
            "print('yaml' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", code, str(release)], capture_output=True, text=True, env=env,
                           cwd=ROOT) for _ in range(2)]
    assert [r.stdout.strip().splitlines()[-1] for r in runs] == ["True", "False"]


def test_each_key_knows_its_line_also_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSLINT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "config.yaml"
    path.write_text("select: [W]\n\nrule-options:\n  W105:\n    sentence-spacing: two\n  W104: {}\n",
                    encoding="utf-8")
    for _ in range(2):  # parsed, then read from the cache
        data = read_yaml(path)
        assert [data.line_of(key) for key in ("select", "rule-options", "missing")] == [1, 3, 1]
        options = data["rule-options"]
        assert [options.line_of(key) for key in ("W105", "W104")] == [4, 6]
        monkeypatch.setattr(yamlfile, "_parse", lambda *a: pytest.fail("parsed again"))


def test_a_yaml_error_is_raised_as_the_callers_error(tmp_path: Path) -> None:
    from presslint.errors import ConfigError, PackError

    path = tmp_path / "broken.yaml"
    path.write_text("a: [1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"broken\.yaml:\d+: invalid YAML"):
        read_yaml(path, ConfigError)
    with pytest.raises(PackError, match=r"cannot read"):
        read_yaml(tmp_path / "missing.yaml")
