#!/bin/sh
# tools/deps.sh — install the Debian 12 packages precis builds with, if any
# are missing. Quiet when everything is there. Needs root or sudo to
# install; otherwise prints the apt-get command and fails.
set -u
PKGS="build-essential pkg-config libstemmer-dev libutf8proc-dev \
libjansson-dev libxml2-dev libglpk-dev python3"
[ "${1:-}" = "--with-optional" ] && PKGS="$PKGS clang ots"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
    missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "precis: installing missing Debian packages:$missing" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "precis: run as root: apt-get install -y$missing" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2 || exit 1
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq $missing >&2 || exit 1
