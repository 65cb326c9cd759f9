"""The result cache (cache.py): a hit gives what a check gives, anything that can change a
finding is a miss, and the cache can be damaged, shared and removed without harm."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import presslint.engine
import presslint.runner
from presslint import cache as cache_module
from presslint.cli import cli
from presslint.report import FORMATS
from presslint.results import FileResult

ROOT = Path(__file__).resolve().parents[1]
RELEASE = ("Acme Corp  announced results today.  The paypal team agreed.\n"
           "<!-- presslint-disable-next-line T101 -->\n"
           "Teh board met on Monday.\n")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PRESSLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("PRESSLINT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "release.md").write_text(RELEASE, encoding="utf-8")


def _check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", "--no-config", *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, result.stdout


def _entries(folder: Path) -> list[Path]:
    return sorted((folder / "results").glob("*/*.json"))


def _not_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, checking a file (or building the checkers) fails the test."""
    def fail(*args: object, **kwargs: object) -> None:
        pytest.fail("checked again")

    monkeypatch.setattr(presslint.runner, "check_file", fail)
    monkeypatch.setattr(presslint.engine, "load_checkers", fail)


def test_a_file_checked_before_is_served_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _check("release.md")
    assert "W104" in first[1] and len(_entries(tmp_path / "cache")) == 1
    _not_checked(monkeypatch)
    assert _check("release.md") == first  # not even the checkers are built


def test_a_changed_file_is_checked_again(tmp_path: Path) -> None:
    _check("release.md")
    (tmp_path / "release.md").write_text(RELEASE.replace("Corp  announced", "Corp announced"), encoding="utf-8")
    out = _check("release.md")[1]
    assert "W104" not in out and "W105" in out
    assert len(_entries(tmp_path / "cache")) == 2


def test_a_changed_configuration_is_a_miss(tmp_path: Path) -> None:
    config = tmp_path / ".presslint.yaml"
    config.write_text("select: [W104]\n", encoding="utf-8")
    both = CliRunner().invoke(cli, ["check", "release.md"]).stdout
    config.write_text("select: [W105]\n", encoding="utf-8")
    out = CliRunner().invoke(cli, ["check", "release.md"]).stdout
    assert "W104" in both and "W105" not in both
    assert "W105" in out and "W104" not in out
    # The command line's values count too, and the release date.
    assert "W105" not in _check("release.md", "--select", "W104")[1]
    assert "W104" not in _check("release.md", "--select", "W105")[1]


def test_a_changed_terms_file_is_a_miss(tmp_path: Path) -> None:
    terms = tmp_path / "terms.txt"
    terms.write_text("AcMe\n", encoding="utf-8")
    (tmp_path / ".presslint.yaml").write_text("select: [C103]\nterms-file: terms.txt\n", encoding="utf-8")
    first = CliRunner().invoke(cli, ["check", "release.md"]).stdout
    terms.write_text("ACme\n", encoding="utf-8")
    second = CliRunner().invoke(cli, ["check", "release.md"]).stdout
    assert "'Acme' is written 'AcMe'" in first
    assert "'Acme' is written 'ACme'" in second and "AcMe" not in second


def test_a_changed_pack_is_a_miss(tmp_path: Path) -> None:
    pack = tmp_path / "house.yaml"
    rule = ("rules:\n  - code: P901\n    name: no-{word}\n    kind: pattern\n    severity: warning\n"
            "    message: 'no {word}'\n    docs: No {word}.\n    options: {{pattern: '{word}'}}\n"
            "    examples: {{bad: [{{text: 'a {word}', flagged: {word}}}], good: ['other']}}\n")
    pack.write_text(rule.format(word="board"), encoding="utf-8")
    (tmp_path / ".presslint.yaml").write_text("select: [P901]\nrules: [house.yaml]\n", encoding="utf-8")
    assert "no board" in CliRunner().invoke(cli, ["check", "release.md"]).stdout
    pack.write_text(rule.format(word="team"), encoding="utf-8")
    out = CliRunner().invoke(cli, ["check", "release.md"]).stdout
    assert "no team" in out and "no board" not in out


def test_no_cache_and_cache_false_write_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    _check("release.md", "--no-cache")
    assert not (cache / "results").exists()
    (tmp_path / ".presslint.yaml").write_text("cache: false\n", encoding="utf-8")
    CliRunner().invoke(cli, ["check", "release.md"])
    assert not (cache / "results").exists()
    monkeypatch.setenv("PRESSLINT_NO_CACHE", "1")
    _check("release.md")
    assert not (cache / "results").exists()
    _check("release.md", "--cache")  # the command line wins
    assert _entries(cache)


def test_the_default_folder_is_beside_the_configuration_tagged_and_ignored_by_git(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRESSLINT_CACHE_DIR")
    (tmp_path / ".presslint.yaml").write_text("select: [W]\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    CliRunner().invoke(cli, ["check", "../release.md"])
    folder = tmp_path / cache_module.NAME
    assert _entries(folder) and not (tmp_path / "sub" / cache_module.NAME).exists()
    assert (folder / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"
    # The configuration's cache-dir, relative to its folder.
    (tmp_path / ".presslint.yaml").write_text("select: [W]\ncache-dir: .cache/lint\n", encoding="utf-8")
    CliRunner().invoke(cli, ["check", "../release.md"])
    assert _entries(tmp_path / ".cache" / "lint")


def test_clean_removes_the_cache_and_nothing_else(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _check("release.md")
    (cache / "notes.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(cli, ["clean", "--no-config"])
    assert result.exit_code == 0 and "removed the cache" in result.stdout
    assert [p.name for p in cache.iterdir()] == ["notes.txt"]
    (cache / "notes.txt").unlink()
    _check("release.md")
    CliRunner().invoke(cli, ["clean", "--no-config"])
    assert not cache.exists()
    result = CliRunner().invoke(cli, ["clean", "--no-config"])
    assert result.exit_code == 0 and "no cache in" in result.stdout


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"key": "x"}', b"[]", b'{"key": 1, "path": 2}'])
def test_a_damaged_entry_is_checked_again(tmp_path: Path, damage: bytes) -> None:
    first = _check("release.md")
    entry = _entries(tmp_path / "cache")[0]
    stored = json.loads(entry.read_bytes())
    entry.write_bytes(damage)
    assert _check("release.md") == first
    assert json.loads(entry.read_bytes()) == stored  # and written again
    # A well-formed entry of another file under this one's name is not served either.
    entry.write_text(json.dumps({**stored, "path": "other.md"}), encoding="utf-8")
    assert _check("release.md") == first


def test_an_unwritable_cache_is_only_a_slower_run(tmp_path: Path) -> None:
    (tmp_path / "cache").write_text("a file where the folder would be", encoding="utf-8")
    assert _check("release.md")[1] == _check("release.md", "--no-cache")[1]


def test_fixes_consistency_project_and_standard_input_do_not_use_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _check("release.md", "--consistency", "project")
    result = CliRunner().invoke(cli, ["check", "--no-config", "-"], input=RELEASE)
    assert "W104" in result.stdout
    assert not (cache / "results").exists()
    _check("release.md")
    assert len(_entries(cache)) == 1
    # A fix run after a cached check still fixes, and --diff still shows the diff.
    assert "-Acme Corp  announced" in _check("release.md", "--diff")[1]
    _check("release.md", "--fix")
    assert "Acme Corp announced" in (tmp_path / "release.md").read_text(encoding="utf-8")
    assert len(_entries(cache)) == 1  # fix runs store nothing


def _copy_cases(tmp_path: Path) -> Path:
    """A folder of varied files: the case files (Markdown, HTML, text), suppressions used
    and unused (P001), binary and empty files, and a nearer configuration."""
    folder = tmp_path / "files"
    folder.mkdir()
    for case in sorted((ROOT / "tests" / "cases").iterdir()):
        if case.suffix in (".txt", ".md", ".html"):
            (folder / case.name).write_bytes(case.read_bytes())
    (folder / "release.md").write_text(RELEASE, encoding="utf-8")
    (folder / "unused.md").write_text("<!-- presslint-disable-next-line W104 -->\nA clean line.\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    (folder / "cp1252.txt").write_bytes("Caf\xe9 \x93quoted\x94  text.\n".encode("latin-1"))
    nested = folder / "nested"
    nested.mkdir()
    (nested / ".presslint.yaml").write_text("ignore: [W104]\nrelease-date: 2024-03-18\n", encoding="utf-8")
    (nested / "release.md").write_text(RELEASE + "The event was held last week on March 30, 2024.\n",
                                       encoding="utf-8")
    return folder


def _checked(folder: Path) -> int:
    """How many files a check of ``folder`` reads."""
    return sum(1 for path in folder.rglob("*") if path.suffix in (".txt", ".md", ".html"))


@pytest.mark.parametrize("output", sorted(FORMATS))
def test_every_output_format_is_the_same_with_and_without_the_cache(tmp_path: Path, output: str) -> None:
    folder = _copy_cases(tmp_path)
    runs = []
    for cache in ("--no-cache", "--cache", "--cache"):  # none, the first (filling), the re-run
        result = CliRunner().invoke(cli, ["check", "files", "--output-format", output, "--jobs", "1", cache])
        runs.append((result.exit_code, result.stdout, result.stderr))
    assert runs[0][0] in (0, 1) and runs[0][1]
    assert runs[0] == runs[1] == runs[2]
    if output == "json":  # what the files were made to show, shown from the cache too
        codes = {finding["code"] for finding in json.loads(runs[2][1])}
        assert {"P001", "W104", "T101", "C103"} <= codes
    assert len(_entries(tmp_path / "cache")) == _checked(folder)


def test_the_process_pool_fills_and_reads_the_cache(tmp_path: Path) -> None:
    folder = _copy_cases(tmp_path)
    command = [sys.executable, "-m", "presslint", "check", "--output-format", "json", "--jobs", "2", str(folder)]
    env = {**os.environ, "PRESSLINT_CACHE_DIR": str(tmp_path / "cache")}
    plain = subprocess.run([*command, "--no-cache"], capture_output=True, env=env, check=False)
    runs = [subprocess.run(command, capture_output=True, env=env, check=False) for _ in range(2)]
    assert [(r.returncode, r.stdout, r.stderr) for r in runs] == [(plain.returncode, plain.stdout, plain.stderr)] * 2
    assert len(_entries(tmp_path / "cache")) == _checked(folder)


def test_two_runs_at_once_share_a_cache_without_harm(tmp_path: Path) -> None:
    folder = _copy_cases(tmp_path)
    cache = tmp_path / "cache"
    command = [sys.executable, "-m", "presslint", "check", "--output-format", "json", str(folder)]
    env = {**os.environ, "PRESSLINT_CACHE_DIR": str(cache)}
    plain = subprocess.run([*command, "--no-cache"], capture_output=True, env=env, check=False).stdout
    for _ in range(2):  # at once, on an empty cache, then on a filled one
        running = [subprocess.Popen([*command, "--jobs", "1"], stdout=subprocess.PIPE, env=env) for _ in range(2)]
        assert [process.communicate()[0] for process in running] == [plain, plain]
    entries = _entries(cache)
    assert entries and all(json.loads(entry.read_bytes())["path"] for entry in entries)
    assert not list(cache.rglob("*.tmp"))  # no temporary file left


def test_pruning_removes_old_entries_then_the_least_recently_used(tmp_path: Path) -> None:
    folder = _copy_cases(tmp_path)
    CliRunner().invoke(cli, ["check", "files", "--jobs", "1"])
    cache = tmp_path / "cache"
    entries = _entries(cache)
    now = entries[0].stat().st_mtime
    for i, entry in enumerate(entries):
        os.utime(entry, (now - i, now - i))
    old = entries[-1]
    os.utime(old, (now - cache_module.MAX_AGE - 10, now - cache_module.MAX_AGE - 10))
    assert cache_module.prune(cache, now) == 1 and not old.exists()
    total = sum(entry.stat().st_size for entry in entries[:-1])
    newest = entries[0].stat().st_size
    assert cache_module.prune(cache, now, max_bytes=total - 1) == 1
    assert not entries[-2].exists() and entries[0].exists()  # the least recently used went first
    cache_module.prune(cache, now, max_bytes=newest)
    assert _entries(cache) == [entries[0]]
    assert folder.is_dir()


def test_a_hit_marks_its_entry_used_since_the_last_pruning(tmp_path: Path) -> None:
    _check("release.md")
    cache = tmp_path / "cache"
    entry = _entries(cache)[0]
    pruned = (cache / "results" / "PRUNED").stat().st_mtime
    os.utime(entry, (pruned - 100, pruned - 100))
    _check("release.md")
    assert entry.stat().st_mtime >= pruned


def test_a_one_file_run_without_the_cache_imports_nothing_of_it(tmp_path: Path) -> None:
    code = ("import sys\nfrom presslint.cli import main\nmain(['check', '--no-cache', '--no-config', 'release.md'])\n"
            "print(sorted(m for m in sys.modules if m in ('presslint.cache', 'hashlib', 'tempfile')))")
    # (_blake2 is loaded: the parsed-YAML cache is keyed by the packs' content)
    for _ in range(2):  # the second with the parsed packs cached (the first imports tempfile to write them)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "[]"


def test_a_broken_configuration_is_said_even_with_nothing_to_check(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(cli, ["check", "--no-config", "--select", "NOPE", "empty"])
    assert result.exit_code == 2 and "'NOPE'" in result.stderr
    result = CliRunner().invoke(cli, ["check", "--no-config", "--select", "NOPE", "release.md"])
    assert result.exit_code == 2 and "'NOPE'" in result.stderr and not (tmp_path / "cache" / "results").exists()


@pytest.mark.parametrize("field", ["terms_file", "words_file", "facts"])
def test_a_named_file_that_is_no_regular_file_is_not_read_for_the_key(tmp_path: Path, field: str) -> None:
    from presslint.config import Config

    os.mkfifo(tmp_path / "fifo")
    for special in (Path("/dev/zero"), tmp_path / "fifo", tmp_path / "missing.txt"):
        assert cache_module.config_key(Config(**{field: special})) is None  # at once: not read
    (tmp_path / "terms.txt").write_text("AcMe\n", encoding="utf-8")
    assert cache_module.config_key(Config(**{field: tmp_path / "terms.txt"})) is not None


def test_the_check_of_the_misses_runs_to_its_end(tmp_path: Path) -> None:
    """The check of the files the cache missed is a generator whose end shuts its process
    pool down: left at its last result, the pool was shut down by the garbage collector at
    exit, and Python printed an OSError ("Bad file descriptor") after a correct run."""
    from presslint.config import Config

    files = []
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Teh text.\n", encoding="utf-8")
        files.append(tmp_path / name)
    ended = []

    def check(misses: list[int], keys: dict[int, str | None]) -> Iterator[FileResult]:
        for i in misses:
            yield FileResult(str(files[i]))
        ended.append(True)  # what the runner does after its last result: pool.shutdown()

    store = cache_module.ResultCache(tmp_path / "cache")
    configs = [Config()] * len(files)
    results = list(cache_module.cached(store, files, configs, check))
    assert [r.path for r in results] == [str(f) for f in files] and ended == [True]
