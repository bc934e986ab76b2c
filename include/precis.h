/* precis.h — the one public header of libprecis.
 *
 * precis turns several news articles about one story into a short brief of
 * verbatim source sentences, each attributed to every article that states
 * it. The library never prints, never exits and never reads argv or the
 * environment; the `precis` command (src/cli/) owns all I/O.
 *
 * Threading: every handle (precis_cluster, precis_summary, ...) is
 * single-threaded. Use one cluster per thread; clusters share nothing.
 *
 * Ownership: functions named *_new return an object the caller frees with
 * the matching *_free, which accepts NULL. Strings returned as `char *` are
 * malloc'd and freed with precis_free(). `const` results are views owned by
 * the object they came from and stay valid until it is freed or reset.
 */
#ifndef PRECIS_H
#define PRECIS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PRECIS_VERSION "0.1.0"

/* ---- status codes: values are stable, never renumbered ---- */

typedef enum precis_status {
  PRECIS_OK = 0,
  PRECIS_ERR_NOMEM = 1,        /* allocation failed */
  PRECIS_ERR_INVALID_ARG = 2,  /* bad option value or NULL argument */
  PRECIS_ERR_EMPTY = 3,        /* no usable text (empty, all boilerplate) */
  PRECIS_ERR_BINARY = 4,       /* input looks like a binary file */
  PRECIS_ERR_TOO_BIG = 5,      /* over a size cap */
  PRECIS_ERR_PARSE = 6,        /* malformed JSON / JSONL / HTML */
  PRECIS_ERR_UNKNOWN_ALGO = 7, /* --algorithm names no selector */
  PRECIS_ERR_LIMIT = 8,        /* too many articles / sentences */
  PRECIS_ERR_IO = 9            /* reserved for callers' I/O errors */
} precis_status;

/* A static English message for a status; never NULL. */
const char *precis_strerror(precis_status st);

/* Free a string returned by this library. Accepts NULL. */
void precis_free(void *p);

const char *precis_version(void);

/* ---- limits ---- */

#define PRECIS_MAX_DOC_BYTES_DEFAULT ((size_t)8 << 20) /* 8 MiB per article */
#define PRECIS_MAX_DOCS 4096                            /* per cluster */

/* ---- articles and clusters ---- */

/* Metadata of one article; every field may be NULL. Strings are copied. */
typedef struct precis_doc_meta {
  const char *source; /* outlet name ("Reuters"); shown in attributions */
  const char *url;
  const char *title;
  const char *date;   /* free text; ISO 8601 when known */
} precis_doc_meta;

/* What the cleaner did to one article, for -v reporting. */
typedef struct precis_doc_stats {
  size_t bytes_in;          /* raw bytes given to precis_cluster_add */
  size_t invalid_utf8;      /* invalid sequences replaced by U+FFFD */
  size_t lines;             /* non-blank lines */
  size_t boilerplate_lines; /* lines dropped as boilerplate */
  size_t sentences;         /* sentences kept for selection */
  int normalized;           /* 1 if text differs from the input bytes */
} precis_doc_stats;

typedef struct precis_cluster precis_cluster;

/* A new, empty cluster, or NULL on OOM. */
precis_cluster *precis_cluster_new(void);
void precis_cluster_free(precis_cluster *c);
/* Drop all articles and results; keeps memory for reuse (batch mode). */
void precis_cluster_reset(precis_cluster *c);

/* Per-article size cap (default PRECIS_MAX_DOC_BYTES_DEFAULT). */
void precis_cluster_set_max_doc_bytes(precis_cluster *c, size_t max);

/* Add one article (UTF-8 text; invalid bytes are replaced and counted).
 * `meta` may be NULL. The text is copied and normalized (NFC, CRLF -> LF,
 * unusual spaces -> ' '). Errors: PRECIS_ERR_TOO_BIG over the cap,
 * PRECIS_ERR_BINARY for NUL-laden or control-heavy bytes, PRECIS_ERR_LIMIT
 * past PRECIS_MAX_DOCS. An empty article is accepted (it has no sentences).
 * On error the cluster is unchanged. */
precis_status precis_cluster_add(precis_cluster *c, const char *text,
                                 size_t len, const precis_doc_meta *meta);

size_t precis_cluster_doc_count(const precis_cluster *c);
/* The normalized text of article i (the text output offsets refer to). */
const char *precis_cluster_doc_text(const precis_cluster *c, size_t i,
                                    size_t *len);
const precis_doc_meta *precis_cluster_doc_meta(const precis_cluster *c,
                                               size_t i);
/* Valid after precis_summarize (which runs the analysis). */
const precis_doc_stats *precis_cluster_doc_stats(const precis_cluster *c,
                                                 size_t i);

/* ---- summarizing ---- */

typedef enum precis_budget_unit {
  PRECIS_BUDGET_WORDS = 0,
  PRECIS_BUDGET_BYTES = 1,
  PRECIS_BUDGET_SENTENCES = 2
} precis_budget_unit;

/* Option flags (bit set). */
#define PRECIS_OPT_ALLOW_OVERFLOW (1u << 0) /* last sentence may cross budget */
#define PRECIS_OPT_NO_CLEAN (1u << 1)       /* keep boilerplate lines */
#define PRECIS_OPT_SCORE_ORDER (1u << 2)    /* order by score, not source */

typedef struct precis_options {
  precis_budget_unit unit;
  size_t budget;          /* in `unit`; default 100 words */
  unsigned flags;         /* PRECIS_OPT_* */
  const char *algorithm;  /* NULL = default; see precis_algorithm_name */
  double dedup_threshold; /* near-duplicate similarity, default 0.5 */
} precis_options;

void precis_options_init(precis_options *o);

/* Selectors, for --help and validation: name and one-line description of
 * the i-th algorithm, or NULL past the end. Index 0 is the default. */
const char *precis_algorithm_name(size_t i);
const char *precis_algorithm_description(size_t i);

typedef struct precis_summary precis_summary;

/* One sentence of a brief. All pointers are owned by the summary. */
typedef struct precis_sentence {
  const char *text; /* view into precis_cluster_doc_text(doc); not NUL-ended */
  size_t len;
  size_t doc;       /* index of the article it was taken from */
  size_t offset;    /* byte offset in that article's normalized text */
  size_t index;     /* sentence number within the article (0-based) */
  double score;     /* selector's score, higher is better */
  const size_t *support; /* sorted article indices stating it, incl. doc */
  size_t n_support;
} precis_sentence;

/* Summarize the cluster. On success *out is a new summary (free with
 * precis_summary_free). The summary refers to the cluster's text: free it
 * before resetting or freeing the cluster. */
precis_status precis_summarize(precis_cluster *c, const precis_options *o,
                               precis_summary **out);

size_t precis_summary_count(const precis_summary *s);
const precis_sentence *precis_summary_sentence(const precis_summary *s,
                                               size_t i);
/* Name of the algorithm actually used, and a note when it fell back
 * (e.g. "ilp: time cap hit, greedy fallback"), else NULL. */
const char *precis_summary_algorithm(const precis_summary *s);
const char *precis_summary_note(const precis_summary *s);
void precis_summary_free(precis_summary *s);

/* ---- rendering ---- */

typedef enum precis_format {
  PRECIS_FORMAT_TEXT = 0,
  PRECIS_FORMAT_MARKDOWN = 1,
  PRECIS_FORMAT_JSON = 2,
  PRECIS_FORMAT_JSONL = 3 /* JSON on one line, for batch mode */
} precis_format;

/* Render the brief with its source list. `id` (may be NULL) is echoed in
 * JSON. Returns a malloc'd NUL-terminated string (free with precis_free)
 * and its length in *len, or NULL on OOM. */
char *precis_summary_render(const precis_summary *s, const precis_cluster *c,
                            precis_format fmt, const char *id, size_t *len);

/* ---- sentence splitting (exposed for tools and tests) ---- */

typedef struct precis_span {
  size_t offset;
  size_t len;
} precis_span;

/* Split UTF-8 text into sentences. *out is malloc'd (free with
 * precis_free), *n its length. Spans exclude surrounding whitespace. */
precis_status precis_split_sentences(const char *text, size_t len,
                                     precis_span **out, size_t *n);

/* ==== rouge: BEGIN (section owned by the ROUGE module) ==== */
/* ==== rouge: END ==== */

/* ==== html: BEGIN (section owned by the HTML module) ==== */
/* ==== html: END ==== */

#ifdef __cplusplus
}
#endif

#endif /* PRECIS_H */
