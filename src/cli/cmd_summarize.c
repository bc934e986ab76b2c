/* cmd_summarize.c — `precis [options] [PATH...]`: the brief.
 *
 * Inputs: files (one article each, or several joined by "|||||" /
 * "story_separator_special_tag"), directories (their regular files in name
 * order), standard input when no path is given, or JSONL batches with
 * --jsonl (one cluster per line, one output line per input line,
 * streaming: memory is bounded by the largest line).
 */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
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
          "       precis rouge|extract|sentences --help\n"
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
          "  With no PATH, standard input is read. An article's outlet name "
          "is its\n"
          "  file name without extension, or 'source' in JSONL.\n"
          "  --jsonl             each input line is one cluster:\n"
          "                      {\"id\": ..., \"documents\": [\"text\" | "
          "{\"text\", \"source\",\n"
          "                      \"url\", \"title\", \"date\"}, ...]}; one "
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

/* ---- files and directories ---- */

static int S_cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int S_is_html_name(const char *p) {
  const char *dot = strrchr(p, '.');
  return dot && (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0);
}

static int S_add_file(precis_cluster *c, const char *path,
                      const cli_opts *o) {
  char *text;
  size_t len;
  if (read_file(path, INPUT_MAX_FILE_BYTES, &text, &len) != 0) return -1;
  char name[256];
  outlet_from_path(path, name, sizeof name);
  int n = add_articles(c, path, name, text, len, S_is_html_name(path),
                       o->verbose);
  free(text);
  return n;
}

static int S_add_dir(precis_cluster *c, const char *path, const cli_opts *o) {
  DIR *d = opendir(path);
  if (!d) {
    fprintf(stderr, "precis: %s: %s\n", path, strerror(errno));
    return -1;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  int rc = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 32;
      char **nn = realloc(names, cap * sizeof *nn);
      if (!nn) {
        rc = -1;
        break;
      }
      names = nn;
    }
    names[n] = strdup(e->d_name);
    if (!names[n]) {
      rc = -1;
      break;
    }
    n++;
  }
  closedir(d);
  if (rc != 0) {
    fprintf(stderr, "precis: %s: out of memory\n", path);
    goto out;
  }
  if (n) qsort(names, n, sizeof *names, S_cmp_str);
  int added = 0;
  for (size_t i = 0; i < n; i++) {
    size_t pl = strlen(path) + strlen(names[i]) + 2;
    char *full = malloc(pl);
    if (!full) {
      rc = -1;
      goto out;
    }
    snprintf(full, pl, "%s/%s", path, names[i]);
    struct stat sb;
    if (stat(full, &sb) != 0 || !S_ISREG(sb.st_mode)) {
      if (o->verbose)
        fprintf(stderr, "precis: %s: skipped (not a regular file)\n", full);
      free(full);
      continue;
    }
    int k = S_add_file(c, full, o);
    free(full);
    if (k < 0) {
      rc = -1;
      goto out;
    }
    added += k;
  }
  if (added == 0) {
    fprintf(stderr, "precis: %s: directory holds no articles\n", path);
    rc = -1;
  }
out:
  for (size_t i = 0; i < n; i++) free(names[i]);
  free(names);
  return rc;
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

/* ---- JSONL batch ---- */

static const char *S_json_string(json_t *obj, const char *key) {
  json_t *v = json_object_get(obj, key);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Print an error object so output lines stay aligned with input lines. */
static void S_error_line(const char *id, const char *msg) {
  json_t *o = json_object();
  if (!o) return;
  json_object_set_new(o, "id", id ? json_string(id) : json_null());
  json_object_set_new(o, "error", json_string(msg));
  /* an empty brief, so `precis rouge --pred` can score a whole run */
  json_object_set_new(o, "summary", json_string(""));
  char *s = json_dumps(o, JSON_COMPACT);
  if (s) {
    printf("%s\n", s);
    free(s);
  }
  json_decref(o);
}

/* Summarize one JSONL line; returns 0 ok, 1 warning-level, 2 input error. */
static int S_jsonl_line(precis_cluster *c, const cli_opts *o,
                        const char *file, size_t lineno, const char *line,
                        size_t len) {
  json_error_t err;
  json_t *root = json_loadb(line, len, JSON_REJECT_DUPLICATES, &err);
  char where[1100];
  snprintf(where, sizeof where, "%s:%zu", file, lineno);
  if (!root) {
    fprintf(stderr, "precis: %s: malformed JSON: %s (column %d)\n", where,
            err.text, err.column);
    S_error_line(NULL, "malformed JSON");
    return 2;
  }
  int rc = 0;
  char idbuf[64];
  const char *id = NULL;
  json_t *jid = json_object_get(root, "id");
  if (json_is_string(jid)) {
    id = json_string_value(jid);
  } else if (json_is_integer(jid)) {
    snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(jid));
    id = idbuf;
  }
  json_t *docs = json_object_get(root, "documents");
  if (!json_is_object(root) || !json_is_array(docs)) {
    fprintf(stderr, "precis: %s: expected an object with a \"documents\" "
                    "array\n", where);
    S_error_line(id, "no documents array");
    json_decref(root);
    return 2;
  }
  precis_cluster_reset(c);
  size_t i;
  json_t *d;
  json_array_foreach(docs, i, d) {
    precis_doc_meta meta = {NULL, NULL, NULL, NULL};
    const char *text = NULL, *html = NULL;
    size_t tlen = 0, hlen = 0;
    if (json_is_string(d)) {
      text = json_string_value(d);
      tlen = json_string_length(d);
    } else if (json_is_object(d)) {
      json_t *t = json_object_get(d, "text");
      if (json_is_string(t)) {
        text = json_string_value(t);
        tlen = json_string_length(t);
      }
      json_t *h = json_object_get(d, "html");
      if (json_is_string(h)) {
        html = json_string_value(h);
        hlen = json_string_length(h);
      }
      meta.source = S_json_string(d, "source");
      meta.url = S_json_string(d, "url");
      meta.title = S_json_string(d, "title");
      meta.date = S_json_string(d, "date");
    }
    if (!text && !html) {
      fprintf(stderr, "precis: %s: document %zu has no text\n", where, i + 1);
      rc = 2;
      continue;
    }
    /* HTML (an "html" field, or HTML in "text"): its main text is the
     * article; the page's metadata fills the fields not given */
    html_doc hd;
    precis_status st = html_doc_resolve(&hd, text, tlen, html, hlen, &meta);
    if (st != PRECIS_OK) {
      fprintf(stderr, "precis: %s: document %zu: %s\n", where, i + 1,
              html_error_message(st));
      rc = 2;
      continue;
    }
    st = precis_cluster_add(c, hd.text, hd.len, &hd.meta);
    html_doc_done(&hd);
    if (st != PRECIS_OK) {
      fprintf(stderr, "precis: %s: document %zu: %s\n", where, i + 1,
              precis_strerror(st));
      rc = 2;
    }
  }
  precis_summary *s = NULL;
  if (o->analyze_only) {
    precis_status ast = precis_cluster_analyze(c, o->po.flags);
    json_decref(root);
    return ast == PRECIS_OK ? rc : 2;
  }
  precis_status st = precis_summarize(c, &o->po, &s);
  if (o->verbose) S_report_stats(c, where);
  else if (!o->quiet) S_warn_invalid(c, where);
  if (st == PRECIS_OK) {
    if (S_emit(s, c, PRECIS_FORMAT_JSONL, id) != EXIT_OK) rc = 2;
  } else {
    if (!o->quiet)
      fprintf(stderr, "precis: %s: %s\n", where,
              st == PRECIS_ERR_EMPTY ? "no usable text in this cluster"
                                     : precis_strerror(st));
    S_error_line(id, precis_strerror(st));
    if (st != PRECIS_ERR_EMPTY) rc = 2;
  }
  precis_summary_free(s);
  json_decref(root);
  return rc;
}

static int S_jsonl_stream(precis_cluster *c, const cli_opts *o, FILE *f,
                          const char *name) {
  char *line = NULL;
  size_t cap = 0, lineno = 0;
  ssize_t n;
  int worst = 0;
  while ((n = getline(&line, &cap, f)) >= 0) {
    lineno++;
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
    size_t k = 0;
    while (k < (size_t)n && (line[k] == ' ' || line[k] == '\t')) k++;
    if (k == (size_t)n) continue; /* blank lines are not clusters */
    int r = S_jsonl_line(c, o, name, lineno, line, (size_t)n);
    if (r > worst) worst = r;
  }
  if (ferror(f)) {
    fprintf(stderr, "precis: %s: read error\n", name);
    worst = 2;
  }
  free(line);
  fflush(stdout);
  return worst;
}

static int S_run_jsonl(precis_cluster *c, const cli_opts *o, int npaths,
                       char **paths) {
  int worst = 0;
  if (npaths == 0) return S_jsonl_stream(c, o, stdin, "<stdin>") ? 2 : 0;
  for (int i = 0; i < npaths; i++) {
    FILE *f = strcmp(paths[i], "-") == 0 ? stdin : fopen(paths[i], "rb");
    if (!f) {
      fprintf(stderr, "precis: %s: %s\n", paths[i], strerror(errno));
      worst = 2;
      continue;
    }
    int r = S_jsonl_stream(c, o, f, paths[i]);
    if (f != stdin) fclose(f);
    if (r > worst) worst = r;
  }
  return worst ? EXIT_USAGE : EXIT_OK;
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
    rc = S_run_jsonl(c, &o, npaths, paths);
    precis_cluster_free(c);
    goto out;
  }
  if (npaths == 0) {
    char *text;
    size_t len;
    if (read_stream(stdin, INPUT_MAX_FILE_BYTES, &text, &len) != 0) {
      fprintf(stderr, "precis: <stdin>: %s\n", strerror(errno));
      rc = EXIT_USAGE;
    } else {
      if (add_articles(c, "<stdin>", "stdin", text, len, 0, o.verbose) < 0)
        rc = EXIT_USAGE;
      free(text);
    }
  }
  for (int i = 0; i < npaths && rc == EXIT_OK; i++) {
    struct stat sb;
    const char *p = paths[i];
    if (stat(p, &sb) != 0) {
      fprintf(stderr, "precis: %s: %s\n", p, strerror(errno));
      rc = EXIT_USAGE;
    } else if (S_ISDIR(sb.st_mode)) {
      if (S_add_dir(c, p, &o) != 0) rc = EXIT_USAGE;
    } else if (S_add_file(c, p, &o) < 0) {
      rc = EXIT_USAGE;
    }
  }
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
