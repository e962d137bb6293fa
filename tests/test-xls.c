/* test-xls.c: the Excel 97–2003 reader, on a workbook built record by record and on a corpus
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-xls"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cak-xls-reader.h"
#include "sheet-log.h"

static char *tmp_dir;
static guint n_files;

/* Building BIFF8 records */

static void
put16 (GByteArray *b, guint16 v)
{
  guint8 bytes[2] = { v & 0xFF, v >> 8 };

  g_byte_array_append (b, bytes, 2);
}

static void
put32 (GByteArray *b, guint32 v)
{
  put16 (b, v & 0xFFFF);
  put16 (b, v >> 16);
}

static void
put_double (GByteArray *b, double v)
{
  guint64 bits;

  memcpy (&bits, &v, sizeof bits);
  put32 (b, bits & 0xFFFFFFFF);
  put32 (b, bits >> 32);
}

/* Appends a record whose body is @body, and frees @body. */
static void
record (GByteArray *stream, guint16 type, GByteArray *body)
{
  put16 (stream, type);
  put16 (stream, body->len);
  g_byte_array_append (stream, body->data, body->len);
  g_byte_array_unref (body);
}

static GByteArray *
body (void)
{
  return g_byte_array_new ();
}

static GByteArray *
cell_body (guint16 row, guint16 column, guint16 xf)
{
  GByteArray *b = body ();

  put16 (b, row);
  put16 (b, column);
  put16 (b, xf);
  return b;
}

/* An XLUnicodeString of ASCII text, stored compressed. */
static void
put_string (GByteArray *b, const char *text, gboolean short_count)
{
  if (short_count)
    g_byte_array_append (b, (const guint8[]){ strlen (text) }, 1);
  else
    put16 (b, strlen (text));
  g_byte_array_append (b, (const guint8[]){ 0 }, 1);
  g_byte_array_append (b, (const guint8 *)text, strlen (text));
}

static void
bof (GByteArray *s, guint16 type)
{
  GByteArray *b = body ();

  put16 (b, 0x0600);
  put16 (b, type);
  put32 (b, 0);
  put32 (b, 0);
  put32 (b, 0x0006);
  record (s, 0x0809, b);
}

static void
eof (GByteArray *s)
{
  record (s, 0x000A, body ());
}

static void
number (GByteArray *s, guint16 row, guint16 column, guint16 xf, double value)
{
  GByteArray *b = cell_body (row, column, xf);

  put_double (b, value);
  record (s, 0x0203, b);
}

/* A FORMULA record with a special result (string, boolean, error, empty) or a number. */
static void
formula (GByteArray *s, guint16 row, guint16 column, guint16 xf, int special, guint8 value,
         double number_value)
{
  GByteArray *b = cell_body (row, column, xf);

  if (special >= 0)
    {
      g_byte_array_append (b, (const guint8[]){ special, 0, value, 0, 0, 0, 0xFF, 0xFF }, 8);
    }
  else
    put_double (b, number_value);
  put16 (b, 0);                                                     /* grbit */
  put32 (b, 0);                                                     /* chn */
  put16 (b, 3);                                                     /* cce */
  g_byte_array_append (b, (const guint8[]){ 0x1E, 0x01, 0x00 }, 3); /* ptgInt 1 */
  record (s, 0x0006, b);
}

typedef struct
{
  gboolean date1904;
  gboolean filepass;
  guint32 claimed_rows; /* of the Data sheet's DIMENSION */
  guint16 claimed_columns;
  guint16 far_column; /* a NUMBER there when not 0 */
} BookOptions;

/* The workbook of the record tests: every kind of cell record, shared strings split over a
 * CONTINUE record, dates in several formats, merges, and sheets in every state. */
static GByteArray *
build_workbook (const BookOptions *options)
{
  GByteArray *s = g_byte_array_new ();
  GByteArray *b;
  const guint16 xf_formats[] = { 0, 164, 14, 165, 166, 22, 20 };
  const struct
  {
    const char *name;
    guint8 state, type;
  } sheets[]
      = { { "Data", 0, 0 }, { "Tersembunyi", 1, 0 }, { "Sangat", 2, 0 }, { "Grafik", 0, 2 } };
  guint boundsheet_at[G_N_ELEMENTS (sheets)];
  guint sheet_at[G_N_ELEMENTS (sheets)];

  bof (s, 0x0005);
  if (options->filepass)
    {
      b = body ();
      put16 (b, 1);
      g_byte_array_append (b, (const guint8[48]){ 0 }, 48);
      record (s, 0x002F, b);
    }
  b = body ();
  put16 (b, 1200);
  record (s, 0x0042, b);
  b = body ();
  put16 (b, options->date1904);
  record (s, 0x0022, b);

  b = body ();
  put16 (b, 164);
  put_string (b, "dd/mm/yyyy", FALSE);
  record (s, 0x041E, b);
  b = body ();
  put16 (b, 165);
  put_string (b, "\"Rp\" #,##0;[Red]-\"Rp\" #,##0", FALSE);
  record (s, 0x041E, b);
  b = body ();
  put16 (b, 166);
  put_string (b, "[h]:mm", FALSE);
  record (s, 0x041E, b);
  for (guint i = 0; i < G_N_ELEMENTS (xf_formats); i++)
    {
      b = body ();
      put16 (b, 0);
      put16 (b, xf_formats[i]);
      g_byte_array_append (b, (const guint8[16]){ 0 }, 16);
      record (s, 0x00E0, b);
    }

  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      b = body ();
      boundsheet_at[i] = s->len + 4;
      put32 (b, 0); /* the offset, set below */
      g_byte_array_append (b, (const guint8[]){ sheets[i].state, sheets[i].type }, 2);
      put_string (b, sheets[i].name, TRUE);
      record (s, 0x0085, b);
    }

  /* Shared strings; the third starts compressed and goes on, after a CONTINUE record, in
   * UTF-16 */
  b = body ();
  put32 (b, 4);
  put32 (b, 3);
  put_string (b, "Kabupaten", FALSE);
  put_string (b, "Peserta", FALSE);
  put16 (b, 12);
  g_byte_array_append (b, (const guint8[]){ 0 }, 1);
  g_byte_array_append (b, (const guint8 *)"Kab. Bl", 7);
  record (s, 0x00FC, b);
  b = body ();
  g_byte_array_append (b, (const guint8[]){ 1 }, 1);
  g_byte_array_append (b, (const guint8[]){ 'i', 0, 't', 0, 0xE2, 0x00, 'r', 0, ' ', 0 }, 10);
  record (s, 0x003C, b);
  eof (s);

  /* Data */
  sheet_at[0] = s->len;
  bof (s, 0x0010);
  b = body ();
  put32 (b, 0);
  put32 (b, options->claimed_rows ? options->claimed_rows : 11);
  put16 (b, 0);
  put16 (b, options->claimed_columns ? options->claimed_columns : 5);
  put16 (b, 0);
  record (s, 0x0200, b);
  for (guint i = 0; i < 3; i++)
    {
      const guint16 where[][2] = { { 0, 0 }, { 0, 1 }, { 1, 0 } };

      b = cell_body (where[i][0], where[i][1], 0);
      put32 (b, i);
      record (s, 0x00FD, b);
    }
  number (s, 1, 1, 0, 449717);
  b = cell_body (1, 2, 0);
  put32 (b, (30 << 2) | 0x02); /* RK: an integer */
  record (s, 0x027E, b);
  b = cell_body (1, 3, 0);
  put32 (b, (2768 << 2) | 0x03); /* RK: an integer divided by 100 */
  record (s, 0x027E, b);
  b = body ();
  put16 (b, 2);
  put16 (b, 0);
  put16 (b, 2);
  put32 (b, ((guint32)45291 << 2) | 0x02); /* 2023-12-31 in a built-in date format */
  put16 (b, 0);
  put32 (b, 0x3FE00000); /* RK: the high half of the double 0.5 */
  put16 (b, 3);
  put32 (b, (1500 << 2) | 0x02); /* "Rp" 1,500: quoted text is no date */
  put16 (b, 2);
  record (s, 0x00BD, b);

  formula (s, 3, 0, 0, -1, 0, 0.2768);
  formula (s, 3, 1, 0, 0, 0, 0);
  b = body ();
  put16 (b, 6);
  g_byte_array_append (b, (const guint8[]){ 0 }, 1);
  g_byte_array_append (b, (const guint8 *)"Jum", 3);
  record (s, 0x0207, b);
  b = body ();
  g_byte_array_append (b, (const guint8[]){ 0 }, 1);
  g_byte_array_append (b, (const guint8 *)"lah", 3);
  record (s, 0x003C, b);
  formula (s, 3, 2, 0, 1, 1, 0);
  formula (s, 3, 3, 0, 2, 0x07, 0);
  formula (s, 3, 4, 0, 3, 0, 0);

  b = cell_body (4, 0, 0);
  g_byte_array_append (b, (const guint8[]){ 0, 0 }, 2);
  record (s, 0x0205, b);
  b = cell_body (4, 1, 0);
  g_byte_array_append (b, (const guint8[]){ 0x2A, 1 }, 2);
  record (s, 0x0205, b);

  b = cell_body (5, 3, 0);
  put_string (b, "Kota", FALSE);
  record (s, 0x0204, b);

  /* Row 7 is empty; row 8 has the dates and times */
  number (s, 7, 0, 4, 1.5);
  number (s, 7, 1, 5, 45291.5);
  number (s, 7, 2, 6, 0.75);
  number (s, 7, 3, 1, 45292);
  number (s, 7, 4, 5, 45291);

  /* Out of order, and the same cell twice: the last record wins */
  number (s, 9, 0, 0, 10);
  number (s, 8, 0, 0, 1);
  number (s, 8, 0, 0, 2);
  if (options->far_column)
    number (s, 10, options->far_column, 0, 1);

  b = body ();
  put16 (b, 2);
  put16 (b, 0), put16 (b, 0), put16 (b, 0), put16 (b, 1);
  put16 (b, 4), put16 (b, 5), put16 (b, 2), put16 (b, 3);
  record (s, 0x00E5, b);
  eof (s);

  sheet_at[1] = s->len;
  bof (s, 0x0010);
  b = cell_body (0, 0, 0);
  put32 (b, 1);
  record (s, 0x00FD, b);
  eof (s);

  sheet_at[2] = s->len;
  bof (s, 0x0010);
  eof (s);

  sheet_at[3] = s->len;
  bof (s, 0x0020);
  number (s, 0, 0, 0, 99);
  eof (s);

  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    for (guint k = 0; k < 4; k++)
      s->data[boundsheet_at[i] + k] = (sheet_at[i] >> (8 * k)) & 0xFF;

  /* Past 4096 bytes the stream is in ordinary sectors rather than the mini stream. */
  while (s->len < 4200)
    {
      b = body ();
      g_byte_array_append (b, (const guint8[200]){ 0 }, 200);
      record (s, 0x0ABC, b);
    }
  return s;
}

/* A compound file of 512-byte sectors: the allocation table, the directory, the stream. */
static char *
write_compound_file (const GByteArray *stream, const char *stream_name)
{
  g_autoptr (GByteArray) file = g_byte_array_new ();
  guint n_stream = (stream->len + 511) / 512;
  guint8 sector[512];
  char *path;

  g_assert_cmpuint (n_stream + 2, <=, 128);

  /* Header */
  memset (sector, 0, sizeof sector);
  memcpy (sector, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  sector[0x18] = 0x3E;
  sector[0x1A] = 3;
  sector[0x1C] = 0xFE, sector[0x1D] = 0xFF;
  sector[0x1E] = 9;
  sector[0x20] = 6;
  sector[0x2C] = 1;    /* one FAT sector */
  sector[0x30] = 1;    /* the directory in sector 1 */
  sector[0x39] = 0x10; /* mini stream cutoff 4096 */
  memset (sector + 0x3C, 0xFF, 4);
  sector[0x3C] = 0xFE; /* no mini FAT */
  memset (sector + 0x44, 0xFF, 4);
  sector[0x44] = 0xFE; /* no DIFAT */
  memset (sector + 0x4C, 0xFF, 512 - 0x4C);
  memset (sector + 0x4C, 0, 4); /* the FAT in sector 0 */
  g_byte_array_append (file, sector, 512);

  /* FAT */
  memset (sector, 0xFF, sizeof sector);
  for (guint i = 0; i < 4; i++)
    sector[i] = i == 0 ? 0xFD : 0xFF;         /* FATSECT */
  memcpy (sector + 4, "\xFE\xFF\xFF\xFF", 4); /* the directory: one sector */
  for (guint i = 0; i < n_stream; i++)
    {
      guint32 next = i + 1 < n_stream ? 2 + i + 1 : 0xFFFFFFFE;

      for (guint k = 0; k < 4; k++)
        sector[(2 + i) * 4 + k] = (next >> (8 * k)) & 0xFF;
    }
  g_byte_array_append (file, sector, 512);

  /* Directory: the root entry and the stream */
  memset (sector, 0, sizeof sector);
  for (guint e = 0; e < 4; e++)
    memset (sector + e * 128 + 0x44, 0xFF, 12); /* no siblings, no child */
  {
    const char *names[] = { "Root Entry", stream_name };

    for (guint e = 0; e < 2; e++)
      {
        guint8 *entry = sector + e * 128;
        guint n = strlen (names[e]);

        for (guint i = 0; i < n; i++)
          entry[2 * i] = names[e][i];
        entry[0x40] = (n + 1) * 2;
        entry[0x42] = e == 0 ? 5 : 2;
        entry[0x43] = 1;
      }
    memset (sector + 0x4C, 0, 4);
    sector[0x4C] = 1;                              /* the root's child: entry 1 */
    memcpy (sector + 0x74, "\xFE\xFF\xFF\xFF", 4); /* the root has no mini stream */
    sector[128 + 0x74] = 2;                        /* the stream starts in sector 2 */
    for (guint k = 0; k < 4; k++)
      sector[128 + 0x78 + k] = (stream->len >> (8 * k)) & 0xFF;
  }
  g_byte_array_append (file, sector, 512);

  g_byte_array_append (file, stream->data, stream->len);
  while (file->len % 512)
    g_byte_array_append (file, (const guint8[]){ 0 }, 1);

  path = g_strdup_printf ("%s/fixture-%u.xls", tmp_dir, n_files++);
  g_assert_true (g_file_set_contents (path, (const char *)file->data, file->len, NULL));
  return path;
}

static char *
write_workbook (const BookOptions *options, const char *stream_name)
{
  g_autoptr (GByteArray) stream = build_workbook (options);

  return write_compound_file (stream, stream_name);
}

/* Reading */

static char *
read_log (const char *path, GError **error)
{
  SheetLog log;
  CakSheetCallbacks callbacks;
  char *text = NULL;

  sheet_log_init (&log, &callbacks);
  if (cak_xls_read (path, "fixture.xls", &callbacks, NULL, error))
    {
      text = g_strdup (log.log->str);
      g_assert_false (log.progress_backwards);
      g_assert_cmpfloat (log.last_progress, ==, 1.0);
    }
  sheet_log_clear (&log);
  return text;
}

static void
assert_fails (const char *path, int code, const char *fragment)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = read_log (path, &error);

  g_assert_null (text);
  g_assert_error (error, CAK_IMPORT_ERROR, code);
  g_assert_nonnull (strstr (error->message, "fixture.xls"));
  if (fragment)
    g_assert_nonnull (strstr (error->message, fragment));
}

static const char records_log[]
    = "# Data\n"
      "1: t:Kabupaten|t:Peserta\n"
      "2: t:Kab. Blitâr |n:449717|n:30|n:27.68\n"
      "3: d:2023-12-31|n:0.5|n:1500\n"
      "4: n:0.2768|t:Jumlah|b:TRUE|e:#DIV/0!\n"
      "5: b:FALSE|e:#N/A\n"
      "6: -|-|-|t:Kota\n"
      "8: t:36:00:00|d:2023-12-31T12:00:00|t:18:00:00|d:2024-01-01|d:2023-12-31\n"
      "9: n:2\n"
      "10: n:10\n"
      "merges: A1:B1 C5:D6\n"
      "# Tersembunyi (hidden)\n"
      "1: t:Peserta\n"
      "# Sangat (hidden)\n";

static void
test_records (void)
{
  BookOptions options = { 0 };
  g_autofree char *path = write_workbook (&options, "Workbook");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = read_log (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, records_log);
}

static void
test_date1904 (void)
{
  BookOptions options = { .date1904 = TRUE };
  g_autofree char *path = write_workbook (&options, "Workbook");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = read_log (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "3: d:2028-01-01|n:0.5|n:1500\n"));
  g_assert_nonnull (strstr (text, "8: t:36:00:00|d:2028-01-01T12:00:00|t:18:00:00|"
                                  "d:2028-01-02|d:2028-01-01\n"));
}

static void
test_stream_names (void)
{
  BookOptions options = { 0 };
  g_autofree char *book = write_workbook (&options, "Book");
  g_autofree char *upper = write_workbook (&options, "WORKBOOK");
  g_autofree char *encrypted = write_workbook (&options, "EncryptedPackage");
  g_autofree char *word = write_workbook (&options, "WordDocument");
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  text = read_log (book, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, records_log);
  g_clear_pointer (&text, g_free);
  text = read_log (upper, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, records_log);

  assert_fails (encrypted, CAK_IMPORT_ERROR_ENCRYPTED, "password");
  assert_fails (word, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET, NULL);
}

static void
test_encrypted (void)
{
  BookOptions options = { .filepass = TRUE };
  g_autofree char *path = write_workbook (&options, "Workbook");
  g_autofree char *broken = g_build_filename (tmp_dir, "broken-encrypted.xls", NULL);
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  static const char name[] = "EncryptedPackage";

  assert_fails (path, CAK_IMPORT_ERROR_ENCRYPTED, "password");

  /* A compound file too damaged to walk, that names an encrypted package all the same */
  g_byte_array_append (bytes, (const guint8 *)"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  g_byte_array_append (bytes, (const guint8[600]){ 0 }, 600);
  for (guint i = 0; i < strlen (name); i++)
    {
      bytes->data[520 + 2 * i] = name[i];
      bytes->data[521 + 2 * i] = 0;
    }
  g_assert_true (g_file_set_contents (broken, (const char *)bytes->data, bytes->len, NULL));
  assert_fails (broken, CAK_IMPORT_ERROR_ENCRYPTED, NULL);
}

static void
test_limits (void)
{
  BookOptions tall = { .claimed_rows = 70000 };
  BookOptions huge = { .claimed_rows = 0x7FFFFFFF };
  BookOptions big = { .claimed_rows = 65536, .claimed_columns = 256 };
  BookOptions wide = { .far_column = 20000 };
  g_autofree char *tall_path = write_workbook (&tall, "Workbook");
  g_autofree char *huge_path = write_workbook (&huge, "Workbook");
  g_autofree char *big_path = write_workbook (&big, "Workbook");
  g_autofree char *wide_path = write_workbook (&wide, "Workbook");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  /* Refused before anything allocates for them */
  assert_fails (tall_path, CAK_IMPORT_ERROR_CORRUPT, "sheet “Data” claims 70000 rows");
  assert_fails (huge_path, CAK_IMPORT_ERROR_CORRUPT, "sheet “Data”");
  assert_fails (wide_path, CAK_IMPORT_ERROR_CORRUPT, "sheet “Data”, cell ACOG11");

  /* Within the format: read, and the cells there are are all that is kept. */
  text = read_log (big_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, records_log);
}

static void
test_callbacks (void)
{
  BookOptions options = { 0 };
  g_autofree char *path = write_workbook (&options, "Workbook");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  SheetLog log;
  CakSheetCallbacks callbacks;

  sheet_log_init (&log, &callbacks);
  log.skip = "Data";
  g_assert_true (cak_xls_read (path, "fixture.xls", &callbacks, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log.log->str, ==,
                   "# Data\n# Tersembunyi (hidden)\n1: t:Peserta\n# Sangat (hidden)\n");
  sheet_log_clear (&log);

  sheet_log_init (&log, &callbacks);
  log.stop_after = 2;
  g_assert_true (cak_xls_read (path, "fixture.xls", &callbacks, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log.log->str, ==,
                   "# Data\n1: t:Kabupaten|t:Peserta\n2: t:Kab. Blitâr |n:449717|n:30|n:27.68\n");
  sheet_log_clear (&log);

  sheet_log_init (&log, &callbacks);
  g_cancellable_cancel (cancellable);
  g_assert_false (cak_xls_read (path, "fixture.xls", &callbacks, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  sheet_log_clear (&log);
}

/* Damaged copies of the built workbook: cut at every length, and with bytes changed here and
 * there. Each reads or fails with our error; under AddressSanitizer, without touching memory it
 * should not. */
static void
test_damaged (void)
{
  BookOptions options = { 0 };
  g_autofree char *path = write_workbook (&options, "Workbook");
  g_autofree char *copy = g_build_filename (tmp_dir, "damaged.xls", NULL);
  g_autofree char *data = NULL;
  gsize length;
  GRand *rand = g_rand_new_with_seed (20261122);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  for (gsize n = 0; n < length; n += 61)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *text = NULL;

      g_assert_true (g_file_set_contents (copy, data, n, NULL));
      text = read_log (copy, &error);
      if (text == NULL)
        g_assert_true (error->domain == CAK_IMPORT_ERROR);
    }
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *changed = g_memdup2 (data, length);
      g_autoptr (GError) error = NULL;
      g_autofree char *text = NULL;

      for (guint k = 0; k < 1 + i % 4; k++)
        changed[g_rand_int_range (rand, 0, length)] = g_rand_int_range (rand, 0, 256);
      g_assert_true (g_file_set_contents (copy, changed, length, NULL));
      text = read_log (copy, &error);
      if (text == NULL)
        g_assert_true (error->domain == CAK_IMPORT_ERROR);
    }
  g_rand_free (rand);
}

/* Rows with one number in column XFD: 16,384 cells each for the importer, so that a sheet of
 * them stops at CAK_SHEET_MAX_CELLS (1953 rows). A bare BIFF8 stream, as the reader takes it. */
static void
test_sparse_bomb (void)
{
  for (guint n_rows = 1953; n_rows <= 1954; n_rows++)
    {
      g_autoptr (GByteArray) s = g_byte_array_new ();
      g_autofree char *path = g_strdup_printf ("%s/sparse-%u.xls", tmp_dir, n_rows);
      g_autoptr (GError) error = NULL;
      SheetLog log;
      CakSheetCallbacks callbacks;
      guint boundsheet_at;
      GByteArray *b;

      bof (s, 0x0005);
      b = body ();
      boundsheet_at = s->len + 4;
      put32 (b, 0);
      g_byte_array_append (b, (const guint8[]){ 0, 0 }, 2);
      put_string (b, "Data", TRUE);
      record (s, 0x0085, b);
      eof (s);
      for (guint k = 0; k < 4; k++)
        s->data[boundsheet_at + k] = (s->len >> (8 * k)) & 0xFF;
      bof (s, 0x0010);
      for (guint r = 0; r < n_rows; r++)
        number (s, r, 16383, 0, r);
      eof (s);
      g_assert_true (g_file_set_contents (path, (const char *)s->data, s->len, NULL));

      sheet_log_init (&log, &callbacks);
      log.max_logged_rows = 1;
      if (n_rows == 1953)
        {
          g_assert_true (cak_xls_read (path, "fixture.xls", &callbacks, NULL, &error));
          g_assert_no_error (error);
        }
      else
        {
          g_assert_false (cak_xls_read (path, "fixture.xls", &callbacks, NULL, &error));
          g_assert_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_TOO_LARGE);
          g_assert_nonnull (strstr (error->message, "by row 1954, sheet “Data” spans more than"));
        }
      g_assert_cmpuint (log.rows, ==, 1953);
      sheet_log_clear (&log);
    }
}

/* Excel 2.x to 4.0 */

/* A cell record of a worksheet of @version (2, 3 or 4): in Excel 2.x the number format is in
 * the cell's attributes, later in its XF, which the workbook below makes the same. */
static void
legacy_cell (GByteArray *s, guint version, guint16 type, guint16 row, guint16 column, guint8 xf,
             const guint8 *payload, guint n)
{
  GByteArray *b = body ();

  put16 (b, row);
  put16 (b, column);
  if (version == 2)
    g_byte_array_append (b, (const guint8[]){ 0, xf, 0 }, 3);
  else
    put16 (b, xf);
  g_byte_array_append (b, payload, n);
  record (s, type, b);
}

static char *
write_legacy (guint version)
{
  g_autoptr (GByteArray) s = g_byte_array_new ();
  const char *formats[] = { "General", "0.00", "dd/mm/yyyy", "h:mm" };
  const guint16 formula_type = version == 2 ? 0x0006 : version == 3 ? 0x0206 : 0x0406;
  const guint8 label[] = "Kab. Blit\xE2r"; /* Windows-1252 */
  guint tail = version == 2 ? 2 : 4;       /* the formula's flags and its size, none */
  GByteArray *b;
  char *path;
  double value;

  b = body ();
  put16 (b, 0);
  put16 (b, 0x0010);
  if (version > 2)
    put16 (b, 0);
  record (s, version == 2 ? 0x0009 : version == 3 ? 0x0209 : 0x0409, b);
  b = body ();
  put16 (b, 1252);
  record (s, 0x0042, b);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      b = body ();
      if (version == 4)
        put16 (b, i);
      g_byte_array_append (b, (const guint8[]){ strlen (formats[i]) }, 1);
      g_byte_array_append (b, (const guint8 *)formats[i], strlen (formats[i]));
      record (s, version == 4 ? 0x041E : 0x001E, b);
    }
  for (guint i = 0; version > 2 && i < G_N_ELEMENTS (formats); i++)
    {
      b = body ();
      g_byte_array_append (b, (const guint8[]){ 0, i }, 2);
      g_byte_array_append (b, (const guint8[10]){ 0 }, 10);
      record (s, version == 3 ? 0x0243 : 0x0443, b);
    }

  if (version == 2)
    legacy_cell (s, version, 0x0002, 0, 0, 0, (const guint8[]){ 7, 0 }, 2); /* INTEGER */
  else
    legacy_cell (s, version, 0x027E, 0, 0, 0, (const guint8[]){ (7 << 2) | 2, 0, 0, 0 }, 4);
  value = 45291;
  legacy_cell (s, version, version == 2 ? 0x0003 : 0x0203, 0, 1, 2, (const guint8 *)&value, 8);
  value = 0.75;
  legacy_cell (s, version, version == 2 ? 0x0003 : 0x0203, 0, 2, 3, (const guint8 *)&value, 8);
  b = body ();
  if (version == 2)
    g_byte_array_append (b, (const guint8[]){ sizeof label - 1 }, 1);
  else
    put16 (b, sizeof label - 1);
  g_byte_array_append (b, label, sizeof label - 1);
  legacy_cell (s, version, version == 2 ? 0x0004 : 0x0204, 1, 0, 0, b->data, b->len);
  g_byte_array_unref (b);
  legacy_cell (s, version, version == 2 ? 0x0005 : 0x0205, 1, 1, 0, (const guint8[]){ 1, 0 }, 2);
  legacy_cell (s, version, version == 2 ? 0x0005 : 0x0205, 1, 2, 0, (const guint8[]){ 7, 1 }, 2);

  value = 3.5;
  b = body ();
  g_byte_array_append (b, (const guint8 *)&value, 8);
  g_byte_array_append (b, (const guint8[4]){ 0 }, tail);
  legacy_cell (s, version, formula_type, 2, 0, 1, b->data, b->len);
  g_byte_array_unref (b);
  legacy_cell (s, version, formula_type, 2, 1, 0,
               (const guint8[]){ 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 0 }, 8 + tail);
  b = body ();
  if (version == 2)
    g_byte_array_append (b, (const guint8[]){ 6 }, 1);
  else
    put16 (b, 6);
  g_byte_array_append (b, (const guint8 *)"Jumlah", 6);
  record (s, version == 2 ? 0x0007 : 0x0207, b);
  legacy_cell (s, version, formula_type, 2, 2, 0,
               (const guint8[]){ 1, 0, 1, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 0 }, 8 + tail);
  legacy_cell (s, version, formula_type, 2, 3, 0,
               (const guint8[]){ 2, 0, 0x2A, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 0 }, 8 + tail);
  eof (s);

  path = g_strdup_printf ("%s/biff%u-%u.xls", tmp_dir, version, n_files++);
  g_assert_true (g_file_set_contents (path, (const char *)s->data, s->len, NULL));
  return path;
}

/* Excel 2.x to 4.0 worksheets, a bare record stream each, read as the later ones are (the
 * machine is little-endian, as the doubles written above assume). */
static void
test_legacy (void)
{
  for (guint version = 2; version <= 4; version++)
    {
      g_autofree char *path = write_legacy (version);
      g_autoptr (GError) error = NULL;
      g_autofree char *text = read_log (path, &error);
      g_autofree char *data = NULL;
      g_autofree char *copy = g_build_filename (tmp_dir, "legacy-cut.xls", NULL);
      gsize length;

      g_test_message ("BIFF%u", version);
      g_assert_no_error (error);
      g_assert_cmpstr (text, ==,
                       "# Worksheet\n"
                       "1: n:7|d:2023-12-31|t:18:00:00\n"
                       "2: t:Kab. Blitâr|b:TRUE|e:#DIV/0!\n"
                       "3: n:3.5|t:Jumlah|b:TRUE|e:#N/A\n");

      /* Cut anywhere, it reads or fails with our error */
      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      for (gsize n = 0; n < length; n += 3)
        {
          g_autoptr (GError) cut_error = NULL;
          g_autofree char *cut_text = NULL;

          g_assert_true (g_file_set_contents (copy, data, n, NULL));
          cut_text = read_log (copy, &cut_error);
          if (cut_text == NULL)
            g_assert_true (cut_error->domain == CAK_IMPORT_ERROR);
        }
    }
}

static void
test_not_xls (void)
{
  g_autofree char *text_file = g_build_filename (tmp_dir, "text.xls", NULL);
  g_autofree char *zip_file = g_build_filename (tmp_dir, "zip.xls", NULL);
  g_autofree char *empty_file = g_build_filename (tmp_dir, "empty.xls", NULL);
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.xls", NULL);

  g_assert_true (g_file_set_contents (text_file, "Kabupaten;Peserta\nBlitar;1\n", -1, NULL));
  g_assert_true (g_file_set_contents (zip_file, "PK\3\4\24\0\0\0\0\0", 10, NULL));
  g_assert_true (g_file_set_contents (empty_file, "", 0, NULL));
  assert_fails (text_file, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET, NULL);
  assert_fails (zip_file, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET, NULL);
  assert_fails (empty_file, CAK_IMPORT_ERROR_EMPTY, NULL);
  assert_fails (missing, CAK_IMPORT_ERROR_UNREADABLE, NULL);
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
  const char *log; /* NULL when the file must fail */
  int code;
  guint max_rows; /* logged per sheet; 0: all */
} corpus_cases[] = {
  { "issues.xls",
    "# datatypes\n1: n:1\n2: n:1.5\n3: t:ab\n4: b:FALSE\n5: t:test\n6: d:2016-10-20\n"
    "# Sheet1\n2: n:0\n# issue2\n1: n:1|t:a\n2: n:2|t:b\n3: n:3|t:c\n# issue5\n1: n:0.5\n"
    "# issue6\n1: n:1\n2: n:2\n3: t:ab\n4: b:FALSE\n" },
  /* the first column's dates and, in A3, an elapsed time ("[h]:mm:ss", 255 hours as calamine
   * reads it); the second column is numbers in a format named "General" */
  { "date.xls", "# Sheet1\n1: d:2021-01-01|n:15\n2: d:2021-01-02|n:16\n3: t:255:10:10|n:17\n" },
  { "date_1904.xls",
    "# Sheet1\n1: d:2021-01-01|n:15\n2: d:2021-01-02|n:16\n3: t:255:10:10|n:17\n" },
  { "formula-date-format.xls", "# Sheet1\n1: d:2017-02-27\n2: d:2017-02-28\n" },
  { "xls_formula.xls", "# Sheet1\n1: n:10\n2: n:20\n3: n:110\n4: n:65\n# Sheet2\n1: n:55\n" },
  { "xls_ref_String.xls",
    "# Sheet1\n1: t:aa\n2: t:bb\n3: t:aa\n4: t:bb\n# Sheet2\n1: t:88\n2: t:bb\n" },
  { "any_sheets.xls",
    "# Visible\n1: n:1|n:2\n2: n:3|n:4\n3: n:5|n:6\n"
    "5: t:This workbook contains 4 sheets: Visible, Hidden, VeryHidden and Chart\n"
    "# Hidden (hidden)\n# VeryHidden (hidden)\n" },
  { "merged_range.xls",
    "# Sheet1\n1: t:A1|t:B1|t:C1|-|t:E1|t:F1|t:G1|t:H1\n3: t:A3|t:B3|t:C3|-|t:E3|t:F3|t:G3|t:H3\n"
    "4: t:A4|t:B4|t:C4|-|t:E4|t:F4|t:G4|t:H4\n"
    "merges: C4:D4 E1:E2 F1:F2 G1:G2 H1:H2 A1:A2 B1:B2 C1:D2 C3:D3\n"
    "# Sheet2\n1: t:A1|t:B1|t:C1|-|t:E1|t:F1\n3: -|t:B3|t:C3|-|t:E3\n4: -|t:B4|-|-|t:E4\n"
    "merges: A1:A4 C3:D4 F1:H4 B1:B2 C1:D2 E1:E2\n" },
  { "merge_cells.xls", "# Sheet1\n1: t:Row Merge|-|t:Not Merged\n2: t:Column Merge|t:Chunk Merged\n"
                       "merges: A1:B1 A2:A4 B2:D4\n" },
  { "issue219.xls", "# 工作表1\n1: t:a\n" },
  { "issue343.xls", "# Лист1\n" },
  { "sheet_name_parsing.xls",
    "# Sheet1\n1: t:Titel|t:Orginaltitel|t:År|t:Regissör|t:Ditt betyg|t:Datum|t:IMDB#\n" },
  { "issue127.xls",
    "# Sheet1\n# Sheet2\n# Sheet3\n# Sheet4\n# Sheet5\n# Sheet6\n# Sheet7\n# Sheet8\n" },
  { "xls_wrong_decimals.xls", "# Sheet1\n1: n:0.525625\n" },
  /* FreeXL 1.0.6, which the reader once used, read none of these */
  { "empty-string.xls", "# Sheet1\n1: -|b:FALSE\n" },
  { "biff5_write.xls", "# SheetJS\n1: n:1|n:2|n:3\n2: b:TRUE|b:FALSE|-|t:sheetjs\n"
                       "3: t:foo|t:bar|d:2014-02-19|t:0.3\n4: t:baz|-|t:qux\n" },
  { "issue_643_biff5_formula.xls", "# SheetJS\n1: n:1|n:2|n:3\n2: b:TRUE|b:FALSE|-|t:sheetjs\n"
                                   "3: t:foo|t:bar|d:2014-02-19|t:0.3\n4: t:baz|n:1|t:qux\n" },
  { "biff5-rich-text-string.xls",
    "# Sheet1\n1: t:ELECTORAL DIVISION OF SOMERSET EAST ; FIELD-CÓRNËTCY No. 5, ZWAGERSHÓÊN.\n", 0,
    1 },
  { "issue_385.xls", NULL, CAK_IMPORT_ERROR_ENCRYPTED },
  { "too_small.xls", NULL, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET },
};

static void
test_corpus (void)
{
  g_autofree char *probe = corpus_path ("issues.xls");

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
      log.max_logged_rows = corpus_cases[i].max_rows;
      if (cak_xls_read (path, corpus_cases[i].file, &callbacks, NULL, &error))
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

/* An error cell shows the error (FreeXL 1.0.6 gave it as the number 1). */
static void
test_corpus_errors (void)
{
  g_autofree char *path = corpus_path ("gh548_incorrect_sst_unique_count.xls");
  g_autoptr (GError) error = NULL;
  SheetLog log;
  CakSheetCallbacks callbacks;

  if (path == NULL)
    {
      g_test_skip ("the calamine corpus is not in CAKUPAN_SHARED_DIR");
      return;
    }
  sheet_log_init (&log, &callbacks);
  g_assert_true (cak_xls_read (path, "gh548.xls", &callbacks, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (log.log->str, "13: t:RQM|t:NHS England London|t:Chelsea And "
                                          "Westminster Hospital NHS Foundation Trust|t:RQM|"
                                          "t:Chelsea And Westminster Hospital NHS Foundation "
                                          "Trust|n:1|n:21775|n:0|n:10627|n:32402|e:#VALUE!|"
                                          "e:#VALUE!"));
  g_assert_nonnull (strstr (log.log->str, "# System Mapping (hidden)\n"));
  g_assert_nonnull (strstr (log.log->str, "# Acute Trust Mapping (hidden)\n"));
  sheet_log_clear (&log);
}

/* Every .xls of the corpus reads or fails with our error; truncated copies fail cleanly. */
static void
test_corpus_all (void)
{
  g_autofree char *probe = corpus_path ("issues.xls");
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

      if (!g_str_has_suffix (name, ".xls"))
        continue;
      n++;
      {
        g_autoptr (GError) error = NULL;
        SheetLog log;
        CakSheetCallbacks callbacks;

        sheet_log_init (&log, &callbacks);
        if (!cak_xls_read (path, name, &callbacks, NULL, &error))
          {
            g_test_message ("%s: %s", name, error->message);
            g_assert_true (error->domain == CAK_IMPORT_ERROR);
            g_assert_nonnull (strstr (error->message, name));
          }
        sheet_log_clear (&log);
      }

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      for (guint k = 0; k < 4; k++)
        {
          g_autofree char *copy = g_build_filename (tmp_dir, "corpus.xls", NULL);
          g_autoptr (GError) error = NULL;
          SheetLog log;
          CakSheetCallbacks callbacks;

          g_assert_true (
              g_file_set_contents (copy, data, k == 3 ? length - 1 : length * (k + 1) / 4, NULL));
          sheet_log_init (&log, &callbacks);
          log.max_logged_rows = 5;
          if (!cak_xls_read (copy, name, &callbacks, NULL, &error))
            {
              g_assert_true (error->domain == CAK_IMPORT_ERROR);
              g_assert_nonnull (strstr (error->message, name));
            }
          sheet_log_clear (&log);
        }
    }
  g_assert_cmpuint (n, >, 30);
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
  tmp_dir = g_dir_make_tmp ("cakupan-test-xls-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/import/xls/records", test_records);
  g_test_add_func ("/import/xls/date1904", test_date1904);
  g_test_add_func ("/import/xls/stream-names", test_stream_names);
  g_test_add_func ("/import/xls/encrypted", test_encrypted);
  g_test_add_func ("/import/xls/limits", test_limits);
  g_test_add_func ("/import/xls/callbacks", test_callbacks);
  g_test_add_func ("/import/xls/damaged", test_damaged);
  g_test_add_func ("/import/xls/legacy", test_legacy);
  g_test_add_func ("/import/xls/sparse-bomb", test_sparse_bomb);
  g_test_add_func ("/import/xls/not-xls", test_not_xls);
  g_test_add_func ("/import/xls/corpus", test_corpus);
  g_test_add_func ("/import/xls/corpus-errors", test_corpus_errors);
  g_test_add_func ("/import/xls/corpus-all", test_corpus_all);

  status = g_test_run ();
  remove_tmp_dir ();
  return status;
}
