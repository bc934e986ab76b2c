/* report.c — the cross-source report: brief, "only in X", quote ledger,
 * coverage and disagreements (docs/report.md).
 *
 * The brief is precis_summarize under the caller's options. "Only in X"
 * reuses the same selector and the same attribution: the cluster is
 * summarized a second time with a budget of every selectable sentence (at
 * most RANK_MAX), which ranks the non-redundant sentences by the brief's
 * own scores and lists, for each, the articles that state it; a sentence
 * stated by its own article alone is exclusive to it, and each article
 * keeps its PRECIS_REPORT_EXCLUSIVE_MAX best of those the brief does not
 * hold already (the brief marks its own: "1 of 5 outlets"). The quote ledger is
 * quotes.c, the disagreements disagree.c; coverage is read off the
 * brief's attribution when rendering (report_render.c).
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#define RANK_MAX 250 /* sentences ranked for "only in X" */

static int S_by_score(const void *a, const void *b) {
  const precis_sentence *x = a, *y = b;
  if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
  if (x->score != y->score) return x->score < y->score ? 1 : -1;
  return x->offset < y->offset ? -1 : x->offset > y->offset;
}

/* 1 if the brief holds the sentence at ps's place. */
static int S_in_brief(const precis_report *r, const precis_sentence *ps) {
  for (size_t i = 0; i < precis_summary_count(r->brief); i++) {
    const precis_sentence *b = precis_summary_sentence(r->brief, i);
    if (b->doc == ps->doc && b->offset == ps->offset) return 1;
  }
  return 0;
}

static precis_status S_exclusive(precis_report *r, precis_cluster *c,
                                 const precis_options *o) {
  size_t nsel = 0;
  for (size_t i = 0; i < c->nsents; i++)
    nsel += (c->sents[i].flags & SENT_SELECTABLE) != 0;
  r->excl_start = arena_calloc(&r->mem, c->ndocs + 1, sizeof *r->excl_start);
  r->excl_count = arena_calloc(&r->mem, c->ndocs + 1, sizeof *r->excl_count);
  if (!r->excl_start || !r->excl_count) return PRECIS_ERR_NOMEM;
  if (c->ndocs < 2 || nsel == 0) return PRECIS_OK;
  precis_options ro = *o;
  ro.unit = PRECIS_BUDGET_SENTENCES;
  ro.budget = nsel < RANK_MAX ? nsel : RANK_MAX;
  ro.flags &= ~(PRECIS_OPT_ALLOW_OVERFLOW | PRECIS_OPT_SCORE_ORDER);
  ro.flags |= PRECIS_OPT_SOURCE_ORDER | PRECIS_OPT_OUTLET_VOICE;
  precis_status st = precis_summarize(c, &ro, &r->rank);
  if (st != PRECIS_OK) return st;
  size_t n = precis_summary_count(r->rank), k = 0;
  precis_sentence *v = arena_calloc(&r->mem, n + 1, sizeof *v);
  if (!v) return PRECIS_ERR_NOMEM;
  for (size_t i = 0; i < n; i++) {
    const precis_sentence *ps = precis_summary_sentence(r->rank, i);
    if (ps->n_support == 1 && !S_in_brief(r, ps)) v[k++] = *ps;
  }
  qsort(v, k, sizeof *v, S_by_score);
  /* keep the best few of each article, packed by article */
  size_t out = 0;
  for (size_t i = 0; i < k; i++) {
    size_t d = v[i].doc;
    if (r->excl_count[d] == 0) r->excl_start[d] = out;
    if (r->excl_count[d] >= PRECIS_REPORT_EXCLUSIVE_MAX) continue;
    v[out++] = v[i];
    r->excl_count[d]++;
  }
  r->excl = v;
  return PRECIS_OK;
}

precis_status precis_report_build(precis_cluster *c, const precis_options *o,
                                  precis_report **out) {
  if (!c || !out) return PRECIS_ERR_INVALID_ARG;
  *out = NULL;
  precis_options def;
  if (!o) {
    precis_options_init(&def);
    o = &def;
  }
  precis_report *r = calloc(1, sizeof *r);
  if (!r) return PRECIS_ERR_NOMEM;
  arena_init(&r->mem, 64 * 1024);
  precis_status st = precis_summarize(c, o, &r->brief);
  if (st != PRECIS_OK) goto fail;
  r->ndocs = c->ndocs;
  st = S_exclusive(r, c, o);
  if (st != PRECIS_OK) goto fail;
  st = quotes_build(c, &r->mem, &r->quotes);
  if (st != PRECIS_OK) goto fail;
  if (c->ndocs >= 2) {
    st = disagree_find(c, &r->mem, &r->dis);
    if (st != PRECIS_OK) goto fail;
  }
  *out = r;
  return PRECIS_OK;
fail:
  precis_report_free(r);
  return st;
}

void precis_report_free(precis_report *r) {
  if (!r) return;
  precis_summary_free(r->brief);
  precis_summary_free(r->rank);
  quotes_free(&r->quotes);
  arena_free(&r->mem);
  free(r);
}

const precis_summary *precis_report_summary(const precis_report *r) {
  return r ? r->brief : NULL;
}

size_t precis_report_outlet_count(const precis_report *r) {
  return r ? r->ndocs : 0;
}

size_t precis_report_exclusive_count(const precis_report *r, size_t di) {
  return r && di < r->ndocs ? r->excl_count[di] : 0;
}

const precis_sentence *precis_report_exclusive(const precis_report *r,
                                               size_t di, size_t k) {
  if (!r || di >= r->ndocs || k >= r->excl_count[di]) return NULL;
  return &r->excl[r->excl_start[di] + k];
}

size_t precis_report_quote_group_count(const precis_report *r) {
  return r ? r->quotes.ngroups : 0;
}

const precis_quote_group *precis_report_quote_group(const precis_report *r,
                                                    size_t i) {
  return r && i < r->quotes.ngroups ? &r->quotes.groups[i] : NULL;
}

size_t precis_report_quotes_skipped(const precis_report *r) {
  return r ? r->quotes.skipped_long : 0;
}

size_t precis_report_disagreement_count(const precis_report *r) {
  return r ? r->dis.n : 0;
}

const precis_disagreement *precis_report_disagreement(const precis_report *r,
                                                      size_t i) {
  return r && i < r->dis.n ? &r->dis.items[i] : NULL;
}
