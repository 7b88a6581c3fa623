"""A live session as a crowd plays it: 300 learners launch within 10 s, vote on four statements one at a time
while their pages, the facilitator and the wall follow the session by polling; on SQLite and PostgreSQL + Redis.

Run from the repository root: `.venv/bin/python bench/live.py` (see bench/README.md, "## Live session").
The benchmark is the LMS (it signs the launches, as bench/launch.py does) and every browser at once.
"""
import argparse
import os
import random
import re
import sys
import tempfile
import time
from urllib.parse import parse_qs, urljoin, urlparse

from crowd import Crowd, Person, Platform, form_on, wait_until
from harness import (Tool, database_names, machine_busy_seconds, page_summary, percentile, postgres_backend_seconds,
                     prepare_database, print_errors)

POLL_SECONDS = 1.5  # what the pages' script waits between questions (LIVE_POLL_SECONDS in config/); --poll-seconds
TARGET_VOTE_P99_MS, TARGET_VIEWER_SECONDS = 250, 2.0
REDIS_URL = "redis://127.0.0.1:6379/13"


def cpu_now(tool):
    """(gunicorn CPU, PostgreSQL backends CPU, machine busy CPU, this client's CPU) seconds so far."""
    return tool.cpu_seconds(), postgres_backend_seconds(), machine_busy_seconds(), time.process_time()


def session_run(name, args, platform):
    """Play the session against one database; returns the measurements."""
    with tempfile.TemporaryDirectory(prefix=f"leernetwerk-live-{name}-") as tmp:
        url = prepare_database(name, tmp)
        if url is None:
            return None
        tool = Tool(url, tmp, platform)
        if name == "postgresql":
            tool.env["LEERNETWERK_REDIS_URL"] = REDIS_URL
        crowd = None
        try:
            tool.start()
            crowd = Crowd(tool, platform, args.threads, args.poll_seconds)
            return play(crowd, tool, args)
        finally:
            if crowd is not None:
                crowd.close()
            tool.stop()


def play(crowd, tool, args):
    """The session itself: set-up, launches, pages, four paced statements, and the final count."""
    result = {"phases": {}}
    facilitator = Person("facilitator")
    crowd.launch(facilitator, instructor=True)
    if not facilitator.page_url:
        raise RuntimeError(f"the facilitator's launch failed: {crowd.errors}")
    setup = crowd.open_page(facilitator)  # an unconfigured link: the activity picker, then the settings
    if "/voting" not in (facilitator.page_url + setup):
        raise RuntimeError("the facilitator's launch did not reach the activity picker")
    settings = crowd.session().get(urljoin(crowd.base, urlparse(facilitator.page_url).path + "/voting"),
                                   params={"lt": parse_qs(urlparse(facilitator.page_url).query)["lt"][0]})
    action, fields = form_on(settings.text, "/voting")
    fields["min_group_size"] = "5"
    made = crowd.session().post(urljoin(crowd.base, action), data=fields, allow_redirects=False)
    if made.status_code != 303:
        raise RuntimeError(f"configuring the activity failed: {page_summary(made)}")
    facilitator.page_url = urljoin(crowd.base, made.headers["Location"])
    page = crowd.open_page(facilitator)
    control_url = urljoin(crowd.base, form_on(page, "/control")[0])

    def control(action, **extra):
        page = crowd.open_page(facilitator)  # fresh round and statement, as the facilitator's page shows
        _action, fields = form_on(page, "/control")
        answer = crowd.timed("control", "POST", control_url, data={**fields, "action": action, **extra})
        if answer.status_code != 303:
            crowd.error(f"control {action} {page_summary(answer)}")

    # 1. Launches only: 300 learners within 10 s, open loop (one every launch_seconds / learners).
    learners = [Person(n) for n in range(args.learners)]
    before, started = cpu_now(tool), time.monotonic()
    for number, person in enumerate(learners):
        crowd.at(started + number * args.launch_seconds / args.learners, lambda p=person: crowd.launch(p))
    wait_until(lambda: all(p.page_url for p in learners) or len(crowd.errors) > 50, args.launch_seconds + 60,
               "the launches")
    result["phases"]["launch"] = phase(tool, before, started, len(learners))

    # 2. Pages open and follow the session; the facilitator's page and the wall follow too.
    before, started = cpu_now(tool), time.monotonic()
    for person in learners:
        crowd.at(time.monotonic(), lambda p=person: (crowd.open_page(p), crowd.follow(p)))
    wait_until(lambda: all(p.live_url for p in learners) or len(crowd.errors) > 50, 60, "the pages")
    placement = urlparse(facilitator.page_url).path.split("/")[-1]
    opened = crowd.session().post(urljoin(crowd.base, f"/present/open/{placement}"),
                                  data={**form_on(page, "/present/open")[1]}, allow_redirects=False)
    wall = Person("wall")
    wall.live_url = urljoin(crowd.base, opened.headers["Location"].partition("#")[0] + "/live")
    crowd.follow(wall, kind="wall poll")
    crowd.follow(facilitator, kind="facilitator poll")
    result["phases"]["pages"] = phase(tool, before, started, len(learners))
    keys = re.findall(r'name="statement" value="([^"]+)"', page)
    time.sleep(args.idle_seconds)  # everyone watching, nobody acting: what polling alone costs
    before, started = cpu_now(tool), time.monotonic()
    polls_before = sum(n for (kind, _status), n in crowd.counts.items() if "poll" in kind)
    time.sleep(args.idle_seconds)
    polls = sum(n for (kind, _status), n in crowd.counts.items() if "poll" in kind) - polls_before
    result["phases"]["watching"] = phase(tool, before, started, polls)

    # 3. One statement at a time: every learner votes within vote_seconds of the statement appearing.
    control("pace_one")
    before, started = cpu_now(tool), time.monotonic()
    rng, votes = random.Random(7), 0
    for number, key in enumerate(keys):
        if number:
            control("next", statement=keys[number - 1])
        opened_at = time.monotonic()
        done_before = crowd.counts.get(("vote", 303), 0)
        for person in learners:
            choice, due = "agree" if rng.random() < 0.6 else "disagree", opened_at + rng.uniform(0, args.vote_seconds)
            crowd.at(due, lambda p=person, k=key, c=choice, d=due:
                     crowd.vote(p, k, c, f"Omdat {p.number} het zo ziet.", d))
        votes += len(learners)
        wait_until(lambda: crowd.counts.get(("vote", 303), 0) - done_before >= len(learners)
                   or len(crowd.errors) > 100, args.vote_seconds + 60, f"the votes on statement {number + 1}")
    result["phases"]["voting"] = phase(tool, before, started, votes)

    # 4. The final count reaches every viewer: how long after the last vote was answered each one shows it.
    viewers, last_vote = [*learners, wall, facilitator], crowd.last_vote
    # The last statement's part of a page: its results region (a learner's page), else its article or section.
    region, part = f'data-region="results-{len(keys)}"', re.compile(rf'id="statement-{len(keys)}(?:-label)?"')
    final = re.compile(rf"\b{len(learners)} stemmen\b")

    def shown(viewer):
        """When the viewer first showed every vote on the last statement (its part of the page, not another's)."""
        for moment, html in viewer.updates:
            start = html.find(region)
            if start < 0 and (found := part.search(html)):
                start = found.start()
            if start >= 0:
                ends = ("</article>", "</section>", 'data-region="results-')
                end = min(i for i in (*(html.find(e, start + 10) for e in ends), len(html)) if i >= 0)
                if final.search(html, start, end):
                    return moment
        return None

    try:
        wait_until(lambda: all(shown(v) is not None for v in viewers), 3 * crowd.poll_seconds + 10,
                   "every viewer's update")
    except RuntimeError:
        missing = [v for v in viewers if shown(v) is None]
        sample = missing[0].updates[-1][1] if missing[0].updates else "(no update at all)"
        at = sample.find('data-region="results-4"')
        sample = f"{len(missing[0].updates)} updates, last at {missing[0].updates[-1][0] - crowd.last_vote:.2f} s: " + (
            sample[at:at + 1500] if at >= 0 else sample[-1500:])
        raise RuntimeError(f"{len(missing)} viewers never showed the final count, e.g. {missing[0].number}; their last"
                           f" update: {sample[:3000]}") from None
    delays = [max(0.0, shown(v) - last_vote) for v in viewers]
    slowest = viewers[delays.index(max(delays))]
    parts = [found for v in viewers if (found := poll_parts(v, shown(v), last_vote))]
    result.update(viewers=len(viewers), last_update=max(delays), update_p50=percentile(sorted(delays), .5),
                  last_viewer=slowest.number if isinstance(slowest.number, str) else "a learner",
                  slowest_parts=poll_parts(slowest, shown(slowest), last_vote),
                  lag_p50=percentile(sorted(lag for lag, _answer, _before in parts), .5),
                  answer_p50=percentile(sorted(answer for _lag, answer, _before in parts), .5),
                  latency=crowd.latency, counts=crowd.counts, errors=list(crowd.errors),
                  learners=len(learners))
    return result


def poll_parts(viewer, moment, last_vote):
    """Where a viewer's wait for the final count went, when a poll brought it: (the poll's start after it was
    due: the client's own lag; its answer time; when the poll before it was answered, after the last vote)."""
    brought = [i for i, (_due, _asked, answered, status) in enumerate(viewer.polls)
               if status == 200 and 0 <= moment - answered < 0.1]  # the update is kept right after its answer
    if not brought or brought[-1] == 0:
        return None  # the viewer's own page load after their vote showed it
    due, asked, answered, _status = viewer.polls[brought[-1]]
    return asked - due, answered - asked, viewer.polls[brought[-1] - 1][2] - last_vote


def phase(tool, before, started, count):
    """Server and machine CPU spent since `before`, per counted operation."""
    server, database, busy, client = cpu_now(tool)
    return {"wall": time.monotonic() - started, "server": server - before[0], "database": database - before[1],
            "busy": busy - before[2], "client": client - before[3], "count": count}


def report(results):
    """Print per database: phases with CPU per operation, latencies, errors, verdict; then the one-line summary."""
    for name, r in results.items():
        print(f"\n== {name}: {r['learners']} learners, {r['viewers']} viewers "
              "(learners' pages, the facilitator, the wall)")
        print(f"{'phase':10} {'seconds':>7} {'count':>6} {'gunicorn CPU s':>14} {'postgres CPU s':>14} "
              f"{'ms CPU each':>11} {'machine busy %':>14} {'client %':>8}")
        for label, p in r["phases"].items():
            each = 1000 * (p["server"] + p["database"]) / max(1, p["count"])
            print(f"{label:10} {p['wall']:7.1f} {p['count']:6d} {p['server']:14.2f} {p['database']:14.2f} "
                  f"{each:11.2f} {100 * p['busy'] / (os.cpu_count() * p['wall']):14.0f}"
                  f" {100 * p['client'] / (os.cpu_count() * p['wall']):8.0f}")
        print("  (launch: login + id_token post per learner; pages: first page view per learner; watching: per"
              " poll while nobody acts; voting: per vote, its page reload and everyone's polls included;"
              " client %: this benchmark's own share of the machine)")
        print(f"{'request':18} {'count':>6} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7}  statuses")
        for kind, values in sorted(r["latency"].items()):
            values = sorted(values)
            statuses = ", ".join(f"{status}: {n}" for (k, status), n in sorted(r["counts"].items()) if k == kind)
            print(f"{kind:18} {len(values):6d} {percentile(values, .5) * 1000:7.1f} "
                  f"{percentile(values, .99) * 1000:7.1f}"
                  f" {values[-1] * 1000:7.1f}  {statuses}")
        print(f"viewers showing the final count after the last vote was answered: median {r['update_p50']:.2f} s,"
              f" last {r['last_update']:.2f} s ({r['last_viewer']})")
        slowest = ""
        if r["slowest_parts"]:
            lag, answer, before = r["slowest_parts"]
            slowest = (f"; the last viewer's: its poll before answered {before:+.2f} s from the last vote, this one "
                       f"{lag * 1000:.0f} ms late, answered in {answer * 1000:.0f} ms")
        print(f"  polls that brought it: median {r['lag_p50'] * 1000:.0f} ms late in the client, answered in "
              f"{r['answer_p50'] * 1000:.0f} ms{slowest}")
        print_errors(r["errors"], indent="  ")
        p99 = percentile(sorted(r["latency"].get("vote", [])), .99) * 1000
        met = not r["errors"] and p99 < TARGET_VOTE_P99_MS and r["last_update"] <= TARGET_VIEWER_SECONDS
        print(f"targets (0 errors, vote p99 < {TARGET_VOTE_P99_MS} ms, every viewer within "
              f"{TARGET_VIEWER_SECONDS:.0f} s): {'met' if met else 'MISSED'}")
    for name, r in results.items():
        p99 = percentile(sorted(r["latency"].get("vote", [])), .99) * 1000
        print(f"live: {r['learners']} learners, {len(r['errors'])} errors, vote p99 {p99:.0f} ms, "
              f"last viewer update {r['last_update']:.1f} s ({name})")


def main():
    """Parse arguments, play the session on each database and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql")
    parser.add_argument("--learners", type=int, default=300)
    parser.add_argument("--launch-seconds", type=float, default=10.0, help="the learners launch within this time")
    parser.add_argument("--vote-seconds", type=float, default=10.0, help="each statement's votes come within this")
    parser.add_argument("--idle-seconds", type=float, default=4.0, help="watching without acting, measured")
    parser.add_argument("--threads", type=int, default=64, help="client threads playing every browser")
    parser.add_argument("--poll-seconds", type=float, default=POLL_SECONDS, help="how often each page asks")
    args = parser.parse_args()
    names = database_names(parser, args)
    platform, results = Platform(1, 1), {}
    try:
        for name in names:
            result = session_run(name, args, platform)
            if result is not None:
                results[name] = result
    finally:
        platform.close()
    report(results)
    return 0 if results and all(not r["errors"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
