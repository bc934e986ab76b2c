/* test_jsonw.c — the streaming JSON writer (src/lib/jsonw.c): commas and
 * nesting, pretty against compact layouts, escaping, null for missing
 * strings, number formats, misuse errors, and that what it writes parses
 * (json-c). */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "harness.h"
#include "json_check.h"
#include "jsonw.h"
#include "precis.h"

/* A call that runs unless an earlier one failed (st in scope). */
#define T(x)                                                                   \
  do {                                                                         \
    if (st == PRECIS_OK) st = (x);                                             \
  } while (0)

/* One document exercising every call, written with `flags`. */
static precis_status S_doc(buf *b, int flags) {
  jw w;
  jw_init(&w, b, flags);
  precis_status st = PRECIS_OK;
  T(jw_obj(&w, NULL, JW_BLOCK));
  T(jw_cstr(&w, "s", "a"));
  T(jw_size(&w, "n", 3));
  T(jw_obj(&w, "in", JW_INLINE));
  T(jw_int(&w, "i", -2));
  T(jw_bool(&w, "t", 1));
  T(jw_end(&w));
  T(jw_arr(&w, "tight", JW_TIGHT));
  T(jw_size(&w, NULL, 1));
  T(jw_size(&w, NULL, 2));
  T(jw_end(&w));
  T(jw_arr(&w, "rows", JW_BLOCK));
  T(jw_obj(&w, NULL, JW_INLINE));
  T(jw_arr(&w, "l", JW_INLINE));
  T(jw_size(&w, NULL, 1));
  T(jw_size(&w, NULL, 2));
  T(jw_end(&w));
  T(jw_arr(&w, "sub", JW_BLOCK));
  T(jw_null(&w, NULL));
  T(jw_end(&w));
  T(jw_end(&w));
  T(jw_obj(&w, NULL, JW_INLINE));
  T(jw_end(&w));
  T(jw_end(&w));
  T(jw_arr(&w, "none", JW_BLOCK));
  T(jw_end(&w));
  T(jw_end(&w));
  return st;
}

static void test_layouts(void) {
  buf b = BUF_INIT;
  INT_EQ(S_doc(&b, 0), PRECIS_OK, "compact: every call succeeds");
  STR_EQ(b.ptr,
         "{\"s\":\"a\",\"n\":3,\"in\":{\"i\":-2,\"t\":true},\"tight\":[1,2],"
         "\"rows\":[{\"l\":[1,2],\"sub\":[null]},{}],\"none\":[]}",
         "compact: no spaces, no line breaks, no final newline");
  buf_clear(&b);
  INT_EQ(S_doc(&b, JW_NEWLINES | JW_SPACES), PRECIS_OK,
         "pretty: every call succeeds");
  STR_EQ(b.ptr,
         "{\n"
         "  \"s\": \"a\",\n"
         "  \"n\": 3,\n"
         "  \"in\": {\"i\": -2, \"t\": true},\n"
         "  \"tight\": [1,2],\n"
         "  \"rows\": [\n"
         "    {\"l\": [1, 2], \"sub\": [\n"
         "      null\n"
         "    ]},\n"
         "    {}\n"
         "  ],\n"
         "  \"none\": []\n"
         "}\n",
         "pretty: block containers one element a line, indented by block "
         "depth; inline ones on the line; empty ones [] and {}; final "
         "newline");
  buf_clear(&b);
  INT_EQ(S_doc(&b, JW_SPACES), PRECIS_OK, "spaces only: every call succeeds");
  STR_EQ(b.ptr,
         "{\"s\": \"a\",\"n\": 3,\"in\": {\"i\": -2, \"t\": true},"
         "\"tight\": [1,2],\"rows\": [{\"l\": [1, 2], \"sub\": [null]},{}],"
         "\"none\": []}",
         "spaces without newlines: block containers as tight ones, ': ' "
         "after keys, ', ' in inline ones");
  buf_clear(&b);
  INT_EQ(S_doc(&b, JW_NEWLINES), PRECIS_OK, "newlines only: succeeds");
  OK(strstr(b.ptr, "\n  \"in\":{\"i\":-2,\"t\":true},\n") != NULL,
     "newlines without spaces: ':' and ',' but line breaks");
  for (int flags = 0; flags < 4; flags++) {
    buf_clear(&b);
    S_doc(&b, flags);
    json_object *j = parse_json(b.ptr, strlen(b.ptr), NULL);
    OK(j && jint(jget(j, "n")) == 3 && jlen(jget(j, "rows")) == 2,
       "flags %d: output parses and keeps its values", flags);
    json_object_put(j);
  }
  buf_free(&b);
}

static void test_strings(void) {
  static const struct {
    const char *key, *s;
    size_t n;
  } k[] = {
      {"q\"k", "a\"b\\c\nd\te\x01 caf\xc3\xa9", 16},
      {"part", "abcdef", 3},
      {"nul", "x\0y", 3},
      {"missing", NULL, 5},
  };
  buf b = BUF_INIT;
  jw w;
  jw_init(&w, &b, 0);
  precis_status st = jw_obj(&w, NULL, JW_INLINE);
  for (size_t i = 0; i < sizeof k / sizeof *k; i++)
    T(jw_str(&w, k[i].key, k[i].s, k[i].n));
  T(jw_cstr(&w, "missing2", NULL));
  T(jw_cstr(&w, "empty", ""));
  T(jw_end(&w));
  INT_EQ(st, PRECIS_OK, "strings: every call succeeds");
  STR_EQ(b.ptr,
         "{\"q\\\"k\":\"a\\\"b\\\\c\\nd\\te\\u0001 caf\xc3\xa9\","
         "\"part\":\"abc\",\"nul\":\"x\\u0000y\",\"missing\":null,"
         "\"missing2\":null,\"empty\":\"\"}",
         "strings: keys and values escaped, n bytes taken, NULL is null");
  buf_free(&b);
}

static void test_numbers(void) {
  static const struct {
    double v;
    int digits;
  } k[] = {{1.0 / 3, 6}, {0.6, 4}, {2, 4}, {12345678.9, 10}, {1e-7, 6}};
  buf b = BUF_INIT;
  jw w;
  jw_init(&w, &b, 0);
  precis_status st = jw_arr(&w, NULL, JW_TIGHT);
  for (size_t i = 0; i < sizeof k / sizeof *k; i++)
    T(jw_num(&w, NULL, k[i].v, k[i].digits));
  T(jw_size(&w, NULL, SIZE_MAX));
  T(jw_int(&w, NULL, -7));
  T(jw_bool(&w, NULL, 0));
  T(jw_raw(&w, NULL, "{\"r\":1}xx", 7));
  T(jw_end(&w));
  INT_EQ(st, PRECIS_OK, "numbers: every call succeeds");
  char want[128];
  snprintf(want, sizeof want,
           "[0.333333,0.6,2,12345678.9,1e-07,%zu,-7,false,{\"r\":1}]",
           (size_t)SIZE_MAX);
  STR_EQ(b.ptr, want, "numbers: %%.*g, %%zu, %%ld, false, raw JSON");
  buf_free(&b);
}

/* A value written in pieces after jw_key (as render.c writes "summary"). */
static void test_key_pieces(void) {
  buf b = BUF_INIT;
  jw w;
  jw_init(&w, &b, JW_SPACES);
  precis_status st = jw_obj(&w, NULL, JW_INLINE);
  T(jw_size(&w, "a", 1));
  T(jw_key(&w, "s"));
  T(buf_puts(&b, "\"x\\ny\""));
  T(jw_size(&w, "b", 2));
  T(jw_end(&w));
  INT_EQ(st, PRECIS_OK, "jw_key: succeeds");
  STR_EQ(b.ptr, "{\"a\": 1, \"s\": \"x\\ny\", \"b\": 2}",
         "jw_key: separator and key, then the caller's bytes");
  buf_free(&b);
}

static void test_errors(void) {
  buf b = BUF_INIT;
  jw w;
  jw_init(&w, &b, 0);
  INT_EQ(jw_end(&w), PRECIS_ERR_INVALID_ARG, "jw_end with nothing open");
  INT_EQ(jw_size(&w, "k", 1), PRECIS_ERR_INVALID_ARG, "key at the top");
  INT_EQ(jw_obj(&w, NULL, JW_INLINE), PRECIS_OK, "open an object");
  INT_EQ(jw_size(&w, NULL, 1), PRECIS_ERR_INVALID_ARG,
         "value without a key in an object");
  INT_EQ(jw_arr(&w, "a", JW_INLINE), PRECIS_OK, "open an array");
  INT_EQ(jw_size(&w, "k", 1), PRECIS_ERR_INVALID_ARG, "key in an array");
  buf_clear(&b);

  jw_init(&w, &b, 0);
  precis_status st = PRECIS_OK;
  for (int i = 0; i < JW_MAX_DEPTH && st == PRECIS_OK; i++)
    st = jw_arr(&w, NULL, JW_BLOCK);
  INT_EQ(st, PRECIS_OK, "JW_MAX_DEPTH containers open");
  INT_EQ(jw_arr(&w, NULL, JW_BLOCK), PRECIS_ERR_LIMIT, "one more: LIMIT");
  for (int i = 0; i < JW_MAX_DEPTH && st == PRECIS_OK; i++)
    st = jw_end(&w);
  INT_EQ(st, PRECIS_OK, "all closed again");
  INT_EQ(b.len, 2 * JW_MAX_DEPTH, "nested empty arrays: [[...]]");
  buf_free(&b);

  buf small = BUF_INIT;
  small.cap = 8;
  jw_init(&w, &small, 0);
  st = jw_obj(&w, NULL, JW_INLINE);
  T(jw_cstr(&w, "key", "a long value"));
  INT_EQ(st, PRECIS_ERR_TOO_BIG, "the buf's cap comes back as TOO_BIG");
  buf_free(&small);
}

int main(void) {
  test_layouts();
  test_strings();
  test_numbers();
  test_key_pieces();
  test_errors();
  return DONE();
}
