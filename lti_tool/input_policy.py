"""One input policy for text from outside: NFC-normalised, no control characters, bounded sizes.

PostgreSQL refuses NUL in text and lone surrogates cannot be encoded as UTF-8, so either would
turn an ordinary save into a 500; other control characters corrupt exports (XML, CSV). Tab and
newline are ordinary text. Everything here is pure: forms, the request edge and the launch claims
share it.
"""
import re
import unicodedata

# C0 controls but tab, newline and carriage return (browsers send CRLF), DEL, C1 controls, surrogates.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
INT_MIN, INT_MAX = 1, 2**31 - 1  # ids are PostgreSQL INTEGER columns


def forbidden_character(text):
    """The first character the policy refuses in `text`, or None."""
    found = _FORBIDDEN.search(text)
    return found.group() if found else None


def normalise(value):
    """NFC form of a string (other values unchanged); a string with lone surrogates is left as is."""
    if not isinstance(value, str) or value.isascii():
        return value
    try:
        return unicodedata.normalize("NFC", value)
    except UnicodeError:  # pragma: no cover - normalize accepts surrogates today; the check refuses them
        return value


def acceptable_text(value):
    """Whether a string (or every string in a list) is free of refused characters."""
    if isinstance(value, str):
        return forbidden_character(value) is None
    if isinstance(value, (list, tuple)):
        return all(acceptable_text(item) for item in value)
    return True


def bounded_int(value, low=INT_MIN, high=INT_MAX):
    """A whole number from text or JSON within [low, high], or None (never a huge or negative id)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if low <= value <= high else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text.isascii() or not text.isdigit() or len(text) > 12:
        return None
    number = int(text)
    return number if low <= number <= high else None


def json_problem(value, max_depth, max_items, max_string):
    """Why a parsed JSON body breaks the limits (too deep, too many items, strings too long
    or with refused characters), or None. Iterative, so a hostile nesting cannot recurse."""
    stack, items = [(value, 1)], 0
    while stack:
        node, depth = stack.pop()
        if depth > max_depth:
            return "too deep"
        if isinstance(node, dict):
            items += len(node)
            stack.extend((key, depth + 1) for key in node)
            stack.extend((child, depth + 1) for child in node.values())
        elif isinstance(node, list):
            items += len(node)
            stack.extend((child, depth + 1) for child in node)
        elif isinstance(node, str):
            if len(node) > max_string:
                return "string too long"
            if forbidden_character(node) is not None:
                return "refused character"
        if items > max_items:
            return "too many items"
    return None
