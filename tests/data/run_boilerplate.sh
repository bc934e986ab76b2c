#!/bin/sh
# tests/data/run_boilerplate.sh — precis briefs must not quote boilerplate.
#
# Runs precis on the 50 MultiNews full-dev clusters (JSONL batch mode) and on
# the five seed articles, then checks with check_boilerplate.py that no brief
# sentence is (or contains) a line hand-labelled as boilerplate in
# fulldev-boilerplate.tsv / seeds-boilerplate.tsv, and that the labels still
# match their source lines (sha1). Needs ../shared; skips without it.
# Gets $PRECIS, $ROOT (and $BUILD) from tests/run.sh; works standalone too.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-build}
PRECIS=${PRECIS:-$ROOT/$BUILD/precis}
HERE=$ROOT/tests/data
FULLDEV=$ROOT/../shared/data/multinews/full-dev.jsonl
SEEDS=$ROOT/../shared/seeds

if [ ! -f "$FULLDEV" ]; then
  echo "ok 1 - boilerplate labels # skip ../shared absent"
  exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "ok 1 - boilerplate labels # skip python3 absent"
  exit 0
fi

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
status=0
n=0 # tests printed so far

# run_one NAME SOURCE LABELS OUTPUT PRECIS-ARGS...
run_one() {
  name=$1 src=$2 tsv=$3 out=$4
  shift 4
  "$PRECIS" "$@" >"$out" 2>"$tmp/err"
  rc=$?
  if [ "$rc" -ne 0 ]; then
    n=$((n + 1))
    echo "not ok $n - $name: precis $* exited with status $rc"
    sed -n '1,5s/^/# /p' "$tmp/err"
    status=1
    # still report whether the labels match their source lines
    python3 "$HERE/check_boilerplate.py" --no-plan --start $((n + 1)) \
      "$src" "$tsv" >"$tmp/log"
  else
    python3 "$HERE/check_boilerplate.py" --no-plan --start $((n + 1)) \
      "$src" "$tsv" "$out" >"$tmp/log"
  fi
  [ $? -eq 0 ] || status=1
  cat "$tmp/log"
  n=$((n + $(grep -c '^\(not \)\{0,1\}ok ' "$tmp/log")))
}

run_one full-dev "$FULLDEV" "$HERE/fulldev-boilerplate.tsv" "$tmp/fulldev.out" \
  --jsonl --format json --words 250 "$FULLDEV"
if [ -d "$SEEDS" ]; then
  run_one seeds "$SEEDS" "$HERE/seeds-boilerplate.tsv" "$tmp/seeds.out" \
    --format json --words 300 "$SEEDS"
fi
exit $status
