/* fuzz_rouge.c — libFuzzer target for the ROUGE readers and scorer: the
 * first byte picks the input format (SPL, SEE, ISI) and options (-n, -m,
 * -s, -l/-b, -2/-u, -w, -f B); the rest is split at 0x00 into a candidate
 * and up to four references. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "precis.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2 || size > (1 << 15)) return 0;
  unsigned op = data[0];
  data++;
  size--;
  const char *part[5];
  size_t len[5], n = 0, from = 0;
  for (size_t i = 0; i <= size && n < 5; i++) {
    if (i == size || data[i] == 0) {
      part[n] = (const char *)data + from;
      len[n] = i - from;
      n++;
      from = i + 1;
    }
  }
  if (n < 2) return 0;
  precis_rouge_options o;
  precis_rouge_options_init(&o);
  precis_rouge_options_set(&o, "-n", (op & 1) ? "4" : "2");
  if (op & 2) precis_rouge_options_set(&o, "-m", NULL);
  if (op & 4) precis_rouge_options_set(&o, "-s", NULL);
  if (op & 8) precis_rouge_options_set(&o, (op & 16) ? "-b" : "-l", "20");
  if (op & 32) {
    precis_rouge_options_set(&o, "-2", "4");
    precis_rouge_options_set(&o, "-u", NULL);
  }
  if (op & 64) precis_rouge_options_set(&o, "-w", "1.2");
  if (op & 128) precis_rouge_options_set(&o, "-f", "B");
  precis_rouge_options_set(&o, "-r", "20");
  precis_rouge *r = NULL;
  if (precis_rouge_new(&o, &r) != PRECIS_OK) return 0;
  precis_rouge_format fmt = (precis_rouge_format)(op % 3);
  if (precis_rouge_add(r, "e", "1", fmt, part[0], len[0], part + 1, len + 1,
                       n - 1) == PRECIS_OK &&
      precis_rouge_compute(r) == PRECIS_OK) {
    char *s = precis_rouge_render(r, 0, NULL);
    precis_free(s);
  }
  precis_rouge_free(r);
  return 0;
}
