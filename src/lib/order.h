/* order.h — the order of a brief's sentences (see order.c). */
#ifndef PRECIS_ORDER_H
#define PRECIS_ORDER_H

#include <stddef.h>
#include <stdint.h>

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

/* Drift: how much more alike neighbouring articles are than distant
 * ones. terms[d][0..nterms[d]) are article d's content terms, sorted and
 * distinct. The mean Jaccard overlap of articles d and d + 1 minus that
 * of articles 2 to ORDER_DRIFT_SPAN apart (all pairs in a cluster of up
 * to 17 articles; linear, not quadratic, in a longer list); 0 with fewer than
 * ORDER_DRIFT_DOCS articles (too few distant pairs to compare). Articles that
 * cover one event the same day overlap about as much whatever their places; a
 * story followed over days, listed in date order, drifts: each day's article
 * resembles the day before more than the week before. */
#define ORDER_DRIFT_DOCS 4
#define ORDER_DRIFT_SPAN 16
/* Above this drift the brief keeps the source order. */
#define ORDER_DRIFT_MIN 0.08
double order_drift(const uint32_t *const *terms, const size_t *nterms,
                   size_t ndocs);

#endif
