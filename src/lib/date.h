/* date.h — the rule that a story followed over days keeps its articles'
 * order (summary.c). Internal; the date parse is public
 * (precis_date_seconds, precis.h). */
#ifndef PRECIS_DATE_H
#define PRECIS_DATE_H

#include "precis.h"

/* 1 when every article carries an ISO 8601 date (precis_date_seconds),
 * they are in date order and the first and the last fall on different
 * UTC days: the articles follow a story over time, and the brief keeps
 * their order rather than the outlets' majority. */
int dated_over_days(const precis_cluster *c);

#endif
