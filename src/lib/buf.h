/* buf.h — growable byte buffer with a hard cap.
 *
 * Grows by 1.5x (cmark_strbuf_grow) up to `cap` bytes (curl's dynbuf
 * `toobig`); an append past the cap fails with PRECIS_ERR_TOO_BIG and
 * leaves the buffer unchanged. Always NUL-terminated when ptr != NULL.
 */
#ifndef PRECIS_BUF_H
#define PRECIS_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "precis.h"

typedef struct buf {
  char *ptr;
  size_t len;
  size_t alloc;
  size_t cap; /* 0 = SIZE_MAX/2 */
} buf;

#define BUF_INIT                                                               \
  { NULL, 0, 0, 0 }

precis_status buf_grow(buf *b, size_t extra);
precis_status buf_put(buf *b, const char *data, size_t len);
precis_status buf_puts(buf *b, const char *s);
precis_status buf_putc(buf *b, char c);
precis_status buf_printf(buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Append v in decimal, as "%" PRIu64 / "%" PRId64 would, without
 * printf's cost (JSON output writes several numbers per sentence); the
 * digits are made as redis's ll2string makes them. */
precis_status buf_put_u64(buf *b, uint64_t v);
precis_status buf_put_i64(buf *b, int64_t v);
/* Append s as the body of a JSON string (no surrounding quotes). */
precis_status buf_put_json_str(buf *b, const char *s, size_t len);
/* Append s with &<>" escaped for HTML/XML text and attributes. */
precis_status buf_put_html(buf *b, const char *s, size_t len);
void buf_clear(buf *b);
/* Hand the memory to the caller (free with free()); the buffer is reset. */
char *buf_detach(buf *b, size_t *len);
void buf_free(buf *b);

#endif
