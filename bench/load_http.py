"""Load on HTTP mode: N signed mention events sent at once to a real `python -m bot serve --http`.

    .venv/bin/python bench/load_http.py [--events 200] [--concurrency 200] [--workers 2] [--facts facts]

Starts the fake Slack Web API of the tests (tests/slack/slack_fakes.py) and the bot as a
subprocess pointed at it (SLACK_API_URL), waits for GET /health, then sends every event from
its own thread over loopback and measures each acknowledgement. It then waits for the replies
and prints: all acked?, p50/p99 ack ms, each answered exactly once?, lost and duplicated counts.
Exit code 0 only if every event was acked and answered exactly once.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "slack"))

from slack_fakes import (  # noqa: E402  (the fakes live with the tests)
    SECRET,
    FakeSlack,
    bot_env,
    encode_event,
    event_body,
    free_port,
    mention,
    post_signed,
    start_bot,
    stop,
    wait_healthy,
)

sys.path.insert(0, str(ROOT))
from bot.factbase import load_factbase  # noqa: E402


def questions_of(facts: Path) -> list[str]:
    """Return the first Chinese and English phrasing of the first fact: questions the bot should answer."""
    fact = load_factbase(facts).facts[0].fact
    return [fact.questions.zh[0], fact.questions.en[0]]


def kind_of(blocks: list[dict]) -> str:
    """Return which reply a message is: an answer, a "did you mean", or another (unknown, help)."""
    actions = {e.get("action_id", "") for b in blocks for e in b.get("elements", []) if b.get("type") == "actions"}
    if "feedback_helpful" in actions:
        return "answered"
    return "suggested" if any(a.startswith("suggestion_") for a in actions) else "other"


def percentile(values: list[float], share: float) -> float:
    """Return the nearest-rank percentile of ``values`` (share in 0..1)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=200, help="events in flight at once")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--facts", type=Path, default=ROOT / "facts")
    parser.add_argument("--reply-timeout", type=float, default=120.0, help="seconds to wait for the replies")
    args = parser.parse_args()

    fake = FakeSlack()
    tmp = Path(tempfile.mkdtemp(prefix="citebot-load-"))
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    process = start_bot(["--http", "--host", "127.0.0.1", "--port", str(port), "--workers", str(args.workers)],
                        bot_env(tmp, fake.api_url, args.facts.resolve()), cwd=tmp)
    try:
        wait_healthy(process, url)
        run = int(time.time())
        questions = questions_of(args.facts)
        events = [
            (f"{run}.{i:06d}", event_body(mention(questions[i % 2], f"{run}.{i:06d}", channel=f"C{i % 7}"),
                                          f"EvLoad{run}x{i}"))
            for i in range(args.events)
        ]

        def send(item: tuple[str, dict]) -> tuple[int, float]:
            body, content_type = encode_event(item[1])
            started = time.perf_counter()
            status, _ = post_signed(url + "slack/events", SECRET, body, content_type, timeout=30)
            return status, (time.perf_counter() - started) * 1000

        started = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(args.concurrency) as pool:
            results = list(pool.map(send, events))
        sent_s = time.perf_counter() - started
        fake.wait_for("chat.postMessage", count=args.events, timeout=args.reply_timeout)
        fake.settle(1.0)
        replied_s = time.perf_counter() - started
    finally:
        code, stderr = stop(process)
        fake.close()

    acks = [ms for status, ms in results if status == 200]
    replies = collections.Counter(c.body.get("thread_ts") for c in fake.of("chat.postMessage") if c.status == 200)
    lost = sum(1 for ts, _ in events if replies[ts] == 0)
    duplicated = sum(1 for ts, _ in events if replies[ts] > 1)
    kinds = collections.Counter(kind_of(c.body.get("blocks") or []) for c in fake.of("chat.postMessage") if c.status == 200)
    all_acked = len(acks) == args.events
    exactly_once = lost == 0 and duplicated == 0

    print(f"events sent:               {args.events} ({args.concurrency} in flight, {args.workers} gunicorn workers)")
    print(f"all acked (HTTP 200)?      {'yes' if all_acked else 'no'} ({len(acks)}/{args.events})")
    if acks:
        print(f"ack ms p50 / p99 / max:    {statistics.median(acks):.1f} / {percentile(acks, 0.99):.1f} / {max(acks):.1f}")
    print(f"each answered exactly once? {'yes' if exactly_once else 'no'}")
    print(f"lost (no reply):           {lost}")
    print(f"duplicated (>1 reply):     {duplicated}")
    print(f"replies by kind:           {dict(kinds)} (questions: {questions})")
    print(f"all sent in {sent_s:.2f} s; last reply after {replied_s:.2f} s (includes a 1 s quiet wait)")
    print(f"bot exit code after SIGTERM: {code}")
    if "Traceback" in stderr:
        print("the bot logged a traceback:\n" + stderr[-3000:])
    return 0 if all_acked and exactly_once else 1


if __name__ == "__main__":
    raise SystemExit(main())
