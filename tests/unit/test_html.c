/* test_html.c — HTML main-text and metadata extraction (precis_html_*).
 *
 * Fixtures are the handwritten pages of tests/html/ (invented text). The
 * charset cases are built here from byte strings, and the pathological
 * pages (50 MB, 100k levels of nesting, binary) are generated at run time
 * rather than committed. Run from the repository root.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "json_check.h"
#include "precis.h"
#include "utf8_check.h"

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *b = NULL;
  long n;
  if (!f) return NULL;
  if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
      fseek(f, 0, SEEK_SET) != 0 || !(b = malloc((size_t)n + 1))) {
    fclose(f);
    return NULL;
  }
  *len = fread(b, 1, (size_t)n, f);
  b[*len] = '\0';
  fclose(f);
  return b;
}

static int has(const precis_page *p, const char *needle) {
  return p && strstr(precis_page_text(p, NULL), needle) != NULL;
}

static precis_page *extract_file(const char *path) {
  size_t len = 0;
  char *html = slurp(path, &len);
  precis_page *p = NULL;
  if (!html) {
    printf("# cannot read %s\n", path);
    return NULL;
  }
  precis_status st = precis_html_extract(html, len, NULL, &p);
  if (st != PRECIS_OK) printf("# %s: %s\n", path, precis_strerror(st));
  free(html);
  return p;
}

static precis_page *extract_str(const char *s, size_t len, precis_status *st) {
  precis_page *p = NULL;
  *st = precis_html_extract(s, len, NULL, &p);
  return p;
}

static void test_boilerplate(void) {
  precis_page *p = extract_file("tests/html/boilerplate.html");
  OK(p != NULL, "boilerplate: extracted");
  OK(has(p, "The Millbrook public library opened its doors again"),
     "boilerplate: first paragraph kept");
  OK(has(p, "without any late fees."), "boilerplate: last paragraph kept");
  OK(has(p, "\n\nA building made for floods\n\n"),
     "boilerplate: heading inside the body kept as its own paragraph");
  OK(has(p, "\"We designed it expecting the river"),
     "boilerplate: block quote kept");
  OK(has(p, "\n\na workshop for repairing old maps and letters\n\n"),
     "boilerplate: list items kept, one per paragraph");
  OK(!has(p, "cookies"), "boilerplate: cookie notice dropped");
  OK(!has(p, "Share on"), "boilerplate: share bar dropped");
  OK(!has(p, "Advertisement"), "boilerplate: ad label dropped");
  OK(!has(p, "newsletter"), "boilerplate: newsletter prompt dropped");
  OK(!has(p, "Related stories") && !has(p, "Council approves budget"),
     "boilerplate: related articles dropped");
  OK(!has(p, "Great news") && !has(p, "3 comments"),
     "boilerplate: comments dropped");
  OK(!has(p, "Most read") && !has(p, "Road closures"),
     "boilerplate: sidebar dropped");
  OK(!has(p, "Copyright") && !has(p, "Sport"),
     "boilerplate: navigation and footer dropped");
  OK(!has(p, "reopens after two-year rebuild"),
     "boilerplate: headline left to the metadata");
  STR_EQ(precis_page_title(p),
         "Millbrook library reopens after two-year rebuild",
         "boilerplate: title without the site suffix");
  STR_EQ(precis_page_site_name(p), "The Valley Courier",
         "boilerplate: site name from og:site_name");
  STR_EQ(precis_page_language(p), "en", "boilerplate: language from lang");
  size_t len;
  const char *t = precis_page_text(p, &len);
  OK(len > 0 && t[0] == 'T' && t[len - 1] == '.',
     "boilerplate: no leading or trailing white space");
  OK(!strstr(t, "\n\n\n"), "boilerplate: paragraphs split by one blank line");
  precis_page_free(p);
}

static void test_br(void) {
  precis_page *p = extract_file("tests/html/br.html");
  OK(has(p, "morning crossing.\n\nFishermen report"),
     "br: <br><br> separates paragraphs");
  OK(has(p, "in a decade.\nLines should be doubled"),
     "br: a single <br> is a line break");
  OK(!has(p, "Archive"), "br: menu cell dropped");
  precis_page_free(p);
}

static void test_split(void) {
  precis_page *p = extract_file("tests/html/split.html");
  OK(has(p, "fourteen apple varieties") && has(p, "community gardens"),
     "split: both parts of the body kept");
  OK(!has(p, "garden gifts"), "split: promo between the parts dropped");
  OK(!has(p, "Privacy") && !has(p, "About"), "split: links dropped");
  const char *t = precis_page_text(p, NULL);
  OK(t && strstr(t, "fourteen") < strstr(t, "Cuttings"),
     "split: document order kept");
  precis_page_free(p);
}

static void test_meta(void) {
  precis_page *p = extract_file("tests/html/jsonld.html");
  STR_EQ(precis_page_title(p), "Night trains return to the northern line",
         "json-ld: headline");
  STR_EQ(precis_page_author(p), "Ines Marrow, Kofi Adjei",
         "json-ld: several authors");
  STR_EQ(precis_page_date(p), "2031-03-14T06:30:00+01:00",
         "json-ld: datePublished");
  STR_EQ(precis_page_site_name(p), "Rail Gazette", "json-ld: publisher");
  STR_EQ(precis_page_url(p),
         "https://news.example.org/travel/night-trains-return",
         "json-ld page: canonical resolved against <base>");
  STR_EQ(precis_page_language(p), "en-GB", "json-ld page: language");
  OK(has(p, "Sleeper services") && !has(p, "Travel"), "json-ld page: text");
  precis_page_free(p);

  p = extract_file("tests/html/og.html");
  STR_EQ(precis_page_title(p), "Beekeepers count a record spring", "og: title");
  STR_EQ(precis_page_site_name(p), "Country Lines", "og: site name");
  STR_EQ(precis_page_author(p), "Hedda Vos", "meta: author");
  STR_EQ(precis_page_date(p), "2031-05-02T09:15:00Z",
         "meta: article:published_time");
  STR_EQ(precis_page_url(p), "https://country.example.com/bees/record-spring",
         "og: url");
  STR_EQ(precis_page_language(p), "en-US", "og: locale normalized");
  OK(!has(p, "By Hedda Vos"), "og page: byline not in the text");
  precis_page_free(p);

  p = extract_file("tests/html/time.html");
  STR_EQ(precis_page_date(p), "2031-07-19", "<time datetime>");
  STR_EQ(precis_page_author(p), "Lena Hartwig", "visible byline rel=author");
  STR_EQ(precis_page_language(p), "de", "lang=de");
  OK(has(p, "Lampionumzug") && has(p, "Bürgermeister"),
     "German page: body kept (stop words of German)");
  precis_page_free(p);
}

static void test_json(void) {
  precis_page *p = extract_file("tests/html/jsonld.html");
  size_t len = 0;
  char *j = precis_page_render_json(p, &len);
  json_object *o = j ? parse_json(j, len, NULL) : NULL;
  OK(o != NULL, "render_json: valid JSON");
  OK(j && !strchr(j, '\n'), "render_json: one line");
  STR_EQ(jstr(jget(o, "author")), "Ines Marrow, Kofi Adjei",
         "render_json: author field");
  OK(json_object_is_type(jget(o, "text"), json_type_string),
     "render_json: text field");
  json_object_put(o);
  precis_free(j);
  precis_page_free(p);
  p = extract_file("tests/html/br.html");
  j = precis_page_render_json(p, &len);
  o = j ? parse_json(j, len, NULL) : NULL;
  OK(o && jnull_member(o, "date"), "render_json: unknown fields are null");
  json_object_put(o);
  precis_free(j);
  precis_page_free(p);
}

#define PARA                                                                   \
  "<p>The weather station on the ridge recorded the first frost of the "       \
  "season on Tuesday night, two weeks earlier than the average of the "        \
  "last thirty years, and the gardeners of the valley covered %s.</p>"

static precis_page *charset_page(const char *meta, const char *word,
                                 precis_status *st) {
  char html[2048];
  char para[1024];
  snprintf(para, sizeof para, PARA, word);
  int n = snprintf(html, sizeof html,
                   "<html><head>%s<title>Frost</title></head><body>"
                   "<div>%s%s</div></body></html>",
                   meta, para, para);
  return extract_str(html, (size_t)n, st);
}

static void test_charsets(void) {
  precis_status st;
  precis_page *p;

  p = charset_page("<meta charset=\"iso-8859-1\">", "their caf\xC3\xA9 tables",
                   &st);
  OK(has(p, "caf\xC3\xA9 tables"), "utf-8 bytes win over a lying meta");
  STR_EQ(precis_page_encoding(p), "utf-8", "lying meta: encoding utf-8");
  precis_page_free(p);

  p = charset_page("<meta http-equiv=\"Content-Type\" content=\"text/html; "
                   "charset=windows-1252\">",
                   "\x93their\x94 caf\xE9 tables", &st);
  OK(has(p, "\xE2\x80\x9Ctheir\xE2\x80\x9D caf\xC3\xA9 tables"),
     "cp1252 bytes converted (quotes and accents)");
  STR_EQ(precis_page_encoding(p), "windows-1252", "cp1252: encoding");
  precis_page_free(p);

  p = charset_page("", "the caf\xE9 tables \x96 all of them", &st);
  OK(has(p, "caf\xC3\xA9 tables \xE2\x80\x93 all"),
     "undeclared legacy bytes read as windows-1252");
  precis_page_free(p);

  p = charset_page("<meta charset=\"iso-8859-1\">", "the caf\xE9 tables", &st);
  OK(has(p, "caf\xC3\xA9 tables"), "iso-8859-1 page decoded");
  STR_EQ(precis_page_encoding(p), "windows-1252",
         "iso-8859-1 label means windows-1252");
  precis_page_free(p);

  p = charset_page("<meta charset=\"utf-8\">",
                   "the caf\xE9 tables and the b\xE2timent", &st);
  OK(has(p, "caf\xC3\xA9 tables"), "utf-8 label on cp1252 bytes: cp1252");
  precis_page_free(p);

  p = charset_page("<meta charset=\"shift_jis\">",
                   "the caf\xE9 tables \xFF\xFE", &st);
  OK(st == PRECIS_OK && p, "declared-but-wrong multibyte charset: no error");
  OK(p && utf8_check(precis_page_text(p, NULL),
                     p ? strlen(precis_page_text(p, NULL)) : 0),
     "declared-but-wrong charset: valid UTF-8 out");
  precis_page_free(p);

  p = charset_page("<meta charset=\"x-no-such-charset\">", "the caf\xE9 tables",
                   &st);
  OK(has(p, "caf\xC3\xA9 tables"), "unknown label falls back to cp1252");
  precis_page_free(p);

  p = charset_page("<meta charset=\"utf-8\">",
                   "their caf\xC3\x83\xC2\xA9 tables "
                   "\xC3\xA2\xE2\x82\xAC\xC5\x93quoted"
                   "\xC3\xA2\xE2\x82\xAC\xC2\x9D",
                   &st);
  OK(has(p, "caf\xC3\xA9 tables \xE2\x80\x9Cquoted\xE2\x80\x9D"),
     "double-encoded UTF-8 (mojibake) repaired");
  precis_page_free(p);

  p = charset_page("<meta charset=\"utf-8\">",
                   "the S\xC3\xA3o Paulo office and the \xC3\x89\xC2\xA9 mark",
                   &st);
  OK(has(p, "S\xC3\xA3o Paulo"), "legitimate accents left alone");
  precis_page_free(p);

  /* BOM: UTF-8 BOM wins over a meta tag */
  {
    char html[2048], para[1024];
    snprintf(para, sizeof para, PARA, "the caf\xC3\xA9 tables");
    int n = snprintf(html, sizeof html,
                     "\xEF\xBB\xBF<html><head><meta charset=\"windows-1251\">"
                     "</head><body>%s%s</body></html>",
                     para, para);
    p = extract_str(html, (size_t)n, &st);
    OK(has(p, "caf\xC3\xA9 tables"), "UTF-8 BOM wins over meta");
    OK(p && precis_page_text(p, NULL)[0] == 'T', "BOM stripped");
    precis_page_free(p);

    /* UTF-16LE with BOM */
    char *w = malloc((size_t)n * 2 + 2);
    size_t k = 0;
    w[k++] = (char)0xFF;
    w[k++] = (char)0xFE;
    for (int i = 3; i < n; i++) { /* ASCII and é (as U+00E9) */
      unsigned char c = (unsigned char)html[i];
      if (c == 0xC3 && i + 1 < n) {
        w[k++] = (char)(0x40 + ((unsigned char)html[++i] & 0x3F) + 0x80);
        w[k++] = 0;
      } else {
        w[k++] = (char)c;
        w[k++] = 0;
      }
    }
    p = extract_str(w, k, &st);
    OK(has(p, "caf\xC3\xA9 tables"), "UTF-16LE with BOM decoded");
    STR_EQ(precis_page_encoding(p), "utf-16le", "UTF-16LE: encoding");
    precis_page_free(p);
    free(w);
  }

  /* invalid sequences in otherwise UTF-8 text become U+FFFD */
  p = charset_page("",
                   "the caf\xC3\xA9 caf\xC3\xA9 caf\xC3\xA9 caf\xC3\xA9 "
                   "caf\xC3\xA9 tables \xC3\x28 here",
                   &st);
  OK(has(p, "\xEF\xBF\xBD("), "stray invalid byte becomes U+FFFD");
  precis_page_free(p);
}

static char *repeat(const char *unit, size_t times, const char *head,
                    const char *tail, size_t *len) {
  size_t ul = strlen(unit), hl = strlen(head), tl = strlen(tail);
  char *b = malloc(hl + ul * times + tl + 1);
  if (!b) return NULL;
  memcpy(b, head, hl);
  for (size_t i = 0; i < times; i++)
    memcpy(b + hl + i * ul, unit, ul);
  memcpy(b + hl + ul * times, tail, tl + 1);
  *len = hl + ul * times + tl;
  return b;
}

static void test_pathological(void) {
  precis_status st;
  precis_page *p = (precis_page *)(uintptr_t)1;
  size_t len;
  char *b;

  st = precis_html_extract("", 0, NULL, &p);
  INT_EQ(st, PRECIS_ERR_EMPTY, "0 bytes: PRECIS_ERR_EMPTY");
  OK(p == NULL, "0 bytes: *out is NULL");
  INT_EQ(precis_html_extract(NULL, 5, NULL, &p), PRECIS_ERR_INVALID_ARG,
         "NULL html: PRECIS_ERR_INVALID_ARG");
  INT_EQ(precis_html_extract("<p>x</p>", 8, NULL, NULL), PRECIS_ERR_INVALID_ARG,
         "NULL out: PRECIS_ERR_INVALID_ARG");

  p = extract_str("   \n\t  ", 7, &st);
  INT_EQ(st, PRECIS_ERR_EMPTY, "white space only: PRECIS_ERR_EMPTY");
  p = extract_str("<html><head><title>Only a title</title></head></html>", 52,
                  &st);
  INT_EQ(st, PRECIS_ERR_EMPTY, "no <body>, no text: PRECIS_ERR_EMPTY");
  precis_page_free(p);
  p = extract_str("<html><body><script>var a = 1;</script>"
                  "<style>p{}</style></body></html>",
                  71, &st);
  INT_EQ(st, PRECIS_ERR_EMPTY, "scripts only: PRECIS_ERR_EMPTY");
  precis_page_free(p);

  {
    const char *t = "A page saved without any markup at all still has a "
                    "sentence or two, and the extractor should return it "
                    "rather than fail, since the body is implied.";
    p = extract_str(t, strlen(t), &st);
    OK(st == PRECIS_OK && has(p, "without any markup"),
       "text without tags or <body>: returned");
    precis_page_free(p);
  }
  {
    const char *t = "<div><p>Unclosed paragraph with <b>bold <i>and "
                    "italic text that never ends, in a page whose markup "
                    "is broken in several places</div></span><p>Second "
                    "paragraph <a href=x>with a link</p></td></table>"
                    "<p attr=\"unterminated>Third part of the text";
    p = extract_str(t, strlen(t), &st);
    OK(st == PRECIS_OK && has(p, "Unclosed paragraph"),
       "broken markup: recovered");
    precis_page_free(p);
  }

  /* binary */
  b = malloc(4096);
  memcpy(b, "\x89PNG\r\n\x1a\n", 8);
  for (int i = 8; i < 4096; i++)
    b[i] = (char)((i * 7919) & 0xFF);
  p = extract_str(b, 4096, &st);
  INT_EQ(st, PRECIS_ERR_BINARY, "PNG bytes: PRECIS_ERR_BINARY");
  for (int i = 0; i < 4096; i++)
    b[i] = (char)((i * 131 + 7) % 251);
  p = extract_str(b, 4096, &st);
  INT_EQ(st, PRECIS_ERR_BINARY, "random bytes: PRECIS_ERR_BINARY");
  free(b);

  /* 100k levels of nesting: libxml2 stops at its depth limit (256); we
   * return what was parsed before it, without recursing, and say that
   * the parser stopped; with no main text before it, PRECIS_ERR_PARSE */
  b = repeat("<div>", 100000,
             "<html><body><p>Text before the deep part of the page, long "
             "enough to count as a paragraph of prose for the scorer.</p>",
             "deep</body></html>", &len);
  p = extract_str(b, len, &st);
  OK(st == PRECIS_OK && has(p, "Text before the deep part") &&
         !has(p, "deep</") && precis_page_stopped(p) &&
         strcmp(precis_page_stopped(p), "elements nested over 256 deep") == 0,
     "100k nested <div>: the text before the limit, and why it stops (%s)",
     precis_strerror(st));
  precis_page_free(p);
  free(b);
  b = repeat("<span><b>x ", 50000, "<html><body><p>", "</p></body></html>",
             &len);
  p = extract_str(b, len, &st);
  OK(st == PRECIS_OK && precis_page_stopped(p),
     "100k nested inline elements: the x's before the limit (%s)",
     precis_strerror(st));
  precis_page_free(p);
  free(b);
  b = repeat("<table><tr><td>", 40000, "<html><body>", "cell</body></html>",
             &len);
  p = extract_str(b, len, &st);
  OK(st == PRECIS_ERR_PARSE && !p,
     "deeply nested tables, the only text past the limit: PRECIS_ERR_PARSE "
     "(%s)",
     precis_strerror(st));
  precis_page_free(p);
  free(b);
  /* a page nested just under the limit is read whole */
  b = repeat("<div>", 200,
             "<html><body><p>Text at the top of a page nested two hundred "
             "deep, long enough to count as a paragraph of prose.</p>",
             "<p>The deepest paragraph of the page, long enough to count as "
             "prose for the scorer too.</p></body></html>",
             &len);
  p = extract_str(b, len, &st);
  OK(st == PRECIS_OK && has(p, "The deepest paragraph") &&
         !precis_page_stopped(p),
     "200 nested <div>: read whole, not stopped (%s)", precis_strerror(st));
  precis_page_free(p);
  free(b);

  /* 50 MB: over the default cap; the cap is checked before any work */
  b = repeat(
      "<p>Filler paragraph of a very large page, repeated many times.</p>\n",
      (size_t)50 * 1024 * 1024 / 68, "<html><body>", "</body></html>", &len);
  OK(b && len > (size_t)49 * 1024 * 1024, "50 MB page generated");
  p = extract_str(b, len, &st);
  INT_EQ(st, PRECIS_ERR_TOO_BIG, "50 MB page: PRECIS_ERR_TOO_BIG");
  {
    precis_html_options o;
    precis_html_options_init(&o);
    o.max_bytes = 4096;
    INT_EQ(precis_html_extract(b, 5000, &o, &p), PRECIS_ERR_TOO_BIG,
           "max_bytes option enforced");
    /* a large page under the cap: a 4 MB prefix of the same bytes */
    o.max_bytes = 0;
    st = precis_html_extract(b, (size_t)4 << 20, &o, &p);
    OK(st == PRECIS_OK && has(p, "Filler paragraph"), "4 MB page: extracted");
    precis_page_free(p);
  }
  free(b);

  /* NUL bytes inside an otherwise textual page */
  {
    char t[600];
    int n = snprintf(t, sizeof t,
                     "<p>A paragraph with a stray NUL byte in the middle "
                     "of it, which must not cut the text short. X");
    t[n - 1] = '\0';
    n += snprintf(t + n, sizeof t - (size_t)n,
                  " And the text goes on after it, to the end.</p>");
    p = extract_str(t, (size_t)n, &st);
    OK(st == PRECIS_OK && has(p, "goes on after it"), "stray NUL: skipped");
    precis_page_free(p);
  }
}

static void test_options(void) {
  precis_html_options o;
  precis_page *p = NULL;
  precis_status st;
  char html[2048], para[1024];
  snprintf(para, sizeof para, PARA, "the \xA4 signs");
  int n = snprintf(html, sizeof html,
                   "<html><head><link rel=canonical href=\"/a/b\"></head>"
                   "<body>%s%s</body></html>",
                   para, para);
  precis_html_options_init(&o);
  o.encoding = "iso-8859-15";
  o.url = "https://example.net/x/y";
  st = precis_html_extract(html, (size_t)n, &o, &p);
  INT_EQ(st, PRECIS_OK, "options: extracted");
  OK(has(p, "the \xE2\x82\xAC signs"), "options: caller's charset used");
  STR_EQ(precis_page_url(p), "https://example.net/a/b",
         "options: relative canonical resolved against opt->url");
  precis_page_free(p);
}

static void test_sniff(void) {
  OK(precis_looks_like_html("<!DOCTYPE html><p>x", 19), "sniff: doctype");
  OK(precis_looks_like_html("\xEF\xBB\xBF  <html lang=en>", 20),
     "sniff: BOM + <html>");
  OK(precis_looks_like_html("<!-- saved --><HEAD><title>", 27),
     "sniff: comment then <head>");
  OK(precis_looks_like_html("<div><p>a</p><p>b</p><br><a href=x>y</a></div>",
                            46),
     "sniff: tag density");
  OK(!precis_looks_like_html("Plain text about <3 things and a < b.", 37),
     "sniff: plain text is not HTML");
  OK(!precis_looks_like_html("# Title\n\nSome *markdown* text.\n", 30),
     "sniff: markdown is not HTML");
  OK(!precis_looks_like_html("", 0), "sniff: empty");
}

static void test_all_fixtures_valid_utf8(void) {
  static const char *const files[] = {
      "tests/html/boilerplate.html", "tests/html/br.html",
      "tests/html/split.html",       "tests/html/jsonld.html",
      "tests/html/og.html",          "tests/html/time.html"};
  int ok = 1;
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    precis_page *p = extract_file(files[i]);
    size_t len;
    const char *t = precis_page_text(p, &len);
    if (!p || !utf8_check(t, len) || strlen(t) != len) ok = 0;
    if (precis_page_stopped(p)) ok = 0; /* each is read to its end */
    precis_page_free(p);
  }
  OK(ok, "fixtures: every text is valid UTF-8 without NULs, read whole");
  OK(utf8_check("caf\xc3\xa9", 5) && !utf8_check("\xc0\x80", 2) &&
         !utf8_check("\xed\xa0\x80", 3) && !utf8_check("\xf4\x90\x80\x80", 4) &&
         !utf8_check("a\0b", 3) && !utf8_check("\xc3", 1),
     "utf8_check: rejects overlongs, surrogates, > U+10FFFF, NUL, cut");
  precis_page_free(NULL);
  OK(precis_page_title(NULL) == NULL && precis_page_text(NULL, NULL)[0] == 0 &&
         precis_page_stopped(NULL) == NULL,
     "accessors accept NULL");
}

/* ---- rules added for issue 5 (invented pages built here) ---- */

/* An article of four paragraphs (about 900 characters) for the pages
 * below; `extra` goes after it inside the same container. */
static precis_page *article_with(const char *before, const char *extra,
                                 const char *after) {
  char page[16384];
  snprintf(page, sizeof page,
           "<html><head><title>Harbour ferry returns</title></head><body>"
           "<div id=\"nav\"><a href=\"/\">Home</a> <a href=\"/news\">News</a>"
           "</div>%s<div class=\"story\">"
           "<p>The ferry between Pellham and Orly Island returned to service "
           "on Thursday, six weeks after a winter storm wrecked the landing "
           "stage on the island side of the crossing.</p>"
           "<p>Engineers rebuilt the landing stage with steel piles driven "
           "twelve metres into the seabed, replacing timber supports that "
           "had stood since 1968, the county council said.</p>"
           "<p>The repairs cost about 2.4 million pounds, most of it paid by "
           "the council, which owns the stage, and the rest by the operator "
           "of the crossing, Orly Sound Ferries.</p>"
           "<p>Islanders relied on a small launch and on supply flights "
           "while the car ferry was out of action, and hauliers said the "
           "closure doubled the cost of fuel.</p>%s</div>%s"
           "<div id=\"footer\">About us</div></body></html>",
           before ? before : "", extra ? extra : "", after ? after : "");
  precis_status st;
  precis_page *p = extract_str(page, strlen(page), &st);
  if (st != PRECIS_OK) printf("# article_with: %s\n", precis_strerror(st));
  return p;
}

static void test_rules(void) {
  precis_page *p;

  /* a thread after a heading marked "comments", comments themselves
   * without any comment-like markup */
  p = article_with(NULL,
                   "<h2 id=\"comments\">Readers</h2>"
                   "<div id=\"c1\"><p>I took the first crossing this morning "
                   "and the new landing stage feels far more solid than the "
                   "old one ever did, well done to everybody.</p></div>"
                   "<p class=\"posted\">Posted by: a reader at 9:14 AM</p>"
                   "<div id=\"c2\"><p>Six weeks without a ferry is far too "
                   "long for an island of nine hundred people, and the "
                   "council should have planned for it years ago.</p></div>"
                   "<p class=\"posted\">Posted by: another at 10:02 AM</p>",
                   NULL);
  OK(has(p, "hauliers said the closure doubled the cost of fuel."),
     "rules: article before a comments heading kept");
  OK(!has(p, "first crossing this morning") && !has(p, "Posted by"),
     "rules: unmarked comments after a comments heading dropped");
  precis_page_free(p);

  /* the old anchor form, between the article and a sibling the sibling
   * rule would join */
  p = article_with(NULL, NULL,
                   "<a name=\"comments\"></a><div class=\"talk\"><p>Most "
                   "people on the island, and I have asked many of them, "
                   "never believed the council would pay for steel piles, "
                   "so this is a pleasant surprise for all of us, for the "
                   "school, for the shop and for the hauliers too.</p><p>"
                   "Now, if only the fares came down, we would be happy, "
                   "though, to be fair, the crew have been wonderful, "
                   "patient and kind all along.</p></div>");
  OK(has(p, "steel piles driven"), "rules: article before <a name> kept");
  OK(!has(p, "pleasant surprise"),
     "rules: talk after <a name=\"comments\"> dropped");
  precis_page_free(p);

  /* copyright lines and teaser boxes at the end */
  p = article_with(NULL,
                   "<p>Copyright 2026 Pellham Wire. All rights reserved. "
                   "This material may not be published, broadcast, "
                   "rewritten or redistributed.</p>"
                   "<div class=\"label\">BUSINESS</div>"
                   "<div><a href=\"/a\">Harbour tolls to rise</a></div>"
                   "<div>The council wants more from visiting yachts.</div>"
                   "<div class=\"label\">TRAVEL</div>"
                   "<div><a href=\"/b\">Where to stay</a></div>"
                   "<div>Our pick of the inns on the island.</div>",
                   NULL);
  OK(has(p, "doubled the cost of fuel."), "rules: last paragraph kept");
  OK(!has(p, "Copyright") && !has(p, "rights reserved"),
     "rules: trailing copyright notice dropped");
  OK(!has(p, "visiting yachts") && !has(p, "inns on the island"),
     "rules: one-line teasers between labels at the end dropped");
  precis_page_free(p);

  /* a long line ending with a colon introduces an embed; a short one is
   * a label */
  p = article_with(NULL,
                   "<p>Here is the full video of the council meeting from "
                   "last night:</p><p>Watch:</p>",
                   NULL);
  OK(has(p, "council meeting from last night:"),
     "rules: closing line introducing a video kept");
  OK(!has(p, "Watch:"), "rules: short trailing label dropped");
  precis_page_free(p);

  /* "copyright" inside the text is not a notice */
  p = article_with(NULL,
                   "<p>The operator said its timetable was under copyright "
                   "protection and asked the islanders not to reprint it "
                   "in their newsletter, which caused some amusement.</p>",
                   NULL);
  OK(has(p, "under copyright protection"),
     "rules: a paragraph mentioning copyright kept");
  precis_page_free(p);

  /* React streaming fallbacks; a sign-up box whose form is cleaned away
   * (its "text-xs" utility class is not "text") */
  p = article_with(NULL,
                   "<template id=\"B:0\"></template><div>Loading "
                   "paragraph...</div><p>The operator expects to carry more "
                   "than forty thousand vehicles this year, a record, once "
                   "the summer timetable starts in May.</p>"
                   "<section class=\"box\"><div class=\"text-lg\">Ferry "
                   "Deals</div><form><input type=\"tel\" name=\"phone\">"
                   "<input type=\"hidden\" name=\"list\"><button>Sign me "
                   "up</button></form><div class=\"text-xs text-left\">By "
                   "signing up, you agree to receive recurring automated "
                   "messages at the number provided. Rates may apply. Reply "
                   "STOP to opt out.</div></section>",
                   NULL);
  OK(has(p, "Engineers rebuilt"), "rules: article with widgets kept");
  OK(!has(p, "Loading"), "rules: React streaming fallback dropped");
  OK(!has(p, "By signing up") && !has(p, "Ferry Deals"),
     "rules: what is left of a sign-up box dropped");
  precis_page_free(p);
}

/* A comments heading spelled out in text, even letter-spaced, ends the
 * article like a heading marked "comments" by its class: the box of
 * listings after it shares the story column and would stay. */
static void test_comment_heading_text(void) {
  precis_page *p = article_with(
      NULL, NULL,
      "<div class=\"col\"><div class=\"strap\">R E A D E R &nbsp; C O M M E "
      "N T S</div><div><a href=\"/c\">Post your comment</a></div>"
      "<div class=\"strap\">F E A T U R E D &nbsp; L E T S</div>"
      "<div class=\"box\"><p>Harbour cottage, Orly Island: two bedrooms, a "
      "garden running down to the shore, a wood stove and a view of the "
      "landing stage, available weekly from May to September.</p>"
      "<p>Flat above the chandlery, Pellham: one bedroom, new kitchen, "
      "close to the ferry and the station, available for the season, "
      "references required, no pets, sorry.</p></div></div>");
  OK(has(p, "doubled the cost of fuel."),
     "comment heading: article before it kept");
  OK(!has(p, "Harbour cottage") && !has(p, "chandlery") &&
         !has(p, "C O M M E N T S"),
     "comment heading: heading and what follows dropped");
  precis_page_free(p);
  /* the word inside a sentence, or with other words, is no heading */
  p = article_with(NULL,
                   "<p>Comments and corrections</p><p>The council will "
                   "publish the comments it received on the new timetable "
                   "next month, the operator said on Friday evening.</p>",
                   NULL);
  OK(has(p, "comments it received"),
     "comment heading: a sentence about comments kept");
  precis_page_free(p);
}

/* A paragraph that is a list of links, one per line (<br>), inside the
 * story is a "more on this" box; a paragraph with links in its prose is
 * not. */
static void test_link_paragraph(void) {
  precis_page *p = article_with(
      NULL,
      "<p class=\"box\">Ferries: all the coverage...<br>"
      "<a href=\"/1\">1. Island ferry out of action after storm</a><br>"
      "<a href=\"/2\">2. Council promises new landing stage</a><br>"
      "<a href=\"/3\">3. Hauliers count the cost of the closure</a><br>"
      "<a href=\"/4\">4. Poll: should the crossing be free?</a></p>"
      "<p>The <a href=\"/op\">operator</a> said the <a href=\"/t\">summer "
      "timetable</a> would start in May with <a href=\"/s\">six "
      "sailings</a> a day.</p>"
      "<p>A second vessel will join the route next year, once its crew "
      "has been trained on the new ramp at the island end.</p>",
      NULL);
  OK(!has(p, "all the coverage") && !has(p, "Hauliers count"),
     "link paragraph: list of links in a paragraph dropped");
  OK(has(p, "summer timetable would start in May") &&
         has(p, "A second vessel will join"),
     "link paragraph: prose with links and the rest kept");
  precis_page_free(p);
}

/* One compound class name that names both the article and a part of it
 * ("share-article", "articleTools") is the part: its tools go, though
 * "article" alone would have saved them. */
static void test_compound_class(void) {
  precis_page *p = article_with(
      NULL,
      "<div class=\"articleTools\"><ul><li><span>Normal font</span></li>"
      "<li><span>Large font</span></li></ul></div>"
      "<p>A second vessel will join the route next year, once its crew "
      "has been trained on the new ramp at the island end.</p>"
      "<div class=\"share-article\"><h4>Share this article</h4><ul>"
      "<li><span>Post to Ferrybook</span></li><li><span>Send to a "
      "friend</span></li></ul></div>",
      NULL);
  OK(has(p, "A second vessel will join"), "compound class: article kept");
  OK(!has(p, "Large font") && !has(p, "Share this article") &&
         !has(p, "Send to a friend"),
     "compound class: article tools and share box dropped");
  precis_page_free(p);
}

/* A "more stories" box inside the article: its label and linked lines go
 * and the story goes on; at the end, short teasers after the label go
 * too. "See also" is the author's own. */
static void test_related_box(void) {
  precis_page *p = article_with(
      NULL,
      "<h3>Related stories</h3><p><a href=\"/1\">Island ferry out of "
      "action after storm</a></p><p><a href=\"/2\">Council promises a new "
      "landing stage</a></p>"
      "<p>A second vessel will join the route next year, once its crew "
      "has been trained on the new ramp at the island end, the operator "
      "said, and fares will be frozen until the spring.</p>"
      "<h3>Other news</h3><p>The Gazette reports the pier cafe will reopen "
      "at Easter under new owners.</p>",
      NULL);
  OK(has(p, "A second vessel will join"), "related box: story after it kept");
  OK(!has(p, "Related stories") && !has(p, "action after storm"),
     "related box: label and links dropped");
  OK(!has(p, "Other news") && !has(p, "pier cafe"),
     "related box: teasers after a label at the end dropped");
  precis_page_free(p);
  p = article_with(NULL,
                   "<h3>See also</h3><p>The county's report on the crossing, "
                   "with its figures for every sailing since 1990, is "
                   "published on its website.</p>",
                   NULL);
  OK(has(p, "See also") && has(p, "report on the crossing"),
     "related box: \"See also\" kept");
  precis_page_free(p);
}

/* A blog's link round-up ends the post: items that say something beside
 * their link keep the whole list, bare linked items included; the author
 * box after it goes. */
static void test_link_roundup(void) {
  precis_page *p = article_with(
      NULL,
      "<ul><li><a href=\"/a\">Tide tables for the spring</a> - worth "
      "printing before your next crossing.</li>"
      "<li><a href=\"/b\">Ferry fares compared across the county</a></li>"
      "<li><a href=\"/c\">The old landing stage in photographs</a></li>"
      "</ul><div class=\"author-box\"><p>Mary Holt is a reporter who "
      "covers the islands, their ferries and their harbours, and who has "
      "lived on Orly Island for twenty years with her two cats.</p></div>",
      NULL);
  OK(has(p, "worth printing before your next crossing."),
     "roundup: annotated link item kept");
  OK(has(p, "The old landing stage in photographs"),
     "roundup: bare link items of the same list kept");
  OK(!has(p, "Mary Holt"), "roundup: author box dropped");
  precis_page_free(p);
}

/* React streaming: the content of hidden <div id="S:n"> at the end of
 * the body belongs where <template id="B:n"> or "P:n" stands, inside the
 * article (in order), not after the page's footer. */
static void test_react_segments(void) {
  const char *page =
      "<html><body><div class=\"story\"><p>The ferry between Pellham and "
      "Orly Island returned to service on Thursday, six weeks after a "
      "winter storm wrecked the landing stage on the island side.</p>"
      "<template id=\"B:0\"></template><div>Loading paragraph...</div>"
      "<p>Islanders relied on a small launch and on supply flights while "
      "the car ferry was out of action, the hauliers said.</p>"
      "<template id=\"P:1\"></template></div>"
      "<div class=\"sidebar\"><p>Most read: the pier cafe reopens.</p></div>"
      "<div hidden id=\"S:0\"><p>Engineers rebuilt the landing stage with "
      "steel piles driven twelve metres into the seabed, replacing timber "
      "supports that had stood since 1968, the county council said.</p>"
      "</div><div hidden id=\"S:1\"><p>The repairs cost about 2.4 million "
      "pounds, most of it paid by the council, which owns the stage, and "
      "the rest by the operator of the crossing.</p></div></body></html>";
  precis_status st;
  precis_page *p = extract_str(page, strlen(page), &st);
  size_t n = 0;
  const char *t = p ? precis_page_text(p, &n) : "";
  const char *a = strstr(t, "wrecked the landing"),
             *b = strstr(t, "Engineers rebuilt"),
             *c = strstr(t, "Islanders relied"),
             *d = strstr(t, "The repairs cost");
  OK(a && b && c && d && a < b && b < c && c < d,
     "react: streamed segments read in their placeholders' order");
  OK(!has(p, "Loading") && !has(p, "Most read"),
     "react: fallback and sidebar dropped");
  precis_page_free(p);
}

/* A short story in a layout table cell, with a promotion and a disclaimer
 * beside it: the story alone is the article (the cell is not taken for a
 * list article spread over several wrappers: that needs 800 characters of
 * added prose). */
static void test_tiny_table_article(void) {
  const char *page =
      "<html><body><table><tr><td class=\"menu\"><a href=\"/\">Home</a><br>"
      "<a href=\"/w\">World</a></td><td>"
      "<div class=\"story-body\"><p>OSLO (Wire) - Norway's largest ferry "
      "operator said on Saturday it would order four electric ferries for "
      "its coastal routes, the biggest such order in its history, after the "
      "government promised to pay for new charging stations at the ports. "
      "The first of the ships is due in 2028, and the company said the "
      "order would cut its fuel use by a third.</p></div>"
      "<div><div>Start receiving our news headlines by email.</div>"
      "<p>Our free news alert service is now open to every reader. Keep "
      "informed and get the latest news of any category you like delivered "
      "to your inbox each morning with no charge and no obligation at all "
      "and cancel whenever you like.</p></div>"
      "<table><tr><td>Disclaimer: this news article is the property of Wire "
      "and is published here under licence. If you have any question about "
      "its content, please contact Wire directly and not the publisher of "
      "this site, who cannot answer for it.</td></tr></table>"
      "</td></tr></table></body></html>";
  precis_status st;
  precis_page *p = extract_str(page, strlen(page), &st);
  OK(has(p, "cut its fuel use by a third."), "tiny table: story kept");
  OK(!has(p, "news alert service") && !has(p, "Disclaimer"),
     "tiny table: promotion and disclaimer beside it dropped");
  precis_page_free(p);
}

/* A lede in its own <div> of text beside the body container (a
 * "firstpara" or "summary" element) joins the article like a paragraph
 * would; the date line beside it, not a sentence, does not. */
static void test_lede_div(void) {
  const char *page =
      "<html><body><div id=\"nav\"><a href=\"/\">Home</a></div>"
      "<div class=\"column\"><div class=\"date\">Monday, 3 March</div>"
      "<div class=\"firstpara\">The ferry between Pellham and Orly Island "
      "returned to service on Thursday, six weeks after a winter storm.</div>"
      "<div class=\"bodytext\"><p>Engineers rebuilt the landing stage with "
      "steel piles driven twelve metres into the seabed, replacing timber "
      "supports that had stood since 1968, the county council said.</p>"
      "<p>The repairs cost about 2.4 million pounds, most of it paid by the "
      "council, which owns the stage, and the rest by the operator of the "
      "crossing, Orly Sound Ferries.</p><p>Islanders relied on a small "
      "launch and on supply flights while the car ferry was out of action, "
      "and hauliers said the closure doubled the cost of fuel.</p></div>"
      "</div></body></html>";
  precis_status st;
  precis_page *p = extract_str(page, strlen(page), &st);
  size_t n = 0;
  const char *t = p ? precis_page_text(p, &n) : "";
  const char *a = strstr(t, "returned to service"),
             *b = strstr(t, "Engineers rebuilt");
  OK(a && b && a < b, "lede div: joins the body, before it");
  OK(!has(p, "Monday, 3 March"), "lede div: date line beside it dropped");
  precis_page_free(p);
}

/* A blog's "Posted by" line at the edge of the post stays; a newspaper's
 * "By" byline and the date line before it go. */
static void test_posted_by(void) {
  precis_page *p = article_with(
      NULL, "<p>Posted by Mary Holt, Ferry Correspondent</p>", NULL);
  OK(has(p, "Posted by Mary Holt, Ferry Correspondent"),
     "posted by: trailing line kept");
  precis_page_free(p);
  p = article_with("<div class=\"story\"><p>Monday, 3 March 2025</p>"
                   "<p>By Mary Holt</p></div>",
                   NULL, NULL);
  OK(!has(p, "Monday, 3 March") && !has(p, "By Mary Holt"),
     "posted by: date and plain byline trimmed");
  precis_page_free(p);
}

/* Blocks inside the article that are about the page, not the story, and
 * go wherever they stand (or at the end, as the comment says). Each case:
 * the HTML added after the story, a phrase of the story that must stay
 * (NULL: the story's last line), and up to two phrases that must go. */
typedef struct drop_case {
  const char *name, *why, *html, *keep, *drop[2];
} drop_case;

static const drop_case k_drops[] = {
    {"author label",
     "\"About the author\" and the bio after it end the article",
     "<h3>About the Author</h3><p>Mary Holt is a reporter who covers the "
     "islands and their ferries.</p><p>Mary Holt owns no shares in any "
     "company named here.</p>",
     NULL,
     {"About the Author", "Mary Holt"}},
    {"author colon",
     "an \"About the author:\" paragraph ends the article",
     "<p>About the author: Mary Holt is a reporter who covers the islands, "
     "their ferries and their harbours.</p>",
     NULL,
     {"Mary Holt", NULL}},
    {"affiliate",
     "an affiliate disclosure goes wherever it stands",
     "<p>This article includes affiliate links. If you book a crossing "
     "through them, we may earn a commission at no cost to you.</p>"
     "<p>The operator said the timetable would return to six sailings a "
     "day from Monday, with an extra evening boat on Fridays.</p>",
     "extra evening boat on Fridays.",
     {"affiliate links", NULL}},
    {"colophon",
     "wire colophons at the end go like copyright lines",
     "<p>To contact the reporter on this story: Mary Holt in Pellham at "
     "mholt@example.org.</p><p>A version of this article appeared in "
     "print on 3 March, on page 7 of the Island edition.</p>",
     NULL,
     {"To contact the reporter", "appeared in print"}},
    {"newsletter",
     "a newsletter pitch in the story's flow goes (a short \"Sign up\" "
     "label is left to the edge rules)",
     "<p>Love the islands? Our Harbour Week newsletter has the best "
     "stories, delivered to your inbox every Friday.</p>"
     "<p>The operator said the timetable would return to six sailings a "
     "day from Monday, with an extra evening boat on Fridays.</p>",
     "extra evening boat on Fridays.",
     {"Harbour Week newsletter", NULL}},
    {"copyright end",
     "a copyright line ends the article when what follows is short (the "
     "disclaimers after it end sentences, so end trimming leaves them)",
     "<p>Copyright 2025 Island Radio. All rights reserved. See our terms "
     "of use for further information.</p><p>Accuracy of our transcripts "
     "may vary. Transcripts may be revised to correct errors or to match "
     "updates to the audio, and the audio may be edited after broadcast.</p>",
     NULL,
     {"Copyright 2025", "Accuracy of our transcripts"}},
    {"short question",
     "a short question at the end is a share bar's help link",
     "<p>Share this story What is this?</p>",
     NULL,
     {"What is this?", NULL}},
};

static void test_dropped_blocks(void) {
  for (size_t i = 0; i < sizeof k_drops / sizeof *k_drops; i++) {
    const drop_case *d = &k_drops[i];
    precis_page *p = article_with(NULL, d->html, NULL);
    OK(has(p, d->keep ? d->keep : "doubled the cost of fuel."),
       "%s: story kept", d->name);
    int gone = 1;
    for (size_t k = 0; k < 2; k++)
      if (d->drop[k] && has(p, d->drop[k])) gone = 0;
    OK(gone, "%s: %s", d->name, d->why);
    precis_page_free(p);
  }
}

int main(void) {
  test_boilerplate();
  test_br();
  test_split();
  test_meta();
  test_json();
  test_charsets();
  test_pathological();
  test_options();
  test_sniff();
  test_all_fixtures_valid_utf8();
  test_rules();
  test_tiny_table_article();
  test_react_segments();
  test_link_roundup();
  test_comment_heading_text();
  test_link_paragraph();
  test_compound_class();
  test_related_box();
  test_lede_div();
  test_posted_by();
  test_dropped_blocks();
  return DONE();
}
