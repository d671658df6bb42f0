"""Cross-validate the engine on the fact base's own phrasings: a paraphrase it has not seen.

    python bench/crossval.py [--facts facts] [--margin 8 --answer 50 --weight 0.6]

Fold k takes the k-th Chinese and k-th English phrasing out of every fact, builds the engine
without them, and asks them. Each phrasing is thus asked once by an engine that never saw it:
an estimate of how the engine does on questions nobody curated against, from far more
questions than a labelled set holds. Prints, by language, the share answered with the right
fact, the share offered as the first suggestion, and confident wrong answers.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.engine import DEFAULT_THRESHOLDS, Engine, Thresholds  # noqa: E402
from bot.factbase import FactBase, load_factbase  # noqa: E402


def without_fold(base: FactBase, k: int) -> tuple[FactBase, list[tuple[str, str, str]]]:
    """Return ``base`` without each fact's k-th phrasings, and those phrasings as (language, question, fact id)."""
    held, facts = [], []
    for loaded in base.facts:
        q = loaded.fact.questions
        zh, en = list(q.zh), list(q.en)
        # Keep at least one phrasing per language, so a fact stays findable in both.
        if k < len(zh) and len(zh) > 1:
            held.append(("zh", zh.pop(k), loaded.id))
        if k < len(en) and len(en) > 1:
            held.append(("en", en.pop(k), loaded.id))
        fact = loaded.fact.model_copy(update={"questions": q.model_copy(update={"zh": zh, "en": en})})
        facts.append(dataclasses.replace(loaded, fact=fact))
    return FactBase(tuple(facts), base.documents), held


def crossvalidate(base: FactBase, thresholds: Thresholds) -> dict[str, Counter]:
    folds = max(max(len(f.fact.questions.zh), len(f.fact.questions.en)) for f in base.facts)
    tally: dict[str, Counter] = {"zh": Counter(), "en": Counter()}
    for k in range(folds):
        reduced, held = without_fold(base, k)
        engine = Engine(reduced, thresholds)
        for language, question, fact_id in held:
            answer = engine.ask(question)
            t = tally[language]
            t["total"] += 1
            if answer.answered:
                t["right" if answer.fact_id == fact_id else "wrong"] += 1
            elif answer.suggestions and answer.suggestions[0].fact_id == fact_id:
                t["first suggestion"] += 1
    return tally


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--facts", default=str(ROOT / "facts"))
    parser.add_argument("--answer", type=float, default=DEFAULT_THRESHOLDS.answer)
    parser.add_argument("--margin", type=float, default=DEFAULT_THRESHOLDS.margin)
    parser.add_argument("--weight", type=float, default=DEFAULT_THRESHOLDS.coverage_weight)
    args = parser.parse_args()
    thresholds = dataclasses.replace(DEFAULT_THRESHOLDS, answer=args.answer, margin=args.margin, coverage_weight=args.weight)
    tally = crossvalidate(load_factbase(Path(args.facts)), thresholds)
    print(f"{'language':<9}{'asked':>7}{'right':>8}{'1st sugg':>10}{'wrong':>7}")
    for language, t in tally.items():
        n = t["total"] or 1
        print(f"{language:<9}{t['total']:>7}{100 * t['right'] / n:>7.1f}%{100 * t['first suggestion'] / n:>9.1f}%{t['wrong']:>7}")


if __name__ == "__main__":
    main()
