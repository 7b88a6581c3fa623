"""LMS differences in one place: one small module per platform family, found through `family_of`.

The core asks a family what to do (how to read a refused score, what an administrator must do after
registering); it never tests `if lms == …` itself.
"""
from urllib.parse import urlsplit

from lti_tool.platforms import blackboard, brightspace, canvas, moodle
from lti_tool.platforms.base import GENERIC, Family, ScoreRefusal

FAMILIES = {family.code: family for family in (moodle.FAMILY, canvas.FAMILY, brightspace.FAMILY, blackboard.FAMILY)}
# product_family_code values as platforms send them, folded to our codes.
ALIASES = {"d2l": "desire2learn", "brightspace": "desire2learn", "blackboard": "blackboardlearn",
           "blackboard learn": "blackboardlearn"}

__all__ = ["FAMILIES", "GENERIC", "Family", "ScoreRefusal", "family_code", "family_of"]


def family_code(product_family_code):
    """Our code for a platform's `product_family_code` ("" when it is not one we know)."""
    code = " ".join(str(product_family_code or "").split()).casefold()
    code = ALIASES.get(code, code)
    return code if code in FAMILIES else ""


def family_of(platform):
    """The Family of a registered platform: its stored family, else a guess from its issuer, else generic."""
    if platform is not None and platform.product_family in FAMILIES:
        return FAMILIES[platform.product_family]
    host = (urlsplit(getattr(platform, "issuer", "") or "").hostname or "").casefold()
    for family in FAMILIES.values():
        if any(host == known or host.endswith("." + known) for known in family.issuer_hosts):
            return family
    return GENERIC
