"""The printable report for the HR conversation: the most exposed skills in the page's order, who could
receive them, blank agreements to fill in, the seed's questions; codes only; administrators only."""
import html

from activities.network.organisation.activity import OrganisationActivity
from lti_tool.extensions import db
from tests.activities.network.org_world import open_view
from tests.support.html import page_text, soup, texts


def test_the_report_lists_the_risks_in_the_pages_order_with_room_for_agreements(client, launches, org):
    _platform, _people, view = org
    page = open_view(client, launches, view).get_data(as_text=True)
    assert soup(page).select_one(f"a[href*='/organisation/{view.id}/report']")
    report = open_view(client, launches, view, path="/report").get_data(as_text=True)
    on_page = [" ".join(h.get_text(" ").split()[:-2]) for h in soup(page).select(".org-risk__skill")]
    rows = texts(report, ".org-report__risks tbody th")
    assert rows[0] == "Subsidies" and len(rows) == 3
    assert all(any(name.startswith(row) for name in on_page) for row in rows)
    first = soup(report).select_one(".org-report__risks tbody tr").find_all("td")
    assert [first[1].get_text(), first[2].get_text()] == ["1", "0"]  # one holder (Ann), nobody leaving
    assert first[4].get_text().startswith("P-")  # Bob needs it and is one tie away: as a code
    assert texts(report, ".org-report__agreements tbody th") == rows  # one blank line per skill to agree on
    assert "Which knowledge is crucial for us, and who holds it?" in html.unescape(report)
    assert "Ann" not in page_text(report) and "Bob" not in page_text(report)


def test_only_administrators_get_it_and_a_small_organisation_gets_no_figures(client, launches, org):
    _platform, _people, view = org
    assert open_view(client, launches, view, role="learner", path="/report").status_code == 403
    assert open_view(client, launches, view, role="instructor", path="/report").status_code == 403
    strict = launches.instance("organisation", title="Streng",
                               settings={**OrganisationActivity.default_settings(), "min_group_size": 50})
    db.session.commit()
    small = html.unescape(open_view(client, launches, strict, path="/report").get_data(as_text=True))
    assert "The view appears once at least 50 people take part (now 6)" in small  # six people: under fifty
    assert not soup(small).select(".org-report__risks, .org-heat")
