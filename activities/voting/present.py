"""The wall in the room for statement voting: counts while people vote, results after the reveal, and how
opinions shifted with the reasons of those who changed their mind. No names ever pass through here."""
from activities.voting import pacing, results, service, shifts
from activities.voting import settings as voting_settings
from activities.voting.content import choice_label, choices_for
from activities.voting.pages import StatementView, pace_of, statement_texts
from lti_tool.participants import known_learner_count


def present_values(instance):
    """Template values of the wall: the state, who voted (as a count), and what may be shown."""
    config = voting_settings.load(instance.settings)
    state = service.state_for(instance)
    pace = pace_of(config, state)
    tallies = results.tally(instance, config, state.current_round, service.rounds_open(config, state))
    open_keys = service.open_in_round(config, state, state.current_round)
    voted = results.voters(instance, state.current_round, set(service.votable_keys(config, state)))
    statements = [StatementView(number, key, text, tallies[key], is_open=key in open_keys, upcoming=pace.is_upcoming(number),
                                # a paced session's earlier statements were discussed: their results are the group's
                                visible=state.revealed or pace.is_past(number))
                  for number, (key, text) in enumerate(statement_texts(config), 1)]
    shifts.attach(instance, config, [s for s in statements if s.visible], lambda s: [r for r in s.rounds if r.total])
    for view in statements:
        view.votes = view.current.total if view.current.round_number == state.current_round else 0
        view.changer_reasons = [(choice_label(old), choice_label(new), text) for old, new, text in
                                shifts.reasons_of_changers(instance, view.key, view.shift)] if view.shift else []
        if not view.visible:
            view.rounds = [results.RoundResult(r.round_number, r.total, r.min_group_size) for r in view.rounds]
    return dict(config=config, state=state, statements=statements, voted=len(voted), pace=pace,
                expected=max(known_learner_count(instance), len(voted)), choices=choices_for(config.scale))


def present_control(instance, action):
    """Apply a shortcut from the wall: voting, results, a new round of everything, the pace or the countdown."""
    state = service.state_for(instance)
    chosen, seconds = {"toggle_open": "close" if state.is_open else "open",
                       "toggle_reveal": "hide" if state.revealed else "reveal",
                       "new_round": "new_round", "next_statement": "next", "previous_statement": "previous",
                       "toggle_timer": "timer_stop" if pacing.seconds_left(state) is not None else "timer_start",
                       }[action], None
    if chosen == "timer_start":
        seconds = state.timer_seconds or pacing.DEFAULT_TIMER
    return service.control(instance, chosen, state.current_round, seconds=seconds)
