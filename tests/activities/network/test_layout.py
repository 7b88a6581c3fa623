"""Where the sociogram puts people and lines (server-side, so the drawing shows without JavaScript)."""
import math
from types import SimpleNamespace

from activities.network import layout
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
    assert len(result.lines) == 3  # the unplaced contact has no lines yet
    asked = next(line for line in result.lines if "rel-1" in line.css)
    assert asked.arrow and asked.x2 > asked.x1  # from you towards the holder of the knowledge
    gave = next(line for line in result.lines if "rel-2" in line.css)
    assert gave.arrow and gave.y2 < gave.y1 and "weak" in gave.css  # towards you, on an outer ring
    worked = next(line for line in result.lines if "rel-0" in line.css)
    assert not worked.arrow
    assert [(t.a, t.b) for t in result.ties] == [("a", "b")]


def test_contacts_without_angle_are_spread():
    config = network_settings.load({})
    contacts = [_contact(n, f"k{n}", 2) for n in range(1, 5)]
    angles = [node.angle for node in layout.build(contacts, [], config).nodes]
    assert len(set(round(a) for a in angles)) == 4


def test_initials_and_short_labels():
    assert layout.initials("An Peeters") == "AP" and layout.initials("K.V.") == "KV" and layout.initials("Zoë") == "ZO"
    assert layout.short("A very long name indeed") == "A very long n…"
