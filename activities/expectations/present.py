"""The start board on the wall in the room: the columns with their themes and cards as every participant
sees them (never an author, never a hidden or waiting card), who took part as counts, and the ranking of
wishes only once dot voting has closed and enough people voted."""
from activities.expectations import board_view, dots, goals
from activities.expectations import settings as exp_settings
from activities.expectations.state import CLOSED, OPEN, control, state_for
from lti_tool.i18n import current_language
from lti_tool.participants import known_learner_count

ACTIONS = {"toggle_posting": ("close_posting", "open_posting"), "toggle_voting": ("close_voting", "open_voting")}


def present_values(instance):
    """Template values of the wall."""
    config = exp_settings.load(instance.settings)
    state = state_for(instance)
    columns = board_view.build(instance, config, None, False, current_language())
    voters = len(dots.voter_ids(instance))
    # While people spend their dots the wall shows how many did, not where: the ranking waits for the close.
    ranked = dots.ranking(instance, config) if state.voting == CLOSED and voters >= config.min_group_size else []
    confirmed = goals.goals_of(instance)
    return dict(config=config, state=state, columns=columns, voters=voters, ranked=ranked, OPEN=OPEN, CLOSED=CLOSED,
                expected=max(known_learner_count(instance), voters), goals=confirmed,
                card_total=sum(c.count for c in columns), goal_themes={g.theme_id for g in confirmed if g.theme_id})


def present_control(instance, action):
    """Open or close posting, or dot voting, from the wall's shortcuts."""
    state = state_for(instance)
    close, reopen = ACTIONS[action]
    is_open = state.posting_open if action == "toggle_posting" else state.voting == OPEN
    return control(instance, close if is_open else reopen)
