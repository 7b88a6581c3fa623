"""Default content of a network drawing, from the source training (seeds 000 and 004), in Dutch and English."""
from flask_babel import lazy_gettext as _l

from activities.network.analysis.graph import ADVICE, ASKED, GAVE, WORKED_WITH

SOURCE_LANGUAGE = "nl"

# Seed 004: "de afgelopen zes maanden ermee samengewerkt of advies van gekregen"; seed 000: the
# flipchart marks "aan wie ze al hulp of informatie gevraagd / gegeven hebben".
DEFAULT_RELATIONS = (
    {"key": WORKED_WITH, "texts": {"nl": "We werkten de afgelopen zes maanden samen",
                                   "en": "We worked together in the last six months"}},
    {"key": ASKED, "texts": {"nl": "Ik vroeg hen om hulp of informatie",
                             "en": "I asked them for help or information"}},
    {"key": GAVE, "texts": {"nl": "Ik gaf hen hulp of informatie",
                            "en": "I gave them help or information"}},
    {"key": ADVICE, "texts": {"nl": "Ik kreeg advies van hen", "en": "I got advice from them"}},
)

# Ring 1 is the innermost: a strong tie (seed 004: strong ties deepen knowledge, weak ties bring new).
DEFAULT_RINGS = (
    {"key": "close", "texts": {"nl": "Dichtbij: we hebben vaak contact", "en": "Close: we are often in touch"}},
    {"key": "regular", "texts": {"nl": "Regelmatig contact", "en": "Regular contact"}},
    {"key": "occasional", "texts": {"nl": "Af en toe contact", "en": "Occasional contact"}},
)

# Seed 004: colleagues in the team, other departments, similar jobs in other companies, suppliers.
DEFAULT_LOCATIONS = (
    {"key": "my_team", "texts": {"nl": "Mijn team", "en": "My team"}},
    {"key": "other_department", "texts": {"nl": "Een ander departement", "en": "Another department"}},
    {"key": "other_organisation", "texts": {"nl": "Een andere organisatie", "en": "Another organisation"}},
    {"key": "customer", "texts": {"nl": "Klant", "en": "Customer"}},
    {"key": "supplier", "texts": {"nl": "Leverancier", "en": "Supplier"}},
    {"key": "sector_network", "texts": {"nl": "Sector- of beroepsnetwerk", "en": "Sector or professional network"}},
)

# Seed 004: drawings "bij de start en bij het einde van het traject".
DEFAULT_MOMENTS = (
    {"key": "start", "texts": {"nl": "Start van het traject", "en": "Start of the programme"}},
    {"key": "end", "texts": {"nl": "Einde van het traject", "en": "End of the programme"}},
)

# The three questions of seed 004, asked per contact.
QUESTION_KNOWS = _l("What does this person know?")
QUESTION_ACCESS = _l("How can you get access to that knowledge?")
QUESTION_COST = _l("What would it cost you to learn what they know?")

EFFORT_LABELS = {
    1: _l("1 · very little effort"),
    2: _l("2 · little effort"),
    3: _l("3 · some effort"),
    4: _l("4 · much effort"),
    5: _l("5 · very much effort"),
}

# Seed 000: reflect on what makes it hard to call on others and how to tackle it.
REFLECTION_HARD = _l("What makes it hard for you to call on others for help or information?")
REFLECTION_HARD_HINT = _l("Think of limiting beliefs (“I should manage alone”), not knowing who could help, "
                          "time, trust …")
REFLECTION_PLAN = _l("How will you tackle that?")
REFLECTION_PLAN_HINT = _l("One or two concrete steps: whom will you ask what, and how?")

# Seed 000: which knowledge could you share, for whom; which do you need, who could help.
OFFER_QUESTION = _l("What knowledge or information could you share?")
OFFER_HINT = _l("Where do you have a lot of expertise? A few topics, separated by commas.")
OFFER_FOR_QUESTION = _l("For whom in your network would this be useful?")
NEED_QUESTION = _l("What knowledge or information do you need in your work?")
NEED_HINT = _l("A few topics, separated by commas.")
NEED_FROM_QUESTION = _l("Who in your network could help you with it?")


def text_of(item, language):
    """An item's text in the language, else in its own language, else in any language."""
    texts = item.get("texts") or {}
    if language in texts and texts[language]:
        return texts[language]
    if item.get("text"):
        return item["text"]
    return texts.get(SOURCE_LANGUAGE) or next((t for t in texts.values() if t), item.get("key", ""))
