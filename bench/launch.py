"""Launch benchmark: full OIDC login → id_token launch round trips against gunicorn, on SQLite and PostgreSQL.

Run from the repository root: `.venv/bin/python bench/launch.py` (see bench/README.md, "## Launches").
The benchmark is the platform itself: it signs the id_tokens and serves their JWKS on loopback.
"""
import argparse
import http.cookiejar
import os
import random
import secrets
import sys
import tempfile
import threading
import time
from urllib.parse import parse_qs, urlparse

import requests

from harness import (CLIENT_ID, DEPLOYMENT_ID, PG_DATABASE, TOP_LEVEL, BenchPlatform, Tool, database_names,
                     machine_busy_seconds, page_summary, percentile, postgres_backend_seconds, prepare_database,
                     print_errors)

TARGET_RATE, TARGET_P99_MS = 200, 100


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
            return f"login {page_summary(login)}", 0.0
        query = parse_qs(urlparse(login.headers["Location"]).query)
        cookie = next((c.split(";", 1)[0] for c in login.raw.headers.getlist("Set-Cookie")
                       if c.startswith("ln_state_")), "")
        started = time.thread_time()
        token = self.platform.id_token(query["nonce"][0], target, rng)
        signing = time.thread_time() - started
        launch = session.post(target, data={"id_token": token, "state": query["state"][0]},
                              headers={"Cookie": cookie}, allow_redirects=False, timeout=10)
        if launch.status_code != 303:
            return f"launch {page_summary(launch)}", signing
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
        print_errors(r["errors"], indent="    ")
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
    names = database_names(parser, args)
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
