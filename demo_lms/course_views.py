"""The LMS pages people see: my courses, a course, an activity (tool in an iframe), add an activity, members,
gradebook, and the user switcher."""
from urllib.parse import urlsplit

from flask import Blueprint, abort, redirect, render_template, request, session, url_for

from demo_lms import people
from demo_lms.state import current_course, current_user, lms_state, require_facilitator

bp = Blueprint("course", __name__)


@bp.get("/")
def home():
    """The demo opens in the current course."""
    return redirect(url_for("course.course"))


@bp.get("/courses")
def my_courses():
    """The courses the signed-in person is a member of (Moodle's 'My courses')."""
    return render_template("lms/courses.html", courses=people.courses_of(current_user()))


def _enter(course):
    """Make `course` the session's current course, if the signed-in person is a member (else 403)."""
    if course is None:
        abort(404, description="There is no such course.")
    if not course.has(current_user()):
        abort(403, description=f"You are not enrolled in “{course.title}”. Switch to one of its members, or open "
                               "one of your own courses.")
    session["course_id"] = course.id
    return course


@bp.get("/course")
def course():
    """A course page (`?id=` one of the LMS's courses; else the current one): its activities and, for the
    facilitator, 'Add an activity'."""
    here = _enter(people.course(request.args["id"]) if "id" in request.args else current_course())
    store = lms_state().store
    links = store.links(here.id)
    for link in links:
        link["lineitem"] = store.lineitem_for_link(link["id"])
    added = store.link(request.args.get("added", "")) if request.args.get("added") else None
    return render_template("lms/course.html", links=links, added=added,
                           cancelled=request.args.get("cancelled") == "1",
                           registered=request.args.get("registered") == "1")


@bp.get("/course/activity/<link_id>")
def activity(link_id):
    """One activity: the tool in an iframe, inside the LMS chrome (and inside its course)."""
    link = lms_state().store.link(link_id)
    if link is None:
        abort(404, description="This activity does not exist (any more) in the course.")
    _enter(people.course(link["course_id"]))
    return render_template("lms/activity.html", link=link,
                           frame_src=url_for("lti.initiate", link_id=link_id))


@bp.get("/course/add-activity")
def add_activity():
    """The facilitator picks and configures an activity in the tool (a deep linking launch)."""
    require_facilitator()
    return render_template("lms/add_activity.html", frame_src=url_for("lti.initiate_deep_link"))


@bp.post("/switch-user")
def switch_user():
    """Sign in as another course member (the demo has no passwords)."""
    person = people.person(request.form.get("user_id"))
    if person is None:
        abort(400, description="Unknown user.")
    here = current_course()
    session["user_id"] = person.id
    if not here.has(person):  # the new person does not follow this course: go to one of theirs
        session["course_id"] = people.courses_of(person)[0].id
        return redirect(url_for("course.course"), code=303)
    return redirect(_local_target(request.form.get("next")) or url_for("course.course"), code=303)


def _local_target(target):
    # Only paths on this LMS: an open redirect would let other sites bounce people through us.
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    parts = urlsplit(target)
    return None if parts.scheme or parts.netloc else target


@bp.get("/members")
def members():
    """The course participants with their roles and language (facilitator only)."""
    require_facilitator()
    return render_template("lms/members.html", members=current_course().members)


@bp.get("/gradebook")
def gradebook():
    """One column per line item, one row per learner (a learner sees only their own row)."""
    store, user, here = lms_state().store, current_user(), current_course()
    lineitems = store.lineitems(course_id=here.id)
    rows = here.learners() if user.is_instructor else [user]
    scores = {(s["lineitem_id"], s["user_id"]): s for s in store.scores()}
    return render_template("lms/gradebook.html", lineitems=lineitems, rows=rows, scores=scores,
                           cell=_cell)


def _number(value):
    return f"{value:.2f}".rstrip("0").rstrip(".") if value is not None else ""


def _cell(score, lineitem):
    """What a gradebook cell shows: the score scaled to the column's maximum, e.g. '0.75 / 1'."""
    if score is None:
        return None
    shown = None
    if score["score_given"] is not None and score["score_maximum"]:
        shown = score["score_given"] / score["score_maximum"] * lineitem["score_maximum"]
    return {"score": f"{_number(shown)} / {_number(lineitem['score_maximum'])}" if shown is not None else "–",
            "activity_progress": score["activity_progress"], "grading_progress": score["grading_progress"],
            "timestamp": score["timestamp"], "comment": score["comment"] or ""}
