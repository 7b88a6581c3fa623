"""WTForms: the designer's settings, the facilitator's meetings, and the participants' evaluations."""
from lti_tool.i18n import current_language
from flask_babel import lazy_gettext as _l
from wtforms import DateField, IntegerField, RadioField, StringField, TextAreaField, ValidationError
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange

from activities.expectations import settings as exp_settings
from activities.expectations.content import ANONYMITY_LABELS, AFTERCARE, FORM_RATINGS, PROGRESS, USEFULNESS, VERDICTS
from activities.expectations.meetings import MAX_TEXT_LENGTH, MAX_TOPIC_LENGTH
from activities.common.settings_lists import MIN_GROUP_CEILING, MIN_GROUP_FLOOR
from activities.expectations.settings import CARD_LENGTH_MAX, CARD_LENGTH_MIN, DOTS_MAX, DOTS_MIN, WEIGHT_MAX
from lti_tool.forms import LaunchForm

CLOSING_TEXT_LENGTH = 1500


def strip(value):
    """Trim surrounding white space from text input."""
    return value.strip() if isinstance(value, str) else value


def _options(pairs):
    return [SelectChoice(value, label) for value, label in pairs]


def _number(label, low, high, description=None):
    return IntegerField(label, description=description, validators=[
        InputRequired(message=_l("Enter a number.")),
        NumberRange(min=low, max=high, message=_l("Enter a number from %(min)d to %(max)d.", min=low, max=high))])


class ExpectationsSettingsForm(LaunchForm):
    """The course designer's choices for one placement."""

    columns = TextAreaField(
        _l("Columns of the start board"),
        description=_l("One column per line, at most %(max)d. Add an explanation after a “|”. Learners spend "
                       "their dots in “What I want to learn”, or else in the first column.",
                       max=exp_settings.MAX_COLUMNS),
        validators=[Length(max=4000)])
    card_length = _number(_l("Longest card (characters)"), CARD_LENGTH_MIN, CARD_LENGTH_MAX,
                          _l("Short cards keep the board readable."))
    dots = _number(_l("Dots per participant"), DOTS_MIN, DOTS_MAX,
                   _l("Each participant spends this many dots on the themes they most want to learn about."))
    anonymity = RadioField(_l("Who sees who wrote a card"), choices=_options(ANONYMITY_LABELS.items()))
    learning_forms = TextAreaField(
        _l("Ways of learning to evaluate at the close"),
        description=_l("One per line. The closing evaluation asks which of these worked and which less."),
        validators=[Length(max=2000)])
    weight_cards = _number(_l("Posted at least one card"), 0, WEIGHT_MAX)
    weight_votes = _number(_l("Placed their dots"), 0, WEIGHT_MAX)
    weight_meetings = _number(_l("Evaluated the meetings held so far"), 0, WEIGHT_MAX)
    weight_closing = _number(_l("Filled in the closing evaluation"), 0, WEIGHT_MAX)
    min_group_size = _number(
        _l("Minimum group size for results"), MIN_GROUP_FLOOR, MIN_GROUP_CEILING,
        _l("Participants see group results (dots, evaluations) only when at least this many took part, "
           "so no one can be singled out. At least %(min)d.", min=MIN_GROUP_FLOOR))

    parsed_columns = parsed_forms = None

    def validate_columns(self, field):
        """Parse the lines; every problem is listed so the designer can fix them at once."""
        columns, errors = exp_settings.parse_columns(field.data, current_language())
        if errors:
            field.errors.extend(errors[:-1])
            raise ValidationError(errors[-1])
        self.parsed_columns = columns

    def validate_learning_forms(self, field):
        """Parse the ways of learning."""
        forms, errors = exp_settings.parse_forms(field.data, current_language())
        if errors:
            raise ValidationError(errors[0])
        self.parsed_forms = forms

    def validate_weight_closing(self, field):
        """At least one criterion must count towards participation."""
        weights = [self.weight_cards.data, self.weight_votes.data, self.weight_meetings.data, field.data]
        if all(isinstance(w, int) for w in weights) and not any(weights):
            raise ValidationError(_l("Give at least one step a weight above 0."))


class MeetingForm(LaunchForm):
    """The facilitator's meeting: a date and a topic."""

    held_on = DateField(_l("Date"), validators=[InputRequired(message=_l("Enter the date of the meeting."))])
    topic = StringField(_l("Topic"), filters=[strip], validators=[
        DataRequired(message=_l("Write the topic of the meeting.")),
        Length(max=MAX_TOPIC_LENGTH, message=_l("Keep the topic under %(max)d characters.", max=MAX_TOPIC_LENGTH))])


def _text(label, limit, description=None):
    return TextAreaField(label, description=description, filters=[strip], validators=[
        Length(max=limit, message=_l("Keep this under %(max)d characters.", max=limit))])


def _choice(label, pairs, message):
    # The choice check doubles as "required": nothing chosen is not a valid choice either.
    return RadioField(label, choices=_options(pairs), invalid_choice_message=message)


def _optional_choice(label, pairs):
    keys = {key for key, _label in pairs}

    def known(form, field):
        if field.data not in keys and field.data not in (None, ""):
            raise ValidationError(_l("Choose one of the options."))

    return RadioField(label, choices=_options(pairs), validate_choice=False, validators=[known])


def progress_field(goal_id):
    """The form field for "did we move forward" on one goal."""
    return f"progress_{goal_id}"


def verdict_field(goal_id):
    """The form field for "was this goal met" on one goal."""
    return f"verdict_{goal_id}"


def form_field(key):
    """The form field rating one way of learning."""
    return f"form_{key}"


def evaluation_form(goals, formdata=None, data=None):
    """A meeting evaluation with one "did we move forward" question per confirmed learning goal."""
    attrs = {
        "went_well": _text(_l("What went well?"), MAX_TEXT_LENGTH),
        "could_be_better": _text(_l("What could be better?"), MAX_TEXT_LENGTH),
        "usefulness": _choice(_l("How useful was this meeting for your practice?"), USEFULNESS,
                              _l("Choose how useful the meeting was, from 1 to 5.")),
    }
    for goal in goals:
        attrs[progress_field(goal.id)] = _choice(goal.text, PROGRESS, _l("Choose yes, a little or no."))
    return type("EvaluationForm", (LaunchForm,), attrs)(formdata=formdata, data=data or {})


def closing_form(goals, learning_forms, language, formdata=None, data=None):
    """The closing evaluation: a verdict per goal, ways of learning, suggestions and after-care."""
    from activities.expectations.content import text_in

    attrs = {
        "worked": _text(_l("What worked for you, and why?"), CLOSING_TEXT_LENGTH),
        "worked_less": _text(_l("What worked less well, and why?"), CLOSING_TEXT_LENGTH),
        "suggestions": _text(_l("Suggestions for future networks"), CLOSING_TEXT_LENGTH),
        "aftercare": _choice(_l("Do we need follow-up sessions or other after-care?"), AFTERCARE,
                             _l("Choose whether follow-up is needed.")),
        "aftercare_note": _text(_l("What kind of follow-up would help? (optional)"), CLOSING_TEXT_LENGTH),
    }
    for goal in goals:
        attrs[verdict_field(goal.id)] = _choice(goal.text, VERDICTS, _l("Choose met, partly met or not met."))
    for item in learning_forms:
        attrs[form_field(item["key"])] = _optional_choice(text_in(item, language), FORM_RATINGS)
    return type("ClosingForm", (LaunchForm,), attrs)(formdata=formdata, data=data or {})
