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
  double pu, bpu, jakon, pmi;
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

gboolean cak_indicators_find_workforce (CakDataset *dataset, const CakRegion *region,
                                        CakPeriod period, CakValue *out_value,
                                        CakPeriod *out_period);

void cak_indicators_compute_row (CakDataset *dataset, const CakRegion *region, CakPeriod period,
                                 CakIndicatorRow *out_row);

GArray *cak_indicators_compute_regencies (CakDataset *dataset, const char *province_code,
                                          CakPeriod period, CakPeriod compare_period);
void cak_indicators_rank (GArray *rows);
void cak_indicators_province_total (const GArray *rows, const CakRegion *province, CakPeriod period,
                                    CakIndicatorRow *out_total);

G_END_DECLS
