#!/bin/sh
# bench/quality.sh — `make quality`: see bench/quality.py.
exec python3 "$(dirname "$0")/quality.py" "$@"
