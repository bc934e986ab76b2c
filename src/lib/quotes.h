/* quotes.h — the quote ledger: quotations, their speakers, and groups of
 * quotations that render one statement. See quotes.c for the rules. */
#ifndef PRECIS_QUOTES_H
#define PRECIS_QUOTES_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "cluster.h"
#include "precis.h"

/* One quotation and what grouping needs to know about it. */
typedef struct quote_unit {
  precis_quote q;  /* the public view */
  uint32_t *terms; /* sorted distinct canonical content terms */
  uint32_t nterms;
  uint64_t *grams; /* sorted hashes of its 6-word runs with a content word */
  uint32_t ngrams;
  uint32_t tok0, ntok; /* its words: the cluster's tokens [tok0, tok0+ntok) */
  uint32_t para;       /* paragraph ordinal within its article */
  uint32_t quote; /* quotation ordinal: a direct quotation's sentences share
                     it, any other unit has its own */
  size_t group;   /* index into quote_ledger.groups */
} quote_unit;

typedef struct quote_ledger {
  quote_unit *units; /* in article order, then offset (malloc'd) */
  size_t n;
  precis_quote_group *groups; /* in the report's arena */
  size_t ngroups;
  size_t skipped_long; /* quotations over PRECIS_REPORT_QUOTE_MAX_BYTES */
} quote_ledger;

/* Find the quotations of an analysed cluster, their speakers, and group
 * them. Strings and groups come from `mem`; free the rest with
 * quotes_free. */
precis_status quotes_build(const precis_cluster *c, arena *mem,
                           quote_ledger *out);
void quotes_free(quote_ledger *ql);

#endif
