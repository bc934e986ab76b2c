/* arena.h — per-cluster bump allocator.
 *
 * Everything whose lifetime is one cluster (cleaned text, sentences, token
 * views, score vectors) is carved from one arena and released in one call,
 * the way zstd keeps a whole context in one workspace (zstd_cwksp.h).
 * Blocks are chained; arena_reset() keeps the first block for reuse so a
 * JSONL batch run allocates nothing per cluster in the steady state.
 *
 * Not thread-safe: one arena per cluster per thread.
 */
#ifndef PRECIS_ARENA_H
#define PRECIS_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
  arena_block *head; /* current block (newest) */
  size_t block_size; /* default size of new blocks */
  size_t total;      /* bytes reserved across all blocks */
} arena;

void arena_init(arena *a, size_t block_size);
/* Returns zeroed, 16-byte aligned memory, or NULL on overflow/OOM. */
void *arena_alloc(arena *a, size_t size);
/* arena_alloc(n * size) with an overflow check. */
void *arena_calloc(arena *a, size_t n, size_t size);
/* Copy len bytes and add a NUL terminator. */
char *arena_strndup(arena *a, const char *s, size_t len);
/* Free all blocks but the first, which is kept (and cleared lazily). */
void arena_reset(arena *a);
void arena_free(arena *a);

#endif
