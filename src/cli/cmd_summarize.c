/* cmd_summarize.c — `precis [options] [PATH...]`: the brief.
 *
 * Inputs: files (one article each, or several joined by "|||||" /
 * "story_separator_special_tag"), directories (their regular files in name
 * order), standard input when no path is given, or JSONL batches with
 * --jsonl (one cluster per line, one output line per input line,
 * streaming: memory is bounded by the largest line). An input that cannot
 * be used is reported, skipped, and makes the exit status 2.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cli_opts.h"
#include "cluster_input.h"
#include "input.h"

/* The shared options (cli_opts.h) and the summarizer's own. */
typedef struct summarize_opts {
  cli_opts c;
  precis_format fmt;
  int analyze_only; /* --analyze-only: bench baseline, no selection */
} summarize_opts;

static void S_usage(FILE *out) {
  fprintf(out,
          "Usage: precis [OPTIONS] [PATH...]\n"
          "       precis --jsonl [OPTIONS] [FILE.jsonl...]\n"
          "       precis report|explain|rouge|extract|sentences --help\n"
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
          "  With no PATH, standard input is read ('-' reads it among "
          "paths).\n"
          "  HTML pages (.html, or sniffed) go through main-text "
          "extraction.\n"
          "  An article's outlet name is 'source' in JSONL, else a page's "
          "site\n"
          "  name, else the file name without "
          "extension.\n"
          "  Articles that all carry ISO dates are ordered by date.\n"
          "  --jsonl             each input line is one cluster:\n"
          "                      {\"id\": ..., \"documents\": [\"text\" | "
          "{\"text\", \"html\",\n"
          "                      \"source\", \"url\", \"title\", \"date\"}, "
          "...]}; one JSON line out per line in\n"
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
          "      --order ORDER   auto (default): the outlets' order, or the\n"
          "                      articles' when dated over days or\n"
          "                      drifting (a story told day by day);\n"
          "                      outlets, source (article, then place), score\n"
          "      --no-clean      keep lines the cleaner judges boilerplate\n"
          "      --keep-outlet-voice  keep sentences in which an outlet\n"
          "                      speaks of itself (\"told us\")\n"
          "      --max-doc-bytes N  per-article size cap (default %zu)\n"
          "  -v, --verbose       report cleaning statistics on stderr\n"
          "  -q, --quiet         no warnings (errors are still reported)\n"
          "  -h, --help          this help;  --version\n"
          "\n"
          "An input that cannot be used (missing, unreadable, empty, "
          "binary, a page\n"
          "without main text) is reported on stderr and skipped; the others "
          "are\n"
          "summarized, JSON lists it under \"skipped\", and the exit status "
          "is 2.\n"
          "Exit status: 0 success, 1 internal failure, 2 usage or input "
          "error.\n",
          (size_t)PRECIS_MAX_DOC_BYTES_DEFAULT);
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

/* The brief on stdout; JSON lists the `skipped` inputs (may be NULL). */
static int S_emit(const precis_summary *s, const precis_cluster *c,
                  precis_format fmt, const char *id, const input_log *skipped) {
  size_t len;
  char *out = precis_summary_render(s, c, fmt, id, &len);
  int rc = out ? 0 : -1;
  if (out && (fmt == PRECIS_FORMAT_JSON || fmt == PRECIS_FORMAT_JSONL))
    rc = cluster_put_json(out, len, skipped);
  else if (out)
    fwrite(out, 1, len, stdout);
  if (fmt == PRECIS_FORMAT_JSONL && out) fputc('\n', stdout);
  precis_free(out);
  if (rc != 0) {
    fprintf(stderr, "precis: out of memory\n");
    return EXIT_FAIL;
  }
  return EXIT_OK;
}

/* An empty brief is not an error (the budget is the user's), but it is
 * said on stderr: its only other trace is the JSON's note. */
static void S_warn_empty(const summarize_opts *o, const precis_summary *s,
                         const char *where) {
  static const char *const unit[] = {"words", "bytes", "sentences"};
  if (o->c.quiet || precis_summary_count(s) > 0) return;
  fprintf(stderr,
          "precis: %s%sno sentence fits in %zu %s (--allow-overflow lets "
          "one sentence cross the budget)\n",
          where ? where : "", where ? ": " : "", o->c.po.budget,
          unit[o->c.po.unit]);
}

/* One cluster from paths or standard input (a cli_cluster_fn). */
static int S_run_cluster(void *ctx, precis_cluster *c,
                         const input_log *skipped) {
  const summarize_opts *o = ctx;
  precis_summary *s = NULL;
  precis_status st = precis_summarize(c, &o->c.po, &s);
  if (o->c.verbose) S_report_stats(c, NULL);
  else if (!o->c.quiet) cli_warn_invalid(c, NULL);
  if (st != PRECIS_OK) {
    fprintf(stderr, "precis: %s\n",
            st == PRECIS_ERR_EMPTY
                ? "no usable text: every article is empty or boilerplate"
                : precis_strerror(st));
    return st == PRECIS_ERR_NOMEM ? EXIT_FAIL : EXIT_USAGE;
  }
  S_warn_empty(o, s, NULL);
  int rc = S_emit(s, c, o->fmt, NULL, skipped);
  precis_summary_free(s);
  return rc;
}

/* ---- JSONL batch: one cluster per line (cluster_input.c reads) ---- */

static int S_on_cluster(void *ctx, precis_cluster *c, const char *id,
                        const char *where, const input_log *skipped) {
  const summarize_opts *o = ctx;
  if (o->analyze_only)
    return precis_cluster_analyze(c, o->c.po.flags) == PRECIS_OK ? 0 : 2;
  precis_summary *s = NULL;
  precis_status st = precis_summarize(c, &o->c.po, &s);
  int rc = 0;
  if (o->c.verbose) S_report_stats(c, where);
  else if (!o->c.quiet) cli_warn_invalid(c, where);
  if (st == PRECIS_OK) {
    S_warn_empty(o, s, where);
    if (S_emit(s, c, PRECIS_FORMAT_JSONL, id, skipped) != EXIT_OK) rc = 2;
  } else {
    rc = cli_line_failed(&o->c, id, where, st, skipped);
  }
  precis_summary_free(s);
  return rc;
}

/* ---- options and main ---- */

static int S_format(summarize_opts *o, const char *v) {
  if (strcmp(v, "text") == 0)
    o->fmt = PRECIS_FORMAT_TEXT;
  else if (strcmp(v, "markdown") == 0 || strcmp(v, "md") == 0)
    o->fmt = PRECIS_FORMAT_MARKDOWN;
  else if (strcmp(v, "json") == 0)
    o->fmt = PRECIS_FORMAT_JSON;
  else
    return cli_bad_usage(&o->c, "unknown format '%s' (text, markdown, json)",
                         v);
  return CLI_GO_ON;
}

static int S_order(summarize_opts *o, const char *v) {
  o->c.po.flags &= ~(PRECIS_OPT_SCORE_ORDER | PRECIS_OPT_SOURCE_ORDER |
                     PRECIS_OPT_OUTLETS_ORDER);
  if (strcmp(v, "score") == 0)
    o->c.po.flags |= PRECIS_OPT_SCORE_ORDER;
  else if (strcmp(v, "source") == 0)
    o->c.po.flags |= PRECIS_OPT_SOURCE_ORDER;
  else if (strcmp(v, "outlets") == 0)
    o->c.po.flags |= PRECIS_OPT_OUTLETS_ORDER;
  else if (strcmp(v, "auto") != 0)
    return cli_bad_usage(
        &o->c, "unknown order '%s' (auto, outlets, source, score)", v);
  return CLI_GO_ON;
}

/* --version, --list-algorithms: print, and 1 (the command stops there,
 * successfully); 0 for any other option (-h/--help is cli_opts_parse's). */
static int S_info(const char *a) {
  if (strcmp(a, "--version") == 0)
    printf("precis %s\n", precis_version());
  else if (strcmp(a, "--list-algorithms") == 0)
    S_list_algorithms();
  else
    return 0;
  return 1;
}

/* The options only the summarizer has (a cli_own_fn). */
static int S_own_option(void *ctx, int argc, char **argv, int *i) {
  summarize_opts *o = ctx;
  const char *a = argv[*i], *v;
  if (S_info(a)) return EXIT_OK;
  if (strcmp(a, "--allow-overflow") == 0) {
    o->c.po.flags |= PRECIS_OPT_ALLOW_OVERFLOW;
  } else if (strcmp(a, "--keep-outlet-voice") == 0) {
    o->c.po.flags |= PRECIS_OPT_OUTLET_VOICE;
  } else if (strcmp(a, "--analyze-only") == 0) {
    o->analyze_only = 1; /* undocumented in --help: a bench baseline */
  } else if (strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0) {
    v = cli_opts_arg(&o->c, argc, argv, i);
    return v ? S_format(o, v) : EXIT_USAGE;
  } else if (strcmp(a, "--order") == 0) {
    v = cli_opts_arg(&o->c, argc, argv, i);
    return v ? S_order(o, v) : EXIT_USAGE;
  } else {
    return cli_bad_usage(&o->c, "unknown option '%s'", a);
  }
  return CLI_GO_ON;
}

int cmd_summarize(int argc, char **argv) {
  summarize_opts o;
  memset(&o, 0, sizeof o);
  if (cli_opts_init(&o.c, "precis", "--list-algorithms", S_usage, argc))
    return EXIT_FAIL;
  o.fmt = PRECIS_FORMAT_TEXT;
  int rc = cli_opts_parse(&o.c, argc, argv, S_own_option, &o);
  if (rc == CLI_GO_ON) rc = cli_opts_run(&o.c, S_on_cluster, S_run_cluster, &o);
  cli_opts_free(&o.c);
  return cli_finish(&o.c, rc);
}
