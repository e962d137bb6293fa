/* cak-fuzz.c: the readers and the importer, one input at a time, for libFuzzer and the tests
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbook readers read a path (libzip wants one): the input is written to a
 * memory file (memfd) that the reader opens as /proc/self/fd/N, so no disk is touched. The
 * "-xml" targets wrap the input, stored uncompressed, as one part of a small valid package
 * built in memory, so that mutations reach the XML handling instead of failing in inflate.
 */
#define _GNU_SOURCE /* memfd_create */
#define G_LOG_DOMAIN "cak-fuzz"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cak-csv-reader.h"
#include "cak-fuzz.h"
#include "cak-import.h"
#include "cak-ods-reader.h"
#include "cak-region-catalog.h"
#include "cak-xls-reader.h"
#include "cak-xlsx-reader.h"

#define DISPLAY_NAME "fuzz-input"

/* Cells the harness reads of one input before it stops reading, as the importer stops when it
 * finds no header: a 1 KB ODS can repeat a 16,384-cell row a million times, which the readers
 * hand over faithfully (17 billion cells). What matters here is how the readers treat the bytes,
 * not how long a consumer takes to read every cell of a sheet that size. */
#define CELL_BUDGET 4000000

/* The parts of the XLSX package; the first byte of the input chooses which one it replaces. */
static const char *const xlsx_part_names[] = {
  "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",       "xl/styles.xml",
  "xl/workbook.xml",          "xl/_rels/workbook.xml.rels",
};

static const char *const xlsx_part_texts[] = {
  /* sheet1.xml */
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
  "<sheetData>"
  "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
  "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>"
  "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>4</v></c><c r=\"B2\" s=\"1\"><v>45291</v></c>"
  "<c r=\"C2\"><v>114377</v></c><c r=\"D2\"><v>449717</v></c></row>"
  "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A3:D3\"/></mergeCells></worksheet>",
  /* sharedStrings.xml */
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"5\" "
  "uniqueCount=\"5\"><si><t>Kabupaten/Kota</t></si><si><t>Periode</t></si>"
  "<si><t>Peserta Aktif</t></si><si><r><t>Penduduk </t></r><r><t>Bekerja</t></r></si>"
  "<si><t>Kab. Blitar</t></si></sst>",
  /* styles.xml */
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
  "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"mmmm\\ yyyy\"/></numFmts>"
  "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\" applyNumberFormat=\"1\"/>"
  "</cellXfs></styleSheet>",
  /* workbook.xml */
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<workbookPr date1904=\"false\"/><sheets><sheet name=\"Desember 2023\" sheetId=\"1\" "
  "r:id=\"rId1\"/></sheets></workbook>",
  /* workbook.xml.rels */
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" "
  "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
  "Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" "
  "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
  "Target=\"sharedStrings.xml\"/>"
  "<Relationship Id=\"rId3\" "
  "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
  "Target=\"styles.xml\"/></Relationships>",
};

static const char xlsx_root_rels[]
    = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
      "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

static const char xlsx_content_types[]
    = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";

/* The parts of the ODS package; the first byte of the input chooses which one it replaces. */
static const char *const ods_part_names[] = { "content.xml", "META-INF/manifest.xml" };

static const char *const ods_part_texts[] = {
  /* content.xml */
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
  "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\">"
  "<office:body><office:spreadsheet><table:table table:name=\"Desember 2023\">"
  "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Kabupaten/Kota</text:p>"
  "</table:table-cell><table:table-cell office:value-type=\"string\"><text:p>Peserta "
  "Aktif</text:p></table:table-cell></table:table-row>"
  "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Kab. Blitar</text:p>"
  "</table:table-cell><table:table-cell office:value-type=\"float\" office:value=\"114377\">"
  "<text:p>114.377</text:p></table:table-cell></table:table-row>"
  "<table:table-row table:number-rows-repeated=\"3\"><table:table-cell "
  "table:number-columns-repeated=\"2\" table:number-columns-spanned=\"2\"/></table:table-row>"
  "</table:table></office:spreadsheet></office:body></office:document-content>",
  /* manifest.xml */
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
  "manifest:version=\"1.3\"><manifest:file-entry manifest:full-path=\"/\" "
  "manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
  "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
  "</manifest:manifest>",
};

/* Helpers */

static guint32 crc_table[256];

static guint32
crc32_of (const guint8 *data, gsize size)
{
  guint32 crc = 0xFFFFFFFF;

  if (crc_table[1] == 0)
    for (guint32 n = 0; n < 256; n++)
      {
        guint32 c = n;

        for (int k = 0; k < 8; k++)
          c = (c & 1) ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
      }
  for (gsize i = 0; i < size; i++)
    crc = crc_table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFF;
}

static void
put16 (GByteArray *out, guint v)
{
  guint8 b[2] = { v & 0xFF, (v >> 8) & 0xFF };

  g_byte_array_append (out, b, sizeof b);
}

static void
put32 (GByteArray *out, guint32 v)
{
  put16 (out, v & 0xFFFF);
  put16 (out, v >> 16);
}

/* A zip archive whose parts are stored (method 0), as a zip writer writes it. */
static GByteArray *
build_stored_zip (const char *const *names, const guint8 *const *data, const gsize *sizes,
                  guint n_parts)
{
  GByteArray *zip = g_byte_array_new ();
  g_autoptr (GByteArray) directory = g_byte_array_new ();

  for (guint i = 0; i < n_parts; i++)
    {
      guint32 crc = crc32_of (data[i], sizes[i]);
      guint32 offset = zip->len;
      gsize name_length = strlen (names[i]);

      put32 (zip, 0x04034b50);
      put16 (zip, 20);   /* version needed */
      put16 (zip, 0);    /* flags */
      put16 (zip, 0);    /* stored */
      put16 (zip, 0);    /* time */
      put16 (zip, 0x21); /* date: 1980-01-01 */
      put32 (zip, crc);
      put32 (zip, sizes[i]);
      put32 (zip, sizes[i]);
      put16 (zip, name_length);
      put16 (zip, 0); /* extra field */
      g_byte_array_append (zip, (const guint8 *)names[i], name_length);
      g_byte_array_append (zip, data[i], sizes[i]);

      put32 (directory, 0x02014b50);
      put16 (directory, 20); /* version made by */
      put16 (directory, 20); /* version needed */
      put16 (directory, 0);
      put16 (directory, 0);
      put16 (directory, 0);
      put16 (directory, 0x21);
      put32 (directory, crc);
      put32 (directory, sizes[i]);
      put32 (directory, sizes[i]);
      put16 (directory, name_length);
      put16 (directory, 0); /* extra field */
      put16 (directory, 0); /* comment */
      put16 (directory, 0); /* disk */
      put16 (directory, 0); /* internal attributes */
      put32 (directory, 0); /* external attributes */
      put32 (directory, offset);
      g_byte_array_append (directory, (const guint8 *)names[i], name_length);
    }

  {
    guint32 directory_offset = zip->len;

    g_byte_array_append (zip, directory->data, directory->len);
    put32 (zip, 0x06054b50);
    put16 (zip, 0); /* this disk */
    put16 (zip, 0); /* the directory's disk */
    put16 (zip, n_parts);
    put16 (zip, n_parts);
    put32 (zip, directory->len);
    put32 (zip, directory_offset);
    put16 (zip, 0); /* comment */
  }
  return zip;
}

/* Writes @data where a reader can open it by path, and returns that path. A memory file when
 * the system has them (kept open and rewritten for every input), else a temporary file. */
static const char *
input_path (const guint8 *data, gsize size)
{
  static int fd = -2;
  static char *path;

  if (fd == -2)
    {
      fd = memfd_create ("cakupan-fuzz", 0);
      if (fd >= 0)
        path = g_strdup_printf ("/proc/self/fd/%d", fd);
      else
        {
          g_autoptr (GError) error = NULL;

          fd = g_file_open_tmp ("cakupan-fuzz-XXXXXX", &path, &error);
          if (fd < 0)
            g_error ("Cannot write the input anywhere: %s", error->message);
          /* Gone at exit; the descriptor keeps it while the process runs. */
          g_unlink (path);
          g_free (path);
          path = g_strdup_printf ("/proc/self/fd/%d", fd);
        }
    }
  if (ftruncate (fd, 0) != 0)
    g_error ("Cannot truncate the input file: %s", g_strerror (errno));
  for (gsize done = 0; done < size;)
    {
      ssize_t n = pwrite (fd, data + done, size - done, done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        g_error ("Cannot write the input file: %s", g_strerror (errno));
      done += n;
    }
  return path;
}

/* What the readers promise (cak-sheet.h), checked on every row and every sheet. */

static gboolean
sheet_begin_cb (const CakSheetInfo *sheet, gpointer user_data)
{
  if (sheet->name && !g_utf8_validate (sheet->name, -1, NULL))
    g_error ("A sheet's name is not UTF-8");
  if (sheet->computed_from && !g_utf8_validate (sheet->computed_from, -1, NULL))
    g_error ("A sheet's computed_from is not UTF-8");
  return TRUE;
}

static gboolean
row_cb (const CakRow *row, gpointer user_data)
{
  gsize *n_cells = user_data;

  if (row->row == 0)
    g_error ("Row number 0: rows are numbered from 1");
  if (row->n_cells > CAK_SHEET_MAX_COLUMNS)
    g_error ("Row %u has %u cells, beyond the limit of %u", row->row, row->n_cells,
             CAK_SHEET_MAX_COLUMNS);
  if (row->n_cells > 0 && row->cells == NULL)
    g_error ("Row %u has %u cells and no array of them", row->row, row->n_cells);
  for (guint i = 0; i < row->n_cells; i++)
    {
      const char *cell = row->cells[i];

      if (cell == NULL)
        g_error ("Row %u, cell %u is NULL", row->row, i);
      if (!g_utf8_validate (cell, -1, NULL))
        g_error ("Row %u, cell %u is not UTF-8", row->row, i);
      if (row->types && row->types[i] > CAK_CELL_ERROR)
        g_error ("Row %u, cell %u has the unknown type %u", row->row, i, row->types[i]);
    }
  /* An empty row counts as one. */
  *n_cells += MAX (row->n_cells, 1);
  return *n_cells < CELL_BUDGET;
}

static void
sheet_end_cb (const CakSheetInfo *sheet, const CakMerge *merges, guint n_merges, gpointer user_data)
{
  if (n_merges > 0 && merges == NULL)
    g_error ("%u merges and no array of them", n_merges);
  for (guint i = 0; i < n_merges; i++)
    if (merges[i].first_row == 0 || merges[i].first_row > merges[i].last_row
        || merges[i].first_column > merges[i].last_column)
      g_error ("Merge %u is not a range: rows %u-%u, columns %u-%u", i, merges[i].first_row,
               merges[i].last_row, merges[i].first_column, merges[i].last_column);
}

static void
check_error (gboolean ok, GError *error)
{
  if (!ok && (error == NULL || error->message == NULL))
    g_error ("A reader failed without saying why");
  if (ok && error != NULL)
    g_error ("A reader succeeded and set an error: %s", error->message);
}

typedef gboolean (*ReadPathFunc) (const char *path, const char *display_name,
                                  const CakSheetCallbacks *callbacks, GCancellable *cancellable,
                                  GError **error);

static void
read_path (ReadPathFunc read, const guint8 *data, gsize size)
{
  g_autoptr (GError) error = NULL;
  gsize n_cells = 0;
  CakSheetCallbacks callbacks = {
    .sheet_begin = sheet_begin_cb,
    .row = row_cb,
    .sheet_end = sheet_end_cb,
    .user_data = &n_cells,
  };
  gboolean ok;

  /* Two statements: the order C evaluates a call's arguments in is unspecified. */
  ok = read (input_path (data, size), DISPLAY_NAME, &callbacks, NULL, &error);
  check_error (ok, error);
}

/* The targets */

static void
fuzz_csv (const guint8 *data, gsize size)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) stream = NULL;
  CakCsvInfo info = { 0 };
  gsize n_cells = 0;
  gsize chunk = size > 0 ? 1 + data[0] % 61 : 1;
  CakSheetCallbacks callbacks = {
    .sheet_begin = sheet_begin_cb,
    .row = row_cb,
    .sheet_end = sheet_end_cb,
    .user_data = &n_cells,
  };
  gboolean ok;

  cak_csv_detect_delimiter ((const char *)data, size);
  ok = cak_csv_read_bytes (bytes, DISPLAY_NAME, &info, &callbacks, NULL, &error);
  check_error (ok, error);
  g_clear_error (&error);
  n_cells = 0;
  /* Again in small chunks, which puts chunk boundaries inside quotes, separators and
   * multi-byte characters. */
  stream = g_memory_input_stream_new_from_bytes (bytes);
  ok = cak_csv_read_stream_chunked (stream, size, chunk, DISPLAY_NAME, &info, &callbacks, NULL,
                                    &error);
  check_error (ok, error);
}

static void
fuzz_xlsx (const guint8 *data, gsize size)
{
  read_path (cak_xlsx_read, data, size);
}

static void
fuzz_ods (const guint8 *data, gsize size)
{
  read_path (cak_ods_read, data, size);
}

static void
fuzz_xls (const guint8 *data, gsize size)
{
  read_path (cak_xls_read, data, size);
}

/* A package of @n_parts with the part the first byte of @data chooses replaced by the rest of
 * @data; @extra_names and @extra_texts are parts that are always there as they are. */
static GByteArray *
wrap_in_package (const guint8 *data, gsize size, const char *const *names, const char *const *texts,
                 guint n_parts, const char *const *extra_names, const char *const *extra_texts,
                 guint n_extra)
{
  const char *all_names[8];
  const guint8 *all_data[8];
  gsize all_sizes[8];
  guint chosen = size > 0 ? data[0] % n_parts : 0;
  guint n = 0;

  g_assert (n_parts + n_extra <= G_N_ELEMENTS (all_names));
  for (guint i = 0; i < n_extra; i++, n++)
    {
      all_names[n] = extra_names[i];
      all_data[n] = (const guint8 *)extra_texts[i];
      all_sizes[n] = strlen (extra_texts[i]);
    }
  for (guint i = 0; i < n_parts; i++, n++)
    {
      all_names[n] = names[i];
      if (i == chosen)
        {
          all_data[n] = size > 0 ? data + 1 : data;
          all_sizes[n] = size > 0 ? size - 1 : 0;
        }
      else
        {
          all_data[n] = (const guint8 *)texts[i];
          all_sizes[n] = strlen (texts[i]);
        }
    }
  return build_stored_zip (all_names, all_data, all_sizes, n);
}

static void
fuzz_xlsx_xml (const guint8 *data, gsize size)
{
  static const char *const extra_names[] = { "[Content_Types].xml", "_rels/.rels" };
  static const char *const extra_texts[] = { xlsx_content_types, xlsx_root_rels };
  g_autoptr (GByteArray) zip = NULL;

  G_STATIC_ASSERT (G_N_ELEMENTS (xlsx_part_names) == G_N_ELEMENTS (xlsx_part_texts));
  zip = wrap_in_package (data, size, xlsx_part_names, xlsx_part_texts,
                         G_N_ELEMENTS (xlsx_part_names), extra_names, extra_texts,
                         G_N_ELEMENTS (extra_names));
  read_path (cak_xlsx_read, zip->data, zip->len);
}

static void
fuzz_ods_xml (const guint8 *data, gsize size)
{
  /* ODF wants the mimetype first, stored. */
  static const char *const extra_names[] = { "mimetype" };
  static const char *const extra_texts[] = { "application/vnd.oasis.opendocument.spreadsheet" };
  g_autoptr (GByteArray) zip = NULL;

  G_STATIC_ASSERT (G_N_ELEMENTS (ods_part_names) == G_N_ELEMENTS (ods_part_texts));
  zip = wrap_in_package (data, size, ods_part_names, ods_part_texts, G_N_ELEMENTS (ods_part_names),
                         extra_names, extra_texts, G_N_ELEMENTS (extra_names));
  read_path (cak_ods_read, zip->data, zip->len);
}

static void
fuzz_import (const guint8 *data, gsize size)
{
  g_autoptr (CakDataset) dataset = cak_dataset_new (cak_region_catalog_get_default ());
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr (GError) error = NULL;
  /* Files that name no period get one, so that their rows go on to be imported. */
  CakImportOptions options = { .default_period = cak_period_month (2023, 12) };

  gboolean ok;

  ok = cak_import_bytes (dataset, bytes, DISPLAY_NAME, &options, NULL, &error);
  check_error (ok, error);
}

const CakFuzzTarget cak_fuzz_targets[] = {
  { "csv", fuzz_csv },         { "xlsx", fuzz_xlsx },
  { "ods", fuzz_ods },         { "xls", fuzz_xls },
  { "import", fuzz_import },   { "xlsx-xml", fuzz_xlsx_xml },
  { "ods-xml", fuzz_ods_xml }, { NULL, NULL },
};

const CakFuzzTarget *
cak_fuzz_target_find (const char *name)
{
  for (const CakFuzzTarget *t = cak_fuzz_targets; t->name; t++)
    if (strcmp (t->name, name) == 0)
      return t;
  return NULL;
}
