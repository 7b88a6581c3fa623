"""statement voting: one statement at a time at the facilitator's pace, and a countdown that closes the vote

Revision ID: 9b4d2e6f1a70
Revises: 8a3f1c2d4e50
Create Date: 2026-12-04 15:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = '9b4d2e6f1a70'
down_revision = '8a3f1c2d4e50'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('voting_state', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pace', sa.String(length=10), nullable=False, server_default='all'))
        batch_op.add_column(sa.Column('current_statement', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('closes_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('timer_seconds', sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table('voting_state', schema=None) as batch_op:
        batch_op.drop_column('timer_seconds')
        batch_op.drop_column('closes_at')
        batch_op.drop_column('current_statement')
        batch_op.drop_column('pace')
