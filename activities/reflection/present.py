"""The group board on the wall in the room: how many answered, and once the facilitator reveals it, the
board exactly as a learner may see it (anonymous aggregates above the minimum group size, shared quotes
that are not hidden), without anyone's own scores."""
from activities.reflection import board as boards
from activities.reflection import settings as reflection_settings
from activities.reflection.pages import state_for
from activities.reflection.progress import everyone
from lti_tool.i18n import current_language
from lti_tool.participants import known_learner_count


def present_values(instance):
    """Template values of the wall."""
    config = reflection_settings.load(instance.settings)
    state = state_for(instance)
    contributors = sum(1 for answers in everyone(instance).values() if answers.started)
    board = boards.build(instance, config, current_language()) if state.revealed else None
    return dict(config=config, state=state, board=board, contributors=contributors, editing=False, personal=False,
                expected=max(known_learner_count(instance), contributors))


def present_control(instance, action):
    """Reveal the board, or hide it again, from the wall's shortcut."""
    state = state_for(instance)
    state.revealed = not state.revealed
    return True
