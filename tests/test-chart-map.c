/* test-chart-map.c: the map and the tile map
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-chart-map"

#include "config.h"

#include "cak-chart-private.h"
#include "chart-test-util.h"

static const double sizes[][2] = { { 1920, 1080 }, { 1366, 768 }, { 1024, 768 }, { 800, 600 } };
static const CakChartThemeKind themes[]
    = { CAK_CHART_THEME_LIGHT, CAK_CHART_THEME_DARK, CAK_CHART_THEME_PROJECTOR,
        CAK_CHART_THEME_PROJECTOR_DARK };
static const CakChartKind map_kinds[] = { CAK_CHART_MAP, CAK_CHART_TILEMAP };

static CakChartData *
national_data (CakLang lang)
{
  static CakDataset *ds;

  if (ds == NULL)
    ds = ctu_national_dataset (2);
  return cak_chart_data_new (ds, NULL, ctu_period ("2024-02"), ctu_period ("2023-12"),
                             "national.csv", lang);
}

/* Whether a text was placed in the layout (texts are kept by size, weight, width and text). */
static gboolean
has_text (const CakChartLayout *layout, const char *text)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, layout->texts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *bar = strrchr (key, '|');

      if (bar && strcmp (bar + 1, text) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Every region has an anchor inside the plot, and a hit test there finds it; the attribution
 * is drawn. ctu_layout has checked the labels (inside, apart) and the hits. */
static void
check_map (const CakChartLayout *layout, const CakChartData *data, const char *what)
{
  g_assert_cmpuint (layout->hits->len, ==, data->rows->len);
  for (guint i = 0; i < data->rows->len; i++)
    {
      double x = 0, y = 0;
      int found;

      if (!cak_chart_map_get_anchor (layout, (int)i, &x, &y))
        g_error ("%s: %s has no anchor", what,
                 g_array_index (data->rows, CakIndicatorRow, i).region->name);
      g_assert_true (cak_rect_contains (&layout->plot, x, y));
      found = cak_chart_hit_test (layout, x, y);
      if (found != (int)i)
        g_error ("%s: a hit test in the middle of %s found %d", what,
                 g_array_index (data->rows, CakIndicatorRow, i).region->name, found);
    }
  if (!has_text (layout, "Boundaries: geoBoundaries / OCHA COD-AB (BPS), CC BY 3.0 IGO"))
    g_error ("%s: no attribution", what);
  /* Outside the map, nothing */
  g_assert_cmpint (cak_chart_hit_test (layout, 1, 1), ==, CAK_CHART_ITEM_NONE);
}

/* At four sizes, in both languages and every theme, for a province and the country */
static void
test_geometry (gconstpointer user_data)
{
  CakChartKind kind = GPOINTER_TO_INT (user_data);
  g_autoptr (CakChartData) id = ctu_sample_data (CAK_LANG_ID);
  g_autoptr (CakChartData) en = ctu_sample_data (CAK_LANG_EN);
  g_autoptr (CakChartData) national_id = national_data (CAK_LANG_ID);
  g_autoptr (CakChartData) national_en = national_data (CAK_LANG_EN);
  const CakChartData *all[] = { id, en, national_id, national_en };

  g_assert_cmpuint (national_id->rows->len, ==, 514);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
      for (guint d = 0; d < G_N_ELEMENTS (all); d++)
        {
          g_autoptr (CakChartLayout) layout
              = ctu_layout (kind, all[d], themes[t], sizes[s][0], sizes[s][1]);
          g_autofree char *what
              = g_strdup_printf ("%s %gx%g theme %d data %u", cak_chart_kind_to_id (kind),
                                 sizes[s][0], sizes[s][1], themes[t], d);

          check_map (layout, all[d], what);
        }
}

/* The small cities stay findable in the national map: Kota Mojokerto and Kota Blitar by their
 * dots, Jakarta's cities in the inset; each has a mark of its own, apart from its kabupaten's. */
static void
test_small_cities (void)
{
  g_autoptr (CakChartData) data = national_data (CAK_LANG_EN);
  const char *codes[] = { "35.76", "35.72", "31.71", "31.72", "31.73", "31.74", "31.75", "31.01" };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr (CakChartLayout) layout
          = ctu_layout (CAK_CHART_MAP, data, CAK_CHART_THEME_PROJECTOR, sizes[s][0], sizes[s][1]);

      for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
        {
          int item = cak_chart_data_find_code (data, codes[c]);
          double x, y;

          g_assert_cmpint (item, >=, 0);
          g_assert_true (cak_chart_map_get_anchor (layout, item, &x, &y));
          g_assert_cmpint (cak_chart_hit_test (layout, x, y), ==, item);
          /* A mark that a pointer can find: a hit two pixels away still finds it */
          g_assert_cmpint (cak_chart_hit_test (layout, x + 1.5, y), ==, item);
        }
    }
}

/* Of the four pixels five pixels away from (x, y), how many are @rgb */
static guint
count_around (const guchar *px, int stride, double x, double y, guint32 rgb)
{
  const int offsets[][2] = { { 5, 0 }, { -5, 0 }, { 0, 5 }, { 0, -5 } };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    n += (*(const guint32 *)(px + ((int)y + offsets[i][1]) * stride + ((int)x + offsets[i][0]) * 4)
          & 0xffffff)
         == rgb;
  return n;
}

/* The colours: classes by target bands, the palette sequential and the same in every theme, no
 * data hatched (never a class colour), the legend with the class limits. */
static void
test_classes (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_ID);
  int surabaya = cak_chart_data_find_code (data, "35.78");
  int sampang = cak_chart_data_find_code (data, "35.27");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = cak_chart_create_context (cr);
  CakChartTheme theme;
  g_autoptr (CakChartLayout) layout = NULL;
  double x, y;
  guchar *px;
  int stride;

  cak_chart_theme_init (&theme, CAK_CHART_THEME_LIGHT);
  layout = cak_chart_layout_new (CAK_CHART_MAP, data, NULL, &theme, context, 1920, 1080,
                                 cak_chart_font_px_for_size (1920, 1080, &theme));
  cak_chart_paint (cr, data, NULL, &theme, layout);
  cairo_surface_flush (surface);
  px = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  /* Kota Surabaya, above its target: the darkest class; Kabupaten Sampang, far below: the
   * lightest (around the anchor: the label's leader ends on it) */
  g_assert_true (cak_chart_map_get_anchor (layout, surabaya, &x, &y));
  g_assert_cmpuint (count_around (px, stride, x, y, 0x253494), >=, 3);
  g_assert_true (cak_chart_map_get_anchor (layout, sampang, &x, &y));
  g_assert_cmpuint (count_around (px, stride, x, y, 0xc7e9b4), >=, 3);

  g_assert_true (has_text (layout, "Tepat atau di atas target")
                 || has_text (layout, "At or above target"));
  /* The labels of the extremes */
  g_assert_true (has_text (layout, "Kota Surabaya 62,9%"));
  g_assert_true (has_text (layout, "Kab. Sampang 8,5%"));

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_no_data (void)
{
  g_autoptr (CakChartData) data = national_data (CAK_LANG_EN);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = cak_chart_create_context (cr);
  CakChartTheme theme;
  g_autoptr (CakChartLayout) layout = NULL;
  g_autofree char *description = NULL;
  guint n_no_data = 0;
  guchar *px;
  int stride;

  cak_chart_theme_init (&theme, CAK_CHART_THEME_LIGHT);
  layout = cak_chart_layout_new (CAK_CHART_TILEMAP, data, NULL, &theme, context, 1920, 1080,
                                 cak_chart_font_px_for_size (1920, 1080, &theme));
  cak_chart_paint (cr, data, NULL, &theme, layout);
  cairo_surface_flush (surface);
  px = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (guint i = 0; i < data->rows->len; i++)
    {
      const CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, i);
      const guint32 classes[] = { 0xc7e9b4, 0x7fcdbb, 0x41b6c4, 0x2c7fb8, 0x253494 };
      CakRect rect;
      guint n_class = 0;

      if (!isnan (row->coverage_pct))
        continue;
      n_no_data++;
      g_assert_true (cak_chart_find_item (layout, (int)i, &rect));
      /* No pixel of the tile in a class colour */
      for (int yy = (int)rect.y + 2; yy < (int)(rect.y + rect.height) - 2; yy++)
        for (int xx = (int)rect.x + 2; xx < (int)(rect.x + rect.width) - 2; xx++)
          for (guint k = 0; k < G_N_ELEMENTS (classes); k++)
            n_class += (*(guint32 *)(px + yy * stride + xx * 4) & 0xffffff) == classes[k];
      g_assert_cmpuint (n_class, ==, 0);
    }
  g_assert_cmpuint (n_no_data, >, 0);
  g_assert_true (has_text (layout, "No data"));

  description = cak_chart_describe (CAK_CHART_MAP, data);
  g_assert_nonnull (strstr (description, "514 regencies and cities"));
  g_assert_nonnull (strstr (description, "No data: "));
  g_assert_nonnull (strstr (description, "Highest: "));

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The tile map: every regency one tile, none overlapping, all the same size */
static void
test_tiles (void)
{
  g_autoptr (CakChartData) data = national_data (CAK_LANG_EN);
  g_autoptr (CakChartLayout) layout
      = ctu_layout (CAK_CHART_TILEMAP, data, CAK_CHART_THEME_LIGHT, 1366, 768);

  g_assert_cmpuint (layout->hits->len, ==, 514);
  for (guint i = 0; i < layout->hits->len; i++)
    {
      const CakRect *a = &g_array_index (layout->hits, CakChartHit, i).rect;

      g_assert_cmpfloat (a->width, ==, g_array_index (layout->hits, CakChartHit, 0).rect.width);
      g_assert_cmpfloat (a->width, ==, a->height);
      for (guint j = i + 1; j < layout->hits->len; j++)
        g_assert_false (cak_rect_overlaps (a, &g_array_index (layout->hits, CakChartHit, j).rect));
    }
}

static void
test_exports (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_ID);

  for (guint k = 0; k < G_N_ELEMENTS (map_kinds); k++)
    for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
      ctu_check_exports (map_kinds[k], data, themes[t]);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/chart/map/geometry", GINT_TO_POINTER (CAK_CHART_MAP), test_geometry);
  g_test_add_data_func ("/chart/tilemap/geometry", GINT_TO_POINTER (CAK_CHART_TILEMAP),
                        test_geometry);
  g_test_add_func ("/chart/map/small-cities", test_small_cities);
  g_test_add_func ("/chart/map/classes", test_classes);
  g_test_add_func ("/chart/map/no-data", test_no_data);
  g_test_add_func ("/chart/tilemap/tiles", test_tiles);
  g_test_add_func ("/chart/map/exports", test_exports);
  return g_test_run ();
}
