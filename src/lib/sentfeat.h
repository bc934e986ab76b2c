/* sentfeat.h — per-sentence features and a linear model of how much of a
 * sentence a human summary keeps.
 *
 * The features are cheap, language-light surface statistics of an
 * analysed cluster: the sentence's position in its article, its length,
 * how many other articles share its words and bigrams, its cosine with
 * the cluster centroid, quotation marks, digits. A linear model over them
 * (weights in sentfeat_weights.inc, fitted by tools/train/fit.py on
 * Multi-News val with cross-fitting; see bench/RESULTS.md) predicts the
 * share of a sentence's bigrams and words that the reference summary
 * contains: a per-word value, the "sentence prior" that select_ilp_pos.c
 * adds to concept coverage and select_learned.c ranks by.
 */
#ifndef PRECIS_SENTFEAT_H
#define PRECIS_SENTFEAT_H

#include <stddef.h>

#include "cluster.h"

#define SENTFEAT_N 23

/* Names of the features, for tools and docs (SENTFEAT_N of them). */
extern const char *const sentfeat_names[SENTFEAT_N];

/* Features of every sentence: f[i * SENTFEAT_N + k]. Sentences that are
 * not selectable get zeros. f is malloc'd (free it). */
precis_status sentfeat_compute(const precis_cluster *c, double **f);

/* The model's predicted value per word of each sentence (0 for
 * unselectable ones): out has room for c->nsents. */
precis_status sentfeat_predict(const precis_cluster *c, double *out);

#endif
