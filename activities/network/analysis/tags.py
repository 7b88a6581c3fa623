"""Knowledge topics typed as free text: split into tags, tidied, and compared without case or accents."""
import re
import unicodedata

MAX_TAGS = 20
MAX_TAG_LENGTH = 60
_SEPARATORS = re.compile(r"[,;\n\r]+")


def fold(text):
    """A tag as compared: no accents, no case, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


def split(raw):
    """The tags in a comma- or line-separated text, tidied and without repeats (first spelling wins)."""
    tags, seen = [], set()
    for part in _SEPARATORS.split(raw or ""):
        tag = " ".join(part.split()).strip(" .·-")
        if tag and fold(tag) not in seen:
            seen.add(fold(tag))
            tags.append(tag)
    return tags


def problems(tags):
    """What is wrong with a list of tags (too many, too long), as (code, value) pairs."""
    found = []
    if len(tags) > MAX_TAGS:
        found.append(("many", len(tags)))
    found += [("long", tag) for tag in tags if len(tag) > MAX_TAG_LENGTH]
    return found


def as_text(tags):
    """Tags as the text field shows them."""
    return ", ".join(tags or ())
