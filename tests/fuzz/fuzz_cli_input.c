/* fuzz_cli_input.c — libFuzzer target for the CLI's cluster inputs
 * (src/cli/cluster_input.c, src/cli/input.c).
 *
 * The first byte picks the path and its options (the cmark-fuzz way):
 *   bits 0-1  0 JSONL reader (cluster_jsonl_stream over fmemopen), each
 *               line summarized; 1 add_articles ("|||||" and
 *               "story_separator_special_tag" splitting, HTML pages);
 *               2 precis_date_seconds; 3 order_by_date on parts split at 0x00,
 *               each "DATE\nTEXT"
 *   bit  2    JSONL: order each line's cluster by date first;
 *             add_articles: the input is a .html page;
 *             order_by_date: articles capped at 64 bytes
 *   bits 3-4  budget unit (words, bytes, sentences) for the brief; 3 is
 *             words, and JSONL lines capped at 64 bytes
 *   bits 5-7  algorithm
 * Checks: the JSONL path's line reader (line_reader, src/cli/input.c),
 * under several caps, returns exactly the lines a split after each '\n'
 * gives (NUL bytes and all), and a line longer than the cap as too long
 * with its length; every brief sentence is a byte span of its article's
 * text; precis_text_decode's conversion is NUL-ended and at most three
 * bytes per input byte;
 * add_articles' count (0 when every part was rejected) is the cluster's;
 * a parsed date is a real calendar date and time whose key agrees with a
 * day count done by hand; ordering by date keeps every article (text and
 * metadata) and sorts them stably when every date parses. Any violation
 * aborts. The JSONL reader's error lines go to stdout, which is silenced
 * once; messages on stderr are left to -close_fd_mask=2. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster_input.h"
#include "input.h"
#include "precis.h"

#define MAX_PARTS 8

typedef struct fuzz_opts {
  unsigned op;
  int by_date;
} fuzz_opts;

/* Summarize with a small budget and check every sentence's span. */
static void S_brief(precis_cluster *c, unsigned op) {
  static const size_t budget[] = {30, 200, 3};
  size_t nalg = 0;
  while (precis_algorithm_name(nalg))
    nalg++;
  precis_options o;
  precis_options_init(&o);
  o.unit = (precis_budget_unit)(((op >> 3) & 3) % 3);
  o.budget = budget[o.unit];
  o.algorithm = precis_algorithm_name((op >> 5) % nalg);
  precis_summary *s = NULL;
  if (precis_summarize(c, &o, &s) != PRECIS_OK) {
    if (s) abort();
    return;
  }
  size_t ndocs = precis_cluster_doc_count(c);
  for (size_t i = 0; i < precis_summary_count(s); i++) {
    const precis_sentence *ps = precis_summary_sentence(s, i);
    if (ps->doc >= ndocs || ps->len == 0) abort();
    size_t dl;
    const char *dt = precis_cluster_doc_text(c, ps->doc, &dl);
    if (ps->offset > dl || ps->len > dl - ps->offset) abort();
    if (ps->text != dt + ps->offset) abort();
  }
  char *r = precis_summary_render(s, c, PRECIS_FORMAT_JSONL, "id", NULL);
  precis_free(r);
  precis_summary_free(s);
}

static int S_on_line(void *ctx, precis_cluster *c, const char *id,
                     const char *where, const input_log *skipped) {
  const fuzz_opts *fo = ctx;
  if (!where || !skipped || skipped->n != skipped->reported) abort();
  (void)id;
  if (fo->by_date && order_by_date(c) != 0) return 2;
  S_brief(c, fo->op);
  return 0;
}

/* The lines of data[0..size) through a line_reader capped at max, checked
 * against a split after each '\n'. */
static void S_lines(const uint8_t *data, size_t size, size_t max) {
  FILE *f = fmemopen((void *)(uintptr_t)data, size, "rb");
  if (!f) return;
  line_reader lr;
  line_reader_init(&lr, f, max);
  size_t at = 0;
  for (;;) {
    const char *line;
    size_t len;
    line_status st = line_reader_next(&lr, &line, &len);
    if (st == LR_ERROR) abort();
    if (at == size) {
      if (st != LR_END) abort();
      break;
    }
    const uint8_t *nl = memchr(data + at, '\n', size - at);
    size_t want = nl ? (size_t)(nl - (data + at)) + 1 : size - at;
    size_t body = nl ? want - 1 : want; /* what the cap counts */
    if (memchr(data + at, '\0', want)) { /* binary: the reader stops */
      if (st != LR_BINARY) abort();
      if (line_reader_next(&lr, &line, &len) != LR_END) abort();
      break;
    }
    if (body > max) {
      if (st != LR_TOO_LONG || len != want) abort();
    } else {
      if (st != LR_LINE || len != want) abort();
      if (memcmp(line, data + at, want) != 0 || line[want] != '\0') abort();
    }
    at += want;
  }
  line_reader_free(&lr);
  fclose(f);
}

static void S_jsonl(const uint8_t *data, size_t size, unsigned op) {
  if (size == 0) return; /* fmemopen refuses an empty buffer */
  /* caps at the first line's length and around the reader's first
   * buffer (4096 bytes, a line of 4094 and its '\n' and NUL) */
  const uint8_t *nl = memchr(data, '\n', size);
  size_t first = nl ? (size_t)(nl - data) : size;
  const size_t caps[] = {
      0, 1, 2, 63, first ? first - 1 : 0, first, first + 1, 4094, 4095,
      (size_t)-1};
  for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++)
    S_lines(data, size, caps[i]);
  FILE *f = fmemopen((void *)(uintptr_t)data, size, "rb");
  if (!f) return;
  precis_cluster *c = precis_cluster_new();
  if (c) {
    fuzz_opts fo = {op, (op >> 2) & 1};
    size_t max = ((op >> 3) & 3) == 3 ? 64 : INPUT_MAX_FILE_BYTES;
    int rc = cluster_jsonl_stream(c, f, "fuzz", max, S_on_line, &fo);
    if (rc < 0 || rc > 2) abort();
  }
  precis_cluster_free(c);
  fclose(f);
}

static void S_articles(const uint8_t *data, size_t size, unsigned op) {
  /* an exact-size copy: add_articles must stay within text[0..len) */
  char *text = malloc(size ? size : 1);
  if (!text) return;
  memcpy(text, data, size);
  /* what add_articles reads a text as: as it is, or a NUL-ended
   * conversion at most three bytes per input byte (U+FFFD for one) */
  char *dec = NULL;
  size_t dl = 0;
  const char *cs = NULL;
  precis_status st = precis_text_decode(text, size, &dec, &dl, &cs);
  if (st == PRECIS_OK && (!cs || (dec && (dec[dl] != 0 || dl > 3 * size))))
    abort();
  if (st != PRECIS_OK && (dec || st != PRECIS_ERR_BINARY)) abort();
  precis_free(dec);
  precis_cluster *c = precis_cluster_new();
  if (c) {
    int n = add_articles(c, "fuzz", "outlet", text, size, (op >> 2) & 1, 0, 1,
                         NULL);
    if (n < -1) abort();
    if (n > 0 && (size_t)n != precis_cluster_doc_count(c)) abort();
    if (n > 0) S_brief(c, op);
  }
  precis_cluster_free(c);
  free(text);
}

static int S_leap(long y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The key of y-m-d at midnight UTC, counted a day at a time. */
static long long S_day_key(long y, int m, int d) {
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  long long days = 0;
  for (long k = 1970; k < y; k++)
    days += 365 + S_leap(k);
  for (long k = y; k < 1970; k++)
    days -= 365 + S_leap(k);
  for (int k = 1; k < m; k++)
    days += mdays[k - 1] + (k == 2 && S_leap(y));
  return (days + d - 1) * 86400;
}

static int S_num(const char *s, int n) {
  int v = 0;
  for (int i = 0; i < n; i++)
    v = v * 10 + (s[i] - '0');
  return v;
}

/* A date precis_date_seconds accepted: the calendar date is real, the time of
 * day and the zone offset are in range, and the key is that day's midnight plus
 * at most a day and a zone's worth of seconds. */
static void S_check_date(const char *s, long long key) {
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  while (*s == ' ')
    s++;
  long y = S_num(s, 4);
  int m = S_num(s + 5, 2), d = S_num(s + 8, 2);
  if (m < 1 || m > 12 || d < 1) abort();
  if (d > mdays[m - 1] + (m == 2 && S_leap(y))) abort();
  long long day = S_day_key(y, m, d);
  long long secs = key - day; /* time of day minus the zone offset */
  if (secs < -(24 * 3600LL) || secs > 2 * 24 * 3600LL) abort();
  const char *t = s + 10;
  if (*t == 'T' || (*t == ' ' && t[1] >= '0' && t[1] <= '9')) {
    int h = S_num(t + 1, 2), mi = S_num(t + 4, 2);
    int se = t[6] == ':' ? S_num(t + 7, 2) : 0;
    int frac = 0; /* a fraction of a second other than zero */
    if (t[6] == ':' && (t[9] == '.' || t[9] == ',')) {
      for (const char *f = t + 10; *f >= '0' && *f <= '9'; f++)
        if (*f != '0') frac = 1;
    }
    /* 24:00 ends a day; any later time on the 24th hour is no time */
    if (h > 24 || mi > 59 || se > 60) abort();
    if (h == 24 && (mi || se || frac)) abort();
  }
}

static void S_dates(const uint8_t *data, size_t size) {
  char *s = malloc(size + 1);
  if (!s) return;
  memcpy(s, data, size);
  s[size] = '\0';
  long long key = 0;
  if (precis_date_seconds(s, &key) == 0) S_check_date(s, key);
  free(s);
}

typedef struct saved {
  char *text, *date;
  size_t len;
  long long key;
} saved;

/* Copy article i's text and date out of the cluster. */
static int S_save(const precis_cluster *c, size_t i, saved *sv) {
  const char *t = precis_cluster_doc_text(c, i, &sv->len);
  const precis_doc_meta *m = precis_cluster_doc_meta(c, i);
  sv->text = malloc(sv->len + 1);
  sv->date = m->date ? strdup(m->date) : NULL;
  if (!sv->text || (m->date && !sv->date)) return -1;
  memcpy(sv->text, t, sv->len);
  return 0;
}

static void S_order(const uint8_t *data, size_t size, unsigned op) {
  precis_cluster *c = precis_cluster_new();
  saved sv[MAX_PARTS];
  size_t n = 0, from = 0;
  memset(sv, 0, sizeof sv);
  if (!c) return;
  if ((op >> 2) & 1) precis_cluster_set_max_doc_bytes(c, 64);
  for (size_t i = 0; i <= size && precis_cluster_doc_count(c) < MAX_PARTS;
       i++) {
    if (i < size && data[i] != 0) continue;
    const char *p = (const char *)data + from;
    size_t len = i - from;
    from = i + 1;
    const char *nl = memchr(p, '\n', len);
    size_t dl = nl ? (size_t)(nl - p) : len;
    char date[64];
    if (dl >= sizeof date) dl = sizeof date - 1;
    memcpy(date, p, dl);
    date[dl] = '\0';
    precis_doc_meta meta = {"outlet", NULL, NULL, date};
    const char *t = nl ? nl + 1 : p + len;
    precis_cluster_add(c, t, (size_t)(p + len - t), &meta);
  }
  n = precis_cluster_doc_count(c);
  int all_dated = n >= 2;
  for (size_t i = 0; i < n; i++) {
    if (S_save(c, i, &sv[i]) != 0) goto out;
    if (precis_date_seconds(sv[i].date, &sv[i].key) != 0) all_dated = 0;
  }
  if (order_by_date(c) != 0) goto out; /* out of memory */
  if (precis_cluster_doc_count(c) != n) abort();
  /* the expected order: stable by key when every article is dated */
  size_t want[MAX_PARTS];
  for (size_t i = 0; i < n; i++) {
    size_t k = i;
    while (all_dated && k > 0 && sv[want[k - 1]].key > sv[i].key) {
      want[k] = want[k - 1];
      k--;
    }
    want[k] = i;
  }
  for (size_t i = 0; i < n; i++) {
    const saved *w = &sv[want[i]];
    size_t len;
    const char *t = precis_cluster_doc_text(c, i, &len);
    const precis_doc_meta *m = precis_cluster_doc_meta(c, i);
    if (len != w->len || memcmp(t, w->text, len) != 0) abort();
    if (!m->date != !w->date || (w->date && strcmp(m->date, w->date) != 0))
      abort();
  }
  if (n) S_brief(c, op);
out:
  for (size_t i = 0; i < n; i++) {
    free(sv[i].text);
    free(sv[i].date);
  }
  precis_cluster_free(c);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  /* cluster_jsonl_stream writes {"id", "error"} lines for bad input */
  if (!freopen("/dev/null", "w", stdout)) abort();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1 || size > (1 << 16)) return 0;
  unsigned op = data[0];
  data++;
  size--;
  switch (op & 3) {
  case 0: S_jsonl(data, size, op); break;
  case 1: S_articles(data, size, op); break;
  case 2: S_dates(data, size); break;
  default: S_order(data, size, op); break;
  }
  return 0;
}
