"""How to use the organisation view, from seed 004: learning that happens under HR's radar, a sector losing
experienced people within five years, and finding who holds the knowledge and to whom it can pass."""
from flask_babel import lazy_gettext as _l

from lti_tool.guidance import Guide

GUIDE = Guide(
    timing=(_l("Look at it after each round of network drawings, and before yearly planning with HR."),
            _l("Set the horizon to the years in which experienced people will leave (five in the seed's example).")),
    steps=(
        _l("Ask the facilitators of the courses that take part to include their course; learners are told and can opt out."),
        _l("Import the HR skills file and the leaving dates, and fix the rows the report names."),
        _l("Read the risk list from the top: knowledge held by one person, or only by people who leave."),
        _l("For each, agree who passes it on to whom, starting with the people one tie away who need it."),
    ),
    questions=(
        _l("Which knowledge is crucial for us, and who holds it?"),
        _l("Who could receive it, and what would help them learn it in time?"),
        _l("Which people hold groups together, and what happens when they leave?"),
    ),
    look_for=(
        _l("Skills with one holder, or whose holders all leave within the horizon."),
        _l("Holders who link otherwise separate groups: their departure cuts people off."),
        _l("Learning that happens informally, under the radar: make it visible and value it."),
    ),
)
