"""The record has one typed definition (``Record``) and one machine contract
(``record.schema.json``): this test holds the two equal, key by key and type by type."""

from __future__ import annotations

import types
import typing
from typing import Any

import pytest

from crawler.extraction.record import ADDED_KEYS, KEY_ORDER, DateMention, Embed, Image, Record, schema

JSON_TYPES = {str: {"string"}, int: {"integer"}, type(None): {"null"}}
NESTED = {"images": Image, "embeds": Embed, "dates_mentioned": DateMention}


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    return _resolve(schema()["$defs"][ref.rsplit("/", 1)[1]]) if ref else node


def _schema_types(node: dict[str, Any]) -> set[str]:
    node = _resolve(node)
    if "const" in node:
        return {"integer" if isinstance(node["const"], int) else "string"}
    if "enum" in node:
        return {"string"}
    if "oneOf" in node:
        return set().union(*(_schema_types(n) for n in node["oneOf"]))
    kind = node["type"]
    return set(kind) if isinstance(kind, list) else {kind}


def _python_types(kind: Any) -> set[str]:
    if typing.get_origin(kind) is list:
        return {"array"}
    if isinstance(kind, types.UnionType):
        return set().union(*(_python_types(k) for k in typing.get_args(kind)))
    return JSON_TYPES[kind]


def test_keys_in_the_documented_order() -> None:
    assert list(typing.get_type_hints(Record)) == [*KEY_ORDER, *ADDED_KEYS]
    assert list(KEY_ORDER) == schema()["required"]
    assert list(schema()["properties"]) == [*KEY_ORDER, *ADDED_KEYS]


def test_keys_added_by_corpus_tools_are_optional() -> None:
    """A record that no corpus tool looked at lacks them (RECORD.md): "not checked"."""
    assert ADDED_KEYS == ("duplicate_of",)
    assert not set(ADDED_KEYS) & set(schema()["required"])


@pytest.mark.parametrize("key", KEY_ORDER + ADDED_KEYS)
def test_each_key_has_the_schema_s_type(key: str) -> None:
    assert _python_types(typing.get_type_hints(Record)[key]) == _schema_types(schema()["properties"][key])


@pytest.mark.parametrize(("key", "item"), NESTED.items())
def test_list_items_have_the_schema_s_fields(key: str, item: type) -> None:
    items = _resolve(schema()["properties"][key]["items"])
    hints = typing.get_type_hints(item)
    assert list(hints) == items["required"] == list(items["properties"])
    for field, kind in hints.items():
        assert _python_types(kind) == _schema_types(items["properties"][field]), (key, field)
