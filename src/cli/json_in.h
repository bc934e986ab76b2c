/* json_in.h — one JSON text from a buffer, for the CLI's JSONL readers
 * (cluster_input.c, rouge_input.c), parsed with json-c (Debian
 * libjson-c-dev). json-c replaced jansson here: on Multi-News val (21 MB
 * of JSONL) jansson's json_loadb took 0.30 s, a fifth of a whole
 * summarizing run, and json-c's strict tokener 0.09 s. cJSON (0.05 s) was
 * measured too and not taken: it cuts a string at a NUL (raw or \u0000)
 * without a word and writes a process-wide error pointer on every parse,
 * which the library's threads cannot share. */
#ifndef PRECIS_CLI_JSON_IN_H
#define PRECIS_CLI_JSON_IN_H

#include <json-c/json.h>
#include <stddef.h>

typedef struct json_in_error {
  char text[96]; /* what is wrong: "unexpected character" */
  size_t column; /* from 1: the byte where the parse stopped */
} json_in_error;

/* s[0..len) as one JSON value, whitespace around it allowed: strict
 * (no comments, no trailing commas) and UTF-8 checked. The value (free
 * it with json_object_put), or NULL with *err filled in. A member named
 * twice keeps its last value, as JSON.parse and Python's json do. */
json_object *json_in_parse(const char *s, size_t len, json_in_error *err);

/* The string member `key` of o, its length in *len (a string may hold a
 * NUL); NULL when o is not an object or the member is not a string. */
const char *json_in_string(json_object *o, const char *key, size_t *len);

/* s as a JSON string, quotes and escapes included, in a malloc'd buffer
 * (NULL out of memory); bytes of a string that is not UTF-8 (a file
 * name) become '?' from 0x80 up. */
char *json_in_quote(const char *s);

#endif
