/* json_check.h — reading JSON in the tests with json-c (the library
 * precis links): a strict parse of a whole text, and accessors that take
 * any value or NULL. json-c's array calls assert an array and its getters
 * convert between types (json_object_get_string prints a number), so a
 * test that checks a member's type must not use them bare. A JSON null is
 * NULL in json-c: jnull_member tells a null member from a missing one.
 * Header-only (static inline), as utf8_check.h. */
#ifndef PRECIS_TEST_JSON_CHECK_H
#define PRECIS_TEST_JSON_CHECK_H

#include <json-c/json.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

/* text[0..len) as one strict JSON text: valid UTF-8, an object or array
 * at the top, nothing but whitespace after it (json-c stops at a raw NUL,
 * so the end is checked by position). The value, or NULL with *why (when
 * given) saying what was wrong. */
static inline json_object *parse_json(const char *text, size_t len,
                                      const char **why) {
  json_tokener *tk = len <= INT_MAX ? json_tokener_new() : NULL;
  json_object *v = NULL;
  const char *w = len <= INT_MAX ? "out of memory" : "input too long";
  if (tk) {
    json_tokener_set_flags(tk,
                           JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
    v = json_tokener_parse_ex(tk, text, (int)len);
    enum json_tokener_error e = json_tokener_get_error(tk);
    size_t end = json_tokener_get_parse_end(tk);
    while (end < len && text[end] != '\0' && strchr(" \t\r\n", text[end]))
      end++;
    if (e == json_tokener_continue)
      w = "unexpected end of input";
    else if (e != json_tokener_success)
      w = json_tokener_error_desc(e);
    else if (end != len)
      w = "end of file expected";
    else if (!json_object_is_type(v, json_type_object) &&
             !json_object_is_type(v, json_type_array))
      w = "'[' or '{' expected";
    else
      w = NULL;
    if (w) {
      json_object_put(v);
      v = NULL;
    }
    json_tokener_free(tk);
  }
  if (why) *why = w;
  return v;
}

/* Member `key` of o; NULL when o is not an object or has no such member. */
static inline json_object *jget(json_object *o, const char *key) {
  json_object *v = NULL;
  return json_object_object_get_ex(o, key, &v) ? v : NULL;
}

/* Does o have the member `key`, and is it null? */
static inline int jnull_member(json_object *o, const char *key) {
  json_object *v = NULL;
  return json_object_object_get_ex(o, key, &v) && v == NULL;
}

/* Size of an array, 0 for anything else. */
static inline size_t jlen(json_object *a) {
  return json_object_is_type(a, json_type_array) ? json_object_array_length(a)
                                                 : 0;
}

/* Number of members of an object, 0 for anything else. */
static inline size_t jsize(json_object *o) {
  return json_object_is_type(o, json_type_object)
             ? (size_t)json_object_object_length(o)
             : 0;
}

/* Element i of an array; NULL out of range or for a non-array. */
static inline json_object *jidx(json_object *a, size_t i) {
  return i < jlen(a) ? json_object_array_get_idx(a, i) : NULL;
}

/* The text of a string, NULL for anything else. */
static inline const char *jstr(json_object *s) {
  return json_object_is_type(s, json_type_string) ? json_object_get_string(s)
                                                  : NULL;
}

/* The value of a real (a number written with '.' or an exponent), 0 for
 * anything else. */
static inline double jreal(json_object *d) {
  return json_object_is_type(d, json_type_double) ? json_object_get_double(d)
                                                  : 0.0;
}

/* The value of an integer, 0 for anything else. */
static inline int64_t jint(json_object *i) {
  return json_object_is_type(i, json_type_int) ? json_object_get_int64(i) : 0;
}

#endif
