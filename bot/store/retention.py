"""Retention: the question log keeps ``RETENTION_DAYS`` of history and forgets the rest."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import Engine, delete

from bot.store.models import Feedback, Question

log = logging.getLogger("citebot.store")


def delete_expired(engine: Engine, days: int, now: dt.datetime | None = None) -> int:
    """Delete questions and clicks older than ``days`` days before ``now``; return how many rows went."""
    cutoff = (now or dt.datetime.now(dt.timezone.utc)) - dt.timedelta(days=days)
    with engine.begin() as conn:
        deleted = conn.execute(delete(Feedback).where(Feedback.at < cutoff)).rowcount
        deleted += conn.execute(delete(Question).where(Question.asked_at < cutoff)).rowcount
    if deleted:
        log.info("question log: deleted %d records older than %d days", deleted, days)
    return deleted
