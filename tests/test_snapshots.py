"""One snapshot per output format: tests/snapshots/<format><suffix> is what `presslint check`
writes in that format for tests/snapshots/release.md, a small release with findings of
several families, fixes and info findings. Reviewed like code: after a deliberate change,
rewrite them with ``PRESSLINT_UPDATE_SNAPSHOTS=1 pytest tests/test_snapshots.py`` and read
the diff."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from presslint.cli import cli
from presslint.report import FORMATS

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("PRESSLINT_UPDATE_SNAPSHOTS") == "1"


def output(output_format: str, monkeypatch: pytest.MonkeyPatch) -> str:
    # From the snapshots' folder, so that the reported path is the same on every machine.
    monkeypatch.chdir(SNAPSHOTS)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    result = CliRunner().invoke(cli, ["check", "--no-config", "--release-date", "2024-03-18",
                                      "--output-format", output_format, "release.md"])
    assert result.exit_code == 1, result.output
    return result.output


@pytest.mark.parametrize("output_format", sorted(FORMATS))
def test_output_matches_its_snapshot(output_format: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = SNAPSHOTS / f"{output_format}{FORMATS[output_format].suffix}"
    got = output(output_format, monkeypatch)
    if UPDATE:
        path.write_text(got, encoding="utf-8", newline="")
    assert path.is_file(), f"no snapshot {path.name}: run PRESSLINT_UPDATE_SNAPSHOTS=1 pytest {__file__}"
    assert got == path.read_bytes().decode("utf-8"), f"{path.name} differs (see the module docstring)"


def test_the_input_has_what_the_snapshots_should_show(monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    findings = json.loads(output("json", monkeypatch))
    assert len({f["code"][0] for f in findings}) >= 4, "findings of several families"
    assert any(f["fix"] for f in findings) and any(f["severity"] == "info" for f in findings)


def test_every_snapshot_belongs_to_a_format() -> None:
    expected = {f"{name}{fmt.suffix}" for name, fmt in FORMATS.items()}
    assert {p.name for p in SNAPSHOTS.iterdir()} - {"release.md"} == expected
