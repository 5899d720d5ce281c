"""Reading a W3C Web Annotation file back, item by item; the format is described in `reader.core.export.w3c`.

Files come from other tools and from hand edits, so every value is checked where it is read: an item
that cannot be stored as it stands (an offset past any text, a lone surrogate that has no UTF-8 form, a
value of the wrong type) is set aside with a one-line reason naming its place, and every other item
still comes in.
"""

from __future__ import annotations

import json
import re
import uuid as uuidlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.core.annotations.model import DEFAULT_COLORS, HighlightColor
from reader.core.export.model import ExportFormatError
from reader.core.export.w3c_terms import DOC_IRI, MAX_OFFSET, STYLE_PREFIX

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


def _optional_string(obj: dict[str, Any], key: str, where: str) -> str:
    """A string that may be missing or of another type (then empty), but is never stored broken."""
    value = obj.get(key, "")
    return _storable(value, key, where) if isinstance(value, str) else ""


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
        match = DOC_IRI.fullmatch(source)
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
    match = DOC_IRI.fullmatch(source.get("id", "") if isinstance(source.get("id"), str) else "")
    return (int(match.group(1)) if match else None), title


def _color(target: dict[str, Any], highlight: str | None, colors: Sequence[HighlightColor], where: str) -> str:
    """The colour key: our styleClass first, else a highlighting body naming a known colour or key."""
    style = target.get("styleClass")
    if isinstance(style, str) and style.startswith(STYLE_PREFIX):
        key = _storable(style[len(STYLE_PREFIX) :], "styleClass", where)
        if key:
            return key
    palette = tuple(colors) or DEFAULT_COLORS
    if highlight is not None:
        for color in palette:
            if highlight in (color.key, color.name):
                return color.key
    return palette[0].key


def _parse_one(raw: Any, index: int, colors: Sequence[HighlightColor]) -> ImportedAnnotation:
    """One item of the file as an annotation; the first problem found raises, naming the item's place."""
    where = f"annotation {index + 1}"
    if not isinstance(raw, dict):
        raise ExportFormatError(f"{where}: expected a JSON object")
    if _types(raw) and "Annotation" not in _types(raw):
        raise ExportFormatError(f"{where}: type is not 'Annotation'")
    uuid = _uuid(raw.get("id"), where)
    target = _target(raw, where)
    quote_sel, position_sel = _selectors(target, where)
    quote = _string(quote_sel, "exact", where)
    prefix = _string(quote_sel, "prefix", where, "")
    suffix = _string(quote_sel, "suffix", where, "")
    start, end = _position(position_sel, where)
    notes, tags, highlight = _bodies(raw, where)
    doc_id, title = _document(target, where)
    created = _optional_string(raw, "created", where)
    modified = _optional_string(raw, "modified", where)
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


def _target(raw: dict[str, Any], where: str) -> dict[str, Any]:
    """The first target that has a selector: the passage the annotation is attached to."""
    targets = [t for t in _as_list(raw.get("target")) if isinstance(t, dict) and "selector" in t]
    if not targets:
        raise ExportFormatError(f"{where}: target has no selector, so there is no passage to attach it to")
    return targets[0]


def _selectors(target: dict[str, Any], where: str) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The target's first TextQuoteSelector (required) and first TextPositionSelector (if any)."""
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
    return quote_sel, position_sel


def _position(selector: dict[str, Any] | None, where: str) -> tuple[int | None, int | None]:
    """`start`/`end` of a TextPositionSelector, or (None, None) without one: the quote then finds the place."""
    if selector is None:
        return None, None
    start, end = _offset(selector, "start", where), _offset(selector, "end", where)
    if end < start:
        raise ExportFormatError(f"{where}: TextPositionSelector ends before it starts ({start}–{end})")
    return start, end


def _bodies(raw: dict[str, Any], where: str) -> tuple[list[str], list[str], str | None]:
    """The notes, tags and highlighting colour name the annotation's bodies carry, in file order."""
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
    return notes, tags, highlight


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
