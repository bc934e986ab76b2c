/* test_threads.c — the threading promise of precis.h: handles are
 * single-threaded, but separate clusters (and pages) share nothing, so
 * threads may each work on their own at the same time.
 *
 * Every job (each algorithm on several subsets of the bundled example,
 * the cross-source report, HTML extraction of the test pages) is first
 * run alone; then four threads run all jobs, each in its own order, several
 * rounds, and every result must be byte-identical to the lone run. Shared
 * state that is not per-handle (a library's global, GLPK's environment,
 * libxml2's parser) shows up here as a mismatch or a crash, and under
 * `make asan` as a sanitizer report. A time is never asserted.
 *
 * ThreadSanitizer, by hand (it cannot share a build with ASan):
 *   clang -fsanitize=thread -g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L \
 *     -Iinclude -Isrc/lib -Itests/unit $(pkg-config --cflags libxml-2.0) \
 *     -pthread -o /tmp/test_threads tests/unit/test_threads.c src/lib/ *.c \
 *     -lstemmer -lutf8proc -ljson-c -lxml2 -lglpk -lm && /tmp/test_threads
 * (src/lib/ *.c without the space). */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#include "harness.h"
#include "precis.h"

#define NTHREADS 4
#define ROUNDS 3
#define MAXJOBS 256

static const char *const k_story[] = {
    "examples/harbor-fire/bayside-daily-news.txt",
    "examples/harbor-fire/coastal-herald.txt",
    "examples/harbor-fire/northport-wire.txt",
    "examples/harbor-fire/radio-ketterby.txt",
    "examples/harbor-fire/the-lantern-weekly.txt"};
#define NSTORY (sizeof k_story / sizeof *k_story)

static const char *const k_pages[] = {
    "tests/html/jsonld.html", "tests/html/og.html", "tests/html/time.html",
    "tests/html/boilerplate.html", "tests/html/split.html"};
#define NPAGES (sizeof k_pages / sizeof *k_pages)

static char *g_text[NSTORY], *g_page[NPAGES];
static size_t g_len[NSTORY], g_plen[NPAGES];

enum { JOB_BRIEF, JOB_REPORT, JOB_PAGE };

typedef struct job {
  int kind;
  const char *algo; /* JOB_BRIEF */
  unsigned subset;  /* JOB_BRIEF, JOB_REPORT: bit i = article i */
  size_t words;
  size_t page; /* JOB_PAGE */
  char *want;  /* the lone run's output */
} job;

static job g_jobs[MAXJOBS];
static size_t g_njobs;

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = malloc(1 << 20);
  size_t n = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
  fclose(f);
  if (buf) buf[n] = '\0';
  *len = n;
  return buf;
}

/* Run one job; a malloc'd result, or NULL on any error. */
static char *run(const job *j) {
  size_t len = 0;
  if (j->kind == JOB_PAGE) {
    precis_page *p = NULL;
    if (precis_html_extract(g_page[j->page], g_plen[j->page], NULL, &p) !=
        PRECIS_OK)
      return NULL;
    char *s = precis_page_render_json(p, &len);
    precis_page_free(p);
    return s;
  }
  precis_cluster *c = precis_cluster_new();
  if (!c) return NULL;
  for (size_t i = 0; i < NSTORY; i++) {
    if (!(j->subset & (1u << i))) continue;
    precis_doc_meta m = {k_story[i], NULL, NULL, NULL};
    if (precis_cluster_add(c, g_text[i], g_len[i], &m) != PRECIS_OK) {
      precis_cluster_free(c);
      return NULL;
    }
  }
  precis_options o;
  precis_options_init(&o);
  o.algorithm = j->algo;
  o.budget = j->words;
  char *s = NULL;
  if (j->kind == JOB_REPORT) {
    precis_report *r = NULL;
    if (precis_report_build(c, &o, &r) == PRECIS_OK)
      s = precis_report_render(r, c, PRECIS_REPORT_JSONL, NULL, &len);
    precis_report_free(r);
  } else {
    precis_summary *sum = NULL;
    if (precis_summarize(c, &o, &sum) == PRECIS_OK)
      s = precis_summary_render(sum, c, PRECIS_FORMAT_JSONL, NULL, &len);
    precis_summary_free(sum);
  }
  precis_cluster_free(c);
  return s;
}

typedef struct worker {
  unsigned seed;
  size_t done, wrong;
} worker;

static void *work(void *arg) {
  worker *w = arg;
  size_t order[MAXJOBS];
  for (int round = 0; round < ROUNDS; round++) {
    for (size_t i = 0; i < g_njobs; i++)
      order[i] = i;
    for (size_t i = g_njobs; i > 1; i--) { /* each thread its own order */
      w->seed = w->seed * 1103515245u + 12345u;
      size_t k = (w->seed >> 8) % i, t = order[i - 1];
      order[i - 1] = order[k];
      order[k] = t;
    }
    for (size_t i = 0; i < g_njobs; i++) {
      const job *j = &g_jobs[order[i]];
      char *got = run(j);
      if (!got || strcmp(got, j->want) != 0) {
        if (w->wrong++ == 0)
          printf("# differs: kind %d, %s, subset %#x, %zu words, page %zu\n#"
                 "   got  %.300s\n#   want %.300s\n",
                 j->kind, j->algo ? j->algo : "-", j->subset, j->words,
                 j->page, got ? got : "(error)", j->want);
      }
      w->done++;
      precis_free(got);
    }
  }
  return NULL;
}

int main(void) {
  int loaded = 1;
  for (size_t i = 0; i < NSTORY; i++)
    loaded &= (g_text[i] = slurp(k_story[i], &g_len[i])) != NULL;
  for (size_t i = 0; i < NPAGES; i++)
    loaded &= (g_page[i] = slurp(k_pages[i], &g_plen[i])) != NULL;
  OK(loaded, "read the example articles and test pages (run from the root)");
  if (!loaded) return 1;

  static const unsigned subsets[] = {0x1f, 0x0f, 0x1e, 0x15, 0x0a};
  for (size_t a = 0; precis_algorithm_name(a); a++)
    for (size_t s = 0; s < sizeof subsets / sizeof *subsets; s++)
      g_jobs[g_njobs++] = (job){JOB_BRIEF, precis_algorithm_name(a),
                                subsets[s], 40 + 30 * s, 0, NULL};
  for (size_t s = 0; s < 3; s++)
    g_jobs[g_njobs++] = (job){JOB_REPORT, NULL, subsets[s], 80, 0, NULL};
  for (size_t p = 0; p < NPAGES; p++)
    g_jobs[g_njobs++] = (job){JOB_PAGE, NULL, 0, 0, p, NULL};

  size_t ok_alone = 0;
  for (size_t i = 0; i < g_njobs; i++)
    ok_alone += (g_jobs[i].want = run(&g_jobs[i])) != NULL;
  INT_EQ(ok_alone, g_njobs, "every job succeeds alone (%zu jobs)", g_njobs);
  if (ok_alone != g_njobs) return 1;

  pthread_t th[NTHREADS];
  worker w[NTHREADS];
  int started = 0;
  for (int i = 0; i < NTHREADS; i++) {
    w[i] = (worker){(unsigned)(i + 1) * 2654435761u, 0, 0};
    if (pthread_create(&th[i], NULL, work, &w[i]) == 0) started++;
    else break;
  }
  for (int i = 0; i < started; i++)
    pthread_join(th[i], NULL);
  INT_EQ(started, NTHREADS, "started %d threads", NTHREADS);
  size_t done = 0, wrong = 0;
  for (int i = 0; i < started; i++)
    done += w[i].done, wrong += w[i].wrong;
  INT_EQ(done, (size_t)started * ROUNDS * g_njobs,
         "every thread ran every job %d times", ROUNDS);
  INT_EQ(wrong, 0, "results in threads equal the lone runs byte for byte");

  for (size_t i = 0; i < g_njobs; i++)
    precis_free(g_jobs[i].want);
  for (size_t i = 0; i < NSTORY; i++)
    free(g_text[i]);
  for (size_t i = 0; i < NPAGES; i++)
    free(g_page[i]);
  return DONE();
}
