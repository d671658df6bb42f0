"""Start-up and per-question latency of the engine on the real fact base.

    python bench/latency.py [--facts facts] [--questions tests/data/questions.yaml] [--rounds 20]

Start-up is measured in a fresh interpreter (imports, load, validate, index), as a user
pays it. Latency is per ``Engine.ask`` call over every labelled question, repeated.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STARTUP = """
import time; t = time.perf_counter()
from pathlib import Path
from bot.engine import load_engine
engine = load_engine(Path({facts!r}))
engine.ask("warm-up")
print(time.perf_counter() - t)
"""


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--facts", default=str(ROOT / "facts"))
    parser.add_argument("--questions", default=str(ROOT / "tests" / "data" / "questions.yaml"))
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--startups", type=int, default=5)
    args = parser.parse_args()

    startups = []
    for _ in range(args.startups):
        out = subprocess.run([sys.executable, "-c", STARTUP.format(facts=args.facts)], capture_output=True, text=True, cwd=ROOT, check=True)
        startups.append(float(out.stdout.strip()))

    from bot.engine import load_engine
    from bot.evaluation import load_labelled

    engine = load_engine(Path(args.facts))
    questions = [c.question for c in load_labelled(Path(args.questions))]
    for q in questions:  # warm caches once, as a running bot would be
        engine.ask(q)
    timings = []
    for _ in range(args.rounds):
        for q in questions:
            start = time.perf_counter()
            engine.ask(q)
            timings.append((time.perf_counter() - start) * 1000)
    cold = []
    from bot.text import normalize

    for q in questions:  # without the normalising cache: a question never seen before
        normalize.cache_clear()
        start = time.perf_counter()
        engine.ask(q)
        cold.append((time.perf_counter() - start) * 1000)
    print(f"facts: {len(engine.base.facts)}, questions: {len(questions)}, asks timed: {len(timings)}")
    print(f"start-up (fresh process: import, load, validate, index): median {statistics.median(startups):.2f} s, max {max(startups):.2f} s")
    print(f"latency per question: p50 {percentile(timings, 50):.3f} ms, p99 {percentile(timings, 99):.3f} ms, max {max(timings):.3f} ms")
    print(f"latency, first sight of each question: p50 {percentile(cold, 50):.3f} ms, p99 {percentile(cold, 99):.3f} ms")


if __name__ == "__main__":
    main()
