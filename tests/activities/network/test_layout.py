"""Where the sociogram puts people and lines (server-side, so the drawing shows without JavaScript)."""
import math
from types import SimpleNamespace

from activities.network.sociogram import layout
from activities.network import settings as network_settings


def _contact(id, key, ring, relations=(), angle=None, location="my_team", label=None):
    return SimpleNamespace(id=id, key=key, ring=ring, relations=list(relations), angle=angle, location=location,
                           label=label or key.upper(), member_sub=None)


def test_rings_tray_and_directions():
    config = network_settings.load({})
    contacts = [_contact(1, "a", 1, ["asked"], angle=0), _contact(2, "b", 3, ["gave", "worked_with"], angle=90),
                _contact(3, "c", 0, ["asked"])]
    ties = [SimpleNamespace(a_id=1, b_id=2)]
    result = layout.build(contacts, ties, config)
    a, b, c = result.nodes
    assert math.isclose(math.hypot(a.x, a.y), layout.ring_middle(1, 3))
    assert math.isclose(b.x, 0, abs_tol=1e-9) and b.y > 0  # 90° is straight down in SVG
    assert c.y > layout.TRAY_TOP and c.angle is None and result.height > 1000
    assert len(result.lines) == 2  # one line per placed contact; the unplaced have none yet
    asked = next(line for line in result.lines if line.key == "a")
    assert asked.to_them and not asked.to_me and asked.x2 > asked.x1  # "I asked → them"
    gave = next(line for line in result.lines if line.key == "b")
    assert gave.to_them and gave.y2 > gave.y1 and "weak" in gave.css  # "I gave help → them", outer ring
    assert len(gave.beads) == 2 and "rel-multi" in gave.css  # worked together too: one line, two dots
    assert [(t.a, t.b) for t in result.ties] == [("a", "b")]


def test_contacts_without_angle_are_spread():
    config = network_settings.load({})
    contacts = [_contact(n, f"k{n}", 2) for n in range(1, 5)]
    angles = [node.angle for node in layout.build(contacts, [], config).nodes]
    assert len(set(round(a) for a in angles)) == 4


def test_initials_and_short_labels():
    assert layout.initials("An Peeters") == "AP" and layout.initials("K.V.") == "KV" and layout.initials("Zoë") == "ZO"
    assert layout.short("A very long name indeed") == "A very long n…"
