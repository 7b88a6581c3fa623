"""The pseudo-locale check itself: it finds what escaped the catalogue and lets data, numbers and dates pass."""
from tests.i18n.pseudo import Allowed, escaped_json, escaped_text, pseudo_translations


def test_every_message_is_wrapped_in_markers_with_its_placeholders():
    translations = pseudo_translations()
    assert translations.gettext("Save my votes") == "⟦Save my votes⟧"
    plural = translations.ngettext("%(num)d vote", "%(num)d votes", 3)
    assert plural == "⟦%(num)d votes⟧" and translations.ngettext("%(num)d vote", "%(num)d votes", 1) == "⟦%(num)d vote⟧"


def test_text_outside_the_markers_is_found():
    page = ('<html><head><title>⟦Voting⟧</title><style>p{}</style><script>let s = "Hello";</script></head>'
            '<body><p>⟦Save⟧ Opslaan</p><button aria-label="Close">⟦x⟧</button><input type="submit" value="Send">'
            '<p>⟦Median⟧ 7.5</p><p>⟦From 2026-12-05 on⟧</p><div data-msg-saved="Saved!" data-key="my_team"></div></body></html>')
    found = escaped_text(page, Allowed(set()))
    assert "Opslaan" in found and "[attribute] Close" in found and "[attribute] Send" in found
    assert "[attribute] Saved!" in found and "[number] ⟦Median⟧ 7.5" in found and "[date] ⟦From 2026-12-05 on⟧" in found
    assert not any("Hello" in line or "my_team" in line for line in found)


def test_data_numbers_and_dates_pass():
    page = ("<p>⟦Votes for ⟦Agree⟧: 3⟧</p><p>Deelnemer 12 · 4 december 2026 · 7,5 · 1.234 · 100%</p>"
            "<p>⟦Read <a href='#'>more</a> here⟧</p><svg><text>DE</text><text>Deelnemer 12</text></svg>"
            "<p>⟦Edit⟧: Andere Buitens…</p><p>Andere kant…</p>"
            '<pre translate="no">bad_request: <b>no</b> id_token</pre>')
    assert escaped_text(page, Allowed({"Deelnemer 12", "DE", "Andere Buitenstaander"})) == ["Andere kant…"]


def test_json_answers_are_checked_for_html_and_messages():
    body = {"ok": False, "error": "Stale drawing", "svg": "<g><text>⟦You⟧</text><title>Jef</title></g>", "moment": "start"}
    assert escaped_json(body, Allowed(set())) == ["[error] Stale drawing", "Jef"]
