/* rouge.c — the public ROUGE-1.5.5 evaluator (include/precis.h).
 *
 * SPEC §1 (options), §2.3 (instance keys), §15 (grouping per system),
 * §16 (output). An evaluator holds the options, the lexicon and the list
 * of scored instances. precis_rouge_add scores an instance at once (only
 * its per-metric values are kept: rounded R/P/F and raw counts), so
 * memory stays small for large corpora. precis_rouge_compute groups the
 * instances by peer id, sorts each group's keys byte-wise and runs the
 * bootstrap of rouge_boot.c. Rendering reproduces ROUGE-1.5.5's report:
 *
 *   ---------------------------------------------
 *   <peer> <metric> Average_R: 0.12345 (95%-conf.int. 0.11111 - 0.13333)
 *   ... Average_P ..., Average_F ...
 *   .............................................     (with -d)
 *   <peer> <metric> Eval <key> R:0.12345 P:0.12345 F:0.12345
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "rouge.h"
#include "vec.h"

typedef struct item {
  const char *eval, *peer, *key;
} item;

struct precis_rouge {
  precis_rouge_options opt;
  rouge_lex lex;
  rouge_scorer *sc;
  rouge_cfg cfg;
  rouge_metric *metrics;
  size_t n_metrics;
  /* scratch */
  rouge_units units;
  rouge_doc peer;
  rouge_doc *models;
  size_t cap_models;
  /* instances */
  arena names;
  item *items;
  rouge_val *vals; /* n_items * n_metrics */
  size_t n_items, cap_items;
  /* results of precis_rouge_compute */
  int computed;
  size_t *order;   /* item indices, by peer id then key */
  size_t n_peers;
  size_t *group;   /* n_peers + 1 offsets into order */
  rouge_avg *avgs; /* n_peers * n_metrics */
  char err[512];
};

/* ---- options ---- */

void precis_rouge_options_init(precis_rouge_options *o) {
  memset(o, 0, sizeof *o);
  o->lcs = 1;
  o->word_limit = -1;
  o->byte_limit = -1;
  o->alpha = 0.5;
  o->resamples = 1000;
  o->confidence = 95.0;
}

static int parse_long(const char *s, long *out) {
  if (!s || !*s || isspace((unsigned char)*s)) return 0;
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || *end) return 0;
  *out = v;
  return 1;
}

static int parse_double(const char *s, double *out) {
  if (!s || !*s || isspace((unsigned char)*s)) return 0;
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (errno || *end || !isfinite(v)) return 0;
  *out = v;
  return 1;
}

static int set_text(char *dst, const char *s) {
  size_t l = strlen(s);
  if (l >= PRECIS_ROUGE_TAG_MAX) return 0;
  memcpy(dst, s, l + 1);
  return 1;
}

int precis_rouge_flag_arity(const char *flag) {
  if (!flag || flag[0] != '-' || !flag[1] || flag[2]) return -1;
  switch (flag[1]) {
  case 'm':
  case 's':
  case 'x':
  case 'u':
  case 'U':
    return 0;
  case 'n':
  case 'l':
  case 'b':
  case 'w':
  case '2':
  case 'f':
  case 'p':
  case 't':
  case 'r':
  case 'c':
    return 1;
  default:
    return -1;
  }
}

precis_status precis_rouge_options_set(precis_rouge_options *o,
                                       const char *flag, const char *value) {
  long l;
  double d;
  int arity = precis_rouge_flag_arity(flag);
  if (!o || arity < 0 || (arity == 1 && !value))
    return PRECIS_ERR_INVALID_ARG;
  switch (flag[1]) {
  case 'm':
    o->stem = 1;
    return PRECIS_OK;
  case 's':
    o->stopwords = 1;
    return PRECIS_OK;
  case 'x':
    o->lcs = 0;
    return PRECIS_OK;
  case 'u':
    o->skip_mode = 1;
    return PRECIS_OK;
  case 'U':
    if (o->skip_mode != 1) o->skip_mode = 2;
    return PRECIS_OK;
  case 'n':
    if (!parse_long(value, &l) || l < 0 || l > 64)
      return PRECIS_ERR_INVALID_ARG;
    o->ngram = (int)l;
    return PRECIS_OK;
  case 'l':
  case 'b':
    if (!parse_long(value, &l) || l < 0) return PRECIS_ERR_INVALID_ARG;
    if (flag[1] == 'l')
      o->word_limit = l;
    else
      o->byte_limit = l;
    return PRECIS_OK;
  case 'w':
    if (!parse_double(value, &d) || d <= 0.0 ||
        !set_text(o->weight_text, value))
      return PRECIS_ERR_INVALID_ARG;
    o->weight = d;
    return PRECIS_OK;
  case '2':
    if (!parse_long(value, &l) || !set_text(o->gap_text, value))
      return PRECIS_ERR_INVALID_ARG;
    o->skip = 1;
    o->skip_gap = l;
    return PRECIS_OK;
  case 'f':
    o->best = strcmp(value, "B") == 0; /* anything else acts as A */
    return PRECIS_OK;
  case 'p':
    if (!parse_double(value, &d) || d < 0.0 || d > 1.0)
      return PRECIS_ERR_INVALID_ARG;
    o->alpha = d;
    return PRECIS_OK;
  case 't':
    if (!parse_double(value, &d)) return PRECIS_ERR_INVALID_ARG;
    o->count_mode = d == 1.0 ? 1 : d == 2.0 ? 2 : 0;
    return PRECIS_OK;
  case 'r':
    if (!parse_long(value, &l) || l < 1 || l > 100000000)
      return PRECIS_ERR_INVALID_ARG;
    o->resamples = l;
    return PRECIS_OK;
  case 'c':
    if (!parse_double(value, &d) || d < 0.0 || d > 100.0 ||
        !set_text(o->confidence_text, value))
      return PRECIS_ERR_INVALID_ARG;
    o->confidence = d;
    return PRECIS_OK;
  default:
    return PRECIS_ERR_INVALID_ARG;
  }
}

static void weight_tag(const precis_rouge_options *o, char *s, size_t n) {
  if (o->weight_text[0])
    snprintf(s, n, "%s", o->weight_text);
  else
    snprintf(s, n, "%g", o->weight);
}

static void gap_tag(const precis_rouge_options *o, char *s, size_t n) {
  if (o->gap_text[0])
    snprintf(s, n, "%s", o->gap_text);
  else
    snprintf(s, n, "%ld", o->skip_gap);
}

static void conf_tag(const precis_rouge_options *o, char *s, size_t n) {
  if (o->confidence_text[0])
    snprintf(s, n, "%s", o->confidence_text);
  else
    snprintf(s, n, "%g", o->confidence);
}

char *precis_rouge_options_string(const precis_rouge_options *o) {
  buf b = BUF_INIT;
  char t[PRECIS_ROUGE_TAG_MAX + 8];
  int bad = 0;
  if (o->ngram > 0) bad |= buf_printf(&b, " -n %d", o->ngram) != PRECIS_OK;
  if (o->stem) bad |= buf_puts(&b, " -m") != PRECIS_OK;
  if (o->stopwords) bad |= buf_puts(&b, " -s") != PRECIS_OK;
  if (!o->lcs) bad |= buf_puts(&b, " -x") != PRECIS_OK;
  if (o->word_limit >= 0)
    bad |= buf_printf(&b, " -l %ld", o->word_limit) != PRECIS_OK;
  if (o->byte_limit >= 0)
    bad |= buf_printf(&b, " -b %ld", o->byte_limit) != PRECIS_OK;
  if (o->weight > 0.0) {
    weight_tag(o, t, sizeof t);
    bad |= buf_printf(&b, " -w %s", t) != PRECIS_OK;
  }
  if (o->skip) {
    gap_tag(o, t, sizeof t);
    bad |= buf_printf(&b, " -2 %s", t) != PRECIS_OK;
    if (o->skip_mode == 1) bad |= buf_puts(&b, " -u") != PRECIS_OK;
    if (o->skip_mode == 2) bad |= buf_puts(&b, " -U") != PRECIS_OK;
  }
  conf_tag(o, t, sizeof t);
  bad |= buf_printf(&b, " -c %s -r %ld -f %c -p %g -t %d", t, o->resamples,
                    o->best ? 'B' : 'A', o->alpha, o->count_mode) !=
         PRECIS_OK;
  if (bad) {
    buf_free(&b);
    return NULL;
  }
  size_t len;
  char *s = buf_detach(&b, &len);
  if (s && len) memmove(s, s + 1, len); /* drop the leading space */
  return s;
}

/* ---- evaluator ---- */

static precis_status add_metric(precis_rouge *r, int kind, int n, long gap,
                                const char *name) {
  rouge_metric *nm =
      realloc(r->metrics, (r->n_metrics + 1) * sizeof *r->metrics);
  if (!nm) return PRECIS_ERR_NOMEM;
  r->metrics = nm;
  rouge_metric *m = &nm[r->n_metrics++];
  m->kind = kind;
  m->n = n;
  m->gap = gap;
  snprintf(m->name, sizeof m->name, "%s", name);
  return PRECIS_OK;
}

static precis_status build_metrics(precis_rouge *r) {
  const precis_rouge_options *o = &r->opt;
  char name[64], t[PRECIS_ROUGE_TAG_MAX + 8];
  precis_status st = PRECIS_OK;
  for (int n = 1; n <= o->ngram && st == PRECIS_OK; n++) {
    snprintf(name, sizeof name, "ROUGE-%d", n);
    st = add_metric(r, ROUGE_KIND_N, n, 0, name);
  }
  if (st == PRECIS_OK && o->lcs)
    st = add_metric(r, ROUGE_KIND_L, 0, 0, "ROUGE-L");
  if (st == PRECIS_OK && o->weight > 0.0) {
    weight_tag(o, t, sizeof t);
    snprintf(name, sizeof name, "ROUGE-W-%s", t);
    st = add_metric(r, ROUGE_KIND_W, 0, 0, name);
  }
  if (st == PRECIS_OK && o->skip) {
    if (o->skip_gap < 0)
      snprintf(t, sizeof t, "*");
    else
      gap_tag(o, t, sizeof t);
    if (o->skip_mode != 1) {
      snprintf(name, sizeof name, "ROUGE-S%s", t);
      st = add_metric(r, ROUGE_KIND_S, 0, o->skip_gap, name);
    }
    if (st == PRECIS_OK && o->skip_mode != 0) {
      snprintf(name, sizeof name, "ROUGE-SU%s", t);
      st = add_metric(r, ROUGE_KIND_SU, 0, o->skip_gap, name);
    }
  }
  return st;
}

precis_status precis_rouge_new(const precis_rouge_options *o,
                               precis_rouge **out) {
  precis_status st;
  if (!o || !out) return PRECIS_ERR_INVALID_ARG;
  *out = NULL;
  if ((o->word_limit >= 0 && o->byte_limit >= 0) || o->ngram < 0 ||
      o->alpha < 0.0 || o->alpha > 1.0 || o->confidence < 0.0 ||
      o->confidence > 100.0 || o->weight < 0.0 || o->resamples < 1 ||
      o->count_mode < 0 || o->count_mode > 2 || o->skip_mode < 0 ||
      o->skip_mode > 2)
    return PRECIS_ERR_INVALID_ARG;
  precis_rouge *r = calloc(1, sizeof *r);
  if (!r) return PRECIS_ERR_NOMEM;
  r->opt = *o;
  r->opt.stopword_list = NULL; /* not kept: loaded below */
  r->opt.exception_table = NULL;
  r->opt.weight_text[PRECIS_ROUGE_TAG_MAX - 1] = '\0';
  r->opt.gap_text[PRECIS_ROUGE_TAG_MAX - 1] = '\0';
  r->opt.confidence_text[PRECIS_ROUGE_TAG_MAX - 1] = '\0';
  r->cfg.best = o->best;
  r->cfg.alpha = o->alpha;
  r->cfg.weight = o->weight;
  arena_init(&r->names, 16 * 1024);
  st = rouge_lex_init(&r->lex, o->stem, o->stopwords, o->stopword_list,
                      o->stopword_list_len, o->exception_table,
                      o->exception_table_len);
  if (st != PRECIS_OK) {
    arena_free(&r->names);
    free(r);
    return st;
  }
  r->sc = rouge_scorer_new();
  if (!r->sc) {
    precis_rouge_free(r);
    return PRECIS_ERR_NOMEM;
  }
  if ((st = build_metrics(r)) != PRECIS_OK) {
    precis_rouge_free(r);
    return st;
  }
  *out = r;
  return PRECIS_OK;
}

static void drop_results(precis_rouge *r) {
  free(r->order);
  free(r->group);
  free(r->avgs);
  r->order = r->group = NULL;
  r->avgs = NULL;
  r->n_peers = 0;
  r->computed = 0;
}

void precis_rouge_free(precis_rouge *r) {
  if (!r) return;
  drop_results(r);
  rouge_lex_free(&r->lex);
  rouge_scorer_free(r->sc);
  free(r->metrics);
  free(r->units.u);
  rouge_doc_free(&r->peer);
  for (size_t j = 0; j < r->cap_models; j++) rouge_doc_free(&r->models[j]);
  free(r->models);
  arena_free(&r->names);
  free(r->items);
  free(r->vals);
  free(r);
}

const char *precis_rouge_error(const precis_rouge *r) {
  return r ? r->err : "";
}

static precis_status read_doc(precis_rouge *r, rouge_doc *d,
                              precis_rouge_format fmt, const char *text,
                              size_t len) {
  precis_status st = rouge_split_units((int)fmt, text, len, &r->units);
  if (st != PRECIS_OK) return st;
  return rouge_doc_build(d, &r->lex, r->units.u, r->units.n,
                         r->opt.word_limit, r->opt.byte_limit);
}

/* Room for one more item: items and its row of w values in vals (one
 * capacity for both). */
static precis_status grow_items(precis_rouge *r) {
  size_t need = r->n_items + 1, ci = r->cap_items, cv = r->cap_items;
  size_t w = r->n_metrics ? r->n_metrics : 1;
  precis_status st = vec_reserve(&r->items, &ci, need, sizeof *r->items, 64);
  if (st != PRECIS_OK) return st;
  st = vec_reserve(&r->vals, &cv, need, w * sizeof *r->vals, 64);
  if (st != PRECIS_OK) return st;
  r->cap_items = ci;
  return PRECIS_OK;
}

precis_status precis_rouge_add(precis_rouge *r, const char *eval_id,
                               const char *peer_id, precis_rouge_format fmt,
                               const char *peer, size_t peer_len,
                               const char *const *models,
                               const size_t *model_lens, size_t n_models) {
  precis_status st;
  if (!r || !eval_id || !peer_id || (!peer && peer_len) || n_models == 0 ||
      !models || !model_lens || fmt < PRECIS_ROUGE_SPL ||
      fmt > PRECIS_ROUGE_ISI)
    return PRECIS_ERR_INVALID_ARG;
  r->err[0] = '\0';
  drop_results(r);
  if (n_models > r->cap_models) {
    rouge_doc *nm = realloc(r->models, n_models * sizeof *nm);
    if (!nm) return PRECIS_ERR_NOMEM;
    memset(nm + r->cap_models, 0,
           (n_models - r->cap_models) * sizeof *nm);
    r->models = nm;
    r->cap_models = n_models;
  }
  if ((st = grow_items(r)) != PRECIS_OK) return st;
  if ((st = read_doc(r, &r->peer, fmt, peer ? peer : "", peer_len)) !=
      PRECIS_OK)
    return st;
  for (size_t j = 0; j < n_models; j++) {
    if (!models[j] && model_lens[j]) return PRECIS_ERR_INVALID_ARG;
    st = read_doc(r, &r->models[j], fmt, models[j] ? models[j] : "",
                  model_lens[j]);
    if (st != PRECIS_OK) return st;
  }
  size_t bad = 0;
  rouge_val *row = r->vals + r->n_items * r->n_metrics;
  st = rouge_score_item(r->sc, &r->cfg, r->metrics, r->n_metrics, &r->peer,
                        r->models, n_models, row, &bad);
  if (st == PRECIS_ERR_EMPTY) {
    char which[32];
    snprintf(which, sizeof which, "%zu", bad + 1);
    snprintf(r->err, sizeof r->err,
             "ROUGE-W: reference %s of %.200s.%.200s has no tokens "
             "(ROUGE-1.5.5 dies on this input)",
             which, eval_id, peer_id);
    return st;
  }
  if (st == PRECIS_ERR_TOO_BIG) {
    snprintf(r->err, sizeof r->err, "%.200s.%.200s: texts too long to score",
             eval_id, peer_id);
    return st;
  }
  if (st != PRECIS_OK) return st;
  size_t el = strlen(eval_id), pl = strlen(peer_id);
  item *it = &r->items[r->n_items];
  it->eval = arena_strndup(&r->names, eval_id, el);
  it->peer = arena_strndup(&r->names, peer_id, pl);
  char *key = arena_alloc(&r->names, el + pl + 2);
  if (!it->eval || !it->peer || !key) return PRECIS_ERR_NOMEM;
  memcpy(key, eval_id, el);
  key[el] = '.';
  memcpy(key + el + 1, peer_id, pl + 1);
  it->key = key;
  r->n_items++;
  return PRECIS_OK;
}

/* What the sorts look at, so the comparators need no context. */
typedef struct sref {
  const char *peer, *key;
  size_t idx;
} sref;

static int cmp_order(const void *a, const void *b) {
  const sref *x = a, *y = b;
  int c = strcmp(x->peer, y->peer);
  return c ? c : strcmp(x->key, y->key);
}

/* Sort idx[0..n) of r's items with cmp (through sref copies). */
static precis_status sort_idx(const precis_rouge *r, size_t *idx, size_t n,
                              int (*cmp)(const void *, const void *)) {
  sref *s = malloc((n ? n : 1) * sizeof *s);
  if (!s) return PRECIS_ERR_NOMEM;
  for (size_t i = 0; i < n; i++) {
    s[i].peer = r->items[idx[i]].peer;
    s[i].key = r->items[idx[i]].key;
    s[i].idx = idx[i];
  }
  qsort(s, n, sizeof *s, cmp);
  for (size_t i = 0; i < n; i++) idx[i] = s[i].idx;
  free(s);
  return PRECIS_OK;
}

precis_status precis_rouge_compute(precis_rouge *r) {
  precis_status st = PRECIS_OK;
  const rouge_val **rows = NULL;
  if (!r) return PRECIS_ERR_INVALID_ARG;
  drop_results(r);
  size_t n = r->n_items;
  r->order = malloc((n ? n : 1) * sizeof *r->order);
  r->group = malloc((n + 1) * sizeof *r->group);
  rows = malloc((n ? n : 1) * sizeof *rows);
  if (!r->order || !r->group || !rows) {
    st = PRECIS_ERR_NOMEM;
    goto done;
  }
  for (size_t i = 0; i < n; i++) r->order[i] = i;
  if ((st = sort_idx(r, r->order, n, cmp_order)) != PRECIS_OK) goto done;
  r->group[0] = 0;
  for (size_t i = 0; i < n; i++) {
    const item *it = &r->items[r->order[i]];
    if (i > 0) {
      const item *pv = &r->items[r->order[i - 1]];
      if (strcmp(pv->peer, it->peer) != 0) {
        r->group[++r->n_peers] = i;
      } else if (strcmp(pv->key, it->key) == 0) {
        snprintf(r->err, sizeof r->err, "duplicate instance key '%.400s'",
                 it->key);
        st = PRECIS_ERR_INVALID_ARG;
        goto done;
      }
    }
  }
  if (n > 0) r->group[++r->n_peers] = n;
  size_t nm = r->n_metrics;
  r->avgs = calloc(r->n_peers * nm + 1, sizeof *r->avgs);
  if (!r->avgs) {
    st = PRECIS_ERR_NOMEM;
    goto done;
  }
  for (size_t p = 0; p < r->n_peers && st == PRECIS_OK; p++) {
    size_t g0 = r->group[p], gn = r->group[p + 1] - g0;
    for (size_t i = 0; i < gn; i++)
      rows[i] = r->vals + r->order[g0 + i] * nm;
    st = rouge_bootstrap(rows, gn, nm, r->opt.resamples,
                         r->opt.confidence, r->opt.count_mode,
                         r->opt.alpha, r->avgs + p * nm);
  }
done:
  free(rows);
  if (st == PRECIS_OK)
    r->computed = 1;
  else {
    char keep[sizeof r->err];
    memcpy(keep, r->err, sizeof keep);
    drop_results(r);
    memcpy(r->err, keep, sizeof keep);
  }
  return st;
}

/* ---- accessors ---- */

size_t precis_rouge_metric_count(const precis_rouge *r) {
  return r ? r->n_metrics : 0;
}

const char *precis_rouge_metric_name(const precis_rouge *r, size_t m) {
  return r && m < r->n_metrics ? r->metrics[m].name : NULL;
}

size_t precis_rouge_peer_count(const precis_rouge *r) {
  return r && r->computed ? r->n_peers : 0;
}

const char *precis_rouge_peer_id(const precis_rouge *r, size_t p) {
  if (!r || !r->computed || p >= r->n_peers) return NULL;
  return r->items[r->order[r->group[p]]].peer;
}

precis_status precis_rouge_average(const precis_rouge *r, size_t p,
                                   size_t m, precis_rouge_score *out) {
  if (!r || !out || !r->computed || p >= r->n_peers || m >= r->n_metrics)
    return PRECIS_ERR_INVALID_ARG;
  const rouge_avg *a = &r->avgs[p * r->n_metrics + m];
  memset(out, 0, sizeof *out);
  if (r->opt.count_mode == 2) {
    out->m_count = a->sum[0];
    out->p_count = a->sum[1];
    out->h_count = a->sum[2];
    return PRECIS_OK;
  }
  out->r = a->v[0];
  out->p = a->v[1];
  out->f = a->v[2];
  out->r_low = a->lo[0];
  out->r_high = a->hi[0];
  out->p_low = a->lo[1];
  out->p_high = a->hi[1];
  out->f_low = a->lo[2];
  out->f_high = a->hi[2];
  return PRECIS_OK;
}

size_t precis_rouge_item_count(const precis_rouge *r) {
  return r ? r->n_items : 0;
}

const char *precis_rouge_item_eval(const precis_rouge *r, size_t i) {
  return r && i < r->n_items ? r->items[i].eval : NULL;
}

const char *precis_rouge_item_peer(const precis_rouge *r, size_t i) {
  return r && i < r->n_items ? r->items[i].peer : NULL;
}

precis_status precis_rouge_item(const precis_rouge *r, size_t i, size_t m,
                                precis_rouge_score *out) {
  if (!r || !out || i >= r->n_items || m >= r->n_metrics)
    return PRECIS_ERR_INVALID_ARG;
  const rouge_val *v = &r->vals[i * r->n_metrics + m];
  out->r = out->r_low = out->r_high = v->r;
  out->p = out->p_low = out->p_high = v->p;
  out->f = out->f_low = out->f_high = v->f;
  out->m_count = v->m;
  out->p_count = v->pc;
  out->h_count = v->h;
  return PRECIS_OK;
}

/* ---- rendering (SPEC §16) ---- */

/* -d order: by leading integer when both keys start with a digit, else
 * byte order; ties by byte order. */
static int cmp_detail(const void *a, const void *b) {
  const char *x = ((const sref *)a)->key;
  const char *y = ((const sref *)b)->key;
  if (isdigit((unsigned char)x[0]) && isdigit((unsigned char)y[0])) {
    const char *xs = x, *ys = y;
    while (*xs == '0' && isdigit((unsigned char)xs[1])) xs++;
    while (*ys == '0' && isdigit((unsigned char)ys[1])) ys++;
    size_t xl = 0, yl = 0;
    while (isdigit((unsigned char)xs[xl])) xl++;
    while (isdigit((unsigned char)ys[yl])) yl++;
    if (xl != yl) return xl < yl ? -1 : 1;
    int c = memcmp(xs, ys, xl);
    if (c) return c;
  }
  return strcmp(x, y);
}

static const char dashes[] = "---------------------------------------------";
static const char dots[] = ".............................................";

/* Perl's default number format (integers print as integers). */
static void count_str(double x, char *s, size_t n) {
  snprintf(s, n, "%.15g", x);
}

static precis_status render_text(const precis_rouge *r, unsigned flags,
                                 const size_t *det, buf *b) {
  char conf[PRECIS_ROUGE_TAG_MAX + 8];
  static const char comp[3] = {'R', 'P', 'F'};
  conf_tag(&r->opt, conf, sizeof conf);
  int t = r->opt.count_mode;
  for (size_t p = 0; p < r->n_peers; p++) {
    size_t g0 = r->group[p], g1 = r->group[p + 1];
    const char *pid = r->items[r->order[g0]].peer;
    for (size_t m = 0; m < r->n_metrics; m++) {
      const rouge_avg *a = &r->avgs[p * r->n_metrics + m];
      const char *mn = r->metrics[m].name;
      precis_status st = buf_printf(b, "%s\n", dashes);
      if (st) return st;
      if (t == 2) {
        char c0[40], c1[40], c2[40];
        count_str(trunc(a->sum[0]), c0, sizeof c0);
        count_str(trunc(a->sum[1]), c1, sizeof c1);
        count_str(trunc(a->sum[2]), c2, sizeof c2);
        st = buf_printf(b, "%s %s M_count: %s P_count: %s H_count: %s\n",
                        pid, mn, c0, c1, c2);
        if (st) return st;
      } else {
        for (int c = 0; c < 3 && !st; c++)
          st = buf_printf(b,
                          "%s %s Average_%c: %7.5f "
                          "(%s%%-conf.int. %7.5f - %7.5f)\n",
                          pid, mn, comp[c], a->v[c], conf, a->lo[c],
                          a->hi[c]);
        if (st) return st;
      }
      if (!(flags & PRECIS_ROUGE_RENDER_ITEMS)) continue;
      if ((st = buf_printf(b, "%s\n", dots))) return st;
      for (size_t i = g0; i < g1; i++) {
        const item *it = &r->items[det[i]];
        const rouge_val *v = &r->vals[det[i] * r->n_metrics + m];
        if (t == 0) {
          st = buf_printf(b, "%s %s Eval %s R:%7.5f P:%7.5f F:%7.5f\n", pid,
                          mn, it->key, v->r, v->p, v->f);
        } else {
          char c0[40], c1[40], c2[40];
          count_str(v->m, c0, sizeof c0);
          count_str(v->pc, c1, sizeof c1);
          count_str(v->h, c2, sizeof c2);
          st = buf_printf(b, "%s %s Eval %s R:%s P:%s F:%s\n", pid, mn,
                          it->key, c0, c1, c2);
        }
        if (st) return st;
      }
    }
  }
  return PRECIS_OK;
}

static precis_status json_str(buf *b, const char *s) {
  precis_status st = buf_putc(b, '"');
  if (!st) st = buf_put_json_str(b, s, strlen(s));
  if (!st) st = buf_putc(b, '"');
  return st;
}

static precis_status json_metric_item(buf *b, int t, const rouge_val *v) {
  precis_status st =
      buf_printf(b, "{\"R\":%.5f,\"P\":%.5f,\"F\":%.5f", v->r, v->p, v->f);
  if (!st && t != 0) {
    char c0[40], c1[40], c2[40];
    count_str(v->m, c0, sizeof c0);
    count_str(v->pc, c1, sizeof c1);
    count_str(v->h, c2, sizeof c2);
    st = buf_printf(b, ",\"M_count\":%s,\"P_count\":%s,\"H_count\":%s", c0,
                    c1, c2);
  }
  if (!st) st = buf_putc(b, '}');
  return st;
}

static precis_status render_json(const precis_rouge *r, const size_t *det,
                                 buf *b) {
  char conf[PRECIS_ROUGE_TAG_MAX + 8];
  precis_status st;
  int t = r->opt.count_mode;
  char *opts = precis_rouge_options_string(&r->opt);
  if (!opts) return PRECIS_ERR_NOMEM;
  conf_tag(&r->opt, conf, sizeof conf);
  st = buf_puts(b, "{\"options\":");
  if (!st) st = json_str(b, opts);
  free(opts);
  if (!st) st = buf_puts(b, ",\"confidence\":");
  if (!st) st = json_str(b, conf);
  if (!st)
    st = buf_printf(b, ",\"resamples\":%ld,\"count_mode\":%d,\"systems\":[",
                    r->opt.resamples, t);
  for (size_t p = 0; p < r->n_peers && !st; p++) {
    size_t g0 = r->group[p], g1 = r->group[p + 1];
    st = buf_puts(b, p ? ",\n{\"peer\":" : "\n{\"peer\":");
    if (!st) st = json_str(b, r->items[r->order[g0]].peer);
    if (!st) st = buf_printf(b, ",\"instances\":%zu,\"average\":{", g1 - g0);
    for (size_t m = 0; m < r->n_metrics && !st; m++) {
      const rouge_avg *a = &r->avgs[p * r->n_metrics + m];
      if (m) st = buf_putc(b, ',');
      if (!st) st = json_str(b, r->metrics[m].name);
      if (st) break;
      if (t == 2) {
        char c0[40], c1[40], c2[40];
        count_str(trunc(a->sum[0]), c0, sizeof c0);
        count_str(trunc(a->sum[1]), c1, sizeof c1);
        count_str(trunc(a->sum[2]), c2, sizeof c2);
        st = buf_printf(b, ":{\"M_count\":%s,\"P_count\":%s,\"H_count\":%s}",
                        c0, c1, c2);
      } else {
        st = buf_printf(b,
                        ":{\"R\":%.5f,\"P\":%.5f,\"F\":%.5f,"
                        "\"R_ci\":[%.5f,%.5f],\"P_ci\":[%.5f,%.5f],"
                        "\"F_ci\":[%.5f,%.5f]}",
                        a->v[0], a->v[1], a->v[2], a->lo[0], a->hi[0],
                        a->lo[1], a->hi[1], a->lo[2], a->hi[2]);
      }
    }
    if (!st) st = buf_puts(b, "},\"items\":[");
    for (size_t i = g0; i < g1 && !st; i++) {
      const item *it = &r->items[det[i]];
      st = buf_puts(b, i > g0 ? ",\n{\"eval\":" : "\n{\"eval\":");
      if (!st) st = json_str(b, it->eval);
      if (!st) st = buf_puts(b, ",\"key\":");
      if (!st) st = json_str(b, it->key);
      for (size_t m = 0; m < r->n_metrics && !st; m++) {
        st = buf_putc(b, ',');
        if (!st) st = json_str(b, r->metrics[m].name);
        if (!st) st = buf_putc(b, ':');
        if (!st)
          st = json_metric_item(b, t, &r->vals[det[i] * r->n_metrics + m]);
      }
      if (!st) st = buf_putc(b, '}');
    }
    if (!st) st = buf_puts(b, "]}");
  }
  if (!st) st = buf_puts(b, "\n]}\n");
  return st;
}

char *precis_rouge_render(const precis_rouge *r, unsigned flags,
                          size_t *len) {
  if (len) *len = 0;
  if (!r || !r->computed) return NULL;
  buf b = BUF_INIT;
  size_t n = r->n_items;
  size_t *det = malloc((n ? n : 1) * sizeof *det);
  if (!det) return NULL;
  memcpy(det, r->order, n * sizeof *det);
  precis_status st = PRECIS_OK;
  for (size_t p = 0; p < r->n_peers && st == PRECIS_OK; p++)
    st = sort_idx(r, det + r->group[p], r->group[p + 1] - r->group[p],
                  cmp_detail);
  if (st == PRECIS_OK)
    st = (flags & PRECIS_ROUGE_RENDER_JSON) ? render_json(r, det, &b)
                                             : render_text(r, flags, det, &b);
  free(det);
  if (st == PRECIS_OK && !b.ptr) st = buf_puts(&b, "");
  if (st != PRECIS_OK) {
    buf_free(&b);
    return NULL;
  }
  return buf_detach(&b, len);
}
