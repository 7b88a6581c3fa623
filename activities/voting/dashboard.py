"""What the facilitator dashboard shows: controls, full results and the learners' progress."""
from dataclasses import dataclass

from activities.voting import pacing, proposals, results, service, shifts
from activities.voting import settings as voting_settings
from activities.voting.content import choices_for
from activities.voting.pages import StatementView, pace_of, statement_texts
from lti_tool.participants import participant_rows


def facilitator_page(launch, instance):
    """Template values for the facilitator: controls, full results, and the learners' progress."""
    config = voting_settings.load(instance.settings)
    state = service.state_for(instance)
    tallies = results.tally(instance, config, state.current_round, service.rounds_open(config, state))
    keys = set(service.open_in_round(config, state, state.current_round))
    pace = pace_of(config, state)
    statements = [StatementView(number, key, text, tallies[key], visible=True, is_open=key in keys)
                  for number, (key, text) in enumerate(statement_texts(config), 1)]
    shifts.attach(instance, config, statements, lambda s: [r for r in s.rounds if r.total])
    rows, source = participant_rows(launch, instance)
    proposed = proposals.of_placement(instance)
    not_voted = [r for r in rows if not (r.detail and r.detail.answered)]
    return dict(instance=instance, config=config, state=state, statements=statements, rows=rows,
                waiting_proposals=[p for p in proposed if p.status == proposals.PENDING],
                decided_proposals=sum(p.status != proposals.PENDING for p in proposed),
                max_statement_length=voting_settings.MAX_STATEMENT_LENGTH, max_statements=voting_settings.MAX_STATEMENTS,
                roster_source=source, voted=len(rows) - len(not_voted), expected=len(rows),
                total_statements=len(keys), all_statements=len(statements), not_voted=not_voted,
                choices=choices_for(config.scale), max_rounds=service.MAX_ROUNDS, pace=pace,
                timer_choices=pacing.TIMER_CHOICES, round_keys=[s.key for s in statements if s.is_open])


@dataclass(frozen=True)
class RoundProgress:
    """A learner's votes in the current round, for the participants table."""

    answered: int
    total: int


def participant_details(instance, user_ids):
    """{user id: RoundProgress} in the current round."""
    config = voting_settings.load(instance.settings)
    state = service.state_for(instance)
    keys = set(service.open_in_round(config, state, state.current_round))
    answered = results.voters(instance, state.current_round, keys)
    return {uid: RoundProgress(answered.get(uid, 0), len(keys)) for uid in user_ids}
