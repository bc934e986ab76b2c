/* cli_opts.h — what `precis` and `precis report` share on the command line:
 * the brief's length budget (-w/-b/-s), --algorithm, --no-clean,
 * --max-doc-bytes, --jsonl, -v/-q, "--" and the PATH operands, and the
 * running of those inputs (files, directories, standard input or JSONL
 * batches). One parser, so the two commands cannot drift apart in spelling,
 * checks or messages.
 *
 * Each command keeps its --help text (which -h/--help prints through
 * cli_opts.usage) and the options only it has: the values of --format
 * differ (report adds html), and --allow-overflow, --order,
 * --list-algorithms and --version are the summarizer's alone. */
#ifndef PRECIS_CLI_OPTS_H
#define PRECIS_CLI_OPTS_H

#include <stddef.h>
#include <stdio.h>

#include "cluster_input.h"
#include "precis.h"

typedef struct cli_opts {
  precis_options po; /* budget, unit, algorithm, flags */
  int jsonl, verbose, quiet;
  size_t max_doc_bytes; /* 0: the library's default */
  char **paths;         /* the PATH operands, borrowed from argv */
  int npaths;
  /* set by cli_opts_init: */
  const char *prog;     /* "precis" or "precis report": the message prefix */
  const char *alg_list; /* where an unknown algorithm's message points */
  void (*usage)(FILE *out); /* the command's --help text */
  /* parser state: */
  int budget_set; /* one of -w/-b/-s was seen; a second is an error */
  int only_paths; /* after "--" */
} cli_opts;

/* Defaults for the command `prog`, with room for every argument of argv
 * as a path. `alg_list` completes "unknown algorithm 'X' (see ...)";
 * `usage` prints the command's --help text. Returns 0, or -1 when out of
 * memory. Call cli_opts_free after. */
int cli_opts_init(cli_opts *o, const char *prog, const char *alg_list,
                  void (*usage)(FILE *out), int argc);
void cli_opts_free(cli_opts *o);

/* What cli_opts_take did with argv[*i]. */
enum {
  CLI_OPT_OTHER, /* not a shared option: the command's own, or unknown */
  CLI_OPT_TAKEN, /* consumed (with its argument: *i was advanced) */
  CLI_OPT_BAD    /* a usage error, already printed: exit EXIT_USAGE */
};

/* Try to consume argv[*i] as a PATH operand or a shared option. */
int cli_opts_take(cli_opts *o, int argc, char **argv, int *i);

/* Returned by a command's option handler (and cli_opts_parse) for "carry
 * on"; every other value is an exit status. */
#define CLI_GO_ON (-1)

/* A command's own options: called with each argv[*i] that
 * cli_opts_take leaves (CLI_OPT_OTHER). Returns CLI_GO_ON once it consumed
 * it (advancing *i past an argument), else the exit status: 0 after --help
 * and the like, EXIT_USAGE after a usage error or an unknown option. */
typedef int (*cli_own_fn)(void *ctx, int argc, char **argv, int *i);

/* Parse argv[1..argc): -h/--help prints the usage (exit 0), then
 * cli_opts_take, then `own`. Returns CLI_GO_ON when the command should
 * run, else the exit status to end with. */
int cli_opts_parse(cli_opts *o, int argc, char **argv, cli_own_fn own,
                   void *ctx);

/* The argument of the option argv[*i], advancing *i past it; NULL after
 * printing "OPTION requires an argument". For the commands' own options,
 * so they word it as the shared ones do. */
const char *cli_opts_arg(const cli_opts *o, int argc, char **argv, int *i);

/* Print "PROG: message" and "Try 'PROG --help'." on stderr; returns
 * EXIT_USAGE. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
int cli_bad_usage(const cli_opts *o, const char *fmt, ...);

/* Handles one cluster read from paths or standard input, `skipped` the
 * inputs that were rejected (already reported on stderr; JSON output lists
 * them, cluster_put_json); returns an exit status. */
typedef int (*cli_cluster_fn)(void *ctx, precis_cluster *c,
                              const input_log *skipped);

/* Read the inputs into a cluster capped at --max-doc-bytes: with --jsonl
 * each line goes to on_line (cluster_jsonl_run); otherwise the paths, or
 * standard input when there are none, become one cluster, ordered by date
 * when every article has one, which goes to on_cluster. An input that
 * cannot be used is reported and skipped (cluster_add_path); the others
 * are summarized, and the exit status is then EXIT_USAGE at the end. When
 * no article is left there is nothing to run: EXIT_USAGE, and the
 * messages already said why. Returns an exit status. */
int cli_opts_run(const cli_opts *o, cluster_line_fn on_line,
                 cli_cluster_fn on_cluster, void *ctx);

/* A JSONL line whose cluster could not be processed (status st): the
 * warning on stderr (unless -q) and the {"id", "error"} line on stdout,
 * listing the line's `skipped` documents (cluster_error_line).
 * Returns the line's status for cluster_jsonl_run: 0 when the cluster
 * merely had no usable text, else 2. */
int cli_line_failed(const cli_opts *o, const char *id, const char *where,
                    precis_status st, const input_log *skipped);

/* "precis: SRC: N invalid UTF-8 sequences replaced by U+FFFD" on stderr
 * for every article that had any (`where`, "FILE:LINE" in JSONL mode, may
 * be NULL). */
void cli_warn_invalid(const precis_cluster *c, const char *where);

/* Flush standard output: a failed write (a full disk, a closed pipe)
 * turns rc into EXIT_FAIL with a message, rather than passing silently. */
int cli_finish(const cli_opts *o, int rc);

#endif
