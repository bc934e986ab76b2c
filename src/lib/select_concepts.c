/* select_concepts.c — concept extraction and weighting, candidate
 * pruning, and the two coverage solvers that need no LP: a lazy greedy
 * and an exact branch-and-bound. See select_concepts.h.
 *
 * Concepts are stemmed word bigrams (Gillick & Favre 2009): each pair of
 * consecutive tokens of a sentence, stopwords included, unless both are
 * stopwords ("of the" says nothing). They are interned with an open
 * addressing hash on the pair of cluster-local term ids; optional
 * unigram concepts (content words) index an array by term id. The
 * support of a concept is the number of articles containing it (the
 * number of sentences when only one article has any). Concepts under
 * the minimum support are what one outlet alone says: dropped, or kept
 * at a small fraction of their weight to fill what the budget has left
 * once the shared ones are covered. Optional article concepts (one per
 * article, held by its first sentences) reward drawing on several
 * outlets.
 */
#include "select_concepts.h"

#include "keyidx.h"
#include "vec.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NONE UINT32_MAX

void concepts_free(concept_set *k) {
  free(k->w);
  free(k->off);
  free(k->id);
  free(k->rank);
  memset(k, 0, sizeof *k);
}

double concepts_sentence_weight(const concept_set *k, uint32_t i) {
  double s = 0;
  for (uint32_t j = k->off[i]; j < k->off[i + 1]; j++)
    s += k->w[k->id[j]];
  return s;
}

/* Per-bigram statistics while counting. */
typedef struct bstat {
  uint64_t key;     /* a << 32 | z; a unigram's z is NONE (keyidx.h: first) */
  uint32_t support; /* articles (or sentences) containing it */
  uint32_t last;    /* last unit counted, + 1 */
  double w;         /* position-weighted support */
} bstat;

/* The concept of token k: its bigram (u 0) or its unigram (u 1), as
 * concepts_build found them, or NONE. */
static uint32_t S_token_concept(const precis_cluster *c, const uint32_t *bid,
                                const uint32_t *uid, int u, size_t k) {
  if (u == 0) return bid[k];
  uint32_t a = c->local[k];
  return c->local_stop[a] ? NONE : uid[a];
}

precis_status concepts_build(const precis_cluster *c, const concept_params *p,
                             concept_set *out) {
  size_t ns = c->nsents, nt = c->ntoks;
  precis_status st = PRECIS_ERR_NOMEM;
  memset(out, 0, sizeof *out);
  int uni = p->unigram_weight > 0;
  /* The bigram table and the statistics grow with the concepts found,
   * not with the tokens (a cluster repeats most of its bigrams), and go
   * once they are read. */
  keyidx hm = {NULL, 0, 0}; /* bigram key -> its entry of bs */
  size_t bs_cap = 1024;
  uint32_t *uid = uni ? malloc((c->nlocal + 1) * sizeof *uid) : NULL;
  /* concept at token k: bigram bid[k], unigram uid[local[k]] (none for
   * a stopword) */
  uint32_t *bid = malloc((nt + 1) * sizeof *bid);
  bstat *bs = malloc(bs_cap * sizeof *bs);
  uint32_t *dense = NULL, *last = NULL;
  if (!bid || !bs || (uni && !uid)) goto out;
  if (uni) memset(uid, 0xff, (c->nlocal + 1) * sizeof *uid);

  out->rank = malloc((ns + 1) * sizeof *out->rank);
  if (!out->rank) goto out;
  for (size_t i = 0, r = 0; i < ns; i++) {
    if (i == 0 || c->sents[i].doc != c->sents[i - 1].doc) r = 0;
    out->rank[i] = (uint32_t)r;
    r += (c->sents[i].flags & SENT_SELECTABLE) != 0;
  }

  /* Articles that have sentences: with one, support counts sentences. */
  size_t nd = 0;
  for (size_t d = 0; d < c->ndocs; d++)
    nd += c->docs[d].nsent > 0;
  int by_sentence = nd < 2;

  uint32_t nb = 0;
  for (size_t i = 0; i < ns; i++) {
    const sent *s = &c->sents[i];
    uint32_t unit = by_sentence ? (uint32_t)i + 1 : s->doc + 1;
    double g = 1.0;
    if (p->pos_boost > 0)
      g += p->pos_boost /
           (1.0 + out->rank[i] / (p->pos_scale > 0 ? p->pos_scale : 1.0));
    for (uint32_t t = 0; t < s->ntok; t++) {
      uint32_t k = s->tok0 + t;
      for (int u = 0; u < 1 + uni; u++) {
        uint64_t key;
        uint32_t a = c->local[k];
        if (u == 0) {
          bid[k] = NONE;
          if (t + 1 >= s->ntok) continue;
          uint32_t z = c->local[k + 1];
          if (c->local_stop[a] && c->local_stop[z]) continue;
          key = (uint64_t)a << 32 | z;
        } else {
          if (c->local_stop[a]) continue;
          key = (uint64_t)a << 32 | NONE;
        }
        /* unigrams index an array by local term id; bigrams hash */
        uint32_t *slot;
        if (u == 1) {
          slot = &uid[a];
        } else {
          if (keyidx_reserve(&hm, bs, sizeof *bs) != 0) goto out;
          slot = keyidx_slot(&hm, bs, sizeof *bs, key);
        }
        if (*slot == NONE) {
          if (vec_reserve(&bs, &bs_cap, (size_t)nb + 1, sizeof *bs, 1024) !=
              PRECIS_OK)
            goto out;
          hm.n += u == 0;
          *slot = nb;
          bs[nb].support = 0;
          bs[nb].last = 0;
          bs[nb].w = 0;
          bs[nb].key = key;
          nb++;
        }
        uint32_t id = *slot;
        if (u == 0) bid[k] = id;
        /* Sentences come in article order, so the first time a unit sees
         * the concept is its earliest position there. */
        if (bs[id].last != unit) {
          bs[id].last = unit;
          bs[id].support++;
          bs[id].w += g;
        }
      }
    }
  }

  keyidx_free(&hm);
  unsigned min_sup = p->min_support ? p->min_support : 1;
  if (!by_sentence && p->min_support_frac > 0) {
    unsigned f = (unsigned)(p->min_support_frac * (double)nd + 0.5);
    if (f > min_sup) min_sup = f;
  }
  size_t kept = 0;
  for (uint32_t i = 0; i < nb; i++)
    kept += bs[i].support >= min_sup;
  if (kept == 0) min_sup = 1;
  dense = malloc((nb + 1) * sizeof *dense);
  size_t ndc = p->doc_weight > 0 ? c->ndocs : 0; /* article concepts */
  out->w = malloc((nb + ndc + 1) * sizeof *out->w);
  out->off = malloc((ns + 1) * sizeof *out->off);
  if (!dense || !out->w || !out->off) goto out;
  size_t m = 0;
  for (uint32_t i = 0; i < nb; i++) {
    double f = (uint32_t)bs[i].key == NONE ? p->unigram_weight : 1.0;
    if (bs[i].support >= min_sup) {
      dense[i] = (uint32_t)m;
      out->w[m++] = bs[i].w * f;
    } else if (p->low_weight > 0) {
      dense[i] = (uint32_t)m;
      out->w[m++] = bs[i].w * f * p->low_weight;
    } else {
      dense[i] = NONE;
    }
  }
  for (size_t d = 0; d < ndc; d++)
    out->w[m + d] = p->doc_weight;
  out->n = m + ndc;
  free(bs);
  bs = NULL;

  /* Per-sentence distinct concept lists. */
  size_t total = 0;
  for (size_t k = 0; k < nt; k++)
    for (int u = 0; u < 1 + uni; u++) {
      uint32_t b = S_token_concept(c, bid, uid, u, k);
      total += b != NONE && dense[b] != NONE;
    }
  total += ndc ? ns : 0;
  out->id = malloc((total + 1) * sizeof *out->id);
  if (!out->id) goto out;
  last = calloc(m + 1, sizeof *last); /* concept -> last sentence + 1 */
  if (!last) goto out;
  size_t pos = 0;
  for (size_t i = 0; i < ns; i++) {
    const sent *s = &c->sents[i];
    out->off[i] = (uint32_t)pos;
    for (int u = 0; u < 1 + uni; u++)
      for (uint32_t t = 0; t < s->ntok; t++) {
        uint32_t b = S_token_concept(c, bid, uid, u, s->tok0 + t);
        if (b == NONE || dense[b] == NONE) continue;
        uint32_t id = dense[b];
        if (last[id] == i + 1) continue; /* once per sentence */
        last[id] = (uint32_t)i + 1;
        out->id[pos++] = id;
      }
    if (ndc && (!p->doc_lead || out->rank[i] < p->doc_lead))
      out->id[pos++] = (uint32_t)(m + s->doc);
  }
  out->off[ns] = (uint32_t)pos;
  st = PRECIS_OK;
out:
  keyidx_free(&hm);
  free(uid);
  free(bid);
  free(bs);
  free(dense);
  free(last);
  if (st != PRECIS_OK) concepts_free(out);
  return st;
}

typedef struct cand_score {
  double score;
  uint32_t idx;
} cand_score;

static int S_by_score_desc(const void *a, const void *b) {
  const cand_score *x = a, *y = b;
  if (x->score != y->score) return x->score < y->score ? 1 : -1;
  return x->idx < y->idx ? -1 : x->idx > y->idx;
}

size_t concepts_pool_size(const budget *b, size_t max_n) {
  double words = (double)b->limit;
  if (b->unit == PRECIS_BUDGET_BYTES) words /= 6.0;
  if (b->unit == PRECIS_BUDGET_SENTENCES) words *= 25.0;
  if (words <= 100.0 || max_n == 0) return max_n;
  double n = (double)max_n * words / 100.0;
  return n < 1000.0 ? (size_t)n : 1000; /* a book-length brief: enough */
}

precis_status concepts_candidates(const precis_cluster *c, const concept_set *k,
                                  const budget *b, uint32_t min_words,
                                  size_t max_n, double pos_boost,
                                  uint32_t **cand, size_t *n) {
  size_t ns = c->nsents, cap = budget_capacity(b);
  *cand = NULL;
  *n = 0;
  cand_score *cs = malloc((ns + 1) * sizeof *cs);
  if (!cs) return PRECIS_ERR_NOMEM;
  size_t m = 0;
  for (int pass = 0; pass < 2 && m == 0; pass++) {
    uint32_t minw = pass == 0 ? min_words : 0;
    for (size_t i = 0; i < ns; i++) {
      const sent *s = &c->sents[i];
      if (!(s->flags & SENT_SELECTABLE) || s->nwords < minw) continue;
      if (budget_cost(b, s) > cap || k->off[i] == k->off[i + 1]) continue;
      double v = concepts_sentence_weight(k, (uint32_t)i);
      v *= 1.0 + pos_boost / (1.0 + k->rank[i]);
      cs[m].score = v;
      cs[m].idx = (uint32_t)i;
      m++;
    }
  }
  if (max_n && m > max_n) {
    qsort(cs, m, sizeof *cs, S_by_score_desc);
    m = max_n;
  }
  uint32_t *r = malloc((m + 1) * sizeof *r);
  if (!r) {
    free(cs);
    return PRECIS_ERR_NOMEM;
  }
  for (size_t i = 0; i < m; i++)
    r[i] = cs[i].idx;
  sort_u32(r, m);
  free(cs);
  *cand = r;
  *n = m;
  return PRECIS_OK;
}

/* The requirement of candidate u, or NONE. */
static size_t S_req(const cover_extra *x, size_t u) {
  return x && x->requires && x->requires[u] != NONE ? x->requires[u] : NONE;
}

/* 1 if candidate u is chosen only with the one that requires it
 * (cover_extra.joins), never on its own account. */
static int S_joins(const cover_extra *x, size_t u) {
  return x && x->joins && x->joins[u] != NONE;
}

/* 1 if candidate i is in the untaken chain that starts at j. */
static int S_in_chain(const cover_extra *x, const unsigned char *taken,
                      size_t j, size_t i) {
  for (size_t u = j; u != NONE && !taken[u]; u = S_req(x, u))
    if (u == i) return 1;
  return 0;
}

/* Newly covered weight of candidate j together with the chain of
 * candidates it requires that are not taken yet, their cost and their
 * bonuses. `mark` is scratch (one stamp per concept). */
static double S_gain(const precis_cluster *c, const concept_set *k,
                     const budget *b, const uint32_t *cand,
                     const cover_extra *x, const unsigned char *covered,
                     const unsigned char *taken, uint32_t *mark, uint32_t stamp,
                     size_t j, size_t *cost) {
  double gain = 0;
  *cost = 0;
  for (size_t u = j; u != NONE && !taken[u]; u = S_req(x, u)) {
    uint32_t si = cand[u];
    *cost += budget_cost(b, &c->sents[si]);
    if (x && x->bonus) gain += x->bonus[u];
    for (uint32_t q = k->off[si]; q < k->off[si + 1]; q++) {
      uint32_t id = k->id[q];
      if (covered[id] || mark[id] == stamp) continue;
      mark[id] = stamp;
      gain += k->w[id];
    }
  }
  return gain;
}

static double S_dot(const sent *a, const sent *b) {
  uint32_t i = 0, j = 0;
  double dot = 0;
  while (i < a->nbag && j < b->nbag) {
    if (a->bag_term[i] == b->bag_term[j])
      dot += (double)a->bag_count[i++] * b->bag_count[j++];
    else if (a->bag_term[i] < b->bag_term[j])
      i++;
    else
      j++;
  }
  return dot;
}

precis_status concepts_clash(const precis_cluster *c, const uint32_t *cand,
                             size_t n, double max_sim, unsigned char **out) {
  *out = NULL;
  if (max_sim >= 1.0 || n == 0) return PRECIS_OK;
  unsigned char *m = calloc(n * n, 1);
  double *nn = malloc(n * sizeof *nn);
  if (!m || !nn) {
    free(m);
    free(nn);
    return PRECIS_ERR_NOMEM;
  }
  /* sent_cosine's formula, with the squared norms computed once */
  for (size_t i = 0; i < n; i++) {
    const sent *s = &c->sents[cand[i]];
    nn[i] = 0;
    for (uint32_t q = 0; q < s->nbag; q++)
      nn[i] += (double)s->bag_count[q] * s->bag_count[q];
  }
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) {
      if (nn[i] == 0 || nn[j] == 0) continue;
      double cs =
          S_dot(&c->sents[cand[i]], &c->sents[cand[j]]) / sqrt(nn[i] * nn[j]);
      if (cs >= max_sim) m[i * n + j] = m[j * n + i] = 1;
    }
  free(nn);
  *out = m;
  return PRECIS_OK;
}

/* 1 if candidates i and j may not both be chosen. */
static int S_clash(const cover_extra *x, size_t n, size_t i, size_t j) {
  return x && x->max_sim < 1.0 && x->clash && x->clash[i * n + j];
}

/* 1 if candidate j or one it brings along is a near-duplicate of a taken
 * candidate (or of each other). */
static int S_too_similar(const cover_extra *x, const unsigned char *taken,
                         size_t n, size_t j) {
  if (!x || x->max_sim >= 1.0) return 0;
  for (size_t u = j; u != NONE && !taken[u]; u = S_req(x, u))
    for (size_t i = 0; i < n; i++)
      if ((taken[i] || (i != u && S_in_chain(x, taken, j, i))) &&
          S_clash(x, n, u, i))
        return 1;
  return 0;
}

precis_status concepts_greedy(const precis_cluster *c, const concept_set *k,
                              const budget *b, const uint32_t *cand, size_t n,
                              const cover_extra *x, double r, uint32_t *pick,
                              size_t *npick, double *value) {
  size_t cap = budget_capacity(b), used = 0, np = 0;
  unsigned char *covered = calloc(k->n + 1, 1);
  unsigned char *taken = calloc(n + 1, 1);
  uint32_t *mark = calloc(k->n + 1, sizeof *mark);
  double *ub = malloc((n + 1) * sizeof *ub);
  if (!covered || !taken || !mark || !ub) {
    free(covered);
    free(taken);
    free(mark);
    free(ub);
    return PRECIS_ERR_NOMEM;
  }
  /* Lazy evaluation (Minoux 1978): ub[j] is an upper bound on j's
   * ratio, exact once re-evaluated; gains only shrink as more is
   * covered, except a unit's cost, which shrinks when one of the
   * candidates it requires is taken (its bound is reset then). */
  for (size_t j = 0; j < n; j++)
    ub[j] = S_joins(x, j) ? 0 : HUGE_VAL;
  uint32_t stamp = 0;
  double total = 0;
  for (;;) {
    size_t bj = n;
    for (size_t j = 0; j < n; j++)
      if (!taken[j] && ub[j] > 0 && (bj == n || ub[j] > ub[bj])) bj = j;
    if (bj == n) break;
    size_t cost;
    double gain =
        S_gain(c, k, b, cand, x, covered, taken, mark, ++stamp, bj, &cost);
    double sc = cost > 0 ? (double)cost : 1.0;
    if (gain <= 0 || used + cost > cap || S_too_similar(x, taken, n, bj)) {
      ub[bj] = 0; /* never again: these only get worse */
      continue;
    }
    ub[bj] = gain / (r == 1.0 ? sc : pow(sc, r));
    size_t top = bj;
    for (size_t j = 0; j < n; j++)
      if (!taken[j] && ub[j] > 0 &&
          (ub[j] > ub[top] || (ub[j] == ub[top] && j < top)))
        top = j;
    if (top != bj) continue; /* someone else may be better: look again */
    for (size_t u = bj; u != NONE && !taken[u]; u = S_req(x, u)) {
      uint32_t si = cand[u];
      taken[u] = 1;
      pick[np++] = (uint32_t)u;
      used += budget_cost(b, &c->sents[si]);
      for (uint32_t q = k->off[si]; q < k->off[si + 1]; q++)
        covered[k->id[q]] = 1;
    }
    total += gain;
    if (x && x->requires)
      for (size_t j = 0; j < n; j++)
        if (!taken[j] && S_req(x, j) != NONE && !S_joins(x, j))
          ub[j] = HUGE_VAL;
  }
  /* The best single unit, in case it beats the greedy set. */
  memset(covered, 0, k->n + 1);
  memset(taken, 0, n + 1);
  double best1 = 0;
  size_t b1 = n;
  for (size_t j = 0; j < n; j++) {
    if (S_joins(x, j)) continue;
    size_t cost;
    double v =
        S_gain(c, k, b, cand, x, covered, taken, mark, ++stamp, j, &cost);
    if (cost <= cap && v > best1) {
      best1 = v;
      b1 = j;
    }
  }
  if (b1 < n && best1 > total) {
    np = 0;
    for (size_t u = b1; u != NONE; u = S_req(x, u))
      pick[np++] = (uint32_t)u;
    total = best1;
  }
  free(covered);
  free(taken);
  free(mark);
  free(ub);
  *npick = np;
  *value = total;
  return PRECIS_OK;
}

/* ---- branch-and-bound ---- */

typedef struct bnb {
  const concept_set *k;
  const uint32_t *cand;
  const cover_extra *x;
  size_t n, cap, used;
  size_t *cost;               /* per candidate */
  unsigned char *state;       /* 0 undecided, 1 in, 2 out */
  const unsigned char *clash; /* n x n near-duplicate pairs, or NULL */
  uint32_t *cnt;              /* per concept: chosen sentences covering it */
  uint32_t *clashcnt;         /* per candidate: chosen near-duplicates */
  uint32_t *coff, *clst;      /* concept -> candidates containing it (CSR) */
  uint32_t *soff, *sid;       /* candidate -> its concepts that another holds */
  double *gain;               /* per candidate: marginal value now */
  double cur;                 /* value of the chosen set */
  double best;
  unsigned char *best_sol;
  size_t nodes, max_nodes;
  struct timespec deadline;
  int timed, stop;
  /* per depth scratch, n each (depth <= n) */
  uint32_t *idx;
  double *ratio;
  uint32_t *chain;
  uint32_t *gone;
} bnb;

static int S_past(const struct timespec *d) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec > d->tv_sec ||
         (now.tv_sec == d->tv_sec && now.tv_nsec >= d->tv_nsec);
}

/* Candidates that j brings along (j first), or 0 if j cannot join now. */
static size_t S_chain_of(const bnb *t, size_t j, uint32_t *out, size_t *cost) {
  size_t m = 0;
  *cost = 0;
  for (size_t u = j; u != NONE && t->state[u] != 1; u = S_req(t->x, u)) {
    if (t->state[u] == 2 || (t->clash && t->clashcnt[u])) return 0;
    out[m++] = (uint32_t)u;
    *cost += t->cost[u];
  }
  if (t->used + *cost > t->cap) return 0;
  if (t->clash)
    for (size_t a = 0; a < m; a++)
      for (size_t b = a + 1; b < m; b++)
        if (t->clash[(size_t)out[a] * t->n + out[b]]) return 0;
  return m;
}

/* Candidates that clash with u: one more (dir 1) or one fewer chosen
 * neighbour. */
static void S_clash_count(bnb *t, size_t u, int dir) {
  if (!t->clash) return;
  const unsigned char *row = t->clash + u * t->n;
  for (size_t i = 0; i < t->n; i++)
    if (row[i]) t->clashcnt[i] = (uint32_t)((int)t->clashcnt[i] + dir);
}

/* Add candidate u to the chosen set, updating the marginal gain of every
 * other candidate. Only the concepts u shares are walked: one that u
 * alone holds changes no other gain, and u's own gain is not read while
 * u is in (S_remove takes back the same value it added). */
static void S_add(bnb *t, size_t u) {
  const concept_set *k = t->k;
  t->cur += t->gain[u];
  for (uint32_t q = t->soff[u]; q < t->soff[u + 1]; q++) {
    uint32_t id = t->sid[q];
    if (t->cnt[id]++ == 0) {
      for (uint32_t e = t->coff[id]; e < t->coff[id + 1]; e++)
        if (t->clst[e] != u) t->gain[t->clst[e]] -= k->w[id];
    }
  }
  t->state[u] = 1;
  t->used += t->cost[u];
  S_clash_count(t, u, 1);
}

static void S_remove(bnb *t, size_t u) {
  const concept_set *k = t->k;
  S_clash_count(t, u, -1);
  t->state[u] = 0;
  t->used -= t->cost[u];
  for (uint32_t q = t->soff[u]; q < t->soff[u + 1]; q++) {
    uint32_t id = t->sid[q];
    if (--t->cnt[id] == 0) {
      for (uint32_t e = t->coff[id]; e < t->coff[id + 1]; e++)
        if (t->clst[e] != u) t->gain[t->clst[e]] += k->w[id];
    }
  }
  t->cur -= t->gain[u];
}

/* Does candidate x come before y: a better ratio, or the same and a
 * smaller index? */
static int S_before(const double *ratio, uint32_t x, uint32_t y) {
  return ratio[x] > ratio[y] || (ratio[x] == ratio[y] && x < y);
}

/* Make idx[a] the a-th best ratio (selection sort, extended lazily). */
static void S_select(uint32_t *idx, const double *ratio, size_t m, size_t a) {
  size_t b = a;
  for (size_t i = a + 1; i < m; i++)
    if (S_before(ratio, idx[i], idx[b])) b = i;
  uint32_t tmp = idx[a];
  idx[a] = idx[b];
  idx[b] = tmp;
}

/* Order all of idx[0..m) as S_select would one by one (insertion sort:
 * a node's few candidates cost fewer comparisons this way than by the
 * selection sort's passes over the unsorted rest). */
static void S_sort_all(uint32_t *idx, const double *ratio, size_t m) {
  for (size_t i = 1; i < m; i++) {
    uint32_t x = idx[i];
    size_t j = i;
    for (; j > 0 && S_before(ratio, x, idx[j - 1]); j--)
      idx[j] = idx[j - 1];
    idx[j] = x;
  }
}

static void S_branch(bnb *t, size_t depth, uint32_t *idx, double *ratio,
                     uint32_t *ch, size_t m, size_t room);

static void S_search(bnb *t, size_t depth) {
  if (t->stop) return;
  if (++t->nodes > t->max_nodes ||
      (t->timed && (t->nodes & 255) == 0 && S_past(&t->deadline))) {
    t->stop = 1;
    return;
  }
  if (t->cur > t->best + 1e-9) {
    t->best = t->cur;
    memcpy(t->best_sol, t->state, t->n);
  }
  uint32_t *idx = t->idx + depth * t->n;
  double *ratio = t->ratio + depth * t->n;
  uint32_t *ch = t->chain + depth * t->n;
  uint32_t *gone = t->gone + depth * t->n;
  size_t m = 0, ngone = 0, room = t->cap - t->used;
  /* Candidates that can no longer join (too long for what is left, a
   * near-duplicate of a chosen one, a requirement ruled out) stay out
   * of this whole subtree: rule them out now, so the bound below does
   * not count them. */
  for (size_t j = 0; j < t->n; j++) {
    if (t->state[j]) continue;
    size_t cost;
    /* a candidate that requires none is its own chain: it can join
     * unless too long or next to a chosen near-duplicate (S_chain_of's
     * tests, without the walk; most candidates at most nodes) */
    int alone = S_req(t->x, j) == NONE;
    if (t->cost[j] > room ||
        (alone ? t->clash && t->clashcnt[j] : !S_chain_of(t, j, ch, &cost)) ||
        (S_joins(t->x, j) && t->state[t->x->joins[j]] == 2)) {
      t->state[j] = 2;
      gone[ngone++] = (uint32_t)j;
      continue;
    }
    if (t->gain[j] <= 0) continue;
    ratio[j] = t->gain[j] / (double)(t->cost[j] ? t->cost[j] : 1);
    idx[m++] = (uint32_t)j;
  }
  S_branch(t, depth, idx, ratio, ch, m, room);
  for (size_t q = 0; q < ngone; q++)
    t->state[gone[q]] = 0;
}

static void S_branch(bnb *t, size_t depth, uint32_t *idx, double *ratio,
                     uint32_t *ch, size_t m, size_t room) {
  /* Upper bound: fractional knapsack over the marginal gains (valid:
   * coverage is submodular, so a set gains at most the sum of its
   * members' marginal gains). */
  double ub = t->cur;
  size_t left = room, sorted = 0;
  if (m <= 32) { /* otherwise only as far as the bound and branch read */
    S_sort_all(idx, ratio, m);
    sorted = m;
  }
  for (size_t a = 0; a < m && left > 0; a++) {
    if (a >= sorted) {
      S_select(idx, ratio, m, a);
      sorted = a + 1;
    }
    size_t cj = t->cost[idx[a]];
    if (cj <= left) {
      ub += t->gain[idx[a]];
      left -= cj;
    } else {
      ub += t->gain[idx[a]] * (double)left / (double)cj;
      left = 0;
    }
  }
  if (ub <= t->best + 1e-9) return;
  /* Branch on the best-ratio candidate that can join: in, then out. */
  for (size_t a = 0; a < m; a++) {
    if (a >= sorted) {
      S_select(idx, ratio, m, a);
      sorted = a + 1;
    }
    size_t j = idx[a], cost;
    if (S_joins(t->x, j)) continue; /* in only with the one requiring it */
    size_t len = S_chain_of(t, j, ch, &cost);
    if (len == 0) continue;
    /* the chain's requirements first, so gains stay consistent */
    for (size_t q = len; q-- > 0;)
      S_add(t, ch[q]);
    S_search(t, depth + 1);
    for (size_t q = 0; q < len; q++)
      S_remove(t, ch[q]);
    if (t->stop) return;
    t->state[j] = 2;
    S_search(t, depth + 1);
    t->state[j] = 0;
    return;
  }
}

precis_status concepts_bnb(const precis_cluster *c, const concept_set *k,
                           const budget *b, const uint32_t *cand, size_t n,
                           const cover_extra *x, size_t max_nodes,
                           double max_ms, unsigned char *sol,
                           double *value, int *status) {
  bnb t;
  memset(&t, 0, sizeof t);
  t.k = k;
  t.cand = cand;
  t.x = x;
  t.n = n;
  t.cap = budget_capacity(b);
  t.max_nodes = max_nodes;
  t.best = *value;
  if (max_ms > 0) {
    clock_gettime(CLOCK_MONOTONIC, &t.deadline);
    long long ns = (long long)(max_ms * 1e6) + t.deadline.tv_nsec;
    t.deadline.tv_sec += (time_t)(ns / 1000000000LL);
    t.deadline.tv_nsec = (long)(ns % 1000000000LL);
    t.timed = 1;
  }
  size_t occ = 0;
  for (size_t j = 0; j < n; j++)
    occ += k->off[cand[j] + 1] - k->off[cand[j]];
  t.cost = malloc((n + 1) * sizeof *t.cost);
  t.state = calloc(n + 1, 1);
  t.best_sol = malloc(n + 1);
  t.cnt = calloc(k->n + 1, sizeof *t.cnt);
  t.coff = calloc(k->n + 2, sizeof *t.coff);
  t.clst = malloc((occ + 1) * sizeof *t.clst);
  t.gain = malloc((n + 1) * sizeof *t.gain);
  t.idx = malloc(((n + 1) * (n + 1)) * sizeof *t.idx);
  t.ratio = malloc(((n + 1) * (n + 1)) * sizeof *t.ratio);
  t.chain = malloc(((n + 1) * (n + 1)) * sizeof *t.chain);
  t.gone = malloc(((n + 1) * (n + 1)) * sizeof *t.gone);
  t.clashcnt = calloc(n + 1, sizeof *t.clashcnt);
  t.soff = malloc((n + 1) * sizeof *t.soff);
  t.sid = malloc((occ + 1) * sizeof *t.sid);
  precis_status st = PRECIS_ERR_NOMEM;
  if (!t.cost || !t.state || !t.best_sol || !t.cnt || !t.coff || !t.clst ||
      !t.gain || !t.idx || !t.ratio || !t.chain || !t.gone || !t.clashcnt ||
      !t.soff || !t.sid)
    goto out;
  /* concept -> candidates, counted then filled (coff shifted by one) */
  for (size_t j = 0; j < n; j++)
    for (uint32_t q = k->off[cand[j]]; q < k->off[cand[j] + 1]; q++)
      t.coff[k->id[q] + 2]++;
  for (size_t i = 0; i < k->n; i++)
    t.coff[i + 2] += t.coff[i + 1];
  for (size_t j = 0; j < n; j++)
    for (uint32_t q = k->off[cand[j]]; q < k->off[cand[j] + 1]; q++)
      t.clst[t.coff[k->id[q] + 1]++] = (uint32_t)j;
  size_t ns = 0;
  for (size_t j = 0; j < n; j++) {
    t.soff[j] = (uint32_t)ns;
    for (uint32_t q = k->off[cand[j]]; q < k->off[cand[j] + 1]; q++)
      if (t.coff[k->id[q] + 1] - t.coff[k->id[q]] > 1) t.sid[ns++] = k->id[q];
  }
  t.soff[n] = (uint32_t)ns;
  for (size_t j = 0; j < n; j++) {
    t.cost[j] = budget_cost(b, &c->sents[cand[j]]);
    t.best_sol[j] = sol[j] ? 1 : 0;
    t.gain[j] = concepts_sentence_weight(k, cand[j]) +
                (x && x->bonus ? x->bonus[j] : 0);
  }
  t.clash = x && x->max_sim < 1.0 ? x->clash : NULL;
  S_search(&t, 0);
  for (size_t j = 0; j < n; j++)
    sol[j] = t.best_sol[j] == 1;
  *value = t.best;
  *status = !t.stop                 ? BNB_OPTIMAL
            : t.nodes > t.max_nodes ? BNB_NODES
                                    : BNB_TIME;
  st = PRECIS_OK;
out:
  free(t.cost);
  free(t.state);
  free(t.best_sol);
  free(t.cnt);
  free(t.coff);
  free(t.clst);
  free(t.gain);
  free(t.idx);
  free(t.ratio);
  free(t.chain);
  free(t.gone);
  free(t.clashcnt);
  free(t.soff);
  free(t.sid);
  return st;
}
