/* test_rouge.c — unit tests of the ROUGE-1.5.5 module: the stemmer and
 * its quirks, the exception table, stopwords, tokenization, limits,
 * rounding, every metric on small hand cases, -f B, the bootstrap edge
 * cases, rendering, SEE/ISI input and the error paths.
 *
 * Most expected values are the experiments of SPEC.md Appendix A (run on
 * the real ROUGE-1.5.5; ids E2, E3, ... below). The conformance vectors
 * are in test_rouge_vectors.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "json_check.h"
#include "precis.h"
#include "rouge.h"

/* ---- helpers ---- */

static void set_opts(precis_rouge_options *o, const char *flags) {
  char copy[256], *p = copy;
  snprintf(copy, sizeof copy, "%s", flags);
  precis_rouge_options_init(o);
  while (*p) {
    while (*p == ' ') p++;
    if (!*p) break;
    char *f = p;
    while (*p && *p != ' ') p++;
    if (*p) *p++ = '\0';
    char *v = NULL;
    if (precis_rouge_flag_arity(f) == 1) {
      while (*p == ' ') p++;
      v = p;
      while (*p && *p != ' ') p++;
      if (*p) *p++ = '\0';
    }
    if (precis_rouge_options_set(o, f, v) != PRECIS_OK)
      printf("# bad flag %s %s\n", f, v ? v : "");
  }
}

/* Score one item (SPL texts, models separated by '|') and return
 * "R/P/F" of `metric` in a static buffer, or an error string. */
static const char *score(const char *flags, const char *peer,
                         const char *models, const char *metric) {
  static char out[128];
  precis_rouge_options o;
  precis_rouge *r = NULL;
  const char *mv[8];
  size_t ml[8], k = 0;
  char mbuf[1024];
  snprintf(mbuf, sizeof mbuf, "%s", models);
  for (char *p = mbuf; k < 8;) {
    mv[k] = p;
    char *bar = strchr(p, '|');
    if (bar) *bar = '\0';
    ml[k] = strlen(p);
    k++;
    if (!bar) break;
    p = bar + 1;
  }
  set_opts(&o, flags);
  snprintf(out, sizeof out, "error");
  if (precis_rouge_new(&o, &r) != PRECIS_OK) return "new failed";
  precis_status st = precis_rouge_add(r, "1", "X", PRECIS_ROUGE_SPL, peer,
                                      strlen(peer), mv, ml, k);
  if (st == PRECIS_OK) st = precis_rouge_compute(r);
  if (st != PRECIS_OK) {
    snprintf(out, sizeof out, "status %d", (int)st);
  } else {
    snprintf(out, sizeof out, "no metric %s", metric);
    for (size_t m = 0; m < precis_rouge_metric_count(r); m++) {
      precis_rouge_score s;
      if (strcmp(precis_rouge_metric_name(r, m), metric) != 0) continue;
      precis_rouge_average(r, 0, m, &s);
      snprintf(out, sizeof out, "%.5f/%.5f/%.5f", s.r, s.p, s.f);
    }
  }
  precis_rouge_free(r);
  return out;
}

/* Tokens of text (one SPL file) under -m/-s, space-joined. */
static const char *tokens(int stem, int stop, const char *text) {
  static char out[1024];
  rouge_lex lx;
  rouge_units u = {NULL, 0, 0};
  rouge_doc d;
  memset(&d, 0, sizeof d);
  out[0] = '\0';
  if (rouge_lex_init(&lx, stem, stop, NULL, 0, NULL, 0) != PRECIS_OK)
    return "lex failed";
  if (rouge_split_units(PRECIS_ROUGE_SPL, text, strlen(text), &u) ==
          PRECIS_OK &&
      rouge_doc_build(&d, &lx, u.u, u.n, -1, -1) == PRECIS_OK) {
    size_t n = 0;
    for (size_t i = 0; i < d.n_flat; i++) {
      size_t l;
      const char *t = rouge_lex_text(&lx, (int32_t)d.flat[i], &l);
      n += (size_t)snprintf(out + n, sizeof out - n, "%s%.*s", i ? " " : "",
                            (int)l, t);
      if (n >= sizeof out) break;
    }
  }
  free(u.u);
  rouge_doc_free(&d);
  rouge_lex_free(&lx);
  return out;
}

static const char *porter(const char *w) {
  static char b[128];
  size_t l = strlen(w);
  memcpy(b, w, l + 1);
  b[rouge_porter(b, l)] = '\0';
  return b;
}

static const char *fmt5(double x) {
  static char b[32];
  snprintf(b, sizeof b, "%.5f", x);
  return b;
}

/* ---- tests ---- */

static void test_stemmer(void) {
  static const char *const cases[][2] = {
      /* SPEC §6.3 differences from Snowball's porter */
      {"governmental", "govern"}, {"professional", "profess"},
      {"affectionate", "affect"}, {"commissioners", "commiss"},
      {"agreement", "agreem"},    {"argument", "argum"},
      {"monument", "monum"},      {"elements", "elem"},
      {"accidental", "accid"},    {"analogy", "analog"},
      {"assembly", "assembl"},    {"crumbly", "crumbl"},
      {"technologies", "technolog"}, {"trekking", "trek"},
      {"revved", "rev"},          {"sicced", "sic"},
      /* classic Porter */
      {"caresses", "caress"},     {"ponies", "poni"},
      {"yelling", "yell"},        {"running", "run"},
      {"runs", "run"},            {"profession", "profess"},
      {"agreed", "agre"},         {"feed", "feed"},
      {"hopping", "hop"},         {"filing", "file"},
      {"happy", "happi"},         {"relational", "relat"},
      {"conditional", "condit"},  {"rational", "ration"},
      {"hopeful", "hope"},        {"goodness", "good"},
      {"controll", "control"},    {"rate", "rate"},
      {"cease", "ceas"},          {"sky", "sky"},
      {"ab", "ab"},               {"says", "sai"},
      {"abcd", "abcd"},           {"news", "new"},
      {"toys", "toi"},            {"a11ing", "a1"},
      {"yyyyyyyy", "yyyyyyyi"},   {"buzzing", "buzz"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    STR_EQ(porter(cases[i][0]), cases[i][1], "porter(%s)", cases[i][0]);
}

static void test_lexicon(void) {
  /* E7, E7b, E39: exception table first, no stemming below 4 bytes */
  STR_EQ(tokens(1, 0,
                "comics comic went go men ate argument arguments "
                "professional profession trekking agreement governmental "
                "monument caresses ponies yelling"),
         "comic_strip comic go go men ate argum argum profess profess trek "
         "agreem govern monum caress poni yell",
         "E7 stemming with exceptions");
  STR_EQ(tokens(1, 0,
                "running runs ran children child crumbly analogy abcd abc"),
         "run run ran child child crumbl analog abcd abc", "E7b");
  STR_EQ(tokens(1, 0,
                "better best well good said says say news data left lives "
                "lived"),
         "well well well good say sai say new datum leave life live",
         "E39 exception table");
  STR_EQ(tokens(1, 0, "media were found offer testes"),
         "medium be find offer testes", "exception values used as is");
  /* E8, E8b: stopwords are dropped before stemming */
  STR_EQ(tokens(0, 1,
                "The cat's toy isn't here, Mr. Smith; e.g. Reuters AP may "
                "would"),
         "cat toy isn mr smith", "E8 stopwords");
  STR_EQ(tokens(1, 1, "The cat's toys running"), "cat toi run", "E8b");
}

static void test_tokens(void) {
  STR_EQ(tokens(0, 0,
                "Hello, World! It's 3.5 e-mail U.S.A. 1,000 caf\xc3\xa9 $100 "
                "under_score --dash \xc3\x89T\xc3\x89 na\xc3\xafve"),
         "hello world it s 3 5 e mail u s a 1 000 caf 100 under score dash "
         "t na ve",
         "E1 tokens");
  STR_EQ(tokens(0, 0, "ABC\tdef\vghi\fjkl\rmno"), "abc def ghi jkl mno",
         "E1b control bytes separate");
  STR_EQ(tokens(0, 0, "a\xc2\xa0" "b\x85" "c\x1c" "d\0e"), "a b c d",
         "NBSP, 0x85, 0x1C are separators for tokens (text ends at NUL)");
  STR_EQ(tokens(0, 0, "line one\n\n  \nline two\r\n"),
         "line one line two", "blank lines and CRLF");
}

static void test_rounding(void) {
  STR_EQ(fmt5(rouge_round5(1.0 / 64)), "0.01562", "1/64 rounds to even");
  STR_EQ(fmt5(rouge_round5(3.0 / 64)), "0.04688", "3/64 rounds to even");
  STR_EQ(fmt5(rouge_fscore(rouge_round5(1.0 / 64), 1.0, 0.5)), "0.03076",
         "E16 F from the rounded R");
  STR_EQ(fmt5(rouge_fscore(rouge_round5(4.0 / 7), rouge_round5(2.0 / 3),
                           0.5)),
         "0.61539", "R 4/7, P 2/3 gives F 0.61539");
  STR_EQ(fmt5(rouge_fscore(0.0, 0.0, 0.5)), "0.00000", "F of zeros");
  /* E16 / E16b end to end */
  char model[512];
  size_t n = 0;
  for (int i = 0; i < 64; i++)
    n += (size_t)snprintf(model + n, sizeof model - n, "w%d ", i);
  STR_EQ(score("-n 1", "w0", model, "ROUGE-1"), "0.01562/1.00000/0.03076",
         "E16 one hit of 64");
  STR_EQ(score("-n 1", "w0 w1 w2", model, "ROUGE-1"),
         "0.04688/1.00000/0.08956", "E16b three hits of 64");
}

static void test_limits(void) {
  STR_EQ(score("-n 1 -x -l 3", "well-known -- facts are here",
               "well known facts are here", "ROUGE-1"),
         "1.00000/1.00000/1.00000", "E2 -- counts as a word");
  STR_EQ(score("-n 1 -l 2", " a b c", "a b c", "ROUGE-1"),
         "0.50000/1.00000/0.66667", "E3 a leading blank costs a word");
  STR_EQ(score("-n 1 -l 2", "a b c", "a b c", "ROUGE-1"),
         "1.00000/1.00000/1.00000", "E3b");
  STR_EQ(score("-n 1 -l 3", "a b c", "x y z a b c", "ROUGE-1"),
         "0.00000/0.00000/0.00000", "E4 models are cut too");
  STR_EQ(score("-n 1", "a b c", "x y z a b c", "ROUGE-1"),
         "0.50000/1.00000/0.66667", "E4 control");
  STR_EQ(score("-n 1 -b 5", "abc\ndefgh", "abc de", "ROUGE-1"),
         "0.50000/0.50000/0.50000", "E5 byte limit cuts inside words");
  STR_EQ(score("-n 1 -b 6", "a b c d e f", "a b c\nd e f", "ROUGE-1"),
         "0.75000/1.00000/0.85714", "E6 ROUGE-1 under -b");
  STR_EQ(score("-n 1 -b 6", "a b c d e f", "a b c\nd e f", "ROUGE-L"),
         "0.50000/1.00000/0.66667", "E6 ROUGE-L unit-list quirk");
  STR_EQ(score("-n 1 -s -l 3", "the the the cat", "cat", "ROUGE-1"),
         "0.00000/0.00000/0.00000", "E9 stopwords count for -l");
  STR_EQ(score("-n 1 -l 1", "a\xc2\xa0" "b c d", "a c", "ROUGE-1"),
         "1.00000/0.50000/0.66667", "E29 NBSP is not whitespace");
  STR_EQ(score("-n 1 -b 4", "ab\r\ncd", "ab cd", "ROUGE-1"),
         "1.00000/1.00000/1.00000", "E30 a CR is counted");
  STR_EQ(score("-n 1 -b 4", "ab\ncd", "ab cd", "ROUGE-1"),
         "0.50000/0.50000/0.50000", "E30 control");
  STR_EQ(score("-n 1 -l 2", "a\tb\vc\fd e", "a b", "ROUGE-1"),
         "1.00000/1.00000/1.00000", "E38 control bytes separate words");
  STR_EQ(score("-n 1 -l 2", "   \na b c", "a b", "ROUGE-1"),
         "1.00000/1.00000/1.00000", "a blank-only unit has no words");
  STR_EQ(score("-n 1 -l 0", "a b", "a b", "ROUGE-1"),
         "0.00000/0.00000/0.00000", "-l 0 keeps nothing");
}

static void test_metrics(void) {
  STR_EQ(score("-n 2", "a b\nc d", "b c", "ROUGE-2"),
         "1.00000/0.33333/0.50000", "E10 n-grams cross units");
  STR_EQ(score("-n 1", "the the the the", "the cat the", "ROUGE-1"),
         "0.66667/0.50000/0.57143", "E11 clipping");
  STR_EQ(score("-n 1", "a b c d", "a b|a x y z q r", "ROUGE-1"),
         "0.37500/0.37500/0.37500", "E12 pooling");
  STR_EQ(score("-n 1", "a b c d", "a b x|a y|c d e f", "ROUGE-1"),
         "0.55556/0.41667/0.47619", "E13 no jackknifing");
  STR_EQ(score("-n 1 -f B", "a b c d", "a b x|a y|c d e f", "ROUGE-1"),
         "0.66667/0.50000/0.57143", "E14 -f B");
  STR_EQ(score("-n 1 -f B", "a b c d", "a x|b y|c z z z", "ROUGE-1"),
         "0.50000/0.25000/0.33333", "E14b ties go to the first");
  STR_EQ(score("-n 1", "b a\nb", "a b", "ROUGE-L"),
         "1.00000/0.66667/0.80000", "E17 LCS tie rules and union");
  STR_EQ(score("-n 1", "a b x\nc d y", "a b c d e", "ROUGE-L"),
         "0.80000/0.66667/0.72727", "E17c union over peer units");
  STR_EQ(score("-n 1", "a b c", "a b\na c", "ROUGE-L"),
         "0.75000/1.00000/0.85714", "E18 clipping in ROUGE-L");
  STR_EQ(score("-n 1", "a b c d", "c d\na b", "ROUGE-L"),
         "1.00000/1.00000/1.00000", "E18b split model");
  STR_EQ(score("-n 1", "a b c d", "c d a b", "ROUGE-L"),
         "0.50000/0.50000/0.50000", "E18c one-line model");
  STR_EQ(score("-w 1.2", "a b x c d", "a b c d", "ROUGE-W-1.2"),
         "0.75786/0.80000/0.77836", "E19 ROUGE-W");
  STR_EQ(score("-w 1.2", "a b c d", "a b\nc d", "ROUGE-W-1.2"),
         "0.77557/0.89090/0.82924", "E19b");
  STR_EQ(score("-w 1.2", "a b c d", "a b c d", "ROUGE-W-1.2"),
         "0.75786/1.00000/0.86225", "E19c double weighting");
  STR_EQ(score("-w 1.20", "a b c d", "a b c d", "ROUGE-W-1.20"),
         "0.75786/1.00000/0.86225", "E26 tag as typed");
  STR_EQ(score("-n 1 -2 4 -u", "a", "a", "ROUGE-1"),
         "1.00000/1.00000/1.00000", "E20 control");
  STR_EQ(score("-n 1 -2 4 -u", "a", "a", "ROUGE-SU4"),
         "0.00000/0.00000/0.00000", "E20 one-token SU is 0");
  STR_EQ(score("-2 4 -u", "a b", "b a", "ROUGE-SU4"),
         "0.00000/0.00000/0.00000", "E20b last unigram omitted");
  STR_EQ(score("-2 4 -u", "a b c", "a b c", "ROUGE-SU4"),
         "1.00000/1.00000/1.00000", "E20c");
  STR_EQ(score("-2 0", "a b c", "a c b", "ROUGE-S0"),
         "0.00000/0.00000/0.00000", "E21 -2 0 is bigrams");
  STR_EQ(score("-2 1", "a b c", "a c b", "ROUGE-S1"),
         "0.66667/0.66667/0.66667", "E21b gap 1");
  STR_EQ(score("-2 -1", "a b c d e f g", "a g", "ROUGE-S*"),
         "1.00000/0.04762/0.09091", "E21c unlimited gap");
  STR_EQ(score("-2 4", "a b c d e f g", "a g", "ROUGE-S4"),
         "0.00000/0.00000/0.00000", "E21d gap 5 > 4");
  STR_EQ(score("-2 4 -U", "a b c", "a c b", "ROUGE-S4"),
         "0.66667/0.66667/0.66667", "E22 -U prints S");
  STR_EQ(score("-2 4 -U", "a b c", "a c b", "ROUGE-SU4"),
         "0.60000/0.60000/0.60000", "E22 and SU");
  STR_EQ(score("-2 4 -U -u", "a b c", "a c b", "ROUGE-S4"),
         "no metric ROUGE-S4", "E22b -u wins over -U");
  STR_EQ(score("-n 1 -p 0", "a b", "a x y z", "ROUGE-1"),
         "0.25000/0.50000/0.25000", "E36 alpha 0 gives R");
  STR_EQ(score("-n 1 -p 1", "a b", "a x y z", "ROUGE-1"),
         "0.25000/0.50000/0.50000", "E36 alpha 1 gives P");
  STR_EQ(score("-n 1", "a b", "a x y z", "ROUGE-1"),
         "0.25000/0.50000/0.33333", "E36 alpha 0.5");
  STR_EQ(score("-n 2 -w 1.2 -2 4 -u", "", "a b c", "ROUGE-W-1.2"),
         "0.00000/0.00000/0.00000", "E31 empty peer scores 0");
  STR_EQ(score("-n 2", "a b c", "", "ROUGE-2"), "0.00000/0.00000/0.00000",
         "empty reference counts 0 outside ROUGE-W");
  STR_EQ(score("-w 1.2", "a b", "...", "ROUGE-W-1.2"),
         "status 3", "E32 ROUGE-W with a tokenless reference fails");
  STR_EQ(score("-n 1 -m", "The dogs were running", "a dog ran", "ROUGE-1"),
         "0.33333/0.25000/0.28571", "stemmed match");
}

static void test_bootstrap(void) {
  precis_rouge_options o;
  precis_rouge *r = NULL;
  precis_rouge_score s;
  const char *m1 = "a";
  size_t l1 = 1;
  /* E23: two items with R 1 and 0 */
  set_opts(&o, "-n 1 -x");
  OK(precis_rouge_new(&o, &r) == PRECIS_OK, "new");
  precis_rouge_add(r, "1", "X", PRECIS_ROUGE_SPL, "a", 1, &m1, &l1, 1);
  precis_rouge_add(r, "2", "X", PRECIS_ROUGE_SPL, "b", 1, &m1, &l1, 1);
  OK(precis_rouge_compute(r) == PRECIS_OK, "compute");
  precis_rouge_average(r, 0, 0, &s);
  STR_EQ(fmt5(s.r), "0.50000", "E23 average");
  STR_EQ(fmt5(s.r_low), "0.00000", "E23 low");
  STR_EQ(fmt5(s.r_high), "1.00000", "E23 high");
  /* duplicate keys are refused */
  precis_rouge_add(r, "2", "X", PRECIS_ROUGE_SPL, "b", 1, &m1, &l1, 1);
  INT_EQ(precis_rouge_compute(r), PRECIS_ERR_INVALID_ARG, "duplicate key");
  OK(strstr(precis_rouge_error(r), "2.X") != NULL, "error names the key");
  precis_rouge_free(r);

  /* -r 1: the out-of-range interval index reads 0 (E24b) */
  set_opts(&o, "-n 1 -x -r 1");
  precis_rouge_new(&o, &r);
  const char *m2 = "a b";
  size_t l2 = 3;
  precis_rouge_add(r, "1", "X", PRECIS_ROUGE_SPL, "a", 1, &m2, &l2, 1);
  precis_rouge_compute(r);
  precis_rouge_average(r, 0, 0, &s);
  STR_EQ(fmt5(s.r), "0.50000", "-r 1 average");
  STR_EQ(fmt5(s.r_low), "0.51250", "-r 1 interval is 1.025 x S[0]");
  precis_rouge_free(r);
}

static void test_render(void) {
  precis_rouge_options o;
  precis_rouge *r = NULL;
  const char *m = "a b c";
  size_t ml = 5;
  set_opts(&o, "-n 1 -x -c 95.0");
  precis_rouge_new(&o, &r);
  precis_rouge_add(r, "10", "S", PRECIS_ROUGE_SPL, "a", 1, &m, &ml, 1);
  precis_rouge_add(r, "2", "S", PRECIS_ROUGE_SPL, "a b", 3, &m, &ml, 1);
  precis_rouge_add(r, "1", "S", PRECIS_ROUGE_SPL, "a b c", 5, &m, &ml, 1);
  precis_rouge_add(r, "2", "A", PRECIS_ROUGE_SPL, "x", 1, &m, &ml, 1);
  precis_rouge_compute(r);
  INT_EQ(precis_rouge_peer_count(r), 2, "two systems");
  STR_EQ(precis_rouge_peer_id(r, 0), "A", "systems in byte order");
  char *t = precis_rouge_render(r, PRECIS_ROUGE_RENDER_ITEMS, NULL);
  const char *want =
      "---------------------------------------------\n"
      "A ROUGE-1 Average_R: 0.00000 (95.0%-conf.int. 0.00000 - 0.00000)\n"
      "A ROUGE-1 Average_P: 0.00000 (95.0%-conf.int. 0.00000 - 0.00000)\n"
      "A ROUGE-1 Average_F: 0.00000 (95.0%-conf.int. 0.00000 - 0.00000)\n"
      ".............................................\n"
      "A ROUGE-1 Eval 2.A R:0.00000 P:0.00000 F:0.00000\n"
      "---------------------------------------------\n";
  OK(t && strncmp(t, want, strlen(want)) == 0, "report layout (-c as typed)");
  const char *e1 = t ? strstr(t, "S ROUGE-1 Eval 1.S") : NULL;
  const char *e2 = t ? strstr(t, "S ROUGE-1 Eval 2.S") : NULL;
  const char *e10 = t ? strstr(t, "S ROUGE-1 Eval 10.S") : NULL;
  OK(e1 && e2 && e10 && e1 < e2 && e2 < e10,
     "-d lines in numeric order of leading integers");
  precis_free(t);
  size_t jl = 0;
  t = precis_rouge_render(r, PRECIS_ROUGE_RENDER_JSON, &jl);
  json_object *j = t ? parse_json(t, jl, NULL) : NULL;
  json_object *sys = jidx(jget(j, "systems"), 1);
  OK(j != NULL, "JSON output parses");
  STR_EQ(jstr(jget(sys, "peer")), "S", "JSON peer");
  INT_EQ(jlen(jget(sys, "items")), 3, "JSON items");
  json_object *it0 = jidx(jget(sys, "items"), 0);
  OK(jreal(jget(jget(it0, "ROUGE-1"), "R")) == 1.0, "JSON item score");
  json_object_put(j);
  precis_free(t);
  precis_rouge_free(r);

  /* -t 2 prints raw counts */
  set_opts(&o, "-n 1 -x -t 2");
  precis_rouge_new(&o, &r);
  precis_rouge_add(r, "1", "X", PRECIS_ROUGE_SPL, "a b", 3, &m, &ml, 1);
  precis_rouge_compute(r);
  t = precis_rouge_render(r, 0, NULL);
  STR_EQ(t,
         "---------------------------------------------\n"
         "X ROUGE-1 M_count: 3 P_count: 2 H_count: 2\n",
         "-t 2 report");
  precis_free(t);
  precis_rouge_free(r);
}

static void test_formats(void) {
  static const char see[] =
      "<html>\n<head><title>x</title></head>\n<body bgcolor=\"white\">\n"
      "<a name=\"1\">[1]</a> <a href=\"#1\" id=1>The cat sat.</a>\n"
      "<a size=\"3\" name=\"2\">[2]</a>\t<a href=\"#2\" id=2>On the "
      "mat\n</a>\n</body>\n</html>\n";
  static const char isi[] =
      "<S SNTNO=\"1\">The cat sat.</S>\n<S SNTNO=\"a,2\">On the mat</S>\n"
      "<S SNTNO=\"X\">ignored</S>\n";
  rouge_units u = {NULL, 0, 0};
  OK(rouge_split_units(PRECIS_ROUGE_SEE, see, sizeof see - 1, &u) ==
             PRECIS_OK &&
         u.n == 2,
     "SEE: two units");
  OK(u.n == 2 && u.u[1].len == 11 && memcmp(u.u[1].p, "On the mat\n", 11) ==
                                         0,
     "SEE: a unit keeps its LF when </a> is on the next line");
  OK(rouge_split_units(PRECIS_ROUGE_ISI, isi, sizeof isi - 1, &u) ==
             PRECIS_OK &&
         u.n == 2,
     "ISI: two units (bad SNTNO ignored)");
  OK(rouge_split_units(PRECIS_ROUGE_SPL, "a\n\n \nb", 6, &u) == PRECIS_OK &&
         u.n == 3,
     "SPL: empty lines dropped, blank lines kept");
  free(u.u);
  /* SEE scores like the equivalent SPL */
  precis_rouge_options o;
  precis_rouge *r = NULL;
  const char *m = see;
  size_t ml = sizeof see - 1;
  precis_rouge_score s;
  set_opts(&o, "-n 2 -b 20");
  precis_rouge_new(&o, &r);
  OK(precis_rouge_add(r, "1", "X", PRECIS_ROUGE_SEE, see, sizeof see - 1,
                      &m, &ml, 1) == PRECIS_OK,
     "SEE item");
  precis_rouge_compute(r);
  precis_rouge_average(r, 0, 1, &s);
  STR_EQ(fmt5(s.r), "1.00000", "SEE vs itself");
  precis_rouge_free(r);
}

static void test_options(void) {
  precis_rouge_options o;
  precis_rouge *r = NULL;
  precis_rouge_options_init(&o);
  INT_EQ(precis_rouge_options_set(&o, "-p", "1.5"), PRECIS_ERR_INVALID_ARG,
         "alpha > 1 refused");
  INT_EQ(precis_rouge_options_set(&o, "-c", "101"), PRECIS_ERR_INVALID_ARG,
         "cf > 100 refused");
  INT_EQ(precis_rouge_options_set(&o, "-w", "0"), PRECIS_ERR_INVALID_ARG,
         "W <= 0 refused");
  INT_EQ(precis_rouge_options_set(&o, "-r", "0"), PRECIS_ERR_INVALID_ARG,
         "-r 0 refused");
  INT_EQ(precis_rouge_options_set(&o, "-n", "x"), PRECIS_ERR_INVALID_ARG,
         "-n x refused");
  INT_EQ(precis_rouge_options_set(&o, "-q", NULL), PRECIS_ERR_INVALID_ARG,
         "unknown flag refused");
  INT_EQ(precis_rouge_flag_arity("-a"), -1, "-a is not a scoring flag");
  precis_rouge_options_set(&o, "-l", "10");
  precis_rouge_options_set(&o, "-b", "10");
  INT_EQ(precis_rouge_new(&o, &r), PRECIS_ERR_INVALID_ARG,
         "-l with -b refused");
  set_opts(&o, "-n 2 -m -2 -1 -U -w 1.2 -f B -t 1");
  char *s = precis_rouge_options_string(&o);
  STR_EQ(s, "-n 2 -m -w 1.2 -2 -1 -U -c 95 -r 1000 -f B -p 0.5 -t 1",
         "options string");
  precis_free(s);
  OK(precis_rouge_new(&o, &r) == PRECIS_OK, "new");
  INT_EQ(precis_rouge_metric_count(r), 6, "metrics for -n 2 -w -U");
  STR_EQ(precis_rouge_metric_name(r, 2), "ROUGE-L", "L after N");
  STR_EQ(precis_rouge_metric_name(r, 3), "ROUGE-W-1.2", "then W");
  STR_EQ(precis_rouge_metric_name(r, 4), "ROUGE-S*", "S* tag");
  STR_EQ(precis_rouge_metric_name(r, 5), "ROUGE-SU*", "SU* tag");
  OK(precis_rouge_render(r, 0, NULL) == NULL, "render before compute");
  precis_rouge_free(r);
  /* custom stopword / exception lists (-e) */
  set_opts(&o, "-n 1 -m -s");
  o.stopword_list = "zebra\n";
  o.stopword_list_len = 6;
  o.exception_table = "cats\tdog\n";
  o.exception_table_len = 9;
  OK(precis_rouge_new(&o, &r) == PRECIS_OK, "custom lists");
  const char *m = "dog the";
  size_t ml = 7;
  precis_rouge_add(r, "1", "X", PRECIS_ROUGE_SPL, "zebra cats the", 14, &m,
                   &ml, 1);
  precis_rouge_compute(r);
  precis_rouge_score sc;
  precis_rouge_average(r, 0, 0, &sc);
  STR_EQ(fmt5(sc.r), "1.00000", "custom lists are used");
  precis_rouge_free(r);
  o.exception_table = "no tab here\n";
  o.exception_table_len = 12;
  INT_EQ(precis_rouge_new(&o, &r), PRECIS_ERR_PARSE, "bad exception table");
}

int main(void) {
  test_stemmer();
  test_lexicon();
  test_tokens();
  test_rounding();
  test_limits();
  test_metrics();
  test_bootstrap();
  test_render();
  test_formats();
  test_options();
  return DONE();
}
