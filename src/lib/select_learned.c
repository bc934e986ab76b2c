/* select_learned.c — rank sentences by the linear sentence prior of
 * sentfeat.c (a model of how much of a sentence a reference summary
 * keeps, fitted on Multi-News val by tools/train/fit.py) and fill the
 * budget greedily, best value per word first, skipping near-duplicates
 * (content cosine >= 0.5, summary.c's attribution threshold). A
 * supervised baseline: the default, ilp-pos, uses the same prior as a
 * bonus inside its concept-coverage objective. */
#include <stdlib.h>

#include "select.h"
#include "sentfeat.h"

static precis_status S_learned(precis_cluster *c, const budget *b,
                               sel_result *out) {
  size_t n = c->nsents;
  double *v = malloc((n + 1) * sizeof *v);
  uint32_t *order = malloc((n + 1) * sizeof *order);
  precis_status st = PRECIS_ERR_NOMEM;
  if (!v || !order) goto out;
  if ((st = sentfeat_predict(c, v)) != PRECIS_OK) goto out;
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (c->sents[i].flags & SENT_SELECTABLE) /* never a headline */
      order[m++] = (uint32_t)i;
  if ((st = sort_by_score(order, m, v)) != PRECIS_OK) goto out;
  st = select_greedy_fill(c, b, order, v, m, 0.5, out);
out:
  free(v);
  free(order);
  return st;
}

const selector select_learned = {
    "learned",
    "greedy by a linear sentence model fitted on Multi-News val "
    "(position, length, cross-outlet support, centroid)",
    S_learned};
