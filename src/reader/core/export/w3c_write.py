"""Writing annotations as one W3C AnnotationCollection; the shape is described in `reader.core.export.w3c`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from reader.core.annotations.model import DEFAULT_COLORS, Annotation, HighlightColor
from reader.core.export.model import ExportDocument, localized_color, reading_order, safe_hex
from reader.core.export.w3c_terms import CONTEXT, annotation_iri, document_iri, style_class


def _bodies(a: Annotation, color: HighlightColor) -> list[dict[str, Any]]:
    """The note (Markdown), one body per tag, and the colour's name for tools without our styleClass."""
    bodies: list[dict[str, Any]] = []
    if a.note.strip():
        bodies.append({"type": "TextualBody", "purpose": "commenting", "format": "text/markdown", "value": a.note})
    bodies += [{"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in a.tags if tag]
    bodies.append({"type": "TextualBody", "purpose": "highlighting", "value": color.name})
    return bodies


def _annotation_json(doc: ExportDocument, a: Annotation, colors: Sequence[HighlightColor]) -> dict[str, Any]:
    color = localized_color(a.color, colors, doc)
    css_class = style_class(a.color)
    item: dict[str, Any] = {
        "id": annotation_iri(a.uuid),
        "type": "Annotation",
        "motivation": "commenting" if a.note.strip() else "highlighting",
    }
    if a.created:
        item["created"] = a.created
    if a.modified:
        item["modified"] = a.modified
    item["body"] = _bodies(a, color)
    item["target"] = {
        "source": {
            "id": document_iri(doc.id),
            "type": "Text",
            "format": "text/plain",
            "label": doc.title,
            "reader:documentId": doc.id,
        },
        "styleClass": css_class,
        "selector": [
            {"type": "TextQuoteSelector", "exact": a.quote, "prefix": a.prefix, "suffix": a.suffix},
            {"type": "TextPositionSelector", "start": a.start, "end": a.end},
        ],
    }
    item["stylesheet"] = {
        "type": "CssStylesheet",
        "value": f".{css_class} {{ background-color: {safe_hex(color)}; }}",
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
