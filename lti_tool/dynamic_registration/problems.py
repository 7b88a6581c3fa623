"""Why a Dynamic Registration stopped, in words for the LMS administrator (Dutch and English)."""
import re

from flask_babel import lazy_gettext as _l

# Bearer values and JWTs, as lti_tool.service_http redacts them in platform messages.
_SECRET_LOOKING = re.compile(r"(?i)bearer\s+\S+|eyJ[\w-]+\.[\w-]+\.[\w-]*")

_TEXTS = {
    "bad_request": (400, _l("This registration link was opened without the LMS's details"),
                    _l("Open the registration link from your LMS's tool registration page (LTI Advantage or "
                       "Dynamic Registration), not directly in the browser.")),
    "bad_configuration": (400, _l("Your LMS's configuration could not be used"),
                          _l("Leernetwerk read your LMS's registration details but they are incomplete or "
                             "not trustworthy. Nothing was registered; your invitation can still be used.")),
    "lms_refused": (502, _l("Your LMS did not accept the registration"),
                    _l("Leernetwerk sent its registration, but your LMS answered with an error. Nothing was "
                       "registered; your invitation can still be used once the problem is solved.")),
    "lms_unreachable": (502, _l("Your LMS could not be reached"),
                        _l("Leernetwerk could not fetch your LMS's registration details or send its "
                           "registration. Nothing was registered; try again in a moment.")),
    "already_registered": (409, _l("Leernetwerk is already registered with this client id"),
                           _l("The LMS gave a client id that is already registered. Nothing was changed.")),
}


class RegistrationProblem(Exception):
    """A registration that cannot go on: a kind from the table above and the technical detail."""

    def __init__(self, kind, detail, secrets=()):
        detail = redact(str(detail), secrets)
        super().__init__(detail)
        self.kind = kind
        self.status, self.title, self.message = _TEXTS[kind]
        self.detail = detail


def redact(text, secrets=()):
    """`text` without bearer tokens, JWTs or any of the given secret strings, on one line, at most 400 chars."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "[redacted]")
    return _SECRET_LOOKING.sub("[redacted]", " ".join(text.split()))[:400]
