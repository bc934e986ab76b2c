/* test_core.c — library tests: normalization, tokens, cleaning, the
 * summarize invariants (budget, byte-exact spans, attribution) and error
 * statuses. Texts are invented for these tests. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "arena.h"
#include "buf.h"
#include "clean.h"
#include "cluster.h"
#include "harness.h"
#include "normalize.h"
#include "precis.h"
#include "sentence.h"
#include "token.h"
#include "vec.h"

/* ---- normalize ---- */

static void test_normalize(void) {
  arena a;
  arena_init(&a, 0);
  char *out;
  size_t n, bad;
  int changed;
  const char in1[] = "caf\xc3\xa9 \xff bar\r\nnext\rline";
  OK(text_normalize(&a, in1, sizeof in1 - 1, &out, &n, &bad, &changed) ==
         PRECIS_OK,
     "normalize: mixed input accepted");
  STR_EQ(out, "caf\xc3\xa9 \xef\xbf\xbd bar \nnext\nline",
         "normalize: invalid byte -> U+FFFD, CRLF -> ' \\n', CR -> LF");
  INT_EQ(bad, 1, "normalize: one invalid sequence counted");
  INT_EQ(changed, 1, "normalize: flags the change");

  const char in2[] = "e\xcc\x81t\xc3\xa9";
  text_normalize(&a, in2, sizeof in2 - 1, &out, &n, &bad, &changed);
  STR_EQ(out, "\xc3\xa9t\xc3\xa9", "normalize: NFC composes e + acute");

  const char in3[] = "\xef\xbb\xbf a\tb\x01"
                     "c\r\n\xc2\x85"
                     "d";
  text_normalize(&a, in3, sizeof in3 - 1, &out, &n, &bad, &changed);
  STR_EQ(out, "    a b c \n  d",
         "normalize: BOM, TAB, controls, CR, C1 -> spaces of equal length");
  INT_EQ(n, sizeof in3 - 1, "normalize: length preserved");

  const char in4[] = "Plain text.\nSecond line.";
  text_normalize(&a, in4, sizeof in4 - 1, &out, &n, &bad, &changed);
  INT_EQ(changed, 0, "normalize: clean text is left byte-identical");

  const char in5[] = "\xe2\x80";
  text_normalize(&a, in5, sizeof in5 - 1, &out, &n, &bad, &changed);
  STR_EQ(out, "\xef\xbf\xbd\xef\xbf\xbd",
         "normalize: truncated sequence at end is replaced bytewise");

  const char in6[] = "caf\xc3\xa9 \xe2\x80\x94 \xe2\x80\x9cso\xe2\x80\x9d "
                     "\xe2\x82\xac"
                     "5\xe2\x80\xa6";
  text_normalize(&a, in6, sizeof in6 - 1, &out, &n, &bad, &changed);
  INT_EQ(changed, 0, "normalize: NFC text with dashes and quotes is kept");
  const char in7[] = "\xe2\x80\x94"
                     "e\xcc\x81";
  text_normalize(&a, in7, sizeof in7 - 1, &out, &n, &bad, &changed);
  STR_EQ(out, "\xe2\x80\x94\xc3\xa9",
         "normalize: a combining mark after inert text still composes");

  /* text_nfc_inert() lets text skip utf8proc_map: every code point it
   * calls inert must come out of NFC unchanged, alone and after each of
   * a few bases (no composition as a second half). */
  size_t wrong = 0, inert = 0;
  for (int32_t cp = 0x80; cp < 0x10000; cp++) {
    if (!text_nfc_inert(cp)) continue;
    inert++;
    static const char bases[] = " AaEeOoUu0-";
    for (size_t b = 0; b < sizeof bases; b++) {
      utf8proc_uint8_t in[8], *nfc = NULL;
      size_t k = 0;
      if (bases[b]) in[k++] = (utf8proc_uint8_t)bases[b];
      k += (size_t)utf8proc_encode_char(cp, in + k);
      utf8proc_ssize_t m = utf8proc_map(in, (utf8proc_ssize_t)k, &nfc,
                                        UTF8PROC_STABLE | UTF8PROC_COMPOSE);
      if (m != (utf8proc_ssize_t)k || memcmp(nfc, in, k) != 0) wrong++;
      free(nfc);
    }
  }
  OK(inert > 600, "normalize: Latin, punctuation and currency are inert");
  INT_EQ(wrong, 0, "normalize: NFC leaves every inert code point alone");

  char bin[200];
  memset(bin, 'a', sizeof bin);
  bin[50] = '\0';
  OK(text_looks_binary(bin, sizeof bin), "binary: NUL byte detected");
  memset(bin, 'a', sizeof bin);
  for (int i = 0; i < 10; i++)
    bin[i * 7] = 0x01;
  OK(text_looks_binary(bin, sizeof bin), "binary: control bytes detected");
  OK(!text_looks_binary(in4, sizeof in4 - 1), "binary: text is not binary");
  arena_free(&a);
}

/* ---- tokens ---- */

typedef struct toklist {
  tok t[64];
  size_t n;
} toklist;

static precis_status on_tok(void *ctx, const tok *t) {
  toklist *l = ctx;
  if (l->n < 64) l->t[l->n++] = *t;
  return PRECIS_OK;
}

static int tok_text_is(const toklist *l, size_t i, const char *s) {
  return i < l->n && l->t[i].len == strlen(s) &&
         memcmp(l->t[i].p, s, l->t[i].len) == 0;
}

static void test_tokens(void) {
  lexicon *lx = lex_new();
  toklist l = {{{0}}, 0};
  const char *s = "Putin's meetings cost $1.5 billion, 2,000 jobs; "
                  "\xc3\x89lys\xc3\xa9"
                  "e meeting.";
  OK(tokenize(lx, s, strlen(s), on_tok, &l) == PRECIS_OK, "tokenize: ok");
  INT_EQ(l.n, 10, "tokenize: token count");
  OK(tok_text_is(&l, 0, "Putin") && tok_text_is(&l, 1, "s"),
     "tokenize: apostrophe splits Putin's");
  OK(tok_text_is(&l, 4, "1.5"), "tokenize: decimal stays whole");
  OK(tok_text_is(&l, 6, "2,000"), "tokenize: thousands separator stays whole");
  OK(tok_text_is(&l, 8,
            "\xc3\x89lys\xc3\xa9"
            "e"),
     "tokenize: non-ASCII word");
  OK(l.t[2].term == l.t[9].term, "stem: meetings and meeting share a term");
  /* tok_is / tok_in: whole ASCII words in any case */
  static const char *const said[] = {"says", "said", NULL};
  const tok pw = {"PUTIN", 5, 0}, sd = {"Said", 4, 0}, sa = {"Sai", 3, 0},
            sds = {"saids", 5, 0};
  OK(tok_is(&l.t[0], "putin") && tok_is(&pw, "putin"),
     "tok_is: any case of the word");
  OK(!tok_is(&l.t[0], "put") && !tok_is(&l.t[0], "putins"),
     "tok_is: a prefix or a longer word is not the word");
  OK(tok_in(&sd, said) && !tok_in(&sa, said) && !tok_in(&sds, said) &&
         !tok_in(&l.t[0], said),
     "tok_in: one of the listed words, whole");
  static const char *const with_empty[] = {"said", "", NULL};
  const tok said_up = {"SAID", 4, 0}, empty = {"", 0, 0};
  OK(tok_in(&said_up, said) && tok_in(&empty, with_empty) &&
         !tok_in(&empty, said),
     "tok_in: a capital first letter; the empty token only in a list with "
     "the empty word");
  OK(l.t[0].p == s, "tokens are views into the text");
  OK(lex_flags(lx, l.t[1].term) & TERM_STOP, "stopword: 's' fragment");
  OK(!(lex_flags(lx, l.t[2].term) & TERM_STOP), "stopword: content word");
  OK(lex_flags(lx, l.t[4].term) & TERM_NUMBER, "number flag");
  size_t sl;
  const char *st = lex_stem(lx, l.t[2].term, &sl);
  OK(sl == 4 && memcmp(st, "meet", 4) == 0, "stem: meetings -> meet");
  size_t before = lex_size(lx);
  l.n = 0;
  tokenize(lx, s, strlen(s), on_tok, &l);
  INT_EQ(lex_size(lx), before, "lexicon: no new terms on a second pass");
  /* A long non-word run and a 1000-letter word must not break anything. */
  char *big = malloc(3001);
  memset(big, 'x', 1000);
  memset(big + 1000, '-', 1000);
  memset(big + 2000, 'y', 1000);
  big[3000] = '\0';
  l.n = 0;
  OK(tokenize(lx, big, 3000, on_tok, &l) == PRECIS_OK && l.n == 2,
     "tokenize: 1000-byte words");
  free(big);
  lex_free(lx);
}

/* ---- cleaning ---- */

static void test_clean(void) {
  const char *t =
      "Home | News | Sport | Weather\n"
      "Firefighters fought the blaze for six hours on Tuesday, officials "
      "said.\n"
      "By Jane Doe\n"
      "Updated 10:42 am, Tuesday, March 3, 2026\n"
      "(Photo: A. Reporter/Example Times)\n"
      "Share this story\n"
      "\xc2\xa9 2026 Example Media. All rights reserved.\n"
      "Read more at https://example.com/story\n"
      "The mayor said the port would reopen on Friday after inspections.\n"
      "Advertisement\n";
  arena a;
  arena_init(&a, 0);
  char *text;
  size_t n;
  text_normalize(&a, t, strlen(t), &text, &n, NULL, NULL);
  doc_lines dl;
  cue_index ix;
  cue_index_init(&ix);
  OK(ix.n > 100 && ix.n < CUE_MAX, "cue index holds every cue (%zu)", ix.n);
  OK(clean_classify(&a, &ix, &text, &n, 1, &dl) == PRECIS_OK, "clean: ok");
  INT_EQ(dl.n, 10, "clean: ten lines");
  static const int want[10] = {2, 0, 2, 2, 2, 2, 2, 2, 0, 2};
  static const char *const why[10] = {
      "menu",   "content", "byline", "timestamp", "bracketed",
      "prompt", "legal",   "prompt", "content",   "prompt"};
  for (size_t i = 0; i < dl.n && i < 10; i++) {
    OK(dl.lines[i].kind == want[i] &&
           strcmp(clean_reason(dl.lines[i].reason), why[i]) == 0,
       "clean: line %zu is %s (got kind %d, %s)", i, why[i], dl.lines[i].kind,
       clean_reason(dl.lines[i].reason));
  }
  /* The same short line in two articles is repeated boilerplate. */
  const char *t2[2] = {"Story text that ends here with a period.\nMore news "
                       "from our partners\n",
                       "Another story sentence that is long enough.\nMore "
                       "news from our partners\n"};
  char *x[2];
  size_t xl[2];
  doc_lines d2[2];
  for (int i = 0; i < 2; i++)
    text_normalize(&a, t2[i], strlen(t2[i]), &x[i], &xl[i], NULL, NULL);
  clean_classify(&a, &ix, x, xl, 2, d2);
  OK(d2[0].lines[1].kind == LINE_BOILER && d2[1].lines[1].kind == LINE_BOILER,
     "clean: line repeated across articles is dropped");
  OK(d2[0].lines[0].kind == LINE_CONTENT, "clean: sentence kept");
  /* A gallery cue drops a line of 80 to 250 words only when the sentences
   * holding credit or gallery cues are a fifth of its words or more: a
   * caption block goes whole, while an article flattened onto one line
   * (Multi-News's sources) keeps its story, and only the sentences with
   * the widget's remains are left out (clean_sentence_reason). */
  const char *w =
      "Photo: Ada Morn buy photo image 1 of 12 caption close harbor fire 1 / "
      "12 back to gallery. A fire destroyed a warehouse at the port of "
      "Ketterby on Tuesday night, officials said. Sixty firefighters fought "
      "the blaze for six hours before bringing it under control early on "
      "Wednesday. Two workers were treated for smoke inhalation at the "
      "hospital and sent home later that morning. The cause of the fire is "
      "under investigation, the fire chief told reporters at the harbor "
      "office. The port will reopen on Friday after safety inspections of "
      "the piers and cranes, the mayor said. Insurers put the damage at 2.5 "
      "million euros.\n"
      "Firefighters stand near the burned warehouse at the port of Ketterby "
      "on Tuesday night. Photo: Ada Morn buy photo. Crews pour water on the "
      "roof of the warehouse from two ladder trucks. Image 1 of 12 caption "
      "close. A worker walks past the burned cranes at the harbor on "
      "Wednesday morning. Photo: Ada Morn buy photo. Smoke rises over the "
      "ferry terminal as the fire spreads to the grain store. Image 2 of 12 "
      "caption close. The mayor speaks to reporters at the harbor office "
      "after the fire.\n"
      "Image 1 of 12 caption close. Firefighters stand near the burned "
      "warehouse at the port of Ketterby on Tuesday night.\n";
  text_normalize(&a, w, strlen(w), &text, &n, NULL, NULL);
  int ok = clean_classify(&a, &ix, &text, &n, 1, &dl) == PRECIS_OK && dl.n == 3;
  OK(ok, "widget: three lines");
  OK(ok && dl.lines[0].kind == LINE_CONTENT,
     "widget: a flattened article with a gallery's remains is content");
  OK(ok && dl.lines[1].kind == LINE_BOILER &&
         strcmp(clean_reason(dl.lines[1].reason), "credit") == 0,
     "widget: an 88-word caption block is a credit");
  OK(ok && dl.lines[2].kind == LINE_BOILER,
     "widget: a short line with a gallery cue is a credit");
  const char *first = text + (ok ? dl.lines[0].off : 0);
  OK(ok && clean_sentence_reason(&ix, first, 90) != 0 &&
         clean_sentence_reason(&ix, first + 91, 86) == 0,
     "widget: its remains are a credit sentence, the story's are not");
  /* Its remains may be a fifth of its words or more: a line that goes on
   * with 40 words of story after the last of them is still an article. */
  const char *w2 =
      "Buy photo firefighters stand near the burned warehouse at the port of "
      "Ketterby. ( photo: ada morn/ketterby post ) buy photo a worker walks "
      "past the burned cranes at the harbor on wednesday morning, image 1 of "
      "12. A fire destroyed a warehouse at the port of Ketterby on Tuesday "
      "night, officials said. Sixty firefighters fought the blaze for six "
      "hours before bringing it under control early on Wednesday. Two "
      "workers were treated for smoke inhalation at the hospital and sent "
      "home later that morning. The port will reopen on Friday after "
      "safety inspections of the piers and cranes, the mayor said.\n";
  text_normalize(&a, w2, strlen(w2), &text, &n, NULL, NULL);
  ok = clean_classify(&a, &ix, &text, &n, 1, &dl) == PRECIS_OK && dl.n == 1;
  OK(ok && dl.lines[0].kind == LINE_CONTENT,
     "widget: a story of 40 words after a gallery's remains is content");
  arena_free(&a);
}

/* Classify one article; the kinds of its lines as a string, one letter a
 * line: c content, h headline, b boilerplate (t: a comment thread's). */
static const char *S_kinds(arena *a, const cue_index *ix, const char *t) {
  static char out[64];
  char *text;
  size_t n, k = 0;
  doc_lines dl;
  text_normalize(a, t, strlen(t), &text, &n, NULL, NULL);
  if (clean_classify(a, ix, &text, &n, 1, &dl) != PRECIS_OK) return "?";
  for (; k < dl.n && k + 1 < sizeof out; k++)
    out[k] = dl.lines[k].kind == LINE_CONTENT                            ? 'c'
             : dl.lines[k].kind == LINE_HEADLINE                         ? 'h'
             : strcmp(clean_reason(dl.lines[k].reason), "comments") == 0 ? 't'
                                                                         : 'b';
  out[k] = '\0';
  return out;
}

/* Readers' comments under a story: from the thread's heading (or its
 * first signature) to the end, the lines are boilerplate. */
static void test_comment_thread(void) {
  arena a;
  arena_init(&a, 0);
  cue_index ix;
  cue_index_init(&ix);
  const char *story =
      "A fire destroyed a warehouse at the port of Ketterby on Tuesday.\n"
      "Sixty firefighters fought the blaze for six hours, officials said.\n";
  char page[2048];
  /* a heading, then name, date, comment and "Reply" per comment */
  snprintf(page, sizeof page,
           "%s12 Comments\nMara Holt\nMarch 3, 2026 at 8:14 pm\n"
           "I walked past the port this morning and the smoke was still "
           "rising over the cranes.\nReply\nTom Reyes\n"
           "March 3, 2026 at 9:02 pm\nThe fire brigade did a great job, as "
           "they always do in this town.\nReply\n",
           story);
  STR_EQ(S_kinds(&a, &ix, page), "ccbbbtbbbtb",
         "thread: every line from the heading on is dropped");
  /* the same heading in a byline far above the first mark (a count of
   * comments at the top of a page) cuts nothing there */
  snprintf(page, sizeof page,
           "12 comments\n%sTwo workers were treated for smoke inhalation at "
           "the hospital.\nThe cause of the fire is under investigation, "
           "the chief said.\nInsurers put the damage at 2.5 million euros "
           "on Wednesday.\nThe port will reopen on Friday after "
           "inspections, the mayor said.\nComments\nMara Holt says:\nThe "
           "smoke was still rising over the cranes this morning.\nTom Reyes "
           "says:\nThe fire brigade did a great job, as always.\n",
           story);
  STR_EQ(S_kinds(&a, &ix, page), "bccccccbbtbt",
         "thread: a comment count at the top is not a thread; "
         "\"NAME says:\" under a heading is");
  /* no heading: three "Posted by:" signatures twelve lines or less apart;
   * the first comment, above its signature, stays */
  snprintf(page, sizeof page,
           "%sSmoke was still rising over the cranes this morning, I saw "
           "it.\nPosted by: Mara | March 3, 2026 8:14 PM\nThe fire brigade "
           "did a great job, as they always do here.\nPosted by: Tom | March "
           "3, 2026 9:02 PM\nInsurers will argue about this for years, "
           "mark my words.\nPosted by: Lee | March 4, 2026 7:40 AM\n",
           story);
  STR_EQ(S_kinds(&a, &ix, page), "cccbtbtb",
         "thread: three signatures start a thread without a heading");
  /* a reporter's "he says:" before quoted lines is not a thread */
  snprintf(page, sizeof page,
           "%sThe chief says:\nWe fought it for six hours and saved the "
           "piers.\nThe mayor says:\nThe port will reopen on Friday.\nA "
           "docker says:\nWe will be back at work next week.\n",
           story);
  STR_EQ(S_kinds(&a, &ix, page), "ccbcbcbc",
         "thread: quotations introduced by \"X says:\" stay");
  /* two signatures are not enough without a heading */
  snprintf(page, sizeof page,
           "%sPosted by: Mara | March 3, 2026 8:14 PM\nThe port will "
           "reopen on Friday after inspections, the mayor said.\nPosted by: "
           "Tom | March 3, 2026 9:02 PM\n",
           story);
  STR_EQ(S_kinds(&a, &ix, page), "ccbcb",
         "thread: two signatures alone cut nothing");
  arena_free(&a);
}

/* "copyright" in a story's line is the story's word; a notice has a
 * year or a sign after it, or opens an open line. */
static void test_copyright(void) {
  arena a;
  arena_init(&a, 0);
  cue_index ix;
  cue_index_init(&ix);
  STR_EQ(S_kinds(&a, &ix,
                 "A court ruled that the harbor's anthem had been under "
                 "copyright since 1935.\n"
                 "The band's lawyers said copyright law protects the "
                 "lyrics, not the tune.\n"
                 "Copyright 2026 The Ketterby Herald. Used with permission.\n"
                 "Copyright (c) Harbor Media Group\n"
                 "Copyright the harbor daily and its partners\n"),
         "ccbbb", "copyright: the story's word stays, notices go");
  /* the fair-use notice under republished articles, as one paragraph
   * (over 80 words, so read a sentence at a time) and as short lines;
   * a story about copyright keeps its sentences */
  static const char *const notice[] = {
      "This site contains copyrighted material the use of which has not "
      "always been specifically authorized by the copyright owner.",
      "In accordance with Title 17 U.S.C. Section 107, the material on this "
      "site is distributed without profit to those who have expressed a "
      "prior interest in receiving it for research and educational "
      "purposes.",
      "If you wish to use copyrighted material from this site for purposes "
      "that go beyond fair use, you must obtain permission from the "
      "copyright owner.",
      "To use it for other purposes you must request permission from the "
      "copyright holder."};
  for (size_t i = 0; i < sizeof notice / sizeof *notice; i++)
    OK(clean_sentence_reason(&ix, notice[i], strlen(notice[i])) != 0,
       "fair-use notice: %s", notice[i]);
  static const char *const story[] = {
      "The museum said the photographs were used without permission from "
      "the copyright owner.",
      "The judge ruled that quoting the ferry timetable was fair use.",
      "The archive had not been authorized to copy the harbor maps, the "
      "court found.",
      "Pirated films were distributed without charge on the harbor "
      "forum."};
  for (size_t i = 0; i < sizeof story / sizeof *story; i++)
    OK(clean_sentence_reason(&ix, story[i], strlen(story[i])) == 0,
       "a story about copyright: %s", story[i]);
  STR_EQ(S_kinds(&a, &ix,
                 "The harbor trust sued the site over its copyrighted "
                 "maps.\n"
                 "This site contains copyrighted material the use of which "
                 "has not always been specifically authorized by the "
                 "copyright owner.\n"),
         "cb", "copyright: a fair-use notice's line goes");
  arena_free(&a);
}

/* ---- summarize ---- */

static const char *const story[3] = {
    "Harbor fire\n\n"
    "A fire destroyed a warehouse at the port of Ketterby on Tuesday "
    "night, officials said. Sixty firefighters fought the blaze for six "
    "hours before bringing it under control. Two workers were treated for "
    "smoke inhalation at St. Mary's hospital. The cause of the fire is "
    "under investigation, the fire chief said. The port will reopen on "
    "Friday after safety inspections, the mayor said.\n",
    "Port blaze\n\n"
    "Sixty firefighters fought a blaze at a Ketterby port warehouse for six "
    "hours on Tuesday. Two workers were treated for smoke inhalation, "
    "according to the hospital. The mayor said the port would reopen on "
    "Friday once inspections were complete. Local shops offered free "
    "coffee to the crews through the night.\n",
    "The warehouse fire at Ketterby port was the largest in the town in "
    "twenty years, residents said. A fire destroyed a warehouse at the "
    "port of Ketterby on Tuesday night. Insurers estimated the damage at "
    "2.5 million euros on Wednesday morning.\n"};

static precis_cluster *make_cluster(size_t ndocs) {
  precis_cluster *c = precis_cluster_new();
  static const char *const names[3] = {"Herald", "Daily", "Wire"};
  for (size_t i = 0; i < ndocs; i++) {
    precis_doc_meta m = {names[i], NULL, NULL, NULL};
    precis_cluster_add(c, story[i], strlen(story[i]), &m);
  }
  return c;
}

static size_t count_words_s(const char *s, size_t n) {
  size_t w = 0;
  int in = 0;
  for (size_t i = 0; i < n; i++) {
    int sp = s[i] == ' ' || s[i] == '\n';
    if (!sp && !in) w++;
    in = !sp;
  }
  return w;
}

static void check_invariants_as(precis_cluster *c, const precis_summary *s,
                                const char *what, int source_order) {
  int spans_ok = 1, support_ok = 1, order_ok = 1;
  for (size_t i = 0; i < precis_summary_count(s); i++) {
    const precis_sentence *ps = precis_summary_sentence(s, i);
    size_t dl;
    const char *dt = precis_cluster_doc_text(c, ps->doc, &dl);
    if (ps->offset + ps->len > dl || dt + ps->offset != ps->text ||
        memcmp(dt + ps->offset, ps->text, ps->len) != 0)
      spans_ok = 0;
    int has_self = 0;
    for (size_t k = 0; k < ps->n_support; k++) {
      if (ps->support[k] == ps->doc) has_self = 1;
      if (k && ps->support[k] <= ps->support[k - 1]) support_ok = 0;
    }
    if (!has_self) support_ok = 0;
    /* the sentence after it in its article, if chosen, comes right after
     * it (a run stays whole); with SOURCE_ORDER, article then offset */
    for (size_t j = 0; j < precis_summary_count(s); j++) {
      const precis_sentence *pj = precis_summary_sentence(s, j);
      if (pj->doc == ps->doc && pj->index == ps->index + 1 && j != i + 1)
        order_ok = 0;
    }
    if (i && source_order) {
      const precis_sentence *pp = precis_summary_sentence(s, i - 1);
      if (pp->doc > ps->doc || (pp->doc == ps->doc && pp->offset >= ps->offset))
        order_ok = 0;
    }
  }
  OK(spans_ok, "%s: each sentence is a byte-exact span of its article", what);
  OK(support_ok, "%s: support lists are sorted and include the source", what);
  OK(order_ok, "%s: %s", what,
     source_order ? "sentences in source order"
                  : "consecutive sentences of an article stay together");
}

static void check_invariants(precis_cluster *c, const precis_summary *s,
                             const char *what) {
  check_invariants_as(c, s, what, 0);
}

/* precis_summary_restated: which brief sentence states a sentence's
 * fact, by the attribution's test; it cites that sentence's article. */
typedef struct restated_walk {
  const precis_summary *s;
  const precis_cluster *c;
  size_t doc, parts, restated, own, bad;
} restated_walk;

static int S_restated_part(const precis_part *p, void *ctx) {
  restated_walk *w = ctx;
  if (p->kind == PRECIS_PART_BOILERPLATE) return 0;
  w->parts++;
  long k = precis_summary_restated(w->s, w->c, w->doc, p->offset);
  if (k < 0) return 0;
  const precis_sentence *x = precis_summary_sentence(w->s, (size_t)k);
  if (!x) {
    w->bad++;
  } else if (x->doc == w->doc && x->offset == p->offset) {
    w->own++;
  } else {
    int cites = 0;
    for (size_t j = 0; j < x->n_support; j++)
      cites |= x->support[j] == w->doc;
    w->restated++;
    w->bad += !cites;
  }
  return 0;
}

static void test_restated(void) {
  precis_cluster *c = make_cluster(3);
  precis_options o;
  precis_options_init(&o);
  precis_summary *s = NULL;
  OK(c && precis_summarize(c, &o, &s) == PRECIS_OK && s,
     "restated: summarize ok");
  restated_walk w = {s, c, 0, 0, 0, 0, 0};
  for (w.doc = 0; w.doc < precis_cluster_doc_count(c); w.doc++)
    precis_cluster_parts(c, w.doc, S_restated_part, &w);
  INT_EQ(w.own, precis_summary_count(s),
         "restated: each brief sentence is its own");
  OK(w.restated > 0 && w.bad == 0,
     "restated: %zu sentences state a brief sentence that cites their "
     "article (%zu do not)",
     w.restated, w.bad);
  /* "A fire destroyed a warehouse ..." is in Herald and Wire: the one
   * the brief does not quote states the one it does */
  long fire = -1;
  for (size_t i = 0; i < precis_summary_count(s); i++) {
    const precis_sentence *ps = precis_summary_sentence(s, i);
    if (ps->len > 16 && memcmp(ps->text, "A fire destroyed", 16) == 0)
      fire = (long)i;
  }
  const precis_sentence *f =
      fire >= 0 ? precis_summary_sentence(s, (size_t)fire) : NULL;
  size_t other = f && f->doc == 0 ? 2 : 0, len = 0;
  const char *t = precis_cluster_doc_text(c, other, &len);
  const char *at = t ? strstr(t, "A fire destroyed") : NULL;
  OK(f && at && precis_summary_restated(s, c, other, (size_t)(at - t)) == fire,
     "restated: the other outlet's copy states brief sentence %ld", fire);
  OK(f && precis_summary_restated(s, c, f->doc, f->offset + 1) == -1 &&
         precis_summary_restated(s, c, 3, 0) == -1 &&
         precis_summary_restated(NULL, c, 0, 0) == -1 &&
         precis_summary_restated(s, NULL, 0, 0) == -1,
     "restated: -1 off a sentence's start, for a missing article or NULL");
  precis_summary_free(s);
  precis_cluster_free(c);
  /* a brief sentence of one content term (a unit's part) is still its
   * own, though too small for the attribution's test */
  static const char hot[] =
      "The crews fought the fire from outside the warehouse building all "
      "night on Tuesday.\nIt was hot. They saved the grain silos and the "
      "ferry terminal from the flames before dawn.\n";
  c = precis_cluster_new();
  s = NULL;
  o.budget = 200;
  size_t own = 0, n = 0;
  if (c && precis_cluster_add(c, hot, sizeof hot - 1, NULL) == PRECIS_OK &&
      precis_summarize(c, &o, &s) == PRECIS_OK) {
    n = precis_summary_count(s);
    for (size_t i = 0; i < n; i++) {
      const precis_sentence *ps = precis_summary_sentence(s, i);
      own += precis_summary_restated(s, c, ps->doc, ps->offset) == (long)i;
    }
  }
  OK(n == 3 && own == 3,
     "restated: 'It was hot.' inside a unit is its own (%zu of %zu)", own, n);
  precis_summary_free(s);
  precis_cluster_free(c);
}

/* precis_text_decode: what a plain-text file's bytes are read as. */
static void S_decode_case(const char *in, size_t len, const char *want,
                          size_t want_len, const char *cs_want,
                          const char *what) {
  char *out = NULL;
  size_t n = 0;
  const char *cs = NULL;
  precis_status st = precis_text_decode(in, len, &out, &n, &cs);
  int same =
      want ? out && n == want_len && memcmp(out, want, n) == 0 && out[n] == '\0'
           : out == NULL;
  OK(st == PRECIS_OK && same && cs && strcmp(cs, cs_want) == 0,
     "text_decode: %s (%s, %zu bytes)", what, cs ? cs : "-", n);
  precis_free(out);
}

static void test_text_decode(void) {
  static const char u8[] = "The caf\xc3\xa9 \xe2\x80\x9cLe Port\xe2\x80\x9d.";
  S_decode_case(u8, sizeof u8 - 1, NULL, 0, "utf-8", "valid UTF-8 as it is");
  static const char bom8[] = "\xef\xbb\xbfThe port reopened.";
  S_decode_case(bom8, sizeof bom8 - 1, NULL, 0, "utf-8",
                "a UTF-8 mark: as it is (the cluster blanks it)");
  S_decode_case("", 0, NULL, 0, "utf-8", "empty");
  static const char le[] = "\xff\xfeT\0h\0e\0 \0c\0a\0f\0\xe9\0.\0";
  S_decode_case(le, sizeof le - 1, "The caf\xc3\xa9.", 10, "utf-16le",
                "UTF-16LE with a mark");
  static const char be[] = "\0T\0h\0e\0 \0p\0o\0r\0t\0.";
  S_decode_case(be, sizeof be - 1, "The port.", 9, "utf-16be",
                "UTF-16BE by its NULs");
  static const char odd[] = "\xff\xfeO\0k\0!";
  S_decode_case(odd, sizeof odd - 1, "Ok\xef\xbf\xbd", 5, "utf-16le",
                "UTF-16 cut mid-unit: U+FFFD at the end");
  static const char cp[] = "Le caf\xe9 \xab Chez Ren\xe9 \xbb a ferm\xe9 "
                           "\x96 lundi.";
  S_decode_case(cp, sizeof cp - 1,
                "Le caf\xc3\xa9 \xc2\xab Chez Ren\xc3\xa9 \xc2\xbb a "
                "ferm\xc3\xa9 \xe2\x80\x93 lundi.",
                45, "windows-1252", "mostly not UTF-8: windows-1252");
  static const char few[] =
      "caf\xc3\xa9 na\xc3\xafve \xe2\x80\x94 \xe2\x80\x9cx\xe2\x80\x9d \xff ok";
  S_decode_case(few, sizeof few - 1, NULL, 0, "utf-8",
                "UTF-8 with a broken byte: as it is (replaced later)");
  char *out = (char *)1;
  size_t n = 7;
  const char *cs = NULL;
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  OK(precis_text_decode(png, sizeof png - 1, &out, &n, &cs) ==
             PRECIS_ERR_BINARY &&
         out == NULL,
     "text_decode: a PNG is binary");
  OK(precis_text_decode(NULL, 3, &out, &n, &cs) == PRECIS_ERR_INVALID_ARG &&
         precis_text_decode("a", 1, NULL, &n, &cs) == PRECIS_ERR_INVALID_ARG,
     "text_decode: NULL arguments refused");
}

/* A cluster's brief does not depend on the clusters a batch read before
 * it: the lexicon outlives precis_cluster_reset, and a stem's stopword
 * status once changed with the words seen so far ("cans" made "can" a
 * content term for every later cluster: 2,386 of val's 5,622 briefs
 * differed from the same cluster's brief alone). */
static void test_batch_independent(void) {
  static const char tale[] =
      "Officials said the port can reopen on Friday and will hire more "
      "staff.\nThe harbor fire destroyed a warehouse on Quay Road, and "
      "crews said it does not yet know the cause.\nThe council may vote "
      "on new fire rules next week, its chair said on Tuesday.\n";
  static const char other[] =
      "Cans of paint and wills were stored in the shed with a doe's "
      "antlers.\nThe mays and cans were sold at the market in Ketterby on "
      "Monday morning.\n";
  precis_options o;
  precis_options_init(&o);
  o.budget = 30;
  precis_cluster *fresh = precis_cluster_new(), *used = precis_cluster_new();
  precis_summary *a = NULL, *b = NULL, *tmp = NULL;
  int ok =
      fresh && used &&
      precis_cluster_add(fresh, tale, sizeof tale - 1, NULL) == PRECIS_OK &&
      precis_summarize(fresh, &o, &a) == PRECIS_OK &&
      precis_cluster_add(used, other, sizeof other - 1, NULL) == PRECIS_OK &&
      precis_summarize(used, &o, &tmp) == PRECIS_OK;
  precis_summary_free(tmp);
  if (ok) {
    precis_cluster_reset(used);
    ok = precis_cluster_add(used, tale, sizeof tale - 1, NULL) == PRECIS_OK &&
         precis_summarize(used, &o, &b) == PRECIS_OK;
  }
  size_t n = precis_summary_count(a), same = 0;
  for (size_t i = 0; ok && i < n && i < precis_summary_count(b); i++) {
    const precis_sentence *x = precis_summary_sentence(a, i),
                          *y = precis_summary_sentence(b, i);
    same += x->offset == y->offset && x->score == y->score;
  }
  OK(ok && n > 0 && n == precis_summary_count(b) && same == n,
     "batch: a cluster read after another ('cans', 'wills') gets the brief "
     "and scores it gets alone (%zu of %zu sentences alike)",
     same, n);
  precis_summary_free(a);
  precis_summary_free(b);
  precis_cluster_free(fresh);
  precis_cluster_free(used);
}

static void test_summarize(void) {
  precis_cluster *c = make_cluster(3);
  precis_options o;
  precis_options_init(&o);
  precis_summary *s = NULL;
  OK(precis_summarize(c, &o, &s) == PRECIS_OK && s, "summarize: ok");
  size_t words = 0;
  for (size_t i = 0; i < precis_summary_count(s); i++) {
    const precis_sentence *ps = precis_summary_sentence(s, i);
    words += count_words_s(ps->text, ps->len);
  }
  OK(words <= 100 && words > 40, "summarize: 100-word budget respected (%zu)",
     words);
  check_invariants(c, s, "default");
  precis_summary *src = NULL;
  o.flags = PRECIS_OPT_SOURCE_ORDER;
  OK(precis_summarize(c, &o, &src) == PRECIS_OK, "summarize: source order ok");
  check_invariants_as(c, src, "source order", 1);
  INT_EQ(precis_summary_count(src), precis_summary_count(s),
         "source order: the same number of sentences");
  precis_summary_free(src);
  o.flags = 0;
  OK(precis_summary_note(s) == NULL, "summarize: no note");
  /* a budget no sentence fits: an empty brief that says why, for every
   * selector; with overflow allowed, one sentence */
  for (size_t a = 0; precis_algorithm_name(a); a++) {
    precis_options t = o;
    t.algorithm = precis_algorithm_name(a);
    t.budget = 3;
    precis_summary *e = NULL;
    OK(precis_summarize(c, &t, &e) == PRECIS_OK && precis_summary_count(e) == 0,
       "%s: 3 words: an empty brief", t.algorithm);
    STR_EQ(precis_summary_note(e), "no sentence fits the budget",
           "%s: 3 words: the note says why", t.algorithm);
    precis_summary_free(e);
    t.flags = PRECIS_OPT_ALLOW_OVERFLOW;
    OK(precis_summarize(c, &t, &e) == PRECIS_OK &&
           precis_summary_count(e) == 1 && !precis_summary_note(e),
       "%s: 3 words, overflow allowed: one sentence, no note", t.algorithm);
    precis_summary_free(e);
  }
  /* "A fire destroyed a warehouse..." is in Herald and Wire. */
  int found = 0;
  for (size_t i = 0; i < precis_summary_count(s); i++) {
    const precis_sentence *ps = precis_summary_sentence(s, i);
    if (ps->len > 20 && memcmp(ps->text, "A fire destroyed", 16) == 0)
      found = ps->n_support == 2 && ps->support[0] == 0 && ps->support[1] == 2;
  }
  OK(found, "attribution: shared sentence credited to both outlets");
  /* Headlines are never selected. */
  int headline = 0;
  for (size_t i = 0; i < precis_summary_count(s); i++) {
    const precis_sentence *ps = precis_summary_sentence(s, i);
    headline |= ps->len == 11 && memcmp(ps->text, "Harbor fire", 11) == 0;
  }
  OK(!headline, "headline lines are not selected");
  precis_summary_free(s);

  for (size_t b = 1; b <= 400; b += 37) {
    o.unit = PRECIS_BUDGET_BYTES;
    o.budget = b;
    s = NULL;
    precis_status st = precis_summarize(c, &o, &s);
    size_t bytes = 0;
    for (size_t i = 0; i < precis_summary_count(s); i++)
      bytes += precis_summary_sentence(s, i)->len + (i ? 1 : 0);
    OK(st == PRECIS_OK && bytes <= b, "bytes budget %zu: brief is %zu bytes", b,
       bytes);
    precis_summary_free(s);
  }
  o.unit = PRECIS_BUDGET_SENTENCES;
  o.budget = 2;
  precis_summarize(c, &o, &s);
  INT_EQ(precis_summary_count(s), 2, "sentences budget: exactly 2");
  precis_summary_free(s);

  o.unit = PRECIS_BUDGET_WORDS;
  o.budget = 12;
  o.flags = PRECIS_OPT_ALLOW_OVERFLOW;
  precis_summarize(c, &o, &s);
  size_t w = 0, last = 0;
  for (size_t i = 0; i < precis_summary_count(s); i++) {
    const precis_sentence *ps = precis_summary_sentence(s, i);
    last = count_words_s(ps->text, ps->len);
    w += last;
  }
  OK(precis_summary_count(s) >= 1 && w - last < 12,
     "allow-overflow: only the last sentence crosses the budget");
  precis_summary_free(s);
  o.flags = 0;
  precis_summarize(c, &o, &s);
  w = 0;
  for (size_t i = 0; i < precis_summary_count(s); i++) {
    const precis_sentence *ps = precis_summary_sentence(s, i);
    w += count_words_s(ps->text, ps->len);
  }
  OK(w <= 12, "tight budget without overflow: %zu words <= 12", w);
  precis_summary_free(s);

  for (size_t k = 0; precis_algorithm_name(k); k++) {
    precis_options_init(&o);
    o.algorithm = precis_algorithm_name(k);
    s = NULL;
    OK(precis_summarize(c, &o, &s) == PRECIS_OK && precis_summary_count(s) > 0,
       "algorithm %s produces a brief", o.algorithm);
    check_invariants(c, s, o.algorithm);
    precis_summary_free(s);
  }
  precis_options_init(&o);
  o.algorithm = "no-such-thing";
  INT_EQ(precis_summarize(c, &o, &s), PRECIS_ERR_UNKNOWN_ALGO,
         "unknown algorithm is an error");
  precis_cluster_free(c);

  /* single article */
  c = make_cluster(1);
  precis_options_init(&o);
  o.budget = 40;
  OK(precis_summarize(c, &o, &s) == PRECIS_OK && precis_summary_count(s) > 0,
     "single article summarizes");
  check_invariants(c, s, "single");
  char *txt = precis_summary_render(s, c, PRECIS_FORMAT_TEXT, NULL, NULL);
  OK(txt && strstr(txt, "[1]\n") && strstr(txt, "Sources:\n[1] Herald\n"),
     "text render marks sources and lists them");
  precis_free(txt);
  char *js = precis_summary_render(s, c, PRECIS_FORMAT_JSON, "x\"1", NULL);
  OK(js && strstr(js, "\"id\": \"x\\\"1\"") &&
         strstr(js, "\"supported_by\": [1]"),
     "json render escapes the id and lists support");
  precis_free(js);
  precis_summary_free(s);

  /* reset and reuse */
  precis_cluster_reset(c);
  INT_EQ(precis_cluster_doc_count(c), 0, "reset empties the cluster");
  INT_EQ(precis_summarize(c, &o, &s), PRECIS_ERR_EMPTY,
         "empty cluster is PRECIS_ERR_EMPTY");
  precis_cluster_add(c, "Home | News\nShare this\n", 23, NULL);
  INT_EQ(precis_summarize(c, &o, &s), PRECIS_ERR_EMPTY,
         "all-boilerplate cluster is PRECIS_ERR_EMPTY");
  precis_cluster_set_max_doc_bytes(c, 10);
  INT_EQ(precis_cluster_add(c, story[0], strlen(story[0]), NULL),
         PRECIS_ERR_TOO_BIG, "article over the cap is refused");
  INT_EQ(precis_cluster_add(c, "a\0b", 3, NULL), PRECIS_ERR_BINARY,
         "binary article is refused");
  INT_EQ(precis_cluster_add(c, NULL, 4, NULL), PRECIS_ERR_INVALID_ARG,
         "NULL text is refused");
  precis_cluster_free(c);

  /* Articles that are all boilerplate do not make the one real article
   * "off topic" (regression: empty articles counted as on-topic). */
  c = precis_cluster_new();
  precis_cluster_add(c, "Home | News | Sport\nShare this story\n", 34, NULL);
  precis_cluster_add(c, story[0], strlen(story[0]), NULL);
  precis_cluster_add(c, "Advertisement\nComments (4)\n", 27, NULL);
  precis_options_init(&o);
  OK(precis_summarize(c, &o, &s) == PRECIS_OK && precis_summary_count(s) > 0,
     "one article among boilerplate-only articles still summarizes");
  precis_summary_free(s);
  precis_cluster_free(c);
  precis_cluster_free(NULL);
  precis_summary_free(NULL);
}

static void test_buf(void) {
  buf b = BUF_INIT;
  b.cap = 8;
  OK(buf_puts(&b, "12345678") == PRECIS_OK, "buf: fill to cap");
  INT_EQ(buf_putc(&b, 'x'), PRECIS_ERR_TOO_BIG, "buf: refuses past cap");
  INT_EQ(b.len, 8, "buf: unchanged after refusal");
  buf_clear(&b);
  b.cap = 0;
  buf_put_json_str(&b, "a\"\n\x01", 4);
  STR_EQ(b.ptr, "a\\\"\\n\\u0001", "buf: JSON escaping");
  buf_free(&b);
  /* numbers in decimal without printf, at both ends of their range */
  buf_put_u64(&b, 0);
  buf_putc(&b, ' ');
  buf_put_u64(&b, UINT64_MAX);
  buf_putc(&b, ' ');
  buf_put_i64(&b, -7);
  buf_putc(&b, ' ');
  buf_put_i64(&b, INT64_MIN);
  buf_putc(&b, ' ');
  buf_put_i64(&b, 42);
  STR_EQ(b.ptr, "0 18446744073709551615 -7 -9223372036854775808 42",
         "buf: decimal numbers");
  buf_free(&b);
  /* printf into the room left, then past it: the second try grows */
  buf_puts(&b, "ab");
  size_t room = b.alloc - b.len;
  buf_printf(&b, "%0*d", (int)room + 5, 7);
  OK(b.len == 2 + room + 5 && b.ptr[b.len - 1] == '7' && b.ptr[2] == '0' &&
         b.ptr[b.len] == '\0',
     "buf: printf longer than the room left");
  buf_clear(&b);
  buf_printf(&b, "%s-%zu", "x", (size_t)12);
  STR_EQ(b.ptr, "x-12", "buf: printf within the room left");
  /* a printf past the cap fails and leaves the text as it was, even
   * though the first try wrote into the room */
  buf_free(&b);
  b.cap = 10;
  buf_puts(&b, "abc");
  INT_EQ(buf_printf(&b, "%s", "0123456789"), PRECIS_ERR_TOO_BIG,
         "buf: printf refuses past cap");
  OK(b.len == 3 && strcmp(b.ptr, "abc") == 0,
     "buf: unchanged after a refused printf");
  buf_free(&b);
  OK(strcmp(precis_strerror(PRECIS_ERR_BINARY), "input looks like binary "
                                                "data") == 0 &&
         precis_strerror((precis_status)99) != NULL,
     "strerror covers all statuses");
}

static void test_vec(void) {
  double *v = NULL;
  size_t cap = 0;
  INT_EQ(vec_reserve(&v, &cap, 0, sizeof *v, 16), PRECIS_OK,
         "vec: need 0 is a no-op");
  OK(v == NULL && cap == 0, "vec: nothing allocated for need 0");
  INT_EQ(vec_reserve(&v, &cap, 1, sizeof *v, 16), PRECIS_OK, "vec: first");
  INT_EQ(cap, 16, "vec: starts at first_cap");
  v[15] = 1.5;
  INT_EQ(vec_reserve(&v, &cap, 16, sizeof *v, 16), PRECIS_OK, "vec: fits");
  INT_EQ(cap, 16, "vec: no growth while need <= cap");
  INT_EQ(vec_reserve(&v, &cap, 17, sizeof *v, 16), PRECIS_OK, "vec: grow");
  INT_EQ(cap, 32, "vec: doubles");
  INT_EQ(vec_reserve(&v, &cap, 100, sizeof *v, 16), PRECIS_OK, "vec: jump");
  INT_EQ(cap, 128, "vec: doubles until need fits");
  OK(v[15] == 1.5, "vec: contents kept");
  double *old = v;
  INT_EQ(vec_reserve(&v, &cap, SIZE_MAX / 4, sizeof *v, 16), PRECIS_ERR_TOO_BIG,
         "vec: byte size overflow refused");
  INT_EQ(vec_reserve(&v, &cap, SIZE_MAX, 1, 16), PRECIS_ERR_TOO_BIG,
         "vec: capacity overflow refused");
  OK(v == old && cap == 128, "vec: unchanged after refusal");
  free(v);
}

/* ---- which sentences may be chosen ---- */

/* A cluster of one article, analysed with `flags`; NULL if that fails. */
static precis_cluster *analysed(const char *text, size_t len,
                                unsigned flags) {
  precis_cluster *c = precis_cluster_new();
  if (c && (precis_cluster_add(c, text, len, NULL) != PRECIS_OK ||
            cluster_analyze(c, flags) != PRECIS_OK)) {
    precis_cluster_free(c);
    c = NULL;
  }
  return c;
}

/* 1 if the first sentence starting with `start` (in any article) has
 * `flag`, 0 if it has not, -1 if there is no such sentence. */
static int flagged(const precis_cluster *c, const char *start, unsigned flag) {
  for (size_t i = 0; c && i < c->nsents; i++) {
    const sent *s = &c->sents[i];
    if (strncmp(c->docs[s->doc].text + s->off, start, strlen(start)) == 0)
      return (s->flags & flag) != 0;
  }
  return -1;
}

/* c's sentences when it was analysed into two (checked as `what`'s),
 * NULL otherwise. */
static const sent *two_sentences(const precis_cluster *c, const char *what) {
  int ok = c && c->nsents == 2;
  OK(ok, "%s: cluster analysed", what);
  return ok ? c->sents : NULL;
}

/* Which sentences (by their first words) have `flag` (want 1) or not
 * (want 0) in c. */
typedef struct flag_case {
  const char *start;
  int want;
  const char *what;
} flag_case;

static void check_flagged(const char *what, const precis_cluster *c,
                          unsigned flag, const flag_case *k, size_t n) {
  OK(c != NULL, "%s: cluster analysed", what);
  for (size_t i = 0; i < n; i++)
    OK(flagged(c, k[i].start, flag) == k[i].want, "%s: %s", what, k[i].what);
}

/* ---- what was kept and left out (precis_cluster_parts) ---- */

typedef struct parts_seen {
  const char *text;
  size_t n, end;
  int ordered;    /* each part after the last, inside the text */
  char kinds[16]; /* 'S' sentence, 'L' left out, 'B' boilerplate */
  const char *why[16];
  const char *before[16], *after[16];
  unsigned stranded[16];
  size_t off[16];
} parts_seen;

static parts_seen S_seen(const char *text) {
  parts_seen w;
  memset(&w, 0, sizeof w);
  w.text = text;
  w.ordered = 1;
  return w;
}

static int S_collect(const precis_part *p, void *ctx) {
  parts_seen *w = ctx;
  if (p->offset < w->end || p->len == 0) w->ordered = 0;
  w->end = p->offset + p->len;
  if (w->n < 16) {
    w->kinds[w->n] = "SLB"[p->kind];
    w->why[w->n] = p->why;
    w->before[w->n] = p->before;
    w->after[w->n] = p->after;
    w->stranded[w->n] = p->stranded;
    w->off[w->n] = p->offset;
  }
  w->n++;
  return 0;
}

/* Each article's parts in text order: a dropped line with its class, a
 * sentence left out with its reason, a quotable one without; the text a
 * dateline cut is no part. */
static void test_parts(void) {
  static const char text[] =
      "Menu | News | Sport | Weather | Business\n"
      "KETTERBY \xe2\x80\x94 The warehouse fire at the port burned for six "
      "hours on Tuesday night.\n"
      "Three people were hurt.\n"
      "Crews saved the grain silos and the ferry terminal from the flames, "
      "officials said.\n";
  precis_cluster *c = precis_cluster_new();
  parts_seen w = S_seen(text);
  OK(c && precis_cluster_add(c, text, sizeof text - 1, NULL) == PRECIS_OK,
     "parts: article added");
  OK(precis_cluster_parts(c, 0, S_collect, &w) == PRECIS_ERR_INVALID_ARG,
     "parts: refused before an analysis");
  OK(precis_cluster_analyze(c, 0) == PRECIS_OK, "parts: analysed");
  OK(precis_cluster_parts(c, 1, S_collect, &w) == PRECIS_ERR_INVALID_ARG,
     "parts: refused for an article out of range");
  OK(precis_cluster_parts(c, 0, S_collect, &w) == PRECIS_OK && w.n == 4 &&
         w.ordered && memcmp(w.kinds, "BSLS", 4) == 0,
     "parts: the menu dropped, the short sentence left out, two quotable "
     "(%zu parts: %.4s)",
     w.n, w.kinds);
  OK(w.n == 4 && w.why[0] && strcmp(w.why[0], "menu") == 0 && !w.why[1] &&
         w.why[2] && strcmp(w.why[2], "under 8 words") == 0,
     "parts: the menu's class and the short sentence's reason");
  OK(w.n == 4 && memcmp(text + w.off[1], "The warehouse", 13) == 0,
     "parts: the dateline cut is before the sentence, in no part");
  /* without cleaning: no line is dropped */
  parts_seen raw = S_seen(text);
  OK(precis_cluster_analyze(c, PRECIS_OPT_NO_CLEAN) == PRECIS_OK &&
         precis_cluster_parts(c, 0, S_collect, &raw) == PRECIS_OK &&
         raw.ordered && memchr(raw.kinds, 'B', raw.n < 16 ? raw.n : 16) == NULL,
     "parts: --no-clean drops no line");
  precis_cluster_free(c);
}

/* A sentence ilp-pos quotes only with a neighbour says which and why;
 * one whose neighbour cannot be quoted is stranded on that side, and an
 * ilp-pos brief never holds it; a sentence too short to stand alone is
 * quoted with the one that needs it. */
static void test_parts_pairs(void) {
  static const char text[] =
      "However, the warehouse fire burned for six hours on Tuesday night "
      "at the port.\n"
      "Mayor Ann Holt spoke to reporters at the harbor on Tuesday morning "
      "about the fire.\n"
      "\"The crews worked through the night and saved the grain silos,\" "
      "she said.\n"
      "The fire chief said: \"Our crews fought the fire from outside the "
      "building all night. Very hot. We saved the grain silos and the "
      "ferry terminal from the flames.\"\n"
      "Three people were hurt. They were taken to the hospital in Ketterby "
      "before noon on Tuesday.\n";
  precis_cluster *c = precis_cluster_new();
  parts_seen w = S_seen(text);
  OK(c && precis_cluster_add(c, text, sizeof text - 1, NULL) == PRECIS_OK &&
         precis_cluster_analyze(c, 0) == PRECIS_OK &&
         precis_cluster_parts(c, 0, S_collect, &w) == PRECIS_OK && w.n == 8,
     "pairs: eight sentences (%zu parts: %.8s)", w.n, w.kinds);
  if (w.n == 8) {
    OK(w.kinds[0] == 'S' && w.before[0] && !w.after[0] &&
           w.stranded[0] == PRECIS_STRANDED_BEFORE,
       "pairs: an article's first sentence opening 'However,' is stranded "
       "(%s)",
       w.before[0] ? w.before[0] : "-");
    OK(w.kinds[1] == 'S' && !w.before[1] && !w.after[1] && !w.stranded[1],
       "pairs: a sentence that stands alone");
    OK(w.kinds[2] == 'S' && w.before[2] &&
           strcmp(w.before[2], "its speaker is a pronoun") == 0 &&
           !w.stranded[2],
       "pairs: '..., she said.' goes with the sentence before");
    OK(w.kinds[3] == 'S' && w.after[3] && !w.before[3] &&
           w.stranded[3] == PRECIS_STRANDED_AFTER && w.kinds[4] == 'L' &&
           !w.before[4] && w.kinds[5] == 'S' && w.before[5] &&
           w.stranded[5] == PRECIS_STRANDED_BEFORE,
       "pairs: a quotation over three sentences, one of two words, is "
       "stranded both sides of it");
    OK(w.kinds[6] == 'S' && !w.before[6] && w.after[6] &&
           strcmp(w.after[6], "too short to stand alone") == 0 &&
           !w.stranded[6] && w.kinds[7] == 'S' && w.before[7] && !w.stranded[7],
       "pairs: 'Three people were hurt.' goes with the 'They ...' after it");
  }
  /* ilp-pos's brief: both pairs, and no stranded sentence */
  precis_options o;
  precis_options_init(&o);
  o.budget = 200;
  precis_summary *s = NULL;
  unsigned took = 0; /* bit k: the brief took part k */
  if (c && w.n == 8 && precis_summarize(c, &o, &s) == PRECIS_OK)
    for (size_t i = 0; i < precis_summary_count(s); i++)
      for (unsigned k = 0; k < 8; k++)
        if (precis_summary_sentence(s, i)->offset == w.off[k]) took |= 1u << k;
  OK(took == 0xc6u,
     "pairs: the brief takes both pairs and no stranded sentence "
     "(parts taken: %#x)",
     took);
  precis_summary *lead = NULL;
  o.algorithm = "lead";
  OK(precis_summary_pairs_kept(s) == 1 && c &&
         precis_summarize(c, &o, &lead) == PRECIS_OK &&
         precis_summary_pairs_kept(lead) == 0,
     "pairs: ilp-pos's brief keeps them, lead's does not say so");
  precis_summary_free(lead);
  /* a short sentence no neighbour needs stays left out */
  static const char alone[] =
      "Three people were hurt. Crews saved the grain silos and the ferry "
      "terminal from the flames on Tuesday.\n";
  parts_seen u = S_seen(alone);
  precis_cluster *c2 = precis_cluster_new();
  OK(c2 && precis_cluster_add(c2, alone, sizeof alone - 1, NULL) == PRECIS_OK &&
         precis_cluster_analyze(c2, 0) == PRECIS_OK &&
         precis_cluster_parts(c2, 0, S_collect, &u) == PRECIS_OK && u.n == 2 &&
         u.kinds[0] == 'L' && u.why[0] &&
         strcmp(u.why[0], "under 8 words") == 0 && u.kinds[1] == 'S',
     "pairs: a short sentence that no neighbour needs is left out");
  precis_cluster_free(c2);
  precis_summary_free(s);
  precis_cluster_free(c);
}

/* docs/clean.md names, as `name`, every class and reason that
 * precis explain prints (the suite runs from the repository's root). */
static void test_parts_documented(void) {
  FILE *f = fopen("docs/clean.md", "rb");
  static char md[65536];
  size_t n = f ? fread(md, 1, sizeof md - 1, f) : 0;
  if (f) fclose(f);
  md[n] = 0;
  OK(n > 0 && n < sizeof md - 1, "docs/clean.md read (%zu bytes)", n);
  char want[96];
  unsigned missing = 0, names = 0;
  for (unsigned why = 1; why < 256; why++) {
    const char *name = cluster_why(why);
    if (strcmp(name, "?") == 0) continue;
    names++;
    snprintf(want, sizeof want, "`%s`", name);
    if (!strstr(md, want)) {
      printf("#   docs/clean.md does not name %s\n", want);
      missing++;
    }
  }
  OK(names >= 26 && missing == 0,
     "docs/clean.md names all %u classes and reasons (%u missing)", names,
     missing);
}

/* A cluster of the n articles texts[], analysed; NULL on failure. */
static precis_cluster *analysed_docs(const char *const *texts, size_t n) {
  precis_cluster *c = precis_cluster_new();
  for (size_t i = 0; c && i < n; i++)
    if (precis_cluster_add(c, texts[i], strlen(texts[i]), NULL) != PRECIS_OK) {
      precis_cluster_free(c);
      c = NULL;
    }
  if (c && cluster_analyze(c, 0) != PRECIS_OK) {
    precis_cluster_free(c);
    c = NULL;
  }
  return c;
}

/* The two articles texts[0..2) as a cluster, checked against k[0..n). */
static void check_pair(const char *const *texts, const flag_case *k,
                       size_t n) {
  precis_cluster *c = analysed_docs(texts, 2);
  check_flagged("web notices", c, SENT_SELECTABLE, k, n);
  precis_cluster_free(c);
}

/* A web archive's note about its crawl, as a run of sentences or a whole
 * article, is never selected; a story about the web keeps its own. */
static void test_web_notices(void) {
  cue_index *ix = malloc(sizeof *ix);
  OK(ix != NULL, "web notices: cue index");
  if (!ix) return;
  cue_index_init(ix);
  static const struct {
    const char *s;
    unsigned want;
  } k[] = {
      {"Every week these data are added to the wayback collection after an "
       "embargo period.",
       CLEAN_WEB | CLEAN_WEB_ARCHIVE},
      {"The harbor trust's website lists links to every ferry timetable.",
       CLEAN_WEB},
      {"The website of the harbor trust was down on Tuesday.", 0},
      {"Fire crews fought a blaze at the old harbor warehouse on Tuesday.", 0},
  };
  for (size_t i = 0; i < sizeof k / sizeof *k; i++)
    OK(clean_web_class(ix, k[i].s, strlen(k[i].s)) == k[i].want,
       "web class: %s -> %u", k[i].s, k[i].want);
  free(ix);

  static const char fire_story[] =
      "Fire crews fought a blaze at the old harbor warehouse in Ketterby "
      "on Tuesday night.\nThe warehouse, built in 1890, was empty when "
      "the fire started, officials said on Wednesday.\n";
  /* the note run into the story's first lines, as a scrape of an
   * archived page has it: one line of over 120 words, which the line
   * rules keep */
  static const char *const prefixed[] = {
      "Starting in 2031, the harbor trust has been donating its crawl data "
      "to the Ketterby web archive. Every week these data are added to the "
      "wayback collection after an embargo period. Fire crews fought a "
      "blaze at the old harbor warehouse on Tuesday night, the fire "
      "service said. Nobody was hurt in the fire, which started in a "
      "storage room on the ground floor. The warehouse had stood empty "
      "since the fishing company that owned it moved its offices to the "
      "new quay in the spring of last year. Neighbours said they saw "
      "smoke rising from the roof shortly after ten o'clock and called "
      "the fire service at once. Two engines and a ladder crew from the "
      "town station reached the harbor within eight minutes. The fire "
      "service said an investigator would visit the building on Thursday "
      "to find out how the fire started. The harbor master closed the "
      "road along the quay to traffic until the morning.",
      fire_story};
  static const flag_case run[] = {
      {"Starting in 2031", 0, "a run's first sentence"},
      {"Every week these data", 0, "a run's sentence with one web word"},
      {"Nobody was hurt", 1, "the story after the run"},
      {"The warehouse, built", 1, "the other article"},
  };
  check_pair(prefixed, run, 4);
  /* a whole article of it: even its sentence without a web word goes */
  static const char *const whole[] = {
      "This collection continues the harbor trust's web archiving "
      "project.\nKey partners on this effort are the harbor trust and the "
      "Ketterby library.\nMembers of the public are invited to nominate "
      "websites and links for the wayback collection.\n",
      fire_story};
  static const flag_case note[] = {
      {"Key partners on this effort", 0,
       "a whole note's sentence without a web word"},
      {"Fire crews fought", 1, "the story beside a whole note"},
  };
  check_pair(whole, note, 2);
  /* a story about web archiving: no article is free of web sentences
   * (the line rules drop the second article's first line) */
  static const char *const about[] = {
      "The Ketterby library has started to archive the websites of local "
      "firms.\nIts crawler visits each website once a week and saves "
      "every page.\nThe wayback collection opens to the public in May.\n",
      "Ketterby's library will save local websites and their links in a "
      "new web archive.\nLibrarians said the crawl of the firms' websites "
      "began this month.\n"};
  static const flag_case web_story[] = {
      {"Its crawler visits", 1,
       "a story about web archiving keeps its sentences"},
      {"Librarians said the crawl", 1, "... in every article"},
  };
  check_pair(about, web_story, 2);
  /* a run in one article, while another is about a site's outage */
  const char *const outage[] = {
      /* not static: prefixed[0] */
      prefixed[0],
      "The harbor trust's website and its links to ferry times were down "
      "for a day.\nStaff said the server had failed after the fire.\n"
      "Ferry times are posted at the harbor office until the site is "
      "back.\n"};
  static const flag_case kept[] = {
      {"Every week these data", 1,
       "nothing dropped when another article is about the web"},
  };
  check_pair(outage, kept, 1);
}

static void test_selectable(void) {
  /* lower-cased text (as Multi-News ships it): a sentence that starts
   * with a small letter after a full stop is a sentence; after a question
   * mark too, unless a speech verb makes it the rest of a split
   * quotation; after an exclamation mark only when a quotation closes */
  static const char text[] =
      "The city council voted on tuesday to close the old harbor bridge "
      "to all traffic. "
      "engineers found cracks in two of its steel supports last month. "
      "Will the ferry service run longer hours while the bridge is shut? "
      "asked one council member during the long evening session. "
      "Who will pay for the repairs to the old bridge? "
      "the council has not found the money for the work on the supports. "
      "\"We will not sail until the bridge is safe! \" "
      "ferry crews walked off the job at the harbor on wednesday morning. "
      "Crews at the harbor cheered the news on thursday! "
      "the strike ended a day later when the council found the money.";
  static const flag_case k[] = {
      {"The city council", 1, "a plain sentence"},
      {"engineers found", 1, "small letter after a full stop"},
      {"Will the ferry", 0, "not a question outside quotes"},
      {"asked one council", 0, "not a speech verb after a question mark"},
      {"the council has", 1, "small letter after a question mark"},
      {"ferry crews walked", 1, "small letter after a closing '!\"'"},
      {"the strike ended", 0, "not a small letter after a bare '!'"},
  };
  precis_cluster *c = analysed(text, sizeof text - 1, 0);
  check_flagged("selectable", c, SENT_SELECTABLE, k, sizeof k / sizeof *k);
  precis_cluster_free(c);
  /* cased text: a small letter after "?" goes on a name */
  static const char cased[] =
      "Officials in Ketterby sent the research ship Pourquoi Pas? to the "
      "harbor on Tuesday, and Mayor Ann Ross said the search would go on. "
      "Divers from Ketterby and Lindholm searched the wreck for the two "
      "missing crew members.";
  static const flag_case kc[] = {
      {"to the harbor", 0, "cased: not a small letter after '?'"},
      {"Divers from", 1, "cased: a plain sentence"},
  };
  c = analysed(cased, sizeof cased - 1, 0);
  check_flagged("selectable", c, SENT_SELECTABLE, kc, sizeof kc / sizeof *kc);
  precis_cluster_free(c);
  OK(sent_lowered(text, sizeof text - 1) == 1, "lowered: lower-cased text");
  OK(sent_lowered(cased, sizeof cased - 1) == 0, "lowered: cased text");
  OK(sent_lowered(NULL, 0) == 0, "lowered: no text");
}

/* A sentence inside one line that holds no cue phrase skips the phrase
 * scan (SENT_UNCUED); one that runs on into a wrapped line holding a
 * credit is still scanned whole, and left out. */
static void test_uncued(void) {
  static const char text[] =
      "The harbour fire burned for nine hours on Tuesday before the crews "
      "from three towns could bring it under control, officials said.\n"
      "Engineers will inspect the old pier on Friday, and the ferry will "
      "run on its winter timetable until the work on the pier is done. The "
      "mayor thanked the crews who fought the fire through the night and "
      "said the town would pay for a new fire boat\n"
      "before next winter, photo by ann vell for the harbour times. The "
      "council will meet on Monday to agree the cost of the new fire boat "
      "and of the repairs to the pier, which the engineers put at about two "
      "million dollars, and the ferry crews will be paid for the extra "
      "hours they worked during the fire and the long night after it.\n";
  static const flag_case k[] = {
      {"The harbour fire", 1, "one line without a cue: uncued"},
      {"Engineers will", 1, "in a line without a cue: uncued"},
      {"The mayor thanked", 0, "runs on into a line with a credit"},
      {"The council will", 0, "in a line with a credit"},
  };
  precis_cluster *c = analysed(text, sizeof text - 1, 0);
  check_flagged("uncued", c, SENT_UNCUED, k, sizeof k / sizeof *k);
  OK(flagged(c, "The mayor thanked", SENT_SELECTABLE) == 0 &&
         flagged(c, "The council will", SENT_SELECTABLE) == 1 &&
         flagged(c, "Engineers will", SENT_SELECTABLE) == 1,
     "uncued: the credit that a wrapped line brings is found");
  precis_cluster_free(c);
  cue_index ix;
  cue_index_init(&ix);
  const char *plain = text;
  size_t n = strchr(text, '\n') - text;
  OK(clean_sentence_reason_uncued(&ix, plain, n) ==
             clean_sentence_reason(&ix, plain, n) &&
         clean_sentence_reason(&ix, "Photo by ann vell.", 18) != 0 &&
         clean_sentence_reason_uncued(&ix, "Photo by ann vell.", 18) == 0,
     "uncued: the same rules without the phrase scan");
}

/* A post's words: a handle, or a hashtag in a short sentence; a story
 * may name a hashtag, and its prose may hold one (an e-mail address is
 * no handle). */
static void test_posts(void) {
  cue_index ix;
  cue_index_init(&ix);
  static const struct {
    const char *s;
    int post;
  } k[] = {
      {"Number of bodies pulled from the harbor #ketterbyfire rises to 12.", 1},
      {"@harborwatch sorry i'm a day late with the ferry times.", 1},
      {"\"@harbormayor so sorry you have to go through this, pal.\"", 1},
      {"Crews fought the fire (@ketterbyfd) all night at the harbor.", 1},
      {"Users claimed missing relatives using the hashtags #ketterby and "
       "#harbor.",
       0},
      {"The mayor became an outspoken figure in the #metoo movement against "
       "the harassment of harbor workers over the past two years.",
       0},
      {"Write to the harbor desk at news@harbor.example about the ferry "
       "timetable and the new winter crossings on the river.",
       0},
      {"The harbor's C# team rebuilt the ferry app in two weeks.", 0},
  };
  for (size_t i = 0; i < sizeof k / sizeof *k; i++) {
    unsigned r = clean_sentence_reason(&ix, k[i].s, strlen(k[i].s));
    OK(k[i].post == (strcmp(clean_reason(r), "social") == 0), "posts: %s (%s)",
       k[i].s, clean_reason(r));
  }
}

/* An answer leans on what the sentence before asked or claimed; the same
 * first words with another use do not. */
static void test_answer_openers(void) {
  static const char text[] =
      "Is the old harbor bridge safe for the ferry crews to cross? "
      "Yes, engineers found no cracks in its steel supports last month. "
      "No one was hurt in the fire at the harbor warehouse on tuesday. "
      "Well, the council still wants the bridge closed for a full year. "
      "Well-known engineers from ketterby inspected the bridge on friday. "
      "If so, the ferries will run longer hours until the bridge reopens. "
      "If the bridge closes, the ferries will run longer hours all year. "
      "For starters, the council will hire two more ferry crews in june. "
      "For the ferry crews, the summer will be the busiest in a decade. "
      "The answer is a second bridge, which the council cannot pay for. "
      "The answers from the harbor office came late on tuesday evening. "
      "No, the council has not found the money for a second bridge yet.";
  static const flag_case k[] = {
      {"Yes, engineers", 1, "yes and a comma"},
      {"No one was", 0, "no without a comma"},
      {"Well, the council", 1, "well and a comma"},
      {"Well-known", 0, "well in another word"},
      {"If so,", 1, "if so"},
      {"If the bridge", 0, "if a clause"},
      {"For starters,", 1, "for starters"},
      {"For the ferry", 0, "for a phrase"},
      {"The answer is", 1, "the answer"},
      {"The answers from", 0, "the answers"},
      {"No, the council", 1, "no and a comma"},
  };
  precis_cluster *c = analysed(text, sizeof text - 1, 0);
  check_flagged("answer", c, SENT_DANGLING, k, sizeof k / sizeof *k);
  precis_cluster_free(c);
}

/* The page speaking to its reader: a link's or a button's words opening
 * a sentence, "Please ..." outside quotation marks, and a condition or
 * a purpose that "please" follows. */
static void test_reader_address(void) {
  static const char text[] =
      "A fire destroyed a warehouse at the port of ketterby on tuesday "
      "night. "
      "See also: ketterby ferry strike ends the harbor reopened on friday "
      "after the strike. "
      "Click on the map for a larger view of the harbor and the port. "
      "View images crews pour water on the warehouse at the port of "
      "ketterby. "
      "Please check back often for updates on the harbor fire tonight. "
      "If you saw the fire at the harbor, please email the desk your "
      "photos. "
      "To view and apply for similar harbor jobs, please visit our main "
      "jobs page. "
      "Note: some images in this report of the harbor fire are graphic. "
      "\"Please stay away from the harbor tonight,\" the fire chief said on "
      "tuesday. "
      "If anyone saw the fire start at the warehouse, please call the "
      "police. "
      "See, the harbor council never wanted the old bridge to close at "
      "all. "
      "Please log in to read all of our coverage of the \"harbor fire\" "
      "tonight. "
      "\"The ferry crews will stay in port tonight. Please stay away from "
      "the harbor until it is safe. \" "
      "The mayor said: \"We saw the smoke from the harbor at nine. Please "
      "keep your children well away from the old harbor. We will tell you "
      "when it is safe.\" "
      "Viewers of the harbor channel saw the warehouse burn for six "
      "hours.\n\n"
      "Please keep the children well away from the old harbor "
      "tonight.\xe2\x80\x9d";
  static const flag_case k[] = {
      {"A fire destroyed", 1, "a plain sentence"},
      {"See also:", 0, "a related link run into the story"},
      {"Click on", 0, "a button's words"},
      {"View images", 0, "a gallery's button before its caption"},
      {"Please check", 0, "please, outside quotation marks"},
      {"If you saw", 0, "if you ..., please"},
      {"To view", 0, "to ..., please"},
      {"Note:", 0, "an editor's note to the reader"},
      {"\"Please stay", 1, "a quoted please"},
      {"If anyone saw", 1, "a police appeal is the story's"},
      {"See, the", 1, "see as a word of the story"},
      {"Please log in", 0, "please before a quotation of its own"},
      {"Please stay away", 1, "please closing a quotation"},
      {"Please keep", 1, "please inside an open quotation"},
      {"Viewers of", 1, "view as the start of another word"},
      {"Please keep the", 1, "please in a quotation closed, not opened"},
  };
  precis_cluster *c = analysed(text, sizeof text - 1, 0);
  check_flagged("reader", c, SENT_SELECTABLE, k, sizeof k / sizeof *k);
  precis_cluster_free(c);
  OK(clean_asks_reader("Please note: the port is shut.", 30) == 1,
     "reader: please opening");
  OK(clean_asks_reader("Pleased, the mayor left.", 24) == 0,
     "reader: pleased is not please");
  OK(clean_asks_reader("For details, please call the port.", 34) == 1,
     "reader: for ..., please");
  OK(clean_asks_reader("For the crews, pleasure came late.", 34) == 0,
     "reader: no please after the clause");
  OK(clean_asks_reader("Crews said, please stay away.", 29) == 0,
     "reader: not after a story's clause");
  /* a line of its own, short: the line rules drop it */
  arena a;
  arena_init(&a, 0);
  cue_index ix;
  cue_index_init(&ix);
  STR_EQ(S_kinds(&a, &ix,
                 "Crews fought the fire at the harbor warehouse all night.\n"
                 "Click through this slideshow to see the harbor fire.\n"
                 "Note: this story has been updated.\n"
                 "Watch a clip of the harbor fire.\n"
                 "Download the harbor daily app to read more stories.\n"
                 "Or click to see a full list of harbor ferries.\n"),
         "cbbbbb", "reader: lines of a reader's cue");
  arena_free(&a);
}

/* An outlet speaking of itself, outside quotation marks, is not chosen;
 * inside one the "we" or "us" is a speaker's. */
static void test_outlet_voice(void) {
  static const struct {
    const char *s;
    size_t at; /* where clean_self_ref first finds one; strlen(s) = none */
  } k[] = {
      {"A source told us the deal is done.", 9},
      {"Our reporter saw the fire.", 0},
      {"As we reported, the bridge is shut.", 0},
      {"The mayor told US officials on Monday.", 38},
      {"The mayor told usni news on monday.", 35},
      {"the mayor told us weekly it was over.", 37},
      {"Our sources say the deal is done.", 0},
      {"Our sourcing is careful.", 24},
      {"Excavations at this site began in May.", 38},
      {"By using this website, you agree to the terms.", 9},
      {"Trustus told us.", 8},
      {"As we\xe2\x80\x99ve reported, the bridge is shut.", 3},
      {"We\xe2\x80\x99re told the wedding was secret.", 0},
      {"sources tell tmz.we're told he left.", 17},
      {"We are told it rained.", 0},
      {"We\xe2\x80\x99ve reportedly won.", 23},
      {"Is it true that we\xe2\x80\x99", 21},
      {"Is it true that we\xe2\x80", 20},
  };
  for (size_t i = 0; i < sizeof k / sizeof *k; i++) {
    size_t n = strlen(k[i].s), got = n;
    for (size_t j = n; j-- > 0;)
      if (clean_self_ref(k[i].s, n, j)) got = j;
    OK(got == k[i].at, "self ref: %s -> %zu (got %zu)", k[i].s, k[i].at, got);
  }
  static const char text[] =
      "Fire crews worked through the night to save the old harbor "
      "warehouse.\n"
      "Chief Fire Officer Margaret Tilney spoke to our reporter at the "
      "scene of the fire.\n"
      "\"We asked every family on the street to leave their homes,\" "
      "Tilney said on Tuesday.\n"
      "\"Nobody was hurt,\" a neighbour who was evacuated told us "
      "on Tuesday.\n";
  precis_cluster *c = analysed(text, sizeof text - 1, 0);
  OK(c != NULL, "self ref: cluster analysed");
  OK(flagged(c, "Fire crews", SENT_OUTLET) == 0, "self ref: a plain sentence");
  OK(flagged(c, "Chief Fire", SENT_OUTLET) == 1, "self ref: our reporter");
  OK(flagged(c, "\"We asked", SENT_OUTLET) == 0, "self ref: a speaker's we");
  OK(flagged(c, "\"Nobody", SENT_OUTLET) == 1,
     "self ref: told us after a quotation");
  /* a brief leaves them out, unless asked; the analysis is not changed */
  for (int keep = 0; keep <= 1; keep++) {
    precis_options o;
    precis_options_init(&o);
    o.unit = PRECIS_BUDGET_SENTENCES;
    o.budget = 10;
    o.flags = PRECIS_OPT_SOURCE_ORDER | (keep ? PRECIS_OPT_OUTLET_VOICE : 0);
    precis_summary *sm = NULL;
    size_t n = 0, self = 0;
    if (precis_summarize(c, &o, &sm) == PRECIS_OK) {
      n = precis_summary_count(sm);
      for (size_t i = 0; i < n; i++) {
        const precis_sentence *ps = precis_summary_sentence(sm, i);
        self += memcmp(ps->text, "Chief Fire", 10) == 0 ||
                memcmp(ps->text, "\"Nobody", 7) == 0;
      }
    }
    OK(n == (keep ? 4u : 2u) && self == (keep ? 2u : 0u),
       "self ref: brief %s outlet voice (%zu sentences, %zu self)",
       keep ? "with" : "without", n, self);
    precis_summary_free(sm);
  }
  OK(flagged(c, "Chief Fire", SENT_SELECTABLE) == 1,
     "self ref: still selectable after a brief");
  precis_cluster_free(c);
  /* when nothing else is selectable, the outlet's voice is a brief */
  static const char only[] = "Chief Fire Officer Margaret Tilney spoke to "
                             "our reporter at the scene of the fire.\n";
  c = precis_cluster_new();
  precis_summary *sm = NULL;
  OK(c && precis_cluster_add(c, only, sizeof only - 1, NULL) == PRECIS_OK &&
         precis_summarize(c, NULL, &sm) == PRECIS_OK &&
         precis_summary_count(sm) == 1,
     "self ref: the only sentence is still a brief");
  precis_summary_free(sm);
  precis_cluster_free(c);
  c = analysed(text, sizeof text - 1, PRECIS_OPT_NO_CLEAN);
  OK(c && flagged(c, "Chief Fire", SENT_OUTLET) == 0,
     "self ref: kept without cleaning");
  precis_cluster_free(c);
}

/* What a cleaner cuts off the front of a sentence (a dateline, a
 * caption, an ad's words): bytes expected for each input. */
typedef struct cut_case {
  const char *s;
  size_t skip;
} cut_case;

static void check_cuts(const char *what, size_t (*cut)(const char *, size_t),
                       const cut_case *k, size_t n) {
  for (size_t i = 0; i < n; i++) {
    size_t got = cut(k[i].s, strlen(k[i].s));
    OK(got == k[i].skip, "%s: %s -> %zu (got %zu)", what, k[i].s, k[i].skip,
       got);
  }
}

/* ABC's "HEADLINE updated STORY" in an article's first sentence. */
static void test_headline_stamp(void) {
#define HL "Fire guts old warehouse at ketterby harbor overnight updated "
  static const cut_case k[] = {
      {HL "a fire has gutted an old warehouse at ketterby harbor, the fire "
          "service says.",
       sizeof HL - 1},
      {"Harbor blaze: crews battle fire at ketterby warehouse updated at 6: "
       "20 p.m. et fire crews fought the blaze at the ketterby warehouse for "
       "six hours.",
       79},
      /* a word restated in another form, its first five letters kept */
      {"Ketterby student solves old astrophysics riddle overnight updated "
       "a harbor student found what astrophysicists sought for years at "
       "sea.",
       66},
      /* "updated" a verb or an adjective */
      {"The harbor trust says it has updated the ketterby warehouse fire "
       "figures with the names of all the crews at the harbor.",
       0},
      {"Crews at the ketterby harbor fire said we've updated the warehouse "
       "list for the harbor and the town.",
       0},
      {"Officials at the ketterby harbor gave newly updated figures for the "
       "harbor warehouse fire on tuesday night.",
       0},
      {"Harbor officials in ketterby on tuesday updated the count of crews "
       "at the harbor warehouse to nine in the night.",
       0},
      /* no restated headline, a preposition after, or too few words */
      {"Harbor officials in ketterby on tuesday updated the death toll from "
       "the fire to three, the mayor said.",
       0},
      {"Fire guts old warehouse at ketterby harbor overnight updated on "
       "march 3, 2026 fire crews fought the ketterby harbor fire.",
       0},
      {HL "a ketterby harbor fire.", 0},
      {"Ketterby harbor fire updated a fire at ketterby harbor gutted a "
       "warehouse on tuesday.",
       0},
  };
#undef HL
  check_cuts("headline stamp", clean_headline_stamp, k, sizeof k / sizeof *k);
  /* an article's first sentence only: the story follows the cut */
  static const char text[] =
      "Fire guts old warehouse at ketterby harbor overnight updated a fire "
      "has gutted an old warehouse at ketterby harbor, the fire service "
      "says. Night crews at the old ketterby harbor updated a list of the "
      "crews at the ketterby harbor office on tuesday.";
  precis_cluster *c = analysed(text, sizeof text - 1, 0);
  OK(flagged(c, "a fire has gutted", SENT_SELECTABLE) == 1,
     "headline stamp: the story's first sentence, cut");
  OK(flagged(c, "Night crews at the old", SENT_SELECTABLE) == 1,
     "headline stamp: not read past the first sentence");
  precis_cluster_free(c);
}

static void test_dateline(void) {
  static const cut_case k[] = {
      {"WASHINGTON (AP) \xe2\x80\x94 The Senate voted.", 20},
      {"LIMA, Dec 1 (Reuters) - Peru said on Monday.", 24},
      {"(CNN) -- A storm hit the coast.", 9},
      {"Stockton ( cbs13 ) \xe2\x80\x94 the rodent escaped.", 23},
      {"TEXAS, US \xe2\x80\x93 A court found him guilty.", 14},
      {"SAN FRANCISCO \xe2\x80\x94 \"We will appeal,\" she said.", 18},
      {"Johnston, ia ( kcci/kfp ) - the ferry ran aground.", 28},
      {"Ketterby ( kfp.example ) \xe2\x80\x94 the ferry ran aground.", 29},
      {"Ketterby, n.m. ( kfp ) - - crews found the wreck.", 27},
      /* no agency: capitals and a capital after the dash, or nothing */
      {"NASA \xe2\x80\x94 the agency \xe2\x80\x94 said it would wait.", 0},
      {"Washington \xe2\x80\x94 the house voted on tuesday.", 0},
      {"Jonathon keats \xe2\x80\x94 a san francisco artist.", 0},
      {"WILKES-BARRE, Pa. \xe2\x80\x94 A mine flooded.", 0},
      {"The vote (a close one) - passed.", 0},
      {"U.S. \xe2\x80\x94", 0},
      {"(AP) \xe2\x80\x94 ", 0},
      {"", 0},
  };
  check_cuts("dateline", clean_dateline, k, sizeof k / sizeof *k);
  /* a brief quotes the story without its dateline, as a span of it */
  static const char text[] =
      "CAPE TOWN (Reuters) - The harbor authority closed the old bridge to "
      "all traffic on Tuesday after engineers found deep cracks.\n"
      "Repairs to the steel supports are expected to take two years.\n";
  precis_cluster *c = analysed(text, sizeof text - 1, 0);
  const sent *s = two_sentences(c, "dateline");
  if (s) {
    OK(s->off == 22 && strncmp(text + s->off, "The harbor", 10) == 0 &&
           (s->flags & SENT_DATELINE) && (s->flags & SENT_SELECTABLE),
       "dateline: left out of the first sentence");
    OK(s->nwords == 17, "dateline: its words not counted (%u)", s->nwords);
    OK(!(s[1].flags & SENT_DATELINE), "dateline: only at the top");
  }
  precis_cluster_free(c);
}

/* In lower-cased text a dateline has no capitals to show it: a place
 * of name words and a long dash before the story. */
static void test_dateline_lowered(void) {
  static const cut_case k[] = {
      {"Tampa \xe2\x80\x94 like many parents of toddlers, they rarely went "
       "out.",
       10},
      {"Dover, fla. \xe2\x80\x94 the agent who spurred the inquiry is a "
       "veteran.",
       16},
      {"Salt lake city -- the fbi said on monday it had made an arrest.", 18},
      {"Munich, germany \xe2\x80\x93 the collector left his trove to the "
       "museum.",
       20},
      {"Rio de janeiro \xe2\x80\x94 \"we were lucky,\" a fan said after the "
       "game.",
       19},
      /* a function word, an adverb, an apostrophe: no place */
      {"The doc \xe2\x80\x94 a waiver and release \xe2\x80\x94 warns anyone.",
       0},
      {"Forget the rain forest \xe2\x80\x94 your home is brimming with bugs.",
       0},
      {"Mix slowly \xe2\x80\x94 you will find that the stirring matters.", 0},
      {"Hold those other messages -- kim and kanye did not get engaged.", 0},
      {"It's just -- it's not venting either, he said of the posts.", 0},
      {"Kdka's paul martino reports \xe2\x80\x94 as the man was taken to the "
       "hospital.",
       0},
      /* a second dash makes the first an aside's */
      {"Arthropods \xe2\x80\x94 a huge group of insects \xe2\x80\x94 have "
       "lived alongside people.",
       0},
      /* a hyphen is no dateline's dash; six words must follow */
      {"Kabul - the talks resumed on monday after a long pause.", 0},
      {"Kabul \xe2\x80\x94 the talks resumed.", 0},
      {"Kabul \xe2\x80\x94 ) the talks resumed on monday after a pause.", 0},
      {"Kabul \xe2\x80\x94", 0},
      {"One two three four five six \xe2\x80\x94 the story goes on and on.", 0},
      {"", 0},
  };
  check_cuts("dateline (lower-cased)", clean_dateline_lowered, k,
             sizeof k / sizeof *k);
  /* only where no capital tells: lower-cased articles, at a line's start */
  static const char low[] =
      "Hesperia \xe2\x80\x94 a tragic accident that claimed a young mother "
      "has left her family devastated, they told the daily press on "
      "friday.\n"
      "The mother and one of her three sons died when their car was swept "
      "into the river, and another son is still missing, the sheriff said. "
      "Watertown \xe2\x80\x94 crews searched the banks of the river until "
      "late on friday night.\n";
  precis_cluster *c = analysed(low, sizeof low - 1, 0);
  OK(c && c->nsents == 3, "dateline (lower-cased): three sentences");
  if (c && c->nsents == 3) {
    const sent *s = c->sents;
    OK(s[0].off == 13 && strncmp(low + s[0].off, "a tragic", 8) == 0 &&
           (s[0].flags & SENT_DATELINE),
       "dateline (lower-cased): left out of the first sentence");
    OK(strncmp(low + s[2].off, "Watertown", 9) == 0,
       "dateline (lower-cased): not inside a line");
  }
  precis_cluster_free(c);
  static const char cased[] =
      "Hesperia \xe2\x80\x94 A tragic accident that claimed a young mother "
      "has left her family devastated, they told the Daily Press on "
      "Friday.\n"
      "The mother and one of her three sons died when their car was swept "
      "into the river, and another son is still missing, the sheriff said.\n";
  c = analysed(cased, sizeof cased - 1, 0);
  OK(c && c->nsents == 2 && c->sents[0].off == 0,
     "dateline (lower-cased): cased text keeps its opening");
  precis_cluster_free(c);
}

/* CNN's mark opens its stories: whatever a page ran on into it goes. */
static void test_cnn_mark(void) {
#define HI                                                                     \
  "Story highlights three hurt as fire guts ketterby warehouse "               \
  "crews stay overnight ketterby, england ( cnn ) "
#define W10 "harbor word word word word word word word word word "
  static const cut_case k[] = {
      {"(CNN)A storm hit the Ketterby coast on Tuesday.", 5},
      {"( cnn ) a storm hit the ketterby coast on tuesday.", 8},
      {"Ketterby, England (CNN) -- A storm hit the coast on Tuesday.", 27},
      {HI "a fire gutted a warehouse at ketterby harbor.", sizeof HI - 1},
      {"(CNNMoney) Ketterby's port posted a record year.", 11},
      {"( cnn business ) shares in ketterby ferries fell.", 17},
      /* no mark, or one too far in or with the story too short after it */
      {"( cnn ) a storm hit.", 0},
      {"The report (CNN, 2019) said the harbor flooded.", 0},
      {"A storm(CNN) hit the Ketterby coast on Tuesday.", 0},
      {"He spoke to ( cnnx ) staff about the storm at the harbor.", 0},
      {W10 W10 W10 W10 W10 W10 W10 W10 W10 W10 W10 W10 W10 W10 W10 W10 W10 W10
           W10 W10 W10 "( cnn ) a storm hit the coast on tuesday.",
       0},
      {"", 0},
  };
  check_cuts("cnn mark", clean_cnn_mark, k, sizeof k / sizeof *k);
  /* an article's first sentences: the lead is selectable without it */
  static const char text[] =
      HI "a fire gutted a warehouse at ketterby harbor overnight, the fire "
         "service said on tuesday. Three workers were taken to hospital "
         "with burns, and two of them were released by the afternoon.";
  precis_cluster *c = analysed(text, sizeof text - 1, 0);
  const sent *s = two_sentences(c, "cnn mark");
  if (s) {
    OK(s->off == sizeof HI - 1 && (s->flags & SENT_SELECTABLE),
       "cnn mark: the highlights and the mark left out (off %u)", s->off);
  }
  precis_cluster_free(c);
#undef W10
#undef HI
}

/* A wire photo's caption run on into the text (Multi-News's flattened
 * AP articles): its credit and what comes before it are no part of the
 * sentence that follows, and the sentences of a caption go. */
static void test_caption(void) {
  static const cut_case k[] = {
      {"crews pour water on the roof of the... ( associated press ) "
       "the fire was put out on wednesday.",
       60},
      {"Crews pour water on the roof... (Associated Press) The fire was "
       "put out on Wednesday.",
       51},
      {"the harbor on tuesday. ( ap photo/ada morn ) ( associated press ) "
       "the fire was put out on wednesday.",
       66},
      {"( associated press ) the fire was put out on wednesday.", 21},
      /* fewer than four words after it: the whole sentence is a caption */
      {"crews pour water on the roof of the... ( associated press ) "
       "ketterby.",
       0},
      /* the agency named in the story is not a credit */
      {"a reporter for the ( associated press ) said the fire was out.", 0},
      {"the associated press said the fire was out by wednesday.", 0},
      {"", 0},
  };
  check_cuts("caption", clean_caption_head, k, sizeof k / sizeof *k);
  cue_index ix;
  cue_index_init(&ix);
  const char *cap5 = k[4].s;
  OK(clean_sentence_reason(&ix, cap5, strlen(cap5)) != 0,
     "caption: a sentence ending in the credit is a credit");
  /* A flattened gallery: two captions, then the story after the wire's
   * dateline. The caption's own sentences go; a story sentence 400 bytes
   * before a caption stays. */
  static const char text[] =
      "Firefighters stand near the burned warehouse at the port of "
      "ketterby on tuesday night. Smoke rises over the ferry terminal as "
      "the fire spreads to the grain store... ( associated press ) a worker "
      "walks past the burned cranes at the harbor on wednesday morning. "
      "The port was closed to ships until the fire was out... ( associated "
      "press ) ketterby ( ap ) \xe2\x80\x94 a fire destroyed a warehouse at "
      "the port of ketterby on tuesday night, officials said. Sixty "
      "firefighters fought the blaze for six hours before bringing it under "
      "control early on wednesday morning, the fire chief said at the "
      "harbor office. Two workers were treated for smoke inhalation at the "
      "hospital and sent home later that morning, and the cause of the fire "
      "is still under investigation by the police and the insurers. Crews "
      "pour water on the roof of the... ( associated press ) the port will "
      "reopen on friday after safety inspections of the piers.\n";
  precis_cluster *c = analysed(text, sizeof text - 1, 0);
  OK(c != NULL, "caption: cluster analysed");
  OK(flagged(c, "Firefighters stand", SENT_SELECTABLE) == 0 &&
         flagged(c, "Firefighters stand", SENT_CAPTION) == 1,
     "caption: its first sentence is a caption");
  OK(flagged(c, "a worker walks", SENT_CAPTION) == 1 &&
         flagged(c, "a worker walks", SENT_SELECTABLE) == 0,
     "caption: a caption after a caption's credit is one");
  OK(flagged(c, "a fire destroyed", SENT_SELECTABLE) == 1 &&
         flagged(c, "a fire destroyed", SENT_DATELINE) == 1,
     "caption: the lead follows the credit and the dateline");
  OK(flagged(c, "Sixty firefighters", SENT_CAPTION) == 0 &&
         flagged(c, "Two workers", SENT_CAPTION) == 0,
     "caption: the story before a later caption is not one");
  OK(flagged(c, "the port will reopen", SENT_SELECTABLE) == 1,
     "caption: the story after a later caption's credit");
  precis_cluster_free(c);
  c = analysed(text, sizeof text - 1, PRECIS_OPT_NO_CLEAN);
  OK(flagged(c, "Firefighters stand", SENT_SELECTABLE) == 1,
     "caption: kept without cleaning");
  precis_cluster_free(c);
  /* A gallery flattened into one line (CNN's): each caption closes with
   * its count, "Hide Caption 2 of 3"; the story follows the last. */
  static const char gallery[] =
      "Photos: The Ketterby harbor fire Firefighters stand near the burned "
      "warehouse at the port on Tuesday night. Hide Caption 1 of 3 Smoke "
      "rises over the ferry terminal as the fire spreads to the grain store. "
      "The blaze burned for six hours. Hide Caption 2 of 3 A worker walks "
      "past the burned cranes at the harbor on Wednesday morning. Hide "
      "Caption 3 of 3 The port of Ketterby will reopen to ships on Friday "
      "after safety inspections of the piers, the harbor master said. "
      "Sixty firefighters fought the blaze for six hours before bringing it "
      "under control early on Wednesday morning, the fire chief told "
      "reporters at the harbor office. Two workers were treated for smoke "
      "inhalation at the hospital and sent home later that morning, and "
      "the cause of the fire is still under investigation by the police.\n";
  c = analysed(gallery, sizeof gallery - 1, 0);
  OK(c != NULL, "gallery: cluster analysed");
  OK(flagged(c, "Photos: The", SENT_CAPTION) == 1 &&
         flagged(c, "The blaze burned", SENT_CAPTION) == 1 &&
         flagged(c, "The blaze burned", SENT_SELECTABLE) == 0,
     "gallery: a caption's sentences before its count are captions");
  OK(flagged(c, "Sixty firefighters", SENT_SELECTABLE) == 1 &&
         flagged(c, "Two workers", SENT_CAPTION) == 0,
     "gallery: the story after the last count is not a caption");
  precis_cluster_free(c);
}

/* An ad's or a player's words run on into a sentence (Multi-News's
 * flattened pages) are cut off its front; site notices are not story. */
static void test_widget_head(void) {
  static const cut_case k[] = {
      /* a page's share button between the headline and the story */
      {"Fire guts ketterby warehouse share this the fire at the harbor "
       "burned for six hours.",
       40},
      {"The crews said we share this view of the harbor with the town.", 0},
      {"The mayor asked people to share this appeal with the harbor.", 0},
      {"Story continued below the port will reopen on friday.", 22},
      {"advertisement continue reading the main story crews worked all "
       "night.",
       46},
      {"Photo advertisement continue reading the main story crews worked "
       "all night.",
       52},
      {"Continue reading below the mayor said the port would reopen.", 23},
      {"Article continued below crews fought the fire all night.", 24},
      {"Report this ad in a fresh round of briefs, the port asked for "
       "time.",
       15},
      {"Please enable javascript to watch this video ketterby -- crews "
       "fought the fire all night.",
       45},
      /* fewer than four words after it, or no word boundary */
      {"Story continued below the harbor.", 0},
      {"Story continued belows the port will reopen on friday.", 0},
      {"The story continued below the surface for years.", 0},
      {"", 0},
      /* a related link's headline and its prompt */
      {"Ketterby ferry strike ends read more the harbor reopened on "
       "friday.",
       37},
      {"( you can read more about the harbor's plans here. ) the harbor "
       "reopened.",
       0},
      {"Read more about the harbor's plans in our guide to the port.", 0},
      {"Ketterby ferry strike ends email this crews went back to work on "
       "friday.",
       38},
      {"If you saw the fire, please email this desk with your photos.", 0},
      {"The harbor desk will email this story to every ferry crew on "
       "friday.",
       0},
      {"Printer-friendly \xc2\xbb e-mail this to a friend \xc2\xbb crews "
       "fought the fire all night.",
       47},
      {"Ferry strike: ' we will not sail'read more crews fought the fire all "
       "night.",
       43},
      {"Ferry strike: \xe2\x80\x98we will not sail\xe2\x80\x99read more "
       "crews fought the fire all night.",
       46},
      {"Ferry strike: 'read more crews fought the fire all night.", 0},
      /* an ad's label run into the text, and the button after it */
      {"Advertisement the port will reopen on friday after the fire.", 14},
      {"They write: advertisement larger ferries would deter the smaller "
       "boats.",
       26},
      {"Ok! \" harbor's new ferry \" advertisement the ferry has a new "
       "captain.",
       41},
      {"read advertisement on tuesday, the port reopened after the fire.", 19},
      {"Advertisement continue reading below the port will reopen on friday.",
       37},
      {"Continue reading the port will reopen on friday after the fire.", 17},
      {"An advertisement ran in the harbor daily on tuesday night.", 0},
      {"Advertisement in his ruling, the judge said the port must reopen.", 14},
      {"The harbor advertisement ran all week in the daily paper.", 0},
      /* a player's words */
      {"Video unavailable click to play the video will start in 8 cancel "
       "play now crews fought the fire all night.",
       74},
      /* a paper's text-size buttons, a video's title and the section */
      {"Text size - + reset video: harbor fire politico 44 the port will "
       "reopen on friday.",
       51},
      {"Text size - + reset the port will reopen on friday after the fire.", 0},
      /* a related link in brackets: the story goes on after it */
      {"( read also: ketterby ferry strike ends ) crews went back to work "
       "on friday.",
       42},
      {"[See also: Ketterby ferry strike ends] Crews went back to work on "
       "Friday.",
       39},
      {"( photo: ann ross, ap ) crews fought the fire all night at the "
       "harbor.",
       24},
      {"( credit: ketterby fire service ) crews fought the fire all night.",
       34},
      {"( courtesy of the harbor office ) for a decade, the ferry ran at "
       "dawn.",
       34},
      {"Play facebook twitter embed harbor fire burns for hours 2: 07 crews "
       "fought the fire all night.",
       62},
      {"Play facebook twitter embed crews fought the fire all night at the "
       "harbor.",
       0},
      {"( see also: the ferry ( and the bridge ) ) crews went back to work "
       "on friday.",
       0},
      {"( note: the ferry is not the bridge. ) crews went back to work on "
       "friday.",
       0},
      {"( read also: ketterby ferry strike ends ) crews left.", 0},
      /* a caption's toggle and its credit, given twice or once */
      {"Harbor fire enlarge this image toggle caption ann ross/ap ann "
       "ross/ap crews fought the fire all night.",
       70},
      {"Harbor fire toggle caption pier news pier news crews fought the "
       "fire.",
       47},
      {"Harbor fire toggle caption ann ross/kfp crews fought the fire all "
       "night.",
       40},
      {"Harbor fire toggle caption crews fought the fire all night long.", 0},
      /* update stamps, and stamps stacked on a toggle */
      {"/ updated by ann ross and bo lind a fire destroyed a warehouse.", 34},
      {"Mar. 3, 2026, 1: 40 am gmt / updated mar. 3, 2026, 2: 52 am gmt by "
       "ann ross crews fought the fire.",
       76},
      {"Mar. 3, 2026, 4: 30 pm gmt / updated mar. 3, 2026, 5: 22 pm gmt / "
       "source: kfp crews fought the fire all night.",
       78},
      {"Updated 6: 07 p.m. Et the harbor will reopen on friday.", 22},
      {"Harbor fire posted: tuesday, march 3, 2026 7: 29 pm edt updated: "
       "wednesday, march 4, 2026 1: 44 am edt crews fought the fire.",
       103},
      {"Harbor fire toggle caption ann ross/ap updated 3: 15 a.m. Et crews "
       "fought the fire all night.",
       61},
      {"Updated on the latest figures from the harbor office today.", 0},
      {"The harbor's safety rules have been updated to include cranes.", 0},
      {"Ferry staff ( updated: the company denies it ) stayed on strike "
       "all week.",
       0},
      /* a sign-up box's last words */
      {"Could not subscribe, try again later invalid email crews fought the "
       "fire all night.",
       51},
      {"sign up for more newsletters here crews fought the fire all night.",
       34},
      {"Get the harbor daily by email and never miss our top stories free sign "
       "up crews fought the fire.",
       74},
      {"The harbor office sent an invalid email address to the crews on "
       "friday.",
       0},
      {"Published on mar 3, 2026 crews fought the fire at the pier all night.",
       25},
      {"Published on March 3, 2026, the harbor report found the fire began in "
       "a crane.",
       0},
      {"Close skip in skip x embed x share crews fought the fire all night.",
       35},
      /* a picture agency's credit */
      {"Ann ross/getty crews fought the fire all night.", 15},
      {"Harbor fire ann ross / kfp / getty crews fought the fire all night.",
       35},
      {"&#124; getty harbor fire crews fought the fire all night.", 13},
      {"( getty images ) crews fought the fire all night.", 17},
      {"Ann ross/bloomberg via getty images crews fought the fire all night.",
       36},
      {"Getty image ann ross crews fought the fire all night.", 12},
      {"( ann ross/ap ) -- crews fought the fire all night.", 19},
      {"Ann ross/invision/ap crews fought the fire all night.", 21},
      {"Ann getty, the shipping heir, watched the fire from the pier.", 0},
      {"The ferry heir ann getty watched crews fight the fire.", 0},
      {"The gettysburg ferry crews fought the fire all night.", 0},
      {"Ketterby ( ap ) \xe2\x80\x94 crews fought the fire all night at the "
       "pier.",
       0},
      {"Ann ross/apps crews fought the fire all night.", 0},
      /* a handout's credit through a wire: a slash or a bracket before */
      {"Ann ross / the ketterby herald via ap crews fought the fire all "
       "night.",
       38},
      {"Port office/handout via reuters crews fought the fire all night.", 32},
      {"( ketterby-port via ap ) crews fought the fire all night.", 25},
      {"( ann ross via afp ) story highlights crews fought the fire all "
       "night.",
       38},
      {"The ferry video came via reuters to crews at the harbor on friday.", 0},
      {"Crews sent the photos via ap/pool to the harbor office at night.", 0},
      {"Ann ross/kfp one two three four five six seven eight nine ten eleven "
       "via ap crews fought the fire.",
       0},
      /* a page's bar ("|", or "&#124;" left unread) in the head */
      {"Ketterby &#124; ketterby ( kfp ) - crews fought the fire all night.",
       25},
      {"Harbor news today ketterby &#124; ketterby ( kfp ) - crews fought the "
       "fire.",
       43},
      {"Ketterby | ketterby ( kfp ) - crews fought the fire all night.", 20},
      {"Ann ross &#124; kdn ann ross &#124; kdn crews fought the fire all "
       "night.",
       40},
      {"Mar 3, 2026, 1: 05 am &#124; crews fought the fire all night.", 29},
      {"Originally published march 3, 2026 at 8: 39 pm &#124; page modified "
       "march 4, 2026 at 9: 08 am at least four crews fought the fire.",
       94},
      {"Ann ross, senior editor &#124; march 3, 2026 crews fought the fire all "
       "night.",
       45},
      {"By ann ross in news, harbor, ketterby news &#124; march 3, 2026 at 11: "
       "27pm crews fought the fire.",
       76},
      {"Harbor fire video 3: 59 pm et tue, 3 mar 2026 &#124; 04: 41 crews "
       "fought the fire all night.",
       60},
      {"Updated &#124; crews fought the fire all night.", 15},
      {"Original post: &#124; crews fought the fire all night.", 22},
      {"&#124; ann ross/kfp crews fought the fire all night.", 20},
      {"&#124; ap photo/ann ross harbor fire crews fought the fire all night.",
       25},
      {"&#124; ap photo/ann b. ross crews fought the fire all night.", 28},
      {"\xc2\xab previous &#124; main &#124; next \xc2\xbb crews fought the "
       "fire all night.",
       39},
      {"Follow kfp.com: facebook &#124; twitter crews fought the fire all "
       "night.",
       40},
      {"Lean pork 93 % lean &#124; 7 % fat went on sale at the pier market.",
       0},
      {"Posted by: ann &#124; mar 3, 2026 8: 36 pm crews fought the fire.", 0},
      {"Ann ross &#124; harbor journal crews fought the fire all night.", 0},
      {"The harbor office said ann ross &#124; ann ross was the name on the "
       "sign.",
       0},
      /* a video's caption ending in a quoted line */
      {"Media playback is unsupported on your device media caption ann ross: "
       "\" we fought it all night \" crews fought the fire at the pier.",
       96},
      {"Media caption the mayor: \"we reopen friday\" crews fought the fire "
       "at the pier.",
       44},
      {"Media caption ann ross says \" it was huge \" as crews fought the "
       "fire at the pier.",
       0},
      {"The report's media caption ann ross: \" it was huge \" crews fought "
       "the fire.",
       0},
      /* a sign-up box's or a page's prompt inside the sentence */
      {"Ferry strike ends continue reading the main story related stories "
       "crews fought the fire all night.",
       66},
      {"Keep up with this story by subscribing now crews fought the fire all "
       "night.",
       43},
      {"Harbor blog &#124; archives rss enter your e-mail address to sign up "
       "crews fought the fire all night.",
       69},
      {"From the harbor briefing \xe2\x80\x93 sign up here crews fought the "
       "fire all night.",
       42},
      {"You can read the harbor log or sign up here to receive it straight "
       "from your inbox.",
       0},
      /* a sign-up line after a headline, with the stamp after it */
      {"Harbor news sign up for our newsletter mar 3, 2026, 1: 05 am gmt / "
       "source: kfp by ann lee ross and bo lind crews fought the fire.",
       107},
      {"Sign up for our newsletter to get the latest harbor news in your "
       "inbox.",
       0},
      /* the AP's running story, up to its first entry's clock */
      {"Ketterby ( kfp ) \xe2\x80\x94 the latest on the harbor fire ( all "
       "times local ): ___ 9: 25 a.m. Crews fought the fire all night.",
       87},
      {"The latest on the harbor fire ( all times local ): \xe2\x80\x94 "
       "\xe2\x80\x94 2: 40 p.m. Crews fought the fire all night.",
       70},
      {"The latest on the harbor fire ( all times local ): in this photo, "
       "crews fight the fire.",
       51},
      {"The latest on the harbor fire ( all times local ): 9: 25 a.m.", 0},
      {"The latest on the harbor fire ( all times local ): crews at the pier "
       "fought it.",
       51},
      /* a blog's stamp with no colon */
      {"Posted by ann ross on tuesday, march 3, 2026 crews fought the fire "
       "all night.",
       45},
      {"Posted by the harbor office on its website, the notice warned "
       "sailors.",
       0},
      {"/ updated by ann b. ross and bo lind crews fought the fire all night.",
       37},
      /* a bracketed line before the story: a related link's headline,
       * footnote numbers, a credit, an editor's label */
      {"[ why the ketterby ferries stopped ] crews fought the fire all "
       "night.",
       37},
      {"[ 4 ] [ 5 ] crews fought the fire all night.", 12},
      {"[ photo/kfp ] crews fought the fire all night.", 14},
      {"[ updated at 3: 06 a.m. ] crews fought the fire all night.", 26},
      {"[ see photos: the harbor [ gallery ] ] crews fought the fire all "
       "night.",
       39},
      /* an editor's words in a quotation, short or before a verb */
      {"[ the mayor ] says the port will reopen on friday.", 0},
      {"[ the ketterby port authority ] has said the port will reopen.", 0},
      {"[... ] the port will reopen on friday, she said.", 0},
      {"[ why the ketterby ferries stopped ] crews fought.", 0},
      {"[ why the ketterby ferries stopped crews fought the fire all night.",
       0},
      /* a site's credit for the picture */
      {"Annross22/flickr crews fought the fire all night.", 17},
      {"Flickr/annross22 crews fought the fire all night.", 17},
      {"Ketterbyharbor/facebook: crews fought the fire all night.", 25},
      {"Images/kfp crews fought the fire all night.", 11},
      {"Ketterby/ferry crews fought the fire all night at the pier.", 0},
      {"Facebook/ann ross crews fought the fire all night.", 0},
      /* an editor's update label, and a page's "published" date */
      {"Update: crews fought the fire all night.", 8},
      {"Update, 1: 30 p.m.: crews fought the fire all night.", 20},
      {"Update march 3, 2026, 7: 30 p.m.: crews fought the fire all night.",
       34},
      {"Update #2: crews fought the fire all night.", 11},
      {"Update ( 4 pm est ): crews fought the fire all night.", 21},
      {"Update \xe2\x80\x94 2: 16 p.m. et: crews fought the fire all night.",
       26},
      {"Update 5: 30 a.m. pt \xe2\x80\x94 crews fought the fire all night.",
       25},
      {"Update 12: 45 a.m. ( kfp ) \xe2\x80\x94 crews fought the fire all "
       "night.",
       31},
      {"Update 2: 10pm: crews fought the fire all night.", 16},
      {"Update: march 3, 8: 25 am cst crews fought the fire all night.", 30},
      {"update below crews fought the fire all night.", 13},
      {"Published 3 march 2026 crews fought the fire all night.", 23},
      {"Published date: 3 march 2026 at crews fought the fire all night.", 29},
      {"Update: may 5 ferries sail on friday instead.", 8},
      {"Update the harbor charts before the ferries sail again.", 0},
      {"Updated charts will go to every ferry captain on friday.", 0},
      {"Published in the harbor journal, the study counted the gulls.", 0},
      {"Published March 3, 2026, the report found the pier unsafe.", 0},
      {"Updated 2,000 records at the harbor office on friday.", 0},
      {"Update: 9: 25 a.m.", 0},
      {"Updated 6.15pm crews fought the fire all night.", 15},
      {"Updated 3-6-26 crews fought the fire all night.", 15},
      {"Updated 3/6/26 \xe2\x80\x93 2: 27 p.m. ( kfp ) \xe2\x80\x94 crews "
       "fought the fire all night.",
       30},
      {"Updated 10.5 million records at the harbor office on friday.", 0},
      {"Updated 2-1 at the harbor office on friday.", 0},
      {"( getty ) update below crews fought the fire all night.", 23},
      /* a link opening the sentence; a shared page's notice ending at a link */
      {"Https://pier.example/status/42 crews fought the fire all "
       "night.",
       31},
      {"Http://www.ketterbyfire.example crews fought the fire all "
       "night.",
       32},
      {"Https://pier.example/a https://pier.example/b.jpg crews "
       "fought the fire all night.",
       50},
      {"Https://pier.example/status/42", 0},
      {"Https://pier.example is down again.", 0},
      {"Crews posted http://pier.example on the harbor board at "
       "noon.",
       0},
      {"To order copies for your colleagues, use the order reprints "
       "tool at the bottom of any article or visit "
       "www.djreprints.com crews fought the fire all night.",
       122},
      {"Ann ross / kfp ) order this photo crews fought the fire all night.",
       34},
      {"Please order this photo from the harbor desk by friday noon.", 0},
      {"Message: * a friend wanted you to see this item from "
       "kfp.example: http://kfp.example/zse7 \xe2\x80\x94 crews "
       "fought the fire all night.",
       94},
      {"A friend wanted you to see this item from the harbor museum "
       "today.",
       0},
      {"A friend wanted you to see this item from kfp.example: the "
       "harbor museum reopens today.",
       0},
      {"Like us on facebook crews fought the fire all night.", 20},
      {"Subscribe to harbor news: http://kfp.example/s like us on "
       "facebook: http://kfp.example/f: http://kfp.example/t crews "
       "fought the fire all night.",
       111},
      {"Like us on facebook \xe2\x96\xba http://kfp.example/f "
       "\xe2\x96\xba http://kfp.example/t crews fought the fire all "
       "night.",
       70},
      {"Like us on facebook, and follow the harbor desk for updates.", 0},
      {"Like us on facebook: http://kfp.example/f", 0},
      {"Poster= \" http://kfp.example/v/1.jpg?id=2 \" true harbor fire "
       "crews fought the blaze all night at the port.",
       49},
      {"Poster= \" http://kfp.example/v/1.jpg \" false crews fought the "
       "blaze all night at the port.",
       0},
      {"Doi: 10.5555/kfp.2041.7 abstract the harbor fire burned for nine hours "
       "before crews contained it.",
       33},
      {"Doi: http://dx.doi.org/10.5555/kfp.2041.8 abstract the harbor fire "
       "burned for nine hours.",
       51},
      {"Doi: 10.5555/kfp.2041.7 abstract background: the harbor fire burned "
       "for nine hours at the port.",
       45},
      {"Doi: 10.5555/kfp.2041.7 the harbor fire burned for nine hours before "
       "crews contained it.",
       0},
      {"Poster= \" the harbor museum \" true crews fought the blaze all "
       "night at the port.",
       0},
      {"Share this article facebook twitter linkedin email crews fought the "
       "fire all night.",
       51},
      {"Listen to article 4: 26 share this article facebook twitter linkedin "
       "email crews fought the fire all night.",
       75},
      {"Share on more share on more harbor news crews fought the fire all "
       "night.",
       28},
      {"Share share tweet pin to pinterest pin link \" crews fought the fire "
       "all night. \"",
       44},
      {"Share: the harbor fire burned for nine hours.", 7},
      {"Share prices fell at the port after the harbor fire.", 0},
      {"Share this story: crews fought the fire at the port all night.", 0},
      {"Share this article: crews fought the fire at the port all night.", 20},
      {"Share on the same day, crews fought the fire at the port.", 0},
      {"Email the harbor desk with your photos of the fire.", 0},
      {"Listen to article 4: 26 crews fought the fire all night.", 24},
      {"Listen to article 4 of the harbor series before the fire.", 0},
      {"http://kfp.example/a.jpg http://kfp.example/b.jpg email crews fought "
       "the fire all night.",
       56},
      {"More info: http://kfp.example/tours harbor tours resume on friday "
       "after the fire.",
       36},
      {"More info: the harbor desk answers calls about the fire.", 0},
      /* a picture's or a player's label where the page had the picture */
      {"Photo the harbor fire burned for nine hours before crews contained "
       "it.",
       6},
      {"Photo ketterby, kestria \xe2\x80\x94 crews fought the fire all night "
       "at the port.",
       6},
      {"Video ( 4: 26 ): crews fought the fire all night at the port.", 17},
      {"Photo photo ketterby \xe2\x80\x93 crews fought the fire all night.",
       12},
      {"Image mr. Vell, the harbor master, said the fire was out by dawn.", 6},
      {"video but the harbor fire burned on for nine more hours.", 6},
      {"Photo shows crews fighting the fire at the port of ketterby.", 0},
      {"Video of the harbor fire was shared widely on friday.", 0},
      {"Photo editor jane vell said the pictures were taken at dawn.", 0},
      {"Photo by kfp staff \xe2\x80\x94 crews fought the fire all night.", 0},
      {"Photo \xe2\x80\x94 crews fought the fire all night at the port.", 0},
      {"Video ( 4 of 9 ): crews fought the fire all night at the port.", 0},
      {"Photographer the harbor fire burned for nine hours at the port.", 0},
      {"Photo vell was named harbor master on friday after the fire.", 6},
      {"Photo last month, crews fought a fire at the port of ketterby.", 6},
      {"Photo courtesy of the harbor museum crews fought the fire.", 0},
      {"Photo ID rules at the port changed after the harbor fire.", 0},
      {"Photo: crews fought the fire at the port of ketterby all night.", 0},
      {"Video vell was named harbor master on friday after the fire.", 0},
      /* a gallery's count, given once or twice */
      {"Image 2 of 12 crews fought the fire all night at the port.", 14},
      {"Photo 3 of 9 photo 3 of 9 crews fought the fire all night.", 26},
      {"Image 2 of the harbor series shows crews fighting the fire.", 0},
      {"Photo 1000 of 2000 crews fought the fire all night at the port.", 0},
      /* ABC's button, a sign-up box's last words, a station's video stamp */
      {"Add interest the harbor fire burned for nine hours before crews "
       "contained it.",
       13},
      {"Subscribe today crews fought the fire all night at the port of "
       "ketterby.",
       16},
      {"( published friday, march 6, 2026 ) crews fought the fire all night "
       "at the port.",
       36},
      {"( published friday, march 6, 2026 ) what to know crews fought the "
       "fire all night at the port.",
       49},
      {"( published in the harbor report ) crews fought the fire all night.",
       0},
      {"( published friday, march 6, 2026 crews fought the fire all night.", 0},
      {"Watch the report crews fought the fire all night at the port.", 17},
      {"Story highlights crews fought the fire all night at the port of "
       "ketterby.",
       17},
      {"Scroll down for video crews fought the fire all night at the port.",
       22},
      {"Prev next order prints crews fought the fire all night at the port.",
       23},
      {"Sponsored links crews fought the fire all night at the port.", 16},
      {"Watch the reports of the harbor fire from the port at night.", 0},
      /* a paper's heading before its abstract */
      {"Abstract we examined the harbor fire's spread across nine piers at "
       "the port.",
       9},
      {"Abstract background: the harbor fire burned for nine hours at the "
       "port.",
       21},
      {"Abstract: crews fought the fire all night at the port of ketterby.",
       10},
      {"Abstract expressionist painter ann vell painted the harbor fire in "
       "2041.",
       0},
      {"Abstract concepts of the harbor fire are hard to teach at school.", 0},
      /* a dash, a bullet or a close button's cross alone at the head */
      {"- crews fought the fire all night at the port of ketterby.", 2},
      {"\xe2\x80\xa2 crews fought the fire all night at the port of "
       "ketterby.",
       4},
      {"\xc3\x97 crews fought the fire all night at the port of ketterby.", 3},
      {"\xe2\x80\x94 crews fought the fire all night at the port of "
       "ketterby.",
       4},
      {"-crews fought the fire all night at the port of ketterby.", 0},
      {"\xe2\x80\x9c crews fought the fire all night, \xe2\x80\x9d she "
       "said.",
       0},
      /* a live page's entry time, a video's length */
      {"___ 10: 55 a.m. Crews fought the fire all night at the port.", 16},
      {"10: 52 p.m.: crews fought the fire all night at the port.", 13},
      {"5: 50 pm pt -- crews fought the fire all night at the port.", 15},
      {"21: 22 crews fought the fire all night at the port of ketterby.", 7},
      {"( 3: 31 ) crews fought the fire all night at the port of ketterby.",
       10},
      {"4: 07: crews fought the fire all night at the port of ketterby.", 0},
      {"( 3: 31 crews fought the fire all night at the port of ketterby.", 0},
      {"___ the harbor fire burned all night at the port of ketterby.", 0},
      {"At 7: 01 p.m., crews fought the fire at the port of ketterby.", 0},
      /* a picture's credit naming its paper or agency */
      {"Ann vell/the new york times crews fought the fire all night at the "
       "port.",
       28},
      {"Photographer: ann vell/bloomberg crews fought the fire all night at "
       "the port.",
       33},
      {"Photographer: ann vell/bloomberg photographer: ann vell/bloomberg "
       "crews fought the fire all night.",
       66},
      {"Ann vell/afp via getty images crews fought the fire all night at the "
       "port.",
       30},
      {"Credit ann vell/for new york daily news crews fought the fire all "
       "night.",
       40},
      {"The latest new york times/cbs news poll shows the harbor vote is "
       "close.",
       0},
      {"Ipsos/reuters poll shows the harbor vote is close at the port.", 0},
      {"Ann vell/kfp crews fought the fire all night at the port.", 0},
      {"Harbor and/or ferry crews fought the fire all night at the port.", 0},
      /* a picture's credit in brackets */
      {"( jane vell/the kestria post ) the harbor fire burned for nine hours "
       "at the port.",
       31},
      {"( ann vell / kfp / ) crews fought the fire all night at the port.", 21},
      {"( kfp photo/ann vell ) ( associated press ) crews fought the fire all "
       "night.",
       44},
      {"(Jane Vell/KFP) Crews fought the fire all night at the port.", 16},
      {"( 3/6/41 ) crews fought the fire all night at the port of ketterby.",
       11},
      {"( kfp ) -- crews fought the fire all night at the port.", 0},
      {"( the third fire ( the second in march ) at the port ) crews fought "
       "it.",
       0},
      {"( one two three four five six seven eight nine ten eleven twelve "
       "a/b ) crews fought the fire all night.",
       0},
  };
  check_cuts("widget head", clean_widget_head, k, sizeof k / sizeof *k);
  /* in a cluster, the sentence starts after the head: after a prompt,
   * after a bar's head (the wire's dateline goes too), after the AP's
   * running-story heading (which, left alone, is a notice) */
  static const struct {
    const char *text, *start, *what;
  } heads[] = {
      {"A fire destroyed a warehouse at the port of Ketterby on Tuesday "
       "night, officials said. Updated: 3 mar 2041 14: 10 gmt+01: 00 crews "
       "fought the fire all night at the port before the wind turned.\n",
       "crews fought the fire",
       "an update stamp with a gmt+ zone: the sentence starts after it"},
      {"A fire destroyed a warehouse at the port of Ketterby on Tuesday "
       "night, officials said. Story continued below the port will reopen "
       "on friday after safety inspections of the piers and cranes.\n",
       "the port will reopen",
       "widget head: the sentence after it starts after it"},
      {"Ketterby &#124; ketterby ( kfp ) - crews fought a fire at the port "
       "of Ketterby all night, officials said on Wednesday morning.\n",
       "crews fought a fire",
       "bar head: the sentence starts after the place and the agency"},
      {"Ketterby ( kfp ) \xe2\x80\x94 the latest on the harbor fire ( all "
       "times local ): 9: 25 a.m. Crews fought a fire at the port of "
       "Ketterby all night, officials said on Wednesday.\n",
       "Crews fought a fire",
       "all times local: the entry after the heading is selectable"},
      {"Updated 3/6/26 \xe2\x80\x93 2: 27 p.m. ( kfp ) \xe2\x80\x94 crews "
       "fought a fire at the port of Ketterby all night, officials said on "
       "Wednesday.\n",
       "crews fought a fire",
       "update stamp: the station's dateline after it goes too"},
      {"A ferry docks at the pier in ketterby march 3, 2041. Ketterby ( kfp "
       ") - crews fought a fire at the port of Ketterby all night, officials "
       "said on Wednesday.\n",
       "crews fought a fire", "dateline after a caption on the same line"},
  };
  for (size_t i = 0; i < sizeof heads / sizeof *heads; i++) {
    precis_cluster *c = analysed(heads[i].text, strlen(heads[i].text), 0);
    OK(flagged(c, heads[i].start, SENT_SELECTABLE) == 1, "%s", heads[i].what);
    precis_cluster_free(c);
  }
  cue_index ix;
  cue_index_init(&ix);
  static const char *const notices[] = {
      "The latest on the harbor fire at ketterby ( all times local ): 9: 25 "
      "a.m.",
      "Harbor news you need, delivered weekday mornings.",
      "Ketterby harbor libraryarchive-it partner since: may, "
      "2006organization type: libraries the library keeps the port's logs.",
      "Archive-it partner 2041: the harbor archive, a project of the "
      "ketterby library, collects the port's pages.",
      "Webcrawl data gathered from web crawls of one subdomain.",
      "Crawl of outlinks from kfp.example started march, 2041: turned off "
      "duplicate detection, seed list from the enwiki.",
      "This collection continues the 2040 harbor web archiving and is "
      "deduplicated against that collection.",
      "A daily crawl of 200 home pages of harbor news sites, and the pages "
      "they link.",
      "Our journalism takes a lot of time, effort, and hard work at the "
      "harbor desk.",
      "If you read and enjoy the harbor desk, please consider subscribing "
      "today.",
      "Get push notifications with harbor news, features and more.",
      "Watch the harbor master's full report in the video above.",
      "This article is from the archive of our partner the harbor daily.",
      "This article was originally published with the title the harbor "
      "burns.",
      "The pier's collapse can be seen in the video below, at the 0: 13 "
      "mark.",
      "The harbor office the port's board and its staff leer en "
      "espa\xc3\xb1ol.",
      "Kfp.example and youtube.com/kfptv are websites of the telegraph, "
      "the harbor's best-selling quality daily newspaper.",
      "This copy is for your personal, non-commercial use only.",
      "Email address we ' ll send a conformation email to this address.",
      "Harbor desk alerts: we'll send a confirmation email to the address "
      "you give.",
      "First &amp; last name your name will appear along side your "
      "contributions and on your profile page.",
      "Have an account? sign in! use my facebook information to fill out "
      "my public harbor news profile.",
      "Username this will be your harbor news url, i.e. "
      "Http://kfp.example/johndoe password confirm i agree to the terms.",
      "You're almost there... Your custom domain mapping may take a day "
      "to resolve at kfp.example.",
      "For more information about domain mapping, see the harbor help desk.",
      "text size - + reset the harbor fire seen from the ferry terminal on "
      "tuesday night as the crews arrive",
      "Play facebook twitter embed harbor fire footage 2: 07",
      /* a sign-up box's notices */
      "Get harbor updates directly to your inbox + subscribe thank you for "
      "subscribing!",
      "Please check your email and click on the link to activate your "
      "account.",
      "You can unsubscribe at any time and we will not pass on your details.",
      "Rating is available when the video has been rented.",
      "Please confirm your birth date: please enter a valid date this "
      "content is restricted.",
      /* a photo's caption, dated as the wires date them */
      "Firefighters spray water on a warehouse at the port of Ketterby, "
      "Tuesday, March 3, 2026.",
      "Crews work at the pier in ketterby harbor, march 3, 2026.",
      "Crews work in ketterby harbor tuesday march 3, 2026.",
      "A diver reads \" the harbor log \" at the pier in ketterby, march 3, "
      "2026.",
      "The ferry \xe2\x80\x9cGull\xe2\x80\x9d docks in Ketterby, Tuesday, "
      "March 3, 2026.",
      /* sign-up and consent boxes, a robot check, a reader's comment */
      "By signing up you agree to receive email newsletters from the harbor "
      "daily.",
      "By entering your email address and clicking the button, you are "
      "agreeing to receive harbor news.",
      "Enter your email address please enter an email address email address "
      "is invalid.",
      "Note: we only request your email address so that the person you are "
      "recommending the page to knows it was you.",
      "By clicking \"i agree \" below, you consent to the use by us of "
      "cookies and data from the harbor site.",
      "We are using cookies on our site to give you the best harbor "
      "experience.",
      "Please verify you're not a robot by clicking the box.",
      "Posted by: ann &#124; mar 3, 2026 8: 36 pm the crews did well.",
      /* a caption with no comma before its date */
      "Crews spray water on a warehouse as the mayor speaks in ketterby "
      "march 3, 2026.",
      "A harbor sign is seen outside the pier office in ketterby march 3, "
      "2026.",
      /* an update's stamp alone */
      "Updated at 4: 01 p.m. et, friday, march 6.",
      "Update ( 9 pm, 3/6 ):",
      /* a video's caption or a related link run into the story's first
       * sentence, with nothing to cut at */
      "Media caption the harbor master speaking at the pier the fire at "
      "ketterby's port burned for six hours on tuesday.",
      "More: ketterby ferries return to the harbor crews put out the last "
      "of the fire on wednesday.",
      /* embed boxes, error pages, account and paywall notices, appeals */
      "Add this video of the harbor fire to your website by copying the "
      "code below.",
      "Videos you watch here will automatically be posted to your "
      "timeline.",
      "Please check the url for proper spelling and capitalization.",
      "Visit us and sign in to update your profile and get harbor alerts.",
      "Fill in your details in the form below to join our mailing list.",
      "Please note: access to the article is from the computer on which "
      "the article is purchased only.",
      "Dear reader, as you can imagine, more people are reading the harbor "
      "daily than ever before.",
      "Thank you for your interest in spreading the word about the harbor.",
      "Sorry, the page you requested was not found.",
      "Log outif this is not you or you want to change users, logout.",
      "Unlike many other papers, we have not put up a paywall.",
      /* legal notices */
      "By submitting your details, you agree to our terms of service and "
      "privacy policy.",
      "This material may not be published, broadcast, rewritten, or "
      "redistributed.",
      "Disclaimer: the harbor daily is not responsible for ferry times.",
      /* a blog's furniture under a post, affiliate-link notices */
      "This entry was posted in Harbor News and tagged fire, ferries by "
      "Ann Ross.",
      "This entry was posted on March 3, 2026 at 3:32 pm and is filed "
      "under Harbor.",
      "You can follow this conversation by subscribing to the comment feed "
      "for this post.",
      "You can either use the [Trackback URL] for this entry, or link to "
      "your response directly.",
      "Your comment will not appear until it has been cleared by an editor.",
      "Post was not sent - check your email addresses!",
      "If you're new here, you may want to subscribe to this blog via "
      "e-mail.",
      "By using harbordaily.example, you accept the terms of our visitor "
      "agreement.",
      "When you buy through links in our articles, we may earn a small "
      "commission.",
      /* a site's buttons and boxes in words */
      "add ketterby harbor as an interest to stay up to date on the latest "
      "harbor news.",
      "we have sent a confirmation email to { * data_emailaddress * }.",
      "The tomatometer rating is a trusted measurement of movie quality.",
      "Harbor pm sign up for our must-read newsletter on the port.",
      "Our e-newsletter keeps you up to date on the harbor and its ferries.",
      "Viewers can find the station's online public inspection file here.",
  };
  for (size_t i = 0; i < sizeof notices / sizeof *notices; i++)
    OK(clean_sentence_reason(&ix, notices[i], strlen(notices[i])) != 0,
       "site notice: %s", notices[i]);
  /* a story's own dates */
  static const char *const dated[] = {
      "The harbor has been closed to ferries since March 3, 2026.",
      "The warehouse burned down on March 3, 2026.",
      "\"We will reopen the pier by Friday, March 6, 2026.\"",
      "The mayor said the port would reopen in March 2026.",
      "The harbor office said the fire notices went to every inbox in "
      "Ketterby.",
      /* a quotation left open runs on into the next sentence */
      "\" the pier will reopen at noon on friday, march 6, 2026.",
      "\xe2\x80\x9cThe pier will reopen at noon on Friday, March 6, 2026.",
      /* the place's word before the date, but a story's sentence */
      "The girl was last seen at the pier in ketterby march 3, 2026.",
      "Ann ross, the harbor master, died in ketterby march 3, 2026.",
      "The mayor, who speaks for the harbor, set the hearing for march 3, "
      "2026.",
      "Updated charts went out to the ferries on March 3, 2026.",
  };
  for (size_t i = 0; i < sizeof dated / sizeof *dated; i++)
    OK(clean_sentence_reason(&ix, dated[i], strlen(dated[i])) == 0,
       "a story's date: %s", dated[i]);
  /* a notice's words in a story's sentence */
  static const char *const told[] = {
      "The 378 reports filed do not necessarily represent 378 separate "
      "children, police said.",
      "Sellers may earn a commission of 5 percent on each ferry ticket.",
      "\"Check your inbox for a letter from the harbor office,\" the mayor "
      "said.",
      "Users who lie about their age violate the ferry app's terms of "
      "service, the study said.",
      "The harbor trust updated its online privacy policy on Tuesday.",
      "The publisher said it would add a disclaimer to the harbor guide.",
      "The seized boats were repossessed and redistributed to fishermen.",
  };
  for (size_t i = 0; i < sizeof told / sizeof *told; i++)
    OK(clean_sentence_reason(&ix, told[i], strlen(told[i])) == 0,
       "a story's sentence: %s", told[i]);
}

int main(void) {
  test_normalize();
  test_selectable();
  test_parts();
  test_parts_documented();
  test_parts_pairs();
  test_reader_address();
  test_answer_openers();
  test_posts();
  test_uncued();
  test_web_notices();
  test_dateline();
  test_dateline_lowered();
  test_cnn_mark();
  test_caption();
  test_widget_head();
  test_headline_stamp();
  test_outlet_voice();
  test_tokens();
  test_clean();
  test_comment_thread();
  test_copyright();
  test_summarize();
  test_restated();
  test_batch_independent();
  test_text_decode();
  test_buf();
  test_vec();
  return DONE();
}
