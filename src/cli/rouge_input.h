/* rouge_input.h — the inputs of `precis rouge`: whole files, the *.txt
 * names of a directory pair, JSONL records (--pred, --ref), ROUGE-1.5.5's
 * -z file list and its XML configuration. The command (cmd_rouge.c) keeps
 * the options, the scoring and the output.
 *
 * The list and XML readers do not open the files they name: each
 * instance they find (an evaluation id, a system id, a peer path and the
 * model paths) goes to a callback, which reads the files and scores them
 * (the command) or only looks at the names (tests/fuzz/fuzz_cli_rouge.c).
 * The JSONL reader takes a FILE *, so it also reads from memory.
 *
 * Messages go to stderr as "precis rouge: ...". Functions returning int
 * return -1 for success, else the exit status to end with (cli.h: 2 for
 * an input error, 1 for out of memory), as the command's helpers do. */
#ifndef PRECIS_CLI_ROUGE_INPUT_H
#define PRECIS_CLI_ROUGE_INPUT_H

#include <stddef.h>
#include <stdio.h>

#include "precis.h"

#define ROUGE_MAX_FILE_BYTES ((size_t)1 << 30)

/* Print "precis rouge: " + the message + LF on stderr; returns `code`. */
int rouge_fail(int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Read a whole file (at most ROUGE_MAX_FILE_BYTES) into a malloc'd,
 * NUL-terminated buffer. Returns 0, or an errno value (*out is NULL). */
int rouge_slurp(const char *path, char **out, size_t *len);

/* "dir/name", malloc'd; NULL on OOM. */
char *rouge_path_join(const char *dir, const char *name);

/* "SPL", "SEE" or "ISI" (any case) into *fmt. -1, or 2 after a message
 * (unknown, or SIMPLE: Basic Elements are not supported). */
int rouge_format_parse(const char *s, precis_rouge_format *fmt);

/* ---- directory pair ---- */

/* The sorted names of the regular *.txt files of dir (no dot files); any
 * other *.txt entry (a directory, a broken link) is named in a warning.
 * Free with rouge_names_free, also after a failure. */
int rouge_list_txt(const char *dir, char ***out, size_t *n);

void rouge_names_free(char **v, size_t n);

/* Is `name` one that rouge_list_txt keeps: "<stem>.txt", a stem of at
 * least one byte, no leading dot. */
int rouge_is_txt_name(const char *name);

/* Pair reference file names with candidates (both sorted, both
 * rouge_is_txt_name): refs[j] belongs to the candidate whose id (name
 * without ".txt") is the stem of refs[j], else its stem without the last
 * ".part". owner[j] is that index, or (size_t)-1. Returns the number of
 * references without a candidate. Pure: no I/O, no allocation. */
size_t rouge_pair_refs(char *const *cands, size_t nc, char *const *refs,
                       size_t nr, size_t *owner);

/* ---- JSONL ---- */

typedef struct rouge_rec {
  char *id;    /* "id": a string, or an integer as text; never empty */
  long line;   /* 1-based line number */
  char **text; /* the summaries (exactly one when not `many`) */
  size_t *len;
  size_t n;
  int used; /* free for the caller (the command marks matched refs) */
} rouge_rec;

/* Read JSONL lines {"id": ..., "summary": ...} from f, naming the input
 * `name` in messages ("NAME:LINE: malformed JSON: ..."). With `many` a
 * summary may be an array of strings (references), else it must be a
 * string. Blank lines are skipped; a line longer than `max_line` bytes
 * fails ("NAME:LINE: line longer than MAX bytes") without being kept. On
 * success *out holds the records sorted by id (ids unique). *out and *n
 * are set even on failure; free them with rouge_recs_free. f is not
 * closed. */
int rouge_jsonl_parse(FILE *f, const char *name, int many, size_t max_line,
                      rouge_rec **out, size_t *n);

/* rouge_jsonl_parse on the file at path ("cannot read PATH: ..."), with
 * lines of at most INPUT_MAX_FILE_BYTES (src/cli/input.h). */
int rouge_jsonl_read(const char *path, int many, rouge_rec **out,
                     size_t *n);

void rouge_recs_free(rouge_rec *v, size_t n);

/* The record with this id among sorted records, or NULL. */
rouge_rec *rouge_rec_find(rouge_rec *v, size_t n, const char *id);

/* ---- -z list and XML configuration ---- */

/* One instance: system `peer` of evaluation `eval`, its summary in the
 * file peer_path, the n >= 1 references in model_paths. Returns -1 to go
 * on, else an exit status, which ends the reading and is returned. */
typedef int (*rouge_instance_fn)(void *ctx, const char *eval,
                                 const char *peer, precis_rouge_format fmt,
                                 const char *peer_path, char **model_paths,
                                 size_t n);

/* Read a -z list from text[0..len) (modified in place; text[len] must be
 * NUL): each non-blank line not starting with '#' is "peer model1
 * [model2...]"; evaluations are numbered "1", "2", ... in line order, all
 * with system `peer`. `name` names the list in messages. */
int rouge_list_parse(char *text, size_t len, const char *name,
                     const char *peer, precis_rouge_format fmt,
                     rouge_instance_fn fn, void *ctx);

/* Read a ROUGE-1.5.5 XML configuration from text[0..len) (`name` in
 * messages): for each EVAL, in document order, and each system (`system`,
 * or when it is NULL every P ID of the file, sorted and unique) one
 * instance; an EVAL without that system's P gets a warning instead. Paths
 * are PEER-ROOT/MODEL-ROOT joined with the P/M text, as given. Nothing is
 * read from the file system. */
int rouge_xml_parse(const char *text, size_t len, const char *name,
                    const char *system, rouge_instance_fn fn, void *ctx);

#endif
