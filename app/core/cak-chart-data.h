/* cak-chart-data.h: the snapshot every chart, slide and export draws from
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cak-indicators.h"
#include "cak-lang.h"

G_BEGIN_DECLS

/* Items are indexes into CakChartData.rows; these stand for the rest. */
#define CAK_CHART_ITEM_NONE (-1)
#define CAK_CHART_ITEM_TOTAL (-2) /* the province (or the whole country) */
#define CAK_CHART_ITEM_NATIONAL (-4) /* the whole country, beside a province */
#define CAK_CHART_ITEM_PEER (-5)     /* the province (or the country) chosen for comparison */
/* The peer code that stands for the whole country */
#define CAK_CHART_PEER_COUNTRY "ID"
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

  gboolean by_province; /* rows are the provinces of the country, not regencies */
  GArray *rows;         /* CakIndicatorRow, one per regency (or province), in catalog order */
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

  /* The whole country beside a province, when the files hold other provinces too: its total
   * in period and its coverage in each period of the history (NAN where unknown). */
  gboolean has_national;
  CakIndicatorRow national;
  double *national_history; /* periods->len, or NULL */

  /* A second province (or the whole country) beside this one, chosen for comparison: its total
   * in period and in compare, computed as its own charts compute them, and its coverage in each
   * period of the history (NAN where unknown). See cak_chart_data_set_peer(). */
  gboolean has_peer;
  char *peer_code;  /* a province's code, or CAK_CHART_PEER_COUNTRY */
  char *peer_place; /* "Jawa Tengah" or "Indonesia" */
  CakIndicatorRow peer;
  CakIndicatorRow peer_compare; /* coverage NAN when unknown */
  double *peer_history;         /* periods->len, or NULL */

  char *place;   /* "Jawa Timur" or "Indonesia" */
  char *sources; /* the files, for the footer; NULL when unknown */
  char *as_of;   /* the date the figures are "per", for the footer */

  /* Options */
  double near_band;          /* percentage points below target that count as near; 0: no band */
  gboolean segments_percent; /* segments as 100% bars rather than people */
  GArray *trend_items;       /* int: regencies drawn in the trend besides the total */
} CakChartData;

/* The snapshot holds no view state: what a view selects or points at is its own (CakChartFocus
 * in cak-chart.h), so one snapshot serves the window, the slides and the exports at once. */

CakChartData *cak_chart_data_new (CakDataset *dataset, const char *province_code, CakPeriod period,
                                  CakPeriod compare, const char *sources, CakLang lang);
CakChartData *cak_chart_data_new_provinces (CakDataset *dataset, CakPeriod period,
                                            CakPeriod compare, const char *sources, CakLang lang);
CakChartData *cak_chart_data_new_from_rows (const GArray *rows, const CakIndicatorRow *total,
                                            const char *sources, CakLang lang);
CakChartData *cak_chart_data_new_for_item (const CakChartData *data, int item);
CakChartData *cak_chart_data_ref (CakChartData *data);
CakPeriod cak_chart_default_compare (CakDataset *dataset, CakPeriod period);
void cak_chart_data_unref (CakChartData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CakChartData, cak_chart_data_unref)
int cak_chart_data_find_code (const CakChartData *data, const char *code);
gboolean cak_chart_data_set_peer (CakChartData *data, CakDataset *dataset, const char *peer_code);
gboolean cak_chart_data_can_peer (const CakChartData *data, CakDataset *dataset,
                                  const char *peer_code);
const CakIndicatorRow *cak_chart_data_get_row (const CakChartData *data, int item);
double cak_chart_data_history (const CakChartData *data, int item, guint period_index);

G_END_DECLS
