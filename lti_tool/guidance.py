"""'How to run this': facilitation guidance an activity declares, shown on its facilitator pages."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Guide:
    """Timing, steps, questions for the discussion and what to look for; every text a lazy string."""

    timing: tuple = ()
    steps: tuple = ()
    questions: tuple = ()
    look_for: tuple = ()


def guide_for(activity_type):
    """The Guide an activity declares (its `guide` attribute), or None."""
    from activities import get_activity  # at call time: activities import the core

    activity = get_activity(activity_type) if activity_type else None
    return getattr(activity, "guide", None)
