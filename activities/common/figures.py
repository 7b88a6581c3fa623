"""Figures every activity shows the same way."""


def percentages(counts):
    """Whole percentages that add up to 100 (largest remainder), or zeros when there is nothing to count."""
    total = sum(counts)
    if not total:
        return [0 for _ in counts]
    exact = [c * 100 / total for c in counts]
    floors = [int(x) for x in exact]
    for i in sorted(range(len(counts)), key=lambda i: exact[i] - floors[i], reverse=True)[:100 - sum(floors)]:
        floors[i] += 1
    return floors
