/* date.c — ISO 8601 dates and the dated-over-days rule. See date.h.
 *
 * Considered: strptime(3) (no zones or 24:00, locale-dependent) and
 * timegm (a GNU/BSD extension); the parse is small and exact here. */
#include "date.h"

static int S_digits(const char *s, int n, int *out) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return 0;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; Howard Hinnant's
 * days_from_civil). */
static long long S_days(int y, int m, int d) {
  y -= m <= 2;
  long long era = (y >= 0 ? y : y - 399) / 400;
  long long yoe = y - era * 400;
  long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int precis_date_seconds(const char *s, long long *out) {
  static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int y, mo, d, h = 0, mi = 0, se = 0, frac = 0;
  if (!s) return -1;
  while (*s == ' ')
    s++;
  if (S_digits(s, 4, &y) || s[4] != '-' || S_digits(s + 5, 2, &mo) ||
      s[7] != '-' || S_digits(s + 8, 2, &d))
    return -1;
  if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1]) return -1;
  /* February 29 only in leap years (2023-02-29 is no day) */
  if (mo == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
    return -1;
  const char *p = s + 10;
  long long off = 0;
  if (*p == 'T' || (*p == ' ' && p[1] >= '0' && p[1] <= '9')) {
    p++;
    if (S_digits(p, 2, &h) || p[2] != ':' || S_digits(p + 3, 2, &mi)) return -1;
    p += 5;
    if (*p == ':') {
      if (S_digits(p + 1, 2, &se)) return -1;
      p += 3;
      if (*p == '.' || *p == ',') { /* fractions are ignored */
        p++;
        for (; *p >= '0' && *p <= '9'; p++)
          if (*p != '0') frac = 1;
      }
    }
    /* 24:00 (or 24:00:00) is the end of the day; 24:30 and 24:00:00.5 are
     * no time */
    if (h > 24 || mi > 59 || se > 60 || (h == 24 && (mi || se || frac)))
      return -1;
    if (*p == 'Z' || *p == 'z') {
      p++;
    } else if (*p == '+' || *p == '-') {
      int oh, om = 0;
      if (S_digits(p + 1, 2, &oh)) return -1;
      const char *q = p + 3;
      if (*q == ':') q++;
      if (*q >= '0' && *q <= '9') {
        if (S_digits(q, 2, &om)) return -1;
        q += 2;
      }
      if (oh > 23 || om > 59) return -1;
      off = (oh * 60LL + om) * 60 * (*p == '-' ? -1 : 1);
      p = q;
    }
  }
  while (*p == ' ')
    p++;
  if (*p) return -1;
  *out = S_days(y, mo, d) * 86400 + h * 3600LL + mi * 60LL + se - off;
  return 0;
}

int dated_over_days(const precis_cluster *c) {
  size_t n = precis_cluster_doc_count(c);
  long long first = 0, prev = 0, key;
  for (size_t i = 0; i < n; i++) {
    const precis_doc_meta *m = precis_cluster_doc_meta(c, i);
    if (!m || precis_date_seconds(m->date, &key) != 0) return 0;
    if (i && key < prev) return 0;
    if (i == 0) first = key;
    prev = key;
  }
  /* floor division: days before 1970 are negative */
  long long d0 = first / 86400 - (first % 86400 < 0);
  long long d1 = prev / 86400 - (prev % 86400 < 0);
  return n >= 2 && d1 != d0;
}
