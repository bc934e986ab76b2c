/* harness.h — tiny test harness (cmark api_test/harness.h, sds testhelp.h).
 *
 * Each check prints one TAP-style line, "ok N - what" or "not ok N - what",
 * which tests/run.sh counts. A test program returns non-zero if any check
 * failed.
 */
#ifndef PRECIS_TEST_HARNESS_H
#define PRECIS_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

static int h_count, h_failed;

#define OK(cond, ...)                                                        \
  do {                                                                       \
    int h_ok_ = (cond) ? 1 : 0;                                              \
    h_count++;                                                               \
    if (!h_ok_) h_failed++;                                                  \
    printf("%s %d - ", h_ok_ ? "ok" : "not ok", h_count);                    \
    printf(__VA_ARGS__);                                                     \
    printf("\n");                                                            \
    if (!h_ok_) printf("#   at %s:%d: %s\n", __FILE__, __LINE__, #cond);     \
  } while (0)

#define INT_EQ(got, want, ...)                                               \
  do {                                                                       \
    long long h_g_ = (long long)(got), h_w_ = (long long)(want);             \
    OK(h_g_ == h_w_, __VA_ARGS__);                                           \
    if (h_g_ != h_w_) printf("#   got %lld, want %lld\n", h_g_, h_w_);       \
  } while (0)

#define STR_EQ(got, want, ...)                                               \
  do {                                                                       \
    const char *h_g_ = (got), *h_w_ = (want);                                \
    int h_eq_ = h_g_ && h_w_ && strcmp(h_g_, h_w_) == 0;                     \
    OK(h_eq_, __VA_ARGS__);                                                  \
    if (!h_eq_)                                                              \
      printf("#   got  \"%s\"\n#   want \"%s\"\n", h_g_ ? h_g_ : "(null)",     \
             h_w_ ? h_w_ : "(null)");                                        \
  } while (0)

#define DONE() (printf("# %d checks, %d failed\n", h_count, h_failed), \
                h_failed ? 1 : 0)

#endif
