/* cak-chart-data.c: the snapshot every chart, slide and export draws from
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-chart-data"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cak-chart-data.h"

static char *
format_today (CakLang lang)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  CakPeriod month = cak_period_month (g_date_time_get_year (now), g_date_time_get_month (now));
  g_autofree char *month_name = cak_period_format (month, lang);

  return g_strdup_printf ("%d %s", g_date_time_get_day_of_month (now), month_name);
}

static CakChartData *
data_new (CakLang lang, const char *sources)
{
  CakChartData *data = g_rc_box_new0 (CakChartData);

  data->lang = lang;
  data->sources = g_strdup (sources);
  data->as_of = format_today (lang);
  data->periods = g_array_new (FALSE, FALSE, sizeof (CakPeriod));
  data->trend_items = g_array_new (FALSE, FALSE, sizeof (int));
  data->compare = CAK_PERIOD_INIT_NONE;
  data->near_band = 5.0;
  data->total.coverage_pct = data->compare_total.coverage_pct = NAN;
  data->peer.coverage_pct = data->peer_compare.coverage_pct = NAN;
  return data;
}

static int
compare_rows_by_code (gconstpointer a, gconstpointer b)
{
  return strcmp (((const CakIndicatorRow *)a)->region->code,
                 ((const CakIndicatorRow *)b)->region->code);
}

/* A regency the files say nothing about is still one of the province's: it is drawn as no
 * data, never left out (and never drawn as zero). */
static void
add_missing_regencies (GArray *rows, CakDataset *dataset, const char *province_code,
                       CakPeriod period)
{
  CakRegionCatalog *catalog = cak_dataset_get_catalog (dataset);
  g_autoptr (GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) provinces = g_hash_table_new (g_str_hash, g_str_equal);
  guint before = rows->len;

  if (province_code)
    g_hash_table_add (provinces, (gpointer)province_code);
  for (guint i = 0; i < rows->len; i++)
    {
      const CakRegion *region = g_array_index (rows, CakIndicatorRow, i).region;

      g_hash_table_add (present, (gpointer)region->code);
      g_hash_table_add (provinces, (gpointer)region->province_code);
    }
  for (guint i = 0; i < cak_region_catalog_get_n_regions (catalog); i++)
    {
      const CakRegion *region = cak_region_catalog_get_region (catalog, i);
      CakIndicatorRow row;

      if (region->kind == CAK_REGION_KIND_PROVINCE
          || !g_hash_table_contains (provinces, region->province_code)
          || g_hash_table_contains (present, region->code))
        continue;
      cak_indicators_compute_row (dataset, region, period, &row);
      g_array_append_val (rows, row);
    }
  if (rows->len != before)
    g_array_sort (rows, compare_rows_by_code);
}

/**
 * cak_chart_data_new:
 * @province_code: (nullable): a province's code, or %NULL for every regency of the country
 * @compare: the period to measure change from, or an invalid period for none
 * @sources: (nullable): the files the figures come from, for the footers
 *
 * Computes what every chart needs from @dataset: the regencies' figures in @period and
 * @compare, the totals, and coverage in every reporting period up to @period for the trend.
 *
 * Returns: (transfer full): the model
 */
CakChartData *
cak_chart_data_new (CakDataset *dataset, const char *province_code, CakPeriod period,
                    CakPeriod compare, const char *sources, CakLang lang)
{
  CakChartData *data;
  CakRegionCatalog *catalog;
  g_autoptr (GArray) all_periods = NULL;
  guint n_rows, n_periods;

  g_return_val_if_fail (CAK_IS_DATASET (dataset), NULL);

  catalog = cak_dataset_get_catalog (dataset);
  data = data_new (lang, sources);
  data->period = period;
  data->compare = compare;
  data->province = province_code ? cak_region_catalog_lookup_code (catalog, province_code) : NULL;
  data->place = g_strdup (data->province ? data->province->name : "Indonesia");
  data->rows = cak_indicators_compute_regencies (dataset, province_code, period, compare);
  add_missing_regencies (data->rows, dataset, province_code, period);
  cak_indicators_compute_province (dataset, data->rows, data->province, period, &data->total);
  if (data->province)
    {
      const CakStatedFigures *stated = cak_dataset_get_stated (dataset, data->province, period);

      data->has_stated = stated != NULL;
      if (stated)
        data->stated = *stated;
    }

  if (cak_period_is_valid (compare))
    {
      g_autoptr (GArray) before = cak_indicators_compute_regencies (dataset, province_code, compare,
                                                                    CAK_PERIOD_INIT_NONE);

      cak_indicators_compute_province (dataset, before, data->province, compare,
                                       &data->compare_total);
      if (!isnan (data->compare_total.coverage_pct) && !isnan (data->total.coverage_pct))
        data->total.change_pp = data->total.coverage_pct - data->compare_total.coverage_pct;
    }

  /* Coverage in each reporting period of the same kind (months with months, years with years),
   * up to the chosen one. */
  all_periods = cak_dataset_get_reporting_periods (dataset);
  for (guint i = 0; i < all_periods->len; i++)
    {
      CakPeriod p = g_array_index (all_periods, CakPeriod, i);

      if (p.kind == period.kind && cak_period_compare (p, period) <= 0)
        g_array_append_val (data->periods, p);
    }
  n_rows = data->rows->len;
  n_periods = data->periods->len;
  data->history = g_new (double, (gsize)(n_rows + 1) * MAX (1u, n_periods));
  data->history_target = g_new (double, MAX (1u, n_periods));
  for (guint p = 0; p < n_periods; p++)
    {
      CakPeriod when = g_array_index (data->periods, CakPeriod, p);
      g_autoptr (GArray) rows = NULL;
      CakIndicatorRow total;

      if (cak_period_equal (when, period))
        rows = g_array_ref (data->rows);
      else
        {
          rows = g_array_sized_new (FALSE, TRUE, sizeof (CakIndicatorRow), n_rows);
          for (guint r = 0; r < n_rows; r++)
            {
              CakIndicatorRow row;

              cak_indicators_compute_row (
                  dataset, g_array_index (data->rows, CakIndicatorRow, r).region, when, &row);
              g_array_append_val (rows, row);
            }
        }
      for (guint r = 0; r < n_rows; r++)
        data->history[(gsize)r * n_periods + p]
            = g_array_index (rows, CakIndicatorRow, r).coverage_pct;
      cak_indicators_compute_province (dataset, rows, data->province, when, &total);
      data->history[(gsize)n_rows * n_periods + p] = total.coverage_pct;
      data->history_target[p] = total.target_pct;
    }
  /* The whole country beside the province, when the files hold other provinces too */
  if (data->province && n_periods > 0)
    {
      g_autoptr (GPtrArray) provinces = cak_dataset_get_provinces (dataset);

      if (provinces->len > 1)
        {
          data->national.coverage_pct = NAN;
          data->national_history = g_new (double, n_periods);
          for (guint p = 0; p < n_periods; p++)
            {
              CakPeriod when = g_array_index (data->periods, CakPeriod, p);
              g_autoptr (GArray) all
                  = cak_indicators_compute_regencies (dataset, NULL, when, CAK_PERIOD_INIT_NONE);
              CakIndicatorRow total;

              cak_indicators_compute_province (dataset, all, NULL, when, &total);
              data->national_history[p] = total.coverage_pct;
              if (cak_period_equal (when, period))
                data->national = total;
            }
          data->has_national = !isnan (data->national.coverage_pct);
        }
    }
  return data;
}

/* The history of the trend from a row set per period: coverage of each row and of the total. */
static void
fill_history (CakChartData *data, CakDataset *dataset, CakPeriod period,
              GArray *(*rows_in) (CakDataset *dataset, const CakChartData *data, CakPeriod when))
{
  g_autoptr (GArray) all_periods = cak_dataset_get_reporting_periods (dataset);
  guint n_rows = data->rows->len, n_periods;

  for (guint i = 0; i < all_periods->len; i++)
    {
      CakPeriod p = g_array_index (all_periods, CakPeriod, i);

      if (p.kind == period.kind && cak_period_compare (p, period) <= 0)
        g_array_append_val (data->periods, p);
    }
  n_periods = data->periods->len;
  data->history = g_new (double, (gsize)(n_rows + 1) * MAX (1u, n_periods));
  data->history_target = g_new (double, MAX (1u, n_periods));
  for (guint p = 0; p < n_periods; p++)
    {
      CakPeriod when = g_array_index (data->periods, CakPeriod, p);
      g_autoptr (GArray) rows = rows_in (dataset, data, when);
      g_autoptr (GArray) regencies
          = cak_indicators_compute_regencies (dataset, NULL, when, CAK_PERIOD_INIT_NONE);
      CakIndicatorRow total;

      g_assert (rows->len == n_rows);
      for (guint r = 0; r < n_rows; r++)
        data->history[(gsize)r * n_periods + p]
            = g_array_index (rows, CakIndicatorRow, r).coverage_pct;
      cak_indicators_compute_province (dataset, regencies, NULL, when, &total);
      data->history[(gsize)n_rows * n_periods + p] = total.coverage_pct;
      data->history_target[p] = total.target_pct;
    }
}

static GArray *
provinces_in (CakDataset *dataset, const CakChartData *data, CakPeriod when)
{
  return cak_indicators_compute_provinces (dataset, when, CAK_PERIOD_INIT_NONE);
}

/**
 * cak_chart_data_new_provinces:
 * @compare: the period to measure change from, or an invalid period for none
 * @sources: (nullable): the files the figures come from, for the footers
 *
 * The whole country by province: a row per province of the catalog (its regencies' total,
 * ranked among the provinces), the country's total, and the history for the trend. Charts
 * drawn from it compare provinces as the province's charts compare regencies.
 *
 * Returns: (transfer full): the model
 */
CakChartData *
cak_chart_data_new_provinces (CakDataset *dataset, CakPeriod period, CakPeriod compare,
                              const char *sources, CakLang lang)
{
  CakChartData *data;
  g_autoptr (GArray) regencies = NULL;

  g_return_val_if_fail (CAK_IS_DATASET (dataset), NULL);

  data = data_new (lang, sources);
  data->by_province = TRUE;
  data->period = period;
  data->compare = compare;
  data->province = NULL;
  data->place = g_strdup ("Indonesia");
  data->rows = cak_indicators_compute_provinces (dataset, period, compare);
  regencies = cak_indicators_compute_regencies (dataset, NULL, period, CAK_PERIOD_INIT_NONE);
  cak_indicators_compute_province (dataset, regencies, NULL, period, &data->total);
  if (cak_period_is_valid (compare))
    {
      g_autoptr (GArray) before
          = cak_indicators_compute_regencies (dataset, NULL, compare, CAK_PERIOD_INIT_NONE);

      cak_indicators_compute_province (dataset, before, NULL, compare, &data->compare_total);
      if (!isnan (data->compare_total.coverage_pct) && !isnan (data->total.coverage_pct))
        data->total.change_pp = data->total.coverage_pct - data->compare_total.coverage_pct;
    }
  fill_history (data, dataset, period, provinces_in);
  return data;
}

/**
 * cak_chart_default_compare:
 *
 * Returns: the period to compare @period with when nobody chose one: the same period a year
 * earlier when the files have it (December 2023 for December 2024), else none
 */
CakPeriod
cak_chart_default_compare (CakDataset *dataset, CakPeriod period)
{
  g_autoptr (GArray) periods = NULL;
  CakPeriod before = period;

  g_return_val_if_fail (CAK_IS_DATASET (dataset), CAK_PERIOD_INIT_NONE);

  if (!cak_period_is_valid (period))
    return CAK_PERIOD_INIT_NONE;
  before.year--;
  periods = cak_dataset_get_reporting_periods (dataset);
  for (guint i = 0; i < periods->len; i++)
    if (cak_period_equal (g_array_index (periods, CakPeriod, i), before))
      return before;
  return CAK_PERIOD_INIT_NONE;
}

/**
 * cak_chart_data_new_from_rows:
 * @rows: (element-type CakIndicatorRow): regencies of one period
 * @total: (nullable): their total
 *
 * A model without history or comparison, for tests and callers that computed rows already.
 *
 * Returns: (transfer full): the model
 */
CakChartData *
cak_chart_data_new_from_rows (const GArray *rows, const CakIndicatorRow *total, const char *sources,
                              CakLang lang)
{
  CakChartData *data;

  g_return_val_if_fail (rows != NULL, NULL);

  data = data_new (lang, sources);
  data->rows = g_array_sized_new (FALSE, TRUE, sizeof (CakIndicatorRow), rows->len);
  g_array_append_vals (data->rows, rows->data, rows->len);
  if (total)
    {
      data->total = *total;
      data->province = total->region;
      data->period = total->period;
    }
  else if (rows->len > 0)
    data->period = g_array_index (rows, CakIndicatorRow, 0).period;
  data->place = g_strdup (data->province ? data->province->name : "Indonesia");
  data->history = g_new (double, 1);
  data->history_target = g_new (double, 1);
  return data;
}

static void
data_clear (gpointer p)
{
  CakChartData *data = p;

  g_clear_pointer (&data->rows, g_array_unref);
  g_clear_pointer (&data->periods, g_array_unref);
  g_clear_pointer (&data->trend_items, g_array_unref);
  g_free (data->history);
  g_free (data->history_target);
  g_free (data->national_history);
  g_free (data->peer_history);
  g_free (data->peer_code);
  g_free (data->peer_place);
  g_free (data->place);
  g_free (data->sources);
  g_free (data->as_of);
}

CakChartData *
cak_chart_data_ref (CakChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return g_rc_box_acquire (data);
}

void
cak_chart_data_unref (CakChartData *data)
{
  if (data != NULL)
    g_rc_box_release_full (data, data_clear);
}

/**
 * cak_chart_data_new_for_item:
 * @item: a regency of @data
 *
 * Returns: (transfer full): a model of that one regency, with the same total, periods and
 * history, for the detail panel's charts (its trend, its segments)
 */
CakChartData *
cak_chart_data_new_for_item (const CakChartData *data, int item)
{
  CakChartData *one;
  guint n_periods;
  int zero = 0;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (item >= 0 && (guint)item < data->rows->len, NULL);

  one = data_new (data->lang, data->sources);
  g_free (one->as_of);
  one->as_of = g_strdup (data->as_of);
  one->province = data->province;
  one->period = data->period;
  one->compare = data->compare;
  one->total = data->total;
  one->compare_total = data->compare_total;
  one->near_band = data->near_band;
  one->segments_percent = data->segments_percent;
  one->place = g_strdup (data->place);
  one->rows = g_array_sized_new (FALSE, TRUE, sizeof (CakIndicatorRow), 1);
  g_array_append_val (one->rows, g_array_index (data->rows, CakIndicatorRow, item));
  g_array_append_vals (one->periods, data->periods->data, data->periods->len);
  n_periods = data->periods->len;
  one->history = g_new (double, 2 * MAX (1u, n_periods));
  one->history_target = g_new (double, MAX (1u, n_periods));
  for (guint p = 0; p < n_periods; p++)
    {
      one->history[p] = cak_chart_data_history (data, item, p);
      one->history[n_periods + p] = cak_chart_data_history (data, CAK_CHART_ITEM_TOTAL, p);
      one->history_target[p] = data->history_target[p];
    }
  one->has_national = data->has_national;
  one->national = data->national;
  if (data->national_history)
    one->national_history = g_memdup2 (data->national_history, sizeof (double) * n_periods);
  g_array_append_val (one->trend_items, zero);
  return one;
}

/**
 * cak_chart_data_find_code:
 *
 * Returns: the item of the regency with @code, or %CAK_CHART_ITEM_NONE
 */
int
cak_chart_data_find_code (const CakChartData *data, const char *code)
{
  g_return_val_if_fail (data != NULL, CAK_CHART_ITEM_NONE);

  if (code == NULL)
    return CAK_CHART_ITEM_NONE;
  if (data->province && g_strcmp0 (code, data->province->code) == 0)
    return CAK_CHART_ITEM_TOTAL;
  for (guint i = 0; i < data->rows->len; i++)
    if (g_strcmp0 (g_array_index (data->rows, CakIndicatorRow, i).region->code, code) == 0)
      return i;
  return CAK_CHART_ITEM_NONE;
}

/**
 * cak_chart_data_get_row:
 *
 * Returns: (nullable): the figures of @item: a regency, or the total for %CAK_CHART_ITEM_TOTAL
 */
const CakIndicatorRow *
cak_chart_data_get_row (const CakChartData *data, int item)
{
  g_return_val_if_fail (data != NULL, NULL);

  if (item == CAK_CHART_ITEM_TOTAL)
    return &data->total;
  if (item == CAK_CHART_ITEM_NATIONAL)
    return data->has_national ? &data->national : NULL;
  if (item == CAK_CHART_ITEM_PEER)
    return data->has_peer ? &data->peer : NULL;
  if (item < 0 || (guint)item >= data->rows->len)
    return NULL;
  return &g_array_index (data->rows, CakIndicatorRow, item);
}

/**
 * cak_chart_data_history:
 *
 * Returns: coverage % of @item (a regency or %CAK_CHART_ITEM_TOTAL) in the @period_index-th
 * period, NAN when unknown
 */
double
cak_chart_data_history (const CakChartData *data, int item, guint period_index)
{
  guint line;

  g_return_val_if_fail (data != NULL, NAN);

  if (period_index >= data->periods->len)
    return NAN;
  if (item == CAK_CHART_ITEM_NATIONAL)
    return data->national_history ? data->national_history[period_index] : NAN;
  if (item == CAK_CHART_ITEM_PEER)
    return data->peer_history ? data->peer_history[period_index] : NAN;
  if (item == CAK_CHART_ITEM_TOTAL)
    line = data->rows->len;
  else if (item >= 0 && (guint)item < data->rows->len)
    line = item;
  else
    return NAN;
  return data->history[(gsize)line * data->periods->len + period_index];
}

/* The province @data shows, or the whole country */
static gboolean
is_own_place (const CakChartData *data, const char *peer_code)
{
  if (g_strcmp0 (peer_code, CAK_CHART_PEER_COUNTRY) == 0)
    return data->province == NULL;
  return data->province != NULL && g_strcmp0 (data->province->code, peer_code) == 0;
}

/**
 * cak_chart_data_can_peer:
 * @peer_code: a province's code, or %CAK_CHART_PEER_COUNTRY
 *
 * Returns: whether @peer_code can stand beside @data: a province of the catalog (or the whole
 * country) other than the one @data shows, of which @dataset holds figures
 */
gboolean
cak_chart_data_can_peer (const CakChartData *data, CakDataset *dataset, const char *peer_code)
{
  CakRegionCatalog *catalog;
  const CakRegion *region;
  g_autoptr (GPtrArray) provinces = NULL;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (CAK_IS_DATASET (dataset), FALSE);

  if (peer_code == NULL || is_own_place (data, peer_code))
    return FALSE;
  provinces = cak_dataset_get_provinces (dataset);
  if (g_strcmp0 (peer_code, CAK_CHART_PEER_COUNTRY) == 0)
    return provinces->len > 1 || data->province == NULL;
  catalog = cak_dataset_get_catalog (dataset);
  region = cak_region_catalog_lookup_code (catalog, peer_code);
  if (region == NULL || region->kind != CAK_REGION_KIND_PROVINCE)
    return FALSE;
  for (guint i = 0; i < provinces->len; i++)
    if (g_strcmp0 (((const CakRegion *)g_ptr_array_index (provinces, i))->code, peer_code) == 0)
      return TRUE;
  return FALSE;
}

/**
 * cak_chart_data_set_peer:
 * @dataset: the dataset @data was computed from
 * @peer_code: (nullable): a province's code, %CAK_CHART_PEER_COUNTRY, or %NULL for none
 *
 * Puts a second province (or the whole country) beside @data for comparison: its total in
 * @data's period and comparison period and its coverage over @data's history, computed as that
 * province's own charts compute them, so the figures beside each other are the ones each
 * province's own view shows. The key figures and the trend draw it.
 *
 * Call it before the model is shared: the painters read it without locks.
 *
 * Returns: %FALSE, leaving @data without a peer, when @peer_code is not one
 * cak_chart_data_can_peer() accepts
 */
gboolean
cak_chart_data_set_peer (CakChartData *data, CakDataset *dataset, const char *peer_code)
{
  g_autoptr (CakChartData) other = NULL;
  gboolean country;
  guint n_periods;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (CAK_IS_DATASET (dataset), FALSE);

  data->has_peer = FALSE;
  g_clear_pointer (&data->peer_code, g_free);
  g_clear_pointer (&data->peer_place, g_free);
  g_clear_pointer (&data->peer_history, g_free);
  data->peer.coverage_pct = data->peer_compare.coverage_pct = NAN;
  if (peer_code == NULL || !cak_chart_data_can_peer (data, dataset, peer_code))
    return FALSE;

  country = g_strcmp0 (peer_code, CAK_CHART_PEER_COUNTRY) == 0;
  other = cak_chart_data_new (dataset, country ? NULL : peer_code, data->period, data->compare,
                              NULL, data->lang);
  data->has_peer = TRUE;
  data->peer_code = g_strdup (peer_code);
  data->peer_place = g_strdup (other->place);
  data->peer = other->total;
  data->peer_compare = other->compare_total;
  /* Both models list the reporting periods of the period's kind up to it: the same periods */
  n_periods = data->periods->len;
  data->peer_history = g_new (double, MAX (1u, n_periods));
  for (guint p = 0; p < n_periods; p++)
    {
      CakPeriod when = g_array_index (data->periods, CakPeriod, p);

      data->peer_history[p] = NAN;
      for (guint q = 0; q < other->periods->len; q++)
        if (cak_period_equal (g_array_index (other->periods, CakPeriod, q), when))
          data->peer_history[p] = cak_chart_data_history (other, CAK_CHART_ITEM_TOTAL, q);
    }
  return TRUE;
}
