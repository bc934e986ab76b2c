/* order.c — the order of a brief's sentences.
 *
 * Majority ordering (Barzilay, Elhadad & McKeown 2002), placed with the
 * greedy of Cohen, Schapire & Singer (1999). Every article that states
 * two of the brief's facts votes for the order it states them in (the
 * sentence numbers of its matching sentences, found by the attribution
 * in summary.c); the brief takes next the unit with the most net votes
 * over the units still to place, ties going to the source order
 * (article, then offset: chronological when the articles were ordered
 * by date). A unit is a run of sentences that follow each other in one
 * article: a sentence that needs the one before it ("He said ...") keeps
 * it in front. Votes are counted once per pair of units, so the greedy
 * is quadratic in the units; a brief of more than ORDER_MAX_UNITS of them
 * (a reading list, not a brief) keeps the source order.
 */
#include "order.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "termset.h"

/* b is the sentence after a in the same article. */
static int S_follows(const precis_sentence *a, const precis_sentence *b) {
  return a->doc == b->doc && b->index == a->index + 1;
}

/* Net votes of the articles for unit a's first sentence before b's. */
static long S_votes(const long *match, size_t ndocs, size_t a, size_t b) {
  const long *x = match + a * ndocs, *y = match + b * ndocs;
  long v = 0;
  for (size_t d = 0; d < ndocs; d++)
    if (x[d] >= 0 && y[d] >= 0 && x[d] != y[d]) v += x[d] < y[d] ? 1 : -1;
  return v;
}

size_t order_units(const precis_sentence *v, size_t n) {
  size_t nu = n > 0;
  for (size_t i = 1; i < n; i++)
    nu += !S_follows(&v[i - 1], &v[i]);
  return nu;
}

precis_status order_majority(precis_sentence *v, size_t n, const long *match,
                             size_t ndocs) {
  size_t nu = order_units(v, n);
  if (nu < 2 || nu > ORDER_MAX_UNITS) return PRECIS_OK;
  size_t *first = malloc(nu * sizeof *first); /* units' first sentences */
  size_t *len = malloc(nu * sizeof *len);
  long *net = malloc(nu * sizeof *net); /* votes over the units left */
  precis_sentence *out = malloc(n * sizeof *out);
  if (!first || !len || !net || !out) {
    free(first);
    free(len);
    free(net);
    free(out);
    return PRECIS_ERR_NOMEM;
  }
  size_t u = 0;
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && S_follows(&v[i - 1], &v[i])) {
      len[u - 1]++;
      continue;
    }
    first[u] = i;
    len[u++] = 1;
  }
  for (u = 0; u < nu; u++) {
    net[u] = 0;
    for (size_t w = 0; w < nu; w++)
      if (w != u) net[u] += S_votes(match, ndocs, first[u], first[w]);
  }
  size_t k = 0;
  for (size_t round = 0; round < nu; round++) {
    size_t best = SIZE_MAX;
    for (u = 0; u < nu; u++) /* the first of equals: source order */
      if (len[u] && (best == SIZE_MAX || net[u] > net[best])) best = u;
    memcpy(out + k, v + first[best], len[best] * sizeof *out);
    k += len[best];
    len[best] = 0; /* placed */
    for (u = 0; u < nu; u++)
      if (len[u]) net[u] -= S_votes(match, ndocs, first[u], first[best]);
  }
  memcpy(v, out, n * sizeof *out);
  free(first);
  free(len);
  free(net);
  free(out);
  return PRECIS_OK;
}

static double S_jaccard(const uint32_t *a, size_t na, const uint32_t *b,
                        size_t nb) {
  size_t both = termset_common(a, na, b, nb, NULL, NULL);
  size_t any = na + nb - both;
  return any ? (double)both / (double)any : 0.0;
}

double order_drift(const uint32_t *const *terms, const size_t *nterms,
                   size_t ndocs) {
  if (ndocs < ORDER_DRIFT_DOCS) return 0.0;
  double near = 0, far = 0;
  size_t nfar = 0;
  for (size_t a = 0; a + 1 < ndocs; a++)
    for (size_t b = a + 1; b < ndocs && b - a <= ORDER_DRIFT_SPAN; b++) {
      double j = S_jaccard(terms[a], nterms[a], terms[b], nterms[b]);
      if (b == a + 1) {
        near += j;
      } else {
        far += j;
        nfar++;
      }
    }
  return near / (double)(ndocs - 1) - far / (double)nfar;
}
