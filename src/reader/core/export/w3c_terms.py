"""The names this library gives its annotations in a W3C Web Annotation file, shared by writing and
reading so that what one writes the other recognises (see `reader.core.export.w3c` for the format)."""

from __future__ import annotations

import re

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# ASCII digits only (\d takes any script's digits), and few enough that int() is cheap and fits SQLite.
DOC_IRI = re.compile(r"urn:reader:doc:([0-9]{1,18})")
STYLE_PREFIX = "reader-"
# Offsets beyond 2^53 cannot have been written exactly by a JavaScript tool, are past the end of any text
# this app can hold, and stay clear of SQLite's 2^63 limit once a quote's length is added to them.
MAX_OFFSET = 2**53 - 1


def document_iri(doc_id: int) -> str:
    """The IRI naming a document of this library in `target.source.id`."""
    return f"urn:reader:doc:{int(doc_id)}"


def annotation_iri(value: str) -> str:
    """An annotation's `id`: its uuid as a urn:uuid IRI (left alone when it already is one)."""
    return value if value.startswith("urn:uuid:") else f"urn:uuid:{value}"


def style_class(key: str) -> str:
    """The CSS class carrying a colour key; reading strips STYLE_PREFIX to get the key back."""
    # A CSS class name must not start with a digit and may not contain most punctuation.
    return STYLE_PREFIX + re.sub(r"[^A-Za-z0-9_-]", "_", key)
