/* test_rouge_vectors.c — ROUGE-1.5.5 conformance: every vector of
 * ../shared/rouge/vectors.jsonl (343 per-item cases) and
 * ../shared/rouge/corpus_vectors.jsonl (9 corpus cases: averages,
 * intervals, per-item -d values) must print exactly the expected strings.
 *
 * One TAP line per per-item vector, and one per (corpus case, system).
 * Each case is rebuilt as the vectors were produced: every text is its
 * UTF-8 bytes plus one LF, read as SPL. Per-item cases use the instance
 * key "1.X" (a one-line -z list); corpus cases use eval_id.peer_id.
 * Besides the accessors, the rendered report (with -d) must contain every
 * expected line verbatim. The files are read at test time and never
 * copied into the repository (licences: ../shared/rouge/README.md).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "json_check.h"
#include "precis.h"

#define SHARED "../shared/rouge/"

static char diff[8192];
static size_t diff_len;

static void note(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

static void note(const char *fmt, ...) {
  va_list ap;
  if (diff_len >= sizeof diff - 1) return;
  va_start(ap, fmt);
  int n = vsnprintf(diff + diff_len, sizeof diff - diff_len, fmt, ap);
  va_end(ap);
  if (n > 0) diff_len += (size_t)n;
  if (diff_len > sizeof diff - 1) diff_len = sizeof diff - 1;
}

/* Text + LF, as the vector files were written. */
static char *with_lf(json_object *s, size_t *len) {
  const char *v = jstr(s);
  size_t l = v ? (size_t)json_object_get_string_len(s) : 0;
  char *out = malloc(l + 2);
  if (!out) return NULL;
  memcpy(out, v ? v : "", l);
  out[l] = '\n';
  out[l + 1] = '\0';
  *len = l + 1;
  return out;
}

/* Next space-separated word of *s (modified in place), or NULL. */
static char *next_word(char **s) {
  while (**s == ' ') (*s)++;
  if (!**s) return NULL;
  char *w = *s;
  while (**s && **s != ' ') (*s)++;
  if (**s) *(*s)++ = '\0';
  return w;
}

/* Apply a vector's option string; -a/-d/-z... are not scoring flags. */
static int set_options(precis_rouge_options *o, const char *opts) {
  char *copy = strdup(opts ? opts : ""), *cur = copy;
  int ok = copy != NULL;
  precis_rouge_options_init(o);
  for (char *t = copy ? next_word(&cur) : NULL; t && ok;
       t = next_word(&cur)) {
    int ar = precis_rouge_flag_arity(t);
    if (ar < 0) continue; /* -a */
    const char *v = ar ? next_word(&cur) : NULL;
    if (precis_rouge_options_set(o, t, v) != PRECIS_OK) ok = 0;
  }
  free(copy);
  return ok;
}

static long metric_index(const precis_rouge *r, const char *name) {
  for (size_t m = 0; m < precis_rouge_metric_count(r); m++)
    if (strcmp(precis_rouge_metric_name(r, m), name) == 0) return (long)m;
  return -1;
}

static long peer_index(const precis_rouge *r, const char *id) {
  for (size_t p = 0; p < precis_rouge_peer_count(r); p++)
    if (strcmp(precis_rouge_peer_id(r, p), id) == 0) return (long)p;
  return -1;
}

static int cmp5(const char *what, double got, json_object *want) {
  char g[64];
  const char *w = jstr(want);
  snprintf(g, sizeof g, "%.5f", got);
  if (w && strcmp(g, w) == 0) return 1;
  note("#   %s: got %s, want %s\n", what, g, w ? w : "(missing)");
  return 0;
}

static int cmpg(const char *what, double got, json_object *want) {
  char g[64];
  const char *w = jstr(want);
  snprintf(g, sizeof g, "%.15g", got);
  if (w && strcmp(g, w) == 0) return 1;
  note("#   %s: got %s, want %s\n", what, g, w ? w : "(missing)");
  return 0;
}

static int has_line(const char *report, const char *line) {
  size_t l = strlen(line);
  for (const char *p = report; (p = strstr(p, line)) != NULL; p++)
    if ((p == report || p[-1] == '\n') && p[l] == '\n') return 1;
  note("#   report lacks: %s\n", line);
  return 0;
}

/* ---- per-item vectors ---- */

static int run_vector(json_object *v) {
  precis_rouge_options o;
  precis_rouge *r = NULL;
  int ok = 1;
  char *cand = NULL, **refs = NULL, *report = NULL;
  size_t *lens = NULL, cl = 0;
  json_object *jrefs = jget(v, "references");
  json_object *exp = jget(v, "expected");
  size_t k = jlen(jrefs);
  if (!set_options(&o, jstr(jget(v, "options")))) {
    note("#   bad options\n");
    return 0;
  }
  if (precis_rouge_new(&o, &r) != PRECIS_OK) {
    note("#   precis_rouge_new failed\n");
    return 0;
  }
  refs = calloc(k + 1, sizeof *refs);
  lens = calloc(k + 1, sizeof *lens);
  cand = with_lf(jget(v, "candidate"), &cl);
  if (!refs || !lens || !cand) {
    ok = 0;
    goto done;
  }
  for (size_t j = 0; j < k; j++) {
    refs[j] = with_lf(jidx(jrefs, j), &lens[j]);
    if (!refs[j]) {
      ok = 0;
      goto done;
    }
  }
  precis_status st =
      precis_rouge_add(r, "1", "X", PRECIS_ROUGE_SPL, cand, cl,
                       (const char *const *)refs, lens, k);
  if (st == PRECIS_OK) st = precis_rouge_compute(r);
  if (st != PRECIS_OK) {
    note("#   status %d: %s\n", (int)st, precis_rouge_error(r));
    ok = 0;
    goto done;
  }
  report = precis_rouge_render(r, PRECIS_ROUGE_RENDER_ITEMS, NULL);
  if (!report) {
    ok = 0;
    goto done;
  }
  if (jsize(exp) != precis_rouge_metric_count(r)) {
    note("#   %zu metrics, want %zu\n", precis_rouge_metric_count(r),
         jsize(exp));
    ok = 0;
  }
  if (json_object_is_type(exp, json_type_object)) {
    json_object_object_foreach(exp, name, mv) {
      long m = metric_index(r, name);
      precis_rouge_score s;
      char what[96], line[256];
      if (m < 0 || precis_rouge_average(r, 0, (size_t)m, &s) != PRECIS_OK) {
        note("#   metric %s missing\n", name);
        ok = 0;
        continue;
      }
      snprintf(what, sizeof what, "%s R", name);
      ok &= cmp5(what, s.r, jget(mv, "R"));
      snprintf(what, sizeof what, "%s P", name);
      ok &= cmp5(what, s.p, jget(mv, "P"));
      snprintf(what, sizeof what, "%s F", name);
      ok &= cmp5(what, s.f, jget(mv, "F"));
      const char *comp[3] = {"R", "P", "F"};
      for (int c = 0; c < 3; c++) {
        const char *x = jstr(jget(mv, comp[c]));
        snprintf(line, sizeof line,
                 "X %s Average_%s: %s (95%%-conf.int. %s - %s)", name, comp[c],
                 x ? x : "?", x ? x : "?", x ? x : "?");
        ok &= has_line(report, line);
      }
      const char *xr = jstr(jget(mv, "R"));
      const char *xp = jstr(jget(mv, "P"));
      const char *xf = jstr(jget(mv, "F"));
      snprintf(line, sizeof line, "X %s Eval 1.X R:%s P:%s F:%s", name,
               xr ? xr : "?", xp ? xp : "?", xf ? xf : "?");
      ok &= has_line(report, line);
    }
  }
done:
  for (size_t j = 0; refs && j < k; j++) free(refs[j]);
  free(refs);
  free(lens);
  free(cand);
  precis_free(report);
  precis_rouge_free(r);
  return ok;
}

/* ---- corpus vectors ---- */

static precis_rouge *build_corpus(json_object *c, int *tmode) {
  precis_rouge_options o;
  precis_rouge *r = NULL;
  if (!set_options(&o, jstr(jget(c, "options")))) return NULL;
  *tmode = o.count_mode;
  if (precis_rouge_new(&o, &r) != PRECIS_OK) return NULL;
  json_object *items = jget(c, "items");
  for (size_t i = 0; i < jlen(items); i++) {
    json_object *it = jidx(items, i);
    json_object *jrefs = jget(it, "references");
    size_t k = jlen(jrefs), cl = 0;
    char **refs = calloc(k + 1, sizeof *refs);
    size_t *lens = calloc(k + 1, sizeof *lens);
    char *cand = with_lf(jget(it, "candidate"), &cl);
    int bad = !refs || !lens || !cand;
    for (size_t j = 0; j < k && !bad; j++)
      bad = !(refs[j] = with_lf(jidx(jrefs, j), &lens[j]));
    if (!bad &&
        precis_rouge_add(r, jstr(jget(it, "eval_id")),
                         jstr(jget(it, "peer_id")), PRECIS_ROUGE_SPL, cand, cl,
                         (const char *const *)refs, lens, k) != PRECIS_OK)
      bad = 1;
    for (size_t j = 0; refs && j < k; j++) free(refs[j]);
    free(refs);
    free(lens);
    free(cand);
    if (bad) {
      note("#   item %zu: %s\n", i, precis_rouge_error(r));
      precis_rouge_free(r);
      return NULL;
    }
  }
  if (precis_rouge_compute(r) != PRECIS_OK) {
    note("#   compute: %s\n", precis_rouge_error(r));
    precis_rouge_free(r);
    return NULL;
  }
  return r;
}

static long find_item(const precis_rouge *r, const char *eval,
                      const char *peer) {
  for (size_t i = 0; i < precis_rouge_item_count(r); i++)
    if (strcmp(precis_rouge_item_eval(r, i), eval) == 0 &&
        strcmp(precis_rouge_item_peer(r, i), peer) == 0)
      return (long)i;
  return -1;
}

static int check_peer(const precis_rouge *r, int tmode, const char *peer,
                      json_object *exp, json_object *per_item,
                      const char *report) {
  int ok = 1;
  long p = peer_index(r, peer);
  char what[160], line[512];
  static const char *const comp[3] = {"R", "P", "F"};
  if (p < 0) {
    note("#   system %s missing\n", peer);
    return 0;
  }
  if (json_object_is_type(exp, json_type_object)) {
    json_object_object_foreach(exp, name, mv) {
      long m = metric_index(r, name);
      precis_rouge_score s;
      if (m < 0 ||
          precis_rouge_average(r, (size_t)p, (size_t)m, &s) != PRECIS_OK) {
        note("#   metric %s missing\n", name);
        ok = 0;
        continue;
      }
      if (tmode == 2) {
        snprintf(what, sizeof what, "%s M_count", name);
        ok &= cmpg(what, s.m_count, jget(mv, "M_count"));
        snprintf(what, sizeof what, "%s P_count", name);
        ok &= cmpg(what, s.p_count, jget(mv, "P_count"));
        snprintf(what, sizeof what, "%s H_count", name);
        ok &= cmpg(what, s.h_count, jget(mv, "H_count"));
        const char *a = jstr(jget(mv, "M_count"));
        const char *b = jstr(jget(mv, "P_count"));
        const char *c = jstr(jget(mv, "H_count"));
        snprintf(line, sizeof line, "%s %s M_count: %s P_count: %s H_count: %s",
                 peer, name, a ? a : "?", b ? b : "?", c ? c : "?");
        ok &= has_line(report, line);
        continue;
      }
      double got[3][3] = {{s.r, s.r_low, s.r_high},
                          {s.p, s.p_low, s.p_high},
                          {s.f, s.f_low, s.f_high}};
      for (int c = 0; c < 3; c++) {
        char key[8];
        snprintf(key, sizeof key, "%s_ci", comp[c]);
        json_object *ci = jget(mv, key);
        snprintf(what, sizeof what, "%s %s", name, comp[c]);
        ok &= cmp5(what, got[c][0], jget(mv, comp[c]));
        snprintf(what, sizeof what, "%s %s low", name, comp[c]);
        ok &= cmp5(what, got[c][1], jidx(ci, 0));
        snprintf(what, sizeof what, "%s %s high", name, comp[c]);
        ok &= cmp5(what, got[c][2], jidx(ci, 1));
        const char *a = jstr(jget(mv, comp[c]));
        const char *lo = jstr(jidx(ci, 0));
        const char *hi = jstr(jidx(ci, 1));
        snprintf(line, sizeof line,
                 "%s %s Average_%s: %s (95%%-conf.int. %s - %s)", peer, name,
                 comp[c], a ? a : "?", lo ? lo : "?", hi ? hi : "?");
        ok &= has_line(report, line);
      }
    }
  }
  if (json_object_is_type(per_item, json_type_object)) {
    json_object_object_foreach(per_item, name, mv) {
      long m = metric_index(r, name);
      if (m < 0) {
        note("#   per-item metric %s missing\n", name);
        ok = 0;
        continue;
      }
      if (!json_object_is_type(mv, json_type_object)) continue;
      json_object_object_foreach(mv, eval, iv) {
        long i = find_item(r, eval, peer);
        precis_rouge_score s;
        if (i < 0 ||
            precis_rouge_item(r, (size_t)i, (size_t)m, &s) != PRECIS_OK) {
          note("#   item %s missing\n", eval);
          ok = 0;
          continue;
        }
        const char *k0 = tmode ? "M" : "R", *k1 = tmode ? "P" : "P",
                   *k2 = tmode ? "H" : "F";
        snprintf(what, sizeof what, "%s %s %s", name, eval, k0);
        ok &= tmode ? cmpg(what, s.m_count, jget(iv, k0))
                    : cmp5(what, s.r, jget(iv, k0));
        snprintf(what, sizeof what, "%s %s %s", name, eval, k1);
        ok &= tmode ? cmpg(what, s.p_count, jget(iv, k1))
                    : cmp5(what, s.p, jget(iv, k1));
        snprintf(what, sizeof what, "%s %s %s", name, eval, k2);
        ok &= tmode ? cmpg(what, s.h_count, jget(iv, k2))
                    : cmp5(what, s.f, jget(iv, k2));
        const char *a = jstr(jget(iv, k0));
        const char *b = jstr(jget(iv, k1));
        const char *c = jstr(jget(iv, k2));
        snprintf(line, sizeof line, "%s %s Eval %s.%s R:%s P:%s F:%s", peer,
                 name, eval, peer, a ? a : "?", b ? b : "?", c ? c : "?");
        ok &= has_line(report, line);
      }
    }
  }
  return ok;
}

static void run_corpus(json_object *c) {
  const char *id = jstr(jget(c, "id"));
  int tmode = 0;
  diff_len = 0;
  diff[0] = '\0';
  precis_rouge *r = build_corpus(c, &tmode);
  char *report =
      r ? precis_rouge_render(r, PRECIS_ROUGE_RENDER_ITEMS, NULL) : NULL;
  json_object *exp = jget(c, "expected");
  json_object *pi = jget(c, "per_item");
  /* the instance keys, sorted, must be the vector's */
  json_object *keys = jget(c, "instance_keys_sorted");
  if (json_object_is_type(exp, json_type_object)) {
    json_object_object_foreach(exp, peer, pv) {
      if (r && report) {
        json_object *kl = jget(keys, peer);
        size_t n = 0;
        for (size_t i = 0; i < precis_rouge_item_count(r); i++)
          if (strcmp(precis_rouge_item_peer(r, i), peer) == 0) n++;
        if (n != jlen(kl)) note("#   %zu instances, want %zu\n", n, jlen(kl));
      }
      int ok =
          r && report && check_peer(r, tmode, peer, pv, jget(pi, peer), report);
      OK(ok, "%s %s", id ? id : "?", peer);
      if (!ok) fputs(diff, stdout);
      diff_len = 0;
      diff[0] = '\0';
    }
  }
  precis_free(report);
  precis_rouge_free(r);
}

typedef void (*line_fn)(json_object *v, long lineno);

static void vector_line(json_object *v, long lineno) {
  const char *id = jstr(jget(v, "id"));
  diff_len = 0;
  diff[0] = '\0';
  int ok = run_vector(v);
  OK(ok, "%s", id ? id : "?");
  if (!ok) fputs(diff, stdout);
  (void)lineno;
}

static void corpus_line(json_object *v, long lineno) {
  run_corpus(v);
  (void)lineno;
}

static long each_line(const char *path, line_fn fn) {
  FILE *f = fopen(path, "rb");
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  long count = 0;
  if (!f) return -1;
  while ((n = getline(&line, &cap, f)) > 0) {
    const char *why = NULL;
    json_object *v = parse_json(line, (size_t)n, &why);
    count++;
    if (!v) {
      OK(0, "%s:%ld parses: %s", path, count, why);
      continue;
    }
    fn(v, count);
    json_object_put(v);
  }
  free(line);
  fclose(f);
  return count;
}

int main(void) {
  /* ../shared beside the repository (tests run with cwd = repo root) */
  const char *root = getenv("ROOT");
  char vec[4096], corp[4096];
  snprintf(vec, sizeof vec, "%s%s" SHARED "vectors.jsonl",
           root && *root ? root : "", root && *root ? "/" : "");
  snprintf(corp, sizeof corp, "%s%s" SHARED "corpus_vectors.jsonl",
           root && *root ? root : "", root && *root ? "/" : "");
  FILE *probe = fopen(vec, "rb");
  if (!probe) {
    printf("ok 1 - rouge vectors # skip ../shared absent\n");
    return 0;
  }
  fclose(probe);
  long nv = each_line(vec, vector_line);
  long nc = each_line(corp, corpus_line);
  INT_EQ(nv, 343, "all 343 per-item vectors were read");
  INT_EQ(nc, 9, "all 9 corpus vectors were read");
  return DONE();
}
