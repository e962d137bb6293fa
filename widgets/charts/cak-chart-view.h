/* cak-chart-view.h: a widget that hosts a chart painter, with hover, selection and keys
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cak-chart-ranking.h"

G_BEGIN_DECLS

#define CAK_TYPE_CHART_VIEW (cak_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (CakChartView, cak_chart_view, CAK, CHART_VIEW, GtkWidget)

GtkWidget *cak_chart_view_new (void);
void cak_chart_view_set_model (CakChartView *self, CakRankingModel *model);
CakRankingModel *cak_chart_view_get_model (CakChartView *self);
void cak_chart_view_set_theme_kind (CakChartView *self, CakChartThemeKind kind);
const char *cak_chart_view_get_selected_code (CakChartView *self);
void cak_chart_view_select_code (CakChartView *self, const char *code);

G_END_DECLS
