/* cmd_report.c — `precis report [options] [PATH...]`: the cross-source
 * view (docs/report.md): the brief with corroboration, what only one
 * outlet carries, the quote ledger, coverage and disagreements.
 *
 * Inputs are the summarizer's (cluster_input.h): files, directories,
 * standard input, or JSONL batches with --jsonl, which print one compact
 * JSON report per input line (an {"id", "error"} line for a line that
 * cannot be reported on).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cli_opts.h"
#include "cluster_input.h"
#include "input.h"

/* The shared options (cli_opts.h) and the report's own. */
typedef struct report_opts {
  cli_opts c;
  precis_report_format fmt;
  int fmt_set; /* --format given: with --jsonl it must be json */
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
          "standard input; one that cannot be used is reported and "
          "skipped, listed\n"
          "under \"skipped\" in JSON, and the exit status is 2).\n"
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
          "  -q, --quiet         no warnings (errors are still reported)\n"
          "  -h, --help          this help\n"
          "\n"
          "Exit status: 0 success, 1 internal failure, 2 usage or input "
          "error.\n");
}

static void S_stats(const precis_cluster *c, const char *where,
                    const report_opts *o) {
  if (!o->c.verbose) {
    if (!o->c.quiet) cli_warn_invalid(c, where);
    return;
  }
  for (size_t i = 0; i < precis_cluster_doc_count(c); i++) {
    const precis_doc_stats *st = precis_cluster_doc_stats(c, i);
    const precis_doc_meta *m = precis_cluster_doc_meta(c, i);
    fprintf(stderr,
            "precis: %s%s[%zu] %s: %zu bytes, %zu lines, %zu "
            "boilerplate, %zu sentences\n",
            where ? where : "", where ? " " : "", i + 1,
            m->source ? m->source : "-", st->bytes_in, st->lines,
            st->boilerplate_lines, st->sentences);
  }
}

static const char *S_error(precis_status st) {
  return st == PRECIS_ERR_EMPTY
             ? "no usable text: every article is empty or boilerplate"
             : precis_strerror(st);
}

/* Build and print one report (a cli_cluster_fn); returns an exit status. */
static int S_report(void *ctx, precis_cluster *c, const input_log *skipped) {
  const report_opts *o = ctx;
  precis_report *r = NULL;
  precis_status st = precis_report_build(c, &o->c.po, &r);
  S_stats(c, NULL, o);
  if (st != PRECIS_OK) {
    fprintf(stderr, "precis report: %s\n", S_error(st));
    return st == PRECIS_ERR_NOMEM ? EXIT_FAIL : EXIT_USAGE;
  }
  size_t len;
  char *out = precis_report_render(r, c, o->fmt, NULL, &len);
  precis_report_free(r);
  int rc = out ? 0 : -1;
  if (out && o->fmt == PRECIS_REPORT_JSON)
    rc = cluster_put_json(out, len, skipped); /* lists skipped inputs */
  else if (out)
    fwrite(out, 1, len, stdout);
  precis_free(out);
  if (rc != 0) {
    fprintf(stderr, "precis report: out of memory\n");
    return EXIT_FAIL;
  }
  return EXIT_OK;
}

static int S_on_line(void *ctx, precis_cluster *c, const char *id,
                     const char *where, const input_log *skipped) {
  const report_opts *o = ctx;
  precis_report *r = NULL;
  precis_status st = precis_report_build(c, &o->c.po, &r);
  S_stats(c, where, o);
  if (st != PRECIS_OK) return cli_line_failed(&o->c, id, where, st, skipped);
  size_t len;
  char *out = precis_report_render(r, c, PRECIS_REPORT_JSONL, id, &len);
  precis_report_free(r);
  if (!out) {
    fprintf(stderr, "precis: %s: out of memory\n", where);
    cluster_error_line(id, precis_strerror(PRECIS_ERR_NOMEM), skipped);
    return 2;
  }
  int rc = cluster_put_json(out, len, skipped); /* lists skipped documents */
  fputc('\n', stdout);
  precis_free(out);
  if (rc != 0) {
    fprintf(stderr, "precis: %s: out of memory\n", where);
    return 2;
  }
  return 0;
}

static int S_format(report_opts *o, const char *v) {
  o->fmt_set = 1;
  if (strcmp(v, "text") == 0)
    o->fmt = PRECIS_REPORT_TEXT;
  else if (strcmp(v, "markdown") == 0 || strcmp(v, "md") == 0)
    o->fmt = PRECIS_REPORT_MARKDOWN;
  else if (strcmp(v, "json") == 0)
    o->fmt = PRECIS_REPORT_JSON;
  else if (strcmp(v, "html") == 0)
    o->fmt = PRECIS_REPORT_HTML;
  else
    return cli_bad_usage(&o->c,
                         "unknown format '%s' (text, markdown, json, html)", v);
  return CLI_GO_ON;
}

/* The options only the report has (a cli_own_fn). */
static int S_own_option(void *ctx, int argc, char **argv, int *i) {
  report_opts *o = ctx;
  const char *a = argv[*i];
  if (strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0) {
    const char *v = cli_opts_arg(&o->c, argc, argv, i);
    return v ? S_format(o, v) : EXIT_USAGE;
  }
  return cli_bad_usage(&o->c, "unknown option '%s'", a);
}

/* --jsonl prints one compact JSON report per line whatever --format says,
 * so an explicit other format is refused rather than ignored. */
static int S_check(const report_opts *o) {
  if (o->c.jsonl && o->fmt_set && o->fmt != PRECIS_REPORT_JSON)
    return cli_bad_usage(&o->c,
                         "--jsonl writes JSON lines; --format must be json");
  return CLI_GO_ON;
}

int cmd_report(int argc, char **argv) {
  report_opts o;
  memset(&o, 0, sizeof o);
  if (cli_opts_init(&o.c, "precis report", "precis --list-algorithms", S_usage,
                    argc))
    return EXIT_FAIL;
  o.fmt = PRECIS_REPORT_TEXT;
  int rc = cli_opts_parse(&o.c, argc, argv, S_own_option, &o);
  if (rc == CLI_GO_ON) rc = S_check(&o);
  if (rc == CLI_GO_ON) rc = cli_opts_run(&o.c, S_on_line, S_report, &o);
  cli_opts_free(&o.c);
  return cli_finish(&o.c, rc);
}
