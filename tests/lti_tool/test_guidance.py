"""Every activity's facilitator page carries its 'how to run this' from the seeds, in the viewer's language."""
import html

import pytest

from activities import all_activities
from lti_tool.guidance import Guide, guide_for

ENTRY = {"voting": "/voting/{id}", "reflection": "/reflection/{id}", "expectations": "/expectations/{id}",
         "network": "/network/{id}"}


def test_every_activity_declares_a_complete_guide():
    for activity in all_activities():
        guide = guide_for(activity.id)
        assert isinstance(guide, Guide), activity.id
        assert guide.timing and guide.steps and guide.questions and guide.look_for, activity.id


@pytest.mark.parametrize("type_id", sorted(ENTRY))
@pytest.mark.parametrize("locale, heading, question", [
    ("en", "How to run this session", "Questions for the discussion"),
    ("nl", "Hoe je deze sessie begeleidt", "Vragen voor het gesprek"),
])
def test_the_facilitator_page_shows_it(client, launches, type_id, locale, heading, question):
    instance = launches.instance(type_id, title="Gids")
    facilitator = launches.instructor(instance, locale=locale)
    page = html.unescape(client.get(ENTRY[type_id].format(id=instance.id), query_string=facilitator.params())
                         .get_data(as_text=True))
    assert heading in page and question in page
    learner = launches.launch(instance, locale=locale)
    assert heading not in html.unescape(client.get(ENTRY[type_id].format(id=instance.id),
                                                   query_string=learner.params()).get_data(as_text=True))
