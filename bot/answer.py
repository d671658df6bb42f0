"""What the engine returns: a decision, never just a score."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Language = Literal["zh", "en"]
Decision = Literal["answered", "suggested", "unknown"]


@dataclass(frozen=True)
class Suggestion:
    """A "did you mean" fact: its id, a phrasing in the asker's language, and its score."""

    fact_id: str
    question: str
    score: float

    def to_json(self) -> dict:
        return {"fact_id": self.fact_id, "question": self.question, "score": round(self.score, 1)}


@dataclass(frozen=True)
class Answer:
    """The engine's reply to one question.

    ``decision`` is "answered" (confident: ``fact_id``, ``text`` and ``source`` are set),
    "suggested" (unsure: ``suggestions`` holds up to 3 facts) or "unknown".
    """

    question: str
    language: Language
    decision: Decision
    score: float = 0.0
    fact_id: str | None = None
    text: str | None = None
    source: str | None = None
    source_title: str | None = None
    source_date: dt.date | None = None
    suggestions: tuple[Suggestion, ...] = field(default_factory=tuple)
    reason: str | None = None  # why the best fact was not a confident answer, for curators

    @property
    def answered(self) -> bool:
        return self.decision == "answered"

    def to_json(self) -> dict:
        """The ``ask --json`` line: a stable interface, see the README."""
        return {
            "question": self.question,
            "answered": self.answered,
            "decision": self.decision,
            "fact_id": self.fact_id,
            "answer": self.text,
            "source": self.source,
            "source_title": self.source_title,
            "source_date": self.source_date.isoformat() if self.source_date else None,
            "score": round(self.score, 1),
            "language": self.language,
            "suggestions": [s.to_json() for s in self.suggestions],
            "reason": self.reason,
        }
