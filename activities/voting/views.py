"""Routes of the voting activity: the learner page and the facilitator dashboard share one entry."""
from flask import abort, g, redirect, render_template, request
from flask_babel import lazy_gettext as _l

from activities.voting import bp, dashboard, following, pacing, pages, proposals, service
from activities.voting.forms import ModerationForm, ProposalForm
from activities.voting import export as exporting
from activities.voting import settings as voting_settings
from lti_tool.csv_export import download
from lti_tool.extensions import db
from lti_tool.grades.requeue import requeue_changed
from lti_tool.input_policy import bounded_int
from lti_tool.live import bump, conditional, offer
from lti_tool.saving import save_with_participation
from lti_tool.session import launch_required, launch_url
from lti_tool.i18n import current_language

LEARNER_TEMPLATE = "activities/voting/index.html"
FACILITATOR_TEMPLATE = "activities/voting/facilitator.html"


def _page_template():
    return FACILITATOR_TEMPLATE if g.launch.is_instructor else LEARNER_TEMPLATE


def _page_values(instance, form=None, proposal_form=None):
    if g.launch.is_instructor:
        values = dashboard.facilitator_page(g.launch, instance)
    else:
        values = pages.learner_page(g.launch, instance, form=form, proposal_form=proposal_form)
    key, announce = following.moment(values)
    return dict(values, live_key=key, live_announce=announce)


@bp.get("/<id:iid>")
@launch_required()
def index(instance):
    """Learners vote and see results; facilitators get the dashboard."""
    notice, kind = pages.notice_for(request.args.get("done"))
    offer(following.live_tag(g.launch, instance, current_language()))
    return render_template(_page_template(), notice=notice, notice_kind=kind, **_page_values(instance))


@bp.get("/<id:iid>/live")
@launch_required()
def live(instance):
    """The page below its notices as JSON, for the page's script; 304 while nothing this viewer sees changed.

    When only other people's votes moved a learner's page, the answer holds the results regions alone.
    """
    tag = following.live_tag(g.launch, instance, current_language())
    known = next(iter(request.if_none_match.as_set()), "")

    def render():
        if not g.launch.is_instructor and following.only_counts_moved(known, tag):
            html = render_template("activities/voting/_results_live.html", **pages.learner_results(g.launch, instance))
        else:
            # The whole page, of which the script takes the regions: one template, so the two never disagree.
            html = render_template(_page_template(), **_page_values(instance))
        return {"html": html, "live_url": launch_url("voting.live")}

    return conditional(tag, render, page="voting.index")


@bp.post("/<id:iid>/votes")
@launch_required(role="learner")
def vote(instance):
    """Save the learner's votes and their participation in one transaction, then redirect (PRG)."""
    config = voting_settings.load(instance.settings)
    state = service.state_for(instance)
    form = pages.build_vote_form(config, state, {}, formdata=request.form)
    if not (form.round.data or "").isdigit():
        abort(400)
    if not state.is_open:
        return _refuse(instance, _l("Voting is closed, so your votes were not changed."))
    if int(form.round.data) != state.current_round:
        return _refuse(instance, _l("A new round has started. Look at the statements again and vote."))
    if (form.statement.data or "") != (pages.pace_of(config, state).current_key or ""):
        return _refuse(instance, _l("The facilitator has moved to another statement, so this vote was not saved. "
                                    "Vote on the statement shown now."))
    if not form.validate():
        return render_template(LEARNER_TEMPLATE, **_page_values(instance, form=form)), 400
    answers, round_number = form.answers(), state.current_round
    save_with_participation(instance, lambda: service.save_votes(instance, g.launch.user_id, round_number, answers))
    return redirect(launch_url("voting.index", done="saved"), code=303)


def _refuse(instance, message):
    return render_template(LEARNER_TEMPLATE, notice=message, notice_kind="warning", **_page_values(instance)), 409


@bp.post("/<id:iid>/control")
@launch_required(role="facilitator")
def control(instance):
    """Open or close voting, share or hide results, or start a new round."""
    action = request.form.get("action", "")
    if action not in service.ACTIONS:
        abort(400)
    # The new-round form lists the statements to re-open; a request without that list re-opens them all.
    reopen = request.form.getlist("statement") if request.form.get("choose") == "1" else None
    if action == "new_round" and reopen is not None and not reopen:
        return redirect(launch_url("voting.index", done="choose_statements", _anchor="new-round"), code=303)
    seconds = bounded_int(request.form.get("seconds"), pacing.MIN_TIMER, pacing.MAX_TIMER) if action == "timer_start" else None
    if action == "timer_start" and seconds is None:
        abort(400)
    # Moving between statements names the one the page showed, so a double click moves only once.
    expected = request.form.get("statement") if action in ("next", "previous") else None
    applied = service.control(instance, action, bounded_int(request.form.get("round")), reopen=reopen,
                              seconds=seconds, expected_statement=expected)
    if applied:
        bump(instance)  # the wall and learners' pages follow
    db.session.commit()
    return redirect(launch_url("voting.index", done=action if applied else "stale"), code=303)


@bp.post("/<id:iid>/proposals")
@launch_required(role="learner")
def propose(instance):
    """A learner proposes a statement; it waits for the facilitator's approval."""
    form = ProposalForm(formdata=request.form)
    if not form.validate():
        return render_template(LEARNER_TEMPLATE, **_page_values(instance, proposal_form=form)), 400
    try:
        proposals.propose(instance, g.launch.user_id, form.text.data)
    except proposals.Refused as refusal:
        return render_template(LEARNER_TEMPLATE, notice=str(refusal), notice_kind="warning",
                               **_page_values(instance, proposal_form=form)), 409
    bump(instance)  # the facilitator's page shows it within one poll
    db.session.commit()
    return redirect(launch_url("voting.index", done="proposed", _anchor="propose"), code=303)


@bp.post("/<id:iid>/proposals/<id:pid>")
@launch_required(role="facilitator")
def moderate(instance, pid):
    """Approve a proposed statement (as written or reworded) into the vote, or reject it."""
    proposal = proposals.find(instance, pid)
    if proposal is None:
        abort(404)
    form = ModerationForm(formdata=request.form)
    if not form.validate():
        return _moderation_refused(instance, " ".join(str(e) for e in form.text.errors) or None)
    try:
        if form.decision.data == "approve":
            proposals.approve(instance, proposal, form.text.data or proposal.text, current_language())
            db.session.flush()
            requeue_changed(instance)  # one more statement: every learner's share of statements answered changed
        else:
            proposals.reject(proposal)
    except proposals.Refused as refusal:
        return _moderation_refused(instance, str(refusal))
    bump(instance)
    db.session.commit()
    done = {"approve": "approved", "reject": "rejected"}[form.decision.data]
    return redirect(launch_url("voting.index", done=done, _anchor="proposals"), code=303)


def _moderation_refused(instance, message):
    db.session.rollback()
    return render_template(FACILITATOR_TEMPLATE, notice=message or _l("Choose approve or reject."),
                           notice_kind="warning", **_page_values(instance)), 400


@bp.get("/<id:iid>/export.csv")
@launch_required(role="facilitator", fresh=True)
def export(instance):
    """All votes as CSV, with pseudonymous participant codes."""
    body = exporting.to_csv(exporting.rows(instance, language=current_language()))
    return download(body, f"voting-{instance.id}.csv")
