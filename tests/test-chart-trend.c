/* test-chart-trend.c: log scales, the trend and the scatter
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-chart-trend"

#include "config.h"

#include "chart-test-util.h"

/* Scales */

static gboolean
is_125 (double value)
{
  double m = value / pow (10, floor (log10 (value) + 1e-9));

  return fabs (m - 1) < 1e-9 || fabs (m - 2) < 1e-9 || fabs (m - 5) < 1e-9;
}

static void
test_log_ticks (void)
{
  const struct
  {
    double lo, hi;
    guint max;
    double want[CAK_MAX_TICKS];
    guint n;
  } cases[] = {
    /* The national range: 1-2-5 in every decade */
    { 20e3, 1.6e6, 10, { 20e3, 50e3, 100e3, 200e3, 500e3, 1e6, 2e6 }, 7 },
    /* Jawa Timur's */
    { 71e3, 1.1e6, 10, { 50e3, 100e3, 200e3, 500e3, 1e6, 2e6 }, 6 },
    /* Ticks on the ends are kept, not widened */
    { 50e3, 1e6, 10, { 50e3, 100e3, 200e3, 500e3, 1e6 }, 5 },
    /* Too little room: decades */
    { 20e3, 1.6e6, 4, { 10e3, 100e3, 1e6, 1e7 }, 4 },
    /* Less than a decade: finer than 1-2-5 */
    { 210e3, 480e3, 8, { 200e3, 300e3, 500e3 }, 3 },
    /* A huge range: every fifth decade */
    { 1, 1e12, 5, { 1, 1e5, 1e10, 1e15 }, 4 },
    /* One value */
    { 300, 300, 6, { 300, 400 }, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CakTicks t;

      cak_log_ticks_compute (cases[i].lo, cases[i].hi, cases[i].max, &t);
      if (t.n_ticks != cases[i].n)
        g_error ("case %u: %u ticks, want %u", i, t.n_ticks, cases[i].n);
      for (guint k = 0; k < t.n_ticks; k++)
        g_assert_cmpfloat (t.ticks[k], ==, cases[i].want[k]);
      g_assert_cmpfloat (t.min, ==, t.ticks[0]);
      g_assert_cmpfloat (t.max, ==, t.ticks[t.n_ticks - 1]);
      g_assert_cmpfloat (t.min, <=, cases[i].lo);
      g_assert_cmpfloat (t.max, >=, cases[i].hi);
      g_assert_cmpuint (t.n_ticks, <=, cases[i].max);
    }

  /* Whatever the range and room: 1-2-5 ticks, rising, covering the values, no more than asked */
  for (guint max = 3; max <= 12; max++)
    for (double lo = 1e3; lo < 1e6; lo *= 1.7)
      for (double ratio = 3; ratio < 1e4; ratio *= 2.3)
        {
          CakTicks t;

          cak_log_ticks_compute (lo, lo * ratio, max, &t);
          g_assert_cmpuint (t.n_ticks, >=, 2);
          g_assert_cmpuint (t.n_ticks, <=, max);
          g_assert_cmpfloat (t.ticks[0], <=, lo);
          g_assert_cmpfloat (t.ticks[t.n_ticks - 1], >=, lo * ratio);
          for (guint k = 0; k < t.n_ticks; k++)
            {
              if (k > 0)
                g_assert_cmpfloat (t.ticks[k], >, t.ticks[k - 1]);
              if (ratio >= 10)
                g_assert_true (is_125 (t.ticks[k]));
            }
        }

  /* Nonsense in, an axis out */
  {
    CakTicks t;

    cak_log_ticks_compute (0, 0, 5, &t);
    g_assert_cmpuint (t.n_ticks, >=, 2);
    g_assert_cmpfloat (t.min, >, 0);
    cak_log_ticks_compute (NAN, 1e5, 5, &t);
    g_assert_cmpfloat (t.max, >=, 1e5);
  }

  g_assert_cmpfloat_with_epsilon (cak_scale_map_log (100, 10, 1000, 0, 200), 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (cak_scale_map_log (10, 10, 1000, 50, 250), 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (cak_scale_map_log (1000, 10, 1000, 250, 50), 50, 1e-9);
  g_assert_true (isnan (cak_scale_map_log (0, 10, 1000, 0, 200)));
  g_assert_true (isnan (cak_scale_map_log (-5, 10, 1000, 0, 200)));
}

static void
test_radius (void)
{
  double prev = 0;

  /* Area, not radius, is proportional to the value */
  g_assert_cmpfloat_with_epsilon (cak_scale_radius (100, 400, 1, 40), 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (cak_scale_radius (400, 400, 1, 40), 40, 1e-9);
  /* Capped, and never smaller than the least */
  g_assert_cmpfloat (cak_scale_radius (1e9, 400, 1, 40), ==, 40);
  g_assert_cmpfloat (cak_scale_radius (0, 400, 3, 40), ==, 3);
  g_assert_cmpfloat (cak_scale_radius (NAN, 400, 3, 40), ==, 3);
  g_assert_cmpfloat (cak_scale_radius (1e-6, 400, 3, 40), ==, 3);
  for (double v = 0; v <= 500; v += 7)
    {
      double r = cak_scale_radius (v, 400, 2, 40);

      g_assert_cmpfloat (r, >=, prev);
      prev = r;
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/scale/log-ticks", test_log_ticks);
  g_test_add_func ("/chart/scale/radius", test_radius);
  return g_test_run ();
}
