"""The article record (schema version 1): defaults, the JSON Schema and validation.

RECORD.md is the contract with users; ``record.schema.json`` is its machine form and every
record warta writes is checked against it.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

SCHEMA_VERSION = 1


class Image(TypedDict):
    url: str
    caption: str | None
    credit: str | None


class Embed(TypedDict):
    kind: str  # twitter, instagram, facebook, tiktok, youtube, video, other
    url: str | None


class DateMention(TypedDict):
    text: str
    date: str


class _Article(TypedDict):
    """One article, keys in the documented order (RECORD.md; a test holds it equal to the schema)."""

    schema_version: int
    id: str
    url: str
    canonical_url: str
    site: str
    title: str
    description: str | None
    authors: list[str]
    editors: list[str]
    published_at: str | None
    published_raw: str | None
    modified_at: str | None
    modified_raw: str | None
    section: str | None
    tags: list[str]
    dateline: str | None
    place: str | None
    text: str
    credit: str | None
    images: list[Image]
    embeds: list[Embed]
    dates_mentioned: list[DateMention]
    language: str | None
    word_count: int
    pages: int
    fetched_at: str
    extractor: str


class Record(_Article, total=False):
    """The article, and the keys corpus tools add (RECORD.md: "Keys added by corpus tools"):
    absent from a record that did not go through them, so a missing key reads "not checked"."""

    duplicate_of: str | None  # the id of the earliest record of its near-duplicate group


# A record on its way through the steps: every key present, values not yet checked.
Draft = dict[str, Any]
# A draft's one key that is not the record's: the zone ("+08:00") of the times its raw dates
# print without one, for the dates step. Validation keeps only the record's keys.
DATE_ZONE = "date_zone"

_TYPES = typing.get_type_hints(Record)
KEY_ORDER = tuple(k for k in _TYPES if k in Record.__required_keys__)
# Keys a record carries only after a corpus tool looked at it; written after KEY_ORDER's.
ADDED_KEYS = tuple(k for k in _TYPES if k in Record.__optional_keys__)
LIST_KEYS = tuple(k for k in KEY_ORDER if typing.get_origin(_TYPES[k]) is list)
SCALAR_KEYS = tuple(k for k in KEY_ORDER if _TYPES[k] is str or _TYPES[k] == str | None)


def empty_record() -> Draft:
    """A record with every key present and every value unknown."""
    record: Draft = dict.fromkeys(KEY_ORDER)
    record["schema_version"] = SCHEMA_VERSION
    for key in LIST_KEYS:
        record[key] = []
    record["word_count"] = 0
    record["pages"] = 1
    return record


def tidy(record: Draft) -> Draft:
    """Key order as documented; empty strings become null, so 'unknown' has one spelling."""
    out = {key: record.get(key) for key in KEY_ORDER}
    out.update({key: record[key] for key in ADDED_KEYS if key in record})
    for key in SCALAR_KEYS:
        value = out[key]
        if isinstance(value, str) and not value.strip():
            out[key] = None
    for key in LIST_KEYS:
        out[key] = list(out[key] or [])
    return out


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema shipped inside the package."""
    return json.loads(files("crawler.extraction").joinpath("record.schema.json").read_text("utf-8"))


# Python's ``\s`` (which jsonschema's patterns use) counts these as space; the fast validator's
# ECMA-262 ``\s`` does not, so its copy of the schema refuses them where a pattern reads space.
_PY_ONLY_SPACE = "\\x1c-\\x1f\\x85"
_STRICTER = {"\\S": f"[^\\s{_PY_ONLY_SPACE}]", "[^\\s/]": f"[^\\s/{_PY_ONLY_SPACE}]"}


def stricter(node: Any) -> Any:
    """The schema for the fast validator: every pattern rewritten to accept no string Python's
    ``re`` would refuse (ECMA's ``\\d`` and ``$`` are already narrower than Python's)."""
    if isinstance(node, dict):
        return {k: _stricter_pattern(v) if k == "pattern" else stricter(v) for k, v in node.items()}
    return [stricter(v) for v in node] if isinstance(node, list) else node


def _stricter_pattern(pattern: str) -> str:
    for python, ecma in _STRICTER.items():
        pattern = pattern.replace(python, ecma)
    return pattern


@cache
def _fast() -> Any:
    import jsonschema_rs

    return jsonschema_rs.validator_for(stricter(schema()))


@cache
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


def validation_errors(record: Mapping[str, Any]) -> list[str]:
    """Human-readable schema violations, empty when the record is valid.

    jsonschema (Python) has the last word and writes the messages; a compiled validator
    (jsonschema-rs, 200 times faster) answers first for the records that pass, which are
    nearly all, on a copy of the schema made stricter wherever the two read a pattern
    differently, so it never passes a record jsonschema would refuse."""
    if _fast().is_valid(record):
        return []
    errors = sorted(_validator().iter_errors(record), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '<record>'}: {e.message}" for e in errors]


def to_json_line(record: Mapping[str, Any]) -> str:
    """One line of JSON Lines: UTF-8 text, not ASCII-escaped."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
