"""Learner routes: the overview (the facilitator's dashboard on the same entry), one page per part, the board."""
from flask import abort, g, redirect, render_template, request

from activities.reflection import answers as answering
from activities.reflection import bp, pages
from activities.reflection import settings as reflection_settings
from activities.reflection.content import PARTS
from activities.reflection.part_forms import part_form
from lti_tool.live import offer, page_answer, page_tag
from lti_tool.saving import save_and_score
from lti_tool.session import launch_required, launch_url
from lti_tool.i18n import current_language

PART_TEMPLATE = "activities/reflection/part.html"


@bp.get("/<id:iid>")
@launch_required()
def index(instance):
    """Learners see their parts and the board's state; facilitators get the dashboard."""
    notice, kind = pages.notice_for(request.args.get("done"))
    offer(page_tag(instance))
    return _entry_page(instance, notice=notice, notice_kind=kind)


@bp.get("/<id:iid>/live")
@launch_required()
def live(instance):
    """The entry page as JSON for its script (answers come in, the board opens); 304 while nothing changed."""
    return page_answer(instance, "reflection.index", lambda: _entry_page(instance))


def _entry_page(instance, **notices):
    if g.launch.is_instructor:
        return render_template("activities/reflection/facilitator.html", **notices,
                               **pages.facilitator_page(g.launch, instance))
    return render_template("activities/reflection/index.html", **notices, **pages.learner_page(g.launch, instance))


def _part_or_404(instance, part):
    config = reflection_settings.load(instance.settings)
    if part not in PARTS:
        abort(404)
    if not config.is_on(part):
        return config, redirect(launch_url("reflection.index", done="off"), code=303)
    return config, None


@bp.route("/<id:iid>/parts/<part>", methods=["GET", "POST"])
@launch_required(write_role="learner")
def part(instance, part):
    """One part: the form (GET), or save it with the participation score in one transaction (POST)."""
    config, elsewhere = _part_or_404(instance, part)
    if elsewhere is not None:
        return elsewhere
    if request.method == "GET":
        notice, kind = pages.notice_for(request.args.get("done"))
        return render_template(PART_TEMPLATE, notice=notice, notice_kind=kind,
                               **pages.part_page(g.launch, instance, config, part))
    form = part_form(part, config, current_language(), formdata=request.form)
    if not form.validate():
        return render_template(PART_TEMPLATE, **pages.part_page(g.launch, instance, config, part, form=form)), 400
    write = lambda: answering.save(part, instance, g.launch.user_id, form, config)  # noqa: E731
    _saved, participation = save_and_score(instance, write)
    done = "complete" if participation.fraction >= 1.0 else "saved"
    following = _following(config, part)
    if request.form.get("then") == "next" and following is not None:
        return redirect(launch_url("reflection.part", part=following, done=done), code=303)
    return redirect(launch_url("reflection.index", done=done), code=303)


def _following(config, part):
    parts = list(config.parts)
    position = parts.index(part)
    return parts[position + 1] if position + 1 < len(parts) else None


@bp.get("/<id:iid>/board")
@launch_required()
def board(instance):
    """The group board: for learners once the facilitator reveals it; for facilitators always, with editing."""
    notice, kind = pages.notice_for(request.args.get("done"))
    offer(page_tag(instance))
    return render_template("activities/reflection/board.html", notice=notice, notice_kind=kind,
                           **pages.board_page(g.launch, instance))


@bp.get("/<id:iid>/board/live")
@launch_required()
def board_live(instance):
    """The board page as JSON for its script; 304 while the placement has not changed (lti_tool/live.py)."""
    return page_answer(instance, "reflection.board", lambda: render_template(
        "activities/reflection/board.html", **pages.board_page(g.launch, instance)))
