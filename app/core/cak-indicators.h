/* cak-indicators.h: coverage, uncovered, gap to target, rank and change, as pure functions
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cak-dataset.h"

G_BEGIN_DECLS

/* Unknown values are NAN throughout: a region without data is never drawn or summed as zero. */

double cak_indicator_coverage_pct (double participants, double workforce);
double cak_indicator_uncovered (double participants, double workforce);
double cak_indicator_gap_to_target (double target_pct, double participants, double workforce);
double cak_indicator_participants_from_segments (const double segments[4]);

/* The figures of one region (or one province's total) in one period. */
typedef struct
{
  const CakRegion *region;
  CakPeriod period;
  double workforce;
  CakPeriod workforce_period; /* which workforce figure was used */
  double participants;
  gboolean participants_from_segments;
  /* Every other figure of the registry as held for the period, by measure, NAN when unknown
   * (the segments among them); read them with cak_indicator_row_get(). */
  double values[CAK_N_MEASURES];
  double coverage_pct;
  double uncovered;
  double target_pct;
  /* For a province total: its overall gap, target x total workforce - total participants */
  double gap_to_target;
  /* For a province total: the sum of the gaps of its regencies below their target, which the
   * regencies above target do not offset (at least the overall gap); NAN for a regency and when
   * no regency has a gap to count. */
  double regency_gaps;
  guint rank;        /* 1 = highest coverage in the province; 0 = no coverage to rank */
  double change_pp;  /* coverage change in percentage points since the comparison period */
  guint n_regencies; /* for a province total: the regencies summed */
} CakIndicatorRow;

double cak_indicator_row_get (const CakIndicatorRow *row, CakMeasure measure);

/* Where the target that applies came from. */
typedef enum
{
  CAK_TARGET_NONE,
  CAK_TARGET_TYPED,          /* typed for the region itself */
  CAK_TARGET_TYPED_PROVINCE, /* typed for its province, for every regency without its own */
  CAK_TARGET_FILE,           /* read from an imported file */
} CakTargetOrigin;

double cak_indicators_find_target (CakDataset *dataset, const CakRegion *region, CakPeriod period,
                                   CakTargetOrigin *out_origin);

gboolean cak_indicators_find_workforce (CakDataset *dataset, const CakRegion *region,
                                        CakPeriod period, CakValue *out_value,
                                        CakPeriod *out_period);

void cak_indicators_compute_row (CakDataset *dataset, const CakRegion *region, CakPeriod period,
                                 CakIndicatorRow *out_row);

GArray *cak_indicators_compute_regencies (CakDataset *dataset, const char *province_code,
                                          CakPeriod period, CakPeriod compare_period);
GArray *cak_indicators_compute_provinces (CakDataset *dataset, CakPeriod period,
                                          CakPeriod compare_period);
void cak_indicators_rank (GArray *rows);
void cak_indicators_province_total (const GArray *rows, const CakRegion *province, CakPeriod period,
                                    CakIndicatorRow *out_total);
void cak_indicators_province_total_with_target (const GArray *rows, const CakRegion *province,
                                                CakPeriod period, double target_pct,
                                                CakIndicatorRow *out_total);
void cak_indicators_compute_province (CakDataset *dataset, const GArray *rows,
                                      const CakRegion *province, CakPeriod period,
                                      CakIndicatorRow *out_total);

G_END_DECLS
