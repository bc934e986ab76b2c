/* json_in.c — see json_in.h. */
#include "json_in.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Deeper than any article record or JSON-LD block; json-c's own default
 * is 32. */
#define JSON_IN_DEPTH 512

json_object *json_in_parse(const char *s, size_t len, json_in_error *err) {
  err->text[0] = '\0';
  err->column = 0;
  if (len > INT_MAX) { /* json-c counts in int; lines are capped lower */
    snprintf(err->text, sizeof err->text, "text longer than %d bytes", INT_MAX);
    return NULL;
  }
  json_tokener *tk = json_tokener_new_ex(JSON_IN_DEPTH);
  if (!tk) {
    snprintf(err->text, sizeof err->text, "out of memory");
    return NULL;
  }
  json_tokener_set_flags(tk, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
  json_object *v = json_tokener_parse_ex(tk, s, (int)len);
  enum json_tokener_error e = json_tokener_get_error(tk);
  size_t end = json_tokener_get_parse_end(tk);
  json_tokener_free(tk);
  if (v && e == json_tokener_success) {
    while (end < len && strchr(" \t\r\n", s[end]) && s[end] != '\0')
      end++;
    if (end == len) return v;
    json_object_put(v);
    snprintf(err->text, sizeof err->text, "text after the JSON value");
  } else {
    if (end > 0 && end <= len && s[end - 1] == '\0')
      end--; /* json-c reads a NUL as the end of its input, past it */
    if (end < len && (unsigned char)s[end] < 0x20)
      snprintf(err->text, sizeof err->text, "control character 0x%x",
               (unsigned)(unsigned char)s[end]);
    else if (e == json_tokener_continue || e == json_tokener_success)
      snprintf(err->text, sizeof err->text, "unexpected end of input");
    else
      snprintf(err->text, sizeof err->text, "%s", json_tokener_error_desc(e));
  }
  err->column = end + 1;
  return NULL;
}

const char *json_in_string(json_object *o, const char *key, size_t *len) {
  json_object *v;
  if (!json_object_is_type(o, json_type_object) ||
      !json_object_object_get_ex(o, key, &v) ||
      !json_object_is_type(v, json_type_string))
    return NULL;
  if (len) *len = (size_t)json_object_get_string_len(v);
  return json_object_get_string(v);
}

/* Is s[0..n) well-formed UTF-8 (utf8proc_iterate's judgement)? */
static int S_utf8(const char *s, size_t n) {
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
  while (n > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)n, &cp);
    if (k <= 0) return 0;
    p += k;
    n -= (size_t)k;
  }
  return 1;
}

char *json_in_quote(const char *s) {
  size_t n = strlen(s);
  char *t = NULL;
  if (!S_utf8(s, n)) {
    if (!(t = strdup(s))) return NULL;
    for (char *p = t; *p; p++)
      if ((unsigned char)*p >= 0x80) *p = '?';
  }
  json_object *j = json_object_new_string(t ? t : s);
  free(t);
  const char *q =
      j ? json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN |
                                                JSON_C_TO_STRING_NOSLASHESCAPE)
        : NULL;
  char *out = q ? strdup(q) : NULL;
  json_object_put(j);
  return out;
}
