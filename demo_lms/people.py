"""The demo course and its people: one facilitator, six learners with Flemish names, and the LMS's administrator."""
from dataclasses import dataclass

LIS = "http://purl.imsglobal.org/vocab/lis/v2/"
INSTRUCTOR_ROLES = (LIS + "membership#Instructor", LIS + "institution/person#Faculty")
LEARNER_ROLES = (LIS + "membership#Learner", LIS + "institution/person#Student")
# Moodle sends a site administrator's institution role beside their course role.
ADMIN_ROLES = (LIS + "membership#Instructor", LIS + "institution/person#Administrator")
COURSE_TYPE = LIS + "course#CourseOffering"

COURSE_ID = "zw-lerend-netwerk-2025"
COURSE_LABEL = "ZW-LN"
COURSE_TITLE = "Lerend netwerk Zorg & Welzijn"


@dataclass(frozen=True)
class Person:
    """A course member as the LMS knows them; `id` is the stable LMS user id (the LTI `sub`)."""

    id: str
    given_name: str
    family_name: str
    locale: str
    is_instructor: bool = False
    is_admin: bool = False  # the LMS's administrator (also teaches in the demo course)

    @property
    def name(self):
        """Full name as sent in launches and NRPS."""
        return f"{self.given_name} {self.family_name}"

    @property
    def label(self):
        """How the user switcher shows this person."""
        if self.is_admin:
            return f"{self.name} (beheerder)"
        return f"{self.name} (begeleider)" if self.is_instructor else self.name

    @property
    def roles(self):
        """Full LIS role URIs in the demo course."""
        if self.is_admin:
            return list(ADMIN_ROLES)
        return list(INSTRUCTOR_ROLES if self.is_instructor else LEARNER_ROLES)

    @property
    def email(self):
        """A demo address (never delivered)."""
        return f"{self.given_name}.{self.family_name}".lower().replace(" ", "") + "@demo.leernetwerk.invalid"


PEOPLE = (
    Person("facilitator", "An", "Peeters", "nl-BE", is_instructor=True),
    Person("learner1", "Lotte", "Janssens", "nl-BE"),
    Person("learner2", "Wout", "Maes", "nl-BE"),
    Person("learner3", "Fien", "Claes", "en-GB"),
    Person("learner4", "Bram", "Wouters", "nl-BE"),
    Person("learner5", "Yasmina", "El Amrani", "en-GB"),
    Person("learner6", "Jens", "Goossens", "nl-BE"),
    Person("admin", "Lien", "De Smet", "nl-BE", is_instructor=True, is_admin=True),
)
BY_ID = {person.id: person for person in PEOPLE}
DEFAULT_USER = "facilitator"


def person(user_id):
    """The course member with this LMS user id, or None."""
    return BY_ID.get(user_id) if isinstance(user_id, str) else None


def learners():
    """The course's learners, in roster order."""
    return [p for p in PEOPLE if not p.is_instructor]
