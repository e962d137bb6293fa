/* test-import-figures.c: stated figures checked, zero workforce, repeated rows and kecamatan rows
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-import-figures"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cak-chart.h"
#include "cak-import.h"
#include "cak-indicators.h"
#include "cak-report.h"
#include "cak-summary.h"
#include "cak-zip.h"

typedef struct
{
  const char *code;
  const char *period;
  CakMeasure measure;
  double value; /* NAN: no value */
} Expected;

typedef struct
{
  guint row;
  CakSeverity severity;
  int column; /* -1: about the whole row */
  const char *text;
} ExpectedIssue;

typedef struct
{
  const char *path;
  const char *csv;
  guint rows, imported, skipped, rejected; /* the header is a skipped row */
  Expected values[8];
  ExpectedIssue issues[8];
  const char *absent[4]; /* texts no issue may hold */
  /* The province's coverage as Cakupan computes it, and as the file states it (NAN: none). */
  const char *province;
  const char *period;
  double province_pct;
  double stated_pct, stated_workforce, stated_participants;
  guint stated_row, stated_column; /* where the stated workforce was read */
} Case;

static const Case cases[] = {
  /* The published figure of Jawa Timur, November 2022: 4,3 million of 15 million is 28,67%, not
   * 27,68%. The province row is checked, kept as the file's statement and compared with its
   * own regencies only. */
  { "/import-figures/province-row",
    "Kabupaten/Kota;Periode;Penduduk Bekerja;Peserta Aktif;Cakupan %\n"
    "Kab. Blitar;2022-11;449.717;114.377;25,43\n"
    "Kota Blitar;2022-11;80.000;27.000;33,75\n"
    "JAWA TIMUR;2022-11;15.000.000;4.300.000;27,68\n",
    4, 2, 2, 0,
    { { "35.05", "2022-11", CAK_MEASURE_PARTICIPANTS, 114377 },
      { "35.72", "2022-11", CAK_MEASURE_WORKFORCE, 80000 },
      { "35", "2022-11", CAK_MEASURE_WORKFORCE, NAN } },
    { { 4, CAK_SEVERITY_WARNING, 4,
        "The coverage written here is 27.68%, but the row’s own figures give 28.67% (4,300,000 "
        "participants of 15,000,000 workers)." },
      { 4, CAK_SEVERITY_WARNING, 2,
        "The total Penduduk Bekerja of Jawa Timur is 15,000,000 here, but its 2 rows add up to "
        "529,717." },
      { 4, CAK_SEVERITY_WARNING, 3,
        "The total Peserta Aktif of Jawa Timur is 4,300,000 here, but its 2 rows add up to "
        "141,377." },
      { 4, CAK_SEVERITY_INFO, -1, "a total row for Jawa Timur; its figures are kept as what the file states" } },
    { "add up to 0" },
    "35", "2022-11", 100.0 * 141377 / 529717, 27.68, 15000000, 4300000, 4, 2 },

  /* A total is compared with the rows of its own period and province only. */
  { "/import-figures/totals-by-period-and-province",
    "Kabupaten/Kota;Periode;Penduduk Bekerja;Peserta Aktif\n"
    "Kab. Blitar;2023-12;449.717;114.377\n"
    "Kab. Banyumas;2023-12;900.000;200.000\n"
    "Kab. Blitar;2024-12;450.000;120.000\n"
    "JAWA TIMUR;2023-12;449.717;114.377\n"
    "JAWA TENGAH;2023-12;900.000;200.000\n"
    "JUMLAH;2024-12;450.000;121.000\n",
    7, 3, 4, 0,
    { { "35.05", "2024-12", CAK_MEASURE_PARTICIPANTS, 120000 } },
    { { 7, CAK_SEVERITY_WARNING, 3,
        "The total Peserta Aktif is 121,000 here, but the 1 rows above it add up to 120,000." } },
    { "Penduduk Bekerja of Jawa", "Peserta Aktif of Jawa", "Penduduk Bekerja is" },
    "33", "2023-12", 100.0 * 200000 / 900000, NAN, 900000, 200000, 6, 2 },

  /* Province and total rows above their rows: compared with the rows below them. */
  { "/import-figures/totals-above-their-rows",
    "Kabupaten/Kota;Periode;Penduduk Bekerja;Peserta Aktif\n"
    "JUMLAH;2023-12;529.717;140.000\n"
    "JAWA TIMUR;2023-12;529.717;141.377\n"
    "Kab. Blitar;2023-12;449.717;114.377\n"
    "Kota Blitar;2023-12;80.000;27.000\n",
    5, 2, 3, 0,
    { { "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS, 114377 } },
    { { 2, CAK_SEVERITY_WARNING, 3,
        "The total Peserta Aktif is 140,000 here, but the 2 rows it sums add up to 141,377." } },
    { "of Jawa Timur is", "Penduduk Bekerja is" },
    "35", "2023-12", 100.0 * 141377 / 529717, NAN, 529717, 141377, 3, 2 },

  /* A table by province: nothing to sum, every province row kept as stated. */
  { "/import-figures/provinces-only",
    "Wilayah;Tahun;Penduduk Bekerja;Peserta Aktif;Cakupan (%)\n"
    "Aceh;2023;2.400.000;500.000;20,83\n"
    "Jawa Timur;2023;21.000.000;6.000.000;28,57\n",
    3, 0, 3, 0,
    { { "11", "2023", CAK_MEASURE_WORKFORCE, NAN } },
    { { 2, CAK_SEVERITY_INFO, -1, "a total row for Aceh; its figures are kept" },
      { 3, CAK_SEVERITY_INFO, -1, "a total row for Jawa Timur; its figures are kept as what the file states" } },
    { "add up", "coverage written" },
    "11", "2023", NAN, 20.83, 2400000, 500000, 2, 2 },

  /* The long layout: a province's figures, one a row, kept together as stated. */
  { "/import-figures/long-layout-province",
    "kode_wilayah,periode,indikator,nilai\n"
    "35.05,2023-12,Penduduk Bekerja,449717\n"
    "35.05,2023-12,Peserta Aktif,114377\n"
    "35,2023-12,Penduduk Bekerja,15000000\n"
    "35,2023-12,Peserta Aktif,4300000\n"
    "35,2023-12,Cakupan %,27.68\n",
    6, 2, 4, 0,
    { { "35.05", "2023-12", CAK_MEASURE_WORKFORCE, 449717 } },
    { { 4, CAK_SEVERITY_WARNING, 3,
        "The total Workforce of Jawa Timur is 15,000,000 here, but its 1 rows add up to "
        "449,717." },
      { 6, CAK_SEVERITY_INFO, -1, "a total row for Jawa Timur; its figures are kept as what the file states" } },
    { NULL },
    "35", "2023-12", 100.0 * 114377 / 449717, 27.68, 15000000, 4300000, 4, 3 },

  /* Kecamatan rows with a target: kept when they agree, never summed. */
  { "/import-figures/kecamatan-targets",
    "Kabupaten/Kota;Kecamatan;Periode;Peserta Aktif;Target (%)\n"
    "Kab. Blitar;Bakung;2023-12;5.000;30\n"
    "Kab. Blitar;Wonotirto;2023-12;6.000;30\n"
    "Kota Blitar;Sananwetan;2023-12;9.000;30\n"
    "Kota Blitar;Sukorejo;2023-12;1.000;35\n",
    5, 4, 1, 0,
    { { "35.05", "2023-12", CAK_MEASURE_TARGET_PCT, 30 },
      { "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS, 11000 },
      { "35.72", "2023-12", CAK_MEASURE_TARGET_PCT, NAN },
      { "35.72", "2023-12", CAK_MEASURE_PARTICIPANTS, 10000 } },
    { { 4, CAK_SEVERITY_WARNING, 4,
        "The rows of Kota Blitar give different targets; none was imported for it." } },
    { NULL },
    "35", "2023-12", NAN, NAN, NAN, NAN, 0 },

  /* A regency with a workforce of 0 has no coverage and stays out of the province's: 25,43%,
   * not 33,77%. */
  { "/import-figures/zero-workforce",
    "Kabupaten/Kota;Periode;Penduduk Bekerja;Peserta Aktif\n"
    "Kab. Blitar;2023-12;449.717;114.377\n"
    "Kota Blitar;2023-12;0;37.500\n"
    "Kab. Malang;2023-12;-;40.000\n",
    4, 3, 1, 0,
    { { "35.72", "2023-12", CAK_MEASURE_WORKFORCE, 0 },
      { "35.72", "2023-12", CAK_MEASURE_PARTICIPANTS, 37500 },
      { "35.07", "2023-12", CAK_MEASURE_WORKFORCE, NAN } },
    { { 3, CAK_SEVERITY_WARNING, 2,
        "Workforce is 0 for Kota Blitar; its coverage cannot be computed and it is left out of "
        "the province’s coverage." },
      { 4, CAK_SEVERITY_WARNING, 2,
        "Workforce is “-” for Kabupaten Malang; its coverage cannot be computed and it is left "
        "out of the province’s coverage." } },
    { NULL },
    "35", "2023-12", 100.0 * 114377 / 449717, NAN, NAN, NAN, 0 },

  /* An exact repeat is noted and counted once; other figures for the same regency stay a
   * conflict. */
  { "/import-figures/repeated-row",
    "Kabupaten/Kota;Periode;Penduduk Bekerja;Peserta Aktif\n"
    "Kab. Blitar;2023-12;449.717;114.377\n"
    "Kabupaten Blitar;2023-12;449.717;114.377\n"
    "Kota Blitar;2023-12;80.000;27.000\n"
    "Kota Blitar;2023-12;80.000;28.000\n"
    "JUMLAH;2023-12;529.717;141.377\n",
    6, 2, 3, 1,
    { { "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS, 114377 },
      { "35.72", "2023-12", CAK_MEASURE_PARTICIPANTS, 27000 } },
    { { 3, CAK_SEVERITY_INFO, -1, "Row 3 repeats row 2." },
      { 5, CAK_SEVERITY_ERROR, 3,
        "Active participants for Kota Blitar in 2023-12 is 28,000 here but 27,000 in "
        "tabel.csv, row 4, column D; the row was not imported." } },
    { "add up" },
    "35", "2023-12", 100.0 * 141377 / 529717, NAN, NAN, NAN, 0 },

  /* Kecamatan rows under a regency column are summed into the regency; the kecamatan's
   * "Jumlah" is the regency's own total, checked. */
  { "/import-figures/kecamatan-column",
    "Kabupaten/Kota;Kecamatan;Periode;Penduduk Bekerja;Peserta Aktif\n"
    "Kab. Blitar;Bakung;2023-12;20.000;5.000\n"
    "Kab. Blitar;Wonotirto;2023-12;25.000;6.000\n"
    "Kab. Blitar;Jumlah;2023-12;45.000;11.500\n"
    "Kota Blitar;Sananwetan;2023-12;30.000;9.000\n"
    "Kota Blitar;Kepanjenkidul;2023-12;20.000;5.000\n"
    "Kota Blitar;Kepanjenkidul;2023-12;20.000;5.000\n"
    "Kota Blitar;Sukorejo;2023-12;10.000;1.000\n"
    "Kota Blitar;Sukorejo;2023-12;10.000;2.000\n",
    9, 5, 3, 1,
    { { "35.05", "2023-12", CAK_MEASURE_WORKFORCE, 45000 },
      { "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS, 11000 },
      { "35.72", "2023-12", CAK_MEASURE_WORKFORCE, 60000 },
      { "35.72", "2023-12", CAK_MEASURE_PARTICIPANTS, 15000 } },
    { { 2, CAK_SEVERITY_INFO, -1, "Kabupaten Blitar: 2 rows of kecamatan summed." },
      { 5, CAK_SEVERITY_INFO, -1, "Kota Blitar: 3 rows of kecamatan summed." },
      { 4, CAK_SEVERITY_WARNING, 4,
        "The total Peserta Aktif of Kabupaten Blitar is 11,500 here, but its 2 rows add up to "
        "11,000." },
      { 7, CAK_SEVERITY_INFO, -1, "Row 7 repeats row 6." },
      { 9, CAK_SEVERITY_ERROR, 1,
        "“Sukorejo” of Kota Blitar is in row 8 already, with other figures; the row was not "
        "imported." } },
    { "Penduduk Bekerja of Kabupaten Blitar" },
    "35", "2023-12", 100.0 * 26000 / 105000, NAN, NAN, NAN, 0 },

  /* "Dana Desa" is a figure about villages, not a desa column: the rows stay the regencies'. */
  { "/import-figures/not-a-desa-column",
    "Kabupaten/Kota;Periode;Peserta Aktif;Dana Desa\n"
    "Kab. Blitar;2023-12;5.000;100\n"
    "Kota Blitar;2023-12;6.000;200\n",
    3, 2, 1, 0,
    { { "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS, 5000 },
      { "35.72", "2023-12", CAK_MEASURE_PARTICIPANTS, 6000 } },
    { { 1, CAK_SEVERITY_WARNING, 3, "“Dana Desa”, holds numbers Cakupan does not use" } },
    { "summed" },
    "35", "2023-12", NAN, NAN, NAN, NAN, 0 },

  /* BPS kecamatan codes (7 digits) beside the kecamatan's name: the regency is in the code. */
  { "/import-figures/bps-kecamatan-codes",
    "Kode;Nama;Periode;Peserta Aktif\n"
    "3505010;Bakung;2023-12;5.000\n"
    "3505020;Wonotirto;2023-12;6.000\n"
    "3505030;Panggungrejo;2023-12;7.000\n"
    "3572010;Sukorejo;2023-12;4.000\n",
    5, 4, 1, 0,
    { { "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS, 18000 },
      { "35.72", "2023-12", CAK_MEASURE_PARTICIPANTS, 4000 } },
    { { 2, CAK_SEVERITY_INFO, -1, "Kabupaten Blitar: 3 rows of kecamatan summed." },
      { 5, CAK_SEVERITY_INFO, -1, "Kota Blitar: 1 row of kecamatan summed." } },
    { "not a region code" },
    "35", "2023-12", NAN, NAN, NAN, NAN, 0 },

  /* Kemendagri desa codes: "35.05.01.2001". */
  { "/import-figures/kemendagri-desa-codes",
    "Kode Wilayah;Desa/Kelurahan;Periode;Penduduk Bekerja;Peserta Aktif\n"
    "35.05.01.2001;Sidomulyo;2023-12;2.000;500\n"
    "35.05.01.2002;Ngrejo;2023-12;3.000;700\n",
    3, 2, 1, 0,
    { { "35.05", "2023-12", CAK_MEASURE_WORKFORCE, 5000 },
      { "35.05", "2023-12", CAK_MEASURE_PARTICIPANTS, 1200 } },
    { { 2, CAK_SEVERITY_INFO, -1, "Kabupaten Blitar: 2 rows of desa or kelurahan summed." } },
    { NULL },
    "35", "2023-12", 24.0, NAN, NAN, NAN, 0 },
};

static void
dump_issues (CakDataset *ds)
{
  const GArray *issues = cak_dataset_get_issues (ds);

  for (guint i = 0; i < issues->len; i++)
    {
      const CakIssue *issue = &g_array_index (issues, CakIssue, i);

      g_test_message ("row %u column %d (%d): %s", issue->source.row,
                      issue->has_column ? (int)issue->source.column : -1, issue->severity,
                      issue->message);
    }
}

static const CakIssue *
find_issue (CakDataset *ds, const ExpectedIssue *want)
{
  const GArray *issues = cak_dataset_get_issues (ds);

  for (guint i = 0; i < issues->len; i++)
    {
      const CakIssue *issue = &g_array_index (issues, CakIssue, i);

      if (issue->source.row == want->row && strstr (issue->message, want->text))
        return issue;
    }
  dump_issues (ds);
  return NULL;
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  CakRegionCatalog *catalog = cak_region_catalog_get_default ();
  g_autoptr (CakDataset) ds = cak_dataset_new (catalog);
  g_autoptr (GBytes) bytes = g_bytes_new_static (c->csv, strlen (c->csv));
  g_autoptr (GError) error = NULL;
  const CakSheetReport *sheet;
  const GArray *issues;

  g_assert_true (cak_import_bytes (ds, bytes, "tabel.csv", NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (cak_dataset_get_sheet_reports (ds)->len, ==, 1);
  sheet = g_ptr_array_index (cak_dataset_get_sheet_reports (ds), 0);
  if (sheet->imported != c->imported || sheet->skipped != c->skipped
      || sheet->rejected != c->rejected)
    dump_issues (ds);
  g_assert_cmpuint (sheet->rows, ==, c->rows);
  g_assert_cmpuint (sheet->imported, ==, c->imported);
  g_assert_cmpuint (sheet->skipped, ==, c->skipped);
  g_assert_cmpuint (sheet->rejected, ==, c->rejected);

  for (guint i = 0; i < G_N_ELEMENTS (c->values) && c->values[i].code; i++)
    {
      const Expected *want = &c->values[i];
      const CakRegion *region = cak_region_catalog_lookup_code (catalog, want->code);
      CakPeriod period;
      CakValue value;
      gboolean found;

      g_assert_nonnull (region);
      g_assert_true (cak_period_parse (want->period, &period));
      found = cak_dataset_get (ds, region, period, want->measure, &value);
      if (isnan (want->value))
        g_assert_false (found);
      else
        {
          g_assert_true (found);
          g_assert_cmpfloat (value.value, ==, want->value);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (c->issues) && c->issues[i].text; i++)
    {
      const CakIssue *issue = find_issue (ds, &c->issues[i]);

      if (issue == NULL)
        g_error ("no issue on row %u with “%s”", c->issues[i].row, c->issues[i].text);
      g_assert_cmpint (issue->severity, ==, c->issues[i].severity);
      if (c->issues[i].column < 0)
        g_assert_false (issue->has_column);
      else
        {
          g_assert_true (issue->has_column);
          g_assert_cmpuint (issue->source.column, ==, c->issues[i].column);
        }
    }
  issues = cak_dataset_get_issues (ds);
  for (guint i = 0; i < G_N_ELEMENTS (c->absent) && c->absent[i]; i++)
    for (guint k = 0; k < issues->len; k++)
      if (strstr (g_array_index (issues, CakIssue, k).message, c->absent[i]))
        g_error ("an issue holds “%s”: %s", c->absent[i],
                 g_array_index (issues, CakIssue, k).message);

  /* The province as Cakupan computes it, and as the file states it. */
  {
    const CakRegion *province = cak_region_catalog_lookup_code (catalog, c->province);
    const CakStatedFigures *stated;
    g_autoptr (GArray) rows = NULL;
    CakIndicatorRow total;
    CakPeriod period;

    g_assert_true (cak_period_parse (c->period, &period));
    rows = cak_indicators_compute_regencies (ds, c->province, period, CAK_PERIOD_INIT_NONE);
    cak_indicators_province_total (rows, province, period, &total);
    if (isnan (c->province_pct))
      g_assert_true (isnan (total.coverage_pct));
    else
      g_assert_cmpfloat_with_epsilon (total.coverage_pct, c->province_pct, 1e-9);

    stated = cak_dataset_get_stated (ds, province, period);
    if (isnan (c->stated_pct) && isnan (c->stated_workforce))
      g_assert_null (stated);
    else
      {
        g_assert_nonnull (stated);
        g_assert_cmpfloat (cak_stated_figures_get (stated, CAK_MEASURE_WORKFORCE), ==,
                           c->stated_workforce);
        g_assert_cmpfloat (cak_stated_figures_participants (stated), ==,
                           c->stated_participants);
        g_assert_cmpuint (stated->values[CAK_MEASURE_WORKFORCE].source.row, ==, c->stated_row);
        g_assert_cmpuint (stated->values[CAK_MEASURE_WORKFORCE].source.column, ==,
                          c->stated_column);
        if (isnan (c->stated_pct))
          g_assert_false (stated->has_coverage);
        else
          {
            g_assert_true (stated->has_coverage);
            g_assert_cmpfloat_with_epsilon (stated->coverage_pct.value, c->stated_pct, 1e-9);
          }
      }
  }
}

/* A file of repeats: the first twenty each on a line, the rest in one. */
static void
test_many_repeats (void)
{
  g_autoptr (GString) csv = g_string_new ("Kabupaten/Kota;Periode;Peserta Aktif\n");
  g_autoptr (CakDataset) ds = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GBytes) bytes = NULL;
  const CakSheetReport *sheet;
  const GArray *issues;
  guint n_lines = 0;
  const char *last = NULL;

  for (guint i = 0; i < 26; i++)
    g_string_append (csv, "Kab. Blitar;2023-12;5.000\n");
  bytes = g_bytes_new (csv->str, csv->len);
  g_assert_true (cak_import_bytes (ds, bytes, "tabel.csv", NULL, NULL, NULL));
  sheet = g_ptr_array_index (cak_dataset_get_sheet_reports (ds), 0);
  g_assert_cmpuint (sheet->rows, ==, 27);
  g_assert_cmpuint (sheet->imported, ==, 1);
  g_assert_cmpuint (sheet->skipped, ==, 26);
  issues = cak_dataset_get_issues (ds);
  for (guint i = 0; i < issues->len; i++)
    if (strstr (g_array_index (issues, CakIssue, i).message, "repeat"))
      {
        n_lines++;
        last = g_array_index (issues, CakIssue, i).message;
      }
  g_assert_cmpuint (n_lines, ==, 21);
  g_assert_cmpstr (last, ==, "5 more rows, up to row 27, repeat rows above them; each was counted "
                             "once.");
}

/* The kecamatan column is accounted for as information that groups the rows. */
static void
test_kecamatan_column_report (void)
{
  const char *csv = "Kabupaten/Kota;Kecamatan;Periode;Peserta Aktif\n"
                    "Kab. Blitar;Bakung;2023-12;5.000\n";
  g_autoptr (CakDataset) ds = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GBytes) bytes = g_bytes_new_static (csv, strlen (csv));
  const CakSheetReport *sheet;
  const CakColumnReport *column;

  g_assert_true (cak_import_bytes (ds, bytes, "tabel.csv", NULL, NULL, NULL));
  sheet = g_ptr_array_index (cak_dataset_get_sheet_reports (ds), 0);
  g_assert_cmpuint (sheet->columns->len, ==, 4);
  column = g_ptr_array_index (sheet->columns, 1);
  g_assert_cmpuint (column->column, ==, 1);
  g_assert_cmpint (column->use, ==, CAK_COLUMN_USE_INFORMATION);
  g_assert_cmpstr (column->what, ==, "Kecamatan or desa");
  g_assert_cmpstr (column->why, ==, "its rows are summed into their regency");
}

/* Regencies with a workforce of 0 show no coverage, uncovered or gap. */
static void
test_zero_workforce_indicators (void)
{
  const char *csv = "Kabupaten/Kota;Periode;Penduduk Bekerja;Peserta Aktif;Target\n"
                    "Kab. Blitar;2023-12;449.717;114.377;30\n"
                    "Kota Blitar;2023-12;0;37.500;30\n";
  CakRegionCatalog *catalog = cak_region_catalog_get_default ();
  g_autoptr (CakDataset) ds = cak_dataset_new (catalog);
  g_autoptr (GBytes) bytes = g_bytes_new_static (csv, strlen (csv));
  g_autoptr (GArray) rows = NULL;
  CakIndicatorRow total;
  CakPeriod period;

  g_assert_true (cak_import_bytes (ds, bytes, "tabel.csv", NULL, NULL, NULL));
  g_assert_true (cak_period_parse ("2023-12", &period));
  rows = cak_indicators_compute_regencies (ds, "35", period, CAK_PERIOD_INIT_NONE);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (g_array_index (rows, CakIndicatorRow, 1).region->code, ==, "35.72");
  g_assert_true (isnan (g_array_index (rows, CakIndicatorRow, 1).coverage_pct));
  g_assert_true (isnan (g_array_index (rows, CakIndicatorRow, 1).uncovered));
  g_assert_true (isnan (g_array_index (rows, CakIndicatorRow, 1).gap_to_target));
  g_assert_cmpuint (g_array_index (rows, CakIndicatorRow, 1).rank, ==, 0);
  cak_indicators_province_total (rows, cak_region_catalog_lookup_code (catalog, "35"), period,
                                 &total);
  /* 25,43%, where counting its participants over no workers would give 33,77%. */
  g_assert_cmpfloat_with_epsilon (total.coverage_pct, 100.0 * 114377 / 449717, 1e-9);
  g_assert_cmpfloat (total.uncovered, ==, 449717 - 114377);
  g_assert_cmpfloat (total.gap_to_target, ==, 20539);
  /* Both are summed as figures: the workforce of 0 adds nothing, its participants do. */
  g_assert_cmpfloat (total.participants, ==, 114377 + 37500);
}

/* The file of Jawa Timur that states 27,68% and holds a regency with a workforce of 0. */
static const char jatim_csv[] = "Kabupaten/Kota;Periode;Penduduk Bekerja;Peserta Aktif;Cakupan %\n"
                                "Kab. Blitar;2022-11;449.717;114.377;25,43\n"
                                "Kota Blitar;2022-11;0;37.500;\n"
                                "JAWA TIMUR;2022-11;15.000.000;4.300.000;27,68\n";

static CakDataset *
import_jatim (void)
{
  CakDataset *ds = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GBytes) bytes = g_bytes_new_static (jatim_csv, strlen (jatim_csv));
  g_autoptr (GError) error = NULL;

  g_assert_true (cak_import_bytes (ds, bytes, "jatim.csv", NULL, NULL, &error));
  g_assert_no_error (error);
  return ds;
}

/* --summary shows the file's figure beside Cakupan's, in text and JSON. */
static void
test_stated_in_summary (void)
{
  g_autoptr (CakDataset) ds = import_jatim ();
  CakSummaryOptions options = { .period = CAK_PERIOD_INIT_NONE, .lang = CAK_LANG_EN };
  g_autofree char *text = cak_summary_to_text (ds, &options);
  g_autofree char *json = cak_summary_to_json (ds, &options);

  g_assert_nonnull (strstr (text, "Stated in the file for Jawa Timur: 27.68% (4,300,000 of "
                                  "15,000,000); its own figures give 28.67%; jatim.csv, row 4."));
  /* Kota Blitar has no coverage, and the province's is Kabupaten Blitar's: 25,43%. */
  g_assert_nonnull (strstr (text, "Jawa Timur                         449,717       151,877    "
                                  "25.43%"));
  g_assert_nonnull (strstr (json, "\"stated\": {\"workforce\": 15000000, \"participants\": "
                                  "4300000, \"coverage_pct\": 27.68, "
                                  "\"coverage_pct_from_figures\": 28.67, \"file\": "
                                  "\"jatim.csv\", \"sheet\": null, \"row\": 4, \"column\": "
                                  "\"E\"}"));
  g_assert_nonnull (strstr (json, "\"stated\": [\n  {\"region\": \"35\", \"name\": \"Jawa Timur\", "
                                  "\"period\": \"2022-11\", \"workforce\": 15000000, "));
  g_assert_nonnull (strstr (json, "\"region\": \"35.72\", \"name\": \"Kota Blitar\""));
  g_assert_nonnull (strstr (json, "\"coverage_pct\": null, \"uncovered\": null"));
}

/* The key figures say what the file states under Cakupan's coverage. */
static void
test_stated_in_key_figures (void)
{
  g_autoptr (CakDataset) ds = import_jatim ();
  CakPeriod period;
  g_autoptr (CakChartData) data = NULL;
  g_autofree char *description = NULL;

  g_assert_true (cak_period_parse ("2022-11", &period));
  data = cak_chart_data_new (ds, "35", period, CAK_PERIOD_INIT_NONE, NULL, CAK_LANG_EN);
  g_assert_true (data->has_stated);
  /* Kota Blitar, with a workforce of 0, is said to have no coverage, not no data. */
  {
    g_autofree char *item = NULL;

    g_assert_cmpuint (data->rows->len, >, 0);
    for (guint i = 0; i < data->rows->len; i++)
      if (strcmp (g_array_index (data->rows, CakIndicatorRow, i).region->code, "35.72") == 0)
        item = cak_chart_data_describe_item (data, i);
    g_assert_cmpstr (item, ==, "Kota Blitar\n37,500 participants, but a workforce of 0: no coverage");
  }
  description = cak_chart_describe (CAK_CHART_KPI, data);
  g_assert_nonnull (strstr (description, "Coverage: 25.43% (active participants ÷ workforce; "
                                         "The file states: 27.68% (4,300,000 of 15,000,000))."));
}

static char *
read_part (const char *path, const char *part)
{
  g_autoptr (GError) error = NULL;
  CakZip *zip = cak_zip_open (path, "report.xlsx", &error);
  g_autoptr (GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_assert_no_error (error);
  bytes = cak_zip_read_all (zip, part, 64 << 20, &error);
  g_assert_no_error (error);
  cak_zip_close (zip);
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

/* The report's summary has a row "Stated in the file" under the coverage; the regency sheet
 * says which regencies have a workforce of 0, and its total leaves them out. */
static void
test_stated_in_report (void)
{
  g_autoptr (CakDataset) ds = import_jatim ();
  g_autofree char *dir = g_dir_make_tmp ("cak-figures-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "monev.xlsx", NULL);
  g_autofree char *strings = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *regencies = NULL;
  CakReportOptions options = { 0 };
  g_autoptr (GError) error = NULL;

  options.lang = CAK_LANG_EN;
  options.province_code = "35";
  g_assert_true (cak_period_parse ("2022-11", &options.period));
  options.compare = (CakPeriod)CAK_PERIOD_INIT_NONE;
  g_assert_true (cak_report_write (ds, &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  strings = read_part (path, "xl/sharedStrings.xml");
  summary = read_part (path, "xl/worksheets/sheet1.xml");
  regencies = read_part (path, "xl/worksheets/sheet2.xml");
  g_assert_nonnull (strstr (strings, "Stated in the file"));
  g_assert_nonnull (strstr (strings, "4,300,000 participants of 15,000,000 workers; its own "
                                     "figures give 28.67%; jatim.csv, row 4"));
  g_assert_nonnull (strstr (summary, "<v>0.2768</v>"));
  g_assert_nonnull (strstr (strings, "Workforce is 0 for Kota Blitar: coverage cannot be computed "
                                     "there, and the province’s coverage leaves it out."));
  /* The total's coverage counts only regencies with a workforce above 0. */
  g_assert_nonnull (strstr (regencies, "SUMPRODUCT($I$5:$I$42,--ISNUMBER($D$5:$D$42),"
                                       "--($D$5:$D$42&gt;0))"));
  g_assert_nonnull (strstr (regencies, "<v>0.2543310570870"));
  g_remove (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, &cases[i], test_case);
  g_test_add_func ("/import-figures/zero-workforce-indicators", test_zero_workforce_indicators);
  g_test_add_func ("/import-figures/kecamatan-column-report", test_kecamatan_column_report);
  g_test_add_func ("/import-figures/many-repeats", test_many_repeats);
  g_test_add_func ("/import-figures/stated-in-summary", test_stated_in_summary);
  g_test_add_func ("/import-figures/stated-in-key-figures", test_stated_in_key_figures);
  g_test_add_func ("/import-figures/stated-in-report", test_stated_in_report);
  return g_test_run ();
}
