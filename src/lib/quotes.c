/* quotes.c — quotations, speakers and statement groups.
 *
 * Units. Quotations are looked for in the article text the cleaner kept,
 * one paragraph (a run of sentences with the same `para`) at a time:
 *   direct      text between quotation marks of any style: straight ",
 *               curly “ ” „, guillemets « », and single curly ‘ ’ outside
 *               double quotes. Whether a mark opens or closes is read from
 *               its neighbours (space before and text after opens; text
 *               before and space or punctuation after closes), the glyph
 *               deciding only when both sides agree, so mixed and reversed
 *               marks ("...”, ”product“) pair up. An opening mark without a
 *               close runs to the end of its paragraph (flag `unclosed`;
 *               the next paragraph reopening a quote is the usual
 *               multi-paragraph convention); a lone single ‘ is dropped. A
 *               quotation is cut at the sentence boundaries inside it: each
 *               sentence is one unit (a statement), all with the
 *               quotation's speaker. A unit needs two words; a quotation
 *               over PRECIS_REPORT_QUOTE_MAX_BYTES is counted, not listed.
 *   reported    sentences without quotation marks of the forms "SPEAKER
 *               said/says/told [OBJECT]/added (...) (that) CLAUSE",
 *               "According to SPEAKER, CLAUSE", "CLAUSE, SPEAKER said" (the
 *               attribution closing the clause) and "CLAUSE, according to
 *               SPEAKER": the unit is CLAUSE (three content words or more).
 *   transcript  in an article where a "Name: " paragraph label occurs at
 *               least twice (an interview or press-conference
 *               transcript), each sentence of that speaker's turns (up to
 *               the next label) is a unit; "Question:", "Q:" and the like
 *               are not speakers.
 *
 * Speakers. For a direct quotation: an attribution right after the close
 * (", Putin said", ", said the Russian president"), else the last speech
 * verb before the opening mark in its sentence ("Mr Putin said: "), else
 * one after it in the sentence, else the speaker of the previous
 * quotation when it is in the same or the previous paragraph. The speaker
 * phrase is the run of capitalised words, initials and titles next to the
 * verb ("Chief Fire Officer Margaret O. Tilney"; a name between commas
 * wins: "A fisherman, Tom Keast, said"), or a short determiner phrase
 * ("the Russian leader", "a hospital spokeswoman"); after the verb it must
 * close the clause ("said the mayor." but not "said the city would"), and
 * never after "told". "he"/"she" are resolved to the article's last named
 * speaker (reported speech of a paragraph is read before its quotes).
 *
 * Groups. Each unit becomes a set of content stems (stopwords out, and
 * words in [brackets] or (parentheses), which are the editor's),
 * canonicalised so that light derivations ("realiti" -> "real", "quickest"
 * -> "quick") and "television"/"tv" meet. The similarity of two units is
 * the weighted Dice coefficient of their sets (terms weighted by log
 * inverse frequency among the cluster's units, so "Russia" counts less),
 * or 1 when they share a verbatim run of six words, two of them content
 * words. Outlets report a speech's remarks in much the same order, so the
 * quotations of each pair of articles are aligned: chains of pairs at
 * least Q_LO similar, in the same order in both articles with at most
 * Q_NEAR quotations skipped between links (Q_GAP each), are taken best
 * first, each quotation in one chain only, and the pairs of a chain that
 * scores Q_CHAIN are edges. So an isolated pair needs Q_LO + Q_CHAIN while
 * a pair between aligned neighbours needs Q_LO (translations of one remark
 * share few words), and a quotation does not pair with a look-alike from
 * another answer when its own counterpart is in order. Two nearby
 * quotations of one article may both align with one transcript sentence,
 * when each renders a part of it.
 * Within an article: verbatim repeats, near repeats (Q_MIN_SHARED terms
 * or more, Q_REPEAT of the lighter unit's weight), and a paraphrase ("X
 * said that ...") with a similar quotation (Q_REPORTED) at most
 * Q_REPORTED_GAP quotations after it; unless the alignments send the two
 * to different quotations of another article. A short quotation (under
 * six words) whose words occur as a run in another joins it, unless
 * several longer quotations of that article hold it ("hip hop" in three
 * remarks). Edges merge groups strongest first, fragments last (single
 * link), except that two sentences of one transcript, or of one direct
 * quotation unless a transcript sentence holds both, never join one group:
 * a quotation is cut at the speaker's sentences, each a statement. The
 * parameters were tuned on tests/data/quotes-labels.tsv (docs/report.md).
 * The group's speaker is the most frequent surname among its variants (a
 * title phrase only when no name is found), shown in its longest form.
 * The most complete variant covers most of the terms that at least two
 * articles' variants share, then has most terms, then is the longest.
 */
#include "quotes.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sentence.h"
#include "termset.h"
#include "token.h"
#include "vec.h"

/* ---- characters ---- */

enum {
  MARK_NONE = 0,
  MARK_DQ,
  MARK_DQ_OPEN,
  MARK_DQ_CLOSE,
  MARK_SQ_OPEN,
  MARK_SQ_CLOSE
};

/* Quotation mark at t[i] (bytes left: n - i): its kind and byte length. */
static int S_mark(const char *t, size_t i, size_t n, size_t *mlen) {
  unsigned char a = (unsigned char)t[i];
  *mlen = 1;
  if (a == '"') return MARK_DQ;
  if (a == 0xC2 && i + 1 < n) {
    unsigned char b = (unsigned char)t[i + 1];
    *mlen = 2;
    if (b == 0xAB) return MARK_DQ_OPEN;  /* « */
    if (b == 0xBB) return MARK_DQ_CLOSE; /* » */
    return MARK_NONE;
  }
  if (a == 0xE2 && i + 2 < n && (unsigned char)t[i + 1] == 0x80) {
    unsigned char b = (unsigned char)t[i + 2];
    *mlen = 3;
    switch (b) {
    case 0x9C: return MARK_DQ_OPEN;  /* “ */
    case 0x9E: return MARK_DQ_OPEN;  /* „ */
    case 0x9D: return MARK_DQ_CLOSE; /* ” */
    case 0x98: return MARK_SQ_OPEN;  /* ‘ */
    case 0x99: return MARK_SQ_CLOSE; /* ’ */
    default: return MARK_NONE;
    }
  }
  return MARK_NONE;
}

static int S_is_space(unsigned char ch) {
  return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
}

/* Before a mark: start, space, opening bracket or dash: "left flank". */
static int S_open_side(const char *t, size_t i, size_t start) {
  if (i <= start) return 1;
  unsigned char p = (unsigned char)t[i - 1];
  if (S_is_space(p) || strchr("([{/-", p)) return 1;
  /* — – (E2 80 94/93) */
  if (i >= start + 3 && (unsigned char)t[i - 3] == 0xE2 &&
      (unsigned char)t[i - 2] == 0x80 &&
      ((unsigned char)t[i - 1] == 0x94 || (unsigned char)t[i - 1] == 0x93))
    return 1;
  return 0;
}

/* After a mark: end, space or closing punctuation: "right flank". */
static int S_close_side(const char *t, size_t j, size_t end) {
  if (j >= end) return 1;
  unsigned char p = (unsigned char)t[j];
  if (S_is_space(p) || strchr(",.;:!?)]}-", p)) return 1;
  if (p == 0xE2 && j + 2 < end && (unsigned char)t[j + 1] == 0x80 &&
      ((unsigned char)t[j + 2] == 0x94 || (unsigned char)t[j + 2] == 0x93 ||
       (unsigned char)t[j + 2] == 0xA6))
    return 1;
  return 0;
}

/* ---- words ---- */

enum { IT_WORD = 0, IT_PUNCT = 1, IT_MARK = 2 };

typedef struct item {
  uint32_t s, e; /* byte span in the article text */
  int kind;
} item;

typedef struct items {
  item *v;
  size_t n, cap;
} items;

static int S_alnum(unsigned char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
         (ch >= '0' && ch <= '9');
}

/* A byte that continues a word: ASCII alnum, or non-ASCII that is not
 * typographic punctuation (E2 80 xx: quotes, dashes, ellipsis). */
static int S_word_byte(const char *t, size_t i, size_t n) {
  unsigned char ch = (unsigned char)t[i];
  if (S_alnum(ch)) return 1;
  if (ch < 0x80) return 0;
  if (ch == 0xC2 && i + 1 < n && (unsigned char)t[i + 1] == 0xA0) return 0;
  size_t ml;
  if (S_mark(t, i, n, &ml) != MARK_NONE) return 0;
  if (ch == 0xE2 && i + 1 < n && (unsigned char)t[i + 1] == 0x80) return 0;
  if (ch >= 0x80 && ch < 0xC0) {
    /* continuation byte of a letter: belongs to the word */
    return 1;
  }
  return 1;
}

static int S_ieq(const char *t, const item *it, const char *w) {
  char c0 = t[it->s];
  if (c0 >= 'A' && c0 <= 'Z') c0 = (char)(c0 + 32);
  if (c0 != w[0]) return 0;
  size_t n = strlen(w);
  if (it->e - it->s != n) return 0;
  for (size_t k = 0; k < n; k++) {
    char ch = t[it->s + k];
    if (ch >= 'A' && ch <= 'Z') ch = (char)(ch + 32);
    if (ch != w[k]) return 0;
  }
  return 1;
}

static int S_in_list(const char *t, const item *it, const char *const *l) {
  if (it->kind != IT_WORD) return 0;
  for (; *l; l++)
    if (S_ieq(t, it, *l)) return 1;
  return 0;
}

static const char *const k_titles[] = {
    "mr",   "mrs",   "ms",   "dr",    "mr.",  "mrs.", "ms.",  "dr.",
    "st.",  "jr.",   "sr.",  "gen.",  "gov.", "sen.", "rep.", "lt.",
    "col.", "capt.", "sgt.", "prof.", "gen",  "gov",  "sen",  "rep",
    "prof", "sir",   "dame", "lord",  NULL};

static int S_is_cap(const char *t, const item *it) {
  unsigned char ch = (unsigned char)t[it->s];
  return it->kind == IT_WORD && ((ch >= 'A' && ch <= 'Z') || ch >= 0xC0);
}

/* Split t[from, to) into words, punctuation and quotation marks. */
static precis_status S_scan(const char *t, size_t from, size_t to, items *out) {
  out->n = 0;
  size_t i = from;
  while (i < to) {
    unsigned char ch = (unsigned char)t[i];
    if (S_is_space(ch)) {
      i++;
      continue;
    }
    if (ch == 0xC2 && i + 1 < to && (unsigned char)t[i + 1] == 0xA0) {
      i += 2; /* no-break space */
      continue;
    }
    item it;
    it.s = (uint32_t)i;
    size_t ml;
    int mk = S_mark(t, i, to, &ml);
    if (mk != MARK_NONE &&
        !(mk == MARK_SQ_CLOSE && i > from && S_alnum((unsigned char)t[i - 1]) &&
          i + 3 < to && S_alnum((unsigned char)t[i + 3]))) {
      it.kind = IT_MARK;
      i += ml;
    } else if (S_word_byte(t, i, to) ||
               (mk == MARK_SQ_CLOSE)) { /* ’ inside a word: apostrophe */
      it.kind = IT_WORD;
      while (i < to) {
        if (S_word_byte(t, i, to)) {
          i++;
          continue;
        }
        /* inner ' ’ - . followed by a letter or digit stay in the word */
        size_t k = 0;
        if (t[i] == '\'' || t[i] == '-' || t[i] == '.')
          k = 1;
        else if (S_mark(t, i, to, &ml) == MARK_SQ_CLOSE)
          k = ml;
        if (k && i + k < to && S_alnum((unsigned char)t[i + k])) {
          i += k;
          continue;
        }
        break;
      }
      /* "Mr." and initials keep their period */
      if (i < to && t[i] == '.') {
        size_t wl = i - it.s;
        item tmp = {it.s, (uint32_t)i, IT_WORD};
        if ((wl == 1 && t[it.s] >= 'A' && t[it.s] <= 'Z') ||
            S_in_list(t, &tmp, k_titles))
          i++;
      }
    } else {
      it.kind = IT_PUNCT;
      i += (ch == 0xE2 && i + 2 < to) ? 3 : 1;
    }
    it.e = (uint32_t)i;
    precis_status st =
        vec_reserve(&out->v, &out->cap, out->n + 1, sizeof *out->v, 64);
    if (st != PRECIS_OK) return st;
    out->v[out->n++] = it;
  }
  return PRECIS_OK;
}

/* ---- speakers ---- */

static const char *const k_speech_verbs[] = {
    "said",      "says",         "told",       "tells",      "added",
    "adds",      "explained",    "noted",      "stressed",   "insisted",
    "declared",  "stated",       "asked",      "replied",    "wrote",
    "warned",    "continued",    "concluded",  "announced",  "argued",
    "claimed",   "acknowledged", "admitted",   "recalled",   "remarked",
    "commented", "urged",        "emphasised", "emphasized", "tweeted",
    "confirmed", "maintained",   "spoke",      "answered",   "responded",
    "observed",  "agreed",       "reiterated", "pointed",    "joked",
    "called",    "described",    NULL};

static const char *const k_reporting_verbs[] = {
    "said", "says", "told", "tells", "added", "adds", NULL};

static const char *const k_pronouns[] = {"he", "she", "they", "i", "we", NULL};

static const char *const k_aux[] = {
    "has",        "had",        "have",    "also",  "then",
    "later",      "earlier",    "further", "again", "reportedly",
    "previously", "repeatedly", "once",    "would", "will",
    "later",      "recently",   "simply",  "just",  "publicly",
    "privately",  "had",        "has",     "did",   "then",
    "quickly",    NULL};

static const char *const k_dets[] = {"the", "a",       "an",    "his",
                                     "her", "its",     "their", "our",
                                     "one", "another", NULL};

static const char *const k_name_glue[] = {"of", "de",  "da",  "van", "von",
                                          "al", "bin", "for", NULL};

static const char *const k_not_subject[] = {
    "it",  "this", "that", "there", "which", "who", "what",
    "and", "but",  "as",   "so",    "i",     "we",  "you",
    "the", "a",    "an",   "in",    "on",    "at",  NULL};

typedef struct span {
  size_t s, e; /* 0, 0 = none */
} span;

static int S_is_named(const char *t, span s);

/* Subject phrase ending right before items[v] (a verb). */
static span S_subject_before(const char *t, const item *w, size_t lo,
                             size_t v) {
  span none = {0, 0};
  size_t k = v;
  while (k > lo && S_in_list(t, &w[k - 1], k_aux))
    k--;
  if (k == lo) return none;
  const item *p = &w[k - 1];
  /* an appositive: "William Brownfield, the U.S. assistant secretary ...,
   * told" */
  if (p->kind == IT_PUNCT && t[p->s] == ',' && k - 1 > lo) {
    size_t j = k - 1;
    while (j > lo && k - j < 14 &&
           !(w[j - 1].kind == IT_PUNCT && t[w[j - 1].s] == ','))
      j--;
    if (j > lo + 1 && k - j < 14 && w[j - 1].kind == IT_PUNCT) {
      /* "A local fisherman, Tom Keast, said": the name between commas */
      span in = S_subject_before(t, w, j, k - 1);
      if (in.e > in.s && S_is_named(t, in)) return in;
      return S_subject_before(t, w, lo, j - 1);
    }
    return none;
  }
  if (p->kind != IT_WORD) return none;
  if (S_in_list(t, p, k_pronouns)) {
    span s = {p->s, p->e};
    return s;
  }
  /* capitalised run (names, titles, initials, "of") */
  size_t j = k;
  while (j > lo) {
    const item *q = &w[j - 1];
    if (S_is_cap(t, q) || S_in_list(t, q, k_titles)) {
      j--;
      continue;
    }
    if (j < k && j - 1 > lo && S_in_list(t, q, k_name_glue) &&
        S_is_cap(t, &w[j - 2])) {
      j--;
      continue;
    }
    break;
  }
  if (j < k) {
    span s = {w[j].s, w[k - 1].e};
    if (k - j == 1 && S_in_list(t, &w[j], k_not_subject)) return none;
    return s;
  }
  /* determiner phrase: "the Russian leader", "a hospital spokeswoman" */
  for (j = k; j > lo && k - j < 5; j--) {
    const item *q = &w[j - 1];
    if (q->kind != IT_WORD) break;
    if (S_in_list(t, q, k_dets)) {
      if (j == k) break;
      span s = {q->s, w[k - 1].e};
      return s;
    }
  }
  /* bare plural subject at the start: "Officials said", "police said" */
  if (k - 1 == lo && !S_in_list(t, p, k_not_subject)) {
    span s = {p->s, p->e};
    return s;
  }
  return none;
}

static const char *const k_preps[] = {
    "on",   "at", "in",   "during", "after", "before", "from", "to", "while",
    "when", "as", "that", "with",   "of",    "about",  "for",  "on", NULL};

/* Auxiliaries and modals: a phrase running into one is a clause's
 * subject ("said the city would ..."), not the speaker. */
static const char *const k_verbs_stop[] = {
    "would", "will",   "was", "were", "is",    "are", "had",  "has",  "have",
    "could", "should", "can", "may",  "might", "did", "does", "must", NULL};

/* A speaker phrase after the verb must end the clause: punctuation, a
 * quotation mark, the end, or a preposition ("said Putin on Saturday"). */
static int S_phrase_ends(const char *t, const item *w, size_t j, size_t hi) {
  return j >= hi || w[j].kind != IT_WORD || S_in_list(t, &w[j], k_preps);
}

/* Subject phrase right after items[v] (inverted: "said Putin"). */
static span S_subject_after(const char *t, const item *w, size_t v, size_t hi) {
  span none = {0, 0};
  size_t k = v + 1;
  if (k >= hi || w[k].kind != IT_WORD) return none;
  if (S_is_cap(t, &w[k]) && !S_in_list(t, &w[k], k_not_subject)) {
    size_t j = k;
    while (j < hi &&
           (S_is_cap(t, &w[j]) || S_in_list(t, &w[j], k_titles) ||
            (j > k && j + 1 < hi && S_in_list(t, &w[j], k_name_glue) &&
             S_is_cap(t, &w[j + 1]))))
      j++;
    if (!S_phrase_ends(t, w, j, hi)) return none; /* "said Trump asked" */
    span s = {w[k].s, w[j - 1].e};
    return s;
  }
  if (S_in_list(t, &w[k], k_dets) && !S_ieq(t, &w[k], "one")) {
    size_t j = k + 1;
    while (j < hi && j - k < 5 && w[j].kind == IT_WORD &&
           !S_in_list(t, &w[j], k_preps) && !S_in_list(t, &w[j], k_name_glue) &&
           !S_in_list(t, &w[j], k_verbs_stop))
      j++;
    /* "said the Russian president." but not "said the city would" */
    if (j > k + 1 && S_phrase_ends(t, w, j, hi)) {
      span s = {w[k].s, w[j - 1].e};
      return s;
    }
  }
  return none;
}

static int S_is_pronoun_span(const char *t, span s) {
  size_t n = s.e - s.s;
  if (n == 0 || n > 4) return 0;
  item it = {(uint32_t)s.s, (uint32_t)s.e, IT_WORD};
  return S_in_list(t, &it, k_pronouns);
}

/* A name: contains a capitalised word that is not the first word of a
 * determiner phrase. */
static int S_is_named(const char *t, span s) {
  if (s.e <= s.s) return 0;
  unsigned char ch = (unsigned char)t[s.s];
  if (!((ch >= 'A' && ch <= 'Z') || ch >= 0xC0)) return 0;
  item first = {(uint32_t)s.s, (uint32_t)s.s, IT_WORD};
  size_t e = s.s;
  while (e < s.e && t[e] != ' ' && t[e] != '\n')
    e++;
  first.e = (uint32_t)e;
  if (S_in_list(t, &first, k_dets)) return 0;
  return 1;
}

/* ---- the extraction ---- */

typedef struct ctx {
  const precis_cluster *c;
  arena *mem;
  quote_ledger *ql;
  size_t cap;
  items w;
  /* per article */
  const char *text;
  size_t doc;
  span last_named; /* the article's last named speaker */
  const char *last_named_str;
  long last_quote_para; /* paragraph of the previous direct quote */
  span last_quote_speaker;
  const char *last_quote_speaker_str;
  uint32_t nquote; /* quotations so far (quote_unit.quote) */
} ctx;

static const char *S_copy_flat(arena *a, const char *s, size_t n) {
  char *p = arena_alloc(a, n + 1);
  if (!p) return NULL;
  for (size_t i = 0; i < n; i++)
    p[i] = s[i] == '\n' ? ' ' : s[i];
  p[n] = '\0';
  return p;
}

/* Set q's speaker from a span of the current article (resolving he/she). */
static precis_status S_set_speaker(ctx *x, precis_quote *q, span s) {
  if (s.e <= s.s) return PRECIS_OK;
  if (S_is_pronoun_span(x->text, s)) {
    if (!x->last_named_str) return PRECIS_OK;
    q->speaker = x->last_named_str;
    q->speaker_offset = x->last_named.s;
    q->speaker_len = x->last_named.e - x->last_named.s;
    return PRECIS_OK;
  }
  const char *str = S_copy_flat(x->mem, x->text + s.s, s.e - s.s);
  if (!str) return PRECIS_ERR_NOMEM;
  q->speaker = str;
  q->speaker_offset = s.s;
  q->speaker_len = s.e - s.s;
  if (S_is_named(x->text, s)) {
    x->last_named = s;
    x->last_named_str = str;
  }
  return PRECIS_OK;
}

static int S_cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

#define GRAM 6         /* words in a verbatim run */
#define GRAM_CONTENT 2 /* of them content words */

/* Content terms of tokens [a, hi) that start before byte e of the
 * article (`base`), the text scanned from byte s. Words inside [brackets]
 * or (parentheses) are the editor's, not the speaker's: "He [Trump]
 * asked", "(Mr Trump) asked". Writes them to out unless it is NULL (a
 * counting pass); returns how many. */
static size_t S_unbracketed_terms(const precis_cluster *c, const char *base,
                                  size_t a, size_t hi, size_t s, size_t e,
                                  uint32_t *out) {
  size_t n = 0, pos = s;
  int depth = 0;
  for (size_t k = a; k < hi && (size_t)(c->toks[k].p - base) < e; k++) {
    size_t tp = (size_t)(c->toks[k].p - base);
    for (; pos < tp; pos++) {
      char ch = base[pos];
      if (ch == '[' || ch == '(')
        depth++;
      else if ((ch == ']' || ch == ')') && depth > 0)
        depth--;
    }
    if (c->local_stop[c->local[k]] || depth) continue;
    if (out) out[n] = c->local[k];
    n++;
  }
  return n;
}

/* Content terms of text span [s, e) of the current article (local ids,
 * sorted, distinct), from the cluster's tokens. */
static precis_status S_terms(ctx *x, size_t s, size_t e, quote_unit *u) {
  const precis_cluster *c = x->c;
  const doc *d = &c->docs[x->doc];
  u->terms = NULL;
  u->nterms = 0;
  if (d->nsent == 0) return PRECIS_OK;
  size_t lo = c->sents[d->sent0].tok0;
  const sent *last = &c->sents[d->sent0 + d->nsent - 1];
  size_t hi = (size_t)last->tok0 + last->ntok;
  const char *base = d->text;
  /* first token starting at or after s */
  size_t a = lo, b = hi;
  while (a < b) {
    size_t m = a + (b - a) / 2;
    if ((size_t)(c->toks[m].p - base) < s)
      a = m + 1;
    else
      b = m;
  }
  size_t n = S_unbracketed_terms(c, base, a, hi, s, e, NULL);
  if (n == 0) return PRECIS_OK;
  uint32_t *v = arena_calloc(x->mem, n, sizeof *v);
  if (!v) return PRECIS_ERR_NOMEM;
  n = S_unbracketed_terms(c, base, a, hi, s, e, v);
  sort_u32(v, n);
  size_t m = 0;
  for (size_t k = 0; k < n; k++)
    if (m == 0 || v[k] != v[m - 1]) v[m++] = v[k];
  u->terms = v;
  u->nterms = (uint32_t)m;
  size_t z = a;
  while (z < hi && (size_t)(c->toks[z].p - base) < e)
    z++;
  u->tok0 = (uint32_t)a;
  u->ntok = (uint32_t)(z - a);
  /* verbatim runs: hashes of GRAM consecutive words, GRAM_CONTENT of them
   * content words */
  if (z - a < GRAM) return PRECIS_OK;
  uint64_t *g = arena_calloc(x->mem, z - a - GRAM + 1, sizeof *g);
  if (!g) return PRECIS_ERR_NOMEM;
  size_t ng = 0;
  for (size_t k = a; k + GRAM <= z; k++) {
    uint64_t h = 0xcbf29ce484222325ull;
    int content = 0;
    for (size_t q = k; q < k + GRAM; q++) {
      content += !c->local_stop[c->local[q]];
      h = (h ^ c->toks[q].term) * 0x100000001b3ull;
    }
    if (content >= GRAM_CONTENT) g[ng++] = h;
  }
  qsort(g, ng, sizeof *g, S_cmp_u64);
  size_t mg = 0;
  for (size_t k = 0; k < ng; k++)
    if (mg == 0 || g[k] != g[mg - 1]) g[mg++] = g[k];
  u->grams = g;
  u->ngrams = (uint32_t)mg;
  return PRECIS_OK;
}

static size_t S_word_count(const char *t, size_t s, size_t e) {
  size_t n = 0;
  int in = 0;
  for (size_t i = s; i < e; i++) {
    int sp = S_is_space((unsigned char)t[i]);
    if (!sp && !in) n++;
    in = !sp;
  }
  return n;
}

/* Trim spaces, markup (* _) and trailing separators (, ; :) off [*s, *e);
 * trailing_punct: a final period too. */
static void S_trim(const char *t, size_t *s, size_t *e, int trailing_punct) {
  while (*s < *e &&
         (S_is_space((unsigned char)t[*s]) || t[*s] == '*' || t[*s] == '_'))
    (*s)++;
  while (*e > *s) {
    unsigned char ch = (unsigned char)t[*e - 1];
    if (S_is_space(ch) || ch == '*' || ch == '_' || ch == ',' || ch == ';' ||
        ch == ':' || (trailing_punct && ch == '.'))
      (*e)--;
    else
      break;
  }
}

static precis_status S_push(ctx *x, size_t s, size_t e, precis_quote_kind k,
                            int unclosed, uint32_t para, quote_unit **out) {
  *out = NULL;
  quote_ledger *ql = x->ql;
  precis_status st =
      vec_reserve(&ql->units, &x->cap, ql->n + 1, sizeof *ql->units, 64);
  if (st != PRECIS_OK) return st;
  quote_unit *u = &ql->units[ql->n];
  memset(u, 0, sizeof *u);
  u->q.doc = x->doc;
  u->q.offset = s;
  u->q.len = e - s;
  u->q.kind = k;
  u->q.unclosed = unclosed;
  u->para = para;
  if (k != PRECIS_QUOTE_DIRECT) x->nquote++;
  u->quote = x->nquote;
  st = S_terms(x, s, e, u);
  if (st != PRECIS_OK) return st;
  ql->n++;
  *out = u;
  return PRECIS_OK;
}

/* Index of the sentence item range [lo, hi) of x->w holding offset off:
 * sentences are delimited by the cluster's sentence spans. */
typedef struct para_info {
  size_t s, e;       /* paragraph span */
  const sent *sents; /* its sentences */
  size_t nsents;
  uint32_t ord; /* paragraph ordinal in the article */
} para_info;

static void S_sentence_bounds(const para_info *p, size_t off, size_t *s,
                              size_t *e) {
  *s = p->s;
  *e = p->e;
  for (size_t k = 0; k < p->nsents; k++) {
    size_t a = p->sents[k].off, b = a + p->sents[k].len;
    if (off >= a && off < b) {
      *s = a;
      *e = b;
      return;
    }
  }
}

/* Items of x->w inside [s, e): *lo, *hi. */
static void S_item_range(const ctx *x, size_t s, size_t e, size_t *lo,
                         size_t *hi) {
  size_t a = 0;
  while (a < x->w.n && x->w.v[a].s < s)
    a++;
  size_t b = a;
  while (b < x->w.n && x->w.v[b].e <= e)
    b++;
  *lo = a;
  *hi = b;
}

/* Attribution of a direct quote whose marks span items [mo, mc]. */
static span S_direct_speaker(const ctx *x, const para_info *p, size_t mo,
                             size_t mc) {
  const char *t = x->text;
  const item *w = x->w.v;
  span none = {0, 0}, sp;
  size_t ss, se, lo, hi;
  /* after the close: ", Putin said" within a few items */
  if (mc < x->w.n) {
    S_sentence_bounds(p, w[mc].s, &ss, &se);
    S_item_range(x, w[mc].e, se, &lo, &hi);
    if (lo < hi && w[lo].kind == IT_MARK) hi = lo; /* next quote */
    for (size_t k = lo; k < hi && k < lo + 9; k++) {
      if (w[k].kind == IT_MARK) break;
      if (!S_in_list(t, &w[k], k_speech_verbs)) continue;
      sp = S_subject_before(t, w, lo, k);
      if (sp.e > sp.s) return sp;
      /* "said Putin", but not "told The Associated Press" */
      if (!S_ieq(t, &w[k], "told") && !S_ieq(t, &w[k], "tells")) {
        sp = S_subject_after(t, w, k, hi);
        if (sp.e > sp.s) return sp;
      }
      break;
    }
  }
  /* before the opening mark, in its sentence */
  S_sentence_bounds(p, w[mo].s, &ss, &se);
  S_item_range(x, ss, w[mo].s, &lo, &hi);
  for (size_t k = hi; k > lo; k--) {
    if (w[k - 1].kind == IT_MARK) break;
    if (!S_in_list(t, &w[k - 1], k_speech_verbs)) continue;
    sp = S_subject_before(t, w, lo, k - 1);
    if (sp.e > sp.s) return sp;
    if (!S_ieq(t, &w[k - 1], "told") && !S_ieq(t, &w[k - 1], "tells")) {
      sp = S_subject_after(t, w, k - 1, hi);
      if (sp.e > sp.s) return sp;
    }
  }
  /* anywhere later in the sentence of the close */
  if (mc < x->w.n) {
    S_sentence_bounds(p, w[mc].s, &ss, &se);
    S_item_range(x, w[mc].e, se, &lo, &hi);
    int inq = 0;
    for (size_t k = lo; k < hi; k++) {
      if (w[k].kind == IT_MARK) {
        inq = !inq;
        continue;
      }
      if (inq || !S_in_list(t, &w[k], k_speech_verbs)) continue;
      sp = S_subject_before(t, w, lo, k);
      if (sp.e > sp.s) return sp;
    }
  }
  return none;
}

/* Any opening-capable quotation mark in t[s, e)? (A cheap test before
 * the word scan.) */
static int S_has_marks(const char *t, size_t s, size_t e) {
  for (size_t i = s; i < e; i++) {
    unsigned char ch = (unsigned char)t[i];
    if (ch == '"') return 1;
    if (ch == 0xC2 && i + 1 < e &&
        ((unsigned char)t[i + 1] == 0xAB || (unsigned char)t[i + 1] == 0xBB))
      return 1;
    if (ch == 0xE2 && i + 2 < e && (unsigned char)t[i + 1] == 0x80) {
      unsigned char b = (unsigned char)t[i + 2];
      if (b == 0x9C || b == 0x9D || b == 0x9E || b == 0x98) return 1;
    }
  }
  return 0;
}

/* Does t[s, e) hold a reporting verb or "according"? (Cheap test.) */
static int S_has_reporting(const char *t, size_t s, size_t e) {
  static const char *const pats[] = {"said",  "says", "told",     "tells",
                                     "added", "adds", "ccording", NULL};
  for (size_t i = s; i + 4 <= e; i++) {
    if (t[i] != 's' && t[i] != 't' && t[i] != 'a' && t[i] != 'c') continue;
    for (const char *const *p = pats; *p; p++) {
      if ((*p)[0] != t[i] || (*p)[1] != t[i + 1]) continue;
      size_t n = strlen(*p);
      if (i + n <= e && memcmp(t + i, *p, n) == 0) return 1;
    }
  }
  return 0;
}

/* Direct quotations of one paragraph. Returns items of quote marks used,
 * so reported speech can skip sentences that hold any. */
static precis_status S_direct(ctx *x, const para_info *p) {
  const char *t = x->text;
  if (!S_has_marks(t, p->s, p->e)) return PRECIS_OK;
  precis_status st = S_scan(t, p->s, p->e, &x->w);
  if (st != PRECIS_OK) return st;
  item *w = x->w.v;
  size_t n = x->w.n;
  long open = -1; /* item index of the open double mark */
  long sopen = -1;
  for (size_t k = 0; k <= n; k++) {
    size_t qs = 0, qe = 0, mo = 0, mc = n;
    int unclosed = 0, found = 0;
    if (k == n) {
      if (open < 0) break;
      mo = (size_t)open;
      qs = w[mo].e;
      qe = p->e;
      unclosed = 1;
      found = 1;
    } else {
      if (w[k].kind != IT_MARK) continue;
      size_t ml;
      int mk = S_mark(t, w[k].s, p->e, &ml);
      int left = S_open_side(t, w[k].s, p->s);
      int right = S_close_side(t, w[k].e, p->e);
      int opens;
      if (mk == MARK_SQ_OPEN || mk == MARK_SQ_CLOSE) {
        if (open >= 0) continue; /* nested: part of the outer quote */
        if (mk == MARK_SQ_OPEN && left && !right && sopen < 0) {
          sopen = (long)k;
        } else if (mk == MARK_SQ_CLOSE && right && !left && sopen >= 0) {
          mo = (size_t)sopen;
          mc = k;
          qs = w[mo].e;
          qe = w[mc].s;
          sopen = -1;
          found = 1;
        }
        if (!found) continue;
      } else {
        if (left && !right)
          opens = 1;
        else if (right && !left)
          opens = 0;
        else if (mk == MARK_DQ_OPEN)
          opens = 1;
        else if (mk == MARK_DQ_CLOSE)
          opens = 0;
        else
          opens = open < 0;
        if (opens) {
          open = (long)k; /* an earlier unclosed mark is dropped */
          sopen = -1;
          continue;
        }
        if (open < 0) continue; /* stray closing mark */
        mo = (size_t)open;
        mc = k;
        qs = w[mo].e;
        qe = w[mc].s;
        open = -1;
        found = 1;
      }
    }
    if (!found) continue;
    S_trim(t, &qs, &qe, 0);
    if (qe <= qs || S_word_count(t, qs, qe) < 2) continue;
    if (qe - qs > PRECIS_REPORT_QUOTE_MAX_BYTES) {
      x->ql->skipped_long++;
      continue;
    }
    /* the speaker, then one unit per sentence of the quotation */
    precis_quote who;
    memset(&who, 0, sizeof who);
    span sp = S_direct_speaker(x, p, mo, mc);
    if (sp.e > sp.s) {
      st = S_set_speaker(x, &who, sp);
      if (st != PRECIS_OK) return st;
    } else if (x->last_quote_para >= 0 &&
               (long)p->ord - x->last_quote_para <= 1 &&
               x->last_quote_speaker_str) {
      who.speaker = x->last_quote_speaker_str;
      who.speaker_offset = x->last_quote_speaker.s;
      who.speaker_len = x->last_quote_speaker.e - x->last_quote_speaker.s;
    }
    x->last_quote_para = p->ord;
    if (who.speaker) {
      x->last_quote_speaker.s = who.speaker_offset;
      x->last_quote_speaker.e = who.speaker_offset + who.speaker_len;
      x->last_quote_speaker_str = who.speaker;
    }
    x->nquote++; /* a new quotation: its sentences share the ordinal */
    for (size_t k2 = 0; k2 < p->nsents; k2++) {
      size_t a = p->sents[k2].off, b = a + p->sents[k2].len;
      if (b <= qs || a >= qe) continue;
      if (a < qs) a = qs;
      if (b > qe) b = qe;
      S_trim(t, &a, &b, 0);
      if (b <= a || S_word_count(t, a, b) < 2) continue;
      quote_unit *u;
      st = S_push(x, a, b, PRECIS_QUOTE_DIRECT, unclosed, p->ord, &u);
      if (st != PRECIS_OK) return st;
      u->q.speaker = who.speaker;
      u->q.speaker_offset = who.speaker_offset;
      u->q.speaker_len = who.speaker_len;
    }
  }
  return PRECIS_OK;
}

/* Reported speech in one sentence [s, e) that holds no quotation mark. */
static precis_status S_reported(ctx *x, const para_info *p, size_t s,
                                size_t e) {
  const char *t = x->text;
  if (!S_has_reporting(t, s, e) || S_has_marks(t, s, e)) return PRECIS_OK;
  precis_status st = S_scan(t, s, e, &x->w);
  if (st != PRECIS_OK) return st;
  const item *w = x->w.v;
  size_t n = x->w.n;
  if (n < 5) return PRECIS_OK;
  for (size_t k = 0; k < n; k++)
    if (w[k].kind == IT_MARK) return PRECIS_OK;
  span sp = {0, 0};
  size_t cs = 0, ce = 0;
  /* "According to X, CLAUSE" */
  if (S_ieq(t, &w[0], "according") && n > 3 && S_ieq(t, &w[1], "to")) {
    for (size_t k = 2; k < n && k < 11; k++) {
      if (w[k].kind == IT_PUNCT && t[w[k].s] == ',') {
        if (k > 2) {
          sp.s = w[2].s;
          sp.e = w[k - 1].e;
          cs = w[k].e;
          ce = e;
        }
        break;
      }
    }
  }
  /* "X said/told ... (that) CLAUSE": the verb within the first words */
  for (size_t k = 1; !cs && k < n && k < 10; k++) {
    if (w[k].kind != IT_WORD) break;
    if (!S_in_list(t, &w[k], k_reporting_verbs)) continue;
    span sub = S_subject_before(t, w, 0, k);
    if (sub.e <= sub.s || sub.s != w[0].s) break;
    size_t j = k + 1;
    if (S_ieq(t, &w[k], "told") || S_ieq(t, &w[k], "tells")) {
      while (j < n && j < k + 8 && !S_ieq(t, &w[j], "that") &&
             !(w[j].kind == IT_PUNCT && t[w[j].s] == ':'))
        j++;
      if (j >= n || j >= k + 8) break;
      j++;
    } else {
      /* "said (on Saturday, in advance...) that": skip to the "that" */
      size_t th = j;
      while (th < n && th < j + 5 && w[th].kind == IT_WORD &&
             !S_ieq(t, &w[th], "that"))
        th++;
      if (th < n && th < j + 5 && S_ieq(t, &w[th], "that"))
        j = th + 1;
      else if (j < n && w[j].kind == IT_PUNCT && t[w[j].s] == ':')
        j++;
      else if (j < n && w[j].kind == IT_PUNCT)
        break; /* "X said, ..." and "X said." carry no clause */
    }
    if (j >= n) break;
    sp = sub;
    cs = w[j].s;
    ce = e;
  }
  /* "CLAUSE, X said ..." / "CLAUSE, according to X" */
  for (size_t k = 3; !cs && k < n; k++) {
    if (!(w[k].kind == IT_PUNCT && t[w[k].s] == ',')) continue;
    size_t lo = k + 1;
    if (lo + 2 < n && S_ieq(t, &w[lo], "according") &&
        S_ieq(t, &w[lo + 1], "to")) {
      size_t j = lo + 2;
      while (j < n && w[j].kind == IT_WORD)
        j++;
      if (j > lo + 2) {
        sp.s = w[lo + 2].s;
        sp.e = w[j - 1].e;
        cs = s;
        ce = w[k].s;
      }
      break;
    }
    for (size_t v = lo; v < n && v < lo + 8; v++) {
      if (w[v].kind != IT_WORD) break;
      if (!S_in_list(t, &w[v], k_reporting_verbs)) continue;
      span sub = S_subject_before(t, w, lo, v);
      if (sub.e > sub.s && sub.s == w[lo].s) {
        sp = sub;
      } else if (v == lo) {
        sp = S_subject_after(t, w, v, n);
      }
      /* the attribution closes the clause (a few words may follow up to
       * a comma: "Putin said at the G20 summit, adding ..."); "..., X
       * said he believed ..." puts the statement after the verb */
      size_t tail = 0;
      for (size_t q = v + 1; q < n && w[q].kind == IT_WORD; q++)
        tail++;
      if (sp.e > sp.s && tail <= 6) {
        cs = s;
        ce = w[k].s;
      } else {
        sp.s = sp.e = 0;
      }
      break;
    }
    if (cs) break;
  }
  if (!cs || ce <= cs) return PRECIS_OK;
  S_trim(t, &cs, &ce, 1);
  if (ce <= cs || S_word_count(t, cs, ce) < 4) return PRECIS_OK;
  quote_unit *u;
  st = S_push(x, cs, ce, PRECIS_QUOTE_REPORTED, 0, p->ord, &u);
  if (st != PRECIS_OK) return st;
  if (u->nterms < 3) {
    x->ql->n--; /* too little content to be a statement */
    return PRECIS_OK;
  }
  return S_set_speaker(x, &u->q, sp);
}

/* ---- per article ---- */

static precis_status S_article(ctx *x, size_t di) {
  const precis_cluster *c = x->c;
  const doc *d = &c->docs[di];
  x->text = d->text;
  x->doc = di;
  x->last_named.s = x->last_named.e = 0;
  x->last_named_str = NULL;
  x->last_quote_para = -1;
  x->last_quote_speaker_str = NULL;
  if (d->nsent == 0) return PRECIS_OK;
  /* paragraphs */
  size_t np = 0;
  for (uint32_t k = 0; k < d->nsent; k++)
    if (k == 0 ||
        c->sents[d->sent0 + k].para != c->sents[d->sent0 + k - 1].para)
      np++;
  para_info *ps = calloc(np + 1, sizeof *ps);
  sent_para *tp = calloc(np + 1, sizeof *tp);
  precis_status st = PRECIS_ERR_NOMEM;
  if (!ps || !tp) goto out;
  np = 0;
  for (uint32_t k = 0; k < d->nsent; k++) {
    const sent *s = &c->sents[d->sent0 + k];
    if (k == 0 || s->para != c->sents[d->sent0 + k - 1].para) {
      ps[np].sents = s;
      ps[np].s = s->off;
      ps[np].ord = (uint32_t)np;
      np++;
    }
    ps[np - 1].nsents++;
    ps[np - 1].e = (size_t)s->off + s->len;
  }
  /* transcripts: each speaker's turn is their words */
  for (size_t i = 0; i < np; i++) {
    tp[i].s = ps[i].s;
    tp[i].e = ps[i].e;
  }
  st = sent_turns(x->text, tp, np);
  if (st != PRECIS_OK) goto out;
  for (size_t i = 0; i < np; i++) {
    para_info *p = &ps[i];
    long speaker = tp[i].turn;
    if (speaker != SENT_TURN_NONE) {
      if (speaker < 0) continue; /* a question's turn */
      size_t ls = tp[speaker].s, ln = tp[speaker].name;
      span sp = {ls, ls + ln};
      size_t from = (size_t)speaker == i ? p->s + tp[i].label : p->s;
      for (size_t k = 0; k < p->nsents; k++) {
        size_t a = p->sents[k].off, b = a + p->sents[k].len;
        if (b <= from) continue;
        if (a < from) a = from;
        S_trim(x->text, &a, &b, 0);
        if (b <= a || S_word_count(x->text, a, b) < 4) continue;
        if (b - a > PRECIS_REPORT_QUOTE_MAX_BYTES) {
          x->ql->skipped_long++;
          continue;
        }
        quote_unit *u;
        st = S_push(x, a, b, PRECIS_QUOTE_TRANSCRIPT, 0, p->ord, &u);
        if (st != PRECIS_OK) goto out;
        if (u->nterms < 3) {
          x->ql->n--;
          continue;
        }
        st = S_set_speaker(x, &u->q, sp);
        if (st != PRECIS_OK) goto out;
      }
      continue;
    }
    /* reported speech first: "Mayor X said ... "...," he said." */
    for (size_t k = 0; k < p->nsents; k++) {
      size_t a = p->sents[k].off, b = a + p->sents[k].len;
      st = S_reported(x, p, a, b);
      if (st != PRECIS_OK) goto out;
    }
    st = S_direct(x, p);
    if (st != PRECIS_OK) goto out;
  }
  st = PRECIS_OK;
out:
  free(ps);
  free(tp);
  return st;
}

/* ---- canonical terms ---- */

typedef struct stem_ref {
  const char *p;
  size_t n;
  uint32_t local;
} stem_ref;

static int S_cmp_stem(const void *a, const void *b) {
  const stem_ref *x = a, *y = b;
  size_t n = x->n < y->n ? x->n : y->n;
  int r = memcmp(x->p, y->p, n);
  if (r) return r;
  return x->n < y->n ? -1 : x->n > y->n;
}

static const stem_ref *S_find_stem(const stem_ref *v, size_t n, const char *p,
                                   size_t len) {
  stem_ref key = {p, len, 0};
  return bsearch(&key, v, n, sizeof *v, S_cmp_stem);
}

/* Map each unit's local term ids to canonical ids and re-sort. */
static precis_status S_canonicalize(const precis_cluster *c, quote_ledger *ql) {
  size_t L = c->nlocal;
  uint32_t *canon = malloc((L + 1) * sizeof *canon);
  unsigned char *used = calloc(L + 1, 1);
  stem_ref *v = NULL;
  precis_status st = PRECIS_ERR_NOMEM;
  if (!canon || !used) goto out;
  size_t nu = 0;
  for (size_t l = 0; l < L; l++)
    canon[l] = (uint32_t)l;
  for (size_t i = 0; i < ql->n; i++)
    for (uint32_t k = 0; k < ql->units[i].nterms; k++)
      if (!used[ql->units[i].terms[k]]) {
        used[ql->units[i].terms[k]] = 1;
        nu++;
      }
  v = malloc((nu + 1) * sizeof *v);
  if (!v) goto out;
  nu = 0;
  for (size_t l = 0; l < L; l++) {
    if (!used[l]) continue;
    v[nu].p = lex_stem(c->lex, c->local_global[l], &v[nu].n);
    v[nu].local = (uint32_t)l;
    nu++;
  }
  qsort(v, nu, sizeof *v, S_cmp_stem);
  static const char *const suffixes[] = {"iti", "ment", "ness", "ion",
                                         "al",  "est",  NULL};
  for (size_t i = 0; i < nu; i++) {
    const stem_ref *r = &v[i];
    const stem_ref *hit = NULL;
    if (r->n == 7 && memcmp(r->p, "televis", 7) == 0)
      hit = S_find_stem(v, nu, "tv", 2);
    for (const char *const *s = suffixes; *s && !hit; s++) {
      size_t sl = strlen(*s);
      if (r->n >= sl + 4 && memcmp(r->p + r->n - sl, *s, sl) == 0)
        hit = S_find_stem(v, nu, r->p, r->n - sl);
    }
    if (hit) canon[r->local] = hit->local;
  }
  for (size_t i = 0; i < ql->n; i++) {
    quote_unit *u = &ql->units[i];
    for (uint32_t k = 0; k < u->nterms; k++)
      u->terms[k] = canon[u->terms[k]];
    sort_u32(u->terms, u->nterms);
    uint32_t m = 0;
    for (uint32_t k = 0; k < u->nterms; k++)
      if (m == 0 || u->terms[k] != u->terms[m - 1]) u->terms[m++] = u->terms[k];
    u->nterms = m;
  }
  st = PRECIS_OK;
out:
  free(canon);
  free(used);
  free(v);
  return st;
}

/* ---- grouping ---- */

/* The grouping parameters, tuned on tests/data/quotes-labels.tsv
 * (docs/report.md shows how the results move with each). */
#define Q_LO 0.25          /* similarity for a pair to enter an alignment */
#define Q_CHAIN 0.25       /* score of an accepted chain: sum of s - Q_LO, */
#define Q_GAP 0.10         /* less this for each quotation skipped in it */
#define Q_NEAR 2           /* at most this many skipped between two links */
#define Q_NEW_TERMS 2      /* terms a second part of one rendering adds */
#define Q_REPORTED 0.35    /* a paraphrase and the quotation after it ... */
#define Q_REPORTED_GAP 2   /* ... at most this many quotations later */
#define Q_REPEAT 0.8       /* share of a quotation an article repeats ... */
#define Q_MIN_SHARED 3     /* ... in this many terms at least */
#define POSTING_MAX 400    /* terms in more units do not propose pairs */
#define ALIGN_WORK 4000000 /* alignment steps per cluster (then S_align) */

static int S_share_gram(const quote_unit *a, const quote_unit *b) {
  uint32_t i = 0, j = 0;
  while (i < a->ngrams && j < b->ngrams) {
    if (a->grams[i] == b->grams[j]) return 1;
    if (a->grams[i] < b->grams[j])
      i++;
    else
      j++;
  }
  return 0;
}

/* Summed weight of a unit's terms. */
static double S_unit_weight(const quote_unit *u, const double *w) {
  double s = 0;
  for (uint32_t k = 0; k < u->nterms; k++)
    s += w[u->terms[k]];
  return s;
}

/* Weighted Dice coefficient of the two term sets; 1 for a shared verbatim
 * run. */
static double S_sim(const quote_unit *a, const quote_unit *b, const double *w) {
  if (!a->nterms || !b->nterms) return 0;
  if (S_share_gram(a, b)) return 1.0;
  double ws, wa = S_unit_weight(a, w), wb = S_unit_weight(b, w);
  termset_common(a->terms, a->nterms, b->terms, b->nterms, w, &ws);
  return wa + wb > 0 ? 2.0 * ws / (wa + wb) : 0;
}

/* A short quotation (2 to GRAM-1 words, one a content word) whose words
 * occur as a run in b: "more pragmatic" in "it has become more
 * pragmatic". */
static int S_fragment(const precis_cluster *c, const quote_unit *a,
                      const quote_unit *b) {
  if (a->ntok < 2 || a->ntok >= GRAM || !a->nterms || b->ntok < a->ntok)
    return 0;
  for (uint32_t k = 0; k + a->ntok <= b->ntok; k++) {
    uint32_t m = 0;
    while (m < a->ntok &&
           c->toks[b->tok0 + k + m].term == c->toks[a->tok0 + m].term)
      m++;
    if (m == a->ntok) return 1;
  }
  return 0;
}

/* One article quoting itself again in other words: Q_MIN_SHARED terms or
 * more that make up Q_REPEAT of the lighter unit's weight. */
static int S_repeat(const quote_unit *a, const quote_unit *b, const double *w) {
  double ws;
  size_t n = termset_common(a->terms, a->nterms, b->terms, b->nterms, w, &ws);
  if (n < Q_MIN_SHARED) return 0;
  double wa = S_unit_weight(a, w), wb = S_unit_weight(b, w);
  return ws >= Q_REPEAT * (wa < wb ? wa : wb);
}

/* Terms of `one` that `cur` has and `prev` has not: what a second
 * quotation adds when two of one article render parts of `one`. */
static uint32_t S_new_terms(const quote_unit *one, const quote_unit *prev,
                            const quote_unit *cur) {
  uint32_t n = 0, p = 0, q = 0;
  for (uint32_t k = 0; k < one->nterms; k++) {
    uint32_t t = one->terms[k];
    while (p < prev->nterms && prev->terms[p] < t)
      p++;
    while (q < cur->nterms && cur->terms[q] < t)
      q++;
    if (q < cur->nterms && cur->terms[q] == t &&
        !(p < prev->nterms && prev->terms[p] == t))
      n++;
  }
  return n;
}

static size_t S_find(size_t *parent, size_t i) {
  while (parent[i] != i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

/* Term weights over the units: log((N + 1) / (df + 0.5)). */
static double *S_weights(const precis_cluster *c, const quote_ledger *ql) {
  size_t L = c->nlocal;
  double *w = calloc(L + 1, sizeof *w);
  if (!w) return NULL;
  for (size_t i = 0; i < ql->n; i++)
    for (uint32_t k = 0; k < ql->units[i].nterms; k++)
      w[ql->units[i].terms[k]] += 1.0;
  for (size_t l = 0; l < L; l++)
    if (w[l] > 0) w[l] = log(((double)ql->n + 1.0) / (w[l] + 0.5));
  return w;
}

typedef struct edge {
  double score;
  uint32_t i, j;
} edge;

typedef struct cand {
  double s;
  uint32_t i, j;   /* units: i in the earlier article */
  uint32_t pi, pj; /* their positions in their articles */
} cand;

typedef struct frag {
  uint32_t f, doc, h; /* unit f is a run of the words of unit h (of doc) */
} frag;

static int S_cmp_frag(const void *a, const void *b) {
  const frag *x = a, *y = b;
  if (x->f != y->f) return x->f < y->f ? -1 : 1;
  if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
  return x->h < y->h ? -1 : x->h > y->h;
}

typedef struct edges {
  edge *v;
  size_t n, cap;
} edges;

static int S_push_edge(edges *E, double s, size_t i, size_t j) {
  if (vec_reserve(&E->v, &E->cap, E->n + 1, sizeof *E->v, 64) != PRECIS_OK)
    return -1;
  E->v[E->n].score = s;
  E->v[E->n].i = (uint32_t)i;
  E->v[E->n].j = (uint32_t)j;
  E->n++;
  return 0;
}

static int S_cmp_edge(const void *a, const void *b) {
  const edge *x = a, *y = b;
  if (x->score != y->score) return x->score > y->score ? -1 : 1;
  if (x->i != y->i) return x->i < y->i ? -1 : 1;
  return x->j < y->j ? -1 : x->j > y->j;
}

static int S_cmp_cand(const void *a, const void *b, const quote_ledger *ql) {
  const cand *x = a, *y = b;
  size_t xa = ql->units[x->i].q.doc, ya = ql->units[y->i].q.doc;
  size_t xb = ql->units[x->j].q.doc, yb = ql->units[y->j].q.doc;
  if (xa != ya) return xa < ya ? -1 : 1;
  if (xb != yb) return xb < yb ? -1 : 1;
  if (x->pi != y->pi) return x->pi < y->pi ? -1 : 1;
  return x->pj < y->pj ? -1 : x->pj > y->pj;
}

/* Merge sort of candidates with the ledger as context (qsort has none). */
static void S_sort_cands(cand *v, cand *tmp, size_t n, const quote_ledger *ql) {
  if (n < 2) return;
  size_t h = n / 2;
  S_sort_cands(v, tmp, h, ql);
  S_sort_cands(v + h, tmp, n - h, ql);
  size_t i = 0, j = h, k = 0;
  while (i < h && j < n)
    tmp[k++] = S_cmp_cand(&v[j], &v[i], ql) < 0 ? v[j++] : v[i++];
  while (i < h)
    tmp[k++] = v[i++];
  while (j < n)
    tmp[k++] = v[j++];
  memcpy(v, tmp, n * sizeof *v);
}

/* Align the quotations of two articles: cv[0..k) are their candidate pairs
 * (similarity at least Q_LO), sorted by position. A chain is a run of pairs
 * in the same order in both articles, each at most Q_NEAR quotations after
 * the previous one on either side; or a second quotation of one article
 * against the same transcript sentence of the other (each renders a part
 * of it: the second must add Q_NEW_TERMS of its terms). Its score is the
 * sum of (similarity - Q_LO) minus Q_GAP per quotation skipped. Chains are
 * taken best first, each quotation in one chain only, while their score
 * reaches Q_CHAIN; their pairs are edges. Past the work budget, the pairs
 * left that would make a chain alone are. */
static int S_align(const quote_ledger *ql, const cand *cv, size_t k,
                   unsigned char *used, double *sc, long *prev, edges *E,
                   size_t *work) {
  for (;;) {
    long best = -1;
    if (*work == 0) break;
    for (size_t x = 0; x < k; x++) {
      prev[x] = -1;
      if (used[cv[x].i] || used[cv[x].j]) continue;
      double m = cv[x].s - Q_LO;
      sc[x] = m;
      for (size_t y = x; y-- > 0 && cv[y].pi + Q_NEAR + 1 >= cv[x].pi;) {
        if (*work == 0) goto spent; /* this round is abandoned */
        --*work;
        if (used[cv[y].i] || used[cv[y].j] || cv[y].pj > cv[x].pj) continue;
        uint32_t di = cv[x].pi - cv[y].pi, dj = cv[x].pj - cv[y].pj;
        double cost;
        if (di == 0 || dj == 0) {
          if (di + dj > Q_NEAR + 1) continue;
          /* two of one article against one of the other */
          const quote_unit *one, *p0, *p1;
          if (dj == 0) {
            one = &ql->units[cv[x].j];
            p0 = &ql->units[cv[y].i];
            p1 = &ql->units[cv[x].i];
          } else {
            one = &ql->units[cv[x].i];
            p0 = &ql->units[cv[y].j];
            p1 = &ql->units[cv[x].j];
          }
          if (one->q.kind != PRECIS_QUOTE_TRANSCRIPT ||
              p1->q.kind == PRECIS_QUOTE_TRANSCRIPT ||
              S_new_terms(one, p0, p1) < Q_NEW_TERMS)
            continue;
          cost = Q_GAP * (double)(di + dj);
        } else {
          if (dj > Q_NEAR + 1) continue;
          cost = Q_GAP * (double)(di + dj - 2);
        }
        double v = sc[y] + m - cost;
        if (v > sc[x]) {
          sc[x] = v;
          prev[x] = (long)y;
        }
      }
      if (best < 0 || sc[x] > sc[best]) best = (long)x;
    }
    if (best < 0 || sc[best] < Q_CHAIN) return 0;
    for (long x = best; x >= 0; x = prev[x]) {
      if (S_push_edge(E, cv[x].s, cv[x].i, cv[x].j) != 0) return -1;
      used[cv[x].i] = used[cv[x].j] = 1;
    }
  }
spent:
  /* out of work: the pairs left that stand on their own */
  for (size_t x = 0; x < k; x++)
    if (!used[cv[x].i] && !used[cv[x].j] && cv[x].s >= Q_LO + Q_CHAIN &&
        S_push_edge(E, cv[x].s, cv[x].i, cv[x].j) != 0)
      return -1;
  return 0;
}

/* Does the pair (a, b) of one article meet a contradiction: a and b are
 * aligned with two different quotations x, y of another article that are
 * not aligned with each other? (One outlet quoted two statements alike.) */
static int S_contradicted(const size_t *pstart, const uint32_t *part,
                          const quote_ledger *ql, size_t a, size_t b) {
  for (size_t p = pstart[a]; p < pstart[a + 1]; p++)
    for (size_t q = pstart[b]; q < pstart[b + 1]; q++) {
      size_t x = part[p], y = part[q];
      if (x == y || ql->units[x].q.doc != ql->units[y].q.doc) continue;
      int linked = 0;
      for (size_t r = pstart[x]; r < pstart[x + 1] && !linked; r++)
        linked = part[r] == y;
      if (!linked) return 1;
    }
  return 0;
}

/* Two units that are different statements whatever the edges say: two
 * sentences of one transcript, or two sentences of one direct quotation
 * (a quotation is cut at the speaker's sentences) unless both render the
 * same transcript sentence ("... differs from the real person. He is
 * absolutely precise ..." against the transcript's one sentence). */
static int S_apart(const quote_ledger *ql, const size_t *tpart, size_t x,
                   size_t y) {
  const quote_unit *a = &ql->units[x], *b = &ql->units[y];
  if (a->q.doc != b->q.doc) return 0;
  if (a->q.kind == PRECIS_QUOTE_TRANSCRIPT &&
      b->q.kind == PRECIS_QUOTE_TRANSCRIPT)
    return 1;
  if (a->q.kind == PRECIS_QUOTE_DIRECT && b->q.kind == PRECIS_QUOTE_DIRECT &&
      a->quote == b->quote)
    return tpart[x] == SIZE_MAX || tpart[x] != tpart[y];
  return 0;
}

/* Group the units (parent: union-find): candidate pairs from an inverted
 * index over terms; across articles, the edges of their alignments
 * (S_align); within one article, verbatim and near repeats and a
 * paraphrase with the quotation right after it, unless the alignments
 * contradict them (S_contradicted); then fragments (S_fragment) of another
 * quotation. Edges merge groups strongest first, fragments last, unless
 * the merged group would hold two units S_apart says are different
 * statements. */
static precis_status S_link(const precis_cluster *c, quote_ledger *ql,
                            size_t *parent) {
  size_t L = c->nlocal, n = ql->n;
  size_t *start = calloc(L + 2, sizeof *start);
  size_t *fill = NULL, *post = NULL, *stamp = NULL, *order = NULL;
  uint32_t *pos = NULL, *part = NULL;
  size_t *pstart = NULL, *cnext = NULL, *chead = NULL, *ctail = NULL;
  size_t *qcount = NULL, *tpart = NULL;
  unsigned char *used = NULL;
  double *sc = NULL;
  long *prev = NULL;
  double *w = S_weights(c, ql);
  cand *cv = NULL, *tmp = NULL;
  size_t nc = 0, ccap = 0;
  frag *fv = NULL;
  size_t nf = 0, fcap = 0;
  edges E = {NULL, 0, 0}, W = {NULL, 0, 0};
  size_t work = ALIGN_WORK;
  precis_status st = PRECIS_ERR_NOMEM;
  if (!start || !w) goto out;
  /* positions of the units in their articles, in text order */
  pos = malloc((n + 1) * sizeof *pos);
  order = malloc((n + 1) * sizeof *order);
  if (!pos || !order) goto out;
  for (size_t i = 0, d0 = 0; i <= n; i++) {
    if (i < n && ql->units[i].q.doc == ql->units[d0].q.doc) continue;
    /* units [d0, i) are one article's: insertion sort by offset */
    for (size_t a = d0; a < i; a++) {
      size_t v = a, b = a;
      while (b > d0 &&
             ql->units[order[b - 1]].q.offset > ql->units[v].q.offset) {
        order[b] = order[b - 1];
        b--;
      }
      order[b] = v;
    }
    for (size_t a = d0; a < i; a++)
      pos[order[a]] = (uint32_t)(a - d0);
    d0 = i;
  }
  /* inverted index */
  for (size_t i = 0; i < n; i++)
    for (uint32_t k = 0; k < ql->units[i].nterms; k++)
      start[ql->units[i].terms[k] + 1]++;
  for (size_t l = 0; l <= L; l++)
    start[l + 1] += start[l];
  fill = malloc((L + 1) * sizeof *fill);
  post = malloc((start[L + 1] + 1) * sizeof *post);
  stamp = malloc((n + 1) * sizeof *stamp);
  if (!fill || !post || !stamp) goto out;
  memcpy(fill, start, (L + 1) * sizeof *fill);
  for (size_t i = 0; i < n; i++)
    for (uint32_t k = 0; k < ql->units[i].nterms; k++)
      post[fill[ql->units[i].terms[k]]++] = i;
  for (size_t i = 0; i < n; i++)
    stamp[i] = SIZE_MAX;
  for (size_t i = 0; i < n; i++) {
    const quote_unit *a = &ql->units[i];
    for (uint32_t k = 0; k < a->nterms; k++) {
      uint32_t t = a->terms[k];
      size_t ps = start[t], pe = start[t + 1];
      if (pe - ps > POSTING_MAX) continue;
      for (size_t p = ps; p < pe; p++) {
        size_t j = post[p];
        if (j <= i || stamp[j] == i) continue;
        stamp[j] = i;
        const quote_unit *b = &ql->units[j];
        double s = S_sim(a, b, w);
        for (int side = 0; side < 2; side++) {
          size_t f = side ? j : i, h = side ? i : j;
          if (!S_fragment(c, &ql->units[f], &ql->units[h])) continue;
          if (vec_reserve(&fv, &fcap, nf + 1, sizeof *fv, 16) != PRECIS_OK)
            goto out;
          fv[nf].f = (uint32_t)f;
          fv[nf].doc = (uint32_t)ql->units[h].q.doc;
          fv[nf].h = (uint32_t)h;
          nf++;
        }
        if (a->q.doc == b->q.doc) {
          /* b after a in the text? */
          const quote_unit *r = pos[i] < pos[j] ? a : b;
          const quote_unit *d = r == a ? b : a;
          uint32_t gap = pos[i] < pos[j] ? pos[j] - pos[i] : pos[i] - pos[j];
          int ok = S_share_gram(a, b) || S_repeat(a, b, w) ||
                   (r->q.kind == PRECIS_QUOTE_REPORTED &&
                    d->q.kind == PRECIS_QUOTE_DIRECT && gap <= Q_REPORTED_GAP &&
                    s >= Q_REPORTED);
          if (ok && S_push_edge(&W, s, i, j) != 0) goto out;
          continue;
        }
        if (s < Q_LO) continue;
        if (vec_reserve(&cv, &ccap, nc + 1, sizeof *cv, 64) != PRECIS_OK)
          goto out;
        /* units are in article order: a's article comes first */
        cv[nc].s = s;
        cv[nc].i = (uint32_t)i;
        cv[nc].j = (uint32_t)j;
        cv[nc].pi = pos[i];
        cv[nc].pj = pos[j];
        nc++;
      }
    }
  }
  /* alignments, one pair of articles at a time */
  tmp = malloc((nc + 1) * sizeof *tmp);
  used = calloc(n + 1, 1);
  sc = malloc((nc + 1) * sizeof *sc);
  prev = malloc((nc + 1) * sizeof *prev);
  if (!tmp || !used || !sc || !prev) goto out;
  S_sort_cands(cv, tmp, nc, ql);
  for (size_t b0 = 0, b1; b0 < nc; b0 = b1) {
    size_t da = ql->units[cv[b0].i].q.doc, db = ql->units[cv[b0].j].q.doc;
    for (b1 = b0 + 1; b1 < nc && ql->units[cv[b1].i].q.doc == da &&
                      ql->units[cv[b1].j].q.doc == db;
         b1++)
      ;
    if (S_align(ql, cv + b0, b1 - b0, used, sc, prev, &E, &work) != 0) goto out;
    for (size_t x = b0; x < b1; x++)
      used[cv[x].i] = used[cv[x].j] = 0;
  }
  /* partners across articles, for the contradiction test */
  pstart = calloc(n + 2, sizeof *pstart);
  part = malloc((2 * E.n + 1) * sizeof *part);
  if (!pstart || !part) goto out;
  for (size_t e = 0; e < E.n; e++) {
    pstart[E.v[e].i + 2]++;
    pstart[E.v[e].j + 2]++;
  }
  for (size_t i = 0; i < n; i++)
    pstart[i + 2] += pstart[i + 1];
  for (size_t e = 0; e < E.n; e++) {
    part[pstart[E.v[e].i + 1]++] = E.v[e].j;
    part[pstart[E.v[e].j + 1]++] = E.v[e].i;
  }
  /* the transcript sentence a unit renders (for S_apart): the one it is
   * aligned with, else the one a unit it is aligned with renders */
  tpart = malloc((2 * n + 1) * sizeof *tpart);
  if (!tpart) goto out;
  for (size_t i = 0; i < 2 * n; i++)
    tpart[i] = SIZE_MAX;
  for (size_t i = 0; i < n; i++)
    for (size_t p = pstart[i]; p < pstart[i + 1]; p++)
      if (ql->units[i].q.kind != PRECIS_QUOTE_TRANSCRIPT &&
          ql->units[part[p]].q.kind == PRECIS_QUOTE_TRANSCRIPT)
        tpart[i] = part[p];
  for (size_t i = 0; i < n; i++)
    for (size_t p = pstart[i]; p < pstart[i + 1]; p++)
      if (tpart[i] == SIZE_MAX && tpart[part[p]] != SIZE_MAX &&
          ql->units[i].q.kind != PRECIS_QUOTE_TRANSCRIPT &&
          ql->units[part[p]].q.kind != PRECIS_QUOTE_TRANSCRIPT)
        tpart[n + i] = tpart[part[p]];
  for (size_t i = 0; i < n; i++)
    if (tpart[i] == SIZE_MAX) tpart[i] = tpart[n + i];
  for (size_t e = 0; e < W.n; e++)
    if (!S_contradicted(pstart, part, ql, W.v[e].i, W.v[e].j) &&
        S_push_edge(&E, W.v[e].score, W.v[e].i, W.v[e].j) != 0)
      goto out;
  /* fragments: a short quotation joins the quotation of another (or its
   * own) article that contains it, unless several longer ones there do
   * ("hip hop" in three different remarks): then only its repeats. They
   * are the weakest edges: merged last. */
  if (nf) qsort(fv, nf, sizeof *fv, S_cmp_frag);
  if (E.n) qsort(E.v, E.n, sizeof *E.v, S_cmp_edge);
  for (size_t f0 = 0, f1; f0 < nf; f0 = f1) {
    size_t longer = 0;
    for (f1 = f0; f1 < nf && fv[f1].f == fv[f0].f && fv[f1].doc == fv[f0].doc;
         f1++)
      longer += ql->units[fv[f1].h].ntok > ql->units[fv[f1].f].ntok;
    for (size_t x = f0; x < f1; x++)
      if ((longer <= 1 || ql->units[fv[x].h].ntok == ql->units[fv[x].f].ntok) &&
          S_push_edge(&E, 0.0, fv[x].f, fv[x].h) != 0)
        goto out;
  }
  /* single link, strongest first, keeping apart what S_apart says are
   * different statements: only units it constrains are listed per group
   * (root -> cnext -> ...) */
  size_t nq = 0;
  for (size_t i = 0; i < n; i++)
    if (ql->units[i].quote >= nq) nq = (size_t)ql->units[i].quote + 1;
  cnext = malloc((n + 1) * sizeof *cnext);
  chead = malloc((n + 1) * sizeof *chead);
  ctail = malloc((n + 1) * sizeof *ctail);
  qcount = calloc(nq + 1, sizeof *qcount);
  if (!cnext || !chead || !ctail || !qcount) goto out;
  for (size_t i = 0; i < n; i++)
    if (ql->units[i].q.kind == PRECIS_QUOTE_DIRECT)
      qcount[ql->units[i].quote]++;
  for (size_t i = 0; i < n; i++) {
    const quote_unit *u = &ql->units[i];
    int constrained =
        u->q.kind == PRECIS_QUOTE_TRANSCRIPT ||
        (u->q.kind == PRECIS_QUOTE_DIRECT && qcount[u->quote] > 1);
    cnext[i] = SIZE_MAX;
    chead[i] = ctail[i] = constrained ? i : SIZE_MAX;
  }
  for (size_t e = 0; e < E.n; e++) {
    size_t ra = S_find(parent, E.v[e].i), rb = S_find(parent, E.v[e].j);
    if (ra == rb) continue;
    int clash = 0;
    for (size_t x = chead[ra]; x != SIZE_MAX && !clash; x = cnext[x])
      for (size_t y = chead[rb]; y != SIZE_MAX && !clash; y = cnext[y])
        clash = S_apart(ql, tpart, x, y);
    if (clash) continue;
    parent[rb] = ra;
    /* rb's list in front of ra's */
    if (chead[rb] != SIZE_MAX) {
      cnext[ctail[rb]] = chead[ra];
      if (chead[ra] == SIZE_MAX) ctail[ra] = ctail[rb];
      chead[ra] = chead[rb];
    }
  }
  st = PRECIS_OK;
out:
  free(start);
  free(fill);
  free(post);
  free(stamp);
  free(order);
  free(pos);
  free(part);
  free(pstart);
  free(cnext);
  free(chead);
  free(ctail);
  free(qcount);
  free(tpart);
  free(used);
  free(sc);
  free(prev);
  free(w);
  free(cv);
  free(tmp);
  free(fv);
  free(E.v);
  free(W.v);
  return st;
}

/* Surname key of a speaker: its last capitalised word ("Putin"). */
static void S_surname(const char *s, const char **k, size_t *kn) {
  *k = NULL;
  *kn = 0;
  if (!s) return;
  size_t n = strlen(s), i = 0;
  while (i < n) {
    while (i < n && s[i] == ' ')
      i++;
    size_t j = i;
    while (j < n && s[j] != ' ')
      j++;
    unsigned char ch = (unsigned char)s[i];
    int cap = (ch >= 'A' && ch <= 'Z') || ch >= 0xC0;
    size_t wl = j - i;
    /* initials ("O.") and titles do not name */
    if (cap && wl > 2 && !(wl <= 4 && s[j - 1] == '.')) {
      *k = s + i;
      *kn = wl;
    }
    i = j;
  }
}

typedef struct grp_tmp {
  size_t *members; /* unit indices, in article order */
  size_t n, n_outlets, best;
  const char *speaker;
} grp_tmp;

static int S_cmp_grp(const void *a, const void *b, const quote_ledger *ql) {
  const grp_tmp *x = a, *y = b;
  if (x->n_outlets != y->n_outlets) return x->n_outlets > y->n_outlets ? -1 : 1;
  if (x->n != y->n) return x->n > y->n ? -1 : 1;
  const precis_quote *p = &ql->units[x->members[0]].q;
  const precis_quote *q = &ql->units[y->members[0]].q;
  if (p->doc != q->doc) return p->doc < q->doc ? -1 : 1;
  return p->offset < q->offset ? -1 : p->offset > q->offset;
}

/* Insertion-free merge sort would do; groups are few, so a simple
 * insertion sort with the ledger as context keeps qsort's lack of a
 * context argument out of the way. */
static void S_sort_groups(grp_tmp *g, size_t n, const quote_ledger *ql) {
  for (size_t i = 1; i < n; i++) {
    grp_tmp v = g[i];
    size_t j = i;
    while (j > 0 && S_cmp_grp(&g[j - 1], &v, ql) > 0) {
      g[j] = g[j - 1];
      j--;
    }
    g[j] = v;
  }
}

/* The most complete variant: covers most terms two articles share. */
static size_t S_best(const quote_ledger *ql, const grp_tmp *G, long *first_doc,
                     unsigned char *multi) {
  for (size_t v = 0; v < G->n; v++) {
    const quote_unit *u = &ql->units[G->members[v]];
    for (uint32_t k = 0; k < u->nterms; k++) {
      uint32_t t = u->terms[k];
      if (first_doc[t] < 0)
        first_doc[t] = (long)u->q.doc;
      else if ((size_t)first_doc[t] != u->q.doc)
        multi[t] = 1;
    }
  }
  size_t best = 0, best_cov = 0, best_nt = 0, best_len = 0;
  for (size_t v = 0; v < G->n; v++) {
    const quote_unit *u = &ql->units[G->members[v]];
    size_t cov = 0;
    for (uint32_t k = 0; k < u->nterms; k++)
      cov += multi[u->terms[k]];
    if (v == 0 || cov > best_cov ||
        (cov == best_cov && (u->nterms > best_nt ||
                             (u->nterms == best_nt && u->q.len > best_len)))) {
      best = v;
      best_cov = cov;
      best_nt = u->nterms;
      best_len = u->q.len;
    }
  }
  for (size_t v = 0; v < G->n; v++) {
    const quote_unit *u = &ql->units[G->members[v]];
    for (uint32_t k = 0; k < u->nterms; k++) {
      first_doc[u->terms[k]] = -1;
      multi[u->terms[k]] = 0;
    }
  }
  return best;
}

/* The group's speaker: most frequent surname, in its longest form; a
 * title phrase only when no variant names anyone. */
static const char *S_group_speaker(const quote_ledger *ql, const grp_tmp *G) {
  const char *bs = NULL;
  size_t bcount = 0;
  for (size_t v = 0; v < G->n; v++) {
    const char *k1;
    size_t k1n;
    S_surname(ql->units[G->members[v]].q.speaker, &k1, &k1n);
    if (!k1) continue;
    size_t count = 0;
    const char *longest = NULL;
    for (size_t w = 0; w < G->n; w++) {
      const char *sp = ql->units[G->members[w]].q.speaker;
      const char *k2;
      size_t k2n;
      S_surname(sp, &k2, &k2n);
      if (k2 && k2n == k1n && memcmp(k1, k2, k1n) == 0) {
        count++;
        if (!longest || strlen(sp) > strlen(longest)) longest = sp;
      }
    }
    if (count > bcount) {
      bcount = count;
      bs = longest;
    }
  }
  for (size_t v = 0; v < G->n && !bs; v++)
    bs = ql->units[G->members[v]].q.speaker;
  return bs;
}

static precis_status S_groups(const precis_cluster *c, arena *mem,
                              quote_ledger *ql, size_t *parent) {
  size_t n = ql->n, L = c->nlocal;
  size_t *slot = malloc((n + 1) * sizeof *slot);
  size_t *cnt = calloc(n + 1, sizeof *cnt);
  size_t *members = malloc((n + 1) * sizeof *members);
  long *first_doc = malloc((L + 1) * sizeof *first_doc);
  unsigned char *multi = calloc(L + 1, 1);
  grp_tmp *gs = NULL;
  precis_status st = PRECIS_ERR_NOMEM;
  if (!slot || !cnt || !members || !first_doc || !multi) goto out;
  size_t ng = 0;
  for (size_t i = 0; i < n; i++) {
    size_t r = S_find(parent, i);
    if (cnt[r]++ == 0) ng++;
  }
  gs = calloc(ng + 1, sizeof *gs);
  if (!gs) goto out;
  for (size_t i = 0; i < n; i++)
    slot[i] = SIZE_MAX;
  size_t g = 0, used = 0;
  for (size_t i = 0; i < n; i++) {
    size_t r = S_find(parent, i);
    if (slot[r] == SIZE_MAX) {
      slot[r] = g;
      gs[g].members = members + used;
      used += cnt[r];
      g++;
    }
    grp_tmp *G = &gs[slot[r]];
    G->members[G->n++] = i;
  }
  for (size_t l = 0; l < L; l++)
    first_doc[l] = -1;
  for (g = 0; g < ng; g++) {
    grp_tmp *G = &gs[g];
    for (size_t v = 0; v < G->n; v++)
      if (v == 0 ||
          ql->units[G->members[v]].q.doc != ql->units[G->members[v - 1]].q.doc)
        G->n_outlets++;
    G->best = S_best(ql, G, first_doc, multi);
    G->speaker = S_group_speaker(ql, G);
  }
  S_sort_groups(gs, ng, ql);
  ql->groups = arena_calloc(mem, ng + 1, sizeof *ql->groups);
  const precis_quote **pool = arena_calloc(mem, n + 1, sizeof *pool);
  if (!ql->groups || !pool) goto out;
  used = 0;
  for (g = 0; g < ng; g++) {
    precis_quote_group *P = &ql->groups[g];
    const precis_quote **vv = pool + used;
    for (size_t v = 0; v < gs[g].n; v++) {
      vv[v] = &ql->units[gs[g].members[v]].q;
      ql->units[gs[g].members[v]].group = g;
    }
    used += gs[g].n;
    P->variants = vv;
    P->n_variants = gs[g].n;
    P->best = gs[g].best;
    P->speaker = gs[g].speaker;
    P->n_outlets = gs[g].n_outlets;
  }
  ql->ngroups = ng;
  st = PRECIS_OK;
out:
  free(slot);
  free(cnt);
  free(members);
  free(first_doc);
  free(multi);
  free(gs);
  return st;
}

precis_status quotes_build(const precis_cluster *c, arena *mem,
                           quote_ledger *out) {
  memset(out, 0, sizeof *out);
  ctx x;
  memset(&x, 0, sizeof x);
  x.c = c;
  x.mem = mem;
  x.ql = out;
  precis_status st = PRECIS_OK;
  size_t *parent = NULL;
  for (size_t d = 0; d < c->ndocs && st == PRECIS_OK; d++)
    st = S_article(&x, d);
  free(x.w.v);
  if (st != PRECIS_OK) goto fail;
  st = S_canonicalize(c, out);
  if (st != PRECIS_OK) goto fail;
  parent = malloc((out->n + 1) * sizeof *parent);
  if (!parent) {
    st = PRECIS_ERR_NOMEM;
    goto fail;
  }
  for (size_t i = 0; i < out->n; i++)
    parent[i] = i;
  st = S_link(c, out, parent);
  if (st == PRECIS_OK) st = S_groups(c, mem, out, parent);
  free(parent);
  if (st == PRECIS_OK) return PRECIS_OK;
fail:
  quotes_free(out);
  return st;
}

void quotes_free(quote_ledger *ql) {
  if (!ql) return;
  free(ql->units);
  memset(ql, 0, sizeof *ql);
}
