"""The organisation view's files: the ranked risks, the people and the ties as CSV, the network as GraphML.

They say what the page says, with the same privacy: codes unless the viewer is a named organisation admin,
nothing about groups under the minimum size, nobody who opted out.
"""
from xml.sax.saxutils import quoteattr

from flask_babel import lazy_gettext as _l

from lti_tool.csv_export import table_csv

REFUSED_TITLE = _l("The organisation view is for administrators")
REFUSED_MESSAGE = _l("Ask your LMS administrator if you need it: they can name you an organisation admin.")


def render(name, view):
    """The export called `name` as text."""
    return {"risks.csv": _risks, "people.csv": _people, "ties.csv": _ties, "network.graphml": _graphml}[name](view)


def _risks(view):
    rows = [(n, r["skill"], r["holders"], r["leaving"], r["staying"], "; ".join(r["holder_labels"]),
             "; ".join(r["splitters"]), "; ".join(r["receivers"]), " ".join(str(x) for x in r["reasons"]))
            for n, r in enumerate(view.risk_rows(limit=None), 1)]
    return table_csv(("rank", "skill", "holders", "leaving", "staying", "holder_people", "splitting_holders",
                      "receivers_one_tie_away", "reasons"), rows)


def _group_of(view):
    return {person: number for number, group in enumerate(view.groups, 1) for person in group}


def _people(view):
    group_of, skills = _group_of(view), view.skills_by_person()
    rows = [(view.label(p), group_of.get(p, ""), "yes" if p in view.leaving else "",
             "; ".join(sorted(view.skill_names.get(key, key) for key in skills.get(p, ()))))
            for p in view.network.people] if view.enough else []
    return table_csv(("person", "group", "leaves_within_horizon", "skills"), sorted(rows))


def _ties(view):
    graph, people = view.network.graph, view.network.people
    rows = [(view.label(people[e.source]), view.label(people[e.target]), f"{e['weight']:.2f}")
            for e in graph.es] if view.enough else []
    return table_csv(("person_a", "person_b", "weight"), sorted(rows))


def _graphml(view):
    graph, people, group_of = view.network.graph, view.network.people, _group_of(view)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
             '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
             '  <key id="group" for="node" attr.name="group" attr.type="string"/>',
             '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
             '  <graph id="organisation" edgedefault="undirected">']
    if view.enough:
        for i, person in enumerate(people):
            lines.append(f'    <node id="n{i}"><data key="label">{_text(view.label(person))}</data>'
                         f'<data key="group">{group_of.get(person, "")}</data></node>')
        for e in graph.es:
            lines.append(f'    <edge source="n{e.source}" target="n{e.target}"><data key="weight">{e["weight"]:.3f}</data></edge>')
        # People outside the LMS: one node per category, as on a course's network, never a person.
        places = sorted({place for _person, place, _n in view.sources.outside})
        index = {person: i for i, person in enumerate(people)}
        for k, place in enumerate(places):
            lines.append(f'    <node id="c{k}"><data key="label">{_text(place or "?")}</data>'
                         f'<data key="group">outside</data></node>')
        for person, place, count in view.sources.outside:
            if person in index:
                lines.append(f'    <edge source="n{index[person]}" target="c{places.index(place)}">'
                             f'<data key="weight">{count}</data></edge>')
    lines += ["  </graph>", "</graphml>", ""]
    return "\n".join(lines)


def _text(value):
    return quoteattr(value)[1:-1]
