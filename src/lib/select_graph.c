/* select_graph.c — sentence vectors, similarity matrix, PageRank and the
 * position prior shared by the graph and coverage selectors (see
 * select_graph.h).
 *
 * PageRank (Page et al. 1998; Erkan & Radev 2004, eq. 5 for the weighted
 * "continuous" form): the stationary distribution of a random walk that
 * follows an edge with probability d, chosen in proportion to its weight,
 * and otherwise jumps to a sentence drawn from the prior. Power iteration
 * converges geometrically with rate d, so 0.85 and a 1e-6 tolerance take
 * under 100 steps.
 */
#include "select_graph.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

precis_status gvec_build(const precis_cluster *c, gvec_idf kind, gvec *v) {
  size_t n = c->nsents, L = c->nlocal, total = 0;
  memset(v, 0, sizeof *v);
  for (size_t i = 0; i < n; i++)
    total += c->sents[i].nbag;
  v->off = malloc((n + 1) * sizeof *v->off);
  v->val = malloc((total + 1) * sizeof *v->val);
  v->idf = calloc(L + 1, sizeof *v->idf);
  if (!v->off || !v->val || !v->idf) {
    gvec_free(v);
    return PRECIS_ERR_NOMEM;
  }
  if (kind == GVEC_IDF_SENT) {
    /* sentence frequency first, then the weight */
    for (size_t i = 0; i < n; i++) {
      const sent *s = &c->sents[i];
      for (uint32_t k = 0; k < s->nbag; k++)
        v->idf[s->bag_term[k]] += 1;
    }
    for (size_t t = 0; t < L; t++)
      if (v->idf[t] > 0) v->idf[t] = log((double)n / v->idf[t]) + 1.0;
  } else {
    for (size_t t = 0; t < L; t++)
      v->idf[t] = kind == GVEC_IDF_DOC ? c->idf[t] : 1.0;
  }
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    const sent *s = &c->sents[i];
    double nn = 0;
    v->off[i] = o;
    for (uint32_t k = 0; k < s->nbag; k++) {
      double w = s->bag_count[k] * v->idf[s->bag_term[k]];
      v->val[o + k] = w;
      nn += w * w;
    }
    if (nn > 0) {
      nn = 1.0 / sqrt(nn);
      for (uint32_t k = 0; k < s->nbag; k++)
        v->val[o + k] *= nn;
    }
    o += s->nbag;
  }
  v->off[n] = o;
  return PRECIS_OK;
}

void gvec_free(gvec *v) {
  free(v->val);
  free(v->off);
  free(v->idf);
  memset(v, 0, sizeof *v);
}

double gvec_cos(const precis_cluster *c, const gvec *v, size_t i, size_t j) {
  const sent *a = &c->sents[i], *b = &c->sents[j];
  const double *x = v->val + v->off[i], *y = v->val + v->off[j];
  uint32_t p = 0, q = 0;
  double dot = 0;
  while (p < a->nbag && q < b->nbag) {
    if (a->bag_term[p] == b->bag_term[q])
      dot += x[p++] * y[q++];
    else if (a->bag_term[p] < b->bag_term[q])
      p++;
    else
      q++;
  }
  return dot;
}

precis_status graph_nodes(const precis_cluster *c, uint32_t **nodes,
                          size_t *m) {
  size_t n = c->nsents, k = SIZE_MAX;
  if (n > GRAPH_MAX_NODES) {
    /* largest k with sum_d min(nsent_d, k) <= the cap */
    size_t cnt = 0;
    for (k = 0;; k++) {
      size_t more = 0;
      for (size_t d = 0; d < c->ndocs; d++)
        more += c->docs[d].nsent > k;
      if (cnt + more > GRAPH_MAX_NODES) break;
      cnt += more;
    }
  }
  uint32_t *x = malloc((n + 1) * sizeof *x);
  *nodes = x;
  *m = 0;
  if (!x) return PRECIS_ERR_NOMEM;
  for (size_t i = 0; i < n; i++)
    if (c->sents[i].index < k) x[(*m)++] = (uint32_t)i;
  return PRECIS_OK;
}

precis_status gvec_sim_matrix(const precis_cluster *c, const gvec *v,
                              const uint32_t *nodes, size_t m, double **out) {
  double *w = calloc(m * m + 1, sizeof *w);
  *out = w;
  if (!w) return PRECIS_ERR_NOMEM;
  for (size_t i = 0; i < m; i++)
    for (size_t j = i + 1; j < m; j++)
      w[i * m + j] = w[j * m + i] = gvec_cos(c, v, nodes[i], nodes[j]);
  return PRECIS_OK;
}

double gvec_max_sim(const precis_cluster *c, const gvec *v, size_t i,
                    const sel_result *chosen) {
  double best = 0;
  for (size_t k = 0; k < chosen->n; k++) {
    double s = gvec_cos(c, v, i, chosen->chosen[k]);
    if (s > best) best = s;
  }
  return best;
}

int graph_pagerank(const double *w, size_t n, double d, const double *prior,
                   double tol, int maxit, double *p) {
  if (n == 0) return 0;
  double *inv = malloc(n * sizeof *inv);
  double *nx = malloc(n * sizeof *nx);
  int it = -1;
  if (!inv || !nx) goto out;
  for (size_t i = 0; i < n; i++) {
    double s = 0;
    for (size_t j = 0; j < n; j++)
      s += w[i * n + j];
    inv[i] = s > 0 ? 1.0 / s : 0.0;
  }
  for (size_t i = 0; i < n; i++)
    p[i] = prior ? prior[i] : 1.0 / (double)n;
  for (it = 0; it < maxit;) {
    /* mass on rows without edges jumps to the prior, like the damping */
    double lost = 0;
    for (size_t i = 0; i < n; i++)
      if (inv[i] == 0) lost += p[i];
    double jump = (1.0 - d) + d * lost;
    for (size_t j = 0; j < n; j++)
      nx[j] = jump * (prior ? prior[j] : 1.0 / (double)n);
    for (size_t i = 0; i < n; i++) {
      if (inv[i] == 0) continue;
      double f = d * p[i] * inv[i];
      const double *row = w + i * n;
      for (size_t j = 0; j < n; j++)
        nx[j] += f * row[j];
    }
    double delta = 0;
    for (size_t j = 0; j < n; j++) {
      delta += fabs(nx[j] - p[j]);
      p[j] = nx[j];
    }
    it++;
    if (delta < tol) break;
  }
out:
  free(inv);
  free(nx);
  return it;
}

void graph_position_prior(const precis_cluster *c, const uint32_t *nodes,
                          size_t m, double beta, double *out) {
  double sum = 0;
  for (size_t i = 0; i < m; i++) {
    out[i] = pow(1.0 + c->sents[nodes[i]].index, -beta);
    sum += out[i];
  }
  for (size_t i = 0; i < m && sum > 0; i++)
    out[i] /= sum;
}
