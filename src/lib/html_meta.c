/* html_meta.c — page metadata: headline, site, authors, date, URL, language.
 *
 * One iterative walk over the document collects every source of evidence;
 * each field then takes the most trusted source that has a value:
 *
 *   field      sources, most trusted first
 *   title      JSON-LD headline, og:title, twitter:title, other title metas,
 *              <title> (site suffix cut), first <h1>
 *   site_name  og:site_name, JSON-LD publisher.name, application-name,
 *              the suffix cut from <title>
 *   author     JSON-LD author(s), author metas (article:author when not a
 *              URL, dc.creator, parsely-author, ...), visible byline
 *              (rel=author, itemprop=author, class "byline"/"author")
 *   date       JSON-LD datePublished, publication-time metas, <time> with
 *              pubdate or itemprop=datePublished, first <time datetime>,
 *              JSON-LD dateCreated/dateModified, /YYYY/MM/DD/ in the URL
 *   url        <link rel=canonical>, og:url, JSON-LD url, the caller's URL
 *   language   <html lang>, content-language metas, og:locale,
 *              JSON-LD inLanguage
 *
 * JSON-LD blocks are parsed with json-c (raw control characters, which
 * pages often leave inside strings, are turned into spaces first; @graph
 * and arrays are followed, 8 levels at most). Its articleBody is handed to
 * the extractor as a hint. Dates are normalized to ISO 8601 by
 * html_date_iso(); relative URLs are resolved against <base href> or the
 * caller's URL. Every field is collapsed to one line and capped at
 * HTML_MAX_FIELD bytes.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <libxml/uri.h>

#include "html.h"
#include "token.h"

enum { F_TITLE, F_SITE, F_AUTHOR, F_DATE, F_URL, F_LANG, F_BODY, F_NFIELDS };

typedef struct cand {
  char *v;
  int prio; /* lower is better */
} cand;

typedef struct meta_state {
  cand f[F_NFIELDS];
  char *base;       /* <base href> */
  char *doc_title;  /* raw <title> */
  char *h1;         /* first h1 text */
  char *byline;
  char *time_any;   /* first <time datetime> */
} meta_state;

/* Offer a value for a field with a priority; takes ownership of v. */
static void offer(meta_state *m, int field, char *v, int prio) {
  if (!v) return;
  if (!*v || (m->f[field].v && m->f[field].prio <= prio)) {
    free(v);
    return;
  }
  free(m->f[field].v);
  m->f[field].v = v;
  m->f[field].prio = prio;
}

static char *dup_clean(const char *s) {
  return s ? html_clean_dup(s, strlen(s), HTML_MAX_FIELD) : NULL;
}

/* One step of a depth-first walk: into x's children when down, else to
 * the next sibling of x or of its nearest ancestor that has one. NULL
 * when the walk climbs back to stop, above its start (depth < 0) or to
 * the document. */
static const xmlNode *S_step(const xmlNode *x, int down, int *depth,
                             const xmlNode *stop) {
  if (down) {
    (*depth)++;
    return x->children;
  }
  while (x && !x->next) {
    x = x->parent;
    (*depth)--;
    if (!x || x == stop || *depth < 0 || x->type == XML_DOCUMENT_NODE ||
        x->type == XML_HTML_DOCUMENT_NODE)
      return NULL;
  }
  return x ? x->next : NULL;
}

/* Text content of an element, collapsed, at most `max` bytes. */
static char *node_text(const xmlNode *n, size_t max) {
  buf b = BUF_INIT;
  const xmlNode *x = n->children;
  size_t visited = 0;
  int depth = 0;
  b.cap = max * 4 + 64;
  while (x && visited++ < 20000) {
    int down = 0;
    if ((x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) &&
        x->content) {
      if (buf_puts(&b, (const char *)x->content) != PRECIS_OK) break;
    } else if (x->type == XML_ELEMENT_NODE && x->children &&
               depth < HTML_MAX_DEPTH &&
               strcmp((const char *)x->name, "script") != 0 &&
               strcmp((const char *)x->name, "style") != 0) {
      if (x->name[0] == 'b' && x->name[1] == 'r' && !x->name[2])
        buf_putc(&b, ' ');
      down = 1;
    } else if (x->type == XML_ELEMENT_NODE && x->name &&
               strcmp((const char *)x->name, "br") == 0) {
      buf_putc(&b, ' ');
    }
    x = S_step(x, down, &depth, n);
  }
  char *r = html_clean_dup(b.ptr, b.len, max);
  buf_free(&b);
  return r;
}

/* ---- dates ---- */

static int month_from_name(const char *s, size_t *len) {
  static const char *const names[] = {"jan", "feb", "mar", "apr", "may",
                                      "jun", "jul", "aug", "sep", "oct",
                                      "nov", "dec"};
  size_t n = 0;
  while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z')) n++;
  if (n < 3) return 0;
  for (int i = 0; i < 12; i++)
    if (html_strncaseeq(s, names[i], 3)) {
      *len = n;
      return i + 1;
    }
  return 0;
}

static int read_num(const char **pp, int maxdig, int *out) {
  const char *p = *pp;
  int v = 0, n = 0;
  while (n < maxdig && *p >= '0' && *p <= '9') v = v * 10 + (*p++ - '0'), n++;
  if (!n) return 0;
  *pp = p;
  *out = v;
  return n;
}

static int valid_ymd(int y, int mo, int d) {
  return y >= 1800 && y <= 2199 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

/* Parse "HH:MM[:SS][.fff][ ]([AP]M)?" and a zone; returns 1 on success. */
static int parse_time(const char **pp, int *h, int *mi, int *se,
                      char *zone, size_t zsz) {
  const char *p = *pp;
  int hh, mm, ss = 0;
  if (!read_num(&p, 2, &hh) || *p != ':') return 0;
  p++;
  if (read_num(&p, 2, &mm) != 2) return 0;
  if (*p == ':') {
    p++;
    if (read_num(&p, 2, &ss) != 2) return 0;
    if (*p == '.' || *p == ',') {
      p++;
      while (*p >= '0' && *p <= '9') p++;
    }
  }
  const char *q = p;
  while (*q == ' ') q++;
  if ((q[0] == 'p' || q[0] == 'P') && (q[1] == 'm' || q[1] == 'M' ||
                                        q[1] == '.')) {
    if (hh < 12) hh += 12;
    p = q + 2;
    while (*p == '.' || *p == 'm' || *p == 'M') p++;
  } else if ((q[0] == 'a' || q[0] == 'A') &&
             (q[1] == 'm' || q[1] == 'M' || q[1] == '.')) {
    if (hh == 12) hh = 0;
    p = q + 2;
    while (*p == '.' || *p == 'm' || *p == 'M') p++;
  }
  if (hh > 23 || mm > 59 || ss > 60) return 0;
  zone[0] = '\0';
  q = p;
  while (*q == ' ') q++;
  if (*q == 'Z' && !((q[1] >= 'a' && q[1] <= 'z'))) {
    snprintf(zone, zsz, "Z");
    q++;
  } else if (strncmp(q, "GMT", 3) == 0 || strncmp(q, "UTC", 3) == 0) {
    q += 3;
    if (*q != '+' && *q != '-') snprintf(zone, zsz, "Z");
  }
  if (*q == '+' || *q == '-') {
    char sign = *q++;
    int zh, zm = 0;
    int nd = read_num(&q, 4, &zh);
    if (nd == 4) {
      zm = zh % 100;
      zh /= 100;
    } else if (nd >= 1 && *q == ':') {
      q++;
      read_num(&q, 2, &zm);
    }
    if (nd && zh <= 14 && zm < 60) {
      if (zh == 0 && zm == 0) snprintf(zone, zsz, "Z");
      else snprintf(zone, zsz, "%c%02d:%02d", sign, zh, zm);
    }
  }
  *pp = q;
  *h = hh;
  *mi = mm;
  *se = ss;
  return 1;
}

static char *fmt_date(int y, int mo, int d, int have_time, int h, int mi,
                      int se, const char *zone) {
  char out[40];
  if (!valid_ymd(y, mo, d)) return NULL;
  if (have_time)
    snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02d%s", y, mo, d, h,
             mi, se, zone);
  else
    snprintf(out, sizeof out, "%04d-%02d-%02d", y, mo, d);
  return strdup(out);
}

char *html_date_iso(const char *s) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0, ht = 0;
  char zone[8] = "";
  const char *p = s;
  if (!s) return NULL;
  while (*p == ' ' || *p == '\t' || *p == '\n') p++;
  const char *q = p;
  int n = read_num(&q, 8, &y);
  if (n == 4 && (*q == '-' || *q == '/' || *q == '.')) {
    char sep = *q++;
    if (!read_num(&q, 2, &mo)) return NULL;
    if (*q == sep) {
      q++;
      if (!read_num(&q, 2, &d)) return NULL;
    } else {
      d = 1;
    }
    if (*q == 'T' || *q == ' ' || *q == 't') {
      const char *t = q + 1;
      while (*t == ' ') t++;
      ht = parse_time(&t, &h, &mi, &se, zone, sizeof zone);
    }
    return fmt_date(y, mo, d, ht, h, mi, se, zone);
  }
  if (n == 8) { /* 20120723 */
    d = y % 100;
    mo = (y / 100) % 100;
    y /= 10000;
    if (*q == 'T') {
      const char *t = q + 1;
      int hm;
      if (read_num(&t, 4, &hm) == 4) {
        h = hm / 100, mi = hm % 100, ht = h < 24 && mi < 60;
      }
    }
    return fmt_date(y, mo, d, ht, h, mi, se, zone);
  }
  /* textual: [Weekday,] (D Month Y | Month D, Y) [time] */
  q = p;
  size_t ml = 0;
  if (month_from_name(q, &ml) == 0) {
    /* skip a weekday name */
    const char *t = q;
    while ((*t >= 'a' && *t <= 'z') || (*t >= 'A' && *t <= 'Z')) t++;
    if (t > q && (*t == ',' || *t == ' ')) {
      while (*t == ',' || *t == ' ' || *t == '.') t++;
      q = t;
    }
  }
  if ((mo = month_from_name(q, &ml)) != 0) {
    q += ml;
    while (*q == '.' || *q == ' ') q++;
    if (!read_num(&q, 2, &d)) return NULL;
    while ((*q >= 'a' && *q <= 'z')) q++; /* 1st, 2nd */
    while (*q == ',' || *q == ' ') q++;
    if (read_num(&q, 4, &y) != 4) return NULL;
  } else if (read_num(&q, 2, &d)) {
    while (*q == ' ' || *q == '.' || *q == '-') q++;
    if ((mo = month_from_name(q, &ml)) == 0) return NULL;
    q += ml;
    while (*q == ' ' || *q == '.' || *q == ',' || *q == '-') q++;
    if (read_num(&q, 4, &y) != 4) return NULL;
  } else {
    return NULL;
  }
  while (*q == ' ' || *q == ',' || *q == 'T' || *q == '@') {
    q++;
    if (q[-1] == 'T') break;
  }
  const char *t = q;
  if (*t >= '0' && *t <= '9')
    ht = parse_time(&t, &h, &mi, &se, zone, sizeof zone);
  return fmt_date(y, mo, d, ht, h, mi, se, zone);
}

/* /2012/07/23/ or /2012-07-23 in a URL */
static char *date_from_url(const char *u) {
  for (const char *p = u; p && *p; p++) {
    if (*p != '/') continue;
    const char *q = p + 1;
    int y, mo, d;
    if (read_num(&q, 4, &y) != 4 || (*q != '/' && *q != '-')) continue;
    q++;
    if (read_num(&q, 2, &mo) != 2 || (*q != '/' && *q != '-')) continue;
    q++;
    if (read_num(&q, 2, &d) != 2) continue;
    if (valid_ymd(y, mo, d)) return fmt_date(y, mo, d, 0, 0, 0, 0, "");
  }
  return NULL;
}

/* ---- JSON-LD ---- */

/* JSON-LD is read with json-c (Debian libjson-c-dev), as the CLI's JSONL
 * is (src/cli/json_in.h says why it replaced jansson). */

/* The member `key` of o, or NULL (o not an object, no such member, or
 * null); *found (when given) says whether o has the member at all. */
static json_object *S_get(json_object *o, const char *key, int *found) {
  json_object *v = NULL;
  int f = json_object_is_type(o, json_type_object) &&
          json_object_object_get_ex(o, key, &v);
  if (found) *found = f;
  return v;
}

/* v's string, NULL when v is not a string. */
static const char *S_str(json_object *v) {
  return json_object_is_type(v, json_type_string) ? json_object_get_string(v)
                                                  : NULL;
}

static int type_is(json_object *t, const char *const *names, size_t n) {
  if (json_object_is_type(t, json_type_array)) {
    size_t len = json_object_array_length(t);
    for (size_t i = 0; i < len; i++)
      if (type_is(json_object_array_get_idx(t, i), names, n)) return 1;
    return 0;
  }
  const char *s = S_str(t);
  if (!s) return 0;
  const char *slash = strrchr(s, '/');
  if (slash) s = slash + 1; /* "http://schema.org/NewsArticle" */
  for (size_t i = 0; i < n; i++)
    if (strcmp(s, names[i]) == 0) return 1;
  size_t l = strlen(s);
  return l >= 7 && strcmp(s + l - 7, "Article") == 0 && names == NULL;
}

static const char *json_str(json_object *o, const char *key) {
  json_object *v = S_get(o, key, NULL);
  if (json_object_is_type(v, json_type_array))
    v = json_object_array_get_idx(v, 0);
  if (json_object_is_type(v, json_type_object)) {
    int found;
    json_object *w = S_get(v, "name", &found);
    if (!found) w = S_get(v, "@id", &found);
    if (!found) w = S_get(v, "url", NULL);
    v = w;
  }
  return S_str(v);
}

static void ld_authors(json_object *a, buf *b, int depth) {
  if (depth > 4 || !a) return;
  if (json_object_is_type(a, json_type_array)) {
    size_t len = json_object_array_length(a);
    for (size_t i = 0; i < len; i++)
      ld_authors(json_object_array_get_idx(a, i), b, depth + 1);
    return;
  }
  const char *s = S_str(a);
  if (!s) s = S_str(S_get(a, "name", NULL));
  if (!s || !*s || strncmp(s, "http", 4) == 0 || b->len > HTML_MAX_FIELD)
    return;
  char *c = dup_clean(s);
  if (!c) return;
  if (!html_memcasemem(b->ptr ? b->ptr : "", b->len, c)) {
    if (b->len) buf_puts(b, ", ");
    buf_puts(b, c);
  }
  free(c);
}

static void ld_visit(meta_state *m, json_object *j, int depth) {
  static const char *const article_types[] = {
      "Article",           "NewsArticle",        "BlogPosting",
      "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
      "LiveBlogPosting",   "SocialMediaPosting", "TechArticle",
      "ScholarlyArticle",  "Report",             "ReviewNewsArticle",
      "BackgroundNewsArticle", "Review",         "DiscussionForumPosting"};
  static const char *const site_types[] = {"WebSite", "Organization",
                                           "NewsMediaOrganization"};
  if (depth > 8 || !j) return;
  if (json_object_is_type(j, json_type_array)) {
    size_t len = json_object_array_length(j);
    for (size_t i = 0; i < len; i++)
      ld_visit(m, json_object_array_get_idx(j, i), depth + 1);
    return;
  }
  if (!json_object_is_type(j, json_type_object)) return;
  json_object *graph = S_get(j, "@graph", NULL);
  if (graph) ld_visit(m, graph, depth + 1);
  json_object *type = S_get(j, "@type", NULL);
  size_t na = sizeof article_types / sizeof article_types[0];
  int art = type_is(type, article_types, na) || type_is(type, NULL, 0);
  if (art) {
    const char *h = json_str(j, "headline");
    if (!h) h = json_str(j, "name");
    offer(m, F_TITLE, dup_clean(h), 10);
    buf a = BUF_INIT;
    ld_authors(S_get(j, "author", NULL), &a, 0);
    if (!a.len) ld_authors(S_get(j, "creator", NULL), &a, 0);
    offer(m, F_AUTHOR, a.len ? html_clean_dup(a.ptr, a.len, HTML_MAX_FIELD)
                             : NULL, 10);
    buf_free(&a);
    offer(m, F_DATE, html_date_iso(json_str(j, "datePublished")), 10);
    offer(m, F_DATE, html_date_iso(json_str(j, "dateCreated")), 50);
    offer(m, F_DATE, html_date_iso(json_str(j, "dateModified")), 55);
    json_object *pub = S_get(j, "publisher", NULL);
    if (json_object_is_type(pub, json_type_array))
      pub = json_object_array_get_idx(pub, 0);
    if (json_object_is_type(pub, json_type_object))
      offer(m, F_SITE, dup_clean(json_str(pub, "name")), 20);
    const char *u = json_str(j, "url");
    if (!u) u = json_str(j, "mainEntityOfPage");
    if (u && strncmp(u, "http", 4) == 0) offer(m, F_URL, dup_clean(u), 30);
    offer(m, F_LANG, dup_clean(json_str(j, "inLanguage")), 40);
    const char *body = S_str(S_get(j, "articleBody", NULL));
    if (body && strlen(body) > 200) {
      char *c = strdup(body);
      offer(m, F_BODY, c, 10);
    }
  } else if (type_is(type, site_types, 3)) {
    offer(m, F_SITE, dup_clean(json_str(j, "name")), 25);
  }
}

static void ld_parse(meta_state *m, const char *s) {
  size_t n = strlen(s);
  if (n > INT_MAX) return; /* json-c counts in int */
  char *t = malloc(n + 1);
  if (!t) return;
  size_t k = 0;
  const char *p = s;
  /* drop HTML comment and CDATA wrappers; raw controls become spaces */
  while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') p++;
  if (strncmp(p, "<!--", 4) == 0) p += 4;
  for (; *p; p++) t[k++] = (unsigned char)*p < 0x20 ? ' ' : *p;
  t[k] = '\0';
  char *c = strstr(t, "-->");
  if (c) *c = '\0';
  /* the first value; what follows it is not read (a second block, a
   * stray semicolon) */
  json_tokener *tk = json_tokener_new_ex(512);
  json_object *j = NULL;
  if (tk) {
    json_tokener_set_flags(tk, JSON_TOKENER_VALIDATE_UTF8);
    j = json_tokener_parse_ex(tk, t, (int)strlen(t));
    if (json_tokener_get_error(tk) != json_tokener_success) {
      json_object_put(j);
      j = NULL;
    }
    json_tokener_free(tk);
  }
  free(t);
  if (!j) return;
  ld_visit(m, j, 0);
  json_object_put(j);
}

/* ---- meta tags ---- */

typedef struct meta_rule {
  const char *key; /* name/property/itemprop, case-insensitive */
  int field;
  int prio;
} meta_rule;

static const meta_rule meta_rules[] = {
    {"og:title", F_TITLE, 20},
    {"twitter:title", F_TITLE, 30},
    {"title", F_TITLE, 35},
    {"dc.title", F_TITLE, 35},
    {"sailthru.title", F_TITLE, 36},
    {"parsely-title", F_TITLE, 36},
    {"headline", F_TITLE, 32},
    {"og:site_name", F_SITE, 10},
    {"application-name", F_SITE, 30},
    {"author", F_AUTHOR, 20},
    {"article:author", F_AUTHOR, 22},
    {"dc.creator", F_AUTHOR, 24},
    {"parsely-author", F_AUTHOR, 24},
    {"sailthru.author", F_AUTHOR, 25},
    {"byl", F_AUTHOR, 26},
    {"twitter:creator", F_AUTHOR, 60},
    {"article:published_time", F_DATE, 20},
    {"og:published_time", F_DATE, 21},
    {"og:article:published_time", F_DATE, 21},
    {"datepublished", F_DATE, 21},
    {"article.published", F_DATE, 22},
    {"pubdate", F_DATE, 23},
    {"publishdate", F_DATE, 23},
    {"publish-date", F_DATE, 23},
    {"publish_date", F_DATE, 23},
    {"parsely-pub-date", F_DATE, 23},
    {"sailthru.date", F_DATE, 24},
    {"dc.date.issued", F_DATE, 24},
    {"dc.date", F_DATE, 25},
    {"dcterms.created", F_DATE, 25},
    {"citation_publication_date", F_DATE, 25},
    {"date", F_DATE, 26},
    {"displaydate", F_DATE, 27},
    {"originalpublicationdate", F_DATE, 27},
    {"article:modified_time", F_DATE, 56},
    {"og:url", F_URL, 20},
    {"og:locale", F_LANG, 30},
    {"content-language", F_LANG, 20},
    {"language", F_LANG, 21},
    {"dc.language", F_LANG, 22},
};

static void on_meta(meta_state *m, const xmlNode *x) {
  const char *content = html_attr(x, "content");
  if (!content) return;
  const char *keys[4] = {html_attr(x, "property"), html_attr(x, "name"),
                         html_attr(x, "itemprop"), html_attr(x, "http-equiv")};
  for (int k = 0; k < 4; k++) {
    const char *key = keys[k];
    if (!key) continue;
    /* property may hold several space-separated values */
    const char *p = key;
    while (*p) {
      while (*p == ' ') p++;
      const char *q = p;
      while (*q && *q != ' ') q++;
      size_t l = (size_t)(q - p);
      for (size_t r = 0; r < sizeof meta_rules / sizeof meta_rules[0]; r++) {
        const meta_rule *mr = &meta_rules[r];
        if (strlen(mr->key) != l || !html_strncaseeq(p, mr->key, l)) continue;
        char *v;
        if (mr->field == F_DATE) v = html_date_iso(content);
        else v = dup_clean(content);
        if (v && mr->field == F_AUTHOR &&
            (strncmp(v, "http", 4) == 0 || strchr(v, '@') == v)) {
          free(v);
          v = NULL;
        }
        offer(m, mr->field, v, mr->prio);
      }
      p = q;
    }
  }
}

static int has_word(const char *s, const char *w) {
  return s && html_memcasemem(s, strlen(s), w) != NULL;
}

/* Cut "By " from a byline. */
static char *clean_byline(char *s) {
  if (!s) return NULL;
  char *p = s;
  if (html_strncaseeq(p, "by ", 3)) p += 3;
  else if (html_strncaseeq(p, "by:", 3)) p += 3;
  while (*p == ' ') p++;
  if (p != s) memmove(s, p, strlen(p) + 1);
  if (!*s || strlen(s) > 100) {
    free(s);
    return NULL;
  }
  return s;
}

static void walk(meta_state *m, xmlNode *root) {
  const xmlNode *x = root;
  int depth = 0;
  size_t visited = 0;
  while (x && visited++ < HTML_MAX_NODES) {
    int down = 0;
    if (x->type == XML_ELEMENT_NODE && x->name) {
      const char *name = (const char *)x->name;
      if (strcmp(name, "meta") == 0) {
        on_meta(m, x);
      } else if (strcmp(name, "title") == 0 && !m->doc_title) {
        m->doc_title = node_text(x, HTML_MAX_FIELD);
      } else if (strcmp(name, "base") == 0 && !m->base) {
        m->base = dup_clean(html_attr(x, "href"));
      } else if (strcmp(name, "link") == 0) {
        const char *rel = html_attr(x, "rel");
        if (rel && html_strcaseeq(rel, "canonical"))
          offer(m, F_URL, dup_clean(html_attr(x, "href")), 10);
      } else if (strcmp(name, "script") == 0) {
        const char *t = html_attr(x, "type");
        if (t && html_strcaseeq(t, "application/ld+json") && x->children &&
            x->children->content)
          ld_parse(m, (const char *)x->children->content);
      } else if (strcmp(name, "html") == 0) {
        const char *l = html_attr(x, "lang");
        if (!l) l = html_attr(x, "xml:lang");
        offer(m, F_LANG, dup_clean(l), 10);
        down = 1;
      } else if (strcmp(name, "time") == 0) {
        const char *dt = html_attr(x, "datetime");
        char *d = html_date_iso(dt);
        const char *ip = html_attr(x, "itemprop");
        if (d && (html_attr(x, "pubdate") ||
                  (ip && has_word(ip, "datePublished"))))
          offer(m, F_DATE, d, 30);
        else if (d && !m->time_any)
          m->time_any = d;
        else
          free(d);
        down = 0;
      } else if (strcmp(name, "h1") == 0 && !m->h1) {
        m->h1 = node_text(x, HTML_MAX_FIELD);
      } else {
        down = 1;
        if (!m->byline && strcmp(name, "style") != 0) {
          const char *rel = html_attr(x, "rel");
          const char *ip = html_attr(x, "itemprop");
          const char *cls = html_attr(x, "class");
          int hit = (rel && html_strcaseeq(rel, "author")) ||
                    (ip && html_strcaseeq(ip, "author")) ||
                    has_word(cls, "byline");
          if (hit) m->byline = clean_byline(node_text(x, 200));
        }
      }
      if (strcmp(name, "script") == 0 || strcmp(name, "style") == 0) down = 0;
      if (!x->children || depth >= HTML_MAX_DEPTH) down = 0;
    }
    x = S_step(x, down, &depth, NULL);
  }
}

/* Separators between a headline and the site name in <title>. */
static const char *const title_seps[] = {" | ", " - ", " \xE2\x80\x93 ",
                                         " \xE2\x80\x94 ", " :: ",
                                         " \xC2\xBB ", " / ", " \xC2\xB7 "};

/* Cut a site-name suffix (or prefix) from a title; sets *site. */
static char *cut_title(const char *t, char **site) {
  const char *last = NULL, *first = NULL;
  size_t seplen = 0, firstlen = 0;
  *site = NULL;
  for (size_t i = 0; i < sizeof title_seps / sizeof title_seps[0]; i++) {
    const char *sep = title_seps[i];
    for (const char *p = strstr(t, sep); p; p = strstr(p + 1, sep)) {
      if (!last || p > last) last = p, seplen = strlen(sep);
      if (!first || p < first) first = p, firstlen = strlen(sep);
    }
  }
  if (!last) return strdup(t);
  size_t before = (size_t)(last - t);
  if (count_words(t, before) >= 3) {
    *site = html_clean_dup(last + seplen, strlen(last + seplen),
                           HTML_MAX_FIELD);
    return html_clean_dup(t, before, HTML_MAX_FIELD);
  }
  const char *after = first + firstlen;
  if (count_words(after, strlen(after)) >= 3) {
    *site = html_clean_dup(t, (size_t)(first - t), HTML_MAX_FIELD);
    return html_clean_dup(after, strlen(after), HTML_MAX_FIELD);
  }
  return strdup(t);
}

/* Strip " | Site" from a title when Site is the known site name. */
static void strip_site(char *t, const char *site) {
  if (!t || !site || !*site) return;
  size_t tl = strlen(t), sl = strlen(site);
  for (size_t i = 0; i < sizeof title_seps / sizeof title_seps[0]; i++) {
    size_t pl = strlen(title_seps[i]);
    if (tl > sl + pl && html_strcaseeq(t + tl - sl, site) &&
        strncmp(t + tl - sl - pl, title_seps[i], pl) == 0) {
      t[tl - sl - pl] = '\0';
      return;
    }
  }
}

static char *resolve(const char *u, const char *base) {
  if (!u || !*u) return NULL;
  if (strncmp(u, "http://", 7) == 0 || strncmp(u, "https://", 8) == 0)
    return strdup(u);
  if (!base) return NULL;
  xmlChar *r = xmlBuildURI((const xmlChar *)u, (const xmlChar *)base);
  if (!r) return NULL;
  char *s = strdup((const char *)r);
  xmlFree(r);
  if (s && strncmp(s, "http", 4) != 0) {
    free(s);
    s = NULL;
  }
  return s;
}

void html_hints_free(html_hints *h) {
  if (!h) return;
  free(h->title);
  free(h->doc_title);
  free(h->article_body);
  free(h->byline);
  memset(h, 0, sizeof *h);
}

precis_status html_meta(xmlDoc *doc, const char *page_url, precis_page *page,
                        html_hints *hints) {
  meta_state m;
  memset(&m, 0, sizeof m);
  xmlNode *root = xmlDocGetRootElement(doc);
  if (root) walk(&m, root);

  /* title */
  char *site_from_title = NULL;
  if (m.doc_title) {
    char *t = cut_title(m.doc_title, &site_from_title);
    offer(&m, F_TITLE, t, 50);
  }
  if (m.h1) offer(&m, F_TITLE, strdup(m.h1), 60);
  if (m.f[F_TITLE].v && m.f[F_TITLE].prio >= 50 && m.h1 && m.doc_title &&
      count_words(m.h1, strlen(m.h1)) >= 3 &&
      strstr(m.doc_title, m.h1)) {
    free(m.f[F_TITLE].v);
    m.f[F_TITLE].v = strdup(m.h1);
  }
  if (site_from_title &&
      count_words(site_from_title, strlen(site_from_title)) <= 5)
    offer(&m, F_SITE, site_from_title, 60);
  else
    free(site_from_title);
  strip_site(m.f[F_TITLE].v, m.f[F_SITE].v);

  /* author, date */
  if (m.byline) offer(&m, F_AUTHOR, strdup(m.byline), 40);
  if (m.time_any) {
    offer(&m, F_DATE, m.time_any, 40);
    m.time_any = NULL;
  }

  /* url */
  const char *base = m.base ? m.base : page_url;
  char *url = resolve(m.f[F_URL].v, base);
  if (!url && m.f[F_URL].v && base && page_url && base != page_url)
    url = resolve(m.f[F_URL].v, page_url);
  if (!url && page_url) url = strdup(page_url);
  free(m.f[F_URL].v);
  m.f[F_URL].v = url;
  if (url) offer(&m, F_DATE, date_from_url(url), 70);

  /* language: first tag of the list, "en_US" -> "en-US" */
  if (m.f[F_LANG].v) {
    char *l = m.f[F_LANG].v;
    size_t i = 0;
    for (; l[i] && l[i] != ',' && l[i] != ' ' && l[i] != ';'; i++)
      if (l[i] == '_') l[i] = '-';
    l[i] = '\0';
  }

  page->title = m.f[F_TITLE].v;
  page->site_name = m.f[F_SITE].v;
  page->author = m.f[F_AUTHOR].v;
  page->date = m.f[F_DATE].v;
  page->url = m.f[F_URL].v;
  page->language = m.f[F_LANG].v && *m.f[F_LANG].v ? m.f[F_LANG].v : NULL;
  if (!page->language) free(m.f[F_LANG].v);
  if (hints) {
    hints->title = page->title ? strdup(page->title) : NULL;
    hints->doc_title = m.doc_title;
    m.doc_title = NULL;
    hints->article_body = m.f[F_BODY].v;
    m.f[F_BODY].v = NULL;
    hints->byline = m.byline;
    m.byline = NULL;
  }
  free(m.f[F_BODY].v);
  free(m.base);
  free(m.doc_title);
  free(m.h1);
  free(m.byline);
  free(m.time_any);
  return PRECIS_OK;
}
