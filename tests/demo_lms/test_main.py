"""`python -m demo_lms`: the registration printout, a real server on loopback, state kept in the instance."""
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from demo_lms import create_demo_lms

ROOT = Path(__file__).resolve().parents[2]


def test_print_registration_is_json_for_the_tools_cli():
    output = subprocess.check_output(
        [sys.executable, "-m", "demo_lms", "--print-registration", "--lms-url", "http://127.0.0.1:5000",
         "--tool-url", "http://localhost:5001"], cwd=ROOT, timeout=60)
    values = json.loads(output)
    assert values["issuer"] == "http://127.0.0.1:5000" and values["client_id"] == "leernetwerk-demo"
    assert values["auth_login_url"] == "http://127.0.0.1:5000/lti/auth"


def test_key_secret_and_state_survive_a_restart(tmp_path):
    first = create_demo_lms("http://tool.test", "http://lms.test", tmp_path)
    state = first.extensions["demo_lms"]
    link = state.store.add_link("Stellingen", "http://tool.test/lti/launch")
    kid = state.registration.get_kid()
    state.store.close()
    second = create_demo_lms("http://tool.test", "http://lms.test", tmp_path).extensions["demo_lms"]
    assert second.registration.get_kid() == kid and second.store.link(link["id"])["title"] == "Stellingen"
    second.store.close()
    assert oct((tmp_path / "platform_key.pem").stat().st_mode & 0o777) == "0o600"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_standalone_server_serves_the_course(tmp_path):
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "demo_lms", "--port", str(port), "--tool-url", "http://localhost:5001",
         "--instance", str(tmp_path / "lms")], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline, response = time.monotonic() + 30, None
        while time.monotonic() < deadline:
            try:
                response = requests.get(f"http://127.0.0.1:{port}/course", timeout=2)
                break
            except requests.ConnectionError:
                time.sleep(0.2)
        assert response is not None and response.status_code == 200
        assert "Lerend netwerk Zorg &amp; Welzijn" in response.text
        assert requests.get(f"http://127.0.0.1:{port}/lti/jwks", timeout=2).json()["keys"][0]["kty"] == "RSA"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_like_moodle_means_single_use_hints_and_no_platform_storage(tmp_path):
    from demo_lms.__main__ import parse_args

    assert parse_args(["--like-moodle"]).like_moodle and not parse_args([]).like_moodle
    state = create_demo_lms("http://tool.test", "http://lms.test", tmp_path, platform_storage=True,
                            like_moodle=True).extensions["demo_lms"]
    assert state.single_use_hints and not state.platform_storage
    state.store.close()
