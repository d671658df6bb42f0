"""Domain errors. Only the adapters (cli, slack) turn them into exit codes or replies.

    CitebotError
    ├── FactError        a fact file is unreadable or invalid (names file, fact id, field)
    └── SettingsError    a setting is missing or malformed (names the variable)
"""

from __future__ import annotations


class CitebotError(Exception):
    """Base class for errors that carry a one-line, user-presentable message."""


class FactError(CitebotError):
    """A fact file is invalid. ``str(err)`` is one line: ``file: fact id: field: problem``."""

    def __init__(self, file: str, problem: str, fact_id: str | None = None, field: str | None = None):
        self.file = file
        self.fact_id = fact_id
        self.field = field
        self.problem = problem
        where = [file]
        if fact_id:
            where.append(f"fact {fact_id}")
        if field:
            where.append(field)
        super().__init__(": ".join(where + [problem]))


class FactErrors(CitebotError):
    """Several fact errors found in one check; each is one line."""

    def __init__(self, errors: list[FactError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


class SettingsError(CitebotError):
    """A setting is missing or malformed; the message names the variable."""
