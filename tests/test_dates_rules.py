"""The D rules beyond their pack examples: release dates from the configuration, the fact
sheet, the seeds, the facts-demo example and --show-release-date."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from presslint.cli import cli
from presslint.config import Config
from presslint.diagnostic import Diagnostic
from presslint.engine import check_document, load_checkers
from presslint.kinds.dates.fact_sheet import FactsError, parse
from presslint.selection import select

from .conftest import CHECKERS, ROOT, document

EXAMPLE = ROOT / "examples" / "facts-demo"


def run_with(config: Config, text: str, select_: str = "D", path: str = "release.txt") -> list[Diagnostic]:
    config = replace(config, select=(select_,))
    rules = select(load_checkers(config), config)
    return check_document(document(text, path), rules)


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_dateline_that_disagrees_with_the_given_release_date() -> None:
    text = "Title\n\nAUSTIN, Texas — March 17, 2024 — Acme today announced a plan.\n"
    found = run_with(Config(release_date=date(2024, 3, 18)), text, "D109")
    assert [d.message for d in found] == [
        "the dateline says March 17, 2024, 1 day earlier than the release date "
        "(March 18, 2024, from --release-date)"]
    assert not run_with(Config(release_date=date(2024, 3, 17)), text, "D109")
    # The relative dates beside it are D104's, the dateline is not.
    assert not run_with(Config(release_date=date(2024, 3, 18)), text, "D104")


def test_a_relative_date_of_several_days_names_them_all() -> None:
    text = "CITY, March 18, 2024 -- Acme said this week, on March 29, it will ship.\n"
    assert [d.message for d in run_with(Config(), text, "D104")] == [
        "'this week' means March 18, 2024 to March 24, 2024 by the release date (March 18, 2024, from the "
        "dateline), but the text says March 29"]


def test_tense_with_the_configured_release_date() -> None:
    text = "Acme will open the plant on March 2. The fair was held on April 5, 2024.\n"
    found = run_with(Config(release_date=date(2024, 3, 18)), text, "D105")
    assert [document(text).text[d.span.start:d.span.end] for d in found] == ["March 2", "April 5, 2024"]
    assert not run_with(Config(release_date=date(2024, 2, 1)), "Acme will open the plant on March 2.\n", "D105")


def test_the_quick_look_for_a_tense_cue_finds_every_cue() -> None:
    # D105 searches for a cue's sentence only where _ANY_CUE finds one near the date.
    from presslint.kinds.dates.claims import _ANY_CUE, _FUTURE, _PAST

    text = ("The summit was held on March 2 and the prizes were awarded; it had been announced on May 5, "
            "has been signed and have been opened. Acme launched it, unveiled a car, kicked off a tour, went "
            "live, and will not stop. The fair is scheduled for June; the expo shall open, an upcoming show, "
            "after a forthcoming one that took place in 2024 and are set to return.")
    cues = [match for regex in (_PAST, _FUTURE) for match in regex.finditer(text)]
    assert len(cues) == 16
    for cue in cues:
        assert _ANY_CUE.search(text, cue.start(), cue.end()), cue.group()

def test_relative_dates_are_reported_once_without_a_release_date() -> None:
    text = "Acme today announced a plan. Yesterday it hired staff. Last week it moved.\n"
    found = run_with(Config(), text, "D103")
    assert len(found) == 1 and "(and 2 more)" in found[0].message
    assert not run_with(Config(release_date=date(2024, 3, 18)), text, "D103")


def test_weekday_fix_keeps_the_written_style() -> None:
    found = run_with(Config(), "Doors open Mon., March 19, 2024.\n", "D102")
    assert found[0].fix is not None and found[0].fix.edits[0].replacement == "Tue."
    assert found[0].message == "March 19, 2024 is a Tuesday, not a Mon"


def test_suspicious_year_fix_replaces_the_letter_o() -> None:
    found = run_with(Config(), "The plant opens March 3, 2O24.\n", "D108")
    assert found[0].fix is not None and found[0].fix.edits[0].replacement == "2024"


# --- the fact sheet ---------------------------------------------------------------------

def facts_config(tmp_path: Path, facts: str) -> Config:
    sheet = tmp_path / "facts.yaml"
    sheet.write_text(facts, encoding="utf-8")
    return Config(facts=sheet)


def test_seed_004_is_reported_against_a_fact_sheet(tmp_path: Path, shared_seeds: Path) -> None:
    config = facts_config(tmp_path, '- event: "restructured agreement"\n  date: 2025-10-28\n'
                                    '  aliases: ["revised agreement", "evolution of their strategic partnership"]\n')
    seed = shared_seeds / "004_383c40b382e2333e.txt"
    doc = document(seed.read_bytes(), str(seed))
    rules = select(load_checkers(replace(config, select=("D",))), replace(config, select=("D",)))
    found = check_document(doc, rules)
    assert [(d.code, doc.lines.position(d.span.start), doc.text[d.span.start:d.span.end]) for d in found] == [
        ("D106", (2, 15), "March 18, 2024")]
    assert "restructured agreement on 2025-10-28" in found[0].message
    # Without the fact sheet nothing can show the date is wrong.
    assert not check_document(doc, select(load_checkers(Config()), Config(select=("D",))))


def test_no_date_findings_on_the_seeds(shared_seeds: Path) -> None:
    rules = [c for code, c in CHECKERS.items() if code.startswith("D")]
    for seed in sorted(shared_seeds.glob("*.txt")):
        doc = document(seed.read_bytes(), str(seed))
        assert check_document(doc, rules) == [], seed.name


def test_a_date_is_checked_against_the_event_named_nearest_it(tmp_path: Path) -> None:
    config = facts_config(tmp_path, "- {event: plant opening, date: 2024-05-14, aliases: [new plant]}\n"
                                    "- {event: Contoso agreement, date: 2023-11-02}\n")
    text = "The new plant builds on the Contoso agreement signed on November 2, 2022.\n"
    found = run_with(config, text, "D106")
    assert len(found) == 1 and "Contoso agreement on 2023-11-02" in found[0].message
    agreeing = "The new plant builds on the Contoso agreement signed on November 2, 2023.\n"
    assert not run_with(config, agreeing, "D106")


def test_founding_year_from_the_fact_sheet(tmp_path: Path) -> None:
    config = facts_config(tmp_path, "- {event: founded, year: 1975}\n")
    text = "AUSTIN, Texas — March 18, 2024 — Acme, founded in 1985, celebrates its 49th anniversary.\n"
    found = run_with(config, text, "D106")
    # The year is wrong; the anniversary (1975 + 49 = 2024) holds.
    assert [d.message for d in found] == [
        "1985 for 'founded' disagrees with the fact sheet: founded in 1975 (facts.yaml)"]


@pytest.mark.parametrize(("sheet", "error"), [
    ("event: founded", "a fact sheet is a list"),
    ("- {year: 1975}", "needs 'event'"),
    ("- {event: founded}", "give either 'date'"),
    ("- {event: founded, date: soon}", "'date' must be YYYY-MM-DD"),
    ("- {event: founded, year: 1975, when: x}", "unknown key 'when'"),
])
def test_fact_sheet_errors_name_the_fact(sheet: str, error: str) -> None:
    import yaml

    with pytest.raises(FactsError, match=re.escape(error)):
        parse(yaml.safe_load(sheet), "facts.yaml")


def test_a_broken_fact_sheet_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "facts.yaml").write_text("- {event: founded}\n", encoding="utf-8")
    (tmp_path / ".presslint.yaml").write_text("facts: facts.yaml\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text("Acme.\n", encoding="utf-8")
    code, _, err = invoke("check", "--config", str(tmp_path / ".presslint.yaml"), str(tmp_path / "r.txt"))
    assert code == 2 and "facts.yaml: fact 1: give either 'date'" in err


def test_facts_demo_example() -> None:
    code, out, _ = invoke("check", "--config", str(EXAMPLE / ".presslint.yaml"), "--output-format", "json",
                          str(EXAMPLE / "release.txt"))
    assert code == 1
    found = [(d["code"], d["line"], d["message"]) for d in json.loads(out)]
    d106 = [f for f in found if f[0] == "D106"]
    assert any("Harbor Point plant opening on 2024-05-14" in m for _, line, m in d106 if line == 3)
    assert any("distribution agreement with Contoso on 2023-11-02" in m for _, line, m in d106 if line == 5)
    d110 = [f for f in found if f[0] == "D110"]
    assert any("'for 20 years' does not add up" in m for _, line, m in d110 if line == 7)


# --- --show-release-date ------------------------------------------------------------------

def test_show_release_date_names_the_source(tmp_path: Path) -> None:
    dated = tmp_path / "a.txt"
    dated.write_text("Title\n\nAUSTIN, Texas — March 18, 2024 — Acme said.\n", encoding="utf-8")
    front = tmp_path / "b.md"
    front.write_text("---\ndate: 2024-03-20\n---\n\nAcme said.\n", encoding="utf-8")
    undated = tmp_path / "c.txt"
    undated.write_text("Acme said.\n", encoding="utf-8")
    code, out, err = invoke("check", "--no-config", "--jobs", "1", "--show-release-date", "--output-format", "json",
                            str(dated), str(front), str(undated))
    assert code in (0, 1)
    json.loads(out)  # stdout stays parseable
    assert f"{dated}: release date 2024-03-18 (from dateline, line 3)" in err.splitlines()
    assert f"{front}: release date 2024-03-20 (from front matter, line 2)" in err.splitlines()
    assert f"{undated}: release date none found" in err.splitlines()
    _, _, err = invoke("check", "--no-config", "--show-release-date", "--release-date", "2024-03-01", str(dated))
    assert f"{dated}: release date 2024-03-01 (from --release-date)" in err.splitlines()


@pytest.mark.parametrize("name", [".presslint.yaml", "pyproject.toml"])
def test_the_release_date_of_the_configuration_is_said_to_come_from_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    (tmp_path / name).write_text("[tool.presslint]\nrelease-date = 2024-03-18\nselect = ['D']\n"
                                 if name == "pyproject.toml" else "release-date: 2024-03-18\nselect: [D]\n",
                                 encoding="utf-8")
    (tmp_path / "r.txt").write_text("AUSTIN, Texas, March 20, 2024 - Acme will open on March 1, 2024.\n",
                                    encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, err = invoke("check", "-q", "--show-release-date", "r.txt")
    lines = out.splitlines()
    assert len(lines) == 2 and all(f"(March 18, 2024, from the configuration file {name})" in line
                                   for line in lines)  # D109 and D105
    assert lines[0].startswith("r.txt:1:16: D109 ")
    assert f"r.txt: release date 2024-03-18 (from configuration file {name})" in err.splitlines()
    _, out, _ = invoke("check", "-q", "--release-date", "2024-03-18", "r.txt")
    assert out and all("(March 18, 2024, from --release-date)" in line for line in out.splitlines())


def _odd_dates(text: str, config: Config | None = None) -> list[str]:
    found = run_with(config or Config(), text, "D107")
    return [text[d.span.start:d.span.end] for d in found]


def test_mixed_formats_are_judged_against_the_dateline_first() -> None:
    # The dateline writes figures; the two dates with month names are the odd ones out,
    # although they are the majority.
    text = "AUSTIN, Texas — 03/03/2025 — Acme said the fair opens March 18, 2025 and ends March 20, 2025.\n"
    assert _odd_dates(text) == ["March 18, 2025", "March 20, 2025"]
    # Without a dateline the most common form is the release's own.
    assert _odd_dates("Acme opens March 18, 2025, moves on 2025-03-19 and ends March 20, 2025.\n") \
        == ["2025-03-19"]
    # As common: the form with the month's name is the release's own.
    assert _odd_dates("Acme suspends trading on 08/29/2025 and closes on August 1, 2026.\n") == ["08/29/2025"]


def test_an_ordinal_day_is_a_form_of_its_own() -> None:
    text = "AUSTIN, Texas — March 3, 2025 — The sale ends May 31st, 2025 and the fair on 1 June 2025.\n"
    found = run_with(Config(), text, "D107")
    assert [text[d.span.start:d.span.end] for d in found] == ["May 31st, 2025", "1 June 2025"]
    assert "with an ordinal day (March 18th, 2024)" in found[0].message


def test_a_lone_date_in_figures_is_reported_but_not_a_dateline() -> None:
    assert _odd_dates("The Goldie Gala, taking place on 09/18/2025, is sold out.\n") == ["09/18/2025"]
    assert _odd_dates("Effective 2025-08-04, the board appointed a chair.\n") == ["2025-08-04"]
    assert _odd_dates("AUSTIN, Texas — 09/18/2025 — Acme said so.\n") == []
    assert _odd_dates("The fair opens 09/18/2025 and closes 09/20/2025.\n") == []
    assert _odd_dates("The fair opens March 18, 2025.\n") == []


def test_a_lone_date_in_the_other_order_than_the_days_without_a_year() -> None:
    text = "Doors open September 17 for members. The gala takes place on 18 September 2025.\n"
    assert _odd_dates(text) == ["18 September 2025"]
    assert _odd_dates("Doors open 17 September. The gala takes place on 18 September 2025.\n") == []
    assert _odd_dates("The gala takes place on 18 September 2025.\n") == []
    assert _odd_dates("Doors open 17 September. The gala is on September 18, 2025.\n") == ["September 18, 2025"]


@pytest.mark.parametrize("text", [
    "LONDON - 15 June 2026 - Acme today opened a plant.\n",
    "/ Wire Name / October 7, 2024 4:50 PM / Acme today opened a plant.\n",
    "AUSTIN, Texas (July 31, 2024)— Acme today opened a plant.\n",
    "Release Date: July 31, 2024\n\nAcme today opened a plant.\n",
])
def test_a_release_dated_in_a_wire_form_has_no_unanchored_today(text: str) -> None:
    assert not run_with(Config(), text, "D103")


def test_an_html_dateline_with_mdash_anchors_today() -> None:
    text = "<p>AUSTIN, Texas, July 31, 2024 &mdash; Acme today opened a plant.</p>\n"
    assert not run_with(Config(), text, "D103", path="release.html")
    assert run_with(Config(), "<p>Acme today opened a plant.</p>\n", "D103", path="release.html")


def test_an_html_dateline_after_a_long_head_dates_the_release() -> None:
    head = "<head><style>" + "p { margin: 0 }\n" * 200 + "</style></head>\n"
    text = f"<html>{head}<body><p>AUSTIN, Texas — July 31, 2024 — Acme today opened a plant.</p></body></html>\n"
    assert not run_with(Config(), text, "D103", path="release.html")
