"""What the learner pages, the board and the facilitator dashboard show, assembled from settings and answers."""
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from activities.common.state import state_row
from activities.reflection import answers as answering
from activities.reflection import board as boards
from activities.reflection import progress
from activities.reflection import settings as reflection_settings
from activities.reflection.content import (
    AUDIENCES, OTHER_GROUP, PART_SUMMARIES, PART_TITLES, SITUATIONS, FACTORS, TRUST, SHARING, ACTION, prompt, text_in)
from activities.reflection.models import BoardState
from activities.reflection.part_forms import MAX_SHORT, MAX_TEXT, part_form
from activities.reflection.tagging import MAX_OWN_LENGTH, MAX_OWN_TAGS
from lti_tool.i18n import current_language
from lti_tool.participants import participant_rows

NOTICES = {
    "saved": (_l("Saved. You can come back and change your answers at any time."), "success"),
    "complete": (_l("Saved. You have answered every part: thank you!"), "success"),
    "reveal": (_l("The board is open for learners (when enough of them have answered)."), "success"),
    "hide": (_l("The board is hidden from learners."), "info"),
    "merged": (_l("The themes are merged."), "success"),
    "renamed": (_l("The theme is renamed."), "success"),
    "split": (_l("The merge is undone."), "info"),
    "hidden": (_l("The quote is hidden from learners."), "info"),
    "shown": (_l("The quote is back on the board."), "success"),
    "erased": (_l("The learner's answers in this activity are erased."), "success"),
    "pick_two": (_l("Choose at least two themes to merge."), "warning"),
    "off": (_l("That part is switched off for this activity."), "warning"),
}


def notice_for(code):
    """(message, kind) for a notice code from a redirect, or (None, None)."""
    return NOTICES.get(code, (None, None))


def state_for(instance):
    """The placement's board state row, created on first use."""
    return state_row(BoardState, instance)


@dataclass(frozen=True)
class PartView:
    """One part in the learner's overview and step list."""

    key: str
    number: int
    title: str
    summary: str
    state: str  # answered, started, empty


def _started(part, mine):
    rows = {SITUATIONS: mine.situations, FACTORS: mine.factors, TRUST: mine.trust, SHARING: mine.sharing,
            ACTION: mine.action}
    return bool(rows.get(part))


def part_views(config, mine):
    """The parts that are on, numbered, with the learner's state for each."""
    answered = set(progress.answered_parts(mine, config))
    return [PartView(p, n, str(PART_TITLES[p]), str(PART_SUMMARIES[p]),
                     "answered" if p in answered else ("started" if _started(p, mine) else "empty"))
            for n, p in enumerate(config.parts, 1)]


def learner_page(launch, instance):
    """The learner's overview: parts with their state, privacy, and whether the board is open."""
    config = reflection_settings.load(instance.settings)
    mine = answering.mine(instance, launch.user_id)
    parts = part_views(config, mine)
    state = state_for(instance)
    contributors = sum(1 for a in progress.everyone(instance).values() if a.started)
    return dict(instance=instance, config=config, parts=parts, state=state, contributors=contributors,
                answered=sum(1 for p in parts if p.state == "answered"),
                next_part=next((p for p in parts if p.state != "answered"), None))


def part_page(launch, instance, config, part, form=None):
    """One part's form, filled with the learner's saved answers unless a submitted form is given."""
    language = current_language()
    mine = answering.mine(instance, launch.user_id)
    form = form or part_form(part, config, language, data=answering.form_data(part, mine, config))
    parts = part_views(config, mine)
    current = next(p for p in parts if p.key == part)
    following = parts[current.number] if current.number < len(parts) else None
    return dict(instance=instance, config=config, part=current, parts=parts, following=following, form=form,
                prompt=prompt(part, language), error_items=form.error_items(),
                groups=[(g["key"], text_in(g, language)) for g in config.groups],
                audiences=[(a["key"], text_in(a, language)) for a in AUDIENCES], other_group=OTHER_GROUP,
                max_text=MAX_TEXT, max_short=MAX_SHORT, max_own=MAX_OWN_TAGS, max_own_length=MAX_OWN_LENGTH)


def board_page(launch, instance):
    """The board as the launch may see it: everything for a facilitator, the allowed part for a learner."""
    config = reflection_settings.load(instance.settings)
    state = state_for(instance)
    facilitator = launch.is_instructor
    visible = facilitator or state.revealed
    board = boards.build(instance, config, current_language(), viewer=launch.user_id, facilitator=facilitator) \
        if visible else None
    themes = [t for t in board.sections[FACTORS].items if not t.key.startswith("_")] \
        if facilitator and board and FACTORS in board.sections else []
    return dict(instance=instance, config=config, state=state, board=board, visible=visible, editing=facilitator,
                personal=not facilitator, mergeable=themes)


def facilitator_page(launch, instance):
    """The dashboard: who has not started, is busy or is done; grades; controls and exports."""
    config = reflection_settings.load(instance.settings)
    state = state_for(instance)
    rows, source = participant_rows(launch, instance)
    counts = {s: sum(1 for r in rows if r.detail.status == s) for s in progress.STATUS_LABELS}
    contributors = sum(1 for a in progress.everyone(instance).values() if a.started)
    return dict(instance=instance, config=config, state=state, rows=rows, roster_source=source, counts=counts,
                contributors=contributors, status_labels=progress.STATUS_LABELS,
                part_titles=[PART_TITLES[p] for p in config.parts])
