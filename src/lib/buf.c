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
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) return PRECIS_ERR_INVALID_ARG;
  precis_status st = buf_grow(b, (size_t)n);
  if (st != PRECIS_OK) return st;
  va_start(ap, fmt);
  vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
  return PRECIS_OK;
}

precis_status buf_put_json_str(buf *b, const char *s, size_t len) {
  static const char hex[] = "0123456789abcdef";
  size_t i = 0, run = 0;
  precis_status st = PRECIS_OK;
  for (i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    const char *esc = NULL;
    char tmp[7];
    if (c == '"')
      esc = "\\\"";
    else if (c == '\\')
      esc = "\\\\";
    else if (c == '\n')
      esc = "\\n";
    else if (c == '\t')
      esc = "\\t";
    else if (c == '\r')
      esc = "\\r";
    else if (c < 0x20 || c == 0x7f) {
      memcpy(tmp, "\\u00", 4);
      tmp[4] = hex[c >> 4];
      tmp[5] = hex[c & 15];
      tmp[6] = '\0';
      esc = tmp;
    }
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

precis_status buf_put_html(buf *b, const char *s, size_t len) {
  size_t run = 0;
  precis_status st = PRECIS_OK;
  for (size_t i = 0; i < len; i++) {
    const char *esc = NULL;
    switch (s[i]) {
    case '&': esc = "&amp;"; break;
    case '<': esc = "&lt;"; break;
    case '>': esc = "&gt;"; break;
    case '"': esc = "&quot;"; break;
    default: break;
    }
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
