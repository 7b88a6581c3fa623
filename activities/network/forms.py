"""WTForms for learners' contacts, own knowledge and reflection; choices are filled from the settings."""
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField, Form, HiddenField, RadioField, SelectField, SelectMultipleField, StringField, TextAreaField,
    ValidationError, widgets)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from activities.network.analysis import tags as tagging
from activities.network.content import (
    EFFORT_LABELS, NEED_FROM_QUESTION, NEED_QUESTION, OFFER_FOR_QUESTION, OFFER_QUESTION, QUESTION_ACCESS,
    QUESTION_KNOWS, REFLECTION_HARD, REFLECTION_PLAN, text_of)
from lti_tool.forms import LaunchForm as CoreLaunchForm
from lti_tool.input_policy import bounded_int

MAX_LABEL = 120
MAX_TEXT = 1000
MAX_NOTE = 300


def options(pairs):
    """WTForms choices from (value, label) pairs."""
    return [SelectChoice(value, label) for value, label in pairs]


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class LaunchForm(CoreLaunchForm):
    """A form checked by launch_required's session CSRF token, with the drawing's version."""

    version = HiddenField()
    moment = HiddenField()

    def sent_version(self):
        """The drawing version the page was built on, or None when missing or not a number."""
        return bounded_int(self.version.data, low=0)


class CheckboxesField(SelectMultipleField):
    """Several choices as checkboxes."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class TagsField(StringField):
    """Comma-separated topics, available as a clean list in `.tags`."""

    def process_formdata(self, valuelist):
        """Keep the text and its tags."""
        super().process_formdata(valuelist)
        self.tags = tagging.split(self.data)

    def pre_validate(self, form):
        """Refuse too many or too long tags with a message that says which."""
        self.tags = tagging.split(self.data)
        for code, value in tagging.problems(self.tags):
            if code == "many":
                raise ValidationError(_l("Name at most %(max)d topics (now %(count)d).",
                                         max=tagging.MAX_TAGS, count=value))
            raise ValidationError(_l("Keep each topic under %(max)d characters: “%(tag)s…” is longer.",
                                     max=tagging.MAX_TAG_LENGTH, tag=value[:30]))


def _tags_field(label, description=""):
    return TagsField(label, description=description, filters=[_strip],
                     validators=[Length(max=2000, message=_l("This text is too long."))])


class QuestionFields:
    """The three questions about a contact (what they know, how to reach it, at what cost): one definition
    for the contact's own page and the grid of all contacts."""

    knows = _tags_field(QUESTION_KNOWS, _l("Knowledge topics, separated by commas."))
    access = TextAreaField(QUESTION_ACCESS, filters=[_strip], validators=[
        Length(max=MAX_TEXT, message=_l("Keep this under %(max)d characters.", max=MAX_TEXT))])
    cost_effort = RadioField(_l("How much effort would it cost you?"), validate_choice=False)
    cost_note = StringField(_l("What would it cost you, in a line?"), filters=[_strip], validators=[
        Length(max=MAX_NOTE, message=_l("Keep this under %(max)d characters.", max=MAX_NOTE))])

    def effort_choices(self):
        """Fill the effort scale (1–5 and "not answered")."""
        self.cost_effort.choices = options([(str(k), v) for k, v in EFFORT_LABELS.items()] + [("", _l("Not answered"))])

    def check_effort(self):
        """False (with an error) when the effort is not on the scale."""
        if (self.cost_effort.data or "") not in {"", "None", *map(str, EFFORT_LABELS)}:
            self.cost_effort.errors.append(_l("Choose an effort from 1 to 5."))
            return False
        return True

    def require_questions(self):
        """Add errors for unanswered questions (when the settings require them); True when all answered."""
        ok = True
        if not self.knows.tags:
            self.knows.errors.append(_l("Name at least one thing this person knows."))
            ok = False
        if not self.access.data:
            self.access.errors.append(_l("Say how you could get access to their knowledge."))
            ok = False
        if self.effort() is None:
            self.cost_effort.errors.append(_l("Choose how much effort it would cost you."))
            ok = False
        return ok

    def effort(self):
        """The chosen effort 1–5, or None."""
        value = self.cost_effort.data or ""
        return int(value) if value.isdigit() and int(value) in EFFORT_LABELS else None


class ContactForm(QuestionFields, LaunchForm):
    """One contact: who, where, how close, which relations, and the three questions."""

    label = StringField(_l("Name, initials or a pseudonym"), filters=[_strip], validators=[
        InputRequired(message=_l("Write a name, initials or a pseudonym.")),
        Length(max=MAX_LABEL, message=_l("Keep the name under %(max)d characters.", max=MAX_LABEL))])
    role = StringField(_l("Role or job (optional)"), filters=[_strip], validators=[
        Length(max=MAX_LABEL, message=_l("Keep the role under %(max)d characters.", max=MAX_LABEL))])
    location = SelectField(_l("Where is this person?"), validate_choice=False)
    ring = RadioField(_l("How close are you?"), validate_choice=False)
    relations = CheckboxesField(_l("What happened between you?"), validate_choice=False)
    knows_contacts = CheckboxesField(_l("Who else in your network knows this person?"), validate_choice=False)

    def configure(self, config, language, others=(), member=False):
        """Fill the choices from the settings; members keep their roster name, so it is not asked."""
        self.location.choices = options([("", _l("Choose where they are"))] + [
            (loc["key"], text_of(loc, language)) for loc in config.locations])
        self.ring.choices = options([(str(n), text_of(r, language)) for n, r in enumerate(config.rings, 1)] + [
            ("0", _l("Not placed yet"))])
        self.relations.choices = options((r["key"], text_of(r, language)) for r in config.relations)
        self.effort_choices()
        self.knows_contacts.choices = options((c.key, c.label) for c in others)
        self._config, self._member = config, member
        if member:
            self.label.validators = [Optional()]
        return self

    def validate(self, extra_validators=None):
        """Field checks, then choices against the settings."""
        valid = super().validate(extra_validators)
        config = self._config
        if self.location.data and self.location.data not in config.location_keys():
            self.location.errors.append(_l("Choose one of the places in the list."))
            valid = False
        elif not self.location.data and not self._member:
            self.location.errors.append(_l("Choose where this person is."))
            valid = False
        if (self.ring.data or "0") not in {str(n) for n in range(config.ring_count + 1)}:
            self.ring.errors.append(_l("Choose one of the rings."))
            valid = False
        if set(self.relations.data or ()) - set(config.relation_keys()):
            self.relations.errors.append(_l("Choose relations from the list."))
            valid = False
        return self.check_effort() and valid


class QuestionsRow(QuestionFields, Form):
    """One contact's row in the grid of the three questions (field names prefixed with its key)."""

    def __init__(self, formdata=None, **kwargs):
        super().__init__(formdata=formdata, **kwargs)
        self.effort_choices()

    def validate(self, extra_validators=None):
        """Field checks and the effort scale."""
        valid = super().validate(extra_validators)
        return self.check_effort() and valid


class MembersForm(LaunchForm):
    """Classmates picked from the course list."""

    members = CheckboxesField(_l("People in this course"), validate_choice=False)


class KnowledgeForm(LaunchForm):
    """What the learner could share and needs, and whether classmates may be pointed to them."""

    offer_tags = _tags_field(OFFER_QUESTION)
    offer_note = TextAreaField(OFFER_FOR_QUESTION, filters=[_strip], validators=[
        Length(max=MAX_TEXT, message=_l("Keep this under %(max)d characters.", max=MAX_TEXT))])
    need_tags = _tags_field(NEED_QUESTION)
    need_note = TextAreaField(NEED_FROM_QUESTION, filters=[_strip], validators=[
        Length(max=MAX_TEXT, message=_l("Keep this under %(max)d characters.", max=MAX_TEXT))])
    suggest_consent = BooleanField(_l("Classmates who need what I offer may see my name and my offers"))


class ReflectionForm(LaunchForm):
    """The two reflection questions of the flipchart exercise."""

    reflection_hard = TextAreaField(REFLECTION_HARD, filters=[_strip], validators=[
        Length(max=MAX_TEXT * 2, message=_l("Keep this under %(max)d characters.", max=MAX_TEXT * 2))])
    reflection_plan = TextAreaField(REFLECTION_PLAN, filters=[_strip], validators=[
        Length(max=MAX_TEXT * 2, message=_l("Keep this under %(max)d characters.", max=MAX_TEXT * 2))])


TAG_VERDICTS = {"same": True, "different": False, "forget": None}


class TagLinkForm(LaunchForm):
    """The facilitator's verdict on two needs/offers tags."""

    first = StringField(_l("Tag"), filters=[_strip], validators=[
        InputRequired(), Length(max=tagging.MAX_TAG_LENGTH)])
    second = StringField(_l("Means the same as"), filters=[_strip], validators=[
        InputRequired(), Length(max=tagging.MAX_TAG_LENGTH)])
    verdict = RadioField(choices=[SelectChoice(key, key) for key in TAG_VERDICTS], default="same", validators=[InputRequired()])
