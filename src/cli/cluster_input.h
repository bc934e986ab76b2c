/* cluster_input.h — filling a cluster from the summarizer's inputs: files,
 * directories, standard input and JSONL batches. Shared by the commands
 * that take those inputs (precis and precis report, through
 * cli_opts_run). All messages go to stderr and name the input. */
#ifndef PRECIS_CLI_CLUSTER_INPUT_H
#define PRECIS_CLI_CLUSTER_INPUT_H

#include <stddef.h>
#include <stdio.h>

#include "input.h"
#include "precis.h"

/* Add a file (one article, or several joined by "|||||" /
 * "story_separator_special_tag"; HTML is extracted), "-" (standard input)
 * or a directory (its regular files in name order, hidden files skipped;
 * other entries are skipped with a warning unless `quiet`).
 *
 * An input that cannot be used (a path that does not exist, an unreadable
 * or empty file, a binary one, a page without main text, a directory
 * that holds no articles) is rejected: "precis: PATH: reason" on stderr
 * (whatever `quiet` says: it is an error) and an entry in `log`; the
 * other inputs are still added. Returns 0, or -1 after printing an error
 * that ends the run (out of memory). */
int cluster_add_path(precis_cluster *c, const char *path, int verbose,
                     int quiet, input_log *log);

/* Add standard input as the article(s) named "stdin", as above. 0 or -1. */
int cluster_add_stdin(precis_cluster *c, int verbose, int quiet,
                      input_log *log);

/* Called once per JSONL cluster line, after the line's documents were
 * added to `c`. `id` is the line's "id" (a string or an integer as text;
 * may be NULL), `where` "FILE:LINE". A document that could not be added
 * (no text or html member, binary, over the size cap, a page without main
 * text; an empty one is added) was reported, "precis: FILE:LINE: document
 * K: reason", and is in `skipped` under the label "FILE:LINE: document K"
 * (K from 1), for the line's JSON (cluster_put_json); the line's result
 * is then 2 whatever fn returns. Returns 0 (ok), 1 (a warning) or 2 (an
 * input error). */
typedef int (*cluster_line_fn)(void *ctx, precis_cluster *c, const char *id,
                               const char *where, const input_log *skipped);

/* Read JSONL batches: each non-blank line is one cluster {"id": ...,
 * "documents": ["text" | {"text", "html", "source", "url", "title",
 * "date"}, ...]}, loaded into `c` (reset first) and handed to fn. A line
 * that is not such an object, or is longer than INPUT_MAX_FILE_BYTES,
 * gets {"id": ..., "error": "..."} on stdout so output lines stay aligned
 * with input lines. Streams: memory is bounded by the largest line, and
 * a longer line is skipped without being kept. No paths (or "-") =
 * standard input. Returns 0, or 2 if any line or file had an input
 * error. */
int cluster_jsonl_run(precis_cluster *c, int npaths, char **paths,
                      cluster_line_fn fn, void *ctx);

/* The loop of cluster_jsonl_run over one open stream `f` (not closed),
 * named `name` in messages ("NAME:LINE"), with lines of at most
 * `max_line` bytes (a longer one is "NAME:LINE: line longer than MAX
 * bytes" and an error line). Returns the worst line result: 0, 1 (some fn
 * returned a warning) or 2 (an input or read error). Lets the fuzzer feed
 * lines from memory (fmemopen), with a small max_line. */
int cluster_jsonl_stream(precis_cluster *c, FILE *f, const char *name,
                         size_t max_line, cluster_line_fn fn, void *ctx);

/* Print {"id": id, "error": msg, "summary": ""} as one line on stdout,
 * with "skipped" as cluster_put_json when `skipped` (may be NULL) lists
 * any. */
void cluster_error_line(const char *id, const char *msg,
                        const input_log *skipped);

/* Write `json` (len bytes: a non-empty JSON object, pretty over several
 * lines or on one line, maybe followed by whitespace) to stdout; when
 * `skipped` (may be NULL) lists inputs, with a last member "skipped":
 * [{"input": LABEL, "error": REASON}, ...] in the object's layout, naming
 * them as the messages on stderr did (a label that is not UTF-8 has its
 * non-ASCII bytes written as '?'). Otherwise the bytes are written as
 * they are. Returns 0, or -1 out of memory. */
int cluster_put_json(const char *json, size_t len, const input_log *skipped);

#endif
