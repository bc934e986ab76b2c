/* input.c — see input.h. */
#include "input.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int read_stream(FILE *f, size_t cap, char **out, size_t *len) {
  size_t n = 0, alloc = 1 << 16;
  char *p = malloc(alloc);
  if (!p) return -1;
  for (;;) {
    if (alloc - n < 2) {
      if (alloc >= cap + 2) {
        free(p);
        errno = EFBIG;
        return -1;
      }
      size_t na = alloc + alloc / 2;
      if (na > cap + 2) na = cap + 2;
      char *q = realloc(p, na);
      if (!q) {
        free(p);
        return -1;
      }
      p = q;
      alloc = na;
    }
    size_t r = fread(p + n, 1, alloc - n - 1, f);
    n += r;
    if (r == 0) {
      if (ferror(f)) {
        int e = errno ? errno : EIO;
        free(p);
        errno = e;
        return -1;
      }
      break;
    }
    if (n > cap) {
      free(p);
      errno = EFBIG;
      return -1;
    }
  }
  p[n] = '\0';
  *out = p;
  *len = n;
  return 0;
}

int read_file_why(const char *path, size_t cap, char **out, size_t *len,
                  char *why, size_t whyn) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    snprintf(why, whyn, "%s", strerror(errno));
    return -1;
  }
  errno = 0;
  int rc = read_stream(f, cap, out, len);
  int e = errno;
  fclose(f);
  if (rc != 0) {
    if (e == EFBIG)
      snprintf(why, whyn, "file larger than %zu bytes", cap);
    else
      snprintf(why, whyn, "%s", e ? strerror(e) : "read error");
    return -1;
  }
  return 0;
}

int read_file(const char *path, size_t cap, char **out, size_t *len) {
  char why[128];
  if (read_file_why(path, cap, out, len, why, sizeof why) != 0) {
    fprintf(stderr, "precis: %s: %s\n", path, why);
    return -1;
  }
  return 0;
}

/* ---- skipped inputs ---- */

void input_reject(input_log *log, const char *label, const char *reason) {
  fprintf(stderr, "precis: %s: %s\n", label, reason);
  if (!log) return;
  log->reported++;
  if (log->n == log->cap) {
    size_t nc = log->cap ? log->cap * 2 : 8;
    input_skip *v = realloc(log->v, nc * sizeof *v);
    if (!v) return;
    log->v = v;
    log->cap = nc;
  }
  input_skip *k = &log->v[log->n];
  k->label = strdup(label);
  k->reason = strdup(reason);
  if (!k->label || !k->reason) {
    free(k->label);
    free(k->reason);
    return;
  }
  log->n++;
}

void input_log_free(input_log *log) {
  for (size_t i = 0; i < log->n; i++) {
    free(log->v[i].label);
    free(log->v[i].reason);
  }
  free(log->v);
  log->v = NULL;
  log->n = log->cap = log->reported = 0;
}

/* ---- lines ---- */

#define LR_FIRST 4096 /* the buffer's first size; it doubles up to max + 2 */

void line_reader_init(line_reader *r, FILE *f, size_t max) {
  r->f = f;
  r->max = max < SIZE_MAX - 2 ? max : SIZE_MAX - 2;
  r->buf = NULL;
  r->alloc = 0;
  r->dirty = 0;
  r->stopped = 0;
}

void line_reader_free(line_reader *r) {
  free(r->buf);
  r->buf = NULL;
  r->alloc = r->dirty = 0;
}

void line_reader_trim(line_reader *r, size_t keep) {
  if (r->alloc > keep) line_reader_free(r);
}

/* Double the buffer, to at most max + 2 bytes (a line of max bytes, its
 * '\n' and the NUL); the new bytes are '\n'. 0, or -1 with errno set. */
static int S_lr_grow(line_reader *r) {
  size_t lim = r->max + 2;
  size_t na = r->alloc ? r->alloc * 2 : LR_FIRST;
  if (na > lim || na < r->alloc) na = lim;
  char *p = realloc(r->buf, na);
  if (!p) {
    errno = ENOMEM;
    return -1;
  }
  memset(p + r->alloc, '\n', na - r->alloc);
  r->buf = p;
  r->alloc = na;
  return 0;
}

/* One fgets into buf[from..alloc): the number of bytes read (0 at the end
 * of input or on an error); *nl tells whether they end the line.
 *
 * fgets does not say how many bytes it read, and a NUL byte among them
 * hides the NUL it ends them with. But the bytes it does not write are
 * '\n' (the buffer is kept so), and a '\n' it reads is its last byte: so
 * the first '\n' from buf + from is either that byte, with the NUL right
 * after it, or the first byte not written, with the NUL right before. */
static size_t S_lr_fill(line_reader *r, size_t from, int *nl) {
  char *s = r->buf + from;
  size_t room = r->alloc - from;
  if (room > INT_MAX) room = INT_MAX;
  *nl = 0;
  if (!fgets(s, (int)room, r->f)) return 0;
  const char *q = memchr(s, '\n', room);
  if (!q) return room - 1; /* the room is full and holds no '\n' */
  if (q + 1 < s + room && q[1] == '\0') {
    *nl = 1;
    return (size_t)(q + 1 - s);
  }
  return (size_t)(q - 1 - s); /* the input ended without a '\n' */
}

line_status line_reader_next(line_reader *r, const char **line, size_t *len) {
  size_t n = 0, skipped = 0;
  int nl = 0, over = 0;
  *line = NULL;
  *len = 0;
  if (r->stopped) return LR_END;
  if (r->dirty) memset(r->buf, '\n', r->dirty); /* the last line's bytes */
  r->dirty = 0;
  errno = 0;
  for (;;) {
    if (n + 1 >= r->alloc) { /* no room for a byte and the NUL */
      if (r->alloc >= r->max + 2) {
        /* max + 1 bytes and no '\n': too long; read on to its end */
        over = 1;
        skipped += n;
        memset(r->buf, '\n', n + 1);
        n = 0;
      } else if (S_lr_grow(r) != 0) {
        return LR_ERROR;
      }
    }
    size_t k = S_lr_fill(r, n, &nl);
    if (k == 0) {
      if (ferror(r->f)) {
        r->dirty = r->alloc; /* fgets may have written anything */
        if (!errno) errno = EIO;
        return LR_ERROR;
      }
      break; /* the end of the input */
    }
    if (memchr(r->buf + n, '\0', k)) { /* binary: stop (header comment) */
      line_reader_free(r);
      r->stopped = 1;
      *len = skipped + n + k;
      return LR_BINARY;
    }
    n += k;
    if (nl) break;
  }
  r->dirty = n + 1;
  if (over) {
    line_reader_free(r); /* nor is the memory the line took kept */
    *len = skipped + n;
    return LR_TOO_LONG;
  }
  if (n == 0) return LR_END;
  r->buf[n] = '\0';
  *line = r->buf;
  *len = n;
  return LR_LINE;
}

void outlet_from_path(const char *path, char *out, size_t outn) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  size_t n = strlen(base);
  const char *dot = strrchr(base, '.');
  if (dot && dot != base) n = (size_t)(dot - base);
  if (n >= outn) n = outn - 1;
  memcpy(out, base, n);
  out[n] = '\0';
}

/* Next separator at or after `from`; sets *seplen. NULL if none. */
static const char *S_next_sep(const char *s, size_t len, size_t from,
                              size_t *seplen) {
  static const char *const seps[] = {"|||||", "story_separator_special_tag"};
  const char *best = NULL;
  for (size_t k = 0; k < 2; k++) {
    size_t m = strlen(seps[k]);
    const char *p = s + from;
    const char *end = s + len;
    while (p + m <= end) {
      const char *q = memchr(p, seps[k][0], (size_t)(end - p));
      if (!q || q + m > end) break;
      if (memcmp(q, seps[k], m) == 0) {
        if (!best || q < best) {
          best = q;
          *seplen = m;
        }
        break;
      }
      p = q + 1;
    }
  }
  return best;
}

static int S_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\n' && s[i] != '\r' && s[i] != '\t')
      return 0;
  return 1;
}

const char *html_error_message(precis_status st) {
  if (st == PRECIS_ERR_PARSE)
    return "malformed HTML: no main text before the parser stopped";
  return st == PRECIS_ERR_EMPTY ? "no main text found" : precis_strerror(st);
}

void html_warn_stopped(const char *prog, const char *label, const char *why) {
  if (why)
    fprintf(stderr, "%s: %s: %s; the rest of the page is not read\n", prog,
            label, why);
}

int cluster_is_full(const precis_cluster *c) {
  return precis_cluster_doc_count(c) >= PRECIS_MAX_DOCS;
}

static const char *S_or(const char *given, const char *fallback) {
  return given && *given ? given : fallback;
}

/* A part or page the cluster or the extractor refused with st: out of
 * memory ends the run (-1), anything else rejects this input only (1). */
static int S_refused(input_log *log, const char *label, precis_status st,
                     const char *msg) {
  if (st == PRECIS_ERR_NOMEM) {
    fprintf(stderr, "precis: %s: %s\n", label, precis_strerror(st));
    return -1;
  }
  input_reject(log, label, msg);
  return 1;
}

/* Extract one page and add its main text: 0, 1 (rejected) or -1 (out of
 * memory), as S_add_one. */
static int S_add_page(precis_cluster *c, const char *label, const char *name,
                      const char *html, size_t len, int verbose,
                      input_log *log) {
  precis_page *page = NULL;
  precis_status st = precis_html_extract(html, len, NULL, &page);
  if (st != PRECIS_OK) return S_refused(log, label, st, html_error_message(st));
  html_warn_stopped("precis", label, precis_page_stopped(page));
  size_t tl;
  const char *t = precis_page_text(page, &tl);
  precis_doc_meta meta = {S_or(precis_page_site_name(page), name),
                          precis_page_url(page), precis_page_title(page),
                          precis_page_date(page)};
  if (verbose) {
    const char *enc = precis_page_encoding(page);
    fprintf(stderr,
            "precis: %s: HTML page (%s, %zu bytes): %zu bytes of main text, "
            "outlet '%s', date %s\n",
            label, enc ? enc : "?", len, tl, meta.source,
            meta.date ? meta.date : "unknown");
  }
  st = precis_cluster_add(c, t, tl, &meta);
  precis_page_free(page);
  return st == PRECIS_OK ? 0 : S_refused(log, label, st, precis_strerror(st));
}

/* One article: 0 added, 1 rejected (reported), -1 out of memory. */
static int S_add_one(precis_cluster *c, const char *label, const char *name,
                     const char *text, size_t len, int is_html, int verbose,
                     input_log *log) {
  if (is_html || precis_looks_like_html(text, len))
    return S_add_page(c, label, name, text, len, verbose, log);
  precis_doc_meta meta = {name, NULL, NULL, NULL};
  precis_status st = precis_cluster_add(c, text, len, &meta);
  return st == PRECIS_OK ? 0 : S_refused(log, label, st, precis_strerror(st));
}

/* Parts part, part + 1, ... from text[from..) are not read (the cluster
 * is full): rejected as one entry, "LABEL (articles K to N)", N the last
 * part that is not blank. */
static void S_reject_rest(input_log *log, const char *label, const char *text,
                          size_t len, size_t from, int part) {
  int last = part;
  for (int k = part;; k++) {
    size_t sl = 0;
    const char *q = S_next_sep(text, len, from, &sl);
    size_t to = q ? (size_t)(q - text) : len;
    if (!S_blank(text + from, to - from)) last = k;
    if (!q) break;
    from = to + sl;
  }
  char lb[1024];
  if (last == part)
    snprintf(lb, sizeof lb, "%s (article %d)", label, part);
  else
    snprintf(lb, sizeof lb, "%s (articles %d to %d)", label, part, last);
  input_reject(log, lb, INPUT_FULL_REASON);
}

/* add_articles on bytes known to be UTF-8 (or a page's). */
static int S_add_articles(precis_cluster *c, const char *label,
                          const char *name, const char *text, size_t len,
                          int is_html, int verbose, input_log *log);

int add_articles(precis_cluster *c, const char *label, const char *name,
                 const char *text, size_t len, int is_html, int verbose,
                 int quiet, input_log *log) {
  if (is_html || precis_looks_like_html(text, len))
    return S_add_articles(c, label, name, text, len, is_html, verbose, log);
  char *dec = NULL;
  size_t dl = 0;
  const char *cs = NULL;
  precis_status st = precis_text_decode(text, len, &dec, &dl, &cs);
  if (st == PRECIS_ERR_NOMEM) {
    fprintf(stderr, "precis: %s: %s\n", label, precis_strerror(st));
    return -1;
  }
  /* binary: precis_cluster_add refuses it and says so, as before */
  if (st != PRECIS_OK || !dec)
    return S_add_articles(c, label, name, text, len, 0, verbose, log);
  if (strcmp(cs, "windows-1252") == 0 ? !quiet : verbose)
    fprintf(stderr, "precis: %s: %s; read as %s\n", label,
            strcmp(cs, "windows-1252") == 0 ? "not UTF-8" : "UTF-16", cs);
  int n = S_add_articles(c, label, name, dec, dl, 0, verbose, log);
  precis_free(dec);
  return n;
}

static int S_add_articles(precis_cluster *c, const char *label,
                          const char *name, const char *text, size_t len,
                          int is_html, int verbose, input_log *log) {
  size_t seplen = 0;
  /* a .html file is one page, whatever its text contains */
  const char *sep = is_html ? NULL : S_next_sep(text, len, 0, &seplen);
  if (!sep) {
    if (S_blank(text, len)) {
      input_reject(log, label, "empty input");
      return 0;
    }
    int r = S_add_one(c, label, name, text, len, is_html, verbose, log);
    return r < 0 ? -1 : r == 0;
  }
  int added = 0, rejected = 0, part = 0;
  size_t from = 0;
  char nm[512], lb[1024];
  for (;;) {
    size_t sl = 0;
    const char *q = S_next_sep(text, len, from, &sl);
    size_t to = q ? (size_t)(q - text) : len;
    part++;
    if (!S_blank(text + from, to - from)) {
      if (cluster_is_full(c)) {
        S_reject_rest(log, label, text, len, from, part);
        rejected++;
        break;
      }
      snprintf(nm, sizeof nm, "%s #%d", name, part);
      snprintf(lb, sizeof lb, "%s (article %d)", label, part);
      int r = S_add_one(c, lb, nm, text + from, to - from, 0, verbose, log);
      if (r < 0) return -1;
      added += r == 0;
      rejected += r == 1;
    }
    if (!q) break;
    from = to + sl;
  }
  /* a part that was rejected said so; only blank parts need saying */
  if (added == 0 && rejected == 0)
    input_reject(log, label, "no articles between separators");
  return added;
}

/* ---- JSONL documents ---- */

precis_status html_doc_resolve(html_doc *d, const char *text, size_t tlen,
                               const char *html, size_t hlen,
                               const precis_doc_meta *given) {
  static const precis_doc_meta none = {NULL, NULL, NULL, NULL};
  if (!given) given = &none;
  memset(d, 0, sizeof *d);
  d->meta = *given;
  int text_is_html = text && precis_looks_like_html(text, tlen);
  const char *src = NULL;
  size_t slen = 0;
  if (html && (!text || text_is_html)) {
    src = html;
    slen = hlen;
  } else if (text_is_html) {
    src = text;
    slen = tlen;
  }
  precis_html_options opt;
  precis_html_options_init(&opt);
  opt.url = given->url;
  if (src) {
    precis_status st = precis_html_extract(src, slen, &opt, &d->page);
    if (st != PRECIS_OK) return st;
    d->text = precis_page_text(d->page, &d->len);
    d->stopped = precis_page_stopped(d->page);
  } else {
    d->text = text;
    d->len = tlen;
    if (html) { /* metadata only; a page that cannot be read is ignored */
      precis_status st = precis_html_extract(html, hlen, &opt, &d->page);
      if (st == PRECIS_ERR_NOMEM) return st;
    }
  }
  if (d->page) {
    d->meta.source = S_or(given->source, precis_page_site_name(d->page));
    d->meta.url = S_or(given->url, precis_page_url(d->page));
    d->meta.title = S_or(given->title, precis_page_title(d->page));
    d->meta.date = S_or(given->date, precis_page_date(d->page));
  }
  return PRECIS_OK;
}

void html_doc_done(html_doc *d) {
  precis_page_free(d->page);
  d->page = NULL;
}

/* ---- date order ---- */

typedef struct dated {
  long long key;
  size_t index;
} dated;

static int S_cmp_dated(const void *a, const void *b) {
  const dated *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

typedef struct saved_doc {
  char *text;
  size_t len;
  char *f[4]; /* source, url, title, date */
} saved_doc;

static char *S_strdup0(const char *s, int *oom) {
  if (!s) return NULL;
  char *d = strdup(s);
  if (!d) *oom = 1;
  return d;
}

int order_by_date(precis_cluster *c) {
  size_t n = precis_cluster_doc_count(c);
  if (n < 2) return 0;
  dated *v = malloc(n * sizeof *v);
  if (!v) goto oom_plain;
  int sorted = 1;
  for (size_t i = 0; i < n; i++) {
    const precis_doc_meta *m = precis_cluster_doc_meta(c, i);
    if (!m || precis_date_seconds(m->date, &v[i].key) != 0) {
      free(v);
      return 0; /* an article without a date: keep the given order */
    }
    v[i].index = i;
    if (i && v[i].key < v[i - 1].key) sorted = 0;
  }
  if (sorted) {
    free(v);
    return 0;
  }
  qsort(v, n, sizeof *v, S_cmp_dated);
  /* the cluster has no reorder call: copy the articles out, reset, re-add
   * them in date order (their text is already normalized, so adding it
   * again changes nothing) */
  saved_doc *sv = calloc(n, sizeof *sv);
  int oom = !sv;
  for (size_t i = 0; !oom && i < n; i++) {
    const precis_doc_meta *m = precis_cluster_doc_meta(c, i);
    const char *t = precis_cluster_doc_text(c, i, &sv[i].len);
    sv[i].text = malloc(sv[i].len + 1);
    if (!sv[i].text) {
      oom = 1;
      break;
    }
    memcpy(sv[i].text, t, sv[i].len);
    sv[i].text[sv[i].len] = '\0';
    sv[i].f[0] = S_strdup0(m->source, &oom);
    sv[i].f[1] = S_strdup0(m->url, &oom);
    sv[i].f[2] = S_strdup0(m->title, &oom);
    sv[i].f[3] = S_strdup0(m->date, &oom);
  }
  int rc = 0;
  if (!oom) {
    precis_cluster_reset(c);
    for (size_t k = 0; k < n && rc == 0; k++) {
      const saved_doc *d = &sv[v[k].index];
      precis_doc_meta m = {d->f[0], d->f[1], d->f[2], d->f[3]};
      precis_status st = precis_cluster_add(c, d->text, d->len, &m);
      if (st != PRECIS_OK) {
        fprintf(stderr, "precis: ordering articles by date: %s\n",
                precis_strerror(st));
        rc = -1;
      }
    }
  }
  for (size_t i = 0; sv && i < n; i++) {
    free(sv[i].text);
    for (int k = 0; k < 4; k++) free(sv[i].f[k]);
  }
  free(sv);
  free(v);
  if (!oom) return rc;
oom_plain:
  fprintf(stderr, "precis: out of memory\n");
  return -1;
}
