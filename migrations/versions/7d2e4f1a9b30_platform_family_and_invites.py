"""platform family, Dynamic Registration invites, a refused score's status, session idle time

Revision ID: 7d2e4f1a9b30
Revises: 51c9fcba43ac
Create Date: 2026-12-03 16:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = '7d2e4f1a9b30'
down_revision = '51c9fcba43ac'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('platform', schema=None) as batch_op:
        batch_op.add_column(sa.Column('product_family', sa.String(length=40), nullable=False, server_default=''))

    with op.batch_alter_table('score_outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_status', sa.Integer(), nullable=True))
    with op.batch_alter_table('launch_session', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_seen_at', sa.DateTime(), nullable=True))

    op.create_table('registration_invite',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.Column('platform_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['platform_id'], ['platform.id'], name=op.f('fk_registration_invite_platform_id_platform'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_registration_invite')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_registration_invite_token_hash'))
    )


def downgrade():
    op.drop_table('registration_invite')
    with op.batch_alter_table('score_outbox', schema=None) as batch_op:
        batch_op.drop_column('last_status')
    with op.batch_alter_table('launch_session', schema=None) as batch_op:
        batch_op.drop_column('last_seen_at')
    with op.batch_alter_table('platform', schema=None) as batch_op:
        batch_op.drop_column('product_family')
