/* brief.c — the smallest complete use of libprecis: summarize the articles
 * named on the command line (one article per file) to 60 words and print
 * the brief as Markdown. Build against an installed libprecis:
 *
 *   cc -o brief brief.c $(pkg-config --cflags --libs precis)
 *   ./brief story/a.txt story/b.txt
 *
 * The library never prints or reads files: this program owns the I/O. */
#include <stdio.h>
#include <stdlib.h>

#include <precis.h>

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = NULL;
  size_t cap = 0, n = 0, got;
  do {
    if (n == cap) {
      char *p = realloc(buf, cap = cap ? 2 * cap : 4096);
      if (!p) {
        free(buf);
        fclose(f);
        return NULL;
      }
      buf = p;
    }
    got = fread(buf + n, 1, cap - n, f);
    n += got;
  } while (got > 0);
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    free(buf);
    return NULL;
  }
  *len = n;
  return buf;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s ARTICLE...\n", argv[0]);
    return 2;
  }
  precis_cluster *c = precis_cluster_new();
  if (!c) return 1;
  for (int i = 1; i < argc; i++) {
    size_t len = 0;
    char *text = slurp(argv[i], &len);
    if (!text) {
      perror(argv[i]);
      precis_cluster_free(c);
      return 2;
    }
    precis_doc_meta meta = {argv[i], NULL, NULL, NULL}; /* outlet name */
    precis_status st = precis_cluster_add(c, text, len, &meta);
    free(text); /* the cluster keeps its own copy */
    if (st != PRECIS_OK)
      fprintf(stderr, "%s: %s\n", argv[i], precis_strerror(st));
  }
  precis_options o;
  precis_options_init(&o);
  o.budget = 60; /* words */
  precis_summary *s = NULL;
  precis_status st = precis_summarize(c, &o, &s);
  if (st != PRECIS_OK) {
    fprintf(stderr, "precis: %s\n", precis_strerror(st));
    precis_cluster_free(c);
    return st == PRECIS_ERR_NOMEM ? 1 : 2;
  }
  size_t n = 0;
  char *md = precis_summary_render(s, c, PRECIS_FORMAT_MARKDOWN, NULL, &n);
  int rc = md && fwrite(md, 1, n, stdout) == n ? 0 : 1;
  precis_free(md);
  precis_summary_free(s);
  precis_cluster_free(c);
  return rc;
}
