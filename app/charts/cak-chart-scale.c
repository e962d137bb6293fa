/* cak-chart-scale.c: scales and nice ticks, as pure functions
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-chart-scale"

#include "config.h"

#include <math.h>

#include "cak-chart-scale.h"

/**
 * cak_nice_number:
 * @round_it: round to the nearest nice number rather than up to one
 *
 * Returns: a number of the form 1, 2, 2.5 or 5 times a power of ten, close to @value
 * (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).
 */
double
cak_nice_number (double value, gboolean round_it)
{
  double exponent, fraction, nice;

  if (value <= 0 || !isfinite (value))
    return 1.0;
  exponent = floor (log10 (value));
  fraction = value / pow (10, exponent);
  if (round_it)
    nice = fraction < 1.5    ? 1
           : fraction < 2.25 ? 2
           : fraction < 3.5  ? 2.5
           : fraction < 7.5  ? 5
                             : 10;
  else
    nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * pow (10, exponent);
}

/**
 * cak_ticks_compute:
 * @max_ticks: at most this many ticks (2 to %CAK_MAX_TICKS)
 *
 * Chooses an axis that covers @lo..@hi in nice steps, with ticks at every step.
 */
void
cak_ticks_compute (double lo, double hi, guint max_ticks, CakTicks *out_ticks)
{
  double range, step;

  g_return_if_fail (out_ticks != NULL);

  max_ticks = CLAMP (max_ticks, 2, CAK_MAX_TICKS);
  if (!isfinite (lo) || !isfinite (hi))
    lo = 0, hi = 1;
  if (hi < lo)
    {
      double t = lo;

      lo = hi;
      hi = t;
    }
  if (hi == lo)
    hi = lo + (lo == 0 ? 1 : fabs (lo) * 0.1);

  range = cak_nice_number (hi - lo, FALSE);
  step = cak_nice_number (range / (max_ticks - 1), TRUE);
  out_ticks->min = floor (lo / step) * step;
  out_ticks->max = ceil (hi / step - 1e-9) * step;
  while ((out_ticks->max - out_ticks->min) / step + 1 > max_ticks + 1e-9)
    {
      step = cak_nice_number (step * 1.5, FALSE);
      out_ticks->min = floor (lo / step) * step;
      out_ticks->max = ceil (hi / step - 1e-9) * step;
    }
  out_ticks->step = step;
  out_ticks->n_ticks = 0;
  for (guint i = 0; i < CAK_MAX_TICKS; i++)
    {
      double t = out_ticks->min + i * step;

      if (t > out_ticks->max + step * 1e-6)
        break;
      out_ticks->ticks[out_ticks->n_ticks++] = fabs (t) < step * 1e-9 ? 0.0 : t;
    }
}

/**
 * cak_scale_map:
 *
 * Returns: @value mapped linearly from the domain @d0..@d1 to the range @r0..@r1.
 */
double
cak_scale_map (double value, double d0, double d1, double r0, double r1)
{
  if (d1 == d0)
    return r0;
  return r0 + (value - d0) / (d1 - d0) * (r1 - r0);
}
