/* precis.c — status strings, version, option defaults. */
#include <stdlib.h>

#include "precis.h"

const char *precis_strerror(precis_status st) {
  switch (st) {
  case PRECIS_OK: return "success";
  case PRECIS_ERR_NOMEM: return "out of memory";
  case PRECIS_ERR_INVALID_ARG: return "invalid argument";
  case PRECIS_ERR_EMPTY: return "no usable text";
  case PRECIS_ERR_BINARY: return "input looks like binary data";
  case PRECIS_ERR_TOO_BIG: return "input over the size limit";
  case PRECIS_ERR_PARSE: return "malformed input";
  case PRECIS_ERR_UNKNOWN_ALGO: return "unknown algorithm";
  case PRECIS_ERR_LIMIT: return "too many articles or sentences";
  case PRECIS_ERR_IO: return "input/output error";
  }
  return "unknown error";
}

void precis_free(void *p) {
  free(p);
}

const char *precis_version(void) {
  return PRECIS_VERSION;
}

void precis_options_init(precis_options *o) {
  o->unit = PRECIS_BUDGET_WORDS;
  o->budget = 100;
  o->flags = 0;
  o->algorithm = NULL;
  o->dedup_threshold = 0.5;
}
