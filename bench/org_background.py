"""Benchmark: a large organisation's view computed in the background by `leernetwerk worker` (issue 13).

    .venv/bin/python bench/org_background.py [--people 100000] [--ties 1000000] [--skills 300]
                                             [--databases sqlite,postgresql]

Seeds a fresh database with one course whose network drawings name the synthetic organisation of bench/org.py
(every person drew; each tie is a contact in its first person's drawing; offers, needs and leaving dates as
there), included in the organisation view. Then asks for the view's computation, runs the real worker
process, follows the job's progress from outside as the page does, and reads the stored result back as a page
view does. Prints per stage when the worker reached it, the worker's peak memory, the stored result's size,
and ends with one line per database:
`org background: P people, T ties, S skills, computed in X s (peak M MB), stored K MB, page from it Y s`.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import BIN, ROOT, BenchPlatform, Tool, database_names, prepare_database  # noqa: E402
from bench.org import organisation  # noqa: E402

RINGS = {1.0: 1, 0.67: 2, 0.33: 3}
CHUNK = 20_000


def seed(app, data):
    """The course, its drawings and contacts, the leaving dates and the organisation view placement."""
    from sqlalchemy import insert, select

    from activities.network import NetworkActivity, moments, settings as network_settings
    from activities.network.models import Contact, Drawing
    from activities.network.organisation.activity import OrganisationActivity
    from activities.network.organisation.models import OrgLeaving
    from lti_tool.extensions import db
    from lti_tool.models import ActivityInstance, Context, Platform, User

    named, everyone, holdings, needs, leaving = data
    with app.app_context():
        platform = db.session.execute(select(Platform)).scalar_one()
        course = Context(platform_id=platform.id, context_id="bench-course", title="Bench course")
        db.session.add(course)
        db.session.flush()
        network = ActivityInstance(platform_id=platform.id, context_id=course.id, activity_type="network",
                                   title="Netwerk", score_maximum=1.0,
                                   settings=dict(NetworkActivity.default_settings(), organisation_view=True))
        view = ActivityInstance(platform_id=platform.id, context_id=course.id, activity_type="organisation",
                                title="Organisatie", score_maximum=1.0, settings=OrganisationActivity.default_settings())
        db.session.add_all([network, view])
        db.session.flush()
        moment = moments.current_key(network, network_settings.load(network.settings))
        for start in range(0, len(everyone), CHUNK):
            db.session.execute(insert(User), [{"platform_id": platform.id, "sub": sub, "name": ""}
                                              for sub in everyone[start:start + CHUNK]])
        user_ids = dict(db.session.execute(select(User.sub, User.id).where(User.platform_id == platform.id)).all())
        offers, wants = {}, {}
        for person, skill in holdings:
            offers.setdefault(person, []).append(skill)
        for person, skill in needs:
            wants.setdefault(person, []).append(skill)
        for start in range(0, len(everyone), CHUNK):
            db.session.execute(insert(Drawing), [
                {"activity_instance_id": network.id, "user_id": user_ids[sub], "moment_key": moment,
                 "offer_tags": offers.get(sub, []), "need_tags": wants.get(sub, [])}
                for sub in everyone[start:start + CHUNK]])
        drawing_of = dict(db.session.execute(select(User.sub, Drawing.id).join(Drawing, Drawing.user_id == User.id)
                                             .where(Drawing.activity_instance_id == network.id)).all())
        contacts = {(a, b): strength for a, b, strength in named if a != b}  # a drawing names a person once
        rows = [{"drawing_id": drawing_of[a], "key": f"c{n}", "member_sub": b, "label": b, "label_norm": b,
                 "ring": RINGS[strength], "relations": ["asked"], "knows": []}
                for n, ((a, b), strength) in enumerate(contacts.items())]
        for start in range(0, len(rows), CHUNK):
            db.session.execute(insert(Contact), rows[start:start + CHUNK])
        db.session.execute(insert(OrgLeaving), [{"platform_id": platform.id, "user_id": user_ids[sub], "leaving_on": day}
                                                for sub, day in leaving.items()])
        db.session.commit()
        return view.id


def follow(app, view_id, worker):
    """Poll the job as the page does until it is done; returns (seconds, [(seconds, percent, stage)])."""
    from lti_tool import jobs
    from lti_tool.extensions import db

    started, seen = time.perf_counter(), []
    while True:
        with app.app_context():
            job = jobs.state(view_id, "organisation")
            status, progress, stage = job.status, job.progress, job.stage
            db.session.remove()
        elapsed = time.perf_counter() - started
        if not seen or seen[-1][1:] != (progress, stage):
            seen.append((elapsed, progress, stage))
        if status in ("done", "failed"):
            return elapsed, seen, status
        if worker.poll() is not None:
            raise RuntimeError("the worker stopped before the job was done")
        time.sleep(0.1)


def peak_mb(pid):
    """A process's peak resident memory so far (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run(name, data, tmp):
    """One database: seed, compute in the worker, read back; prints the figures."""
    url = prepare_database(name, tmp)
    if url is None:
        return
    platform = BenchPlatform(users=[], links=[])
    try:
        tool = Tool(url, tmp, platform)
    finally:
        platform.close()
    os.environ.update(tool.env)
    from lti_tool import create_app, jobs
    from lti_tool.extensions import db

    # The config classes read the environment when first imported (bench/org.py imported them): name it here.
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": tool.env["LEERNETWERK_SECRET_KEY"]})
    began = time.perf_counter()
    view_id = seed(app, data)
    print(f"{name}: seeded {len(data[1])} people and their drawings in {time.perf_counter() - began:.1f} s")
    with app.app_context():
        jobs.request(view_id, "organisation", {"settings": {"horizon_years": 5, "min_group": 5}, "language": "nl"})
        db.session.commit()
    worker = subprocess.Popen([str(BIN / "leernetwerk"), "worker"], cwd=ROOT, env=tool.env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        seconds, seen, status = follow(app, view_id, worker)
        peak = peak_mb(worker.pid)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    for at, progress, stage in seen:
        print(f"  {at:6.1f} s  {progress:3d} %  {stage or 'queued'}")
    if status != "done":
        raise RuntimeError("the computation failed; see the worker's log")
    from activities.network.organisation import background

    with app.test_request_context():
        job = jobs.state(view_id, "organisation")
        size = len(job.result) / 1024 / 1024
        started = time.perf_counter()
        view = background.read(job, _platform_of(view_id), with_names=False)
        view.risk_rows(), view.group_rows(), view.heat_rows(), view.outside_rows()
        page_seconds = time.perf_counter() - started
    people, ties = view.network.graph.vcount(), view.network.graph.ecount()
    print(f"org background ({name}): {people} people, {ties} ties, {len(view.risks)} skills, computed in "
          f"{seconds:.1f} s (peak {peak:.0f} MB), stored {size:.1f} MB, page from it {page_seconds:.2f} s")


def _platform_of(view_id):
    from lti_tool.extensions import db
    from lti_tool.models import ActivityInstance

    return db.session.get(ActivityInstance, view_id).platform_id


def main():
    """Run the benchmark on each database named."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--ties", type=int, default=1_000_000)
    parser.add_argument("--skills", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--databases", default="sqlite")
    args = parser.parse_args()
    data = organisation(args.people, args.ties, args.skills, args.seed)
    for name in database_names(parser, args):
        with tempfile.TemporaryDirectory() as tmp:
            run(name, data, tmp)


if __name__ == "__main__":
    main()
