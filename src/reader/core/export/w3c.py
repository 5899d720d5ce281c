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

This module is the format's one name for its callers: writing lives in `w3c_write`, reading in
`w3c_read`, and the names both must agree on (the context, document IRIs, the style prefix) in
`w3c_terms`.
"""

from __future__ import annotations

from reader.core.export.w3c_read import ImportedAnnotation, SkippedItem, W3CRead, parse_w3c_json, read_w3c_json
from reader.core.export.w3c_terms import CONTEXT, MAX_OFFSET, document_iri
from reader.core.export.w3c_write import to_w3c_json

__all__ = [
    "CONTEXT",
    "MAX_OFFSET",
    "ImportedAnnotation",
    "SkippedItem",
    "W3CRead",
    "document_iri",
    "parse_w3c_json",
    "read_w3c_json",
    "to_w3c_json",
]
