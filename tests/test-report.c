/* test-report.c: the monitoring-and-evaluation workbook and the CSV of the regency table
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "cak-report.h"
#include "chart-test-util.h"
#include "report-test-util.h"

static CakReportOptions
sample_options (CakLang lang)
{
  CakReportOptions options = { 0 };

  options.lang = lang;
  options.province_code = "35";
  options.period = ctu_period ("2024-12");
  options.compare = ctu_period ("2023-12");
  options.agency = "Dinas Tenaga Kerja dan Transmigrasi Provinsi Jawa Timur";
  options.place = "Surabaya";
  options.signer_position = "Kepala Dinas";
  options.signer_name = "Dr. Contoh Nama, M.Si.";
  options.signer_nip = "19700101 199003 1 001";
  options.sources = "jatim-ilustratif-2022-2024.csv";
  return options;
}

static char *
write_sample (CakLang lang, const char *dir)
{
  CakReportOptions options = sample_options (lang);
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, lang == CAK_LANG_ID ? "monev-id.xlsx" : "monev.xlsx", NULL);

  g_assert_true (
      cak_report_write (ctu_sample_dataset (), &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* The sheets, their names in each language, the marks of the computed ones, print setup,
 * document properties, formulas, conditional formats and native charts. */
static void
test_structure (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cak-report-XXXXXX", NULL);
  g_autofree char *en = write_sample (CAK_LANG_EN, dir);
  g_autofree char *id = write_sample (CAK_LANG_ID, dir);
  g_autofree char *wb_en = rtu_read_part (en, "xl/workbook.xml");
  g_autofree char *wb_id = rtu_read_part (id, "xl/workbook.xml");
  g_autofree char *sheet2 = rtu_read_part (en, "xl/worksheets/sheet2.xml");
  g_autofree char *core = rtu_read_part (en, "docProps/core.xml");
  g_autofree char *app = rtu_read_part (en, "docProps/app.xml");
  g_autofree char *chart = rtu_read_part (en, "xl/charts/chart1.xml");
  g_autofree char *trend = rtu_read_part (en, "xl/charts/chart2.xml");
  g_autofree char *trend_id = rtu_read_part (id, "xl/charts/chart2.xml");
  const char *names_en[]
      = { "Summary", "Regencies", "Trend", "Segments", "Gap to Target", "Import Notes", "Data" };
  const char *names_id[] = { "Ringkasan", "Cakupan per Kab-Kota",       "Tren",
                             "Segmen",    "Kekurangan terhadap Target", "Catatan Impor",
                             "Data" };

  for (guint i = 0; i < G_N_ELEMENTS (names_en); i++)
    {
      g_autofree char *en_tag = g_strdup_printf ("<sheet name=\"%s\"", names_en[i]);
      g_autofree char *id_tag = g_strdup_printf ("<sheet name=\"%s\"", names_id[i]);

      g_assert_nonnull (strstr (wb_en, en_tag));
      g_assert_nonnull (strstr (wb_id, id_tag));
    }
  /* Six computed sheets point into the data sheet; it repeats its header when printed. */
  g_assert_cmpuint (rtu_count_substrings (wb_en, "name=\"Cakupan_Computed\""), ==, 6);
  g_assert_nonnull (strstr (wb_en, "_xlnm.Print_Titles"));
  g_assert_nonnull (strstr (wb_en, "_xlnm.Print_Area"));

  /* The regency sheet: formulas with their results, a total, filter, frozen header, A4
   * landscape one page wide, conditional formats. */
  g_assert_nonnull (strstr (sheet2, "<f>IF(AND(ISNUMBER(D9),ISNUMBER(I9),N(D9)&gt;0),I9/D9,\"\")"
                                    "</f><v>0.272960266809223</v>"));
  g_assert_nonnull (strstr (sheet2, "RANK(J9,$J$5:$J$42)"));
  g_assert_nonnull (strstr (sheet2, "<autoFilter ref=\"A4:P42\"/>"));
  g_assert_nonnull (strstr (sheet2, "<pane xSplit=\"2\" ySplit=\"4\""));
  g_assert_nonnull (strstr (sheet2, "<pageSetup paperSize=\"9\" fitToHeight=\"0\" "
                                    "orientation=\"landscape\"/>"));
  g_assert_nonnull (strstr (sheet2, "<colorScale>"));
  g_assert_nonnull (strstr (sheet2, "<dataBar>"));
  g_assert_nonnull (strstr (sheet2, "type=\"expression\""));
  g_assert_nonnull (strstr (sheet2, "Page &amp;P of &amp;N"));

  g_assert_nonnull (strstr (core, "<dc:title>Monitoring and evaluation of BPJS Ketenagakerjaan "
                                  "coverage</dc:title>"));
  g_assert_nonnull (strstr (core, "<dc:creator>Dr. Contoh Nama, M.Si.</dc:creator>"));
  g_assert_nonnull (strstr (app, "<Company>Dinas Tenaga Kerja dan Transmigrasi Provinsi Jawa "
                                 "Timur</Company>"));
  /* The summary's ranking chart is a bar chart over the summary's own cells: its colours are
   * series named in a legend (at or above target, within 5 pp, below), and the target is a line
   * across the bars (the end caps of a bar of the target's length that is not drawn). */
  g_assert_nonnull (strstr (chart, "<c:barChart>"));
  g_assert_nonnull (strstr (chart, "<c:barDir val=\"bar\"/>"));
  g_assert_nonnull (strstr (chart, "<c:legend><c:legendPos val=\"t\"/>"));
  g_assert_cmpuint (rtu_count_substrings (chart, "<c:ser>"), ==, 4);
  g_assert_nonnull (strstr (chart, "<c:v>At or above target</c:v>"));
  g_assert_nonnull (strstr (chart, "<c:v>Within 5 pp of target</c:v>"));
  g_assert_nonnull (strstr (chart, "<c:v>Below target</c:v>"));
  g_assert_nonnull (strstr (chart, "<c:v>Target 40%</c:v>"));
  g_assert_nonnull (strstr (chart, "<c:errBars>"));
  g_assert_nonnull (strstr (chart, "<c:overlap val=\"100\"/>"));

  /* The trend's periods are dates on a value axis: December 2022, then December 2023 a year
   * later, January 2024 a month after that (the middle of each month, as spreadsheet days). */
  g_assert_nonnull (strstr (trend, "<c:scatterChart>"));
  g_assert_null (strstr (trend, "<c:catAx>"));
  g_assert_nonnull (strstr (trend, "<c:xVal><c:numRef>"));
  g_assert_nonnull (strstr (trend, "<c:pt idx=\"0\"><c:v>44910</c:v></c:pt>"
                                   "<c:pt idx=\"1\"><c:v>45275</c:v></c:pt>"
                                   "<c:pt idx=\"2\"><c:v>45306</c:v></c:pt>"));
  g_assert_nonnull (strstr (trend, "formatCode=\"[$-409]mmm yyyy\""));
  g_assert_nonnull (strstr (trend_id, "formatCode=\"[$-421]mmm yyyy\""));

  g_assert_cmpint (g_remove (en), ==, 0);
  g_assert_cmpint (g_remove (id), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* ---- A sheet's cells, columns and rows, as a spreadsheet would lay them out ---- */

typedef struct
{
  GPtrArray *strings; /* the shared strings */
  GString *text;      /* of the <t> being read */
  gboolean in_t;
} Strings;

static void
strings_start (GMarkupParseContext *context, const char *element, const char **names,
               const char **values, gpointer user_data, GError **error)
{
  Strings *s = user_data;

  if (strcmp (element, "si") == 0)
    g_string_truncate (s->text, 0);
  s->in_t = strcmp (element, "t") == 0;
}

static void
strings_end (GMarkupParseContext *context, const char *element, gpointer user_data, GError **error)
{
  Strings *s = user_data;

  if (strcmp (element, "si") == 0)
    g_ptr_array_add (s->strings, g_strdup (s->text->str));
  s->in_t = FALSE;
}

static void
strings_text (GMarkupParseContext *context, const char *text, gsize len, gpointer user_data,
              GError **error)
{
  Strings *s = user_data;

  if (s->in_t)
    g_string_append_len (s->text, text, len);
}

static GPtrArray *
read_strings (const char *path)
{
  g_autofree char *xml = rtu_read_part (path, "xl/sharedStrings.xml");
  GMarkupParser parser = { strings_start, strings_end, strings_text, NULL, NULL };
  Strings s = { g_ptr_array_new_with_free_func (g_free), g_string_new (NULL), FALSE };
  g_autoptr (GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &s, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_markup_parse_context_parse (context, xml, -1, &error));
  g_assert_no_error (error);
  g_string_free (s.text, TRUE);
  return s.strings;
}

typedef struct
{
  double widths[64];   /* characters; 8.43 unless set */
  GHashTable *heights; /* row number -> points, when set */
  GArray *cells;       /* Cell */
  int in_v;            /* index of the cell whose <v> is being read, or -1 */
} Sheet;

typedef struct
{
  guint row, col, style;
  int string; /* index into the shared strings, -1 when not a string */
} Cell;

static void
sheet_start (GMarkupParseContext *context, const char *element, const char **names,
             const char **values, gpointer user_data, GError **error)
{
  Sheet *sh = user_data;

  if (strcmp (element, "col") == 0)
    {
      guint min = 0, max = 0;
      double width = 8.43;

      for (guint i = 0; names[i]; i++)
        if (strcmp (names[i], "min") == 0)
          min = atoi (values[i]);
        else if (strcmp (names[i], "max") == 0)
          max = atoi (values[i]);
        else if (strcmp (names[i], "width") == 0)
          width = g_ascii_strtod (values[i], NULL);
      for (guint c = min; c <= max && c <= G_N_ELEMENTS (sh->widths); c++)
        sh->widths[c - 1] = width;
    }
  else if (strcmp (element, "row") == 0)
    {
      guint r = 0;
      double ht = 0;

      for (guint i = 0; names[i]; i++)
        if (strcmp (names[i], "r") == 0)
          r = atoi (values[i]);
        else if (strcmp (names[i], "ht") == 0)
          ht = g_ascii_strtod (values[i], NULL);
      if (ht > 0)
        g_hash_table_insert (sh->heights, GUINT_TO_POINTER (r), g_memdup2 (&ht, sizeof ht));
    }
  else if (strcmp (element, "c") == 0)
    {
      Cell cell = { 0, 0, 0, -1 };
      gboolean is_string = FALSE;

      for (guint i = 0; names[i]; i++)
        if (strcmp (names[i], "r") == 0)
          {
            const char *p = values[i];

            for (; g_ascii_isalpha (*p); p++)
              cell.col = cell.col * 26 + (g_ascii_toupper (*p) - 'A' + 1);
            cell.col--;
            cell.row = atoi (p);
          }
        else if (strcmp (names[i], "s") == 0)
          cell.style = atoi (values[i]);
        else if (strcmp (names[i], "t") == 0)
          is_string = strcmp (values[i], "s") == 0;
      g_array_append_val (sh->cells, cell);
      sh->in_v = is_string ? -2 : -1;
    }
  else if (strcmp (element, "v") == 0 && sh->in_v == -2)
    sh->in_v = sh->cells->len - 1;
}

static void
sheet_end (GMarkupParseContext *context, const char *element, gpointer user_data, GError **error)
{
  Sheet *sh = user_data;

  if (strcmp (element, "c") == 0 || strcmp (element, "v") == 0)
    sh->in_v = -1;
}

static void
sheet_text (GMarkupParseContext *context, const char *text, gsize len, gpointer user_data,
            GError **error)
{
  Sheet *sh = user_data;

  if (sh->in_v >= 0 && len > 0)
    {
      g_autofree char *v = g_strndup (text, len);

      g_array_index (sh->cells, Cell, sh->in_v).string = atoi (v);
    }
}

static void
read_sheet (const char *path, guint n, Sheet *sh)
{
  g_autofree char *part = g_strdup_printf ("xl/worksheets/sheet%u.xml", n);
  g_autofree char *xml = rtu_read_part (path, part);
  GMarkupParser parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (GError) error = NULL;

  for (guint c = 0; c < G_N_ELEMENTS (sh->widths); c++)
    sh->widths[c] = 8.43;
  sh->heights = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  sh->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  sh->in_v = -1;
  context = g_markup_parse_context_new (&parser, 0, sh, NULL);
  g_assert_true (g_markup_parse_context_parse (context, xml, -1, &error));
  g_assert_no_error (error);
}

static void
sheet_clear (Sheet *sh)
{
  g_clear_pointer (&sh->heights, g_hash_table_unref);
  g_clear_pointer (&sh->cells, g_array_unref);
}

/* The lines a bold 10-point header wraps to in a column this wide: a character is taken as one
 * of the digits a column width counts (LibreOffice fits 14 in a column 13.7 wide), the padding
 * as one, and a word wider than the column breaks. */
static guint
wrapped_lines (const char *text, double width)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  double room = width - 1, line = 0;
  guint lines = 1;

  for (guint i = 0; words[i]; i++)
    {
      double w = g_utf8_strlen (words[i], -1);

      if (line > 0 && line + 1 + w > room)
        lines++, line = 0;
      line += (line > 0 ? 1 : 0) + w;
      for (; line > room; line -= room)
        lines++;
    }
  return lines;
}

/* No header runs out of its cell: in every sheet of both languages, each cell in the header
 * style fits its column's width on as many lines as its row's height holds. */
static void
test_headers_fit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cak-report-XXXXXX", NULL);
  const CakLang langs[] = { CAK_LANG_EN, CAK_LANG_ID };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autofree char *path = write_sample (langs[l], dir);
      g_autoptr (GPtrArray) strings = read_strings (path);
      Sheet regencies = { { 0 } };
      guint header_style = G_MAXUINT, checked = 0;

      /* The header style: that of the regency sheet's "Code" header, cell A4 */
      read_sheet (path, 2, &regencies);
      for (guint i = 0; i < regencies.cells->len; i++)
        {
          const Cell *cell = &g_array_index (regencies.cells, Cell, i);

          if (cell->row == 4 && cell->col == 0)
            header_style = cell->style;
        }
      sheet_clear (&regencies);
      g_assert_cmpuint (header_style, !=, G_MAXUINT);

      for (guint n = 1; n <= 7; n++)
        {
          Sheet sh = { { 0 } };

          read_sheet (path, n, &sh);
          for (guint i = 0; i < sh.cells->len; i++)
            {
              const Cell *cell = &g_array_index (sh.cells, Cell, i);
              const double *ht = g_hash_table_lookup (sh.heights, GUINT_TO_POINTER (cell->row));
              const char *text;
              guint lines;

              if (cell->style != header_style || cell->string < 0)
                continue;
              text = g_ptr_array_index (strings, cell->string);
              lines = wrapped_lines (text, sh.widths[cell->col]);
              if (lines * 12.5 > (ht ? *ht : 15))
                g_error ("sheet %u, row %u, column %u: “%s” takes %u lines in a column %.1f wide, "
                         "but its row is %.1f points high",
                         n, cell->row, cell->col + 1, text, lines, sh.widths[cell->col],
                         ht ? *ht : 15);
              checked++;
            }
          sheet_clear (&sh);
        }
      g_assert_cmpuint (checked, >, 40);
      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Every value of every region, period and measure. */
static void
assert_same_dataset (CakDataset *a, CakDataset *b)
{
  CakRegionCatalog *catalog = cak_region_catalog_get_default ();
  g_autoptr (GArray) periods = cak_dataset_get_periods (a);
  g_autoptr (GArray) periods_b = cak_dataset_get_periods (b);
  guint compared = 0;

  g_assert_cmpuint (periods->len, ==, periods_b->len);
  for (guint i = 0; i < cak_region_catalog_get_n_regions (catalog); i++)
    {
      const CakRegion *region = cak_region_catalog_get_region (catalog, i);

      for (guint k = 0; k < periods->len; k++)
        for (CakMeasure m = 0; m < CAK_N_MEASURES; m++)
          {
            CakPeriod p = g_array_index (periods, CakPeriod, k);
            CakValue va, vb;
            gboolean ha = cak_dataset_get (a, region, p, m, &va);
            gboolean hb = cak_dataset_get (b, region, p, m, &vb);

            if (ha != hb)
              g_error ("%s %u/%u %s: %d vs %d", region->code, p.year, p.index,
                       cak_measure_to_id (m), ha, hb);
            if (ha)
              {
                g_assert_cmpfloat (va.value, ==, vb.value);
                compared++;
              }
          }
    }
  g_assert_cmpuint (compared, >, 5000);
}

static void
test_reimport (gconstpointer user_data)
{
  CakLang lang = GPOINTER_TO_INT (user_data);
  g_autofree char *dir = g_dir_make_tmp ("cak-report-XXXXXX", NULL);
  g_autofree char *path = write_sample (lang, dir);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (CakDataset) back = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GError) error = NULL;
  GPtrArray *reports;
  const GArray *issues;
  guint computed_notes = 0;

  g_assert_true (cak_import_file (back, file, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_same_dataset (ctu_sample_dataset (), back);
  g_assert_cmpuint (cak_dataset_count_errors (back), ==, 0);

  /* Every row of every sheet is accounted for; the computed sheets are skipped, each with one
   * note saying why. */
  reports = cak_dataset_get_sheet_reports (back);
  g_assert_cmpuint (reports->len, ==, 7);
  for (guint i = 0; i < reports->len; i++)
    {
      const CakSheetReport *sr = g_ptr_array_index (reports, i);

      g_assert_cmpuint (sr->rows, ==, sr->imported + sr->skipped + sr->rejected);
      g_assert_cmpuint (sr->rejected, ==, 0);
      if (i < 6)
        g_assert_cmpuint (sr->imported, ==, 0);
      else
        g_assert_cmpuint (sr->imported, ==, 1482);
    }
  issues = cak_dataset_get_issues (back);
  for (guint i = 0; i < issues->len; i++)
    {
      const CakIssue *issue = &g_array_index (issues, CakIssue, i);

      if (strstr (issue->message, "was computed by Cakupan from the sheet “Data”"))
        computed_notes++;
    }
  if (lang == CAK_LANG_EN)
    g_assert_cmpuint (computed_notes, ==, 6);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
progress_cb (double fraction, gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

/* A cancelled report leaves nothing behind, not even the part file. */
static void
test_cancel (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cak-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "monev.xlsx", NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) listing = NULL;
  CakReportOptions options = sample_options (CAK_LANG_EN);
  double last = 0;

  g_cancellable_cancel (cancellable);
  g_assert_false (cak_report_write (ctu_sample_dataset (), &options, path, cancellable, progress_cb,
                                    &last, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));

  g_clear_error (&error);
  last = 0;
  g_assert_true (
      cak_report_write (ctu_sample_dataset (), &options, path, NULL, progress_cb, &last, &error));
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_csv_field (void)
{
  const struct
  {
    const char *in, *out;
  } cases[] = {
    { "Kabupaten Blitar", "Kabupaten Blitar" },
    { "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"" },
    { "+62", "'+62" },
    { "-1", "'-1" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\tx", "'\tx" },
    { "a;b", "\"a;b\"" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = cak_report_csv_field (cases[i].in, ';');

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_csv (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cak-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "tabel.csv", NULL);
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  CakReportOptions options = sample_options (CAK_LANG_ID);

  g_assert_true (cak_report_write_csv (ctu_sample_dataset (), &options, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\r\n", -1);
  /* a header, 38 regencies, the total and the empty string after the last line break */
  g_assert_cmpuint (g_strv_length (lines), ==, 41);
  g_assert_true (g_str_has_prefix (lines[0], "Kode;Kabupaten/Kota;Jenis;Penduduk bekerja;"));
  g_assert_cmpstr (lines[5], ==,
                   "35.05;Kabupaten Blitar;Kabupaten;454557;48590;51153;16473;7860;124076;27,30;"
                   "330481;40,00;57747;19;25,43;1,86");
  g_assert_true (g_str_has_prefix (lines[39], ";Jumlah Jawa Timur;;15475216;"));
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* ---- Checked by LibreOffice: it recalculates every formula and its values equal ours. ---- */

static GPtrArray *
read_csv_rows (const char *path)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      /* Our cells hold no commas or quotes in the columns compared. */
      g_strchomp (lines[i]);
      g_ptr_array_add (rows, g_strsplit (lines[i], ",", -1));
    }
  return rows;
}

static double
field_value (GStrv row, guint col)
{
  const char *text = col < g_strv_length (row) ? row[col] : "";
  char *end = NULL;
  double v;

  if (*text == '\0')
    return NAN;
  v = g_ascii_strtod (text, &end);
  if (end && *end == '%')
    v /= 100;
  return v;
}

static void
assert_close (double got, double want, double tolerance, const char *what)
{
  if (isnan (want) && isnan (got))
    return;
  if (isnan (want) || isnan (got) || fabs (got - want) > tolerance)
    g_error ("%s: LibreOffice computed %.10g, Cakupan %.10g", what, got, want);
}

static void
test_libreoffice (void)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *profile_uri = NULL;
  g_autofree char *xcu = NULL;
  g_autofree char *env_arg = NULL;
  g_autofree char *out = NULL;
  g_autofree char *regencies_csv = NULL;
  g_autofree char *summary_csv = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) summary = NULL;
  g_autoptr (CakChartData) data = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;
  guint checked = 0;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed");
      return;
    }
  dir = g_dir_make_tmp ("cak-report-lo-XXXXXX", NULL);
  path = write_sample (CAK_LANG_EN, dir);

  /* A profile of its own that recalculates every formula on load rather than trusting the
   * results stored in the file. */
  profile = g_build_filename (dir, "profile", "user", NULL);
  g_assert_cmpint (g_mkdir_with_parents (profile, 0700), ==, 0);
  xcu = g_build_filename (profile, "registrymodifications.xcu", NULL);
  g_assert_true (g_file_set_contents (
      xcu,
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<oor:items "
      "xmlns:oor=\"http://openoffice.org/2001/registry\" "
      "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n<item "
      "oor:path=\"/org.openoffice.Office.Calc/Formula/Load\"><prop oor:name=\"OOXMLRecalcMode\" "
      "oor:op=\"fuse\"><value>0</value></prop></item>\n</oor:items>\n",
      -1, NULL));
  {
    g_autofree char *profile_dir = g_build_filename (dir, "profile", NULL);

    profile_uri = g_filename_to_uri (profile_dir, NULL, NULL);
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
  regencies_csv = g_build_filename (out, "monev-Regencies.csv", NULL);
  summary_csv = g_build_filename (out, "monev-Summary.csv", NULL);
  g_assert_true (g_file_test (regencies_csv, G_FILE_TEST_EXISTS));
  rows = read_csv_rows (regencies_csv);
  summary = read_csv_rows (summary_csv);

  data = cak_chart_data_new (ctu_sample_dataset (), "35", ctu_period ("2024-12"),
                             ctu_period ("2023-12"), NULL, CAK_LANG_EN);
  /* Rows 5 to 42 are the regencies, in the model's order; row 43 the total. */
  for (guint i = 0; i <= data->rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, 4 + i);
      const CakIndicatorRow *want
          = i < data->rows->len ? &g_array_index (data->rows, CakIndicatorRow, i) : &data->total;
      const CakIndicatorRow *cmp_total = &data->compare_total;

      if (i < data->rows->len)
        g_assert_cmpstr (row[0], ==, want->region->code);
      assert_close (field_value (row, 8), want->participants, 0, "participants");
      assert_close (field_value (row, 9) * 100, want->coverage_pct, 1e-9, "coverage");
      assert_close (field_value (row, 10), want->uncovered, 0, "uncovered");
      assert_close (field_value (row, 12), want->gap_to_target, 0, "gap to target");
      if (i < data->rows->len)
        {
          assert_close (field_value (row, 13), want->rank, 0, "rank");
          assert_close (field_value (row, 15), want->change_pp, 1e-9, "change");
        }
      else
        assert_close (field_value (row, 15), want->coverage_pct - cmp_total->coverage_pct, 1e-9,
                      "change of the total");
      checked++;
    }
  g_assert_cmpuint (checked, ==, 39);

  /* The summary's key figures, from formulas over the regency sheet. */
  {
    gboolean found = FALSE;
    guint n_gaps = 0;

    for (guint i = 0; i < summary->len; i++)
      {
        GStrv row = g_ptr_array_index (summary, i);

        if (!found && g_strcmp0 (row[0], "Coverage") == 0 && row[1] && *row[1])
          {
            assert_close (field_value (row, 1) * 100, data->total.coverage_pct, 1e-9,
                          "summary coverage");
            found = TRUE;
          }
        /* The two gaps side by side, each under its name, with the line on why they differ */
        if (g_strcmp0 (row[0], "Overall gap to target") == 0 && row[1] && g_ascii_isdigit (*row[1]))
          {
            assert_close (field_value (row, 1), data->total.gap_to_target, 0, "overall gap");
            n_gaps++;
          }
        if (g_strcmp0 (row[0], "Sum of regency gaps") == 0 && row[1] && g_ascii_isdigit (*row[1]))
          {
            assert_close (field_value (row, 1), data->total.regency_gaps, 0, "sum of gaps");
            g_assert_true (g_str_has_prefix (row[2], "The overall gap lets the regencies"));
            n_gaps++;
          }
        if (g_strcmp0 (row[0], "…of which below target") == 0)
          assert_close (field_value (row, 1), 28, 0, "below target");
      }
    g_assert_true (found);
    g_assert_cmpuint (n_gaps, ==, 2);
    /* 1.306.281 and 1.863.009 in the sample: the regencies above 40% offset 556.728 */
    g_assert_cmpfloat (data->total.regency_gaps - data->total.gap_to_target, ==, 556728);
  }
}

static GBytes *
read_part_bytes (const char *path, const char *part)
{
  g_autoptr (GError) error = NULL;
  CakZip *zip = cak_zip_open (path, "report.xlsx", &error);
  GBytes *bytes;

  g_assert_no_error (error);
  bytes = cak_zip_read_all (zip, part, 64 << 20, &error);
  g_assert_no_error (error);
  cak_zip_close (zip);
  return bytes;
}

/* The summary sheet carries the map as a picture: a PNG of 800x450 pixels shown at that size,
 * drawn in the report's language, with its description as alternative text. */
static void
test_map_image (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cak-report-XXXXXX", NULL);
  const CakLang langs[] = { CAK_LANG_EN, CAK_LANG_ID };
  const char *lowest[] = { "Lowest: ", "Terendah: " };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autofree char *path = write_sample (langs[l], dir);
      g_autoptr (GBytes) png = read_part_bytes (path, "xl/media/image1.png");
      g_autofree char *drawing = rtu_read_part (path, "xl/drawings/drawing1.xml");
      g_autofree char *rels = rtu_read_part (path, "xl/drawings/_rels/drawing1.xml.rels");
      g_autofree char *sheet_rels = rtu_read_part (path, "xl/worksheets/_rels/sheet1.xml.rels");
      gsize size;
      const guint8 *data = g_bytes_get_data (png, &size);

      g_assert_cmpuint (size, >, 24);
      g_assert_true (memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0);
      /* IHDR: width and height, big-endian */
      g_assert_cmpuint (GUINT32_FROM_BE (*(const guint32 *)(data + 16)), ==, 800);
      g_assert_cmpuint (GUINT32_FROM_BE (*(const guint32 *)(data + 20)), ==, 450);
      g_assert_cmpuint (rtu_count_substrings (drawing, "<xdr:pic>"), ==, 1);
      /* Beside the native chart of the ranking, on the first sheet: the summary */
      g_assert_cmpuint (rtu_count_substrings (drawing, "<c:chart "), ==, 1);
      g_assert_nonnull (strstr (drawing, lowest[l]));
      g_assert_nonnull (strstr (rels, "../media/image1.png"));
      g_assert_nonnull (strstr (sheet_rels, "../drawings/drawing1.xml"));
      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/structure", test_structure);
  g_test_add_func ("/report/map-image", test_map_image);
  g_test_add_func ("/report/headers-fit", test_headers_fit);
  g_test_add_data_func ("/report/reimport/en", GINT_TO_POINTER (CAK_LANG_EN), test_reimport);
  g_test_add_data_func ("/report/reimport/id", GINT_TO_POINTER (CAK_LANG_ID), test_reimport);
  g_test_add_func ("/report/cancel", test_cancel);
  g_test_add_func ("/report/csv-field", test_csv_field);
  g_test_add_func ("/report/csv", test_csv);
  g_test_add_func ("/report/libreoffice", test_libreoffice);
  return g_test_run ();
}
