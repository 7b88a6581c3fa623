"""background jobs: long computations run by the worker, with progress and the last result

Revision ID: e4b8c1d2f7a3
Revises: d7e2a9c4b610
Create Date: 2026-12-04 23:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'e4b8c1d2f7a3'
down_revision = 'd7e2a9c4b610'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'background_job',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('activity_instance_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('progress', sa.SmallInteger(), nullable=False),
        sa.Column('stage', sa.String(length=40), nullable=False),
        sa.Column('params', sa.JSON(), nullable=False),
        sa.Column('requested_at', sa.DateTime(), nullable=False),
        sa.Column('started_at', sa.DateTime(), nullable=True),
        sa.Column('lease_until', sa.DateTime(), nullable=True),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('error', sa.String(length=300), nullable=False),
        sa.Column('result', sa.LargeBinary(), nullable=True),
        sa.Column('result_params', sa.JSON(), nullable=True),
        sa.Column('result_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['activity_instance_id'], ['activity_instance.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('activity_instance_id', 'kind', name='uq_background_job_placement'),
    )
    op.create_index('ix_background_job_due', 'background_job', ['status', 'lease_until'], unique=False)


def downgrade():
    op.drop_index('ix_background_job_due', table_name='background_job')
    op.drop_table('background_job')
