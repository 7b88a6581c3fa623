"""A person's e-mail address as a keyed digest: the tool keeps no e-mail addresses, but an HR file that names
people by e-mail must find the LMS user who launched with that address.

HMAC-SHA256 with the server secret over the address as written, trimmed and case-folded. Without the secret
the digest reveals nothing and cannot be matched against a list of addresses; changing the secret means people
are matched again after their next launch.
"""
import hashlib
import hmac

from flask import current_app

MAX_EMAIL = 320  # RFC 5321: 64 for the local part, @, 255 for the domain


def looks_like_email(value):
    """Whether a value is shaped like an e-mail address (one @, something on both sides, no spaces)."""
    if not isinstance(value, str) or len(value) > MAX_EMAIL or any(c.isspace() for c in value):
        return False
    local, at, domain = value.partition("@")
    return bool(at and local and "." in domain and "@" not in domain)


def email_key(value):
    """The keyed digest of an e-mail address (64 hex characters), or None for anything else."""
    value = value.strip() if isinstance(value, str) else value
    if not looks_like_email(value):
        return None
    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, b"email:" + value.casefold().encode(), hashlib.sha256).hexdigest()
