# precis — plain Makefile (the utf8proc/sds way: one file, no generator).
#
#   make            library + CLI in build/ (libprecis.a exports precis_*
#                   only; the tests link libprecis-internal.a)
#   make check      the test suite, then again under ASan+UBSan  (README test command)
#   make test       the test suite once (plain build)
#   make asan       the test suite under -fsanitize=address,undefined
#   make ubsan-clang  the test suite under clang's UBSan (trap mode)
#   make fuzz       build libFuzzer targets (clang) into build-fuzz/; `make`
#                   also builds them as seed replayers in $(BUILD)/replay/
#   make bench      throughput numbers (needs ../shared/data)
#   make quality    ROUGE tables on the dev sets (needs ../shared/data)
#   make train      refit the sentence prior (src/lib/sentfeat_weights.inc)
#                   on Multi-News val (needs ../shared/data, python3-numpy)
#   make install    precis, libprecis.a/.so, precis.h, precis.pc, precis.1
#                   under $(DESTDIR)$(PREFIX) (PREFIX=/usr/local); uninstall

CC      ?= cc
BUILD   ?= build
PKGS     = libutf8proc json-c libxml-2.0 glpk
CSTD     = -std=c11 -D_POSIX_C_SOURCE=200809L
WARN     = -Wall -Wextra -pedantic -Wshadow -Wstrict-prototypes -Wvla \
           -Wformat=2 -Wcast-qual -Wno-unused-parameter
OPT     ?= -O2 -g
PKGCFLAGS := $(shell pkg-config --cflags libxml-2.0 2>/dev/null)
CFLAGS  += $(CSTD) $(WARN) $(OPT) -Iinclude -Isrc/lib $(PKGCFLAGS) $(EXTRA_CFLAGS)
LDLIBS  += -lstemmer -lutf8proc -ljson-c -lxml2 -lglpk -lm $(EXTRA_LDLIBS)

LIB_SRC  := $(sort $(wildcard src/lib/*.c))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# fuzz targets as plain programs that replay their seeds (run_replay.sh)
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
REPLAY_BIN := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/replay/%)
REPLAY_OBJ := $(BUILD)/tests/fuzz/replay_main.o
CLI_PARSER_OBJ := $(filter-out $(BUILD)/src/cli/main.o,$(CLI_OBJ))
DEPS     := $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(REPLAY_OBJ:.o=.d)

.PHONY: all lib test check asan ubsan-clang fuzz bench quality train clean format example \
        install uninstall

VERSION := $(shell sed -n 's/^\#define PRECIS_VERSION "\(.*\)"/\1/p' include/precis.h)
SOMAJOR  = 0
SONAME   = libprecis.so.$(SOMAJOR)
SHLIB    = $(BUILD)/libprecis.so.$(VERSION)

all: $(BUILD)/precis $(SHLIB) $(UNIT_BIN) $(BUILD)/dump_features \
     $(REPLAY_BIN)

lib: $(BUILD)/libprecis.a $(SHLIB)

# One set of objects for both libraries: position-independent, and with
# -fno-semantic-interposition the compiler binds calls between the
# library's own functions as it would in a program.
PICFLAGS = -fPIC -fno-semantic-interposition
$(LIB_OBJ): CFLAGS += $(PICFLAGS)

# Objects are rebuilt when the compiler or its flags change (git's
# GIT-CFLAGS idea): the stamp is rewritten only when its text differs.
FLAGS_STAMP := $(BUILD)/.cflags
FLAGS_TEXT  := $(CC) $(CFLAGS) $(PICFLAGS)
$(shell mkdir -p $(BUILD) && \
  { printf '%s\n' '$(FLAGS_TEXT)' | cmp -s - $(FLAGS_STAMP) || \
    printf '%s\n' '$(FLAGS_TEXT)' > $(FLAGS_STAMP); })

# Two static archives from the same objects. libprecis-internal.a is the
# plain archive: the unit tests, the fuzz replayers and dump_features call
# the modules' internal functions and link it. libprecis.a, the one that is
# installed (and that the CLI links: it uses precis.h only), holds a single
# object, all the library's objects linked together (-r), in which objcopy
# keeps precis_* global and makes every other symbol local, as the version
# script does for the shared library: a program that links it statically
# may have its own arena_init, buf_*, ... References to libc and the other
# libraries stay undefined. A program that links it takes the whole
# library, as it would the shared one.
OBJCOPY ?= objcopy
LIB_INTERNAL = $(BUILD)/libprecis-internal.a

$(LIB_INTERNAL): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/libprecis.a: $(LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) -r -nostdlib -o $(BUILD)/libprecis.o $^
	$(OBJCOPY) --wildcard --keep-global-symbol='precis_*' $(BUILD)/libprecis.o
	rm -f $@
	$(AR) rcs $@ $(BUILD)/libprecis.o

# The shared library exports precis_* only (src/lib/libprecis.map).
$(SHLIB): $(LIB_OBJ) src/lib/libprecis.map
	$(CC) $(CFLAGS) -shared -Wl,-soname,$(SONAME) \
	  -Wl,--version-script,src/lib/libprecis.map -Wl,--no-undefined \
	  -o $@ $(LIB_OBJ) $(LDFLAGS) $(LDLIBS)
	ln -sf libprecis.so.$(VERSION) $(BUILD)/$(SONAME)
	ln -sf $(SONAME) $(BUILD)/libprecis.so

$(BUILD)/precis: $(CLI_OBJ) $(BUILD)/libprecis.a
	$(CC) $(CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libprecis.a $(LDFLAGS) $(LDLIBS)

# developer tool: sentence features for tools/train/fit.py
$(BUILD)/dump_features: tools/train/dump_features.c $(LIB_INTERNAL)
	$(CC) $(CFLAGS) -o $@ $< $(LIB_INTERNAL) $(LDFLAGS) $(LDLIBS)

# test_nomem fails allocations in turn: the library's calls are wrapped
WRAP_ALLOC = -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc

$(BUILD)/tests/test_nomem: tests/unit/test_nomem.c tests/unit/harness.h $(LIB_INTERNAL)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Itests/unit -o $@ $< $(LIB_INTERNAL) $(LDFLAGS) $(WRAP_ALLOC) $(LDLIBS)

$(BUILD)/tests/test_threads: CFLAGS += -pthread
$(BUILD)/tests/test_threads: LDLIBS += -pthread

$(BUILD)/tests/%: tests/unit/%.c tests/unit/harness.h $(LIB_INTERNAL)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Itests/unit -o $@ $< $(LIB_INTERNAL) $(LDFLAGS) $(LDLIBS)

# replayers: each fuzz target with tests/fuzz/replay_main.c instead of
# libFuzzer; fuzz_cli_* also take the CLI's readers (all but main.o), as in
# tests/fuzz/fuzz.mk (make picks the pattern with the shorter stem)
$(BUILD)/replay/%: tests/fuzz/%.c $(REPLAY_OBJ) $(LIB_INTERNAL)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $(REPLAY_OBJ) $(LIB_INTERNAL) \
	  $(LDFLAGS) $(LDLIBS)

$(BUILD)/replay/fuzz_cli_%: tests/fuzz/fuzz_cli_%.c $(REPLAY_OBJ) \
    $(CLI_PARSER_OBJ) $(LIB_INTERNAL)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Isrc/cli -o $@ $< $(REPLAY_OBJ) $(CLI_PARSER_OBJ) \
	  $(LIB_INTERNAL) $(LDFLAGS) $(LDLIBS)

# named only in pattern rules: keep it between builds
.SECONDARY: $(REPLAY_OBJ)

$(BUILD)/%.o: %.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

-include $(DEPS)

test: all
	@BUILD=$(BUILD) sh tests/run.sh

asan:
	@$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g" \
	  EXTRA_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  EXTRA_LDLIBS="-fsanitize=address,undefined" test

# clang's UBSan checks what gcc's does not (a zero offset applied to a null
# pointer, found by libFuzzer in S_mark_turns); trap mode needs no runtime
# library, so the shared library links as it is
ubsan-clang:
	@$(MAKE) --no-print-directory BUILD=build-ubsan CC=clang OPT="-O1 -g" \
	  EXTRA_CFLAGS="-fsanitize=undefined -fsanitize-trap=undefined -fno-omit-frame-pointer" \
	  test

check: test asan

fuzz:
	@$(MAKE) --no-print-directory -f tests/fuzz/fuzz.mk

bench: all
	@sh bench/run.sh

quality: all
	@sh bench/quality.sh

VAL = ../shared/data/multinews/val.jsonl
train: all
	./$(BUILD)/dump_features < $(VAL) > $(BUILD)/val-features.tsv
	/usr/bin/python3 tools/train/fit.py --check $(BUILD)/val-features.tsv \
	  $(VAL) > src/lib/sentfeat_weights.inc
	$(MAKE) --no-print-directory all

example: all
	./$(BUILD)/precis examples/harbor-fire/

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR     ?= $(PREFIX)/share/man

install: $(BUILD)/precis $(BUILD)/libprecis.a $(SHLIB)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig \
	  $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/precis $(DESTDIR)$(BINDIR)/precis
	install -m 644 $(BUILD)/libprecis.a $(DESTDIR)$(LIBDIR)/libprecis.a
	install -m 755 $(SHLIB) $(DESTDIR)$(LIBDIR)/libprecis.so.$(VERSION)
	ln -sf libprecis.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libprecis.so
	install -m 644 include/precis.h $(DESTDIR)$(INCLUDEDIR)/precis.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	  -e 's|@VERSION@|$(VERSION)|' src/lib/precis.pc.in \
	  > $(DESTDIR)$(LIBDIR)/pkgconfig/precis.pc
	install -m 644 man/precis.1 $(DESTDIR)$(MANDIR)/man1/precis.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/precis $(DESTDIR)$(LIBDIR)/libprecis.a \
	  $(DESTDIR)$(LIBDIR)/libprecis.so.$(VERSION) \
	  $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libprecis.so \
	  $(DESTDIR)$(INCLUDEDIR)/precis.h $(DESTDIR)$(LIBDIR)/pkgconfig/precis.pc \
	  $(DESTDIR)$(MANDIR)/man1/precis.1

format:
	clang-format -i include/*.h src/lib/*.[ch] src/cli/*.[ch] tests/unit/*.[ch]

clean:
	rm -rf build build-asan build-ubsan build-fuzz
