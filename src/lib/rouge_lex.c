/* rouge_lex.c — ROUGE's lexicon: stopwords, the stemming exception table
 * and the interning of tokens.
 *
 * SPEC §5-§7. A "piece" is a maximal run of [a-z0-9] in lowercased text.
 * Each distinct piece is resolved once and cached:
 *   1. -s: a piece equal to a stopword list entry is dropped (before
 *      stemming; entries with ' or . can never match);
 *   2. -m: a piece longer than 3 bytes is replaced by its exception-table
 *      value when it is a key (the value is used as is), else by its
 *      Porter stem (rouge_stem.c);
 *   3. the resulting text is interned: equal texts get equal token ids.
 * The lists are the generated arrays of rouge_data.inc (from data/rouge/,
 * see tools/gen_rouge_data.sh) unless the caller passes file contents
 * (-e DIR): one stopword per line, and "inflected<TAB>base" lines.
 */
#include <stdlib.h>
#include <string.h>

#include "rouge.h"
#include "vec.h"

#include "rouge_data.inc"

struct rouge_strent {
  size_t off;
  size_t len;
  uint64_t hash;
  int32_t val;
};

static uint64_t hash_bytes(const char *s, size_t len) {
  uint64_t h = 1469598103934665603ull; /* FNV-1a */
  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ull;
  }
  return h ^ (h >> 29);
}

void rouge_strtab_init(rouge_strtab *t) { memset(t, 0, sizeof *t); }

void rouge_strtab_free(rouge_strtab *t) {
  free(t->slots);
  free(t->ent);
  free(t->pool);
  memset(t, 0, sizeof *t);
}

static long find_slot(const rouge_strtab *t, const char *s, size_t len,
                      uint64_t h, size_t *slot) {
  size_t mask = t->nslots - 1;
  size_t i = (size_t)h & mask;
  for (;;) {
    uint32_t e = t->slots[i];
    if (e == 0) {
      *slot = i;
      return -1;
    }
    const struct rouge_strent *en = &t->ent[e - 1];
    if (en->hash == h && en->len == len &&
        (len == 0 || memcmp(t->pool + en->off, s, len) == 0)) {
      *slot = i;
      return (long)(e - 1);
    }
    i = (i + 1) & mask;
  }
}

long rouge_strtab_find(const rouge_strtab *t, const char *s, size_t len) {
  if (t->nslots == 0) return -1;
  size_t slot;
  return find_slot(t, s, len, hash_bytes(s, len), &slot);
}

static precis_status rehash(rouge_strtab *t) {
  size_t ns = t->nslots ? t->nslots * 2 : 64;
  uint32_t *sl = calloc(ns, sizeof *sl);
  if (!sl) return PRECIS_ERR_NOMEM;
  for (size_t e = 0; e < t->n; e++) {
    size_t i = (size_t)t->ent[e].hash & (ns - 1);
    while (sl[i]) i = (i + 1) & (ns - 1);
    sl[i] = (uint32_t)(e + 1);
  }
  free(t->slots);
  t->slots = sl;
  t->nslots = ns;
  return PRECIS_OK;
}

precis_status rouge_strtab_put(rouge_strtab *t, const char *s, size_t len,
                               int32_t val, int replace, size_t *index) {
  precis_status st;
  if (t->n >= UINT32_MAX - 1) return PRECIS_ERR_TOO_BIG;
  if ((t->n + 1) * 2 > t->nslots && (st = rehash(t)) != PRECIS_OK)
    return st;
  uint64_t h = hash_bytes(s, len);
  size_t slot;
  long e = find_slot(t, s, len, h, &slot);
  if (e >= 0) {
    if (replace) t->ent[e].val = val;
    if (index) *index = (size_t)e;
    return PRECIS_OK;
  }
  if ((st = vec_reserve(&t->ent, &t->cap, t->n + 1, sizeof *t->ent, 64)) !=
      PRECIS_OK)
    return st;
  if (len >= SIZE_MAX - t->pool_len) return PRECIS_ERR_TOO_BIG;
  if ((st = vec_reserve(&t->pool, &t->pool_cap, t->pool_len + len + 1, 1,
                        4096)) != PRECIS_OK)
    return st;
  struct rouge_strent *en = &t->ent[t->n];
  en->off = t->pool_len;
  en->len = len;
  en->hash = h;
  en->val = val;
  if (len) memcpy(t->pool + t->pool_len, s, len);
  t->pool[t->pool_len + len] = '\0';
  t->pool_len += len + 1;
  t->slots[slot] = (uint32_t)(t->n + 1);
  if (index) *index = t->n;
  t->n++;
  return PRECIS_OK;
}

int32_t rouge_strtab_val(const rouge_strtab *t, size_t index) {
  return t->ent[index].val;
}

const char *rouge_strtab_key(const rouge_strtab *t, size_t index,
                             size_t *len) {
  if (len) *len = t->ent[index].len;
  return t->pool + t->ent[index].off;
}

/* ---- loading the lists ---- */

static precis_status add_exception(rouge_lex *lx, const char *k, size_t kl,
                                   const char *v, size_t vl) {
  size_t vi;
  precis_status st = rouge_strtab_put(&lx->excval, v, vl, 0, 0, &vi);
  if (st != PRECIS_OK) return st;
  /* a later line for the same key wins, as in a rebuilt key/value db */
  return rouge_strtab_put(&lx->exc, k, kl, (int32_t)vi, 1, NULL);
}

/* Split text into lines at LF (a missing final LF still ends a line);
 * call fn for each line. Empty lines are skipped. */
static precis_status load_lines(rouge_lex *lx, const char *text, size_t len,
                                int tsv) {
  size_t i = 0;
  while (i < len) {
    const char *nl = memchr(text + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - text) : len;
    const char *line = text + i;
    size_t ll = e - i;
    i = e + 1;
    if (ll == 0) continue;
    precis_status st;
    if (tsv) {
      const char *tab = memchr(line, '\t', ll);
      if (!tab) return PRECIS_ERR_PARSE;
      size_t kl = (size_t)(tab - line);
      st = add_exception(lx, line, kl, tab + 1, ll - kl - 1);
    } else {
      st = rouge_strtab_put(&lx->stops, line, ll, 0, 0, NULL);
    }
    if (st != PRECIS_OK) return st;
  }
  return PRECIS_OK;
}

precis_status rouge_lex_init(rouge_lex *lx, int stem, int stop,
                             const char *stopwords, size_t stopwords_len,
                             const char *exceptions, size_t exceptions_len) {
  precis_status st = PRECIS_OK;
  memset(lx, 0, sizeof *lx);
  lx->stem = stem;
  lx->stop = stop;
  rouge_strtab_init(&lx->stops);
  rouge_strtab_init(&lx->exc);
  rouge_strtab_init(&lx->excval);
  rouge_strtab_init(&lx->vocab);
  rouge_strtab_init(&lx->cache);
  if (stop) {
    if (stopwords) {
      st = load_lines(lx, stopwords, stopwords_len, 0);
    } else {
      size_t n = sizeof rouge_stopwords / sizeof rouge_stopwords[0];
      for (size_t i = 0; i < n && st == PRECIS_OK; i++)
        st = rouge_strtab_put(&lx->stops, rouge_stopwords[i],
                              strlen(rouge_stopwords[i]), 0, 0, NULL);
    }
    if (st != PRECIS_OK) goto fail;
  }
  if (stem) {
    if (exceptions) {
      st = load_lines(lx, exceptions, exceptions_len, 1);
    } else {
      size_t n = sizeof rouge_exceptions / sizeof rouge_exceptions[0];
      for (size_t i = 0; i < n && st == PRECIS_OK; i++)
        st = add_exception(lx, rouge_exceptions[i][0],
                           strlen(rouge_exceptions[i][0]),
                           rouge_exceptions[i][1],
                           strlen(rouge_exceptions[i][1]));
    }
    if (st != PRECIS_OK) goto fail;
  }
  return PRECIS_OK;
fail:
  rouge_lex_free(lx);
  return st;
}

void rouge_lex_free(rouge_lex *lx) {
  rouge_strtab_free(&lx->stops);
  rouge_strtab_free(&lx->exc);
  rouge_strtab_free(&lx->excval);
  rouge_strtab_free(&lx->vocab);
  rouge_strtab_free(&lx->cache);
  free(lx->scratch);
  lx->scratch = NULL;
  lx->scratch_cap = 0;
}

/* Resolve a piece not seen before (steps 1-3 of the module comment). */
static precis_status resolve(rouge_lex *lx, const char *p, size_t len,
                             int32_t *id) {
  size_t vi;
  precis_status st;
  if (lx->stop && rouge_strtab_find(&lx->stops, p, len) >= 0) {
    *id = -1;
    return PRECIS_OK;
  }
  const char *text = p;
  size_t tl = len;
  if (lx->stem && len > 3) {
    long e = rouge_strtab_find(&lx->exc, p, len);
    if (e >= 0) {
      text = rouge_strtab_key(&lx->excval,
                              (size_t)rouge_strtab_val(&lx->exc, (size_t)e),
                              &tl);
    } else {
      if (len + 1 > lx->scratch_cap) {
        char *ns = realloc(lx->scratch, len + 1);
        if (!ns) return PRECIS_ERR_NOMEM;
        lx->scratch = ns;
        lx->scratch_cap = len + 1;
      }
      memcpy(lx->scratch, p, len);
      tl = rouge_porter(lx->scratch, len);
      text = lx->scratch;
    }
  }
  if (lx->vocab.n >= (size_t)INT32_MAX) return PRECIS_ERR_TOO_BIG;
  st = rouge_strtab_put(&lx->vocab, text, tl, (int32_t)lx->vocab.n, 0, &vi);
  if (st != PRECIS_OK) return st;
  *id = (int32_t)vi;
  return PRECIS_OK;
}

precis_status rouge_lex_token(rouge_lex *lx, const char *p, size_t len,
                              int32_t *id) {
  long e = rouge_strtab_find(&lx->cache, p, len);
  if (e >= 0) {
    *id = rouge_strtab_val(&lx->cache, (size_t)e);
    return PRECIS_OK;
  }
  precis_status st = resolve(lx, p, len, id);
  if (st != PRECIS_OK) return st;
  return rouge_strtab_put(&lx->cache, p, len, *id, 0, NULL);
}

const char *rouge_lex_text(const rouge_lex *lx, int32_t id, size_t *len) {
  if (id < 0 || (size_t)id >= lx->vocab.n) return NULL;
  return rouge_strtab_key(&lx->vocab, (size_t)id, len);
}
