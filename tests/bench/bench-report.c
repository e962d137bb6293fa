/* bench-report.c: the national monitoring-and-evaluation workbook
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Target: the workbook of all 514 regencies with 36 monthly periods, with the six sheets the
 * report is made of, written in at most 0.2 s (median of 7), and at least five times faster than
 * the same workbook written with Python's XlsxWriter by report-xlsxwriter.py, when python3 and its
 * xlsxwriter module are installed. The Python script is handed the same figures as JSON, and only
 * its writing is timed. Also measured, without a target: the workbook with its data sheet.
 */
#define G_LOG_DOMAIN "bench-report"

#include "config.h"

#include "bench-util.h"

#include <glib/gstdio.h>
#include <math.h>

#include "../chart-test-util.h"
#include "cak-report.h"

#define RUNS 7
#define TARGET_MS 200.0
#define TARGET_RATIO 5.0

/* 514 regencies, January 2022 to December 2024, with a workforce and a target each year. */
static CakDataset *
national_36_months (void)
{
  CakRegionCatalog *catalog = cak_region_catalog_get_default ();
  CakDataset *ds = cak_dataset_new (catalog);
  GRand *rand = g_rand_new_with_seed (36);
  CakSource source = { "nasional-2022-2024.csv", NULL, 1, 0 };

  for (guint i = 0; i < cak_region_catalog_get_n_regions (catalog); i++)
    {
      const CakRegion *region = cak_region_catalog_get_region (catalog, i);
      double workforce = g_rand_double_range (rand, 20e3, 1.6e6);
      double coverage = g_rand_double_range (rand, 4, 60);

      if (region->kind == CAK_REGION_KIND_PROVINCE)
        continue;
      for (guint y = 2022; y <= 2024; y++)
        {
          source.row++;
          cak_dataset_set (ds, region, cak_period_year (y), CAK_MEASURE_WORKFORCE,
                           round (workforce * (1 + 0.01 * (y - 2022))), &source, NULL);
          cak_dataset_set (ds, region, cak_period_year (y), CAK_MEASURE_TARGET_PCT,
                           30 + 5 * (y - 2022), &source, NULL);
        }
      for (guint y = 2022; y <= 2024; y++)
        for (guint m = 1; m <= 12; m++)
          {
            CakPeriod p = cak_period_month (y, m);
            double c = coverage + ((y - 2022) * 12 + m) * g_rand_double_range (rand, -0.05, 0.2);
            double part = round (workforce * MAX (0.5, c) / 100);
            double pu = round (part * 0.55), bpu = round (part * 0.3), jakon = round (part * 0.1);

            source.row++;
            cak_dataset_set (ds, region, p, CAK_MEASURE_PARTICIPANTS, part, &source, NULL);
            cak_dataset_set (ds, region, p, CAK_MEASURE_PU, pu, &source, NULL);
            cak_dataset_set (ds, region, p, CAK_MEASURE_BPU, bpu, &source, NULL);
            cak_dataset_set (ds, region, p, CAK_MEASURE_JAKON, jakon, &source, NULL);
            cak_dataset_set (ds, region, p, CAK_MEASURE_PMI, part - pu - bpu - jakon, &source,
                             NULL);
          }
    }
  g_rand_free (rand);
  return ds;
}

static void
json_number (GString *out, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    g_string_append (out, "null");
  else
    g_string_append (out, g_ascii_dtostr (buf, sizeof buf, value));
}

static void
json_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* The figures the Python script writes: the regency rows for the period, the trend by period
 * and every figure of every period, as the C writer has them. */
static char *
figures_json (CakDataset *ds, CakPeriod period, CakPeriod compare)
{
  g_autoptr (CakChartData) data = cak_chart_data_new (ds, NULL, period, compare, NULL, CAK_LANG_EN);
  g_autoptr (GString) out = g_string_new ("{\"rows\":[");
  g_autoptr (GArray) periods = cak_dataset_get_periods (ds);
  g_autoptr (GPtrArray) regions = cak_dataset_get_regencies (ds, NULL);
  const CakMeasure measures[]
      = { CAK_MEASURE_WORKFORCE, CAK_MEASURE_PARTICIPANTS, CAK_MEASURE_PU,        CAK_MEASURE_BPU,
          CAK_MEASURE_JAKON,     CAK_MEASURE_PMI,          CAK_MEASURE_TARGET_PCT };

  for (guint i = 0; i < data->rows->len; i++)
    {
      const CakIndicatorRow *row = &g_array_index (data->rows, CakIndicatorRow, i);
      const double values[] = { row->workforce,
                                cak_indicator_row_get (row, CAK_MEASURE_PU),
                                cak_indicator_row_get (row, CAK_MEASURE_BPU),
                                cak_indicator_row_get (row, CAK_MEASURE_JAKON),
                                cak_indicator_row_get (row, CAK_MEASURE_PMI),
                                row->participants,
                                row->coverage_pct,
                                row->uncovered,
                                row->target_pct,
                                row->gap_to_target,
                                row->change_pp };

      g_string_append (out, i ? ",[" : "[");
      json_string (out, row->region->code);
      g_string_append_c (out, ',');
      json_string (out, row->region->name);
      for (guint k = 0; k < G_N_ELEMENTS (values); k++)
        {
          g_string_append_c (out, ',');
          json_number (out, values[k]);
        }
      g_string_append (out, ",[");
      for (guint k = 0; k < data->periods->len; k++)
        {
          if (k)
            g_string_append_c (out, ',');
          json_number (out, cak_chart_data_history (data, i, k));
        }
      g_string_append (out, "]]");
    }
  g_string_append (out, "],\"periods\":[");
  for (guint k = 0; k < data->periods->len; k++)
    {
      g_autofree char *name
          = cak_period_format (g_array_index (data->periods, CakPeriod, k), CAK_LANG_EN);

      if (k)
        g_string_append_c (out, ',');
      json_string (out, name);
    }
  g_string_append (out, "],\"data\":[");
  {
    gboolean first = TRUE;

    for (guint i = 0; i < regions->len; i++)
      for (guint k = 0; k < periods->len; k++)
        {
          const CakRegion *region = g_ptr_array_index (regions, i);
          CakPeriod p = g_array_index (periods, CakPeriod, k);
          g_autofree char *name = cak_period_format (p, CAK_LANG_EN);
          double values[G_N_ELEMENTS (measures)];
          gboolean any = FALSE;

          for (guint m = 0; m < G_N_ELEMENTS (measures); m++)
            {
              CakValue v;

              values[m] = cak_dataset_get (ds, region, p, measures[m], &v) ? v.value : NAN;
              any |= !isnan (values[m]);
            }
          if (!any)
            continue;
          g_string_append (out, first ? "[" : ",[");
          first = FALSE;
          json_string (out, region->code);
          g_string_append_c (out, ',');
          json_string (out, region->name);
          g_string_append_c (out, ',');
          json_string (out, name);
          for (guint m = 0; m < G_N_ELEMENTS (measures); m++)
            {
              g_string_append_c (out, ',');
              json_number (out, values[m]);
            }
          g_string_append_c (out, ']');
        }
  }
  g_string_append (out, "]}");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Runs the Python script; returns its median writing time in ms, or NAN when it cannot run. */
static double
run_python (const char *json_path, const char *out_path, gboolean with_data)
{
  /* The system's python3 first: it is the one python3-xlsxwriter installs into. */
  g_autofree char *python = g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE)
                                ? g_strdup ("/usr/bin/python3")
                                : g_find_program_in_path ("python3");
  g_autofree char *script = g_build_filename (g_getenv ("CAKUPAN_SOURCE_DIR"), "tests", "bench",
                                              "report-xlsxwriter.py", NULL);
  g_autofree char *stdout_text = NULL;
  g_autofree char *runs = g_strdup_printf ("%d", RUNS);
  int status = 0;
  const char *argv[]
      = { python, script, json_path, out_path, runs, with_data ? NULL : "--no-data", NULL };

  if (python == NULL)
    return NAN;
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &stdout_text, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    return NAN;
  return g_ascii_strtod (stdout_text, NULL);
}

int
main (int argc, char *argv[])
{
  g_autoptr (CakDataset) ds = national_36_months ();
  g_autofree char *dir = g_dir_make_tmp ("bench-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "monev-nasional.xlsx", NULL);
  g_autofree char *py_path = g_build_filename (dir, "monev-nasional-python.xlsx", NULL);
  g_autofree char *json_path = g_build_filename (dir, "figures.json", NULL);
  g_autofree char *json = NULL;
  CakReportOptions options = { 0 };
  double times[RUNS], c_ms, py_ms;
  struct stat st;
  gboolean ok = TRUE;

  options.lang = CAK_LANG_ID;
  cak_period_parse ("2024-12", &options.period);
  cak_period_parse ("2023-12", &options.compare);
  options.sources = "nasional-2022-2024.csv";

  {
    gint64 start = g_get_monotonic_time ();
    g_autoptr (CakChartData) model
        = cak_chart_data_new (ds, NULL, options.period, options.compare, NULL, CAK_LANG_ID);

    g_print ("computing the figures (the model every view shares): %.1f ms\n",
             (g_get_monotonic_time () - start) / 1000.0);
  }
  json = figures_json (ds, options.period, options.compare);
  g_file_set_contents (json_path, json, -1, NULL);

  /* The workbook the issue names (six sheets), then with the data sheet (every figure of every
   * period, for importing it back), which is written by default. */
  for (guint with_data = 0; with_data < 2; with_data++)
    {
      const char *what = with_data ? "with the data sheet (20,000 rows)" : "six sheets";

      options.sheets = with_data ? CAK_REPORT_ALL_SHEETS : CAK_REPORT_ALL_SHEETS & ~CAK_REPORT_DATA;
      for (guint i = 0; i < RUNS; i++)
        {
          g_autoptr (GError) error = NULL;
          gint64 start = g_get_monotonic_time ();

          if (!cak_report_write (ds, &options, path, NULL, NULL, NULL, &error))
            g_error ("%s", error->message);
          times[i] = (g_get_monotonic_time () - start) / 1000.0;
        }
      qsort (times, RUNS, sizeof (double), bench_compare_doubles);
      c_ms = times[RUNS / 2];
      g_stat (path, &st);
      g_print ("national workbook, %s: %.1f ms median of %d (%.1f to %.1f), %.1f MB%s\n", what,
               c_ms, RUNS, times[0], times[RUNS - 1], st.st_size / 1e6,
               with_data ? "" : "; target 200 ms");
      if (!with_data)
        ok &= c_ms <= TARGET_MS;

      py_ms = run_python (json_path, py_path, with_data);
      if (isnan (py_ms))
        g_print ("  Python's XlsxWriter: not installed (python3-xlsxwriter); no comparison\n");
      else
        {
          g_print ("  the same with Python's XlsxWriter: %.1f ms median of %d: %.1f times "
                   "slower%s\n",
                   py_ms, RUNS, py_ms / c_ms, with_data ? "" : "; target at least 5 times");
          if (!with_data)
            ok &= py_ms / c_ms >= TARGET_RATIO;
        }
    }

  if (g_getenv ("BENCH_REPORT_KEEP"))
    g_print ("kept in %s\n", dir);
  else
    {
      g_remove (path);
      g_remove (py_path);
      g_remove (json_path);
    }
  g_rmdir (dir);
  return ok ? 0 : 1;
}
