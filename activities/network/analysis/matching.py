"""Needs and offers: who in the course offers the knowledge a participant needs.

Tags are compared, not rewritten. ``normalise`` folds case and accents (NFKD, combining marks
dropped: "Coördinatie" → "coordinatie"), drops a possessive/plural "'s" ("foto's" → "foto"), turns
every other non-alphanumeric character into a space and collapses spaces. Each word then gets a small
set of comparison forms (``word_forms``); two tags match when they have the same number of words and
each pair of words shares a form. The forms, for words of 4+ letters, stem kept at 3+ letters:

- the word itself;
- without a plural ending: -en (vergaderingen → vergadering, strategieën → strategie), -es
  (processes → process), -s (tools → tool);
- -ies → -ie (companies → companie, functies → functie) and a final -y → -ie (company → companie),
  so English y-plurals meet each other and Dutch -ie words;
- -is → -es and -e for 6+ letters (analysis → analyses, analyse), so English and Dutch meet.

Known limits of these forms, on purpose: no Dutch vowel doubling (talen ≠ taal), no consonant undoubling
(lessen ≠ les), no compound splitting. Translations and synonyms (``vocabulary``), spelling variants and
the facilitator's confirmed or split pairs come on top through ``tag_links.Links``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Collection, Iterable

from activities.network.analysis.graph import Contact, EgoDrawing

_POSSESSIVE = re.compile(r"['’`´]s\b")
_NON_WORD = re.compile(r"[\W_]+")


def normalise(tag: str) -> str:
    """Lower case, no accents, no punctuation, single spaces."""
    text = unicodedata.normalize("NFKD", tag or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _POSSESSIVE.sub("", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def _canonical_y(word: str) -> str:
    return word[:-1] + "ie" if word.endswith("y") and len(word) > 3 else word


def word_forms(word: str) -> frozenset[str]:
    """Comparison forms of one normalised word (see the module docstring)."""
    forms = {word}
    if len(word) >= 4:
        if word.endswith("ies"):
            forms.add(word[:-1])
        for ending in ("en", "es", "s"):
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                forms.add(word[:-len(ending)])
        if word.endswith("is") and len(word) >= 6:
            forms.update({word[:-2] + "es", word[:-2] + "e"})
    return frozenset(_canonical_y(f) for f in forms)


def tag_forms(tag: str) -> tuple[frozenset[str], ...]:
    """Comparison forms of each word of a tag."""
    return tuple(word_forms(w) for w in normalise(tag).split())


def tags_match(a: str, b: str) -> bool:
    """Whether two tags name the same knowledge, up to case, accents, punctuation and plural."""
    fa, fb = tag_forms(a), tag_forms(b)
    return bool(fa) and len(fa) == len(fb) and all(x & y for x, y in zip(fa, fb))


@dataclass(frozen=True)
class Offer:
    """A member who offers a tag (as they wrote it)."""

    sub: str
    label: str
    tag: str
    how: str = "same"


@dataclass(frozen=True)
class NeedMatch:
    """One need of a participant and who in the course offers it."""

    need: str
    offers: tuple[Offer, ...]


def _unique(tags: Iterable[str]) -> list[str]:
    seen, result = set(), []
    for tag in tags:
        key = normalise(tag)
        if key and key not in seen:
            seen.add(key)
            result.append(tag.strip())
    return result


def _same_words(a: str, b: str):
    return "same" if tags_match(a, b) else None


def match_needs(drawings: Iterable[EgoDrawing], consenting: Collection[str],
                how: Callable[[str, str], str | None] = _same_words) -> dict[str, tuple[NeedMatch, ...]]:
    """For each participant (sub), each need with the consenting others who offer it.

    Only people in ``consenting`` are ever suggested; the facilitator's view passes every sub.
    Needs without an offer are included with an empty ``offers`` so the caller can say so. ``how(need,
    offer)`` says whether and how two tags match (``tag_links.Links.how``; same words only by default).
    """
    drawings = list(drawings)
    offers = [(d.owner_sub, d.owner_label or d.owner_sub, tag)
              for d in drawings if d.owner_sub in consenting for tag in _unique(d.offers)]
    result: dict[str, tuple[NeedMatch, ...]] = {}
    for d in drawings:
        matches = []
        for need in _unique(d.needs):
            found = []
            for sub, label, tag in offers:
                kind = how(need, tag) if sub != d.owner_sub else None
                if kind:
                    found.append(Offer(sub, label, tag, kind))
            found.sort(key=lambda o: (o.label.casefold(), o.sub, o.tag))
            matches.append(NeedMatch(need, tuple(found)))
        result[d.owner_sub] = tuple(matches)
    return result


def contacts_who_know(drawing: EgoDrawing, how: Callable[[str, str], str | None] = _same_words
                      ) -> dict[str, tuple[Contact, ...]]:
    """For each of the owner's needs, the contacts in their own drawing whose knowledge tags match it."""
    return {need: tuple(c for c in drawing.contacts if any(how(need, k) for k in c.knows))
            for need in _unique(drawing.needs)}
