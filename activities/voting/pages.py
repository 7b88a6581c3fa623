"""What the learner page and the facilitator dashboard show, assembled from settings, state and votes."""
from dataclasses import dataclass
from functools import partial

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from activities.voting import pacing, proposals, results, service, shifts
from activities.voting import settings as voting_settings
from activities.voting.content import AFTER_VOTE, choice_label, choices_for, statement_text
from activities.voting.forms import ProposalForm, choice_field_name, reason_field_name, vote_form
from lti_tool.i18n import current_language
from lti_tool.live import version_of

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
    "pace_one": (_l("Learners now see one statement at a time: the one you show."), "success"),
    "pace_all": (_l("Learners now see every statement at once."), "success"),
    "next": (_l("Learners now vote on the next statement."), "success"),
    "previous": (_l("Learners now vote on the previous statement again."), "success"),
    "timer_start": (_l("The countdown runs. Voting closes when it ends."), "success"),
    "timer_stop": (_l("The countdown is stopped. Voting stays open."), "info"),
    "proposed": (_l("Thank you. Your statement waits for the facilitator; once approved, everyone can vote on it."),
                 "success"),
    "approved": (_l("The statement is approved: learners can vote on it now."), "success"),
    "rejected": (_l("The proposal is rejected. The learner sees it was not taken."), "info"),
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
    is_open: bool = True  # part of the current round
    votable: bool = False  # learners can vote on it now (open, and current when one at a time)
    upcoming: bool = False  # a one-at-a-time session has not reached it yet
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


def _votable_texts(config, state):
    keys = set(service.votable_keys(config, state)) if state.is_open else set()
    return [(key, text) for key, text in statement_texts(config) if key in keys]


@dataclass(frozen=True)
class Pace:
    """Where a session stands: one statement at a time or all, which one, and the countdown."""

    one_at_a_time: bool
    current_key: object  # None when every statement is open at once
    current_number: int
    seconds_left: object  # None without a running countdown
    timer_seconds: int

    def is_past(self, number):
        """True for a statement the facilitator has moved beyond."""
        return self.one_at_a_time and number < self.current_number

    def is_upcoming(self, number):
        """True for a statement the facilitator has not shown yet."""
        return self.one_at_a_time and number > self.current_number


def pace_of(config, state):
    """The session's Pace, from its state."""
    keys = [s["key"] for s in config.statements]
    current = pacing.current_key(service.open_in_round(config, state, state.current_round), state)
    return Pace(current is not None, current, keys.index(current) + 1 if current else 0,
                pacing.seconds_left(state), state.timer_seconds or pacing.DEFAULT_TIMER)


def build_vote_form(config, state, my_votes, formdata=None):
    """The learner's vote form for the statements open this round, filled with their votes on a fresh page.

    In a later round a statement not yet answered starts from the learner's latest reason, so they can
    keep or rework it; the position itself is chosen again.
    """
    statements = _votable_texts(config, state)
    data = {"round": str(state.current_round), "statement": pace_of(config, state).current_key or ""}
    for key, _text in statements:
        vote = my_votes.get((key, state.current_round))
        if vote is not None:
            data[choice_field_name(key)] = vote.choice
            data[reason_field_name(key)] = vote.reason
        elif (earlier := _latest_earlier(my_votes, key, state.current_round)) is not None:
            data[reason_field_name(key)] = earlier.reason
    return vote_form(statements, config.scale, config.reason_required, formdata=formdata,
                     data=None if formdata is not None else data)


def _latest_earlier(mine, key, current_round):
    earlier = [mine[(key, r)] for r in range(current_round - 1, 0, -1) if (key, r) in mine]
    return earlier[0] if earlier else None


def error_items(form, statements):
    """(link, message) pairs for the error summary, in page order, linking to the field to fix."""
    items = []
    for s in statements:
        if not s.votable:
            continue
        choice, reason = form[choice_field_name(s.key)], form[reason_field_name(s.key)]
        prefix = _("Statement %(number)d", number=s.number)
        items += [(f"#{choice.id}-0", f"{prefix}: {e}") for e in choice.errors]
        items += [(f"#{reason.id}", f"{prefix}: {e}") for e in reason.errors]
    return items


def _learner_view(number, key, text, rounds, mine, config, state, pace, is_open, votable):
    """One statement for a learner: their votes, and results only as far as they may see them."""
    view = StatementView(number, key, text, rounds, my_vote=mine.get((key, state.current_round)), is_open=is_open,
                         votable=votable, upcoming=pace.is_upcoming(number))
    view.earlier_vote = _latest_earlier(mine, key, state.current_round)
    # A statement this round did not re-open shows its last round, to those who voted in it.
    voted = view.my_vote if is_open else view.earlier_vote
    # Once a paced session has moved on, the statement's discussion is over and its results are the group's.
    view.visible = (state.revealed or pace.is_past(number)
                    or (config.results_mode == AFTER_VOTE and voted is not None)) and not view.upcoming
    if not view.visible:
        # Once voting has closed, only the facilitator's sharing can show the results.
        view.waiting_for = "vote" if config.results_mode == AFTER_VOTE and votable else "reveal"
        view.rounds = []  # nothing about other learners reaches a page that may not show it
    else:
        # Below the minimum group size only the count leaves this function, never shares or reasons.
        view.rounds = [r if r.enough else results.RoundResult(r.round_number, r.total, r.min_group_size)
                       for r in rounds]
    return view


def _learner_statements(launch, instance):
    """(config, state, the learner's votes, pace, open keys, statement views) for a learner's page."""
    config = voting_settings.load(instance.settings)
    state = service.state_for(instance)
    mine = service.votes_shown(instance, launch.user_id)
    tallies = results.tally(instance, config, state.current_round, service.rounds_open(config, state))
    open_keys = set(service.open_in_round(config, state, state.current_round))
    votable = set(service.votable_keys(config, state)) if state.is_open else set()
    pace = pace_of(config, state)
    statements = [_learner_view(number, key, text, tallies[key], mine, config, state, pace, key in open_keys,
                                key in votable)
                  for number, (key, text) in enumerate(statement_texts(config), 1)]
    shifts.attach(instance, config, [s for s in statements if s.visible], lambda s: s.shown_rounds)
    return config, state, mine, pace, open_keys, statements


def results_part_key(instance, view):
    """What names a statement's results part shared between learners' pages (lti_tool/fragments.py): the
    placement, the statement and the revisions of the rounds it shows, so that a vote on one statement leaves
    the others' parts as rendered; and the live version too where a shift between rounds is shown."""
    return (instance.id, instance.created_at, view.key, view.number, tuple(r.revision for r in view.shown_rounds),
            version_of(instance.id) if view.shift else None)


def learner_results(launch, instance):
    """Template values for a learner's results regions alone: a poll after only other people voted needs no
    form, proposals or progress (300 open pages ask after every vote)."""
    config, state, _mine, _pace, _open_keys, statements = _learner_statements(launch, instance)
    return dict(instance=instance, config=config, state=state, statements=statements,
                results_part=partial(results_part_key, instance), choices=choices_for(config.scale))


def learner_page(launch, instance, form=None, proposal_form=None):
    """Template values for a learner: their votes, and each statement's results as far as allowed."""
    config, state, mine, pace, open_keys, statements = _learner_statements(launch, instance)
    form = form or build_vote_form(config, state, mine)
    return dict(instance=instance, max_reason_length=voting_settings.MAX_REASON_LENGTH, config=config, state=state,
                statements=statements, form=form, pace=pace, upcoming=sum(s.upcoming for s in statements),
                results_part=partial(results_part_key, instance),
                proposal_form=proposal_form or ProposalForm(), max_statement_length=voting_settings.MAX_STATEMENT_LENGTH,
                my_proposals=proposals.of_learner(instance, launch.user_id) if config.learner_statements else [],
                answered=sum(1 for s in statements if s.my_vote is not None), open_total=len(open_keys),
                error_items=error_items(form, statements), choices=choices_for(config.scale),
                choice_label=choice_label, choice_field_name=choice_field_name,
                reason_field_name=reason_field_name)
