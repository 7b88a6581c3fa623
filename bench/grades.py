"""Benchmark: scores per second from the outbox to a local AGS endpoint over real HTTP on 127.0.0.1.

    .venv/bin/python bench/grades.py [--count 2000] [--threads 8] [--batch 100] [--seconds 60]
                                     [--latency-ms 0] [--database-url URL] [--redis-url URL]

The platform side (token endpoint and line item scores endpoint) is a tiny threaded WSGI server in
a child process, so it does not share the tool's interpreter lock. Prints scores/s and the number of
token requests; it is not a pass/fail test. `--database-url` tables are dropped and recreated:
point it at a scratch database only. Default: a SQLite file in a temporary folder.
"""
import argparse
import json
import multiprocessing
import os
import statistics
import tempfile
import time

import requests

MAX_COUNT = 20000


def platform_app(counts, lock, latency):
    """The platform's token and scores endpoints as a bare WSGI app (cheap, so we time the tool)."""
    def app(environ, start_response):
        if latency:  # a real LMS takes tens of milliseconds per score
            time.sleep(latency)
        path, method = environ["PATH_INFO"], environ["REQUEST_METHOD"]
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        if method == "POST" and path == "/token":
            with lock:
                counts["token"] += 1
            answer = json.dumps({"access_token": f"t{counts['token']}", "token_type": "Bearer",
                                 "expires_in": 3600}).encode()
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(answer)))])
            return [answer]
        authorized = environ.get("HTTP_AUTHORIZATION", "").startswith("Bearer t")
        if method == "POST" and path.endswith("/scores") and authorized:
            json.loads(body)
            with lock:
                counts["score"] += 1
            start_response("204 No Content", [])
            return []
        if path == "/stats":
            answer = json.dumps(dict(counts)).encode()
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(answer)))])
            return [answer]
        start_response("404 Not Found", [("Content-Length", "0")])
        return []
    return app


def serve(port_queue, latency):
    """Child process: serve the platform app with keep-alive on an ephemeral port."""
    import threading

    from werkzeug.serving import WSGIRequestHandler, make_server

    class KeepAlive(WSGIRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_request(self, *args, **kwargs):
            pass

    server = make_server("127.0.0.1", 0, platform_app({"token": 0, "score": 0}, threading.Lock(), latency),
                         threaded=True, request_handler=KeepAlive)
    port_queue.put(server.server_port)
    server.serve_forever()


def seed(app, base, count, client_id):
    """A platform, a placement with a Moodle-style line item URL, `count` learners and their scores."""
    from lti_tool.extensions import db
    from lti_tool.models import ActivityInstance, Context, Platform, ScoreOutbox, User
    from lti_tool.models.base import utcnow

    with app.app_context():
        db.drop_all()
        db.create_all()
        platform = Platform(name="Bench LMS", issuer=base, client_id=client_id, auth_login_url=f"{base}/auth",
                            auth_token_url=f"{base}/token", jwks_url=f"{base}/jwks")
        db.session.add(platform)
        db.session.flush()
        context = Context(platform_id=platform.id, context_id="c1", title="Bench")
        db.session.add(context)
        db.session.flush()
        instance = ActivityInstance(platform_id=platform.id, context_id=context.id, resource_link_id="rl-1",
                                    activity_type="voting", title="Bench", settings={}, score_maximum=1.0,
                                    lineitem_url=f"{base}/mod/lti/services.php/2/lineitems/5/lineitem?type_id=1")
        db.session.add(instance)
        db.session.flush()
        users = [User(platform_id=platform.id, sub=f"u{i}", name=f"U{i}") for i in range(count)]
        db.session.add_all(users)
        db.session.flush()
        now = utcnow()
        db.session.add_all(ScoreOutbox(
            activity_instance_id=instance.id, user_id=user.id, status="pending", score_given=1.0, score_maximum=1.0,
            activity_progress="Completed", grading_progress="FullyGraded", comment="bench",
            timestamp="2025-01-01T10:00:00.000+00:00", next_attempt_at=now) for user in users)
        db.session.commit()


def main():
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--latency-ms", type=float, default=0.0, help="platform answer delay per request")
    parser.add_argument("--database-url")
    parser.add_argument("--redis-url")
    args = parser.parse_args()
    count = max(1, min(args.count, MAX_COUNT))

    ports = multiprocessing.get_context("spawn").Queue()
    server = multiprocessing.get_context("spawn").Process(target=serve, args=(ports, args.latency_ms / 1000),
                                                              daemon=True)
    server.start()
    base = f"http://127.0.0.1:{ports.get(timeout=30)}"
    folder = tempfile.mkdtemp(prefix="leernetwerk-bench-")
    os.environ.setdefault("LEERNETWERK_INSTANCE_PATH", folder)
    try:
        from lti_tool import create_app
        from lti_tool.grades.worker import drain

        app = create_app({"CONFIG_NAME": "testing", "SECRET_KEY": "bench",
                          "SQLALCHEMY_DATABASE_URI": args.database_url or f"sqlite:///{folder}/bench.db",
                          "REDIS_URL": args.redis_url, "GRADES_SEND_THREADS": args.threads})
        seed(app, base, count, f"bench-{os.getpid()}-{time.time_ns()}")  # new client: no token cached from before
        passes, sent, started = [], 0, time.perf_counter()
        with app.app_context():
            while time.perf_counter() - started < args.seconds:
                begun = time.perf_counter()
                counts = drain(limit=args.batch)
                if not counts["claimed"]:
                    break
                passes.append(time.perf_counter() - begun)
                sent += counts["sent"]
        elapsed = time.perf_counter() - started
        stats = requests.get(f"{base}/stats", timeout=10).json()
        database = app.config["SQLALCHEMY_DATABASE_URI"].split(":", 1)[0]
        print(f"grades bench: {sent}/{count} scores sent in {elapsed:.2f} s -> {sent / elapsed:.0f} scores/s")
        print(f"  database {database}, cache {'redis' if args.redis_url else 'in-process'}, "
              f"{args.threads} send threads, batch {args.batch}, platform latency {args.latency_ms:g} ms")
        print(f"  passes {len(passes)}, pass p50 {statistics.median(passes) * 1000:.1f} ms, "
              f"max {max(passes) * 1000:.1f} ms" if passes else "  no passes")
        print(f"  token requests {stats['token']}, score posts received {stats['score']}")
    finally:
        server.terminate()
        server.join(timeout=5)


if __name__ == "__main__":
    main()
