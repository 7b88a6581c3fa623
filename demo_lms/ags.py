"""AGS on lti1p3platform's AssignmentsGradesService: line items, scores (checked) and results."""
from lti1p3platform.exceptions import LineItemNotFoundException, LtiServiceException
from lti1p3platform.response import Response
from lti1p3platform.service_connector import AssignmentsGradesService, authenticate
from lti1p3platform.score import UpdateScoreStatus

from demo_lms import people
from demo_lms.score_rules import check_score, finite_number

SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/"
FIELDS = (("label", "label"), ("scoreMaximum", "score_maximum"), ("resourceId", "resource_id"), ("tag", "tag"),
          ("resourceLinkId", "resource_link_id"), ("startDateTime", "start_date_time"),
          ("endDateTime", "end_date_time"))


class DemoAGS(AssignmentsGradesService):
    """The course's gradebook as an AGS service; `scopes` are the ones this call requires (any of)."""

    def __init__(self, request, state, scopes, course, lineitem_id=None):
        self.state, self.store, self.course = state, state.store, course
        self.scopes = list(scopes)
        # Sub-resources (results paging) hang off the path, so the query string stays out here.
        super().__init__(request, state.platform_config(), state.lineitems_url(course.id),
                         state.lineitem_path(lineitem_id, course.id) if lineitem_id is not None else None)

    @property
    def allowed_scopes(self):
        """The scopes this call accepts (the library's authenticate() checks any of them)."""
        return self.scopes

    def refusal(self):
        """The library's bearer token check on its own: an error Response, or None when authorised."""
        check = authenticate()(lambda service: Response(result=None, code=200, message="ok"))
        response = self.handle_resp(lambda: check(self))
        return response if response.code != 200 else None

    def to_json(self, row):
        """The AGS line item document for a stored line item."""
        document = {"id": self.state.lineitem_url(row["id"], self.course.id)}
        for json_name, column in FIELDS:
            if row[column] not in (None, ""):
                document[json_name] = row[column]
        return document

    def _row(self, line_item_id):
        row = self.store.lineitem(line_item_id)
        if row is None or row["course_id"] != self.course.id:  # another course's column is not here
            raise LineItemNotFoundException("Line item not found")
        return row

    def find_lineitems(self, page=1, limit=None, line_item_id=None, resource_link_id=None, resource_id=None,
                       tag=None):
        """The course's line items as AGS documents, filtered and paged."""
        rows = self.store.lineitems(resource_link_id=resource_link_id, resource_id=resource_id, tag=tag,
                                    course_id=self.course.id)
        return _page([self.to_json(row) for row in rows], page, limit)

    def find_lineitem(self, line_item_id):
        """One line item document, or LineItemNotFoundException."""
        return self.to_json(self._row(line_item_id))

    def create_lineitem(self, creation_data):
        """Add a line item from a checked AGS document."""
        fields = self._fields(creation_data, require=True)
        return self.to_json(self.store.add_lineitem(course_id=self.course.id, **fields))

    def update_lineitem(self, update_data):
        """Replace a line item's fields from a checked AGS document."""
        line_item_id = update_data["id"]
        self._row(line_item_id)
        return self.to_json(self.store.update_lineitem(line_item_id, **self._fields(update_data, require=True)))

    def delete_lineitem(self, line_item_id):
        """Remove a line item and its scores."""
        self._row(line_item_id)
        self.store.delete_lineitem(line_item_id)

    def update_score(self, line_item_id, score):
        """Check and store a score; a timestamp not later in whole seconds is a 409, as in Moodle."""
        self._row(line_item_id)
        self.store.count("scores_received")
        try:
            checked = check_score(score, lambda user_id: self.course.has(people.person(user_id)))
        except LtiServiceException:
            self.store.count("scores_rejected")
            raise
        outcome = self.store.put_score(line_item_id, checked["user_id"], checked)
        if outcome == "older":
            self.store.count("scores_older")
            raise LtiServiceException(f"Refusing score with an earlier timestamp for item {line_item_id} "
                                      f"and user {checked['user_id']}", 409)
        return UpdateScoreStatus.CREATED if outcome == "created" else UpdateScoreStatus.SUCCESS

    def get_results(self, line_item_id, page=1, limit=None, user_id=None):
        """The line item's results, scaled to its scoreMaximum, filtered and paged."""
        row = self._row(line_item_id)
        results = []
        for score in self.store.scores(lineitem_id=line_item_id, user_id=user_id):
            result = {"id": f"{self.state.lineitem_path(line_item_id, self.course.id)}/results/{score['user_id']}",
                      "scoreOf": self.state.lineitem_url(line_item_id, self.course.id), "userId": score["user_id"],
                      "resultMaximum": row["score_maximum"]}
            if score["score_given"] is not None and score["score_maximum"]:
                result["resultScore"] = score["score_given"] / score["score_maximum"] * row["score_maximum"]
            if score["comment"]:
                result["comment"] = score["comment"]
            results.append(result)
        return _page(results, page, limit)

    def _fields(self, data, require):
        if not isinstance(data, dict):
            raise LtiServiceException("The line item must be a JSON object.", 400)
        label, maximum = data.get("label"), data.get("scoreMaximum")
        if require and (not isinstance(label, str) or not label.strip()):
            raise LtiServiceException("A line item needs a label.", 400)
        if not finite_number(maximum) or maximum <= 0:
            raise LtiServiceException("A line item needs a scoreMaximum above 0.", 400)
        fields = {"label": label.strip()[:255], "score_maximum": float(maximum)}
        for json_name, column in FIELDS[2:]:
            value = data.get(json_name)
            if value is not None and not isinstance(value, str):
                raise LtiServiceException(f"{json_name} must be a string.", 400)
            fields[column] = value
        link_id = fields["resource_link_id"]
        if link_id is not None and (self.store.link(link_id) or {}).get("course_id") != self.course.id:
            raise LtiServiceException("resourceLinkId is not a resource link of this course.", 400)
        fields["resource_id"] = fields["resource_id"] or ""
        fields["tag"] = fields["tag"] or ""
        return fields


def _page(items, page, limit):
    """A lti1p3platform TPage of `items` (1-based pages)."""
    if not limit:
        return {"content": items, "has_next": False}
    start = (page - 1) * limit
    return {"content": items[start:start + limit], "has_next": start + limit < len(items)}
