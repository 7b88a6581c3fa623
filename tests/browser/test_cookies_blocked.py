"""The whole flow with every cookie of the tool blocked: platform storage and launch tokens carry it."""
from tests.browser import lms
from tests.browser.cookieless import CookieWall


TITLE = "Stellingen zonder cookies"
LEARNERS = [("learner1", "nl"), ("learner3", "en"), ("learner2", "nl")]


def test_launch_vote_and_grades_work_without_any_tool_cookie(context, page, stack):
    wall = CookieWall(stack.tool_url, stack.lms_url).install(context)

    link_id = lms.add_voting_activity(page, stack.lms_url, TITLE, min_group_size=len(LEARNERS))
    for voted, (user, language) in enumerate(LEARNERS, start=1):
        lms.switch_user(page, stack.lms_url, user)
        frame = lms.open_activity(page, stack.lms_url, link_id)
        assert lms.tool_frame(page).evaluate("document.documentElement.lang") == language
        lms.vote(frame, ["agree", "disagree"], reason=f"{user} zonder cookies")
        shown = frame.locator("#statement-1 .dist").count()
        assert shown == (1 if voted == len(LEARNERS) else 0), (user, shown)

    users = [user for user, _language in LEARNERS]
    cells = lms.wait_for_scores(page, stack.lms_url, TITLE, users)
    assert {user: cells[user][0].strip() for user in users} == {user: "1 / 1" for user in users}

    # The launches went through the LMS's postMessage storage, and the tool really had no cookie.
    assert wall.paths.count("/lti/launch/verify") == 1 + len(LEARNERS)  # the deep link, then each learner
    assert wall.cookies_refused > 0, "the tool set no cookie at all, so this test proved nothing"
    assert wall.cookies_offered == 0
    assert wall.unrouted() == []
    assert context.cookies(stack.tool_url) == []
