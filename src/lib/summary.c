/* summary.c — precis_summarize: analyse, select, order, attribute.
 *
 * Attribution: a chosen sentence is supported by every article that has a
 * sentence whose content-term cosine with it reaches the near-duplicate
 * threshold (options.dedup_threshold, default 0.5) and that shares at
 * least three content terms with it (two for very short sentences).
 */
#include "summary.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "date.h"
#include "order.h"
#include "select.h"

/* Does o state what s states? The attribution's test: at least three
 * shared content terms (two when s has fewer than six) and a
 * content-term cosine of thr or more; the cosine, else -1 (the callers
 * take a cosine above 0). */
static double S_states(const precis_cluster *c, const sent *s, const sent *o,
                       double thr) {
  uint32_t need = s->nbag >= 6 ? 3 : 2;
  if (o->nbag < 2 || sent_shared_terms(s, o) < need) return -1;
  double cs = sent_cosine(c, s, o);
  return cs >= thr ? cs : -1;
}

/* The sentence number in article d of a sentence that states what s
 * states (S_states), or -1: the first such when `best` is 0 (does d
 * support s?), the most alike when 1 (where d states it, for the
 * order). */
static long S_match(const precis_cluster *c, const sent *s, size_t d,
                    double thr, int best) {
  if (d == s->doc) return (long)s->index;
  const doc *dd = &c->docs[d];
  long found = -1;
  double found_cos = 0;
  for (uint32_t k = 0; k < dd->nsent; k++) {
    double cs = S_states(c, s, &c->sents[dd->sent0 + k], thr);
    if (cs > found_cos) {
      found = (long)k;
      found_cos = cs;
      if (!best) break;
    }
  }
  return found;
}

/* order_drift over the articles' content terms (their sentences' bags)
 * into *out. */
static precis_status S_drift(const precis_cluster *c, double *out) {
  size_t nd = c->ndocs, total = 0;
  *out = 0.0;
  if (nd < ORDER_DRIFT_DOCS) return PRECIS_OK;
  for (size_t i = 0; i < c->nsents; i++)
    total += c->sents[i].nbag;
  uint32_t *pool = malloc(total * sizeof *pool + 1);
  uint32_t *seen = calloc(c->nlocal + 1, sizeof *seen); /* article + 1 */
  const uint32_t **terms = malloc(nd * sizeof *terms);
  size_t *nterms = malloc(nd * sizeof *nterms);
  precis_status st = PRECIS_ERR_NOMEM;
  if (pool && seen && terms && nterms) {
    size_t k = 0;
    for (size_t d = 0; d < nd; d++) {
      const doc *dd = &c->docs[d];
      terms[d] = pool + k;
      for (uint32_t i = 0; i < dd->nsent; i++) {
        const sent *x = &c->sents[dd->sent0 + i];
        for (uint32_t j = 0; j < x->nbag; j++)
          if (seen[x->bag_term[j]] != d + 1) {
            seen[x->bag_term[j]] = (uint32_t)d + 1;
            pool[k++] = x->bag_term[j];
          }
      }
      nterms[d] = (size_t)(pool + k - terms[d]);
      sort_u32(pool + (terms[d] - pool), nterms[d]);
    }
    *out = order_drift(terms, nterms, nd);
    st = PRECIS_OK;
  }
  free(pool);
  free(seen);
  free(terms);
  free(nterms);
  return st;
}

/* Majority order (order.c), from each sentence's matches in its
 * supporting articles. s->sents is in source order, kept for a story
 * followed over days, listed in date order: articles dated over days
 * (date.c) or, undated, drifting (order_drift above ORDER_DRIFT_MIN);
 * unless majority (PRECIS_OPT_OUTLETS_ORDER) forces the vote. */
static precis_status S_order(const precis_cluster *c, precis_summary *s,
                             double thr, int majority) {
  size_t nd = c->ndocs, nu = order_units(s->sents, s->n);
  if (nu < 2 || nu > ORDER_MAX_UNITS) return PRECIS_OK;
  if (!majority) {
    if (dated_over_days(c)) return PRECIS_OK;
    double drift;
    if (S_drift(c, &drift) != PRECIS_OK) return PRECIS_ERR_NOMEM;
    if (drift > ORDER_DRIFT_MIN) return PRECIS_OK;
  }
  long *match = malloc(s->n * nd * sizeof *match + 1);
  if (!match) return PRECIS_ERR_NOMEM;
  for (size_t i = 0; i < s->n; i++) {
    const precis_sentence *ps = &s->sents[i];
    const sent *x = &c->sents[c->docs[ps->doc].sent0 + ps->index];
    long *row = match + i * nd;
    for (size_t d = 0; d < nd; d++)
      row[d] = -1;
    for (size_t k = 0; k < ps->n_support; k++)
      row[ps->support[k]] = S_match(c, x, ps->support[k], thr, 1);
  }
  precis_status st = order_majority(s->sents, s->n, match, nd);
  free(match);
  return st;
}

/* SENT_OUTLET sentences unselectable (on) or selectable again (off);
 * SENT_MASKED marks the ones this run hid. */
static void S_hide_outlet_voice(precis_cluster *c, int on) {
  for (size_t i = 0; i < c->nsents; i++) {
    sent *x = &c->sents[i];
    if (on && (x->flags & SENT_OUTLET) && (x->flags & SENT_SELECTABLE))
      x->flags = (x->flags & ~SENT_SELECTABLE) | SENT_MASKED;
    else if (!on && (x->flags & SENT_MASKED))
      x->flags = (x->flags & ~SENT_MASKED) | SENT_SELECTABLE;
  }
}

static int S_by_source(const void *a, const void *b) {
  const precis_sentence *x = a, *y = b;
  if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
  return x->offset < y->offset ? -1 : x->offset > y->offset;
}

static int S_by_score(const void *a, const void *b) {
  const precis_sentence *x = a, *y = b;
  if (x->score != y->score) return x->score < y->score ? 1 : -1;
  return S_by_source(a, b);
}

precis_status precis_summarize(precis_cluster *c, const precis_options *o,
                               precis_summary **out) {
  if (!c || !out) return PRECIS_ERR_INVALID_ARG;
  *out = NULL;
  precis_options def;
  if (!o) {
    precis_options_init(&def);
    o = &def;
  }
  if (o->unit > PRECIS_BUDGET_SENTENCES || o->budget == 0 ||
      o->dedup_threshold <= 0 || o->dedup_threshold > 1)
    return PRECIS_ERR_INVALID_ARG;
  const selector *sel = selector_find(o->algorithm);
  if (!sel) return PRECIS_ERR_UNKNOWN_ALGO;
  if (c->ndocs == 0) return PRECIS_ERR_EMPTY;
  precis_status st = cluster_analyze(c, o->flags & PRECIS_OPT_NO_CLEAN);
  if (st != PRECIS_OK) return st;
  /* the outlet's own voice is hidden for this run only, unless asked for
   * (the report's exclusive list) or all there is to say */
  size_t nsel = 0, nvoice = 0;
  for (size_t i = 0; i < c->nsents; i++)
    if (c->sents[i].flags & SENT_SELECTABLE) {
      if (c->sents[i].flags & SENT_OUTLET)
        nvoice++;
      else
        nsel++;
    }
  int hide = !(o->flags & PRECIS_OPT_OUTLET_VOICE) && nsel && nvoice;
  if (hide) S_hide_outlet_voice(c, 1);
  budget b = {o->unit, o->budget, (o->flags & PRECIS_OPT_ALLOW_OVERFLOW) != 0};
  sel_result r;
  memset(&r, 0, sizeof r);
  st = nsel + nvoice ? sel->run(c, &b, &r) : PRECIS_ERR_EMPTY;
  if (hide) S_hide_outlet_voice(c, 0);
  if (st != PRECIS_OK) {
    sel_result_free(&r);
    return st;
  }

  precis_summary *s = calloc(1, sizeof *s);
  if (!s) {
    sel_result_free(&r);
    return PRECIS_ERR_NOMEM;
  }
  s->algorithm = sel->name;
  /* an empty brief says why: every quotable sentence is longer than the
   * budget (a selector that fell back has said so already) */
  s->note = r.note ? r.note : r.n ? NULL : "no sentence fits the budget";
  s->pairs = r.pairs;
  s->dedup = o->dedup_threshold;
  s->unit = o->unit;
  s->budget = o->budget;
  s->sents = calloc(r.n + 1, sizeof *s->sents);
  s->support_pool = calloc(r.n * c->ndocs + 1, sizeof *s->support_pool);
  if (!s->sents || !s->support_pool) {
    sel_result_free(&r);
    precis_summary_free(s);
    return PRECIS_ERR_NOMEM;
  }
  /* Enforce the budget whatever the selector did. */
  size_t cap = budget_capacity(&b), used = 0;
  for (size_t i = 0; i < r.n; i++) {
    const sent *x = &c->sents[r.chosen[i]];
    size_t cost = budget_cost(&b, x);
    if (used + cost > cap && !(b.overflow && used < cap)) continue;
    precis_sentence *ps = &s->sents[s->n++];
    const doc *d = &c->docs[x->doc];
    ps->text = d->text + x->off;
    ps->len = x->len;
    ps->doc = x->doc;
    ps->offset = x->off;
    ps->index = x->index;
    ps->score = r.score[i];
    size_t *sup = s->support_pool + (s->n - 1) * c->ndocs;
    size_t ns = 0;
    for (size_t dd = 0; dd < c->ndocs; dd++)
      if (S_match(c, x, dd, o->dedup_threshold, 0) >= 0)
        sup[ns++] = dd;
    ps->support = sup;
    ps->n_support = ns;
    used += cost;
  }
  sel_result_free(&r);
  qsort(s->sents, s->n, sizeof *s->sents,
        (o->flags & PRECIS_OPT_SCORE_ORDER) ? S_by_score : S_by_source);
  if (!(o->flags & (PRECIS_OPT_SCORE_ORDER | PRECIS_OPT_SOURCE_ORDER))) {
    st = S_order(c, s, o->dedup_threshold,
                 (o->flags & PRECIS_OPT_OUTLETS_ORDER) != 0);
    if (st != PRECIS_OK) {
      precis_summary_free(s);
      return st;
    }
  }
  *out = s;
  return PRECIS_OK;
}

size_t precis_summary_count(const precis_summary *s) {
  return s ? s->n : 0;
}

const precis_sentence *precis_summary_sentence(const precis_summary *s,
                                               size_t i) {
  return s && i < s->n ? &s->sents[i] : NULL;
}

const char *precis_summary_algorithm(const precis_summary *s) {
  return s ? s->algorithm : NULL;
}

const char *precis_summary_note(const precis_summary *s) {
  return s ? s->note : NULL;
}

int precis_summary_pairs_kept(const precis_summary *s) {
  return s ? s->pairs : 0;
}

long precis_summary_restated(const precis_summary *s, const precis_cluster *c,
                             size_t d, size_t offset) {
  if (!s || !c || d >= c->ndocs) return -1;
  /* an article's sentences are in text order: halve to the one at offset */
  const doc *dd = &c->docs[d];
  uint32_t lo = 0, hi = dd->nsent;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (c->sents[dd->sent0 + mid].off < offset)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == dd->nsent || c->sents[dd->sent0 + lo].off != offset) return -1;
  const sent *o = &c->sents[dd->sent0 + lo];
  long found = -1;
  double found_cos = 0;
  for (size_t i = 0; i < s->n; i++) {
    const precis_sentence *ps = &s->sents[i];
    if (ps->doc == d && ps->offset == offset) return (long)i;
    if (ps->doc >= c->ndocs || ps->index >= c->docs[ps->doc].nsent) continue;
    const sent *x = &c->sents[c->docs[ps->doc].sent0 + ps->index];
    double cs = S_states(c, x, o, s->dedup);
    if (cs > found_cos) {
      found = (long)i;
      found_cos = cs;
    }
  }
  return found;
}

void precis_summary_free(precis_summary *s) {
  if (!s) return;
  free(s->sents);
  free(s->support_pool);
  free(s);
}
