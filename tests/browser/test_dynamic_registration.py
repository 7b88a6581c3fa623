"""An administrator pastes Leernetwerk's invite URL in the demo LMS; the tool registers itself and is used."""
import pytest

from lti_tool import registration_invites
from tests.browser import chromium, lms
from tests.browser.live import start_stack

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 800}}


@pytest.fixture(scope="module")
def own_stack(browser, tmp_path_factory):
    """A stack of its own: registering switches the LMS to the new tool, which other modules must not see."""
    running = start_stack(tmp_path_factory.mktemp("dynreg-stack"))
    yield running
    running.stop()


def _invite(stack):
    with stack.tool_app.app_context():
        return registration_invites.create_invite("Demo LMS")[1]


def _register(page, stack, url):
    lms.switch_user(page, stack.lms_url, "facilitator")
    page.click("#register-tool")
    page.fill("#tool-url", url)
    page.click("#start-registration")
    frame = page.frame_locator("#registration-frame")
    frame.locator("#registered-title").wait_for()
    return frame


@pytest.mark.parametrize("locale", ["nl-BE", "en-GB"])
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_pasting_the_invite_registers_the_tool(browser, own_stack, request, locale, size):
    context = chromium.new_context(browser, viewport=SIZES[size], locale=locale)
    page = context.new_page()
    try:
        lms.switch_user(page, own_stack.lms_url, "facilitator")
        page.goto(f"{own_stack.lms_url}/course/register-tool")
        chromium.save_artifacts(page, f"dynreg-lms-form-{size}-{locale}")
        frame = _register(page, own_stack, _invite(own_stack))
        client_id = frame.locator("#registered-client-id").inner_text()
        assert client_id.startswith("dr-")
        assert frame.locator("#registered-scopes li").count() == 4
        chromium.save_artifacts(page, f"dynreg-result-{size}-{locale}")
        with page.expect_navigation():
            frame.locator("#close-registration").click()  # org.imsglobal.lti.close → back to the course
        page.locator("#tool-registered").wait_for()
        if size == "desktop" and locale == "en-GB":
            link_id = lms.add_voting_activity(page, own_stack.lms_url, "Na registratie")
            assert link_id
    except BaseException:
        chromium.save_artifacts(page, request.node.nodeid)
        raise
    finally:
        context.close()


def test_a_used_invite_shows_a_friendly_page_in_the_lms(browser, own_stack):
    context = chromium.new_context(browser, locale="nl-BE")
    page = context.new_page()
    url = _invite(own_stack)
    _register(page, own_stack, url)
    page.goto(f"{own_stack.lms_url}/course/register-tool")
    page.fill("#tool-url", url)
    page.click("#start-registration")
    heading = page.frame_locator("#registration-frame").locator("#error-title")
    assert "al gebruikt" in heading.inner_text()
    context.close()
