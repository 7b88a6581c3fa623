"""Outgoing Dynamic Registration calls: only to allowed URLs, with size and time limits."""
import json
from urllib.parse import urlsplit

from flask import current_app

from lti_tool.dynamic_registration.problems import RegistrationProblem
from lti_tool.http import USER_AGENT
from lti_tool.service_http import ServiceError, send

MAX_DOCUMENT_BYTES = 256 * 1024


def allowed_url(url):
    """True for https URLs, and plain http only to the hosts the configuration allows (localhost in development)."""
    try:
        parts = urlsplit(url) if isinstance(url, str) else None
        host = parts.hostname if parts else None
    except ValueError:
        return False
    if not host or parts.username or parts.password or parts.fragment:
        return False
    if parts.scheme == "https":
        return True
    return parts.scheme == "http" and host in current_app.config["DYNAMIC_REGISTRATION_HTTP_HOSTS"]


def origin(url):
    """scheme://host[:port] of a URL, or '' when it is not an http(s) URL."""
    try:
        parts = urlsplit(url)
    except (ValueError, TypeError):
        return ""
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}".lower()


def shown(url):
    """A URL without query or fragment: registration tokens may travel in query strings."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def fetch_json(method, url, secrets=(), **kwargs):
    """(response, parsed JSON or None, raw body) of one call; transport failures and oversized bodies are problems."""
    if not allowed_url(url):
        raise RegistrationProblem("bad_configuration", f"{shown(url)} is not an https URL.")
    headers = {"User-Agent": USER_AGENT, "Accept": "application/json", **kwargs.pop("headers", {})}
    try:
        response = send(method, url, headers=headers, stream=True, allow_redirects=False, **kwargs)
    except ServiceError as exc:
        raise RegistrationProblem("lms_unreachable", exc.reason, secrets) from exc
    try:
        body = _read_limited(response)
    finally:
        response.close()
    # Hand the bounded body back to requests so .json()/.text work for error messages.
    response._content = body
    try:
        document = json.loads(body.decode("utf-8")) if body else None
    except (UnicodeDecodeError, ValueError):
        document = None
    return response, document, body


def _read_limited(response):
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > MAX_DOCUMENT_BYTES:
        raise RegistrationProblem("bad_configuration", f"{shown(response.url)} sent {declared} bytes; "
                                                       f"at most {MAX_DOCUMENT_BYTES} are accepted.")
    body = b""
    for chunk in response.iter_content(chunk_size=16384):
        body += chunk
        if len(body) > MAX_DOCUMENT_BYTES:
            raise RegistrationProblem("bad_configuration", f"{shown(response.url)} sent more than "
                                                           f"{MAX_DOCUMENT_BYTES} bytes.")
    return body

