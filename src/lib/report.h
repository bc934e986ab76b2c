/* report.h — internal layout of a cross-source report (report.c). */
#ifndef PRECIS_REPORT_H
#define PRECIS_REPORT_H

#include "arena.h"
#include "cluster.h"
#include "disagree.h"
#include "precis.h"
#include "quotes.h"

struct precis_report {
  arena mem;             /* everything below that is not malloc'd */
  precis_summary *brief; /* under the caller's options */
  precis_summary *rank;  /* every ranked sentence, for "only in X" */
  size_t ndocs;
  precis_sentence *excl;           /* exclusive sentences, packed by article */
  size_t *excl_start, *excl_count; /* per article */
  quote_ledger quotes;
  disagree_set dis;
};

#endif
