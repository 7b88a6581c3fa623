"""Reading the HR files for the organisation view: every row checked, every problem reported with its line.

A skills file has the columns `user` (the LMS user id, or the person's e-mail address), `skill` and optionally
`level` (1–5); a leaving file has `user` and `leaving_date` (YYYY-MM-DD, or DD/MM/YYYY as Flemish spreadsheets write it). Commas
or semicolons, UTF-8 with or without a byte order mark (Excel's "CSV UTF-8"). Nothing is imported unless
every row is right, so a file is never half in.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime

from flask_babel import lazy_gettext as _l

from lti_tool.email_keys import looks_like_email

MAX_ROWS = 200_000
MAX_SKILL = 120
MAX_USER = 255
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")


@dataclass
class Checked:
    """The file's good rows and, per line, what is wrong; `ok` only when nothing is."""

    rows: list[tuple] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Every row is right (and there is at least one)."""
        return bool(self.rows) and not self.problems


def _records(raw: bytes, required: tuple[str, ...], optional: tuple[str, ...], checked: Checked):
    """(line number, {column: value}) per data row; header problems go into `checked`."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        checked.problems.append((1, _l("The file is not UTF-8 text (byte %(byte)d): save it as CSV UTF-8.", byte=exc.start)))
        return
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        yield from _rows(reader, required, optional, checked)
    except csv.Error as exc:  # a NUL byte, a quote never closed: say where, import nothing
        checked.problems.append((reader.line_num or 1, _l("Not readable as CSV (%(error)s).", error=str(exc))))


def _rows(reader, required, optional, checked):
    header = [name.strip().casefold() for name in next(reader, [])]
    missing = [name for name in required if name not in header]
    unknown = [name for name in header if name and name not in required + optional]
    if missing or unknown:
        checked.problems.append((1, _l("Missing column(s): %(missing)s; unknown column(s): %(unknown)s. Expected: "
                                       "%(expected)s.", missing=", ".join(missing) or "–",
                                       unknown=", ".join(unknown) or "–", expected=", ".join(required + optional))))
        return
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue  # blank lines, as spreadsheets leave them at the end
        if len(values) != len(header):
            checked.problems.append((line, _l("%(values)d values where the header has %(columns)d.", values=len(values), columns=len(header))))
            continue
        if len(checked.rows) + len(checked.problems) >= MAX_ROWS:
            checked.problems.append((line, _l("More than %(max)d rows: split the file.", max=MAX_ROWS)))
            return
        yield line, {name: value.strip() for name, value in zip(header, values)}


def _user(value, line, checked, by_email):
    if not value:
        checked.problems.append((line, _l("No user: give the person's LMS user id or e-mail address.")))
    elif "@" in value and not looks_like_email(value):
        checked.problems.append((line, _l("“%(value)s” is not an e-mail address.", value=value)))
    elif len(value) > MAX_USER:
        checked.problems.append((line, _l("The user id is longer than %(max)d characters.", max=MAX_USER)))
    elif "@" not in value:
        return value
    elif (sub := by_email(value) if by_email else None) is not None:
        return sub  # before the duplicate checks: the same person by id on one line and by address on another
    else:
        checked.problems.append((line, _l(
            "Nobody has opened Leernetwerk from this LMS with the e-mail address “%(email)s” (or the LMS "
            "does not share e-mail addresses): give the LMS user id.", email=value)))
    return None


def read_skills(raw: bytes, by_email=None) -> Checked:
    """Check a skills file; its rows are (line, user, skill, level or None). `by_email(address)` gives the LMS
    user id of the person who launched with an address, or None."""
    checked, seen = Checked(), {}
    for line, record in _records(raw, ("user", "skill"), ("level",), checked):
        user = _user(record["user"], line, checked, by_email)
        skill, level_text = " ".join(record["skill"].split()), record.get("level", "")
        level = None
        if not skill:
            checked.problems.append((line, _l("No skill.")))
        elif len(skill) > MAX_SKILL:
            checked.problems.append((line, _l("The skill is longer than %(max)d characters.", max=MAX_SKILL)))
        if level_text:
            level = int(level_text) if level_text.isdigit() and 1 <= int(level_text) <= 5 else None
            if level is None:
                checked.problems.append((line, _l("Level “%(level)s”: give a whole number from 1 to 5, or leave it empty.", level=level_text)))
        if user and skill and len(skill) <= MAX_SKILL and (level is not None or not level_text):
            key = (user, skill.casefold())
            if key in seen:
                checked.problems.append((line, _l("The same person and skill as line %(line)d.", line=seen[key])))
            else:
                seen[key] = line
                checked.rows.append((line, user, skill, level))
    if not checked.rows and not checked.problems:
        checked.problems.append((1, _l("The file has no rows.")))
    return checked


def read_leaving(raw: bytes, by_email=None) -> Checked:
    """Check a leaving file; its rows are (line, user, date); `by_email` as for read_skills."""
    checked, seen = Checked(), {}
    for line, record in _records(raw, ("user", "leaving_date"), (), checked):
        user = _user(record["user"], line, checked, by_email)
        day = _date(record["leaving_date"])
        if day is None:
            checked.problems.append((line, _l("Date “%(date)s”: write it as YYYY-MM-DD or DD/MM/YYYY.", date=record["leaving_date"])))
        if user and day:
            if user in seen:
                checked.problems.append((line, _l("The same person as line %(line)d.", line=seen[user])))
            else:
                seen[user] = line
                checked.rows.append((line, user, day))
    if not checked.rows and not checked.problems:
        checked.problems.append((1, _l("The file has no rows.")))
    return checked


def _date(text: str) -> date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None
