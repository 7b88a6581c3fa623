"""A pseudo catalogue (every translation wrapped in markers) and the visible text of a page that escaped it."""
import io
import re
from html.parser import HTMLParser
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

OPEN, CLOSE = "⟦", "⟧"
POT = Path(__file__).resolve().parents[2] / "translations" / "messages.pot"
# Attributes a person reads or hears; data-* and the like are for scripts.
READ_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "aria-description", "aria-roledescription"}
# Tags inside a line of text; every other tag (blocks, table cells, SVG text) ends one.
INLINE = {"a", "abbr", "b", "bdi", "code", "em", "i", "kbd", "mark", "q", "s", "small", "span", "strong", "sub",
          "sup", "time", "u", "wbr"}
# 7.5 or 0.25 (a Dutch decimal has a comma; a Dutch thousands separator is a dot before three digits).
_ENGLISH_DECIMAL = re.compile(r"(?<![\w.,])\d+\.(?!\d{3}(?!\d))\d+(?![\w.])|\d,\d{3}(?!\d)")
_CUT = re.compile(r"([^\n…]+?)(?:…|\.\.\.)")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_ISO_DATE = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")
_INNERMOST = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
_WORD = re.compile(r"[^\W\d_]{2,}")
# data-* attributes that scripts show or announce (the rest carry keys, URLs and numbers).
_SCRIPT_TEXT = re.compile(r"data-(?:.*-)?(?:msg|text|label|template|none|some|over|failed|title|hint|say|unsaved|saved|error)")


def pseudo_translations(locale="nl"):
    """Translations for `locale` where every message is its English source between markers."""
    with POT.open("rb") as fh:
        template = read_po(fh)
    catalog = Catalog(locale=locale)
    for message in template:
        if not message.id:
            continue
        if isinstance(message.id, str):
            string = f"{OPEN}{message.id}{CLOSE}"
        else:
            string = tuple(f"{OPEN}{message.id[min(n, 1)]}{CLOSE}" for n in range(catalog.num_plurals))
        catalog.add(message.id, string, context=message.context)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


class _Visible(HTMLParser):
    """Collects text nodes (one document) and read-aloud attributes (one piece each); skips scripts, styles and
    elements marked translate="no" (diagnostics quoted to support as they are)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.attributes, self._skip = [], [], 0
        self._untranslated = None  # [tag, depth] of the open translate="no" element

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if self._untranslated and tag == self._untranslated[0]:
            self._untranslated[1] += 1
        elif self._untranslated is None and values.get("translate") == "no" and tag not in VOID:
            self._untranslated = [tag, 1]
        if tag in ("script", "style", "template"):
            self._skip += 1
        if self._untranslated:
            return
        pieces = [v for k, v in values.items() if v and (k in READ_ATTRIBUTES or _is_script_text(k, v))]
        # A button's value is its label; other inputs' values are what the person typed or chose.
        if (tag == "input" and values.get("type") in ("submit", "button", "reset")) and values.get("value"):
            pieces.append(values["value"])
        self.attributes.extend(pieces)
        self.text.append("" if tag in INLINE else "\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1
        if self._untranslated and tag == self._untranslated[0]:
            self._untranslated[1] -= 1
            if not self._untranslated[1]:
                self._untranslated = None
        self.text.append("" if tag in INLINE else "\n")

    def handle_data(self, data):
        if not self._skip and not self._untranslated:
            self.text.append(data)


def _is_script_text(name, value):
    """A data-* attribute a script puts on screen: by its name, or by reading like a sentence."""
    if not name.startswith("data-") or value.startswith(("/", "{", "[", "http")):
        return False
    return bool(_SCRIPT_TEXT.match(name)) or (" " in value.strip() and bool(_WORD.search(value)))


def _uncut(line, allowed):
    """Remove data cut short with an ellipsis ("Andere Buitens…"): the words before it begin a data piece."""
    def cut(match):
        words = match.group(1).split(" ")
        for start in range(len(words)):
            head = " ".join(words[start:]).strip()
            if len(head) >= 3 and any(piece.startswith(head) for piece in allowed.pieces):
                return " ".join(words[:start]) + " "
        return match.group(0)
    return _CUT.sub(cut, line)


def _unmarked(text, allowed):
    """What is left of `text` once marked pieces, allowed data and words-free lines are removed."""
    previous = None
    while previous != text:
        previous, text = text, _INNERMOST.sub(" ", text)
    left = []
    for line in text.splitlines():
        # Data is removed only from lines that still hold words: most lines are markers and separators.
        if not (_WORD.search(line) or OPEN in line or CLOSE in line):
            continue
        for piece in allowed.pieces:
            if piece in line:
                line = line.replace(piece, " ")
        line = allowed.words.sub(" ", _uncut(line, allowed))
        if _WORD.search(line) or OPEN in line or CLOSE in line:
            left.append(line.strip())
    return left


def escaped_text(page, allowed):
    """Lines of visible text (and attribute values) on an HTML page that did not pass through the catalogue,
    numbers written the English way (a Dutch page writes 7,5 and 1.234) and dates not written as people do."""
    parser = _Visible()
    parser.feed(page)
    text = "".join(parser.text)
    found = _unmarked(text, allowed)
    found.extend(f"[number] {line.strip()}" for line in text.splitlines() if _ENGLISH_DECIMAL.search(line))
    found.extend(f"[date] {line.strip()}" for line in text.splitlines() if _ISO_DATE.search(line))
    for value in parser.attributes:
        found.extend(f"[attribute] {line}" for line in _unmarked(value, allowed))
    return found


class Allowed:
    """Text that may appear unmarked: data (long pieces anywhere, short ones as whole words) and the locale's
    own month and day names."""

    def __init__(self, pieces, locale="nl"):
        self.sources = set(pieces)
        # A text area's answer shows line by line.
        pieces = {line.strip() for p in pieces if p for line in p.splitlines() if line.strip()}
        self.pieces = sorted((p for p in pieces if len(p) >= 4), key=len, reverse=True)
        data = Locale.parse(locale)
        # Dates are formatted by Babel from CLDR data, not by the catalogue.
        names = {name for table in (data.months, data.days) for context in table.values()
                 for width in context.values() for name in width.values()}
        words = names | {p for p in pieces if len(p) < 4}
        self.words = re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True))
                                + r")(?!\w)")


def escaped_json(value, allowed, key=""):
    """The same for a JSON answer: HTML fragments in it, and the messages a script shows."""
    if isinstance(value, dict):
        return [line for k, item in value.items() for line in escaped_json(item, allowed, k)]
    if isinstance(value, list):
        return [line for item in value for line in escaped_json(item, allowed, key)]
    if isinstance(value, str) and "<" in value and ">" in value:
        return escaped_text(value, allowed)
    if isinstance(value, str) and key in ("error", "message", "say", "title", "text", "label"):
        return [f"[{key}] {line}" for line in _unmarked(value, allowed)]
    return []
