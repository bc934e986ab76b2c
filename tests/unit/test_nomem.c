/* test_nomem.c — allocation-failure injection (curl's torture mode, SQLite's
 * OOM tests). Linked with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,
 * so every allocation made by the library's own code goes through the
 * wrappers below, which fail the Nth one. For N = 1, 2, ... the whole path
 * (add articles, summarize, render, HTML extraction, ROUGE) runs until a
 * pass sees no injected failure. Each pass must end in success or a clean
 * PRECIS_ERR_NOMEM / NULL: never a crash, and (under `make asan`) never a
 * leak. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "precis.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t m);
void *__wrap_realloc(void *p, size_t n);

static long countdown = -1; /* fail when it reaches 0; -1 = never */
static long failures;

static int S_fail(void) {
  if (countdown < 0) return 0;
  if (countdown-- == 0) {
    failures++;
    return 1;
  }
  return 0;
}

void *__wrap_malloc(size_t n) { return S_fail() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t n, size_t m) {
  return S_fail() ? NULL : __real_calloc(n, m);
}
void *__wrap_realloc(void *p, size_t n) {
  return S_fail() ? NULL : __real_realloc(p, n);
}

static const char *const docs[3] = {
    "Harbor fire\n\nA fire destroyed a warehouse at the port of Ketterby on "
    "Tuesday night, officials said. Sixty firefighters fought the blaze for "
    "six hours. \"We were lucky,\" the chief said.\nShare this story\n",
    "Sixty firefighters fought a blaze at a Ketterby port warehouse for six "
    "hours on Tuesday. The mayor said the port would reopen on Friday.\n",
    "A fire destroyed a warehouse at the port of Ketterby on Tuesday night. "
    "Insurers put the damage at 2.5 million euros.\n"};

static const char *algorithm; /* selector under test */

/* One pass of the summarizer path. 0 = completed, 1 = failed cleanly. */
static int S_summarize_pass(void) {
  precis_cluster *c = precis_cluster_new();
  if (!c) return 1;
  int failed = 0;
  for (int i = 0; i < 3 && !failed; i++) {
    precis_doc_meta m = {"Outlet", NULL, NULL, NULL};
    precis_status st = precis_cluster_add(c, docs[i], strlen(docs[i]), &m);
    if (st != PRECIS_OK) failed = st == PRECIS_ERR_NOMEM ? 1 : 2;
  }
  precis_summary *s = NULL;
  if (!failed) {
    precis_options o;
    precis_options_init(&o);
    o.algorithm = algorithm;
    precis_status st = precis_summarize(c, &o, &s);
    if (st != PRECIS_OK) failed = st == PRECIS_ERR_NOMEM ? 1 : 2;
  }
  for (int f = 0; f < 4 && !failed; f++) {
    char *r = precis_summary_render(s, c, (precis_format)f, "x", NULL);
    if (!r) failed = 1;
    precis_free(r);
  }
  precis_summary_free(s);
  precis_cluster_free(c);
  return failed;
}

static int S_html_pass(void) {
  static const char html[] =
      "<html><head><title>Port fire</title><meta property=\"og:site_name\" "
      "content=\"Herald\"></head><body><nav><a href=\"/\">Home</a></nav>"
      "<article><h1>Port fire</h1><p>A fire destroyed a warehouse at the "
      "port of Ketterby on Tuesday night, officials said, and sixty "
      "firefighters fought it for six hours.</p><p>The mayor said the port "
      "would reopen on Friday after inspections of the quay.</p></article>"
      "<footer>Copyright</footer></body></html>";
  precis_page *p = NULL;
  precis_status st = precis_html_extract(html, sizeof html - 1, NULL, &p);
  precis_page_free(p);
  if (st == PRECIS_OK) return 0;
  return st == PRECIS_ERR_NOMEM ? 1 : 2;
}

static int S_rouge_pass(void) {
  precis_rouge_options o;
  precis_rouge_options_init(&o);
  if (precis_rouge_options_set(&o, "-n", "2") != PRECIS_OK ||
      precis_rouge_options_set(&o, "-m", NULL) != PRECIS_OK ||
      precis_rouge_options_set(&o, "-2", "4") != PRECIS_OK ||
      precis_rouge_options_set(&o, "-u", NULL) != PRECIS_OK ||
      precis_rouge_options_set(&o, "-r", "50") != PRECIS_OK)
    return 2;
  precis_rouge *r = NULL;
  precis_status st = precis_rouge_new(&o, &r);
  if (st != PRECIS_OK) return st == PRECIS_ERR_NOMEM ? 1 : 2;
  const char *refs[2] = {"the port reopened on friday\nsixty firefighters",
                         "firefighters fought the fire for six hours"};
  size_t lens[2] = {strlen(refs[0]), strlen(refs[1])};
  const char *ids[3] = {"a", "b", "c"};
  for (int i = 0; i < 3 && st == PRECIS_OK; i++)
    st = precis_rouge_add(r, ids[i], "1", PRECIS_ROUGE_SPL, docs[i],
                          strlen(docs[i]), refs, lens, 2);
  if (st == PRECIS_OK) st = precis_rouge_compute(r);
  char *txt = NULL;
  if (st == PRECIS_OK) {
    txt = precis_rouge_render(r, 0, NULL);
    if (!txt) st = PRECIS_ERR_NOMEM;
  }
  precis_free(txt);
  precis_rouge_free(r);
  if (st == PRECIS_OK) return 0;
  return st == PRECIS_ERR_NOMEM ? 1 : 2;
}

typedef int (*pass_fn)(void);

static void S_torture(const char *name, pass_fn pass) {
  long n;
  int bad = 0;
  countdown = -1;
  int base = pass();
  OK(base == 0, "%s: completes without injected failures", name);
  for (n = 0; n < 200000; n++) {
    countdown = n;
    failures = 0;
    int r = pass();
    countdown = -1;
    if (failures == 0) {
      if (r != 0) bad = 1;
      break; /* every allocation has been failed once */
    }
    if (r == 2) bad = 1; /* an error other than NOMEM */
  }
  OK(!bad && n > 0,
     "%s: each of %ld allocations failed in turn ends cleanly", name, n);
}

int main(void) {
  char name[64];
  for (size_t i = 0; precis_algorithm_name(i); i++) {
    algorithm = precis_algorithm_name(i);
    snprintf(name, sizeof name, "summarize+render, %s", algorithm);
    S_torture(name, S_summarize_pass);
  }
  S_torture("html extract", S_html_pass);
  S_torture("rouge", S_rouge_pass);
  return DONE();
}
