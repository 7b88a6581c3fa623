"""Seed content (Dutch source with English) and the fixed answer scales of the evaluations."""
from flask_babel import lazy_gettext as _l

SOURCE_LANGUAGE = "nl"

# The start board's columns, from seed 002 (start meeting: getting to know each other, mapping the
# group's questions and expectations, agreements about the process). "learn" is where dots go.
DEFAULT_COLUMNS = (
    {
        "key": "learn",
        "texts": {"nl": "Wat ik wil leren", "en": "What I want to learn"},
        "hints": {"nl": "Wat wil je uit dit netwerk halen? Eén wens per kaartje.",
                  "en": "What do you want to get out of this network? One wish per card."},
    },
    {
        "key": "bring",
        "texts": {"nl": "Wat ik kan inbrengen", "en": "What I can bring"},
        "hints": {"nl": "Welke kennis, ervaring of praktijkvoorbeelden kan je delen?",
                  "en": "Which knowledge, experience or examples from practice can you share?"},
    },
    {
        "key": "questions",
        "texts": {"nl": "Mijn vragen en bezorgdheden", "en": "My questions and concerns"},
        "hints": {"nl": "Waar zit je mee? Waar twijfel je aan?",
                  "en": "What is on your mind? What are you unsure about?"},
    },
    {
        "key": "agreements",
        "texts": {"nl": "Afspraken die we nodig hebben", "en": "Agreements we need"},
        "hints": {"nl": "Aantal bijeenkomsten, ritme, hoe we delen tussen de bijeenkomsten.",
                  "en": "Number of meetings, rhythm, how we share between meetings."},
    },
)
VOTING_COLUMN = "learn"

# Ways of learning the closing evaluation asks about (seed 002, step 4: "welke leervormen werden
# gesmaakt en welke minder"); the designer can change them.
DEFAULT_LEARNING_FORMS = (
    {"key": "exchange", "texts": {"nl": "Ervaringen uitwisselen", "en": "Exchanging experiences"}},
    {"key": "cases", "texts": {"nl": "Praktijkcases bespreken", "en": "Discussing cases from practice"}},
    {"key": "external", "texts": {"nl": "Externe inbreng of sprekers", "en": "External input or speakers"}},
    {"key": "small_groups", "texts": {"nl": "Werken in kleine groepen", "en": "Working in small groups"}},
    {"key": "between", "texts": {"nl": "Delen tussen de bijeenkomsten", "en": "Sharing between meetings"}},
)

PEERS, FULL = "peers", "full"
ANONYMITY_LABELS = {
    PEERS: _l("Anonymous to other participants; the facilitator sees who wrote each card"),
    FULL: _l("Fully anonymous: nobody sees who wrote a card, the facilitator neither"),
}

PROGRESS = (("yes", _l("Yes")), ("a_little", _l("A little")), ("no", _l("No")))
VERDICTS = (("met", _l("Met")), ("partly", _l("Partly met")), ("not_met", _l("Not met")))
FORM_RATINGS = (("worked", _l("Worked well")), ("less", _l("Worked less well")),
                ("not_used", _l("Did not use it")))
AFTERCARE = (("sessions", _l("Yes, follow-up sessions")), ("other", _l("Yes, another kind of after-care")),
             ("none", _l("No, this is a good end")))
USEFULNESS = tuple((str(n), str(n)) for n in range(1, 6))
USEFULNESS_ENDS = (_l("not useful"), _l("very useful"))


def label_of(pairs, key):
    """The translated label of a key in a (key, label) scale; the key itself when unknown."""
    return dict(pairs).get(key, key)


def text_in(item, language, field="texts"):
    """A column's or form's text in the learner's language, else in the language it was written in."""
    texts = item.get(field) or {}
    if field == "texts":
        fallback = item.get("text")
    else:
        fallback = item.get("hint")
    return texts.get(language) or fallback or next(iter(texts.values()), "")
