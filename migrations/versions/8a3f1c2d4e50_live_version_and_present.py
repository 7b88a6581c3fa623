"""placements: a live version every change bumps, and a generation that ends present-view links

Revision ID: 8a3f1c2d4e50
Revises: 5e1a7c9d3b20
Create Date: 2026-12-04 12:50:00

"""
from alembic import op
import sqlalchemy as sa


revision = '8a3f1c2d4e50'
down_revision = '5e1a7c9d3b20'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('activity_instance', schema=None) as batch_op:
        batch_op.add_column(sa.Column('live_version', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('present_generation', sa.Integer(), nullable=False, server_default='0'))


def downgrade():
    with op.batch_alter_table('activity_instance', schema=None) as batch_op:
        batch_op.drop_column('present_generation')
        batch_op.drop_column('live_version')
