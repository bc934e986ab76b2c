/* utf8_check.h — strict UTF-8 validation for tests and fuzz targets, by
 * utf8proc (the library precis already links): no overlongs, surrogates,
 * code points over U+10FFFF or NUL bytes. Header-only, so the libFuzzer
 * targets (tests/fuzz/) include it too. */
#ifndef PRECIS_TEST_UTF8_CHECK_H
#define PRECIS_TEST_UTF8_CHECK_H

#include <stddef.h>
#include <utf8proc.h>

static inline int utf8_check(const char *s, size_t n) {
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
  while (n > 0) {
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)n, &c);
    if (k <= 0 || c == 0) return 0;
    p += k;
    n -= (size_t)k;
  }
  return 1;
}

#endif
