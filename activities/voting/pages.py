"""What the learner page and the facilitator dashboard show, assembled from settings, state and votes."""
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from activities.voting import results, service, shifts
from activities.voting import settings as voting_settings
from activities.voting.content import AFTER_VOTE, choice_label, choices_for, statement_text
from activities.voting.forms import choice_field_name, reason_field_name, vote_form
from lti_tool.i18n import current_language
from lti_tool.participants import participant_rows

NOTICES = {
    "saved": (_l("Your votes are saved. You can change them until voting closes."), "success"),
    "open": (_l("Voting is open."), "success"),
    "close": (_l("Voting is closed. Learners can no longer change their votes."), "info"),
    "reveal": (_l("Results are shared with learners (for statements with enough votes)."), "success"),
    "hide": (_l("Results are hidden from learners."), "info"),
    "new_round": (_l("A new round has started. Learners can vote again; earlier rounds stay for comparison."),
                  "success"),
    "choose_statements": (_l("Choose at least one statement to vote on again."), "warning"),
    "erased": (_l("The learner's votes and reasons in this activity are erased."), "success"),
    "stale": (_l("Nothing changed: the page was out of date. Here is the current state."), "warning"),
    "present_ended": (_l("Every present view of this activity has ended. Open a new one when you need it."), "info"),
}


def notice_for(code):
    """(message, kind) for a notice code from a redirect, or (None, None)."""
    return NOTICES.get(code, (None, None))


@dataclass
class StatementView:
    """One statement as a page shows it."""

    number: int
    key: str
    text: str
    rounds: list
    my_vote: object = None
    earlier_vote: object = None
    visible: bool = False
    waiting_for: str = ""
    shift: object = None
    is_open: bool = True
    votes: int = 0  # in the current round (the wall's count)
    changer_reasons: tuple = ()  # (from label, to label, reason) of those who changed position

    @property
    def current(self):
        """The result of the current round."""
        return self.rounds[-1]

    @property
    def shown_rounds(self):
        """Rounds with enough votes to show to learners."""
        return [r for r in self.rounds if r.enough]


def statement_texts(config):
    """[(key, text)] of the statements in the current language, in the designer's order."""
    language = current_language()
    return [(s["key"], statement_text(s, language)) for s in config.statements]


def _open_texts(config, state):
    open_keys = set(service.open_in_round(config, state, state.current_round))
    return [(key, text) for key, text in statement_texts(config) if key in open_keys]


def build_vote_form(config, state, my_votes, formdata=None):
    """The learner's vote form for the statements open this round, filled with their votes on a fresh page.

    In a later round a statement not yet answered starts from the learner's latest reason, so they can
    keep or rework it; the position itself is chosen again.
    """
    data = {"round": str(state.current_round)}
    for key, _text in _open_texts(config, state):
        vote = my_votes.get((key, state.current_round))
        if vote is not None:
            data[choice_field_name(key)] = vote.choice
            data[reason_field_name(key)] = vote.reason
        elif (earlier := _latest_earlier(my_votes, key, state.current_round)) is not None:
            data[reason_field_name(key)] = earlier.reason
    return vote_form(_open_texts(config, state), config.scale, config.reason_required, formdata=formdata,
                     data=None if formdata is not None else data)


def _latest_earlier(mine, key, current_round):
    earlier = [mine[(key, r)] for r in range(current_round - 1, 0, -1) if (key, r) in mine]
    return earlier[0] if earlier else None


def error_items(form, statements):
    """(link, message) pairs for the error summary, in page order, linking to the field to fix."""
    items = []
    for s in statements:
        if not s.is_open:
            continue
        choice, reason = form[choice_field_name(s.key)], form[reason_field_name(s.key)]
        prefix = _("Statement %(number)d", number=s.number)
        items += [(f"#{choice.id}-0", f"{prefix}: {e}") for e in choice.errors]
        items += [(f"#{reason.id}", f"{prefix}: {e}") for e in reason.errors]
    return items


def _learner_view(number, key, text, rounds, mine, config, state, is_open):
    """One statement for a learner: their votes, and results only as far as they may see them."""
    view = StatementView(number, key, text, rounds, my_vote=mine.get((key, state.current_round)), is_open=is_open)
    view.earlier_vote = _latest_earlier(mine, key, state.current_round)
    # A statement this round did not re-open shows its last round, to those who voted in it.
    voted = view.my_vote if is_open else view.earlier_vote
    view.visible = state.revealed or (config.results_mode == AFTER_VOTE and voted is not None)
    if not view.visible:
        # Once voting has closed, only the facilitator's sharing can show the results.
        view.waiting_for = "vote" if config.results_mode == AFTER_VOTE and state.is_open else "reveal"
        view.rounds = []  # nothing about other learners reaches a page that may not show it
    else:
        # Below the minimum group size only the count leaves this function, never shares or reasons.
        view.rounds = [r if r.enough else results.RoundResult(r.round_number, r.total, r.min_group_size)
                       for r in rounds]
    return view


def learner_page(launch, instance, form=None):
    """Template values for a learner: their votes, and each statement's results as far as allowed."""
    config = voting_settings.load(instance.settings)
    state = service.state_for(instance)
    mine = service.votes_of(instance, launch.user_id)
    tallies = results.tally(instance, config, state.current_round, service.rounds_open(config, state))
    open_keys = set(service.open_in_round(config, state, state.current_round))
    statements = [_learner_view(number, key, text, tallies[key], mine, config, state, key in open_keys)
                  for number, (key, text) in enumerate(statement_texts(config), 1)]
    shifts.attach(instance, config, [s for s in statements if s.visible], lambda s: s.shown_rounds)
    form = form or build_vote_form(config, state, mine)
    return dict(instance=instance, max_reason_length=voting_settings.MAX_REASON_LENGTH, config=config, state=state, statements=statements, form=form,
                answered=sum(1 for s in statements if s.my_vote is not None), open_total=len(open_keys),
                error_items=error_items(form, statements), choices=choices_for(config.scale),
                choice_label=choice_label, choice_field_name=choice_field_name,
                reason_field_name=reason_field_name)


def facilitator_page(launch, instance):
    """Template values for the facilitator: controls, full results, and the learners' progress."""
    config = voting_settings.load(instance.settings)
    state = service.state_for(instance)
    tallies = results.tally(instance, config, state.current_round, service.rounds_open(config, state))
    keys = set(service.open_in_round(config, state, state.current_round))
    statements = [StatementView(number, key, text, tallies[key], visible=True, is_open=key in keys)
                  for number, (key, text) in enumerate(statement_texts(config), 1)]
    shifts.attach(instance, config, statements, lambda s: [r for r in s.rounds if r.total])
    rows, source = participant_rows(launch, instance)
    not_voted = [r for r in rows if not (r.detail and r.detail.answered)]
    return dict(instance=instance, config=config, state=state, statements=statements, rows=rows,
                roster_source=source, voted=len(rows) - len(not_voted), expected=len(rows),
                total_statements=len(keys), all_statements=len(statements), not_voted=not_voted,
                choices=choices_for(config.scale), max_rounds=service.MAX_ROUNDS)


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
