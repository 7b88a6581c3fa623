"""One learner save: version check, the change, the participation score, one commit."""
from flask import g

from activities.network import moments, service
from activities.network.service import Conflict
from lti_tool.saving import save_with_participation


class MomentMoved(Conflict):
    """The page was built for a moment that is no longer the open one."""


def save(view, sent_version, change, sent_moment=None):
    """Apply `change(drawing)` to the learner's drawing at the open moment and commit with the score.

    Raises Conflict (or MomentMoved) with nothing written when the page is stale; `change` may raise
    contacts.Refused, which also rolls everything back. Returns the drawing.
    """
    instance, config = view.instance, view.config
    current = moments.current_key(instance, config)
    if not view.editable or (sent_moment and sent_moment != current):
        raise MomentMoved()

    def write():
        drawing = service.claim(instance, g.launch.user_id, config, current, sent_version)
        result = change(drawing)
        return drawing if result is None else result

    # A double submit or a second tab that races this one past the version check is a Conflict.
    return save_with_participation(instance, write, on_race=Conflict)
