/* test_select.c — the graph and coverage selectors (lexrank, textrank,
 * mmr, klsum, submodular): budgets in every unit, only selectable
 * sentences, deterministic output, and one hand-checkable case each.
 * All texts are invented for these tests. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "harness.h"
#include "keyidx.h"
#include "order.h"
#include "precis.h"
#include "select_graph.h"

static const char *const algos[] = {"lexrank", "textrank", "mmr", "klsum",
                                    "submodular"};
#define N_ALGOS (sizeof algos / sizeof *algos)

#define NEAR(got, want, eps, ...)                                              \
  do {                                                                         \
    double n_g_ = (got), n_w_ = (want);                                        \
    OK(fabs(n_g_ - n_w_) <= (eps), __VA_ARGS__);                               \
    if (fabs(n_g_ - n_w_) > (eps))                                             \
      printf("#   got %.9g, want %.9g\n", n_g_, n_w_);                         \
  } while (0)

/* ---- an invented story told by four outlets ---- */

static const char *const story[] = {
    "Harbor Council Votes On Ferry Plan\n"
    "The harbor council of Velmora voted on Tuesday to replace the old "
    "ferry fleet with six electric boats by the end of next year.\n"
    "The plan will cost about forty million crowns, according to the "
    "council's budget office.\n"
    "Ferry workers had asked for new boats after two engine fires last "
    "winter stopped service for several weeks.\n"
    "Why now?\n"
    "Officials said the electric boats would cut fuel costs and noise in "
    "the old harbor district.\n"
    "short line here.\n"
    "The first two boats are expected to enter service next spring on the "
    "island route.\n",

    "Velmora council approves electric ferries for the harbor, replacing "
    "an ageing fleet of diesel boats.\n"
    "The vote on Tuesday was nine to two, with two members saying the "
    "forty million crown price was too high.\n"
    "Engine fires last winter left islanders without a ferry for weeks, "
    "and workers pressed the council for new boats.\n"
    "The council said six electric boats will be built at the shipyard in "
    "the northern district.\n"
    "Residents of the island welcomed the decision at a crowded meeting "
    "in the town hall.\n",

    "The harbor council voted to buy six electric ferries, ending months of "
    "debate over the ageing diesel fleet.\n"
    "Critics on the council said the cost of forty million crowns should "
    "have gone to the island's roads instead.\n"
    "The shipyard in the northern district will build the boats, which "
    "are quieter and cheaper to run.\n"
    "He said the islanders had waited long enough for reliable service.\n"
    "Service on the island route will switch to the new boats from next "
    "spring, officials said.\n",

    "Islanders cheered as the council backed the electric ferry plan on "
    "Tuesday evening.\n"
    "Two engine fires last winter stopped the old ferries for weeks and "
    "angered residents of the island.\n"
    "The new electric boats will be quieter, cleaner and cheaper to run, "
    "the harbor master told reporters.\n"
    "A spokesman for the ferry workers said the crews were relieved that "
    "the old boats would retire.\n",
};
#define N_STORY (sizeof story / sizeof *story)

static precis_cluster *S_cluster(const char *const *texts, size_t n) {
  precis_cluster *c = precis_cluster_new();
  if (!c) return NULL;
  for (size_t i = 0; i < n; i++) {
    char name[32];
    snprintf(name, sizeof name, "outlet-%zu", i + 1);
    precis_doc_meta m = {name, NULL, NULL, NULL};
    if (precis_cluster_add(c, texts[i], strlen(texts[i]), &m) != PRECIS_OK) {
      precis_cluster_free(c);
      return NULL;
    }
  }
  return c;
}

static precis_summary *S_run(precis_cluster *c, const char *algo,
                             precis_budget_unit unit, size_t limit,
                             unsigned flags) {
  precis_options o;
  precis_options_init(&o);
  o.algorithm = algo;
  o.unit = unit;
  o.budget = limit;
  o.flags = flags;
  precis_summary *s = NULL;
  return precis_summarize(c, &o, &s) == PRECIS_OK ? s : NULL;
}

static size_t S_words(const char *p, size_t n) {
  size_t w = 0;
  for (size_t i = 0; i < n; i++)
    if (p[i] != ' ' && p[i] != '\n' &&
        (i == 0 || p[i - 1] == ' ' || p[i - 1] == '\n'))
      w++;
  return w;
}

static size_t S_cost(const precis_sentence *x, precis_budget_unit unit) {
  switch (unit) {
  case PRECIS_BUDGET_BYTES: return x->len + 1;
  case PRECIS_BUDGET_SENTENCES: return 1;
  default: return S_words(x->text, x->len);
  }
}

/* The internal sentence a brief sentence came from. */
static const sent *S_sent_of(const precis_cluster *c,
                             const precis_sentence *x) {
  for (size_t i = 0; i < c->nsents; i++)
    if (c->sents[i].doc == x->doc && c->sents[i].off == x->offset)
      return &c->sents[i];
  return NULL;
}

static char *S_render(const precis_summary *s, const precis_cluster *c) {
  size_t len;
  return precis_summary_render(s, c, PRECIS_FORMAT_JSONL, "t", &len);
}

/* ---- invariants for every selector ---- */

static void test_budgets(void) {
  static const struct {
    precis_budget_unit unit;
    size_t limit;
    const char *what;
  } b[] = {{PRECIS_BUDGET_WORDS, 40, "40 words"},
           {PRECIS_BUDGET_WORDS, 15, "15 words"},
           {PRECIS_BUDGET_BYTES, 300, "300 bytes"},
           {PRECIS_BUDGET_SENTENCES, 2, "2 sentences"},
           {PRECIS_BUDGET_WORDS, 1000, "1000 words"}};
  precis_cluster *c = S_cluster(story, N_STORY);
  OK(c != NULL, "story cluster built");
  if (!c) return;
  for (size_t a = 0; a < N_ALGOS; a++) {
    for (size_t k = 0; k < sizeof b / sizeof *b; k++) {
      precis_summary *s = S_run(c, algos[a], b[k].unit, b[k].limit, 0);
      OK(s != NULL, "%s %s: summarized", algos[a], b[k].what);
      if (!s) continue;
      size_t used = 0, n = precis_summary_count(s), bad = 0;
      for (size_t i = 0; i < n; i++) {
        const precis_sentence *x = precis_summary_sentence(s, i);
        used += S_cost(x, b[k].unit);
        const sent *in = S_sent_of(c, x);
        if (!in || !(in->flags & SENT_SELECTABLE)) bad++;
      }
      size_t cap =
          b[k].unit == PRECIS_BUDGET_BYTES ? b[k].limit + 1 : b[k].limit;
      OK(used <= cap, "%s %s: within budget (%zu)", algos[a], b[k].what, used);
      INT_EQ(bad, 0, "%s %s: only selectable sentences", algos[a], b[k].what);
      if (b[k].limit >= 40 || b[k].unit != PRECIS_BUDGET_WORDS)
        OK(n > 0, "%s %s: not empty", algos[a], b[k].what);
      if (b[k].unit == PRECIS_BUDGET_SENTENCES)
        INT_EQ(n, b[k].limit, "%s %s: fills the sentence budget", algos[a],
               b[k].what);
      STR_EQ(precis_summary_algorithm(s), algos[a], "%s: reported name",
             algos[a]);
      precis_summary_free(s);
    }
    /* overflow: only the last sentence may cross */
    precis_summary *s =
        S_run(c, algos[a], PRECIS_BUDGET_WORDS, 30, PRECIS_OPT_ALLOW_OVERFLOW);
    OK(s != NULL, "%s overflow: summarized", algos[a]);
    if (s) {
      size_t used = 0, maxc = 0;
      for (size_t i = 0; i < precis_summary_count(s); i++) {
        size_t w = S_cost(precis_summary_sentence(s, i), PRECIS_BUDGET_WORDS);
        used += w;
        if (w > maxc) maxc = w;
      }
      OK(used >= 30 && used - maxc < 30,
         "%s overflow: fills, one sentence at most crosses (%zu)", algos[a],
         used);
      precis_summary_free(s);
    }
  }
  precis_cluster_free(c);
}

static void test_deterministic(void) {
  for (size_t a = 0; a < N_ALGOS; a++) {
    precis_cluster *c1 = S_cluster(story, N_STORY);
    precis_cluster *c2 = S_cluster(story, N_STORY);
    precis_summary *s1 =
        c1 ? S_run(c1, algos[a], PRECIS_BUDGET_WORDS, 60, 0) : NULL;
    precis_summary *s1b =
        c1 ? S_run(c1, algos[a], PRECIS_BUDGET_WORDS, 60, 0) : NULL;
    precis_summary *s2 =
        c2 ? S_run(c2, algos[a], PRECIS_BUDGET_WORDS, 60, 0) : NULL;
    char *r1 = s1 ? S_render(s1, c1) : NULL;
    char *r1b = s1b ? S_render(s1b, c1) : NULL;
    char *r2 = s2 ? S_render(s2, c2) : NULL;
    OK(r1 && r1b && strcmp(r1, r1b) == 0, "%s: same cluster, same brief",
       algos[a]);
    OK(r1 && r2 && strcmp(r1, r2) == 0, "%s: same input, same brief", algos[a]);
    precis_free(r1);
    precis_free(r1b);
    precis_free(r2);
    precis_summary_free(s1);
    precis_summary_free(s1b);
    precis_summary_free(s2);
    precis_cluster_free(c1);
    precis_cluster_free(c2);
  }
}

/* A budget smaller than every sentence: an empty brief, no crash. */
static void test_tiny_budget(void) {
  precis_cluster *c = S_cluster(story, N_STORY);
  if (!c) return;
  for (size_t a = 0; a < N_ALGOS; a++) {
    precis_summary *s = S_run(c, algos[a], PRECIS_BUDGET_WORDS, 3, 0);
    OK(s && precis_summary_count(s) == 0, "%s: 3 words fit no sentence",
       algos[a]);
    precis_summary_free(s);
  }
  precis_cluster_free(c);
}

/* ---- shared pieces: PageRank and cosine ---- */

static void test_pagerank(void) {
  /* path a - b - c, uniform jump, d = 0.85: by symmetry p_a = p_c = x,
   * p_b = y; y = 0.05 + 0.85 * 2x, x = 0.05 + 0.85 * y / 2, so
   * x = 19/74, y = 36/74. */
  double w[9] = {0, 1, 0, 1, 0, 1, 0, 1, 0}, p[3];
  int it = graph_pagerank(w, 3, 0.85, NULL, 1e-12, 1000, p);
  OK(it > 0 && it < 1000, "pagerank: converges (%d steps)", it);
  NEAR(p[0], 19.0 / 74, 1e-9, "pagerank: path end = 19/74");
  NEAR(p[1], 36.0 / 74, 1e-9, "pagerank: path middle = 36/74");
  NEAR(p[2], 19.0 / 74, 1e-9, "pagerank: other end = 19/74");

  /* two nodes joined, a third with no edge; all jumps go to node 0:
   * p2 = 0 (nothing reaches it), p0 = 0.15 + 0.85 p1 + 0.85 p2... with
   * p2 = 0: p0 = 0.15 + 0.85 p1, p1 = 0.85 p0, so p0 = 0.15 / (1 -
   * 0.7225) = 0.540540..., p1 = 0.459459... */
  double w2[9] = {0, 1, 0, 1, 0, 0, 0, 0, 0}, prior[3] = {1, 0, 0};
  graph_pagerank(w2, 3, 0.85, prior, 1e-12, 1000, p);
  NEAR(p[0], 0.15 / (1 - 0.7225), 1e-9, "pagerank: prior gets the jumps");
  NEAR(p[1], 0.85 * 0.15 / (1 - 0.7225), 1e-9, "pagerank: neighbour");
  NEAR(p[2], 0.0, 1e-12, "pagerank: isolated node without prior mass");

  /* a node with no edges hands its mass to the prior (here uniform) */
  double w3[4] = {0, 0, 0, 0};
  graph_pagerank(w3, 2, 0.85, NULL, 1e-12, 1000, p);
  NEAR(p[0] + p[1], 1.0, 1e-12, "pagerank: mass kept without edges");
  NEAR(p[0], 0.5, 1e-12, "pagerank: no edges = prior");
}

/* Sentences whose content terms are either identical or disjoint, so
 * every cosine is 0 or 1. Two articles: no off-topic check applies. */
static const char *const blocks[] = {
    "Lanterns glowed along the quiet canal during the midsummer festival "
    "parade.\n"
    "Bakers sold honey bread and almond cakes from wooden carts near the "
    "bridge.\n",
    "Lanterns glowed along the quiet canal during the midsummer festival "
    "parade.\n"
    "Fishermen mended torn nets beside their painted boats at sunrise "
    "today.\n",
};

static void test_cosine(void) {
  precis_cluster *c = S_cluster(blocks, 2);
  if (!c || precis_cluster_analyze(c, 0) != PRECIS_OK) {
    OK(0, "blocks cluster analyzed");
    precis_cluster_free(c);
    return;
  }
  INT_EQ(c->nsents, 4, "blocks: four sentences");
  gvec v;
  OK(gvec_build(c, GVEC_IDF_SENT, &v) == PRECIS_OK, "gvec built");
  NEAR(gvec_cos(c, &v, 0, 2), 1.0, 1e-12, "cosine: same text = 1");
  NEAR(gvec_cos(c, &v, 0, 1), 0.0, 1e-12, "cosine: disjoint terms = 0");
  NEAR(gvec_cos(c, &v, 1, 1), 1.0, 1e-12, "cosine: unit vectors");
  gvec_free(&v);
  precis_cluster_free(c);
}

/* ---- one hand-checkable case per algorithm ---- */

/* A star: the hub shares terms with each of three others, which share
 * nothing among themselves. Every sentence opens its article, so the
 * position prior is the same for all and the hub is the most central. */
static const char *const star[] = {
    "Volunteers planted oak saplings across the hillside park on Sunday.\n",
    "Volunteers from the library and school planted saplings near the "
    "river.\n",
    "Children painted colorful murals inside the library during school "
    "holidays.\n",
    "Farmers repaired broken fences beside the river after heavy winter "
    "storms.\n",
};

static void test_star(const char *algo) {
  precis_cluster *c = S_cluster(star, 4);
  precis_summary *s = c ? S_run(c, algo, PRECIS_BUDGET_SENTENCES, 1, 0) : NULL;
  const precis_sentence *x = s ? precis_summary_sentence(s, 0) : NULL;
  OK(x && x->doc == 1, "%s: picks the hub of a star graph (doc %zu)", algo,
     x ? x->doc : 99);
  precis_summary_free(s);
  precis_cluster_free(c);
}

/* The cluster talks about the flood; one candidate sentence is about the
 * flood, another about an unrelated detail. KLSum takes the sentence
 * whose words match the cluster's distribution. */
static const char *const flood[] = {
    "Flood water covered the valley town after the river burst its banks.\n"
    "A bakery owner said his new oven arrived from a supplier in the "
    "capital.\n",
    "The river flood forced the valley town to close its schools on "
    "Friday.\n"
    "Rescue boats moved through the flooded town as the river kept "
    "rising.\n",
    "The river rose again overnight and flood water reached the town "
    "square.\n",
};

static void test_klsum_distribution(void) {
  precis_cluster *c = S_cluster(flood, 3);
  precis_summary *s =
      c ? S_run(c, "klsum", PRECIS_BUDGET_SENTENCES, 1, 0) : NULL;
  const precis_sentence *x = s ? precis_summary_sentence(s, 0) : NULL;
  OK(x && !(x->doc == 0 && x->index == 1),
     "klsum: one sentence: not the off-distribution one");
  precis_summary_free(s);
  /* two sentences: both about the flood; three: the flood words are
   * now over-represented in P_S while the bakery sentence's words still
   * hold their share of P_D, so KL takes it (a relevance ranker would
   * not) */
  size_t want[] = {2, 3};
  for (size_t k = 0; k < 2; k++) {
    s = c ? S_run(c, "klsum", PRECIS_BUDGET_SENTENCES, want[k], 0) : NULL;
    int has_bakery = 0;
    for (size_t i = 0; s && i < precis_summary_count(s); i++) {
      const precis_sentence *y = precis_summary_sentence(s, i);
      has_bakery |= y->doc == 0 && y->index == 1;
    }
    OK(s && precis_summary_count(s) == want[k] && has_bakery == (k == 1),
       "klsum: %zu sentences, bakery sentence %s", want[k], k ? "in" : "out");
    precis_summary_free(s);
  }
  precis_cluster_free(c);
}

/* The same lead sentence in two articles: MMR takes it once. */
static const char *const dup[] = {
    "The city museum reopened its east wing after a two year renovation "
    "on Saturday.\n"
    "Visitors queued outside before dawn to see the restored ceiling "
    "paintings.\n",
    "The city museum reopened its east wing after a two year renovation "
    "on Saturday.\n"
    "The renovation cost twelve million and replaced the leaking glass "
    "roof.\n",
    "Museum staff said the east wing would host a sculpture exhibition "
    "next month.\n",
};

static void test_no_duplicate(const char *algo) {
  precis_cluster *c = S_cluster(dup, 3);
  precis_summary *s = c ? S_run(c, algo, PRECIS_BUDGET_SENTENCES, 3, 0) : NULL;
  int copies = 0;
  for (size_t i = 0; s && i < precis_summary_count(s); i++) {
    const precis_sentence *x = precis_summary_sentence(s, i);
    copies += x->index == 0 && x->doc < 2;
  }
  OK(s && precis_summary_count(s) >= 2 && copies <= 1,
     "%s: a sentence two outlets share is taken once", algo);
  precis_summary_free(s);
  precis_cluster_free(c);
}

/* Submodular coverage on the 0/1 blocks cluster: sentences 0 and 2 are
 * the same (X), 1 and 3 stand alone (Y, Z). N = 4, alpha = min(10/4,
 * 0.5) = 0.5, C_X(V) = 2, C_Y(V) = C_Z(V) = 1, so caps are 1, 0.5, 0.5.
 *   L({X}) = min(1, 1) + min(1, 1) = 2
 *   L({X, X'}) = min(2, 1) + min(2, 1) = 2     (saturated)
 *   L({Y}) = min(1, 0.5) = 0.5
 *   L({X, Y, Z}) = 2 + 0.5 + 0.5 = 3 = L(V)
 * K = ceil(0.2 * 4) = 1 part, r_X = 2/4, r_Y = 1/4, so
 *   R({X}) = sqrt(0.5), R({X, X'}) = 1, R({X, Y}) = sqrt(0.75). */
static void test_submodular_saturates(void) {
  precis_cluster *c = S_cluster(blocks, 2);
  if (!c || precis_cluster_analyze(c, 0) != PRECIS_OK) {
    OK(0, "blocks cluster analyzed");
    precis_cluster_free(c);
    return;
  }
  static const uint32_t x[] = {0}, xx[] = {0, 2}, y[] = {1}, xy[] = {0, 1},
                        all[] = {0, 1, 2, 3}, xyz[] = {0, 1, 3};
  double l, r;
  OK(submodular_terms(c, x, 1, &l, &r) == PRECIS_OK, "submodular: L({X})");
  NEAR(l, 2.0, 1e-9, "submodular: L({X}) = 2");
  NEAR(r, sqrt(0.5), 1e-9, "submodular: R({X}) = sqrt(1/2)");
  submodular_terms(c, xx, 2, &l, &r);
  NEAR(l, 2.0, 1e-9, "submodular: a copy of X adds no coverage");
  NEAR(r, 1.0, 1e-9, "submodular: R({X, X'}) = 1");
  submodular_terms(c, y, 1, &l, &r);
  NEAR(l, 0.5, 1e-9, "submodular: L({Y}) = 1/2 (capped)");
  submodular_terms(c, xy, 2, &l, &r);
  NEAR(l, 2.5, 1e-9, "submodular: L({X, Y}) = 5/2");
  NEAR(r, sqrt(0.75), 1e-9, "submodular: R({X, Y}) = sqrt(3/4)");
  submodular_terms(c, xyz, 3, &l, &r);
  double lv, rv;
  submodular_terms(c, all, 4, &lv, &rv);
  NEAR(l, 3.0, 1e-9, "submodular: L({X, Y, Z}) = 3");
  NEAR(lv, 3.0, 1e-9, "submodular: L(V) = L({X, Y, Z})");
  /* the selector: two sentences, X once plus one of Y, Z */
  precis_summary *s = S_run(c, "submodular", PRECIS_BUDGET_SENTENCES, 2, 0);
  int copies = 0;
  for (size_t i = 0; s && i < precis_summary_count(s); i++)
    copies += precis_summary_sentence(s, i)->index == 0;
  OK(s && precis_summary_count(s) == 2 && copies == 1,
     "submodular: X once, then a sentence X does not cover");
  precis_summary_free(s);
  precis_cluster_free(c);
}

/* ---- a cluster too big for an n x n matrix ---- */

static const char *const vocab[] = {
    "harbor", "council",  "ferry",  "electric", "boat",    "island",
    "vote",   "shipyard", "engine", "winter",   "service", "route",
    "spring", "resident", "mayor",  "budget",   "crew",    "diesel",
    "fleet",  "district", "noise",  "fuel",     "critic",  "road",
    "bridge", "canal",    "market", "festival", "storm",   "river"};

static void test_big_cluster(void) {
  enum { DOCS = 230, SENTS = 10 };
  char **texts = calloc(DOCS, sizeof *texts);
  unsigned long x = 12345; /* a local LCG: deterministic, no state */
  int ok = texts != NULL;
  for (size_t d = 0; ok && d < DOCS; d++) {
    size_t cap = SENTS * 200, n = 0;
    char *t = malloc(cap);
    if (!t) {
      ok = 0;
      break;
    }
    texts[d] = t;
    for (int i = 0; i < SENTS; i++) {
      n += (size_t)snprintf(t + n, cap - n, "The");
      x = x * 6364136223846793005UL + 1442695040888963407UL;
      int words = 9 + (int)((x >> 33) % 8);
      for (int k = 0; k < words; k++) {
        x = x * 6364136223846793005UL + 1442695040888963407UL;
        n +=
            (size_t)snprintf(t + n, cap - n, " %s",
                             vocab[(x >> 33) % (sizeof vocab / sizeof *vocab)]);
      }
      n += (size_t)snprintf(t + n, cap - n, ".%s", i + 1 < SENTS ? " " : "\n");
    }
  }
  precis_cluster *c = ok ? S_cluster((const char *const *)texts, DOCS) : NULL;
  for (size_t d = 0; texts && d < DOCS; d++)
    free(texts[d]);
  free(texts);
  if (!c || precis_cluster_analyze(c, 0) != PRECIS_OK) {
    OK(0, "big cluster analyzed");
    precis_cluster_free(c);
    return;
  }
  OK(c->nsents > GRAPH_MAX_NODES, "big cluster: %zu sentences", c->nsents);
  uint32_t *nodes = NULL;
  size_t m = 0, firsts = 0, late = 0;
  OK(graph_nodes(c, &nodes, &m) == PRECIS_OK, "graph_nodes on a big cluster");
  for (size_t k = 0; nodes && k < m; k++) {
    firsts += c->sents[nodes[k]].index == 0;
    late += c->sents[nodes[k]].index >= 9;
  }
  OK(m <= GRAPH_MAX_NODES && m > GRAPH_MAX_NODES - DOCS,
     "graph_nodes: capped (%zu nodes)", m);
  INT_EQ(firsts, DOCS, "graph_nodes: every article's lead is a node");
  INT_EQ(late, 0, "graph_nodes: the last sentences are left out");
  free(nodes);
  precis_summary *s = S_run(c, "textrank", PRECIS_BUDGET_WORDS, 100, 0);
  size_t used = 0;
  for (size_t i = 0; s && i < precis_summary_count(s); i++)
    used += S_cost(precis_summary_sentence(s, i), PRECIS_BUDGET_WORDS);
  OK(s && precis_summary_count(s) > 0 && used <= 100,
     "textrank on a big cluster: a brief within budget");
  precis_summary_free(s);
  precis_cluster_free(c);
}

/* ---- the brief's order (order.c) ---- */

static precis_sentence S_ps(size_t article, size_t index) {
  precis_sentence p;
  memset(&p, 0, sizeof p);
  p.doc = article;
  p.index = index;
  p.offset = index * 100;
  return p;
}

/* Drift: a chain of articles (each shares most terms with the next, few
 * with those further on) drifts; articles that all share the same terms
 * do not; fewer than ORDER_DRIFT_DOCS articles give 0. */
static void test_order_drift(void) {
  /* chain: article d has terms 3d .. 3d + 5 (three shared with d + 1) */
  uint32_t chain[5][6];
  const uint32_t *ct[5];
  size_t cn[5];
  for (size_t d = 0; d < 5; d++) {
    for (size_t k = 0; k < 6; k++)
      chain[d][k] = (uint32_t)(3 * d + k);
    ct[d] = chain[d];
    cn[d] = 6;
  }
  /* neighbours: 3 of 9 terms shared (1/3); two or more apart: none */
  double x = order_drift(ct, cn, 5);
  OK(x > 0.33 && x < 0.34, "drift: chain %.3f = 1/3", x);
  OK(x > ORDER_DRIFT_MIN, "drift: a chain keeps the source order");
  /* same event: terms 0..5 in every article plus one of its own */
  uint32_t same[5][7];
  for (size_t d = 0; d < 5; d++) {
    for (size_t k = 0; k < 6; k++)
      same[d][k] = (uint32_t)k;
    same[d][6] = (uint32_t)(100 + d);
    ct[d] = same[d];
    cn[d] = 7;
  }
  x = order_drift(ct, cn, 5);
  OK(x > -1e-12 && x < 1e-12, "drift: one event everywhere, %.3f", x);
  OK(order_drift(ct, cn, ORDER_DRIFT_DOCS - 1) == 0.0,
     "drift: too few articles, 0");
  /* a long list: articles 20 apart share a term, nearer ones none;
   * pairs further apart than ORDER_DRIFT_SPAN are not compared (the
   * measure stays linear in the articles) */
  enum { LONG = 40 };
  uint32_t far[LONG][2];
  const uint32_t *ft[LONG];
  size_t fn[LONG];
  for (size_t d = 0; d < LONG; d++) {
    far[d][0] = (uint32_t)(d % 20);
    far[d][1] = (uint32_t)(100 + d);
    ft[d] = far[d];
    fn[d] = 2;
  }
  x = order_drift(ft, fn, LONG);
  OK(x > -1e-12 && x < 1e-12, "drift: pairs beyond the span ignored, %.4f", x);
}

/* Majority ordering on hand-made matches: what most articles tell first
 * goes first; a run of consecutive sentences stays whole; without votes
 * the source order stays. */
static void test_order_majority(void) {
  /* source order: article 0's sentences 5 and 6 (one unit: "B", then its
   * follow-up), article 1's sentence 2 ("A"). Articles 1-3 tell A before
   * B; article 0 does not state A. */
  precis_sentence v[3] = {S_ps(0, 5), S_ps(0, 6), S_ps(1, 2)};
  const long match[3 * 4] = {
      5, 4, 4, 4,  /* B */
      6, -1, -1, -1, /* B's follow-up, only in article 0 */
      -1, 2, 1, 0, /* A */
  };
  INT_EQ(order_units(v, 3), 2, "order: 3 sentences, 2 units");
  OK(order_majority(v, 3, match, 4) == PRECIS_OK, "order: ok");
  OK(v[0].doc == 1 && v[0].index == 2, "order: A first (3 articles of 3)");
  OK(v[1].doc == 0 && v[1].index == 5 && v[2].index == 6,
     "order: B's unit kept whole after it");

  /* the votes count: two articles against one */
  precis_sentence w[2] = {S_ps(0, 3), S_ps(1, 9)};
  const long m2[2 * 3] = {3, 9, 7, /* X: after Y in articles 1 and 2 */
                          4, 1, 2};
  order_majority(w, 2, m2, 3);
  OK(w[0].doc == 1 && w[1].doc == 0, "order: two articles outvote one");

  /* no article states both: source order */
  precis_sentence u[2] = {S_ps(0, 8), S_ps(1, 0)};
  const long m3[2 * 2] = {8, -1, -1, 0};
  order_majority(u, 2, m3, 2);
  OK(u[0].doc == 0 && u[1].doc == 1, "order: no votes, source order kept");

  /* more units than ORDER_MAX_UNITS: source order, whatever the votes */
  size_t n = ORDER_MAX_UNITS + 1;
  precis_sentence *big = calloc(n, sizeof *big);
  long *mb = calloc(n * 3, sizeof *mb);
  if (big && mb) {
    for (size_t i = 0; i < n; i++) {
      big[i] = S_ps(0, 2 * i); /* every other sentence: n units */
      mb[3 * i] = (long)(2 * i);
      mb[3 * i + 1] = mb[3 * i + 2] = (long)(n - i); /* two tell it backwards */
    }
    INT_EQ(order_units(big, n), n, "order: %zu units", n);
    order_majority(big, n, mb, 3);
    size_t in_order = 1;
    for (size_t i = 1; i < n; i++)
      in_order &= big[i].index > big[i - 1].index;
    OK(in_order, "order: over ORDER_MAX_UNITS units the source order stays");
  }
  free(big);
  free(mb);
}

/* Through precis_summarize: the default brief tells the facts in the
 * order most outlets do, PRECIS_OPT_SOURCE_ORDER in article order; both
 * hold the same sentences. */
static void test_order_brief(void) {
  static const char *const art[] = {
      /* the first outlet has the schedule, not the vote */
      "Work on the new Arlen bridge will start in April and take two years, "
      "the engineers said.\n\n"
      "The town has waited for a second crossing since the old ferry closed "
      "in 1998.\n",
      "The Dunmore council approved the new Arlen bridge on Monday after a "
      "long debate.\n\n"
      "Residents filled the hall for the vote.\n\n"
      "Work on the new Arlen bridge will start in April and take two years, "
      "the engineers said.\n",
      "The Dunmore council approved the new Arlen bridge on Monday after a "
      "long debate.\n\n"
      "Work on the new Arlen bridge will start in April and take two years, "
      "the engineers said.\n",
  };
  precis_cluster *c = precis_cluster_new();
  for (size_t i = 0; i < 3; i++)
    precis_cluster_add(c, art[i], strlen(art[i]), NULL);
  precis_options o;
  precis_options_init(&o);
  o.unit = PRECIS_BUDGET_SENTENCES;
  o.budget = 2;
  precis_summary *s = NULL, *t = NULL;
  OK(precis_summarize(c, &o, &s) == PRECIS_OK, "order brief: default ok");
  o.flags = PRECIS_OPT_SOURCE_ORDER;
  OK(precis_summarize(c, &o, &t) == PRECIS_OK, "order brief: source ok");
  INT_EQ(precis_summary_count(s), 2, "order brief: two sentences");
  INT_EQ(precis_summary_count(t), 2, "order brief: two sentences (source)");
  if (precis_summary_count(s) == 2 && precis_summary_count(t) == 2) {
    const precis_sentence *a = precis_summary_sentence(s, 0);
    const precis_sentence *b = precis_summary_sentence(t, 0);
    OK(a->len > 13 && memcmp(a->text, "The Dunmore council", 19) == 0,
       "order brief: the vote first, as two outlets of three tell it");
    OK(b->doc == 0 && memcmp(b->text, "Work on", 7) == 0,
       "order brief: source order starts with the first article");
    const precis_sentence *a1 = precis_summary_sentence(s, 1);
    const precis_sentence *b1 = precis_summary_sentence(t, 1);
    OK(a->doc == b1->doc && a->offset == b1->offset && a1->doc == b->doc &&
           a1->offset == b->offset,
       "order brief: the same two sentences, reordered");
  }
  precis_summary_free(s);
  precis_summary_free(t);
  precis_cluster_free(c);
  /* the same articles dated over three days, through the library alone:
   * their order stays (date.c); PRECIS_OPT_OUTLETS_ORDER forces the vote */
  static const char *const day[] = {"2026-03-02", "2026-03-03T09:00Z",
                                    "2026-03-04"};
  c = precis_cluster_new();
  for (size_t i = 0; i < 3; i++) {
    precis_doc_meta m = {NULL, NULL, NULL, day[i]};
    precis_cluster_add(c, art[i], strlen(art[i]), &m);
  }
  o.flags = 0;
  OK(precis_summarize(c, &o, &s) == PRECIS_OK, "order brief: dated ok");
  o.flags = PRECIS_OPT_OUTLETS_ORDER;
  OK(precis_summarize(c, &o, &t) == PRECIS_OK, "order brief: outlets ok");
  if (precis_summary_count(s) == 2 && precis_summary_count(t) == 2) {
    OK(precis_summary_sentence(s, 0)->doc == 0,
       "order brief: dated over days, the first article first");
    OK(memcmp(precis_summary_sentence(t, 0)->text, "The Dunmore", 11) == 0,
       "order brief: PRECIS_OPT_OUTLETS_ORDER, the vote first");
  } else {
    OK(0, "order brief: dated briefs of two sentences");
  }
  precis_summary_free(s);
  precis_summary_free(t);
  precis_cluster_free(c);
}

/* The key index of select_concepts.c and sentfeat.c: keys found after
 * several doublings, entries the index does not hold (select_concepts.c
 * keeps its unigrams beside the bigrams) never found and never moved
 * into it by a rehash, and keys that collide on their low bits kept
 * apart. */
static void test_keyidx(void) {
  typedef struct {
    uint64_t key;
    uint32_t v;
  } ent;
  enum { N = 20000 };
  ent *e = malloc(2 * N * sizeof *e);
  keyidx x = {NULL, 0, 0};
  size_t n = 0;
  int ok = e != NULL;
  for (uint32_t i = 0; ok && i < N; i++) {
    uint64_t key = (uint64_t)i << 32; /* equal low bits */
    ok = keyidx_reserve(&x, e, sizeof *e) == 0;
    if (!ok) break;
    uint32_t *slot = keyidx_slot(&x, e, sizeof *e, key);
    ok = *slot == KEYIDX_NONE;
    e[n] = (ent){key, i};
    *slot = (uint32_t)n++;
    x.n++;
    e[n++] = (ent){key | 1, i}; /* an entry the index does not hold */
  }
  OK(ok, "keyidx: %d keys inserted, each new", N);
  OK(x.mask + 1 >= 2 * (size_t)N, "keyidx: load at most 1/2 (%zu slots)",
     x.mask + 1);
  int found = 0, stray = 0;
  for (uint32_t i = 0; ok && i < N; i++) {
    uint32_t k = keyidx_find(&x, e, sizeof *e, (uint64_t)i << 32);
    found += k != KEYIDX_NONE && e[k].v == i && (e[k].key & 1) == 0;
    stray +=
        keyidx_find(&x, e, sizeof *e, ((uint64_t)i << 32) | 1) != KEYIDX_NONE;
  }
  INT_EQ(found, N, "keyidx: every key found after the doublings");
  INT_EQ(stray, 0, "keyidx: entries not inserted are not found");
  keyidx_free(&x);
  INT_EQ((long)keyidx_find(&x, e, sizeof *e, 0), (long)KEYIDX_NONE,
         "keyidx: a freed index finds nothing");
  free(e);
}

int main(void) {
  test_budgets();
  test_deterministic();
  test_tiny_budget();
  test_pagerank();
  test_cosine();
  test_star("lexrank");
  test_star("textrank");
  test_star("mmr");
  test_klsum_distribution();
  test_no_duplicate("mmr");
  test_no_duplicate("klsum");
  test_no_duplicate("submodular");
  test_no_duplicate("lexrank");
  test_no_duplicate("textrank");
  test_submodular_saturates();
  test_big_cluster();
  test_order_majority();
  test_order_drift();
  test_order_brief();
  test_keyidx();
  return DONE();
}
