/* input.c — see input.h. */
#include "input.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int read_stream(FILE *f, size_t cap, char **out, size_t *len) {
  size_t n = 0, alloc = 1 << 16;
  char *p = malloc(alloc);
  if (!p) return -1;
  for (;;) {
    if (alloc - n < 2) {
      if (alloc >= cap + 2) {
        free(p);
        errno = EFBIG;
        return -1;
      }
      size_t na = alloc + alloc / 2;
      if (na > cap + 2) na = cap + 2;
      char *q = realloc(p, na);
      if (!q) {
        free(p);
        return -1;
      }
      p = q;
      alloc = na;
    }
    size_t r = fread(p + n, 1, alloc - n - 1, f);
    n += r;
    if (r == 0) {
      if (ferror(f)) {
        int e = errno ? errno : EIO;
        free(p);
        errno = e;
        return -1;
      }
      break;
    }
    if (n > cap) {
      free(p);
      errno = EFBIG;
      return -1;
    }
  }
  p[n] = '\0';
  *out = p;
  *len = n;
  return 0;
}

int read_file(const char *path, size_t cap, char **out, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "precis: %s: %s\n", path, strerror(errno));
    return -1;
  }
  errno = 0;
  int rc = read_stream(f, cap, out, len);
  int e = errno;
  fclose(f);
  if (rc != 0) {
    if (e == EFBIG)
      fprintf(stderr, "precis: %s: file larger than %zu bytes\n", path, cap);
    else
      fprintf(stderr, "precis: %s: %s\n", path,
              e ? strerror(e) : "read error");
    return -1;
  }
  return 0;
}

void outlet_from_path(const char *path, char *out, size_t outn) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  size_t n = strlen(base);
  const char *dot = strrchr(base, '.');
  if (dot && dot != base) n = (size_t)(dot - base);
  if (n >= outn) n = outn - 1;
  memcpy(out, base, n);
  out[n] = '\0';
}

/* Next separator at or after `from`; sets *seplen. NULL if none. */
static const char *S_next_sep(const char *s, size_t len, size_t from,
                              size_t *seplen) {
  static const char *const seps[] = {"|||||", "story_separator_special_tag"};
  const char *best = NULL;
  for (size_t k = 0; k < 2; k++) {
    size_t m = strlen(seps[k]);
    const char *p = s + from;
    const char *end = s + len;
    while (p + m <= end) {
      const char *q = memchr(p, seps[k][0], (size_t)(end - p));
      if (!q || q + m > end) break;
      if (memcmp(q, seps[k], m) == 0) {
        if (!best || q < best) {
          best = q;
          *seplen = m;
        }
        break;
      }
      p = q + 1;
    }
  }
  return best;
}

static int S_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\n' && s[i] != '\r' && s[i] != '\t')
      return 0;
  return 1;
}

static int S_add_one(precis_cluster *c, const char *label, const char *name,
                     const char *text, size_t len, int is_html, int verbose) {
  precis_doc_meta meta = {name, NULL, NULL, NULL};
  (void)is_html;
  (void)verbose;
  precis_status st = precis_cluster_add(c, text, len, &meta);
  if (st != PRECIS_OK) {
    fprintf(stderr, "precis: %s: %s\n", label, precis_strerror(st));
    return -1;
  }
  return 0;
}

int add_articles(precis_cluster *c, const char *label, const char *name,
                 const char *text, size_t len, int is_html, int verbose) {
  size_t seplen = 0;
  const char *sep = S_next_sep(text, len, 0, &seplen);
  if (!sep) {
    if (S_blank(text, len)) {
      fprintf(stderr, "precis: %s: empty input\n", label);
      return -1;
    }
    return S_add_one(c, label, name, text, len, is_html, verbose) == 0 ? 1
                                                                       : -1;
  }
  int added = 0, part = 0;
  size_t from = 0;
  char nm[512], lb[1024];
  for (;;) {
    size_t sl = 0;
    const char *q = S_next_sep(text, len, from, &sl);
    size_t to = q ? (size_t)(q - text) : len;
    part++;
    if (!S_blank(text + from, to - from)) {
      snprintf(nm, sizeof nm, "%s #%d", name, part);
      snprintf(lb, sizeof lb, "%s (article %d)", label, part);
      if (S_add_one(c, lb, nm, text + from, to - from, is_html, verbose) != 0)
        return -1;
      added++;
    }
    if (!q) break;
    from = to + sl;
  }
  if (added == 0) {
    fprintf(stderr, "precis: %s: no articles between separators\n", label);
    return -1;
  }
  return added;
}
