"""The validated launch as activities see it: a small frozen object, never JWT claims."""
from dataclasses import asdict, dataclass, field

LEARNER, INSTRUCTOR, ADMIN = "learner", "instructor", "admin"
RESOURCE_LINK, DEEP_LINKING = "resource_link", "deep_linking"


@dataclass(frozen=True)
class Launch:
    """Who launched what, where, in which language, with which LTI services available.

    `session_id` names the server-side launch session; `activity_instance_id` is None for a
    deep-linking launch. AGS and NRPS fields are None when the platform did not offer them.
    """

    session_id: str
    message: str
    platform_id: int
    deployment_id: str
    user_id: int
    user_name: str
    role: str
    context_id: int
    context_title: str
    activity_instance_id: int | None
    resource_link_id: str | None
    locale: str
    lineitem_url: str | None = None
    lineitems_url: str | None = None
    ags_scopes: tuple = field(default_factory=tuple)
    nrps_url: str | None = None
    return_url: str | None = None
    deep_link_return_url: str | None = None
    deep_link_data: str | None = None

    @property
    def is_instructor(self):
        """Course designers, facilitators and administrators may configure and see results."""
        return self.role in (INSTRUCTOR, ADMIN)

    @property
    def is_learner(self):
        """A participant without facilitator rights."""
        return self.role == LEARNER

    def to_json(self):
        """A JSON-safe dict for the launch session row."""
        data = asdict(self)
        data["ags_scopes"] = list(self.ags_scopes)
        return data

    @classmethod
    def from_json(cls, data):
        """Rebuild a Launch stored by `to_json`."""
        data = dict(data)
        data["ags_scopes"] = tuple(data.get("ags_scopes") or ())
        return cls(**data)


_ROLE_PREFIXES = (
    "http://purl.imsglobal.org/vocab/lis/v2/membership#",
    "http://purl.imsglobal.org/vocab/lis/v2/institution/person#",
    "http://purl.imsglobal.org/vocab/lis/v2/system/person#",
)
_INSTRUCTOR_ROLES = {"Instructor", "ContentDeveloper", "TeachingAssistant", "Mentor"}
_ADMIN_ROLES = {"Administrator", "SysAdmin"}


def role_from_claims(roles):
    """Map LIS role URIs (full or short) to learner, instructor or admin."""
    short = set()
    for role in roles or ():
        if not isinstance(role, str):
            continue
        name = role
        for prefix in _ROLE_PREFIXES:
            if role.startswith(prefix):
                name = role[len(prefix):]
        short.add(name.split("#")[-1])
    if short & _ADMIN_ROLES:
        return ADMIN
    if short & _INSTRUCTOR_ROLES:
        return INSTRUCTOR
    return LEARNER
