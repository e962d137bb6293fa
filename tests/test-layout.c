/* test-layout.c: the importer on tables as officials receive them
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Title lines, headers over two rows, column numbers, notes, totals, the long layout, row-level
 * extracts, periods from titles, user mappings and the preview. The same importer serves every
 * reader, so CSV text stands for all of them here.
 */
#define G_LOG_DOMAIN "test-layout"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cak-import.h"

static CakDataset *
import_with (const char *text, const CakImportOptions *options, GError **error)
{
  CakDataset *ds = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));

  if (!cak_import_bytes (ds, bytes, "tabel.csv", options, NULL, error))
    g_clear_object (&ds);
  return ds;
}

static double
value_of (CakDataset *ds, const char *code, const char *period_text, CakMeasure m)
{
  const CakRegion *r = cak_region_catalog_lookup_code (cak_region_catalog_get_default (), code);
  CakPeriod p;
  CakValue v;

  g_assert_nonnull (r);
  g_assert_true (cak_period_parse (period_text, &p));
  return cak_dataset_get (ds, r, p, m, &v) ? v.value : NAN;
}

static const CakSheetReport *
only_sheet (CakDataset *ds, guint rows)
{
  GPtrArray *sheets = cak_dataset_get_sheet_reports (ds);
  const CakSheetReport *sheet;

  g_assert_cmpuint (sheets->len, ==, 1);
  sheet = g_ptr_array_index (sheets, 0);
  g_assert_cmpuint (sheet->rows, ==, rows);
  g_assert_cmpuint (sheet->imported + sheet->skipped + sheet->rejected, ==, rows);
  return sheet;
}

/* The first issue on @row whose message contains @text, or NULL (then all are listed). */
static const CakIssue *
issue_with (CakDataset *ds, guint row, const char *text)
{
  const GArray *issues = cak_dataset_get_issues (ds);

  for (guint i = 0; i < issues->len; i++)
    {
      const CakIssue *issue = &g_array_index (issues, CakIssue, i);

      if (issue->source.row == row && strstr (issue->message, text))
        return issue;
    }
  for (guint i = 0; i < issues->len; i++)
    g_test_message ("row %u column %u: %s", g_array_index (issues, CakIssue, i).source.row,
                    g_array_index (issues, CakIssue, i).source.column,
                    g_array_index (issues, CakIssue, i).message);
  return NULL;
}

/* A table as a BPJS branch office makes it: a title with the period, a header over two rows
 * with "PESERTA AKTIF" merged over its segments, column numbers, a total and a source note. */
static const char branch_table[]
    = "REKAPITULASI KEPESERTAAN BPJS KETENAGAKERJAAN;;;;;;;;\n"
      "POSISI DESEMBER 2023;;;;;;;;\n"
      ";;;;;;;;\n"
      "NO;KABUPATEN/KOTA;PENDUDUK BEKERJA;PESERTA AKTIF;;;;;CAKUPAN (%)\n"
      ";;;PU;BPU;JAKON;PMI;JUMLAH;\n"
      "(1);(2);(3);(4);(5);(6);(7);(8);(9)\n"
      "1;Kab. Blitar;449.717;60.000;40.000;10.000;4.377;114.377;25,43\n"
      "2;Kota Blitar;80.000;20.000;5.000;1.000;1.000;27.000;33,75\n"
      "3;Kab. Malang;1.400.000;300.000;100.000;20.000;10.000;430.000;30,71\n"
      "JUMLAH;;1.929.717;380.000;145.000;31.000;15.377;571.377;29,61\n"
      "Sumber: BPJS Ketenagakerjaan Kanwil Jatim;;;;;;;;\n";

static void
test_branch_table (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CakDataset) ds = import_with (branch_table, NULL, &error);
  const CakSheetReport *sheet;

  g_assert_no_error (error);
  sheet = only_sheet (ds, 11);
  g_assert_cmpuint (sheet->imported, ==, 3);
  g_assert_cmpuint (sheet->skipped, ==, 8);
  g_assert_cmpuint (sheet->rejected, ==, 0);

  /* The period is the title's; the segments come from under the merged group header, and
   * "JUMLAH" under "PESERTA AKTIF" is the participants. */
  g_assert_cmpfloat (value_of (ds, "35.05", "2023-12", CAK_MEASURE_WORKFORCE), ==, 449717);
  g_assert_cmpfloat (value_of (ds, "35.05", "2023-12", CAK_MEASURE_PU), ==, 60000);
  g_assert_cmpfloat (value_of (ds, "35.05", "2023-12", CAK_MEASURE_PMI), ==, 4377);
  g_assert_cmpfloat (value_of (ds, "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 114377);
  g_assert_cmpfloat (value_of (ds, "35.72", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 27000);

  g_assert_nonnull (issue_with (ds, 2, "title line"));
  g_assert_nonnull (issue_with (ds, 1, "Skipped: title line."));
  g_assert_nonnull (issue_with (ds, 4, "Skipped: the header."));
  g_assert_nonnull (issue_with (ds, 5, "Skipped: the header."));
  g_assert_nonnull (issue_with (ds, 6, "column numbers"));
  g_assert_nonnull (issue_with (ds, 10, "total row"));
  g_assert_nonnull (issue_with (ds, 11, "note under the table"));
  /* The file's coverage of Kab. Blitar is right (25,43%), so it draws no warning; the total's
   * figures add up. */
  g_assert_cmpuint (cak_dataset_count_errors (ds), ==, 0);
  g_assert_null (issue_with (ds, 7, "coverage written"));
  g_assert_null (issue_with (ds, 10, "add up"));
}

static void
test_total_and_coverage_checks (void)
{
  const char *text = "Kabupaten/Kota;Periode;Penduduk Bekerja;Peserta Aktif;Cakupan %\n"
                     "Kab. Blitar;2023-12;449.717;114.377;30,00\n"
                     "Kota Blitar;2023-12;80.000;27.000;0,3375\n"
                     "JUMLAH;2023-12;529.717;150.000;\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CakDataset) ds = import_with (text, NULL, &error);
  const CakIssue *issue;

  g_assert_no_error (error);
  only_sheet (ds, 4);
  /* 114 377 / 449 717 is 25,43%, not 30%: a warning naming the cell and both values. */
  issue = issue_with (ds, 2, "coverage written here is 30.00%");
  g_assert_nonnull (issue);
  g_assert_true (issue->has_column);
  g_assert_cmpuint (issue->source.column, ==, 4);
  g_assert_nonnull (strstr (issue->message, "25.43%"));
  /* A fraction for a percentage is read as one. */
  g_assert_null (issue_with (ds, 3, "coverage written"));
  /* The total of participants is 150 000 in the file but 141 377 by its rows. */
  issue = issue_with (ds, 4, "add up to 141,377");
  g_assert_nonnull (issue);
  g_assert_cmpuint (issue->source.column, ==, 3);
  g_assert_nonnull (strstr (issue->message, "150,000"));
  g_assert_null (issue_with (ds, 4, "529,717"));
}

static void
test_long_layout (void)
{
  const char *text = "kode_wilayah,periode,indikator,nilai\n"
                     "35.05,2023,Penduduk Bekerja,449717\n"
                     "35.05,2023-12,Peserta Aktif,114377\n"
                     "35.05,2023-12,PU,60000\n"
                     "35.05,2023,Target,30\n"
                     "35.05,2023-12,Cakupan %,25.43\n"
                     "35.05,2023-12,Luas Wilayah,1336\n"
                     "35.72,2023-12,Peserta Aktif,abc\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CakDataset) ds = import_with (text, NULL, &error);
  const CakSheetReport *sheet;

  g_assert_no_error (error);
  sheet = only_sheet (ds, 8);
  g_assert_cmpuint (sheet->imported, ==, 4);
  g_assert_cmpuint (sheet->rejected, ==, 2);
  g_assert_cmpfloat (value_of (ds, "35.05", "2023", CAK_MEASURE_WORKFORCE), ==, 449717);
  g_assert_cmpfloat (value_of (ds, "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 114377);
  g_assert_cmpfloat (value_of (ds, "35.05", "2023-12", CAK_MEASURE_PU), ==, 60000);
  g_assert_cmpfloat (value_of (ds, "35.05", "2023", CAK_MEASURE_TARGET_PCT), ==, 30);
  g_assert_nonnull (issue_with (ds, 7, "not a measure"));
  g_assert_nonnull (issue_with (ds, 8, "not a number"));
}

static void
test_extract (void)
{
  g_autoptr (GString) text = g_string_new ("kode_wil,segmen,status,nik_hash\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (CakDataset) ds = NULL;
  CakImportOptions options = { 0 };
  const CakSheetReport *sheet;
  guint rows = 1;

  /* 35.05: 3 PU, 2 BPU, 1 Jakon active, 1 PU inactive; 35.72: 2 PMI; then bad rows. */
  for (guint i = 0; i < 3; i++, rows++)
    g_string_append_printf (text, "35.05,PU,AKTIF,h%u\n", rows);
  for (guint i = 0; i < 2; i++, rows++)
    g_string_append_printf (text, "3505,Bukan Penerima Upah,Aktif,h%u\n", rows);
  g_string_append (text, "35.05,JAKON,aktif,h\n35.05,PU,NONAKTIF,h\n");
  g_string_append (text, "35.72,PMI,AKTIF,h\n35.72,pmi,AKTIF,h\n");
  g_string_append (text, "99.99,PU,AKTIF,h\n99.99,PU,AKTIF,h\n35.05,ABC,AKTIF,h\n");
  g_string_append (text, "35.05,PU,MENINGGAL,h\n,,,\n");
  rows = 1 + 5 + 2 + 2 + 3 + 2;

  options.default_period = cak_period_month (2024, 6);
  ds = import_with (text->str, &options, &error);
  g_assert_no_error (error);
  sheet = only_sheet (ds, rows);
  g_assert_cmpuint (sheet->imported, ==, 8);
  g_assert_cmpuint (sheet->rejected, ==, 4);
  g_assert_cmpuint (sheet->skipped, ==, 3); /* header, inactive, blank */

  g_assert_cmpfloat (value_of (ds, "35.05", "2024-06", CAK_MEASURE_PU), ==, 3);
  g_assert_cmpfloat (value_of (ds, "35.05", "2024-06", CAK_MEASURE_BPU), ==, 2);
  g_assert_cmpfloat (value_of (ds, "35.05", "2024-06", CAK_MEASURE_JAKON), ==, 1);
  g_assert_cmpfloat (value_of (ds, "35.05", "2024-06", CAK_MEASURE_PMI), ==, 0);
  g_assert_cmpfloat (value_of (ds, "35.05", "2024-06", CAK_MEASURE_PARTICIPANTS), ==, 6);
  g_assert_cmpfloat (value_of (ds, "35.72", "2024-06", CAK_MEASURE_PMI), ==, 2);

  /* Reasons are told once per text, with a count and the first row. */
  g_assert_nonnull (issue_with (ds, 11, "“99.99” is not a region code or name Cakupan knows. (2 rows"));
  g_assert_nonnull (issue_with (ds, 13, "“ABC” is not a segment"));
  g_assert_nonnull (issue_with (ds, 14, "MENINGGAL"));
  g_assert_nonnull (issue_with (ds, 8, "“NONAKTIF” is not active. (1 row"));
}

static void
test_extract_mapped (void)
{
  const char *text = "wil,jenis,keadaan\n35.05,PU,AKTIF\n35.05,BPU,AKTIF\n35.05,PU,NONAKTIF\n";
  g_autoptr (GPtrArray) map = g_ptr_array_new_with_free_func ((GDestroyNotify)cak_column_mapping_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (CakDataset) ds = NULL;
  CakImportOptions options = { 0 };
  const char *specs[] = { "wil=region", "jenis=segment", "keadaan=status" };

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      CakColumnMapping *mapping = NULL;

      g_assert_true (cak_import_parse_mapping (specs[i], &mapping, &error));
      g_assert_no_error (error);
      g_ptr_array_add (map, mapping);
    }
  /* Without the mapping the file means nothing to the detector. */
  ds = import_with (text, &options, &error);
  g_assert_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_HEADER);
  g_clear_error (&error);

  options.column_map = map;
  options.default_period = cak_period_year (2024);
  ds = import_with (text, &options, &error);
  g_assert_no_error (error);
  only_sheet (ds, 4);
  g_assert_cmpfloat (value_of (ds, "35.05", "2024", CAK_MEASURE_PARTICIPANTS), ==, 2);
}

static void
test_mapping_spec (void)
{
  CakColumnMapping *mapping = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (cak_import_parse_mapping ("Jml TK = workforce", &mapping, &error));
  g_assert_cmpstr (mapping->header, ==, "Jml TK");
  g_assert_cmpint (mapping->role, ==, CAK_COLUMN_MEASURE);
  g_assert_cmpint (mapping->measure, ==, CAK_MEASURE_WORKFORCE);
  cak_column_mapping_free (mapping);

  g_assert_true (cak_import_parse_mapping ("A=B=ignore", &mapping, &error));
  g_assert_cmpstr (mapping->header, ==, "A=B");
  g_assert_cmpint (mapping->role, ==, CAK_COLUMN_NONE);
  cak_column_mapping_free (mapping);

  g_assert_false (cak_import_parse_mapping ("no equals sign", &mapping, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (cak_import_parse_mapping ("Jml=nonsense", &mapping, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "region-code"));

  for (guint r = 0; r < CAK_N_COLUMN_ROLES; r++)
    {
      CakColumnRole role;
      CakMeasure measure;

      if (r == CAK_COLUMN_MEASURE)
        continue;
      g_assert_true (cak_import_role_from_id (cak_column_role_to_id (r, 0), &role, &measure));
      g_assert_cmpint (role, ==, r);
    }
  for (guint m = 0; m < CAK_N_MEASURES; m++)
    {
      CakColumnRole role;
      CakMeasure measure;

      g_assert_true (
          cak_import_role_from_id (cak_column_role_to_id (CAK_COLUMN_MEASURE, m), &role, &measure));
      g_assert_cmpint (role, ==, CAK_COLUMN_MEASURE);
      g_assert_cmpint (measure, ==, m);
    }
}

static void
test_no_period (void)
{
  const char *text = "Kabupaten/Kota;Peserta Aktif\nKab. Blitar;114.377\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CakDataset) ds = import_with (text, NULL, &error);
  CakImportOptions options = { 0 };

  g_assert_null (ds);
  g_assert_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_PERIOD);
  g_assert_nonnull (strstr (error->message, "tabel.csv"));
  g_clear_error (&error);

  options.default_period = cak_period_month (2023, 12);
  ds = import_with (text, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (value_of (ds, "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 114377);
}

/* The preview of a file without a period still shows its header, for the mapping step. */
static void
test_preview_no_period (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cakupan-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "tabel.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CakImportPreview) preview = NULL;
  const CakSheetPreview *sheet;

  g_assert_true (g_file_set_contents (path, "Kabupaten/Kota;Peserta Aktif\nKab. Blitar;114.377\n",
                                      -1, NULL));
  preview = cak_import_preview_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  sheet = g_ptr_array_index (preview->sheets, 0);
  g_assert_cmpuint (sheet->header_last, ==, 1);
  g_assert_cmpuint (sheet->headers->len, ==, 2);
  g_assert_cmpint (g_array_index (sheet->roles, CakColumnRole, 0), ==, CAK_COLUMN_REGION_NAME);
  g_assert_false (cak_period_is_valid (sheet->period));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_code_in_name (void)
{
  const char *text = "Wilayah;Periode;Peserta Aktif\n"
                     "3505 Kab. Blitar;2023-12;1\n"
                     "35.72 - KOTA BLITAR;2023-12;2\n"
                     "35.07: Malang;2023-12;3\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CakDataset) ds = import_with (text, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (only_sheet (ds, 4)->imported, ==, 3);
  g_assert_cmpfloat (value_of (ds, "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 1);
  g_assert_cmpfloat (value_of (ds, "35.72", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 2);
  g_assert_cmpfloat (value_of (ds, "35.07", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 3);
}

/* "Blitar" alone is Kabupaten or Kota; the province the other rows name settles it only with a
 * kind, and the bare name stays ambiguous rather than guessed, even when it comes first. */
static void
test_ambiguous_first (void)
{
  const char *text = "Kabupaten/Kota;Periode;Peserta Aktif\n"
                     "Blitar;2023-12;1\n"
                     "Kab. Malang;2023-12;2\n"
                     "Kab. Kediri;2023-12;3\n"
                     "Kab. Jember;2023-12;4\n"
                     "Kabupaten Madiun;2023-12;5\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CakDataset) ds = import_with (text, NULL, &error);
  const CakSheetReport *sheet;

  g_assert_no_error (error);
  sheet = only_sheet (ds, 6);
  g_assert_cmpuint (sheet->imported, ==, 4);
  g_assert_cmpuint (sheet->rejected, ==, 1);
  g_assert_nonnull (issue_with (ds, 2, "could be"));
}

static void
test_region_map (void)
{
  const char *text = "Kabupaten/Kota;Periode;Peserta Aktif\n"
                     "Blitar;2023-12;1\n"
                     "Kab. Blitaar;2023-12;2\n";
  g_autoptr (GHashTable) regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (CakDataset) ds = NULL;
  CakImportOptions options = { 0 };

  g_hash_table_insert (regions, cak_import_normalize ("Blitar"), g_strdup ("35.72"));
  g_hash_table_insert (regions, cak_import_normalize ("KAB. BLITAAR"), g_strdup ("35.05"));
  options.region_map = regions;
  ds = import_with (text, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (only_sheet (ds, 3)->imported, ==, 2);
  g_assert_cmpfloat (value_of (ds, "35.72", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 1);
  g_assert_cmpfloat (value_of (ds, "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 2);
}

static void
test_preview (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cakupan-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cabang.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CakImportPreview) preview = NULL;
  g_autofree char *with_unknown
      = g_strconcat (branch_table, "4;Blitar;1;1;1;1;1;4;1\n5;Kab. Blitaar;1;1;1;1;1;4;1\n", NULL);
  const CakSheetPreview *sheet;
  const CakUnmatchedRegion *unmatched;

  g_assert_true (g_file_set_contents (path, with_unknown, -1, NULL));
  preview = cak_import_preview_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (preview->file, ==, "cabang.csv");
  g_assert_cmpuint (preview->sheets->len, ==, 1);
  sheet = g_ptr_array_index (preview->sheets, 0);
  g_assert_cmpint (sheet->layout, ==, CAK_LAYOUT_WIDE);
  g_assert_cmpuint (sheet->header_first, ==, 4);
  g_assert_cmpuint (sheet->header_last, ==, 5);
  g_assert_cmpuint (sheet->rows->len, ==, 13);
  g_assert_cmpuint (g_array_index (sheet->row_kinds, CakRowKind, 0), ==, CAK_ROW_TITLE);
  g_assert_cmpuint (g_array_index (sheet->row_kinds, CakRowKind, 2), ==, CAK_ROW_BLANK);
  g_assert_cmpuint (g_array_index (sheet->row_kinds, CakRowKind, 3), ==, CAK_ROW_HEADER);
  g_assert_cmpuint (g_array_index (sheet->row_kinds, CakRowKind, 5), ==, CAK_ROW_COLUMN_NUMBERS);
  g_assert_cmpuint (g_array_index (sheet->row_kinds, CakRowKind, 6), ==, CAK_ROW_DATA);
  g_assert_cmpuint (g_array_index (sheet->row_kinds, CakRowKind, 9), ==, CAK_ROW_TOTAL);
  g_assert_cmpuint (g_array_index (sheet->row_kinds, CakRowKind, 10), ==, CAK_ROW_NOTE);
  g_assert_cmpuint (g_array_index (sheet->row_kinds, CakRowKind, 12), ==, CAK_ROW_REJECTED);
  g_assert_cmpstr (g_ptr_array_index (sheet->headers, 3), ==, "PESERTA AKTIF / PU");
  g_assert_cmpint (g_array_index (sheet->roles, CakColumnRole, 0), ==, CAK_COLUMN_ROW_NUMBER);
  g_assert_cmpint (g_array_index (sheet->roles, CakColumnRole, 1), ==, CAK_COLUMN_REGION_NAME);
  g_assert_cmpint (g_array_index (sheet->measures, CakMeasure, 7), ==, CAK_MEASURE_PARTICIPANTS);
  g_assert_cmpint (g_array_index (sheet->roles, CakColumnRole, 8), ==, CAK_COLUMN_COVERAGE_PCT);
  g_assert_nonnull (preview->signature);

  /* The bare "Blitar" is settled by the other rows' province only with a kind: ambiguous,
   * with both as candidates; the misspelling has a suggestion. */
  g_assert_cmpuint (preview->unmatched->len, ==, 2);
  unmatched = g_ptr_array_index (preview->unmatched, 0);
  g_assert_cmpstr (unmatched->text, ==, "Blitar");
  g_assert_true (unmatched->ambiguous);
  g_assert_cmpuint (unmatched->candidates->len, ==, 2);
  unmatched = g_ptr_array_index (preview->unmatched, 1);
  g_assert_cmpstr (unmatched->text, ==, "Kab. Blitaar");
  g_assert_false (unmatched->ambiguous);
  g_assert_cmpuint (unmatched->candidates->len, >=, 1);
  g_assert_cmpstr (((const CakRegion *)g_ptr_array_index (unmatched->candidates, 0))->code, ==,
                   "35.05");

  g_unlink (path);
  g_rmdir (dir);
}

/* A long file streams: rows past the vote are handled one by one, and the counts hold. */
static void
test_long_file (void)
{
  g_autoptr (GString) text = g_string_new ("Kode Wilayah,Periode,Peserta Aktif\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (CakDataset) ds = NULL;
  const CakSheetReport *sheet;

  for (guint y = 2000; y < 2030; y++)
    for (guint m = 1; m <= 12; m++)
      for (guint r = 1; r <= 9; r++)
        g_string_append_printf (text, "35.0%u,%u-%02u,%u\n", r, y, m, r * 1000 + m);
  ds = import_with (text->str, NULL, &error);
  g_assert_no_error (error);
  sheet = only_sheet (ds, 1 + 30 * 12 * 9);
  g_assert_cmpuint (sheet->imported, ==, 30 * 12 * 9);
  g_assert_cmpfloat (value_of (ds, "35.09", "2029-12", CAK_MEASURE_PARTICIPANTS), ==, 9012);
}

/* Workforce from BPS, participants from BPJS: two files join by region and period; the same
 * figure written twice with two values is a conflict naming both places. */
static void
test_join (void)
{
  const char *bps = "Kode BPS;Kabupaten/Kota;Tahun;Penduduk Bekerja\n"
                    "3505;Blitar;2023;449.717\n"
                    "3572;Kota Blitar;2023;80.000\n";
  const char *bpjs = "Kode Wilayah,Periode,Peserta Aktif,Penduduk Bekerja\n"
                     "35.05,2023-12,114377,\n"
                     "35.72,2023,,81000\n";
  g_autoptr (CakDataset) ds = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GBytes) a = g_bytes_new_static (bps, strlen (bps));
  g_autoptr (GBytes) b = g_bytes_new_static (bpjs, strlen (bpjs));
  g_autoptr (GError) error = NULL;
  GPtrArray *sheets;
  const CakIssue *issue;

  g_assert_true (cak_import_bytes (ds, a, "bps.csv", NULL, NULL, &error));
  g_assert_true (cak_import_bytes (ds, b, "bpjs.csv", NULL, NULL, &error));
  g_assert_no_error (error);
  sheets = cak_dataset_get_sheet_reports (ds);
  g_assert_cmpuint (sheets->len, ==, 2);
  g_assert_cmpfloat (value_of (ds, "35.05", "2023", CAK_MEASURE_WORKFORCE), ==, 449717);
  g_assert_cmpfloat (value_of (ds, "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 114377);
  g_assert_cmpuint (((CakSheetReport *)g_ptr_array_index (sheets, 1))->rejected, ==, 1);
  issue = issue_with (ds, 3, "bps.csv, row 3, column D");
  g_assert_nonnull (issue);
  g_assert_cmpstr (issue->source.file, ==, "bpjs.csv");
  g_assert_nonnull (strstr (issue->message, "81,000"));
  g_assert_nonnull (strstr (issue->message, "80,000"));
}

/* Headers read by their words: units, years, "Jml", segments after "Peserta", "Capaian". */
static void
test_header_words (void)
{
  const struct
  {
    const char *header;
    CakColumnRole role;
    CakMeasure measure;
    const char *period; /* NULL: none */
    const char *unit;   /* NULL: none */
  } cases[] = {
    { "Tenaga Kerja (Jiwa)", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE, NULL, "Jiwa" },
    { "Penduduk Bekerja 2024", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE, "2024", NULL },
    { "Bekerja 2023", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE, "2023", NULL },
    { "Jml Peserta Aktif", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS, NULL, NULL },
    { "Jumlah Peserta Aktif (orang)", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS, NULL,
      "orang" },
    { "Peserta PU", CAK_COLUMN_MEASURE, CAK_MEASURE_PU, NULL, NULL },
    { "Peserta BPU", CAK_COLUMN_MEASURE, CAK_MEASURE_BPU, NULL, NULL },
    { "Peserta Aktif Jakon", CAK_COLUMN_MEASURE, CAK_MEASURE_JAKON, NULL, NULL },
    { "Peserta PMI", CAK_COLUMN_MEASURE, CAK_MEASURE_PMI, NULL, NULL },
    { "Target Coverage (%)", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT, NULL, "%" },
    { "Target UCJ 2025 (%)", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT, "2025", "%" },
    { "Capaian (%)", CAK_COLUMN_COVERAGE_PCT, 0, NULL, NULL },
    { "Persentase Cakupan Kepesertaan", CAK_COLUMN_COVERAGE_PCT, 0, NULL, NULL },
    { "Peserta Aktif Des 2023", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS, "2023-12", NULL },
    { "Peserta Aktif BPJS Ketenagakerjaan", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS, NULL,
      NULL },
    /* What must not be read as a measure Cakupan knows. */
    { "Pekerja Rentan (APBD)", CAK_COLUMN_NONE, 0, NULL, NULL },
    { "Tenaga Kerja Formal", CAK_COLUMN_NONE, 0, NULL, NULL },
    { "Tidak Bekerja", CAK_COLUMN_NONE, 0, NULL, NULL },
    { "Target Peserta", CAK_COLUMN_NONE, 0, NULL, NULL },
    { "Jumlah Klaim (Rp)", CAK_COLUMN_NONE, 0, NULL, "Rp" },
    { "2021", CAK_COLUMN_NONE, 0, "2021", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CakHeaderReading reading;

      g_test_message ("header “%s”", cases[i].header);
      cak_import_read_header (cases[i].header, &reading);
      g_assert_cmpint (reading.role, ==, cases[i].role);
      if (cases[i].role == CAK_COLUMN_MEASURE)
        g_assert_cmpint (reading.measure, ==, cases[i].measure);
      if (cases[i].period)
        {
          g_autofree char *iso = cak_period_to_iso (reading.period);

          g_assert_cmpstr (iso, ==, cases[i].period);
        }
      else
        g_assert_false (cak_period_is_valid (reading.period));
      g_assert_cmpstr (reading.unit, ==, cases[i].unit);
      cak_header_reading_clear (&reading);
    }
}

static const CakColumnReport *
column_report (const CakSheetReport *sheet, guint column)
{
  g_assert_nonnull (sheet->columns);
  for (guint i = 0; i < sheet->columns->len; i++)
    {
      const CakColumnReport *report = g_ptr_array_index (sheet->columns, i);

      if (report->column == column)
        return report;
    }
  g_assert_not_reached ();
}

/* Every column is accounted for: imported, identifying, a check, information, or unused with
 * the reason; a column of numbers Cakupan does not use is a warning. Years as columns are one
 * measure over periods. */
static void
test_every_column (void)
{
  static const char text[]
      = "No,Kode,Kabupaten/Kota,Bekerja 2023,Bekerja 2024,Peserta Aktif Desember 2024,"
        "Pekerja Rentan (APBD),Capaian (%),Keterangan,Jumlah,\n"
        "1,35.05,Kabupaten Blitar,449717,455000,114377,5000,25.14,ok,7,9\n"
        "2,35.10,Kabupaten Banyuwangi,647000,650000,123000,1200,18.92,,8,\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CakDataset) ds = import_with (text, NULL, &error);
  const CakSheetReport *sheet;
  const struct
  {
    guint column;
    CakColumnUse use;
  } uses[] = {
    { 0, CAK_COLUMN_USE_INFORMATION }, { 1, CAK_COLUMN_USE_IDENTIFIES },
    { 2, CAK_COLUMN_USE_IDENTIFIES },  { 3, CAK_COLUMN_USE_IMPORTED },
    { 4, CAK_COLUMN_USE_IMPORTED },    { 5, CAK_COLUMN_USE_IMPORTED },
    { 6, CAK_COLUMN_USE_UNUSED },      { 7, CAK_COLUMN_USE_CHECK },
    { 8, CAK_COLUMN_USE_INFORMATION }, { 9, CAK_COLUMN_USE_UNUSED },
    { 10, CAK_COLUMN_USE_UNUSED },
  };

  g_assert_no_error (error);
  sheet = only_sheet (ds, 3);
  g_assert_cmpuint (sheet->imported, ==, 2);
  g_assert_cmpuint (sheet->columns->len, ==, G_N_ELEMENTS (uses));
  for (guint i = 0; i < G_N_ELEMENTS (uses); i++)
    {
      g_test_message ("column %u", uses[i].column);
      g_assert_cmpint (column_report (sheet, uses[i].column)->use, ==, uses[i].use);
    }
  g_assert_nonnull (strstr (column_report (sheet, 3)->why, "2023"));

  g_assert_cmpfloat (value_of (ds, "35.05", "2023", CAK_MEASURE_WORKFORCE), ==, 449717);
  g_assert_cmpfloat (value_of (ds, "35.05", "2024", CAK_MEASURE_WORKFORCE), ==, 455000);
  g_assert_cmpfloat (value_of (ds, "35.10", "2024-12", CAK_MEASURE_PARTICIPANTS), ==, 123000);

  /* The unused columns are in the report, with their reason; numbers as a warning. */
  g_assert_nonnull (issue_with (ds, 1, "“Pekerja Rentan (APBD)”, holds numbers Cakupan does "
                                       "not use: map it or leave it."));
  g_assert_cmpint (issue_with (ds, 1, "Pekerja Rentan")->severity, ==, CAK_SEVERITY_WARNING);
  g_assert_nonnull (issue_with (ds, 1, "Column K has no header but holds numbers"));
  g_assert_nonnull (issue_with (ds, 1, "Column J, “Jumlah”, holds numbers"));
}

/* A region column without a figure Cakupan knows: the message names both. */
static void
test_region_without_figures (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CakDataset) ds
      = import_with ("DATA KEPESERTAAN\n"
                     "Kabupaten/Kota,Tenaga Kerja Formal,Pekerja Rentan (APBD)\n"
                     "Kabupaten Blitar,1000,20\n",
                     NULL, &error);

  g_assert_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_HEADER);
  g_assert_nonnull (strstr (error->message, "row 2: found the region column “Kabupaten/Kota”"));
  g_assert_nonnull (strstr (error->message, "“Tenaga Kerja Formal”, “Pekerja Rentan (APBD)”"));
}

/* Two columns of one measure: the second is a check on the first. */
static void
test_second_column_checks (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CakDataset) ds = import_with ("Kabupaten/Kota,Periode,Peserta Aktif,Jumlah Peserta\n"
                                           "Kabupaten Blitar,2023-12,114377,114377\n"
                                           "Kota Blitar,2023-12,27000,27500\n",
                                           NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (column_report (only_sheet (ds, 3), 3)->use, ==, CAK_COLUMN_USE_CHECK);
  g_assert_cmpfloat (value_of (ds, "35.72", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 27000);
  g_assert_nonnull (issue_with (ds, 3, "27,500 here but 27,000 in column C"));
  g_assert_null (issue_with (ds, 2, "here but"));
}

/* BPS and Kemendagri codes: the name beside a code chooses its reading; a name that fits none
 * rejects the row naming both; codes without names are read as written, and the report says so. */
static void
test_code_schemes (void)
{
  const struct
  {
    const char *text;
    const char *code;       /* the region expected for the row, or NULL when rejected */
    const char *message;    /* a report line expected on row 2, or NULL */
    CakSeverity severity;
  } cases[] = {
    { "Kode,Kabupaten/Kota,Periode,Peserta Aktif\n1107,Aceh Barat,2023-12,100\n", "11.05", NULL,
      0 },
    { "Kode,Kabupaten/Kota,Periode,Peserta Aktif\n1107,Pidie,2023-12,100\n", "11.07", NULL, 0 },
    { "Kode,Kabupaten/Kota,Periode,Peserta Aktif\n1107,Aceh Tengah,2023-12,100\n", NULL,
      "is Kabupaten Aceh Barat under BPS numbering (1107) or Kabupaten Pidie if read as "
      "Kemendagri 11.07, but the name beside it, “Aceh Tengah”, is Kabupaten Aceh Tengah (11.04)",
      CAK_SEVERITY_ERROR },
    { "Kabupaten/Kota,Periode,Peserta Aktif\n1107 Aceh Barat,2023-12,100\n", "11.05", NULL, 0 },
    { "Kode,Periode,Peserta Aktif\n1107,2023-12,100\n", "11.05",
      "The codes of this sheet are read as BPS codes", CAK_SEVERITY_WARNING },
    { "Kode,Periode,Peserta Aktif\n11.07,2023-12,100\n", "11.07", NULL, 0 },
    { "Kode,Periode,Peserta Aktif\nID1107,2023-12,100\n", "11.05", NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CakDataset) ds = NULL;

      g_test_message ("case %u", i);
      ds = import_with (cases[i].text, NULL, &error);
      g_assert_no_error (error);
      if (cases[i].code)
        g_assert_cmpfloat (value_of (ds, cases[i].code, "2023-12", CAK_MEASURE_PARTICIPANTS), ==,
                           100);
      else
        g_assert_cmpuint (only_sheet (ds, 2)->rejected, ==, 1);
      if (cases[i].message)
        {
          const CakIssue *issue = issue_with (ds, 2, cases[i].message);

          g_assert_nonnull (issue);
          g_assert_cmpint (issue->severity, ==, cases[i].severity);
        }
      else
        g_assert_cmpuint (cak_dataset_count_errors (ds), ==, 0);
    }
}

int
main (int argc, char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/branch-table", test_branch_table);
  g_test_add_func ("/layout/checks", test_total_and_coverage_checks);
  g_test_add_func ("/layout/long", test_long_layout);
  g_test_add_func ("/layout/extract", test_extract);
  g_test_add_func ("/layout/extract-mapped", test_extract_mapped);
  g_test_add_func ("/layout/mapping-spec", test_mapping_spec);
  g_test_add_func ("/layout/no-period", test_no_period);
  g_test_add_func ("/layout/preview-no-period", test_preview_no_period);
  g_test_add_func ("/layout/code-in-name", test_code_in_name);
  g_test_add_func ("/layout/ambiguous-first", test_ambiguous_first);
  g_test_add_func ("/layout/region-map", test_region_map);
  g_test_add_func ("/layout/preview", test_preview);
  g_test_add_func ("/layout/long-file", test_long_file);
  g_test_add_func ("/layout/join", test_join);
  g_test_add_func ("/layout/header-words", test_header_words);
  g_test_add_func ("/layout/every-column", test_every_column);
  g_test_add_func ("/layout/region-without-figures", test_region_without_figures);
  g_test_add_func ("/layout/second-column-checks", test_second_column_checks);
  g_test_add_func ("/layout/code-schemes", test_code_schemes);
  return g_test_run ();
}
