/* replay_main.c — runs a libFuzzer target without libFuzzer: calls
 * LLVMFuzzerTestOneInput on the bytes of each file named on the command
 * line (LLVMFuzzerInitialize first, when the target defines one) and
 * prints "ok N - TARGET FILE" per file. Linked with each tests/fuzz/fuzz_*.c
 * by the Makefile into $(BUILD)/replay/, so the targets build with the
 * project's compiler and warnings, and tests/fuzz/run_replay.sh replays
 * their seeds in the plain and the sanitized suites.
 *
 * A target reports a failed check by aborting (as under libFuzzer), so a
 * file without its "ok" line is the one that failed. TAP goes to a
 * duplicate of the original standard output: a target may silence stdout
 * (fuzz_cli_input does). Exit status: 0, 1 when a file cannot be read or
 * the target returns neither 0 nor -1, 2 on bad usage. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* optional in a target: weak, so it is NULL when absent */
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

#define REPLAY_MAX_BYTES ((size_t)16 << 20)

/* Read a whole file into a malloc'd buffer of exactly its size (so ASan
 * sees a read past the end). 0, or -1 with errno set. */
static int S_read(const char *path, uint8_t **out, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  size_t n = 0, cap = 4096;
  uint8_t *p = malloc(cap);
  int rc = -1;
  if (!p) goto out;
  for (;;) {
    if (n == cap) {
      if (cap >= REPLAY_MAX_BYTES) {
        errno = EFBIG;
        goto out;
      }
      uint8_t *q = realloc(p, cap * 2);
      if (!q) goto out;
      p = q;
      cap *= 2;
    }
    size_t r = fread(p + n, 1, cap - n, f);
    n += r;
    if (r == 0) break;
  }
  if (ferror(f)) {
    errno = EIO;
    goto out;
  }
  /* shrink to size; a zero-byte file still gets a valid pointer */
  uint8_t *q = malloc(n ? n : 1);
  if (!q) goto out;
  memcpy(q, p, n);
  *out = q;
  *len = n;
  rc = 0;
out:
  free(p);
  fclose(f);
  return rc;
}

int main(int argc, char **argv) {
  const char *target = strrchr(argv[0], '/');
  target = target ? target + 1 : argv[0];
  int fd = dup(STDOUT_FILENO);
  FILE *tap = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!tap) {
    fprintf(stderr, "%s: standard output: %s\n", target, strerror(errno));
    return 2;
  }
  if (argc < 2) {
    fprintf(stderr, "usage: %s FILE...\n", target);
    return 2;
  }
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  int status = 0;
  for (int i = 1; i < argc; i++) {
    uint8_t *data = NULL;
    size_t len = 0;
    if (S_read(argv[i], &data, &len) != 0) {
      fprintf(tap, "not ok %d - %s %s: %s\n", i, target, argv[i],
              strerror(errno));
      fflush(tap);
      status = 1;
      continue;
    }
    int r = LLVMFuzzerTestOneInput(data, len);
    free(data);
    if (r != 0 && r != -1) {
      fprintf(tap, "not ok %d - %s %s: returned %d\n", i, target, argv[i], r);
      status = 1;
    } else {
      fprintf(tap, "ok %d - %s %s\n", i, target, argv[i]);
    }
    fflush(tap);
  }
  fclose(tap);
  return status;
}
