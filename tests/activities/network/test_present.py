"""The course network on the wall: nothing until enough people drew, then circles without a single name,
categories for people outside the course, and figures that match the drawings."""
from tests.support.html import soup, texts


def open_wall(course):
    """The path of a new present view of the network."""
    response = course.client.post(f"/present/open/{course.instance.id}", data=course.facilitator.form())
    assert response.status_code == 303
    return response.headers["Location"].partition("#")[0]


def draw_a_ring(course, count):
    """`count` learners; each names the next one as a classmate and one colleague outside the course."""
    people = [course.learner() for _ in range(count)]
    for number, handle in enumerate(people):
        classmate = people[(number + 1) % count]
        assert course.post(handle, "/contacts/members", members=[classmate.user.sub]).status_code == 303
        assert course.add(handle, f"Collega Jef {number}").status_code == 303
    return people


def test_nothing_below_the_minimum_group(course):
    draw_a_ring(course, 4)
    html = course.client.get(open_wall(course)).get_data(as_text=True)
    assert texts(html, ".wall-status__count") == ["4 of 4 have drawn"]
    assert "The network appears when at least 5 people have drawn." in html and "<svg" not in html.split("</header>")[1]


def test_the_wall_draws_the_course_without_a_name(course):
    people = draw_a_ring(course, 5)
    html = course.client.get(open_wall(course)).get_data(as_text=True)
    page = soup(html)
    assert len(page.select(".wall-network .cnode--member")) == 5
    assert len(page.select(".wall-network .cnode--category")) == 1  # the five colleagues: one category
    figures = {div.dt.get_text(strip=True): div.dd.get_text(" ", strip=True) for div in page.select(".wall-network__figures div")}
    assert figures["People"] == "5" and figures["Ties among us"] == "5" and figures["Ties outside the course"] == "5"
    assert figures["People without ties in the course"] == "0"
    names = {handle.user.name for handle in people} | {handle.user.sub for handle in people}
    assert not any(name and name in html for name in names)
    assert "Jef" not in html
    assert not page.select(".wall-network .cnode--member text")  # circles carry no caption at all
    legend = page.select_one(".wall-network__legend").get_text(" ", strip=True)
    assert "Worked together" in legend and "squares: a category" in legend
