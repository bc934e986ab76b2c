/* fuzz_sentences.c — libFuzzer target for precis_split_sentences.
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

static int S_ws(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > ((size_t)1 << 20)) return 0;
  const char *text = (const char *)data;
  precis_span *sp = NULL;
  size_t n = 0;
  precis_status st = precis_split_sentences(text, size, &sp, &n);
  if (st != PRECIS_OK) {
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
  precis_free(sp);
  return 0;
}
