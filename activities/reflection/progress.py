"""Which parts a learner has answered, their participation score, and everyone's status for the facilitator."""
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from activities.reflection import settings as reflection_settings
from activities.reflection.answers import Mine, mine
from activities.reflection.content import ACTION, AUDIENCE_KEYS, BRAKE, EASY, ENGINE, FACTORS, HARD, SHARING, \
    SITUATIONS, TRUST
from activities.reflection.models import Action, Factor, SharingAnswer, Situation, TrustScore
from lti_tool.extensions import db
from lti_tool.participation import Participation

NOT_STARTED, BUSY, DONE = "not_started", "busy", "done"
STATUS_LABELS = {NOT_STARTED: _l("Not started"), BUSY: _l("Busy"), DONE: _l("Done")}


def _factor_answered(row):
    return row is not None and bool(row.text or row.tags)


def part_answered(part, answers, config):
    """Whether one part counts as answered (each part's own, content-free criterion)."""
    if part == SITUATIONS:
        return all(answers.situations.get(k) is not None and answers.situations[k].what for k in (EASY, HARD))
    if part == FACTORS:
        return all(_factor_answered(answers.factors.get(side)) for side in (BRAKE, ENGINE))
    if part == TRUST:
        rows = [answers.trust.get(g["key"]) for g in config.groups]
        return all(r is not None and (r.not_applicable or (r.given and r.received)) for r in rows)
    if part == SHARING:
        rows = [answers.sharing.get(k) for k in AUDIENCE_KEYS]
        return all(r is not None and (r.would or r.would_not) for r in rows)
    if part == ACTION:
        return answers.action is not None and bool(answers.action.text)
    return False


def answered_parts(answers, config):
    """The parts that are on and answered, in page order."""
    return [p for p in config.parts if part_answered(p, answers, config)]


def status_of(answers, config):
    """not_started, busy or done."""
    if len(answered_parts(answers, config)) == len(config.parts):
        return DONE
    return BUSY if answers.started else NOT_STARTED


def participation_of(answers, config):
    """Fraction of the parts that are on and answered, with a comment that names no content."""
    done, total = len(answered_parts(answers, config)), len(config.parts)
    comment = _("%(answered)d of %(total)d parts answered", answered=done, total=total)
    return Participation(fraction=min(1.0, done / total) if total else 0.0, comment=comment)


def participation(instance, user_id, config):
    """The learner's participation in one placement."""
    return participation_of(mine(instance, user_id), config)


def everyone(instance):
    """{user id: Mine} for every learner with at least one answer in the placement (one query per table)."""
    found = {}

    def rows(model):
        """Every row of one answer table in this placement."""
        return db.session.execute(select(model).filter_by(activity_instance_id=instance.id)).scalars()

    for row in rows(Situation):
        found.setdefault(row.user_id, Mine()).situations[row.kind] = row
    for row in rows(Factor):
        found.setdefault(row.user_id, Mine()).factors[row.side] = row
    for row in rows(TrustScore):
        found.setdefault(row.user_id, Mine()).trust[row.group_key] = row
    for row in rows(SharingAnswer):
        found.setdefault(row.user_id, Mine()).sharing[row.audience] = row
    for row in rows(Action):
        found.setdefault(row.user_id, Mine()).action = row
    return found


@dataclass(frozen=True)
class PartsProgress:
    """One learner's row in the participants table: their status and parts answered."""

    status: str
    answered: int
    total: int

    @property
    def label(self):
        """The status in words."""
        return STATUS_LABELS[self.status]


def details(instance, user_ids):
    """{user id: PartsProgress} for the participants table."""
    config = reflection_settings.load(instance.settings)
    found = everyone(instance)
    out = {}
    for uid in user_ids:
        mine = found.get(uid) or Mine()
        out[uid] = PartsProgress(status_of(mine, config), len(answered_parts(mine, config)), len(config.parts))
    return out
