"""lti_user.email_key: the keyed digest of the e-mail address the LMS shares, to match HR files

Revision ID: f1a2b3c4d5e6
Revises: e4b8c1d2f7a3
Create Date: 2026-12-04 23:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'f1a2b3c4d5e6'
down_revision = 'e4b8c1d2f7a3'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('lti_user') as batch:
        batch.add_column(sa.Column('email_key', sa.String(length=64), nullable=True))
        batch.create_index('ix_lti_user_email_key', ['platform_id', 'email_key'], unique=False)


def downgrade():
    with op.batch_alter_table('lti_user') as batch:
        batch.drop_index('ix_lti_user_email_key')
        batch.drop_column('email_key')
