/* vec.h — room in a malloc'd array for `need` elements.
 *
 * The make-room-for call of redis' sdsMakeRoomFor and cmark's
 * cmark_strbuf_grow, for arrays of any element type, with sds's doubling
 * growth (not cmark's 1.5x, and no 1 MB linear step): the capacity starts
 * at first_cap and doubles until it holds `need`, so appends cost
 * amortized O(1). The caller keeps the array, its count and its capacity
 * (in elements) where it likes:
 *
 *   if ((st = vec_reserve(&v->items, &v->cap, v->n + 1, sizeof *v->items,
 *                         64)) != PRECIS_OK)
 *     return st;
 *   v->items[v->n++] = x;
 *
 * Byte buffers with a hard cap use buf.h instead.
 */
#ifndef PRECIS_VEC_H
#define PRECIS_VEC_H

#include <stddef.h>

#include "precis.h"

/* Make *arrp (a T * held by the caller; pass &array) hold at least `need`
 * elements of elem_size (> 0) bytes; *cap is the current capacity. Does
 * nothing when need <= *cap. Otherwise the new capacity is *cap (first_cap
 * when *cap is 0) doubled until >= need, and the array is realloc'd; the
 * new elements are not initialized. PRECIS_ERR_TOO_BIG when the size in
 * bytes would overflow size_t, PRECIS_ERR_NOMEM when realloc fails; on
 * either, the array and *cap are unchanged. The test is inline (it runs
 * once per token in cluster.c, where a call costs more than the test);
 * vec_grow does the rest. */
precis_status vec_grow(void *arrp, size_t *cap, size_t need, size_t elem_size,
                       size_t first_cap);
static inline precis_status vec_reserve(void *arrp, size_t *cap, size_t need,
                                        size_t elem_size, size_t first_cap) {
  return need <= *cap ? PRECIS_OK
                      : vec_grow(arrp, cap, need, elem_size, first_cap);
}

#endif
