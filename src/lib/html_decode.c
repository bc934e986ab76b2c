/* html_decode.c — page bytes to valid UTF-8.
 *
 * Order of evidence (after the WHATWG encoding sniffing rules, adapted to
 * saved pages whose declarations are often wrong):
 *
 *   1. A byte-order mark (UTF-8, UTF-16LE/BE) decides, and is stripped.
 *      BOM-less UTF-16 is recognised by its NUL pattern around '<'.
 *   2. The bytes themselves: if they are valid UTF-8 they are UTF-8,
 *      whatever a <meta> tag or the caller's label says (pages declaring
 *      iso-8859-1 while serving UTF-8 are common; the reverse almost never
 *      yields valid UTF-8 with non-ASCII bytes).
 *   3. The caller's label (an HTTP header), else the first <meta charset>,
 *      <meta http-equiv="Content-Type" content="...charset=..."> or XML
 *      declaration in the first 64 KiB. Labels are mapped the WHATWG way
 *      (iso-8859-1 and us-ascii mean windows-1252, gb2312 means GB18030,
 *      ...). A "utf-8" label on mostly-invalid bytes means windows-1252.
 *   4. No label: UTF-8 if the valid multi-byte sequences clearly outnumber
 *      the invalid bytes, else windows-1252.
 *
 * Conversion uses iconv(3); undecodable bytes become U+FFFD. The result
 * then passes a sanitizer (invalid UTF-8 -> U+FFFD, NUL dropped, other C0
 * controls -> space) and a cheap repair of double-encoded UTF-8
 * ("mojibake": UTF-8 bytes decoded as windows-1252 and encoded again, e.g.
 * C3 83 C2 A9 for C3 A9, e-acute): each maximal run of non-ASCII
 * characters that all map back to single windows-1252 bytes is replaced by
 * those bytes when they form valid multi-byte UTF-8. The repair runs only
 * when the document has at least two such runs or one starting with the
 * telltale U+00E2 U+20AC (the mangled lead of U+2018..U+201D), so a lone
 * legitimate pair in real text is left alone.
 *
 * Last, the bodies of <script> (JSON-LD excepted) and <style> elements and
 * HTML comments are cut out: they are a third of a modern page's bytes,
 * carry no text, and libxml2 reads them one character at a time.
 *
 * Plain text (precis_text_decode, at the end) takes steps 1, 2 and 4
 * only: it has no label to read, and is otherwise left as it is (the
 * cluster replaces invalid bytes and blanks controls itself; no mojibake
 * repair, which would rewrite what an outlet's file says).
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"

size_t html_utf8_len(const unsigned char *p, size_t n) {
  unsigned c = p[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) return (n >= 2 && (p[1] & 0xC0) == 0x80) ? 2 : 0;
  if (c < 0xF0) {
    if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;  /* overlong */
    if (c == 0xED && p[1] >= 0xA0) return 0; /* surrogate */
    if (c == 0xEF && p[1] == 0xBF && p[2] >= 0xBE) return 0; /* FFFE/F */
    return 3;
  }
  if (c < 0xF5) {
    if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
        (p[3] & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;
    if (c == 0xF4 && p[1] >= 0x90) return 0;
    return 4;
  }
  return 0;
}

int html_is_binary(const unsigned char *p, size_t len) {
  static const struct {
    const char *magic;
    size_t n;
  } magics[] = {
      {"%PDF-", 5},       {"\x89PNG", 4},        {"GIF8", 4},
      {"\xFF\xD8\xFF", 3}, {"PK\x03\x04", 4},     {"\x1F\x8B", 2},
      {"\x7F" "ELF", 4},  {"BZh", 3},            {"\xFD" "7zXZ", 5},
      {"Rar!", 4},        {"\x28\xB5\x2F\xFD", 4}, {"OggS", 4},
      {"ID3", 3},         {"fLaC", 4},           {"\x00\x00\x01\x00", 4},
      {"wOFF", 4},        {"wOF2", 4},           {"RIFF", 4},
  };
  size_t n = len < 16384 ? len : 16384, ctl = 0, nul = 0;
  for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++)
    if (len >= magics[i].n && memcmp(p, magics[i].magic, magics[i].n) == 0)
      return 1;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = p[i];
    if (c >= 0x20) continue;
    if (c == 0) nul++;
    else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
             c != 0x1B)
      ctl++;
  }
  /* more than 1% NULs or 5% control bytes: not a text file */
  return nul * 100 > n || ctl * 20 > n;
}

/* ---- charset labels ---- */

typedef struct label_map {
  const char *label;
  const char *name; /* iconv name; "utf-8" for UTF-8 */
} label_map;

static const label_map labels[] = {
    {"utf-8", "utf-8"},
    {"utf8", "utf-8"},
    {"unicode-1-1-utf-8", "utf-8"},
    {"x-unicode20utf8", "utf-8"},
    /* a <meta> can't be right about UTF-16 in an ASCII-compatible page */
    {"utf-16", "utf-8"},
    {"utf-16le", "utf-8"},
    {"utf-16be", "utf-8"},
    {"unicode", "utf-8"},
    {"iso-8859-1", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"iso_8859-1", "windows-1252"},
    {"latin1", "windows-1252"},
    {"latin-1", "windows-1252"},
    {"l1", "windows-1252"},
    {"us-ascii", "windows-1252"},
    {"ascii", "windows-1252"},
    {"ansi_x3.4-1968", "windows-1252"},
    {"cp819", "windows-1252"},
    {"ibm819", "windows-1252"},
    {"iso-ir-100", "windows-1252"},
    {"csisolatin1", "windows-1252"},
    {"windows-1252", "windows-1252"},
    {"cp1252", "windows-1252"},
    {"x-cp1252", "windows-1252"},
    {"iso-8859-9", "windows-1254"},
    {"latin5", "windows-1254"},
    {"iso-8859-11", "windows-874"},
    {"tis-620", "windows-874"},
    {"gb2312", "GB18030"},
    {"gbk", "GB18030"},
    {"x-gbk", "GB18030"},
    {"gb_2312-80", "GB18030"},
    {"chinese", "GB18030"},
    {"csgb2312", "GB18030"},
    {"shift_jis", "CP932"},
    {"shift-jis", "CP932"},
    {"sjis", "CP932"},
    {"x-sjis", "CP932"},
    {"ms_kanji", "CP932"},
    {"windows-31j", "CP932"},
    {"euc-kr", "CP949"},
    {"ks_c_5601-1987", "CP949"},
    {"x-euc-jp", "EUC-JP"},
    {"x-mac-roman", "MACINTOSH"},
    {"macintosh", "MACINTOSH"},
};

/* Map a label (trimmed, any case) to the iconv name to use; NULL if the
 * label is empty. Unknown labels are returned upper-cased in `tmp`. */
static const char *map_label(const char *s, size_t n, char *tmp,
                             size_t tmpsz) {
  while (n && (*s == ' ' || *s == '"' || *s == '\'' || *s == '\t')) s++, n--;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == '\'' ||
               s[n - 1] == ';' || s[n - 1] == '\t'))
    n--;
  if (n == 0 || n >= tmpsz) return NULL;
  for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
    if (strlen(labels[i].label) == n && html_strncaseeq(s, labels[i].label, n))
      return labels[i].name;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
             (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
             c == ':';
    if (!ok) return NULL;
    tmp[i] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
  }
  tmp[n] = '\0';
  return tmp;
}

/* Find "charset=" in s[0..n) and return the value's span. */
static int charset_param(const char *s, size_t n, const char **v,
                         size_t *vn) {
  const char *p = html_memcasemem(s, n, "charset");
  if (!p) return 0;
  p += 7;
  const char *end = s + n;
  while (p < end && (*p == ' ' || *p == '\t')) p++;
  if (p >= end || *p != '=') return 0;
  p++;
  while (p < end && (*p == ' ' || *p == '"' || *p == '\'')) p++;
  const char *q = p;
  while (q < end && *q != '"' && *q != '\'' && *q != ';' && *q != ' ' &&
         *q != '>' && *q != '/' && *q != ',')
    q++;
  if (q == p) return 0;
  *v = p;
  *vn = (size_t)(q - p);
  return 1;
}

/* The charset declared by the page: the first <meta> carrying one, or an
 * XML declaration's encoding. */
static const char *prescan(const char *s, size_t n, char *tmp, size_t tmpsz) {
  if (n > 65536) n = 65536;
  if (n > 5 && memcmp(s, "<?xml", 5) == 0) {
    const char *e = memchr(s, '>', n);
    const char *p = e ? html_memcasemem(s, (size_t)(e - s), "encoding") : 0;
    if (p) {
      p += 8;
      while (p < e && (*p == ' ' || *p == '=' || *p == '"' || *p == '\''))
        p++;
      const char *q = p;
      while (q < e && *q != '"' && *q != '\'' && *q != ' ' && *q != '?') q++;
      const char *r = map_label(p, (size_t)(q - p), tmp, tmpsz);
      if (r) return r;
    }
  }
  const char *p = s, *end = s + n;
  while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
    if (end - p > 5 && html_strncaseeq(p + 1, "meta", 4) &&
        (p[5] == ' ' || p[5] == '\t' || p[5] == '\n' || p[5] == '\r' ||
         p[5] == '/')) {
      const char *e = memchr(p, '>', (size_t)(end - p));
      if (!e) break;
      const char *v;
      size_t vn;
      if (charset_param(p, (size_t)(e - p), &v, &vn)) {
        const char *r = map_label(v, vn, tmp, tmpsz);
        if (r) return r;
      }
      p = e;
    } else if (end - p > 4 && memcmp(p + 1, "!--", 3) == 0) {
      const char *e = html_memcasemem(p, (size_t)(end - p), "-->");
      if (!e) break;
      p = e + 3;
    } else {
      p++;
    }
  }
  return NULL;
}

/* ---- conversion ---- */

static precis_status put_fffd(buf *b) { return buf_put(b, "\xEF\xBF\xBD", 3); }

/* Convert with iconv; returns PRECIS_ERR_INVALID_ARG if the charset is
 * unknown to iconv (the caller falls back). */
static precis_status iconv_to_utf8(const char *in, size_t len,
                                   const char *from, buf *out) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1) return PRECIS_ERR_INVALID_ARG;
  precis_status st = PRECIS_OK;
  char *ip = (char *)(uintptr_t)in; /* iconv's prototype isn't const */
  size_t ileft = len;
  while (ileft > 0) {
    size_t want = ileft + ileft / 2 + 16;
    if ((st = buf_grow(out, want)) != PRECIS_OK) break;
    char *op = out->ptr + out->len;
    size_t oleft = out->alloc - out->len - 1, o0 = oleft;
    size_t r = iconv(cd, &ip, &ileft, &op, &oleft);
    out->len += o0 - oleft;
    out->ptr[out->len] = '\0';
    if (r != (size_t)-1) break;
    if (errno == E2BIG) continue;
    if ((st = put_fffd(out)) != PRECIS_OK) break;
    if (errno == EILSEQ) {
      ip++;
      ileft--;
    } else {
      break; /* EINVAL: truncated sequence at the end */
    }
  }
  iconv_close(cd);
  return st;
}

/* 1 for bytes copied as they are: printable ASCII, TAB, LF, CR. */
static int plain_byte(unsigned char c) {
  return (c >= 0x20 && c < 0x80) || c == '\n' || c == '\t' || c == '\r';
}

/* End of the run of plain bytes at p, eight at a time where possible. */
static const unsigned char *skip_plain(const unsigned char *p,
                                       const unsigned char *end) {
  while (p < end) {
    if (end - p >= 8) {
      uint64_t w;
      memcpy(&w, p, 8);
      /* no byte >= 0x80 and (barring false alarms) none < 0x20 */
      uint64_t hi = w & 0x8080808080808080ull;
      uint64_t lo = (w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull;
      if (!(hi | lo)) {
        p += 8;
        continue;
      }
    }
    if (!plain_byte(*p)) break;
    p++;
  }
  return p;
}

/* The first byte at or after p that is not ASCII (or end), eight bytes
 * at a time. */
static const unsigned char *skip_ascii(const unsigned char *p,
                                       const unsigned char *end) {
  while (end - p >= 8) {
    uint64_t w;
    memcpy(&w, p, 8);
    if (w & 0x8080808080808080ull) break;
    p += 8;
  }
  while (p < end && *p < 0x80) p++;
  return p;
}

/* Copy UTF-8, replacing invalid sequences with U+FFFD (counted), dropping
 * NUL and turning other C0 controls except TAB/LF/CR into spaces. */
static precis_status sanitize(const char *in, size_t len, buf *out,
                              size_t *bad) {
  const unsigned char *p = (const unsigned char *)in, *end = p + len;
  precis_status st = buf_grow(out, len);
  if (st != PRECIS_OK) return st;
  while (p < end) {
    const unsigned char *q = skip_plain(p, end);
    if (q > p && (st = buf_put(out, (const char *)p, (size_t)(q - p))))
      return st;
    p = q;
    if (p >= end) break;
    if (*p < 0x80) {
      if (*p != 0) st = buf_putc(out, ' ');
      p++;
    } else {
      size_t n = html_utf8_len(p, (size_t)(end - p));
      if (n == 0) {
        (*bad)++;
        st = put_fffd(out);
        p++;
        while (p < end && (*p & 0xC0) == 0x80) p++;
      } else {
        st = buf_put(out, (const char *)p, n);
        p += n;
      }
    }
    if (st != PRECIS_OK) return st;
  }
  return PRECIS_OK;
}

/* windows-1252 bytes 0x80..0x9F as Unicode (0 = undefined there). */
static const uint16_t cp1252_hi[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/* The windows-1252 byte for code point cp, or -1. C1 controls map to
 * themselves (latin-1 decoders produce them). */
static int cp1252_byte(uint32_t cp) {
  if (cp >= 0x80 && cp <= 0xFF) return (int)cp;
  for (int i = 0; i < 32; i++)
    if (cp1252_hi[i] == cp) return 0x80 + i;
  return -1;
}

/* Scan one maximal run of non-ASCII characters at p; if all map to
 * windows-1252 bytes and those bytes are valid multi-byte UTF-8, write
 * them to `fix` (when not NULL) and return the run length, else 0. *endp
 * receives the end of the run either way. */
static size_t mojibake_run(const unsigned char *p, const unsigned char *end,
                           const unsigned char **endp, unsigned char *fix,
                           size_t *fixlen) {
  unsigned char tmp[64];
  size_t n = 0;
  int ok = 1;
  const unsigned char *q = p;
  while (q < end && *q >= 0x80) {
    uint32_t cp = html_utf8_next(&q, end);
    int b = cp1252_byte(cp);
    if (b < 0 || n >= sizeof tmp) ok = 0;
    else tmp[n++] = (unsigned char)b;
  }
  *endp = q;
  if (!ok || n < 2) return 0;
  for (size_t i = 0; i < n;) {
    size_t k = html_utf8_len(tmp + i, n - i);
    if (k < 2) return 0;
    i += k;
  }
  if (fix) {
    memcpy(fix, tmp, n);
    *fixlen = n;
  }
  return (size_t)(q - p);
}

static precis_status repair_mojibake(buf *b, unsigned *flags) {
  const unsigned char *p = (const unsigned char *)b->ptr, *end = p + b->len;
  size_t runs = 0, telltale = 0;
  while (p < end) {
    if (*p < 0x80) {
      p = skip_ascii(p, end);
      continue;
    }
    const unsigned char *q;
    if (mojibake_run(p, end, &q, NULL, NULL)) {
      runs++;
      if (p[0] == 0xC3 && p[1] == 0xA2 && q - p > 2) telltale++;
    }
    p = q;
  }
  if (runs < 2 && telltale == 0) return PRECIS_OK;
  buf out = BUF_INIT;
  precis_status st = buf_grow(&out, b->len);
  p = (const unsigned char *)b->ptr;
  while (st == PRECIS_OK && p < end) {
    const unsigned char *q = p;
    while (q < end && *q < 0x80) q++;
    if (q > p) st = buf_put(&out, (const char *)p, (size_t)(q - p));
    if (st != PRECIS_OK || q >= end) break;
    unsigned char fix[64];
    size_t fixlen = 0;
    const unsigned char *r;
    if (mojibake_run(q, end, &r, fix, &fixlen))
      st = buf_put(&out, (const char *)fix, fixlen);
    else
      st = buf_put(&out, (const char *)q, (size_t)(r - q));
    p = r;
  }
  if (st == PRECIS_OK) {
    buf_free(b);
    *b = out;
    *flags |= HTML_DEC_MOJIBAKE;
  } else {
    buf_free(&out);
  }
  return st;
}

/* Find an ASCII needle case-insensitively in [p, end); NULL if absent. */
static char *find_ci(char *p, char *end, const char *needle) {
  size_t n = strlen(needle); /* needles start with a non-letter */
  while (end - p >= (ptrdiff_t)n) {
    char *q = memchr(p, needle[0], (size_t)(end - p - (ptrdiff_t)n + 1));
    if (!q) return NULL;
    if (html_strncaseeq(q, needle, n)) return q;
    p = q + 1;
  }
  return NULL;
}

/* Drop the bodies of <script> and <style> elements (JSON-LD scripts
 * excepted) and HTML comments, in place. They hold a third of a modern
 * page's bytes and no text, and libxml2 reads them a character at a time.
 * The boundaries are the ones browsers use: the first "</script" or
 * "</style", and the first "-->". */
static void strip_raw(buf *b) {
  if (!b->ptr) return;
  char *p = b->ptr, *end = b->ptr + b->len, *w = b->ptr;
  while (p < end) {
    char *lt = memchr(p, '<', (size_t)(end - p));
    if (!lt) lt = end;
    if (w != p) memmove(w, p, (size_t)(lt - p));
    w += lt - p;
    p = lt;
    if (p >= end) break;
    if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
      char *e = find_ci(p + 4, end, "-->");
      p = e ? e + 3 : end;
      continue;
    }
    const char *close = NULL;
    size_t nl = 0;
    if (end - p > 7 && html_strncaseeq(p + 1, "script", 6)) {
      close = "</script";
      nl = 7;
    } else if (end - p > 6 && html_strncaseeq(p + 1, "style", 5)) {
      close = "</style";
      nl = 6;
    }
    char c = close ? p[nl] : 0;
    if (!close || !(c == '>' || c == ' ' || c == '\t' || c == '\n' ||
                    c == '\r' || c == '/')) {
      *w++ = *p++;
      continue;
    }
    char *gt = memchr(p, '>', (size_t)(end - p));
    if (!gt) break; /* unterminated tag: leave the rest to the parser */
    size_t tl = (size_t)(gt + 1 - p);
    int keep = html_memcasemem(p, tl, "ld+json") != NULL;
    memmove(w, p, tl);
    w += tl;
    p = gt + 1;
    char *e = find_ci(p, end, close);
    if (keep) continue; /* copied by the next round */
    p = e ? e : end;
  }
  if (p < end && w != p) memmove(w, p, (size_t)(end - p));
  if (p < end) w += end - p;
  b->len = (size_t)(w - b->ptr);
  b->ptr[b->len] = '\0';
}

/* Invalid bytes (*inv) and valid multi-byte UTF-8 sequences (*mb). */
static void count_utf8(const unsigned char *p, size_t len, size_t *inv,
                       size_t *mb) {
  const unsigned char *end = p + len;
  *inv = *mb = 0;
  while (p < end) {
    if (*p < 0x80) {
      p = skip_ascii(p, end);
      continue;
    }
    size_t k = html_utf8_len(p, (size_t)(end - p));
    if (k == 0)
      ++*inv, p++;
    else
      ++*mb, p += k;
  }
}

precis_status html_decode(const char *in, size_t len, const char *override,
                          buf *out, char *charset, size_t charset_sz,
                          unsigned *flags) {
  const unsigned char *u = (const unsigned char *)in;
  const char *cs = NULL;
  char tmp[64], tmp2[64];
  buf conv = BUF_INIT;
  size_t bad = 0;
  precis_status st = PRECIS_OK;
  *flags = 0;
  if (charset_sz) charset[0] = '\0';

  if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
    in += 3, len -= 3;
    *flags |= HTML_DEC_BOM;
    cs = "utf-8";
  } else if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
                          (u[0] == 0xFE && u[1] == 0xFF))) {
    cs = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
    in += 2, len -= 2;
    *flags |= HTML_DEC_BOM;
  } else if (len >= 4 && u[0] == '<' && u[1] == 0 && u[2] != 0 && u[3] == 0) {
    cs = "UTF-16LE";
  } else if (len >= 4 && u[0] == 0 && u[1] == '<' && u[2] == 0 && u[3] != 0) {
    cs = "UTF-16BE";
  }
  if (!cs && html_is_binary((const unsigned char *)in, len))
    return PRECIS_ERR_BINARY;

  if (!cs) {
    /* the bytes first: invalid and valid multi-byte sequences */
    size_t inv, mb;
    count_utf8((const unsigned char *)in, len, &inv, &mb);
    const char *declared = override ? map_label(override, strlen(override),
                                                tmp, sizeof tmp)
                                     : NULL;
    if (!declared) declared = prescan(in, len, tmp2, sizeof tmp2);
    if (inv == 0) {
      cs = "utf-8";
      if (mb && declared && strcmp(declared, "utf-8") != 0)
        *flags |= HTML_DEC_META_LIED;
    } else if (declared && strcmp(declared, "utf-8") != 0) {
      cs = declared;
    } else if (mb >= 4 * inv) {
      cs = "utf-8"; /* UTF-8 with a few broken bytes */
    } else {
      cs = "windows-1252";
    }
  }

  if (strcmp(cs, "utf-8") != 0) {
    st = iconv_to_utf8(in, len, cs, &conv);
    if (st == PRECIS_ERR_INVALID_ARG) {
      buf_clear(&conv);
      cs = "windows-1252";
      st = iconv_to_utf8(in, len, cs, &conv);
    }
    if (st != PRECIS_OK) goto cleanup;
    in = conv.ptr ? conv.ptr : "";
    len = conv.len;
  }
  {
    size_t i = 0, n = strlen(cs);
    for (; i < n && i + 1 < charset_sz; i++)
      charset[i] = (cs[i] >= 'A' && cs[i] <= 'Z') ? (char)(cs[i] + 32) : cs[i];
    if (charset_sz) charset[i] = '\0';
  }

  st = sanitize(in, len, out, &bad);
  if (st != PRECIS_OK) goto cleanup;
  if (bad) *flags |= HTML_DEC_REPLACED;
  if (out->len && (st = repair_mojibake(out, flags)) != PRECIS_OK)
    goto cleanup;
  strip_raw(out);

cleanup:
  buf_free(&conv);
  return st;
}

/* ---- plain text ---- */

/* UTF-16 without a byte-order mark: the first up to 64 bytes alternate
 * ASCII (printable, TAB, LF, CR) and NUL; 1 little-endian, 2 big, 0. */
static int utf16_by_nuls(const unsigned char *p, size_t len) {
  size_t n = (len < 64 ? len : 64) & ~(size_t)1;
  if (n < 4) return 0;
  int le = 1, be = 1;
  for (size_t i = 0; i < n; i += 2) {
    le &= plain_byte(p[i]) && p[i + 1] == 0;
    be &= p[i] == 0 && plain_byte(p[i + 1]);
  }
  return le ? 1 : be ? 2 : 0;
}

precis_status precis_text_decode(const char *in, size_t len, char **out,
                                 size_t *out_len, const char **charset) {
  const unsigned char *u = (const unsigned char *)in;
  const char *cs = NULL;
  size_t skip = 0;
  if (!out || !out_len || !charset || (!in && len))
    return PRECIS_ERR_INVALID_ARG;
  *out = NULL;
  *out_len = 0;
  *charset = "utf-8";
  /* a UTF-8 byte-order mark is UTF-8 (the cluster blanks it, keeping
   * offsets those of the file) */
  if (len >= 2 &&
      ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
    cs = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
    skip = 2;
  } else {
    int w = utf16_by_nuls(u, len);
    if (w) cs = w == 1 ? "UTF-16LE" : "UTF-16BE";
  }
  if (!cs) {
    if (html_is_binary(u, len)) return PRECIS_ERR_BINARY;
    size_t inv, mb; /* as a page's bytes are read */
    count_utf8(u, len, &inv, &mb);
    /* valid, or a few broken bytes precis_cluster_add replaces */
    if (inv == 0 || mb >= 4 * inv) return PRECIS_OK;
    cs = "windows-1252";
  }
  buf conv = BUF_INIT;
  precis_status st = iconv_to_utf8(in + skip, len - skip, cs, &conv);
  if (st != PRECIS_OK) {
    buf_free(&conv);
    return st;
  }
  if (!conv.ptr && (st = buf_grow(&conv, 1)) != PRECIS_OK) return st;
  *out = conv.ptr;
  *out_len = conv.len;
  *charset = cs[0] == 'U' ? (cs[6] == 'L' ? "utf-16le" : "utf-16be") : cs;
  return PRECIS_OK;
}
