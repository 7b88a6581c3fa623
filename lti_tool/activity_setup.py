"""Choosing an activity type and its settings: shared by deep linking and in-place setup."""
from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from activities import all_activities, get_activity


def placement_form_class(activity):
    """The activity's settings form with the placement's title added in front."""

    class PlacementForm(activity.settings_form):
        title = StringField(_l("Title in the course"), validators=[DataRequired(), Length(max=200)])

    PlacementForm.__name__ = f"{activity.__name__}PlacementForm"
    return PlacementForm


def build_form(activity, instance=None, formdata=None):
    """A placement form filled from the request, the instance's settings, or the defaults."""
    settings = instance.settings if instance is not None and instance.settings else activity.default_settings()
    data = dict(activity.form_data(settings))
    data["title"] = (instance.title if instance is not None and instance.title else str(activity.title))
    return placement_form_class(activity)(formdata=formdata, data=data)


def apply_form(instance, activity, form):
    """Store a validated placement form on an instance (the caller commits)."""
    instance.activity_type = activity.id
    instance.title = form.title.data.strip()
    instance.settings = activity.settings_from_form(form)
    instance.score_maximum = activity.score_maximum


def change_warnings(instance, activity, form):
    """What saving this form would do to answers already given (re-mapped or hidden), in plain words.

    Activities may define `settings_change_warnings(instance, old, new) -> list[str]`; an empty list, or a
    placement nobody answered yet, needs no confirmation."""
    check = getattr(activity, "settings_change_warnings", None)
    if check is None or instance is None or not instance.activity_type or not instance.settings:
        return []
    return list(check(instance, instance.settings, activity.settings_from_form(form)))


def refuse_changes(instance, activity, form):
    """Mark the fields whose change would break a promise made to learners (e.g. anonymity); True if any.

    Activities may define `settings_change_refusals(instance, old, new) -> dict[field name, message]`."""
    check = getattr(activity, "settings_change_refusals", None)
    if check is None or instance is None or not instance.activity_type or not instance.settings:
        return False
    refused = dict(check(instance, instance.settings, activity.settings_from_form(form)))
    for name, message in refused.items():
        form[name].errors = [*form[name].errors, message]
    return bool(refused)


def activity_or_404(type_id):
    """The activity class for a type id that the picker offers to this launch, or a 404."""
    from flask import abort, g

    activity = get_activity(type_id)
    if activity is None or not activity.offered_to(g.launch):
        abort(404)
    return activity


def offered_activities(launch):
    """The activities the picker shows this person (some are for administrators only)."""
    return [activity for activity in all_activities() if activity.offered_to(launch)]
