"""URL converters: ids in paths are bounded, so a hostile id is a 404 before any query runs."""
from werkzeug.routing import IntegerConverter

from lti_tool.input_policy import INT_MAX, INT_MIN


class IdConverter(IntegerConverter):
    """A database id: 1 to 2^31-1 (PostgreSQL INTEGER); anything else matches no route."""

    # At most ten digits: int() of thousands of digits is slow, and refused above 4300 anyway.
    regex = r"\d{1,10}"

    def __init__(self, url_map):
        super().__init__(url_map, min=INT_MIN, max=INT_MAX)


def register(app):
    """Make `<id:name>` available to every blueprint (before their routes are added)."""
    app.url_map.converters["id"] = IdConverter
