"""The course designer's settings form."""
from lti_tool.i18n import current_language
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectMultipleField, StringField, TextAreaField, ValidationError, widgets
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length

from activities.reflection.content import DEFAULT_GROUPS, DEFAULT_TAGS, PART_TITLES, PARTS
from activities.common.form_fields import min_group_size_field
from activities.common.settings_lists import MIN_GROUP_FLOOR
from activities.reflection.settings import MAX_GROUP_LENGTH, MAX_GROUPS, MAX_TAG_LENGTH, MAX_TAGS, parse_lines
from lti_tool.forms import LaunchForm


MAX_THEME_LABEL, MAX_THEME_KEY = 80, 60


def squash_spaces(value):
    """White space runs (line breaks too) as single spaces, trimmed: a theme name is one line."""
    return " ".join(value.split()) if isinstance(value, str) else value


class CheckboxesField(SelectMultipleField):
    """Several choices as checkboxes (a real <fieldset> of <input type=checkbox>)."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class ReflectionSettingsForm(LaunchForm):
    """The course designer's choices for one placement."""

    parts = CheckboxesField(
        _l("Parts learners answer"), choices=[SelectChoice(p, PART_TITLES[p]) for p in PARTS],
        description=_l("Participation counts the parts that are on: all answered is Completed."))
    stakeholder_groups = TextAreaField(
        _l("Stakeholder groups"),
        description=_l("One group per line, at most %(count)d. Learners score the trust they give and receive "
                       "per group, and say with whom a situation happened.", count=MAX_GROUPS),
        validators=[Length(max=(MAX_GROUP_LENGTH + 2) * MAX_GROUPS * 2)])
    tags = TextAreaField(
        _l("Tags for hinders and drivers"),
        description=_l("One tag per line, at most %(count)d. The group board groups hinders and drivers by tag.",
                       count=MAX_TAGS),
        validators=[Length(max=(MAX_TAG_LENGTH + 2) * MAX_TAGS * 2)])
    own_tags = BooleanField(_l("Learners may add their own tags"))
    min_group_size = min_group_size_field(
        _l("Minimum group size for the board"),
        _l("The group board stays empty until at least this many learners have answered, so no "
           "one can be singled out. At least %(min)d.", min=MIN_GROUP_FLOOR))

    parsed_groups = None
    parsed_tags = None

    def validate_parts(self, field):
        """At least one known part."""
        chosen = [p for p in field.data or () if p in PARTS]
        if not chosen:
            raise ValidationError(_l("Switch on at least one part."))

    def validate_stakeholder_groups(self, field):
        """Parse the lines; every problem is listed so the designer can fix them at once."""
        self.parsed_groups = _parsed(field, DEFAULT_GROUPS, MAX_GROUPS, MAX_GROUP_LENGTH,
                                     _l("Write at least one stakeholder group."))

    def validate_tags(self, field):
        """Parse the lines; every problem is listed so the designer can fix them at once."""
        self.parsed_tags = _parsed(field, DEFAULT_TAGS, MAX_TAGS, MAX_TAG_LENGTH, _l("Write at least one tag."))


def _parsed(field, defaults, limit, max_length, empty_message):
    entries, errors = parse_lines(field.data, current_language(), defaults, limit, max_length, empty_message)
    if errors:
        field.errors.extend(errors[:-1])
        raise ValidationError(errors[-1])
    return entries


class ThemeEditForm(LaunchForm):
    """The facilitator's theme edit: which themes, and the (optional) new name."""

    theme = SelectMultipleField(validate_choice=False)
    label = StringField(_l("Name of the theme"), filters=[squash_spaces], validators=[Length(
        max=MAX_THEME_LABEL, message=_l("Keep the theme name under %(max)d characters.", max=MAX_THEME_LABEL))])

    def keys(self):
        """The chosen theme keys that can name a theme at all."""
        return [key for key in self.theme.data or () if key and len(key) <= MAX_THEME_KEY]
