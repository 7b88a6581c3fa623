"""Brakes and engines counted per theme: tags, the facilitator's merges and names, own tags kept private."""
from flask_babel import lazy_gettext as _l

from activities.reflection import tagging
from activities.reflection.board_parts import Theme
from activities.reflection.content import BRAKE, ENGINE
from activities.reflection.themes import UNTAGGED, Themes

OWN_FOLDED = "_own"


class ThemeTally:
    """Counts each theme's learners per side and collects the shared quotes under it."""

    def __init__(self, builder):
        self.builder = builder
        self.config, self.language, self.facilitator = builder.config, builder.language, builder.facilitator
        self.edits = Themes(builder.instance)
        self.spellings, self.tag_users = {}, {}

    def themes(self):
        """(learners who answered, themes in board order)."""
        edits, taxonomy = self.edits, {t["key"] for t in self.config.tags}
        themes, spellings, users, tag_users = {}, self.spellings, set(), self.tag_users
        for uid, answers in self.builder.people.items():
            for side in (BRAKE, ENGINE):
                row = answers.factors.get(side)
                if row is None:
                    continue
                users.add(uid)
                keys = [t.tag_key for t in row.tags if t.tag_key in taxonomy or tagging.is_own(t.tag_key)]
                for tag in row.tags:
                    tag_users.setdefault(tag.tag_key, set()).add(uid)
                    if tagging.is_own(tag.tag_key) and tag.label:
                        spellings.setdefault(tag.tag_key, []).append(tag.label)
                roots = list(dict.fromkeys(edits.root(k) for k in keys)) or [UNTAGGED]
                quote = self.builder.quote("factor", row, [(None, row.text)])
                for root in roots:
                    theme = themes.setdefault(root, Theme(root, ""))
                    (theme.brakes if side == BRAKE else theme.engines).add(uid)
                    if quote:
                        (theme.brake_quotes if side == BRAKE else theme.engine_quotes).append(quote)
        if not self.facilitator:
            fold_lonely_own_tags(themes, edits)
        for theme in themes.values():
            self.name_theme(theme)
        ordered = sorted(themes.values(), key=lambda t: (t.key in (UNTAGGED, OWN_FOLDED), t.key == UNTAGGED,
                                                         -(t.brake_count + t.engine_count), t.label.casefold()))
        for theme in ordered:
            theme.brake_quotes.sort(key=lambda q: q.order)
            theme.engine_quotes.sort(key=lambda q: q.order)
        return users, ordered

    def tag_label(self, key):
        """A tag's name: the taxonomy's text, or the most common spelling of an own tag."""
        spellings = self.spellings
        spelled = sorted(spellings.get(key, []), key=lambda s: (-spellings[key].count(s), s))
        return tagging.label_of(key, spelled[0] if spelled else "", self.config.tags, self.language)

    def name_theme(self, theme):
        """Label, facilitator's name and members of one theme."""
        edits, tag_users = self.edits, self.tag_users
        if theme.key in (UNTAGGED, OWN_FOLDED):
            theme.label = str(_l("Not tagged") if theme.key == UNTAGGED else _l("Other tags of your own"))
            return
        custom = edits.custom_label(theme.key)
        theme.renamed = bool(custom)
        theme.label = custom or self.tag_label(theme.key)
        theme.own = tagging.is_own(theme.key)
        # Learners see a merged-in tag of someone's own only when more than one person used it.
        members = [k for k in edits.members(theme.key)
                   if self.facilitator or not tagging.is_own(k) or len(tag_users.get(k, ())) >= 2]
        theme.members = sorted((self.tag_label(k) for k in members), key=str.casefold)


def fold_lonely_own_tags(themes, edits):
    """A learner's own tag reaches other learners by name only once two people use it or the facilitator
    adopted it (merged or renamed); until then it counts under 'Other tags of your own'."""
    for key in [k for k in themes if tagging.is_own(k) and not edits.custom_label(k) and not edits.members(k)]:
        theme = themes[key]
        if len(theme.brakes | theme.engines) >= 2:
            continue
        folded = themes.setdefault(OWN_FOLDED, Theme(OWN_FOLDED, ""))
        folded.brakes |= theme.brakes
        folded.engines |= theme.engines
        folded.brake_quotes += [q for q in theme.brake_quotes if q not in folded.brake_quotes]
        folded.engine_quotes += [q for q in theme.engine_quotes if q not in folded.engine_quotes]
        del themes[key]
