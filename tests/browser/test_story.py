"""The 'done when' story: a facilitator adds statement voting, five learners vote, the gradebook fills."""
import re

from activities.voting.content import DEFAULT_STATEMENTS
from tests.browser import lms


TITLE = "Stellingen: kennis delen"
# Two languages, as the demo course has them: (LMS user, launch language, positions).
LEARNERS = [
    ("learner1", "nl", ["agree", "disagree"]),
    ("learner2", "nl", ["agree"]),
    ("learner3", "en", ["disagree", "agree"]),
    ("learner4", "nl", ["disagree"]),
    ("learner5", "en", ["agree", "agree", "disagree"]),
]
MIN_GROUP = 5  # the site default; the facilitator leaves it


def check_language(page, frame, language):
    """The tool's page is in the learner's LMS language, statement texts included."""
    assert lms.tool_frame(page).evaluate("document.documentElement.lang") == language
    assert lms.statement_text(frame, 1) == DEFAULT_STATEMENTS[0]["texts"][language]


def check_results_withheld(frame, language, voted):
    """Below the minimum group size a learner sees how many voted, never shares or reasons."""
    waits = frame.locator(".results__wait")
    assert waits.count() == lms.STATEMENTS
    for number in range(lms.STATEMENTS):
        text = " ".join(waits.nth(number).inner_text().split())
        assert re.search(rf"\b{MIN_GROUP}\b\D*\b{voted}\)", text), text
        if language == "en":
            assert text == f"Results appear when at least {MIN_GROUP} people have voted (now {voted})."
    assert frame.locator(".dist").count() == 0
    assert frame.locator(".reasons").count() == 0


def check_results_shown(frame, voted):
    """At the minimum group size every statement shows its distribution and the anonymous reasons."""
    assert frame.locator(".results__wait").count() == 0
    for number in range(1, lms.STATEMENTS + 1):
        statement = frame.locator(f"#statement-{number}")
        assert statement.locator(".dist .dist__row").count() == 2  # agree / disagree
        assert statement.locator(".results__meta").inner_text().split("·")[-1].strip().startswith(str(voted))
        assert statement.locator(".reasons .reason").count() == voted


def test_facilitator_adds_voting_and_five_learners_vote(page, stack):
    link_id = lms.add_voting_activity(page, stack.lms_url, TITLE)
    assert page.locator(f"#activity-{link_id}").inner_text() == TITLE

    for voted, (user, language, choices) in enumerate(LEARNERS, start=1):
        lms.switch_user_with_the_menu(page, stack.lms_url, user)
        frame = lms.open_activity(page, stack.lms_url, link_id)
        check_language(page, frame, language)
        lms.vote(frame, choices, reason=f"{user} legt uit")
        if voted < MIN_GROUP:
            check_results_withheld(frame, language, voted)
        else:
            check_results_shown(frame, voted)

    lms.switch_user(page, stack.lms_url, "learner1")
    frame = lms.open_activity(page, stack.lms_url, link_id)
    check_results_shown(frame, MIN_GROUP)
    assert frame.locator("#statement-1 input[value=agree]").is_checked()  # their own vote, kept

    users = [user for user, _language, _choices in LEARNERS]
    cells = lms.wait_for_scores(page, stack.lms_url, TITLE, users)
    for user in users:
        score, progress = cells[user][0].strip(), cells[user][1]
        assert score == "1 / 1", (user, cells[user])
        assert progress.startswith("Completed"), (user, cells[user])
    assert page.locator("#grade-learner6-" + lms.lineitem_id(page, stack.lms_url, TITLE)).inner_text().strip() == "–"
