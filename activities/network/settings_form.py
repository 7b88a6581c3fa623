"""The course designer's settings form for a network drawing placement."""
from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, RadioField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange

from activities.network import settings as network_settings
from activities.network.forms import LaunchForm, options
from activities.common.form_fields import min_group_size_field
from activities.common.settings_lists import MIN_GROUP_FLOOR
from activities.network.settings import MAX_CONTACTS
from lti_tool.i18n import current_language


def _list_field(label, description):
    return TextAreaField(label, description=description, validators=[Length(max=5000)])


class NetworkSettingsForm(LaunchForm):
    """Moments, relation types, rings, places, completion and privacy choices."""

    moments = _list_field(_l("Moments"), _l(
        "One moment per line (1 to 6), in order, for example the start and the end of the programme. "
        "At each later moment participants start from a copy of their earlier drawing."))
    relations = _list_field(_l("Relation types"), _l(
        "One per line (1 to 8). The four suggested relations keep their meaning: “asked” and “gave” "
        "are directions towards the person who holds the knowledge. Relations you add are drawn as plain lines."))
    rings = _list_field(_l("Closeness rings"), _l(
        "One label per line, from the closest ring outwards (2 to 5 rings). The closest ring counts as a "
        "strong tie, the others as weak ties."))
    locations = _list_field(_l("Where contacts are"), _l("One place per line (1 to 12)."))
    min_contacts = IntegerField(
        _l("Contacts needed for completion"),
        description=_l("How many contacts with a relation and a ring complete the drawing part."),
        validators=[InputRequired(message=_l("Enter a number.")),
                    NumberRange(min=1, max=MAX_CONTACTS, message=_l(
                        "Enter a number from %(min)d to %(max)d.", min=1, max=MAX_CONTACTS))])
    questions = RadioField(_l("The three questions per contact"), choices=options([
        ("optional", _l("Optional: participants answer them where useful")),
        ("required", _l("Required for every contact that counts towards completion")),
    ]))
    matching = RadioField(_l("Needs and offers"), choices=options([
        ("on", _l("Show participants who in the course offers what they need (only people who agree)")),
        ("off", _l("Do not suggest people to each other")),
    ]))
    organisation = RadioField(_l("Organisation view"), choices=options([
        ("off", _l("Keep this course's network inside the course")),
        ("on", _l("Include this course in the organisation's view of who knows what (people as codes; "
                  "every participant is told and can opt out)")),
    ]))
    min_group_size = min_group_size_field(
        _l("Minimum group size"),
        _l("Course-wide figures stay hidden from participants until at least this many have drawn "
           "their network. At least %(min)d.", min=MIN_GROUP_FLOOR))

    parsed = None

    def validate(self, extra_validators=None):
        """Field checks, then every list parsed; each problem is listed so the designer fixes them at once."""
        valid = super().validate(extra_validators)
        self.parsed = {}
        for name in network_settings.LISTS:
            field = self[name]
            items, errors = network_settings.parse_list(name, field.data, current_language())
            if errors:
                field.errors = list(field.errors) + errors
                valid = False
            self.parsed[name] = items
        if self.questions.data not in ("optional", "required"):
            self.questions.errors = list(self.questions.errors) + [_l("Choose one of the options.")]
            valid = False
        for field in (self.matching, self.organisation):
            if field.data not in ("on", "off"):
                field.errors = list(field.errors) + [_l("Choose one of the options.")]
                valid = False
        return valid


def settings_from_form(form):
    """Settings JSON from a validated form."""
    parsed = form.parsed
    if parsed is None:
        parsed = {name: network_settings.parse_list(name, form[name].data, current_language())[0]
                  for name in network_settings.LISTS}
    return {
        **parsed,
        "min_contacts": int(form.min_contacts.data),
        "questions_required": form.questions.data == "required",
        "matching": form.matching.data != "off",
        "min_group_size": int(form.min_group_size.data),
        "organisation_view": form.organisation.data == "on",
    }


def form_data(settings):
    """Stored settings as form data, the lists in the designer's language."""
    config = network_settings.load(settings)
    language = current_language()
    return {
        "moments": network_settings.as_text(config.moments, language),
        "relations": network_settings.as_text(config.relations, language),
        "rings": network_settings.as_text(config.rings, language),
        "locations": network_settings.as_text(config.locations, language),
        "min_contacts": config.min_contacts,
        "questions": "required" if config.questions_required else "optional",
        "matching": "on" if config.matching else "off",
        "min_group_size": config.min_group_size,
        "organisation": "on" if config.organisation_view else "off",
    }
