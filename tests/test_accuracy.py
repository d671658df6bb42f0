"""Accuracy floors on the labelled question sets: a change to matching, deciding or the facts
that loses paraphrases or lets near-misses through fails here, not first in Slack.

The floors are the issue's targets where the curated sets meet them (out-of-scope 98%,
near-miss 80%), and a few points under today's figures for in-scope questions, so noise from
an honest change passes and a real regression does not. The held-out sets in bench/ are never
used here: they stay an independent measure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine, load_engine
from bot.evaluation import evaluate, load_labelled
from tests.conftest import FACTS

DATA = Path(__file__).parent / "data"
SETS = sorted(DATA.glob("questions*.yaml"))

IN_SCOPE_FLOOR = 90.0
# Sets written in voices the engine reads worst (half-remembered descriptions, plain words for
# official terms, a podcast host's long lead-ins) measured under 90% in English when first
# run; each keeps a floor a few points under its own figure, so it still catches a regression.
IN_SCOPE_FLOORS = {"questions-116": 84.0, "questions-117": 85.0, "questions-118": 86.0}
OUT_OF_SCOPE_FLOOR = 98.0
NEAR_MISS_FLOOR = 80.0
WRONG_CEILING = 0.02  # confident wrong answers, as a share of the set


@pytest.fixture(scope="module")
def engine() -> Engine:
    return load_engine(FACTS)


def test_there_are_labelled_sets_to_measure() -> None:
    assert len(SETS) >= 121
    assert sum(len(load_labelled(path)) for path in SETS) >= 1000


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.stem)
def test_labelled_set_stays_above_its_floors(engine: Engine, path: Path) -> None:
    cases = load_labelled(path)
    result = evaluate(engine, cases)
    groups = result.by_group
    for language in ("zh", "en"):
        tally = groups[f"in-scope {language}"]
        floor = IN_SCOPE_FLOORS.get(path.stem, IN_SCOPE_FLOOR) if language == "en" else IN_SCOPE_FLOOR
        assert tally.rate >= floor, f"in-scope {language}: {tally.correct}/{tally.total}"
    assert groups["out_of_scope"].rate >= OUT_OF_SCOPE_FLOOR
    assert groups["near_miss"].rate >= NEAR_MISS_FLOOR
    wrong = sum(outcome.confidently_wrong for outcome in result.outcomes)
    assert wrong <= WRONG_CEILING * len(cases), f"{wrong} confident wrong answers"
