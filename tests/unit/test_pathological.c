/* test_pathological.c — inputs built to hit worst cases (cmark's
 * pathological_tests.py idea). Each must finish, with a defined result;
 * tests/run.sh runs every test under a time limit, so a quadratic blow-up
 * shows as a failure rather than a hang. No timings are asserted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "precis.h"

static char *repeat(const char *unit, size_t times, size_t *len) {
  size_t u = strlen(unit);
  char *p = malloc(u * times + 1);
  if (!p) return NULL;
  for (size_t i = 0; i < times; i++)
    memcpy(p + i * u, unit, u);
  p[u * times] = '\0';
  *len = u * times;
  return p;
}

static precis_status run_one(const char *text, size_t len, size_t copies,
                             size_t *nsent) {
  precis_cluster *c = precis_cluster_new();
  precis_status st = PRECIS_OK;
  for (size_t i = 0; i < copies && st == PRECIS_OK; i++)
    st = precis_cluster_add(c, text, len, NULL);
  precis_summary *s = NULL;
  if (st == PRECIS_OK) st = precis_summarize(c, NULL, &s);
  *nsent = precis_summary_count(s);
  precis_summary_free(s);
  precis_cluster_free(c);
  return st;
}

int main(void) {
  size_t len, n;
  char *t;

  /* 1 MB "sentence" with no punctuation */
  t = repeat("word ", 200000, &len);
  precis_status st = run_one(t, len, 1, &n);
  OK(st == PRECIS_ERR_EMPTY, "1 MB without punctuation: no sentence, %d",
     (int)st);
  free(t);

  /* 10k abbreviations in a row */
  t = repeat("Mr. U.S. Gen. ", 10000, &len);
  st = run_one(t, len, 1, &n);
  OK(st == PRECIS_OK || st == PRECIS_ERR_EMPTY, "10k abbreviations: %d",
     (int)st);
  free(t);

  /* 100k identical sentences in one article */
  t = repeat("The harbor fire burned for six hours on Tuesday night. ", 100000,
             &len);
  st = run_one(t, len, 1, &n);
  OK(st == PRECIS_OK && n == 1,
     "100k duplicate sentences: one sentence in the brief (got %zu)", n);
  free(t);

  /* 200 articles that are all the same */
  t = repeat("Officials said the port would reopen on Friday morning. ", 20,
             &len);
  st = run_one(t, len, 200, &n);
  OK(st == PRECIS_OK && n == 1, "200 identical articles: one sentence (%zu)",
     n);
  free(t);

  /* all-unique tokens: 300k distinct words */
  char *u = malloc(300000 * 12);
  size_t ul = 0;
  for (size_t i = 0; i < 300000; i++) {
    ul += (size_t)snprintf(u + ul, 12, "W%zx%s", i * 2654435761u % 99999989u,
                           i % 20 == 19 ? ". " : " ");
  }
  st = run_one(u, ul, 1, &n);
  OK(st == PRECIS_OK, "300k unique tokens: status %d", (int)st);
  free(u);

  /* a long line of quotes and brackets */
  t = repeat("\"(\xe2\x80\x9c[", 100000, &len);
  st = run_one(t, len, 1, &n);
  OK(st == PRECIS_ERR_EMPTY, "400k quote and bracket bytes: empty, no crash");
  free(t);

  /* invalid UTF-8 everywhere */
  t = repeat("\xff\xfe\xc3 abc. ", 50000, &len);
  st = run_one(t, len, 1, &n);
  OK(st == PRECIS_OK || st == PRECIS_ERR_EMPTY, "invalid UTF-8 flood: %d",
     (int)st);
  free(t);

  /* 4096 tiny articles (the per-cluster cap), then one more is refused */
  precis_cluster *c = precis_cluster_new();
  const char *a = "A warehouse fire closed the port of Ketterby on Tuesday.";
  st = PRECIS_OK;
  for (size_t i = 0; i < PRECIS_MAX_DOCS && st == PRECIS_OK; i++)
    st = precis_cluster_add(c, a, strlen(a), NULL);
  OK(st == PRECIS_OK, "4096 articles accepted");
  INT_EQ(precis_cluster_add(c, a, strlen(a), NULL), PRECIS_ERR_LIMIT,
         "article 4097 refused with PRECIS_ERR_LIMIT");
  precis_summary *s = NULL;
  OK(precis_summarize(c, NULL, &s) == PRECIS_OK &&
         precis_summary_sentence(s, 0)->n_support == PRECIS_MAX_DOCS,
     "4096 articles: the sentence is supported by all of them");
  precis_summary_free(s);
  precis_cluster_free(c);
  return DONE();
}
