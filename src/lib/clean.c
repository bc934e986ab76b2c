/* clean.c — see clean.h.
 *
 * Rules, in the order tried (first match wins). "short" means at most 12
 * words; "open" means the line does not end like a sentence (. ! ? or a
 * closing quote/bracket after one).
 *   R_URL      URL or e-mail density: links make up > 30% of the bytes, or
 *              a short line holds one.
 *   R_MENU     two or more separators (| • · » >) in an open line.
 *   R_LEGAL    copyright sign or legal-notice vocabulary in a line under
 *              80 words ("all rights reserved", "may not be published").
 *   R_CREDIT   photo/image credit markers in a line under 45 words; a
 *              gallery or video-player cue in a line under 80 words, or
 *              under 250 when the sentences holding cues make up a fifth
 *              of its words or more (S_widget_words).
 *   R_PROMPT   interface vocabulary (share, subscribe, sign up, follow us,
 *              read more, comments, newsletter, advertisement, cookies)
 *              in a short line.
 *   R_BYLINE   "By Name ..." or "Name, Reporter" shapes: open, short,
 *              mostly capitalised.
 *   R_TIME     open, short, and made of date/time words and numbers.
 *   R_REPEAT   an open line of at most 12 words seen in another article.
 *   R_SHORT    an open line of at most 3 words (labels, buttons).
 *   R_LIST     an open line of 6+ words, nearly no stopwords and mostly
 *              capitalised (tag lists, link lists).
 *   R_BRACKET  a whole line inside (...) or [...], or ending "[ edit ]".
 *   R_SOCIAL   an embedded post: an @handle in parentheses, or a line
 *              opening with a social or media widget label.
 *   R_BLOCK    open, title-like lines right after a "Read more:" or
 *              "Related:" prompt (a list of links whose anchors remain).
 *   R_THREAD   a readers' comment thread, from its heading ("23 Comments",
 *              "Leave a Reply") or its first signature ("Posted by: NAME |
 *              DATE", a "Reply" button) to the article's end (S_thread).
 * Within one article, a line that repeats an earlier line verbatim is
 * dropped (captions and widgets repeat; prose does not).
 * A remaining open line is a headline (kept as context, not selected)
 * when it is capitalised like a title or is an article's first line.
 */
#include "clean.h"
#include "html.h"
#include "sentence.h"
#include "token.h"

#include <string.h>

enum {
  R_NONE = 0,
  R_URL,
  R_MENU,
  R_LEGAL,
  R_CREDIT,
  R_PROMPT,
  R_BYLINE,
  R_TIME,
  R_REPEAT,
  R_SHORT,
  R_LIST,
  R_BRACKET,
  R_SOCIAL,
  R_BLOCK,
  R_THREAD,
  R_COUNT
};

static const char *const reason_names[R_COUNT] = {
    "content", "url",       "menu",      "legal",      "credit",
    "prompt",  "byline",    "timestamp", "repeated",   "short",
    "list",    "bracketed", "social",    "link-block", "comments"};

const char *clean_reason(unsigned reason) {
  return reason < R_COUNT ? reason_names[reason] : "?";
}

static int S_lower(int c) {
  return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Case-insensitive ASCII search of needle (lower-case; other bytes match
 * themselves) in s[0..n). */
static const char *S_find_ci(const char *s, size_t n, const char *needle) {
  size_t m = strlen(needle);
  if (m == 0 || m > n) return NULL;
  const unsigned char *nd = (const unsigned char *)needle;
  for (size_t i = 0; i + m <= n; i++) {
    if (S_lower((unsigned char)s[i]) != nd[0]) continue;
    size_t k = 1;
    while (k < m && S_lower((unsigned char)s[i + k]) == nd[k])
      k++;
    if (k == m) return s + i;
  }
  return NULL;
}

/* "archive-it partner": the Internet Archive's profile of who saved a
 * page ("... archive-it partner since: DATE"), not the story; "are
 * websites of the telegraph": a video page's footer naming its sites.
 * "copyright" alone is also a story's word ("protected by copyright",
 * "copyright law"): a notice has a year or a sign after it, or opens an
 * open line (S_classify); so are "disclaimer", "redistributed", "terms
 * of service" and "privacy policy" ("violates facebook's terms of
 * service"), which count in a notice's words only. The fair-use notice
 * that many sites print under what they republish (17 U.S.C. 107) is
 * known by its template's phrases, which a story about copyright does
 * not use ("... not always been specifically authorized by the copyright
 * owner", "... distributed without profit to those who have expressed a
 * prior interest", "you must request permission from the copyright
 * owner"). */
static const char *const legal_cues[] = {
    "all rights reserved",
    "copyright (c)",
    "copyright 19",
    "copyright 20",
    "\xc2\xa9",
    "may not be published",
    "may not be reproduced",
    "rewritten or redistributed",
    "rewritten, or redistributed",
    "our terms of",
    "our privacy policy",
    "privacy policy and terms",
    "terms of use and privacy",
    "terms of service and privacy",
    "the views expressed",
    "does not necessarily reflect",
    "disclaimer:",
    "legal disclaimer",
    "reproduction without",
    "non-commercial use",
    "(c) 20",
    "(c) 19",
    "archive-it partner",
    "are websites of the telegraph",
    "authorized by the copyright owner",
    "distributed without profit to",
    "title 17 u.s.c",
    "must request permission from the copyright",
    "must obtain permission from the copyright",
    NULL};

static const char *const credit_cues[] = {"photo:",
                                          "photo by",
                                          "photograph:",
                                          "photographs:",
                                          "photo credit",
                                          "image:",
                                          "image copyright",
                                          "image caption",
                                          "images)",
                                          "image source",
                                          "getty images",
                                          "ap photo",
                                          "/ap)",
                                          "... (associated press)",
                                          "... (ap)",
                                          "/reuters",
                                          "reuters/",
                                          "/afp",
                                          "courtesy of",
                                          "afp photo",
                                          "(photo",
                                          "(image",
                                          "credit:",
                                          "photo illustration",
                                          "file photo",
                                          "pictured:",
                                          "(file)",
                                          "shutterstock",
                                          "epa/",
                                          "contributed to this report",
                                          "contributed reporting",
                                          "contributed to this story",
                                          NULL};

/* Photo-gallery and video-player widgets: the whole line goes (unless
 * it is long and mostly story: S_widget_words). */
static const char *const gallery_cues[] = {"image 1 of",
                                           "photo 1 of",
                                           "caption close",
                                           "hide caption",
                                           "back to gallery",
                                           "view photos",
                                           "buy photo",
                                           "autoplay",
                                           "full screen",
                                           "this image provided by",
                                           "this photo provided by",
                                           "in this photo",
                                           "in this image",
                                           "in this file photo",
                                           "(published ",
                                           "javascript",
                                           "your browser",
                                           "enable cookies",
                                           "text size - +",
                                           "play facebook twitter",
                                           NULL};

static const char *const prompt_cues[] = {"share this",
                                          "share on",
                                          "share:",
                                          "subscribe",
                                          "sign up",
                                          "newsletter",
                                          "follow us",
                                          "follow @",
                                          "follow him",
                                          "follow her",
                                          "on twitter",
                                          "on facebook",
                                          "on instagram",
                                          "read more",
                                          "read or share",
                                          "show more",
                                          "see more",
                                          "click here",
                                          "tap here",
                                          "comments",
                                          "leave a comment",
                                          "comment box",
                                          "submit your questions",
                                          "advertisement",
                                          "sponsored",
                                          "cookie",
                                          "log in",
                                          "login",
                                          "email this",
                                          "e-mail this",
                                          "print this",
                                          "related:",
                                          "related articles",
                                          "related stories",
                                          "recommended",
                                          "more from",
                                          "watch:",
                                          "video:",
                                          "listen:",
                                          "download the",
                                          "our app",
                                          "continue reading",
                                          "skip to",
                                          "back to top",
                                          "join the conversation",
                                          "load more",
                                          "most popular",
                                          "trending",
                                          "you may also like",
                                          "don't miss",
                                          "tweet",
                                          "whatsapp",
                                          "pinterest",
                                          "linkedin",
                                          "reddit",
                                          "currency converter",
                                          "all news",
                                          "breaking news alert",
                                          "get the latest",
                                          "delivered weekday mornings",
                                          NULL};

/* A sign-up box's notices: a sentence under 40 words holding one is the
 * site's, not the story's (the box's last words, glued to the story,
 * are cut off by S_notice_at). The AP's running-story heading is one
 * when no entry follows it in the sentence (S_all_times_local_at). */
static const char *const notice_cues[] = {"to your inbox",
                                          "link to activate your",
                                          "please check your email",
                                          "unsubscribe at any time",
                                          "never miss a local story",
                                          "video has been rented",
                                          "please confirm your birth",
                                          "content is restricted",
                                          "by signing up you agree",
                                          "you are agreeing to receive",
                                          "email address is invalid",
                                          "we only request your email",
                                          "consent to the use by us",
                                          "we are using cookies",
                                          "you're not a robot",
                                          "send a confirmation email",
                                          "send a conformation email",
                                          "on your profile page",
                                          "fill out my public",
                                          "password confirm",
                                          "custom domain mapping may",
                                          "information about domain mapping",
                                          "help us deliver journalism",
                                          "our journalism takes",
                                          "please consider subscribing",
                                          "get push notifications",
                                          "leer en espa",
                                          "video above", /* a player the */
                                          "video below", /* brief lacks */
                                          "archive of our partner",
                                          "originally published with the title",
                                          "( all times local )",
                                          /* embed, share and player boxes */
                                          "by copying the code below",
                                          "share videos you watch",
                                          "posted to your timeline",
                                          "will be included in your message",
                                          /* error pages */
                                          "check the url for proper",
                                          "if you try searching below",
                                          "having trouble locating a",
                                          "page you requested was not found",
                                          /* accounts, lists, paywalls */
                                          "to update your profile",
                                          "join our mailing list",
                                          "appchoices app",
                                          "purchase the current issue",
                                          "article is purchased only",
                                          "star-rate and review",
                                          "does not permit distribution",
                                          "have not put up a paywall",
                                          "keep our journalism open",
                                          "loginwidget",
                                          "if this is not you",
                                          "logged out of your",
                                          NULL};

/* A blog's furniture under a post, and affiliate-link notices: site
 * notices too (indexed as CUE_NOTICE). */
static const char *const blog_cues[] = {"this entry was posted",
                                        "this entry was written by",
                                        "trackback url",
                                        "comment feed for this",
                                        "comment will not appear until",
                                        "cannot share posts by email",
                                        "check your email addresses",
                                        "inbox for a confirmation",
                                        "subscribe to this blog",
                                        "you accept the terms of our",
                                        "we may earn a commission",
                                        "we may earn a small commission",
                                        "may earn an affiliate commission",
                                        NULL};

/* A news site's buttons and boxes in words, notices too: ABC's follow
 * button ("add NAME as an interest to stay up to date on the latest NAME
 * news, video, and analysis from abc news."), a sign-up box's reply, a
 * review site's note on its own score. */
static const char *const follow_cues[] = {"as an interest to stay up to date",
                                          "sent a confirmation email to",
                                          "the tomatometer rating",
                                          "sign up for our must-read",
                                          "newsletter keeps you up to date",
                                          "online public inspection file",
                                          NULL};

/* Video-player and gallery widgets open the whole block they caption. */
static const char *const media_lead_cues[] = {
    "close ", "embed ",    "media playback", "just watched", "video:",
    "watch:", "slideshow", "hide caption",   "image 1 of",   "photo 1 of",
    NULL};

/* Cues that count only at the start of a line. */
static const char *const lead_cues[] = {"learn more",
                                        "find out more",
                                        "see the full",
                                        "read the full",
                                        "read more",
                                        "related",
                                        "more from",
                                        "see all",
                                        "check out",
                                        "click here",
                                        "topics:",
                                        "tags:",
                                        "image:",
                                        "images:",
                                        "photo:",
                                        "photos:",
                                        "video:",
                                        "slideshow",
                                        "close",
                                        "embed",
                                        "media playback",
                                        "media caption",
                                        "more:",
                                        "enlarge",
                                        "just watched",
                                        "watch:",
                                        "listen:",
                                        "source:",
                                        "/ source",
                                        "follow ",
                                        "sign up",
                                        "subscribe",
                                        "advertisement",
                                        "story continues",
                                        "hide caption",
                                        "caption",
                                        "image 1 of",
                                        "photo 1 of",
                                        "file -",
                                        "file photo",
                                        "pictures image",
                                        "more news videos",
                                        "skip in skip",
                                        "posted by:",
                                        "dear reader,",
                                        "thank you for your interest in",
                                        NULL};

/* More lead cues: the page speaking to its reader, a link's or a
 * button's words that open a sentence ("See also: HEADLINE STORY",
 * "Click on the map for a larger view.", "View images CAPTION"). The
 * headline a link runs into the story has no end to cut at, so the
 * sentence goes whole. Not "See," nor "Note the four suckers". */
static const char *const reader_cues[] = {"see also",
                                          "see it:",
                                          "see below",
                                          "see our ",
                                          "see the most-read",
                                          "see pdf",
                                          "see individual offer",
                                          "read also",
                                          "read:",
                                          "read on for",
                                          "read the rest",
                                          "view images",
                                          "view image",
                                          "view caption",
                                          "view larger",
                                          "view full",
                                          "view slideshow",
                                          "view gallery",
                                          "view photo",
                                          "view graphics",
                                          "view archive",
                                          "click on",
                                          "click through",
                                          "click to ",
                                          "click above",
                                          "click below",
                                          "click or tap",
                                          "click ok",
                                          "click over",
                                          "click the ",
                                          "click image",
                                          "watch a clip",
                                          "watch a preview",
                                          "watch the full",
                                          "watch the latest",
                                          "watch this full",
                                          "watch free",
                                          "listen to the audio",
                                          "listen to this",
                                          "go here",
                                          "go deeper:",
                                          "get updates",
                                          "get metro",
                                          "get the weekender",
                                          "get fast forward",
                                          "get the full story",
                                          "more on this story",
                                          "download the",
                                          "or click",
                                          "watch video",
                                          NULL};

/* strlen(w) if s opens with w (lower-case), ignoring case; 0 if not.
 * Bytes compare unsigned, so w may hold UTF-8 ("\xc2\xab"). */
static size_t S_prefix_ci(const char *s, size_t n, const char *w) {
  size_t k = 0;
  for (; w[k]; k++) /* most cues fail on the first byte: no strlen */
    if (k == n || S_lower((unsigned char)s[k]) != (unsigned char)w[k]) return 0;
  return k;
}

static int S_starts_ci(const char *s, size_t n, const char *const *list) {
  size_t i = 0;
  while (i < n && (s[i] == '(' || s[i] == '[' || s[i] == '*' || s[i] == ' '))
    i++;
  for (; *list; list++)
    if (S_prefix_ci(s + i, n - i, *list)) return 1;
  return 0;
}

static int S_bracketed(const char *s, size_t n) {
  if (n >= 2 &&
      ((s[0] == '(' && s[n - 1] == ')') || (s[0] == '[' && s[n - 1] == ']')))
    return 1;
  return n >= 8 && S_find_ci(s + n - 8, 8, "[ edit ]") != NULL;
}

/* Start of the line's last sentence (after the last ". "), or 0. */
static size_t S_last_sentence(const char *s, size_t n) {
  for (size_t i = n >= 3 ? n - 3 : 0; i > 0; i--)
    if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ')
      return i + 2;
  return 0;
}

/* A line ending in a parenthesised credit: "(Name/Outlet)". */
static int S_credit_tail(const char *s, size_t n) {
  if (n < 4 || s[n - 1] != ')') return 0;
  size_t i = n - 1;
  while (i > 0 && s[i] != '(' && n - i < 120)
    i--;
  if (s[i] != '(') return 0;
  return memchr(s + i, '/', n - i) != NULL && i > 0;
}

/* A gallery's counter opening s, "1 of 6." / "3 of 15 Photos" (a line
 * of its own, or after "Hide Caption" or "Image"): where its last number
 * ends, 0 if s opens none. */
static size_t S_gallery_head(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && s[i] >= '0' && s[i] <= '9')
    i++;
  if (i == 0 || i > 3 || n - i < 5 || S_prefix_ci(s + i, n - i, " of ") != 4)
    return 0;
  i += 4;
  size_t j = i;
  while (j < n && s[j] >= '0' && s[j] <= '9')
    j++;
  return j > i ? j : 0;
}

/* "(@handle)", " @handle", "\"@handle" or an opening "@handle" followed
 * by a word character. */
static int S_has_handle(const char *s, size_t n) {
  for (size_t i = 0; i + 1 < n; i++) {
    if (s[i] != '@') continue;
    unsigned char p = i ? (unsigned char)s[i - 1] : ' ';
    unsigned char q = (unsigned char)s[i + 1];
    if ((p == '(' || p == ' ' || p == '"') &&
        ((q >= 'a' && q <= 'z') || (q >= 'A' && q <= 'Z') || q == '_'))
      return 1;
  }
  return 0;
}

/* The words of a date, a clock and a page's time stamp (S_time_class).
 * A month may be cut short ("sept.", "jan"), a weekday may not ("sat"
 * and "sun" are words). */
static const char *const month_words[] = {
    "january", "february",  "march",   "april",    "may",      "june", "july",
    "august",  "september", "october", "november", "december", NULL};
static const char *const weekday_words[] = {"monday",   "tuesday", "wednesday",
                                            "thursday", "friday",  "saturday",
                                            "sunday",   NULL};
/* a clock's or a time zone's words, and what joins them to a date */
static const char *const clock_words[] = {
    "am",  "pm",  "a.m", "p.m", "gmt", "utc", "et", "edt", "est", "bst", "cet",
    "pst", "pdt", "cst", "cdt", "pt",  "mt",  "ct", "at",  "on",  NULL};
static const char *const stamp_words[] = {
    "updated", "published", "posted", "last", "modified", "ago", "hours",
    "hour",    "minutes",   "min",    "read", "by",       NULL};

/* Words about web infrastructure: archive notices, error pages. */
static const char *const webmeta_words[] = {"web ",
                                            "webpage",
                                            "website",
                                            "pages",
                                            "archive",
                                            "captures",
                                            "browser",
                                            "url",
                                            "links",
                                            "server",
                                            "404",
                                            "subdomain",
                                            "duplicate detection",
                                            "enwiki",
                                            "home pages",
                                            NULL};
/* ... and those of web archiving, which a story's sentence seldom holds
 * (also webmeta words: S_scan counts them among those) */
static const char *const webarchive_words[] = {
    "crawl",      "wayback",  "internet archive", "webcrawl",
    "seed list",  "seedlist", "deduplicated",     "web archiving",
    "archive-it", "warcs",    "heritrix",         NULL};

/* ---- one-pass cue matching ----
 * All cue lists go into one table chained by first byte, so a line is
 * scanned once whatever the number of cues (the naive way, one search
 * per cue, was most of the pipeline's time). Chains are keyed by the
 * first two bytes (every cue has at least two), and filtered by a bit
 * per hash of the first three. The index is immutable once
 * built and lives in the cluster. */

enum {
  CUE_LEGAL = 1,
  CUE_CREDIT = 2,
  CUE_GALLERY = 4,
  CUE_PROMPT = 8,
  CUE_WEBMETA = 16,
  CUE_NOTICE = 32,
  CUE_WEBARCHIVE = 64 /* with CUE_WEBMETA */
};

/* Bit of cue_index.has for three lower-cased bytes, packed into one
 * word as abc (a multiplicative hash to 16 bits), or given one by one. */
static unsigned S_tri_word(unsigned abc) {
  return (uint32_t)(abc * 2654435761u) >> 16;
}

static unsigned S_tri(unsigned a, unsigned b, unsigned c) {
  return S_tri_word(a << 16 | b << 8 | c);
}

static void S_index_list(cue_index *ix, const char *const *list,
                         unsigned char kind) {
  for (; *list && ix->n < CUE_MAX; list++) {
    size_t k = ix->n++;
    unsigned char c0 = (unsigned char)(*list)[0];
    ix->cue[k] = *list;
    ix->len[k] = (unsigned char)strlen(*list);
    ix->kind[k] = kind;
    unsigned key = (unsigned)c0 << 8 | (unsigned char)(*list)[1];
    ix->next[k] = ix->head[key];
    ix->head[key] = (short)k;
    /* a two-byte cue (the copyright sign) may be followed by anything,
     * or end the line (the scan's third byte is then 0) */
    unsigned lo = ix->len[k] > 2 ? (unsigned char)(*list)[2] : 0;
    unsigned hi = ix->len[k] > 2 ? lo : 255;
    for (unsigned c2 = lo; c2 <= hi; c2++) {
      unsigned bit = S_tri(c0, (unsigned char)(*list)[1], c2);
      ix->has[bit >> 6] |= (uint64_t)1 << (bit & 63);
    }
  }
}

void cue_index_init(cue_index *ix) {
  memset(ix, 0, sizeof *ix);
  for (size_t i = 0; i < 65536; i++)
    ix->head[i] = -1;
  S_index_list(ix, legal_cues, CUE_LEGAL);
  S_index_list(ix, credit_cues, CUE_CREDIT);
  S_index_list(ix, gallery_cues, CUE_GALLERY);
  S_index_list(ix, prompt_cues, CUE_PROMPT);
  /* the webmeta words are indexed consecutively, fewer than 64 of them:
   * S_scan tells them apart by index modulo 64 */
  S_index_list(ix, webmeta_words, CUE_WEBMETA);
  S_index_list(ix, webarchive_words, CUE_WEBMETA | CUE_WEBARCHIVE);
  S_index_list(ix, notice_cues, CUE_NOTICE);
  S_index_list(ix, blog_cues, CUE_NOTICE);
  S_index_list(ix, follow_cues, CUE_NOTICE);
  for (int l = 0; l < 2; l++)
    for (const char *const *c = l ? reader_cues : lead_cues; *c; c++) {
      const unsigned char *u = (const unsigned char *)*c;
      unsigned tri = S_tri(u[0], u[1], u[2]);
      ix->lead[tri >> 6] |= (uint64_t)1 << (tri & 63);
    }
}

/* A sentence or line that a lead cue or a reader cue opens, or an
 * editor's "Note:" to the reader ("Note: some images in this report are
 * graphic"); a note in brackets is the story's ("( note: the abortion
 * pill is not the same as the morning-after pill. )"). The lists are
 * read only when ix->lead holds the bit of s's first three bytes. */
static int S_lead(const cue_index *ix, const char *s, size_t n) {
  if (S_prefix_ci(s, n, "note:")) return 1;
  size_t i = 0;
  while (i < n && (s[i] == '(' || s[i] == '[' || s[i] == '*' || s[i] == ' '))
    i++;
  if (n - i < 3) return 0; /* every cue has three bytes or more */
  unsigned tri = S_tri((unsigned)S_lower((unsigned char)s[i]),
                       (unsigned)S_lower((unsigned char)s[i + 1]),
                       (unsigned)S_lower((unsigned char)s[i + 2]));
  if (!(ix->lead[tri >> 6] >> (tri & 63) & 1)) return 0;
  return S_starts_ci(s, n, lead_cues) || S_starts_ci(s, n, reader_cues);
}

typedef struct cue_hits {
  unsigned kinds;   /* CUE_* bits seen */
  unsigned webmeta; /* distinct webmeta words seen */
} cue_hits;

static void S_scan(const cue_index *ix, const char *s, size_t n, cue_hits *h) {
  uint64_t seen_meta = 0;
  h->kinds = 0;
  h->webmeta = 0;
  if (n < 2) return; /* every cue has at least two bytes */
  /* the three lower-cased bytes at i in one word, shifted on by a byte */
  unsigned w = (unsigned)S_lower((unsigned char)s[0]) << 8 |
               (unsigned)S_lower((unsigned char)s[1]);
  for (size_t i = 0; i + 1 < n; i++) {
    unsigned b2 = i + 2 < n ? (unsigned)S_lower((unsigned char)s[i + 2]) : 0;
    w = (w << 8 & 0xffff00u) | b2;
    unsigned tri = S_tri_word(w);
    if (!(ix->has[tri >> 6] >> (tri & 63) & 1)) continue;
    unsigned b0 = w >> 16, b1 = w >> 8 & 255;
    for (short k = ix->head[b0 << 8 | b1]; k >= 0; k = ix->next[k]) {
      size_t m = ix->len[k];
      if (m > n - i) continue;
      const char *cue = ix->cue[k];
      size_t j = 2;
      while (j < m && S_lower((unsigned char)s[i + j]) == (unsigned char)cue[j])
        j++;
      if (j < m) continue;
      h->kinds |= ix->kind[k];
      if (ix->kind[k] & CUE_WEBMETA) { /* consecutive: no bit clash */
        uint64_t bit = (uint64_t)1 << (k % 64);
        if (!(seen_meta & bit)) {
          seen_meta |= bit;
          h->webmeta++;
        }
      }
    }
  }
}

typedef struct feats {
  size_t words, caps, stops, digits_words, timeish;
  size_t url_bytes, n_urls, n_sep;
  int open; /* no sentence-final punctuation */
  int first_is_by;
} feats;

static int S_is_word_byte(unsigned char c) {
  return c != ' ' && c != '\n';
}

static int S_small_stop(const char *w, size_t n) {
  static const char *const sw[] = {
      "a",    "an",    "the",   "of",   "to",    "in",    "on",   "and",
      "or",   "for",   "is",    "was",  "are",   "were",  "be",   "been",
      "has",  "have",  "had",   "it",   "its",   "that",  "this", "with",
      "as",   "at",    "by",    "from", "he",    "she",   "they", "we",
      "i",    "you",   "his",   "her",  "their", "not",   "but",  "said",
      "will", "would", "which", "who",  "after", "about", "than", "there",
      "can",  "into",  "more",  "when", "if",    "no",    NULL};
  char low[8];
  if (n >= sizeof low) return 0;
  for (size_t i = 0; i < n; i++)
    low[i] = (char)S_lower((unsigned char)w[i]);
  low[n] = '\0';
  for (const char *const *p = sw; *p; p++)
    if (strcmp(*p, low) == 0) return 1;
  return 0;
}

enum {
  TW_MARK = 1,   /* punctuation only: "|" */
  TW_NUMBER = 2, /* "29,", "1:", "2026" */
  TW_MONTH = 4,
  TW_DAY = 8,
  TW_CLOCK = 16,
  TW_STAMP = 32,
  TW_DATE = TW_NUMBER | TW_MONTH | TW_DAY | TW_CLOCK /* a date's or clock's */
};

/* The classes seen over a run of words make a date or a clock: a number
 * with a month ("march 3") or with a clock's word ("4: 01 pm"). */
static int S_dated(unsigned seen) {
  return (seen & TW_NUMBER) && (seen & (TW_MONTH | TW_CLOCK));
}

/* What the word w[0..n) is in a date, a clock or a time stamp, 0 if
 * nothing: ",:|()" are skipped, a final "." dropped, case ignored. */
static unsigned S_time_class(const char *w, size_t n) {
  char low[12];
  size_t k = 0;
  for (size_t i = 0; i < n && k < sizeof low - 1; i++) {
    unsigned char c = (unsigned char)w[i];
    if (c == ',' || c == ':' || c == '|' || c == '(' || c == ')') continue;
    low[k++] = (char)S_lower(c);
  }
  low[k] = '\0';
  if (k == 0) return TW_MARK;
  if (low[0] >= '0' && low[0] <= '9') return TW_NUMBER;
  if (strncmp(low, "gmt+", 4) == 0) return TW_CLOCK; /* "gmt+02: 00" */
  if (k > 1 && low[k - 1] == '.') low[--k] = '\0';
  for (const char *const *p = month_words; k >= 3 && *p; p++)
    if (strncmp(low, *p, k) == 0) return TW_MONTH;
  static const struct {
    const char *const *list;
    unsigned cls;
  } sets[] = {{weekday_words, TW_DAY},
              {clock_words, TW_CLOCK},
              {stamp_words, TW_STAMP}};
  for (size_t j = 0; j < sizeof sets / sizeof *sets; j++)
    for (const char *const *p = sets[j].list; *p; p++)
      if (strcmp(low, *p) == 0) return sets[j].cls;
  return 0;
}

static int S_ends_sentence(const char *s, size_t n) {
  while (n > 0) {
    unsigned char c = (unsigned char)s[n - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*' || c == '_') {
      n--;
      continue;
    }
    /* closing curly quotes ” ’ (E2 80 9D / E2 80 99) and » */
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 &&
        (unsigned char)s[n - 2] == 0x80 && (c == 0x9D || c == 0x99)) {
      n -= 3;
      continue;
    }
    break;
  }
  if (n == 0) return 0;
  unsigned char c = (unsigned char)s[n - 1];
  if (c == '.' || c == '!' || c == '?') return 1;
  /* … (E2 80 A6) */
  if (n >= 3 && c == 0xA6 && (unsigned char)s[n - 2] == 0x80 &&
      (unsigned char)s[n - 3] == 0xE2)
    return 1;
  return 0;
}

static void S_features(const char *s, size_t n, feats *f, int ratios) {
  memset(f, 0, sizeof *f);
  size_t i = 0;
  while (i < n) {
    while (i < n && !S_is_word_byte((unsigned char)s[i]))
      i++;
    if (i >= n) break;
    size_t st = i;
    while (i < n && S_is_word_byte((unsigned char)s[i]))
      i++;
    const char *w = s + st;
    size_t wl = i - st;
    unsigned char c0 = (unsigned char)w[0];
    if (wl == 1 && (c0 == '|' || c0 == '>' || c0 == '/' || c0 == '-'))
      f->n_sep++;
    if ((wl == 2 && c0 == 0xC2 &&
         ((unsigned char)w[1] == 0xB7 || (unsigned char)w[1] == 0xBB)) ||
        (wl == 3 && c0 == 0xE2 && (unsigned char)w[1] == 0x80 &&
         (unsigned char)w[2] == 0xA2))
      f->n_sep++; /* · » • */
    f->words++;
    if (f->words == 1 && wl == 2 && (w[0] == 'B' || w[0] == 'b') && w[1] == 'y')
      f->first_is_by = 1;
    size_t j = 0;
    while (j < wl && (w[j] == '"' || w[j] == '(' || w[j] == '\''))
      j++;
    if (j < wl && w[j] >= 'A' && w[j] <= 'Z') f->caps++;
    if (j < wl && w[j] >= '0' && w[j] <= '9') f->digits_words++;
    if ((wl > 7 &&
         (memcmp(w, "http://", 7) == 0 || memcmp(w, "https://", 8) == 0)) ||
        (wl > 4 && memcmp(w, "www.", 4) == 0) ||
        (memchr(w, '@', wl) && memchr(w, '.', wl) && wl > 5 && w[0] != '@')) {
      f->n_urls++;
      f->url_bytes += wl;
    }
  }
  f->open = !S_ends_sentence(s, n);
  /* stopword and time-word ratios only matter for short lines (R_TIME,
   * R_LIST): a second pass, skipped for prose paragraphs */
  if (ratios && f->words <= 40) {
    for (i = 0; i < n;) {
      while (i < n && !S_is_word_byte((unsigned char)s[i]))
        i++;
      size_t st = i;
      while (i < n && S_is_word_byte((unsigned char)s[i]))
        i++;
      if (i == st) break;
      if (S_small_stop(s + st, i - st)) f->stops++;
      if (S_time_class(s + st, i - st)) f->timeish++;
    }
  }
  /* internal pipes count as separators even without spaces */
  for (i = 0; i < n; i++)
    if (s[i] == '|') f->n_sep += (i > 0 && s[i - 1] != ' ');
}

static uint64_t S_hash_line(const char *s, size_t n) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)S_lower((unsigned char)s[i]);
    h *= 0x100000001b3ull;
  }
  return h ? h : 1;
}

/* Words in the sentences of s (split after ". ", "! ", "? ") that hold a
 * credit or gallery cue, and in *tail the words after the last of them.
 * A widget's text is made of such sentences, and a caption block ends
 * in a credit; an article flattened onto one line (Multi-News's
 * sources) carries a widget's remains in a few of its sentences and
 * goes on with its story. */
static size_t S_widget_words(const cue_index *ix, const char *s, size_t n,
                             size_t *tail) {
  size_t words = 0, st = 0;
  *tail = 0;
  for (size_t i = 0; i <= n; i++) {
    if (i < n && !((s[i] == '.' || s[i] == '!' || s[i] == '?') &&
                   (i + 1 == n || s[i + 1] == ' ')))
      continue;
    size_t e = i < n ? i + 1 : n;
    cue_hits h;
    S_scan(ix, s + st, e - st, &h);
    size_t w = count_words(s + st, e - st);
    if (h.kinds & (CUE_CREDIT | CUE_GALLERY)) {
      words += w;
      *tail = 0;
    } else {
      *tail += w;
    }
    st = e;
  }
  return words;
}

/* A gallery line of 80 to 250 words goes whole when it is a widget: its
 * cue sentences make up a fifth of its words or more and it does not go
 * on with 40 words of prose after the last of them. */
static int S_widget_line(const cue_index *ix, const char *s, size_t n,
                         size_t words) {
  if (words < 80) return 1;
  size_t tail, cue = S_widget_words(ix, s, n, &tail);
  return cue * 5 >= words && tail < 40;
}

static unsigned S_classify(const cue_index *ix, const char *s, size_t n,
                           const feats *f, int repeated, unsigned *kinds) {
  cue_hits h;
  S_scan(ix, s, n, &h);
  *kinds = h.kinds;
  int is_short = f->words <= 12;
  if (S_bracketed(s, n) && f->words <= 40) return R_BRACKET;
  if (f->words <= 60 && S_has_handle(s, n)) return R_SOCIAL;
  if (f->words <= 25 && S_lead(ix, s, n)) return R_PROMPT;
  if (f->words < 100 && S_starts_ci(s, n, media_lead_cues)) return R_CREDIT;
  if (f->url_bytes * 10 > n * 3 || (f->n_urls && is_short)) return R_URL;
  if (f->n_sep >= 2 && f->open && (f->words <= 30 || f->n_sep * 6 >= f->words))
    return R_MENU;
  if (f->words < 80 && (h.kinds & CUE_LEGAL)) return R_LEGAL;
  if (f->open && f->words <= 20 && S_prefix_ci(s, n, "copyright"))
    return R_LEGAL; /* "Copyright Guardian News & Media Limited" */
  if (f->words < 45 && (h.kinds & CUE_CREDIT)) return R_CREDIT;
  if (f->words < 250 && (h.kinds & CUE_GALLERY) &&
      S_widget_line(ix, s, n, f->words))
    return R_CREDIT;
  if (f->words < 80 && S_credit_tail(s, n)) return R_CREDIT;
  if (f->words < 80 && S_gallery_head(s, n) > 0) return R_CREDIT;
  if (f->words < 120 && h.webmeta >= 4) return R_LEGAL;
  if (f->words < 80) {
    /* a caption or teaser whose last sentence is a credit or a prompt */
    size_t t = S_last_sentence(s, n);
    if (t && (h.kinds & CUE_CREDIT)) {
      cue_hits th;
      S_scan(ix, s + t, n - t, &th);
      if (th.kinds & CUE_CREDIT) return R_CREDIT;
    }
    if (t && S_starts_ci(s + t, n - t, lead_cues)) return R_PROMPT;
  }
  if (is_short && (h.kinds & CUE_PROMPT)) return R_PROMPT;
  if (f->open && f->first_is_by && f->words <= 10) return R_BYLINE;
  /* a clock time ending the line leaves a period that ends nothing */
  int clock_end = n >= 4 && (S_find_ci(s + n - 4, 4, "a.m.") ||
                             S_find_ci(s + n - 4, 4, "p.m."));
  if ((f->open || clock_end) && f->words <= 12 && f->digits_words > 0 &&
      f->timeish * 10 >= f->words * (clock_end ? 5 : 8))
    return R_TIME;
  if (repeated && f->open && f->words <= 12) return R_REPEAT;
  if (f->open && f->words <= 3) return R_SHORT;
  if (f->open && f->words >= 6 && f->words <= 40 && f->stops * 20 <= f->words &&
      f->caps * 10 >= f->words * 7)
    return R_LIST;
  return R_NONE;
}

/* ---- readers' comments ---- */

enum { MARK_NONE = 0, MARK_SIGN, MARK_SAYS };

/* A comment's furniture, a line of its own: a "Reply" or "Report abuse"
 * button, a "Posted by: NAME | DATE" signature (MARK_SIGN) or a "NAME
 * says:" head (MARK_SAYS, which a reporter's "he says:" before a quoted
 * block can also be, so it counts only under a thread's heading). */
static int S_comment_mark(const char *s, size_t n) {
  if (n > 200) return MARK_NONE;
  uint32_t w = count_words(s, n); /* of 200 bytes at most */
  if (w <= 3 && S_ends_sentence(s, n) == 0 &&
      (S_prefix_ci(s, n, "reply") || S_prefix_ci(s, n, "report abuse") ||
       S_prefix_ci(s, n, "report comment") ||
       S_prefix_ci(s, n, "report this comment")))
    return MARK_SIGN;
  if (w <= 25 && S_prefix_ci(s, n, "posted by:")) {
    for (size_t i = 10; i < n; i++)
      if (s[i] >= '0' && s[i] <= '9') return MARK_SIGN;
    return MARK_NONE;
  }
  if (w <= 8 && n >= 5 && S_prefix_ci(s + n - 5, 5, "says:")) return MARK_SAYS;
  return MARK_NONE;
}

/* A comment thread's heading: "Comments", "23 Comments", "{ 137 comments…
 * read them below or add one }", "12 thoughts on “TITLE”", "Leave a
 * Reply", "Join the discussion". */
static int S_thread_head(const char *s, size_t n) {
  static const char *const heads[] = {"comment",
                                      "response",
                                      "repl",
                                      "thoughts on",
                                      "leave a reply",
                                      "leave a comment",
                                      "add a comment",
                                      "add your comment",
                                      "post a comment",
                                      "reader comments",
                                      "readers' comments",
                                      "join the discussion",
                                      "discussion",
                                      "show comments",
                                      "view comments",
                                      NULL};
  if (n > 160 || S_ends_sentence(s, n) || count_words(s, n) > 10) return 0;
  size_t i = 0;
  while (i < n && (s[i] == '{' || s[i] == '(' || s[i] == '[' || s[i] == ' ' ||
                   (s[i] >= '0' && s[i] <= '9')))
    i++;
  for (const char *const *h = heads; *h; h++)
    if (S_prefix_ci(s + i, n - i, *h)) return 1;
  return 0;
}

/* Drop a readers' comment thread: from a heading that a comment's
 * furniture follows within six lines (two marks in all), or from the
 * first of three signatures no more than twelve lines apart, to the
 * article's end (one pass: a page may hold thousands of lines). Readers' words
 * are not the outlet's, and nothing of the story follows them on a page. The
 * first comment above its signature stays when there is no heading. */
static void S_thread(const char *t, doc_lines *dl) {
  size_t n = dl->n, from = n;
  size_t head = n, cand = n, marks = 0; /* under a heading */
  size_t run = 0, start = n, last = 0;  /* signatures alone */
  for (size_t k = 0; k < n && from == n; k++) {
    const line *l = &dl->lines[k];
    int m = S_comment_mark(t + l->off, l->len);
    if (m == MARK_NONE) {
      if (head != n && k - head > 6) head = n;
      if (head == n && cand == n && S_thread_head(t + l->off, l->len)) head = k;
      continue;
    }
    if (cand == n && head != n) cand = head; /* within six lines */
    if (cand != n && ++marks >= 2) from = cand;
    if (m != MARK_SIGN) continue;
    if (run == 0 || k - last > 12) {
      run = 0;
      start = k;
    }
    last = k;
    if (++run >= 3) from = start < cand ? start : cand;
  }
  for (size_t k = from; k < n; k++) {
    dl->lines[k].kind = LINE_BOILER;
    if (dl->lines[k].reason == R_NONE) dl->lines[k].reason = R_THREAD;
  }
}

/* ---- repetition across articles: a small open-addressing set ---- */

typedef struct rep_slot {
  uint64_t h;
  uint32_t doc;   /* first article seen in */
  uint16_t multi; /* seen in more than one article */
  uint16_t twice; /* seen twice in one article */
} rep_slot;

precis_status clean_classify(arena *a, const cue_index *ix, char *const *texts,
                             const size_t *lens, size_t n, doc_lines *out) {
  size_t total = 0;
  for (size_t d = 0; d < n; d++) {
    size_t cnt = 0;
    const char *t = texts[d];
    for (size_t i = 0; i < lens[d]; i++)
      cnt += t[i] == '\n';
    out[d].lines = arena_calloc(a, cnt + 1, sizeof(line));
    if (!out[d].lines) return PRECIS_ERR_NOMEM;
    out[d].n = 0;
    out[d].web_archive = 0;
    /* Lines, trimmed of spaces; blank ones skipped. */
    size_t st = 0;
    for (size_t i = 0; i <= lens[d]; i++) {
      if (i == lens[d] || t[i] == '\n') {
        size_t b = st, e = i;
        while (b < e && t[b] == ' ')
          b++;
        while (e > b && t[e - 1] == ' ')
          e--;
        if (e > b) {
          line *l = &out[d].lines[out[d].n++];
          l->off = (uint32_t)b;
          l->len = (uint32_t)(e - b);
        }
        st = i + 1;
      }
    }
    total += out[d].n;
  }
  size_t cap = 16;
  while (cap < total * 2)
    cap *= 2;
  rep_slot *set = arena_calloc(a, cap, sizeof *set);
  /* each line's hash, made once for both passes (a Multi-News article is
   * one line of kilobytes) */
  uint64_t *hash = arena_calloc(a, total + 1, sizeof *hash);
  if (!set || !hash) return PRECIS_ERR_NOMEM;
  for (size_t d = 0, q = 0; d < n; d++) {
    for (size_t k = 0; k < out[d].n; k++) {
      line *l = &out[d].lines[k];
      uint64_t h = hash[q++] = S_hash_line(texts[d] + l->off, l->len);
      size_t j = h & (cap - 1);
      while (set[j].h && set[j].h != h)
        j = (j + 1) & (cap - 1);
      if (!set[j].h) {
        set[j].h = h;
        set[j].doc = (uint32_t)d;
      } else if (set[j].doc != d) {
        set[j].multi = 1;
      } else {
        set[j].twice = 1;
      }
    }
  }
  /* second pass: per-article "seen" marks for within-article repeats */
  uint32_t *seen = arena_calloc(a, cap, sizeof *seen);
  if (!seen) return PRECIS_ERR_NOMEM;
  for (size_t d = 0, q = 0; d < n; d++) {
    int in_block = 0; /* after a "Read more:" / "Related:" prompt */
    for (size_t k = 0; k < out[d].n; k++) {
      line *l = &out[d].lines[k];
      const char *s = texts[d] + l->off;
      uint64_t h = hash[q++];
      size_t j = h & (cap - 1);
      while (set[j].h != h)
        j = (j + 1) & (cap - 1);
      feats f;
      S_features(s, l->len, &f, 1);
      unsigned kinds;
      unsigned r = S_classify(ix, s, l->len, &f, (int)set[j].multi, &kinds);
      l->cued = kinds != 0; /* every cue has a kind */
      if (kinds & CUE_WEBARCHIVE) out[d].web_archive = 1;
      if (r == R_NONE && set[j].twice && seen[j] == d + 1) r = R_REPEAT;
      seen[j] = (uint32_t)d + 1;
      if (r == R_NONE && in_block && f.open && f.words <= 20) r = R_BLOCK;
      in_block =
          (r == R_PROMPT && l->len && s[l->len - 1] == ':') || (r == R_BLOCK);
      l->reason = (uint8_t)r;
      /* hard-wrapped text: an open line followed by a lower-case line */
      int wrapped = 0;
      if (k + 1 < out[d].n) {
        unsigned char nc = (unsigned char)texts[d][out[d].lines[k + 1].off];
        wrapped = f.open && nc >= 'a' && nc <= 'z';
      }
      if (k > 0 && (unsigned char)s[0] >= 'a' && (unsigned char)s[0] <= 'z')
        wrapped = 1;
      if (r != R_NONE) {
        l->kind = LINE_BOILER;
      } else if (f.open && f.words <= 25 && !wrapped) {
        l->kind = LINE_HEADLINE;
      } else {
        l->kind = LINE_CONTENT;
      }
    }
    S_thread(texts[d], &out[d]);
  }
  return PRECIS_OK;
}

/* "(associated press)" at s[i], spaced inside its brackets or not,
 * any case: the bytes it takes, or 0. */
static size_t S_ap_credit(const char *s, size_t n, size_t i) {
  static const char word[] = "associated press";
  if (s[i] != '(') return 0;
  size_t j = i + 1;
  if (j < n && s[j] == ' ') j++;
  for (size_t k = 0; k < sizeof word - 1; k++, j++)
    if (j >= n || S_lower((unsigned char)s[j]) != word[k]) return 0;
  if (j < n && s[j] == ' ') j++;
  return j < n && s[j] == ')' ? j + 1 - i : 0;
}

/* The end of the last "(associated press)" in s that closes a caption
 * (after "...", a photo credit's ")", or opening s), 0 if none. */
static size_t S_caption_end(const char *s, size_t n) {
  size_t end = 0;
  for (size_t i = 0; i < n; i++) {
    const char *p = memchr(s + i, '(', n - i);
    if (!p) break;
    i = (size_t)(p - s);
    size_t m = S_ap_credit(s, n, i);
    if (!m) continue;
    size_t b = i;
    while (b > 0 && s[b - 1] == ' ')
      b--;
    if (b == 0 || (b >= 3 && memcmp(s + b - 3, "...", 3) == 0) ||
        s[b - 1] == ')')
      end = i + m;
    i += m - 1;
  }
  return end;
}

/* ---- words of a page's furniture ----
 * The space-delimited word at or after s[*i] into *w (tok_is() and
 * tok_in() read it); 0 at the end. */
static int S_word(const char *s, size_t n, size_t *i, tok *w) {
  size_t k = *i;
  while (k < n && s[k] == ' ')
    k++;
  if (k == n) return 0;
  size_t b = k;
  while (k < n && s[k] != ' ')
    k++;
  *w = (tok){s + b, (uint32_t)(k - b), 0};
  *i = k;
  return 1;
}

/* The word before s[*i], spaces skipped, not reaching before s[from]:
 * 0 when none is left. */
static int S_word_back(const char *s, size_t from, size_t *i, tok *w) {
  size_t k = *i;
  while (k > from && s[k - 1] == ' ')
    k--;
  if (k == from) return 0;
  size_t e = k;
  while (k > from && s[k - 1] != ' ')
    k--;
  *w = (tok){s + k, (uint32_t)(e - k), 0};
  *i = k;
  return 1;
}

static int S_same_ci(const tok *a, const tok *b) {
  if (a->len != b->len) return 0;
  for (size_t i = 0; i < a->len; i++)
    if (S_lower((unsigned char)a->p[i]) != S_lower((unsigned char)b->p[i]))
      return 0;
  return 1;
}

/* 1 if the words w[0..k) are given again as w[k..2k), case ignored: a
 * credit or a place a page prints twice. */
static int S_twice(const tok *w, int k) {
  for (int j = 0; j < k; j++)
    if (!S_same_ci(&w[j], &w[k + j])) return 0;
  return 1;
}

/* The word before the space at s[i] (the one before the word at
 * s[i + 1]); empty at the start of s. */
static tok S_word_before(const char *s, size_t i) {
  tok w = {s + i, 0, 0};
  S_word_back(s, 0, &i, &w);
  return w;
}

/* A date's or a clock's word: "nov.", "29,", "1:", "40", "am", "gmt". */
static int S_time_token(const tok *w) {
  return (S_time_class(w->p, w->len) & TW_DATE) != 0;
}

/* A wire photo's caption with no comma between its place and the date
 * ("... attends a rally in ketterby march 3, 2026."): prev, the word
 * before the month, is not a function word (a story's "set on march 3,
 * 2026", "since march 3"), and the sentence speaks as captions do. A
 * lower-cased place cannot be told from a verb ("died march 3, 2026."),
 * hence the second test: a caption's verb, in the present ("attends",
 * "is seen"), or its "photo". */
static int S_captioned(const char *s, size_t n, const tok *prev) {
  static const char *const preps[] = {
      "on",   "since", "of",   "by",    "until",   "before", "after",
      "from", "to",    "this", "dated", "and",     "or",     "between",
      "as",   "is",    "was",  "be",    "were",    "at",     "in",
      "that", "the",   "for",  "till",  "through", NULL};
  static const char *const verbs[] = {
      "attends",   "speaks",     "listens", "gestures", "poses",   "holds",
      "walks",     "stands",     "arrives", "looks",    "waves",   "sits",
      "pictured",  "reacts",     "smiles",  "talks",    "gathers", "marches",
      "shouts",    "celebrates", "photo",   "picture",  "image",   "hangs",
      "displayed", "addresses",  "greets",  "shakes",   "kneels",  "crosses",
      "prays",     "carries",    "waits",   NULL};
  if (prev->len == 0 || prev->p[prev->len - 1] == ':' || tok_in(prev, preps))
    return 0;
  size_t k = 0;
  tok w, was = {s, 0, 0}; /* "is seen", not "was last seen" */
  while (S_word(s, n, &k, &w)) {
    while (w.len > 1 && (w.p[w.len - 1] == ',' || w.p[w.len - 1] == '.'))
      w.len--;
    if (tok_in(&w, verbs) || ((tok_is(&w, "seen") || tok_is(&w, "shown")) &&
                              (tok_is(&was, "is") || tok_is(&was, "are"))))
      return 1;
    was = w;
  }
  return 0;
}

/* A photo's caption, dated as the wires date them: a sentence that ends
 * in a place or a weekday, then the full date ("... in Ketterby harbor,
 * Tuesday, March 3, 2026.", "... in Ketterby harbor Tuesday March 3,
 * 2026.", "... at the pier in Ketterby, March 3, 2026."). A story's own
 * dates follow a preposition ("on March 3, 2026.") or stand in a
 * quotation left open, which this leaves alone; a closed one is a title
 * in the caption ('... reads " the harbor log " in Ketterby, March 3,
 * 2026.'). A weekday before the date is the wires' caption style, "on"
 * or not, comma or not (of the first 40 such sentences in val, 38 were
 * captions and one a quotation's end; all 37 with no comma after the
 * weekday were captions). */
static int S_dated_caption(const char *s, size_t n) {
  if (n < 16 || s[n - 1] != '.') return 0;
  size_t i = n - 1;
  while (i > 0 && s[i - 1] == ' ')
    i--;
  if (i < 4) return 0;
  for (size_t k = i - 4; k < i; k++) /* the year */
    if (s[k] < '0' || s[k] > '9') return 0;
  if (!((s[i - 4] == '1' && s[i - 3] == '9') ||
        (s[i - 4] == '2' && s[i - 3] == '0')))
    return 0;
  /* the words before the year, last first: "D,", "MONTH", then a comma,
   * or a weekday with its comma and what stands before it */
  size_t e = i - 4, w[3][2];
  int nw = 0;
  while (nw < 3) {
    while (e > 0 && s[e - 1] == ' ')
      e--;
    if (e == 0) break;
    size_t b = e;
    while (b > 0 && s[b - 1] != ' ')
      b--;
    w[nw][0] = b;
    w[nw][1] = e;
    nw++;
    e = b;
  }
  if (nw < 3) return 0;
  const char *day = s + w[0][0], *mon = s + w[1][0], *prev = s + w[2][0];
  size_t dl = w[0][1] - w[0][0], ml = w[1][1] - w[1][0], pl = w[2][1] - w[2][0];
  if (dl < 2 || dl > 3 || day[dl - 1] != ',' || day[0] < '0' || day[0] > '9')
    return 0;
  if (S_time_class(mon, ml) != TW_MONTH) return 0;
  tok pw = {prev, (uint32_t)pl, 0};
  if (prev[pl - 1] != ',' && S_time_class(prev, pl) != TW_DAY &&
      !S_captioned(s, n, &pw))
    return 0;
  return !(sent_quote_marks(s, n, 0) & SQ_ENDS_INSIDE);
}

unsigned clean_web_class(const cue_index *ix, const char *s, size_t n) {
  cue_hits h;
  S_scan(ix, s, n, &h);
  if (h.kinds & CUE_WEBARCHIVE) return CLEAN_WEB | CLEAN_WEB_ARCHIVE;
  return h.webmeta >= 2 ? CLEAN_WEB : 0;
}

static size_t S_update_label_at(const char *s, size_t n, size_t i);

/* A post's text with its #hashtag: a sentence under 20 words that holds
 * one ("Number of bodies pulled from s korean ferry #sewol rises to
 * 108."). A longer sentence is the story's prose, and so is one that
 * names the tag as a hashtag ("users claimed missing relatives using the
 * hashtags #egyptair and #ms804."). */
static int S_hashtag_post(const char *s, size_t n, size_t words) {
  int tag = 0;
  for (size_t i = 0; i + 1 < n && !tag; i++)
    tag = s[i] == '#' &&
          ((s[i + 1] >= 'a' && s[i + 1] <= 'z') ||
           (s[i + 1] >= 'A' && s[i + 1] <= 'Z')) &&
          (i == 0 || s[i - 1] == ' ' || s[i - 1] == '.');
  return tag && words < 20 && !S_find_ci(s, n, "hashtag");
}

static unsigned S_sentence_reason(const cue_index *ix, const char *s, size_t n,
                                  const cue_hits *hits) {
  feats f;
  const cue_hits h = *hits;
  S_features(s, n, &f, 0);
  if (f.url_bytes * 10 > n * 3 || (f.n_urls && f.words <= 20)) return R_URL;
  if (f.words < 80 && (h.kinds & CUE_LEGAL)) return R_LEGAL;
  if (h.kinds & (CUE_CREDIT | CUE_GALLERY)) return R_CREDIT;
  if (S_credit_tail(s, n) || S_caption_end(s, n) || S_dated_caption(s, n))
    return R_CREDIT;
  if (h.webmeta >= 3) return R_LEGAL;
  if (S_lead(ix, s, n)) return R_PROMPT;
  if (f.words <= 12 && (h.kinds & CUE_PROMPT)) return R_PROMPT;
  if (f.words < 40 && (h.kinds & CUE_NOTICE)) return R_PROMPT;
  if (n && S_update_label_at(s, n, 0) == n) return R_TIME; /* a stamp alone */
  if (S_has_handle(s, n)) return R_SOCIAL;
  if (S_hashtag_post(s, n, f.words)) return R_SOCIAL;
  if (S_bracketed(s, n)) return R_BRACKET;
  return R_NONE;
}

unsigned clean_sentence_reason(const cue_index *ix, const char *s, size_t n) {
  cue_hits h;
  S_scan(ix, s, n, &h);
  return S_sentence_reason(ix, s, n, &h);
}

unsigned clean_sentence_reason_uncued(const cue_index *ix, const char *s,
                                      size_t n) {
  const cue_hits none = {0, 0};
  return S_sentence_reason(ix, s, n, &none);
}

int clean_asks_reader(const char *s, size_t n) {
  static const char *const clause[] = {"if you ", "if the ", "to ", "for ",
                                       "as you ", "as we ",  NULL};
  if (S_prefix_ci(s, n, "please ") || S_prefix_ci(s, n, "please,")) return 1;
  for (const char *const *c = clause; *c; c++)
    if (S_prefix_ci(s, n, *c)) return S_find_ci(s, n, ", please ") != NULL;
  return 0;
}

/* The outlet's own voice (clean_self_ref), by first letter: a phrase
 * must end on a word boundary, so prefixes are listed whole ("our
 * source" and "our sources"). "this site" and "this station" are not
 * here: an excavation site or a railway station is news. */
static const char *const self_a[] = {"as we reported", NULL};
static const char *const self_c[] = {"confirmed to us", "contacted us", NULL};
static const char *const self_o[] = {"our reporter",
                                     "our reporters",
                                     "our correspondent",
                                     "our correspondents",
                                     "our source",
                                     "our sources",
                                     "our website",
                                     "our publication",
                                     "our newsroom",
                                     "our readers",
                                     NULL};
static const char *const self_r[] = {"reached out to us", NULL};
static const char *const self_s[] = {"spoke to us", "speaking to us",
                                     "said to us", NULL};
static const char *const self_t[] = {"told us",
                                     "tells us",
                                     "telling us",
                                     "this reporter",
                                     "this newspaper",
                                     "this website",
                                     "this web site",
                                     "this magazine",
                                     "this publication",
                                     "this paper",
                                     NULL};
static const char *const self_w[] = {"wrote to us",
                                     "we're told",
                                     "we are told",
                                     "we reported",
                                     "we've reported",
                                     "we have reported",
                                     "we previously reported",
                                     "we first reported",
                                     "we reached out",
                                     "we've reached out",
                                     "we have reached out",
                                     "we contacted",
                                     "we've contacted",
                                     "we have contacted",
                                     "we asked",
                                     NULL};

static const char *const *S_self_list(int c0) {
  switch (c0) {
  case 'a': return self_a;
  case 'c': return self_c;
  case 'o': return self_o;
  case 'r': return self_r;
  case 's': return self_s;
  case 't': return self_t;
  case 'w': return self_w;
  default: return NULL;
  }
}

/* A letter, a digit, an apostrophe or a byte of a multibyte character. */
static int S_letter_byte(unsigned char c) {
  static const uint64_t k[2] = {0x3FFull << 48 | 1ull << 39, /* '0'-'9', '\'' */
                                0x3FFFFFFull << 1 |
                                    0x3FFFFFFull << 33}; /* 'A'-'Z', 'a'-'z' */
  return c >= 0x80 || (k[c >> 6] >> (c & 63) & 1);
}

/* p[0..len) has an ASCII letter: a word, not a dash, a number or a
 * bracket. */
static int S_has_letter(const char *p, size_t len) {
  for (size_t b = 0; b < len; b++)
    if (S_lower((unsigned char)p[b]) >= 'a' &&
        S_lower((unsigned char)p[b]) <= 'z')
      return 1;
  return 0;
}

/* p[0..len) is a word of a name or a place: letters (non-ASCII ones too)
 * and ". ' -", and "," where commas is set ("seoul,", "o'neill",
 * "press-enterprise"), with a letter among them. */
static int S_name_word(const char *p, size_t len, int commas) {
  int letter = 0;
  for (size_t b = 0; b < len; b++) {
    unsigned char c = (unsigned char)p[b];
    int l = (S_lower(c) >= 'a' && S_lower(c) <= 'z') || c >= 0x80;
    if (!(l || c == '.' || c == '\'' || c == '-' || (commas && c == ',')))
      return 0;
    letter |= l;
  }
  return letter;
}

/* The bytes of s[i..n) that spell phrase ph from its second letter on,
 * an apostrophe in ph matching ' or U+2019 (scraped text has either:
 * "we’ve reported"); 0 if they do not. */
static size_t S_spell(const char *s, size_t n, size_t i, const char *ph) {
  size_t j = i + 1;
  for (const char *q = ph + 1; *q; q++) {
    if (*q == '\'' && j + 3 <= n && memcmp(s + j, "\xe2\x80\x99", 3) == 0)
      j += 3;
    else if (j < n && s[j] == *q)
      j++;
    else
      return 0;
  }
  return j - i;
}

size_t clean_self_ref(const char *s, size_t n, size_t i) {
  if (i + 5 > n || (i > 0 && S_letter_byte((unsigned char)s[i - 1]))) return 0;
  const char *const *p = S_self_list(S_lower((unsigned char)s[i]));
  for (; p && *p; p++) {
    const char *ph = *p;
    if (ph[1] != s[i + 1]) continue;
    size_t m = S_spell(s, n, i, ph);
    if (!m || (i + m < n && S_letter_byte((unsigned char)s[i + m]))) continue;
    /* lower-cased text: "told us weekly" names the magazine */
    if (memcmp(s + i + m - 3, " us", 3) == 0 && n - (i + m) >= 7 &&
        memcmp(s + i + m, " weekly", 7) == 0)
      continue;
    return m;
  }
  return 0;
}

size_t clean_caption_head(const char *s, size_t n) {
  size_t e = S_caption_end(s, n);
  if (!e) return 0;
  while (e < n && s[e] == ' ')
    e++;
  return count_words(s + e, n - e) >= 4 ? e : 0;
}

/* A gallery's count closing each caption, "Hide Caption 3 of 15"
 * (CNN's): 1 if s holds one. */
static int S_gallery_count(const char *s, size_t n) {
  static const char ph[] = "hide caption ";
  const size_t m = sizeof ph - 1;
  for (size_t i = 0; i + m < n;) { /* s[i] opens a word */
    if ((s[i] == 'h' || s[i] == 'H') && S_prefix_ci(s + i, n - i, ph) == m &&
        S_gallery_head(s + i + m, n - i - m))
      return 1;
    const char *sp = memchr(s + i, ' ', n - i);
    if (!sp) break;
    i = (size_t)(sp - s) + 1;
  }
  return 0;
}

int clean_caption_ahead(const char *s, size_t n) {
  if (n > 384) n = 384;
  const char *nl = memchr(s, '\n', n);
  if (nl) n = (size_t)(nl - s);
  return S_caption_end(s, n) > 0 || S_gallery_count(s, n);
}

/* An ad's or a player's words run on into the sentence after them
 * (Multi-News's flattened pages: "Story continued below the port will
 * reopen on friday"). Longest first where one is a suffix of another. */
static const char *const widget_heads[] = {
    "photo advertisement continue reading the main story",
    "advertisement continue reading the main story",
    "continue reading the main story",
    "story continued below",
    "article continued below",
    "continue reading below",
    "continue reading", /* the button alone, last: a prefix of the above */
    "add interest",     /* ABC's button */
    "subscribe today",  /* a sign-up box's last words */
    "watch the report", /* a station's player */
    "watch this story",
    "story highlights", /* CNN's list, its items run together after it */
    "scroll to continue with content ad",
    "scroll down for video",
    "sponsored links",
    "report this ad",                               /* an ad's label */
    "please enable javascript to watch this video", /* a station's player */
    "prev next order prints",
    "printer-friendly \xc2\xbb e-mail this to a friend \xc2\xbb",
    "prev next",
    NULL};

/* ---- a page's furniture between a headline and the story ----
 * Multi-News's flattened pages run a headline, the page's furniture and
 * the story's first sentence together. Each S_*_at() reads one kind
 * opening at the word start s[i] and returns where it ends, 0 if none. */

/* A prompt between a headline and the story: "HEADLINE read more
 * STORY" (a related link's), "HEADLINE email this STORY", "HEADLINE
 * share this STORY" (a page's buttons). Not "you can read more about
 * it", "please email this to ...", "i share this award", nor a prompt
 * opening the sentence. ph ends in a space. */
static size_t S_prompt_at(const char *s, size_t n, size_t i, const char *ph) {
  static const char *const asks[] = {
      "can", "to", "you",  "please", "and",  "or",    "could",  "will", "(",
      "i",   "we", "they", "who",    "also", "would", "should", "must", NULL};
  static const char *const object[] = {"to",   "link", "article", "story",
                                       "page", "form", NULL};
  size_t m = strlen(ph), k = i + m;
  if (i < 2 || s[i - 1] != ' ' || s[i - 2] == '.' ||
      S_prefix_ci(s + i, n - i, ph) != m)
    return 0;
  tok prev = S_word_before(s, i - 1), next;
  if (tok_in(&prev, asks)) return 0;
  return S_word(s, n, &k, &next) && tok_in(&next, object) ? 0 : i + m;
}

/* The same prompt glued to a headline that ends in a quotation:
 * "HEADLINE: ' QUOTE'read more STORY". The word s[i..at) ends in the
 * closing mark and "read"; s[at] is the space after it. */
static size_t S_glued_read_more_at(const char *s, size_t n, size_t i,
                                   size_t at) {
  if (at - i < 6 || S_prefix_ci(s + at - 4, 4, "read") != 4 ||
      S_prefix_ci(s + at, n - at, " more ") != 6)
    return 0;
  size_t q = at - 4;
  if (s[q - 1] == '\'')
    q -= 1;
  else if (q - i >= 4 && memcmp(s + q - 3, "\xe2\x80\x99", 3) == 0)
    q -= 3;
  else
    return 0;
  return q > i ? at + 6 : 0;
}

/* "... toggle caption CREDIT CREDIT STORY" (NPR's pages give the
 * credit twice; an icon's letter may cling to it: "itoggle") or "...
 * toggle caption NAME/AGENCY STORY". */
static size_t S_toggle_caption_at(const char *s, size_t n, size_t i) {
  if (S_lower((unsigned char)s[i]) == 'i') i++;
  if (S_prefix_ci(s + i, n - i, "toggle caption ") != 15) return 0;
  tok w[12];
  int nw = 0;
  i += 15;
  while (nw < 12 && S_word(s, n, &i, &w[nw]))
    nw++;
  for (int k = 1; 2 * k <= nw && k <= 6; k++)
    if (S_twice(w, k)) return (size_t)(w[2 * k - 1].p + w[2 * k - 1].len - s);
  for (int j = 0; j < nw && j < 4; j++)
    if (memchr(w[j].p, '/', w[j].len)) return (size_t)(w[j].p + w[j].len - s);
  return 0;
}

/* What may follow a stamp from s[end]: "/ source: AGENCY", then "by NAME
 * NAME", ", NAME NAME" or "and NAME NAME". A name is taken to be two
 * words, or three when "and" comes after the third ("by eun kyung kim
 * and ann ross STORY"). Where that ends, end if neither is there. */
static size_t S_source_byline(const char *s, size_t n, size_t end) {
  tok w;
  size_t k = end;
  if (S_word(s, n, &k, &w) && tok_is(&w, "/") && S_word(s, n, &k, &w) &&
      S_prefix_ci(w.p, w.len, "source:") == 7 && S_word(s, n, &k, &w))
    end = k;
  k = end;
  if (S_word(s, n, &k, &w) && tok_is(&w, "by")) {
    for (;;) { /* NAME NAME, then ", NAME NAME" or "and NAME NAME" */
      size_t k2 = k, k3;
      if (!S_word(s, n, &k2, &w) || !S_word(s, n, &k2, &w)) break;
      tok w3, w4;
      k3 = k2;
      if (w.p[w.len - 1] != ',' && S_word(s, n, &k3, &w3) &&
          S_word(s, n, &k3, &w4) && tok_is(&w4, "and")) {
        k2 = (size_t)(w3.p + w3.len - s);
        w = w3;
      }
      end = k = k2;
      int comma = w.p[w.len - 1] == ',';
      if (!comma && !(S_word(s, n, &k2, &w) && tok_is(&w, "and"))) break;
      k = k2;
    }
  }
  return end;
}

/* A dash between a dateline and the story: " — ", " – ", " -- ", " - ".
 * Returns the bytes of the dash, 0 if s[i] does not start one. */
static size_t S_dash(const char *s, size_t n, size_t i) {
  if (i + 3 <= n && memcmp(s + i, "\xe2\x80\x94", 3) == 0) return 3;
  if (i + 3 <= n && memcmp(s + i, "\xe2\x80\x93", 3) == 0) return 3;
  if (i + 2 <= n && s[i] == '-' && s[i + 1] == '-') return 2;
  if (i < n && s[i] == '-') return 1;
  return 0;
}

/* A number that is a whole date or clock by itself: "1/5/2016",
 * "1-3-17", "6.15pm", "10pm"; not "10.5" or a score's "2-1". */
static int S_numeric_stamp(const tok *w) {
  size_t n = w->len;
  while (n && (w->p[n - 1] == ':' || w->p[n - 1] == ','))
    n--;
  if (n < 3 || w->p[0] < '0' || w->p[0] > '9') return 0;
  int a = S_lower((unsigned char)w->p[n - 2]);
  if ((a == 'a' || a == 'p') && S_lower((unsigned char)w->p[n - 1]) == 'm')
    return 1;
  int slash = 0, dash = 0;
  for (size_t i = 1; i + 1 < n; i++)
    if (w->p[i - 1] >= '0' && w->p[i - 1] <= '9' && w->p[i + 1] >= '0' &&
        w->p[i + 1] <= '9') {
      slash += w->p[i] == '/';
      dash += w->p[i] == '-';
    }
  return slash || dash >= 2;
}

/* An update stamp: "/ updated by NAME NAME and NAME NAME STORY", "DATE,
 * TIME gmt / updated DATE, TIME gmt / source: AGENCY STORY", "Updated
 * 6: 07 p.m. Et STORY", "HEADLINE posted: DATE TIME updated: DATE TIME
 * STORY", a video's "Published on DATE STORY". It is "updated" or
 * "published on" opening the rest of s (from on), "updated" after a
 * slash with only a date before it, or "updated:" or "posted:" anywhere
 * but in brackets. Where a lower-cased name ends cannot be read, so a
 * name is taken to be two words. */
static size_t S_stamp_at(const char *s, size_t n, size_t from, size_t at) {
  size_t i = from, k;
  tok w;
  size_t lab = S_prefix_ci(s + at, n - at, "updated");
  int pub = 0; /* "Published on March 3, 2026, the report ..." is a sentence */
  if (!lab) lab = S_prefix_ci(s + at, n - at, "posted");
  if (!lab) pub = (lab = S_prefix_ci(s + at, n - at, "published on")) != 0;
  if (!lab) return 0;
  int colon = at + lab < n && s[at + lab] == ':';
  int slash = lab == 7 && at > from &&
              (s[at - 1] == '/' || (at >= 2 && s[at - 2] == '/'));
  if (colon && at >= 2 && (s[at - 2] == '(' || s[at - 2] == '[')) return 0;
  if (!colon && !slash && (at > from || (lab != 7 && !pub))) return 0;
  /* before "/ updated", a date and a clock only */
  while (slash && !colon && i < at - 1 && S_word(s, at - 1, &i, &w))
    if (!S_time_token(&w) && !tok_is(&w, "/")) return 0;
  size_t end = at + lab + (size_t)colon;
  unsigned seen = 0; /* "Updated on ...", "Updated 2,000 ...": sentences */
  k = end;
  while (S_word(s, n, &k, &w)) {
    unsigned c = S_time_class(w.p, w.len);
    if (!(c & TW_DATE) && S_dash(w.p, w.len, 0) != w.len && !tok_is(&w, "|"))
      break;
    end = k;
    if (!tok_is(&w, "at") && !tok_is(&w, "on"))
      seen |= c | (S_numeric_stamp(&w) ? TW_CLOCK : 0);
  }
  if (!colon && !slash && !S_dated(seen)) return 0;
  if (pub && s[end - 1] == ',') return 0;
  return S_source_byline(s, n, end);
}

/* A sign-up box's or a video player's last words before the story, ph:
 * "... could not subscribe, try again later invalid email STORY", "sign
 * up for more newsletters here STORY", "... never miss our top stories
 * free sign up STORY", "close skip in skip x embed x share STORY". */
static size_t S_notice_at(const char *s, size_t n, size_t i, const char *ph) {
  size_t m = S_prefix_ci(s + i, n - i, ph);
  return m && i + m < n && s[i + m] == ' ' ? i + m : 0;
}

/* An ad's label run into the text at s[i]: "Advertisement STORY" (a
 * sentence it opens: in Multi-News's val every one goes on with the
 * story, "Advertisement in his ruling, the judge said ..."), "... in
 * their study: advertisement STORY", "\" katie's new man \"
 * advertisement STORY", "read advertisement STORY". Inside a sentence it
 * follows a mark (: " ) ! . ') or "read"; not "an advertisement". */
static size_t S_ad_label_at(const char *s, size_t n, size_t i) {
  size_t e = S_notice_at(s, n, i, "advertisement");
  if (!e || i == 0) return e;
  if (i < 2 || s[i - 1] != ' ') return 0;
  unsigned char p = (unsigned char)s[i - 2];
  if (p == ':' || p == '"' || p == ')' || p == '!' || p == '.' || p == '\'')
    return e;
  tok prev = S_word_before(s, i - 1);
  return tok_is(&prev, "read") ? e : 0;
}

/* The length of the scheme opening a link at s ("http://", "https://",
 * case ignored), 0 if s opens none. */
static size_t S_link_scheme(const char *s, size_t n) {
  size_t m = S_prefix_ci(s, n, "http://");
  return m ? m : S_prefix_ci(s, n, "https://");
}

/* A link pasted before the story, one word opening the sentence:
 * "Https://twitter.com/NAME/status/N STORY", "Http://www.SITE.com
 * STORY". Where it stands alone or the rest is short, clean_widget_head
 * keeps the sentence. */
static size_t S_link_head_at(const char *s, size_t n, size_t i) {
  size_t m = S_link_scheme(s + i, n - i);
  if (!m) return 0;
  const char *sp = memchr(s + i + m, ' ', n - i - m);
  return sp && sp > s + i + m ? (size_t)(sp - s) : 0;
}

/* A shared page's notice before the story, ending at a link: "... a
 * friend wanted you to see this item from SITE.com: URL — STORY" (the
 * dash is the notice's). */
static size_t S_share_notice_at(const char *s, size_t n, size_t i) {
  size_t e = S_notice_at(s, n, i, "wanted you to see this item from");
  if (!e) return 0;
  size_t k = e + 1;
  tok w;
  if (!S_word(s, n, &k, &w) || w.p[w.len - 1] != ':') return 0; /* SITE: */
  if (!S_word(s, n, &k, &w) || !S_link_scheme(w.p, w.len)) return 0;
  size_t d = k;
  if (S_word(s, n, &d, &w) && S_dash(w.p, w.len, 0) == w.len) k = d;
  return k;
}

/* A page's social prompt before the story, with the links it offers:
 * "Like us on facebook STORY", "... like us on facebook: URL: URL
 * STORY", "like us on facebook \u25ba URL \u25ba URL ...". Not "like us on
 * facebook, and ...", which is a sentence of its own. */
static size_t S_like_us_at(const char *s, size_t n, size_t i) {
  size_t m = S_prefix_ci(s + i, n - i, "like us on facebook");
  if (!m || i + m >= n || (s[i + m] != ' ' && s[i + m] != ':')) return 0;
  size_t e = i + m + (s[i + m] == ':'), k = e;
  tok w;
  while (S_word(s, n, &k, &w) &&
         (S_link_scheme(w.p, w.len) || tok_is(&w, ":") ||
          tok_is(&w, "\xe2\x96\xba")))
    e = k;
  return e < n && s[e] == ' ' ? e : 0;
}

/* A page's bar between a title, its sections and the story: "|" or
 * "&#124;" (an entity left unread), a word of its own. */
static int S_is_bar(const tok *w) {
  return tok_is(w, "|") || tok_is(w, "&#124;");
}

/* A run of a date's, a clock's or a stamp's words from *i ("originally
 * published june 23, 2011 at 12: 50 pm", "page modified ..."): its
 * words when it holds a number and a month or a clock, with *i moved
 * past it; else 0 (*i moved all the same). */
static size_t S_dated_run(const char *s, size_t n, size_t *i) {
  tok w;
  size_t k = *i, m = 0;
  unsigned seen = 0;
  while (S_word(s, n, &k, &w)) {
    unsigned c = S_time_class(w.p, w.len);
    if (c == TW_MARK ||
        (!c && !tok_is(&w, "page") && !tok_is(&w, "originally")))
      break;
    seen |= c;
    m++;
    if (!tok_is(&w, "at") && !tok_is(&w, "on") && !tok_is(&w, "by"))
      *i = k; /* "... 11: 44 am at least one ..." */
  }
  return S_dated(seen) ? m : 0;
}

/* A paper's heading before its abstract's first sentence: "Abstract we
 * examined ...", "Abstract: background: ...". Not the adjective:
 * "abstract expressionist painter ...", "abstract concepts ...", "abstract
 * art" (art_words). A structured abstract's first label goes with it
 * ("Abstract background: ...", "Abstract importance more research ...").
 * Where the heading ends, 0 if s[i] does not open one. */
static size_t S_abstract_at(const char *s, size_t n, size_t i) {
  static const char *const art_words[] = {"expressionist",
                                          "expressionists",
                                          "expressionism",
                                          "art",
                                          "arts",
                                          "artist",
                                          "artists",
                                          "painting",
                                          "paintings",
                                          "painter",
                                          "painters",
                                          "sculpture",
                                          "sculptures",
                                          "concept",
                                          "concepts",
                                          "idea",
                                          "ideas",
                                          "notion",
                                          "notions",
                                          "thinking",
                                          "thought",
                                          "thoughts",
                                          "reasoning",
                                          "shape",
                                          "shapes",
                                          "pattern",
                                          "patterns",
                                          "form",
                                          "forms",
                                          "work",
                                          "works",
                                          "noun",
                                          "nouns",
                                          "and",
                                          "or",
                                          "algebra",
                                          "mathematics",
                                          "nature",
                                          "terms",
                                          "sense",
                                          "way",
                                          "ways",
                                          "level",
                                          "knowledge",
                                          "words",
                                          "images",
                                          "design",
                                          "designs",
                                          "style",
                                          "styles",
                                          NULL};
  static const char *const section[] = {
      "background",    "background:", "objective", "objective:",
      "objectives:",   "context",     "context:",  "importance",
      "importance:",   "purpose:",    "aim:",      "aims:",
      "introduction:", "summary:",    NULL};
  size_t k = i, e;
  tok w;
  if (!S_word(s, n, &k, &w) ||
      !(tok_is(&w, "abstract") || tok_is(&w, "abstract:")))
    return 0;
  e = k;
  if (!S_word(s, n, &k, &w) || tok_in(&w, art_words)) return 0;
  if (tok_in(&w, section)) { /* "Abstract context the dramatic ..." */
    e = k;
    if (!S_word(s, n, &k, &w)) return 0;
  }
  return S_has_letter(w.p, w.len) ? e : 0;
}

/* A paper's identifier opening its abstract: "Doi: ID abstract TEXT",
 * "Doi: URL abstract TEXT", "Doi: ID abstract background: TEXT" (the
 * heading read by S_abstract_at). Where the heading ends, 0 if s[i] does
 * not open one (a doi with no abstract after it is left alone). */
static size_t S_doi_head_at(const char *s, size_t n, size_t i) {
  size_t k = i + S_prefix_ci(s + i, n - i, "doi:"), a;
  tok w;
  if (k == i || !S_word(s, n, &k, &w) || !memchr(w.p, '/', w.len)) return 0;
  a = k;
  if (!S_word(s, n, &a, &w) || !tok_is(&w, "abstract")) return 0;
  size_t h = S_abstract_at(s, n, k);
  return h ? h : a < n && s[a] == ' ' ? a : 0;
}

/* A page's link line opening the sentence: "More info: URL STORY" (a
 * shop's address between two items of a list). Where the links end, 0
 * if s[i] does not open one. */
static size_t S_more_info_at(const char *s, size_t n, size_t i) {
  size_t k = i + S_prefix_ci(s + i, n - i, "more info:"), e = 0;
  tok w;
  if (k == i) return 0;
  for (size_t d = k; S_word(s, n, &d, &w) && S_link_scheme(w.p, w.len);)
    e = d;
  return e && e < n && s[e] == ' ' ? e : 0;
}

/* The minutes after a clock's colon: two digits, then no third ("25",
 * "00", "25,"). */
static int S_minutes(const tok *b) {
  return b->len >= 2 && b->p[0] >= '0' && b->p[0] <= '9' && b->p[1] >= '0' &&
         b->p[1] <= '9' && (b->len == 2 || b->p[2] < '0' || b->p[2] > '9');
}

/* A video's or a player's length, "04: 41": one or two digits and a
 * colon, then two digits (after a bar, or "Listen to article"). */
static int S_duration(const tok *a, const tok *b) {
  if (a->len < 2 || a->len > 3 || a->p[a->len - 1] != ':' || b->len != 2)
    return 0;
  for (size_t i = 0; i + 1 < a->len; i++)
    if (a->p[i] < '0' || a->p[i] > '9') return 0;
  return S_minutes(b);
}

/* A dash, a list's bullet or a close button's cross opening the sentence
 * on its own: "- two men are under arrest ...", "• a few months ago, ...",
 * "× video of ...". Where it and the spaces after it end, 0 if s[i]
 * does not open one. */
static size_t S_bullet_at(const char *s, size_t n, size_t i) {
  static const char *const mark[] = {"*", "\xe2\x80\xa2", "\xc3\x97",
                                     "\xc2\xb7", NULL};
  size_t k = i;
  tok w;
  if (!S_word(s, n, &k, &w) || k == n) return 0;
  return S_dash(w.p, w.len, 0) == w.len || tok_in(&w, mark) ? k : 0;
}

/* A live page's entry time or a video's length opening the sentence:
 * "___ 10: 55 a.m. STORY", "10: 52 p.m.: STORY", "5: 50 pm pt -- STORY",
 * "21: 22 STORY", "( 3: 31 ) STORY". Where it ends, 0 if s[i] does not
 * open one ("4: 07: STORY" and "At 7: 01 p.m., ..." stay). */
static size_t S_clock_head_at(const char *s, size_t n, size_t i) {
  size_t k = i, d, e;
  tok w, x;
  if (!S_word(s, n, &k, &w)) return 0;
  if (w.p[0] == '_') { /* the AP's rule between entries, "___" */
    for (size_t b = 0; b < w.len; b++)
      if (w.p[b] != '_') return 0;
    if (!S_word(s, n, &k, &w)) return 0;
  }
  int paren = tok_is(&w, "(");
  if (paren && !S_word(s, n, &k, &w)) return 0;
  if (!S_word(s, n, &k, &x) || !S_duration(&w, &x)) return 0;
  if (paren) /* "( 3: 31 )", a label's "( 11: 36 ):" */
    return S_word(s, n, &k, &w) && (tok_is(&w, ")") || tok_is(&w, "):")) ? k
                                                                         : 0;
  for (e = d = k; S_word(s, n, &d, &w);) {
    if (S_dash(w.p, w.len, 0) == w.len) return d; /* "pt --" */
    if (S_time_class(w.p, w.len) != TW_CLOCK || tok_is(&w, "at") ||
        tok_is(&w, "on"))
      break;
    e = d; /* "p.m.", "p.m.:", "pm", "pt" */
  }
  return e;
}

/* A share bar's buttons as words: "Share this article facebook twitter
 * linkedin email STORY", "Share on more share on more STORY", "Share
 * share tweet link STORY", "Share: STORY", a player's "Listen to article
 * 4: 26" with or without buttons after it. Two buttons at least, or one with
 * its colon, unless after other furniture (links, then "email STORY"): a lone
 * "Share prices fell" is a sentence. Where the bar ends, 0 if s[i] does not
 * open one. */
static size_t S_share_bar_at(const char *s, size_t n, size_t i, int after) {
  static const char *const buttons[] = {
      "share",   "tweet",    "link",      "send",     "email", "facebook",
      "twitter", "linkedin", "pinterest", "whatsapp", "pin",   NULL};
  size_t k = i, e = 0, d;
  int count = 0;
  tok w, x, y;
  if (S_prefix_ci(s + i, n - i, "listen to article ") == 18) {
    k = i + 18; /* a player's length, "4: 26": a bar of its own */
    if (!S_word(s, n, &k, &x) || !S_word(s, n, &k, &y) || !S_duration(&x, &y))
      return 0;
    e = k, count = 2;
  }
  while (d = k, S_word(s, n, &d, &w)) {
    int colon = w.p[w.len - 1] == ':';
    tok bare = w; /* "share:" */
    bare.len -= (uint32_t)colon;
    if (!tok_in(&bare, buttons)) break;
    size_t d2 = d; /* "share this article", "share on more", "pin to
                      pinterest": a button of three words */
    if (!colon && S_word(s, n, &d2, &x) && S_word(s, n, &d2, &y) &&
        ((tok_is(&w, "share") && tok_is(&x, "this") &&
          (tok_is(&y, "article") || tok_is(&y, "article:"))) ||
         (tok_is(&w, "share") && tok_is(&x, "on") && tok_is(&y, "more")) ||
         (tok_is(&w, "pin") && tok_is(&x, "to") && tok_is(&y, "pinterest"))))
      d = d2, w = y;
    k = e = d;
    colon = w.p[w.len - 1] == ':'; /* "share:", "share this article:" */
    count += 1 + colon;
    if (colon) break;
  }
  if (count < (after ? 1 : 2)) return 0;
  return e < n && s[e] == ' ' ? e : 0;
}

/* A picture's or a player's label where a flattened page had the
 * picture: "Photo the council voted ...", "Photo PLACE — STORY", "Video
 * ( 11: 36 ): STORY", "Photo photo PLACE – STORY", "Image 2 of 12
 * STORY" (a gallery's count). The bare word
 * ("photo", "video", "image"), doubled perhaps, then a word that cannot
 * go on as a caption's subject (an article, a pronoun, "but", a title),
 * a dateline's place of up to four words and its dash, or a video's
 * length. After "photo", any word but those of photo_kept: a story's
 * pages print "photo" alone only as the label. "Photo shows ...",
 * "Video of the crash ...", "Photo editor NAME said" stay, and so does
 * "Video bob ..." (a name cannot be told from a noun in lower-cased
 * text, and "video" goes on as a subject more often). Where the label
 * ends, 0 if s[i] does not open one. */
static size_t S_media_label_at(const char *s, size_t n, size_t i) {
  static const char *const label[] = {"photo", "video", "image", NULL};
  static const char *const opener[] = {
      "the", "a",    "an",    "it",      "he",    "she",   "they",
      "we",  "i",    "you",   "his",     "her",   "their", "our",
      "my",  "but",  "maybe", "perhaps", "these", "those", "mr.",
      "ms.", "mrs.", "dr.",   "sen.",    "rep.",  "gov.",  NULL};
  static const char *const photo_kept[] = {
      "by",         "courtesy", "illustration", "via",         "credit",
      "credits",    "from",     "of",           "taken",       "shows",
      "showed",     "show",     "depicts",      "captures",    "appears",
      "appeared",   "gallery",  "galleries",    "copyright",   "caption",
      "afp",        "ap",       "reuters",      "getty",       "source",
      "is",         "was",      "are",          "were",        "has",
      "had",        "will",     "would",        "can",         "could",
      "may",        "might",    "should",       "must",        "that",
      "which",      "went",     "posted",       "shared",      "released",
      "published",  "provided", "obtained",     "emerged",     "surfaced",
      "circulated", "sparked",  "drew",         "made",        "became",
      "won",        "op",       "ops",          "opportunity", "id",
      "ids",        "editor",   "editors",      "essay",       "essays",
      "album",      "booth",    "finish",       "sharing",     "shoot",
      "shoots",     "session",  "contest",      "exhibit",     "exhibition",
      "series",     "radar",    "enforcement",  "journalist",  "journalists",
      "agency",     "archive",  "library",      "studio",      "app",
      "apps",       "book",     "books",        "and",         "or",
      "in",         NULL};
  size_t k = i, e, d;
  tok w, label_w;
  if (!S_word(s, n, &k, &w) || !tok_in(&w, label)) return 0;
  label_w = w;
  e = d = k;
  if (S_word(s, n, &d, &w) && tok_in(&w, label)) e = k = d; /* doubled */
  d = k;
  if (!S_word(s, n, &d, &w)) return 0;
  if (tok_in(&w, opener)) return e;
  size_t at = (size_t)(w.p - s), g = S_gallery_head(w.p, n - at);
  if (g) /* a gallery's count: "Image 2 of 12 STORY" */
    return at + g == n || s[at + g] == ' ' ? at + g : 0;
  /* "photo" alone opens no sentence of a story but its label's: "Photo
   * bob bradley was fired ...", "Photo last month, ...". Not a caption's
   * or a credit's words after it, a verb, or a noun it names a kind of
   * ("Photo editor", "Photo ID laws"). */
  if (tok_is(&label_w, "photo") && !tok_in(&w, photo_kept)) {
    /* "bob", "\"you"; not a dash nor a caption's "by:" */
    if (S_has_letter(w.p, w.len) && w.p[w.len - 1] != ':') return e;
  }
  if (tok_is(&w, "(")) { /* "( 11: 36 ):" */
    d = S_clock_head_at(s, n, k);
    return d && s[d - 1] == ':' && d < n && s[d] == ' ' ? d : 0;
  }
  for (int t = 0; t <= 4; t++) { /* "seoul, south korea —" */
    if (S_dash(w.p, w.len, 0) == w.len) return t ? e : 0;
    if (t == 4 || S_small_stop(w.p, w.len) || !S_name_word(w.p, w.len, 1) ||
        !S_word(s, n, &d, &w))
      return 0;
  }
  return 0;
}

/* A video player's still left before the story: "Poster= \" URL \"
 * true HEADLINE STORY" (the player's attributes as text). Where "true"
 * ends, 0 if s[i] does not open one. */
static size_t S_poster_at(const char *s, size_t n, size_t i) {
  size_t k = i + S_prefix_ci(s + i, n - i, "poster=");
  tok w;
  if (k == i || !S_word(s, n, &k, &w) || !tok_is(&w, "\"")) return 0;
  if (!S_word(s, n, &k, &w) || !S_link_scheme(w.p, w.len)) return 0;
  if (!S_word(s, n, &k, &w) || !tok_is(&w, "\"")) return 0;
  if (!S_word(s, n, &k, &w) || !tok_is(&w, "true")) return 0;
  return k < n && s[k] == ' ' ? k : 0;
}

/* A blog's stamp opening the sentence, with no colon: "Posted by NAME
 * on DATE, TIME STORY" (a name of up to eight words; "posted by:" is a
 * reader's comment, lead_cues). Where the stamp ends, 0 if s[i] does not
 * open one. */
static size_t S_posted_by_at(const char *s, size_t n, size_t i) {
  if (S_prefix_ci(s + i, n - i, "posted by ") != 10) return 0;
  size_t k = i + 10, on;
  tok w;
  for (int t = 0; t <= 8 && (on = k, S_word(s, n, &k, &w)); t++)
    if (t > 0 && tok_is(&w, "on")) {
      size_t d = on;
      return S_dated_run(s, n, &d) >= 3 ? d : 0;
    }
  return 0;
}

/* A bar at s[i] in a page's head, from s[from] (the sentence's start or
 * the end of the furniture before): where the head ends, 0 if this bar
 * is not one. Read in val's flattened pages:
 *   "washington &#124; washington ( reuters ) - STORY" (the place on
 *     both sides; clean_dateline takes the agency),
 *   "NAME &#124; bdn NAME &#124; bdn STORY" (a credit twice),
 *   "may 18, 2015, 1: 05 am &#124; STORY", "originally published DATE
 *     at TIME &#124; page modified DATE at TIME STORY" (stamps),
 *   "NAME, senior editor &#124; august 09, 2017 STORY" (a byline),
 *   "TITLE 3: 59 pm et fri, 9 nov 2018 &#124; 04: 41 STORY" (a video),
 *   "Updated &#124; STORY", "&#124; NAME/politico STORY" (a credit),
 *   "« previous &#124; main &#124; next » STORY" (a blog's links),
 *   "follow ...: facebook &#124; twitter STORY".
 * A story's own bar ("93 % lean &#124; 7 % fat") is none of these. */
static size_t S_bar_at(const char *s, size_t n, size_t from, size_t i) {
  enum { MAXW = 12 };
  tok bw[MAXW], aw[MAXW], w; /* bw[0] is the word next to the bar */
  size_t aend[MAXW], k = i, b = i;
  int nb = 0, na = 0, bars = 0;
  if (!S_word(s, n, &k, &w) || !S_is_bar(&w)) return 0;
  size_t after = k;
  while (nb < MAXW && S_word_back(s, from, &b, &bw[nb]))
    bars += S_is_bar(&bw[nb++]);
  int whole = b == from || !S_word_back(s, from, &b, &w); /* all of it */
  for (size_t a = after; na < MAXW && S_word(s, n, &a, &aw[na]);)
    aend[na++] = a;
  /* "PLACE | PLACE ( agency ) -": the place repeated around the bar */
  for (int m = nb < na - 1 ? nb : na - 1; m > 0; m--) {
    if (m > 6 || aw[m].p[0] != '(') continue;
    int t = 0;
    while (t < m && !S_is_bar(&aw[t]) && S_same_ci(&bw[m - 1 - t], &aw[t]))
      t++;
    if (t == m) return aend[m - 1];
  }
  /* "A | B A | B": the head from its start twice, read at its first bar */
  if (whole && !bars) {
    tok all[2 * MAXW + 1];
    int nw = 0;
    for (int t = nb - 1; t >= 0; t--)
      all[nw++] = bw[t];
    all[nw++] = (tok){s + i, (uint32_t)(after - i), 0};
    for (int t = 0; t < na; t++)
      all[nw++] = aw[t];
    for (int m = nb + 1; 2 * m <= nw && m <= 8; m++)
      if (S_twice(all, m)) return aend[2 * m - nb - 2];
  }
  if (na >= 2 && S_duration(&aw[0], &aw[1]))
    for (int t = 0; t < nb && t < 8; t++)
      if (tok_is(&bw[t], "et")) return aend[1];
  if (na >= 2 && tok_is(&aw[0], "main") && S_is_bar(&aw[1]) &&
      S_prefix_ci(s + from, n - from, "\xc2\xab "))
    for (int t = 2; t < na; t++)
      if (tok_is(&aw[t], "\xc2\xbb")) return aend[t];
  if (nb && na && tok_is(&bw[0], "facebook") && tok_is(&aw[0], "twitter"))
    return aend[0];
  if (!whole) return 0;
  /* a stamp before the bar, and one after it */
  size_t d = from;
  if (nb >= 3 && S_dated_run(s, i, &d) == (size_t)nb) {
    d = after;
    return S_dated_run(s, n, &d) ? d : after;
  }
  /* a byline, then the date */
  int by = nb && tok_is(&bw[nb - 1], "by");
  if (nb >= 1 && (nb <= 6 || (by && nb <= 10)) &&
      !tok_is(&bw[nb - 1], "posted")) {
    d = after;
    if (S_dated_run(s, n, &d) >= 3) return d;
  }
  if ((nb == 1 && (tok_is(&bw[0], "updated") || tok_is(&bw[0], "update"))) ||
      (nb == 2 && tok_is(&bw[1], "original") && tok_is(&bw[0], "post:")))
    return after;
  if (nb == 0) { /* the page's credit line: "&#124; NAME/politico" */
    if (na && (tok_is(&aw[0], "ap") || tok_is(&aw[0], "reuters"))) {
      if (na < 2 || !S_prefix_ci(aw[1].p, aw[1].len, "photo")) return aend[0];
      if (!memchr(aw[1].p, '/', aw[1].len) || na < 3) return aend[1];
      int t = 2; /* "ap photo/evan vucci", "ap photo/rogelio v. solis" */
      if (na > 3 && aw[2].len == 2 && aw[2].p[1] == '.') t = 3;
      return aend[t];
    }
    for (int t = 0; t < na && t < 3; t++)
      if (memchr(aw[t].p, '/', aw[t].len) && !memchr(aw[t].p, ':', aw[t].len))
        return aend[t];
  }
  return 0;
}

/* The BBC's video caption opening a sentence, when it ends in a quoted
 * line: "[media playback is unsupported on your device] media caption
 * NAME: " QUOTE " STORY". A caption with no such end has no boundary to
 * cut at, and stays whole (media_lead_cues). */
static size_t S_media_caption_at(const char *s, size_t n, size_t i) {
  size_t m = S_prefix_ci(s + i, n - i,
                         "media playback is unsupported on "
                         "your device ");
  i += m;
  if (S_prefix_ci(s + i, n - i, "media caption ") != 14) return 0;
  i += 14;
  tok w;
  int t = 0, open = 0;
  for (size_t k = i; t < 60 && S_word(s, n, &k, &w); t++) {
    if (!open && w.p[w.len - 1] == ':') { /* the speaker, then the line */
      size_t k2 = k;
      open = t < 12 && S_word(s, n, &k2, &w) && w.p[0] == '"';
      if (!open) return 0;
      k = k2;
      if (w.len > 1 && w.p[w.len - 1] == '"') return k;
      continue;
    }
    if (open && w.p[w.len - 1] == '"') return k;
  }
  return 0;
}

/* A picture's or a video's credit in brackets opening the sentence:
 * "( NAME/the washington post ) STORY", "( NAME / AGENCY / ) STORY", a
 * link's or a date's "( 1.usa.gov/ID ) STORY", and the agency's name in
 * brackets after it ("( ap photo/NAME ) ( associated press ) STORY"). A
 * slash inside, at most twelve words, no bracket within; "( cnn ) --"
 * has none and is a dateline's (clean_dateline), "[ ... ]" is
 * S_bracket_head_at's. Where it ends, 0 if s[i] does not open one. */
static size_t S_paren_credit_at(const char *s, size_t n, size_t i) {
  static const char *const agency[] = {
      "associated", "press", "ap", "reuters", "afp", "getty", "images", NULL};
  size_t k = i + 1, e;
  tok w;
  int slash = 0, t;
  for (t = 0;; t++) { /* "(" may cling to the first word, ")" to the last */
    if (t > 12 || !S_word(s, n, &k, &w)) return 0;
    int close = w.p[w.len - 1] == ')';
    w.len -= (uint32_t)close;
    if (memchr(w.p, '(', w.len) || memchr(w.p, ')', w.len)) return 0;
    slash |= memchr(w.p, '/', w.len) != NULL;
    if (close) break;
  }
  if (!slash) return 0;
  e = k;
  if (k + 1 < n && s[k] == ' ' && s[k + 1] == '(') {
    for (k += 2, t = 0; t < 3 && S_word(s, n, &k, &w); t++) {
      int close = w.p[w.len - 1] == ')';
      w.len -= (uint32_t)close;
      if (w.len && !tok_in(&w, agency)) break;
      if (close) {
        e = w.len || t ? k : e;
        break;
      }
    }
  }
  return e < n && s[e] == ' ' ? e : 0;
}

/* A station's video stamp opening the video's caption: "( published
 * friday, july 17, 2015 ) STORY", its "what to know" heading perhaps
 * after it. Where it ends, 0 if s[i] does not open one. */
static size_t S_published_at(const char *s, size_t n, size_t i) {
  size_t k = i + S_prefix_ci(s + i, n - i, "( published ");
  tok w;
  if (k == i || S_dated_run(s, n, &k) < 3) return 0;
  if (!S_word(s, n, &k, &w) || !tok_is(&w, ")")) return 0;
  if (S_prefix_ci(s + k, n - k, " what to know ") == 14) k += 13;
  return k < n && s[k] == ' ' ? k : 0;
}

/* The AP's running story: "PLACE ( ap ) — the latest on TOPIC ( all
 * times local ): ___ TIME STORY" (or "— — —" for the rule), s[i] being
 * the bracket. The story starts after the first entry's clock ("9: 25
 * a.m."), or after the colon when no clock follows. */
static size_t S_all_times_local_at(const char *s, size_t n, size_t i) {
  size_t e = S_notice_at(s, n, i, "( all times local ):");
  if (!e) return 0;
  size_t k = e, end = e;
  tok w;
  while (S_word(s, n, &k, &w) &&
         (w.p[0] == '_' || S_dash(w.p, w.len, 0) == w.len)) /* "___", "—" */
    end = k;
  k = end;
  for (int t = 0; t < 4 && S_word(s, n, &k, &w); t++) {
    unsigned c = S_time_class(w.p, w.len);
    if (!(c & (TW_NUMBER | TW_CLOCK))) break;
    if (c & TW_CLOCK) return k;
  }
  return end;
}

/* A bracketed line before the story, s[i] being its '[': a related
 * link's headline ("[ why the harbor closed ] STORY"), footnote numbers
 * ("[ 8 ] STORY"), a credit ("[ photo/kfp ] STORY") or an editor's
 * label ("[ via ... ]", "[ updated ... ]"). An editor's word put into a
 * quotation ("[ the council ] has ...", "[ eos ] has ...") is short or
 * has a verb next, and stays. The end of the bracket, 0 if none. */
static size_t S_bracket_head_at(const char *s, size_t n, size_t i) {
  static const char *const label[] = {
      "via",      "photo",   "photo:",   "photos", "image",   "images",
      "video",    "related", "related:", "update", "update:", "updated",
      "updated:", "latest:", "full",     NULL};
  static const char *const aux[] = {"is",    "are",    "was",  "were",  "has",
                                    "have",  "had",    "will", "would", "can",
                                    "could", "should", "may",  "might", "must",
                                    "does",  "do",     "did",  NULL};
  int depth = 0, words = 0, digits = 1, slash = 0, first_label = 0;
  size_t k = i;
  tok w;
  while (S_word(s, n, &k, &w) && k - i < 240) {
    for (size_t b = 0; b < w.len; b++)
      depth += w.p[b] == '[' ? 1 : w.p[b] == ']' ? -1 : 0;
    if (depth <= 0) break;
    int alnum = 0, digit = 1;
    for (size_t b = 0; b < w.len; b++) {
      unsigned char c = (unsigned char)w.p[b];
      int d = c >= '0' && c <= '9';
      alnum |= d || (S_lower(c) >= 'a' && S_lower(c) <= 'z') || c >= 0x80;
      digit &= d || c == '[' || c == ']';
      slash |= c == '/';
    }
    if (!alnum) continue;
    if (!words++) first_label = tok_in(&w, label);
    digits &= digit;
  }
  if (depth != 0 || !words || w.p[w.len - 1] != ']') return 0;
  if (!(digits || slash || first_label || words >= 4)) return 0;
  tok next;
  size_t e = k;
  if (S_word(s, n, &e, &next) && tok_in(&next, aux)) return 0;
  return k;
}

/* A photo's credit naming its paper or agency, opening the sentence:
 * "NAME NAME/the new york times STORY", "Photographer: NAME/bloomberg
 * STORY", "Credit NAME/for new york daily news STORY". The agency is read
 * from a list (a name of several words has no end to read otherwise in
 * lower-cased text); the name before the slash is one to three words
 * with no function word ("the latest new york times/cbs news poll"
 * stays), and a network's short name is left out of the list ("a
 * quinnipiac/fox poll"). Where the credit ends, 0 if s[i] does not open
 * one. */
static size_t S_agency_credit_at(const char *s, size_t n, size_t i) {
  static const char *const label[] = {
      "photographer:", "photograph:", "photo:",  "picture:", "pictures:",
      "image:",        "credit",      "credit:", "share",    NULL};
  /* longest first where one is a prefix of another */
  static const char *const agency[] = {"for the new york times",
                                       "the new york times",
                                       "for new york daily news",
                                       "new york daily news",
                                       "for the washington post",
                                       "the washington post",
                                       "the associated press",
                                       "associated press",
                                       "handout via reuters",
                                       "bloomberg news",
                                       "bloomberg",
                                       "getty images",
                                       "gety images",
                                       "wireimage",
                                       "filmmagic",
                                       "redferns",
                                       "invision",
                                       "startraks",
                                       "wenn",
                                       "wochit",
                                       "shutterstock",
                                       "houston chronicle",
                                       "hartford courant",
                                       "the commercial appeal",
                                       "the news journal",
                                       "the jackson sun",
                                       "usa today sports",
                                       "usa today",
                                       "record searchlight",
                                       "national archives",
                                       "hulton archive",
                                       "northjersey.com",
                                       "tribune media services",
                                       "las vegas sun",
                                       "orlando sentinel",
                                       "afp",
                                       "reuters",
                                       NULL};
  static const char *const via[] = {" via getty images", " via reuters",
                                    " via ap", NULL};
  size_t k = i, d = i;
  tok w;
  if (S_word(s, n, &d, &w) && tok_in(&w, label)) k = d;
  tok nw[3];
  const char *sl = NULL;
  int t = 0; /* the slash first: most sentences have none */
  for (; !sl && t < 3 && S_word(s, n, &k, &nw[t]); t++)
    sl = memchr(nw[t].p, '/', nw[t].len);
  if (!sl || t == 1 || sl == nw[t - 1].p) return 0; /* "ipsos/reuters" */
  for (int j = 0; j < t; j++) {
    size_t len = j == t - 1 ? (size_t)(sl - nw[j].p) : nw[j].len;
    if (S_small_stop(nw[j].p, nw[j].len) || !S_name_word(nw[j].p, len, 0))
      return 0;
  }
  size_t a = (size_t)(sl - s) + 1, m = 0;
  for (const char *const *p = agency; *p && !m; p++)
    if ((m = S_prefix_ci(s + a, n - a, *p)) && a + m < n && s[a + m] != ' ')
      m = 0;
  if (!m) return 0;
  a += m;
  for (const char *const *p = via; *p; p++)
    if ((m = S_prefix_ci(s + a, n - a, *p)) &&
        (a + m == n || s[a + m] == ' ')) {
      a += m;
      break;
    }
  return a < n ? a : 0;
}

/* A photo's credit naming a site, opening the sentence: "USER/flickr
 * STORY", "USER/youtube STORY", "USER/facebook: STORY", "flickr/USER
 * STORY", "images/AGENCY STORY". A name after a site's slash ("facebook/
 * NAME NAME") has no end to read in lower-cased text, and stays. */
static size_t S_site_credit_at(const char *s, size_t n, size_t i) {
  static const char *const site[] = {"flickr",    "youtube", "facebook",
                                     "instagram", "twitter", NULL};
  static const char *const host[] = {"flickr", "youtube", "images", NULL};
  size_t sl = i, k;
  while (sl < n && s[sl] != ' ' && s[sl] != '/')
    sl++;
  if (sl == i || sl == n || s[sl] != '/') return 0;
  for (k = sl + 1; k < n && s[k] != ' ' && s[k] != '/'; k++)
    ;
  if (k < n && s[k] == '/') return 0;
  tok left = {s + i, (uint32_t)(sl - i), 0};
  tok right = {s + sl + 1, (uint32_t)(k - sl - 1), 0};
  if (right.len && right.p[right.len - 1] == ':') right.len--;
  if (!right.len) return 0;
  return tok_in(&right, site) || tok_in(&left, host) ? k : 0;
}

/* An editor's label opening the sentence: "Update: STORY", "Update,
 * 1: 30 p.m.: STORY", "Update feb. 13, 2013, 7: 30 p.m.: STORY", "Update
 * #2: STORY", "Update ( 4 pm est ): STORY", "Update — 2: 16 p.m. et:
 * STORY", "Update 5: 30 a.m. pt — STORY", "Update 12: 45 a.m. ( kfp ) —
 * STORY", "update below STORY"; a page's "Published 31 january 2011 STORY",
 * "Published date: DATE STORY". The label ends at a colon or a dash after its
 * date's words, or after three or more such words (two after "published")
 * holding a number and a month or a clock. "Update the records ...", "Updated
 * models ..." and "Published in the journal ..." are sentences. Where
 * the label ends (n for a sentence that is nothing else), 0 if none. */
static size_t S_update_label_at(const char *s, size_t n, size_t i) {
  static const char *const label[] = {"update",    "update:",    "update,",
                                      "updated",   "updated:",   "updated,",
                                      "published", "published:", NULL};
  size_t k = i, end = 0, run = 0;
  tok w;
  int c0 = i < n ? S_lower((unsigned char)s[i]) : 0;
  if ((c0 != 'u' && c0 != 'p') || !S_word(s, n, &k, &w) || !tok_in(&w, label))
    return 0;
  int pub = S_lower((unsigned char)w.p[0]) == 'p';
  if (w.p[w.len - 1] == ':') end = k;
  size_t k2 = k;
  if (S_word(s, n, &k2, &w)) {
    if (!pub && tok_is(&w, "below")) return k2;
    if ((pub && tok_is(&w, "date:")) || S_dash(w.p, w.len, 0) == w.len)
      end = k = k2;
  }
  unsigned seen = 0;
  int words = 0, stop = 0;
  for (k2 = k; S_word(s, n, &k2, &w);) {
    unsigned c = S_time_class(w.p, w.len);
    if (words && tok_is(&w, "(")) { /* a station's "( kfp ) —" */
      size_t k3 = k2;
      tok b;
      for (int t = 0; t < 3 && S_word(s, n, &k3, &b); t++)
        if (tok_is(&b, ")")) {
          if (S_word(s, n, &k3, &b) && S_dash(b.p, b.len, 0) == b.len)
            return k3;
          break;
        }
    }
    if (tok_is(&w, "at") || tok_is(&w, "on"))
      c = TW_MARK;
    else if (w.p[0] == '#' && w.len > 1 && w.p[1] >= '0' && w.p[1] <= '9')
      c = TW_NUMBER;
    else if (!c) {
      size_t k3 = k2; /* "3/6/26 – 2: 27 p.m." */
      tok next;
      stop = !words || S_dash(w.p, w.len, 0) != w.len ||
             !S_word(s, n, &k3, &next) ||
             S_time_class(next.p, next.len) != TW_NUMBER;
      if (stop) break;
      c = TW_MARK;
    }
    if (S_numeric_stamp(&w)) c |= TW_CLOCK;
    seen |= c;
    if (c == TW_MARK && w.p[w.len - 1] != ':') continue;
    words += c != TW_MARK;
    run = k2;
    size_t k3 = k2;
    tok next; /* "8: 25 am", "gmt+02: 00": a clock's colon */
    if (w.p[w.len - 1] == ':' &&
        !(S_word(s, n, &k3, &next) && S_minutes(&next)))
      return k2;
  }
  if (stop && run && (tok_is(&w, ":") || S_dash(w.p, w.len, 0) == w.len))
    return k2;
  if (S_dated(seen) && words >= (pub ? 2 : 3) &&
      s[run - 1] != ',') /* "Published May 3, it" */
    return S_source_byline(s, n, run);
  return end;
}

/* The end of the last piece of furniture in s and the spaces after it,
 * 0 if none: one pass over the word starts, since a page may stack
 * them (a caption's toggle, then an update stamp). */
static size_t S_furniture_end(const char *s, size_t n) {
  size_t end = 0, i = 0;
  while (i < n) { /* s[i] opens a word */
    size_t e = 0, k;
    switch (S_lower((unsigned char)s[i])) {
    case 'r': e = S_prompt_at(s, n, i, "read more "); break;
    case 'h':
      if (i == end) e = S_link_head_at(s, n, i);
      break;
    case 'o': /* "... use the order reprints tool ... or visit URL STORY" */
      e = S_notice_at(s, n, i, "or visit www.djreprints.com");
      /* a photo's button after its credit: "NAME / OUTLET ) order this" */
      if (!e && (i == 0 || (i >= 2 && s[i - 2] == ')')))
        e = S_notice_at(s, n, i, "order this photo");
      break;
    case 'i':
      e = S_toggle_caption_at(s, n, i);
      if (!e && i == end) e = S_media_label_at(s, n, i);
      break;
    case 'v':
      if (i == end) e = S_media_label_at(s, n, i);
      break;
    case 't':
      e = S_toggle_caption_at(s, n, i);
      if (!e) e = S_notice_at(s, n, i, "try again later invalid email");
      break;
    case 'n': e = S_notice_at(s, n, i, "newsletters here"); break;
    case 'f': e = S_notice_at(s, n, i, "free sign up"); break;
    case 'x': e = S_notice_at(s, n, i, "x embed x share"); break;
    case 'w': e = S_share_notice_at(s, n, i); break;
    case 'l':
      e = S_like_us_at(s, n, i);
      if (!e && i == end) e = S_share_bar_at(s, n, i, end > 0);
      break;
    case 'a':
      if (i == end) e = S_abstract_at(s, n, i);
      if (!e) e = S_ad_label_at(s, n, i);
      break;
    case '-':
    case '*':
    case 0xc2:
    case 0xc3:
    case 0xe2:
      if (i == end) e = S_bullet_at(s, n, i);
      break;
    case '_':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
      if (i == end) e = S_clock_head_at(s, n, i);
      break;
    case 'd':
      if (i == end) e = S_doi_head_at(s, n, i);
      break;
    case 'c': /* mid-sentence; clean_widget_head takes it opening one */
      e = S_notice_at(s, n, i, "continue reading the main story");
      if (!e) /* a player's "... tap to play the video will start in 8 ..." */
        e = S_notice_at(s, n, i, "cancel play now");
      if (e && (k = S_notice_at(s, n, e + 1, "related stories"))) e = k;
      break;
    case 'b': e = S_notice_at(s, n, i, "by subscribing now"); break;
    case 'm':
      if (i == end) e = S_media_caption_at(s, n, i);
      if (!e && i == end) e = S_more_info_at(s, n, i);
      break;
    case 'e':
      e = S_notice_at(s, n, i, "enter your e-mail address to sign up");
      if (!e) e = S_prompt_at(s, n, i, "email this ");
      if (!e && i == end && end > 0) e = S_share_bar_at(s, n, i, 1);
      break;
    case 's': /* after a dash; not "... or sign up here to receive it" */
      if (i == end && (e = S_share_bar_at(s, n, i, end > 0))) break;
      /* a headline before it, then perhaps the stamp: "HEADLINE sign up
       * for our newsletter DATE, TIME gmt / source: AGENCY by NAME" */
      if (i > end && (e = S_notice_at(s, n, i, "sign up for our newsletter"))) {
        size_t d = e;
        if (S_dated_run(s, n, &d) >= 3) e = d;
        e = S_source_byline(s, n, e);
        break;
      }
      if ((e = S_prompt_at(s, n, i, "share this "))) break;
      e = S_notice_at(s, n, i, "sign up here");
      if (e && i > end) {
        tok prev = S_word_before(s, i - 1);
        if (!prev.len || S_dash(prev.p, prev.len, 0) != prev.len) e = 0;
      }
      break;
    case '[':
      if (i == end) e = S_bracket_head_at(s, n, i);
      break;
    case '(':
      e = S_all_times_local_at(s, n, i);
      if (!e && i == end) e = S_clock_head_at(s, n, i);
      if (!e && i == end) e = S_published_at(s, n, i);
      if (!e && i == end) e = S_paren_credit_at(s, n, i);
      break;
    case '&':
    case '|': e = S_bar_at(s, n, end, i); break;
    case 'u':
    case 'p':
      e = S_stamp_at(s, n, end, i);
      if (!e && i == end) e = S_posted_by_at(s, n, i);
      if (!e && i == end) e = S_poster_at(s, n, i);
      if (!e && i == end) e = S_update_label_at(s, n, i);
      if (!e && i == end) e = S_media_label_at(s, n, i);
      break;
    case '/': e = S_stamp_at(s, n, end, i + 1); break;
    default: break;
    }
    if (!e && i == end) e = S_site_credit_at(s, n, i);
    if (!e && i == end) e = S_agency_credit_at(s, n, i);
    if (e <= end) {
      const char *sp = memchr(s + i, ' ', n - i);
      if (!sp) break;
      if (S_lower((unsigned char)sp[-1]) != 'd' ||
          (e = S_glued_read_more_at(s, n, i, (size_t)(sp - s))) == 0) {
        i = (size_t)(sp - s);
        while (i < n && s[i] == ' ')
          i++;
        continue;
      }
    }
    i = e;
    while (i < n && s[i] == ' ')
      i++;
    end = i;
  }
  return end;
}

/* A wire's credit for a handout picture opening the sentence, "NAME /
 * OUTLET via ap STORY", "kremlin/handout via reuters STORY", "(
 * disney-pixar via ap ) STORY": "via" and the agency within the first
 * CREDIT_VIA_WORDS words, a slash before them or a bracket opening the
 * sentence ("the video came via reuters" is a story's). The end of the
 * agency's name, 0 if none. */
#define CREDIT_VIA_WORDS 12
static size_t S_via_credit_end(const char *s, size_t n) {
  static const char *const agency[] = {"ap", "reuters", "afp", NULL};
  int slash = n && s[0] == '(';
  if (!slash && !memchr(s, '/', n)) return 0;
  size_t i = 0;
  tok w, a;
  for (int k = 0; k < CREDIT_VIA_WORDS && S_word(s, n, &i, &w); k++) {
    slash |= memchr(w.p, '/', w.len) != NULL;
    if (k == 0 || !slash || !tok_is(&w, "via")) continue;
    size_t j = i;
    if (S_word(s, n, &j, &a) && tok_in(&a, agency)) return j;
  }
  return 0;
}

/* A picture agency's credit before the story: "NAME/getty STORY",
 * "NAME / AGENCY / getty STORY", "&#124; getty STORY" (an unread bar),
 * "( getty images ) STORY", "NAME/bloomberg via getty images STORY",
 * "Getty image NAME STORY", "( NAME/ap ) STORY", "NAME/invision/ap
 * STORY". Getty's name is a credit where a slash, a bar, a bracket or
 * "via" stands against it or it opens the sentence; the family and the
 * town keep theirs ("andrew getty, who ...", "gettysburg"). "ap" is one
 * only after a name and a slash: "( ap ) —" is a dateline's
 * (clean_dateline). The end of the last credit and the spaces after it,
 * 0 if none. */
static size_t S_photo_credit_end(const char *s, size_t n) {
  static const char *const marks[] = {"/", "|", "&#124;", "(", "via", NULL};
  static const char *const tail[] = {"image", "images",       ")", "-",
                                     "--",    "\xe2\x80\x94", NULL};
  size_t end = 0;
  for (const char *y = s; (y = memchr(y, 'y', n - (size_t)(y - s))); y++) {
    size_t g = (size_t)(y - s), e = g + 1;
    if (g < 4 || S_lower((unsigned char)s[g - 4]) != 'g' ||
        memcmp(s + g - 3, "ett", 3) != 0)
      continue;
    g -= 4;
    if (S_prefix_ci(s + e, n - e, "images")) e += 6;
    if (e < n && s[e] == ')') e++;
    if (e < n && s[e] != ' ') continue; /* "gettysburg", "getty," */
    int credit = g == 0 || s[g - 1] == '/';
    if (!credit && s[g - 1] == ' ') {
      tok prev = S_word_before(s, g - 1);
      credit = tok_in(&prev, marks);
    }
    if (credit && e > end) end = e;
  }
  for (const char *sl = s; (sl = memchr(sl, '/', n - (size_t)(sl - s))); sl++) {
    size_t i = (size_t)(sl - s), e = i + 3;
    if (i == 0 || !S_letter_byte((unsigned char)s[i - 1]) ||
        S_prefix_ci(s + i + 1, n - i - 1, "ap") != 2)
      continue;
    if (e < n && s[e] == ')') e++;
    if (e < n && s[e] != ' ') continue; /* "/apps", "/ap/tt" */
    if (e > end) end = e;
  }
  size_t v = S_via_credit_end(s, n);
  if (v > end) end = v;
  tok w; /* "getty images )", "/ap ) --" */
  for (size_t k = end, j = 0;
       end && j < 2 && S_word(s, n, &k, &w) && tok_in(&w, tail); j++)
    end = k;
  while (end && end < n && s[end] == ' ')
    end++;
  return end;
}

/* The widget's words opening s and the spaces after them, 0 if none. */
static size_t S_widget_end(const char *s, size_t n) {
  size_t m = 0;
  for (const char *const *p = widget_heads; *p && !m; p++) {
    m = S_prefix_ci(s, n, *p);
    if (m && (m == n || s[m] != ' ')) m = 0;
  }
  while (m < n && s[m] == ' ')
    m++;
  return m;
}

/* A related link or a picture's credit in brackets opening s, "( read
 * also: HEADLINE ) ", "[See also: HEADLINE] ", "( photo: NAME, ap ) "
 * (USA Today's, before the story's lead), "( credit: facebook ) ",
 * "( courtesy of the state department ) ": where it and the spaces after
 * it end, 0 if s opens none. The bracket closes within 300 bytes and
 * holds no other. */
static size_t S_link_aside_end(const char *s, size_t n) {
  static const char *const heads[] = {
      "read:",  "read also:", "also read:", "read more:", "see also:",
      "see:",   "related:",   "photo:",     "photos:",    "image:",
      "video:", "credit:",    "courtesy",   NULL};
  if (n < 4 || (s[0] != '(' && s[0] != '[')) return 0;
  char close = s[0] == '(' ? ')' : ']';
  size_t i = 1, m = 0;
  while (i < n && s[i] == ' ')
    i++;
  for (const char *const *h = heads; *h && !m; h++)
    m = S_prefix_ci(s + i, n - i, *h);
  if (!m) return 0;
  for (i += m; i < n && i < 300; i++) {
    if (s[i] == '(' || s[i] == '[') return 0;
    if (s[i] == close) break;
  }
  if (i >= n || s[i] != close) return 0;
  for (i++; i < n && s[i] == ' ';)
    i++;
  return i;
}

/* Politico's text-size buttons opening s, then a video's links and the
 * section's name: "Text size - + reset video: TITLE politico 44 STORY".
 * Where the name ends, 0 if s opens no such run. Without the name, the
 * buttons are followed by the story or by related headlines ("Text size
 * - + reset paul: ' nobody's going to clinch ' STORY") that no mark
 * ends, and the sentence stays out whole. */
static size_t S_text_size_end(const char *s, size_t n) {
  size_t m = S_prefix_ci(s, n, "text size - + reset ");
  if (!m) return 0;
  const char *p = S_find_ci(s + m, n - m < 300 ? n - m : 300, "politico 44 ");
  return p ? (size_t)(p - s) + 12 : 0;
}

/* NBC's player opening s, its buttons, the video's title and its
 * length: "Play facebook twitter embed TITLE 2: 07 STORY". Where the
 * length ends, 0 if s opens no such run (the length within 200 bytes). */
static size_t S_play_embed_end(const char *s, size_t n) {
  size_t m = S_prefix_ci(s, n, "play facebook twitter embed ");
  if (!m) return 0;
  for (size_t i = m + 1, e = n - m < 200 ? n : m + 200; i + 4 < e; i++)
    if (s[i] == ':' && s[i + 1] == ' ' && s[i - 1] >= '0' && s[i - 1] <= '9' &&
        s[i + 2] >= '0' && s[i + 2] <= '9' && s[i + 3] >= '0' &&
        s[i + 3] <= '9' && s[i + 4] == ' ')
      return i + 5;
  return 0;
}

size_t clean_widget_head(const char *s, size_t n) {
  size_t m = S_link_aside_end(s, n);
  if (!m) m = S_text_size_end(s, n);
  if (!m) m = S_play_embed_end(s, n);
  m += S_widget_end(s + m, n - m);
  size_t f = S_furniture_end(s + m, n - m),
         g = S_photo_credit_end(s + m, n - m);
  if (g > f) { /* "( getty ) update below STORY": a head after the credit */
    g += S_furniture_end(s + m + g, n - m - g);
    g += S_widget_end(s + m + g, n - m - g); /* "( ... ) story highlights" */
  }
  m += f > g ? f : g;
  if (f > g) /* "advertisement continue reading below STORY" */
    m += S_widget_end(s + m, n - m);
  return m && m < n && count_words(s + m, n - m) >= 4 ? m : 0;
}

static int S_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

/* w without the punctuation around it ("melbourne,", "' jail"). */
static tok S_bare(tok w) {
  while (w.len && !S_ascii_alnum((unsigned char)w.p[w.len - 1]))
    w.len--;
  while (w.len && !S_ascii_alnum((unsigned char)w.p[0])) {
    w.p++;
    w.len--;
  }
  return w;
}

/* 1 if the bare word a has four letters or more and is one of the bare
 * words u[0..nu), or shares its first five letters with one
 * ("astrophysics", "astrophysicists"). */
static int S_long_word_in(const tok *a, const tok *u, size_t nu) {
  if (a->len < 4) return 0;
  for (size_t j = 0; j < nu; j++) {
    if (S_same_ci(a, &u[j])) return 1;
    if (a->len >= 5 && u[j].len >= 5) {
      tok a5 = {a->p, 5, 0}, b5 = {u[j].p, 5, 0};
      if (S_same_ci(&a5, &b5)) return 1;
    }
  }
  return 0;
}

size_t clean_headline_stamp(const char *s, size_t n) {
  /* words that make "updated" a verb or an adjective */
  static const char *const verb[] = {
      "is",   "are", "was",   "were", "be",    "been", "being", "has",
      "have", "had", "get",   "got",  "gets",  "keep", "kept",  "keeps",
      "the",  "a",   "an",    "its",  "their", "his",  "her",   "our",
      "your", "my",  "some",  "any",  "new",   "last", "just",  "and",
      "or",   "we",  "we've", "i",    "i've",  "they", "he",    "she",
      "it",   "who", "which", "that", "(",     NULL};
  static const char *const prep[] = {"on",  "by",   "to", "with", "in",
                                     "for", "from", "as", "and",  "or",
                                     ":",   "(",    NULL};
  tok w[40], next, after[30];
  size_t k = 0, nw = 0, na = 0;
  while (nw < 40 && S_word(s, n, &k, &w[nw]))
    nw++;
  size_t i = 5;
  while (i < nw && !tok_is(&w[i], "updated"))
    i++;
  if (i >= nw || tok_in(&w[i - 1], verb) ||
      (w[i - 1].len > 2 &&
       S_prefix_ci(w[i - 1].p + w[i - 1].len - 2, 2, "ly") == 2))
    return 0;
  size_t at = (size_t)(w[i].p - s), e = at + w[i].len, k2 = e;
  if (!S_word(s, n, &k2, &next)) return 0;
  if (tok_is(&next, "at")) { /* "updated at 6: 20 p.m. et STORY" */
    if (!(e = S_update_label_at(s, n, at))) return 0;
  } else if (tok_in(&next, prep)) {
    return 0;
  }
  for (k2 = e; na < 30 && S_word(s, n, &k2, &after[na]); na++)
    after[na] = S_bare(after[na]);
  if (na < 8) return 0;
  for (size_t j = 0; j < i; j++) /* the headline's words, bare */
    w[j] = S_bare(w[j]);
  size_t shared = 0; /* the headline's words the story gives again */
  for (size_t j = 0; j < i && shared < 2; j++)
    if (!S_long_word_in(&w[j], w, j) && S_long_word_in(&w[j], after, na))
      shared++;
  if (shared < 2) return 0;
  while (e < n && s[e] == ' ')
    e++;
  return e;
}

size_t clean_dateline(const char *s, size_t n) {
  size_t i = 0, words = 0, upper = 0, lower = 0;
  int in_word = 0;
  /* the place: at most six words of letters, digits, ", . '" (and
   * non-ASCII letters: SÃO PAULO) */
  for (; i < n && i < 64; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch == ' ') {
      in_word = 0;
      continue;
    }
    if (ch == '(' || ch == '-' || ch == 0xE2) break;
    if (!(S_ascii_alnum(ch) || ch >= 0x80 || ch == ',' || ch == '.' ||
          ch == '\''))
      return 0;
    upper += ch >= 'A' && ch <= 'Z';
    lower += ch >= 'a' && ch <= 'z';
    if (!in_word && ++words > 6) return 0;
    in_word = 1;
  }
  if (i >= n || (words && s[i - 1] != ' ')) return 0;
  /* the agency, one or two words: "(AP)", "( reuters health )",
   * "(WSYR-TV)" */
  int agency = 0;
  if (s[i] == '(') {
    size_t j = i + 1, aw = 0;
    int w = 0;
    for (; j < n && s[j] != ')' && j - i < 32; j++) {
      unsigned char ch = (unsigned char)s[j];
      if (ch == ' ') {
        w = 0;
        continue;
      }
      if (!(S_ascii_alnum(ch) || ch == '-' || ch == '/' || ch == '.'))
        return 0; /* "( kcci/cnn )", "( cbsla.com )" */
      if (!w) aw++;
      w = 1;
    }
    if (j >= n || s[j] != ')' || aw == 0 || aw > 2) return 0;
    agency = 1;
    for (i = j + 1; i < n && s[i] == ' '; i++)
      ;
  }
  size_t d = S_dash(s, n, i);
  if (!d || i + d >= n || s[i + d] != ' ') return 0;
  size_t e = i + d;
  while (e < n && s[e] == ' ')
    e++;
  if (agency && e + 1 < n && s[e] == '-' && s[e + 1] == ' ') /* "- -" */
    for (e++; e < n && s[e] == ' '; e++)
      ;
  if (e >= n) return 0;
  if (!agency) {
    unsigned char c = (unsigned char)s[e];
    if (words == 0 || lower > 0 || upper < 2) return 0;
    if (!((c >= 'A' && c <= 'Z') || c == '"' || c >= 0x80)) return 0;
  }
  return e;
}

/* 1 if word w (any case, a comma after it allowed) is an English
 * stopword: html_stopword()'s list, the one the extractor reads. */
static int S_en_stopword(const char *w, size_t n) {
  char low[16];
  while (n && w[n - 1] == ',')
    n--;
  if (n == 0 || n >= sizeof low) return 0;
  for (size_t i = 0; i < n; i++)
    low[i] = (char)S_lower((unsigned char)w[i]);
  return (html_stopword(low, n) & HTML_LANG_EN) != 0;
}

size_t clean_dateline_lowered(const char *s, size_t n) {
  size_t k = 0, d = 0;
  tok w;
  /* the place: one to five name words, "dover, fla.", "rio de janeiro" */
  for (int t = 0;; t++) {
    if (!S_word(s, n, &k, &w)) return 0;
    d = S_dash(w.p, w.len, 0);
    if (t > 0 && d >= 2 && d == w.len) break; /* "—", "--"; not "-" */
    if (t == 5 || !S_name_word(w.p, w.len, 1) || memchr(w.p, '\'', w.len) ||
        S_en_stopword(w.p, w.len) ||
        (w.len > 2 && S_prefix_ci(w.p + w.len - 2, 2, "ly") == 2))
      return 0; /* "the doc —", "hold those messages --", "mix slowly —" */
  }
  size_t e = k;
  while (e < n && s[e] == ' ')
    e++;
  unsigned char c = e < n ? (unsigned char)s[e] : 0;
  if (!(S_ascii_alnum(c) || c == '"' || c == '\'' || c >= 0x80)) return 0;
  /* the story: six words or more, and no second dash, which would make
   * the first an aside's ("arthropods — a huge group ... — have") */
  size_t words = 0;
  for (k = e; S_word(s, n, &k, &w);) {
    d = S_dash(w.p, w.len, 0);
    if (d >= 2 && d == w.len) return 0;
    words++;
  }
  return words >= 6 ? e : 0;
}

/* CNN's house mark: "(CNN)" opens its stories, "(CNN)STORY" or
 * "WASHINGTON (CNN) -- STORY". Its names and where the story starts
 * after the mark at s[i] ("(", perhaps "( "), 0 if s[i] opens none. */
static size_t S_cnn_mark_at(const char *s, size_t n, size_t i) {
  static const char *const names[] = {"cnn", "cnnmoney", "cnnmoney.com",
                                      "cnn business", NULL};
  size_t k = i + 1;
  if (k < n && s[k] == ' ') k++;
  for (const char *const *p = names; *p; p++) {
    size_t m = S_prefix_ci(s + k, n - k, *p), e = k + m;
    if (!m) continue;
    if (e < n && s[e] == ' ') e++;
    if (e >= n || s[e] != ')') continue;
    for (e++; e < n && s[e] == ' '; e++)
      ;
    size_t d = S_dash(s, n, e);
    if (d && e + d < n && s[e + d] == ' ')
      for (e += d; e < n && s[e] == ' '; e++)
        ;
    return e;
  }
  return 0;
}

size_t clean_cnn_mark(const char *s, size_t n) {
  size_t span = n < CLEAN_CNN_MARK_SPAN ? n : CLEAN_CNN_MARK_SPAN;
  for (const char *p = s; (p = memchr(p, '(', span - (size_t)(p - s))); p++) {
    size_t i = (size_t)(p - s), e;
    if (i && s[i - 1] != ' ') continue;
    if ((e = S_cnn_mark_at(s, n, i)))
      return count_words(s + e, n - e) >= 4 ? e : 0;
  }
  return 0;
}
