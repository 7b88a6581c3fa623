"""The settings form: lists parsed per line, bounds checked, defaults kept with both languages."""
from activities.network import settings as network_settings
from tests.activities.network.conftest import text
from tests.support.html import soup


def _post(course, **fields):
    data = {"title": "Netwerk", "moments": "Start\nEnd", "relations": "I asked them for help or information",
            "rings": "Close\nFar", "locations": "My team\nElders", "min_contacts": "5",
            "questions": "optional", "matching": "on", "min_group_size": "5"}
    data.update(fields)
    return course.client.post(f"/setup/{course.instance.id}/network", data=course.facilitator.form(**data))


def test_settings_page_shows_the_defaults(course):
    page = text(course.client.get(f"/setup/{course.instance.id}/network", query_string=course.facilitator.params()))
    assert "We worked together in the last six months" in page
    assert "Start of the programme" in page and "Sector or professional network" in page
    assert soup(page).select_one("input[name=organisation][value=off]").has_attr("checked")  # off by default


def test_valid_settings_are_saved(course, db):
    assert not network_settings.load(course.instance.settings).organisation_view  # off until the facilitator says so
    response = _post(course, rings="Dichtbij\nRegelmatig\nAf en toe\nZelden", min_contacts="3",
                     questions="required", matching="off", organisation="on")
    assert response.status_code == 303, text(response)[:3000]
    db.session.refresh(course.instance)
    config = network_settings.load(course.instance.settings)
    assert config.ring_count == 4 and config.min_contacts == 3
    assert config.questions_required and not config.matching and config.organisation_view
    [asked] = config.relations
    assert asked["key"] == "asked" and asked["texts"]["nl"] == "Ik vroeg hen om hulp of informatie"
    assert [loc["key"] for loc in config.locations][0] == "my_team"
    assert config.locations[1]["key"].startswith("c_")


def test_bad_settings_give_errors(course):
    response = _post(course, rings="Only one", moments="", min_contacts="0", relations="A\nA")
    assert response.status_code == 400
    body = text(response)
    assert "Write from 2 to 5 lines (now 1)." in body
    assert "Write from 1 to 6 lines (now 0)." in body
    assert "Line 2 repeats line 1." in body
    assert "Enter a number from 1 to 150." in body


def test_load_is_defensive():
    config = network_settings.load({"rings": [{"key": "x", "text": "Only"}], "min_contacts": "many",
                                    "relations": "nonsense", "min_group_size": 1})
    assert config.ring_count == 3 and config.min_contacts == 5 and len(config.relations) == 4
    assert config.min_group_size == 3
