/* test-corpus.c: every file of the shared corpora either imports or fails cleanly
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ../shared/corpora/calamine holds another reader's test files, many malformed on purpose; the
 * csv-spectrum folder holds CSV edge cases. Whatever they are, importing one must end either in a
 * dataset whose report accounts for every row, or in a CAK_IMPORT_ERROR with a message naming the
 * file: never a crash, a hang or another kind of error. CI runs this under AddressSanitizer too.
 */
#define G_LOG_DOMAIN "test-corpus"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "cak-import.h"

static void
alarm_cb (int signum)
{
  static const char message[] = "Bail out! an import took more than 60 seconds\n";

  if (write (STDOUT_FILENO, message, sizeof message - 1) < 0)
    _exit (3);
  _exit (2);
}

static void
test_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr (CakDataset) ds = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  CakImportOptions options = { 0 };

  /* Files without a period still get read to the end. */
  options.default_period = cak_period_month (2024, 6);
  alarm (60);
  if (cak_import_file (ds, file, &options, NULL, &error))
    {
      GPtrArray *sheets = cak_dataset_get_sheet_reports (ds);
      guint imported = 0, columns = 0;

      for (guint i = 0; i < sheets->len; i++)
        {
          const CakSheetReport *sheet = g_ptr_array_index (sheets, i);

          g_assert_cmpuint (sheet->imported + sheet->skipped + sheet->rejected, ==, sheet->rows);
          /* Every column of a sheet read under a header is accounted for, in order. */
          if (sheet->imported > 0)
            {
              g_assert_nonnull (sheet->columns);
              for (guint k = 0; k < sheet->columns->len; k++)
                g_assert_cmpuint (((const CakColumnReport *)g_ptr_array_index (sheet->columns, k))
                                      ->column,
                                  ==, k);
              columns += sheet->columns->len;
            }
          imported += sheet->imported;
        }
      g_test_message ("%s: read, %u sheets, %u rows imported, %u columns accounted for", name,
                      sheets->len, imported, columns);
    }
  else
    {
      g_test_message ("%s: %s", name, error->message);
      g_assert_true (error->domain == CAK_IMPORT_ERROR);
      g_assert_nonnull (strstr (error->message, name));
    }
  alarm (0);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

static void
add_folder (const char *shared, const char *folder)
{
  g_autofree char *dir_path = g_build_filename (shared, "corpora", folder, NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *entry = g_ptr_array_index (names, i);
      char *path = g_build_filename (dir_path, entry, NULL);
      g_autofree char *test_path = NULL;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_free (path);
          continue;
        }
      test_path = g_strdup_printf ("/corpus/%s/%s", folder, entry);
      g_test_add_data_func_full (test_path, path, test_file, g_free);
    }
}

int
main (int argc, char *argv[])
{
  const char *shared = g_getenv ("CAKUPAN_SHARED_DIR");

  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  signal (SIGALRM, alarm_cb);

  if (shared == NULL || !g_file_test (shared, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("CAKUPAN_SHARED_DIR does not name the shared folder");
      return g_test_run ();
    }
  add_folder (shared, "calamine/tests");
  add_folder (shared, "csv-spectrum/csvs");
  add_folder (shared, "csv-spectrum/extras-from-unmerged-PRs/csvs");
  return g_test_run ();
}
