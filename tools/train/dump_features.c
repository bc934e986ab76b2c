/* dump_features.c — developer tool for tools/train/fit.py: reads JSONL
 * clusters ({"id", "documents": ["text" | {"text"}]}) on stdin and
 * prints one TSV line per selectable sentence:
 *   id  sentence#  article#  words  f_0 .. f_{SENTFEAT_N-1}  text
 * with the features of src/lib/sentfeat.c (tabs and line feeds in the text
 * become spaces). Built by `make` (build/dump_features; `make train` runs it);
 * not installed. */
#include <json-c/json.h>
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
    json_object *o = json_tokener_parse(buf), *v = NULL, *docs = NULL;
    const char *id = NULL;
    if (json_object_object_get_ex(o, "id", &v) &&
        json_object_is_type(v, json_type_string))
      id = json_object_get_string(v);
    json_object_object_get_ex(o, "documents", &docs);
    precis_cluster_reset(c);
    size_t nd = json_object_is_type(docs, json_type_array)
                    ? json_object_array_length(docs)
                    : 0;
    for (size_t k = 0; k < nd; k++) {
      json_object *d = json_object_array_get_idx(docs, k), *t = d;
      if (!json_object_is_type(d, json_type_string))
        json_object_object_get_ex(d, "text", &t);
      if (json_object_is_type(t, json_type_string))
        (void)precis_cluster_add(c, json_object_get_string(t),
                                 (size_t)json_object_get_string_len(t), NULL);
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
    json_object_put(o);
  }
  free(buf);
  precis_cluster_free(c);
  return 0;
}
