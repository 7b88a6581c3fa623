"""network: the facilitator's verdicts on needs/offers tags that mean the same (or not)

Revision ID: 3b8e5c0d2f41
Revises: 7d2e4f1a9b30
Create Date: 2026-12-03 23:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '3b8e5c0d2f41'
down_revision = '7d2e4f1a9b30'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('network_tag_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activity_instance_id', sa.Integer(), nullable=False),
    sa.Column('tag_a', sa.String(length=120), nullable=False),
    sa.Column('tag_b', sa.String(length=120), nullable=False),
    sa.Column('same', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['activity_instance_id'], ['activity_instance.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('activity_instance_id', 'tag_a', 'tag_b', name='uq_network_tag_link_pair')
    )
    with op.batch_alter_table('network_tag_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_network_tag_link_activity_instance_id'), ['activity_instance_id'], unique=False)


def downgrade():
    with op.batch_alter_table('network_tag_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_network_tag_link_activity_instance_id'))
    op.drop_table('network_tag_link')
