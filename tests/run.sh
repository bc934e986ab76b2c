#!/bin/sh
# tests/run.sh — run every test and print one closing line "N passed, N failed".
#
# Test kinds (each prints TAP-style "ok ..." / "not ok ..." lines):
#   $BUILD/tests/test_*     unit tests (tests/unit/test_*.c)
#   tests/*/run_*.sh        spec and CLI suites; get $PRECIS and $BUILD
# Suites that need ../shared say "ok ... # skip" when it is absent.
set -u
BUILD=${BUILD:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
PRECIS="$ROOT/$BUILD/precis"
export BUILD PRECIS ROOT
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
for t in "$BUILD"/tests/test_* tests/*/run_*.sh; do
  [ -e "$t" ] || continue
  case "$t" in *.d|*.o) continue ;; esac
  echo "== $t"
  # every suite runs under a time limit: a hang or a quadratic blow-up on
  # a pathological input fails instead of stalling CI
  case "$t" in
    *.sh) timeout "${TEST_TIMEOUT:-900}" sh "$t" >"$log" 2>&1; rc=$? ;;
    *) timeout "${TEST_TIMEOUT:-900}" "./$t" >"$log" 2>&1; rc=$? ;;
  esac
  [ "$rc" -eq 124 ] && echo "not ok - $t timed out" >>"$log"
  cat "$log"
  nok=$(grep -c '^ok ' "$log")
  nbad=$(grep -c '^not ok ' "$log")
  if [ "$rc" -ne 0 ] && [ "$nbad" -eq 0 ]; then
    echo "not ok - $t exited with status $rc"
    nbad=1
  fi
  passed=$(( ${passed:-0} + nok ))
  failed=$(( ${failed:-0} + nbad ))
  [ "$nbad" -eq 0 ] || status=1
done
echo "${passed:-0} passed, ${failed:-0} failed"
exit $status
