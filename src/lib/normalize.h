/* normalize.h — raw article bytes to the normalized text precis works on.
 *
 * The normalized text is what every offset refers to. Steps, in one pass:
 *  - invalid UTF-8 sequences become U+FFFD (counted);
 *  - CRLF and lone CR become LF; more than one blank line becomes one;
 *  - TAB, VT, FF, NBSP and the other Unicode spaces become ' ', runs of
 *    spaces collapse to one, lines are trimmed;
 *  - zero-width characters, soft hyphens, BOMs and control characters go;
 *  - then NFC (utf8proc), as Snowball expects composed text.
 * Quotes and dashes are kept as written (briefs quote verbatim); tokens
 * ignore them, which is where they are "normalized" for matching.
 */
#ifndef PRECIS_NORMALIZE_H
#define PRECIS_NORMALIZE_H

#include <stddef.h>

#include "arena.h"
#include "precis.h"

/* 1 if the bytes look like a binary file (NULs, many control bytes). */
int text_looks_binary(const char *in, size_t len);

/* Normalize `in` into arena memory (*out is NUL-terminated). */
precis_status text_normalize(arena *a, const char *in, size_t len,
                             char **out, size_t *out_len,
                             size_t *n_invalid, int *changed);

#endif
