"""The facilitator's themes: tags merged into one another and renamed; the board follows these edits.

Merges stay one level deep: a tag points at the root it was merged into, and merging a root
moves its members along, so undoing a merge is one step.
"""
from sqlalchemy import select

from activities.reflection.models import ThemeEdit
from lti_tool.extensions import db

MAX_LABEL = 80
UNTAGGED = "_untagged"


class Themes:
    """The edits of one placement, read once: root of a tag, custom names, members of a root."""

    def __init__(self, instance):
        self.instance = instance
        self.edits = {e.tag_key: e for e in db.session.execute(
            select(ThemeEdit).filter_by(activity_instance_id=instance.id)).scalars()}

    def root(self, key):
        """The theme a tag belongs to (itself unless merged)."""
        edit = self.edits.get(key)
        return edit.merged_into if edit is not None and edit.merged_into else key

    def custom_label(self, root):
        """The facilitator's name for a theme, or None."""
        edit = self.edits.get(root)
        return edit.label if edit is not None and edit.label else None

    def members(self, root):
        """Tags merged into a root (not the root itself)."""
        return sorted(k for k, e in self.edits.items() if e.merged_into == root)

    def _edit(self, key):
        edit = self.edits.get(key)
        if edit is None:
            edit = ThemeEdit(activity_instance_id=self.instance.id, tag_key=key)
            db.session.add(edit)
            self.edits[key] = edit
        return edit

    def merge(self, keys, label=None):
        """Merge the themes of `keys` into the first one's; returns the root, or None when fewer than two."""
        roots = []
        for key in keys:
            root = self.root(key)
            if root not in roots and not root.startswith("_"):  # _untagged and _own are not tags
                roots.append(root)
        if len(roots) < 2:
            return None
        target = roots[0]
        for other in roots[1:]:
            for member in self.members(other):
                self._edit(member).merged_into = target
            edit = self._edit(other)
            # Its name named the old group; once split off again it reads as the tag it is.
            edit.merged_into, edit.label = target, None
        if label:
            self._edit(target).label = label[:MAX_LABEL]
        return target

    def rename(self, key, label):
        """Give a theme a name of the facilitator's (empty: back to the tag's own name); None for no tag."""
        root = self.root(key)
        if root.startswith("_"):
            return None
        self._edit(root).label = (label or "")[:MAX_LABEL] or None
        return root

    def split(self, key):
        """Undo the merges into a theme: every member is its own theme again."""
        root = self.root(key)
        for member in self.members(root):
            self.edits[member].merged_into = None
        return root
