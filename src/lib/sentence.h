/* sentence.h — English sentence splitter for news text.
 *
 * Input is UTF-8 (ideally cleaned: NFC, LF line ends, odd spaces mapped to
 * ' '), either properly cased or lower-cased news. Any bytes are accepted:
 * invalid UTF-8 and NULs never crash or slow the splitter, they are just
 * text. The rules are described at the top of sentence.c and pinned down
 * by tests/spec/sentences.txt.
 *
 * sent_split() allocates nothing and runs in time linear in `len`.
 */
#ifndef PRECIS_SENTENCE_H
#define PRECIS_SENTENCE_H

#include <stddef.h>

#include "precis.h"

/* Called for each sentence in order: byte offset and length in text,
 * trimmed of surrounding whitespace (never empty). Return PRECIS_OK to
 * continue; any other status stops splitting and is returned by
 * sent_split. */
typedef precis_status (*sent_emit_fn)(void *ctx, size_t off, size_t len);

/* Split text[0..len) into sentences, calling emit for each. Spans are in
 * increasing order, do not overlap, and everything between them is
 * whitespace. Returns PRECIS_OK, the first non-OK status of emit, or
 * PRECIS_ERR_INVALID_ARG if emit is NULL or text is NULL with len > 0. */
precis_status sent_split(const char *text, size_t len, sent_emit_fn emit,
                         void *ctx);

/* A speaker's label at the start of t[0..n) ("Vladimir Putin: ", "Q: ",
 * "TRUMP: "): one to four capitalised words within about 40 bytes, then a
 * colon and a space or the end. Returns the label's length up to and with
 * the colon (*name_len: without it), or 0 when t does not open with one.
 * Transcripts in the quote ledger (quotes.c) and openers that lean on the
 * sentence before them (cluster.c) read it. */
size_t sent_label(const char *t, size_t n, size_t *name_len);

#endif
