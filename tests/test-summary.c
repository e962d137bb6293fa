/* test-summary.c: the --summary output, as JSON and as text
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-summary"

#include "config.h"

#include <string.h>

#include "cak-import.h"
#include "cak-summary.h"

static CakDataset *
import_text (const char *text)
{
  CakDataset *ds = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;

  g_assert_true (cak_import_bytes (ds, bytes, "t \"q\".csv", NULL, NULL, &error));
  g_assert_no_error (error);
  return ds;
}

static const char *template_text
    = "Kode Wilayah;Kabupaten/Kota;Periode;Penduduk Bekerja;Peserta Aktif;PU;BPU;Jakon;PMI;"
      "Target Cakupan (%)\n"
      "35.05;Kabupaten Blitar;2023;449.717;;;;;;30\n"
      "35.05;Kabupaten Blitar;Desember 2023;;114.377;;;;;\n"
      "35.72;Kota Blitar;2023;80.000;;;;;;30\n"
      "35.72;Kota Blitar;Desember 2023;;;20.000;5.000;3.000;1.000;\n"
      "35.05;Kabupaten Blitarr;November 2023;;110.000;;;;;\n";

static void
test_json (void)
{
  g_autoptr (CakDataset) ds = import_text (template_text);
  CakSummaryOptions options = { CAK_PERIOD_INIT_NONE, FALSE, NULL, CAK_LANG_EN };
  g_autofree char *json = cak_summary_to_json (ds, &options);

  /* The row of the example, field for field */
  g_assert_nonnull (strstr (json,
                            "{\"region\": \"35.05\", \"name\": \"Kabupaten Blitar\", \"province\": "
                            "\"35\", \"period\": \"2023-12\", \"workforce\": 449717, "
                            "\"workforce_period\": \"2023\", \"participants\": 114377, \"pu\": "
                            "null, \"bpu\": null, \"jakon\": null, \"pmi\": null, "
                            "\"coverage_pct\": 25.43, \"uncovered\": 335340, \"target_pct\": 30, "
                            "\"gap_to_target\": 20539"));
  /* participants from the segments */
  g_assert_nonnull (strstr (json, "\"region\": \"35.72\", \"name\": \"Kota Blitar\", \"province\": "
                                  "\"35\", \"period\": \"2023-12\", \"workforce\": 80000, "
                                  "\"workforce_period\": \"2023\", \"participants\": 29000, "
                                  "\"pu\": 20000, \"bpu\": 5000, \"jakon\": 3000, \"pmi\": 1000, "
                                  "\"coverage_pct\": 36.25"));
  g_assert_nonnull (strstr (json, "\"periods\": [\"2023-11\", \"2023-12\"]"));
  /* the province total sums both */
  g_assert_nonnull (strstr (json, "\"region\": \"35\", \"name\": \"Jawa Timur\", \"province\": "
                                  "\"35\", \"period\": \"2023-12\", \"workforce\": 529717"));
  /* The province's two gaps, each under its own name: overall, Kota Blitar's participants above
   * 30% offset Kabupaten Blitar's shortfall (30% of 529.717 − 143.377 = 15.539); regency by
   * regency, nothing offsets Kabupaten Blitar's 20.539. */
  g_assert_nonnull (strstr (json, "\"target_pct\": 30, \"gap_to_target\": 15539, \"regencies\": "
                                  "2, \"regency_gaps\": 20539"));
  /* a warning with its cell, and the file name escaped */
  g_assert_nonnull (strstr (json, "\"severity\": \"warning\", \"file\": \"t \\\"q\\\".csv\", "
                                  "\"sheet\": null, \"row\": 6, \"column\": \"B\""));
  g_assert_nonnull (strstr (json, "\"rows\": 6, \"imported\": 5, \"skipped\": 1, \"rejected\": 0"));
}

static void
test_json_period_and_province (void)
{
  g_autoptr (CakDataset) ds = import_text (template_text);
  CakSummaryOptions options = { CAK_PERIOD_INIT_NONE, FALSE, "34", CAK_LANG_EN };
  g_autofree char *json = NULL;
  g_autofree char *json_nov = NULL;

  json = cak_summary_to_json (ds, &options);
  g_assert_nonnull (strstr (json, "\"rows\": [],"));
  g_assert_nonnull (strstr (json, "\"totals\": [],"));

  options.province_code = "35";
  g_assert_true (cak_period_parse ("2023-11", &options.period));
  json_nov = cak_summary_to_json (ds, &options);
  g_assert_nonnull (strstr (json_nov, "\"period\": \"2023-11\", \"workforce\": 449717, "
                                      "\"workforce_period\": \"2023\", \"participants\": 110000"));
  g_assert_null (strstr (json_nov, "\"period\": \"2023-12\""));
}

static void
test_text_languages (void)
{
  g_autoptr (CakDataset) ds = import_text (template_text);
  CakSummaryOptions options = { CAK_PERIOD_INIT_NONE, FALSE, NULL, CAK_LANG_ID };
  g_autofree char *id = cak_summary_to_text (ds, &options);
  g_autofree char *en = NULL;

  g_assert_nonnull (strstr (id, "Desember 2023"));
  g_assert_nonnull (strstr (id, "449.717"));
  g_assert_nonnull (strstr (id, "25,43%"));
  options.lang = CAK_LANG_EN;
  en = cak_summary_to_text (ds, &options);
  g_assert_nonnull (strstr (en, "December 2023"));
  g_assert_nonnull (strstr (en, "449,717"));
  g_assert_nonnull (strstr (en, "25.43%"));
  /* Both gaps named under the table, in the language's numbers */
  g_assert_nonnull (strstr (en, "Jawa Timur: overall gap to target 15,539 (30.00% × workforce − "
                                "active participants"));
  g_assert_nonnull (strstr (en, "sum of regency gaps 20,539 (the regencies below their target "
                                "only)"));
  g_assert_nonnull (strstr (id, " 15.539 (30,00% × "));
  g_assert_nonnull (strstr (id, " 20.539 ("));
}

/* Numbers in import warnings follow the language: "140,50%" in Indonesian, "140.50%" in
 * English, never the C library's "140.5" (see also po/check-formats.sh). */
static void
test_warning_numbers (void)
{
  const char *text = "Kode Wilayah;Kabupaten/Kota;Periode;Penduduk Bekerja;Peserta Aktif;"
                     "Target Cakupan (%);Cakupan (%)\n"
                     "35.05;Kabupaten Blitar;Desember 2023;449.717;114.377;140,5;30,5\n";
  const struct
  {
    const char *language, *target, *stated, *computed, *participants;
  } cases[] = {
    { "id", "140,50%", "30,50%", "25,43%", "114.377" },
    { "en", "140.50%", "30.50%", "25.43%", "114,377" },
  };
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr (CakDataset) ds = NULL;
      g_autofree char *report = NULL;

      g_setenv ("LANGUAGE", cases[c].language, TRUE);
      ds = import_text (text);
      report = cak_summary_report_to_text (ds);
      g_assert_nonnull (strstr (report, cases[c].target));
      g_assert_nonnull (strstr (report, cases[c].stated));
      g_assert_nonnull (strstr (report, cases[c].computed));
      g_assert_nonnull (strstr (report, cases[c].participants));
      g_assert_null (strstr (report, "140.5%"));
    }
  if (saved)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/summary/json", test_json);
  g_test_add_func ("/summary/json-period-and-province", test_json_period_and_province);
  g_test_add_func ("/summary/text-languages", test_text_languages);
  g_test_add_func ("/summary/warning-numbers", test_warning_numbers);

  return g_test_run ();
}
