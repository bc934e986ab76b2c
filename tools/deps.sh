#!/bin/sh
# tools/deps.sh — install the Debian 12 packages precis builds with, if any
# are missing. Quiet when everything is there. Needs root or sudo to
# install; otherwise prints the apt-get command and fails.
#
#   --with-optional    also clang and ots (fuzzing, font checks); required
#   --with-test-tools  also chromium, for the headless-browser checks of
#                      tests/report, and clang, for tools/test.sh's clang
#                      UBSan pass (tools/test.sh passes it). Best effort:
#                      when it cannot be installed (no root, no apt, no
#                      network) a note is printed, the exit status stays 0
#                      and those checks skip.
set -u
PKGS="build-essential pkg-config libstemmer-dev libutf8proc-dev \
libjson-c-dev libxml2-dev libglpk-dev python3"
TEST_PKGS=""
for a in "$@"; do
  case $a in
    --with-optional) PKGS="$PKGS clang ots" ;;
    --with-test-tools) TEST_PKGS="chromium clang" ;;
    *) echo "usage: tools/deps.sh [--with-optional] [--with-test-tools]" >&2
       exit 2 ;;
  esac
done

missing_of() {
  m=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
      m="$m $p"
  done
  echo "$m"
}

# install PACKAGES...: 0 when installed, 1 otherwise (with a message)
install() {
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
      echo "precis: run as root: apt-get install -y $*" >&2
      return 1
    fi
  fi
  command -v apt-get >/dev/null 2>&1 || {
    echo "precis: apt-get not found; install:$*" >&2
    return 1
  }
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2 || return 1
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq "$@" >&2 || return 1
}

missing=$(missing_of $PKGS)
if [ -n "$missing" ]; then
  echo "precis: installing missing Debian packages:$missing" >&2
  # shellcheck disable=SC2086
  install $missing || exit 1
fi

if [ -n "$TEST_PKGS" ]; then
  tmissing=$(missing_of $TEST_PKGS)
  # a browser or a clang already on the PATH will do
  for t in chromium clang; do
    if command -v "$t" >/dev/null 2>&1 ||
      { [ "$t" = chromium ] && command -v chromium-browser >/dev/null 2>&1; }; then
      tmissing=$(echo "$tmissing" | sed "s/ $t\b//")
    fi
  done
  if [ -n "$tmissing" ]; then
    echo "precis: installing test tools:$tmissing" >&2
    # shellcheck disable=SC2086
    install $tmissing ||
      echo "precis: could not install$tmissing; the headless-browser" \
        "checks of tests/report or the clang UBSan pass will skip" >&2
  fi
fi
exit 0
