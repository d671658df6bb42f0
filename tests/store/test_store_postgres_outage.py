"""PostgreSQL killed while questions are being recorded: every record arrives, exactly once."""

from __future__ import annotations

import threading
import time

from bot.store import open_recorder
from tests.store.conftest import PostgresCluster, make_settings, wait_for
from tests.store.records import question_record, stored


def test_killing_postgres_mid_stream_loses_and_doubles_nothing(postgres: PostgresCluster, pg_url: str) -> None:
    recorder = open_recorder(make_settings(database_url=pg_url))
    records = [question_record(f"问题{i}") for i in range(1500)]
    written_before_kill = threading.Event()

    def ask_steadily() -> None:
        for i, record in enumerate(records):
            recorder.record_question(record)
            if i == 300:
                written_before_kill.set()
            time.sleep(0.001)  # a steady trickle, so the kill lands between and inside batches

    producer = threading.Thread(target=ask_steadily)
    producer.start()
    try:
        written_before_kill.wait(timeout=30)
        wait_for(lambda: stored(pg_url)["count"] > 0)  # some batches are in before the kill
        postgres.kill()
        wait_for(lambda: recorder.failures >= 1)  # the writer saw the outage and is holding records
        held = recorder.pending()
        postgres.start()
    finally:
        producer.join()
        if not postgres.is_running():
            postgres.start()
    recorder.close()

    ids = stored(pg_url)["question_ids"]
    assert held > 0 and recorder.dropped == 0
    assert len(ids) == len(records) and set(ids) == {r.id for r in records}

