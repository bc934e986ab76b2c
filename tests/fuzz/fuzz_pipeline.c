/* fuzz_pipeline.c — libFuzzer target for the whole text path: normalize,
 * clean, split, tokenize, select, attribute, render.
 *
 * The first byte picks options (budget unit, overflow, no-clean,
 * algorithm); the rest is split at 0x00 bytes into up to 8 articles, so
 * the fuzzer controls cluster shape as well as text (the cmark-fuzz idea of
 * options from leading bytes). Checks the library invariants: every
 * sentence is an in-bounds span of its article, support includes the
 * source, and the budget holds; each article's parts (precis_cluster_parts)
 * are in-bounds, in text order and do not overlap, a part without a
 * reason is a sentence, and an ilp-pos brief keeps its pairs (a sentence
 * that needs the one before or after is in it only with that one, and a
 * stranded one never); precis_summary_restated gives a brief sentence
 * its own number, and any other sentence a brief sentence that cites
 * its article. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "precis.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct walk {
  size_t end, len;
  const precis_summary *s; /* the brief, when ilp-pos made it (pairs) */
  const precis_summary *brief; /* the brief, any selector */
  const precis_cluster *c;
  size_t doc;
  int prev_in, prev_after; /* the last sentence: in the brief; needs next */
} walk;

static int S_in_brief(const walk *w, size_t off) {
  for (size_t i = 0; w->s && i < precis_summary_count(w->s); i++) {
    const precis_sentence *x = precis_summary_sentence(w->s, i);
    if (x->doc == w->doc && x->offset == off) return 1;
  }
  return 0;
}

static int S_part(const precis_part *p, void *ctx) {
  walk *w = ctx;
  if (p->offset < w->end || p->offset + p->len > w->len || p->len == 0) abort();
  if ((p->why == NULL) != (p->kind == PRECIS_PART_SENTENCE)) abort();
  if (p->kind != PRECIS_PART_SENTENCE && (p->before || p->after || p->stranded))
    abort();
  w->end = p->offset + p->len;
  if (p->kind == PRECIS_PART_BOILERPLATE) return 0;
  /* a brief sentence is its own; another states one that cites it */
  long k = precis_summary_restated(w->brief, w->c, w->doc, p->offset);
  const precis_sentence *x =
      k >= 0 ? precis_summary_sentence(w->brief, (size_t)k) : NULL;
  if (k >= 0 && !x) abort();
  for (size_t i = 0; w->brief && i < precis_summary_count(w->brief); i++) {
    const precis_sentence *y = precis_summary_sentence(w->brief, i);
    if (y->doc == w->doc && y->offset == p->offset && k != (long)i) abort();
  }
  if (x && !(x->doc == w->doc && x->offset == p->offset)) {
    int cites = 0;
    for (size_t j = 0; j < x->n_support; j++)
      cites |= x->support[j] == w->doc;
    if (!cites) abort();
  }
  /* ilp-pos keeps its pairs: a sentence that needs its neighbour is in
   * the brief only with it, and a stranded one never */
  int in = S_in_brief(w, p->offset);
  if (in && (p->stranded || (p->before && !w->prev_in))) abort();
  if (w->prev_after && w->prev_in && !in) abort();
  w->prev_in = in;
  w->prev_after = p->after != NULL;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1 || size > (1 << 16)) return 0;
  unsigned opt = data[0];
  data++;
  size--;
  precis_cluster *c = precis_cluster_new();
  if (!c) return 0;
  size_t from = 0;
  for (size_t i = 0; i <= size; i++) {
    if (i == size || data[i] == 0) {
      precis_cluster_add(c, (const char *)data + from, i - from, NULL);
      from = i + 1;
      if (precis_cluster_doc_count(c) >= 8) break;
    }
  }
  precis_options o;
  precis_options_init(&o);
  o.unit = (precis_budget_unit)(opt % 3);
  o.budget = 1 + (opt >> 2) % 7 * (o.unit == PRECIS_BUDGET_BYTES ? 60 : 12);
  if (opt & 0x40) o.flags |= PRECIS_OPT_ALLOW_OVERFLOW;
  if (opt & 0x80) o.flags |= PRECIS_OPT_NO_CLEAN;
  size_t nalg = 0;
  while (precis_algorithm_name(nalg)) nalg++;
  o.algorithm = precis_algorithm_name((opt >> 3) % nalg);
  precis_summary *s = NULL;
  if (precis_summarize(c, &o, &s) == PRECIS_OK) {
    size_t words = 0, n = precis_summary_count(s), last = 0, maxc = 0;
    for (size_t i = 0; i < n; i++) {
      const precis_sentence *ps = precis_summary_sentence(s, i);
      size_t dl;
      const char *dt = precis_cluster_doc_text(c, ps->doc, &dl);
      if (ps->offset + ps->len > dl || ps->text != dt + ps->offset) abort();
      int self = 0;
      for (size_t k = 0; k < ps->n_support; k++)
        self |= ps->support[k] == ps->doc;
      if (!self) abort();
      last = (o.unit == PRECIS_BUDGET_BYTES) ? ps->len + (i ? 1 : 0)
             : (o.unit == PRECIS_BUDGET_SENTENCES) ? 1 : 0;
      if (o.unit == PRECIS_BUDGET_WORDS) {
        int in = 0;
        for (size_t k = 0; k < ps->len; k++) {
          int sp = ps->text[k] == ' ' || ps->text[k] == '\n';
          if (!sp && !in) last++;
          in = !sp;
        }
      }
      words += last;
      /* dropping a sentence from a brief of several drops a separator
       * too, whichever place it has in the output */
      size_t drop = o.unit == PRECIS_BUDGET_BYTES ? ps->len + (n > 1) : last;
      if (drop > maxc) maxc = drop;
    }
    if (!(o.flags & PRECIS_OPT_ALLOW_OVERFLOW) && words > o.budget) abort();
    /* with overflow, one sentence (the last added) may cross the budget */
    if ((o.flags & PRECIS_OPT_ALLOW_OVERFLOW) && n && words - maxc >= o.budget)
      abort();
    for (int f = 0; f < 4; f++) {
      char *r = precis_summary_render(s, c, (precis_format)f, "id", NULL);
      free(r);
    }
  }
  int pairs = precis_summary_pairs_kept(s);
  for (size_t d = 0; d < precis_cluster_doc_count(c); d++) {
    walk w = {0, 0, pairs ? s : NULL, s, c, d, 0, 0};
    precis_cluster_doc_text(c, d, &w.len);
    /* refused only when precis_summarize did not analyse (no article) */
    precis_cluster_parts(c, d, S_part, &w);
  }
  precis_summary_free(s);
  precis_cluster_free(c);
  return 0;
}
