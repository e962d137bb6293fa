/* test-chart.c: scales and ticks, the chart model, the ranking, and what every chart must do
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-chart"

#include "config.h"

#include "cak-chart-trend.h"
#include "chart-test-util.h"

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

static void
test_data (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_ID);
  int blitar = cak_chart_data_find_code (data, "35.05");
  g_autofree char *tip = NULL;
  g_autofree char *tip_total = NULL;

  g_assert_cmpuint (data->rows->len, ==, 38);
  g_assert_cmpstr (data->place, ==, "Jawa Timur");
  g_assert_cmpint (blitar, >=, 0);
  g_assert_cmpint (cak_chart_data_find_code (data, "35"), ==, CAK_CHART_ITEM_TOTAL);
  g_assert_cmpint (cak_chart_data_find_code (data, "99.99"), ==, CAK_CHART_ITEM_NONE);
  /* The province's coverage in December 2024 and the change since December 2023 */
  g_assert_cmpfloat_with_epsilon (data->total.coverage_pct, 31.6, 0.05);
  g_assert_false (isnan (data->total.change_pp));
  g_assert_false (isnan (data->compare_total.coverage_pct));
  /* Monthly history January 2022 - December 2024; Blitar's December 2023 is its public figure */
  g_assert_cmpuint (data->periods->len, ==, 36);
  g_assert_cmpfloat_with_epsilon (cak_chart_data_history (data, blitar, 23),
                                  114377.0 / 449717 * 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (cak_chart_data_history (data, CAK_CHART_ITEM_TOTAL, 35),
                                  data->total.coverage_pct, 1e-9);
  g_assert_cmpfloat (data->history_target[35], ==, 40);
  g_assert_true (isnan (cak_chart_data_history (data, blitar, 36)));
  /* The tooltip's exact figures, in Indonesian */
  tip = cak_chart_data_describe_item (data, blitar);
  g_assert_nonnull (strstr (tip, "Kabupaten Blitar"));
  g_assert_nonnull (strstr (tip, "124.076"));
  g_assert_nonnull (strstr (tip, "454.557"));
  g_assert_nonnull (strstr (tip, "27,30%"));
  g_assert_nonnull (strstr (tip, "57.747"));
  /* The province's two gaps, each under its name: the overall one, in which the regencies above
   * target offset those below, and the sum of the regencies' gaps */
  tip_total = cak_chart_data_describe_item (data, CAK_CHART_ITEM_TOTAL);
  g_assert_nonnull (strstr (tip_total, "overall gap 1.306.281 participants"));
  g_assert_nonnull (strstr (tip_total, "Sum of regency gaps: 1.863.009"));
}

static void
test_kinds (void)
{
  CakChartKind kind;

  g_assert_true (cak_chart_kind_from_id ("ranking", &kind));
  g_assert_cmpint (kind, ==, CAK_CHART_RANKING);
  g_assert_false (cak_chart_kind_from_id ("pie", &kind));
  for (guint k = 0; k < CAK_N_CHART_KINDS; k++)
    {
      g_assert_nonnull (cak_chart_kind_to_id (k));
      g_assert_nonnull (cak_chart_kind_get_name (k));
    }
}

static void
test_ranking (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_ID);
  g_autofree char *description = cak_chart_describe (CAK_CHART_RANKING, data);
  g_autoptr (CakChartLayout) layout = NULL;
  g_autoptr (CakChartLayout) tall = NULL;
  int surabaya = cak_chart_data_find_code (data, "35.78");
  int sampang = cak_chart_data_find_code (data, "35.27");
  CakRect top, bottom;

  g_assert_nonnull (strstr (description, "Kota Surabaya, 62,9%"));
  g_assert_nonnull (strstr (description, "Kabupaten Sampang, 8,5%"));
  g_assert_nonnull (strstr (description, "Jawa Timur"));

  /* At 1920x1080 every one of the 38 has its row, highest first */
  layout = ctu_layout (CAK_CHART_RANKING, data, CAK_CHART_THEME_LIGHT, 1920, 1080);
  g_assert_cmpuint (layout->hits->len, ==, 38);
  g_assert_true (cak_chart_find_item (layout, surabaya, &top));
  g_assert_true (cak_chart_find_item (layout, sampang, &bottom));
  g_assert_cmpfloat (top.y, <, bottom.y);
  g_assert_cmpfloat (top.y, >=, layout->plot.y);
  g_assert_cmpfloat (bottom.y + bottom.height, <=, layout->footer.y);
  g_assert_cmpfloat (top.height, >=, layout->font_px * 0.7 * 1.3 - 1e-9);
  g_assert_cmpint (cak_chart_hit_test (layout, 960, top.y + top.height / 2), ==, surabaya);

  /* At its natural height every name is drawn at full size, whatever the number of rows */
  tall = ctu_layout_px (CAK_CHART_RANKING, data, CAK_CHART_THEME_LIGHT, 700,
                        cak_chart_natural_height (CAK_CHART_RANKING, data, NULL, 700, 14), 14);
  g_assert_cmpuint (tall->hits->len, ==, 38);
  for (guint i = 0; i < tall->hits->len; i++)
    g_assert_cmpfloat (g_array_index (tall->hits, CakChartHit, i).rect.height, >=,
                       14 * 1.85 - 0.01);
}

static void
test_ranking_national (void)
{
  g_autoptr (CakDataset) ds = ctu_national_dataset (12);
  g_autoptr (CakChartData) data = cak_chart_data_new (ds, NULL, ctu_period ("2024-12"),
                                                      ctu_period ("2023-12"), NULL, CAK_LANG_EN);
  g_autoptr (CakChartLayout) image = NULL;
  g_autoptr (CakChartLayout) scrolled = NULL;
  double natural;

  g_assert_cmpuint (data->rows->len, ==, 514);
  /* In an image: the top and the bottom, the rest summarised in one row */
  image = ctu_layout (CAK_CHART_RANKING, data, CAK_CHART_THEME_LIGHT, 1920, 1080);
  g_assert_cmpuint (image->hits->len, >=, 20);
  g_assert_cmpuint (image->hits->len, <, 100);
  g_assert_cmpuint (image->hits->len % 2, ==, 0);
  /* Scrolled at its natural height: all 514 */
  natural = cak_chart_natural_height (CAK_CHART_RANKING, data, NULL, 1200, 14);
  scrolled = ctu_layout_px (CAK_CHART_RANKING, data, CAK_CHART_THEME_LIGHT, 1200, natural, 14);
  g_assert_cmpuint (scrolled->hits->len, ==, 514);
}

static void
test_no_data (void)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (CakIndicatorRow));
  CakIndicatorRow a = { 0 }, b = { 0 };
  g_autoptr (CakChartData) data = NULL;
  g_autoptr (CakChartLayout) layout = NULL;
  CakRect ra, rb;

  a.region = cak_region_catalog_lookup_code (cak_region_catalog_get_default (), "35.01");
  a.coverage_pct = NAN, a.target_pct = NAN, a.participants = NAN, a.workforce = NAN;
  b.region = cak_region_catalog_lookup_code (cak_region_catalog_get_default (), "35.02");
  b.coverage_pct = 20, b.target_pct = NAN, b.participants = 20, b.workforce = 100;
  g_array_append_val (rows, a);
  g_array_append_val (rows, b);
  data = cak_chart_data_new_from_rows (rows, NULL, NULL, CAK_LANG_EN);
  /* regions without data go to the bottom, never drawn as zero */
  layout = ctu_layout (CAK_CHART_RANKING, data, CAK_CHART_THEME_LIGHT, 640, 360);
  g_assert_true (cak_chart_find_item (layout, 0, &ra));
  g_assert_true (cak_chart_find_item (layout, 1, &rb));
  g_assert_cmpfloat (rb.y, <, ra.y);
}

static void
test_colors (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  const CakChartThemeKind themes[] = { CAK_CHART_THEME_LIGHT, CAK_CHART_THEME_DARK,
                                       CAK_CHART_THEME_PROJECTOR, CAK_CHART_THEME_PROJECTOR_DARK };

  for (guint k = 0; k < G_N_ELEMENTS (themes); k++)
    {
      cairo_surface_t *surface = ctu_draw (CAK_CHART_RANKING, data, themes[k], 1920, 1080);
      CakChartTheme theme;

      /* Bars in all three bands: on target, near it, below it */
      cak_chart_theme_init (&theme, themes[k]);
      g_assert_cmpuint (ctu_count_color (surface, theme.bar), >, 5000);
      g_assert_cmpuint (ctu_count_color (surface, theme.near), >, 2000);
      g_assert_cmpuint (ctu_count_color (surface, theme.below), >, 5000);
      g_assert_cmpuint (ctu_count_color (surface, theme.background), >, 1920 * 1080 / 3);
      cairo_surface_destroy (surface);
    }
}

/* What every chart must do, at the sizes it is shown at, in both languages and every theme. */
static void
test_every_chart (void)
{
  g_autoptr (CakChartData) id = ctu_sample_data (CAK_LANG_ID);
  g_autoptr (CakChartData) en = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (CakDataset) ds = ctu_national_dataset (12);
  g_autoptr (CakChartData) national = cak_chart_data_new (
      ds, NULL, ctu_period ("2024-12"), ctu_period ("2023-12"), NULL, CAK_LANG_ID);
  const double sizes[][2] = { { 1920, 1080 }, { 1366, 768 }, { 1024, 768 }, { 800, 600 } };
  const CakChartThemeKind themes[] = { CAK_CHART_THEME_LIGHT, CAK_CHART_THEME_DARK,
                                       CAK_CHART_THEME_PROJECTOR, CAK_CHART_THEME_PROJECTOR_DARK };

  for (guint k = 0; k < CAK_N_CHART_KINDS; k++)
    {
      CakChartKind kind;

      if (!cak_chart_kind_from_id (cak_chart_kind_to_id (k), &kind))
        continue;
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
          {
            g_autoptr (CakChartLayout) a
                = ctu_layout (kind, id, themes[t], sizes[s][0], sizes[s][1]);
            g_autoptr (CakChartLayout) b
                = ctu_layout (kind, en, themes[t], sizes[s][0], sizes[s][1]);
            g_autoptr (CakChartLayout) c
                = ctu_layout (kind, national, themes[t], sizes[s][0], sizes[s][1]);
            g_autofree char *description = cak_chart_describe (kind, id);

            g_assert_cmpuint (strlen (description), >, 40);
          }
      for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
        ctu_check_exports (kind, id, themes[t]);
    }
}

static void
test_theme_names (void)
{
  const char *const names[] = { "light", "dark", "projector", "projector-dark" };
  CakChartThemeKind kind;
  CakChartTheme theme;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (cak_chart_theme_kind_from_name (names[i], &kind));
      g_assert_cmpint (kind, ==, (CakChartThemeKind)i);
    }
  g_assert_false (cak_chart_theme_kind_from_name ("projector-", NULL));
  cak_chart_theme_init (&theme, CAK_CHART_THEME_PROJECTOR_DARK);
  g_assert_true (cak_chart_theme_is_projector (&theme));
  /* White type on black: the contrast a dark hall needs */
  g_assert_cmpfloat (theme.text.r - theme.background.r, >, 0.9);
  g_assert_cmpfloat (theme.title_scale, >, 1);
}

static void
test_export_errors (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "cakupan-test.bmp", NULL);
  CakChartTheme theme;
  g_autoptr (GBytes) png = NULL;

  cak_chart_theme_init (&theme, CAK_CHART_THEME_LIGHT);
  g_assert_false (cak_chart_export (CAK_CHART_RANKING, data, &theme, path, 800, 600, 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_false (cak_chart_export (CAK_CHART_RANKING, data, &theme, "/nonexistent/x.png", 800, 600,
                                    1, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (
      cak_chart_export (CAK_CHART_RANKING, data, &theme, "/tmp/x.png", 20, 20, 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  /* HiDPI: twice the pixels, the same drawing */
  png = cak_chart_render_png (CAK_CHART_RANKING, data, &theme, 800, 600, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (png), >, 1000);
}

/* The whole country by province: 38 rows, each its regencies' total, ranked among the
 * provinces; the country's total the same as the regency view's; every chart draws it whole */
static void
test_provinces (void)
{
  g_autoptr (CakDataset) ds = ctu_national_dataset (12);
  g_autoptr (CakChartData) regencies = cak_chart_data_new (
      ds, NULL, ctu_period ("2024-12"), ctu_period ("2023-12"), NULL, CAK_LANG_EN);
  g_autoptr (CakChartData) data = cak_chart_data_new_provinces (
      ds, ctu_period ("2024-12"), ctu_period ("2023-12"), NULL, CAK_LANG_EN);
  g_autoptr (GArray) jatim
      = cak_indicators_compute_regencies (ds, "35", ctu_period ("2024-12"), CAK_PERIOD_INIT_NONE);
  g_autofree char *description = NULL;
  CakIndicatorRow jatim_total;
  int item;
  guint ranked = 0;

  g_assert_true (data->by_province);
  g_assert_false (regencies->by_province);
  g_assert_cmpuint (data->rows->len, ==, 38);
  g_assert_cmpfloat_with_epsilon (data->total.coverage_pct, regencies->total.coverage_pct, 1e-9);
  g_assert_cmpfloat (data->total.participants, ==, regencies->total.participants);
  item = cak_chart_data_find_code (data, "35");
  g_assert_cmpint (item, >=, 0);
  cak_indicators_province_total (
      jatim, cak_region_catalog_lookup_code (cak_region_catalog_get_default (), "35"),
      ctu_period ("2024-12"), &jatim_total);
  g_assert_cmpfloat_with_epsilon (g_array_index (data->rows, CakIndicatorRow, item).coverage_pct,
                                  jatim_total.coverage_pct, 1e-9);
  for (guint i = 0; i < data->rows->len; i++)
    {
      const CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, i);

      g_assert_cmpint (row->region->kind, ==, CAK_REGION_KIND_PROVINCE);
      g_assert_cmpuint (row->rank, <=, 38);
      ranked += row->rank == 1;
      g_assert_false (isnan (row->change_pp));
    }
  g_assert_cmpuint (ranked, ==, 1);
  /* The trend's history: a line per province and the country's */
  g_assert_cmpuint (data->periods->len, >, 1);
  g_assert_cmpfloat_with_epsilon (
      cak_chart_data_history (data, CAK_CHART_ITEM_TOTAL, data->periods->len - 1),
      data->total.coverage_pct, 1e-9);

  for (guint k = 0; k < CAK_N_CHART_KINDS; k++)
    {
      g_autoptr (CakChartLayout) layout = ctu_layout (k, data, CAK_CHART_THEME_LIGHT, 1920, 1080);

      (void)layout;
    }
  {
    g_autoptr (CakChartLayout) ranking
        = ctu_layout (CAK_CHART_RANKING, data, CAK_CHART_THEME_PROJECTOR, 1920, 1080);

    /* Every province on the ranking, none summarised */
    g_assert_cmpuint (ranking->hits->len, >=, 38);
    g_assert_cmpstr (ranking->title_text, ==, "Coverage of the workforce by province");
  }
  description = cak_chart_describe (CAK_CHART_RANKING, data);
  g_assert_nonnull (strstr (description, "Indonesia"));

  /* A province of a national file has the whole country beside it: its trend draws Indonesia's
   * line and names it; the sample of one province has none */
  {
    g_autoptr (CakChartData) jatim_data = cak_chart_data_new (
        ds, "35", ctu_period ("2024-12"), ctu_period ("2023-12"), NULL, CAK_LANG_EN);
    g_autoptr (CakChartData) sample = ctu_sample_data (CAK_LANG_EN);
    const CakTrendGeometry *t;
    gboolean line = FALSE, label = FALSE;
    g_autoptr (CakChartLayout) trend
        = ctu_layout (CAK_CHART_TREND, jatim_data, CAK_CHART_THEME_LIGHT, 1366, 768);

    g_assert_true (jatim_data->has_national);
    g_assert_false (sample->has_national);
    g_assert_cmpfloat_with_epsilon (jatim_data->national.coverage_pct, data->total.coverage_pct,
                                    1e-9);
    g_assert_cmpfloat_with_epsilon (
        cak_chart_data_history (jatim_data, CAK_CHART_ITEM_NATIONAL, jatim_data->periods->len - 1),
        data->total.coverage_pct, 1e-9);
    t = trend->priv;
    for (guint i = 0; i < t->lines->len; i++)
      line |= g_array_index (t->lines, CakTrendLine, i).item == CAK_CHART_ITEM_NATIONAL;
    for (guint i = 0; i < t->end_labels->len; i++)
      label
          |= g_str_has_prefix (g_array_index (t->end_labels, CakTrendLabel, i).text, "Indonesia ");
    g_assert_true (line);
    g_assert_true (label);
  }
}

/* Two provinces side by side: the peer's figures are the ones its own view shows (its total in
 * the period and the comparison, its history), for a province, for the country and beside the
 * country by province; the key figures and the trend show it, inside the frame and apart */
static void
test_peer (void)
{
  g_autoptr (CakDataset) ds = ctu_national_dataset (12);
  CakPeriod period = ctu_period ("2024-12"), compare = ctu_period ("2023-12");
  const struct
  {
    const char *place; /* NULL: the country by province */
    const char *peer;
    const char *peer_place;
  } cases[] = {
    { "35", "33", "Jawa Tengah" },
    { "35", CAK_CHART_PEER_COUNTRY, "Indonesia" },
    { "94", "11", "Aceh" },
    { NULL, "35", "Jawa Timur" },
  };
  /* The last two: a small export, and the Overview's strip of key figures */
  const double sizes[][2]
      = { { 1024, 768 }, { 1366, 768 }, { 1920, 1080 }, { 640, 480 }, { 1150, 260 } };
  const CakLang langs[] = { CAK_LANG_EN, CAK_LANG_ID };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        g_autoptr (CakChartData) data
            = cases[c].place
                  ? cak_chart_data_new (ds, cases[c].place, period, compare, NULL, langs[l])
                  : cak_chart_data_new_provinces (ds, period, compare, NULL, langs[l]);
        gboolean country = g_str_equal (cases[c].peer, CAK_CHART_PEER_COUNTRY);
        g_autoptr (CakChartData) own = cak_chart_data_new (ds, country ? NULL : cases[c].peer,
                                                           period, compare, NULL, langs[l]);
        g_autofree char *kpi_text = NULL;
        g_autofree char *trend_text = NULL;
        g_autofree char *beside = NULL;
        guint n = 0;
        const char *p;

        g_assert_false (data->has_peer);
        g_assert_true (cak_chart_data_set_peer (data, ds, cases[c].peer));
        g_assert_true (data->has_peer);
        g_assert_cmpstr (data->peer_place, ==, cases[c].peer_place);
        g_assert_cmpfloat (data->peer.workforce, ==, own->total.workforce);
        g_assert_cmpfloat (data->peer.participants, ==, own->total.participants);
        g_assert_cmpfloat (data->peer.uncovered, ==, own->total.uncovered);
        g_assert_cmpfloat_with_epsilon (data->peer.coverage_pct, own->total.coverage_pct, 1e-9);
        /* The country has no target of its own here: no gap on either side */
        g_assert_cmpint (isnan (data->peer.gap_to_target), ==, isnan (own->total.gap_to_target));
        if (!isnan (own->total.gap_to_target))
          g_assert_cmpfloat_with_epsilon (data->peer.gap_to_target, own->total.gap_to_target, 1e-6);
        g_assert_cmpfloat_with_epsilon (data->peer.change_pp, own->total.change_pp, 1e-9);
        g_assert_false (isnan (data->peer.change_pp));
        g_assert_cmpfloat (data->peer_compare.participants, ==, own->compare_total.participants);
        g_assert_true (cak_chart_data_get_row (data, CAK_CHART_ITEM_PEER) == &data->peer);
        g_assert_cmpuint (data->periods->len, ==, own->periods->len);
        for (guint i = 0; i < data->periods->len; i++)
          g_assert_cmpfloat_with_epsilon (cak_chart_data_history (data, CAK_CHART_ITEM_PEER, i),
                                          cak_chart_data_history (own, CAK_CHART_ITEM_TOTAL, i),
                                          1e-9);
        /* The own figures untouched */
        g_assert_cmpfloat (data->total.participants, !=, data->peer.participants);

        /* Every tile names the peer's figure; the trend names its line */
        kpi_text = cak_chart_describe (CAK_CHART_KPI, data);
        beside = g_strdup_printf ("%s: ", cases[c].peer_place);
        for (p = strstr (kpi_text, beside); p; p = strstr (p + 1, beside))
          n++;
        g_assert_cmpuint (n, >=, CAK_CHART_KPI_N_TILES);
        trend_text = cak_chart_describe (CAK_CHART_TREND, data);
        g_assert_nonnull (strstr (trend_text, beside));
        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          for (CakChartThemeKind t = CAK_CHART_THEME_LIGHT; t <= CAK_CHART_THEME_PROJECTOR; t++)
            {
              g_autoptr (CakChartLayout) kpi = NULL;
              g_autoptr (CakChartLayout) trend = NULL;
              const CakTrendGeometry *g;
              guint peer_lines = 0, national_lines = 0;
              gboolean label = FALSE;

              /* The Overview's strip of key figures is the window's, never projected (the
               * projector theme's captions do not fit it even without a peer) */
              if (s == 4)
                {
                  if (t != CAK_CHART_THEME_PROJECTOR)
                    kpi = ctu_layout (CAK_CHART_KPI, data, t, sizes[s][0], sizes[s][1]);
                  continue;
                }
              kpi = ctu_layout (CAK_CHART_KPI, data, t, sizes[s][0], sizes[s][1]);
              trend = ctu_layout (CAK_CHART_TREND, data, t, sizes[s][0], sizes[s][1]);
              g = trend->priv;

              for (guint i = 0; i < g->lines->len; i++)
                {
                  int item = g_array_index (g->lines, CakTrendLine, i).item;

                  peer_lines += item == CAK_CHART_ITEM_PEER;
                  national_lines += item == CAK_CHART_ITEM_NATIONAL;
                }
              for (guint i = 0; i < g->end_labels->len; i++)
                label
                    |= g_array_index (g->end_labels, CakTrendLabel, i).item == CAK_CHART_ITEM_PEER;
              g_assert_cmpuint (peer_lines, ==, 1);
              /* The country as the peer is one line, not two */
              g_assert_cmpuint (national_lines, ==, data->has_national && !country ? 1 : 0);
              if (s < 3)
                g_assert_true (label);
            }
      }

  /* What cannot stand beside: the place itself, a regency, an unknown code, no peer */
  {
    g_autoptr (CakChartData) jatim
        = cak_chart_data_new (ds, "35", period, compare, NULL, CAK_LANG_EN);
    g_autoptr (CakChartData) provinces
        = cak_chart_data_new_provinces (ds, period, compare, NULL, CAK_LANG_EN);
    g_autoptr (CakChartData) sample = ctu_sample_data (CAK_LANG_EN);
    CakDataset *sample_ds = ctu_sample_dataset ();

    g_assert_false (cak_chart_data_set_peer (jatim, ds, "35"));
    g_assert_false (cak_chart_data_set_peer (jatim, ds, "35.05"));
    g_assert_false (cak_chart_data_set_peer (jatim, ds, "99"));
    g_assert_false (cak_chart_data_set_peer (provinces, ds, CAK_CHART_PEER_COUNTRY));
    g_assert_false (cak_chart_data_set_peer (sample, sample_ds, "33"));
    g_assert_false (cak_chart_data_set_peer (sample, sample_ds, CAK_CHART_PEER_COUNTRY));
    g_assert_true (cak_chart_data_set_peer (jatim, ds, "33"));
    g_assert_true (cak_chart_data_set_peer (jatim, ds, NULL) == FALSE && !jatim->has_peer);
    g_assert_true (isnan (cak_chart_data_history (jatim, CAK_CHART_ITEM_PEER, 0)));
    g_assert_null (cak_chart_data_get_row (jatim, CAK_CHART_ITEM_PEER));
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/ticks", test_ticks);
  g_test_add_func ("/chart/data", test_data);
  g_test_add_func ("/chart/kinds", test_kinds);
  g_test_add_func ("/chart/ranking/layout", test_ranking);
  g_test_add_func ("/chart/ranking/national", test_ranking_national);
  g_test_add_func ("/chart/provinces", test_provinces);
  g_test_add_func ("/chart/peer", test_peer);
  g_test_add_func ("/chart/ranking/no-data", test_no_data);
  g_test_add_func ("/chart/ranking/colors", test_colors);
  g_test_add_func ("/chart/every-chart", test_every_chart);
  g_test_add_func ("/chart/theme-names", test_theme_names);
  g_test_add_func ("/chart/export-errors", test_export_errors);
  return g_test_run ();
}
