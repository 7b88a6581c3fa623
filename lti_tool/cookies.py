"""Cookies that must survive inside a cross-site LMS iframe."""
from urllib.parse import urlparse

from flask import current_app


def cross_site_capable():
    """HTTPS, or localhost (browsers treat it as secure), so SameSite=None; Secure is allowed."""
    base = urlparse(current_app.config["BASE_URL"])
    return base.scheme == "https" or base.hostname in ("localhost", "127.0.0.1")


def set_cross_site_cookie(response, name, value, max_age):
    """Secure; HttpOnly; SameSite=None; Partitioned (CHIPS) where possible, else Lax for plain HTTP."""
    if cross_site_capable():
        response.headers.add(
            "Set-Cookie", f"{name}={value}; Max-Age={max_age}; Path=/; Secure; HttpOnly; SameSite=None; Partitioned")
    else:
        response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="Lax")


def clear_cookie(response, name):
    """Expire a cookie set by set_cross_site_cookie."""
    set_cross_site_cookie(response, name, "", 0)
