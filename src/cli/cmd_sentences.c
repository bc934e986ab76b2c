/* cmd_sentences.c — `precis sentences`: split text into sentences, one per
 * output line, with the library's splitter (precis_split_sentences).
 *
 *   precis sentences [--offsets] [FILE...]     (no FILE or "-": stdin)
 *
 * Line feeds inside a sentence (joined hard-wrapped lines) are printed as
 * spaces. With --offsets each line is "OFFSET<TAB>LENGTH<TAB>SENTENCE",
 * byte offsets into that file's bytes as read (no cleaning is applied).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "input.h"
#include "precis.h"

static void S_usage(FILE *f) {
  fputs("usage: precis sentences [--offsets] [FILE...]\n"
        "\n"
        "Split UTF-8 text into sentences and print one per line (line\n"
        "feeds inside a sentence become spaces). Reads stdin when no FILE\n"
        "is given or FILE is \"-\".\n"
        "\n"
        "  --offsets   print OFFSET<TAB>LENGTH<TAB>SENTENCE (byte offsets)\n"
        "  -h, --help  show this help\n",
        f);
}

/* Print one sentence with line feeds mapped to spaces. */
static void S_put_sentence(const char *s, size_t len, FILE *out) {
  while (len > 0) {
    const char *nl = memchr(s, '\n', len);
    size_t k = nl ? (size_t)(nl - s) : len;
    fwrite(s, 1, k, out);
    if (!nl) break;
    putc(' ', out);
    s += k + 1;
    len -= k + 1;
  }
  putc('\n', out);
}

/* Split and print one input; returns an exit status. */
static int S_split_print(const char *label, const char *text, size_t len,
                         int offsets, FILE *out) {
  precis_span *sp = NULL;
  size_t n = 0;
  precis_status st = precis_split_sentences(text, len, &sp, &n);
  if (st != PRECIS_OK) {
    fprintf(stderr, "precis sentences: %s: %s\n", label,
            precis_strerror(st));
    return EXIT_FAIL;
  }
  for (size_t i = 0; i < n; i++) {
    if (offsets) fprintf(out, "%zu\t%zu\t", sp[i].offset, sp[i].len);
    S_put_sentence(text + sp[i].offset, sp[i].len, out);
  }
  precis_free(sp);
  return EXIT_OK;
}

int cmd_sentences(int argc, char **argv) {
  int offsets = 0, nfiles = 0, rc = EXIT_OK, opts_done = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (opts_done || a[0] != '-' || strcmp(a, "-") == 0) {
      nfiles++;
    } else if (strcmp(a, "--") == 0) {
      opts_done = 1;
    } else if (strcmp(a, "--offsets") == 0) {
      offsets = 1;
    } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      S_usage(stdout);
      return EXIT_OK;
    } else {
      fprintf(stderr, "precis sentences: unknown option '%s'\n", a);
      S_usage(stderr);
      return EXIT_USAGE;
    }
  }
  opts_done = 0;
  for (int i = 1; i < argc || nfiles == 0; i++) {
    const char *a = nfiles == 0 ? "-" : argv[i];
    if (nfiles > 0 && !opts_done && a[0] == '-' && strcmp(a, "-") != 0) {
      if (strcmp(a, "--") == 0) opts_done = 1;
      continue;
    }
    char *text = NULL;
    size_t len = 0;
    int r;
    if (strcmp(a, "-") == 0) {
      errno = 0;
      r = read_stream(stdin, INPUT_MAX_FILE_BYTES, &text, &len);
      if (r != 0)
        fprintf(stderr, "precis sentences: <stdin>: %s\n",
                errno == EFBIG ? "input too large"
                : errno        ? strerror(errno)
                               : "read error");
    } else {
      r = read_file(a, INPUT_MAX_FILE_BYTES, &text, &len);
    }
    if (r != 0) {
      rc = EXIT_USAGE;
    } else {
      int r2 = S_split_print(strcmp(a, "-") == 0 ? "<stdin>" : a, text, len,
                             offsets, stdout);
      if (r2 != EXIT_OK && rc == EXIT_OK) rc = r2;
    }
    free(text);
    if (nfiles == 0) break;
  }
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "precis sentences: write error: %s\n", strerror(errno));
    return EXIT_FAIL;
  }
  return rc;
}
