"""The dedupe memory: one claim per key, across threads and across processes sharing the SQLite file."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from bot.slack.dedupe import Dedupe

CLAIMER = """
import sys
from pathlib import Path
from bot.slack.dedupe import Dedupe
seen = Dedupe(Path(sys.argv[1]))
print(sum(seen.first_time(f"event:{i}", f"message:T:C:{i}") for i in range(int(sys.argv[2]))))
"""


def test_a_key_is_claimed_once() -> None:
    seen = Dedupe(Path(":memory:"))
    assert seen.first_time("event:1", "message:T:C:1")
    assert not seen.first_time("event:1", "message:T:C:1")  # a retry
    assert not seen.first_time("event:2", "message:T:C:1")  # the same message as another event type
    assert not seen.first_time("event:2")  # ...whose event id is now remembered too
    assert seen.first_time("event:3", "message:T:C:3")


def test_entries_expire(tmp_path: Path) -> None:
    seen = Dedupe(tmp_path / "seen.sqlite3", ttl_seconds=-1)  # already expired when written
    assert seen.first_time("event:1")
    assert seen.first_time("event:1")


def test_threads_of_one_process_claim_each_key_once(tmp_path: Path) -> None:
    seen = Dedupe(tmp_path / "seen.sqlite3")
    wins: list[bool] = []
    lock = threading.Lock()

    def claim() -> None:
        for i in range(100):
            won = seen.first_time(f"event:{i}")
            with lock:
                wins.append(won)

    threads = [threading.Thread(target=claim) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(wins) == 100


def test_processes_sharing_the_file_claim_each_key_once(tmp_path: Path) -> None:
    path, keys = tmp_path / "seen.sqlite3", 200
    processes = [
        subprocess.Popen([sys.executable, "-c", CLAIMER, str(path), str(keys)], stdout=subprocess.PIPE, text=True)
        for _ in range(6)
    ]
    won = [int(p.communicate(timeout=60)[0]) for p in processes]
    assert sum(won) == keys
