#!/bin/sh
# tests/html/run_html.sh — `precis extract` golden tests and the html-dev
# quality floor. Prints TAP lines for tests/run.sh.
#
#   UPDATE=1 sh tests/html/run_html.sh   rewrites tests/html/expected/*
#
# The fixtures are the handwritten pages of tests/html/ (invented text). The
# quality check runs when ../shared/data/html-dev exists beside the
# repository (skipped otherwise): extract every page, score with the set's
# score.py and require F1 >= FLOOR; and the text cleaner's selectable
# sentences of the same pages flattened to text (bench/cleaner.py), F1 >=
# CLEAN_FLOOR.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib.sh"
H=$ROOT/tests/html
E=$H/expected
FLOOR=0.9701
CLEAN_FLOOR=0.845

# golden NAME ARGS... : `precis extract ARGS` prints expected/NAME, exit 0
golden() {
  name=$1
  shift
  tap_golden "$E/$name" "extract golden $name" 0 "$PRECIS" extract "$@"
}

for f in boilerplate br split jsonld og time; do
  golden "$f.txt" "tests/html/$f.html"
done
golden "all.jsonl" --format json tests/html/boilerplate.html \
  tests/html/jsonld.html tests/html/og.html tests/html/time.html
golden "two.txt" tests/html/br.html tests/html/split.html
STDIN=$H/split.html golden "stdin.txt" -

# charsets through the command: cp1252 bytes, a UTF-8 BOM
printf '<html><head><meta charset="windows-1252"></head><body><p>The \223caf\351\224 on the corner of the square reopened this week with a new terrace, a longer menu and seats for forty guests.</p></body></html>' >"$T/cp1252.html"
printf '\357\273\277<p>A page saved with a byte-order mark keeps its caf\303\251 and loses the mark, whatever the rest of the page says about itself.</p>' >"$T/bom.html"
"$PRECIS" extract "$T/cp1252.html" "$T/bom.html" >"$T/cs.out" 2>&1
if grep -q "The “café” on the corner" "$T/cs.out" &&
  grep -q "keeps its café and" "$T/cs.out"; then
  ok "extract charsets: cp1252 and BOM"
else
  notok "extract charsets: cp1252 and BOM"
  sed 's/^/# /' "$T/cs.out" | head -5
fi

# input errors: exit 2 naming the input
: >"$T/empty.html"
head -c 4096 /dev/urandom >"$T/binary.html" 2>/dev/null ||
  printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$T/binary.html"
printf '<html><head><title>t</title></head></html>' >"$T/notext.html"
tap_fails "extract empty file" 2 "empty.html: " "$PRECIS" extract "$T/empty.html"
tap_fails "extract binary file" 2 "binary.html: input looks like binary" \
  "$PRECIS" extract "$T/binary.html"
tap_fails "extract no main text" 2 "notext.html: " "$PRECIS" extract "$T/notext.html"
tap_fails "extract missing file" 2 "no-such-page.html" \
  "$PRECIS" extract "$T/no-such-page.html"
tap_fails "extract bad option" 2 "unknown option" "$PRECIS" extract --frobnicate
tap_fails "extract bad format" 2 "text or json" "$PRECIS" extract --format xml x.html
tap_fails "extract page over --max-bytes" 2 "split.html" \
  "$PRECIS" extract --max-bytes 100 "$H/split.html"
tap_fails "extract empty stdin" 2 "<stdin>" sh -c "'$PRECIS' extract </dev/null"

# one bad file among good ones: the others are still printed
"$PRECIS" extract "$H/br.html" "$T/empty.html" "$H/split.html" \
  >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 2 ] && grep -q "fourteen apple" "$T/out" &&
  grep -q "mackerel" "$T/out" && grep -q "empty.html" "$T/err"; then
  ok "extract mixed inputs: good ones printed, exit 2"
else
  notok "extract mixed inputs (exit $rc)"
fi

# quality on the development set
DEV=$ROOT/../shared/data/html-dev
if [ -f "$DEV/score.py" ] && command -v python3 >/dev/null 2>&1; then
  mkdir -p "$T/pred"
  for f in "$DEV"/*.html; do
    id=$(basename "$f" .html)
    "$PRECIS" extract "$f" >"$T/pred/$id.txt" 2>/dev/null
  done
  f1=$(python3 "$DEV/score.py" --pred "$T/pred" --no-per-page |
    awk '$1 == "ALL" { print $3 }')
  if [ -n "$f1" ] && awk "BEGIN { exit !($f1 >= $FLOOR) }"; then
    ok "html-dev F1 $f1 >= $FLOOR"
  else
    notok "html-dev F1 ${f1:-?} >= $FLOOR"
  fi
else
  ok "html-dev F1 >= $FLOOR # skip (no ../shared/data/html-dev)"
fi

# the text cleaner on the same pages flattened to all their visible text
# (bench/cleaner.py: the sentences a brief may quote, against the gold)
if [ -f "$DEV/score.py" ] && command -v python3 >/dev/null 2>&1; then
  line=$(python3 "$ROOT/bench/cleaner.py" --check "$CLEAN_FLOOR" 2>&1 |
    tail -n 1)
  case $line in
  "ok "*) ok "html-dev flattened: ${line#ok }" ;;
  *) notok "html-dev flattened: ${line:-no output}" ;;
  esac
else
  ok "html-dev flattened: cleaner F1 >= $CLEAN_FLOOR # skip (no ../shared/data/html-dev)"
fi
tap_end
