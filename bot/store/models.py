"""The question log's tables: one row per question asked, one per click on its buttons."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, Dialect, Float, Index, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[dt.datetime]):
    """A UTC instant: stored as UTC everywhere (SQLite keeps no offset), read back timezone-aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        value = as_utc(value)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else as_utc(value)


def as_utc(value: dt.datetime) -> dt.datetime:
    """Return ``value`` in UTC; a naive value is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc)


class Base(DeclarativeBase):
    pass


class Question(Base):
    """A question as the bot saw it, with the engine's decision. ``id`` is the record's own id,
    so re-inserting a record after a failed write is a no-op (exactly once)."""

    __tablename__ = "questions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    asked_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), index=True)
    surface: Mapped[str] = mapped_column(String(16))
    team_id: Mapped[str | None] = mapped_column(String(64))
    channel_id: Mapped[str | None] = mapped_column(String(64))
    user_hash: Mapped[str | None] = mapped_column(String(64))
    question: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8))
    decision: Mapped[str] = mapped_column(String(16))
    fact_id: Mapped[str | None] = mapped_column(String(64))
    score: Mapped[float] = mapped_column(Float)
    suggestions: Mapped[list[str]] = mapped_column(JSON)
    latency_ms: Mapped[float] = mapped_column(Float)


class Feedback(Base):
    """A click against a question: helpful, not helpful, or a chosen "did you mean" suggestion.

    ``question_id`` has no foreign key on purpose: in a multi-worker deployment the click can
    reach a worker whose database write lands before the asking worker's buffered question.
    """

    __tablename__ = "feedback"
    __table_args__ = (Index("ix_feedback_kind_at", "kind", "at"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(32), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    fact_id: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    user_hash: Mapped[str | None] = mapped_column(String(64))


metadata = Base.metadata
