"""Hypothesis strategies for hostile input: wrong types, huge and negative numbers, 64-bit ids,
NUL and control characters, lone surrogates, right-to-left text, 100 kB strings, nested JSON."""
import os

from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("LEERNETWERK_FUZZ_EXAMPLES", "6"))

HOSTILE_TEXT = st.sampled_from([
    "", " ", "\x00", "a\x00b", "\x1b[31m", "\x7f", "\r\n", "\t", "\ud800", "x\udfff", "\u202egnp.exe",
    "مرحبا بالعالم", "שלום", "e\u0301", "ﬁ", "\ufeff", "x" * 100_000, "ä" * 5000, "'; DROP TABLE x; --",
    "<script>alert(1)</script>", "=HYPERLINK(\"x\")", "../../etc/passwd", "%00", "null", "true", "[]", "{}",
])
NUMBERS = st.sampled_from([
    "0", "-1", "1", "2", "7", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
    "18446744073709551616", "1e308", "NaN", "-0", "٣", "1" * 400, " 5 ", "3.5",
])
WORDS = st.sampled_from([
    "agree", "disagree", "merge", "rename", "split", "hide", "show", "edit", "remove", "unmerge", "group", "add",
    "take_out", "open", "close", "reveal", "new_round", "open_posting", "close_posting", "open_dots",
    "open_closing", "confirm", "yes", "no", "copy", "empty", "contacts", "drawing", "learn", "trust", "situation",
    "start", "end", "my_team", "asked", "gave", "time", "optional", "required", "on", "off", "met", "y",
])


def form_values(real):
    """One form value: hostile text, a number, a known word, or a real id or key of the seeded world."""
    return st.one_of(HOSTILE_TEXT, NUMBERS, WORDS, st.sampled_from(sorted(real)) if real else WORDS,
                     st.text(max_size=40))


def form_payload(names, real):
    """Form fields: known names (and some unknown), each with one or several values."""
    keys = st.one_of(st.sampled_from(sorted(names)), st.text(min_size=1, max_size=10))
    value = form_values(real)
    return st.lists(st.tuples(keys, st.one_of(value, st.lists(value, max_size=4))), max_size=12)


JSON_LEAVES = st.one_of(st.none(), st.booleans(), st.integers(min_value=-2**70, max_value=2**70),
                        st.floats(allow_nan=False), HOSTILE_TEXT, WORDS)


def json_payload(names):
    """A JSON body: objects with the route's field names, wrong types, or deep nesting."""
    nested = st.recursive(JSON_LEAVES, lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(sorted(names)), inner, max_size=4)),
        max_leaves=20)
    deep = st.integers(min_value=10, max_value=3000).map(
        lambda n: RawJson('{"version": 1, "moves": ' + "[" * n + "]" * n + "}"))
    return st.one_of(nested, deep)


class RawJson(str):
    """A JSON body sent as is (nesting too deep for json.dumps to build)."""
