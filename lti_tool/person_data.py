"""One person's data across every activity and course: found, exported, erased; old placements purged.

Rows are found from the schema itself: every table with a `user_id` holds rows of a person, and rows of
tables hanging below those (a drawing's contacts and ties, a hinder's tags, an evaluation's goal
progress) follow through their foreign keys. A new activity's tables are covered without a change here.
"""
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, or_, select

from lti_tool import jobs
from lti_tool.extensions import db
from lti_tool.models import ActivityInstance, Context, Membership, Platform, User
from lti_tool.models.base import utcnow
from lti_tool.privacy import erase_learner

# Core tables exported as the person's identity and courses rather than as activity data.
IDENTITY = {"lti_user", "membership"}


def users_of(issuer, sub):
    """The person's user rows: one per registration of that issuer (Canvas shares an issuer across keys)."""
    return db.session.execute(select(User).join(Platform, Platform.id == User.platform_id)
                              .where(Platform.issuer == issuer, User.sub == sub)).scalars().all()


def _plain(value):
    return value.isoformat() if isinstance(value, (datetime, date)) else value


def _rows_by_table(user_ids):
    """{table: [row mappings]} of everything the schema ties to these users (identity tables excluded)."""
    found, keys = {}, {}
    for table in db.metadata.sorted_tables:  # parents before children, so a child sees its parents' keys
        if table.name in IDENTITY:
            continue
        if "user_id" in table.c:
            query = select(table).where(table.c.user_id.in_(user_ids))
        else:
            links = [fk for fk in table.foreign_keys if keys.get(fk.column.table.name)]
            if not links:
                continue
            query = select(table).where(or_(*[fk.parent.in_(keys[fk.column.table.name]) for fk in links]))
        rows = [dict(row) for row in db.session.execute(query).mappings()]
        if rows:
            found[table.name] = rows
            primary = list(table.primary_key.columns)
            if len(primary) == 1:
                keys[table.name] = [row[primary[0].name] for row in rows]
    return found


def _placement_of(table_name, row, rows_by_table):
    """The placement a row belongs to, directly or through the parent row it hangs below."""
    if row.get("activity_instance_id") is not None:
        return row["activity_instance_id"]
    table = db.metadata.tables[table_name]
    for fk in table.foreign_keys:
        parents = {r[fk.column.name]: r for r in rows_by_table.get(fk.column.table.name, ())}
        parent = parents.get(row.get(fk.parent.name))
        if parent is not None:
            return _placement_of(fk.column.table.name, parent, rows_by_table)
    return None


def export(users):
    """Everything held about a person, as JSON-ready data grouped by course and placement."""
    user_ids = [u.id for u in users]
    rows_by_table = _rows_by_table(user_ids)
    placements = {}
    for table_name, rows in rows_by_table.items():
        for row in rows:
            placement = placements.setdefault(_placement_of(table_name, row, rows_by_table), {})
            placement.setdefault(table_name, []).append({k: _plain(v) for k, v in row.items()})
    instances = {i.id: i for i in db.session.execute(select(ActivityInstance).where(
        ActivityInstance.id.in_([k for k in placements if k is not None]))).scalars()}
    courses = {c.id: c for c in db.session.execute(select(Context).where(
        Context.id.in_({i.context_id for i in instances.values()}))).scalars()}
    issuers = dict(db.session.execute(select(Platform.id, Platform.issuer).where(
        Platform.id.in_({u.platform_id for u in users}))).all())
    return {
        "person": [{"issuer": issuers.get(u.platform_id), "sub": u.sub, "name": u.name} for u in users],
        "courses": [{"course": title, "role": role} for title, role in db.session.execute(
            select(Context.title, Membership.role).join(Membership, Membership.context_id == Context.id)
            .where(Membership.user_id.in_(user_ids))).all()],
        "activities": [
            {"course": courses[instances[iid].context_id].title if iid in instances else None,
             "activity": instances[iid].activity_type if iid in instances else None,
             "title": instances[iid].title if iid in instances else None,
             "data": tables}
            for iid, tables in sorted(placements.items(), key=lambda item: item[0] or 0)],
    }


def erase(users, dry_run=False):
    """Erase a person everywhere; returns {table: rows} that go (nothing is written with `dry_run`).

    Each placement goes through the same erase as the facilitator's per-learner erase (which also
    unlinks the person from classmates' drawings); then the person's user rows and memberships.
    """
    user_ids = [u.id for u in users]
    counts = {table: len(rows) for table, rows in _rows_by_table(user_ids).items()}
    counts["lti_user"] = len(user_ids)
    if dry_run or not user_ids:
        return counts
    placements = {row["activity_instance_id"] for rows in _rows_by_table(user_ids).values()
                  for row in rows if row.get("activity_instance_id") is not None}
    for instance in db.session.execute(select(ActivityInstance).where(
            ActivityInstance.id.in_(placements))).scalars():
        for user in users:
            if user.platform_id == instance.platform_id:
                erase_learner(instance, user)
    platform_ids = {u.platform_id for u in users}  # read before the delete: the rows are gone after it
    db.session.execute(delete(User).where(User.id.in_(user_ids)))  # memberships and the rest cascade
    jobs.forget_results(platform_ids)  # stored figures may still count them
    db.session.commit()
    return counts


def last_activity(instance_id):
    """The newest timestamp of anything in a placement (its creation, answers, scores, sessions)."""
    newest = [db.session.get(ActivityInstance, instance_id).created_at]
    for table in db.metadata.sorted_tables:
        if "activity_instance_id" not in table.c:
            continue
        for name in ("updated_at", "created_at", "last_seen_at"):
            if name in table.c:
                value = db.session.execute(select(func.max(table.c[name])).where(
                    table.c.activity_instance_id == instance_id)).scalar()
                if value is not None:
                    newest.append(value)
    return max(newest)


def stale_placements(days):
    """Placements whose last activity is more than `days` days old."""
    cutoff = utcnow() - timedelta(days=days)
    ids = db.session.execute(select(ActivityInstance.id)).scalars().all()
    return [iid for iid in ids if last_activity(iid) < cutoff]


def purge(days, dry_run=False):
    """Erase placements idle for more than `days` days, with everything in them; returns their ids."""
    stale = stale_placements(days)
    if stale and not dry_run:
        db.session.execute(delete(ActivityInstance).where(ActivityInstance.id.in_(stale)))  # cascades
        db.session.commit()
    return stale
