"""The course side of TestPlatform: links and line items made directly, scores and counters read back."""
from demo_lms import people


class CourseHelpers:
    """Mixed into TestPlatform (which provides `store`, `state`, `lms` and `tool_url`)."""

    def add_link(self, title="Leernetwerk activity", custom=None, with_lineitem=True, score_maximum=1.0, url=None,
                 course_id=people.COURSE_ID):
        """Create a resource link directly in a course of the LMS (an admin adding an LTI link); returns its id."""
        link = self.store.add_link(title, url or f"{self.tool_url}/lti/launch", custom=custom, course_id=course_id)
        if with_lineitem:
            self.store.add_lineitem(title, score_maximum, resource_link_id=link["id"], course_id=course_id)
        return link["id"]

    def default_link(self):
        """A graded link made on first use, for launches that name none."""
        if self._default_link is None:
            self._default_link = self.add_link()
        return self._default_link

    def links(self):
        """The course's resource links."""
        return self.store.links()

    def lineitems(self):
        """The gradebook's line items."""
        return self.store.lineitems()

    def lineitem_for(self, link_id):
        """The line item bound to a link, or None."""
        return self.store.lineitem_for_link(link_id)

    def lineitem_url(self, lineitem_id, course_id=people.COURSE_ID):
        """A line item's AGS URL (with its `?type_id=1` query)."""
        return self.state.lineitem_url(lineitem_id, course_id)

    def scores(self, link_id=None, user_key=None):
        """Recorded scores (newest per learner), optionally for one link's line item and/or one user."""
        lineitem_id = None
        if link_id is not None:
            lineitem = self.lineitem_for(link_id)
            if lineitem is None:
                return []
            lineitem_id = lineitem["id"]
        return self.store.scores(lineitem_id=lineitem_id, user_id=user_key)

    def stats(self):
        """The LMS's counters (as GET /lti/stats shows them)."""
        return self.lms.test_client().get("/lti/stats").get_json()

    def token_count(self):
        """How many access tokens the LMS has issued."""
        return self.stats()["tokens_issued"]
