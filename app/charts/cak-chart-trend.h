/* cak-chart-trend.h: the trend's geometry, left in layout->priv for the tests, and its pure parts
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cak-chart-private.h"

G_BEGIN_DECLS

typedef enum
{
  CAK_TREND_CONTEXT,  /* every regency, faint, when nobody chose any */
  CAK_TREND_EXTREME,  /* of those, the highest and the lowest in the latest period, labelled */
  CAK_TREND_NATIONAL, /* the whole country beside the province, for reference */
  CAK_TREND_PEER,     /* the province (or the country) chosen for comparison, named */
  CAK_TREND_SERIES,   /* a chosen regency, in a series colour */
  CAK_TREND_TOTAL,    /* the province, thick */
} CakTrendRole;

typedef struct
{
  int item; /* a regency, CAK_CHART_ITEM_TOTAL, CAK_CHART_ITEM_NATIONAL or CAK_CHART_ITEM_PEER */
  CakTrendRole role;
  guint color; /* into theme->series, for CAK_TREND_SERIES */
  double *y;   /* the device y of each period; NAN where there is no data (a gap) */
  int last;    /* the last period with a value */
} CakTrendLine;

/* A name at the end of a line (or of the target), in the column right of the plot. */
typedef struct
{
  int item; /* CAK_CHART_ITEM_NONE for the target */
  char *text;
  PangoWeight weight;
  CakRect rect;
  double anchor_x, anchor_y; /* the end of what it names */
  double y;                  /* the centre of the text, after spreading */
} CakTrendLabel;

/* One level of the stepped target: from x0 to x1 at y. */
typedef struct
{
  double x0, x1, y;
} CakTrendStep;

typedef struct
{
  char *text;
  double x, y, align, px;
} CakTrendText;

typedef struct
{
  guint start, length;
} CakTrendRun;

typedef struct
{
  guint n_periods;
  int selected; /* the item the view selects: drawn in colour and labelled */
  double *x; /* the device x of each period, by calendar time */
  double top, bottom;
  CakTicks ticks;
  GArray *lines;      /* CakTrendLine, in drawing order: context, extremes, series, the total */
  GArray *target;     /* CakTrendStep, left to right */
  GArray *end_labels; /* CakTrendLabel */
  GArray *texts;      /* CakTrendText: axis labels and notes */
  GArray *year_lines; /* double: the x of each new year */
  double label_px;
  double label_x;
  double label_w; /* names wider than this are cut short */
  gboolean has_gaps;
  guint n_legend;
  CakLegendEntry legend[1];
} CakTrendGeometry;

GArray *cak_trend_runs (const double *values, guint n);
gboolean cak_trend_spread (double *centres, const double *heights, guint n, double lo, double hi,
                           double gap);

G_END_DECLS
