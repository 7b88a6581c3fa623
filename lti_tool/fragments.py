"""What many viewers share, computed once per process, language and version instead of once per viewer.

In a live session hundreds of learners' pages ask for the same tally and the same results part after every
vote. `remembered(key, compute)` keeps a value; a template wraps a rendered part in
`{% call shared(key...) %}…{% endcall %}`. The key must name everything the value shows, which in practice
means the placement's `placement_key` (id and creation time, so two databases never meet, and the live
version, which every change bumps: lti_tool/live.py). The current language is always part of the key, as
values hold translated words. Nothing personal may be shared.
"""
import threading
from collections import OrderedDict

from flask_babel import get_locale
from markupsafe import Markup

KEEP = 512  # values kept per process; a session needs a few per version
_kept, _lock = OrderedDict(), threading.Lock()


def remembered(key, compute):
    """The value for `key` in the current language: `compute()` on the first request, then reused (read-only)."""
    full = (str(get_locale()), *key)
    with _lock:
        found = _kept.get(full)
    if found is None:
        found = compute()
        with _lock:
            _kept[full] = found
            while len(_kept) > KEEP:
                _kept.popitem(last=False)
    return found


def shared(*key, caller):
    """A template part rendered once for `key` (`{% call shared(...) %}`), then reused."""
    return remembered(("part", *key), lambda: Markup(caller()))


def placement_key(instance):
    """What names a placement's state in a shared value's key: id, creation time and live version."""
    from lti_tool.live import version_of

    return instance.id, instance.created_at, version_of(instance.id)
