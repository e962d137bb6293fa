/* cak-chart-theme.h: colours and type for the chart painters
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CAK_CHART_THEME_LIGHT,
  CAK_CHART_THEME_DARK,
  CAK_CHART_THEME_PROJECTOR,
  CAK_CHART_THEME_PROJECTOR_DARK,
} CakChartThemeKind;

typedef struct
{
  double r, g, b, a;
} CakColor;

/* A theme is a plain value that the caller owns: painters keep no colours of their own. */
typedef struct
{
  CakChartThemeKind kind;
  CakColor background;
  CakColor text;
  CakColor muted; /* subtitles, axis labels, footers */
  CakColor grid;
  CakColor bar;     /* at or above target, or every bar when there are no targets */
  CakColor below;   /* below target */
  CakColor track;   /* the empty part of a bar, the hatching of "no data" */
  CakColor target;  /* target marks */
  CakColor average; /* the province average line */
  CakColor highlight;
  CakColor near;       /* within the near band below target */
  CakColor gain, loss; /* change since the comparison period */
  CakColor segment[4]; /* PU, BPU, Jakon, PMI */
  CakColor series[6];  /* trend lines for chosen regions, after the province's */
  const char *font_family;
  double font_scale; /* 1.0 in the window; larger for the projector */
  /* Type in the frame: the title's size in body sizes, and the smallest size a painter may shrink
   * row labels to before it summarises rows instead (0: the painter's own). Slides raise both. */
  double title_scale;
  double label_min_scale;
} CakChartTheme;

gboolean cak_chart_theme_is_projector (const CakChartTheme *theme);
double cak_color_contrast (CakColor a, CakColor b);

void cak_chart_theme_init (CakChartTheme *theme, CakChartThemeKind kind);
gboolean cak_chart_theme_kind_from_name (const char *name, CakChartThemeKind *out_kind);

G_END_DECLS
