#!/bin/sh
# tests/rouge/run_rouge.sh — CLI tests of `precis rouge` (TAP lines).
#
# Goldens on tiny invented texts (tests/rouge/dirs, tests/rouge/four):
#   expected/four.txt       one item with four references, values printed
#                           by the real ROUGE-1.5.5 (handcrafted vector
#                           b-edge-four-references of ../shared/rouge)
#   expected/dirs.txt       directory mode with the default flags; the
#                           JSONL and XML inputs of the same texts must
#                           print exactly the same report
#   expected/dirs-pyrouge-d.txt, expected/list-d.txt
#                           other flags, -d, and the -z list layout
# plus the robustness behaviour of docs/rouge.md (exit codes, messages).
# The conformance vectors run in build/tests/test_rouge_vectors.
#
# Env (from tests/run.sh): PRECIS = the binary, ROOT = the repository.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
PRECIS=${PRECIS:-$ROOT/build/precis}
cd "$ROOT" || exit 2
T=tests/rouge
E=$T/expected
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
fails=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
  n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"
  [ -s "$tmp/diff" ] && sed 's/^/#   /' "$tmp/diff" | head -20
}

# same WHAT EXPECTED_FILE CMD...: stdout of CMD must equal the file, exit 0
same() {
  what=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ $rc -eq 0 ] && diff "$want" "$tmp/out" >"$tmp/diff" 2>&1; then
    ok "$what"
  else
    echo "exit $rc" >>"$tmp/diff"; cat "$tmp/err" >>"$tmp/diff"
    not_ok "$what"
  fi
}

# fails WHAT CODE PATTERN CMD...: exit CODE and stderr matching PATTERN
fails() {
  what=$1 code=$2 pat=$3
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ $rc -eq "$code" ] && grep -q -- "$pat" "$tmp/err"; then
    ok "$what"
  else
    { echo "exit $rc (want $code), stderr:"; cat "$tmp/err"; } >"$tmp/diff"
    not_ok "$what"
  fi
}

DEF="-n 2 -m -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u"
PYR="-c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -a"

# ---- goldens ----
same "four references: the numbers ROUGE-1.5.5 prints" $E/four.txt \
  "$PRECIS" rouge $T/four/cands $T/four/refs
same "directory mode, default flags" $E/dirs.txt \
  "$PRECIS" rouge $T/dirs/cands $T/dirs/refs
same "the defaults are -n 2 -m -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u" \
  $E/dirs.txt "$PRECIS" rouge $DEF $T/dirs/cands $T/dirs/refs
same "JSONL mode prints the directory-mode report" $E/dirs.txt \
  "$PRECIS" rouge --pred $T/jsonl/preds.jsonl --ref $T/jsonl/refs.jsonl
same "XML config with system 1 prints the same report" $E/dirs.txt \
  "$PRECIS" rouge $DEF $T/dirs.xml 1
same "pyrouge flags with -d" $E/dirs-pyrouge-d.txt \
  "$PRECIS" rouge -d $PYR $T/dirs/cands $T/dirs/refs
same "-z SPL list: keys 1.X 2.X 3.X" $E/list-d.txt \
  "$PRECIS" rouge $DEF -d -z SPL $T/dirs.list
same "bundled flags (-mn2 -2 4 -u)" $E/dirs.txt \
  "$PRECIS" rouge -mn2 -2 4 -u $T/dirs/cands $T/dirs/refs

"$PRECIS" rouge --json $T/dirs/cands $T/dirs/refs >"$tmp/j" 2>&1
if grep -q '^{"options":"-n 2 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0"' \
     "$tmp/j" && grep -q '"instances":3' "$tmp/j" &&
   grep -q '"ROUGE-1":{"R":0.58608,"P":0.63970,"F":0.60467,' "$tmp/j" &&
   grep -q '^{"eval":"harbor","key":"harbor.1","ROUGE-1":{"R":0.64706' \
     "$tmp/j"; then
  ok "--json: options, averages, per-item scores"
else
  cp "$tmp/j" "$tmp/diff"; not_ok "--json: options, averages, per-item scores"
fi

"$PRECIS" rouge $DEF -a $T/dirs.xml >"$tmp/out" 2>"$tmp/err"
if [ $? -eq 0 ] && grep -q '^2 ROUGE-1 Average_R: 0.05556' "$tmp/out" &&
   grep -q 'EVAL harbor has no peer 2; no instance' "$tmp/err"; then
  ok "XML -a: every system, warning for a missing peer"
else
  cat "$tmp/err" >"$tmp/diff"; not_ok "XML -a: every system"
fi

# ---- robustness ----
mkdir -p "$tmp/c" "$tmp/r"
printf 'Alpha beta gamma.\n' >"$tmp/c/one.txt"
printf 'Alpha beta delta.\n' >"$tmp/r/one.txt"
: >"$tmp/c/two.txt"                                   # empty candidate
printf 'Gamma delta.\n' >"$tmp/r/two.txt"
"$PRECIS" rouge -d $DEF "$tmp/c" "$tmp/r" >"$tmp/out" 2>&1
if [ $? -eq 0 ] &&
   grep -q '^1 ROUGE-1 Eval two.1 R:0.00000 P:0.00000 F:0.00000$' "$tmp/out"
then
  ok "empty candidate scores 0"
else
  cp "$tmp/out" "$tmp/diff"; not_ok "empty candidate scores 0"
fi

: >"$tmp/r/two.b.txt"                                 # empty reference
"$PRECIS" rouge -d "$tmp/c" "$tmp/r" >"$tmp/out" 2>&1
if [ $? -eq 0 ] && grep -q 'Eval two.1 R:0.00000' "$tmp/out"; then
  ok "empty reference counts as a reference with no grams"
else
  cp "$tmp/out" "$tmp/diff"; not_ok "empty reference counts as a reference"
fi
fails "ROUGE-W with an empty reference: exit 2 naming the item" 2 \
  "reference 1 of two.1 has no tokens" \
  "$PRECIS" rouge -w 1.2 -n 1 "$tmp/c" "$tmp/r"
rm -f "$tmp/r/two.b.txt"

printf 'Epsilon.\n' >"$tmp/c/three.txt"               # no reference
fails "candidate without reference: exit 2 naming the id" 2 \
  "no reference for id 'three'" "$PRECIS" rouge "$tmp/c" "$tmp/r"
"$PRECIS" rouge --skip-missing "$tmp/c" "$tmp/r" >"$tmp/out" 2>"$tmp/err"
if [ $? -eq 0 ] && grep -q "no reference for id 'three'; skipped" \
     "$tmp/err"; then
  ok "--skip-missing: warning, exit 0"
else
  cat "$tmp/err" >"$tmp/diff"; not_ok "--skip-missing: warning, exit 0"
fi
rm -f "$tmp/c/three.txt"

printf 'x\n' >"$tmp/r/orphan.txt"
"$PRECIS" rouge "$tmp/c" "$tmp/r" >"$tmp/out" 2>"$tmp/err"
if [ $? -eq 0 ] && grep -q "1 reference file(s) in .* match no candidate" \
     "$tmp/err"; then
  ok "unmatched reference file: warning"
else
  cat "$tmp/err" >"$tmp/diff"; not_ok "unmatched reference file: warning"
fi
rm -f "$tmp/r/orphan.txt"

# non-UTF-8 bytes are just bytes (0xE9 is not a letter: "caf" + "s")
printf 'caf\351s open\n' >"$tmp/c/one.txt"
printf 'caf s open\n' >"$tmp/r/one.txt"
"$PRECIS" rouge -d -n 1 -x "$tmp/c" "$tmp/r" >"$tmp/out" 2>&1
if [ $? -eq 0 ] && grep -q 'Eval one.1 R:1.00000 P:1.00000' "$tmp/out"; then
  ok "non-UTF-8 bytes are scored as bytes"
else
  cp "$tmp/out" "$tmp/diff"; not_ok "non-UTF-8 bytes are scored as bytes"
fi

fails "missing directory: exit 2 naming the path" 2 "$tmp/nope" \
  "$PRECIS" rouge "$tmp/c" "$tmp/nope"
fails "unreadable list entry: exit 2 naming the path" 2 "$tmp/none.txt" \
  sh -c "printf '%s %s\n' '$tmp/none.txt' '$tmp/r/one.txt' >'$tmp/l' &&
         '$PRECIS' rouge -z SPL '$tmp/l'"

printf '{"id":"a","summary":"x"}\n{"id":"b","summary":"y"\n' >"$tmp/p.jsonl"
printf '{"id":"a","summary":["x","z"]}\n' >"$tmp/q.jsonl"
fails "malformed JSONL: exit 2 with file:line" 2 "p.jsonl:2: malformed JSON" \
  "$PRECIS" rouge --pred "$tmp/p.jsonl" --ref "$tmp/q.jsonl"
printf '{"id":"a","summary":"x"}\n{"id":"a","summary":"y"}\n' >"$tmp/p.jsonl"
fails "duplicate JSONL id: exit 2" 2 "p.jsonl:2: duplicate id 'a'" \
  "$PRECIS" rouge --pred "$tmp/p.jsonl" --ref "$tmp/q.jsonl"
printf '{"id":"a","summary":"x"}\n{"id":7,"summary":"y"}\n' >"$tmp/p.jsonl"
fails "JSONL id without reference: exit 2 naming it" 2 "id '7': no reference" \
  "$PRECIS" rouge --pred "$tmp/p.jsonl" --ref "$tmp/q.jsonl"
printf '{"id":"a","summary":3}\n' >"$tmp/p.jsonl"
fails "JSONL summary of the wrong type" 2 'p.jsonl:1: "summary" must be' \
  "$PRECIS" rouge --pred "$tmp/p.jsonl" --ref "$tmp/q.jsonl"

fails "bad option value: exit 2" 2 "bad value for -p" \
  "$PRECIS" rouge -p 2 $T/dirs/cands $T/dirs/refs
fails "-l with -b: exit 2" 2 "cannot be used together" \
  "$PRECIS" rouge -l 10 -b 10 $T/dirs/cands $T/dirs/refs
fails "XML without -a or a system id: exit 2" 2 "give -a" \
  "$PRECIS" rouge $T/dirs.xml
fails "unknown -z format: exit 2" 2 "unknown input format" \
  "$PRECIS" rouge -z XYZ $T/dirs.list
"$PRECIS" rouge --help >"$tmp/out" 2>&1
if [ $? -eq 0 ] && grep -q -- "-n 2 -m -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u" \
     "$tmp/out"; then
  ok "--help documents the defaults"
else
  cp "$tmp/out" "$tmp/diff"; not_ok "--help documents the defaults"
fi

echo "# $n checks, $fails failed"
[ $fails -eq 0 ]
