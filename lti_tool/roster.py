"""NRPS roster: the members of a course as the platform lists them, cached briefly per context."""
import logging
import re
from dataclasses import asdict, dataclass
from urllib.parse import urljoin

from flask import current_app

from lti_tool.extensions import cache, db
from lti_tool.grades.tokens import PlatformRef, service_request
from lti_tool.service_http import ServiceError, error_for
from lti_tool.launch import role_from_claims
from lti_tool.models import Platform

NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"
MEMBERSHIP_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json"
MAX_PAGES = 200
# A failed fetch is remembered briefly too, so pages do not each wait for a timeout.
UNAVAILABLE_SECONDS = 30

log = logging.getLogger(__name__)
_LINK = re.compile(r"<([^>]*)>([^<]*)")
_REL = re.compile(r"""(?i);\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,"]+))""")


@dataclass(frozen=True)
class Member:
    """One course member: the platform's user id (`sub`), display name, role and status."""

    user_id: str
    name: str
    role: str
    status: str

    @property
    def sub(self):
        """The platform's user id, as in id_tokens and AGS scores."""
        return self.user_id

    @property
    def is_active(self):
        """Whether the platform lists the member as active in the course."""
        return self.status == "active"


def members(launch):
    """The course's members; [] when the platform offers no NRPS, None when it is unavailable now."""
    if not launch.nrps_url:
        log.warning("no NRPS roster offered for context %s on platform %s", launch.context_id, launch.platform_id)
        return []
    key = f"roster:{launch.platform_id}:{launch.context_id}"
    cached = cache.get(key)
    if cached is not None:
        return None if cached == "unavailable" else [Member(**fields) for fields in cached]
    try:
        found = _fetch(PlatformRef.of(db.session.get(Platform, launch.platform_id)), launch.nrps_url)
    except (ServiceError, ValueError) as exc:
        log.warning("NRPS roster unavailable for context %s: %s", launch.context_id, exc)
        cache.set(key, "unavailable", timeout=UNAVAILABLE_SECONDS)
        return None
    cache.set(key, [asdict(member) for member in found], timeout=current_app.config["ROSTER_CACHE_SECONDS"])
    return found


def next_link(header):
    """The URL with rel="next" in a Link header (rel quoted or not, several links and rels), or None."""
    for url, params in _LINK.findall(header or ""):
        for match in _REL.finditer(params):
            if "next" in (match.group(1) or match.group(2) or "").lower().split():
                return url.strip()
    return None


def _fetch(platform, url):
    found, seen = {}, set()
    while url and url not in seen and len(seen) < MAX_PAGES:
        seen.add(url)
        response = service_request(platform, (NRPS_SCOPE,), "GET", url, headers={"Accept": MEMBERSHIP_TYPE})
        if not 200 <= response.status_code < 300:
            raise error_for(response, "Roster")
        body = response.json()
        for entry in body.get("members", []) if isinstance(body, dict) else ():
            member = _member(entry)
            if member is not None:
                found[member.user_id] = member
        following = next_link(response.headers.get("Link"))
        url = urljoin(url, following) if following else None
    return list(found.values())


def _member(entry):
    if not isinstance(entry, dict) or not isinstance(entry.get("user_id"), str):
        return None
    status = str(entry.get("status") or "Active").lower()
    if status == "deleted":
        return None
    name = entry.get("name") or " ".join(
        part for part in (entry.get("given_name"), entry.get("family_name")) if isinstance(part, str))
    return Member(user_id=entry["user_id"], name=name if isinstance(name, str) else "",
                  role=role_from_claims(entry.get("roles")), status="active" if status == "active" else "inactive")
