/* input.h — reading articles for the CLI: files, directories, stdin,
 * separator-joined files. All messages name the input. */
#ifndef PRECIS_CLI_INPUT_H
#define PRECIS_CLI_INPUT_H

#include <stddef.h>
#include <stdio.h>

#include "precis.h"

#define INPUT_MAX_FILE_BYTES ((size_t)256 << 20) /* one file or stdin */

/* Read a whole stream into a malloc'd buffer (NUL-terminated). Returns 0,
 * or -1 with errno set (EFBIG past `cap`). */
int read_stream(FILE *f, size_t cap, char **out, size_t *len);

/* Read a file; on failure prints "precis: PATH: reason" and returns -1. */
int read_file(const char *path, size_t cap, char **out, size_t *len);

/* Outlet name from a path: the file name without directory and extension
 * ("in/coastal-herald.txt" -> "coastal-herald"). Writes into out. */
void outlet_from_path(const char *path, char *out, size_t outn);

/* Add the articles in text[0..len) to the cluster: the text is split at
 * every "|||||" and every "story_separator_special_tag"; each part is one
 * article named `name` (with " #k" appended when there are several).
 * HTML (by extension or sniffing) goes through main-text extraction.
 * Returns the number of articles added, or -1 after printing an error that
 * names `label`. */
int add_articles(precis_cluster *c, const char *label, const char *name,
                 const char *text, size_t len, int is_html, int verbose);

#endif
