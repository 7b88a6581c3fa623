"""Small constructors for hand-made drawings in the network measure tests."""
from activities.network.analysis.graph import AlterTie, Contact, EgoDrawing


def person(key, ring=2, location="team", relations=(), member=None, label=None, knows=()):
    """A contact with sensible defaults."""
    return Contact(key, label or key.upper(), member, location, ring, frozenset(relations), tuple(knows))


def drawing(contacts=(), ties=(), owner="me", label="Me", offers=(), needs=(), rings=3):
    """An EgoDrawing from contacts and (a, b) alter-tie pairs."""
    return EgoDrawing(owner, label, tuple(contacts), tuple(AlterTie(a, b) for a, b in ties), tuple(offers),
                      tuple(needs), rings)
