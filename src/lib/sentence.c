/* sentence.c — English sentence splitter (see sentence.h).
 *
 * One left-to-right pass. A table of byte classes (like cmark_ctype.c)
 * lets the main loop skip plain text and stop only at "hot" bytes: line
 * feeds, . ? ! and the ellipsis U+2026, and straight quotes, whose open /
 * closed state is tracked. Nothing is allocated; every look-behind or
 * look-ahead is bounded, so the time is linear in the input.
 *
 * Break candidates. A run of terminals ("." "?!" "..." "…" ". . .") plus
 * any closing quotes and brackets glued to it ( ." ?') .'' .” ) and a
 * citation mark ("2004.[3]") is a candidate only if whitespace or the end
 * of text follows; "3.5", "U.S.-led", "example.com/a?b" and "wait...what"
 * are never split. After the whitespace, closers written with spaces
 * around them (the tokenized Multi-News style `win. " he said` /
 * `done. ) Then`) still belong to the sentence: a straight " is taken as
 * closing only if a quotation is open.
 * The decision then looks at the next token and, for ".", the word before:
 *
 *   - Before ", ; : ) %": no break. After closing quotes, lower case
 *     continues the sentence in cased text (`"Go!" he said`); in lowered
 *     text (below) only a speech clause does (`win. " said smith.`): a
 *     speech verb among the next four words, not followed by "that" or
 *     ":", and punctuation within twelve words after it. After a closing
 *     bracket a lower-case word continues it: (really?) the.
 *   - "?" "!": break (also before lower case: lower-cased text has no
 *     capitals). Names with "!" (Yahoo!, E!) do not end a sentence.
 *   - Ellipsis: break only before a capital (possibly after an opening
 *     quote or bracket); "and then... we left" is one sentence.
 *   - "." after a plain word, a number, a URL, a closing bracket: break,
 *     even before lower case (". the" in lower-cased text), with these
 *     exceptions, from data/abbrev.en.txt (compiled into abbrev.inc):
 *       never   titles and e.g./i.e./vs.: no break (Mr. Smith, Gen. Lee)
 *       num     No./Fig./Vol.: no break before a digit (No. 5)
 *       canend  Inc., Jr., U.S., a.m., Jan., Calif., St., etc.: break only
 *               if the next word is a capitalised sentence starter from a
 *               closed list (The, He, But, In, ...), so "U.S. officials",
 *               "U.S. Army", "Jan. 5", "10 a.m. Monday" stay whole and
 *               "in the U.S. The next day" splits. Any x.y.z abbreviation
 *               of 1-2 letter parts (U.N., Ph.D., j.b.) counts as canend.
 *       initial a single letter (J. K. Rowling, George W. Bush): like
 *               canend, but never before another initial.
 *     A 1-3 digit number or letter opening a sentence ("1. First",
 *     "a. Second", "Q. What") or following ":" is a list marker.
 *     A "." glued to a capitalised starter ("said.The") is a break in
 *     cased text when the word before is lower case and is not in a URL;
 *     in lowered text the same before a strong starter ("said.the"), and
 *     after a plain word of three letters or more before any word of four
 *     or more or a little function word ("show.four", "japan.in"), unless
 *     the pair reads as a domain ("sky.news", "cnn.com") or the word
 *     before is an abbreviation ("gen.vell"). The same holds through a
 *     quotation mark glued to both words ('deal."we're'): the break
 *     falls after the mark when it closes a quotation, before it when it
 *     opens one.
 *
 * Lines. A blank line always ends a sentence (paragraph). A single line
 * feed ends one too (one paragraph or headline per line), except for
 * hard-wrapped text: in cased text, when the next line starts with a
 * lower-case letter and the line does not end in a sentence break, the
 * lines are joined (the span then contains the line feed). A title or an
 * initial at the end of a line ("Mr.", "J.") always joins the next line.
 *
 * Lower-cased text. The Multi-News sources are lower-cased with only
 * sentence-initial letters re-capitalised (after every ". ", even after
 * abbreviations: "mr. Smith"). A cheap scan of the first 64 KB, done only
 * when a decision needs it, sets the mode: text is "lowered" when almost
 * no capital follows a lower-case word (short texts need more evidence,
 * see S_detect_lowered). Lowered text never joins lines, and after a
 * canend abbreviation only a "strong" starter (the, he, it, ...), in
 * either case, breaks: "in the u.s. the next day" splits, "u.s.
 * officials" and "u.s. And europe" (re-capitalised) do not.
 *
 * Quotes. Straight " and ' are opening when glued to the following word,
 * closing when glued to the preceding one, and flip the state when spaced
 * on both sides; apostrophes inside words and the tokenizer's " ' ll"
 * pieces are ignored. The state resets at every line break that ends a
 * sentence. Curly quotes, guillemets and `` '' need no state.
 */
#include "sentence.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "token.h"

/* ---- byte classes ---- */

enum {
  B_WS = 1,    /* space \t \n \v \f \r */
  B_UP = 2,    /* A-Z */
  B_LO = 4,    /* a-z */
  B_DIG = 8,   /* 0-9 */
  B_HOT = 16,  /* stops the main loop: \n . ? ! " ' and 0xE2 */
  B_OPEN = 32, /* ASCII opener: " ' ` ( [ { */
  B_CONT = 64  /* continues a sentence when it starts the next token */
};

/* 0 plain, 1 ws, 2 upper, 4 lower, 8 digit, 16 hot, 32 open, 64 cont */
static const unsigned char S_cls[256] = {
    0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  17, 1,  1,  1,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    1,  80, 48, 0,  0,  64, 0,  48, 32, 64, 0,  0,  64, 0,  80, 0,
    8,  8,  8,  8,  8,  8,  8,  8,  8,  8,  64, 64, 0,  0,  0,  80,
    0,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,
    2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  2,  32, 0,  64, 0,  0,
    32, 4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,
    4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  32, 0,  64, 0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  16, 0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
};

#define IS(c, m) ((S_cls[(unsigned char)(c)] & (m)) != 0)
#define IS_WS(c) IS(c, B_WS)
#define IS_UP(c) IS(c, B_UP)
#define IS_LO(c) IS(c, B_LO)
#define IS_ALPHA(c) IS(c, B_UP | B_LO)
#define IS_DIGIT(c) IS(c, B_DIG)
#define IS_ALNUM(c) IS(c, B_UP | B_LO | B_DIG)

/* ---- word lists (data/abbrev.en.txt) ---- */

#define W_NEVER 1u   /* title: never ends a sentence */
#define W_NUM 2u     /* takes a number */
#define W_CANEND 4u  /* ends a sentence only before a starter */
#define W_CS 8u      /* abbreviation only when capitalised */
#define W_START 16u  /* capitalised sentence starter */
#define W_STRONG 32u /* lower-case starter (lowered text) */
#define W_ATTR 64u   /* speech verb */
#define W_BANG 128u  /* name with "!" */

#define WORD_MAX 15

struct word_entry {
  const char *w;
  unsigned flags;
};

#include "abbrev.inc"

static int S_word_cmp(const void *key, const void *elem) {
  return strcmp((const char *)key, ((const struct word_entry *)elem)->w);
}

/* Flags of the ASCII word p[0..n), compared case-insensitively. */
static unsigned S_lookup(const unsigned char *p, size_t n) {
  char key[WORD_MAX + 1];
  if (n == 0 || n > WORD_MAX) return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = p[i];
    key[i] = (char)(IS_UP(c) ? c + ('a' - 'A') : c);
  }
  key[n] = '\0';
  const struct word_entry *e =
      bsearch(key, S_words, sizeof S_words / sizeof S_words[0],
              sizeof S_words[0], S_word_cmp);
  return e ? e->flags : 0;
}

/* ---- UTF-8 bits ---- */

/* p[i..] is the 3-byte sequence E2 b1 b2. */
static int S_is3(const unsigned char *p, size_t n, size_t i, unsigned b1,
                 unsigned b2) {
  return i + 2 < n && p[i] == 0xE2 && p[i + 1] == b1 && p[i + 2] == b2;
}

#define U_ELLIPSIS 0x80, 0xA6 /* … */
#define U_INTERROBANG 0x80, 0xBD
#define U_LDQ 0x80, 0x9C /* “ */
#define U_RDQ 0x80, 0x9D /* ” */
#define U_LSQ 0x80, 0x98 /* ‘ */
#define U_RSQ 0x80, 0x99 /* ’ */

enum { CASE_NONE = 0, CASE_UP = 1, CASE_LO = 2 };

/* Letter case at p[i] for ASCII and the common cased scripts (Latin-1,
 * Latin Extended-A, Greek, Cyrillic); CASE_NONE otherwise. */
static int S_case_at(const unsigned char *p, size_t n, size_t i) {
  if (i >= n) return CASE_NONE;
  unsigned char c = p[i];
  if (IS_UP(c)) return CASE_UP;
  if (IS_LO(c)) return CASE_LO;
  if (c < 0xC3 || c > 0xD1 || i + 1 >= n || (p[i + 1] & 0xC0) != 0x80)
    return CASE_NONE;
  unsigned cp = ((unsigned)(c & 0x1F) << 6) | (p[i + 1] & 0x3Fu);
  if (cp >= 0xC0 && cp <= 0xDE) return cp == 0xD7 ? CASE_NONE : CASE_UP;
  if (cp >= 0xDF && cp <= 0xFF) return cp == 0xF7 ? CASE_NONE : CASE_LO;
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return CASE_LO;
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
      return (cp & 1) ? CASE_UP : CASE_LO;
    if (cp == 0x178) return CASE_UP;
    return (cp & 1) ? CASE_LO : CASE_UP;
  }
  if (cp >= 0x391 && cp <= 0x3A9) return CASE_UP;
  if (cp >= 0x3AC && cp <= 0x3CE) return CASE_LO;
  if (cp >= 0x400 && cp <= 0x42F) return CASE_UP;
  if (cp >= 0x430 && cp <= 0x45F) return CASE_LO;
  return CASE_NONE;
}

/* Length of an opening quote or bracket at p[i], else 0. */
static size_t S_opener(const unsigned char *p, size_t n, size_t i) {
  if (i >= n) return 0;
  if (IS(p[i], B_OPEN)) return 1;
  if (S_is3(p, n, i, U_LDQ) || S_is3(p, n, i, U_LSQ)) return 3;
  if (p[i] == 0xC2 && i + 1 < n &&
      (p[i + 1] == 0xAB || p[i + 1] == 0xBF || p[i + 1] == 0xA1))
    return 2; /* « ¿ ¡ */
  return 0;
}

/* ---- splitter state ---- */

typedef struct splitter {
  const unsigned char *p;
  size_t n;
  size_t s;    /* start of the current sentence: first byte of a token */
  int dq, sq;  /* a straight "double" / 'single' quotation is open */
  int lowered; /* lower-cased text (capitals carry no signal); -1: not
                  decided yet, see S_lowered() */
  sent_emit_fn emit;
  void *ctx;
} splitter;

/* Emit the current sentence, ending at e, trimmed; start none. */
static precis_status S_emit(splitter *z, size_t e) {
  size_t s = z->s;
  while (s < e && IS_WS(z->p[s])) s++;
  while (e > s && IS_WS(z->p[e - 1])) e--;
  z->s = e;
  if (e > s) return z->emit(z->ctx, s, e - s);
  return PRECIS_OK;
}

/* x.y or x.y.z with parts of one or two letters: U.S, ph.d, j.b. */
static int S_dotted(const unsigned char *p, size_t n) {
  size_t part = 0, parts = 1;
  for (size_t i = 0; i < n; i++) {
    if (p[i] == '.') {
      if (part == 0) return 0;
      part = 0;
      parts++;
    } else if (++part > 2) {
      return 0;
    }
  }
  return part > 0 && parts >= 2;
}

/* A lower-case token that cased English would capitalise: the pronoun
 * "i", a title ("mr."), a dotted abbreviation other than a.m./p.m./e.g./
 * i.e. ("u.s."), a weekday ("sunday,"). p[0..n) is the whole token. */
static int S_lowered_token(const unsigned char *p, size_t n) {
  static const char *const days[] = {"monday", "tuesday", "wednesday",
                                     "thursday", "friday", "saturday",
                                     "sunday"};
  if (p[0] == 'i' && (n == 1 || p[1] == '\'' || p[1] == ',')) return 1;
  size_t w = IS_ALPHA(p[n - 1]) ? n : n - 1; /* "sunday," */
  if (w >= 6 && w <= 9 && p[w - 1] == 'y' && !memcmp(p + w - 3, "day", 3)) {
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++)
      if (strlen(days[i]) == w && !memcmp(p, days[i], w)) return 1;
    return 0;
  }
  if (n < 3 || n > 8 || p[n - 1] != '.') return 0;
  if (memchr(p, '.', n - 1)) {
    static const char *const plain[] = {"a.m.", "p.m.", "e.g.", "i.e."};
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
      if (n == 4 && !memcmp(p, plain[i], 4)) return 0;
    return S_dotted(p, n - 1);
  }
  if ((n == 3 && (!memcmp(p, "vs", 2) || !memcmp(p, "cf", 2))) ||
      (n == 4 && !memcmp(p, "viz", 3)) || (n == 7 && !memcmp(p, "approx", 6)))
    return 0; /* lower case in any text */
  return (S_lookup(p, n - 1) & W_NEVER) != 0;
}

/* A plain lower-case word of 3+ letters and a period ("monday."), after
 * which cased text would have a capital. */
static int S_plain_end(const unsigned char *p, size_t n) {
  if (n < 4 || p[n - 1] != '.') return 0;
  for (size_t i = 0; i + 1 < n; i++)
    if (!IS_LO(p[i])) return 0;
  return !(S_lookup(p, n - 1) & (W_NEVER | W_NUM | W_CANEND));
}

/* Decide lower-cased mode from the first 64 KB: count tokens that start
 * with a capital right after a lower-case word, digit or comma. Cased
 * English has plenty (names, "I"); the Multi-News sources have none. A
 * short text needs more evidence: no capital at all, a lower-case word
 * after "word. ", or a token like "mr.", "u.s." or "sunday" in lower
 * case. */
static int S_detect_lowered(const unsigned char *p, size_t n) {
  size_t lim = n < 65536 ? n : 65536, i = 0, pt = 0;
  size_t words = 0, midcaps = 0, lowsig = 0;
  int anyup = 0;
  unsigned char prev = ' ';
  while (i < lim && IS_WS(p[i])) i++;
  while (i < lim) {
    size_t t = i, l;
    while (t < lim && t < i + 6 &&
           (IS(p[t], B_OPEN) || p[t] == 0xE2 || p[t] == 0xC2) &&
           (l = S_opener(p, lim, t)) != 0)
      t += l;
    unsigned char c = t < lim ? p[t] : ' '; /* first letter of "Word */
    words++;
    while (i < lim && !IS_WS(p[i])) i++;
    if (t > i) t = i;
    if (IS_UP(c)) {
      anyup = 1;
      if (IS_LO(prev) || IS_DIGIT(prev) || prev == ',') midcaps++;
    } else if (IS_LO(c)) {
      if ((prev == '.' && words > 1 && S_plain_end(p + pt, t - pt)) ||
          S_lowered_token(p + t, i - t))
        lowsig++;
    }
    prev = p[i - 1];
    pt = t;
    while (i < lim && IS_WS(p[i])) i++;
  }
  return words > 0 && midcaps * 100 < words &&
         (words >= 40 || lowsig > 0 || !anyup);
}

/* sentence.h; cluster.c asks it of an article's whole text. */
int sent_lowered(const char *text, size_t len) {
  return text && len ? S_detect_lowered((const unsigned char *)text, len) : 0;
}

/* The mode, decided on first use: many texts never need it. */
static int S_lowered(splitter *z) {
  if (z->lowered < 0) z->lowered = S_detect_lowered(z->p, z->n);
  return z->lowered;
}

/* ---- quote state ---- */

static void S_dquote(splitter *z, size_t i) {
  const unsigned char *p = z->p;
  int lsp = i == 0 || IS_WS(p[i - 1]) || p[i - 1] == '(' ||
            p[i - 1] == '[' || p[i - 1] == '\'';
  int rsp = i + 1 >= z->n || IS_WS(p[i + 1]) || IS(p[i + 1], B_CONT);
  if (lsp && !rsp)
    z->dq = 1;
  else if (!lsp && rsp)
    z->dq = 0;
  else
    z->dq = !z->dq;
}

/* " ' m", " ' ll": a contraction split by a tokenizer, not a quote. */
static int S_split_contraction(const unsigned char *p, size_t n, size_t i) {
  size_t j = i + 1;
  if (j < n && p[j] == ' ') j++;
  size_t k = j;
  while (k < n && k < j + 3 && IS_LO(p[k])) k++;
  if (k == j || (k < n && IS_ALPHA(p[k]))) return 0;
  size_t l = k - j;
  const char *w = (const char *)p + j;
  if (l == 1) return *w == 's' || *w == 'm' || *w == 'd' || *w == 't';
  return l == 2 && (!memcmp(w, "ll", 2) || !memcmp(w, "re", 2) ||
                    !memcmp(w, "ve", 2));
}

static void S_squote(splitter *z, size_t i) {
  const unsigned char *p = z->p;
  unsigned char a = i ? p[i - 1] : ' ';
  unsigned char b = i + 1 < z->n ? p[i + 1] : ' ';
  if (IS_ALNUM(a) && IS_ALPHA(b)) return; /* it's, o'neill */
  int lsp = i == 0 || IS_WS(a) || a == '(' || a == '"';
  int rsp = i + 1 >= z->n || IS_WS(b) || IS(b, B_CONT) || b == '"';
  if (lsp && rsp) {
    if (!S_split_contraction(p, z->n, i)) z->sq = !z->sq;
  } else if (lsp) {
    if (IS_ALPHA(b)) z->sq = 1; /* not '90s */
  } else if (rsp) {
    z->sq = 0;
  }
}

/* ---- the token after a candidate ---- */

enum { NT_OTHER, NT_UP, NT_LO, NT_DIGIT, NT_CONT, NT_OPEN };

typedef struct next_tok {
  int first;              /* NT_* of the token's first character */
  int wcase;              /* CASE_* of the first letter after openers */
  const unsigned char *w; /* ASCII word after openers, or NULL */
  size_t wl;
  size_t wend; /* offset just past that word */
} next_tok;

static void S_next(const splitter *z, size_t t, next_tok *nt) {
  const unsigned char *p = z->p;
  size_t n = z->n, u = t, lim = t + 16, l;
  int opened = 0;
  while (u < n && u < lim) {
    if ((l = S_opener(p, n, u)) != 0) {
      u += l;
      opened = 1;
    } else if (opened && p[u] == ' ') {
      u++;
    } else {
      break;
    }
  }
  if (opened) {
    nt->first = NT_OPEN;
  } else if (t >= n) {
    nt->first = NT_OTHER;
  } else if (IS_DIGIT(p[t])) {
    nt->first = NT_DIGIT;
  } else if (IS(p[t], B_CONT)) {
    nt->first = NT_CONT;
  } else {
    int c = S_case_at(p, n, t);
    nt->first = c == CASE_UP ? NT_UP : c == CASE_LO ? NT_LO : NT_OTHER;
  }
  nt->wcase = S_case_at(p, n, u);
  size_t k = u;
  while (k < n && k < u + WORD_MAX + 1 && IS_ALPHA(p[k])) k++;
  nt->w = k > u && k - u <= WORD_MAX ? p + u : NULL;
  nt->wl = nt->w ? k - u : 0;
  nt->wend = k;
}

/* The next word begins a sentence: a capitalised starter ("The", "He's").
 * In lowered text, where "u.s. And europe" is capitalised too, only a
 * strong starter ("the", "The", "he") counts. */
static int S_starter(splitter *z, const next_tok *nt) {
  if (!nt->w) return 0;
  unsigned f = S_lookup(nt->w, nt->wl);
  if (S_lowered(z)) return (f & W_STRONG) != 0;
  return IS_UP(nt->w[0]) && (f & W_START);
}

/* A speech clause follows a closing quote: a speech verb among the next
 * four words, not followed by "that" or ":", and the clause ends
 * (punctuation or end of text) within twelve words after it: `" he told
 * reporters.`, `" said smith, 45,`, `" she asked during a stop in miami.`,
 * but not `" smith said that the plan was dead` (a new sentence) nor
 * `" smith added: "`. */
static int S_attribution(const splitter *z, size_t t) {
  const unsigned char *p = z->p;
  size_t n = z->n, i = t, lim = t + 160;
  int words = 0, verb = -1;
  while (i < n && i < lim && IS_ALPHA(p[i])) {
    size_t k = i;
    while (k < n && k < i + 32 && IS_ALPHA(p[k])) k++;
    if (verb < 0 && words < 4 && (S_lookup(p + i, k - i) & W_ATTR)) {
      if (k < n && p[k] == ':') return 0;
      if (k + 5 < n && !memcmp(p + k, " that", 5) && !IS_ALPHA(p[k + 5]))
        return 0;
      verb = words;
    }
    while (k < n && k < i + 32 && (IS_ALNUM(p[k]) || p[k] == '\'' ||
                                   p[k] == '-'))
      k++;
    words++;
    if (verb < 0 && words >= 4) return 0;
    if (verb >= 0 && words - verb > 12) return 0;
    while (k < n && p[k] == ' ') k++;
    i = k;
  }
  return verb >= 0;
}

/* ---- the word before a period ---- */

enum {
  WB_PLAIN,   /* a word, number, URL, closing bracket: breaks */
  WB_LIST,    /* list marker: "1." "a." opening a sentence */
  WB_NEVER,   /* title */
  WB_NUM,     /* No. Fig. */
  WB_CANEND,  /* Inc. U.S. */
  WB_INITIAL, /* J. */
  WB_CONSON   /* unknown lower-case consonant cluster: blvd. hrs. */
};

/* Is p[k..] the first token of the sentence (after openers only)? */
static int S_opens_sentence(const splitter *z, size_t k) {
  size_t s = z->s;
  if (k < s || k - s > 8) return 0;
  while (s < k) {
    size_t l = S_opener(z->p, z->n, s);
    if (!l) return 0;
    s += l;
  }
  return s == k;
}

/* Classify the token that ends at the period p[i]. */
static int S_before(splitter *z, size_t i) {
  const unsigned char *p = z->p;
  size_t lo = i > 40 ? i - 40 : 0;
  if (lo < z->s) lo = z->s;
  if (i <= lo) return WB_PLAIN;
  unsigned char c = p[i - 1];
  if (IS_DIGIT(c)) {
    size_t k = i;
    while (k > lo && IS_DIGIT(p[k - 1])) k--;
    if (i - k > 3 || (k > lo && !IS_WS(p[k - 1]) && p[k - 1] != '('))
      return WB_PLAIN;
    if (S_opens_sentence(z, k)) return WB_LIST;
    size_t j = k;
    while (j > lo && p[j - 1] == ' ') j--;
    return j > lo && p[j - 1] == ':' ? WB_LIST : WB_PLAIN;
  }
  if (!IS_ALPHA(c)) return WB_PLAIN;
  size_t k = i;
  while (k > lo && (IS_ALPHA(p[k - 1]) || p[k - 1] == '.')) k--;
  if (k == lo && lo > z->s && IS_ALPHA(p[lo - 1])) return WB_PLAIN;
  while (k < i && p[k] == '.') k++;
  size_t l = i - k;
  int after_digit = k > 0 && IS_DIGIT(p[k - 1]);
  unsigned f = S_lookup(p + k, l);
  if ((f & W_CS) && !IS_UP(p[k])) f = 0;
  if (f & W_NEVER) return WB_NEVER;
  if (f & W_NUM) return WB_NUM;
  if (f & W_CANEND) return WB_CANEND;
  if (l == 1) {
    if (after_digit) return WB_PLAIN;
    if (S_opens_sentence(z, k)) return WB_LIST;
    if (k > lo) {
      size_t j = k;
      while (j > lo && p[j - 1] == ' ') j--;
      if (j < k && j > lo && p[j - 1] == ':') return WB_LIST;
    }
    return WB_INITIAL;
  }
  if (memchr(p + k, '.', l)) return S_dotted(p + k, l) ? WB_CANEND : WB_PLAIN;
  if (l <= 4) {
    size_t j = 1;
    while (j < l && IS_LO(p[k + j]) && !memchr("aeiouy", p[k + j], 6)) j++;
    if (j == l && !memchr("aeiouyAEIOUY", p[k], 12) && !S_lowered(z))
      return WB_CONSON;
  }
  return WB_PLAIN;
}

/* ---- decisions ---- */

enum { K_PERIOD, K_ELLIPSIS, K_QE };
enum { D_SPLIT, D_SOFT, D_HARD }; /* break; no break; no break, ever */

/* Word before "!" at p[i] names something like "Yahoo!". */
static int S_bang_name(const splitter *z, size_t i) {
  size_t k = i, lo = i > 16 ? i - 16 : 0;
  while (k > lo && IS_ALPHA(z->p[k - 1])) k--;
  if (k > 0 && IS_ALPHA(z->p[k - 1])) return 0;
  return (S_lookup(z->p + k, i - k) & W_BANG) != 0;
}

static int S_decide(splitter *z, int kind, size_t i, size_t bang_at,
                    size_t t, int quote, int paren) {
  next_tok nt;
  S_next(z, t, &nt);
  if (nt.first == NT_CONT) return D_SOFT;
  /* `"Go!" he said`; in cased text any lower case after a quote */
  if (nt.first == NT_LO &&
      (paren || (quote && (!S_lowered(z) || S_attribution(z, t)))))
    return D_SOFT;
  if (kind == K_QE) {
    if (bang_at != (size_t)-1 && !quote && !paren &&
        S_bang_name(z, bang_at) && !S_starter(z, &nt))
      return D_SOFT;
    return D_SPLIT;
  }
  if (kind == K_ELLIPSIS) return nt.wcase == CASE_UP ? D_SPLIT : D_SOFT;
  switch (S_before(z, i)) {
  case WB_LIST:
  case WB_NEVER:
    return D_HARD;
  case WB_NUM:
    if (nt.first == NT_DIGIT) return D_HARD;
    return !S_lowered(z) && nt.first == NT_LO ? D_SOFT : D_SPLIT;
  case WB_CONSON:
    return nt.first == NT_LO ? D_SOFT : D_SPLIT;
  case WB_INITIAL:
    if (nt.w && nt.wl == 1 && nt.wend < z->n && z->p[nt.wend] == '.')
      return D_HARD; /* J. K. */
    return S_starter(z, &nt) ? D_SPLIT : D_HARD;
  case WB_CANEND:
    if (nt.first == NT_DIGIT) return D_SOFT;
    return S_starter(z, &nt) ? D_SPLIT : D_SOFT;
  default:
    return D_SPLIT;
  }
}

/* A token that looks like a URL or e-mail address ends at p[i]. */
static int S_urlish(const splitter *z, size_t i) {
  size_t k = i, lo = i > 256 ? i - 256 : 0;
  while (k > lo && !IS_WS(z->p[k - 1])) k--;
  for (; k < i; k++) {
    unsigned char c = z->p[k];
    if (c == '/' || c == '@' || c == ':') return 1;
    if (c == 'w' && i - k > 4 && !memcmp(z->p + k, "www.", 4)) return 1;
  }
  return 0;
}

/* The "." at p[i], glued to the word at p[k], ends a sentence whose
 * last word is lower case and not in a URL: before a capitalised starter
 * in cased text ("said.The", "said.He's"); in lowered text before a
 * strong one ("said.the", "moms.they") or a longer word, where it ends at
 * a space, a comma or an apostrophe ("repubblica.it/" stays). */
static int S_glued_break(splitter *z, size_t i, size_t k) {
  static const char *const tld[] = {
      "blog",  "club", "example", "info",  "life", "live",
      "media", "news", "online",  "press", "shop", "site",
      "store", "tech", "today",   "world", NULL};
  static const char *const little[] = {"a",   "all", "an",  "and", "as",  "at",
                                       "but", "for", "her", "his", "if",  "in",
                                       "its", "on",  "one", "our", "two", NULL};
  const unsigned char *p = z->p;
  size_t n = z->n;
  if (k + 1 >= n || i < 2 || !IS_LO(p[i - 1]) || !IS_LO(p[i - 2])) return 0;
  next_tok nt;
  S_next(z, k, &nt);
  if (!nt.w || S_urlish(z, i)) return 0;
  unsigned f = S_lookup(nt.w, nt.wl);
  if (IS_UP(p[k])) return IS_LO(p[k + 1]) && (f & W_START) && !S_lowered(z);
  if (!IS_LO(p[k]) || !S_lowered(z) || nt.w != p + k ||
      !(nt.wend == n || IS_WS(p[nt.wend]) || p[nt.wend] == ',' ||
        p[nt.wend] == '\''))
    return 0;
  if (f & W_STRONG) return 1;
  /* after a plain word of three letters or more, any word of four or
   * more ("show.four months", "preserved.then") or a little function word
   * ("japan.in 2011", "jersey.a litter"), unless the pair reads as a
   * domain ("sky.news", "cnn.com") or the word before is an abbreviation
   * ("gen.vell") */
  size_t b = i;
  while (b > 0 && IS_LO(p[b - 1]))
    b--;
  if (i - b < 3 || (b > 0 && !IS_WS(p[b - 1])) ||
      (S_lookup(p + b, i - b) & (W_NEVER | W_NUM | W_CANEND | W_CS)))
    return 0; /* "said.olivera" splits: "said" is no abbreviation */
  const char *const *list = nt.wl < 4 ? little : tld;
  for (const char *const *t = list; *t; t++)
    if (strlen(*t) == nt.wl && memcmp(*t, nt.w, nt.wl) == 0)
      return list == little;
  return list == tld;
}

/* Length of a closer at p[i] written after whitespace, else 0; sets
 * *quote for quotes, *paren for brackets. */
static size_t S_spaced_closer(const splitter *z, size_t i, int *quote,
                              int *paren) {
  const unsigned char *p = z->p;
  size_t n = z->n;
  unsigned char c = p[i];
  if (c == ')' || c == ']' || c == '}') {
    *paren = 1;
    return 1;
  }
  if (c == '"' && z->dq) {
    *quote = 1;
    return 1;
  }
  if (c == '\'') {
    if (i + 1 < n && p[i + 1] == '\'') {
      *quote = 1;
      return 2; /* '' */
    }
    if (z->sq && (i + 1 >= n || IS_WS(p[i + 1]) || p[i + 1] == '"')) {
      *quote = 1;
      return 1;
    }
    return 0;
  }
  if (S_is3(p, n, i, U_RDQ) ||
      (S_is3(p, n, i, U_RSQ) && (i + 3 >= n || IS_WS(p[i + 3])))) {
    *quote = 1;
    return 3;
  }
  if (c == 0xC2 && i + 1 < n && p[i + 1] == 0xBB) {
    *quote = 1;
    return 2;
  }
  return 0;
}

/* A line feed at p[i] that ends no terminal run. */
static precis_status S_newline(splitter *z, size_t i, size_t *next) {
  const unsigned char *p = z->p;
  size_t n = z->n, w = i;
  int nl = 0;
  while (w < n && IS_WS(p[w])) nl += p[w++] == '\n';
  *next = w;
  if (w < n && nl == 1 && IS_LO(p[w]) && z->s < i && !S_lowered(z))
    return PRECIS_OK; /* hard-wrapped: join */
  precis_status st = S_emit(z, i);
  z->s = w;
  z->dq = z->sq = 0;
  return st;
}

/* A terminal (. ? ! …) at p[i]. Sets *next past what was consumed. */
static precis_status S_terminal(splitter *z, size_t i, size_t *next) {
  const unsigned char *p = z->p;
  size_t n = z->n, j = i, bang_at = (size_t)-1;
  int dots = 0, qe = 0, ell = 0;
  for (;;) {
    if (j < n && p[j] == '.') {
      dots++;
      j++;
    } else if (j < n && (p[j] == '?' || p[j] == '!')) {
      if (p[j] == '!' && qe == 0) bang_at = j;
      qe++;
      j++;
    } else if (S_is3(p, n, j, U_ELLIPSIS)) {
      ell = 1;
      j += 3;
    } else if (S_is3(p, n, j, U_INTERROBANG)) {
      qe++;
      j += 3;
    } else {
      break;
    }
  }
  if (dots == 1 && j == i + 1) { /* ". . ." */
    size_t k = j;
    while (k + 1 < n && p[k] == ' ' && p[k + 1] == '.') k += 2;
    if (k >= j + 4) {
      j = k;
      ell = 1;
    }
  }
  int kind = qe ? K_QE : (ell || dots > 1) ? K_ELLIPSIS : K_PERIOD;
  if (bang_at != i) bang_at = (size_t)-1; /* only "Yahoo!" itself */

  /* closers glued to the run: ." ?') .'' .” */
  size_t k = j;
  int quote = 0, paren = 0, dq_closed = 0, sq_closed = 0;
  while (k < n) {
    unsigned char c = p[k];
    if (c == '"') {
      dq_closed = quote = 1;
      k++;
    } else if (c == '\'') {
      sq_closed = quote = 1;
      k++;
    } else if (c == ')' || c == ']' || c == '}') {
      paren = 1;
      k++;
    } else if (S_is3(p, n, k, U_RDQ) || S_is3(p, n, k, U_RSQ)) {
      quote = 1;
      k += 3;
    } else if (c == 0xC2 && k + 1 < n && p[k + 1] == 0xBB) {
      quote = 1;
      k += 2;
    } else if (k > j && (c == '.' || c == '?' || c == '!')) {
      k++;
    } else if (c == '[' && k + 2 < n && IS_DIGIT(p[k + 1])) {
      size_t m = k + 1; /* citation: "approved in 2004.[3]" */
      while (m < n && m < k + 4 && IS_DIGIT(p[m])) m++;
      if (m >= n || p[m] != ']') break;
      k = m + 1;
    } else {
      break;
    }
  }
  if (k < n && !IS_WS(p[k])) {
    /* "said.The", "said.the": a missing space before a starter */
    if (kind == K_PERIOD && k == j && S_glued_break(z, i, k)) {
      *next = k;
      precis_status st = S_emit(z, k);
      z->s = k;
      return st;
    }
    /* 'deal."we're', 'ago."finally': a quotation mark glued to both
     * sentences closes the one before it when a quotation is open, and
     * opens the next one (left to the scan, S_dquote) when none is */
    if (kind == K_PERIOD && k == j + 1 && p[j] == '"' &&
        S_glued_break(z, i, k)) {
      size_t e = z->dq ? k : j;
      z->dq = 0;
      *next = e;
      precis_status st = S_emit(z, e);
      z->s = e;
      return st;
    }
    for (size_t m = j; m < k; m++) { /* not a candidate: skip the run */
      if (p[m] == '"') S_dquote(z, m);
      if (p[m] == '\'') S_squote(z, m);
    }
    *next = k;
    return PRECIS_OK;
  }
  if (dq_closed) z->dq = 0;
  if (sq_closed) z->sq = 0;

  size_t w = k;
  int nl = 0;
  while (w < n && IS_WS(p[w])) nl += p[w++] == '\n';
  while (w < n && nl == 0) { /* closers after spaces: `win. " he said` */
    int q = 0, pa = 0;
    size_t l = S_spaced_closer(z, w, &q, &pa);
    if (!l) break;
    if (q && p[w] == '"') z->dq = 0;
    if (q && p[w] == '\'') z->sq = 0;
    quote |= q;
    paren |= pa;
    k = w = w + l;
    while (w < n && IS_WS(p[w])) nl += p[w++] == '\n';
  }
  *next = w;

  int d = D_SPLIT;
  if (w < n && nl < 2) {
    d = S_decide(z, kind, i, bang_at, w, quote, paren);
    if (nl == 1 && d == D_SOFT && (S_lowered(z) || !IS_LO(p[w])))
      d = D_SPLIT; /* a line break wins over a soft "no" */
  }
  if (d != D_SPLIT) return PRECIS_OK;
  precis_status st = S_emit(z, k);
  z->s = w;
  if (nl) z->dq = z->sq = 0;
  return st;
}

precis_status sent_split(const char *text, size_t len, sent_emit_fn emit,
                         void *ctx) {
  if (!emit || (!text && len)) return PRECIS_ERR_INVALID_ARG;
  if (len == 0) return PRECIS_OK;
  splitter z;
  z.p = (const unsigned char *)text;
  z.n = len;
  z.dq = z.sq = 0;
  z.lowered = -1;
  z.emit = emit;
  z.ctx = ctx;
  const unsigned char *p = z.p;
  size_t i = 0;
  while (i < len && IS_WS(p[i])) i++;
  z.s = i;
  while (i < len) {
    precis_status st = PRECIS_OK;
    while (i < len && !IS(p[i], B_HOT)) i++;
    if (i >= len) break;
    switch (p[i]) {
    case '\n':
      st = S_newline(&z, i, &i);
      break;
    case '.':
    case '?':
    case '!':
      st = S_terminal(&z, i, &i);
      break;
    case '"':
      S_dquote(&z, i++);
      break;
    case '\'':
      S_squote(&z, i++);
      break;
    default: /* 0xE2 */
      if (S_is3(p, len, i, U_ELLIPSIS) || S_is3(p, len, i, U_INTERROBANG))
        st = S_terminal(&z, i, &i);
      else
        i++;
      break;
    }
    if (st != PRECIS_OK) return st;
  }
  return S_emit(&z, len);
}

/* ---- public wrapper ---- */

typedef struct span_vec {
  precis_span *v;
  size_t n, alloc;
} span_vec;

static precis_status S_push(void *ctx, size_t off, size_t len) {
  span_vec *sv = ctx;
  if (sv->n == sv->alloc) {
    size_t na = sv->alloc + sv->alloc / 2 + 16;
    if (na > (size_t)-1 / sizeof *sv->v) return PRECIS_ERR_NOMEM;
    precis_span *v = realloc(sv->v, na * sizeof *v);
    if (!v) return PRECIS_ERR_NOMEM;
    sv->v = v;
    sv->alloc = na;
  }
  sv->v[sv->n].offset = off;
  sv->v[sv->n].len = len;
  sv->n++;
  return PRECIS_OK;
}

precis_status precis_split_sentences(const char *text, size_t len,
                                     precis_span **out, size_t *n) {
  if (out) *out = NULL;
  if (n) *n = 0;
  if (!out || !n || (!text && len)) return PRECIS_ERR_INVALID_ARG;
  if (text_looks_binary(text, len)) return PRECIS_ERR_BINARY;
  span_vec sv = {NULL, 0, 0};
  precis_status st = sent_split(text, len, S_push, &sv);
  if (st == PRECIS_OK && !sv.v) { /* no sentences: still a valid array */
    sv.v = malloc(sizeof *sv.v);
    if (!sv.v) st = PRECIS_ERR_NOMEM;
  }
  if (st != PRECIS_OK) {
    free(sv.v);
    return st;
  }
  *out = sv.v;
  *n = sv.n;
  return PRECIS_OK;
}

/* ---- speaker labels ---- */

size_t sent_label(const char *t, size_t n, size_t *name_len) {
  size_t i = 0, words = 0;
  while (i < n && i <= 40) {
    unsigned char ch = (unsigned char)t[i];
    if (!((ch >= 'A' && ch <= 'Z') || ch >= 0xC0)) return 0;
    while (i < n && ((t[i] >= 'a' && t[i] <= 'z') ||
                     (t[i] >= 'A' && t[i] <= 'Z') ||
                     (t[i] >= '0' && t[i] <= '9') ||
                     (unsigned char)t[i] >= 0x80 || t[i] == '.' ||
                     t[i] == '-' || t[i] == '\''))
      i++;
    if (++words > 4) return 0;
    if (i < n && t[i] == ':') {
      if (i + 1 < n && t[i + 1] != ' ') return 0;
      *name_len = i;
      return i + 1;
    }
    if (i < n && t[i] == ' ')
      i++;
    else
      return 0;
  }
  return 0;
}

/* ---- transcript turns ---- */

/* Labels that name no speaker: their first word is one of these. */
static const char *const k_not_speakers[] = {
    "question", "questions",   "remark",     "q",        "a",
    "answer",   "note",        "update",     "photo",    "source",
    "related",  "tags",        "topics",     "region",   "contact",
    "travel",   "interviewer", "moderator",  "reporter", "journalist",
    "audience", "read",        "more",       "see",      "also",
    "editor",   "correction",  "disclaimer", "image",    "video",
    "watch",    "listen",      "posted",     "updated",  "published",
    "by",       NULL};

/* 1 if t[0..n) is one of the words (token.c's tok_in: ASCII case
 * aside). */
static int S_in(const char *t, size_t n, const char *const *l) {
  tok w = {t, (uint32_t)n, 0};
  return tok_in(&w, l);
}

/* A label that names a speaker: its first word is not one of
 * k_not_speakers (the name's trailing "." aside) and none of its words
 * is a function word ("TODAY IN THE SKY:", a column's name). */
static int S_names_speaker(const char *t, size_t n) {
  static const char *const function_words[] = {
      "in", "the", "of", "on", "at", "for", "to", "and", "with", NULL};
  for (size_t i = 0; i < n;) {
    size_t w = i;
    while (w < n && t[w] != ' ')
      w++;
    size_t e = w > i && t[w - 1] == '.' ? w - 1 : w;
    if ((i == 0 && S_in(t, e, k_not_speakers)) ||
        S_in(t + i, e - i, function_words))
      return 0;
    i = w + 1;
  }
  return 1;
}

/* 1 if t[0..n) has a word of the first or second person (I, we, you,
 * ...): what people say to each other in a transcript, and what a
 * glossary ("Severe: Height and weight at or below ...") lacks. */
static int S_speaks(const char *t, size_t n) {
  static const char *const person[] = {"i",  "me",  "my",  "we", "us",
                                       "our", "you", "your", NULL};
  for (size_t i = 0; i < n;) {
    while (i < n && !((t[i] | 0x20) >= 'a' && (t[i] | 0x20) <= 'z'))
      i++;
    size_t w = i;
    while (w < n && ((t[w] | 0x20) >= 'a' && (t[w] | 0x20) <= 'z'))
      w++;
    /* "US" in capitals is the country */
    int caps = w - i >= 2 && t[i + 1] >= 'A' && t[i + 1] <= 'Z';
    if (w - i <= 4 && w > i && !caps && S_in(t + i, w - i, person)) return 1;
    i = w;
  }
  return 0;
}

typedef struct label_ref {
  const char *p;
  size_t n, para;
  int speaks; /* its paragraph speaks in the first or second person */
} label_ref;

static int S_cmp_label(const void *a, const void *b) {
  const label_ref *x = a, *y = b;
  if (x->n != y->n) return x->n < y->n ? -1 : 1;
  int r = memcmp(x->p, y->p, x->n);
  if (r) return r;
  return x->para < y->para ? -1 : x->para > y->para;
}

precis_status sent_turns(const char *text, sent_para *p, size_t np) {
  size_t nl = 0;
  for (size_t i = 0; i < np; i++) {
    p[i].name = 0;
    p[i].label = sent_label(text + p[i].s, p[i].e - p[i].s, &p[i].name);
    p[i].turn = SENT_TURN_NONE;
    if (p[i].label) nl++;
  }
  if (nl < 2) return PRECIS_OK;
  label_ref *r = malloc(nl * sizeof *r);
  if (!r) return PRECIS_ERR_NOMEM;
  nl = 0;
  for (size_t i = 0; i < np; i++)
    if (p[i].label)
      r[nl++] = (label_ref){text + p[i].s, p[i].name, i,
                            S_speaks(text + p[i].s + p[i].label,
                                     p[i].e - p[i].s - p[i].label)};
  qsort(r, nl, sizeof *r, S_cmp_label);
  /* a speaker's label occurs twice; mark it with turn = its own index
   * for the walk below (other labels keep SENT_TURN_NONE for now) */
  int transcript = 0;
  for (size_t a = 0, b; a < nl; a = b) {
    for (b = a + 1; b < nl && r[b].n == r[a].n &&
                    memcmp(r[b].p, r[a].p, r[a].n) == 0;
         b++)
      ;
    int speaks = 0;
    for (size_t k = a; k < b; k++)
      speaks |= r[k].speaks;
    if (b - a < 2 || !speaks || !S_names_speaker(r[a].p, r[a].n)) continue;
    transcript = 1;
    for (size_t k = a; k < b; k++)
      p[r[k].para].turn = (long)r[k].para;
  }
  free(r);
  if (!transcript) return PRECIS_OK;
  long turn = SENT_TURN_NONE;
  for (size_t i = 0; i < np; i++) {
    if (p[i].label) turn = p[i].turn == (long)i ? (long)i : SENT_TURN_OTHER;
    p[i].turn = turn;
  }
  return PRECIS_OK;
}

/* ---- quotation marks (sentence.h) ---- */

unsigned sent_quote_marks(const char *p, size_t n, int inside) {
  int depth = 0; /* a quote opened here is open */
  unsigned r = 0;
  /* SQ_WHOLE: the first mark opens at the first byte that is not a
   * space, the second closes, and nothing but spaces follows it */
  size_t marks = 0, lead = 0, after = n;
  int whole = !inside;
  while (lead < n && p[lead] == ' ')
    lead++;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)p[i];
    int open = 0, close = 0;
    size_t at = i;
    if (ch == 0xE2 && i + 2 < n && (unsigned char)p[i + 1] == 0x80) {
      unsigned char t = (unsigned char)p[i + 2];
      open = t == 0x9C; /* U+201C */
      close = t == 0x9D && !(i > 0 && isdigit((unsigned char)p[i - 1]));
      i += 2;
    } else if (ch == '`' && i + 1 < n && p[i + 1] == '`') {
      open = 1; /* ``...'' as newswire (DUC) writes it */
      i++;
    } else if (ch == '"' || (ch == '\'' && i + 1 < n && p[i + 1] == '\'')) {
      char b = i > 0 ? p[i - 1] : ' ';
      if (ch == '\'') i++; /* '' for a double mark, as some wires write it */
      char a = i + 1 < n ? p[i + 1] : ' ';
      int sp_before = b && strchr(" \n([", b) != NULL;
      int sp_after = a && strchr(" \n)],.;:!?", a) != NULL;
      open = sp_before && !sp_after;
      close = !sp_before && sp_after;
      /* glued on both sides (a space lost: `on monday."the bridge
       * will`), it says no more than spaced on both; after another
       * mark (`""the`) it is left alone */
      if (sp_before == sp_after && b != '"') {
        close = depth || inside;
        open = !close;
      }
    }
    if (open || close) {
      r |= SQ_ANY;
      marks++;
      if (marks == 1 ? !open || at != lead : !close) whole = 0;
      after = i + 1;
    }
    if (open) {
      if (inside) r |= SQ_REOPENS;
      depth = 1;
      inside = 0;
    } else if (close) {
      if (!depth) r |= SQ_CLOSES_UNOPENED;
      depth = inside = 0;
    }
  }
  if (depth) r |= SQ_LEAVES_OPEN;
  if (depth || inside) r |= SQ_ENDS_INSIDE;
  while (after < n && p[after] == ' ')
    after++;
  if (whole && marks == 2 && after == n) r |= SQ_WHOLE;
  return r;
}
