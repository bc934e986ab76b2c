/* order.h — the order of a brief's sentences (see order.c). */
#ifndef PRECIS_ORDER_H
#define PRECIS_ORDER_H

#include <stddef.h>

#include "precis.h"

/* Units (runs of sentences that follow each other in one article) beyond
 * this many keep the source order. */
#define ORDER_MAX_UNITS 512

/* The number of units in v[0..n), which is in source order. */
size_t order_units(const precis_sentence *v, size_t n);

/* Reorder v[0..n) in place by majority ordering. v must be in source
 * order (article, then offset); match[i * ndocs + d] is the sentence
 * number in article d of the sentence that states what v[i] states, or
 * -1 (for v[i].doc it is v[i].index). Scratch space is allocated; on
 * failure v is left in source order and PRECIS_ERR_NOMEM returned. */
precis_status order_majority(precis_sentence *v, size_t n, const long *match,
                             size_t ndocs);

#endif
