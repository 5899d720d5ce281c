"""W3C annotation files with bad items: each bad item is set aside with a one-line reason, the rest read."""

from __future__ import annotations

import json
from typing import Any

import pytest

from reader.core.export.model import ExportFormatError
from reader.core.export.w3c import MAX_OFFSET, parse_w3c_json, read_w3c_json


def _item(ident: str, *, quote: Any = "甲乙", start: Any = 0, end: Any = 2, **extra: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "type": "Annotation",
        "target": {
            "source": {"id": "urn:reader:doc:1", "label": "文档"},
            "selector": [
                {"type": "TextQuoteSelector", "exact": quote, "prefix": "", "suffix": ""},
                {"type": "TextPositionSelector", "start": start, "end": end},
            ],
        },
        **extra,
    }


def _with_quote_field(ident: str, key: str, value: Any) -> dict[str, Any]:
    item = _item(ident)
    item["target"]["selector"][0][key] = value
    return item


# Each: (item, what its reason must say). JSON's "\ud800" escape is how a lone surrogate arrives.
BAD: list[tuple[dict[str, Any], str]] = [
    (_item("past-2^63", start=2**63, end=2**63 + 2), "too large"),
    (_item("past-2^64", start=0, end=2**64), "too large"),
    (_item("past-2^53", start=MAX_OFFSET + 1, end=MAX_OFFSET + 3), "too large"),
    (_item("negative", start=-1), "non-negative integer"),
    (_item("float", start=1.5, end=3), "non-negative integer"),
    (_item("integral-float", start=1.0, end=3), "non-negative integer"),
    (_item("bool", start=True), "non-negative integer"),
    (_item("string-offset", start="1"), "non-negative integer"),
    (_item("null-offset", end=None), "non-negative integer"),
    (_item("backwards", start=5, end=2), "ends before it starts"),
    (_item("surrogate-exact", quote="甲\ud800"), "'exact' holds an invalid character"),
    (_with_quote_field("surrogate-prefix", "prefix", "\udfff"), "'prefix' holds an invalid character"),
    (_with_quote_field("surrogate-suffix", "suffix", "\udc80"), "'suffix' holds an invalid character"),
    (_with_quote_field("list-suffix", "suffix", ["a"]), "'suffix' must be a string"),
    (_item("number-exact", quote=5), "'exact' must be a string"),
    (_item("surrogate-note", body={"type": "TextualBody", "value": "注\ud83d"}), "invalid character"),
    (_item("surrogate-tag", body=[{"purpose": "tagging", "value": "\ud800"}]), "invalid character"),
    (_item("surrogate-bodyvalue", bodyValue="\udbff"), "'bodyValue' holds an invalid character"),
    (_item("surrogate-created", created="2024\ud800"), "'created' holds an invalid character"),
    (_item("number-body", body=[7]), "a body is not a JSON object"),
    (_item("\ud800bad-id"), "'id' holds an invalid character"),
    (_item("urn:uuid:not-a-uuid\nsecond line"), "is not a valid urn:uuid"),
    ({"id": "no-target", "type": "Annotation"}, "target has no selector"),
    ({"id": "wrong-type", "type": "Person", "target": {"selector": []}}, "type is not 'Annotation'"),
    ({"id": "selector-number", "target": {"selector": [3]}}, "a selector is not a JSON object"),
]


def test_every_bad_item_is_listed_and_every_good_item_read() -> None:
    good = [_item(f"good-{i}") for i in range(3)]
    items: list[Any] = [good[0]]
    for bad, _ in BAD:
        items += [bad]
    items += [good[1], 42, "a string", None, good[2]]

    read = read_w3c_json(json.dumps(items))

    assert len(read.items) == 3
    assert [i.quote for i in read.items] == ["甲乙"] * 3
    assert len(read.skipped) == len(BAD) + 3
    for skipped, (bad, expected) in zip(read.skipped, BAD, strict=False):
        assert expected in skipped.reason, (bad["id"], skipped.reason)
    for skipped in read.skipped:
        assert skipped.reason.startswith("annotation ")
        assert "\n" not in skipped.reason and "\n" not in skipped.label
        (skipped.label + skipped.reason).encode("utf-8")  # printable and storable: no lone surrogates


def test_read_items_are_storable() -> None:
    item = _item("ok", body=[{"purpose": "tagging", "value": "标签"}, {"purpose": {"odd": 1}, "value": "注释"}])
    (one,) = read_w3c_json(json.dumps([item])).items
    assert one.tags == ("标签",)
    assert one.note == "注释"  # a purpose that is not a string is no purpose, not a crash
    for value in (one.uuid, one.quote, one.note, one.created, one.color, one.document_title):
        value.encode("utf-8")


def test_a_page_link_after_embedded_items_keeps_the_items() -> None:
    data = {
        "type": "AnnotationCollection",
        "first": {"type": "AnnotationPage", "items": [_item("a")], "next": "https://example.com/page2"},
    }
    read = read_w3c_json(json.dumps(data))
    assert [i.quote for i in read.items] == ["甲乙"]
    assert len(read.skipped) == 1 and "not embedded" in read.skipped[0].reason


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ('[{"id": "\\ud800", "target": {"selector": []}}]', "invalid character"),
        (json.dumps([_item("x", body=[{"purpose": [["nested"]], "value": "v"}])]), None),
        ('{"start": ' + "9" * 5000 + "}", "not valid JSON"),
        (json.dumps([_item("x")]).replace('"urn:reader:doc:1"', '"urn:reader:doc:' + "9" * 5000 + '"'), None),
        (json.dumps([_item("x", start=2**63, end=2**63)]), "too large"),
    ],
)
def test_strict_parse_raises_only_a_one_line_format_error(data: str | bytes, message: str | None) -> None:
    if message is None:
        (one,) = parse_w3c_json(data)
        assert one.quote == "甲乙"
        return
    with pytest.raises(ExportFormatError) as info:
        parse_w3c_json(data)
    assert message in str(info.value)
    assert "\n" not in str(info.value)
