/* chart-test-util.h: data and geometry checks shared by the chart tests and benchmarks
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cak-chart.h"
#include "cak-import.h"

/* The bundled sample: Jawa Timur's 38 regencies, monthly 2022-2024, with segments and targets. */
static inline CakDataset *
ctu_sample_dataset (void)
{
  static CakDataset *ds;

  if (ds == NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("CAKUPAN_SOURCE_DIR"), "data", "samples",
                                                "jatim-ilustratif-2022-2024.csv", NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (GError) error = NULL;

      ds = cak_dataset_new (cak_region_catalog_get_default ());
      g_assert_true (cak_import_file (ds, file, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  return ds;
}

static inline CakPeriod
ctu_period (const char *text)
{
  CakPeriod p;

  g_assert_true (cak_period_parse (text, &p));
  return p;
}

/* Jawa Timur, December 2024, compared with December 2023. */
static inline CakChartData *
ctu_sample_data (CakLang lang)
{
  return cak_chart_data_new (ctu_sample_dataset (), "35", ctu_period ("2024-12"),
                             ctu_period ("2023-12"), "jatim-ilustratif-2022-2024.csv", lang);
}

/* Every regency of the country with plausible figures over @n_months months of 2024 (and
 * 2023 before them), a few without data: the national case. Deterministic. */
static inline CakDataset *
ctu_national_dataset (guint n_months)
{
  CakRegionCatalog *catalog = cak_region_catalog_get_default ();
  CakDataset *ds = cak_dataset_new (catalog);
  GRand *rand = g_rand_new_with_seed (514);
  CakSource source = { "national.csv", NULL, 1, 0 };

  for (guint i = 0; i < cak_region_catalog_get_n_regions (catalog); i++)
    {
      const CakRegion *region = cak_region_catalog_get_region (catalog, i);
      double workforce, coverage;

      if (region->kind == CAK_REGION_KIND_PROVINCE)
        continue;
      workforce = g_rand_double_range (rand, 20e3, 1.6e6);
      coverage = g_rand_double_range (rand, 4, 65);
      source.row++;
      /* One in forty regencies has no figures at all: drawn as no data. */
      if (g_rand_int_range (rand, 0, 40) == 0)
        continue;
      for (guint y = 2023; y <= 2024; y++)
        {
          cak_dataset_set (ds, region, cak_period_year (y), CAK_MEASURE_WORKFORCE,
                           round (workforce * (y == 2023 ? 0.985 : 1)), &source, NULL);
          cak_dataset_set (ds, region, cak_period_year (y), CAK_MEASURE_TARGET_PCT,
                           y == 2023 ? 35 : 40, &source, NULL);
        }
      for (guint m = 0; m < n_months + 1; m++)
        {
          /* December 2023, then the months of 2024 */
          CakPeriod p = m == 0 ? cak_period_month (2023, 12) : cak_period_month (2024, m);
          double c = coverage + m * g_rand_double_range (rand, -0.3, 0.6);
          double part = round (workforce * MAX (0.5, c) / 100);
          double pu = round (part * 0.55), bpu = round (part * 0.3), jakon = round (part * 0.1);

          cak_dataset_set (ds, region, p, CAK_MEASURE_PARTICIPANTS, part, &source, NULL);
          cak_dataset_set (ds, region, p, CAK_MEASURE_PU, pu, &source, NULL);
          cak_dataset_set (ds, region, p, CAK_MEASURE_BPU, bpu, &source, NULL);
          cak_dataset_set (ds, region, p, CAK_MEASURE_JAKON, jakon, &source, NULL);
          cak_dataset_set (ds, region, p, CAK_MEASURE_PMI, part - pu - bpu - jakon, &source, NULL);
        }
    }
  g_rand_free (rand);
  return ds;
}

static inline gboolean
ctu_rect_inside (const CakRect *r, double width, double height)
{
  return r->x >= -0.5 && r->y >= -0.5 && r->x + r->width <= width + 0.5
         && r->y + r->height <= height + 0.5;
}

/* What every layout must satisfy: every text inside the frame and clear of every other text,
 * every mark inside the frame, and a hit test in the middle of a mark finds its item. */
static inline void
ctu_check_layout (const CakChartLayout *layout, const char *what)
{
  g_assert_cmpuint (layout->labels->len, >, 0);
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const CakRect *a = &g_array_index (layout->labels, CakRect, i);

      if (!ctu_rect_inside (a, layout->width, layout->height))
        g_error ("%s: label %u (%.1f,%.1f %.1fx%.1f) is cut by the %.0fx%.0f frame", what, i, a->x,
                 a->y, a->width, a->height, layout->width, layout->height);
      g_assert_cmpfloat (a->width, >, 0);
      for (guint j = i + 1; j < layout->labels->len; j++)
        {
          const CakRect *b = &g_array_index (layout->labels, CakRect, j);

          if (a->x + a->width > b->x + 0.5 && b->x + b->width > a->x + 0.5
              && a->y + a->height > b->y + 0.5 && b->y + b->height > a->y + 0.5)
            g_error ("%s: labels %u (%.1f,%.1f %.1fx%.1f) and %u (%.1f,%.1f %.1fx%.1f) overlap",
                     what, i, a->x, a->y, a->width, a->height, j, b->x, b->y, b->width, b->height);
        }
    }
  for (guint i = 0; i < layout->hits->len; i++)
    {
      const CakChartHit *hit = &g_array_index (layout->hits, CakChartHit, i);
      double cx = hit->rect.x + hit->rect.width / 2, cy = hit->rect.y + hit->rect.height / 2;

      if (!ctu_rect_inside (&hit->rect, layout->width, layout->height))
        g_error ("%s: the mark of item %d is outside the frame", what, hit->item);
      if (cak_chart_hit_test (layout, cx, cy) != hit->item)
        g_error ("%s: a hit test in the middle of item %d's mark found %d", what, hit->item,
                 cak_chart_hit_test (layout, cx, cy));
    }
  g_assert_cmpint (cak_chart_hit_test (layout, -10, -10), ==, CAK_CHART_ITEM_NONE);
}

/* Lays out @kind for @data, as a view selecting @focus's item does, in a fresh context and
 * checks it; font_px 0 picks it by size. */
static inline CakChartLayout *
ctu_layout_focus (CakChartKind kind, const CakChartData *data, const CakChartFocus *focus,
                  CakChartThemeKind theme_kind, double width, double height, double font_px)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = cak_chart_create_context (cr);
  CakChartTheme theme;
  CakChartLayout *layout;
  g_autofree char *what = NULL;

  cak_chart_theme_init (&theme, theme_kind);
  if (font_px <= 0)
    font_px = cak_chart_font_px_for_size (width, height, &theme);
  layout = cak_chart_layout_new (kind, data, focus, &theme, context, width, height, font_px);
  what = g_strdup_printf ("%s %gx%g theme %d", cak_chart_kind_to_id (kind), width, height,
                          theme_kind);
  ctu_check_layout (layout, what);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return layout;
}

static inline CakChartLayout *
ctu_layout_px (CakChartKind kind, const CakChartData *data, CakChartThemeKind theme_kind,
               double width, double height, double font_px)
{
  return ctu_layout_focus (kind, data, NULL, theme_kind, width, height, font_px);
}

static inline CakChartLayout *
ctu_layout (CakChartKind kind, const CakChartData *data, CakChartThemeKind theme_kind, double width,
            double height)
{
  return ctu_layout_px (kind, data, theme_kind, width, height, 0);
}

/* Binary files (PDF) hold NULs: strstr would stop at the first. */
static inline const char *
ctu_find_bytes (const char *data, gsize length, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* Exports @kind as PNG, SVG and PDF and checks each is a valid file of the requested size. */
static inline void
ctu_check_exports (CakChartKind kind, const CakChartData *data, CakChartThemeKind theme_kind)
{
  static const char *const exts[] = { "png", "svg", "pdf" };
  CakChartTheme theme;

  cak_chart_theme_init (&theme, theme_kind);
  for (guint e = 0; e < G_N_ELEMENTS (exts); e++)
    {
      g_autofree char *name = g_strdup_printf ("cakupan-test-%s-%d.%s", cak_chart_kind_to_id (kind),
                                               theme_kind, exts[e]);
      g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
      g_autoptr (GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (cak_chart_export (kind, data, &theme, path, 1920, 1080, 1, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      if (e == 0)
        {
          cairo_surface_t *back = cairo_image_surface_create_from_png (path);

          g_assert_cmpint (cairo_surface_status (back), ==, CAIRO_STATUS_SUCCESS);
          g_assert_cmpint (cairo_image_surface_get_width (back), ==, 1920);
          g_assert_cmpint (cairo_image_surface_get_height (back), ==, 1080);
          cairo_surface_destroy (back);
        }
      else if (e == 1)
        {
          g_assert_nonnull (strstr (contents, "<svg"));
          g_assert_nonnull (strstr (contents, "width=\"1920"));
          g_assert_nonnull (strstr (contents, "height=\"1080"));
        }
      else
        {
          g_assert_true (g_str_has_prefix (contents, "%PDF-"));
          g_assert_nonnull (ctu_find_bytes (contents, length, "/MediaBox [ 0 0 1920 1080 ]"));
        }
      g_unlink (path);
    }
}

/* Counts the pixels of exactly @color in a surface. */
static inline guint
ctu_count_color (cairo_surface_t *surface, CakColor color)
{
  guchar *pixels = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 want = ((guint)(color.r * 255 + 0.5) << 16) | ((guint)(color.g * 255 + 0.5) << 8)
                 | (guint)(color.b * 255 + 0.5);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      n += (*(guint32 *)(pixels + y * stride + x * 4) & 0xffffff) == want;
  return n;
}

/* Draws @kind at @width x @height into a new image surface, @focus's item selected. */
static inline cairo_surface_t *
ctu_draw_focus (CakChartKind kind, const CakChartData *data, const CakChartFocus *focus,
                CakChartThemeKind theme_kind, int width, int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  CakChartTheme theme;

  cak_chart_theme_init (&theme, theme_kind);
  cak_chart_draw (cr, kind, data, focus, &theme, width, height,
                  cak_chart_font_px_for_size (width, height, &theme));
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

static inline cairo_surface_t *
ctu_draw (CakChartKind kind, const CakChartData *data, CakChartThemeKind theme_kind, int width,
          int height)
{
  return ctu_draw_focus (kind, data, NULL, theme_kind, width, height);
}
