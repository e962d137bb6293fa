/* test-chart-change.c: the change since the comparison period, and the key figures
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-chart-change"

#include "config.h"

#include "cak-chart-private.h"
#include "cak-number.h"
#include "chart-test-util.h"

static const CakLang langs[] = { CAK_LANG_EN, CAK_LANG_ID };

/* A regency's bar: of its marks, the narrowest (the other is its whole row). */
static gboolean
find_bar (const CakChartLayout *layout, int item, CakRect *out_rect)
{
  gboolean found = FALSE;

  for (guint i = 0; i < layout->hits->len; i++)
    {
      const CakChartHit *hit = &g_array_index (layout->hits, CakChartHit, i);

      if (hit->item == item && (!found || hit->rect.width < out_rect->width))
        {
          *out_rect = hit->rect;
          found = TRUE;
        }
    }
  return found;
}

static const CakIndicatorRow *
row_of (const CakChartData *data, int item)
{
  return &g_array_index (data->rows, CakIndicatorRow, item);
}

/* Every regency has its bar, gains right of zero and losses left of it, from the largest gain
 * at the top to the largest fall at the bottom. */
static void
test_change_sorted (void)
{
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autoptr (CakChartData) data = ctu_sample_data (langs[l]);
      g_autoptr (CakChartLayout) layout
          = ctu_layout (CAK_CHART_CHANGE, data, CAK_CHART_THEME_LIGHT, 1920, 1080);
      double zero = cak_chart_change_x_of (layout, 0);
      double last_y = -INFINITY, last_change = INFINITY;
      guint n_gain = 0, n_loss = 0;
      g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (int));

      g_assert_false (isnan (zero));
      g_assert_cmpfloat (zero, >, layout->plot.x);
      g_assert_cmpfloat (zero, <, layout->plot.x + layout->plot.width);
      for (guint i = 0; i < data->rows->len; i++)
        {
          const CakIndicatorRow *row = row_of (data, i);
          /* The side of zero is the sign of the label: "0,0 pp" is drawn right of zero */
          double shown = round (row->change_pp * 10) / 10;
          CakRect bar;

          g_assert_false (isnan (row->change_pp));
          g_assert_true (find_bar (layout, i, &bar));
          if (shown >= 0)
            {
              n_gain++;
              g_assert_cmpfloat (fabs (bar.x - zero), <=, 0.5);
              g_assert_cmpfloat (bar.x + bar.width, >, zero);
            }
          else
            {
              n_loss++;
              g_assert_cmpfloat (fabs (bar.x + bar.width - zero), <=, 0.5);
              g_assert_cmpfloat (bar.x, <, zero);
            }
          /* The bar ends at its value on the scale */
          if (shown != 0 && fabs (cak_chart_change_x_of (layout, row->change_pp) - zero) > 3)
            g_assert_cmpfloat (fabs ((shown > 0 ? bar.x + bar.width : bar.x)
                                     - cak_chart_change_x_of (layout, row->change_pp)),
                               <=, 1);
        }
      /* The sample has both: Kabupaten Bojonegoro fell */
      g_assert_cmpuint (n_gain, >, 30);
      g_assert_cmpuint (n_loss, >=, 1);
      g_assert_cmpfloat (row_of (data, cak_chart_data_find_code (data, "35.22"))->change_pp, <, 0);

      /* Top to bottom: the change never grows */
      for (guint i = 0; i < layout->hits->len; i++)
        {
          const CakChartHit *hit = &g_array_index (layout->hits, CakChartHit, i);

          if (hit->item < 0 || hit->rect.y <= last_y)
            continue;
          g_assert_cmpfloat (row_of (data, hit->item)->change_pp, <=, last_change);
          last_change = row_of (data, hit->item)->change_pp;
          last_y = hit->rect.y;
          g_array_append_val (order, hit->item);
        }
      g_assert_cmpuint (order->len, ==, 38);
      g_assert_cmpfloat (row_of (data, g_array_index (order, int, 0))->change_pp, >, 0);
      g_assert_cmpint (g_array_index (order, int, 37), ==,
                       cak_chart_data_find_code (data, "35.22"));
    }
}

/* The province's change: a dashed line at its value through the rows, named below them. */
static void
test_change_province (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_ID);
  g_autoptr (CakChartLayout) layout
      = ctu_layout (CAK_CHART_CHANGE, data, CAK_CHART_THEME_LIGHT, 1920, 1080);
  double x = cak_chart_change_x_of (layout, data->total.change_pp);
  double zero = cak_chart_change_x_of (layout, 0);
  double rows_top = INFINITY, rows_bottom = -INFINITY;
  CakRect label;
  cairo_surface_t *surface;
  CakChartTheme theme;
  guint n = 0, column;
  guchar *pixels;
  int stride;
  guint32 want;

  g_assert_cmpfloat (data->total.change_pp, >, 0);
  g_assert_cmpfloat (x, >, zero);
  for (guint i = 0; i < layout->hits->len; i++)
    {
      const CakChartHit *hit = &g_array_index (layout->hits, CakChartHit, i);

      if (hit->item < 0)
        continue;
      rows_top = MIN (rows_top, hit->rect.y);
      rows_bottom = MAX (rows_bottom, hit->rect.y + hit->rect.height);
    }
  /* Its label, under the rows, centred on the line */
  g_assert_true (cak_chart_find_item (layout, CAK_CHART_ITEM_TOTAL, &label));
  g_assert_cmpfloat (fabs (label.x + label.width / 2 - x), <=, 1);
  g_assert_cmpfloat (label.y, >=, rows_bottom);
  g_assert_cmpfloat (label.y + label.height, <=, layout->footer.y);

  /* The line is drawn there, in the average's colour, dashed over most of the rows' height */
  cak_chart_theme_init (&theme, CAK_CHART_THEME_LIGHT);
  surface = ctu_draw (CAK_CHART_CHANGE, data, CAK_CHART_THEME_LIGHT, 1920, 1080);
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  want = ((guint)(theme.average.r * 255 + 0.5) << 16) | ((guint)(theme.average.g * 255 + 0.5) << 8)
         | (guint)(theme.average.b * 255 + 0.5);
  column = (guint)floor (x);
  for (int y = (int)rows_top; y < (int)rows_bottom; y++)
    n += (*(guint32 *)(pixels + y * stride + column * 4) & 0xffffff) == want;
  g_assert_cmpuint (n, >, (rows_bottom - rows_top) * 0.3);
  /* ... and not at zero */
  n = 0;
  for (int y = (int)rows_top; y < (int)rows_bottom; y++)
    n += (*(guint32 *)(pixels + y * stride + (guint)floor (zero) * 4) & 0xffffff) == want;
  g_assert_cmpuint (n, ==, 0);
  cairo_surface_destroy (surface);
}

/* Without a comparison period the chart says so, and draws no bars. */
static void
test_change_no_comparison (void)
{
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autoptr (CakChartData) data
          = cak_chart_data_new (ctu_sample_dataset (), "35", ctu_period ("2024-12"),
                                CAK_PERIOD_INIT_NONE, NULL, langs[l]);
      g_autofree char *description = cak_chart_describe (CAK_CHART_CHANGE, data);
      const double sizes[][2] = { { 1920, 1080 }, { 800, 600 }, { 400, 300 } };

      g_assert_nonnull (strstr (description, "No comparison period"));
      g_assert_cmpfloat (cak_chart_natural_height (CAK_CHART_CHANGE, data, NULL, 1200, 14), ==, 0);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autoptr (CakChartLayout) layout = ctu_layout (
              CAK_CHART_CHANGE, data, CAK_CHART_THEME_PROJECTOR, sizes[s][0], sizes[s][1]);
          const CakRect *message;

          g_assert_cmpuint (layout->hits->len, ==, 0);
          g_assert_true (isnan (cak_chart_change_x_of (layout, 0)));
          /* Title, subtitle, footer and the message, which is centred in the plot */
          g_assert_cmpuint (layout->labels->len, ==, 4);
          message = &g_array_index (layout->labels, CakRect, 3);
          g_assert_cmpfloat (
              fabs (message->x + message->width / 2 - (layout->plot.x + layout->plot.width / 2)),
              <=, 1);
          g_assert_cmpfloat (message->y, >, layout->subtitle.y + layout->subtitle.height);
          g_assert_cmpfloat (message->y + message->height, <, layout->footer.y);
        }
    }
}

/* The whole country: the largest gains and the largest falls, the rest summarised between. */
static void
test_change_national (void)
{
  g_autoptr (CakDataset) ds = ctu_national_dataset (12);
  g_autoptr (CakChartData) data = cak_chart_data_new (ds, NULL, ctu_period ("2024-12"),
                                                      ctu_period ("2023-12"), NULL, CAK_LANG_ID);
  g_autoptr (CakChartLayout) image = NULL;
  g_autoptr (CakChartLayout) scrolled = NULL;
  g_autoptr (GHashTable) shown = g_hash_table_new (NULL, NULL);
  double hi = -INFINITY, lo = INFINITY, top_y = INFINITY, bottom_y = -INFINITY;
  int top = CAK_CHART_ITEM_NONE, bottom = CAK_CHART_ITEM_NONE;
  guint n_with = 0, natural;

  for (guint i = 0; i < data->rows->len; i++)
    {
      double v = row_of (data, i)->change_pp;

      if (isnan (v))
        continue;
      n_with++;
      hi = MAX (hi, v);
      lo = MIN (lo, v);
    }
  g_assert_cmpuint (n_with, <, 514);
  g_assert_cmpfloat (lo, <, 0);

  image = ctu_layout (CAK_CHART_CHANGE, data, CAK_CHART_THEME_LIGHT, 1920, 1080);
  for (guint i = 0; i < image->hits->len; i++)
    {
      const CakChartHit *hit = &g_array_index (image->hits, CakChartHit, i);

      if (hit->item < 0)
        continue;
      g_hash_table_add (shown, GINT_TO_POINTER (hit->item));
      if (hit->rect.y < top_y)
        top_y = hit->rect.y, top = hit->item;
      if (hit->rect.y > bottom_y)
        bottom_y = hit->rect.y, bottom = hit->item;
    }
  g_assert_cmpuint (g_hash_table_size (shown), >=, 20);
  g_assert_cmpuint (g_hash_table_size (shown), <, 100);
  /* As many risers as fallers, the largest of each at the ends */
  g_assert_cmpuint (g_hash_table_size (shown) % 2, ==, 0);
  g_assert_cmpfloat (row_of (data, top)->change_pp, ==, hi);
  g_assert_cmpfloat (row_of (data, bottom)->change_pp, ==, lo);

  /* Scrolled at its natural height: every regency has its row, those without figures last */
  natural = cak_chart_natural_height (CAK_CHART_CHANGE, data, NULL, 1200, 14);
  scrolled = ctu_layout_px (CAK_CHART_CHANGE, data, CAK_CHART_THEME_LIGHT, 1200, natural, 14);
  g_hash_table_remove_all (shown);
  bottom_y = -INFINITY;
  for (guint i = 0; i < scrolled->hits->len; i++)
    {
      const CakChartHit *hit = &g_array_index (scrolled->hits, CakChartHit, i);

      if (hit->item < 0)
        continue;
      g_hash_table_add (shown, GINT_TO_POINTER (hit->item));
      if (hit->rect.y > bottom_y)
        bottom_y = hit->rect.y, bottom = hit->item;
      g_assert_cmpfloat (hit->rect.height, >=, 14 * 1.85 - 0.01);
    }
  g_assert_cmpuint (g_hash_table_size (shown), ==, 514);
  g_assert_true (isnan (row_of (data, bottom)->change_pp));
}

/* Regencies without a change sit at the bottom, never drawn as no change. */
static void
test_change_no_data (void)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (CakIndicatorRow));
  CakRegionCatalog *catalog = cak_region_catalog_get_default ();
  const char *codes[] = { "35.01", "35.02", "35.03" };
  const double changes[] = { NAN, 2.5, -1.0 };
  g_autoptr (CakChartData) data = NULL;
  g_autoptr (CakChartLayout) layout = NULL;
  g_autofree char *description = NULL;
  CakRect none, gain, loss;

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      CakIndicatorRow row = { 0 };

      row.region = cak_region_catalog_lookup_code (catalog, codes[i]);
      row.coverage_pct = 20, row.target_pct = NAN, row.participants = 20, row.workforce = 100;
      row.change_pp = changes[i];
      g_array_append_val (rows, row);
    }
  data = cak_chart_data_new_from_rows (rows, NULL, NULL, CAK_LANG_EN);
  data->compare = ctu_period ("2023-12");
  layout = ctu_layout (CAK_CHART_CHANGE, data, CAK_CHART_THEME_DARK, 640, 360);
  g_assert_true (cak_chart_find_item (layout, 0, &none));
  g_assert_true (cak_chart_find_item (layout, 1, &gain));
  g_assert_true (cak_chart_find_item (layout, 2, &loss));
  g_assert_cmpfloat (gain.y, <, loss.y);
  g_assert_cmpfloat (loss.y, <, none.y);
  description = cak_chart_describe (CAK_CHART_CHANGE, data);
  g_assert_nonnull (strstr (description, "Largest gain: Kabupaten Ponorogo, +2.5 pp"));
  g_assert_nonnull (strstr (description, "Largest fall: Kabupaten Trenggalek, −1.0 pp"));
  g_assert_nonnull (strstr (description, "1 region has no figures to compare"));
}

/* The key figures */

static void
check_tiles (const CakChartLayout *layout, guint n_cols)
{
  g_autoptr (GHashTable) xs = g_hash_table_new_full (g_double_hash, g_double_equal, g_free, NULL);
  g_autoptr (GHashTable) ys = g_hash_table_new_full (g_double_hash, g_double_equal, g_free, NULL);
  CakRect tiles[CAK_CHART_KPI_N_TILES];

  for (guint i = 0; i < CAK_CHART_KPI_N_TILES; i++)
    {
      g_assert_nonnull (cak_chart_kpi_get_tile (layout, i, &tiles[i]));
      g_assert_cmpfloat (tiles[i].x, >=, layout->plot.x - 0.5);
      g_assert_cmpfloat (tiles[i].y, >=, layout->plot.y - 0.5);
      g_assert_cmpfloat (tiles[i].x + tiles[i].width, <=,
                         layout->plot.x + layout->plot.width + 0.5);
      g_assert_cmpfloat (tiles[i].y + tiles[i].height, <=, layout->footer.y);
      for (guint j = 0; j < i; j++)
        g_assert_false (cak_rect_overlaps (&tiles[i], &tiles[j]));
      g_hash_table_add (xs, g_memdup2 (&tiles[i].x, sizeof (double)));
      g_hash_table_add (ys, g_memdup2 (&tiles[i].y, sizeof (double)));
    }
  g_assert_null (cak_chart_kpi_get_tile (layout, CAK_CHART_KPI_N_TILES, NULL));
  g_assert_cmpuint (g_hash_table_size (xs), ==, n_cols);
  g_assert_cmpuint (g_hash_table_size (ys), ==, CAK_CHART_KPI_N_TILES / n_cols);
  /* Every text but the frame's (title, subtitle, footer) lies within a tile */
  for (guint i = 3; i < layout->labels->len; i++)
    {
      const CakRect *label = &g_array_index (layout->labels, CakRect, i);
      gboolean inside = FALSE;

      for (guint t = 0; t < CAK_CHART_KPI_N_TILES && !inside; t++)
        inside = label->x >= tiles[t].x && label->y >= tiles[t].y
                 && label->x + label->width <= tiles[t].x + tiles[t].width
                 && label->y + label->height <= tiles[t].y + tiles[t].height;
      if (!inside)
        g_error ("label %u (%.1f,%.1f %.1fx%.1f) is in no tile", i, label->x, label->y,
                 label->width, label->height);
    }
}

static void
test_kpi_values (void)
{
  const double sizes[][2] = { { 800, 600 }, { 1920, 1080 } };
  const CakChartThemeKind themes[] = { CAK_CHART_THEME_LIGHT, CAK_CHART_THEME_PROJECTOR };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autoptr (CakChartData) data = ctu_sample_data (langs[l]);
      const CakIndicatorRow *t = &data->total;
      g_autofree char *workforce = cak_number_format (t->workforce, 0, langs[l]);
      g_autofree char *participants = cak_number_format (t->participants, 0, langs[l]);
      g_autofree char *coverage = cak_number_format_percent (t->coverage_pct, 2, langs[l]);
      g_autofree char *uncovered = cak_number_format (t->uncovered, 0, langs[l]);
      g_autofree char *gap = cak_number_format (t->gap_to_target, 0, langs[l]);
      g_autofree char *change = cak_chart_format_pp (t->change_pp, langs[l]);
      g_autofree char *description = cak_chart_describe (CAK_CHART_KPI, data);
      const char *want[] = { workforce, participants, coverage, uncovered, gap, change };

      /* Jawa Timur, December 2024 */
      g_assert_cmpfloat (t->workforce, ==, 15475216);
      g_assert_cmpfloat (t->participants, ==, 4883806);
      g_assert_cmpstr (workforce, ==, langs[l] == CAK_LANG_ID ? "15.475.216" : "15,475,216");
      g_assert_cmpstr (coverage, ==, langs[l] == CAK_LANG_ID ? "31,56%" : "31.56%");
      g_assert_cmpfloat (t->gap_to_target, >, 0);
      for (guint i = 0; i < G_N_ELEMENTS (want); i++)
        g_assert_nonnull (strstr (description, want[i]));

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (guint k = 0; k < G_N_ELEMENTS (themes); k++)
          {
            g_autoptr (CakChartLayout) layout
                = ctu_layout (CAK_CHART_KPI, data, themes[k], sizes[s][0], sizes[s][1]);

            /* In full at these sizes, every one */
            for (guint i = 0; i < CAK_CHART_KPI_N_TILES; i++)
              g_assert_cmpstr (cak_chart_kpi_get_tile (layout, i, NULL), ==, want[i]);
            check_tiles (layout, 3);
            /* A tile is the province's */
            g_assert_cmpuint (layout->hits->len, ==, CAK_CHART_KPI_N_TILES);
            g_assert_cmpint (g_array_index (layout->hits, CakChartHit, 0).item, ==,
                             CAK_CHART_ITEM_TOTAL);
          }
    }
}

/* Narrow: two columns, three rows; tiny: figures written short rather than cut. */
static void
test_kpi_narrow (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_ID);
  g_autoptr (CakChartLayout) tall
      = ctu_layout (CAK_CHART_KPI, data, CAK_CHART_THEME_LIGHT, 600, 900);
  g_autoptr (CakChartLayout) tiny = NULL;
  g_autofree char *workforce = cak_number_format (data->total.workforce, 0, CAK_LANG_ID);
  g_autofree char *short_workforce = cak_number_format_short (data->total.workforce, CAK_LANG_ID);

  check_tiles (tall, 2);
  g_assert_cmpstr (cak_chart_kpi_get_tile (tall, 0, NULL), ==, workforce);

  tiny = ctu_layout (CAK_CHART_KPI, data, CAK_CHART_THEME_PROJECTOR, 480, 320);
  check_tiles (tiny, 3);
  g_assert_cmpstr (cak_chart_kpi_get_tile (tiny, 0, NULL), ==, short_workforce);
}

/* No comparison period: the change tile says so rather than showing a number. */
static void
test_kpi_no_comparison (void)
{
  g_autoptr (CakChartData) data = cak_chart_data_new (
      ctu_sample_dataset (), "35", ctu_period ("2024-12"), CAK_PERIOD_INIT_NONE, NULL, CAK_LANG_EN);
  g_autoptr (CakChartLayout) layout
      = ctu_layout (CAK_CHART_KPI, data, CAK_CHART_THEME_DARK, 1366, 768);
  g_autofree char *description = cak_chart_describe (CAK_CHART_KPI, data);
  g_autofree char *workforce = cak_number_format (data->total.workforce, 0, CAK_LANG_EN);

  g_assert_cmpstr (cak_chart_kpi_get_tile (layout, 0, NULL), ==, workforce);
  g_assert_cmpstr (cak_chart_kpi_get_tile (layout, 5, NULL), ==, "—");
  g_assert_nonnull (strstr (description, "no comparison period"));
  check_tiles (layout, 3);
}

/* Sizes beyond those every chart is checked at: small windows, a phone's shape, a 4K screen. */
static void
test_odd_sizes (void)
{
  g_autoptr (CakChartData) sample = ctu_sample_data (CAK_LANG_ID);
  g_autoptr (CakDataset) ds = ctu_national_dataset (12);
  g_autoptr (CakChartData) national = cak_chart_data_new (
      ds, NULL, ctu_period ("2024-12"), ctu_period ("2023-12"), NULL, CAK_LANG_EN);
  const double sizes[][2]
      = { { 480, 320 }, { 640, 480 }, { 1024, 400 }, { 400, 800 }, { 360, 640 }, { 2560, 1440 } };
  const CakChartKind kinds[] = { CAK_CHART_CHANGE, CAK_CHART_KPI };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (guint t = CAK_CHART_THEME_LIGHT; t <= CAK_CHART_THEME_PROJECTOR; t++)
        {
          g_autoptr (CakChartLayout) a = ctu_layout (kinds[k], sample, t, sizes[s][0], sizes[s][1]);
          g_autoptr (CakChartLayout) b
              = ctu_layout (kinds[k], national, t, sizes[s][0], sizes[s][1]);
        }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/change/sorted", test_change_sorted);
  g_test_add_func ("/chart/change/province", test_change_province);
  g_test_add_func ("/chart/change/no-comparison", test_change_no_comparison);
  g_test_add_func ("/chart/change/national", test_change_national);
  g_test_add_func ("/chart/change/no-data", test_change_no_data);
  g_test_add_func ("/chart/kpi/values", test_kpi_values);
  g_test_add_func ("/chart/kpi/narrow", test_kpi_narrow);
  g_test_add_func ("/chart/kpi/no-comparison", test_kpi_no_comparison);
  g_test_add_func ("/chart/change-kpi/odd-sizes", test_odd_sizes);
  return g_test_run ();
}
