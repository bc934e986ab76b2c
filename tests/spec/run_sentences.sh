#!/bin/sh
# tests/spec/run_sentences.sh — run tests/spec/sentences.txt (format at the
# top of that file) against `precis sentences` and/or the library.
#
#   sh tests/spec/run_sentences.sh [--bin | --lib | --all] [SPEC]
#
# --bin   each case through "$PRECIS sentences FILE" (one TAP line a case)
# --lib   the library, via $BUILD/tests/test_sentences (the C driver)
# --all   both
# Default: --all when run by hand; --bin when PRECIS is set, i.e. under
# tests/run.sh, which already runs $BUILD/tests/test_sentences itself.
# The binary prints a line feed inside a sentence as a space, so "⏎" in the
# expected output is compared as " ".
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-build}
mode=all
[ -n "${PRECIS:-}" ] && mode=bin
PRECIS=${PRECIS:-$ROOT/$BUILD/precis}
spec=$ROOT/tests/spec/sentences.txt
for a in "$@"; do
  case "$a" in
    --bin) mode=bin ;;
    --lib) mode=lib ;;
    --all) mode=all ;;
    -*) echo "run_sentences.sh: unknown option $a" >&2; exit 2 ;;
    *) spec=$a ;;
  esac
done
cd "$ROOT" || exit 2
status=0

if [ "$mode" != bin ]; then
  drv=$BUILD/tests/test_sentences
  if [ -x "$drv" ]; then
    "$drv" "$spec" || status=1
  else
    echo "not ok - $drv not built (make)"
    status=1
  fi
fi
[ "$mode" = lib ] && exit $status

if [ ! -x "$PRECIS" ]; then
  echo "not ok - $PRECIS not built (make)"
  exit 1
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

# Split the spec into $tmp/N.desc, N.in (input bytes), N.want (expected
# output of the binary).
LC_ALL=C awk -v dir="$tmp" '
  function flush() { close(base ".in"); close(base ".want") }
  state == 0 && /^### / {
    n++; base = dir "/" n
    print substr($0, 5) > (base ".desc"); close(base ".desc")
    printf "" > (base ".in"); printf "" > (base ".want")
    state = 1; next
  }
  state == 1 && $0 == "." { state = 2; next }
  state == 1 { l = $0; gsub(/→/, "\t", l); print l > (base ".in"); next }
  state == 2 && $0 == "." { flush(); state = 0; next }
  state == 2 {
    l = $0; gsub(/→/, "\t", l); gsub(/⏎/, " ", l)
    print l > (base ".want"); next
  }
  END {
    if (state != 0) { print "unterminated case " n > "/dev/stderr"; exit 1 }
    print n > (dir "/count")
  }
' "$spec" || { echo "not ok - cannot parse $spec"; exit 1; }

n=$(cat "$tmp/count")
i=1
while [ "$i" -le "$n" ]; do
  desc=$(cat "$tmp/$i.desc")
  if "$PRECIS" sentences "$tmp/$i.in" >"$tmp/$i.got" 2>"$tmp/$i.err" &&
     cmp -s "$tmp/$i.got" "$tmp/$i.want"; then
    echo "ok $i - $desc"
  else
    echo "not ok $i - $desc"
    echo "#   got:"
    sed 's/^/#     |/; s/$/|/' "$tmp/$i.got" "$tmp/$i.err"
    echo "#   want:"
    sed 's/^/#     |/; s/$/|/' "$tmp/$i.want"
    status=1
  fi
  i=$((i + 1))
done
echo "# $n cases through $PRECIS"
exit $status
