"""The demo LMS's courses and people: one facilitator, learners with Flemish names, and the LMS's administrator.

The first course is the one the demo opens; two more let an organisation's courses be compared (the
organisation view merges them by LMS user id, so a few learners follow two courses)."""
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
    is_admin: bool = False  # the LMS's administrator (also teaches in every course)

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
    Person("learner7", "Noor", "Vermeulen", "nl-BE"),
    Person("learner8", "Tom", "Jacobs", "nl-BE"),
    Person("learner9", "Sara", "Willems", "en-GB"),
    Person("learner10", "Lars", "Mertens", "nl-BE"),
    Person("learner11", "Ines", "Dubois", "nl-BE"),
    Person("learner12", "Ruben", "Hermans", "nl-BE"),
    Person("learner13", "Elise", "Aerts", "en-GB"),
    Person("learner14", "Kobe", "Smets", "nl-BE"),
)
BY_ID = {person.id: person for person in PEOPLE}
DEFAULT_USER = "facilitator"


@dataclass(frozen=True)
class Course:
    """A course of the demo LMS (an LTI context) and its members, by LMS user id."""

    id: str
    label: str
    title: str
    about: str
    member_ids: tuple

    @property
    def members(self):
        """Everyone in the course, in roster order."""
        return [BY_ID[member] for member in self.member_ids]

    def learners(self):
        """The course's learners, in roster order."""
        return [p for p in self.members if not p.is_instructor]

    def has(self, person):
        """Whether this person (or None) is a member of the course."""
        return person is not None and person.id in self.member_ids


TEACHERS = ("facilitator", "admin")
COURSES = (
    Course(COURSE_ID, COURSE_LABEL, COURSE_TITLE, "A learning network of care and welfare professionals.",
           ("facilitator", "learner1", "learner2", "learner3", "learner4", "learner5", "learner6", "admin")),
    # Wout (learner2) and Bram (learner4) follow a second course: the organisation view joins them up.
    Course("onthaal-2025", "ONTH", "Onthaal en eerste opvang", "Reception and first-line staff learning from each other.",
           TEACHERS + ("learner2", "learner7", "learner8", "learner9", "learner10")),
    Course("digitaal-werken-2025", "DIGI", "Digitaal werken in de zorg", "Care staff sharing what works with digital tools.",
           TEACHERS + ("learner4", "learner11", "learner12", "learner13", "learner14")),
)
COURSE_BY_ID = {course.id: course for course in COURSES}
DEFAULT_COURSE = COURSES[0]


def person(user_id):
    """The person with this LMS user id, or None."""
    return BY_ID.get(user_id) if isinstance(user_id, str) else None


def course(course_id):
    """The course with this id, or None."""
    return COURSE_BY_ID.get(course_id) if isinstance(course_id, str) else None


def courses_of(member):
    """The courses a person is a member of, in the LMS's order."""
    return [c for c in COURSES if c.has(member)]
