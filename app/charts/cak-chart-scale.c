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

/* Mantissas of the ticks of a log axis, finest first. Each set is tried in turn; a decade is
 * always one of the ticks. */
static const struct
{
  guint n;
  double m[9];
} log_levels[] = {
  { 9, { 1, 2, 3, 4, 5, 6, 7, 8, 9 } },
  { 5, { 1, 1.5, 2, 3, 5 } },
  { 3, { 1, 2, 5 } },
  { 1, { 1 } },
};

/* The level of 1-2-5: finer levels are only used when it gives too few ticks. */
#define LOG_LEVEL_125 2

/* The @i-th tick value of a level counted from 10^0, for any integer i: decade i / n. */
static double
log_level_value (guint level, int i, guint every)
{
  guint n = log_levels[level].n;
  int decade = (int)floor ((double)i / n);
  int k = i - decade * (int)n;

  return log_levels[level].m[k] * pow (10, decade * (int)every);
}

/* The index of the largest value of a level at or below @value (up: smallest at or above). */
static int
log_level_index (guint level, double value, gboolean up, guint every)
{
  guint n = log_levels[level].n;
  int decade = (int)floor (log10 (value) / every + 1e-12);
  int i = decade * (int)n;

  /* Walk from a value below to the first one past @value; log10 rounding is absorbed here. */
  i -= (int)n;
  while (log_level_value (level, i + 1, every) <= value * (1 + 1e-9))
    i++;
  if (up && log_level_value (level, i, every) < value * (1 - 1e-9))
    i++;
  return i;
}

static guint
log_level_count (guint level, double lo, double hi, guint every)
{
  return log_level_index (level, hi, TRUE, every) - log_level_index (level, lo, FALSE, every) + 1;
}

/**
 * cak_log_ticks_compute:
 * @lo: the smallest value to show, > 0
 * @hi: the largest, >= @lo
 * @max_ticks: at most this many ticks (2 to %CAK_MAX_TICKS)
 *
 * Chooses a logarithmic axis that covers @lo..@hi, from a tick at or below @lo to one at or above
 * @hi, in steps of 1, 2 and 5 per decade (20 rb, 50 rb, 100 rb, 200 rb, 500 rb, 1 jt). Fewer
 * steps when they would not fit (decades only, then every second, fifth, tenth decade), more when
 * the values span less than a decade. out_ticks->step is 0: the steps are not even.
 */
void
cak_log_ticks_compute (double lo, double hi, guint max_ticks, CakTicks *out_ticks)
{
  guint level = LOG_LEVEL_125, every = 1;
  int first, last;

  g_return_if_fail (out_ticks != NULL);

  max_ticks = CLAMP (max_ticks, 2, CAK_MAX_TICKS);
  if (!isfinite (lo) || lo <= 0)
    lo = isfinite (hi) && hi > 0 ? hi / 10 : 1;
  if (!isfinite (hi) || hi <= 0)
    hi = lo * 10;
  if (hi < lo)
    {
      double t = lo;

      lo = hi;
      hi = t;
    }

  /* Finer than 1-2-5 only while 1-2-5 gives fewer than three ticks. */
  while (level > 0 && log_level_count (level, lo, hi, every) < 3
         && log_level_count (level - 1, lo, hi, every) <= max_ticks)
    level--;
  /* Coarser while there are too many; past whole decades, every second, fifth... decade. */
  while (log_level_count (level, lo, hi, every) > max_ticks)
    {
      if (level + 1 < G_N_ELEMENTS (log_levels))
        level++;
      else
        every = every == 1 ? 2 : every == 2 ? 5 : every * 2;
    }

  first = log_level_index (level, lo, FALSE, every);
  last = log_level_index (level, hi, TRUE, every);
  if (last == first)
    last++;
  out_ticks->min = log_level_value (level, first, every);
  out_ticks->max = log_level_value (level, last, every);
  out_ticks->step = 0;
  out_ticks->n_ticks = 0;
  for (int i = first; i <= last && out_ticks->n_ticks < CAK_MAX_TICKS; i++)
    {
      /* Round away the error of pow: 0.30000000000000004 * 10^5 is 30000. */
      double v = log_level_value (level, i, every);
      double scale = pow (10, floor (log10 (v)) - 3);

      out_ticks->ticks[out_ticks->n_ticks++] = round (v / scale) * scale;
    }
  out_ticks->min = out_ticks->ticks[0];
  out_ticks->max = out_ticks->ticks[out_ticks->n_ticks - 1];
}

/**
 * cak_scale_map_log:
 * @d0: the start of the domain, > 0
 * @d1: its end, > 0
 *
 * Returns: @value mapped logarithmically from @d0..@d1 to @r0..@r1, or NAN for a @value that
 * has no logarithm (zero or less), which a chart must leave out rather than draw at an edge.
 */
double
cak_scale_map_log (double value, double d0, double d1, double r0, double r1)
{
  if (!(value > 0) || !(d0 > 0) || !(d1 > 0))
    return NAN;
  return cak_scale_map (log10 (value), log10 (d0), log10 (d1), r0, r1);
}

/**
 * cak_scale_radius:
 * @cap: the value drawn at @r_max; larger values are drawn no larger
 *
 * Returns: the radius of a circle whose area is proportional to @value (a square-root scale),
 * from @r_min for nothing or no value to @r_max for @cap and above.
 */
double
cak_scale_radius (double value, double cap, double r_min, double r_max)
{
  if (!(value > 0) || !(cap > 0))
    return r_min;
  return CLAMP (r_max * sqrt (MIN (value, cap) / cap), r_min, r_max);
}

/**
 * cak_tick_decimals:
 *
 * Returns: the decimals an axis with this step needs: 0 for 0% 10% 20%, 1 for 0% 2.5% 5%
 */
int
cak_tick_decimals (double step)
{
  for (int d = 0; d < 2; d++)
    if (fabs (step * pow (10, d) - round (step * pow (10, d))) < 1e-6)
      return d;
  return 2;
}
