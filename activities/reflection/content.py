"""The exercise's content from the source training (seed 000, with 001 and 004), in Dutch with English.

Dutch is the source; the English is a faithful translation. Settings refer to these entries by key,
so a default keeps both languages whichever language the course designer edited the settings in.
"""
from flask_babel import lazy_gettext as _l

SOURCE_LANGUAGE = "nl"

# The parts a learner answers, in page order; a placement may switch any of them off.
SITUATIONS, FACTORS, TRUST, SHARING, ACTION = "situations", "factors", "trust", "sharing", "action"
PARTS = (SITUATIONS, FACTORS, TRUST, SHARING, ACTION)
PART_TITLES = {
    SITUATIONS: _l("Two situations"),
    FACTORS: _l("Hinders and drivers"),
    TRUST: _l("Trust"),
    SHARING: _l("What I would share"),
    ACTION: _l("One action"),
}
PART_SUMMARIES = {
    SITUATIONS: _l("A time sharing knowledge went easily, and a time it did not."),
    FACTORS: _l("What hindered you, and what helped."),
    TRUST: _l("How much trust you give and receive, per group."),
    SHARING: _l("What you would and would not share, with whom, and why."),
    ACTION: _l("What you will do differently."),
}

EASY, HARD = "easy", "hard"
BRAKE, ENGINE = "brake", "engine"

# The questions of the training, quoted on the pages in the learner's language.
PROMPTS = {
    SITUATIONS: {
        "nl": "Denk aan een situatie uit het verleden waarbij je makkelijk tot kennis en informatie delen kwam, "
              "en een ander geval waarbij dit niet zo was.",
        "en": "Think of a situation in the past in which you easily came to share knowledge and information, "
              "and another case in which that was not so.",
    },
    FACTORS: {
        "nl": "Wat maakte dat je makkelijker of moeilijker hiertoe kwam? Wat waren belemmerende factoren? "
              "Wat hielp om tot echte kennisdeling te komen?",
        "en": "What made it easier or harder for you to get there? What were the hindering factors? "
              "What helped to arrive at real knowledge sharing?",
    },
    TRUST: {
        "nl": "Hoeveel vertrouwen geef/krijg je binnen jouw organisatie? Hoeveel aan klanten, leveranciers, "
              "collega’s? Geef een cijfer op 10. Waarom deze score?",
        "en": "How much trust do you give and receive within your organisation? How much to customers, "
              "suppliers, colleagues? Give a score out of 10. Why this score?",
    },
    SHARING: {
        "nl": "Welke kennis zou je wel/niet delen met een collega, met iemand uit een andere organisatie, "
              "met een klant, …? Waarom?",
        "en": "Which knowledge would you share or not share with a colleague, with someone from another "
              "organisation, with a customer, …? Why?",
    },
    # Not in the seeds: the issue's closing question, written in the seeds' style.
    ACTION: {
        "nl": "Wat ga jij vanaf nu anders doen om kennis te delen?",
        "en": "What will you do differently from now on to share knowledge?",
    },
}

# Brakes and engines: the factors the sources name (000: trust, time; 001: a safe place to make
# mistakes, recognition, purpose, culture, structure; 004: jargon and language, distance and remote
# work during the pandemic, hierarchy, competition, not knowing who knows what).
DEFAULT_TAGS = (
    {"key": "trust", "texts": {"nl": "Vertrouwen", "en": "Trust"}},
    {"key": "time", "texts": {"nl": "Tijd", "en": "Time"}},
    {"key": "safe_to_fail", "texts": {"nl": "Veilig fouten mogen maken", "en": "A safe place to make mistakes"}},
    {"key": "recognition", "texts": {"nl": "Erkenning en waardering", "en": "Recognition and appreciation"}},
    {"key": "purpose", "texts": {"nl": "Doel en goede redenen", "en": "Purpose and good reasons"}},
    {"key": "culture", "texts": {"nl": "Cultuur", "en": "Culture"}},
    {"key": "structure_tools", "texts": {"nl": "Structuur en hulpmiddelen", "en": "Structure and tools"}},
    {"key": "jargon_language", "texts": {"nl": "Jargon en taal", "en": "Jargon and language"}},
    {"key": "distance", "texts": {"nl": "Afstand of thuiswerk", "en": "Distance or remote work"}},
    {"key": "hierarchy", "texts": {"nl": "Hiërarchie", "en": "Hierarchy"}},
    {"key": "competition", "texts": {"nl": "Competitie", "en": "Competition"}},
    {"key": "who_knows_what", "texts": {"nl": "Niet weten wie wat weet", "en": "Not knowing who knows what"}},
)

# Stakeholder groups: trust is scored per group, and a situation names the group it happened with.
DEFAULT_GROUPS = (
    {"key": "team", "texts": {"nl": "Collega’s in mijn team", "en": "Colleagues in my team"}},
    {"key": "departments", "texts": {"nl": "Andere afdelingen", "en": "Other departments"}},
    {"key": "leadership", "texts": {"nl": "Leidinggevenden", "en": "Leadership"}},
    {"key": "customers", "texts": {"nl": "Klanten", "en": "Customers"}},
    {"key": "suppliers", "texts": {"nl": "Leveranciers", "en": "Suppliers"}},
    {"key": "organisations", "texts": {"nl": "Andere organisaties", "en": "Other organisations"}},
)
OTHER_GROUP = "other"
OTHER_GROUP_LABEL = _l("Someone else")

# "Met een collega, met iemand uit een andere organisatie, met een klant" (seed 000).
AUDIENCES = (
    {"key": "colleague", "texts": {"nl": "Een collega", "en": "A colleague"}},
    {"key": "other_org", "texts": {"nl": "Iemand uit een andere organisatie", "en": "Someone from another organisation"}},
    {"key": "customer", "texts": {"nl": "Een klant", "en": "A customer"}},
)
AUDIENCE_KEYS = tuple(a["key"] for a in AUDIENCES)


def text_in(entry, language):
    """An entry in the learner's language when we have it, else in the language it was written in."""
    texts = entry.get("texts") or {}
    return texts.get(language) or entry.get("text") or next(iter(texts.values()), "") or entry.get("key", "")


def prompt(part, language):
    """The training's question for a part, in the learner's language."""
    return text_in({"texts": PROMPTS.get(part, {})}, language)
