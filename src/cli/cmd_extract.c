/* cmd_extract.c — `precis extract`: main text and metadata of HTML pages.
 *
 *   precis extract [--format text|json] [--encoding CHARSET] [--url URL]
 *                  [--max-bytes N] [FILE...]
 *
 * With no FILE (or "-") the page is read from standard input. Text format
 * prints the main text (paragraphs separated by blank lines); with several
 * files each result is preceded by a "==> FILE <==" line, as head(1) does.
 * JSON format prints one object per line and per file: {"file":...,
 * "title":..., "site_name":..., "author":..., "date":..., "url":...,
 * "language":..., "encoding":..., "text":...}.
 *
 * A page that cannot be read, is binary, empty, too big or has no main
 * text is reported on stderr as "precis extract: FILE: reason"; the other
 * files are still processed and the exit status is 2. Only the public API
 * (precis.h) is used.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "input.h"
#include "precis.h"

static void usage(FILE *f) {
  fputs("usage: precis extract [OPTIONS] [FILE...]\n"
        "\n"
        "Print the main text of saved web pages (HTML in any charset).\n"
        "Reads standard input when no FILE is given or FILE is \"-\".\n"
        "\n"
        "Options:\n"
        "  --format text|json  text (default): the article's paragraphs;\n"
        "                      json: one object per line and file with\n"
        "                      title, site_name, author, date (ISO 8601),\n"
        "                      url, language, encoding and text\n"
        "  --encoding CHARSET  charset from outside the page (an HTTP\n"
        "                      header); a BOM or valid UTF-8 still wins\n"
        "  --url URL           the page's address (resolves a relative\n"
        "                      canonical link)\n"
        "  --max-bytes N       refuse pages over N bytes (default 16 MiB)\n"
        "  -h, --help          this help\n"
        "\n"
        "Exit status: 0 ok, 2 bad usage or an input that is unreadable,\n"
        "binary, empty, too big or without main text, 1 out of memory.\n",
        f);
}

static void put_json_str(FILE *out, const char *s) {
  static const char hex[] = "0123456789abcdef";
  fputc('"', out);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    switch (*p) {
    case '"': fputs("\\\"", out); break;
    case '\\': fputs("\\\\", out); break;
    case '\n': fputs("\\n", out); break;
    case '\t': fputs("\\t", out); break;
    case '\r': fputs("\\r", out); break;
    default:
      if (*p < 0x20) {
        fputs("\\u00", out);
        fputc(hex[*p >> 4], out);
        fputc(hex[*p & 15], out);
      } else {
        fputc(*p, out);
      }
    }
  }
  fputc('"', out);
}

/* Parse a byte count with an optional k/m/g suffix; 0 on error. */
static size_t parse_size(const char *s) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s || s[0] == '-') return 0;
  unsigned long long mul = 1;
  if (*end == 'k' || *end == 'K') mul = 1024, end++;
  else if (*end == 'm' || *end == 'M') mul = 1024 * 1024, end++;
  else if (*end == 'g' || *end == 'G') mul = 1024 * 1024 * 1024, end++;
  if (*end || v > (unsigned long long)SIZE_MAX / mul) return 0;
  return (size_t)(v * mul);
}

typedef struct extract_args {
  int json;
  int many;
  precis_html_options opt;
} extract_args;

/* Extract one page; returns EXIT_OK, EXIT_USAGE (input error) or
 * EXIT_FAIL. */
static int one(const extract_args *a, const char *name, const char *data,
               size_t len, int first) {
  precis_page *page = NULL;
  precis_status st = precis_html_extract(data, len, &a->opt, &page);
  if (st != PRECIS_OK) {
    fprintf(stderr, "precis extract: %s: %s\n", name, html_error_message(st));
    return st == PRECIS_ERR_NOMEM ? EXIT_FAIL : EXIT_USAGE;
  }
  html_warn_stopped("precis extract", name, precis_page_stopped(page));
  if (a->json) {
    size_t jl;
    char *j = precis_page_render_json(page, &jl);
    if (!j) {
      precis_page_free(page);
      fprintf(stderr, "precis extract: %s: %s\n", name,
              precis_strerror(PRECIS_ERR_NOMEM));
      return EXIT_FAIL;
    }
    fputs("{\"file\":", stdout);
    put_json_str(stdout, name);
    fputc(',', stdout);
    fwrite(j + 1, 1, jl - 1, stdout); /* the object without its '{' */
    fputc('\n', stdout);
    precis_free(j);
  } else {
    size_t tl;
    const char *t = precis_page_text(page, &tl);
    if (a->many) printf("%s==> %s <==\n", first ? "" : "\n", name);
    fwrite(t, 1, tl, stdout);
    fputc('\n', stdout);
  }
  precis_page_free(page);
  return EXIT_OK;
}

int cmd_extract(int argc, char **argv) {
  extract_args a;
  int i, status = EXIT_OK, nfiles = 0, first = 1;
  memset(&a, 0, sizeof a);
  precis_html_options_init(&a.opt);
  for (i = 1; i < argc; i++) {
    const char *s = argv[i];
    if (strcmp(s, "--") == 0) {
      i++;
      break;
    }
    if (s[0] != '-' || s[1] == '\0') break;
    if (strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0) {
      usage(stdout);
      return EXIT_OK;
    }
    const char *val = NULL;
    size_t kl = strcspn(s, "=");
    if (s[kl] == '=') val = s + kl + 1;
    int takes = strncmp(s, "--format", kl) == 0 && kl == 8;
    takes |= strncmp(s, "--encoding", kl) == 0 && kl == 10;
    takes |= strncmp(s, "--url", kl) == 0 && kl == 5;
    takes |= strncmp(s, "--max-bytes", kl) == 0 && kl == 11;
    if (!takes) {
      fprintf(stderr, "precis extract: unknown option %s\n", s);
      usage(stderr);
      return EXIT_USAGE;
    }
    if (!val) {
      if (i + 1 >= argc) {
        fprintf(stderr, "precis extract: %s needs a value\n", s);
        return EXIT_USAGE;
      }
      val = argv[++i];
    }
    if (strncmp(s, "--format", kl) == 0) {
      if (strcmp(val, "json") == 0) a.json = 1;
      else if (strcmp(val, "text") == 0) a.json = 0;
      else {
        fprintf(stderr, "precis extract: --format must be text or json\n");
        return EXIT_USAGE;
      }
    } else if (strncmp(s, "--encoding", kl) == 0) {
      a.opt.encoding = val;
    } else if (strncmp(s, "--url", kl) == 0) {
      a.opt.url = val;
    } else {
      a.opt.max_bytes = parse_size(val);
      if (!a.opt.max_bytes) {
        fprintf(stderr, "precis extract: bad --max-bytes %s\n", val);
        return EXIT_USAGE;
      }
    }
  }
  nfiles = argc - i;
  a.many = nfiles > 1;
  size_t cap = a.opt.max_bytes ? a.opt.max_bytes
                               : PRECIS_HTML_MAX_BYTES_DEFAULT;
  if (cap > INPUT_MAX_FILE_BYTES) cap = INPUT_MAX_FILE_BYTES;
  for (int k = 0; k < (nfiles ? nfiles : 1); k++) {
    const char *path = nfiles ? argv[i + k] : "-";
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    char *data = NULL;
    size_t len = 0;
    int rc;
    if (strcmp(path, "-") == 0) {
      if (read_stream(stdin, cap, &data, &len) != 0) {
        fprintf(stderr, "precis extract: %s: %s\n", name,
                errno == EFBIG ? precis_strerror(PRECIS_ERR_TOO_BIG)
                               : strerror(errno));
        status = EXIT_USAGE;
        continue;
      }
    } else if (read_file(path, cap, &data, &len) != 0) {
      status = EXIT_USAGE; /* read_file named the file */
      continue;
    }
    rc = one(&a, name, data, len, first);
    first = 0;
    free(data);
    if (rc == EXIT_FAIL) status = EXIT_FAIL;
    else if (rc != EXIT_OK && status == EXIT_OK) status = rc;
  }
  fflush(stdout);
  return status;
}
