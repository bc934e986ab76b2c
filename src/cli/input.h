/* input.h — reading articles for the CLI: files, directories, stdin,
 * separator-joined files, HTML pages. All messages name the input. */
#ifndef PRECIS_CLI_INPUT_H
#define PRECIS_CLI_INPUT_H

#include <stddef.h>
#include <stdio.h>

#include "precis.h"

#define INPUT_MAX_FILE_BYTES ((size_t)256 << 20) /* one file or stdin */

/* Read a whole stream into a malloc'd buffer (NUL-terminated). Returns 0,
 * or -1 with errno set (EFBIG past `cap`). */
int read_stream(FILE *f, size_t cap, char **out, size_t *len);

/* Read a file; on failure prints "precis: PATH: reason" and returns -1. */
int read_file(const char *path, size_t cap, char **out, size_t *len);

/* read_file without the message: on failure writes the reason ("No such
 * file or directory", "file larger than N bytes") into why[0..whyn) and
 * returns -1. */
int read_file_why(const char *path, size_t cap, char **out, size_t *len,
                  char *why, size_t whyn);

/* The inputs a run skipped (the grep/tar convention: an unusable input is
 * reported, the others are read, and the exit status says one was
 * skipped). Each entry is the input's label as the message names it
 * ("dir/b.txt", "<stdin>", "joined.txt (article 2)") and the reason. */
typedef struct input_skip {
  char *label;
  char *reason;
} input_skip;

typedef struct input_log {
  input_skip *v;
  size_t n, cap;
  size_t reported; /* rejections printed; more than n when an entry could
                      not be kept (out of memory) */
} input_log;

#define INPUT_LOG_INIT {NULL, 0, 0, 0}

/* Print "precis: LABEL: REASON" on stderr and, when log is not NULL, keep
 * the pair in it. */
void input_reject(input_log *log, const char *label, const char *reason);
void input_log_free(input_log *log);

/* Lines of a stream, each at most `max` bytes (its '\n' not counted), for
 * the JSONL readers. getline/getdelim (glibc, POSIX) cannot be capped: a
 * line is buffered whole however long it is. A reader that fread()s
 * blocks of the stream would be simpler but waits, on a pipe or a
 * terminal, until a block is full: a line would wait for the next ones.
 * This one reads with fgets (glibc: memchr over stdio's buffer), so a line
 * is handed over as soon as its '\n' is read, and it keeps getline's
 * lines: a line ends after '\n' (kept; "\r" is left to the caller), the
 * last line may lack it, and line[len] is '\0'.
 *
 * A NUL byte is binary data: no text line and no JSON text holds one, and
 * what follows it cannot be trusted to be lines (a file of zeros, or
 * /dev/zero, may hold no '\n' at all). The reader returns LR_BINARY for
 * the line that holds it and stops there: every later call is LR_END.
 *
 * A longer line is not kept: the reader buffers at most max + 2 bytes,
 * reads on to the end of that line (and frees its buffer) and returns
 * LR_TOO_LONG with *len the line's length ('\n' included, as for a line),
 * so the caller can report it and go on with the next line. */
typedef struct line_reader {
  FILE *f;
  size_t max;
  char *buf;    /* the last line; every other byte is '\n' */
  size_t alloc; /* at most max + 2 */
  size_t dirty; /* bytes of buf the last line wrote (its NUL too) */
  int stopped;  /* a NUL byte was read: no more lines */
} line_reader;

typedef enum line_status {
  LR_END,      /* no more lines */
  LR_LINE,     /* a line in *line, *len bytes */
  LR_TOO_LONG, /* a line longer than max, skipped; *len bytes */
  LR_BINARY,   /* a NUL byte in the line: reading stopped there */
  LR_ERROR     /* a read error or out of memory; errno says which */
} line_status;

void line_reader_init(line_reader *r, FILE *f, size_t max);
/* The next line. *line stays valid until the next call. */
line_status line_reader_next(line_reader *r, const char **line, size_t *len);
void line_reader_free(line_reader *r);
/* Free the buffer if it is larger than `keep` bytes (the last line goes
 * with it; the next call starts a new one): a caller done with a long
 * line need not hold its bytes while it works on what it made of them. */
void line_reader_trim(line_reader *r, size_t keep);

/* Outlet name from a path: the file name without directory and extension
 * ("in/coastal-herald.txt" -> "coastal-herald"). Writes into out. */
void outlet_from_path(const char *path, char *out, size_t outn);

/* Add the articles in text[0..len) to the cluster.
 *
 * When `is_html` is set (a .html/.htm name) the whole input is one page.
 * Otherwise the text is split at every "|||||" and every
 * "story_separator_special_tag"; each part is one article named `name`
 * (with " #k" appended when there are several).
 *
 * A page, or a part that looks like HTML (precis_looks_like_html), goes
 * through precis_html_extract: its main text is the article, named after
 * the page's site name when it has one, else as above; the page's URL,
 * title and date go into the article's metadata.
 *
 * An input that holds no text ("empty input") and a part or page the
 * cluster refuses (binary, over the size cap, a page without main text)
 * are rejected (input_reject into `log`, which may be NULL), naming
 * `label` ("precis: page.html: no main text found"; a part is "LABEL
 * (article K)"), and the other parts are still added. Returns the number
 * of articles added (0 when none was), or -1 after printing "precis:
 * LABEL: out of memory". With `verbose`, one line per extracted page goes
 * to stderr.
 *
 * Text that is not UTF-8 (is_html 0 and not a page by its bytes) is
 * decoded first (precis_text_decode): UTF-16 with a byte-order mark or
 * by its NULs, else windows-1252 when its bytes are mostly not UTF-8;
 * the guess, windows-1252, is said on stderr ("precis: LABEL: not UTF-8;
 * read as windows-1252") unless `quiet`, UTF-16 with `verbose`
 * ("precis: LABEL: UTF-16; read as utf-16le"). */
int add_articles(precis_cluster *c, const char *label, const char *name,
                 const char *text, size_t len, int is_html, int verbose,
                 int quiet, input_log *log);

/* A cluster takes at most PRECIS_MAX_DOCS articles. Once c holds that
 * many, what is left of an input is not read: each reader asks before it
 * adds an article (so precis_cluster_add never refuses one for the cap)
 * and rejects the rest as one entry that names its range ("joined.txt
 * (articles 4097 to 5000)", "feed.jsonl:3: documents 4097 to 9000",
 * "dir/x.txt to z.txt (12 entries)") with INPUT_FULL_REASON, not one
 * line per article. */
int cluster_is_full(const precis_cluster *c);
#define INPUT_STR_(x) #x
#define INPUT_STR(x) INPUT_STR_(x)
#define INPUT_FULL_REASON                                                      \
  "not read: a cluster holds at most " INPUT_STR(PRECIS_MAX_DOCS) " articles"

/* Metadata of a JSONL document, before and after its HTML (if any) is
 * read. Strings are borrowed from the JSON value and from *page. */
typedef struct html_doc {
  precis_doc_meta meta; /* the article's metadata: explicit fields win */
  const char *text;     /* the article text (the page's main text for HTML) */
  size_t len;
  precis_page *page;    /* the extracted page, or NULL; free with
                           html_doc_done */
  const char *stopped;  /* the text is a page's read only in part:
                           precis_page_stopped(), else NULL */
} html_doc;

/* Resolve one JSONL document given its `text` (may be NULL), `html` (may
 * be NULL) and explicit metadata (fields may be NULL): when `html` is given
 * and `text` is not plain text, or `text` itself looks like HTML, the page
 * is extracted and its main text becomes d->text; the page's site name,
 * URL, title and date fill the metadata fields left NULL. A plain `text`
 * beside an `html` field stays the article; the page then only supplies
 * metadata (and is ignored if it cannot be read). Returns PRECIS_OK or the
 * extraction's status (d->text is NULL then). Call html_doc_done after. */
precis_status html_doc_resolve(html_doc *d, const char *text, size_t tlen,
                               const char *html, size_t hlen,
                               const precis_doc_meta *given);
void html_doc_done(html_doc *d);

/* A message for an extraction error: "no main text found" for
 * PRECIS_ERR_EMPTY, "malformed HTML: no main text before the parser
 * stopped" for PRECIS_ERR_PARSE, else precis_strerror(st). */
const char *html_error_message(precis_status st);

/* When `why` is not NULL (precis_page_stopped(): libxml2 stopped reading
 * the page early), say so on stderr, "PROG: LABEL: WHY; the rest of the
 * page is not read": whatever -q says, as for an input that cannot be
 * used, since part of this one is not. */
void html_warn_stopped(const char *prog, const char *label, const char *why);

/* Order the cluster's articles by date (stable) when every one of them
 * has a parseable ISO 8601 date (YYYY-MM-DD, optionally with a time and a
 * zone; compared as UTC instants, a date alone as its midnight UTC and a
 * time without a zone as UTC). Otherwise, or with fewer than two
 * articles, nothing changes. Returns 0, or -1 after printing an error
 * (out of memory). */
int order_by_date(precis_cluster *c);

#endif
