#!/bin/sh
# Re-extract every tr()/translate() string from src/reader/ui into the .ts catalogues, then compile the
# .qm files the application loads (src/reader/data/translations, shipped as package data).
#
# Run from anywhere after changing user-visible strings; then translate the new "unfinished" entries
# (Qt Linguist, or by hand) and run it again. tests/gui/test_i18n.py fails while zh_CN has gaps.
# Locations are left out of the .ts files so that moving code does not rewrite every catalogue.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${PYSIDE6_BIN:-$root/.venv/bin}
out="$root/src/reader/data/translations"
mkdir -p "$out"

cd "$root"
sources=$(find src/reader/ui -name '*.py' | sort)
for lang in en zh_CN zh_TW; do
    # shellcheck disable=SC2086 # one argument per source file
    "$bin/pyside6-lupdate" $sources -no-obsolete -locations none \
        -source-language en -target-language "$lang" -ts "$here/reader_$lang.ts"
    "$bin/pyside6-lrelease" -silent "$here/reader_$lang.ts" -qm "$out/reader_$lang.qm"
done
