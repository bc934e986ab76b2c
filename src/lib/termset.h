/* termset.h — sets of term ids kept as ascending uint32_t arrays (a
 * sentence's or an article's distinct terms, sorted with cmp_u32).
 *
 *   double ws;
 *   size_t both = termset_common(a, na, b, nb, weight, &ws);
 *
 * Used by order.c (Jaccard overlap of articles) and quotes.c (the shared
 * and weighted shared terms of two quotations).
 */
#ifndef PRECIS_TERMSET_H
#define PRECIS_TERMSET_H

#include <stddef.h>
#include <stdint.h>

/* How many ids a and b share (one merge walk). With w, *ws is the sum of
 * w[id] over them; w and ws may both be NULL. */
static inline size_t termset_common(const uint32_t *a, size_t na,
                                    const uint32_t *b, size_t nb,
                                    const double *w, double *ws) {
  size_t i = 0, j = 0, n = 0;
  double s = 0;
  while (i < na && j < nb) {
    if (a[i] == b[j]) {
      n++;
      if (w) s += w[a[i]];
      i++;
      j++;
    } else if (a[i] < b[j]) {
      i++;
    } else {
      j++;
    }
  }
  if (ws) *ws = s;
  return n;
}

#endif
