"""The activity contract: what every activity package provides to the tool core."""
from importlib import import_module
from typing import ClassVar

from flask import Blueprint
from flask_babel import lazy_gettext as _l
from wtforms import Form

from lti_tool import participant_views
from lti_tool.participant_codes import participant_code
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
    # The activity's own stylesheet under static/, which the core's pages for it load too.
    stylesheet: ClassVar[str | None] = None

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
    # Optional: a present view (the wall in the room, lti_tool/present_views.py): `present` names the module
    # whose `present_values(instance)` gives the values of `activities/<id>/present.html` and its live part
    # `_present_live.html` (never a name), and whose `present_control(instance, action)` applies one of
    # `present_actions` from the wall. It is imported on first use, so the wall costs nothing until opened.
    present: ClassVar[str | None] = None
    body_class: ClassVar[str | None] = None  # the class its pages' CSS hangs on, given to the wall's page too
    present_actions: ClassVar[tuple] = ()
    # Whether a placement gets a gradebook column and sends scores, and has learners whose data it holds (a
    # view for admins has neither: no gradebook column, no participants page, nothing to erase per learner).
    graded: ClassVar[bool] = True
    REQUIRED = ("settings_from_form", "participation", "export", "erase", "data_owners")

    def __init_subclass__(cls, **kwargs):
        """Mount the core's shared per-learner routes (erase, participants) on the activity's blueprint."""
        super().__init_subclass__(**kwargs)
        blueprint = cls.__dict__.get("blueprint")
        if blueprint is not None and cls.graded:
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
    def offered_to(cls, launch):
        """Whether the activity picker offers this activity to the person adding content (by default, yes)."""
        return True

    @classmethod
    def entry_endpoint(cls):
        """The endpoint a launch lands on."""
        return f"{cls.blueprint.name}.index"

    @classmethod
    def participants_endpoint(cls):
        """The facilitator's page that lists the learners (the erase page returns there)."""
        return cls.entry_endpoint()

    @classmethod
    def participant_details(cls, instance, user_ids):
        """{user id: this activity's figures for the participants table}; by default the participation."""
        return {uid: cls.participation(instance, uid) for uid in user_ids}

    @classmethod
    def participant_cells(cls):
        """The template with the macros `headings()` and `cells(row)` of this activity's own columns."""
        return f"activities/{cls.id}/_participant_cells.html"

    @classmethod
    def participants_page_values(cls, instance):
        """Extra values the activity's participants template needs."""
        return {}

    @classmethod
    def participants_template(cls):
        """The participants page (an activity may extend the core's to add its navigation)."""
        return "lti/participants.html"

    @classmethod
    def export_person(cls, instance, user):
        """(rows, columns): what the placement holds about one learner, for their request to see it.

        By default the activity's pseudonymous export, narrowed to the learner's participant code.
        """
        code = participant_code(instance.context_id, user.sub)
        rows = [row for row in cls.export(instance) if row.get("participant") == code]
        columns = tuple(dict.fromkeys(key for row in rows for key in row)) or ("participant",)
        return rows, columns

    @classmethod
    def has_present_view(cls):
        """Whether the activity declares a present view (a `present` module)."""
        return cls.present is not None

    @classmethod
    def present_values(cls, instance):
        """Values for the activity's present view; None: the activity has none."""
        return import_module(cls.present).present_values(instance) if cls.present else None

    @classmethod
    def present_control(cls, instance, action):
        """Apply a facilitator's shortcut from the present view; returns whether anything changed."""
        control = getattr(import_module(cls.present), "present_control", None) if cls.present else None
        return bool(control and control(instance, action))

    @classmethod
    def erase_preview(cls, instance, user_id):
        """What erasing this learner would remove, for the confirm page."""
        return ErasePreview(lines=(_l("Everything this learner gave in this activity."),))
