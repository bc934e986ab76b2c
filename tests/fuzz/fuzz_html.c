/* fuzz_html.c — libFuzzer target for precis_html_extract.
 *
 * Checks the page contract on arbitrary bytes: on success the text is
 * non-empty valid UTF-8 without NUL, with no leading or trailing white
 * space, every metadata field is NUL-free valid UTF-8, and the JSON
 * rendering succeeds, and precis_page_stopped() is NULL or one of its two
 * reasons; on failure *out is NULL and the status is one of the
 * documented errors. The first byte, when the input is long enough, picks
 * a caller charset label so the override path is fuzzed too. Any
 * violation aborts.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/utf8_check.h"
#include "precis.h"

static void check_field(const char *s) {
  if (s && !utf8_check(s, strlen(s))) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const labels[] = {
      NULL,     "utf-8",  "windows-1252", "shift_jis",
      "utf-16", "gb2312", "koi8-r",       "bogus-label"};
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
  if (!utf8_check(t, len)) abort();
  if (t[0] == ' ' || t[0] == '\n' || t[len - 1] == ' ' || t[len - 1] == '\n')
    abort();
  check_field(precis_page_title(p));
  check_field(precis_page_site_name(p));
  check_field(precis_page_author(p));
  check_field(precis_page_date(p));
  check_field(precis_page_url(p));
  check_field(precis_page_language(p));
  check_field(precis_page_encoding(p));
  const char *why = precis_page_stopped(p); /* NULL, or one of two */
  if (why && strcmp(why, "elements nested over 256 deep") != 0 &&
      strcmp(why, "the HTML parser stopped early") != 0)
    abort();
  size_t jl;
  char *j = precis_page_render_json(p, &jl);
  if (!j || jl < 2 || j[0] != '{' || j[jl - 1] != '}') abort();
  precis_free(j);
  precis_page_free(p);
  return 0;
}
