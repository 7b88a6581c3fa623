"""moderation: statements learners propose and expectation cards, held for the facilitator's approval

Revision ID: a1c5e3f7b920
Revises: 9b4d2e6f1a70
Create Date: 2026-12-04 15:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'a1c5e3f7b920'
down_revision = '9b4d2e6f1a70'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'voting_proposal',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('activity_instance_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('statement_key', sa.String(length=40), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('decided_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['activity_instance_id'], ['activity_instance.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['lti_user.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('voting_proposal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_voting_proposal_activity_instance_id'), ['activity_instance_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_voting_proposal_user_id'), ['user_id'], unique=False)
    with op.batch_alter_table('expectations_state', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hold_cards', sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table('expectations_card', schema=None) as batch_op:
        batch_op.add_column(sa.Column('held', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade():
    with op.batch_alter_table('expectations_card', schema=None) as batch_op:
        batch_op.drop_column('held')
    with op.batch_alter_table('expectations_state', schema=None) as batch_op:
        batch_op.drop_column('hold_cards')
    with op.batch_alter_table('voting_proposal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_voting_proposal_user_id'))
        batch_op.drop_index(batch_op.f('ix_voting_proposal_activity_instance_id'))
    op.drop_table('voting_proposal')
