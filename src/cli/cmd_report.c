/* cmd_report.c — `precis report [options] [PATH...]`: the cross-source
 * view (docs/report.md): the brief with corroboration, what only one
 * outlet carries, the quote ledger, coverage and disagreements.
 *
 * Inputs are the summarizer's (cluster_input.h): files, directories,
 * standard input, or JSONL batches with --jsonl, which print one compact
 * JSON report per input line (an {"id", "error"} line for a line that
 * cannot be reported on).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cluster_input.h"
#include "input.h"

typedef struct report_opts {
  precis_options po;
  precis_report_format fmt;
  int jsonl, verbose, quiet;
  size_t max_doc_bytes;
} report_opts;

static void S_usage(FILE *out) {
  fprintf(out,
          "Usage: precis report [OPTIONS] [PATH...]\n"
          "       precis report --jsonl [OPTIONS] [FILE.jsonl...]\n"
          "\n"
          "The cross-source view of one story: the brief with each "
          "sentence's\n"
          "supporting outlets, what only one outlet carries, the quote "
          "ledger\n"
          "(one statement as each outlet quotes it), coverage, and figures "
          "that\n"
          "differ between outlets. Inputs as for 'precis' (files, "
          "directories,\n"
          "standard input).\n"
          "\n"
          "  -f, --format FMT    text (default), markdown, json, html (one\n"
          "                      self-contained page)\n"
          "      --jsonl         each input line is one cluster; one compact "
          "JSON\n"
          "                      report per line out (schema "
          "precis-report/1)\n"
          "  -w, --words N       brief length in words (default 100); or\n"
          "  -b, --bytes N / -s, --sentences N\n"
          "  -a, --algorithm NAME  selector of the brief (precis "
          "--list-algorithms)\n"
          "      --no-clean      keep lines the cleaner judges boilerplate\n"
          "      --max-doc-bytes N  per-article size cap\n"
          "  -v, --verbose       per-article statistics on stderr\n"
          "  -q, --quiet         no warnings\n"
          "  -h, --help          this help\n"
          "\n"
          "Exit status: 0 success, 1 internal failure, 2 usage or input "
          "error.\n");
}

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static int
S_bad_usage(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "precis report: ");
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\nTry 'precis report --help'.\n");
  va_end(ap);
  return EXIT_USAGE;
}

static int S_parse_size(const char *s, size_t *out) {
  char *end;
  errno = 0;
  if (!s || *s == '-' || *s == '\0') return -1;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || *end != '\0' || v == 0 || v > (1ull << 40)) return -1;
  *out = (size_t)v;
  return 0;
}

static void S_stats(const precis_cluster *c, const char *where,
                    const report_opts *o) {
  for (size_t i = 0; i < precis_cluster_doc_count(c); i++) {
    const precis_doc_stats *st = precis_cluster_doc_stats(c, i);
    const precis_doc_meta *m = precis_cluster_doc_meta(c, i);
    if (o->verbose)
      fprintf(stderr,
              "precis: %s%s[%zu] %s: %zu bytes, %zu lines, %zu "
              "boilerplate, %zu sentences\n",
              where ? where : "", where ? " " : "", i + 1,
              m->source ? m->source : "-", st->bytes_in, st->lines,
              st->boilerplate_lines, st->sentences);
    else if (!o->quiet && st->invalid_utf8)
      fprintf(stderr,
              "precis: %s%s%s: %zu invalid UTF-8 sequences replaced by "
              "U+FFFD\n",
              where ? where : "", where ? ": " : "",
              m->source ? m->source : "-", st->invalid_utf8);
  }
}

static const char *S_error(precis_status st) {
  return st == PRECIS_ERR_EMPTY
             ? "no usable text: every article is empty or boilerplate"
             : precis_strerror(st);
}

/* Build and print one report; returns an exit status. */
static int S_report(precis_cluster *c, const report_opts *o,
                    precis_report_format fmt, const char *id) {
  precis_report *r = NULL;
  precis_status st = precis_report_build(c, &o->po, &r);
  S_stats(c, NULL, o);
  if (st != PRECIS_OK) {
    fprintf(stderr, "precis report: %s\n", S_error(st));
    return st == PRECIS_ERR_NOMEM ? EXIT_FAIL : EXIT_USAGE;
  }
  size_t len;
  char *out = precis_report_render(r, c, fmt, id, &len);
  precis_report_free(r);
  if (!out) {
    fprintf(stderr, "precis report: out of memory\n");
    return EXIT_FAIL;
  }
  fwrite(out, 1, len, stdout);
  precis_free(out);
  return EXIT_OK;
}

static int S_on_line(void *ctx, precis_cluster *c, const char *id,
                     const char *where) {
  const report_opts *o = ctx;
  precis_report *r = NULL;
  precis_status st = precis_report_build(c, &o->po, &r);
  S_stats(c, where, o);
  if (st != PRECIS_OK) {
    if (!o->quiet)
      fprintf(stderr, "precis: %s: %s\n", where,
              st == PRECIS_ERR_EMPTY ? "no usable text in this cluster"
                                     : precis_strerror(st));
    cluster_error_line(id, precis_strerror(st));
    return st == PRECIS_ERR_EMPTY ? 0 : 2;
  }
  size_t len;
  char *out = precis_report_render(r, c, PRECIS_REPORT_JSONL, id, &len);
  precis_report_free(r);
  if (!out) {
    fprintf(stderr, "precis: %s: out of memory\n", where);
    cluster_error_line(id, precis_strerror(PRECIS_ERR_NOMEM));
    return 2;
  }
  fwrite(out, 1, len, stdout);
  fputc('\n', stdout);
  precis_free(out);
  return 0;
}

int cmd_report(int argc, char **argv) {
  report_opts o;
  memset(&o, 0, sizeof o);
  precis_options_init(&o.po);
  o.fmt = PRECIS_REPORT_TEXT;
  int npaths = 0, rc = EXIT_OK, budget_set = 0, only_paths = 0, fmt_set = 0;
  precis_cluster *c = NULL;
  char **paths = calloc((size_t)argc + 1, sizeof *paths);
  if (!paths) return EXIT_FAIL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *next = i + 1 < argc ? argv[i + 1] : NULL;
    if (only_paths || a[0] != '-' || strcmp(a, "-") == 0) {
      paths[npaths++] = argv[i];
      continue;
    }
#define IS(s, l) (strcmp(a, s) == 0 || strcmp(a, l) == 0)
#define NEED_ARG()                                                             \
  do {                                                                         \
    if (!next) {                                                               \
      rc = S_bad_usage("%s requires an argument", a);                          \
      goto out;                                                                \
    }                                                                          \
    i++;                                                                       \
  } while (0)
    if (strcmp(a, "--") == 0) {
      only_paths = 1;
    } else if (IS("-h", "--help")) {
      S_usage(stdout);
      goto out;
    } else if (IS("-f", "--format")) {
      NEED_ARG();
      fmt_set = 1;
      if (strcmp(next, "text") == 0)
        o.fmt = PRECIS_REPORT_TEXT;
      else if (strcmp(next, "markdown") == 0 || strcmp(next, "md") == 0)
        o.fmt = PRECIS_REPORT_MARKDOWN;
      else if (strcmp(next, "json") == 0)
        o.fmt = PRECIS_REPORT_JSON;
      else if (strcmp(next, "html") == 0)
        o.fmt = PRECIS_REPORT_HTML;
      else {
        rc = S_bad_usage("unknown format '%s' (text, markdown, json, html)",
                         next);
        goto out;
      }
    } else if (IS("-w", "--words") || IS("-b", "--bytes") ||
               IS("-s", "--sentences")) {
      NEED_ARG();
      if (budget_set) {
        rc = S_bad_usage("%s: only one of --words, --bytes, --sentences", a);
        goto out;
      }
      budget_set = 1;
      if (S_parse_size(next, &o.po.budget) != 0) {
        rc = S_bad_usage("invalid length '%s' (a positive integer)", next);
        goto out;
      }
      o.po.unit = IS("-w", "--words")   ? PRECIS_BUDGET_WORDS
                  : IS("-b", "--bytes") ? PRECIS_BUDGET_BYTES
                                        : PRECIS_BUDGET_SENTENCES;
    } else if (IS("-a", "--algorithm")) {
      NEED_ARG();
      int found = strcmp(next, "default") == 0;
      for (size_t k = 0; precis_algorithm_name(k); k++)
        found |= strcmp(precis_algorithm_name(k), next) == 0;
      if (!found) {
        rc = S_bad_usage("unknown algorithm '%s' (see precis "
                         "--list-algorithms)",
                         next);
        goto out;
      }
      o.po.algorithm = next;
    } else if (strcmp(a, "--no-clean") == 0) {
      o.po.flags |= PRECIS_OPT_NO_CLEAN;
    } else if (strcmp(a, "--max-doc-bytes") == 0) {
      NEED_ARG();
      if (S_parse_size(next, &o.max_doc_bytes) != 0) {
        rc = S_bad_usage("invalid size '%s'", next);
        goto out;
      }
    } else if (strcmp(a, "--jsonl") == 0) {
      o.jsonl = 1;
    } else if (IS("-v", "--verbose")) {
      o.verbose = 1;
    } else if (IS("-q", "--quiet")) {
      o.quiet = 1;
    } else {
      rc = S_bad_usage("unknown option '%s'", a);
      goto out;
    }
#undef IS
#undef NEED_ARG
  }
  if (o.jsonl && fmt_set && o.fmt != PRECIS_REPORT_JSON) {
    rc = S_bad_usage("--jsonl writes JSON lines; --format must be json");
    goto out;
  }
  c = precis_cluster_new();
  if (!c) {
    fprintf(stderr, "precis report: out of memory\n");
    rc = EXIT_FAIL;
    goto out;
  }
  if (o.max_doc_bytes) precis_cluster_set_max_doc_bytes(c, o.max_doc_bytes);
  if (o.jsonl) {
    rc = cluster_jsonl_run(c, npaths, paths, S_on_line, &o) ? EXIT_USAGE
                                                            : EXIT_OK;
    goto out;
  }
  if (npaths == 0 && cluster_add_stdin(c, o.verbose) != 0) rc = EXIT_USAGE;
  for (int i = 0; i < npaths && rc == EXIT_OK; i++)
    if (cluster_add_path(c, paths[i], o.verbose) != 0) rc = EXIT_USAGE;
  if (rc == EXIT_OK && order_by_date(c) != 0) rc = EXIT_FAIL;
  if (rc == EXIT_OK) rc = S_report(c, &o, o.fmt, NULL);
out:
  precis_cluster_free(c);
  free(paths);
  fflush(stdout);
  if (ferror(stdout)) {
    fprintf(stderr, "precis report: write error on standard output\n");
    return EXIT_FAIL;
  }
  return rc;
}
