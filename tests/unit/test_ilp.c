/* test_ilp.c — the concept-coverage selectors (select_ilp.c,
 * select_ilp_pos.c, select_concepts.c): budgets, the exact optimum
 * against brute force, the greedy fallback and its note, GLPK error
 * recovery, determinism, single-article clusters and concurrent solves.
 * Texts are invented for these tests. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "harness.h"
#include "precis.h"
#include "select.h"
#include "select_concepts.h"

static const char *const story[] = {
    "Officials in the town of Marlow Bay said on Monday that the old "
    "harbour bridge will close for repairs next month. The harbour bridge "
    "carries most of the traffic into the town centre. Engineers found "
    "cracks in two support beams during a routine inspection last week. "
    "The repairs are expected to take six weeks and cost about two million "
    "dollars. A ferry service will run while the bridge is closed. "
    "Residents said they were worried about delays. He said the ferry "
    "would run every twenty minutes.",
    "The harbour bridge in Marlow Bay will close for repairs next month, "
    "town officials said on Monday. Engineers found cracks in two support "
    "beams during an inspection last week, according to the council. The "
    "council said the repairs will cost about two million dollars. Local "
    "shop owners fear that the closure will keep customers away from the "
    "town centre. However, the council promised a free ferry service "
    "during the works.",
    "Cracks in two support beams will close the harbour bridge of Marlow "
    "Bay for six weeks from next month. A free ferry service will carry "
    "passengers across the harbour while the bridge is closed. The mayor "
    "said the town could not take any risk with the safety of drivers. "
    "The bridge was built more than eighty years ago and was last "
    "repaired in the nineteen seventies.",
};

/* The analyzed cluster of articles art[0..ndocs), named a, b, ... */
static precis_cluster *cluster_of(const char *const *art, size_t ndocs) {
  precis_cluster *c = precis_cluster_new();
  if (!c) return NULL;
  for (size_t i = 0; i < ndocs; i++) {
    char name[16];
    precis_doc_meta m = {name, NULL, NULL, NULL};
    name[0] = (char)('a' + i);
    name[1] = '\0';
    if (precis_cluster_add(c, art[i], strlen(art[i]), &m) != PRECIS_OK) {
      precis_cluster_free(c);
      return NULL;
    }
  }
  if (cluster_analyze(c, 0) != PRECIS_OK) {
    precis_cluster_free(c);
    return NULL;
  }
  return c;
}

static precis_cluster *make_cluster(size_t ndocs) {
  return cluster_of(story, ndocs);
}

/* cluster_of(art, ndocs), kept when article i splits into want[i]
 * sentences (any number where want[i] is -1), as one check, `what`;
 * NULL otherwise (freed). */
static precis_cluster *cluster_split(const char *const *art, size_t ndocs,
                                     const int *want, const char *what) {
  precis_cluster *c = cluster_of(art, ndocs);
  int ok = c && c->ndocs == ndocs;
  for (size_t i = 0; ok && i < ndocs; i++)
    ok = want[i] < 0 || c->docs[i].nsent == (uint32_t)want[i];
  OK(ok, "%s", what);
  if (!ok) {
    precis_cluster_free(c);
    c = NULL;
  }
  return c;
}

/* Bit u set when the ilp-pos brief of `words` words holds sentence u of
 * the first article (u < k); *ok cleared on a failed run. */
static unsigned lead_sentences_chosen(precis_cluster *c, size_t words,
                                      uint32_t k, int *ok) {
  const selector *sel = selector_find("ilp-pos");
  budget b = {PRECIS_BUDGET_WORDS, words, 0};
  sel_result r;
  memset(&r, 0, sizeof r);
  unsigned in = 0;
  if (!sel || sel->run(c, &b, &r) != PRECIS_OK) *ok = 0;
  for (size_t i = 0; i < r.n; i++)
    for (uint32_t u = 0; u < k; u++)
      if (r.chosen[i] == c->docs[0].sent0 + u) in |= 1u << u;
  sel_result_free(&r);
  return in;
}

static size_t used_cost(const precis_cluster *c, const budget *b,
                        const sel_result *r) {
  size_t used = 0;
  for (size_t i = 0; i < r->n; i++)
    used += budget_cost(b, &c->sents[r->chosen[i]]);
  return used;
}

/* Objective value of a set of candidates (flags `in`). */
static double set_value(const concept_set *k, const uint32_t *cand, size_t n,
                        const unsigned char *in, const cover_extra *x) {
  unsigned char *seen = calloc(k->n + 1, 1);
  double v = 0;
  if (!seen) return -1;
  for (size_t j = 0; j < n; j++) {
    if (!in[j]) continue;
    if (x && x->bonus) v += x->bonus[j];
    for (uint32_t q = k->off[cand[j]]; q < k->off[cand[j] + 1]; q++)
      if (!seen[k->id[q]]) {
        seen[k->id[q]] = 1;
        v += k->w[k->id[q]];
      }
  }
  free(seen);
  return v;
}

static int feasible(const precis_cluster *c, const budget *b,
                    const uint32_t *cand, size_t n, const unsigned char *in,
                    const cover_extra *x) {
  size_t used = 0;
  for (size_t j = 0; j < n; j++) {
    if (!in[j]) continue;
    used += budget_cost(b, &c->sents[cand[j]]);
    if (x && x->requires && x->requires[j] != UINT32_MAX && !in[x->requires[j]])
      return 0;
    if (x && x->joins && x->joins[j] != UINT32_MAX && !in[x->joins[j]])
      return 0;
    for (size_t i = j + 1; x && x->max_sim < 1.0 && i < n; i++)
      if (in[i] &&
          sent_cosine(c, &c->sents[cand[j]], &c->sents[cand[i]]) >= x->max_sim)
        return 0;
  }
  return used <= budget_capacity(b);
}

/* The best value over all subsets of the candidates. */
static double brute_force(const precis_cluster *c, const budget *b,
                          const concept_set *k, const uint32_t *cand, size_t n,
                          const cover_extra *x) {
  unsigned char in[32];
  double best = 0;
  for (unsigned long mask = 0; mask < (1ul << n); mask++) {
    for (size_t j = 0; j < n; j++)
      in[j] = (mask >> j) & 1;
    if (!feasible(c, b, cand, n, in, x)) continue;
    double v = set_value(k, cand, n, in, x);
    if (v > best) best = v;
  }
  return best;
}

/* Value of what a selector chose, mapped back onto the candidates. */
static double chosen_value(const concept_set *k, const uint32_t *cand, size_t n,
                           const sel_result *r, const cover_extra *x,
                           unsigned char *in) {
  memset(in, 0, n);
  for (size_t i = 0; i < r->n; i++)
    for (size_t j = 0; j < n; j++)
      if (cand[j] == r->chosen[i]) in[j] = 1;
  return set_value(k, cand, n, in, x);
}

static void test_budgets(void) {
  precis_cluster *c = make_cluster(3);
  OK(c != NULL, "cluster: three invented articles analysed");
  if (!c) return;
  const char *algos[] = {"ilp", "ilp-pos"};
  const budget budgets[] = {{PRECIS_BUDGET_WORDS, 40, 0},
                            {PRECIS_BUDGET_WORDS, 100, 0},
                            {PRECIS_BUDGET_BYTES, 300, 0},
                            {PRECIS_BUDGET_SENTENCES, 2, 0},
                            {PRECIS_BUDGET_WORDS, 5, 0}};
  for (size_t a = 0; a < 2; a++) {
    const selector *sel = selector_find(algos[a]);
    OK(sel != NULL, "%s: registered", algos[a]);
    if (!sel) continue;
    for (size_t i = 0; i < sizeof budgets / sizeof *budgets; i++) {
      sel_result r;
      memset(&r, 0, sizeof r);
      precis_status st = sel->run(c, &budgets[i], &r);
      int sel_ok = 1;
      for (size_t j = 0; j < r.n; j++)
        sel_ok &= (c->sents[r.chosen[j]].flags & SENT_SELECTABLE) != 0;
      OK(st == PRECIS_OK &&
             used_cost(c, &budgets[i], &r) <= budget_capacity(&budgets[i]) &&
             sel_ok && r.note == NULL,
         "%s: budget %zu (unit %d) respected, selectable only, no note",
         algos[a], budgets[i].limit, (int)budgets[i].unit);
      if (budgets[i].limit >= 100 && budgets[i].unit == PRECIS_BUDGET_WORDS)
        OK(r.n >= 2, "%s: 100 words hold several sentences", algos[a]);
      sel_result_free(&r);
    }
  }
  precis_cluster_free(c);
}

/* Solve exactly with GLPK (bnb 0) or the branch-and-bound (bnb 1): 1 when
 * the solve ends without a note and its choice (flags `in`, value *v)
 * fits the budget and the rows of x. */
static int solve_exact(precis_cluster *c, const budget *b, const ilp_params *p,
                       const concept_set *k, const uint32_t *cand, size_t n,
                       const cover_extra *x, int bnb, unsigned char *in,
                       double *v) {
  ilp_params q = *p;
  q.bnb_nodes = bnb ? 10000000 : 0;
  q.time_limit_ms = 60000;
  sel_result r;
  memset(&r, 0, sizeof r);
  precis_status st = ilp_select_with(c, b, &q, k, cand, n, x, &r);
  *v = chosen_value(k, cand, n, &r, x, in);
  int ok = st == PRECIS_OK && r.note == NULL && feasible(c, b, cand, n, in, x);
  sel_result_free(&r);
  return ok;
}

/* Exact optimum: GLPK and the branch-and-bound both reach the best value
 * over all subsets, with and without the sentence-level rows. */
static void test_exact(void) {
  precis_cluster *c = make_cluster(3);
  if (!c) return;
  ilp_params p;
  ilp_params_default(&p);
  p.min_words = 0;
  p.max_cand = 14; /* brute force over 2^14 subsets */
  p.concepts.low_weight = 0.05;
  concept_set k;
  uint32_t *cand = NULL;
  size_t n = 0;
  budget b = {PRECIS_BUDGET_WORDS, 60, 0};
  OK(concepts_build(c, &p.concepts, &k) == PRECIS_OK && k.n > 0,
     "concepts: bigrams shared by the articles found");
  OK(concepts_candidates(c, &k, &b, p.min_words, p.max_cand, 0, &cand, &n) ==
             PRECIS_OK &&
         n >= 8 && n <= 14,
     "concepts: %zu candidates", n);
  double bonus[32];
  uint32_t req[32], req2[32], joins[32];
  for (size_t j = 0; j < n; j++) {
    bonus[j] = (j % 3 == 0) ? -0.5 : 0.25 * (double)(j % 2);
    req[j] = (j % 4 == 3) ? (uint32_t)(j - 1) : UINT32_MAX;
    /* units of three, as a quotation over three sentences: the last
     * requires the middle, the middle the first; the first and the
     * middle join the one after them */
    req2[j] = (j % 3 != 0) ? (uint32_t)(j - 1) : UINT32_MAX;
    joins[j] = (j % 3 != 2 && j + 1 < n) ? (uint32_t)(j + 1) : UINT32_MAX;
  }
  const cover_extra extras[] = {{NULL, NULL, NULL, 1.0, NULL},
                                {bonus, NULL, NULL, 1.0, NULL},
                                {bonus, req, NULL, 0.4, NULL},
                                {bonus, req2, joins, 1.0, NULL}};
  const size_t limits[] = {25, 60, 90};
  unsigned char in[32];
  for (size_t e = 0; e < 4; e++)
    for (size_t l = 0; l < 3; l++) {
      b.limit = limits[l];
      double best = brute_force(c, &b, &k, cand, n, &extras[e]);
      /* the greedy (fallback and warm start) keeps the same rows */
      uint32_t pick[32];
      size_t np = 0;
      double gv = 0;
      memset(in, 0, n);
      OK(concepts_greedy(c, &k, &b, cand, n, &extras[e], 1.0, pick, &np,
                         &gv) == PRECIS_OK,
         "greedy (terms %zu, %zu words) runs", e, limits[l]);
      for (size_t i = 0; i < np; i++)
        in[pick[i]] = 1;
      OK((np > 0 || best == 0) && feasible(c, &b, cand, n, in, &extras[e]) &&
             fabs(set_value(&k, cand, n, in, &extras[e]) - gv) < 1e-9 &&
             gv <= best + 1e-9,
         "greedy (terms %zu, %zu words): feasible, value %.4f <= %.4f", e,
         limits[l], gv, best);
      for (int solver = 0; solver < 2; solver++) {
        double v;
        OK(solve_exact(c, &b, &p, &k, cand, n, &extras[e], solver, in, &v) &&
               fabs(v - best) < 1e-9,
           "exact (%s, terms %zu, %zu words): %.4f = brute force %.4f",
           solver ? "branch-and-bound" : "GLPK", e, limits[l], v, best);
      }
    }
  free(cand);
  concepts_free(&k);
  precis_cluster_free(c);
}

/* Many candidates (more than the 32 that the branch-and-bound orders all
 * at once at each node; past that it orders them lazily): GLPK and the
 * branch-and-bound reach the same optimum. The articles are invented
 * sentences drawn from a small vocabulary, so that they share bigrams. */
static void test_exact_many(void) {
  static const char *const words[] = {
      "council", "bridge", "ferry",  "harbour", "repairs", "engineers",
      "beams",   "cracks", "mayor",  "traffic", "town",    "closure",
      "weeks",   "cost",   "safety", "drivers", "shops",   "customers"};
  char text[4][4096];
  const char *art[4];
  uint32_t x = 12345;
  for (size_t d = 0; d < 4; d++) {
    size_t len = 0;
    for (size_t sn = 0; sn < 14; sn++) {
      size_t nw = 6 + (sn * 7 + d) % 9;
      for (size_t w = 0; w < nw; w++) {
        x = x * 1103515245u + 12345u;
        const char *t = words[(x >> 16) % (sizeof words / sizeof *words)];
        len += (size_t)snprintf(text[d] + len, sizeof text[d] - len, "%s%s",
                                w == 0 ? "The " : " ", t);
      }
      len += (size_t)snprintf(text[d] + len, sizeof text[d] - len, ". ");
    }
    art[d] = text[d];
  }
  precis_cluster *c = cluster_of(art, 4);
  OK(c != NULL, "many candidates: invented cluster analysed");
  if (!c) return;
  ilp_params p;
  ilp_params_default(&p);
  p.min_words = 0;
  p.max_cand = 60;
  concept_set k;
  uint32_t *cand = NULL;
  size_t n = 0;
  budget b = {PRECIS_BUDGET_WORDS, 60, 0};
  OK(concepts_build(c, &p.concepts, &k) == PRECIS_OK &&
         concepts_candidates(c, &k, &b, 0, p.max_cand, 0, &cand, &n) ==
             PRECIS_OK &&
         n > 32,
     "many candidates: %zu of them", n);
  const size_t limits[] = {30, 60, 120};
  const cover_extra none = {NULL, NULL, NULL, 1.0, NULL};
  unsigned char in[64];
  for (size_t l = 0; n > 32 && n <= 64 && l < 3; l++) {
    b.limit = limits[l];
    double v[2] = {0, 0};
    for (int solver = 0; solver < 2; solver++)
      OK(solve_exact(c, &b, &p, &k, cand, n, &none, solver, in, &v[solver]),
         "many candidates (%s, %zu words): exact and feasible",
         solver ? "branch-and-bound" : "GLPK", limits[l]);
    OK(fabs(v[0] - v[1]) < 1e-9 && v[0] > 0,
       "many candidates (%zu words): branch-and-bound %.4f = GLPK %.4f",
       limits[l], v[1], v[0]);
  }
  free(cand);
  concepts_free(&k);
  precis_cluster_free(c);
}

static void test_fallback(void) {
  precis_cluster *c = make_cluster(3);
  if (!c) return;
  budget b = {PRECIS_BUDGET_WORDS, 60, 0};
  ilp_params p;
  ilp_params_default(&p);
  sel_result r;

  p.time_limit_ms = 0;
  memset(&r, 0, sizeof r);
  OK(ilp_select(c, &b, &p, &r) == PRECIS_OK && r.n > 0 &&
         used_cost(c, &b, &r) <= 60,
     "fallback: time cap 0 still selects within budget");
  STR_EQ(r.note, "ilp: time cap reached, greedy fallback",
         "fallback: time cap reported in the note");
  sel_result_free(&r);

  ilp_params_default(&p);
  p.inject_error = 1;
  memset(&r, 0, sizeof r);
  OK(ilp_select(c, &b, &p, &r) == PRECIS_OK && r.n > 0 &&
         used_cost(c, &b, &r) <= 60,
     "fallback: a GLPK error is caught (no abort), greedy used");
  STR_EQ(r.note, "ilp: solver failed, greedy fallback",
         "fallback: solver failure reported in the note");
  sel_result_free(&r);

  /* branch-and-bound stopped at once: greedy, and the note says so; with
   * GLPK after it, the solve is exact again */
  ilp_params_default(&p);
  p.bnb_nodes = 1;
  memset(&r, 0, sizeof r);
  OK(ilp_select(c, &b, &p, &r) == PRECIS_OK && r.n > 0 &&
         used_cost(c, &b, &r) <= 60,
     "fallback: node limit still selects within budget");
  STR_EQ(r.note, "ilp: node limit reached, greedy fallback",
         "fallback: node limit reported in the note");
  sel_result_free(&r);
  p.glpk_after_bnb = 1;
  memset(&r, 0, sizeof r);
  OK(ilp_select(c, &b, &p, &r) == PRECIS_OK && r.n > 0 && r.note == NULL,
     "fallback: GLPK finishes what branch-and-bound left");
  sel_result_free(&r);

  /* GLPK works again after the error (its environment was rebuilt) */
  ilp_params_default(&p);
  memset(&r, 0, sizeof r);
  OK(ilp_select(c, &b, &p, &r) == PRECIS_OK && r.n > 0 && r.note == NULL,
     "fallback: the next solve after an error is exact again");
  sel_result_free(&r);

  /* the note reaches the public summary */
  precis_options o;
  precis_options_init(&o);
  o.algorithm = "ilp";
  precis_summary *s = NULL;
  OK(precis_summarize(c, &o, &s) == PRECIS_OK &&
         precis_summary_note(s) == NULL &&
         strcmp(precis_summary_algorithm(s), "ilp") == 0,
     "summary: ilp by name, no note when solved");
  precis_summary_free(s);
  precis_cluster_free(c);
}

static int same_result(const sel_result *a, const sel_result *b) {
  if (a->n != b->n) return 0;
  for (size_t i = 0; i < a->n; i++)
    if (a->chosen[i] != b->chosen[i] || a->score[i] != b->score[i]) return 0;
  return 1;
}

static void test_determinism(void) {
  const char *algos[] = {"ilp", "ilp-pos"};
  for (size_t a = 0; a < 2; a++) {
    const selector *sel = selector_find(algos[a]);
    precis_cluster *c1 = make_cluster(3), *c2 = make_cluster(3);
    if (!sel || !c1 || !c2) {
      precis_cluster_free(c1);
      precis_cluster_free(c2);
      continue;
    }
    budget b = {PRECIS_BUDGET_WORDS, 100, 0};
    sel_result r1, r2, r3;
    memset(&r1, 0, sizeof r1);
    memset(&r2, 0, sizeof r2);
    memset(&r3, 0, sizeof r3);
    sel->run(c1, &b, &r1);
    sel->run(c1, &b, &r2);
    sel->run(c2, &b, &r3);
    OK(r1.n > 0 && same_result(&r1, &r2) && same_result(&r1, &r3),
       "%s: same input, same brief (same and fresh cluster)", algos[a]);
    sel_result_free(&r1);
    sel_result_free(&r2);
    sel_result_free(&r3);
    precis_cluster_free(c1);
    precis_cluster_free(c2);
  }
}

static void test_single_doc(void) {
  precis_cluster *c = make_cluster(1);
  if (!c) return;
  concept_set k;
  concept_params cp;
  memset(&cp, 0, sizeof cp);
  cp.min_support = 2;
  OK(concepts_build(c, &cp, &k) == PRECIS_OK && k.n > 0,
     "single article: concepts from within-article frequency");
  concepts_free(&k);
  const char *algos[] = {"ilp", "ilp-pos"};
  for (size_t a = 0; a < 2; a++) {
    budget b = {PRECIS_BUDGET_WORDS, 50, 0};
    sel_result r;
    memset(&r, 0, sizeof r);
    precis_status st = selector_find(algos[a])->run(c, &b, &r);
    OK(st == PRECIS_OK && r.n > 0 && used_cost(c, &b, &r) <= 50,
       "single article: %s selects within budget", algos[a]);
    sel_result_free(&r);
  }
  precis_cluster_free(c);
}

/* ilp-pos keeps a dangling opener ("He said", "However,") with the
 * sentence before it, at every budget. */
static void test_antecedents(void) {
  precis_cluster *c = make_cluster(3);
  if (!c) return;
  const selector *sel = selector_find("ilp-pos");
  int ok = sel != NULL, dangling_seen = 0;
  for (size_t w = 20; ok && w <= 200; w += 10) {
    budget b = {PRECIS_BUDGET_WORDS, w, 0};
    sel_result r;
    memset(&r, 0, sizeof r);
    ok = sel->run(c, &b, &r) == PRECIS_OK;
    for (size_t i = 0; ok && i < r.n; i++) {
      const sent *s = &c->sents[r.chosen[i]];
      if (!(s->flags & SENT_DANGLING)) continue;
      dangling_seen++;
      int pred = 0;
      for (size_t j = 0; j < r.n; j++)
        pred |= r.chosen[j] + 1 == r.chosen[i] &&
                c->sents[r.chosen[j]].doc == s->doc;
      ok = pred;
    }
    sel_result_free(&r);
  }
  OK(ok, "ilp-pos: dangling openers only with their antecedent (%d seen)",
     dangling_seen);
  precis_cluster_free(c);
}

/* Splits one article and checks which of its n sentences dangle
 * (SENT_DANGLING), one check per sentence. */
static void check_dangling(const char *text, const int *dangles, size_t n,
                           const char *what) {
  const char *const art[] = {text};
  precis_cluster *c = cluster_of(art, 1);
  int ok = c && c->docs[0].nsent == n;
  OK(ok, "%s: %zu sentences", what, n);
  for (size_t k = 0; ok && k < n; k++) {
    const sent *q = &c->sents[c->docs[0].sent0 + k];
    OK(!(q->flags & SENT_DANGLING) == !dangles[k], "%s: sentence %zu %s", what,
       k, dangles[k] ? "dangles" : "stands alone");
  }
  precis_cluster_free(c);
}

/* A transcript's answer opens with its speaker's label; a pronoun after
 * the label leans on the question before it as a bare "He" does. A
 * label needs capitalised words and a colon: "The result: they won."
 * is no label, and "They" after one still dangles. */
static void test_label_opener(void) {
  static const int dangles[] = {0, 1, 0, 0, 1};
  check_dangling(
      "Question: What did the minister say about the bridge at Dobrava?\n\n"
      "Vera Holt: He asked about the cracks in the main supports. "
      "Vera Holt: The repairs start in January. "
      "The result: the bridge stays closed until March. "
      "Q: They will pay for the ring road.\n",
      dangles, 5, "speaker label");
}

/* Some openers from the list lean on nothing, by the word after them:
 * existential "there" (not the place adverb), "this" of the calendar,
 * "so far", "instead of". Each pair below differs in that word only. */
static void test_standalone_openers(void) {
  static const int dangles[] = {0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1};
  check_dangling(
      "The council met at the harbor office on Monday evening. "
      "There are two ways into the old town from the harbor. "
      "There, the crews found the broken pumps of the ferry. "
      "There\xe2\x80\x99s no plan yet for the closed ferry terminal. "
      "There's no money left for the new bridge at Dobrava. "
      "This week, the council will vote on the repair budget. "
      "This plan will cost the town three million euros in all. "
      "So far, no one has been hurt at the closed ferry terminal. "
      "So the council asked the port for another loan this year. "
      "Instead of a bridge, the town will run a second ferry boat. "
      "Instead, the town will run a second ferry boat across the bay.\n",
      dangles, 11, "standalone openers");
}

/* An "it" that stands for nothing: extraposition ("It is unclear
 * whether ...", "It's hard to say ...", "It seems that ...") and the cleft
 * "It was not until ...". Raising ("It is likely to close", "It seems to
 * be"), a plain "It was ...", a predicate that takes no clause ("unclear
 * to") and a comma after the verb still lean on the sentence before. */
static void test_impersonal_it(void) {
  static const int dangles[] = {0, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 1};
  check_dangling(
      "The council met at the harbor office on Monday evening. "
      "It is unclear whether the ferry will run again this year. "
      "It is unclear to the crews at the pier after the fire. "
      "It wasn't immediately clear how the fire started at the pier. "
      "It\xe2\x80\x99s hard to say when the harbor will open to ships. "
      "It is likely to close for the winter after the fire. "
      "It was not until Friday that the crews reached the pier. "
      "It seems that the pumps failed before the fire started. "
      "It seems to be the worst fire the harbor has seen in years. "
      "It was a long night for the crews at the harbor office. "
      "\" it 's unclear whether the ferry will run again, \" she said. "
      "It is, the mayor said, unclear whether the ferry will run.\n",
      dangles, 12, "impersonal it");
}

/* Tokenized text (Multi-News) spaces its quotation marks: the opener is
 * the first word after the mark and its space, as in cased text. */
static void test_spaced_quote_opener(void) {
  static const int dangles[] = {0, 1, 0, 1};
  check_dangling(
      "the council met at the harbor office on monday evening. "
      "\" it was a long night for the crews at the harbor, \" the mayor "
      "said. \" the crews worked all night at the harbor, \" the mayor "
      "said. \"It was a long night for the crews at the harbor,\" the "
      "mayor said.\n",
      dangles, 4, "spaced quotation mark");
}

/* A pronoun speaker in an article's first sentence, well inside it,
 * names someone the sentence names first; at the end of the sentence, or
 * in any later sentence, it leans on what came before. */
static void test_lead_speaker(void) {
  static const char *const art[] = {
      "Harbor master Ada Morn resigned on Monday, saying she told the "
      "council to cut the ferry budget. Harbor master Ada Morn resigned "
      "on Monday, saying she told the council to cut the ferry budget.\n",
      "The ferry budget will be cut in half next year at the harbor, she "
      "said. The council met at the harbor office on Monday evening.\n",
      "\"The ferry budget will be cut in half,\" she told the council "
      "at the harbor office on Monday evening.\n"};
  precis_cluster *c = cluster_split(art, 3, (const int[]){2, 2, 1},
                                    "lead speaker: 2, 2 and 1 sentences");
  if (!c) return;
  const sent *a = &c->sents[c->docs[0].sent0];
  const sent *b = &c->sents[c->docs[1].sent0];
  const sent *q = &c->sents[c->docs[2].sent0];
  OK(!(a[0].flags & SENT_SPEAKER) && (a[1].flags & SENT_SPEAKER),
     "lead speaker: the first sentence names her, the same later does not");
  OK(b[0].flags & SENT_SPEAKER,
     "lead speaker: \", she said.\" at the end of a first sentence");
  OK(q[0].flags & SENT_SPEAKER,
     "lead speaker: a first sentence that opens with a quotation");
  precis_cluster_free(c);
}

/* Over ilp-pos briefs of 15 to 80 words, how many take of the first
 * article's first two sentences a set that is wrong (its mask, 1 for the
 * first, 2 for the second, is in `wrong`, a bit per mask) and how many
 * take both. 0 if a selection failed. */
static int pair_briefs(precis_cluster *c, unsigned wrong, int *bad, int *both) {
  int ok = 1;
  *bad = *both = 0;
  for (size_t w = 15; ok && w <= 80; w += 5) {
    unsigned in = lead_sentences_chosen(c, w, 2, &ok);
    *bad += (wrong >> in) & 1;
    *both += in == 3;
  }
  return ok;
}

/* pair_briefs' two checks on c (NULL after a failed prologue: both
 * fail): no brief takes a set in `wrong` (`never` says what that
 * means), and some take both first sentences. */
static void check_pairs(precis_cluster *c, unsigned wrong, const char *never) {
  int alone = 0, together = 0;
  int ok = c && pair_briefs(c, wrong, &alone, &together);
  OK(ok && alone == 0, "ilp-pos: %s", never);
  OK(together > 0, "ilp-pos: ... and with it when the budget allows");
}

/* ilp-pos takes the rest of a quotation (a sentence that closes a quote
 * an earlier sentence opened) only with that earlier sentence, so a
 * speaker's words never read as the outlet's. The continuation here
 * holds what the other two articles say in separate sentences, so
 * without the rule it is taken alone at 20 and 30 words. */
static void test_quote_rest(void) {
  static const char *const art[] = {
      "\xe2\x80\x9cThe warehouse fire at Ketterby harbor is out at last. "
      "Crews saved the grain silos and the ferry terminal,\xe2\x80\x9d fire "
      "chief Ada Morn said on Tuesday.\n",
      "The grain silos were saved by crews working through the night, "
      "officials said. The warehouse burned for six hours before the blaze "
      "was brought under control.\n",
      "Ferries will sail again on Thursday because the ferry terminal was "
      "saved by crews. The port authority said so in a statement.\n"};
  precis_cluster *c =
      cluster_split(art, 3, (const int[]){2, -1, -1},
                    "quote rest: three articles, the first in two sentences");
  check_pairs(c, 1u << 2, "the rest of a quotation never without its opening");
  precis_cluster_free(c);
}

/* A whole quotation after its speaker's sentence ('"...," she said.
 * "More words."') goes on with that speaker's turn, and one before the
 * sentence that names its speaker ('"...!" Ada Morn wrote.') waits for
 * it: alone, either would be a quotation with no speaker. The first
 * article's second sentence holds what the other two report, so without
 * the rule ilp-pos takes it alone. */
static void test_quote_turn(void) {
  static const char *const art[] = {
      "\"The warehouse fire at Ketterby harbor is out at last,\" fire "
      "chief Ada Morn announced on Tuesday. \"Crews saved the grain silos and "
      "the ferry terminal, and ferries sail again on Thursday.\"\n",
      "The grain silos were saved by crews working through the night, "
      "officials said. The warehouse burned for six hours before the blaze "
      "was brought under control.\n",
      "Ferries will sail again on Thursday because the ferry terminal was "
      "saved by crews. The port authority said so in a statement.\n",
      "\"Crews saved the grain silos and the ferry terminal at the "
      "harbor!\" Ada Morn wrote on the county site. \"We thank every "
      "crew member at the harbor.\"\n",
      "The county said this:\n\n\"Crews saved the grain silos and the "
      "ferry terminal at the harbor.\"\n\nOfficials said the harbor "
      "would reopen on Friday.\n",
      "Crews saved the grain silos on Tuesday. \"The ferry terminal was "
      "saved too.\" \"The ferry terminal was saved,\" the county said. "
      "Officials called the work \"a night of hard labour at the "
      "harbor.\" Officials said the harbor would reopen on Friday.\n"};
  precis_cluster *c =
      cluster_split(art, 6, (const int[]){2, -1, -1, 3, 3, 5},
                    "quote turn: the articles in 2, 3, 3 and 5 sentences");
  if (!c) return;
  const sent *a = &c->sents[c->docs[0].sent0];
  const sent *w = &c->sents[c->docs[3].sent0];
  const sent *k = &c->sents[c->docs[4].sent0];
  const sent *o = &c->sents[c->docs[5].sent0];
  OK(!(a[0].flags & SENT_QUOTE_TURN) && (a[1].flags & SENT_QUOTE_TURN),
     "quote turn: a whole quotation after its speaker's quotation");
  OK((w[0].flags & SENT_SAID_AFTER) && !(w[1].flags & SENT_SAID_AFTER) &&
         (w[1].flags & SENT_SAYS_BEFORE) && !(w[0].flags & SENT_QUOTE_TURN),
     "quote turn: a whole quotation before the sentence naming its speaker");
  OK(w[2].flags & SENT_QUOTE_TURN,
     "quote turn: a whole quotation after that sentence, which has no mark");
  OK((k[1].flags & SENT_QUOTE_TURN) && !(k[1].flags & SENT_SAID_AFTER),
     "quote turn: a whole quotation after a colon, a paragraph on (and "
     "not one whose next paragraph opens with a speech verb)");
  for (int i = 1; i < 4; i++)
    OK(!(o[i].flags & (SENT_QUOTE_TURN | SENT_SAID_AFTER)),
       "quote turn: not %s",
       i == 1   ? "after a sentence with neither mark nor speech verb"
       : i == 2 ? "for a quotation its sentence goes on after"
                : "for a quotation its sentence opens with other words, "
                  "a speech verb in the next");
  precis_cluster_free(c);
  c = cluster_split(art, 3, (const int[]){2, -1, -1},
                    "quote turn: the first article and the two reporting it");
  check_pairs(c, 1u << 2,
              "a quotation that goes on with a turn never without it");
  precis_cluster_free(c);
  /* the speaker named after the quotation: the quotation never alone */
  const char *const after[] = {
      "\"Crews saved the grain silos and the ferry terminal, and ferries "
      "sail again on Thursday!\" Ada Morn wrote on the county site on "
      "Tuesday.\n",
      art[1], art[2]};
  c = cluster_split(after, 3, (const int[]){2, -1, -1},
                    "quote turn: the quotation, then its speaker's sentence");
  int ok = c && (c->sents[0].flags & SENT_SAID_AFTER);
  OK(ok, "quote turn: the speaker's sentence after the quotation");
  /* neither alone: the quotation has no speaker, the other no words */
  check_pairs(ok ? c : NULL, 1u << 1 | 1u << 2,
              "a quotation never without the sentence naming its speaker");
  precis_cluster_free(c);
}

/* A transcript's turn is its speaker's words: the turn's second sentence
 * (what the other articles report, so worth taking alone) is chosen only
 * with the labelled sentence before it, never as the outlet's words. A
 * glossary's repeated labels make no turn. */
static void test_turn_rest(void) {
  static const char *const art[] = {
      "Question: What happened at Ketterby harbor overnight?\n\n"
      "Ada Morn: We fought the warehouse fire until dawn. The grain silos "
      "and the ferry terminal were saved by crews working through the "
      "night.\n\n"
      "Question: When will the ferries sail?\n\n"
      "Ada Morn: I expect them to sail again on Thursday.\n",
      "The grain silos were saved by crews working through the night, "
      "officials said. The warehouse burned for six hours before the blaze "
      "was brought under control.\n",
      "Ferries will sail again on Thursday because the ferry terminal was "
      "saved by crews. The port authority said so in a statement.\n",
      "Severe: Height and weight below the 3rd percentile.\n\n"
      "None: Height and weight above the 10th percentile.\n\n"
      "Severe: All three features ranked as severe.\n\n"
      "None: All three features within normal limits.\n"};
  precis_cluster *c =
      cluster_split(art, 4, (const int[]){5, -1, -1, -1},
                    "turn rest: the transcript in five sentences");
  int ok = c != NULL;
  const sent *t = ok ? &c->sents[c->docs[0].sent0] : NULL;
  const sent *g = ok ? &c->sents[c->docs[3].sent0] : NULL;
  OK(ok && !(t[1].flags & SENT_QUOTE_REST) && (t[2].flags & SENT_QUOTE_REST) &&
         !(t[4].flags & SENT_QUOTE_REST),
     "turn rest: the sentence after the labelled one is flagged, the "
     "labelled ones are not");
  OK(ok && !(g[1].flags & SENT_QUOTE_REST) && !(g[3].flags & SENT_QUOTE_REST),
     "turn rest: a glossary's sentences are not");
  int alone = 0, together = 0;
  for (size_t w = 15; ok && w <= 80; w += 5) {
    unsigned in = lead_sentences_chosen(c, w, 3, &ok);
    alone += (in & 4) && !(in & 2);
    together += (in & 6) == 6;
  }
  OK(ok && alone == 0, "ilp-pos: a turn's second sentence never alone");
  OK(together > 0, "ilp-pos: ... and with its label when the budget allows");
  precis_cluster_free(c);
}

/* The other two articles of the bridge-closure clusters below: they
 * report what the quotation's opening says, so that the opening is worth
 * taking. */
#define BRIDGE_OTHERS                                                     \
  "The Dobrava bridge over the Lenner river will stay closed to all "    \
  "traffic until March, the county said. Drivers must take the ring "    \
  "road instead.\n",                                                     \
  "Traffic will not cross the bridge at Dobrava until March because it " \
  "is closed. The Lenner river crossing carried ten thousand cars a "    \
  "day.\n"

/* The county engineer's quotation, as the first article opens it. */
#define BRIDGE_OPENING                                                   \
  "\xe2\x80\x9cThe bridge over the Lenner river at Dobrava will stay "   \
  "closed to all traffic until March. We found cracks in two of the "   \
  "main supports"

#define Q_OPEN SENT_QUOTE_OPEN
#define Q_MID (SENT_QUOTE_OPEN | SENT_QUOTE_REST)
#define Q_REST SENT_QUOTE_REST

/* 1 if c's first article has n sentences whose quotation flags are
 * want[0..n). */
static int quote_flags(const precis_cluster *c, const unsigned *want,
                       uint32_t n) {
  int ok = c && c->docs[0].nsent == n;
  for (uint32_t i = 0; ok && i < n; i++)
    ok = (c->sents[c->docs[0].sent0 + i].flags & Q_MID) == want[i];
  return ok;
}

/* The first article of `art` (its others BRIDGE_OTHERS) as a cluster,
 * checked to have n sentences whose quotation flags are want[0..n). */
static precis_cluster *quote_cluster(const char *const *art, const char *what,
                                     const unsigned *want, uint32_t n) {
  precis_cluster *c = cluster_of(art, 3);
  int ok = c && c->ndocs == 3 && quote_flags(c, want, n);
  OK(ok, "%s: quotation flags", what);
  if (!ok) precis_cluster_free(c);
  return ok ? c : NULL;
}

/* Over ilp-pos briefs of 15 to 80 words, how many take the first
 * article's first n sentences whole and how many take some but not all. */
static int quote_briefs(precis_cluster *c, uint32_t n, int *whole,
                        int *broken) {
  int ok = 1;
  unsigned all = (1u << n) - 1;
  *whole = *broken = 0;
  for (size_t w = 15; ok && w <= 80; w += 5) {
    unsigned in = lead_sentences_chosen(c, w, n, &ok);
    *whole += in == all;
    *broken += in != 0 && in != all;
  }
  return ok;
}

/* A quotation over three sentences is one unit for ilp-pos: its
 * opening never appears without the sentences up to the one naming the
 * speaker (alone it would hide who speaks), and the middle never
 * without both. The opening holds what the other articles report, so
 * without the rule it is taken alone at small budgets. */
static void test_quote_unit(void) {
  static const char *const art[] = {
      BRIDGE_OPENING " during the inspection. Nobody should cross "
                     "it,\xe2\x80\x9d county engineer Vera Holt told the "
                     "council on Monday.\n",
      BRIDGE_OTHERS};
  static const unsigned want[] = {Q_OPEN, Q_MID, Q_REST};
  precis_cluster *c = quote_cluster(art, "quote unit", want, 3);
  int whole = 0, broken = 0;
  int ok = c && quote_briefs(c, 3, &whole, &broken);
  OK(ok && broken == 0,
     "ilp-pos: a quotation's sentences all or none (%d briefs broke it)",
     broken);
  OK(whole > 0, "ilp-pos: ... all when the budget allows");
  precis_cluster_free(c);
}

/* A quotation over five sentences, its speaker named in the last: the
 * unit reaches back to the opening however far it is in the paragraph
 * (a reach of three sentences left the opening free to be taken alone).
 * How ilp-pos treats a unit is test_quote_unit's; here the other
 * articles say it all, so no budget takes this one. */
static void test_quote_long(void) {
  static const char *const art[] = {
      BRIDGE_OPENING ". The repairs need steel from abroad. The crews "
                     "start in January. Nobody should cross "
                     "it,\xe2\x80\x9d county engineer Vera Holt told the "
                     "council on Monday.\n",
      BRIDGE_OTHERS};
  static const unsigned want[] = {Q_OPEN, Q_MID, Q_MID, Q_MID, Q_REST};
  precis_cluster_free(quote_cluster(art, "long quotation", want, 5));
}

/* A quotation that runs on into the next paragraph (left open at the
 * paragraph's end, the next paragraph reopening it: news writing's
 * convention) names its speaker only there. Its opening holds what the
 * other articles report, so without the rule ilp-pos takes it alone
 * ("The bridge ... until March." with an open mark and no speaker); with
 * it, the opening and the rest of its paragraph go only with the next
 * paragraph's first sentence. */
static void test_quote_runaway(void) {
  static const char *const art[] = {
      BRIDGE_OPENING ".\n\n"
                     "\xe2\x80\x9cNobody should cross it before the "
                     "repairs,\xe2\x80\x9d county engineer Vera Holt told "
                     "the council on Monday.\n",
      BRIDGE_OTHERS};
  static const unsigned want[] = {Q_OPEN, Q_MID, 0};
  precis_cluster *c = quote_cluster(art, "runaway quotation", want, 3);
  int ok = c && c->sents[c->docs[0].sent0 + 1].para !=
                    c->sents[c->docs[0].sent0 + 2].para;
  int alone = 0;
  for (size_t w = 15; ok && w <= 80; w += 5) {
    unsigned in = lead_sentences_chosen(c, w, 3, &ok);
    alone += (in & 3) != 0 && !(in & 4);
  }
  OK(ok && alone == 0,
     "ilp-pos: a runaway quotation's opening never without the next "
     "paragraph (%d briefs)",
     alone);
  precis_cluster_free(c);
}

/* Tokenized text (Multi-News's: spaces on both sides of every straight
 * mark) says which way a mark faces only by whether a quotation is open:
 * the first mark opens, the next closes, across sentences. */
static void test_quote_tokenized(void) {
  static const char *const art =
      "The county closed the bridge on monday . \" the bridge will stay "
      "closed until march . we found cracks in two of the supports , \" "
      "county engineer vera holt said . \" nobody should cross it , \" "
      "she added . drivers must use the ring road .\n";
  static const unsigned want[] = {0, Q_OPEN, Q_REST, 0, 0};
  precis_cluster *c = cluster_of(&art, 1);
  OK(quote_flags(c, want, 5),
     "quote unit: tokenized marks read across sentences (%zu sentences)",
     c ? c->nsents : 0);
  precis_cluster_free(c);
}

/* A quotation still open where its article ends was cut off (Multi-News
 * truncates its sources mid-sentence), and with it the words that close
 * it and may name the speaker: no sentence of it reaches a brief. The
 * opening holds what the other articles report, so without the rule
 * ilp-pos takes it alone, its quotation left open and nobody speaking. */
static void test_quote_cut_off(void) {
  static const char *const art[] = {
      BRIDGE_OPENING ". The repairs need steel from abroad. The crews "
                     "start in\n",
      BRIDGE_OTHERS};
  static const unsigned want[] = {Q_OPEN, Q_MID, Q_MID, Q_MID};
  precis_cluster *c = quote_cluster(art, "cut-off quotation", want, 4);
  int whole = 0, broken = 0;
  int ok = c && quote_briefs(c, 4, &whole, &broken);
  OK(ok && whole == 0 && broken == 0,
     "ilp-pos: no sentence of a cut-off quotation (%d briefs took some)",
     broken);
  precis_cluster_free(c);
}

/* A quotation left open and opened again before it closes (its closing
 * mark left out, or paragraphs run together): the earlier sentence goes
 * with the later one, which names the speaker. Without the rule the
 * opening is free to be taken alone. */
static void test_quote_reopened(void) {
  static const char *const art[] = {
      "\xe2\x80\x9cThe bridge over the Lenner river at Dobrava will stay "
      "closed to all traffic until March. \xe2\x80\x9cNobody should cross "
      "it,\xe2\x80\x9d county engineer Vera Holt told the council on "
      "Monday.\n",
      BRIDGE_OTHERS};
  static const unsigned want[] = {Q_OPEN, Q_REST};
  precis_cluster *c = quote_cluster(art, "reopened quotation", want, 2);
  int whole = 0, broken = 0;
  int ok = c && quote_briefs(c, 2, &whole, &broken);
  OK(ok && broken == 0,
     "ilp-pos: a reopened quotation all or none (%d briefs broke it)", broken);
  precis_cluster_free(c);
}

/* A straight mark glued on both sides (a space lost in tokenized text:
 * `on monday."the bridge`) faces the way the quotation state says, as a
 * mark spaced on both sides does: here it opens, and the quotation closes
 * in the same sentence. Read as no mark, the closing one opened a
 * quotation that ran to the article's end. */
static void test_quote_glued(void) {
  static const char *const art =
      "The county closed the bridge on monday.\"the bridge will stay "
      "closed until march , \" county engineer vera holt said . drivers "
      "must use the ring road .\n";
  static const unsigned want[] = {0, 0};
  precis_cluster *c = cluster_of(&art, 1);
  OK(quote_flags(c, want, 2),
     "quote unit: a mark glued on both sides opens outside a quotation "
     "(%zu sentences)",
     c ? c->nsents : 0);
  precis_cluster_free(c);
}

/* Solves in several threads at once give the sequential answers (GLPK's
 * environment is thread-local). */
typedef struct job {
  const char *algo;
  sel_result r;
  int ok;
} job;

static void *run_job(void *arg) {
  job *j = arg;
  precis_cluster *c = make_cluster(3);
  budget b = {PRECIS_BUDGET_WORDS, 100, 0};
  j->ok = 0;
  if (!c) return NULL;
  for (int i = 0; i < 20; i++) {
    sel_result_free(&j->r);
    j->ok = selector_find(j->algo)->run(c, &b, &j->r) == PRECIS_OK;
  }
  precis_cluster_free(c);
  return NULL;
}

static void test_threads(void) {
  const char *algos[2] = {"ilp", "ilp-pos"};
  job seq[2], par[4];
  for (int a = 0; a < 2; a++) {
    memset(&seq[a], 0, sizeof seq[a]);
    seq[a].algo = algos[a];
    run_job(&seq[a]);
  }
  pthread_t th[4];
  int started[4], same = 1;
  for (int i = 0; i < 4; i++) {
    memset(&par[i], 0, sizeof par[i]);
    par[i].algo = algos[i % 2];
    started[i] = pthread_create(&th[i], NULL, run_job, &par[i]) == 0;
    same &= started[i];
  }
  for (int i = 0; i < 4; i++) {
    if (started[i]) pthread_join(th[i], NULL);
    same &= par[i].ok && same_result(&par[i].r, &seq[i % 2].r);
    sel_result_free(&par[i].r);
  }
  OK(seq[0].ok && seq[1].ok && same,
     "threads: 4 concurrent solves (ilp, ilp-pos) match sequential");
  sel_result_free(&seq[0].r);
  sel_result_free(&seq[1].r);
}

int main(void) {
  test_budgets();
  test_exact();
  test_exact_many();
  test_fallback();
  test_determinism();
  test_single_doc();
  test_antecedents();
  test_quote_rest();
  test_quote_turn();
  test_quote_unit();
  test_quote_runaway();
  test_quote_long();
  test_label_opener();
  test_standalone_openers();
  test_impersonal_it();
  test_spaced_quote_opener();
  test_lead_speaker();
  test_turn_rest();
  test_quote_tokenized();
  test_quote_cut_off();
  test_quote_reopened();
  test_quote_glued();
  test_threads();
  return DONE();
}
