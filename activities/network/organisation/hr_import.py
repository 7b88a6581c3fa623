"""Importing an HR file, the same way from the command line and from the page: check every row, then replace
the organisation's rows of that kind whole, or change nothing."""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

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
    checked = (hr_files.read_leaving if kind == "leaving" else hr_files.read_skills)(raw)
    _by_email(platform_id, kind, checked)
    if not checked.ok:
        return Outcome(kind, problems=tuple(sorted(checked.problems, key=lambda problem: problem[0])))
    rows = [row[1:] for row in checked.rows]
    count = (records.replace_leaving if kind == "leaving" else records.replace_skills)(platform_id, rows)
    return Outcome(kind, rows=count, people=len({row[0] for row in rows}))


def _by_email(platform_id, kind, checked):
    """Rows that name a person by e-mail address get their LMS user id, from the address's keyed digest kept
    at launch; an address nobody launched with is a problem of its line, as is a person named twice."""
    if not any("@" in row[1] for row in checked.rows):
        return
    subs = records.subs_by_email_key(platform_id)
    rows, seen = [], {}
    for line, user, *rest in checked.rows:
        if "@" in user:
            sub = subs.get(email_key(user))
            if sub is None:
                checked.problems.append((line, _l(
                    "Nobody has opened Leernetwerk from this LMS with the e-mail address “%(email)s” (or the LMS "
                    "does not share e-mail addresses): give the LMS user id.", email=user)))
                continue
            user = sub
        key = (user, rest[0].casefold()) if kind == "skills" else user
        if key in seen:
            checked.problems.append((line, _l("The same person and skill as line %(line)d.", line=seen[key])
                                     if kind == "skills" else _l("The same person as line %(line)d.", line=seen[key])))
            continue
        seen[key] = line
        rows.append((line, user, *rest))
    checked.rows = rows
