/* select_klsum.c — KLSum (Haghighi & Vanderwende, "Exploring content
 * models for multi-document summarization", NAACL 2009, section 3).
 *
 * The cluster's unigram distribution P_D is taken over content terms
 * (Snowball stems, stopwords out) of all its sentences. The summary's
 * distribution is smoothed additively so that it gives every cluster term
 * some mass:
 *
 *   P_S(w) = (c_S(w) + delta) / (|S| + delta * V),   delta = 0.2
 *
 * and the summary grows greedily: at each step, among the selectable
 * sentences that still fit the budget, add the one that makes
 * KL(P_D || P_S) smallest, until no sentence fits. Since
 * KL = sum_w P_D(w) log P_D(w) - sum_w P_D(w) log P_S(w), only the terms of
 * the candidate sentence change the second sum, so each step costs the
 * total size of the candidates' bags, not n * V. No position prior (the
 * paper uses none). A candidate whose cosine with a chosen sentence
 * reaches 0.6 (mostly the same sentence syndicated to another outlet) is
 * dropped.
 *
 * Tuned on the dev sets (ROUGE-2): delta 0.001..1 matters most (0.01
 * prefers long sentences and loses 3 points on DUC; 0.1..0.3 is a
 * plateau); Dirichlet smoothing toward P_D (mu 10..1000) was far worse on
 * DUC; dividing the gain by cost^r (r 0.3, 1) and a position prior did
 * not help; the redundancy veto 0.6..0.9 changes little.
 */
#include <math.h>
#include <stdlib.h>

#include "select_graph.h"

#define KL_DELTA 0.2 /* additive smoothing of the summary's counts */
#define KL_DUP 0.6   /* cosine with a chosen sentence that vetoes one */

static precis_status S_klsum(precis_cluster *c, const budget *b,
                             sel_result *out) {
  size_t n = c->nsents, L = c->nlocal;
  const double delta = KL_DELTA;
  double *pd = calloc(L + 1, sizeof *pd);
  double *cs = calloc(L + 1, sizeof *cs);
  unsigned char *done = calloc(n + 1, 1);
  precis_status st = PRECIS_ERR_NOMEM;
  if (!pd || !cs || !done) goto out;
  double total = 0, V = 0;
  for (size_t i = 0; i < n; i++) {
    const sent *s = &c->sents[i];
    for (uint32_t k = 0; k < s->nbag; k++) {
      pd[s->bag_term[k]] += s->bag_count[k];
      total += s->bag_count[k];
    }
  }
  st = PRECIS_OK;
  if (total == 0) goto out;
  for (size_t t = 0; t < L; t++)
    if (pd[t] > 0) {
      pd[t] /= total;
      V++;
    }
  /* cross entropy H(P_D, P_S) = log(ns + delta V) - A,
   * A = sum_w P_D(w) log(c_S(w) + delta); sum_w P_D(w) = 1 */
  double A = log(delta), ns = 0, SM = delta * V;
  double ce = log(SM) - A;
  size_t used = 0;
  for (;;) {
    size_t pick = n;
    double pv = -HUGE_VAL, pick_a = 0, pick_ns = 0;
    for (size_t i = 0; i < n; i++) {
      const sent *s = &c->sents[i];
      if (done[i] || !(s->flags & SENT_SELECTABLE) || !s->nbag ||
          !graph_fits(b, used, budget_cost(b, s)))
        continue;
      double a = A, m = ns;
      for (uint32_t k = 0; k < s->nbag; k++) {
        uint32_t t = s->bag_term[k];
        a +=
            pd[t] * (log(cs[t] + s->bag_count[k] + delta) - log(cs[t] + delta));
        m += s->bag_count[k];
      }
      double gain = ce - (log(m + SM) - a);
      if (gain > pv) {
        pv = gain;
        pick = i;
        pick_a = a;
        pick_ns = m;
      }
    }
    if (pick == n) break;
    done[pick] = 1;
    int red = 0;
    for (size_t k = 0; k < out->n && !red; k++)
      red =
          sent_cosine(c, &c->sents[pick], &c->sents[out->chosen[k]]) >= KL_DUP;
    if (red) continue;
    const sent *s = &c->sents[pick];
    for (uint32_t k = 0; k < s->nbag; k++)
      cs[s->bag_term[k]] += s->bag_count[k];
    A = pick_a;
    ns = pick_ns;
    double nce = log(ns + SM) - A;
    st = sel_push(out, (uint32_t)pick, ce - nce);
    if (st != PRECIS_OK) break;
    ce = nce;
    used += budget_cost(b, s);
  }
out:
  free(pd);
  free(cs);
  free(done);
  return st;
}

const selector select_klsum = {
    "klsum",
    "KLSum (Haghighi & Vanderwende 2009): greedy minimum KL divergence "
    "from the cluster's word distribution",
    S_klsum};
