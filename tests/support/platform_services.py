"""A platform's token, AGS and NRPS endpoints as a small Flask app with scripted answers, for tests.

The token endpoint verifies the tool's client assertion against the tool's JWKS; the service
endpoints accept only bearer tokens it issued for the right scope. Calls are counted.
"""
import json
import threading
import time
from collections import Counter, defaultdict, deque

import jwt
from flask import Flask, Response, request

from tests.support.wsgi_transport import WSGIAdapter, routed_session

SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"
NRPS = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"
LEARNER_ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
INSTRUCTOR_ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"


class FailingWSGIAdapter(WSGIAdapter):
    """The in-process transport, plus `fail(request)`: an exception to raise instead (timeouts, resets)."""

    def __init__(self, app, base_url, fail):
        super().__init__(app, base_url)
        self.fail = fail

    def send(self, request, *args, **kwargs):
        """Raise what `fail` returns for this request, else answer from the app."""
        error = self.fail(request)
        if error is not None:
            raise error
        return super().send(request, *args, **kwargs)


def services_session(services):
    """A requests.Session routing the platform's base URL to `services` (honouring `services.fail`)."""
    session = routed_session()
    session.mount(services.base + "/", FailingWSGIAdapter(
        services.app, services.base, lambda request: services.fail and services.fail(request)))
    return session


class PlatformServices:
    """The platform side of AGS and NRPS; `script(kind, status, ...)` queues answers to give first."""

    def __init__(self, tool_jwks, base="https://lms.test", client_id="client-1", audience=None, expires_in=3600):
        self.base, self.client_id, self.expires_in = base, client_id, expires_in
        self.audience = audience or f"{base}/token"
        self.tool_keys = {jwk["kid"]: jwt.PyJWK(jwk).key for jwk in tool_jwks["keys"]}
        self.calls = Counter()
        self.scores = []  # (path, query string, payload, content type)
        self.token_scopes = []
        self.tokens = {}  # token -> scopes
        self.lineitems = {}  # id URL -> document
        self.created = []
        self.members = []
        self.page_size = 2
        self.link_style = "quoted"
        self.delay = 0.0  # seconds each score post takes
        self.token_delay = 0.0
        self.fail = None  # fail(request) -> exception for the transport adapter to raise
        self._scripted = defaultdict(deque)
        self._lock = threading.Lock()
        self._jtis = set()
        self.app = Flask(__name__)
        self.app.add_url_rule("/<path:path>", "any", self._dispatch, methods=["GET", "POST"])

    def script(self, kind, status, body=None, headers=None, times=1):
        """Answer the next `times` calls of `kind` (token, score, lineitems, nrps) with this status."""
        for _ in range(times):
            self._scripted[kind].append((status, body, headers or {}))

    def revoke_tokens(self):
        """Forget every issued token, as a platform does on restart or key rotation."""
        self.tokens.clear()

    def _dispatch(self, path):
        path = "/" + path
        kind = ("token" if path == "/token" else "score" if path.endswith("/scores")
                else "lineitems" if path.endswith("/lineitems") else "nrps" if path.startswith("/nrps") else None)
        if kind is None:
            return Response("not found", 404)
        with self._lock:
            self.calls[kind] += 1
            scripted = self._scripted[kind].popleft() if self._scripted[kind] else None
        if scripted is not None:
            status, body, headers = scripted
            text = json.dumps(body) if isinstance(body, (dict, list)) else (body or "")
            response = Response(text, status, content_type="application/json" if isinstance(body, (dict, list))
                                else "text/plain")
            response.headers.update(headers)
            return response
        if kind == "token":
            return self._token()
        scope = {"score": SCORE, "lineitems": LINEITEM, "nrps": NRPS}[kind]
        if scope not in self.tokens.get(request.headers.get("Authorization", "")[len("Bearer "):], ()):
            return Response(json.dumps({"error": "invalid_token"}), 401, content_type="application/json")
        return getattr(self, f"_{kind}")(path)

    def _token(self):
        time.sleep(self.token_delay)
        form = request.form
        try:
            header = jwt.get_unverified_header(form["client_assertion"])
            claims = jwt.decode(form["client_assertion"], self.tool_keys[header["kid"]], algorithms=["RS256"],
                                audience=self.audience, issuer=self.client_id,
                                options={"require": ["exp", "iat", "jti"]})
            assert claims["sub"] == self.client_id and claims["jti"] not in self._jtis
            assert form["grant_type"] == "client_credentials"
            assert form["client_assertion_type"] == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
        except Exception as exc:  # any flaw in the assertion is an invalid client, as on a real platform
            return Response(json.dumps({"error": "invalid_client", "error_description": str(exc)}), 401,
                            content_type="application/json")
        token = f"token-{len(self.token_scopes) + 1}-{time.monotonic_ns()}"
        with self._lock:
            self._jtis.add(claims["jti"])
            self.token_scopes.append(form["scope"])
            self.tokens[token] = set(form["scope"].split())
        return {"access_token": token, "token_type": "Bearer", "expires_in": self.expires_in, "scope": form["scope"]}

    def _score(self, path):
        if self.delay:
            time.sleep(self.delay)
        with self._lock:
            self.scores.append((path, request.query_string.decode(), request.get_json(force=True),
                                request.content_type))
        return Response("", 204)

    def _lineitems(self, path):
        if request.method == "GET":
            rlid = request.args.get("resource_link_id")
            items = [item for item in self.lineitems.values() if rlid is None or item.get("resourceLinkId") == rlid]
            return Response(json.dumps(items), 200, content_type="application/vnd.ims.lis.v2.lineitemcontainer+json")
        document = request.get_json(force=True)
        item_id = f"{self.base}{path}/{len(self.lineitems) + 1}/lineitem?type_id=1"
        self.lineitems[item_id] = {**document, "id": item_id}
        self.created.append((document, request.content_type))
        return Response(json.dumps(self.lineitems[item_id]), 201,
                        content_type="application/vnd.ims.lis.v2.lineitem+json")

    def _nrps(self, path):
        page = int(request.args.get("page", 1))
        chunk = self.members[(page - 1) * self.page_size: page * self.page_size]
        body = {"id": request.url, "context": {"id": "course-1"}, "members": chunk}
        response = Response(json.dumps(body), 200,
                            content_type="application/vnd.ims.lti-nrps.v2.membershipcontainer+json")
        if page * self.page_size < len(self.members):
            following = f"{self.base}{path}?page={page + 1}"
            first = f"{self.base}{path}?page=1"
            if self.link_style == "quoted":
                response.headers["Link"] = f'<{following}>; rel="next"'
            elif self.link_style == "unquoted":
                response.headers["Link"] = f"<{following}>; rel=next"
            elif self.link_style == "relative":
                response.headers["Link"] = f'<{path}?page={page + 1}>; rel="next"'
            elif self.link_style == "loop":  # a broken platform pointing back at the first page
                response.headers["Link"] = f'<{first}>; rel="next"'
            else:  # several links in one header, then another Link header line
                response.headers["Link"] = f'<{first}>; rel="first", <{following}>; rel="next"'
                response.headers.add("Link", f"<{first}>; rel=prev")
        return response


def member(user_id, name, role=LEARNER_ROLE, status="Active"):
    """One NRPS membership entry."""
    return {"user_id": user_id, "name": name, "roles": [role], "status": status}
