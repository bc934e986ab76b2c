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
. "$ROOT/tests/lib.sh"
cd "$ROOT" || exit 2
R=tests/rouge
E=$R/expected

# not_ok WHAT : a failed check, with what $T/diff holds
not_ok() {
  notok "$1"
  [ -s "$T/diff" ] && sed 's/^/#   /' "$T/diff" | head -20
}

# same WHAT EXPECTED_FILE CMD...: stdout of CMD must equal the file, exit 0
same() {
  what=$1 want=$2
  shift 2
  "$@" >"$T/out" 2>"$T/err"
  rc=$?
  if [ $rc -eq 0 ] && diff "$want" "$T/out" >"$T/diff" 2>&1; then
    ok "$what"
  else
    echo "exit $rc" >>"$T/diff"; cat "$T/err" >>"$T/diff"
    not_ok "$what"
  fi
}

DEF="-n 2 -m -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u"
PYR="-c 95 -2 -1 -U -r 1000 -n 4 -w 1.2 -a"

# ---- goldens ----
same "four references: the numbers ROUGE-1.5.5 prints" $E/four.txt \
  "$PRECIS" rouge $R/four/cands $R/four/refs
same "directory mode, default flags" $E/dirs.txt \
  "$PRECIS" rouge $R/dirs/cands $R/dirs/refs
same "the defaults are -n 2 -m -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u" \
  $E/dirs.txt "$PRECIS" rouge $DEF $R/dirs/cands $R/dirs/refs
same "JSONL mode prints the directory-mode report" $E/dirs.txt \
  "$PRECIS" rouge --pred $R/jsonl/preds.jsonl --ref $R/jsonl/refs.jsonl
same "XML config with system 1 prints the same report" $E/dirs.txt \
  "$PRECIS" rouge $DEF $R/dirs.xml 1
same "XML config built from nested entities: the same report" $E/dirs.txt \
  "$PRECIS" rouge $DEF $R/dirs-entities.xml 1
same "pyrouge flags with -d" $E/dirs-pyrouge-d.txt \
  "$PRECIS" rouge -d $PYR $R/dirs/cands $R/dirs/refs
same "-z SPL list: keys 1.X 2.X 3.X" $E/list-d.txt \
  "$PRECIS" rouge $DEF -d -z SPL $R/dirs.list
same "bundled flags (-mn2 -2 4 -u)" $E/dirs.txt \
  "$PRECIS" rouge -mn2 -2 4 -u $R/dirs/cands $R/dirs/refs

"$PRECIS" rouge --json $R/dirs/cands $R/dirs/refs >"$T/j" 2>&1
if grep -q '^{"options":"-n 2 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0"' \
     "$T/j" && grep -q '"instances":3' "$T/j" &&
   grep -q '"ROUGE-1":{"R":0.58608,"P":0.63970,"F":0.60467,' "$T/j" &&
   grep -q '^{"eval":"harbor","key":"harbor.1","ROUGE-1":{"R":0.64706' \
     "$T/j"; then
  ok "--json: options, averages, per-item scores"
else
  cp "$T/j" "$T/diff"; not_ok "--json: options, averages, per-item scores"
fi

"$PRECIS" rouge $DEF -a $R/dirs.xml >"$T/out" 2>"$T/err"
if [ $? -eq 0 ] && grep -q '^2 ROUGE-1 Average_R: 0.05556' "$T/out" &&
   grep -q 'EVAL harbor has no peer 2; no instance' "$T/err"; then
  ok "XML -a: every system, warning for a missing peer"
else
  cat "$T/err" >"$T/diff"; not_ok "XML -a: every system"
fi

# ---- robustness ----
mkdir -p "$T/c" "$T/r"
printf 'Alpha beta gamma.\n' >"$T/c/one.txt"
printf 'Alpha beta delta.\n' >"$T/r/one.txt"
: >"$T/c/two.txt"                                   # empty candidate
printf 'Gamma delta.\n' >"$T/r/two.txt"
"$PRECIS" rouge -d $DEF "$T/c" "$T/r" >"$T/out" 2>&1
if [ $? -eq 0 ] &&
   grep -q '^1 ROUGE-1 Eval two.1 R:0.00000 P:0.00000 F:0.00000$' "$T/out"
then
  ok "empty candidate scores 0"
else
  cp "$T/out" "$T/diff"; not_ok "empty candidate scores 0"
fi

: >"$T/r/two.b.txt"                                 # empty reference
"$PRECIS" rouge -d "$T/c" "$T/r" >"$T/out" 2>&1
if [ $? -eq 0 ] && grep -q 'Eval two.1 R:0.00000' "$T/out"; then
  ok "empty reference counts as a reference with no grams"
else
  cp "$T/out" "$T/diff"; not_ok "empty reference counts as a reference"
fi
tap_fails "ROUGE-W with an empty reference: exit 2 naming the item" 2 \
  "reference 1 of two.1 has no tokens" \
  "$PRECIS" rouge -w 1.2 -n 1 "$T/c" "$T/r"
rm -f "$T/r/two.b.txt"

printf 'Epsilon.\n' >"$T/c/three.txt"               # no reference
tap_fails "candidate without reference: exit 2 naming the id" 2 \
  "no reference for id 'three'" "$PRECIS" rouge "$T/c" "$T/r"
"$PRECIS" rouge --skip-missing "$T/c" "$T/r" >"$T/out" 2>"$T/err"
if [ $? -eq 0 ] && grep -q "no reference for id 'three'; skipped" \
     "$T/err"; then
  ok "--skip-missing: warning, exit 0"
else
  cat "$T/err" >"$T/diff"; not_ok "--skip-missing: warning, exit 0"
fi
rm -f "$T/c/three.txt"

printf 'x\n' >"$T/r/orphan.txt"
"$PRECIS" rouge "$T/c" "$T/r" >"$T/out" 2>"$T/err"
if [ $? -eq 0 ] && grep -q "1 reference file(s) in .* match no candidate" \
     "$T/err"; then
  ok "unmatched reference file: warning"
else
  cat "$T/err" >"$T/diff"; not_ok "unmatched reference file: warning"
fi
rm -f "$T/r/orphan.txt"

# a *.txt entry that is no regular file is named, not skipped in silence
ln -s "$T/nowhere" "$T/c/broken.txt"
mkdir "$T/r/adir.txt"
"$PRECIS" rouge "$T/c" "$T/r" >"$T/out" 2>"$T/err"
if [ $? -eq 0 ] && grep -q "skipping .*/c/broken.txt: No such file" "$T/err" &&
   grep -q "skipping .*/r/adir.txt: not a regular file" "$T/err"; then
  ok "*.txt entries that are no regular file: warning naming each"
else
  cat "$T/err" >"$T/diff"
  not_ok "*.txt entries that are no regular file: warning naming each"
fi
rm -f "$T/c/broken.txt"
rmdir "$T/r/adir.txt"

# non-UTF-8 bytes are just bytes (0xE9 is not a letter: "caf" + "s")
printf 'caf\351s open\n' >"$T/c/one.txt"
printf 'caf s open\n' >"$T/r/one.txt"
"$PRECIS" rouge -d -n 1 -x "$T/c" "$T/r" >"$T/out" 2>&1
if [ $? -eq 0 ] && grep -q 'Eval one.1 R:1.00000 P:1.00000' "$T/out"; then
  ok "non-UTF-8 bytes are scored as bytes"
else
  cp "$T/out" "$T/diff"; not_ok "non-UTF-8 bytes are scored as bytes"
fi

tap_fails "missing directory: exit 2 naming the path" 2 "$T/nope" \
  "$PRECIS" rouge "$T/c" "$T/nope"
tap_fails "unreadable list entry: exit 2 naming the path" 2 "$T/none.txt" \
  sh -c "printf '%s %s\n' '$T/none.txt' '$T/r/one.txt' >'$T/l' &&
         '$PRECIS' rouge -z SPL '$T/l'"

printf '{"id":"a","summary":"x"}\n{"id":"b","summary":"y"\n' >"$T/p.jsonl"
printf '{"id":"a","summary":["x","z"]}\n' >"$T/q.jsonl"
tap_fails "malformed JSONL: exit 2 with file:line" 2 "p.jsonl:2: malformed JSON" \
  "$PRECIS" rouge --pred "$T/p.jsonl" --ref "$T/q.jsonl"
# a line over INPUT_MAX_FILE_BYTES (256 MiB) is not kept; through a pipe
big=$(((256 << 20) + 1))
tap_fails "JSONL line over 256 MiB: exit 2 with file:line" 2 \
  "/dev/stdin:2: line longer than 268435456 bytes" \
  sh -c "{ printf '{\"id\":\"a\",\"summary\":\"x\"}\\n'
           head -c $big /dev/zero | tr '\\000' x; } |
         '$PRECIS' rouge --pred /dev/stdin --ref '$T/q.jsonl'"
printf '{"id":"a","summary":"x"}\n{"id":"b",\000}\n' >"$T/p.jsonl"
tap_fails "JSONL with a NUL byte: exit 2 with file:line" 2 \
  "p.jsonl:2: binary data (a NUL byte)" \
  "$PRECIS" rouge --pred "$T/p.jsonl" --ref "$T/q.jsonl"
tap_fails "JSONL from /dev/zero: exit 2 at once" 2 \
  "/dev/zero:1: binary data (a NUL byte)" \
  timeout 60 "$PRECIS" rouge --pred /dev/zero --ref "$T/q.jsonl"
# CRLF ends and a last line without '\n' read as before
printf '{"id":"a","summary":"x z"}\r\n\r\n' >"$T/p.jsonl"
printf '{"id":"a","summary":["x","z"]}' >"$T/r.jsonl"
"$PRECIS" rouge --pred "$T/p.jsonl" --ref "$T/r.jsonl" >"$T/out" 2>&1
if [ $? -eq 0 ] && grep -q 'ROUGE-1 Average_R: 1.00000' "$T/out"; then
  ok "JSONL: CRLF and a last line without newline"
else
  cp "$T/out" "$T/diff"; not_ok "JSONL: CRLF and a last line without newline"
fi
printf '{"id":"a","summary":"x"}\n{"id":"a","summary":"y"}\n' >"$T/p.jsonl"
tap_fails "duplicate JSONL id: exit 2" 2 "p.jsonl:2: duplicate id 'a'" \
  "$PRECIS" rouge --pred "$T/p.jsonl" --ref "$T/q.jsonl"
printf '{"id":"a","summary":"x"}\n{"id":7,"summary":"y"}\n' >"$T/p.jsonl"
tap_fails "JSONL id without reference: exit 2 naming it" 2 "id '7': no reference" \
  "$PRECIS" rouge --pred "$T/p.jsonl" --ref "$T/q.jsonl"
printf '{"id":"a","summary":3}\n' >"$T/p.jsonl"
tap_fails "JSONL summary of the wrong type" 2 'p.jsonl:1: "summary" must be' \
  "$PRECIS" rouge --pred "$T/p.jsonl" --ref "$T/q.jsonl"

tap_fails "bad option value: exit 2" 2 "bad value for -p" \
  "$PRECIS" rouge -p 2 $R/dirs/cands $R/dirs/refs
tap_fails "-l with -b: exit 2" 2 "cannot be used together" \
  "$PRECIS" rouge -l 10 -b 10 $R/dirs/cands $R/dirs/refs
tap_fails "XML without -a or a system id: exit 2" 2 "give -a" \
  "$PRECIS" rouge $R/dirs.xml
printf '<ROUGE_EVAL version="1.0"><EVAL' >"$T/bad.xml"
tap_fails "malformed XML config: exit 2 with file:line" 2 \
  "bad.xml:1: malformed XML: " "$PRECIS" rouge -a "$T/bad.xml"
[ "$(wc -l <"$T/err")" -eq 1 ]
check $? "malformed XML config: the message is one line (libxml2's newline dropped)"
tap_fails "unknown -z format: exit 2" 2 "unknown input format" \
  "$PRECIS" rouge -z XYZ $R/dirs.list
"$PRECIS" rouge --help >"$T/out" 2>&1
if [ $? -eq 0 ] && grep -q -- "-n 2 -m -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u" \
     "$T/out"; then
  ok "--help documents the defaults"
else
  cp "$T/out" "$T/diff"; not_ok "--help documents the defaults"
fi

tap_end
