"""The demo LMS's state in one SQLite file: resource links, line items, scores and counters."""
import json
import math
import secrets
import sqlite3
import threading
import time

from demo_lms.people import COURSE_ID as DEFAULT_COURSE_ID

SCHEMA = """
CREATE TABLE IF NOT EXISTS link (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL DEFAULT '', url TEXT NOT NULL,
    custom TEXT NOT NULL DEFAULT '{}', created_at REAL NOT NULL, course_id TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS lineitem (
    id INTEGER PRIMARY KEY AUTOINCREMENT, course_id TEXT NOT NULL DEFAULT '', label TEXT NOT NULL,
    score_maximum REAL NOT NULL,
    resource_id TEXT NOT NULL DEFAULT '', tag TEXT NOT NULL DEFAULT '', resource_link_id TEXT,
    start_date_time TEXT, end_date_time TEXT, created_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS score (
    lineitem_id INTEGER NOT NULL REFERENCES lineitem(id) ON DELETE CASCADE, user_id TEXT NOT NULL,
    score_given REAL, score_maximum REAL, activity_progress TEXT NOT NULL, grading_progress TEXT NOT NULL,
    comment TEXT, timestamp TEXT NOT NULL, timestamp_epoch REAL NOT NULL, received_at REAL NOT NULL,
    PRIMARY KEY (lineitem_id, user_id));
CREATE TABLE IF NOT EXISTS counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS used_jti (jti TEXT PRIMARY KEY, expires_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS deep_link_request (
    data TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires_at REAL NOT NULL, course_id TEXT NOT NULL DEFAULT '');
"""
# Demo databases from before there were several courses: their rows belong to the first course.
ADDED_COLUMNS = (("link", "course_id"), ("lineitem", "course_id"), ("deep_link_request", "course_id"))
DEEP_LINK_SECONDS = 3600


class Store:
    """Thread-safe access to the SQLite file: one connection, one lock (the demo is small)."""

    def __init__(self, path):
        self.path = str(path)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=10)
        self._db.row_factory = sqlite3.Row
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            # WAL with synchronous=NORMAL stays consistent after a crash and commits without an fsync each time.
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(SCHEMA)
            self._add_course_columns()

    def _add_course_columns(self):
        for table, column in ADDED_COLUMNS:
            columns = {row["name"] for row in self._db.execute(f"PRAGMA table_info({table})")}
            if column not in columns:
                self._db.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
        for table, _column in ADDED_COLUMNS:
            self._db.execute(f"UPDATE {table} SET course_id = ? WHERE course_id = ''", (DEFAULT_COURSE_ID,))

    def close(self):
        """Close the connection."""
        with self._lock:
            self._db.close()

    def _all(self, sql, *args):
        with self._lock:
            return [dict(row) for row in self._db.execute(sql, args).fetchall()]

    def _one(self, sql, *args):
        rows = self._all(sql, *args)
        return rows[0] if rows else None

    def _write(self, sql, *args):
        with self._lock:
            return self._db.execute(sql, args)

    # Counters (shown on /lti/stats)
    def count(self, name, n=1):
        """Add `n` to a named counter."""
        self._write("INSERT INTO counter (name, value) VALUES (?, ?) "
                    "ON CONFLICT(name) DO UPDATE SET value = value + excluded.value", name, n)

    def counters(self):
        """Every counter by name."""
        return {row["name"]: row["value"] for row in self._all("SELECT name, value FROM counter")}

    # Resource links
    def add_link(self, title, url, text="", custom=None, course_id=DEFAULT_COURSE_ID):
        """Create a resource link (an activity in a course); returns it."""
        link_id = "rl-" + secrets.token_hex(8)
        self._write("INSERT INTO link (id, title, text, url, custom, created_at, course_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    link_id, title, text or "", url, json.dumps(custom or {}), time.time(), course_id)
        return self.link(link_id)

    def link(self, link_id):
        """One resource link with its custom parameters decoded, or None."""
        row = self._one("SELECT * FROM link WHERE id = ?", link_id)
        if row:
            row["custom"] = json.loads(row["custom"])
        return row

    def links(self, course_id=None):
        """The resource links (of one course, or all) in the order they were added."""
        rows = (self._all("SELECT * FROM link ORDER BY created_at, id") if course_id is None else
                self._all("SELECT * FROM link WHERE course_id = ? ORDER BY created_at, id", course_id))
        for row in rows:
            row["custom"] = json.loads(row["custom"])
        return rows

    # Line items
    def add_lineitem(self, label, score_maximum, resource_id="", tag="", resource_link_id=None,
                     start_date_time=None, end_date_time=None, course_id=DEFAULT_COURSE_ID):
        """Create a gradebook column in a course; returns it."""
        cursor = self._write(
            "INSERT INTO lineitem (course_id, label, score_maximum, resource_id, tag, resource_link_id, "
            "start_date_time, end_date_time, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", course_id, label,
            float(score_maximum), resource_id or "", tag or "", resource_link_id, start_date_time, end_date_time,
            time.time())
        return self.lineitem(cursor.lastrowid)

    def lineitem(self, lineitem_id):
        """One line item, or None."""
        return self._one("SELECT * FROM lineitem WHERE id = ?", lineitem_id)

    def lineitems(self, resource_link_id=None, resource_id=None, tag=None, course_id=None):
        """Line items (of one course, or all), optionally filtered as the AGS query parameters allow."""
        sql, args = "SELECT * FROM lineitem WHERE 1 = 1", []
        for column, value in (("resource_link_id", resource_link_id), ("resource_id", resource_id), ("tag", tag),
                              ("course_id", course_id)):
            if value is not None:
                sql += f" AND {column} = ?"
                args.append(value)
        return self._all(sql + " ORDER BY id", *args)

    def lineitem_for_link(self, link_id):
        """The (first) line item bound to a resource link, or None."""
        return self._one("SELECT * FROM lineitem WHERE resource_link_id = ? ORDER BY id LIMIT 1", link_id)

    def update_lineitem(self, lineitem_id, **fields):
        """Change a line item's label, maximum, ids, tag or dates; returns it."""
        for column, value in fields.items():
            self._write(f"UPDATE lineitem SET {column} = ? WHERE id = ?", value, lineitem_id)
        return self.lineitem(lineitem_id)

    def delete_lineitem(self, lineitem_id):
        """Remove a line item and its scores."""
        with self._lock:
            self._db.execute("DELETE FROM score WHERE lineitem_id = ?", (lineitem_id,))
            self._db.execute("DELETE FROM lineitem WHERE id = ?", (lineitem_id,))

    # Scores
    def put_score(self, lineitem_id, user_id, score):
        """Keep the newest score per learner: returns 'created', 'updated' or 'older'.

        As strict as Moodle (mod/lti gradebookservices): a score whose timestamp is not later, in
        whole seconds, than the stored one is refused, so two saves within a second collide.
        """
        with self._lock:
            current = self._one("SELECT timestamp_epoch FROM score WHERE lineitem_id = ? AND user_id = ?",
                                lineitem_id, user_id)
            if current and math.floor(current["timestamp_epoch"]) >= math.floor(score["timestamp_epoch"]):
                return "older"
            self._db.execute(
                "INSERT OR REPLACE INTO score (lineitem_id, user_id, score_given, score_maximum, activity_progress, "
                "grading_progress, comment, timestamp, timestamp_epoch, received_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (lineitem_id, user_id, score.get("score_given"), score.get("score_maximum"),
                 score["activity_progress"], score["grading_progress"], score.get("comment"), score["timestamp"],
                 score["timestamp_epoch"], time.time()))
            return "updated" if current else "created"

    def scores(self, lineitem_id=None, user_id=None):
        """Stored scores, optionally for one line item and/or one user."""
        sql, args = "SELECT * FROM score WHERE 1 = 1", []
        if lineitem_id is not None:
            sql, args = sql + " AND lineitem_id = ?", args + [lineitem_id]
        if user_id is not None:
            sql, args = sql + " AND user_id = ?", args + [user_id]
        return self._all(sql + " ORDER BY lineitem_id, user_id", *args)

    # Client assertion ids (replay protection at the token endpoint)
    def use_jti(self, jti, expires_at):
        """Record a client assertion's jti; False when it was seen before."""
        with self._lock:
            self._db.execute("DELETE FROM used_jti WHERE expires_at < ?", (time.time(),))
            try:
                self._db.execute("INSERT INTO used_jti (jti, expires_at) VALUES (?, ?)", (jti, expires_at))
            except sqlite3.IntegrityError:
                return False
            return True

    # Deep linking requests: the opaque `data` the tool must echo
    def new_deep_link_request(self, user_id, course_id=DEFAULT_COURSE_ID):
        """Start a deep linking flow for a user in a course; returns the opaque data string."""
        data = secrets.token_urlsafe(24)
        self._write("INSERT INTO deep_link_request (data, user_id, expires_at, course_id) VALUES (?, ?, ?, ?)",
                    data, user_id, time.time() + DEEP_LINK_SECONDS, course_id)
        return data

    def deep_link_request(self, data):
        """(user id, course id) of the (unexpired) deep linking flow with this data, or (None, None)."""
        row = self._one("SELECT user_id, course_id, expires_at FROM deep_link_request WHERE data = ?", data)
        return (row["user_id"], row["course_id"]) if row and row["expires_at"] > time.time() else (None, None)

    def consume_deep_link_request(self, data):
        """Use a deep linking flow's data once: (user id, course id), or (None, None) if unknown, used or expired."""
        with self._lock:
            found = self.deep_link_request(data)
            self._db.execute("DELETE FROM deep_link_request WHERE data = ?", (data,))
            return found
