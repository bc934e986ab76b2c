/* cli_opts.c — the options and inputs `precis` and `precis report` share
 * (cli_opts.h). Messages are worded exactly as the commands worded them
 * before they shared this code: the CLI goldens hold them. */
#include "cli_opts.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "input.h"

int cli_opts_init(cli_opts *o, const char *prog, const char *alg_list,
                  void (*usage)(FILE *out), int argc) {
  memset(o, 0, sizeof *o);
  precis_options_init(&o->po);
  o->prog = prog;
  o->alg_list = alg_list;
  o->usage = usage;
  o->paths = calloc((size_t)argc + 1, sizeof *o->paths);
  return o->paths ? 0 : -1;
}

void cli_opts_free(cli_opts *o) {
  free(o->paths);
  o->paths = NULL;
  o->npaths = 0;
}

int cli_bad_usage(const cli_opts *o, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "%s: ", o->prog);
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\nTry '%s --help'.\n", o->prog);
  va_end(ap);
  return EXIT_USAGE;
}

const char *cli_opts_arg(const cli_opts *o, int argc, char **argv, int *i) {
  if (*i + 1 >= argc) {
    cli_bad_usage(o, "%s requires an argument", argv[*i]);
    return NULL;
  }
  return argv[++*i];
}

/* A positive decimal count up to 2^40: lengths and sizes alike ("-5" and
 * "0" are refused here rather than wrapping or meaning "no limit"). */
static int S_parse_size(const char *s, size_t *out) {
  char *end;
  errno = 0;
  if (!s || *s == '-' || *s == '\0') return -1;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || *end != '\0' || v == 0 || v > (1ull << 40)) return -1;
  *out = (size_t)v;
  return 0;
}

static int S_is(const char *a, const char *s, const char *l) {
  return strcmp(a, s) == 0 || strcmp(a, l) == 0;
}

/* -w/-b/-s N: the brief has one budget, so a second one is an error
 * rather than silently replacing the first. */
static int S_budget(cli_opts *o, int argc, char **argv, int *i) {
  const char *a = argv[*i];
  const char *n = cli_opts_arg(o, argc, argv, i);
  if (!n) return CLI_OPT_BAD;
  if (o->budget_set) {
    cli_bad_usage(o, "%s: only one of --words, --bytes, --sentences", a);
    return CLI_OPT_BAD;
  }
  o->budget_set = 1;
  if (S_parse_size(n, &o->po.budget) != 0) {
    cli_bad_usage(o, "invalid length '%s' (a positive integer)", n);
    return CLI_OPT_BAD;
  }
  o->po.unit = S_is(a, "-w", "--words")   ? PRECIS_BUDGET_WORDS
               : S_is(a, "-b", "--bytes") ? PRECIS_BUDGET_BYTES
                                          : PRECIS_BUDGET_SENTENCES;
  return CLI_OPT_TAKEN;
}

/* -a NAME: checked here, so a typo is a usage error before any input is
 * read; "default" names whichever selector the library lists first. */
static int S_algorithm(cli_opts *o, int argc, char **argv, int *i) {
  const char *n = cli_opts_arg(o, argc, argv, i);
  if (!n) return CLI_OPT_BAD;
  int found = strcmp(n, "default") == 0;
  for (size_t k = 0; precis_algorithm_name(k); k++)
    found |= strcmp(precis_algorithm_name(k), n) == 0;
  if (!found) {
    cli_bad_usage(o, "unknown algorithm '%s' (see %s)", n, o->alg_list);
    return CLI_OPT_BAD;
  }
  o->po.algorithm = n;
  return CLI_OPT_TAKEN;
}

static int S_max_doc_bytes(cli_opts *o, int argc, char **argv, int *i) {
  const char *n = cli_opts_arg(o, argc, argv, i);
  if (!n) return CLI_OPT_BAD;
  if (S_parse_size(n, &o->max_doc_bytes) != 0) {
    cli_bad_usage(o, "invalid size '%s'", n);
    return CLI_OPT_BAD;
  }
  return CLI_OPT_TAKEN;
}

/* The options that take no argument; 0 when `a` is none of them. */
static int S_flag(cli_opts *o, const char *a) {
  if (strcmp(a, "--") == 0)
    o->only_paths = 1;
  else if (strcmp(a, "--no-clean") == 0)
    o->po.flags |= PRECIS_OPT_NO_CLEAN;
  else if (strcmp(a, "--jsonl") == 0)
    o->jsonl = 1;
  else if (S_is(a, "-v", "--verbose"))
    o->verbose = 1;
  else if (S_is(a, "-q", "--quiet"))
    o->quiet = 1;
  else
    return 0;
  return 1;
}

int cli_opts_take(cli_opts *o, int argc, char **argv, int *i) {
  const char *a = argv[*i];
  /* "-" is an operand, not an option (--jsonl reads it as standard input) */
  if (o->only_paths || a[0] != '-' || strcmp(a, "-") == 0) {
    o->paths[o->npaths++] = argv[*i];
    return CLI_OPT_TAKEN;
  }
  if (S_is(a, "-w", "--words") || S_is(a, "-b", "--bytes") ||
      S_is(a, "-s", "--sentences"))
    return S_budget(o, argc, argv, i);
  if (S_is(a, "-a", "--algorithm")) return S_algorithm(o, argc, argv, i);
  if (strcmp(a, "--max-doc-bytes") == 0)
    return S_max_doc_bytes(o, argc, argv, i);
  return S_flag(o, a) ? CLI_OPT_TAKEN : CLI_OPT_OTHER;
}

int cli_opts_parse(cli_opts *o, int argc, char **argv, cli_own_fn own,
                   void *ctx) {
  for (int i = 1; i < argc; i++) {
    if (!o->only_paths &&
        (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)) {
      o->usage(stdout);
      return EXIT_OK;
    }
    int took = cli_opts_take(o, argc, argv, &i);
    if (took == CLI_OPT_BAD) return EXIT_USAGE;
    if (took == CLI_OPT_OTHER) {
      int rc = own(ctx, argc, argv, &i);
      if (rc != CLI_GO_ON) return rc;
    }
  }
  return CLI_GO_ON;
}

/* Paths (or standard input) into one cluster, ordered by date; the inputs
 * that cannot be used are reported and kept in `skipped`. */
static int S_load(const cli_opts *o, precis_cluster *c, input_log *skipped) {
  if (o->npaths == 0 &&
      cluster_add_stdin(c, o->verbose, o->quiet, skipped) != 0)
    return EXIT_FAIL;
  for (int i = 0; i < o->npaths; i++)
    if (cluster_add_path(c, o->paths[i], o->verbose, o->quiet, skipped) != 0)
      return EXIT_FAIL;
  if (skipped->n < skipped->reported) {
    fprintf(stderr, "%s: out of memory\n", o->prog);
    return EXIT_FAIL;
  }
  if (precis_cluster_doc_count(c) == 0) {
    /* every input was rejected, and said why */
    if (skipped->reported == 0) fprintf(stderr, "%s: no input\n", o->prog);
    return EXIT_USAGE;
  }
  return order_by_date(c) != 0 ? EXIT_FAIL : EXIT_OK;
}

/* One cluster from the paths; EXIT_USAGE at the end when an input was
 * skipped, as grep and tar do. */
static int S_run_paths(const cli_opts *o, precis_cluster *c,
                       cli_cluster_fn on_cluster, void *ctx) {
  input_log skipped = INPUT_LOG_INIT;
  int rc = S_load(o, c, &skipped);
  if (rc == EXIT_OK) rc = on_cluster(ctx, c, &skipped);
  if (rc == EXIT_OK && skipped.reported) rc = EXIT_USAGE;
  input_log_free(&skipped);
  return rc;
}

int cli_opts_run(const cli_opts *o, cluster_line_fn on_line,
                 cli_cluster_fn on_cluster, void *ctx) {
  precis_cluster *c = precis_cluster_new();
  if (!c) {
    fprintf(stderr, "%s: out of memory\n", o->prog);
    return EXIT_FAIL;
  }
  if (o->max_doc_bytes) precis_cluster_set_max_doc_bytes(c, o->max_doc_bytes);
  int rc;
  if (o->jsonl)
    rc = cluster_jsonl_run(c, o->npaths, o->paths, on_line, ctx) ? EXIT_USAGE
                                                                 : EXIT_OK;
  else
    rc = S_run_paths(o, c, on_cluster, ctx);
  precis_cluster_free(c);
  return rc;
}

int cli_line_failed(const cli_opts *o, const char *id, const char *where,
                    precis_status st, const input_log *skipped) {
  if (!o->quiet)
    fprintf(stderr, "precis: %s: %s\n", where,
            st == PRECIS_ERR_EMPTY ? "no usable text in this cluster"
                                   : precis_strerror(st));
  cluster_error_line(id, precis_strerror(st), skipped);
  return st == PRECIS_ERR_EMPTY ? 0 : 2;
}

void cli_warn_invalid(const precis_cluster *c, const char *where) {
  for (size_t i = 0; i < precis_cluster_doc_count(c); i++) {
    const precis_doc_stats *st = precis_cluster_doc_stats(c, i);
    const precis_doc_meta *m = precis_cluster_doc_meta(c, i);
    if (st->invalid_utf8)
      fprintf(stderr,
              "precis: %s%s%s: %zu invalid UTF-8 sequences replaced by "
              "U+FFFD\n",
              where ? where : "", where ? ": " : "",
              m->source ? m->source : "-", st->invalid_utf8);
  }
}

int cli_finish(const cli_opts *o, int rc) {
  fflush(stdout);
  if (ferror(stdout)) {
    fprintf(stderr, "%s: write error on standard output\n", o->prog);
    return EXIT_FAIL;
  }
  return rc;
}
