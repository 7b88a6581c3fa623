"""How to run statement voting, from the seed training (agree/disagree statements, 'why?')."""
from flask_babel import lazy_gettext as _l

from lti_tool.guidance import Guide

GUIDE = Guide(
    timing=(_l("About 15 minutes per round: 3 to vote, 10 to discuss, 2 to vote again."),),
    steps=(
        _l("Open voting and ask everyone to take a position on each statement and say why."),
        _l("When most have voted, share the results on the screen: the split and the reasons, never names."),
        _l("Discuss the statements that split the group first."),
        _l("Start a new round for the statements worth a second look and show how opinions shifted."),
    ),
    questions=(
        _l("Agree or disagree: why? What would make you change your mind?"),
        _l("What makes a learning network successful? What is the role of each participant, and of the "
           "facilitator?"),
        _l("Have you taken part in a learning network? What went well, what less so?"),
    ),
    look_for=(
        _l("Statements close to half agree, half disagree make the richest discussion."),
        _l("Reasons that come back on both sides: they name what the group cares about."),
        _l("Who moved after the discussion, and which reasons they gave."),
    ),
)
