/* fuzz_cli_rouge.c — libFuzzer target for the input readers of `precis
 * rouge` (src/cli/rouge_input.c). The first byte picks the reader, the
 * rest is the input:
 *
 *   % 6 == 0  JSONL --pred (one summary string per line)
 *   % 6 == 1  JSONL --ref (a string or an array of strings)
 *   % 6 == 2  XML configuration, every system (-a)
 *   % 6 == 3  XML configuration, system "1"
 *   % 6 == 4  -z file list
 *   % 6 == 5  directory pairing: candidate names, an empty line, reference
 *             names (one per line; only "<stem>.txt" names are kept)
 *
 * JSONL lines are capped at 64 bytes when the byte / 6 is odd (else at
 * INPUT_MAX_FILE_BYTES, as in the command).
 *
 * The readers never open the files an input names: the instances go to a
 * callback that only checks them, and libxml2's entity loader is replaced
 * by one that loads nothing. Messages go to stderr (-close_fd_mask=2).
 *
 * Seeds: tests/fuzz/seeds/fuzz_cli_rouge/ (crash-* are inputs that
 * crashed once). Tokens: tests/fuzz/fuzz_cli_rouge.dict.
 *
 *   make -f tests/fuzz/fuzz.mk build-fuzz/fuzz_cli_rouge
 *   cp -r tests/fuzz/seeds/fuzz_cli_rouge /tmp/corpus
 *   build-fuzz/fuzz_cli_rouge -close_fd_mask=2 \
 *     -dict=tests/fuzz/fuzz_cli_rouge.dict /tmp/corpus
 */
#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "rouge_input.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c)                                                             \
  do {                                                                       \
    if (!(c)) abort();                                                       \
  } while (0)

static xmlParserInputPtr S_no_entity(const char *url, const char *id,
                                     xmlParserCtxtPtr ctxt) {
  (void)url;
  (void)id;
  (void)ctxt;
  return NULL;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  xmlInitParser();
  xmlSetExternalEntityLoader(S_no_entity);
  return 0;
}

/* A rouge_instance_fn that reads nothing: it checks what it is given. */
static int S_instance(void *ctx, const char *eval, const char *peer,
                      precis_rouge_format fmt, const char *peer_path,
                      char **model_paths, size_t n) {
  size_t *count = ctx;
  CHECK(eval && eval[0] && peer && peer_path);
  CHECK(fmt == PRECIS_ROUGE_SPL || fmt == PRECIS_ROUGE_SEE ||
        fmt == PRECIS_ROUGE_ISI);
  CHECK(n >= 1);
  for (size_t j = 0; j < n; j++) CHECK(model_paths[j] != NULL);
  (void)strlen(peer_path);
  (*count)++;
  return -1;
}

static void S_jsonl(const uint8_t *data, size_t size, int many,
                    size_t max_line) {
  char *buf = malloc(size ? size : 1);
  if (!buf) return;
  if (size) memcpy(buf, data, size);
  FILE *f = size ? fmemopen(buf, size, "rb") : NULL;
  if (!f) {
    free(buf);
    return;
  }
  rouge_rec *v = NULL;
  size_t n = 0;
  int rc = rouge_jsonl_parse(f, "fuzz.jsonl", many, max_line, &v, &n);
  fclose(f);
  CHECK(rc == -1 || rc == 1 || rc == 2);
  if (rc < 0) {
    for (size_t i = 0; i < n; i++) {
      CHECK(v[i].id && v[i].id[0]);
      CHECK(many || v[i].n == 1);
      if (i) CHECK(strcmp(v[i - 1].id, v[i].id) < 0);
      CHECK(rouge_rec_find(v, n, v[i].id) == &v[i]);
      for (size_t j = 0; j < v[i].n; j++)
        CHECK(v[i].text[j] && v[i].text[j][v[i].len[j]] == '\0');
    }
  }
  rouge_recs_free(v, n);
  free(buf);
}

static void S_xml(const uint8_t *data, size_t size, const char *system) {
  size_t count = 0;
  int rc = rouge_xml_parse((const char *)data, size, "fuzz.xml", system,
                           S_instance, &count);
  CHECK(rc == -1 || rc == 1 || rc == 2);
}

static void S_list(const uint8_t *data, size_t size) {
  size_t count = 0;
  char *text = malloc(size + 1);
  if (!text) return;
  if (size) memcpy(text, data, size);
  text[size] = '\0';
  int rc = rouge_list_parse(text, size, "fuzz.lst", "X", PRECIS_ROUGE_SPL,
                            S_instance, &count);
  CHECK(rc == -1 || rc == 1 || rc == 2);
  free(text);
}

static int S_cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void S_names(const uint8_t *data, size_t size) {
  char *text = malloc(size + 1);
  char **names = malloc((size / 2 + 2) * sizeof *names);
  size_t *owner = malloc((size / 2 + 2) * sizeof *owner);
  size_t k = 0, nc = 0;
  int refs = 0;
  if (!text || !names || !owner) goto out;
  if (size) memcpy(text, data, size);
  text[size] = '\0';
  for (char *p = text, *nl; p; p = nl ? nl + 1 : NULL) {
    nl = strchr(p, '\n');
    if (nl) *nl = '\0';
    if (!refs && p[0] == '\0' && nl) {
      refs = 1;
      nc = k;
      continue;
    }
    if (rouge_is_txt_name(p)) names[k++] = p;
  }
  if (!refs) nc = k;
  qsort(names, nc, sizeof *names, S_cmp_str);
  qsort(names + nc, k - nc, sizeof *names, S_cmp_str);
  size_t un = rouge_pair_refs(names, nc, names + nc, k - nc, owner);
  size_t un2 = 0;
  for (size_t j = 0; j < k - nc; j++) {
    if (owner[j] == (size_t)-1) {
      un2++;
      continue;
    }
    /* the candidate's id is the reference's stem or a prefix of it */
    const char *c = names[owner[j]], *r = names[nc + j];
    size_t cl = strlen(c) - 4;
    CHECK(owner[j] < nc && strncmp(c, r, cl) == 0);
    CHECK(r[cl] == '.');
  }
  CHECK(un == un2);
out:
  free(text);
  free(names);
  free(owner);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1 || size > (1 << 16)) return 0;
  unsigned op = data[0] % 6;
  size_t max_line = (data[0] / 6) & 1 ? 64 : INPUT_MAX_FILE_BYTES;
  data++;
  size--;
  switch (op) {
  case 0:
  case 1:
    S_jsonl(data, size, (int)op, max_line);
    break;
  case 2:
    S_xml(data, size, NULL);
    break;
  case 3:
    S_xml(data, size, "1");
    break;
  case 4:
    S_list(data, size);
    break;
  default:
    S_names(data, size);
  }
  return 0;
}
