/* cmd_sentences.c — `precis sentences`: split text into sentences, one per
 * output line, with the library's splitter (precis_split_sentences).
 *
 *   precis sentences [--offsets] [FILE...]     (no FILE or "-": stdin)
 *
 * Line feeds inside a sentence (joined hard-wrapped lines) are printed as
 * spaces. With --offsets each line is "OFFSET<TAB>LENGTH<TAB>SENTENCE",
 * byte offsets into that file's bytes as read (no cleaning is applied).
 * Invalid UTF-8 is printed as U+FFFD (counted on stderr); a binary file
 * is an input error (exit 2), as for the main command.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "cli.h"
#include "input.h"
#include "precis.h"

static void S_usage(FILE *f) {
  fputs("usage: precis sentences [--offsets] [FILE...]\n"
        "\n"
        "Split UTF-8 text into sentences and print one per line (line\n"
        "feeds inside a sentence become spaces). Reads stdin when no FILE\n"
        "is given or FILE is \"-\". Invalid UTF-8 is printed as U+FFFD\n"
        "(counted on stderr); binary input is an error (exit 2).\n"
        "\n"
        "  --offsets   print OFFSET<TAB>LENGTH<TAB>SENTENCE (byte offsets)\n"
        "  -h, --help  show this help\n",
        f);
}

/* Print one sentence with line feeds mapped to spaces and each invalid
 * UTF-8 sequence (utf8proc_iterate's judgement) as U+FFFD, so the output
 * is always UTF-8; offsets still count the input's bytes. Returns the
 * number of sequences replaced. */
static size_t S_put_sentence(const char *s, size_t len, FILE *out) {
  size_t done = 0, bad = 0;
  for (size_t i = 0; i < len;) {
    unsigned char c = (unsigned char)s[i];
    if (c != '\n' && c < 0x80) {
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t r =
        c == '\n' ? 0
                  : utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                     (utf8proc_ssize_t)(len - i), &cp);
    if (r > 0) {
      i += (size_t)r;
      continue;
    }
    fwrite(s + done, 1, i - done, out);
    if (c == '\n') {
      putc(' ', out);
    } else {
      fputs("\xEF\xBF\xBD", out);
      bad++;
    }
    done = ++i;
  }
  fwrite(s + done, 1, len - done, out);
  putc('\n', out);
  return bad;
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
    return st == PRECIS_ERR_BINARY ? EXIT_USAGE : EXIT_FAIL;
  }
  size_t bad = 0;
  for (size_t i = 0; i < n; i++) {
    if (offsets) fprintf(out, "%zu\t%zu\t", sp[i].offset, sp[i].len);
    bad += S_put_sentence(text + sp[i].offset, sp[i].len, out);
  }
  precis_free(sp);
  if (bad)
    fprintf(stderr,
            "precis sentences: %s: %zu invalid UTF-8 sequences printed as "
            "U+FFFD\n",
            label, bad);
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
