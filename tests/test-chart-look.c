/* test-chart-look.c: what a meeting sees on every chart: contrast, whole rows, uncut numbers,
 * one precision and one naming rule per chart
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-chart-look"

#include "config.h"

#include "cak-chart-private.h"
#include "chart-test-util.h"

static const CakChartThemeKind all_themes[] = { CAK_CHART_THEME_LIGHT, CAK_CHART_THEME_DARK,
                                                CAK_CHART_THEME_PROJECTOR,
                                                CAK_CHART_THEME_PROJECTOR_DARK };

static void
check_contrast (const char *theme_name, const char *what, CakColor color, const char *on_name,
                CakColor on, double needed)
{
  double ratio = cak_color_contrast (color, on);

  if (ratio < needed)
    g_error ("theme %s: %s (#%02x%02x%02x) on %s is %.2f:1, under %.1f:1", theme_name, what,
             (int)round (color.r * 255), (int)round (color.g * 255), (int)round (color.b * 255),
             on_name, ratio, needed);
}

/* WCAG AA in every theme: 4.5:1 for every colour a text is drawn in (values, the names at the
 * ends of trend lines, the province's line and label, the key figures' tones), on the
 * background, on a selected row and on the key figures' cards; 3:1 for colours only filled. */
static void
test_contrast (void)
{
  const char *const names[] = { "light", "dark", "projector", "projector-dark" };

  g_assert_cmpfloat_with_epsilon (
      cak_color_contrast ((CakColor){ 0, 0, 0, 1 }, (CakColor){ 1, 1, 1, 1 }), 21, 1e-9);
  /* The figures the issue measured: Okabe-Ito's orange and vermillion on white */
  g_assert_cmpfloat_with_epsilon (cak_color_contrast ((CakColor){ 0xe6 / 255., 0x9f / 255., 0, 1 },
                                                      (CakColor){ 1, 1, 1, 1 }),
                                  2.25, 0.01);

  for (guint t = 0; t < G_N_ELEMENTS (all_themes); t++)
    {
      CakChartTheme theme;
      CakColor card;
      const char *n = names[t];

      cak_chart_theme_init (&theme, all_themes[t]);
      card = cak_chart_mix (theme.background, theme.grid, 0.35);
      {
        const struct
        {
          const char *what;
          CakColor color;
        } text[] = {
          { "text", theme.text },       { "muted", theme.muted }, { "bar", theme.bar },
          { "below", theme.below },     { "gain", theme.gain },   { "loss", theme.loss },
          { "average", theme.average },
        },
          fill[] = {
            { "near", theme.near },         { "target", theme.target },
            { "segment 0", theme.segment[0] }, { "segment 1", theme.segment[1] },
            { "segment 2", theme.segment[2] }, { "segment 3", theme.segment[3] },
          };

        for (guint i = 0; i < G_N_ELEMENTS (text); i++)
          {
            check_contrast (n, text[i].what, text[i].color, "the background", theme.background,
                            4.5);
            check_contrast (n, text[i].what, text[i].color, "a card", card, 4.5);
          }
        check_contrast (n, "text", theme.text, "a selected row", theme.highlight, 4.5);
        check_contrast (n, "muted", theme.muted, "a selected row", theme.highlight, 4.5);
        for (guint i = 0; i < G_N_ELEMENTS (theme.series); i++)
          {
            g_autofree char *what = g_strdup_printf ("series %u", i);

            check_contrast (n, what, theme.series[i], "the background", theme.background, 4.5);
          }
        for (guint i = 0; i < G_N_ELEMENTS (fill); i++)
          check_contrast (n, fill[i].what, fill[i].color, "the background", theme.background, 3);
        /* Near and below stay apart in lightness too, not in hue alone. */
        g_assert_cmpfloat (cak_color_contrast (theme.near, theme.below), >=, 1.3);
      }
    }
}

static gboolean
legend_has (const CakChartLayout *layout, const char *label, CakColor *out_color)
{
  guint n;
  const CakLegendEntry *entries = cak_chart_change_get_legend (layout, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (entries[i].label, label) == 0)
      {
        if (out_color)
          *out_color = entries[i].color;
        return TRUE;
      }
  return FALSE;
}

/* The change chart: a change written "0,0 pp" is neither a gain nor a fall (no colour of
 * either, no side of the axis opened for it), the axis covers the data and no more, and the
 * province's dashed line is in the legend. */
static void
test_change_zero (void)
{
  g_autoptr (CakChartData) data = ctu_sample_data (CAK_LANG_EN);
  CakChartTheme theme;
  int fell = -1;

  cak_chart_theme_init (&theme, CAK_CHART_THEME_LIGHT);
  /* Every regency rose but one, whose change rounds to zero from below */
  for (guint i = 0; i < data->rows->len; i++)
    {
      CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, i);

      if (row->change_pp <= 0)
        row->change_pp = 0.4 + i * 0.01;
    }
  g_array_index (data->rows, CakIndicatorRow, 3).change_pp = -0.04;
  for (guint s = 0; s < 2; s++)
    {
      double width = s == 0 ? 1920 : 1024, height = s == 0 ? 1080 : 768;
      g_autoptr (CakChartLayout) layout
          = ctu_layout (CAK_CHART_CHANGE, data, CAK_CHART_THEME_LIGHT, width, height);
      double zero = cak_chart_change_x_of (layout, 0);

      /* No negative half: zero is where the plot starts */
      g_assert_cmpfloat (zero - layout->plot.x, <, layout->font_px);
      g_assert_true (legend_has (layout, "Coverage rose", NULL)
                     || legend_has (layout, "Rose", NULL));
      g_assert_false (legend_has (layout, "Coverage fell", NULL)
                      || legend_has (layout, "Fell", NULL));
      g_assert_true (legend_has (layout, "No change", NULL) || legend_has (layout, "Same", NULL));
      g_assert_true (legend_has (layout, data->place, NULL));
      /* Its mark starts at zero, not left of it */
      for (guint i = 0; i < layout->hits->len; i++)
        {
          const CakChartHit *hit = &g_array_index (layout->hits, CakChartHit, i);

          if (hit->item == 3 && hit->rect.width < layout->font_px)
            g_assert_cmpfloat (hit->rect.x, >=, zero - 0.5);
        }
    }

  /* With a real fall the axis opens left, and the fall's colour is in the legend */
  for (guint i = 0; i < data->rows->len; i++)
    if (g_array_index (data->rows, CakIndicatorRow, i).change_pp > 1)
      {
        fell = i;
        break;
      }
  g_assert_cmpint (fell, >=, 0);
  g_array_index (data->rows, CakIndicatorRow, fell).change_pp = -1.2;
  {
    g_autoptr (CakChartLayout) layout
        = ctu_layout (CAK_CHART_CHANGE, data, CAK_CHART_THEME_LIGHT, 1920, 1080);
    CakColor color;

    g_assert_cmpfloat (cak_chart_change_x_of (layout, -1.2), >=, layout->plot.x - 0.5);
    g_assert_cmpfloat (cak_chart_change_x_of (layout, 0) - layout->plot.x, >, layout->font_px);
    g_assert_true (legend_has (layout, "Coverage fell", &color));
    g_assert_cmpfloat (color.r, ==, theme.loss.r);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/look/contrast", test_contrast);
  g_test_add_func ("/chart/look/change-zero", test_change_zero);
  return g_test_run ();
}
