/* test-csv-reader.c: the streaming CSV reader, held to libcsv's reading of every record, with
 * chunk boundaries everywhere
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-csv-reader"

#include "config.h"

#include <csv.h>
#include <string.h>

#include "cak-csv-reader.h"

/* Chunk sizes that cut records, fields, quotes, CRLF pairs and characters everywhere */
static const gsize chunk_sizes[] = { 1, 2, 3, 5, 7, 13, 64, 256 * 1024 };

typedef struct
{
  GString *out;
  guint sheet_begins, sheet_ends, n_rows, stop_after;
  double last_progress;
  guint n_progress;
  GCancellable *cancel_on_first_row;
} Collected;

static gboolean
sheet_begin_cb (const CakSheetInfo *sheet, gpointer user_data)
{
  Collected *c = user_data;

  g_assert_null (sheet->name);
  g_assert_cmpuint (sheet->index, ==, 0);
  c->sheet_begins++;
  return TRUE;
}

static gboolean
row_cb (const CakRow *row, gpointer user_data)
{
  Collected *c = user_data;

  g_assert_cmpuint (c->sheet_begins, ==, 1);
  g_assert_null (row->types);
  g_string_append_printf (c->out, "%u:", row->row);
  for (guint i = 0; i < row->n_cells; i++)
    {
      g_assert_nonnull (row->cells[i]);
      g_string_append_printf (c->out, "%s[%s]", i ? "," : "", row->cells[i]);
    }
  g_string_append_c (c->out, '\n');
  c->n_rows++;
  if (c->cancel_on_first_row)
    g_cancellable_cancel (c->cancel_on_first_row);
  return c->stop_after == 0 || c->n_rows < c->stop_after;
}

static void
sheet_end_cb (const CakSheetInfo *sheet, const CakMerge *merges, guint n_merges, gpointer user_data)
{
  Collected *c = user_data;

  g_assert_null (sheet->name);
  g_assert_cmpuint (n_merges, ==, 0);
  c->sheet_ends++;
}

static void
progress_cb (double fraction, gpointer user_data)
{
  Collected *c = user_data;

  g_assert_cmpfloat (fraction, >=, c->last_progress);
  g_assert_cmpfloat (fraction, <=, 1.0);
  c->last_progress = fraction;
  c->n_progress++;
}

/* Reads @length bytes of @data @chunk_size at a time; returns the rows as "row:[cell],[cell]"
 * lines, or NULL with @error set. */
static char *
read_text (const char *data, gsize length, gsize chunk_size, CakCsvInfo *info, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, length);
  g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr (GString) out = g_string_new (NULL);
  Collected c = { out };
  CakSheetCallbacks callbacks = { sheet_begin_cb, row_cb, sheet_end_cb, progress_cb, &c };

  if (!cak_csv_read_stream_chunked (stream, length, chunk_size, "t.csv", info, &callbacks, NULL,
                                    error))
    {
      g_assert_cmpuint (c.sheet_ends, ==, 0);
      return NULL;
    }
  g_assert_cmpuint (c.sheet_begins, ==, 1);
  g_assert_cmpuint (c.sheet_ends, ==, 1);
  g_assert_cmpfloat (c.last_progress, ==, 1.0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The reference: libcsv alone, as the reader used it before it streamed. */
typedef struct
{
  GString *out;
  GPtrArray *cells;
  guint row;
  int last_terminator;
} Reference;

static void
reference_field_cb (void *data, size_t length, void *user_data)
{
  Reference *ref = user_data;

  g_ptr_array_add (ref->cells, g_strndup (data, length));
}

static void
reference_record_cb (int terminator, void *user_data)
{
  Reference *ref = user_data;

  if (ref->cells->len == 0 && terminator == '\n' && ref->last_terminator == '\r')
    {
      ref->last_terminator = terminator;
      return;
    }
  ref->last_terminator = terminator;
  if (ref->cells->len == 0 && terminator == -1)
    return;
  g_string_append_printf (ref->out, "%u:", ++ref->row);
  for (guint i = 0; i < ref->cells->len; i++)
    g_string_append_printf (ref->out, "%s[%s]", i ? "," : "",
                            (char *)g_ptr_array_index (ref->cells, i));
  g_string_append_c (ref->out, '\n');
  g_ptr_array_set_size (ref->cells, 0);
}

static char *
read_with_libcsv (const char *data, gsize length, char delimiter)
{
  Reference ref = { g_string_new (NULL), g_ptr_array_new_with_free_func (g_free), 0, 0 };
  struct csv_parser parser;

  g_assert_cmpint (csv_init (&parser, CSV_REPALL_NL), ==, 0);
  csv_set_delim (&parser, delimiter);
  g_assert_cmpuint (
      csv_parse (&parser, data, length, reference_field_cb, reference_record_cb, &ref), ==, length);
  csv_fini (&parser, reference_field_cb, reference_record_cb, &ref);
  csv_free (&parser);
  g_ptr_array_unref (ref.cells);
  return g_string_free (ref.out, FALSE);
}

static void
assert_reads_as_libcsv (const char *data, gsize length)
{
  for (guint k = 0; k < G_N_ELEMENTS (chunk_sizes); k++)
    {
      g_autoptr (GError) error = NULL;
      CakCsvInfo info;
      g_autofree char *got = read_text (data, length, chunk_sizes[k], &info, &error);
      g_autofree char *expected = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (info.encoding, ==, "UTF-8");
      expected = read_with_libcsv (data, length, info.delimiter);
      if (g_strcmp0 (got, expected) != 0)
        {
          g_autofree char *escaped = g_strescape (data, NULL);

          g_test_message ("input \"%s\", chunks of %" G_GSIZE_FORMAT, escaped, chunk_sizes[k]);
        }
      g_assert_cmpstr (got, ==, expected);
    }
}

static void
test_cases (void)
{
  /* The cases where the plain path hands over to libcsv, and the blanks libcsv drops */
  static const char *const cases[] = {
    "",
    "a,b\nc,d\n",
    "a,b\r\nc,d\r\n",
    "a,b\rc,d",
    "a,b\n\nc,d",
    "a,b\r\n\r\nc,d\r\n",
    "\"x\ny\",b\nc,d\n",
    "a,\"b \"\"q\"\"\"\n",
    " a , b \n  \n\t\n,\n , \n",
    "\"a\" , \"b\"\t\n",
    "\"a\"x,b\n",
    "\"a\" \"b\",c\n",
    "a\"b,c\n",
    "a,\"b\n",
    "a,\"b\"",
    "a,b,",
    "a,\"\"\"\"",
    "\"\",\"\"\r\n\"\r\n\",\"\"\"\"\r\n",
    "37°36'37.8\"N,Modesto\n",
    "é,€,𝄞\n𝄞𝄞,é\"é\n",
    "\n\r\n\r\r\n\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (cases[i][0] != '\0')
      assert_reads_as_libcsv (cases[i], strlen (cases[i]));
}

static void
test_random (void)
{
  /* Short texts from the characters that matter, read with every chunk size */
  static const char *const pieces[] = {
    "a", "bc", " ", "\t", ",", ",", "\"", "\"", "\"\"", "\r", "\n", "\r\n", "é", "€", "𝄞", ";",
  };
  guint n = g_test_slow () ? 20000 : 2000;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GString) text = g_string_new ("h,i\n");
      guint pieces_in_text = g_test_rand_int_range (1, 40);

      for (guint j = 0; j < pieces_in_text; j++)
        g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
      assert_reads_as_libcsv (text->str, text->len);
    }
}

static void
test_large (void)
{
  /* Many chunks: rows straddle chunk ends, progress is reported, the result matches libcsv */
  g_autoptr (GString) text = g_string_new ("kode_wilayah,nama,peserta\r\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  Collected c = { out };
  CakSheetCallbacks callbacks = { sheet_begin_cb, row_cb, sheet_end_cb, progress_cb, &c };
  CakCsvInfo info;

  for (guint i = 0; text->len < 5 * 1024 * 1024; i++)
    g_string_append_printf (text, "35.%02u,%s%u%s,%u\r\n", i % 79, i % 3 ? "" : "\"Kota, ", i,
                            i % 3 ? "" : "\"", i * 7);
  expected = read_with_libcsv (text->str, text->len, ',');
  bytes = g_bytes_new (text->str, text->len);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  g_assert_true (
      cak_csv_read_stream (stream, text->len, "big.csv", &info, &callbacks, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.delimiter, ==, ',');
  g_assert_cmpstr (out->str, ==, expected);
  /* about every MiB, and at the end */
  g_assert_cmpuint (c.n_progress, >=, 5);
  g_assert_cmpfloat (c.last_progress, ==, 1.0);
}

static char *
to_utf16 (const char *utf8, gboolean big_endian, gsize *length)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *body
      = g_convert (utf8, -1, big_endian ? "UTF-16BE" : "UTF-16LE", "UTF-8", NULL, length, &error);
  char *text;

  g_assert_no_error (error);
  text = g_malloc (*length + 2);
  memcpy (text, big_endian ? "\xFE\xFF" : "\xFF\xFE", 2);
  memcpy (text + 2, body, *length);
  *length += 2;
  return text;
}

static void
test_encodings (void)
{
  /* commas: with chunks of a few bytes, the first chunk is too short to tell the delimiter */
  const char *utf8 = "nama,kota\r\n\"Kab. 𝄞\",\"Kota Batu, Jatim\"\r\ncafé,€\r\n";
  const char *expected = "1:[nama],[kota]\n2:[Kab. 𝄞],[Kota Batu, Jatim]\n3:[café],[€]\n";
  g_autoptr (GString) bom = g_string_new ("\xEF\xBB\xBF");

  g_string_append (bom, utf8);
  for (guint k = 0; k < G_N_ELEMENTS (chunk_sizes); k++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *le = NULL, *be = NULL, *got = NULL;
      gsize le_length, be_length;
      CakCsvInfo info;

      /* UTF-8 with a byte-order mark */
      got = read_text (bom->str, bom->len, chunk_sizes[k], &info, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (got, ==, expected);
      g_assert_true (info.had_bom);
      g_assert_false (info.encoding_fallback);
      g_clear_pointer (&got, g_free);

      /* UTF-16 both ways, a surrogate pair among them, cut anywhere */
      le = to_utf16 (utf8, FALSE, &le_length);
      got = read_text (le, le_length, chunk_sizes[k], &info, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (got, ==, expected);
      g_assert_cmpstr (info.encoding, ==, "UTF-16LE");
      g_assert_true (info.had_bom);
      g_clear_pointer (&got, g_free);

      be = to_utf16 (utf8, TRUE, &be_length);
      got = read_text (be, be_length, chunk_sizes[k], &info, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (got, ==, expected);
      g_assert_cmpstr (info.encoding, ==, "UTF-16BE");
    }
}

static void
test_windows_1252 (void)
{
  g_autoptr (GString) late = g_string_new ("nama,kota\n");
  g_autoptr (GString) expected_late = g_string_new ("1:[nama],[kota]\n");
  g_autoptr (GError) error = NULL;
  g_autofree char *got = NULL;
  CakCsvInfo info;
  guint row;

  /* Not UTF-8 from the first chunk: Windows-1252 throughout */
  got = read_text ("a;b\ncaf\xE9;\x80 5\n", 13, 256 * 1024, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, "1:[a],[b]\n2:[café],[€ 5]\n");
  g_assert_cmpstr (info.encoding, ==, "WINDOWS-1252");
  g_assert_true (info.encoding_fallback);
  g_assert_cmpuint (info.fallback_row, ==, 1);
  g_clear_pointer (&got, g_free);

  /* UTF-8 for a megabyte, then a byte that is not: the rest is Windows-1252, from its row */
  for (row = 2; late->len < 1024 * 1024; row++)
    {
      g_string_append_printf (late, "Kota %u,Sémarang\n", row);
      g_string_append_printf (expected_late, "%u:[Kota %u],[Sémarang]\n", row, row);
    }
  g_string_append (late, "Kota \xC7,Sur\xE9 ab\xE9\n\"Kota \xC3\xA9\",x\n");
  g_string_append_printf (expected_late, "%u:[Kota Ç],[Suré abé]\n%u:[Kota Ã©],[x]\n", row,
                          row + 1);
  got = read_text (late->str, late->len, 64 * 1024, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, expected_late->str);
  g_assert_cmpstr (info.encoding, ==, "WINDOWS-1252");
  g_assert_true (info.encoding_fallback);
  g_assert_cmpuint (info.fallback_row, ==, row);
  g_clear_pointer (&got, g_free);

  /* A character cut off by the end of the file */
  got = read_text ("a,b\nc,\xC3", 7, 3, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, "1:[a],[b]\n2:[c],[Ã]\n");
  g_assert_cmpuint (info.fallback_row, ==, 2);
}

static void
test_unreadable (void)
{
  const struct
  {
    const char *text;
    gsize length;
    int code;
    const char *message;
  } cases[] = {
    { "", 0, CAK_IMPORT_ERROR_EMPTY, "“t.csv” is empty." },
    { "\xEF\xBB\xBF", 3, CAK_IMPORT_ERROR_EMPTY, "“t.csv” is empty." },
    { "a\0b\0", 4, CAK_IMPORT_ERROR_NOT_A_SPREADSHEET, NULL },
    /* an odd byte at the end of UTF-16 */
    { "\xFF\xFE"
      "a\0,\0b\0\n\0c\0,\0d",
      15, CAK_IMPORT_ERROR_UNREADABLE, "“t.csv” says it is UTF-16 text, but row 2 is not." },
    /* a lone surrogate */
    { "\xFF\xFE"
      "a\0\n\0\x00\xD8z\0",
      10, CAK_IMPORT_ERROR_UNREADABLE, "“t.csv” says it is UTF-16 text, but row 2 is not." },
    /* 0x81 has no character in Windows-1252 */
    { "a,b\nc,\x81\n", 8, CAK_IMPORT_ERROR_UNREADABLE,
      "“t.csv” is neither UTF-8 nor Windows-1252 text: row 2 has bytes that neither uses." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint k = 0; k < G_N_ELEMENTS (chunk_sizes); k++)
      {
        g_autoptr (GError) error = NULL;
        g_autofree char *got
            = read_text (cases[i].text, cases[i].length, chunk_sizes[k], NULL, &error);

        g_assert_null (got);
        g_assert_error (error, CAK_IMPORT_ERROR, cases[i].code);
        g_assert_nonnull (strstr (error->message, "t.csv"));
        if (cases[i].message)
          g_assert_cmpstr (error->message, ==, cases[i].message);
      }
}

static void
test_blank_and_header_only (void)
{
  const struct
  {
    const char *text, *expected;
  } cases[] = {
    { "a,b,c", "1:[a],[b],[c]\n" },
    { "a,b,c\r\n", "1:[a],[b],[c]\n" },
    { "\n", "1:\n" },
    { "   ", "" },
    { "\n\nx\n", "1:\n2:\n3:[x]\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *got
          = read_text (cases[i].text, strlen (cases[i].text), 256 * 1024, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_stop_and_skip (void)
{
  const char *text = "a,b\nc,d\ne,f\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr (GError) error = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (chunk_sizes); k++)
    {
      g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
      g_autoptr (GString) out = g_string_new (NULL);
      Collected c = { out, .stop_after = 2 };
      CakSheetCallbacks callbacks = { sheet_begin_cb, row_cb, sheet_end_cb, NULL, &c };

      /* a row function that returns FALSE ends the reading, which still succeeds */
      g_assert_true (cak_csv_read_stream_chunked (stream, -1, chunk_sizes[k], "t.csv", NULL,
                                                  &callbacks, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (out->str, ==, "1:[a],[b]\n2:[c],[d]\n");
      g_assert_cmpuint (c.sheet_ends, ==, 1);
    }
}

static gboolean
skip_sheet_cb (const CakSheetInfo *sheet, gpointer user_data)
{
  return FALSE;
}

static void
test_skip_sheet (void)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static ("a,b\n", 4);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  Collected c = { out };
  CakSheetCallbacks callbacks = { skip_sheet_cb, row_cb, sheet_end_cb, NULL, &c };

  g_assert_true (cak_csv_read_bytes (bytes, "t.csv", NULL, &callbacks, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out->str, ==, "");
  g_assert_cmpuint (c.sheet_ends, ==, 1);
}

static void
test_cancel (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GBytes) bytes = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "35.%02u,%u\n", i % 79, i);
  bytes = g_bytes_new (text->str, text->len);

  for (guint before = 0; before < 2; before++)
    {
      g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
      g_autoptr (GCancellable) cancellable = g_cancellable_new ();
      g_autoptr (GString) out = g_string_new (NULL);
      g_autoptr (GError) error = NULL;
      Collected c = { out };
      CakSheetCallbacks callbacks = { sheet_begin_cb, row_cb, sheet_end_cb, NULL, &c };

      if (before)
        g_cancellable_cancel (cancellable);
      else
        c.cancel_on_first_row = cancellable;
      g_assert_false (
          cak_csv_read_stream (stream, text->len, "t.csv", NULL, &callbacks, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      /* it stops within a chunk or so */
      g_assert_cmpuint (c.n_rows, <, 50000);
      g_assert_cmpuint (c.sheet_ends, ==, 0);
    }
}

/* A stream that fails after a few bytes, as a file on a vanished drive does */
typedef struct
{
  GInputStream parent_instance;
  gsize served;
} FailingStream;

typedef struct
{
  GInputStreamClass parent_class;
} FailingStreamClass;

GType failing_stream_get_type (void);
G_DEFINE_TYPE (FailingStream, failing_stream, G_TYPE_INPUT_STREAM)

static gssize
failing_stream_read (GInputStream *stream, void *buffer, gsize count, GCancellable *cancellable,
                     GError **error)
{
  FailingStream *self = (FailingStream *)stream;

  if (self->served > 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Input/output error");
      return -1;
    }
  count = MIN (count, 4);
  memcpy (buffer, "a,b\nc,d\n", count);
  self->served += count;
  return count;
}

static void
failing_stream_class_init (FailingStreamClass *klass)
{
  G_INPUT_STREAM_CLASS (klass)->read_fn = failing_stream_read;
}

static void
failing_stream_init (FailingStream *self)
{
}

static void
test_read_error (void)
{
  g_autoptr (GInputStream) stream = g_object_new (failing_stream_get_type (), NULL);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  Collected c = { out };
  CakSheetCallbacks callbacks = { sheet_begin_cb, row_cb, sheet_end_cb, NULL, &c };

  g_assert_false (
      cak_csv_read_stream_chunked (stream, -1, 4, "t.csv", NULL, &callbacks, NULL, &error));
  g_assert_error (error, CAK_IMPORT_ERROR, CAK_IMPORT_ERROR_UNREADABLE);
  g_assert_cmpstr (error->message, ==, "Reading “t.csv” failed: Input/output error");
  g_assert_cmpstr (out->str, ==, "1:[a],[b]\n");
  g_assert_cmpuint (c.sheet_ends, ==, 0);
}

static void
test_delimiters (void)
{
  const struct
  {
    const char *text;
    char delimiter;
  } cases[] = {
    /* the spectrum's json.csv: the commas inside quotes do not count */
    { "key,val\n1,\"{\"\"type\"\": \"\"Point\"\", \"\"coordinates\"\": [102.0, 0.5]}\"\n", ',' },
    /* a quote inside an unquoted field does not open a quoted stretch */
    { "a,b,c,d\n1,37°36'37.8\"N 121°2'17.9\"W,x;y,z\n", ',' },
    { "a,b\n\"x;y;z\",1\n\"p;q;r\",2\n", ',' },
    /* decimal commas in one column and a note with a comma tie with the semicolons on lines;
     * the semicolons split into more fields */
    { "No;Kab/Kota;Bekerja;Peserta;Cakupan (%)\n1;Kab. Blitar;449.717;114.377;25,43\n"
      "2;Kota Blitar;80.412;31.250;38,86\n\nSumber: BPS, diolah\n",
      ';' },
    /* a comma file with one semicolon in each line's text stays a comma file */
    { "a,b,c\nx;1,2,3\ny;4,5,6\n", ',' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (cak_csv_detect_delimiter (cases[i].text, strlen (cases[i].text)), ==,
                     cases[i].delimiter);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-reader/cases", test_cases);
  g_test_add_func ("/csv-reader/random", test_random);
  g_test_add_func ("/csv-reader/large", test_large);
  g_test_add_func ("/csv-reader/encodings", test_encodings);
  g_test_add_func ("/csv-reader/windows-1252", test_windows_1252);
  g_test_add_func ("/csv-reader/unreadable", test_unreadable);
  g_test_add_func ("/csv-reader/blank-and-header-only", test_blank_and_header_only);
  g_test_add_func ("/csv-reader/stop", test_stop_and_skip);
  g_test_add_func ("/csv-reader/skip-sheet", test_skip_sheet);
  g_test_add_func ("/csv-reader/cancel", test_cancel);
  g_test_add_func ("/csv-reader/read-error", test_read_error);
  g_test_add_func ("/csv-reader/delimiters", test_delimiters);

  return g_test_run ();
}
