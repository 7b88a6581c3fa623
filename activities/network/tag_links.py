"""When two needs/offers tags name the same knowledge: same words, a known translation, a spelling variant,
or the facilitator's say (which also overrules a wrong suggestion)."""
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from sqlalchemy import select

from activities.network.analysis.matching import normalise, tags_match
from activities.network.models import TagLink
from activities.network.analysis.vocabulary import concepts_of
from lti_tool.extensions import db

SAME_WORDS, CONFIRMED, VOCABULARY, SPELLING = "same", "confirmed", "vocabulary", "spelling"
SUGGESTED = (VOCABULARY, SPELLING)  # found by the tool; the facilitator may confirm or split them
# "kommunicatie"/"communicatie" 0.92 matches; "wondzorg"/"woonzorg" (wound vs residential care) 0.875 does not.
SPELLING_RATIO = 0.88
SPELLING_MIN_LETTERS = 6


def pair_key(a, b):
    """Two tags as one unordered, normalised pair."""
    return tuple(sorted((normalise(a), normalise(b))))


def close_spelling(a, b):
    """Whether two tags differ only by a typo or spacing ("cultuur sensitieve" / "cultuursensitieve")."""
    x, y = normalise(a).replace(" ", ""), normalise(b).replace(" ", "")
    if min(len(x), len(y)) < SPELLING_MIN_LETTERS:
        return False
    return SequenceMatcher(None, x, y).ratio() >= SPELLING_RATIO


@dataclass
class Links:
    """One placement's verdicts, and how any two of its tags relate."""

    verdicts: dict = field(default_factory=dict)  # pair_key -> True (same) / False (not the same)

    def how(self, a, b):
        """How two tags name the same knowledge (SAME_WORDS, CONFIRMED, VOCABULARY, SPELLING) or None."""
        key = pair_key(a, b)
        if not key[0] or not key[1]:
            return None
        if key[0] == key[1]:
            return SAME_WORDS
        verdict = self.verdict(a, b)
        if verdict is False:
            return None
        if tags_match(a, b):
            return SAME_WORDS
        if verdict:
            return CONFIRMED
        if concepts_of(a) & concepts_of(b):
            return VOCABULARY
        if close_spelling(a, b):
            return SPELLING
        return None


    def verdict(self, a, b):
        """The facilitator's verdict on two tags (plural and case folded), or None."""
        found = self.verdicts.get(pair_key(a, b))
        if found is not None:
            return found
        for (x, y), same in self.verdicts.items():
            if (tags_match(a, x) and tags_match(b, y)) or (tags_match(a, y) and tags_match(b, x)):
                return same
        return None


def links_for(instance):
    """The placement's Links, from the facilitator's verdicts."""
    rows = db.session.execute(select(TagLink.tag_a, TagLink.tag_b, TagLink.same)
                              .where(TagLink.activity_instance_id == instance.id)).all()
    return Links({(a, b): same for a, b, same in rows})


def decide(instance, a, b, same):
    """Record that two tags are (`same`=True) or are not (False) the same knowledge; None forgets it.

    Returns False when the pair is not two different tags. The caller commits."""
    key = pair_key(a, b)
    if not key[0] or not key[1] or key[0] == key[1] or max(map(len, key)) > 120:
        return False
    row = db.session.execute(select(TagLink).filter_by(
        activity_instance_id=instance.id, tag_a=key[0], tag_b=key[1])).scalar_one_or_none()
    if same is None:
        if row is not None:
            db.session.delete(row)
    elif row is None:
        db.session.add(TagLink(activity_instance_id=instance.id, tag_a=key[0], tag_b=key[1], same=same))
    else:
        row.same = same
    return True
