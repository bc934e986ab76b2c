/* render.h — text and JSON helpers shared by the brief's renderer (render.c)
 * and the report's (report_render.c). Internal. */
#ifndef PRECIS_RENDER_H
#define PRECIS_RENDER_H

#include <stddef.h>

#include "buf.h"
#include "jsonw.h"
#include "precis.h"

/* An article's outlet name, or "Source N" written into tmp. */
const char *render_source_name(const precis_cluster *c, size_t i, char *tmp,
                               size_t tmpn);
/* Text with newlines shown as spaces. */
precis_status render_put_flat(buf *b, const char *s, size_t n);
/* Markdown-escaped text, newlines as spaces. */
precis_status render_put_md(buf *b, const char *s, size_t n);
/* "\nSources:\n[1] name <url>\n..." for text output. */
precis_status render_source_list(buf *b, const precis_cluster *c);
/* "\n## Sources\n\n1. <a id=\"source-1\"></a>[name](url)\n..." for
 * Markdown output. */
precis_status render_md_source_list(buf *b, const precis_cluster *c);
/* A sentence's 1-based sources: "1,3", or with md set
 * "[1](#source-1), [3](#source-3)". */
precis_status render_support_list(buf *b, const precis_sentence *ps, int md);
/* Article d's "index" (1-based), "name", "url", "title" and "date" as
 * members of the object open in w. */
precis_status render_json_source(jw *w, const precis_cluster *c, size_t d);
/* A sentence's "text", "source", "offset", "length", "sentence_index" and
 * "supported_by" (a `list` array of 1-based sources) as members of the
 * object open in w. */
precis_status render_json_sentence(jw *w, const precis_sentence *ps,
                                   jw_layout list);

#endif
