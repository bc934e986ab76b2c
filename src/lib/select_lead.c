/* select_lead.c — the lead baselines.
 *
 * lead:    the first sentences of the first article, then of the next.
 * lead-rr: round robin: first sentence of each article in turn, then the
 *          second of each, and so on.
 * Both skip non-selectable sentences (headlines, fragments) and exact or
 * near duplicates, so they are fair baselines rather than raw prefixes.
 */
#include <stdlib.h>

#include "select.h"

static precis_status S_run(precis_cluster *c, const budget *b, sel_result *out,
                           int round_robin) {
  size_t n = c->nsents;
  uint32_t *order = malloc((n + 1) * sizeof *order);
  double *score = malloc((n + 1) * sizeof *score);
  if (!order || !score) {
    free(order);
    free(score);
    return PRECIS_ERR_NOMEM;
  }
  size_t k = 0;
  if (!round_robin) {
    for (size_t i = 0; i < n; i++)
      order[k++] = (uint32_t)i;
  } else {
    uint32_t maxn = 0;
    for (size_t d = 0; d < c->ndocs; d++)
      if (c->docs[d].nsent > maxn) maxn = c->docs[d].nsent;
    for (uint32_t r = 0; r < maxn; r++)
      for (size_t d = 0; d < c->ndocs; d++)
        if (r < c->docs[d].nsent) order[k++] = c->docs[d].sent0 + r;
  }
  for (size_t i = 0; i < k; i++)
    score[order[i]] = 1.0 / (1.0 + (double)i);
  precis_status st = select_greedy_fill(c, b, order, score, k, 0.7, out);
  free(order);
  free(score);
  return st;
}

static precis_status S_lead(precis_cluster *c, const budget *b,
                            sel_result *out) {
  return S_run(c, b, out, 0);
}

static precis_status S_lead_rr(precis_cluster *c, const budget *b,
                               sel_result *out) {
  return S_run(c, b, out, 1);
}

const selector select_lead = {
    "lead", "baseline: first sentences of the first article, in order", S_lead};

const selector select_lead_rr = {
    "lead-rr", "baseline: first sentences of each article, round robin",
    S_lead_rr};
