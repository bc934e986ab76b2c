/* keyidx.c — growing the key index. See keyidx.h. */
#include "keyidx.h"

#include <stdlib.h>

int keyidx_grow(keyidx *x, const void *e, size_t size) {
  size_t cap = x->slot ? 2 * (x->mask + 1) : 4096;
  keyidx g = {malloc(cap * sizeof *g.slot), cap - 1, x->n};
  if (!g.slot) return -1;
  memset(g.slot, 0xff, cap * sizeof *g.slot);
  /* rehash by slot, not by entry: the caller's array may hold entries
   * that are not indexed (select_concepts.c keeps its unigrams there) */
  for (size_t h = 0; x->slot && h <= x->mask; h++) {
    uint32_t i = x->slot[h];
    if (i != KEYIDX_NONE) *keyidx_slot(&g, e, size, keyidx_key(e, size, i)) = i;
  }
  free(x->slot);
  *x = g;
  return 0;
}

void keyidx_free(keyidx *x) {
  free(x->slot);
  x->slot = NULL;
  x->mask = x->n = 0;
}
