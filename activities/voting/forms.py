"""WTForms for the designer's settings and the learner's votes."""
from lti_tool.i18n import current_language
from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, RadioField, TextAreaField, ValidationError
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length

from activities.voting.content import RESULTS_MODE_LABELS, SCALE_LABELS, choices_for
from activities.common.form_fields import min_group_size_field
from activities.common.settings_lists import MIN_GROUP_FLOOR
from activities.voting.settings import (
    MAX_REASON_LENGTH, MAX_STATEMENT_LENGTH, MAX_STATEMENTS, MIN_PROPOSAL_LENGTH, parse_statements)
from lti_tool.forms import LaunchForm


def _options(pairs):
    return [SelectChoice(value, label) for value, label in pairs]


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class VotingSettingsForm(LaunchForm):
    """The course designer's choices for one placement."""

    statements = TextAreaField(
        _l("Statements"),
        description=_l("One statement per line, at most %(count)d statements of %(length)d characters each.",
                       count=MAX_STATEMENTS, length=MAX_STATEMENT_LENGTH),
        validators=[Length(max=(MAX_STATEMENT_LENGTH + 2) * MAX_STATEMENTS * 2)])
    scale = RadioField(_l("Answer scale"), choices=_options(SCALE_LABELS.items()))
    reason = RadioField(_l("Reasons"), choices=_options([
        ("required", _l("Learners must explain their position")),
        ("optional", _l("A reason is optional")),
    ]))
    results_mode = RadioField(_l("When learners see the results"), choices=_options(RESULTS_MODE_LABELS.items()))
    proposals = RadioField(_l("Statements from learners"), default="off", choices=_options([
        ("off", _l("Only the statements above")),
        ("moderated", _l("Learners may propose statements; you approve them before anyone votes")),
    ]))
    min_group_size = min_group_size_field(
        _l("Minimum group size for results"),
        _l("Results of a statement stay hidden until at least this many learners have voted "
           "on it, so no one can be singled out. At least %(min)d.", min=MIN_GROUP_FLOOR))

    parsed_statements = None

    def validate_statements(self, field):
        """Parse the lines; every problem is listed so the designer can fix them at once."""
        statements, errors = parse_statements(field.data, current_language())
        if errors:
            field.errors.extend(errors[:-1])
            raise ValidationError(errors[-1])
        self.parsed_statements = statements


class ProposalForm(LaunchForm):
    """A learner's proposed statement."""

    text = TextAreaField(_l("Your statement"), filters=[_strip], validators=[
        InputRequired(message=_l("Write the statement you would like the group to vote on.")),
        Length(min=MIN_PROPOSAL_LENGTH, max=MAX_STATEMENT_LENGTH, message=_l(
            "A statement has %(min)d to %(max)d characters.", min=MIN_PROPOSAL_LENGTH, max=MAX_STATEMENT_LENGTH))])


class ModerationForm(LaunchForm):
    """The facilitator's decision on a proposal: approve (with the wording as edited) or reject."""

    decision = RadioField(choices=_options([("approve", "approve"), ("reject", "reject")]))
    text = TextAreaField(_l("Statement"), filters=[_strip], validators=[
        Length(max=MAX_STATEMENT_LENGTH, message=_l("A statement has at most %(max)d characters.",
                                                    max=MAX_STATEMENT_LENGTH))])


def choice_field_name(key):
    """The form field holding a statement's choice."""
    return f"choice_{key}"


def reason_field_name(key):
    """The form field holding a statement's reason."""
    return f"reason_{key}"


class VoteFormBase(LaunchForm):
    """Checks that each answered statement has a valid choice and, when required, a reason."""

    round = HiddenField()
    statement = HiddenField()  # the statement on screen in a one-at-a-time session
    statement_keys = ()
    allowed_choices = ()
    reason_required = True

    def validate(self, extra_validators=None):
        """Field checks, then the rules that span a statement's choice and reason."""
        valid = super().validate(extra_validators)
        answered = 0
        for key in self.statement_keys:
            choice, reason = self[choice_field_name(key)], self[reason_field_name(key)]
            picked = choice.data not in (None, "", "None")
            if picked and choice.data not in self.allowed_choices:
                choice.errors.append(_l("Choose one of the options."))
                valid = False
            elif not picked and reason.data:
                choice.errors.append(_l("Choose a position to go with your reason."))
                valid = False
            elif picked and self.reason_required and not reason.data:
                reason.errors.append(_l("Explain your position in a few words."))
                valid = False
            answered += picked
        if valid and answered == 0 and self.statement_keys:
            self[choice_field_name(self.statement_keys[0])].errors.append(
                _l("Choose a position on at least one statement."))
            valid = False
        return valid

    def answers(self):
        """{statement key: (choice, reason)} for the statements the learner answered."""
        return {key: (self[choice_field_name(key)].data, self[reason_field_name(key)].data or "")
                for key in self.statement_keys
                if self[choice_field_name(key)].data in self.allowed_choices}


def vote_form(statements, scale, reason_required, formdata=None, data=None):
    """A form with a choice and a reason per statement; statements are (key, text) pairs."""
    choices = choices_for(scale)
    attrs = {
        "statement_keys": tuple(key for key, _text in statements),
        "allowed_choices": tuple(value for value, _label in choices),
        "reason_required": reason_required,
    }
    for key, text in statements:
        attrs[choice_field_name(key)] = RadioField(text, choices=_options(choices), validate_choice=False)
        attrs[reason_field_name(key)] = TextAreaField(
            _l("Your reason"), filters=[_strip],
            validators=[Length(max=MAX_REASON_LENGTH, message=_l(
                "Keep your reason under %(max)d characters.", max=MAX_REASON_LENGTH))])
    form_class = type("VoteForm", (VoteFormBase,), attrs)
    return form_class(formdata=formdata, data=data or {})
