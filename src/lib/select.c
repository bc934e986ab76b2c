/* select.c — selector registry and shared selection helpers. */
#include "select.h"
#include "select_concepts.h"
#include "vec.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The first entry is the default. */
static const selector *const registry[] = {
    &select_ilp_pos, /* the default: best on DUC and full-dev, 0% dangling */
    &select_centroid, &select_lead,    &select_lead_rr, &select_lexrank,
    &select_textrank, &select_mmr,     &select_klsum,   &select_submodular,
    &select_ilp,      &select_learned,
};

#define N_SELECTORS (sizeof registry / sizeof *registry)

const selector *selector_find(const char *name) {
  if (!name || !*name || strcmp(name, "default") == 0) return registry[0];
  for (size_t i = 0; i < N_SELECTORS; i++)
    if (strcmp(registry[i]->name, name) == 0) return registry[i];
  return NULL;
}

const char *precis_algorithm_name(size_t i) {
  return i < N_SELECTORS ? registry[i]->name : NULL;
}

const char *precis_algorithm_description(size_t i) {
  return i < N_SELECTORS ? registry[i]->description : NULL;
}

size_t budget_cost(const budget *b, const sent *s) {
  switch (b->unit) {
  case PRECIS_BUDGET_BYTES: return (size_t)s->len + 1;
  case PRECIS_BUDGET_SENTENCES: return 1;
  case PRECIS_BUDGET_WORDS:
  default: return s->nwords;
  }
}

size_t budget_capacity(const budget *b) {
  return b->unit == PRECIS_BUDGET_BYTES ? b->limit + 1 : b->limit;
}

precis_status sel_push(sel_result *r, uint32_t idx, double score) {
  /* two arrays, one capacity: both grow to the same size */
  size_t cc = r->cap, cs = r->cap;
  precis_status st =
      vec_reserve(&r->chosen, &cc, r->n + 1, sizeof *r->chosen, 16);
  if (st != PRECIS_OK) return st;
  st = vec_reserve(&r->score, &cs, r->n + 1, sizeof *r->score, 16);
  if (st != PRECIS_OK) return st;
  r->cap = cc;
  r->chosen[r->n] = idx;
  r->score[r->n] = score;
  r->n++;
  return PRECIS_OK;
}

void sel_result_free(sel_result *r) {
  free(r->chosen);
  free(r->score);
  memset(r, 0, sizeof *r);
}

/* Walk the sorted bags of a and b together: the number of terms they
 * share, and (when dot is not NULL) the dot product of their counts. */
static uint32_t S_bag_merge(const sent *a, const sent *b, double *dot) {
  uint32_t i = 0, j = 0, n = 0;
  while (i < a->nbag && j < b->nbag) {
    if (a->bag_term[i] == b->bag_term[j]) {
      if (dot) *dot += (double)a->bag_count[i] * b->bag_count[j];
      n++;
      i++;
      j++;
    } else if (a->bag_term[i] < b->bag_term[j]) {
      i++;
    } else {
      j++;
    }
  }
  return n;
}

uint32_t sent_shared_terms(const sent *a, const sent *b) {
  return S_bag_merge(a, b, NULL);
}

double sent_cosine(const precis_cluster *c, const sent *a, const sent *b) {
  (void)c;
  if (!a->nbag || !b->nbag) return 0.0;
  double dot = 0, na = 0, nb = 0;
  for (uint32_t k = 0; k < a->nbag; k++)
    na += (double)a->bag_count[k] * a->bag_count[k];
  for (uint32_t k = 0; k < b->nbag; k++)
    nb += (double)b->bag_count[k] * b->bag_count[k];
  S_bag_merge(a, b, &dot);
  return dot / sqrt(na * nb);
}

precis_status select_greedy_fill(precis_cluster *c, const budget *b,
                                 const uint32_t *order, const double *score,
                                 size_t n, double max_sim, sel_result *out) {
  size_t cap = budget_capacity(b), used = 0;
  for (size_t k = 0; k < n && used < cap; k++) {
    const sent *s = &c->sents[order[k]];
    if (!(s->flags & SENT_SELECTABLE)) continue;
    size_t cost = budget_cost(b, s);
    if (used + cost > cap && !b->overflow) continue;
    int dup = 0;
    for (size_t j = 0; j < out->n && !dup; j++)
      dup = sent_cosine(c, s, &c->sents[out->chosen[j]]) >= max_sim;
    if (dup) continue;
    precis_status st = sel_push(out, order[k], score ? score[order[k]] : 0);
    if (st != PRECIS_OK) return st;
    used += cost;
    if (used >= cap) break;
  }
  return PRECIS_OK;
}

typedef struct scored {
  double score;
  uint32_t idx;
} scored;

static int S_by_score(const void *a, const void *b) {
  const scored *x = a, *y = b;
  if (x->score != y->score) return x->score < y->score ? 1 : -1;
  return x->idx < y->idx ? -1 : x->idx > y->idx;
}

precis_status sort_by_score(uint32_t *order, size_t n, const double *score) {
  scored *tmp = malloc((n + 1) * sizeof *tmp);
  if (!tmp) return PRECIS_ERR_NOMEM;
  for (size_t i = 0; i < n; i++) {
    tmp[i].score = score[order[i]];
    tmp[i].idx = order[i];
  }
  qsort(tmp, n, sizeof *tmp, S_by_score);
  for (size_t i = 0; i < n; i++)
    order[i] = tmp[i].idx;
  free(tmp);
  return PRECIS_OK;
}
