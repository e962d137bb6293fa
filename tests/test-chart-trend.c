/* test-chart-trend.c: log scales, the trend and the scatter
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-chart-trend"

#include "config.h"

#include "cak-chart-scatter.h"
#include "cak-chart-trend.h"
#include "chart-test-util.h"

static const double sizes[][2] = { { 1920, 1080 }, { 1366, 768 }, { 1024, 768 }, { 800, 600 } };
static const CakChartThemeKind themes[]
    = { CAK_CHART_THEME_LIGHT, CAK_CHART_THEME_DARK, CAK_CHART_THEME_PROJECTOR };

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

/* Trend: pure parts */

static void
test_runs (void)
{
  const double values[] = { 1, NAN, 2, 3, NAN, NAN, 4, 5, 6 };
  g_autoptr (GArray) runs = cak_trend_runs (values, G_N_ELEMENTS (values));
  g_autoptr (GArray) none = cak_trend_runs (values + 4, 2);
  g_autoptr (GArray) empty = cak_trend_runs (NULL, 0);
  const CakTrendRun want[] = { { 0, 1 }, { 2, 2 }, { 6, 3 } };

  g_assert_cmpuint (runs->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < runs->len; i++)
    {
      g_assert_cmpuint (g_array_index (runs, CakTrendRun, i).start, ==, want[i].start);
      g_assert_cmpuint (g_array_index (runs, CakTrendRun, i).length, ==, want[i].length);
    }
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_spread (void)
{
  GRand *rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 200; round++)
    {
      guint n = g_rand_int_range (rand, 1, 12);
      double centres[12], heights[12], before[12];
      double lo = 100, hi = 100 + g_rand_double_range (rand, 60, 400), gap = 2;
      double need = 0;

      for (guint i = 0; i < n; i++)
        {
          centres[i] = before[i] = g_rand_double_range (rand, lo - 30, hi + 30);
          heights[i] = g_rand_double_range (rand, 10, 20);
          need += heights[i] + (i > 0 ? gap : 0);
        }
      if (!cak_trend_spread (centres, heights, n, lo, hi, gap))
        {
          g_assert_cmpfloat (need, >, hi - lo);
          for (guint i = 0; i < n; i++)
            g_assert_cmpfloat (centres[i], ==, before[i]);
          continue;
        }
      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpfloat (centres[i] - heights[i] / 2, >=, lo - 1e-6);
          g_assert_cmpfloat (centres[i] + heights[i] / 2, <=, hi + 1e-6);
          for (guint j = 0; j < n; j++)
            {
              if (i == j)
                continue;
              /* Apart, and in the order they asked for */
              g_assert_cmpfloat (fabs (centres[i] - centres[j]), >=,
                                 (heights[i] + heights[j]) / 2 + gap - 1e-6);
              if (before[i] < before[j])
                g_assert_cmpfloat (centres[i], <, centres[j]);
            }
        }
    }
  g_rand_free (rand);

  /* Labels with room stay where they are */
  {
    double centres[] = { 150, 110, 300 }, heights[] = { 12, 12, 12 };

    g_assert_true (cak_trend_spread (centres, heights, 3, 100, 400, 2));
    g_assert_cmpfloat (centres[0], ==, 150);
    g_assert_cmpfloat (centres[1], ==, 110);
    g_assert_cmpfloat (centres[2], ==, 300);
  }
  /* Two that collide move apart evenly */
  {
    double centres[] = { 200, 204 }, heights[] = { 10, 10 };

    g_assert_true (cak_trend_spread (centres, heights, 2, 100, 400, 2));
    g_assert_cmpfloat_with_epsilon (centres[0], 196, 1e-9);
    g_assert_cmpfloat_with_epsilon (centres[1], 208, 1e-9);
  }
}

/* Trend: the chart */

static const CakTrendLine *
trend_line (const CakChartLayout *layout, int item)
{
  const CakTrendGeometry *t = layout->priv;

  for (guint i = 0; i < t->lines->len; i++)
    if (g_array_index (t->lines, CakTrendLine, i).item == item)
      return &g_array_index (t->lines, CakTrendLine, i);
  return NULL;
}

static guint
count_role (const CakChartLayout *layout, CakTrendRole role)
{
  const CakTrendGeometry *t = layout->priv;
  guint n = 0;

  for (guint i = 0; i < t->lines->len; i++)
    n += g_array_index (t->lines, CakTrendLine, i).role == role;
  return n;
}

static const CakTrendLabel *
end_label (const CakChartLayout *layout, int item)
{
  const CakTrendGeometry *t = layout->priv;

  for (guint i = 0; i < t->end_labels->len; i++)
    if (g_array_index (t->end_labels, CakTrendLabel, i).item == item)
      return &g_array_index (t->end_labels, CakTrendLabel, i);
  return NULL;
}

/* Pixels near @color (anti-aliased edges included) in a box of @surface. */
static guint
count_near (cairo_surface_t *surface, CakColor color, double x0, double y0, double x1, double y1)
{
  guchar *pixels = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int r = color.r * 255 + 0.5, g = color.g * 255 + 0.5, b = color.b * 255 + 0.5;
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = MAX (0, (int)y0); y < MIN (cairo_image_surface_get_height (surface), (int)y1); y++)
    for (int x = MAX (0, (int)x0); x < MIN (cairo_image_surface_get_width (surface), (int)x1); x++)
      {
        guint32 p = *(guint32 *)(pixels + y * stride + x * 4);

        n += abs ((int)((p >> 16) & 0xff) - r) < 24 && abs ((int)((p >> 8) & 0xff) - g) < 24
             && abs ((int)(p & 0xff) - b) < 24;
      }
  return n;
}

/* Three regencies of Jawa Timur over January to June 2024. Blitar has no figure for March, and
 * Kediri only one, for May. */
static CakDataset *
gap_dataset (void)
{
  CakRegionCatalog *catalog = cak_region_catalog_get_default ();
  CakDataset *ds = cak_dataset_new (catalog);
  CakSource source = { "gaps.csv", NULL, 1, 0 };
  const char *codes[] = { "35.01", "35.05", "35.06" };
  const double participants[] = { 30000, 80000, 150000 };

  for (guint r = 0; r < G_N_ELEMENTS (codes); r++)
    {
      const CakRegion *region = cak_region_catalog_lookup_code (catalog, codes[r]);

      cak_dataset_set (ds, region, cak_period_year (2023), CAK_MEASURE_WORKFORCE, 400000, &source,
                       NULL);
      cak_dataset_set (ds, region, cak_period_year (2024), CAK_MEASURE_WORKFORCE, 400000, &source,
                       NULL);
      cak_dataset_set (ds, region, cak_period_year (2023), CAK_MEASURE_TARGET_PCT, 30, &source,
                       NULL);
      cak_dataset_set (ds, region, cak_period_year (2024), CAK_MEASURE_TARGET_PCT, 35, &source,
                       NULL);
      for (guint m = 0; m < 7; m++)
        {
          /* December 2023, then January to June 2024 */
          CakPeriod p = m == 0 ? cak_period_month (2023, 12) : cak_period_month (2024, m);

          if ((r == 1 && m == 3) || (r == 2 && m != 5))
            continue;
          cak_dataset_set (ds, region, p, CAK_MEASURE_PARTICIPANTS, participants[r] + 1000 * m,
                           &source, NULL);
          source.row++;
        }
    }
  return ds;
}

static void
test_trend_gaps (void)
{
  g_autoptr (CakDataset) ds = gap_dataset ();
  g_autoptr (CakChartData) data = cak_chart_data_new (ds, "35", ctu_period ("2024-06"),
                                                      CAK_PERIOD_INIT_NONE, NULL, CAK_LANG_EN);
  int blitar = cak_chart_data_find_code (data, "35.05");
  int kediri = cak_chart_data_find_code (data, "35.06");
  int pacitan = cak_chart_data_find_code (data, "35.01");
  g_autoptr (CakChartLayout) layout = NULL;
  const CakTrendGeometry *t;
  const CakTrendLine *line;
  g_autoptr (GArray) runs = NULL;
  cairo_surface_t *surface;
  CakChartTheme theme;
  double px;
  guint n_hits = 0;

  g_assert_cmpuint (data->periods->len, ==, 7);
  g_array_append_val (data->trend_items, blitar);
  g_array_append_val (data->trend_items, kediri);
  layout = ctu_layout (CAK_CHART_TREND, data, CAK_CHART_THEME_LIGHT, 1366, 768);
  t = layout->priv;
  px = layout->font_px;

  /* Blitar's March is a gap: two runs, never a value of zero */
  line = trend_line (layout, blitar);
  g_assert_nonnull (line);
  g_assert_cmpint (line->role, ==, CAK_TREND_SERIES);
  g_assert_true (isnan (line->y[3]));
  for (guint p = 0; p < 7; p++)
    if (p != 3)
      g_assert_cmpfloat (line->y[p], <, t->bottom - px);
  runs = cak_trend_runs (line->y, t->n_periods);
  g_assert_cmpuint (runs->len, ==, 2);
  g_assert_true (t->has_gaps);
  /* No point to hover in the gap */
  for (guint i = 0; i < layout->hits->len; i++)
    {
      const CakChartHit *hit = &g_array_index (layout->hits, CakChartHit, i);

      if (hit->item != blitar)
        continue;
      n_hits++;
      g_assert_cmpfloat (fabs (hit->rect.x + hit->rect.width / 2 - t->x[3]), >, 1);
    }
  g_assert_cmpuint (n_hits, ==, 6);
  /* Kediri's one value stands alone */
  line = trend_line (layout, kediri);
  g_assert_nonnull (line);
  g_clear_pointer (&runs, g_array_unref);
  runs = cak_trend_runs (line->y, t->n_periods);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpuint (g_array_index (runs, CakTrendRun, 0).length, ==, 1);
  g_assert_cmpint (line->last, ==, 5);
  /* Pacitan was not asked for: no line, no name */
  g_assert_null (trend_line (layout, pacitan));
  g_assert_null (end_label (layout, pacitan));

  /* Drawn: Blitar's colour between February and April only up to the gap, and between April
   * and June all along */
  cak_chart_theme_init (&theme, CAK_CHART_THEME_LIGHT);
  surface = ctu_draw (CAK_CHART_TREND, data, CAK_CHART_THEME_LIGHT, 1366, 768);
  {
    const CakTrendLine *b = trend_line (layout, blitar);
    double lo = MIN (b->y[2], b->y[4]) - px, hi = MAX (b->y[2], b->y[4]) + px;
    double gap0 = t->x[2] + px * 0.5, gap1 = t->x[4] - px * 0.5;

    g_assert_cmpuint (count_near (surface, theme.series[0], gap0, lo, gap1, hi), ==, 0);
    g_assert_cmpuint (count_near (surface, theme.series[0], t->x[4] + px * 0.5, lo - px * 2,
                                  t->x[5] - px * 0.5, hi + px * 2),
                      >, 20);
    /* Kediri's lone May is a dot */
    g_assert_cmpuint (count_near (surface, theme.series[1], t->x[5] - px * 0.5,
                                  trend_line (layout, kediri)->y[5] - px * 0.5, t->x[5] + px * 0.5,
                                  trend_line (layout, kediri)->y[5] + px * 0.5),
                      >, 4);
  }
  cairo_surface_destroy (surface);
}

static void
test_trend_points (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_ID);
  int blitar = cak_chart_data_find_code (data, "35.05");
  g_autoptr (CakChartLayout) layout = NULL;
  const CakTrendGeometry *t;
  guint n_total = 0;

  g_array_append_val (data->trend_items, blitar);
  layout = ctu_layout (CAK_CHART_TREND, data, CAK_CHART_THEME_LIGHT, 1920, 1080);
  t = layout->priv;

  /* Months evenly along the plot, the first at its left and the last at its right */
  g_assert_cmpuint (t->n_periods, ==, 36);
  g_assert_cmpfloat_with_epsilon (t->x[0], layout->plot.x, 1e-9);
  g_assert_cmpfloat_with_epsilon (t->x[35], layout->plot.x + layout->plot.width, 1e-9);
  for (guint p = 2; p < 36; p++)
    g_assert_cmpfloat_with_epsilon (t->x[p] - t->x[p - 1], t->x[1] - t->x[0], 1e-6);
  /* The axis from 0% up, over every value drawn: the target of 40% is the highest */
  g_assert_cmpfloat (t->ticks.min, ==, 0);
  g_assert_cmpfloat (t->ticks.max, >=, 40);
  g_assert_cmpfloat (t->ticks.max, <=, 50);

  /* Each point of the province's line is a hit, where the scales put it */
  for (guint i = 0; i < layout->hits->len; i++)
    {
      const CakChartHit *hit = &g_array_index (layout->hits, CakChartHit, i);
      double cx = hit->rect.x + hit->rect.width / 2, cy = hit->rect.y + hit->rect.height / 2;
      guint p;

      if (hit->item != CAK_CHART_ITEM_TOTAL)
        continue;
      p = n_total++;
      g_assert_cmpfloat_with_epsilon (cx, t->x[p], 1e-6);
      g_assert_cmpfloat_with_epsilon (
          cy,
          cak_scale_map (cak_chart_data_history (data, CAK_CHART_ITEM_TOTAL, p), 0, t->ticks.max,
                         t->bottom, t->top),
          1e-6);
      g_assert_cmpint (cak_chart_hit_test (layout, cx, cy), ==, CAK_CHART_ITEM_TOTAL);
    }
  g_assert_cmpuint (n_total, ==, 36);
  /* Blitar's December 2023 is its public figure, 25.4% */
  g_assert_cmpfloat_with_epsilon (
      trend_line (layout, blitar)->y[23],
      cak_scale_map (114377.0 / 449717 * 100, 0, t->ticks.max, t->bottom, t->top), 1e-6);
}

static void
test_trend_target (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (CakChartLayout) layout
      = ctu_layout (CAK_CHART_TREND, data, CAK_CHART_THEME_LIGHT, 1366, 768);
  const CakTrendGeometry *t = layout->priv;
  const CakTrendLabel *label = end_label (layout, CAK_CHART_ITEM_NONE);

  /* One level a year, each from halfway after December to halfway before the next January */
  g_assert_cmpuint (t->target->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const CakTrendStep *s = &g_array_index (t->target, CakTrendStep, i);

      g_assert_cmpfloat_with_epsilon (
          s->y, cak_scale_map (data->history_target[i * 12], 0, t->ticks.max, t->bottom, t->top),
          1e-9);
      g_assert_cmpfloat_with_epsilon (
          s->x0, i == 0 ? t->x[0] : (t->x[i * 12 - 1] + t->x[i * 12]) / 2, 1e-9);
      g_assert_cmpfloat_with_epsilon (
          s->x1, i == 2 ? t->x[35] : (t->x[i * 12 + 11] + t->x[i * 12 + 12]) / 2, 1e-9);
      if (i > 0)
        {
          const CakTrendStep *prev = &g_array_index (t->target, CakTrendStep, i - 1);

          /* Stepped up: joined, and higher (a smaller y) */
          g_assert_cmpfloat_with_epsilon (prev->x1, s->x0, 1e-9);
          g_assert_cmpfloat (s->y, <, prev->y);
        }
    }
  /* Named at its end: "Target 40%" */
  g_assert_nonnull (label);
  g_assert_cmpstr (label->text, ==, "Target 40%");
  g_assert_cmpfloat_with_epsilon (label->anchor_y, g_array_index (t->target, CakTrendStep, 2).y,
                                  1e-9);
}

/* The names at the line ends never overlap and stay beside the plot, whichever lines. */
static void
test_trend_labels (void)
{
  CakChartFocus focus = cak_chart_focus_none ();
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_ID);
  /* Close together in December 2024: Blitar 27.3, Lamongan 27.2, Magetan 27.2, Ponorogo 26.3 */
  const char *codes[] = { "35.05", "35.24", "35.20", "35.02", "35.11", "35.04" };
  int selected = cak_chart_data_find_code (data, "35.17");

  for (guint k = 0; k < G_N_ELEMENTS (codes); k++)
    {
      int item = cak_chart_data_find_code (data, codes[k]);

      g_assert_cmpint (item, >=, 0);
      g_array_append_val (data->trend_items, item);
    }
  focus.selected = selected;
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint th = 0; th < G_N_ELEMENTS (themes); th++)
      {
        g_autoptr (CakChartLayout) layout = ctu_layout_focus (
            CAK_CHART_TREND, data, &focus, themes[th], sizes[s][0], sizes[s][1], 0);
        const CakTrendGeometry *t = layout->priv;

        /* The province, the target and the selected one are always named */
        g_assert_nonnull (end_label (layout, CAK_CHART_ITEM_TOTAL));
        g_assert_nonnull (end_label (layout, CAK_CHART_ITEM_NONE));
        g_assert_nonnull (end_label (layout, selected));
        g_assert_cmpuint (count_role (layout, CAK_TREND_SERIES), ==, 6);
        g_assert_cmpuint (count_role (layout, CAK_TREND_CONTEXT), ==, 0);
        for (guint i = 0; i < t->end_labels->len; i++)
          {
            const CakTrendLabel *a = &g_array_index (t->end_labels, CakTrendLabel, i);

            g_assert_cmpfloat (a->rect.x, >, layout->plot.x + layout->plot.width);
            g_assert_cmpfloat (a->rect.x + a->rect.width, <=, layout->width - layout->pad + 0.5);
            g_assert_cmpfloat (a->rect.y, >=, layout->legend.y);
            g_assert_cmpfloat (a->rect.y + a->rect.height, <=, layout->footer.y);
            for (guint j = 0; j < t->end_labels->len; j++)
              {
                const CakTrendLabel *b = &g_array_index (t->end_labels, CakTrendLabel, j);

                if (i == j)
                  continue;
                g_assert_false (cak_rect_overlaps (&a->rect, &b->rect));
                /* In the order of the line ends */
                if (a->anchor_y < b->anchor_y - 1e-9)
                  g_assert_cmpfloat (a->y, <, b->y);
              }
          }
      }
  /* Indonesian, with short names */
  {
    g_autoptr (CakChartLayout) layout
        = ctu_layout (CAK_CHART_TREND, data, CAK_CHART_THEME_LIGHT, 1920, 1080);

    g_assert_cmpstr (end_label (layout, CAK_CHART_ITEM_TOTAL)->text, ==, "Jawa Timur 31,6%");
    g_assert_cmpstr (end_label (layout, cak_chart_data_find_code (data, "35.05"))->text, ==,
                     "Kab. Blitar 27,3%");
  }
}

/* Nobody chose anything: the province over every regency, faint, the two ends named. */
static void
test_trend_default (void)
{
  CakChartFocus focus = cak_chart_focus_none ();
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (CakChartLayout) layout
      = ctu_layout (CAK_CHART_TREND, data, CAK_CHART_THEME_LIGHT, 1920, 1080);
  int surabaya = cak_chart_data_find_code (data, "35.78");
  int sampang = cak_chart_data_find_code (data, "35.27");
  int blitar = cak_chart_data_find_code (data, "35.05");
  g_autofree char *description = cak_chart_describe (CAK_CHART_TREND, data);
  CakRect r;

  g_assert_cmpuint (count_role (layout, CAK_TREND_TOTAL), ==, 1);
  g_assert_cmpuint (count_role (layout, CAK_TREND_EXTREME), ==, 2);
  g_assert_cmpuint (count_role (layout, CAK_TREND_CONTEXT), ==, 36);
  g_assert_cmpint (trend_line (layout, surabaya)->role, ==, CAK_TREND_EXTREME);
  g_assert_cmpint (trend_line (layout, sampang)->role, ==, CAK_TREND_EXTREME);
  g_assert_nonnull (end_label (layout, surabaya));
  g_assert_nonnull (end_label (layout, sampang));
  g_assert_null (end_label (layout, blitar));
  /* The faint lines can be hovered too */
  g_assert_true (cak_chart_find_item (layout, blitar, &r));
  g_assert_nonnull (strstr (description, "Jawa Timur: from 26.6% in January 2022 to 31.6% in "
                                         "December 2024 (+4.9 pp)"));
  g_assert_nonnull (strstr (description, "Rose most: Kabupaten Gresik"));

  /* Selecting one colours it, the rest stay faint */
  focus.selected = blitar;
  {
    g_autoptr (CakChartLayout) selected
        = ctu_layout_focus (CAK_CHART_TREND, data, &focus, CAK_CHART_THEME_DARK, 1366, 768, 0);

    g_assert_cmpint (trend_line (selected, blitar)->role, ==, CAK_TREND_SERIES);
    g_assert_cmpuint (count_role (selected, CAK_TREND_CONTEXT), ==, 35);
    g_assert_cmpint (end_label (selected, blitar)->weight, ==, PANGO_WEIGHT_BOLD);
  }
}

static void
test_trend_empty (void)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (CakIndicatorRow));
  CakIndicatorRow a = { 0 };
  g_autoptr (CakChartData) data = NULL;
  g_autoptr (CakChartData) one = NULL;
  g_autoptr (CakChartData) sample = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (CakChartLayout) layout = NULL;
  g_autoptr (CakChartLayout) detail = NULL;
  g_autofree char *description = NULL;

  a.region = cak_region_catalog_lookup_code (cak_region_catalog_get_default (), "35.01");
  a.coverage_pct = 20, a.target_pct = NAN, a.participants = 20, a.workforce = 100;
  g_array_append_val (rows, a);
  /* No history at all: said so, nothing drawn */
  data = cak_chart_data_new_from_rows (rows, NULL, NULL, CAK_LANG_EN);
  layout = ctu_layout (CAK_CHART_TREND, data, CAK_CHART_THEME_LIGHT, 800, 600);
  g_assert_cmpuint (layout->hits->len, ==, 0);
  description = cak_chart_describe (CAK_CHART_TREND, data);
  g_assert_nonnull (strstr (description, "No history"));
  /* The detail panel's trend of one regency */
  one = cak_chart_data_new_for_item (sample, cak_chart_data_find_code (sample, "35.05"));
  detail = ctu_layout (CAK_CHART_TREND, one, CAK_CHART_THEME_LIGHT, 640, 360);
  g_assert_nonnull (trend_line (detail, 0));
  g_assert_nonnull (end_label (detail, 0));
  g_assert_nonnull (end_label (detail, CAK_CHART_ITEM_TOTAL));
}

/* Scatter */

static const CakScatterBubble *
bubble_of (const CakChartLayout *layout, int item)
{
  const CakScatterGeometry *s = layout->priv;

  for (guint i = 0; i < s->bubbles->len; i++)
    if (g_array_index (s->bubbles, CakScatterBubble, i).item == item)
      return &g_array_index (s->bubbles, CakScatterBubble, i);
  return NULL;
}

static gboolean
is_named (const CakChartLayout *layout, int item)
{
  const CakScatterGeometry *s = layout->priv;

  for (guint i = 0; i < s->texts->len; i++)
    if (g_array_index (s->texts, CakScatterText, i).item == item)
      return TRUE;
  return FALSE;
}

static void
check_scatter_geometry (const CakChartLayout *layout, const CakChartData *data)
{
  const CakScatterGeometry *s = layout->priv;
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (int));
  guint n_without = 0;

  /* Every regency with data is a bubble where the scales put it; those without are not */
  for (guint i = 0; i < data->rows->len; i++)
    {
      const CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, i);
      const CakScatterBubble *b = bubble_of (layout, i);

      if (isnan (row->coverage_pct) || !(row->workforce > 0))
        {
          g_assert_null (b);
          n_without++;
          continue;
        }
      g_assert_nonnull (b);
      g_assert_cmpfloat_with_epsilon (b->cx,
                                      cak_scale_map_log (row->workforce, s->x_ticks.min,
                                                         s->x_ticks.max, s->area.x,
                                                         s->area.x + s->area.width),
                                      1e-6);
      g_assert_cmpfloat_with_epsilon (b->cy,
                                      cak_scale_map (row->coverage_pct, 0, s->y_ticks.max,
                                                     s->area.y + s->area.height, s->area.y),
                                      1e-6);
      g_assert_cmpfloat (b->r, <=, s->r_max);
      g_assert_cmpfloat (b->r, >=, s->r_min);
      g_assert_true (cak_rect_contains (&s->grid, b->cx, b->cy));
      g_array_append_val (order, i);
    }
  g_assert_cmpuint (s->n_without, ==, n_without);
  g_assert_cmpuint (s->bubbles->len, ==, data->rows->len - n_without);
  g_assert_cmpfloat (s->x_ticks.min, >, 0);

  /* Area grows with the uncovered: the more uncovered, never the smaller bubble */
  for (guint i = 0; i < order->len; i++)
    for (guint j = 0; j < order->len; j++)
      {
        int a = g_array_index (order, int, i), b = g_array_index (order, int, j);
        double ua = g_array_index (data->rows, CakIndicatorRow, a).uncovered;
        double ub = g_array_index (data->rows, CakIndicatorRow, b).uncovered;

        if (ua < ub)
          g_assert_cmpfloat (bubble_of (layout, a)->r, <=, bubble_of (layout, b)->r);
      }
  /* Largest first, so that the small are drawn over them */
  for (guint i = 1; i < s->bubbles->len; i++)
    g_assert_cmpfloat (g_array_index (s->bubbles, CakScatterBubble, i).r, <=,
                       g_array_index (s->bubbles, CakScatterBubble, i - 1).r);

  /* Names inside the plot, clear of each other (ctu_layout checked every text against every
   * other) and of their own bubble */
  for (guint i = 0; i < s->texts->len; i++)
    {
      const CakScatterText *t = &g_array_index (s->texts, CakScatterText, i);
      const CakScatterBubble *b;
      double nx, ny;

      if (t->item == CAK_CHART_ITEM_NONE)
        continue;
      g_assert_true (t->rect.x >= s->grid.x && t->rect.y >= s->grid.y
                     && t->rect.x + t->rect.width <= s->grid.x + s->grid.width
                     && t->rect.y + t->rect.height <= s->grid.y + s->grid.height);
      b = bubble_of (layout, t->item);
      nx = CLAMP (b->cx, t->rect.x, t->rect.x + t->rect.width);
      ny = CLAMP (b->cy, t->rect.y, t->rect.y + t->rect.height);
      g_assert_cmpfloat (hypot (nx - b->cx, ny - b->cy), >=, b->r - 1);
      /* and beside it */
      g_assert_cmpfloat (hypot (nx - b->cx, ny - b->cy), <=, b->r + layout->font_px);
    }
}

static void
test_scatter (void)
{
  CakChartFocus focus = cak_chart_focus_none ();
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_ID);
  g_autoptr (CakDataset) ds = ctu_national_dataset (12);
  g_autoptr (CakChartData) national = cak_chart_data_new (
      ds, NULL, ctu_period ("2024-12"), ctu_period ("2023-12"), NULL, CAK_LANG_EN);
  int jember = cak_chart_data_find_code (data, "35.09");
  int blitar = cak_chart_data_find_code (data, "35.05");
  int surabaya = cak_chart_data_find_code (data, "35.78");
  int sampang = cak_chart_data_find_code (data, "35.27");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
      {
        g_autoptr (CakChartLayout) a
            = ctu_layout (CAK_CHART_SCATTER, data, themes[t], sizes[s][0], sizes[s][1]);
        g_autoptr (CakChartLayout) b
            = ctu_layout (CAK_CHART_SCATTER, national, themes[t], sizes[s][0], sizes[s][1]);

        check_scatter_geometry (a, data);
        check_scatter_geometry (b, national);
        g_assert_cmpuint (((CakScatterGeometry *)b->priv)->n_without, >, 0);
      }

  /* The outliers are named: the most uncovered, the highest and the lowest coverage */
  {
    g_autoptr (CakChartLayout) layout
        = ctu_layout (CAK_CHART_SCATTER, data, CAK_CHART_THEME_LIGHT, 1920, 1080);
    const CakScatterGeometry *s = layout->priv;
    g_autofree char *description = cak_chart_describe (CAK_CHART_SCATTER, data);

    g_assert_true (is_named (layout, jember));
    g_assert_true (is_named (layout, surabaya));
    g_assert_true (is_named (layout, sampang));
    g_assert_false (is_named (layout, blitar));
    /* The province's 31.6% and the 40% target across the plot */
    g_assert_cmpfloat_with_epsilon (s->average_y,
                                    cak_scale_map (data->total.coverage_pct, 0, s->y_ticks.max,
                                                   s->area.y + s->area.height, s->area.y),
                                    1e-9);
    g_assert_cmpfloat (s->target_y, <, s->average_y);
    /* Log ticks of 1-2-5 */
    for (guint i = 0; i < s->x_ticks.n_ticks; i++)
      g_assert_true (is_125 (s->x_ticks.ticks[i]));
    g_assert_nonnull (strstr (description, "Kabupaten Jember"));
  }
  /* The selected one is named too, and its hit is its bubble */
  focus.selected = blitar;
  {
    g_autoptr (CakChartLayout) layout = ctu_layout_focus (CAK_CHART_SCATTER, data, &focus,
                                                          CAK_CHART_THEME_PROJECTOR, 1366, 768, 0);
    const CakScatterBubble *b = bubble_of (layout, blitar);

    g_assert_true (is_named (layout, blitar));
    g_assert_cmpint (cak_chart_hit_test (layout, b->cx, b->cy), ==, blitar);
  }
  /* Without data: said in the footer and in words */
  {
    g_autofree char *description = cak_chart_describe (CAK_CHART_SCATTER, national);
    g_autofree char *count = NULL;
    g_autoptr (CakChartLayout) layout
        = ctu_layout (CAK_CHART_SCATTER, national, CAK_CHART_THEME_LIGHT, 1920, 1080);

    count = g_strdup_printf ("%u regions without data are not drawn",
                             ((CakScatterGeometry *)layout->priv)->n_without);
    g_assert_nonnull (strstr (description, count));
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/scale/log-ticks", test_log_ticks);
  g_test_add_func ("/chart/scale/radius", test_radius);
  g_test_add_func ("/chart/trend/runs", test_runs);
  g_test_add_func ("/chart/trend/spread", test_spread);
  g_test_add_func ("/chart/trend/gaps", test_trend_gaps);
  g_test_add_func ("/chart/trend/points", test_trend_points);
  g_test_add_func ("/chart/trend/target", test_trend_target);
  g_test_add_func ("/chart/trend/labels", test_trend_labels);
  g_test_add_func ("/chart/trend/default", test_trend_default);
  g_test_add_func ("/chart/trend/empty", test_trend_empty);
  g_test_add_func ("/chart/scatter", test_scatter);
  return g_test_run ();
}
