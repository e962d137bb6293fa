/* test-xlsx.c: the XLSX reader, on workbooks built here part by part and on real files
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each fixture is a zip package written with libzip from XML this file spells out, so every
 * case says exactly what the file holds. A reading is turned into a transcript, one line per
 * callback, which the tests compare whole:
 *
 *   [0:Data]                  sheet_begin (index and name; " hidden" when hidden)
 *   1:TKota Bogor|_|N12.5     row 1: text, an empty cell, a number (D date, B boolean, X error)
 *   end A1:D1                 sheet_end, with the merged ranges
 */
#define G_LOG_DOMAIN "test-xlsx"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <zip.h>

#include "cak-xlsx-reader.h"

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL_OFFICE_DOCUMENT NS_REL "/officeDocument"
#define REL_WORKSHEET NS_REL "/worksheet"
#define REL_SHARED_STRINGS NS_REL "/sharedStrings"
#define REL_STYLES NS_REL "/styles"
#define REL_CHARTSHEET NS_REL "/chartsheet"
#define REL_HYPERLINK NS_REL "/hyperlink"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

static char *tmp_dir;

/* Fixtures */

static const char package_rels[]
    = XML_DECL "<Relationships xmlns=\"" NS_PKG "\">"
               "<Relationship Id=\"rId1\" Type=\"" REL_OFFICE_DOCUMENT "\" "
               "Target=\"xl/workbook.xml\"/></Relationships>";

static const char content_types[]
    = XML_DECL "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
               "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
               "<Default Extension=\"rels\" "
               "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
               "</Types>";

static char *
fixture_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* Writes a zip package of @parts: name, contents, name, contents, ..., NULL. */
static char *
write_package (const char *name, const char *const *parts)
{
  char *path = fixture_path (name);
  zip_t *za;
  int code = 0;

  za = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &code);
  g_assert_nonnull (za);
  for (guint i = 0; parts[i]; i += 2)
    {
      gsize length = strlen (parts[i + 1]);
      zip_source_t *source = zip_source_buffer (za, g_memdup2 (parts[i + 1], length), length, 1);

      g_assert_nonnull (source);
      g_assert_cmpint (zip_file_add (za, parts[i], source, ZIP_FL_ENC_UTF_8), >=, 0);
    }
  g_assert_cmpint (zip_close (za), ==, 0);
  return path;
}

static char *
worksheet (const char *rows, const char *after)
{
  return g_strdup_printf (XML_DECL "<worksheet xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\">"
                                   "<dimension ref=\"A1\"/><sheetData>%s</sheetData>%s"
                                   "</worksheet>",
                          rows, after ? after : "");
}

static char *
shared_strings (const char *items)
{
  return g_strdup_printf (XML_DECL "<sst xmlns=\"" NS_MAIN "\">%s</sst>", items);
}

/* A style sheet whose cellXfs have these number formats; the cellStyleXfs and the differential
 * formats around them carry date formats that must not count. */
static char *
styles (const char *num_fmts, const guint *xf_formats, guint n_xfs)
{
  g_autoptr (GString) xfs = g_string_new (NULL);

  for (guint i = 0; i < n_xfs; i++)
    g_string_append_printf (xfs, "<xf numFmtId=\"%u\" fontId=\"0\" applyNumberFormat=\"1\"/>",
                            xf_formats[i]);
  return g_strdup_printf (
      XML_DECL "<styleSheet xmlns=\"" NS_MAIN "\"><numFmts>%s</numFmts>"
               "<fonts count=\"1\"><font><sz val=\"11\"/></font></fonts>"
               "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
               "<cellXfs count=\"%u\">%s</cellXfs>"
               "<dxfs count=\"1\"><dxf><numFmt numFmtId=\"300\" formatCode=\"0.0\"/></dxf></dxfs>"
               "</styleSheet>",
      num_fmts ? num_fmts : "", n_xfs, xfs->str);
}

/* The usual workbook: one sheet named "Data" of @rows, with shared strings and styles when
 * given, and @workbook_pr as the attributes of workbookPr. */
static char *
simple_book (const char *name, const char *rows, const char *after, const char *strings,
             const char *styles_xml, const char *workbook_pr)
{
  g_autofree char *sheet = worksheet (rows, after);
  g_autofree char *sst = strings ? shared_strings (strings) : NULL;
  g_autofree char *book = g_strdup_printf (
      XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><workbookPr %s/>"
               "<sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
      workbook_pr ? workbook_pr : "");
  g_autofree char *rels = g_strdup_printf (
      XML_DECL "<Relationships xmlns=\"" NS_PKG "\">"
               "<Relationship Id=\"rId1\" Type=\"" REL_WORKSHEET "\" "
               "Target=\"worksheets/sheet1.xml\"/>"
               "<Relationship Id=\"rId2\" Type=\"" REL_SHARED_STRINGS "\" "
               "Target=\"sharedStrings.xml\"/>"
               "<Relationship Id=\"rId3\" Type=\"" REL_STYLES "\" Target=\"styles.xml\"/>"
               "</Relationships>");
  const char *parts[16] = {
    "[Content_Types].xml",
    content_types,
    "_rels/.rels",
    package_rels,
    "xl/workbook.xml",
    book,
    "xl/_rels/workbook.xml.rels",
    rels,
    "xl/worksheets/sheet1.xml",
    sheet,
  };
  guint n = 10;

  if (sst)
    {
      parts[n++] = "xl/sharedStrings.xml";
      parts[n++] = sst;
    }
  if (styles_xml)
    {
      parts[n++] = "xl/styles.xml";
      parts[n++] = styles_xml;
    }
  return write_package (name, parts);
}

/* Transcripts */

typedef struct
{
  GString *text;
  guint stop_at_row; /* the row callback returns FALSE at this row; 0 never */
  const char *skip;  /* sheet_begin returns FALSE for the sheet of this name */
  GCancellable *cancel_at_row_of;
  guint cancel_at_row;
  guint n_progress;
  double last_progress;
} Transcript;

static char
type_letter (guint8 type)
{
  switch (type)
    {
      case CAK_CELL_EMPTY:
        return '_';
      case CAK_CELL_TEXT:
        return 'T';
      case CAK_CELL_NUMBER:
        return 'N';
      case CAK_CELL_DATE:
        return 'D';
      case CAK_CELL_BOOLEAN:
        return 'B';
      case CAK_CELL_ERROR:
        return 'X';
      default:
        g_assert_not_reached ();
    }
}

static void
append_reference (GString *out, guint column, guint row)
{
  char letters[8];
  guint n = 0;

  for (guint c = column + 1; c > 0; c = (c - 1) / 26)
    letters[n++] = 'A' + (c - 1) % 26;
  while (n > 0)
    g_string_append_c (out, letters[--n]);
  g_string_append_printf (out, "%u", row);
}

static gboolean
sheet_begin_cb (const CakSheetInfo *sheet, gpointer user_data)
{
  Transcript *t = user_data;

  g_string_append_printf (t->text, "[%u:%s%s]\n", sheet->index, sheet->name,
                          sheet->hidden ? " hidden" : "");
  return g_strcmp0 (sheet->name, t->skip) != 0;
}

static gboolean
row_cb (const CakRow *row, gpointer user_data)
{
  Transcript *t = user_data;

  g_assert_nonnull (row->cells);
  g_assert_nonnull (row->types);
  g_assert_cmpuint (row->n_cells, <=, CAK_SHEET_MAX_COLUMNS);
  g_string_append_printf (t->text, "%u:", row->row);
  for (guint i = 0; i < row->n_cells; i++)
    {
      g_assert_nonnull (row->cells[i]);
      g_assert_true (g_utf8_validate (row->cells[i], -1, NULL));
      /* Empty cells, and only they, have no text. */
      g_assert_cmpint (row->types[i] == CAK_CELL_EMPTY, ==, row->cells[i][0] == '\0');
      g_string_append_printf (t->text, "%s%c%s", i ? "|" : "", type_letter (row->types[i]),
                              row->cells[i]);
    }
  if (row->n_cells > 0)
    g_assert_cmpint (row->types[row->n_cells - 1], !=, CAK_CELL_EMPTY);
  g_string_append_c (t->text, '\n');
  if (t->cancel_at_row_of && row->row == t->cancel_at_row)
    g_cancellable_cancel (t->cancel_at_row_of);
  return row->row != t->stop_at_row;
}

static void
sheet_end_cb (const CakSheetInfo *sheet, const CakMerge *merges, guint n_merges, gpointer user_data)
{
  Transcript *t = user_data;

  g_string_append (t->text, "end");
  for (guint i = 0; i < n_merges; i++)
    {
      g_string_append_c (t->text, i ? ',' : ' ');
      append_reference (t->text, merges[i].first_column, merges[i].first_row);
      g_string_append_c (t->text, ':');
      append_reference (t->text, merges[i].last_column, merges[i].last_row);
    }
  g_string_append_c (t->text, '\n');
}

static void
progress_cb (double fraction, gpointer user_data)
{
  Transcript *t = user_data;

  g_assert_cmpfloat (fraction, >=, t->last_progress);
  g_assert_cmpfloat (fraction, <=, 1.0);
  t->last_progress = fraction;
  t->n_progress++;
}

static gboolean
read_transcript (const char *path, Transcript *t, GCancellable *cancellable, GError **error)
{
  CakSheetCallbacks callbacks
      = { sheet_begin_cb, row_cb, sheet_end_cb, progress_cb, .user_data = t };
  g_autofree char *display_name = g_path_get_basename (path);

  if (t->text == NULL)
    t->text = g_string_new (NULL);
  return cak_xlsx_read (path, display_name, &callbacks, cancellable, error);
}

/* Reads @path and returns its transcript, asserting that it reads. */
static char *
transcribe (const char *path)
{
  Transcript t = { 0 };
  g_autoptr (GError) error = NULL;

  read_transcript (path, &t, NULL, &error);
  g_assert_no_error (error);
  return g_string_free (t.text, FALSE);
}

/* Reads @path, which must fail with @code, and returns the message. */
static char *
read_error (const char *path, CakImportError code)
{
  Transcript t = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_false (read_transcript (path, &t, NULL, &error));
  g_assert_error (error, CAK_IMPORT_ERROR, (int)code);
  g_string_free (t.text, TRUE);
  return g_strdup (error->message);
}

static void
assert_sheet (const char *name, const char *rows, const char *strings, const char *styles_xml,
              const char *workbook_pr, const char *expected)
{
  g_autofree char *path = simple_book (name, rows, NULL, strings, styles_xml, workbook_pr);
  g_autofree char *got = transcribe (path);
  g_autofree char *want = g_strdup_printf ("[0:Data]\n%send\n", expected);

  g_assert_cmpstr (got, ==, want);
}

/* Cells and values */

static void
test_shared_strings (void)
{
  const char *strings
      = "<si><t>Kabupaten Bogor</t></si>"
        "<si><r><rPr><b/><sz val=\"11\"/></rPr><t>Kota </t></r><r><t>Bandung</t></r></si>"
        "<si><r><t>課きく　毛こ</t></r><rPh sb=\"0\" eb=\"1\"><r><t>カ</t></r></rPh>"
        "<phoneticPr fontId=\"1\"/></si>"
        "<si><t xml:space=\"preserve\">  spasi  </t></si>"
        "<si><t>baris_x000D_\nbaru</t></si>"
        "<si><t>a_x005F_x0041_b</t></si>"
        "<si><t>_xD83D__xDE00_ _x00e9_</t></si>"
        "<si><t/></si>"
        "<si/>"
        "<si><t><![CDATA[<kurung> & sisanya]]></t></si>"
        "<si><t>A &amp; B &#x4E2D;</t></si>"
        "<si><t>_x0041 _x00_ _xZZZZ_</t></si>";
  g_autoptr (GString) rows = g_string_new ("<row r=\"1\">");

  for (guint i = 0; i < 12; i++)
    g_string_append_printf (rows, "<c r=\"%c1\" t=\"s\"><v>%u</v></c>", 'A' + i, i);
  g_string_append (rows, "</row>");
  assert_sheet ("shared.xlsx", rows->str, strings, NULL, NULL,
                "1:TKabupaten Bogor|TKota Bandung|T課きく　毛こ|T  spasi  |Tbaris\r\nbaru"
                "|Ta_x0041_b|T😀 é|_|_|T<kurung> & sisanya|TA & B 中|T_x0041 _x00_ _xZZZZ_\n");
}

static void
test_inline_strings (void)
{
  assert_sheet (
      "inline.xlsx",
      "<row r=\"1\">"
      "<c r=\"A1\" t=\"inlineStr\"><is><t>Jawa Barat</t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><r><t>Jawa </t></r>"
      "<r><rPr><i/></rPr><t>Timur</t></r></is></c>"
      "<c r=\"C1\" t=\"inlineStr\"><v>1.0</v><is><t>menang</t></is></c>"
      "<c r=\"D1\" t=\"inlineStr\"><is><t><![CDATA[12345]]></t></is></c>"
      "<c r=\"E1\" t=\"inlineStr\">\n  <is>\n    <t xml:space=\"preserve\"> x_x000D_ </t>"
      "\n  </is>\n</c>"
      "<c r=\"F1\" t=\"inlineStr\"><is><t>kana</t><rPh sb=\"0\" eb=\"1\"><t>カナ</t></rPh>"
      "</is></c>"
      "<c r=\"G1\" t=\"inlineStr\"><is><t></t></is></c>"
      "</row>",
      NULL, NULL, NULL, "1:TJawa Barat|TJawa Timur|Tmenang|T12345|T x\r |Tkana\n");
}

static void
test_numbers (void)
{
  static const char *const values[] = {
    "0",
    "1234567",
    "0.2768",
    "0.30000000000000004",
    "1E-5",
    "-0",
    "1.50",
    "12345678901234567890",
    " 42 ",
    "1.7976931348623157E+308",
    "449717.00000000006",
    "-2.5e3",
    "0.0001",
    "0.00001",
  };
  g_autoptr (GString) rows = g_string_new ("<row r=\"1\">");

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_string_append_printf (rows, "<c r=\"%c1\"><v>%s</v></c>", 'A' + i, values[i]);
  g_string_append (rows, "</row><row r=\"2\"><c r=\"A2\" t=\"n\"><v>tujuh</v></c>"
                         "<c r=\"B2\"><v></v></c><c r=\"C2\"/><c r=\"D2\"><v>1e999</v></c>"
                         "<c r=\"E2\" t=\"n\"><v>7</v></c></row>");
  assert_sheet ("numbers.xlsx", rows->str, NULL, NULL, NULL,
                "1:N0|N1234567|N0.2768|N0.3|N1e-05|N-0|N1.5|N1.23456789012346e+19|N42"
                "|N1.79769313486232e+308|N449717|N-2500|N0.0001|N1e-05\n"
                "2:Ttujuh|_|_|T1e999|N7\n");
}

/* Numbers of 16 digits and more, rounded to 15 as "%.15g" rounds the double they read as, near
 * one half of the 15th digit's unit and away from it: the reader rounds most without a double. */
static void
test_numbers_rounded (void)
{
  static const char *const values[] = {
    "16.83080420732561",      "97.72874493763119",     "67.09855647135254",
    "57.7884537504718",       "0.1234567890123449",    "0.1234567890123451",
    "123456789012345.5",      "999999999999999.7",     "9.999999999999996",
    "5.000000000000050001",   "1.00000000000000049",   "8.888888888888883889",
    "2.675000000000000001",   "-3.141592653589793238", "1.000000000000000611",
    "9.99999999999999611e-7",
  };
  g_autoptr (GString) rows = g_string_new ("<row r=\"1\">");
  g_autoptr (GString) expected = g_string_new ("1:");

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (rows, "<c r=\"%c1\"><v>%s</v></c>", 'A' + i, values[i]);
      g_ascii_formatd (buffer, sizeof buffer, "%.15g", g_ascii_strtod (values[i], NULL));
      g_string_append_printf (expected, "%sN%s", i ? "|" : "", buffer);
    }
  g_string_append (rows, "</row>");
  g_string_append_c (expected, '\n');
  assert_sheet ("numbers-rounded.xlsx", rows->str, NULL, NULL, NULL, expected->str);
}

/* Numbers as "%.15g" gives them, for many numbers written many ways, the reader's shortcut
 * against strtod and printf. */
static void
test_number_text (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (17);
  g_autoptr (GString) rows = g_string_new (NULL);
  g_autoptr (GString) expected = g_string_new (NULL);
  const guint n_rows = 400, n_columns = 50;

  for (guint r = 1; r <= n_rows; r++)
    {
      g_string_append_printf (rows, "<row r=\"%u\">", r);
      g_string_append_printf (expected, "%u:", r);
      for (guint c = 0; c < n_columns; c++)
        {
          char text[64], want[G_ASCII_DTOSTR_BUF_SIZE];
          double value;

          switch (c % 5)
            {
              case 0: /* as Excel writes a double: 17 significant digits */
                value = g_rand_double (rand) * pow (10, g_rand_int_range (rand, -7, 20));
                g_ascii_formatd (text, sizeof text, "%.17g", value * (c % 2 ? -1 : 1));
                break;
              case 1: /* as libxlsxwriter writes one */
                value = g_rand_double_range (rand, -1e6, 1e6);
                g_ascii_formatd (text, sizeof text, "%.16g", value);
                break;
              case 2: /* typed by hand */
                g_snprintf (text, sizeof text, "%d.%0*d", g_rand_int_range (rand, -99999, 99999),
                            g_rand_int_range (rand, 1, 6), g_rand_int_range (rand, 0, 99999));
                break;
              case 3: /* digits only, up to 22 of them, the point anywhere */
                {
                  guint n = g_rand_int_range (rand, 1, 23), point = g_rand_int_range (rand, 0, n);
                  guint k = 0;

                  for (guint i = 0; i < n; i++)
                    {
                      if (i == point && i > 0)
                        text[k++] = '.';
                      text[k++] = '0' + g_rand_int_range (rand, 0, 10);
                    }
                  text[k] = '\0';
                }
                break;
              default: /* with an exponent */
                g_snprintf (text, sizeof text, "%d.%dE%d", g_rand_int_range (rand, 1, 10),
                            g_rand_int_range (rand, 0, 1000000), g_rand_int_range (rand, -40, 40));
                break;
            }
          g_ascii_formatd (want, sizeof want, "%.15g", g_ascii_strtod (text, NULL));
          g_string_append_printf (rows, "<c><v>%s</v></c>", text);
          g_string_append_printf (expected, "%sN%s", c ? "|" : "", want);
        }
      g_string_append (rows, "</row>");
      g_string_append_c (expected, '\n');
    }
  assert_sheet ("number-text.xlsx", rows->str, NULL, NULL, NULL, expected->str);
}

/* Numbers are written in the C locale whatever the process's locale. */
static void
test_numbers_in_locale (void)
{
  static const char *const locales[] = { "id_ID.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8" };
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  const char *set = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (locales) && set == NULL; i++)
    set = setlocale (LC_NUMERIC, locales[i]);
  if (set == NULL)
    {
      g_test_skip ("no locale with a decimal comma is installed");
      return;
    }
  assert_sheet ("locale.xlsx",
                "<row r=\"1\"><c r=\"A1\"><v>0.2768</v></c><c r=\"B1\"><v>0.1234567890123456789</v>"
                "</c><c r=\"C1\"><v>1E-7</v></c></row>",
                NULL, NULL, NULL, "1:N0.2768|N0.123456789012346|N1e-07\n");
  setlocale (LC_NUMERIC, saved);
}

static void
test_booleans_and_errors (void)
{
  assert_sheet ("booleans.xlsx",
                "<row r=\"1\"><c r=\"A1\" t=\"b\"><v>1</v></c><c r=\"B1\" t=\"b\"><v>0</v></c>"
                "<c r=\"C1\" t=\"b\"><v>true</v></c><c r=\"D1\" t=\"e\"><v>#N/A</v></c>"
                "<c r=\"E1\" t=\"e\"><v>#DIV/0!</v></c><c r=\"F1\" t=\"b\"/></row>",
                NULL, NULL, NULL, "1:BTRUE|BFALSE|BTRUE|X#N/A|X#DIV/0!\n");
}

static void
test_formulas (void)
{
  static const guint xfs[] = { 0, 14 };
  g_autofree char *style = styles (NULL, xfs, G_N_ELEMENTS (xfs));

  assert_sheet ("formulas.xlsx",
                "<row r=\"1\">"
                "<c r=\"A1\"><f>1+2</f><v>3</v></c>"
                "<c r=\"B1\" t=\"str\"><f>CONCAT(\"a\",\"b\")</f><v>ab_x000D_</v></c>"
                "<c r=\"C1\"><f>NOW()</f></c>"
                "<c r=\"D1\" t=\"b\"><f>TRUE()</f><v>1</v></c>"
                "<c r=\"E1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
                "<c r=\"F1\"><f t=\"shared\" ref=\"F1:F2\" si=\"0\">A1*2</f><v>6</v></c>"
                "<c r=\"G1\" s=\"1\"><f>DATE(2023,12,31)</f><v>45291</v></c>"
                "<c r=\"H1\" t=\"str\"><f>\"\"</f><v></v></c>"
                "</row>"
                "<row r=\"2\"><c r=\"F2\"><f t=\"shared\" si=\"0\"/><v>8</v></c></row>",
                NULL, style, NULL,
                "1:N3|Tab\r|_|BTRUE|X#DIV/0!|N6|D2023-12-31\n"
                "2:_|_|_|_|_|N8\n");
}

/* A style per number format, in this order; then cells of 45291 (2023-12-31) in each. */
static const struct
{
  guint id;
  const char *code; /* NULL for a built-in format */
  const char *shows;
} date_formats[] = {
  { 0, NULL, "N45291" },
  { 14, NULL, "D2023-12-31" },
  { 22, NULL, "D2023-12-31" },
  { 164, "yyyy-mm-dd", "D2023-12-31" },
  { 165, "[Red]0.00", "N45291" },
  { 166, "#,##0", "N45291" },
  { 167, "[h]:mm", "D2023-12-31" },
  { 168, "0.0 \"days\"", "N45291" },
  { 169, "[$-421]dd mmmm yyyy", "D2023-12-31" },
  { 170, "dd/mm/yyyy;@", "D2023-12-31" },
  { 171, "0\\d", "N45291" },
  { 4, NULL, "N45291" },
  { 45, NULL, "D2023-12-31" },
  { 172, "_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)", "N45291" },
  { 173, "[ss]", "D2023-12-31" },
  { 174, "General", "N45291" },
  { 175, "[$Rp-421]#,##0.00", "N45291" },
  { 49, NULL, "N45291" },
  { 47, NULL, "D2023-12-31" },
  { 13, NULL, "N45291" },
};

static char *
date_styles (void)
{
  g_autoptr (GString) num_fmts = g_string_new (NULL);
  guint xfs[G_N_ELEMENTS (date_formats)];

  for (guint i = 0; i < G_N_ELEMENTS (date_formats); i++)
    {
      xfs[i] = date_formats[i].id;
      if (date_formats[i].code)
        {
          g_autofree char *code = g_markup_escape_text (date_formats[i].code, -1);

          g_string_append_printf (num_fmts, "<numFmt numFmtId=\"%u\" formatCode=\"%s\"/>",
                                  date_formats[i].id, code);
        }
    }
  return styles (num_fmts->str, xfs, G_N_ELEMENTS (xfs));
}

static void
test_date_formats (void)
{
  g_autofree char *style = date_styles ();
  g_autoptr (GString) rows = g_string_new ("<row r=\"1\">");
  g_autoptr (GString) expected = g_string_new ("1:");

  for (guint i = 0; i < G_N_ELEMENTS (date_formats); i++)
    {
      g_string_append_printf (rows, "<c s=\"%u\"><v>45291</v></c>", i);
      g_string_append_printf (expected, "%s%s", i ? "|" : "", date_formats[i].shows);
    }
  /* a style the workbook does not have */
  g_string_append (rows, "<c s=\"99\"><v>45291</v></c></row>");
  g_string_append (expected, "|N45291\n");
  assert_sheet ("date-formats.xlsx", rows->str, NULL, style, NULL, expected->str);
}

static void
test_dates_1900 (void)
{
  static const guint xfs[] = { 0, 14, 22 };
  g_autofree char *style = styles (NULL, xfs, G_N_ELEMENTS (xfs));

  assert_sheet ("dates-1900.xlsx",
                "<row r=\"1\">"
                "<c r=\"A1\" s=\"1\"><v>1</v></c>"
                "<c r=\"B1\" s=\"1\"><v>59</v></c>"
                "<c r=\"C1\" s=\"1\"><v>60</v></c>"
                "<c r=\"D1\" s=\"1\"><v>61</v></c>"
                "<c r=\"E1\" s=\"1\"><v>45291</v></c>"
                "<c r=\"F1\" s=\"2\"><v>45291.354166666664</v></c>"
                "<c r=\"G1\" s=\"2\"><v>0.5</v></c>"
                "<c r=\"H1\" s=\"1\"><v>-1</v></c>"
                "<c r=\"I1\" s=\"1\"><v>2958465</v></c>"
                "<c r=\"J1\" s=\"1\"><v>2958466</v></c>"
                "<c r=\"K1\" s=\"2\"><v>45291.99999999</v></c>"
                "<c r=\"L1\" s=\"2\"><v>36526.000011574</v></c>"
                "<c r=\"M1\" s=\"1\"><v>tanggal</v></c>"
                "</row>",
                NULL, style, NULL,
                "1:D1900-01-01|D1900-02-28|N60|D1900-03-01|D2023-12-31|D2023-12-31T08:30:00"
                "|D12:00:00|N-1|D9999-12-31|N2958466|D2024-01-01|D2000-01-01T00:00:01|Ttanggal\n");
}

static void
test_dates_1904 (void)
{
  static const guint xfs[] = { 0, 14, 22 };
  g_autofree char *style = styles (NULL, xfs, G_N_ELEMENTS (xfs));
  const char *rows = "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>1</v></c>"
                     "<c r=\"B1\" s=\"1\"><v>60</v></c>"
                     "<c r=\"C1\" s=\"1\"><v>43829</v></c>"
                     "<c r=\"D1\" s=\"2\"><v>43829.75</v></c>"
                     "<c r=\"E1\"><v>43829</v></c></row>";
  const char *expected = "1:D1904-01-02|D1904-03-01|D2023-12-31|D2023-12-31T18:00:00|N43829\n";

  assert_sheet ("dates-1904.xlsx", rows, NULL, style, "date1904=\"1\"", expected);
  assert_sheet ("dates-1904-true.xlsx", rows, NULL, style, "date1904=\"true\"", expected);
  assert_sheet ("dates-1904-false.xlsx", rows, NULL, style, "date1904=\"false\"",
                "1:D1900-01-01|N60|D2019-12-30|D2019-12-30T18:00:00|N43829\n");
}

static void
test_iso_dates (void)
{
  assert_sheet ("iso-dates.xlsx",
                "<row r=\"1\">"
                "<c r=\"A1\" t=\"d\"><v>2023-12-31</v></c>"
                "<c r=\"B1\" t=\"d\"><v>2023-12-31T08:30:00</v></c>"
                "<c r=\"C1\" t=\"d\"><v>2023-12-31T00:00:00Z</v></c>"
                "<c r=\"D1\" t=\"d\"><v>2023-12-31T08:30:00.123+07:00</v></c>"
                "<c r=\"E1\" t=\"d\"><v>08:30:00</v></c>"
                "<c r=\"F1\" t=\"d\"><v>segera</v></c>"
                "<c r=\"G1\" t=\"d\"><v>2023-13-01</v></c>"
                "</row>",
                NULL, NULL, NULL,
                "1:D2023-12-31|D2023-12-31T08:30:00|D2023-12-31|D2023-12-31T08:30:00|D08:30:00"
                "|Tsegera|T2023-13-01\n");
}

/* Rows and cells */

static void
test_gaps (void)
{
  assert_sheet ("gaps.xlsx",
                "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"C1\"><v>3</v></c>"
                "<c r=\"F1\"><v>6</v></c><c r=\"Z1\" s=\"1\"/></row>"
                "<row r=\"3\"><c r=\"B3\"><v>2</v></c></row>"
                "<row r=\"4\"/>"
                "<row r=\"5\" spans=\"1:3\"><c r=\"A5\" s=\"1\"/><c r=\"B5\"><f>X</f></c></row>"
                "<row r=\"10\"><c r=\"AA10\"><v>27</v></c></row>",
                NULL, NULL, NULL,
                "1:N1|_|N3|_|_|N6\n"
                "3:_|N2\n"
                "4:\n"
                "5:\n"
                "10:_|_|_|_|_|_|_|_|_|_|_|_|_|_|_|_|_|_|_|_|_|_|_|_|_|_|N27\n");
}

static void
test_missing_references (void)
{
  assert_sheet ("missing-references.xlsx",
                "<row><c><v>1</v></c><c><v>2</v></c><c r=\"E1\"><v>5</v></c><c><v>6</v></c></row>"
                "<row><c><v>1</v></c></row>"
                "<row r=\"7\"><c><v>1</v></c><c r=\"not-a-ref\"><v>2</v></c></row>"
                "<row><c r=\"C8\"><v>3</v></c></row>"
                "<row><c r=\"B12\"><v>2</v></c></row>"
                "<row><c><v>1</v></c></row>",
                NULL, NULL, NULL,
                "1:N1|N2|_|_|N5|N6\n"
                "2:N1\n"
                "7:N1|N2\n"
                "8:_|_|N3\n"
                "12:_|N2\n"
                "13:N1\n");
}

/* Rows that go back or come twice, and cells that do, are handed on as the file has them. */
static void
test_disorder (void)
{
  assert_sheet ("disorder.xlsx",
                "<row r=\"5\"><c r=\"C5\"><v>3</v></c><c r=\"A5\"><v>1</v></c></row>"
                "<row r=\"3\"><c r=\"A3\"><v>1</v></c><c r=\"A3\"><v>2</v></c></row>"
                "<row r=\"3\"><c r=\"B3\"><v>2</v></c></row>"
                "<row><c><v>4</v></c></row>",
                NULL, NULL, NULL, "5:N1|_|N3\n3:N2\n3:_|N2\n4:N4\n");
}

static void
test_namespace_prefixes (void)
{
  const char *book = XML_DECL
      "<x:workbook xmlns:x=\"" NS_MAIN "\" xmlns:rel=\"" NS_REL "\">"
      "<x:workbookPr date1904=\"0\"/><x:sheets>"
      "<x:sheet name=\"Prefixed\" sheetId=\"1\" rel:id=\"rId1\"/></x:sheets></x:workbook>";
  const char *rels = XML_DECL
      "<pr:Relationships xmlns:pr=\"" NS_PKG "\">"
      "<pr:Relationship Id=\"rId1\" Type=\"" REL_WORKSHEET "\" Target=\"worksheets/sheet1.xml\"/>"
      "<pr:Relationship Id=\"rId2\" Type=\"" REL_SHARED_STRINGS "\" Target=\"sharedStrings.xml\"/>"
      "</pr:Relationships>";
  const char *sst = XML_DECL "<s:sst xmlns:s=\"" NS_MAIN "\"><s:si><s:t>a</s:t></s:si>"
                             "<s:si><s:r><s:t>b</s:t></s:r><s:r><s:t>c</s:t></s:r></s:si></s:sst>";
  const char *sheet
      = XML_DECL "<x:worksheet xmlns:x=\"" NS_MAIN "\"><x:sheetData>"
                 "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c>"
                 "<x:c r=\"B1\" t=\"s\"><x:v>1</x:v></x:c>"
                 "<x:c r=\"C1\" t=\"inlineStr\"><x:is><x:t>d</x:t></x:is></x:c>"
                 "<x:c r=\"D1\"><x:v>4</x:v></x:c></x:row></x:sheetData>"
                 "<x:mergeCells count=\"1\"><x:mergeCell ref=\"A1:B1\"/></x:mergeCells>"
                 "</x:worksheet>";
  const char *parts[] = { "_rels/.rels",
                          package_rels,
                          "xl/workbook.xml",
                          book,
                          "xl/_rels/workbook.xml.rels",
                          rels,
                          "xl/worksheets/sheet1.xml",
                          sheet,
                          "xl/sharedStrings.xml",
                          sst,
                          NULL };
  g_autofree char *path = write_package ("prefixes.xlsx", parts);
  g_autofree char *got = transcribe (path);

  g_assert_cmpstr (got, ==, "[0:Prefixed]\n1:Ta|Tbc|Td|N4\nend A1:B1\n");
}

static void
test_merges (void)
{
  g_autofree char *path = simple_book (
      "merges.xlsx", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>",
      "<mergeCells count=\"5\"><mergeCell ref=\"A1:D1\"/><mergeCell ref=\"B2:B4\"/>"
      "<mergeCell ref=\"F9:E7\"/><mergeCell ref=\"H8\"/><mergeCell ref=\"nonsense\"/>"
      "<mergeCell/><mergeCell ref=\"A1:XFE1\"/></mergeCells>",
      NULL, NULL, NULL);
  g_autofree char *got = transcribe (path);

  g_assert_cmpstr (got, ==, "[0:Data]\n1:N1\nend A1:D1,B2:B4,E7:F9,H8:H8\n");
}

/* Workbooks and their parts */

static const char three_sheets_book[]
    = XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
               "<sheet name=\"Ringkasan\" sheetId=\"3\" r:id=\"rId3\"/>"
               "<sheet name=\"Grafik\" sheetId=\"9\" r:id=\"rId9\"/>"
               "<sheet name=\"Tersembunyi\" sheetId=\"1\" state=\"hidden\" r:id=\"rId1\"/>"
               "<sheet name=\"Sangat &amp; tersembunyi\" sheetId=\"2\" state=\"veryHidden\" "
               "r:id=\"rId2\"/>"
               "</sheets></workbook>";

static const char three_sheets_rels[]
    = XML_DECL "<Relationships xmlns=\"" NS_PKG "\">"
               "<Relationship Id=\"rId1\" Type=\"" REL_WORKSHEET "\" "
               "Target=\"/xl/worksheets/sheet1.xml\"/>"
               "<Relationship Id=\"rId2\" Type=\"" REL_WORKSHEET "\" "
               "Target=\"./worksheets/../worksheets/sheet2.xml\"/>"
               "<Relationship Id=\"rId3\" Type=\"" REL_WORKSHEET "\" "
               "Target=\"worksheets/sheet%203.xml\"/>"
               "<Relationship Id=\"rId9\" Type=\"" REL_CHARTSHEET "\" "
               "Target=\"chartsheets/"
               "sheet1.xml\"/>"
               "<Relationship "
               "Id=\"rId5\" Type=\"" REL_HYPERLINK "\" "
               "Target="
               "\"https:"
               "//"
               "example."
               "org/\" "
               "TargetMo"
               "de="
               "\"Extern"
               "al\"/>"
               "</"
               "Relation"
               "ships>";

static char *
three_sheets (const char *name)
{
  g_autofree char *one = worksheet ("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", NULL);
  g_autofree char *two = worksheet ("<row r=\"2\"><c r=\"B2\"><v>2</v></c></row>", NULL);
  g_autofree char *three = worksheet ("<row r=\"3\"><c r=\"C3\"><v>3</v></c></row>", NULL);
  const char *parts[] = { "_rels/.rels",
                          package_rels,
                          "xl/workbook.xml",
                          three_sheets_book,
                          "xl/_rels/workbook.xml.rels",
                          three_sheets_rels,
                          "xl/worksheets/sheet1.xml",
                          one,
                          "xl/worksheets/sheet2.xml",
                          two,
                          "xl/worksheets/sheet 3.xml",
                          three,
                          "xl/chartsheets/sheet1.xml",
                          "<chartsheet xmlns=\"" NS_MAIN "\"><sheetData><row><c><v>9</v></c></row>"
                          "</sheetData></chartsheet>",
                          NULL };

  return write_package (name, parts);
}

/* Sheets come in the order of their tabs, hidden ones marked; the chart sheet is left out
 * but keeps its place in the numbering. */
static void
test_sheets (void)
{
  g_autofree char *path = three_sheets ("sheets.xlsx");
  g_autofree char *got = transcribe (path);

  g_assert_cmpstr (got, ==,
                   "[0:Ringkasan]\n3:_|_|N3\nend\n"
                   "[2:Tersembunyi hidden]\n1:N1\nend\n"
                   "[3:Sangat & tersembunyi hidden]\n2:_|N2\nend\n");
}

/* The workbook where the package's relationships say, the parts where the workbook's say,
 * relative to the workbook's folder; shared strings under another name, in another case. */
static void
test_relationships (void)
{
  const char *root = XML_DECL "<Relationships xmlns=\"" NS_PKG "\">"
                              "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
                              "package/2006/relationships/metadata/core-properties\" "
                              "Target=\"docProps/core.xml\"/>"
                              "<Relationship Id=\"rId1\" Type=\"" REL_OFFICE_DOCUMENT "\" "
                              "Target=\"/buku/utama.xml\"/></Relationships>";
  const char *book = XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
                              "<sheet name=\"Satu\" sheetId=\"1\" r:id=\"a\"/></sheets></workbook>";
  const char *rels = XML_DECL
      "<Relationships xmlns=\"" NS_PKG "\">"
      "<Relationship Id=\"a\" Type=\"" REL_WORKSHEET "\" Target=\"../lembar/satu.xml\"/>"
      "<Relationship Id=\"b\" Type=\"" REL_SHARED_STRINGS "\" Target=\"teks/Bersama.xml\"/>"
      "</Relationships>";
  const char *sst = XML_DECL "<sst xmlns=\"" NS_MAIN "\"><si><t>ketemu</t></si></sst>";
  g_autofree char *sheet = worksheet ("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", NULL);
  const char *parts[] = { "_rels/.rels",
                          root,
                          "buku/utama.xml",
                          book,
                          "buku/_rels/utama.xml.rels",
                          rels,
                          "lembar/satu.xml",
                          sheet,
                          "buku/teks/bersama.xml",
                          sst,
                          NULL };
  g_autofree char *path = write_package ("relationships.xlsx", parts);
  g_autofree char *got = transcribe (path);

  g_assert_cmpstr (got, ==, "[0:Satu]\n1:Tketemu\nend\n");
}

/* Without the package's relationships, the workbook is looked for where Excel puts it. */
static void
test_no_package_relationships (void)
{
  const char *book = XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
                              "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  const char *rels = XML_DECL "<Relationships xmlns=\"" NS_PKG "\">"
                              "<Relationship Id=\"rId1\" Type=\"" REL_WORKSHEET "\" "
                              "Target=\"worksheets/sheet1.xml\"/></Relationships>";
  g_autofree char *sheet = worksheet ("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", NULL);
  const char *parts[] = { "xl/workbook.xml",
                          book,
                          "xl/_rels/workbook.xml.rels",
                          rels,
                          "xl/worksheets/sheet1.xml",
                          sheet,
                          NULL };
  g_autofree char *path = write_package ("no-package-rels.xlsx", parts);
  g_autofree char *got = transcribe (path);

  g_assert_cmpstr (got, ==, "[0:S]\n1:N1\nend\n");
}

static void
test_empty_workbooks (void)
{
  const char *charts_only
      = XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
                 "<sheet name=\"Grafik\" sheetId=\"1\" r:id=\"rId9\"/></sheets></workbook>";
  const char *parts[] = {
    "_rels/.rels",     package_rels, "xl/workbook.xml", charts_only, "xl/_rels/workbook.xml.rels",
    three_sheets_rels, NULL
  };
  g_autofree char *path = write_package ("charts-only.xlsx", parts);
  g_autofree char *message = read_error (path, CAK_IMPORT_ERROR_EMPTY);
  g_autofree char *empty_sheet = simple_book ("empty-sheet.xlsx", "", NULL, NULL, NULL, NULL);
  g_autofree char *got = transcribe (empty_sheet);

  g_assert_nonnull (strstr (message, "charts-only.xlsx"));
  g_assert_cmpstr (got, ==, "[0:Data]\nend\n");
}

/* Limits */

static void
test_widest_row (void)
{
  g_autofree char *path = simple_book (
      "wide.xlsx", "<row r=\"1\"><c r=\"B1\"><v>2</v></c><c r=\"XFD1\"><v>16384</v></c></row>",
      NULL, NULL, NULL, NULL);
  Transcript t = { 0 };
  g_autoptr (GError) error = NULL;
  guint n_bars = 0;

  g_assert_true (read_transcript (path, &t, NULL, &error));
  g_assert_no_error (error);
  /* 16384 cells, the last in XFD */
  g_assert_true (g_str_has_prefix (t.text->str, "[0:Data]\n1:_|N2|_|"));
  g_assert_true (g_str_has_suffix (t.text->str, "|_|N16384\nend\n"));
  for (const char *p = t.text->str; *p; p++)
    n_bars += *p == '|';
  g_assert_cmpuint (n_bars, ==, 16383);
  g_string_free (t.text, TRUE);
}

static void
test_beyond_limits (void)
{
  static const struct
  {
    const char *rows;
    const char *names;
  } cases[] = {
    { "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>", "cell XFE1" },
    { "<row r=\"1\"><c r=\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1\"><v>1</v></c></row>",
      "cell AAAAAAAAAAAAAAAA" },
    { "<row r=\"1\"><c r=\"XFD1\"><v>1</v></c><c><v>2</v></c></row>", "cell XFE1" },
    { "<row r=\"1048577\"><c><v>1</v></c></row>", "row 1048577" },
    { "<row r=\"99999999999999999999\"/>", "row 9999999999999999" },
    { "<row r=\"1048576\"/><row/>", "row 1048577" },
    { "<row r=\"1\"><c r=\"A1048577\"><v>1</v></c></row>", "row 1048577" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("beyond-%u.xlsx", i);
      g_autofree char *path = simple_book (name, cases[i].rows, NULL, NULL, NULL, NULL);
      g_autofree char *message = read_error (path, CAK_IMPORT_ERROR_CORRUPT);

      g_test_message ("%s", message);
      g_assert_nonnull (strstr (message, name));
      g_assert_nonnull (strstr (message, "sheet “Data”"));
      g_assert_nonnull (strstr (message, cases[i].names));
    }
}

static gboolean
count_wide_cb (const CakRow *row, gpointer user_data)
{
  guint *n = user_data;

  g_assert_cmpuint (row->n_cells, ==, CAK_SHEET_MAX_COLUMNS);
  g_assert_cmpint (row->types[CAK_SHEET_MAX_COLUMNS - 1], ==, CAK_CELL_NUMBER);
  (*n)++;
  return TRUE;
}

/* Rows with one cell in the last column are 16,384 cells each for the importer: a sheet of them
 * stops at CAK_SHEET_MAX_CELLS, 1953 such rows, rather than costing minutes for a million. */
static void
test_sparse_bomb (void)
{
  for (guint n_rows = 1953; n_rows <= 1954; n_rows++)
    {
      g_autoptr (GString) rows = g_string_new (NULL);
      g_autofree char *name = g_strdup_printf ("sparse-%u.xlsx", n_rows);
      g_autofree char *path = NULL;

      for (guint r = 1; r <= n_rows; r++)
        g_string_append_printf (rows, "<row r=\"%u\"><c r=\"XFD%u\"><v>1</v></c></row>", r, r);
      g_autoptr (GError) error = NULL;
      guint n = 0;
      CakSheetCallbacks callbacks = { .row = count_wide_cb, .user_data = &n };

      path = simple_book (name, rows->str, NULL, NULL, NULL, NULL);
      if (n_rows == 1953)
        {
          g_assert_true (cak_xlsx_read (path, name, &callbacks, NULL, &error));
          g_assert_no_error (error);
        }
      else
        {
          g_assert_false (cak_xlsx_read (path, name, &callbacks, NULL, &error));
          g_assert_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_TOO_LARGE);
          g_assert_nonnull (strstr (error->message, name));
          g_assert_nonnull (strstr (error->message, "by row 1954, sheet “Data” spans more than"));
        }
      g_assert_cmpuint (n, ==, 1953);
    }
}

/* 100,000 rows: all of them come, with progress now and then, and memory does not follow the
 * number of rows (see the benchmark for the time). */
static gboolean
count_cb (const CakRow *row, gpointer user_data)
{
  guint64 *counts = user_data;

  g_assert_cmpuint (row->row, ==, counts[0] + 1);
  g_assert_cmpuint (row->n_cells, ==, 3);
  g_assert_cmpint (row->types[0], ==, CAK_CELL_TEXT);
  g_assert_cmpint (row->types[2], ==, CAK_CELL_NUMBER);
  g_assert_cmpuint (g_ascii_strtoull (row->cells[2], NULL, 10), ==, row->row);
  counts[0]++;
  counts[1] += row->n_cells;
  return TRUE;
}

static void
count_progress_cb (double fraction, gpointer user_data)
{
  guint64 *counts = user_data;

  counts[2]++;
  if (fraction == 1.0)
    counts[3]++;
}

static void
test_long_sheet (void)
{
  const guint n_rows = 100000;
  g_autoptr (GString) rows = g_string_sized_new (n_rows * 80);
  g_autofree char *path = NULL;
  guint64 counts[4] = { 0 };
  CakSheetCallbacks callbacks
      = { .row = count_cb, .progress = count_progress_cb, .user_data = counts };
  g_autoptr (GError) error = NULL;

  for (guint r = 1; r <= n_rows; r++)
    g_string_append_printf (rows,
                            "<row r=\"%u\" spans=\"1:3\"><c r=\"A%u\" t=\"s\"><v>%u</v></c>"
                            "<c r=\"B%u\" t=\"b\"><v>1</v></c><c r=\"C%u\"><v>%u</v></c></row>",
                            r, r, r % 2, r, r, r);
  path = simple_book ("long.xlsx", rows->str, NULL, "<si><t>genap</t></si><si><t>ganjil</t></si>",
                      NULL, NULL);
  g_assert_true (cak_xlsx_read (path, "long.xlsx", &callbacks, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts[0], ==, n_rows);
  g_assert_cmpuint (counts[1], ==, 3 * n_rows);
  /* about once every thousand rows, and 1 at the end */
  g_assert_cmpuint (counts[2], >=, n_rows / 1100);
  g_assert_cmpuint (counts[2], <=, n_rows / 900 + 2);
  g_assert_cmpuint (counts[3], >=, 1);
}

/* Callbacks that stop, skip and cancel */

static void
test_stop (void)
{
  g_autofree char *path = three_sheets ("stop.xlsx");
  g_autofree char *one
      = simple_book ("stop-rows.xlsx",
                     "<row r=\"1\"><c><v>1</v></c></row><row r=\"2\"><c><v>2</v></c></row>"
                     "<row r=\"3\"><c><v>3</v></c></row>",
                     NULL, NULL, NULL, NULL);
  Transcript t = { .stop_at_row = 3 }, u = { .stop_at_row = 2 };
  g_autoptr (GError) error = NULL;

  /* the first sheet's row 3 stops everything: no sheet_end, no other sheets */
  g_assert_true (read_transcript (path, &t, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (t.text->str, ==, "[0:Ringkasan]\n3:_|_|N3\n");
  g_assert_true (read_transcript (one, &u, NULL, &error));
  g_assert_cmpstr (u.text->str, ==, "[0:Data]\n1:N1\n2:N2\n");
  g_string_free (t.text, TRUE);
  g_string_free (u.text, TRUE);
}

static void
test_skip_sheet (void)
{
  g_autofree char *path = three_sheets ("skip.xlsx");
  Transcript t = { .skip = "Ringkasan" };
  g_autoptr (GError) error = NULL;

  g_assert_true (read_transcript (path, &t, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (t.text->str, ==,
                   "[0:Ringkasan]\n"
                   "[2:Tersembunyi hidden]\n1:N1\nend\n"
                   "[3:Sangat & tersembunyi hidden]\n2:_|N2\nend\n");
  g_assert_cmpfloat (t.last_progress, ==, 1.0);
  g_string_free (t.text, TRUE);
}

static void
test_cancel (void)
{
  g_autoptr (GString) rows = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  Transcript t = { .cancel_at_row = 1500 }, u = { 0 };
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  guint n_lines;

  for (guint r = 1; r <= 5000; r++)
    g_string_append_printf (rows, "<row r=\"%u\"><c><v>%u</v></c></row>", r, r);
  path = simple_book ("cancel.xlsx", rows->str, NULL, NULL, NULL, NULL);

  t.cancel_at_row_of = cancellable;
  g_assert_false (read_transcript (path, &t, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* within the next thousand rows or so */
  lines = g_strsplit (t.text->str, "\n", -1);
  n_lines = g_strv_length (lines);
  g_assert_cmpuint (n_lines, >=, 1500);
  g_assert_cmpuint (n_lines, <=, 2600);
  g_clear_error (&error);

  g_cancellable_cancel (cancelled);
  g_assert_false (read_transcript (path, &u, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (u.text->str, ==, "");
  g_string_free (t.text, TRUE);
  g_string_free (u.text, TRUE);
}

/* Files that are not workbooks, broken ones and hostile ones */

static void
test_not_a_workbook (void)
{
  g_autofree char *text = fixture_path ("text.xlsx");
  g_autofree char *empty = fixture_path ("empty.xlsx");
  const char *no_workbook_parts[] = { "mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                                      "content.xml", "<office:document-content/>", NULL };
  const char *document_rels
      = XML_DECL "<Relationships xmlns=\"" NS_PKG "\"><Relationship Id=\"rId1\" "
                 "Type=\"" REL_OFFICE_DOCUMENT "\" Target=\"word/document.xml\"/>"
                 "</Relationships>";
  const char *document_parts[] = { "_rels/.rels", document_rels, "word/document.xml",
                                   "<w:document xmlns:w=\"urn:w\"><w:body/></w:document>", NULL };
  g_autofree char *ods = write_package ("looks-like.ods.xlsx", no_workbook_parts);
  g_autofree char *docx = write_package ("document.xlsx", document_parts);
  g_autofree char *message = NULL;

  g_assert_true (g_file_set_contents (text, "Kabupaten;Peserta\nBogor;12\n", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  message = read_error (text, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET);
  g_assert_nonnull (strstr (message, "text.xlsx"));
  g_free (read_error (empty, CAK_IMPORT_ERROR_EMPTY));
  g_free (message);
  message = read_error (ods, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET);
  g_assert_nonnull (strstr (message, "not an XLSX workbook"));
  g_assert_nonnull (strstr (message, "looks-like.ods.xlsx"));
  g_free (message);
  message = read_error (docx, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET);
  g_assert_nonnull (strstr (message, "not an XLSX workbook"));
}

static void
test_binary_workbook (void)
{
  const char *rels = XML_DECL "<Relationships xmlns=\"" NS_PKG "\"><Relationship Id=\"rId1\" "
                              "Type=\"" REL_OFFICE_DOCUMENT "\" Target=\"xl/workbook.bin\"/>"
                              "</Relationships>";
  const char *parts[] = { "_rels/.rels", rels, "xl/workbook.bin", "\x83\x01\x00", NULL };
  const char *bare_parts[] = { "xl/workbook.bin", "\x83\x01\x00", NULL };
  g_autofree char *path = write_package ("binary.xlsb", parts);
  g_autofree char *bare = write_package ("bare.xlsb", bare_parts);
  g_autofree char *message = read_error (path, CAK_IMPORT_ERROR_UNSUPPORTED);

  g_assert_nonnull (strstr (message, "binary.xlsb"));
  g_assert_nonnull (strstr (message, ".xlsx"));
  g_free (read_error (bare, CAK_IMPORT_ERROR_UNSUPPORTED));
}

static void
test_truncated (void)
{
  g_autofree char *path = three_sheets ("whole.xlsx");
  g_autofree char *cut = fixture_path ("cut.xlsx");
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  for (gsize keep = 30; keep < length; keep += length / 7)
    {
      g_autoptr (GError) error = NULL;
      Transcript t = { 0 };

      g_assert_true (g_file_set_contents (cut, data, keep, NULL));
      g_assert_false (read_transcript (cut, &t, NULL, &error));
      g_assert_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, "cut.xlsx"));
      g_string_free (t.text, TRUE);
    }
}

static void
test_malformed_xml (void)
{
  static const char *const sheets[] = {
    "<row r=\"1\"><c r=\"A1\"><v>1</v></row>",
    "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData>",
    "<row r=\"1\"><c r=\"A1\" r=\"B1\"><v>1</v></c></row>",
    "<row r=\"1\"><c r=\"A1\"><v>1 & 2</v></c></row>",
    "<row r=\"1\"><c r=\"A1\"><v>\x01</v></c></row>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      g_autofree char *name = g_strdup_printf ("malformed-%u.xlsx", i);
      g_autofree char *path = simple_book (name, sheets[i], NULL, NULL, NULL, NULL);
      g_autofree char *message = read_error (path, CAK_IMPORT_ERROR_CORRUPT);

      g_test_message ("%s", message);
      g_assert_nonnull (strstr (message, name));
      g_assert_nonnull (strstr (message, "xl/worksheets/sheet1.xml"));
    }
  {
    g_autofree char *path
        = simple_book ("malformed-strings.xlsx", "", NULL, "<si><t>a</si></t>", NULL, NULL);
    g_autofree char *message = read_error (path, CAK_IMPORT_ERROR_CORRUPT);

    g_assert_nonnull (strstr (message, "xl/sharedStrings.xml"));
  }
  {
    const char *parts[] = { "_rels/.rels", "<Relationships", NULL };
    g_autofree char *path = write_package ("malformed-rels.xlsx", parts);
    g_autofree char *message = read_error (path, CAK_IMPORT_ERROR_CORRUPT);

    g_assert_nonnull (strstr (message, "_rels/.rels"));
  }
}

static void
test_damaged_references (void)
{
  g_autofree char *path = simple_book (
      "bad-index.xlsx",
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>5</v></c></row>", NULL,
      "<si><t>satu</t></si>", NULL, NULL);
  g_autofree char *message = read_error (path, CAK_IMPORT_ERROR_CORRUPT);
  const char *book
      = XML_DECL "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
                 "<sheet name=\"Hilang\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>";
  const char *rels = XML_DECL "<Relationships xmlns=\"" NS_PKG "\">"
                              "<Relationship Id=\"rId1\" Type=\"" REL_WORKSHEET "\" "
                              "Target=\"worksheets/sheet1.xml\"/></Relationships>";
  const char *no_rel_parts[]
      = { "_rels/.rels", package_rels, "xl/workbook.xml", book, "xl/_rels/workbook.xml.rels",
          rels,          NULL };
  const char *no_part_parts[] = { "_rels/.rels",
                                  package_rels,
                                  "xl/workbook.xml",
                                  three_sheets_book,
                                  "xl/_rels/workbook.xml.rels",
                                  three_sheets_rels,
                                  NULL };
  g_autofree char *no_rel = write_package ("no-rel.xlsx", no_rel_parts);
  g_autofree char *no_part = write_package ("no-part.xlsx", no_part_parts);
  Transcript t = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (strstr (message, "bad-index.xlsx"));
  g_assert_nonnull (strstr (message, "sheet “Data”, cell B2"));
  g_free (message);
  message = read_error (no_rel, CAK_IMPORT_ERROR_CORRUPT);
  g_assert_nonnull (strstr (message, "sheet “Hilang”"));
  /* a missing part fails the file before any sheet is read */
  g_assert_false (read_transcript (no_part, &t, NULL, &error));
  g_assert_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "sheet 3.xml"));
  g_assert_cmpstr (t.text->str, ==, "");
  g_string_free (t.text, TRUE);
}

/* A part that inflates a thousand times over is refused. Deflate packs at most about 1030 to
 * one, so the limit is met near the end of such a part: 8 MiB of blanks, which libxml2 would
 * take as one text node, stay below its own limit of 10 MB on a text node. */
static char *
blanks_between (const char *before, const char *after)
{
  const gsize size = 8u << 20;
  gsize n_before = strlen (before), n_after = strlen (after);
  char *text = g_malloc (n_before + size + n_after + 1);

  memcpy (text, before, n_before);
  memset (text + n_before, ' ', size);
  memcpy (text + n_before + size, after, n_after + 1);
  return text;
}

static void
test_zip_bomb (void)
{
  g_autofree char *sheet
      = blanks_between ("<worksheet xmlns=\"" NS_MAIN "\"><sheetData>", "</sheetData></worksheet>");
  g_autofree char *strings = blanks_between ("<si><t>", "</t></si>");
  const char *parts[] = { "_rels/.rels",
                          package_rels,
                          "xl/workbook.xml",
                          "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
                          "<sheet name=\"B\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
                          "xl/_rels/workbook.xml.rels",
                          three_sheets_rels,
                          "xl/worksheets/sheet1.xml",
                          sheet,
                          NULL };
  g_autofree char *path = write_package ("bomb.xlsx", parts);
  g_autofree char *strings_path = simple_book ("strings-bomb.xlsx", "", NULL, strings, NULL, NULL);
  g_autofree char *message = read_error (path, CAK_IMPORT_ERROR_TOO_LARGE);

  g_assert_nonnull (strstr (message, "bomb.xlsx"));
  g_free (message);
  message = read_error (strings_path, CAK_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (message, "xl/sharedStrings.xml"));
}

/* Letters that do not compress a thousand times, as a zip bomb would. */
static void
append_letters (GString *out, GRand *rand, gsize n)
{
  for (gsize i = 0; i < n; i++)
    g_string_append_c (out, 'a' + g_rand_int_range (rand, 0, 26));
}

/* A cell's text comes from the parser in pieces, across the chunks it is fed, around entities
 * and CDATA: it is read whole. A text longer than libxml2 allows a text node without
 * XML_PARSE_HUGE (10,000,000 bytes) makes the workbook damaged, not cut short. */
static void
test_long_text (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) rows = g_string_new ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>");
  g_autoptr (GString) expected = g_string_new ("[0:Data]\n1:T");
  g_autofree char *path = NULL;
  g_autofree char *got = NULL;
  g_autofree char *message = NULL;

  append_letters (text, rand, 150000);
  g_string_append (rows, text->str);
  g_string_append (expected, text->str);
  g_string_append (rows, "&amp;<![CDATA[<b>]]>");
  g_string_append (expected, "&<b>");
  g_string_truncate (text, 0);
  append_letters (text, rand, 150000);
  g_string_append (rows, text->str);
  g_string_append (expected, text->str);
  g_string_append (rows, "</t></is></c><c r=\"B1\"><v>7</v></c></row>");
  g_string_append (expected, "|N7\nend\n");
  path = simple_book ("long-text.xlsx", rows->str, NULL, NULL, NULL, NULL);
  got = transcribe (path);
  g_assert_cmpuint (strlen (got), ==, expected->len);
  g_assert_true (strcmp (got, expected->str) == 0); /* not cmpstr: 300 KB in a message */

  g_string_assign (rows, "<row r=\"1\"><c r=\"A1\" t=\"str\"><f>A2</f><v>");
  append_letters (rows, rand, 10000001);
  g_string_append (rows, "</v></c></row>");
  g_clear_pointer (&path, g_free);
  path = simple_book ("huge-text.xlsx", rows->str, NULL, NULL, NULL, NULL);
  message = read_error (path, CAK_IMPORT_ERROR_CORRUPT);
  g_assert_nonnull (strstr (message, "huge-text.xlsx"));
  g_assert_nonnull (strstr (message, "xl/worksheets/sheet1.xml"));
}

typedef enum
{
  IN_BOOK = 1 << 0,
  IN_STRINGS = 1 << 1,
  IN_SHEET = 1 << 2,
} PrologWhere;

/* A package of a workbook, a worksheet and shared strings, @prolog (a document type
 * declaration, say) at the start of the parts @where says. */
static char *
package_with_prolog (const char *name, const char *prolog, PrologWhere where,
                     const char *sheet_name, const char *strings, const char *rows)
{
  g_autofree char *book = g_strdup_printf (
      XML_DECL "%s<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
               "<sheet name=\"%s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
      where & IN_BOOK ? prolog : "", sheet_name);
  g_autofree char *sst = g_strdup_printf (XML_DECL "%s<sst xmlns=\"" NS_MAIN "\">%s</sst>",
                                          where & IN_STRINGS ? prolog : "", strings);
  g_autofree char *sheet = g_strdup_printf (XML_DECL "%s<worksheet xmlns=\"" NS_MAIN
                                                     "\"><sheetData>%s</sheetData></worksheet>",
                                            where & IN_SHEET ? prolog : "", rows);
  const char *rels
      = XML_DECL "<Relationships xmlns=\"" NS_PKG "\">"
                 "<Relationship Id=\"rId1\" Type=\"" REL_WORKSHEET "\" Target=\"s.xml\"/>"
                 "<Relationship Id=\"rId2\" Type=\"" REL_SHARED_STRINGS "\" Target=\"t.xml\"/>"
                 "</Relationships>";
  const char *parts[] = {
    "_rels/.rels",
    package_rels,
    "xl/workbook.xml",
    book,
    "xl/_rels/workbook.xml.rels",
    rels,
    "xl/s.xml",
    sheet,
    "xl/t.xml",
    sst,
    NULL,
  };

  return write_package (name, parts);
}

/* Entities a billion laughs deep, and ones that would read a file or the network, in text and
 * in attributes, in any part: no part with a document type declaration is read, quickly, and
 * nothing of the file shows. A plain declaration is refused as well, as no spreadsheet program
 * writes one. */
static void
test_entities (void)
{
  g_autofree char *secret = fixture_path ("rahasia.txt");
  g_autofree char *prolog = NULL;
  g_autoptr (GString) laughs = g_string_new ("<!ENTITY lol0 \"lol\">");
  static const struct
  {
    PrologWhere where;
    const char *sheet_name, *strings, *rows, *part;
  } cases[] = {
    { IN_BOOK, "x&lol9;", "", "", "xl/workbook.xml" },
    { IN_BOOK, "&file;", "", "", "xl/workbook.xml" },
    { IN_STRINGS, "x", "<si><t>a&lol9;b</t></si>", "", "xl/t.xml" },
    { IN_STRINGS, "x", "<si><t>&file;</t></si><si><t>&net;</t></si>", "", "xl/t.xml" },
    { IN_SHEET, "x", "",
      "<row r=\"1\"><c t=\"inlineStr\"><is><t>&lol9;&file;</t></is></c>"
      "<c t=\"inlineStr\"><is><t>&net;</t></is></c></row>",
      "xl/s.xml" },
  };
  gint64 start;

  g_assert_true (g_file_set_contents (secret, "RAHASIA-NEGARA", -1, NULL));
  for (guint i = 1; i <= 9; i++)
    {
      g_string_append_printf (laughs, "<!ENTITY lol%u \"", i);
      for (guint j = 0; j < 10; j++)
        g_string_append_printf (laughs, "&lol%u;", i - 1);
      g_string_append (laughs, "\">");
    }
  prolog = g_strdup_printf ("<!DOCTYPE x [%s<!ENTITY file SYSTEM \"file://%s\">"
                            "<!ENTITY net SYSTEM \"http://127.0.0.1:9/x\">"
                            "<!ENTITY %% pe SYSTEM \"file://%s\">%%pe;]>",
                            laughs->str, secret, secret);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("entities-%u.xlsx", i);
      g_autofree char *path = package_with_prolog (
          name, prolog, cases[i].where, cases[i].sheet_name, cases[i].strings, cases[i].rows);
      g_autofree char *message = read_error (path, CAK_IMPORT_ERROR_CORRUPT);

      g_test_message ("%s", message);
      g_assert_nonnull (strstr (message, name));
      g_assert_nonnull (strstr (message, cases[i].part));
      g_assert_null (strstr (message, "RAHASIA"));
      g_assert_null (strstr (message, "lollol"));
    }
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);

  {
    g_autofree char *path
        = package_with_prolog ("doctype.xlsx", "<!DOCTYPE sst>", IN_STRINGS, "x", "", "");
    g_autofree char *message = read_error (path, CAK_IMPORT_ERROR_CORRUPT);

    g_assert_nonnull (strstr (message, "document type"));
  }
}

/* Parts stored encrypted in the zip, and the OLE2 file Excel writes for a workbook with a
 * password to open. */
static void
test_encrypted (void)
{
  g_autofree char *plain
      = simple_book ("plain.xlsx", "<row r=\"1\"><c><v>1</v></c></row>", NULL, NULL, NULL, NULL);
  g_autofree char *ole = fixture_path ("ole.xlsx");
  g_autofree char *message = NULL;
  guint8 cfb[512 * 3] = { 0 };
  static const char name[] = "EncryptedPackage";
  zip_uint16_t method = 0;
  zip_t *za;
  int code = 0;

  /* a compound file: header, a FAT sector, the directory in sector 1 */
  memcpy (cfb, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  cfb[26] = 3, cfb[28] = 0xFE, cfb[29] = 0xFF, cfb[30] = 9, cfb[32] = 6;
  cfb[48] = 1; /* first directory sector */
  for (guint i = 0; i < sizeof name - 1; i++)
    cfb[1024 + 128 + 2 * i] = name[i];
  cfb[1024 + 128 + 64] = 2 * sizeof name;
  g_assert_true (g_file_set_contents (ole, (const char *)cfb, sizeof cfb, NULL));
  message = read_error (ole, CAK_IMPORT_ERROR_ENCRYPTED);
  g_assert_nonnull (strstr (message, "ole.xlsx"));
  /* the same file without that stream is no workbook */
  cfb[1024 + 128] = 'X';
  g_assert_true (g_file_set_contents (ole, (const char *)cfb, sizeof cfb, NULL));
  g_free (read_error (ole, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET));

  if (zip_encryption_method_supported (ZIP_EM_AES_256, 1))
    method = ZIP_EM_AES_256;
  else if (zip_encryption_method_supported (ZIP_EM_TRAD_PKWARE, 1))
    method = ZIP_EM_TRAD_PKWARE;
  if (method == 0)
    {
      g_test_skip ("libzip cannot encrypt here");
      return;
    }
  za = zip_open (plain, 0, &code);
  g_assert_nonnull (za);
  g_assert_cmpint (zip_file_set_encryption (za, zip_name_locate (za, "xl/worksheets/sheet1.xml", 0),
                                            method, "sandi"),
                   ==, 0);
  g_assert_cmpint (zip_close (za), ==, 0);
  g_free (read_error (plain, CAK_IMPORT_ERROR_ENCRYPTED));
}

/* Real files */

static char *
corpus_dir (void)
{
  const char *shared = g_getenv ("CAKUPAN_SHARED_DIR");
  g_autofree char *dir = NULL;

  if (shared == NULL)
    return NULL;
  dir = g_build_filename (shared, "corpora", "calamine", "tests", NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_steal_pointer (&dir);
}

static char *
transcribe_corpus (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return transcribe (path);
}

static void
test_corpus_values (void)
{
  g_autofree char *dir = corpus_dir ();
  g_autofree char *date = NULL, *date1904 = NULL, *errors = NULL, *merges = NULL, *cr = NULL;
  g_autofree char *rph = NULL, *sheets = NULL, *backslashes = NULL, *strict = NULL;
  g_autofree char *protected_path = NULL;

  if (dir == NULL)
    {
      g_test_skip ("no shared corpora (CAKUPAN_SHARED_DIR)");
      return;
    }
  date = transcribe_corpus (dir, "date.xlsx");
  g_assert_true (g_str_has_prefix (date, "[0:Sheet1]\n1:D2021-01-01|N15\n2:D2021-01-02|N16\n"
                                         "3:D1900-01-10T15:10:10|N17\n"));
  date1904 = transcribe_corpus (dir, "date_1904.xlsx");
  g_assert_true (g_str_has_prefix (date1904, "[0:Sheet1]\n1:D2021-01-01|N15\n"));
  errors = transcribe_corpus (dir, "errors.xlsx");
  g_assert_true (g_str_has_prefix (errors, "[0:Feuil1]\n1:X#DIV/0!\n2:X#NAME?\n3:X#VALUE!\n"
                                           "4:X#NULL!\n5:X#REF!\n6:X#NUM!\n7:X#N/A\n"));
  merges = transcribe_corpus (dir, "merge_cells.xlsx");
  g_assert_nonnull (strstr (merges, "end A1:B1,A2:A4,B2:D4\n"));
  cr = transcribe_corpus (dir, "has_x000D_.xlsx");
  g_assert_cmpstr (cr, ==, "[0:Sheet1]\n1:TABC\r\nDEF\nend\n");
  rph = transcribe_corpus (dir, "rph.xlsx");
  g_assert_cmpstr (rph, ==, "[0:Sheet1]\n1:T課きく　毛こ\nend\n");
  sheets = transcribe_corpus (dir, "any_sheets.xlsx");
  g_assert_cmpstr (sheets, ==,
                   "[0:Visible]\n1:N1|N2\n2:N3|N4\n3:N5|N6\n"
                   "5:TThis workbook contains 4 sheets: Visible, Hidden, VeryHidden and Chart\n"
                   "end\n[1:Hidden hidden]\nend\n[2:VeryHidden hidden]\nend\n");
  backslashes = transcribe_corpus (dir, "issue_530.xlsx");
  g_assert_true (g_str_has_prefix (backslashes, "[0:出勤分类组织汇总表]\n1:T报表导出人："));
  strict = transcribe_corpus (dir, "strict_iso_paths.xlsx");
  g_assert_true (g_str_has_prefix (strict, "[0:ml_out]\n1:TItem|TThickness|"));
  protected_path = g_build_filename (dir, "pass_protected.xlsx", NULL);
  g_free (read_error (protected_path, CAK_IMPORT_ERROR_ENCRYPTED));
}

static gboolean
ignore_row_cb (const CakRow *row, gpointer user_data)
{
  return TRUE;
}

/* Every workbook of the corpus reads, or fails with an import error. */
static void
test_corpus_all (void)
{
  g_autofree char *dir = corpus_dir ();
  g_autoptr (GDir) listing = NULL;
  const char *name;
  guint n_read = 0, n_failed = 0;

  if (dir == NULL)
    {
      g_test_skip ("no shared corpora (CAKUPAN_SHARED_DIR)");
      return;
    }
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr (GError) error = NULL;
      CakSheetCallbacks callbacks = { .row = ignore_row_cb };

      if (!g_str_has_suffix (name, ".xlsx") && !g_str_has_suffix (name, ".xlsm"))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (cak_xlsx_read (path, name, &callbacks, NULL, &error))
        n_read++;
      else
        {
          g_test_message ("%s: %s", name, error->message);
          g_assert_true (error->domain == CAK_IMPORT_ERROR);
          n_failed++;
        }
    }
  g_test_message ("%u read, %u refused", n_read, n_failed);
  g_assert_cmpuint (n_read, >, 50);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("test-xlsx-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/import/xlsx/shared-strings", test_shared_strings);
  g_test_add_func ("/import/xlsx/inline-strings", test_inline_strings);
  g_test_add_func ("/import/xlsx/numbers", test_numbers);
  g_test_add_func ("/import/xlsx/numbers-rounded", test_numbers_rounded);
  g_test_add_func ("/import/xlsx/number-text", test_number_text);
  g_test_add_func ("/import/xlsx/numbers-in-locale", test_numbers_in_locale);
  g_test_add_func ("/import/xlsx/booleans-and-errors", test_booleans_and_errors);
  g_test_add_func ("/import/xlsx/formulas", test_formulas);
  g_test_add_func ("/import/xlsx/date-formats", test_date_formats);
  g_test_add_func ("/import/xlsx/dates-1900", test_dates_1900);
  g_test_add_func ("/import/xlsx/dates-1904", test_dates_1904);
  g_test_add_func ("/import/xlsx/iso-dates", test_iso_dates);
  g_test_add_func ("/import/xlsx/gaps", test_gaps);
  g_test_add_func ("/import/xlsx/missing-references", test_missing_references);
  g_test_add_func ("/import/xlsx/disorder", test_disorder);
  g_test_add_func ("/import/xlsx/namespace-prefixes", test_namespace_prefixes);
  g_test_add_func ("/import/xlsx/merges", test_merges);
  g_test_add_func ("/import/xlsx/sheets", test_sheets);
  g_test_add_func ("/import/xlsx/relationships", test_relationships);
  g_test_add_func ("/import/xlsx/no-package-relationships", test_no_package_relationships);
  g_test_add_func ("/import/xlsx/empty-workbooks", test_empty_workbooks);
  g_test_add_func ("/import/xlsx/widest-row", test_widest_row);
  g_test_add_func ("/import/xlsx/beyond-limits", test_beyond_limits);
  g_test_add_func ("/import/xlsx/long-sheet", test_long_sheet);
  g_test_add_func ("/import/xlsx/hostile/sparse-bomb", test_sparse_bomb);
  g_test_add_func ("/import/xlsx/stop", test_stop);
  g_test_add_func ("/import/xlsx/skip-sheet", test_skip_sheet);
  g_test_add_func ("/import/xlsx/cancel", test_cancel);
  g_test_add_func ("/import/xlsx/hostile/not-a-workbook", test_not_a_workbook);
  g_test_add_func ("/import/xlsx/hostile/binary-workbook", test_binary_workbook);
  g_test_add_func ("/import/xlsx/hostile/truncated", test_truncated);
  g_test_add_func ("/import/xlsx/hostile/malformed-xml", test_malformed_xml);
  g_test_add_func ("/import/xlsx/hostile/damaged-references", test_damaged_references);
  g_test_add_func ("/import/xlsx/hostile/zip-bomb", test_zip_bomb);
  g_test_add_func ("/import/xlsx/hostile/entities", test_entities);
  g_test_add_func ("/import/xlsx/hostile/long-text", test_long_text);
  g_test_add_func ("/import/xlsx/hostile/encrypted", test_encrypted);
  g_test_add_func ("/import/xlsx/corpus/values", test_corpus_values);
  g_test_add_func ("/import/xlsx/corpus/all", test_corpus_all);

  status = g_test_run ();

  {
    g_autoptr (GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

        g_remove (path);
      }
    g_rmdir (tmp_dir);
    g_free (tmp_dir);
  }
  return status;
}
