"""The question log on a real SQLite file and a real PostgreSQL server: what is written, when, and how often."""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from bot.runtime import build_runtime
from bot.store import StoreError, delete_expired, open_recorder
from bot.store.database import parse_url
from bot.store.recorder import PendingFeedback, insert_rows
from tests.conftest import ROOT
from tests.store.conftest import make_settings, wait_for
from tests.store.records import NOW, feedback_record, question_record, stored


def test_every_question_and_click_is_logged_with_its_decision(database_url: str, sample_facts: Path) -> None:
    runtime = build_runtime(make_settings(database_url=database_url, facts_dir=sample_facts, watch_facts=False))
    answered, answered_id = runtime.ask("公园由哪个部门管理?", "mention", user_id="U42", team_id="T1", channel_id="C9")
    unknown, unknown_id = runtime.ask("火星上有几座山?", "dm", user_id="U42")
    runtime.feedback(answered_id, "not_helpful", answered.fact_id, user_id="U42")
    runtime.feedback(unknown_id, "chose_suggestion", "parks-built", user_id="U7")
    runtime.close()

    log = stored(database_url)
    assert log["revision"] == "0001"
    rows = {row["id"]: row for row in log["questions"]}
    assert set(rows) == {answered_id, unknown_id}
    first = rows[answered_id]
    assert (first["surface"], first["team_id"], first["channel_id"]) == ("mention", "T1", "C9")
    assert (first["decision"], first["fact_id"], first["language"]) == ("answered", "parks-managed-by", "zh")
    assert first["score"] == pytest.approx(answered.score) and first["latency_ms"] >= 0
    assert first["user_hash"] == runtime.hash_user("U42") and "U42" not in first["user_hash"]
    assert first["asked_at"].tzinfo is not None
    assert rows[unknown_id]["decision"] == unknown.decision and rows[unknown_id]["suggestions"] == [
        s.fact_id for s in unknown.suggestions
    ]
    clicks = {(row["question_id"], row["kind"], row["fact_id"]) for row in log["feedback"]}
    assert clicks == {(answered_id, "not_helpful", "parks-managed-by"), (unknown_id, "chose_suggestion", "parks-built")}


def test_sqlite_file_and_its_folder_are_created_on_first_use(sqlite_url: str) -> None:
    path = Path(parse_url(sqlite_url).database)
    assert not path.parent.exists()
    open_recorder(make_settings(database_url=sqlite_url)).close()
    assert path.is_file() and stored(sqlite_url)["revision"] == "0001"


def test_close_writes_everything_still_buffered(database_url: str) -> None:
    recorder = open_recorder(make_settings(database_url=database_url))
    records = [question_record(f"问题{i}") for i in range(1000)]
    for record in records:
        recorder.record_question(record)
    recorder.close()
    ids = stored(database_url)["question_ids"]
    assert sorted(ids) == sorted(r.id for r in records)


def test_a_batch_retried_after_it_committed_writes_nothing_twice(database_url: str) -> None:
    # The writer retries a whole batch when it cannot tell whether the commit landed.
    recorder = open_recorder(make_settings(database_url=database_url))
    recorder.close()
    question = question_record()
    batch = [question, PendingFeedback("f" * 32, feedback_record(question.id))]
    engine = create_engine(parse_url(database_url))
    for _ in range(2):
        with engine.begin() as conn:
            insert_rows(conn, batch)
    engine.dispose()
    log = stored(database_url)
    assert log["question_ids"] == [question.id] and len(log["feedback"]) == 1


def recorder_feedback(question_id: str) -> list:
    """A click as the recorder queues it: with the row id it keeps across retries."""
    from bot.store.recorder import _PendingFeedback

    return [_PendingFeedback("f" * 32, feedback_record(question_id))]


def _blocked_sqlite(tmp_path: Path) -> tuple[str, Path]:
    """A SQLite URL that cannot be opened until the returned blocker file is replaced by a folder."""
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the database's folder should be")
    return f"sqlite:///{blocker}/citebot.db", blocker


def _unblock(blocker: Path) -> None:
    blocker.unlink()
    blocker.mkdir()


def test_answers_go_out_while_the_database_is_unreachable_and_the_log_catches_up(
    tmp_path: Path, sample_facts: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url, blocker = _blocked_sqlite(tmp_path)
    with caplog.at_level(logging.WARNING, logger="citebot.store"):
        runtime = build_runtime(make_settings(database_url=url, facts_dir=sample_facts, watch_facts=False))
        answer, question_id = runtime.ask("公园由哪个部门管理?", "chat")
        runtime.feedback(question_id, "helpful", answer.fact_id)
        assert answer.fact_id == "parks-managed-by"
        wait_for(lambda: runtime.recorder.failures >= 1)
    assert "unreachable" in caplog.text and "blocker" in caplog.text
    assert runtime.recorder.pending() == 2

    _unblock(blocker)
    runtime.close()
    log = stored(url)
    assert log["question_ids"] == [question_id]
    assert [(row["question_id"], row["kind"]) for row in log["feedback"]] == [(question_id, "helpful")]


def test_a_full_buffer_drops_the_oldest_records_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    url, blocker = _blocked_sqlite(tmp_path)
    recorder = open_recorder(make_settings(database_url=url, question_log_buffer=5))
    records = [question_record(f"问题{i}") for i in range(8)]
    with caplog.at_level(logging.WARNING, logger="citebot.store"):
        for record in records:
            recorder.record_question(record)
    assert "buffer full" in caplog.text and "QUESTION_LOG_BUFFER" in caplog.text
    assert recorder.dropped == 3

    _unblock(blocker)
    recorder.close()
    assert sorted(stored(url)["question_ids"]) == sorted(r.id for r in records[3:])


@pytest.mark.parametrize(
    ("url", "named"),
    [
        ("mysql://db/citebot", "unsupported database 'mysql'"),
        ("not a url", "not a database URL"),
        ("sqlite://", "SQLite needs a file path"),
    ],
)
def test_a_bad_database_url_is_one_line_naming_the_setting(url: str, named: str) -> None:
    with pytest.raises(StoreError) as err:
        open_recorder(make_settings(database_url=url))
    assert str(err.value).startswith("DATABASE_URL: ") and named in str(err.value) and "\n" not in str(err.value)


def test_retention_deletes_only_records_older_than_the_limit(database_url: str) -> None:
    old, recent = question_record(asked_at=NOW - dt.timedelta(days=31)), question_record(asked_at=NOW - dt.timedelta(days=29))
    recorder = open_recorder(make_settings(database_url=database_url))
    for record in (old, recent):
        recorder.record_question(record)
    recorder.record_feedback(feedback_record(old.id, at=old.asked_at))
    recorder.record_feedback(feedback_record(recent.id, at=recent.asked_at))
    recorder.close()

    engine = create_engine(parse_url(database_url))
    assert delete_expired(engine, days=30, now=NOW) == 2
    engine.dispose()
    log = stored(database_url)
    assert log["question_ids"] == [recent.id] and [row["question_id"] for row in log["feedback"]] == [recent.id]


def test_retention_runs_when_the_log_opens(database_url: str) -> None:
    ancient = question_record(asked_at=dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=400))
    fresh = question_record(asked_at=dt.datetime.now(dt.timezone.utc))
    recorder = open_recorder(make_settings(database_url=database_url))
    recorder.record_question(ancient)
    recorder.record_question(fresh)
    recorder.close()

    open_recorder(make_settings(database_url=database_url, retention_days=365)).close()
    assert stored(database_url)["question_ids"] == [fresh.id]


WORKER = textwrap.dedent(
    """
    import sys
    from bot.settings import Settings
    from bot.store import open_recorder
    from tests.store.records import question_record

    recorder = open_recorder(Settings(_env_file=None, database_url=sys.argv[1]))
    for i in range(50):
        recorder.record_question(question_record(f"{sys.argv[2]}-{i}"))
    recorder.close()
    """
)


def test_several_processes_start_and_write_to_one_database_at_once(database_url: str) -> None:
    # Like gunicorn workers: each upgrades the schema on start (serialised by a lock) and writes.
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER, database_url, f"w{n}"], cwd=ROOT, stderr=subprocess.PIPE)
        for n in range(4)
    ]
    errors = [worker.communicate(timeout=60)[1].decode() for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0, 0, 0], errors
    log = stored(database_url)
    assert log["count"] == 200 and len(set(log["question_ids"])) == 200 and log["revision"] == "0001"
