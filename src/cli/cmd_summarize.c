/* cmd_summarize.c — `precis [options] [PATH...]`: the brief.
 *
 * Inputs: files (one article each, or several joined by "|||||" /
 * "story_separator_special_tag"), directories (their regular files in name
 * order), standard input when no path is given, or JSONL batches with
 * --jsonl (one cluster per line, one output line per input line,
 * streaming: memory is bounded by the largest line).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cluster_input.h"
#include "input.h"

typedef struct cli_opts {
  precis_options po;
  precis_format fmt;
  int jsonl;
  int analyze_only; /* --analyze-only: bench baseline, no selection */
  int verbose;
  int quiet;
  size_t max_doc_bytes;
} cli_opts;

static void S_usage(FILE *out) {
  fprintf(out,
          "Usage: precis [OPTIONS] [PATH...]\n"
          "       precis --jsonl [OPTIONS] [FILE.jsonl...]\n"
          "       precis report|rouge|extract|sentences --help\n"
          "\n"
          "Summarize several articles about one story into a short brief of\n"
          "verbatim sentences, each marked with every source that states "
          "it.\n"
          "\n"
          "Input:\n"
          "  PATH is a file (one article; '|||||' or "
          "'story_separator_special_tag'\n"
          "  splits it into several) or a directory (its files, in name "
          "order).\n"
          "  With no PATH, standard input is read. HTML pages (.html, or "
          "sniffed)\n"
          "  go through main-text extraction. An article's outlet name is "
          "'source'\n"
          "  in JSONL, else a page's site name, else the file name without "
          "extension.\n"
          "  Articles that all carry ISO dates are ordered by date.\n"
          "  --jsonl             each input line is one cluster:\n"
          "                      {\"id\": ..., \"documents\": [\"text\" | "
          "{\"text\", \"html\",\n"
          "                      \"source\", \"url\", \"title\", \"date\"}, ...]}; one "
          "JSON line out per line in\n"
          "\n"
          "Length (the brief never exceeds the budget; with "
          "--allow-overflow the\n"
          "last sentence alone may cross it):\n"
          "  -w, --words N       at most N words (default 100)\n"
          "  -b, --bytes N       at most N bytes (sentences joined by one "
          "byte)\n"
          "  -s, --sentences N   at most N sentences\n"
          "      --allow-overflow\n"
          "\n"
          "Selection and output:\n"
          "  -a, --algorithm NAME  selector (see --list-algorithms)\n"
          "      --list-algorithms\n"
          "  -f, --format FMT    text (default), markdown, json\n"
          "      --order source|score  sentence order (default source)\n"
          "      --no-clean      keep lines the cleaner judges boilerplate\n"
          "      --max-doc-bytes N  per-article size cap (default %zu)\n"
          "  -v, --verbose       report cleaning statistics on stderr\n"
          "  -q, --quiet         no warnings\n"
          "  -h, --help          this help;  --version\n"
          "\n"
          "Exit status: 0 success, 1 internal failure, 2 usage or input "
          "error.\n",
          (size_t)PRECIS_MAX_DOC_BYTES_DEFAULT);
}

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static int S_bad_usage(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "precis: ");
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\nTry 'precis --help'.\n");
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

static void S_list_algorithms(void) {
  for (size_t i = 0; precis_algorithm_name(i); i++)
    printf("%-12s %s%s\n", precis_algorithm_name(i),
           precis_algorithm_description(i), i == 0 ? " (default)" : "");
}

static void S_report_stats(const precis_cluster *c, const char *what) {
  for (size_t i = 0; i < precis_cluster_doc_count(c); i++) {
    const precis_doc_stats *st = precis_cluster_doc_stats(c, i);
    const precis_doc_meta *m = precis_cluster_doc_meta(c, i);
    fprintf(stderr,
            "precis: %s%s[%zu] %s: %zu bytes, %zu lines, %zu boilerplate, "
            "%zu sentences, %zu invalid UTF-8 replaced%s\n",
            what ? what : "", what ? " " : "", i + 1,
            m->source ? m->source : "-", st->bytes_in, st->lines,
            st->boilerplate_lines, st->sentences, st->invalid_utf8,
            st->normalized ? ", normalized" : "");
  }
}

static void S_warn_invalid(const precis_cluster *c, const char *what) {
  for (size_t i = 0; i < precis_cluster_doc_count(c); i++) {
    const precis_doc_stats *st = precis_cluster_doc_stats(c, i);
    const precis_doc_meta *m = precis_cluster_doc_meta(c, i);
    if (st->invalid_utf8)
      fprintf(stderr,
              "precis: %s%s%s: %zu invalid UTF-8 sequences replaced by "
              "U+FFFD\n",
              what ? what : "", what ? ": " : "", m->source ? m->source : "-",
              st->invalid_utf8);
  }
}

static int S_emit(const precis_summary *s, const precis_cluster *c,
                  precis_format fmt, const char *id) {
  size_t len;
  char *out = precis_summary_render(s, c, fmt, id, &len);
  if (!out) {
    fprintf(stderr, "precis: out of memory\n");
    return EXIT_FAIL;
  }
  fwrite(out, 1, len, stdout);
  if (fmt == PRECIS_FORMAT_JSONL) fputc('\n', stdout);
  precis_free(out);
  return EXIT_OK;
}

static int S_run_cluster(precis_cluster *c, const cli_opts *o) {
  precis_summary *s = NULL;
  precis_status st = precis_summarize(c, &o->po, &s);
  if (o->verbose) S_report_stats(c, NULL);
  else if (!o->quiet) S_warn_invalid(c, NULL);
  if (st != PRECIS_OK) {
    fprintf(stderr, "precis: %s\n",
            st == PRECIS_ERR_EMPTY
                ? "no usable text: every article is empty or boilerplate"
                : precis_strerror(st));
    return st == PRECIS_ERR_NOMEM ? EXIT_FAIL : EXIT_USAGE;
  }
  int rc = S_emit(s, c, o->fmt, NULL);
  precis_summary_free(s);
  return rc;
}

/* ---- JSONL batch: one cluster per line (cluster_input.c reads) ---- */

static int S_on_cluster(void *ctx, precis_cluster *c, const char *id,
                        const char *where) {
  const cli_opts *o = ctx;
  if (o->analyze_only)
    return precis_cluster_analyze(c, o->po.flags) == PRECIS_OK ? 0 : 2;
  precis_summary *s = NULL;
  precis_status st = precis_summarize(c, &o->po, &s);
  int rc = 0;
  if (o->verbose) S_report_stats(c, where);
  else if (!o->quiet) S_warn_invalid(c, where);
  if (st == PRECIS_OK) {
    if (S_emit(s, c, PRECIS_FORMAT_JSONL, id) != EXIT_OK) rc = 2;
  } else {
    if (!o->quiet)
      fprintf(stderr, "precis: %s: %s\n", where,
              st == PRECIS_ERR_EMPTY ? "no usable text in this cluster"
                                     : precis_strerror(st));
    cluster_error_line(id, precis_strerror(st));
    if (st != PRECIS_ERR_EMPTY) rc = 2;
  }
  precis_summary_free(s);
  return rc;
}

/* ---- main ---- */

int cmd_summarize(int argc, char **argv) {
  cli_opts o;
  memset(&o, 0, sizeof o);
  precis_options_init(&o.po);
  o.fmt = PRECIS_FORMAT_TEXT;
  int npaths = 0;
  char **paths = calloc((size_t)argc + 1, sizeof *paths);
  if (!paths) return EXIT_FAIL;
  int rc = EXIT_OK, budget_set = 0, only_paths = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *next = i + 1 < argc ? argv[i + 1] : NULL;
    if (only_paths || a[0] != '-' || strcmp(a, "-") == 0) {
      paths[npaths++] = argv[i];
      continue;
    }
#define IS(s, l) (strcmp(a, s) == 0 || strcmp(a, l) == 0)
#define NEED_ARG()                                                          \
  do {                                                                      \
    if (!next) {                                                            \
      rc = S_bad_usage("%s requires an argument", a);                       \
      goto out;                                                             \
    }                                                                       \
    i++;                                                                    \
  } while (0)
    if (strcmp(a, "--") == 0) {
      only_paths = 1;
    } else if (IS("-h", "--help")) {
      S_usage(stdout);
      goto out;
    } else if (strcmp(a, "--version") == 0) {
      printf("precis %s\n", precis_version());
      goto out;
    } else if (strcmp(a, "--list-algorithms") == 0) {
      S_list_algorithms();
      goto out;
    } else if (IS("-w", "--words") || IS("-b", "--bytes") ||
               IS("-s", "--sentences")) {
      NEED_ARG();
      if (budget_set) {
        rc = S_bad_usage("%s: only one of --words, --bytes, --sentences",
                         a);
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
    } else if (strcmp(a, "--allow-overflow") == 0) {
      o.po.flags |= PRECIS_OPT_ALLOW_OVERFLOW;
    } else if (strcmp(a, "--no-clean") == 0) {
      o.po.flags |= PRECIS_OPT_NO_CLEAN;
    } else if (IS("-a", "--algorithm")) {
      NEED_ARG();
      int found = 0;
      for (size_t k = 0; precis_algorithm_name(k); k++)
        found |= strcmp(precis_algorithm_name(k), next) == 0;
      if (!found && strcmp(next, "default") != 0) {
        rc = S_bad_usage("unknown algorithm '%s' (see --list-algorithms)",
                         next);
        goto out;
      }
      o.po.algorithm = next;
    } else if (IS("-f", "--format")) {
      NEED_ARG();
      if (strcmp(next, "text") == 0) o.fmt = PRECIS_FORMAT_TEXT;
      else if (strcmp(next, "markdown") == 0 || strcmp(next, "md") == 0)
        o.fmt = PRECIS_FORMAT_MARKDOWN;
      else if (strcmp(next, "json") == 0) o.fmt = PRECIS_FORMAT_JSON;
      else {
        rc = S_bad_usage("unknown format '%s' (text, markdown, json)", next);
        goto out;
      }
    } else if (strcmp(a, "--order") == 0) {
      NEED_ARG();
      if (strcmp(next, "score") == 0) o.po.flags |= PRECIS_OPT_SCORE_ORDER;
      else if (strcmp(next, "source") != 0) {
        rc = S_bad_usage("unknown order '%s' (source, score)", next);
        goto out;
      }
    } else if (strcmp(a, "--max-doc-bytes") == 0) {
      NEED_ARG();
      if (S_parse_size(next, &o.max_doc_bytes) != 0) {
        rc = S_bad_usage("invalid size '%s'", next);
        goto out;
      }
    } else if (strcmp(a, "--jsonl") == 0) {
      o.jsonl = 1;
    } else if (strcmp(a, "--analyze-only") == 0) {
      o.analyze_only = 1; /* undocumented in --help: a bench baseline */
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

  precis_cluster *c = precis_cluster_new();
  if (!c) {
    fprintf(stderr, "precis: out of memory\n");
    rc = EXIT_FAIL;
    goto out;
  }
  if (o.max_doc_bytes) precis_cluster_set_max_doc_bytes(c, o.max_doc_bytes);
  if (o.jsonl) {
    rc = cluster_jsonl_run(c, npaths, paths, S_on_cluster, &o) ? EXIT_USAGE
                                                               : EXIT_OK;
    precis_cluster_free(c);
    goto out;
  }
  if (npaths == 0 && cluster_add_stdin(c, o.verbose) != 0) rc = EXIT_USAGE;
  for (int i = 0; i < npaths && rc == EXIT_OK; i++)
    if (cluster_add_path(c, paths[i], o.verbose) != 0) rc = EXIT_USAGE;
  if (rc == EXIT_OK && order_by_date(c) != 0) rc = EXIT_FAIL;
  if (rc == EXIT_OK) rc = S_run_cluster(c, &o);
  precis_cluster_free(c);
out:
  free(paths);
  fflush(stdout);
  if (ferror(stdout)) {
    fprintf(stderr, "precis: write error on standard output\n");
    return EXIT_FAIL;
  }
  return rc;
}
