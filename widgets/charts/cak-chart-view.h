/* cak-chart-view.h: a widget that hosts any chart painter, with hover, selection and keys
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cak-chart.h"

G_BEGIN_DECLS

#define CAK_TYPE_CHART_VIEW (cak_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (CakChartView, cak_chart_view, CAK, CHART_VIEW, GtkWidget)

GtkWidget *cak_chart_view_new (CakChartKind kind);
void cak_chart_view_set_kind (CakChartView *self, CakChartKind kind);
CakChartKind cak_chart_view_get_kind (CakChartView *self);
void cak_chart_view_set_data (CakChartView *self, CakChartData *data);
CakChartData *cak_chart_view_get_data (CakChartView *self);
void cak_chart_view_set_theme_kind (CakChartView *self, CakChartThemeKind kind);
const CakChartTheme *cak_chart_view_get_theme (CakChartView *self);
const CakChartLayout *cak_chart_view_get_layout (CakChartView *self);
const char *cak_chart_view_get_selected_code (CakChartView *self);
void cak_chart_view_select_code (CakChartView *self, const char *code);
int cak_chart_view_get_highlighted (CakChartView *self);
double cak_chart_view_get_zoom (CakChartView *self);
gboolean cak_chart_view_zoom_in (CakChartView *self);
gboolean cak_chart_view_zoom_out (CakChartView *self);
void cak_chart_view_zoom_reset (CakChartView *self);

G_END_DECLS
