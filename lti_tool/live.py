"""Live pages: one version number per placement that every change bumps, and answers conditional on it.

Pages poll with the version as an ETag; an unchanged placement costs one primary-key read and a 304.
Why polling and not a stream: docs/live-updates.md.
"""
from flask import current_app, g, has_request_context, jsonify, request
from sqlalchemy import select, update
from werkzeug.http import quote_etag

from lti_tool.extensions import db
from lti_tool.i18n import current_language
from lti_tool.models import ActivityInstance
from lti_tool.session import launch_url


def bump(instance):
    """Tell every live page of the placement that something changed (atomic, safe under concurrency)."""
    db.session.execute(update(ActivityInstance).where(ActivityInstance.id == instance.id)
                       .values(live_version=ActivityInstance.live_version + 1)
                       .execution_options(synchronize_session=False))
    _known().pop(instance.id, None)


def bump_course(context_id):
    """Tell the live pages of every placement in a course that its people changed (a new or changed member)."""
    db.session.execute(update(ActivityInstance).where(ActivityInstance.context_id == context_id)
                       .values(live_version=ActivityInstance.live_version + 1)
                       .execution_options(synchronize_session=False))
    _known().clear()


def page_answer(instance, page, render_html):
    """A live page's poll (static/js/live-page.js): its HTML as JSON, or 304 while this viewer's page is unchanged.

    `page` is the page's own endpoint; its live address is the request's. The tag holds the placement's
    version, the language and the viewer, since learner pages show their own work.
    """
    return conditional(page_tag(instance), lambda: {"html": render_html(), "live_url": launch_url(request.endpoint)},
                       page=page)


def page_tag(instance):
    """The ETag of a page_answer page: the placement's version, the language and the viewer."""
    return f"v{version_of(instance.id)}.{current_language()}.{g.launch.role}.{g.launch.user_id}"


def offer(tag):
    """Hand the page being rendered the ETag of what it shows (`live_etag`, in its data-live-etag): its first
    poll is then a 304 when nothing changed, where it used to render the page it had just loaded again.

    Take the tag before reading what the page shows, so that it is never newer than the page.
    """
    g.live_etag = quote_etag(tag)


def loaded(instance):
    """Keep the live version that came with the placement's row, read at the start of the request: polls then
    need no read of their own (the version is older than anything rendered after it, so the tag stays true)."""
    if has_request_context():
        _known().setdefault(instance.id, instance.live_version or 0)


def version_of(instance_id):
    """The placement's live version, read on its own (the polling fast path); read once per request."""
    known = _known()
    if instance_id not in known:
        known[instance_id] = db.session.execute(select(ActivityInstance.live_version).where(
            ActivityInstance.id == instance_id)).scalar_one_or_none() or 0
    return known[instance_id]


def _known():
    # Per request: a page asks for the version several times (its tag, its tally, its shared parts).
    if not has_request_context():
        return {}
    if "live_versions" not in g:
        g.live_versions = {}
    return g.live_versions


def conditional(tag, render, page=None):
    """304 when the client already has `tag`; otherwise `render()`'s dict as JSON, tagged.

    `page` names the endpoint of the page being rendered, for forms that come back to it (page_endpoint).
    """
    if request.if_none_match.contains(tag):
        response = current_app.response_class(status=304)
    else:
        if page:
            g.page_endpoint = page
        response = jsonify(render())
    response.set_etag(tag)
    response.headers["Cache-Control"] = "no-cache, private"
    return response


def page_endpoint():
    """The endpoint of the page being rendered: the request's, or the page's when a live poll renders it."""
    return g.get("page_endpoint") or request.endpoint
