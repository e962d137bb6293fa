/* bench-chart.c: drawing the ranking of all 514 regencies, and a hover update
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Targets: the ranking of the whole country drawn into a 1920x1080 image in at most 4 ms
 * (median), and a hover (hit test, then a redraw from the layout already made) in at most 2 ms.
 * Also measured, not targeted: the window's case, where the 514 rows scroll at their natural
 * height and a redraw paints the visible 1920x1000 strip.
 */
#define G_LOG_DOMAIN "bench-chart"

#include "config.h"

#include "bench-util.h"

#include "../chart-test-util.h"

#define RUNS 200
#define TARGET_DRAW_MS 4.0
#define TARGET_HOVER_MS 2.0

int
main (int argc, char *argv[])
{
  g_autoptr (CakDataset) ds = ctu_national_dataset (12);
  g_autoptr (CakChartData) data = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  CakChartTheme theme;
  double draw[RUNS], hover[RUNS], scroll[RUNS];
  double font_px, natural;
  CakPeriod period, compare;
  gboolean ok = TRUE;

  cak_period_parse ("2024-12", &period);
  cak_period_parse ("2023-12", &compare);
  data = cak_chart_data_new (ds, NULL, period, compare, "national.csv", CAK_LANG_ID);
  cak_chart_theme_init (&theme, CAK_CHART_THEME_LIGHT);
  font_px = cak_chart_font_px_for_size (1920, 1080, &theme);
  g_print ("ranking of %u regencies and cities\n", data->rows->len);

  /* The image: lay out and draw from nothing, as an export does */
  for (guint i = 0; i < RUNS + 5; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      cak_chart_draw (cr, CAK_CHART_RANKING, data, NULL, &theme, 1920, 1080, font_px);
      cairo_surface_flush (surface);
      if (i >= 5)
        draw[i - 5] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
    }

  /* A hover: find the row under the pointer, then draw again from the same layout */
  {
    cairo_t *cr = cairo_create (surface);
    PangoContext *context = cak_chart_create_context (cr);
    g_autoptr (CakChartLayout) layout = cak_chart_layout_new (CAK_CHART_RANKING, data, NULL, &theme,
                                                              context, 1920, 1080, font_px);

    for (guint i = 0; i < RUNS + 5; i++)
      {
        gint64 start = g_get_monotonic_time ();
        double y = layout->plot.y + (i % 40) * (layout->plot.height / 40) + 3;

        CakChartFocus focus = { CAK_CHART_ITEM_NONE, cak_chart_hit_test (layout, 960, y) };

        cak_chart_paint (cr, data, &focus, &theme, layout);
        cairo_surface_flush (surface);
        if (i >= 5)
          hover[i - 5] = (g_get_monotonic_time () - start) / 1000.0;
      }
    g_object_unref (context);
    cairo_destroy (cr);
  }

  /* The window: every row at its natural height, scrolled, a 1000-pixel strip redrawn */
  natural = cak_chart_natural_height (CAK_CHART_RANKING, data, &theme, 1920, 13.5);
  {
    cairo_t *cr = cairo_create (surface);
    PangoContext *context = cak_chart_create_context (cr);
    g_autoptr (CakChartLayout) layout = cak_chart_layout_new (CAK_CHART_RANKING, data, NULL, &theme,
                                                              context, 1920, natural, 13.5);

    for (guint i = 0; i < RUNS + 5; i++)
      {
        double top = fmod (i * 997.0, MAX (1, natural - 1000));
        gint64 start = g_get_monotonic_time ();

        cairo_save (cr);
        cairo_rectangle (cr, 0, 0, 1920, 1000);
        cairo_clip (cr);
        cairo_translate (cr, 0, -top);
        CakChartFocus focus = { CAK_CHART_ITEM_NONE, 0 };

        focus.highlighted = cak_chart_hit_test (layout, 960, top + 500);
        cak_chart_paint (cr, data, &focus, &theme, layout);
        cairo_restore (cr);
        cairo_surface_flush (surface);
        if (i >= 5)
          scroll[i - 5] = (g_get_monotonic_time () - start) / 1000.0;
      }
    g_object_unref (context);
    cairo_destroy (cr);
  }

  g_print ("  image 1920x1080 (top and bottom rows): median %.2f ms (target: at most %.1f ms)\n",
           bench_median (draw, RUNS), TARGET_DRAW_MS);
  g_print ("  hover (hit test and redraw): median %.2f ms (target: at most %.1f ms)\n",
           bench_median (hover, RUNS), TARGET_HOVER_MS);
  g_print ("  window, all rows scrolled (%.0f px tall), redraw of a 1920x1000 strip: median "
           "%.2f ms\n",
           natural, bench_median (scroll, RUNS));
  if (bench_median (draw, RUNS) > TARGET_DRAW_MS)
    {
      g_print ("FAIL: drawing is slower than the target\n");
      ok = FALSE;
    }
  if (bench_median (hover, RUNS) > TARGET_HOVER_MS)
    {
      g_print ("FAIL: a hover is slower than the target\n");
      ok = FALSE;
    }
  cairo_surface_destroy (surface);
  return ok ? 0 : 1;
}
