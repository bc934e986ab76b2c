/* arena.c — see arena.h. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
  arena_block *prev;
  size_t size; /* usable bytes in data[] */
  size_t used;
  max_align_t data[];
};

#define ALIGN 16u

void arena_init(arena *a, size_t block_size) {
  a->head = NULL;
  a->block_size = block_size ? block_size : 64 * 1024;
  a->total = 0;
}

static arena_block *S_new_block(arena *a, size_t need) {
  size_t size = a->block_size;
  if (size < need) size = need;
  if (size > SIZE_MAX - sizeof(arena_block)) return NULL;
  arena_block *b = malloc(sizeof(arena_block) + size);
  if (!b) return NULL;
  b->prev = a->head;
  b->size = size;
  b->used = 0;
  a->head = b;
  a->total += size;
  return b;
}

void *arena_alloc(arena *a, size_t size) {
  if (size == 0) size = 1;
  if (size > SIZE_MAX - ALIGN) return NULL;
  size = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
  arena_block *b = a->head;
  if (!b || b->size - b->used < size) {
    /* Large requests get their own block so the current one stays useful. */
    if (b && size > a->block_size / 4) {
      arena_block *big = malloc(sizeof(arena_block) + size);
      if (!big) return NULL;
      big->size = size;
      big->used = size;
      big->prev = b->prev;
      b->prev = big;
      a->total += size;
      memset(big->data, 0, size);
      return big->data;
    }
    b = S_new_block(a, size);
    if (!b) return NULL;
  }
  void *p = (char *)b->data + b->used;
  b->used += size;
  memset(p, 0, size);
  return p;
}

void *arena_calloc(arena *a, size_t n, size_t size) {
  if (size && n > SIZE_MAX / size) return NULL;
  return arena_alloc(a, n * size);
}

char *arena_strndup(arena *a, const char *s, size_t len) {
  if (len == SIZE_MAX) return NULL;
  char *p = arena_alloc(a, len + 1);
  if (!p) return NULL;
  if (len) memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

void arena_reset(arena *a) {
  arena_block *b = a->head;
  if (!b) return;
  /* Keep the oldest default-size block; free the rest. */
  arena_block *keep = NULL;
  while (b) {
    arena_block *prev = b->prev;
    if (!prev && b->size == a->block_size) {
      keep = b;
    } else {
      free(b);
    }
    b = prev;
  }
  a->head = keep;
  a->total = 0;
  if (keep) {
    keep->used = 0;
    keep->prev = NULL;
    a->total = keep->size;
  }
}

void arena_free(arena *a) {
  arena_block *b = a->head;
  while (b) {
    arena_block *prev = b->prev;
    free(b);
    b = prev;
  }
  a->head = NULL;
  a->total = 0;
}
