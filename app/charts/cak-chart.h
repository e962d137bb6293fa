/* cak-chart.h: every chart, drawn from one model by a painter chosen by kind
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "cak-chart-scale.h"
#include "cak-chart-theme.h"
#include "cak-chart-data.h"
#include "cak-lang.h"

G_BEGIN_DECLS

typedef enum
{
  CAK_CHART_RANKING,
  CAK_CHART_COVERAGE_WORKFORCE,
  CAK_CHART_SEGMENTS,
  CAK_CHART_TREND,
  CAK_CHART_SCATTER,
  CAK_CHART_CHANGE,
  CAK_CHART_KPI,
  CAK_CHART_MAP,
  CAK_CHART_TILEMAP,
  CAK_N_CHART_KINDS
} CakChartKind;

/* What a view shows of the model: the item selected (its labels are placed by the layout) and the
 * one under the pointer. Each view keeps its own; the model is shared.
 *
 * Charts that zoom (the map) also take the view's zoom: 1 (or 0, as a focus written { sel, hi }
 * has) shows the whole chart; above 1 the plot is magnified by @zoom about the point
 * (@center_x, @center_y) of the whole chart's plot, in fractions of its width and height (0.5,
 * 0.5 is its middle). cak_chart_focus_zoom() and cak_chart_focus_pan() change them as a pointer
 * or the keyboard asks and keep the view inside the chart. */
typedef struct
{
  int selected;
  int highlighted;
  double zoom;
  double center_x, center_y;
} CakChartFocus;

#define CAK_CHART_ZOOM_MAX 32.0

typedef struct
{
  double x, y, width, height;
} CakRect;

typedef struct
{
  CakRect rect;
  int item;
} CakChartHit;

/* Where everything goes: computed from the data, the theme and the size alone, tested without
 * drawing. Every text placed is in labels, every item's mark in hits. */
typedef struct
{
  CakChartKind kind;
  CakChartFocus focus; /* what the layout was computed for */
  double width, height;
  double font_px;
  double title_px, subtitle_px; /* shrunk to fit narrow frames before anything is cut */
  double pad;
  CakRect title, subtitle, legend, plot, footer;
  char *title_text, *subtitle_text, *footer_text; /* kept by the frame for every redraw */
  GArray *hits;                                   /* CakChartHit, in drawing order */
  GArray *labels;                                 /* CakRect of every text drawn */
  GPtrArray *placed;                              /* char *: the texts placed, for the tests */
  PangoContext *context;                          /* text is measured in this */
  GHashTable *texts;                              /* shaped texts, kept for redraws */
  gpointer priv;                                  /* the painter's own geometry */
  GDestroyNotify priv_free;
} CakChartLayout;

const char *cak_chart_kind_to_id (CakChartKind kind);
gboolean cak_chart_kind_from_id (const char *id, CakChartKind *out_kind);
const char *cak_chart_kind_get_name (CakChartKind kind);

char *cak_chart_data_describe_item (const CakChartData *data, int item);

char *cak_chart_format_pct (double value, int decimals, CakLang lang);
char *cak_chart_format_pp (double value, CakLang lang); /* "+1,2 pp" */

double cak_chart_font_px_for_size (double width, double height, const CakChartTheme *theme);

CakChartFocus cak_chart_focus_none (void);
gboolean cak_chart_kind_can_zoom (CakChartKind kind);
double cak_chart_focus_get_zoom (const CakChartFocus *focus);
gboolean cak_chart_focus_same_view (const CakChartFocus *a, const CakChartFocus *b);

CakChartLayout *cak_chart_layout_new (CakChartKind kind, const CakChartData *data,
                                      const CakChartFocus *focus, const CakChartTheme *theme,
                                      PangoContext *context, double width, double height,
                                      double font_px);
void cak_chart_layout_free (CakChartLayout *layout);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CakChartLayout, cak_chart_layout_free)

double cak_chart_natural_height (CakChartKind kind, const CakChartData *data,
                                 const CakChartTheme *theme, double width, double font_px);
int cak_chart_hit_test (const CakChartLayout *layout, double x, double y);
gboolean cak_chart_find_item (const CakChartLayout *layout, int item, CakRect *out_rect);
gboolean cak_chart_focus_zoom (CakChartFocus *focus, const CakChartLayout *layout, double factor,
                               double x, double y);
gboolean cak_chart_focus_pan (CakChartFocus *focus, const CakChartLayout *layout, double dx,
                              double dy);
gboolean cak_chart_focus_reveal (CakChartFocus *focus, const CakChartLayout *layout, int item);
void cak_chart_paint (cairo_t *cr, const CakChartData *data, const CakChartFocus *focus,
                      const CakChartTheme *theme, const CakChartLayout *layout);
void cak_chart_draw (cairo_t *cr, CakChartKind kind, const CakChartData *data,
                     const CakChartFocus *focus, const CakChartTheme *theme, double width,
                     double height, double font_px);
char *cak_chart_describe (CakChartKind kind, const CakChartData *data);

/* Charts drawn in two parts (the maps): what changes with neither the pointer nor the selection,
 * which a view may keep as an image, and what is drawn over it for the focus. Together they draw
 * what cak_chart_paint() does. */
gboolean cak_chart_kind_has_base (CakChartKind kind);
void cak_chart_paint_base (cairo_t *cr, const CakChartData *data, const CakChartTheme *theme,
                           const CakChartLayout *layout);
void cak_chart_paint_over (cairo_t *cr, const CakChartData *data, const CakChartFocus *focus,
                           const CakChartTheme *theme, const CakChartLayout *layout);

PangoContext *cak_chart_create_context (cairo_t *cr);

gboolean cak_chart_export (CakChartKind kind, const CakChartData *data, const CakChartTheme *theme,
                           const char *path, double width, double height, double scale,
                           GError **error);
GBytes *cak_chart_render_png (CakChartKind kind, const CakChartData *data,
                              const CakChartTheme *theme, double width, double height, double scale,
                              GError **error);

G_END_DECLS
