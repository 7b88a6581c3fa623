"""How to run the expectations board, from the seeds' start meeting, evaluations and closing."""
from flask_babel import lazy_gettext as _l

from lti_tool.guidance import Guide

GUIDE = Guide(
    timing=(_l("Start meeting: 30 to 45 minutes for getting to know each other, questions and expectations, "
               "and agreements."),
            _l("A few minutes of evaluation after each meeting; a closing evaluation at the end.")),
    steps=(
        _l("Everyone writes cards: what they want to learn, what they can bring, their questions and worries, "
           "the agreements the group needs."),
        _l("Cluster the cards into themes and let the group spend their dots: that gives them a say in the "
           "learning goals."),
        _l("Confirm the learning goals and agreements: number of meetings, rhythm, sharing between meetings."),
        _l("After each meeting, ask for a short evaluation; at the close, what went well and what could be "
           "better."),
    ),
    questions=(
        _l("What do you want to get out of this network? What matters to you?"),
        _l("When, and for what reasons, could this network go wrong? How can we prevent it?"),
        _l("Which ways of learning did you enjoy, which less, and why?"),
    ),
    look_for=(
        _l("Expectations the network cannot meet: say so early."),
        _l("The themes with the most dots: start there."),
        _l("Evaluations that dip: talk about it at the next meeting."),
    ),
)
