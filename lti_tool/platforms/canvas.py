"""Canvas: one issuer for all tenants, a separate OIDC auth domain, a User-Agent on every service call."""
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l

from lti_tool.models.registration import origin_of
from lti_tool.platforms.base import Family

# Instructure-hosted Canvas signs as canvas[.test|.beta].instructure.com but runs OIDC auth and the
# platform-storage frame (post_message_forwarding) on sso[.test|.beta].canvaslms.com. A registration
# that still names the old auth URL on the issuer's host is redirected there by Canvas.
SSO_FOR_ISSUER_HOST = {"canvas.instructure.com": "sso.canvaslms.com",
                       "canvas.test.instructure.com": "sso.test.canvaslms.com",
                       "canvas.beta.instructure.com": "sso.beta.canvaslms.com"}
# Hosted Canvas pages (school.instructure.com) frame the tool; custom domains come from configuration.
HOSTED_PAGES = "https://*.instructure.com"


@dataclass(frozen=True)
class CanvasFamily(Family):
    """Canvas's quirks beyond the shared fields: where its storage frame lives and who frames the tool."""

    def storage_origin(self, platform):
        """sso.canvaslms.com (or its test/beta twin) for hosted Canvas; the auth origin for self-hosted."""
        auth_host = (urlsplit(platform.auth_login_url or "").hostname or "").casefold()
        if auth_host in SSO_FOR_ISSUER_HOST:
            return "https://" + SSO_FOR_ISSUER_HOST[auth_host]
        return origin_of(platform)

    def frame_ancestors(self, platform):
        """Hosted Canvas frames the tool from the school's *.instructure.com page, not its auth domain."""
        issuer_host = (urlsplit(platform.issuer or "").hostname or "").casefold()
        hosted = issuer_host in SSO_FOR_ISSUER_HOST
        return (origin_of(platform), HOSTED_PAGES) if hosted else (origin_of(platform),)


FAMILY = CanvasFamily(
    code="canvas", label="Canvas",
    issuer_hosts=("canvas.instructure.com", "canvas.test.instructure.com", "canvas.beta.instructure.com"),
    stale_statuses=((409, ""), (400, "timestamp"), (422, "timestamp")),
    gone_statuses=((422, "user not found"), (422, "not a user in this course"), (404, "user")),
    # Canvas's own placement names: "add an activity" from assignments and modules.
    deep_linking_placements=("assignment_selection", "link_selection"),
    after_registration=(
        _l("In Admin → Developer Keys, switch the new Leernetwerk key ON: Canvas creates it OFF."),
        _l("Install it where courses need it: Settings → Apps → View App Configurations → + App → "
           "By Client ID, with the client id above."),
        _l("Canvas lets administrators remove services and choose a privacy level while registering. "
           "Check that the key keeps the grade and roster services and that its privacy level is "
           "Public or Name only: with Anonymous, facilitators do not see who took part."),
    ))
