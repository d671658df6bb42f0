"""The question log's storage: SQLAlchemy models, Alembic migrations, the SQL recorder, retention.

    recorder = open_recorder(settings)      # upgrades the schema, starts the writer thread
    recorder.record_question(record)        # never waits on the database
    recorder.close()                        # flushes the buffer
"""

from __future__ import annotations

import logging

from alembic.util import CommandError
from sqlalchemy.exc import SQLAlchemyError

from bot.settings import Settings
from bot.store.database import StoreError, describe, first_line, is_unreachable, migrate, open_engine, parse_url
from bot.store.recorder import SqlRecorder
from bot.store.retention import delete_expired

__all__ = ["SqlRecorder", "StoreError", "delete_expired", "open_recorder"]

log = logging.getLogger("citebot.store")


def open_recorder(settings: Settings) -> SqlRecorder:
    """Open the question log at ``settings.database_url``, upgrade its schema and start writing.

    An unreachable database is not fatal: the bot answers and the writer retries in the
    background. Raise StoreError for a malformed URL or a schema that cannot be upgraded.
    """
    url = parse_url(settings.database_url)
    engine = open_engine(url)
    migrated = False
    try:
        migrate(engine)
        migrated = True
    except SQLAlchemyError as err:
        if not is_unreachable(err):
            raise StoreError(f"question log {describe(url)}: cannot upgrade the schema: {first_line(err)}") from None
        log.warning(
            "question log: %s unreachable at start (%s); answering anyway, records buffered until it is back",
            describe(url),
            first_line(err),
        )
    except CommandError as err:  # e.g. the database is at a revision this version does not know
        raise StoreError(f"question log {describe(url)}: {err}") from None
    recorder = SqlRecorder(
        engine,
        buffer_size=settings.question_log_buffer,
        retention_days=settings.retention_days,
        migrated=migrated,
    )
    return recorder.start()
