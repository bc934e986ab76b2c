/* select_concepts.h — concept coverage: the shared core of the ILP
 * selectors.
 *
 * A concept is a stemmed word bigram (two consecutive tokens of a
 * sentence, not both stopwords), as in Gillick & Favre, "A Scalable Global
 * Model for Summarization" (ILP for NLP workshop, 2009). Its weight is the
 * number of articles that contain it, optionally scaled by how early it
 * appears in them (concepts_build). A summary's value is the total weight
 * of the distinct concepts it covers; the selectors maximize it under the
 * length budget, exactly (GLPK in select_ilp.c; concepts_bnb, a
 * branch-and-bound specialised for this problem) or greedily
 * (concepts_greedy, the fallback).
 *
 * Everything here is reentrant: no static mutable state; all memory is
 * malloc'd per call and released by the matching _free.
 */
#ifndef PRECIS_SELECT_CONCEPTS_H
#define PRECIS_SELECT_CONCEPTS_H

#include <stddef.h>
#include <stdint.h>

#include "select.h"

/* How concepts are weighted. Support is the number of articles containing
 * the concept; in a cluster with a single article with sentences it is
 * the number of sentences containing it instead. */
typedef struct concept_params {
  unsigned min_support; /* keep concepts with support >= this (2) */
  /* ... and >= this fraction of the articles (rounded); 0 = off */
  double min_support_frac;
  /* Position: an article's occurrence counts 1 + pos_boost / (1 + p /
   * pos_scale), p = rank (concept_set.rank) of the article's first
   * sentence holding it.
   * pos_boost 0 = plain document frequency (Gillick & Favre). */
  double pos_boost;
  double pos_scale;
  /* Concepts under min_support are dropped (0) or kept with their weight
   * times low_weight: a second-order preference that fills the budget
   * once the shared concepts are covered. */
  double low_weight;
  /* Content words (non-stopwords) as concepts too, their weight scaled by
   * this; 0 = bigrams only. */
  double unigram_weight;
  /* One concept per article, of this weight, held by its first doc_lead
   * sentences (0 = all): a brief gains by quoting more outlets. 0 = off. */
  double doc_weight;
  uint32_t doc_lead;
} concept_params;

typedef struct concept_set {
  size_t n;  /* concepts kept */
  double *w; /* weight of each concept, > 0 */
  /* concepts of sentence i (distinct): id[off[i] .. off[i+1]) */
  uint32_t *off; /* nsents + 1 */
  uint32_t *id;
  /* Position of each sentence in its article, counting selectable
   * sentences only (titles, datelines and bylines do not push the lead
   * back); what every position prior here uses. */
  uint32_t *rank;
} concept_set;

/* Extract and weight the concepts of an analysed cluster. When fewer
 * than min_support articles share anything, the threshold drops to 1 so
 * short or single-article clusters still have concepts. */
precis_status concepts_build(const precis_cluster *c, const concept_params *p,
                             concept_set *out);
void concepts_free(concept_set *k);

/* Total weight of the concepts of sentence i. */
double concepts_sentence_weight(const concept_set *k, uint32_t i);

/* max_n candidates per 100 words of budget (never fewer than max_n, at
 * most 1000): a longer brief needs a deeper pool. Bytes count 6 to a
 * word, sentences 25 words. */
size_t concepts_pool_size(const budget *b, size_t max_n);

/* Candidate sentences: selectable, at least min_words words (budget in
 * words permitting), a cost that fits the budget, at least one concept;
 * the max_n best by concept weight times (1 + pos_boost / (1 + rank)),
 * returned in sentence order. *cand is malloc'd (free it). */
precis_status concepts_candidates(const precis_cluster *c, const concept_set *k,
                                  const budget *b, uint32_t min_words,
                                  size_t max_n, double pos_boost,
                                  uint32_t **cand, size_t *n);

/* Per-candidate terms shared by the ILP and the greedy solver. */
typedef struct cover_extra {
  const double *bonus; /* added to a candidate's value; may be NULL */
  /* requires[j]: the candidate (position in cand) that must be chosen
   * whenever j is, or UINT32_MAX; NULL = none. Used to keep a dangling
   * opener with the sentence before it. */
  const uint32_t *requires;
  /* joins[j]: for a candidate that may only be chosen together with
   * the candidate after it, which requires j in turn (the opening of a
   * quotation and its rest), that candidate; UINT32_MAX = none; NULL =
   * none. j is never chosen on its own account: it comes in with the
   * chain of the candidate that requires it. */
  const uint32_t *joins;
  double max_sim; /* no two chosen with cosine >= this; >= 1: off */
  /* n x n flags, 1 where two candidates' cosine >= max_sim
   * (concepts_clash). ilp_select_with fills it in once when NULL; the
   * solvers below take NULL as "no pairs". */
  const unsigned char *clash;
} cover_extra;

/* The clash matrix of cover_extra for max_sim (*out = NULL when max_sim
 * >= 1). malloc'd. */
precis_status concepts_clash(const precis_cluster *c, const uint32_t *cand,
                             size_t n, double max_sim, unsigned char **out);

/* Greedy concept coverage with scaled cost (Lin & Bilmes 2010, with the
 * single-best-sentence check of Khuller et al. 1999): repeatedly add the
 * candidate with the best (newly covered weight + bonus) / cost^r that
 * fits the budget (a candidate that requires another brings it along).
 * `cand` indexes the cluster's sentences; x (may be NULL) is parallel to
 * it. Writes the chosen positions in `cand` to pick (room for n), their
 * number to *npick and the objective (covered weight + bonuses) to
 * *value. */
precis_status concepts_greedy(const precis_cluster *c, const concept_set *k,
                              const budget *b, const uint32_t *cand, size_t n,
                              const cover_extra *x, double r, uint32_t *pick,
                              size_t *npick, double *value);

/* Exact branch-and-bound for the same problem: depth-first, include
 * first, on the candidate with the best marginal gain per unit of cost.
 * At each node, candidates that can no longer join (too long for what
 * is left, a near-duplicate of a chosen one, a requirement ruled out)
 * are ruled out for the whole subtree; the node is pruned when its
 * value plus an upper bound on what the rest can add cannot beat the
 * incumbent: the fractional knapsack of the candidates' marginal gains
 * (valid: coverage is submodular). Starts from the incumbent in
 * `sol` (n flags, all 0 for none) of value *value; on return `sol` and
 * *value hold the best set found and *status says whether it is proven
 * optimal or which limit stopped the search:
 * max_nodes nodes, or max_ms milliseconds of wall-clock time (0 = none).
 * On the development sets it proves DUC-size briefs optimal in about a
 * thousand nodes, where GLPK needs tens of milliseconds. */
enum { BNB_OPTIMAL, BNB_NODES, BNB_TIME };
precis_status concepts_bnb(const precis_cluster *c, const concept_set *k,
                           const budget *b, const uint32_t *cand, size_t n,
                           const cover_extra *x, size_t max_nodes,
                           double max_ms, unsigned char *sol,
                           double *value, int *status);

/* ---- the ILP selector core (select_ilp.c) ---- */

typedef struct ilp_params {
  concept_params concepts;
  uint32_t min_words;    /* candidate sentences: at least this long */
  size_t max_cand;       /* at most this many candidates (top by weight) */
  int scale_pool;        /* max_cand is per 100 words of budget */
  double cand_pos_boost; /* position prior in the candidate ranking */
  /* Time cap per cluster, wall clock, for both solvers together; 0 = no
   * solve (greedy only). */
  int time_limit_ms;
  double greedy_r; /* cost scaling of the greedy fallback */
  /* Pairs of candidates with content cosine >= max_sim may not both be
   * chosen (1 or more = no such rows). */
  double max_sim;
  /* Add Gillick & Favre's s_j <= c_i rows. They are implied when every
   * weight is positive (c_i is maximized), so they are off by default. */
  int consistency_rows;
  /* 0: GLPK's MIP presolver; 1: no presolver, the root LP by the simplex
   * and the best known solution handed to branch-and-cut as incumbent. */
  int warm_start;
  /* Run concepts_bnb first with this many nodes (0 = GLPK only); GLPK
   * takes over, from its best solution, when it does not finish. */
  size_t bnb_nodes;
  int glpk_after_bnb; /* 0: keep the best found at the node limit */
  int inject_error; /* tests: raise a GLPK error inside the solve */
} ilp_params;

/* The parameters of the `ilp` selector (Gillick & Favre 2009). */
void ilp_params_default(ilp_params *p);

/* Select with the concept ILP. Falls back to concepts_greedy when the
 * time cap is reached or GLPK fails, and says so in out->note. */
precis_status ilp_select(precis_cluster *c, const budget *b,
                         const ilp_params *p, sel_result *out);

/* The same on given concepts, candidates and per-candidate terms. */
precis_status ilp_select_with(precis_cluster *c, const budget *b,
                              const ilp_params *p, const concept_set *k,
                              const uint32_t *cand, size_t n,
                              const cover_extra *x, sel_result *out);

extern const selector select_ilp;
extern const selector select_ilp_pos;

#endif
