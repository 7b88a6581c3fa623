"""The in-process requests transport (tests/support/wsgi_transport.py) used by every platform test."""
import pytest
import requests
from flask import Flask, Response, redirect, request

from tests.support.wsgi_transport import routed_session


@pytest.fixture
def echo():
    """A small app that echoes what reached it."""
    app = Flask("echo")

    @app.route("/echo/<path:rest>", methods=["GET", "POST", "PUT", "DELETE"])
    def echo_view(rest):
        response = Response(request.get_data(), status=201, content_type="application/json; charset=utf-8")
        response.headers["X-Method"] = request.method
        response.headers["X-Query"] = request.query_string.decode()
        response.headers["X-Auth"] = request.headers.get("Authorization", "")
        response.headers["X-Host"] = request.host
        response.headers["Link"] = "<http://a.test/echo/next?page=2>; rel=next"
        response.set_cookie("c", "1")
        return response

    @app.get("/jump")
    def jump():
        return redirect("/echo/landed?x=1")

    @app.get("/who")
    def who():
        return request.cookies.get("c", "none")

    return app


def test_request_parts_reach_the_app_and_the_response_is_real(echo):
    session = routed_session({"http://a.test": echo})
    response = session.put("http://a.test/echo/x?y=1&z=2", json={"k": "v"}, headers={"Authorization": "Bearer t"})
    assert isinstance(response, requests.Response)
    assert response.status_code == 201 and response.reason == "Created"
    assert response.json() == {"k": "v"} and response.encoding == "utf-8"
    assert response.headers["X-Method"] == "PUT" and response.headers["X-Query"] == "y=1&z=2"
    assert response.headers["X-Auth"] == "Bearer t" and response.headers["X-Host"] == "a.test"
    assert response.links["next"]["url"] == "http://a.test/echo/next?page=2"
    assert response.url == "http://a.test/echo/x?y=1&z=2" and response.request.method == "PUT"


def test_redirects_and_cookies_work_like_over_the_network(echo):
    session = routed_session({"http://a.test": echo})
    response = session.get("http://a.test/jump")
    assert response.url == "http://a.test/echo/landed?x=1" and response.history[0].status_code == 302
    assert session.get("http://a.test/who").text == "1"


def test_several_apps_and_no_network(echo):
    other = Flask("other")
    other.add_url_rule("/", "root", lambda: "other")
    session = routed_session({"http://a.test": echo, "http://b.test": other})
    assert session.get("http://b.test/").text == "other"
    with pytest.raises(requests.ConnectionError):
        session.get("http://a.testing.example/")
    with pytest.raises(requests.ConnectionError):
        session.get("https://a.test/echo/x")
