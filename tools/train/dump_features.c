/* dump_features.c — developer tool for tools/train/fit.py: reads JSONL
 * clusters ({"id", "documents": ["text" | {"text"}]}) on stdin and
 * prints one TSV line per selectable sentence:
 *   id  sentence#  article#  words  f_0 .. f_{SENTFEAT_N-1}  text
 * with the features of src/lib/sentfeat.c (tabs and line feeds in the text
 * become spaces). Built by `make` (build/dump_features; `make train` runs it);
 * not installed. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "cluster.h"
#include "precis.h"
#include "sentfeat.h"

static void S_print_text(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    putchar(p[i] == '\t' || p[i] == '\n' || p[i] == '\r' ? ' ' : p[i]);
}

int main(void) {
  precis_cluster *c = precis_cluster_new();
  char *buf = NULL;
  size_t cap = 0;
  ssize_t n;
  if (!c) return 1;
  while ((n = getline(&buf, &cap, stdin)) > 0) {
    json_error_t err;
    json_t *o = json_loadb(buf, (size_t)n, 0, &err);
    const char *id = json_string_value(json_object_get(o, "id"));
    json_t *docs = json_object_get(o, "documents");
    size_t k;
    json_t *d;
    precis_cluster_reset(c);
    json_array_foreach(docs, k, d) {
      json_t *t = json_is_string(d) ? d : json_object_get(d, "text");
      if (json_is_string(t))
        (void)precis_cluster_add(c, json_string_value(t),
                                 json_string_length(t), NULL);
    }
    double *f = NULL;
    if (cluster_analyze(c, 0) == PRECIS_OK &&
        sentfeat_compute(c, &f) == PRECIS_OK) {
      for (size_t i = 0; i < c->nsents; i++) {
        const sent *s = &c->sents[i];
        if (!(s->flags & SENT_SELECTABLE)) continue;
        printf("%s\t%zu\t%u\t%u", id ? id : "", i, s->doc, s->nwords);
        for (size_t j = 0; j < SENTFEAT_N; j++)
          printf("\t%.6g", f[i * SENTFEAT_N + j]);
        putchar('\t');
        S_print_text(c->docs[s->doc].text + s->off, s->len);
        putchar('\n');
      }
    }
    free(f);
    json_decref(o);
  }
  free(buf);
  precis_cluster_free(c);
  return 0;
}
