"""The SQL recorder: keeps the question log without ever making an answer wait on the database.

``record_question`` and ``record_feedback`` only append to a bounded in-memory buffer; one
background thread writes it in batches. While the database is unreachable the records stay
buffered (the oldest dropped, with a warning, only if the buffer overflows) and the writer
retries with backoff. Every row is keyed by its record's id and inserted with "on conflict do
nothing", so a batch retried after a failure that did commit is never written twice.
"""

from __future__ import annotations

import collections
import logging
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import Connection, Engine
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from bot.questionlog import FeedbackRecord, QuestionRecord
from bot.store.database import describe, first_line, is_unreachable, migrate
from bot.store.models import Feedback, Question
from bot.store.retention import delete_expired

log = logging.getLogger("citebot.store")

BATCH_SIZE = 200
RETENTION_EVERY_S = 3600.0


@dataclass(frozen=True)
class PendingFeedback:
    """A feedback record with the row id it gets on its first write attempt, kept across retries."""

    id: str
    record: FeedbackRecord


Pending = QuestionRecord | PendingFeedback


@dataclass(frozen=True)
class Backoff:
    """How long the writer waits after a failed attempt: doubling from ``first_s`` up to ``max_s``."""

    first_s: float = 0.2
    max_s: float = 30.0

    def delay(self, failures: int) -> float:
        """Return the wait after ``failures`` consecutive failures."""
        return min(self.max_s, self.first_s * 2 ** max(failures - 1, 0))


def _question_row(record: QuestionRecord) -> dict:
    return {
        "id": record.id,
        "asked_at": record.asked_at,
        "surface": record.surface,
        "team_id": record.team_id,
        "channel_id": record.channel_id,
        "user_hash": record.user_hash,
        "question": record.question,
        "language": record.language,
        "decision": record.decision,
        "fact_id": record.fact_id,
        "score": float(record.score),
        "suggestions": list(record.suggestions),
        "latency_ms": float(record.latency_ms),
    }


def _feedback_row(pending: PendingFeedback) -> dict:
    record = pending.record
    return {
        "id": pending.id,
        "question_id": record.question_id,
        "kind": record.kind,
        "fact_id": record.fact_id,
        "at": record.at,
        "user_hash": record.user_hash,
    }


def insert_rows(conn: Connection, records: Iterable[Pending]) -> None:
    """Insert ``records`` (questions first, so a click never lands before its question); skip ids already stored."""
    records = list(records)
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    questions = [_question_row(r) for r in records if isinstance(r, QuestionRecord)]
    feedback = [_feedback_row(r) for r in records if isinstance(r, PendingFeedback)]
    for model, rows in ((Question, questions), (Feedback, feedback)):
        if rows:
            conn.execute(dialect.insert(model).on_conflict_do_nothing(index_elements=["id"]), rows)


class SqlRecorder:
    """A ``Recorder`` writing to a SQL database from a background thread. Start it, then record."""

    def __init__(
        self,
        engine: Engine,
        buffer_size: int = 10_000,
        retention_days: int | None = None,
        backoff: Backoff = Backoff(),
        flush_timeout_s: float = 30.0,
        migrated: bool = False,
    ):
        self.engine = engine
        self.buffer_size = buffer_size
        self.retention_days = retention_days
        self.backoff = backoff
        self.flush_timeout_s = flush_timeout_s
        self.failures = 0  # failed write attempts so far, for logs and tests
        self.dropped = 0  # records lost to a full buffer
        self._migrated = migrated
        self._buffer: collections.deque[Pending] = collections.deque()
        self._cond = threading.Condition()
        self._closing = False
        self._idle = True
        self._thread = threading.Thread(target=self._run, name="citebot-question-log", daemon=True)

    def start(self) -> "SqlRecorder":
        """Start the writer thread; return self."""
        self._thread.start()
        return self

    # The Recorder protocol: called on the answering path, so nothing here touches the database.

    def record_question(self, record: QuestionRecord) -> None:
        """Queue a question record for writing; never blocks on the database."""
        self._enqueue(record)

    def record_feedback(self, record: FeedbackRecord) -> None:
        """Queue a click for writing after every question queued before it; never blocks on the database."""
        self._enqueue(PendingFeedback(uuid.uuid4().hex, record))

    def close(self) -> None:
        """Write everything buffered (retrying up to ``flush_timeout_s``) and stop the writer."""
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        if self._thread.is_alive():
            self._thread.join()
        if self._buffer:
            log.error(
                "question log: %d records not written to %s before shutdown", len(self._buffer), describe(self.engine.url)
            )
        self.engine.dispose()

    def pending(self) -> int:
        """Return how many records are waiting to be written."""
        with self._cond:
            return len(self._buffer)

    def wait_idle(self, timeout_s: float) -> bool:
        """Wait until every queued record is written; return False if ``timeout_s`` passed first."""
        deadline = time.monotonic() + timeout_s
        with self._cond:
            while self._buffer or not self._idle:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def _enqueue(self, item: Pending) -> None:
        with self._cond:
            if len(self._buffer) >= self.buffer_size:
                self._buffer.popleft()
                self.dropped += 1
                # One warning when dropping starts and one per thousand after, not one per question.
                if self.dropped == 1 or self.dropped % 1000 == 0:
                    log.warning(
                        "question log buffer full (%d records, QUESTION_LOG_BUFFER): dropped the oldest; %d dropped so far",
                        self.buffer_size,
                        self.dropped,
                    )
            self._buffer.append(item)
            self._cond.notify_all()

    # The writer thread.

    def _run(self) -> None:
        failures = 0
        next_retention = 0.0
        flush_deadline: float | None = None
        while True:
            with self._cond:
                while not self._buffer and not self._closing and time.monotonic() < next_retention:
                    self._idle = True
                    self._cond.notify_all()
                    self._cond.wait(next_retention - time.monotonic())
                if self._closing and flush_deadline is None:
                    flush_deadline = time.monotonic() + self.flush_timeout_s
                if self._closing and (not self._buffer or time.monotonic() >= flush_deadline):
                    self._idle = True
                    self._cond.notify_all()
                    return
                self._idle = False
                batch = list(self._buffer)[:BATCH_SIZE] if self._buffer else []
            try:
                if not self._migrated:
                    migrate(self.engine)
                    self._migrated = True
                if time.monotonic() >= next_retention:
                    if self.retention_days:
                        delete_expired(self.engine, self.retention_days)
                    next_retention = time.monotonic() + RETENTION_EVERY_S
                if batch:
                    self._write(batch)
            except Exception as err:  # the writer must outlive any failure, or the log silently stops
                failures += 1
                self.failures += 1
                if is_unreachable(err):
                    log.warning(
                        "question log: %s unreachable (%s); %d records buffered, retrying",
                        describe(self.engine.url),
                        first_line(err),
                        self.pending(),
                    )
                else:
                    log.exception("question log: write failed; retrying")
                self._sleep(self.backoff.delay(failures), flush_deadline)
                continue
            if failures:
                log.info("question log: %s reachable again after %d failed attempts", describe(self.engine.url), failures)
                failures = 0
            with self._cond:
                # Overflow may have dropped some of the batch meanwhile; what is left of it is at the front.
                written = {id(item) for item in batch}
                while self._buffer and id(self._buffer[0]) in written:
                    self._buffer.popleft()

    def _sleep(self, seconds: float, flush_deadline: float | None) -> None:
        """Wait before retrying; close() cuts the wait short so the flush starts at once."""
        with self._cond:
            if flush_deadline is None:
                self._cond.wait_for(lambda: self._closing, timeout=seconds)
            else:  # flushing: retry often until the deadline rather than sleep through it
                self._cond.wait(min(seconds, 1.0, max(flush_deadline - time.monotonic(), 0.0)))

    def _write(self, batch: list[Pending]) -> None:
        """Write one batch in one transaction; a record the database rejects is logged and skipped."""
        try:
            with self.engine.begin() as conn:
                insert_rows(conn, batch)
        except SQLAlchemyError as err:
            if is_unreachable(err):
                raise
            if len(batch) == 1:
                log.error("question log: dropped a record the database rejects (%s): %r", first_line(err), batch[0])
                return
            # One bad record must not hold the rest back: write them one by one.
            for item in batch:
                self._write([item])
