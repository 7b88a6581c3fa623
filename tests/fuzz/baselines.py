"""Real forms as the fuzz's starting points: every POST form on every page of the seeded world, as a
browser would submit it, so hostile values reach the handlers and not only the form validation."""
from html.parser import HTMLParser
from urllib.parse import urlsplit

from werkzeug.exceptions import HTTPException


class _Forms(HTMLParser):
    """(action, [(name, value)]) of each POST form, with the first option of every choice."""

    def __init__(self):
        super().__init__()
        self.forms, self._current, self._select, self._textarea, self._picked = [], None, None, None, set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._current, self._picked = (attrs.get("action") or "", []), set()
            self.forms.append(self._current)
        if self._current is None or not attrs.get("name"):
            return
        name, fields = attrs["name"], self._current[1]
        if tag == "input" and attrs.get("type") in ("radio", "checkbox"):
            if name not in self._picked:
                self._picked.add(name)
                fields.append((name, attrs.get("value") or "on"))
        elif tag in ("input", "button") and attrs.get("type") not in ("submit", "button", "reset"):
            fields.append((name, attrs.get("value") or ""))
        elif tag == "button" and attrs.get("value"):
            fields.append((name, attrs["value"]))
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select:
            fields.append((self._select, attrs.get("value") or ""))
            self._select = None
        elif tag == "textarea":
            self._textarea = name

    def handle_data(self, data):
        if self._textarea and self._current is not None:
            self._current[1].append((self._textarea, data.strip() or "Tekst"))
            self._textarea = None

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None
        if tag == "textarea" and self._textarea and self._current is not None:
            self._current[1].append((self._textarea, "Tekst"))
            self._textarea = None


def harvest(app, client, world, blueprint):
    """{endpoint: [fields]} of every POST form on the blueprint's GET pages, as learner and as facilitator."""
    adapter = app.url_map.bind("localhost")
    found = {}
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint.split(".")[0] != blueprint:
            continue
        if rule.arguments - {"iid", "type_id"} - set(world.placement_for(rule).params):
            continue
        try:
            path = rule.build(world.url_values(rule), append_unknown=False)[1]
        except (KeyError, HTTPException):
            continue
        placement = world.placement_for(rule)
        for handle in (placement.learner, placement.facilitator):
            response = client.get(path, query_string={"lt": handle.token})
            if response.status_code != 200 or response.mimetype != "text/html":
                continue
            parser = _Forms()
            parser.feed(response.get_data(as_text=True))
            for action, fields in parser.forms:
                try:
                    endpoint, _values = adapter.match(urlsplit(action).path, method="POST")
                except HTTPException:
                    continue
                kept = [(k, v) for k, v in fields if k not in ("lt", "csrf_token")]
                if kept not in found.setdefault(endpoint, []):
                    found[endpoint].append(kept)
    return found
