/* fuzz_html.c — libFuzzer target for precis_html_extract.
 *
 * Checks the page contract on arbitrary bytes: on success the text is
 * non-empty valid UTF-8 without NUL, with no leading or trailing white
 * space, every metadata field is NUL-free valid UTF-8, and the JSON
 * rendering succeeds; on failure *out is NULL and the status is one of the
 * documented errors. The first byte, when the input is long enough, picks
 * a caller charset label so the override path is fuzzed too. Any
 * violation aborts.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "precis.h"

static int valid_utf8(const unsigned char *p, size_t n) {
  const unsigned char *e = p + n;
  while (p < e) {
    unsigned c = *p, cp;
    size_t k;
    if (c == 0) return 0;
    if (c < 0x80) {
      p++;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) k = 1, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) k = 2, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) k = 3, cp = c & 0x07;
    else return 0;
    if ((size_t)(e - p) <= k) return 0;
    for (size_t i = 1; i <= k; i++) {
      if ((p[i] & 0xC0) != 0x80) return 0;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return 0;
    p += k + 1;
  }
  return 1;
}

static void check_field(const char *s) {
  if (s && !valid_utf8((const unsigned char *)s, strlen(s))) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const labels[] = {NULL, "utf-8", "windows-1252",
                                       "shift_jis", "utf-16", "gb2312",
                                       "koi8-r", "bogus-label"};
  precis_html_options o;
  precis_page *p = (precis_page *)(uintptr_t)1;
  if (size > ((size_t)1 << 20)) return 0;
  precis_html_options_init(&o);
  if (size > 64) o.encoding = labels[data[0] & 7];
  precis_status st = precis_html_extract((const char *)data, size, &o, &p);
  if (st != PRECIS_OK) {
    if (p != NULL) abort();
    if (st != PRECIS_ERR_EMPTY && st != PRECIS_ERR_BINARY &&
        st != PRECIS_ERR_TOO_BIG && st != PRECIS_ERR_PARSE &&
        st != PRECIS_ERR_NOMEM)
      abort();
    return 0;
  }
  size_t len;
  const char *t = precis_page_text(p, &len);
  if (len == 0 || strlen(t) != len) abort();
  if (!valid_utf8((const unsigned char *)t, len)) abort();
  if (t[0] == ' ' || t[0] == '\n' || t[len - 1] == ' ' || t[len - 1] == '\n')
    abort();
  check_field(precis_page_title(p));
  check_field(precis_page_site_name(p));
  check_field(precis_page_author(p));
  check_field(precis_page_date(p));
  check_field(precis_page_url(p));
  check_field(precis_page_language(p));
  check_field(precis_page_encoding(p));
  size_t jl;
  char *j = precis_page_render_json(p, &jl);
  if (!j || jl < 2 || j[0] != '{' || j[jl - 1] != '}') abort();
  precis_free(j);
  precis_page_free(p);
  return 0;
}
