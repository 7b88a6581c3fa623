"""The keyed digest of an e-mail address: the same person however the address is written, nothing for what is
not an address, and nothing anyone without the server secret could match."""
from lti_tool.email_keys import email_key, looks_like_email


def test_the_same_address_however_it_is_written_gives_the_same_key(app):
    with app.app_context():
        key = email_key("fien.claes@zorg.example")
        assert len(key) == 64 and "fien" not in key
        assert email_key("  Fien.Claes@Zorg.EXAMPLE\n") == key
        assert email_key("fien.claes@zorg.example.be") != key


def test_what_is_not_an_address_has_no_key(app):
    with app.app_context():
        for value in (None, "", "sub-Fien", "fien@", "@zorg.example", "fien@localhost", "fi en@zorg.example",
                      "a@b@zorg.example", "x" * 320 + "@zorg.example", 42):
            assert email_key(value) is None, value
            assert not looks_like_email(value), value


def test_another_secret_gives_another_key(app):
    with app.app_context():
        before = email_key("fien.claes@zorg.example")
        app.config["SECRET_KEY"], kept = "another secret", app.config["SECRET_KEY"]
        try:
            assert email_key("fien.claes@zorg.example") != before
        finally:
            app.config["SECRET_KEY"] = kept
