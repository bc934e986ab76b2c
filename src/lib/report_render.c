/* report_render.c — a cross-source report as text, Markdown, JSON or HTML.
 *
 * All formats carry the same five sections in the same order: the brief
 * (each sentence with its supporting outlets and a corroboration count),
 * "only in X", the quote ledger, coverage (outlets x brief sentences and
 * each outlet's share of the brief) and disagreements, then the sources.
 * Sections that compare outlets say so when the cluster has only one.
 * Outlets are numbered from 1 everywhere, as in the brief's renderings.
 *
 * text:      plain sections for a terminal; the ledger lists statements
 *            quoted by two or more outlets in full and counts the rest.
 * markdown:  the same with headings, a coverage table and block quotes.
 * json:      every group and figure; schema "precis-report/1", described
 *            field by field in docs/report.md. JSONL: the same on one line.
 * html:      one self-contained page (inline CSS, no script, no external
 *            resource): source chips, the ledger, a coverage heatmap and
 *            the disagreements side by side. Sections carry data-count
 *            attributes equal to the JSON counts so tests can check a
 *            browser's DOM against the JSON.
 */
#include <string.h>

#include "buf.h"
#include "cluster.h"
#include "render.h"
#include "report.h"
#include "summary.h"

#define TRY(x)                                                                 \
  do {                                                                         \
    if ((st = (x)) != PRECIS_OK) goto fail;                                    \
  } while (0)

static const char *const k_kinds[] = {"direct", "reported", "transcript"};

typedef struct rctx {
  buf *b;
  const precis_report *r;
  const precis_cluster *c;
  const char *id;
  int pretty;
} rctx;

static const char *S_text(const precis_cluster *c, size_t di, size_t off) {
  size_t n;
  const char *t = precis_cluster_doc_text(c, di, &n);
  return t + off;
}

/* Cross-outlet groups: statements quoted by two or more outlets. */
static size_t S_cross_groups(const precis_report *r) {
  size_t n = 0;
  for (size_t i = 0; i < r->quotes.ngroups; i++)
    n += r->quotes.groups[i].n_outlets >= 2;
  return n;
}

/* Brief sentences that article d supports. */
static size_t S_supported(const precis_summary *s, size_t d) {
  size_t n = 0;
  for (size_t i = 0; i < s->n; i++)
    for (size_t k = 0; k < s->sents[i].n_support; k++)
      n += s->sents[i].support[k] == d;
  return n;
}

static int S_supports(const precis_sentence *ps, size_t d) {
  for (size_t k = 0; k < ps->n_support; k++)
    if (ps->support[k] == d) return 1;
  return 0;
}

static double S_share(const precis_summary *s, size_t d) {
  return s->n ? (double)S_supported(s, d) / (double)s->n : 0.0;
}

/* Outlets among a group's variants, in article order. */
static precis_status S_group_outlets(buf *b, const precis_quote_group *g,
                                     const char *sep) {
  precis_status st = PRECIS_OK;
  size_t k = 0;
  for (size_t v = 0; v < g->n_variants && st == PRECIS_OK; v++) {
    if (v && g->variants[v]->doc == g->variants[v - 1]->doc) continue;
    st = buf_printf(b, "%s%zu", k++ ? sep : "", g->variants[v]->doc + 1);
  }
  return st;
}

static const char *S_one_outlet_note(void) {
  return "needs at least two outlets; this cluster has one";
}

/* ================= text ================= */

static precis_status S_render_text(rctx *x) {
  buf *b = x->b;
  const precis_report *r = x->r;
  const precis_cluster *c = x->c;
  const precis_summary *s = r->brief;
  size_t nd = r->ndocs;
  char tmp[32];
  precis_status st = PRECIS_OK;
  TRY(buf_printf(b, "BRIEF (%zu sentences, %zu outlets)\n", s->n, nd));
  for (size_t i = 0; i < s->n; i++) {
    const precis_sentence *ps = &s->sents[i];
    TRY(buf_printf(b, "%zu. ", i + 1));
    TRY(render_put_flat(b, ps->text, ps->len));
    TRY(buf_puts(b, " ["));
    TRY(render_support_list(b, ps, 0));
    TRY(buf_printf(b, "] (%zu of %zu outlets)\n", ps->n_support, nd));
  }
  TRY(buf_puts(b, "\nONLY IN ONE OUTLET\n"));
  if (nd < 2) {
    TRY(buf_printf(b, "(%s)\n", S_one_outlet_note()));
  } else {
    size_t any = 0;
    for (size_t d = 0; d < nd; d++) {
      size_t n = precis_report_exclusive_count(r, d);
      if (!n) continue;
      any++;
      TRY(buf_printf(b, "[%zu] %s:\n", d + 1,
                     render_source_name(c, d, tmp, sizeof tmp)));
      for (size_t k = 0; k < n; k++) {
        const precis_sentence *ps = precis_report_exclusive(r, d, k);
        TRY(buf_puts(b, "  - "));
        TRY(render_put_flat(b, ps->text, ps->len));
        TRY(buf_putc(b, '\n'));
      }
    }
    if (!any)
      TRY(buf_puts(b, "(every selected statement has a second source)\n"));
  }
  size_t cross = S_cross_groups(r), nq = r->quotes.n;
  TRY(buf_printf(b,
                 "\nQUOTE LEDGER (%zu quotations, %zu statements; %zu quoted "
                 "by two or more outlets)\n",
                 nq, r->quotes.ngroups, cross));
  if (nd < 2)
    TRY(buf_printf(b, "(grouping across outlets %s)\n", S_one_outlet_note()));
  else if (!nq)
    TRY(buf_puts(b, "(no quotations found)\n"));
  for (size_t g = 0, shown = 0; g < r->quotes.ngroups; g++) {
    const precis_quote_group *G = &r->quotes.groups[g];
    if (G->n_outlets < 2) continue;
    shown++;
    TRY(buf_printf(b, "#%zu %s, %zu outlets [", shown,
                   G->speaker ? G->speaker : "(speaker unknown)",
                   G->n_outlets));
    TRY(S_group_outlets(b, G, ","));
    TRY(buf_puts(b, "]\n"));
    for (size_t v = 0; v < G->n_variants; v++) {
      const precis_quote *q = G->variants[v];
      TRY(buf_printf(b, "  %s [%zu] \"", v == G->best ? "*" : "-", q->doc + 1));
      TRY(render_put_flat(b, S_text(c, q->doc, q->offset), q->len));
      TRY(buf_printf(b, "\" (%s, bytes %zu+%zu)\n", k_kinds[q->kind], q->offset,
                     q->len));
    }
  }
  if (cross) TRY(buf_puts(b, "  (* = most complete rendering)\n"));
  if (nq && r->quotes.ngroups > cross)
    TRY(buf_printf(b,
                   "%zu statements quoted by one outlet only (see "
                   "--format json)\n",
                   r->quotes.ngroups - cross));
  if (r->quotes.skipped_long)
    TRY(buf_printf(b, "%zu quotations longer than %d bytes not listed\n",
                   r->quotes.skipped_long, PRECIS_REPORT_QUOTE_MAX_BYTES));
  TRY(buf_puts(b, "\nCOVERAGE (outlet x brief sentence; share of the brief "
                  "it supports)\n"));
  TRY(buf_puts(b, "     "));
  for (size_t i = 0; i < s->n; i++)
    TRY(buf_printf(b, " %2zu", i + 1));
  TRY(buf_puts(b, "  share\n"));
  for (size_t d = 0; d < nd; d++) {
    TRY(buf_printf(b, "[%zu]  ", d + 1));
    for (size_t i = 0; i < s->n; i++)
      TRY(buf_puts(b, S_supports(&s->sents[i], d) ? "  x" : "  ."));
    TRY(buf_printf(b, "  %3.0f%%  %s\n", 100 * S_share(s, d),
                   render_source_name(c, d, tmp, sizeof tmp)));
  }
  TRY(buf_puts(b, "\nDISAGREEMENTS\n"));
  if (nd < 2)
    TRY(buf_printf(b, "(%s)\n", S_one_outlet_note()));
  else if (!r->dis.n)
    TRY(buf_puts(b, "(no figures that differ between aligned statements)\n"));
  for (size_t i = 0; i < r->dis.n; i++) {
    const precis_disagreement *dg = &r->dis.items[i];
    TRY(buf_printf(b, "%s (%zu values):\n", dg->what, dg->n_values));
    for (size_t k = 0; k < dg->n_figures; k++) {
      const precis_figure *f = &dg->figures[k];
      TRY(buf_puts(b, "  "));
      TRY(render_put_flat(b, S_text(c, f->doc, f->offset), f->len));
      TRY(buf_printf(b, " [%zu]: ", f->doc + 1));
      TRY(render_put_flat(b, S_text(c, f->doc, f->sent_offset), f->sent_len));
      TRY(buf_putc(b, '\n'));
    }
  }
  TRY(render_source_list(b, c));
fail:
  return st;
}

/* ================= Markdown ================= */

static precis_status S_md_str(buf *b, const char *s) {
  return render_put_md(b, s, strlen(s));
}

static precis_status S_render_md(rctx *x) {
  buf *b = x->b;
  const precis_report *r = x->r;
  const precis_cluster *c = x->c;
  const precis_summary *s = r->brief;
  size_t nd = r->ndocs;
  char tmp[32];
  precis_status st = PRECIS_OK;
  TRY(buf_puts(b, "# Cross-source report\n\n## Brief\n\n"));
  for (size_t i = 0; i < s->n; i++) {
    const precis_sentence *ps = &s->sents[i];
    TRY(buf_printf(b, "%zu. ", i + 1));
    TRY(render_put_md(b, ps->text, ps->len));
    TRY(buf_puts(b, " <sup>"));
    TRY(render_support_list(b, ps, 1));
    TRY(buf_printf(b, "</sup> (%zu of %zu outlets)\n", ps->n_support, nd));
  }
  TRY(buf_puts(b, "\n## Only in one outlet\n\n"));
  if (nd < 2) {
    TRY(buf_printf(b, "_%s._\n", S_one_outlet_note()));
  } else {
    for (size_t d = 0; d < nd; d++) {
      size_t n = precis_report_exclusive_count(r, d);
      if (!n) continue;
      TRY(buf_printf(b, "**Only in "));
      TRY(S_md_str(b, render_source_name(c, d, tmp, sizeof tmp)));
      TRY(buf_printf(b, "** [%zu]\n\n", d + 1));
      for (size_t k = 0; k < n; k++) {
        const precis_sentence *ps = precis_report_exclusive(r, d, k);
        TRY(buf_puts(b, "- "));
        TRY(render_put_md(b, ps->text, ps->len));
        TRY(buf_putc(b, '\n'));
      }
      TRY(buf_putc(b, '\n'));
    }
  }
  size_t cross = S_cross_groups(r);
  TRY(buf_printf(b,
                 "\n## Quote ledger\n\n%zu quotations, %zu statements; %zu "
                 "quoted by two or more outlets.\n\n",
                 r->quotes.n, r->quotes.ngroups, cross));
  if (nd < 2)
    TRY(buf_printf(b, "_Grouping across outlets %s._\n\n",
                   S_one_outlet_note()));
  for (size_t g = 0, shown = 0; g < r->quotes.ngroups; g++) {
    const precis_quote_group *G = &r->quotes.groups[g];
    if (G->n_outlets < 2) continue;
    shown++;
    TRY(buf_printf(b, "### %zu. ", shown));
    TRY(S_md_str(b, G->speaker ? G->speaker : "Speaker unknown"));
    TRY(buf_printf(b, " (%zu outlets)\n\n", G->n_outlets));
    for (size_t v = 0; v < G->n_variants; v++) {
      const precis_quote *q = G->variants[v];
      TRY(buf_puts(b, "> "));
      TRY(render_put_md(b, S_text(c, q->doc, q->offset), q->len));
      TRY(buf_printf(b, " — [%zu](#source-%zu)%s\n>\n", q->doc + 1, q->doc + 1,
                     v == G->best ? " **(most complete)**" : ""));
    }
    TRY(buf_putc(b, '\n'));
  }
  TRY(buf_puts(b, "\n## Coverage\n\n| outlet |"));
  for (size_t i = 0; i < s->n; i++)
    TRY(buf_printf(b, " %zu |", i + 1));
  TRY(buf_puts(b, " share |\n|---|"));
  for (size_t i = 0; i < s->n; i++)
    TRY(buf_puts(b, ":-:|"));
  TRY(buf_puts(b, "--:|\n"));
  for (size_t d = 0; d < nd; d++) {
    TRY(buf_printf(b, "| %zu. ", d + 1));
    TRY(S_md_str(b, render_source_name(c, d, tmp, sizeof tmp)));
    TRY(buf_puts(b, " |"));
    for (size_t i = 0; i < s->n; i++)
      TRY(buf_puts(b, S_supports(&s->sents[i], d) ? " ● |" : " · |"));
    TRY(buf_printf(b, " %.0f%% |\n", 100 * S_share(s, d)));
  }
  TRY(buf_puts(b, "\n## Disagreements\n\n"));
  if (nd < 2)
    TRY(buf_printf(b, "_%s._\n", S_one_outlet_note()));
  else if (!r->dis.n)
    TRY(buf_puts(b, "_No figures differ between aligned statements._\n"));
  for (size_t i = 0; i < r->dis.n; i++) {
    const precis_disagreement *dg = &r->dis.items[i];
    TRY(buf_puts(b, "**"));
    TRY(S_md_str(b, dg->what));
    TRY(buf_puts(b, "**\n\n"));
    for (size_t k = 0; k < dg->n_figures; k++) {
      const precis_figure *f = &dg->figures[k];
      TRY(buf_puts(b, "- **"));
      TRY(render_put_md(b, S_text(c, f->doc, f->offset), f->len));
      TRY(buf_printf(b, "** [%zu](#source-%zu): ", f->doc + 1, f->doc + 1));
      TRY(render_put_md(b, S_text(c, f->doc, f->sent_offset), f->sent_len));
      TRY(buf_putc(b, '\n'));
    }
    TRY(buf_putc(b, '\n'));
  }
  TRY(render_md_source_list(b, c));
fail:
  return st;
}

/* ================= JSON ================= */

/* Objects sit one to a line inside block arrays; lists of numbers are
 * tight ("[1,3]") in both modes. */
static precis_status S_render_json(rctx *x) {
  const precis_report *r = x->r;
  const precis_cluster *c = x->c;
  const precis_summary *s = r->brief;
  size_t nd = r->ndocs;
  precis_status st;
  jw w;
  jw_init(&w, x->b, x->pretty ? JW_NEWLINES | JW_SPACES : 0);
  TRY(jw_obj(&w, NULL, JW_BLOCK));
  TRY(jw_cstr(&w, "schema", PRECIS_REPORT_SCHEMA));
  TRY(jw_cstr(&w, "id", x->id));
  TRY(jw_cstr(&w, "algorithm", s->algorithm));
  TRY(jw_cstr(&w, "note", s->note));
  /* outlets */
  TRY(jw_arr(&w, "outlets", JW_BLOCK));
  for (size_t d = 0; d < nd; d++) {
    size_t nq = 0;
    for (size_t i = 0; i < r->quotes.n; i++)
      nq += r->quotes.units[i].q.doc == d;
    TRY(jw_obj(&w, NULL, JW_INLINE));
    TRY(render_json_source(&w, c, d));
    TRY(jw_size(&w, "brief_sentences", S_supported(s, d)));
    TRY(jw_num(&w, "share", S_share(s, d), 4));
    TRY(jw_size(&w, "exclusive", precis_report_exclusive_count(r, d)));
    TRY(jw_size(&w, "quotations", nq));
    TRY(jw_end(&w));
  }
  TRY(jw_end(&w));
  /* brief */
  TRY(jw_arr(&w, "brief", JW_BLOCK));
  for (size_t i = 0; i < s->n; i++) {
    const precis_sentence *ps = &s->sents[i];
    TRY(jw_obj(&w, NULL, JW_INLINE));
    TRY(render_json_sentence(&w, ps, JW_TIGHT));
    TRY(jw_size(&w, "corroboration", ps->n_support));
    TRY(jw_num(&w, "score", ps->score, 6));
    TRY(jw_end(&w));
  }
  TRY(jw_end(&w));
  /* exclusive */
  TRY(jw_obj(&w, "exclusive", JW_INLINE));
  TRY(jw_bool(&w, "available", nd >= 2));
  TRY(jw_cstr(&w, "note", nd >= 2 ? NULL : S_one_outlet_note()));
  TRY(jw_arr(&w, "outlets", JW_BLOCK));
  for (size_t d = 0; d < nd && nd >= 2; d++) {
    TRY(jw_obj(&w, NULL, JW_INLINE));
    TRY(jw_size(&w, "source", d + 1));
    TRY(jw_arr(&w, "sentences", JW_BLOCK));
    for (size_t k = 0; k < precis_report_exclusive_count(r, d); k++) {
      const precis_sentence *ps = precis_report_exclusive(r, d, k);
      TRY(jw_obj(&w, NULL, JW_INLINE));
      TRY(jw_str(&w, "text", ps->text, ps->len));
      TRY(jw_size(&w, "offset", ps->offset));
      TRY(jw_size(&w, "length", ps->len));
      TRY(jw_size(&w, "sentence_index", ps->index));
      TRY(jw_num(&w, "score", ps->score, 6));
      TRY(jw_end(&w));
    }
    TRY(jw_end_n(&w, 2)); /* sentences, the outlet */
  }
  TRY(jw_end_n(&w, 2)); /* outlets, exclusive */
  /* quotes */
  TRY(jw_obj(&w, "quotes", JW_INLINE));
  TRY(jw_size(&w, "quotations", r->quotes.n));
  TRY(jw_size(&w, "groups_count", r->quotes.ngroups));
  TRY(jw_size(&w, "cross_outlet", S_cross_groups(r)));
  TRY(jw_size(&w, "skipped_long", r->quotes.skipped_long));
  TRY(jw_cstr(&w, "note",
              nd >= 2 ? NULL
                      : "grouping across outlets needs at least two "
                        "outlets; this cluster has one"));
  TRY(jw_arr(&w, "groups", JW_BLOCK));
  for (size_t g = 0; g < r->quotes.ngroups; g++) {
    const precis_quote_group *G = &r->quotes.groups[g];
    TRY(jw_obj(&w, NULL, JW_INLINE));
    TRY(jw_size(&w, "id", g + 1));
    TRY(jw_cstr(&w, "speaker", G->speaker));
    TRY(jw_arr(&w, "outlets", JW_TIGHT));
    for (size_t v = 0; v < G->n_variants; v++)
      if (!v || G->variants[v]->doc != G->variants[v - 1]->doc)
        TRY(jw_size(&w, NULL, G->variants[v]->doc + 1));
    TRY(jw_end(&w));
    TRY(jw_size(&w, "n_outlets", G->n_outlets));
    TRY(jw_size(&w, "best", G->best));
    TRY(jw_arr(&w, "variants", JW_BLOCK));
    for (size_t v = 0; v < G->n_variants; v++) {
      const precis_quote *q = G->variants[v];
      TRY(jw_obj(&w, NULL, JW_INLINE));
      TRY(jw_size(&w, "source", q->doc + 1));
      TRY(jw_cstr(&w, "kind", k_kinds[q->kind]));
      TRY(jw_size(&w, "offset", q->offset));
      TRY(jw_size(&w, "length", q->len));
      TRY(jw_bool(&w, "unclosed", q->unclosed));
      TRY(jw_str(&w, "text", S_text(c, q->doc, q->offset), q->len));
      TRY(jw_cstr(&w, "speaker", q->speaker));
      if (q->speaker && q->speaker_len) {
        TRY(jw_size(&w, "speaker_offset", q->speaker_offset));
        TRY(jw_size(&w, "speaker_length", q->speaker_len));
      }
      TRY(jw_end(&w));
    }
    TRY(jw_end_n(&w, 2)); /* variants, the group */
  }
  TRY(jw_end_n(&w, 2)); /* groups, quotes */
  /* coverage */
  TRY(jw_obj(&w, "coverage", JW_INLINE));
  TRY(jw_size(&w, "sentences", s->n));
  TRY(jw_arr(&w, "outlets", JW_BLOCK));
  for (size_t d = 0; d < nd; d++) {
    TRY(jw_obj(&w, NULL, JW_INLINE));
    TRY(jw_size(&w, "source", d + 1));
    TRY(jw_arr(&w, "supports", JW_TIGHT));
    for (size_t i = 0; i < s->n; i++)
      TRY(jw_int(&w, NULL, S_supports(&s->sents[i], d)));
    TRY(jw_end(&w));
    TRY(jw_size(&w, "count", S_supported(s, d)));
    TRY(jw_num(&w, "share", S_share(s, d), 4));
    TRY(jw_end(&w));
  }
  TRY(jw_end_n(&w, 2)); /* outlets, coverage */
  /* disagreements */
  TRY(jw_obj(&w, "disagreements", JW_INLINE));
  TRY(jw_bool(&w, "available", nd >= 2));
  TRY(jw_cstr(&w, "note", nd >= 2 ? NULL : S_one_outlet_note()));
  TRY(jw_arr(&w, "items", JW_BLOCK));
  for (size_t i = 0; i < r->dis.n; i++) {
    const precis_disagreement *dg = &r->dis.items[i];
    TRY(jw_obj(&w, NULL, JW_INLINE));
    TRY(jw_cstr(&w, "what", dg->what));
    TRY(jw_cstr(&w, "kind", dg->n_figures ? dg->figures[0].kind : NULL));
    TRY(jw_size(&w, "n_values", dg->n_values));
    TRY(jw_arr(&w, "figures", JW_BLOCK));
    for (size_t k = 0; k < dg->n_figures; k++) {
      const precis_figure *f = &dg->figures[k];
      TRY(jw_obj(&w, NULL, JW_INLINE));
      TRY(jw_size(&w, "source", f->doc + 1));
      TRY(jw_num(&w, "value", f->value, 10));
      TRY(jw_str(&w, "text", S_text(c, f->doc, f->offset), f->len));
      TRY(jw_cstr(&w, "qualifier", f->qualifier));
      TRY(jw_size(&w, "offset", f->offset));
      TRY(jw_size(&w, "length", f->len));
      TRY(jw_size(&w, "sentence_offset", f->sent_offset));
      TRY(jw_size(&w, "sentence_length", f->sent_len));
      TRY(jw_str(&w, "sentence", S_text(c, f->doc, f->sent_offset),
                 f->sent_len));
      TRY(jw_end(&w));
    }
    TRY(jw_end_n(&w, 2)); /* figures, the item */
  }
  TRY(jw_end_n(&w, 3)); /* items, disagreements, the report */
fail:
  return st;
}

/* ================= HTML ================= */

static precis_status S_h(buf *b, const char *s, size_t n) {
  return buf_put_html(b, s, n);
}

static precis_status S_hstr(buf *b, const char *s) {
  return buf_put_html(b, s, strlen(s));
}

/* A source chip: a small coloured label with the outlet's number. */
static precis_status S_chip(buf *b, const precis_cluster *c, size_t d) {
  char tmp[32];
  precis_status st;
  TRY(buf_printf(b,
                 "<a class=\"chip c%zu\" href=\"#source-%zu\" "
                 "data-source=\"%zu\" title=\"",
                 d % 8, d + 1, d + 1));
  TRY(S_hstr(b, render_source_name(c, d, tmp, sizeof tmp)));
  TRY(buf_printf(b, "\">%zu</a>", d + 1));
fail:
  return st;
}

static const char k_css[] =
    "body{font:16px/1.5 Georgia,'Times New Roman',serif;color:#1d1d1f;"
    "background:#fafaf7;margin:0}"
    "main{max-width:1040px;margin:0 auto;padding:24px 32px 64px}"
    "h1{font:600 26px/1.2 system-ui,sans-serif;margin:8px 0 4px}"
    "h2{font:600 19px/1.3 system-ui,sans-serif;margin:36px 0 10px;"
    "padding-bottom:4px;border-bottom:2px solid #e3e1d8}"
    "h3{font:600 15px/1.3 system-ui,sans-serif;margin:18px 0 6px}"
    ".meta,.note,figcaption,th,td,.count{font-family:system-ui,sans-serif}"
    ".meta{color:#6b6b6b;font-size:14px}"
    ".note{color:#6b6b6b;font-style:italic;font-size:14px}"
    "ol.brief li{margin:8px 0}"
    ".chip{display:inline-block;min-width:18px;padding:0 5px;margin:0 1px;"
    "border-radius:9px;font:600 12px/18px system-ui,sans-serif;"
    "text-align:center;color:#fff;text-decoration:none;vertical-align:1px}"
    ".c0{background:#3a6ea5}.c1{background:#c0504d}.c2{background:#4f8a3c}"
    ".c3{background:#8064a2}.c4{background:#d08a1e}.c5{background:#2f8f8f}"
    ".c6{background:#a0522d}.c7{background:#5a5a5a}"
    ".corr{font:12px system-ui,sans-serif;color:#6b6b6b;margin-left:4px}"
    ".only{margin:10px 0}.only ul{margin:4px 0}"
    ".group{background:#fff;border:1px solid #e3e1d8;border-radius:6px;"
    "padding:10px 14px;margin:12px 0}"
    ".group blockquote{margin:6px 0;padding:4px 10px;border-left:3px solid "
    "#d6d3c6}"
    ".group blockquote.best{border-left-color:#3a6ea5;background:#f1f5fa}"
    ".best-tag{font:600 11px system-ui,sans-serif;color:#3a6ea5;"
    "text-transform:uppercase;letter-spacing:.04em;margin-left:6px}"
    ".kind{font:11px system-ui,sans-serif;color:#8a8a8a;margin-left:6px}"
    "table.heat{border-collapse:collapse;font-size:14px}"
    "table.heat th,table.heat td{border:1px solid #e3e1d8;padding:4px 8px;"
    "text-align:center}"
    "table.heat th.name{text-align:left;font-weight:500}"
    "td.on{background:#3a6ea5;color:#fff}td.off{background:#f3f2ec;"
    "color:#bbb}"
    "td.share{text-align:right;font-variant-numeric:tabular-nums}"
    ".bar{display:inline-block;height:8px;background:#3a6ea5;"
    "border-radius:4px;margin-right:6px;vertical-align:middle}"
    ".dis{background:#fff;border:1px solid #e9d3d1;border-radius:6px;"
    "padding:10px 14px;margin:12px 0}"
    ".side{display:flex;gap:12px;flex-wrap:wrap}"
    ".side>div{flex:1 1 280px;background:#fdf6f5;border-radius:4px;"
    "padding:8px 10px}"
    ".fig{font:700 20px system-ui,sans-serif;color:#b03a2e}"
    "details{margin:10px 0}summary{cursor:pointer;font-family:system-ui,"
    "sans-serif;font-size:14px}"
    "ol.sources{font-size:14px}";

static precis_status S_render_html(rctx *x) {
  buf *b = x->b;
  const precis_report *r = x->r;
  const precis_cluster *c = x->c;
  const precis_summary *s = r->brief;
  size_t nd = r->ndocs;
  char tmp[32];
  precis_status st = PRECIS_OK;
  TRY(buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                  "<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width\">\n"
                  "<meta name=\"generator\" content=\"precis "));
  TRY(buf_puts(b, PRECIS_VERSION));
  TRY(buf_puts(b, "\">\n<title>Cross-source report"));
  if (x->id) {
    TRY(buf_puts(b, ": "));
    TRY(S_hstr(b, x->id));
  }
  TRY(buf_puts(b, "</title>\n<style>"));
  TRY(buf_puts(b, k_css));
  TRY(buf_printf(b,
                 "</style>\n</head>\n<body>\n<main id=\"report\" "
                 "data-schema=\"%s\" data-outlets=\"%zu\">\n",
                 PRECIS_REPORT_SCHEMA, nd));
  TRY(buf_puts(b, "<h1>Cross-source report</h1>\n<p class=\"meta\">"));
  if (x->id) {
    TRY(S_hstr(b, x->id));
    TRY(buf_puts(b, " · "));
  }
  TRY(buf_printf(b, "%zu outlet%s · ", nd, nd == 1 ? "" : "s"));
  for (size_t d = 0; d < nd; d++) {
    TRY(S_chip(b, c, d));
    TRY(buf_putc(b, ' '));
    TRY(S_hstr(b, render_source_name(c, d, tmp, sizeof tmp)));
    TRY(buf_puts(b, d + 1 < nd ? " · " : ""));
  }
  TRY(buf_puts(b, "</p>\n"));
  /* brief */
  TRY(buf_printf(b,
                 "<section id=\"brief\" data-count=\"%zu\">\n"
                 "<h2>Brief</h2>\n<ol class=\"brief\">\n",
                 s->n));
  for (size_t i = 0; i < s->n; i++) {
    const precis_sentence *ps = &s->sents[i];
    TRY(buf_printf(b, "<li data-corroboration=\"%zu\" data-source=\"%zu\">",
                   ps->n_support, ps->doc + 1));
    TRY(S_h(b, ps->text, ps->len));
    TRY(buf_putc(b, ' '));
    for (size_t k = 0; k < ps->n_support; k++)
      TRY(S_chip(b, c, ps->support[k]));
    TRY(buf_printf(b, "<span class=\"corr\">%zu of %zu outlets</span></li>\n",
                   ps->n_support, nd));
  }
  TRY(buf_puts(b, "</ol>\n</section>\n"));
  /* only in X */
  size_t nex = 0;
  for (size_t d = 0; d < nd; d++)
    nex += precis_report_exclusive_count(r, d);
  TRY(buf_printf(b,
                 "<section id=\"exclusive\" data-count=\"%zu\" "
                 "data-available=\"%d\">\n<h2>Only in one outlet</h2>\n",
                 nex, nd >= 2));
  if (nd < 2) {
    TRY(buf_printf(b, "<p class=\"note\">This section %s.</p>\n",
                   S_one_outlet_note()));
  } else if (!nex) {
    TRY(buf_puts(b, "<p class=\"note\">Every salient statement has a second "
                    "source.</p>\n"));
  }
  for (size_t d = 0; d < nd && nd >= 2; d++) {
    size_t n = precis_report_exclusive_count(r, d);
    if (!n) continue;
    TRY(buf_printf(b,
                   "<div class=\"only\" data-source=\"%zu\" "
                   "data-count=\"%zu\"><h3>Only in ",
                   d + 1, n));
    TRY(S_chip(b, c, d));
    TRY(buf_putc(b, ' '));
    TRY(S_hstr(b, render_source_name(c, d, tmp, sizeof tmp)));
    TRY(buf_puts(b, "</h3>\n<ul>\n"));
    for (size_t k = 0; k < n; k++) {
      const precis_sentence *ps = precis_report_exclusive(r, d, k);
      TRY(buf_puts(b, "<li>"));
      TRY(S_h(b, ps->text, ps->len));
      TRY(buf_puts(b, "</li>\n"));
    }
    TRY(buf_puts(b, "</ul></div>\n"));
  }
  TRY(buf_puts(b, "</section>\n"));
  /* quote ledger */
  size_t cross = S_cross_groups(r);
  TRY(buf_printf(b,
                 "<section id=\"quotes\" data-count=\"%zu\" "
                 "data-cross=\"%zu\" data-quotations=\"%zu\">\n"
                 "<h2>Quote ledger</h2>\n<p class=\"meta\">%zu quotations, "
                 "%zu statements, %zu quoted by two or more outlets. The "
                 "highlighted rendering is the most complete.</p>\n",
                 r->quotes.ngroups, cross, r->quotes.n, r->quotes.n,
                 r->quotes.ngroups, cross));
  if (nd < 2)
    TRY(buf_printf(b, "<p class=\"note\">Grouping across outlets %s.</p>\n",
                   S_one_outlet_note()));
  for (int pass = 0; pass < 2; pass++) {
    size_t single = r->quotes.ngroups - cross;
    if (pass == 1) {
      if (!single) break;
      TRY(buf_printf(b,
                     "<details id=\"single\" data-count=\"%zu\"><summary>"
                     "%zu statements quoted by one outlet</summary>\n",
                     single, single));
    }
    for (size_t g = 0; g < r->quotes.ngroups; g++) {
      const precis_quote_group *G = &r->quotes.groups[g];
      if ((G->n_outlets >= 2) != (pass == 0)) continue;
      TRY(buf_printf(b,
                     "<div class=\"group\" data-group=\"%zu\" "
                     "data-outlets=\"%zu\" data-variants=\"%zu\">"
                     "<h3>",
                     g + 1, G->n_outlets, G->n_variants));
      TRY(S_hstr(b, G->speaker ? G->speaker : "Speaker unknown"));
      TRY(buf_puts(b, " "));
      for (size_t v = 0; v < G->n_variants; v++)
        if (!v || G->variants[v]->doc != G->variants[v - 1]->doc)
          TRY(S_chip(b, c, G->variants[v]->doc));
      TRY(buf_puts(b, "</h3>\n"));
      for (size_t v = 0; v < G->n_variants; v++) {
        const precis_quote *q = G->variants[v];
        TRY(buf_printf(b,
                       "<blockquote%s data-source=\"%zu\" "
                       "data-offset=\"%zu\" data-length=\"%zu\">",
                       v == G->best ? " class=\"best\"" : "", q->doc + 1,
                       q->offset, q->len));
        /* reported speech is a paraphrase: no quotation marks */
        int marks = q->kind != PRECIS_QUOTE_REPORTED;
        TRY(S_chip(b, c, q->doc));
        TRY(buf_puts(b, marks ? " “" : " "));
        TRY(S_h(b, S_text(c, q->doc, q->offset), q->len));
        TRY(buf_printf(b, "%s<span class=\"kind\">%s</span>", marks ? "”" : "",
                       k_kinds[q->kind]));
        if (v == G->best && G->n_variants > 1)
          TRY(buf_puts(b, "<span class=\"best-tag\">most complete</span>"));
        TRY(buf_puts(b, "</blockquote>\n"));
      }
      TRY(buf_puts(b, "</div>\n"));
    }
    if (pass == 1) TRY(buf_puts(b, "</details>\n"));
  }
  TRY(buf_puts(b, "</section>\n"));
  /* coverage heatmap */
  TRY(buf_printf(b,
                 "<section id=\"coverage\" data-count=\"%zu\" "
                 "data-sentences=\"%zu\">\n<h2>Coverage</h2>\n"
                 "<p class=\"meta\">Who reports what: outlets against the "
                 "brief's sentences.</p>\n<table class=\"heat\">\n<tr>"
                 "<th class=\"name\">outlet</th>",
                 nd, s->n));
  for (size_t i = 0; i < s->n; i++)
    TRY(buf_printf(b, "<th title=\"brief sentence %zu\">%zu</th>", i + 1,
                   i + 1));
  TRY(buf_puts(b, "<th>share</th></tr>\n"));
  for (size_t d = 0; d < nd; d++) {
    double sh = S_share(s, d);
    TRY(buf_printf(b,
                   "<tr data-source=\"%zu\" data-count=\"%zu\" "
                   "data-share=\"%.4g\"><th class=\"name\">",
                   d + 1, S_supported(s, d), sh));
    TRY(S_chip(b, c, d));
    TRY(buf_putc(b, ' '));
    TRY(S_hstr(b, render_source_name(c, d, tmp, sizeof tmp)));
    TRY(buf_puts(b, "</th>"));
    for (size_t i = 0; i < s->n; i++) {
      int on = S_supports(&s->sents[i], d);
      TRY(buf_printf(b, "<td class=\"%s\" data-covered=\"%d\">%s</td>",
                     on ? "on" : "off", on, on ? "●" : "·"));
    }
    TRY(buf_printf(b,
                   "<td class=\"share\"><span class=\"bar\" "
                   "style=\"width:%.0fpx\"></span>%.0f%%</td></tr>\n",
                   60 * sh, 100 * sh));
  }
  TRY(buf_puts(b, "</table>\n</section>\n"));
  /* disagreements */
  TRY(buf_printf(b,
                 "<section id=\"disagreements\" data-count=\"%zu\" "
                 "data-available=\"%d\">\n<h2>Disagreements</h2>\n",
                 r->dis.n, nd >= 2));
  if (nd < 2)
    TRY(buf_printf(b, "<p class=\"note\">This section %s.</p>\n",
                   S_one_outlet_note()));
  else if (!r->dis.n)
    TRY(buf_puts(b, "<p class=\"note\">No figures differ between aligned "
                    "statements.</p>\n"));
  for (size_t i = 0; i < r->dis.n; i++) {
    const precis_disagreement *dg = &r->dis.items[i];
    TRY(buf_printf(b,
                   "<div class=\"dis\" data-values=\"%zu\" "
                   "data-figures=\"%zu\"><h3>",
                   dg->n_values, dg->n_figures));
    TRY(S_hstr(b, dg->what));
    TRY(buf_puts(b, "</h3>\n<div class=\"side\">\n"));
    for (size_t k = 0; k < dg->n_figures; k++) {
      const precis_figure *f = &dg->figures[k];
      TRY(buf_printf(b,
                     "<div data-source=\"%zu\" data-value=\"%.10g\">"
                     "<span class=\"fig\">",
                     f->doc + 1, f->value));
      TRY(S_h(b, S_text(c, f->doc, f->offset), f->len));
      TRY(buf_puts(b, "</span> "));
      TRY(S_chip(b, c, f->doc));
      TRY(buf_puts(b, "<br>"));
      TRY(S_h(b, S_text(c, f->doc, f->sent_offset), f->sent_len));
      TRY(buf_puts(b, "</div>\n"));
    }
    TRY(buf_puts(b, "</div></div>\n"));
  }
  TRY(buf_puts(b, "</section>\n"));
  /* sources */
  TRY(buf_printf(b,
                 "<section id=\"sources\" data-count=\"%zu\">\n"
                 "<h2>Sources</h2>\n<ol class=\"sources\">\n",
                 nd));
  for (size_t d = 0; d < nd; d++) {
    const precis_doc_meta *m = precis_cluster_doc_meta(c, d);
    TRY(buf_printf(b, "<li id=\"source-%zu\">", d + 1));
    TRY(S_chip(b, c, d));
    TRY(buf_putc(b, ' '));
    TRY(S_hstr(b, render_source_name(c, d, tmp, sizeof tmp)));
    if (m->title) {
      TRY(buf_puts(b, " — <i>"));
      TRY(S_hstr(b, m->title));
      TRY(buf_puts(b, "</i>"));
    }
    if (m->url) {
      /* shown as text: the page makes no request and links nowhere */
      TRY(buf_puts(b, " <span class=\"meta\">"));
      TRY(S_hstr(b, m->url));
      TRY(buf_puts(b, "</span>"));
    }
    TRY(buf_puts(b, "</li>\n"));
  }
  TRY(buf_puts(b, "</ol>\n</section>\n</main>\n</body>\n</html>\n"));
fail:
  return st;
}

char *precis_report_render(const precis_report *r, const precis_cluster *c,
                           precis_report_format fmt, const char *id,
                           size_t *len) {
  if (!r || !c || precis_cluster_doc_count(c) != r->ndocs) return NULL;
  buf b = BUF_INIT;
  rctx x = {&b, r, c, id, 1};
  precis_status st;
  switch (fmt) {
  case PRECIS_REPORT_TEXT: st = S_render_text(&x); break;
  case PRECIS_REPORT_MARKDOWN: st = S_render_md(&x); break;
  case PRECIS_REPORT_JSON: st = S_render_json(&x); break;
  case PRECIS_REPORT_JSONL:
    x.pretty = 0;
    st = S_render_json(&x);
    break;
  case PRECIS_REPORT_HTML: st = S_render_html(&x); break;
  default: st = PRECIS_ERR_INVALID_ARG; break;
  }
  if (st != PRECIS_OK) {
    buf_free(&b);
    return NULL;
  }
  return buf_detach(&b, len);
}
