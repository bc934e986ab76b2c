/* select_ilp_pos.c — the default selector: the concept-coverage ILP
 * (Gillick & Favre 2009; select_ilp.c) with position-weighted concepts
 * and sentence-level terms.
 *
 * Differences from `ilp`:
 *   - a concept's weight sums, over the articles containing it, 1 +
 *     pos_boost / (1 + p / pos_scale), p the index of the article's first
 *     sentence holding it: what several outlets put early is what the
 *     story is about (the lead bias every news summarizer exploits;
 *     position-weighted concepts as in Berg-Kirkpatrick et al. 2011 and
 *     Li et al. 2013, here without training);
 *   - concepts held by a single article are kept at a small fraction of
 *     their weight, so the budget is filled once the shared ones are
 *     covered (ROUGE F1 rewards a full-length brief);
 *   - a sentence whose opening needs the sentence before it
 *     (SENT_DANGLING: "He said", "However,") may only be chosen together
 *     with that sentence (a row s_j <= s_{j-1}), and pays a small penalty;
 *   - near-duplicate sentences (content cosine >= max_sim) exclude each
 *     other.
 */
#include <stdlib.h>
#include <string.h>

#include "select_concepts.h"

#define NONE UINT32_MAX

/* The default's parameters, tuned on the development sets (DUC 2003,
 * MultiLing 2011, Multi-News; bench/quality.py). */
static void S_params(ilp_params *p) {
  ilp_params_default(p);
  p->concepts.min_support = 2;
  p->concepts.min_support_frac = 0.25; /* 3 of 10 articles */
  p->concepts.pos_boost = 2;
  p->concepts.pos_scale = 3;
  p->concepts.low_weight = 0.01;
  p->concepts.unigram_weight = 0.3;
  p->concepts.doc_weight = 5;
  p->concepts.doc_lead = 2;
  p->min_words = 8;
  p->max_cand = 100;
  p->scale_pool = 0;
  p->time_limit_ms = 200;
  p->max_sim = 0.5; /* summary.c's near-duplicate threshold */
  p->warm_start = 1;
  p->bnb_nodes = 50000;
}

static int S_word_is(const tok *t, const char *w) {
  size_t n = strlen(w);
  if (t->len != n) return 0;
  for (size_t i = 0; i < n; i++)
    if ((t->p[i] | 0x20) != w[i]) return 0;
  return 1;
}

/* "..., she said." and the like: a pronoun speaker whose name is in an
 * earlier sentence. */
static int S_pronoun_speaker(const precis_cluster *c, const sent *s) {
  static const char *const pron[] = {"he", "she", "they", NULL};
  static const char *const verb[] = {
      "said",    "says",     "added",   "adds",     "told",   "explained",
      "noted",   "wrote",    "asked",   "continued", "stated", "argued",
      "insisted", "warned",  "recalled", "replied", "acknowledged",
      "according", NULL};
  for (uint32_t k = 0; k + 1 < s->ntok; k++) {
    const tok *t = &c->toks[s->tok0 + k];
    int is_pron = 0;
    for (const char *const *w = pron; *w && !is_pron; w++)
      is_pron = S_word_is(t, *w);
    if (!is_pron) continue;
    for (const char *const *w = verb; *w; w++)
      if (S_word_is(t + 1, *w)) return 1;
  }
  return 0;
}

/* A sentence that cannot stand without the one before it. */
static int S_needs_antecedent(const precis_cluster *c, const sent *s) {
  return (s->flags & SENT_DANGLING) || S_pronoun_speaker(c, s);
}

/* With dangling openers chained to their predecessors: bring each
 * dangling candidate's predecessor into the candidates (recursively), or
 * drop the candidate when the predecessor cannot be chosen (a headline,
 * a fragment, too long for the budget, another article's start). */
static precis_status S_chain_candidates(const precis_cluster *c,
                                        const budget *b, uint32_t **cand,
                                        size_t *n) {
  size_t ns = c->nsents, cap = budget_capacity(b);
  unsigned char *in = calloc(ns + 1, 1);
  if (!in) return PRECIS_ERR_NOMEM;
  for (size_t j = 0; j < *n; j++) in[(*cand)[j]] = 1;
  for (size_t i = ns; i-- > 0;) {
    const sent *s = &c->sents[i];
    if (!in[i] || !S_needs_antecedent(c, s)) continue;
    const sent *prev = i > 0 ? &c->sents[i - 1] : NULL;
    if (s->index > 0 && prev && prev->doc == s->doc &&
        (prev->flags & SENT_SELECTABLE) && budget_cost(b, prev) <= cap)
      in[i - 1] = 1;
    else
      in[i] = 0;
  }
  size_t m = 0;
  for (size_t i = 0; i < ns; i++) m += in[i];
  uint32_t *r = malloc((m + 1) * sizeof *r);
  if (!r) {
    free(in);
    return PRECIS_ERR_NOMEM;
  }
  m = 0;
  for (size_t i = 0; i < ns; i++)
    if (in[i]) r[m++] = (uint32_t)i;
  free(in);
  free(*cand);
  *cand = r;
  *n = m;
  return PRECIS_OK;
}

static precis_status S_ilp_pos(precis_cluster *c, const budget *b,
                               sel_result *out) {
  ilp_params p;
  S_params(&p);
  concept_set k;
  uint32_t *cand = NULL, *req = NULL;
  size_t n = 0;
  precis_status st = concepts_build(c, &p.concepts, &k);
  if (st != PRECIS_OK) return st;
  st = concepts_candidates(c, &k, b, p.min_words, p.max_cand,
                           p.cand_pos_boost, &cand, &n);
  if (st == PRECIS_OK && n > 0) st = S_chain_candidates(c, b, &cand, &n);
  if (st != PRECIS_OK) goto out;
  if (n == 0) {
    concepts_free(&k);
    free(cand);
    return ilp_select(c, b, &p, out); /* its no-candidate path */
  }
  st = PRECIS_ERR_NOMEM;
  req = malloc((n + 1) * sizeof *req);
  if (!req) goto out;
  for (size_t j = 0; j < n; j++) {
    const sent *s = &c->sents[cand[j]];
    req[j] = NONE;
    /* S_chain_candidates put the predecessor just before it */
    if (S_needs_antecedent(c, s) && j > 0 &&
        cand[j - 1] + 1 == cand[j] &&
        c->sents[cand[j - 1]].doc == s->doc)
      req[j] = (uint32_t)(j - 1);
  }
  cover_extra x = {NULL, req, p.max_sim};
  st = ilp_select_with(c, b, &p, &k, cand, n, &x, out);
out:
  free(cand);
  free(req);
  concepts_free(&k);
  return st;
}

const selector select_ilp_pos = {
    "ilp-pos",
    "concept coverage ILP with position-weighted concepts, outlet leads, "
    "near-duplicate exclusion, dangling openers kept with their antecedent",
    S_ilp_pos};
