#!/bin/sh
# tests/fuzz/run_replay.sh — replay every fuzz target's seeds. Prints TAP
# lines for tests/run.sh.
#
# Each tests/fuzz/fuzz_TARGET.c is built by `make` as $BUILD/replay/fuzz_TARGET
# (the target with tests/fuzz/replay_main.c instead of libFuzzer; sanitized
# under `make asan`) and replays tests/fuzz/seeds/fuzz_TARGET/*: small
# handwritten inputs, plus every input the fuzzer found a bug with, so each
# such bug stays fixed. The replayer prints "ok N - TARGET FILE" per file; a
# target's checks abort, so when it exits non-zero every seed without its
# "ok" line is "not ok", and its stderr (the sanitizer's or the abort's
# report) is shown as comments. A target without a replayer or without
# seeds is "not ok" too.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib.sh"
cd "$ROOT" || exit 2

# replay TARGET BIN FILE... : replay the files; after a crash, the first
# file without a line is "not ok" and the replayer goes on after it
replay() {
  t=$1 bin=$2
  shift 2
  while [ $# -gt 0 ]; do
    "./$bin" "$@" >"$T/out" 2>"$T/err"
    rc=$?
    grep '^\(not \)\{0,1\}ok ' "$T/out"
    n=$((n + $(grep -c '^\(not \)\{0,1\}ok ' "$T/out")))
    fails=$((fails + $(grep -c '^not ok ' "$T/out")))
    [ "$rc" -eq 0 ] && return
    sed 's/^\(not \)\{0,1\}ok [0-9]* - //' "$T/out" >"$T/done"
    while [ $# -gt 0 ]; do
      f=$1
      shift
      grep -qxF "$t $f" "$T/done" && continue
      grep -qF "$t $f: " "$T/done" && continue
      notok "$t $f: replayer exited with status $rc"
      tail -n 20 "$T/err" | sed 's/^/# /'
      break
    done
  done
}

for src in tests/fuzz/fuzz_*.c; do
  t=$(basename "$src" .c)
  bin=$BUILD/replay/$t
  if [ ! -x "$bin" ]; then
    notok "$t: no replayer $BUILD/replay/$t (run make)"
    continue
  fi
  set -- tests/fuzz/seeds/"$t"/*
  if [ ! -f "$1" ]; then
    notok "$t: no seeds in tests/fuzz/seeds/$t"
    continue
  fi
  replay "$t" "$bin" "$@"
done
[ "$fails" -eq 0 ]
