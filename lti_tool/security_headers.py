"""Security headers on every response; frame-ancestors limited to registered platforms."""
import re
import time

from flask import current_app

from lti_tool.extensions import cache, db
from lti_tool.models import Platform
from lti_tool.platforms import family_of

ORIGINS_CACHE_KEY = "frame-ancestor-origins"
# Each process also keeps the list this long, so a response needs no Redis round trip: a platform added
# or removed reaches the other processes' headers within these seconds.
LOCAL_SECONDS = 5
# A configured origin goes into a header: only scheme://host[:port] (a *. wildcard allowed), nothing else.
ORIGIN = re.compile(r"^https?://(\*\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?$")


def platform_origins():
    """Origins that may frame the tool: each registered platform's (its family decides), cached briefly
    (registration changes are rare), plus LEERNETWERK_FRAME_ANCESTORS (custom LMS domains)."""
    local = current_app.extensions.setdefault("leernetwerk.frame_ancestors", {"until": 0.0, "origins": None})
    if time.monotonic() < local["until"]:
        origins = local["origins"]
    else:
        origins = cache.get(ORIGINS_CACHE_KEY)
        if origins is None:
            platforms = db.session.execute(db.select(Platform)).scalars().all()
            origins = sorted({origin for platform in platforms
                              for origin in family_of(platform).frame_ancestors(platform)})
            cache.set(ORIGINS_CACHE_KEY, origins, timeout=60)
        local.update(origins=origins, until=time.monotonic() + LOCAL_SECONDS)
    extra = [origin.rstrip("/") for origin in current_app.config.get("FRAME_ANCESTORS") or ()]
    return [*origins, *(origin for origin in extra if ORIGIN.match(origin) and origin not in origins)]


def forget_platform_origins():
    """Drop the cached origins after a platform is added or removed."""
    current_app.extensions.pop("leernetwerk.frame_ancestors", None)
    cache.delete(ORIGINS_CACHE_KEY)


def register(app):
    """Install the after_request hook."""

    @app.after_request
    def add_headers(response):
        try:
            ancestors = " ".join(["'self'", *platform_origins()])
        except Exception:  # the database may be unavailable during an error page
            current_app.logger.exception("could not read platform origins for frame-ancestors")
            ancestors = "'self'"
        # Deep-linking responses post back to the platform, so it is a permitted form target.
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            f"form-action {ancestors}; frame-ancestors {ancestors}")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if current_app.config["BASE_URL"].startswith("https://"):
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response
