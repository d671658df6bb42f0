"""What the adapters record about each question and each click, and the interface they record through.

The engine never sees this: Slack and the chat command hand records to a ``Recorder``.
``NullRecorder`` drops them; the SQL recorder (``bot.store``) keeps them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Literal, Protocol

Surface = Literal["mention", "dm", "slash", "chat"]
FeedbackKind = Literal["helpful", "not_helpful", "chose_suggestion"]


def new_question_id() -> str:
    """Return a fresh id for a question record; buttons carry it so clicks find their question."""
    return uuid.uuid4().hex


@dataclass(frozen=True)
class QuestionRecord:
    id: str
    asked_at: dt.datetime
    surface: Surface
    question: str
    language: str
    decision: str
    fact_id: str | None
    score: float
    suggestions: tuple[str, ...]
    latency_ms: float
    user_hash: str | None = None
    team_id: str | None = None
    channel_id: str | None = None


@dataclass(frozen=True)
class FeedbackRecord:
    question_id: str
    kind: FeedbackKind
    fact_id: str | None
    at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    user_hash: str | None = None


class Recorder(Protocol):
    def record_question(self, record: QuestionRecord) -> None: ...

    def record_feedback(self, record: FeedbackRecord) -> None: ...

    def close(self) -> None: ...


class NullRecorder:
    """Keeps nothing: for the one-shot ``ask`` command and for tests that do not look at the log."""

    def record_question(self, record: QuestionRecord) -> None:
        pass

    def record_feedback(self, record: FeedbackRecord) -> None:
        pass

    def close(self) -> None:
        pass
