/* test-fuzz-findings.c: every input that fuzzing (or a hand) found harmful, imported again
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/fuzz holds them, one file each, as found. Each must import or fail with a
 * CAK_IMPORT_ERROR naming the file, within its time; CI runs the unit suite under
 * AddressSanitizer, which is where a memory bug they once reached would show. Those with a
 * known outcome are checked for it; a new finding only needs its file dropped in the folder.
 */
#define G_LOG_DOMAIN "test-fuzz-findings"

#include "config.h"

#include <string.h>

#include "cak-import.h"

static const struct
{
  const char *file;
  int code;           /* the error, or -1 when the file imports */
  guint imported;     /* rows imported, when it imports */
  double max_seconds; /* generous: the suite also runs under sanitizers */
} known[] = {
  /* Heap and stack over-reads inside FreeXL 1.0.6's freexl_open(), which the reader no longer
   * calls: a compound file whose workbook holds no cells. */
  { "xls-freexl-heap-oob-read.xls", CAK_IMPORT_ERROR_EMPTY, 0, 10 },
  { "xls-freexl-stack-oob-read-iconv.xls", CAK_IMPORT_ERROR_EMPTY, 0, 10 },
  /* 853 bytes: one row of 16,384 cells repeated 1,048,000 times, refused before any of it is
   * handed on (it took 2 to 12 s and 430 MB). */
  { "rows-wide.ods", CAK_IMPORT_ERROR_TOO_LARGE, 0, 5 },
  /* The same with three cells a row: a million rows of the same figures, read; the first is
   * imported and the others, exact repeats of it, are counted once (noted in one line). */
  { "rows-narrow.ods", -1, 1, 120 },
};

static void
test_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr (CakDataset) ds = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr (GTimer) timer = g_timer_new ();
  CakImportOptions options = { 0 };
  gboolean ok;
  guint imported = 0;

  options.default_period = cak_period_month (2024, 6);
  ok = cak_import_file (ds, file, &options, NULL, &error);
  if (ok)
    {
      GPtrArray *sheets = cak_dataset_get_sheet_reports (ds);

      for (guint i = 0; i < sheets->len; i++)
        {
          const CakSheetReport *sheet = g_ptr_array_index (sheets, i);

          g_assert_cmpuint (sheet->imported + sheet->skipped + sheet->rejected, ==, sheet->rows);
          imported += sheet->imported;
        }
      g_test_message ("%s: read, %u rows imported, %.2f s", name, imported,
                      g_timer_elapsed (timer, NULL));
    }
  else
    {
      g_test_message ("%s: %s (%.2f s)", name, error->message, g_timer_elapsed (timer, NULL));
      g_assert_true (error->domain == CAK_IMPORT_ERROR);
      g_assert_nonnull (strstr (error->message, name));
    }

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      if (strcmp (known[i].file, name) != 0)
        continue;
      if (known[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (imported, ==, known[i].imported);
        }
      else
        g_assert_error (error, CAK_IMPORT_ERROR, known[i].code);
      g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, known[i].max_seconds);
    }
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

int
main (int argc, char *argv[])
{
  const char *source = g_getenv ("CAKUPAN_SOURCE_DIR");
  g_autofree char *dir_path = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (source);
  dir_path = g_build_filename (source, "tests", "data", "fuzz", NULL);
  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (paths, compare_names);

  /* Every known finding is in the folder. */
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autofree char *path = g_build_filename (dir_path, known[i].file, NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *test_path = g_strdup_printf ("/fuzz-findings/%s", base);

      g_test_add_data_func (test_path, path, test_file);
    }
  return g_test_run ();
}
