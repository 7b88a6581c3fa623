"""Every learner and facilitator page, rendered in a pseudo locale, shows only text that passed through the
catalogue (or is data: names, answers, seed content, numbers, dates). A new route is covered automatically:
the route table of tests/lti_tool/test_route_authorization.py says who may open it."""
import pytest

from tests.i18n.pseudo import pseudo_translations
from tests.i18n.richer_world import RicherWorld
from tests.i18n.walk import PAGES, Walk

# The other side of every setting that changes what pages say.
VARIANTS = {"voting": {"scale": "five_point", "reason_required": False, "results_mode": "after_reveal"},
            "network": {"questions_required": True, "matching": False}, "reflection": {"own_tags": False},
            "expectations": {"anonymity": "full"}}


@pytest.fixture
def pseudo_nl(app):
    """The Dutch catalogue replaced by the pseudo one for the test's duration."""
    cache = app.extensions["babel"].instance.domain_instance.cache
    saved = cache.pop(("nl", "messages"), None)
    cache[("nl", "messages")] = pseudo_translations()
    yield
    cache.pop(("nl", "messages"), None)
    if saved is not None:
        cache[("nl", "messages")] = saved



def test_every_page_shows_only_catalogue_text(app, client, launches, pseudo_nl, monkeypatch):
    """Three stages of a course, the other settings, every form, the refusals: no text outside the catalogue."""
    monkeypatch.setitem(app.config, "WRITES_PER_MINUTE", 0)
    world = RicherWorld(client, launches)
    walk = Walk(client, launches, world)
    for stage in world.STAGES:
        world.advance(stage)
        walk.get_pages(stage, keep_forms=stage == world.STAGES[-1])
    walk.world = RicherWorld(client, launches, settings=VARIANTS)
    for stage in ("start", "results"):
        walk.world.advance(stage)
        walk.get_pages(f"other settings, {stage}", keep_forms=stage == "results")
    walk.submit_wrong_values("wrong values")
    walk.submit_forms("forms")
    walk.post_empty_forms("end")
    walk.error_pages()
    never = {endpoint for endpoint, method, _rule in PAGES if method == "GET"} - walk.rendered
    assert not never, f"these pages never rendered (200): give tests/i18n/richer_world.py a state for them: {never}"
    report = "\n".join(f"{page}\n" + "\n".join(f"    {line}" for line in lines) for page, lines in walk.escaped.items())
    assert not walk.escaped, f"text that did not pass through the catalogue:\n{report}"
