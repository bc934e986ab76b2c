/* cluster_input.c — see cluster_input.h. The directory reader and the
 * JSONL loop of cmd_summarize.c, as functions other commands can call. */
#include "cluster_input.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input.h"
#include "json_in.h"

static int S_cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int S_is_html_name(const char *p) {
  const char *dot = strrchr(p, '.');
  return dot && (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0);
}

/* Articles added (0 when the file was rejected), or -1. */
static int S_add_file(precis_cluster *c, const char *path, int verbose,
                      int quiet, input_log *log) {
  char *text, why[128];
  size_t len;
  if (cluster_is_full(c)) {
    input_reject(log, path, INPUT_FULL_REASON);
    return 0;
  }
  if (read_file_why(path, INPUT_MAX_FILE_BYTES, &text, &len, why,
                    sizeof why) != 0) {
    input_reject(log, path, why);
    return 0;
  }
  char name[256];
  outlet_from_path(path, name, sizeof name);
  int n = add_articles(c, path, name, text, len, S_is_html_name(path), verbose,
                       quiet, log);
  free(text);
  return n;
}

static void S_free_names(char **names, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(names[i]);
  free(names);
}

/* The names in directory d but hidden ones, sorted, into *out (*n of
 * them). 0, or -1 when out of memory (nothing to free then). */
static int S_list_dir(DIR *d, char ***out, size_t *n) {
  char **names = NULL;
  size_t cap = 0;
  struct dirent *e;
  *n = 0;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue;
    if (*n == cap) {
      cap = cap ? cap * 2 : 32;
      char **nn = realloc(names, cap * sizeof *nn);
      if (!nn) break;
      names = nn;
    }
    if ((names[*n] = strdup(e->d_name)) == NULL) break;
    ++*n;
  }
  if (e) {
    S_free_names(names, *n);
    return -1;
  }
  if (*n) qsort(names, *n, sizeof *names, S_cmp_str);
  *out = names;
  return 0;
}

/* One entry of a directory: articles added (0 when it was skipped or
 * rejected), or -1. Entries that are not regular files are skipped with a
 * warning: said even without -v, as a brief should not quietly lack an
 * input, but a warning (-q silences it), as precis does not mean to read
 * them. */
static int S_dir_entry(precis_cluster *c, const char *full, int verbose,
                       int quiet, input_log *log) {
  struct stat sb;
  int gone = stat(full, &sb) != 0;
  if (!gone && S_ISREG(sb.st_mode))
    return S_add_file(c, full, verbose, quiet, log);
  if (!quiet)
    fprintf(stderr, "precis: %s: skipped (%s)\n", full,
            gone                  ? strerror(errno)
            : S_ISDIR(sb.st_mode) ? "a directory; precis does not descend"
                                  : "not a regular file");
  return 0;
}

/* The cluster is full: directory entries first..last, k of them, are
 * not read, and are rejected as one entry, "DIR/FIRST to LAST (K
 * entries)" ("DIR/FIRST" when k is 1). */
static void S_reject_entries(input_log *log, const char *dir, const char *first,
                             const char *last, size_t k) {
  size_t n = strlen(dir) + strlen(first) + strlen(last) + 48;
  char *label = malloc(n);
  if (!label) { /* said, though not kept */
    input_reject(log, dir, INPUT_FULL_REASON);
    return;
  }
  if (k == 1)
    snprintf(label, n, "%s/%s", dir, first);
  else
    snprintf(label, n, "%s/%s to %s (%zu entries)", dir, first, last, k);
  input_reject(log, label, INPUT_FULL_REASON);
  free(label);
}

static int S_add_dir(precis_cluster *c, const char *path, int verbose,
                     int quiet, input_log *log) {
  DIR *d = opendir(path);
  if (!d) {
    input_reject(log, path, strerror(errno));
    return 0;
  }
  char **names;
  size_t n;
  int rc = S_list_dir(d, &names, &n);
  closedir(d);
  if (rc != 0) {
    fprintf(stderr, "precis: %s: out of memory\n", path);
    return -1;
  }
  size_t before = log->reported;
  int added = 0;
  for (size_t i = 0; i < n && rc == 0; i++) {
    if (cluster_is_full(c)) {
      S_reject_entries(log, path, names[i], names[n - 1], n - i);
      break;
    }
    size_t pl = strlen(path) + strlen(names[i]) + 2;
    char *full = malloc(pl);
    if (!full) {
      fprintf(stderr, "precis: %s: out of memory\n", path);
      rc = -1;
      break;
    }
    snprintf(full, pl, "%s/%s", path, names[i]);
    int k = S_dir_entry(c, full, verbose, quiet, log);
    free(full);
    if (k < 0)
      rc = -1;
    else
      added += k;
  }
  S_free_names(names, n);
  /* files that were rejected said so already */
  if (rc == 0 && added == 0 && log->reported == before)
    input_reject(log, path, "directory holds no articles");
  return rc;
}

int cluster_add_path(precis_cluster *c, const char *path, int verbose,
                     int quiet, input_log *log) {
  struct stat sb;
  if (strcmp(path, "-") == 0) return cluster_add_stdin(c, verbose, quiet, log);
  if (stat(path, &sb) != 0) {
    input_reject(log, path, strerror(errno));
    return 0;
  }
  if (S_ISDIR(sb.st_mode)) return S_add_dir(c, path, verbose, quiet, log);
  return S_add_file(c, path, verbose, quiet, log) < 0 ? -1 : 0;
}

int cluster_add_stdin(precis_cluster *c, int verbose, int quiet,
                      input_log *log) {
  char *text;
  size_t len;
  if (cluster_is_full(c)) {
    input_reject(log, "<stdin>", INPUT_FULL_REASON);
    return 0;
  }
  if (read_stream(stdin, INPUT_MAX_FILE_BYTES, &text, &len) != 0) {
    input_reject(log, "<stdin>", strerror(errno));
    return 0;
  }
  int n =
      add_articles(c, "<stdin>", "stdin", text, len, 0, verbose, quiet, log);
  free(text);
  return n < 0 ? -1 : 0;
}

/* ---- JSONL ---- */

void cluster_error_line(const char *id, const char *msg,
                        const input_log *skipped) {
  json_object *o = json_object_new_object();
  if (!o) return;
  json_object_object_add(o, "id", id ? json_object_new_string(id) : NULL);
  json_object_object_add(o, "error", json_object_new_string(msg));
  /* an empty brief, so `precis rouge --pred` can score a whole run */
  json_object_object_add(o, "summary", json_object_new_string(""));
  size_t n;
  const char *s = json_object_to_json_string_length(
      o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &n);
  if (s) {
    cluster_put_json(s, n, skipped);
    putchar('\n');
  }
  json_object_put(o);
}

/* One {"input": ..., "error": ...} element of "skipped", with `colon`
 * after a key and `comma` between members. 0 or -1. */
static int S_put_skip(const input_skip *k, const char *colon,
                      const char *comma) {
  char *in = json_in_quote(k->label), *why = json_in_quote(k->reason);
  if (in && why)
    printf("{\"input\"%s%s%s\"error\"%s%s}", colon, in, comma, colon, why);
  int rc = in && why ? 0 : -1;
  free(in);
  free(why);
  return rc;
}

static int S_space(char ch) {
  return ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t';
}

/* Whether the object json[0..len) writes ": " after its first key (the
 * brief's JSON and JSONL) rather than ":" (the report's JSONL, the
 * compact error lines). */
static int S_spaced(const char *json, size_t len) {
  const char *q = memchr(json, '"', len); /* the first key */
  for (size_t i = q ? (size_t)(q - json) + 1 : len; i < len; i++) {
    if (json[i] == '\\')
      i++;
    else if (json[i] == '"')
      return i + 2 < len && json[i + 1] == ':' && json[i + 2] == ' ';
  }
  return 0;
}

/* The member goes after the object's last value, in the object's layout:
 * a pretty object closes on a line of its own, a one-line one does not;
 * keys take ": " or ":" as the object's first one does. So the splice
 * reads the JSON's structure, not the renderer's exact trailing bytes. */
int cluster_put_json(const char *json, size_t len, const input_log *skipped) {
  size_t end = len, last;
  while (end > 0 && S_space(json[end - 1]))
    end--;
  if (!skipped || skipped->n == 0 || end < 2 || json[end - 1] != '}') {
    fwrite(json, 1, len, stdout);
    return 0;
  }
  for (last = end - 1; last > 0 && S_space(json[last - 1]); last--)
    ;
  int pretty = memchr(json + last, '\n', end - 1 - last) != NULL;
  int spaced = S_spaced(json, last);
  const char *colon = spaced ? ": " : ":", *comma = spaced ? ", " : ",";
  fwrite(json, 1, last, stdout);
  printf("%s%s\"skipped\"%s[%s", last && json[last - 1] == '{' ? "" : ",",
         pretty ? "\n  " : "", colon, pretty ? "\n    " : "");
  int rc = 0;
  for (size_t i = 0; i < skipped->n && rc == 0; i++) {
    if (i) fputs(pretty ? ",\n    " : ",", stdout);
    rc = S_put_skip(&skipped->v[i], colon, comma);
  }
  fputs(pretty ? "\n  ]" : "]", stdout);
  fwrite(json + last, 1, len - last, stdout);
  return rc;
}

/* Document i (from 0) of the line `where` cannot be added: rejected as
 * "FILE:LINE: document K", as its message names it. */
/* "WHERE: document K", K = i + 1: how a line's document is named. */
#define DOC_LABEL_MAX 1200
static void S_doc_label(char *label, const char *where, size_t i) {
  snprintf(label, DOC_LABEL_MAX, "%s: document %zu", where, i + 1);
}

static void S_reject_doc(input_log *log, const char *where, size_t i,
                         const char *why) {
  char label[DOC_LABEL_MAX];
  S_doc_label(label, where, i);
  input_reject(log, label, why);
}

/* Add document i (from 0), d, of the line `where` to c, or reject it
 * into `log`. */
static void S_load_doc(precis_cluster *c, json_object *d, const char *where,
                       size_t i, input_log *log) {
  precis_doc_meta meta = {NULL, NULL, NULL, NULL};
  const char *text = NULL, *html = NULL;
  size_t tlen = 0, hlen = 0;
  if (json_object_is_type(d, json_type_string)) {
    text = json_object_get_string(d);
    tlen = (size_t)json_object_get_string_len(d);
  } else if (json_object_is_type(d, json_type_object)) {
    text = json_in_string(d, "text", &tlen);
    html = json_in_string(d, "html", &hlen);
    meta.source = json_in_string(d, "source", NULL);
    meta.url = json_in_string(d, "url", NULL);
    meta.title = json_in_string(d, "title", NULL);
    meta.date = json_in_string(d, "date", NULL);
  }
  if (!text && !html) {
    S_reject_doc(log, where, i, "no text or html member");
    return;
  }
  html_doc hd;
  precis_status st = html_doc_resolve(&hd, text, tlen, html, hlen, &meta);
  if (st != PRECIS_OK) {
    S_reject_doc(log, where, i, html_error_message(st));
    return;
  }
  if (hd.stopped) {
    char label[DOC_LABEL_MAX];
    S_doc_label(label, where, i);
    html_warn_stopped("precis", label, hd.stopped);
  }
  st = precis_cluster_add(c, hd.text, hd.len, &hd.meta);
  html_doc_done(&hd);
  if (st != PRECIS_OK) S_reject_doc(log, where, i, precis_strerror(st));
}

/* Load one line's documents into c; those that cannot be added are
 * rejected into `log`. Each document's JSON is dropped once it is added
 * (the cluster holds its own copy): a line's text is then held once, by
 * the cluster, not also by its parse. */
static void S_load_docs(precis_cluster *c, json_object *docs, const char *where,
                        input_log *log) {
  size_t n = json_object_array_length(docs);
  for (size_t i = 0; i < n; i++) {
    if (cluster_is_full(c)) {
      char label[DOC_LABEL_MAX];
      if (i + 1 < n)
        snprintf(label, sizeof label, "%s: documents %zu to %zu", where, i + 1,
                 n);
      else
        S_doc_label(label, where, i);
      input_reject(log, label, INPUT_FULL_REASON);
      break;
    }
    S_load_doc(c, json_object_array_get_idx(docs, i), where, i, log);
    json_object_array_put_idx(docs, i, NULL);
  }
}

/* A line's buffer longer than this is freed once the line is parsed. */
#define KEEP_LINE_BUFFER ((size_t)1 << 20)

/* The line read last by lr, line[0..len). */
static int S_line(precis_cluster *c, const char *file, size_t lineno,
                  line_reader *lr, const char *line, size_t len,
                  cluster_line_fn fn, void *ctx) {
  json_in_error err;
  json_object *root = json_in_parse(line, len, &err);
  line_reader_trim(lr, KEEP_LINE_BUFFER); /* line is gone if it was long */
  char where[1100];
  snprintf(where, sizeof where, "%s:%zu", file, lineno);
  if (!root) {
    fprintf(stderr, "precis: %s: malformed JSON: %s (column %zu)\n", where,
            err.text, err.column);
    cluster_error_line(NULL, "malformed JSON", NULL);
    return 2;
  }
  char idbuf[64];
  const char *id = NULL;
  json_object *jid = NULL, *docs = NULL;
  int is_obj = json_object_is_type(root, json_type_object);
  if (is_obj) json_object_object_get_ex(root, "id", &jid);
  if (json_object_is_type(jid, json_type_string)) {
    id = json_object_get_string(jid);
  } else if (json_object_is_type(jid, json_type_int)) {
    snprintf(idbuf, sizeof idbuf, "%lld",
             (long long)json_object_get_int64(jid));
    id = idbuf;
  }
  if (is_obj) json_object_object_get_ex(root, "documents", &docs);
  if (!json_object_is_type(docs, json_type_array)) {
    fprintf(stderr,
            "precis: %s: expected an object with a \"documents\" array\n",
            where);
    cluster_error_line(id, "no documents array", NULL);
    json_object_put(root);
    return 2;
  }
  precis_cluster_reset(c);
  input_log skipped = INPUT_LOG_INIT;
  S_load_docs(c, docs, where, &skipped);
  int rc = skipped.reported ? 2 : 0, r2;
  if (skipped.n < skipped.reported) { /* the list would be incomplete */
    fprintf(stderr, "precis: %s: out of memory\n", where);
    cluster_error_line(id, precis_strerror(PRECIS_ERR_NOMEM), NULL);
    r2 = 2;
  } else {
    r2 = fn(ctx, c, id, where, &skipped);
  }
  input_log_free(&skipped);
  json_object_put(root);
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
      cluster_error_line(NULL, "line too long", NULL);
      worst = 2;
      continue;
    }
    if (st == LR_BINARY) { /* and the reader stops: input.h */
      fprintf(stderr,
              "precis: %s:%zu: binary data (a NUL byte), not JSON lines; "
              "the rest of %s is not read\n",
              name, lineno, name);
      cluster_error_line(NULL, "binary data", NULL);
      worst = 2;
      continue;
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
      n--;
    size_t k = 0;
    while (k < n && (line[k] == ' ' || line[k] == '\t'))
      k++;
    if (k == n) continue; /* blank lines are not clusters */
    int r = S_line(c, name, lineno, &lr, line, n, fn, ctx);
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
