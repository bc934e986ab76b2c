/* vec.c — see vec.h. */
#include "vec.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

precis_status vec_grow(void *arrp, size_t *cap, size_t need, size_t elem_size,
                       size_t first_cap) {
  if (need <= *cap) return PRECIS_OK;
  size_t n = *cap ? *cap : first_cap ? first_cap : 1;
  while (n < need) {
    if (n > SIZE_MAX / 2) return PRECIS_ERR_TOO_BIG;
    n *= 2;
  }
  if (n > SIZE_MAX / elem_size) return PRECIS_ERR_TOO_BIG;
  /* the caller's pointer is a T *: read and write it as bytes rather
   * than through a void ** */
  void *p;
  memcpy(&p, arrp, sizeof p);
  p = realloc(p, n * elem_size);
  if (!p) return PRECIS_ERR_NOMEM;
  memcpy(arrp, &p, sizeof p);
  *cap = n;
  return PRECIS_OK;
}
