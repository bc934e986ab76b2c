/* rouge_score.c — per-item ROUGE scores: one peer against K models.
 *
 * SPEC §8 (ROUGE-N), §9 (ROUGE-L), §10 (ROUGE-W), §11 (ROUGE-S/SU),
 * §12 (-f A|B), §13 (R/P/F). Summary of the algorithm:
 *
 * Every token of the item's texts is first given a dense per-item id
 * through one hash table keyed by (tag, a, b); the same table gives dense
 * ids to n-grams (tag n, id of the (n-1)-gram prefix, last token) and to
 * skip-bigrams (tag S, first token, second token). Counts are then plain
 * arrays indexed by id:
 *   clipped hits of a model = sum over its grams g of [++cm[g] <= cp[g]]
 * which equals sum over distinct g of min(c_model(g), c_peer(g)).
 *
 * ROUGE-L/W: for each model unit x, the LCS of x with every peer unit y
 * is computed with ROUGE's exact tie rules (a match always goes diagonal,
 * UP wins ties with LEFT), the backtracked positions of x are OR-ed into
 * a mask, and masked positions count as hits while the flat unigram
 * budgets of the peer and of that model (shared by the model's units,
 * reset per model) allow. ROUGE-W adds the run-length table and counts
 * runs over masked model positions, with the denominators weighted twice.
 *
 * Skip-bigrams of a model whose two tokens do not both occur in the peer
 * can never hit, so they are counted but not listed (the pair count is
 * arithmetic), and with -U the SU counts are the S counts plus those of
 * the unigram grams (the two kinds of grams never collide).
 *
 * Combining models: A pools hits and counts (the peer count once per
 * model); B keeps the model with the best selection score (rounded recall
 * for N and S/SU, raw score for L and W), ties to the earlier model.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rouge.h"
#include "vec.h"

enum { TAG_UNI = 1, TAG_SKIP = 2, TAG_NGRAM = 3 /* + n */ };
enum { DIR_DIAG = 0, DIR_UP = 1, DIR_LEFT = 2 };

/* Largest LCS direction table (cells = bytes) we agree to allocate. */
#define MAX_LCS_CELLS ((size_t)1 << 28)
/* Largest gram list of one text. */
#define MAX_GRAMS ((size_t)1 << 30)

struct rouge_scorer {
  /* (tag, a, b) -> dense id; slots of older generations are free */
  uint32_t *keys; /* 3 per slot */
  uint32_t *ids;
  uint32_t *gen;
  size_t nslots;
  uint32_t cur_gen;
  uint32_t n_ids;
  /* counts by id, all zero between uses */
  uint32_t *cp, *cm;
  size_t cap_cnt;
  /* LCS scratch */
  unsigned char *dir;
  size_t cap_dir;
  int32_t *ir0, *ir1;
  double *dr0, *dr1;
  uint32_t *lr0, *lr1;
  size_t cap_row;
  unsigned char *mask;
  size_t cap_mask;
  double *wf; /* wf[k] = pow(k, weight) */
  size_t n_wf;
  double wf_weight;
  /* per-model results (2 * cap_k: the second half is scratch) */
  double *hit, *base;
  size_t cap_k;
  double pcount;
  unsigned char *inpeer; /* skip-bigrams: unigram id occurs in the peer */
  size_t cap_inpeer;
};

rouge_scorer *rouge_scorer_new(void) {
  return calloc(1, sizeof(rouge_scorer));
}

void rouge_scorer_free(rouge_scorer *sc) {
  if (!sc) return;
  free(sc->keys);
  free(sc->ids);
  free(sc->gen);
  free(sc->cp);
  free(sc->cm);
  free(sc->dir);
  free(sc->ir0);
  free(sc->ir1);
  free(sc->dr0);
  free(sc->dr1);
  free(sc->lr0);
  free(sc->lr1);
  free(sc->mask);
  free(sc->wf);
  free(sc->hit);
  free(sc->base);
  free(sc->inpeer);
  free(sc);
}

/* ---- the per-item id table ---- */

static size_t slot_of(uint32_t tag, uint32_t a, uint32_t b, size_t mask) {
  uint64_t h = ((uint64_t)a << 32 | b) * 0x9E3779B97F4A7C15ull;
  h ^= (uint64_t)tag * 0xC2B2AE3D27D4EB4Full;
  h ^= h >> 31;
  h *= 0xD6E8FEB86659FD93ull;
  h ^= h >> 32;
  return (size_t)h & mask;
}

static void table_reset(rouge_scorer *sc) {
  sc->n_ids = 0;
  if (++sc->cur_gen == 0) {
    if (sc->gen) memset(sc->gen, 0, sc->nslots * sizeof *sc->gen);
    sc->cur_gen = 1;
  }
}

static precis_status table_grow(rouge_scorer *sc) {
  size_t ns = sc->nslots ? sc->nslots * 2 : 4096;
  uint32_t *nk = malloc(ns * 3 * sizeof *nk);
  uint32_t *ni = malloc(ns * sizeof *ni);
  uint32_t *ng = calloc(ns, sizeof *ng);
  if (!nk || !ni || !ng) {
    free(nk);
    free(ni);
    free(ng);
    return PRECIS_ERR_NOMEM;
  }
  for (size_t s = 0; s < sc->nslots; s++) {
    if (sc->gen[s] != sc->cur_gen) continue;
    uint32_t *k = &sc->keys[3 * s];
    size_t t = slot_of(k[0], k[1], k[2], ns - 1);
    while (ng[t]) t = (t + 1) & (ns - 1);
    memcpy(&nk[3 * t], k, 3 * sizeof *k);
    ni[t] = sc->ids[s];
    ng[t] = 1;
  }
  free(sc->keys);
  free(sc->ids);
  free(sc->gen);
  sc->keys = nk;
  sc->ids = ni;
  sc->gen = ng;
  sc->nslots = ns;
  sc->cur_gen = 1;
  return PRECIS_OK;
}

/* cp and cm share one capacity; both grow to the same size, zeroed. */
static precis_status grow_counts(rouge_scorer *sc, size_t need) {
  if (need <= sc->cap_cnt) return PRECIS_OK;
  size_t old = sc->cap_cnt, cp = old, cm = old;
  precis_status st = vec_reserve(&sc->cp, &cp, need, sizeof *sc->cp, 4096);
  if (st != PRECIS_OK) return st;
  st = vec_reserve(&sc->cm, &cm, need, sizeof *sc->cm, 4096);
  if (st != PRECIS_OK) return st;
  memset(sc->cp + old, 0, (cp - old) * sizeof *sc->cp);
  memset(sc->cm + old, 0, (cm - old) * sizeof *sc->cm);
  sc->cap_cnt = cp;
  return PRECIS_OK;
}

static precis_status gram_id(rouge_scorer *sc, uint32_t tag, uint32_t a,
                             uint32_t b, uint32_t *id) {
  precis_status st;
  if (((size_t)sc->n_ids + 1) * 2 > sc->nslots &&
      (st = table_grow(sc)) != PRECIS_OK)
    return st;
  size_t mask = sc->nslots - 1;
  size_t s = slot_of(tag, a, b, mask);
  for (;;) {
    if (sc->gen[s] != sc->cur_gen) break;
    uint32_t *k = &sc->keys[3 * s];
    if (k[0] == tag && k[1] == a && k[2] == b) {
      *id = sc->ids[s];
      return PRECIS_OK;
    }
    s = (s + 1) & mask;
  }
  if (sc->n_ids == UINT32_MAX - 1) return PRECIS_ERR_TOO_BIG;
  if ((st = grow_counts(sc, (size_t)sc->n_ids + 1)) != PRECIS_OK) return st;
  sc->gen[s] = sc->cur_gen;
  sc->keys[3 * s] = tag;
  sc->keys[3 * s + 1] = a;
  sc->keys[3 * s + 2] = b;
  sc->ids[s] = sc->n_ids;
  *id = sc->n_ids++;
  return PRECIS_OK;
}

/* Replace the token ids of d by dense per-item unigram ids. */
static precis_status localize(rouge_scorer *sc, rouge_doc *d) {
  precis_status st;
  for (size_t i = 0; i < d->n_flat; i++)
    if ((st = gram_id(sc, TAG_UNI, d->flat[i], 0, &d->flat[i])) !=
        PRECIS_OK)
      return st;
  for (size_t i = 0; i < d->n_utok; i++)
    if ((st = gram_id(sc, TAG_UNI, d->utok[i], 0, &d->utok[i])) !=
        PRECIS_OK)
      return st;
  return PRECIS_OK;
}

static precis_status grow_gram(rouge_doc *d, size_t need) {
  if (need <= d->cap_gram) return PRECIS_OK;
  if (need > MAX_GRAMS) return PRECIS_ERR_TOO_BIG;
  return vec_reserve(&d->gram, &d->cap_gram, need, sizeof *d->gram, 256);
}

/* Move d->gram from the (level-1)-grams to the level-grams (SPEC §8). */
static precis_status ngram_level(rouge_scorer *sc, rouge_doc *d, int level) {
  precis_status st;
  if (level == 1) {
    if ((st = grow_gram(d, d->n_flat)) != PRECIS_OK) return st;
    if (d->n_flat) memcpy(d->gram, d->flat, d->n_flat * sizeof *d->gram);
    d->n_gram = d->gram_total = d->n_flat;
    return PRECIS_OK;
  }
  if (d->n_gram == 0) return PRECIS_OK;
  size_t n = d->n_gram - 1;
  for (size_t i = 0; i < n; i++) {
    st = gram_id(sc, (uint32_t)(TAG_NGRAM + level), d->gram[i],
                 d->flat[i + (size_t)level - 1], &d->gram[i]);
    if (st != PRECIS_OK) return st;
  }
  d->n_gram = d->gram_total = n;
  return PRECIS_OK;
}

/* Skip-bigrams of the flat tokens (SPEC §11): every pair (t[i], t[j]),
 * i < j <= i + gap + 1, i from 0 to T-2. Pairs with a token for which
 * useful[token] is 0 are counted but not listed (useful NULL: list all). */
static precis_status skip_grams(rouge_scorer *sc, rouge_doc *d, long gap,
                                const unsigned char *useful) {
  precis_status st;
  size_t t = d->n_flat, total = 0;
  d->n_gram = d->gram_total = 0;
  if (t < 2) return PRECIS_OK;
  for (size_t i = 0; i + 1 < t; i++) {
    size_t pairs = t - 1 - i;
    if (gap >= 0 && pairs > (size_t)gap + 1) pairs = (size_t)gap + 1;
    total += pairs;
    if (total > MAX_GRAMS) return PRECIS_ERR_TOO_BIG;
  }
  if ((st = grow_gram(d, useful ? 64 : total)) != PRECIS_OK) return st;
  size_t n = 0;
  for (size_t i = 0; i + 1 < t; i++) {
    if (useful && !useful[d->flat[i]]) continue;
    size_t jmax = t - 1;
    if (gap >= 0 && i + (size_t)gap + 1 < jmax) jmax = i + (size_t)gap + 1;
    for (size_t j = i + 1; j <= jmax; j++) {
      if (useful && !useful[d->flat[j]]) continue;
      if (n == d->cap_gram && (st = grow_gram(d, n + 1)) != PRECIS_OK)
        return st;
      st = gram_id(sc, TAG_SKIP, d->flat[i], d->flat[j], &d->gram[n++]);
      if (st != PRECIS_OK) return st;
    }
  }
  d->n_gram = n;
  d->gram_total = total;
  return PRECIS_OK;
}

/* The unigram grams of ROUGE-SU: t[0 .. T-2] (never the last token). */
static precis_status su_unigrams(rouge_doc *d) {
  size_t t = d->n_flat, n = t > 1 ? t - 1 : 0;
  precis_status st = grow_gram(d, n);
  if (st != PRECIS_OK) return st;
  if (n) memcpy(d->gram, d->flat, n * sizeof *d->gram);
  d->n_gram = d->gram_total = n;
  return PRECIS_OK;
}

static void fill(uint32_t *c, const uint32_t *g, size_t n) {
  for (size_t i = 0; i < n; i++) c[g[i]]++;
}

static void clear(uint32_t *c, const uint32_t *g, size_t n) {
  for (size_t i = 0; i < n; i++) c[g[i]] = 0;
}

/* Clipped hits of every model's gram list against the peer's. */
static void gram_hits(rouge_scorer *sc, const rouge_doc *peer,
                      const rouge_doc *models, size_t k) {
  fill(sc->cp, peer->gram, peer->n_gram);
  for (size_t j = 0; j < k; j++) {
    const rouge_doc *m = &models[j];
    uint64_t h = 0;
    for (size_t i = 0; i < m->n_gram; i++) {
      uint32_t g = m->gram[i];
      if (++sc->cm[g] <= sc->cp[g]) h++;
    }
    clear(sc->cm, m->gram, m->n_gram);
    sc->hit[j] = (double)h;
    sc->base[j] = (double)m->gram_total;
  }
  clear(sc->cp, peer->gram, peer->n_gram);
}

/* Counts of ROUGE-S (su = 0) or ROUGE-SU (su = 1) for every model into
 * sc->hit / sc->base, and the peer's count into sc->pcount. */
static precis_status skip_counts(rouge_scorer *sc, rouge_doc *peer,
                                 rouge_doc *models, size_t k, long gap,
                                 int su) {
  precis_status st;
  if ((st = skip_grams(sc, peer, gap, NULL)) != PRECIS_OK) return st;
  /* model pairs need both tokens in the peer to hit. The flags cover
   * every unigram id (all assigned by localize); gram_id may grow cp/cm
   * while the lists are built, so the flags live in their own array. */
  if (sc->n_ids > sc->cap_inpeer) {
    unsigned char *f = realloc(sc->inpeer, sc->n_ids);
    if (!f) return PRECIS_ERR_NOMEM;
    sc->inpeer = f;
    sc->cap_inpeer = sc->n_ids;
  }
  if (sc->n_ids) memset(sc->inpeer, 0, sc->n_ids);
  for (size_t i = 0; i < peer->n_flat; i++) sc->inpeer[peer->flat[i]] = 1;
  for (size_t j = 0; j < k && st == PRECIS_OK; j++)
    st = skip_grams(sc, &models[j], gap, sc->inpeer);
  if (st != PRECIS_OK) return st;
  gram_hits(sc, peer, models, k);
  sc->pcount = (double)peer->gram_total;
  if (!su) return PRECIS_OK;
  double *ph = sc->hit + k, *pb = sc->base + k;
  for (size_t j = 0; j < k; j++) {
    ph[j] = sc->hit[j];
    pb[j] = sc->base[j];
  }
  if ((st = su_unigrams(peer)) != PRECIS_OK) return st;
  for (size_t j = 0; j < k; j++)
    if ((st = su_unigrams(&models[j])) != PRECIS_OK) return st;
  gram_hits(sc, peer, models, k);
  for (size_t j = 0; j < k; j++) {
    sc->hit[j] += ph[j];
    sc->base[j] += pb[j];
  }
  sc->pcount += (double)peer->gram_total;
  return PRECIS_OK;
}

/* ---- LCS with marking (SPEC §9, §10) ---- */

static double wf(const rouge_scorer *sc, size_t k) {
  return k < sc->n_wf ? sc->wf[k] : pow((double)k, sc->wf_weight);
}

static precis_status wf_table(rouge_scorer *sc, double w, size_t upto) {
  if (sc->wf_weight == w && sc->n_wf > upto) return PRECIS_OK;
  size_t n = upto + 1 < 256 ? 256 : upto + 1;
  double *t = realloc(sc->wf, n * sizeof *t);
  if (!t) return PRECIS_ERR_NOMEM;
  for (size_t i = 0; i < n; i++) t[i] = pow((double)i, w);
  sc->wf = t;
  sc->n_wf = n;
  sc->wf_weight = w;
  return PRECIS_OK;
}

static precis_status lcs_scratch(rouge_scorer *sc, size_t m, size_t n) {
  if (m > MAX_LCS_CELLS / n) return PRECIS_ERR_TOO_BIG;
  if (m * n > sc->cap_dir) {
    unsigned char *d = realloc(sc->dir, m * n);
    if (!d) return PRECIS_ERR_NOMEM;
    sc->dir = d;
    sc->cap_dir = m * n;
  }
  if (n + 1 > sc->cap_row) {
    size_t c = n + 1 < 256 ? 256 : n + 1;
    int32_t *a = realloc(sc->ir0, c * sizeof *a);
    if (a) sc->ir0 = a;
    int32_t *b = realloc(sc->ir1, c * sizeof *b);
    if (b) sc->ir1 = b;
    double *e = realloc(sc->dr0, c * sizeof *e);
    if (e) sc->dr0 = e;
    double *f = realloc(sc->dr1, c * sizeof *f);
    if (f) sc->dr1 = f;
    uint32_t *g = realloc(sc->lr0, c * sizeof *g);
    if (g) sc->lr0 = g;
    uint32_t *h = realloc(sc->lr1, c * sizeof *h);
    if (h) sc->lr1 = h;
    if (!a || !b || !e || !f || !g || !h) return PRECIS_ERR_NOMEM;
    sc->cap_row = c;
  }
  return PRECIS_OK;
}

/* Fill the direction table of LCS(x, y); plain or weighted. */
static void lcs_table(rouge_scorer *sc, const uint32_t *x, size_t m,
                      const uint32_t *y, size_t n, int weighted) {
  if (!weighted) {
    int32_t *prev = sc->ir0, *cur = sc->ir1;
    memset(prev, 0, (n + 1) * sizeof *prev);
    for (size_t a = 1; a <= m; a++) {
      unsigned char *d = sc->dir + (a - 1) * n;
      uint32_t xa = x[a - 1];
      cur[0] = 0;
      for (size_t b = 1; b <= n; b++) {
        if (xa == y[b - 1]) {
          cur[b] = prev[b - 1] + 1;
          d[b - 1] = DIR_DIAG;
        } else if (prev[b] >= cur[b - 1]) {
          cur[b] = prev[b];
          d[b - 1] = DIR_UP;
        } else {
          cur[b] = cur[b - 1];
          d[b - 1] = DIR_LEFT;
        }
      }
      int32_t *t = prev;
      prev = cur;
      cur = t;
    }
    return;
  }
  double *prev = sc->dr0, *cur = sc->dr1;
  uint32_t *lp = sc->lr0, *lc = sc->lr1;
  for (size_t b = 0; b <= n; b++) {
    prev[b] = 0.0;
    lp[b] = 0;
  }
  for (size_t a = 1; a <= m; a++) {
    unsigned char *d = sc->dir + (a - 1) * n;
    uint32_t xa = x[a - 1];
    cur[0] = 0.0;
    lc[0] = 0;
    for (size_t b = 1; b <= n; b++) {
      if (xa == y[b - 1]) {
        uint32_t k = lp[b - 1];
        cur[b] = prev[b - 1] + wf(sc, (size_t)k + 1) - wf(sc, k);
        lc[b] = k + 1;
        d[b - 1] = DIR_DIAG;
      } else if (prev[b] >= cur[b - 1]) {
        cur[b] = prev[b];
        lc[b] = 0;
        d[b - 1] = DIR_UP;
      } else {
        cur[b] = cur[b - 1];
        lc[b] = 0;
        d[b - 1] = DIR_LEFT;
      }
    }
    double *t = prev;
    prev = cur;
    cur = t;
    uint32_t *u = lp;
    lp = lc;
    lc = u;
  }
}

/* OR the positions of x on the backtracked LCS with y into mask. */
static precis_status lcs_mark(rouge_scorer *sc, const uint32_t *x, size_t m,
                              const uint32_t *y, size_t n, int weighted,
                              unsigned char *mask) {
  if (m == 0 || n == 0) return PRECIS_OK;
  precis_status st = lcs_scratch(sc, m, n);
  if (st != PRECIS_OK) return st;
  lcs_table(sc, x, m, y, n, weighted);
  size_t a = m, b = n;
  while (a > 0 && b > 0) {
    switch (sc->dir[(a - 1) * n + (b - 1)]) {
    case DIR_DIAG:
      a--;
      b--;
      mask[a] = 1;
      break;
    case DIR_UP:
      a--;
      break;
    default:
      b--;
      break;
    }
  }
  return PRECIS_OK;
}

/* ROUGE-L (weighted = 0) or ROUGE-W hits and base of one model. */
static precis_status lcs_model(rouge_scorer *sc, const rouge_doc *peer,
                               const rouge_doc *model, int weighted,
                               double *hit_out, double *base_out) {
  precis_status st = PRECIS_OK;
  double hit = 0.0, base = 0.0;
  fill(sc->cp, peer->flat, peer->n_flat);
  fill(sc->cm, model->flat, model->n_flat);
  for (size_t u = 0; u < model->n_units && st == PRECIS_OK; u++) {
    size_t m = model->uoff[u + 1] - model->uoff[u];
    const uint32_t *x = model->utok + model->uoff[u];
    if (m + 1 > sc->cap_mask) {
      unsigned char *nm = realloc(sc->mask, m + 1);
      if (!nm) {
        st = PRECIS_ERR_NOMEM;
        break;
      }
      sc->mask = nm;
      sc->cap_mask = m + 1;
    }
    memset(sc->mask, 0, m + 1);
    base += weighted ? wf(sc, m) : (double)m;
    for (size_t v = 0; v < peer->n_units && st == PRECIS_OK; v++)
      st = lcs_mark(sc, x, m, peer->utok + peer->uoff[v],
                    peer->uoff[v + 1] - peer->uoff[v], weighted, sc->mask);
    size_t runlen = 0;
    for (size_t j = 0; j < m && st == PRECIS_OK; j++) {
      uint32_t g = x[j];
      if (!sc->mask[j] || sc->cm[g] == 0 || sc->cp[g] == 0) continue;
      if (!weighted) {
        hit += 1.0;
      } else {
        runlen++;
        if ((j + 1 < m && !sc->mask[j + 1]) || j + 1 == m) {
          hit += wf(sc, runlen);
          runlen = 0;
        }
      }
      sc->cm[g]--;
      sc->cp[g]--;
    }
  }
  clear(sc->cp, peer->flat, peer->n_flat);
  clear(sc->cm, model->flat, model->n_flat);
  *hit_out = hit;
  *base_out = base;
  return st;
}

/* ---- combining models and R/P/F (SPEC §12, §13) ---- */

static void combine(const rouge_cfg *cfg, int kind, const double *hit,
                    const double *base, size_t k, double pcount,
                    rouge_val *v) {
  double w = cfg->weight;
  double h = 0.0, m = 0.0, p = 0.0;
  if (!cfg->best) {
    for (size_t j = 0; j < k; j++) {
      h += hit[j];
      if (kind == ROUGE_KIND_W) {
        m += pow(base[j], w);
        p += pow(pcount, w);
      } else {
        m += base[j];
      }
    }
    if (kind != ROUGE_KIND_W) p = (double)k * pcount;
  } else {
    double best = -1.0;
    size_t c = 0;
    for (size_t j = 0; j < k; j++) {
      double s;
      if (kind == ROUGE_KIND_W)
        s = pow(hit[j] / base[j], 1.0 / w);
      else if (kind == ROUGE_KIND_L)
        s = base[j] != 0.0 ? hit[j] / base[j] : 0.0;
      else
        s = base[j] != 0.0 ? rouge_round5(hit[j] / base[j]) : 0.0;
      if (s > best) {
        best = s;
        c = j;
      }
    }
    h = hit[c];
    m = kind == ROUGE_KIND_W ? pow(base[c], w) : base[c];
    p = kind == ROUGE_KIND_W ? pow(pcount, w) : pcount;
  }
  if (kind == ROUGE_KIND_W) {
    v->m = m;
    v->pc = p;
    v->h = h;
    v->r = m != 0.0 ? rouge_round5(pow(h / m, 1.0 / w)) : 0.0;
    v->p = p != 0.0 ? rouge_round5(pow(h / p, 1.0 / w)) : 0.0;
    v->f = rouge_fscore(v->r, v->p, cfg->alpha);
  } else {
    rouge_rpf(h, m, p, cfg->alpha, v);
  }
}

static precis_status ensure_k(rouge_scorer *sc, size_t k) {
  if (k <= sc->cap_k) return PRECIS_OK;
  double *h = realloc(sc->hit, 2 * k * sizeof *h); /* 2nd half: S of -U */
  if (!h) return PRECIS_ERR_NOMEM;
  sc->hit = h;
  double *b = realloc(sc->base, 2 * k * sizeof *b);
  if (!b) return PRECIS_ERR_NOMEM;
  sc->base = b;
  sc->cap_k = k;
  return PRECIS_OK;
}

precis_status rouge_score_item(rouge_scorer *sc, const rouge_cfg *cfg,
                               const rouge_metric *ms, size_t n_metrics,
                               rouge_doc *peer, rouge_doc *models, size_t k,
                               rouge_val *out, size_t *bad_model) {
  precis_status st;
  if (k == 0) return PRECIS_ERR_INVALID_ARG;
  if ((st = ensure_k(sc, k)) != PRECIS_OK) return st;
  table_reset(sc);
  if ((st = localize(sc, peer)) != PRECIS_OK) return st;
  for (size_t j = 0; j < k; j++)
    if ((st = localize(sc, &models[j])) != PRECIS_OK) return st;
  int level = 0; /* n-gram level held in the docs' gram lists */
  int have_s = 0; /* sc->hit/base hold ROUGE-S counts for gap s_gap */
  long s_gap = 0;
  double s_pcount = 0.0, *s_hit = sc->hit + k, *s_base = sc->base + k;
  for (size_t mi = 0; mi < n_metrics; mi++) {
    const rouge_metric *me = &ms[mi];
    double pcount = 0.0;
    if (me->kind != ROUGE_KIND_SU) have_s = 0;
    switch (me->kind) {
    case ROUGE_KIND_N:
      if (level > me->n) level = 0;
      while (level < me->n) {
        level++;
        if ((st = ngram_level(sc, peer, level)) != PRECIS_OK) return st;
        for (size_t j = 0; j < k; j++)
          if ((st = ngram_level(sc, &models[j], level)) != PRECIS_OK)
            return st;
      }
      gram_hits(sc, peer, models, k);
      pcount = (double)peer->n_gram;
      break;
    case ROUGE_KIND_S:
    case ROUGE_KIND_SU: {
      level = 0;
      if (me->kind == ROUGE_KIND_SU && have_s && s_gap == me->gap) {
        /* -U: SU = the S pairs just counted + the unigram grams */
        for (size_t j = 0; j < k; j++) {
          s_hit[j] = sc->hit[j];
          s_base[j] = sc->base[j];
        }
        if ((st = su_unigrams(peer)) != PRECIS_OK) return st;
        for (size_t j = 0; j < k; j++)
          if ((st = su_unigrams(&models[j])) != PRECIS_OK) return st;
        gram_hits(sc, peer, models, k);
        for (size_t j = 0; j < k; j++) {
          sc->hit[j] += s_hit[j];
          sc->base[j] += s_base[j];
        }
        pcount = s_pcount + (double)peer->gram_total;
        break;
      }
      if ((st = skip_counts(sc, peer, models, k, me->gap,
                            me->kind == ROUGE_KIND_SU)) != PRECIS_OK)
        return st;
      pcount = sc->pcount;
      have_s = me->kind == ROUGE_KIND_S;
      s_gap = me->gap;
      s_pcount = pcount;
      break;
    }
    case ROUGE_KIND_L:
    case ROUGE_KIND_W: {
      int weighted = me->kind == ROUGE_KIND_W;
      if (weighted) {
        size_t longest = 0;
        for (size_t v = 0; v < peer->n_units; v++)
          if (peer->uoff[v + 1] - peer->uoff[v] > longest)
            longest = peer->uoff[v + 1] - peer->uoff[v];
        if ((st = wf_table(sc, cfg->weight, longest + 1)) != PRECIS_OK)
          return st;
      }
      for (size_t j = 0; j < k; j++) {
        st = lcs_model(sc, peer, &models[j], weighted, &sc->hit[j],
                       &sc->base[j]);
        if (st != PRECIS_OK) return st;
        if (weighted && sc->base[j] == 0.0) {
          if (bad_model) *bad_model = j;
          return PRECIS_ERR_EMPTY;
        }
      }
      pcount = (double)peer->n_flat;
      break;
    }
    default:
      return PRECIS_ERR_INVALID_ARG;
    }
    combine(cfg, me->kind, sc->hit, sc->base, k, pcount, &out[mi]);
  }
  return PRECIS_OK;
}
