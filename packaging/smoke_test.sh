#!/usr/bin/env bash
# Smoke test of the built bundle (called by `make package-smoke`): runs dist/reader/reader the way a user
# would, headless (QT_QPA_PLATFORM=offscreen), against temporary libraries and settings only.
#
#   packaging/smoke_test.sh [BUNDLE_DIR]     # default: dist/reader
#
# Exits 0 when every check passes; otherwise prints what failed and exits 1.
set -uo pipefail
cd "$(dirname "$0")/.."

BUNDLE=${1:-dist/reader}
EXE="$BUNDLE/reader"
[ -x "$EXE" ] || EXE="$BUNDLE/reader.exe"
[ -x "$EXE" ] || { echo "smoke_test: no executable in $BUNDLE (run packaging/build.sh first)" >&2; exit 1; }

PY=$(command -v python3 || command -v python || true)
[ -n "$PY" ] || { echo "smoke_test: python3 is needed to check the JSON output" >&2; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/reader-smoke.XXXXXX")
GUI_PID=
cleanup() {
    [ -n "$GUI_PID" ] && kill "$GUI_PID" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT

# Never touch the real user's library, settings or caches.
export QT_QPA_PLATFORM=offscreen
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/data" XDG_CONFIG_HOME="$TMP/config" XDG_CACHE_HOME="$TMP/cache"
export XDG_RUNTIME_DIR="$TMP/runtime"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset READER_LIBRARY

failures=0
pass() { printf 'ok    %s\n' "$1"; }
fail() { printf 'FAIL  %s\n' "$1" >&2; [ $# -gt 1 ] && sed 's/^/      /' <<<"$2" | head -n 20 >&2; failures=$((failures + 1)); }

# run NAME EXPECTED_CODE ARGS... : runs the bundle, keeps stdout in $OUT and stderr in $ERR
run() {
    local name=$1 want=$2; shift 2
    "$EXE" "$@" >"$TMP/out" 2>"$TMP/err"
    local code=$?
    OUT=$(cat "$TMP/out"); ERR=$(cat "$TMP/err")
    if [ "$code" -ne "$want" ]; then
        fail "$name: exit code $code, expected $want" "$ERR"
        return 1
    fi
    return 0
}

# json_check NAME PYTHON_EXPR : evaluates EXPR with `d` = the JSON in $OUT; fails unless it is true
json_check() {
    local name=$1 expr=$2 result
    result=$("$PY" -c "
import json, sys
try:
    d = json.loads(sys.stdin.read())
except ValueError as exc:
    sys.exit(f'not JSON: {exc}')
try:
    print(bool($expr))
except Exception as exc:
    sys.exit(f'unexpected JSON: {type(exc).__name__}: {exc}')
" <<<"$OUT" 2>&1)
    if [ "$result" = "True" ]; then pass "$name"; else fail "$name" "$result
$OUT"; fi
}

# 1. --version
want_version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' src/reader/__init__.py 2>/dev/null)
if run "--version" 0 --version; then
    if [[ "$OUT" =~ ^reader\ [0-9]+\.[0-9]+ ]] && { [ -z "$want_version" ] || [ "$OUT" = "reader $want_version" ]; }; then
        pass "--version prints '$OUT'"
    else
        fail "--version printed '$OUT', expected 'reader ${want_version:-X.Y.Z}'"
    fi
fi

# 2. The seeds: those inside the bundle (where paths.seeds_dir() finds them), else the checkout's.
SEEDS="$BUNDLE/_internal/reader/data/seeds"
[ -d "$SEEDS" ] || SEEDS=$(find "$BUNDLE" -type d -path "*reader/data/seeds" 2>/dev/null | head -n 1)
if [ -n "$SEEDS" ] && [ -d "$SEEDS" ]; then
    pass "seeds bundled in ${SEEDS#"$BUNDLE"/}"
else
    fail "no seeds in the bundle (expected _internal/reader/data/seeds); using seeds/"
    SEEDS=seeds
fi
n_seeds=$(find "$SEEDS" -maxdepth 1 -name '*.txt' | wc -l | tr -d ' ')

# 2b. What the window needs beyond the command line: its translations and the print module.
if [ -n "$(find "$BUNDLE" -path '*reader/data/translations/reader_zh_CN.qm' 2>/dev/null | head -n 1)" ]; then
    pass "Chinese translations bundled"
else
    fail "no reader/data/translations/reader_zh_CN.qm in the bundle: the window would be English only"
fi
if [ -n "$(find "$BUNDLE" -name 'QtPrintSupport*' 2>/dev/null | head -n 1)" ]; then
    pass "QtPrintSupport bundled (File > Print)"
else
    fail "QtPrintSupport missing from the bundle: File > Print would fail"
fi

LIB="$TMP/library.sqlite"
if run "list on a new library" 0 --library "$LIB" list --json; then json_check "list --json on a new library is []" "d == []"; fi

if run "import the seeds" 0 --library "$LIB" import --json "$SEEDS"; then
    json_check "import --json: $n_seeds imported, none skipped" \
        "len(d['imported']) == $n_seeds and not d['skipped'] and d['cancelled'] is False"
fi
if run "list --json" 0 --library "$LIB" list --json; then
    json_check "list --json: $n_seeds documents with titles" "len(d) == $n_seeds and all(r.get('title') for r in d)"
    first_id=$("$PY" -c "import json,sys; print(json.load(sys.stdin)[0]['id'])" <<<"$OUT" 2>/dev/null)
fi
if run "show" 0 --library "$LIB" show "${first_id:-1}"; then
    if "$PY" -c "import sys; t=sys.stdin.read(); sys.exit(0 if sum('\u4e00' <= c <= '\u9fff' for c in t) > 50 else 1)" <<<"$OUT"; then
        pass "show ${first_id:-1}: Chinese text"
    else
        fail "show ${first_id:-1}: no Chinese text in the output" "$OUT"
    fi
fi
if run "re-import" 0 --library "$LIB" import --json "$SEEDS"; then
    json_check "re-import finds $n_seeds duplicates" "len(d['duplicates']) == $n_seeds and not d['imported']"
fi

# 3. The CLI's exit-code contract: 1 = user error (one line, no traceback), 2 = usage.
if run "show a missing document" 1 --library "$LIB" show 999999; then
    if [ "$(wc -l <<<"$ERR")" -eq 1 ] && [[ "$ERR" == "reader: error:"* ]]; then pass "user error: exit 1, one line"
    else fail "user error: expected one 'reader: error:' line" "$ERR"; fi
fi
run "bad usage" 2 --library "$LIB" no-such-command && pass "bad usage: exit 2"

# 4. A larger import runs in a spawned process pool: in a frozen app that needs multiprocessing.freeze_support().
mkdir -p "$TMP/many"
i=0
for f in "$SEEDS"/*.txt; do
    for k in 1 2; do
        i=$((i + 1)); { cat "$f"; printf '\n（副本 %d）\n' "$i"; } >"$TMP/many/copy_$i.txt"
    done
done
if [ "$i" -ge 8 ]; then
    start=$(date +%s)
    if run "import $i files (process pool)" 0 --library "$TMP/many.sqlite" import --json "$TMP/many"; then
        json_check "import $i files in worker processes: all imported ($(($(date +%s) - start)) s)" \
            "len(d['imported']) == $i and not d['skipped']"
    fi
fi

# 4b. One document of each format issue 15 names: a text PDF, a scanned PDF (read by the bundled OCR engine),
# a DOCX and an EPUB (the last two written by tests/packagegen.py, which needs only the standard library).
# Each must be imported, not skipped, and its text must come out: the PDFs are compared with what is printed
# on them (character error rate), the DOCX and EPUB must contain their paragraphs.
FORMATS="$TMP/formats"
mkdir -p "$FORMATS"
cp tests/data/pdf/report_sc.pdf "$FORMATS/text.pdf"
cp tests/data/pdf/scan-1page.pdf "$FORMATS/scan.pdf"
if ! "$PY" -c "
import sys
sys.path.insert(0, 'tests')
import packagegen
open(sys.argv[1], 'wb').write(packagegen.make_docx())
open(sys.argv[2], 'wb').write(packagegen.make_epub())
" "$FORMATS/report.docx" "$FORMATS/book.epub" 2>"$TMP/gen.err"; then
    fail "cannot write the DOCX and EPUB fixtures" "$(cat "$TMP/gen.err")"
fi
FLIB="$TMP/formats.sqlite"
start=$(date +%s)
if run "import a PDF, a scanned PDF, a DOCX and an EPUB" 0 --library "$FLIB" import --json "$FORMATS"; then
    json_check "import --json: 4 documents imported, none skipped ($(($(date +%s) - start)) s, OCR included)" \
        "len(d['imported']) == 4 and not d['skipped']"
fi
# show_matches NAME FILE CHECK : shows the document imported from FILE and runs CHECK (Python, on `text`)
show_matches() {
    local name=$1 file=$2 check=$3 id result
    run "list --json" 0 --library "$FLIB" list --json || return
    id=$("$PY" -c "
import json, sys
rows = [r for r in json.load(sys.stdin) if any(str(v).endswith(sys.argv[1]) for v in r.values())]
print(rows[0]['id'] if rows else '')
" "$file" <<<"$OUT" 2>/dev/null)
    [ -n "$id" ] || { fail "$name: no document from $file in the library" "$OUT"; return; }
    run "show $file" 0 --library "$FLIB" show "$id" || return
    result=$("$PY" -c "
import json, re, sys
text = sys.stdin.read()
$check
" <<<"$OUT" 2>&1)
    if [ "$result" = "ok" ]; then pass "$name"; else fail "$name" "$result"; fi
}
CER='
def cer(want, have):
    want, have = re.sub(r"\s+", "", want), re.sub(r"\s+", "", have)
    prev = list(range(len(have) + 1))
    for i, a in enumerate(want, 1):
        cur = [i]
        for j, b in enumerate(have, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b)))
        prev = cur
    return prev[-1] / max(1, len(want))
'
show_matches "text PDF: its paragraphs come out (CER ≤ 0.02)" text.pdf "$CER
want = '\n'.join(json.load(open('tests/data/pdf/report_sc.expected.json', encoding='utf-8'))['paragraphs'])
e = cer(want, text)
print('ok' if e <= 0.02 else f'CER {e:.3f}')"
show_matches "scanned PDF: read by OCR in the bundle (CER ≤ 0.05)" scan.pdf "$CER
want = open('tests/data/pdf/scan-1page.expected.txt', encoding='utf-8').read()
e = cer(want, text.replace('乡村公共文化服务调查报告', ''))  # a single page: its running head stays
print('ok' if e <= 0.05 else f'CER {e:.3f}: ' + text[:200])"
show_matches "DOCX: body paragraphs come out" report.docx "
missing = [p for p in ('新建社区阅览室四十二个。', '部分设施利用率偏低。') if p not in text]
print('ok' if not missing else f'missing {missing}')"
show_matches "EPUB: its chapters come out" book.epub "
sys.path.insert(0, 'tests')
import packagegen
missing = [p for _, paras in packagegen.EPUB_CHAPTERS for p in paras if p not in text]
print('ok' if not missing else f'missing {missing[:3]}')"

# 5. The window starts offscreen and, on a new library, imports the bundled sample documents by itself.
GUI_LIB="$TMP/gui.sqlite"
"$EXE" --library "$GUI_LIB" >"$TMP/gui.out" 2>"$TMP/gui.err" &
GUI_PID=$!
seeded=
for _ in $(seq 1 60); do
    sleep 0.5
    if ! kill -0 "$GUI_PID" 2>/dev/null; then break; fi
    if [ -f "$GUI_LIB" ] && "$EXE" --library "$GUI_LIB" list --json >"$TMP/gui.list" 2>/dev/null &&
        "$PY" -c "import json,sys; sys.exit(0 if len(json.load(open(sys.argv[1]))) >= $n_seeds else 1)" "$TMP/gui.list" 2>/dev/null; then
        seeded=1; break
    fi
done
if kill -0 "$GUI_PID" 2>/dev/null; then
    kill "$GUI_PID" 2>/dev/null; wait "$GUI_PID" 2>/dev/null; GUI_PID=
    if [ -n "$seeded" ]; then pass "window starts offscreen and seeds a new library ($n_seeds documents)"
    else fail "window is running but did not import the sample documents within 30 s" "$(cat "$TMP/gui.err")"; fi
else
    wait "$GUI_PID"; code=$?; GUI_PID=
    fail "window exited by itself (code $code)" "$(cat "$TMP/gui.err")"
fi
if grep -qE "Traceback|Could not load the Qt platform plugin|Cannot load library" "$TMP/gui.err"; then
    fail "window printed errors" "$(cat "$TMP/gui.err")"
fi

if [ "$failures" -gt 0 ]; then
    echo "smoke_test: $failures check(s) failed for $EXE" >&2
    exit 1
fi
echo "smoke_test: all checks passed for $EXE"
