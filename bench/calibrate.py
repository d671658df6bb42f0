"""Calibrate the decision thresholds on the labelled question set.

    python bench/calibrate.py [--questions tests/data/questions.yaml]

Scores every labelled question once, then sweeps (answer threshold, margin) and prints,
for each pair, in-scope accuracy by language, out-of-scope and near-miss abstention, and
confident wrong answers. The chosen pair (in ``bot/engine.py``'s ``Thresholds``) is the one
with no confident wrong answer on the set that keeps in-scope accuracy highest.

    python bench/calibrate.py --lead

Sweeps the meaning lead instead (how much closer in meaning the best fact must be to answer
despite a runner-up within the margin), on every labelled set under tests/data together and
in cross-validation, from "off" down, for several whitening ridges (bot/meaning.py); the
smaller lead for a question the best fact holds whole stays as it is, or the swept lead if
that is smaller. The chosen lead is the lowest at which the labelled sets gain no confident
wrong answer over the row above it; the wrong answers cross-validation adds are read one by
one (the README says which). A few minutes a row.

    python bench/calibrate.py --covered

Sweeps the smaller lead asked when the best fact holds the question whole (its coverage at or
above ``covered``), with the meaning lead as chosen; the first row is meaning left out.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.engine import DEFAULT_THRESHOLDS, Engine, Thresholds  # noqa: E402
from bot.evaluation import LabelledQuestion, evaluate, load_labelled  # noqa: E402
from bot.factbase import FactBase, load_factbase  # noqa: E402
from crossval import crossvalidate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--facts", default=str(ROOT / "facts"))
    parser.add_argument("--questions", default=str(ROOT / "tests" / "data" / "questions.yaml"))
    parser.add_argument("--weights", default="0.5,0.6,0.7")
    parser.add_argument("--lead", action="store_true", help="sweep the meaning lead on every labelled set")
    parser.add_argument("--covered", action="store_true", help="sweep the lead for a question the best fact holds whole")
    args = parser.parse_args()
    base = load_factbase(Path(args.facts))
    if args.lead or args.covered:
        every = [c for path in sorted((ROOT / "tests" / "data").glob("questions*.yaml")) for c in load_labelled(path)]
        (sweep_lead if args.lead else sweep_covered)(base, every)
        return
    cases = load_labelled(Path(args.questions))
    rows = []
    for weight in (float(w) for w in args.weights.split(",")):
        for answer in range(40, 82, 4):
            for margin in (0, 2, 4, 6, 8, 10):
                t = dataclasses.replace(DEFAULT_THRESHOLDS, answer=answer, margin=margin, coverage_weight=weight)
                result = evaluate(Engine(base, t), cases)
                groups = result.by_group
                rate = lambda name: groups[name].rate if name in groups else float("nan")  # noqa: E731
                wrong = sum(o.confidently_wrong for o in result.outcomes)
                rows.append((weight, answer, margin, rate("in-scope zh"), rate("in-scope en"), rate("out_of_scope"), rate("near_miss"), wrong))
    print(f"{'weight':>6} {'answer':>6} {'margin':>6} {'zh%':>6} {'en%':>6} {'oos%':>6} {'near%':>6} {'wrong':>5}")
    for row in sorted(rows, key=lambda r: (r[7], -(r[3] + r[4])))[:25]:
        print(f"{row[0]:>6} {row[1]:>6} {row[2]:>6} {row[3]:>6.1f} {row[4]:>6.1f} {row[5]:>6.1f} {row[6]:>6.1f} {row[7]:>5}")
    print(f"current: {DEFAULT_THRESHOLDS}")


def sweep_lead(base: FactBase, cases: list[LabelledQuestion]) -> None:
    """Sweep the meaning lead for each whitening ridge ("none": a ridge so large the map is the identity).

    Each row also gives cross-validation (bench/crossval.py): right answers and confident wrong
    ones over the fact base's own phrasings, asked by engines that never saw them.
    """
    print(f"{'ridge':>6} {'lead':>6} {'zh%':>6} {'en%':>6} {'oos%':>6} {'near%':>6} {'wrong':>5} {'cv right':>9} {'cv wrong':>9}")
    print(f"({len(cases)} labelled questions)")
    for shrink in (1e9, 1.0, 0.3, 0.1):
        for lead in (float("inf"), 0.6, 0.55, 0.5, 0.45, 0.4, 0.35):
            if lead == float("inf") and shrink < 1e9:
                continue  # "off" does not depend on the ridge
            covered_lead = min(lead, DEFAULT_THRESHOLDS.covered_lead)
            t = dataclasses.replace(DEFAULT_THRESHOLDS, meaning_lead=lead, covered_lead=covered_lead, meaning_shrink=shrink)
            ridge = "none" if shrink >= 1e9 else f"{shrink:g}"
            print(f"{ridge:>6} {'off' if lead == float('inf') else f'{lead:.2f}':>6} {_measured(base, cases, t)}", flush=True)


def sweep_covered(base: FactBase, cases: list[LabelledQuestion]) -> None:
    """Sweep the lead asked when the best fact holds the question whole, and the coverage that counts as whole."""
    print(f"{'covered':>7} {'lead':>6} {'zh%':>6} {'en%':>6} {'oos%':>6} {'near%':>6} {'wrong':>5} {'cv right':>9} {'cv wrong':>9}")
    print(f"({len(cases)} labelled questions; the lead otherwise {DEFAULT_THRESHOLDS.meaning_lead})")
    off = dataclasses.replace(DEFAULT_THRESHOLDS, meaning_lead=float("inf"), covered_lead=float("inf"))
    print(f"{'-':>7} {'off':>6} {_measured(base, cases, off)}", flush=True)
    for covered in (80.0, 90.0, 95.0):
        for lead in (DEFAULT_THRESHOLDS.meaning_lead, 0.35, 0.3, 0.25, 0.2, 0.15):
            t = dataclasses.replace(DEFAULT_THRESHOLDS, covered=covered, covered_lead=lead)
            print(f"{covered:>7.0f} {lead:>6.2f} {_measured(base, cases, t)}", flush=True)


def _measured(base: FactBase, cases: list[LabelledQuestion], thresholds: Thresholds) -> str:
    """Return one row of figures: rates by group and wrong answers on ``cases``, then cross-validation."""
    result = evaluate(Engine(base, thresholds), cases)
    rate = lambda name: result.by_group[name].rate  # noqa: E731
    wrong = sum(o.confidently_wrong for o in result.outcomes)
    tally = crossvalidate(base, thresholds)
    cv_right, cv_wrong = (sum(t[key] for t in tally.values()) for key in ("right", "wrong"))
    return (
        f"{rate('in-scope zh'):>6.1f} {rate('in-scope en'):>6.1f} {rate('out_of_scope'):>6.1f}"
        f" {rate('near_miss'):>6.1f} {wrong:>5} {cv_right:>9} {cv_wrong:>9}"
    )


if __name__ == "__main__":
    main()
