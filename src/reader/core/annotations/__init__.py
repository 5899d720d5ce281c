"""Annotations: their model, the selectors that describe a passage, and anchoring them again in a
changed text. (Their W3C Web Annotation form is an export format: `reader.core.export.w3c`.)
"""
