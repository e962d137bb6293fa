/* test-import-regions.c: the province a file gives settles names shared between provinces
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-import-regions"

#include "config.h"

#include <string.h>

#include "cak-import.h"

#define MAX_NOTES 6

typedef struct
{
  const char *path;
  const char *csv;
  /* Every regency the file gave a workforce for 2023, as "code=workforce", in any order. */
  const char *imported;
  guint rejected;
  /* "ROW|text": the import report holds a line for that row containing the text. */
  const char *notes[MAX_NOTES];
  /* Text no line of the import report may hold. */
  const char *absent;
} RegionCase;

#define HEADER "Kabupaten/Kota,Penduduk Bekerja,Peserta Aktif\n"
#define PROVINCE_HEADER "Provinsi,Kabupaten/Kota,Penduduk Bekerja,Peserta Aktif\n"

static const RegionCase cases[] = {
  /* A province column: each row's name is read in its province. */
  { "/import/regions/column/banjar",
    PROVINCE_HEADER "Kalimantan Selatan,Banjar,300000,90000\n"
                    "Jawa Barat,Banjar,100000,30000\n",
    "63.03=300000 32.79=100000",
    0,
    { NULL },
    "total" },
  { "/import/regions/column/abbreviations",
    "Prov,Kab/Kota,Penduduk Bekerja,Peserta Aktif\n"
    "Kalsel,Banjar,300000,90000\n"
    "JABAR,Banjar,100000,30000\n"
    "Jatim,BLITAR (KOTA),1,1\n"
    "Jatim,KAB. BLITAR,2,2\n"
    "Jatim,Kodya Malang,3,3\n"
    "Jatim,Kotamadya Kediri,4,4\n"
    "Jatim,Kab Kediri,5,5\n",
    "63.03=300000 32.79=100000 35.72=1 35.05=2 35.73=3 35.71=4 35.06=5",
    0,
    { NULL },
    NULL },
  { "/import/regions/column/codes",
    "Kode Provinsi,Nama Kabupaten/Kota,Penduduk Bekerja,Peserta Aktif\n"
    "63,Banjar,300000,90000\n"
    "32,Banjar,100000,30000\n",
    "63.03=300000 32.79=100000",
    0,
    { NULL },
    NULL },
  /* The province's capital shares its name: under the province it is the city. */
  { "/import/regions/column/bengkulu",
    PROVINCE_HEADER "Bengkulu,Bengkulu,200000,60000\n"
                    "Bengkulu,Bengkulu Selatan,100000,20000\n"
                    "Jambi,Jambi,5,5\n",
    "17.71=200000 17.01=100000 15.71=5",
    0,
    { "2|“Bengkulu” under Bengkulu (column A) was read as Kota Bengkulu (17.71)",
      "4|was read as Kota Jambi (15.71)" },
    NULL },
  /* A province in its own column does not make a row a total; a province with no region is the
   * province's own row. */
  { "/import/regions/column/not-a-total",
    PROVINCE_HEADER "Jawa Timur,,15000000,4300000\n"
                    "Jawa Timur,Kota Surabaya,2000000,600000\n"
                    "Jawa Timur,Kabupaten Blitar,500000,100000\n",
    "35.78=2000000 35.05=500000",
    0,
    { "2|Skipped: a total row" },
    NULL },
  /* Merged province cells: the value runs down over the blank cells under it. */
  { "/import/regions/column/carried",
    PROVINCE_HEADER "Kalimantan Selatan,Banjar,300000,90000\n"
                    ",Tapin,100000,20000\n"
                    ",Tanah Laut,100000,20000\n"
                    "Jawa Barat,Banjar,100000,30000\n"
                    ",Kota Bogor,500000,100000\n",
    "63.03=300000 63.05=100000 63.01=100000 32.79=100000 32.71=500000",
    0,
    { "3|Rows 3–4 leave column A blank; they are read as in Kalimantan Selatan, from row 2.",
      "6|Row 6 leaves column A blank; it is read as in Jawa Barat, from row 5." },
    NULL },
  /* A unique name in another province is used, and the disagreement reported; regencies of the
   * provinces made in 2022 under their older province are no disagreement. */
  { "/import/regions/column/elsewhere",
    PROVINCE_HEADER "Jawa Barat,Surabaya,2000000,600000\n"
                    "Papua,Merauke,100000,20000\n",
    "35.78=2000000 93.01=100000",
    0,
    { "2|“Surabaya” is Kota Surabaya (35.78), in Jawa Timur, not in Jawa Barat as column A says" },
    "Merauke” is" },
  /* A regional office is not a province. */
  { "/import/regions/column/not-a-province",
    PROVINCE_HEADER "Sumbagut,Medan,1000000,300000\n"
                    "Sumbagut,Banjar,1,1\n",
    "12.71=1000000",
    1,
    { "2|“Sumbagut” in column A is not a province",
      "3|“Banjar” could be Kota Banjar (32.79) or Kabupaten Banjar (63.03), but none of them "
      "is in Sumatera Utara, the province of most rows of this sheet" },
    NULL },
  { "/import/regions/column/none-in-province",
    PROVINCE_HEADER "Jawa Timur,Banjar,1,1\n",
    "",
    1,
    { "2|none of them is in Jawa Timur, the province of column A" },
    NULL },
  /* The province settles only names shared between provinces. */
  { "/import/regions/column/blitar",
    PROVINCE_HEADER "Jawa Timur,Blitar,1,1\n",
    "",
    1,
    { "2|“Blitar” could be Kabupaten Blitar (35.05) or Kota Blitar (35.72); write “Kabupaten”" },
    NULL },

  /* Headings over blocks. */
  { "/import/regions/heading/banjar",
    HEADER "KALIMANTAN SELATAN,,\n"
           "Banjar,300000,90000\n"
           "Tapin,100000,20000\n"
           "Provinsi Jawa Barat,,\n"
           "Banjar,100000,30000\n"
           "Kota Bogor,500000,100000\n",
    "63.03=300000 63.05=100000 32.79=100000 32.71=500000",
    0,
    { "2|Skipped: title line.",
      "2|Rows 3–4 are read as in Kalimantan Selatan, from the heading on row 2.",
      "5|Rows 6–7 are read as in Jawa Barat, from the heading on row 5." },
    "total" },
  { "/import/regions/heading/merged-from-number-column",
    "No,Kabupaten/Kota,Penduduk Bekerja,Peserta Aktif\n"
    "JAWA BARAT,,,\n"
    "1,Banjar,100000,30000\n"
    "2,Kota Bogor,500000,100000\n"
    "PROVINSI KALIMANTAN SELATAN,,,\n"
    "1,Banjar,300000,90000\n",
    "32.79=100000 32.71=500000 63.03=300000",
    0,
    { "2|Rows 3–4 are read as in Jawa Barat, from the heading on row 2.",
      "5|Row 6 is read as in Kalimantan Selatan, from the heading on row 5." },
    NULL },
  /* A heading with figures is the province's row and still opens its block. */
  { "/import/regions/heading/with-figures",
    HEADER "JAWA BARAT,100000,30000\n"
           "Banjar,100000,30000\n"
           "KALIMANTAN SELATAN,300000,90000\n"
           "Banjar,300000,90000\n",
    "32.79=100000 63.03=300000",
    0,
    { "2|Skipped: a total row", "2|Row 3 is read as in Jawa Barat, from the heading on row 2.",
      "4|Row 5 is read as in Kalimantan Selatan, from the heading on row 4." },
    NULL },
  /* A province's row under its regencies closes their block and settles their names. */
  { "/import/regions/heading/closing-total",
    HEADER "Kota Bogor,500000,100000\n"
           "Kota Bekasi,500000,100000\n"
           "Kota Depok,500000,100000\n"
           "Banjar,100000,30000\n"
           "Jawa Barat,1600000,330000\n"
           "Tapin,100000,20000\n"
           "Banjar,300000,90000\n"
           "Kalimantan Selatan,400000,110000\n",
    "32.71=500000 32.75=500000 32.76=500000 32.79=100000 63.05=100000 63.03=300000",
    0,
    { "5|“Banjar” was read as Kota Banjar (32.79), in Jawa Barat, from the province’s row 6",
      "8|“Banjar” was read as Kabupaten Banjar (63.03), in Kalimantan Selatan, from the province’s "
      "row 9" },
    "add up to" },
  { "/import/regions/heading/bengkulu",
    HEADER "BENGKULU,,\n"
           "Bengkulu,200000,60000\n"
           "Bengkulu Selatan,100000,20000\n"
           "JAMBI,,\n"
           "Jambi,5,5\n",
    "17.71=200000 17.01=100000 15.71=5",
    0,
    { "2|Skipped: title line.", "3|was read as Kota Bengkulu (17.71)", "5|Skipped: title line.",
      "6|was read as Kota Jambi (15.71)" },
    NULL },
  /* Under a title, a numbered row is the city; the unnumbered row that sums the rows above is
   * the province's own; an unnumbered row that does not is not guessed. */
  { "/import/regions/title/bengkulu",
    "PEMERINTAH PROVINSI BENGKULU\n"
    "No,Kabupaten/Kota,Penduduk Bekerja,Peserta Aktif\n"
    "1,Bengkulu Selatan,100,10\n"
    "2,Bengkulu,200,20\n"
    ",Bengkulu,300,30\n"
    ",Bengkulu,5,5\n",
    "17.01=100 17.71=200",
    1,
    { "4|was read as Kota Bengkulu (17.71)", "5|Skipped: a total row",
      "6|“Bengkulu” could be Bengkulu (17) or Kota Bengkulu (17.71)" },
    NULL },
  { "/import/regions/heading/bengkulu-closing",
    HEADER "BENGKULU,,\n"
           "Bengkulu Selatan,100,10\n"
           "Bengkulu,200,20\n"
           "Bengkulu,300,30\n",
    "17.01=100 17.71=200",
    0,
    { "4|was read as Kota Bengkulu (17.71)", "5|Skipped: a total row" },
    NULL },
  /* Jakarta's official long and short forms and usual abbreviations. */
  { "/import/regions/heading/jakarta",
    HEADER "DKI JAKARTA,,\n"
           "Kota Administrasi Jakarta Selatan,1,1\n"
           "Kota Adm. Jakarta Pusat,2,2\n"
           "Jakarta Barat,3,3\n"
           "Jaktim,4,4\n"
           "JAKUT,5,5\n"
           "Kab. Adm. Kep. Seribu,6,6\n",
    "31.74=1 31.71=2 31.73=3 31.75=4 31.72=5 31.01=6",
    0,
    { "2|Rows 3–8 are read as in Daerah Khusus Ibukota Jakarta, from the heading on row 2." },
    NULL },
  { "/import/regions/heading/jakarta-abbreviations",
    HEADER "Jaksel,1,1\n"
           "Jakpus,2,2\n"
           "Jakbar,3,3\n"
           "Kepulauan Seribu,6,6\n",
    "31.74=1 31.71=2 31.73=3 31.01=6",
    0,
    { NULL },
    NULL },

  /* The title settles names for the sheet when nothing closer does. */
  { "/import/regions/title/kanwil",
    "KANWIL KALSEL\n" HEADER "Banjar,300000,90000\n",
    "63.03=300000",
    0,
    { "3|“Banjar” was read as Kabupaten Banjar (63.03), in Kalimantan Selatan, as the title "
      "“KANWIL KALSEL” names that province." },
    NULL },
  { "/import/regions/title/sentence",
    "Data Kepesertaan BPJS Ketenagakerjaan Provinsi Jawa Barat\n" HEADER "Banjar,100000,30000\n",
    "32.79=100000",
    0,
    { "3|as the title “Data Kepesertaan BPJS Ketenagakerjaan Provinsi Jawa Barat” names" },
    NULL },
  /* "Blitar" is ambiguous within Jawa Timur too. */
  { "/import/regions/title/blitar",
    "KANWIL JAWA TIMUR\n" HEADER "Blitar,1,1\n"
    "Kota Blitar,2,2\n",
    "35.72=2",
    1,
    { "3|“Blitar” could be Kabupaten Blitar (35.05) or Kota Blitar (35.72)" },
    NULL },
  /* A heading is closer than the title; a province column closer than both. */
  { "/import/regions/title/heading-first",
    "KANWIL KALSEL\n" HEADER "JAWA BARAT,,\n"
    "Banjar,100000,30000\n",
    "32.79=100000",
    0,
    { "3|Row 4 is read as in Jawa Barat, from the heading on row 3." },
    "as the title" },
  { "/import/regions/title/column-first",
    "KANWIL JABAR\n" PROVINCE_HEADER "Kalimantan Selatan,Banjar,300000,90000\n",
    "63.03=300000",
    0,
    { NULL },
    "as the title" },
  /* A regional office's name is not a province: the sheet's dominant province comes last, and
   * names a province only for names shared between provinces. */
  { "/import/regions/title/not-a-province",
    "KANTOR WILAYAH SUMBAGUT\n" HEADER "Kota Medan,1,1\n"
    "Kota Binjai,2,2\n"
    "Banjar,3,3\n",
    "12.71=1 12.75=2",
    1,
    { "5|none of them is in Sumatera Utara, the province of most rows of this sheet" },
    NULL },
  { "/import/regions/title/two-provinces",
    "Jawa Barat dan Kalimantan Selatan\n" HEADER "Banjar,3,3\n",
    "",
    1,
    { "3|give the province" },
    NULL },
  { "/import/regions/dominant",
    HEADER "Tapin,1,1\n"
           "Banjar,3,3\n"
           "Tanah Laut,2,2\n",
    "63.05=1 63.03=3 63.01=2",
    0,
    { "3|“Banjar” was read as Kabupaten Banjar (63.03) because most rows of this sheet are in "
      "Kalimantan Selatan." },
    NULL },
};

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

static char *
sorted_words (const char *text)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr (GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      g_ptr_array_add (kept, words[i]);
  g_ptr_array_sort (kept, compare_strings);
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (" ", (char **)kept->pdata);
}

static char *
imported_workforce (CakDataset *ds, CakPeriod period)
{
  CakRegionCatalog *catalog = cak_region_catalog_get_default ();
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < cak_region_catalog_get_n_regions (catalog); i++)
    {
      const CakRegion *region = cak_region_catalog_get_region (catalog, i);
      CakValue value;

      if (region->kind != CAK_REGION_KIND_PROVINCE
          && cak_dataset_get (ds, region, period, CAK_MEASURE_WORKFORCE, &value))
        g_string_append_printf (out, "%s%s=%.0f", out->len ? " " : "", region->code, value.value);
    }
  return sorted_words (out->str);
}

static gboolean
has_note (CakDataset *ds, guint row, const char *text)
{
  const GArray *issues = cak_dataset_get_issues (ds);

  for (guint i = 0; i < issues->len; i++)
    {
      const CakIssue *issue = &g_array_index (issues, CakIssue, i);

      if (issue->source.row == row && strstr (issue->message, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
dump_notes (CakDataset *ds)
{
  const GArray *issues = cak_dataset_get_issues (ds);

  for (guint i = 0; i < issues->len; i++)
    {
      const CakIssue *issue = &g_array_index (issues, CakIssue, i);

      g_test_message ("row %u: %s", issue->source.row, issue->message);
    }
}

static void
test_case (gconstpointer data)
{
  const RegionCase *c = data;
  g_autoptr (CakDataset) ds = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GBytes) bytes = g_bytes_new_static (c->csv, strlen (c->csv));
  g_autoptr (GError) error = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *expected = sorted_words (c->imported);
  CakImportOptions options = { 0 };
  const CakSheetReport *sheet;
  GPtrArray *sheets;

  g_assert_true (cak_period_parse ("2023", &options.default_period));
  g_assert_true (cak_import_bytes (ds, bytes, "wilayah.csv", &options, NULL, &error));
  g_assert_no_error (error);
  dump_notes (ds);

  imported = imported_workforce (ds, options.default_period);
  g_assert_cmpstr (imported, ==, expected);

  sheets = cak_dataset_get_sheet_reports (ds);
  g_assert_cmpuint (sheets->len, ==, 1);
  sheet = g_ptr_array_index (sheets, 0);
  g_assert_cmpuint (sheet->imported + sheet->skipped + sheet->rejected, ==, sheet->rows);
  g_assert_cmpuint (sheet->rejected, ==, c->rejected);

  for (guint i = 0; i < MAX_NOTES && c->notes[i]; i++)
    {
      const char *bar = strchr (c->notes[i], '|');
      guint64 row;

      g_assert_nonnull (bar);
      row = g_ascii_strtoull (c->notes[i], NULL, 10);
      if (!has_note (ds, row, bar + 1))
        g_test_fail_printf ("no line for row %u holds “%s”", (guint)row, bar + 1);
    }
  if (c->absent)
    {
      const GArray *issues = cak_dataset_get_issues (ds);

      for (guint i = 0; i < issues->len; i++)
        g_assert_null (strstr (g_array_index (issues, CakIssue, i).message, c->absent));
    }
}

/* The province column is recognised by its header and can be given with --map. */
static void
test_province_column_role (void)
{
  static const char *const headers[] = {
    "Provinsi", "Nama Provinsi", "PROV.", "Province", "Kode Provinsi", "Propinsi",
  };
  CakColumnRole role;
  CakMeasure measure;
  g_autoptr (CakColumnMapping) mapping = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    g_assert_cmpint (cak_import_classify_header (headers[i], NULL), ==, CAK_COLUMN_PROVINCE);
  /* One column holding both is still the region's. */
  g_assert_cmpint (cak_import_classify_header ("Provinsi/Kabupaten/Kota", NULL), ==,
                   CAK_COLUMN_REGION_NAME);
  g_assert_cmpstr (cak_column_role_to_id (CAK_COLUMN_PROVINCE, 0), ==, "province");
  g_assert_true (cak_import_role_from_id ("province", &role, &measure));
  g_assert_cmpint (role, ==, CAK_COLUMN_PROVINCE);
  g_assert_true (cak_import_parse_mapping ("Wilayah Kerja=province", &mapping, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mapping->role, ==, CAK_COLUMN_PROVINCE);
  g_assert_cmpstr (cak_column_role_get_label (CAK_COLUMN_PROVINCE, 0), !=, "");
}

/* A column mapped to the province role by the user settles names like a recognised one. */
static void
test_mapped_province_column (void)
{
  static const char csv[] = "Wilayah Kerja,Kabupaten/Kota,Penduduk Bekerja,Peserta Aktif\n"
                            "Kalimantan Selatan,Banjar,300000,90000\n";
  g_autoptr (CakDataset) ds = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GBytes) bytes = g_bytes_new_static (csv, strlen (csv));
  g_autoptr (GPtrArray) map
      = g_ptr_array_new_with_free_func ((GDestroyNotify)cak_column_mapping_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *imported = NULL;
  CakImportOptions options = { 0 };

  g_ptr_array_add (map, cak_column_mapping_new ("Wilayah Kerja", CAK_COLUMN_PROVINCE, 0));
  options.column_map = map;
  g_assert_true (cak_period_parse ("2023", &options.default_period));
  g_assert_true (cak_import_bytes (ds, bytes, "wilayah.csv", &options, NULL, &error));
  g_assert_no_error (error);
  imported = imported_workforce (ds, options.default_period);
  g_assert_cmpstr (imported, ==, "63.03=300000");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, &cases[i], test_case);
  g_test_add_func ("/import/regions/province-column-role", test_province_column_role);
  g_test_add_func ("/import/regions/mapped-province-column", test_mapped_province_column);

  return g_test_run ();
}
