"""Hostile input on every state-changing route, as learner and facilitator: never a 5xx, and a
refused request (4xx) leaves every table as it was. LEERNETWERK_FUZZ_EXAMPLES=2000 for a long run."""
import json
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lti_tool import create_app
from lti_tool.present import control_token
from tests.fuzz.baselines import harvest
from tests.fuzz.routes import field_names, row_counts, unsafe_rules
from tests.fuzz.strategies import (EXAMPLES, HOSTILE_TEXT, NUMBERS, RawJson, form_payload, form_values,
                                   json_payload)
from tests.support.world import World

RULES = unsafe_rules(create_app({"CONFIG_NAME": "testing"}))
HOSTILE_IDS = st.sampled_from([0, 2**31, 2**63, 10**30, 999999])
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))
# Reached the view: not refused by routing, the launch session or the role check.
REACHED = lambda status: status not in (401, 403, 404, 405)  # noqa: E731


def _real_values(world):
    values = {"0", "1"}
    for placement in world.placements.values():
        values.update(str(v) for v in placement.params.values())
        values.update(str(key) for key in (placement.instance.settings or {}).get("columns", []) if isinstance(key, str))
    return values


def _path(rule, world, hostile, data):
    values = world.url_values(rule)
    if hostile:
        name = data.draw(st.sampled_from(sorted(values)))
        converter = rule._converters[name]
        values[name] = data.draw(HOSTILE_IDS if type(converter).__name__ == "IdConverter"
                                 else HOSTILE_TEXT.filter(lambda s: s and "/" not in s and len(s) < 3000))
    try:
        return rule.build(values, append_unknown=False)[1]
    except Exception:  # a value no URL can carry (e.g. a surrogate): the router never sees it
        return None


def _send(client, method, path, handle, body, as_json):
    headers = {"X-Launch-Token": handle.token, "X-CSRF-Token": handle.csrf}
    if path and path.startswith("/present/") and handle.instance is not None:
        headers["X-Present-Control"] = control_token(handle.instance, handle.launch)  # the wall's shortcuts
    if as_json:
        text = body if isinstance(body, RawJson) else json.dumps(body)
        return client.open(path, method=method, data=text, content_type="application/json", headers=headers)
    pairs = [(k, v) for k, value in body for v in (value if isinstance(value, list) else [value])]
    pairs += [("lt", handle.token), ("csrf_token", handle.csrf)]
    encoded = urlencode(pairs, encoding="utf-8", errors="surrogatepass")
    return client.open(path, method=method, data=encoded, content_type="application/x-www-form-urlencoded",
                       headers=headers)


@pytest.fixture
def world(app, client, launches, monkeypatch):
    """The seeded world, with the write rate limit off (the fuzz would only see 429s)."""
    monkeypatch.setitem(app.config, "WRITES_PER_MINUTE", 0)
    return World(client, launches)


def _mutated(data, baseline, real):
    """A real form with one to three of its fields made hostile, dropped or repeated."""
    fields = list(baseline)
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        if not fields:
            break
        index = data.draw(st.integers(min_value=0, max_value=len(fields) - 1))
        name = fields[index][0]
        change = data.draw(st.sampled_from(["value", "drop", "repeat"]))
        if change == "drop":
            del fields[index]
        elif change == "repeat":
            fields.append((name, data.draw(form_values(real))))
        else:
            fields[index] = (name, data.draw(form_values(real)))
    return fields


@pytest.mark.parametrize("rule, method", RULES, ids=[f"{m} {r.rule}" for r, m in RULES])
def test_hostile_input_never_crashes_or_half_writes(app, client, world, rule, method):
    real = _real_values(world)
    names = field_names(real)
    reached = []
    baselines = harvest(app, client, world, rule.endpoint.split(".")[0]).get(rule.endpoint, [])

    @SETTINGS
    @given(data=st.data())
    def run(data):
        placement = world.placement_for(rule)
        role = data.draw(st.sampled_from(["learner", "facilitator"]))
        handle = world.deep_linking if rule.endpoint.startswith("deep_linking.") else getattr(placement, role)
        path = _path(rule, world, data.draw(st.booleans()), data)
        if path is None:
            return
        as_json = data.draw(st.booleans())
        if baselines and not as_json and data.draw(st.booleans()):
            body = _mutated(data, data.draw(st.sampled_from(baselines)), real | {"", "0"})
        else:
            body = data.draw(json_payload(names) if as_json else form_payload(names, real | {"", "0"}))
        before = row_counts()
        response = _send(client, method, path, handle, body, as_json)
        assert response.status_code < 500, (response.status_code, path, response.get_data(as_text=True)[:500])
        if response.status_code >= 400:
            assert row_counts() == before, f"{response.status_code} on {path} left rows behind"
        reached.append(REACHED(response.status_code))

    run()
    # A route the fuzz never got into (always 401/403/404) means its parameters need real values.
    plain = _send(client, method, _path(rule, world, False, None), world.deep_linking if rule.endpoint.startswith(
        "deep_linking.") else world.placement_for(rule).facilitator, [], False)
    learner = _send(client, method, _path(rule, world, False, None), world.placement_for(rule).learner, [], False)
    assert any(reached) or REACHED(plain.status_code) or REACHED(learner.status_code), \
        f"{method} {rule.rule} was never reached past routing and authorisation"


def test_the_fuzz_starts_from_real_forms(app, client, world):
    """Most state-changing routes have a real form on some page; the fuzz mutates those (checked so a change
    in the pages cannot silently leave the fuzz with random field sets only)."""
    found = {}
    for blueprint in {rule.endpoint.split(".")[0] for rule, _method in RULES}:
        found.update(harvest(app, client, world, blueprint))
    covered = {rule.endpoint for rule, _method in RULES} & set(found)
    assert {"voting.vote", "reflection.part", "network.add_contact", "network.knowledge",
            "expectations.post_card", "setup.configure"} <= covered
    assert len(covered) >= 0.75 * len({rule.endpoint for rule, _method in RULES}), sorted(covered)
