"""Statements proposed by learners: held for the facilitator, who approves them (as written or reworded)
into the vote or rejects them. The group never learns who proposed a statement."""
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select

from activities.common.settings_lists import custom_key, matching_default
from activities.voting import service
from activities.voting import settings as voting_settings
from activities.voting.content import DEFAULT_STATEMENTS
from activities.voting.models import Proposal
from lti_tool.extensions import db
from lti_tool.models.base import utcnow

PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"
MAX_WAITING_PER_LEARNER = 3  # a few ideas each; the facilitator's list stays readable
MAX_PER_PLACEMENT = 200


class Refused(Exception):
    """A proposal or decision that cannot be taken, with the message to show."""


def _same(a, b):
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _on_the_list(config, text):
    """Whether `text` is already a statement of the placement, in any of its languages."""
    known = (t for s in config.statements for t in (*(s.get("texts") or {}).values(), s.get("text") or "") if t)
    return any(_same(text, t) for t in known)


def propose(instance, user_id, text):
    """Hold a learner's statement for the facilitator (the caller commits); raises Refused."""
    config = voting_settings.load(instance.settings)
    if not config.learner_statements:
        raise Refused(_("This activity does not take statements from learners."))
    if _on_the_list(config, text):
        raise Refused(_("That statement is already on the list."))
    rows = of_placement(instance)
    if any(_same(text, row.text) for row in rows if row.status == PENDING):
        raise Refused(_("Someone already proposed that statement; it waits for the facilitator."))
    waiting = sum(1 for row in rows if row.user_id == user_id and row.status == PENDING)
    if waiting >= MAX_WAITING_PER_LEARNER:
        raise Refused(ngettext("You have %(num)d proposal waiting for the facilitator; propose more once it is decided.",
                               "You have %(num)d proposals waiting for the facilitator; propose more once they are decided.",
                               waiting))
    if len(rows) >= MAX_PER_PLACEMENT:
        raise Refused(_("This activity has taken all the proposals it can."))
    proposal = Proposal(activity_instance_id=instance.id, user_id=user_id, text=text)
    db.session.add(proposal)
    return proposal


def of_placement(instance):
    """The placement's proposals, oldest first."""
    return db.session.execute(select(Proposal).filter_by(activity_instance_id=instance.id)
                              .order_by(Proposal.id)).scalars().all()


def of_learner(instance, user_id):
    """One learner's proposals, newest first."""
    return db.session.execute(select(Proposal).filter_by(activity_instance_id=instance.id, user_id=user_id)
                              .order_by(Proposal.id.desc())).scalars().all()


def find(instance, proposal_id):
    """A proposal of this placement by id, or None (another placement's id finds nothing)."""
    proposal = db.session.get(Proposal, proposal_id)
    return proposal if proposal is not None and proposal.activity_instance_id == instance.id else None


def approve(instance, proposal, text, language):
    """Add the (possibly reworded) statement to the vote, in the current round too; raises Refused.

    The caller commits and corrects the gradebook: one more statement changes what taking part means.
    """
    if proposal.status != PENDING:
        raise Refused(_("This proposal was already decided."))
    config = voting_settings.load(instance.settings)
    if len(config.statements) >= voting_settings.MAX_STATEMENTS:
        raise Refused(_("The activity has the maximum of %(max)d statements.", max=voting_settings.MAX_STATEMENTS))
    entry = matching_default(text, DEFAULT_STATEMENTS) or {
        "key": custom_key(text, fold_case=False), "text": text, "language": language}
    if any(s["key"] == entry["key"] for s in config.statements) or _on_the_list(config, text):
        raise Refused(_("That statement is already on the list."))
    # Fresh containers: the JSON columns notice a new value, not a change inside the old one.
    instance.settings = {**(instance.settings or {}), "statements": [*map(dict, config.statements), entry]}
    state = service.state_for(instance)
    chosen = (state.round_statements or {}).get(str(state.current_round))
    if chosen is not None:  # a round that re-opened some statements takes the new one too
        state.round_statements = {**state.round_statements, str(state.current_round): [*chosen, entry["key"]]}
    proposal.status, proposal.statement_key, proposal.decided_at = APPROVED, entry["key"], utcnow()
    proposal.text = text
    return entry


def reject(proposal):
    """Turn a proposal down (the learner sees it was not taken)."""
    if proposal.status != PENDING:
        raise Refused(_("This proposal was already decided."))
    proposal.status, proposal.decided_at = REJECTED, utcnow()

