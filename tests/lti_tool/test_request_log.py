"""Logs carry ids and routes, never names, answers, tokens or statement parameters."""
import logging

import pytest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from lti_tool.extensions import db
from tests.activities.reflection.conftest import Room, factors, situations

SECRETS = ("Geheime Gebruiker", "GEHEIM-ANTWOORD-7731", "VERTROUWELIJKE-SITUATIE")


def test_statement_parameters_never_reach_an_exception_message(app):
    with pytest.raises(SQLAlchemyError) as failed:
        db.session.execute(text("SELECT * FROM no_such_table WHERE name = :name"), {"name": SECRETS[1]})
    db.session.rollback()
    assert SECRETS[1] not in str(failed.value)


def test_a_session_full_of_personal_data_leaves_none_in_the_logs(app, client, launches, caplog, monkeypatch):
    room = Room(client, launches)
    learner = room.learner(user=launches.user(name=SECRETS[0]))
    with caplog.at_level(logging.DEBUG):
        room.answer(learner, parts=("situations", "factors"), situations=situations(what=SECRETS[2]),
                    factors=factors(brake_text=SECRETS[1]))
        room.page(room.facilitator)
        token = learner.params()["lt"]

        def broken(*args, **kwargs):  # an unexpected failure in the middle of a learner's save
            db.session.execute(text("SELECT * FROM no_such_table WHERE x = :x"), {"x": SECRETS[1]})

        monkeypatch.setattr("lti_tool.saving.queue_score", broken)
        failed = room.save(learner, "action", action_text=SECRETS[1])
        assert failed.status_code == 500
    logged = "\n".join(record.getMessage() + (record.exc_text or "") for record in caplog.records)
    logged += "\n".join(str(record.exc_info[1]) for record in caplog.records if record.exc_info)
    assert "request id=" in logged and "route=/reflection/<id:iid>/parts/<part>" in logged
    assert f"user={learner.user.id}" in logged
    for secret in (*SECRETS, token):
        assert secret not in logged


def test_each_response_names_its_request_id(client):
    response = client.get("/healthz", headers={"X-Request-ID": "lb-abcdef123456"})
    assert response.headers["X-Request-ID"] == "lb-abcdef123456"
    forged = client.get("/healthz", headers={"X-Request-ID": "x status=200 user=1"})
    assert forged.headers["X-Request-ID"] != "x status=200 user=1" and len(forged.headers["X-Request-ID"]) == 16


def test_the_development_server_logs_paths_without_query_strings(app, caplog):
    import threading
    import urllib.request

    from werkzeug.serving import make_server

    from lti_tool.servers import PathOnlyRequestHandler

    server = make_server("127.0.0.1", 0, app, request_handler=PathOnlyRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with caplog.at_level(logging.INFO, logger="werkzeug"):
            urllib.request.urlopen(f"http://127.0.0.1:{server.port}/healthz?lt=SECRET-TOKEN-123").read()
    finally:
        server.shutdown()
    lines = [record.getMessage() for record in caplog.records if record.name == "werkzeug"]
    assert any('"GET /healthz HTTP/1.1" 200' in line for line in lines), lines
    assert not any("SECRET-TOKEN" in line for line in lines)
