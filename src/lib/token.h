/* token.h — tokens, stems and term ids.
 *
 * A token is a {pointer, length} view into an article's normalized text
 * plus the id of its term. Words are lower-cased (utf8proc), stemmed with
 * Snowball English (libstemmer) and interned: every surface form maps to
 * one integer term id shared by all forms with the same stem, so the
 * scoring code works on int arrays. The surface -> term map doubles as the
 * stem cache that libstemmer's README recommends.
 *
 * A lexicon outlives clusters (batch mode reuses it); ids are dense from 0.
 * Not thread-safe: one lexicon per thread.
 */
#ifndef PRECIS_TOKEN_H
#define PRECIS_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "precis.h"

typedef struct tok {
  const char *p; /* into the article's normalized text */
  uint32_t len;
  uint32_t term;
} tok;

/* a function word's stem (data/stopwords.en.txt), fixed when the lexicon
 * is made, so the words of an earlier cluster never change it */
#define TERM_STOP 1u
#define TERM_NUMBER 2u /* starts with a digit */

typedef struct lexicon lexicon;

lexicon *lex_new(void);
void lex_free(lexicon *lx);
size_t lex_size(const lexicon *lx);
unsigned lex_flags(const lexicon *lx, uint32_t term);
/* The stem of a term (not NUL-terminated). */
const char *lex_stem(const lexicon *lx, uint32_t term, size_t *len);

/* 1 if the token is the word `lower` (ASCII lower case) in any ASCII
 * case: a cheap test for closed lists of function words ("said", "he"),
 * where a stem or term id would say less. */
int tok_is(const tok *t, const char *lower);

/* 1 if the token is one of the NULL-terminated `words` (as tok_is). */
int tok_in(const tok *t, const char *const *words);

/* Words in a span, as the budget counts them: runs of bytes other than
 * space and newline. */
uint32_t count_words(const char *s, size_t n);

/* Called for each token of the text in order. */
typedef precis_status (*tok_emit_fn)(void *ctx, const tok *t);

/* Tokenize UTF-8 text: maximal runs of letters, marks and digits
 * (apostrophes and hyphens split; "1.5" and "2,000" stay whole). */
precis_status tokenize(lexicon *lx, const char *s, size_t len, tok_emit_fn emit,
                       void *ctx);

#endif
