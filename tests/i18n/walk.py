"""A walk through the app as Dutch launches of a seeded world's people, keeping the text that escaped the
catalogue: every GET route each role may open, every form on the pages (as sent, empty, wrong), every POST
route without fields, error pages and the LTI handshake's own pages."""
import re

from flask import current_app
from werkzeug.datastructures import MultiDict

from activities import all_activities
from activities.expectations.goals import goals_of
from lti_tool.launch import INSTRUCTOR, LEARNER
from tests.fuzz.baselines import _Forms as PostForms
from tests.i18n.data_text import content_strings, database_strings, derived
from tests.i18n.pseudo import Allowed, escaped_json, escaped_text
from tests.lti_tool.test_route_authorization import (ACCESS, DEEP_LINKING, DRAWING_JSON, FACILITATOR, LEARNER_ONLY,
                                                     OWN_CARD, PARTICIPANT, PUBLIC, ROUTES)

ROLES = {PARTICIPANT: (LEARNER, INSTRUCTOR), FACILITATOR: (INSTRUCTOR,), LEARNER_ONLY: (LEARNER,),
         OWN_CARD: (LEARNER,), DRAWING_JSON: (LEARNER,), DEEP_LINKING: (INSTRUCTOR,)}
PAGES = [(endpoint, method, rule) for endpoint, method, rule in ROUTES if ACCESS.get((endpoint, method)) in ROLES]
# Names that are the same in every language: the product and the file formats.
NAMES = {"Leernetwerk", "GraphML", "JSON", "CSV"}
TYPED = "Tekst"  # what the form harvest types into every empty text area
WRONG = "x"  # a value no number, date or choice field accepts
KEEP = {"lt", "csrf_token", "action", "op", "version", "moment", "round", "current"}  # what routes the request
DESTRUCTIVE = re.compile(r"/(erase|delete|withdraw)\b")


class Walk:
    """Fetches pages as Dutch launches of the world's people and keeps what escaped the catalogue."""

    def __init__(self, client, launches, world):
        self.client, self.launches, self.world = client, launches, world
        self.escaped, self.rendered, self.checked, self.forms = {}, set(), 0, []

    def handle(self, placement, role, deep_linking):
        """A Dutch launch for the placement's facilitator or learner (the same people, another language)."""
        if deep_linking:
            return self.launches.launch(role=INSTRUCTOR, deep_linking=True, locale="nl")
        person = placement.facilitator if role == INSTRUCTOR else placement.learner
        return self.launches.launch(placement.instance, user=person.user, role=role, locale="nl")

    def check(self, label, response, endpoint=None):
        """Record the unmarked text of an HTML or JSON response (other types are downloads)."""
        if response.status_code == 200:
            self.rendered.add(endpoint)
        if response.mimetype == "application/json":
            found = escaped_json(response.get_json(), self.allowed)
        elif response.mimetype == "text/html":
            found = escaped_text(response.get_data(as_text=True), self.allowed)
        else:
            return
        self.checked += 1
        if found:
            self.escaped[label] = found

    def variants(self, rule):
        """(placement, path) for a route: one per activity where it takes a type, and the settings page of
        every configured placement besides the unconfigured link's."""
        values, placement = self.world.url_values(rule), self.world.placement_for(rule)
        if "type_id" not in rule.arguments:
            return [(placement, rule.build(values, append_unknown=False)[1])]
        found = [(placement, rule.build({**values, "type_id": a.id}, append_unknown=False)[1])
                 for a in all_activities()]
        if "iid" in rule.arguments:
            found += [(self.world.placements[a.id], rule.build({"iid": self.world.placements[a.id].instance.id,
                                                                 "type_id": a.id}, append_unknown=False)[1])
                      for a in all_activities()]
        return found

    def calls(self, method):
        """(endpoint, role, path, handle) for every route with `method`, handles made before data is read."""
        calls = []
        for endpoint, route_method, rule in PAGES:
            if route_method != method:
                continue
            kind = ACCESS[(endpoint, method)]
            for placement, path in self.variants(rule):
                for role in ROLES[kind]:
                    calls.append((endpoint, role, path, self.handle(placement, role, kind == DEEP_LINKING)))
        self.allowed = Allowed(NAMES | derived(database_strings() | content_strings()))
        return calls

    def get_pages(self, stage, keep_forms=False):
        """Every GET route as each role that may open it; with `keep_forms`, the pages' forms are kept to submit."""
        for endpoint, role, path, handle in self.calls("GET"):
            response = self.client.get(path, query_string=handle.params())
            self.check(f"{stage}: {role} GET {path}", response, endpoint)
            if keep_forms and response.mimetype == "text/html":
                parser = PostForms()
                parser.feed(response.get_data(as_text=True))
                self.forms += [(role, action, fields) for action, fields in parser.forms if fields not in
                               [f for _r, a, f in self.forms if a == action]]

    def follow(self, response):
        """The page a browser ends on after redirects (their bodies are never shown)."""
        for _hop in range(5):
            if response.status_code not in (301, 302, 303):
                break
            response = self.client.get(response.location)
        return response

    def submit_wrong_values(self, stage):
        """One form per action with every field empty, then with every field "x": the field messages."""
        self.allowed = Allowed(self.allowed.sources | {TYPED, WRONG})
        actions = {action.split("?")[0]: (role, action, fields) for role, action, fields in self.forms
                   if not DESTRUCTIVE.search(action)}
        for role, action, fields in actions.values():
            for wrong in ("", WRONG):
                data = MultiDict([(k, v if k in KEEP else wrong) for k, v in fields])
                response = self.follow(self.client.post(action, data=data))
                self.check(f"{stage}: {role} form {action.split('?')[0]} fields={wrong!r}", response)

    def submit_forms(self, stage):
        """Every form on the last pages as a browser sends it, then the page it leads to (erasing last)."""
        self.allowed = Allowed(self.allowed.sources | {TYPED})
        for role, action, fields in sorted(self.forms, key=lambda form: "/erase" in form[1]):
            response = self.client.post(action, data=MultiDict(fields))
            response = self.follow(response)
            self.check(f"{stage}: {role} form {action.split('?')[0]} {dict(fields).get('action', '')}", response)

    def post_empty_forms(self, stage):
        """Every POST route with no fields: the refusal, or the page it leads to, in the launch's language."""
        for endpoint, role, path, handle in self.calls("POST"):
            if ACCESS[(endpoint, "POST")] == DRAWING_JSON:
                response = self.client.post(path, json={}, headers={"X-CSRF-Token": handle.csrf,
                                                                    "X-Launch-Token": handle.token})
            else:
                response = self.client.post(path, data=handle.form())
            response = self.follow(response)
            self.check(f"{stage}: {role} POST {path}", response, endpoint)

    def error_pages(self):
        """Not found, forbidden, no session at all, and the LTI handshake's refusals (the language then comes from
        the browser)."""
        voting = self.world.placements["voting"]
        learner = self.handle(voting, LEARNER, False)
        facilitator = self.handle(voting, INSTRUCTOR, False)
        missing = self.client.get(f"/voting/{voting.instance.id}/participants/999999/erase",
                                  query_string=facilitator.params())
        assert missing.status_code == 404
        self.check("404", missing)
        self.check("403", self.client.get(f"/voting/{voting.instance.id}/participants/1/erase",
                                          query_string=learner.params()))
        self.check("401", self.client.get(f"/voting/{voting.instance.id}", headers={"Accept-Language": "nl"}))
        expectations = self.world.placements["expectations"]
        fields = {f"progress_{goal.id}": "yes" for goal in goals_of(expectations.instance)}
        early = self.client.post(f"/expectations/{expectations.instance.id}/meetings/{self.world.upcoming.id}",
                                 data=self.launches.launch(expectations.instance, locale="nl").form(
                                     usefulness="4", went_well="Goed", could_be_better="Meer", **fields))
        assert early.status_code == 409, "an evaluation before the meeting is refused"
        self.check("409 evaluation too early", early)
        login = dict(iss="https://lms.test", client_id="client-1", login_hint="u", lang="nl",
                     target_link_uri=current_app.config["BASE_URL"] + "/lti/launch", lti_storage_target="_parent")
        storage = self.client.get("/lti/login", query_string=login)
        assert storage.status_code == 200, "a platform offering storage gets the storage page"
        self.check("login with platform storage", storage)
        self.check("login for another tool", self.client.get("/lti/login", query_string={
            **login, "target_link_uri": "https://elsewhere.test/launch"}))
        for endpoint, method, rule in ROUTES:
            if ACCESS.get((endpoint, method)) == PUBLIC and endpoint != "static":
                path = rule.build({name: "x" for name in rule.arguments}, append_unknown=False)[1]
                response = self.client.open(path, method=method, headers={"Accept-Language": "nl"})
                self.check(f"no session: {method} {path}", response)

