"""Opening the question log's database and bringing its schema to the newest Alembic revision.

SQLite (a file, created on first use) by default; PostgreSQL when ``DATABASE_URL`` says so.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator

from alembic import command
from alembic.config import Config
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError, DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from bot.errors import CitebotError

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
# Any constant shared by every citebot process: the key of the PostgreSQL lock that
# serialises schema upgrades when several workers start at once.
_MIGRATION_LOCK_KEY = 0x63697465626F74
CONNECT_TIMEOUT_S = 5  # a dead server must fail a write quickly so the writer can back off


class StoreError(CitebotError):
    """The question log cannot be opened or read; the message names the database (no password)."""


def parse_url(url: str) -> URL:
    """Return the SQLAlchemy URL for ``DATABASE_URL``; ``postgresql://`` means psycopg 3. Raise StoreError."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"DATABASE_URL: not a database URL: {url!r}") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"DATABASE_URL: unsupported database {parsed.drivername!r} (use sqlite:/// or postgresql://)")
    if parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:"):
        raise StoreError("DATABASE_URL: SQLite needs a file path, e.g. sqlite:///citebot.db")
    return parsed


def describe(url: URL) -> str:
    """Return ``url`` fit for a log line or an error message: the password hidden."""
    return url.render_as_string(hide_password=True)


def sqlite_path(url: URL) -> Path | None:
    """Return the file of a SQLite URL, or None for another database."""
    return Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None


def open_engine(url: URL) -> Engine:
    """Return an engine for ``url``; no connection is made until the first query."""
    if url.get_backend_name() == "sqlite":
        # Several workers may share the file: wait for a lock rather than fail at once.
        engine = create_engine(url, connect_args={"timeout": 15})
        path = sqlite_path(url)

        @event.listens_for(engine, "do_connect")
        def _create_folder(dialect, conn_rec, cargs, cparams) -> None:  # noqa: ANN001
            # Created on first use; if the folder cannot be made, sqlite's own error says so.
            with contextlib.suppress(OSError):
                path.parent.mkdir(parents=True, exist_ok=True)

        return engine
    return create_engine(
        url,
        pool_pre_ping=True,  # a restarted server leaves dead pooled connections behind
        pool_size=2,
        max_overflow=2,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S},
    )


def is_unreachable(err: BaseException) -> bool:
    """True when ``err`` means the database is down or unreachable (worth retrying), not a bad record."""
    if isinstance(err, DBAPIError) and err.connection_invalidated:
        return True
    return isinstance(err, (OperationalError, InterfaceError, DisconnectionError, PoolTimeoutError))


def first_line(err: BaseException) -> str:
    """Return the driver's first line of ``err``, without SQLAlchemy's SQL echo and links."""
    origin = getattr(err, "orig", None) or err
    lines = str(origin).strip().splitlines()
    return lines[0] if lines else type(origin).__name__


@contextlib.contextmanager
def _migration_lock(engine: Engine, conn: Connection) -> Iterator[None]:
    """Hold a lock that serialises schema upgrades across processes sharing the database."""
    if engine.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY})
        yield
        return
    # pysqlite opens no transaction before DDL by itself; an exclusive one makes a second
    # process wait (busy timeout) and then find the schema already upgraded.
    conn.exec_driver_sql("BEGIN EXCLUSIVE")
    yield


def migrate(engine: Engine) -> None:
    """Upgrade the schema to the newest revision (``alembic upgrade head``); raises SQLAlchemy errors."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        with _migration_lock(engine, conn):
            config.attributes["connection"] = conn
            command.upgrade(config, "head")


def upgrade(engine: Engine) -> None:
    """Migrate like ``migrate``; raise StoreError if the schema cannot be upgraded, SQLAlchemyError if unreachable."""
    try:
        migrate(engine)
    except SQLAlchemyError as err:
        if is_unreachable(err):
            raise
        raise StoreError(f"question log {describe(engine.url)}: cannot upgrade the schema: {first_line(err)}") from None
    except CommandError as err:  # e.g. the database is at a revision this version does not know
        raise StoreError(f"question log {describe(engine.url)}: {err}") from None
