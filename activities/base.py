"""The activity contract: what every activity package provides to the tool core."""
from typing import ClassVar

from flask import Blueprint
from flask_wtf import FlaskForm

from lti_tool.participation import Participation


class Activity:
    """Base class of an activity type.

    An activity declares its id, translated title and description, a WTForms settings form with
    defaults, and a blueprint whose `index` view takes `iid` (the ActivityInstance id) and serves
    learners and facilitators. The core sends `participation(...)` to the gradebook, and calls
    `export` and `erase` for facilitators' privacy tools.
    """

    id: ClassVar[str]
    title: ClassVar[object]
    description: ClassVar[object]
    settings_form: ClassVar[type[FlaskForm]]
    blueprint: ClassVar[Blueprint]
    score_maximum: ClassVar[float] = 1.0

    @classmethod
    def default_settings(cls):
        """Settings a new placement starts with."""
        return {}

    @classmethod
    def settings_from_form(cls, form):
        """Turn a validated settings form into the JSON settings stored on the instance."""
        raise NotImplementedError

    @classmethod
    def form_data(cls, settings):
        """Turn stored settings into data for the settings form (for editing)."""
        return dict(settings)

    @classmethod
    def participation(cls, instance, user) -> Participation:
        """How far this user has completed this placement."""
        raise NotImplementedError

    @classmethod
    def export(cls, instance):
        """Rows (dicts) of this placement's data, for CSV or JSON export by the facilitator."""
        raise NotImplementedError

    @classmethod
    def erase(cls, instance, user):
        """Delete everything this placement holds about one user."""
        raise NotImplementedError

    @classmethod
    def entry_endpoint(cls):
        """The endpoint a launch lands on."""
        return f"{cls.blueprint.name}.index"
