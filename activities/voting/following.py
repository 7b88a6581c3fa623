"""How a voting page follows the session: its ETag, whether only counts moved, and what a screen reader hears."""
import hashlib

from flask_babel import gettext as _

from activities.voting import pacing, service
from activities.voting import settings as voting_settings
from activities.voting.content import AFTER_VOTE
from lti_tool.live import version_of


def live_tag(launch, instance, language):
    """The ETag of a viewer's live page: it changes exactly when something this viewer sees may have changed.

    Facilitators see every count, so every change. A learner's page changes with the session's state, and
    with other people's votes only where results may be on their screen, so a crowd voting does not make
    every waiting learner's page render again every two seconds. The learner's tag ends in `.v<version>`
    exactly when only others' votes move it (see `only_counts_moved`).
    """
    if launch.is_instructor:
        service.state_for(instance)  # also closes a vote whose countdown ran out
        return f"f{version_of(instance.id)}.{language}"
    state, mine = service.state_with_vote_count(instance, launch.user_id)  # closes a countdown's vote too
    moment = (state.is_open, state.revealed, state.current_round, state.pace, state.current_statement,
              state.closes_at, sorted((state.round_statements or {}).items()))
    stamp = hashlib.sha256(repr(moment).encode()).hexdigest()[:16]
    tag = f"l{launch.user_id}.{language}.{stamp}.{mine}"
    config = voting_settings.load(instance.settings)
    if state.revealed or state.pace == pacing.ONE or (config.results_mode == AFTER_VOTE and mine):
        tag += f".v{version_of(instance.id)}"
    return tag


def only_counts_moved(known, tag):
    """True when a learner's page, tagged `known`, differs from `tag` only in other people's votes: then
    the results regions alone need sending, not the page with its form."""
    return known != tag and ".v" in tag and known.rpartition(".v")[0] == tag.rpartition(".v")[0]


def moment(values):
    """What a screen reader hears when the session moves on, and the key that says it did."""
    state, pace = values["state"], values["pace"]
    parts = [_("Round %(number)d", number=state.current_round), _("Voting open") if state.is_open else _("Voting closed")]
    if pace.one_at_a_time:
        parts.insert(1, _("Statement %(number)d of %(total)d", number=pace.current_number,
                          total=len(values["statements"])))
    if state.revealed:
        parts.append(_("Results shared"))
    key = f"{state.current_round}-{state.is_open}-{state.revealed}-{pace.current_key}"
    return key, ". ".join(parts) + "."
