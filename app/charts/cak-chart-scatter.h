/* cak-chart-scatter.h: the scatter's geometry, left in layout->priv for the tests
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cak-chart-private.h"

G_BEGIN_DECLS

typedef struct
{
  int item;
  double cx, cy, r;
} CakScatterBubble;

typedef enum
{
  CAK_SCATTER_AXIS,    /* ticks and the axes' names */
  CAK_SCATTER_TARGET,  /* the name of the target's line */
  CAK_SCATTER_AVERAGE, /* the name of the province's line */
  CAK_SCATTER_NAME,    /* a bubble's name */
} CakScatterTextKind;

typedef struct
{
  CakScatterTextKind kind;
  char *text;
  double x, y, align, px;
  PangoWeight weight;
  CakRect rect;
  int item; /* the bubble it names; CAK_CHART_ITEM_NONE for the others */
} CakScatterText;

typedef struct
{
  CakRect grid;     /* the axes' extent */
  CakRect area;     /* where values map to: the grid less room for the bubbles at its edges */
  CakTicks x_ticks; /* workforce, logarithmic */
  CakTicks y_ticks; /* coverage % */
  double r_max, r_min;
  double max_uncovered;
  GArray *bubbles;  /* CakScatterBubble, largest first (the order they are drawn) */
  GArray *texts;    /* CakScatterText: axes, lines, then the names of bubbles */
  double average_y; /* the province's coverage; NAN when unknown */
  double target_y;  /* its target; NAN when none */
  guint n_without;  /* regencies without data, not drawn */
  guint n_legend;
  CakLegendEntry legend[4];
  char *near_label;
} CakScatterGeometry;

G_END_DECLS
