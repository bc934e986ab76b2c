/* fuzz_sentences.c — libFuzzer target for precis_split_sentences and,
 * for the bytes it refuses as binary (PRECIS_ERR_BINARY: NULs, control
 * bytes), the splitter under it (sent_split), which the pipeline runs on
 * any text.
 *
 * Checks the span contract on arbitrary bytes: every span lies inside the
 * text, spans are non-empty, increasing and non-overlapping, each is
 * trimmed (no whitespace at either end), and only whitespace lies between
 * them. Any violation aborts. Inputs over 1 MiB are skipped (the splitter
 * is linear; bigger inputs only slow the fuzzer down).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "precis.h"
#include "sentence.h"

static int S_ws(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

typedef struct spans {
  precis_span v[4096];
  size_t n;
} spans;

/* sent_split's emit: keeps the first 4096 spans (an input of 1 MiB has
 * more only in the rarest case; the check covers the kept prefix). */
static precis_status S_keep(void *ctx, size_t off, size_t len) {
  spans *s = ctx;
  if (s->n < sizeof s->v / sizeof s->v[0]) {
    s->v[s->n].offset = off;
    s->v[s->n].len = len;
  }
  s->n++;
  return PRECIS_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > ((size_t)1 << 20)) return 0;
  const char *text = (const char *)data;
  precis_span *sp = NULL;
  size_t n = 0;
  static spans raw;
  precis_status st = precis_split_sentences(text, size, &sp, &n);
  if (st == PRECIS_ERR_BINARY) {
    if (sp != NULL || n != 0) abort();
    raw.n = 0;
    if (sent_split(text, size, S_keep, &raw) != PRECIS_OK) abort();
    sp = raw.v;
    n = raw.n < 4096 ? raw.n : 4096;
    size = n == raw.n ? size : sp[n - 1].offset + sp[n - 1].len;
  } else if (st != PRECIS_OK) {
    if (st != PRECIS_ERR_NOMEM || sp != NULL || n != 0) abort();
    return 0;
  }
  if (sp == NULL) abort();
  size_t end = 0;
  for (size_t i = 0; i < n; i++) {
    size_t off = sp[i].offset, len = sp[i].len;
    if (len == 0 || off < end || off > size || len > size - off) abort();
    if (S_ws(data[off]) || S_ws(data[off + len - 1])) abort();
    for (size_t k = end; k < off; k++)
      if (!S_ws(data[k])) abort();
    end = off + len;
  }
  for (size_t k = end; k < size; k++)
    if (!S_ws(data[k])) abort();
  if (sp != raw.v) precis_free(sp);
  return 0;
}
