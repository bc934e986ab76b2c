#!/bin/sh
# tests/data/run_attribution.sh — a brief's citations of outlets, against
# hand labels: bench/attribution.py --tap runs `precis explain` on the
# labelled Multi-News clusters and checks that the labels still match the
# text, that at least 75% of the labelled pairs the attribution's test
# passes are the same fact, and that it still passes 75% of the same-fact
# pairs. Needs ../shared; skips without it.
# Gets $PRECIS and $ROOT from tests/run.sh; works standalone too.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-build}
PRECIS=${PRECIS:-$ROOT/$BUILD/precis}
if ! command -v python3 >/dev/null 2>&1; then
  echo "ok 1 - attribution labels # skip python3 absent"
  exit 0
fi
python3 "$ROOT/bench/attribution.py" --tap 1 "$PRECIS"
