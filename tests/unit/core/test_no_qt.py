"""The core must stay usable without Qt: the CLI, workers and tests rely on it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[3] / "src" / "reader" / "core"


def test_no_core_module_imports_qt() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {n}" for n in names if n.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"}
            ]
    assert offenders == []


def test_core_imports_without_loading_qt() -> None:
    modules = sorted(
        ".".join(p.relative_to(CORE).with_suffix("").parts).removesuffix(".__init__") for p in CORE.rglob("*.py")
    )
    modules = [m for m in modules if m != "__init__"]
    assert "annotations.anchoring" in modules and "script" in modules  # the packages are walked
    code = (
        "import sys, importlib\n"
        f"for m in {modules!r}: importlib.import_module('reader.core.' + m)\n"
        "assert not any(k.startswith('PySide6') for k in sys.modules), [k for k in sys.modules if 'PySide' in k]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
