"""What a running bot holds: the serving engine, the question log, and the fact watcher.

Adapters (Slack, ``chat``) ask through ``Runtime.ask`` so every surface times, records and
hashes the same way, and never waits on the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from dataclasses import dataclass, field

from bot.answer import Answer
from bot.engine import EngineRef, load_engine
from bot.questionlog import FeedbackKind, FeedbackRecord, NullRecorder, QuestionRecord, Recorder, Surface, new_question_id
from bot.reload import FactWatcher
from bot.settings import Settings


@dataclass
class Runtime:
    ref: EngineRef
    recorder: Recorder = field(default_factory=NullRecorder)
    salt: str = "citebot"
    watcher: FactWatcher | None = None

    def hash_user(self, user_id: str | None) -> str | None:
        """Return a salted hash of a user id: the log never holds the raw id."""
        if not user_id:
            return None
        return hashlib.sha256(f"{self.salt}:{user_id}".encode()).hexdigest()[:32]

    def ask(
        self,
        question: str,
        surface: Surface,
        user_id: str | None = None,
        team_id: str | None = None,
        channel_id: str | None = None,
    ) -> tuple[Answer, str]:
        """Answer ``question``, record it, and return the answer with the record's id."""
        started = time.perf_counter()
        answer = self.ref.current.ask(question)
        latency_ms = (time.perf_counter() - started) * 1000
        question_id = new_question_id()
        self.recorder.record_question(
            QuestionRecord(
                id=question_id,
                asked_at=dt.datetime.now(dt.timezone.utc),
                surface=surface,
                question=question,
                language=answer.language,
                decision=answer.decision,
                fact_id=answer.fact_id,
                score=answer.score,
                suggestions=tuple(s.fact_id for s in answer.suggestions),
                latency_ms=latency_ms,
                user_hash=self.hash_user(user_id),
                team_id=team_id,
                channel_id=channel_id,
            )
        )
        return answer, question_id

    def feedback(self, question_id: str, kind: FeedbackKind, fact_id: str | None, user_id: str | None = None) -> None:
        """Record a click (helpful, not helpful, a chosen suggestion) against its question."""
        self.recorder.record_feedback(
            FeedbackRecord(question_id=question_id, kind=kind, fact_id=fact_id, user_hash=self.hash_user(user_id))
        )

    def close(self) -> None:
        """Stop watching and flush the question log."""
        if self.watcher is not None:
            self.watcher.stop()
        self.recorder.close()


def build_runtime(settings: Settings, record: bool = True) -> Runtime:
    """Load the fact base, open the question log and start watching facts/; raise FactErrors or StoreError."""
    ref = EngineRef(load_engine(settings.facts_dir))
    recorder: Recorder = NullRecorder()
    if record:
        from bot.store import open_recorder  # SQLAlchemy and Alembic load only when the log is kept

        recorder = open_recorder(settings)
    watcher = FactWatcher(ref, settings.facts_dir).start() if settings.watch_facts else None
    return Runtime(ref=ref, recorder=recorder, salt=settings.user_hash_salt.get_secret_value(), watcher=watcher)
