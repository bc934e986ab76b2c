/* cluster.h — internal layout of a cluster after analysis.
 *
 * precis_cluster_add() normalizes and stores each article. The analysis
 * (cluster_analyze, run once by precis_summarize) then:
 *   1. classifies every line as content or boilerplate (clean.c);
 *   2. splits the content into sentences (sentence.c);
 *   3. tokenizes each sentence into term ids (token.c), remapped to dense
 *      cluster-local ids so per-term arrays are small;
 *   4. computes document frequencies and sentence features.
 * All per-cluster memory comes from one arena, released by reset.
 */
#ifndef PRECIS_CLUSTER_H
#define PRECIS_CLUSTER_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "clean.h"
#include "precis.h"
#include "token.h"

/* Sentence flags */
#define SENT_SELECTABLE 1u /* may appear in a brief */
#define SENT_HEADLINE 2u   /* a title line (no final punctuation) */
#define SENT_DANGLING 4u   /* opens with a pronoun/connective needing context */
#define SENT_QUOTE_TURN 8u /* a whole quotation, a turn going on */
#define SENT_DATELINE 16u  /* follows a dateline or caption (clean.h) */
#define SENT_SPEAKER 32u   /* a pronoun speaker: "..., she said." */
#define SENT_QUOTE_REST 64u /* continues a quotation an earlier one opened */
#define SENT_QUOTE_OPEN 128u /* opens a quotation a later one closes */
/* what a sentence's quotation marks do (cluster.c S_mark_quotation) */
#define SENT_QUOTE_MARKED 256u /* has a quotation mark */
#define SENT_QUOTE_OPENED 512u /* leaves open a quotation it opened */
#define SENT_QUOTE_INSIDE 1024u /* ends inside a quotation */
#define SENT_OUTLET 2048u /* the outlet speaks of itself (S_outlet_voice) */
#define SENT_MASKED 4096u /* unselectable for one summary only (summary.c) */
#define SENT_CAPTION 8192u /* part of a wire photo's caption (clean.c) */
#define SENT_UNCUED 16384u /* inside a line with no cue phrase (clean.h) */
#define SENT_SAID_AFTER 32768u  /* a whole quotation, its speaker next */
#define SENT_SAYS_BEFORE 65536u /* ... and that next sentence */
#define SENT_QUOTE_WHOLE 131072u /* is one quotation (SQ_WHOLE) */
/* cannot stand without the sentence before it, or after it (ilp-pos
 * keeps them together) */
#define SENT_NEEDS_PREV                                                        \
  (SENT_DANGLING | SENT_SPEAKER | SENT_QUOTE_REST | SENT_QUOTE_TURN |          \
   SENT_SAYS_BEFORE)
#define SENT_NEEDS_NEXT (SENT_QUOTE_OPEN | SENT_SAID_AFTER)
/* too short to stand alone (under 8 words or 3 content words, at least 3
 * words, nothing else against it): ilp-pos quotes it inside a unit, with
 * the neighbour that needs it (sent_needs_prev, sent_needs_next) */
#define SENT_IN_UNIT 262144u

/* Why a sentence is not selectable (sent.why): 0 when it is, 1 to 31 a
 * cleaner's class (clean_reason: a credit, a prompt inside a long line),
 * else one of these. cluster_why() names each. */
enum {
  WHY_HEADLINE = 32, /* a title line */
  WHY_SHORT,         /* under 8 words */
  WHY_LONG,          /* over 80 words */
  WHY_FEW_CONTENT,   /* under 3 content words */
  WHY_NO_END,        /* does not end as a sentence does */
  WHY_FRAGMENT,      /* opens in lower case, not after a sentence's end */
  WHY_TEASER,        /* cut short with an ellipsis */
  WHY_QUESTION,      /* a question outside quotation marks */
  WHY_CAPTION,       /* part of a wire photo's caption */
  WHY_ASKS,          /* asks the reader (clean_asks_reader) */
  WHY_WEB_NOTE,      /* a web archive's note about its crawl */
  WHY_OFF_TOPIC,     /* its article is not about the cluster's story */
  WHY_OUTLET         /* the outlet speaks of itself (SENT_OUTLET) */
};
const char *cluster_why(unsigned why);

typedef struct sent {
  uint32_t doc;        /* article index */
  uint32_t index;      /* position among the article's sentences */
  uint32_t off, len;   /* byte span in the article's normalized text */
  uint32_t tok0, ntok; /* tokens in cluster->toks */
  uint32_t nwords;     /* whitespace-separated words (the budget unit) */
  uint32_t para;       /* paragraph number within the article */
  unsigned flags;
  uint8_t why; /* 0, or why it is not selectable (WHY_*) */
  /* sparse bag of content terms: sorted local ids with counts */
  uint32_t *bag_term;
  uint16_t *bag_count;
  uint32_t nbag;
} sent;

typedef struct doc {
  char *text;
  size_t len;
  precis_doc_meta meta; /* strings in the arena */
  precis_doc_stats stats;
  uint32_t sent0, nsent;
  int lowered; /* lower-cased text (sent_lowered); -1: not asked yet */
} doc;

struct precis_cluster {
  arena mem;      /* per-cluster */
  lexicon *lex;   /* lives across resets */
  cue_index cues; /* boilerplate cue phrases, read-only */
  size_t max_doc_bytes;
  doc *docs;
  size_t ndocs, docs_cap;
  int analyzed;
  unsigned analyzed_flags;
  /* analysis */
  sent *sents;
  size_t nsents;
  tok *toks;
  size_t ntoks;
  uint32_t *local;           /* token -> local term id, parallel to toks */
  size_t nlocal;             /* number of local terms */
  uint32_t *local_global;    /* local id -> global term id */
  uint32_t *df;              /* local id -> number of articles containing it */
  double *idf;               /* local id -> log((N+1)/(df+0.5)) style weight */
  unsigned char *local_stop; /* local id -> stopword? */
  /* global -> local remap with stamps (valid when stamp == cur_stamp) */
  uint32_t *g_stamp, *g_local;
  size_t g_cap;
  uint32_t cur_stamp;
  const doc_lines *lines; /* per article, from the last analysis (arena) */
};

/* Run the analysis if not done yet with these flags. */
precis_status cluster_analyze(precis_cluster *c, unsigned flags);

/* ilp-pos's units: does sentence i go only with the sentence before it
 * (its SENT_NEEDS_PREV, or SENT_IN_UNIT after one that needs the next),
 * or only with the one after it? */
int sent_needs_prev(const precis_cluster *c, size_t i);
int sent_needs_next(const precis_cluster *c, size_t i);
/* in[k] for sentences first + k, k < n: clear each whose needed
 * neighbour (of its article) is not in, until none changes; ilp-pos's
 * candidates and precis_cluster_parts' stranded sentences. */
void sent_drop_unmet(const precis_cluster *c, size_t first, size_t n,
                     unsigned char *in);

/* qsort's comparison of two uint32_t (term ids, sentence numbers). */
int cmp_u32(const void *a, const void *b);
/* Sort v ascending: insertion sort up to 32 values, where qsort's calls
 * through cmp_u32 cost several times the moves (a sentence's bag of
 * terms, sorted once per sentence, has a dozen), qsort above. */
void sort_u32(uint32_t *v, size_t n);

#endif
