/* cmd_rouge.c — `precis rouge`: ROUGE-1.5.5 scores, bit for bit.
 *
 *   precis rouge [OPTIONS] CANDIDATES_DIR REFERENCES_DIR
 *   precis rouge [OPTIONS] --pred PREDS.jsonl --ref REFS.jsonl
 *   precis rouge [OPTIONS] -z SPL|SEE|ISI LISTFILE [SYSTEM_ID]
 *   precis rouge [OPTIONS] [-a] CONFIG.xml [SYSTEM_ID]
 *
 * The scoring is the library's (precis_rouge_*, see docs/rouge.md); the
 * readers of the four input layouts are in rouge_input.c. This file owns
 * option parsing, the data directory of -e, reading the files the inputs
 * name, dispatch, output, warnings and exit codes (0 ok, 2 usage/input
 * error, 1 runtime failure).
 *
 * Directory and JSONL modes emulate the usual ROUGE wrapper layout: one
 * evaluation per id, the candidate as peer "1", so instance keys are
 * "<id>.1" and the bootstrap averages equal the wrapper's. With no scoring
 * flag they use "-n 2 -m -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u"; any
 * scoring flag switches to ROUGE-1.5.5's own defaults plus the flags.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "precis.h"
#include "rouge_input.h"

static const char *const S_default_flags[][2] = {
    {"-n", "2"}, {"-m", NULL},  {"-c", "95"}, {"-r", "1000"}, {"-f", "A"},
    {"-p", "0.5"}, {"-t", "0"}, {"-2", "4"},  {"-u", NULL},
};

static void S_usage(FILE *f) {
  fputs(
      "usage: precis rouge [OPTIONS] CANDIDATES_DIR REFERENCES_DIR\n"
      "       precis rouge [OPTIONS] --pred PREDS.jsonl --ref REFS.jsonl\n"
      "       precis rouge [OPTIONS] -z SPL|SEE|ISI LISTFILE [SYSTEM_ID]\n"
      "       precis rouge [OPTIONS] [-a] CONFIG.xml [SYSTEM_ID]\n"
      "\n"
      "ROUGE-1.5.5, reimplemented bit for bit: same numbers, same report.\n"
      "\n"
      "Inputs:\n"
      "  CANDIDATES_DIR  <id>.txt per candidate, one sentence per line\n"
      "  REFERENCES_DIR  <id>.txt or <id>.<annotator>.txt per reference\n"
      "  --pred FILE     JSONL lines {\"id\": ..., \"summary\": \"...\"}\n"
      "  --ref FILE      JSONL lines {\"id\": ..., \"summary\": \"...\" or\n"
      "                  [\"...\", ...]}; other fields are ignored\n"
      "                  (a summary's lines are its sentences)\n"
      "  -z FMT LIST     ROUGE file list: \"peer model1 model2...\" per line\n"
      "  CONFIG.xml      ROUGE XML configuration (<EVAL> elements)\n"
      "\n"
      "ROUGE-1.5.5 options:\n"
      "  -n N      ROUGE-1 .. ROUGE-N          -x        no ROUGE-L\n"
      "  -m        Porter stemming             -s        drop stopwords\n"
      "  -l N      keep the first N words      -b N      first N bytes\n"
      "            (candidates and references alike)\n"
      "  -w W      ROUGE-W with weight W       -2 D      skip-bigrams,\n"
      "  -u        add unigrams (ROUGE-SU)               gap <= D (-1: any)\n"
      "  -U        print ROUGE-S and ROUGE-SU\n"
      "  -f A|B    pool the references (A) or take the best one (B)\n"
      "  -p ALPHA  F = PR / ((1-ALPHA) P + ALPHA R); 0.5 = F1\n"
      "  -t 0|1|2  average items / pool tokens / print raw counts\n"
      "  -r R      bootstrap resamples (1000)  -c CF     confidence (95)\n"
      "  -d        per-item lines              -a        all systems (XML)\n"
      "  -e DIR    data: DIR/smart_common_words.txt and\n"
      "            DIR/wordnet-2.0-exceptions.tsv (default: built in)\n"
      "  -v        accepted and ignored\n"
      "\n"
      "Other options:\n"
      "  --json          JSON (averages, intervals, per-item scores)\n"
      "  --skip-missing  skip candidates without references (warning)\n"
      "                  instead of failing\n"
      "  -h, --help      show this help\n"
      "\n"
      "Directory and JSONL modes, when no scoring option (-n -m -s -x -l\n"
      "-b -w -2 -u -U -f -p -t -r -c) is given, use full-length F1 with\n"
      "stemming: -n 2 -m -c 95 -r 1000 -f A -p 0.5 -t 0 -2 4 -u\n"
      "Given any of them, ROUGE-1.5.5's own defaults apply plus the flags\n"
      "(without -n, no ROUGE-N is computed). Each id is one evaluation\n"
      "with system \"1\" (keys <id>.1), as in the usual ROUGE wrappers.\n"
      "See docs/rouge.md.\n",
      f);
}

/* ---- command line ---- */

typedef struct flag {
  const char *name; /* "-n" ... */
  const char *val;
} flag;

typedef struct opts {
  const char *pred, *ref, *data_dir, *zfmt;
  int json, detail, all, skip_missing, help;
  const char *pos[2];
  int npos;
  flag *flags;
  size_t nflags;
} opts;

static const char *const S_scoring_flags[] = {
    "-n", "-m", "-s", "-x", "-l", "-b", "-w", "-2",
    "-u", "-U", "-f", "-p", "-t", "-r", "-c",
};

/* Parse argv into o; returns -1 ok, else an exit status. */
static int S_parse(int argc, char **argv, opts *o) {
  int only_pos = 0;
  o->flags = calloc((size_t)argc + 1, sizeof *o->flags);
  if (!o->flags) return rouge_fail(EXIT_FAIL, "out of memory");
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (only_pos || a[0] != '-' || a[1] == '\0') {
      if (o->npos == 2)
        return rouge_fail(EXIT_USAGE, "too many arguments: %s (see precis "
                          "rouge --help)", a);
      o->pos[o->npos++] = a;
      continue;
    }
    if (strcmp(a, "--") == 0) {
      only_pos = 1;
      continue;
    }
    if (a[1] == '-') {
      const char *eq = strchr(a, '=');
      size_t nl = eq ? (size_t)(eq - a) : strlen(a);
      const char **dst = NULL;
      if (nl == 6 && strncmp(a, "--pred", 6) == 0) dst = &o->pred;
      if (nl == 5 && strncmp(a, "--ref", 5) == 0) dst = &o->ref;
      if (dst) {
        if (eq) {
          *dst = eq + 1;
        } else if (i + 1 < argc) {
          *dst = argv[++i];
        } else {
          return rouge_fail(EXIT_USAGE, "%s needs a file", a);
        }
      } else if (!eq && strcmp(a, "--json") == 0) {
        o->json = 1;
      } else if (!eq && strcmp(a, "--skip-missing") == 0) {
        o->skip_missing = 1;
      } else if (!eq && strcmp(a, "--help") == 0) {
        o->help = 1;
      } else {
        return rouge_fail(EXIT_USAGE, "unknown option %s (see --help)", a);
      }
      continue;
    }
    /* a cluster of one-letter flags, e.g. -ma or -n2 */
    for (const char *p = a + 1; *p; p++) {
      char c = *p, nm[3] = {'-', c, '\0'};
      int takes = strchr("nlbw2fptrcez3", c) != NULL;
      const char *val = NULL;
      if (takes) {
        if (p[1]) {
          val = p + 1;
        } else if (i + 1 < argc) {
          val = argv[++i];
        } else {
          return rouge_fail(EXIT_USAGE, "option -%c needs a value", c);
        }
      }
      switch (c) {
      case 'a':
        o->all = 1;
        break;
      case 'd':
        o->detail = 1;
        break;
      case 'v':
        break;
      case 'h':
      case 'H':
        o->help = 1;
        break;
      case 'e':
        o->data_dir = val;
        break;
      case 'z':
        o->zfmt = val;
        break;
      case '3':
        return rouge_fail(EXIT_USAGE, "-3 (Basic Elements) is not supported");
      case 'M':
        return rouge_fail(EXIT_USAGE, "-M is not supported");
      default: {
        const char *canon = NULL;
        size_t nf = sizeof S_scoring_flags / sizeof *S_scoring_flags;
        for (size_t f = 0; f < nf; f++)
          if (strcmp(S_scoring_flags[f], nm) == 0) canon = S_scoring_flags[f];
        if (!canon)
          return rouge_fail(EXIT_USAGE, "unknown option -%c (see --help)", c);
        o->flags[o->nflags].name = canon;
        o->flags[o->nflags].val = val;
        o->nflags++;
      }
      }
      if (takes) break;
    }
  }
  return -1;
}

/* Build the scoring options; returns -1 ok, else an exit status. */
static int S_options(const opts *o, int friendly, precis_rouge_options *ro,
                     char **data_buf) {
  precis_rouge_options_init(ro);
  if (friendly && o->nflags == 0) {
    size_t n = sizeof S_default_flags / sizeof S_default_flags[0];
    for (size_t i = 0; i < n; i++)
      precis_rouge_options_set(ro, S_default_flags[i][0],
                               S_default_flags[i][1]);
  }
  for (size_t i = 0; i < o->nflags; i++)
    if (precis_rouge_options_set(ro, o->flags[i].name, o->flags[i].val) !=
        PRECIS_OK)
      return rouge_fail(EXIT_USAGE, "bad value for %s: '%s'",
                        o->flags[i].name,
                        o->flags[i].val ? o->flags[i].val : "");
  if (ro->word_limit >= 0 && ro->byte_limit >= 0)
    return rouge_fail(EXIT_USAGE, "-l and -b cannot be used together");
  if (o->data_dir) {
    static const char *const names[2] = {"smart_common_words.txt",
                                         "wordnet-2.0-exceptions.tsv"};
    for (int k = 0; k < 2; k++) {
      size_t pl = strlen(o->data_dir) + strlen(names[k]) + 2;
      char *path = malloc(pl);
      size_t len;
      if (!path) return rouge_fail(EXIT_FAIL, "out of memory");
      snprintf(path, pl, "%s/%s", o->data_dir, names[k]);
      int e = rouge_slurp(path, &data_buf[k], &len);
      if (e) {
        rouge_fail(EXIT_USAGE, "cannot read %s: %s", path, strerror(e));
        free(path);
        return EXIT_USAGE;
      }
      free(path);
      if (k == 0) {
        ro->stopword_list = data_buf[0];
        ro->stopword_list_len = len;
      } else {
        ro->exception_table = data_buf[1];
        ro->exception_table_len = len;
      }
    }
  }
  return -1;
}

/* ---- scoring helpers ---- */

/* Add one instance; returns -1 ok, else an exit status. */
static int S_add(precis_rouge *r, const char *eval, const char *peer,
                 precis_rouge_format fmt, const char *cand, size_t cl,
                 char **refs, size_t *lens, size_t k) {
  precis_status st = precis_rouge_add(r, eval, peer, fmt, cand, cl,
                                      (const char *const *)refs, lens, k);
  if (st == PRECIS_OK) return -1;
  const char *detail = precis_rouge_error(r);
  if (st == PRECIS_ERR_NOMEM) return rouge_fail(EXIT_FAIL, "out of memory");
  return rouge_fail(st == PRECIS_ERR_EMPTY || st == PRECIS_ERR_TOO_BIG
                        ? EXIT_USAGE
                        : EXIT_FAIL,
                    "%s", detail[0] ? detail : precis_strerror(st));
}

static int S_finish(precis_rouge *r, const opts *o) {
  precis_status st = precis_rouge_compute(r);
  if (st != PRECIS_OK) {
    const char *d = precis_rouge_error(r);
    return rouge_fail(st == PRECIS_ERR_INVALID_ARG ? EXIT_USAGE : EXIT_FAIL,
                      "%s", d[0] ? d : precis_strerror(st));
  }
  if (precis_rouge_item_count(r) == 0)
    fputs("precis rouge: warning: nothing to score\n", stderr);
  unsigned fl = (o->detail ? PRECIS_ROUGE_RENDER_ITEMS : 0) |
                (o->json ? PRECIS_ROUGE_RENDER_JSON : 0);
  size_t len;
  char *out = precis_rouge_render(r, fl, &len);
  if (!out) return rouge_fail(EXIT_FAIL, "out of memory");
  size_t w = fwrite(out, 1, len, stdout);
  precis_free(out);
  if (w != len || fflush(stdout) != 0)
    return rouge_fail(EXIT_FAIL, "write error: %s", strerror(errno));
  return EXIT_OK;
}

/* ---- mode 1: directories ---- */

static int S_run_dirs(precis_rouge *r, const opts *o) {
  const char *cdir = o->pos[0], *rdir = o->pos[1];
  char **cands = NULL, **refs = NULL, **texts = NULL;
  size_t nc = 0, nr = 0, *owner = NULL, *lens = NULL, unmatched = 0;
  int rc = rouge_list_txt(cdir, &cands, &nc);
  if (rc < 0) rc = rouge_list_txt(rdir, &refs, &nr);
  if (rc >= 0) goto done;
  /* the references of each candidate: <id>.txt, else <id>.<ann>.txt */
  owner = malloc((nr ? nr : 1) * sizeof *owner);
  texts = calloc(nr + 1, sizeof *texts);
  lens = calloc(nr + 1, sizeof *lens);
  if (!owner || !texts || !lens) {
    rc = rouge_fail(EXIT_FAIL, "out of memory");
    goto done;
  }
  unmatched = rouge_pair_refs(cands, nc, refs, nr, owner);
  if (unmatched)
    fprintf(stderr,
            "precis rouge: warning: %zu reference file(s) in %s match no "
            "candidate (ignored)\n",
            unmatched, rdir);
  for (size_t i = 0; i < nc; i++) {
    size_t k = 0;
    char id[4096];
    snprintf(id, sizeof id, "%.*s", (int)(strlen(cands[i]) - 4), cands[i]);
    for (size_t j = 0; j < nr; j++) {
      if (owner[j] != i) continue;
      char *path = rouge_path_join(rdir, refs[j]);
      int e = path ? rouge_slurp(path, &texts[k], &lens[k]) : ENOMEM;
      if (e) rc = rouge_fail(EXIT_USAGE, "cannot read %s: %s",
                             path ? path : "", strerror(e));
      free(path);
      if (e) goto done_item;
      k++;
    }
    if (k == 0) {
      if (!o->skip_missing) {
        rc = rouge_fail(EXIT_USAGE, "no reference for id '%s' in %s", id,
                        rdir);
        goto done;
      }
      fprintf(stderr, "precis rouge: warning: no reference for id '%s'; "
                      "skipped\n", id);
      continue;
    }
    char *cand = NULL;
    size_t cl = 0;
    char *path = rouge_path_join(cdir, cands[i]);
    int e = path ? rouge_slurp(path, &cand, &cl) : ENOMEM;
    if (e) {
      rc = rouge_fail(EXIT_USAGE, "cannot read %s: %s", path ? path : "",
                      strerror(e));
    } else {
      rc = S_add(r, id, "1", PRECIS_ROUGE_SPL, cand, cl, texts, lens, k);
    }
    free(path);
    free(cand);
  done_item:
    for (size_t j = 0; j < k; j++) {
      free(texts[j]);
      texts[j] = NULL;
    }
    if (rc >= 0) goto done;
  }
  rc = S_finish(r, o);
done:
  rouge_names_free(cands, nc);
  rouge_names_free(refs, nr);
  free(owner);
  free(texts);
  free(lens);
  return rc;
}

/* ---- mode 2: JSONL ---- */

static int S_run_jsonl(precis_rouge *r, const opts *o) {
  rouge_rec *preds = NULL, *refs = NULL;
  size_t np = 0, nr = 0;
  int rc = rouge_jsonl_read(o->pred, 0, &preds, &np);
  if (rc < 0) rc = rouge_jsonl_read(o->ref, 1, &refs, &nr);
  for (size_t i = 0; i < np && rc < 0; i++) {
    rouge_rec *p = &preds[i], *q = rouge_rec_find(refs, nr, p->id);
    const char *why = !q ? "no reference" : q->n == 0 ? "empty reference list"
                                                      : NULL;
    if (why) {
      if (!o->skip_missing) {
        rc = rouge_fail(EXIT_USAGE, "%s:%ld: id '%s': %s in %s", o->pred,
                        p->line, p->id, why, o->ref);
        break;
      }
      fprintf(stderr, "precis rouge: warning: id '%s': %s; skipped\n",
              p->id, why);
      continue;
    }
    q->used = 1;
    rc = S_add(r, p->id, "1", PRECIS_ROUGE_SPL, p->text[0], p->len[0],
               q->text, q->len, q->n);
  }
  if (rc < 0) {
    size_t unused = 0;
    for (size_t i = 0; i < nr; i++) unused += !refs[i].used;
    if (unused)
      fprintf(stderr,
              "precis rouge: warning: %zu reference id(s) of %s have no "
              "prediction (ignored)\n",
              unused, o->ref);
    rc = S_finish(r, o);
  }
  rouge_recs_free(preds, np);
  rouge_recs_free(refs, nr);
  return rc;
}

/* ---- modes 3 and 4: -z file list, XML configuration ---- */

/* A rouge_instance_fn (ctx: the scorer): read the peer file and the n
 * model files, then add the instance. */
static int S_add_files(void *ctx, const char *eval, const char *peer,
                       precis_rouge_format fmt, const char *peer_path,
                       char **model_paths, size_t n) {
  precis_rouge *r = ctx;
  char **texts = calloc(n + 1, sizeof *texts), *cand = NULL;
  size_t *lens = calloc(n + 1, sizeof *lens), cl = 0;
  int rc = -1;
  if (!texts || !lens) {
    rc = rouge_fail(EXIT_FAIL, "out of memory");
    goto done;
  }
  for (size_t j = 0; j <= n && rc < 0; j++) {
    const char *path = j == 0 ? peer_path : model_paths[j - 1];
    int e = j == 0 ? rouge_slurp(path, &cand, &cl)
                   : rouge_slurp(path, &texts[j - 1], &lens[j - 1]);
    if (e)
      rc = rouge_fail(EXIT_USAGE, "cannot read %s: %s", path, strerror(e));
  }
  if (rc < 0) rc = S_add(r, eval, peer, fmt, cand, cl, texts, lens, n);
done:
  for (size_t j = 0; texts && j < n; j++) free(texts[j]);
  free(texts);
  free(lens);
  free(cand);
  return rc;
}

static int S_run_list(precis_rouge *r, const opts *o) {
  precis_rouge_format fmt;
  int rc = rouge_format_parse(o->zfmt, &fmt);
  const char *peer = o->npos > 1 ? o->pos[1] : "X";
  char *text = NULL;
  size_t len = 0;
  if (rc >= 0) return rc;
  int e = rouge_slurp(o->pos[0], &text, &len);
  if (e) return rouge_fail(EXIT_USAGE, "cannot read %s: %s", o->pos[0],
                           strerror(e));
  rc = rouge_list_parse(text, len, o->pos[0], peer, fmt, S_add_files, r);
  free(text);
  return rc < 0 ? S_finish(r, o) : rc;
}

static int S_run_xml(precis_rouge *r, const opts *o) {
  const char *config = o->pos[0];
  char *text = NULL;
  size_t len = 0;
  if (!o->all && o->npos < 2)
    return rouge_fail(EXIT_USAGE, "%s: give -a (all systems) or a "
                      "SYSTEM_ID", config);
  int e = rouge_slurp(config, &text, &len);
  if (e) return rouge_fail(EXIT_USAGE, "cannot read %s: %s", config,
                           strerror(e));
  int rc = rouge_xml_parse(text, len, config, o->all ? NULL : o->pos[1],
                           S_add_files, r);
  free(text);
  return rc < 0 ? S_finish(r, o) : rc;
}

/* ---- entry point ---- */

int cmd_rouge(int argc, char **argv) {
  opts o;
  precis_rouge_options ro;
  precis_rouge *r = NULL;
  char *data[2] = {NULL, NULL};
  memset(&o, 0, sizeof o);
  int rc = S_parse(argc, argv, &o);
  if (rc >= 0) goto done;
  if (o.help) {
    S_usage(stdout);
    rc = EXIT_OK;
    goto done;
  }
  int jsonl = o.pred || o.ref;
  if (jsonl && (!o.pred || !o.ref || o.npos || o.zfmt)) {
    rc = rouge_fail(EXIT_USAGE, "JSONL mode needs --pred FILE and --ref "
                    "FILE and nothing else");
    goto done;
  }
  if (!jsonl && o.npos == 0) {
    S_usage(stderr);
    rc = EXIT_USAGE;
    goto done;
  }
  struct stat sb;
  int first_dir = !jsonl && stat(o.pos[0], &sb) == 0 && S_ISDIR(sb.st_mode);
  int dirs = first_dir && !o.zfmt && o.npos == 2;
  if (first_dir && !dirs) {
    rc = rouge_fail(EXIT_USAGE, "%s is a directory: give CANDIDATES_DIR "
                    "REFERENCES_DIR (see --help)", o.pos[0]);
    goto done;
  }
  if ((rc = S_options(&o, jsonl || dirs, &ro, data)) >= 0) goto done;
  precis_status st = precis_rouge_new(&ro, &r);
  if (st != PRECIS_OK) {
    rc = rouge_fail(st == PRECIS_ERR_NOMEM ? EXIT_FAIL : EXIT_USAGE,
                    "cannot set up the scorer: %s%s", precis_strerror(st),
                    st == PRECIS_ERR_PARSE ? " (exception table)" : "");
    goto done;
  }
  if (jsonl)
    rc = S_run_jsonl(r, &o);
  else if (o.zfmt)
    rc = S_run_list(r, &o);
  else if (dirs)
    rc = S_run_dirs(r, &o);
  else
    rc = S_run_xml(r, &o);
done:
  precis_rouge_free(r);
  free(data[0]);
  free(data[1]);
  free(o.flags);
  return rc;
}
