"""Tools registered through Dynamic Registration, and the single-use registration tokens, in the demo store."""
import hashlib
import json
import secrets
import sqlite3
import time

SCHEMA = """
CREATE TABLE IF NOT EXISTS registration_token (
    token_hash TEXT PRIMARY KEY, expires_at REAL NOT NULL, used_at REAL);
CREATE TABLE IF NOT EXISTS tool_registration (
    client_id TEXT PRIMARY KEY, deployment_id TEXT NOT NULL, tool TEXT NOT NULL, created_at REAL NOT NULL);
"""
TOKEN_SECONDS = 3600


class ToolRegistrations:
    """Registration tokens (hashed, single use, an hour) and the registered tools, newest in use."""

    def __init__(self, store):
        self.store = store
        with store._lock:
            store._db.executescript(SCHEMA)

    def new_token(self):
        """A registration token for one registration attempt, valid an hour."""
        token = secrets.token_urlsafe(32)
        self.store._write("INSERT INTO registration_token (token_hash, expires_at) VALUES (?, ?)",
                          _hash(token), time.time() + TOKEN_SECONDS)
        return token

    def token_is_valid(self, token):
        """Whether the token is one we issued, unused and unexpired."""
        row = self.store._one("SELECT expires_at, used_at FROM registration_token WHERE token_hash = ?",
                              _hash(token or ""))
        return bool(row) and row["used_at"] is None and row["expires_at"] > time.time()

    def add(self, token, client_id, deployment_id, tool):
        """Store a registered tool, using the token up; False when the token was used meanwhile."""
        with self.store._lock:
            if token is not None:
                used = self.store._db.execute(
                    "UPDATE registration_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL "
                    "AND expires_at > ?", (time.time(), _hash(token), time.time())).rowcount
                if used != 1:
                    return False
            try:
                self.store._db.execute(
                    "INSERT INTO tool_registration (client_id, deployment_id, tool, created_at) VALUES (?, ?, ?, ?)",
                    (client_id, deployment_id, json.dumps(tool), time.time()))
            except sqlite3.IntegrityError:
                return False
        return True

    def latest(self):
        """(client_id, deployment_id, tool values) of the newest registration, or None."""
        row = self.store._one("SELECT * FROM tool_registration ORDER BY created_at DESC, rowid DESC LIMIT 1")
        return (row["client_id"], row["deployment_id"], json.loads(row["tool"])) if row else None


def _hash(token):
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()
