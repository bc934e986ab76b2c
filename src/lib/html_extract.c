/* html_extract.c — main-text extraction from a parsed HTML document.
 *
 * The algorithm follows Readability (Mozilla's Readability.js, itself after
 * Arc90's) with additions from boilerplate-detection work (jusText's
 * stop-word density, trafilatura's pruning of known non-content sections):
 *
 *  1. Flatten. The libxml2 tree is copied, iteratively and with a depth
 *     cap, into an array of nodes in document order (pre-order; each node
 *     knows its parent and the end of its subtree). Script, style, form
 *     controls, media and hidden elements (hidden attribute, display:none,
 *     aria-hidden, screen-reader-only classes) contribute no text. Each
 *     element gets class/id evidence: tokens such as article/content/story
 *     weigh +25, nav/footer/comment/share/related/promo/newsletter/cookie/ad
 *     weigh -25 (class and id separately, as in Readability), and the
 *     strongest negatives mark the element "unlikely".
 *  2. Blocks. Text is cut into blocks at block-level element boundaries and
 *     at double <br>; each block has its owner element and counts: length,
 *     link text, words, stop words (of the page's detected language),
 *     commas and sentence punctuation.
 *  3. Candidates. Each block of 25+ characters, not mostly links, scores
 *     1 + commas + min(length/100, 3), given to its paragraph's parent in
 *     full, to the grandparent halved and to three more ancestors divided
 *     by 3*level. Candidates start from a tag prior (div +5, td/pre/quote
 *     +3, lists/forms -3, headings -5) plus class weight, and end scaled by
 *     (1 - link density). Readability's moves follow: an ancestor shared by
 *     three near-top candidates wins, the parent wins when it scores more,
 *     single-child wrappers are climbed.
 *  4. Siblings. Children of the winner's parent join the article when
 *     their score reaches max(10, 0.2 * top) (a bonus for sharing the
 *     winner's class), or when they are prose-like paragraphs (long and
 *     link-poor, or short, link-free and ending a sentence). This brings
 *     back bodies split across several containers.
 *  5. Extent. An ancestor replaces the article when it at least doubles
 *     the prose (by 800+ characters) while adding little link-list text
 *     (list articles and deeply nested markup defeat Readability's
 *     five-level propagation).
 *  6. Cleaning, bottom-up inside the article: negative-weight containers,
 *     asides/footers/navs, and containers judged by Readability's
 *     conditional rules (image-heavy, input-heavy, link-dense, short and
 *     linky, embed-only) are removed; data tables and code are kept.
 *  7. Output. Headings repeating the headline are dropped; an element
 *     marked "comments" after the first 200 characters ends the article
 *     (threads whose comments carry no markup of their own); short blocks
 *     that are not sentences, and link lists, are trimmed from both ends
 *     (bylines, datelines, credits, share prompts, "Related" lists), and
 *     at the end also copyright lines and short teasers between such
 *     junk. With a JSON-LD articleBody, blocks are checked against its
 *     shingles.
 *
 * Steps 2-7 run with all rules on; if the text is shorter than 500
 * characters they are retried with the unlikely-stripping, then the class
 * weights, then the conditional cleaning switched off, and the longest
 * result wins (Readability's retry ladder).
 *
 * Everything is iterative over arrays; work is linear in the number of
 * nodes except bounded ancestor walks (5 levels for scores, the depth cap
 * for the rest).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "vec.h"

/* ---- tags ---- */

enum {
  TF_BLOCK = 1, /* starts a new block of text */
  TF_SKIP = 2,  /* subtree contributes no text (kept as a leaf) */
  TF_HEADING = 4,
  TF_PARA = 8,   /* a "paragraph" for scoring (Readability's p/td/pre) */
  TF_CLEAN = 16, /* container judged by conditional cleaning */
  TF_LIST = 32,
  TF_EMBED = 64,
  TF_INPUT = 128,
  TF_UNLIKELY = 256, /* boilerplate by its tag alone */
  TF_REPARSE = 512   /* skipped unless it swallowed the page */
};

enum {
  T_OTHER = 0,
  T_A,
  T_ARTICLE,
  T_ASIDE,
  T_BLOCKQUOTE,
  T_BODY,
  T_BR,
  T_CAPTION,
  T_CODE,
  T_DD,
  T_DIV,
  T_DL,
  T_DT,
  T_FIGCAPTION,
  T_FIGURE,
  T_FOOTER,
  T_FORM,
  T_H1,
  T_H2,
  T_H3,
  T_H4,
  T_H5,
  T_H6,
  T_HEADER,
  T_HR,
  T_HTML,
  T_IMG,
  T_LI,
  T_MAIN,
  T_NAV,
  T_OL,
  T_P,
  T_PRE,
  T_SECTION,
  T_TABLE,
  T_TD,
  T_TH,
  T_TR,
  T_UL,
  T_INPUT,
  T_ADDRESS,
  T_FIELDSET,
  T_MENU,
  T_TIME
};

typedef struct tag_info {
  const char *name;
  unsigned char id;
  unsigned short flags;
} tag_info;

/* sorted by name for bsearch */
static const tag_info tags[] = {
    {"a", T_A, 0},
    {"address", T_ADDRESS, TF_BLOCK},
    {"applet", T_OTHER, TF_SKIP | TF_EMBED | TF_REPARSE},
    {"article", T_ARTICLE, TF_BLOCK},
    {"aside", T_ASIDE, TF_BLOCK | TF_CLEAN | TF_UNLIKELY},
    {"audio", T_OTHER, TF_SKIP | TF_EMBED | TF_REPARSE},
    {"blockquote", T_BLOCKQUOTE, TF_BLOCK},
    {"body", T_BODY, TF_BLOCK},
    {"br", T_BR, 0},
    {"button", T_OTHER, TF_SKIP | TF_INPUT | TF_REPARSE},
    {"canvas", T_OTHER, TF_SKIP | TF_REPARSE},
    {"caption", T_CAPTION, TF_BLOCK},
    {"center", T_OTHER, TF_BLOCK},
    {"code", T_CODE, 0},
    {"datalist", T_OTHER, TF_SKIP | TF_REPARSE},
    {"dd", T_DD, TF_BLOCK},
    {"details", T_OTHER, TF_BLOCK},
    {"dialog", T_OTHER, TF_SKIP | TF_REPARSE},
    {"dir", T_OTHER, TF_BLOCK | TF_LIST},
    {"div", T_DIV, TF_BLOCK | TF_CLEAN},
    {"dl", T_DL, TF_BLOCK},
    {"dt", T_DT, TF_BLOCK},
    {"embed", T_OTHER, TF_SKIP | TF_EMBED},
    {"fieldset", T_FIELDSET, TF_BLOCK | TF_CLEAN},
    {"figcaption", T_FIGCAPTION, TF_BLOCK},
    {"figure", T_FIGURE, TF_BLOCK},
    {"footer", T_FOOTER, TF_BLOCK | TF_CLEAN | TF_UNLIKELY},
    {"form", T_FORM, TF_BLOCK | TF_CLEAN},
    {"frame", T_OTHER, TF_SKIP},
    {"frameset", T_OTHER, TF_SKIP},
    {"h1", T_H1, TF_BLOCK | TF_HEADING},
    {"h2", T_H2, TF_BLOCK | TF_HEADING | TF_PARA},
    {"h3", T_H3, TF_BLOCK | TF_HEADING | TF_PARA},
    {"h4", T_H4, TF_BLOCK | TF_HEADING | TF_PARA},
    {"h5", T_H5, TF_BLOCK | TF_HEADING | TF_PARA},
    {"h6", T_H6, TF_BLOCK | TF_HEADING | TF_PARA},
    {"head", T_OTHER, TF_SKIP},
    {"header", T_HEADER, TF_BLOCK},
    {"hgroup", T_OTHER, TF_BLOCK},
    {"hr", T_HR, TF_BLOCK},
    {"html", T_HTML, TF_BLOCK},
    {"iframe", T_OTHER, TF_SKIP | TF_EMBED},
    {"img", T_IMG, 0},
    {"input", T_INPUT, TF_SKIP | TF_INPUT},
    {"legend", T_OTHER, TF_BLOCK},
    {"li", T_LI, TF_BLOCK},
    {"link", T_OTHER, TF_SKIP},
    {"main", T_MAIN, TF_BLOCK},
    {"map", T_OTHER, TF_SKIP | TF_REPARSE},
    {"math", T_OTHER, 0},
    {"menu", T_MENU, TF_BLOCK | TF_LIST | TF_UNLIKELY},
    {"meta", T_OTHER, TF_SKIP},
    {"nav", T_NAV, TF_BLOCK | TF_UNLIKELY},
    {"noembed", T_OTHER, TF_SKIP | TF_REPARSE},
    {"noframes", T_OTHER, TF_SKIP | TF_REPARSE},
    {"noscript", T_OTHER, TF_SKIP | TF_REPARSE},
    {"object", T_OTHER, TF_SKIP | TF_EMBED | TF_REPARSE},
    {"ol", T_OL, TF_BLOCK | TF_LIST | TF_CLEAN},
    {"option", T_OTHER, TF_SKIP | TF_REPARSE},
    {"p", T_P, TF_BLOCK | TF_PARA},
    {"param", T_OTHER, TF_SKIP},
    {"picture", T_OTHER, 0},
    {"pre", T_PRE, TF_BLOCK | TF_PARA},
    {"script", T_OTHER, TF_SKIP},
    {"section", T_SECTION, TF_BLOCK | TF_CLEAN},
    {"select", T_OTHER, TF_SKIP | TF_INPUT | TF_REPARSE},
    {"style", T_OTHER, TF_SKIP},
    {"summary", T_OTHER, TF_BLOCK},
    {"svg", T_OTHER, TF_SKIP},
    {"table", T_TABLE, TF_BLOCK | TF_CLEAN},
    {"tbody", T_OTHER, TF_BLOCK},
    {"td", T_TD, TF_BLOCK | TF_PARA},
    {"template", T_OTHER, TF_SKIP},
    {"textarea", T_OTHER, TF_SKIP | TF_INPUT | TF_REPARSE},
    {"tfoot", T_OTHER, TF_BLOCK},
    {"th", T_TH, TF_BLOCK},
    {"thead", T_OTHER, TF_BLOCK},
    {"time", T_TIME, 0},
    {"title", T_OTHER, TF_SKIP},
    {"tr", T_TR, TF_BLOCK},
    {"ul", T_UL, TF_BLOCK | TF_LIST | TF_CLEAN},
    {"video", T_OTHER, TF_SKIP | TF_EMBED | TF_REPARSE},
};

static const tag_info *tag_lookup(const char *name) {
  size_t lo = 0, hi = sizeof tags / sizeof tags[0];
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(name, tags[mid].name);
    if (c == 0) return &tags[mid];
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return NULL;
}

const char *html_attr(const xmlNode *n, const char *name) {
  for (const xmlAttr *a = n->properties; a; a = a->next) {
    if (a->name && html_strcaseeq((const char *)a->name, name)) {
      const xmlNode *c = a->children;
      if (c && c->type == XML_TEXT_NODE && !c->next && c->content)
        return (const char *)c->content;
      return c ? NULL : "";
    }
  }
  return NULL;
}

/* ---- class/id evidence ---- */

enum { M_ANY = 0, M_START = 1, M_WORD = 2 };
enum {
  K_NEG = 1,
  K_UNLIKELY = 2,
  K_POS = 4,
  K_MAYBE = 8,
  K_HIDE = 16,
  K_STRONG = 32, /* unlikely even when it holds most of the text */
  K_PART = 64    /* a part of an article ("article-tools", "share-story") */
};

typedef struct keyword {
  const char *w;
  unsigned char match; /* M_* */
  unsigned char kind;  /* K_* */
} keyword;

/* Vocabulary of page furniture and of article containers. M_ANY matches
 * anywhere in a class or id ("sharebar", "post-comments"), M_START at the
 * start of a word ("main-col" but not "domain"), M_WORD whole words only
 * ("ad" but not "header"). Word starts include camelCase humps. */
static const keyword keywords[] = {
    {"ad", M_WORD, K_NEG | K_UNLIKELY},
    {"ads", M_WORD, K_NEG | K_UNLIKELY},
    {"adsense", M_ANY, K_NEG | K_UNLIKELY},
    {"advert", M_ANY, K_NEG | K_UNLIKELY},
    {"agegate", M_ANY, K_NEG | K_UNLIKELY},
    {"article", M_ANY, K_POS | K_MAYBE},
    {"author", M_START, K_NEG | K_UNLIKELY},
    {"banner", M_ANY, K_NEG | K_UNLIKELY},
    {"bio", M_WORD, K_NEG},
    {"blog", M_ANY, K_POS},
    {"body", M_ANY, K_POS | K_MAYBE},
    {"breadcrumb", M_ANY, K_NEG | K_UNLIKELY | K_PART},
    {"byline", M_ANY, K_NEG},
    {"column", M_ANY, K_MAYBE},
    {"combx", M_ANY, K_NEG | K_UNLIKELY},
    {"comment", M_ANY, K_NEG | K_UNLIKELY | K_STRONG},
    {"community", M_ANY, K_NEG | K_UNLIKELY},
    {"consent", M_ANY, K_NEG | K_UNLIKELY},
    {"contact", M_ANY, K_NEG},
    {"content", M_ANY, K_POS | K_MAYBE},
    {"cookie", M_ANY, K_NEG | K_UNLIKELY},
    {"disqus", M_ANY, K_NEG | K_UNLIKELY | K_STRONG},
    {"entry", M_ANY, K_POS},
    {"extra", M_WORD, K_NEG | K_UNLIKELY},
    {"footer", M_ANY, K_NEG | K_UNLIKELY | K_PART},
    {"footnote", M_ANY, 0},
    {"gdpr", M_ANY, K_NEG | K_UNLIKELY},
    {"header", M_ANY, K_NEG | K_UNLIKELY},
    {"hentry", M_ANY, K_POS},
    {"hid", M_WORD, K_NEG},
    {"hidden", M_WORD, K_NEG | K_UNLIKELY},
    {"login", M_ANY, K_NEG | K_UNLIKELY},
    {"main", M_START, K_POS | K_MAYBE},
    {"masthead", M_ANY, K_NEG | K_UNLIKELY},
    {"media", M_WORD, K_NEG},
    {"menu", M_ANY, K_NEG | K_UNLIKELY | K_PART},
    {"meta", M_START, K_NEG},
    {"modal", M_ANY, K_NEG | K_UNLIKELY},
    {"nav", M_START, K_NEG | K_UNLIKELY | K_PART},
    {"newsletter", M_ANY, K_NEG | K_UNLIKELY | K_PART},
    {"outbrain", M_ANY, K_NEG | K_UNLIKELY},
    {"pager", M_ANY, K_NEG | K_UNLIKELY | K_PART},
    {"pagination", M_ANY, K_NEG | K_UNLIKELY | K_PART},
    {"paywall", M_ANY, K_NEG | K_UNLIKELY},
    {"popular", M_ANY, K_NEG | K_UNLIKELY | K_PART},
    {"popup", M_ANY, K_NEG | K_UNLIKELY},
    {"post", M_START, K_POS},
    {"print", M_WORD, K_NEG | K_PART},
    {"promo", M_ANY, K_NEG | K_UNLIKELY | K_PART},
    {"prose", M_ANY, K_POS},
    {"recommend", M_ANY, K_NEG | K_UNLIKELY | K_PART},
    {"related", M_ANY, K_NEG | K_UNLIKELY | K_PART},
    {"remark", M_ANY, K_NEG | K_UNLIKELY | K_STRONG},
    {"replies", M_ANY, K_NEG | K_UNLIKELY | K_STRONG},
    {"richtext", M_ANY, K_POS},
    {"rss", M_WORD, K_NEG | K_UNLIKELY | K_PART},
    {"scroll", M_ANY, K_NEG},
    {"screen-reader", M_ANY, K_HIDE},
    {"share", M_ANY, K_NEG | K_UNLIKELY | K_PART},
    {"sharing", M_ANY, K_NEG | K_UNLIKELY | K_PART},
    {"shopping", M_ANY, K_NEG},
    {"shoutbox", M_ANY, K_NEG | K_UNLIKELY | K_STRONG},
    {"sidebar", M_ANY, K_NEG | K_UNLIKELY | K_PART},
    {"signup", M_ANY, K_NEG | K_UNLIKELY},
    {"skip", M_WORD, K_NEG | K_UNLIKELY},
    {"skyscraper", M_ANY, K_NEG | K_UNLIKELY},
    {"social", M_ANY, K_NEG | K_UNLIKELY | K_PART},
    {"sponsor", M_ANY, K_NEG | K_UNLIKELY | K_PART},
    {"sr-only", M_ANY, K_HIDE},
    {"story", M_START, K_POS},
    {"subscri", M_ANY, K_NEG | K_UNLIKELY | K_PART},
    {"supplemental", M_ANY, K_NEG | K_UNLIKELY},
    {"tags", M_WORD, K_NEG | K_UNLIKELY | K_PART},
    {"taboola", M_ANY, K_NEG | K_UNLIKELY},
    {"text", M_START, K_POS},
    {"toolbar", M_ANY, K_NEG | K_UNLIKELY | K_PART},
    {"tools", M_WORD, K_NEG | K_PART},
    {"trending", M_ANY, K_NEG | K_UNLIKELY | K_PART},
    {"visually-hidden", M_ANY, K_HIDE},
    {"widget", M_ANY, K_NEG},
};

static int is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static int is_alnum(char c) {
  return is_alpha(c) || (c >= '0' && c <= '9');
}
static int is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
static int is_lower(char c) {
  return c >= 'a' && c <= 'z';
}

/* Word start at i: start of string, after a non-letter, or a camelCase
 * hump (lower followed by upper). */
static int word_start(const char *s, size_t i) {
  if (i == 0) return 1;
  if (!is_alpha(s[i - 1])) return 1;
  return is_lower(s[i - 1]) && is_upper(s[i]);
}

static int word_end(const char *s, size_t i, size_t len) {
  if (i >= len) return 1;
  if (!is_alpha(s[i])) return 1;
  return is_lower(s[i - 1]) && is_upper(s[i]);
}

/* Index of the first keyword starting with letter c (keywords are sorted),
 * or the array size. */
static size_t first_keyword(char c) {
  size_t lo = 0, hi = sizeof keywords / sizeof keywords[0];
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (keywords[mid].w[0] < c)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* OR of the kinds of keywords found in s (a class list when is_class,
 * else an id). */
static unsigned keyword_kinds_raw(const char *s, size_t len, int is_class) {
  unsigned k = 0, tk = 0;
  const size_t nk = sizeof keywords / sizeof keywords[0];
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      /* one compound name that names the article and a part of it
       * ("articleTools", "share-article") is the part, not the article */
      if ((tk & K_PART) && (tk & (K_POS | K_MAYBE)))
        tk &= ~(unsigned)(K_POS | K_MAYBE);
      k |= tk;
      tk = 0;
      continue;
    }
    if (!is_alpha(c)) continue;
    if (c < 'a') c = (char)(c + 32);
    for (size_t j = first_keyword(c); j < nk && keywords[j].w[0] == c; j++) {
      const keyword *kw = &keywords[j];
      size_t n = strlen(kw->w);
      if (i + n > len || !html_strncaseeq(s + i, kw->w, n)) continue;
      if (kw->match != M_ANY && !word_start(s, i)) continue;
      if (kw->match == M_WORD && !word_end(s, i + n, len)) continue;
      if ((kw->kind & K_STRONG) && html_strncaseeq(s + i + n, "ary", 3))
        continue; /* "commentary" is an article genre */
      if (is_class && strcmp(kw->w, "text") == 0 && i + n < len &&
          s[i + n] == '-' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == ':'))
        continue; /* utility classes: "text-sm", "hover:text-white" */
      tk |= kw->kind;
    }
  }
  if ((tk & K_PART) && (tk & (K_POS | K_MAYBE)))
    tk &= ~(unsigned)(K_POS | K_MAYBE);
  return (k | tk) & ~(unsigned)K_PART;
}

/* Pages repeat the same few hundred class names: results are cached by a
 * 64-bit hash of the string. */
#define KW_CACHE 1024
typedef struct kw_cache {
  uint64_t hash[KW_CACHE];
  unsigned char kinds[KW_CACHE];
} kw_cache;

static unsigned keyword_kinds(kw_cache *cache, const char *s, int is_class) {
  size_t len = strlen(s);
  if (len > 512) len = 512;
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ull;
  }
  h = (h ^ (uint64_t)is_class) * 1099511628211ull; /* ids read otherwise */
  h |= 1;                                          /* 0 marks an empty slot */
  size_t slot = (size_t)(h >> 40) & (KW_CACHE - 1);
  if (cache && cache->hash[slot] == h) return cache->kinds[slot];
  unsigned k = keyword_kinds_raw(s, len, is_class);
  if (cache) {
    cache->hash[slot] = h;
    cache->kinds[slot] = (unsigned char)k;
  }
  return k;
}

/* ---- the node array ---- */

enum {
  NF_TEXT = 1,
  NF_SKIP = 2,        /* leaf: no text from here */
  NF_UNLIKELY = 4,    /* class/id/role/tag says boilerplate */
  NF_LINK = 8,        /* inside <a href> */
  NF_HASHLINK = 16,   /* inside <a href="#..."> */
  NF_PRE = 32,        /* inside <pre>: keep white space */
  NF_HEADING = 64,    /* inside h1-h6 */
  NF_LIST = 128,      /* inside ul/ol */
  NF_TABLEISH = 256,  /* inside table or code: never "unlikely" */
  NF_FIGURE = 512,    /* inside <figure> */
  NF_POSITIVE = 1024, /* itemprop=articleBody and the like */
  NF_QUOTE = 2048,    /* inside blockquote */
  NF_STRONG = 4096,   /* unlikely whatever its size (comments) */
  NF_DATA = 8192      /* inside a data table or code: never cleaned */
};

typedef struct hnode {
  xmlNode *x;
  uint32_t parent; /* NONE for the root */
  uint32_t end;    /* one past the last node of the subtree */
  unsigned short flags;
  unsigned short tflags; /* TF_* of the tag */
  unsigned char tag;     /* T_* */
  signed char weight;    /* class/id weight, -50..50 */
  /* text nodes: statistics of the collapsed text */
  uint32_t chars, words, stops, commas, puncts;
} hnode;

#define NONE UINT32_MAX

typedef struct hblock {
  uint32_t owner;    /* block-level element holding the text */
  uint32_t first;    /* first text node */
  uint32_t off, len; /* text in the pool */
  uint32_t chars, link_chars, words, stops, commas, puncts;
  uint32_t list; /* the innermost ul/ol around it, or NONE */
  unsigned char heading, in_list, in_quote;
} hblock;

typedef struct shingle_set shingle_set;

typedef struct agg {
  float chars, link_chars;
  uint32_t commas, p, img, li, input, embed, hchars, lchars;
  uint32_t field;  /* <input> elements (not buttons) */
  uint32_t kinput; /* <input>s in descendants already cleaned away */
  uint32_t br;     /* <br> elements */
} agg;

typedef struct extractor {
  hnode *n;
  size_t nn, cap;
  uint32_t body;
  unsigned lang; /* HTML_LANG_* bit of the page, 0 = unknown */
  /* per attempt */
  unsigned char *dead;
  float *schars, *slink; /* static text and link lengths of subtrees */
  agg *ag;
  float *score;
  unsigned char *scored;
  hblock *b;
  uint32_t *keep; /* indices of the blocks kept, bcap of them */
  uint32_t *keep2;
  unsigned char *rich; /* per node: a list with an annotated link item */
  shingle_set *ld;     /* JSON-LD articleBody shingles, or NULL */
  size_t nb, bcap;
  buf pool;
  const html_hints *hints;
  kw_cache *kwc;
} extractor;

static precis_status push_node(extractor *e, xmlNode *x, uint32_t parent) {
  if (e->nn >= HTML_MAX_NODES) return PRECIS_ERR_TOO_BIG;
  precis_status st = vec_reserve(&e->n, &e->cap, e->nn + 1, sizeof *e->n, 1024);
  if (st != PRECIS_OK) return st;
  hnode *h = &e->n[e->nn++];
  memset(h, 0, sizeof *h);
  h->x = x;
  h->parent = parent;
  return PRECIS_OK;
}

/* The attributes the extractor looks at, read in one pass (libxml2's
 * HTML parser lower-cases attribute names). */
typedef struct elem_attrs {
  const char *cls, *id, *style, *role, *itemprop, *hidden, *aria_hidden, *href,
      *name;
} elem_attrs;

static const char *attr_value(const xmlAttr *a) {
  const xmlNode *c = a->children;
  if (c && c->type == XML_TEXT_NODE && !c->next && c->content)
    return (const char *)c->content;
  return c ? NULL : "";
}

static void read_attrs(const xmlNode *x, elem_attrs *at) {
  memset(at, 0, sizeof *at);
  for (const xmlAttr *a = x->properties; a; a = a->next) {
    const char *n = (const char *)a->name;
    if (!n) continue;
    switch (n[0]) {
    case 'c':
      if (strcmp(n, "class") == 0) at->cls = attr_value(a);
      break;
    case 'i':
      if (strcmp(n, "id") == 0)
        at->id = attr_value(a);
      else if (strcmp(n, "itemprop") == 0)
        at->itemprop = attr_value(a);
      break;
    case 's':
      if (strcmp(n, "style") == 0) at->style = attr_value(a);
      break;
    case 'r':
      if (strcmp(n, "role") == 0) at->role = attr_value(a);
      break;
    case 'h':
      if (strcmp(n, "hidden") == 0)
        at->hidden = "";
      else if (strcmp(n, "href") == 0)
        at->href = attr_value(a);
      break;
    case 'a':
      if (strcmp(n, "aria-hidden") == 0) at->aria_hidden = attr_value(a);
      break;
    case 'n':
      if (strcmp(n, "name") == 0) at->name = attr_value(a);
      break;
    default: break;
    }
  }
}

/* Is this element hidden by its attributes? */
static int is_hidden(const elem_attrs *at) {
  const char *v;
  if (at->hidden) {
    /* React streaming: hidden <div id="S:n"> holds content swapped in
     * for a "Loading..." placeholder by a script */
    const char *id = at->id;
    if (!(id && id[0] == 'S' && id[1] == ':')) return 1;
  }
  if ((v = at->aria_hidden) && html_strcaseeq(v, "true")) {
    const char *c = at->cls;
    if (!(c && strstr(c, "fallback-image"))) return 1;
  }
  if ((v = at->style) != NULL) {
    size_t len = strlen(v);
    const char *p = html_memcasemem(v, len, "display");
    while (p) {
      const char *q = p + 7;
      while (*q == ' ')
        q++;
      if (*q == ':') {
        q++;
        while (*q == ' ')
          q++;
        if (html_strncaseeq(q, "none", 4)) return 1;
      }
      p = html_memcasemem(q, len - (size_t)(q - v), "display");
    }
    p = html_memcasemem(v, len, "visibility");
    if (p) {
      const char *q = p + 10;
      while (*q == ' ')
        q++;
      if (*q == ':') {
        q++;
        while (*q == ' ')
          q++;
        if (html_strncaseeq(q, "hidden", 6)) return 1;
      }
    }
  }
  return 0;
}

/* React streaming: <template id="B:n"></template> is followed by the
 * fallback ("Loading...") that a script replaces with the hidden
 * <div id="S:n">; the fallback is not content. */
static int suspense_fallback(const xmlNode *x) {
  const xmlNode *p = x->prev;
  while (p && p->type == XML_TEXT_NODE && p->content) {
    const char *t = (const char *)p->content;
    while (*t == ' ' || *t == '\n' || *t == '\t' || *t == '\r')
      t++;
    if (*t) return 0;
    p = p->prev;
  }
  if (!p || p->type != XML_ELEMENT_NODE || !p->name ||
      strcmp((const char *)p->name, "template") != 0)
    return 0;
  const char *id = html_attr(p, "id");
  return id && id[0] == 'B' && id[1] == ':';
}

static int role_unlikely(const char *r) {
  static const char *const bad[] = {
      "menu",        "menubar", "complementary", "navigation",  "alert",
      "alertdialog", "dialog",  "banner",        "contentinfo", "search"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    if (html_strcaseeq(r, bad[i])) return 1;
  return 0;
}

/* Class weight and flags of an element from class, id, role, itemprop. */
static void classify(kw_cache *cache, hnode *h, const elem_attrs *at,
                     unsigned *hide) {
  const char *cls = at->cls, *id = at->id;
  const char *role = at->role, *ip = at->itemprop;
  /* <a name="comments">: the anchor name of old pages is an id */
  if (!id && h->tag == T_A && !at->href) id = at->name;
  unsigned kc = cls ? keyword_kinds(cache, cls, 1) : 0;
  unsigned ki = id ? keyword_kinds(cache, id, 0) : 0;
  int w = 0;
  *hide = (kc | ki) & K_HIDE;
  if (kc & K_NEG) w -= 25;
  if (kc & K_POS) w += 25;
  if (ki & K_NEG) w -= 25;
  if (ki & K_POS) w += 25;
  unsigned k = kc | ki;
  /* "article-content" saves "content-share"; nothing saves comments */
  if ((k & K_UNLIKELY) && (!(k & K_MAYBE) || (k & K_STRONG)))
    h->flags |= NF_UNLIKELY;
  if (k & K_STRONG) h->flags |= NF_STRONG;
  if (role) {
    if (role_unlikely(role))
      h->flags |= NF_UNLIKELY;
    else if (html_strcaseeq(role, "main") || html_strcaseeq(role, "article"))
      w += 25;
  }
  if (ip && (strstr(ip, "articleBody") || strstr(ip, "reviewBody"))) {
    w += 25;
    h->flags |= NF_POSITIVE;
    h->flags &= (unsigned short)~NF_UNLIKELY;
  }
  if (w > 50) w = 50;
  if (w < -50) w = -50;
  h->weight = (signed char)w;
}

/* Statistics of one text node for the language mask `lang`; also adds
 * per-language stop word counts to `lc` when not NULL. */
/* ASCII classes for text_stats */
enum { C_OTHER = 0, C_ALNUM = 1, C_SPACE = 2, C_COMMA = 4, C_PUNCT = 8 };

static unsigned char ascii_class(unsigned c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
      (c >= '0' && c <= '9'))
    return C_ALNUM;
  if (c == ' ' || (c >= 9 && c <= 13)) return C_SPACE;
  if (c == ',') return C_COMMA;
  if (c == '.' || c == '!' || c == '?') return C_PUNCT;
  return C_OTHER;
}

/* Statistics of one text node for the language mask `lang`; also adds
 * per-language stop word counts to `lc` when not NULL. */
static void text_stats(hnode *h, const char *s, unsigned lang, uint32_t *lc) {
  const unsigned char *p = (const unsigned char *)s, *end;
  uint32_t chars = 0, words = 0, stops = 0, commas = 0, puncts = 0;
  int space = 0, look = lang || lc;
  char w[16];
  size_t wl = 0;
  int inword = 0;
  while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
    p++;
  end = p + strlen((const char *)p);
  for (int last = 0; !last;) {
    uint32_t cp = ' ';
    unsigned cls;
    int alnum;
    if (p >= end) {
      last = 1;
      cls = C_SPACE;
    } else if (*p < 0x80) {
      cp = *p++;
      cls = ascii_class(cp);
    } else {
      cp = html_utf8_next(&p, end);
      cls = html_is_space_cp(cp) ? C_SPACE : C_OTHER;
      if (cp == 0xFF0C || cp == 0x3001 || cp == 0x060C) cls = C_COMMA;
      if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F) cls = C_PUNCT;
    }
    if (cp < 0x80) {
      alnum = (cls & C_ALNUM) || (cp == '\'' && inword);
    } else {
      alnum = !(cls & C_SPACE) && !(cp >= 0x2000 && cp <= 0x206F) &&
              !(cp >= 0x3000 && cp <= 0x303F) &&
              !(cp >= 0xFF00 && cp <= 0xFF0F) && cp != 0xAB && cp != 0xBB;
    }
    if (alnum) {
      if (!look) {
        /* counting words only */
      } else if (cp < 0x80) {
        if (wl < sizeof w)
          w[wl++] = (char)((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
      } else if (cp < 0x800 && wl + 2 <= sizeof w) {
        /* accented letters: UTF-8 bytes, Latin-1 capitals lowered */
        if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 32;
        w[wl++] = (char)(0xC0 | (cp >> 6));
        w[wl++] = (char)(0x80 | (cp & 0x3F));
      } else {
        wl = sizeof w + 1; /* not a stop word */
      }
      inword = 1;
    } else if (inword) {
      words++;
      if (look && wl <= sizeof w) {
        size_t l = wl;
        while (l && w[l - 1] == '\'')
          l--;
        unsigned m = html_stopword(w, l);
        if (m & lang) stops++;
        if (lc && m)
          for (int i = 0; i < HTML_LANG_COUNT; i++)
            if (m & (1u << i)) lc[i]++;
      }
      wl = 0;
      inword = 0;
    }
    if (cls & C_COMMA)
      commas++;
    else if (cls & C_PUNCT)
      puncts++;
    if (last) break;
    if (cls & C_SPACE) {
      space = 1;
    } else if (cp < 0x80 || !html_is_invisible_cp(cp)) {
      if (space && chars) chars++;
      space = 0;
      chars++;
    }
  }
  h->chars = chars;
  h->words = words;
  h->stops = stops;
  h->commas = commas;
  h->puncts = puncts;
}

/* libxml2's HTML 4 parser sometimes fails to close a <button>, <select>
 * or <noscript>, which then swallows the rest of the page. A subtree that
 * holds paragraphs, headings or sections is such an accident: it is
 * walked as an ordinary container instead of being skipped. The scan is
 * bounded. */
static int swallowed_page(const xmlNode *x) {
  static const char *const blocks[] = {"p",  "article", "main",   "h1",
                                       "h2", "h3",      "section"};
  const xmlNode *c = x->children;
  size_t seen = 0, found = 0;
  int depth = 0;
  while (c && seen++ < 2000) {
    if (c->type == XML_ELEMENT_NODE && c->name) {
      for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
        if (strcmp((const char *)c->name, blocks[i]) == 0 && ++found >= 3)
          return 1;
      if (c->children && depth < 64) {
        c = c->children;
        depth++;
        continue;
      }
    }
    while (c && !c->next) {
      c = c->parent;
      if (--depth < 0 || c == x) return 0;
    }
    if (c) c = c->next;
  }
  return 0;
}

/* ---- React streaming ----
 *
 * A streamed React page (Next.js and others) first sends a placeholder:
 * <template id="B:n"></template> followed by a fallback ("Loading..."),
 * or a bare <template id="P:n">, then, at the end of the body, the real
 * content in a hidden <div id="S:n">, which a script ($RC, $RS) moves
 * into the placeholder. Saved pages keep the content at the end, outside
 * the article's container, so the article looks scattered over the whole
 * body. The move is made here as the script would have made it (the
 * scripts are gone, their pairs share the suffix n): each S:n div goes
 * right before its B:n or P:n template (the fallback after a template is
 * skipped by suspense_fallback). Walks are iterative and bounded. */
#define SUSPENSE_MAX 1024

/* Is x a <tag id="K:..."> for one of the letters in `kinds`? */
static int suspense_id(const xmlNode *x, const char *tag, const char *kinds) {
  if (x->type != XML_ELEMENT_NODE || !x->name ||
      strcmp((const char *)x->name, tag) != 0)
    return 0;
  const char *id = html_attr(x, "id");
  return id && id[0] && strchr(kinds, id[0]) && id[1] == ':' && id[2];
}

/* Is a an ancestor of (or equal to) b? */
static int contains(const xmlNode *a, const xmlNode *b) {
  for (size_t d = 0; b && d < 100000; b = b->parent, d++)
    if (a == b) return 1;
  return 0;
}

static void move_suspense(xmlDoc *doc) {
  xmlNode *tpl[SUSPENSE_MAX], *seg[SUSPENSE_MAX];
  size_t nt = 0, ns = 0, seen = 0;
  int depth = 0;
  xmlNode *x = xmlDocGetRootElement(doc);
  while (x && seen++ < HTML_MAX_NODES) {
    if (suspense_id(x, "template", "BP") && nt < SUSPENSE_MAX)
      tpl[nt++] = x;
    else if (suspense_id(x, "div", "S") && ns < SUSPENSE_MAX)
      seg[ns++] = x;
    if (x->type == XML_ELEMENT_NODE && x->children && depth < HTML_MAX_DEPTH) {
      x = x->children;
      depth++;
      continue;
    }
    while (x && !x->next) {
      x = x->parent;
      if (--depth < 0 || (x && x->type == XML_DOCUMENT_NODE)) x = NULL;
    }
    if (x) x = x->next;
  }
  for (size_t i = 0; i < ns; i++) {
    const char *sid = html_attr(seg[i], "id") + 2;
    for (size_t j = 0; j < nt; j++) {
      const char *tid = html_attr(tpl[j], "id");
      if (!tid || strcmp(tid + 2, sid) != 0) continue;
      /* never into its own subtree (a malformed page) */
      if (!contains(seg[i], tpl[j])) {
        xmlUnlinkNode(seg[i]);
        xmlAddPrevSibling(tpl[j], seg[i]);
      }
      break;
    }
  }
}

/* Copy the libxml2 tree below the root into e->n, iteratively. */
static precis_status flatten(extractor *e, xmlDoc *doc) {
  uint32_t stack[HTML_MAX_DEPTH + 2];
  size_t sp = 0;
  precis_status st = PRECIS_OK;
  xmlNode *x = doc->children;
  e->body = NONE;
  /* node 0 stands for the document: broken pages can have several
   * top-level elements */
  if ((st = push_node(e, NULL, NONE)) != PRECIS_OK) return st;
  e->n[0].tag = T_HTML;
  e->n[0].tflags = TF_BLOCK;
  stack[sp++] = 0;
  while (x) {
    int descend = 0;
    uint32_t parent = sp ? stack[sp - 1] : NONE;
    if (x->type == XML_ELEMENT_NODE && x->name) {
      const tag_info *ti = tag_lookup((const char *)x->name);
      unsigned hide = 0;
      unsigned short inh = parent != NONE ? e->n[parent].flags : 0;
      inh &= NF_LINK | NF_HASHLINK | NF_PRE | NF_HEADING | NF_LIST |
             NF_TABLEISH | NF_FIGURE | NF_QUOTE;
      elem_attrs at;
      read_attrs(x, &at);
      if (is_hidden(&at) || suspense_fallback(x)) goto next;
      if ((st = push_node(e, x, parent)) != PRECIS_OK) break;
      hnode *h = &e->n[e->nn - 1];
      h->tag = ti ? ti->id : T_OTHER;
      h->tflags = ti ? ti->flags : 0;
      classify(e->kwc, h, &at, &hide);
      if (hide) {
        e->nn--;
        goto next;
      }
      h->flags |= inh;
      if (h->tflags & TF_UNLIKELY) h->flags |= NF_UNLIKELY;
      if (h->tag == T_BODY || h->tag == T_HTML || h->tag == T_ARTICLE ||
          h->tag == T_MAIN)
        h->flags &= (unsigned short)~NF_UNLIKELY;
      if (inh & NF_TABLEISH) h->flags &= (unsigned short)~NF_UNLIKELY;
      switch (h->tag) {
      case T_A: {
        const char *href = at.href;
        if (href) {
          h->flags |= NF_LINK;
          if (href[0] == '#') h->flags |= NF_HASHLINK;
        }
        h->flags &= (unsigned short)~NF_UNLIKELY;
        break;
      }
      case T_PRE: h->flags |= NF_PRE; break;
      case T_H1:
      case T_H2:
      case T_H3:
      case T_H4:
      case T_H5:
      case T_H6: h->flags |= NF_HEADING; break;
      case T_UL:
      case T_OL: h->flags |= NF_LIST; break;
      case T_TABLE:
      case T_CODE: h->flags |= NF_TABLEISH; break;
      case T_FIGURE: h->flags |= NF_FIGURE; break;
      case T_BLOCKQUOTE: h->flags |= NF_QUOTE; break;
      case T_BODY:
        if (e->body == NONE) e->body = (uint32_t)(e->nn - 1);
        break;
      default: break;
      }
      if ((h->tflags & TF_SKIP) && (h->tflags & TF_REPARSE) && x->children &&
          swallowed_page(x)) {
        h->tflags = 0;
        h->tag = T_OTHER;
      }
      if (h->tflags & TF_SKIP)
        h->flags |= NF_SKIP;
      else if (x->children && sp <= HTML_MAX_DEPTH)
        descend = 1;
      if (descend)
        stack[sp++] = (uint32_t)(e->nn - 1);
      else
        h->end = (uint32_t)e->nn;
    } else if ((x->type == XML_TEXT_NODE ||
                x->type == XML_CDATA_SECTION_NODE) &&
               x->content && parent != NONE) {
      if ((st = push_node(e, x, parent)) != PRECIS_OK) break;
      hnode *h = &e->n[e->nn - 1];
      h->flags = NF_TEXT | (e->n[parent].flags &
                            (NF_LINK | NF_HASHLINK | NF_PRE | NF_HEADING |
                             NF_LIST | NF_FIGURE | NF_QUOTE));
      h->end = (uint32_t)e->nn;
    }
  next:
    if (descend) {
      x = x->children;
      continue;
    }
    for (;;) {
      if (x->next) {
        x = x->next;
        break;
      }
      x = x->parent;
      if (!x || x == (xmlNode *)doc || sp <= 1) {
        x = NULL;
        break;
      }
      e->n[stack[--sp]].end = (uint32_t)e->nn;
    }
  }
  while (sp)
    e->n[stack[--sp]].end = (uint32_t)e->nn;
  if (st == PRECIS_ERR_TOO_BIG) st = PRECIS_OK; /* keep what we have */
  return st;
}

/* Readability's data tables: a <table> with a caption, summary, header
 * cells or many cells and no nested table holds data, not layout. Marks
 * its subtree (and <code>'s) NF_DATA. */
static void mark_data_tables(extractor *e) {
  for (size_t i = 0; i < e->nn; i++) {
    hnode *h = &e->n[i];
    if (h->parent != NONE && (e->n[h->parent].flags & NF_DATA))
      h->flags |= NF_DATA;
    if (h->flags & NF_DATA) continue;
    if (h->tag == T_CODE) {
      h->flags |= NF_DATA;
      continue;
    }
    if (h->tag != T_TABLE) continue;
    const char *role = h->x ? html_attr(h->x, "role") : NULL;
    if (role && html_strcaseeq(role, "presentation")) continue;
    int data = h->x && (html_attr(h->x, "summary") != NULL);
    size_t rows = 0, cells = 0;
    for (uint32_t j = (uint32_t)i + 1; j < h->end; j++) {
      const hnode *d = &e->n[j];
      if (d->tag == T_TABLE) {
        data = -1; /* nested tables: layout */
        break;
      }
      if (d->tag == T_CAPTION || d->tag == T_TH)
        data = 1;
      else if (d->tag == T_TR)
        rows++;
      else if (d->tag == T_TD)
        cells++;
    }
    if (data == 0 && (rows >= 10 || cells > 10)) data = 1;
    if (data == 1) h->flags |= NF_DATA;
  }
}

/* Page language from stop word hits, then per-node statistics. */
static void compute_text_stats(extractor *e) {
  uint32_t lc[HTML_LANG_COUNT] = {0};
  uint64_t words = 0;
  hnode tmp;
  /* detect the language on prose-sized text nodes (navigation is made of
   * short ones), a few thousand words are enough */
  for (size_t i = 0; i < e->nn && words < 4000; i++) {
    hnode *h = &e->n[i];
    if (!(h->flags & NF_TEXT)) continue;
    const char *c = (const char *)h->x->content;
    if (strnlen(c, 60) < 60) continue;
    text_stats(&tmp, c, 0, lc);
    words += tmp.words;
  }
  unsigned best = 0;
  uint32_t bc = 0;
  for (int i = 0; i < HTML_LANG_COUNT; i++)
    if (lc[i] > bc) bc = lc[i], best = 1u << i;
  /* prose in a listed language has 20-50% stop words */
  e->lang = (words && (double)bc / (double)words >= 0.08) ? best : 0;
  for (size_t i = 0; i < e->nn; i++) {
    hnode *h = &e->n[i];
    if (h->flags & NF_TEXT)
      text_stats(h, (const char *)h->x->content, e->lang, NULL);
  }
}

/* ---- blocks ---- */

typedef struct block_builder {
  extractor *e;
  size_t start;  /* pool offset of the current block */
  int space, nl; /* pending separators */
  hblock cur;
  int open;
} block_builder;

static void bb_reset(block_builder *bb, uint32_t owner) {
  memset(&bb->cur, 0, sizeof bb->cur);
  bb->cur.owner = owner;
  bb->cur.first = NONE;
  bb->start = bb->e->pool.len;
  bb->space = bb->nl = 0;
  bb->open = 0;
}

/* The innermost ul/ol holding node i (a few levels up), or NONE. */
static uint32_t list_of(const extractor *e, uint32_t i) {
  for (int d = 0; i != NONE && d < 16; i = e->n[i].parent, d++)
    if (e->n[i].tag == T_UL || e->n[i].tag == T_OL) return i;
  return NONE;
}

static precis_status bb_flush(block_builder *bb, uint32_t next_owner) {
  extractor *e = bb->e;
  if (bb->open && bb->cur.chars > 0) {
    /* three arrays, one capacity: each grows to the same size */
    size_t need = e->nb + 1, cb = e->bcap, ck = e->bcap, ck2 = e->bcap;
    precis_status st = vec_reserve(&e->b, &cb, need, sizeof *e->b, 256);
    if (st == PRECIS_OK)
      st = vec_reserve(&e->keep, &ck, need, sizeof *e->keep, 256);
    if (st == PRECIS_OK)
      st = vec_reserve(&e->keep2, &ck2, need, sizeof *e->keep2, 256);
    if (st != PRECIS_OK) return st;
    e->bcap = cb;
    /* <pre> keeps spaces, and may end with some */
    while (e->pool.len > bb->start && (e->pool.ptr[e->pool.len - 1] == ' ' ||
                                       e->pool.ptr[e->pool.len - 1] == '\n'))
      e->pool.ptr[--e->pool.len] = '\0';
    bb->cur.off = (uint32_t)bb->start;
    bb->cur.len = (uint32_t)(e->pool.len - bb->start);
    bb->cur.list = bb->cur.in_list ? list_of(e, bb->cur.owner) : NONE;
    e->b[e->nb++] = bb->cur;
  } else {
    e->pool.len = bb->start;
    if (e->pool.ptr) e->pool.ptr[e->pool.len] = '\0';
  }
  bb_reset(bb, next_owner);
  return PRECIS_OK;
}

/* Append a text node to the current block. */
static precis_status bb_text(block_builder *bb, uint32_t i) {
  extractor *e = bb->e;
  hnode *h = &e->n[i];
  const unsigned char *p = h->x->content, *end = p + strlen((const char *)p);
  precis_status st = PRECIS_OK;
  int pre = (h->flags & NF_PRE) != 0;
  while (p < end && st == PRECIS_OK) {
    const unsigned char *q = p;
    uint32_t cp = html_utf8_next(&q, end);
    if (pre && (cp == '\n' || cp == '\r')) {
      if (cp == '\r' && q < end && *q == '\n') q++;
      if (bb->open) bb->nl++;
      bb->space = 0;
      p = q;
      continue;
    }
    if (html_is_space_cp(cp)) {
      if (pre && bb->open && !bb->nl)
        st = buf_putc(&e->pool, ' ');
      else
        bb->space = 1;
      p = q;
      continue;
    }
    if (html_is_invisible_cp(cp)) {
      p = q;
      continue;
    }
    if (bb->open) {
      if (bb->nl) {
        st = buf_put(&e->pool, "\n\n", bb->nl > 1 && pre ? 2 : 1);
      } else if (bb->space) {
        st = buf_putc(&e->pool, ' ');
      }
    }
    bb->nl = bb->space = 0;
    bb->open = 1;
    /* copy a run of non-space characters */
    const unsigned char *r = q;
    while (r < end && r[0] > ' ' && r[0] < 0x80)
      r++;
    if (st == PRECIS_OK)
      st = buf_put(&e->pool, (const char *)p, (size_t)(r - p));
    p = r;
  }
  if (st != PRECIS_OK) return st;
  if (h->chars) {
    hblock *b = &bb->cur;
    if (b->first == NONE) b->first = i;
    b->chars += h->chars + (b->chars ? 1 : 0);
    if (h->flags & NF_LINK)
      b->link_chars +=
          (h->flags & NF_HASHLINK) ? (h->chars * 3 + 9) / 10 : h->chars;
    b->words += h->words;
    b->stops += h->stops;
    b->commas += h->commas;
    b->puncts += h->puncts;
    if (h->flags & NF_HEADING) b->heading = 1;
    if (h->flags & NF_LIST) b->in_list = 1;
    if (h->flags & NF_QUOTE) b->in_quote = 1;
  }
  return PRECIS_OK;
}

/* Cut the live text into blocks. dead[] must be set. */
static precis_status build_blocks(extractor *e) {
  uint32_t stack[HTML_MAX_DEPTH + 4];
  size_t sp = 0;
  block_builder bb;
  precis_status st = PRECIS_OK;
  e->nb = 0;
  buf_clear(&e->pool);
  bb.e = e;
  bb_reset(&bb, 0);
  for (uint32_t i = 0; i < e->nn && st == PRECIS_OK; i++) {
    while (sp && e->n[stack[sp - 1]].end <= i) {
      uint32_t j = stack[--sp];
      if (e->n[j].tflags & TF_BLOCK) st = bb_flush(&bb, sp ? bb.cur.owner : 0);
      if (st) return st;
    }
    /* owner = innermost open block element */
    uint32_t owner = 0;
    for (size_t k = sp; k > 0; k--)
      if (e->n[stack[k - 1]].tflags & TF_BLOCK) {
        owner = stack[k - 1];
        break;
      }
    if (!bb.open) bb.cur.owner = owner;
    hnode *h = &e->n[i];
    if (e->dead[i]) {
      i = h->end - 1; /* skip the subtree */
      continue;
    }
    if (h->flags & NF_TEXT) {
      st = bb_text(&bb, i);
      continue;
    }
    if (h->tflags & TF_BLOCK) {
      st = bb_flush(&bb, i);
    } else if (h->tag == T_BR) {
      if (bb.open) {
        if (bb.nl)
          st = bb_flush(&bb, owner);
        else
          bb.nl = 1;
      }
    }
    if (h->end > i + 1 && sp < HTML_MAX_DEPTH + 4) stack[sp++] = i;
  }
  if (st == PRECIS_OK) st = bb_flush(&bb, 0);
  return st;
}

/* ---- attempts ---- */

enum { A_STRIP_UNLIKELY = 1, A_WEIGHT_CLASSES = 2, A_CLEAN_CONDITIONALLY = 4 };

/* An "unlikely" element that holds most of the page's prose is a wrapper
 * with an unlucky name (id="share-container" around the story) or a
 * misparse; comment sections are never spared. */
static int spared(const extractor *e, uint32_t i) {
  if (e->n[i].flags & NF_STRONG) return 0;
  return e->schars[i] >= 0.4f * e->schars[0] &&
         e->slink[i] < 0.3f * e->schars[i];
}

static void mark_dead(extractor *e, unsigned flags) {
  for (size_t i = 0; i < e->nn; i++) {
    hnode *h = &e->n[i];
    unsigned char d = 0;
    if (h->parent != NONE && e->dead[h->parent])
      d = 1;
    else if ((flags & A_STRIP_UNLIKELY) && (h->flags & NF_UNLIKELY) &&
             !spared(e, (uint32_t)i))
      d = 1;
    e->dead[i] = d;
  }
}

/* A node's own contribution to its subtree aggregate: a text node's
 * characters (hash links count 0.3), commas, heading and list text; an
 * element's paragraph, image, item, embed and input counts. Shared by
 * aggregate() and clean_article(). */
static void own_counts(agg *a, const hnode *h) {
  if (h->flags & NF_TEXT) {
    a->chars = (float)h->chars;
    if (h->flags & NF_LINK)
      a->link_chars =
          (h->flags & NF_HASHLINK) ? 0.3f * (float)h->chars : (float)h->chars;
    a->commas = h->commas;
    if (h->flags & NF_HEADING) a->hchars = h->chars;
    if (h->flags & NF_LIST) a->lchars = h->chars;
    return;
  }
  switch (h->tag) {
  case T_P: a->p++; break;
  case T_IMG: a->img++; break;
  case T_LI: a->li++; break;
  default: break;
  }
  if (h->tflags & TF_EMBED) a->embed++;
  if (h->tflags & TF_INPUT) a->input++;
}

/* Subtree aggregates over live nodes (killed[] adds removals). */
static void aggregate(extractor *e, const unsigned char *killed) {
  memset(e->ag, 0, e->nn * sizeof *e->ag);
  for (size_t i = e->nn; i-- > 0;) {
    hnode *h = &e->n[i];
    agg *a = &e->ag[i];
    if (e->dead[i] || (killed && killed[i])) continue;
    own_counts(a, h);
    if (h->parent != NONE) {
      agg *pa = &e->ag[h->parent];
      pa->chars += a->chars;
      pa->link_chars += a->link_chars;
      pa->commas += a->commas;
      pa->p += a->p;
      pa->img += a->img;
      pa->li += a->li;
      pa->input += a->input;
      pa->embed += a->embed;
      pa->hchars += a->hchars;
      pa->lchars += a->lchars;
    }
  }
}

static float link_density(const extractor *e, uint32_t i) {
  const agg *a = &e->ag[i];
  return a->chars > 0 ? a->link_chars / a->chars : 0.0f;
}

static float tag_prior(const hnode *h) {
  switch (h->tag) {
  case T_DIV: return 5;
  case T_PRE:
  case T_TD:
  case T_BLOCKQUOTE: return 3;
  case T_ADDRESS:
  case T_OL:
  case T_UL:
  case T_DL:
  case T_DD:
  case T_DT:
  case T_LI:
  case T_FORM: return -3;
  case T_H1:
  case T_H2:
  case T_H3:
  case T_H4:
  case T_H5:
  case T_H6:
  case T_TH: return -5;
  default: return 0;
  }
}

static void touch(extractor *e, uint32_t i, unsigned flags) {
  if (e->scored[i]) return;
  e->scored[i] = 1;
  e->score[i] =
      tag_prior(&e->n[i]) + ((flags & A_WEIGHT_CLASSES) ? e->n[i].weight : 0);
}

static int is_top_level(const extractor *e, uint32_t i) {
  return i == NONE || e->n[i].tag == T_BODY || e->n[i].tag == T_HTML ||
         e->n[i].parent == NONE;
}

/* Readability's candidate scoring; returns the top candidate or NONE. */
static uint32_t pick_top(extractor *e, unsigned flags) {
  memset(e->scored, 0, e->nn);
  for (size_t bi = 0; bi < e->nb; bi++) {
    const hblock *b = &e->b[bi];
    if (b->chars < 25 || b->link_chars * 2 > b->chars) continue;
    uint32_t para = b->owner, anc;
    /* text directly in a div acts as a paragraph of its own */
    if (e->n[para].tflags & TF_PARA)
      anc = e->n[para].parent;
    else
      anc = para;
    float s = 1.0f + (float)b->commas + fminf(floorf((float)b->chars / 100), 3);
    for (int level = 0; level < 5 && anc != NONE; level++) {
      if (e->n[anc].parent == NONE) break;
      touch(e, anc, flags);
      float div = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3;
      e->score[anc] += s / div;
      anc = e->n[anc].parent;
    }
  }
  uint32_t top[5] = {NONE, NONE, NONE, NONE, NONE};
  for (uint32_t i = 0; i < e->nn; i++) {
    if (!e->scored[i]) continue;
    e->score[i] *= 1.0f - link_density(e, i);
    for (int k = 0; k < 5; k++) {
      if (top[k] == NONE || e->score[i] > e->score[top[k]]) {
        memmove(top + k + 1, top + k, (size_t)(4 - k) * sizeof top[0]);
        top[k] = i;
        break;
      }
    }
  }
  uint32_t t = top[0];
  if (t == NONE || is_top_level(e, t)) return t;
  /* an ancestor shared by three near-top candidates */
  int alts = 0;
  for (int k = 1; k < 5; k++)
    if (top[k] != NONE && e->score[top[k]] / e->score[t] >= 0.75f) alts++;
  if (alts >= 3) {
    for (uint32_t p = e->n[t].parent; !is_top_level(e, p); p = e->n[p].parent) {
      int cnt = 0;
      for (int k = 1; k < 5; k++) {
        if (top[k] == NONE || e->score[top[k]] / e->score[t] < 0.75f) continue;
        if (top[k] > p && top[k] < e->n[p].end) cnt++;
      }
      if (cnt >= 3) {
        t = p;
        touch(e, t, flags);
        break;
      }
    }
  }
  /* climb while the parent scores better */
  float last = e->score[t], thr = last / 3;
  for (uint32_t p = e->n[t].parent; !is_top_level(e, p); p = e->n[p].parent) {
    if (!e->scored[p]) continue;
    float ps = e->score[p];
    if (ps < thr) break;
    if (ps > last) {
      t = p;
      break;
    }
    last = ps;
  }
  /* climb single-child wrappers */
  for (;;) {
    uint32_t p = e->n[t].parent;
    if (is_top_level(e, p)) break;
    int kids = 0;
    for (uint32_t c = p + 1; c < e->n[p].end; c = e->n[c].end)
      if (!e->dead[c] && !(e->n[c].flags & NF_TEXT)) kids++;
    if (kids != 1) break;
    t = p;
  }
  return t;
}

static int ends_sentence(const extractor *e, uint32_t i) {
  /* the last live text of the subtree ends with ". " or "." */
  for (uint32_t j = e->n[i].end; j-- > i + 1;) {
    if (e->dead[j] || !(e->n[j].flags & NF_TEXT)) continue;
    const char *s = (const char *)e->n[j].x->content;
    size_t l = strlen(s);
    while (l && (s[l - 1] == ' ' || s[l - 1] == '\n' || s[l - 1] == '\t' ||
                 s[l - 1] == '\r'))
      l--;
    if (!l) continue;
    return s[l - 1] == '.';
  }
  return 0;
}

static int same_class(const xmlNode *a, const xmlNode *b) {
  const char *x = html_attr(a, "class"), *y = html_attr(b, "class");
  return x && y && *x && strcmp(x, y) == 0;
}

/* A <div> holding only inline content and text, which Readability turns
 * into a paragraph (a lede in its own "firstpara" element beside the body
 * container). */
static int inline_div(const extractor *e, uint32_t i) {
  if (e->n[i].tag != T_DIV) return 0;
  for (uint32_t j = i + 1; j < e->n[i].end; j++)
    if (!e->dead[j] && !(e->n[j].flags & NF_TEXT) &&
        (e->n[j].tflags & TF_BLOCK))
      return 0;
  return 1;
}

/* Article roots: the top candidate and the siblings that join it. */
static size_t gather(extractor *e, uint32_t t, uint32_t *roots, size_t max) {
  size_t n = 0;
  uint32_t p = e->n[t].parent;
  if (p == NONE || is_top_level(e, t)) {
    roots[n++] = t;
    return n;
  }
  float ts = e->scored[t] ? e->score[t] : 0;
  float thr = fmaxf(10.0f, ts * 0.2f);
  for (uint32_t c = p + 1; c < e->n[p].end && n < max; c = e->n[c].end) {
    if (e->dead[c] || (e->n[c].flags & NF_TEXT)) continue;
    int add = 0;
    if (c == t) {
      add = 1;
    } else {
      float bonus = same_class(e->n[c].x, e->n[t].x) ? ts * 0.2f : 0;
      if (e->scored[c] && e->score[c] + bonus >= thr) {
        add = 1;
      } else if (e->n[c].tag == T_P) {
        float ld = link_density(e, c), len = e->ag[c].chars;
        if (len > 80 && ld < 0.25f)
          add = 1;
        else if (len < 80 && len > 0 && ld == 0 && ends_sentence(e, c))
          add = 1;
      } else if (inline_div(e, c) && e->ag[c].chars > 80 &&
                 link_density(e, c) == 0 && ends_sentence(e, c)) {
        add = 1;
      }
    }
    if (add) roots[n++] = c;
  }
  return n;
}

/* Block quality for the extent step: prose (+), link lists (-), or
 * neither (0). */
static int block_quality(const extractor *e, const hblock *b) {
  float ld = b->chars ? (float)b->link_chars / (float)b->chars : 0;
  if (ld > 0.5f) return -1;
  if (b->heading) return 0;
  int prose =
      !e->lang || b->words == 0 || (float)b->stops / (float)b->words >= 0.15f;
  if (ld < 0.2f && prose &&
      (b->chars >= 200 || (b->chars >= 100 && b->puncts >= 2)))
    return 1;
  return 0;
}

/* Readability looks at most five levels up and one level sideways; modern
 * markup nests deeper, and list-style articles spread their items over
 * many wrappers. Climb from the article's parent while the ancestor adds
 * a good share of prose blocks and clearly more prose than link lists. */
static size_t expand(extractor *e, uint32_t *roots, size_t nr) {
  float *gsum = calloc(e->nn, sizeof *gsum);
  float *bsum = calloc(e->nn, sizeof *bsum);
  if (!gsum || !bsum) goto done;
  for (size_t bi = 0; bi < e->nb; bi++) {
    const hblock *b = &e->b[bi];
    int q = block_quality(e, b);
    if (q > 0)
      gsum[b->first] += (float)b->chars;
    else if (q < 0)
      bsum[b->first] += (float)b->chars;
  }
  for (size_t i = e->nn; i-- > 1;) {
    uint32_t p = e->n[i].parent;
    gsum[p] += gsum[i];
    bsum[p] += bsum[i];
  }
  float g = 0, bd = 0;
  for (size_t r = 0; r < nr; r++)
    g += gsum[roots[r]], bd += bsum[roots[r]];
  uint32_t p = e->n[roots[0]].parent, chosen = NONE;
  while (p != NONE && e->n[p].tag != T_HTML && p != 0) {
    float xg = gsum[p] - g, xb = bsum[p] - bd;
    if (xg >= g && xg >= 800 && xg >= 4.0f * xb) {
      chosen = p;
      g = gsum[p];
      bd = bsum[p];
    } else if (xb > 0.5f * g) {
      break;
    }
    if (e->n[p].tag == T_BODY) break;
    p = e->n[p].parent;
  }
  if (chosen != NONE) {
    roots[0] = chosen;
    nr = 1;
  }
done:
  free(gsum);
  free(bsum);
  return nr;
}

/* Readability's _cleanConditionally for one node with final aggregates. */
static int clean_conditionally(const extractor *e, uint32_t i, unsigned flags) {
  const hnode *h = &e->n[i];
  const agg *a = &e->ag[i];
  int weight = (flags & A_WEIGHT_CLASSES) ? h->weight : 0;
  int is_list =
      (h->tflags & TF_LIST) || (a->chars > 0 && a->lchars / a->chars > 0.9f);
  if (h->flags & NF_POSITIVE) return 0;
  if (weight < 0) return 1;
  if (h->tag == T_TABLE) {
    /* data tables stay: the extractor keeps tables with real text */
    if (a->chars > 0 && link_density(e, i) < 0.5f && a->p == 0) return 0;
  }
  if (a->commas >= 10) return 0;
  float p = (float)a->p, img = (float)a->img;
  float li = (float)a->li - 100, input = (float)a->input;
  float len = a->chars, ld = link_density(e, i);
  float hd = len > 0 ? (float)a->hchars / len : 0;
  int fig = (h->flags & NF_FIGURE) != 0;
  if (!fig && img > 1 && p / img < 0.5f) return 1;
  if (!is_list && li > p) return 1;
  if (input > floorf(p / 3)) return 1;
  /* what is left of a sign-up box once its form is gone */
  if (a->kinput && p == 0 && len < 400) return 1;
  if (!is_list && !fig && hd < 0.9f && len < 25 && (img == 0 || img > 2) &&
      ld > 0)
    return 1;
  if (!is_list && weight < 25 && ld > 0.2f) return 1;
  if (weight >= 25 && ld > 0.5f) return 1;
  if ((a->embed == 1 && len < 75) || a->embed > 1) return 1;
  return 0;
}

/* A container holding most of the article's text is the story itself,
 * not a widget inside it, whatever its link density says: a blog post
 * whose linked title, byline links and list of linked items pass half its
 * text would otherwise go and leave the author box beside it. Negative
 * class weights still remove it. `total` is the article's text before
 * cleaning. */
static int holds_most(const extractor *e, uint32_t i, float total) {
  return e->n[i].weight >= 0 && e->ag[i].chars > 0.5f * total;
}

/* Remove boilerplate inside the article roots; sets killed[]. */
static void clean_article(extractor *e, const uint32_t *roots, size_t nr,
                          unsigned char *killed, unsigned flags) {
  memset(killed, 0, e->nn);
  /* the article's text before cleaning (aggregate() has run) */
  float total = 0;
  for (size_t r = 0; r < nr; r++)
    total += e->ag[roots[r]].chars;
  /* bottom-up: aggregates of a node see its descendants' removals */
  memset(e->ag, 0, e->nn * sizeof *e->ag);
  for (size_t r = 0; r < nr; r++) {
    uint32_t root = roots[r];
    for (uint32_t i = e->n[root].end; i-- > root;) {
      hnode *h = &e->n[i];
      agg *a = &e->ag[i];
      if (e->dead[i]) continue;
      own_counts(a, h);
      if (!(h->flags & NF_TEXT)) {
        if (h->tag == T_INPUT) a->field++;
        if (h->tag == T_BR) a->br++;
        if (i != root) {
          int kill = 0;
          if (h->tag == T_ASIDE || h->tag == T_FOOTER || h->tag == T_NAV)
            kill = 1;
          else if ((h->flags & NF_HEADING) && h->tag <= T_H2 &&
                   h->tag >= T_H1 && (flags & A_WEIGHT_CLASSES) &&
                   h->weight < 0)
            kill = 1;
          else if ((flags & A_CLEAN_CONDITIONALLY) && h->tag == T_P &&
                   !(h->flags & NF_DATA) && a->chars >= 100 && a->br >= 2 &&
                   a->link_chars > 0.5f * a->chars && !holds_most(e, i, total))
            kill = 1;
          else if ((flags & A_CLEAN_CONDITIONALLY) && (h->tflags & TF_CLEAN) &&
                   !(h->flags & NF_DATA))
            kill = !holds_most(e, i, total) && clean_conditionally(e, i, flags);
          if (kill) {
            killed[i] = 1;
            if (h->parent != NONE)
              e->ag[h->parent].kinput += a->field + a->kinput;
            continue;
          }
        }
      }
      if (i != root && h->parent != NONE) {
        agg *pa = &e->ag[h->parent];
        pa->chars += a->chars;
        pa->link_chars += a->link_chars;
        pa->commas += a->commas;
        pa->p += a->p;
        pa->img += a->img;
        pa->li += a->li;
        pa->input += a->input;
        pa->field += a->field;
        pa->embed += a->embed;
        pa->hchars += a->hchars;
        pa->lchars += a->lchars;
        pa->kinput += a->kinput;
        pa->br += a->br;
      }
    }
  }
  /* propagate removals down */
  for (size_t r = 0; r < nr; r++) {
    uint32_t root = roots[r];
    for (uint32_t i = root + 1; i < e->n[root].end; i++)
      if (!killed[i] && e->n[i].parent != NONE && killed[e->n[i].parent])
        killed[i] = 1;
  }
}

/* A list where some item says something beside its link ("Title - why
 * it is worth reading") is the post's own list (a blog's link round-up),
 * not a "Related" box of bare links: none of its items is trimmed as a
 * link list at the article's edges. Sets e->rich for the lists of the
 * nk kept blocks. */
static void mark_rich_lists(extractor *e, size_t nk) {
  for (size_t k = 0; k < nk; k++) {
    const hblock *b = &e->b[e->keep[k]];
    if (b->list != NONE) e->rich[b->list] = 0;
  }
  for (size_t k = 0; k < nk; k++) {
    const hblock *b = &e->b[e->keep[k]];
    if (b->list != NONE && b->link_chars > 0 && b->chars >= b->link_chars + 20)
      e->rich[b->list] = 1;
  }
}

/* Normalized comparison of a block with the headline. */
static int is_headline(const extractor *e, const hblock *b) {
  const char *t = e->hints ? e->hints->title : NULL;
  if (!t || !*t) return 0;
  size_t tl = strlen(t);
  const char *s = e->pool.ptr + b->off;
  size_t sl = b->len;
  if (sl > tl * 2 + 10 || tl > sl * 3 + 10) return 0;
  /* compare alphanumerics only, case-insensitively */
  size_t i = 0, j = 0, same = 0, total = 0;
  while (i < sl && j < tl) {
    char x = s[i], y = t[j];
    if (!is_alnum(x) && (unsigned char)x < 0x80) {
      i++;
      continue;
    }
    if (!is_alnum(y) && (unsigned char)y < 0x80) {
      j++;
      continue;
    }
    if (x >= 'A' && x <= 'Z') x = (char)(x + 32);
    if (y >= 'A' && y <= 'Z') y = (char)(y + 32);
    if (x != y) return 0;
    same++;
    i++;
    j++;
  }
  for (; i < sl; i++)
    total += is_alnum(s[i]) || (unsigned char)s[i] >= 0x80;
  for (; j < tl; j++)
    total += is_alnum(t[j]) || (unsigned char)t[j] >= 0x80;
  /* one is a prefix of the other and covers most of it */
  return same > 0 && (float)same / (float)(same + total) >= 0.75f;
}

/* Does the block end like a sentence (". ", "?", "!" before closing
 * quotes or brackets)? A colon ends one too after eight words or more:
 * such a line introduces what follows ("Here is the full video of the
 * council meeting:"), where a label ("Related:", "Photo:") is short. */
static int ends_like_sentence(const extractor *e, const hblock *b) {
  const unsigned char *s = (const unsigned char *)e->pool.ptr + b->off;
  size_t n = b->len;
  while (n) {
    unsigned char c = s[n - 1];
    if (c == ' ' || c == '\n' || c == '"' || c == '\'' || c == ')' ||
        c == ']') {
      n--;
      continue;
    }
    if (c >= 0x80) {
      size_t k = n - 1;
      while (k > 0 && (s[k] & 0xC0) == 0x80)
        k--;
      const unsigned char *q = s + k;
      uint32_t cp = html_utf8_next(&q, s + n);
      if (cp == 0x201D || cp == 0x2019 || cp == 0xBB) {
        n = k;
        continue;
      }
      return cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
    }
    if (c == ':') return b->words >= 8;
    return c == '.' || c == '!' || c == '?';
  }
  return 0;
}

/* Long enough to be a paragraph: 15 words or 100 characters, or 150 bytes
 * (CJK text has few "words" and three bytes per character). */
static int long_block(const hblock *b) {
  return b->words >= 15 || b->chars >= 100 || b->len >= 150;
}

/* A short block that is not a sentence: at the article's start or end it
 * is a byline, date, label, credit or share prompt. */
static int edge_junk(const extractor *e, const hblock *b) {
  if (b->list != NONE && e->rich[b->list]) return 0; /* a link round-up */
  if (b->link_chars * 2 > b->chars) return 1;        /* link lists */
  if (long_block(b)) return 0;
  /* items of a plain (not linked) list are content */
  if (b->in_list && b->link_chars * 2 < b->chars) return 0;
  return !ends_like_sentence(e, b);
}

/* A copyright line: "© 2008 ...", "Copyright 2008", "(c) 2008" or "All
 * rights reserved" in a block of at most 600 characters. */
static int legal_notice(const extractor *e, const hblock *b) {
  static const char *const marks[] = {"\xC2\xA9", "copyright", "(c)"};
  const char *s = e->pool.ptr + b->off;
  size_t n = b->len;
  if (b->chars > 600) return 0;
  if (html_memcasemem(s, n, "all rights reserved")) return 1;
  /* wire colophons: "To contact the reporter on this story: ...", "A
   * version of this article appeared in print on ..." */
  if ((n > 15 && html_strncaseeq(s, "to contact the ", 15)) ||
      html_memcasemem(s, n, "appeared in print on"))
    return 1;
  for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
    const char *p = s, *end = s + n;
    while ((p = html_memcasemem(p, (size_t)(end - p), marks[m])) != NULL) {
      const char *q = p + strlen(marks[m]);
      while (q < end && *q == ' ')
        q++;
      if ((end - q >= 4 && q[0] >= '0' && q[0] <= '9' && q[1] >= '0' &&
           q[1] <= '9' && q[2] >= '0' && q[2] <= '9' && q[3] >= '0' &&
           q[3] <= '9') ||
          (end - q >= 2 && (unsigned char)q[0] == 0xC2 &&
           (unsigned char)q[1] == 0xA9))
        return 1;
      p = q;
    }
  }
  return 0;
}

/* A blog's "Posted by <name>" line: the annotators keep it as part of the
 * post, unlike a newspaper's byline. */
static int posted_by(const extractor *e, const hblock *b) {
  const char *s = e->pool.ptr + b->off;
  return b->len > 10 && html_strncaseeq(s, "posted by ", 10) &&
         b->link_chars * 2 < b->chars;
}

/* An affiliate disclosure ("This article includes affiliate links", "If
 * you buy something through our links, we may earn a commission"): a short
 * paragraph about the page, not the story, wherever it stands. */
static int affiliate_note(const extractor *e, const hblock *b) {
  static const char *const marks[] = {"affiliate link", "earn a commission",
                                      "earn commission"};
  const char *s = e->pool.ptr + b->off;
  if (b->chars > 400) return 0;
  for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++)
    if (html_memcasemem(s, b->len, marks[m])) return 1;
  return 0;
}

/* A newsletter pitch in the story's flow ("Sign up for our newsletter",
 * "… newsletter, delivered to your inbox"): "newsletter" with "sign up",
 * "subscribe" or "inbox" in a short paragraph. */
static int newsletter_pitch(const extractor *e, const hblock *b) {
  static const char *const marks[] = {"sign up", "sign-up", "signup",
                                      "subscribe", "inbox"};
  const char *s = e->pool.ptr + b->off;
  if (b->chars > 400 || b->words < 8 ||
      !html_memcasemem(s, b->len, "newsletter"))
    return 0;
  for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++)
    if (html_memcasemem(s, b->len, marks[m])) return 1;
  return 0;
}

/* A question of six words or fewer ("Share this article What is this?"):
 * at the end of the article it is a share bar's help link or a teaser, not
 * the story's last sentence. */
static int short_question(const extractor *e, const hblock *b) {
  const char *s = e->pool.ptr + b->off;
  size_t n = b->len;
  while (n && s[n - 1] == ' ')
    n--;
  return b->words <= 6 && !b->in_list && n && s[n - 1] == '?';
}

/* Trailing furniture: junk, copyright lines, and short blocks that follow
 * junk (one-line teasers between the labels of a "More news" box). */
static int tail_junk(const extractor *e, size_t k, size_t lo) {
  const hblock *b = &e->b[e->keep[k]];
  if (edge_junk(e, b) || legal_notice(e, b) || short_question(e, b)) return 1;
  if (k == lo || long_block(b) || b->in_list) return 0;
  const hblock *p = &e->b[e->keep[k - 1]];
  return edge_junk(e, p) || legal_notice(e, p);
}

/* ---- JSON-LD articleBody cross-check ----
 *
 * Word 4-gram shingles (64-bit hashes, ASCII lower-cased) of the
 * articleBody go into an open-addressing set. A DOM block "matches" when
 * half of its shingles are in the set. */

struct shingle_set {
  uint64_t *slot; /* 0 = empty */
  size_t mask;
  size_t n; /* distinct shingles */
};

/* Next word of s[*i..len): its hash, 0 at the end. Words are runs of
 * ASCII letters/digits and non-punctuation UTF-8 characters. */
static uint64_t next_word(const unsigned char *s, size_t len, size_t *i) {
  size_t k = *i;
  uint64_t h = 1469598103934665603ull;
  int any = 0;
  while (k < len) {
    unsigned char c = s[k];
    int word;
    size_t step = 1;
    if (c < 0x80) {
      word = is_alnum((char)c);
    } else {
      const unsigned char *q = s + k;
      uint32_t cp = html_utf8_next(&q, s + len);
      step = (size_t)(q - (s + k));
      word = !html_is_space_cp(cp) && !(cp >= 0x2000 && cp <= 0x206F) &&
             cp != 0xAB && cp != 0xBB && !(cp >= 0x3000 && cp <= 0x303F);
    }
    if (word) {
      for (size_t j = 0; j < step; j++) {
        unsigned char b = s[k + j];
        if (b >= 'A' && b <= 'Z') b = (unsigned char)(b + 32);
        h = (h ^ b) * 1099511628211ull;
      }
      any = 1;
    } else if (any) {
      break;
    }
    k += step;
  }
  *i = k;
  return any ? (h | 1) : 0;
}

static uint64_t mix4(const uint64_t *w, size_t n) {
  uint64_t h = 0x9E3779B97F4A7C15ull;
  for (size_t i = 0; i < n; i++) {
    h ^= w[i] + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdull;
  }
  return h | 1;
}

/* Call fn on each shingle of the text; returns the number of shingles. */
typedef void (*shingle_fn)(void *ctx, uint64_t h);

static size_t shingles_of(const char *text, size_t len, shingle_fn fn,
                          void *ctx) {
  uint64_t w[4];
  size_t nw = 0, i = 0, count = 0;
  uint64_t h;
  while ((h = next_word((const unsigned char *)text, len, &i)) != 0) {
    if (nw == 4) {
      memmove(w, w + 1, 3 * sizeof w[0]);
      nw = 3;
    }
    w[nw++] = h;
    if (nw == 4) {
      fn(ctx, mix4(w, 4));
      count++;
    }
  }
  if (nw > 0 && nw < 4 && count == 0) {
    fn(ctx, mix4(w, nw));
    count++;
  }
  return count;
}

static void set_add(void *ctx, uint64_t h) {
  shingle_set *s = ctx;
  size_t i = (size_t)(h >> 17) & s->mask;
  while (s->slot[i] && s->slot[i] != h)
    i = (i + 1) & s->mask;
  if (!s->slot[i]) {
    s->slot[i] = h;
    s->n++;
  }
}

typedef struct hit_ctx {
  const shingle_set *s;
  size_t hits;
} hit_ctx;

static void set_hit(void *ctx, uint64_t h) {
  hit_ctx *c = ctx;
  size_t i = (size_t)(h >> 17) & c->s->mask;
  while (c->s->slot[i]) {
    if (c->s->slot[i] == h) {
      c->hits++;
      return;
    }
    i = (i + 1) & c->s->mask;
  }
}

/* Build the set; 0 on OOM or when the body is too short to trust. */
static int set_build(shingle_set *s, const char *body) {
  size_t len = strlen(body), cap = 64;
  while (cap < len / 2)
    cap *= 2; /* >= 2 slots per shingle */
  s->slot = calloc(cap, sizeof *s->slot);
  s->mask = cap - 1;
  s->n = 0;
  if (!s->slot) return 0;
  shingles_of(body, len, set_add, s);
  return s->n >= 30;
}

static float f1_of(float hits, float pred, float gold) {
  float p = pred > 0 ? hits / pred : 0, r = gold > 0 ? hits / gold : 0;
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

/* Pages with a JSON-LD articleBody: if the blocks kept disagree with it
 * while the DOM does contain it, keep instead the blocks it covers (and
 * the headings between them, which articleBody usually leaves out), except
 * those the cleaning removed (a sign-up box the articleBody swallowed). */
static void ld_reselect(extractor *e, const unsigned char *killed, size_t *lo,
                        size_t *hi) {
  const shingle_set *ld = e->ld;
  size_t nb = e->nb, dom_hits = 0;
  float kh = 0, kt = 0, nh = 0, nt = 0;
  uint32_t *hits = malloc(nb * 2 * sizeof *hits), *tot;
  if (!hits) return;
  tot = hits + nb;
  for (size_t bi = 0; bi < nb; bi++) {
    hit_ctx c = {ld, 0};
    tot[bi] = (uint32_t)shingles_of(e->pool.ptr + e->b[bi].off, e->b[bi].len,
                                    set_hit, &c);
    hits[bi] = (uint32_t)c.hits;
    dom_hits += c.hits;
  }
  if ((float)dom_hits < 0.7f * (float)ld->n) goto done; /* not in the DOM */
  for (size_t k = *lo; k < *hi; k++) {
    kh += (float)hits[e->keep[k]];
    kt += (float)tot[e->keep[k]];
  }
  float f_old = f1_of(kh, kt, (float)ld->n);
  if (f_old >= 0.9f) goto done;
  size_t first = nb, last = 0;
  for (size_t bi = 0; bi < nb; bi++)
    if (tot[bi] && hits[bi] * 2 >= tot[bi]) {
      if (first == nb) first = bi;
      last = bi;
    }
  if (first == nb) goto done;
  size_t n = 0;
  for (size_t bi = first; bi <= last; bi++) {
    int m = tot[bi] && hits[bi] * 2 >= tot[bi];
    if (killed[e->b[bi].first]) continue; /* cleaned away: a widget */
    if (!m && !(e->b[bi].heading && !is_headline(e, &e->b[bi]))) continue;
    e->keep2[n++] = (uint32_t)bi;
    nh += (float)hits[bi];
    nt += (float)tot[bi];
  }
  if (f1_of(nh, nt, (float)ld->n) > f_old + 0.05f) {
    memcpy(e->keep, e->keep2, n * sizeof *e->keep);
    *lo = 0;
    *hi = n;
  }
done:
  free(hits);
}

/* Shingles with the byte offset of their first word, for ld_prefix. */
typedef struct shingle_pos {
  const shingle_set *set;
  size_t first_hit; /* index of the first shingle in the set */
  size_t index;
} shingle_pos;

static void pos_hit(void *ctx, uint64_t h) {
  shingle_pos *c = ctx;
  if (c->first_hit == SIZE_MAX) {
    hit_ctx hc = {c->set, 0};
    set_hit(&hc, h);
    if (hc.hits) c->first_hit = c->index;
  }
  c->index++;
}

/* Byte offset of the start of word number `w` in s. */
static size_t word_offset(const char *s, size_t len, size_t w) {
  size_t i = 0, prev = 0;
  for (size_t k = 0; k <= w; k++) {
    size_t before = i;
    if (!next_word((const unsigned char *)s, len, &i)) return len;
    /* back up to the word's first byte */
    prev = before;
    while (prev < i && !is_alnum(s[prev]) && (unsigned char)s[prev] < 0x80)
      prev++;
  }
  return prev;
}

/* Some pages render the first paragraphs with scripts: the saved DOM
 * lacks them while the JSON-LD articleBody has them. When the body's
 * opening is in no DOM block and the extracted text starts further into
 * the body, the missing opening (cut at a sentence end, 30 words or more)
 * is put back in front. */
static precis_status ld_prefix(extractor *e, size_t lo, size_t hi, buf *out) {
  const char *body = e->hints->article_body;
  size_t blen = strlen(body);
  shingle_set kept = {NULL, 0, 0}, dom = {NULL, 0, 0};
  size_t kl = 0;
  precis_status st = PRECIS_OK;
  for (size_t k = lo; k < hi; k++)
    kl += e->b[e->keep[k]].len;
  if (kl < 200) return PRECIS_OK;
  size_t cap = 64;
  while (cap < kl / 2)
    cap *= 2;
  kept.slot = calloc(cap, sizeof *kept.slot);
  kept.mask = cap - 1;
  cap = 64;
  while (cap < e->pool.len / 2)
    cap *= 2;
  dom.slot = calloc(cap, sizeof *dom.slot);
  dom.mask = cap - 1;
  if (!kept.slot || !dom.slot) goto done;
  for (size_t k = lo; k < hi; k++) {
    const hblock *b = &e->b[e->keep[k]];
    shingles_of(e->pool.ptr + b->off, b->len, set_add, &kept);
  }
  for (size_t bi = 0; bi < e->nb; bi++)
    shingles_of(e->pool.ptr + e->b[bi].off, e->b[bi].len, set_add, &dom);
  shingle_pos sp = {&kept, SIZE_MAX, 0};
  shingles_of(body, blen, pos_hit, &sp);
  if (sp.first_hit == SIZE_MAX || sp.first_hit < 30) goto done;
  /* the opening must be absent from the whole DOM */
  shingle_pos dp = {&dom, SIZE_MAX, 0};
  size_t end = word_offset(body, blen, sp.first_hit);
  shingles_of(body, end, pos_hit, &dp);
  if (dp.first_hit != SIZE_MAX) goto done;
  while (end > 0 && body[end - 1] != '.' && body[end - 1] != '!' &&
         body[end - 1] != '?')
    end--;
  size_t words = 0, i = 0;
  while (next_word((const unsigned char *)body, end, &i))
    words++;
  if (words < 30) goto done;
  st = html_put_collapsed(out, body, end);
done:
  free(kept.slot);
  free(dom.slot);
  return st;
}

typedef struct result {
  buf text;
  size_t chars;
} result;

/* Whether a block's ASCII letters, lower-cased and joined, spell one of
 * `names`. Other bytes are skipped when `strict` is 0; with `strict` only
 * spaces and colons may stand between the letters. Non-ASCII text never
 * matches. */
static int block_spells(const extractor *e, const hblock *b,
                        const char *const *names, size_t nnames, int strict) {
  char w[24];
  size_t n = 0;
  const char *s = e->pool.ptr + b->off;
  for (size_t i = 0; i < b->len; i++) {
    char c = s[i];
    if ((unsigned char)c >= 0x80) return 0;
    if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
    if (c < 'a' || c > 'z') {
      if (strict && c != ' ' && c != ':') return 0;
      continue;
    }
    if (n + 1 >= sizeof w) return 0;
    w[n++] = c;
  }
  w[n] = '\0';
  for (size_t m = 0; m < nnames; m++)
    if (strcmp(w, names[m]) == 0) return 1;
  return 0;
}

/* A comments heading in words: a short block without links whose letters
 * spell "comments" or "reader comments" (digits, spaces and punctuation
 * aside: "12 Comments", "R E A D E R   C O M M E N T S", "Comments (3)"). */
static int comment_heading(const extractor *e, const hblock *b) {
  static const char *const names[] = {"comments",        "readercomments",
                                      "readerscomments", "usercomments",
                                      "yourcomments",    "visitorcomments"};
  if (b->chars > 40 || b->link_chars > 0) return 0;
  return block_spells(e, b, names, sizeof names / sizeof *names, 0);
}

/* Comment threads without comment-like markup around each comment often
 * still start with a marked element: a heading or anchor whose class, id
 * or anchor name says "comments". Once the article has said something (200
 * characters kept before it), everything from such a marker on is the
 * thread. Links ("12 comments") and inline elements (code tokens) are not
 * markers. Returns the new number of kept blocks. */
static size_t cut_comments(const extractor *e, const uint32_t *roots, size_t nr,
                           size_t nk) {
  size_t k = 0;
  float before = 0;
  if (nr == 0) return nk;
  for (size_t j = 0; j < nk; j++) {
    const hblock *b = &e->b[e->keep[j]];
    if (before >= 200 && comment_heading(e, b)) {
      nk = j;
      break;
    }
    before += (float)b->chars;
  }
  before = 0;
  /* the roots are one subtree, or siblings in document order: a marker
   * between two of them counts too */
  uint32_t to = e->n[roots[nr - 1]].end;
  for (uint32_t i = roots[0] + 1; i < to; i++) {
    const hnode *h = &e->n[i];
    if (!(h->flags & NF_STRONG) || (h->flags & (NF_LINK | NF_DATA)) ||
        !(h->tflags & TF_BLOCK || h->tag == T_A))
      continue;
    while (k < nk && e->b[e->keep[k]].first < i)
      before += (float)e->b[e->keep[k++]].chars;
    if (before >= 200) return k;
    i = h->end - 1; /* its subtree holds no other marker worth a look */
  }
  return nk;
}

/* A "more stories" label: a short block without sentence punctuation
 * whose words are "Related stories", "Other news", "More news" and the
 * like (not "Read more" or "See also", which introduce the author's own
 * references). */
static int related_label(const extractor *e, const hblock *b) {
  static const char *const names[] = {
      "othernews",      "morenews",        "morestories",     "otherstories",
      "relatedstories", "relatedarticles", "relatedlinks",    "relatednews",
      "relatedposts",   "relatedcontent",  "relatedcoverage", "morearticles"};
  if (b->chars > 30 || b->puncts > 0) return 0;
  return block_spells(e, b, names, sizeof names / sizeof *names, 1);
}

/* An author box: a block reading "About the author" (or "About the
 * writer", "About the authors"), alone or before a colon and the bio. */
static int author_label(const extractor *e, const hblock *b) {
  static const char *const names[] = {"about the authors", "about the author",
                                      "about the writer"};
  const char *s = e->pool.ptr + b->off;
  size_t len = b->len;
  if (b->link_chars * 2 > b->chars) return 0;
  while (len && (s[len - 1] == ' ' || s[len - 1] == ':'))
    len--;
  for (size_t m = 0; m < sizeof names / sizeof *names; m++) {
    size_t l = strlen(names[m]);
    if (len >= l && html_strncaseeq(s, names[m], l) &&
        (len == l || s[l] == ':'))
      return 1;
  }
  return 0;
}

/* A "more stories" box inside the article: the label and the mostly-link
 * lines after it go; when what follows the label is short beside the
 * article before it (under a third), the box ends the article and all of
 * it goes, teasers included. An author label or a copyright line ends it
 * the same way (the bio; the site's terms and disclaimers after the
 * notice, which the end trimming cannot reach when they end a sentence).
 * Returns the new number of kept blocks. */
static size_t cut_related(extractor *e, size_t nk) {
  float before = 0;
  for (size_t j = 0; j < nk; j++) {
    const hblock *b = &e->b[e->keep[j]];
    int author = before >= 200 && author_label(e, b);
    int legal = before >= 200 && legal_notice(e, b);
    if (author || legal || (before >= 200 && related_label(e, b))) {
      float after = 0;
      for (size_t k = j + 1; k < nk; k++)
        after += (float)e->b[e->keep[k]].chars;
      if (after < before / 3) return j;
      if (author || legal) {
        before += (float)b->chars;
        continue;
      }
      size_t k = j + 1;
      while (k < nk && e->b[e->keep[k]].link_chars * 2 > e->b[e->keep[k]].chars)
        k++;
      memmove(e->keep + j, e->keep + k, (nk - k) * sizeof *e->keep);
      nk -= k - j;
      j--;
      continue;
    }
    before += (float)b->chars;
  }
  return nk;
}

/* One pass of the extraction with the given rules. */
static precis_status attempt(extractor *e, unsigned flags,
                             unsigned char *killed, uint32_t *roots,
                             size_t maxroots, result *res) {
  precis_status st;
  mark_dead(e, flags);
  if ((st = build_blocks(e)) != PRECIS_OK) return st;
  aggregate(e, NULL);
  uint32_t t = pick_top(e, flags);
  size_t nr;
  if (t == NONE) {
    roots[0] = e->body != NONE ? e->body : 0;
    nr = 1;
  } else {
    nr = gather(e, t, roots, maxroots);
    nr = expand(e, roots, nr);
  }
  clean_article(e, roots, nr, killed, flags);
  buf_clear(&res->text);
  res->chars = 0;
  size_t r = 0, nk = 0;
  for (size_t bi = 0; bi < e->nb; bi++) {
    const hblock *b = &e->b[bi];
    while (r < nr && b->first >= e->n[roots[r]].end)
      r++;
    if (r >= nr) break;
    if (b->first < roots[r] || killed[b->first]) continue;
    if (b->heading && is_headline(e, b)) continue;
    if (affiliate_note(e, b) || newsletter_pitch(e, b)) continue;
    e->keep[nk++] = (uint32_t)bi;
  }
  nk = cut_comments(e, roots, nr, nk);
  nk = cut_related(e, nk);
  mark_rich_lists(e, nk);
  /* bylines, datelines, share bars and "Related" labels sit at the edges */
  size_t lo = 0, hi = nk;
  while (lo < hi && edge_junk(e, &e->b[e->keep[lo]]) &&
         !posted_by(e, &e->b[e->keep[lo]]))
    lo++;
  while (hi > lo && tail_junk(e, hi - 1, lo) &&
         !posted_by(e, &e->b[e->keep[hi - 1]]))
    hi--;
  if (lo == hi) lo = 0, hi = nk;
  if (e->ld) {
    ld_reselect(e, killed, &lo, &hi);
    if ((st = ld_prefix(e, lo, hi, &res->text))) return st;
    res->chars = res->text.len;
  }
  for (size_t k = lo; k < hi; k++) {
    const hblock *b = &e->b[e->keep[k]];
    if (res->text.len && (st = buf_put(&res->text, "\n\n", 2))) return st;
    if ((st = buf_put(&res->text, e->pool.ptr + b->off, b->len))) return st;
    res->chars += b->chars;
  }
  return PRECIS_OK;
}

precis_status html_extract(xmlDoc *doc, const html_hints *hints, buf *out) {
  extractor e;
  shingle_set ld = {NULL, 0, 0};
  precis_status st = PRECIS_OK;
  unsigned char *killed = NULL;
  uint32_t *roots = NULL;
  result best = {BUF_INIT, 0}, cur = {BUF_INIT, 0};
  memset(&e, 0, sizeof e);
  e.hints = hints;
  if (!doc || !doc->children) return PRECIS_OK;
  e.kwc = calloc(1, sizeof *e.kwc); /* a cache: fine if NULL */
  if (hints && hints->article_body && (ld.slot = NULL, 1) &&
      set_build(&ld, hints->article_body))
    e.ld = &ld;
  move_suspense(doc);
  if ((st = flatten(&e, doc)) != PRECIS_OK) goto cleanup;
  if (e.nn == 0) goto cleanup;
  compute_text_stats(&e);
  mark_data_tables(&e);
  e.dead = malloc(e.nn);
  killed = malloc(e.nn);
  e.ag = malloc(e.nn * sizeof *e.ag);
  e.score = malloc(e.nn * sizeof *e.score);
  e.scored = malloc(e.nn);
  roots = malloc(e.nn * sizeof *roots);
  e.schars = malloc(e.nn * sizeof *e.schars);
  e.slink = malloc(e.nn * sizeof *e.slink);
  e.rich = calloc(e.nn, 1);
  if (!e.dead || !killed || !e.ag || !e.score || !e.scored || !roots ||
      !e.schars || !e.slink || !e.rich) {
    st = PRECIS_ERR_NOMEM;
    goto cleanup;
  }
  memset(e.dead, 0, e.nn);
  aggregate(&e, NULL);
  for (size_t i = 0; i < e.nn; i++) {
    e.schars[i] = e.ag[i].chars;
    e.slink[i] = e.ag[i].link_chars;
  }
  static const unsigned ladder[] = {
      A_STRIP_UNLIKELY | A_WEIGHT_CLASSES | A_CLEAN_CONDITIONALLY,
      A_WEIGHT_CLASSES | A_CLEAN_CONDITIONALLY, A_CLEAN_CONDITIONALLY, 0};
  for (size_t k = 0; k < sizeof ladder / sizeof ladder[0]; k++) {
    st = attempt(&e, ladder[k], killed, roots, e.nn, &cur);
    if (st != PRECIS_OK) goto cleanup;
    if (cur.chars > best.chars || k == 0) {
      result tmp = best;
      best = cur;
      cur = tmp;
    }
    if (best.chars >= 500) break;
  }
  if (best.text.len) st = buf_put(out, best.text.ptr, best.text.len);

cleanup:
  buf_free(&best.text);
  buf_free(&cur.text);
  buf_free(&e.pool);
  free(e.n);
  free(e.b);
  free(e.keep);
  free(e.keep2);
  free(e.kwc);
  free(ld.slot);
  free(e.dead);
  free(e.ag);
  free(e.score);
  free(e.scored);
  free(e.schars);
  free(e.slink);
  free(e.rich);
  free(killed);
  free(roots);
  return st;
}
