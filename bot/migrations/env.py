"""Alembic environment: runs on the connection ``bot.store.database.migrate`` hands in.

There is no alembic.ini: the URL comes from the bot's settings, never from a second config file.
A new revision is a file in versions/ (see 0001_question_log.py; script.py.mako is its template)
whose ``down_revision`` is the current head; every bot applies it on its next start.
"""

from alembic import context

from bot.store.models import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
