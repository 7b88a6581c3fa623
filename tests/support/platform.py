"""TestPlatform: the demo LMS in-process as the tool's LTI platform, with helpers for launch tests."""
import contextlib
import html
import re
import threading
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import flask
import jwt
from cryptography.hazmat.primitives import serialization

from demo_lms import create_demo_lms, people, registration_values
from demo_lms.keys import KEY_FILE
from tests.support.html import parse_form
from tests.support.jwt_attacks import cached_pem, foreign_key, hs256_token, unsigned_token
from tests.support.platform_course import CourseHelpers
from tests.support.wsgi_transport import mount, routed_session

__all__ = ["LMS_URL", "TOOL_URL", "USERS", "PlatformRefused", "TestPlatform", "cached_pem", "foreign_key",
           "parse_form"]

LMS_URL = "http://lms.test"
TOOL_URL = "http://tool.test"
TOOL_KID = "suite-tool-key"
USERS = tuple(person.id for person in people.PEOPLE)  # "facilitator", "learner1" … "learner6"


class PlatformRefused(AssertionError):
    """The demo LMS answered an auth request with an error page instead of the launch form."""

    def __init__(self, response):
        super().__init__(f"platform refused ({response.status_code}): {response.get_data(as_text=True)[:500]}")
        self.response = response


class TestPlatform(CourseHelpers):
    """The demo LMS at LMS_URL launching the tool at TOOL_URL, all in-process through `session`."""

    __test__ = False  # not a test class, despite its name

    def __init__(self, tool_app, instance_dir, tool_url=TOOL_URL, lms_url=LMS_URL):
        instance_dir = Path(instance_dir)
        instance_dir.mkdir(parents=True, exist_ok=True)
        if not (instance_dir / KEY_FILE).exists():
            (instance_dir / KEY_FILE).write_text(cached_pem("platform"))
        self.tool_url, self.lms_url = tool_url, lms_url
        self.session = routed_session()
        if tool_app is not None:
            mount(self.session, tool_url, tool_app, around=_reuse_app_context(tool_app))
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
        self.seed_tool_key(tool_app)
        self.warm_tool_keys()
        return platform_id

    @staticmethod
    def seed_tool_key(tool_app):
        """Give the tool the suite's signing key unless it has one: making an RSA key and loading it costs the
        tool ~70 ms, in every test that registers a platform (the tool makes its own on first use in the
        tests that need that: tests/lti_tool/test_cli.py)."""
        from lti_tool.extensions import db
        from lti_tool.models import ToolKey

        with tool_app.app_context():
            if ToolKey.query.filter(ToolKey.retired_at.is_(None)).first() is None:
                db.session.add(ToolKey(kid=TOOL_KID, private_pem=cached_pem("tool")))
                db.session.commit()

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
        next_url = auth_request_url(login)
        if next_url is None:
            return login
        location = urlsplit(next_url)
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
            return unsigned_token(claims, header)
        if algorithm == "HS256":
            secret = key if key is not None else self.public_pem()
            return hs256_token(claims, header, secret.encode() if isinstance(secret, str) else secret)
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


def _reuse_app_context(app):
    """Run nested calls into `app` in the test's own app context, when there is one."""
    # A call into the tool while the LMS handles a request (its token endpoint fetching the tool's
    # JWKS) would open a second database session; on in-memory SQLite both share one connection and
    # closing the second rolls back the test's pending work. Same thread only: sessions don't cross.
    outer = flask.globals.app_ctx._get_current_object() if flask.has_app_context() else None
    if outer is None or outer.app is not app:
        return None
    thread = threading.get_ident()

    @contextlib.contextmanager
    def around():
        current = flask.globals.app_ctx._get_current_object() if flask.has_app_context() else None
        if threading.get_ident() != thread or current is outer:
            yield
            return
        with outer:
            yield

    return around


def auth_request_url(login):
    """Where the tool's login response sends the browser: its redirect, or the storage page's next URL."""
    if login.status_code in (302, 303):
        return login.headers["Location"]
    found = re.search(r'data-next="([^"]+)"', login.get_data(as_text=True)) if login.status_code == 200 else None
    return html.unescape(found.group(1)) if found else None
