/* render.c — a brief as text, Markdown or JSON.
 *
 * text:      one sentence per line followed by its sources "[1,3]", a blank
 *            line, then "Sources:" and one "[n] name" line per article.
 * markdown:  the same as a paragraph list with sources as superscript
 *            links to a numbered source list.
 * json:      {"id", "algorithm", "note", "budget", "summary", "sentences":
 * [{"text", "source", "offset", "length", "sentence_index", "supported_by",
 *            "score"}], "summary" (the sentences joined by newlines, inner
 *            line breaks as spaces), "sources": [{"index", "name", "url",
 *            "title", "date"}]}; sources are 1-based everywhere. "text" is the
 * exact span of the article's normalized text; text and Markdown show line
 * breaks inside a sentence as spaces. JSON goes through jsonw.c, as the
 * report's does; render_json_source and render_json_sentence write the
 * members the two share.
 */
#include <stdio.h>
#include <string.h>

#include "render.h"

#include "cluster.h"
#include "summary.h"

const char *render_source_name(const precis_cluster *c, size_t i, char *tmp,
                               size_t tmpn) {
  const precis_doc_meta *m = precis_cluster_doc_meta(c, i);
  if (m && m->source && *m->source) return m->source;
  snprintf(tmp, tmpn, "Source %zu", i + 1);
  return tmp;
}

precis_status render_put_flat(buf *b, const char *s, size_t n) {
  precis_status st = PRECIS_OK;
  size_t from = 0;
  for (size_t i = 0; i < n && st == PRECIS_OK; i++) {
    if (s[i] == '\n') {
      st = buf_put(b, s + from, i - from);
      if (st == PRECIS_OK) st = buf_putc(b, ' ');
      from = i + 1;
    }
  }
  if (st == PRECIS_OK) st = buf_put(b, s + from, n - from);
  return st;
}

precis_status render_support_list(buf *b, const precis_sentence *ps, int md) {
  precis_status st = PRECIS_OK;
  for (size_t k = 0; k < ps->n_support && st == PRECIS_OK; k++) {
    size_t d = ps->support[k] + 1;
    if (md) {
      st = buf_printf(b, "%s[%zu](#source-%zu)", k ? ", " : "", d, d);
      continue;
    }
    if (k) st = buf_putc(b, ',');
    if (st == PRECIS_OK) st = buf_put_u64(b, d);
  }
  return st;
}

#define TRY(x)                                                                 \
  do {                                                                         \
    if ((st = (x)) != PRECIS_OK) goto fail;                                    \
  } while (0)

static precis_status S_text(buf *b, const precis_summary *s,
                            const precis_cluster *c) {
  precis_status st = PRECIS_OK;
  for (size_t i = 0; i < s->n; i++) {
    const precis_sentence *ps = &s->sents[i];
    TRY(render_put_flat(b, ps->text, ps->len));
    TRY(buf_puts(b, " ["));
    TRY(render_support_list(b, ps, 0));
    TRY(buf_puts(b, "]\n"));
  }
  TRY(render_source_list(b, c));
fail:
  return st;
}

precis_status render_source_list(buf *b, const precis_cluster *c) {
  precis_status st;
  char tmp[32];
  TRY(buf_puts(b, "\nSources:\n"));
  for (size_t i = 0; i < precis_cluster_doc_count(c); i++) {
    const precis_doc_meta *m = precis_cluster_doc_meta(c, i);
    TRY(buf_printf(b, "[%zu] %s", i + 1,
                   render_source_name(c, i, tmp, sizeof tmp)));
    if (m->url) TRY(buf_printf(b, " <%s>", m->url));
    TRY(buf_putc(b, '\n'));
  }
fail:
  return st;
}

/* Markdown-escape the characters that would start markup mid-text. */
precis_status render_put_md(buf *b, const char *s, size_t n) {
  precis_status st = PRECIS_OK;
  for (size_t i = 0; i < n && st == PRECIS_OK; i++) {
    char ch = s[i] == '\n' ? ' ' : s[i];
    if (strchr("\\`*_[]<>#|", ch) && ch) st = buf_putc(b, '\\');
    if (st == PRECIS_OK) st = buf_putc(b, ch);
  }
  return st;
}

precis_status render_md_source_list(buf *b, const precis_cluster *c) {
  precis_status st;
  char tmp[32];
  TRY(buf_puts(b, "\n## Sources\n\n"));
  for (size_t i = 0; i < precis_cluster_doc_count(c); i++) {
    const precis_doc_meta *m = precis_cluster_doc_meta(c, i);
    const char *name = render_source_name(c, i, tmp, sizeof tmp);
    TRY(buf_printf(b, "%zu. <a id=\"source-%zu\"></a>", i + 1, i + 1));
    if (m->url) {
      TRY(buf_putc(b, '['));
      TRY(render_put_md(b, name, strlen(name)));
      TRY(buf_printf(b, "](%s)", m->url));
    } else {
      TRY(render_put_md(b, name, strlen(name)));
    }
    TRY(buf_putc(b, '\n'));
  }
fail:
  return st;
}

static precis_status S_markdown(buf *b, const precis_summary *s,
                                const precis_cluster *c) {
  precis_status st = PRECIS_OK;
  for (size_t i = 0; i < s->n; i++) {
    const precis_sentence *ps = &s->sents[i];
    TRY(buf_puts(b, "- "));
    TRY(render_put_md(b, ps->text, ps->len));
    TRY(buf_puts(b, " <sup>"));
    TRY(render_support_list(b, ps, 1));
    TRY(buf_puts(b, "</sup>\n"));
  }
  TRY(render_md_source_list(b, c));
fail:
  return st;
}

precis_status render_json_source(jw *w, const precis_cluster *c, size_t d) {
  precis_status st;
  char tmp[32];
  const precis_doc_meta *m = precis_cluster_doc_meta(c, d);
  TRY(jw_size(w, "index", d + 1));
  TRY(jw_cstr(w, "name", render_source_name(c, d, tmp, sizeof tmp)));
  TRY(jw_cstr(w, "url", m->url));
  TRY(jw_cstr(w, "title", m->title));
  TRY(jw_cstr(w, "date", m->date));
fail:
  return st;
}

precis_status render_json_sentence(jw *w, const precis_sentence *ps,
                                   jw_layout list) {
  precis_status st;
  TRY(jw_str(w, "text", ps->text, ps->len));
  TRY(jw_size(w, "source", ps->doc + 1));
  TRY(jw_size(w, "offset", ps->offset));
  TRY(jw_size(w, "length", ps->len));
  TRY(jw_size(w, "sentence_index", ps->index));
  TRY(jw_arr(w, "supported_by", list));
  for (size_t k = 0; k < ps->n_support; k++)
    TRY(jw_size(w, NULL, ps->support[k] + 1));
  TRY(jw_end(w));
fail:
  return st;
}

/* Keys always get a space, so JSONL differs from JSON only in its line
 * breaks. */
static precis_status S_json(buf *b, const precis_summary *s,
                            const precis_cluster *c, const char *id,
                            int pretty) {
  static const char *const units[] = {"words", "bytes", "sentences"};
  precis_status st;
  jw w;
  jw_init(&w, b, pretty ? JW_NEWLINES | JW_SPACES : JW_SPACES);
  TRY(jw_obj(&w, NULL, JW_BLOCK));
  TRY(jw_cstr(&w, "id", id));
  TRY(jw_cstr(&w, "algorithm", s->algorithm));
  TRY(jw_cstr(&w, "note", s->note));
  TRY(jw_obj(&w, "budget", JW_INLINE));
  TRY(jw_cstr(&w, "unit", units[s->unit]));
  TRY(jw_size(&w, "limit", s->budget));
  TRY(jw_end(&w));
  /* the brief as one string, a sentence per line (what ROUGE scores) */
  TRY(jw_key(&w, "summary"));
  TRY(buf_putc(b, '"'));
  for (size_t i = 0; i < s->n; i++) {
    const precis_sentence *ps = &s->sents[i];
    if (i) TRY(buf_puts(b, "\\n"));
    for (size_t k = 0, from = 0; k <= ps->len; k++) {
      if (k == ps->len || ps->text[k] == '\n') {
        TRY(buf_put_json_str(b, ps->text + from, k - from));
        if (k < ps->len) TRY(buf_putc(b, ' '));
        from = k + 1;
      }
    }
  }
  TRY(buf_putc(b, '"'));
  TRY(jw_arr(&w, "sentences", JW_BLOCK));
  for (size_t i = 0; i < s->n; i++) {
    TRY(jw_obj(&w, NULL, JW_INLINE));
    TRY(render_json_sentence(&w, &s->sents[i], JW_INLINE));
    TRY(jw_num(&w, "score", s->sents[i].score, 6));
    TRY(jw_end(&w));
  }
  TRY(jw_end(&w));
  TRY(jw_arr(&w, "sources", JW_BLOCK));
  for (size_t d = 0; d < precis_cluster_doc_count(c); d++) {
    TRY(jw_obj(&w, NULL, JW_INLINE));
    TRY(render_json_source(&w, c, d));
    TRY(jw_end(&w));
  }
  TRY(jw_end(&w));
  TRY(jw_end(&w));
fail:
  return st;
}

char *precis_summary_render(const precis_summary *s, const precis_cluster *c,
                            precis_format fmt, const char *id, size_t *len) {
  if (!s || !c) return NULL;
  buf b = BUF_INIT;
  precis_status st;
  switch (fmt) {
  case PRECIS_FORMAT_MARKDOWN: st = S_markdown(&b, s, c); break;
  case PRECIS_FORMAT_JSON: st = S_json(&b, s, c, id, 1); break;
  case PRECIS_FORMAT_JSONL: st = S_json(&b, s, c, id, 0); break;
  case PRECIS_FORMAT_TEXT:
  default: st = S_text(&b, s, c); break;
  }
  if (st != PRECIS_OK) {
    buf_free(&b);
    return NULL;
  }
  return buf_detach(&b, len);
}
