# precis — plain Makefile (the utf8proc/sds way: one file, no generator).
#
#   make            library + CLI in build/
#   make check      the test suite, then again under ASan+UBSan  (README test command)
#   make test       the test suite once (plain build)
#   make asan       the test suite under -fsanitize=address,undefined
#   make fuzz       build libFuzzer targets (clang) into build-fuzz/; `make`
#                   also builds them as seed replayers in $(BUILD)/replay/
#   make bench      throughput numbers (needs ../shared/data)
#   make quality    ROUGE tables on the dev sets (needs ../shared/data)
#   make train      refit the sentence prior (src/lib/sentfeat_weights.inc)
#                   on Multi-News val (needs ../shared/data, python3-numpy)

CC      ?= cc
BUILD   ?= build
PKGS     = libutf8proc jansson libxml-2.0 glpk
CSTD     = -std=c11 -D_POSIX_C_SOURCE=200809L
WARN     = -Wall -Wextra -pedantic -Wshadow -Wstrict-prototypes -Wvla \
           -Wformat=2 -Wcast-qual -Wno-unused-parameter
OPT     ?= -O2 -g
PKGCFLAGS := $(shell pkg-config --cflags libxml-2.0 2>/dev/null)
CFLAGS  += $(CSTD) $(WARN) $(OPT) -Iinclude -Isrc/lib $(PKGCFLAGS) $(EXTRA_CFLAGS)
LDLIBS  += -lstemmer -lutf8proc -ljansson -lxml2 -lglpk -lm $(EXTRA_LDLIBS)

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

.PHONY: all lib test check asan fuzz bench quality train clean format example

all: $(BUILD)/precis $(UNIT_BIN) $(BUILD)/dump_features $(REPLAY_BIN)

lib: $(BUILD)/libprecis.a

$(BUILD)/libprecis.a: $(LIB_OBJ)
	@mkdir -p $(@D)
	$(AR) rcs $@ $^

$(BUILD)/precis: $(CLI_OBJ) $(BUILD)/libprecis.a
	$(CC) $(CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libprecis.a $(LDFLAGS) $(LDLIBS)

# developer tool: sentence features for tools/train/fit.py
$(BUILD)/dump_features: tools/train/dump_features.c $(BUILD)/libprecis.a
	$(CC) $(CFLAGS) -o $@ $< $(BUILD)/libprecis.a $(LDFLAGS) $(LDLIBS)

# test_nomem fails allocations in turn: the library's calls are wrapped
WRAP_ALLOC = -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc

$(BUILD)/tests/test_nomem: tests/unit/test_nomem.c tests/unit/harness.h $(BUILD)/libprecis.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libprecis.a $(LDFLAGS) $(WRAP_ALLOC) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/harness.h $(BUILD)/libprecis.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libprecis.a $(LDFLAGS) $(LDLIBS)

# replayers: each fuzz target with tests/fuzz/replay_main.c instead of
# libFuzzer; fuzz_cli_* also take the CLI's readers (all but main.o), as in
# tests/fuzz/fuzz.mk (make picks the pattern with the shorter stem)
$(BUILD)/replay/%: tests/fuzz/%.c $(REPLAY_OBJ) $(BUILD)/libprecis.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $(REPLAY_OBJ) $(BUILD)/libprecis.a \
	  $(LDFLAGS) $(LDLIBS)

$(BUILD)/replay/fuzz_cli_%: tests/fuzz/fuzz_cli_%.c $(REPLAY_OBJ) \
    $(CLI_PARSER_OBJ) $(BUILD)/libprecis.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Isrc/cli -o $@ $< $(REPLAY_OBJ) $(CLI_PARSER_OBJ) \
	  $(BUILD)/libprecis.a $(LDFLAGS) $(LDLIBS)

# named only in pattern rules: keep it between builds
.SECONDARY: $(REPLAY_OBJ)

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

-include $(DEPS)

test: all
	@BUILD=$(BUILD) sh tests/run.sh

asan:
	@$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g" \
	  EXTRA_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  EXTRA_LDLIBS="-fsanitize=address,undefined" test

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

format:
	clang-format -i include/*.h src/lib/*.[ch] src/cli/*.[ch] tests/unit/*.[ch]

clean:
	rm -rf build build-asan build-fuzz
