/* test-ods.c: the OpenDocument spreadsheet reader, on packages built here and on a corpus
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ods"

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlIO.h>
#include <locale.h>
#include <string.h>
#include <zip.h>

#include "cak-ods-reader.h"
#include "sheet-log.h"

#define ODS_MIMETYPE "application/vnd.oasis.opendocument.spreadsheet"

#define NAMESPACES                                                                                 \
  "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "                             \
  "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "                               \
  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "                                 \
  "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "                               \
  "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "                              \
  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "                                                 \
  "xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\""

#define MANIFEST_PLAIN                                                                             \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"                                                     \
  "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "      \
  "manifest:version=\"1.3\">"                                                                      \
  "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" ODS_MIMETYPE "\"/>"       \
  "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"     \
  "</manifest:manifest>"

static char *tmp_dir;
static guint n_files;

/* Writes a package as an office program does: mimetype first and stored, then the parts. */
static char *
write_package (const char *mimetype, const char *manifest, const char *content)
{
  char *path = g_strdup_printf ("%s/fixture-%u.ods", tmp_dir, n_files++);
  const char *names[] = { "mimetype", "META-INF/manifest.xml", "content.xml" };
  const char *parts[] = { mimetype, manifest, content };
  zip_t *za;
  int code = 0;

  za = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &code);
  g_assert_nonnull (za);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      zip_source_t *source;
      zip_int64_t index;

      if (parts[i] == NULL)
        continue;
      source = zip_source_buffer (za, parts[i], strlen (parts[i]), 0);
      g_assert_nonnull (source);
      index = zip_file_add (za, names[i], source, ZIP_FL_ENC_UTF_8);
      g_assert_cmpint (index, >=, 0);
      if (i == 0)
        g_assert_cmpint (zip_set_file_compression (za, index, ZIP_CM_STORE, 0), ==, 0);
    }
  g_assert_cmpint (zip_close (za), ==, 0);
  return path;
}

/* A zip archive of one part, as an XLSX renamed .ods would be as far as the reader cares. */
static char *
write_zip (const char *name, const char *text)
{
  char *path = g_strdup_printf ("%s/fixture-%u.ods", tmp_dir, n_files++);
  zip_t *za = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, NULL);
  zip_source_t *source;

  g_assert_nonnull (za);
  source = zip_source_buffer (za, text, strlen (text), 0);
  g_assert_cmpint (zip_file_add (za, name, source, ZIP_FL_ENC_UTF_8), >=, 0);
  g_assert_cmpint (zip_close (za), ==, 0);
  return path;
}

static char *
content_xml (const char *styles, const char *tables)
{
  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                          "<office:document-content " NAMESPACES " office:version=\"1.3\">"
                          "<office:automatic-styles>%s</office:automatic-styles>"
                          "<office:body><office:spreadsheet>%s</office:spreadsheet></office:body>"
                          "</office:document-content>",
                          styles ? styles : "", tables);
}

static char *
write_ods (const char *styles, const char *tables)
{
  g_autofree char *content = content_xml (styles, tables);

  return write_package (ODS_MIMETYPE, MANIFEST_PLAIN, content);
}

/* Reads @path and returns the log, or NULL with @error set. */
static char *
read_log_full (const char *path, SheetLog *log, CakSheetCallbacks *callbacks, GError **error)
{
  if (!cak_ods_read (path, "fixture.ods", callbacks, NULL, error))
    return NULL;
  return g_strdup (log->log->str);
}

static char *
read_log (const char *path, GError **error)
{
  SheetLog log;
  CakSheetCallbacks callbacks;
  char *text;

  sheet_log_init (&log, &callbacks);
  text = read_log_full (path, &log, &callbacks, error);
  if (text)
    {
      g_assert_false (log.progress_backwards);
      g_assert_cmpfloat (log.last_progress, ==, 1.0);
    }
  sheet_log_clear (&log);
  return text;
}

static void
assert_reads_as (const char *tables, const char *expected)
{
  g_autofree char *path = write_ods (NULL, tables);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = read_log (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);
}

static void
assert_fails (const char *path, int code, const char *fragment)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = read_log (path, &error);

  g_assert_null (text);
  g_assert_error (error, CAK_IMPORT_ERROR, code);
  g_assert_nonnull (strstr (error->message, "fixture.ods"));
  if (fragment)
    g_assert_nonnull (strstr (error->message, fragment));
}

static void
test_strings (void)
{
  assert_reads_as (
      "<table:table table:name=\"Teks\"><table:table-row>"
      "<table:table-cell office:value-type=\"string\"><text:p>Kab. <text:span>Blitar</text:span>"
      "</text:p></table:table-cell>"
      "<table:table-cell office:value-type=\"string\"><text:p>Jumlah <text:s text:c=\"2\"/>"
      "peserta</text:p><text:p>aktif<text:tab/>(orang)<text:line-break/>2023</text:p>"
      "</table:table-cell>"
      "<table:table-cell office:value-type=\"string\"><text:p><text:s/>lead  and   runs "
      "<text:a xlink:href=\"https://example.org\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
      "link</text:a></text:p></table:table-cell>"
      "<table:table-cell office:value-type=\"string\"><office:annotation><dc:creator>x</dc:creator>"
      "<text:p>a comment</text:p></office:annotation><text:p>shown</text:p></table:table-cell>"
      "<table:table-cell office:value-type=\"string\" office:string-value=\"from attribute\">"
      "<text:p>ignored</text:p></table:table-cell>"
      "<table:table-cell><text:p>no value type</text:p></table:table-cell>"
      "<table:table-cell office:value-type=\"string\"><text:p/><text:p>second</text:p>"
      "</table:table-cell>"
      "<table:table-cell office:value-type=\"string\"><text:p>&amp; &lt;&gt; ☺ àé</text:p>"
      "</table:table-cell>"
      "</table:table-row></table:table>",
      "# Teks\n"
      "1: t:Kab. Blitar|t:Jumlah   peserta\naktif\t(orang)\n2023|t: lead and runs link|t:shown|"
      "t:from attribute|t:no value type|t:\nsecond|t:& <> ☺ àé\n");
}

static void
test_numbers (void)
{
  const char *tables
      = "<table:table table:name=\"Angka\"><table:table-row>"
        "<table:table-cell office:value-type=\"float\" office:value=\"449717\">"
        "<text:p>449.717</text:p></table:table-cell>"
        "<table:table-cell office:value-type=\"percentage\" office:value=\"0.2768\">"
        "<text:p>27,68%</text:p></table:table-cell>"
        "<table:table-cell office:value-type=\"currency\" office:currency=\"IDR\" "
        "office:value=\"1500000.5\"><text:p>Rp1.500.000,50</text:p></table:table-cell>"
        "<table:table-cell office:value-type=\"float\" office:value=\"-0.1\"/>"
        "<table:table-cell office:value-type=\"float\" office:value=\"1E-07\"/>"
        "<table:table-cell office:value-type=\"float\" office:value=\"0.1\"/>"
        "<table:table-cell office:value-type=\"float\" office:value=\"-0\"/>"
        "<table:table-cell office:value-type=\"float\" office:value=\"12345678901234567890\"/>"
        "<table:table-cell office:value-type=\"float\" office:value=\"bukan angka\">"
        "<text:p>shown instead</text:p></table:table-cell>"
        "</table:table-row></table:table>";
  const char *expected = "# Angka\n"
                         "1: n:449717|n:0.2768|n:1500000.5|n:-0.1|n:1e-07|n:0.1|n:0|"
                         "n:1.23456789012346e+19|t:shown instead\n";

  assert_reads_as (tables, expected);

  /* Never in the user's locale, whatever it is. */
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") || setlocale (LC_NUMERIC, "id_ID.UTF-8"))
    {
      assert_reads_as (tables, expected);
      setlocale (LC_NUMERIC, "C");
    }
}

static void
test_dates_times_booleans (void)
{
  assert_reads_as (
      "<table:table table:name=\"Waktu\"><table:table-row>"
      "<table:table-cell office:value-type=\"date\" office:date-value=\"2023-12-31\">"
      "<text:p>31/12/23</text:p></table:table-cell>"
      "<table:table-cell office:value-type=\"date\" office:date-value=\"2023-12-31T08:30:00\"/>"
      "<table:table-cell office:value-type=\"date\" office:date-value=\"2023-12-31T00:00:00\"/>"
      "<table:table-cell office:value-type=\"date\" office:date-value=\"2024-01-02T07:05:09.25\"/>"
      "<table:table-cell office:value-type=\"time\" office:time-value=\"PT08H30M00S\">"
      "<text:p>08:30</text:p></table:table-cell>"
      "<table:table-cell office:value-type=\"time\" office:time-value=\"PT36H00M00.6S\"/>"
      "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"true\">"
      "<text:p>TRUE</text:p></table:table-cell>"
      "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"false\"/>"
      "<table:table-cell office:value-type=\"date\" office:date-value=\"31-12-2023\">"
      "<text:p>31-12-2023</text:p></table:table-cell>"
      "</table:table-row></table:table>",
      "# Waktu\n"
      "1: d:2023-12-31|d:2023-12-31T08:30:00|d:2023-12-31|d:2024-01-02T07:05:09|t:08:30:00|"
      "t:36:00:01|b:TRUE|b:FALSE|t:31-12-2023\n");
}

static void
test_formulas_and_errors (void)
{
  assert_reads_as (
      "<table:table table:name=\"Rumus\"><table:table-row>"
      "<table:table-cell table:formula=\"of:=[.B1]/[.C1]\" office:value-type=\"percentage\" "
      "office:value=\"0.25\" calcext:value-type=\"percentage\"><text:p>25%</text:p>"
      "</table:table-cell>"
      "<table:table-cell table:formula=\"of:=&quot;a&quot;&amp;&quot;b&quot;\" "
      "office:value-type=\"string\" office:string-value=\"ab\" calcext:value-type=\"string\">"
      "<text:p>ab</text:p></table:table-cell>"
      "<table:table-cell table:formula=\"of:=1/0\" office:value-type=\"float\" office:value=\"0\" "
      "calcext:value-type=\"error\"><text:p>#DIV/0!</text:p></table:table-cell>"
      "<table:table-cell table:formula=\"of:=NA()\" office:string-value=\"\" "
      "calcext:value-type=\"error\"><text:p>#N/A</text:p></table:table-cell>"
      "<table:table-cell table:formula=\"of:=1=1\" office:value-type=\"boolean\" "
      "office:boolean-value=\"true\" calcext:value-type=\"boolean\"><text:p>TRUE</text:p>"
      "</table:table-cell>"
      "</table:table-row></table:table>",
      "# Rumus\n"
      "1: n:0.25|t:ab|e:#DIV/0!|e:#N/A|b:TRUE\n");
}

/* LibreOffice writes rows and cells as runs, and ends each sheet with enormous empty ones. */
static void
test_repeats (void)
{
  g_autoptr (GTimer) timer = g_timer_new ();
  g_autoptr (GString) run = g_string_new ("-");
  g_autofree char *expected = NULL;

  for (guint i = 1; i < 1020; i++)
    g_string_append (run, "|-");
  expected = g_strdup_printf ("# Ulang\n"
                              "1: t:judul\n"
                              "2:\n"
                              "3: -|-|n:7|n:7|n:7\n"
                              "4: t:x\n"
                              "5: t:x\n"
                              "11: %s|t:far\n"
                              "# Kosong\n",
                              run->str);
  assert_reads_as (
      "<table:table table:name=\"Ulang\">"
      "<table:table-column table:number-columns-repeated=\"16384\"/>"
      "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>judul</text:p>"
      "</table:table-cell><table:table-cell table:number-columns-repeated=\"16383\"/>"
      "</table:table-row>"
      /* a single blank row between rows with content is kept */
      "<table:table-row><table:table-cell table:number-columns-repeated=\"16384\"/>"
      "</table:table-row>"
      /* a value repeated is that many cells; empty cells count only before content */
      "<table:table-row><table:table-cell table:number-columns-repeated=\"2\"/>"
      "<table:table-cell office:value-type=\"float\" office:value=\"7\" "
      "table:number-columns-repeated=\"3\"/>"
      "<table:table-cell table:number-columns-repeated=\"16379\"/></table:table-row>"
      /* a repeated row with content is that many rows */
      "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell "
      "office:value-type=\"string\"><text:p>x</text:p></table:table-cell>"
      "<table:table-cell table:number-columns-repeated=\"1023\"/></table:table-row>"
      /* repeated blank rows are not emitted, but counted */
      "<table:table-row table:number-rows-repeated=\"5\">"
      "<table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
      "<table:table-row><table:table-cell table:number-columns-repeated=\"1020\"/>"
      "<table:table-cell office:value-type=\"string\"><text:p>far</text:p></table:table-cell>"
      "<table:table-cell table:number-columns-repeated=\"3\"/></table:table-row>"
      /* single blank rows at the end are not emitted either */
      "<table:table-row><table:table-cell/></table:table-row>"
      "<table:table-row table:number-rows-repeated=\"1048000\">"
      "<table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
      "<table:table-row><table:table-cell/></table:table-row>"
      "</table:table>"
      /* a sheet of nothing but the trailing runs */
      "<table:table table:name=\"Kosong\">"
      "<table:table-row table:number-rows-repeated=\"1048576\">"
      "<table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
      "</table:table>",
      expected);
  /* A few milliseconds in truth; the bound only catches a loop over the runs. */
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 2.0);
}

static void
test_merges (void)
{
  assert_reads_as (
      "<table:table table:name=\"Gabung\">"
      "<table:table-row><table:table-cell office:value-type=\"string\" "
      "table:number-columns-spanned=\"3\" table:number-rows-spanned=\"1\"><text:p>Peserta</text:p>"
      "</table:table-cell><table:covered-table-cell table:number-columns-repeated=\"2\"/>"
      "<table:table-cell office:value-type=\"string\" table:number-rows-spanned=\"2\">"
      "<text:p>Cakupan</text:p></table:table-cell></table:table-row>"
      "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Aktif</text:p>"
      "</table:table-cell><table:table-cell office:value-type=\"string\"><text:p>Baru</text:p>"
      "</table:table-cell><table:table-cell office:value-type=\"string\"><text:p>Total</text:p>"
      "</table:table-cell><table:covered-table-cell office:value-type=\"string\">"
      "<text:p>hidden under the merge</text:p></table:covered-table-cell></table:table-row>"
      "</table:table>",
      "# Gabung\n"
      "1: t:Peserta|-|-|t:Cakupan\n"
      "2: t:Aktif|t:Baru|t:Total\n"
      "merges: A1:C1 D1:D2\n");
}

static void
test_sheets (void)
{
  const char *styles = "<style:style style:name=\"ta1\" style:family=\"table\">"
                       "<style:table-properties table:display=\"true\"/></style:style>"
                       "<style:style style:name=\"ta2\" style:family=\"table\">"
                       "<style:table-properties table:display=\"false\"/></style:style>"
                       "<style:style style:name=\"ce1\" style:family=\"table-cell\">"
                       "<style:table-properties table:display=\"false\"/></style:style>";
  const char *tables
      = "<table:table table:name=\"Data\" table:style-name=\"ta1\"><table:table-row>"
        "<table:table-cell office:value-type=\"float\" office:value=\"1\"/></table:table-row>"
        "</table:table>"
        "<table:table table:name=\"Bantu\" table:style-name=\"ta2\"><table:table-row>"
        "<table:table-cell office:value-type=\"float\" office:value=\"2\"/></table:table-row>"
        "</table:table>"
        "<table:table table:name=\"Sel\" table:style-name=\"ce1\"/>"
        "<table:table table:name=\"Lewati\"><table:table-row>"
        "<table:table-cell office:value-type=\"float\" office:value=\"3\"/></table:table-row>"
        "</table:table>"
        "<table:table table:name=\"Akhir\"><table:table-row>"
        "<table:table-cell office:value-type=\"float\" office:value=\"4\"/></table:table-row>"
        "<table:table-row>"
        "<table:table-cell office:value-type=\"float\" office:value=\"5\"/></table:table-row>"
        "</table:table>";
  g_autofree char *content = content_xml (styles, tables);
  g_autofree char *path = write_package (ODS_MIMETYPE, MANIFEST_PLAIN, content);
  g_autoptr (GError) error = NULL;
  SheetLog log;
  CakSheetCallbacks callbacks;

  sheet_log_init (&log, &callbacks);
  log.skip = "Lewati";
  g_assert_true (cak_ods_read (path, "fixture.ods", &callbacks, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log.log->str, ==,
                   "# Data\n1: n:1\n# Bantu (hidden)\n1: n:2\n# Sel\n# Lewati\n# Akhir\n1: n:4\n"
                   "2: n:5\n");
  sheet_log_clear (&log);

  /* The row callback stops the whole workbook, and the reader still succeeds. */
  sheet_log_init (&log, &callbacks);
  log.stop_after = 2;
  g_assert_true (cak_ods_read (path, "fixture.ods", &callbacks, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log.log->str, ==, "# Data\n1: n:1\n# Bantu (hidden)\n1: n:2\n");
  sheet_log_clear (&log);
}

static void
test_cancel (void)
{
  g_autoptr (GString) tables = g_string_new ("<table:table table:name=\"Banyak\">");
  g_autofree char *path = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  SheetLog log;
  CakSheetCallbacks callbacks;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (tables,
                            "<table:table-row><table:table-cell office:value-type=\"float\" "
                            "office:value=\"%u\"/></table:table-row>",
                            i);
  g_string_append (tables, "</table:table>");
  path = write_ods (NULL, tables->str);

  sheet_log_init (&log, &callbacks);
  g_assert_true (cak_ods_read (path, "fixture.ods", &callbacks, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.rows, ==, 5000);
  g_assert_cmpuint (log.n_progress, >, 2);
  g_assert_false (log.progress_backwards);
  sheet_log_clear (&log);

  sheet_log_init (&log, &callbacks);
  log.cancel = cancellable;
  log.cancel_after = 10;
  g_assert_false (cak_ods_read (path, "fixture.ods", &callbacks, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (log.rows, <=, 1100);
  sheet_log_clear (&log);
}

static void
test_limits (void)
{
  g_autofree char *wide
      = write_ods (NULL, "<table:table table:name=\"Lebar\"><table:table-row>"
                         "<table:table-cell table:number-columns-repeated=\"16384\"/>"
                         "<table:table-cell office:value-type=\"float\" office:value=\"1\"/>"
                         "</table:table-row></table:table>");
  g_autofree char *wide_run = write_ods (
      NULL, "<table:table table:name=\"Lebar\"><table:table-row>"
            "<table:table-cell office:value-type=\"float\" office:value=\"1\" "
            "table:number-columns-repeated=\"999999999\"/></table:table-row></table:table>");
  g_autofree char *tall = write_ods (
      NULL, "<table:table table:name=\"Tinggi\">"
            "<table:table-row table:number-rows-repeated=\"1048576\"><table:table-cell/>"
            "</table:table-row><table:table-row>"
            "<table:table-cell office:value-type=\"float\" office:value=\"1\"/>"
            "</table:table-row></table:table>");
  g_autofree char *spaces = write_ods (
      NULL,
      "<table:table table:name=\"Spasi\"><table:table-row>"
      "<table:table-cell office:value-type=\"string\"><text:p>a<text:s text:c=\"2000000000\"/>"
      "b</text:p></table:table-cell></table:table-row></table:table>");
  g_autoptr (GError) error = NULL;
  SheetLog log;
  CakSheetCallbacks callbacks;

  assert_fails (wide, CAK_IMPORT_ERROR_CORRUPT, "sheet “Lebar”, cell XFE1");
  assert_fails (wide_run, CAK_IMPORT_ERROR_CORRUPT, "sheet “Lebar”");
  assert_fails (tall, CAK_IMPORT_ERROR_CORRUPT, "sheet “Tinggi”, cell A1048577");

  /* A cell's text is cut, not grown without end. */
  sheet_log_init (&log, &callbacks);
  log.max_logged_rows = 0;
  g_assert_true (cak_ods_read (spaces, "fixture.ods", &callbacks, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.rows, ==, 1);
  g_assert_cmpuint (log.log->len, <, 2u << 20);
  sheet_log_clear (&log);
}

/* Rows repeated with content: counted against CAK_SHEET_MAX_CELLS before they are emitted, so
 * that a small file cannot make the importer work through billions of cells. */
static void
test_repetition_bomb (void)
{
  const char *source = g_getenv ("CAKUPAN_SOURCE_DIR");
  g_autoptr (GTimer) timer = g_timer_new ();
  g_autofree char *wide = NULL;
  g_autofree char *narrow = NULL;
  g_autofree char *at_limit = NULL;
  g_autofree char *past_limit = NULL;
  g_autoptr (GError) error = NULL;
  SheetLog log;
  CakSheetCallbacks callbacks;

  g_assert_nonnull (source);
  wide = g_build_filename (source, "tests", "data", "fuzz", "rows-wide.ods", NULL);
  narrow = g_build_filename (source, "tests", "data", "fuzz", "rows-narrow.ods", NULL);

  /* 853 bytes: a header, then one row of 16,384 cells repeated 1,048,000 times, within the
   * rows and columns a sheet may have but 17 billion cells: refused at once. */
  sheet_log_init (&log, &callbacks);
  g_assert_false (cak_ods_read (wide, "rows-wide.ods", &callbacks, NULL, &error));
  g_assert_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (
      strstr (error->message, "“rows-wide.ods” was not read: by row 1955, sheet “S”"));
  g_assert_cmpuint (log.rows, ==, 1);
  sheet_log_clear (&log);
  g_clear_error (&error);

  /* Three cells repeated as many times: a million rows, every one handed on. */
  sheet_log_init (&log, &callbacks);
  log.max_logged_rows = 2;
  g_assert_true (cak_ods_read (narrow, "rows-narrow.ods", &callbacks, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.rows, ==, 1048001);
  g_assert_cmpstr (log.log->str, ==,
                   "# S\n1: t:Kode Wilayah|t:Periode|t:Peserta Aktif\n"
                   "2: t:35.05|t:Desember 2023|n:5\n");
  sheet_log_clear (&log);
  /* Tens of milliseconds in truth (more under sanitizers); the bound catches a reader that
   * builds each repeat. */
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 5.0);

  /* The limit itself: 1953 rows of 16,384 cells fit in 32 million, 1954 do not. */
  at_limit = write_ods (NULL, "<table:table table:name=\"Batas\">"
                              "<table:table-row table:number-rows-repeated=\"1953\">"
                              "<table:table-cell office:value-type=\"float\" office:value=\"1\" "
                              "table:number-columns-repeated=\"16384\"/></table:table-row>"
                              "</table:table>");
  past_limit = write_ods (NULL, "<table:table table:name=\"Batas\">"
                                "<table:table-row table:number-rows-repeated=\"1954\">"
                                "<table:table-cell office:value-type=\"float\" office:value=\"1\" "
                                "table:number-columns-repeated=\"16384\"/></table:table-row>"
                                "</table:table>");
  sheet_log_init (&log, &callbacks);
  log.max_logged_rows = 1;
  g_assert_true (cak_ods_read (at_limit, "fixture.ods", &callbacks, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.rows, ==, 1953);
  sheet_log_clear (&log);
  assert_fails (past_limit, CAK_IMPORT_ERROR_TOO_LARGE, "by row 1954, sheet “Batas” spans more");
}

static void
test_not_ods (void)
{
  g_autofree char *content
      = content_xml (NULL, "<table:table table:name=\"S\"><table:table-row>"
                           "<table:table-cell office:value-type=\"float\" office:value=\"1\"/>"
                           "</table:table-row></table:table>");
  g_autofree char *odt
      = write_package ("application/vnd.oasis.opendocument.text", MANIFEST_PLAIN, content);
  g_autofree char *text_body = write_package (
      NULL, NULL,
      "<office:document-content " NAMESPACES "><office:body><office:text><text:p>surat</text:p>"
      "</office:text></office:body></office:document-content>");
  g_autofree char *no_mimetype = write_package (NULL, NULL, content);
  g_autofree char *xlsx = write_zip ("xl/workbook.xml", "<workbook/>");
  g_autofree char *text_file = g_build_filename (tmp_dir, "text.ods", NULL);
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.ods", NULL);
  g_autofree char *log = NULL;
  g_autoptr (GError) error = NULL;

  assert_fails (odt, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET, "opendocument.text");
  assert_fails (text_body, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET, NULL);
  g_assert_true (g_file_set_contents (text_file, "Kabupaten;Peserta\nBlitar;1\n", -1, NULL));
  assert_fails (text_file, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET, NULL);
  assert_fails (missing, CAK_IMPORT_ERROR_UNREADABLE, NULL);
  assert_fails (xlsx, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET, "zip archive");

  /* A package without its mimetype part is still read when its body is a spreadsheet. */
  log = read_log (no_mimetype, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (log, ==, "# S\n1: n:1\n");
}

static void
test_encrypted (void)
{
  const char *manifest
      = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
        "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" ODS_MIMETYPE "\"/>"
        "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\" "
        "manifest:size=\"4000\"><manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" "
        "manifest:checksum=\"AAAA\"><manifest:algorithm manifest:algorithm-name=\"Blowfish CFB\" "
        "manifest:initialisation-vector=\"AAAA\"/><manifest:key-derivation "
        "manifest:key-derivation-name=\"PBKDF2\" manifest:iteration-count=\"1024\" "
        "manifest:salt=\"AAAA\"/></manifest:encryption-data></manifest:file-entry>"
        "</manifest:manifest>";
  g_autofree char *path = write_package (ODS_MIMETYPE, manifest, "\x8f\x13 not xml at all");

  assert_fails (path, CAK_IMPORT_ERROR_ENCRYPTED, "password");
}

static void
test_malformed (void)
{
  g_autofree char *content
      = content_xml (NULL, "<table:table table:name=\"S\"><table:table-row>"
                           "<table:table-cell office:value-type=\"float\" office:value=\"1\"/>"
                           "</table:table-row><table:table-row><table:table-cell>"
                           "<text:p>unclosed</table:table-cell></table:table-row></table:table>");
  g_autofree char *broken = write_package (ODS_MIMETYPE, MANIFEST_PLAIN, content);
  g_autofree char *no_content = write_package (ODS_MIMETYPE, MANIFEST_PLAIN, NULL);
  g_autofree char *cut = write_package (ODS_MIMETYPE, MANIFEST_PLAIN,
                                        "<office:document-content " NAMESPACES
                                        "><office:body><office:spreadsheet><table:table>");
  g_autofree char *good = write_ods (NULL, "<table:table table:name=\"S\"><table:table-row>"
                                           "<table:table-cell office:value-type=\"float\" "
                                           "office:value=\"1\"/></table:table-row></table:table>");
  g_autofree char *data = NULL;
  gsize length;

  assert_fails (broken, CAK_IMPORT_ERROR_CORRUPT, "content.xml");
  assert_fails (no_content, CAK_IMPORT_ERROR_CORRUPT, "content.xml");
  assert_fails (cut, CAK_IMPORT_ERROR_CORRUPT, "content.xml");

  /* Every truncation of a good package fails cleanly. */
  g_assert_true (g_file_get_contents (good, &data, &length, NULL));
  for (gsize n = 0; n < length; n += MAX (1, length / 97))
    {
      g_autofree char *part = g_strdup_printf ("%s/truncated.ods", tmp_dir);
      g_autoptr (GError) error = NULL;
      g_autofree char *text = NULL;

      g_assert_true (g_file_set_contents (part, data, n, NULL));
      text = read_log (part, &error);
      g_assert_null (text);
      /* The first bytes are no zip signature yet, or a zip cut short. */
      if (n < 4)
        g_assert_true (error->domain == CAK_IMPORT_ERROR);
      else
        g_assert_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT);
    }
}

#define ENTITY_BODY                                                                                \
  "<office:document-content " NAMESPACES "><office:body><office:spreadsheet>"                      \
  "<table:table table:name=\"S\"><table:table-row><table:table-cell "                              \
  "office:value-type=\"string\"><text:p>%s</text:p></table:table-cell>"                            \
  "</table:table-row></table:table></office:spreadsheet></office:body>"                            \
  "</office:document-content>"

static GPtrArray *opened_uris;

static int
spy_match_cb (const char *uri)
{
  g_ptr_array_add (opened_uris, g_strdup (uri));
  return 0; /* let libxml2 go on, so that the test sees what it would have done */
}

static void
test_entities (void)
{
  g_autofree char *secret = g_build_filename (tmp_dir, "secret.txt", NULL);
  g_autofree char *secret_dtd = g_build_filename (tmp_dir, "secret.dtd", NULL);
  g_autofree char *laughs = NULL;
  g_autofree char *external = NULL;
  g_autofree char *parameter = NULL;
  g_autoptr (GTimer) timer = g_timer_new ();
  g_autoptr (GString) doc = g_string_new ("<?xml version=\"1.0\"?>\n"
                                          "<!DOCTYPE office:document-content [\n"
                                          "<!ENTITY lol \"lol\">\n");
  g_autofree char *path = NULL;

  opened_uris = g_ptr_array_new_with_free_func (g_free);
  g_assert_cmpint (xmlRegisterInputCallbacks (spy_match_cb, NULL, NULL, NULL), >=, 0);

  g_string_append (doc, "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
  for (guint i = 2; i <= 9; i++)
    {
      g_string_append_printf (doc, "<!ENTITY lol%u \"", i);
      for (guint j = 0; j < 10; j++)
        g_string_append_printf (doc, "&lol%u;", i - 1);
      g_string_append (doc, "\">\n");
    }
  g_string_append (doc, "]>\n");
  g_string_append_printf (doc, ENTITY_BODY, "&lol9;");
  laughs = write_package (ODS_MIMETYPE, MANIFEST_PLAIN, doc->str);

  g_assert_true (g_file_set_contents (secret, "RAHASIA", -1, NULL));
  g_assert_true (g_file_set_contents (secret_dtd, "<!ENTITY leak \"RAHASIA\">", -1, NULL));
  g_string_printf (doc,
                   "<?xml version=\"1.0\"?>\n<!DOCTYPE office:document-content [\n"
                   "<!ENTITY xxe SYSTEM \"file://%s\">\n]>\n",
                   secret);
  g_string_append_printf (doc, ENTITY_BODY, "&xxe;");
  external = write_package (ODS_MIMETYPE, MANIFEST_PLAIN, doc->str);

  g_string_printf (doc,
                   "<?xml version=\"1.0\"?>\n<!DOCTYPE office:document-content SYSTEM "
                   "\"file://%s\" [\n<!ENTITY %% pe SYSTEM \"file://%s\">\n%%pe;\n]>\n",
                   secret_dtd, secret_dtd);
  g_string_append_printf (doc, ENTITY_BODY, "&leak;");
  parameter = write_package (ODS_MIMETYPE, MANIFEST_PLAIN, doc->str);

  for (guint i = 0; i < 3; i++)
    {
      const char *file = i == 0 ? laughs : i == 1 ? external : parameter;
      g_autoptr (GError) error = NULL;

      g_clear_pointer (&path, g_free);
      path = read_log (file, &error);
      /* Refused, and nothing expanded or fetched on the way. */
      g_assert_null (path);
      g_assert_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_CORRUPT);
      g_assert_null (strstr (error->message, "RAHASIA"));
      g_assert_null (strstr (error->message, "lollol"));
    }
  g_assert_cmpuint (opened_uris->len, ==, 0);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 2.0);

  /* The spy does see a parser that is allowed to load: the check above means something. */
  {
    xmlDocPtr parsed = xmlReadMemory (doc->str, doc->len, "spy.xml", NULL,
                                      XML_PARSE_DTDLOAD | XML_PARSE_NOENT | XML_PARSE_NOERROR
                                          | XML_PARSE_NOWARNING);

    g_assert_cmpuint (opened_uris->len, >, 0);
    if (parsed)
      xmlFreeDoc (parsed);
  }

  xmlPopInputCallbacks ();
  g_clear_pointer (&opened_uris, g_ptr_array_unref);
}

/* Files from calamine's test suite (MIT), at ../shared/corpora/calamine/tests. */
static char *
corpus_path (const char *name)
{
  const char *shared = g_getenv ("CAKUPAN_SHARED_DIR");
  char *path;

  if (shared == NULL)
    return NULL;
  path = g_build_filename (shared, "corpora", "calamine", "tests", name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_clear_pointer (&path, g_free);
  return path;
}

static const struct
{
  const char *file;
  const char *log; /* the first sheets' log; NULL when the file must fail */
  int code;
} corpus_cases[] = {
  { "issues.ods",
    "# datatypes\n1: n:1\n2: n:1.5\n3: t:ab\n4: b:FALSE\n5: t:test\n6: d:2016-10-20\n"
    "# Sheet1\n1:\n2: n:0\n# issue2\n1: n:1|t:a\n2: n:2|t:b\n3: n:3|t:c\n# issue5\n1: n:0.5\n"
    "# issue6\n1: n:1\n2: n:2\n3: t:ab\n4: b:FALSE\n"
    "# spc_chrs\n1: t:&\n2: t:<\n3: t:>\n4: t:aaa ' aaa\n5: t:\"\n6: t:☺\n7: t:֍\n"
    "8: t:àâéêèçöïî«»\n" },
  { "special_cells.ods", "# sheet1\n1: t:Split\nLine\n2: t:Value  With spaces\n"
                         "3: t:Value   With 3 spaces\n4: t: Value   With spaces before and after \n"
                         "5: t:  Value   With 2 spaces before and after  \n" },
  { "covered.ods", "# sheet1\n1: t:a1\n2: t:a2\nmerges: A2:A3\n" },
  { "merged_cells.ods", "# Sheet1\n1: t:A|t:B|t:C\n2: t:A|t:B|t:C\n3: -|-|t:C\nmerges: A2:A3\n" },
  { "date.ods", "# Sheet1\n1: d:2021-01-01|n:15\n2: d:2021-01-01T10:10:10|n:16\n"
                "3: t:10:10:10|n:17\n4: t:10:10:10|n:18\n" },
  { "with-annotation.ods", "# table1\n1: t:cell a.1\n" },
  { "richtext_issue.ods",
    "# datatypes\n1: t:abc\n# Sheet1\n1:\n2: n:0\n# issue2\n1: n:1|t:a\n2: n:2|t:b\n3: n:3|t:c\n"
    "# issue5\n1: n:0.5\n# issue6\n1: n:1\n2: n:2\n3: t:ab\n4: b:FALSE\n"
    "# spc_chrs\n1: t:&\n2: t:<\n3: t:>\n4: t:aaa ' aaa\n5: t:\"\n6: t:☺\n7: t:֍\n"
    "8: t:àâéêèçöïî«»\n" },
  { "any_sheets.ods",
    "# Visible\n1: n:1|n:2\n2: n:3|n:4\n3: n:5|n:6\n4:\n"
    "5: t:This workbook contains 4 sheets: Visible, Hidden, VeryHidden and Chart\n"
    "# Hidden (hidden)\n# VeryHidden (hidden)\n# Chart\n" },
  { "multi-empty.ods",
    "# Test\n1: t:StringCol\n2: t:bbb\n3: t:ccc\n4: t:ddd\n5: t:eee\n6:\n13: t:zzz\n" },
  { "number_rows_repeated.ods",
    "# Sheet1\n1: t:A|t:B\n2: t:C|t:D\n3: t:C|t:D\n6: t:C|t:D\n7:\n8: t:C|t:D\n"
    "# Sheet2\n1:\n2: t:A|t:B\n3: t:C|t:D\n4: t:C|t:D\n7: t:C|t:D\n8:\n9: t:C|t:D\n"
    "# Sheet3\n3: t:A|t:B\n4: t:C|t:D\n5: t:C|t:D\n8: t:C|t:D\n9:\n10: t:C|t:D\n" },
  { "pass_protected.ods", NULL, CAK_IMPORT_ERROR_ENCRYPTED },
  { "issue_594_dos.ods", NULL, CAK_IMPORT_ERROR_CORRUPT },
};

static void
test_corpus (void)
{
  g_autofree char *probe = corpus_path ("issues.ods");

  if (probe == NULL)
    {
      g_test_skip ("the calamine corpus is not in CAKUPAN_SHARED_DIR");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (corpus_cases); i++)
    {
      g_autofree char *path = corpus_path (corpus_cases[i].file);
      g_autoptr (GError) error = NULL;
      g_autofree char *text = NULL;
      SheetLog log;
      CakSheetCallbacks callbacks;

      g_test_message ("%s", corpus_cases[i].file);
      g_assert_nonnull (path);
      sheet_log_init (&log, &callbacks);
      if (cak_ods_read (path, corpus_cases[i].file, &callbacks, NULL, &error))
        text = g_strdup (log.log->str);
      sheet_log_clear (&log);
      if (corpus_cases[i].log)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (text, ==, corpus_cases[i].log);
        }
      else
        {
          g_assert_error (error, CAK_IMPORT_ERROR, corpus_cases[i].code);
          g_assert_nonnull (strstr (error->message, corpus_cases[i].file));
        }
    }
}

/* Every .ods of the corpus, and truncated copies of each, reads or fails with our error. */
static void
test_corpus_all (void)
{
  g_autofree char *probe = corpus_path ("issues.ods");
  g_autofree char *dir_path = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;
  guint n = 0;

  if (probe == NULL)
    {
      g_test_skip ("the calamine corpus is not in CAKUPAN_SHARED_DIR");
      return;
    }
  dir_path = g_path_get_dirname (probe);
  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *data = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".ods"))
        continue;
      n++;
      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      for (guint k = 0; k <= 4; k++)
        {
          g_autofree char *copy = g_build_filename (tmp_dir, "corpus.ods", NULL);
          g_autoptr (GError) error = NULL;
          SheetLog log;
          CakSheetCallbacks callbacks;

          /* k == 4 is the whole file; the others cut it at a quarter, a half, three quarters
           * and almost the end. */
          g_assert_true (g_file_set_contents (copy, data,
                                              k == 4   ? length
                                              : k == 3 ? length - 1
                                                       : length * (k + 1) / 4,
                                              NULL));
          sheet_log_init (&log, &callbacks);
          log.max_logged_rows = 50;
          if (!cak_ods_read (copy, name, &callbacks, NULL, &error))
            {
              g_test_message ("%s (%u): %s", name, k, error->message);
              g_assert_true (error->domain == CAK_IMPORT_ERROR);
              g_assert_nonnull (strstr (error->message, name));
              if (k < 4)
                g_assert_cmpint (error->code, ==, CAK_IMPORT_ERROR_CORRUPT);
            }
          else
            g_assert_cmpuint (k, ==, 4);
          sheet_log_clear (&log);
        }
    }
  g_assert_cmpuint (n, >, 10);
}

static void
remove_tmp_dir (void)
{
  g_autoptr (GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("cakupan-test-ods-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/import/ods/strings", test_strings);
  g_test_add_func ("/import/ods/repetition-bomb", test_repetition_bomb);
  g_test_add_func ("/import/ods/numbers", test_numbers);
  g_test_add_func ("/import/ods/dates-times-booleans", test_dates_times_booleans);
  g_test_add_func ("/import/ods/formulas-and-errors", test_formulas_and_errors);
  g_test_add_func ("/import/ods/repeats", test_repeats);
  g_test_add_func ("/import/ods/merges", test_merges);
  g_test_add_func ("/import/ods/sheets", test_sheets);
  g_test_add_func ("/import/ods/cancel", test_cancel);
  g_test_add_func ("/import/ods/limits", test_limits);
  g_test_add_func ("/import/ods/not-ods", test_not_ods);
  g_test_add_func ("/import/ods/encrypted", test_encrypted);
  g_test_add_func ("/import/ods/malformed", test_malformed);
  g_test_add_func ("/import/ods/entities", test_entities);
  g_test_add_func ("/import/ods/corpus", test_corpus);
  g_test_add_func ("/import/ods/corpus-all", test_corpus_all);

  status = g_test_run ();
  remove_tmp_dir ();
  return status;
}
