"""Validation answers exactly as jsonschema does: the compiled validator that answers first
(jsonschema-rs) may only pass records jsonschema passes, however odd their values."""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from crawler.extraction.record import _fast, schema, validation_errors
from tests.conftest import record_of

VALID = record_of("fakta_sample")
REFERENCE = Draft202012Validator(schema())
# Characters on which Python's re and ECMA-262 regexes disagree (space, digits, line ends),
# and the characters the schema's patterns look for.
TRICKY = "\x1c\x1f\x85\ufeff\u00a0\u2028\n\t \u0663\u0967"
PLAIN = "aAz09T:+-./_hps"


def reference_errors(record: dict[str, Any]) -> list[str]:
    errors = sorted(REFERENCE.iter_errors(record), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '<record>'}: {e.message}" for e in errors]


def agrees(record: dict[str, Any]) -> None:
    assert validation_errors(record) == reference_errors(record)
    if _fast().is_valid(record):
        assert not reference_errors(record), record


texts = st.text(alphabet=TRICKY + PLAIN, max_size=12)
shaped = st.sampled_from(["https://", "http://x", "2025-04-28T10:15:00+07:00", "site:fakta", "id"])
strings = st.one_of(texts, st.tuples(shaped, texts).map("".join))
scalars = st.one_of(st.none(), st.booleans(), st.integers(-2, 3), st.sampled_from([1.0, 0.5]), strings)
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(strings, inner, max_size=3)
)
image_like = st.fixed_dictionaries(
    {"url": strings, "caption": st.none() | strings, "credit": st.none() | strings}
)


@settings(max_examples=400, deadline=None)
@given(
    key=st.sampled_from(sorted(schema()["properties"]) + ["extra"]),
    value=values | image_like.map(lambda i: [i]),
)
def test_a_changed_field_gets_jsonschemas_answer(key: str, value: Any) -> None:
    agrees({**VALID, key: value})


@settings(max_examples=200, deadline=None)
@given(
    key=st.sampled_from(["url", "canonical_url", "title", "site", "language", "published_at", "id"]),
    text=strings,
)
def test_a_changed_string_gets_jsonschemas_answer(key: str, text: str) -> None:
    agrees({**VALID, key: text})


def test_where_the_two_regex_dialects_differ() -> None:
    assert not validation_errors(VALID)
    cases = {
        "title": ["\x1c", "\x85\x1f", "\ufeff", "a"],  # Python space / ECMA not, and the reverse
        "url": ["http://\x1c", "https://contoh.id\n"],
        "language": ["id\n", "i\u0663"],  # Python's $ passes a final newline
        "published_at": ["\u0662\u0660\u0662\u0665", "2025\n"],  # Python's \d reads any digit
        "schema_version": [True, 1.0],
        "word_count": [1.0, True],
    }
    for key, changed in cases.items():
        for value in changed:
            agrees({**VALID, key: value})


def test_every_pattern_is_one_the_stricter_copy_knows() -> None:
    """A new pattern reading space or any character must be looked at: the compiled validator's
    copy only rewrites the forms below (crawler.extraction.record.stricter)."""
    text = json.dumps(schema())
    patterns = re.findall(r'"pattern": ("(?:[^"\\]|\\.)*")', text)
    for raw in (json.loads(p) for p in patterns):
        rest = raw.replace("\\S", "").replace("[^\\s/]", "")
        assert "\\s" not in rest and "\\S" not in rest and "\\w" not in rest and "\\b" not in rest, raw
        assert "." not in rest.replace("\\.", ""), raw
