/* normalize.h — raw article bytes to the normalized text precis works on.
 *
 * The normalized text is what every offset refers to. It keeps the input's
 * bytes wherever it can, so that offsets into it are offsets into the
 * input file: every change but two is length-preserving.
 *  - invalid UTF-8 sequences become U+FFFD (counted; offsets shift);
 *  - CRLF becomes " \n" and a lone CR "\n";
 *  - TAB, VT, FF, other C0/C1 controls, DEL and BOMs become spaces of the
 *    same byte length;
 *  - then NFC (utf8proc), as Snowball expects composed text; it changes
 *    only decomposed input (offsets shift).
 * Spaces are not collapsed and lines are not trimmed: the cleaner and the
 * splitter skip whitespace. Quotes and dashes are kept as written (briefs
 * quote verbatim); tokens ignore them, which is where they are
 * "normalized" for matching. `changed` tells whether offsets may differ
 * from the input's.
 */
#ifndef PRECIS_NORMALIZE_H
#define PRECIS_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "precis.h"

/* 1 if the bytes look like a binary file (NULs, many control bytes). */
int text_looks_binary(const char *in, size_t len);

/* 1 if NFC leaves code point cp unchanged and never composes it with the
 * one before: text made of ASCII and such code points is already NFC. */
int text_nfc_inert(int32_t cp);

/* Normalize `in` into arena memory (*out is NUL-terminated). */
precis_status text_normalize(arena *a, const char *in, size_t len, char **out,
                             size_t *out_len, size_t *n_invalid, int *changed);

#endif
