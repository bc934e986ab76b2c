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
/* An article's date (precis_doc_meta.date) as seconds since
 * 1970-01-01T00:00:00Z: 0 and *out set when `iso` is an ISO 8601 date
 * ("2026-03-02", "2026-03-02T14:05", "...:30.5+01:00"; a time without a
 * zone is UTC, a date alone its midnight UTC; the day must exist, hour
 * 24 only as the day's end 24:00[:00]), else -1. The brief keeps the
 * articles' order when all are dated, in date order, over more than one
 * UTC day; a caller can sort its articles with this first. */
int precis_date_seconds(const char *iso, long long *out);

/* Valid after precis_summarize (which runs the analysis). */
const precis_doc_stats *precis_cluster_doc_stats(const precis_cluster *c,
                                                 size_t i);

/* Run the analysis (cleaning, sentence splitting, tokenization) without
 * selecting; precis_summarize does it implicitly. `flags` takes
 * PRECIS_OPT_NO_CLEAN. Useful to measure the cost of tokenizing alone and
 * to fill precis_cluster_doc_stats. */
precis_status precis_cluster_analyze(precis_cluster *c, unsigned flags);

/* What the analysis kept of an article and what it left out, for a
 * reader who asks why a sentence is not in a brief (`precis explain`). */
typedef enum precis_part_kind {
  PRECIS_PART_SENTENCE = 0,   /* a sentence a brief may quote */
  PRECIS_PART_LEFT_OUT = 1,   /* a sentence no brief quotes; `why` says why */
  PRECIS_PART_BOILERPLATE = 2 /* a line the cleaner dropped; `why` its class */
} precis_part_kind;

typedef struct precis_part {
  size_t offset, len; /* bytes of precis_cluster_doc_text(c, doc) */
  precis_part_kind kind;
  const char *why; /* a short static phrase ("under 8 words", "credit",
                      "menu"); NULL for PRECIS_PART_SENTENCE */
  /* For a sentence the default selector (ilp-pos) quotes only together
   * with the sentence before it, or after it: why, as a short static
   * phrase ("continues a quotation", "opens a quotation that goes on");
   * NULL when it needs no such neighbour. */
  const char *before, *after;
  /* PRECIS_PART_SENTENCE only: PRECIS_STRANDED_BEFORE (or _AFTER) when
   * that neighbour cannot be quoted (left out, absent, or stranded in
   * turn), so the default selector never quotes this sentence; else 0. */
  unsigned stranded;
} precis_part;

#define PRECIS_STRANDED_BEFORE 1u
#define PRECIS_STRANDED_AFTER 2u

/* Nonzero to stop the walk. */
typedef int (*precis_part_fn)(const precis_part *part, void *ctx);

/* Call fn on each part of article `doc`, in text order: its boilerplate
 * lines and its sentences as the last analysis (precis_cluster_analyze,
 * or precis_summarize) found them. Text between two parts that is not
 * blank was cut from the head of the sentence after it (a wire dateline,
 * a caption, a page's furniture). A sentence in which the outlet speaks
 * of itself is LEFT_OUT, as briefs leave it out unless
 * PRECIS_OPT_OUTLET_VOICE. PRECIS_ERR_INVALID_ARG before an analysis or
 * for `doc` out of range. */
precis_status precis_cluster_parts(const precis_cluster *c, size_t doc,
                                   precis_part_fn fn, void *ctx);

/* ---- summarizing ---- */

typedef enum precis_budget_unit {
  PRECIS_BUDGET_WORDS = 0,
  PRECIS_BUDGET_BYTES = 1,
  PRECIS_BUDGET_SENTENCES = 2
} precis_budget_unit;

/* Option flags (bit set). */
#define PRECIS_OPT_ALLOW_OVERFLOW (1u << 0) /* last sentence may cross budget */
#define PRECIS_OPT_NO_CLEAN (1u << 1)       /* keep boilerplate lines */
/* The brief's order. By default, the order most articles state its
 * sentences in (each article that states two of them votes; ties keep
 * the source order); runs of consecutive sentences of one article stay
 * whole; but the source order for a story followed over days, listed
 * in date order: every article dated (precis_doc_meta.date, ISO 8601),
 * in date order, over more than one UTC day; or, undated, the articles
 * drift (four or more, each more like its neighbours in the list than
 * the articles further off). SCORE_ORDER: by selector score;
 * SOURCE_ORDER: by article, then offset (chronological when the
 * articles were added in date order); OUTLETS_ORDER: the articles'
 * majority even then. */
#define PRECIS_OPT_SCORE_ORDER (1u << 2)
#define PRECIS_OPT_SOURCE_ORDER (1u << 3)
#define PRECIS_OPT_OUTLETS_ORDER (1u << 4)
/* Sentences in which an outlet speaks of itself outside quotation marks
 * ("a source told us", "as we reported", "spoke to our reporter", "by
 * using this website") are left out of a brief, whose sentences come from
 * several outlets: there "us" names no one. OUTLET_VOICE keeps them
 * (the report's list of what one outlet alone reports does, since it
 * lists each sentence under its outlet). Also off with NO_CLEAN. */
#define PRECIS_OPT_OUTLET_VOICE (1u << 5)

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
 * (e.g. "ilp: time cap hit, greedy fallback") or when the brief is empty
 * because no quotable sentence fits the budget ("no sentence fits the
 * budget"; PRECIS_OPT_ALLOW_OVERFLOW lets one cross it), else NULL. */
const char *precis_summary_algorithm(const precis_summary *s);
const char *precis_summary_note(const precis_summary *s);
/* 1 when the brief keeps the pairs precis_part.before/.after describe
 * (ilp-pos's briefs: a sentence is in it only with the neighbour it
 * needs, never a stranded one); 0 for the other selectors, and for the
 * rare ilp-pos brief where every sentence it could take needs a
 * neighbour that cannot be quoted, which breaks a pair rather than be
 * empty (its note says "ilp-pos: pairs not kept: ..."). */
int precis_summary_pairs_kept(const precis_summary *s);
/* The brief sentence (its number i for precis_summary_sentence) whose
 * fact the sentence of article `doc` at byte `offset` states, by the
 * test that attributes a brief sentence to an article (a near-duplicate
 * cosine of options.dedup_threshold or more, and three shared content
 * terms, two for a short sentence): the most alike when it states
 * several; its own number for a brief sentence; -1 when it states none
 * or no sentence starts at `offset`. Tells a reader why a quotable
 * sentence is not in the brief: another outlet's words for it are.
 * `c` is the cluster s was made from, not analyzed again since. */
long precis_summary_restated(const precis_summary *s, const precis_cluster *c,
                             size_t doc, size_t offset);
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
 * precis_free), *n its length. Spans exclude surrounding whitespace.
 * Bytes are split as given (no cleaning, invalid UTF-8 left in place);
 * PRECIS_ERR_BINARY when they look like a binary file, as for
 * precis_cluster_add. */
precis_status precis_split_sentences(const char *text, size_t len,
                                     precis_span **out, size_t *n);

/* ==== rouge: BEGIN (section owned by the ROUGE module) ==== */

/* ---- ROUGE evaluation: a bit-exact reimplementation of ROUGE-1.5.5 ----
 *
 * Prints the same numbers as the ISI ROUGE-1.5.5 Perl script (stemmer,
 * stopwords, limits, ROUGE-N/L/W/S/SU, -f A|B, the seeded bootstrap
 * average and intervals). See docs/rouge.md.
 *
 *   precis_rouge_options o;
 *   precis_rouge_options_init(&o);                  script defaults
 *   precis_rouge_options_set(&o, "-n", "2");        any ROUGE flag
 *   precis_rouge *r;
 *   precis_rouge_new(&o, &r);
 *   precis_rouge_add(r, "d061", "1", PRECIS_ROUGE_SPL, cand, len,
 *                    refs, ref_lens, n_refs);       once per instance
 *   precis_rouge_compute(r);                        averages + intervals
 *   char *txt = precis_rouge_render(r, 0, NULL);    ROUGE-1.5.5's report
 *   precis_free(txt); precis_rouge_free(r);
 */

#define PRECIS_ROUGE_TAG_MAX 32

typedef struct precis_rouge_options {
  int ngram;          /* -n N: ROUGE-1 .. ROUGE-N; 0 = none (default) */
  int stem;           /* -m: Porter stemming + WordNet exceptions */
  int stopwords;      /* -s: drop SMART stopwords */
  int lcs;            /* ROUGE-L; 1 unless -x */
  long word_limit;    /* -l n; -1 = none */
  long byte_limit;    /* -b n; -1 = none (not both limits) */
  double weight;      /* -w W > 0: ROUGE-W; 0 = off */
  int skip;           /* -2 given: skip-bigrams */
  long skip_gap;      /* -2 d: words allowed in between; < 0 = any */
  int skip_mode;      /* 0 ROUGE-S, 1 ROUGE-SU (-u), 2 both (-U) */
  int best;           /* -f B: best reference; 0 = -f A (pooling) */
  double alpha;       /* -p: F = PR / ((1-a)P + aR); default 0.5 */
  int count_mode;     /* -t 0 (items), 1 (tokens), 2 (raw counts) */
  long resamples;     /* -r; default 1000 */
  double confidence;  /* -c; default 95 */
  /* Option texts as typed, used in printed tags (ROUGE-W-1.2, 95%-...);
   * empty = formatted from the numbers. */
  char weight_text[PRECIS_ROUGE_TAG_MAX];
  char gap_text[PRECIS_ROUGE_TAG_MAX];
  char confidence_text[PRECIS_ROUGE_TAG_MAX];
  /* Replacement lists (file contents, copied by precis_rouge_new); NULL =
   * the built-in smart_common_words.txt and WordNet 2.0 exception table.
   * Stopwords: one per line. Exceptions: "inflected<TAB>base" lines. */
  const char *stopword_list;
  size_t stopword_list_len;
  const char *exception_table;
  size_t exception_table_len;
} precis_rouge_options;

/* ROUGE-1.5.5's own defaults (no -n, ROUGE-L only, -c 95 -r 1000 -f A
 * -p 0.5 -t 0). */
void precis_rouge_options_init(precis_rouge_options *o);

/* Apply one ROUGE-1.5.5 scoring flag: "-n" "-m" "-s" "-x" "-l" "-b" "-w"
 * "-2" "-u" "-U" "-f" "-p" "-t" "-r" "-c". `value` is the flag's argument
 * (ignored for flags without one). PRECIS_ERR_INVALID_ARG for an unknown
 * flag or a bad value (alpha outside [0,1], cf outside [0,100], W <= 0,
 * R < 1, negative limits, ...). */
precis_status precis_rouge_options_set(precis_rouge_options *o,
                                       const char *flag, const char *value);

/* 1 if the flag takes a value, 0 if not, -1 if it is not a scoring flag. */
int precis_rouge_flag_arity(const char *flag);

/* The options as a ROUGE command-line string ("-n 2 -m -c 95 ..."), for
 * logs and JSON. malloc'd (precis_free), or NULL on OOM. */
char *precis_rouge_options_string(const precis_rouge_options *o);

typedef enum precis_rouge_format {
  PRECIS_ROUGE_SPL = 0, /* one sentence per line */
  PRECIS_ROUGE_SEE = 1, /* DUC SEE html */
  PRECIS_ROUGE_ISI = 2  /* <S SNTNO="n">...</S> */
} precis_rouge_format;

typedef struct precis_rouge precis_rouge;

/* A new evaluator, or an error: PRECIS_ERR_INVALID_ARG for inconsistent
 * options (-l with -b, ...), PRECIS_ERR_PARSE for a malformed exception
 * table. */
precis_status precis_rouge_new(const precis_rouge_options *o,
                               precis_rouge **out);
void precis_rouge_free(precis_rouge *r);

/* Detail of the last error of r ("" if none). Owned by r. */
const char *precis_rouge_error(const precis_rouge *r);

/* Score one instance: the peer (candidate) text of system `peer_id` for
 * evaluation `eval_id` against n_models >= 1 model (reference) texts, all
 * file contents in format fmt (bytes; no encoding is assumed). The
 * instance key is "<eval_id>.<peer_id>"; keys must be unique (checked by
 * precis_rouge_compute). Errors: PRECIS_ERR_EMPTY when ROUGE-W meets a
 * model without tokens (ROUGE-1.5.5 dies there; precis_rouge_error says
 * which), PRECIS_ERR_TOO_BIG for texts too long to score. On error the
 * instance is not added. */
precis_status precis_rouge_add(precis_rouge *r, const char *eval_id,
                               const char *peer_id, precis_rouge_format fmt,
                               const char *peer, size_t peer_len,
                               const char *const *models,
                               const size_t *model_lens, size_t n_models);

/* Compute the per-system averages and intervals (the bootstrap). Call
 * after the last precis_rouge_add; adding more items invalidates them.
 * PRECIS_ERR_INVALID_ARG on a duplicate instance key. */
precis_status precis_rouge_compute(precis_rouge *r);

/* Metrics in print order, with ROUGE's names ("ROUGE-1", "ROUGE-L",
 * "ROUGE-W-1.2", "ROUGE-SU4", ...). */
size_t precis_rouge_metric_count(const precis_rouge *r);
const char *precis_rouge_metric_name(const precis_rouge *r, size_t m);

/* Systems (peer ids) in ROUGE's print order (byte order); valid after
 * precis_rouge_compute. */
size_t precis_rouge_peer_count(const precis_rouge *r);
const char *precis_rouge_peer_id(const precis_rouge *r, size_t p);

/* One score. R/P/F and the interval ends are the printed values (5
 * decimals) as doubles. m/p/h_count: the raw counts behind them (model
 * count, peer count times references, hits; ROUGE-W: weighted). */
typedef struct precis_rouge_score {
  double r, p, f;
  double r_low, r_high, p_low, p_high, f_low, f_high;
  double m_count, p_count, h_count;
} precis_rouge_score;

/* System average of peer p for metric m (intervals set; -t 2: only the
 * counts, which are sums). PRECIS_ERR_INVALID_ARG before compute or out
 * of range. */
precis_status precis_rouge_average(const precis_rouge *r, size_t p,
                                   size_t m, precis_rouge_score *out);

/* Instances in the order they were added. */
size_t precis_rouge_item_count(const precis_rouge *r);
const char *precis_rouge_item_eval(const precis_rouge *r, size_t i);
const char *precis_rouge_item_peer(const precis_rouge *r, size_t i);
/* The instance's own score (interval ends = the score). */
precis_status precis_rouge_item(const precis_rouge *r, size_t i, size_t m,
                                precis_rouge_score *out);

#define PRECIS_ROUGE_RENDER_ITEMS (1u << 0) /* -d: per-instance lines */
#define PRECIS_ROUGE_RENDER_JSON (1u << 1)  /* JSON instead of the report */

/* Render the results (after compute): ROUGE-1.5.5's report, byte for
 * byte, or JSON (see docs/rouge.md). malloc'd NUL-terminated string
 * (precis_free) with its length in *len (may be NULL); NULL on OOM or
 * before compute. */
char *precis_rouge_render(const precis_rouge *r, unsigned flags,
                          size_t *len);

/* ==== rouge: END ==== */

/* ==== html: BEGIN (section owned by the HTML module) ==== */

/* ---- HTML pages: main text and metadata ---- */

/* Default cap on the bytes of one page given to precis_html_extract. */
#define PRECIS_HTML_MAX_BYTES_DEFAULT ((size_t)16 << 20) /* 16 MiB */

typedef struct precis_html_options {
  size_t max_bytes;     /* input cap; 0 = PRECIS_HTML_MAX_BYTES_DEFAULT */
  const char *encoding; /* charset label from outside the page (an HTTP
                           header), NULL = sniff; a BOM and valid UTF-8
                           bytes still win over it */
  const char *url;      /* the page's URL, NULL if unknown: resolves a
                           relative canonical link, fallback for _url */
} precis_html_options;

void precis_html_options_init(precis_html_options *o);

/* An extracted page: its main text and metadata. */
typedef struct precis_page precis_page;

/* Extract the main text of an HTML page (any charset; see docs/html.md).
 * `opt` may be NULL. On success *out is a new page (free with
 * precis_page_free) whose text is valid UTF-8, paragraphs separated by one
 * blank line. Errors (and *out = NULL): PRECIS_ERR_EMPTY for 0 bytes or a
 * page without main text, PRECIS_ERR_BINARY for bytes that are not text,
 * PRECIS_ERR_TOO_BIG over opt->max_bytes, PRECIS_ERR_PARSE if libxml2
 * yields no document, or stops early with no main text before that point
 * (precis_page_stopped), PRECIS_ERR_NOMEM. Never touches the network. */
precis_status precis_html_extract(const char *html, size_t len,
                                  const precis_html_options *opt,
                                  precis_page **out);

/* The main text (NUL-terminated; its length in *len when len != NULL). */
const char *precis_page_text(const precis_page *p, size_t *len);
/* Metadata, each NULL when unknown. Dates are ISO 8601 ("2012-07-23" or
 * "2012-07-23T10:00:00Z"); several authors are joined with ", ". */
const char *precis_page_title(const precis_page *p);
const char *precis_page_site_name(const precis_page *p);
const char *precis_page_author(const precis_page *p);
const char *precis_page_date(const precis_page *p);
const char *precis_page_url(const precis_page *p);
const char *precis_page_language(const precis_page *p);
/* The charset the bytes were decoded from ("utf-8", "windows-1252"...). */
const char *precis_page_encoding(const precis_page *p);
/* NULL when libxml2 read the whole page; else why it stopped before the
 * end ("elements nested over 256 deep": its limit, kept against
 * quadratic end-tag searches), and the text is what came before that
 * point. A page whose main text lies wholly past it is
 * PRECIS_ERR_PARSE from precis_html_extract, not PRECIS_ERR_EMPTY. */
const char *precis_page_stopped(const precis_page *p);
void precis_page_free(precis_page *p);

/* The page as one line of JSON: {"title":...,"site_name":...,"author":...,
 * "date":...,"url":...,"language":...,"encoding":...,"text":...} (unknown
 * fields are null). Malloc'd (precis_free), length in *len; NULL on OOM. */
char *precis_page_render_json(const precis_page *p, size_t *len);

/* 1 if the bytes look like HTML: a leading <!doctype html>, <html>,
 * <head> or <body> (after a BOM, white space and comments), or a high
 * density of HTML tags in the first 4 KiB; else 0. */
int precis_looks_like_html(const char *data, size_t len);

/* Plain-text bytes of unknown encoding to UTF-8, for a reader of text
 * files (a page decodes itself: precis_html_extract). A UTF-16
 * byte-order mark decides (LE or BE; dropped), then UTF-16 without one
 * by its NULs (ASCII text), then the bytes: UTF-8 when they are valid (a
 * UTF-8 mark too, which precis_cluster_add blanks) or when their
 * multi-byte sequences outnumber the invalid bytes four to one (a few
 * broken bytes, which precis_cluster_add replaces by U+FFFD); else
 * windows-1252 (which also reads ISO-8859-1). *out is NULL when the
 * bytes are usable as they are (UTF-8); else a new NUL-ended buffer of
 * *out_len bytes (precis_free), to add in their place (a brief's offsets
 * are then this text's). *charset: "utf-8", "utf-16le", "utf-16be" or
 * "windows-1252" (static). PRECIS_ERR_BINARY for bytes that are not
 * text, PRECIS_ERR_NOMEM, PRECIS_ERR_INVALID_ARG for NULL pointers. */
precis_status precis_text_decode(const char *in, size_t len, char **out,
                                 size_t *out_len, const char **charset);

/* ==== html: END ==== */

/* ==== report: BEGIN (section owned by the cross-source report module) ==== */

/* ---- the cross-source report (docs/report.md) ----
 *
 * Beyond the brief: which facts every outlet reports, what only one outlet
 * carries, what exactly was said when outlets quote a speaker differently,
 * and which figures they disagree on. An outlet is one article of the
 * cluster (its precis_doc_meta.source names it).
 *
 *   precis_report *r;
 *   precis_report_build(c, &opts, &r);      brief + sections
 *   char *s = precis_report_render(r, c, PRECIS_REPORT_HTML, id, &len);
 *   precis_free(s); precis_report_free(r);  before the cluster goes
 */

#define PRECIS_REPORT_SCHEMA "precis-report/1"
/* "Only in X": at most this many sentences per outlet. */
#define PRECIS_REPORT_EXCLUSIVE_MAX 3
/* Quotations longer than this (bytes) are counted, not listed. */
#define PRECIS_REPORT_QUOTE_MAX_BYTES 4096

typedef struct precis_report precis_report;

typedef enum precis_report_format {
  PRECIS_REPORT_TEXT = 0,
  PRECIS_REPORT_MARKDOWN = 1,
  PRECIS_REPORT_JSON = 2,  /* pretty-printed */
  PRECIS_REPORT_JSONL = 3, /* the same JSON on one line */
  PRECIS_REPORT_HTML = 4   /* one self-contained page */
} precis_report_format;

/* Build the report: the brief under `o` (NULL = defaults), then the
 * sections. On success *out is a new report (free with
 * precis_report_free) that refers to the cluster's text: free it before
 * resetting or freeing the cluster. Errors as precis_summarize. */
precis_status precis_report_build(precis_cluster *c, const precis_options *o,
                                  precis_report **out);
void precis_report_free(precis_report *r);

/* Render (see docs/report.md). `id` (may be NULL) is echoed. Returns a
 * malloc'd NUL-terminated string (precis_free), length in *len (may be
 * NULL); NULL on OOM or a bad argument. */
char *precis_report_render(const precis_report *r, const precis_cluster *c,
                           precis_report_format fmt, const char *id,
                           size_t *len);

/* The brief the report is built on (owned by the report). */
const precis_summary *precis_report_summary(const precis_report *r);

/* Outlets in the cluster; sections comparing outlets need two or more. */
size_t precis_report_outlet_count(const precis_report *r);

/* "Only in X": the most salient selectable sentences of article `doc`
 * that no other article states (same scoring and attribution as the
 * brief) and that the brief does not hold, best first. The sentences'
 * support lists hold `doc` alone. */
size_t precis_report_exclusive_count(const precis_report *r, size_t doc);
const precis_sentence *precis_report_exclusive(const precis_report *r,
                                               size_t doc, size_t k);

typedef enum precis_quote_kind {
  PRECIS_QUOTE_DIRECT = 0,    /* inside quotation marks */
  PRECIS_QUOTE_REPORTED = 1,  /* "X said (that) ...", "according to X" */
  PRECIS_QUOTE_TRANSCRIPT = 2 /* a "Name: ..." turn of a transcript */
} precis_quote_kind;

/* One rendering of a statement. Spans are byte spans of the article's
 * normalized text; the quote excludes its quotation marks. */
typedef struct precis_quote {
  size_t doc;
  size_t offset, len;
  precis_quote_kind kind;
  int unclosed;              /* opening mark never closed: ran to the end
                                of its paragraph */
  const char *speaker;       /* as written ("Mr Putin", "the Russian
                                president"), NUL-ended; NULL if unknown */
  size_t speaker_offset, speaker_len; /* its span in the same article (an
                                         earlier mention when the quote
                                         says "he"); 0, 0 if none */
} precis_quote;

/* Quotations grouped across outlets when they render one statement. */
typedef struct precis_quote_group {
  const precis_quote *const *variants; /* in article order */
  size_t n_variants;
  size_t best;          /* index of the most complete variant */
  const char *speaker;  /* the group's speaker, NULL if none found */
  size_t n_outlets;     /* distinct articles among the variants */
} precis_quote_group;

/* Groups: those quoted by most outlets first. */
size_t precis_report_quote_group_count(const precis_report *r);
const precis_quote_group *precis_report_quote_group(const precis_report *r,
                                                    size_t i);
/* Quotations longer than PRECIS_REPORT_QUOTE_MAX_BYTES (not listed). */
size_t precis_report_quotes_skipped(const precis_report *r);

/* A number, date or time in one article's sentence. */
typedef struct precis_figure {
  size_t doc;
  size_t offset, len;          /* the figure as written ("Sixty-five") */
  size_t sent_offset, sent_len; /* its sentence */
  double value;                /* normalized (minutes for times of day,
                                  month * 100 + day for dates) */
  const char *kind;            /* "count", "money", "percent", "time",
                                  "date" or "year" */
  const char *qualifier;       /* "about", "more than"... or NULL */
} precis_figure;

/* One fact on which outlets give different figures. */
typedef struct precis_disagreement {
  const char *what;             /* the head noun ("firefighters") */
  const precis_figure *figures; /* sorted by value, then article */
  size_t n_figures;
  size_t n_values;              /* distinct values among the figures */
} precis_disagreement;

size_t precis_report_disagreement_count(const precis_report *r);
const precis_disagreement *
precis_report_disagreement(const precis_report *r, size_t i);

/* ==== report: END ==== */

#ifdef __cplusplus
}
#endif

#endif /* PRECIS_H */
