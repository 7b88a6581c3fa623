"""Voting rules: the placement's live state, saving votes with their score, rounds and erasure."""
from flask import abort
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import bindparam, delete, func, select

from activities.common.state import kept, state_row
from activities.voting import pacing
from activities.voting import settings as voting_settings
from activities.voting.models import Proposal, Vote, VotingState
from lti_tool.extensions import db
from lti_tool.models.base import utcnow
from lti_tool.participants import ErasePreview
from lti_tool.participation import Participation

MAX_ROUNDS = 10
ACTIONS = ("open", "close", "reveal", "hide", "new_round") + pacing.ACTIONS


def votes_of(instance, user_id):
    """{(statement key, round): Vote} for one learner in one placement."""
    rows = db.session.execute(select(Vote).filter_by(activity_instance_id=instance.id, user_id=user_id)).scalars()
    return {(v.statement_key, v.round_number): v for v in rows}


# Built once: composing a statement costs about as much as running it, and learners poll every second or two.
_SHOWN = select(Vote.statement_key, Vote.round_number, Vote.choice, Vote.reason).where(
    Vote.activity_instance_id == bindparam("iid"), Vote.user_id == bindparam("uid"))


def votes_shown(instance, user_id):
    """{(statement key, round): row with .choice and .reason} of one learner, for showing (votes_of to change)."""
    rows = db.session.execute(_SHOWN, {"iid": instance.id, "uid": user_id})
    return {(row.statement_key, row.round_number): row for row in rows}


def vote_count(instance, user_id):
    """How many votes the learner has in the placement (their page changes when they vote)."""
    return db.session.execute(select(func.count(Vote.id)).filter_by(activity_instance_id=instance.id,
                                                                    user_id=user_id)).scalar_one()


_STATE_WITH_COUNT = select(VotingState, select(func.count(Vote.id)).where(
    Vote.activity_instance_id == bindparam("iid"), Vote.user_id == bindparam("uid")).scalar_subquery()).where(
    VotingState.activity_instance_id == bindparam("iid"))


def state_with_vote_count(instance, user_id):
    """state_for and vote_count in one read: all that a learner's poll asks before it can answer 304."""
    row = db.session.execute(_STATE_WITH_COUNT, {"iid": instance.id, "uid": user_id}).first()
    if row is None:  # the first view of the placement makes the state row
        return state_for(instance), vote_count(instance, user_id)
    state, count = row
    pacing.settle(instance, kept(state))
    return state, count


def save_votes(instance, user_id, round_number, answers):
    """Insert or update the learner's votes of one round (the caller records participation and commits)."""
    existing = votes_of(instance, user_id)
    for key, (choice, reason) in answers.items():
        vote = existing.get((key, round_number))
        if vote is None:
            db.session.add(Vote(activity_instance_id=instance.id, user_id=user_id, statement_key=key,
                                round_number=round_number, choice=choice, reason=reason))
        elif (vote.choice, vote.reason) != (choice, reason):
            vote.choice, vote.reason = choice, reason
    db.session.flush()


def participation(instance, user_id):
    """Statements answered in the learner's fullest round, as a fraction, with a content-free comment."""
    config = voting_settings.load(instance.settings)
    keys = {s["key"] for s in config.statements}
    per_round = {}
    for (key, round_number) in votes_of(instance, user_id):
        if key in keys:
            per_round[round_number] = per_round.get(round_number, 0) + 1
    answered = max(per_round.values(), default=0)
    total = len(keys)
    comment = _("%(answered)d of %(total)d statements answered", answered=answered, total=total)
    if len(per_round) > 1:
        comment = _("%(answered)d of %(total)d statements answered (%(rounds)d rounds)",
                    answered=answered, total=total, rounds=len(per_round))
    return Participation(fraction=min(1.0, answered / total) if total else 0.0, comment=comment)


def open_in_round(config, state, round_number):
    """The statement keys learners vote on in one round, in the designer's order."""
    keys = [s["key"] for s in config.statements]
    chosen = (state.round_statements or {}).get(str(round_number))
    return keys if chosen is None else [key for key in keys if key in chosen]


def state_for(instance):
    """The placement's state row, created on first use, with a countdown that has run out closing the vote."""
    state = state_row(VotingState, instance)
    pacing.settle(instance, state)
    return state


def votable_keys(config, state):
    """The statement keys learners can vote on now (the round's, or only the current one when paced)."""
    return pacing.votable(open_in_round(config, state, state.current_round), state)


def rounds_open(config, state):
    """A function giving, for a statement key, the rounds up to the current one in which it was open."""
    chosen = state.round_statements or {}
    keys = [s["key"] for s in config.statements]
    return lambda key: [number for number in range(1, state.current_round + 1)
                        if key in chosen.get(str(number), keys)]


def control(instance, action, expected_round, reopen=None, seconds=None, expected_statement=None):
    """Apply a facilitator action; returns False when it no longer applies (a double click, a stale page).

    A new round re-opens the statement keys in `reopen` (all of them when None); `seconds` is a countdown's
    length; `expected_statement`, when given, is the statement the facilitator's page showed as current.
    """
    state = state_for(instance)
    if action not in ACTIONS:
        abort(400)
    if expected_round != state.current_round:
        return False
    config = voting_settings.load(instance.settings)
    round_keys = open_in_round(config, state, state.current_round)
    if expected_statement is not None and expected_statement != (pacing.current_key(round_keys, state) or ""):
        return False
    if action in pacing.ACTIONS:
        return pacing.apply(state, round_keys, action, seconds)
    if action == "new_round":
        if state.current_round >= MAX_ROUNDS:
            return False
        all_keys = [s["key"] for s in config.statements]
        chosen = [key for key in all_keys if reopen is None or key in reopen]
        if not chosen:
            return False
        state.current_round += 1
        if len(chosen) < len(all_keys):
            # A fresh dict: the JSON column notices a new value, not a change inside the old one.
            state.round_statements = {**(state.round_statements or {}), str(state.current_round): chosen}
        state.is_open, state.revealed, state.round_started_at = True, False, utcnow()
        state.current_statement, state.closes_at = chosen[0] if state.pace == pacing.ONE else None, None
    else:
        state.is_open = {"open": True, "close": False}.get(action, state.is_open)
        if action == "close":
            state.closes_at = None  # closing by hand ends the countdown too
        state.revealed = {"reveal": True, "hide": False}.get(action, state.revealed)
    return True


def data_owners(instance):
    """Ids of the learners with a vote or a proposed statement in the placement."""
    voters = select(Vote.user_id).where(Vote.activity_instance_id == instance.id)
    proposers = select(Proposal.user_id).where(Proposal.activity_instance_id == instance.id)
    return set(db.session.execute(voters.union(proposers)).scalars())


def erase_preview(instance, user_id):
    """What erasing one learner removes: their votes and reasons."""
    count = db.session.execute(select(func.count(Vote.id)).filter_by(
        activity_instance_id=instance.id, user_id=user_id)).scalar_one()
    proposed = db.session.execute(select(func.count(Proposal.id)).filter_by(
        activity_instance_id=instance.id, user_id=user_id)).scalar_one()
    lines = (ngettext("This removes %(num)d vote and its reason from this activity, in every round.",
                      "This removes all %(num)d votes and their reasons from this activity, in every round.",
                      count),) if count else ()
    if proposed:
        lines += (ngettext("It also removes %(num)d proposed statement; a statement already approved stays in "
                           "the vote, without any link to them.",
                           "It also removes %(num)d proposed statements; statements already approved stay in "
                           "the vote, without any link to them.", proposed),)
    return ErasePreview(lines=lines, note=_("Results and exports no longer include them."))


def erase(instance, user_id):
    """Delete every vote and proposal of one learner in one placement; returns how many votes were removed."""
    db.session.execute(delete(Proposal).where(Proposal.activity_instance_id == instance.id,
                                              Proposal.user_id == user_id))
    result = db.session.execute(delete(Vote).where(
        Vote.activity_instance_id == instance.id, Vote.user_id == user_id))
    return result.rowcount or 0
