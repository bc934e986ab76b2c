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

#ifdef PRECIS_ILP_TUNE /* TEMPORARY tuning hook, removed before commit */
#define ITUNE(name, def) (getenv(name) ? strtod(getenv(name), NULL) : (def))
#else
#define ITUNE(name, def) (def)
#endif

typedef struct pos_params {
  ilp_params ilp;
  double sent_pos_bonus;   /* bonus_j += this / (1 + index) */
  double word_pos_bonus;   /* bonus_j += this * words / (1 + index) */
  double content_bonus, content_pos;
  double dangling_penalty; /* bonus_j -= this for a dangling opener */
  int chain;               /* dangling only with its predecessor */
} pos_params;

static void S_params(pos_params *p) {
  ilp_params_default(&p->ilp);
  p->ilp.concepts.min_support = (unsigned)ITUNE("P_MINSUP", 2);
  p->ilp.concepts.min_support_frac = ITUNE("P_MINFRAC", 0.25);
  p->ilp.concepts.pos_boost = ITUNE("P_POS", 2);
  p->ilp.concepts.pos_scale = ITUNE("P_POSSCALE", 3);
  p->ilp.concepts.low_weight = ITUNE("P_LOW", 0.01);
  p->ilp.concepts.unigram_weight = ITUNE("P_UNI", 0.3);
  p->ilp.concepts.doc_weight = ITUNE("P_DOCW", 5);
  p->ilp.concepts.doc_lead = (uint32_t)ITUNE("P_DOCLEAD", 2);
  p->ilp.min_words = (uint32_t)ITUNE("P_MINW", 8);
  p->ilp.max_cand = (size_t)ITUNE("P_MAXC", 100);
  p->ilp.cand_pos_boost = ITUNE("P_CPOS", 0);
  p->ilp.time_limit_ms = (int)ITUNE("P_TIME", 200);
  p->ilp.greedy_r = ITUNE("P_R", 1);
  p->ilp.max_sim = ITUNE("P_SIM", 0.5);
  p->ilp.warm_start = (int)ITUNE("P_WARM", 1);
  p->ilp.bnb_nodes = (size_t)ITUNE("P_BNB", 200000);
  p->sent_pos_bonus = ITUNE("P_SPOS", 0);
  p->word_pos_bonus = ITUNE("P_WPOS", 0);
  p->content_bonus = ITUNE("P_CB", 0);
  p->content_pos = ITUNE("P_CBPOS", 0);
  p->dangling_penalty = ITUNE("P_DANG", 0);
  p->chain = (int)ITUNE("P_CHAIN", 1);
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
    if (!in[i] || !(s->flags & SENT_DANGLING)) continue;
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
  pos_params p;
  S_params(&p);
  concept_set k;
  uint32_t *cand = NULL, *req = NULL;
  double *bonus = NULL;
  size_t n = 0;
  precis_status st = concepts_build(c, &p.ilp.concepts, &k);
  if (st != PRECIS_OK) return st;
  st = concepts_candidates(c, &k, b, p.ilp.min_words, p.ilp.max_cand,
                           p.ilp.cand_pos_boost, &cand, &n);
  if (st != PRECIS_OK) goto out;
  if (p.chain && n > 0) {
    st = S_chain_candidates(c, b, &cand, &n);
    if (st != PRECIS_OK) goto out;
  }
  if (n == 0) {
    concepts_free(&k);
    free(cand);
    return ilp_select(c, b, &p.ilp, out); /* its no-candidate path */
  }
  st = PRECIS_ERR_NOMEM;
  bonus = calloc(n + 1, sizeof *bonus);
  req = malloc((n + 1) * sizeof *req);
  if (!bonus || !req) goto out;
  for (size_t j = 0; j < n; j++) {
    const sent *s = &c->sents[cand[j]];
    double r = 1.0 + k.rank[cand[j]];
    bonus[j] = p.sent_pos_bonus / r + p.word_pos_bonus * s->nwords / r;
    if (p.content_bonus > 0) {
      double cb = 0;
      for (uint32_t q = 0; q < s->nbag; q++)
        cb += s->bag_count[q] * (double)c->df[s->bag_term[q]] /
              (double)c->ndocs;
      bonus[j] += p.content_bonus * cb / (1.0 + p.content_pos * (r - 1.0));
    }
    req[j] = NONE;
    if (!(s->flags & SENT_DANGLING)) continue;
    bonus[j] -= p.dangling_penalty;
    /* its predecessor: the candidate just before it, same article */
    if (p.chain && j > 0 && cand[j - 1] + 1 == cand[j] &&
        c->sents[cand[j - 1]].doc == s->doc)
      req[j] = (uint32_t)(j - 1);
  }
  cover_extra x = {bonus, p.chain ? req : NULL, p.ilp.max_sim};
  st = ilp_select_with(c, b, &p.ilp, &k, cand, n, &x, out);
out:
  free(cand);
  free(bonus);
  free(req);
  concepts_free(&k);
  return st;
}

const selector select_ilp_pos = {
    "ilp-pos",
    "concept coverage ILP with position-weighted concepts, near-duplicate "
    "exclusion and dangling openers kept with their antecedent (GLPK)",
    S_ilp_pos};
