/* token.c — see token.h.
 *
 * Two open-addressing hash tables (word2vec's vocab_hash idea, load <= 0.5):
 * surface form -> term id (the stem cache) and stem -> term id. Strings
 * live in one growing pool and are referred to by offset.
 */
#include "token.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "vec.h"

#include "stopwords.inc"

#define MAX_WORD 64 /* longer "words" are not stemmed */

typedef struct slot {
  uint64_t hash;
  uint32_t off, len; /* key in the pool */
  uint32_t value;    /* term id; UINT32_MAX = empty */
} slot;

typedef struct table {
  slot *slots;
  size_t cap, used;
} table;

typedef struct term_info {
  uint32_t stem_off, stem_len;
  unsigned flags;
} term_info;

struct lexicon {
  table words, stems;
  char *pool;
  size_t pool_len, pool_cap;
  term_info *terms;
  size_t n_terms, terms_cap;
  struct sb_stemmer *stemmer;
};

static uint64_t S_hash(const char *s, size_t n) {
  uint64_t h = 0xcbf29ce484222325ull ^ (uint64_t)n;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 0x100000001b3ull;
  }
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 32;
  return h;
}

static int S_table_init(table *t, size_t cap) {
  t->slots = malloc(cap * sizeof(slot));
  if (!t->slots) return -1;
  for (size_t i = 0; i < cap; i++)
    t->slots[i].value = UINT32_MAX;
  t->cap = cap;
  t->used = 0;
  return 0;
}

static int S_table_grow(table *t) {
  table n;
  if (S_table_init(&n, t->cap * 2) != 0) return -1;
  for (size_t i = 0; i < t->cap; i++) {
    slot *s = &t->slots[i];
    if (s->value == UINT32_MAX) continue;
    size_t j = s->hash & (n.cap - 1);
    while (n.slots[j].value != UINT32_MAX)
      j = (j + 1) & (n.cap - 1);
    n.slots[j] = *s;
  }
  n.used = t->used;
  free(t->slots);
  *t = n;
  return 0;
}

/* Find key; returns the slot (empty if absent). */
static slot *S_find(const lexicon *lx, const table *t, const char *k, size_t n,
                    uint64_t h) {
  size_t j = h & (t->cap - 1);
  for (;;) {
    slot *s = &t->slots[j];
    if (s->value == UINT32_MAX) return s;
    if (s->hash == h && s->len == n && memcmp(lx->pool + s->off, k, n) == 0)
      return s;
    j = (j + 1) & (t->cap - 1);
  }
}

static int S_pool_add(lexicon *lx, const char *s, size_t n, uint32_t *off) {
  if (lx->pool_len + n > UINT32_MAX) return -1;
  if (vec_reserve(&lx->pool, &lx->pool_cap, lx->pool_len + n, 1, 1 << 16) !=
      PRECIS_OK)
    return -1;
  memcpy(lx->pool + lx->pool_len, s, n);
  *off = (uint32_t)lx->pool_len;
  lx->pool_len += n;
  return 0;
}

static uint32_t S_stem_term(lexicon *lx, const char *st, size_t n,
                            unsigned flags);

/* Every stopword's stem is a stop term from the start, whatever other
 * words share it ("can" and "cans", "will" and "wills", "does" and
 * "doe"): a term's flags never depend on the words an earlier cluster of
 * a batch held, so a cluster's brief is the same alone or in any batch.
 * 0, or -1 out of memory. */
static int S_stop_stems(lexicon *lx) {
  for (size_t i = 0; i < sizeof stopwords_en / sizeof *stopwords_en; i++) {
    const char *w = stopwords_en[i];
    const sb_symbol *r =
        sb_stemmer_stem(lx->stemmer, (const sb_symbol *)w, (int)strlen(w));
    const char *st = r ? (const char *)r : w;
    size_t n = r ? (size_t)sb_stemmer_length(lx->stemmer) : strlen(w);
    if (S_stem_term(lx, st, n, TERM_STOP) == UINT32_MAX) return -1;
  }
  return 0;
}

lexicon *lex_new(void) {
  lexicon *lx = calloc(1, sizeof *lx);
  if (!lx) return NULL;
  lx->pool_cap = 1 << 16;
  lx->pool = malloc(lx->pool_cap);
  lx->terms_cap = 1024;
  lx->terms = malloc(lx->terms_cap * sizeof(term_info));
  lx->stemmer = sb_stemmer_new("english", "UTF_8");
  if (!lx->pool || !lx->terms || !lx->stemmer ||
      S_table_init(&lx->words, 1 << 12) != 0 ||
      S_table_init(&lx->stems, 1 << 12) != 0 || S_stop_stems(lx) != 0) {
    lex_free(lx);
    return NULL;
  }
  return lx;
}

void lex_free(lexicon *lx) {
  if (!lx) return;
  free(lx->words.slots);
  free(lx->stems.slots);
  free(lx->pool);
  free(lx->terms);
  if (lx->stemmer) sb_stemmer_delete(lx->stemmer);
  free(lx);
}

size_t lex_size(const lexicon *lx) {
  return lx->n_terms;
}

unsigned lex_flags(const lexicon *lx, uint32_t term) {
  return lx->terms[term].flags;
}

const char *lex_stem(const lexicon *lx, uint32_t term, size_t *len) {
  *len = lx->terms[term].stem_len;
  return lx->pool + lx->terms[term].stem_off;
}

static int S_cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int S_is_stopword(const char *w, size_t n) {
  char key[16];
  if (n >= sizeof key) return 0;
  memcpy(key, w, n);
  key[n] = '\0';
  const char *kp = key;
  return bsearch(&kp, stopwords_en, sizeof stopwords_en / sizeof *stopwords_en,
                 sizeof *stopwords_en, S_cmp_str) != NULL;
}

/* Term id of a stem, creating it. UINT32_MAX on OOM. */
static uint32_t S_stem_term(lexicon *lx, const char *st, size_t n,
                            unsigned flags) {
  uint64_t h = S_hash(st, n);
  slot *s = S_find(lx, &lx->stems, st, n, h);
  if (s->value != UINT32_MAX) return s->value; /* flags set at creation */
  if (vec_reserve(&lx->terms, &lx->terms_cap, lx->n_terms + 1,
                  sizeof *lx->terms, 1024) != PRECIS_OK)
    return UINT32_MAX;
  uint32_t off;
  if (S_pool_add(lx, st, n, &off) != 0) return UINT32_MAX;
  uint32_t id = (uint32_t)lx->n_terms++;
  lx->terms[id].stem_off = off;
  lx->terms[id].stem_len = (uint32_t)n;
  lx->terms[id].flags = flags;
  s->hash = h;
  s->off = off;
  s->len = (uint32_t)n;
  s->value = id;
  if (++lx->stems.used * 2 > lx->stems.cap && S_table_grow(&lx->stems) != 0)
    return UINT32_MAX;
  return id;
}

/* Term id of a lower-cased surface word of hash h. UINT32_MAX on OOM. */
static uint32_t S_word_term(lexicon *lx, const char *w, size_t n,
                            uint64_t h) {
  slot *s = S_find(lx, &lx->words, w, n, h);
  if (s->value != UINT32_MAX) return s->value;
  unsigned flags = 0;
  if (w[0] >= '0' && w[0] <= '9') flags |= TERM_NUMBER;
  if (S_is_stopword(w, n)) flags |= TERM_STOP;
  const char *st = w;
  size_t sn = n;
  if (!(flags & TERM_NUMBER) && n <= MAX_WORD) {
    const sb_symbol *r =
        sb_stemmer_stem(lx->stemmer, (const sb_symbol *)w, (int)n);
    if (r) {
      st = (const char *)r;
      sn = (size_t)sb_stemmer_length(lx->stemmer);
    }
  }
  uint32_t id = S_stem_term(lx, st, sn, flags);
  if (id == UINT32_MAX) return id;
  uint32_t off;
  if (S_pool_add(lx, w, n, &off) != 0) return UINT32_MAX;
  s = S_find(lx, &lx->words, w, n, h); /* pool may not move slots; re-find */
  s->hash = h;
  s->off = off;
  s->len = (uint32_t)n;
  s->value = id;
  if (++lx->words.used * 2 > lx->words.cap && S_table_grow(&lx->words) != 0)
    return UINT32_MAX;
  return id;
}

/* Byte classes for ASCII: 1 = letter, 2 = digit. */
static const unsigned char ascii_class[128] = {
    ['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2, ['5'] = 2, ['6'] = 2,
    ['7'] = 2, ['8'] = 2, ['9'] = 2, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1,
    ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1,
    ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
    ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1,
    ['z'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
    ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1,
    ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
    ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
};

/* Is the code point at s a word character? Sets *k to its length. */
static int S_word_char(const unsigned char *s, size_t n, size_t *k,
                       int32_t *cp) {
  if (s[0] < 0x80) {
    *k = 1;
    *cp = s[0];
    return ascii_class[s[0]] != 0;
  }
  utf8proc_int32_t c;
  utf8proc_ssize_t r =
      utf8proc_iterate(s, (utf8proc_ssize_t)(n < 4 ? n : 4), &c);
  if (r <= 0) {
    *k = 1;
    *cp = 0xFFFD;
    return 0;
  }
  *k = (size_t)r;
  *cp = c;
  utf8proc_category_t cat = utf8proc_category(c);
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO);
}

/* Scan the next word of s[*i..len) into low[] (lower-cased, at most
 * MAX_WORD bytes) and its length into *ln_out; *start and the new *i
 * bracket it in s. 0 when no word is left. */
static int S_next_word(const unsigned char *s, size_t len, size_t *i,
                       size_t *start, char *low, size_t *ln_out) {
  size_t k;
  int32_t cp;
  while (*i < len && !S_word_char(s + *i, len - *i, &k, &cp))
    *i += k;
  if (*i >= len) return 0;
  size_t ln = 0;
  *start = *i;
  int digit_start = cp < 0x80 && ascii_class[cp] == 2;
  for (;;) {
    /* lower-case into low[] while it fits */
    if (cp < 0x80) {
      if (ln < MAX_WORD)
        low[ln++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    } else {
      unsigned char enc[4];
      utf8proc_ssize_t e = utf8proc_encode_char(utf8proc_tolower(cp), enc);
      if (ln + (size_t)e <= MAX_WORD) {
        memcpy(low + ln, enc, (size_t)e);
        ln += (size_t)e;
      }
    }
    *i += k;
    if (*i >= len) break;
    if (!S_word_char(s + *i, len - *i, &k, &cp)) {
      /* numbers keep inner '.' and ',' before a digit: 1.5, 2,000 */
      if (digit_start && (s[*i] == '.' || s[*i] == ',') && *i + 1 < len &&
          s[*i + 1] >= '0' && s[*i + 1] <= '9') {
        cp = s[*i];
        k = 1;
        continue;
      }
      break;
    }
  }
  *ln_out = ln;
  return 1;
}

/* Words are scanned up to TOK_BATCH ahead of their lookups and the first
 * slot each will probe in the word table is prefetched, so that the
 * table's cache misses (it is ~3 MB on Multi-News val, past L2) overlap
 * instead of coming one after another. Lookups and emits still go one
 * token at a time and in order, so term ids come out as before. The
 * prefetch is only a hint: if an insertion grows the table meanwhile, the
 * lookup probes the new one. */
#define TOK_BATCH 16

precis_status tokenize(lexicon *lx, const char *text, size_t len,
                       tok_emit_fn emit, void *ctx) {
  const unsigned char *s = (const unsigned char *)text;
  struct {
    size_t start, end;
    size_t ln;
    uint64_t h;
    char low[MAX_WORD + 8];
  } b[TOK_BATCH];
  size_t i = 0;
  while (i < len) {
    size_t nb = 0, ln;
    while (nb < TOK_BATCH &&
           S_next_word(s, len, &i, &b[nb].start, b[nb].low, &ln)) {
      b[nb].end = i;
      b[nb].ln = ln;
      b[nb].h = S_hash(b[nb].low, ln);
#if defined(__GNUC__) || defined(__clang__)
      __builtin_prefetch(&lx->words.slots[b[nb].h & (lx->words.cap - 1)]);
#endif
      nb++;
    }
    for (size_t j = 0; j < nb; j++) {
      uint32_t term = S_word_term(lx, b[j].low, b[j].ln, b[j].h);
      if (term == UINT32_MAX) return PRECIS_ERR_NOMEM;
      tok t = {text + b[j].start, (uint32_t)(b[j].end - b[j].start), term};
      precis_status st = emit(ctx, &t);
      if (st != PRECIS_OK) return st;
    }
  }
  return PRECIS_OK;
}

int tok_is(const tok *t, const char *lower) {
  size_t i = 0;
  for (; i < t->len && lower[i]; i++) {
    char ch = t->p[i];
    if (ch >= 'A' && ch <= 'Z') ch = (char)(ch + 32);
    if (ch != lower[i]) return 0;
  }
  return i == t->len && lower[i] == '\0';
}

int tok_in(const tok *t, const char *const *words) {
  if (t->len == 0) { /* only an empty word matches */
    for (size_t i = 0; words[i]; i++)
      if (!words[i][0]) return 1;
    return 0;
  }
  /* the first byte, lowered as tok_is lowers it, rules out most words
   * without a call (the lists are read for every token of a sentence) */
  char c0 = t->p[0];
  if (c0 >= 'A' && c0 <= 'Z') c0 = (char)(c0 + 32);
  for (size_t i = 0; words[i]; i++)
    if (words[i][0] == c0 && tok_is(t, words[i])) return 1;
  return 0;
}

uint32_t count_words(const char *s, size_t n) {
  uint32_t w = 0;
  int in = 0;
  for (size_t i = 0; i < n; i++) {
    int sp = s[i] == ' ' || s[i] == '\n';
    if (!sp && !in) w++;
    in = !sp;
  }
  return w;
}
