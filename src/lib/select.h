/* select.h — the selection interface.
 *
 * A selector picks sentences of an analysed cluster under a length budget.
 * Each algorithm is one file (select_<name>.c) exposing one `selector`;
 * the table in select.c lists them and `--algorithm NAME` picks one.
 * Selectors only choose: ordering, attribution and rendering happen in
 * summary.c and render.c for all of them alike.
 */
#ifndef PRECIS_SELECT_H
#define PRECIS_SELECT_H

#include <stddef.h>
#include <stdint.h>

#include "cluster.h"

typedef struct budget {
  precis_budget_unit unit;
  size_t limit;
  int overflow; /* the last sentence may cross the limit */
} budget;

/* Cost of one sentence in budget units (bytes include one separator). */
size_t budget_cost(const budget *b, const sent *s);
/* Capacity matching budget_cost's accounting. */
size_t budget_capacity(const budget *b);

typedef struct sel_result {
  uint32_t *chosen; /* sentence indices into cluster->sents */
  double *score;    /* parallel to chosen */
  size_t n, cap;
  const char *note; /* static string, e.g. a fallback notice, or NULL */
  int pairs;        /* keeps ilp-pos's units (precis_summary_pairs_kept) */
} sel_result;

/* Append a sentence to the result (grows arrays with malloc). */
precis_status sel_push(sel_result *r, uint32_t idx, double score);
void sel_result_free(sel_result *r);

typedef precis_status (*select_fn)(precis_cluster *c, const budget *b,
                                   sel_result *out);

typedef struct selector {
  const char *name;
  const char *description;
  select_fn run;
} selector;

/* NULL name = default. Returns NULL for an unknown name. */
const selector *selector_find(const char *name);

/* Cosine similarity of two sentences' content-term bags (tf weights). */
double sent_cosine(const precis_cluster *c, const sent *a, const sent *b);

/* How many content terms the bags of a and b share. */
uint32_t sent_shared_terms(const sent *a, const sent *b);

/* Greedy fill: walk `order` (sentence indices, best first) and keep each
 * selectable sentence that fits the budget and whose cosine with every
 * kept sentence is below `max_sim`. Shared by the score-then-fill
 * selectors (lead, centroid, lexrank...). */
precis_status select_greedy_fill(precis_cluster *c, const budget *b,
                                 const uint32_t *order, const double *score,
                                 size_t n, double max_sim, sel_result *out);

/* Sort sentence indices by score[index], best first, ties in source
 * order. */
precis_status sort_by_score(uint32_t *order, size_t n, const double *score);

extern const selector select_lead;
extern const selector select_lead_rr;
extern const selector select_centroid;
extern const selector select_lexrank;
extern const selector select_textrank;
extern const selector select_mmr;
extern const selector select_klsum;
extern const selector select_submodular;
extern const selector select_learned;

#endif
