/* cluster.c — articles in, analysed sentences out. See cluster.h. */
#include "cluster.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "normalize.h"
#include "sentence.h"
#include "vec.h"

/* ---- lifecycle ---- */

precis_cluster *precis_cluster_new(void) {
  precis_cluster *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  arena_init(&c->mem, 256 * 1024);
  c->lex = lex_new();
  if (!c->lex) {
    free(c);
    return NULL;
  }
  c->max_doc_bytes = PRECIS_MAX_DOC_BYTES_DEFAULT;
  cue_index_init(&c->cues);
  return c;
}

static void S_free_analysis(precis_cluster *c) {
  free(c->sents);
  free(c->toks);
  free(c->local);
  c->sents = NULL;
  c->toks = NULL;
  c->local = NULL;
}

void precis_cluster_free(precis_cluster *c) {
  if (!c) return;
  arena_free(&c->mem);
  lex_free(c->lex);
  S_free_analysis(c);
  free(c->docs);
  free(c->g_stamp);
  free(c->g_local);
  free(c);
}

void precis_cluster_reset(precis_cluster *c) {
  arena_reset(&c->mem);
  c->ndocs = 0;
  c->analyzed = 0;
  c->nsents = c->ntoks = c->nlocal = 0;
  c->lines = NULL;
}

void precis_cluster_set_max_doc_bytes(precis_cluster *c, size_t max) {
  c->max_doc_bytes = max ? max : PRECIS_MAX_DOC_BYTES_DEFAULT;
}

static const char *S_dup(arena *a, const char *s) {
  return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

precis_status precis_cluster_add(precis_cluster *c, const char *text,
                                 size_t len, const precis_doc_meta *meta) {
  if (!c || (!text && len)) return PRECIS_ERR_INVALID_ARG;
  if (len > c->max_doc_bytes) return PRECIS_ERR_TOO_BIG;
  if (c->ndocs >= PRECIS_MAX_DOCS) return PRECIS_ERR_LIMIT;
  if (text_looks_binary(text, len)) return PRECIS_ERR_BINARY;
  precis_status st =
      vec_reserve(&c->docs, &c->docs_cap, c->ndocs + 1, sizeof *c->docs, 16);
  if (st != PRECIS_OK) return st;
  doc *d = &c->docs[c->ndocs];
  memset(d, 0, sizeof *d);
  st = text_normalize(&c->mem, text ? text : "", len, &d->text, &d->len,
                      &d->stats.invalid_utf8, &d->stats.normalized);
  if (st != PRECIS_OK) return st;
  if (d->len > UINT32_MAX) return PRECIS_ERR_TOO_BIG;
  d->stats.bytes_in = len;
  if (meta) {
    d->meta.source = S_dup(&c->mem, meta->source);
    d->meta.url = S_dup(&c->mem, meta->url);
    d->meta.title = S_dup(&c->mem, meta->title);
    d->meta.date = S_dup(&c->mem, meta->date);
  }
  c->ndocs++;
  c->analyzed = 0;
  return PRECIS_OK;
}

size_t precis_cluster_doc_count(const precis_cluster *c) {
  return c ? c->ndocs : 0;
}

const char *precis_cluster_doc_text(const precis_cluster *c, size_t i,
                                    size_t *len) {
  if (!c || i >= c->ndocs) return NULL;
  if (len) *len = c->docs[i].len;
  return c->docs[i].text;
}

const precis_doc_meta *precis_cluster_doc_meta(const precis_cluster *c,
                                               size_t i) {
  return c && i < c->ndocs ? &c->docs[i].meta : NULL;
}

const precis_doc_stats *precis_cluster_doc_stats(const precis_cluster *c,
                                                 size_t i) {
  return c && i < c->ndocs ? &c->docs[i].stats : NULL;
}

/* ---- analysis ---- */

typedef struct build {
  precis_cluster *c;
  size_t sents_cap, toks_cap, local_cap;
  uint32_t doc, para, base; /* base: offset of the split run in the text */
  unsigned sent_flags;
  const doc_lines *lines; /* the article's lines (clean_classify) */
  size_t line; /* the first a sentence may lie in: sentences come in order */
} build;

static precis_status S_local_id(precis_cluster *c, uint32_t g, uint32_t *out) {
  if (g >= c->g_cap) {
    /* two arrays, one capacity: both grow to the same size */
    size_t cs = c->g_cap, cl = c->g_cap;
    precis_status st =
        vec_reserve(&c->g_stamp, &cs, (size_t)g + 1, sizeof *c->g_stamp, 4096);
    if (st != PRECIS_OK) return st;
    st = vec_reserve(&c->g_local, &cl, (size_t)g + 1, sizeof *c->g_local, 4096);
    if (st != PRECIS_OK) return st;
    memset(c->g_stamp + c->g_cap, 0, (cs - c->g_cap) * sizeof *c->g_stamp);
    c->g_cap = cs;
  }
  if (c->g_stamp[g] != c->cur_stamp) {
    c->g_stamp[g] = c->cur_stamp;
    c->g_local[g] = (uint32_t)c->nlocal++;
  }
  *out = c->g_local[g];
  return PRECIS_OK;
}

static precis_status S_on_token(void *ctx, const tok *t) {
  build *b = ctx;
  precis_cluster *c = b->c;
  precis_status st =
      vec_reserve(&c->toks, &b->toks_cap, c->ntoks + 1, sizeof *c->toks, 1024);
  if (st != PRECIS_OK) return st;
  st = vec_reserve(&c->local, &b->local_cap, c->ntoks + 1, sizeof *c->local,
                   1024);
  if (st != PRECIS_OK) return st;
  uint32_t lid;
  st = S_local_id(c, t->term, &lid);
  if (st != PRECIS_OK) return st;
  c->toks[c->ntoks] = *t;
  c->local[c->ntoks] = lid;
  c->ntoks++;
  return PRECIS_OK;
}

/* Is the article lower-cased (sent_lowered)? Asked at most once per
 * article, and only by the rules that need it. */
static int S_doc_lowered(doc *d) {
  if (d->lowered < 0) d->lowered = sent_lowered(d->text, d->len);
  return d->lowered;
}

static precis_status S_on_sentence(void *ctx, size_t off, size_t len) {
  build *b = ctx;
  precis_cluster *c = b->c;
  doc *d = &c->docs[b->doc];
  precis_status st = vec_reserve(&c->sents, &b->sents_cap, c->nsents + 1,
                                 sizeof *c->sents, 1024);
  if (st != PRECIS_OK) return st;
  if (c->nsents >= UINT32_MAX / 2) return PRECIS_ERR_LIMIT;
  sent *s = &c->sents[c->nsents];
  memset(s, 0, sizeof *s);
  s->doc = b->doc;
  s->index = d->nsent;
  s->off = (uint32_t)(b->base + off);
  s->len = (uint32_t)len;
  s->para = b->para;
  s->flags = b->sent_flags;
  /* a wire photo's caption or an ad's words run on into the sentence,
   * a headline and its "updated" stamp before an article's first
   * sentence (clean_headline_stamp), and a wire dateline opening one of
   * the first sentences of an article, or CNN's mark with whatever the
   * page ran on into it (clean_cnn_mark)
   * (after a caption on the same line, too: "... in kabul april 2, 2011.
   * Kandahar ( reuters ) - STORY"; in lower-cased text only at a line's
   * start or after such a head, where a place has no capitals to show
   * it: clean_dateline_lowered), are left out of the sentence, which
   * stays a span of the source */
  size_t head = clean_caption_head(d->text + s->off, len);
  head += clean_widget_head(d->text + s->off + head, len - head);
  if (d->nsent == 0)
    head += clean_headline_stamp(d->text + s->off + head, len - head);
  s->off += (uint32_t)head;
  s->len -= (uint32_t)head;
  if (head || d->nsent < 10) {
    size_t k = d->nsent < 10 ? clean_cnn_mark(d->text + s->off, s->len) : 0;
    if (!k) k = clean_dateline(d->text + s->off, s->len);
    if (!k && d->nsent < 10 &&
        (head || s->off == 0 || d->text[s->off - 1] == '\n') &&
        (k = clean_dateline_lowered(d->text + s->off, s->len)) &&
        !S_doc_lowered(d))
      k = 0;
    s->off += (uint32_t)k;
    s->len -= (uint32_t)k;
    if (k || head) s->flags |= SENT_DATELINE;
  }
  /* a caption run into the text is not cut at its credit alone: the
   * sentences of a caption before its credit go too (clean_caption_ahead) */
  const sent *prev = d->nsent ? s - 1 : NULL;
  if ((head || !prev || prev->para != s->para ||
       (prev->flags & SENT_CAPTION)) &&
      clean_caption_ahead(d->text + s->off, d->len - s->off))
    s->flags |= SENT_CAPTION;
  /* inside one line that holds no cue phrase: neither does the sentence */
  const doc_lines *dl = b->lines;
  while (b->line < dl->n &&
         dl->lines[b->line].off + dl->lines[b->line].len <= s->off)
    b->line++;
  if (b->line < dl->n) {
    const line *l = &dl->lines[b->line];
    if (!l->cued && s->off >= l->off && s->off + s->len <= l->off + l->len)
      s->flags |= SENT_UNCUED;
  }
  s->tok0 = (uint32_t)c->ntoks;
  s->nwords = count_words(d->text + s->off, s->len);
  st = tokenize(c->lex, d->text + s->off, s->len, S_on_token, b);
  if (st != PRECIS_OK) return st;
  s->ntok = (uint32_t)(c->ntoks - s->tok0);
  c->nsents++;
  d->nsent++;
  return PRECIS_OK;
}

static precis_status S_split_run(build *b, const char *text, size_t from,
                                 size_t to) {
  b->base = (uint32_t)from;
  return sent_split(text + from, to - from, S_on_sentence, b);
}

/* "..., she said." and the like: a pronoun speaker whose name is in an
 * earlier sentence. An article's first sentence has none: there a
 * pronoun well inside the sentence (after its fourth token, three more
 * after the verb) names someone the sentence names first ("Adult film
 * star Stormy Daniels sued ..., saying he lied when he wrote ..."); one
 * at the end (", he said.") or after an opening quotation mark still
 * leans on a headline the brief does not show. */
static int S_pronoun_speaker(const precis_cluster *c, const sent *s) {
  static const char *const pron[] = {"he", "she", "they", NULL};
  static const char *const verb[] = {
      "said",      "says",         "added",     "adds",   "told",
      "explained", "noted",        "wrote",     "asked",  "continued",
      "stated",    "argued",       "insisted",  "warned", "recalled",
      "replied",   "acknowledged", "according", NULL};
  const char *p = c->docs[s->doc].text + s->off;
  int lead = s->index == 0 && s->len > 0 && p[0] != '"' && p[0] != '\'' &&
             p[0] != '`' && (unsigned char)p[0] != 0xE2; /* U+201C */
  for (uint32_t k = 0; k + 1 < s->ntok; k++) {
    const tok *t = &c->toks[s->tok0 + k];
    if (t->len >= 2 && t->len <= 4 && tok_in(t, pron) && tok_in(t + 1, verb) &&
        !(lead && k >= 4 && k + 5 <= s->ntok))
      return 1;
  }
  return 0;
}

/* Does the sentence open with a quotation mark? (At a paragraph's start
 * every mark sent_quote_marks knows opens.) */
static int S_opens_with_quote(const char *p, size_t n) {
  return (n >= 3 && memcmp(p, "\xe2\x80\x9c", 3) == 0) ||
         (n >= 2 && (memcmp(p, "``", 2) == 0 || memcmp(p, "''", 2) == 0)) ||
         (n >= 1 && p[0] == '"');
}

/* A quotation left open at `last` (where its paragraph ends,
 * S_mark_unclosed, or where the next sentence opens another,
 * S_mark_quotation) is chained from the sentence that opened it: each
 * but the opening is SENT_QUOTE_REST and each but `last`
 * SENT_QUOTE_OPEN, `last` too when `open_end` says the quotation goes
 * on after it. */
static void S_mark_open_to_end(sent *last, int open_end) {
  sent *p = last;
  while (!(p->flags & SENT_QUOTE_OPENED)) {
    if (p->index == 0 || p[-1].para != last->para ||
        !(p[-1].flags & SENT_QUOTE_INSIDE))
      return; /* no opening in this paragraph: not ours to chain */
    p--;
  }
  for (sent *u = p; u <= last; u++) {
    if (u < last || open_end) u->flags |= SENT_QUOTE_OPEN;
    if (u > p) u->flags |= SENT_QUOTE_REST;
  }
}

/* A quotation left open where a paragraph ends. Three cases:
 *   - the next paragraph opens with a quotation mark: the convention for
 *     a quotation that runs over several paragraphs, whose speaker may be
 *     named only where it closes. The opening and the rest of its
 *     paragraph go with the next paragraph's first sentence;
 *   - the article ends (`next` is NULL): the quotation is cut off (Multi-
 *     News truncates its sources, a page loses its end), and with it the
 *     words that close it and may say who speaks. `last` is
 *     SENT_QUOTE_OPEN with no sentence after it in its article, so ilp-pos
 *     chooses none of the quotation's sentences: alone, the opening
 *     leaves its quotation open (`" the bridge will stay closed until
 *     march .` and no speaker), the others pass a speaker's words off as
 *     the outlet's;
 *   - another paragraph follows: its mark was left out or misread, and
 *     the paragraph's end is taken as the quotation's end.
 * In each, no sentence of the quotation is chosen without those before
 * it, back to the opening. */
static void S_mark_unclosed(const precis_cluster *c, sent *last,
                            const sent *next) {
  if (!(last->flags & SENT_QUOTE_INSIDE)) return;
  int reopens = next && S_opens_with_quote(c->docs[next->doc].text + next->off,
                                           next->len);
  S_mark_open_to_end(last, !next || reopens);
}

/* Does s start inside a quotation an earlier sentence of its paragraph
 * left open? (The sentence before it is already marked: sentences are
 * analysed in order.) */
static int S_starts_inside(const precis_cluster *c, const sent *s) {
  const sent *prev = s->index > 0 ? s - 1 : NULL;
  return prev && prev->para == s->para && (prev->flags & SENT_QUOTE_INSIDE);
}

/* Speech verbs that put a speaker right after a quotation ("...? asked
 * one council member", '"Why not?" Ariel continued.'). */
static const char *const k_said[] = {
    "said",     "says",    "say",       "asked",     "asks",      "told",
    "tells",    "added",   "adds",      "wrote",     "writes",    "shouted",
    "tweeted",  "replied", "explained", "continued", "recalled",  "noted",
    "insisted", "joked",   "laughed",   "cried",     "yelled",    "screamed",
    "declared", "posted",  "quipped",   "admitted",  "according", "wondered",
    "asking",   "saying",  NULL};

/* Is there a speech verb among s's first four words? */
static int S_said_early(const precis_cluster *c, const sent *s) {
  for (uint32_t k = 0; k < s->ntok && k < 4; k++)
    if (tok_in(&c->toks[s->tok0 + k], k_said)) return 1;
  return 0;
}

/* Does s, one whole quotation ('"There's a possibility they'll be found
 * on beaches."'), go on with the words of a speaker the sentence before
 * it named: that sentence is in the same paragraph and holds a
 * quotation ('"The chances are they have all sunk," he said.') or a
 * speech verb ('Jeremy Piatt wrote on his page.'), or it ends with a
 * colon ('The mayor said:', a paragraph before)? Alone, s would be a
 * quotation with no speaker (full-dev: 6 of the 520 sentences of
 * `ilp-pos`'s briefs, bench/dangling.py). */
static int S_turn_goes_on(const precis_cluster *c, const sent *s) {
  if (s->index == 0) return 0;
  const sent *p = s - 1;
  if (p->para == s->para) {
    if (p->flags & SENT_QUOTE_MARKED) return 1;
    for (uint32_t k = 0; k < p->ntok; k++)
      if (tok_in(&c->toks[p->tok0 + k], k_said)) return 1;
  }
  const char *t = c->docs[p->doc].text + p->off;
  size_t n = p->len;
  while (n && (t[n - 1] == ' ' || t[n - 1] == '\n'))
    n--;
  return n && t[n - 1] == ':';
}

/* Does s, with no quotation mark of its own, name the speaker of the
 * whole quotation before it in its paragraph: '"Why can't people just
 * let other people feel good?" | Ariel continued.', split at the
 * question mark? Alone, that quotation would have no speaker, and s
 * would say what someone wrote without what it was: the two are one
 * unit (SENT_SAID_AFTER, SENT_SAYS_BEFORE). */
static int S_names_speaker_of(const precis_cluster *c, const sent *s) {
  return s->index > 0 && s[-1].para == s->para &&
         (s[-1].flags & SENT_QUOTE_WHOLE) && S_said_early(c, s);
}

/* The rest of a quotation: s closes a quotation mark it did not open
 * (`Nobody was hurt," she said.` after `"The fire is out.`), so alone it
 * would pass a speaker's words off as the outlet's (SENT_QUOTE_REST).
 * When the sentence that opened it is found back in the same paragraph
 * with only unmarked sentences between (the chain stops at any other
 * mark, so each sentence is walked over at most once), the
 * opening and every sentence up to s are one unit: each of them but s
 * is SENT_QUOTE_OPEN (alone, the opening would hide who speaks), each
 * but the opening SENT_QUOTE_REST. Runs on the sentences in order:
 * whether a sentence ends inside a quote (SENT_QUOTE_INSIDE) is what
 * the next one's tokenized marks are read by. */
static void S_mark_quotation(const precis_cluster *c, sent *s) {
  const sent *prev = s->index > 0 ? s - 1 : NULL;
  int inside = S_starts_inside(c, s);
  const char *t = c->docs[s->doc].text + s->off;
  if (prev && prev->para != s->para) S_mark_unclosed(c, s - 1, s);
  unsigned q = sent_quote_marks(t, s->len, inside);
  if (q & SQ_ANY) s->flags |= SENT_QUOTE_MARKED;
  if (q & SQ_LEAVES_OPEN) s->flags |= SENT_QUOTE_OPENED;
  if (q & SQ_ENDS_INSIDE) s->flags |= SENT_QUOTE_INSIDE;
  /* s starts inside a quotation and opens one before closing it: the
   * earlier one runs on into s, its closing mark left out or its
   * paragraphs run together (`"The bridge stays closed. "Nobody should
   * cross it," Holt said.`), so s goes with the sentences before it,
   * back to the opening, and they with s */
  if (q & SQ_REOPENS) {
    S_mark_open_to_end(s - 1, 1);
    s->flags |= SENT_QUOTE_REST;
  }
  if (s->index + 1 == c->docs[s->doc].nsent) S_mark_unclosed(c, s, NULL);
  if (q & SQ_WHOLE) s->flags |= SENT_QUOTE_WHOLE;
  if ((q & SQ_WHOLE) && S_turn_goes_on(c, s)) s->flags |= SENT_QUOTE_TURN;
  if (!(q & SQ_ANY) && S_names_speaker_of(c, s)) {
    s[-1].flags |= SENT_SAID_AFTER;
    s->flags |= SENT_SAYS_BEFORE;
  }
  if (!(q & SQ_CLOSES_UNOPENED)) return;
  s->flags |= SENT_QUOTE_REST;
  for (sent *p = s - 1; p >= s - s->index; p--) {
    if (p->para != s->para || !(p->flags & SENT_QUOTE_INSIDE)) return;
    if (p->flags & SENT_QUOTE_OPENED) {
      for (sent *u = p; u < s; u++) {
        u->flags |= SENT_QUOTE_OPEN;
        if (u > p) u->flags |= SENT_QUOTE_REST;
      }
      return;
    }
    if (p->flags & SENT_QUOTE_MARKED) return;
  }
}

/* A transcript's turn is its speaker's words, named only by the label
 * that opens it ("Vladimir Putin: ..."; sentence.c's sent_turns, which
 * the quote ledger reads too). Each of the turn's sentences after the
 * labelled one is SENT_QUOTE_REST, as the rest of a quotation is: none
 * reaches a brief without the sentences before it, back to the label
 * that says who speaks. */
static precis_status S_mark_turns(precis_cluster *c) {
  sent_para *tp = NULL;
  size_t cap = 0;
  for (size_t di = 0; di < c->ndocs; di++) {
    const doc *d = &c->docs[di];
    if (d->nsent < 2) continue; /* two labels take two sentences */
    sent *ss = c->sents + d->sent0;
    size_t np = 0, labels = 0, name;
    for (uint32_t k = 0; k < d->nsent; k++)
      if (k == 0 || ss[k].para != ss[k - 1].para) {
        np++;
        labels += sent_label(d->text + ss[k].off, ss[k].len, &name) != 0;
      }
    if (labels < 2) continue;
    if (np > cap) {
      sent_para *t = realloc(tp, np * sizeof *t);
      if (!t) {
        free(tp);
        return PRECIS_ERR_NOMEM;
      }
      tp = t;
      cap = np;
    }
    np = 0;
    for (uint32_t k = 0; k < d->nsent; k++) {
      if (k == 0 || ss[k].para != ss[k - 1].para) tp[np++].s = ss[k].off;
      tp[np - 1].e = (size_t)ss[k].off + ss[k].len;
    }
    precis_status st = sent_turns(d->text, tp, np);
    if (st != PRECIS_OK) {
      free(tp);
      return st;
    }
    np = 0;
    for (uint32_t k = 0; k < d->nsent; k++) {
      int first = k == 0 || ss[k].para != ss[k - 1].para;
      np += first;
      const sent_para *p = &tp[np - 1];
      if (p->turn != SENT_TURN_NONE) ss[k].flags &= ~SENT_OUTLET;
      if (p->turn != SENT_TURN_NONE && !(first && p->label))
        ss[k].flags |= SENT_QUOTE_REST;
    }
  }
  free(tp);
  return PRECIS_OK;
}

/* The next word of s from s[i]: spaces and apostrophes (ASCII or U+2019:
 * "there's", tokenized "it 's", "was n't") are skipped first, then the
 * ASCII letters are the word. Returns the index after it; w->len is 0
 * when s[i] is neither a separator nor a letter ("There, ..."). */
static size_t S_next_word(const char *s, size_t n, size_t i, tok *w) {
  size_t at = i;
  for (;;) {
    if (i < n && (s[i] == ' ' || s[i] == '\''))
      i++;
    else if (i + 2 < n && memcmp(s + i, "\xe2\x80\x99", 3) == 0) /* U+2019 */
      i += 3;
    else
      break;
  }
  size_t st = i;
  if (i > at)
    while (i < n && (s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')
      i++;
  *w = (tok){s + st, (uint32_t)(i - st), 0};
  return i;
}

/* "It" that stands for nothing, read from the words after it (s[i] is
 * the byte after "it"): extraposition ("It is unclear whether anyone was
 * hurt", "It wasn't immediately clear how", "It's hard to say", "It is
 * believed that", "It seems that") and the cleft "It was not until ...".
 * "It is unclear." and "It is likely to close" (raising: the "it" is the
 * plant) still lean on the sentence before. */
static int S_impersonal_it(const char *s, size_t n, size_t i) {
  static const char *const verb[] = {"is",     "was",     "s",        "isn",
                                     "wasn",   "remains", "remained", "seems",
                                     "seemed", "appears", "appeared", NULL};
  static const char *const seem[] = {"seems", "seemed", "appears", "appeared",
                                     NULL};
  static const char *const adv[] = {
      "not", "n",       "t",        "still", "also", "now", "immediately",
      "yet", "already", "entirely", "quite", "very", "far", NULL};
  static const char *const pred[] = {
      "clear",     "unclear",  "possible",  "impossible", "likely",
      "unlikely",  "known",    "unknown",   "uncertain",  "true",
      "obvious",   "hard",     "difficult", "easy",       "important",
      "necessary", "time",     "believed",  "thought",    "understood",
      "expected",  "reported", "estimated", NULL};
  /* the predicates that also take "to" ("It is hard to say"; "It is
   * likely to close" is the raising verb's own subject) */
  static const char *const to_pred[] = {"hard",       "difficult", "easy",
                                        "important",  "necessary", "possible",
                                        "impossible", "time",      NULL};
  static const char *const wh[] = {"that", "whether", "if",  "how",   "what",
                                   "why",  "when",    "who", "where", NULL};
  tok w;
  i = S_next_word(s, n, i, &w);
  if (!tok_in(&w, verb)) return 0;
  int seems = tok_in(&w, seem);
  do
    i = S_next_word(s, n, i, &w);
  while (w.len && tok_in(&w, adv));
  if (tok_is(&w, "until") || (seems && tok_is(&w, "that"))) return 1;
  if (!tok_in(&w, pred)) return 0;
  int to = tok_in(&w, to_pred);
  S_next_word(s, n, i, &w);
  return tok_in(&w, wh) || (to && (tok_is(&w, "to") || tok_is(&w, "for")));
}

/* Openers from the list below that lean on nothing, by the word after
 * them: existential "there" ("There are two ways in", "There's no
 * plan"; the place adverb has a comma or a subject next: "There, he
 * ..."), "this" of the calendar ("This week, the council ..."), "so far",
 * the preposition "instead of", and an "it" that stands for nothing
 * (S_impersonal_it). The opener is w; s[i] is the byte after it. */
static int S_opener_stands_alone(const tok *w, const char *s, size_t n,
                                 size_t i) {
  static const char *const be[] = {
      "is",      "are",     "was",      "were",     "has",   "have",
      "had",     "will",    "would",    "may",      "might", "could",
      "should",  "must",    "can",      "seems",    "seem",  "seemed",
      "appears", "appear",  "appeared", "isn",      "aren",  "wasn",
      "weren",   "remains", "remain",   "remained", "exist", "exists",
      "used",    "s",       "ll",       "d",        "re",    NULL};
  static const char *const cal[] = {
      "week",    "weekend",  "month",  "year",    "morning",   "afternoon",
      "evening", "spring",   "summer", "fall",    "autumn",    "winter",
      "season",  "past",     "monday", "tuesday", "wednesday", "thursday",
      "friday",  "saturday", "sunday", NULL};
  static const char *const far[] = {"far", NULL}, *const of[] = {"of", NULL};
  static const struct {
    const char *opener;
    const char *const *next;
  } pair[] = {{"there", be}, {"this", cal}, {"so", far}, {"instead", of}};
  if (tok_is(w, "it")) return S_impersonal_it(s, n, i);
  tok next;
  S_next_word(s, n, i, &next);
  for (size_t k = 0; k < sizeof pair / sizeof pair[0]; k++)
    if (tok_is(w, pair[k].opener)) return tok_in(&next, pair[k].next);
  return 0;
}

/* An answer to what the sentence before asked or claimed: "Yes, ...",
 * "No, ...", "Well, ..." (with their comma: "Well-known ...", "No one
 * ..." stand alone), "If so, ...", "For starters, ...", "The answer
 * ...". s[i] is the byte after the opener word. */
static int S_answer_opener(const tok *opener, const char *s, size_t n,
                           size_t i) {
  static const char *const comma[] = {"yes", "no", "well", NULL};
  static const char *const pair[][2] = {
      {"if", "so"}, {"for", "starters"}, {"the", "answer"}};
  if (tok_in(opener, comma)) return i < n && s[i] == ',';
  tok next;
  S_next_word(s, n, i, &next);
  for (size_t k = 0; k < sizeof pair / sizeof *pair; k++)
    if (tok_is(opener, pair[k][0]) && tok_is(&next, pair[k][1])) return 1;
  return 0;
}

/* Words that make a sentence lean on the one before it (after a speaker
 * label: "Vladimir Putin: He started asking ..." leans on the question
 * before it as much as "He started asking ..." does). */
static int S_dangling_opener(const char *s, size_t n) {
  static const char *const w[] = {
      "he",        "she",       "it",          "they",         "this",
      "that",      "these",     "those",       "his",          "her",
      "its",       "their",     "him",         "them",         "but",
      "however",   "also",      "meanwhile",   "still",        "yet",
      "and",       "so",        "then",        "such",         "both",
      "instead",   "moreover",  "furthermore", "additionally", "nevertheless",
      "there",     "or",        "nor",         "thus",         "hence",
      "besides",   "otherwise", "likewise",    "similarly",    "consequently",
      "therefore", NULL};
  size_t i = 0;
  /* quotes and brackets, and a space after one (tokenized text: `" it
   * was ...`) */
  while (i < n && (s[i] == '"' || s[i] == '\'' || s[i] == '(' ||
                   (unsigned char)s[i] >= 0x80 || (i > 0 && s[i] == ' ')))
    i++;
  size_t name_len, label = sent_label(s + i, n - i, &name_len);
  if (label) /* "Vladimir Putin: He ...": the word after the label */
    for (i += label; i < n && s[i] == ' '; i++)
      ;
  size_t st = i;
  while (i < n &&
         ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
    i++;
  tok opener = {s + st, (uint32_t)(i - st), 0};
  if (tok_in(&opener, w)) return !S_opener_stands_alone(&opener, s, n, i);
  return S_answer_opener(&opener, s, n, i);
}

static int S_ends_like_sentence(const char *s, size_t n) {
  while (n && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')' ||
               s[n - 1] == ' ' || s[n - 1] == ']'))
    n--;
  while (n >= 3 && (unsigned char)s[n - 3] == 0xE2 &&
         (unsigned char)s[n - 2] == 0x80 &&
         ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
    n -= 3;
  if (!n) return 0;
  return s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?';
}

/* 1 if the sentence before s in its article ends a sentence, so that s,
 * which starts with a small letter, is one too: it ends with a period
 * (closing quotes and brackets skipped); or, in lower-cased text, with a
 * question mark, or an exclamation mark inside a closing quotation,
 * when no speech verb among s's first four words makes s the rest of a
 * quotation ("...? " asked one council member). Lower-cased text gives
 * no capital to read: "Is it safe? experts say it is not." (Multi-News
 * val 45.10 / 15.64 -> 45.19 / 15.67). In cased text a small letter
 * after "?" or "!" goes on a name ("the French ship Pourquoi Pas? to
 * the scene"), and "Yahoo! news" in either. */
static int S_after_period(precis_cluster *c, const sent *s) {
  if (s->index == 0) return 0;
  const sent *p = s - 1;
  doc *d = &c->docs[p->doc];
  const char *t = d->text + p->off;
  size_t n = p->len;
  while (n && (t[n - 1] == '"' || t[n - 1] == '\'' || t[n - 1] == ')' ||
               t[n - 1] == ' '))
    n--;
  if (!n || t[n - 1] == '.') return n > 0;
  if (t[n - 1] != '?' && !(t[n - 1] == '!' && n < p->len)) return 0;
  if (!S_doc_lowered(d)) return 0;
  return !S_said_early(c, s);
}

/* Does s start inside a quotation: one an earlier sentence left open, or
 * one that s closes without opening it ('Please join us in prayer. "')?
 * A quotation s opens and closes itself leaves its start the outlet's
 * ('Please log in to read about the "harbor fire"'). */
static int S_in_quotation(const precis_cluster *c, const sent *s) {
  return S_starts_inside(c, s) ||
         (sent_quote_marks(c->docs[s->doc].text + s->off, s->len, 0) &
          SQ_CLOSES_UNOPENED);
}

/* Does the outlet speak of itself in s, outside quotation marks ("a
 * source told us", "as we reported", "spoke to our reporter at the
 * scene")? In a brief made of several outlets' sentences, "us" and "our
 * reporter" name no one the reader can tell, and site notices ("by using
 * this website you agree") are no part of the story. Inside a quotation
 * the "we" is the speaker's, as it is in a transcript's turn (S_mark_turns
 * clears the flag there). */
static int S_outlet_voice(const precis_cluster *c, const sent *s) {
  int inside = S_starts_inside(c, s);
  const char *t = c->docs[s->doc].text + s->off;
  size_t name;
  if (sent_label(t, s->len, &name)) return 0; /* "Mayor Holt: We asked" */
  for (uint32_t k = 0; k < s->ntok; k++) {
    size_t at = (size_t)(c->toks[s->tok0 + k].p - t);
    if (at < s->len && clean_self_ref(t, s->len, at) &&
        !(sent_quote_marks(t, at, inside) & SQ_ENDS_INSIDE))
      return 1;
  }
  return 0;
}

/* Why no brief may quote s (a WHY_ code or a cleaner's class), or 0;
 * the first reason that holds, in this order. */
static unsigned S_left_out_shape(precis_cluster *c, const sent *s,
                                 const char *t);

static unsigned S_left_out(precis_cluster *c, const sent *s, const char *t) {
  if (s->flags & SENT_HEADLINE) return WHY_HEADLINE;
  if (s->nwords < 8) return WHY_SHORT;
  if (s->nwords > 80) return WHY_LONG;
  unsigned content = 0;
  for (uint32_t k = 0; k < s->ntok && content < 3; k++)
    if (!c->local_stop[c->local[s->tok0 + k]]) content++;
  if (content < 3) return WHY_FEW_CONTENT;
  return S_left_out_shape(c, s, t);
}

/* The reasons after length and content words. */
static unsigned S_left_out_shape(precis_cluster *c, const sent *s,
                                 const char *t) {
  if (!S_ends_like_sentence(t, s->len)) return WHY_NO_END;
  /* starts with a lower-case letter: a fragment left by a bad split,
   * unless the sentence before it ended one (S_after_period; lower-cased
   * text such as Multi-News's: val 44.73/15.44 -> 44.96/15.57, the
   * cased dev sets unchanged) */
  if (s->len && t[0] >= 'a' && t[0] <= 'z' && !(s->flags & SENT_DATELINE) &&
      !S_after_period(c, s))
    return WHY_FRAGMENT;
  /* a sentence cut short with an ellipsis is a teaser, not a fact */
  if (s->len >= 3 && (memcmp(t + s->len - 3, "...", 3) == 0 ||
                      memcmp(t + s->len - 3, "\xe2\x80\xa6", 3) == 0))
    return WHY_TEASER;
  /* a question outside quotes is a teaser or a link, not a fact */
  if (s->len && t[s->len - 1] == '?') return WHY_QUESTION;
  if (c->analyzed_flags & PRECIS_OPT_NO_CLEAN) return 0;
  if (s->flags & SENT_CAPTION) return WHY_CAPTION;
  unsigned r = (s->flags & SENT_UNCUED)
                   ? clean_sentence_reason_uncued(&c->cues, t, s->len)
                   : clean_sentence_reason(&c->cues, t, s->len);
  if (r) return r;
  if (clean_asks_reader(t, s->len) && !S_in_quotation(c, s)) return WHY_ASKS;
  return 0;
}

/* s is not selectable after all; a reason it had stays its reason. */
static void S_leave_out(sent *s, unsigned why) {
  s->flags &= ~(SENT_SELECTABLE | SENT_IN_UNIT);
  if (!s->why) s->why = (uint8_t)why;
}

static void S_sentence_features(precis_cluster *c, sent *s) {
  const char *t = c->docs[s->doc].text + s->off;
  s->why = (uint8_t)S_left_out(c, s, t);
  if (!s->why) s->flags |= SENT_SELECTABLE;
  /* too short to stand alone, but a unit's part ("It was hot." inside a
   * quotation; "Three people were hurt." before "They ..."): left out
   * for its length only (not a headline, not over 80 words: S_left_out
   * tests those first); val at 230 words 45.19/15.65 -> 45.33/15.79 */
  if ((s->why == WHY_SHORT || s->why == WHY_FEW_CONTENT) && s->nwords >= 3 &&
      !S_left_out_shape(c, s, t))
    s->flags |= SENT_IN_UNIT;
  if (S_dangling_opener(t, s->len)) s->flags |= SENT_DANGLING;
  if (S_pronoun_speaker(c, s)) s->flags |= SENT_SPEAKER;
  S_mark_quotation(c, s);
  if ((s->flags & (SENT_SELECTABLE | SENT_IN_UNIT)) &&
      !(c->analyzed_flags & PRECIS_OPT_NO_CLEAN) && S_outlet_voice(c, s)) {
    if (s->flags & SENT_IN_UNIT)
      s->flags &= ~SENT_IN_UNIT;
    else
      s->flags |= SENT_OUTLET;
  }
}

int sent_needs_prev(const precis_cluster *c, size_t i) {
  const sent *s = &c->sents[i];
  return (s->flags & SENT_NEEDS_PREV) ||
         ((s->flags & SENT_IN_UNIT) && s->index > 0 &&
          (s[-1].flags & SENT_NEEDS_NEXT));
}

int sent_needs_next(const precis_cluster *c, size_t i) {
  const sent *s = &c->sents[i];
  return (s->flags & SENT_NEEDS_NEXT) ||
         ((s->flags & SENT_IN_UNIT) && i + 1 < c->nsents &&
          s[1].doc == s->doc && (s[1].flags & SENT_NEEDS_PREV));
}

void sent_drop_unmet(const precis_cluster *c, size_t first, size_t n,
                     unsigned char *in) {
  const sent *s = n ? &c->sents[first] : NULL;
  for (int changed = 1; changed;) {
    changed = 0;
    for (size_t k = 0; k < n; k++) {
      int prev = k > 0 && s[k].index > 0 && in[k - 1];
      int next = k + 1 < n && s[k + 1].doc == s[k].doc && in[k + 1];
      if (in[k] && ((sent_needs_prev(c, first + k) && !prev) ||
                    (sent_needs_next(c, first + k) && !next))) {
        in[k] = 0;
        changed = 1;
      }
    }
  }
}

int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

void sort_u32(uint32_t *v, size_t n) {
  if (n > 32) {
    qsort(v, n, sizeof *v, cmp_u32);
    return;
  }
  for (size_t i = 1; i < n; i++) {
    uint32_t x = v[i];
    size_t j = i;
    for (; j > 0 && v[j - 1] > x; j--)
      v[j] = v[j - 1];
    v[j] = x;
  }
}

/* Bag of content terms, document frequencies and idf. */
static precis_status S_term_stats(precis_cluster *c) {
  size_t L = c->nlocal;
  c->df = arena_calloc(&c->mem, L + 1, sizeof *c->df);
  c->idf = arena_calloc(&c->mem, L + 1, sizeof *c->idf);
  c->local_stop = arena_calloc(&c->mem, L + 1, 1);
  c->local_global = arena_calloc(&c->mem, L + 1, sizeof *c->local_global);
  uint32_t *last_doc = arena_calloc(&c->mem, L + 1, sizeof *last_doc);
  uint32_t *tmp = NULL;
  if (!c->df || !c->idf || !c->local_stop || !c->local_global || !last_doc)
    return PRECIS_ERR_NOMEM;
  for (size_t k = 0; k < c->ntoks; k++) {
    uint32_t l = c->local[k];
    c->local_global[l] = c->toks[k].term;
  }
  for (size_t l = 0; l < L; l++) {
    unsigned f = lex_flags(c->lex, c->local_global[l]);
    c->local_stop[l] = (f & TERM_STOP) != 0;
  }
  for (size_t i = 0; i < c->nsents; i++) {
    sent *s = &c->sents[i];
    for (uint32_t k = 0; k < s->ntok; k++) {
      uint32_t l = c->local[s->tok0 + k];
      if (last_doc[l] != s->doc + 1) {
        last_doc[l] = s->doc + 1;
        c->df[l]++;
      }
    }
  }
  double n = (double)c->ndocs;
  for (size_t l = 0; l < L; l++)
    c->idf[l] = c->local_stop[l] ? 0.0 : log((n + 1.0) / (c->df[l] + 0.5));
  size_t maxtok = 0;
  for (size_t i = 0; i < c->nsents; i++)
    if (c->sents[i].ntok > maxtok) maxtok = c->sents[i].ntok;
  tmp = malloc((maxtok + 1) * sizeof *tmp);
  if (!tmp) return PRECIS_ERR_NOMEM;
  for (size_t i = 0; i < c->nsents; i++) {
    sent *s = &c->sents[i];
    size_t m = 0;
    for (uint32_t k = 0; k < s->ntok; k++) {
      uint32_t l = c->local[s->tok0 + k];
      if (!c->local_stop[l]) tmp[m++] = l;
    }
    sort_u32(tmp, m);
    size_t u = 0;
    for (size_t k = 0; k < m; k++)
      if (k == 0 || tmp[k] != tmp[k - 1]) u++;
    s->bag_term = arena_calloc(&c->mem, u + 1, sizeof *s->bag_term);
    s->bag_count = arena_calloc(&c->mem, u + 1, sizeof *s->bag_count);
    if (!s->bag_term || !s->bag_count) {
      free(tmp);
      return PRECIS_ERR_NOMEM;
    }
    u = 0;
    for (size_t k = 0; k < m; k++) {
      if (k == 0 || tmp[k] != tmp[k - 1]) {
        s->bag_term[u] = tmp[k];
        s->bag_count[u] = 1;
        u++;
      } else if (s->bag_count[u - 1] < UINT16_MAX) {
        s->bag_count[u - 1]++;
      }
    }
    s->nbag = (uint32_t)u;
    S_sentence_features(c, s);
  }
  free(tmp);
  return PRECIS_OK;
}

/* Dense term vector of article d, added into v (scaled by `sign`). */
static void S_doc_vector(const precis_cluster *c, size_t d, double *v,
                         double sign) {
  const doc *dd = &c->docs[d];
  for (uint32_t i = 0; i < dd->nsent; i++) {
    const sent *s = &c->sents[dd->sent0 + i];
    for (uint32_t k = 0; k < s->nbag; k++)
      v[s->bag_term[k]] += sign * s->bag_count[k];
  }
}

/* Dot product of dense v with article e's vector, and e's squared norm
 * (computed with a scratch vector w that is left zeroed). */
static double S_doc_dot(const precis_cluster *c, size_t e, const double *v,
                        double *w, double *ee) {
  const doc *de = &c->docs[e];
  double dot = 0, n2 = 0;
  S_doc_vector(c, e, w, 1);
  for (uint32_t i = 0; i < de->nsent; i++) {
    const sent *s = &c->sents[de->sent0 + i];
    for (uint32_t k = 0; k < s->nbag; k++) {
      uint32_t t = s->bag_term[k];
      if (w[t] == 0) continue; /* counted already */
      dot += v[t] * w[t];
      n2 += w[t] * w[t];
      w[t] = 0;
    }
  }
  *ee = n2;
  return dot;
}

/* An article that shares almost nothing with the others (an archive
 * notice, a login wall, a page about something else) contributes no
 * sentence: off topic when its cosine with every other article is below
 * 0.1. Up to 64 articles the comparison is pairwise; above, each article
 * is compared with the sum of the others (linear). Needs at least three
 * articles with content, and at least two must stay, so a two-outlet
 * story is never emptied. */
static precis_status S_mark_off_topic(precis_cluster *c) {
  size_t n = c->ndocs, L = c->nlocal;
  if (n < 3) return PRECIS_OK;
  double *v = calloc(L + 1, sizeof *v);
  double *w = calloc(L + 1, sizeof *w);
  double *total = calloc(L + 1, sizeof *total);
  double *nrm = calloc(n, sizeof *nrm);
  unsigned char *off = calloc(n, 1);
  precis_status st = PRECIS_ERR_NOMEM;
  if (!v || !w || !total || !nrm || !off) goto out;
  for (size_t d = 0; d < n; d++) {
    S_doc_dot(c, d, v, w, &nrm[d]); /* v is zero: only the norm */
    nrm[d] = sqrt(nrm[d]);
    S_doc_vector(c, d, total, 1);
  }
  size_t nonempty = 0;
  for (size_t d = 0; d < n; d++)
    nonempty += nrm[d] > 0;
  if (nonempty < 3) {
    st = PRECIS_OK;
    goto out;
  }
  double tt = 0;
  for (size_t t = 0; t < L; t++)
    tt += total[t] * total[t];
  size_t on_topic = 0;
  for (size_t d = 0; d < n; d++) {
    double best = 0, ee;
    if (nrm[d] == 0) continue; /* no content: neither on nor off topic */
    if (n <= 64) {
      S_doc_vector(c, d, v, 1);
      for (size_t e = 0; e < n; e++) {
        if (e == d || nrm[e] == 0) continue;
        double dot = S_doc_dot(c, e, v, w, &ee) / (nrm[d] * nrm[e]);
        if (dot > best) best = dot;
      }
      S_doc_vector(c, d, v, -1);
    } else {
      /* rest = total - d, compared through w = d */
      double dt = S_doc_dot(c, d, total, w, &ee);
      double rest = tt - 2 * dt + ee;
      best = rest > 1e-9 ? (dt - ee) / (nrm[d] * sqrt(rest)) : 1;
    }
    off[d] = best < 0.1;
    on_topic += !off[d];
  }
  if (on_topic >= 2)
    for (size_t i = 0; i < c->nsents; i++)
      if (off[c->sents[i].doc]) S_leave_out(&c->sents[i], WHY_OFF_TOPIC);
  st = PRECIS_OK;
out:
  free(v);
  free(w);
  free(total);
  free(nrm);
  free(off);
  return st;
}

/* A web archive's note about itself, not a story: scrapes of archived
 * pages carry the Internet Archive's description of the crawl or
 * collection that saved them ("Starting in 1996, alexa internet has been
 * donating their crawl data to the internet archive. Flowing in every
 * day, these data are added to the wayback machine after an embargo
 * period."), as a whole article or run into the story's first lines.
 * One sentence of it may hold a single web word, too few for the
 * sentence rules, so the note is read as a run: consecutive sentences
 * of an article, each about the web (clean_web_class), one at least
 * naming web archiving ("wayback", "crawl"). Such runs
 * are never selected; nor is any sentence of an article when 3 in 5 of
 * its sentences of five words or more are about the web and another
 * article has a sentence to give. Unless the story is about the web
 * (an archive, a site's outage): then another article holds 1 in 4 web
 * sentences outside runs, or no article is free of them, and nothing is
 * dropped. Only clusters with a line naming web archiving
 * (dl[d].web_archive) are read. */
#define WEB_RUN 4u /* beside CLEAN_WEB and CLEAN_WEB_ARCHIVE */

static precis_status S_mark_web_notices(precis_cluster *c,
                                        const doc_lines *dl) {
  size_t n = c->ndocs, any = 0;
  for (size_t d = 0; d < n; d++)
    any |= (size_t)dl[d].web_archive;
  if (!any) return PRECIS_OK;
  unsigned char *web = calloc(c->nsents + 1, 1);
  unsigned char *whole = calloc(n, 1);
  if (!web || !whole) {
    free(web);
    free(whole);
    return PRECIS_ERR_NOMEM;
  }
  size_t others = 0; /* articles left with a sentence to give */
  size_t plain = 0;  /* the others without a run: the story's */
  int about_web = 0;
  for (size_t d = 0; d < n && !about_web; d++) {
    const doc *dd = &c->docs[d];
    size_t total = 0, outside = 0, in_run = 0, selectable = 0;
    unsigned char *w = web + dd->sent0;
    for (uint32_t i = 0; i < dd->nsent; i++) {
      const sent *st = &c->sents[dd->sent0 + i];
      w[i] =
          (unsigned char)clean_web_class(&c->cues, dd->text + st->off, st->len);
    }
    for (uint32_t i = 0; i < dd->nsent;) { /* runs of two or more */
      uint32_t e = i, archive = 0;
      while (e < dd->nsent && w[e])
        archive |= w[e++] & CLEAN_WEB_ARCHIVE;
      if (e - i >= 2 && archive)
        for (uint32_t k = i; k < e; k++)
          w[k] |= WEB_RUN;
      i = e > i ? e : i + 1;
    }
    for (uint32_t i = 0; i < dd->nsent; i++) {
      const sent *st = &c->sents[dd->sent0 + i];
      if (st->nwords < 5) continue;
      total++;
      outside += w[i] && !(w[i] & WEB_RUN);
      in_run += (w[i] & WEB_RUN) != 0;
      selectable += (st->flags & SENT_SELECTABLE) && !(w[i] & WEB_RUN);
    }
    if (!total) continue;
    if (dl[d].web_archive && (outside + in_run) * 5 >= total * 3) {
      whole[d] = 1;
    } else if (outside * 4 >= total) {
      about_web = 1;
    } else {
      others += selectable > 0;
      plain += !in_run;
    }
  }
  if (!about_web && plain)
    for (size_t i = 0; i < c->nsents; i++)
      if ((web[i] & WEB_RUN) || (others && whole[c->sents[i].doc]))
        S_leave_out(&c->sents[i], WHY_WEB_NOTE);
  free(web);
  free(whole);
  return PRECIS_OK;
}

precis_status cluster_analyze(precis_cluster *c, unsigned flags) {
  if (c->analyzed && c->analyzed_flags == flags) return PRECIS_OK;
  if (c->analyzed) {
    /* Re-analysis with other flags: lines, sentences and tokens again.
     * Earlier arena allocations stay until reset (bounded: flags differ). */
    c->analyzed = 0;
  }
  c->nsents = c->ntoks = c->nlocal = 0;
  c->cur_stamp++;
  if (c->cur_stamp == 0) { /* wrapped: clear stamps */
    memset(c->g_stamp, 0, c->g_cap * sizeof *c->g_stamp);
    c->cur_stamp = 1;
  }
  size_t n = c->ndocs;
  char **texts = arena_calloc(&c->mem, n + 1, sizeof *texts);
  size_t *lens = arena_calloc(&c->mem, n + 1, sizeof *lens);
  doc_lines *dl = arena_calloc(&c->mem, n + 1, sizeof *dl);
  if (!texts || !lens || !dl) return PRECIS_ERR_NOMEM;
  for (size_t i = 0; i < n; i++) {
    texts[i] = c->docs[i].text;
    lens[i] = c->docs[i].len;
  }
  precis_status st = clean_classify(&c->mem, &c->cues, texts, lens, n, dl);
  if (st != PRECIS_OK) return st;

  build b;
  memset(&b, 0, sizeof b);
  b.c = c;
  /* The vectors' capacities are not stored; start from what we hold. */
  free(c->sents);
  free(c->toks);
  free(c->local);
  c->sents = NULL;
  c->toks = NULL;
  c->local = NULL;
  for (size_t i = 0; i < n; i++) {
    doc *d = &c->docs[i];
    d->sent0 = (uint32_t)c->nsents;
    d->nsent = 0;
    d->lowered = -1;
    d->stats.lines = dl[i].n;
    d->stats.boilerplate_lines = 0;
    b.doc = (uint32_t)i;
    b.para = 0;
    b.lines = &dl[i];
    b.line = 0;
    size_t k = 0;
    while (k < dl[i].n) {
      line *l = &dl[i].lines[k];
      int boiler = l->kind == LINE_BOILER && !(flags & PRECIS_OPT_NO_CLEAN);
      if (boiler) {
        d->stats.boilerplate_lines++;
        k++;
        continue;
      }
      if (l->kind == LINE_HEADLINE && !(flags & PRECIS_OPT_NO_CLEAN)) {
        b.sent_flags = SENT_HEADLINE;
        st = S_split_run(&b, d->text, l->off, l->off + l->len);
        if (st != PRECIS_OK) return st;
        b.para++;
        k++;
        continue;
      }
      /* A run of content lines; hard-wrapped lines join into one run. */
      size_t from = l->off, to = l->off + l->len;
      k++;
      while (k < dl[i].n && dl[i].lines[k].kind == LINE_CONTENT) {
        unsigned char c0 = (unsigned char)d->text[dl[i].lines[k].off];
        if (!(c0 >= 'a' && c0 <= 'z')) break;
        to = dl[i].lines[k].off + dl[i].lines[k].len;
        k++;
      }
      b.sent_flags = 0;
      st = S_split_run(&b, d->text, from, to);
      if (st != PRECIS_OK) return st;
      b.para++;
    }
    d->stats.sentences = d->nsent;
  }
  c->analyzed_flags = flags;
  c->lines = dl;
  st = S_term_stats(c);
  if (st == PRECIS_OK) st = S_mark_turns(c);
  if (st == PRECIS_OK && !(flags & PRECIS_OPT_NO_CLEAN))
    st = S_mark_web_notices(c, dl);
  if (st == PRECIS_OK && !(flags & PRECIS_OPT_NO_CLEAN))
    st = S_mark_off_topic(c);
  if (st != PRECIS_OK) return st;
  c->analyzed = 1;
  return PRECIS_OK;
}

precis_status precis_cluster_analyze(precis_cluster *c, unsigned flags) {
  if (!c) return PRECIS_ERR_INVALID_ARG;
  return cluster_analyze(c, flags & PRECIS_OPT_NO_CLEAN);
}

/* ---- what the analysis kept and left out ---- */

const char *cluster_why(unsigned why) {
  static const char *const name[] = {"headline",
                                     "under 8 words",
                                     "over 80 words",
                                     "under 3 content words",
                                     "no sentence end",
                                     "a fragment (opens in lower case)",
                                     "cut short (...)",
                                     "a question",
                                     "photo caption",
                                     "asks the reader",
                                     "web archive note",
                                     "article off the story",
                                     "the outlet speaks of itself"};
  if (why == 0) return NULL;
  if (why < WHY_HEADLINE) return clean_reason(why);
  why -= WHY_HEADLINE;
  return why < sizeof name / sizeof *name ? name[why] : "?";
}

/* Why a sentence needs the one before it (sent_needs_prev). */
static const char *S_needs_before(unsigned f) {
  if (f & SENT_QUOTE_REST) return "continues a quotation";
  if (f & SENT_QUOTE_TURN) return "a quotation whose speaker is named before";
  if (f & SENT_SAYS_BEFORE) return "names the quotation's speaker";
  if (f & SENT_SPEAKER) return "its speaker is a pronoun";
  if (f & SENT_DANGLING) return "opens with words that refer back";
  return "too short to stand alone"; /* SENT_IN_UNIT */
}

/* Why a sentence needs the one after it (sent_needs_next). */
static const char *S_needs_after(unsigned f) {
  if (f & SENT_QUOTE_OPEN) return "opens a quotation that goes on";
  if (f & SENT_SAID_AFTER) return "a quotation whose speaker is named after";
  return "too short to stand alone"; /* SENT_IN_UNIT */
}

/* ok[i] for article d's sentences: quotable, or a unit's part
 * (SENT_IN_UNIT), and so is every sentence ilp-pos makes it go with, in
 * turn (the closure of select_ilp_pos.c's S_chain_candidates with every
 * sentence a candidate and no budget: a sentence left out here is never
 * one of its candidates). A unit's part that no neighbour needs is not. */
static void S_part_chains(const precis_cluster *c, const doc *dd,
                          unsigned char *ok) {
  uint32_t n = dd->nsent, s0 = dd->sent0;
  if (n == 0) return;
  const sent *s = &c->sents[s0];
  for (uint32_t i = 0; i < n; i++)
    ok[i] = (s[i].flags & SENT_OUTLET) ? 0
            : (s[i].flags & SENT_IN_UNIT)
                ? sent_needs_prev(c, s0 + i) || sent_needs_next(c, s0 + i)
                : !s[i].why;
  sent_drop_unmet(c, s0, n, ok);
}

static precis_part S_part(size_t off, size_t len, precis_part_kind kind,
                          const char *why) {
  return (precis_part){.offset = off, .len = len, .kind = kind, .why = why};
}

precis_status precis_cluster_parts(const precis_cluster *c, size_t d,
                                   precis_part_fn fn, void *ctx) {
  if (!c || !fn || !c->analyzed || !c->lines || d >= c->ndocs)
    return PRECIS_ERR_INVALID_ARG;
  const doc *dd = &c->docs[d];
  const doc_lines *dl = &c->lines[d];
  int clean = !(c->analyzed_flags & PRECIS_OPT_NO_CLEAN);
  unsigned char *ok = malloc((size_t)dd->nsent + 1);
  if (!ok) return PRECIS_ERR_NOMEM;
  S_part_chains(c, dd, ok);
  size_t k = 0; /* next line to look at */
  for (uint32_t i = 0; i <= dd->nsent; i++) {
    const sent *s = i < dd->nsent ? &c->sents[dd->sent0 + i] : NULL;
    size_t until = s ? s->off : dd->len;
    /* the dropped lines before this sentence */
    for (; clean && k < dl->n && dl->lines[k].off < until; k++) {
      const line *l = &dl->lines[k];
      if (l->kind != LINE_BOILER) continue;
      precis_part sp = S_part(l->off, l->len, PRECIS_PART_BOILERPLATE,
                              clean_reason(l->reason));
      if (fn(&sp, ctx)) goto done;
    }
    if (!s) break;
    unsigned why = (s->flags & SENT_OUTLET) ? WHY_OUTLET : s->why;
    /* a unit's part is a sentence only when its unit can be quoted */
    if ((s->flags & SENT_IN_UNIT) && ok[i]) why = 0;
    precis_part sp =
        S_part(s->off, s->len, PRECIS_PART_LEFT_OUT, cluster_why(why));
    if (!why) {
      size_t g = dd->sent0 + i;
      sp.kind = PRECIS_PART_SENTENCE;
      sp.before = sent_needs_prev(c, g) ? S_needs_before(s->flags) : NULL;
      sp.after = sent_needs_next(c, g) ? S_needs_after(s->flags) : NULL;
      if (sp.before && !ok[i] && (i == 0 || !ok[i - 1]))
        sp.stranded |= PRECIS_STRANDED_BEFORE;
      if (sp.after && !ok[i] && (i + 1 == dd->nsent || !ok[i + 1]))
        sp.stranded |= PRECIS_STRANDED_AFTER;
    }
    if (fn(&sp, ctx)) break;
  }
done:
  free(ok);
  return PRECIS_OK;
}
