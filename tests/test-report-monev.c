/* test-report-monev.c: the workbook's sheets of the monev: the action plan and the Inpres
 * 2/2021 checklist
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "cak-report.h"
#include "chart-test-util.h"
#include "report-test-util.h"
#include "monev-test-util.h"

#define N_ACTIONS 12

static char *
write_report (CakLang lang, CakMonev *monev, const char *dir, const char *name)
{
  CakReportOptions options = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) date = g_date_time_new_local (2026, 7, 1, 9, 0, 0);
  char *path = g_build_filename (dir, name, NULL);

  options.lang = lang;
  options.province_code = "35";
  options.period = ctu_period ("2024-12");
  options.compare = ctu_period ("2023-12");
  options.sources = "jatim-ilustratif-2022-2024.csv";
  options.date = date;
  options.monev = monev;
  g_assert_true (
      cak_report_write (ctu_sample_dataset (), &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* Sheet names in both languages, after the import notes, marked as computed; statuses and
 * items in the report's language; the counts are formulas with their results. */
static void
test_sheets (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cak-report-monev-XXXXXX", NULL);
  g_autoptr (CakMonev) monev = mtu_sample_monev (ctu_sample_dataset (), N_ACTIONS);
  g_autofree char *en = write_report (CAK_LANG_EN, monev, dir, "en.xlsx");
  g_autofree char *id = write_report (CAK_LANG_ID, monev, dir, "id.xlsx");
  g_autofree char *wb_en = rtu_read_part (en, "xl/workbook.xml");
  g_autofree char *wb_id = rtu_read_part (id, "xl/workbook.xml");
  g_autofree char *strings_en = rtu_read_part (en, "xl/sharedStrings.xml");
  g_autofree char *strings_id = rtu_read_part (id, "xl/sharedStrings.xml");
  g_autofree char *actions = rtu_read_part (id, "xl/worksheets/sheet7.xml");
  g_autofree char *checklist = rtu_read_part (id, "xl/worksheets/sheet8.xml");
  const char *in_en[] = { "Action Plan",
                          "Inpres 2-2021",
                          "Planned",
                          "In progress",
                          "Done",
                          "Dropped",
                          "Perbup 25/2021",
                          "Not recorded",
                          "Yes",
                          "No",
                          "Rakor monev semester II, 15 June 2026",
                          "Responsible office (OPD)",
                          "Actions: 13 · Planned: 3 · In progress: 3 · Done: 4 · Dropped: 3" };
  const char *in_id[] = { "Rencana Tindak Lanjut",
                          "Inpres 2-2021",
                          "Direncanakan",
                          "Berjalan",
                          "Selesai",
                          "Dibatalkan",
                          "Perbup 25/2021",
                          "Belum dicatat",
                          "Ya",
                          "Tidak",
                          "Rakor monev semester II, 15 Juni 2026",
                          "Perangkat daerah penanggung jawab (OPD)" };

  /* After "Import Notes", before "Data": the data sheet stays the one to import */
  g_assert_nonnull (strstr (wb_en, "<sheet name=\"Import Notes\" sheetId=\"6\""));
  g_assert_nonnull (strstr (wb_en, "<sheet name=\"Action Plan\" sheetId=\"7\""));
  g_assert_nonnull (strstr (wb_en, "<sheet name=\"Inpres 2-2021\" sheetId=\"8\""));
  g_assert_nonnull (strstr (wb_en, "<sheet name=\"Data\" sheetId=\"9\""));
  g_assert_nonnull (strstr (wb_id, "<sheet name=\"Rencana Tindak Lanjut\" sheetId=\"7\""));
  g_assert_cmpuint (rtu_count_substrings (wb_en, "name=\"Cakupan_Computed\""), ==, 8);
  for (guint i = 0; i < G_N_ELEMENTS (in_en); i++)
    if (strstr (strings_en, in_en[i]) == NULL && strstr (wb_en, in_en[i]) == NULL)
      g_error ("“%s” is not in the English workbook", in_en[i]);
  for (guint i = 0; i < G_N_ELEMENTS (in_id); i++)
    if (strstr (strings_id, in_id[i]) == NULL && strstr (wb_id, in_id[i]) == NULL)
      g_error ("“%s” is not in the Indonesian workbook", in_id[i]);
  /* Jakarta's action is no action of Jawa Timur's report, and it says so */
  g_assert_null (strstr (strings_en, "Pendataan PPSU"));
  g_assert_nonnull (strstr (strings_en, "Actions of regencies outside Jawa Timur, not listed "
                                        "here: 1."));

  /* The action plan: 13 rows from row 5, filtered, dates as dates, the counts as formulas */
  g_assert_nonnull (strstr (actions, "<autoFilter ref=\"A4:J17\"/>"));
  g_assert_nonnull (strstr (actions, "<f>COUNTIF($G$5:$G$17,\"Direncanakan\")</f><v>3</v>"));
  g_assert_nonnull (strstr (actions, "<f>COUNTIF($G$5:$G$17,\"Dibatalkan\")</f><v>3</v>"));
  g_assert_nonnull (strstr (actions, "<f>SUM(G20:G23)</f><v>13</v>"));
  /* 2026-03-31 as a date: 46112 days since 1900 */
  g_assert_nonnull (strstr (actions, "<v>46112</v>"));

  /* The checklist: the 38 regencies, three recorded; per item, the count of "Ya" */
  g_assert_nonnull (strstr (checklist, "<autoFilter ref=\"A4:P42\"/>"));
  g_assert_nonnull (strstr (checklist, "<f>COUNTIF($D$5:$D$42,\"Ya\")</f><v>2</v>"));
  g_assert_nonnull (strstr (checklist, "<f>COUNTIF($G$5:$G$42,\"Ya\")</f><v>1</v>"));
  g_assert_nonnull (strstr (checklist, "<f>COUNTIF($J$5:$J$42,\"Ya\")</f><v>1</v>"));
  g_assert_nonnull (strstr (checklist, "<f>ROWS($D$5:$D$42)-COUNTIF($D$5:$D$42,\"Belum "
                                       "dicatat\")</f><v>3</v>"));
  /* Banyuwangi's APBD: Rp1.008.000.000 for 5.000 workers, as numbers */
  g_assert_nonnull (strstr (checklist, "<v>1008000000</v>"));
  g_assert_nonnull (strstr (checklist, "<v>5000</v>"));
  g_assert_nonnull (strstr (checklist, "<pageSetup paperSize=\"9\" fitToHeight=\"0\" "
                                       "orientation=\"landscape\"/>"));
  g_assert_cmpuint (rtu_count_substrings (checklist, "<autoFilter"), ==, 1);
  g_rmdir (dir);
  g_unlink (en);
  g_unlink (id);
}

/* Without a project, no such sheets; a project with nothing recorded says so on each. */
static void
test_without (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cak-report-monev-XXXXXX", NULL);
  g_autoptr (CakMonev) empty = cak_monev_new (ctu_sample_dataset ());
  g_autofree char *none = write_report (CAK_LANG_EN, NULL, dir, "none.xlsx");
  g_autofree char *blank = write_report (CAK_LANG_EN, empty, dir, "blank.xlsx");
  g_autofree char *wb_none = rtu_read_part (none, "xl/workbook.xml");
  g_autofree char *wb_blank = rtu_read_part (blank, "xl/workbook.xml");
  g_autofree char *strings = rtu_read_part (blank, "xl/sharedStrings.xml");
  g_autofree char *checklist = rtu_read_part (blank, "xl/worksheets/sheet8.xml");

  g_assert_null (strstr (wb_none, "Action Plan"));
  g_assert_null (strstr (wb_none, "Inpres"));
  g_assert_nonnull (strstr (wb_blank, "<sheet name=\"Action Plan\""));
  g_assert_nonnull (strstr (wb_blank, "<sheet name=\"Inpres 2-2021\""));
  g_assert_nonnull (strstr (strings, "No follow-up action was recorded in the project."));
  g_assert_nonnull (strstr (strings, "Nothing was recorded in the project for any regency or "
                                     "city."));
  /* Not recorded, never "No" */
  g_assert_null (strstr (strings, "<t>No</t>"));
  g_assert_nonnull (strstr (checklist, "<f>COUNTIF($D$5:$D$42,\"Yes\")</f><v>0</v>"));
  g_unlink (none);
  g_unlink (blank);
  g_rmdir (dir);
}

/* The sheet's choice leaves a sheet out */
static void
test_choice (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cak-report-monev-XXXXXX", NULL);
  g_autoptr (CakMonev) monev = mtu_sample_monev (ctu_sample_dataset (), 3);
  g_autofree char *path = g_build_filename (dir, "choice.xlsx", NULL);
  g_autofree char *wb = NULL;
  g_autoptr (GError) error = NULL;
  CakReportOptions options = { 0 };

  options.lang = CAK_LANG_EN;
  options.province_code = "35";
  options.period = ctu_period ("2024-12");
  options.sheets = CAK_REPORT_CHECKLIST;
  options.monev = monev;
  g_assert_true (
      cak_report_write (ctu_sample_dataset (), &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  wb = rtu_read_part (path, "xl/workbook.xml");
  g_assert_null (strstr (wb, "Action Plan"));
  g_assert_nonnull (strstr (wb, "<sheet name=\"Inpres 2-2021\""));
  g_unlink (path);
  g_rmdir (dir);
}

/* LibreOffice recalculates the counts and reads what a person sees */
static void
test_libreoffice (void)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *profile_uri = NULL;
  g_autofree char *env_arg = NULL;
  g_autofree char *out = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_autoptr (CakMonev) monev = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed");
      return;
    }
  dir = g_dir_make_tmp ("cak-report-monev-lo-XXXXXX", NULL);
  monev = mtu_sample_monev (ctu_sample_dataset (), N_ACTIONS);
  path = write_report (CAK_LANG_EN, monev, dir, "monev.xlsx");
  {
    g_autofree char *profile = g_build_filename (dir, "profile", NULL);

    profile_uri = g_filename_to_uri (profile, NULL, NULL);
  }
  env_arg = g_strdup_printf ("-env:UserInstallation=%s", profile_uri);
  out = g_build_filename (dir, "out", NULL);
  {
    const char *argv[] = { soffice,
                           env_arg,
                           "--headless",
                           "--convert-to",
                           "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,"
                           "false,false,-1",
                           "--outdir",
                           out,
                           path,
                           NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL,
                                 G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                 NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  csv = g_build_filename (out, "monev-Inpres 2-2021.csv", NULL);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "35.05,Kabupaten Blitar,Yes,Perbup 25/2021,"));
  g_assert_nonnull (strstr (text, "/2021,No,,,No,,,Yes,No,,"));
  g_assert_nonnull (strstr (text, "35.78,Kota Surabaya,Not recorded,,,Not recorded,,,"
                                  "Not recorded,,,Not recorded,Not recorded,"));
  g_assert_nonnull (strstr (text, "Regencies and cities with the item,,,2,,,1,,,1,,,1,1,"));
  g_assert_nonnull (strstr (text, "Regencies and cities with a record,,,3,"));
  g_clear_pointer (&csv, g_free);
  g_clear_pointer (&text, g_free);
  csv = g_build_filename (out, "monev-Action Plan.csv", NULL);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, ",Planned,3,"));
  g_assert_nonnull (strstr (text, ",Total,13,"));
}

/* The summary says where the targets come from, as the indicators decide: typed for a regency,
 * the province's typed one, or a file's */
static void
test_target_origins (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cak-report-monev-XXXXXX", NULL);
  g_autofree char *sample = g_build_filename (g_getenv ("CAKUPAN_SOURCE_DIR"), "data", "samples",
                                              "jatim-ilustratif-2022-2024.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (sample);
  g_autoptr (CakDataset) ds = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (CakMonev) monev = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "targets.xlsx", NULL);
  g_autofree char *plain_path = g_build_filename (dir, "plain.xlsx", NULL);
  g_autofree char *strings = NULL;
  g_autofree char *plain = NULL;
  CakReportOptions options = { 0 };

  g_assert_true (cak_import_file (ds, file, NULL, NULL, &error));
  g_assert_no_error (error);
  options.lang = CAK_LANG_EN;
  options.province_code = "35";
  options.period = ctu_period ("2024-12");
  g_assert_true (cak_report_write (ds, &options, plain_path, NULL, NULL, NULL, &error));
  plain = rtu_read_part (plain_path, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (plain, "from the imported files: 38 (jatim-ilustratif-2022-2024.csv)"));

  monev = cak_monev_new (ds);
  g_assert_true (
      cak_monev_set_target (monev, mtu_region ("35"), cak_period_year (2024), 40, NULL, &error));
  g_assert_true (
      cak_monev_set_target (monev, mtu_region ("35.05"), cak_period_year (2024), 30, NULL, &error));
  g_assert_no_error (error);
  options.monev = monev;
  g_assert_true (cak_report_write (ds, &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  strings = rtu_read_part (path, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (strings, "typed in the project for the regency or city itself: 1; "
                                     "the province’s target typed in the project: 37. A target "
                                     "typed in the project wins over a file’s; a regency’s own "
                                     "over its province’s."));
  g_unlink (path);
  g_unlink (plain_path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/monev/sheets", test_sheets);
  g_test_add_func ("/report/monev/without", test_without);
  g_test_add_func ("/report/monev/choice", test_choice);
  g_test_add_func ("/report/monev/libreoffice", test_libreoffice);
  g_test_add_func ("/report/monev/target-origins", test_target_origins);
  return g_test_run ();
}
