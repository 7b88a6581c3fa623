"""The group board: every learner's answers in anonymous aggregate, with the minimum group size.

Learners get a Board only with what they may see: below the minimum group size a section keeps
its count and nothing else, hidden quotes are left out, and the only individual answers in it
are the viewer's own trust scores. Only texts a learner chose to share become quotes.
"""
from flask_babel import lazy_gettext as _l

from activities.reflection.board_parts import Board, Quote, Section, quote_order
from activities.reflection.board_themes import ThemeTally
from activities.reflection.content import (
    ACTION, AUDIENCES, EASY, FACTORS, HARD, OTHER_GROUP, OTHER_GROUP_LABEL, SHARING, SITUATIONS, TRUST,
    text_in)
from activities.reflection.progress import everyone
from activities.reflection.stats import Stat, TrustRow, biggest_gap

KIND_LABELS = {EASY: _l("Went easily"), HARD: _l("Did not go easily")}


class _Builder:
    """Builds the board's sections from every learner's answers, for one viewer."""

    def __init__(self, instance, config, language, facilitator):
        self.instance, self.config, self.language, self.facilitator = instance, config, language, facilitator
        self.people = everyone(instance)

    def quote(self, kind, row, lines):
        """A Quote when the learner shared this row (and, for learners, it is not hidden), else None."""
        lines = [(label, text) for label, text in lines if text]
        if not row.shared or not lines or (row.hidden and not self.facilitator):
            return None
        return Quote(kind, row.id, lines, row.hidden, quote_order(self.instance.id, kind, row.id))

    def section(self, part, users, items=(), quotes=()):
        """A Section; below the minimum group size a learner gets its count only."""
        enough = len(users) >= self.config.min_group_size
        shown = enough or self.facilitator
        return Section(part, len(users), enough, list(items) if shown else [],
                       sorted((q for q in quotes if q), key=lambda q: q.order) if shown else [])

    def group_label(self, key):
        """A stakeholder group's name in the page language (None for a group no longer in the settings)."""
        if key == OTHER_GROUP:
            return str(OTHER_GROUP_LABEL)
        return next((text_in(g, self.language) for g in self.config.groups if g["key"] == key), None)

    def situations(self):
        """Situations per group and kind, and the shared stories."""
        rows, users, quotes = {}, set(), []
        for uid, answers in self.people.items():
            for kind, row in answers.situations.items():
                users.add(uid)
                if row.with_whom and self.group_label(row.with_whom):
                    rows.setdefault(row.with_whom, {EASY: set(), HARD: set()})[kind].add(uid)
                quotes.append(self.quote("situation", row, [
                    (str(KIND_LABELS.get(kind, kind)), row.what), (str(_l("Knowledge")), row.knowledge)]))
        order = [g["key"] for g in self.config.groups] + [OTHER_GROUP]
        items = [(self.group_label(k), len(rows[k][EASY]), len(rows[k][HARD])) for k in order if k in rows]
        return self.section(SITUATIONS, users, items, quotes)

    def themes(self):
        """Brakes and engines per theme."""
        users, themes = ThemeTally(self).themes()
        return self.section(FACTORS, users, themes)

    def trust(self, viewer):
        """Trust given and received per group, with the viewer's own scores."""
        rows, users = [], set()
        for group in self.config.groups:
            key, given, received = group["key"], [], []
            row = TrustRow(key, text_in(group, self.language), Stat(given, self.config.min_group_size),
                           Stat(received, self.config.min_group_size))
            for uid, answers in self.people.items():
                score = answers.trust.get(key)
                if score is None:
                    continue
                users.add(uid)
                if score.given and not score.not_applicable:
                    given.append(score.given)
                if score.received and not score.not_applicable:
                    received.append(score.received)
                row.quotes.append(self.quote("trust", score, [(None, score.why)]))
                if uid == viewer:
                    row.mine_given, row.mine_received = score.given, score.received
                    row.mine_not_applicable = score.not_applicable
            row.quotes = sorted((q for q in row.quotes if q), key=lambda q: q.order)
            if not (row.shown or self.facilitator):
                # Below the minimum group size only the counts leave this function, never the scores.
                row.given, row.received = row.given.count_only(), row.received.count_only()
                row.quotes = []
            rows.append(row)
        return self.section(TRUST, users, rows)

    def sharing(self):
        """Shared answers about what people would and would not share, per audience."""
        users, items = set(), []
        labels = (_l("Would share"), _l("Would not share"), _l("Why"))
        for audience in AUDIENCES:
            key, quotes = audience["key"], []
            for uid, answers in self.people.items():
                row = answers.sharing.get(key)
                if row is not None:
                    users.add(uid)
                    quotes.append(self.quote("sharing", row, list(zip(map(str, labels),
                                                                     (row.would, row.would_not, row.why)))))
            items.append((text_in(audience, self.language), sorted((q for q in quotes if q), key=lambda q: q.order)))
        return self.section(SHARING, users, items)

    def actions(self):
        """Shared actions."""
        users, quotes = set(), []
        for uid, answers in self.people.items():
            if answers.action is not None:
                users.add(uid)
                quotes.append(self.quote("action", answers.action, [(None, answers.action.text)]))
        return self.section(ACTION, users, quotes=quotes)


def build(instance, config, language, viewer=None, facilitator=False):
    """The board for a facilitator (everything, hidden quotes marked) or a learner (only what they may see)."""
    builder = _Builder(instance, config, language, facilitator)
    contributors = sum(1 for answers in builder.people.values() if answers.started)
    board = Board(config.min_group_size, contributors, contributors >= config.min_group_size)
    if not (board.enough or facilitator):
        return board
    makers = {SITUATIONS: builder.situations, FACTORS: builder.themes, TRUST: lambda: builder.trust(viewer),
              SHARING: builder.sharing, ACTION: builder.actions}
    board.sections = {part: makers[part]() for part in config.parts}
    themes = board.sections.get(FACTORS)
    if themes is not None and themes.items:
        board.max_theme_count = max(max(t.brake_count, t.engine_count) for t in themes.items) or 1
    trust = board.sections.get(TRUST)
    if trust is not None and trust.items:
        board.biggest_gap = biggest_gap(trust.items)
    return board
