"""The factory's configuration rules."""
import pytest

from lti_tool import create_app
from lti_tool.app import normalise_database_url


def test_production_refuses_missing_secret(tmp_path, monkeypatch):
    monkeypatch.setenv("LEERNETWERK_INSTANCE_PATH", str(tmp_path))
    with pytest.raises(SystemExit, match="LEERNETWERK_SECRET_KEY must be at least 32 bytes"):
        create_app({"CONFIG_NAME": "production", "SECRET_KEY": None, "BASE_URL": "https://tool.example.org",
                    "SQLALCHEMY_DATABASE_URI": "sqlite://"})


def test_production_refuses_plain_http_base_url(tmp_path, monkeypatch):
    monkeypatch.setenv("LEERNETWERK_INSTANCE_PATH", str(tmp_path))
    with pytest.raises(SystemExit, match="must start with https://"):
        create_app({"CONFIG_NAME": "production", "SECRET_KEY": "x" * 40, "BASE_URL": "http://tool.example.org",
                    "SQLALCHEMY_DATABASE_URI": "sqlite://"})


def test_production_allows_localhost_http(tmp_path, monkeypatch):
    monkeypatch.setenv("LEERNETWERK_INSTANCE_PATH", str(tmp_path))
    app = create_app({"CONFIG_NAME": "production", "SECRET_KEY": "x" * 40, "BASE_URL": "http://localhost:8000",
                      "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.config["BASE_URL"] == "http://localhost:8000"


def test_development_generates_and_keeps_a_secret(tmp_path, monkeypatch):
    monkeypatch.setenv("LEERNETWERK_INSTANCE_PATH", str(tmp_path))
    first = create_app({"CONFIG_NAME": "development", "SECRET_KEY": None}).config["SECRET_KEY"]
    second = create_app({"CONFIG_NAME": "development", "SECRET_KEY": None}).config["SECRET_KEY"]
    assert first == second and len(first) > 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_default_database_is_sqlite_in_instance_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("LEERNETWERK_INSTANCE_PATH", str(tmp_path))
    app = create_app({"CONFIG_NAME": "development", "SQLALCHEMY_DATABASE_URI": None})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'leernetwerk.db'}"


def test_sqlite_runs_in_wal_mode(tmp_path, monkeypatch):
    from lti_tool.extensions import db

    monkeypatch.setenv("LEERNETWERK_INSTANCE_PATH", str(tmp_path))
    app = create_app({"CONFIG_NAME": "development", "SQLALCHEMY_DATABASE_URI": None})
    with app.app_context():
        assert db.session.execute(db.text("PRAGMA journal_mode")).scalar() == "wal"
        assert db.session.execute(db.text("PRAGMA synchronous")).scalar() == 1  # NORMAL


def test_postgres_urls_use_psycopg3():
    assert normalise_database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_database_url("sqlite:///x.db") == "sqlite:///x.db"


def test_unknown_config_name_is_a_clear_error():
    with pytest.raises(SystemExit, match="Unknown LEERNETWERK_ENV"):
        create_app("staging")


def test_live_poll_seconds_come_from_the_environment_and_nonsense_is_refused(monkeypatch):
    from config import _seconds

    monkeypatch.setenv("LEERNETWERK_LIVE_POLL_SECONDS", "0.4")
    assert _seconds("LIVE_POLL_SECONDS", "1.5") == 0.4
    monkeypatch.delenv("LEERNETWERK_LIVE_POLL_SECONDS")
    assert _seconds("LIVE_POLL_SECONDS", "1.5") == 1.5
    for bad in ("soon", "0", "-1", "nan", "inf", "86400"):
        monkeypatch.setenv("LEERNETWERK_LIVE_POLL_SECONDS", bad)
        with pytest.raises(SystemExit, match="LEERNETWERK_LIVE_POLL_SECONDS must be a number of seconds above 0 and"):
            _seconds("LIVE_POLL_SECONDS", "1.5")
