/* test-csv-spectrum.c: the CSV reader against csv-spectrum, the acid test of CSV parsers
 *
 * Copyright 2026 The Cakupan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every csvs/NAME.csv of ../shared/corpora/csv-spectrum (and of its extras-from-unmerged-PRs)
 * is read with the reader and compared with json/NAME.json, an array of objects keyed by the
 * header. The JSON is read by the small reader below: strings, arrays and objects are all the
 * expected files hold. Where the corpus or its expectations are wrong or not Cakupan's, the
 * test says why and checks what the reader does instead.
 */
#define G_LOG_DOMAIN "test-csv-spectrum"

#include "config.h"

#include <string.h>

#include "cak-csv-reader.h"

/* Where the expectations are not to be met, and why; the test checks that the reader gives the
 * other value, and nothing else differs. */
static const struct
{
  const char *file;
  guint object;
  const char *key, *spectrum, *cakupan, *why;
} deviations[] = {
  { "location_coordinates", 0, "Contact Phone Number", "1234567890", "2095257564",
    "the expected JSON does not match its CSV upstream, which has 2095257564" },
  { "null", 2, "b", "", "NULL",
    "an unquoted NULL is text to Excel, LibreOffice and Python's csv module alike; what a cell "
    "means is for the importer to say (this case comes from an unmerged pull request)" },
};

/* The JSON reader */

typedef struct
{
  const char *p, *end;
} Json;

static void
skip_space (Json *j)
{
  while (j->p < j->end && strchr (" \t\r\n", *j->p) != NULL)
    j->p++;
}

static void
expect_char (Json *j, char c)
{
  skip_space (j);
  g_assert_true (j->p < j->end);
  g_assert_cmpint (*j->p, ==, c);
  j->p++;
}

static gboolean
next_is (Json *j, char c)
{
  skip_space (j);
  return j->p < j->end && *j->p == c;
}

static guint
read_hex4 (Json *j)
{
  guint value = 0;

  g_assert_cmpint (j->end - j->p, >=, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_true (g_ascii_isxdigit (j->p[i]));
      value = value * 16 + g_ascii_xdigit_value (j->p[i]);
    }
  j->p += 4;
  return value;
}

static char *
read_string (Json *j)
{
  g_autoptr (GString) s = g_string_new (NULL);

  expect_char (j, '"');
  while (j->p < j->end && *j->p != '"')
    {
      gunichar c;

      if (*j->p != '\\')
        {
          g_string_append_c (s, *j->p++);
          continue;
        }
      g_assert_cmpint (j->end - j->p, >=, 2);
      j->p += 2;
      switch (j->p[-1])
        {
          case 'b':
            g_string_append_c (s, '\b');
            break;
          case 'f':
            g_string_append_c (s, '\f');
            break;
          case 'n':
            g_string_append_c (s, '\n');
            break;
          case 'r':
            g_string_append_c (s, '\r');
            break;
          case 't':
            g_string_append_c (s, '\t');
            break;
          case 'u':
            c = read_hex4 (j);
            if (c >= 0xD800 && c < 0xDC00 && j->end - j->p >= 6 && j->p[0] == '\\'
                && j->p[1] == 'u')
              {
                j->p += 2;
                c = 0x10000 + ((c - 0xD800) << 10) + (read_hex4 (j) - 0xDC00);
              }
            g_string_append_unichar (s, c);
            break;
          default: /* " \ / */
            g_string_append_c (s, j->p[-1]);
        }
    }
  expect_char (j, '"');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* An object of strings, as its keys and values in turn */
static GPtrArray *
read_object (Json *j)
{
  GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);

  expect_char (j, '{');
  while (!next_is (j, '}'))
    {
      if (pairs->len > 0)
        expect_char (j, ',');
      skip_space (j);
      g_ptr_array_add (pairs, read_string (j));
      expect_char (j, ':');
      skip_space (j);
      g_ptr_array_add (pairs, read_string (j));
    }
  expect_char (j, '}');
  return pairs;
}

/* Objects of strings, one per data row */
static GPtrArray *
read_expected (const char *text, gsize length)
{
  Json j = { text, text + length };
  GPtrArray *objects = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);

  /* location_coordinates.json holds its one row as an object, not in an array */
  if (next_is (&j, '{'))
    g_ptr_array_add (objects, read_object (&j));
  else
    {
      expect_char (&j, '[');
      while (!next_is (&j, ']'))
        {
          if (objects->len > 0)
            expect_char (&j, ',');
          g_ptr_array_add (objects, read_object (&j));
        }
      expect_char (&j, ']');
    }
  skip_space (&j);
  g_assert_true (j.p == j.end);
  return objects;
}

/* The rows, as the same objects */

static gboolean
collect_row_cb (const CakRow *row, gpointer user_data)
{
  GPtrArray *rows = user_data;
  char **cells = g_new (char *, row->n_cells + 1);

  for (guint i = 0; i < row->n_cells; i++)
    cells[i] = g_strdup (row->cells[i]);
  cells[row->n_cells] = NULL;
  g_ptr_array_add (rows, cells);
  return TRUE;
}

static GPtrArray *
read_rows (const char *name, const char *data, gsize length, CakCsvInfo *info)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, length);
  g_autoptr (GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  CakSheetCallbacks callbacks = { .row = collect_row_cb, .user_data = rows };

  g_assert_true (cak_csv_read_bytes (bytes, name, info, &callbacks, NULL, &error));
  g_assert_no_error (error);
  return rows;
}

static void
append_pair (GString *s, const char *key, const char *value)
{
  g_autofree char *k = g_strescape (key, NULL);
  g_autofree char *v = value ? g_strescape (value, NULL) : g_strdup ("<missing>");

  g_string_append_printf (s, "  %s = %s\n", k, v);
}

/* The rows under the header, as "object N" and "key = value" lines */
static char *
describe_rows (GPtrArray *rows)
{
  GString *s = g_string_new (NULL);
  char **header;

  g_assert_cmpuint (rows->len, >=, 1);
  header = g_ptr_array_index (rows, 0);
  for (guint i = 1; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);
      guint n_header = g_strv_length (header), n_cells = g_strv_length (cells);

      g_string_append_printf (s, "object %u\n", i - 1);
      for (guint k = 0; k < MAX (n_header, n_cells); k++)
        append_pair (s, k < n_header ? header[k] : "<extra>", k < n_cells ? cells[k] : NULL);
    }
  return g_string_free (s, FALSE);
}

static char *
describe_expected (const char *file, GPtrArray *objects, gboolean crlf_to_lf)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < objects->len; i++)
    {
      GPtrArray *pairs = g_ptr_array_index (objects, i);

      g_string_append_printf (s, "object %u\n", i);
      for (guint k = 0; k + 1 < pairs->len; k += 2)
        {
          const char *key = g_ptr_array_index (pairs, k);
          g_autofree char *value = g_strdup (g_ptr_array_index (pairs, k + 1));

          for (guint d = 0; d < G_N_ELEMENTS (deviations); d++)
            if (strcmp (file, deviations[d].file) == 0 && deviations[d].object == i
                && strcmp (key, deviations[d].key) == 0)
              {
                g_assert_cmpstr (value, ==, deviations[d].spectrum);
                g_test_message ("%s, object %u, “%s”: expected “%s”, read “%s”: %s", file, i, key,
                                value, deviations[d].cakupan, deviations[d].why);
                g_free (value);
                value = g_strdup (deviations[d].cakupan);
              }
          if (crlf_to_lf)
            {
              g_auto (GStrv) parts = g_strsplit (value, "\r\n", -1);

              g_free (value);
              value = g_strjoinv ("\n", parts);
            }
          append_pair (s, key, value);
        }
    }
  return g_string_free (s, FALSE);
}

typedef struct
{
  char *csv, *json, *name;
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->csv);
  g_free (c->json);
  g_free (c->name);
  g_free (c);
}

static void
assert_reads_as (const char *name, const char *data, gsize length, GPtrArray *expected,
                 gboolean crlf_to_lf)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *got = NULL, *want = NULL;
  CakCsvInfo info;

  rows = read_rows (name, data, length, &info);
  /* the spectrum is comma-separated throughout */
  g_assert_cmpint (info.delimiter, ==, ',');
  got = describe_rows (rows);
  want = describe_expected (name, expected, crlf_to_lf);
  g_assert_cmpstr (got, ==, want);
}

static void
test_file (gconstpointer data)
{
  const Case *c = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = NULL, *json = NULL;
  gsize csv_length, json_length;
  g_autoptr (GPtrArray) expected = NULL;

  g_assert_true (g_file_get_contents (c->csv, &csv, &csv_length, &error));
  g_assert_no_error (error);

  if (!g_file_test (c->json, G_FILE_TEST_EXISTS))
    {
      /* newlines_as_ctrl_chars.csv: Apple's EPF format, fields ended by \x01 and records by
       * \x02\n, came without expectations and is not CSV. It still reads, without error. */
      g_autoptr (GPtrArray) rows = read_rows (c->name, csv, csv_length, NULL);

      g_assert_cmpuint (rows->len, >=, 1);
      g_test_skip ("no expected JSON for this file upstream");
      return;
    }

  g_assert_true (g_file_get_contents (c->json, &json, &json_length, &error));
  g_assert_no_error (error);
  expected = read_expected (json, json_length);

  if (g_str_has_suffix (c->name, "_crlf") && memchr (csv, '\r', csv_length) == NULL)
    {
      /* The copies of the _crlf files here have no carriage return, yet newlines_crlf.json
       * expects \r\n inside a quoted field: the files were made with CRLF and lost it on the
       * way (Git normalises line ends). Read them as they are, against the expectations with \n
       * for \r\n, and as they were made, against the expectations as given. */
      g_autoptr (GString) crlf = g_string_new_len (csv, csv_length);

      g_test_message ("%s.csv has no CR: also read with every LF made CRLF", c->name);
      assert_reads_as (c->name, csv, csv_length, expected, TRUE);
      g_string_replace (crlf, "\n", "\r\n", 0);
      assert_reads_as (c->name, crlf->str, crlf->len, expected, FALSE);
      return;
    }
  assert_reads_as (c->name, csv, csv_length, expected, FALSE);
}

static void
test_missing (gconstpointer data)
{
  g_test_skip (data);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

static guint
add_folder (const char *root, const char *prefix)
{
  g_autofree char *csvs = g_build_filename (root, "csvs", NULL);
  g_autoptr (GDir) dir = g_dir_open (csvs, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  if (dir == NULL)
    return 0;
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (entry, ".csv"))
      g_ptr_array_add (names, g_strndup (entry, strlen (entry) - 4));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_strconcat (prefix, name, NULL);
      g_autofree char *file = g_strconcat (name, ".csv", NULL);
      g_autofree char *json = g_strconcat (name, ".json", NULL);
      Case *c = g_new0 (Case, 1);

      c->name = g_strdup (name);
      c->csv = g_build_filename (csvs, file, NULL);
      c->json = g_build_filename (root, "json", json, NULL);
      g_test_add_data_func_full (path, c, test_file, case_free);
    }
  return names->len;
}

int
main (int argc, char *argv[])
{
  const char *shared = g_getenv ("CAKUPAN_SHARED_DIR");
  g_autofree char *root = NULL, *extras = NULL;

  g_test_init (&argc, &argv, NULL);

  root = g_build_filename (shared ? shared : "../shared", "corpora", "csv-spectrum", NULL);
  extras = g_build_filename (root, "extras-from-unmerged-PRs", NULL);
  if (add_folder (root, "/csv-spectrum/") == 0)
    g_test_add_data_func ("/csv-spectrum", "csv-spectrum not found in ../shared/corpora",
                          test_missing);
  add_folder (extras, "/csv-spectrum/extras/");

  return g_test_run ();
}
