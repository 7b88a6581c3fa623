"""The demo LMS's per-app state (store, registration, HTTP session) and the current user."""
import secrets
import time
from urllib.parse import urlsplit

from flask import abort, current_app, session
from itsdangerous import BadSignature, URLSafeSerializer

from demo_lms import people
from demo_lms.lti_platform import DemoPlatformConfig, DemoRegistration
from demo_lms.tool_registrations import ToolRegistrations

AGS_PREFIX = "/lti/ags"
HINT_SECONDS = 3600  # how long a spent single-use hint is remembered (longer than any login takes)


class DemoState:
    """Everything one demo LMS app holds: its store, LTI registration, URLs and outgoing HTTP session."""

    def __init__(self, store, registration, requests_session, lms_url, tool_url, secret):
        self.store = store
        self.hand_registration = registration
        self.requests_session = requests_session
        self.lms_url = lms_url.rstrip("/")
        self.tool_url = tool_url.rstrip("/")
        self._hints = URLSafeSerializer(secret, salt="demo-lms-lti-message-hint")
        self.platform_storage = False
        # Moodle's auth.php accepts each launch's lti_message_hint once; True makes this LMS do the same.
        self.single_use_hints = False
        # Fit the tool's iframe to the height the tool posts (lti.frameResize), as Canvas and Brightspace do.
        self.fit_frame = True
        # Brightspace registers tools without a registration token; False makes this LMS do the same.
        self.registration_token_required = True
        self.tools = ToolRegistrations(store)
        self._dynamic = None
        self.use_registered_tool()

    @property
    def registration(self):
        """The tool registration in use: the newest dynamically registered tool, else the hand registration."""
        return self._dynamic or self.hand_registration

    def use_registered_tool(self):
        """Switch to the newest tool registered through Dynamic Registration (if any)."""
        latest = self.tools.latest()
        if latest is not None:
            client_id, deployment_id, tool = latest
            self._dynamic = DemoRegistration(self.lms_url, self.tool_url, self.hand_registration.platform_key,
                                             client_id=client_id, deployment_id=deployment_id, tool=tool)

    @property
    def tool_origin(self):
        """scheme://host[:port] of the tool in use (for the CSP)."""
        parts = urlsplit(self.registration.get_launch_url() or self.tool_url)
        return f"{parts.scheme}://{parts.netloc}"

    def platform_config(self):
        """A fresh lti1p3platform config for this request (it keeps per-token state)."""
        return DemoPlatformConfig(registration=self.registration, session=self.requests_session)

    def lineitems_url(self, course_id=people.COURSE_ID):
        """The AGS line items container of a course."""
        return f"{self.lms_url}{AGS_PREFIX}/{course_id}/lineitems"

    def lineitem_path(self, lineitem_id, course_id=people.COURSE_ID):
        """A line item's URL without its query string (sub-resources hang off this path)."""
        return f"{self.lineitems_url(course_id)}/{lineitem_id}/lineitem"

    def lineitem_url(self, lineitem_id, course_id=people.COURSE_ID):
        """A line item's id as the tool sees it: with a query string, like Moodle's."""
        return self.lineitem_path(lineitem_id, course_id) + "?type_id=1"

    def memberships_url(self, course_id=people.COURSE_ID):
        """The NRPS context membership container of a course."""
        return f"{self.lms_url}/lti/nrps/{course_id}/memberships"

    def message_hint(self, kind, value):
        """A signed lti_message_hint naming a resource link ('rl') or a deep linking flow ('dl'), one per launch."""
        return self._hints.dumps({"t": kind, "v": value, "n": secrets.token_urlsafe(12)})

    def read_message_hint(self, hint):
        """(kind, value) from a hint we issued, or (None, None); with single-use hints, only the first time."""
        try:
            data = self._hints.loads(hint or "")
        except BadSignature:
            return None, None
        if not isinstance(data, dict) or data.get("t") not in ("rl", "dl") or not isinstance(data.get("v"), str):
            return None, None
        if self.single_use_hints and not self.store.use_jti(f"hint:{data.get('n')}", time.time() + HINT_SECONDS):
            self.store.count("spent_hints_refused")
            return None, None
        self.store.count("hints_used")
        return data["t"], data["v"]

    def like_moodle(self):
        """Be as strict as Moodle: single-use login hints and no platform storage."""
        self.single_use_hints, self.platform_storage = True, False


def lms_state():
    """The DemoState of the current app."""
    return current_app.extensions["demo_lms"]


def current_user():
    """The person the LMS session is signed in as (the facilitator until someone switches)."""
    return people.person(session.get("user_id")) or people.person(people.DEFAULT_USER)


def current_course():
    """The course the LMS session is in: the one last opened, if the signed-in person follows it, else their
    first course."""
    chosen, user = people.course(session.get("course_id")), current_user()
    if chosen is not None and chosen.has(user):
        return chosen
    return (people.courses_of(user) or [people.DEFAULT_COURSE])[0]


def require_facilitator():
    """The current user, if they teach the current course; 403 otherwise."""
    user = current_user()
    if not user.is_instructor or not current_course().has(user):
        abort(403, description="Only the facilitator can do this. Switch to the facilitator at the top of the page.")
    return user
