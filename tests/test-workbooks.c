/* test-workbooks.c: one branch office table as Excel-style XLSX and as LibreOffice XLSX, ODS and XLS
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/make-workbooks.py writes the files: a quarter per sheet with title lines, a header
 * over two rows with merged cells, column numbers, formulas (whose cached values are read), a
 * JUMLAH row and a source note; a monthly sheet whose periods are date cells; a notes sheet; a
 * hidden sheet. Every file must give the same figures.
 */
#define G_LOG_DOMAIN "test-workbooks"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cak-import.h"

static double
value_of (CakDataset *ds, const char *code, const char *period_text, CakMeasure m)
{
  const CakRegion *r = cak_region_catalog_lookup_code (cak_region_catalog_get_default (), code);
  CakPeriod p;
  CakValue v;

  g_assert_true (cak_period_parse (period_text, &p));
  return cak_dataset_get (ds, r, p, m, &v) ? v.value : NAN;
}

static const CakSheetReport *
sheet_named (CakDataset *ds, const char *name)
{
  GPtrArray *sheets = cak_dataset_get_sheet_reports (ds);

  for (guint i = 0; i < sheets->len; i++)
    {
      const CakSheetReport *sheet = g_ptr_array_index (sheets, i);

      if (g_strcmp0 (sheet->sheet, name) == 0)
        return sheet;
    }
  g_assert_not_reached ();
}

static gboolean
has_issue (CakDataset *ds, CakSeverity severity, const char *text)
{
  const GArray *issues = cak_dataset_get_issues (ds);

  for (guint i = 0; i < issues->len; i++)
    {
      const CakIssue *issue = &g_array_index (issues, CakIssue, i);

      if (issue->severity == severity && strstr (issue->message, text))
        return TRUE;
    }
  return FALSE;
}

static void
dump_issues (CakDataset *ds)
{
  const GArray *issues = cak_dataset_get_issues (ds);

  for (guint i = 0; i < issues->len; i++)
    {
      const CakIssue *issue = &g_array_index (issues, CakIssue, i);

      if (issue->severity != CAK_SEVERITY_INFO)
        g_test_message ("%s row %u column %u: %s", issue->source.sheet, issue->source.row,
                        issue->source.column, issue->message);
    }
}

static void
test_workbook (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_build_filename (g_getenv ("CAKUPAN_SOURCE_DIR"), "tests", "data",
                                            "workbooks", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (CakDataset) ds = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GError) error = NULL;
  GPtrArray *sheets;
  const CakSheetReport *q4;

  g_assert_true (cak_import_file (ds, file, NULL, NULL, &error));
  g_assert_no_error (error);
  dump_issues (ds);

  sheets = cak_dataset_get_sheet_reports (ds);
  g_assert_cmpuint (sheets->len, ==, 5);
  for (guint i = 0; i < sheets->len; i++)
    {
      const CakSheetReport *sheet = g_ptr_array_index (sheets, i);

      g_assert_cmpuint (sheet->imported + sheet->skipped + sheet->rejected, ==, sheet->rows);
      g_assert_cmpuint (sheet->rejected, ==, 0);
    }

  /* Two title lines, a blank one (LibreOffice keeps it only if styled), two header rows, the
   * column numbers, five regencies, the total, the note. */
  q4 = sheet_named (ds, "TW IV 2023");
  g_assert_cmpuint (q4->imported, ==, 5);
  g_assert_cmpuint (sheet_named (ds, "TW III 2023")->imported, ==, 5);
  g_assert_cmpuint (sheet_named (ds, "Bulanan")->imported, ==, 6);
  g_assert_cmpuint (sheet_named (ds, "Catatan")->imported, ==, 0);
  g_assert_cmpuint (sheet_named (ds, "Referensi")->imported, ==, 0);

  /* The sheet's name gives the quarter; the segments come from under the merged header; the
   * participants are the cached value of a SUM formula; numbers stored as Indonesian text read
   * as numbers. */
  g_assert_cmpfloat (value_of (ds, "35.05", "2023-Q4", CAK_MEASURE_PU), ==, 60000);
  g_assert_cmpfloat (value_of (ds, "35.05", "2023-Q4", CAK_MEASURE_PMI), ==, 4377);
  g_assert_cmpfloat (value_of (ds, "35.05", "2023-Q4", CAK_MEASURE_PARTICIPANTS), ==, 114377);
  g_assert_cmpfloat (value_of (ds, "35.05", "2023-Q4", CAK_MEASURE_WORKFORCE), ==, 449717);
  g_assert_cmpfloat (value_of (ds, "35.72", "2023-Q4", CAK_MEASURE_WORKFORCE), ==, 80000);
  g_assert_cmpfloat (value_of (ds, "35.10", "2023-Q4", CAK_MEASURE_BPU), ==, 54000);
  g_assert_cmpfloat (value_of (ds, "35.78", "2023-Q3", CAK_MEASURE_PARTICIPANTS), ==, 885000);
  /* Date cells in a period column are months. */
  g_assert_cmpfloat (value_of (ds, "35.05", "2023-10", CAK_MEASURE_PARTICIPANTS), ==,
                     58000 + 39000 + 9500 + 4100 + 10);
  g_assert_cmpfloat (value_of (ds, "35.72", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 27012);

  /* The file's coverage formulas and JUMLAH rows agree with its figures: no warnings about them;
   * the hidden and the headerless sheets are reported. */
  g_assert_false (has_issue (ds, CAK_SEVERITY_WARNING, "coverage written"));
  g_assert_false (has_issue (ds, CAK_SEVERITY_WARNING, "add up"));
  g_assert_true (has_issue (ds, CAK_SEVERITY_WARNING, "“Referensi” is hidden"));
  g_assert_true (has_issue (ds, CAK_SEVERITY_WARNING, "“Catatan” has no header"));
  g_assert_cmpuint (cak_dataset_count_errors (ds), ==, 0);
}

int
main (int argc, char *argv[])
{
  static const char *const files[] = {
    "cabang-xlsxwriter.xlsx",
    "cabang-libreoffice.xlsx",
    "cabang-libreoffice.ods",
    "cabang-libreoffice.xls",
  };

  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/workbooks/%s", files[i]);

      g_test_add_data_func (test_path, files[i], test_workbook);
    }
  return g_test_run ();
}
