"""How to run hinders and drivers, from the seed training (situations, trust out of 10, what to share)."""
from flask_babel import lazy_gettext as _l

from lti_tool.guidance import Guide

GUIDE = Guide(
    timing=(_l("About 20 minutes alone, then 20 to 30 minutes together on the group board."),
            _l("As a warm-up: speed dating, 2 minutes per pair, so trust becomes tangible.")),
    steps=(
        _l("Ask everyone to think of a time sharing knowledge went easily and a time it did not."),
        _l("Let them name what hindered and what helped, and score trust out of 10 with a reason."),
        _l("Share the group board when enough people have answered and discuss it together."),
        _l("End with one concrete step each participant will take."),
    ),
    questions=(
        _l("What made it easier or harder to share? What held you back, what helped?"),
        _l("How much trust do you give and get in your organisation, with customers, suppliers, colleagues? "
           "Why this score? When could you trust someone, and what was it down to?"),
        _l("What knowledge would you share, or not, with a colleague, someone from another organisation, a "
           "customer? Why?"),
    ),
    look_for=(
        _l("Hinders that many people name: time, hierarchy, not knowing who knows what."),
        _l("Groups with low trust, and the gap between trust given and received."),
        _l("Drivers you can build on in the network's next meetings."),
    ),
)
