"""Reading what a network drawing in the browser says (people, lines, ties) and the steps that draw one."""
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from activities.network.sociogram.tie_routes import curve_points
from tests.activities.network.geometry_checks import lines_through_nodes, overlapping_nodes, shared_angles
from tests.browser import chromium, lms
from tests.browser.network_steps import add_network_activity, open_network

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
ENGLISH = (("Sam", "my_team", "1", ["asked"]), ("Priya", "customer", "2", ["gave"]),
           ("Lee", "supplier", "3", ["advice"]), ("Jo", "other_department", "2", ["asked", "worked_with"]),
           ("Ada", "my_team", "1", []))

NODES = """svg => Array.from(svg.querySelectorAll('.node')).map(n => ({
  key: n.dataset.key, name: n.dataset.name, ring: Number(n.dataset.ring),
  angle: n.dataset.angle === undefined ? null : Number(n.dataset.angle),
  x: Number(n.dataset.x), y: Number(n.dataset.y)}))"""
LINES = """svg => Array.from(svg.querySelectorAll('.rel-line')).map(g => {
  const l = g.querySelector('line');
  return {key: g.dataset.key, toThem: g.dataset.toThem === '1', toMe: g.dataset.toMe === '1',
          end: l.hasAttribute('marker-end'), start: l.hasAttribute('marker-start'),
          x1: Number(l.getAttribute('x1')), y1: Number(l.getAttribute('y1')),
          x2: Number(l.getAttribute('x2')), y2: Number(l.getAttribute('y2')),
          beads: g.querySelectorAll('.bead').length};
})"""
TIES = "svg => Array.from(svg.querySelectorAll('.tie[data-a]')).map(t => [t.dataset.a, t.dataset.b, t.getAttribute('d')])"
NUMBER = r"-?\d+(?:\.\d+)?"


def nodes(svg):
    """Everyone in the drawing, in the drawing's own (tab) order."""
    return svg.evaluate(NODES)


def placed(svg):
    """{key: node} of the people on a ring."""
    return {n["key"]: n for n in nodes(svg) if n["ring"]}


def lines(svg):
    """{contact key: the line from "you" to them, with its markers}."""
    return {line["key"]: line for line in svg.evaluate(LINES)}


def ties(svg):
    """(a, b, sampled points) of every line between two contacts, read from the path data."""
    found = []
    for a, b, d in svg.evaluate(TIES):
        values = [float(v) for v in re.findall(NUMBER, d)]
        if "Q" in d:
            start, control, end = values[0:2], values[2:4], values[4:6]
        else:
            start, end = values[0:2], values[2:4]
            control = [(start[0] + end[0]) / 2, (start[1] + end[1]) / 2]
        found.append((a, b, curve_points(tuple(start), tuple(control), tuple(end))))
    return found


def add_by_list(frame, label, location, ring="0", relations=()):
    """Add a person with the list view's form (ring "0": not placed yet); returns once the list shows them."""
    people = frame.locator("#your-contacts li.net-item")
    before = people.count()
    frame.locator("#label").fill(label)
    frame.locator("#location").select_option(location)
    frame.locator(f"form[action*='/contacts?'] input[name=ring][value='{ring}']").check()
    for relation in relations:
        frame.locator(f"form[action*='/contacts?'] input[name=relations][value='{relation}']").check()
    frame.locator("form[action*='/contacts?'] button[type=submit]").click()
    # The page before the click may already say "Added" for the previous person: wait for the new list.
    expect(people).to_have_count(before + 1)
    frame.locator(".notice--success").wait_for()


def check_geometry(svg):
    """Nobody shares an angle, no line runs through a third person, no circles overlap."""
    people = placed(svg)
    centres = {k: (n["x"], n["y"]) for k, n in people.items()}
    assert not shared_angles({k: n["angle"] for k, n in people.items()}), people
    assert not lines_through_nodes(centres, ties(svg)), people
    assert not overlapping_nodes(centres), people
    return people


SMALLEST_TEXT = """() => Math.min(...Array.from(document.querySelectorAll('.net-svg text')).filter(t => t.getClientRects().length)
  .map(t => parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a))"""


def shoot(page, name, selector):
    """One part of the tool's page in the demo LMS's iframe, as docs/screenshots/<name>.png (the viewport is
    tall, since the LMS makes its iframe 80 % of it high and a picture shows only what the iframe shows)."""
    page.mouse.move(0, 0)
    part = lms.tool(page).locator(selector)
    part.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    part.screenshot(path=str(DOCS / f"{name}.png"), animations="disabled", caret="hide")


@pytest.fixture(scope="module")
def drawing_link(browser, stack):
    """A network activity of its own; an English-speaking learner has drawn five people by list."""
    context = chromium.new_context(browser)
    page = context.new_page()
    try:
        link = add_network_activity(page, stack.lms_url, title="Netwerk: ligging")
        lms.switch_user(page, stack.lms_url, "learner5")
        frame = open_network(page, stack.lms_url, link, path="contacts")
        for label, location, ring, relations in ENGLISH:
            add_by_list(frame, label, location, ring, relations)
        return link
    except BaseException:
        chromium.save_artifacts(page, "drawing_link-fixture")
        raise
    finally:
        context.close()
