"""voting tables: votes per learner, statement and round; the live state of each placement

Revision ID: 5e1c0a7b2d41
Revises: 93d60f9f50ca
Create Date: 2026-11-23 12:47:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5e1c0a7b2d41'
down_revision = '93d60f9f50ca'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('voting_state',
    sa.Column('activity_instance_id', sa.Integer(), nullable=False),
    sa.Column('is_open', sa.Boolean(), nullable=False),
    sa.Column('revealed', sa.Boolean(), nullable=False),
    sa.Column('current_round', sa.Integer(), nullable=False),
    sa.Column('round_started_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['activity_instance_id'], ['activity_instance.id'], name=op.f('fk_voting_state_activity_instance_id_activity_instance'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('activity_instance_id', name=op.f('pk_voting_state'))
    )
    op.create_table('voting_vote',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activity_instance_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('statement_key', sa.String(length=40), nullable=False),
    sa.Column('round_number', sa.Integer(), nullable=False),
    sa.Column('choice', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['activity_instance_id'], ['activity_instance.id'], name=op.f('fk_voting_vote_activity_instance_id_activity_instance'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['lti_user.id'], name=op.f('fk_voting_vote_user_id_lti_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_voting_vote')),
    sa.UniqueConstraint('activity_instance_id', 'user_id', 'statement_key', 'round_number', name='uq_voting_vote_one_per_round')
    )
    with op.batch_alter_table('voting_vote', schema=None) as batch_op:
        batch_op.create_index('ix_voting_vote_instance_round', ['activity_instance_id', 'round_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_voting_vote_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('voting_vote', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_voting_vote_user_id'))
        batch_op.drop_index('ix_voting_vote_instance_round')

    op.drop_table('voting_vote')
    op.drop_table('voting_state')
