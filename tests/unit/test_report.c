/* test_report.c — the cross-source report (precis_report_*): quote
 * extraction and grouping, speakers, "only in X", disagreements, the one-
 * outlet case, bad input, and the JSON/HTML renderings. Every text here is
 * invented for the test. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "json_check.h"
#include "precis.h"

static precis_cluster *S_cluster(const char *const *texts,
                                 const char *const *names, size_t n) {
  precis_cluster *c = precis_cluster_new();
  for (size_t i = 0; i < n; i++) {
    precis_doc_meta m = {names[i], NULL, NULL, NULL};
    precis_cluster_add(c, texts[i], strlen(texts[i]), &m);
  }
  return c;
}

/* The text of a quotation. */
static int S_qis(const precis_cluster *c, const precis_quote *q,
                 const char *want) {
  size_t n;
  const char *t = precis_cluster_doc_text(c, q->doc, &n);
  return strlen(want) == q->len && memcmp(t + q->offset, want, q->len) == 0;
}

/* The group holding a quotation that starts with `prefix`, or NULL. */
static const precis_quote_group *S_group_of(const precis_report *r,
                                            const precis_cluster *c,
                                            const char *prefix) {
  for (size_t g = 0; g < precis_report_quote_group_count(r); g++) {
    const precis_quote_group *G = precis_report_quote_group(r, g);
    for (size_t v = 0; v < G->n_variants; v++) {
      size_t n;
      const char *t = precis_cluster_doc_text(c, G->variants[v]->doc, &n);
      if (G->variants[v]->len >= strlen(prefix) &&
          memcmp(t + G->variants[v]->offset, prefix, strlen(prefix)) == 0)
        return G;
    }
  }
  return NULL;
}

static const char *const k_story[] = {
    "Harbour council approves new ferry terminal for Lowmoor\n\n"
    "The Lowmoor harbour council voted on Monday to build a new ferry "
    "terminal on the east quay, ending a debate that lasted three years.\n\n"
    "\"This terminal will carry the town for the next fifty years,\" said "
    "council leader Ruth Penhale after the vote.\n\n"
    "Twelve councillors voted for the plan and two voted against it at the "
    "evening session in the town hall.\n\n"
    "Penhale said the building work would start in the spring and that the "
    "old pier would stay open during construction.\n\n"
    "The terminal will cost about 40 million pounds, according to the "
    "council's own estimate published last week.\n",

    "Lowmoor gets its ferry terminal after three-year fight\n\n"
    "Councillors in Lowmoor have backed a new ferry terminal on the east "
    "quay after a long and bitter debate over its cost.\n\n"
    "Council leader Ruth Penhale told reporters: “This terminal will carry "
    "our town for the next fifty years.”\n\n"
    "Fourteen councillors voted for the plan and two voted against it at "
    "the evening session in the town hall.\n\n"
    "Opponents said the money would be better spent on the bus network and "
    "on repairs to the sea wall.\n\n"
    "A local fisherman, Tom Keast, said the terminal «will push the "
    "fishing boats out of the inner harbour for good».\n",

    "Council leader backs ferry plan\n\n"
    "Ruth Penhale, the leader of Lowmoor harbour council, welcomed the vote "
    "on the new ferry terminal for the east quay.\n\n"
    "‘This terminal will carry the town for the next fifty years,’ she told "
    "the meeting.\n\n"
    "The harbour master, Alan Treloar, said the old pier had been closed "
    "twice last winter because of storm damage to its deck.\n\n"
    "Only this paper learned that the contract will go to a firm from "
    "Plymouth, which built the marina at Fowey in 2015.\n"};
static const char *const k_names[] = {"lowmoor-post", "west-news",
                                      "harbour-gazette"};

static void test_groups(void) {
  precis_cluster *c = S_cluster(k_story, k_names, 3);
  precis_report *r = NULL;
  precis_status st = precis_report_build(c, NULL, &r);
  INT_EQ(st, PRECIS_OK, "report builds");
  INT_EQ(precis_report_outlet_count(r), 3, "three outlets");
  const precis_quote_group *G =
      S_group_of(r, c, "This terminal will carry the town");
  OK(G != NULL, "straight-quoted statement found");
  if (G) {
    INT_EQ(G->n_outlets, 3,
           "one statement in straight, curly and single "
           "curly quotes: one group of three outlets");
    OK(G->speaker && strstr(G->speaker, "Penhale"), "speaker is Penhale");
    OK(G->best < G->n_variants, "a most complete variant");
  }
  const precis_quote_group *F = S_group_of(r, c, "will push the fishing");
  OK(F != NULL, "guillemet quotation found");
  if (F) {
    INT_EQ(F->n_outlets, 1, "fisherman quoted by one outlet");
    OK(F->speaker && strstr(F->speaker, "Keast"), "speaker is Tom Keast");
  }
  /* reported speech: "Penhale said the building work would start ..." */
  const precis_quote_group *R = S_group_of(r, c, "the building work would");
  OK(R != NULL, "reported speech ('X said ... that') is a quotation");
  if (R) INT_EQ(R->variants[0]->kind, PRECIS_QUOTE_REPORTED, "kind reported");
  /* disagreement: twelve vs fourteen councillors voted for the plan */
  INT_EQ(precis_report_disagreement_count(r), 1, "one disagreement");
  const precis_disagreement *d = precis_report_disagreement(r, 0);
  if (d) {
    STR_EQ(d->what, "councillors", "about councillors");
    INT_EQ(d->n_values, 2, "two values");
    OK(d->n_figures == 2 && d->figures[0].value == 12 &&
           d->figures[1].value == 14,
       "12 and 14, sorted");
  }
  /* only in harbour-gazette: the contract detail */
  int found = 0;
  for (size_t k = 0; k < precis_report_exclusive_count(r, 2); k++) {
    const precis_sentence *s = precis_report_exclusive(r, 2, k);
    found |= s->len > 10 && memcmp(s->text, "Only this paper", 15) == 0;
    INT_EQ(s->n_support, 1, "exclusive sentence has one supporter");
  }
  OK(found, "the exclusive detail is listed under its outlet");
  precis_report_free(r);
  precis_cluster_free(c);
}

static void test_json_html(void) {
  precis_cluster *c = S_cluster(k_story, k_names, 3);
  precis_report *r = NULL;
  precis_report_build(c, NULL, &r);
  size_t len = 0;
  char *js = precis_report_render(r, c, PRECIS_REPORT_JSON, "t1", &len);
  OK(js && len == strlen(js), "JSON rendered");
  json_object *root = js ? parse_json(js, strlen(js), NULL) : NULL;
  OK(root != NULL, "JSON parses");
  if (root) {
    STR_EQ(jstr(jget(root, "schema")), PRECIS_REPORT_SCHEMA, "schema field");
    STR_EQ(jstr(jget(root, "id")), "t1", "id");
    json_object *q = jget(root, "quotes");
    INT_EQ(jlen(jget(q, "groups")), precis_report_quote_group_count(r),
           "groups in JSON");
    json_object *brief = jget(root, "brief");
    INT_EQ(jlen(brief), precis_summary_count(precis_report_summary(r)),
           "brief in JSON");
    json_object *cov = jget(jget(root, "coverage"), "outlets");
    INT_EQ(jlen(cov), 3, "coverage rows");
    json_object_put(root);
  }
  char *jl = precis_report_render(r, c, PRECIS_REPORT_JSONL, NULL, &len);
  OK(jl && !strchr(jl, '\n'), "JSONL is one line");
  char *h = precis_report_render(r, c, PRECIS_REPORT_HTML, "t1", &len);
  OK(h && strstr(h, "<section id=\"quotes\" data-count="), "HTML ledger");
  OK(h && !strstr(h, "<script") && !strstr(h, "src=") && !strstr(h, "<link"),
     "HTML loads nothing external");
  char *t = precis_report_render(r, c, PRECIS_REPORT_TEXT, NULL, &len);
  OK(t && strstr(t, "QUOTE LEDGER") && strstr(t, "DISAGREEMENTS"),
     "text sections");
  char *m = precis_report_render(r, c, PRECIS_REPORT_MARKDOWN, NULL, &len);
  OK(m && strstr(m, "## Coverage"), "markdown sections");
  OK(precis_report_render(r, c, (precis_report_format)99, NULL, &len) == NULL,
     "unknown format: NULL");
  precis_free(js);
  precis_free(jl);
  precis_free(h);
  precis_free(t);
  precis_free(m);
  precis_report_free(r);
  precis_cluster_free(c);
}

static void test_one_outlet(void) {
  precis_cluster *c = S_cluster(k_story, k_names, 1);
  precis_report *r = NULL;
  INT_EQ(precis_report_build(c, NULL, &r), PRECIS_OK, "one outlet builds");
  INT_EQ(precis_report_exclusive_count(r, 0), 0, "no 'only in' with one");
  INT_EQ(precis_report_disagreement_count(r), 0, "no disagreements");
  OK(precis_report_quote_group_count(r) > 0, "its quotations are listed");
  size_t len;
  char *t = precis_report_render(r, c, PRECIS_REPORT_TEXT, NULL, &len);
  OK(t && strstr(t, "needs at least two outlets"), "text says so");
  char *j = precis_report_render(r, c, PRECIS_REPORT_JSON, NULL, &len);
  OK(j && strstr(j, "\"available\": false"), "JSON says so");
  precis_free(t);
  precis_free(j);
  precis_report_free(r);
  precis_cluster_free(c);
}

static void test_bad_quotes(void) {
  static const char *const t[] = {
      "A plain report with no quotation at all in any of its sentences.\n\n"
      "The ferry ran late on Tuesday because of strong winds in the bay.\n",
      "The skipper said \"we will sail when the wind drops and not before "
      "that hour\n\nThe next paragraph is plain text about the harbour.\n",
      NULL};
  static const char *const names[] = {"plain", "unbalanced"};
  precis_cluster *c = S_cluster(t, names, 2);
  precis_report *r = NULL;
  INT_EQ(precis_report_build(c, NULL, &r), PRECIS_OK, "builds");
  size_t unclosed = 0, in_plain = 0;
  for (size_t g = 0; g < precis_report_quote_group_count(r); g++) {
    const precis_quote_group *G = precis_report_quote_group(r, g);
    for (size_t v = 0; v < G->n_variants; v++) {
      unclosed += G->variants[v]->unclosed;
      in_plain += G->variants[v]->doc == 0;
      if (G->variants[v]->unclosed)
        OK(S_qis(c, G->variants[v],
                 "we will sail when the wind drops and not before that hour"),
           "unclosed quote runs to the end of its paragraph");
    }
  }
  INT_EQ(unclosed, 1, "one unclosed quotation");
  INT_EQ(in_plain, 0, "an outlet without quotes has none");
  precis_report_free(r);
  precis_cluster_free(c);
}

static void test_huge_quote(void) {
  size_t n = 100000;
  char *big = malloc(n + 200);
  memcpy(big, "The minister said: \"", 21);
  size_t k = strlen(big);
  while (k < n) {
    memcpy(big + k, "word and more ", 14);
    k += 14;
  }
  memcpy(big + k, "end.\" That was all.\n", 21);
  const char *t[] = {big, k_story[0]};
  const char *names[] = {"huge", "lowmoor-post"};
  precis_cluster *c = S_cluster(t, names, 2);
  precis_report *r = NULL;
  INT_EQ(precis_report_build(c, NULL, &r), PRECIS_OK, "100k quote builds");
  INT_EQ(precis_report_quotes_skipped(r), 1, "100k quote counted, not listed");
  size_t len;
  char *j = precis_report_render(r, c, PRECIS_REPORT_JSON, NULL, &len);
  OK(j && strstr(j, "\"skipped_long\": 1"), "JSON counts it");
  precis_free(j);
  precis_report_free(r);
  precis_cluster_free(c);
  free(big);
}

/* Two outlets; must give no disagreement (each pair breaks one rule). */
static void S_no_disagreement(const char *a, const char *b, const char *why) {
  const char *t[] = {a, b};
  static const char *const names[] = {"a", "b"};
  precis_cluster *c = S_cluster(t, names, 2);
  precis_report *r = NULL;
  precis_report_build(c, NULL, &r);
  INT_EQ(precis_report_disagreement_count(r), 0, "%s", why);
  precis_report_free(r);
  precis_cluster_free(c);
}

static void test_disagree_rules(void) {
  S_no_disagreement(
      "A jury in the civil trial ordered the builder to pay $25 million in "
      "punitive damages to the families of the three victims in Lowmoor.\n",
      "A jury in the civil trial ordered the builder to pay $33 million in "
      "total damages to the families of the three victims in Lowmoor.\n",
      "a modifier one sentence lacks (punitive vs total): another fact");
  S_no_disagreement(
      "The health agency said 30 cases of the fever were confirmed across "
      "the county this summer by the end of July.\n",
      "By the end of July last year, 34 cases of the fever had been "
      "confirmed in the county, the health agency said.\n",
      "another time frame (last year): another fact");
  S_no_disagreement(
      "The storm was moving north at 8 mph and its winds reached 130 mph "
      "near the coast of Lowmoor on Sunday morning.\n",
      "The storm was moving north with winds of 130 mph near the coast of "
      "Lowmoor on Sunday morning, the weather service said.\n",
      "an outlet giving two figures for one component: no disagreement");
  S_no_disagreement(
      "Officials said 7 boats were damaged in the harbour by the storm on "
      "Sunday night, the coastguard reported.\n",
      "Officials said 50 boats were damaged in the harbour by the storm on "
      "Sunday night, the coastguard reported.\n",
      "figures more than a factor of two apart: another fact");
  S_no_disagreement(
      "The council approved the plan for the harbour in 2015 after a long "
      "debate about the ferry terminal on the east quay.\n",
      "The council approved the plan in 2017, and the harbour master said "
      "the ferry terminal would finally open next spring.\n",
      "years in sentences that are not near-identical: other events");
  S_no_disagreement(
      "The mayor said the repairs would cost $40 million, according to the "
      "council estimate published on Monday in Lowmoor.\n",
      "The mayor said the repairs would cost 45 million euros, according to "
      "the council estimate published on Monday in Lowmoor.\n",
      "another currency: another fact");
}

/* Two outlets; must give exactly one disagreement, between values x and
 * y of kind `kind`. */
static void S_one_disagreement(const char *a, const char *b, double x,
                               double y, const char *kind, const char *why) {
  const char *t[] = {a, b};
  static const char *const names[] = {"a", "b"};
  precis_cluster *c = S_cluster(t, names, 2);
  precis_report *r = NULL;
  precis_report_build(c, NULL, &r);
  INT_EQ(precis_report_disagreement_count(r), 1, "%s", why);
  const precis_disagreement *d = precis_report_disagreement(r, 0);
  if (d) {
    OK(d->n_figures == 2 && d->figures[0].value == x &&
           d->figures[1].value == y,
       "%s: values %g and %g", why, x, y);
    STR_EQ(d->figures[0].kind, kind, "%s: kind", why);
  }
  precis_report_free(r);
  precis_cluster_free(c);
}

/* Each rule against the false pattern it removes (the pairs below were
 * reported before the rule), and true differences still found. */
static void test_disagree_precision(void) {
  S_one_disagreement(
      "Five walkers, among them two teenagers, were rescued from the cliffs "
      "at Gull Point by the Lowmoor lifeboat crew on Saturday.\n",
      "Five walkers among them three teenagers were rescued from the cliffs "
      "at Gull Point by the Lowmoor lifeboat crew on Saturday.\n",
      2, 3, "count", "two vs three teenagers rescued: a true difference");
  S_one_disagreement(
      "The port authority spent $ 1.7 billion on the new container cranes "
      "for the Lowmoor docks, its annual accounts show.\n",
      "The port authority spent $ 2.6 billion on the new container cranes "
      "for the Lowmoor docks, its annual accounts show.\n",
      1.7e9, 2.6e9, "money",
      "'$ 1.7 billion' (a space after the sign) is money, with its scale");
  S_no_disagreement(
      "The coastguard said in its 9 a.m. bulletin that the ferry to the "
      "Lowmoor islands was running late on Friday.\n",
      "The coastguard said in its 4 p.m. bulletin that the ferry to the "
      "Lowmoor islands was running late on Friday.\n",
      "times of day: each bulletin and update has its own");
  S_no_disagreement(
      "The port authority spent more than $2 billion on the new container "
      "cranes for the Lowmoor docks, its accounts show.\n",
      "The port authority spent $1.7 billion on the new container cranes "
      "for the Lowmoor docks, its accounts show.\n",
      "a bound ('more than') against an exact figure: not exact enough");
  S_no_disagreement(
      "The fire brigade said about 30 homes on the hill above Lowmoor were "
      "evacuated on Sunday night because of the smoke.\n",
      "The fire brigade said 27 homes on the hill above Lowmoor were "
      "evacuated on Sunday night because of the smoke.\n",
      "an approximation ('about') against an exact figure");
  S_no_disagreement(
      "The two fishermen, both 71 years old, were picked up by a trawler "
      "off the Lowmoor coast on Wednesday.\n",
      "The two fishermen, both 74 years old, were picked up by a trawler "
      "off the Lowmoor coast on Wednesday.\n",
      "ages ('N years old') are not compared: often other people");
  S_no_disagreement(
      "The family's puppy, aged 5 months, was found asleep in a barn near "
      "Lowmoor after two days of searching.\n",
      "The family's puppy, aged 7 months, was found asleep in a barn near "
      "Lowmoor after two days of searching.\n",
      "ages ('aged N') are not compared");
  S_no_disagreement(
      "The court in Lowmoor sentenced the smuggler to 15 years to life for "
      "the shipment of stolen engines last winter.\n",
      "The court in Lowmoor sentenced the smuggler to 17 years for the "
      "shipment of stolen engines last winter.\n",
      "a range through the unit ('15 years to life') is no single figure");
  S_no_disagreement(
      "The bicycle seats suit riders from 18 months to four years of age, "
      "the Lowmoor workshop said on Monday.\n",
      "The bicycle seats suit riders from 20 months to four years of age, "
      "the Lowmoor workshop said on Monday.\n",
      "a range ('18 months to four years') is no single figure");
  S_no_disagreement(
      "The swimmer crossed the Lowmoor channel on Sunday in a time of 9 "
      "hours, 12 minutes, 40 seconds, the club said.\n",
      "The swimmer crossed the Lowmoor channel on Sunday in a time of 9 "
      "hours, 14 minutes, 52 seconds, the club said.\n",
      "parts of composite durations (race times) are not figures");
  S_no_disagreement(
      "The ferry company said the crossing to the island of Lowmoor now "
      "takes 40 minutes in calm weather, up from last spring.\n",
      "The crossing to the island takes 45 minutes, the ferry company said "
      "as it announced new timetables for the summer.\n",
      "spans of time need near-identical sentences");
  S_no_disagreement(
      "The balloon drifted 410 miles over the sea on Thursday before it "
      "landed safely near Lowmoor, its pilot said.\n",
      "The balloon drifted at 380 miles per hour over the sea on Thursday "
      "before it landed safely near Lowmoor, its pilot said.\n",
      "a rate ('miles per hour') is not a distance ('miles')");
  S_no_disagreement(
      "Shares in the Lowmoor shipping company rose by 5 percent on Monday "
      "after the ferry contract was announced.\n",
      "Shares in the Lowmoor shipping company rose to 7 percent on Monday "
      "after the ferry contract was announced.\n",
      "a change ('rose by 5 percent') is not a level");
  S_no_disagreement(
      "The Lowmoor rowing club finished among the top 10 crews at the "
      "national regatta on the river on Sunday.\n",
      "The Lowmoor rowing club finished among the top 12 crews at the "
      "national regatta on the river on Sunday.\n",
      "ranks ('top 10') are not counts");
  S_no_disagreement(
      "The vaccine was given to three calves 12 hours after birth and to "
      "the other three later, and all six thrived in Lowmoor.\n",
      "The six calves that were given the vaccine 12 hours after birth "
      "thrived on the farm near Lowmoor.\n",
      "a sentence giving the other value too (parts of a whole)");
  S_no_disagreement(
      "The Lowmoor harbour authority said the new sea wall would cost $3 "
      "billion over the next ten years.\n",
      "The Lowmoor harbour authority said the new sea wall would cost $3.2 "
      "billion over the next ten years.\n",
      "rounding: 3 billion is 3.2 billion to its precision");
}

/* The anchor (a figure of equal value in both sentences) may sit in the
 * sentence right before a figure's sentence, when it is a time of day or
 * a date; the weak alignment still needs the sentences alike. */
static void test_disagree_anchor_prev(void) {
  S_one_disagreement(
      "The warehouse fire on the Lowmoor quay was reported at 2:40 a.m. on "
      "Sunday. Sixty firefighters were sent to the warehouse from three "
      "stations.\n",
      "Crews were called to the burning warehouse on the Lowmoor quay at "
      "2:40 a.m. on Sunday, and 65 firefighters fought the blaze until "
      "dawn.\n",
      60, 65, "count",
      "the anchor (2:40 a.m.) in the sentence before the figure's");
  S_no_disagreement(
      "The warehouse fire on the Lowmoor quay was reported at 2:40 a.m. on "
      "Sunday. Sixty firefighters were sent to the warehouse from three "
      "stations.\n",
      "The warehouse fire on the Lowmoor quay was reported at 2:40 a.m. on "
      "Sunday. The union said 65 firefighters had been cut from the county "
      "budget since the spring.\n",
      "an anchor before both figures, but the sentences share no term");
  S_no_disagreement(
      "The Lowmoor fire service opened its first station on the quay in "
      "1967. Sixty firefighters now serve at the station on the quay in "
      "Lowmoor.\n",
      "Founded in 1967, the Lowmoor fire service said that 65 firefighters "
      "were sent to the blaze near the station.\n",
      "a year in the sentence before is no anchor (only times and dates)");
  S_no_disagreement(
      "An analysis of 61 studies from 14 countries was published on March 3 "
      "by the Lowmoor institute of health.\n",
      "The Lowmoor institute of health published its review of studies from "
      "more than 12 countries on March 3. A second analysis by the "
      "institute drew on 20 studies from nine countries.\n",
      "no anchor from a sentence before that has a figure of the same head "
      "(the figure after it is often a part or a second study)");
}

/* Figures of different moments or states (S_frame in disagree.c): a
 * share's closing price and its after-hours price (Multi-News val, "$
 * 663.14" at the close and "$ 690.30" after a 4% gain in late trading),
 * or a first count and a later one, are not one fact; two closing prices
 * that differ still are. */
static void test_disagree_moment(void) {
  S_no_disagreement(
      "Shares of Lowmoor Shipping closed at $41.20 on Thursday, the day the "
      "company reported its quarterly results to investors.\n",
      "In after-hours trading on Thursday, shares of Lowmoor Shipping were "
      "at $44.80, the day the company reported its quarterly results to "
      "investors.\n",
      "a closing price against an after-hours price: two moments");
  S_no_disagreement(
      "Shares of Lowmoor Shipping closed at $41.20 on Thursday, the day the "
      "company reported its quarterly results to investors.\n",
      "Shares of Lowmoor Shipping opened at $44.80 on Thursday, the day the "
      "company reported its quarterly results to investors.\n",
      "a closing price against an opening price: two moments, even in "
      "near-identical sentences");
  S_no_disagreement(
      "Police initially said 12 people were injured when the footbridge over "
      "the Lowmoor canal collapsed on Saturday afternoon.\n",
      "Police said 15 people were injured when the footbridge over the "
      "Lowmoor canal collapsed on Saturday afternoon.\n",
      "a first count ('initially') against another: two states");
  S_one_disagreement(
      "Shares of Lowmoor Shipping closed at $41.20 on Thursday, the day the "
      "company reported its quarterly results to investors.\n",
      "Shares of Lowmoor Shipping closed at $43.90 on Thursday, the day the "
      "company reported its quarterly results to investors in London.\n",
      41.2, 43.9, "money", "two closing prices that differ: a disagreement");
  S_one_disagreement(
      "Police initially said 12 people were injured when the footbridge over "
      "the Lowmoor canal collapsed on Saturday afternoon.\n",
      "Police initially said 15 people were injured when the footbridge over "
      "the Lowmoor canal collapsed on Saturday afternoon.\n",
      12, 15, "count", "two first counts that differ: a disagreement");
  S_one_disagreement(
      "Police said 12 people were injured when the footbridge over the "
      "Lowmoor canal collapsed on Saturday afternoon, the hospital "
      "confirmed.\n",
      "Police said 15 people were injured when the footbridge over the "
      "Lowmoor canal collapsed on Saturday afternoon, the hospital said.\n",
      12, 15, "count",
      "'confirmed' is no state of its own: still a disagreement");
}

static void test_bounds(void) {
  /* "more than 60" and "65" agree; "60" and "65" with an anchor differ */
  static const char *const t[] = {
      "More than 60 volunteers searched the moor after the alarm was raised "
      "at 6:15 a.m. near the old quarry on Sunday.\n",
      "Some 65 volunteers searched the moor after the alarm was raised at "
      "6:15 a.m. near the old quarry on Sunday.\n"};
  static const char *const names[] = {"a", "b"};
  precis_cluster *c = S_cluster(t, names, 2);
  precis_report *r = NULL;
  precis_report_build(c, NULL, &r);
  INT_EQ(precis_report_disagreement_count(r), 0,
         "a lower bound consistent with the other figure is no conflict");
  precis_report_free(r);
  precis_cluster_free(c);
}

/* Two outlets report one news conference's remarks in the same order, in
 * different words: a paraphrase sharing few words is grouped because its
 * neighbours align, and of two near-identical answers ("I answered ... as
 * fully as I could") each goes with the one in its place in the order. */
static const char *const k_bridge[] = {
    "Saltmarsh bridge to reopen in March, mayor says\n\n"
    "Mayor Elin Varga told a news conference on Monday that the Saltmarsh "
    "bridge would reopen before spring.\n\n"
    "\"The Saltmarsh bridge will reopen to traffic in the first week of "
    "March,\" Varga said.\n\n"
    "\"We are sorry for the long detours that drivers have endured since the "
    "summer,\" she said. \"The contractor will pay a penalty for every week "
    "of delay.\"\n\n"
    "Asked about the rising cost of the repairs, she said: \"I answered the "
    "questions of the council on the cost as fully as I could.\"\n\n"
    "On the second crossing, Varga said: \"The timetable for the second "
    "bridge is not settled yet.\"\n\n"
    "Pressed again on the delays, she added: \"I gave the council detailed "
    "answers about the delays, as far as I could.\"\n",

    "Bridge reopening set for March\n\n"
    "The Saltmarsh bridge will be open for traffic again in early March, "
    "Mayor Elin Varga announced on Monday.\n\n"
    "\"In the first week of March the Saltmarsh bridge will reopen to "
    "traffic,\" Varga told reporters.\n\n"
    "\"Drivers have had to endure long diversions since the summer, and for "
    "that we apologise,\" the mayor said.\n\n"
    "\"For each week of delay the contractor will be fined,\" she added.\n\n"
    "\"I answered the council's questions about the cost as fully as I "
    "could,\" Varga said.\n\n"
    "\"There is no settled timetable yet for a second bridge,\" she said.\n\n"
    "\"I answered the council's questions about the delays, as fully and in "
    "as much detail as I could,\" she said when asked again.\n"};
static const char *const k_bridge_names[] = {"courier", "herald"};

static void test_quote_alignment(void) {
  precis_cluster *c = S_cluster(k_bridge, k_bridge_names, 2);
  precis_report *r = NULL;
  INT_EQ(precis_report_build(c, NULL, &r), PRECIS_OK, "bridge report builds");
  const precis_quote_group *sorry = S_group_of(r, c, "We are sorry for");
  const precis_quote_group *endure = S_group_of(r, c, "Drivers have had to");
  OK(sorry && sorry == endure,
     "a paraphrase with few shared words, between aligned remarks, is "
     "grouped");
  const precis_quote_group *fined = S_group_of(r, c, "For each week of");
  OK(fined && fined == S_group_of(r, c, "The contractor will pay"),
     "the remark after it too");
  const precis_quote_group *cost1 =
      S_group_of(r, c, "I answered the questions");
  const precis_quote_group *cost2 =
      S_group_of(r, c, "I answered the council's questions about the cost");
  const precis_quote_group *late1 = S_group_of(r, c, "I gave the council");
  const precis_quote_group *late2 =
      S_group_of(r, c, "I answered the council's questions about the delays");
  OK(cost1 && cost1 == cost2, "the first answer on the cost: one group");
  OK(late1 && late1 == late2, "the later answer on the delays: one group");
  OK(cost1 != late1,
     "two near-identical answers from different places stay apart");
  if (sorry) INT_EQ(sorry->n_variants, 2, "two variants, one per outlet");
  precis_report_free(r);
  precis_cluster_free(c);
}

/* A transcript's one sentence, quoted by an outlet in two pieces: both
 * pieces go with it; the transcript's next sentence is another statement. */
static const char *const k_transcript[] = {
    "Press conference on the Saltmarsh bridge\n\n"
    "Question: When will the bridge open again?\n\n"
    "Elin Varga: The Saltmarsh bridge will reopen to traffic in March, and "
    "the contractor, whose error caused the delay, will pay a penalty for "
    "every lost week. We apologise to every driver who was stuck in the "
    "detours.\n\n"
    "Question: And what about the second bridge?\n\n"
    "Elin Varga: The timetable for the second bridge is not settled yet. We "
    "will publish it in the autumn.\n",

    "Saltmarsh bridge reopens in March\n\n"
    "\"The Saltmarsh bridge will reopen to traffic in March,\" Mayor Elin "
    "Varga said on Monday.\n\n"
    "\"The contractor, whose error caused the delay, will pay a penalty for "
    "every lost week,\" she added.\n\n"
    "\"We apologise to every driver who was stuck in the detours,\" Varga "
    "said.\n"};
static const char *const k_transcript_names[] = {"kremlin", "echo"};

static void test_quote_transcript(void) {
  precis_cluster *c = S_cluster(k_transcript, k_transcript_names, 2);
  precis_report *r = NULL;
  INT_EQ(precis_report_build(c, NULL, &r), PRECIS_OK,
         "transcript report builds");
  const precis_quote_group *T =
      S_group_of(r, c,
                 "The Saltmarsh bridge will reopen to traffic in "
                 "March, and");
  OK(T != NULL, "the transcript's sentence is a quotation");
  OK(T &&
         T == S_group_of(r, c,
                         "The Saltmarsh bridge will reopen to "
                         "traffic in March") &&
         T == S_group_of(r, c, "The contractor, whose error"),
     "two quotations rendering parts of one transcript sentence: one group");
  const precis_quote_group *A = S_group_of(r, c, "We apologise");
  OK(A && A != T, "the transcript's next sentence is another statement");
  if (A) INT_EQ(A->n_outlets, 2, "quoted by both outlets");
  if (T) {
    INT_EQ(T->variants[T->best]->kind, PRECIS_QUOTE_TRANSCRIPT,
           "the transcript's rendering is the most complete");
  }
  precis_report_free(r);
  precis_cluster_free(c);
}

static void test_args(void) {
  precis_report *r = (precis_report *)1;
  INT_EQ(precis_report_build(NULL, NULL, &r), PRECIS_ERR_INVALID_ARG,
         "NULL cluster");
  precis_cluster *c = precis_cluster_new();
  INT_EQ(precis_report_build(c, NULL, &r), PRECIS_ERR_EMPTY, "empty cluster");
  OK(r == NULL, "no report on error");
  precis_report_free(NULL);
  INT_EQ(precis_report_quote_group_count(NULL), 0, "NULL report: no groups");
  OK(precis_report_quote_group(NULL, 0) == NULL, "NULL report: no group");
  precis_cluster_free(c);
}

int main(void) {
  test_groups();
  test_json_html();
  test_one_outlet();
  test_bad_quotes();
  test_huge_quote();
  test_quote_alignment();
  test_quote_transcript();
  test_bounds();
  test_disagree_rules();
  test_disagree_precision();
  test_disagree_anchor_prev();
  test_disagree_moment();
  test_args();
  return DONE();
}
