"""Hinders and drivers (remmers en motoren): reflect on sharing knowledge and on trust; a group board."""
from flask import Blueprint
from flask_babel import lazy_gettext as _l

from activities.base import Activity, user_id_of
from activities.reflection import models  # noqa: F401  (the tables must be known to the metadata)
from activities.reflection import answers, progress
from activities.reflection import export as exporting
from activities.reflection import settings as reflection_settings
from activities.reflection.forms import ReflectionSettingsForm
from activities.reflection.guide import GUIDE
from lti_tool.i18n import current_language

bp = Blueprint("reflection", __name__, url_prefix="/reflection")


class ReflectionActivity(Activity):
    """Learners recall two situations, name hinders and drivers, score trust; the group sees a board."""

    id = "reflection"
    stylesheet = "css/reflection.css"
    title = _l("Hinders and drivers")
    description = _l("Learners recall a time sharing knowledge went easily and a time it did not, name what "
                     "hindered and what helped, and score the trust they give and receive. The group then sees "
                     "its hinders, drivers and trust on an anonymous board.")
    settings_form = ReflectionSettingsForm
    blueprint = bp
    body_class = "reflection"
    present = "activities.reflection.present"
    present_actions = ("toggle_reveal",)
    guide = GUIDE

    @classmethod
    def default_settings(cls):
        """Every part on, the seeds' stakeholder groups and tags, own tags allowed, the site's group size."""
        return reflection_settings.default_settings()

    @classmethod
    def settings_from_form(cls, form):
        """Settings JSON from a validated ReflectionSettingsForm."""
        language = current_language()
        groups = form.parsed_groups
        if groups is None:  # validate() was not called with this form; parse now
            groups, _errors = reflection_settings.parse_lines(
                form.stakeholder_groups.data, language, reflection_settings.DEFAULT_GROUPS,
                reflection_settings.MAX_GROUPS, reflection_settings.MAX_GROUP_LENGTH, "")
        tags = form.parsed_tags
        if tags is None:
            tags, _errors = reflection_settings.parse_lines(
                form.tags.data, language, reflection_settings.DEFAULT_TAGS, reflection_settings.MAX_TAGS,
                reflection_settings.MAX_TAG_LENGTH, "")
        return {
            "parts": [p for p in reflection_settings.PARTS if p in (form.parts.data or ())],
            "stakeholder_groups": groups,
            "tags": tags,
            "own_tags": bool(form.own_tags.data),
            "min_group_size": int(form.min_group_size.data),
        }

    @classmethod
    def settings_change_warnings(cls, instance, old, new):
        """What the change would do to answers already given."""
        from activities.reflection.settings_changes import warnings

        return warnings(instance, old, new, current_language())

    @classmethod
    def form_data(cls, settings):
        """Form data for editing: groups and tags one per line in the designer's language."""
        config = reflection_settings.load(settings)
        language = current_language()
        return {
            "parts": list(config.parts),
            "stakeholder_groups": reflection_settings.as_text(config.groups, language),
            "tags": reflection_settings.as_text(config.tags, language),
            "own_tags": config.own_tags,
            "min_group_size": config.min_group_size,
        }

    @classmethod
    def participation(cls, instance, user):
        """Parts answered out of the parts that are on."""
        return progress.participation(instance, user_id_of(user), reflection_settings.load(instance.settings))

    @classmethod
    def export(cls, instance, language=None):
        """One row per answer, private ones included, with pseudonymous participant codes."""
        return exporting.answer_rows(instance, reflection_settings.load(instance.settings), language or "nl")

    @classmethod
    def erase(cls, instance, user):
        """Delete this learner's answers in this placement."""
        return answers.erase(instance, user_id_of(user))

    @classmethod
    def data_owners(cls, instance):
        """Learners with at least one answer here."""
        return answers.data_owners(instance)

    @classmethod
    def participant_details(cls, instance, user_ids):
        """Status and parts answered."""
        return progress.details(instance, user_ids)

    @classmethod
    def erase_preview(cls, instance, user_id):
        """Whether erasing would remove answers."""
        return answers.erase_preview(instance, user_id)


from activities.reflection import manage, views  # noqa: E402,F401  (registers the routes on bp)
