"""The question log: questions and the feedback clicked on their answers.

Revision ID: 0001
Revises:
Create Date: 2024-06-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "questions",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("surface", sa.String(16), nullable=False),
        sa.Column("team_id", sa.String(64)),
        sa.Column("channel_id", sa.String(64)),
        sa.Column("user_hash", sa.String(64)),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("fact_id", sa.String(64)),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("suggestions", sa.JSON, nullable=False),
        sa.Column("latency_ms", sa.Float, nullable=False),
    )
    op.create_index("ix_questions_asked_at", "questions", ["asked_at"])
    op.create_table(
        "feedback",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("question_id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("fact_id", sa.String(64)),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_hash", sa.String(64)),
    )
    op.create_index("ix_feedback_question_id", "feedback", ["question_id"])
    op.create_index("ix_feedback_kind_at", "feedback", ["kind", "at"])


def downgrade() -> None:
    op.drop_table("feedback")
    op.drop_table("questions")
