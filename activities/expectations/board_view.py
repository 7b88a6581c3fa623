"""The board as one viewer may see it: columns, themes and cards, with authors only for the facilitator."""
from dataclasses import dataclass, field

from sqlalchemy import select

from activities.expectations import cards as card_store
from activities.expectations import themes as theme_store
from activities.expectations.content import text_in
from lti_tool.extensions import db
from lti_tool.models import User


@dataclass
class CardView:
    """One card on the board; `merged` holds the duplicates folded into it."""

    id: int
    text: str
    column_key: str
    theme_id: int | None
    edited: bool
    hidden: bool
    held: bool = False  # waiting for the facilitator's approval
    mine: bool = False
    author: str | None = None
    merged: list = field(default_factory=list)

    @property
    def count(self):
        """How many cards this one stands for (itself and its merged duplicates)."""
        return 1 + len(self.merged)


@dataclass
class ThemeView:
    """A theme with its visible cards; dots are filled in where the viewer may see them."""

    id: int
    name: str
    column_key: str
    cards: list = field(default_factory=list)
    dots: int | None = None
    my_dots: int = 0

    @property
    def count(self):
        """How many cards (duplicates included) the theme gathers."""
        return sum(c.count for c in self.cards)


@dataclass
class ColumnView:
    """A column: title, hint, its themes, the cards in no theme, and (facilitator) hidden cards."""

    key: str
    title: str
    hint: str
    is_voting: bool
    themes: list = field(default_factory=list)
    loose: list = field(default_factory=list)
    hidden: list = field(default_factory=list)
    held: list = field(default_factory=list)  # (facilitator) new cards waiting for approval

    @property
    def count(self):
        """Visible cards in the column, duplicates included."""
        return sum(t.count for t in self.themes) + sum(c.count for c in self.loose if not c.hidden)


def _names(user_ids):
    if not user_ids:
        return {}
    return dict(db.session.execute(select(User.id, User.name).where(User.id.in_(user_ids))).all())


def build(instance, config, viewer_id, is_facilitator, language, dot_totals=None, my_dots=None):
    """[ColumnView] for one viewer. Learners never receive authors or other people's hidden cards."""
    cards = card_store.all_cards(instance)
    show_authors = is_facilitator and not config.fully_anonymous
    names = _names({c.user_id for c in cards}) if show_authors else {}
    views, children = {}, {}
    for card in cards:
        view = CardView(card.id, card.text, card.column_key, card.theme_id, card.edited, card.hidden, card.held,
                        mine=card.user_id == viewer_id,
                        author=(names.get(card.user_id) or "–") if show_authors else None)
        if card.merged_into_id is None:
            views[card.id] = view
        else:
            children.setdefault(card.merged_into_id, []).append(view)
    for parent_id, merged in children.items():
        if parent_id in views:
            views[parent_id].merged = merged
            views[parent_id].mine = views[parent_id].mine or any(m.mine for m in merged)
    columns = {c["key"]: ColumnView(c["key"], text_in(c, language), text_in(c, language, "hints"),
                                    c["key"] == config.voting_column) for c in config.columns}
    themes = {}
    for theme in theme_store.all_themes(instance):
        if theme.column_key in columns:
            themes[theme.id] = ThemeView(theme.id, theme.name, theme.column_key,
                                         dots=(dot_totals or {}).get(theme.id, 0) if dot_totals is not None else None,
                                         my_dots=(my_dots or {}).get(theme.id, 0))
            columns[theme.column_key].themes.append(themes[theme.id])
    for view in views.values():
        column = columns.get(view.column_key)
        if column is None:
            continue  # a column the designer removed: its cards stay in the export, off the board
        if view.hidden:
            if is_facilitator:
                (column.held if view.held else column.hidden).append(view)
            elif view.mine:
                column.loose.append(view)  # its author sees it, marked as hidden or waiting
            continue
        theme = themes.get(view.theme_id)
        (theme.cards if theme is not None else column.loose).append(view)
    return list(columns.values())
