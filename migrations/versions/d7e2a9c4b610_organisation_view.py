"""organisation view: its admins, the HR files' skills and leaving dates, and who opted out

Revision ID: d7e2a9c4b610
Revises: a1c5e3f7b920
Create Date: 2026-12-04 21:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'd7e2a9c4b610'
down_revision = 'a1c5e3f7b920'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'org_admin',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('added_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['lti_user.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id'),
    )
    op.create_table(
        'org_opt_out',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('opted_out_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['lti_user.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id'),
    )
    op.create_table(
        'org_skill',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('platform_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('skill', sa.String(length=120), nullable=False),
        sa.Column('level', sa.SmallInteger(), nullable=True),
        sa.ForeignKeyConstraint(['platform_id'], ['platform.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['lti_user.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('user_id', 'skill', name='uq_org_skill_person'),
    )
    with op.batch_alter_table('org_skill', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_org_skill_platform_id'), ['platform_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_org_skill_user_id'), ['user_id'], unique=False)
    op.create_table(
        'org_leaving',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('platform_id', sa.Integer(), nullable=False),
        sa.Column('leaving_on', sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(['platform_id'], ['platform.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['lti_user.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id'),
    )
    with op.batch_alter_table('org_leaving', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_org_leaving_platform_id'), ['platform_id'], unique=False)


def downgrade():
    with op.batch_alter_table('org_leaving', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_org_leaving_platform_id'))
    op.drop_table('org_leaving')
    with op.batch_alter_table('org_skill', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_org_skill_user_id'))
        batch_op.drop_index(batch_op.f('ix_org_skill_platform_id'))
    op.drop_table('org_skill')
    op.drop_table('org_opt_out')
    op.drop_table('org_admin')
