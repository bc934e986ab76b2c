/* clean.h — boilerplate detection for scraped articles.
 *
 * Works on lines (a scraped article is one paragraph per line, or
 * paragraphs separated by blank lines). Each line gets features — words,
 * final punctuation, stopword ratio, capitalised-word ratio, URL/e-mail
 * density, separator characters, digits, position in the article, and
 * whether the same line appears in another article of the cluster — and a
 * few generic interface cues (copyright, credit, subscription and sharing
 * vocabulary). A line is dropped when these say it is navigation, a
 * credit, a byline, a timestamp, a legal notice or a prompt. The rules are
 * documented with each test in clean.c; tests/data/ holds hand labels.
 */
#ifndef PRECIS_CLEAN_H
#define PRECIS_CLEAN_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "precis.h"

typedef enum line_kind {
  LINE_CONTENT = 0,
  LINE_HEADLINE = 1, /* kept as context, never selected */
  LINE_BOILER = 2
} line_kind;

typedef struct line {
  uint32_t off, len; /* trimmed, in the article's normalized text */
  uint8_t kind;
  uint8_t reason; /* why dropped: index into clean_reason() names */
  uint8_t cued;   /* holds a cue phrase (the scan clean_classify makes) */
} line;

/* Index of the cue phrases, built once (cue_index_init) and read-only
 * after: a cluster keeps one. */
#define CUE_MAX 512
typedef struct cue_index {
  short head[65536];  /* by first two bytes, lower-cased */
  uint64_t has[1024]; /* bit per hash of a cue's first three bytes: the
                         scan tests these 8 KB, not the 128 KB of heads,
                         and three bytes rule out far more positions
                         than two ("re", "co", "th" open cues) */
  uint64_t lead[1024]; /* the same bits for the cues that must open a
                          sentence (S_lead) */
  short next[CUE_MAX];
  const char *cue[CUE_MAX];
  unsigned char len[CUE_MAX];
  unsigned char kind[CUE_MAX];
  size_t n;
} cue_index;

void cue_index_init(cue_index *ix);

typedef struct doc_lines {
  line *lines;
  size_t n;
  int web_archive; /* a line names web archiving ("wayback", "crawl") */
} doc_lines;

/* Classify the lines of n articles (texts[i], lens[i]) into out[i] (arena
 * memory). Cross-article repetition is one of the features, hence all
 * articles at once. */
precis_status clean_classify(arena *a, const cue_index *ix, char *const *texts,
                             const size_t *lens, size_t n, doc_lines *out);

const char *clean_reason(unsigned reason);

/* The line rules that make sense for one sentence inside a long line
 * (credits, prompts, links, legal text, embeds), and a photo caption
 * dated as the wires date it ("..., Tuesday, March 3, 2026."); 0 when
 * it is content. */
unsigned clean_sentence_reason(const cue_index *ix, const char *s, size_t n);
/* The same for a sentence known to hold no cue phrase, as one inside a
 * line whose `cued` is 0 (any cue in a part of a line is a cue in the
 * line): the phrase scan, most of the cost, is skipped. */
unsigned clean_sentence_reason_uncued(const cue_index *ix, const char *s,
                                      size_t n);

/* Does sentence s ask its reader to do something? It opens with
 * "Please", or with a condition or a purpose that "please" follows ("If
 * you have comments ..., please write to:", "To view similar jobs,
 * please visit ..."): the page's words, not the story's. The caller
 * makes sure s is no quotation ("Please help us," she said.); "If
 * anyone recognizes this man, please call police." is not asked. */
int clean_asks_reader(const char *s, size_t n);

/* Is sentence s about the web rather than a story? CLEAN_WEB when it
 * names two things of the web ("website", "links", "url");
 * CLEAN_WEB | CLEAN_WEB_ARCHIVE when it names web archiving ("wayback",
 * "crawl", "warcs"); else 0. cluster.c drops the runs of such sentences
 * that an archive's note about its crawl makes. */
#define CLEAN_WEB 1u
#define CLEAN_WEB_ARCHIVE 2u
unsigned clean_web_class(const cue_index *ix, const char *s, size_t n);

/* Length of the headline and its stamp that ABC's pages run into an
 * article's first sentence, "HEADLINE updated STORY" or "HEADLINE
 * updated at 6: 20 p.m. et STORY", 0 if none: "updated" after five
 * words or more of headline and among the first 40, not after a word
 * that makes it a verb or an adjective ("has", "we've", "some",
 * "newly"), not before a preposition ("updated on", "updated to"), and
 * the headline restated: two of its words of four letters or more come
 * again in the story's next 30 words, of which there are at least 8. */
size_t clean_headline_stamp(const char *s, size_t n);

/* Length of a wire dateline opening sentence s, 0 if none: the place
 * and/or agency before a dash that precede the first words of a story,
 * "WASHINGTON (AP) — ", "LIMA, Dec 1 (Reuters) - ", "(CNN) -- ",
 * "Stockton ( cbs13 ) — ". The sentence after it is a suffix of the
 * source sentence, still a byte-exact span. Without an agency in
 * brackets the place must be in capitals and a capital must follow the
 * dash ("NASA — the agency — said" and lower-cased text keep theirs). */
size_t clean_dateline(const char *s, size_t n);

/* The same in lower-cased text (Multi-News's sources; the caller knows,
 * sent_lowered()), where no capital tells a place: "Tampa — like many
 * parents ...", "Dover, fla. — the agent ...". The place is one to five
 * name words, none an English stopword ("the doc —", "hold those
 * messages --"), an adverb in -ly ("mix slowly —") or a word with an
 * apostrophe ("it's just --"); the dash is "—", "–" or "--"; six words
 * or more follow, with no second dash ("arthropods — a group ... —
 * have"). The caller keeps it to a line's start: inside a paragraph,
 * "Stay tuned — we may ..." reads the same. */
size_t clean_dateline_lowered(const char *s, size_t n);

/* Length of the text up to and through CNN's mark, "(CNN)" ("( cnn )",
 * "(CNNMoney)", a dash after it), when the mark is within the first
 * CLEAN_CNN_MARK_SPAN bytes of s and four words or more follow; 0
 * otherwise. CNN's stories open with the mark, so whatever comes before
 * it in one of an article's first sentences is the page's: the place,
 * and in Multi-News's flattened pages the headline or the "Story
 * highlights" list run on into the lead ("... feed on fresh shoots (
 * cnn ) the search is on ..."). */
#define CLEAN_CNN_MARK_SPAN 1024
size_t clean_cnn_mark(const char *s, size_t n);

/* Length of a wire photo's caption run on into the sentence s, 0 if
 * none: text that ends "... (Associated Press)" or "(AP Photo/...)
 * (Associated Press)" (marks spaced or not) with four words or more
 * after it, as Multi-News's flattened articles carry before their lead
 * ("... crews pour water on the... ( associated press ) ketterby ( ap )
 * — a fire destroyed ..."). The caption is the bytes up to the last
 * such credit and the spaces after it; the rest stays a span. */
size_t clean_caption_head(const char *s, size_t n);

/* 1 if such a caption's credit, or a gallery's count closing a caption
 * ("Hide Caption 3 of 15"), ends within the first 384 bytes of the line
 * that s opens (AP cuts its captions short at about 200 or 300 bytes):
 * a sentence that opens its paragraph or follows a caption and is
 * followed so soon by a credit is part of a caption. */
int clean_caption_ahead(const char *s, size_t n);

/* Length of an ad's or a video player's words opening the sentence s
 * ("Story continued below ", "Advertisement continue reading the main
 * story "), and of a page's furniture with the headline before it
 * ("HEADLINE read more ", "... toggle caption CREDIT CREDIT ", "/
 * updated by NAME NAME ", "Updated 6: 07 p.m. Et "; the last of them
 * when a page stacks them), when four words or more follow; 0
 * otherwise. */
size_t clean_widget_head(const char *s, size_t n);

/* An outlet speaking of itself: "told us", "as we reported", "we reached
 * out", "our reporter", "this newspaper", "this website". The length of
 * such a phrase at s[i], which must start and end on a word boundary, or
 * 0. Only the first letter may be a capital ("Our reporter"; "told US
 * officials" is not one); an apostrophe may be ' or U+2019. The caller
 * says where words start (cluster.c: at each token) and whether the
 * phrase stands inside a quotation, where the "we" is a speaker's. */
size_t clean_self_ref(const char *s, size_t n, size_t i);

#endif
