/* cak-chart-theme.c: colours and type for the chart painters
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-chart-theme"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cak-chart-theme.h"

static CakColor
rgb (guint32 hex)
{
  return (CakColor){ ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                     (hex & 0xff) / 255.0, 1.0 };
}

/**
 * cak_chart_theme_init:
 *
 * Fills @theme. The bar colours come from the Okabe-Ito palette, told apart by readers with
 * any common colour-vision deficiency: blue for on target, orange for near it, vermillion for below
 * it. On a light background the palette's pale hues are darkened until they meet WCAG AA: 4.5:1
 * for every colour a label is drawn in (values, line names, the province's line), 3:1 for colours
 * only ever filled (the near band, segments); the darker near orange stays lighter than the
 * vermillion, so that the two differ in lightness as well as hue.
 */
void
cak_chart_theme_init (CakChartTheme *theme, CakChartThemeKind kind)
{
  g_return_if_fail (theme != NULL);

  memset (theme, 0, sizeof *theme);
  theme->kind = kind;
  theme->font_family = "Cantarell, Inter, DejaVu Sans, sans-serif";
  theme->font_scale = 1.0;
  theme->title_scale = 1.45;

  /* Okabe-Ito throughout, darkened for white (see above); each theme adjusts only what its
   * background needs. */
  theme->near = rgb (0xc47f00);
  theme->gain = rgb (0x0072b2);
  theme->loss = rgb (0xb84f00);
  theme->segment[0] = rgb (0x0072b2);
  theme->segment[1] = rgb (0xc47f00);
  theme->segment[2] = rgb (0x009e73);
  theme->segment[3] = rgb (0xc06a9b);
  theme->series[0] = rgb (0xa36200);
  theme->series[1] = rgb (0x007a59);
  theme->series[2] = rgb (0xa84c82);
  theme->series[3] = rgb (0x7a7000);
  theme->series[4] = rgb (0xb84f00);
  theme->series[5] = rgb (0x707070);

  switch (kind)
    {
      case CAK_CHART_THEME_DARK:
        theme->background = rgb (0x242424);
        theme->text = rgb (0xf6f5f4);
        theme->muted = rgb (0xc0bfbc);
        theme->grid = rgb (0x3d3d3d);
        theme->bar = rgb (0x56b4e9);
        theme->track = rgb (0x383838);
        theme->target = rgb (0xffffff);
        theme->average = rgb (0xcc79a7);
        theme->highlight = rgb (0x4a4a4a);
        theme->near = rgb (0xf0e442);
        theme->segment[0] = rgb (0x56b4e9);
        theme->gain = rgb (0x56b4e9);
        theme->loss = rgb (0xf07e3c);
        theme->below = rgb (0xf07e3c);
        theme->segment[1] = rgb (0xe69f00);
        theme->segment[3] = rgb (0xcc79a7);
        theme->series[0] = rgb (0xe69f00);
        theme->series[1] = rgb (0x009e73);
        theme->series[2] = rgb (0xcc79a7);
        theme->series[3] = rgb (0xf0e442);
        theme->series[4] = rgb (0xf07e3c);
        theme->series[5] = rgb (0x999999);
        break;
      case CAK_CHART_THEME_PROJECTOR:
        /* Projectors wash out pale tints: strong contrast, heavier type. */
        theme->background = rgb (0xffffff);
        theme->text = rgb (0x000000);
        theme->muted = rgb (0x333333);
        theme->grid = rgb (0xbdbdbd);
        theme->bar = rgb (0x0058a0);
        /* Darker still: the key figures' cards are grey here */
        theme->below = rgb (0x9a4200);
        theme->gain = rgb (0x0058a0);
        theme->loss = rgb (0x9a4200);
        theme->track = rgb (0xd8d8d8);
        theme->target = rgb (0x000000);
        theme->average = rgb (0x7a1f5c);
        theme->highlight = rgb (0xfff2b3);
        theme->font_scale = 1.35;
        break;
      case CAK_CHART_THEME_PROJECTOR_DARK:
        /* A dark hall: white type on black, the palette's lighter tints, no greys that a
         * projector turns into the black around them. */
        theme->background = rgb (0x000000);
        theme->text = rgb (0xffffff);
        theme->muted = rgb (0xd6d6d6);
        theme->grid = rgb (0x5c5c5c);
        theme->bar = rgb (0x56b4e9);
        theme->below = rgb (0xff7f2a);
        theme->near = rgb (0xf0e442);
        theme->segment[1] = rgb (0xe69f00);
        theme->segment[2] = rgb (0x009e73);
        theme->series[0] = rgb (0xe69f00);
        theme->series[1] = rgb (0x009e73);
        theme->track = rgb (0x3a3a3a);
        theme->target = rgb (0xffffff);
        theme->average = rgb (0xff8fd0);
        theme->highlight = rgb (0x4a3f00);
        theme->gain = rgb (0x56b4e9);
        theme->loss = rgb (0xff7f2a);
        theme->segment[0] = rgb (0x56b4e9);
        theme->segment[3] = rgb (0xe58fc4);
        theme->series[2] = rgb (0xe58fc4);
        theme->series[3] = rgb (0xbfe3ff);
        theme->series[4] = rgb (0xff7f2a);
        theme->series[5] = rgb (0xb8b8b8);
        theme->font_scale = 1.35;
        break;
      case CAK_CHART_THEME_LIGHT:
      default:
        theme->background = rgb (0xffffff);
        theme->text = rgb (0x1e1e1e);
        theme->muted = rgb (0x5e5c64);
        theme->grid = rgb (0xe6e5e3);
        theme->bar = rgb (0x0072b2);
        theme->below = rgb (0xb84f00);
        theme->track = rgb (0xe8e8e7);
        theme->target = rgb (0x1e1e1e);
        theme->average = rgb (0xb8307a);
        theme->highlight = rgb (0xf0f4fa);
        break;
    }
}

gboolean
cak_chart_theme_kind_from_name (const char *name, CakChartThemeKind *out_kind)
{
  static const char *const names[] = { "light", "dark", "projector", "projector-dark" };

  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      {
        if (out_kind)
          *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * cak_chart_theme_is_projector:
 *
 * Returns: whether @theme is one of the projector's, light or dark
 */
gboolean
cak_chart_theme_is_projector (const CakChartTheme *theme)
{
  g_return_val_if_fail (theme != NULL, FALSE);

  return theme->kind == CAK_CHART_THEME_PROJECTOR || theme->kind == CAK_CHART_THEME_PROJECTOR_DARK;
}

static double
luminance (CakColor c)
{
  double v[3] = { c.r, c.g, c.b };

  for (guint i = 0; i < 3; i++)
    v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

/**
 * cak_color_contrast:
 *
 * Returns: the WCAG 2 contrast ratio of @a and @b, from 1 to 21 (opacity is not looked at)
 */
double
cak_color_contrast (CakColor a, CakColor b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}
