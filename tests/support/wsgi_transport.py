"""A requests transport adapter that answers from WSGI apps in-process (no sockets)."""
import collections
import contextlib
import io
from email.message import Message
from http import HTTPStatus
from urllib.parse import urlsplit

import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict
from requests.utils import get_encoding_from_headers
from werkzeug.test import Client


class _Raw(io.BytesIO):
    """The body as `response.raw`, with the header message requests reads cookies from."""

    def __init__(self, body, headers):
        super().__init__(body)
        message = Message()
        for name, value in headers:
            message[name] = value
        self._original_response = type("OriginalResponse", (), {"msg": message})()

    def release_conn(self):
        """Nothing to release: there is no connection."""


class WSGIAdapter(BaseAdapter):
    """Serves every request under one base URL from `app` through Werkzeug's test client.

    `around()`, when given, returns a context manager to run each call in (see TestPlatform).
    """

    def __init__(self, app, base_url, around=None):
        super().__init__()
        self.app = app
        self.base_url = base_url.rstrip("/")
        self.around = around
        self.requests = collections.deque(maxlen=1000)  # (method, url) of recent calls, for assertions

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        """Run the WSGI app for a prepared request and wrap its answer as a requests.Response."""
        parts = urlsplit(request.url)
        script_root = urlsplit(self.base_url).path
        path = parts.path[len(script_root):] if script_root and parts.path.startswith(script_root) else parts.path
        self.requests.append((request.method, request.url))
        with self.around() if self.around is not None else contextlib.nullcontext():
            # A fresh client per call: nothing shared between threads; cookies belong to the requests.Session.
            wsgi_response = Client(self.app, use_cookies=False).open(
                path=path or "/", base_url=f"{parts.scheme}://{parts.netloc}{script_root}", method=request.method,
                query_string=parts.query, headers=list(request.headers.items()), data=_body(request.body))
        try:
            return self._build(request, wsgi_response)
        finally:
            wsgi_response.close()

    def _build(self, request, wsgi_response):
        body = wsgi_response.get_data()
        header_items = list(wsgi_response.headers.items())
        response = requests.Response()
        response.status_code = wsgi_response.status_code
        headers = CaseInsensitiveDict()
        for name, value in header_items:
            # As urllib3 does: repeated headers (Link, Set-Cookie) are joined with ", ".
            headers[name] = f"{headers[name]}, {value}" if name in headers else value
        response.headers = headers
        response.reason = _reason(wsgi_response.status_code)
        response._content = body
        response._content_consumed = True
        response.raw = _Raw(body, header_items)
        response.url = request.url
        response.encoding = get_encoding_from_headers(headers)
        response.request = request
        response.connection = self
        return response

    def close(self):
        """Nothing to close."""


class NoNetworkAdapter(BaseAdapter):
    """Refuses every URL that no in-process app serves, so tests never reach the network."""

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        """Fail like a refused connection."""
        raise requests.ConnectionError(f"No in-process app serves {request.url} (tests do not use the network).",
                                       request=request)

    def close(self):
        """Nothing to close."""


def _body(body):
    if body is None:
        return b""
    if isinstance(body, str):
        return body.encode("utf-8")
    if hasattr(body, "read"):
        return body.read()
    if isinstance(body, (bytes, bytearray)):
        return bytes(body)
    return b"".join(chunk.encode() if isinstance(chunk, str) else chunk for chunk in body)


def _reason(status):
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def routed_session(routes=None):
    """A requests.Session serving {base_url: wsgi_app} in-process; any other URL raises ConnectionError."""
    session = requests.Session()
    session.mount("http://", NoNetworkAdapter())
    session.mount("https://", NoNetworkAdapter())
    for base_url, app in (routes or {}).items():
        mount(session, base_url, app)
    return session


def mount(session, base_url, app, around=None):
    """Serve `base_url` (and everything below it) from `app` in this session; returns the adapter."""
    adapter = WSGIAdapter(app, base_url, around=around)
    session.mount(base_url.rstrip("/") + "/", adapter)
    return adapter
