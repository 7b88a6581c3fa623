"""Importing an HR file, the same way from the command line and from the page: check every row, then replace
the organisation's rows of that kind whole, or change nothing."""
from __future__ import annotations

from dataclasses import dataclass

from activities.network.organisation import hr_files, records
from lti_tool.email_keys import email_key

KINDS = ("skills", "leaving")
MAX_SHOWN = 50  # problems listed on the page; the rest are counted


@dataclass(frozen=True)
class Outcome:
    """What an import did: the rows and people it brought in, or the problems (line, text) that stopped it."""

    kind: str
    rows: int = 0
    people: int = 0
    problems: tuple = ()

    @property
    def ok(self) -> bool:
        """The file was imported."""
        return not self.problems


def import_file(platform_id: int, kind: str, raw: bytes) -> Outcome:
    """Check `raw` as a skills or leaving file and, when every row is right, replace that kind's rows (the
    caller commits); with any problem nothing changes."""
    read = hr_files.read_leaving if kind == "leaving" else hr_files.read_skills
    checked = read(raw, by_email=_email_lookup(platform_id))
    if not checked.ok:
        return Outcome(kind, problems=tuple(sorted(checked.problems, key=lambda problem: problem[0])))
    rows = [row[1:] for row in checked.rows]
    count = (records.replace_leaving if kind == "leaving" else records.replace_skills)(platform_id, rows)
    return Outcome(kind, rows=count, people=len({row[0] for row in rows}))


def _email_lookup(platform_id):
    """address → LMS user id, through the keyed digest kept at launch; the registration's keys are read once,
    and only when a file names someone by address."""
    subs = None

    def lookup(address):
        nonlocal subs
        if subs is None:
            subs = records.subs_by_email_key(platform_id)
        return subs.get(email_key(address))

    return lookup
