"""What the drawing page says about positions: distinct stored angles, kept at the next moment; the empty drawing."""
import re

from tests.activities.network.geometry_checks import lines_through_nodes, shared_angles

NODE = re.compile(r'data-key="([^"]+)" data-ring="(\d)" data-angle="([-\d.]+)" data-x="([-\d.]+)" data-y="([-\d.]+)"')


def drawn(page):
    """{key: (ring, angle, x, y)} of the people on the rings of a drawing page."""
    return {k: (int(r), float(a), float(x), float(y)) for k, r, a, x, y in NODE.findall(page)}


def test_list_added_contacts_get_distinct_angles_and_keep_them_at_the_next_moment(course):
    me = course.learner()
    for label, ring in (("A.", "1"), ("B.", "1"), ("C.", "2"), ("D.", "3"), ("E.", "3")):
        assert course.add(me, label, ring=ring).status_code == 303
    start = drawn(course.page(me, "/drawing"))
    assert len(start) == 5
    assert not shared_angles({k: v[1] for k, v in start.items()})
    assert not lines_through_nodes({k: (v[2], v[3]) for k, v in start.items()})

    assert course.open_moment().status_code == 303
    assert course.client.post(course.url + "/start", data=me.form(mode="copy")).status_code == 303
    assert course.add(me, "F.", ring="2", version=1).status_code == 303  # someone new at the end moment
    end = drawn(course.page(me, "/drawing"))
    assert {k: end[k] for k in start} == start  # untouched people stay exactly where they were
    assert not shared_angles({k: v[1] for k, v in end.items()})
    earlier = drawn(course.page(me, "/drawing", moment="start"))
    assert earlier == start

    # The change view: both drawings, the same people at the same places, the new person marked.
    page = course.page(me, "/change")
    left, right = page.split('class="net-side__drawing"')[1:3]
    assert drawn(left) == start and drawn(right) == end
    new_key = (set(end) - set(start)).pop()
    assert re.search(rf'class="node [^"]*is-new"[^>]*data-key="{new_key}"', right)
    assert "is-new" not in left and "Your drawings side by side" in page and "net-table" in page


def test_the_empty_drawing_offers_to_add_someone_there(course):
    me = course.learner()
    page = course.page(me, "/drawing")
    assert "Drag a person onto a ring" not in page and 'id="add-person"' in page
    assert "back=drawing" in page
    response = course.client.post(course.url + "/contacts", query_string={"back": "drawing", **me.params()},
                                  data=me.form(version="0", label="Sofie", location="my_team", ring="1"))
    assert response.status_code == 303 and "/drawing" in response.headers["Location"]
    page = course.page(me, "/drawing")
    assert 'data-name="Sofie"' in page and 'id="add-person"' not in page
    assert "Drag a person onto a ring" in page


def test_a_person_dropped_on_someone_is_moved_aside_and_saving_the_list_moves_nobody(course):
    me = course.learner()
    for label, ring in (("A.", "2"), ("B.", "0")):
        course.add(me, label, ring=ring)
    a, b = (c.key for c in course.drawing(me).contacts)
    taken = drawn(course.page(me, "/drawing"))[a][1]
    response = course.json(me, "/drawing/positions", {"version": course.drawing(me).version,
                                                       "moves": [{"key": b, "ring": 2, "angle": taken}]})
    assert response.status_code == 200
    placed = drawn(response.get_json()["svg"])
    assert placed[a][1] == taken and placed[b][1] != taken  # B moved aside; A stayed
    assert not lines_through_nodes({k: (v[2], v[3]) for k, v in placed.items()})
    # The list view's "save all" sends everyone's ring again: nobody moves.
    version = course.version(me)
    response = course.client.post(course.url + "/contacts/bulk", data=me.form(
        version=str(version), contact=[a, b], **{f"ring-{a}": "2", f"ring-{b}": "2"}))
    assert response.status_code == 303
    assert drawn(course.page(me, "/drawing")) == placed
