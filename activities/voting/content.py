"""The default statements (from the source training, in Dutch with English) and the answer scales."""
from flask_babel import lazy_gettext as _l

# The four agree/disagree statements of the training "Zelf training geven over kennis delen via
# lerende netwerken" (seed 000). Dutch is the source; the English is a faithful translation.
DEFAULT_STATEMENTS = (
    {
        "key": "facilitator_role",
        "texts": {
            "nl": "De rol van de facilitator/organisator is het allerbelangrijkste bij een lerend netwerk.",
            "en": "The role of the facilitator/organiser is the most important thing in a learning network.",
        },
    },
    {
        "key": "specific_problem",
        "texts": {
            "nl": "Lerende netwerken zijn vooral nuttig wanneer je al met een specifiek probleem of vraag zit.",
            "en": "Learning networks are mainly useful when you already have a specific problem or question.",
        },
    },
    {
        "key": "specific_job",
        "texts": {
            "nl": "Deelnemen aan een lerend netwerk is vooral nuttig wanneer je in een specifieke job zit, "
                  "bijvoorbeeld als je zelf vormingen of opleidingen geeft.",
            "en": "Taking part in a learning network is mainly useful when you have a specific job, "
                  "for example when you give training sessions or courses yourself.",
        },
    },
    {
        "key": "wait_and_see",
        "texts": {
            "nl": "Bij een lerend netwerk kijk ik altijd eerst de kat uit de boom. Als je zelf eerst veel kennis "
                  "deelt, riskeer je dat je er niets voor terug krijgt en met lege handen achterblijft.",
            "en": "In a learning network I always wait and see first. If you share a lot of knowledge yourself "
                  "first, you risk getting nothing in return and being left empty-handed.",
        },
    },
)
SOURCE_LANGUAGE = "nl"

AGREE_DISAGREE, FIVE_POINT = "agree_disagree", "five_point"
SCALE_LABELS = {
    AGREE_DISAGREE: _l("Agree or disagree"),
    FIVE_POINT: _l("Five points, from “strongly disagree” to “strongly agree”"),
}

# Choice keys are shared between the scales, so a two-point vote still reads on five points.
CHOICE_LABELS = {
    "strongly_disagree": _l("Strongly disagree"),
    "disagree": _l("Disagree"),
    "neutral": _l("Neutral"),
    "agree": _l("Agree"),
    "strongly_agree": _l("Strongly agree"),
}
SCALES = {
    AGREE_DISAGREE: ("agree", "disagree"),
    FIVE_POINT: ("strongly_disagree", "disagree", "neutral", "agree", "strongly_agree"),
}
# How a five-point vote reads when the scale was later changed to two points (neutral drops out).
_FOLD_TO_TWO = {"strongly_agree": "agree", "agree": "agree", "disagree": "disagree", "strongly_disagree": "disagree"}

AFTER_VOTE, AFTER_REVEAL = "after_vote", "after_reveal"
RESULTS_MODE_LABELS = {
    AFTER_VOTE: _l("As soon as a learner has voted"),
    AFTER_REVEAL: _l("Only after the facilitator shares them"),
}


def choices_for(scale):
    """(value, label) pairs of a scale, in the order learners see them."""
    return [(key, CHOICE_LABELS[key]) for key in SCALES.get(scale, SCALES[AGREE_DISAGREE])]


def choice_on_scale(choice, scale):
    """A stored choice as it reads on the current scale, or None when it has no place there."""
    if scale == AGREE_DISAGREE:
        return _FOLD_TO_TWO.get(choice)
    return choice if choice in SCALES[FIVE_POINT] else None


def choice_label(choice):
    """The translated label of a choice key (the key itself if unknown)."""
    return CHOICE_LABELS.get(choice, choice)


def statement_text(statement, language):
    """A statement in the learner's language when we have it, else in the language it was written in."""
    texts = statement.get("texts") or {}
    return texts.get(language) or statement.get("text") or next(iter(texts.values()), "")
