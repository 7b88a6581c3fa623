"""The course network on the wall in the room: the merged drawings of the current moment as circles without
names (coloured by community) and category squares for people outside the course, with how it grew since
the moment before, once enough people drew. No name of anyone, classmate or contact, reaches this page."""
from activities.network import convert, course_view, moments
from activities.network import settings as network_settings
from activities.network.analysis.course_network import EXTERNAL
from lti_tool.i18n import current_language
from lti_tool.participants import course_learner_subs, known_learner_count


def present_values(instance):
    """Template values of the wall."""
    config = network_settings.load(instance.settings)
    language = current_language()
    listing = moments.listing(instance, config, language)
    moment = next(m for m in listing if m.is_current)
    # Names stay out from the start: classmates are known by their course account only.
    members = dict.fromkeys(course_learner_subs(instance), "")
    drew = sum(1 for drawing, _user in convert.moment_drawings(instance, moment.key) if drawing.contacts)
    values = dict(config=config, moment=moment, drew=drew, expected=max(known_learner_count(instance), drew),
                  enough=drew >= config.min_group_size, before=None)
    if not values["enough"]:
        return values
    network, measures = course_view.network_at(instance, config, moment.key, members, language)
    nodes, lines, view_box = course_view.layout(network, measures)
    earlier = [m for m in listing if m.index < moment.index]
    if earlier:
        old, _measures = course_view.network_at(instance, config, earlier[-1].key, members, language)
        values["before"] = (earlier[-1], _summary(old, None))
    return dict(values, nodes=nodes, lines=lines, view_box=view_box, summary=_summary(network, measures))


def _summary(network, measures):
    """Counts the wall says in words: people, ties among them, ties outward, communities, people alone."""
    outward = sum(1 for e in network.edges if e.kind == EXTERNAL)
    return dict(people=len(network.members()), ties=len(network.edges) - outward, outward=outward,
                communities=len(measures.communities) if measures else None,
                alone=len(measures.isolates) if measures else None)

