# tests/lib.sh — what the tests/*/run_*.sh suites share: the paths, a
# scratch directory, TAP output and the two checks most of them make (a
# golden stdout, an input error). Sourced, not run:
#
#   ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
#   . "$ROOT/tests/lib.sh"
#
# Gets $ROOT, $BUILD and $PRECIS from tests/run.sh, or works them out, so a
# suite also runs standalone. Sets T (a scratch directory removed at exit),
# n (checks printed) and fails (checks failed).

BUILD=${BUILD:-build}
PRECIS=${PRECIS:-$ROOT/$BUILD/precis}
T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
n=0
fails=0

ok() {
  n=$((n + 1))
  echo "ok $n - $1"
}
notok() {
  n=$((n + 1))
  fails=$((fails + 1))
  echo "not ok $n - $1"
}
skip() { ok "$1 # skip $2"; }
# check STATUS LABEL : ok when STATUS is 0
check() { if [ "$1" -eq 0 ]; then ok "$2"; else notok "$2"; fi; }

# tap_golden FILE LABEL STATUS CMD... : run CMD from $ROOT with stdin from
# $STDIN (default /dev/null); its stdout must equal FILE and its exit
# status STATUS. UPDATE=1 rewrites FILE with what CMD printed.
tap_golden() {
  file=$1 label=$2 want=$3
  shift 3
  (cd "$ROOT" && "$@" <"${STDIN:-/dev/null}") >"$T/out" 2>"$T/err"
  rc=$?
  if [ "${UPDATE:-0}" = 1 ]; then
    mkdir -p "$(dirname "$file")"
    cp "$T/out" "$file"
  fi
  if [ $rc -eq "$want" ] && cmp -s "$T/out" "$file"; then
    ok "$label"
  else
    notok "$label (exit $rc, want $want)"
    diff -u "$file" "$T/out" 2>&1 | head -20 | sed 's/^/# /'
    sed 's/^/# stderr: /' "$T/err" | head -5
  fi
}

# tap_fails LABEL STATUS PATTERN CMD... : CMD (stdin /dev/null) must exit
# with STATUS and say PATTERN on stderr.
tap_fails() {
  label=$1 want=$2 pat=$3
  shift 3
  "$@" >"$T/out" 2>"$T/err" </dev/null
  rc=$?
  if [ $rc -eq "$want" ] && grep -q -- "$pat" "$T/err"; then
    ok "$label"
  else
    notok "$label (exit $rc, want $want and '$pat')"
    sed 's/^/# stderr: /' "$T/err" | head -5
  fi
}

# fails NAME STATUS PATTERN ARGS... : `precis ARGS` must exit with STATUS
# and say PATTERN on stderr
fails() {
  label="$1: exit $2, says '$3'" want=$2 pat=$3
  shift 3
  tap_fails "$label" "$want" "$pat" "$PRECIS" "$@"
}

# tap_end : the closing comment; exit status 1 when a check failed
tap_end() {
  echo "# $n checks, $fails failed"
  [ "$fails" -eq 0 ]
}
