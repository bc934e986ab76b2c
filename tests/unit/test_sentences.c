/* test_sentences.c — the sentence splitter against tests/spec/sentences.txt
 * (one TAP line per case), plus API and robustness checks.
 *
 * Run from the repository root (tests/run.sh does); an optional argument
 * names another spec file. The spec format is described at the top of the
 * spec file: "→" is a tab and, in expected output, "⏎" a line feed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "precis.h"
#include "sentence.h"

#define TAB_MARK "\xe2\x86\x92" /* → */
#define NL_MARK "\xe2\x8f\x8e"  /* ⏎ */

/* ---- a tiny growable string ---- */

typedef struct str {
  char *p;
  size_t len, alloc;
} str;

static void str_add(str *s, const char *p, size_t n) {
  if (s->len + n + 1 > s->alloc) {
    size_t na = (s->len + n + 1) * 2;
    char *q = realloc(s->p, na);
    if (!q) {
      fprintf(stderr, "test_sentences: out of memory\n");
      exit(2);
    }
    s->p = q;
    s->alloc = na;
  }
  memcpy(s->p + s->len, p, n);
  s->len += n;
  s->p[s->len] = '\0';
}

static void str_adds(str *s, const char *p) { str_add(s, p, strlen(p)); }

/* Append p[0..n) replacing every `from` by `to`. */
static void str_add_mapped(str *s, const char *p, size_t n, const char *from,
                           const char *to) {
  size_t fl = strlen(from);
  while (n > 0) {
    if (n >= fl && memcmp(p, from, fl) == 0) {
      str_adds(s, to);
      p += fl;
      n -= fl;
    } else {
      str_add(s, p, 1);
      p++;
      n--;
    }
  }
}

/* ---- running one case ---- */

/* The library's sentences of text, one per line, "\n" shown as ⏎. */
static precis_status S_render(const char *text, size_t len, str *out) {
  precis_span *sp = NULL;
  size_t n = 0;
  precis_status st = precis_split_sentences(text, len, &sp, &n);
  if (st != PRECIS_OK) return st;
  for (size_t i = 0; i < n; i++) {
    str_add_mapped(out, text + sp[i].offset, sp[i].len, "\n", NL_MARK);
    str_add(out, "\n", 1);
  }
  precis_free(sp);
  return PRECIS_OK;
}

/* Print a block as TAP comment lines so nothing in it reads as "ok". */
static void S_diag(const char *label, const char *s) {
  printf("#   %s:\n", label);
  if (!*s) printf("#     (nothing)\n");
  while (*s) {
    const char *e = strchr(s, '\n');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    printf("#     |%.*s|\n", (int)n, s);
    s += n + (e ? 1 : 0);
  }
}

static void S_run_case(const char *desc, const str *input, const str *want) {
  str text = {0}, got = {0};
  /* the input lines joined by "\n" plus a final "\n"; → is a tab */
  if (input->len) str_add_mapped(&text, input->p, input->len, TAB_MARK, "\t");
  str_add(&got, "", 0);
  precis_status st = S_render(text.p ? text.p : "", text.len, &got);
  int ok = st == PRECIS_OK && strcmp(got.p, want->p ? want->p : "") == 0;
  OK(ok, "%s", desc);
  if (!ok) {
    if (st != PRECIS_OK) printf("#   status %d\n", (int)st);
    S_diag("got", got.p);
    S_diag("want", want->p ? want->p : "");
  }
  free(text.p);
  free(got.p);
}

/* Parse the spec file and run every case; returns the number of cases. */
static int S_run_spec(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    OK(0, "open %s", path);
    return 0;
  }
  enum { OUTSIDE, INPUT, EXPECT } state = OUTSIDE;
  char line[8192], desc[512] = "";
  str input = {0}, want = {0};
  int cases = 0, lineno = 0;
  while (fgets(line, sizeof line, f)) {
    size_t n = strlen(line);
    lineno++;
    if (n && line[n - 1] == '\n') line[--n] = '\0';
    else if (!feof(f)) {
      OK(0, "%s:%d: line too long", path, lineno);
      break;
    }
    switch (state) {
    case OUTSIDE:
      if (strncmp(line, "### ", 4) == 0) {
        snprintf(desc, sizeof desc, "%.500s", line + 4);
        input.len = want.len = 0;
        if (input.p) input.p[0] = '\0';
        if (want.p) want.p[0] = '\0';
        state = INPUT;
      }
      break;
    case INPUT:
      if (strcmp(line, ".") == 0) {
        state = EXPECT;
      } else {
        str_add(&input, line, n);
        str_add(&input, "\n", 1);
      }
      break;
    case EXPECT:
      if (strcmp(line, ".") == 0) {
        S_run_case(desc, &input, &want);
        cases++;
        state = OUTSIDE;
      } else {
        str_add_mapped(&want, line, n, TAB_MARK, "\t");
        str_add(&want, "\n", 1);
      }
      break;
    }
  }
  fclose(f);
  if (state != OUTSIDE) OK(0, "%s: unterminated case \"%s\"", path, desc);
  free(input.p);
  free(want.p);
  return cases;
}

/* ---- API and robustness checks ---- */

static int S_ws(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

/* Check the span invariants; returns 1 when they hold: in bounds,
 * increasing, non-empty, trimmed, only whitespace between them. */
static int S_spans_ok(const char *t, size_t len, const precis_span *sp,
                      size_t n) {
  size_t end = 0;
  for (size_t i = 0; i < n; i++) {
    const char *s = t + sp[i].offset;
    if (sp[i].len == 0 || sp[i].offset < end || sp[i].offset > len ||
        sp[i].len > len - sp[i].offset)
      return 0;
    if (S_ws(s[0]) || S_ws(s[sp[i].len - 1])) return 0;
    for (size_t k = end; k < sp[i].offset; k++)
      if (!S_ws(t[k])) return 0;
    end = sp[i].offset + sp[i].len;
  }
  for (size_t k = end; k < len; k++)
    if (!S_ws(t[k])) return 0;
  return 1;
}

typedef struct span_list {
  precis_span *v;
  size_t n, alloc;
} span_list;

static precis_status S_collect(void *ctx, size_t off, size_t len) {
  span_list *l = ctx;
  if (l->n == l->alloc) {
    size_t na = l->alloc ? 2 * l->alloc : 64;
    precis_span *v = realloc(l->v, na * sizeof *v);
    if (!v) return PRECIS_ERR_NOMEM;
    l->v = v;
    l->alloc = na;
  }
  l->v[l->n].offset = off;
  l->v[l->n].len = len;
  l->n++;
  return PRECIS_OK;
}

/* Sentences in t and whether their spans keep the contract. Bytes that
 * precis_split_sentences refuses as binary (it must say so and return
 * nothing) go through sent_split, the splitter the pipeline runs on any
 * text. *binary, when given, tells which happened. */
static size_t S_split_any(const char *t, size_t len, int *ok, int *binary) {
  precis_span *sp = NULL;
  size_t n = 0;
  precis_status st = precis_split_sentences(t, len, &sp, &n);
  if (binary) *binary = st == PRECIS_ERR_BINARY;
  if (st == PRECIS_ERR_BINARY) {
    span_list l = {NULL, 0, 0};
    *ok = sp == NULL && n == 0 &&
          sent_split(t, len, S_collect, &l) == PRECIS_OK &&
          S_spans_ok(t, len, l.v, l.n);
    free(l.v);
    return l.n;
  }
  *ok = st == PRECIS_OK && sp != NULL && S_spans_ok(t, len, sp, n);
  precis_free(sp);
  return n;
}

static size_t S_count(const char *t, size_t len, int *ok) {
  return S_split_any(t, len, ok, NULL);
}

static precis_status S_stop_after_two(void *ctx, size_t off, size_t len) {
  int *calls = ctx;
  (void)off;
  (void)len;
  return ++*calls == 2 ? PRECIS_ERR_LIMIT : PRECIS_OK;
}

static void S_api(void) {
  precis_span *sp = (precis_span *)&sp;
  size_t n = 7;
  INT_EQ(precis_split_sentences(NULL, 3, &sp, &n), PRECIS_ERR_INVALID_ARG,
         "NULL text with a length is invalid");
  OK(sp == NULL && n == 0, "outputs cleared on error");
  INT_EQ(precis_split_sentences("a.", 2, NULL, &n), PRECIS_ERR_INVALID_ARG,
         "NULL out is invalid");
  INT_EQ(precis_split_sentences(NULL, 0, &sp, &n), PRECIS_OK,
         "NULL empty text is fine");
  OK(sp != NULL && n == 0, "no sentences: an empty array, not NULL");
  precis_free(sp);

  int calls = 0;
  INT_EQ(sent_split("One. Two. Three.", 16, S_stop_after_two, &calls),
         PRECIS_ERR_LIMIT, "a callback status stops splitting");
  INT_EQ(calls, 2, "no callback after the stop");
  INT_EQ(sent_split("x", 1, NULL, NULL), PRECIS_ERR_INVALID_ARG,
         "NULL callback is invalid");

  int ok;
  int binary;
  static const char nul[] = "Bad\0bytes. Here\0. \0 End.";
  S_split_any(nul, sizeof nul - 1, &ok, &binary);
  OK(binary, "NUL bytes: precis_split_sentences says binary");
  OK(ok, "NUL bytes: spans valid");
  static const char bad[] = "Caf\xc3 \xff\xfe. \xe2\x80 Next\xe2. \xf0\x9f";
  size_t nb = S_count(bad, sizeof bad - 1, &ok);
  OK(ok && nb >= 2, "invalid UTF-8: spans valid (%zu sentences)", nb);
  static const char cut[] = "Wait\xe2\x80";
  S_count(cut, sizeof cut - 1, &ok);
  OK(ok, "truncated ellipsis at the end");
}

/* Big pathological inputs: must finish (linear time) with valid spans. */
static void S_pathological(void) {
  size_t big = (size_t)1 << 20;
  char *t = malloc(big * 4 + 16);
  int ok;
  if (!t) {
    OK(0, "malloc");
    return;
  }
  memset(t, 'a', big);
  size_t n = S_count(t, big, &ok);
  OK(ok && n == 1, "1 MB line without punctuation is one sentence");

  size_t len = 0;
  while (len + 4 <= big) {
    memcpy(t + len, "Mr. ", 4);
    len += 4;
  }
  n = S_count(t, len, &ok);
  OK(ok && n == 1, "256k \"Mr.\" in a row is one sentence");

  memset(t, '.', big);
  n = S_count(t, big, &ok);
  OK(ok && n == 1, "1 MB of periods");

  for (size_t i = 0; i < big; i++) t[i] = "a. "[i % 3];
  n = S_count(t, big, &ok);
  OK(ok && n >= 1, "a. a. a. ... (%zu sentences)", n);

  for (size_t i = 0; i < big; i++) t[i] = "\" '\n"[i % 4];
  S_count(t, big, &ok);
  OK(ok, "quotes and line feeds only");

  for (size_t i = 0; i < big; i++) t[i] = "x.y."[i % 4];
  n = S_count(t, big, &ok);
  OK(ok && n == 1, "one 1 MB dotted token");

  for (size_t i = 0; i < big; i++) t[i] = ".)"[i % 2];
  memcpy(t + big - 2, "x!", 2);
  n = S_count(t, big, &ok);
  OK(ok && n == 1, "1 MB of \".)\" closers and terminals");

  int binary;
  for (size_t i = 0; i < big; i++) t[i] = (char)(i * 2654435761u >> 13);
  S_split_any(t, big, &ok, &binary);
  OK(binary, "1 MB of pseudo-random bytes: binary to precis_split_sentences");
  OK(ok, "1 MB of pseudo-random bytes");
  free(t);
}

/* sent_turns on an article given one paragraph per line. Fills p (at
 * most 8) and returns the paragraph count. */
static size_t S_turns(const char *t, sent_para *p) {
  size_t np = 0, i = 0, n = strlen(t);
  while (i < n && np < 8) {
    size_t e = i;
    while (e < n && t[e] != '\n')
      e++;
    p[np].s = i;
    p[np].e = e;
    np++;
    i = e + 1;
  }
  if (sent_turns(t, p, np) != PRECIS_OK) return 0;
  return np;
}

static void S_transcripts(void) {
  sent_para p[8];
  size_t n = S_turns("The minister took questions on Tuesday.\n"
                     "Question: When will the bridge open?\n"
                     "Vera Holt: We expect it in March. I am sure.\n"
                     "The county will pay for it.\n"
                     "Question: And the ring road?\n"
                     "Vera Holt: That is next year.\n",
                     p);
  OK(n == 6 && p[0].turn == SENT_TURN_NONE && p[1].turn == SENT_TURN_OTHER &&
         p[2].turn == 2 && p[3].turn == 2 && p[4].turn == SENT_TURN_OTHER &&
         p[5].turn == 5,
     "transcript: each paragraph in its speaker's turn, questions apart");
  OK(n == 6 && p[2].label == 10 && p[2].name == 9 && p[3].label == 0,
     "transcript: label and name lengths");
  n = S_turns("Severe: Height and weight below the 3rd percentile.\n"
              "None: Height and weight above the 10th percentile.\n"
              "Severe: All three features ranked as severe.\n"
              "None: All three features within normal limits.\n",
              p);
  OK(n == 4 && p[0].turn == SENT_TURN_NONE && p[3].turn == SENT_TURN_NONE,
     "a glossary (no one speaks in the first or second person) is no "
     "transcript");
  n = S_turns("TODAY IN THE SKY: Would you bid miles to see a plane?\n"
              "The airline said no.\n"
              "TODAY IN THE SKY: You can board first.\n",
              p);
  OK(n == 3 && p[1].turn == SENT_TURN_NONE,
     "a column's name with \"in the\" is no speaker");
  n = S_turns("Severe: US aid fell.\nNone: US aid rose.\n"
              "Severe: US aid ended.\n",
              p);
  OK(n == 3 && p[2].turn == SENT_TURN_NONE,
     "\"US\" in capitals is no first person");
  n = S_turns("Photo: We were there.\nPhoto: You see the pier.\n", p);
  OK(n == 2 && p[1].turn == SENT_TURN_NONE, "\"Photo:\" is no speaker");
  n = S_turns("Vera Holt: We expect it in March.\nThe county will pay.\n", p);
  OK(n == 2 && p[1].turn == SENT_TURN_NONE,
     "a label seen once makes no transcript");
}

/* SQ_WHOLE: a sentence that is one quotation, whatever marks it uses. */
static void S_whole_quotes(void) {
  static const struct {
    const char *s;
    int inside, whole;
  } cases[] = {
      {"\"There's a possibility they'll be found on beaches.\"", 0, 1},
      {"\xe2\x80\x9cWe will win.\xe2\x80\x9d", 0, 1},
      {"  \" we will win . \"  ", 0, 1}, /* tokenized, spaced */
      {"``We will win.''", 0, 1},
      {"\"We will win,\" she said.", 0, 0},
      {"She said \"we will win.\"", 0, 0},
      {"\"We will win.\" \"We always do.\"", 0, 0},
      {"\"We will win.", 0, 0},
      {"\" we will win . \"", 1, 0}, /* starts inside an earlier one */
      {"\xe2\x80\x9cWe will win.\xe2\x80\x9d", 1, 0},
      {"He is 5'9\" tall.", 0, 0},
      {"", 0, 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    unsigned q =
        sent_quote_marks(cases[i].s, strlen(cases[i].s), cases[i].inside);
    OK(!!(q & SQ_WHOLE) == cases[i].whole, "whole quotation %s: %s",
       cases[i].whole ? "yes" : "no", cases[i].s);
  }
}

int main(int argc, char **argv) {
  const char *path = argc > 1 ? argv[1] : "tests/spec/sentences.txt";
  int cases = S_run_spec(path);
  if (argc <= 1) OK(cases >= 200, "spec has at least 200 cases (%d)", cases);
  S_api();
  S_pathological();
  S_transcripts();
  S_whole_quotes();
  return DONE();
}
