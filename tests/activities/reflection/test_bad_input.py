"""Bad input on every part: clear messages in an error summary linked to the fields, never a 500."""
import pytest
from sqlalchemy import select

from activities.reflection.models import Action, Factor, SharingAnswer, Situation, TrustScore
from lti_tool.models import ScoreOutbox
from tests.activities.reflection.conftest import GROUP_KEYS, trust


@pytest.mark.parametrize("part, fields, anchor, message", [
    ("situations", {"easy_what": "x" * 2001}, "#easy_what", "under 2000 characters"),
    ("situations", {"easy_what": "Vlot", "easy_with": "aliens"}, "#easy_with-0", "Choose one of the groups"),
    ("situations", {"hard_with": "team", "hard_knowledge": "Iets"}, "#hard_what", "Describe what happened"),
    ("factors", {"brake_text": "Tijd", "brake_tags": ["time", "gossip"]}, "#brake_tags-0", "unknown: gossip"),
    ("factors", {"engine_own": "a, b, c, d, e, f"}, "#engine_own", "at most 5 tags"),
    ("factors", {"engine_own": "x" * 41}, "#engine_own", "under 40 characters"),
    ("trust", {"given_team": "11"}, "#given_team-0", "from 1 to 10"),
    ("trust", {"received_leadership": "0"}, "#received_leadership-0", "from 1 to 10"),
    ("trust", {"given_customers": "zeven"}, "#given_customers-0", "from 1 to 10"),
    ("trust", {"given_team": "7", "na_team": "y"}, "#na_team", "does not apply"),
    ("trust", {"why_team": "x" * 1001}, "#why_team", "under 1000 characters"),
    ("sharing", {"would_customer": "x" * 1001}, "#would_customer", "under 1000 characters"),
    ("action", {"action_text": "x" * 1001}, "#action_text", "under 1000 characters"),
])
def test_bad_input_is_shown_again_with_a_clear_error(room, db, part, fields, anchor, message):
    response = room.save(room.learner(), part, **fields)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'id="error-summary"' in html and f'href="{anchor}"' in html
    summary = html.split('id="error-summary"', 1)[1].split("</div>", 1)[0]
    assert message in summary, summary
    assert 'aria-invalid="true"' in html
    for model in (Situation, Factor, TrustScore, SharingAnswer, Action):
        assert db.session.execute(select(model)).first() is None
    assert db.session.execute(select(ScoreOutbox)).first() is None


def test_line_breaks_count_once_as_in_the_browser(room, db):
    text = ("a" * 99 + "\r\n") * 20  # 2000 characters with CRLF, 1980 as the browser counts them
    assert room.save(room.learner(), "factors", brake_text=text.strip()).status_code == 303
    assert "\r" not in db.session.execute(select(Factor)).scalar_one().text


def test_entered_values_survive_an_error(room):
    fields = trust(keys=GROUP_KEYS[:1], why="Mijn reden")
    fields["given_suppliers"] = "12"
    html = room.save(room.learner(), "trust", **fields).get_data(as_text=True)
    assert "Mijn reden</textarea>" in html
    assert 'checked id="given_team-6" name="given_team" type="radio" value="7"' in html
