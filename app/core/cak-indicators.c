/* cak-indicators.c: coverage, uncovered, gap to target, rank and change, as pure functions
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cak-indicators"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cak-indicators.h"

/* The figures a row holds in values[] as read: the others are worked out. */
static gboolean
is_held_as_read (CakMeasure measure)
{
  return measure != CAK_MEASURE_WORKFORCE && measure != CAK_MEASURE_PARTICIPANTS
         && measure != CAK_MEASURE_TARGET_PCT;
}

static int
compare_by_coverage_desc (gconstpointer a, gconstpointer b)
{
  const CakIndicatorRow *ra = *(const CakIndicatorRow *const *)a;
  const CakIndicatorRow *rb = *(const CakIndicatorRow *const *)b;

  if (ra->coverage_pct > rb->coverage_pct)
    return -1;
  if (ra->coverage_pct < rb->coverage_pct)
    return 1;
  return strcmp (ra->region->code, rb->region->code);
}

/**
 * cak_indicator_coverage_pct:
 *
 * Returns: participants as a percentage of the workforce, or NAN when either is unknown or the
 * workforce is not positive.
 */
double
cak_indicator_coverage_pct (double participants, double workforce)
{
  if (isnan (participants) || isnan (workforce) || workforce <= 0 || participants < 0)
    return NAN;
  return participants / workforce * 100.0;
}

/**
 * cak_indicator_uncovered:
 *
 * Returns: workers not yet protected; zero when the participants reach the workforce (files
 * whose definitions differ can count more participants than workers), NAN when unknown or when
 * the workforce is not positive.
 */
double
cak_indicator_uncovered (double participants, double workforce)
{
  /* A workforce of 0 is a missing figure, not a region without workers. */
  if (isnan (participants) || isnan (workforce) || workforce <= 0)
    return NAN;
  return MAX (0.0, workforce - participants);
}

/**
 * cak_indicator_gap_to_target:
 *
 * Returns: how many more workers must be enrolled to reach the target (target% x workforce -
 * participants), in whole workers; zero once the target is reached; NAN when unknown or when
 * the workforce is not positive.
 */
double
cak_indicator_gap_to_target (double target_pct, double participants, double workforce)
{
  double needed;

  if (isnan (target_pct) || isnan (participants) || isnan (workforce) || workforce <= 0)
    return NAN;
  /* Rounded before the ceiling so that 30% of 449717 does not become one worker too many
   * through floating-point noise. */
  needed = round (target_pct * workforce * 1e4) / 1e6;
  return MAX (0.0, ceil (needed - participants - 1e-9));
}

/**
 * cak_indicator_participants_from_segments:
 * @segments: PU, BPU, Jakon and PMI, NAN where unknown
 *
 * Returns: the sum of the known segments, NAN when none is known.
 */
double
cak_indicator_participants_from_segments (const double segments[4])
{
  double sum = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < 4; i++)
    if (!isnan (segments[i]))
      {
        sum += segments[i];
        any = TRUE;
      }
  return any ? sum : NAN;
}

/* The figure of @measure that applies to @period: the one for the period itself, or else the
 * latest one that starts at or before the end of @period and, when @must_cover, also runs to
 * its end. */
static gboolean
find_applicable (CakDataset *dataset, const CakRegion *region, CakPeriod period, CakMeasure measure,
                 gboolean must_cover, CakValue *out_value, CakPeriod *out_period)
{
  g_autoptr (GArray) periods = NULL;
  guint end = cak_period_last_month (period);

  if (cak_dataset_get (dataset, region, period, measure, out_value))
    {
      if (out_period)
        *out_period = period;
      return TRUE;
    }

  periods = cak_dataset_get_measure_periods (dataset, region, measure);
  for (guint i = periods->len; i > 0; i--)
    {
      CakPeriod p = g_array_index (periods, CakPeriod, i - 1);

      if (cak_period_first_month (p) > end || (must_cover && cak_period_last_month (p) < end))
        continue;
      if (out_period)
        *out_period = p;
      return cak_dataset_get (dataset, region, p, measure, out_value);
    }
  return FALSE;
}

/**
 * cak_indicators_find_workforce:
 *
 * Finds the workforce figure that applies to @period: the one for the period itself, or else
 * the latest one that starts at or before the end of @period. A yearly BPS figure thereby
 * serves the months of its year and those after, until a newer one.
 */
gboolean
cak_indicators_find_workforce (CakDataset *dataset, const CakRegion *region, CakPeriod period,
                               CakValue *out_value, CakPeriod *out_period)
{
  g_return_val_if_fail (CAK_IS_DATASET (dataset), FALSE);

  return find_applicable (dataset, region, period, CAK_MEASURE_WORKFORCE, FALSE, out_value,
                          out_period);
}

static double
get_or_nan (CakDataset *dataset, const CakRegion *region, CakPeriod period, CakMeasure measure)
{
  CakValue value;

  return cak_dataset_get (dataset, region, period, measure, &value) ? value.value : NAN;
}

static const CakRegion *
province_of (CakDataset *dataset, const CakRegion *region)
{
  if (region->province_code == NULL)
    return NULL;
  return cak_region_catalog_lookup_code (cak_dataset_get_catalog (dataset), region->province_code);
}

/* A target typed for @region that covers @period: for the period itself, else for its year. */
static gboolean
find_typed (CakDataset *dataset, const CakRegion *region, CakPeriod period, double *out_pct)
{
  if (cak_dataset_get_typed_target (dataset, region, period, out_pct))
    return TRUE;
  return period.kind != CAK_PERIOD_YEAR
         && cak_dataset_get_typed_target (dataset, region, cak_period_year (period.year), out_pct);
}

/**
 * cak_indicators_find_target:
 * @out_origin: (optional): where the target came from
 *
 * The coverage target that applies to @region in @period. Typed targets win over those read
 * from files; among typed ones, the region's own wins over its province's, and a month's over
 * its year's. A target set for a year applies to that year's months only.
 *
 * Returns: the target in percent, NAN when none applies
 */
double
cak_indicators_find_target (CakDataset *dataset, const CakRegion *region, CakPeriod period,
                            CakTargetOrigin *out_origin)
{
  const CakRegion *province;
  CakValue value;
  double pct;
  CakTargetOrigin origin = CAK_TARGET_NONE;

  g_return_val_if_fail (CAK_IS_DATASET (dataset), NAN);
  g_return_val_if_fail (region != NULL, NAN);

  pct = NAN;
  if (find_typed (dataset, region, period, &pct))
    origin = CAK_TARGET_TYPED;
  else if (region->kind != CAK_REGION_KIND_PROVINCE && (province = province_of (dataset, region))
           && find_typed (dataset, province, period, &pct))
    origin = CAK_TARGET_TYPED_PROVINCE;
  else if (find_applicable (dataset, region, period, CAK_MEASURE_TARGET_PCT, TRUE, &value, NULL))
    {
      pct = value.value;
      origin = CAK_TARGET_FILE;
    }
  if (out_origin)
    *out_origin = origin;
  return pct;
}

static double
find_target (CakDataset *dataset, const CakRegion *region, CakPeriod period)
{
  return cak_indicators_find_target (dataset, region, period, NULL);
}

/**
 * cak_indicator_row_get:
 *
 * Returns: @measure's figure in @row, NAN when unknown: for the workforce, participants and
 * target, the ones the row's indicators use.
 */
double
cak_indicator_row_get (const CakIndicatorRow *row, CakMeasure measure)
{
  g_return_val_if_fail (row != NULL, NAN);
  g_return_val_if_fail (measure < CAK_N_MEASURES, NAN);

  switch (measure)
    {
      case CAK_MEASURE_WORKFORCE:
        return row->workforce;
      case CAK_MEASURE_PARTICIPANTS:
        return row->participants;
      case CAK_MEASURE_TARGET_PCT:
        return row->target_pct;
      default:
        return row->values[measure];
    }
}

/**
 * cak_indicators_compute_row:
 *
 * Fills @out_row with the figures of @region in @period. Participants default to the sum of the
 * segments when only segments are given.
 */
void
cak_indicators_compute_row (CakDataset *dataset, const CakRegion *region, CakPeriod period,
                            CakIndicatorRow *out_row)
{
  CakValue workforce;
  double segments[CAK_N_SEGMENTS];

  g_return_if_fail (CAK_IS_DATASET (dataset));
  g_return_if_fail (region != NULL);
  g_return_if_fail (out_row != NULL);

  memset (out_row, 0, sizeof *out_row);
  out_row->region = region;
  out_row->period = period;
  out_row->change_pp = NAN;
  out_row->regency_gaps = NAN;

  if (cak_indicators_find_workforce (dataset, region, period, &workforce,
                                     &out_row->workforce_period))
    out_row->workforce = workforce.value;
  else
    out_row->workforce = NAN;

  for (guint m = 0; m < CAK_N_MEASURES; m++)
    out_row->values[m] = is_held_as_read (m) ? get_or_nan (dataset, region, period, m) : NAN;
  for (guint i = 0; i < CAK_N_SEGMENTS; i++)
    segments[i] = out_row->values[cak_measure_segments[i]];

  out_row->participants = get_or_nan (dataset, region, period, CAK_MEASURE_PARTICIPANTS);
  if (isnan (out_row->participants))
    {
      out_row->participants = cak_indicator_participants_from_segments (segments);
      out_row->participants_from_segments = !isnan (out_row->participants);
    }

  out_row->target_pct = find_target (dataset, region, period);
  out_row->coverage_pct = cak_indicator_coverage_pct (out_row->participants, out_row->workforce);
  out_row->uncovered = cak_indicator_uncovered (out_row->participants, out_row->workforce);
  out_row->gap_to_target = cak_indicator_gap_to_target (out_row->target_pct, out_row->participants,
                                                        out_row->workforce);
}

/**
 * cak_indicators_rank:
 * @rows: (element-type CakIndicatorRow): rows of one province and period
 *
 * Ranks the rows by coverage, highest first. Equal coverage shares a rank ("1, 2, 2, 4");
 * rows without coverage get rank 0.
 */
void
cak_indicators_rank (GArray *rows)
{
  g_autoptr (GPtrArray) sorted = g_ptr_array_new ();

  g_return_if_fail (rows != NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      CakIndicatorRow *row = &g_array_index (rows, CakIndicatorRow, i);

      row->rank = 0;
      if (!isnan (row->coverage_pct))
        g_ptr_array_add (sorted, row);
    }
  g_ptr_array_sort (sorted, compare_by_coverage_desc);
  for (guint i = 0; i < sorted->len; i++)
    {
      CakIndicatorRow *row = g_ptr_array_index (sorted, i);
      CakIndicatorRow *prev = i > 0 ? g_ptr_array_index (sorted, i - 1) : NULL;

      if (prev && prev->coverage_pct == row->coverage_pct)
        row->rank = prev->rank;
      else
        row->rank = i + 1;
    }
}

/**
 * cak_indicators_compute_regencies:
 * @province_code: (nullable): a province, or %NULL for all
 * @compare_period: a period to measure change from, or an invalid period for none
 *
 * Returns: (transfer full) (element-type CakIndicatorRow): a row for every regency with data,
 * by code, ranked within its province.
 */
GArray *
cak_indicators_compute_regencies (CakDataset *dataset, const char *province_code, CakPeriod period,
                                  CakPeriod compare_period)
{
  g_autoptr (GPtrArray) regions = NULL;
  g_autoptr (GPtrArray) provinces = NULL;
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (CakIndicatorRow));

  g_return_val_if_fail (CAK_IS_DATASET (dataset), rows);

  regions = cak_dataset_get_regencies (dataset, province_code);
  for (guint i = 0; i < regions->len; i++)
    {
      CakIndicatorRow row;

      cak_indicators_compute_row (dataset, g_ptr_array_index (regions, i), period, &row);
      if (cak_period_is_valid (compare_period))
        {
          CakIndicatorRow before;

          cak_indicators_compute_row (dataset, row.region, compare_period, &before);
          if (!isnan (row.coverage_pct) && !isnan (before.coverage_pct))
            row.change_pp = row.coverage_pct - before.coverage_pct;
        }
      g_array_append_val (rows, row);
    }

  /* Ranks are within a province: rank each province's slice of the rows, which are in code
   * order and so grouped by province. */
  for (guint start = 0; start < rows->len;)
    {
      const char *prov = g_array_index (rows, CakIndicatorRow, start).region->province_code;
      guint end = start;
      g_autoptr (GArray) slice = g_array_new (FALSE, FALSE, sizeof (CakIndicatorRow));

      while (end < rows->len
             && strcmp (g_array_index (rows, CakIndicatorRow, end).region->province_code, prov)
                    == 0)
        end++;
      g_array_append_vals (slice, &g_array_index (rows, CakIndicatorRow, start), end - start);
      cak_indicators_rank (slice);
      for (guint i = start; i < end; i++)
        g_array_index (rows, CakIndicatorRow, i).rank
            = g_array_index (slice, CakIndicatorRow, i - start).rank;
      start = end;
    }
  return rows;
}

static void
add_known (double *sum, double value)
{
  if (isnan (value))
    return;
  *sum = isnan (*sum) ? value : *sum + value;
}

/**
 * cak_indicators_province_total:
 * @rows: (element-type CakIndicatorRow): the province's regency rows
 *
 * Sums the regencies into a province total. Each measure sums the regencies that have it;
 * coverage, uncovered and gap are computed over the regencies that have both participants and
 * a workforce above zero, so that a regency missing one figure does not bend the province's
 * percentage. The target is the province's when every regency shares it, else unknown.
 *
 * Two gaps come out, and they differ: gap_to_target is the overall gap (the shared target x the
 * total workforce - the total participants), in which the regencies above target offset those
 * below; regency_gaps adds up the gaps of the regencies below their own target, which nothing
 * offsets.
 */
void
cak_indicators_province_total (const GArray *rows, const CakRegion *province, CakPeriod period,
                               CakIndicatorRow *out_total)
{
  cak_indicators_province_total_with_target (rows, province, period, NAN, out_total);
}

/**
 * cak_indicators_compute_province:
 * @dataset: where a target typed for the province is looked up
 *
 * As cak_indicators_province_total(), with the province's own typed target when one applies:
 * that is the province's target even where some regencies have their own.
 */
void
cak_indicators_compute_province (CakDataset *dataset, const GArray *rows, const CakRegion *province,
                                 CakPeriod period, CakIndicatorRow *out_total)
{
  CakTargetOrigin origin = CAK_TARGET_NONE;
  double typed = NAN;

  g_return_if_fail (CAK_IS_DATASET (dataset));

  if (province)
    typed = cak_indicators_find_target (dataset, province, period, &origin);
  cak_indicators_province_total_with_target (rows, province, period,
                                             origin == CAK_TARGET_TYPED ? typed : NAN, out_total);
}

/**
 * cak_indicators_province_total_with_target:
 * @target_pct: the province's own target, or NAN to take the one its regencies share
 */
void
cak_indicators_province_total_with_target (const GArray *rows, const CakRegion *province,
                                           CakPeriod period, double target_pct,
                                           CakIndicatorRow *out_total)
{
  double both_participants = NAN, both_workforce = NAN;
  double target = NAN;
  gboolean target_shared = TRUE;
  guint32 wf_key = 0;
  gboolean wf_shared = TRUE;

  g_return_if_fail (rows != NULL);
  g_return_if_fail (out_total != NULL);

  memset (out_total, 0, sizeof *out_total);
  out_total->region = province;
  out_total->period = period;
  out_total->workforce = out_total->participants = NAN;
  for (guint m = 0; m < CAK_N_MEASURES; m++)
    out_total->values[m] = NAN;
  out_total->change_pp = NAN;
  out_total->regency_gaps = NAN;

  for (guint i = 0; i < rows->len; i++)
    {
      const CakIndicatorRow *row = &g_array_index (rows, CakIndicatorRow, i);

      if (province && strcmp (row->region->province_code, province->code) != 0)
        continue;
      out_total->n_regencies++;
      add_known (&out_total->regency_gaps, row->gap_to_target);
      add_known (&out_total->workforce, row->workforce);
      add_known (&out_total->participants, row->participants);
      for (guint m = 0; m < CAK_N_MEASURES; m++)
        if (is_held_as_read (m) && cak_measure_get_info (m)->aggregate == CAK_MEASURE_AGGREGATE_SUM)
          add_known (&out_total->values[m], row->values[m]);
      /* A workforce of 0 is never a denominator: such a regency's participants would
       * raise the province's coverage without workers to set against them. */
      if (!isnan (row->participants) && !isnan (row->workforce) && row->workforce > 0)
        {
          add_known (&both_participants, row->participants);
          add_known (&both_workforce, row->workforce);
        }
      if (!isnan (row->workforce))
        {
          guint32 key = cak_period_to_key (row->workforce_period);

          if (wf_key != 0 && key != wf_key)
            wf_shared = FALSE;
          wf_key = key;
        }
      if (isnan (target))
        target = row->target_pct;
      else if (isnan (row->target_pct) || row->target_pct != target)
        target_shared = FALSE;
    }

  if (wf_key != 0 && wf_shared)
    out_total->workforce_period = cak_period_from_key (wf_key);
  out_total->target_pct = !isnan (target_pct) ? target_pct : target_shared ? target : NAN;
  out_total->coverage_pct = cak_indicator_coverage_pct (both_participants, both_workforce);
  out_total->uncovered = cak_indicator_uncovered (both_participants, both_workforce);
  out_total->gap_to_target
      = cak_indicator_gap_to_target (out_total->target_pct, both_participants, both_workforce);
}

/**
 * cak_indicators_compute_provinces:
 * @compare_period: a period to measure change from, or an invalid period for none
 *
 * One row per province of the catalog, each its regencies' total as
 * cak_indicators_compute_province() sums it (with the province's typed target), ranked among
 * the provinces. A province the files say nothing about is a row without figures, never zeros.
 *
 * Returns: (transfer full) (element-type CakIndicatorRow): the provinces, in code order
 */
GArray *
cak_indicators_compute_provinces (CakDataset *dataset, CakPeriod period, CakPeriod compare_period)
{
  CakRegionCatalog *catalog;
  g_autoptr (GArray) regencies = NULL;
  g_autoptr (GArray) before = NULL;
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (CakIndicatorRow));

  g_return_val_if_fail (CAK_IS_DATASET (dataset), rows);

  catalog = cak_dataset_get_catalog (dataset);
  regencies = cak_indicators_compute_regencies (dataset, NULL, period, CAK_PERIOD_INIT_NONE);
  if (cak_period_is_valid (compare_period))
    before = cak_indicators_compute_regencies (dataset, NULL, compare_period, CAK_PERIOD_INIT_NONE);
  for (guint i = 0; i < cak_region_catalog_get_n_regions (catalog); i++)
    {
      const CakRegion *province = cak_region_catalog_get_region (catalog, i);
      CakIndicatorRow row;

      if (province->kind != CAK_REGION_KIND_PROVINCE)
        continue;
      cak_indicators_compute_province (dataset, regencies, province, period, &row);
      row.region = province;
      if (before)
        {
          CakIndicatorRow then;

          cak_indicators_compute_province (dataset, before, province, compare_period, &then);
          if (!isnan (row.coverage_pct) && !isnan (then.coverage_pct))
            row.change_pp = row.coverage_pct - then.coverage_pct;
        }
      g_array_append_val (rows, row);
    }
  cak_indicators_rank (rows);
  return rows;
}
