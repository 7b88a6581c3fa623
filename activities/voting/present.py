"""The wall in the room for statement voting: counts while people vote, results after the reveal, and how
opinions shifted with the reasons of those who changed their mind. No names ever pass through here."""
from activities.voting import results, service, shifts
from activities.voting import settings as voting_settings
from activities.voting.content import choice_label, choices_for
from activities.voting.pages import StatementView, statement_texts
from lti_tool.participants import known_learner_count


def present_values(instance):
    """Template values of the wall: the state, who voted (as a count), and what may be shown."""
    config = voting_settings.load(instance.settings)
    state = service.state_for(instance)
    tallies = results.tally(instance, config, state.current_round, service.rounds_open(config, state))
    open_keys = service.open_in_round(config, state, state.current_round)
    voted = results.voters(instance, state.current_round, set(open_keys))
    statements = [StatementView(number, key, text, tallies[key], visible=state.revealed, is_open=key in open_keys)
                  for number, (key, text) in enumerate(statement_texts(config), 1)]
    if state.revealed:
        shifts.attach(instance, config, statements, lambda s: [r for r in s.rounds if r.total])
    for view in statements:
        view.votes = view.current.total if view.current.round_number == state.current_round else 0
        view.changer_reasons = [(choice_label(old), choice_label(new), text) for old, new, text in
                                shifts.reasons_of_changers(instance, view.key, view.shift)] if view.shift else []
        if not state.revealed:
            view.rounds = [results.RoundResult(r.round_number, r.total, r.min_group_size) for r in view.rounds]
    return dict(config=config, state=state, statements=statements, voted=len(voted),
                expected=max(known_learner_count(instance), len(voted)), choices=choices_for(config.scale))


def present_control(instance, action):
    """Apply a shortcut from the wall: open/close voting, share/hide results, or a new round of everything."""
    state = service.state_for(instance)
    chosen = {"toggle_open": "close" if state.is_open else "open",
              "toggle_reveal": "hide" if state.revealed else "reveal",
              "new_round": "new_round"}[action]
    return service.control(instance, chosen, state.current_round)
