/* buf.c — see buf.h. */
#include "buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

precis_status buf_grow(buf *b, size_t extra) {
  size_t cap = b->cap ? b->cap : SIZE_MAX / 2;
  if (extra > cap || b->len > cap - extra) return PRECIS_ERR_TOO_BIG;
  size_t need = b->len + extra + 1;
  if (need <= b->alloc) return PRECIS_OK;
  size_t n = b->alloc ? b->alloc + b->alloc / 2 : 64;
  if (n < need) n = need;
  if (n > cap + 1) n = cap + 1;
  char *p = realloc(b->ptr, n);
  if (!p) return PRECIS_ERR_NOMEM;
  b->ptr = p;
  b->alloc = n;
  return PRECIS_OK;
}

precis_status buf_put(buf *b, const char *data, size_t len) {
  precis_status st = buf_grow(b, len);
  if (st != PRECIS_OK) return st;
  if (len) memcpy(b->ptr + b->len, data, len);
  b->len += len;
  b->ptr[b->len] = '\0';
  return PRECIS_OK;
}

precis_status buf_puts(buf *b, const char *s) {
  return buf_put(b, s, strlen(s));
}

precis_status buf_putc(buf *b, char c) {
  return buf_put(b, &c, 1);
}

precis_status buf_printf(buf *b, const char *fmt, ...) {
  /* Format into the room already allocated, and only when that is too
   * small grow and format again (sds's sdscatvprintf): one vsnprintf()
   * for nearly every call, where measuring first always took two. */
  size_t room = b->alloc > b->len ? b->alloc - b->len : 0;
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(room ? b->ptr + b->len : NULL, room, fmt, ap);
  va_end(ap);
  if (n < 0) {
    if (room) b->ptr[b->len] = '\0';
    return PRECIS_ERR_INVALID_ARG;
  }
  if ((size_t)n >= room) {
    precis_status st = buf_grow(b, (size_t)n);
    if (st != PRECIS_OK) {
      if (room) b->ptr[b->len] = '\0'; /* the cut-off try wrote there */
      return st;
    }
    va_start(ap, fmt);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
  }
  b->len += (size_t)n;
  return PRECIS_OK;
}

precis_status buf_put_u64(buf *b, uint64_t v) {
  char tmp[20]; /* UINT64_MAX has 20 digits */
  size_t i = sizeof tmp;
  do {
    tmp[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  return buf_put(b, tmp + i, sizeof tmp - i);
}

precis_status buf_put_i64(buf *b, int64_t v) {
  if (v >= 0) return buf_put_u64(b, (uint64_t)v);
  precis_status st = buf_putc(b, '-');
  /* -(v + 1) + 1: no overflow at INT64_MIN */
  return st == PRECIS_OK ? buf_put_u64(b, (uint64_t)(-(v + 1)) + 1) : st;
}

/* Append s, each byte that esc() maps to a replacement replaced by it;
 * the runs between are copied whole. tmp is esc()'s scratch. Inline, so
 * that each caller's esc() is a direct call the compiler can inline too
 * (rendering calls it for every byte of every brief). */
typedef const char *(*escape_fn)(unsigned char c, char tmp[8]);

static inline precis_status S_put_escaped(buf *b, const char *s, size_t len,
                                          escape_fn esc_of) {
  size_t run = 0;
  precis_status st = PRECIS_OK;
  char tmp[8];
  for (size_t i = 0; i < len; i++) {
    const char *esc = esc_of((unsigned char)s[i], tmp);
    if (esc) {
      if (run && (st = buf_put(b, s + i - run, run)) != PRECIS_OK) return st;
      run = 0;
      if ((st = buf_puts(b, esc)) != PRECIS_OK) return st;
    } else {
      run++;
    }
  }
  if (run) st = buf_put(b, s + len - run, run);
  return st;
}

static const char *S_json_escape(unsigned char c, char tmp[8]) {
  static const char hex[] = "0123456789abcdef";
  switch (c) {
  case '"': return "\\\"";
  case '\\': return "\\\\";
  case '\n': return "\\n";
  case '\t': return "\\t";
  case '\r': return "\\r";
  default: break;
  }
  if (c >= 0x20 && c != 0x7f) return NULL;
  memcpy(tmp, "\\u00", 4);
  tmp[4] = hex[c >> 4];
  tmp[5] = hex[c & 15];
  tmp[6] = '\0';
  return tmp;
}

static const char *S_html_escape(unsigned char c, char tmp[8]) {
  (void)tmp;
  switch (c) {
  case '&': return "&amp;";
  case '<': return "&lt;";
  case '>': return "&gt;";
  case '"': return "&quot;";
  default: return NULL;
  }
}

precis_status buf_put_json_str(buf *b, const char *s, size_t len) {
  return S_put_escaped(b, s, len, S_json_escape);
}

precis_status buf_put_html(buf *b, const char *s, size_t len) {
  return S_put_escaped(b, s, len, S_html_escape);
}

void buf_clear(buf *b) {
  b->len = 0;
  if (b->ptr) b->ptr[0] = '\0';
}

char *buf_detach(buf *b, size_t *len) {
  char *p = b->ptr;
  if (!p) {
    p = malloc(1);
    if (p) p[0] = '\0';
  }
  if (len) *len = b->len;
  b->ptr = NULL;
  b->len = b->alloc = 0;
  return p;
}

void buf_free(buf *b) {
  free(b->ptr);
  b->ptr = NULL;
  b->len = b->alloc = 0;
}
