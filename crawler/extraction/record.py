"""The article record (schema version 1): defaults, the JSON Schema and validation.

RECORD.md is the contract with users; ``record.schema.json`` is its machine form and every
record warta writes is checked against it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from jsonschema import Draft202012Validator

SCHEMA_VERSION = 1

LIST_KEYS = ("authors", "editors", "tags", "images", "embeds", "dates_mentioned")
SCALAR_KEYS = (
    "id", "url", "canonical_url", "site", "title", "description", "published_at",
    "published_raw", "modified_at", "modified_raw", "section", "dateline", "place", "text",
    "credit", "language", "fetched_at", "extractor",
)  # fmt: skip

KEY_ORDER = (
    "schema_version", "id", "url", "canonical_url", "site", "title", "description", "authors",
    "editors", "published_at", "published_raw", "modified_at", "modified_raw", "section", "tags",
    "dateline", "place", "text", "credit", "images", "embeds", "dates_mentioned", "language",
    "word_count", "pages", "fetched_at", "extractor",
)  # fmt: skip


def empty_record() -> dict[str, Any]:
    """A record with every key present and every value unknown."""
    record: dict[str, Any] = dict.fromkeys(KEY_ORDER)
    record["schema_version"] = SCHEMA_VERSION
    for key in LIST_KEYS:
        record[key] = []
    record["word_count"] = 0
    record["pages"] = 1
    return record


def tidy(record: dict[str, Any]) -> dict[str, Any]:
    """Key order as documented; empty strings become null, so 'unknown' has one spelling."""
    out = {key: record.get(key) for key in KEY_ORDER}
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


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema())


def validation_errors(record: dict[str, Any]) -> list[str]:
    """Human-readable schema violations, empty when the record is valid."""
    errors = sorted(_validator().iter_errors(record), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '<record>'}: {e.message}" for e in errors]


def to_json_line(record: dict[str, Any]) -> str:
    """One line of JSON Lines: UTF-8 text, not ASCII-escaped."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
