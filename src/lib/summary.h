/* summary.h — internal layout of a brief. */
#ifndef PRECIS_SUMMARY_H
#define PRECIS_SUMMARY_H

#include "precis.h"

struct precis_summary {
  precis_sentence *sents;
  size_t n;
  size_t *support_pool; /* all support arrays, back to back */
  const char *algorithm;
  const char *note;
  int pairs; /* precis_summary_pairs_kept */
  double dedup; /* the attribution's threshold (precis_summary_restated) */
  precis_budget_unit unit;
  size_t budget;
};

#endif
