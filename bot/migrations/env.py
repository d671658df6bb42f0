"""Alembic environment: runs on the connection ``bot.store.database.migrate`` hands in.

There is no alembic.ini: the URL comes from the bot's settings, never from a second config file.
To write a new revision against a scratch database:
    python -m bot.store.revision "what changed"
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
