"""What the benchmarks share: the LMS side (an RSA key, its JWKS on loopback, signed id_tokens), a fresh
database, Leernetwerk under gunicorn prepared through its own CLI, CPU readings from /proc, and reporting."""
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jwt
import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PG_SERVER = "postgresql://postgres@127.0.0.1:5432"
PG_DATABASE = "leernetwerk_bench"
CLIENT_ID, DEPLOYMENT_ID = "leernetwerk-bench", "bench-deployment-1"
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


def page_summary(response):
    """Status, title and admin detail of an error page (not its whole HTML), then its log reference."""
    title, detail, ref = (re.search(pattern, response.text, re.S) for pattern in
                          (r"<title>(.*?)</title>", r"<pre>(.*?)</pre>", r"<code>(.*?)</code>"))
    parts = [" ".join(match.group(1).split()) for match in (title, detail) if match] or [response.text[:300]]
    return f"HTTP {response.status_code}: {' | '.join(parts)}" + (f" [ref {ref.group(1)}]" if ref else "")


def print_errors(errors, indent="", most=5):
    """The errors grouped by message (each error page has its own reference), the largest groups first."""
    kinds = {}
    for error in errors:
        kinds.setdefault(re.sub(r" \[ref \w+\]$", "", error), []).append(error)
    for same in sorted(kinds.values(), key=len, reverse=True)[:most]:
        print(f"{indent}{len(same)} x error: {same[0][:300]}")


def database_names(parser, args):
    """The databases `--databases` names (sqlite, postgresql), or the parser's error."""
    names = [name.strip() for name in args.databases.split(",")]
    if not set(names) <= {"sqlite", "postgresql"}:
        parser.error("--databases takes sqlite and/or postgresql")
    return names


def percentile(values, fraction):
    """Nearest-rank percentile of sorted values."""
    return values[max(0, min(len(values) - 1, int(-(-fraction * len(values) // 1)) - 1))] if values else float("nan")
