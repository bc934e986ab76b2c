/* jsonw.c — see jsonw.h. */
#include "jsonw.h"

#include <string.h>

/* Return the first error (zstd's FORWARD_IF_ERROR); nothing to clean up. */
#define FORWARD(x)                                                             \
  do {                                                                         \
    if ((st = (x)) != PRECIS_OK) return st;                                    \
  } while (0)

void jw_init(jw *w, buf *b, int flags) {
  w->b = b;
  w->flags = flags;
  w->depth = 0;
}

/* A line break and `indent` levels of two spaces. */
static precis_status S_newline(jw *w, int indent) {
  static const char k_spaces[2 * JW_MAX_DEPTH + 1] =
      "                                ";
  precis_status st;
  FORWARD(buf_putc(w->b, '\n'));
  return buf_put(w->b, k_spaces, 2 * (size_t)indent);
}

static int S_breaks(const jw *w, const jw_level *l) {
  return l->layout == JW_BLOCK && (w->flags & JW_NEWLINES);
}

precis_status jw_key(jw *w, const char *key) {
  precis_status st;
  if (!w->depth) return key ? PRECIS_ERR_INVALID_ARG : PRECIS_OK;
  jw_level *l = &w->lv[w->depth - 1];
  if ((l->close == '}') != (key != NULL)) return PRECIS_ERR_INVALID_ARG;
  if (!l->empty) {
    FORWARD(buf_putc(w->b, ','));
    if (l->layout == JW_INLINE && (w->flags & JW_SPACES))
      FORWARD(buf_putc(w->b, ' '));
  }
  l->empty = 0;
  if (S_breaks(w, l)) FORWARD(S_newline(w, l->indent));
  if (!key) return PRECIS_OK;
  FORWARD(buf_putc(w->b, '"'));
  FORWARD(buf_put_json_str(w->b, key, strlen(key)));
  return buf_puts(w->b, w->flags & JW_SPACES ? "\": " : "\":");
}

static precis_status S_open(jw *w, const char *key, jw_layout layout, char open,
                            char close) {
  precis_status st;
  if (w->depth == JW_MAX_DEPTH) return PRECIS_ERR_LIMIT;
  FORWARD(jw_key(w, key));
  FORWARD(buf_putc(w->b, open));
  int indent = w->depth ? w->lv[w->depth - 1].indent : 0;
  jw_level *l = &w->lv[w->depth++];
  l->close = close;
  l->layout = (char)layout;
  l->empty = 1;
  l->indent = (unsigned char)(indent + (layout == JW_BLOCK));
  return PRECIS_OK;
}

precis_status jw_obj(jw *w, const char *key, jw_layout layout) {
  return S_open(w, key, layout, '{', '}');
}

precis_status jw_arr(jw *w, const char *key, jw_layout layout) {
  return S_open(w, key, layout, '[', ']');
}

precis_status jw_end(jw *w) {
  precis_status st;
  if (!w->depth) return PRECIS_ERR_INVALID_ARG;
  const jw_level *l = &w->lv[--w->depth];
  if (S_breaks(w, l) && !l->empty) FORWARD(S_newline(w, l->indent - 1));
  FORWARD(buf_putc(w->b, l->close));
  if (!w->depth && (w->flags & JW_NEWLINES)) FORWARD(buf_putc(w->b, '\n'));
  return PRECIS_OK;
}

precis_status jw_end_n(jw *w, int n) {
  precis_status st = PRECIS_OK;
  for (int i = 0; i < n && st == PRECIS_OK; i++)
    st = jw_end(w);
  return st;
}

precis_status jw_str(jw *w, const char *key, const char *s, size_t n) {
  precis_status st;
  if (!s) return jw_null(w, key);
  FORWARD(jw_key(w, key));
  FORWARD(buf_putc(w->b, '"'));
  FORWARD(buf_put_json_str(w->b, s, n));
  return buf_putc(w->b, '"');
}

precis_status jw_cstr(jw *w, const char *key, const char *s) {
  return jw_str(w, key, s, s ? strlen(s) : 0);
}

precis_status jw_size(jw *w, const char *key, size_t v) {
  precis_status st;
  FORWARD(jw_key(w, key));
  return buf_put_u64(w->b, (uint64_t)v);
}

precis_status jw_int(jw *w, const char *key, long v) {
  precis_status st;
  FORWARD(jw_key(w, key));
  return buf_put_i64(w->b, (int64_t)v);
}

precis_status jw_num(jw *w, const char *key, double v, int digits) {
  precis_status st;
  FORWARD(jw_key(w, key));
  return buf_printf(w->b, "%.*g", digits, v);
}

precis_status jw_bool(jw *w, const char *key, int v) {
  return jw_raw(w, key, v ? "true" : "false", v ? 4 : 5);
}

precis_status jw_null(jw *w, const char *key) {
  return jw_raw(w, key, "null", 4);
}

precis_status jw_raw(jw *w, const char *key, const char *json, size_t n) {
  precis_status st;
  FORWARD(jw_key(w, key));
  return buf_put(w->b, json, n);
}
