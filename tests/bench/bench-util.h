/* bench-util.h: what every benchmark needs to report a median
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdlib.h>

static inline int
bench_compare_doubles (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* The median of @values, which are sorted in place. */
static inline double
bench_median (double *values, guint n)
{
  qsort (values, n, sizeof (double), bench_compare_doubles);
  return values[n / 2];
}
