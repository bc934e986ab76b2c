#!/bin/sh
# tools/run-example.sh — set-up command 1 of the README: install what is
# missing, build, and summarize the bundled example (an invented story told
# by five invented outlets, boilerplate included).
set -eu
cd "$(dirname "$0")/.."
sh tools/deps.sh
make -s
echo "== precis examples/harbor-fire/ (text)"
./build/precis examples/harbor-fire/
echo
echo "== precis --jsonl examples/harbor-fire.jsonl (batch mode, 2 clusters)"
./build/precis --jsonl --words 60 examples/harbor-fire.jsonl
