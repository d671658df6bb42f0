"""Reading the question log back for the curator's report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, case, func, select
from sqlalchemy.exc import SQLAlchemyError

from bot.store.database import StoreError, describe, first_line, open_engine, parse_url, sqlite_path, upgrade
from bot.store.models import Feedback, Question


@dataclass(frozen=True)
class LoggedQuestion:
    """What the report needs of one logged question."""

    asked_at: dt.datetime
    question: str
    decision: str


@dataclass(frozen=True)
class FactFeedback:
    """How often the answers of one fact were clicked helpful and not helpful."""

    fact_id: str
    not_helpful: int
    helpful: int


def open_log(database_url: str) -> Engine:
    """Return an engine on an existing question log, schema upgraded; raise StoreError naming what is wrong."""
    url = parse_url(database_url)
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        raise StoreError(f"no question log at {path} (DATABASE_URL={describe(url)}): nothing recorded there yet")
    engine = open_engine(url)
    try:
        upgrade(engine)
    except SQLAlchemyError as err:  # only "unreachable" gets here: upgrade() raised StoreError otherwise
        engine.dispose()
        raise StoreError(f"cannot reach the question log at {describe(url)}: {first_line(err)}") from None
    return engine


def fetch_questions(engine: Engine, since: dt.datetime) -> list[LoggedQuestion]:
    """Return the questions asked at or after ``since``, oldest first."""
    query = (
        select(Question.asked_at, Question.question, Question.decision)
        .where(Question.asked_at >= since)
        .order_by(Question.asked_at)
    )
    with engine.connect() as conn:
        return [LoggedQuestion(*row) for row in conn.execute(query)]


def count_feedback(engine: Engine, since: dt.datetime) -> list[FactFeedback]:
    """Return helpful / not-helpful clicks per fact since ``since``, most not-helpful first.

    A click names its fact when the adapter knew it; otherwise the fact its question was answered with.
    """
    fact_id = func.coalesce(Feedback.fact_id, Question.fact_id)
    not_helpful = func.sum(case((Feedback.kind == "not_helpful", 1), else_=0))
    helpful = func.sum(case((Feedback.kind == "helpful", 1), else_=0))
    query = (
        select(fact_id, not_helpful, helpful)
        .select_from(Feedback)
        .outerjoin(Question, Question.id == Feedback.question_id)
        .where(Feedback.at >= since, Feedback.kind.in_(("helpful", "not_helpful")), fact_id.is_not(None))
        .group_by(fact_id)
        .order_by(not_helpful.desc(), fact_id)
    )
    with engine.connect() as conn:
        return [FactFeedback(fid, int(bad or 0), int(good or 0)) for fid, bad, good in conn.execute(query)]
