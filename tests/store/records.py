"""Building question and feedback records for tests, as the runtime would."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import create_engine, func, select, text

from bot.questionlog import FeedbackRecord, QuestionRecord, new_question_id
from bot.store.database import parse_url
from bot.store.models import Feedback, Question

NOW = dt.datetime(2024, 6, 10, 12, 0, tzinfo=dt.timezone.utc)


def question_record(
    question: str = "公园由哪个部门管理?",
    decision: str = "answered",
    asked_at: dt.datetime = NOW,
    fact_id: str | None = "parks-managed-by",
    suggestions: tuple[str, ...] = (),
    score: float = 80.0,
    id: str | None = None,
) -> QuestionRecord:
    """Return a question record with sensible defaults for the fields a test does not care about."""
    return QuestionRecord(
        id=id or new_question_id(),
        asked_at=asked_at,
        surface="chat",
        question=question,
        language="zh",
        decision=decision,
        fact_id=fact_id if decision == "answered" else None,
        score=score,
        suggestions=suggestions,
        latency_ms=1.5,
        user_hash="h" * 32,
        team_id="T1",
        channel_id="C1",
    )


def feedback_record(question_id: str, kind: str = "not_helpful", fact_id: str | None = "parks-managed-by",
                    at: dt.datetime = NOW) -> FeedbackRecord:
    """Return a click on the question ``question_id``."""
    return FeedbackRecord(question_id=question_id, kind=kind, fact_id=fact_id, at=at)  # type: ignore[arg-type]


def stored(url: str) -> dict[str, object]:
    """Return what the database holds: question ids (with repeats), feedback rows, and the schema revision."""
    engine = create_engine(parse_url(url))
    try:
        with engine.connect() as conn:
            return {
                "question_ids": list(conn.scalars(select(Question.id))),
                "questions": conn.execute(select(Question)).mappings().all(),
                "feedback": conn.execute(select(Feedback)).mappings().all(),
                "revision": conn.scalar(text("SELECT version_num FROM alembic_version")),
                "count": conn.scalar(select(func.count()).select_from(Question)),
            }
    finally:
        engine.dispose()
