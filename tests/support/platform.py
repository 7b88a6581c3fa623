"""TestPlatform: the demo LMS in-process as the tool's LTI platform, with helpers for launch tests."""
import base64
import hashlib
import hmac
import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import jwt
from cryptography.hazmat.primitives import serialization

from demo_lms import create_demo_lms, people, registration_values
from demo_lms.keys import KEY_FILE, generate_pem
from tests.support.wsgi_transport import mount, routed_session

LMS_URL = "http://lms.test"
TOOL_URL = "http://tool.test"
USERS = tuple(person.id for person in people.PEOPLE)  # "facilitator", "learner1" … "learner6"
_pems = {}


def cached_pem(name):
    """An RSA private key PEM made once per test run (key generation costs ~100 ms)."""
    if name not in _pems:
        _pems[name] = generate_pem()
    return _pems[name]


def foreign_key():
    """A private key nobody publishes: tokens signed with it must be refused."""
    return serialization.load_pem_private_key(cached_pem("foreign").encode(), password=None)


class PlatformRefused(AssertionError):
    """The demo LMS answered an auth request with an error page instead of the launch form."""

    def __init__(self, response):
        super().__init__(f"platform refused ({response.status_code}): {response.get_data(as_text=True)[:500]}")
        self.response = response


class _FormParser(HTMLParser):
    """The first form's action and the values a browser would submit by default."""

    def __init__(self):
        super().__init__()
        self.action, self.fields, self.forms = None, {}, 0
        self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms += 1
            if self.forms == 1:
                self.action = attrs.get("action")
        if self.forms != 1 or not attrs.get("name") and tag != "option":
            return
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "image", "file"):
                self.fields[attrs["name"]] = attrs.get("value", "on" if kind == "checkbox" else "")
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.fields[self._textarea] = ""
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select is not None:
            if "selected" in attrs or self._select not in self.fields:
                self.fields[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea is not None:
            if not self.fields[self._textarea]:
                # Browsers drop one newline right after <textarea> (WTForms writes "\r\n" there).
                data = data[2:] if data.startswith("\r\n") else data[1:] if data.startswith("\n") else data
            self.fields[self._textarea] += data


def parse_form(html):
    """(action, {name: value}) of the first form in an HTML page."""
    parser = _FormParser()
    parser.feed(html)
    return parser.action, parser.fields


class TestPlatform:
    """The demo LMS at LMS_URL launching the tool at TOOL_URL, all in-process through `session`."""

    __test__ = False  # not a test class, despite its name

    def __init__(self, tool_app, instance_dir, tool_url=TOOL_URL, lms_url=LMS_URL):
        instance_dir = Path(instance_dir)
        instance_dir.mkdir(parents=True, exist_ok=True)
        if not (instance_dir / KEY_FILE).exists():
            (instance_dir / KEY_FILE).write_text(cached_pem("platform"))
        self.tool_url, self.lms_url = tool_url, lms_url
        self.session = routed_session({tool_url: tool_app} if tool_app is not None else {})
        self.lms = create_demo_lms(tool_url, lms_url, instance_dir, requests_session=self.session)
        self.lms_adapter = mount(self.session, lms_url, self.lms)
        self.state = self.lms.extensions["demo_lms"]
        self.store = self.state.store
        self.key = self.state.registration.platform_key
        self.registration = registration_values(lms_url)
        self._default_link = None
        self.last_login_response = self.last_auth_query = self.last_id_token = self.last_form_action = None

    def close(self):
        """Release the LMS's SQLite connection."""
        self.store.close()

    # Registration
    def register(self, tool_app):
        """Insert the Platform and Deployment rows into the tool's database (as `platform add` would)."""
        from lti_tool.extensions import db
        from lti_tool.models import Deployment, Platform

        reg = self.registration
        with tool_app.app_context():
            row = Platform.query.filter_by(issuer=reg["issuer"], client_id=reg["client_id"]).first()
            if row is None:
                row = Platform(name="Demo LMS (tests)", issuer=reg["issuer"], client_id=reg["client_id"],
                               auth_login_url=reg["auth_login_url"], auth_token_url=reg["auth_token_url"],
                               jwks_url=reg["jwks_url"])
                row.deployments.append(Deployment(deployment_id=reg["deployment_id"]))
                db.session.add(row)
                db.session.commit()
            platform_id = row.id
        self.warm_tool_keys()
        return platform_id

    def warm_tool_keys(self):
        """Let the LMS fetch the tool's JWKS now, outside any other request (see the module notes)."""
        self.state.platform_config().refresh_tool_key_set()

    # The LMS as a browser sees it
    def lms_client(self, user_key=None):
        """A test client of the LMS, signed in as `user_key` when given."""
        client = self.lms.test_client()
        if user_key is not None:
            if people.person(user_key) is None:
                raise KeyError(f"unknown demo user {user_key!r}; use one of {', '.join(USERS)}")
            with client.session_transaction() as lms_session:
                lms_session["user_id"] = user_key
        return client

    def login_params(self, user_key, link_id=None, deep_linking=False, storage=False):
        """The OIDC login initiation parameters the LMS sends the tool for this user and activity.

        `storage=True` adds `lti_storage_target=_parent`, as the demo LMS does with platform storage on.
        """
        client = self.lms_client(user_key)
        path = "/lti/initiate-deep-link" if deep_linking else f"/lti/initiate/{link_id or self.default_link()}"
        response = client.get(path)
        if response.status_code != 302:
            raise PlatformRefused(response)
        params = dict(parse_qsl(urlsplit(response.headers["Location"]).query))
        if storage:
            params.setdefault("lti_storage_target", "_parent")
        return params

    def authorize_response(self, auth_query, user_key):
        """The LMS auth endpoint's raw response to the tool's authentication request."""
        return self.lms_client(user_key).get("/lti/auth", query_string=dict(auth_query))

    def authorize(self, auth_query, user_key):
        """(id_token, state) from the LMS's auto-post form for the tool's authentication request."""
        response = self.authorize_response(auth_query, user_key)
        if response.status_code != 200:
            raise PlatformRefused(response)
        action, fields = parse_form(response.get_data(as_text=True))
        self.last_form_action = action
        return fields["id_token"], fields["state"]

    def launch(self, tool_client, user_key, link_id=None, deep_linking=False, tamper=None):
        """The tool's response to POST /lti/launch after a real login → auth → (tamper) → launch flow.

        `tamper(claims)` may change the claims in place or return new ones (re-signed with the
        platform key), or return a complete token string to send as is. When the tool refuses the
        login initiation, its response to GET /lti/login is returned instead.
        """
        params = self.login_params(user_key, link_id, deep_linking)
        login = tool_client.get("/lti/login", query_string=params)
        self.last_login_response = login
        if login.status_code not in (302, 303):
            return login
        location = urlsplit(login.headers["Location"])
        auth_url = f"{location.scheme}://{location.netloc}{location.path}"
        if auth_url != self.registration["auth_login_url"]:
            raise AssertionError(f"the tool redirected to {auth_url}, not the platform's auth URL")
        self.last_auth_query = dict(parse_qsl(location.query))
        id_token, state = self.authorize(self.last_auth_query, user_key)
        self.last_id_token = id_token
        if tamper is not None:
            claims = self.decode(id_token)
            changed = tamper(claims)
            id_token = changed if isinstance(changed, str) else self.sign(changed if changed is not None else claims)
        return tool_client.post("/lti/launch", data={"id_token": id_token, "state": state})

    def deep_link_return(self, token, user_key="facilitator"):
        """POST a deep linking response JWT to the LMS's return endpoint (as the tool's auto-post form does)."""
        return self.lms_client(user_key).post("/lti/deep-link/return", data={"JWT": token})

    # Tokens
    def sign(self, claims, headers=None, key=None, algorithm="RS256"):
        """Sign claims as the platform would; or with another key, alg 'none', or HS256 (attack tokens).

        HS256 without a key uses the platform's public key PEM as the HMAC secret (key confusion).
        A header value of None removes that header (e.g. {"kid": None}).
        """
        header = {"kid": self.key.kid, **(headers or {})}
        header = {name: value for name, value in header.items() if value is not None}
        if algorithm == "none":
            return _unsigned(claims, header)
        if algorithm == "HS256":
            secret = key if key is not None else self.public_pem()
            return _hs256(claims, header, secret.encode() if isinstance(secret, str) else secret)
        return jwt.encode(claims, key if key is not None else self.key.private_key, algorithm=algorithm,
                          headers=header)

    def decode(self, token, verify=False):
        """The claims of a token (verified against the platform key when asked; aud not checked)."""
        if verify:
            return jwt.decode(token, self.key.public_key, algorithms=["RS256"], options={"verify_aud": False})
        return jwt.decode(token, options={"verify_signature": False})

    def public_pem(self):
        """The platform's public key as PEM bytes."""
        return self.key.public_key.public_bytes(serialization.Encoding.PEM,
                                                serialization.PublicFormat.SubjectPublicKeyInfo)

    # The course
    def add_link(self, title="Leernetwerk activity", custom=None, with_lineitem=True, score_maximum=1.0, url=None):
        """Create a resource link directly in the LMS (an admin adding an LTI link); returns its id."""
        link = self.store.add_link(title, url or f"{self.tool_url}/lti/launch", custom=custom)
        if with_lineitem:
            self.store.add_lineitem(title, score_maximum, resource_link_id=link["id"])
        return link["id"]

    def default_link(self):
        """A graded link made on first use, for launches that name none."""
        if self._default_link is None:
            self._default_link = self.add_link()
        return self._default_link

    def links(self):
        """The course's resource links."""
        return self.store.links()

    def lineitems(self):
        """The gradebook's line items."""
        return self.store.lineitems()

    def lineitem_for(self, link_id):
        """The line item bound to a link, or None."""
        return self.store.lineitem_for_link(link_id)

    def lineitem_url(self, lineitem_id):
        """A line item's AGS URL (with its `?type_id=1` query)."""
        return self.state.lineitem_url(lineitem_id)

    def scores(self, link_id=None, user_key=None):
        """Recorded scores (newest per learner), optionally for one link's line item and/or one user."""
        lineitem_id = None
        if link_id is not None:
            lineitem = self.lineitem_for(link_id)
            if lineitem is None:
                return []
            lineitem_id = lineitem["id"]
        return self.store.scores(lineitem_id=lineitem_id, user_id=user_key)

    def stats(self):
        """The LMS's counters (as GET /lti/stats shows them)."""
        return self.lms.test_client().get("/lti/stats").get_json()

    def token_count(self):
        """How many access tokens the LMS has issued."""
        return self.stats()["tokens_issued"]


def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _segments(claims, header):
    return _b64(json.dumps(header, separators=(",", ":")).encode()) + "." + _b64(
        json.dumps(claims, separators=(",", ":")).encode())


def _unsigned(claims, header):
    return _segments(claims, {**header, "alg": "none"}) + "."


def _hs256(claims, header, secret):
    # PyJWT refuses PEM-looking HMAC secrets (rightly); attack tokens are made by hand.
    signing_input = _segments(claims, {**header, "alg": "HS256", "typ": "JWT"})
    return signing_input + "." + _b64(hmac.new(secret, signing_input.encode(), hashlib.sha256).digest())
