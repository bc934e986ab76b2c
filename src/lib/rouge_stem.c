/* rouge_stem.c — the Porter stemmer exactly as ROUGE-1.5.5 applies it.
 *
 * SPEC §6.2. This is the classic five-step Porter algorithm with the
 * three ROUGE differences of SPEC §6.3:
 *   - step 2 also maps "bli" -> "ble" and "logi" -> "log";
 *   - step 1b undoubles every doubled character except a e i o u y l s z
 *     (digits included);
 *   - step 4 is a cascade of three checks (4a list, then "ment", then
 *     "ent" / "sion" / "tion"), each seeing the result of the previous.
 * The caller (rouge_lex.c) handles the length > 3 rule and the exception
 * table; here a word is a lowercase string of [a-z0-9].
 *
 * "Vowel" follows Porter: a e i o u, and y when it is not the first
 * character and follows a consonant. The flags are computed left to
 * right (no recursion), so a long run of y's costs nothing special.
 */
#include <string.h>

#include "rouge.h"

/* Is w[i] a vowel, given whether w[i-1] is one? */
static int vowel_at(const char *w, size_t i, int prev_vowel) {
  switch (w[i]) {
  case 'a':
  case 'e':
  case 'i':
  case 'o':
  case 'u':
    return 1;
  case 'y':
    return i > 0 && !prev_vowel;
  default:
    return 0;
  }
}

/* m(w[0..n)): the number of vowel->consonant transitions. */
static size_t measure(const char *w, size_t n) {
  size_t m = 0;
  int prev = 0;
  for (size_t i = 0; i < n; i++) {
    int v = vowel_at(w, i, prev);
    if (i > 0 && prev && !v) m++;
    prev = v;
  }
  return m;
}

static int has_vowel(const char *w, size_t n) {
  int prev = 0;
  for (size_t i = 0; i < n; i++) {
    prev = vowel_at(w, i, prev);
    if (prev) return 1;
  }
  return 0;
}

/* short(w[0..n)): consonants, exactly one vowel, then one consonant
 * that is not w, x or y (the whole string). */
static int is_short(const char *w, size_t n) {
  if (n < 3) return 0;
  int prev = 0;
  for (size_t i = 0; i < n; i++) {
    int v = vowel_at(w, i, prev);
    if (i == n - 2) {
      if (!v) return 0;
    } else if (v) {
      return 0;
    }
    prev = v;
  }
  char c = w[n - 1];
  return c != 'w' && c != 'x' && c != 'y';
}

static int ends(const char *w, size_t n, const char *suf, size_t sl) {
  return n >= sl && memcmp(w + n - sl, suf, sl) == 0;
}

#define ENDS(w, n, lit) ends((w), (n), (lit), sizeof(lit) - 1)

typedef struct rule {
  const char *suf;
  const char *rep;
} rule;

/* Longest suffix of the table that w ends with; only that one is tried,
 * replaced when m(stem) > min_m. Returns the new length. */
static size_t apply_rules(char *w, size_t n, const rule *rules,
                          size_t n_rules, size_t min_m) {
  const rule *best = NULL;
  size_t best_len = 0;
  for (size_t i = 0; i < n_rules; i++) {
    size_t sl = strlen(rules[i].suf);
    if (sl > best_len && ends(w, n, rules[i].suf, sl)) {
      best = &rules[i];
      best_len = sl;
    }
  }
  if (!best) return n;
  size_t stem = n - best_len;
  if (measure(w, stem) <= min_m) return n;
  size_t rl = strlen(best->rep);
  memcpy(w + stem, best->rep, rl); /* never longer than the suffix */
  return stem + rl;
}

static const rule step2_rules[] = {
    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"},
    {"anci", "ance"},   {"izer", "ize"},    {"bli", "ble"},
    {"alli", "al"},     {"entli", "ent"},   {"eli", "e"},
    {"ousli", "ous"},   {"ization", "ize"}, {"ation", "ate"},
    {"ator", "ate"},    {"alism", "al"},    {"iveness", "ive"},
    {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"},
    {"iviti", "ive"},   {"biliti", "ble"},  {"logi", "log"},
};

static const rule step3_rules[] = {
    {"icate", "ic"}, {"iciti", "ic"}, {"ative", ""}, {"ical", "ic"},
    {"alize", "al"}, {"ful", ""},     {"ness", ""},
};

static const rule step4a_rules[] = {
    {"al", ""},   {"ance", ""}, {"ence", ""}, {"er", ""},   {"ic", ""},
    {"able", ""}, {"ible", ""}, {"ant", ""},  {"ement", ""}, {"ou", ""},
    {"ism", ""},  {"ate", ""},  {"iti", ""},  {"ous", ""},  {"ive", ""},
    {"ize", ""},
};

#define N_RULES(a) (sizeof(a) / sizeof((a)[0]))

static size_t step1ab(char *w, size_t n) {
  /* 1a */
  if (ENDS(w, n, "sses") || ENDS(w, n, "ies"))
    n -= 2;
  else if (ENDS(w, n, "s") && !(n >= 2 && w[n - 2] == 's'))
    n -= 1;
  /* 1b */
  if (ENDS(w, n, "eed")) {
    if (measure(w, n - 3) > 0) n -= 1;
    return n;
  }
  size_t sl = 0;
  if (ENDS(w, n, "ed"))
    sl = 2;
  else if (ENDS(w, n, "ing"))
    sl = 3;
  if (sl == 0 || !has_vowel(w, n - sl)) return n;
  n -= sl;
  if (ENDS(w, n, "at") || ENDS(w, n, "bl") || ENDS(w, n, "iz")) {
    w[n++] = 'e';
  } else if (n >= 2 && w[n - 1] == w[n - 2] &&
             !memchr("aeiouylsz", w[n - 1], 9)) {
    n -= 1;
  } else if (is_short(w, n)) {
    w[n++] = 'e';
  }
  return n;
}

static size_t step4(char *w, size_t n) {
  n = apply_rules(w, n, step4a_rules, N_RULES(step4a_rules), 1);
  if (ENDS(w, n, "ment") && measure(w, n - 4) > 1) n -= 4;
  if (ENDS(w, n, "ent")) {
    if (measure(w, n - 3) > 1) n -= 3;
  } else if (ENDS(w, n, "sion") || ENDS(w, n, "tion")) {
    if (measure(w, n - 3) > 1) n -= 3;
  }
  return n;
}

static size_t step5(char *w, size_t n) {
  if (ENDS(w, n, "e")) {
    size_t a = measure(w, n - 1);
    if (a > 1 || (a == 1 && !is_short(w, n - 1))) n -= 1;
  }
  if (ENDS(w, n, "ll") && measure(w, n) > 1) n -= 1;
  return n;
}

size_t rouge_porter(char *w, size_t n) {
  if (n < 3) return n;
  n = step1ab(w, n);
  /* 1c */
  if (ENDS(w, n, "y") && has_vowel(w, n - 1)) w[n - 1] = 'i';
  n = apply_rules(w, n, step2_rules, N_RULES(step2_rules), 0);
  n = apply_rules(w, n, step3_rules, N_RULES(step3_rules), 0);
  n = step4(w, n);
  n = step5(w, n);
  return n;
}
