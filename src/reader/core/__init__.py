"""The Qt-free heart of reader: everything the CLI, the window and the tests share.

Nothing under this package may import Qt; `tests/unit/core/test_no_qt.py` enforces it.
"""
