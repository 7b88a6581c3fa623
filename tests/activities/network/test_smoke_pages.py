"""Every page renders for a learner and a facilitator, empty and with data."""


def test_learner_pages_render_empty(course):
    me = course.learner()
    for path in ("", "/contacts", "/drawing", "/knowledge", "/reflection", "/insights", "/change"):
        course.page(me, path)


def test_learner_pages_render_with_data(course):
    me = course.learner()
    assert course.add(me, "A.B.", relations=["asked", "gave"]).status_code == 303
    assert course.add(me, "C.D.", location="customer", ring="2").status_code == 303
    for path in ("", "/contacts", "/drawing", "/knowledge", "/reflection", "/insights", "/change"):
        course.page(me, path)


def test_facilitator_pages_render(course):
    me = course.learner()
    course.add(me, "A.B.")
    for path in ("", "/course", "/matches"):
        course.page(course.facilitator, path)
