"""How to run the network drawing, from the seed training's flipchart exercise and the three questions."""
from flask_babel import lazy_gettext as _l

from lti_tool.guidance import Guide

GUIDE = Guide(
    timing=(_l("About 20 minutes to draw, 15 minutes to reflect in pairs."),
            _l("Draw once at the start of the programme and again at the end to see how the network grew.")),
    steps=(
        _l("Everyone maps the people they work with or have contact with."),
        _l("They mark whom they asked for help or information and to whom they gave it."),
        _l("For each contact: what do they know, how can I reach that knowledge, what will it cost me?"),
        _l("Reflect on what makes it hard to call on others, and how to take it further."),
    ),
    questions=(
        _l("What makes it hard to ask others for help, or to give it?"),
        _l("What knowledge could you share? For whom in your network would it be useful?"),
        _l("What knowledge do you need? Who in the network could help you?"),
        _l("How will you ask for it, or give it?"),
    ),
    look_for=(
        _l("What holds people back: limiting beliefs, or not knowing what support exists."),
        _l("Needs that match someone's offer: introduce those people to each other."),
        _l("Looser contacts and people outside the team: they bring new knowledge."),
    ),
)
