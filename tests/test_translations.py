"""The Dutch catalogue: complete, placeholders intact, compiled, and actually used by the pages."""
import html
import io
import re
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
POT = TRANSLATIONS / "messages.pot"
PO = TRANSLATIONS / "nl" / "LC_MESSAGES" / "messages.po"
MO = TRANSLATIONS / "nl" / "LC_MESSAGES" / "messages.mo"

# Every printf-style conversion, named or not, and "%%": a translation must keep exactly these.
_PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")


def _read(path):
    with path.open("rb") as fh:
        return read_po(fh, locale="nl" if path == PO else None)


def _messages(catalog):
    return [m for m in catalog if m.id]


def _forms(value):
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _placeholders(text):
    return Counter(_PLACEHOLDER.findall(text or ""))


@pytest.fixture(scope="module")
def catalog():
    return _read(PO)


def test_catalogue_is_dutch_with_dutch_plurals(catalog):
    assert str(catalog.locale) == "nl"
    assert catalog.num_plurals == 2 and catalog.plural_expr == "(n != 1)"
    assert not catalog.fuzzy


def test_catalogue_has_exactly_the_template_messages(catalog):
    expected = {m.id for m in _messages(_read(POT))}
    assert {m.id for m in _messages(catalog)} == expected


def test_every_message_is_translated_and_not_fuzzy(catalog):
    untranslated = [m.id for m in _messages(catalog) if not all(s.strip() for s in _forms(m.string))]
    fuzzy = [m.id for m in _messages(catalog) if m.fuzzy]
    assert not untranslated and not fuzzy, (untranslated, fuzzy)
    plural = [m for m in _messages(catalog) if m.pluralizable]
    assert plural and all(len(m.string) == catalog.num_plurals for m in plural)


def test_translations_keep_the_placeholders(catalog):
    wrong = []
    for m in _messages(catalog):
        if isinstance(m.id, str):
            expected = _placeholders(m.id)
            if _placeholders(m.string) != expected:
                wrong.append((m.id, m.string))
            continue
        # Plural forms may drop a named count ("Read the reason"), but never add or change one.
        allowed = set(_placeholders(m.id[-1]))
        forms = _forms(m.string)
        for translation in forms:
            if not set(_placeholders(translation)) <= allowed:
                wrong.append((m.id, translation))
        if set(_placeholders(forms[-1])) != allowed:
            wrong.append((m.id, forms[-1]))
        assert set(_placeholders(m.id[0])) <= allowed, f"singular source has a placeholder the plural lacks: {m.id}"
    assert not wrong


def test_compiled_catalogue_matches_the_po():
    """A .po edited without `pybabel compile -d translations` fails here."""
    compiled = io.BytesIO()
    write_mo(compiled, _read(PO), use_fuzzy=False)
    compiled.seek(0)
    assert MO.exists(), "run: pybabel compile -d translations"
    with MO.open("rb") as fh:
        on_disk = read_mo(fh)
    fresh = read_mo(compiled)

    def entries(cat):
        return {(m.context, m.id if isinstance(m.id, str) else tuple(m.id)): m.string for m in cat}, \
            dict(cat.mime_headers)

    assert entries(on_disk) == entries(fresh), "translations/nl .mo is stale: run pybabel compile -d translations"


def _page(client, launches, locale, role="learner"):
    inst = launches.instance("voting")
    handle = launches.launch(inst, locale=locale, role=role)
    response = client.get(f"/voting/{inst.id}", query_string=handle.params())
    assert response.status_code == 200
    return html.unescape(response.get_data(as_text=True))


def test_a_dutch_launch_shows_the_dutch_interface(client, launches):
    page = _page(client, launches, "nl-BE")
    assert '<html lang="nl">' in page
    for dutch in ("Ben je het ermee eens?", "Stelling 1 van 4", "Mijn stemmen bewaren", "Waarom?"):
        assert dutch in page
    for english in ("Do you agree?", "Statement 1 of 4", "Save my votes", "Why?"):
        assert english not in page


def test_an_english_launch_shows_the_english_interface(client, launches):
    page = _page(client, launches, "en")
    assert '<html lang="en">' in page
    for english in ("Do you agree?", "Statement 1 of 4", "Save my votes", "Why?"):
        assert english in page
    for dutch in ("Ben je het ermee eens?", "Stelling 1 van 4", "Mijn stemmen bewaren", "Waarom?"):
        assert dutch not in page


def test_the_facilitator_dashboard_follows_the_launch_language(client, launches):
    dutch = _page(client, launches, "nl", role="instructor")
    english = _page(client, launches, "en", role="instructor")
    assert "De sessie begeleiden" in dutch and "Stemming sluiten" in dutch and "Run the session" not in dutch
    assert "Run the session" in english and "Close voting" in english and "De sessie begeleiden" not in english


ROOT = TRANSLATIONS.parent
_GETTEXT_FUNCTIONS = {"gettext", "ngettext", "pgettext", "npgettext", "lazy_gettext", "lazy_ngettext",
                      "lazy_pgettext"}


def _makefile_keywords():
    """The `-k` keywords of `make extract-messages`, the one place they are listed."""
    line = next(line for line in (ROOT / "Makefile").read_text().splitlines() if line.startswith("BABEL_KEYWORDS"))
    return re.findall(r"-k (\S+)", line)


def test_extraction_knows_every_gettext_alias_in_the_code():
    """`from flask_babel import lazy_ngettext as _ln` must be extracted as a plural, or Dutch pages show English."""
    keywords = {keyword.split(":")[0] for keyword in _makefile_keywords()}
    babel_defaults = {"_", "gettext", "ngettext", "pgettext", "npgettext", "dgettext", "dngettext", "N_"}
    missing = set()
    for path in ROOT.glob("**/*.py"):
        if ".venv" in path.parts or "tests" in path.parts:
            continue
        for name, alias in re.findall(r"(\w+) as (\w+)", "\n".join(
                line for line in path.read_text().splitlines() if line.startswith("from flask_babel import"))):
            if name in _GETTEXT_FUNCTIONS and alias not in keywords | babel_defaults:
                missing.add(f"{alias} ({path.relative_to(ROOT)})")
    assert not missing, f"add these to BABEL_KEYWORDS in the Makefile: {sorted(missing)}"


def test_the_template_holds_every_message_the_code_has():
    """A string added to the code without `make extract-messages` (or not extractable) fails here."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with (ROOT / "babel.cfg").open() as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    keywords = {}
    for keyword in _makefile_keywords():
        name, _, spec = keyword.partition(":")
        keywords[name] = tuple(int(n) for n in spec.split(",")) if spec else None
    from babel.messages.extract import DEFAULT_KEYWORDS

    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords={**DEFAULT_KEYWORDS, **keywords}):
        found.add(message if isinstance(message, str) else message[0])
    in_template = {m.id if isinstance(m.id, str) else m.id[0] for m in _messages(_read(POT))}
    assert found - in_template == set(), "run: make extract-messages"
