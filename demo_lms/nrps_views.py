"""NRPS: the course's membership container, on lti1p3platform's NamesRoleProvisioningService."""
from flask import Blueprint, abort, request
from lti1p3platform.membership import Context, Status
from lti1p3platform.service_connector import NamesRoleProvisioningService

from demo_lms import people
from demo_lms.flask_adapter import FlaskRequest, query_params, wrap_json_response
from demo_lms.state import lms_state

bp = Blueprint("nrps", __name__)


class DemoNRPS(NamesRoleProvisioningService):
    """The demo course's members, paged with `limit`/`page` (next page in a `Link: <…>; rel=next` header)."""

    def __init__(self, request, state, course):
        self.state, self.course = state, course
        super().__init__(request, state.platform_config(), state.memberships_url(course.id))

    def get_context_by_id(self):
        """The course asked for."""
        return Context(id=self.course.id, label=self.course.label, title=self.course.title)

    def is_resource_link_valid(self, context_id, resource_link_id):
        """Whether the link exists in the course."""
        link = self.state.store.link(resource_link_id)
        return context_id == self.course.id and link is not None and link["course_id"] == self.course.id

    def get_member_data_page(self, page=1, limit=None, role=None, since=None, rlid=None):
        """One page of members, optionally only those with a role."""
        members = [_member(person) for person in self.course.members if _has_role(person, role)]
        if not limit:
            return {"content": members, "has_next": False}
        start = (page - 1) * limit
        return {"content": members[start:start + limit], "has_next": start + limit < len(members)}


def _has_role(person, role):
    if not role:
        return True
    return any(role in (uri, uri.split("#")[-1]) for uri in person.roles)


def _member(person):
    return {"user_id": person.id, "status": Status.ACTIVE.value, "roles": person.roles, "name": person.name,
            "given_name": person.given_name, "family_name": person.family_name, "email": person.email}


@bp.get("/lti/nrps/<context_id>/memberships")
def memberships(context_id):
    """Context membership (filter: role, rlid; paging: limit, page)."""
    course = people.course(context_id)
    if course is None:
        abort(404, description="No such course.")
    params = query_params(("role", "rlid", "limit", "page"))
    service = DemoNRPS(FlaskRequest(request, get_data=params), lms_state(), course)
    return wrap_json_response(service.handle_resp(service.handle_get_members))
