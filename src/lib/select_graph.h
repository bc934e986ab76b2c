/* select_graph.h — shared pieces of the graph and coverage selectors
 * (lexrank, textrank, mmr, klsum, submodular).
 *
 * - Sentence vectors: every sentence's content-term bag weighted tf * idf
 *   and scaled to unit length, stored parallel to its bag_term array, so
 *   the cosine of two sentences is a sparse merge.
 * - The graph's nodes: all sentences, or the leading ones of every
 *   article when a huge cluster would make an n x n matrix too big.
 * - A dense similarity matrix over the nodes.
 * - PageRank by power iteration with a personalization (prior) vector.
 * - A position prior for news (earlier sentences of an article say more).
 * - The budget test every greedy loop uses.
 * Everything is malloc'd per call and freed by the caller; no static state.
 */
#ifndef PRECIS_SELECT_GRAPH_H
#define PRECIS_SELECT_GRAPH_H

#include <stddef.h>
#include <stdint.h>

#include "select.h"

/* Unit-length tf-idf vectors of all sentences of a cluster. */
typedef struct gvec {
  double *val; /* weights, parallel to each sentence's bag_term */
  size_t *off; /* c->nsents + 1 offsets into val */
  double *idf; /* local term id -> idf used (c->nlocal + 1 entries) */
} gvec;

/* Term weighting. SENT: idf over the cluster's sentences,
 * log(n / sf(t)) + 1 (each sentence is a "document", as implementations
 * of LexRank without a background corpus do); DOC: the cluster's article
 * idf c->idf; NONE: tf only. */
typedef enum gvec_idf { GVEC_IDF_SENT, GVEC_IDF_DOC, GVEC_IDF_NONE } gvec_idf;

precis_status gvec_build(const precis_cluster *c, gvec_idf kind, gvec *v);
void gvec_free(gvec *v);

/* Cosine of sentences i and j (0 when either has no content term). */
double gvec_cos(const precis_cluster *c, const gvec *v, size_t i, size_t j);

/* At most this many graph nodes (a 2048 x 2048 matrix is 32 MiB). */
#define GRAPH_MAX_NODES 2048

/* The sentences (indices into c->sents, in order) a graph selector works
 * on: all of them, or, past GRAPH_MAX_NODES, the first k of every
 * article with k as large as the cap allows (news puts what matters
 * first). *nodes is malloc'd; *m gets their number. */
precis_status graph_nodes(const precis_cluster *c, uint32_t **nodes, size_t *m);

/* m x m row-major matrix of gvec_cos between the nodes, diagonal 0.
 * *out is malloc'd. */
precis_status gvec_sim_matrix(const precis_cluster *c, const gvec *v,
                              const uint32_t *nodes, size_t m, double **out);

/* Weighted PageRank: p = (1 - d) * prior + d * W'^T p, where W' is w with
 * each row divided by its sum (a row summing to 0 jumps to the prior).
 * `prior` (sums to 1) may be NULL for uniform. Iterates until the L1
 * change is below tol or maxit steps; writes the stationary vector to p
 * (length n) and returns the iterations used, or -1 on OOM. */
int graph_pagerank(const double *w, size_t n, double d, const double *prior,
                   double tol, int maxit, double *p);

/* Position prior over the nodes, normalized to sum 1:
 * prior_k ∝ 1 / (1 + index of nodes[k] in its article)^beta. */
void graph_position_prior(const precis_cluster *c, const uint32_t *nodes,
                          size_t m, double beta, double *out);

/* 1 if a sentence of this cost may be added when `used` is spent: it fits,
 * or overflow is allowed and the budget is not yet full. */
static inline int graph_fits(const budget *b, size_t used, size_t cost) {
  size_t cap = budget_capacity(b);
  return used + cost <= cap || (b->overflow && used < cap);
}

/* Highest cosine between sentence i and the chosen ones. */
double gvec_max_sim(const precis_cluster *c, const gvec *v, size_t i,
                    const sel_result *chosen);

/* Lin & Bilmes's coverage L(S) and diversity R(S) (before lambda) for
 * the sentence indices set[0..k), on the graph the submodular selector
 * builds; for tests. PRECIS_ERR_INVALID_ARG if one is not a node. */
precis_status submodular_terms(const precis_cluster *c, const uint32_t *set,
                               size_t k, double *coverage, double *diversity);

#endif
