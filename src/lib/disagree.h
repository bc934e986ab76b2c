/* disagree.h — figures that differ between outlets for the same fact.
 * See disagree.c for the rules. */
#ifndef PRECIS_DISAGREE_H
#define PRECIS_DISAGREE_H

#include <stddef.h>

#include "arena.h"
#include "cluster.h"
#include "precis.h"

typedef struct disagree_set {
  precis_disagreement *items; /* in the caller's arena */
  size_t n;
} disagree_set;

/* Find disagreements in an analysed cluster; memory from `mem`. */
precis_status disagree_find(const precis_cluster *c, arena *mem,
                            disagree_set *out);

/* The figures of one sentence span, for tests: fills up to `max` figures
 * of article `doc` whose sentence contains byte `offset`; returns how
 * many it found. */
size_t disagree_figures_at(const precis_cluster *c, arena *mem, size_t di,
                           size_t offset, precis_figure *out, size_t max);

#endif
