#!/usr/bin/env bash
# Build the one-folder app dist/reader/ with PyInstaller (called by `make package`).
#
#   packaging/build.sh            # uses .venv (override with VENV=...), output in dist/reader
#   READER_BUNDLE_TAGGER=0 packaging/build.sh   # leave the optional LAC/onnxruntime tagger out
#
# Run from anywhere; paths are relative to the project root.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
PY="$VENV/bin/python"
[ -x "$PY" ] || PY="$VENV/Scripts/python.exe"   # Windows venv layout (Git Bash / MSYS)
if [ ! -x "$PY" ]; then
    echo "build.sh: no Python in $VENV (run 'make' first, or set VENV=...)" >&2
    exit 1
fi
PYINSTALLER_SPEC=${PYINSTALLER_SPEC:-pyinstaller>=6.10,<7}

# The app itself must be importable from the venv (make's stamp installs it editable).
if ! "$PY" -c "import reader, PySide6.QtWidgets, opencc, jieba" 2>/dev/null; then
    echo "build.sh: reader or its dependencies are not installed in $VENV (run 'make' first)" >&2
    exit 1
fi
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
    echo "build.sh: installing PyInstaller into $VENV" >&2
    "$PY" -m pip install -qq --disable-pip-version-check "$PYINSTALLER_SPEC"
fi

start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level "${PYINSTALLER_LOG_LEVEL:-WARN}" \
    --distpath dist --workpath build/pyinstaller packaging/reader.spec
end=$(date +%s)

exe=dist/reader/reader
[ -x "$exe" ] || exe=dist/reader/reader.exe
echo "build.sh: built $exe in $((end - start)) s; bundle $(du -sh dist/reader | cut -f1)"
