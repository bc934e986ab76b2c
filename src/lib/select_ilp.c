/* select_ilp.c — the concept-coverage ILP of Gillick & Favre, "A Scalable
 * Global Model for Summarization" (ILP for NLP workshop, NAACL 2009).
 *
 * With concepts i of weight w_i (select_concepts.c: stemmed bigrams
 * weighted by the number of articles containing them) and candidate
 * sentences j of cost l_j:
 *
 *   maximize   sum_i w_i c_i + sum_j bonus_j s_j
 *   subject to sum_j l_j s_j <= budget
 *              c_i <= sum_{j contains i} s_j        for every concept i
 *              s_j binary, 0 <= c_i <= 1
 *
 * c_i needs no integrality: for integer s the optimum puts c_i at
 * min(1, sum s_j), which is 0 or 1. Gillick & Favre's s_j <= c_i rows are
 * implied while every w_i is positive (c_i only gains from being 1), so
 * they are optional (ilp_params.consistency_rows). bonus_j carries
 * optional sentence-level terms (none in the two selectors here);
 * select_ilp_pos.c adds s_j <= s_pred(j) rows (a dangling opener only
 * with the sentence before it) and s_j + s_k <= 1 rows (no
 * near-duplicates).
 *
 * Pruning keeps the problem small: candidates are selectable sentences of
 * at least min_words words, the max_cand best by concept weight (with a
 * position prior); concepts are those the candidates contain.
 *
 * GLPK (glp_intopt, branch-and-cut, from the greedy solution) solves it
 * exactly under a time cap (ilp_params.time_limit_ms, 200 ms for `ilp`;
 * on DUC 2003 the slowest of the 30 clusters takes about 40 ms). When
 * the cap is reached or GLPK fails, the greedy solution (concepts_greedy)
 * is used instead, or the best integer solution GLPK found if it is
 * better, and sel_result.note says so. ilp_select_with can also run
 * concepts_bnb first (ilp_params.bnb_nodes), as select_ilp_pos.c does.
 *
 * GLPK and threads. GLPK keeps its state (memory accounting, terminal
 * output switch, hooks) in an "environment" reached through one pointer.
 * Debian's libglpk 5.0 is built with that pointer thread-local (the
 * library has a TLS segment; glp_config("TLS") names the keyword), so
 * each thread has its own environment and concurrent solves in different
 * threads do not interact. We rely on exactly that, and on the documented
 * error protocol: on an internal error GLPK calls the hook installed by
 * glp_error_hook and then abort()s unless the hook does not return; our
 * hook longjmp()s back into ilp_solve's frame, after which the
 * environment must be freed with glp_free_env (which releases every GLPK
 * object of this thread). Per solve:
 *   - glp_init_env(): 0 = we created the environment (we free it at the
 *     end, so a thread that exits leaks nothing), 1 = it already existed
 *     (the caller's: we leave it, and restore its terminal switch);
 *   - terminal output off, and a terminal hook that swallows everything
 *     (the error path switches output back on before printing);
 *   - the error hook above; hooks are reset to GLPK's defaults after the
 *     solve (GLPK has no way to read the caller's hooks back).
 * A program that uses GLPK itself in the same thread keeps working,
 * except after a GLPK internal error inside our solve, which frees that
 * thread's GLPK objects (GLPK leaves no other way to recover).
 */
#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "select_concepts.h"

#define NONE UINT32_MAX

void ilp_params_default(ilp_params *p) {
  memset(p, 0, sizeof *p);
  /* support >= 2 articles, and >= 3 of 10 (Gillick & Favre used 3 on
   * 10-article TAC clusters) */
  p->concepts.min_support = 2;
  p->concepts.min_support_frac = 0.25;
  p->concepts.pos_scale = 1;
  p->concepts.low_weight = 0.01; /* fill what the budget has left */
  p->min_words = 8;
  p->max_cand = 35; /* per 100 words: DUC-size clusters well under 100 ms */
  p->scale_pool = 1;
  p->time_limit_ms = 200;
  p->greedy_r = 1.0;
  p->max_sim = 1.0;
  p->warm_start = 1;
}

enum { SOLVE_OPT, SOLVE_TIME, SOLVE_NODES, SOLVE_FAIL };

typedef struct ilp_model {
  /* problem */
  const concept_set *k;
  const uint32_t *cand;
  size_t n;         /* candidates: columns 1..n */
  size_t m;         /* concept groups: columns n+1..n+m */
  uint32_t *col_of; /* concept id -> column - n - 1, or NONE (folded) */
  uint32_t *conc;   /* column - n - 1 -> slot of its first concept */
  double *obj;      /* 1-based objective coefficients */
  size_t rows, nnz;
  int *ia, *ja; /* 1-based constraint matrix */
  double *ar;
  int *row_type; /* 1-based: GLP_UP bounds */
  double *row_ub;
  double *x0; /* 1-based warm start (greedy), or NULL */
  int heur_done;
  int time_limit_ms, warm_start, inject_error;
  /* result */
  unsigned char *sol; /* chosen candidates */
  double value;
  jmp_buf jb;
} ilp_model;

static void S_on_glpk_error(void *info) {
  ilp_model *t = info;
  longjmp(t->jb, 1);
}

static int S_quiet(void *info, const char *s) {
  (void)info;
  (void)s;
  return 1; /* output intercepted: nothing reaches stdout */
}

static void S_callback(glp_tree *T, void *info) {
  ilp_model *t = info;
  if (glp_ios_reason(T) == GLP_IHEUR && t->x0 && !t->heur_done) {
    t->heur_done = 1;
    glp_ios_heur_sol(T, t->x0);
  }
}

/* Build, solve and read back the ILP; GLPK-allocated memory only, so the
 * error path can drop all of it with glp_free_env. */
static int S_solve(ilp_model *t) {
  int env = glp_init_env();
  if (env != 0 && env != 1) return SOLVE_FAIL;
  int prev_out = glp_term_out(GLP_OFF);
  glp_term_hook(S_quiet, NULL);
  glp_error_hook(S_on_glpk_error, t);
  if (setjmp(t->jb)) {
    /* GLPK's environment is unusable after an error: free it whole. */
    glp_free_env();
    return SOLVE_FAIL;
  }
  glp_prob *P = glp_create_prob();
  glp_set_obj_dir(P, GLP_MAX);
  int ncol = (int)(t->n + t->m);
  glp_add_cols(P, ncol);
  for (int j = 1; j <= ncol; j++) {
    if ((size_t)j <= t->n)
      glp_set_col_kind(P, j, GLP_BV);
    else
      glp_set_col_bnds(P, j, GLP_DB, 0.0, 1.0);
    glp_set_obj_coef(P, j, t->obj[j]);
  }
  glp_add_rows(P, (int)t->rows);
  for (size_t r = 1; r <= t->rows; r++)
    glp_set_row_bnds(P, (int)r, t->row_type[r], 0.0, t->row_ub[r]);
  glp_load_matrix(P, (int)t->nnz, t->ia, t->ja, t->ar);
  if (t->inject_error) glp_error("precis: injected error\n");

  glp_iocp parm;
  glp_init_iocp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.tm_lim = t->time_limit_ms;
  int ok = 1;
  if (t->warm_start) {
    glp_smcp sp;
    glp_init_smcp(&sp);
    sp.msg_lev = GLP_MSG_OFF;
    ok = glp_simplex(P, &sp) == 0 && glp_get_status(P) == GLP_OPT;
    parm.presolve = GLP_OFF;
  } else {
    parm.presolve = GLP_ON;
  }
  parm.cb_func = S_callback;
  parm.cb_info = t;
  int ret = ok ? glp_intopt(P, &parm) : GLP_EFAIL;
  int mst = glp_mip_status(P);
  int res = SOLVE_FAIL;
  if (ret == 0 && (mst == GLP_OPT || mst == GLP_FEAS)) {
    res = SOLVE_OPT;
    t->value = glp_mip_obj_val(P);
    for (size_t j = 0; j < t->n; j++)
      t->sol[j] = glp_mip_col_val(P, (int)j + 1) > 0.5;
  } else if (ret == GLP_ETMLIM) {
    res = SOLVE_TIME;
    t->value = -HUGE_VAL;
    if (mst == GLP_FEAS) {
      t->value = glp_mip_obj_val(P);
      for (size_t j = 0; j < t->n; j++)
        t->sol[j] = glp_mip_col_val(P, (int)j + 1) > 0.5;
    }
  }
  glp_delete_prob(P);
  glp_error_hook(NULL, NULL);
  glp_term_hook(NULL, NULL);
  glp_term_out(prev_out);
  if (env == 0) glp_free_env();
  return res;
}

static void S_model_free(ilp_model *t) {
  free(t->col_of);
  free(t->conc);
  free(t->obj);
  free(t->ia);
  free(t->ja);
  free(t->ar);
  free(t->row_type);
  free(t->row_ub);
  free(t->x0);
  free(t->sol);
}

/* Pairs of candidates too similar to appear together. */
static size_t S_count_pairs(const cover_extra *x, size_t n, uint32_t *pairs) {
  size_t np = 0;
  if (!x->clash) return 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++)
      if (x->clash[i * n + j]) {
        if (pairs) {
          pairs[2 * np] = (uint32_t)i;
          pairs[2 * np + 1] = (uint32_t)j;
        }
        np++;
      }
  return np;
}

static uint64_t S_hash_list(const uint32_t *v, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) {
    h ^= v[i];
    h *= 1099511628211ULL;
  }
  return h;
}

/* Exact reductions before GLPK sees the problem: a concept that only one
 * candidate contains becomes part of that candidate's objective
 * coefficient (its c_i would just copy s_j), and concepts contained in
 * exactly the same candidates share one column and one row, with the sum
 * of their weights. Fewer rows make every node of branch-and-bound
 * cheaper; the optimum is unchanged. */
static precis_status S_group_concepts(ilp_model *t, uint32_t **lists,
                                      uint32_t **list_off) {
  const concept_set *k = t->k;
  size_t n = t->n;
  uint32_t *cnt = calloc(k->n + 1, sizeof *cnt);
  uint32_t *present = malloc((k->n + 1) * sizeof *present);
  if (!cnt || !present) {
    free(cnt);
    free(present);
    return PRECIS_ERR_NOMEM;
  }
  size_t np = 0, occ = 0;
  for (size_t j = 0; j < n; j++)
    for (uint32_t q = k->off[t->cand[j]]; q < k->off[t->cand[j] + 1]; q++) {
      if (cnt[k->id[q]]++ == 0) present[np++] = k->id[q];
      occ++;
    }
  /* candidate lists of shared concepts, in CSR over `present` order */
  uint32_t *idx = malloc((k->n + 1) * sizeof *idx); /* concept -> slot */
  uint32_t *off = calloc(np + 2, sizeof *off);
  uint32_t *lst = malloc((occ + 1) * sizeof *lst);
  uint32_t *fill = malloc((np + 1) * sizeof *fill);
  size_t hcap = 16;
  while (hcap < 2 * np + 2)
    hcap *= 2;
  uint32_t *htab = malloc(hcap * sizeof *htab);
  if (!idx || !off || !lst || !fill || !htab) {
    free(cnt);
    free(present);
    free(idx);
    free(off);
    free(lst);
    free(fill);
    free(htab);
    return PRECIS_ERR_NOMEM;
  }
  for (size_t i = 0; i < np; i++) {
    idx[present[i]] = (uint32_t)i;
    off[i + 1] = off[i] + cnt[present[i]];
    fill[i] = off[i];
  }
  for (size_t j = 0; j < n; j++)
    for (uint32_t q = k->off[t->cand[j]]; q < k->off[t->cand[j] + 1]; q++)
      lst[fill[idx[k->id[q]]]++] = (uint32_t)j;
  memset(htab, 0xff, hcap * sizeof *htab);
  size_t m = 0;
  for (size_t i = 0; i < np; i++) {
    uint32_t cid = present[i];
    double w = k->w[cid];
    if (cnt[cid] == 1) {
      t->obj[lst[off[i]] + 1] += w;
      t->col_of[cid] = NONE;
      continue;
    }
    const uint32_t *li = lst + off[i];
    size_t len = off[i + 1] - off[i];
    size_t h = (size_t)S_hash_list(li, len) & (hcap - 1);
    for (;;) {
      uint32_t g = htab[h];
      if (g == NONE) {
        htab[h] = (uint32_t)i;
        t->conc[m] = (uint32_t)i; /* representative slot */
        t->col_of[cid] = (uint32_t)m;
        t->obj[n + 1 + m] = w;
        m++;
        break;
      }
      uint32_t rep = present[g];
      size_t glen = off[g + 1] - off[g];
      if (glen == len && memcmp(lst + off[g], li, len * sizeof *li) == 0) {
        uint32_t col = t->col_of[rep];
        t->col_of[cid] = col;
        t->obj[n + 1 + col] += w;
        break;
      }
      h = (h + 1) & (hcap - 1);
    }
  }
  t->m = m;
  free(cnt);
  free(present);
  free(idx);
  free(fill);
  free(htab);
  *lists = lst;
  *list_off = off;
  return PRECIS_OK;
}

static int S_cmp_size(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

/* The most candidates any feasible brief can hold. */
static size_t S_max_count(const precis_cluster *c, const budget *b,
                          const uint32_t *cand, size_t n) {
  size_t *cost = malloc((n + 1) * sizeof *cost);
  if (!cost) return n; /* the row is only a strengthening */
  for (size_t j = 0; j < n; j++)
    cost[j] = budget_cost(b, &c->sents[cand[j]]);
  qsort(cost, n, sizeof *cost, S_cmp_size);
  size_t cap = budget_capacity(b), used = 0, k = 0;
  while (k < n && used + cost[k] <= cap)
    used += cost[k++];
  free(cost);
  return k;
}

static precis_status S_build(const precis_cluster *c, const budget *b,
                             const ilp_params *p, const cover_extra *x,
                             ilp_model *t, uint32_t **pairs_out,
                             uint32_t **lists_out, uint32_t **off_out) {
  const concept_set *k = t->k;
  size_t n = t->n;
  t->col_of = malloc((k->n + 1) * sizeof *t->col_of);
  t->conc = malloc((k->n + 1) * sizeof *t->conc);
  t->obj = calloc(n + k->n + 1, sizeof *t->obj);
  t->sol = calloc(n + 1, 1);
  if (!t->col_of || !t->conc || !t->obj || !t->sol) return PRECIS_ERR_NOMEM;
  for (size_t j = 0; j < n; j++)
    t->obj[j + 1] = x->bonus ? x->bonus[j] : 0.0;
  uint32_t *lst, *off;
  precis_status st = S_group_concepts(t, &lst, &off);
  if (st != PRECIS_OK) return st;
  *lists_out = lst;
  *off_out = off;
  size_t m = t->m, occ = 0;
  for (size_t g = 0; g < m; g++) {
    uint32_t slot = t->conc[g];
    occ += off[slot + 1] - off[slot];
  }
  size_t npairs = S_count_pairs(x, n, NULL);
  uint32_t *pairs = malloc((2 * npairs + 1) * sizeof *pairs);
  if (!pairs) return PRECIS_ERR_NOMEM;
  *pairs_out = pairs;
  S_count_pairs(x, n, pairs);
  size_t nreq = 0;
  for (size_t j = 0; j < n; j++)
    nreq += (x->requires && x->requires[j] != NONE) +
            (x->joins && x->joins[j] != NONE);
  size_t rows = 2 + m + npairs + nreq + (p->consistency_rows ? occ : 0);
  size_t nnz = 2 * n + (m + occ) + 2 * npairs + 2 * nreq +
               (p->consistency_rows ? 2 * occ : 0);
  t->ia = malloc((nnz + 1) * sizeof *t->ia);
  t->ja = malloc((nnz + 1) * sizeof *t->ja);
  t->ar = malloc((nnz + 1) * sizeof *t->ar);
  t->row_type = malloc((rows + 1) * sizeof *t->row_type);
  t->row_ub = malloc((rows + 1) * sizeof *t->row_ub);
  if (!t->ia || !t->ja || !t->ar || !t->row_type || !t->row_ub)
    return PRECIS_ERR_NOMEM;
  size_t r = 0, z = 0;
#define ENTRY(row, col, val)                                                   \
  do {                                                                         \
    z++;                                                                       \
    t->ia[z] = (int)(row);                                                     \
    t->ja[z] = (int)(col);                                                     \
    t->ar[z] = (val);                                                          \
  } while (0)
#define ROW(ub)                                                                \
  do {                                                                         \
    r++;                                                                       \
    t->row_type[r] = GLP_UP;                                                   \
    t->row_ub[r] = (ub);                                                       \
  } while (0)
  /* budget: sum_j l_j s_j <= L */
  ROW((double)budget_capacity(b));
  for (size_t j = 0; j < n; j++)
    ENTRY(r, j + 1, (double)budget_cost(b, &c->sents[t->cand[j]]));
  /* cardinality: at most as many sentences as the shortest ones that
   * fit (implied by the budget row, but it tightens the relaxation) */
  ROW((double)S_max_count(c, b, t->cand, n));
  for (size_t j = 0; j < n; j++)
    ENTRY(r, j + 1, 1.0);
  /* coverage: c_g - sum_{j contains g} s_j <= 0 */
  for (size_t g = 0; g < m; g++) {
    uint32_t slot = t->conc[g];
    ROW(0.0);
    ENTRY(r, n + 1 + g, 1.0);
    for (uint32_t q = off[slot]; q < off[slot + 1]; q++)
      ENTRY(r, lst[q] + 1, -1.0);
  }
  /* near-duplicates: s_i + s_j <= 1 */
  for (size_t e = 0; e < npairs; e++) {
    ROW(1.0);
    ENTRY(r, pairs[2 * e] + 1, 1.0);
    ENTRY(r, pairs[2 * e + 1] + 1, 1.0);
  }
  /* requirements: s_j - s_pred <= 0 */
  for (size_t j = 0; x->requires && j < n; j++) {
    if (x->requires[j] == NONE) continue;
    ROW(0.0);
    ENTRY(r, j + 1, 1.0);
    ENTRY(r, x->requires[j] + 1, -1.0);
  }
  /* a quotation's opening: s_j - s_rest <= 0 */
  for (size_t j = 0; x->joins && j < n; j++) {
    if (x->joins[j] == NONE) continue;
    ROW(0.0);
    ENTRY(r, j + 1, 1.0);
    ENTRY(r, x->joins[j] + 1, -1.0);
  }
  /* Gillick & Favre's consistency rows: s_j - c_g <= 0 */
  if (p->consistency_rows)
    for (size_t g = 0; g < m; g++) {
      uint32_t slot = t->conc[g];
      for (uint32_t q = off[slot]; q < off[slot + 1]; q++) {
        ROW(0.0);
        ENTRY(r, lst[q] + 1, 1.0);
        ENTRY(r, n + 1 + g, -1.0);
      }
    }
#undef ROW
#undef ENTRY
  t->rows = r;
  t->nnz = z;
  return PRECIS_OK;
}

/* Value of a set of candidates under the objective. */
static double S_value(const concept_set *k, const uint32_t *cand,
                      const cover_extra *x, const unsigned char *sol, size_t n,
                      unsigned char *seen) {
  double v = 0;
  memset(seen, 0, k->n + 1);
  for (size_t j = 0; j < n; j++) {
    if (!sol[j]) continue;
    if (x->bonus) v += x->bonus[j];
    for (uint32_t q = k->off[cand[j]]; q < k->off[cand[j] + 1]; q++)
      if (!seen[k->id[q]]) {
        seen[k->id[q]] = 1;
        v += k->w[k->id[q]];
      }
  }
  return v;
}

/* 1 if a set of candidates satisfies every row of the model (the
 * greedy's is handed to GLPK as a starting incumbent, which GLPK takes
 * on trust). */
static int S_feasible(const precis_cluster *c, const budget *b,
                      const uint32_t *cand, const cover_extra *x,
                      const unsigned char *sol, size_t n) {
  size_t used = 0;
  for (size_t j = 0; j < n; j++) {
    if (!sol[j]) continue;
    used += budget_cost(b, &c->sents[cand[j]]);
    if (x->requires && x->requires[j] != NONE && !sol[x->requires[j]]) return 0;
    if (x->joins && x->joins[j] != NONE && !sol[x->joins[j]]) return 0;
    for (size_t i = j + 1; x->clash && i < n; i++)
      if (sol[i] && x->clash[j * n + i]) return 0;
  }
  return used <= budget_capacity(b);
}

/* sel_result.note for a solve that did not prove optimality. */
static const char *S_note(int res, int improved) {
  switch (res) {
  case SOLVE_TIME:
    return improved ? "ilp: time cap reached, best solution so far"
                    : "ilp: time cap reached, greedy fallback";
  case SOLVE_NODES:
    return improved ? "ilp: node limit reached, best solution so far"
                    : "ilp: node limit reached, greedy fallback";
  default:
    return improved ? "ilp: solver failed, best solution so far"
                    : "ilp: solver failed, greedy fallback";
  }
}

static double S_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

typedef struct pick_score {
  double score;
  uint32_t idx;
} pick_score;

static int S_pick_cmp(const void *a, const void *b) {
  const pick_score *x = a, *y = b;
  if (x->score != y->score) return x->score < y->score ? 1 : -1;
  return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Push the chosen candidates, best first (score: their concept weight
 * plus bonus). */
static precis_status S_emit(const concept_set *k, const uint32_t *cand,
                            const cover_extra *x, const unsigned char *sol,
                            size_t n, sel_result *out) {
  pick_score *ps = malloc((n + 1) * sizeof *ps);
  if (!ps) return PRECIS_ERR_NOMEM;
  size_t np = 0;
  for (size_t j = 0; j < n; j++) {
    if (!sol[j]) continue;
    ps[np].score =
        concepts_sentence_weight(k, cand[j]) + (x->bonus ? x->bonus[j] : 0);
    ps[np].idx = cand[j];
    np++;
  }
  qsort(ps, np, sizeof *ps, S_pick_cmp);
  precis_status st = PRECIS_OK;
  for (size_t i = 0; i < np && st == PRECIS_OK; i++)
    st = sel_push(out, ps[i].idx, ps[i].score);
  free(ps);
  return st;
}

/* The greedy solution as a 0/1 vector over the candidates, with its
 * objective value. */
static precis_status S_greedy(precis_cluster *c, const budget *b,
                              const ilp_params *p, const concept_set *k,
                              const uint32_t *cand, size_t n,
                              const cover_extra *x, uint32_t *pick,
                              unsigned char *gsol, unsigned char *seen,
                              double *gval) {
  size_t np = 0;
  precis_status st =
      concepts_greedy(c, k, b, cand, n, x, p->greedy_r, pick, &np, gval);
  if (st != PRECIS_OK) return st;
  memset(gsol, 0, n);
  for (size_t i = 0; i < np; i++)
    gsol[pick[i]] = 1;
  *gval = S_value(k, cand, x, gsol, n, seen);
  return PRECIS_OK;
}

precis_status ilp_select_with(precis_cluster *c, const budget *b,
                              const ilp_params *p, const concept_set *k,
                              const uint32_t *cand, size_t n,
                              const cover_extra *x, sel_result *out) {
  precis_status st = PRECIS_ERR_NOMEM;
  ilp_model t;
  memset(&t, 0, sizeof t);
  unsigned char *clash = NULL;
  cover_extra xx = *x;
  if (!xx.clash && xx.max_sim < 1.0) {
    st = concepts_clash(c, cand, n, xx.max_sim, &clash);
    if (st != PRECIS_OK) return st;
    xx.clash = clash;
  }
  x = &xx;
  st = PRECIS_ERR_NOMEM;
  uint32_t *pick = malloc((n + 1) * sizeof *pick);
  unsigned char *gsol = calloc(n + 1, 1);
  unsigned char *seen = malloc(k->n + 1);
  uint32_t *pairs = NULL, *lists = NULL, *list_off = NULL;
  if (!pick || !gsol || !seen) goto out;
  double gval = 0;
  /* A budget that holds every candidate leaves only the near-duplicate
   * and unit rows. Branch-and-bound settles small such problems at once;
   * on a big one (the report's "only in X" ranking asks for every
   * sentence of the cluster) it would spend its whole node limit, and on
   * a slow machine (a sanitizer build, a loaded server) hit the time cap
   * first, so that the result would depend on the machine. A tenth of the
   * node limit keeps such searches short and deterministic. */
  size_t total = 0, nodes = p->bnb_nodes;
  for (size_t j = 0; j < n; j++)
    total += budget_cost(b, &c->sents[cand[j]]);
  if (total <= budget_capacity(b) && nodes > 10)
    nodes /= 10;
  int use_bnb = p->bnb_nodes > 0 && p->time_limit_ms > 0;
  /* The greedy solution: the fallback, and GLPK's first incumbent.
   * Branch-and-bound does without it (its first dive is the same kind
   * of greedy, best ratio first). */
  if (!use_bnb) {
    st = S_greedy(c, b, p, k, cand, n, x, pick, gsol, seen, &gval);
    if (st != PRECIS_OK) goto out;
  }
  const unsigned char *use = gsol;
  /* Branch-and-bound first (when enabled), GLPK after it if it did not
   * finish. Node limits keep the result deterministic; the time cap
   * covers both solvers together and is a safety net. */
  double start = S_now_ms(), g0 = gval;
  int bnb = -1, improved = 0;
  if (use_bnb) {
    st = concepts_bnb(c, k, b, cand, n, x, nodes,
                      (double)p->time_limit_ms, gsol, &gval, &bnb);
    if (st != PRECIS_OK) goto out;
    improved = gval > g0 + 1e-9;
    if (bnb != BNB_OPTIMAL && !improved) {
      /* stopped before finding anything: the greedy, then */
      st = S_greedy(c, b, p, k, cand, n, x, pick, gsol, seen, &gval);
      if (st != PRECIS_OK) goto out;
    }
  }
  int left = p->time_limit_ms - (int)(S_now_ms() - start);
  if (bnb == BNB_OPTIMAL) {
    /* solved by branch-and-bound */
  } else if (p->time_limit_ms <= 0 || bnb == BNB_TIME || left <= 0) {
    out->note = S_note(SOLVE_TIME, improved);
  } else if (bnb == BNB_NODES && !p->glpk_after_bnb) {
    out->note = S_note(SOLVE_NODES, improved);
  } else {
    t.k = k;
    t.cand = cand;
    t.n = n;
    t.time_limit_ms = left;
    t.warm_start = p->warm_start;
    t.inject_error = p->inject_error;
    st = S_build(c, b, p, x, &t, &pairs, &lists, &list_off);
    if (st != PRECIS_OK) goto out;
    if (t.warm_start && S_feasible(c, b, cand, x, gsol, n)) {
      t.x0 = calloc(n + t.m + 1, sizeof *t.x0);
      if (!t.x0) {
        st = PRECIS_ERR_NOMEM;
        goto out;
      }
      for (size_t j = 0; j < n; j++) {
        if (!gsol[j]) continue;
        t.x0[j + 1] = 1.0;
        for (uint32_t q = k->off[cand[j]]; q < k->off[cand[j] + 1]; q++)
          if (t.col_of[k->id[q]] != NONE)
            t.x0[n + 1 + t.col_of[k->id[q]]] = 1.0;
      }
    }
    int res = S_solve(&t);
    if (res == SOLVE_OPT) {
      use = t.sol;
    } else if (res == SOLVE_FAIL) {
      out->note = S_note(SOLVE_FAIL, improved);
    } else {
      double v =
          t.value > -HUGE_VAL ? S_value(k, cand, x, t.sol, n, seen) : -HUGE_VAL;
      if (v > gval + 1e-9) {
        use = t.sol;
        improved = 1;
      }
      out->note = S_note(res, improved);
    }
  }
  st = S_emit(k, cand, x, use, n, out);
out:
  S_model_free(&t);
  free(pick);
  free(gsol);
  free(seen);
  free(pairs);
  free(lists);
  free(list_off);
  free(clash);
  return st;
}

precis_status ilp_select(precis_cluster *c, const budget *b,
                         const ilp_params *p, sel_result *out) {
  concept_set k;
  uint32_t *cand = NULL;
  size_t n = 0;
  precis_status st = concepts_build(c, &p->concepts, &k);
  if (st != PRECIS_OK) return st;
  st = concepts_candidates(c, &k, b, p->min_words,
                           p->scale_pool ? concepts_pool_size(b, p->max_cand)
                                         : p->max_cand,
                           p->cand_pos_boost, &cand, &n);
  if (st != PRECIS_OK) goto out;
  cover_extra x = {NULL, NULL, NULL, p->max_sim, NULL};
  if (n == 0) {
    /* Nothing fits whole: leave it to the common fill (which honours
     * --allow-overflow), longest-concept-weight first. */
    size_t ns = c->nsents;
    uint32_t *order = malloc((ns + 1) * sizeof *order);
    double *score = malloc((ns + 1) * sizeof *score);
    if (!order || !score) {
      free(order);
      free(score);
      st = PRECIS_ERR_NOMEM;
      goto out;
    }
    for (size_t i = 0; i < ns; i++) {
      order[i] = (uint32_t)i;
      score[i] = concepts_sentence_weight(&k, (uint32_t)i);
    }
    st = sort_by_score(order, ns, score);
    if (st == PRECIS_OK)
      st = select_greedy_fill(c, b, order, score, ns, 0.5, out);
    free(order);
    free(score);
    goto out;
  }
  st = ilp_select_with(c, b, p, &k, cand, n, &x, out);
out:
  free(cand);
  concepts_free(&k);
  return st;
}

static precis_status S_ilp(precis_cluster *c, const budget *b,
                           sel_result *out) {
  ilp_params p;
  ilp_params_default(&p);
  return ilp_select(c, b, &p, out);
}

const selector select_ilp = {
    "ilp",
    "concept coverage ILP (Gillick & Favre 2009): word bigrams weighted by "
    "outlet count, solved exactly with GLPK",
    S_ilp};
