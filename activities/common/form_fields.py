"""Settings form fields several activities share."""
from flask_babel import lazy_gettext as _l
from wtforms import IntegerField
from wtforms.validators import InputRequired, NumberRange

from activities.common.settings_lists import MIN_GROUP_CEILING, MIN_GROUP_FLOOR


def min_group_size_field(label, description):
    """The minimum group size: a whole number from the floor to the ceiling, with the activity's wording."""
    return IntegerField(label, description=description, validators=[
        InputRequired(message=_l("Enter a number.")),
        NumberRange(min=MIN_GROUP_FLOOR, max=MIN_GROUP_CEILING, message=_l(
            "Enter a number from %(min)d to %(max)d.", min=MIN_GROUP_FLOOR, max=MIN_GROUP_CEILING))])
