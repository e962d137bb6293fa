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

/* Zoom and pan: the point under the pointer stays under it, a drag moves the map with it, the
 * view stays inside the map, a region out of view is brought into it; what is in view is drawn
 * and found where it is drawn, with its labels inside the frame and apart */
static CakChartLayout *
map_layout_at (const CakChartData *data, const CakChartFocus *focus, double width, double height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = cak_chart_create_context (cr);
  CakChartTheme theme;
  CakChartLayout *layout;

  cak_chart_theme_init (&theme, CAK_CHART_THEME_LIGHT);
  layout = cak_chart_layout_new (CAK_CHART_MAP, data, focus, &theme, context, width, height,
                                 cak_chart_font_px_for_size (width, height, &theme));
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return layout;
}

/* What a zoomed layout must hold: every mark in the plot found where it is, the labels inside
 * the frame and apart. Returns how many regions are in view. */
static guint
check_zoomed (const CakChartLayout *layout)
{
  guint in_view = 0;

  for (guint i = 0; i < layout->hits->len; i++)
    {
      const CakChartHit *hit = &g_array_index (layout->hits, CakChartHit, i);
      double x = hit->rect.x + hit->rect.width / 2, y = hit->rect.y + hit->rect.height / 2;

      if (!cak_rect_contains (&layout->plot, x, y))
        continue;
      in_view++;
      g_assert_cmpint (cak_chart_hit_test (layout, x, y), ==, hit->item);
    }
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const CakRect *a = &g_array_index (layout->labels, CakRect, i);

      g_assert_cmpfloat (a->x, >=, 0);
      g_assert_cmpfloat (a->y, >=, 0);
      g_assert_cmpfloat (a->x + a->width, <=, layout->width);
      g_assert_cmpfloat (a->y + a->height, <=, layout->height);
      for (guint j = i + 1; j < layout->labels->len; j++)
        g_assert_false (cak_rect_overlaps (a, &g_array_index (layout->labels, CakRect, j)));
    }
  return in_view;
}

static void
test_zoom (void)
{
  g_autoptr (CakChartData) data = national_data (CAK_LANG_ID);
  g_autoptr (CakChartLayout) whole = map_layout_at (data, NULL, 1366, 768);
  g_autoptr (CakChartLayout) zoomed = NULL;
  g_autoptr (CakChartLayout) panned = NULL;
  g_autoptr (CakChartLayout) revealed = NULL;
  CakChartFocus focus = cak_chart_focus_none (), moved, far_focus, back;
  int malang = cak_chart_data_find_code (data, "35.07");
  int jayapura = cak_chart_data_find_code (data, "91.71");
  double x, y, x1, y1;

  g_assert_cmpint (malang, >=, 0);
  g_assert_cmpint (jayapura, >=, 0);
  g_assert_cmpuint (check_zoomed (whole), ==, 514);
  g_assert_true (cak_chart_map_get_anchor (whole, malang, &x, &y));

  /* Four times, about Malang: Malang stays under the pointer, far fewer regions are in view */
  g_assert_true (cak_chart_focus_zoom (&focus, whole, 4, x, y));
  g_assert_cmpfloat (cak_chart_focus_get_zoom (&focus), ==, 4);
  zoomed = map_layout_at (data, &focus, 1366, 768);
  g_assert_cmpfloat (cak_chart_focus_get_zoom (&zoomed->focus), ==, 4);
  g_assert_cmpint (cak_chart_hit_test (zoomed, x, y), ==, malang);
  g_assert_cmpuint (check_zoomed (zoomed), <, 200);
  g_assert_true (cak_chart_map_get_anchor (zoomed, jayapura, &x1, &y1));
  g_assert_false (cak_rect_contains (&zoomed->plot, x1, y1));
  g_assert_cmpint (cak_chart_hit_test (zoomed, x1, y1), ==, CAK_CHART_ITEM_NONE);

  /* Zoomed in, the regions in view with room for it carry their names, inside them */
  {
    CakChartFocus closer = focus;
    g_autoptr (CakChartLayout) close_layout = NULL;
    guint names = 0;

    g_assert_true (cak_chart_focus_zoom (&closer, zoomed, 2, x, y));
    close_layout = map_layout_at (data, &closer, 1366, 768);
    check_zoomed (close_layout);
    for (guint i = 0; i < close_layout->placed->len; i++)
      {
        const char *text = g_ptr_array_index (close_layout->placed, i);

        names += (g_str_has_prefix (text, "Kab. ") || g_str_has_prefix (text, "Kota "))
                 && strchr (text, '%') == NULL;
      }
    g_test_message ("%u names in view at zoom 8", names);
    g_assert_cmpuint (names, >=, 3);
  }

  /* A drag of (120, -40) moves the map with it */
  moved = focus;
  g_assert_true (cak_chart_focus_pan (&moved, zoomed, 120, -40));
  panned = map_layout_at (data, &moved, 1366, 768);
  g_assert_cmpint (cak_chart_hit_test (panned, x + 120, y - 40), ==, malang);
  check_zoomed (panned);

  /* Jayapura, out of view, is brought into it */
  far_focus = focus;
  g_assert_true (cak_chart_focus_reveal (&far_focus, zoomed, jayapura));
  revealed = map_layout_at (data, &far_focus, 1366, 768);
  g_assert_true (cak_chart_map_get_anchor (revealed, jayapura, &x1, &y1));
  g_assert_true (cak_rect_contains (&revealed->plot, x1, y1));
  g_assert_cmpint (cak_chart_hit_test (revealed, x1, y1), ==, jayapura);
  /* A region in view stays where it is */
  g_assert_false (cak_chart_focus_reveal (&far_focus, revealed, jayapura));

  /* The view stays inside the map: zoomed out past the whole map it is the whole map; a pan of
   * the whole map, or far past an edge, moves nothing more than the edge allows */
  back = focus;
  g_assert_true (cak_chart_focus_zoom (&back, zoomed, 0.01, x, y));
  g_assert_cmpfloat (cak_chart_focus_get_zoom (&back), ==, 1);
  {
    CakChartFocus none = cak_chart_focus_none ();

    g_assert_true (cak_chart_focus_same_view (&back, &none));
    g_assert_false (cak_chart_focus_pan (&none, whole, 300, 300));
    g_assert_true (cak_chart_focus_zoom (&none, whole, 1e6, x, y));
    g_assert_cmpfloat (cak_chart_focus_get_zoom (&none), ==, CAK_CHART_ZOOM_MAX);
  }
  moved = focus;
  cak_chart_focus_pan (&moved, zoomed, 1e6, 1e6);
  g_assert_cmpfloat (moved.center_x, ==, 0.5 / 4);
  g_assert_cmpfloat (moved.center_y, ==, 0.5 / 4);
  /* Charts that do not zoom ignore it */
  {
    g_autoptr (CakChartLayout) ranking
        = ctu_layout_focus (CAK_CHART_RANKING, data, &focus, CAK_CHART_THEME_LIGHT, 1366, 768, 0);

    g_assert_false (cak_chart_kind_can_zoom (CAK_CHART_RANKING));
    g_assert_cmpfloat (cak_chart_focus_get_zoom (&ranking->focus), ==, 1);
    g_assert_false (cak_chart_focus_zoom (&focus, ranking, 2, 100, 100));
  }

  /* Drawn zoomed, into an image: Malang's place is in its class's colour, not the sea's */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1366, 768);
    cairo_t *cr = cairo_create (surface);
    CakChartTheme theme;
    guint32 px;

    cak_chart_theme_init (&theme, CAK_CHART_THEME_LIGHT);
    cak_chart_paint (cr, data, &zoomed->focus, &theme, zoomed);
    cairo_surface_flush (surface);
    px = *(guint32 *)(cairo_image_surface_get_data (surface)
                      + (int)y * cairo_image_surface_get_stride (surface) + (int)x * 4);
    g_assert_cmphex (px & 0xffffff, !=, 0xffffff);
    g_assert_cmphex (px >> 24, ==, 0xff);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  /* As far as it goes, about Jakarta, drawn: the largest coordinates a map gives the raster */
  {
    int jakarta = cak_chart_data_find_code (data, "31.71");
    g_autoptr (CakChartLayout) deepest = NULL;
    CakChartFocus f = cak_chart_focus_none ();
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1366, 768);
    cairo_t *cr = cairo_create (surface);
    CakChartTheme theme;
    double jx, jy;

    g_assert_true (cak_chart_map_get_anchor (whole, jakarta, &jx, &jy));
    g_assert_true (cak_chart_focus_zoom (&f, whole, 1000, jx, jy));
    deepest = map_layout_at (data, &f, 1366, 768);
    check_zoomed (deepest);
    cak_chart_theme_init (&theme, CAK_CHART_THEME_DARK);
    cak_chart_paint (cr, data, &deepest->focus, &theme, deepest);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  /* A province zooms too, every size */
  {
    g_autoptr (CakChartData) province = ctu_sample_data (CAK_LANG_EN);

    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr (CakChartLayout) fitted
            = map_layout_at (province, NULL, sizes[s][0], sizes[s][1]);
        g_autoptr (CakChartLayout) near = NULL;
        CakChartFocus f = cak_chart_focus_none ();

        g_assert_true (cak_chart_focus_zoom (&f, fitted, 3,
                                             fitted->plot.x + fitted->plot.width * 0.3,
                                             fitted->plot.y + fitted->plot.height * 0.6));
        near = map_layout_at (province, &f, sizes[s][0], sizes[s][1]);
        g_assert_cmpuint (check_zoomed (near), >, 0);
      }
  }
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
  g_test_add_func ("/chart/map/zoom", test_zoom);
  return g_test_run ();
}
