/* bench-xlsx.c: how long the XLSX reader takes beside unzip inflating the same file
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A workbook of 20,000 rows of 12 columns, as a regency table looks (a region name, a period,
 * ten figures), written with libxlsxwriter as Excel would write it: names and periods as shared
 * strings, a style on the figures. The target: reading every cell takes less than twice the
 * time `unzip -p` takes to inflate every part of the file, so parsing costs no more than the
 * inflating that cannot be avoided.
 */
#define G_LOG_DOMAIN "bench-xlsx"

#include "config.h"

#include "bench-util.h"

#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "cak-xlsx-reader.h"

#define N_ROWS 20000
#define N_RUNS 9
#define TARGET_RATIO 2.0

static void
write_workbook (const char *path)
{
  static const char *const kinds[] = { "Kabupaten", "Kota" };
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "Cakupan");
  lxw_format *percent = workbook_add_format (workbook);
  GRand *rand = g_rand_new_with_seed (20231231);

  format_set_num_format (percent, "0.00");
  worksheet_write_string (sheet, 0, 0, "Kabupaten/Kota", NULL);
  worksheet_write_string (sheet, 0, 1, "Periode", NULL);
  for (int c = 0; c < 10; c++)
    {
      g_autofree char *header = g_strdup_printf ("Ukuran %d", c + 1);

      worksheet_write_string (sheet, 0, c + 2, header, NULL);
    }
  for (int r = 1; r <= N_ROWS; r++)
    {
      g_autofree char *name = g_strdup_printf ("%s Contoh %d", kinds[r % 2], r % 514);
      g_autofree char *period = g_strdup_printf ("%d-%02d", 2020 + r % 4, 1 + r % 12);

      worksheet_write_string (sheet, r, 0, name, NULL);
      worksheet_write_string (sheet, r, 1, period, NULL);
      for (int c = 0; c < 10; c++)
        {
          if (c % 3 == 2)
            worksheet_write_number (sheet, r, c + 2, g_rand_double_range (rand, 0, 100), percent);
          else
            worksheet_write_number (sheet, r, c + 2, g_rand_int_range (rand, 0, 2000000), NULL);
        }
    }
  g_rand_free (rand);
  if (workbook_close (workbook) != LXW_NO_ERROR)
    g_error ("libxlsxwriter could not write %s", path);
}

static gboolean
count_cells_cb (const CakRow *row, gpointer user_data)
{
  guint64 *cells = user_data;

  for (guint i = 0; i < row->n_cells; i++)
    if (row->types[i] != CAK_CELL_EMPTY)
      (*cells)++;
  return TRUE;
}

static double
time_read (const char *path, guint64 *out_cells)
{
  CakSheetCallbacks callbacks = { .row = count_cells_cb, .user_data = out_cells };
  g_autoptr (GError) error = NULL;
  gint64 start;

  *out_cells = 0;
  start = g_get_monotonic_time ();
  if (!cak_xlsx_read (path, "bench.xlsx", &callbacks, NULL, &error))
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_unzip (const char *unzip, const char *path)
{
  const char *argv[] = { unzip, "-p", path, NULL };
  g_autoptr (GError) error = NULL;
  int status = 0;
  gint64 start;

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                     &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("unzip: %s", error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.xlsx", NULL);
  g_autofree char *unzip = g_find_program_in_path ("unzip");
  double read_ms[N_RUNS], unzip_ms[N_RUNS];
  double read_median, unzip_median, ratio;
  guint64 cells = 0;
  GStatBuf st;

  write_workbook (path);
  g_stat (path, &st);
  g_print ("workbook: %d rows x 12 columns, %.1f KiB packed\n", N_ROWS, st.st_size / 1024.0);

  time_read (path, &cells); /* warm the page cache */
  for (guint i = 0; i < N_RUNS; i++)
    read_ms[i] = time_read (path, &cells);
  read_median = bench_median (read_ms, N_RUNS);
  g_print ("cak_xlsx_read: %.1f ms (median of %d), %" G_GUINT64_FORMAT " cells, %.0f cells/s\n",
           read_median, N_RUNS, cells, cells / (read_median / 1000.0));
  if (cells != (guint64)(N_ROWS + 1) * 12)
    g_error ("expected %d cells", (N_ROWS + 1) * 12);

  if (unzip == NULL)
    {
      g_print ("unzip is not installed: no comparison, no target checked\n");
      g_remove (path);
      g_rmdir (dir);
      return 0;
    }
  time_unzip (unzip, path);
  for (guint i = 0; i < N_RUNS; i++)
    unzip_ms[i] = time_unzip (unzip, path);
  unzip_median = bench_median (unzip_ms, N_RUNS);
  ratio = read_median / unzip_median;
  g_print ("unzip -p: %.1f ms (median of %d)\n", unzip_median, N_RUNS);
  g_print ("ratio: %.2f (target: below %.1f)\n", ratio, TARGET_RATIO);

  g_remove (path);
  g_rmdir (dir);
  if (ratio >= TARGET_RATIO)
    {
      g_print ("FAIL: reading takes %.2f times as long as inflating\n", ratio);
      return 1;
    }
  return 0;
}
