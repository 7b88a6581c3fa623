"""Live pages: one version number per placement that every change bumps, and answers conditional on it.

Pages poll with the version as an ETag; an unchanged placement costs one primary-key read and a 304.
Why polling and not a stream: docs/live-updates.md.
"""
from flask import current_app, jsonify, request
from sqlalchemy import select, update

from lti_tool.extensions import db
from lti_tool.models import ActivityInstance

POLL_SECONDS = 2  # what the pages' scripts wait between questions (static/js/live.js)


def bump(instance):
    """Tell every live page of the placement that something changed (atomic, safe under concurrency)."""
    db.session.execute(update(ActivityInstance).where(ActivityInstance.id == instance.id)
                       .values(live_version=ActivityInstance.live_version + 1)
                       .execution_options(synchronize_session=False))


def version_of(instance_id):
    """The placement's live version, read on its own (the polling fast path)."""
    return db.session.execute(select(ActivityInstance.live_version).where(
        ActivityInstance.id == instance_id)).scalar_one_or_none() or 0


def conditional(tag, render):
    """304 when the client already has `tag`; otherwise `render()`'s dict as JSON, tagged."""
    if request.if_none_match.contains(tag):
        response = current_app.response_class(status=304)
    else:
        response = jsonify(render())
    response.set_etag(tag)
    response.headers["Cache-Control"] = "no-cache, private"
    return response
