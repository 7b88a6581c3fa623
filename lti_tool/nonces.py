"""Single-use nonces: Redis SET NX when configured, else a unique row in the database."""
from datetime import timedelta

from flask import current_app

from lti_tool.extensions import cache
from lti_tool.models import UsedNonce
from lti_tool.models.base import insert_missing, utcnow


def use_nonce(nonce):
    """Record a nonce; False when it was seen before (a replay)."""
    ttl = current_app.config["NONCE_SECONDS"]
    if current_app.config.get("REDIS_URL"):
        # Flask-Caching's add() is SET NX: atomic across every process sharing the Redis.
        return bool(cache.add(f"nonce:{nonce}", 1, timeout=ttl))
    return insert_missing(UsedNonce, nonce=nonce, expires_at=utcnow() + timedelta(seconds=ttl)) == 1


def purge_expired():
    """Delete expired nonces (called now and then; they are useless after their expiry)."""
    UsedNonce.query.filter(UsedNonce.expires_at < utcnow()).delete()
