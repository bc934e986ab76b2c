/* fuzz_report.c — libFuzzer target for the cross-source report: quote
 * extraction (every quotation-mark style, unbalanced marks), speaker
 * finding, grouping, disagreement alignment and all renderers. Input is
 * split at 0x00 into up to six articles. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "precis.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > (1 << 16)) return 0;
  precis_cluster *c = precis_cluster_new();
  if (!c) return 0;
  size_t from = 0;
  for (size_t i = 0; i <= size; i++) {
    if (i == size || data[i] == 0) {
      precis_doc_meta m = {"outlet", NULL, NULL, NULL};
      precis_cluster_add(c, (const char *)data + from, i - from, &m);
      from = i + 1;
      if (precis_cluster_doc_count(c) >= 6) break;
    }
  }
  precis_report *r = NULL;
  if (precis_report_build(c, NULL, &r) == PRECIS_OK) {
    for (int f = PRECIS_REPORT_TEXT; f <= PRECIS_REPORT_HTML; f++) {
      char *s = precis_report_render(r, c, (precis_report_format)f, "id",
                                     NULL);
      precis_free(s);
    }
  }
  precis_report_free(r);
  precis_cluster_free(c);
  return 0;
}
