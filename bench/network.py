"""Benchmark: the network activity's measures on a course and on synthetic organisations.

    .venv/bin/python bench/network.py [--repeat 5] [--sizes 1000,10000] [--seed 7] [--networkx-check]
                                      [--sampling-check]

Course: 40 participants × 30 contacts (about 12 of them classmates, mostly from the same project group
of 10, the rest outside contacts in six categories), rings, relations and alter–alter ties at random.
Times merge + all course measures (knowledge holders, betweenness, isolates/periphery/k-core, Louvain),
the 40 participants' ego measures, matching and the exports. Organisations: N people in departments
of ~50, each naming ~10 colleagues (80 % in their own department); merge + all course measures with
the engine ``choose_engine`` picks (igraph; betweenness sampled from 1,000 sources above 2,000
people). Seeded; sizes are capped at 20,000. Prints medians in milliseconds; not a pass/fail test
(targets: course < 200 ms, 10,000 people < 10 s).
"""
import argparse
import random
import statistics
import time

from activities.network.analysis import course_measures, course_network, matching
from activities.network import exports
from activities.network.analysis.ego import measures
from activities.network.analysis.graph import ADVICE, ASKED, GAVE, WORKED_WITH, AlterTie, Contact, EgoDrawing

MAX_SIZE = 20000
LOCATIONS = ("team", "department", "organisation", "customer", "supplier", "sector")
RELATIONS = (WORKED_WITH, ASKED, GAVE, ADVICE)
TOPICS = ("planning", "excel", "vergaderingen", "coaching", "data-analyse", "onboarding", "veiligheid", "lean")


def _relations(rng):
    return frozenset(r for r in RELATIONS if rng.random() < 0.4)


def course_drawings(rng, participants=40, contacts=30, group=10, members=12):
    """Synthetic drawings of one course with realistic overlap among members."""
    subs = [f"u{i:03d}" for i in range(participants)]
    drawings = []
    for i, sub in enumerate(subs):
        mine = [s for s in subs if s != sub and subs.index(s) // group == i // group]
        others = [s for s in subs if s != sub and s not in mine]
        named = rng.sample(mine, min(len(mine), members - 3)) + rng.sample(others, 3)
        people = [Contact(f"c{j}", s, s, rng.choice(LOCATIONS[:2]), rng.randint(1, 3), _relations(rng))
                  for j, s in enumerate(named)]
        people += [Contact(f"x{j}", f"Outsider {i}-{j}", None, rng.choice(LOCATIONS), rng.randint(1, 3),
                           _relations(rng), (rng.choice(TOPICS),)) for j in range(contacts - len(people))]
        ties = tuple(AlterTie(a.key, b.key) for a in people for b in people if a.key < b.key and rng.random() < 0.08)
        drawings.append(EgoDrawing(sub, f"Participant {i}", tuple(people), ties, tuple(rng.sample(TOPICS, 2)),
                                   tuple(rng.sample(TOPICS, 2)), 3))
    return drawings


def organisation_drawings(rng, people, ties=10, department=50):
    """Synthetic organisation: each person names ~``ties`` colleagues, mostly in their own department."""
    subs = [f"p{i:05d}" for i in range(people)]
    drawings = []
    for i, sub in enumerate(subs):
        base = (i // department) * department
        named = set()
        while len(named) < ties:
            j = base + rng.randrange(department) if rng.random() < 0.8 else rng.randrange(people)
            if j != i and j < people:
                named.add(j)
        contacts = tuple(Contact(f"c{j}", subs[j], subs[j], "team", rng.randint(1, 3), _relations(rng))
                         for j in sorted(named))
        drawings.append(EgoDrawing(sub, sub, contacts, (), (), (), 3))
    return drawings


class Took(float):
    """Median wall milliseconds that also carries the median CPU milliseconds of this process."""

    cpu = 0.0

    def __format__(self, spec):
        return f"{float(self):{spec}} ms (CPU {self.cpu:{spec}} ms)"

    def __add__(self, other):
        total = Took(float(self) + float(other))
        total.cpu = self.cpu + other.cpu
        return total


def timed(fn, repeat):
    """Median wall and CPU time of ``fn`` over ``repeat`` runs, and its last result.

    CPU time is printed too: on a busy machine the wall time grows, the CPU time hardly does.
    """
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    took = Took(statistics.median(walls))
    took.cpu = statistics.median(cpus)
    return took, result


def course(seed, repeat):
    """Time the course-sized network."""
    drawings = course_drawings(random.Random(seed))
    ms, (net, m) = timed(lambda: (lambda n: (n, course_measures.analyse(n)))(course_network.merge(drawings)), repeat)
    print(f"course 40×30: merge + all course measures {ms:.1f}  (engine {m.engine}, "
          f"{len(net.members())} members, {len(net.member_edges())} member edges, {len(net.nodes)} nodes, "
          f"{len(m.communities)} communities)")
    ms, _ = timed(lambda: [measures(d, LOCATIONS) for d in drawings], repeat)
    print(f"course 40×30: ego measures of all 40 drawings {ms:.1f}")
    ms, _ = timed(lambda: matching.match_needs(drawings, {d.owner_sub for d in drawings}), repeat)
    print(f"course 40×30: needs/offers matching {ms:.1f}")
    ms, _ = timed(lambda: (exports.to_graphml(net, m), exports.nodes_csv(net, m), exports.edges_csv(net),
                           exports.to_json(net, m)), repeat)
    print(f"course 40×30: GraphML + CSV + JSON exports {ms:.1f}")


def organisation(size, seed, repeat, networkx_check, sampling_check):
    """Time a synthetic organisation of ``size`` people."""
    drawings = organisation_drawings(random.Random(seed), size)
    ms_merge, net = timed(lambda: course_network.merge(drawings), repeat)
    ms, m = timed(lambda: course_measures.analyse(net), repeat)
    mode = "exact" if m.betweenness_exact else "sampled"
    print(f"organisation {size}: merge {ms_merge:.0f} + all course measures {ms:.0f} = "
          f"{ms_merge + ms:.0f}  (engine {m.engine}, {mode} betweenness, {len(net.member_edges())} edges, "
          f"{len(m.communities)} communities)")
    if networkx_check and size <= 2000:
        ms, _ = timed(lambda: course_measures.analyse(net, engine="networkx"), 1)
        print(f"organisation {size}: all course measures with networkx (exact) {ms:.0f}")
    if sampling_check:
        _sampling_quality(net, m)


def _sampling_quality(net, sampled):
    # How far the sampled ranking is from igraph's exact one (~15 s at 10,000 people on 2 cores).
    from scipy.stats import spearmanr

    limit = course_measures.EXACT_BETWEENNESS_LIMIT
    course_measures.EXACT_BETWEENNESS_LIMIT = MAX_SIZE
    try:
        ms, exact = timed(lambda: course_measures.analyse(net, engine="igraph"), 1)
    finally:
        course_measures.EXACT_BETWEENNESS_LIMIT = limit
    subs = sorted(exact.betweenness)
    rho = spearmanr([exact.betweenness[s] for s in subs], [sampled.betweenness[s] for s in subs]).statistic
    top = {s for s, _ in exact.brokers(20)}
    print(f"  exact betweenness (igraph) {ms:.0f}; {'sampled' if not sampled.betweenness_exact else 'exact'} "
          f"vs exact: rank correlation {rho:.3f}, {len(top & {s for s, _ in sampled.brokers(20)})}/20 of the "
          f"top-20 brokers agree, {len(top & {s for s, _ in sampled.brokers(50)})}/20 in the top-50")


def main():
    """Parse arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--networkx-check", action="store_true", help="also time networkx at ≤ 2,000 people")
    parser.add_argument("--sampling-check", action="store_true", help="compare sampled with exact betweenness")
    args = parser.parse_args()
    sizes = [min(MAX_SIZE, int(s)) for s in args.sizes.split(",") if s.strip()]
    course(args.seed, max(1, args.repeat))
    for size in sizes:
        organisation(size, args.seed, max(1, min(args.repeat, 3)), args.networkx_check, args.sampling_check)


if __name__ == "__main__":
    main()
