/* rouge.h — internals of the ROUGE-1.5.5 module (src/lib/rouge*.c).
 *
 * The public API is the "rouge" section of include/precis.h; this header
 * only connects the pieces, which follow /work/shared/rouge/SPEC.md
 * (a copy of its rules is summarized in docs/rouge.md):
 *
 *   rouge_stem.c   Porter stemmer as ROUGE applies it (SPEC §6.2)
 *   rouge_lex.c    string tables, stopwords, exception table, the
 *                  piece -> token cache (SPEC §5-§7)
 *   rouge_text.c   units of a file, -l/-b limits, tokens (SPEC §3-§5)
 *   rouge_score.c  per-item ROUGE-N/L/W/S/SU, -f A|B, R/P/F (SPEC §8-§13)
 *   rouge_boot.c   rounding, bootstrap averages and intervals (SPEC §13,
 *                  §15)
 *   rouge.c        the public evaluator, options and rendering (SPEC §1,
 *                  §16)
 */
#ifndef PRECIS_ROUGE_H
#define PRECIS_ROUGE_H

#include <stddef.h>
#include <stdint.h>

#include "precis.h"

/* ---- rouge_stem.c ---- */

/* Stem the lowercase [a-z0-9] word w[0..len) in place (SPEC §6.2) and
 * return the new length. w needs room for len + 1 bytes (step 1b may add
 * an 'e' after removing at least two bytes, so len bytes always suffice).
 * Words shorter than 3 bytes are returned unchanged. */
size_t rouge_porter(char *w, size_t len);

/* ---- rouge_lex.c ---- */

/* An open-addressing map from byte strings to int32 values. Keys are
 * copied into a pool. Entry indices are stable and dense (0, 1, ...). */
typedef struct rouge_strtab {
  uint32_t *slots; /* entry index + 1; 0 = empty */
  size_t nslots;   /* power of two */
  struct rouge_strent *ent;
  size_t n, cap;
  char *pool;
  size_t pool_len, pool_cap;
} rouge_strtab;

void rouge_strtab_init(rouge_strtab *t);
void rouge_strtab_free(rouge_strtab *t);
/* Entry index of key s[0..len), or -1. */
long rouge_strtab_find(const rouge_strtab *t, const char *s, size_t len);
/* Insert s with value val unless present. *index gets the entry index;
 * an existing entry keeps its value unless `replace` is set. */
precis_status rouge_strtab_put(rouge_strtab *t, const char *s, size_t len,
                               int32_t val, int replace, size_t *index);
int32_t rouge_strtab_val(const rouge_strtab *t, size_t index);
const char *rouge_strtab_key(const rouge_strtab *t, size_t index,
                             size_t *len);

typedef struct rouge_lex {
  int stem;            /* -m */
  int stop;            /* -s */
  rouge_strtab stops;  /* stopword -> 0 */
  rouge_strtab exc;    /* inflected -> index into exc_val */
  rouge_strtab excval; /* base forms (values of exc) */
  rouge_strtab vocab;  /* final token text -> token id (= entry index) */
  rouge_strtab cache;  /* cleaned piece -> token id, or -1 if dropped */
  char *scratch;       /* stemming buffer */
  size_t scratch_cap;
} rouge_lex;

/* Load the built-in lists, or the given file contents (SPEC §6.1, §7). */
precis_status rouge_lex_init(rouge_lex *lx, int stem, int stop,
                             const char *stopwords, size_t stopwords_len,
                             const char *exceptions, size_t exceptions_len);
void rouge_lex_free(rouge_lex *lx);
/* Token id of the piece p[0..len) (a lowercase [a-z0-9]+ run), after
 * stopword removal and stemming; -1 when the piece is dropped. */
precis_status rouge_lex_token(rouge_lex *lx, const char *p, size_t len,
                              int32_t *id);
/* The text of token id (for tests and debugging). */
const char *rouge_lex_text(const rouge_lex *lx, int32_t id, size_t *len);

/* ---- rouge_text.c ---- */

typedef struct rouge_unit {
  const char *p;
  size_t len;
} rouge_unit;

typedef struct rouge_units {
  rouge_unit *u;
  size_t n, cap;
} rouge_units;

/* Split file contents into units (SPEC §3). fmt is a precis_rouge_format.
 * The units point into text. */
precis_status rouge_split_units(int fmt, const char *text, size_t len,
                                rouge_units *out);

/* One file after limits and tokenization (SPEC §4, §5): the flat token
 * sequence, and the unit list (tokens of unit i are
 * utok[uoff[i] .. uoff[i+1])). Token values are ids from rouge_lex, later
 * replaced in place by per-item dense ids (rouge_score.c). */
typedef struct rouge_doc {
  uint32_t *flat;
  size_t n_flat, cap_flat;
  uint32_t *utok;
  size_t n_utok, cap_utok;
  size_t *uoff; /* n_units + 1 entries */
  size_t n_units, cap_uoff;
  uint32_t *gram; /* scratch gram list (rouge_score.c) */
  size_t n_gram, cap_gram;
  size_t gram_total; /* grams counted (the list may omit useless ones) */
} rouge_doc;

void rouge_doc_free(rouge_doc *d);
/* Build d from units: word limit wl and byte limit bl (-1 = none; at most
 * one of them set). */
precis_status rouge_doc_build(rouge_doc *d, rouge_lex *lx,
                              const rouge_unit *units, size_t n, long wl,
                              long bl);

/* ---- rouge_score.c ---- */

enum rouge_kind {
  ROUGE_KIND_N = 0,  /* ROUGE-n */
  ROUGE_KIND_L = 1,  /* ROUGE-L */
  ROUGE_KIND_W = 2,  /* ROUGE-W-w */
  ROUGE_KIND_S = 3,  /* ROUGE-Sd */
  ROUGE_KIND_SU = 4  /* ROUGE-SUd */
};

typedef struct rouge_metric {
  int kind;
  int n;      /* ROUGE-N order */
  long gap;   /* skip gap; < 0 = unlimited */
  char name[64];
} rouge_metric;

/* The scoring options the per-item code needs. */
typedef struct rouge_cfg {
  int best;      /* -f B */
  double alpha;  /* -p */
  double weight; /* -w */
} rouge_cfg;

/* One item's value for one metric: the rounded R/P/F as doubles (num of
 * the printed strings) and the raw counts M, P, H (SPEC §13, §14). */
typedef struct rouge_val {
  double r, p, f;
  double m, pc, h;
} rouge_val;

typedef struct rouge_scorer rouge_scorer;

rouge_scorer *rouge_scorer_new(void);
void rouge_scorer_free(rouge_scorer *sc);
/* Score one peer against k models for every metric. On
 * PRECIS_ERR_EMPTY (ROUGE-W with a model of weighted length 0, SPEC §17)
 * *bad_model is the model's index. PRECIS_ERR_TOO_BIG when an LCS table
 * would be unreasonably large. Docs are modified (dense ids). */
precis_status rouge_score_item(rouge_scorer *sc, const rouge_cfg *cfg,
                               const rouge_metric *ms, size_t n_metrics,
                               rouge_doc *peer, rouge_doc *models, size_t k,
                               rouge_val *out, size_t *bad_model);

/* ---- rouge_boot.c ---- */

/* num(round5(x)): the double nearest to printf("%.5f", x) (SPEC §13). */
double rouge_round5(double x);
/* R, P, F from hits and counts (SPEC §13); R/P are 0 for a 0 count. */
void rouge_rpf(double h, double m, double p, double alpha, rouge_val *v);
/* F from already-rounded r and p. */
double rouge_fscore(double r, double p, double alpha);

/* System-level result of one metric for one peer (SPEC §15). */
typedef struct rouge_avg {
  double v[3];          /* printed averages R, P, F (rounded) */
  double lo[3], hi[3];  /* interval ends (rounded) */
  double sum[3];        /* -t 2: sums of M, P, H */
} rouge_avg;

/* rows[i] is the metric array of the i-th instance in sorted key order.
 * tmode is -t. out has n_metrics entries. */
precis_status rouge_bootstrap(const rouge_val *const *rows, size_t n,
                              size_t n_metrics, long resamples, double cf,
                              int tmode, double alpha, rouge_avg *out);

#endif
