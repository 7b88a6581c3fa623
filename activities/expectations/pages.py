"""Template values for the board pages (learner and facilitator) and the notices after an action."""
from flask_babel import lazy_gettext as _l

from activities.expectations import board_view, dots, goals
from activities.expectations import settings as exp_settings
from activities.expectations.state import CLOSED, OPEN, state_for
from lti_tool.i18n import current_language

NOTICES = {
    "posted": (_l("Your card is on the board."), "success"),
    "held": (_l("Your card waits for the facilitator; the others see it once it is approved."), "success"),
    "hold_cards": (_l("New cards now wait for your approval before others see them."), "success"),
    "stop_holding": (_l("New cards now appear on the board at once. Cards already waiting still need you."), "info"),
    "withdrawn": (_l("Your card is removed from the board."), "success"),
    "voted": (_l("Your dots are saved. You can move them until voting closes."), "success"),
    "close_posting": (_l("Posting is closed. Participants can no longer add cards."), "info"),
    "open_posting": (_l("Posting is open. Participants can add cards."), "success"),
    "open_voting": (_l("Dot voting is open."), "success"),
    "close_voting": (_l("Dot voting is closed. The ranked result is ready for you to confirm learning goals."),
                     "info"),
    "open_closing": (_l("The closing evaluation is open for participants."), "success"),
    "close_closing": (_l("The closing evaluation is closed. The closing report is final."), "info"),
    "grouped": (_l("The cards are grouped into a theme."), "success"),
    "added": (_l("The cards are added to the theme."), "success"),
    "taken_out": (_l("The cards are taken out of their theme."), "success"),
    "merged": (_l("The duplicates are merged into one card. Edit its text if needed."), "success"),
    "unmerged": (_l("The merged cards are separate again."), "success"),
    "hidden": (_l("Hidden from participants. You find hidden cards at the bottom of their column."), "success"),
    "shown": (_l("The cards are visible again."), "success"),
    "edited": (_l("The card is edited. Participants see that you edited it."), "success"),
    "renamed": (_l("The theme is renamed."), "success"),
    "theme_removed": (_l("The theme is removed; its cards are back in the column."), "success"),
    "singletons": (_l("Every loose card is now a theme of its own."), "success"),
    "goals": (_l("The learning goals are confirmed. They appear in every evaluation."), "success"),
    "goal_saved": (_l("The learning goal is saved."), "success"),
    "goal_removed": (_l("The learning goal is removed."), "success"),
    "agreement": (_l("The agreement is in the charter."), "success"),
    "agreement_removed": (_l("The agreement is removed from the charter."), "success"),
    "meeting": (_l("The meeting is saved."), "success"),
    "meeting_removed": (_l("The meeting is deleted."), "success"),
    "evaluated": (_l("Thank you. Your evaluation is saved; you can change it later."), "success"),
    "closing_saved": (_l("Thank you. Your closing evaluation is saved."), "success"),
    "erased": (_l("The participant's data in this activity is erased."), "success"),
    "stale": (_l("Nothing changed: the page was out of date. Here is the current state."), "warning"),
}


def notice_for(code):
    """(message, kind) for a notice code from a redirect, or (None, None)."""
    return NOTICES.get(code, (None, None))


def common(instance, config, state):
    """Values every page of the activity uses."""
    return dict(instance=instance, config=config, state=state, goals=goals.goals_of(instance),
                charter=goals.charter_of(instance), OPEN=OPEN, CLOSED=CLOSED)


def learner_board(launch, instance, card_error=None, dots_error=None, dots_sent=None):
    """Template values for a participant's board: their own marks, never authors; results when allowed."""
    config = exp_settings.load(instance.settings)
    state = state_for(instance)
    mine = dots.my_dots(instance, launch.user_id)
    columns = board_view.build(instance, config, launch.user_id, False, current_language(), my_dots=mine)
    ranked, voters = [], 0
    if state.voting == CLOSED:
        voters = len(dots.voter_ids(instance))
        # Below the minimum group size the ranking would tell too much about a few people's wishes.
        ranked = dots.ranking(instance, config) if voters >= config.min_group_size else []
    voting = next(c for c in columns if c.is_voting)
    values = dots_sent if dots_sent is not None else mine
    goal_themes = {g.theme_id for g in goals.goals_of(instance) if g.theme_id}
    return dict(common(instance, config, state), columns=columns, voting_column=voting, my_dots=mine,
                goal_themes=goal_themes,
                dots_values=values, dots_used=sum(mine.values()), ranked=ranked, voters=voters,
                card_error=card_error, dots_error=dots_error, is_facilitator=False)


def facilitator_board(launch, instance, error=None):
    """Template values for the facilitator's board: authors (unless fully anonymous), live dots, ranking."""
    config = exp_settings.load(instance.settings)
    state = state_for(instance)
    ranked = dots.ranking(instance, config)
    totals = {r.theme.id: r.dots for r in ranked}
    columns = board_view.build(instance, config, launch.user_id, True, current_language(), dot_totals=totals)
    goal_themes = {g.theme_id for g in goals.goals_of(instance) if g.theme_id}
    voters = len(dots.voter_ids(instance))
    return dict(common(instance, config, state), columns=columns, ranked=ranked, voters=voters,
                goal_themes=goal_themes, error=error, is_facilitator=True,
                all_themes=[(c, t) for c in columns for t in c.themes],
                voting_title=next(c.title for c in columns if c.is_voting),
                card_total=sum(c.count for c in columns))


def board_page(launch, instance, **extra):
    """The board for whoever launched: the facilitator's or a participant's."""
    if launch.is_instructor:
        return facilitator_board(launch, instance, **extra)
    return learner_board(launch, instance, **extra)
