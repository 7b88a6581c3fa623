"""A small curated vocabulary: the same knowledge named in Dutch and English, for the seeds' domains.

Learners in one course write their needs and offers in either language ("wondzorg", "wound care"); each
group below lists names of one piece of knowledge. Terms are compared as tags are (case, accents,
punctuation and plural folded), so "Wondzorg" and "wound-care" both belong to the first group. The list
is deliberately small and unambiguous: a wrong merge misleads more than a missed one, and facilitators
add their own course's merges on the matches page.
"""
from functools import lru_cache

from activities.network.analysis.matching import tag_forms

CONCEPTS = (
    # Care (zorg), the sector of most Flemish learning networks the seeds speak of.
    ("wound_care", ("wondzorg", "wound care", "wondverzorging", "wound management")),
    ("culturally_sensitive_care", ("cultuursensitieve zorg", "culturally sensitive care", "cultuursensitief werken",
                                   "culturally sensitive working", "interculturele zorg", "intercultural care")),
    ("palliative_care", ("palliatieve zorg", "palliative care", "levenseindezorg", "end of life care")),
    ("dementia", ("dementie", "dementia", "dementiezorg", "dementia care")),
    ("medication", ("medicatie", "medication", "medicatiebeheer", "medication management", "geneesmiddelen",
                    "medicines")),
    ("fall_prevention", ("valpreventie", "fall prevention")),
    ("hygiene", ("hygiene", "hygiëne", "infection prevention", "infectiepreventie", "infection control")),
    ("nutrition", ("voeding", "nutrition", "diet", "dieet")),
    ("first_aid", ("eerste hulp", "first aid", "ehbo")),
    ("mental_health", ("geestelijke gezondheid", "mental health", "ggz")),
    ("person_centred_care", ("persoonsgerichte zorg", "person centred care", "person centered care",
                             "vraaggestuurde zorg")),
    # Learning, training and knowledge sharing (seeds 000–004).
    ("knowledge_sharing", ("kennisdeling", "kennis delen", "knowledge sharing", "sharing knowledge")),
    ("knowledge_management", ("kennismanagement", "knowledge management", "kennisbeheer")),
    ("learning_network", ("lerend netwerk", "learning network", "leernetwerk")),
    ("networking", ("netwerken", "networking")),
    ("facilitation", ("facilitatie", "facilitation", "faciliteren", "facilitating", "begeleiden van groepen",
                      "group facilitation")),
    ("peer_review", ("intervisie", "peer review", "peer consultation", "peer supervision")),
    ("coaching", ("coaching", "coachen")),
    ("mentoring", ("mentoring", "mentorschap", "peter meterschap")),
    ("feedback", ("feedback geven", "giving feedback", "feedback")),
    ("didactics", ("didactiek", "didactics", "teaching methods", "onderwijsmethoden")),
    ("e_learning", ("e learning", "elearning", "online leren", "online learning", "digitaal leren",
                    "digital learning")),
    ("training_design", ("opleidingsontwerp", "training design", "instructional design", "vormingsaanbod",
                         "training offer")),
    ("onboarding", ("onboarding", "inwerken", "inwerking", "onthaal van nieuwe medewerkers",
                    "induction of new staff")),
    # People and organisation (HR, L&D, management).
    ("recruitment", ("rekrutering", "recruitment", "werving", "werving en selectie", "recruiting")),
    ("absenteeism", ("verzuim", "absenteeism", "ziekteverzuim", "sickness absence")),
    ("career_guidance", ("loopbaanbegeleiding", "career guidance", "loopbaancoaching", "career coaching")),
    ("wellbeing", ("welzijn", "wellbeing", "well being", "welzijn op het werk", "wellbeing at work")),
    ("leadership", ("leidinggeven", "leadership", "leiderschap", "people management")),
    ("change_management", ("veranderingsmanagement", "change management", "verandermanagement")),
    ("project_management", ("projectmanagement", "project management", "projectbeheer")),
    ("time_management", ("timemanagement", "time management", "tijdsbeheer", "tijdbeheer")),
    ("stress_management", ("stressbeheersing", "stress management", "omgaan met stress", "dealing with stress")),
    ("conflict_management", ("conflicthantering", "conflict management", "conflictbeheersing",
                             "conflict resolution", "omgaan met conflicten")),
    ("communication", ("communicatie", "communication")),
    ("presenting", ("presenteren", "presenting", "presentation skills", "presentatievaardigheden")),
    ("teamwork", ("samenwerken", "teamwork", "collaboration", "samenwerking")),
    ("diversity", ("diversiteit", "diversity")),
    ("inclusion", ("inclusie", "inclusion", "inclusief werken", "inclusive working")),
    ("customer_focus", ("klantgerichtheid", "customer focus", "klantgericht werken", "customer orientation")),
    ("quality", ("kwaliteitszorg", "quality management", "kwaliteitsbeleid", "quality assurance")),
    ("safety", ("veiligheid", "safety", "veiligheid op het werk", "occupational safety")),
    ("sustainability", ("duurzaamheid", "sustainability")),
    ("procurement", ("aankoop", "procurement", "inkoop", "purchasing")),
    ("legislation", ("wetgeving", "legislation", "regelgeving", "regulations")),
    ("privacy", ("privacy", "gdpr", "avg", "gegevensbescherming", "data protection")),
    ("grants", ("subsidies", "grants", "subsidieaanvragen", "grant applications")),
    ("data_analysis", ("data analyse", "data analysis", "gegevensanalyse")),
    ("spreadsheets", ("excel", "spreadsheets", "rekenbladen")),
    ("social_media", ("sociale media", "social media")),
    ("it", ("ict", "it", "informatica", "information technology")),
    ("planning", ("planning", "plannen", "scheduling", "roostering")),
    ("volunteers", ("vrijwilligerswerking", "volunteer management", "vrijwilligersbeleid")),
)


@lru_cache(maxsize=1)
def _index():
    """(concept key, term forms) pairs, built once."""
    return tuple((key, tag_forms(term)) for key, terms in CONCEPTS for term in terms)


def concepts_of(tag):
    """The keys of the concept groups a tag names (usually none, sometimes one)."""
    forms = tag_forms(tag)
    if not forms:
        return frozenset()
    return frozenset(key for key, term in _index()
                     if len(term) == len(forms) and all(x & y for x, y in zip(term, forms)))
