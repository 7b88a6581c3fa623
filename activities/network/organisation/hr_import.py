"""Importing an HR file, the same way from the command line and from the page: check every row, then replace
the organisation's rows of that kind whole, or change nothing."""
from __future__ import annotations

from dataclasses import dataclass

from activities.network.organisation import hr_files, records

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
    if not checked.ok:
        return Outcome(kind, problems=tuple(sorted(checked.problems, key=lambda problem: problem[0])))
    rows = [row[1:] for row in checked.rows]
    count = (records.replace_leaving if kind == "leaving" else records.replace_skills)(platform_id, rows)
    return Outcome(kind, rows=count, people=len({row[0] for row in rows}))
