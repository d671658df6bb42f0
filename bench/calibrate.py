"""Calibrate the decision thresholds on the labelled question set.

    python bench/calibrate.py [--questions tests/data/questions.yaml]

Scores every labelled question once, then sweeps (answer threshold, margin) and prints,
for each pair, in-scope accuracy by language, out-of-scope and near-miss abstention, and
confident wrong answers. The chosen pair (in ``bot/engine.py``'s ``Thresholds``) is the one
with no confident wrong answer on the set that keeps in-scope accuracy highest.

    python bench/calibrate.py --lead

Sweeps the meaning lead instead (how much closer in meaning the best fact must be to answer
despite a runner-up within the margin), on every labelled set under tests/data together,
from "off" down. The chosen lead is the smallest that answers no more questions wrongly
than "off" does.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.engine import DEFAULT_THRESHOLDS, Engine  # noqa: E402
from bot.evaluation import LabelledQuestion, evaluate, load_labelled  # noqa: E402
from bot.factbase import FactBase, load_factbase  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--facts", default=str(ROOT / "facts"))
    parser.add_argument("--questions", default=str(ROOT / "tests" / "data" / "questions.yaml"))
    parser.add_argument("--weights", default="0.5,0.6,0.7")
    parser.add_argument("--lead", action="store_true", help="sweep the meaning lead on every labelled set")
    args = parser.parse_args()
    base = load_factbase(Path(args.facts))
    if args.lead:
        sweep_lead(base, [c for path in sorted((ROOT / "tests" / "data").glob("questions*.yaml")) for c in load_labelled(path)])
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
    print(f"{'lead':>6} {'zh%':>6} {'en%':>6} {'oos%':>6} {'near%':>6} {'wrong':>5}   ({len(cases)} questions)")
    for lead in (float("inf"), 0.7, 0.65, 0.6, 0.55, 0.5, 0.45, 0.4, 0.35, 0.3):
        result = evaluate(Engine(base, dataclasses.replace(DEFAULT_THRESHOLDS, meaning_lead=lead)), cases)
        rate = lambda name: result.by_group[name].rate  # noqa: E731
        wrong = sum(o.confidently_wrong for o in result.outcomes)
        shown = "off" if lead == float("inf") else f"{lead:.2f}"
        print(f"{shown:>6} {rate('in-scope zh'):>6.1f} {rate('in-scope en'):>6.1f} {rate('out_of_scope'):>6.1f} {rate('near_miss'):>6.1f} {wrong:>5}")


if __name__ == "__main__":
    main()
