/* cak-chart-ranking.h: coverage by regency as ranked horizontal bars
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "cak-chart-scale.h"
#include "cak-chart-theme.h"
#include "cak-indicators.h"
#include "cak-lang.h"

G_BEGIN_DECLS

typedef struct
{
  char *label;
  const CakRegion *region;
  double value;  /* coverage %, NAN for no data */
  double target; /* target %, NAN when none */
  double numerator;
  double denominator;
} CakRankingItem;

/* What the ranking shows: items in drawing order, top first. */
typedef struct
{
  char *title;
  char *subtitle;
  char *footer;
  GArray *items;  /* CakRankingItem */
  double average; /* the province's coverage, NAN when unknown */
  char *average_label;
  CakLang lang;
  int highlighted; /* item under the pointer, -1 for none */
  int selected;    /* -1 for none */
} CakRankingModel;

typedef struct
{
  double x, y, width, height;
} CakRect;

/* Where everything goes: computed from the model and the size alone, tested without drawing. */
typedef struct
{
  double width, height;
  double font_px;
  double pad;
  CakRect title, subtitle, legend;
  CakRect plot; /* the bars' area; x maps the ticks' range */
  CakRect footer;
  double label_right; /* region names end here, right-aligned */
  double row_height;
  double bar_height;
  double label_font_px;
  CakTicks ticks;
  gboolean has_targets;
} CakRankingLayout;

CakRankingModel *cak_ranking_model_new (const GArray *rows, const CakIndicatorRow *total,
                                        const char *sources, CakLang lang);
void cak_ranking_model_free (CakRankingModel *model);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CakRankingModel, cak_ranking_model_free)

double cak_chart_ranking_natural_height (const CakRankingModel *model, const CakChartTheme *theme,
                                         double font_px);
void cak_chart_ranking_layout (const CakRankingModel *model, const CakChartTheme *theme,
                               PangoContext *context, double width, double height, double font_px,
                               CakRankingLayout *out_layout);
int cak_chart_ranking_hit_test (const CakRankingLayout *layout, const CakRankingModel *model,
                                double x, double y);
double cak_chart_ranking_x (const CakRankingLayout *layout, double value);
void cak_chart_ranking_draw (cairo_t *cr, const CakRankingModel *model, const CakChartTheme *theme,
                             double width, double height, double font_px);
void cak_chart_ranking_paint (cairo_t *cr, const CakRankingModel *model, const CakChartTheme *theme,
                              const CakRankingLayout *layout);
char *cak_chart_ranking_describe (const CakRankingModel *model);

G_END_DECLS
