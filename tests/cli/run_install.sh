#!/bin/sh
# tests/cli/run_install.sh — `make install` into a scratch DESTDIR: the
# files land where the layout says, the shared library exports precis_*
# only under its soname and the static one defines precis_* only,
# pkg-config finds the library, examples/api/brief.c builds against the
# installed tree (shared and static) and gives the brief the command gives,
# a program with its own arena_init links the static library, and
# `make uninstall` takes every file away again.
#
# Uses the objects already built in $BUILD (nothing is recompiled: under
# `make asan` the sanitizer flags reach this make through MAKEFLAGS).
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib.sh"
D=$T/root
P=/usr/local
V=$(sed -n 's/^#define PRECIS_VERSION "\(.*\)"/\1/p' "$ROOT/include/precis.h")

# what install and uninstall must leave alone: the build's objects, flags
stamp() {
  ls -l --time-style=full-iso "$ROOT/$BUILD/.cflags" \
    "$ROOT/$BUILD/libprecis.a" "$ROOT/$BUILD/src/lib/token.o" 2>&1
}
stamp >"$T/stamp0"
make -s --no-print-directory -C "$ROOT" BUILD="$BUILD" DESTDIR="$D" \
  PREFIX=$P install >"$T/make.out" 2>&1
check $? "make install DESTDIR=... PREFIX=$P"
sed 's/^/# /' "$T/make.out" | head -5

missing=
for f in bin/precis lib/libprecis.a "lib/libprecis.so.$V" lib/libprecis.so.0 \
  lib/libprecis.so include/precis.h lib/pkgconfig/precis.pc \
  share/man/man1/precis.1; do
  [ -e "$D$P/$f" ] || missing="$missing $f"
done
[ -z "$missing" ]
check $? "install: every file in place${missing:+ (missing:$missing)}"
[ -x "$D$P/bin/precis" ] && "$D$P/bin/precis" --version >/dev/null
check $? "install: the installed precis runs"

so=$D$P/lib/libprecis.so.$V
readelf -d "$so" 2>/dev/null | grep -q 'SONAME.*\[libprecis\.so\.0\]'
check $? "shared library: soname libprecis.so.0"
# names without their version (precis_summarize@@PRECIS_0)
nm -D --defined-only "$so" | awk '$3 != "" {sub(/@.*/, "", $3); print $3}' |
  sort -u >"$T/syms"
grep -v -e '^precis_' -e '^PRECIS_0$' "$T/syms" >"$T/extra"
[ ! -s "$T/extra" ] && grep -q '^precis_summarize$' "$T/syms"
check $? "shared library: exports precis_* and nothing else"
sed 's/^/# exported: /' "$T/extra" | head -5

# pkg-config on the staged tree only (not exported: make's own
# pkg-config calls must keep seeing the system)
pcf() {
  PKG_CONFIG_PATH="$D$P/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$D" \
    pkg-config "$@"
}
pc=$(pcf --cflags --libs precis 2>&1)
check $? "pkg-config --cflags --libs precis"
[ "$(pcf --modversion precis)" = "$V" ]
check $? "pkg-config: version $V, as precis.h says"

# A sanitized library needs a sanitized program.
san=
readelf -d "$so" | grep -q 'libasan' && san="-fsanitize=address,undefined"
ex="$ROOT/examples/harbor-fire"
"$PRECIS" -f markdown --words 60 "$ex"/*.txt | sed '/^## Sources/,$d' >"$T/want"

# shellcheck disable=SC2086 # flags are word lists
${CC:-cc} $san -o "$T/brief" "$ROOT/examples/api/brief.c" $pc 2>"$T/cc.err"
check $? "examples/api/brief.c builds against the installed library"
sed 's/^/# cc: /' "$T/cc.err" | head -5
LD_LIBRARY_PATH="$D$P/lib" "$T/brief" "$ex"/*.txt 2>"$T/err" |
  sed '/^## Sources/,$d' >"$T/got"
cmp -s "$T/want" "$T/got" && [ -s "$T/got" ]
check $? "brief (shared): the brief precis -f markdown --words 60 gives"
diff "$T/want" "$T/got" | head -5 | sed 's/^/# /'
LD_LIBRARY_PATH="$D$P/lib" ldd "$T/brief" | grep -q "$D$P/lib/libprecis.so.0"
check $? "brief (shared): loads the installed libprecis.so.0"

static=$(pcf --static --libs precis |
  sed 's/-lprecis/-Wl,-Bstatic -lprecis -Wl,-Bdynamic/')
# shellcheck disable=SC2086
${CC:-cc} $san -o "$T/brief-static" "$ROOT/examples/api/brief.c" \
  $(pcf --cflags precis) $static 2>"$T/cc.err"
check $? "brief builds with pkg-config --static (libprecis.a)"
sed 's/^/# cc: /' "$T/cc.err" | head -5
! ldd "$T/brief-static" | grep -q libprecis &&
  "$T/brief-static" "$ex"/*.txt 2>"$T/err" | sed '/^## Sources/,$d' >"$T/got" &&
  cmp -s "$T/want" "$T/got"
check $? "brief (static): no libprecis.so needed, same brief"

# The static library too defines precis_* and nothing else (the modules'
# functions are local to its one object), so a program may use the same
# names: the program below has its own arena_init, arena_free and
# select_lead, which the plain archive of objects also defined (ld:
# "multiple definition of `arena_init'"), and the library keeps using its own.
a=$D$P/lib/libprecis.a
nm -g --defined-only "$a" 2>/dev/null | awk 'NF == 3 {print $3}' |
  sort -u >"$T/syms"
grep -v '^precis_' "$T/syms" >"$T/extra"
[ ! -s "$T/extra" ] && grep -q '^precis_summarize$' "$T/syms"
check $? "static library: defines precis_* and nothing else$(
  [ -s "$T/extra" ] && printf ' (also: %s)' "$(head -5 "$T/extra" | tr '\n' ' ')")"
cat >"$T/clash.c" <<'EOF'
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <precis.h>

static int mine;
void arena_init(void *a, size_t n) { (void)a; (void)n; mine++; }
void arena_free(void *a) { (void)a; mine++; }
int select_lead = 7;

int main(void) {
  const char *t = "The fire burned for six hours. Crews contained it by noon.";
  precis_cluster *c = precis_cluster_new();
  if (!c || precis_cluster_add(c, t, strlen(t), NULL) != PRECIS_OK) return 1;
  size_t n = precis_cluster_doc_count(c);
  precis_cluster_free(c);
  arena_init(NULL, 0);
  printf("%zu %d %d\n", n, mine, select_lead);
  return !(n == 1 && mine == 1 && select_lead == 7);
}
EOF
# shellcheck disable=SC2086
${CC:-cc} $san -o "$T/clash" "$T/clash.c" $(pcf --cflags precis) $static \
  2>"$T/cc.err" && [ "$("$T/clash" 2>&1)" = "1 1 7" ]
check $? "static library: a program with its own arena_init links and runs"
sed 's/^/# cc: /' "$T/cc.err" | head -5

make -s --no-print-directory -C "$ROOT" BUILD="$BUILD" DESTDIR="$D" \
  PREFIX=$P uninstall >"$T/make.out" 2>&1
check $? "make uninstall"
left=$(find "$D" ! -type d | sed "s|^$D||")
[ -z "$left" ]
check $? "uninstall: no file left${left:+ ($left)}"
stamp | cmp -s "$T/stamp0" -
check $? "install and uninstall rebuilt nothing in $BUILD"

echo "# $n checks, $fails failed"
[ "$fails" -eq 0 ]
