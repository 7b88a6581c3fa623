"""voting: a later round can re-open only the statements the facilitator chose

Revision ID: 5e1a7c9d3b20
Revises: c4a7e2d91f05
Create Date: 2026-12-04 06:10:00

"""
from alembic import op
import sqlalchemy as sa


revision = '5e1a7c9d3b20'
down_revision = 'c4a7e2d91f05'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('voting_state', schema=None) as batch_op:
        batch_op.add_column(sa.Column('round_statements', sa.JSON(), nullable=False, server_default='{}'))


def downgrade():
    with op.batch_alter_table('voting_state', schema=None) as batch_op:
        batch_op.drop_column('round_statements')
