"""A fifth activity needs one package and one registry line: the tiny one in tests/activities/tiny shows it."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_tiny_fifth_activity_gets_the_whole_spine_from_the_core():
    # Its own process and an in-memory SQLite database: its table must not reach this suite's metadata,
    # and its session must not reset the database this suite may share (PostgreSQL in CI).
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEERNETWERK_TEST_")}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/activities/tiny/check_fifth_activity.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=200)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "5 passed" in result.stdout
