#!/bin/sh
# bench/html.sh — throughput of `precis extract` (HTML main text and
# metadata) over the html-dev pages: pages/s and MB/s on one core (one
# process, all pages, best of 3 wall-clock runs) and peak RSS (GNU time,
# else getrusage through a tiny driver). Benchmarks are not tests: nothing
# here fails on a time. Needs ../shared/data/html-dev; says so when absent.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
P=$ROOT/build/precis
DEV=$ROOT/../shared/data/html-dev
if [ ! -d "$DEV" ]; then
  echo "bench html: $DEV not found (needs ../shared/data); nothing measured"
  exit 0
fi
if [ ! -x "$P" ]; then
  echo "bench html: $P not built (make)"
  exit 1
fi
set -- "$DEV"/*.html
N=$#
BYTES=$(cat "$@" | wc -c)
best=""
for i in 1 2 3; do
  s=$(date +%s.%N)
  "$P" extract "$@" >/dev/null 2>&1
  e=$(date +%s.%N)
  t=$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f", e - s }')
  if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'
  then
    best=$t
  fi
done
if [ -x /usr/bin/time ]; then
  rss=$(/usr/bin/time -v "$P" extract "$@" 2>&1 >/dev/null |
    awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }')
else
  # no GNU time: a tiny driver reports the children's peak RSS
  drv=$(mktemp -d)
  cat >"$drv/rss.c" <<'C'
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
int main(int argc, char **argv) {
  pid_t pid = fork();
  if (pid == 0) {
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execv(argv[1], argv + 1);
    _exit(127);
  }
  int st;
  struct rusage ru;
  waitpid(pid, &st, 0);
  getrusage(RUSAGE_CHILDREN, &ru);
  printf("%ld\n", ru.ru_maxrss);
  return argc < 2;
}
C
  if cc -O1 -o "$drv/rss" "$drv/rss.c" 2>/dev/null; then
    rss=$("$drv/rss" "$P" extract "$@")
  else
    rss="?"
  fi
  rm -rf "$drv"
fi
awk -v n="$N" -v b="$BYTES" -v t="$best" -v rss="$rss" 'BEGIN {
  printf "html extract: %d pages, %.1f MB in %.3f s (best of 3): ",
    n, b / 1e6, t
  printf "%.0f pages/s, %.1f MB/s; peak RSS %.1f MB\n",
    n / t, b / 1e6 / t, rss / 1024
}'
