"""network: every placed contact gets a stored angle of its own (the same one at every moment)

Contacts placed from the list view or by keyboard used to have no angle, and the drawing computed one
from the others on every view, so people moved when someone else changed. This stores one for each:
the middle of the largest free gap on the circle, shared by the copies of a contact at later moments.

Revision ID: c4a7e2d91f05
Revises: 3b8e5c0d2f41
Create Date: 2026-12-04 06:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'c4a7e2d91f05'
down_revision = '3b8e5c0d2f41'
branch_labels = None
depends_on = None

BADGE_ANGLE = 270.0  # the ring numbers sit at the top; keep people away from them


def _largest_gap_middle(taken):
    points = sorted(a % 360 for a in taken)
    best, best_size = 0.0, -1.0
    for i, a in enumerate(points):
        b = points[(i + 1) % len(points)] + (360 if i + 1 == len(points) else 0)
        if b - a > best_size:
            best, best_size = (a + (b - a) / 2) % 360, b - a
    return round(best, 2)


def upgrade():
    bind = op.get_bind()
    drawing = sa.table('network_drawing', sa.column('id'), sa.column('activity_instance_id'),
                       sa.column('user_id'), sa.column('created_at'))
    contact = sa.table('network_contact', sa.column('id'), sa.column('drawing_id'), sa.column('key'),
                       sa.column('ring'), sa.column('angle'))
    rows = bind.execute(sa.select(contact.c.id, contact.c.drawing_id, contact.c.key, contact.c.ring,
                                  contact.c.angle, drawing.c.activity_instance_id, drawing.c.user_id)
                        .join(drawing, drawing.c.id == contact.c.drawing_id)
                        .order_by(drawing.c.created_at, drawing.c.id, contact.c.id)).all()
    taken, chosen = {}, {}  # per drawing: angles in use; per (placement, learner, key): the angle given
    for row in rows:
        if row.ring and row.angle is not None:
            taken.setdefault(row.drawing_id, []).append(row.angle)
    for row in rows:
        if not row.ring or row.angle is not None:
            continue
        owner = (row.activity_instance_id, row.user_id, row.key)
        if owner not in chosen:
            chosen[owner] = _largest_gap_middle(taken.get(row.drawing_id, []) + [BADGE_ANGLE])
        taken.setdefault(row.drawing_id, []).append(chosen[owner])
        bind.execute(contact.update().where(contact.c.id == row.id).values(angle=chosen[owner]))


def downgrade():
    pass  # the stored angles are valid data for the older code too
