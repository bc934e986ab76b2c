/* html_page.c — the public HTML API: precis_html_extract and precis_page.
 *
 * precis_html_extract checks size and emptiness, decodes the bytes to
 * UTF-8 (html_decode.c), parses them with libxml2's HTML parser in
 * recovery mode (no network, no errors printed, encoding fixed to UTF-8 so
 * a lying <meta charset> cannot switch it, HTML_PARSE_HUGE off so libxml2's
 * own depth and text-size limits apply), reads the metadata (html_meta.c)
 * and extracts the main text (html_extract.c).
 *
 * precis_looks_like_html is a cheap sniffer for callers that get files of
 * unknown type: a leading doctype/html/head/body tag after a BOM, white
 * space, comments or an XML declaration, or at least five well-known HTML
 * tags in the first 4 KiB.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "html.h"

void precis_html_options_init(precis_html_options *o) {
  if (o) memset(o, 0, sizeof *o);
}

static void page_free_fields(precis_page *p) {
  free(p->text);
  free(p->title);
  free(p->site_name);
  free(p->author);
  free(p->date);
  free(p->url);
  free(p->language);
  free(p->encoding);
}

void precis_page_free(precis_page *p) {
  if (!p) return;
  page_free_fields(p);
  free(p);
}

static void quiet(void *ctx, xmlErrorPtr err) {
  (void)ctx;
  (void)err;
}

/* Why libxml2 stopped before the page's end, or NULL. In recovery mode
 * an error only disables SAX when the parser halts (xmlHaltParser): past
 * its depth limit, or on a resource limit; what came before is in the
 * tree, the rest of the page is not. */
static const char *stopped_why(const htmlParserCtxt *ctxt) {
  if (!ctxt->disableSAX) return NULL;
  const char *m = ctxt->lastError.message;
  if (m && strncmp(m, "Excessive depth", 15) == 0)
    return "elements nested over 256 deep";
  return "the HTML parser stopped early";
}

precis_status precis_html_extract(const char *html, size_t len,
                                  const precis_html_options *opt,
                                  precis_page **out) {
  buf utf8 = BUF_INIT, text = BUF_INIT;
  char charset[32];
  unsigned dflags = 0;
  html_hints hints;
  htmlParserCtxtPtr ctxt = NULL;
  xmlDoc *doc = NULL;
  precis_page *page = NULL;
  precis_status st = PRECIS_OK;
  size_t cap = opt && opt->max_bytes ? opt->max_bytes
                                     : PRECIS_HTML_MAX_BYTES_DEFAULT;
  memset(&hints, 0, sizeof hints);
  if (!out || (!html && len)) return PRECIS_ERR_INVALID_ARG;
  *out = NULL;
  if (len == 0) return PRECIS_ERR_EMPTY;
  if (len > cap || len > (size_t)INT_MAX / 2) return PRECIS_ERR_TOO_BIG;

  st = html_decode(html, len, opt ? opt->encoding : NULL, &utf8, charset,
                   sizeof charset, &dflags);
  if (st != PRECIS_OK) goto cleanup;
  if (utf8.len == 0 || utf8.len > (size_t)INT_MAX) {
    st = utf8.len ? PRECIS_ERR_TOO_BIG : PRECIS_ERR_EMPTY;
    goto cleanup;
  }

  ctxt = htmlNewParserCtxt();
  if (!ctxt) {
    st = PRECIS_ERR_NOMEM;
    goto cleanup;
  }
  if (ctxt->sax) {
    ctxt->sax->serror = quiet;
    ctxt->sax->error = NULL;
    ctxt->sax->warning = NULL;
  }
  doc = htmlCtxtReadMemory(ctxt, utf8.ptr, (int)utf8.len, NULL, "UTF-8",
                           HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                               HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                               HTML_PARSE_IGNORE_ENC |
                               HTML_PARSE_COMPACT);
  if (!doc) {
    st = PRECIS_ERR_PARSE;
    goto cleanup;
  }
  const char *stopped = stopped_why(ctxt);
  buf_free(&utf8); /* the tree holds its own copy */

  page = calloc(1, sizeof *page);
  if (!page) {
    st = PRECIS_ERR_NOMEM;
    goto cleanup;
  }
  if ((st = html_meta(doc, opt ? opt->url : NULL, page, &hints)))
    goto cleanup;
  if ((st = html_extract(doc, &hints, &text))) goto cleanup;
  if (text.len == 0) {
    st = stopped ? PRECIS_ERR_PARSE : PRECIS_ERR_EMPTY;
    goto cleanup;
  }
  page->stopped = stopped;
  page->text = buf_detach(&text, &page->text_len);
  page->encoding = strdup(charset);
  if (!page->encoding) {
    st = PRECIS_ERR_NOMEM;
    goto cleanup;
  }
  *out = page;
  page = NULL;

cleanup:
  precis_page_free(page);
  html_hints_free(&hints);
  if (doc) xmlFreeDoc(doc);
  if (ctxt) htmlFreeParserCtxt(ctxt);
  buf_free(&utf8);
  buf_free(&text);
  return st;
}

const char *precis_page_text(const precis_page *p, size_t *len) {
  if (len) *len = p ? p->text_len : 0;
  return p && p->text ? p->text : "";
}

const char *precis_page_title(const precis_page *p) {
  return p ? p->title : NULL;
}
const char *precis_page_site_name(const precis_page *p) {
  return p ? p->site_name : NULL;
}
const char *precis_page_author(const precis_page *p) {
  return p ? p->author : NULL;
}
const char *precis_page_date(const precis_page *p) {
  return p ? p->date : NULL;
}
const char *precis_page_url(const precis_page *p) { return p ? p->url : NULL; }
const char *precis_page_language(const precis_page *p) {
  return p ? p->language : NULL;
}
const char *precis_page_encoding(const precis_page *p) {
  return p ? p->encoding : NULL;
}
const char *precis_page_stopped(const precis_page *p) {
  return p ? p->stopped : NULL;
}

static precis_status put_field(buf *b, const char *key, const char *v,
                               int comma) {
  precis_status st = buf_printf(b, "%s\"%s\":", comma ? "," : "", key);
  if (st) return st;
  if (!v) return buf_puts(b, "null");
  if ((st = buf_putc(b, '"'))) return st;
  if ((st = buf_put_json_str(b, v, strlen(v)))) return st;
  return buf_putc(b, '"');
}

char *precis_page_render_json(const precis_page *p, size_t *len) {
  buf b = BUF_INIT;
  precis_status st;
  if (len) *len = 0;
  if (!p) return NULL;
  st = buf_putc(&b, '{');
  if (!st) st = put_field(&b, "title", p->title, 0);
  if (!st) st = put_field(&b, "site_name", p->site_name, 1);
  if (!st) st = put_field(&b, "author", p->author, 1);
  if (!st) st = put_field(&b, "date", p->date, 1);
  if (!st) st = put_field(&b, "url", p->url, 1);
  if (!st) st = put_field(&b, "language", p->language, 1);
  if (!st) st = put_field(&b, "encoding", p->encoding, 1);
  if (!st) st = buf_puts(&b, ",\"text\":\"");
  if (!st && p->text) st = buf_put_json_str(&b, p->text, p->text_len);
  if (!st) st = buf_puts(&b, "\"}");
  if (st) {
    buf_free(&b);
    return NULL;
  }
  return buf_detach(&b, len);
}

/* ---- sniffing ---- */

static int starts_tag(const char *p, const char *end, const char *name) {
  size_t n = strlen(name);
  if ((size_t)(end - p) < n + 1 || !html_strncaseeq(p, name, n)) return 0;
  char c = p[n];
  return c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
         c == '/';
}

int precis_looks_like_html(const char *data, size_t len) {
  static const char *const common[] = {
      "p",  "div", "span", "a",   "br",    "table", "tr",    "td",
      "li", "ul",  "img",  "h1",  "h2",    "h3",    "b",     "i",
      "em", "strong", "script", "meta", "link", "title", "section",
      "article", "html", "head", "body", "style", "nav", "form", "input"};
  const char *p = data, *end;
  if (!data || len == 0) return 0;
  if (len > 4096) len = 4096;
  end = data + len;
  if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
  for (;;) {
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
      p++;
    if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
      const char *e = html_memcasemem(p, (size_t)(end - p), "-->");
      if (!e) break;
      p = e + 3;
    } else if (end - p >= 5 && memcmp(p, "<?xml", 5) == 0) {
      const char *e = memchr(p, '>', (size_t)(end - p));
      if (!e) break;
      p = e + 1;
    } else {
      break;
    }
  }
  if (end - p >= 14 && html_strncaseeq(p, "<!doctype html", 14)) return 1;
  if (p < end && *p == '<' &&
      (starts_tag(p + 1, end, "html") || starts_tag(p + 1, end, "head") ||
       starts_tag(p + 1, end, "body")))
    return 1;
  /* tag density */
  size_t hits = 0;
  for (const char *q = data; q < end; q++) {
    if (*q != '<') continue;
    const char *t = q + 1;
    if (t < end && *t == '/') t++;
    for (size_t i = 0; i < sizeof common / sizeof common[0]; i++)
      if (starts_tag(t, end, common[i])) {
        hits++;
        break;
      }
  }
  return hits >= 5;
}
