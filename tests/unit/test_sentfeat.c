/* test_sentfeat.c — the sentence features and prior (src/lib/sentfeat.c)
 * on an invented three-outlet cluster: each feature means what its name
 * says, unselectable sentences get zeros, the prior is finite and >= 0,
 * and a lead sentence every outlet shares is valued above a late
 * sentence only one outlet has. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cluster.h"
#include "harness.h"
#include "precis.h"
#include "sentfeat.h"

static const char *const docs[] = {
    "The river ferry Marlow sank near Quayside pier on Tuesday morning.\n\n"
    "Rescuers pulled 41 passengers from the cold water within an hour.\n\n"
    "\"We saw the bow go under,\" said a dock worker who watched it.\n\n"
    "A local bakery later handed out bread rolls to the families waiting.\n",
    "The river ferry Marlow sank near Quayside pier early on Tuesday.\n\n"
    "All 41 passengers were rescued by harbour crews, officials said.\n",
    "Officials said the river ferry Marlow sank near Quayside pier.\n\n"
    "The cause of the sinking is not yet known to investigators.\n",
};

static int feat(const char *name) {
  for (int k = 0; k < SENTFEAT_N; k++)
    if (strcmp(sentfeat_names[k], name) == 0) return k;
  return -1;
}

/* first sentence of article d whose text starts with `start` */
static size_t find(const precis_cluster *c, uint32_t d, const char *start) {
  for (size_t i = 0; i < c->nsents; i++) {
    const sent *s = &c->sents[i];
    if (s->doc == d &&
        strncmp(c->docs[d].text + s->off, start, strlen(start)) == 0)
      return i;
  }
  return (size_t)-1;
}

int main(void) {
  precis_cluster *c = precis_cluster_new();
  for (size_t i = 0; i < sizeof docs / sizeof *docs; i++)
    precis_cluster_add(c, docs[i], strlen(docs[i]), NULL);
  OK(cluster_analyze(c, 0) == PRECIS_OK, "cluster analysed");
  double *f = NULL;
  OK(sentfeat_compute(c, &f) == PRECIS_OK && f, "features computed");
  size_t lead0 = find(c, 0, "The river ferry"), rescue = find(c, 0, "Rescuers"),
         quote = find(c, 0, "\"We saw"), bakery = find(c, 0, "A local bakery"),
         cause = find(c, 2, "The cause");
  OK(lead0 != (size_t)-1 && rescue != (size_t)-1 && quote != (size_t)-1 &&
         bakery != (size_t)-1 && cause != (size_t)-1,
     "sentences found");
  if (!f || cause == (size_t)-1) return DONE();
#define F(i, name) f[(i)*SENTFEAT_N + feat(name)]
  for (int k = 0; k < SENTFEAT_N; k++)
    OK(sentfeat_names[k] && feat(sentfeat_names[k]) == k, "feature %d named",
       k);
  OK(F(lead0, "bias") == 1, "bias is 1");
  OK(F(lead0, "rank0") == 1 && F(rescue, "rank0") == 0, "rank0: the lead");
  OK(F(rescue, "rank1") == 1 && F(rescue, "inv_rank") == 0.5,
     "second sentence: rank1, 1/(1+r)");
  OK(F(bakery, "rank3") == 1, "fourth sentence: rank3");
  OK(fabs(F(lead0, "inv_docs") - 1.0 / 3) < 1e-9, "three outlets");
  OK(F(lead0, "doc_frac") == 0 && F(cause, "doc_frac") == 1,
     "article position in the cluster");
  OK(F(quote, "open_quote") == 1 && F(quote, "has_quote") == 1 &&
         F(lead0, "open_quote") == 0,
     "quotation marks");
  OK(F(rescue, "has_digit") == 1 && F(lead0, "has_digit") == 0, "digits");
  OK(F(quote, "speech_verb") == 1 && F(lead0, "speech_verb") == 0, "said/told");
  OK(F(lead0, "bigram_shared") > 0.5 && F(bakery, "bigram_shared") == 0,
     "bigrams shared with other outlets: the lead yes, the bakery no");
  OK(F(lead0, "word_df") > F(bakery, "word_df"), "word df: lead > bakery");
  OK(F(lead0, "centroid") > F(bakery, "centroid"), "centroid: lead > bakery");
  OK(fabs(F(lead0, "log_words") - log1p(c->sents[lead0].nwords)) < 1e-9,
     "log words");
  int zero = 1;
  for (size_t i = 0; i < c->nsents; i++)
    if (!(c->sents[i].flags & SENT_SELECTABLE))
      for (int k = 0; k < SENTFEAT_N; k++)
        zero &= f[i * SENTFEAT_N + k] == 0;
  OK(zero, "unselectable sentences have no features");
  double *v = calloc(c->nsents + 1, sizeof *v);
  OK(v && sentfeat_predict(c, v) == PRECIS_OK, "prior computed");
  int finite = 1;
  for (size_t i = 0; v && i < c->nsents; i++)
    finite &= isfinite(v[i]) && v[i] >= 0;
  OK(finite, "prior finite and >= 0");
  OK(v && v[lead0] > v[bakery], "prior: shared lead %.3f > lone late %.3f",
     v ? v[lead0] : 0, v ? v[bakery] : 0);
  free(v);
  free(f);
  precis_cluster_free(c);
  return DONE();
}
