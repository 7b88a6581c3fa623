"""Benchmark: the organisation view's measures (issue 13) on a synthetic organisation.

    .venv/bin/python bench/org.py [--people 10000] [--ties 100000] [--skills 300] [--seed 7] [--repeat 3]

The organisation: departments of ~50 people; 80 % of the ties named in drawings fall inside a department,
the rest anywhere; one in 52 people anchors a team of two more that reaches the rest only through them
(so departures can split the network). Skills follow a long tail (a few common, many rare, some held
by one person); each person holds 1–4 and needs 0–2, typed in varying case; 8 % leave within five years.

Timed from the raw tie list to the ranked risk list: merge, groups (Leiden), visible groups, the people
whose departure splits the network, the largest part, skills merged like the matching, and the ranked
risks with their receivers. Prints the median of `--repeat` runs and the process's peak memory, and ends with
`org: P people, T ties, S skills, all measures X s, peak M MB` (targets: < 2 s, < 500 MB).
"""
import argparse
import random
import resource
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from activities.network.analysis import knowledge_risk, org_graph  # noqa: E402

TODAY = date(2026, 12, 4)
MINIMUM_GROUP = 5
HORIZON_DAYS = 5 * 365


def organisation(people, ties, skills, seed):
    """(tie list, holdings, needs, leaving dates) of a synthetic organisation."""
    rng = random.Random(seed)
    everyone = [f"p{n:06d}" for n in range(people)]
    # One in 52 people anchors a team of two more who reach the rest only through them.
    anchors = everyone[:people // 52]
    teams = [everyone[len(anchors) + 2 * k:len(anchors) + 2 * k + 2] for k in range(len(anchors))]
    staff = everyone[3 * len(anchors):] + anchors
    departments = [staff[i:i + 50] for i in range(0, len(staff), 50)]
    named = [(anchor, team[0], 1.0) for anchor, team in zip(anchors, teams)] + [tuple(team) + (1.0,) for team in teams]
    distinct = {tuple(sorted(tie[:2])) for tie in named}
    while len(distinct) < ties:  # ties as the organisation view counts them: distinct pairs
        department = rng.choice(departments)
        a = rng.choice(department)
        b = rng.choice(department) if rng.random() < 0.8 else rng.choice(staff)
        named.append((a, b, rng.choice((1.0, 0.67, 0.33))))
        if a != b:
            distinct.add((a, b) if a < b else (b, a))
    names = [f"Vaardigheid {n}" for n in range(skills)]
    weights = [1 / (rank + 1) ** 1.6 for rank in range(skills)]  # a long tail: the rarest held by one or two
    holdings, needs = [(rng.choice(everyone), name) for name in names], []  # every skill has a holder
    for person in everyone:
        for name in rng.choices(names, weights, k=rng.randint(1, 4)):
            holdings.append((person, name if rng.random() < 0.7 else name.upper()))
        needs += [(person, rng.choice(names)) for _ in range(rng.randint(0, 2))]
    leaving = {p: TODAY + timedelta(days=rng.randint(0, HORIZON_DAYS)) for p in everyone if rng.random() < 0.08}
    return named, everyone, holdings, needs, leaving


def measure(tie_list, everyone, holdings, needs, leaving):
    """Everything the organisation view computes, from raw ties to the ranked risk list."""
    network = org_graph.merge(tie_list, people=everyone)
    groups = org_graph.visible_groups(org_graph.communities(network), MINIMUM_GROUP)
    holders = knowledge_risk.holders_by_skill(holdings)
    needed = knowledge_risk.holders_by_skill(needs)
    gone = knowledge_risk.leaving_within(leaving, TODAY, HORIZON_DAYS)
    ranked = knowledge_risk.rank_risks(network, holders, needed, gone)
    return network, groups, ranked


def main():
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--ties", type=int, default=100_000)
    parser.add_argument("--skills", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = organisation(args.people, args.ties, args.skills, args.seed)
    times = []
    for _ in range(args.repeat):
        knowledge_risk.skill_key.cache_clear()  # every run merges its skills from scratch
        started = time.perf_counter()
        network, groups, ranked = measure(*data)
        times.append(time.perf_counter() - started)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    people, ties = network.graph.vcount(), network.graph.ecount()
    top = ranked[0]
    print(f"{people} people, {len(data[0])} ties named, {ties} distinct ties, {len(ranked)} skills")
    print(f"groups of {MINIMUM_GROUP}+: {len(groups)}; people whose departure splits the network: "
          f"{len(org_graph.splitters(network))}")
    print(f"most at risk: {top.skill} ({len(top.holders)} holders, {len(top.leaving)} leaving, "
          f"reasons {', '.join(top.reasons)})")
    print("runs: " + ", ".join(f"{t:.2f} s" for t in times))
    print(f"org: {people} people, {ties} ties, {len(ranked)} skills, all measures {statistics.median(times):.2f} s, "
          f"peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
