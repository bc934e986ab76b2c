/* keyidx.h — an index from 64-bit keys to the entries of a caller's array.
 *
 * Open addressing with linear probing over a power of two of uint32_t
 * slots, each empty (KEYIDX_NONE) or the number of an entry; kept at a
 * load of at most 1/2 by doubling. The index holds no keys: an entry's
 * key is the uint64_t at the start of the caller's entry struct of
 * `size` bytes, so the index costs at most 8 bytes per distinct key and
 * the entries stay where the caller wants them (one array, grown by the
 * caller with realloc). Used for the concept bigrams of select_concepts.c
 * and the bigram document frequencies of sentfeat.c.
 *
 *   if (keyidx_reserve(&x, e, sizeof *e) != 0) fail;   room for one more
 *   uint32_t *slot = keyidx_slot(&x, e, sizeof *e, key);
 *   if (*slot == KEYIDX_NONE) { append e[n] with key; *slot = n; x.n++; }
 *
 * The array may hold entries the index does not (they are never found).
 *
 * Considered: khash and uthash (header-only, not Debian libraries one
 * links) and GLib's GHashTable (a dependency for one table, a pointer
 * per key); a table this small is written here.
 */
#ifndef PRECIS_KEYIDX_H
#define PRECIS_KEYIDX_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define KEYIDX_NONE UINT32_MAX

typedef struct keyidx {
  uint32_t *slot; /* mask + 1 of them, or NULL before the first reserve */
  size_t mask;
  size_t n; /* keys held; the caller counts its insertions */
} keyidx;

static inline uint64_t keyidx_key(const void *e, size_t size, uint32_t i) {
  uint64_t k;
  memcpy(&k, (const char *)e + (size_t)i * size, sizeof k);
  return k;
}

static inline size_t keyidx_hash(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  return (size_t)k;
}

/* The slot of key: its entry's number, or the empty slot where it goes.
 * The index must have been reserved once. */
static inline uint32_t *keyidx_slot(const keyidx *x, const void *e, size_t size,
                                    uint64_t key) {
  size_t h = keyidx_hash(key) & x->mask;
  while (x->slot[h] != KEYIDX_NONE && keyidx_key(e, size, x->slot[h]) != key)
    h = (h + 1) & x->mask;
  return &x->slot[h];
}

/* The entry number of key, or KEYIDX_NONE. */
static inline uint32_t keyidx_find(const keyidx *x, const void *e, size_t size,
                                   uint64_t key) {
  return x->slot ? *keyidx_slot(x, e, size, key) : KEYIDX_NONE;
}

/* Double the index (4096 slots the first time), rehashing the keys held.
 * 0, or -1 out of memory (the index left as it was). */
int keyidx_grow(keyidx *x, const void *e, size_t size);

/* Room for one more key: grows when that key would take the load past
 * 1/2. Slot pointers from before a reserve are stale after it. */
static inline int keyidx_reserve(keyidx *x, const void *e, size_t size) {
  return x->slot && 2 * (x->n + 1) <= x->mask + 1 ? 0 : keyidx_grow(x, e, size);
}

void keyidx_free(keyidx *x);

#endif
