"""What an activity reports about one learner's participation; lti_tool turns it into a score."""
from dataclasses import dataclass

INITIALIZED, STARTED, IN_PROGRESS, SUBMITTED, COMPLETED = (
    "Initialized", "Started", "InProgress", "Submitted", "Completed")


@dataclass(frozen=True)
class Participation:
    """A fraction of the activity's completion criteria met, with a short comment (no private content)."""

    fraction: float
    comment: str = ""

    def __post_init__(self):
        if not 0.0 <= self.fraction <= 1.0:
            raise ValueError(f"participation fraction out of range: {self.fraction}")

    @property
    def progress(self):
        """The AGS activityProgress for this fraction."""
        if self.fraction >= 1.0:
            return COMPLETED
        if self.fraction > 0:
            return IN_PROGRESS
        return INITIALIZED
