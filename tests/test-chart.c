/* test-chart.c: scales, ticks, the ranking's layout and hit testing, and drawing it
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-chart"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cak-chart-ranking.h"
#include "cak-import.h"

static void
test_ticks (void)
{
  const struct
  {
    double lo, hi;
    guint max;
    double min, maxv, step;
  } cases[] = {
    { 0, 62.9, 6, 0, 80, 20 },    { 0, 100, 6, 0, 100, 20 },    { 0, 8.4, 5, 0, 10, 2.5 },
    { 0, 0.7, 5, 0, 0.75, 0.25 }, { 0, 15e6, 6, 0, 15e6, 5e6 }, { 5, 5, 5, 5, 5.6, 0.2 },
    { 0, 1, 2, 0, 1, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CakTicks t;

      cak_ticks_compute (cases[i].lo, cases[i].hi, cases[i].max, &t);
      g_assert_cmpfloat_with_epsilon (t.min, cases[i].min, 1e-9);
      g_assert_cmpfloat_with_epsilon (t.max, cases[i].maxv, 1e-6 * MAX (1, cases[i].maxv));
      g_assert_cmpfloat_with_epsilon (t.step, cases[i].step, 1e-9 * MAX (1, cases[i].step));
      g_assert_cmpuint (t.n_ticks, <=, cases[i].max + 1);
      g_assert_cmpfloat (t.ticks[0], <=, cases[i].lo);
      g_assert_cmpfloat (t.ticks[t.n_ticks - 1], >=, cases[i].hi - 1e-9);
    }
  g_assert_cmpfloat (cak_nice_number (7.3, TRUE), ==, 5);
  g_assert_cmpfloat (cak_nice_number (7.3, FALSE), ==, 10);
  g_assert_cmpfloat (cak_scale_map (25, 0, 100, 100, 500), ==, 200);
}

static CakRankingModel *
make_model (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CAKUPAN_SOURCE_DIR"), "data", "samples",
                                            "jatim-ilustratif-2022-2024.csv", NULL);
  g_autoptr (CakDataset) ds = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  CakIndicatorRow total;
  CakPeriod period;

  g_assert_true (cak_import_file (ds, file, NULL, NULL, &error));
  g_assert_true (cak_period_parse ("2024-12", &period));
  rows = cak_indicators_compute_regencies (ds, "35", period, CAK_PERIOD_INIT_NONE);
  cak_indicators_province_total (
      rows, cak_region_catalog_lookup_code (cak_region_catalog_get_default (), "35"), period,
      &total);
  return cak_ranking_model_new (rows, &total, "sample.csv", CAK_LANG_ID);
}

static void
test_model (void)
{
  g_autoptr (CakRankingModel) model = make_model ();
  g_autofree char *description = cak_chart_ranking_describe (model);

  g_assert_cmpuint (model->items->len, ==, 38);
  /* sorted, highest first */
  for (guint i = 1; i < model->items->len; i++)
    g_assert_cmpfloat (g_array_index (model->items, CakRankingItem, i - 1).value, >=,
                       g_array_index (model->items, CakRankingItem, i).value);
  g_assert_cmpstr (g_array_index (model->items, CakRankingItem, 0).region->code, ==, "35.78");
  g_assert_cmpstr (g_array_index (model->items, CakRankingItem, 37).region->code, ==, "35.27");
  g_assert_nonnull (strstr (model->subtitle, "Jawa Timur"));
  g_assert_nonnull (strstr (model->subtitle, "Desember 2024"));
  g_assert_nonnull (strstr (description, "Kota Surabaya, 62,9%"));
  g_assert_nonnull (strstr (description, "Kabupaten Sampang, 8,5%"));
}

static void
test_layout_and_hit (void)
{
  g_autoptr (CakRankingModel) model = make_model ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  const double sizes[][3]
      = { { 1366, 768, 13.5 }, { 1920, 1080, 18 }, { 800, 1400, 13.5 }, { 1024, 768, 16 } };
  CakChartTheme theme;

  cak_chart_theme_init (&theme, CAK_CHART_THEME_LIGHT);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      CakRankingLayout lay;
      double w = sizes[s][0], h = sizes[s][1], px = sizes[s][2];

      cak_chart_ranking_layout (model, &theme, context, w, h, px, &lay);
      /* everything inside the frame, in order from top to bottom */
      g_assert_cmpfloat (lay.title.y, >=, 0);
      g_assert_cmpfloat (lay.subtitle.y, >=, lay.title.y + lay.title.height - 0.01);
      g_assert_cmpfloat (lay.plot.y, >, lay.legend.y + lay.legend.height);
      g_assert_cmpfloat (lay.plot.y + lay.plot.height, <=, lay.footer.y);
      g_assert_cmpfloat (lay.footer.y + lay.footer.height, <=, h);
      /* names end before the bars start; bars and value labels fit the width */
      g_assert_cmpfloat (lay.label_right, <, lay.plot.x);
      g_assert_cmpfloat (lay.plot.x + lay.plot.width, <, w - lay.pad);
      /* rows never overlap their labels: each row is at least the label's line high */
      g_assert_cmpfloat (lay.row_height, >=, lay.label_font_px * 1.15 - 1e-9);
      g_assert_cmpfloat (lay.bar_height, <, lay.row_height);
      /* the axis covers every value */
      g_assert_cmpfloat (lay.ticks.max, >=, 62.86);
      g_assert_cmpfloat (cak_chart_ranking_x (&lay, 0), ==, lay.plot.x);

      /* hit testing: the middle of each row is that row; outside is nothing */
      for (guint i = 0; i < model->items->len; i++)
        g_assert_cmpint (cak_chart_ranking_hit_test (&lay, model, w / 2,
                                                     lay.plot.y + (i + 0.5) * lay.row_height),
                         ==, i);
      g_assert_cmpint (cak_chart_ranking_hit_test (&lay, model, w / 2, lay.plot.y - 1), ==, -1);
      g_assert_cmpint (cak_chart_ranking_hit_test (&lay, model, w / 2, h - 1), ==, -1);
    }

  /* At its natural height every name is drawn at full size */
  {
    CakRankingLayout lay;
    double h = cak_chart_ranking_natural_height (model, &theme, 13.5);

    cak_chart_ranking_layout (model, &theme, context, 700, h, 13.5, &lay);
    g_assert_cmpfloat (lay.label_font_px, ==, 13.5);
  }

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_draw_png (void)
{
  g_autoptr (CakRankingModel) model = make_model ();
  const CakChartThemeKind kinds[]
      = { CAK_CHART_THEME_LIGHT, CAK_CHART_THEME_DARK, CAK_CHART_THEME_PROJECTOR };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
      cairo_t *cr = cairo_create (surface);
      CakChartTheme theme;
      g_autofree char *path = g_build_filename (g_get_tmp_dir (), "cakupan-test-ranking.png", NULL);
      cairo_surface_t *back;
      guint32 bar_pixels = 0, below_pixels = 0;
      guchar *data;
      int stride;

      cak_chart_theme_init (&theme, kinds[k]);
      cak_chart_ranking_draw (cr, model, &theme, 1920, 1080, 18);
      cairo_surface_flush (surface);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

      /* The bars are there in both colours: some regencies reach the target, some do not */
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < 1080; y++)
        for (int x = 0; x < 1920; x++)
          {
            guint32 px = *(guint32 *)(data + y * stride + x * 4) & 0xffffff;
            guint32 bar = ((guint)(theme.bar.r * 255 + 0.5) << 16)
                          | ((guint)(theme.bar.g * 255 + 0.5) << 8)
                          | (guint)(theme.bar.b * 255 + 0.5);
            guint32 below = ((guint)(theme.below.r * 255 + 0.5) << 16)
                            | ((guint)(theme.below.g * 255 + 0.5) << 8)
                            | (guint)(theme.below.b * 255 + 0.5);

            bar_pixels += px == bar;
            below_pixels += px == below;
          }
      g_assert_cmpuint (bar_pixels, >, 10000);
      g_assert_cmpuint (below_pixels, >, 10000);

      /* A valid PNG of the requested size */
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
      back = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (back), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (back), ==, 1920);
      g_assert_cmpint (cairo_image_surface_get_height (back), ==, 1080);
      cairo_surface_destroy (back);
      g_unlink (path);

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_no_data (void)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (CakIndicatorRow));
  CakIndicatorRow a = { 0 }, b = { 0 };
  g_autoptr (CakRankingModel) model = NULL;

  a.region = cak_region_catalog_lookup_code (cak_region_catalog_get_default (), "35.01");
  a.coverage_pct = NAN, a.target_pct = NAN, a.participants = NAN, a.workforce = NAN;
  b.region = cak_region_catalog_lookup_code (cak_region_catalog_get_default (), "35.02");
  b.coverage_pct = 20, b.target_pct = NAN, b.participants = 20, b.workforce = 100;
  g_array_append_val (rows, a);
  g_array_append_val (rows, b);
  model = cak_ranking_model_new (rows, NULL, NULL, CAK_LANG_EN);
  /* regions without data go to the bottom, never drawn as zero */
  g_assert_cmpstr (g_array_index (model->items, CakRankingItem, 0).region->code, ==, "35.02");
  g_assert_true (isnan (g_array_index (model->items, CakRankingItem, 1).value));
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 360);
    cairo_t *cr = cairo_create (surface);
    CakChartTheme theme;

    cak_chart_theme_init (&theme, CAK_CHART_THEME_LIGHT);
    cak_chart_ranking_draw (cr, model, &theme, 640, 360, 13);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/ticks", test_ticks);
  g_test_add_func ("/chart/ranking/model", test_model);
  g_test_add_func ("/chart/ranking/layout-and-hit", test_layout_and_hit);
  g_test_add_func ("/chart/ranking/draw-png", test_draw_png);
  g_test_add_func ("/chart/ranking/no-data", test_no_data);

  return g_test_run ();
}
