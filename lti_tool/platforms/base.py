"""What every LMS family may differ in, with the behaviour of the LTI specifications as the default."""
from dataclasses import dataclass, field
from enum import Enum

from lti_tool.models.registration import origin_of


class ScoreRefusal(Enum):
    """How to treat a score the platform refused."""

    STALE = "stale"        # the timestamp is not later than the stored one: send the newest again, later
    GONE = "gone"          # the learner is no longer in the course: end quietly with that reason
    OTHER = "other"        # anything else: the generic retry/permanent rules apply


@dataclass(frozen=True)
class Family:
    """One LMS family's quirks; module-level instances live in the sibling modules."""

    code: str
    label: str
    issuer_hosts: tuple[str, ...] = ()
    # (status, words in the platform's message) pairs that mean "learner not in the course"; an empty
    # word matches any message with that status.
    gone_statuses: tuple[tuple[int, str], ...] = ()
    stale_statuses: tuple[tuple[int, str], ...] = ((409, ""),)
    # Dynamic Registration: where the LMS should offer "add an activity" (its own placement names),
    # and what its administrator still has to do after registering (translated texts).
    deep_linking_placements: tuple[str, ...] = ()
    after_registration: tuple = ()
    extra: dict = field(default_factory=dict)

    def score_refusal(self, status, message):
        """Classify a refused score (HTTP status and the platform's message)."""
        text = (message or "").casefold()
        if status is None:
            return ScoreRefusal.OTHER
        if any(status == code and words in text for code, words in self.stale_statuses):
            return ScoreRefusal.STALE
        if any(status == code and words in text for code, words in self.gone_statuses):
            return ScoreRefusal.GONE
        return ScoreRefusal.OTHER

    def storage_origin(self, platform):
        """The origin of the platform's postMessage storage frame: by default where its OIDC auth runs."""
        return origin_of(platform)

    def frame_ancestors(self, platform):
        """Origins whose pages may frame the tool for this platform: by default its auth origin."""
        return (origin_of(platform),)


# Platforms we know nothing special about: a 409, or any 4xx that talks about the timestamp, is stale.
GENERIC = Family(code="", label="LTI 1.3 platform",
                 stale_statuses=((409, ""), (400, "timestamp"), (422, "timestamp")))
