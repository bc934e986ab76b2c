/* sentfeat.c — sentence features and the linear sentence prior
 * (sentfeat.h). */
#include "sentfeat.h"

#include "keyidx.h"
#include "vec.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const char *const sentfeat_names[SENTFEAT_N] = {
    "bias",     "inv_rank",    "rank0",     "rank1",         "rank2",
    "rank3",    "rank_cap10",  "rank_frac", "log_words",     "words_40",
    "content",  "word_df",     "word_tf",   "bigram_shared", "bigram_df",
    "centroid", "open_quote",  "has_quote", "has_digit",     "doc_frac",
    "inv_docs", "speech_verb", "doc_len"};

static const double S_weights[SENTFEAT_N] = {
#include "sentfeat_weights.inc"
};

/* ---- bigram document frequency ---- */

typedef struct bislot {
  uint64_t key; /* (a + 1) << 32 | (b + 1); first, for keyidx.h */
  uint32_t df, stamp;
} bislot;

/* The distinct bigrams in e[0..n), found through a keyidx: sized by the
 * distinct bigrams, not by every bigram of the cluster. */
typedef struct bitab {
  bislot *e;
  keyidx x;
  size_t n, cap; /* e holds cap */
} bitab;

static uint64_t S_key(uint32_t a, uint32_t b) {
  return ((uint64_t)a + 1) << 32 | ((uint64_t)b + 1);
}

/* The bigram key, or NULL if the cluster's selectable sentences have
 * none such. */
static const bislot *S_find(const bitab *t, uint64_t key) {
  uint32_t i = keyidx_find(&t->x, t->e, sizeof *t->e, key);
  return i == KEYIDX_NONE ? NULL : &t->e[i];
}

static int S_selectable(const sent *s) {
  return (s->flags & SENT_SELECTABLE) != 0;
}

static uint32_t S_local(const precis_cluster *c, uint32_t ti) {
  return c->local[ti];
}

/* Count, for every bigram of selectable sentences, the articles holding
 * it. */
static precis_status S_bigrams(const precis_cluster *c, bitab *t) {
  for (size_t i = 0; i < c->nsents; i++) {
    const sent *s = &c->sents[i];
    if (!S_selectable(s)) continue;
    for (uint32_t k = 1; k < s->ntok; k++) {
      uint64_t key =
          S_key(S_local(c, s->tok0 + k - 1), S_local(c, s->tok0 + k));
      if (keyidx_reserve(&t->x, t->e, sizeof *t->e) != 0)
        return PRECIS_ERR_NOMEM;
      uint32_t *slot = keyidx_slot(&t->x, t->e, sizeof *t->e, key);
      if (*slot == KEYIDX_NONE) {
        precis_status st =
            vec_reserve(&t->e, &t->cap, t->n + 1, sizeof *t->e, 1024);
        if (st != PRECIS_OK) return st;
        t->e[t->n] = (bislot){key, 0, 0};
        *slot = (uint32_t)t->n++;
        t->x.n++;
      }
      bislot *e = &t->e[*slot];
      if (e->stamp != s->doc + 1) {
        e->stamp = s->doc + 1;
        e->df++;
      }
    }
  }
  return PRECIS_OK;
}

/* said, says, told, say */
static int S_speech_verb(const precis_cluster *c, const sent *s) {
  static const char *const verb[] = {"said", "says", "told", "say", NULL};
  for (uint32_t k = 0; k < s->ntok; k++)
    if (tok_in(&c->toks[s->tok0 + k], verb)) return 1;
  return 0;
}

static int S_open_quote(const char *p, size_t n) {
  if (n == 0) return 0;
  if (p[0] == '"' || p[0] == '\'' || p[0] == '`') return 1;
  /* U+201C, U+2018 */
  return n >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
         ((unsigned char)p[2] == 0x9C || (unsigned char)p[2] == 0x98);
}

static int S_has_quote(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (p[i] == '"') return 1;
    if (i + 2 < n && (unsigned char)p[i] == 0xE2 &&
        (unsigned char)p[i + 1] == 0x80 &&
        ((unsigned char)p[i + 2] == 0x9C || (unsigned char)p[i + 2] == 0x9D))
      return 1;
  }
  return 0;
}

static int S_has_digit(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i] >= '0' && p[i] <= '9') return 1;
  return 0;
}

/* The features of every selectable sentence into f (its rows, when f is
 * not NULL) and the model's prediction into pred (when not NULL; 0 for
 * unselectable sentences). Predicting alone keeps one row at a time, not
 * SENTFEAT_N doubles a sentence. */
static precis_status S_features(const precis_cluster *c, double *f,
                                double *pred) {
  size_t ns = c->nsents, nt = c->nlocal;
  uint32_t *rank = calloc(ns + 1, sizeof *rank);
  uint32_t *dsel = calloc(c->ndocs + 1, sizeof *dsel); /* selectable */
  uint32_t *dord = calloc(c->ndocs + 1, sizeof *dord); /* doc order */
  double *tf = calloc(nt + 1, sizeof *tf);             /* centroid */
  bitab bt = {NULL, {NULL, 0, 0}, 0, 0};
  precis_status st = PRECIS_ERR_NOMEM;
  if (!rank || !dsel || !dord || !tf) goto fail;
  if ((st = S_bigrams(c, &bt)) != PRECIS_OK) goto fail;

  /* ranks among selectable sentences, articles with any, centroid */
  for (size_t i = 0; i < ns; i++) {
    const sent *s = &c->sents[i];
    if (!S_selectable(s)) continue;
    rank[i] = dsel[s->doc]++;
    for (uint32_t k = 0; k < s->nbag; k++)
      tf[s->bag_term[k]] += s->bag_count[k];
  }
  uint32_t nd = 0;
  for (size_t d = 0; d < c->ndocs; d++)
    if (dsel[d]) dord[d] = nd++;
  double cnorm = 0;
  for (size_t t = 0; t < nt; t++)
    cnorm += tf[t] * tf[t];
  cnorm = sqrt(cnorm);

  for (size_t i = 0; i < ns; i++) {
    const sent *s = &c->sents[i];
    if (!S_selectable(s)) {
      if (pred) pred[i] = 0;
      continue;
    }
    double row[SENTFEAT_N] = {0};
    double *x = f ? &f[i * SENTFEAT_N] : row;
    uint32_t r = rank[i];
    double words = s->nwords;
    /* content words: df over other articles, cluster tf */
    double nc = 0, sdf = 0, stf = 0;
    for (uint32_t k = 0; k < s->ntok; k++) {
      uint32_t l = S_local(c, s->tok0 + k);
      if (c->local_stop[l]) continue;
      nc++;
      sdf += c->df[l] > 0 ? c->df[l] - 1 : 0;
      stf += tf[l];
    }
    double shared = 0, bdf = 0;
    for (uint32_t k = 1; k < s->ntok; k++) {
      const bislot *e = S_find(
          &bt, S_key(S_local(c, s->tok0 + k - 1), S_local(c, s->tok0 + k)));
      if (e && e->df > 1) {
        shared++;
        bdf += e->df - 1;
      }
    }
    double nb = s->ntok > 1 ? s->ntok - 1 : 1, others = nd > 1 ? nd - 1 : 1;
    double dot = 0, sn = 0;
    for (uint32_t k = 0; k < s->nbag; k++) {
      dot += s->bag_count[k] * tf[s->bag_term[k]];
      sn += (double)s->bag_count[k] * s->bag_count[k];
    }
    const char *p = c->docs[s->doc].text + s->off;
    x[0] = 1;
    x[1] = 1.0 / (1 + r);
    x[2] = r == 0;
    x[3] = r == 1;
    x[4] = r == 2;
    x[5] = r == 3;
    x[6] = (r < 10 ? r : 10) / 10.0;
    x[7] = (double)r / dsel[s->doc];
    x[8] = log1p(words);
    x[9] = words / 40;
    x[10] = s->ntok ? nc / s->ntok : 0;
    x[11] = nd > 1 && nc ? sdf / nc / others : 0;
    x[12] = nc ? log1p(stf / nc) : 0;
    x[13] = nd > 1 ? shared / nb : 0;
    x[14] = nd > 1 ? bdf / others / 10 : 0;
    x[15] = sn > 0 && cnorm > 0 ? dot / sqrt(sn) / cnorm : 0;
    x[16] = S_open_quote(p, s->len);
    x[17] = S_has_quote(p, s->len);
    x[18] = S_has_digit(p, s->len);
    x[19] = nd > 1 ? (double)dord[s->doc] / (nd - 1) : 0;
    x[20] = nd ? 1.0 / nd : 0;
    x[21] = S_speech_verb(c, s);
    x[22] = log1p(dsel[s->doc]) / 3;
    if (pred) {
      double v = 0;
      for (size_t k = 0; k < SENTFEAT_N; k++)
        v += S_weights[k] * x[k];
      pred[i] = v > 0 ? v : 0;
    }
  }
  st = PRECIS_OK;
fail:
  free(rank);
  free(dsel);
  free(dord);
  free(tf);
  free(bt.e);
  keyidx_free(&bt.x);
  return st;
}

precis_status sentfeat_compute(const precis_cluster *c, double **out) {
  double *f = calloc(c->nsents * SENTFEAT_N + 1, sizeof *f);
  if (!f) return PRECIS_ERR_NOMEM;
  precis_status st = S_features(c, f, NULL);
  if (st != PRECIS_OK) {
    free(f);
    return st;
  }
  *out = f;
  return PRECIS_OK;
}

precis_status sentfeat_predict(const precis_cluster *c, double *out) {
  return S_features(c, NULL, out);
}
