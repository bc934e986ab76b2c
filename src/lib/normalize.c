/* normalize.c — see normalize.h. Hand-written single pass for the byte-level
 * fixes (utf8proc's utf8proc_map would reject invalid input outright
 * instead of replacing it), then utf8proc_map(COMPOSE) for NFC. */
#include "normalize.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int text_looks_binary(const char *in, size_t len) {
  size_t n = len < 65536 ? len : 65536;
  size_t bad = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)in[i];
    if (c == 0) return 1;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' &&
        c != '\v' && c != 0x1b)
      bad++;
  }
  /* More than 1% control bytes is not text anyone wrote. */
  return n >= 64 && bad * 100 > n;
}

/* Code points that NFC leaves alone whatever surrounds them: no canonical
 * decomposition, combining class 0, never the second half of a
 * composition (Unicode's NFC_Quick_Check = Yes, and not a composing jamo
 * or mark). Latin-1 and Latin Extended, the dashes, quotes and ellipsis
 * of General Punctuation (U+2000 and U+2001 are singletons, so not
 * these), currency signs, U+2100..U+2125 (U+2126 OHM is a singleton) and
 * U+FFFD. News text seldom holds anything else, so most articles skip
 * utf8proc_map; tests/unit/test_core.c checks every one against it. */
int text_nfc_inert(int32_t cp) {
  return (cp >= 0xA0 && cp < 0x300) || (cp >= 0x2002 && cp < 0x2070) ||
         (cp >= 0x20A0 && cp < 0x20D0) || (cp >= 0x2100 && cp < 0x2126) ||
         cp == 0xFFFD;
}

/* Decode one UTF-8 sequence at s (n bytes available). Returns its length
 * and the code point in *cp, or 0 if the sequence is invalid. */
static size_t S_decode(const unsigned char *s, size_t n, int32_t *cp) {
  utf8proc_int32_t c;
  utf8proc_ssize_t k =
      utf8proc_iterate(s, (utf8proc_ssize_t)(n < 4 ? n : 4), &c);
  if (k <= 0) return 0;
  *cp = c;
  return (size_t)k;
}

precis_status text_normalize(arena *a, const char *in, size_t len, char **out,
                             size_t *out_len, size_t *n_invalid, int *changed) {
  const unsigned char *s = (const unsigned char *)in;
  if (len > SIZE_MAX / 3 - 4) return PRECIS_ERR_TOO_BIG;
  unsigned char *o = malloc(len * 3 + 4);
  if (!o) return PRECIS_ERR_NOMEM;
  size_t j = 0, bad = 0, i = 0;
  int needs_nfc = 0;

  while (i < len) {
    unsigned char c = s[i];
    if (c < 0x80) {
      if (c == '\r') {
        /* CRLF -> " \n", lone CR -> "\n": same length */
        o[j++] = (i + 1 < len && s[i + 1] == '\n') ? ' ' : '\n';
      } else if (c < 0x20 && c != '\n') {
        o[j++] = ' '; /* TAB, VT, FF and other controls */
      } else if (c == 0x7F) {
        o[j++] = ' ';
      } else {
        o[j++] = c;
      }
      i++;
      continue;
    }
    int32_t cp;
    size_t k = S_decode(s + i, len - i, &cp);
    if (k == 0) {
      bad++;
      memcpy(o + j, "\xef\xbf\xbd", 3); /* U+FFFD */
      j += 3;
      i++;
      continue;
    }
    if (!text_nfc_inert(cp)) needs_nfc = 1;
    if (cp < 0xA0 || cp == 0xFEFF) {
      /* C1 controls and BOMs become spaces of the same length */
      memset(o + j, ' ', k);
    } else {
      memcpy(o + j, s + i, k);
    }
    j += k;
    i += k;
  }
  o[j] = '\0';

  unsigned char *res = o;
  size_t rlen = j;
  unsigned char *nfc = NULL;
  if (needs_nfc) {
    utf8proc_ssize_t m = utf8proc_map(o, (utf8proc_ssize_t)j, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (m < 0) {
      free(o);
      return m == UTF8PROC_ERROR_NOMEM ? PRECIS_ERR_NOMEM : PRECIS_ERR_PARSE;
    }
    res = nfc;
    rlen = (size_t)m;
  }
  char *dst = arena_strndup(a, (const char *)res, rlen);
  int same = rlen == len && memcmp(res, in, len) == 0;
  free(o);
  free(nfc);
  if (!dst) return PRECIS_ERR_NOMEM;
  *out = dst;
  *out_len = rlen;
  if (n_invalid) *n_invalid = bad;
  if (changed) *changed = !same;
  return PRECIS_OK;
}
