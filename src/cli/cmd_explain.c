/* cmd_explain.c — `precis explain [options] [PATH...]`: what precis kept
 * of each article and what it left out, and why, for a reader who asks
 * why a sentence is not in the brief.
 *
 * Each article is listed part by part in text order (the library's
 * precis_cluster_parts): a line the cleaner dropped and its class, a
 * sentence no brief may quote and the reason, what the cleaner cut from
 * a sentence's head (a dateline, a caption), and each quotable sentence,
 * marked when the brief (made with the same options) took it or when a
 * brief sentence states its fact (precis_summary_restated: the test that
 * cites an outlet for a brief sentence), and, when
 * ilp-pos made the brief, with the neighbour it is quoted only with
 * (precis_part.before/after; stranded: never quoted); with no
 * usable text there is no brief, and the parts say why. Text and
 * JSON (json-c builds it); --jsonl writes one JSON line per input line.
 */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_opts.h"
#include "cluster_input.h"
#include "input.h"

typedef struct explain_opts {
  cli_opts c;
  int json;
} explain_opts;

static void S_usage(FILE *out) {
  fputs("Usage: precis explain [OPTIONS] [PATH...]\n"
        "       precis explain --jsonl [OPTIONS] [FILE.jsonl...]\n"
        "\n"
        "What precis kept of each article and what it left out, and why:\n"
        "each line the cleaner dropped (with its class), each sentence no\n"
        "brief may quote (with the reason), what was cut from a sentence's\n"
        "head, and each quotable sentence, marked '*' when the brief made\n"
        "with the same options took it, '=' when a brief sentence states\n"
        "its fact in other words. Inputs as for 'precis'.\n"
        "\n"
        "  -f, --format FMT    text (default) or json\n"
        "      --jsonl         each input line is one cluster; one JSON "
        "line out\n"
        "  -w, --words N / -b, --bytes N / -s, --sentences N   the brief's "
        "budget\n"
        "  -a, --algorithm NAME  the brief's selector\n"
        "      --no-clean      keep lines the cleaner judges boilerplate\n"
        "      --max-doc-bytes N  per-article size cap\n"
        "  -q, --quiet         no warnings (errors are still reported)\n"
        "  -h, --help          this help\n"
        "\n"
        "Text lines are TAG<TAB>TEXT: '*' in the brief, '+' quotable,\n"
        "'= states brief sentence N, quoted from [K]' quotable, and the\n"
        "brief's Nth sentence (article K's) states what it states, by\n"
        "the test that cites an outlet for a brief sentence,\n"
        "'- REASON' left out, 'x CLASS' boilerplate, '~ cut' cut from the\n"
        "head of the sentence after it. With ilp-pos (the default), a\n"
        "sentence quoted only with a neighbour says so: '+ with the\n"
        "sentence before: continues a quotation'; when that neighbour\n"
        "cannot be quoted, neither can it ('- ..., which cannot be quoted').\n"
        "Exit status: 0 success, 1 internal failure, 2 usage or input "
        "error.\n",
        out);
}

/* One article's walk: the cluster and its brief (NULL when there is
 * none), where the last part ended, and the output. */
typedef struct walk {
  const precis_cluster *c;
  const precis_summary *s;
  int pairs; /* the selector keeps pairs (ilp-pos, precis_part.before) */
  size_t doc;
  const char *text;
  size_t len, end;
  json_object *parts; /* JSON, or NULL for text */
} walk;

/* The text, line feeds as spaces (the analysis's text is valid UTF-8). */
static void S_put_text(const char *t, size_t n) {
  for (size_t i = 0; i < n; i++)
    putchar(t[i] == '\n' || t[i] == '\t' ? ' ' : t[i]);
  putchar('\n');
}

/* For a sentence ilp-pos quotes only with a neighbour: "with the
 * sentence before: WHY" ("after", or "sentences before and after: WHY;
 * WHY"); for one it never quotes, the sides that strand it, with ",
 * which cannot be quoted"; "" for a sentence that stands alone. */
static const char *S_pairing(const precis_part *p, char *buf, size_t n) {
  int before =
      p->before && (!p->stranded || (p->stranded & PRECIS_STRANDED_BEFORE));
  int after =
      p->after && (!p->stranded || (p->stranded & PRECIS_STRANDED_AFTER));
  buf[0] = 0;
  if (before || after)
    snprintf(buf, n, "with the sentence%s%s%s%s%s: %s%s%s",
             before && after ? "s" : "", before ? " before" : "",
             before && after ? " and" : "", after ? " after" : "",
             p->stranded ? ", which cannot be quoted" : "",
             before ? p->before : "", before && after ? "; " : "",
             after ? p->after : "");
  return buf;
}

/* One part: TAG[ NOTE]<TAB>TEXT, or a JSON object with "why" (the
 * reason a part is left out), "brief" (`brief`, 1-based, 0 for none: a
 * brief sentence's number, or that of the brief sentence whose fact
 * another sentence states) and, for a sentence ilp-pos quotes only with
 * a neighbour, "before"/"after" (why); the text's NOTE is the why, else
 * that pairing, with the brief sentence it states: first for '=', after
 * the why for '-'. */
static void S_emit(walk *w, const char *kind, const char *tag, const char *why,
                   const precis_part *p, size_t brief, size_t off, size_t len) {
  const char *before = w->pairs && p ? p->before : NULL;
  const char *after = w->pairs && p ? p->after : NULL;
  if (w->parts) {
    json_object *o = json_object_new_object();
    json_object_object_add(o, "kind", json_object_new_string(kind));
    json_object_object_add(o, "why", why ? json_object_new_string(why) : NULL);
    if (brief)
      json_object_object_add(o, "brief", json_object_new_int64((int64_t)brief));
    if (before)
      json_object_object_add(o, "before", json_object_new_string(before));
    if (after)
      json_object_object_add(o, "after", json_object_new_string(after));
    json_object_object_add(o, "offset", json_object_new_int64((int64_t)off));
    json_object_object_add(o, "length", json_object_new_int64((int64_t)len));
    json_object_object_add(o, "text",
                           json_object_new_string_len(w->text + off, (int)len));
    json_object_array_add(w->parts, o);
    return;
  }
  char buf[256], st[96] = "";
  const char *note = why             ? why
                     : p && w->pairs ? S_pairing(p, buf, sizeof buf)
                                     : "";
  if (brief && strcmp(kind, "brief") != 0)
    snprintf(st, sizeof st, "states brief sentence %zu, quoted from [%zu]",
             brief, precis_summary_sentence(w->s, brief - 1)->doc + 1);
  /* '=': what it states first; '-': why it is left out first */
  const char *first = *tag == '=' ? st : note,
             *second = *tag == '=' ? note : st;
  fputs(tag, stdout);
  if (*first) printf(" %s%s", first, *second ? ";" : "");
  if (*second) printf(" %s", second);
  putchar('\t');
  S_put_text(w->text + off, len);
}

/* Text between the last part and `off` that is not blank: cut. */
static void S_gap(walk *w, size_t off) {
  size_t a = w->end, b = off;
  while (a < b && (w->text[a] == ' ' || w->text[a] == '\n' ||
                   w->text[a] == '\t' || w->text[a] == '\r'))
    a++;
  while (b > a && (w->text[b - 1] == ' ' || w->text[b - 1] == '\n' ||
                   w->text[b - 1] == '\t' || w->text[b - 1] == '\r'))
    b--;
  if (b > a) S_emit(w, "cut", "~", "cut", NULL, 0, a, b - a);
}

static int S_part(const precis_part *p, void *ctx) {
  walk *w = ctx;
  S_gap(w, p->offset);
  w->end = p->offset + p->len;
  long k = p->kind == PRECIS_PART_BOILERPLATE
               ? -1
               : precis_summary_restated(w->s, w->c, w->doc, p->offset);
  size_t brief = k >= 0 ? (size_t)k + 1 : 0;
  const precis_sentence *x =
      k >= 0 ? precis_summary_sentence(w->s, (size_t)k) : NULL;
  if (p->kind == PRECIS_PART_BOILERPLATE) {
    S_emit(w, "boilerplate", "x", p->why, NULL, 0, p->offset, p->len);
  } else if (x && x->doc == w->doc && x->offset == p->offset) {
    /* a sentence left out is in it only when it is all there is (the
     * outlet's own voice), and keeps its reason */
    S_emit(w, "brief", "*", p->why, p, brief, p->offset, p->len);
  } else if (p->kind == PRECIS_PART_LEFT_OUT) {
    S_emit(w, "left-out", "-", p->why, NULL, brief, p->offset, p->len);
  } else if (w->pairs && p->stranded) {
    char buf[256];
    S_emit(w, "left-out", "-", S_pairing(p, buf, sizeof buf), p, brief,
           p->offset, p->len);
  } else {
    /* quotable; '=' when the brief states its fact in other words */
    S_emit(w, "sentence", brief ? "=" : "+", NULL, p, brief, p->offset, p->len);
  }
  return 0;
}

/* Explain cluster c, whose brief is s: text on stdout, or into a JSON
 * array of articles. */
static precis_status S_explain(const precis_cluster *c, const precis_summary *s,
                               json_object *arts) {
  int pairs = precis_summary_pairs_kept(s); /* ilp-pos's briefs */
  for (size_t d = 0; d < precis_cluster_doc_count(c); d++) {
    walk w = {c, s, pairs, d, NULL, 0, 0, NULL};
    w.text = precis_cluster_doc_text(c, d, &w.len);
    const precis_doc_meta *m = precis_cluster_doc_meta(c, d);
    const precis_doc_stats *st = precis_cluster_doc_stats(c, d);
    const char *name = m && m->source ? m->source : "-";
    if (arts) {
      json_object *a = json_object_new_object();
      json_object_object_add(a, "index", json_object_new_int64((int64_t)d + 1));
      json_object_object_add(a, "name", json_object_new_string(name));
      w.parts = json_object_new_array();
      json_object_object_add(a, "parts", w.parts);
      json_object_array_add(arts, a);
    } else {
      printf("%s[%zu] %s: %zu lines, %zu boilerplate, %zu sentences\n",
             d ? "\n" : "", d + 1, name, st->lines, st->boilerplate_lines,
             st->sentences);
    }
    precis_status rc = precis_cluster_parts(c, d, S_part, &w);
    if (rc != PRECIS_OK) return rc;
    S_gap(&w, w.len);
  }
  return PRECIS_OK;
}

/* The JSON document of cluster c: {"id", "algorithm", "articles"}
 * ("algorithm" null when there is no brief). */
static json_object *S_json(const precis_cluster *c, const precis_summary *s,
                           const char *id) {
  json_object *o = json_object_new_object();
  json_object *arts = json_object_new_array();
  if (!o || !arts) {
    json_object_put(o);
    json_object_put(arts);
    return NULL;
  }
  if (id) json_object_object_add(o, "id", json_object_new_string(id));
  json_object_object_add(o, "algorithm",
                         s ? json_object_new_string(precis_summary_algorithm(s))
                           : NULL);
  json_object_object_add(o, "articles", arts);
  if (S_explain(c, s, arts) != PRECIS_OK) {
    json_object_put(o);
    return NULL;
  }
  return o;
}

/* Print the JSON document, pretty or as one line, with the skipped
 * inputs; 0 or -1. */
static int S_put_json(json_object *o, int flags, const input_log *skipped) {
  size_t n;
  const char *t = json_object_to_json_string_length(
      o, flags | JSON_C_TO_STRING_NOSLASHESCAPE, &n);
  if (!t) return -1;
  int rc = cluster_put_json(t, n, skipped);
  putchar('\n');
  return rc;
}

static int S_run(const explain_opts *o, precis_cluster *c, const char *id,
                 const input_log *skipped, precis_status *st) {
  precis_summary *s = NULL;
  /* with no usable text there is no brief, and the parts say why */
  *st = precis_cluster_analyze(c, o->c.po.flags);
  if (*st == PRECIS_OK) *st = precis_summarize(c, &o->c.po, &s);
  if (*st != PRECIS_OK && *st != PRECIS_ERR_EMPTY) return -1;
  int rc = 0;
  if (o->json || o->c.jsonl) {
    json_object *j = S_json(c, s, id);
    rc = j ? S_put_json(j,
                        o->c.jsonl
                            ? JSON_C_TO_STRING_PLAIN
                            : JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED,
                        skipped)
           : -1;
    json_object_put(j);
  } else {
    rc = S_explain(c, s, NULL) == PRECIS_OK ? 0 : -1;
  }
  precis_summary_free(s);
  if (rc != 0) *st = PRECIS_ERR_NOMEM;
  return rc;
}

static int S_cluster(void *ctx, precis_cluster *c, const input_log *skipped) {
  const explain_opts *o = ctx;
  precis_status st;
  if (!o->c.quiet) cli_warn_invalid(c, NULL);
  if (S_run(o, c, NULL, skipped, &st) == 0) return EXIT_OK;
  fprintf(stderr, "precis explain: %s\n",
          st == PRECIS_ERR_EMPTY
              ? "no usable text: every article is empty or boilerplate"
              : precis_strerror(st));
  return st == PRECIS_ERR_NOMEM ? EXIT_FAIL : EXIT_USAGE;
}

static int S_line(void *ctx, precis_cluster *c, const char *id,
                  const char *where, const input_log *skipped) {
  const explain_opts *o = ctx;
  precis_status st;
  if (!o->c.quiet) cli_warn_invalid(c, where);
  if (S_run(o, c, id, skipped, &st) == 0) return 0;
  return cli_line_failed(&o->c, id, where, st, skipped);
}

static int S_own_option(void *ctx, int argc, char **argv, int *i) {
  explain_opts *o = ctx;
  const char *a = argv[*i];
  if (strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0) {
    const char *v = cli_opts_arg(&o->c, argc, argv, i);
    if (!v) return EXIT_USAGE;
    if (strcmp(v, "text") == 0 || strcmp(v, "json") == 0) {
      o->json = strcmp(v, "json") == 0;
      return CLI_GO_ON;
    }
    return cli_bad_usage(&o->c, "unknown format '%s' (text, json)", v);
  }
  return cli_bad_usage(&o->c, "unknown option '%s'", a);
}

int cmd_explain(int argc, char **argv) {
  explain_opts o;
  memset(&o, 0, sizeof o);
  if (cli_opts_init(&o.c, "precis explain", "precis --list-algorithms", S_usage,
                    argc))
    return EXIT_FAIL;
  int rc = cli_opts_parse(&o.c, argc, argv, S_own_option, &o);
  if (rc == CLI_GO_ON) rc = cli_opts_run(&o.c, S_line, S_cluster, &o);
  cli_opts_free(&o.c);
  return cli_finish(&o.c, rc);
}
