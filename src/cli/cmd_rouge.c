/* cmd_rouge.c — `precis rouge`: ROUGE-1.5.5 scores, bit for bit.
 *
 *   precis rouge [OPTIONS] CANDIDATES_DIR REFERENCES_DIR
 *   precis rouge [OPTIONS] --pred PREDS.jsonl --ref REFS.jsonl
 *   precis rouge [OPTIONS] -z SPL|SEE|ISI LISTFILE [SYSTEM_ID]
 *   precis rouge [OPTIONS] [-a] CONFIG.xml [SYSTEM_ID]
 *
 * The scoring is the library's (precis_rouge_*, see docs/rouge.md); this
 * file owns the I/O: option parsing, the four input layouts, the data
 * directory of -e, warnings and exit codes (0 ok, 2 usage/input error,
 * 1 runtime failure).
 *
 * Directory and JSONL modes emulate the usual ROUGE wrapper layout: one
 * evaluation per id, the candidate as peer "1", so instance keys are
 * "<id>.1" and the bootstrap averages equal the wrapper's. With no scoring
 * flag they use "-n 2 -m -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u"; any
 * scoring flag switches to ROUGE-1.5.5's own defaults plus the flags.
 */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"
#include "precis.h"

#define MAX_FILE_BYTES ((size_t)1 << 30)

static const char *const S_default_flags[][2] = {
    {"-n", "2"}, {"-m", NULL},  {"-c", "95"}, {"-r", "1000"}, {"-f", "A"},
    {"-p", "0.5"}, {"-t", "0"}, {"-2", "4"},  {"-u", NULL},
};

static void S_usage(FILE *f) {
  fputs(
      "usage: precis rouge [OPTIONS] CANDIDATES_DIR REFERENCES_DIR\n"
      "       precis rouge [OPTIONS] --pred PREDS.jsonl --ref REFS.jsonl\n"
      "       precis rouge [OPTIONS] -z SPL|SEE|ISI LISTFILE [SYSTEM_ID]\n"
      "       precis rouge [OPTIONS] [-a] CONFIG.xml [SYSTEM_ID]\n"
      "\n"
      "ROUGE-1.5.5, reimplemented bit for bit: same numbers, same report.\n"
      "\n"
      "Inputs:\n"
      "  CANDIDATES_DIR  <id>.txt per candidate, one sentence per line\n"
      "  REFERENCES_DIR  <id>.txt or <id>.<annotator>.txt per reference\n"
      "  --pred FILE     JSONL lines {\"id\": ..., \"summary\": \"...\"}\n"
      "  --ref FILE      JSONL lines {\"id\": ..., \"summary\": \"...\" or\n"
      "                  [\"...\", ...]}; other fields are ignored\n"
      "                  (a summary's lines are its sentences)\n"
      "  -z FMT LIST     ROUGE file list: \"peer model1 model2...\" per line\n"
      "  CONFIG.xml      ROUGE XML configuration (<EVAL> elements)\n"
      "\n"
      "ROUGE-1.5.5 options:\n"
      "  -n N      ROUGE-1 .. ROUGE-N          -x        no ROUGE-L\n"
      "  -m        Porter stemming             -s        drop stopwords\n"
      "  -l N      keep the first N words      -b N      first N bytes\n"
      "            (candidates and references alike)\n"
      "  -w W      ROUGE-W with weight W       -2 D      skip-bigrams,\n"
      "  -u        add unigrams (ROUGE-SU)               gap <= D (-1: any)\n"
      "  -U        print ROUGE-S and ROUGE-SU\n"
      "  -f A|B    pool the references (A) or take the best one (B)\n"
      "  -p ALPHA  F = PR / ((1-ALPHA) P + ALPHA R); 0.5 = F1\n"
      "  -t 0|1|2  average items / pool tokens / print raw counts\n"
      "  -r R      bootstrap resamples (1000)  -c CF     confidence (95)\n"
      "  -d        per-item lines              -a        all systems (XML)\n"
      "  -e DIR    data: DIR/smart_common_words.txt and\n"
      "            DIR/wordnet-2.0-exceptions.tsv (default: built in)\n"
      "  -v        accepted and ignored\n"
      "\n"
      "Other options:\n"
      "  --json          JSON (averages, intervals, per-item scores)\n"
      "  --skip-missing  skip candidates without references (warning)\n"
      "                  instead of failing\n"
      "  -h, --help      show this help\n"
      "\n"
      "Directory and JSONL modes, when no scoring option (-n -m -s -x -l\n"
      "-b -w -2 -u -U -f -p -t -r -c) is given, use full-length F1 with\n"
      "stemming: -n 2 -m -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u\n"
      "Given any of them, ROUGE-1.5.5's own defaults apply plus the flags\n"
      "(without -n, no ROUGE-N is computed). Each id is one evaluation\n"
      "with system \"1\" (keys <id>.1), as in the usual ROUGE wrappers.\n"
      "See docs/rouge.md.\n",
      f);
}

static int S_fail(int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static int S_fail(int code, const char *fmt, ...) {
  va_list ap;
  fputs("precis rouge: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  return code;
}

/* Read a whole file. Returns 0, or an errno value. */
static int S_slurp(const char *path, char **out, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *b = NULL;
  size_t n = 0, cap = 0;
  *out = NULL;
  *len = 0;
  if (!f) return errno ? errno : EIO;
  for (;;) {
    if (cap - n < 65536) {
      size_t nc = cap ? cap * 2 : 65536;
      if (nc > MAX_FILE_BYTES + 65536) {
        free(b);
        fclose(f);
        return EFBIG;
      }
      char *nb = realloc(b, nc + 1);
      if (!nb) {
        free(b);
        fclose(f);
        return ENOMEM;
      }
      b = nb;
      cap = nc;
    }
    size_t got = fread(b + n, 1, cap - n, f);
    n += got;
    if (got == 0) break;
  }
  int err = ferror(f) ? (errno ? errno : EIO) : 0;
  fclose(f);
  if (err) {
    free(b);
    return err;
  }
  b[n] = '\0';
  *out = b;
  *len = n;
  return 0;
}

/* ---- command line ---- */

typedef struct flag {
  const char *name; /* "-n" ... */
  const char *val;
} flag;

typedef struct opts {
  const char *pred, *ref, *data_dir, *zfmt;
  int json, detail, all, skip_missing, help;
  const char *pos[2];
  int npos;
  flag *flags;
  size_t nflags;
} opts;

static const char *const S_scoring_flags[] = {
    "-n", "-m", "-s", "-x", "-l", "-b", "-w", "-2",
    "-u", "-U", "-f", "-p", "-t", "-r", "-c",
};

/* Parse argv into o; returns -1 ok, else an exit status. */
static int S_parse(int argc, char **argv, opts *o) {
  int only_pos = 0;
  o->flags = calloc((size_t)argc + 1, sizeof *o->flags);
  if (!o->flags) return S_fail(EXIT_FAIL, "out of memory");
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (only_pos || a[0] != '-' || a[1] == '\0') {
      if (o->npos == 2) return S_fail(EXIT_USAGE, "too many arguments: %s "
                                      "(see precis rouge --help)", a);
      o->pos[o->npos++] = a;
      continue;
    }
    if (strcmp(a, "--") == 0) {
      only_pos = 1;
      continue;
    }
    if (a[1] == '-') {
      const char *eq = strchr(a, '=');
      size_t nl = eq ? (size_t)(eq - a) : strlen(a);
      const char **dst = NULL;
      if (nl == 6 && strncmp(a, "--pred", 6) == 0) dst = &o->pred;
      if (nl == 5 && strncmp(a, "--ref", 5) == 0) dst = &o->ref;
      if (dst) {
        if (eq) {
          *dst = eq + 1;
        } else if (i + 1 < argc) {
          *dst = argv[++i];
        } else {
          return S_fail(EXIT_USAGE, "%s needs a file", a);
        }
      } else if (!eq && strcmp(a, "--json") == 0) {
        o->json = 1;
      } else if (!eq && strcmp(a, "--skip-missing") == 0) {
        o->skip_missing = 1;
      } else if (!eq && strcmp(a, "--help") == 0) {
        o->help = 1;
      } else {
        return S_fail(EXIT_USAGE, "unknown option %s (see --help)", a);
      }
      continue;
    }
    /* a cluster of one-letter flags, e.g. -ma or -n2 */
    for (const char *p = a + 1; *p; p++) {
      char c = *p, nm[3] = {'-', c, '\0'};
      int takes = strchr("nlbw2fptrcez3", c) != NULL;
      const char *val = NULL;
      if (takes) {
        if (p[1]) {
          val = p + 1;
        } else if (i + 1 < argc) {
          val = argv[++i];
        } else {
          return S_fail(EXIT_USAGE, "option -%c needs a value", c);
        }
      }
      switch (c) {
      case 'a':
        o->all = 1;
        break;
      case 'd':
        o->detail = 1;
        break;
      case 'v':
        break;
      case 'h':
      case 'H':
        o->help = 1;
        break;
      case 'e':
        o->data_dir = val;
        break;
      case 'z':
        o->zfmt = val;
        break;
      case '3':
        return S_fail(EXIT_USAGE, "-3 (Basic Elements) is not supported");
      case 'M':
        return S_fail(EXIT_USAGE, "-M is not supported");
      default: {
        const char *canon = NULL;
        size_t nf = sizeof S_scoring_flags / sizeof *S_scoring_flags;
        for (size_t f = 0; f < nf; f++)
          if (strcmp(S_scoring_flags[f], nm) == 0) canon = S_scoring_flags[f];
        if (!canon)
          return S_fail(EXIT_USAGE, "unknown option -%c (see --help)", c);
        o->flags[o->nflags].name = canon;
        o->flags[o->nflags].val = val;
        o->nflags++;
      }
      }
      if (takes) break;
    }
  }
  return -1;
}

/* Build the scoring options; returns -1 ok, else an exit status. */
static int S_options(const opts *o, int friendly, precis_rouge_options *ro,
                     char **data_buf) {
  precis_rouge_options_init(ro);
  if (friendly && o->nflags == 0) {
    size_t n = sizeof S_default_flags / sizeof S_default_flags[0];
    for (size_t i = 0; i < n; i++)
      precis_rouge_options_set(ro, S_default_flags[i][0],
                               S_default_flags[i][1]);
  }
  for (size_t i = 0; i < o->nflags; i++)
    if (precis_rouge_options_set(ro, o->flags[i].name, o->flags[i].val) !=
        PRECIS_OK)
      return S_fail(EXIT_USAGE, "bad value for %s: '%s'", o->flags[i].name,
                    o->flags[i].val ? o->flags[i].val : "");
  if (ro->word_limit >= 0 && ro->byte_limit >= 0)
    return S_fail(EXIT_USAGE, "-l and -b cannot be used together");
  if (o->data_dir) {
    static const char *const names[2] = {"smart_common_words.txt",
                                         "wordnet-2.0-exceptions.tsv"};
    for (int k = 0; k < 2; k++) {
      size_t pl = strlen(o->data_dir) + strlen(names[k]) + 2;
      char *path = malloc(pl);
      size_t len;
      if (!path) return S_fail(EXIT_FAIL, "out of memory");
      snprintf(path, pl, "%s/%s", o->data_dir, names[k]);
      int e = S_slurp(path, &data_buf[k], &len);
      if (e) {
        S_fail(EXIT_USAGE, "cannot read %s: %s", path, strerror(e));
        free(path);
        return EXIT_USAGE;
      }
      free(path);
      if (k == 0) {
        ro->stopword_list = data_buf[0];
        ro->stopword_list_len = len;
      } else {
        ro->exception_table = data_buf[1];
        ro->exception_table_len = len;
      }
    }
  }
  return -1;
}

/* ---- scoring helpers ---- */

/* Add one instance; returns -1 ok, else an exit status. */
static int S_add(precis_rouge *r, const char *eval, const char *peer,
                 precis_rouge_format fmt, const char *cand, size_t cl,
                 char **refs, size_t *lens, size_t k) {
  precis_status st = precis_rouge_add(r, eval, peer, fmt, cand, cl,
                                      (const char *const *)refs, lens, k);
  if (st == PRECIS_OK) return -1;
  const char *detail = precis_rouge_error(r);
  if (st == PRECIS_ERR_NOMEM) return S_fail(EXIT_FAIL, "out of memory");
  return S_fail(st == PRECIS_ERR_EMPTY || st == PRECIS_ERR_TOO_BIG
                    ? EXIT_USAGE
                    : EXIT_FAIL,
                "%s", detail[0] ? detail : precis_strerror(st));
}

static int S_finish(precis_rouge *r, const opts *o) {
  precis_status st = precis_rouge_compute(r);
  if (st != PRECIS_OK) {
    const char *d = precis_rouge_error(r);
    return S_fail(st == PRECIS_ERR_INVALID_ARG ? EXIT_USAGE : EXIT_FAIL,
                  "%s", d[0] ? d : precis_strerror(st));
  }
  if (precis_rouge_item_count(r) == 0)
    fputs("precis rouge: warning: nothing to score\n", stderr);
  unsigned fl = (o->detail ? PRECIS_ROUGE_RENDER_ITEMS : 0) |
                (o->json ? PRECIS_ROUGE_RENDER_JSON : 0);
  size_t len;
  char *out = precis_rouge_render(r, fl, &len);
  if (!out) return S_fail(EXIT_FAIL, "out of memory");
  size_t w = fwrite(out, 1, len, stdout);
  precis_free(out);
  if (w != len || fflush(stdout) != 0)
    return S_fail(EXIT_FAIL, "write error: %s", strerror(errno));
  return EXIT_OK;
}

static int S_cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static char *S_join(const char *dir, const char *name) {
  size_t n = strlen(dir) + strlen(name) + 2;
  char *p = malloc(n);
  if (p) snprintf(p, n, "%s/%s", dir, name);
  return p;
}

/* ---- mode 1: directories ---- */

/* Sorted names of the regular *.txt files of dir (no dot files); any
 * other *.txt entry (a directory, a broken link) is named in a warning. */
static int S_list_txt(const char *dir, char ***out, size_t *n) {
  DIR *d = opendir(dir);
  char **v = NULL;
  size_t cap = 0;
  *n = 0;
  if (!d) return S_fail(EXIT_USAGE, "cannot open %s: %s", dir,
                        strerror(errno));
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    size_t l = strlen(e->d_name);
    if (e->d_name[0] == '.' || l <= 4 ||
        strcmp(e->d_name + l - 4, ".txt") != 0)
      continue;
    char *path = S_join(dir, e->d_name);
    struct stat sb;
    int gone = path && stat(path, &sb) != 0;
    int reg = path && !gone && S_ISREG(sb.st_mode);
    if (path && !reg)
      fprintf(stderr, "precis rouge: warning: skipping %s: %s\n", path,
              gone ? strerror(errno) : "not a regular file");
    free(path);
    if (!reg) continue;
    if (*n == cap) {
      cap = cap ? cap * 2 : 256;
      char **nv = realloc(v, cap * sizeof *nv);
      if (!nv) break;
      v = nv;
    }
    if (!(v[*n] = strdup(e->d_name))) break;
    (*n)++;
  }
  int err = e != NULL; /* left the loop early: out of memory */
  closedir(d);
  if (err) {
    for (size_t i = 0; i < *n; i++) free(v[i]);
    free(v);
    return S_fail(EXIT_FAIL, "out of memory");
  }
  if (*n) qsort(v, *n, sizeof *v, S_cmp_str);
  *out = v;
  return -1;
}

static void S_free_list(char **v, size_t n) {
  for (size_t i = 0; v && i < n; i++) free(v[i]);
  free(v);
}

/* Index of id (name without ".txt") among the sorted candidate names. */
static long S_find_id(char **cands, size_t n, const char *id, size_t il) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    size_t cl = strlen(cands[mid]) - 4;
    size_t m = cl < il ? cl : il;
    int c = memcmp(cands[mid], id, m);
    if (c == 0) c = cl < il ? -1 : cl > il ? 1 : 0;
    if (c == 0) return (long)mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return -1;
}

static int S_run_dirs(precis_rouge *r, const opts *o) {
  const char *cdir = o->pos[0], *rdir = o->pos[1];
  char **cands = NULL, **refs = NULL, **texts = NULL;
  size_t nc = 0, nr = 0, *owner = NULL, *lens = NULL, unmatched = 0;
  int rc = S_list_txt(cdir, &cands, &nc);
  if (rc < 0) rc = S_list_txt(rdir, &refs, &nr);
  if (rc >= 0) goto done;
  /* the references of each candidate: <id>.txt, else <id>.<ann>.txt */
  owner = malloc((nr ? nr : 1) * sizeof *owner);
  texts = calloc(nr + 1, sizeof *texts);
  lens = calloc(nr + 1, sizeof *lens);
  if (!owner || !texts || !lens) {
    rc = S_fail(EXIT_FAIL, "out of memory");
    goto done;
  }
  for (size_t j = 0; j < nr; j++) {
    size_t sl = strlen(refs[j]) - 4;
    long c = S_find_id(cands, nc, refs[j], sl);
    if (c < 0) {
      const char *dot = NULL;
      for (size_t q = 0; q < sl; q++)
        if (refs[j][q] == '.') dot = refs[j] + q;
      if (dot) c = S_find_id(cands, nc, refs[j], (size_t)(dot - refs[j]));
    }
    owner[j] = c < 0 ? (size_t)-1 : (size_t)c;
    if (c < 0) unmatched++;
  }
  if (unmatched)
    fprintf(stderr,
            "precis rouge: warning: %zu reference file(s) in %s match no "
            "candidate (ignored)\n",
            unmatched, rdir);
  for (size_t i = 0; i < nc; i++) {
    size_t k = 0;
    char id[4096];
    snprintf(id, sizeof id, "%.*s", (int)(strlen(cands[i]) - 4), cands[i]);
    for (size_t j = 0; j < nr; j++) {
      if (owner[j] != i) continue;
      char *path = S_join(rdir, refs[j]);
      int e = path ? S_slurp(path, &texts[k], &lens[k]) : ENOMEM;
      if (e) rc = S_fail(EXIT_USAGE, "cannot read %s: %s", path ? path : "",
                         strerror(e));
      free(path);
      if (e) goto done_item;
      k++;
    }
    if (k == 0) {
      if (!o->skip_missing) {
        rc = S_fail(EXIT_USAGE, "no reference for id '%s' in %s", id, rdir);
        goto done;
      }
      fprintf(stderr, "precis rouge: warning: no reference for id '%s'; "
                      "skipped\n", id);
      continue;
    }
    char *cand = NULL;
    size_t cl = 0;
    char *path = S_join(cdir, cands[i]);
    int e = path ? S_slurp(path, &cand, &cl) : ENOMEM;
    if (e) {
      rc = S_fail(EXIT_USAGE, "cannot read %s: %s", path ? path : "",
                  strerror(e));
    } else {
      rc = S_add(r, id, "1", PRECIS_ROUGE_SPL, cand, cl, texts, lens, k);
    }
    free(path);
    free(cand);
  done_item:
    for (size_t j = 0; j < k; j++) {
      free(texts[j]);
      texts[j] = NULL;
    }
    if (rc >= 0) goto done;
  }
  rc = S_finish(r, o);
done:
  S_free_list(cands, nc);
  S_free_list(refs, nr);
  free(owner);
  free(texts);
  free(lens);
  return rc;
}

/* ---- mode 2: JSONL ---- */

typedef struct rec {
  char *id;
  long line;
  char **text; /* summaries */
  size_t *len;
  size_t n;
  int used;
} rec;

static void S_free_recs(rec *v, size_t n) {
  for (size_t i = 0; v && i < n; i++) {
    free(v[i].id);
    for (size_t j = 0; j < v[i].n; j++) free(v[i].text[j]);
    free(v[i].text);
    free(v[i].len);
  }
  free(v);
}

static char *S_dup(const char *s, size_t n) {
  char *p = malloc(n + 1);
  if (p) {
    if (n) memcpy(p, s, n);
    p[n] = '\0';
  }
  return p;
}

/* Fill r from one JSON line; returns NULL or a static error message. */
static const char *S_rec_from(json_t *v, int many, rec *r) {
  json_t *id = json_object_get(v, "id"), *s = json_object_get(v, "summary");
  char num[32];
  if (!json_is_object(v)) return "not a JSON object";
  if (json_is_string(id)) {
    r->id = S_dup(json_string_value(id), json_string_length(id));
  } else if (json_is_integer(id)) {
    snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
    r->id = S_dup(num, strlen(num));
  } else {
    return "\"id\" must be a string or an integer";
  }
  if (!r->id) return "out of memory";
  if (r->id[0] == '\0') return "\"id\" must not be empty";
  if (json_is_string(id) && strlen(r->id) != json_string_length(id))
    return "\"id\" must not contain NUL";
  size_t n = json_is_array(s) && many ? json_array_size(s) : 1;
  if (!json_is_string(s) && !(many && json_is_array(s)))
    return many ? "\"summary\" must be a string or an array of strings"
                : "\"summary\" must be a string";
  r->text = calloc(n + 1, sizeof *r->text);
  r->len = calloc(n + 1, sizeof *r->len);
  if (!r->text || !r->len) return "out of memory";
  for (size_t j = 0; j < n; j++) {
    json_t *e = json_is_array(s) ? json_array_get(s, j) : s;
    if (!json_is_string(e)) return "\"summary\" must hold strings";
    r->len[j] = json_string_length(e);
    if (!(r->text[j] = S_dup(json_string_value(e), r->len[j])))
      return "out of memory";
    r->n = j + 1;
  }
  return NULL;
}

static int S_cmp_rec(const void *a, const void *b) {
  const rec *x = a, *y = b;
  int c = strcmp(x->id, y->id);
  return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* Read a JSONL file into *out (sorted by id); -1 ok, else exit status. */
static int S_read_jsonl(const char *path, int many, rec **out, size_t *n) {
  FILE *f = fopen(path, "rb");
  char *line = NULL;
  size_t cap = 0, rcap = 0;
  ssize_t got;
  long lineno = 0;
  int rc = -1;
  rec *v = NULL;
  *n = 0;
  if (!f) return S_fail(EXIT_USAGE, "cannot read %s: %s", path,
                        strerror(errno));
  errno = 0;
  while ((got = getline(&line, &cap, f)) > 0) {
    lineno++;
    size_t k = 0;
    while (k < (size_t)got && strchr(" \t\r\n", line[k])) k++;
    if (k == (size_t)got) continue; /* blank line */
    json_error_t je;
    json_t *j = json_loadb(line, (size_t)got, JSON_ALLOW_NUL, &je);
    if (!j) {
      rc = S_fail(EXIT_USAGE, "%s:%ld: malformed JSON: %s", path, lineno,
                  je.text);
      break;
    }
    if (*n == rcap) {
      rcap = rcap ? rcap * 2 : 1024;
      rec *nv = realloc(v, rcap * sizeof *nv);
      if (!nv) {
        json_decref(j);
        rc = S_fail(EXIT_FAIL, "out of memory");
        break;
      }
      v = nv;
    }
    rec *r = &v[(*n)++];
    memset(r, 0, sizeof *r);
    r->line = lineno;
    const char *err = S_rec_from(j, many, r);
    json_decref(j);
    if (err) {
      rc = S_fail(EXIT_USAGE, "%s:%ld: %s", path, lineno, err);
      break;
    }
  }
  if (rc < 0 && ferror(f))
    rc = S_fail(EXIT_USAGE, "cannot read %s: %s", path, strerror(errno));
  free(line);
  fclose(f);
  if (rc < 0 && *n) {
    qsort(v, *n, sizeof *v, S_cmp_rec);
    for (size_t i = 1; i < *n && rc < 0; i++)
      if (strcmp(v[i - 1].id, v[i].id) == 0)
        rc = S_fail(EXIT_USAGE, "%s:%ld: duplicate id '%s' (first on line "
                    "%ld)", path, v[i].line, v[i].id, v[i - 1].line);
  }
  *out = v;
  return rc;
}

static rec *S_find_rec(rec *v, size_t n, const char *id) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(v[mid].id, id);
    if (c == 0) return &v[mid];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

static int S_run_jsonl(precis_rouge *r, const opts *o) {
  rec *preds = NULL, *refs = NULL;
  size_t np = 0, nr = 0;
  int rc = S_read_jsonl(o->pred, 0, &preds, &np);
  if (rc < 0) rc = S_read_jsonl(o->ref, 1, &refs, &nr);
  for (size_t i = 0; i < np && rc < 0; i++) {
    rec *p = &preds[i], *q = S_find_rec(refs, nr, p->id);
    const char *why = !q ? "no reference" : q->n == 0 ? "empty reference list"
                                                      : NULL;
    if (why) {
      if (!o->skip_missing) {
        rc = S_fail(EXIT_USAGE, "%s:%ld: id '%s': %s in %s", o->pred,
                    p->line, p->id, why, o->ref);
        break;
      }
      fprintf(stderr, "precis rouge: warning: id '%s': %s; skipped\n",
              p->id, why);
      continue;
    }
    q->used = 1;
    rc = S_add(r, p->id, "1", PRECIS_ROUGE_SPL, p->text[0], p->len[0],
               q->text, q->len, q->n);
  }
  if (rc < 0) {
    size_t unused = 0;
    for (size_t i = 0; i < nr; i++) unused += !refs[i].used;
    if (unused)
      fprintf(stderr,
              "precis rouge: warning: %zu reference id(s) of %s have no "
              "prediction (ignored)\n",
              unused, o->ref);
    rc = S_finish(r, o);
  }
  S_free_recs(preds, np);
  S_free_recs(refs, nr);
  return rc;
}

/* ---- mode 3: -z file list ---- */

static int S_format(const char *s, precis_rouge_format *fmt) {
  if (strcasecmp(s, "SPL") == 0)
    *fmt = PRECIS_ROUGE_SPL;
  else if (strcasecmp(s, "SEE") == 0)
    *fmt = PRECIS_ROUGE_SEE;
  else if (strcasecmp(s, "ISI") == 0)
    *fmt = PRECIS_ROUGE_ISI;
  else if (strcasecmp(s, "SIMPLE") == 0)
    return S_fail(EXIT_USAGE, "input format SIMPLE (Basic Elements) is not "
                  "supported");
  else
    return S_fail(EXIT_USAGE, "unknown input format '%s'", s);
  return -1;
}

/* Read a peer file and n model files, then add the instance. */
static int S_add_files(precis_rouge *r, const char *eval, const char *peer,
                       precis_rouge_format fmt, const char *peer_path,
                       char **model_paths, size_t n) {
  char **texts = calloc(n + 1, sizeof *texts), *cand = NULL;
  size_t *lens = calloc(n + 1, sizeof *lens), cl = 0;
  int rc = -1;
  if (!texts || !lens) {
    rc = S_fail(EXIT_FAIL, "out of memory");
    goto done;
  }
  for (size_t j = 0; j <= n && rc < 0; j++) {
    const char *path = j == 0 ? peer_path : model_paths[j - 1];
    int e = j == 0 ? S_slurp(path, &cand, &cl)
                   : S_slurp(path, &texts[j - 1], &lens[j - 1]);
    if (e) rc = S_fail(EXIT_USAGE, "cannot read %s: %s", path, strerror(e));
  }
  if (rc < 0) rc = S_add(r, eval, peer, fmt, cand, cl, texts, lens, n);
done:
  for (size_t j = 0; texts && j < n; j++) free(texts[j]);
  free(texts);
  free(lens);
  free(cand);
  return rc;
}

static int S_run_list(precis_rouge *r, const opts *o) {
  precis_rouge_format fmt;
  int rc = S_format(o->zfmt, &fmt);
  const char *peer = o->npos > 1 ? o->pos[1] : "X";
  char *text = NULL;
  size_t len = 0;
  if (rc >= 0) return rc;
  int e = S_slurp(o->pos[0], &text, &len);
  if (e) return S_fail(EXIT_USAGE, "cannot read %s: %s", o->pos[0],
                       strerror(e));
  char **names = malloc((len / 2 + 2) * sizeof *names);
  if (!names) {
    free(text);
    return S_fail(EXIT_FAIL, "out of memory");
  }
  long lineno = 0, eval = 0;
  char *p = text, *end = text + len;
  while (p < end && rc < 0) {
    char *nl = memchr(p, '\n', (size_t)(end - p));
    char *le = nl ? nl : end;
    lineno++;
    size_t k = 0;
    if (*p != '#') {
      char *q = p;
      while (q < le) {
        while (q < le && strchr(" \t\r\v\f", *q)) q++;
        if (q == le) break;
        names[k++] = q;
        while (q < le && !strchr(" \t\r\v\f", *q)) q++;
        *q++ = '\0'; /* q <= le: overwrites a blank, the LF or the NUL */
      }
    }
    p = le + 1;
    if (k == 0) continue;
    if (k < 2) {
      rc = S_fail(EXIT_USAGE, "%s:%ld: need a peer file and at least one "
                  "model file", o->pos[0], lineno);
      break;
    }
    char id[32];
    snprintf(id, sizeof id, "%ld", ++eval);
    rc = S_add_files(r, id, peer, fmt, names[0], names + 1, k - 1);
  }
  free(names);
  free(text);
  return rc < 0 ? S_finish(r, o) : rc;
}

/* ---- mode 4: XML configuration ---- */

static int S_name_is(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE &&
         strcasecmp((const char *)n->name, name) == 0;
}

/* Attribute by case-insensitive name; malloc'd (xmlFree) or NULL. */
static char *S_attr(const xmlNode *n, const char *name) {
  for (const xmlAttr *a = n->properties; a; a = a->next)
    if (strcasecmp((const char *)a->name, name) == 0)
      return (char *)xmlNodeListGetString(n->doc, a->children, 1);
  return NULL;
}

/* Element text without surrounding whitespace; malloc'd or NULL. */
static char *S_text(const xmlNode *n) {
  xmlChar *c = xmlNodeGetContent(n);
  if (!c) return NULL;
  const char *s = (const char *)c;
  size_t l = strlen(s);
  while (l && strchr(" \t\r\n\v\f", s[l - 1])) l--;
  while (l && strchr(" \t\r\n\v\f", *s)) {
    s++;
    l--;
  }
  char *out = S_dup(s, l);
  xmlFree(c);
  return out;
}

static const xmlNode *S_find(const xmlNode *n, const char *name) {
  for (; n; n = n->next) {
    if (S_name_is(n, name)) return n;
    const xmlNode *f = S_find(n->children, name);
    if (f) return f;
  }
  return NULL;
}

/* Collect EVAL elements in document order. */
static int S_evals(const xmlNode *n, const xmlNode ***v, size_t *k,
                   size_t *cap) {
  for (; n; n = n->next) {
    if (S_name_is(n, "EVAL")) {
      if (*k == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        const xmlNode **nv = realloc(*v, *cap * sizeof *nv);
        if (!nv) return 0;
        *v = nv;
      }
      (*v)[(*k)++] = n;
    } else if (!S_evals(n->children, v, k, cap)) {
      return 0;
    }
  }
  return 1;
}

static char *S_path(const char *root, const char *name) {
  if (!root || !root[0]) return S_dup(name, strlen(name));
  return S_join(root, name);
}

/* The P or M children of the PEERS/MODELS element of ev. */
static size_t S_members(const xmlNode *ev, const char *group,
                        const char *tag, const xmlNode **out, size_t max) {
  const xmlNode *g = S_find(ev->children, group);
  size_t k = 0;
  for (const xmlNode *c = g ? g->children : NULL; c && k < max; c = c->next)
    if (S_name_is(c, tag)) out[k++] = c;
  return k;
}

static size_t S_count_children(const xmlNode *n) {
  size_t k = 0;
  for (; n; n = n->next) k += 1 + S_count_children(n->children);
  return k;
}

static int S_eval_one(precis_rouge *r, const xmlNode *ev, char **peers,
                      size_t npeers, const char *config) {
  int rc = -1;
  char *id = S_attr(ev, "ID"), *proot = NULL, *mroot = NULL, *type = NULL;
  size_t max = S_count_children(ev->children) + 1, nm, np;
  const xmlNode **mem = malloc(max * sizeof *mem);
  const xmlNode **pm = malloc(max * sizeof *pm);
  char **mpaths = calloc(max, sizeof *mpaths);
  const xmlNode *n;
  precis_rouge_format fmt = PRECIS_ROUGE_SPL;
  if (!mem || !pm || !mpaths) {
    rc = S_fail(EXIT_FAIL, "out of memory");
    goto done;
  }
  if (!id || !id[0]) {
    rc = S_fail(EXIT_USAGE, "%s: an EVAL element has no ID", config);
    goto done;
  }
  if ((n = S_find(ev->children, "PEER-ROOT")) != NULL) proot = S_text(n);
  if ((n = S_find(ev->children, "MODEL-ROOT")) != NULL) mroot = S_text(n);
  if ((n = S_find(ev->children, "INPUT-FORMAT")) != NULL)
    type = S_attr(n, "TYPE");
  if (!type) {
    rc = S_fail(EXIT_USAGE, "%s: EVAL %s: no INPUT-FORMAT TYPE", config, id);
    goto done;
  }
  if ((rc = S_format(type, &fmt)) >= 0) goto done;
  nm = S_members(ev, "MODELS", "M", mem, max);
  if (nm == 0) {
    rc = S_fail(EXIT_USAGE, "%s: EVAL %s has no models", config, id);
    goto done;
  }
  for (size_t j = 0; j < nm; j++) {
    char *t = S_text(mem[j]);
    mpaths[j] = t ? S_path(mroot, t) : NULL;
    free(t);
    if (!mpaths[j]) {
      rc = S_fail(EXIT_FAIL, "out of memory");
      goto done;
    }
  }
  np = S_members(ev, "PEERS", "P", pm, max);
  for (size_t i = 0; i < npeers && rc < 0; i++) {
    const xmlNode *hit = NULL;
    for (size_t j = 0; j < np && !hit; j++) {
      char *pid = S_attr(pm[j], "ID");
      if (pid && strcmp(pid, peers[i]) == 0) hit = pm[j];
      xmlFree(pid);
    }
    if (!hit) {
      fprintf(stderr, "precis rouge: warning: EVAL %s has no peer %s; no "
                      "instance\n", id, peers[i]);
      continue;
    }
    char *t = S_text(hit), *ppath = t ? S_path(proot, t) : NULL;
    free(t);
    if (!ppath) {
      rc = S_fail(EXIT_FAIL, "out of memory");
      break;
    }
    rc = S_add_files(r, id, peers[i], fmt, ppath, mpaths, nm);
    free(ppath);
  }
done:
  for (size_t j = 0; mpaths && j < max; j++) free(mpaths[j]);
  free(mpaths);
  free(mem);
  free(pm);
  xmlFree(id);
  free(proot);
  free(mroot);
  xmlFree(type);
  return rc;
}

/* All peer ids of the configuration, sorted and unique. */
static int S_all_peers(const xmlNode **evs, size_t ne, char ***out,
                       size_t *n) {
  size_t cap = 0;
  char **v = NULL;
  *n = 0;
  for (size_t e = 0; e < ne; e++) {
    const xmlNode *g = S_find(evs[e]->children, "PEERS");
    for (const xmlNode *c = g ? g->children : NULL; c; c = c->next) {
      if (!S_name_is(c, "P")) continue;
      char *pid = S_attr(c, "ID");
      if (!pid) continue;
      if (*n == cap) {
        cap = cap ? cap * 2 : 64;
        char **nv = realloc(v, cap * sizeof *nv);
        if (!nv) {
          xmlFree(pid);
          S_free_list(v, *n);
          return 0;
        }
        v = nv;
      }
      v[*n] = S_dup(pid, strlen(pid));
      xmlFree(pid);
      if (!v[*n]) {
        S_free_list(v, *n);
        return 0;
      }
      (*n)++;
    }
  }
  if (*n) qsort(v, *n, sizeof *v, S_cmp_str);
  size_t k = 0;
  for (size_t i = 0; i < *n; i++) {
    if (k && strcmp(v[k - 1], v[i]) == 0)
      free(v[i]);
    else
      v[k++] = v[i];
  }
  *n = k;
  *out = v;
  return 1;
}

static int S_run_xml(precis_rouge *r, const opts *o) {
  const char *config = o->pos[0];
  char *text = NULL, **peers = NULL;
  size_t len = 0, npeers = 0, ne = 0, ecap = 0;
  const xmlNode **evs = NULL;
  int rc = -1;
  if (!o->all && o->npos < 2)
    return S_fail(EXIT_USAGE, "%s: give -a (all systems) or a SYSTEM_ID",
                  config);
  int e = S_slurp(config, &text, &len);
  if (e) return S_fail(EXIT_USAGE, "cannot read %s: %s", config,
                       strerror(e));
  if (len > (size_t)2147483647) {
    free(text);
    return S_fail(EXIT_USAGE, "%s: too big", config);
  }
  xmlDoc *doc = xmlReadMemory(text, (int)len, config, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOERROR |
                                  XML_PARSE_NOWARNING);
  free(text);
  if (!doc) {
    const xmlError *xe = xmlGetLastError();
    return S_fail(EXIT_USAGE, "%s:%d: malformed XML: %s", config,
                  xe ? xe->line : 0,
                  xe && xe->message ? xe->message : "parse error\n");
  }
  if (!S_evals(xmlDocGetRootElement(doc), &evs, &ne, &ecap)) {
    rc = S_fail(EXIT_FAIL, "out of memory");
    goto done;
  }
  if (o->all) {
    if (!S_all_peers(evs, ne, &peers, &npeers)) {
      rc = S_fail(EXIT_FAIL, "out of memory");
      goto done;
    }
  } else {
    peers = malloc(sizeof *peers);
    if (!peers || !(peers[0] = S_dup(o->pos[1], strlen(o->pos[1])))) {
      rc = S_fail(EXIT_FAIL, "out of memory");
      goto done;
    }
    npeers = 1;
  }
  for (size_t i = 0; i < ne && rc < 0; i++)
    rc = S_eval_one(r, evs[i], peers, npeers, config);
  if (rc < 0) rc = S_finish(r, o);
done:
  S_free_list(peers, npeers);
  free(evs);
  xmlFreeDoc(doc);
  return rc;
}

/* ---- entry point ---- */

int cmd_rouge(int argc, char **argv) {
  opts o;
  precis_rouge_options ro;
  precis_rouge *r = NULL;
  char *data[2] = {NULL, NULL};
  memset(&o, 0, sizeof o);
  int rc = S_parse(argc, argv, &o);
  if (rc >= 0) goto done;
  if (o.help) {
    S_usage(stdout);
    rc = EXIT_OK;
    goto done;
  }
  int jsonl = o.pred || o.ref;
  if (jsonl && (!o.pred || !o.ref || o.npos || o.zfmt)) {
    rc = S_fail(EXIT_USAGE, "JSONL mode needs --pred FILE and --ref FILE "
                "and nothing else");
    goto done;
  }
  if (!jsonl && o.npos == 0) {
    S_usage(stderr);
    rc = EXIT_USAGE;
    goto done;
  }
  struct stat sb;
  int first_dir = !jsonl && stat(o.pos[0], &sb) == 0 && S_ISDIR(sb.st_mode);
  int dirs = first_dir && !o.zfmt && o.npos == 2;
  if (first_dir && !dirs) {
    rc = S_fail(EXIT_USAGE, "%s is a directory: give CANDIDATES_DIR "
                "REFERENCES_DIR (see --help)", o.pos[0]);
    goto done;
  }
  if ((rc = S_options(&o, jsonl || dirs, &ro, data)) >= 0) goto done;
  precis_status st = precis_rouge_new(&ro, &r);
  if (st != PRECIS_OK) {
    rc = S_fail(st == PRECIS_ERR_NOMEM ? EXIT_FAIL : EXIT_USAGE,
                "cannot set up the scorer: %s%s", precis_strerror(st),
                st == PRECIS_ERR_PARSE ? " (exception table)" : "");
    goto done;
  }
  if (jsonl)
    rc = S_run_jsonl(r, &o);
  else if (o.zfmt)
    rc = S_run_list(r, &o);
  else if (dirs)
    rc = S_run_dirs(r, &o);
  else
    rc = S_run_xml(r, &o);
done:
  precis_rouge_free(r);
  free(data[0]);
  free(data[1]);
  free(o.flags);
  return rc;
}
