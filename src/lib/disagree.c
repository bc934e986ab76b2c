/* disagree.c — figures that differ between outlets for the same fact.
 *
 * Precision first: a difference is reported only when two sentences of
 * different articles can be aligned with confidence and give different
 * figures for the same head noun.
 *
 * Figures. In every selectable sentence (never boilerplate): numbers in
 * digits ("60", "2.5", "2,000") or words ("sixty-five", "twelve"), with a
 * scale word ("2.5 million"), currency ("$2.5 million", "2.5 million
 * dollars": money), percent ("20%", "20 per cent"), times of day ("2:40
 * a.m.", "04:00"; in minutes), dates ("March 10", "10 March"; month * 100
 * + day) and years (1900-2100 with no noun after them). Money may have
 * a space after its sign ("$ 1.7 billion", tokenized text); its value
 * includes the scale word. A count's head is the word after it ("60
 * firefighters"), with the next one as a second chance ("14 fire
 * engines" meets "14 engines"). Not figures: identifiers ("Warehouse 7",
 * "Berth 4", "G20"), ranks and labels after a word such as "no", "top",
 * "ranked", "game", "route" (S_label_word), ordinals, "one", ages
 * ("34-year-old", "71 years old", "aged 34", "ages 8"), ranges ("5-7",
 * "between 5 and 7", "18 months to four years", "15 years to life")
 * and the parts of a composite duration ("9 hours, 12 minutes, 40
 * seconds": race times). Marked: a count of time units is a span ("17
 * years"), a count followed by "per ..." or "an hour" is a rate ("miles
 * per hour" never meets "miles"), a figure after a word of change ("rose
 * by", "up", "fell") is a change and meets only changes. Qualifiers are
 * kept: "more than", "over", "at least" make a lower bound, "nearly",
 * "almost", "up to", "under" an upper bound; "about", "some" ... an
 * approximation. A figure with any qualifier never contradicts another
 * (it is shown when an exact pair differs).
 *
 * Alignment. Two figures of different articles with the same head (or
 * kind, for times, dates and years) are aligned when their sentences,
 * without numbers and head words, are strongly alike (term cosine of at
 * least 0.45, four shared terms, figures near each other), or, for counts
 * and money, weakly alike (cosine 0.15, one shared term) but anchored by
 * another figure of equal value ("reported at 2:40 a.m." in both). The
 * anchor may also be a time of day or date in the sentence right before
 * either figure's sentence in its article ("The fire was reported at
 * 2:40 a.m. Sixty firefighters were sent."), unless that sentence gives
 * a figure of the compared head itself. Times, dates and years need the
 * strong test. Two different figures align only as one fact: same
 * modifiers (S_modifiers_ok), currency,
 * scale and values within a factor of two (S_same_unit), same time frame
 * (S_same_frame: "last year", "record"... unless the sentences are
 * near-identical; the moment of a price, "closing" against "after hours",
 * and the state of a figure, "initially", "revised", "estimated",
 * always), and for dates,
 * years and spans near-identical sentences only. Times of day never
 * differ (each advisory or update has its own). Two exact figures
 * conflict unless one is the other rounded to its written precision ("3
 * billion" and "3.2 billion", "95%" and "94.8%") or either sentence also
 * gives the other value (a part and its whole: "three calves ... all six
 * thrived"). Aligned figures form components (union-find); a component
 * in which two aligned figures conflict is a disagreement, listed with
 * all its figures side by side, unless one outlet gives two different
 * figures (bounds aside) in it.
 */
#include "disagree.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "token.h"
#include "vec.h"

enum { K_COUNT = 0, K_MONEY, K_PERCENT, K_TIME, K_DATE, K_YEAR };
static const char *const k_kind_names[] = {"count", "money", "percent",
                                           "time",  "date",  "year"};

#define NO_TERM UINT32_MAX
#define NEAR_IDENTICAL 0.7 /* context cosine of near-identical sentences */
/* figures per cluster, shared evenly by the articles; an article's later
 * figures are ignored */
#define MAX_FIGURES 5000

typedef struct fig {
  precis_figure f;
  uint32_t sent;         /* index into c->sents */
  uint32_t head, alt;    /* local term ids of the head word(s) */
  size_t head_s, head_e; /* the head word as written */
  int kind;
  int bound;             /* +1 lower bound, -1 upper bound, 0 none */
  const char *cur;       /* currency of money, else NULL */
  double scale;          /* scale word ("million"), else 0 */
  int rate;              /* a rate: "miles per hour", "mph" */
  int delta;             /* a change: "rose by 5 percent", "up 20%" */
  double mant;           /* the number as written, before its scale word */
  int dec;               /* its digits after the decimal point */
  int span;              /* a count of time units: "17 years" */
  uint32_t tok_s, tok_e; /* its tokens [tok_s, tok_e] */
} fig;

typedef struct figs {
  fig *v;
  size_t n, cap;
} figs;

static const char *const k_units[] = {
    "zero",     "one",      "two",      "three",   "four",    "five",
    "six",      "seven",    "eight",    "nine",    "ten",     "eleven",
    "twelve",   "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", NULL};
static const char *const k_tens[] = {"",       "",       "twenty", "thirty",
                                     "forty",  "fifty",  "sixty",  "seventy",
                                     "eighty", "ninety", NULL};

/* Value of a number word, or -1. */
static int S_word_value(const tok *t) {
  if (t->len < 3 || t->len > 9) return -1;
  char c0 = t->p[0];
  if (c0 >= 'A' && c0 <= 'Z') c0 = (char)(c0 + 32);
  if (!strchr("zotfsenw", c0)) return -1;
  for (int i = 0; k_units[i]; i++)
    if (tok_is(t, k_units[i])) return i;
  for (int i = 2; k_tens[i]; i++)
    if (tok_is(t, k_tens[i])) return 10 * i;
  return -1;
}

static const char *const k_months[] = {
    "january", "february",  "march",   "april",    "may",      "june", "july",
    "august",  "september", "october", "november", "december", NULL};

static int S_month(const tok *t) {
  if (t->len < 3 || t->len > 9) return 0;
  for (int i = 0; k_months[i]; i++)
    if (tok_is(t, k_months[i])) return i + 1;
  return 0;
}

static int S_is_digit_tok(const tok *t) {
  return t->len && t->p[0] >= '0' && t->p[0] <= '9';
}

/* A digits token made only of digits, ',' and '.'. */
static int S_parse_digits(const tok *t, double *v) {
  char tmp[40];
  size_t m = 0;
  if (t->len >= sizeof tmp) return 0;
  for (size_t i = 0; i < t->len; i++) {
    char ch = t->p[i];
    if (ch == ',') continue;
    if (!((ch >= '0' && ch <= '9') || ch == '.')) return 0;
    tmp[m++] = ch;
  }
  tmp[m] = '\0';
  if (!m || tmp[m - 1] == '.') return 0;
  char *end;
  *v = strtod(tmp, &end);
  return *end == '\0';
}

/* Bytes between token a's end and token b's start. */
static void S_gap(const tok *a, const tok *b, const char **g, size_t *n) {
  *g = a->p + a->len;
  *n = b->p >= *g ? (size_t)(b->p - *g) : 0;
}

static int S_gap_is(const tok *a, const tok *b, const char *w) {
  const char *g;
  size_t n;
  S_gap(a, b, &g, &n);
  return n == strlen(w) && memcmp(g, w, n) == 0;
}

static double S_scale(const tok *t) {
  if (tok_is(t, "million") || tok_is(t, "m")) return 1e6;
  if (tok_is(t, "billion") || tok_is(t, "bn")) return 1e9;
  if (tok_is(t, "trillion")) return 1e12;
  if (tok_is(t, "thousand")) return 1e3;
  if (tok_is(t, "hundred")) return 1e2;
  return 0;
}

static const char *S_currency(const tok *t) {
  if (tok_is(t, "dollars") || tok_is(t, "dollar")) return "$";
  if (tok_is(t, "euros") || tok_is(t, "euro")) return "EUR";
  if (tok_is(t, "pounds")) return "GBP";
  return NULL;
}

/* A unit of time ("years", "minute"): a count of them is a span. */
static int S_time_unit(const tok *t) {
  static const char *const w[] = {
      "second", "seconds", "minute",  "minutes",   "hour",   "hours", "day",
      "days",   "week",    "weeks",   "month",     "months", "year",  "years",
      "decade", "decades", "century", "centuries", "min",    "mins",  "hr",
      "hrs",    "sec",     "secs",    NULL};
  if (t->len < 2 || t->len > 9) return 0;
  return tok_in(t, w);
}

/* Words before a number that make it a rank, label or identifier. */
static int S_label_word(const tok *t) {
  static const char *const w[] = {
      "no",       "number",    "num",     "rank",     "ranked",     "ranks",
      "top",      "page",      "route",   "highway",  "interstate", "room",
      "apt",      "suite",     "channel", "flight",   "game",       "week",
      "round",    "stage",     "chapter", "section",  "article",    "exit",
      "district", "precinct",  "gate",    "platform", "seat",       "row",
      "lot",      "unit",      "level",   "grade",    "category",   "phase",
      "season",   "episode",   "volume",  "vol",      "part",       "pier",
      "berth",    "warehouse", "hole",    "lane",     "ward",       "division",
      "squad",    "ticket",    "model",   "version",  NULL};
  if (!t->len || t->len > 10) return 0;
  return tok_in(t, w);
}

/* Words before a number (or before "by" and the number) that make it a
 * change, not a level: "rose by 5 percent", "up 20%", "fell 41
 * points". */
static int S_delta_word(const tok *t) {
  static const char *const w[] = {
      "up",       "down",      "rose",      "fell",    "cut",     "gained",
      "lost",     "increased", "decreased", "dropped", "climbed", "jumped",
      "grew",     "declined",  "plunged",   "surged",  "slipped", "tumbled",
      "soared",   "shed",      "added",     "rising",  "falling", "increase",
      "decrease", "drop",      "rise",      "gain",    "loss",    "decline",
      "jump",     "growth",    NULL};
  if (t->len < 2 || t->len > 9) return 0;
  return tok_in(t, w);
}

/* Qualifier in the one or two tokens before index k (within [lo, k)). */
static const char *S_qualifier(const tok *tk, size_t lo, size_t k, int *bound) {
  static const struct {
    const char *a, *b, *name;
    int bound;
  } q[] = {
      {"more", "than", "more than", 1},
      {"at", "least", "at least", 1},
      {"upwards", "of", "upwards of", 1},
      {"fewer", "than", "fewer than", -1},
      {"less", "than", "less than", -1},
      {"up", "to", "up to", -1},
      {NULL, "over", "over", 1},
      {NULL, "nearly", "nearly", -1},
      {NULL, "almost", "almost", -1},
      {NULL, "under", "under", -1},
      {NULL, "about", "about", 0},
      {NULL, "around", "around", 0},
      {NULL, "roughly", "roughly", 0},
      {NULL, "some", "some", 0},
      {NULL, "approximately", "approximately", 0},
      {NULL, "estimated", "an estimated", 0},
  };
  *bound = 0;
  for (size_t i = 0; i < sizeof q / sizeof *q; i++) {
    if (q[i].a) {
      if (k >= lo + 2 && tok_is(&tk[k - 2], q[i].a) &&
          tok_is(&tk[k - 1], q[i].b)) {
        *bound = q[i].bound;
        return q[i].name;
      }
    } else if (k >= lo + 1 && tok_is(&tk[k - 1], q[i].b)) {
      *bound = q[i].bound;
      return q[i].name;
    }
  }
  return NULL;
}

typedef struct scan {
  const precis_cluster *c;
  figs *out;
  uint32_t si;
  const sent *s;
  const char *text;
} scan;

static precis_status S_push(scan *x, fig *f) {
  figs *o = x->out;
  if (o->n >= MAX_FIGURES) return PRECIS_OK;
  precis_status st = vec_reserve(&o->v, &o->cap, o->n + 1, sizeof *o->v, 64);
  if (st != PRECIS_OK) return st;
  f->sent = x->si;
  f->f.doc = x->s->doc;
  f->f.sent_offset = x->s->off;
  f->f.sent_len = x->s->len;
  f->f.kind = k_kind_names[f->kind];
  o->v[o->n++] = *f;
  return PRECIS_OK;
}

/* Is the word usable as a head noun? */
static int S_head_ok(const precis_cluster *c, size_t k) {
  const tok *t = &c->toks[k];
  if (!t->len) return 0;
  unsigned char ch = (unsigned char)t->p[0];
  if (!(ch >= 'a' && ch <= 'z')) return 0;
  if (c->local_stop[c->local[k]]) return 0;
  if (S_month(t) || S_word_value(t) >= 0 || S_scale(t) > 0) return 0;
  if (tok_is(t, "a") || tok_is(t, "p") || tok_is(t, "m")) return 0;
  return 1;
}

static precis_status S_sentence(scan *x) {
  const precis_cluster *c = x->c;
  const sent *s = x->s;
  const tok *tk = c->toks;
  size_t lo = s->tok0, hi = (size_t)s->tok0 + s->ntok;
  const char *base = x->text;
  for (size_t k = lo; k < hi; k++) {
    const tok *t = &tk[k];
    fig f;
    memset(&f, 0, sizeof f);
    f.head = f.alt = NO_TERM;
    double v = 0;
    size_t end = k; /* last token of the figure */
    int digits = S_is_digit_tok(t);
    if (digits) {
      if (!S_parse_digits(t, &v)) continue;
    } else {
      int wv = S_word_value(t);
      if (wv < 2) continue; /* "one" is too often not a number */
      v = wv;
      if (wv >= 20 && k + 1 < hi && S_gap_is(t, &tk[k + 1], "-")) {
        int u = S_word_value(&tk[k + 1]);
        if (u >= 1 && u <= 9) {
          v += u;
          end = k + 1;
        }
      }
    }
    /* identifiers: "Warehouse 7", "Berth 4" (a capitalised word before,
     * not the sentence's first), "#4", "No. 5" */
    if (k > lo) {
      const tok *p = &tk[k - 1];
      unsigned char ch = (unsigned char)p->p[0];
      const char *g;
      size_t gn;
      S_gap(p, t, &g, &gn);
      int month = S_month(p);
      if (!month && ch >= 'A' && ch <= 'Z' && k - 1 > lo && gn == 1) continue;
      if (month && digits && v >= 1 && v <= 31 && v == floor(v)) {
        f.kind = K_DATE;
        f.f.value = month * 100 + v;
        f.f.offset = (size_t)(p->p - base);
        f.f.len = (size_t)(t->p + t->len - p->p);
        f.tok_s = (uint32_t)(k - 1);
        f.tok_e = (uint32_t)k;
        precis_status st = S_push(x, &f);
        if (st != PRECIS_OK) return st;
        continue;
      }
    }
    if (t->p > base && (t->p[-1] == '#')) continue;
    /* ranks, identifiers and numbered things in lower-cased text: "no.
     * 5", "ranked 3", "top 10", "game 5", "route 66" */
    if (k > lo && S_label_word(&tk[k - 1])) continue;
    /* ranges ("nine- to 33-year", "between 5 and 7", "5-7"): no single
     * figure to compare */
    if (k >= lo + 2 &&
        (tok_is(&tk[k - 1], "to") || tok_is(&tk[k - 1], "and")) &&
        (S_is_digit_tok(&tk[k - 2]) || S_word_value(&tk[k - 2]) >= 0 ||
         S_scale(&tk[k - 2]) > 0))
      continue;
    if (end + 2 < hi &&
        (tok_is(&tk[end + 1], "to") || S_gap_is(&tk[end], &tk[end + 1], "-")) &&
        (S_is_digit_tok(&tk[end + 2]) || S_word_value(&tk[end + 2]) >= 0 ||
         S_is_digit_tok(&tk[end + 1])))
      continue;
    if (k > lo && tok_is(&tk[k - 1], "between")) continue;
    size_t fs = (size_t)(t->p - base);
    /* times of day */
    if (digits && v == floor(v) && v <= 24 && end + 2 < hi + 0 &&
        end + 1 < hi && S_gap_is(t, &tk[end + 1], ":") &&
        S_is_digit_tok(&tk[end + 1]) && tk[end + 1].len == 2) {
      double mm;
      if (!S_parse_digits(&tk[end + 1], &mm)) continue;
      double h = v;
      end = end + 1;
      if (end + 2 < hi &&
          (tok_is(&tk[end + 1], "a") || tok_is(&tk[end + 1], "p")) &&
          tok_is(&tk[end + 2], "m")) {
        int pm = tok_is(&tk[end + 1], "p");
        if (h == 12) h = 0;
        if (pm) h += 12;
        end += 2;
      }
      f.kind = K_TIME;
      f.f.value = h * 60 + mm;
    } else if (digits && v == floor(v) && v >= 1 && v <= 12 && end + 2 < hi &&
               (tok_is(&tk[end + 1], "a") || tok_is(&tk[end + 1], "p")) &&
               S_gap_is(&tk[end + 1], &tk[end + 2], ".") &&
               tok_is(&tk[end + 2], "m")) {
      double h = v == 12 ? 0 : v;
      if (tok_is(&tk[end + 1], "p")) h += 12;
      end += 2;
      f.kind = K_TIME;
      f.f.value = h * 60;
    } else if (digits && v >= 1 && v <= 31 && v == floor(v) && end + 1 < hi &&
               S_month(&tk[end + 1]) && S_gap_is(t, &tk[end + 1], " ")) {
      f.kind = K_DATE;
      f.f.value = S_month(&tk[end + 1]) * 100 + v;
      end += 1;
    } else {
      /* scale and currency */
      const char *cur = NULL;
      if (digits && t->p > base) {
        /* the sign, right before the digits or one space before them
         * ("$ 1.7 billion" in tokenized text) */
        const char *q = t->p;
        if (q - base >= 2 && q[-1] == ' ' &&
            (q[-2] == '$' || (unsigned char)q[-2] == 0xA3 ||
             (unsigned char)q[-2] == 0xAC))
          q--;
        unsigned char b1 = (unsigned char)q[-1];
        if (b1 == '$') {
          cur = "$";
          fs = (size_t)(q - base) - 1;
        } else if (q - base >= 2 && (unsigned char)q[-2] == 0xC2 &&
                   b1 == 0xA3) {
          cur = "GBP";
          fs = (size_t)(q - base) - 2;
        } else if (q - base >= 3 && (unsigned char)q[-3] == 0xE2 &&
                   (unsigned char)q[-2] == 0x82 && b1 == 0xAC) {
          cur = "EUR";
          fs = (size_t)(q - base) - 3;
        }
      }
      if (end + 1 < hi && S_gap_is(&tk[end], &tk[end + 1], " ")) {
        double sc = S_scale(&tk[end + 1]);
        if (sc > 0) {
          v *= sc;
          f.scale = sc;
          end++;
        }
      }
      if (!cur && end + 1 < hi && S_currency(&tk[end + 1])) {
        cur = S_currency(&tk[end + 1]);
        end++;
      }
      const char *g;
      size_t gn;
      if (end + 1 < hi)
        S_gap(&tk[end], &tk[end + 1], &g, &gn);
      else {
        g = tk[end].p + tk[end].len;
        gn = 0;
      }
      if (cur) {
        f.kind = K_MONEY;
        f.cur = cur;
      } else if (tk[end].p + tk[end].len < base + s->off + s->len &&
                 tk[end].p[tk[end].len] == '%') {
        f.kind = K_PERCENT;
      } else if (end + 2 < hi && tok_is(&tk[end + 1], "per") &&
                 tok_is(&tk[end + 2], "cent")) {
        f.kind = K_PERCENT;
        end += 2;
      } else if (end + 1 < hi && tok_is(&tk[end + 1], "percent")) {
        f.kind = K_PERCENT;
        end++;
      } else {
        /* a count needs a head noun right after it */
        size_t h = end + 1;
        if (h >= hi || !(gn == 1 && (g[0] == ' ' || g[0] == '-'))) {
          if (digits && v >= 1900 && v <= 2100 && v == floor(v) &&
              t->len == 4) {
            f.kind = K_YEAR;
            f.f.value = v;
            goto emit;
          }
          continue;
        }
        int unit = S_time_unit(&tk[h]);
        /* ages: "34-year-old", "71 years old", "8 months old", "aged 34",
         * "ages 8", "at the age of 34" */
        if (unit && h + 1 < hi && tok_is(&tk[h + 1], "old")) continue;
        if (k > lo && (tok_is(&tk[k - 1], "aged") ||
                       tok_is(&tk[k - 1], "ages") || tok_is(&tk[k - 1], "age")))
          continue;
        if (k >= lo + 2 && tok_is(&tk[k - 2], "age") &&
            tok_is(&tk[k - 1], "of"))
          continue;
        /* ranges through the unit: "18 months to four years", "15
         * years to life" */
        if (h + 2 < hi && tok_is(&tk[h + 1], "to") &&
            (S_is_digit_tok(&tk[h + 2]) || S_word_value(&tk[h + 2]) >= 0 ||
             tok_is(&tk[h + 2], "life")))
          continue;
        /* parts of a composite duration: "9 hours, 12 minutes, 40
         * seconds" (race times, clocks) */
        if (unit) {
          if (k >= lo + 2 && S_time_unit(&tk[k - 1]) &&
              (S_is_digit_tok(&tk[k - 2]) || S_word_value(&tk[k - 2]) >= 0))
            continue;
          size_t n1 = h + 1;
          if (n1 < hi && tok_is(&tk[n1], "and")) n1++;
          if (n1 + 1 < hi &&
              (S_is_digit_tok(&tk[n1]) || S_word_value(&tk[n1]) >= 0) &&
              S_time_unit(&tk[n1 + 1]))
            continue;
        }
        if (!S_head_ok(c, h)) {
          if (digits && v >= 1900 && v <= 2100 && v == floor(v) &&
              t->len == 4 && !(tk[h].p[0] >= 'a' && tk[h].p[0] <= 'z')) {
            f.kind = K_YEAR;
            f.f.value = v;
            goto emit;
          }
          continue;
        }
        f.kind = K_COUNT;
        f.span = unit;
        /* rates: "miles per hour", "miles an hour" are not "miles" */
        if (h + 1 < hi && tok_is(&tk[h + 1], "per")) f.rate = 1;
        if (h + 2 < hi &&
            (tok_is(&tk[h + 1], "a") || tok_is(&tk[h + 1], "an") ||
             tok_is(&tk[h + 1], "each")) &&
            S_time_unit(&tk[h + 2]))
          f.rate = 1;
        f.head = c->local[h];
        f.head_s = (size_t)(tk[h].p - base);
        f.head_e = f.head_s + tk[h].len;
        if (h + 1 < hi && S_gap_is(&tk[h], &tk[h + 1], " ") &&
            S_head_ok(c, h + 1))
          f.alt = c->local[h + 1];
      }
      f.f.value = v;
    }
  emit:
    f.f.qualifier = S_qualifier(tk, lo, k, &f.bound);
    f.mant = f.scale > 0 ? f.f.value / f.scale : f.f.value;
    f.dec = 0;
    if (digits) {
      const char *dot = memchr(t->p, '.', t->len);
      if (dot) f.dec = (int)(t->p + t->len - dot - 1);
    }
    {
      /* the word before, or before the qualifier */
      size_t q = k;
      if (f.f.qualifier) {
        int est = strcmp(f.f.qualifier, "an estimated") == 0;
        q -= !est && strchr(f.f.qualifier, ' ') ? 2 : 1;
        if (est && q > lo && tok_is(&tk[q - 1], "an")) q--;
      }
      if (q > lo + 1 && q <= k && tok_is(&tk[q - 1], "by")) q--;
      if (q > lo && q <= k && S_delta_word(&tk[q - 1])) f.delta = 1;
    }
    f.f.offset = fs;
    f.f.len = (size_t)(tk[end].p + tk[end].len - base) - fs;
    if (f.kind == K_TIME && tok_is(&tk[end], "m") &&
        tk[end].p + 1 < base + s->off + s->len && tk[end].p[1] == '.')
      f.f.len++; /* "a.m." */
    f.tok_s = (uint32_t)k;
    f.tok_e = (uint32_t)end;
    if (f.kind == K_PERCENT && tk[end].p[tk[end].len] == '%') f.f.len++;
    precis_status st = S_push(x, &f);
    if (st != PRECIS_OK) return st;
    k = end;
  }
  return PRECIS_OK;
}

static precis_status S_collect(const precis_cluster *c, figs *out) {
  scan x;
  memset(&x, 0, sizeof x);
  x.c = c;
  x.out = out;
  size_t per_doc = c->ndocs ? MAX_FIGURES / c->ndocs : MAX_FIGURES;
  if (per_doc < 20) per_doc = 20;
  size_t doc_start = 0;
  uint32_t cur = UINT32_MAX;
  for (size_t i = 0; i < c->nsents; i++) {
    const sent *s = &c->sents[i];
    if (!(s->flags & SENT_SELECTABLE)) continue;
    if (s->doc != cur) {
      cur = s->doc;
      doc_start = out->n;
    }
    if (out->n - doc_start >= per_doc) continue;
    x.si = (uint32_t)i;
    x.s = s;
    x.text = c->docs[s->doc].text;
    precis_status st = S_sentence(&x);
    if (st != PRECIS_OK) return st;
  }
  return PRECIS_OK;
}

/* ---- alignment ---- */

static int S_same_head(const fig *a, const fig *b) {
  if (a->kind != b->kind) {
    /* a count and money never meet; percent only with percent */
    return 0;
  }
  if (a->delta != b->delta) return 0; /* a change is not a level */
  if (a->kind != K_COUNT) return 1;
  if (a->rate != b->rate) return 0;
  if (a->head == b->head) return 1;
  if (a->head == b->alt || a->alt == b->head) return 1;
  return 0;
}

/* Term similarity of two sentences without numbers and head words. */
static double S_context(const precis_cluster *c, const unsigned char *skip,
                        const fig *a, const fig *b, uint32_t *shared) {
  const sent *x = &c->sents[a->sent], *y = &c->sents[b->sent];
  double dot = 0, nx = 0, ny = 0;
  uint32_t i = 0, j = 0, sh = 0;
#define SKIP(t) (skip[t] || (t) == a->head || (t) == b->head)
  for (uint32_t k = 0; k < x->nbag; k++)
    if (!SKIP(x->bag_term[k])) nx += (double)x->bag_count[k] * x->bag_count[k];
  for (uint32_t k = 0; k < y->nbag; k++)
    if (!SKIP(y->bag_term[k])) ny += (double)y->bag_count[k] * y->bag_count[k];
  while (i < x->nbag && j < y->nbag) {
    uint32_t ti = x->bag_term[i], tj = y->bag_term[j];
    if (ti == tj) {
      if (!SKIP(ti)) {
        dot += (double)x->bag_count[i] * y->bag_count[j];
        sh++;
      }
      i++;
      j++;
    } else if (ti < tj) {
      i++;
    } else {
      j++;
    }
  }
#undef SKIP
  *shared = sh;
  if (nx == 0 || ny == 0) return 0;
  return dot / sqrt(nx * ny);
}

/* Content words next to the figure (5 before, 3 after, in its
 * sentence), head words aside: do the two figures' neighbourhoods share
 * one? */
static int S_near(const precis_cluster *c, const unsigned char *skip,
                  const fig *a, const fig *b) {
  const sent *x = &c->sents[a->sent], *y = &c->sents[b->sent];
  size_t alo = a->tok_s >= x->tok0 + 5 ? a->tok_s - 5 : x->tok0;
  size_t ahi =
      a->tok_e + 4 < x->tok0 + x->ntok ? a->tok_e + 4 : x->tok0 + x->ntok;
  size_t blo = b->tok_s >= y->tok0 + 5 ? b->tok_s - 5 : y->tok0;
  size_t bhi =
      b->tok_e + 4 < y->tok0 + y->ntok ? b->tok_e + 4 : y->tok0 + y->ntok;
  for (size_t i = alo; i < ahi; i++) {
    if (i >= a->tok_s && i <= a->tok_e) continue;
    uint32_t t = c->local[i];
    if (skip[t] || c->local_stop[t]) continue;
    if (t == a->head || t == b->head || t == a->alt || t == b->alt) continue;
    for (size_t j = blo; j < bhi; j++)
      if (!(j >= b->tok_s && j <= b->tok_e) && c->local[j] == t) return 1;
  }
  return 0;
}

/* A figure other than a and b, of equal value and same head, in sentence
 * sa and in sentence sb; when one of them is a previous sentence (prev),
 * a time of day or a date only. */
static int S_anchor_in(const figs *F, const size_t *first, uint32_t sa,
                       uint32_t sb, const fig *a, const fig *b, int prev) {
  for (size_t i = first[sa]; i < F->n && F->v[i].sent == sa; i++) {
    const fig *p = &F->v[i];
    if (p == a) continue;
    if (prev && p->kind != K_TIME && p->kind != K_DATE) continue;
    for (size_t j = first[sb]; j < F->n && F->v[j].sent == sb; j++) {
      const fig *q = &F->v[j];
      if (q == b) continue;
      if (S_same_head(p, q) && p->f.value == q->f.value) return 1;
    }
  }
  return 0;
}

/* Does sentence si hold a figure of x's head? */
static int S_sent_has_head(const figs *F, const size_t *first, uint32_t si,
                           const fig *x) {
  for (size_t i = first[si]; i < F->n && F->v[i].sent == si; i++)
    if (S_same_head(&F->v[i], x)) return 1;
  return 0;
}

/* Another figure of equal value and same head in both sentences. The
 * sentence right before a figure's sentence in its article counts too
 * ("The fire was reported at 2:40 a.m. Sixty firefighters were sent."
 * against "Crews were called at 2:40 a.m. and 65 firefighters
 * responded"), for a time of day or date only (counts, money and years
 * there were too often another fact: "2014", "61 studies"), and unless
 * it holds a figure of the compared head itself (it states the figure,
 * or a part or whole of it: "61 studies from 14 countries. ... 20
 * studies from nine countries"). */
static int S_anchor(const precis_cluster *c, const figs *F, const size_t *first,
                    const fig *a, const fig *b) {
  uint32_t sa[2] = {a->sent, a->sent}, sb[2] = {b->sent, b->sent};
  size_t na = 1, nb = 1;
  if (c->sents[a->sent].index > 0 && !S_sent_has_head(F, first, a->sent - 1, a))
    sa[na++] = a->sent - 1;
  if (c->sents[b->sent].index > 0 && !S_sent_has_head(F, first, b->sent - 1, b))
    sb[nb++] = b->sent - 1;
  for (size_t i = 0; i < na; i++)
    for (size_t j = 0; j < nb; j++)
      if (S_anchor_in(F, first, sa[i], sb[j], a, b, i + j > 0)) return 1;
  return 0;
}

/* The only figure with its head in its sentence ("from 40 percent to 60
 * percent" compares nothing). */
static int S_solo(const figs *F, const size_t *first, const fig *a) {
  for (size_t i = first[a->sent]; i < F->n && F->v[i].sent == a->sent; i++)
    if (&F->v[i] != a && F->v[i].kind == a->kind && F->v[i].head == a->head)
      return 0;
  return 1;
}

/* Heads agree beyond an adjective: "two big objects" and "four big parts"
 * share "big" only. */
static int S_alt_ok(const fig *a, const fig *b) {
  if (a->kind != K_COUNT) return 1;
  if (a->head != b->head) return 1; /* matched through a second word */
  return a->alt == NO_TERM || b->alt == NO_TERM || a->alt == b->alt;
}

/* Words that qualify a figure without naming a different fact. */
static int S_soft_word(const tok *t) {
  static const char *const w[] = {
      "about",   "around", "roughly", "some",  "approximately", "estimated",
      "nearly",  "almost", "over",    "under", "least",         "than",
      "upwards", "just",   "only",    "up",    "another",       "additional",
      "extra",   "all",    "total",   NULL};
  return tok_in(t, w);
}

static int S_word_gap_ok(const tok *a, const tok *b) {
  const char *g;
  size_t n;
  S_gap(a, b, &g, &n);
  for (size_t i = 0; i < n; i++)
    if (g[i] != ' ' && g[i] != '-') return 0;
  return 1;
}

/* Is local term t somewhere in sentence s? */
static int S_sent_has(const precis_cluster *c, const sent *s, uint32_t t) {
  for (size_t k = s->tok0; k < (size_t)s->tok0 + s->ntok; k++)
    if (c->local[k] == t) return 1;
  return 0;
}

/* Modifiers: the content word right before the figure and, for money and
 * percent, the content words of the three words after it ("$25 million
 * in punitive damages"). A modifier of one figure that the other sentence
 * lacks entirely makes it a different fact ("punitive" vs "total"). */
static int S_modifiers_ok_1(const precis_cluster *c, const unsigned char *skip,
                            const fig *a, const fig *b) {
  const sent *x = &c->sents[a->sent], *y = &c->sents[b->sent];
  const tok *tk = c->toks;
  size_t lo = x->tok0, hi = (size_t)x->tok0 + x->ntok;
  if (a->tok_s > lo && S_word_gap_ok(&tk[a->tok_s - 1], &tk[a->tok_s])) {
    size_t k = a->tok_s - 1;
    uint32_t t = c->local[k];
    unsigned char ch = (unsigned char)tk[k].p[0];
    if (ch >= 'a' && ch <= 'z' && !skip[t] && !c->local_stop[t] &&
        !S_soft_word(&tk[k]) && !S_month(&tk[k]) && !S_sent_has(c, y, t))
      return 0;
  }
  if (a->kind == K_MONEY || a->kind == K_PERCENT) {
    for (size_t k = a->tok_e + 1; k < hi && k <= a->tok_e + 3; k++) {
      if (!S_word_gap_ok(&tk[k - 1], &tk[k])) break;
      uint32_t t = c->local[k];
      unsigned char ch = (unsigned char)tk[k].p[0];
      if (!(ch >= 'a' && ch <= 'z') || skip[t] || c->local_stop[t] ||
          S_soft_word(&tk[k]))
        continue;
      if (!S_sent_has(c, y, t)) return 0;
    }
  }
  return 1;
}

static int S_modifiers_ok(const precis_cluster *c, const unsigned char *skip,
                          const fig *a, const fig *b) {
  return S_modifiers_ok_1(c, skip, a, b) && S_modifiers_ok_1(c, skip, b, a);
}

/* The time frame of a sentence: markers of another event, period,
 * moment or state as bits, and the years it names. A marker is a word, or
 * two words in a row; the words of one marker share its bit. Beside the
 * period ("last year", "this year", "previous", "ago") and superlatives
 * ("record", "largest"): the moment of a price ("closing", "at the close"
 * against "after hours", "late trading", "premarket", "opened at": a
 * share's close and its after-hours price are two figures of one day),
 * and the state of a figure ("initially", "revised", "estimated"). The
 * moments and states (bits 24 to 31, FRAME_MOMENT) must agree even
 * between near-identical sentences. */
#define FRAME_MOMENT 0xff000000u
static const struct {
  const char *a, *b; /* b: NULL for one word */
  int bit;
} k_frame[] = {
    {"previous", NULL, 0},
    {"earlier", NULL, 1},
    {"ago", NULL, 2},
    {"prior", NULL, 3},
    {"former", NULL, 4},
    {"record", NULL, 5},
    {"largest", NULL, 6},
    {"biggest", NULL, 7},
    {"highest", NULL, 8},
    {"lowest", NULL, 9},
    {"smallest", NULL, 10},
    {"before", NULL, 11},
    {"since", NULL, 12},
    {"compared", NULL, 13},
    {"average", NULL, 14},
    {"last", "year", 20},
    {"last", "month", 20},
    {"last", "season", 20},
    {"last", "week", 20},
    {"this", "year", 21},
    {"this", "month", 21},
    {"this", "season", 21},
    {"this", "week", 21},
    /* the moment of a price */
    {"closing", NULL, 24},
    {"closed", "at", 24},
    {"the", "close", 24},
    {"after", "hours", 25},
    {"late", "trading", 25},
    {"extended", "trading", 25},
    {"premarket", NULL, 26},
    {"pre", "market", 26},
    {"opened", "at", 27},
    {"opening", "price", 27},
    /* the state of a figure */
    {"initially", NULL, 28},
    {"originally", NULL, 28},
    {"initial", NULL, 28},
    {"revised", NULL, 29},
    {"estimated", NULL, 30},
    {"estimate", NULL, 30},
    {"estimates", NULL, 30},
    {"projected", NULL, 30},
    /* not "later", "updated", "confirmed": common in any report of a
     * count ("police later said", "confirmed 15 dead"), and a first or
     * estimated figure is told apart by its own marker alone */
};

static unsigned S_frame(const precis_cluster *c, const sent *s, double *years,
                        size_t *ny, size_t maxy) {
  const tok *tk = c->toks;
  size_t lo = s->tok0, hi = (size_t)s->tok0 + s->ntok;
  unsigned m = 0;
  *ny = 0;
  for (size_t k = lo; k < hi; k++) {
    const tok *t = &tk[k];
    for (size_t i = 0; i < sizeof k_frame / sizeof *k_frame; i++)
      if (tok_is(t, k_frame[i].a) &&
          (!k_frame[i].b || (k + 1 < hi && tok_is(&tk[k + 1], k_frame[i].b))))
        m |= 1u << k_frame[i].bit;
    double v;
    if (t->len == 4 && S_is_digit_tok(t) && S_parse_digits(t, &v) &&
        v >= 1900 && v <= 2100 && *ny < maxy) {
      size_t i;
      for (i = 0; i < *ny && years[i] != v; i++) {
      }
      if (i == *ny) years[(*ny)++] = v;
    }
  }
  return m;
}

/* Do the two sentences speak of the same time frame? Same markers, and
 * when both name years, the same years; between near-identical sentences
 * (near), the same moments and states only. */
static int S_same_frame(const precis_cluster *c, const fig *a, const fig *b,
                        int near) {
  double ya[8], yb[8];
  size_t na, nb;
  unsigned ma = S_frame(c, &c->sents[a->sent], ya, &na, 8);
  unsigned mb = S_frame(c, &c->sents[b->sent], yb, &nb, 8);
  if ((ma ^ mb) & (near ? FRAME_MOMENT : ~0u)) return 0;
  if (near) return 1;
  if (na && nb) {
    if (na != nb) return 0;
    for (size_t i = 0; i < na; i++) {
      size_t j;
      for (j = 0; j < nb && yb[j] != ya[i]; j++) {
      }
      if (j == nb) return 0;
    }
  }
  return 1;
}

/* Same unit: currency of money, scale word, and values within a factor
 * of two (7 vs 50 cases, 8 vs 130 mph are other facts, not other
 * figures). */
static int S_same_unit(const fig *a, const fig *b) {
  if (a->kind == K_MONEY && (!a->cur || !b->cur || strcmp(a->cur, b->cur) != 0))
    return 0;
  if (a->scale != b->scale && a->f.value != b->f.value) return 0;
  if (a->kind <= K_PERCENT) {
    double x = fabs(a->f.value), y = fabs(b->f.value);
    double lo = x < y ? x : y, hi = x < y ? y : x;
    if (hi > 2 * lo) return 0;
  }
  return 1;
}

/* Does x's sentence also give value v: a figure of the same kind and
 * value ("given to three calves ... all six thrived": parts of a
 * whole)? */
static int S_sent_has_value(const figs *F, const size_t *first, const fig *x,
                            double v) {
  for (size_t i = first[x->sent]; i < F->n && F->v[i].sent == x->sent; i++)
    if (F->v[i].kind == x->kind && F->v[i].f.value == v) return 1;
  return 0;
}

static int S_conflict(const fig *a, const fig *b) {
  double x = a->f.value, y = b->f.value;
  if (x == y) return 0;
  /* approximations and bounds ("about", "more than") are not exact
   * enough to contradict a figure */
  if (a->f.qualifier || b->f.qualifier) return 0;
  if (a->bound > 0 && y > x) return 0;
  if (a->bound < 0 && y < x) return 0;
  if (b->bound > 0 && x > y) return 0;
  if (b->bound < 0 && x < y) return 0;
  if (a->bound && b->bound) return 0; /* two bounds never conflict surely */
  /* rounding: "3 billion" and "3.2 billion", "95%" and "94.8%" */
  if (a->scale == b->scale && a->dec != b->dec) {
    const fig *r = a->dec < b->dec ? a : b, *p = r == a ? b : a;
    double m = pow(10, r->dec);
    if (fabs(floor(p->mant * m + 0.5) / m - r->mant) < 1e-9) return 0;
  }
  return 1;
}

static size_t S_find(size_t *p, size_t i) {
  while (p[i] != i) {
    p[i] = p[p[i]];
    i = p[i];
  }
  return i;
}

static int S_cmp_fig(const void *a, const void *b) {
  const precis_figure *x = a, *y = b;
  if (x->value != y->value) return x->value < y->value ? -1 : 1;
  if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
  return x->offset < y->offset ? -1 : x->offset > y->offset;
}

precis_status disagree_find(const precis_cluster *c, arena *mem,
                            disagree_set *out) {
  memset(out, 0, sizeof *out);
  figs F = {NULL, 0, 0};
  unsigned char *skip = NULL, *bad = NULL, *solo = NULL;
  size_t *first = NULL, *parent = NULL, *count = NULL;
  precis_status st = S_collect(c, &F);
  if (st != PRECIS_OK || F.n < 2) goto out;
  st = PRECIS_ERR_NOMEM;
  skip = calloc(c->nlocal + 1, 1);
  first = malloc((c->nsents + 1) * sizeof *first);
  parent = malloc(F.n * sizeof *parent);
  bad = calloc(F.n, 1);
  solo = calloc(F.n, 1);
  count = calloc(F.n, sizeof *count);
  if (!skip || !first || !parent || !bad || !count || !solo) goto out;
  for (size_t l = 0; l < c->nlocal; l++) {
    unsigned fl = lex_flags(c->lex, c->local_global[l]);
    size_t n;
    const char *stem = lex_stem(c->lex, c->local_global[l], &n);
    tok t = {stem, (uint32_t)n, 0};
    skip[l] = (fl & TERM_NUMBER) || S_word_value(&t) >= 0 ||
              tok_is(&t, "sixti") || tok_is(&t, "seventi") ||
              tok_is(&t, "eighti") || tok_is(&t, "ninti") ||
              tok_is(&t, "twenti") || tok_is(&t, "thirti") ||
              tok_is(&t, "forti") || tok_is(&t, "fifti") || S_scale(&t) > 0;
  }
  for (size_t i = 0; i < c->nsents; i++)
    first[i] = SIZE_MAX;
  for (size_t i = F.n; i-- > 0;)
    first[F.v[i].sent] = i;
  for (size_t i = 0; i < F.n; i++)
    parent[i] = i;
  for (size_t i = 0; i < F.n; i++)
    solo[i] = (unsigned char)S_solo(&F, first, &F.v[i]);
  for (size_t i = 0; i < F.n; i++) {
    const fig *a = &F.v[i];
    for (size_t j = i + 1; j < F.n; j++) {
      const fig *b = &F.v[j];
      if (a->f.doc == b->f.doc || !S_same_head(a, b)) continue;
      /* lists and comparisons ("from 40 percent to 60 percent") hold no
       * single figure for the fact */
      if (!solo[i] || !solo[j]) continue;
      /* heads met through a second word ("14 fire engines", "14
       * engines") only confirm equal figures */
      if (a->kind == K_COUNT && a->head != b->head && a->f.value != b->f.value)
        continue;
      uint32_t sh;
      double cs = S_context(c, skip, a, b, &sh);
      int anchored = cs >= 0.15 && sh >= 1 && S_anchor(c, &F, first, a, b);
      int strong = cs >= 0.45 && sh >= 4 && S_near(c, skip, a, b);
      int ok = a->kind >= K_TIME ? strong : strong || anchored;
      if (!ok) continue;
      /* one fact: same modifiers, unit and time frame; dates and years
       * differ only between near-identical sentences */
      int differ = a->f.value != b->f.value;
      if (differ) {
        if (!S_same_unit(a, b) || !S_modifiers_ok(c, skip, a, b)) continue;
        if (!S_same_frame(c, a, b, cs >= NEAR_IDENTICAL)) continue;
        if (a->kind >= K_DATE && cs < NEAR_IDENTICAL) continue;
        /* times of day differ with each update and advisory */
        if (a->kind == K_TIME) continue;
        /* spans of time ("served 17 years", "sentenced to 15 years", "four
         * years ago") name many facts: near-identical sentences only */
        if ((a->span || b->span) && cs < NEAR_IDENTICAL) continue;
        if (S_sent_has_value(&F, first, a, b->f.value) ||
            S_sent_has_value(&F, first, b, a->f.value))
          continue;
      }
      size_t ra = S_find(parent, i), rb = S_find(parent, j);
      int conflict = S_conflict(a, b) && S_alt_ok(a, b);
      if (ra != rb) {
        parent[rb] = ra;
        bad[ra] |= bad[rb];
      }
      if (conflict) bad[ra] = 1;
    }
  }
  /* an outlet giving two different figures in one component is not
   * comparing one fact: drop the component */
  for (size_t i = 0; i < F.n; i++) {
    size_t ri = S_find(parent, i);
    if (!bad[ri]) continue;
    for (size_t j = i + 1; j < F.n; j++)
      if (F.v[j].f.doc == F.v[i].f.doc && F.v[j].f.value != F.v[i].f.value &&
          !F.v[i].bound && !F.v[j].bound && S_find(parent, j) == ri) {
        bad[ri] = 0;
        break;
      }
  }
  size_t nd = 0;
  for (size_t i = 0; i < F.n; i++) {
    size_t r = S_find(parent, i);
    if (bad[r] && count[r]++ == 0) nd++;
  }
  out->items = arena_calloc(mem, nd + 1, sizeof *out->items);
  precis_figure *pool = arena_calloc(mem, F.n + 1, sizeof *pool);
  size_t *slot = parent ? malloc(F.n * sizeof *slot) : NULL;
  if (!out->items || !pool || !slot) {
    free(slot);
    goto out;
  }
  for (size_t i = 0; i < F.n; i++)
    slot[i] = SIZE_MAX;
  size_t used = 0;
  for (size_t i = 0; i < F.n; i++) {
    size_t r = S_find(parent, i);
    if (!bad[r]) continue;
    if (slot[r] == SIZE_MAX) {
      slot[r] = out->n++;
      out->items[slot[r]].figures = pool + used;
      used += count[r];
    }
    precis_disagreement *d = &out->items[slot[r]];
    precis_figure *fv = (precis_figure *)(pool + (d->figures - pool));
    fv[d->n_figures++] = F.v[i].f;
    if (!d->what) {
      const char *txt = c->docs[F.v[i].f.doc].text;
      if (F.v[i].kind == K_COUNT) {
        size_t hs = F.v[i].head_s, he = F.v[i].head_e;
        d->what = arena_strndup(mem, txt + hs, he - hs);
      } else {
        d->what = F.v[i].f.kind;
      }
    }
  }
  free(slot);
  for (size_t k = 0; k < out->n; k++) {
    precis_disagreement *d = &out->items[k];
    precis_figure *fv = (precis_figure *)(pool + (d->figures - pool));
    qsort(fv, d->n_figures, sizeof *fv, S_cmp_fig);
    d->n_values = 0;
    for (size_t i = 0; i < d->n_figures; i++)
      if (i == 0 || fv[i].value != fv[i - 1].value) d->n_values++;
    if (!d->what) d->what = "";
  }
  st = PRECIS_OK;
out:
  free(F.v);
  free(skip);
  free(first);
  free(parent);
  free(bad);
  free(solo);
  free(count);
  return st;
}

size_t disagree_figures_at(const precis_cluster *c, arena *mem, size_t di,
                           size_t offset, precis_figure *out, size_t max) {
  (void)mem;
  if (di >= c->ndocs) return 0;
  const doc *d = &c->docs[di];
  for (uint32_t k = 0; k < d->nsent; k++) {
    const sent *s = &c->sents[d->sent0 + k];
    if (offset < s->off || offset >= (size_t)s->off + s->len) continue;
    figs F = {NULL, 0, 0};
    scan x;
    memset(&x, 0, sizeof x);
    x.c = c;
    x.out = &F;
    x.si = d->sent0 + k;
    x.s = s;
    x.text = d->text;
    size_t n = 0;
    if (S_sentence(&x) == PRECIS_OK)
      for (; n < F.n && n < max; n++)
        out[n] = F.v[n].f;
    free(F.v);
    return n;
  }
  return 0;
}
