"""Annotations in the W3C Web Annotation Data Model (JSON-LD), written and read back.

This is the interchange format: Hypothesis, Recogito and annotation servers speak it, and it is the one
export that can be imported again without loss. Each annotation keeps both selectors the store already
holds: the TextPositionSelector (code-point `start`/`end`, as the model requires) places it quickly, and
the TextQuoteSelector (`exact` with `prefix`/`suffix`) lets `anchoring` re-attach it when the text
differs. The note is a TextualBody with purpose `commenting` (Markdown), each tag one with purpose
`tagging`, and the colour both a `highlighting` body (the user's name for it, for other tools) and the
model's own styling: `target.styleClass` naming a class in the annotation's CssStylesheet, which is
what import reads.

The document is `target.source`: an object whose `id` is `urn:reader:doc:<id>` (stable within a
library), with the title as `label` and the id again as `reader:documentId`, so an importer can match
by id first and by title when the file comes from another library. The file is an AnnotationCollection
with its single page embedded; `parse_w3c_json` also takes a bare list, an AnnotationPage or one
Annotation, and rejects anything it cannot read with an `ExportFormatError` saying where and why.

Files come from other tools and from hand edits, so `read_w3c_json` reads item by item: an item that
cannot be stored as it stands (an offset past any text, a lone surrogate that has no UTF-8 form, a value
of the wrong type) is set aside with a one-line reason and every other item still comes in.
"""

from __future__ import annotations

import json
import re
import uuid as uuidlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.core.annotation_model import DEFAULT_COLORS, Annotation, HighlightColor
from reader.core.export_model import ExportDocument, ExportFormatError, color_for, reading_order, safe_hex

__all__ = [
    "CONTEXT",
    "ImportedAnnotation",
    "SkippedItem",
    "W3CRead",
    "document_iri",
    "parse_w3c_json",
    "read_w3c_json",
    "to_w3c_json",
]

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# ASCII digits only (\d takes any script's digits), and few enough that int() is cheap and fits SQLite.
_DOC_IRI = re.compile(r"urn:reader:doc:([0-9]{1,18})")
_STYLE_PREFIX = "reader-"
# Offsets beyond 2^53 cannot have been written exactly by a JavaScript tool, are past the end of any text
# this app can hold, and stay clear of SQLite's 2^63 limit once a quote's length is added to them.
MAX_OFFSET = 2**53 - 1
_SURROGATE = re.compile("[\ud800-\udfff]")
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass(frozen=True)
class ImportedAnnotation:
    """One annotation read from a W3C file, before it is matched to a document and anchored.

    `document_id` is None and `document_title` empty when the file does not say (another tool's
    export); `start`/`end` are None when there is no TextPositionSelector, leaving the quote selector
    to find the place.
    """

    uuid: str
    document_id: int | None
    document_title: str
    start: int | None
    end: int | None
    quote: str
    prefix: str
    suffix: str
    color: str
    note: str
    tags: tuple[str, ...]
    created: str
    modified: str


@dataclass(frozen=True)
class SkippedItem:
    """An item of a W3C file that was not read: `label` names it (its id, or its place in the file),
    `reason` says why in one line that starts with its place ("annotation 3: ...")."""

    label: str
    reason: str


@dataclass(frozen=True)
class W3CRead:
    """What a W3C file gave: the items that can be imported and the ones set aside, in file order."""

    items: list[ImportedAnnotation]
    skipped: list[SkippedItem]


def document_iri(doc_id: int) -> str:
    """The IRI naming a document of this library in `target.source.id`."""
    return f"urn:reader:doc:{int(doc_id)}"


def _annotation_iri(value: str) -> str:
    return value if value.startswith("urn:uuid:") else f"urn:uuid:{value}"


def _style_class(key: str) -> str:
    # A CSS class name must not start with a digit and may not contain most punctuation.
    return _STYLE_PREFIX + re.sub(r"[^A-Za-z0-9_-]", "_", key)


def _annotation_json(doc: ExportDocument, a: Annotation, colors: Sequence[HighlightColor]) -> dict[str, Any]:
    color = color_for(a.color, colors)
    bodies: list[dict[str, Any]] = []
    if a.note.strip():
        bodies.append({"type": "TextualBody", "purpose": "commenting", "format": "text/markdown", "value": a.note})
    bodies += [{"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in a.tags if tag]
    bodies.append({"type": "TextualBody", "purpose": "highlighting", "value": color.name})
    style_class = _style_class(a.color)
    item: dict[str, Any] = {
        "id": _annotation_iri(a.uuid),
        "type": "Annotation",
        "motivation": "commenting" if a.note.strip() else "highlighting",
    }
    if a.created:
        item["created"] = a.created
    if a.modified:
        item["modified"] = a.modified
    item["body"] = bodies
    item["target"] = {
        "source": {
            "id": document_iri(doc.id),
            "type": "Text",
            "format": "text/plain",
            "label": doc.title,
            "reader:documentId": doc.id,
        },
        "styleClass": style_class,
        "selector": [
            {"type": "TextQuoteSelector", "exact": a.quote, "prefix": a.prefix, "suffix": a.suffix},
            {"type": "TextPositionSelector", "start": a.start, "end": a.end},
        ],
    }
    item["stylesheet"] = {
        "type": "CssStylesheet",
        "value": f".{style_class} {{ background-color: {safe_hex(color)}; }}",
    }
    if a.orphan:
        item["reader:orphan"] = True
    return item


def to_w3c_json(docs: Sequence[ExportDocument], colors: Sequence[HighlightColor] = DEFAULT_COLORS) -> str:
    """Every annotation as one W3C AnnotationCollection (JSON-LD), in reading order per document."""
    items = [_annotation_json(doc, a, colors) for doc in docs for a in reading_order(doc.annotations)]
    collection = {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": "reader annotations",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


# --- reading -------------------------------------------------------------------------------------


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("type", obj.get("@type"))
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {v for v in value if isinstance(v, str)}
    return set()


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _items(data: Any) -> tuple[list[Any], str | None]:
    """The annotations of whatever container the file holds, and why the rest cannot be had, if so."""
    if isinstance(data, list):
        return data, None
    if not isinstance(data, dict):
        raise ExportFormatError("expected a W3C annotation collection, page, annotation or a list of annotations")
    types = _types(data)
    if "Annotation" in types:
        return [data], None
    if "items" in data:
        return _as_list(data["items"]), None
    if "AnnotationCollection" in types or "first" in data:
        items: list[Any] = []
        page = data.get("first")
        seen = 0
        while page is not None:
            if not isinstance(page, dict):
                problem = "the collection's pages are not embedded in the file (only links to them)"
                if not seen:
                    raise ExportFormatError(problem)
                return items, f"page {seen + 1}: {problem}"
            items += _as_list(page.get("items"))
            page = page.get("next")
            seen += 1
        return items, None
    raise ExportFormatError("expected a W3C annotation collection, page, annotation or a list of annotations")


def _shown(value: str, limit: int = 80) -> str:
    """A value from the file made safe for a one-line message: no control characters or surrogates."""
    value = _UNPRINTABLE.sub("\ufffd", value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _storable(value: str, key: str, where: str) -> str:
    """`value` unchanged, or an error when it holds a lone surrogate (JSON allows "\\ud800"; UTF-8 and
    so the library cannot hold it, and replacing it would change a quote that must match the text)."""
    if _SURROGATE.search(value):
        raise ExportFormatError(f"{where}: '{key}' holds an invalid character (a lone UTF-16 surrogate)")
    return value


def _string(obj: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
    value = obj.get(key, default)
    if not isinstance(value, str):
        raise ExportFormatError(f"{where}: '{key}' must be a string")
    return _storable(value, key, where)


def _offset(obj: dict[str, Any], key: str, where: str) -> int:
    value = obj.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ExportFormatError(f"{where}: TextPositionSelector '{key}' must be a non-negative integer")
    if value > MAX_OFFSET:
        raise ExportFormatError(f"{where}: TextPositionSelector '{key}' is too large (past 2^53, beyond any text)")
    return value


def _uuid(identifier: Any, where: str) -> str:
    """Our urn:uuid ids come back as the bare uuid; other tools' ids map to a stable uuid5 of them."""
    if not isinstance(identifier, str) or not identifier.strip():
        raise ExportFormatError(f"{where}: annotation has no 'id'")
    _storable(identifier, "id", where)
    if identifier.startswith("urn:uuid:"):
        try:
            return str(uuidlib.UUID(identifier[len("urn:uuid:") :]))
        except ValueError:
            raise ExportFormatError(f"{where}: '{_shown(identifier)}' is not a valid urn:uuid") from None
    return str(uuidlib.uuid5(uuidlib.NAMESPACE_URL, identifier))


def _document(target: dict[str, Any], where: str) -> tuple[int | None, str]:
    source = target.get("source")
    if isinstance(source, str):
        match = _DOC_IRI.fullmatch(source)
        return (int(match.group(1)) if match else None), ""
    if not isinstance(source, dict):
        return None, ""
    title = source.get("label", "")
    title = _storable(title, "label", where) if isinstance(title, str) else ""
    doc_id = source.get("reader:documentId")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        return doc_id, title
    if doc_id is not None:
        raise ExportFormatError(f"{where}: 'reader:documentId' must be an integer")
    match = _DOC_IRI.fullmatch(source.get("id", "") if isinstance(source.get("id"), str) else "")
    return (int(match.group(1)) if match else None), title


def _color(target: dict[str, Any], highlight: str | None, colors: Sequence[HighlightColor], where: str) -> str:
    """The colour key: our styleClass first, else a highlighting body naming a known colour or key."""
    style = target.get("styleClass")
    if isinstance(style, str) and style.startswith(_STYLE_PREFIX):
        key = _storable(style[len(_STYLE_PREFIX) :], "styleClass", where)
        if key:
            return key
    palette = tuple(colors) or DEFAULT_COLORS
    if highlight is not None:
        for color in palette:
            if highlight in (color.key, color.name):
                return color.key
    return palette[0].key


def _parse_one(raw: Any, index: int, colors: Sequence[HighlightColor]) -> ImportedAnnotation:
    where = f"annotation {index + 1}"
    if not isinstance(raw, dict):
        raise ExportFormatError(f"{where}: expected a JSON object")
    if _types(raw) and "Annotation" not in _types(raw):
        raise ExportFormatError(f"{where}: type is not 'Annotation'")
    uuid = _uuid(raw.get("id"), where)
    targets = [t for t in _as_list(raw.get("target")) if isinstance(t, dict) and "selector" in t]
    if not targets:
        raise ExportFormatError(f"{where}: target has no selector, so there is no passage to attach it to")
    target = targets[0]
    quote_sel = position_sel = None
    for selector in _as_list(target["selector"]):
        if not isinstance(selector, dict):
            raise ExportFormatError(f"{where}: a selector is not a JSON object")
        types = _types(selector)
        if "TextQuoteSelector" in types and quote_sel is None:
            quote_sel = selector
        elif "TextPositionSelector" in types and position_sel is None:
            position_sel = selector
    if quote_sel is None:
        raise ExportFormatError(f"{where}: no TextQuoteSelector (the quoted passage is required)")
    quote = _string(quote_sel, "exact", where)
    prefix = _string(quote_sel, "prefix", where, "")
    suffix = _string(quote_sel, "suffix", where, "")
    start = end = None
    if position_sel is not None:
        start, end = _offset(position_sel, "start", where), _offset(position_sel, "end", where)
        if end < start:
            raise ExportFormatError(f"{where}: TextPositionSelector ends before it starts ({start}–{end})")

    notes: list[str] = []
    tags: list[str] = []
    highlight: str | None = None
    if isinstance(raw.get("bodyValue"), str):
        notes.append(_storable(raw["bodyValue"], "bodyValue", where))
    for body in _as_list(raw.get("body")):
        if isinstance(body, str):  # a link to an external body: nothing we can show
            continue
        if not isinstance(body, dict):
            raise ExportFormatError(f"{where}: a body is not a JSON object")
        value = body.get("value")
        if not isinstance(value, str):
            continue
        value = _storable(value, "body.value", where)
        purposes = {p for p in _as_list(body.get("purpose")) if isinstance(p, str)}
        if "tagging" in purposes:
            tags.append(value)
        elif "highlighting" in purposes:
            highlight = value
        else:  # commenting, or a plain TextualBody without purpose: it is what the user wrote
            notes.append(value)

    doc_id, title = _document(target, where)
    created = raw.get("created", "")
    modified = raw.get("modified", "")
    created = _storable(created, "created", where) if isinstance(created, str) else ""
    modified = _storable(modified, "modified", where) if isinstance(modified, str) else ""
    return ImportedAnnotation(
        uuid=uuid,
        document_id=doc_id,
        document_title=title,
        start=start,
        end=end,
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        color=_color(target, highlight, colors, where),
        note="\n\n".join(notes),
        tags=tuple(tags),
        created=created,
        modified=modified,
    )


def _label(raw: Any, index: int) -> str:
    identifier = raw.get("id") if isinstance(raw, dict) else None
    if isinstance(identifier, str) and identifier.strip():
        return _shown(identifier.strip())
    return f"annotation {index + 1}"


def read_w3c_json(data: str | bytes, colors: Sequence[HighlightColor] = DEFAULT_COLORS) -> W3CRead:
    """Every readable annotation of a W3C Web Annotation JSON file, and each unreadable one with its reason.

    Raises `ExportFormatError` (one line) only when the file as a whole cannot be read: not JSON, or no
    annotation container. `colors` maps a `highlighting` body back to a colour key for files without
    our styleClass.
    """
    try:
        parsed = json.loads(data)
    except json.JSONDecodeError as exc:
        raise ExportFormatError(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except UnicodeDecodeError:
        raise ExportFormatError("not valid JSON: the file is not UTF-8, UTF-16 or UTF-32 text") from None
    except RecursionError:
        raise ExportFormatError("not valid JSON: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise ExportFormatError(f"not valid JSON: {_shown(str(exc), 200)}") from None
    raws, problem = _items(parsed)
    items: list[ImportedAnnotation] = []
    skipped: list[SkippedItem] = []
    for index, raw in enumerate(raws):
        try:
            items.append(_parse_one(raw, index, colors))
        except ExportFormatError as exc:
            skipped.append(SkippedItem(_label(raw, index), str(exc)))
        except (TypeError, ValueError, RecursionError) as exc:
            # Shapes no check above foresaw: this item is unreadable, the others are not.
            reason = f"annotation {index + 1}: not a readable annotation ({type(exc).__name__})"
            skipped.append(SkippedItem(_label(raw, index), reason))
    if problem is not None:
        skipped.append(SkippedItem("collection", problem))
    return W3CRead(items, skipped)


def parse_w3c_json(data: str | bytes, colors: Sequence[HighlightColor] = DEFAULT_COLORS) -> list[ImportedAnnotation]:
    """Annotations from a W3C Web Annotation JSON file; `ExportFormatError` with a one-line reason if any
    part is unreadable. `read_w3c_json` reads the good items of a file that also holds bad ones."""
    read = read_w3c_json(data, colors)
    if read.skipped:
        raise ExportFormatError(read.skipped[0].reason)
    return read.items
