/* rouge_boot.c — ROUGE-1.5.5 rounding and system-level averages.
 *
 * Rounding (SPEC §13): every printed number is printf("%.5f") of a
 * double (glibc: correctly rounded, binary ties to even). R and P are
 * rounded first; F is computed from the rounded values and rounded
 * again. We keep num(round5(x)) as the double nearest to the printed
 * string, so printing it with %.5f gives the same string back.
 *
 * Averages and intervals (SPEC §15): for resample s = 0 .. R-1 the
 * generator is Perl's drand48 reseeded with s (state = s << 16 | 0x330E,
 * state = state * 0x5DEECE66D + 0xB mod 2^48); each of the N draws picks
 * instance (int)(N * u) of the byte-sorted keys, and the drawn values are
 * summed in draw order. -t 0 averages the (R, P, F) triples; -t 1 sums
 * the raw counts and derives unrounded R, P, F from the sums. The printed
 * average is the mean of the R sample values summed in ascending order;
 * the interval ends interpolate the sorted samples. -t 2 prints only the
 * plain sums of the counts.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "rouge.h"

double rouge_round5(double x) {
  char s[64];
  snprintf(s, sizeof s, "%.5f", x);
  return strtod(s, NULL);
}

double rouge_fscore(double r, double p, double alpha) {
  double den = (1.0 - alpha) * p + alpha * r;
  return den > 0.0 ? rouge_round5((p * r) / den) : 0.0;
}

void rouge_rpf(double h, double m, double p, double alpha, rouge_val *v) {
  v->m = m;
  v->pc = p;
  v->h = h;
  v->r = m != 0.0 ? rouge_round5(h / m) : 0.0;
  v->p = p != 0.0 ? rouge_round5(h / p) : 0.0;
  v->f = rouge_fscore(v->r, v->p, alpha);
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* S[i], or 0 outside 0 .. n-1 (Perl reads a missing element as 0). */
static double at(const double *s, long n, long i) {
  return i >= 0 && i < n ? s[i] : 0.0;
}

precis_status rouge_bootstrap(const rouge_val *const *rows, size_t n,
                              size_t n_metrics, long resamples, double cf,
                              int tmode, double alpha, rouge_avg *out) {
  if (tmode == 2) {
    for (size_t m = 0; m < n_metrics; m++) {
      rouge_avg *o = &out[m];
      o->sum[0] = o->sum[1] = o->sum[2] = 0.0;
      for (size_t i = 0; i < n; i++) {
        o->sum[0] += rows[i][m].m;
        o->sum[1] += rows[i][m].pc;
        o->sum[2] += rows[i][m].h;
      }
      for (int c = 0; c < 3; c++) o->v[c] = o->lo[c] = o->hi[c] = 0.0;
    }
    return PRECIS_OK;
  }
  if (resamples <= 0) return PRECIS_ERR_INVALID_ARG;
  size_t rs = (size_t)resamples, width = n_metrics * 3;
  if (width && rs > SIZE_MAX / sizeof(double) / width)
    return PRECIS_ERR_TOO_BIG;
  double *samp = malloc(rs * width * sizeof *samp + 1);
  double *acc = malloc(width * sizeof *acc + 1);
  size_t *idx = malloc(n * sizeof *idx + 1);
  if (!samp || !acc || !idx) {
    free(samp);
    free(acc);
    free(idx);
    return PRECIS_ERR_NOMEM;
  }
  for (size_t s = 0; s < rs; s++) {
    uint64_t state = ((uint64_t)s << 16 | 0x330Eu) & 0xFFFFFFFFFFFFull;
    for (size_t i = 0; i < n; i++) {
      state = (state * 0x5DEECE66Dull + 0xBu) & 0xFFFFFFFFFFFFull;
      double u = (double)state * (1.0 / 281474976710656.0); /* 2^-48 */
      idx[i] = (size_t)((double)n * u);
    }
    for (size_t w = 0; w < width; w++) acc[w] = 0.0;
    for (size_t i = 0; i < n; i++) {
      const rouge_val *row = rows[idx[i]];
      for (size_t m = 0; m < n_metrics; m++) {
        const rouge_val *v = &row[m];
        double *a = &acc[3 * m];
        if (tmode == 1) {
          a[0] += v->m;
          a[1] += v->pc;
          a[2] += v->h;
        } else {
          a[0] += v->r;
          a[1] += v->p;
          a[2] += v->f;
        }
      }
    }
    for (size_t m = 0; m < n_metrics; m++) {
      double *a = &acc[3 * m], r, p, f;
      if (n == 0) {
        r = p = f = 0.0;
      } else if (tmode == 1) {
        double mm = a[0], pp = a[1], hh = a[2];
        r = mm != 0.0 ? hh / mm : 0.0;
        p = pp != 0.0 ? hh / pp : 0.0;
        double den = (1.0 - alpha) * p + alpha * r;
        f = den > 0.0 ? r * p / den : 0.0;
      } else {
        r = a[0] / (double)n;
        p = a[1] / (double)n;
        f = a[2] / (double)n;
      }
      samp[(m * 3 + 0) * rs + s] = r;
      samp[(m * 3 + 1) * rs + s] = p;
      samp[(m * 3 + 2) * rs + s] = f;
    }
  }
  double rd = (double)rs;
  double delta = rd * ((100.0 - cf) / 2.0) / 100.0;
  long ua = (long)(rd - delta - 1.0), ub = ua + 1;
  long la = (long)delta, lb = la + 1;
  double frac = rd - delta - 1.0 - (double)ua;
  for (size_t m = 0; m < n_metrics; m++) {
    for (int c = 0; c < 3; c++) {
      double *sv = &samp[(m * 3 + (size_t)c) * rs];
      qsort(sv, rs, sizeof *sv, cmp_double);
      double sum = 0.0;
      for (size_t s = 0; s < rs; s++) sum += sv[s];
      out[m].v[c] = rouge_round5(sum / rd);
      long nn = (long)rs;
      double sla = at(sv, nn, la), slb = at(sv, nn, lb);
      double sua = at(sv, nn, ua), sub = at(sv, nn, ub);
      out[m].lo[c] = rouge_round5(sla + (slb - sla) * frac);
      out[m].hi[c] = rouge_round5(sua + (sub - sua) * frac);
      out[m].sum[c] = 0.0;
    }
  }
  free(samp);
  free(acc);
  free(idx);
  return PRECIS_OK;
}
