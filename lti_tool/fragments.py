"""Page parts that many viewers share, rendered once per process and version instead of once per viewer.

In a live session hundreds of learners' pages ask for the same results after every vote; the results part
(counts, the shift, the anonymous reasons) is the same for all who may see it. A template wraps it in
`{% call shared(key...) %}…{% endcall %}`; the key must name everything the part shows, which in practice
means the placement (id and creation time, so two databases never meet) and its live version, which every
change bumps (lti_tool/live.py). Nothing personal may go inside a shared part.
"""
import threading
from collections import OrderedDict

from flask_babel import get_locale
from markupsafe import Markup

KEEP = 512  # parts kept per process; a session needs a few per version
_parts, _lock = OrderedDict(), threading.Lock()


def shared(*key, caller):
    """The part for `key` in the current language: rendered by `caller()` on the first request, then reused."""
    full = (str(get_locale()), *key)
    with _lock:
        found = _parts.get(full)
    if found is None:
        found = Markup(caller())
        with _lock:
            _parts[full] = found
            while len(_parts) > KEEP:
                _parts.popitem(last=False)
    return found


def placement_key(instance):
    """What names a placement's state in a shared part's key: id, creation time and live version."""
    from lti_tool.live import version_of

    return instance.id, instance.created_at, version_of(instance.id)
