/* rouge_text.c — from file bytes to ROUGE's two token views of a file.
 *
 * SPEC §3 (units), §4 (limits), §5 (tokens). Everything is bytes.
 *
 * Units: SPL = every LF-separated record with at least one byte (a CR
 * stays); SEE = the text after the `<a name="N">[N]</a> <a href="#N"
 * id=N>` prefix up to the next '<' (the record keeps its LF); ISI = the
 * text of `<S SNTNO="...">text</S>` records.
 *
 * Limits build two views (SPEC §4):
 *   - the flat text (ROUGE-N, S/SU, and the clipping budgets of L/W);
 *   - the unit list (the LCS of ROUGE-L/W).
 * -l n: both views keep whole units while the running word count plus the
 * unit's words stays below n, then the first n - used words of the next
 * unit. A unit starting with whitespace has an extra empty first word.
 * -b n: the flat text keeps whole units while the running byte count
 * plus the unit's length stays below n, then the first n - used bytes;
 * the unit list (the §4.3 quirk) never advances its counter: every unit
 * shorter than n is kept, the first one of n bytes or more is cut to n
 * bytes and ends the list.
 *
 * Tokens (SPEC §5): the maximal runs of [a-z0-9] after mapping A-Z to
 * a-z, each resolved through rouge_lex (stopwords, stemming, interning).
 * Units are joined by spaces in ROUGE's flat text, so no token spans two
 * units and each (cut) unit can be tokenized on its own.
 */
#include <stdlib.h>
#include <string.h>

#include "rouge.h"
#include "vec.h"

/* The six bytes of C's isspace() in the "C" locale (SPEC §0). */
static int is_ws(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
         c == '\r';
}

static precis_status push_unit(rouge_units *out, const char *p, size_t len) {
  precis_status st =
      vec_reserve(&out->u, &out->cap, out->n + 1, sizeof *out->u, 64);
  if (st != PRECIS_OK) return st;
  out->u[out->n].p = p;
  out->u[out->n].len = len;
  out->n++;
  return PRECIS_OK;
}

/* Match literal s at p[*i..end); advance *i on success. */
static int lit(const char *p, size_t end, size_t *i, const char *s) {
  size_t l = strlen(s);
  if (end - *i < l || memcmp(p + *i, s, l) != 0) return 0;
  *i += l;
  return 1;
}

/* One or more bytes of class cls: 'd' digits, 'w' whitespace, 'i' the
 * SNTNO class [0-9a-z,]. */
static int run(const char *p, size_t end, size_t *i, char cls) {
  size_t s = *i;
  while (*i < end) {
    unsigned char c = (unsigned char)p[*i];
    int ok = cls == 'd'   ? (c >= '0' && c <= '9')
             : cls == 'w' ? is_ws(c)
                          : ((c >= '0' && c <= '9') ||
                             (c >= 'a' && c <= 'z') || c == ',');
    if (!ok) break;
    (*i)++;
  }
  return *i > s;
}

/* SEE record (SPEC §3.3); rec includes its LF if any. */
static precis_status see_record(rouge_units *out, const char *p,
                                size_t end) {
  size_t i = 0;
  if (!lit(p, end, &i, "<a ")) return PRECIS_OK;
  if (lit(p, end, &i, "size=\"")) {
    if (!run(p, end, &i, 'd') || !lit(p, end, &i, "\" ")) return PRECIS_OK;
  }
  if (!lit(p, end, &i, "name=\"") || !run(p, end, &i, 'd') ||
      !lit(p, end, &i, "\">[") || !run(p, end, &i, 'd') ||
      !lit(p, end, &i, "]</a>") || !run(p, end, &i, 'w') ||
      !lit(p, end, &i, "<a href=\"#") || !run(p, end, &i, 'd') ||
      !lit(p, end, &i, "\" id=") || !run(p, end, &i, 'd') ||
      !lit(p, end, &i, ">"))
    return PRECIS_OK;
  const char *lt = memchr(p + i, '<', end - i);
  size_t e = lt ? (size_t)(lt - p) : end;
  if (e == i) return PRECIS_OK;
  return push_unit(out, p + i, e - i);
}

/* ISI record (SPEC §3.4). */
static precis_status isi_record(rouge_units *out, const char *p,
                                size_t end) {
  size_t i = 0;
  if (!lit(p, end, &i, "<S SNTNO=\"") || !run(p, end, &i, 'i') ||
      !lit(p, end, &i, "\">"))
    return PRECIS_OK;
  const char *lt = memchr(p + i, '<', end - i);
  if (!lt) return PRECIS_OK;
  size_t e = (size_t)(lt - p), j = e;
  if (!lit(p, end, &j, "</S>") || e == i) return PRECIS_OK;
  return push_unit(out, p + i, e - i);
}

precis_status rouge_split_units(int fmt, const char *text, size_t len,
                                rouge_units *out) {
  size_t i = 0;
  out->n = 0;
  while (i < len) {
    const char *nl = memchr(text + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - text) : len; /* LF position or end */
    const char *rec = text + i;
    size_t rl = e - i;
    i = nl ? e + 1 : len;
    precis_status st = PRECIS_OK;
    if (fmt == PRECIS_ROUGE_SPL) {
      if (rl > 0) st = push_unit(out, rec, rl);
    } else if (fmt == PRECIS_ROUGE_SEE) {
      st = see_record(out, rec, rl + (nl ? 1 : 0));
    } else if (fmt == PRECIS_ROUGE_ISI) {
      st = isi_record(out, rec, rl);
    } else {
      return PRECIS_ERR_INVALID_ARG;
    }
    if (st != PRECIS_OK) return st;
  }
  return PRECIS_OK;
}

/* ---- limits ---- */

/* Number of words of u (SPEC §4.1: split at whitespace runs; a leading
 * empty word counts when any word follows). If k_end is not NULL, *k_end
 * receives the byte length of the prefix holding the first `want` words. */
static size_t words(const char *p, size_t len, size_t want, size_t *k_end) {
  size_t n = 0, i = 0;
  int lead = len > 0 && is_ws((unsigned char)p[0]);
  if (k_end) *k_end = len;
  while (i < len && is_ws((unsigned char)p[i])) i++;
  if (i == len) { /* whitespace only (or empty): no words */
    if (k_end) *k_end = 0;
    return 0;
  }
  if (lead) {
    n = 1; /* the empty first word, which ends at byte 0 */
    if (k_end && want == 1) {
      *k_end = 0;
      k_end = NULL;
    }
  }
  while (i < len) {
    while (i < len && !is_ws((unsigned char)p[i])) i++;
    n++;
    if (k_end && n == want) {
      *k_end = i;
      k_end = NULL;
    }
    while (i < len && is_ws((unsigned char)p[i])) i++;
  }
  if (k_end && want == 0) *k_end = 0;
  return n;
}

/* ---- tokens ---- */

static precis_status grow_u32(uint32_t **a, size_t *cap, size_t need) {
  return vec_reserve(a, cap, need, sizeof **a, 256);
}

/* Append the tokens of p[0..len) to *a. */
static precis_status tokenize(rouge_lex *lx, const char *p, size_t len,
                              uint32_t **a, size_t *n, size_t *cap) {
  char small[64];
  char *piece = small;
  size_t pcap = sizeof small;
  precis_status st = PRECIS_OK;
  size_t i = 0;
  while (i < len) {
    unsigned char c = (unsigned char)p[i];
    int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                (c >= '0' && c <= '9');
    if (!alnum) {
      i++;
      continue;
    }
    size_t s = i;
    while (i < len) {
      c = (unsigned char)p[i];
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            (c >= '0' && c <= '9')))
        break;
      i++;
    }
    size_t pl = i - s;
    if (pl > pcap) {
      char *np = realloc(piece == small ? NULL : piece, pl);
      if (!np) {
        st = PRECIS_ERR_NOMEM;
        break;
      }
      piece = np;
      pcap = pl;
    }
    for (size_t j = 0; j < pl; j++) {
      c = (unsigned char)p[s + j];
      piece[j] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    int32_t id;
    st = rouge_lex_token(lx, piece, pl, &id);
    if (st != PRECIS_OK) break;
    if (id < 0) continue;
    st = grow_u32(a, cap, *n + 1);
    if (st != PRECIS_OK) break;
    (*a)[(*n)++] = (uint32_t)id;
  }
  if (piece != small) free(piece);
  return st;
}

static precis_status end_unit(rouge_doc *d) {
  precis_status st =
      vec_reserve(&d->uoff, &d->cap_uoff, d->n_units + 2, sizeof *d->uoff, 64);
  if (st != PRECIS_OK) return st;
  d->n_units++;
  d->uoff[d->n_units] = d->n_utok;
  return PRECIS_OK;
}

/* Add the prefix p[0..len) as one unit of the unit list. */
static precis_status add_list_unit(rouge_doc *d, rouge_lex *lx,
                                   const char *p, size_t len) {
  precis_status st = tokenize(lx, p, len, &d->utok, &d->n_utok,
                              &d->cap_utok);
  return st != PRECIS_OK ? st : end_unit(d);
}

void rouge_doc_free(rouge_doc *d) {
  free(d->flat);
  free(d->utok);
  free(d->uoff);
  free(d->gram);
  memset(d, 0, sizeof *d);
}

precis_status rouge_doc_build(rouge_doc *d, rouge_lex *lx,
                              const rouge_unit *units, size_t n, long wl,
                              long bl) {
  precis_status st = PRECIS_OK;
  d->n_flat = d->n_utok = d->n_units = 0;
  if ((st = vec_reserve(&d->uoff, &d->cap_uoff, 1, sizeof *d->uoff, 64)) !=
      PRECIS_OK)
    return st;
  d->uoff[0] = 0;
  /* token arrays are never NULL, even for a text with no tokens, so that
   * `utok + uoff[i]` is always defined */
  if ((st = grow_u32(&d->utok, &d->cap_utok, 1)) != PRECIS_OK ||
      (st = grow_u32(&d->flat, &d->cap_flat, 1)) != PRECIS_OK)
    return st;
  if (bl >= 0) {
    /* flat text: the byte counter advances */
    size_t used = 0, lim = (size_t)bl;
    for (size_t i = 0; i < n && st == PRECIS_OK; i++) {
      size_t take = units[i].len;
      int last = !(used + take < lim);
      if (last) take = lim - used;
      st = tokenize(lx, units[i].p, take, &d->flat, &d->n_flat,
                    &d->cap_flat);
      used += take;
      if (last) break;
    }
    /* unit list: the counter never advances (SPEC §4.3) */
    for (size_t i = 0; i < n && st == PRECIS_OK; i++) {
      int last = !(units[i].len < lim);
      st = add_list_unit(d, lx, units[i].p, last ? lim : units[i].len);
      if (last) break;
    }
    return st;
  }
  /* no limit, or -l: both views keep the same (cut) units */
  size_t used = 0;
  for (size_t i = 0; i < n && st == PRECIS_OK; i++) {
    size_t take = units[i].len;
    int last = 0;
    if (wl >= 0) {
      size_t lim = (size_t)wl;
      size_t k = words(units[i].p, units[i].len, 0, NULL);
      if (!(used + k < lim)) {
        last = 1;
        words(units[i].p, units[i].len, lim - used, &take);
      }
      used += k;
    }
    st = add_list_unit(d, lx, units[i].p, take);
    if (last) break;
  }
  if (st == PRECIS_OK) {
    st = grow_u32(&d->flat, &d->cap_flat, d->n_utok);
    if (st == PRECIS_OK && d->n_utok)
      memcpy(d->flat, d->utok, d->n_utok * sizeof *d->flat);
    d->n_flat = d->n_utok;
  }
  return st;
}
