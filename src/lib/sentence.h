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

/* One paragraph of an article, for sent_turns(). */
typedef struct sent_para {
  size_t s, e; /* in: its bytes in the article's text */
  size_t label; /* out: sent_label() at its start, 0 when none */
  size_t name;  /* out: the label's name length */
  long turn;    /* out: see sent_turns() */
} sent_para;

#define SENT_TURN_NONE (-1L)  /* not in a transcript's turn */
#define SENT_TURN_OTHER (-2L) /* a turn, but not a named speaker's */

/* Transcript turns. An article is a transcript when a speaker's label
 * (sent_label) opens two or more of its paragraphs: a label that names
 * someone (not "Photo:", "Q:", "Read more:", nor "TODAY IN THE SKY:",
 * whose words include "in" or "the") and whose paragraphs speak in the
 * first or second person somewhere ("I", "we", "you", ...; a glossary's
 * "Severe: Height and weight below ..." does not). Then each label opens a turn
 * that runs to the next label, and p[i].turn is the index of the
 * paragraph whose label opened paragraph i's turn when that label is a
 * speaker's (it occurs twice and names someone), SENT_TURN_OTHER when
 * it is another label's ("Question:", a label seen once), and
 * SENT_TURN_NONE before the first label or when the article is no
 * transcript. Time O(np log np); returns PRECIS_ERR_NOMEM or
 * PRECIS_OK. The quote ledger (quotes.c) takes each speaker's turn as
 * their words; cluster.c keeps a turn's later sentences from a brief
 * without the label that says who speaks. */
precis_status sent_turns(const char *text, sent_para *p, size_t np);

/* 1 if text[0..len) is lower-cased, as the Multi-News sources are
 * (capitals only where a sentence starts): the splitter's own test, on
 * the first 64 KB. */
int sent_lowered(const char *text, size_t len);

/* What a sentence's double quotation marks do (sent_quote_marks). */
enum {
  SQ_CLOSES_UNOPENED = 1, /* closes a quote it did not open */
  SQ_LEAVES_OPEN = 2,     /* opens a quote it does not close */
  SQ_ANY = 4,             /* has a quotation mark */
  SQ_ENDS_INSIDE = 8,     /* ends inside a quote, its own or an earlier one */
  SQ_REOPENS = 16,        /* starts inside a quote and opens before closing */
  SQ_WHOLE = 32           /* is one quotation, opened first and closed last */
};

/* Curly marks say which way they face (a closing one after a digit is
 * inches: 4'9"), and so do ``...'' of newswire; a straight one (or
 * two apostrophes) opens after a space or bracket and closes before one.
 * With spaces on both sides (tokenized text: `" we are , " he said`) it
 * closes inside a quote, `inside` saying whether the sentence starts in
 * one, and opens outside. Double marks do not nest: an opening inside a
 * quote starts it over. Returns the SQ_* flags of p[0..n). cluster.c
 * marks each sentence's quotations with it; clean.c asks whether a dated
 * caption's date stands inside one. */
unsigned sent_quote_marks(const char *p, size_t n, int inside);

#endif
