"""The one requests.Session for all outgoing LTI calls (JWKS, tokens, AGS, NRPS)."""
import requests
from flask import current_app

USER_AGENT = "Leernetwerk-LTI-tool/0.1"
_session = None


def http_session():
    """The configured session (tests route it in-process), else a shared pooled session."""
    configured = current_app.config.get("LTI_REQUESTS_SESSION")
    if configured is not None:
        # Platforms refuse service calls without a User-Agent (Canvas answers 403): name ourselves
        # on an injected session too, unless it chose its own.
        if configured.headers.get("User-Agent", "").startswith("python-requests"):
            configured.headers["User-Agent"] = USER_AGENT
        return configured
    global _session
    if _session is None:
        _session = requests.Session()
        _session.headers["User-Agent"] = USER_AGENT
    return _session


def timeout():
    """Seconds before an outgoing call gives up."""
    return current_app.config["HTTP_TIMEOUT_SECONDS"]
