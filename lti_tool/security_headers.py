"""Security headers on every response; frame-ancestors limited to registered platforms."""
from flask import current_app

from lti_tool.extensions import cache, db
from lti_tool.models import Platform

ORIGINS_CACHE_KEY = "frame-ancestor-origins"


def platform_origins():
    """Origins of registered platforms, cached briefly (registration changes are rare)."""
    origins = cache.get(ORIGINS_CACHE_KEY)
    if origins is None:
        urls = db.session.execute(db.select(Platform.auth_login_url)).scalars().all()
        origins = sorted({Platform(auth_login_url=url).origin for url in urls})
        cache.set(ORIGINS_CACHE_KEY, origins, timeout=60)
    return origins


def forget_platform_origins():
    """Drop the cached origins after a platform is added or removed."""
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
