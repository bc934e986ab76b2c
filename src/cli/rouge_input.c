/* rouge_input.c — see rouge_input.h. The readers of cmd_rouge.c, moved
 * out of it so that tests/fuzz/fuzz_cli_rouge.c can reach them. */
#include "rouge_input.h"

#include "input.h"

#include <dirent.h>
#include <errno.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"
#include "input.h"
#include "json_in.h"

int rouge_fail(int code, const char *fmt, ...) {
  va_list ap;
  fputs("precis rouge: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  return code;
}

int rouge_slurp(const char *path, char **out, size_t *len) {
  *out = NULL;
  *len = 0;
  FILE *f = fopen(path, "rb");
  if (!f) return errno ? errno : EIO;
  errno = 0;
  int rc = read_stream(f, ROUGE_MAX_FILE_BYTES, out, len);
  int e = errno;
  fclose(f);
  if (rc != 0) {
    *out = NULL;
    *len = 0;
    return e ? e : EIO;
  }
  return 0;
}

int rouge_format_parse(const char *s, precis_rouge_format *fmt) {
  if (strcasecmp(s, "SPL") == 0)
    *fmt = PRECIS_ROUGE_SPL;
  else if (strcasecmp(s, "SEE") == 0)
    *fmt = PRECIS_ROUGE_SEE;
  else if (strcasecmp(s, "ISI") == 0)
    *fmt = PRECIS_ROUGE_ISI;
  else if (strcasecmp(s, "SIMPLE") == 0)
    return rouge_fail(EXIT_USAGE, "input format SIMPLE (Basic Elements) is "
                      "not supported");
  else
    return rouge_fail(EXIT_USAGE, "unknown input format '%s'", s);
  return -1;
}

static char *S_dup(const char *s, size_t n) {
  char *p = malloc(n + 1);
  if (p) {
    if (n) memcpy(p, s, n);
    p[n] = '\0';
  }
  return p;
}

char *rouge_path_join(const char *dir, const char *name) {
  size_t n = strlen(dir) + strlen(name) + 2;
  char *p = malloc(n);
  if (p) snprintf(p, n, "%s/%s", dir, name);
  return p;
}

static int S_cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* ---- directory pair ---- */

int rouge_is_txt_name(const char *name) {
  size_t l = strlen(name);
  return name[0] != '.' && l > 4 && strcmp(name + l - 4, ".txt") == 0;
}

int rouge_list_txt(const char *dir, char ***out, size_t *n) {
  DIR *d = opendir(dir);
  char **v = NULL;
  size_t cap = 0;
  *out = NULL;
  *n = 0;
  if (!d) return rouge_fail(EXIT_USAGE, "cannot open %s: %s", dir,
                            strerror(errno));
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (!rouge_is_txt_name(e->d_name)) continue;
    char *path = rouge_path_join(dir, e->d_name);
    struct stat sb;
    int gone = path && stat(path, &sb) != 0;
    int reg = path && !gone && S_ISREG(sb.st_mode);
    if (path && !reg)
      fprintf(stderr, "precis rouge: warning: skipping %s: %s\n", path,
              gone ? strerror(errno) : "not a regular file");
    free(path);
    if (!reg) continue;
    if (*n == cap) {
      cap = cap ? cap * 2 : 256;
      char **nv = realloc(v, cap * sizeof *nv);
      if (!nv) break;
      v = nv;
    }
    if (!(v[*n] = strdup(e->d_name))) break;
    (*n)++;
  }
  int err = e != NULL; /* left the loop early: out of memory */
  closedir(d);
  if (err) {
    rouge_names_free(v, *n);
    *n = 0;
    return rouge_fail(EXIT_FAIL, "out of memory");
  }
  if (*n) qsort(v, *n, sizeof *v, S_cmp_str);
  *out = v;
  return -1;
}

void rouge_names_free(char **v, size_t n) {
  for (size_t i = 0; v && i < n; i++) free(v[i]);
  free(v);
}

/* Index of id (name without ".txt") among the sorted candidate names. */
static long S_find_id(char *const *cands, size_t n, const char *id,
                      size_t il) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    size_t cl = strlen(cands[mid]) - 4;
    size_t m = cl < il ? cl : il;
    int c = memcmp(cands[mid], id, m);
    if (c == 0) c = cl < il ? -1 : cl > il ? 1 : 0;
    if (c == 0) return (long)mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return -1;
}

size_t rouge_pair_refs(char *const *cands, size_t nc, char *const *refs,
                       size_t nr, size_t *owner) {
  size_t unmatched = 0;
  for (size_t j = 0; j < nr; j++) {
    size_t sl = strlen(refs[j]) - 4;
    long c = S_find_id(cands, nc, refs[j], sl);
    if (c < 0) {
      const char *dot = NULL;
      for (size_t q = 0; q < sl; q++)
        if (refs[j][q] == '.') dot = refs[j] + q;
      if (dot) c = S_find_id(cands, nc, refs[j], (size_t)(dot - refs[j]));
    }
    owner[j] = c < 0 ? (size_t)-1 : (size_t)c;
    if (c < 0) unmatched++;
  }
  return unmatched;
}

/* ---- JSONL ---- */

void rouge_recs_free(rouge_rec *v, size_t n) {
  for (size_t i = 0; v && i < n; i++) {
    free(v[i].id);
    for (size_t j = 0; j < v[i].n; j++) free(v[i].text[j]);
    free(v[i].text);
    free(v[i].len);
  }
  free(v);
}

/* Fill r from one JSON line; returns NULL or a static error message. */
static const char *S_rec_from(json_object *v, int many, rouge_rec *r) {
  json_object *id = NULL, *s = NULL;
  char num[32];
  if (!json_object_is_type(v, json_type_object)) return "not a JSON object";
  json_object_object_get_ex(v, "id", &id);
  json_object_object_get_ex(v, "summary", &s);
  if (json_object_is_type(id, json_type_string)) {
    r->id = S_dup(json_object_get_string(id),
                  (size_t)json_object_get_string_len(id));
  } else if (json_object_is_type(id, json_type_int)) {
    snprintf(num, sizeof num, "%lld", (long long)json_object_get_int64(id));
    r->id = S_dup(num, strlen(num));
  } else {
    return "\"id\" must be a string or an integer";
  }
  if (!r->id) return "out of memory";
  if (r->id[0] == '\0') return "\"id\" must not be empty";
  if (json_object_is_type(id, json_type_string) &&
      strlen(r->id) != (size_t)json_object_get_string_len(id))
    return "\"id\" must not contain NUL";
  int arr = json_object_is_type(s, json_type_array);
  size_t n = arr && many ? json_object_array_length(s) : 1;
  if (!json_object_is_type(s, json_type_string) && !(many && arr))
    return many ? "\"summary\" must be a string or an array of strings"
                : "\"summary\" must be a string";
  r->text = calloc(n + 1, sizeof *r->text);
  r->len = calloc(n + 1, sizeof *r->len);
  if (!r->text || !r->len) return "out of memory";
  for (size_t j = 0; j < n; j++) {
    json_object *e = arr ? json_object_array_get_idx(s, j) : s;
    if (!json_object_is_type(e, json_type_string))
      return "\"summary\" must hold strings";
    r->len[j] = (size_t)json_object_get_string_len(e);
    if (!(r->text[j] = S_dup(json_object_get_string(e), r->len[j])))
      return "out of memory";
    r->n = j + 1;
  }
  return NULL;
}

static int S_cmp_rec(const void *a, const void *b) {
  const rouge_rec *x = a, *y = b;
  int c = strcmp(x->id, y->id);
  return c ? c : (x->line > y->line) - (x->line < y->line);
}

int rouge_jsonl_parse(FILE *f, const char *name, int many, size_t max_line,
                      rouge_rec **out, size_t *n) {
  line_reader lr;
  const char *line;
  size_t got, rcap = 0;
  line_status st;
  long lineno = 0;
  int rc = -1;
  rouge_rec *v = NULL;
  *n = 0;
  line_reader_init(&lr, f, max_line);
  while ((st = line_reader_next(&lr, &line, &got)) != LR_END) {
    if (st == LR_ERROR) {
      rc = rouge_fail(EXIT_USAGE, "cannot read %s: %s", name,
                      strerror(errno));
      break;
    }
    lineno++;
    if (st == LR_TOO_LONG) {
      rc = rouge_fail(EXIT_USAGE, "%s:%ld: line longer than %zu bytes", name,
                      lineno, max_line);
      break;
    }
    if (st == LR_BINARY) {
      rc = rouge_fail(EXIT_USAGE, "%s:%ld: binary data (a NUL byte)", name,
                      lineno);
      break;
    }
    size_t k = 0;
    while (k < got && strchr(" \t\r\n", line[k])) k++;
    if (k == got) continue; /* blank line */
    json_in_error je;
    json_object *j = json_in_parse(line, got, &je);
    if (!j) {
      rc = rouge_fail(EXIT_USAGE, "%s:%ld: malformed JSON: %s", name, lineno,
                      je.text);
      break;
    }
    if (*n == rcap) {
      rcap = rcap ? rcap * 2 : 1024;
      rouge_rec *nv = realloc(v, rcap * sizeof *nv);
      if (!nv) {
        json_object_put(j);
        rc = rouge_fail(EXIT_FAIL, "out of memory");
        break;
      }
      v = nv;
    }
    rouge_rec *r = &v[(*n)++];
    memset(r, 0, sizeof *r);
    r->line = lineno;
    const char *err = S_rec_from(j, many, r);
    json_object_put(j);
    if (err) {
      rc = rouge_fail(EXIT_USAGE, "%s:%ld: %s", name, lineno, err);
      break;
    }
  }
  line_reader_free(&lr);
  if (rc < 0 && *n) {
    qsort(v, *n, sizeof *v, S_cmp_rec);
    for (size_t i = 1; i < *n && rc < 0; i++)
      if (strcmp(v[i - 1].id, v[i].id) == 0)
        rc = rouge_fail(EXIT_USAGE, "%s:%ld: duplicate id '%s' (first on "
                        "line %ld)", name, v[i].line, v[i].id,
                        v[i - 1].line);
  }
  *out = v;
  return rc;
}

int rouge_jsonl_read(const char *path, int many, rouge_rec **out,
                     size_t *n) {
  FILE *f = fopen(path, "rb");
  *out = NULL;
  *n = 0;
  if (!f) return rouge_fail(EXIT_USAGE, "cannot read %s: %s", path,
                            strerror(errno));
  int rc = rouge_jsonl_parse(f, path, many, INPUT_MAX_FILE_BYTES, out, n);
  fclose(f);
  return rc;
}

rouge_rec *rouge_rec_find(rouge_rec *v, size_t n, const char *id) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(v[mid].id, id);
    if (c == 0) return &v[mid];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

/* ---- -z list ---- */

int rouge_list_parse(char *text, size_t len, const char *name,
                     const char *peer, precis_rouge_format fmt,
                     rouge_instance_fn fn, void *ctx) {
  int rc = -1;
  char **names = malloc((len / 2 + 2) * sizeof *names);
  if (!names) return rouge_fail(EXIT_FAIL, "out of memory");
  long lineno = 0, eval = 0;
  char *p = text, *end = text + len;
  while (p < end && rc < 0) {
    char *nl = memchr(p, '\n', (size_t)(end - p));
    char *le = nl ? nl : end;
    lineno++;
    size_t k = 0;
    if (*p != '#') {
      char *q = p;
      while (q < le) {
        while (q < le && strchr(" \t\r\v\f", *q)) q++;
        if (q == le) break;
        names[k++] = q;
        while (q < le && !strchr(" \t\r\v\f", *q)) q++;
        *q++ = '\0'; /* q <= le: overwrites a blank, the LF or the NUL */
      }
    }
    p = le + 1;
    if (k == 0) continue;
    if (k < 2) {
      rc = rouge_fail(EXIT_USAGE, "%s:%ld: need a peer file and at least "
                      "one model file", name, lineno);
      break;
    }
    char id[32];
    snprintf(id, sizeof id, "%ld", ++eval);
    rc = fn(ctx, id, peer, fmt, names[0], names + 1, k - 1);
  }
  free(names);
  return rc;
}

/* ---- XML configuration ---- */

static int S_name_is(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE &&
         strcasecmp((const char *)n->name, name) == 0;
}

/* Attribute by case-insensitive name; malloc'd (xmlFree) or NULL. */
static char *S_attr(const xmlNode *n, const char *name) {
  for (const xmlAttr *a = n->properties; a; a = a->next)
    if (strcasecmp((const char *)a->name, name) == 0)
      return (char *)xmlNodeListGetString(n->doc, a->children, 1);
  return NULL;
}

/* Element text without surrounding whitespace; malloc'd or NULL. */
static char *S_text(const xmlNode *n) {
  xmlChar *c = xmlNodeGetContent(n);
  if (!c) return NULL;
  const char *s = (const char *)c;
  size_t l = strlen(s);
  while (l && strchr(" \t\r\n\v\f", s[l - 1])) l--;
  while (l && strchr(" \t\r\n\v\f", *s)) {
    s++;
    l--;
  }
  char *out = S_dup(s, l);
  xmlFree(c);
  return out;
}

/* The nodes under n. An entity reference's `children` is the entity's
 * declaration, whose `next` is the DTD's next declaration: following it
 * left the element tree, and looped forever (a stack overflow) when a
 * later declaration referred to an earlier entity. S_find, S_evals and
 * S_count_children go into the entity's content instead, so an element
 * given by an entity is found, as ROUGE-1.5.5 (whose XML parser expands
 * entities) finds it. */
static const xmlNode *S_kids(const xmlNode *n) {
  if (n->type == XML_ENTITY_REF_NODE) {
    const xmlEntity *e = (const xmlEntity *)n->children;
    return e && e->type == XML_ENTITY_DECL ? e->children : NULL;
  }
  return n->children;
}

static const xmlNode *S_find(const xmlNode *n, const char *name) {
  for (; n; n = n->next) {
    if (S_name_is(n, name)) return n;
    const xmlNode *f = S_find(S_kids(n), name);
    if (f) return f;
  }
  return NULL;
}

/* Collect EVAL elements in document order. */
static int S_evals(const xmlNode *n, const xmlNode ***v, size_t *k,
                   size_t *cap) {
  for (; n; n = n->next) {
    if (S_name_is(n, "EVAL")) {
      if (*k == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        const xmlNode **nv = realloc(*v, *cap * sizeof *nv);
        if (!nv) return 0;
        *v = nv;
      }
      (*v)[(*k)++] = n;
    } else if (!S_evals(S_kids(n), v, k, cap)) {
      return 0;
    }
  }
  return 1;
}

static char *S_path(const char *root, const char *name) {
  if (!root || !root[0]) return S_dup(name, strlen(name));
  return rouge_path_join(root, name);
}

/* The P or M children of the PEERS/MODELS element of ev. */
static size_t S_members(const xmlNode *ev, const char *group,
                        const char *tag, const xmlNode **out, size_t max) {
  const xmlNode *g = S_find(ev->children, group);
  size_t k = 0;
  for (const xmlNode *c = g ? g->children : NULL; c && k < max; c = c->next)
    if (S_name_is(c, tag)) out[k++] = c;
  return k;
}

static size_t S_count_children(const xmlNode *n) {
  size_t k = 0;
  for (; n; n = n->next) k += 1 + S_count_children(S_kids(n));
  return k;
}

static int S_eval_one(const xmlNode *ev, char **peers, size_t npeers,
                      const char *config, rouge_instance_fn fn, void *ctx) {
  int rc = -1;
  char *id = S_attr(ev, "ID"), *proot = NULL, *mroot = NULL, *type = NULL;
  size_t max = S_count_children(ev->children) + 1, nm, np;
  const xmlNode **mem = malloc(max * sizeof *mem);
  const xmlNode **pm = malloc(max * sizeof *pm);
  char **mpaths = calloc(max, sizeof *mpaths);
  const xmlNode *n;
  precis_rouge_format fmt = PRECIS_ROUGE_SPL;
  if (!mem || !pm || !mpaths) {
    rc = rouge_fail(EXIT_FAIL, "out of memory");
    goto done;
  }
  if (!id || !id[0]) {
    rc = rouge_fail(EXIT_USAGE, "%s: an EVAL element has no ID", config);
    goto done;
  }
  if ((n = S_find(ev->children, "PEER-ROOT")) != NULL) proot = S_text(n);
  if ((n = S_find(ev->children, "MODEL-ROOT")) != NULL) mroot = S_text(n);
  if ((n = S_find(ev->children, "INPUT-FORMAT")) != NULL)
    type = S_attr(n, "TYPE");
  if (!type) {
    rc = rouge_fail(EXIT_USAGE, "%s: EVAL %s: no INPUT-FORMAT TYPE", config,
                    id);
    goto done;
  }
  if ((rc = rouge_format_parse(type, &fmt)) >= 0) goto done;
  nm = S_members(ev, "MODELS", "M", mem, max);
  if (nm == 0) {
    rc = rouge_fail(EXIT_USAGE, "%s: EVAL %s has no models", config, id);
    goto done;
  }
  for (size_t j = 0; j < nm; j++) {
    char *t = S_text(mem[j]);
    mpaths[j] = t ? S_path(mroot, t) : NULL;
    free(t);
    if (!mpaths[j]) {
      rc = rouge_fail(EXIT_FAIL, "out of memory");
      goto done;
    }
  }
  np = S_members(ev, "PEERS", "P", pm, max);
  for (size_t i = 0; i < npeers && rc < 0; i++) {
    const xmlNode *hit = NULL;
    for (size_t j = 0; j < np && !hit; j++) {
      char *pid = S_attr(pm[j], "ID");
      if (pid && strcmp(pid, peers[i]) == 0) hit = pm[j];
      xmlFree(pid);
    }
    if (!hit) {
      fprintf(stderr, "precis rouge: warning: EVAL %s has no peer %s; no "
                      "instance\n", id, peers[i]);
      continue;
    }
    char *t = S_text(hit), *ppath = t ? S_path(proot, t) : NULL;
    free(t);
    if (!ppath) {
      rc = rouge_fail(EXIT_FAIL, "out of memory");
      break;
    }
    rc = fn(ctx, id, peers[i], fmt, ppath, mpaths, nm);
    free(ppath);
  }
done:
  for (size_t j = 0; mpaths && j < max; j++) free(mpaths[j]);
  free(mpaths);
  free(mem);
  free(pm);
  xmlFree(id);
  free(proot);
  free(mroot);
  xmlFree(type);
  return rc;
}

/* All peer ids of the configuration, sorted and unique. */
static int S_all_peers(const xmlNode **evs, size_t ne, char ***out,
                       size_t *n) {
  size_t cap = 0;
  char **v = NULL;
  *n = 0;
  for (size_t e = 0; e < ne; e++) {
    const xmlNode *g = S_find(evs[e]->children, "PEERS");
    for (const xmlNode *c = g ? g->children : NULL; c; c = c->next) {
      if (!S_name_is(c, "P")) continue;
      char *pid = S_attr(c, "ID");
      if (!pid) continue;
      if (*n == cap) {
        cap = cap ? cap * 2 : 64;
        char **nv = realloc(v, cap * sizeof *nv);
        if (!nv) {
          xmlFree(pid);
          rouge_names_free(v, *n);
          return 0;
        }
        v = nv;
      }
      v[*n] = S_dup(pid, strlen(pid));
      xmlFree(pid);
      if (!v[*n]) {
        rouge_names_free(v, *n);
        return 0;
      }
      (*n)++;
    }
  }
  if (*n) qsort(v, *n, sizeof *v, S_cmp_str);
  size_t k = 0;
  for (size_t i = 0; i < *n; i++) {
    if (k && strcmp(v[k - 1], v[i]) == 0)
      free(v[i]);
    else
      v[k++] = v[i];
  }
  *n = k;
  *out = v;
  return 1;
}

int rouge_xml_parse(const char *text, size_t len, const char *name,
                    const char *system, rouge_instance_fn fn, void *ctx) {
  char **peers = NULL;
  size_t npeers = 0, ne = 0, ecap = 0;
  const xmlNode **evs = NULL;
  int rc = -1;
  if (len > (size_t)2147483647)
    return rouge_fail(EXIT_USAGE, "%s: too big", name);
  xmlDoc *doc = xmlReadMemory(text, (int)len, name, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOERROR |
                                  XML_PARSE_NOWARNING);
  if (!doc) {
    const xmlError *xe = xmlGetLastError();
    const char *msg = xe && xe->message ? xe->message : "parse error";
    int ml = (int)strcspn(msg, "\n"); /* libxml2 ends it with a newline */
    return rouge_fail(EXIT_USAGE, "%s:%d: malformed XML: %.*s", name,
                      xe ? xe->line : 0, ml, msg);
  }
  if (!S_evals(xmlDocGetRootElement(doc), &evs, &ne, &ecap)) {
    rc = rouge_fail(EXIT_FAIL, "out of memory");
    goto done;
  }
  if (!system) {
    if (!S_all_peers(evs, ne, &peers, &npeers)) {
      rc = rouge_fail(EXIT_FAIL, "out of memory");
      goto done;
    }
  } else {
    peers = malloc(sizeof *peers);
    if (!peers || !(peers[0] = S_dup(system, strlen(system)))) {
      rc = rouge_fail(EXIT_FAIL, "out of memory");
      goto done;
    }
    npeers = 1;
  }
  for (size_t i = 0; i < ne && rc < 0; i++)
    rc = S_eval_one(evs[i], peers, npeers, name, fn, ctx);
done:
  rouge_names_free(peers, npeers);
  free(evs);
  xmlFreeDoc(doc);
  return rc;
}
