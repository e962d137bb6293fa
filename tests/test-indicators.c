/* test-indicators.c: coverage, uncovered, gap, rank, change and province totals
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-indicators"

#include "config.h"

#include <math.h>

#include "cak-indicators.h"

static const CakRegion *
region (const char *code)
{
  const CakRegion *r = cak_region_catalog_lookup_code (cak_region_catalog_get_default (), code);

  g_assert_nonnull (r);
  return r;
}

static void
set (CakDataset *ds, const char *code, const char *period, CakMeasure m, double value)
{
  CakPeriod p;

  g_assert_true (cak_period_parse (period, &p));
  g_assert_true (cak_dataset_set (ds, region (code), p, m, value, NULL, NULL));
}

static CakPeriod
period (const char *text)
{
  CakPeriod p;

  g_assert_true (cak_period_parse (text, &p));
  return p;
}

static void
test_formulas (void)
{
  double segments[4] = { 10, NAN, 5, NAN };
  double none[4] = { NAN, NAN, NAN, NAN };

  /* DOMAIN.md: Kabupaten Blitar, December 2023 */
  g_assert_cmpfloat_with_epsilon (cak_indicator_coverage_pct (114377, 449717), 25.4331, 1e-4);
  g_assert_cmpfloat (cak_indicator_uncovered (114377, 449717), ==, 335340);
  g_assert_cmpfloat (cak_indicator_gap_to_target (30, 114377, 449717), ==, 20539);
  /* Blora, May 2022: 17,920 of 352,284 = 5.08% */
  g_assert_cmpfloat_with_epsilon (cak_indicator_coverage_pct (17920, 352284), 5.0868, 1e-4);

  g_assert_true (isnan (cak_indicator_coverage_pct (NAN, 100)));
  g_assert_true (isnan (cak_indicator_coverage_pct (10, 0)));
  g_assert_true (isnan (cak_indicator_coverage_pct (10, NAN)));
  g_assert_cmpfloat (cak_indicator_uncovered (120, 100), ==, 0);
  g_assert_cmpfloat (cak_indicator_gap_to_target (30, 50, 100), ==, 0);
  g_assert_true (isnan (cak_indicator_gap_to_target (NAN, 50, 100)));
  /* 30% of 449,717 is 134,915.1: one more worker than 134,915 is needed */
  g_assert_cmpfloat (cak_indicator_gap_to_target (30, 0, 449717), ==, 134916);
  g_assert_cmpfloat (cak_indicator_gap_to_target (25, 0, 400), ==, 100);

  g_assert_cmpfloat (cak_indicator_participants_from_segments (segments), ==, 15);
  g_assert_true (isnan (cak_indicator_participants_from_segments (none)));
}

static void
test_workforce_period (void)
{
  g_autoptr (CakDataset) ds = cak_dataset_new (cak_region_catalog_get_default ());
  CakIndicatorRow row;
  CakValue value;
  CakPeriod used;

  set (ds, "35.05", "2022", CAK_MEASURE_WORKFORCE, 440000);
  set (ds, "35.05", "2023", CAK_MEASURE_WORKFORCE, 449717);
  set (ds, "35.05", "2021-12", CAK_MEASURE_PARTICIPANTS, 90000);
  set (ds, "35.05", "2022-01", CAK_MEASURE_PARTICIPANTS, 100000);
  set (ds, "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS, 114377);
  set (ds, "35.05", "2024-06", CAK_MEASURE_PARTICIPANTS, 120000);

  /* A yearly figure serves its own months and later ones, until a newer one */
  g_assert_true (
      cak_indicators_find_workforce (ds, region ("35.05"), period ("2022-01"), &value, &used));
  g_assert_cmpfloat (value.value, ==, 440000);
  g_assert_true (cak_period_equal (used, period ("2022")));
  cak_indicators_compute_row (ds, region ("35.05"), period ("2023-12"), &row);
  g_assert_cmpfloat (row.workforce, ==, 449717);
  g_assert_true (cak_period_equal (row.workforce_period, period ("2023")));
  g_assert_cmpfloat_with_epsilon (row.coverage_pct, 25.4331, 1e-4);
  cak_indicators_compute_row (ds, region ("35.05"), period ("2024-06"), &row);
  g_assert_cmpfloat (row.workforce, ==, 449717);
  g_assert_true (cak_period_equal (row.workforce_period, period ("2023")));
  /* Nothing applies before the first figure */
  cak_indicators_compute_row (ds, region ("35.05"), period ("2021-12"), &row);
  g_assert_true (isnan (row.workforce));
  g_assert_true (isnan (row.coverage_pct));
  g_assert_cmpfloat (row.participants, ==, 90000);
}

static void
test_segments_and_target (void)
{
  g_autoptr (CakDataset) ds = cak_dataset_new (cak_region_catalog_get_default ());
  CakIndicatorRow row;

  set (ds, "35.10", "2022", CAK_MEASURE_WORKFORCE, 647000);
  set (ds, "35.10", "2022", CAK_MEASURE_TARGET_PCT, 30);
  set (ds, "35.10", "2022-08", CAK_MEASURE_PU, 80000);
  set (ds, "35.10", "2022-08", CAK_MEASURE_BPU, 30000);
  set (ds, "35.10", "2022-08", CAK_MEASURE_JAKON, 10000);
  set (ds, "35.10", "2022-08", CAK_MEASURE_PMI, 3000);
  cak_indicators_compute_row (ds, region ("35.10"), period ("2022-08"), &row);
  g_assert_true (row.participants_from_segments);
  g_assert_cmpfloat (row.participants, ==, 123000);
  g_assert_cmpfloat_with_epsilon (row.coverage_pct, 19.011, 1e-3);
  g_assert_cmpfloat (row.uncovered, ==, 524000);
  g_assert_cmpfloat (row.target_pct, ==, 30);
  g_assert_cmpfloat (row.gap_to_target, ==, 194100 - 123000);
  g_assert_cmpfloat (cak_indicator_row_get (&row, CAK_MEASURE_PMI), ==, 3000);
}

static void
test_rank_and_totals (void)
{
  g_autoptr (CakDataset) ds = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GArray) rows = NULL;
  CakIndicatorRow total;
  const char *codes[] = { "35.01", "35.02", "35.03", "35.78", "34.71" };
  double participants[] = { 20, 30, 30, 60, 10 };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      set (ds, codes[i], "2022", CAK_MEASURE_WORKFORCE, 100);
      set (ds, codes[i], "2023", CAK_MEASURE_WORKFORCE, 100);
      set (ds, codes[i], "2023", CAK_MEASURE_TARGET_PCT, 35);
      set (ds, codes[i], "2023-12", CAK_MEASURE_PARTICIPANTS, participants[i]);
      set (ds, codes[i], "2022-12", CAK_MEASURE_PARTICIPANTS, participants[i] - 5);
    }
  set (ds, "35.04", "2023", CAK_MEASURE_WORKFORCE, 100); /* no participants */
  set (ds, "35.04", "2023", CAK_MEASURE_TARGET_PCT, 35);

  rows = cak_indicators_compute_regencies (ds, "35", period ("2023-12"), period ("2022-12"));
  g_assert_cmpuint (rows->len, ==, 5);
  /* code order; ties share a rank; a row without coverage is unranked */
  g_assert_cmpstr (g_array_index (rows, CakIndicatorRow, 0).region->code, ==, "35.01");
  g_assert_cmpuint (g_array_index (rows, CakIndicatorRow, 0).rank, ==, 4);
  g_assert_cmpuint (g_array_index (rows, CakIndicatorRow, 1).rank, ==, 2);
  g_assert_cmpuint (g_array_index (rows, CakIndicatorRow, 2).rank, ==, 2);
  g_assert_cmpuint (g_array_index (rows, CakIndicatorRow, 3).rank, ==, 0);
  g_assert_cmpuint (g_array_index (rows, CakIndicatorRow, 4).rank, ==, 1);
  g_assert_cmpfloat_with_epsilon (g_array_index (rows, CakIndicatorRow, 4).change_pp, 5.0, 1e-9);
  g_assert_true (isnan (g_array_index (rows, CakIndicatorRow, 3).change_pp));

  cak_indicators_province_total (rows, region ("35"), period ("2023-12"), &total);
  g_assert_cmpuint (total.n_regencies, ==, 5);
  g_assert_cmpfloat (total.workforce, ==, 500);
  g_assert_cmpfloat (total.participants, ==, 140);
  /* coverage over the regencies that have both figures: 140 / 400 */
  g_assert_cmpfloat_with_epsilon (total.coverage_pct, 35.0, 1e-9);
  g_assert_cmpfloat (total.target_pct, ==, 35);
  g_assert_cmpfloat (total.gap_to_target, ==, 0);
  /* The two gaps differ: overall, 35.78's 60 participants make up for the others (140 of 35% x
   * 400 = 140, nothing to enrol); regency by regency, 35.01, 35.02 and 35.03 still lack 15 + 5 +
   * 5, which 35.78 does not offset. 35.04 without participants has no gap to count. */
  g_assert_cmpfloat (total.regency_gaps, ==, 25);
  g_assert_cmpfloat (total.regency_gaps, >=, total.gap_to_target);
  g_assert_true (isnan (g_array_index (rows, CakIndicatorRow, 0).regency_gaps));
  g_assert_true (cak_period_equal (total.workforce_period, period ("2023")));

  /* Other provinces stay out of the province's rows */
  g_clear_pointer (&rows, g_array_unref);
  rows = cak_indicators_compute_regencies (ds, NULL, period ("2023-12"), CAK_PERIOD_INIT_NONE);
  g_assert_cmpuint (rows->len, ==, 6);
  g_assert_cmpuint (g_array_index (rows, CakIndicatorRow, 0).rank, ==, 1); /* 34.71 alone */
}

static void
test_conflict (void)
{
  g_autoptr (CakDataset) ds = cak_dataset_new (cak_region_catalog_get_default ());
  CakSource a = { "a.csv", NULL, 5, 3 };
  CakValue existing;

  g_assert_true (cak_dataset_set (ds, region ("35.05"), period ("2023"), CAK_MEASURE_WORKFORCE,
                                  449717, &a, NULL));
  /* the same value again is no conflict */
  g_assert_true (cak_dataset_set (ds, region ("35.05"), period ("2023"), CAK_MEASURE_WORKFORCE,
                                  449717, NULL, NULL));
  g_assert_false (cak_dataset_set (ds, region ("35.05"), period ("2023"), CAK_MEASURE_WORKFORCE,
                                   449000, NULL, &existing));
  g_assert_cmpfloat (existing.value, ==, 449717);
  g_assert_cmpstr (existing.source.file, ==, "a.csv");
  g_assert_cmpuint (existing.source.row, ==, 5);
}

static void
test_column_names (void)
{
  const struct
  {
    guint column;
    const char *name;
  } cases[] = { { 0, "A" }, { 3, "D" }, { 25, "Z" }, { 26, "AA" }, { 701, "ZZ" }, { 702, "AAA" } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = cak_source_column_name (cases[i].column);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

/* The registry: every measure has one entry, ids read back, segments summed into totals. */
static void
test_measure_registry (void)
{
  g_autoptr (CakDataset) ds = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GArray) rows = NULL;
  CakIndicatorRow total;
  CakMeasureSet segments = 0;

  for (guint m = 0; m < CAK_N_MEASURES; m++)
    {
      const CakMeasureInfo *info = cak_measure_get_info (m);
      CakMeasure back = CAK_N_MEASURES;

      g_assert_cmpint (info->measure, ==, m);
      g_assert_true (cak_measure_from_id (info->id, &back));
      g_assert_cmpint (back, ==, m);
      g_assert_cmpstr (cak_measure_to_id (m), ==, info->id);
      g_assert_cmpstr (cak_measure_get_label (m), !=, "");
      g_assert_cmpstr (cak_measure_get_short_label (m), !=, "");
      for (guint n = 0; n < m; n++)
        g_assert_cmpstr (cak_measure_to_id (n), !=, info->id);
      if (cak_measure_is_segment (m))
        {
          g_assert_cmpint (info->unit, ==, CAK_MEASURE_UNIT_PEOPLE);
          segments |= CAK_MEASURE_BIT (m);
        }
    }
  g_assert_false (cak_measure_from_id ("claims", NULL));
  g_assert_cmpuint (segments, ==, cak_measure_set_segments ());
  for (guint i = 0; i < CAK_N_SEGMENTS; i++)
    g_assert_true (cak_measure_set_has (segments, cak_measure_segments[i]));
  g_assert_cmpint (cak_measure_get_info (CAK_MEASURE_TARGET_PCT)->aggregate, ==,
                   CAK_MEASURE_AGGREGATE_RATE);

  /* A row's figures are lookups by measure; a province's segments are its regencies' sums. */
  for (guint i = 0; i < CAK_N_SEGMENTS; i++)
    {
      cak_dataset_set (ds, region ("35.05"), period ("2024-06"), cak_measure_segments[i],
                       100 * (i + 1), NULL, NULL);
      cak_dataset_set (ds, region ("35.06"), period ("2024-06"), cak_measure_segments[i],
                       10 * (i + 1), NULL, NULL);
    }
  cak_dataset_set (ds, region ("35.05"), period ("2024"), CAK_MEASURE_WORKFORCE, 5000, NULL, NULL);
  rows = cak_indicators_compute_regencies (ds, "35", period ("2024-06"), CAK_PERIOD_INIT_NONE);
  for (guint i = 0; i < rows->len; i++)
    {
      const CakIndicatorRow *row = &g_array_index (rows, CakIndicatorRow, i);

      if (g_strcmp0 (row->region->code, "35.05") != 0)
        continue;
      g_assert_cmpfloat (cak_indicator_row_get (row, CAK_MEASURE_BPU), ==, 200);
      g_assert_cmpfloat (cak_indicator_row_get (row, CAK_MEASURE_PARTICIPANTS), ==, 1000);
      g_assert_cmpfloat (cak_indicator_row_get (row, CAK_MEASURE_WORKFORCE), ==, 5000);
      g_assert_true (isnan (cak_indicator_row_get (row, CAK_MEASURE_TARGET_PCT)));
    }
  cak_indicators_province_total (rows, region ("35"), period ("2024-06"), &total);
  g_assert_cmpfloat (cak_indicator_row_get (&total, CAK_MEASURE_PU), ==, 110);
  g_assert_cmpfloat (cak_indicator_row_get (&total, CAK_MEASURE_PMI), ==, 440);
}

/* A copy holds what the dataset held, and stays so while the dataset changes */
static void
test_dataset_copy (void)
{
  g_autoptr (CakDataset) ds = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (CakDataset) copy = NULL;
  CakSource a = { "a.csv", "Sheet1", 5, 3 };
  CakSheetReport *sheet;
  CakValue value;
  double pct;

  g_assert_true (cak_dataset_set (ds, region ("35.05"), period ("2023"), CAK_MEASURE_WORKFORCE,
                                  449717, &a, NULL));
  g_assert_true (cak_dataset_set (ds, region ("35.05"), period ("2023-12"),
                                  CAK_MEASURE_PARTICIPANTS, 114377, &a, NULL));
  cak_dataset_set_typed_target (ds, region ("35"), period ("2023"), 32.15);
  cak_dataset_add_issue (ds, CAK_SEVERITY_WARNING, &a, TRUE, "a warning");
  sheet = cak_dataset_add_sheet_report (ds, "a.csv", "Sheet1");
  sheet->rows = 10;
  sheet->imported = 8;
  cak_sheet_report_add_column (sheet, 0, "Kabupaten/Kota", CAK_COLUMN_USE_IDENTIFIES, "Region",
                               NULL);

  copy = cak_dataset_copy (ds);
  cak_dataset_set_typed_target (ds, region ("35"), period ("2023"), NAN);
  g_assert_true (cak_dataset_replace (ds, region ("35.05"), period ("2023-12"),
                                      CAK_MEASURE_PARTICIPANTS, 1, &a));

  g_assert_true (cak_dataset_get (copy, region ("35.05"), period ("2023-12"),
                                  CAK_MEASURE_PARTICIPANTS, &value));
  g_assert_cmpfloat (value.value, ==, 114377);
  g_assert_cmpstr (value.source.file, ==, "a.csv");
  g_assert_cmpuint (value.source.row, ==, 5);
  g_assert_true (
      cak_dataset_get (copy, region ("35.05"), period ("2023"), CAK_MEASURE_WORKFORCE, &value));
  g_assert_cmpfloat (value.value, ==, 449717);
  g_assert_true (cak_dataset_get_typed_target (copy, region ("35"), period ("2023"), &pct));
  g_assert_cmpfloat (pct, ==, 32.15);
  g_assert_false (cak_dataset_get_typed_target (ds, region ("35"), period ("2023"), NULL));
  g_assert_cmpuint (cak_dataset_get_issues (copy)->len, ==, 1);
  g_assert_cmpstr (g_array_index (cak_dataset_get_issues (copy), CakIssue, 0).message, ==,
                   "a warning");
  g_assert_cmpuint (cak_dataset_get_sheet_reports (copy)->len, ==, 1);
  sheet = g_ptr_array_index (cak_dataset_get_sheet_reports (copy), 0);
  g_assert_cmpuint (sheet->imported, ==, 8);
  g_assert_cmpuint (sheet->columns->len, ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/indicators/formulas", test_formulas);
  g_test_add_func ("/indicators/workforce-period", test_workforce_period);
  g_test_add_func ("/indicators/segments-and-target", test_segments_and_target);
  g_test_add_func ("/indicators/rank-and-totals", test_rank_and_totals);
  g_test_add_func ("/dataset/conflict", test_conflict);
  g_test_add_func ("/dataset/column-names", test_column_names);
  g_test_add_func ("/measures/registry", test_measure_registry);
  g_test_add_func ("/dataset/copy", test_dataset_copy);

  return g_test_run ();
}
