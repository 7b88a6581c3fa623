"""A learner's own answers: reading them into forms and saving one part at a time.

Every query here is filtered by the placement and the launch's own user; no function takes an
answer id from a request.
"""
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select, union

from activities.reflection import tagging
from activities.reflection.content import (
    ACTION, AUDIENCE_KEYS, BRAKE, EASY, ENGINE, FACTORS, HARD, SHARING, SITUATIONS, TRUST)
from activities.reflection.models import (
    ANSWER_MODELS, Action, Factor, FactorTag, SharingAnswer, Situation, ThemeEdit, TrustScore)
from lti_tool.extensions import db
from lti_tool.participants import ErasePreview


@dataclass
class Mine:
    """One learner's rows in one placement, by part."""

    situations: dict = field(default_factory=dict)
    factors: dict = field(default_factory=dict)
    trust: dict = field(default_factory=dict)
    sharing: dict = field(default_factory=dict)
    action: object = None

    @property
    def started(self):
        """Whether the learner saved anything at all."""
        return bool(self.situations or self.factors or self.trust or self.sharing or self.action)


def _rows(model, instance_id, user_id):
    return db.session.execute(select(model).filter_by(activity_instance_id=instance_id, user_id=user_id)).scalars()


def mine(instance, user_id):
    """Everything one learner saved in this placement."""
    return Mine(
        situations={r.kind: r for r in _rows(Situation, instance.id, user_id)},
        factors={r.side: r for r in _rows(Factor, instance.id, user_id)},
        trust={r.group_key: r for r in _rows(TrustScore, instance.id, user_id)},
        sharing={r.audience: r for r in _rows(SharingAnswer, instance.id, user_id)},
        action=next(iter(_rows(Action, instance.id, user_id)), None),
    )


def form_data(part, answers, config):
    """Saved answers of one part as form data."""
    data = {}
    if part == SITUATIONS:
        for kind, row in answers.situations.items():
            data.update({f"{kind}_what": row.what, f"{kind}_with": row.with_whom or None,
                         f"{kind}_knowledge": row.knowledge, f"{kind}_shared": row.shared})
    elif part == FACTORS:
        taxonomy = {t["key"] for t in config.tags}
        for side, row in answers.factors.items():
            data.update({f"{side}_text": row.text, f"{side}_shared": row.shared,
                         f"{side}_tags": [t.tag_key for t in row.tags if t.tag_key in taxonomy],
                         f"{side}_own": ", ".join(t.label for t in row.tags if tagging.is_own(t.tag_key))})
    elif part == TRUST:
        for key, row in answers.trust.items():
            data.update({f"given_{key}": str(row.given) if row.given else None,
                         f"received_{key}": str(row.received) if row.received else None,
                         f"why_{key}": row.why, f"na_{key}": row.not_applicable, f"shared_{key}": row.shared})
    elif part == SHARING:
        for key, row in answers.sharing.items():
            data.update({f"would_{key}": row.would, f"wouldnot_{key}": row.would_not, f"why_{key}": row.why,
                         f"shared_{key}": row.shared})
    elif part == ACTION and answers.action is not None:
        data.update({"action_text": answers.action.text, "action_shared": answers.action.shared})
    return data


def _upsert(existing, model, keys, values):
    """Update the row, create it, or delete it when every answer in it is empty.

    Values the model has no column for (has_tags) only count towards 'empty'.
    """
    empty = not any(v for name, v in values.items() if name != "shared")
    if empty:
        if existing is not None:
            db.session.delete(existing)
        return None
    row = existing or model(**keys)
    for name, value in values.items():
        if hasattr(model, name):
            setattr(row, name, value)
    if existing is None:
        db.session.add(row)
    return row


def _sync_tags(factor, tags):
    """Keep the tags that stay, drop the others, add the new ones (no delete-and-reinsert of one key)."""
    wanted = dict(tags)
    for tag in list(factor.tags):
        if tag.tag_key not in wanted:
            factor.tags.remove(tag)
        else:
            tag.label = wanted.pop(tag.tag_key)
    for key, label in tags:
        if key in wanted:
            factor.tags.append(FactorTag(tag_key=key, label=label))


def _score(value):
    return int(value) if value not in (None, "", "None") else None


def save(part, instance, user_id, form, config):
    """Save one validated part for the launch's learner (the caller records participation and commits)."""
    answers = mine(instance, user_id)
    keys = dict(activity_instance_id=instance.id, user_id=user_id)
    if part == SITUATIONS:
        for kind in (EASY, HARD):
            with_whom = form[f"{kind}_with"].data
            _upsert(answers.situations.get(kind), Situation, dict(keys, kind=kind), dict(
                what=form[f"{kind}_what"].data or "", knowledge=form[f"{kind}_knowledge"].data or "",
                with_whom=with_whom if with_whom not in (None, "", "None") else "",
                shared=bool(form[f"{kind}_shared"].data)))
    elif part == FACTORS:
        for side in (BRAKE, ENGINE):
            tags = tagging.resolve(form[f"{side}_tags"].data or [], form.parsed_own.get(side, []), config.tags)
            row = _upsert(answers.factors.get(side), Factor, dict(keys, side=side), dict(
                text=form[f"{side}_text"].data or "", has_tags=bool(tags), shared=bool(form[f"{side}_shared"].data)))
            if row is not None:
                _sync_tags(row, tags)
    elif part == TRUST:
        for group in config.groups:
            key = group["key"]
            _upsert(answers.trust.get(key), TrustScore, dict(keys, group_key=key), dict(
                given=_score(form[f"given_{key}"].data), received=_score(form[f"received_{key}"].data),
                why=form[f"why_{key}"].data or "", not_applicable=bool(form[f"na_{key}"].data),
                shared=bool(form[f"shared_{key}"].data)))
    elif part == SHARING:
        for key in AUDIENCE_KEYS:
            _upsert(answers.sharing.get(key), SharingAnswer, dict(keys, audience=key), dict(
                would=form[f"would_{key}"].data or "", would_not=form[f"wouldnot_{key}"].data or "",
                why=form[f"why_{key}"].data or "", shared=bool(form[f"shared_{key}"].data)))
    elif part == ACTION:
        _upsert(answers.action, Action, keys, dict(text=form["action_text"].data or "",
                                                   shared=bool(form["action_shared"].data)))
    db.session.flush()


def data_owners(instance):
    """Ids of the learners with at least one answer in the placement."""
    return set(db.session.execute(union(*(select(m.user_id).where(m.activity_instance_id == instance.id)
                                          for m in ANSWER_MODELS))).scalars())


def erase_preview(instance, user_id):
    """What erasing one learner removes: every answer they gave."""
    lines = (_l("This removes every answer this learner gave in this activity: situations, hinders and drivers, "
                "trust scores, what they would share and their action."),) if mine(instance, user_id).started else ()
    return ErasePreview(lines=lines, note=_l("The board, the summary and the exports no longer include them."),
                        heading=_l("Erase the answers of %(name)s?"), button=_l("Erase answers"))


def erase(instance, user_id):
    """Delete every answer of one learner in one placement; returns how many rows were removed."""
    removed = 0
    factor_ids = select(Factor.id).where(Factor.activity_instance_id == instance.id, Factor.user_id == user_id)
    db.session.execute(delete(FactorTag).where(FactorTag.factor_id.in_(factor_ids)))
    for model in ANSWER_MODELS:
        result = db.session.execute(delete(model).where(
            model.activity_instance_id == instance.id, model.user_id == user_id))
        removed += result.rowcount or 0
    _forget_unused_own_themes(instance)
    return removed


def _forget_unused_own_themes(instance):
    """Theme edits keyed by an own tag nobody uses any more: the key is the erased learner's own words."""
    used = set(db.session.execute(
        select(FactorTag.tag_key).join(Factor, Factor.id == FactorTag.factor_id)
        .where(Factor.activity_instance_id == instance.id)).scalars())
    for edit in db.session.execute(select(ThemeEdit).where(ThemeEdit.activity_instance_id == instance.id)).scalars():
        if tagging.is_own(edit.tag_key) and edit.tag_key not in used:
            db.session.delete(edit)
        elif edit.merged_into and tagging.is_own(edit.merged_into) and edit.merged_into not in used:
            edit.merged_into = None
