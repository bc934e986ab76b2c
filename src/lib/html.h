/* html.h — internal interface of the HTML module (html_*.c).
 *
 * Pipeline of precis_html_extract (html_page.c):
 *
 *   bytes --html_decode--> valid UTF-8 (html_decode.c)
 *         --libxml2 HTML parser--> xmlDoc
 *         --html_meta--> title, author, date, ... + hints (html_meta.c)
 *         --html_extract--> main text, paragraphs split by blank lines
 *                           (html_extract.c, html_text.c)
 *
 * Nothing here prints, exits or touches the network.
 */
#ifndef PRECIS_HTML_H
#define PRECIS_HTML_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/HTMLparser.h>

#include "buf.h"
#include "precis.h"

/* Hard limits that keep one page's work bounded. */
#define HTML_MAX_NODES ((size_t)4 << 20)  /* DOM nodes looked at */
#define HTML_MAX_DEPTH 512                /* deeper subtrees are skipped */
#define HTML_MAX_FIELD 1024               /* bytes kept per metadata field */

struct precis_page {
  char *text;
  size_t text_len;
  char *title;
  char *site_name;
  char *author;
  char *date;
  char *url;
  char *language;
  char *encoding;
  const char *stopped; /* why the parser stopped early (static), or NULL */
};

/* ---- html_decode.c ---- */

/* Flags reported by html_decode. */
#define HTML_DEC_BOM 1u        /* a byte-order mark was seen */
#define HTML_DEC_REPLACED 2u   /* invalid bytes became U+FFFD */
#define HTML_DEC_MOJIBAKE 4u   /* double-encoded UTF-8 was repaired */
#define HTML_DEC_META_LIED 8u  /* declared charset ignored (bytes are UTF-8) */

/* Convert raw page bytes to valid UTF-8 without NUL or C0 controls (other
 * than TAB, LF, CR) in `out`. `override` (may be NULL) is a charset label
 * from outside the page (an HTTP header); a BOM still wins over it.
 * `charset` receives the lower-case name of the charset used ("utf-8",
 * "windows-1252", "gb18030", ...). Returns PRECIS_ERR_BINARY for bytes
 * that are not text. */
precis_status html_decode(const char *in, size_t len, const char *override,
                          buf *out, char *charset, size_t charset_sz,
                          unsigned *flags);

/* 1 if the bytes look binary (NULs, control bytes, known magic numbers). */
int html_is_binary(const unsigned char *p, size_t len);

/* Length of the valid UTF-8 sequence at p (1..4), or 0 if invalid. */
size_t html_utf8_len(const unsigned char *p, size_t n);

/* ---- html_text.c: small text helpers shared by extract and meta ---- */

/* Decode one UTF-8 code point at *p (valid input), advancing *p. */
uint32_t html_utf8_next(const unsigned char **p, const unsigned char *end);
/* 1 for ASCII and Unicode white space (incl. NBSP), 0 otherwise. */
int html_is_space_cp(uint32_t cp);
/* 1 for zero-width characters that are dropped from text (ZWSP, BOM...). */
int html_is_invisible_cp(uint32_t cp);
/* Append s with white space collapsed to single spaces, trimmed; invisible
 * characters dropped. Returns the status of the buffer. */
precis_status html_put_collapsed(buf *b, const char *s, size_t len);
/* A malloc'd copy of s with white space collapsed and trimmed, at most
 * `max` bytes (cut on a character boundary); NULL if empty or on OOM. */
char *html_clean_dup(const char *s, size_t len, size_t max);
/* Stop word test for a lowercase ASCII/UTF-8 word; returns a language bit
 * set (HTML_LANG_*) of the lists that contain it, 0 if none. */
unsigned html_stopword(const char *w, size_t len);
#define HTML_LANG_EN 1u
#define HTML_LANG_DE 2u
#define HTML_LANG_FR 4u
#define HTML_LANG_ES 8u
#define HTML_LANG_IT 16u
#define HTML_LANG_PT 32u
#define HTML_LANG_NL 64u
#define HTML_LANG_COUNT 7
/* Case-insensitive ASCII comparison helpers. */
int html_strncaseeq(const char *a, const char *b, size_t n);
int html_strcaseeq(const char *a, const char *b);
/* Case-insensitive search of an ASCII needle in s[0..len). */
const char *html_memcasemem(const char *s, size_t len, const char *needle);

/* ---- html_meta.c ---- */

typedef struct html_hints {
  char *title;        /* best headline (malloc'd), for heading de-dup */
  char *doc_title;    /* raw <title> text (malloc'd) */
  char *article_body; /* JSON-LD articleBody (malloc'd), may be NULL */
  char *byline;       /* visible byline text if found */
} html_hints;

void html_hints_free(html_hints *h);

/* Fill the metadata fields of `page` from the document; `page_url` (may be
 * NULL) is the caller's URL, used to resolve relative links. */
precis_status html_meta(xmlDoc *doc, const char *page_url, precis_page *page,
                        html_hints *hints);

/* Normalize a date string to ISO 8601 ("2012-07-23" or
 * "2012-07-23T10:00:00Z" / "...+02:00"). Returns a malloc'd string or
 * NULL if it is not recognised. */
char *html_date_iso(const char *s);

/* ---- html_extract.c ---- */

/* Append the main text of the document to `out`: paragraphs separated by
 * one blank line, no leading or trailing white space. */
precis_status html_extract(xmlDoc *doc, const html_hints *hints, buf *out);

/* Name/value lookup on a libxml2 element (NULL if absent). The pointer is
 * into the tree when the value is a single text node; otherwise it is
 * NULL (such attributes are ignored). */
const char *html_attr(const xmlNode *n, const char *name);

#endif
