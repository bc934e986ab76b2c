/* jsonw.h — a streaming JSON writer over a buf. Internal.
 *
 * Each call appends one value (inside an object, after its key) and the
 * writer puts in the commas, the spaces and the line breaks, so an
 * emitter says what it writes and not how it is laid out. The brief's
 * JSON (render.c) and the report's (report_render.c) both go through it.
 *
 * Layout is chosen per container:
 *   JW_BLOCK   one element per line, indented two spaces for each block
 *              container it is in; the closer on a line of its own,
 *              except after no element ("[]");
 *   JW_INLINE  the elements on one line, ", " between them;
 *   JW_TIGHT   the same with "," between them (short lists of numbers);
 * and per writer, by flags:
 *   JW_NEWLINES  block containers break lines as above, and closing the
 *                outermost value ends the line; without it block
 *                containers are written like tight ones;
 *   JW_SPACES    ": " after a key and ", " in inline containers; without
 *                it ":" and ",".
 * So {JW_NEWLINES | JW_SPACES} is pretty JSON and 0 is compact JSON.
 *
 * Strings are escaped by buf_put_json_str; a NULL string is written as
 * null. Numbers: jw_size "%zu", jw_int "%ld", jw_num "%.*g" (no check
 * for NaN or infinity: the caller passes finite values).
 *
 * Every call returns PRECIS_OK or the buf's error (PRECIS_ERR_NOMEM,
 * PRECIS_ERR_TOO_BIG), PRECIS_ERR_LIMIT past JW_MAX_DEPTH open containers
 * and PRECIS_ERR_INVALID_ARG for a key missing in an object, a key in an
 * array or jw_end with nothing open. After an error the output is
 * unusable. The writer allocates nothing; the buf belongs to the caller.
 */
#ifndef PRECIS_JSONW_H
#define PRECIS_JSONW_H

#include <stddef.h>

#include "buf.h"
#include "precis.h"

enum { JW_NEWLINES = 1, JW_SPACES = 2 };

typedef enum { JW_INLINE, JW_TIGHT, JW_BLOCK } jw_layout;

#define JW_MAX_DEPTH 16

typedef struct jw_level {
  char close;           /* '}' or ']' */
  char layout;          /* jw_layout */
  char empty;           /* no element written yet */
  unsigned char indent; /* block containers up to and including this one */
} jw_level;

typedef struct jw {
  buf *b;
  int flags;
  int depth; /* open containers */
  jw_level lv[JW_MAX_DEPTH];
} jw;

/* A writer appending to b (which it does not own) with JW_* flags. */
void jw_init(jw *w, buf *b, int flags);

/* Open an object or an array as the next value. In this and every call
 * below, key names the value inside an object and is NULL inside an array
 * or for the outermost value. */
precis_status jw_obj(jw *w, const char *key, jw_layout layout);
precis_status jw_arr(jw *w, const char *key, jw_layout layout);
/* Close the innermost open container; jw_end_n the n innermost. */
precis_status jw_end(jw *w);
precis_status jw_end_n(jw *w, int n);

/* A string of n bytes, or null when s is NULL. */
precis_status jw_str(jw *w, const char *key, const char *s, size_t n);
/* A NUL-terminated string, or null when s is NULL. */
precis_status jw_cstr(jw *w, const char *key, const char *s);
precis_status jw_size(jw *w, const char *key, size_t v);
precis_status jw_int(jw *w, const char *key, long v);
/* v with `digits` significant digits ("%.*g"). */
precis_status jw_num(jw *w, const char *key, double v, int digits);
precis_status jw_bool(jw *w, const char *key, int v);
precis_status jw_null(jw *w, const char *key);
/* n bytes of JSON the caller has formatted, written as one value. */
precis_status jw_raw(jw *w, const char *key, const char *json, size_t n);
/* The separator, line break and key before a value that the caller then
 * appends to w->b itself, in one piece or several (jw_raw does this). */
precis_status jw_key(jw *w, const char *key);

#endif
