"""scripts/accuracy_gate.py without a server: each set checked against its own section of the
baseline (floors, ceilings, the tolerance), the baseline raised section by section, the sets
found in the evaluation directory, and the shape of the committed accuracy-baseline.json."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scripts import ROOT, accuracy_gate
from scripts.accuracy_gate import TOLERANCE

SECTION = {"at_least": {"quote_F1": 90.0, "role_acc": 70.0}, "at_most": {"role_spurious": 10.0}}
CLEAN = {"bad_offsets": 0, "http_errors": 0}


def figures(**values: float) -> dict[str, float]:
    return {**CLEAN, "quote_F1": 90.0, "role_acc": 70.0, "role_spurious": 10.0, **values}


# --- one set against its section ----------------------------------------------------------------

@pytest.mark.parametrize("got, failing", [
    (figures(), []),
    (figures(quote_F1=95.0, role_spurious=2.0), []),                 # better both ways
    (figures(quote_F1=90.0 - TOLERANCE), []),                        # within the tolerance
    (figures(quote_F1=90.0 - TOLERANCE - 0.1), ["quote_F1"]),        # a floor crossed
    (figures(role_spurious=10.0 + TOLERANCE), []),
    (figures(role_spurious=10.0 + TOLERANCE + 0.1), ["role_spurious"]),  # a ceiling crossed
    ({**CLEAN, "quote_F1": 90.0, "role_spurious": 1.0}, ["role_acc"]),   # a figure missing
    (figures(bad_offsets=1), ["bad_offsets"]),
    (figures(http_errors=3), ["http_errors"]),
])
def test_check_one_set(got: dict[str, float], failing: list[str]) -> None:
    failures = accuracy_gate.check(got, SECTION)
    assert [f.split()[0] for f in failures] == failing


# --- every set ------------------------------------------------------------------------------------

BASELINE = {"news": SECTION, "sport": {"at_least": {"quote_F1": 80.0}, "at_most": {}}}


@pytest.mark.parametrize("scored, expected", [
    ({"news": figures(), "sport": figures(quote_F1=81.0)}, []),
    ({"news": figures(), "sport": figures(quote_F1=79.0)}, ["sport: quote_F1"]),   # each set its own floor
    ({"news": figures(quote_F1=85.0), "sport": figures(quote_F1=85.0)}, ["news: quote_F1"]),
    ({"sport": figures(quote_F1=81.0)}, []),                                       # a set not scored
    ({}, ["no evaluation"]),                                                       # nothing scored fails
])
def test_check_all_sets(scored: dict[str, dict[str, float]], expected: list[str]) -> None:
    failures = accuracy_gate.check_all(scored, BASELINE)
    assert [" ".join(f.split()[:2]) for f in failures] == expected


def test_raise_moves_each_section_only_the_good_way() -> None:
    scored = {"news": figures(quote_F1=93.0, role_acc=60.0, role_spurious=4.0)}
    new = accuracy_gate.raised_all(scored, BASELINE)
    assert new["news"] == {"at_least": {"quote_F1": 93.0, "role_acc": 70.0}, "at_most": {"role_spurious": 4.0}}
    assert new["sport"] == BASELINE["sport"]  # not scored: left as it was


def test_raise_keeps_a_figure_the_scorer_did_not_give() -> None:
    assert accuracy_gate.raised({**CLEAN}, SECTION) == SECTION


# --- which sets are scored --------------------------------------------------------------------

def test_present_sets_are_those_with_a_gold_file(tmp_path: Path) -> None:
    (tmp_path / "news.jsonl").write_text("{}\n", encoding="utf-8")
    present, absent = accuracy_gate.present_sets(["news", "sport"], tmp_path)
    assert present == {"news": tmp_path / "news.jsonl"}
    assert absent == ["sport"]


# --- the committed baseline ----------------------------------------------------------------

BASELINE_FILE: dict[str, Any] = json.loads((ROOT / "accuracy-baseline.json").read_text(encoding="utf-8"))


def test_baseline_has_a_section_per_set() -> None:
    assert {"dev", "bbc_dev"} <= set(BASELINE_FILE)


@pytest.mark.parametrize("name", sorted(BASELINE_FILE))
def test_each_section_has_floors_and_spurious_ceilings(name: str) -> None:
    section = BASELINE_FILE[name]
    assert set(section) == {"at_least", "at_most"}
    assert "quote_F1" in section["at_least"] and "attributed_F1" in section["at_least"]
    assert all(key.endswith("_spurious") for key in section["at_most"])
    # the sets annotated with roles and events bound what is invented; the training split has no such fields
    assert bool(section["at_most"]) is (name in ("dev", "bbc_dev"))
    assert not any(key.endswith("_spurious") for key in section["at_least"])
    assert all(0.0 <= v <= 100.0 for part in section.values() for v in part.values())
