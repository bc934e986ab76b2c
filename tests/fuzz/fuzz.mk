# tests/fuzz/fuzz.mk — libFuzzer targets (clang), one per parser:
#   make fuzz                 build every tests/fuzz/fuzz_*.c
#   build-fuzz/fuzz_pipeline -max_total_time=60 -close_fd_mask=2 \
#     /tmp/corpus tests/fuzz/seeds/fuzz_pipeline
# (new inputs go to the first directory; the seeds are only read)
#
# Seeds: tests/fuzz/seeds/fuzz_TARGET/ holds small handwritten inputs for
# each target, and every input the fuzzer found a bug with (add the crash-*
# file there with the fix). They are replayed by the test suite: the main
# Makefile also builds each target with tests/fuzz/replay_main.c (no
# libFuzzer, the project's compiler and warnings) into $(BUILD)/replay/,
# and tests/fuzz/run_replay.sh runs them under `make test` and `make asan`.
# By hand: build/replay/fuzz_pipeline tests/fuzz/seeds/fuzz_pipeline/*
FCC      = clang
FFLAGS   = -g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L \
           -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
           -Iinclude -Isrc/lib $(shell pkg-config --cflags libxml-2.0)
FLIBS    = -lstemmer -lutf8proc -ljson-c -lxml2 -lglpk -lm
FLIB_SRC = $(sort $(wildcard src/lib/*.c))
# the CLI's input readers (JSONL, separators, ROUGE inputs) for fuzz_cli_*
FCLI_SRC = $(filter-out src/cli/main.c,$(sort $(wildcard src/cli/*.c)))
TARGETS  = $(patsubst tests/fuzz/%.c,build-fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))

all: $(TARGETS)

build-fuzz/%: tests/fuzz/%.c $(FLIB_SRC)
	@mkdir -p $(@D)
	$(FCC) $(FFLAGS) -o $@ $< $(FLIB_SRC) $(FLIBS)

# fuzz_cli_*: targets for parsers that live in the CLI (make picks the
# pattern with the shorter stem)
build-fuzz/fuzz_cli_%: tests/fuzz/fuzz_cli_%.c $(FLIB_SRC) $(FCLI_SRC)
	@mkdir -p $(@D)
	$(FCC) $(FFLAGS) -Isrc/cli -o $@ $< $(FLIB_SRC) $(FCLI_SRC) $(FLIBS)
