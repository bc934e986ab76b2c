#!/bin/sh
# tools/test.sh — set-up command 2 of the README: install what is missing,
# build, run the whole test suite, then run it again under AddressSanitizer
# and UBSan, and once more under clang's UBSan when clang is there (it
# checks more; without clang that pass says it is skipped). The last line
# is the total: "N passed, N failed". Also tries
# to install chromium for the report's headless-browser checks; without it
# (no apt, no network) those checks skip and say so.
set -u
cd "$(dirname "$0")/.."
sh tools/deps.sh --with-test-tools || exit 1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
make -s all >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
make -s test 2>&1 | tee "$log"
plain=$(tail -n 1 "$log")
make -s asan 2>&1 | tee "$log"
asan=$(tail -n 1 "$log")
if command -v clang >/dev/null 2>&1; then
  make -s ubsan-clang 2>&1 | tee "$log"
  clang_ub=$(tail -n 1 "$log")
else
  clang_ub="0 passed, 0 failed (skipped: no clang)"
fi
p1=$(echo "$plain" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
f1=$(echo "$plain" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
p2=$(echo "$asan" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
f2=$(echo "$asan" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
p3=$(echo "$clang_ub" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
f3=$(echo "$clang_ub" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
[ -n "$p1" ] || { p1=0; f1=1; }
[ -n "$p2" ] || { p2=0; f2=1; }
[ -n "$p3" ] || { p3=0; f3=1; }
echo "plain: $plain; asan+ubsan: $asan; clang ubsan: $clang_ub"
echo "$((p1 + p2 + p3)) passed, $((f1 + f2 + f3)) failed"
[ "$((f1 + f2 + f3))" -eq 0 ]
