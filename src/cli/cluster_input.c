/* cluster_input.c — see cluster_input.h. The directory reader and the
 * JSONL loop of cmd_summarize.c, as functions other commands can call. */
#include "cluster_input.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input.h"

static int S_cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int S_is_html_name(const char *p) {
  const char *dot = strrchr(p, '.');
  return dot && (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0);
}

/* Articles added, or -1. */
static int S_add_file(precis_cluster *c, const char *path, int verbose) {
  char *text;
  size_t len;
  if (read_file(path, INPUT_MAX_FILE_BYTES, &text, &len) != 0) return -1;
  char name[256];
  outlet_from_path(path, name, sizeof name);
  int n = add_articles(c, path, name, text, len, S_is_html_name(path), verbose);
  free(text);
  return n;
}

static int S_add_dir(precis_cluster *c, const char *path, int verbose,
                     int quiet) {
  DIR *d = opendir(path);
  if (!d) {
    fprintf(stderr, "precis: %s: %s\n", path, strerror(errno));
    return -1;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  int rc = 0, added = 0;
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
  for (size_t i = 0; i < n; i++) {
    size_t pl = strlen(path) + strlen(names[i]) + 2;
    char *full = malloc(pl);
    if (!full) {
      fprintf(stderr, "precis: %s: out of memory\n", path);
      rc = -1;
      goto out;
    }
    snprintf(full, pl, "%s/%s", path, names[i]);
    struct stat sb;
    int gone = stat(full, &sb) != 0;
    if (gone || !S_ISREG(sb.st_mode)) {
      /* said even without -v: a brief should not quietly lack an input */
      if (!quiet)
        fprintf(stderr, "precis: %s: skipped (%s)\n", full,
                gone                  ? strerror(errno)
                : S_ISDIR(sb.st_mode) ? "a directory; precis does not descend"
                                      : "not a regular file");
      free(full);
      continue;
    }
    int k = S_add_file(c, full, verbose);
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
  for (size_t i = 0; i < n; i++)
    free(names[i]);
  free(names);
  return rc;
}

int cluster_add_path(precis_cluster *c, const char *path, int verbose,
                     int quiet) {
  struct stat sb;
  if (strcmp(path, "-") == 0) return cluster_add_stdin(c, verbose);
  if (stat(path, &sb) != 0) {
    fprintf(stderr, "precis: %s: %s\n", path, strerror(errno));
    return -1;
  }
  if (S_ISDIR(sb.st_mode)) return S_add_dir(c, path, verbose, quiet);
  return S_add_file(c, path, verbose) < 0 ? -1 : 0;
}

int cluster_add_stdin(precis_cluster *c, int verbose) {
  char *text;
  size_t len;
  if (read_stream(stdin, INPUT_MAX_FILE_BYTES, &text, &len) != 0) {
    fprintf(stderr, "precis: <stdin>: %s\n", strerror(errno));
    return -1;
  }
  int n = add_articles(c, "<stdin>", "stdin", text, len, 0, verbose);
  free(text);
  return n < 0 ? -1 : 0;
}

/* ---- JSONL ---- */

static const char *S_json_string(json_t *obj, const char *key) {
  json_t *v = json_object_get(obj, key);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

void cluster_error_line(const char *id, const char *msg) {
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

/* Load one line's documents into c; returns 0 or 2 (some document could
 * not be added). */
static int S_load_docs(precis_cluster *c, json_t *docs, const char *where) {
  int rc = 0;
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
  return rc;
}

static int S_line(precis_cluster *c, const char *file, size_t lineno,
                  const char *line, size_t len, cluster_line_fn fn, void *ctx) {
  json_error_t err;
  json_t *root = json_loadb(line, len, JSON_REJECT_DUPLICATES, &err);
  char where[1100];
  snprintf(where, sizeof where, "%s:%zu", file, lineno);
  if (!root) {
    fprintf(stderr, "precis: %s: malformed JSON: %s (column %d)\n", where,
            err.text, err.column);
    cluster_error_line(NULL, "malformed JSON");
    return 2;
  }
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
    fprintf(stderr,
            "precis: %s: expected an object with a \"documents\" array\n",
            where);
    cluster_error_line(id, "no documents array");
    json_decref(root);
    return 2;
  }
  precis_cluster_reset(c);
  int rc = S_load_docs(c, docs, where);
  int r2 = fn(ctx, c, id, where);
  json_decref(root);
  return r2 > rc ? r2 : rc;
}

int cluster_jsonl_stream(precis_cluster *c, FILE *f, const char *name,
                         size_t max_line, cluster_line_fn fn, void *ctx) {
  line_reader lr;
  const char *line;
  size_t n, lineno = 0;
  line_status st;
  int worst = 0;
  line_reader_init(&lr, f, max_line);
  while ((st = line_reader_next(&lr, &line, &n)) != LR_END) {
    if (st == LR_ERROR) {
      fprintf(stderr, "precis: %s: %s\n", name, strerror(errno));
      worst = 2;
      break;
    }
    lineno++;
    if (st == LR_TOO_LONG) {
      fprintf(stderr, "precis: %s:%zu: line longer than %zu bytes\n", name,
              lineno, max_line);
      cluster_error_line(NULL, "line too long");
      worst = 2;
      continue;
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
      n--;
    size_t k = 0;
    while (k < n && (line[k] == ' ' || line[k] == '\t'))
      k++;
    if (k == n) continue; /* blank lines are not clusters */
    int r = S_line(c, name, lineno, line, n, fn, ctx);
    if (r > worst) worst = r;
  }
  line_reader_free(&lr);
  fflush(stdout);
  return worst;
}

int cluster_jsonl_run(precis_cluster *c, int npaths, char **paths,
                      cluster_line_fn fn, void *ctx) {
  const size_t max = INPUT_MAX_FILE_BYTES; /* a line, as a whole file */
  int worst = 0;
  if (npaths == 0)
    return cluster_jsonl_stream(c, stdin, "<stdin>", max, fn, ctx) >= 2 ? 2 : 0;
  for (int i = 0; i < npaths; i++) {
    FILE *f = strcmp(paths[i], "-") == 0 ? stdin : fopen(paths[i], "rb");
    if (!f) {
      fprintf(stderr, "precis: %s: %s\n", paths[i], strerror(errno));
      worst = 2;
      continue;
    }
    int r = cluster_jsonl_stream(c, f, paths[i], max, fn, ctx);
    if (f != stdin) fclose(f);
    if (r > worst) worst = r;
  }
  return worst >= 2 ? 2 : 0;
}
