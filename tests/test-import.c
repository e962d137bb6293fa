/* test-import.c: the CSV reader and the import of regency tables, every row accounted for
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-import"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cak-import-session.h"
#include "cak-import.h"
#include "cak-indicators.h"

static CakDataset *
import_text (const char *name, const char *text, gssize length, GError **error)
{
  CakDataset *ds = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize)length);

  if (!cak_import_bytes (ds, bytes, name, NULL, NULL, error))
    g_clear_object (&ds);
  return ds;
}

static double
value_of (CakDataset *ds, const char *code, const char *period_text, CakMeasure m)
{
  const CakRegion *r = cak_region_catalog_lookup_code (cak_region_catalog_get_default (), code);
  CakPeriod p;
  CakValue v;

  g_assert_true (cak_period_parse (period_text, &p));
  return cak_dataset_get (ds, r, p, m, &v) ? v.value : NAN;
}

static const CakIssue *
find_issue (CakDataset *ds, guint row)
{
  const GArray *issues = cak_dataset_get_issues (ds);

  for (guint i = 0; i < issues->len; i++)
    if (g_array_index (issues, CakIssue, i).source.row == row)
      return &g_array_index (issues, CakIssue, i);
  return NULL;
}

static void
assert_accounted (CakDataset *ds, guint rows)
{
  GPtrArray *sheets = cak_dataset_get_sheet_reports (ds);
  const CakSheetReport *sheet;

  g_assert_cmpuint (sheets->len, ==, 1);
  sheet = g_ptr_array_index (sheets, 0);
  g_assert_cmpuint (sheet->rows, ==, rows);
  g_assert_cmpuint (sheet->imported + sheet->skipped + sheet->rejected, ==, rows);
}

static void
test_template (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CAKUPAN_SOURCE_DIR"), "data", "samples",
                                            "templat-cakupan.csv", NULL);
  g_autoptr (CakDataset) ds = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  g_assert_true (cak_import_file (ds, file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (value_of (ds, "35.05", "2023", CAK_MEASURE_WORKFORCE), ==, 449717);
  g_assert_cmpfloat (value_of (ds, "35.05", "2023", CAK_MEASURE_TARGET_PCT), ==, 30);
  g_assert_cmpfloat (value_of (ds, "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 114377);
  assert_accounted (ds, 3);
  g_assert_cmpuint (cak_dataset_count_errors (ds), ==, 0);
}

static void
test_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CAKUPAN_SOURCE_DIR"), "data", "samples",
                                            "jatim-ilustratif-2022-2024.csv", NULL);
  g_autoptr (CakDataset) ds = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) periods = NULL;
  g_autoptr (GPtrArray) regencies = NULL;
  const CakSheetReport *sheet;
  CakIndicatorRow row;
  CakPeriod dec;

  g_assert_true (cak_import_file (ds, file, NULL, NULL, &error));
  g_assert_no_error (error);
  periods = cak_dataset_get_reporting_periods (ds);
  g_assert_cmpuint (periods->len, ==, 36);
  regencies = cak_dataset_get_regencies (ds, "35");
  g_assert_cmpuint (regencies->len, ==, 38);
  sheet = g_ptr_array_index (cak_dataset_get_sheet_reports (ds), 0);
  g_assert_cmpuint (sheet->imported, ==, 38 * 39);
  g_assert_cmpuint (sheet->skipped, ==, 4); /* two title lines, a blank line, the header */
  g_assert_cmpuint (sheet->rejected, ==, 0);

  /* DOMAIN.md's anchor: Kabupaten Blitar, December 2023 */
  g_assert_true (cak_period_parse ("Desember 2023", &dec));
  cak_indicators_compute_row (
      ds, cak_region_catalog_lookup_code (cak_region_catalog_get_default (), "35.05"), dec, &row);
  g_assert_cmpfloat (row.participants, ==, 114377);
  g_assert_cmpfloat (row.workforce, ==, 449717);
  g_assert_cmpfloat (row.uncovered, ==, 335340);
}

static void
test_layout (void)
{
  const char *text = "REKAP PESERTA BPJS KETENAGAKERJAAN\n"
                     "Posisi Desember 2023\n"
                     "\n"
                     "No;Kabupaten/Kota;Periode;Tenaga Kerja;Peserta Aktif;Cakupan (%)\n"
                     "1;KAB. BLITAR;Des 2023;449.717;114.377;25,43\n"
                     "2;Kota Blitar;Des 2023;80.000;30.000;37,5\n"
                     "3;BLITAR;Des 2023;1.000;100;10\n"
                     "4;Kab. Banyuwangy;Des 2023;647.000;123.000;19\n"
                     "5;Kabupaten Malang;Desember;1.000.000;300.000;30\n"
                     "6;Kabupaten Kediri;Des 2023;satu juta;300.000;30\n"
                     "\n"
                     "No;Kabupaten/Kota;Periode;Tenaga Kerja;Peserta Aktif;Cakupan (%)\n"
                     "JUMLAH;;;1.177.717;444.377;\n"
                     "Jawa Timur;;Des 2023;15.000.000;4.300.000;28,67\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CakDataset) ds = import_text ("rekap.csv", text, -1, &error);
  const CakIssue *issue;
  const CakSheetReport *sheet;

  g_assert_no_error (error);
  g_assert_nonnull (ds);
  assert_accounted (ds, 14);
  sheet = g_ptr_array_index (cak_dataset_get_sheet_reports (ds), 0);
  g_assert_cmpuint (sheet->imported, ==, 2);
  g_assert_cmpuint (sheet->rejected, ==, 4);
  g_assert_cmpuint (sheet->skipped, ==, 8);

  g_assert_cmpfloat (value_of (ds, "35.05", "2023-12", CAK_MEASURE_WORKFORCE), ==, 449717);
  g_assert_cmpfloat (value_of (ds, "35.72", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 30000);

  /* "BLITAR" fits the kabupaten and the kota: rejected with both named, never guessed */
  issue = find_issue (ds, 7);
  g_assert_nonnull (issue);
  g_assert_cmpint (issue->severity, ==, CAK_SEVERITY_ERROR);
  g_assert_true (issue->has_column);
  g_assert_cmpuint (issue->source.column, ==, 1);
  g_assert_nonnull (strstr (issue->message, "Kabupaten Blitar"));
  g_assert_nonnull (strstr (issue->message, "Kota Blitar"));
  /* a misspelt name gets a suggestion */
  issue = find_issue (ds, 8);
  g_assert_nonnull (issue);
  g_assert_nonnull (strstr (issue->message, "Kabupaten Banyuwangi"));
  /* an unreadable period and an unreadable number name their cells */
  issue = find_issue (ds, 9);
  g_assert_nonnull (issue);
  g_assert_cmpuint (issue->source.column, ==, 2);
  issue = find_issue (ds, 10);
  g_assert_nonnull (issue);
  g_assert_cmpuint (issue->source.column, ==, 3);
  g_assert_true (isnan (value_of (ds, "35.06", "2023-12", CAK_MEASURE_PARTICIPANTS)));
  /* the repeated header, the total row and the province row are skipped with reasons */
  g_assert_cmpint (find_issue (ds, 12)->severity, ==, CAK_SEVERITY_INFO);
  g_assert_cmpint (find_issue (ds, 13)->severity, ==, CAK_SEVERITY_INFO);
  g_assert_cmpint (find_issue (ds, 14)->severity, ==, CAK_SEVERITY_INFO);
}

static void
test_english_numbers_and_codes (void)
{
  const char *text = "Region code,Region,Period,Workforce,Participants\r\n"
                     "3505,\"Blitar, Kabupaten\",2023-12,\"449,717\",\"114,377\"\r\n"
                     "35.72,,2023-12,\"80,000.0\",\"30,000\"\r\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CakDataset) ds = import_text ("en.csv", text, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (value_of (ds, "35.05", "2023-12", CAK_MEASURE_WORKFORCE), ==, 449717);
  g_assert_cmpfloat (value_of (ds, "35.72", "2023-12", CAK_MEASURE_WORKFORCE), ==, 80000);
  assert_accounted (ds, 3);
}

static void
test_conflict_between_rows (void)
{
  const char *text = "Kode Wilayah;Periode;Peserta Aktif\n"
                     "35.05;2023-12;114.377\n"
                     "35.05;2023-12;114.377\n"
                     "35.05;2023-12;100.000\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CakDataset) ds = import_text ("dup.csv", text, -1, &error);
  const CakIssue *issue;

  g_assert_no_error (error);
  issue = find_issue (ds, 4);
  g_assert_nonnull (issue);
  g_assert_cmpint (issue->severity, ==, CAK_SEVERITY_ERROR);
  /* both sources named */
  g_assert_nonnull (strstr (issue->message, "dup.csv, row 2"));
  g_assert_cmpfloat (value_of (ds, "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 114377);
}

static void
test_encodings (void)
{
  /* UTF-8 with a byte-order mark, Windows-1252 and UTF-16LE read alike */
  const char utf8_bom[] = "\xEF\xBB\xBFKode Wilayah;Periode;Peserta Aktif\n35.05;2023-12;114.377\n";
  const char cp1252[]
      = "Kode Wilayah;Periode;Peserta Aktif;Catatan\n35.05;2023-12;114.377;caf\xE9\n";
  g_autoptr (GString) utf16 = g_string_new_len ("\xFF\xFE", 2);
  const char *ascii = "Kode Wilayah,Periode,Peserta Aktif\n35.05,2023-12,114377\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (CakDataset) a = import_text ("bom.csv", utf8_bom, sizeof utf8_bom - 1, &error);
  g_autoptr (CakDataset) b = NULL;
  g_autoptr (CakDataset) c = NULL;

  g_assert_no_error (error);
  g_assert_cmpfloat (value_of (a, "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 114377);
  b = import_text ("ansi.csv", cp1252, sizeof cp1252 - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (value_of (b, "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 114377);
  for (const char *p = ascii; *p; p++)
    {
      g_string_append_c (utf16, *p);
      g_string_append_c (utf16, '\0');
    }
  c = import_text ("utf16.csv", utf16->str, utf16->len, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (value_of (c, "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 114377);
}

static void
test_unreadable (void)
{
  const struct
  {
    const char *name;
    const char *text;
    gsize length;
    int code;
  } cases[] = {
    { "empty.csv", "", 0, CAK_IMPORT_ERROR_EMPTY },
    { "binary.csv", "\x01\x02\x00\x00\x05", 5, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET },
    { "book.xlsx", "PK\3\4rest", 8, CAK_IMPORT_ERROR_CORRUPT },
    { "book.ods", "PK\3\4\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
                  "mimetypeapplication/vnd.oasis.opendocument.spreadsheet",
      83, CAK_IMPORT_ERROR_CORRUPT },
    { "old.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", 12, CAK_IMPORT_ERROR_CORRUPT },
    { "renamed.xlsx", "Kode;Peserta Aktif\nx;1\n", 23, CAK_IMPORT_ERROR_NO_PERIOD },
    { "noheader.csv", "a;b;c\n1;2;3\n", 12, CAK_IMPORT_ERROR_NO_HEADER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CakDataset) ds = NULL;

      ds = import_text (cases[i].name, cases[i].text, cases[i].length, &error);

      g_assert_null (ds);
      g_assert_error (error, CAK_IMPORT_ERROR, cases[i].code);
      /* the message names the file */
      g_assert_nonnull (strstr (error->message, cases[i].name));
    }
}

static void
test_delimiters (void)
{
  const struct
  {
    const char *text;
    char delimiter;
  } cases[] = {
    { "a,b,c\n1,2,3\n", ',' }, { "TITLE\n\na;b;c\n1,5;2;3\n", ';' }, { "a\tb\tc\n1\t2\t3\n", '\t' },
    { "a|b|c\n1|2|3\n", '|' }, { "\"x;y\",b,c\n1,2,3\n", ',' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (cak_csv_detect_delimiter (cases[i].text, strlen (cases[i].text)), ==,
                     cases[i].delimiter);
}

typedef struct
{
  GPtrArray *rows;
} Collected;

static gboolean
collect_cb (const CakRow *row, gpointer user_data)
{
  Collected *c = user_data;
  g_autoptr (GString) line = g_string_new (NULL);

  g_string_append_printf (line, "%u:", row->row);
  for (guint i = 0; i < row->n_cells; i++)
    g_string_append_printf (line, "%s[%s]", i ? "," : "", row->cells[i]);
  g_ptr_array_add (c->rows, g_string_free (g_steal_pointer (&line), FALSE));
  return TRUE;
}

static void
test_line_ends (void)
{
  const struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    { "a,b\nc,d\n", "1:[a],[b]|2:[c],[d]" },
    { "a,b\r\nc,d\r\n", "1:[a],[b]|2:[c],[d]" },
    { "a,b\rc,d", "1:[a],[b]|2:[c],[d]" },
    { "a,b\n\nc,d", "1:[a],[b]|2:|3:[c],[d]" },
    { "a,b\r\n\r\nc,d\r\n", "1:[a],[b]|2:|3:[c],[d]" },
    { "\"x\ny\",b\nc,d\n", "1:[x\ny],[b]|2:[c],[d]" },
    { "a,\"b \"\"q\"\"\"\n", "1:[a],[b \"q\"]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Collected c = { g_ptr_array_new_with_free_func (g_free) };
      g_autoptr (GBytes) bytes = g_bytes_new_static (cases[i].text, strlen (cases[i].text));
      g_autoptr (GError) error = NULL;
      g_autofree char *joined = NULL;

      CakSheetCallbacks callbacks = { .row = collect_cb, .user_data = &c };

      g_assert_true (cak_csv_read_bytes (bytes, "t.csv", NULL, &callbacks, NULL, &error));
      g_assert_no_error (error);
      g_ptr_array_add (c.rows, NULL);
      joined = g_strjoinv ("|", (char **)c.rows->pdata);
      g_assert_cmpstr (joined, ==, cases[i].expected);
      g_ptr_array_unref (c.rows);
    }
}

static void
test_headers (void)
{
  const struct
  {
    const char *header;
    CakColumnRole role;
    CakMeasure measure;
  } cases[] = {
    { "Kode Wilayah", CAK_COLUMN_REGION_CODE, 0 },
    { "KODE BPS", CAK_COLUMN_REGION_CODE, 0 },
    { "Kabupaten/Kota", CAK_COLUMN_REGION_NAME, 0 },
    { "KAB/KOTA", CAK_COLUMN_REGION_NAME, 0 },
    { "Penduduk Bekerja", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
    { "Angkatan Kerja Bekerja", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
    { "Peserta Aktif", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
    { "TOTAL PESERTA", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS },
    { "Penerima Upah", CAK_COLUMN_MEASURE, CAK_MEASURE_PU },
    { "BPU", CAK_COLUMN_MEASURE, CAK_MEASURE_BPU },
    { "Jasa Konstruksi", CAK_COLUMN_MEASURE, CAK_MEASURE_JAKON },
    { "PMI", CAK_COLUMN_MEASURE, CAK_MEASURE_PMI },
    { "Target Cakupan (%)", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
    { "No.", CAK_COLUMN_ROW_NUMBER, 0 },
    { "Cakupan (%)", CAK_COLUMN_COVERAGE_PCT, 0 },
    { "Keterangan", CAK_COLUMN_NOTE, 0 },
    { "Tenaga Kerja", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
    { "Workforce", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE },
    { "Bukan Penerima Upah", CAK_COLUMN_MEASURE, CAK_MEASURE_BPU },
    { "Jakon", CAK_COLUMN_MEASURE, CAK_MEASURE_JAKON },
    { "Target", CAK_COLUMN_MEASURE, CAK_MEASURE_TARGET_PCT },
    { "Wilayah", CAK_COLUMN_REGION_NAME, 0 },
    { "Indikator", CAK_COLUMN_MEASURE_NAME, 0 },
    { "Nilai", CAK_COLUMN_VALUE, 0 },
    { "segmen", CAK_COLUMN_SEGMENT, 0 },
    { "Status Kepesertaan", CAK_COLUMN_STATUS, 0 },
    { "kode_wil", CAK_COLUMN_REGION_CODE, 0 },
    { "Catatan Lain", CAK_COLUMN_NONE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CakMeasure measure = CAK_N_MEASURES;

      g_assert_cmpint (cak_import_classify_header (cases[i].header, &measure), ==, cases[i].role);
      if (cases[i].role == CAK_COLUMN_MEASURE)
        g_assert_cmpint (measure, ==, cases[i].measure);
    }
}

/* The import session, as the window uses it: a file it cannot read on its own names the mapping
 * step; the user's choices read it; choices remembered for its header are taken up unasked. */
static void
session_progress_cb (guint file_index, guint n_files, double file_fraction, gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (file_index, <, n_files);
  g_assert_cmpfloat (file_fraction, <=, 1.0);
  (*calls)++;
}

static void
test_session (void)
{
  g_autofree char *dir = g_dir_make_tmp ("session-XXXXXX", NULL);
  g_autofree char *good_path = g_build_filename (dir, "baik.csv", NULL);
  g_autofree char *odd_path = g_build_filename (dir, "aneh.csv", NULL);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (CakImportSession) session = NULL;
  g_autoptr (CakImportSession) again = NULL;
  g_autoptr (CakImportPreview) preview = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariantBuilder) remembered = NULL;
  CakImportChoices *choices;
  g_autofree char *text = NULL;
  guint calls = 0;

  g_assert_true (g_file_set_contents (good_path,
                                      "Kabupaten/Kota;Periode;Tenaga Kerja;Peserta Aktif\n"
                                      "Kab. Blitar;Des 2023;449.717;114.377\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (odd_path,
                                      "Wilayah;Periode;Angka A;Angka B\n"
                                      "Kab. Kediri;Des 2023;1.000.000;300.000\n",
                                      -1, NULL));
  g_ptr_array_add (files, g_file_new_for_path (good_path));
  g_ptr_array_add (files, g_file_new_for_path (odd_path));

  /* The second file has no figure Cakupan knows: the mapping step is for it */
  session = cak_import_session_new (files, NULL);
  cak_import_session_set_progress (session, session_progress_cb, &calls);
  g_assert_false (cak_import_session_run (session, NULL, &error));
  g_assert_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_NO_HEADER);
  g_clear_error (&error);
  g_assert_cmpint (cak_import_session_get_problem (session), ==, 1);
  g_assert_false (cak_import_session_get_unmatched (session));
  g_assert_cmpuint (calls, >=, 2);

  /* The user says what the columns are: both files are read into one dataset */
  choices = cak_import_choices_new ();
  cak_import_choices_set_role (choices, "Wilayah", CAK_COLUMN_REGION_NAME, 0);
  cak_import_choices_set_role (choices, "Angka A", CAK_COLUMN_MEASURE, CAK_MEASURE_WORKFORCE);
  cak_import_choices_set_role (choices, "Angka B", CAK_COLUMN_MEASURE, CAK_MEASURE_PARTICIPANTS);
  text = cak_import_choices_serialize (choices);
  cak_import_session_set_choices (session, 1, choices);
  g_assert_true (cak_import_session_run (session, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cak_import_session_get_problem (session), ==, -1);
  g_assert_cmpfloat (value_of (cak_import_session_get_dataset (session), "35.05", "2023-12",
                               CAK_MEASURE_PARTICIPANTS),
                     ==, 114377);
  g_assert_cmpfloat (value_of (cak_import_session_get_dataset (session), "35.06", "2023-12",
                               CAK_MEASURE_WORKFORCE),
                     ==, 1000000);

  /* A new session with the same files and the choices remembered for that header */
  preview = cak_import_preview_file (g_ptr_array_index (files, 1), NULL, NULL, NULL);
  g_assert_nonnull (preview);
  g_assert_nonnull (preview->signature);
  remembered = g_variant_builder_new (G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (remembered, "{ss}", preview->signature, text);
  again = cak_import_session_new (files, NULL);
  cak_import_session_set_remembered (again, g_variant_builder_end (remembered));
  g_assert_true (cak_import_session_run (again, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (cak_import_session_get_file_choices (again, 1));
  g_assert_null (cak_import_session_get_file_choices (again, 0));
  {
    g_autoptr (CakDataset) ds = cak_import_session_steal_dataset (again);

    g_assert_cmpfloat (value_of (ds, "35.06", "2023-12", CAK_MEASURE_PARTICIPANTS), ==, 300000);
    g_assert_null (cak_import_session_get_dataset (again));
  }

  g_unlink (good_path);
  g_unlink (odd_path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/template", test_template);
  g_test_add_func ("/import/sample", test_sample);
  g_test_add_func ("/import/layout", test_layout);
  g_test_add_func ("/import/english-numbers-and-codes", test_english_numbers_and_codes);
  g_test_add_func ("/import/conflict", test_conflict_between_rows);
  g_test_add_func ("/import/encodings", test_encodings);
  g_test_add_func ("/import/unreadable", test_unreadable);
  g_test_add_func ("/import/headers", test_headers);
  g_test_add_func ("/import/session", test_session);
  g_test_add_func ("/csv/delimiters", test_delimiters);
  g_test_add_func ("/csv/line-ends", test_line_ends);

  return g_test_run ();
}
