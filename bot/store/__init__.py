"""The question log's storage: SQLAlchemy models, Alembic migrations, the SQL recorder, retention.

    recorder = open_recorder(settings)      # upgrades the schema, starts the writer thread
    recorder.record_question(record)        # never waits on the database
    recorder.close()                        # flushes the buffer
"""

from __future__ import annotations

import logging

from sqlalchemy.exc import SQLAlchemyError

from bot.settings import Settings
from bot.store.database import StoreError, describe, first_line, open_engine, parse_url, upgrade
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
        upgrade(engine)
        migrated = True
    except SQLAlchemyError as err:  # unreachable: upgrade() raised StoreError for anything else
        log.warning(
            "question log: %s unreachable at start (%s); answering anyway, records buffered until it is back",
            describe(url),
            first_line(err),
        )
    recorder = SqlRecorder(
        engine,
        buffer_size=settings.question_log_buffer,
        retention_days=settings.retention_days,
        migrated=migrated,
    )
    return recorder.start()
