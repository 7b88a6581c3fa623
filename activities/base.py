"""The activity contract: what every activity package provides to the tool core."""
from typing import ClassVar

from flask import Blueprint
from flask_babel import lazy_gettext as _l
from wtforms import Form

from lti_tool import participant_views
from lti_tool.participants import ErasePreview


def user_id_of(user):
    """A user id from a User row or an id (the contract's methods accept either)."""
    return user if isinstance(user, int) else user.id


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
    settings_form: ClassVar[type[Form]]
    blueprint: ClassVar[Blueprint]
    score_maximum: ClassVar[float] = 1.0

    # Every activity must also define these classmethods; the registry refuses a class without them:
    #   settings_from_form(form) -> dict       the JSON settings stored on the instance
    #   participation(instance, user) -> Participation
    #   export(instance) -> list[dict]         rows for the facilitator's CSV/JSON export
    #   erase(instance, user)                  delete everything the placement holds about one user
    #   data_owners(instance) -> set[int]      ids of the users the placement holds data about
    # Optional: settings_change_warnings(instance, old, new) -> list[str], what a settings change would do to
    # answers already given (re-mapped, hidden); the core asks the facilitator to confirm before saving.
    # Optional: settings_change_refusals(instance, old, new) -> dict[field, message], changes that would break
    # a promise made to learners (anonymity); the core refuses them as field errors.
    REQUIRED = ("settings_from_form", "participation", "export", "erase", "data_owners")

    def __init_subclass__(cls, **kwargs):
        """Mount the core's shared per-learner routes (erase, participants) on the activity's blueprint."""
        super().__init_subclass__(**kwargs)
        blueprint = cls.__dict__.get("blueprint")
        if blueprint is not None:
            participant_views.mount(blueprint)

    @classmethod
    def default_settings(cls):
        """Settings a new placement starts with."""
        return {}

    @classmethod
    def form_data(cls, settings):
        """Turn stored settings into data for the settings form (for editing)."""
        return dict(settings)

    @classmethod
    def entry_endpoint(cls):
        """The endpoint a launch lands on."""
        return f"{cls.blueprint.name}.index"

    @classmethod
    def participants_endpoint(cls):
        """The facilitator's page that lists the learners (the erase page returns there)."""
        return cls.entry_endpoint()

    @classmethod
    def erase_preview(cls, instance, user_id):
        """What erasing this learner would remove, for the confirm page."""
        return ErasePreview(lines=(_l("Everything this learner gave in this activity."),))
