"""Calls to platform services over HTTP, and how their failures read for people."""
import re
import time
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import requests

from lti_tool.http import http_session, timeout

# 408/425/429 and 5xx are worth another try; any other 4xx will not change by retrying.
RETRYABLE_STATUSES = {408, 425, 429}
_SECRETS = re.compile(r"(?i)bearer\s+\S+|eyJ[\w-]+\.[\w-]+\.[\w-]*")


class ServiceError(Exception):
    """A failed call to a platform service: retryable or not, with a short reason for people."""

    def __init__(self, reason, retryable, status=None, retry_after=None):
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable
        self.status = status
        self.retry_after = retry_after


def send(method, url, **kwargs):
    """One HTTP call through the shared session; transport failures become ServiceError."""
    host = urlsplit(url).hostname or url[:60]
    try:
        return http_session().request(method, url, timeout=timeout(), **kwargs)
    except requests.Timeout as exc:
        raise ServiceError(f"No answer from {host} in time ({type(exc).__name__}).", retryable=True) from exc
    except requests.ConnectionError as exc:
        raise ServiceError(f"Could not connect to {host}.", retryable=True) from exc
    except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
            requests.exceptions.InvalidSchema) as exc:
        raise ServiceError(f"Invalid service URL for {host}.", retryable=False) from exc
    except requests.RequestException as exc:
        raise ServiceError(f"Request to {host} failed ({type(exc).__name__}).", retryable=True) from exc


def error_for(response, action):
    """A ServiceError for a non-2xx answer: status, reason phrase and the platform's own message."""
    status = response.status_code
    reason = f"{action}: {status} {response.reason or ''}".rstrip()
    message = _platform_message(response)
    if message:
        reason = f"{reason}: {message}"
    retryable = status in RETRYABLE_STATUSES or status >= 500
    return ServiceError(reason[:300], retryable, status=status, retry_after=_retry_after(response))


def _platform_message(response):
    try:
        body = response.json() if "json" in response.headers.get("Content-Type", "") else None
    except ValueError:
        body = None
    text = _message_in(body) if body is not None else ""
    if not text and response.headers.get("Content-Type", "").startswith("text/plain"):
        text = response.text
    return _SECRETS.sub("[redacted]", " ".join(str(text).split()))[:200]


def _message_in(body):
    """The human part of common error bodies (OAuth, Moodle, Canvas, problem+json)."""
    if isinstance(body, list):
        return "; ".join(filter(None, (_message_in(item) for item in body[:3])))
    if not isinstance(body, dict):
        return body if isinstance(body, str) else ""
    for name in ("error_description", "message", "reason", "detail", "title", "error", "errors"):
        value = body.get(name)
        found = value if isinstance(value, str) else _message_in(value) if value else ""
        if found:
            return found
    return ""


def _retry_after(response):
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError):
            return None
    return min(max(seconds, 0.0), 3600.0)
