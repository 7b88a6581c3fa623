"""Mounting the core blueprints and the values every template sees."""
from flask import g, jsonify
from flask_babel import get_locale

from lti_tool import keys
from lti_tool.guidance import guide_for
from lti_tool.health import readiness_problem
from lti_tool.launch_notices import facilitator_notices
from lti_tool.live import page_endpoint
from lti_tool.fragments import shared
from lti_tool.session import template_helpers


def register_views(app):
    """Register the LTI endpoints, deep linking, the JWKS and template helpers."""
    from lti_tool.deep_linking import bp as deep_linking_bp
    from lti_tool.dynamic_registration.views import bp as dynamic_registration_bp
    from lti_tool.grade_views import bp as grades_bp
    from lti_tool.launch_views import bp as launch_bp
    from lti_tool.login import bp as login_bp
    from lti_tool.present_views import bp as present_bp
    from lti_tool.setup_views import bp as setup_bp

    for blueprint in (login_bp, launch_bp, deep_linking_bp, setup_bp, grades_bp, dynamic_registration_bp,
                      present_bp):
        app.register_blueprint(blueprint)

    @app.get("/.well-known/jwks.json")
    def jwks():
        response = jsonify(keys.jwks())
        response.headers["Cache-Control"] = "public, max-age=300"
        return response

    @app.get("/healthz")
    def health():
        """200 when the database answers and is migrated; 503 with the reason otherwise (for load balancers)."""
        problem = readiness_problem()
        if problem:
            return {"status": "unavailable", "reason": problem}, 503
        return {"status": "ok"}

    @app.context_processor
    def inject():
        return {**template_helpers(), "current_locale": lambda: str(get_locale() or "nl"), "guide_for": guide_for,
                "shared": shared, "page_endpoint": page_endpoint,
                "facilitator_notices": facilitator_notices(g.get("launch")),
                # How often live pages ask for changes (static/js/live.js reads data-poll-seconds).
                "live_poll_seconds": app.config["LIVE_POLL_SECONDS"], "live_etag": g.get("live_etag", ""),
                "board_poll_seconds": app.config["LIVE_BOARD_POLL_SECONDS"]}
