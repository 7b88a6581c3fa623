"""Launch benchmark: full OIDC login → id_token launch round trips against gunicorn, on SQLite and PostgreSQL.

Run from the repository root: `.venv/bin/python bench/launch.py` (see bench/README.md, "## Launches").
The benchmark is the platform itself: it signs the id_tokens and serves their JWKS on loopback.
"""
import argparse
import http.cookiejar
import json
import os
import random
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import jwt
import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PG_SERVER = "postgresql://postgres@127.0.0.1:5432"
PG_DATABASE = "leernetwerk_bench"
CLIENT_ID, DEPLOYMENT_ID = "leernetwerk-bench", "bench-deployment-1"
TARGET_RATE, TARGET_P99_MS = 200, 100
LTI = "https://purl.imsglobal.org/spec/lti/claim/"
LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
CLK_TCK = os.sysconf("SC_CLK_TCK")
TOP_LEVEL = {"Sec-Fetch-Dest": "document"}  # what a browser sends for a page in a window of its own


def free_port():
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class BenchPlatform:
    """The LMS side: an RSA key, its JWKS served on 127.0.0.1, and id_token signing."""

    def __init__(self, users, links):
        self.key, self.kid = rsa.generate_private_key(public_exponent=65537, key_size=2048), secrets.token_hex(8)
        self.users, self.links, self.jwks_fetches = users, links, 0
        jwk = {**json.loads(RSAAlgorithm.to_jwk(self.key.public_key())), "kid": self.kid, "alg": "RS256", "use": "sig"}
        body, lock, platform = json.dumps({"keys": [jwk]}).encode(), threading.Lock(), self

        class Handler(BaseHTTPRequestHandler):
            """Serves the platform's JWKS at /jwks and nothing else."""

            def do_GET(self):
                """Answer a key set request."""
                if self.path != "/jwks":
                    self.send_error(404)
                    return
                with lock:  # the count shows whether the tool caches the key set
                    platform.jwks_fetches += 1
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                """Quiet."""

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.issuer = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def id_token(self, nonce, target, rng):
        """A signed LtiResourceLinkRequest for a random user and resource link."""
        user, link, now = rng.randrange(self.users), rng.randrange(self.links), int(time.time())
        claims = {
            "iss": self.issuer, "aud": CLIENT_ID, "azp": CLIENT_ID, "sub": f"bench-user-{user}",
            "exp": now + 300, "iat": now, "nonce": nonce, "name": f"Deelnemer {user}",
            LTI + "deployment_id": DEPLOYMENT_ID, LTI + "message_type": "LtiResourceLinkRequest",
            LTI + "version": "1.3.0", LTI + "target_link_uri": target,
            LTI + "resource_link": {"id": f"bench-link-{link}", "title": f"Activiteit {link}"},
            LTI + "context": {"id": f"bench-course-{link % 4}", "title": f"Lerend netwerk {link % 4}", "label": "LN"},
            LTI + "roles": [INSTRUCTOR if user % 20 == 0 else LEARNER],
            LTI + "launch_presentation": {"locale": "nl-NL", "document_target": "iframe"},
        }
        return jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": self.kid})

    def close(self):
        """Stop serving the JWKS."""
        self.server.shutdown()
        self.server.server_close()


def prepare_database(name, tmp):
    """The database URL for a run, with no tables left from earlier runs; None when unreachable."""
    if name == "sqlite":
        return f"sqlite:///{tmp}/bench.db"
    import psycopg

    try:
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=3) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (PG_DATABASE,)).fetchone():
                conn.execute(f"CREATE DATABASE {PG_DATABASE}")
    except psycopg.OperationalError as exc:
        print(f"note: PostgreSQL at {PG_SERVER} is unreachable, skipping it ({str(exc).strip()[:120]})")
        return None
    url = f"{PG_SERVER}/{PG_DATABASE}"
    with psycopg.connect(url, autocommit=True) as conn:
        tables = [row[0] for row in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        if tables:
            conn.execute("DROP TABLE " + ", ".join(f'"{table}"' for table in tables) + " CASCADE")
    return url


class Tool:
    """Leernetwerk under gunicorn (2 workers) on a free loopback port, prepared through its own CLI."""

    def __init__(self, database_url, tmp, platform):
        port = free_port()
        self.base_url, self.log_path, self.proc = f"http://127.0.0.1:{port}", Path(tmp) / "gunicorn.log", None
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("LEERNETWERK_")}
        self.env.update(LEERNETWERK_ENV="development", LEERNETWERK_BASE_URL=self.base_url,
                        LEERNETWERK_SECRET_KEY=secrets.token_urlsafe(32), LEERNETWERK_INSTANCE_PATH=str(tmp),
                        LEERNETWERK_DATABASE_URL=database_url, LEERNETWERK_WORKERS="2",
                        LEERNETWERK_BIND=f"127.0.0.1:{port}")
        self.cli("db", "upgrade")
        self.cli("platform", "add", "--issuer", platform.issuer, "--client-id", CLIENT_ID,
                 "--auth-login-url", f"{platform.issuer}/auth", "--auth-token-url", f"{platform.issuer}/token",
                 "--jwks-url", f"{platform.issuer}/jwks", "--deployment-id", DEPLOYMENT_ID, "--name", "Bench LMS")

    def cli(self, *args):
        """Run one `leernetwerk` command against this run's database."""
        done = subprocess.run([str(BIN / "leernetwerk"), *args], cwd=ROOT, env=self.env, capture_output=True,
                              text=True, timeout=120)
        if done.returncode:
            raise RuntimeError(f"leernetwerk {' '.join(args)} failed:\n{done.stdout}{done.stderr}")

    def start(self):
        """Start gunicorn and wait (bounded) until /healthz answers and every worker has booted."""
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen([str(BIN / "gunicorn"), "-c", "config/gunicorn.conf.py",
                                          "lti_tool:create_app()"], cwd=ROOT, env=self.env, stdout=log,
                                         stderr=subprocess.STDOUT)
        deadline, healthy, last = time.monotonic() + 30, False, None
        while time.monotonic() < deadline and self.proc.poll() is None:
            try:
                healthy = healthy or requests.get(self.base_url + "/healthz", timeout=1).status_code == 200
            except requests.RequestException:
                pass
            # /healthz answers once ONE worker is up; keep-alive clients connecting then would all stay on
            # it. A booting worker burns CPU importing the app, so wait until all workers sit idle.
            cpu = self.worker_cpu()
            if healthy and len(cpu) == int(self.env["LEERNETWERK_WORKERS"]) and cpu == last:
                return
            last = cpu
            time.sleep(0.5)
        raise RuntimeError(f"gunicorn did not become ready; log tail:\n{self.log_path.read_text()[-2000:]}")

    def worker_cpu(self):
        """User+system CPU seconds of each gunicorn worker so far, by pid."""
        return {int(p): _proc_cpu(p) for p in os.listdir("/proc") if p.isdigit() and _ppid(p) == self.proc.pid}

    def cpu_seconds(self):
        """User+system CPU of the gunicorn master and its workers so far."""
        return _proc_cpu(self.proc.pid) + sum(self.worker_cpu().values())

    def stop(self):
        """Terminate gunicorn gracefully, then forcefully if it lingers."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=25)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)


def _stat_fields(pid):
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()  # the command name may contain spaces


def _ppid(pid):
    fields = _stat_fields(pid)
    return int(fields[1]) if fields else None


def _proc_cpu(pid):
    fields = _stat_fields(pid)
    return (int(fields[11]) + int(fields[12])) / CLK_TCK if fields else 0.0


def postgres_backend_seconds():
    """User+system CPU of the PostgreSQL backends serving the benchmark database (their title names it)."""
    total = 0.0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            title = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if title.startswith(b"postgres: ") and f" {PG_DATABASE} ".encode() in title:
            total += _proc_cpu(pid)
    return total


def machine_busy_seconds():
    """CPU seconds all cores spent busy (not idle or iowait) since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    return (sum(values) - values[3] - values[4]) / CLK_TCK


class Clients:
    """Concurrent clients, each with its own keep-alive session, sharing one bounded budget of launches."""

    def __init__(self, tool, platform, count):
        self.tool, self.platform, self.stop = tool, platform, threading.Event()
        self.sessions, self.rngs = [requests.Session() for _ in range(count)], [random.Random(i) for i in range(count)]
        for session in self.sessions:
            # Send exactly the cookie a browser would; the Secure cookies would not go over http anyway.
            session.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))

    def one_launch(self, session, rng):
        """One login → launch round trip; returns (error or None, client signing CPU seconds)."""
        base, target = self.tool.base_url, self.tool.base_url + "/lti/launch"
        # A top-level launch (the LMS opens a new window): the state cookie comes back, no storage page.
        login = session.get(base + "/lti/login", allow_redirects=False, timeout=10, params={
            "iss": self.platform.issuer, "login_hint": secrets.token_hex(4), "target_link_uri": target,
            "client_id": CLIENT_ID, "lti_deployment_id": DEPLOYMENT_ID}, headers=TOP_LEVEL)
        if login.status_code != 302:
            return f"login {_summary(login)}", 0.0
        query = parse_qs(urlparse(login.headers["Location"]).query)
        cookie = next((c.split(";", 1)[0] for c in login.raw.headers.getlist("Set-Cookie")
                       if c.startswith("ln_state_")), "")
        started = time.thread_time()
        token = self.platform.id_token(query["nonce"][0], target, rng)
        signing = time.thread_time() - started
        launch = session.post(target, data={"id_token": token, "state": query["state"][0]},
                              headers={"Cookie": cookie}, allow_redirects=False, timeout=10)
        if launch.status_code != 303:
            return f"launch {_summary(launch)}", signing
        return None, signing

    def run(self, count, seconds):
        """Run at most `count` launches or `seconds`, whichever ends first; returns the measurements."""
        tickets, lock, deadline = iter(range(count)), threading.Lock(), time.monotonic() + seconds
        latencies, errors, signing = [], [], [0.0]

        def client(i):
            while not self.stop.is_set() and time.monotonic() < deadline:
                with lock:
                    if next(tickets, None) is None:
                        return
                started = time.perf_counter()
                try:
                    error, signed = self.one_launch(self.sessions[i], self.rngs[i])
                except Exception as exc:  # connection failures count as errors, they must not end the run
                    error, signed = f"{type(exc).__name__}: {exc}", 0.0
                elapsed = time.perf_counter() - started
                with lock:
                    signing[0] += signed
                    (errors.append(error) if error else latencies.append(elapsed))

        threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(len(self.sessions))]
        workers, server, busy = self.tool.worker_cpu(), self.tool.cpu_seconds(), machine_busy_seconds()
        database = postgres_backend_seconds()
        cpu, wall = time.process_time(), time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=seconds + 30)
        return {"wall": time.perf_counter() - wall, "latencies": sorted(latencies), "errors": errors,
                "client_cpu": time.process_time() - cpu, "signing_cpu": signing[0],
                "server_cpu": self.tool.cpu_seconds() - server, "busy": machine_busy_seconds() - busy,
                "database_cpu": postgres_backend_seconds() - database,
                "per_worker": [now - workers.get(pid, 0.0) for pid, now in sorted(self.tool.worker_cpu().items())]}

    def close(self):
        """Stop the clients and close their connections."""
        self.stop.set()
        for session in self.sessions:
            session.close()


def _summary(response):
    """Status, title and admin detail of an error page (not its whole HTML), then its log reference."""
    title, detail, ref = (re.search(pattern, response.text, re.S) for pattern in
                          (r"<title>(.*?)</title>", r"<pre>(.*?)</pre>", r"<code>(.*?)</code>"))
    parts = [" ".join(match.group(1).split()) for match in (title, detail) if match] or [response.text[:300]]
    return f"HTTP {response.status_code}: {' | '.join(parts)}" + (f" [ref {ref.group(1)}]" if ref else "")


def percentile(values, fraction):
    """Nearest-rank percentile of sorted values."""
    return values[max(0, min(len(values) - 1, int(-(-fraction * len(values) // 1)) - 1))] if values else float("nan")


def bench_database(name, args, platform):
    """Prepare, start, warm up and measure one database; None when it is skipped."""
    with tempfile.TemporaryDirectory(prefix=f"leernetwerk-bench-{name}-") as tmp:
        url = prepare_database(name, tmp)
        if url is None:
            return None
        tool, clients, fetches = Tool(url, tmp, platform), None, platform.jwks_fetches
        try:
            tool.start()
            clients = Clients(tool, platform, args.clients)
            warm = clients.run(args.warmup, args.seconds)
            if warm["errors"]:
                print(f"{name}: {len(warm['errors'])} errors during warm-up, first: {warm['errors'][0]}")
            result = clients.run(args.launches, args.seconds)
            result["jwks_fetches"] = platform.jwks_fetches - fetches
            if warm["errors"] or result["errors"]:
                # Keep the server's side of the failures before the temporary directory goes.
                lines = [line for line in tool.log_path.read_text().splitlines() if not line.startswith("127.0.0.1 - ")]
                result["log_tail"] = "\n".join(lines[-12:])
            return result
        finally:
            if clients is not None:
                clients.close()
            tool.stop()


def report(results, cores):
    """Print the throughput table, the CPU split and the verdict against the targets."""
    print(f"\n{'database':10} {'launches':>8} {'seconds':>8} {'launches/s':>10} {'p50 ms':>7} {'p99 ms':>7} "
          f"{'errors':>6}")
    for name, r in results.items():
        lat = r["latencies"]
        print(f"{name:10} {len(lat):8d} {r['wall']:8.2f} {len(lat) / r['wall']:10.1f} "
              f"{percentile(lat, .5) * 1000:7.1f} {percentile(lat, .99) * 1000:7.1f} {len(r['errors']):6d}")
    print(f"\nCPU seconds during the measurement ({cores} cores). client: this process, signing included; "
          f"postgres: the backends serving {PG_DATABASE} (SQLite runs inside gunicorn); other: anything else "
          f"running on the machine. JWKS fetches: over the whole run.")
    print(f"{'database':10} {'client':>7} {'signing':>7} {'gunicorn':>8} {'per worker':>11} {'postgres':>8} "
          f"{'other':>6} {'busy %':>6} {'ms/launch: client':>17} {'gunicorn':>8} {'postgres':>8} {'JWKS fetches':>12}")
    for name, r in results.items():
        n = max(1, len(r["latencies"]) + len(r["errors"]))
        other = max(0.0, r["busy"] - r["client_cpu"] - r["server_cpu"] - r["database_cpu"])
        split = "+".join(f"{cpu:.1f}" for cpu in r["per_worker"])
        print(f"{name:10} {r['client_cpu']:7.2f} {r['signing_cpu']:7.2f} {r['server_cpu']:8.2f} {split:>11} "
              f"{r['database_cpu']:8.2f} {other:6.2f} {100 * r['busy'] / (cores * r['wall']):6.0f} "
              f"{1000 * r['client_cpu'] / n:17.2f} {1000 * r['server_cpu'] / n:8.2f} "
              f"{1000 * r['database_cpu'] / n:8.2f} {r['jwks_fetches']:12d}")
        if len(r["per_worker"]) > 1 and min(r["per_worker"]) < 0.25 * max(r["per_worker"]):
            print(f"{'':10} warning: the keep-alive connections landed unevenly on the workers; rerun")
    print(f"\nTargets: >= {TARGET_RATE} launches/s with p99 < {TARGET_P99_MS} ms")
    for name, r in results.items():
        rate, p99 = len(r["latencies"]) / r["wall"], percentile(r["latencies"], .99) * 1000
        met = rate >= TARGET_RATE and p99 < TARGET_P99_MS and not r["errors"]
        print(f"  {name:10} {'met' if met else 'MISSED'} ({rate:.0f}/s, p99 {p99:.0f} ms)")
        kinds = {}
        for error in r["errors"]:  # group by message: each error page has its own reference
            kinds.setdefault(re.sub(r" \[ref \w+\]$", "", error), []).append(error)
        for same in list(kinds.values())[:5]:
            print(f"    {len(same)} x error: {same[0]}")
        if r.get("log_tail"):
            tail = r["log_tail"].replace("\n", "\n      ")
            print(f"    gunicorn log (last lines without the access log):\n      {tail}")


def main():
    """Parse arguments, run each database in turn and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=100, help="launches before measuring")
    parser.add_argument("--launches", type=int, default=2000, help="launches measured (at most)")
    parser.add_argument("--seconds", type=float, default=15.0, help="time limit per phase")
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--links", type=int, default=20)
    args = parser.parse_args()
    names = [name.strip() for name in args.databases.split(",")]
    if not set(names) <= {"sqlite", "postgresql"}:
        parser.error("--databases takes sqlite and/or postgresql")
    platform = BenchPlatform(args.users, args.links)
    results = {}
    try:
        for name in names:
            result = bench_database(name, args, platform)
            if result is not None:
                results[name] = result
    finally:
        platform.close()
    report(results, os.cpu_count())
    return 0 if results and all(not r["errors"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
