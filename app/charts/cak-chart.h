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
#include "cak-indicators.h"
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

/* Items are indexes into CakChartData.rows; these stand for the rest. */
#define CAK_CHART_ITEM_NONE (-1)
#define CAK_CHART_ITEM_TOTAL (-2) /* the province (or the whole country) */
#define CAK_CHART_ITEM_REST                                                                        \
  (-3) /* the summary row of regencies left out between top and bottom                             \
        */

/* What every chart draws from: the regencies of one province (or of the country) in one period,
 * the comparison period and the history. The painters never read the dataset. */
typedef struct
{
  CakLang lang;
  const CakRegion *province; /* NULL: the whole country */
  CakPeriod period;
  CakPeriod compare; /* invalid when there is no comparison */

  GArray *rows;                  /* CakIndicatorRow, one per regency, in catalog order */
  CakIndicatorRow total;         /* the province's total in period */
  CakIndicatorRow compare_total; /* its total in compare; coverage NAN when unknown */
  /* The province's figures as an imported file states them (its province row), shown beside
   * the total Cakupan sums; has_stated is FALSE when no file states any. */
  gboolean has_stated;
  CakStatedFigures stated;

  /* History for the trend: coverage % by period, NAN where there is no data (a gap). */
  GArray *periods;        /* CakPeriod, oldest first, up to period */
  double *history;        /* (rows->len + 1) x periods->len; the last line is the total */
  double *history_target; /* periods->len: the province's target, NAN when none */

  char *place;   /* "Jawa Timur" or "Indonesia" */
  char *sources; /* the files, for the footer; NULL when unknown */
  char *as_of;   /* the date the figures are "per", for the footer */

  /* Options */
  double near_band;          /* percentage points below target that count as near; 0: no band */
  gboolean segments_percent; /* segments as 100% bars rather than people */
  GArray *trend_items;       /* int: regencies drawn in the trend besides the total */

  /* State shared with the window */
  int highlighted; /* the item under the pointer, CAK_CHART_ITEM_NONE for none */
  int selected;
} CakChartData;

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
  double width, height;
  double font_px;
  double title_px, subtitle_px; /* shrunk to fit narrow frames before anything is cut */
  double pad;
  CakRect title, subtitle, legend, plot, footer;
  char *title_text, *subtitle_text, *footer_text; /* kept by the frame for every redraw */
  GArray *hits;                                   /* CakChartHit, in drawing order */
  GArray *labels;                                 /* CakRect of every text drawn */
  PangoContext *context;                          /* text is measured in this */
  GHashTable *texts;                              /* shaped texts, kept for redraws */
  gpointer priv;                                  /* the painter's own geometry */
  GDestroyNotify priv_free;
} CakChartLayout;

const char *cak_chart_kind_to_id (CakChartKind kind);
gboolean cak_chart_kind_from_id (const char *id, CakChartKind *out_kind);
const char *cak_chart_kind_get_name (CakChartKind kind);

CakChartData *cak_chart_data_new (CakDataset *dataset, const char *province_code, CakPeriod period,
                                  CakPeriod compare, const char *sources, CakLang lang);
CakChartData *cak_chart_data_new_from_rows (const GArray *rows, const CakIndicatorRow *total,
                                            const char *sources, CakLang lang);
CakChartData *cak_chart_data_new_for_item (const CakChartData *data, int item);
CakChartData *cak_chart_data_ref (CakChartData *data);
CakPeriod cak_chart_default_compare (CakDataset *dataset, CakPeriod period);
void cak_chart_data_unref (CakChartData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CakChartData, cak_chart_data_unref)
int cak_chart_data_find_code (const CakChartData *data, const char *code);
const CakIndicatorRow *cak_chart_data_get_row (const CakChartData *data, int item);
double cak_chart_data_history (const CakChartData *data, int item, guint period_index);
char *cak_chart_data_describe_item (const CakChartData *data, int item);

char *cak_chart_format_pct (double value, int decimals, CakLang lang);
char *cak_chart_format_pp (double value, CakLang lang); /* "+1,2 pp" */

double cak_chart_font_px_for_size (double width, double height, const CakChartTheme *theme);

CakChartLayout *cak_chart_layout_new (CakChartKind kind, const CakChartData *data,
                                      const CakChartTheme *theme, PangoContext *context,
                                      double width, double height, double font_px);
void cak_chart_layout_free (CakChartLayout *layout);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CakChartLayout, cak_chart_layout_free)

double cak_chart_natural_height (CakChartKind kind, const CakChartData *data,
                                 const CakChartTheme *theme, double width, double font_px);
int cak_chart_hit_test (const CakChartLayout *layout, double x, double y);
gboolean cak_chart_find_item (const CakChartLayout *layout, int item, CakRect *out_rect);
void cak_chart_paint (cairo_t *cr, const CakChartData *data, const CakChartTheme *theme,
                      const CakChartLayout *layout);
void cak_chart_draw (cairo_t *cr, CakChartKind kind, const CakChartData *data,
                     const CakChartTheme *theme, double width, double height, double font_px);
char *cak_chart_describe (CakChartKind kind, const CakChartData *data);

PangoContext *cak_chart_create_context (cairo_t *cr);

gboolean cak_chart_export (CakChartKind kind, const CakChartData *data, const CakChartTheme *theme,
                           const char *path, double width, double height, double scale,
                           GError **error);
GBytes *cak_chart_render_png (CakChartKind kind, const CakChartData *data,
                              const CakChartTheme *theme, double width, double height, double scale,
                              GError **error);

G_END_DECLS
